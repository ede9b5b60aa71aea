//! Liquid balances: transfer, send, burn and their allowance-based `_from` forms.

use commons::addr::validate_addr;
use cosmwasm_std::{
    Addr, Binary, DepsMut, Env, MessageInfo, Response, StdError, Storage, SubMsg, Uint128,
};
use cw20::Cw20ReceiveMsg;

use crate::account::Ledger;
use crate::allowance::spend_allowance;
use crate::error::ContractError;
use crate::power;
use crate::response::{response, Attrs};
use crate::state::Supply;

pub fn nonzero(amount: Uint128) -> Result<(), ContractError> {
    if amount.is_zero() {
        Err(ContractError::InvalidZeroAmount)
    } else {
        Ok(())
    }
}

/// Moves liquid tokens and the voting power that goes with them. Cost is independent of the
/// number of holders and of the history: one record per party, plus the delegatee's record
/// for a party that delegates.
fn move_tokens(
    store: &mut dyn Storage,
    height: u64,
    from: &Addr,
    to: &Addr,
    amount: Uint128,
) -> Result<(), ContractError> {
    nonzero(amount)?;
    let mut ledger = Ledger::new(store, height);
    ledger.transfer(from, to, amount)?;
    ledger.commit();
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
    let mut supply = Supply::load(store)?;
    let total_supply = supply.total_supply().checked_sub(amount);
    supply.set_total_supply(total_supply.map_err(StdError::overflow)?);
    let burned_total = supply.burned_total().checked_add(amount);
    supply.set_burned_total(burned_total.map_err(StdError::overflow)?);
    let mut ledger = Ledger::new(store, height);
    let slot = ledger.open(holder)?;
    ledger.debit(slot, amount)?;
    power::shrink(&mut ledger, &mut supply, slot, amount)?;
    supply.save(ledger.store());
    ledger.commit();
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
    let mut res = response("transfer", 4);
    res.attr("from", info.sender)
        .attr("to", to)
        .attr("amount", amount);
    Ok(res)
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
    let mut res = response("send", 4);
    res.attr("from", info.sender)
        .attr("to", to.as_str())
        .attr("amount", amount);
    res.messages.push(SubMsg::new(receive.into_cosmos_msg(to)?));
    Ok(res)
}

pub fn execute_burn(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    amount: Uint128,
) -> Result<Response, ContractError> {
    burn_tokens(deps.storage, env.block.height, &info.sender, amount)?;
    let mut res = response("burn", 3);
    res.attr("from", info.sender).attr("amount", amount);
    Ok(res)
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
    let mut res = response("transfer_from", 5);
    res.attr("from", owner)
        .attr("to", to)
        .attr("by", info.sender)
        .attr("amount", amount);
    Ok(res)
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
    let mut res = response("send_from", 5);
    res.attr("from", owner)
        .attr("to", to.as_str())
        .attr("by", info.sender)
        .attr("amount", amount);
    res.messages.push(SubMsg::new(receive.into_cosmos_msg(to)?));
    Ok(res)
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
    let mut res = response("burn_from", 4);
    res.attr("from", owner)
        .attr("by", info.sender)
        .attr("amount", amount);
    Ok(res)
}
