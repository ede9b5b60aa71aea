//! Voting-power queries to the reward token, which `propose` (one or two) and `vote` (one)
//! make: typed requests of `commons::reward_token`, answers read by their derived readers.

use commons::reward_token::{
    QueryMsg as TokenQuery, TotalPowerAtHeightResponse, VotingPowerAtHeightResponse,
};
use commons_json::query_wasm_smart;
use cosmwasm_std::{QuerierWrapper, StdResult, Uint128};

/// The voting power of `address` at the start of block `height`.
pub fn voting_power_at(
    querier: &QuerierWrapper,
    token: &str,
    address: &str,
    height: u64,
) -> StdResult<Uint128> {
    voting_power(querier, token, address, Some(height)).map(|res| res.power)
}

/// The voting power of `address` now, or at the start of block `height`, with the height.
pub fn voting_power(
    querier: &QuerierWrapper,
    token: &str,
    address: &str,
    height: Option<u64>,
) -> StdResult<VotingPowerAtHeightResponse> {
    let msg = TokenQuery::VotingPowerAtHeight {
        address: address.to_string(),
        height,
    };
    query_wasm_smart(querier, token, &msg)
}

/// The token's total voting power at the start of block `height` less what the `excluding`
/// accounts held then, in one query.
pub fn total_power_excluding(
    querier: &QuerierWrapper,
    token: &str,
    height: u64,
    excluding: &[&str],
) -> StdResult<Uint128> {
    let msg = TokenQuery::TotalPowerExcluding {
        height: Some(height),
        excluding: excluding.iter().map(|a| a.to_string()).collect(),
    };
    let res: TotalPowerAtHeightResponse = query_wasm_smart(querier, token, &msg)?;
    Ok(res.power)
}
