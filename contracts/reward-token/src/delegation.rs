//! Delegation of voting power (ERC20Votes-style, not transitive: a delegatee that delegates
//! passes on only its own tokens, not what was delegated to it).

use commons::addr::validate_addr;
use commons::reward_token::DelegationResponse;
use cosmwasm_std::{Addr, Deps, DepsMut, Env, MessageInfo, Response, StdError, StdResult, Uint128};

use crate::account::{Account, Ledger, Slot};
use crate::error::ContractError;
use crate::response::{response, Attrs};
use crate::state::Supply;

/// The power the holder in `slot` itself brings: its liquid balance, plus its locked grants
/// when they vote.
fn own_power(ledger: &mut Ledger, slot: Slot) -> Result<Uint128, ContractError> {
    let account = ledger.peek(slot);
    let (balance, locked) = (account.balance(), account.locked());
    // the supply record says whether locked tokens vote; without locked tokens it cannot matter
    if locked.is_zero() || !Supply::load(ledger.store())?.vesting_counts_for_voting() {
        return Ok(balance);
    }
    Ok(balance.checked_add(locked).map_err(StdError::overflow)?)
}

/// Points the own power of the holder in `slot` at `to` (`None`: itself) and moves it there
/// from its current delegatee.
fn redelegate(
    ledger: &mut Ledger,
    slot: Slot,
    to: Option<&Addr>,
) -> Result<Uint128, ContractError> {
    let from = ledger.delegatee_of(slot)?;
    ledger.get(slot).set_delegatee(to);
    let to = ledger.delegatee_of(slot)?;
    let amount = own_power(ledger, slot)?;
    ledger.move_power(from, to, amount)?;
    Ok(amount)
}

pub fn execute_delegate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    delegatee: String,
) -> Result<Response, ContractError> {
    let to = validate_addr(deps.api, &delegatee)?;
    let mut ledger = Ledger::new(deps.storage, env.block.height);
    let slot = ledger.open(&info.sender)?;
    let from = ledger
        .peek(slot)
        .delegatee()
        .unwrap_or_else(|| info.sender.clone());
    if from == to {
        return Err(ContractError::AlreadyDelegated {
            delegatee: to.into_string(),
        });
    }
    let amount = redelegate(&mut ledger, slot, (to != info.sender).then_some(&to))?;
    ledger.commit();
    let mut res = response("delegate", 5);
    res.attr("delegator", info.sender)
        .attr("from_delegatee", from)
        .attr("to_delegatee", to)
        .attr("power", amount);
    Ok(res)
}

pub fn execute_undelegate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
) -> Result<Response, ContractError> {
    let mut ledger = Ledger::new(deps.storage, env.block.height);
    let slot = ledger.open(&info.sender)?;
    let from = ledger
        .peek(slot)
        .delegatee()
        .ok_or(ContractError::NotDelegated)?;
    let amount = redelegate(&mut ledger, slot, None)?;
    ledger.commit();
    let mut res = response("undelegate", 5);
    res.attr("delegator", info.sender.as_str())
        .attr("from_delegatee", from)
        .attr("to_delegatee", info.sender)
        .attr("power", amount);
    Ok(res)
}

pub fn query_delegation(deps: Deps, address: String) -> StdResult<DelegationResponse> {
    let address = deps.api.addr_validate(&address)?;
    let account = Account::load(deps.storage, &address)?;
    Ok(DelegationResponse {
        delegatee: account.delegatee().unwrap_or(address),
    })
}
