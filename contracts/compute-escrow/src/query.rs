//! Read-only queries.

use commons::asset::Asset;
use commons::escrow::{
    AssetTotalsEntry, ClaimableResponse, JobResponse, JobsResponse, ProviderResponse,
    ProvidersResponse, QueryMsg, TotalsResponse,
};
use commons::pagination::{ensure_bounded_unique, page, page_after_addr, page_limit};
use cosmwasm_std::{to_json_binary, Addr, Binary, Deps, Env, Order, StdError, StdResult};
use cw_storage_plus::{Bound, Map};

use crate::record::may_load_job;
use crate::state::{
    Config, Job, Provider, CONFIG, JOBS_BY_CLIENT, JOBS_BY_PROVIDER, OPEN_JOBS, PROVIDERS, TOTALS,
};
use crate::usage::claimable_job;

fn load(deps: Deps, job_id: u64) -> StdResult<Job> {
    may_load_job(deps.storage, job_id)?.ok_or_else(|| StdError::not_found(format!("job {job_id}")))
}

pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> StdResult<Binary> {
    let config = CONFIG.load(deps.storage)?;
    match msg {
        QueryMsg::Config {} => to_json_binary(&config),
        QueryMsg::Job { job_id } => {
            to_json_binary(&job_response(&env, job_id, load(deps, job_id)?)?)
        }
        QueryMsg::JobsByClient {
            client,
            start_after,
            limit,
        } => {
            let client = deps.api.addr_validate(&client)?;
            to_json_binary(&by_party(
                deps,
                &env,
                JOBS_BY_CLIENT,
                &client,
                start_after,
                limit,
            )?)
        }
        QueryMsg::JobsByProvider {
            provider,
            start_after,
            limit,
        } => {
            let provider = deps.api.addr_validate(&provider)?;
            to_json_binary(&by_party(
                deps,
                &env,
                JOBS_BY_PROVIDER,
                &provider,
                start_after,
                limit,
            )?)
        }
        QueryMsg::OpenJobs { start_after, limit } => {
            // only offers that can still be accepted: accept_by after now, so the range starts
            // past every key (now, id), skipping stale offers without reading them
            let mut from = (env.block.time.nanos(), u64::MAX);
            if let Some(id) = start_after {
                from = from.max((load(deps, id)?.accept_by.nanos(), id));
            }
            let jobs = OPEN_JOBS
                .keys(
                    deps.storage,
                    Some(Bound::exclusive(from)),
                    None,
                    Order::Ascending,
                )
                .take(page_limit(limit))
                .map(|key| {
                    let (_, id) = key?;
                    job_response(&env, id, load(deps, id)?)
                })
                .collect::<StdResult<_>>()?;
            to_json_binary(&JobsResponse { jobs })
        }
        QueryMsg::Provider { address } => {
            let address = deps.api.addr_validate(&address)?;
            let p = PROVIDERS
                .may_load(deps.storage, &address)?
                .ok_or_else(|| StdError::not_found(format!("provider {address}")))?;
            to_json_binary(&provider_response(&config, address, p))
        }
        QueryMsg::Providers { start_after, limit } => {
            let providers =
                page_after_addr(deps.api, deps.storage, &PROVIDERS, start_after, limit)?
                    .into_iter()
                    .map(|(a, p)| provider_response(&config, a, p))
                    .collect();
            to_json_binary(&ProvidersResponse { providers })
        }
        QueryMsg::Claimable { provider, job_ids } => {
            ensure_bounded_unique(&job_ids).map_err(|e| StdError::generic_err(e.to_string()))?;
            let provider = deps.api.addr_validate(&provider)?;
            let mut jobs = Vec::with_capacity(job_ids.len());
            for id in job_ids {
                let job = load(deps, id)?;
                if job.provider.as_ref() != Some(&provider) {
                    return Err(StdError::generic_err(format!(
                        "job {id} belongs to another provider"
                    )));
                }
                jobs.push(
                    claimable_job(id, job, env.block.time)
                        .map_err(|e| StdError::generic_err(e.to_string()))?,
                );
            }
            to_json_binary(&ClaimableResponse { jobs })
        }
        QueryMsg::Totals { start_after, limit } => {
            let start = start_after
                .map(|a| a.check(deps.api))
                .transpose()?
                .map(|a| a.key());
            let assets = page(deps.storage, &TOTALS, start.as_deref(), limit)?
                .into_iter()
                .map(|(_, (asset, totals))| AssetTotalsEntry { asset, totals })
                .collect();
            to_json_binary(&TotalsResponse { assets })
        }
    }
}

fn by_party(
    deps: Deps,
    env: &Env,
    index: Map<(&Addr, u64), ()>,
    party: &Addr,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> StdResult<JobsResponse> {
    let jobs = index
        .prefix(party)
        .keys(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(page_limit(limit))
        .map(|id| {
            let id = id?;
            job_response(env, id, load(deps, id)?)
        })
        .collect::<StdResult<_>>()?;
    Ok(JobsResponse { jobs })
}

/// The job as the query shows it: pending usage matured up to the block time (as the next
/// write would), so `units_payable` is what the provider could claim now.
pub fn job_response(env: &Env, job_id: u64, mut job: Job) -> StdResult<JobResponse> {
    job.mature(env.block.time)?;
    Ok(JobResponse {
        job_id,
        balance: job.balance()?,
        units_pending: job.units_pending()?,
        pending: job.pending_usage(),
        max_units: job.usable_units()?,
        units_disputed: job.units_disputed,
        client: job.client,
        refund_to: job.refund_to,
        provider: job.provider,
        spec: job.spec,
        asset: job.asset,
        price_per_unit: job.price_per_unit,
        accept_by: job.accept_by,
        deadline: job.deadline,
        status: job.status,
        units_reported: job.units_reported,
        units_payable: job.units_payable,
        units_claimed: job.units_claimed,
        fee_bps: job.terms.fee_bps,
        fee_recipient: job.terms.fee_recipient,
        challenge_period_seconds: job.terms.challenge_period_seconds,
        created_at: job.created_at,
        cancelled_at: job.cancelled_at,
    })
}

fn provider_response(config: &Config, address: Addr, p: Provider) -> ProviderResponse {
    ProviderResponse {
        address,
        metadata: p.metadata,
        stake: Asset {
            info: config.stake_asset.clone(),
            amount: p.stake,
        },
        status: p.status,
        unbonding_until: p.unbonding_until,
        active_jobs: p.active_jobs,
        jobs_completed: p.jobs_completed,
        disputes_lost: p.disputes_lost,
        slashed: p.slashed,
    }
}
