//! cw-multi-test helpers: store and instantiate the Commons contracts, so a test of the suite
//! reads like the story it checks.

pub mod cw20;
pub mod escrow;
pub mod governance;
pub mod migrate;
pub mod suite;
pub mod token;
pub mod treasury;
pub mod wire;

use anyhow::Result as AnyResult;
use std::fmt::Debug;

use cosmwasm_std::{Addr, Coin, Empty};
use cw_multi_test::{App, AppResponse, Contract, Executor};
use serde::Serialize;

/// The contract whose entry points are the module `$($module)::+`'s `execute`, `instantiate`,
/// `query` and `migrate` (and `reply`, with `reply` after the module), for `App::store_code`.
/// A contract crate's own tests wrap `crate::contract` with it, so the errors they downcast are
/// the crate's own types: the wrappers exported here link another build of the crate.
#[macro_export]
macro_rules! contract_of {
    ($($module:tt)::+) => {{
        let contract: Box<dyn $crate::cw_multi_test::Contract<$crate::cosmwasm_std::Empty>> =
            Box::new(
                $crate::cw_multi_test::ContractWrapper::new(
                    $($module)::+::execute,
                    $($module)::+::instantiate,
                    $($module)::+::query,
                )
                .with_migrate($($module)::+::migrate),
            );
        contract
    }};
    ($($module:tt)::+, reply) => {{
        let contract: Box<dyn $crate::cw_multi_test::Contract<$crate::cosmwasm_std::Empty>> =
            Box::new(
                $crate::cw_multi_test::ContractWrapper::new(
                    $($module)::+::execute,
                    $($module)::+::instantiate,
                    $($module)::+::query,
                )
                .with_reply($($module)::+::reply)
                .with_migrate($($module)::+::migrate),
            );
        contract
    }};
}

#[doc(hidden)]
pub use {cosmwasm_std, cw_multi_test};

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

/// What each of `msgs` executed on `contract` by `sender` with `funds` met: the error, or the
/// word that it was accepted. Tests that every handler taking no funds refuses them downcast
/// each error to their contract's own.
pub fn errors_with_funds<M: Serialize + Debug>(
    app: &mut App,
    sender: &Addr,
    contract: &Addr,
    msgs: &[M],
    funds: &[Coin],
) -> Vec<(String, anyhow::Error)> {
    msgs.iter()
        .map(|msg| {
            let result = app.execute_contract(sender.clone(), contract.clone(), msg, funds);
            let error = result
                .err()
                .unwrap_or_else(|| anyhow::anyhow!("accepted with funds"));
            (format!("{msg:?}"), error)
        })
        .collect()
}

/// Moves `app` to the next block, `seconds` later.
pub fn next_block(app: &mut App, seconds: u64) {
    app.update_block(|b| {
        b.height += 1;
        b.time = b.time.plus_seconds(seconds);
    });
}
