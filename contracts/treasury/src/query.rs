//! Read-only queries.

use commons::asset::AssetInfo;
use commons::pagination::{page_after_addr, page_limit};
use commons::treasury::{
    self as wire, BalancesResponse, BudgetResponse, BudgetsResponse, ConfigResponse, Cw20Balance,
    LedgerResponse, PendingChangesResponse, PendingLimitChange, QueryMsg, SpendLimit,
    SpendLimitResponse,
};
use cosmwasm_std::{to_json_binary, Addr, Binary, Coin, Deps, Env, Order, StdError, StdResult};
use cw_storage_plus::Bound;

use crate::limits::limit_at;
use crate::state::{
    Budget, BUDGETS, CONFIG, DENOMS, LEDGER, PENDING_LIMITS, PENDING_MIGRATION, PENDING_OWNER,
};

pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> StdResult<Binary> {
    match msg {
        QueryMsg::Config {} => {
            let c = CONFIG.load(deps.storage)?;
            to_json_binary(&ConfigResponse {
                owner: c.owner,
                pending_owner: PENDING_OWNER.may_load(deps.storage)?.map(|p| p.new_owner),
                accepted_cw20s: c.accepted_cw20s,
                change_delay_seconds: c.change_delay_seconds,
            })
        }
        QueryMsg::Balances { start_after, limit } => {
            to_json_binary(&balances(deps, &env, start_after, limit)?)
        }
        QueryMsg::SpendLimit { asset_info } => {
            let info = asset_info.check(deps.api)?;
            let (limit, _) = limit_at(deps.storage, &info.key(), env.block.time)?;
            let l = limit.ok_or_else(|| {
                StdError::not_found(format!("spend limit of {info} (it cannot be spent)"))
            })?;
            let window = l.window.at(env.block.time)?;
            to_json_binary(&SpendLimitResponse {
                asset_info: l.asset_info,
                amount: l.amount,
                period_seconds: window.period_seconds,
                spent: window.spent,
                remaining: window.remaining(l.amount),
                window_start: window.start,
                window_end: window.end()?,
            })
        }
        QueryMsg::PendingChanges {} => to_json_binary(&pending_changes(deps, &env)?),
        QueryMsg::Budgets { start_after, limit } => {
            let budgets = page_after_addr(deps.api, deps.storage, &BUDGETS, start_after, limit)?
                .into_iter()
                .map(|(spender, b)| budget_response(&env, spender, b))
                .collect::<StdResult<_>>()?;
            to_json_binary(&BudgetsResponse { budgets })
        }
        QueryMsg::Budget { spender } => {
            let spender = deps.api.addr_validate(&spender)?;
            let b = BUDGETS
                .may_load(deps.storage, &spender)?
                .ok_or_else(|| StdError::not_found(format!("budget of {spender}")))?;
            to_json_binary(&budget_response(&env, spender, b)?)
        }
        QueryMsg::Ledger {
            start_after,
            limit,
            reverse,
        } => {
            let bound = start_after.map(Bound::exclusive);
            let (min, max, order) = if reverse.unwrap_or(false) {
                (None, bound, Order::Descending)
            } else {
                (bound, None, Order::Ascending)
            };
            let entries = LEDGER
                .range(deps.storage, min, max, order)
                .take(page_limit(limit))
                .map(|r| r.map(|(_, e)| e))
                .collect::<StdResult<_>>()?;
            to_json_binary(&LedgerResponse { entries })
        }
    }
}

fn budget_response(env: &Env, spender: Addr, b: Budget) -> StdResult<BudgetResponse> {
    let window = b.window.at(env.block.time)?;
    Ok(BudgetResponse {
        spender,
        asset_info: b.asset_info,
        amount_per_period: b.amount_per_period,
        period_seconds: window.period_seconds,
        expires: b.expires,
        spent: window.spent,
        remaining: window.remaining(b.amount_per_period),
        window_end: window.end()?,
    })
}

/// A due limit change is left out: it is in force already (see `spend_limit`), even before a
/// spend or `apply_changes` records it.
fn pending_changes(deps: Deps, env: &Env) -> StdResult<PendingChangesResponse> {
    let now = env.block.time;
    // at most 30 entries (see PENDING_LIMITS)
    let limits = PENDING_LIMITS
        .range(deps.storage, None, None, Order::Ascending)
        .filter_map(|r| match r {
            Ok((_, p)) if p.effective_at <= now => None,
            Ok((_, p)) => Some(Ok(PendingLimitChange {
                asset_info: p.asset_info,
                limit: SpendLimit {
                    amount: p.amount,
                    period_seconds: p.period_seconds,
                },
                effective_at: p.effective_at,
            })),
            Err(e) => Some(Err(e)),
        })
        .collect::<StdResult<_>>()?;
    let owner = PENDING_OWNER
        .may_load(deps.storage)?
        .map(|p| wire::PendingOwner {
            new_owner: p.new_owner,
            effective_at: p.effective_at,
        });
    let migration = PENDING_MIGRATION
        .may_load(deps.storage)?
        .map(|p| wire::PendingMigration {
            code_id: p.code_id,
            msg: p.msg,
            effective_at: p.effective_at,
        });
    Ok(PendingChangesResponse {
        limits,
        owner,
        migration,
    })
}

fn balances(
    deps: Deps,
    env: &Env,
    start_after: Option<String>,
    limit: Option<u32>,
) -> StdResult<BalancesResponse> {
    let first_page = start_after.is_none();
    let me = &env.contract.address;
    let native = DENOMS
        .keys(
            deps.storage,
            start_after.as_deref().map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(page_limit(limit))
        .map(|denom| {
            let denom = denom?;
            let amount = AssetInfo::Native(denom.clone()).query_balance(&deps.querier, me)?;
            Ok(Coin { denom, amount })
        })
        .collect::<StdResult<_>>()?;
    let cw20 = if first_page {
        CONFIG
            .load(deps.storage)?
            .accepted_cw20s
            .into_iter()
            .map(|token| {
                let amount = AssetInfo::Cw20(token.clone()).query_balance(&deps.querier, me)?;
                Ok(Cw20Balance { token, amount })
            })
            .collect::<StdResult<_>>()?
    } else {
        vec![]
    };
    Ok(BalancesResponse { native, cw20 })
}
