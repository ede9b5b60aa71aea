//! Ownership, configuration (accepted tokens, spend limits) and budgets.

use commons::asset::AssetInfo;
use commons::pagination::{ensure_bounded_unique, MAX_INPUT_LIST};
use commons::treasury::SpendLimitUnchecked;
use cosmwasm_std::{
    Addr, Api, DepsMut, Env, MessageInfo, Order, Response, StdResult, Storage, Timestamp, Uint128,
};

use crate::error::ContractError;
use crate::ledger::{check_info, validate_addr};
use crate::state::{Budget, Limit, BUDGETS, CONFIG, DENOMS, LIMITS};
use crate::window::Window;

pub fn ensure_owner(store: &dyn Storage, sender: &Addr, action: &str) -> Result<(), ContractError> {
    if CONFIG.load(store)?.owner != *sender {
        return Err(ContractError::NotOwner {
            action: action.to_string(),
        });
    }
    Ok(())
}

pub fn check_cw20s(api: &dyn Api, tokens: &[String]) -> Result<Vec<Addr>, ContractError> {
    if !tokens.is_empty() {
        ensure_bounded_unique(tokens)?;
    }
    tokens.iter().map(|t| validate_addr(api, t)).collect()
}

/// Validated limits: at most 30, one per asset, non-zero amounts and periods.
fn check_limits(
    api: &dyn Api,
    limits: &[SpendLimitUnchecked],
) -> Result<Vec<(AssetInfo, Uint128, u64)>, ContractError> {
    if limits.len() > MAX_INPUT_LIST {
        return Err(commons::pagination::ListError::TooLong {
            len: limits.len(),
            max: MAX_INPUT_LIST,
        }
        .into());
    }
    let mut out: Vec<(AssetInfo, Uint128, u64)> = Vec::with_capacity(limits.len());
    for l in limits {
        let info = check_info(api, &l.asset_info)?;
        if l.amount.is_zero() {
            return Err(ContractError::ZeroAmount);
        }
        if l.period_seconds == 0 {
            return Err(ContractError::ZeroPeriod);
        }
        if out.iter().any(|(i, _, _)| *i == info) {
            return Err(ContractError::DuplicateLimit { asset: info.key() });
        }
        out.push((info, l.amount, l.period_seconds));
    }
    Ok(out)
}

/// Replaces the spend limits. An asset that keeps a limit keeps what it already spent in its
/// current window (with a new period, the window restarts now but the spent amount stays), so
/// changing limits never frees room early.
pub fn set_limits(
    store: &mut dyn Storage,
    api: &dyn Api,
    now: Timestamp,
    limits: &[SpendLimitUnchecked],
) -> Result<(), ContractError> {
    let limits = check_limits(api, limits)?;
    let old: Vec<(String, Limit)> = LIMITS
        .range(store, None, None, Order::Ascending)
        .collect::<StdResult<_>>()?;
    for (key, _) in &old {
        LIMITS.remove(store, key);
    }
    for (info, amount, period_seconds) in limits {
        let key = info.key();
        let current = old
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, l)| l.window.at(now));
        let window = match current {
            Some(w) if w.period_seconds == period_seconds => w,
            Some(w) => Window {
                spent: w.spent,
                ..Window::new(now, period_seconds)
            },
            None => Window::new(now, period_seconds),
        };
        if let AssetInfo::Native(denom) = &info {
            DENOMS.save(store, denom, &())?;
        }
        LIMITS.save(
            store,
            &key,
            &Limit {
                asset_info: info,
                amount,
                window,
            },
        )?;
    }
    Ok(())
}

pub fn execute_update_config(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    accepted_cw20s: Option<Vec<String>>,
    spend_limits: Option<Vec<SpendLimitUnchecked>>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    ensure_owner(deps.storage, &info.sender, "update the configuration")?;
    let mut res = Response::new().add_attribute("action", "update_config");
    if let Some(tokens) = accepted_cw20s {
        let mut config = CONFIG.load(deps.storage)?;
        config.accepted_cw20s = check_cw20s(deps.api, &tokens)?;
        CONFIG.save(deps.storage, &config)?;
        res = res.add_attribute("accepted_cw20s", tokens.len().to_string());
    }
    if let Some(limits) = spend_limits {
        set_limits(deps.storage, deps.api, env.block.time, &limits)?;
        res = res.add_attribute("spend_limits", limits.len().to_string());
    }
    Ok(res)
}

pub fn execute_propose_owner(
    deps: DepsMut,
    info: MessageInfo,
    new_owner: String,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    ensure_owner(deps.storage, &info.sender, "propose a new owner")?;
    let new_owner = validate_addr(deps.api, &new_owner)?;
    let mut config = CONFIG.load(deps.storage)?;
    config.pending_owner = Some(new_owner.clone());
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_attribute("action", "propose_owner")
        .add_attribute("pending_owner", new_owner))
}

pub fn execute_accept_owner(deps: DepsMut, info: MessageInfo) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut config = CONFIG.load(deps.storage)?;
    if config.pending_owner.as_ref() != Some(&info.sender) {
        return Err(ContractError::NotPendingOwner);
    }
    config.owner = info.sender.clone();
    config.pending_owner = None;
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_attribute("action", "accept_owner")
        .add_attribute("owner", info.sender))
}

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
    if period_seconds == 0 {
        return Err(ContractError::ZeroPeriod);
    }
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
