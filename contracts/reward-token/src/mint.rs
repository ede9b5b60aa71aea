//! Minting within the lifetime cap, and the minter role.

use cosmwasm_std::{Addr, DepsMut, Env, MessageInfo, Response, StdError, Uint128};

use crate::error::ContractError;
use crate::power;
use crate::state::{TokenState, TOKEN};
use crate::tokens::{credit, nonzero, validate_addr};

/// Fails unless `sender` is the current minter.
pub fn ensure_minter(token: &TokenState, sender: &Addr, action: &str) -> Result<(), ContractError> {
    match &token.minter {
        Some(minter) if minter == sender => Ok(()),
        _ => Err(ContractError::NotMinter {
            action: action.to_string(),
        }),
    }
}

/// Counts `amount` as newly minted: it must fit under the lifetime cap (burned tokens do not
/// free room) and in the supply.
pub fn record_mint(token: &mut TokenState, amount: Uint128) -> Result<(), ContractError> {
    nonzero(amount)?;
    let minted_total = token
        .minted_total
        .checked_add(amount)
        .map_err(|_| ContractError::SupplyOverflow)?;
    if let Some(cap) = token.cap {
        if minted_total > cap {
            return Err(ContractError::CapExceeded {
                cap,
                minted_total: token.minted_total,
                requested: amount,
            });
        }
    }
    token.minted_total = minted_total;
    token.total_supply = token
        .total_supply
        .checked_add(amount)
        .map_err(|_| ContractError::SupplyOverflow)?;
    Ok(())
}

pub fn execute_mint(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    recipient: String,
    amount: Uint128,
) -> Result<Response, ContractError> {
    let mut token = TOKEN.load(deps.storage)?;
    ensure_minter(&token, &info.sender, "mint")?;
    let to = validate_addr(deps.api, &recipient)?;
    record_mint(&mut token, amount)?;
    TOKEN.save(deps.storage, &token)?;
    credit(deps.storage, &to, amount)?;
    power::grow(deps.storage, env.block.height, &to, amount)?;
    Ok(Response::new()
        .add_attribute("action", "mint")
        .add_attribute("to", to)
        .add_attribute("amount", amount)
        .add_attribute("minted_total", token.minted_total))
}

pub fn execute_update_minter(
    deps: DepsMut,
    info: MessageInfo,
    new_minter: Option<String>,
) -> Result<Response, ContractError> {
    let mut token = TOKEN.load(deps.storage)?;
    ensure_minter(&token, &info.sender, "update the minter")?;
    token.minter = new_minter
        .map(|m| validate_addr(deps.api, &m))
        .transpose()?;
    TOKEN.save(deps.storage, &token)?;
    Ok(Response::new()
        .add_attribute("action", "update_minter")
        .add_attribute(
            "new_minter",
            token
                .minter
                .map(Addr::into_string)
                .unwrap_or_else(|| "None".to_string()),
        ))
}

/// Adds `amount` to the locked total (grants); returns an error on overflow.
pub fn lock(token: &mut TokenState, amount: Uint128) -> Result<(), ContractError> {
    token.locked_total = token
        .locked_total
        .checked_add(amount)
        .map_err(StdError::overflow)?;
    Ok(())
}
