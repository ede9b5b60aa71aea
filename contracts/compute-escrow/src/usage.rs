//! Metered usage: reports, approval, disputes and rulings, and payment claims.

use commons::asset::AssetInfo;
use commons::escrow::{ClaimableJob, JobStatus, MAX_PENDING_REPORTS, MAX_REASON_LEN, MAX_URI_LEN};
use commons::pagination::ensure_bounded_unique;
use commons::time::plus_seconds;
use cosmwasm_std::{
    Addr, CosmosMsg, DepsMut, Env, MessageInfo, Response, StdError, Storage, Timestamp, Uint128,
};

use crate::error::ContractError;
use crate::funds::{check_len, cost, fee, money, payout};
use crate::job::{refund_units, save, wrong_status};
use crate::record::load_job;
use crate::state::{update_totals, Job, Pending, CONFIG, PROVIDERS};

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
    let mut job = load_job(deps.storage, job_id)?;
    if job.provider.as_ref() != Some(&info.sender) || job.status == JobStatus::Open {
        return Err(ContractError::NotProvider {
            action: "report usage".into(),
        });
    }
    // a dispute does not stop reporting: only the disputed units wait for the ruling
    let reporting = matches!(job.status, JobStatus::Running | JobStatus::Disputed);
    if !reporting || job.cancelled_at.is_some() {
        return Err(wrong_status(job_id, &job, "running or disputed"));
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
    let usable = job.usable_units()?;
    if units > usable {
        return Err(ContractError::ExceedsMaxUnits { units, max: usable });
    }
    // entries whose period is over free their slot before the new one takes one
    job.mature(now)?;
    let new_units = units - job.units_reported;
    let payable_at = plus_seconds(now, job.terms.challenge_period_seconds)?;
    let same_second = job
        .pending
        .last()
        .is_some_and(|p| p.payable_at == payable_at);
    if same_second {
        // reports of the same second mature together: one entry
        if let Some(last) = job.pending.last_mut() {
            last.units = last
                .units
                .checked_add(new_units)
                .map_err(StdError::overflow)?;
        }
    } else if let (true, Some(oldest)) = (
        job.pending.len() >= MAX_PENDING_REPORTS,
        job.pending.first(),
    ) {
        return Err(ContractError::PendingReportsFull {
            job_id,
            max: MAX_PENDING_REPORTS as u32,
            oldest_payable_at: oldest.payable_at,
        });
    } else {
        job.pending.push(Pending {
            units: new_units,
            payable_at,
        });
    }
    job.units_reported = units;
    save(deps.storage, job_id, &mut job)?;
    Ok(Response::new()
        .add_attribute("action", "report_usage")
        .add_attribute("job_id", job_id.to_string())
        .add_attribute("units", units)
        .add_attribute("new_units", new_units)
        .add_attribute("payable_at", payable_at.seconds().to_string()))
}

pub fn execute_approve(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    job_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut job = load_job(deps.storage, job_id)?;
    only_client(&job, &info.sender, "approve usage")?;
    job.mature(env.block.time)?;
    if job.pending.is_empty() {
        return Err(ContractError::NothingPending { job_id });
    }
    let approved = job.approve_pending()?;
    save(deps.storage, job_id, &mut job)?;
    Ok(Response::new()
        .add_attribute("action", "approve_usage")
        .add_attribute("job_id", job_id.to_string())
        .add_attribute("approved_units", approved)
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
    let mut job = load_job(deps.storage, job_id)?;
    only_client(&job, &info.sender, "dispute usage")?;
    // what matured is payable and out of reach; only entries still in their period freeze
    job.mature(env.block.time)?;
    if job.pending.is_empty() {
        return Err(ContractError::NothingPending { job_id });
    }
    let units = job.units_pending()?;
    job.pending.clear();
    job.units_disputed = job
        .units_disputed
        .checked_add(units)
        .map_err(StdError::overflow)?;
    job.status = JobStatus::Disputed;
    save(deps.storage, job_id, &mut job)?;
    Ok(Response::new()
        .add_attribute("action", "dispute")
        .add_attribute("job_id", job_id.to_string())
        .add_attribute("disputed_units", units)
        .add_attribute(
            "disputed",
            money(&job.asset, cost(units, job.price_per_unit)?),
        )
        .add_attribute("units_disputed", job.units_disputed)
        .add_attribute("reason", reason))
}

pub fn execute_resolve(
    deps: DepsMut,
    env: Env,
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
    job.mature(env.block.time)?;
    let disputed = job.units_disputed;
    if approved_units > disputed {
        return Err(ContractError::ApprovedExceedsDisputed {
            approved: approved_units,
            disputed,
        });
    }
    let rejected = disputed - approved_units;
    job.units_payable = job
        .units_payable
        .checked_add(approved_units)
        .map_err(StdError::overflow)?;
    job.units_reported = job
        .units_reported
        .checked_sub(rejected)
        .map_err(StdError::overflow)?;
    job.units_disputed = Uint128::zero();
    job.status = if job.cancelled_at.is_some() {
        JobStatus::Cancelled
    } else {
        JobStatus::Running
    };
    let mut msgs: Vec<CosmosMsg> = vec![];
    // the rejected units' funds go back to the refund address
    let (refunded, refund) = refund_units(deps.storage, job_id, &mut job, rejected)?;
    msgs.extend(refund);

    let provider_addr = job
        .provider
        .clone()
        .ok_or_else(|| StdError::generic_err("a disputed job has a provider"))?;
    let mut provider = PROVIDERS
        .may_load(deps.storage, &provider_addr)?
        .ok_or_else(|| ContractError::NotRegistered {
            address: provider_addr.to_string(),
        })?;
    let slashed = slash.min(provider.stake);
    if !rejected.is_zero() || !slashed.is_zero() {
        provider.disputes_lost = provider.disputes_lost.saturating_add(1);
    }
    if !slashed.is_zero() {
        provider.stake -= slashed;
        provider.slashed = provider
            .slashed
            .checked_add(slashed)
            .map_err(StdError::overflow)?;
        update_totals(deps.storage, &config.stake_asset, |t| {
            t.staked = t.staked.checked_sub(slashed).ok()?;
            t.slashed = t.slashed.checked_add(slashed).ok()?;
            Some(())
        })?;
        msgs.extend(payout(
            &config.stake_asset,
            &job.refund_to,
            slashed,
            job.terms.refund_to_treasury,
            || format!("escrow job {job_id}: slash"),
        )?);
    }
    PROVIDERS.save(deps.storage, &provider_addr, &provider)?;
    save(deps.storage, job_id, &mut job)?;
    Ok(Response::new()
        .add_messages(msgs)
        .add_attribute("action", "resolve_dispute")
        .add_attribute("job_id", job_id.to_string())
        .add_attribute("provider", provider_addr)
        .add_attribute("approved_units", approved_units)
        .add_attribute(
            "approved",
            money(&job.asset, cost(approved_units, job.price_per_unit)?),
        )
        .add_attribute("rejected_units", rejected)
        .add_attribute("refunded", money(&job.asset, refunded))
        .add_attribute("slashed", money(&config.stake_asset, slashed))
        .add_attribute("refund_to", &job.refund_to))
}

/// What the provider can claim on `job` now: (gross, fee, net) under the job's own fee, after
/// maturing its pending usage. The fee is rounded up, the provider's share down.
pub fn claimable(
    job: &mut Job,
    now: Timestamp,
) -> Result<(Uint128, Uint128, Uint128), ContractError> {
    job.mature(now)?;
    let gross = cost(job.unclaimed_units()?, job.price_per_unit)?;
    let fee = fee(gross, job.terms.fee_bps)?;
    Ok((
        gross,
        fee,
        gross.checked_sub(fee).map_err(StdError::overflow)?,
    ))
}

/// Adds `amount` to the entry of `key` in a short list (at most 30 entries: the claimed jobs).
fn add_to<K: PartialEq>(
    list: &mut Vec<(K, Uint128)>,
    key: K,
    amount: Uint128,
) -> Result<(), ContractError> {
    match list.iter_mut().find(|(k, _)| *k == key) {
        Some((_, sum)) => *sum = sum.checked_add(amount).map_err(StdError::overflow)?,
        None => list.push((key, amount)),
    }
    Ok(())
}

pub fn execute_claim(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    job_ids: Vec<u64>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    ensure_bounded_unique(&job_ids)?;
    // one payment per asset to the provider and per (asset, recipient) for plain fees; fees
    // deposited into the treasury go one per job, so each memo names its job
    let mut to_provider: Vec<(AssetInfo, Uint128)> = vec![];
    let mut fees: Vec<((AssetInfo, Addr), Uint128)> = vec![];
    let mut deposits: Vec<CosmosMsg> = vec![];
    let mut res = Response::new()
        .add_attribute("action", "claim_payments")
        .add_attribute("provider", &info.sender);
    for &job_id in &job_ids {
        let mut job = load_job(deps.storage, job_id)?;
        if job.provider.as_ref() != Some(&info.sender) || job.status == JobStatus::Open {
            return Err(ContractError::ForeignJob { job_id });
        }
        let (gross, fee, net) = claimable(&mut job, env.block.time)?;
        job.units_claimed = job.units_payable;
        save(deps.storage, job_id, &mut job)?;
        if gross.is_zero() {
            continue;
        }
        record_payout(deps.storage, &job.asset, net, fee)?;
        if !net.is_zero() {
            add_to(&mut to_provider, job.asset.clone(), net)?;
        }
        if job.terms.fee_to_treasury {
            deposits.extend(payout(
                &job.asset,
                &job.terms.fee_recipient,
                fee,
                true,
                || format!("escrow job {job_id}: fee"),
            )?);
        } else if !fee.is_zero() {
            add_to(
                &mut fees,
                (job.asset.clone(), job.terms.fee_recipient.clone()),
                fee,
            )?;
        }
        res = res
            .add_attribute("job_id", job_id.to_string())
            .add_attribute("gross", money(&job.asset, gross))
            .add_attribute("fee", money(&job.asset, fee))
            .add_attribute("net", money(&job.asset, net));
    }
    if to_provider.is_empty() && fees.is_empty() && deposits.is_empty() {
        return Err(ContractError::NothingToClaim);
    }
    for (asset, net) in to_provider {
        res = res.add_message(asset.transfer_msg(&info.sender, net)?);
    }
    for ((asset, recipient), fee) in fees {
        res = res.add_message(asset.transfer_msg(&recipient, fee)?);
    }
    Ok(res.add_messages(deposits))
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
    job_id: u64,
    mut job: Job,
    now: Timestamp,
) -> Result<ClaimableJob, ContractError> {
    let (gross, fee, net) = claimable(&mut job, now)?;
    Ok(ClaimableJob {
        job_id,
        asset: job.asset,
        gross,
        fee,
        net,
    })
}
