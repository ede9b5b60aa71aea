//! Voting power that appears or disappears with tokens: on the holder's delegatee and in the
//! total. (Power that only moves, with a transfer or a delegation, is `Ledger::move_power`.)

use cosmwasm_std::{StdError, StdResult, Uint128};

use crate::account::{Ledger, Slot};
use crate::state::Supply;

/// New power for the holder in slot `holder` (mint, or locked tokens becoming voting tokens).
pub fn grow(
    ledger: &mut Ledger,
    supply: &mut Supply,
    holder: Slot,
    amount: Uint128,
) -> StdResult<()> {
    if amount.is_zero() {
        return Ok(());
    }
    let delegatee = ledger.delegatee_of(holder)?;
    ledger.add_power(delegatee, amount)?;
    let total = supply
        .total_power()
        .now()
        .checked_add(amount)
        .map_err(StdError::overflow)?;
    let height = ledger.height();
    supply.set_total_power(ledger.store(), height, total);
    Ok(())
}

/// Power that disappears with the tokens of the holder in slot `holder` (burn, revoked grants).
pub fn shrink(
    ledger: &mut Ledger,
    supply: &mut Supply,
    holder: Slot,
    amount: Uint128,
) -> StdResult<()> {
    if amount.is_zero() {
        return Ok(());
    }
    let delegatee = ledger.delegatee_of(holder)?;
    ledger.sub_power(delegatee, amount)?;
    let total = supply
        .total_power()
        .now()
        .checked_sub(amount)
        .map_err(StdError::overflow)?;
    let height = ledger.height();
    supply.set_total_power(ledger.store(), height, total);
    Ok(())
}
