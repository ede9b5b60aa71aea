//! `migrate`: same contract only, never a downgrade, and never over jobs it cannot read.

use super::*;
use commons::migrate::{MigrateError, MigrateMsg};

/// A stand-in for an earlier deployment: it records any cw2 name and version and, if asked,
/// a job under the pre-release JSON key.
mod impostor {
    use cosmwasm_schema::cw_serde;
    use cosmwasm_std::{Binary, Deps, DepsMut, Empty, Env, MessageInfo, Response, StdResult};

    #[cw_serde]
    pub struct Init {
        pub name: String,
        pub version: String,
        pub old_job: bool,
    }

    pub fn instantiate(deps: DepsMut, _: Env, _: MessageInfo, msg: Init) -> StdResult<Response> {
        cw2::set_contract_version(deps.storage, msg.name, msg.version)?;
        if msg.old_job {
            // cw-storage-plus key of job 1 in the map "job": length-prefixed namespace, id
            let mut key = b"\x00\x03job".to_vec();
            key.extend_from_slice(&1u64.to_be_bytes());
            deps.storage.set(&key, br#"{"client":"someone"}"#);
        }
        Ok(Response::new())
    }

    pub fn execute(_: DepsMut, _: Env, _: MessageInfo, _: Empty) -> StdResult<Response> {
        Ok(Response::new())
    }

    pub fn query(_: Deps, _: Env, _: Empty) -> StdResult<Binary> {
        Ok(Binary::default())
    }
}

fn migrate_from(name: &str, version: &str, old_job: bool) -> AnyResult<AppResponse> {
    let mut app = App::default();
    let admin = app.api().addr_make("admin");
    let old = app.store_code(Box::new(ContractWrapper::new(
        impostor::execute,
        impostor::instantiate,
        impostor::query,
    )));
    let new = app.store_code(escrow_contract());
    let init = impostor::Init {
        name: name.into(),
        version: version.into(),
        old_job,
    };
    let addr = app
        .instantiate_contract(
            old,
            admin.clone(),
            &init,
            &[],
            "old",
            Some(admin.to_string()),
        )
        .unwrap();
    app.migrate_contract(admin, addr, &MigrateMsg {}, new)
}

fn migrate_err(res: AnyResult<AppResponse>) -> ContractError {
    res.unwrap_err().downcast::<ContractError>().unwrap()
}

#[test]
fn migrate_refuses_downgrades_and_other_contracts() {
    assert_eq!(
        migrate_err(migrate_from("crates.io:commons-treasury", "0.1.0", false)),
        ContractError::Migrate(MigrateError::WrongContract {
            expected: "crates.io:commons-compute-escrow".into(),
            found: "crates.io:commons-treasury".into(),
        })
    );
    assert_eq!(
        migrate_err(migrate_from(
            "crates.io:commons-compute-escrow",
            "99.0.0",
            false
        )),
        ContractError::Migrate(MigrateError::Downgrade {
            stored: "99.0.0".into(),
            new: env!("CARGO_PKG_VERSION").into(),
        })
    );
    let res = migrate_from("crates.io:commons-compute-escrow", "0.0.1", false).unwrap();
    assert_eq!(attr(&res, "action").as_deref(), Some("migrate"));
}

#[test]
fn migrate_refuses_jobs_in_the_pre_release_layout() {
    assert_eq!(
        migrate_err(migrate_from(
            "crates.io:commons-compute-escrow",
            "0.0.1",
            true
        )),
        ContractError::UnknownStorageLayout
    );
}

#[test]
fn migrate_same_version_keeps_jobs() {
    let (mut s, id) = Suite::running_job();
    s.report(id, 3).unwrap();
    let before = s.job(id);
    let dao = s.addr("dao");
    let code = s.app.store_code(escrow_contract());
    let res = s
        .app
        .migrate_contract(dao, s.escrow.clone(), &MigrateMsg {}, code)
        .unwrap();
    assert_eq!(
        attr(&res, "version").as_deref(),
        Some(env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(s.job(id), before);
    s.wait(CHALLENGE);
    s.claim(&[id]).unwrap();
}
