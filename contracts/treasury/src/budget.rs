//! Budgets: a spender pays without a vote, within its budget and the treasury's limit. They
//! apply at once even when they raise what a spender may pay: every budget spend also counts
//! against the asset's spend limit, which only the change delay loosens.

use commons::addr::validate_addr;
use commons::time::check_duration;
use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Timestamp, Uint128};

use crate::config::ensure_owner;
use crate::error::ContractError;
use crate::ledger::check_info;
use crate::state::{Budget, BUDGETS};
use crate::window::Window;

#[allow(clippy::too_many_arguments)]
pub fn execute_set_budget(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    spender: String,
    asset_info: commons::AssetInfoUnchecked,
    amount_per_period: Uint128,
    period_seconds: u64,
    expires: Option<Timestamp>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    ensure_owner(deps.storage, &info.sender, "set budgets")?;
    let spender = validate_addr(deps.api, &spender)?;
    let asset_info = check_info(deps.api, &asset_info)?;
    if amount_per_period.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    check_duration("the budget period", period_seconds)?;
    if let Some(expires) = expires {
        if expires <= env.block.time {
            return Err(ContractError::ExpiryInPast { expires });
        }
    }
    let budget = Budget {
        asset_info: asset_info.clone(),
        amount_per_period,
        expires,
        window: Window::new(env.block.time, period_seconds),
    };
    BUDGETS.save(deps.storage, &spender, &budget)?;
    Ok(Response::new()
        .add_attribute("action", "set_budget")
        .add_attribute("spender", spender)
        .add_attribute("asset", asset_info.key())
        .add_attribute("amount_per_period", amount_per_period)
        .add_attribute("period_seconds", period_seconds.to_string()))
}

pub fn execute_revoke_budget(
    deps: DepsMut,
    info: MessageInfo,
    spender: String,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    ensure_owner(deps.storage, &info.sender, "revoke budgets")?;
    let spender = validate_addr(deps.api, &spender)?;
    if !BUDGETS.has(deps.storage, &spender) {
        return Err(ContractError::NoBudget {
            spender: spender.to_string(),
        });
    }
    BUDGETS.remove(deps.storage, &spender);
    Ok(Response::new()
        .add_attribute("action", "revoke_budget")
        .add_attribute("spender", spender))
}
