//! One-transaction bootstrap: governance instantiates the reward token, the treasury and the
//! escrow by submessage, one after the other (each needs the previous one's address), as their
//! wasm admin, the token's minter, the treasury's owner and the escrow's arbiter.

use commons::asset::AssetInfoUnchecked;
use commons::governance::{InstantiateMsg, SuiteMsg};
use commons::treasury::SpendLimitUnchecked;
use cosmwasm_std::{
    to_json_binary, Addr, DepsMut, Env, Reply, Response, StdError, SubMsg, WasmMsg,
};
use cw_storage_plus::Item;

use crate::config::config_from_msg;
use crate::error::ContractError;
use crate::state::CONFIG;

const TAG: u64 = 1 << 62;
const TOKEN: u64 = TAG | 1;
const TREASURY: u64 = TAG | 2;
const ESCROW: u64 = TAG | 3;

/// The instantiate message, kept until the last contract exists.
const PENDING: Item<InstantiateMsg> = Item::new("bootstrap_msg");
/// Token and treasury addresses, as they are created.
const CREATED: Item<(Option<Addr>, Option<Addr>)> = Item::new("bootstrap_addrs");

pub fn is_bootstrap_reply(id: u64) -> bool {
    matches!(id, TOKEN | TREASURY | ESCROW)
}

fn suite(msg: &InstantiateMsg) -> Result<&SuiteMsg, ContractError> {
    msg.suite
        .as_deref()
        .ok_or_else(|| ContractError::InvalidConfig {
            reason: "bootstrap without a suite".into(),
        })
}

fn instantiate(
    env: &Env,
    code_id: u64,
    msg: &impl serde::Serialize,
    label: &str,
    reply_id: u64,
) -> Result<SubMsg, ContractError> {
    Ok(SubMsg::reply_on_success(
        WasmMsg::Instantiate {
            admin: Some(env.contract.address.to_string()),
            code_id,
            msg: to_json_binary(msg)?,
            funds: vec![],
            label: label.to_string(),
        },
        reply_id,
    ))
}

pub fn start(deps: DepsMut, env: Env, msg: InstantiateMsg) -> Result<Response, ContractError> {
    if msg.token.is_some() || msg.treasury.is_some() || msg.escrow.is_some() {
        return Err(ContractError::InvalidConfig {
            reason: "with `suite`, leave `token`, `treasury` and `escrow` unset".into(),
        });
    }
    // check everything but the addresses now, so a bad configuration fails before anything
    // is created (own address as a stand-in)
    let me = env.contract.address.clone();
    config_from_msg(deps.api, &msg, me.clone(), Some(me.clone()), Some(me))?;
    let suite = suite(&msg)?;
    let mut token_msg = suite.token_msg.clone();
    let mint = token_msg
        .mint
        .as_mut()
        .ok_or_else(|| ContractError::InvalidConfig {
            reason: "the suite's token_msg needs `mint` (governance becomes the minter)".into(),
        })?;
    mint.minter = env.contract.address.to_string();
    let sub = instantiate(
        &env,
        suite.token_code_id,
        &token_msg,
        "commons-reward-token",
        TOKEN,
    )?;
    PENDING.save(deps.storage, &msg)?;
    CREATED.save(deps.storage, &(None, None))?;
    Ok(Response::new()
        .add_submessage(sub)
        .add_attribute("action", "instantiate")
        .add_attribute("bootstrap", "suite"))
}

/// The address of the contract a successful instantiate submessage created.
fn created_address(deps: &DepsMut, msg: Reply) -> Result<Addr, ContractError> {
    let res = msg.result.into_result().map_err(StdError::generic_err)?;
    #[allow(deprecated)]
    let data = res
        .msg_responses
        .first()
        .map(|r| r.value.clone())
        .or(res.data)
        .ok_or_else(|| StdError::generic_err("instantiate reply without data"))?;
    let parsed = cw_utils::parse_instantiate_response_data(&data)
        .map_err(|e| StdError::generic_err(e.to_string()))?;
    Ok(deps.api.addr_validate(&parsed.contract_address)?)
}

pub fn reply(deps: DepsMut, env: Env, reply: Reply) -> Result<Response, ContractError> {
    let id = reply.id;
    let address = created_address(&deps, reply)?;
    let msg = PENDING.load(deps.storage)?;
    let suite = suite(&msg)?;
    let (token, treasury) = CREATED.load(deps.storage)?;
    match id {
        TOKEN => {
            CREATED.save(deps.storage, &(Some(address.clone()), None))?;
            let mut treasury_msg = suite.treasury_msg.clone();
            treasury_msg.owner = env.contract.address.to_string();
            if !treasury_msg.accepted_cw20s.contains(&address.to_string()) {
                treasury_msg.accepted_cw20s.push(address.to_string());
            }
            if let Some(limit) = &suite.token_spend_limit {
                treasury_msg.spend_limits.push(SpendLimitUnchecked {
                    asset_info: AssetInfoUnchecked::Cw20(address.to_string()),
                    amount: limit.amount,
                    period_seconds: limit.period_seconds,
                });
            }
            let sub = instantiate(
                &env,
                suite.treasury_code_id,
                &treasury_msg,
                "commons-treasury",
                TREASURY,
            )?;
            Ok(Response::new()
                .add_submessage(sub)
                .add_attribute("token", address))
        }
        TREASURY => {
            CREATED.save(deps.storage, &(token, Some(address.clone())))?;
            let mut escrow_msg = suite.escrow_msg.clone();
            escrow_msg.arbiter = env.contract.address.to_string();
            escrow_msg.fee_recipient = address.to_string();
            let sub = instantiate(
                &env,
                suite.escrow_code_id,
                &escrow_msg,
                "commons-compute-escrow",
                ESCROW,
            )?;
            Ok(Response::new()
                .add_submessage(sub)
                .add_attribute("treasury", address))
        }
        _ => {
            let token = token.ok_or_else(|| StdError::generic_err("token not created"))?;
            let config = config_from_msg(deps.api, &msg, token, treasury, Some(address.clone()))?;
            CONFIG.save(deps.storage, &config)?;
            PENDING.remove(deps.storage);
            CREATED.remove(deps.storage);
            Ok(Response::new().add_attribute("escrow", address))
        }
    }
}
