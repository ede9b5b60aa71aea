//! cw-multi-test helpers: store and instantiate the Commons contracts, so a test of the suite
//! reads like the story it checks.

pub mod cw20;
pub mod escrow;
pub mod governance;
pub mod suite;
pub mod token;
pub mod treasury;
pub mod wire;

use anyhow::Result as AnyResult;
use cosmwasm_std::{Addr, Empty};
use cw_multi_test::{App, AppResponse, Contract, Executor};
use serde::Serialize;

/// Stores `code` and instantiates it with `msg`, `admin` as sender and wasm admin.
pub(crate) fn instantiate_code(
    app: &mut App,
    code: Box<dyn Contract<Empty>>,
    admin: &Addr,
    msg: &impl Serialize,
    label: &str,
) -> AnyResult<Addr> {
    let code_id = app.store_code(code);
    app.instantiate_contract(
        code_id,
        admin.clone(),
        msg,
        &[],
        label,
        Some(admin.to_string()),
    )
}

/// The first value of attribute `key` in the `wasm` events of `res`.
pub fn attr(res: &AppResponse, key: &str) -> Option<String> {
    res.events
        .iter()
        .filter(|e| e.ty == "wasm")
        .flat_map(|e| e.attributes.iter())
        .find(|a| a.key == key)
        .map(|a| a.value.clone())
}

/// Moves `app` to the next block, `seconds` later.
pub fn next_block(app: &mut App, seconds: u64) {
    app.update_block(|b| {
        b.height += 1;
        b.time = b.time.plus_seconds(seconds);
    });
}
