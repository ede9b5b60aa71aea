//! One-transaction bootstrap: governance instantiates the reward token, the treasury and the
//! escrow by submessage, one after the other (each needs the previous one's address), as their
//! wasm admin, the token's minter, the treasury's owner and the escrow's arbiter.
//!
//! The three contracts' instantiate messages stay JSON (see `json::Suite`): governance sets the
//! fields it owns and passes the rest on; each contract checks its own message, and a refusal
//! undoes the whole bootstrap.

use commons::governance::InstantiateMsg;
use cosmwasm_std::{
    from_json, to_json_binary, to_json_vec, Addr, DepsMut, Env, Reply, Response, StdError,
    StdResult, Storage, SubMsg, WasmMsg,
};

use crate::config::config_from_msg;
use crate::error::ContractError;
use crate::json::{instantiate_msg, Json, Suite};
use crate::state::save_config;
use commons::codec::{Reader, Writer};

const TAG: u64 = 1 << 62;
const TOKEN: u64 = TAG | 1;
const TREASURY: u64 = TAG | 2;
const ESCROW: u64 = TAG | 3;

/// The instantiate message (JSON), kept until the last contract exists.
const PENDING: &[u8] = b"bootstrap_msg";
/// Token and treasury addresses, as they are created (see `codec`).
const CREATED: &[u8] = b"bootstrap_addrs";

fn save_created(store: &mut dyn Storage, token: Option<&Addr>, treasury: Option<&Addr>) {
    let mut w = Writer::default();
    w.opt_addr(token).opt_addr(treasury);
    store.set(CREATED, &w.0);
}

fn load_created(store: &dyn Storage) -> StdResult<(Option<Addr>, Option<Addr>)> {
    let bytes = store
        .get(CREATED)
        .ok_or_else(|| StdError::not_found("bootstrap addresses"))?;
    let mut r = Reader::new(&bytes, "bootstrap addresses");
    let created = (r.opt_addr()?, r.opt_addr()?);
    r.finish()?;
    Ok(created)
}

pub fn is_bootstrap_reply(id: u64) -> bool {
    matches!(id, TOKEN | TREASURY | ESCROW)
}

fn invalid(reason: &str) -> ContractError {
    ContractError::InvalidConfig {
        reason: reason.into(),
    }
}

/// The fields of one of the suite's instantiate messages (`what`), to set some of them.
fn fields<'a>(msg: &'a mut Json, what: &str) -> Result<&'a mut Vec<(String, Json)>, ContractError> {
    match msg {
        Json::Object(fields) => Ok(fields),
        _ => Err(invalid(&format!("the suite's {what} must be an object"))),
    }
}

/// Sets field `key` of an object to `value`.
fn set(fields: &mut Vec<(String, Json)>, key: &str, value: Json) {
    match fields.iter_mut().find(|(k, _)| k == key) {
        Some((_, old)) => *old = value,
        None => fields.push((key.to_string(), value)),
    }
}

/// Field `key` of an object, if present and not `null`.
fn get<'a>(fields: &'a mut [(String, Json)], key: &str) -> Option<&'a mut Json> {
    fields
        .iter_mut()
        .find(|(k, v)| k == key && *v != Json::Null)
        .map(|(_, v)| v)
}

fn instantiate(
    env: &Env,
    code_id: u64,
    msg: &Json,
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

pub fn start(
    deps: DepsMut,
    env: Env,
    msg: &InstantiateMsg,
    suite: Suite,
    json: &Json,
) -> Result<Response, ContractError> {
    if msg.token.is_some() || msg.treasury.is_some() || msg.escrow.is_some() {
        return Err(invalid(
            "with `suite`, leave `token`, `treasury` and `escrow` unset",
        ));
    }
    // check everything but the addresses now, so a bad configuration fails before anything
    // is created (own address as a stand-in)
    let me = env.contract.address.clone();
    config_from_msg(deps.api, msg, me.clone(), Some(me.clone()), Some(me))?;
    let mut token_msg = suite.token_msg;
    let mint = get(fields(&mut token_msg, "token_msg")?, "mint").ok_or_else(|| {
        invalid("the suite's token_msg needs `mint` (governance becomes the minter)")
    })?;
    let minter = Json::Str(env.contract.address.to_string());
    set(fields(mint, "token_msg's mint")?, "minter", minter);
    let sub = instantiate(
        &env,
        suite.token_code_id,
        &token_msg,
        "commons-reward-token",
        TOKEN,
    )?;
    deps.storage.set(PENDING, &to_json_vec(json)?);
    save_created(deps.storage, None, None);
    let mut res = Response::new()
        .add_submessage(sub)
        .add_attribute("action", "instantiate")
        .add_attribute("bootstrap", "suite");
    if let Some(warning) = dispute_warning(msg, &suite.escrow_msg) {
        res = res.add_attribute("warning", warning);
    }
    Ok(res)
}

/// A warning when the DAO, as the client of the jobs it funds without a steward, could not
/// dispute usage in time: a dispute by proposal takes the voting period plus the timelock,
/// and usage is payable once the escrow's challenge period has passed. The suite is still
/// created (a DAO may fund every job through a steward); `propose` refuses an
/// `escrow_create_job` without a steward while this holds.
fn dispute_warning(msg: &InstantiateMsg, escrow_msg: &Json) -> Option<String> {
    let Json::Object(fields) = escrow_msg else {
        return None;
    };
    let challenge = fields.iter().find_map(|(k, v)| match (k.as_str(), v) {
        ("challenge_period_seconds", Json::Uint(s)) => Some(*s),
        _ => None,
    })?;
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
    let (msg, suite) = instantiate_msg(from_json(pending)?)?;
    let suite = suite.ok_or_else(|| invalid("bootstrap without a suite"))?;
    let (token, treasury) = load_created(deps.storage)?;
    let me = Json::Str(env.contract.address.to_string());
    let new = Json::Str(address.to_string());
    match id {
        TOKEN => {
            save_created(deps.storage, Some(&address), None);
            let mut treasury_msg = suite.treasury_msg;
            let fields = fields(&mut treasury_msg, "treasury_msg")?;
            set(fields, "owner", me);
            // the new token is accepted, with its spend limit if one is given
            let mut accepted = match get(fields, "accepted_cw20s") {
                Some(Json::Array(list)) => std::mem::take(list),
                _ => vec![],
            };
            if !accepted.contains(&new) {
                accepted.push(new.clone());
            }
            set(fields, "accepted_cw20s", Json::Array(accepted));
            if let Some(limit) = &suite.token_spend_limit {
                let mut limits = match get(fields, "spend_limits") {
                    Some(Json::Array(list)) => std::mem::take(list),
                    _ => vec![],
                };
                limits.push(Json::Object(vec![
                    (
                        "asset_info".into(),
                        Json::Object(vec![("cw20".into(), new)]),
                    ),
                    ("amount".into(), Json::Str(limit.amount.to_string())),
                    ("period_seconds".into(), Json::Uint(limit.period_seconds)),
                ]));
                set(fields, "spend_limits", Json::Array(limits));
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
            save_created(deps.storage, token.as_ref(), Some(&address));
            let mut escrow_msg = suite.escrow_msg;
            let fields = fields(&mut escrow_msg, "escrow_msg")?;
            set(fields, "arbiter", me);
            set(fields, "fee_recipient", new.clone());
            // payments to the treasury go through its ledger (`deposit`)
            set(fields, "treasury", new);
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
            save_config(deps.storage, &config);
            deps.storage.remove(PENDING);
            deps.storage.remove(CREATED);
            Ok(Response::new().add_attribute("escrow", address))
        }
    }
}
