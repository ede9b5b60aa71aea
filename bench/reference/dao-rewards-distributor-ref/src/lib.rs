//! dao-rewards-distributor 2.6's entry points, exported as they are when built without `library`.

use cosmwasm_std::{entry_point, Binary, Deps, DepsMut, Env, MessageInfo, Response, StdResult};
use dao_rewards_distributor::msg::{ExecuteMsg, InstantiateMsg, QueryMsg};
use dao_rewards_distributor::ContractError;

#[entry_point]
pub fn instantiate(deps: DepsMut, env: Env, info: MessageInfo, msg: InstantiateMsg) -> Result<Response, ContractError> {
    dao_rewards_distributor::contract::instantiate(deps, env, info, msg)
}

#[entry_point]
pub fn execute(deps: DepsMut, env: Env, info: MessageInfo, msg: ExecuteMsg) -> Result<Response, ContractError> {
    dao_rewards_distributor::contract::execute(deps, env, info, msg)
}

#[entry_point]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> StdResult<Binary> {
    dao_rewards_distributor::contract::query(deps, env, msg)
}
