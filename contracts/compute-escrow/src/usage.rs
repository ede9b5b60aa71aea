//! Metered usage: reports, approval, disputes and rulings, and payment claims.

use std::collections::BTreeMap;

use commons::asset::AssetInfo;
use commons::escrow::{ClaimableJob, JobStatus, MAX_REASON_LEN, MAX_URI_LEN};
use commons::pagination::ensure_bounded_unique;
use cosmwasm_std::{
    Addr, CosmosMsg, DepsMut, Env, MessageInfo, Response, Storage, Timestamp, Uint128,
};

use crate::error::ContractError;
use crate::funds::{check_len, cost, fee};
use crate::job::{load_job, wrong_status};
use crate::state::{update_totals, Config, Job, CONFIG, JOBS, PROVIDERS};

fn only_provider(job: &Job, who: &Addr, action: &str) -> Result<(), ContractError> {
    if job.provider.as_ref() != Some(who) || job.status == JobStatus::Open {
        return Err(ContractError::NotProvider {
            action: action.to_string(),
        });
    }
    Ok(())
}

fn only_client(job: &Job, who: &Addr, action: &str) -> Result<(), ContractError> {
    if job.client != *who {
        return Err(ContractError::NotClient {
            action: action.to_string(),
        });
    }
    Ok(())
}

pub fn execute_report(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    job_id: u64,
    units: Uint128,
    proof: Option<String>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    if let Some(p) = &proof {
        check_len("proof", p, MAX_URI_LEN, true)?;
    }
    let config = CONFIG.load(deps.storage)?;
    let mut job = load_job(deps.storage, job_id)?;
    only_provider(&job, &info.sender, "report usage")?;
    if job.status != JobStatus::Running {
        return Err(wrong_status(job_id, &job, "running"));
    }
    let now = env.block.time;
    if now >= job.deadline {
        return Err(ContractError::DeadlinePassed {
            deadline: job.deadline,
        });
    }
    if units <= job.units_reported {
        return Err(ContractError::UnitsNotIncreasing {
            reported: job.units_reported,
            units,
        });
    }
    if units > job.usable_units() {
        return Err(ContractError::ExceedsMaxUnits {
            units,
            max: job.usable_units(),
        });
    }
    // an earlier batch whose period is over becomes payable before the new one starts
    job.mature(now, config.challenge_period_seconds);
    job.units_reported = units;
    job.pending_since = Some(now);
    JOBS.save(deps.storage, job_id, &job)?;
    Ok(Response::new()
        .add_attribute("action", "report_usage")
        .add_attribute("job_id", job_id.to_string())
        .add_attribute("units", units)
        .add_attribute(
            "payable_from",
            now.plus_seconds(config.challenge_period_seconds)
                .seconds()
                .to_string(),
        ))
}

pub fn execute_approve(
    deps: DepsMut,
    info: MessageInfo,
    job_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut job = load_job(deps.storage, job_id)?;
    only_client(&job, &info.sender, "approve usage")?;
    if job.status != JobStatus::Running {
        return Err(wrong_status(job_id, &job, "running"));
    }
    if job.pending().is_zero() {
        return Err(ContractError::NothingPending { job_id });
    }
    job.units_payable = job.units_reported;
    job.pending_since = None;
    JOBS.save(deps.storage, job_id, &job)?;
    Ok(Response::new()
        .add_attribute("action", "approve_usage")
        .add_attribute("job_id", job_id.to_string())
        .add_attribute("units_payable", job.units_payable))
}

pub fn execute_dispute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    job_id: u64,
    reason: String,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    check_len("reason", &reason, MAX_REASON_LEN, false)?;
    let config = CONFIG.load(deps.storage)?;
    let mut job = load_job(deps.storage, job_id)?;
    only_client(&job, &info.sender, "dispute usage")?;
    if job.status != JobStatus::Running {
        return Err(wrong_status(job_id, &job, "running"));
    }
    let until = match job.pending_until(config.challenge_period_seconds) {
        Some(until) if !job.pending().is_zero() => until,
        _ => return Err(ContractError::NothingPending { job_id }),
    };
    if env.block.time >= until {
        return Err(ContractError::ChallengePeriodOver { ended_at: until });
    }
    job.status = JobStatus::Disputed;
    JOBS.save(deps.storage, job_id, &job)?;
    Ok(Response::new()
        .add_attribute("action", "dispute")
        .add_attribute("job_id", job_id.to_string())
        .add_attribute("disputed_units", job.pending())
        .add_attribute("reason", reason))
}

pub fn execute_resolve(
    deps: DepsMut,
    info: MessageInfo,
    job_id: u64,
    approved_units: Uint128,
    slash: Uint128,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    if info.sender != config.arbiter {
        return Err(ContractError::NotArbiter {
            action: "resolve disputes".into(),
        });
    }
    let mut job = load_job(deps.storage, job_id)?;
    if job.status != JobStatus::Disputed {
        return Err(wrong_status(job_id, &job, "disputed"));
    }
    let disputed = job.pending();
    if approved_units > disputed {
        return Err(ContractError::ApprovedExceedsDisputed {
            approved: approved_units,
            disputed,
        });
    }
    let rejected = disputed - approved_units;
    job.units_payable += approved_units;
    job.units_reported = job.units_payable;
    job.pending_since = None;
    job.status = JobStatus::Running;
    let mut msgs: Vec<CosmosMsg> = vec![];
    // the rejected units' funds go back to the client
    msgs.extend(crate::job::refund_units(deps.storage, &mut job, rejected)?);
    JOBS.save(deps.storage, job_id, &job)?;

    let provider_addr = job
        .provider
        .clone()
        .ok_or(ContractError::JobNotFound { job_id })?;
    let mut provider = PROVIDERS
        .may_load(deps.storage, &provider_addr)?
        .ok_or_else(|| ContractError::NotRegistered {
            address: provider_addr.to_string(),
        })?;
    let slashed = slash.min(provider.stake);
    if !rejected.is_zero() || !slashed.is_zero() {
        provider.disputes_lost += 1;
    }
    if !slashed.is_zero() {
        provider.stake -= slashed;
        provider.slashed += slashed;
        update_totals(deps.storage, &config.stake_asset, |t| {
            t.staked = t.staked.checked_sub(slashed).ok()?;
            t.slashed = t.slashed.checked_add(slashed).ok()?;
            Some(())
        })?;
        msgs.push(config.stake_asset.transfer_msg(&job.refund_to, slashed)?);
    }
    PROVIDERS.save(deps.storage, &provider_addr, &provider)?;
    Ok(Response::new()
        .add_messages(msgs)
        .add_attribute("action", "resolve_dispute")
        .add_attribute("job_id", job_id.to_string())
        .add_attribute("approved_units", approved_units)
        .add_attribute("rejected_units", rejected)
        .add_attribute("slashed", slashed))
}

/// What `provider` can claim on `job` now: (gross, fee, net), after maturing pending usage.
pub fn claimable(
    config: &Config,
    job: &mut Job,
    now: Timestamp,
) -> Result<(Uint128, Uint128, Uint128), ContractError> {
    job.mature(now, config.challenge_period_seconds);
    let units = job.units_payable - job.units_claimed;
    let gross = cost(units, job.price_per_unit)?;
    let fee = fee(gross, config.fee_bps)?;
    Ok((gross, fee, gross - fee))
}

pub fn execute_claim(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    job_ids: Vec<u64>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    ensure_bounded_unique(&job_ids)?;
    let config = CONFIG.load(deps.storage)?;
    // per asset: (net to the provider, fee)
    let mut payouts: BTreeMap<String, (AssetInfo, Uint128, Uint128)> = BTreeMap::new();
    for job_id in &job_ids {
        let mut job = load_job(deps.storage, *job_id)?;
        if job.provider.as_ref() != Some(&info.sender) || job.status == JobStatus::Open {
            return Err(ContractError::ForeignJob { job_id: *job_id });
        }
        let (gross, fee, net) = claimable(&config, &mut job, env.block.time)?;
        job.units_claimed = job.units_payable;
        JOBS.save(deps.storage, *job_id, &job)?;
        if gross.is_zero() {
            continue;
        }
        record_payout(deps.storage, &job.asset, net, fee)?;
        let entry = payouts.entry(job.asset.key()).or_insert((
            job.asset.clone(),
            Uint128::zero(),
            Uint128::zero(),
        ));
        entry.1 += net;
        entry.2 += fee;
    }
    if payouts.is_empty() {
        return Err(ContractError::NothingToClaim);
    }
    let mut res = Response::new()
        .add_attribute("action", "claim_payments")
        .add_attribute("provider", &info.sender);
    for (_, (asset, net, fee)) in payouts {
        if !net.is_zero() {
            res = res.add_message(asset.transfer_msg(&info.sender, net)?);
        }
        if !fee.is_zero() {
            res = res.add_message(asset.transfer_msg(&config.fee_recipient, fee)?);
        }
        res = res
            .add_attribute("paid", format!("{net}:{asset}"))
            .add_attribute("fee", format!("{fee}:{asset}"));
    }
    Ok(res)
}

fn record_payout(
    store: &mut dyn Storage,
    asset: &AssetInfo,
    net: Uint128,
    fee: Uint128,
) -> Result<(), ContractError> {
    update_totals(store, asset, |t| {
        t.paid = t.paid.checked_add(net).ok()?;
        t.fees = t.fees.checked_add(fee).ok()?;
        t.held = t.held.checked_sub(net.checked_add(fee).ok()?).ok()?;
        Some(())
    })?;
    Ok(())
}

/// For the `claimable` query.
pub fn claimable_job(
    config: &Config,
    job_id: u64,
    mut job: Job,
    now: Timestamp,
) -> Result<ClaimableJob, ContractError> {
    let (gross, fee, net) = claimable(config, &mut job, now)?;
    Ok(ClaimableJob {
        job_id,
        asset: job.asset,
        gross,
        fee,
        net,
    })
}
