//! Outflows: owner spends and budget spends, always within the asset's spend limit and the
//! treasury's holdings, always in the ledger.

use commons::addr::validate_addr;
use commons::asset::Asset;
use commons::treasury::LedgerKind;
use cosmwasm_std::{Addr, Binary, CosmosMsg, DepsMut, Env, MessageInfo, Response, StdError};

use crate::config::ensure_owner;
use crate::error::ContractError;
use crate::ledger::{check_asset, check_memo, record};
use crate::limits::settle;
use crate::state::{BUDGETS, LIMITS};

/// Takes `asset` out of the asset's current limit window, after checking the treasury holds it.
/// A pending change of the asset that is due is put in force first. Returns whether one was.
fn use_limit(deps: &mut DepsMut, env: &Env, asset: &Asset) -> Result<bool, ContractError> {
    let key = asset.info.key();
    let (limit, applied) = settle(deps.storage, &key, env.block.time)?;
    let mut limit = limit.ok_or_else(|| ContractError::NoSpendLimit { asset: key.clone() })?;
    limit.window = limit.window.at(env.block.time)?;
    let remaining = limit.window.remaining(limit.amount);
    if asset.amount > remaining {
        return Err(ContractError::SpendLimitExceeded {
            asset: key,
            remaining,
            requested: asset.amount,
            window_end: limit.window.end()?,
        });
    }
    let available = asset
        .info
        .query_balance(&deps.querier, &env.contract.address)?;
    if asset.amount > available {
        return Err(ContractError::InsufficientFunds {
            asset: key,
            available,
            requested: asset.amount,
        });
    }
    limit.window.spent = limit
        .window
        .spent
        .checked_add(asset.amount)
        .map_err(StdError::from)?;
    LIMITS.save(deps.storage, &key, &limit)?;
    Ok(applied)
}

fn paid(kind: &str, id: u64, asset: &Asset, to: &Addr, msg: CosmosMsg, applied: bool) -> Response {
    let res = Response::new()
        .add_message(msg)
        .add_attribute("action", kind)
        .add_attribute("ledger_id", id.to_string())
        .add_attribute("asset", asset.to_string())
        .add_attribute("to", to);
    if applied {
        res.add_attribute("applied", asset.info.key())
    } else {
        res
    }
}

pub fn execute_spend(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    recipient: String,
    asset: commons::AssetUnchecked,
    memo: Option<String>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    ensure_owner(deps.storage, &info.sender, "spend")?;
    let asset = check_asset(deps.api, &asset)?;
    let to = validate_addr(deps.api, &recipient)?;
    check_memo(&memo)?;
    let applied = use_limit(&mut deps, &env, &asset)?;
    let id = record(
        deps.storage,
        &env,
        LedgerKind::Spend,
        asset.clone(),
        to.clone(),
        memo,
    )?;
    let msg = asset.transfer_msg(&to)?;
    Ok(paid("spend", id, &asset, &to, msg, applied))
}

pub fn execute_spend_to_contract(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    contract: String,
    asset: commons::AssetUnchecked,
    msg: Binary,
    memo: Option<String>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    ensure_owner(deps.storage, &info.sender, "spend")?;
    let asset = check_asset(deps.api, &asset)?;
    let to = validate_addr(deps.api, &contract)?;
    check_memo(&memo)?;
    let applied = use_limit(&mut deps, &env, &asset)?;
    let id = record(
        deps.storage,
        &env,
        LedgerKind::Spend,
        asset.clone(),
        to.clone(),
        memo,
    )?;
    let out = asset.info.send_msg(&to, asset.amount, msg)?;
    Ok(paid("spend_to_contract", id, &asset, &to, out, applied))
}

pub fn execute_spend_budget(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    recipient: String,
    asset: commons::AssetUnchecked,
    memo: Option<String>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let spender = info.sender;
    let mut budget =
        BUDGETS
            .may_load(deps.storage, &spender)?
            .ok_or_else(|| ContractError::NoBudget {
                spender: spender.to_string(),
            })?;
    if let Some(expires) = budget.expires {
        if env.block.time >= expires {
            return Err(ContractError::BudgetExpired {
                spender: spender.to_string(),
                expired_at: expires,
            });
        }
    }
    let asset = check_asset(deps.api, &asset)?;
    if asset.info != budget.asset_info {
        return Err(ContractError::WrongBudgetAsset {
            budget_asset: budget.asset_info.key(),
            asset: asset.info.key(),
        });
    }
    let to = validate_addr(deps.api, &recipient)?;
    check_memo(&memo)?;
    budget.window = budget.window.at(env.block.time)?;
    let remaining = budget.window.remaining(budget.amount_per_period);
    if asset.amount > remaining {
        return Err(ContractError::BudgetExceeded {
            remaining,
            requested: asset.amount,
            window_end: budget.window.end()?,
        });
    }
    let applied = use_limit(&mut deps, &env, &asset)?;
    budget.window.spent = budget
        .window
        .spent
        .checked_add(asset.amount)
        .map_err(StdError::from)?;
    BUDGETS.save(deps.storage, &spender, &budget)?;
    let id = record(
        deps.storage,
        &env,
        LedgerKind::BudgetSpend,
        asset.clone(),
        to.clone(),
        memo,
    )?;
    let msg = asset.transfer_msg(&to)?;
    Ok(paid("spend_budget", id, &asset, &to, msg, applied).add_attribute("spender", spender))
}
