//! Voting-power bookkeeping: every change of a holder's liquid balance or locked grants is
//! mirrored on its delegatee's power (and on the total when tokens appear or disappear).

use cosmwasm_std::{Addr, StdError, StdResult, Storage, Uint128};

use crate::state::{DELEGATIONS, POWER, TOTAL_POWER};

/// Whom `holder`'s power goes to: its explicit delegatee, or itself.
pub fn delegatee_of(store: &dyn Storage, holder: &Addr) -> StdResult<Addr> {
    Ok(DELEGATIONS
        .may_load(store, holder)?
        .unwrap_or_else(|| holder.clone()))
}

fn add_to(
    store: &mut dyn Storage,
    height: u64,
    delegatee: &Addr,
    amount: Uint128,
) -> StdResult<()> {
    let old = POWER.load(store, delegatee)?;
    let new = old.amount.checked_add(amount).map_err(StdError::overflow)?;
    POWER.set(store, delegatee, height, old, new)
}

fn sub_from(
    store: &mut dyn Storage,
    height: u64,
    delegatee: &Addr,
    amount: Uint128,
) -> StdResult<()> {
    let old = POWER.load(store, delegatee)?;
    let new = old.amount.checked_sub(amount).map_err(StdError::overflow)?;
    POWER.set(store, delegatee, height, old, new)
}

/// Power that moves with `amount` tokens from one holder to another (transfer, delegation).
/// Costs nothing extra when both sides vote through the same delegatee.
pub fn move_between(
    store: &mut dyn Storage,
    height: u64,
    from_delegatee: &Addr,
    to_delegatee: &Addr,
    amount: Uint128,
) -> StdResult<()> {
    if from_delegatee == to_delegatee || amount.is_zero() {
        return Ok(());
    }
    sub_from(store, height, from_delegatee, amount)?;
    add_to(store, height, to_delegatee, amount)
}

/// New power for `holder` (mint, or locked tokens becoming voting tokens).
pub fn grow(store: &mut dyn Storage, height: u64, holder: &Addr, amount: Uint128) -> StdResult<()> {
    if amount.is_zero() {
        return Ok(());
    }
    let delegatee = delegatee_of(store, holder)?;
    add_to(store, height, &delegatee, amount)?;
    let old = TOTAL_POWER.load(store)?;
    let new = old.amount.checked_add(amount).map_err(StdError::overflow)?;
    TOTAL_POWER.set(store, height, old, new)
}

/// Power that disappears with `holder`'s tokens (burn, revoked grants).
pub fn shrink(
    store: &mut dyn Storage,
    height: u64,
    holder: &Addr,
    amount: Uint128,
) -> StdResult<()> {
    if amount.is_zero() {
        return Ok(());
    }
    let delegatee = delegatee_of(store, holder)?;
    sub_from(store, height, &delegatee, amount)?;
    let old = TOTAL_POWER.load(store)?;
    let new = old.amount.checked_sub(amount).map_err(StdError::overflow)?;
    TOTAL_POWER.set(store, height, old, new)
}
