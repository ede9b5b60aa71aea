//! The mint limit's messages and query: at most `amount` minted per fixed window, and the
//! delay that holds back every change that would loosen it, so a captured minter (governance)
//! cannot mint the rest of the cap at once, and every loosening is public for at least one whole
//! window before it bites. The rules themselves are in `mint_window`.

use commons::reward_token::{MintLimit, MintLimitResponse};
use commons::time::check_duration;
use cosmwasm_std::{
    Deps, DepsMut, Env, MessageInfo, Response, StdError, StdResult, Storage, Timestamp, Uint128,
};

use crate::error::ContractError;
use crate::mint::ensure_minter;
use crate::mint_window::{as_of, effective_delay, update};
use crate::response::{response, Attrs};
use crate::state::{MintWindow, Supply, MINT_CHANGE_DELAY, MINT_LIMIT};

/// Refuses a period of zero or of more than ten years; any amount (zero halts minting) is fine.
fn validate_limit(limit: &MintLimit) -> Result<(), ContractError> {
    check_duration("mint limit period", limit.period_seconds)?;
    Ok(())
}

/// Stores the limit state and keeps the supply's "a limit is in force" flag in step with it
/// (the caller saves the supply).
fn save(store: &mut dyn Storage, supply: &mut Supply, state: Option<&MintWindow>) -> StdResult<()> {
    supply.set_has_mint_limit(state.is_some());
    match state {
        Some(window) => MINT_LIMIT.save(store, window),
        None => {
            MINT_LIMIT.remove(store);
            Ok(())
        }
    }
}

/// Counts `amount` minted now by the minter against the current window. Returns the window
/// after the mint, or `None` when no limit is in force.
pub fn count_mint(
    store: &mut dyn Storage,
    supply: &mut Supply,
    now: Timestamp,
    amount: Uint128,
) -> Result<Option<MintWindow>, ContractError> {
    // a token without a limit reads nothing more than the supply it already loaded
    if !supply.has_mint_limit() {
        return Ok(None);
    }
    let stored = MINT_LIMIT.may_load(store)?;
    let Some(mut window) = as_of(stored, now)? else {
        // a removal came due: nothing to count
        save(store, supply, None)?;
        return Ok(None);
    };
    let remaining = window.remaining();
    if amount > remaining {
        return Err(ContractError::MintLimitExceeded {
            limit: window.limit.amount,
            remaining,
            requested: amount,
            window_end: window.window_end()?,
        });
    }
    // at most the limit's amount, so this cannot overflow; checked all the same
    window.minted = window.minted.checked_add(amount).map_err(StdError::from)?;
    save(store, supply, Some(&window))?;
    Ok(Some(window))
}

/// Attributes of a mint under a limit: the room left in the window and when it ends.
pub fn window_attrs(res: &mut Response, window: &MintWindow) -> StdResult<()> {
    res.attr("window_remaining", window.remaining())
        .attr("window_end", window.window_end()?.to_string());
    Ok(())
}

/// Validates and stores the mint limit and change delay given at instantiation. The limit's
/// first window starts now; initial balances do not count against it.
pub fn instantiate_mint_limit(
    store: &mut dyn Storage,
    supply: &mut Supply,
    now: Timestamp,
    limit: Option<MintLimit>,
    change_delay_seconds: Option<u64>,
    res: &mut Response,
) -> Result<(), ContractError> {
    if let Some(limit) = &limit {
        validate_limit(limit)?;
    }
    let delay = match change_delay_seconds {
        Some(delay) => {
            check_duration("change delay", delay)?;
            if let Some(limit) = limit.as_ref().filter(|l| delay < l.period_seconds) {
                return Err(ContractError::ChangeDelayTooShort {
                    change_delay_seconds: delay,
                    period_seconds: limit.period_seconds,
                });
            }
            Some(delay)
        }
        // the default is one whole window of the limit
        None => limit.as_ref().map(|l| l.period_seconds),
    };
    if let Some(delay) = delay {
        MINT_CHANGE_DELAY.save(store, &delay)?;
        res.attr("change_delay_seconds", delay.to_string());
    }
    if let Some(limit) = limit {
        res.attr("mint_limit_amount", limit.amount).attr(
            "mint_limit_period_seconds",
            limit.period_seconds.to_string(),
        );
        save(
            store,
            supply,
            Some(&MintWindow::new(limit, now, Uint128::zero())),
        )?;
    }
    Ok(())
}

fn limit_attrs(res: &mut Response, prefix: &str, limit: Option<&MintLimit>) {
    let (amount, period) = match limit {
        Some(l) => (l.amount.to_string(), l.period_seconds.to_string()),
        None => ("none".to_string(), "none".to_string()),
    };
    res.attr(&format!("{prefix}amount"), amount)
        .attr(&format!("{prefix}period_seconds"), period);
}

pub fn execute_update_mint_limit(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    mint_limit: Option<MintLimit>,
) -> Result<Response, ContractError> {
    let mut supply = Supply::load(deps.storage)?;
    ensure_minter(&supply, &info.sender, "update the mint limit")?;
    if let Some(limit) = &mint_limit {
        validate_limit(limit)?;
    }
    let now = env.block.time;
    let state = as_of(MINT_LIMIT.may_load(deps.storage)?, now)?;
    let configured = MINT_CHANGE_DELAY.may_load(deps.storage)?;
    let (state, outcome) = update(state, mint_limit, now, configured)?;
    save(deps.storage, &mut supply, state.as_ref())?;
    supply.save(deps.storage);

    let mut res = response("update_mint_limit", 10);
    res.attr("outcome", outcome.as_str());
    // the limit in force after this call
    limit_attrs(&mut res, "", state.as_ref().map(|w| &w.limit));
    if let Some(window) = &state {
        res.attr("minted_in_window", window.minted);
        window_attrs(&mut res, window)?;
    }
    if let Some(pending) = state.as_ref().and_then(|w| w.pending.as_ref()) {
        limit_attrs(&mut res, "pending_", pending.mint_limit.as_ref());
        res.attr("applies_at", pending.applies_at.to_string());
    }
    Ok(res)
}

pub fn query_mint_limit(deps: Deps, env: Env) -> StdResult<MintLimitResponse> {
    let state = as_of(MINT_LIMIT.may_load(deps.storage)?, env.block.time)?;
    let configured = MINT_CHANGE_DELAY.may_load(deps.storage)?;
    let change_delay_seconds = effective_delay(configured, state.as_ref().map(|w| &w.limit));
    Ok(match state {
        Some(window) => MintLimitResponse {
            minted_in_window: window.minted,
            remaining: Some(window.remaining()),
            window_start: Some(window.window_start),
            window_end: Some(window.window_end()?),
            change_delay_seconds,
            pending: window.pending,
            mint_limit: Some(window.limit),
        },
        None => MintLimitResponse {
            mint_limit: None,
            minted_in_window: Uint128::zero(),
            remaining: None,
            window_start: None,
            window_end: None,
            change_delay_seconds,
            pending: None,
        },
    })
}
