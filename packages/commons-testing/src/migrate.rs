//! Migrations in multi-test from a stand-in for an earlier deployment: a contract that only
//! records a cw2 name and version and raw storage records, as an older (or another) contract
//! would have left them, so a test can show what `migrate` accepts and refuses.

use anyhow::Result as AnyResult;
use commons::migrate::MigrateMsg;
use cosmwasm_std::{Addr, Binary, Deps, DepsMut, Empty, Env, MessageInfo, Response, StdResult};
use cw_multi_test::{App, AppResponse, Contract, ContractWrapper, Executor};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Debug)]
struct Init {
    name: String,
    version: String,
    /// Raw storage records (key, value) the earlier deployment left.
    records: Vec<(Binary, Binary)>,
}

fn instantiate(deps: DepsMut, _: Env, _: MessageInfo, msg: Init) -> StdResult<Response> {
    cw2::set_contract_version(deps.storage, msg.name, msg.version)?;
    for (key, value) in msg.records {
        deps.storage.set(&key, &value);
    }
    Ok(Response::new())
}

fn execute(_: DepsMut, _: Env, _: MessageInfo, _: Empty) -> StdResult<Response> {
    Ok(Response::new())
}

fn query(_: Deps, _: Env, _: Empty) -> StdResult<Binary> {
    Ok(Binary::default())
}

/// Instantiates a stand-in that recorded cw2 `name` and `version` and the raw `records`, then
/// migrates it (as its admin, "admin") to `code`.
pub fn migrate_from(
    app: &mut App,
    code: Box<dyn Contract<Empty>>,
    name: &str,
    version: &str,
    records: Vec<(Vec<u8>, Vec<u8>)>,
) -> AnyResult<AppResponse> {
    let admin: Addr = app.api().addr_make("admin");
    let old = app.store_code(Box::new(ContractWrapper::new(execute, instantiate, query)));
    let new = app.store_code(code);
    let init = Init {
        name: name.into(),
        version: version.into(),
        records: records
            .into_iter()
            .map(|(k, v)| (Binary::from(k), Binary::from(v)))
            .collect(),
    };
    let label = "earlier deployment";
    let addr = app.instantiate_contract(
        old,
        admin.clone(),
        &init,
        &[],
        label,
        Some(admin.to_string()),
    )?;
    app.migrate_contract(admin, addr, &MigrateMsg {}, new)
}
