//! Read-only queries: cw20's and ours.

use commons::pagination::page_limit;
use commons::reward_token::{
    QueryMsg, SupplyResponse, TotalPowerAtHeightResponse, VotingPowerAtHeightResponse,
};
use cosmwasm_std::{to_json_binary, Addr, Binary, Deps, Env, Order, StdError, StdResult};
use cw20::{AllAccountsResponse, BalanceResponse, MinterResponse, TokenInfoResponse};

use crate::account::{account_key, power_archive, Account};
use crate::allowance::{query_allowance, query_owner_allowances, query_spender_allowances};
use crate::delegation::query_delegation;
use crate::marketing::{query_download_logo, query_marketing_info};
use crate::mint_limit::query_mint_limit;
use crate::state::{total_power_archive, Supply, ACCOUNT_NS, METADATA};
use crate::vesting::query_vesting;
use commons::codec::map_key;

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
        QueryMsg::TotalPowerExcluding { height, excluding } => {
            to_json_binary(&query_total_power_excluding(deps, env, height, excluding)?)
        }
        QueryMsg::Vesting {
            address,
            start_after,
            limit,
        } => to_json_binary(&query_vesting(deps, env, address, start_after, limit)?),
        QueryMsg::Supply {} => to_json_binary(&query_supply(deps)?),
        QueryMsg::Delegation { address } => to_json_binary(&query_delegation(deps, address)?),
        QueryMsg::MintLimit {} => to_json_binary(&query_mint_limit(deps, env)?),
    }
}

/// cw20 `balance`: the liquid balance in the account record (zero without one).
fn query_balance(deps: Deps, address: String) -> StdResult<BalanceResponse> {
    let address = deps.api.addr_validate(&address)?;
    Ok(BalanceResponse {
        balance: Account::load(deps.storage, &address)?.balance(),
    })
}

/// cw20 `all_accounts`: the addresses with an account record, in address order, paginated.
/// As in cw20-base, a holder whose balance went back to zero stays listed; so do delegatees
/// and grantees, which have a record without holding a liquid balance.
fn query_all_accounts(
    deps: Deps,
    start_after: Option<String>,
    limit: Option<u32>,
) -> StdResult<AllAccountsResponse> {
    let prefix_len = map_key(ACCOUNT_NS, b"").len();
    let start = match start_after {
        // the first key after `start_after` (exclusive, like cw20-base)
        Some(after) => {
            let mut key = account_key(&Addr::unchecked(after));
            key.push(0);
            key
        }
        None => map_key(ACCOUNT_NS, b""),
    };
    // the namespace's keys all sort below the namespace with its last byte incremented
    let mut end = map_key(ACCOUNT_NS, b"");
    if let Some(last) = end.last_mut() {
        *last += 1;
    }
    let limit = page_limit(limit);
    let mut accounts = Vec::with_capacity(limit);
    let keys = deps
        .storage
        .range_keys(Some(&start), Some(&end), Order::Ascending);
    for key in keys.take(limit) {
        let address = key
            .get(prefix_len..)
            .and_then(|b| String::from_utf8(b.to_vec()).ok())
            .ok_or_else(|| StdError::parse_err("account", "address is not UTF-8"))?;
        accounts.push(address);
    }
    Ok(AllAccountsResponse { accounts })
}

fn query_token_info(deps: Deps) -> StdResult<TokenInfoResponse> {
    let metadata = METADATA.load(deps.storage)?;
    Ok(TokenInfoResponse {
        name: metadata.name,
        symbol: metadata.symbol,
        decimals: metadata.decimals,
        total_supply: Supply::load(deps.storage)?.total_supply(),
    })
}

/// cw20 `minter`: exactly cw20's `{minter, cap}`; the mint limit has its own query.
fn query_minter(deps: Deps) -> StdResult<Option<MinterResponse>> {
    let supply = Supply::load(deps.storage)?;
    Ok(supply.minter().map(|minter| MinterResponse {
        minter: minter.into_string(),
        cap: supply.cap(),
    }))
}

fn query_supply(deps: Deps) -> StdResult<SupplyResponse> {
    let supply = Supply::load(deps.storage)?;
    Ok(SupplyResponse {
        total_supply: supply.total_supply(),
        minted_total: supply.minted_total(),
        burned_total: supply.burned_total(),
        locked_total: supply.locked_total(),
        cap: supply.cap(),
    })
}

/// The most accounts `total_power_excluding` takes.
pub const MAX_EXCLUDED: usize = 30;

/// The total power less what `excluding` held, at the same height. The accounts' powers are
/// part of the total (the token keeps total = sum of powers at every height), so the
/// subtraction cannot underflow; it is checked all the same.
fn query_total_power_excluding(
    deps: Deps,
    env: Env,
    height: Option<u64>,
    excluding: Vec<String>,
) -> StdResult<TotalPowerAtHeightResponse> {
    if excluding.len() > MAX_EXCLUDED {
        return Err(StdError::generic_err(format!(
            "total_power_excluding takes at most {MAX_EXCLUDED} accounts, got {}",
            excluding.len()
        )));
    }
    for (i, address) in excluding.iter().enumerate() {
        if excluding[..i].contains(address) {
            return Err(StdError::generic_err(format!(
                "total_power_excluding: {address} is listed twice"
            )));
        }
    }
    let total = query_total_power(deps, env.clone(), height)?;
    let mut power = total.power;
    for address in excluding {
        let own = query_voting_power(deps, env.clone(), address, Some(total.height))?;
        power = power.checked_sub(own.power)?;
    }
    Ok(TotalPowerAtHeightResponse {
        power,
        height: total.height,
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
    let account = Account::load(deps.storage, &address)?;
    let power = account.power();
    let (power, height) = match height {
        None => (power.now(), env.block.height),
        Some(h) => {
            let archive = power_archive(address.as_bytes());
            (
                power.at_height(h, |from| archive.first_from(deps.storage, from))?,
                h,
            )
        }
    };
    Ok(VotingPowerAtHeightResponse { power, height })
}

fn query_total_power(
    deps: Deps,
    env: Env,
    height: Option<u64>,
) -> StdResult<TotalPowerAtHeightResponse> {
    let supply = Supply::load(deps.storage)?;
    let power = supply.total_power();
    let (power, height) = match height {
        None => (power.now(), env.block.height),
        Some(h) => {
            let archive = total_power_archive();
            (
                power.at_height(h, |from| archive.first_from(deps.storage, from))?,
                h,
            )
        }
    };
    Ok(TotalPowerAtHeightResponse { power, height })
}
