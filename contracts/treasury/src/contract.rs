//! Entry points: instantiation and dispatch.

#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{Binary, Deps, DepsMut, Env, MessageInfo, Response, StdResult};

use commons::addr::validate_addr;
use commons::migrate::{migrate_version, MigrateMsg};
use commons::treasury::{ExecuteMsg, InstantiateMsg, QueryMsg};

use commons::time::check_duration;

use crate::budget::{execute_revoke_budget, execute_set_budget};
use crate::config::{check_cw20s, execute_update_config};
use crate::deposit::{execute_deposit, execute_receive};
use crate::error::ContractError;
use crate::limits::{
    check_limits, execute_apply_changes, execute_cancel_pending_change, init_limits,
};
use crate::spend::{execute_spend, execute_spend_budget, execute_spend_to_contract};
use crate::state::{Config, CONFIG};
use crate::succession::{
    execute_accept_owner, execute_cancel_migration, execute_migrate_self, execute_propose_owner,
    execute_schedule_migration,
};

pub const CONTRACT_NAME: &str = "crates.io:commons-treasury";
pub const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let delay = check_duration("the change delay", msg.change_delay_seconds)?;
    let config = Config {
        owner: validate_addr(deps.api, &msg.owner)?,
        accepted_cw20s: check_cw20s(deps.api, &msg.accepted_cw20s)?,
        change_delay_seconds: delay,
    };
    let limits = check_limits(deps.api, &msg.spend_limits, delay)?;
    CONFIG.save(deps.storage, &config)?;
    init_limits(deps.storage, env.block.time, limits)?;
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("owner", config.owner)
        .add_attribute("change_delay_seconds", delay.to_string()))
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    match msg {
        ExecuteMsg::Deposit { memo } => execute_deposit(deps, env, info, memo),
        ExecuteMsg::Receive(receive) => execute_receive(deps, env, info, receive),
        ExecuteMsg::Spend {
            recipient,
            asset,
            memo,
        } => execute_spend(deps, env, info, recipient, asset, memo),
        ExecuteMsg::SpendToContract {
            contract,
            asset,
            msg,
            memo,
        } => execute_spend_to_contract(deps, env, info, contract, asset, msg, memo),
        ExecuteMsg::SetBudget {
            spender,
            asset_info,
            amount_per_period,
            period_seconds,
            expires,
        } => execute_set_budget(
            deps,
            env,
            info,
            spender,
            asset_info,
            amount_per_period,
            period_seconds,
            expires,
        ),
        ExecuteMsg::SpendBudget {
            recipient,
            asset,
            memo,
        } => execute_spend_budget(deps, env, info, recipient, asset, memo),
        ExecuteMsg::RevokeBudget { spender } => execute_revoke_budget(deps, info, spender),
        ExecuteMsg::UpdateConfig {
            accepted_cw20s,
            spend_limits,
        } => execute_update_config(deps, env, info, accepted_cw20s, spend_limits),
        ExecuteMsg::CancelPendingChange { asset_info } => {
            execute_cancel_pending_change(deps, env, info, asset_info)
        }
        ExecuteMsg::ApplyChanges {} => execute_apply_changes(deps, env, info),
        ExecuteMsg::ProposeOwner { new_owner } => execute_propose_owner(deps, env, info, new_owner),
        ExecuteMsg::AcceptOwner {} => execute_accept_owner(deps, env, info),
        ExecuteMsg::ScheduleMigration { code_id, msg } => {
            execute_schedule_migration(deps, env, info, code_id, msg)
        }
        ExecuteMsg::MigrateSelf {} => execute_migrate_self(deps, env, info),
        ExecuteMsg::CancelMigration {} => execute_cancel_migration(deps, info),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> StdResult<Binary> {
    crate::query::query(deps, env, msg)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    migrate_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    Ok(Response::new()
        .add_attribute("action", "migrate")
        .add_attribute("version", CONTRACT_VERSION))
}
