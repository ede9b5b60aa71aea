//! One-transaction bootstrap: governance instantiates the reward token, the treasury and the
//! escrow by submessage, one after the other (each needs the previous one's address), as their
//! wasm admin, the token's minter, the treasury's owner and the escrow's arbiter.
//!
//! The three contracts' instantiate messages are read typed with governance's own (they are
//! fields of `SuiteMsg`); governance sets the fields it owns and writes them on with their
//! derived `ToJson`. Each contract checks the rest of its message, and a refusal undoes the
//! whole bootstrap.

use commons::asset::AssetInfoUnchecked;
use commons::governance::{InstantiateMsg, SuiteMsg};
use commons::treasury::SpendLimitUnchecked;
use commons_json::{to_binary, to_vec, Input, ToJson};
use cosmwasm_std::{
    Addr, DepsMut, Env, Reply, Response, StdError, StdResult, Storage, SubMsg, WasmMsg,
};

use crate::config::config_from_msg;
use crate::error::ContractError;
use crate::state::{save_config, BootstrapAddrs, ConfigBytes, BOOTSTRAP_ADDRS};

use crate::reply_id::{ESCROW, TOKEN, TREASURY};

/// The instantiate message (JSON), kept until the last contract exists.
const PENDING: &[u8] = b"bootstrap_msg";
fn save_created(
    store: &mut dyn Storage,
    token: Option<&Addr>,
    treasury: Option<&Addr>,
) -> StdResult<()> {
    let created = BootstrapAddrs {
        token: token.cloned(),
        treasury: treasury.cloned(),
    };
    BOOTSTRAP_ADDRS.save(store, &created)
}

fn load_created(store: &dyn Storage) -> StdResult<(Option<Addr>, Option<Addr>)> {
    let created: BootstrapAddrs = BOOTSTRAP_ADDRS.load(store, "bootstrap addresses")?;
    Ok((created.token, created.treasury))
}

fn invalid(reason: &str) -> ContractError {
    ContractError::InvalidConfig {
        reason: reason.into(),
    }
}

fn instantiate(
    env: &Env,
    code_id: u64,
    msg: &impl ToJson,
    label: &str,
    reply_id: u64,
) -> StdResult<SubMsg> {
    Ok(SubMsg::reply_on_success(
        WasmMsg::Instantiate {
            admin: Some(env.contract.address.to_string()),
            code_id,
            msg: to_binary(msg)?,
            funds: vec![],
            label: label.to_string(),
        },
        reply_id,
    ))
}

/// The suite of a bootstrap's instantiate message, taken out of it (the rest is governance's
/// configuration).
fn take_suite(msg: &mut InstantiateMsg) -> Result<SuiteMsg, ContractError> {
    msg.suite
        .take()
        .map(|suite| *suite)
        .ok_or_else(|| invalid("bootstrap without a suite"))
}

pub fn start(deps: DepsMut, env: Env, mut msg: InstantiateMsg) -> Result<Response, ContractError> {
    if msg.token.is_some() || msg.treasury.is_some() || msg.escrow.is_some() {
        return Err(invalid(
            "with `suite`, leave `token`, `treasury` and `escrow` unset",
        ));
    }
    // check everything but the addresses now, so a bad configuration fails before anything
    // is created (own address as a stand-in)
    let me = env.contract.address.clone();
    config_from_msg(deps.api, &msg, me.clone(), Some(me.clone()), Some(me))?;
    // the message is read again, typed, by each reply
    deps.storage.set(PENDING, &to_vec(&msg)?);
    let suite = take_suite(&mut msg)?;
    let warning = dispute_warning(&msg, &suite);
    let mut token_msg = suite.token_msg;
    let mint = token_msg.mint.as_mut().ok_or_else(|| {
        invalid("the suite's token_msg needs `mint` (governance becomes the minter)")
    })?;
    mint.minter = env.contract.address.to_string();
    let sub = instantiate(
        &env,
        suite.token_code_id,
        &token_msg,
        "commons-reward-token",
        TOKEN,
    )?;
    save_created(deps.storage, None, None)?;
    let mut res = Response::new()
        .add_submessage(sub)
        .add_attribute("action", "instantiate")
        .add_attribute("bootstrap", "suite");
    if let Some(warning) = warning {
        res = res.add_attribute("warning", warning);
    }
    Ok(res)
}

/// A warning when the DAO, as the client of the jobs it funds without a steward, could not
/// dispute usage in time: a dispute by proposal takes the voting period plus the timelock,
/// and usage is payable once the escrow's challenge period has passed. The suite is still
/// created (a DAO may fund every job through a steward); `propose` refuses an
/// `escrow_create_job` without a steward while this holds.
fn dispute_warning(msg: &InstantiateMsg, suite: &SuiteMsg) -> Option<String> {
    let challenge = suite.escrow_msg.challenge_period_seconds;
    let vote = msg
        .voting_period_seconds
        .saturating_add(msg.execution_delay_seconds);
    (challenge <= vote).then(|| {
        format!(
            "the escrow's challenge period ({challenge} s) is not longer than voting plus the timelock ({vote} s): the DAO can dispute its jobs only through a steward `client`"
        )
    })
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
    let pending = deps
        .storage
        .get(PENDING)
        .ok_or_else(|| StdError::not_found("bootstrap message"))?;
    // read as the entry point reads it (one copy of the reader in the contract)
    let Input(mut msg): Input<InstantiateMsg> = cosmwasm_std::from_json(&pending)?;
    let suite = take_suite(&mut msg)?;
    let (token, treasury) = load_created(deps.storage)?;
    let me = env.contract.address.to_string();
    match id {
        TOKEN => {
            save_created(deps.storage, Some(&address), None)?;
            let mut treasury_msg = suite.treasury_msg;
            treasury_msg.owner = me;
            // the new token is accepted, with its spend limit if one is given
            if !treasury_msg.accepted_cw20s.contains(&address.to_string()) {
                treasury_msg.accepted_cw20s.push(address.to_string());
            }
            if let Some(limit) = suite.token_spend_limit {
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
            save_created(deps.storage, token.as_ref(), Some(&address))?;
            let mut escrow_msg = suite.escrow_msg;
            escrow_msg.arbiter = me;
            escrow_msg.fee_recipient = address.to_string();
            // payments to the treasury go through its ledger (`deposit`)
            escrow_msg.treasury = Some(address.to_string());
            let sub = instantiate(
                &env,
                suite.escrow_code_id,
                &escrow_msg,
                "commons-compute-escrow",
                ESCROW,
            )?;
            // The treasury becomes its own wasm admin: its code then changes only through its
            // own delayed `schedule_migration` / `migrate_self`, never by a proposal at once.
            let own_admin = WasmMsg::UpdateAdmin {
                contract_addr: address.to_string(),
                admin: address.to_string(),
            };
            Ok(Response::new()
                .add_message(own_admin)
                .add_submessage(sub)
                .add_attribute("treasury", address))
        }
        _ => {
            let token = token.ok_or_else(|| StdError::generic_err("token not created"))?;
            let config = config_from_msg(deps.api, &msg, token, treasury, Some(address.clone()))?;
            save_config(deps.storage, &config)?;
            // reward periods count from the moment rewards are configured
            if config.voter_rewards.is_some() {
                ConfigBytes::start_reward_epoch(deps.storage, env.block.time)?;
            }
            deps.storage.remove(PENDING);
            BOOTSTRAP_ADDRS.remove(deps.storage);
            Ok(Response::new().add_attribute("escrow", address))
        }
    }
}
