//! Read-only queries: cw20's (mostly served by cw20-base over the shared layout) and ours.

use commons::reward_token::{
    QueryMsg, SupplyResponse, TotalPowerAtHeightResponse, VotingPowerAtHeightResponse,
};
use cosmwasm_std::{to_json_binary, Binary, Deps, Env, StdResult};
use cw20::{MinterResponse, TokenInfoResponse};
use cw20_base::allowances::query_allowance;
use cw20_base::contract::{query_balance, query_download_logo, query_marketing_info};
use cw20_base::enumerable::{query_all_accounts, query_owner_allowances, query_spender_allowances};

use crate::delegation::query_delegation;
use crate::state::{POWER, TOKEN, TOTAL_POWER};
use crate::vesting::query_vesting;

pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> StdResult<Binary> {
    match msg {
        QueryMsg::Balance { address } => to_json_binary(&query_balance(deps, address)?),
        QueryMsg::TokenInfo {} => to_json_binary(&query_token_info(deps)?),
        QueryMsg::Minter {} => to_json_binary(&query_minter(deps)?),
        QueryMsg::Allowance { owner, spender } => {
            to_json_binary(&query_allowance(deps, owner, spender)?)
        }
        QueryMsg::AllAllowances {
            owner,
            start_after,
            limit,
        } => to_json_binary(&query_owner_allowances(deps, owner, start_after, limit)?),
        QueryMsg::AllSpenderAllowances {
            spender,
            start_after,
            limit,
        } => to_json_binary(&query_spender_allowances(
            deps,
            spender,
            start_after,
            limit,
        )?),
        QueryMsg::AllAccounts { start_after, limit } => {
            to_json_binary(&query_all_accounts(deps, start_after, limit)?)
        }
        QueryMsg::MarketingInfo {} => to_json_binary(&query_marketing_info(deps)?),
        QueryMsg::DownloadLogo {} => to_json_binary(&query_download_logo(deps)?),
        QueryMsg::VotingPowerAtHeight { address, height } => {
            to_json_binary(&query_voting_power(deps, env, address, height)?)
        }
        QueryMsg::TotalPowerAtHeight { height } => {
            to_json_binary(&query_total_power(deps, env, height)?)
        }
        QueryMsg::Vesting {
            address,
            start_after,
            limit,
        } => to_json_binary(&query_vesting(deps, env, address, start_after, limit)?),
        QueryMsg::Supply {} => to_json_binary(&query_supply(deps)?),
        QueryMsg::Delegation { address } => to_json_binary(&query_delegation(deps, address)?),
    }
}

fn query_token_info(deps: Deps) -> StdResult<TokenInfoResponse> {
    let token = TOKEN.load(deps.storage)?;
    Ok(TokenInfoResponse {
        name: token.name,
        symbol: token.symbol,
        decimals: token.decimals,
        total_supply: token.total_supply,
    })
}

fn query_minter(deps: Deps) -> StdResult<Option<MinterResponse>> {
    let token = TOKEN.load(deps.storage)?;
    Ok(token.minter.map(|minter| MinterResponse {
        minter: minter.into_string(),
        cap: token.cap,
    }))
}

fn query_supply(deps: Deps) -> StdResult<SupplyResponse> {
    let token = TOKEN.load(deps.storage)?;
    Ok(SupplyResponse {
        total_supply: token.total_supply,
        minted_total: token.minted_total,
        burned_total: token.burned_total,
        locked_total: token.locked_total,
        cap: token.cap,
    })
}

/// Without a height: the power now. With one: the power at the start of that block.
fn query_voting_power(
    deps: Deps,
    env: Env,
    address: String,
    height: Option<u64>,
) -> StdResult<VotingPowerAtHeightResponse> {
    let address = deps.api.addr_validate(&address)?;
    let (power, height) = match height {
        None => (POWER.current(deps.storage, &address)?, env.block.height),
        Some(h) => (POWER.at_height(deps.storage, &address, h)?, h),
    };
    Ok(VotingPowerAtHeightResponse { power, height })
}

fn query_total_power(
    deps: Deps,
    env: Env,
    height: Option<u64>,
) -> StdResult<TotalPowerAtHeightResponse> {
    let (power, height) = match height {
        None => (TOTAL_POWER.load(deps.storage)?.amount, env.block.height),
        Some(h) => (TOTAL_POWER.at_height(deps.storage, h)?, h),
    };
    Ok(TotalPowerAtHeightResponse { power, height })
}
