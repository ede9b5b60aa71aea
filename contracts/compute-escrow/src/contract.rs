//! Entry points: instantiation and dispatch.

#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{
    from_json, Binary, Deps, DepsMut, Env, MessageInfo, Order, Response, StdResult,
};

use commons::addr::validate_addr;
use commons::asset::{Asset, AssetInfo};
use commons::codec::{map_key, prefix_end};
use commons::escrow::{ExecuteMsg, InstantiateMsg, QueryMsg, ReceiveMsg};
use commons::migrate::{migrate_version, MigrateMsg};

use crate::config::{execute_update_config, from_msg};
use crate::error::ContractError;
use crate::funds::Payment;
use crate::job::{create, execute_accept, execute_cancel, execute_complete, top_up};
use crate::provider::{
    add_stake, execute_unbond, execute_update_provider, execute_withdraw_stake, register,
};
use crate::record::check_job_layout;
use crate::state::{CONFIG, JOBS, OLD_JOBS};
use crate::usage::{
    execute_approve, execute_claim, execute_dispute, execute_report, execute_resolve,
};

pub const CONTRACT_NAME: &str = "crates.io:commons-compute-escrow";
pub const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = from_msg(deps.api, &msg)?;
    CONFIG.save(deps.storage, &config)?;
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("arbiter", config.arbiter)
        .add_attribute("fee_bps", config.fee_bps.to_string())
        .add_attribute(
            "treasury",
            config.treasury.map(String::from).unwrap_or_default(),
        ))
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    match msg {
        ExecuteMsg::RegisterProvider { metadata } => {
            register(deps, Payment::native(&info)?, metadata)
        }
        ExecuteMsg::UpdateProvider { metadata } => execute_update_provider(deps, info, metadata),
        ExecuteMsg::AddStake {} => add_stake(deps, Payment::native(&info)?),
        ExecuteMsg::Unbond {} => execute_unbond(deps, env, info),
        ExecuteMsg::WithdrawStake {} => execute_withdraw_stake(deps, env, info),
        ExecuteMsg::CreateJob(job) => create(deps, env, Payment::native(&info)?, job),
        ExecuteMsg::AcceptJob { job_id } => execute_accept(deps, env, info, job_id),
        ExecuteMsg::ReportUsage {
            job_id,
            units,
            proof,
        } => execute_report(deps, env, info, job_id, units, proof),
        ExecuteMsg::ApproveUsage { job_id } => execute_approve(deps, env, info, job_id),
        ExecuteMsg::Dispute { job_id, reason } => execute_dispute(deps, env, info, job_id, reason),
        ExecuteMsg::ResolveDispute {
            job_id,
            approved_units,
            slash,
        } => execute_resolve(deps, env, info, job_id, approved_units, slash),
        ExecuteMsg::ClaimPayments { job_ids } => execute_claim(deps, env, info, job_ids),
        ExecuteMsg::CompleteJob { job_id } => execute_complete(deps, env, info, job_id),
        ExecuteMsg::CancelJob { job_id } => execute_cancel(deps, env, info, job_id),
        ExecuteMsg::TopUp { job_id } => top_up(deps, Payment::native(&info)?, job_id),
        ExecuteMsg::UpdateConfig(update) => execute_update_config(deps, info, *update),
        ExecuteMsg::Receive(receive) => {
            cw_utils::nonpayable(&info)?;
            // the token contract is the sender; the payer is the one who sent the tokens
            let payment = Payment {
                sender: validate_addr(deps.api, &receive.sender)?,
                asset: Asset {
                    info: AssetInfo::Cw20(info.sender),
                    amount: receive.amount,
                },
            };
            if payment.asset.amount.is_zero() {
                return Err(ContractError::ZeroAmount);
            }
            let hook: ReceiveMsg =
                from_json(&receive.msg).map_err(|_| ContractError::UnknownPayload)?;
            match hook {
                ReceiveMsg::RegisterProvider { metadata } => register(deps, payment, metadata),
                ReceiveMsg::AddStake {} => add_stake(deps, payment),
                ReceiveMsg::CreateJob(job) => create(deps, env, payment, job),
                ReceiveMsg::TopUp { job_id } => top_up(deps, payment, job_id),
            }
        }
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> StdResult<Binary> {
    crate::query::query(deps, env, msg)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    migrate_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    // jobs stored in an earlier layout would be invisible to this version, their funds
    // stranded: refuse instead (one key read per earlier namespace, whatever the number of jobs)
    let any_under = |ns: &[u8], order| {
        let prefix = map_key(ns, &[]);
        let end = prefix_end(&prefix);
        deps.storage.range(Some(&prefix), Some(&end), order).next()
    };
    if OLD_JOBS
        .iter()
        .any(|ns| any_under(ns, Order::Ascending).is_some())
    {
        return Err(ContractError::UnknownStorageLayout);
    }
    // The newest job was written by the code being replaced: its layout version must be one
    // this code reads (version 1, the only one so far). Older jobs are checked as they load.
    if let Some((_, newest)) = any_under(JOBS, Order::Descending) {
        check_job_layout(newest).map_err(ContractError::Layout)?;
    }
    Ok(Response::new()
        .add_attribute("action", "migrate")
        .add_attribute("version", CONTRACT_VERSION))
}
