//! Delegation of voting power (ERC20Votes-style, not transitive: a delegatee that delegates
//! passes on only its own tokens, not what was delegated to it).

use commons::reward_token::DelegationResponse;
use cosmwasm_std::{Addr, Deps, DepsMut, Env, MessageInfo, Response, StdResult, Storage, Uint128};

use crate::error::ContractError;
use crate::power;
use crate::state::{BALANCES, DELEGATIONS, LOCKED, TOKEN};
use crate::tokens::validate_addr;

/// The power `holder` itself brings: its liquid balance, plus its locked grants when they vote.
fn own_power(store: &dyn Storage, holder: &Addr) -> Result<Uint128, ContractError> {
    let balance = BALANCES.may_load(store, holder)?.unwrap_or_default();
    if !TOKEN.load(store)?.vesting_counts_for_voting {
        return Ok(balance);
    }
    let locked = LOCKED.may_load(store, holder)?.unwrap_or_default();
    Ok(balance
        .checked_add(locked)
        .map_err(cosmwasm_std::StdError::overflow)?)
}

fn redelegate(
    store: &mut dyn Storage,
    height: u64,
    holder: &Addr,
    from: &Addr,
    to: &Addr,
) -> Result<Uint128, ContractError> {
    if to == holder {
        DELEGATIONS.remove(store, holder);
    } else {
        DELEGATIONS.save(store, holder, to)?;
    }
    let amount = own_power(store, holder)?;
    power::move_between(store, height, from, to, amount)?;
    Ok(amount)
}

pub fn execute_delegate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    delegatee: String,
) -> Result<Response, ContractError> {
    let to = validate_addr(deps.api, &delegatee)?;
    let from = power::delegatee_of(deps.storage, &info.sender)?;
    if from == to {
        return Err(ContractError::AlreadyDelegated {
            delegatee: to.into_string(),
        });
    }
    let amount = redelegate(deps.storage, env.block.height, &info.sender, &from, &to)?;
    Ok(Response::new()
        .add_attribute("action", "delegate")
        .add_attribute("delegator", info.sender)
        .add_attribute("from_delegatee", from)
        .add_attribute("to_delegatee", to)
        .add_attribute("power", amount))
}

pub fn execute_undelegate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
) -> Result<Response, ContractError> {
    let from = DELEGATIONS
        .may_load(deps.storage, &info.sender)?
        .ok_or(ContractError::NotDelegated)?;
    let amount = redelegate(
        deps.storage,
        env.block.height,
        &info.sender,
        &from,
        &info.sender,
    )?;
    Ok(Response::new()
        .add_attribute("action", "undelegate")
        .add_attribute("delegator", &info.sender)
        .add_attribute("from_delegatee", from)
        .add_attribute("to_delegatee", &info.sender)
        .add_attribute("power", amount))
}

pub fn query_delegation(deps: Deps, address: String) -> StdResult<DelegationResponse> {
    let address = deps.api.addr_validate(&address)?;
    Ok(DelegationResponse {
        delegatee: power::delegatee_of(deps.storage, &address)?,
    })
}
