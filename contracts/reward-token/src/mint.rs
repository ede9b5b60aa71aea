//! Minting within the lifetime cap and the mint limit, and the minter role.

use commons::addr::validate_addr;
use cosmwasm_std::{Addr, DepsMut, Env, MessageInfo, Response, StdError, Uint128};

use crate::account::Ledger;
use crate::error::ContractError;
use crate::mint_limit::{count_mint, window_attrs};
use crate::power;
use crate::response::{response, Attrs};
use crate::state::Supply;
use crate::tokens::nonzero;

/// Fails unless `sender` is the current minter.
pub fn ensure_minter(supply: &Supply, sender: &Addr, action: &str) -> Result<(), ContractError> {
    if supply.is_minter(sender) {
        Ok(())
    } else {
        Err(ContractError::NotMinter {
            action: action.to_string(),
        })
    }
}

/// Counts `amount` as newly minted: it must fit under the lifetime cap (burned tokens do not
/// free room) and in the supply.
pub fn record_mint(supply: &mut Supply, amount: Uint128) -> Result<(), ContractError> {
    nonzero(amount)?;
    let minted_before = supply.minted_total();
    let minted_total = minted_before
        .checked_add(amount)
        .map_err(|_| ContractError::SupplyOverflow)?;
    if let Some(cap) = supply.cap() {
        if minted_total > cap {
            return Err(ContractError::CapExceeded {
                cap,
                minted_total: minted_before,
                requested: amount,
            });
        }
    }
    supply.set_minted_total(minted_total);
    let total_supply = supply
        .total_supply()
        .checked_add(amount)
        .map_err(|_| ContractError::SupplyOverflow)?;
    supply.set_total_supply(total_supply);
    Ok(())
}

pub fn execute_mint(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    recipient: String,
    amount: Uint128,
) -> Result<Response, ContractError> {
    let mut supply = Supply::load(deps.storage)?;
    ensure_minter(&supply, &info.sender, "mint")?;
    let to = validate_addr(deps.api, &recipient)?;
    record_mint(&mut supply, amount)?;
    let window = count_mint(deps.storage, &mut supply, env.block.time, amount)?;
    let mut ledger = Ledger::new(deps.storage, env.block.height);
    let slot = ledger.open(&to)?;
    ledger.credit(slot, amount)?;
    power::grow(&mut ledger, &mut supply, slot, amount)?;
    supply.save(ledger.store());
    ledger.commit();
    let mut res = response("mint", if window.is_some() { 6 } else { 4 });
    res.attr("to", to)
        .attr("amount", amount)
        .attr("minted_total", supply.minted_total());
    if let Some(window) = &window {
        window_attrs(&mut res, window)?;
    }
    Ok(res)
}

/// Hands minting over; the mint limit, its window and any pending change stay as they are, so
/// a new minter is bound exactly as the old one was.
pub fn execute_update_minter(
    deps: DepsMut,
    info: MessageInfo,
    new_minter: Option<String>,
) -> Result<Response, ContractError> {
    let mut supply = Supply::load(deps.storage)?;
    ensure_minter(&supply, &info.sender, "update the minter")?;
    let new_minter = new_minter
        .map(|m| validate_addr(deps.api, &m))
        .transpose()?;
    supply.set_minter(new_minter.as_ref());
    supply.save(deps.storage);
    let mut res = response("update_minter", 2);
    res.attr(
        "new_minter",
        new_minter.map_or_else(|| "None".to_string(), Addr::into_string),
    );
    Ok(res)
}

/// Adds `amount` to the locked total (grants); returns an error on overflow.
pub fn lock(supply: &mut Supply, amount: Uint128) -> Result<(), ContractError> {
    let locked_total = supply.locked_total().checked_add(amount);
    supply.set_locked_total(locked_total.map_err(StdError::overflow)?);
    Ok(())
}
