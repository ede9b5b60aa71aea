//! `migrate`: same contract only, never a downgrade, and never over jobs it cannot read.

use super::*;
use commons::layout::LayoutError;
use commons::migrate::{MigrateError, MigrateMsg};

/// Migrates to this escrow from an earlier deployment named `name` at `version` that left
/// `job` (a namespace and the bytes of job 1 in it), if any.
fn migrate_from(name: &str, version: &str, job: Option<(&str, &[u8])>) -> AnyResult<AppResponse> {
    let records = job
        .map(|(namespace, bytes)| {
            let key = commons::codec::map_key(namespace.as_bytes(), &1u64.to_be_bytes());
            (key.to_vec(), bytes.to_vec())
        })
        .into_iter()
        .collect();
    let mut app = App::default();
    commons_testing::migrate::migrate_from(&mut app, escrow_contract(), name, version, records)
}

fn migrate_err(res: AnyResult<AppResponse>) -> ContractError {
    res.unwrap_err().downcast::<ContractError>().unwrap()
}

#[test]
fn migrate_refuses_downgrades_and_other_contracts() {
    assert_eq!(
        migrate_err(migrate_from("crates.io:commons-treasury", "0.1.0", None)),
        ContractError::Migrate(MigrateError::WrongContract {
            expected: "crates.io:commons-compute-escrow".into(),
            found: "crates.io:commons-treasury".into(),
        })
    );
    assert_eq!(
        migrate_err(migrate_from(
            "crates.io:commons-compute-escrow",
            "99.0.0",
            None
        )),
        ContractError::Migrate(MigrateError::Downgrade {
            stored: "99.0.0".into(),
            new: env!("CARGO_PKG_VERSION").into(),
        })
    );
    let res = migrate_from("crates.io:commons-compute-escrow", "0.0.1", None).unwrap();
    assert_eq!(attr(&res, "action").as_deref(), Some("migrate"));
}

#[test]
fn migrate_refuses_jobs_in_the_pre_release_layout() {
    let from = |job| {
        migrate_err(migrate_from(
            "crates.io:commons-compute-escrow",
            "0.0.1",
            job,
        ))
    };
    // JSON jobs, then binary jobs without a layout version
    assert_eq!(
        from(Some(("job", br#"{"client":"someone"}"#))),
        ContractError::UnknownStorageLayout
    );
    assert_eq!(
        from(Some(("job_v2", &[1; 200]))),
        ContractError::UnknownStorageLayout
    );
}

#[test]
fn migrate_refuses_jobs_of_an_unknown_layout_version() {
    let mut job = vec![0; 200];
    job[0] = 2;
    assert_eq!(
        migrate_err(migrate_from(
            "crates.io:commons-compute-escrow",
            "0.0.1",
            Some(("job_v3", &job))
        )),
        ContractError::Layout(LayoutError::UnknownVersion {
            record: "job",
            version: 2
        })
    );
    // a version-1 job is read
    job[0] = 1;
    migrate_from(
        "crates.io:commons-compute-escrow",
        "0.0.1",
        Some(("job_v3", &job)),
    )
    .unwrap();
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
