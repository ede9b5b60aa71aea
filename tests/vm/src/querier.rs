//! How a contract's queries are answered: from the other real instances, with the gas each
//! queried instance used recorded as a step charged to the contract that is running.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use cosmwasm_std_vm::{
    Addr, BlockInfo, ContractInfo, ContractResult, Env, SystemError, SystemResult, WasmQuery,
};
use cosmwasm_vm::{call_query, Storage};

use crate::chain::{vm, Registry};
use crate::gas::{Step, StepKind};

pub type Log = Rc<RefCell<Vec<Step>>>;
pub type Stack = Rc<RefCell<Vec<String>>>;
/// Per contract: its code id and its wasm admin, if any.
pub type Contracts = Rc<RefCell<BTreeMap<String, ContractMeta>>>;

/// What the chain knows of a contract besides its instance.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContractMeta {
    pub code_id: u64,
    pub admin: Option<String>,
}

/// Runs a smart query on `contract`; returns the response and the gas the instance used.
pub fn query_raw(
    registry: &Registry,
    block: &Rc<RefCell<BlockInfo>>,
    contract: &str,
    msg: &[u8],
) -> Result<(Vec<u8>, u64), String> {
    let inst = registry
        .borrow()
        .get(contract)
        .cloned()
        .ok_or_else(|| format!("no contract at {contract}"))?;
    let env = Env {
        block: block.borrow().clone(),
        transaction: None,
        contract: ContractInfo {
            address: Addr::unchecked(contract),
        },
    };
    // A contract that queries itself while running cannot be re-entered.
    let mut guard = inst
        .try_borrow_mut()
        .map_err(|_| format!("{contract} queried itself while running"))?;
    let before = guard.get_gas_left();
    let res = call_query(&mut guard, &env, msg).map_err(vm)?;
    let gas = before - guard.get_gas_left();
    res.into_result().map(|b| (b.to_vec(), gas))
}

/// What a contract's querier needs to answer from the other instances and record the gas.
pub struct QueryContext {
    pub registry: Registry,
    pub block: Rc<RefCell<BlockInfo>>,
    pub log: Log,
    pub running: Stack,
    pub meta: Contracts,
}

/// Answers a contract's query by asking the real instance it names, and records the gas the
/// queried instance used as a step charged to the contract that is running.
pub fn answer(ctx: &QueryContext, query: &WasmQuery) -> cosmwasm_std_vm::QuerierResult {
    match query {
        WasmQuery::Smart { contract_addr, msg } => {
            match query_raw(&ctx.registry, &ctx.block, contract_addr, msg.as_slice()) {
                Ok((data, gas)) => {
                    let origin = ctx.running.borrow().last().cloned().unwrap_or_default();
                    ctx.log.borrow_mut().push(Step {
                        contract: contract_addr.clone(),
                        kind: StepKind::Query,
                        gas,
                        origin,
                    });
                    SystemResult::Ok(ContractResult::Ok(data.into()))
                }
                Err(e) => SystemResult::Ok(ContractResult::Err(e)),
            }
        }
        WasmQuery::Raw { contract_addr, key } => {
            let inst = ctx.registry.borrow().get(contract_addr.as_str()).cloned();
            match inst {
                Some(inst) => {
                    let value = inst
                        .borrow_mut()
                        .with_storage(|s| Ok(s.get(key.as_slice()).0?))
                        .unwrap_or_default()
                        .unwrap_or_default();
                    SystemResult::Ok(ContractResult::Ok(value.into()))
                }
                None => SystemResult::Err(SystemError::NoSuchContract {
                    addr: contract_addr.clone(),
                }),
            }
        }
        WasmQuery::ContractInfo { contract_addr } => {
            let meta = ctx.meta.borrow().get(contract_addr.as_str()).cloned();
            match meta {
                Some(meta) if ctx.registry.borrow().contains_key(contract_addr.as_str()) => {
                    let info = serde_json::json!({
                        "code_id": meta.code_id, "creator": contract_addr, "admin": meta.admin,
                        "pinned": false, "ibc_port": null
                    });
                    SystemResult::Ok(ContractResult::Ok(info.to_string().into_bytes().into()))
                }
                _ => SystemResult::Err(SystemError::NoSuchContract {
                    addr: contract_addr.clone(),
                }),
            }
        }
        other => SystemResult::Err(SystemError::UnsupportedRequest {
            kind: format!("{other:?}"),
        }),
    }
}
