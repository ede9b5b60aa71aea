//! Liquid balances: transfer, send, burn and their allowance-based `_from` forms.

use cosmwasm_std::{
    Addr, Api, Binary, BlockInfo, DepsMut, Env, MessageInfo, Response, Storage, Uint128,
};
use cw20::Cw20ReceiveMsg;

use crate::error::ContractError;
use crate::power;
use crate::state::{ALLOWANCES, ALLOWANCES_SPENDER, BALANCES, TOKEN};

/// `addr_validate` with an error that names the bad input.
pub fn validate_addr(api: &dyn Api, input: &str) -> Result<Addr, ContractError> {
    api.addr_validate(input)
        .map_err(|e| ContractError::InvalidAddress {
            address: input.to_string(),
            reason: e.to_string(),
        })
}

pub fn nonzero(amount: Uint128) -> Result<(), ContractError> {
    if amount.is_zero() {
        Err(ContractError::InvalidZeroAmount)
    } else {
        Ok(())
    }
}

fn debit(store: &mut dyn Storage, holder: &Addr, amount: Uint128) -> Result<(), ContractError> {
    let balance = BALANCES.may_load(store, holder)?.unwrap_or_default();
    let rest = balance
        .checked_sub(amount)
        .map_err(|_| ContractError::InsufficientBalance {
            balance,
            requested: amount,
        })?;
    if rest.is_zero() {
        BALANCES.remove(store, holder);
    } else {
        BALANCES.save(store, holder, &rest)?;
    }
    Ok(())
}

/// Adds to a liquid balance (the caller accounts for supply and power).
pub fn credit(
    store: &mut dyn Storage,
    holder: &Addr,
    amount: Uint128,
) -> Result<(), ContractError> {
    let balance = BALANCES.may_load(store, holder)?.unwrap_or_default();
    let new = balance
        .checked_add(amount)
        .map_err(|_| ContractError::SupplyOverflow)?;
    BALANCES.save(store, holder, &new)?;
    Ok(())
}

/// Moves liquid tokens and the voting power that goes with them. Cost is independent of the
/// number of holders and of the history: two balances, two delegation look-ups, and at most
/// two power updates.
fn move_tokens(
    store: &mut dyn Storage,
    height: u64,
    from: &Addr,
    to: &Addr,
    amount: Uint128,
) -> Result<(), ContractError> {
    nonzero(amount)?;
    debit(store, from, amount)?;
    credit(store, to, amount)?;
    let from_delegatee = power::delegatee_of(store, from)?;
    let to_delegatee = power::delegatee_of(store, to)?;
    power::move_between(store, height, &from_delegatee, &to_delegatee, amount)?;
    Ok(())
}

/// Destroys liquid tokens of `holder`: balance, supply and power all go down.
fn burn_tokens(
    store: &mut dyn Storage,
    height: u64,
    holder: &Addr,
    amount: Uint128,
) -> Result<(), ContractError> {
    nonzero(amount)?;
    debit(store, holder, amount)?;
    let mut token = TOKEN.load(store)?;
    token.total_supply = token
        .total_supply
        .checked_sub(amount)
        .map_err(cosmwasm_std::StdError::overflow)?;
    token.burned_total = token
        .burned_total
        .checked_add(amount)
        .map_err(cosmwasm_std::StdError::overflow)?;
    TOKEN.save(store, &token)?;
    power::shrink(store, height, holder, amount)?;
    Ok(())
}

/// Uses `amount` of `spender`'s allowance from `owner` (cw20-base's layout and rules).
fn spend_allowance(
    store: &mut dyn Storage,
    block: &BlockInfo,
    owner: &Addr,
    spender: &Addr,
    amount: Uint128,
) -> Result<(), ContractError> {
    let mut allowance = ALLOWANCES
        .may_load(store, (owner, spender))?
        .ok_or_else(|| ContractError::NoAllowance {
            owner: owner.to_string(),
            spender: spender.to_string(),
        })?;
    if allowance.expires.is_expired(block) {
        return Err(ContractError::AllowanceExpired {
            owner: owner.to_string(),
            spender: spender.to_string(),
        });
    }
    allowance.allowance = allowance.allowance.checked_sub(amount).map_err(|_| {
        ContractError::InsufficientAllowance {
            allowance: allowance.allowance,
            requested: amount,
        }
    })?;
    ALLOWANCES.save(store, (owner, spender), &allowance)?;
    ALLOWANCES_SPENDER.save(store, (spender, owner), &allowance)?;
    Ok(())
}

pub fn execute_transfer(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    recipient: String,
    amount: Uint128,
) -> Result<Response, ContractError> {
    let to = validate_addr(deps.api, &recipient)?;
    move_tokens(deps.storage, env.block.height, &info.sender, &to, amount)?;
    Ok(Response::new()
        .add_attribute("action", "transfer")
        .add_attribute("from", info.sender)
        .add_attribute("to", to)
        .add_attribute("amount", amount))
}

pub fn execute_send(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    contract: String,
    amount: Uint128,
    msg: Binary,
) -> Result<Response, ContractError> {
    let to = validate_addr(deps.api, &contract)?;
    move_tokens(deps.storage, env.block.height, &info.sender, &to, amount)?;
    let receive = Cw20ReceiveMsg {
        sender: info.sender.to_string(),
        amount,
        msg,
    };
    Ok(Response::new()
        .add_attribute("action", "send")
        .add_attribute("from", info.sender)
        .add_attribute("to", &to)
        .add_attribute("amount", amount)
        .add_message(receive.into_cosmos_msg(to)?))
}

pub fn execute_burn(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    amount: Uint128,
) -> Result<Response, ContractError> {
    burn_tokens(deps.storage, env.block.height, &info.sender, amount)?;
    Ok(Response::new()
        .add_attribute("action", "burn")
        .add_attribute("from", info.sender)
        .add_attribute("amount", amount))
}

pub fn execute_transfer_from(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    owner: String,
    recipient: String,
    amount: Uint128,
) -> Result<Response, ContractError> {
    let owner = validate_addr(deps.api, &owner)?;
    let to = validate_addr(deps.api, &recipient)?;
    nonzero(amount)?;
    spend_allowance(deps.storage, &env.block, &owner, &info.sender, amount)?;
    move_tokens(deps.storage, env.block.height, &owner, &to, amount)?;
    Ok(Response::new()
        .add_attribute("action", "transfer_from")
        .add_attribute("from", owner)
        .add_attribute("to", to)
        .add_attribute("by", info.sender)
        .add_attribute("amount", amount))
}

pub fn execute_send_from(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    owner: String,
    contract: String,
    amount: Uint128,
    msg: Binary,
) -> Result<Response, ContractError> {
    let owner = validate_addr(deps.api, &owner)?;
    let to = validate_addr(deps.api, &contract)?;
    nonzero(amount)?;
    spend_allowance(deps.storage, &env.block, &owner, &info.sender, amount)?;
    move_tokens(deps.storage, env.block.height, &owner, &to, amount)?;
    // As in cw20-base, the receiver is told the spender (not the owner) sent the tokens.
    let receive = Cw20ReceiveMsg {
        sender: info.sender.to_string(),
        amount,
        msg,
    };
    Ok(Response::new()
        .add_attribute("action", "send_from")
        .add_attribute("from", owner)
        .add_attribute("to", &to)
        .add_attribute("by", info.sender)
        .add_attribute("amount", amount)
        .add_message(receive.into_cosmos_msg(to)?))
}

pub fn execute_burn_from(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    owner: String,
    amount: Uint128,
) -> Result<Response, ContractError> {
    let owner = validate_addr(deps.api, &owner)?;
    nonzero(amount)?;
    spend_allowance(deps.storage, &env.block, &owner, &info.sender, amount)?;
    burn_tokens(deps.storage, env.block.height, &owner, amount)?;
    Ok(Response::new()
        .add_attribute("action", "burn_from")
        .add_attribute("from", owner)
        .add_attribute("by", info.sender)
        .add_attribute("amount", amount))
}
