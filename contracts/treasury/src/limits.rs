//! Spend limits that bind even a captured owner: a change that lets more out waits
//! `change_delay_seconds`, a change that lets less out applies at once.
//!
//! Why this bounds a captured owner: every period in force is at most the delay (checked on
//! every list), so a loosening made at `m` bites at `m + delay`, after the window that was
//! current at `m` has ended. Until then the old limit, or a tighter one, is in force, and every
//! change of period carries what the current window spent into the new window. Removing a limit
//! and restoring it is no way around this: the restored limit is a loosening of an asset that
//! has none, so its first window opens at `effective_at >= removal + delay >= end of the window
//! that was current at the removal`; the used-up window can never be spent again.

use std::collections::BTreeSet;

use commons::asset::AssetInfo;
use commons::pagination::{ListError, MAX_INPUT_LIST};
use commons::time::{check_duration, plus_seconds};
use commons::treasury::SpendLimitUnchecked;
use cosmwasm_std::{
    Api, DepsMut, Env, MessageInfo, Order, Response, StdResult, Storage, Timestamp, Uint128,
};

use crate::config::ensure_owner;
use crate::error::ContractError;
use crate::ledger::check_info;
use crate::state::{Limit, PendingLimit, DENOMS, LIMITS, PENDING_LIMITS};

/// A validated entry of a limit list.
pub struct NewLimit {
    pub info: AssetInfo,
    pub amount: Uint128,
    pub period_seconds: u64,
}

/// Validated limits: at most 30, one per asset, non-zero amounts, periods of 1 s up to the
/// change delay.
pub fn check_limits(
    api: &dyn Api,
    limits: &[SpendLimitUnchecked],
    delay: u64,
) -> Result<Vec<NewLimit>, ContractError> {
    if limits.len() > MAX_INPUT_LIST {
        return Err(ListError::TooLong {
            len: limits.len(),
            max: MAX_INPUT_LIST,
        }
        .into());
    }
    let mut out: Vec<NewLimit> = Vec::with_capacity(limits.len());
    for l in limits {
        let info = check_info(api, &l.asset_info)?;
        if l.amount.is_zero() {
            return Err(ContractError::ZeroAmount);
        }
        check_duration(
            &format!("the spend-limit period of {info}"),
            l.period_seconds,
        )?;
        if l.period_seconds > delay {
            return Err(ContractError::DelayShorterThanPeriod {
                asset: info.key(),
                period: l.period_seconds,
                delay,
            });
        }
        if out.iter().any(|n| n.info == info) {
            return Err(ContractError::DuplicateLimit { asset: info.key() });
        }
        out.push(NewLimit {
            info,
            amount: l.amount,
            period_seconds: l.period_seconds,
        });
    }
    Ok(out)
}

/// Instantiation: the first limits apply at once, each opening its first window now.
pub fn init_limits(
    store: &mut dyn Storage,
    now: Timestamp,
    limits: Vec<NewLimit>,
) -> StdResult<()> {
    for l in limits {
        let limit = Limit {
            asset_info: l.info,
            amount: l.amount,
            window: crate::window::Window::new(now, l.period_seconds),
        };
        save_limit(store, &limit)?;
    }
    Ok(())
}

fn save_limit(store: &mut dyn Storage, limit: &Limit) -> StdResult<()> {
    if let AssetInfo::Native(denom) = &limit.asset_info {
        DENOMS.save(store, denom, &())?;
    }
    LIMITS.save(store, &limit.asset_info.key(), limit)
}

/// `current` with `pending` applied as of its `effective_at`, whenever this runs: the window
/// that was current then carries its spending into the new limit, and later reads roll it
/// forward to their own time. So the result does not depend on who applies it, or when.
fn applied(current: Option<Limit>, pending: &PendingLimit) -> StdResult<Limit> {
    let at = pending.effective_at;
    let window = match current {
        Some(limit) => limit.window.at(at)?.with_period(at, pending.period_seconds),
        None => crate::window::Window::new(at, pending.period_seconds),
    };
    Ok(Limit {
        asset_info: pending.asset_info.clone(),
        amount: pending.amount,
        window,
    })
}

/// The limit of asset `key` as it stands at `now` (a due pending change applied), without
/// writing anything, and whether a pending change was due.
pub fn limit_at(
    store: &dyn Storage,
    key: &str,
    now: Timestamp,
) -> StdResult<(Option<Limit>, Option<PendingLimit>)> {
    let current = LIMITS.may_load(store, key)?;
    match PENDING_LIMITS.may_load(store, key)? {
        Some(pending) if pending.effective_at <= now => {
            Ok((Some(applied(current, &pending)?), Some(pending)))
        }
        _ => Ok((current, None)),
    }
}

/// Like [`limit_at`], and records a due pending change as the limit in force. Every path that
/// reads a limit to act on it goes through here, so a due change is never skipped.
pub fn settle(
    store: &mut dyn Storage,
    key: &str,
    now: Timestamp,
) -> StdResult<(Option<Limit>, bool)> {
    let (limit, due) = limit_at(store, key, now)?;
    if due.is_none() {
        return Ok((limit, false));
    }
    PENDING_LIMITS.remove(store, key);
    if let Some(limit) = &limit {
        save_limit(store, limit)?;
    }
    Ok((limit, true))
}

/// What a new limit list did, per asset key, for the response attributes.
#[derive(Default)]
pub struct LimitChanges {
    pub applied: Vec<String>,
    pub removed: Vec<String>,
    pub pending: Vec<(String, Timestamp)>,
    pub dropped: Vec<String>,
}

/// Replaces the spend limits with `limits`, split per asset against the limit in force:
/// tightening applies now, loosening waits `delay` (its tightening part applies now).
pub fn update_limits(
    store: &mut dyn Storage,
    now: Timestamp,
    delay: u64,
    limits: Vec<NewLimit>,
) -> Result<LimitChanges, ContractError> {
    let mut changes = LimitChanges::default();
    let named: BTreeSet<String> = limits.iter().map(|l| l.info.key()).collect();
    // Both maps only hold assets named by the previous list (at most 30 each).
    let limited: Vec<String> = LIMITS
        .keys(store, None, None, Order::Ascending)
        .collect::<StdResult<_>>()?;
    let waiting: Vec<(String, PendingLimit)> = PENDING_LIMITS
        .range(store, None, None, Order::Ascending)
        .collect::<StdResult<_>>()?;
    for key in limited.into_iter().filter(|k| !named.contains(k)) {
        LIMITS.remove(store, &key);
        changes.removed.push(key);
    }
    for (key, pending) in waiting.into_iter().filter(|(k, _)| !named.contains(k)) {
        PENDING_LIMITS.remove(store, &key);
        // a due change is the limit in force, though not recorded yet: that limit is removed
        if pending.effective_at > now {
            changes.dropped.push(key);
        } else if !changes.removed.contains(&key) {
            changes.removed.push(key);
        }
    }
    let effective_at = plus_seconds(now, delay)?;
    for new in limits {
        let key = new.info.key();
        // compared with the limit in force now, a due pending change included
        let (current, _) = settle(store, &key, now)?;
        let had_pending = PENDING_LIMITS.has(store, &key);
        let loosens = match &current {
            Some(cur) => new.amount > cur.amount || new.period_seconds < cur.window.period_seconds,
            None => true,
        };
        if let Some(cur) = current {
            // the part that tightens: the lower amount and the longer period
            let amount = new.amount.min(cur.amount);
            let period = new.period_seconds.max(cur.window.period_seconds);
            if amount != cur.amount || period != cur.window.period_seconds || !loosens {
                let limit = Limit {
                    asset_info: cur.asset_info,
                    amount,
                    window: cur.window.at(now)?.with_period(now, period),
                };
                save_limit(store, &limit)?;
                changes.applied.push(key.clone());
            }
        }
        if loosens {
            // Naming the limit that is already pending is no newer change: it keeps its time,
            // so one list can change one asset without restarting every other asset's wait.
            let same = PENDING_LIMITS
                .may_load(store, &key)?
                .filter(|p| p.amount == new.amount && p.period_seconds == new.period_seconds);
            let pending = match same {
                Some(pending) => pending,
                None => {
                    let pending = PendingLimit {
                        asset_info: new.info,
                        amount: new.amount,
                        period_seconds: new.period_seconds,
                        effective_at,
                    };
                    PENDING_LIMITS.save(store, &key, &pending)?;
                    pending
                }
            };
            changes.pending.push((key, pending.effective_at));
        } else if had_pending {
            PENDING_LIMITS.remove(store, &key);
            changes.dropped.push(key);
        }
    }
    Ok(changes)
}

pub fn execute_cancel_pending_change(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    asset_info: commons::AssetInfoUnchecked,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    ensure_owner(deps.storage, &info.sender, "cancel a pending change")?;
    let asset = check_info(deps.api, &asset_info)?;
    let key = asset.key();
    // a change past its effective time is in force already: it is no longer cancellable
    settle(deps.storage, &key, env.block.time)?;
    let pending = PENDING_LIMITS
        .may_load(deps.storage, &key)?
        .ok_or_else(|| ContractError::NoPendingChange { asset: key.clone() })?;
    PENDING_LIMITS.remove(deps.storage, &key);
    Ok(Response::new()
        .add_attribute("action", "cancel_pending_change")
        .add_attribute("asset", key)
        .add_attribute("amount", pending.amount)
        .add_attribute("period_seconds", pending.period_seconds.to_string())
        .add_attribute("effective_at", pending.effective_at.seconds().to_string()))
}

pub fn execute_apply_changes(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let now = env.block.time;
    // at most 30 entries (see PENDING_LIMITS)
    let waiting: Vec<(String, PendingLimit)> = PENDING_LIMITS
        .range(deps.storage, None, None, Order::Ascending)
        .collect::<StdResult<_>>()?;
    let (due, later): (Vec<_>, Vec<_>) = waiting
        .into_iter()
        .partition(|(_, p)| p.effective_at <= now);
    if due.is_empty() {
        return Err(match later.iter().map(|(_, p)| p.effective_at).min() {
            Some(next_effective_at) => ContractError::NoChangeDue { next_effective_at },
            None => ContractError::NoPendingChanges,
        });
    }
    let mut applied = Vec::with_capacity(due.len());
    for (key, _) in due {
        settle(deps.storage, &key, now)?;
        applied.push(key);
    }
    Ok(Response::new()
        .add_attribute("action", "apply_changes")
        .add_attribute("applied", applied.join(",")))
}
