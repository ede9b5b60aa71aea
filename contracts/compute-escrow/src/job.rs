//! Jobs: creation with exact funding, acceptance, top-ups, completion and cancellation.

use commons::addr::validate_addr;
use commons::asset::AssetInfo;
use commons::escrow::{CreateJobMsg, JobStatus, ProviderStatus, MAX_HASH_LEN, MAX_URI_LEN};
use commons::time::plus_seconds;
use cosmwasm_std::{
    Addr, CosmosMsg, DepsMut, Env, MessageInfo, QuerierWrapper, Response, StdError, Storage,
    Uint128,
};

use crate::error::ContractError;
use crate::funds::{check_len, cost, ensure_treasury_accepts, money, payout, Payment};
use crate::record::{load_job, store_job};
use crate::state::{
    update_totals, Config, Job, Terms, CONFIG, JOBS_BY_CLIENT, JOBS_BY_PROVIDER, JOB_SEQ,
    OPEN_JOBS, PROVIDERS,
};

pub fn wrong_status(job_id: u64, job: &Job, expected: &str) -> ContractError {
    ContractError::WrongJobStatus {
        job_id,
        status: job.status,
        expected: expected.to_string(),
    }
}

/// Saves the job, and frees its provider's stake once the job no longer locks it: completed,
/// or cancelled with nothing left in a challenge period or under dispute (until then a ruling
/// may still slash the stake, so the provider may not withdraw it).
pub fn save(store: &mut dyn Storage, job_id: u64, job: &mut Job) -> Result<(), ContractError> {
    let finished = matches!(job.status, JobStatus::Completed | JobStatus::Cancelled);
    if job.locks_stake && finished && job.settled() {
        job.locks_stake = false;
        if let Some(provider) = &job.provider {
            if let Some(mut p) = PROVIDERS.may_load(store, provider)? {
                p.active_jobs = p.active_jobs.saturating_sub(1);
                if job.status == JobStatus::Completed {
                    p.jobs_completed = p.jobs_completed.saturating_add(1);
                }
                PROVIDERS.save(store, provider, &p)?;
            }
        }
    }
    store_job(store, job_id, job);
    Ok(())
}

/// Gives `units` of the job's funds back to its refund address; returns the amount and the
/// payment (none for zero units).
pub fn refund_units(
    store: &mut dyn Storage,
    job_id: u64,
    job: &mut Job,
    units: Uint128,
) -> Result<(Uint128, Option<CosmosMsg>), ContractError> {
    let amount = cost(units, job.price_per_unit)?;
    if units.is_zero() {
        return Ok((amount, None));
    }
    job.units_refunded = job
        .units_refunded
        .checked_add(units)
        .map_err(StdError::overflow)?;
    update_totals(store, &job.asset, |t| {
        t.refunded = t.refunded.checked_add(amount).ok()?;
        t.held = t.held.checked_sub(amount).ok()?;
        Some(())
    })?;
    let msg = payout(
        &job.asset,
        &job.refund_to,
        amount,
        job.terms.refund_to_treasury,
        || format!("escrow job {job_id}: refund"),
    )?;
    Ok((amount, msg))
}

fn check_accepted(config: &Config, payment: &Payment) -> Result<(), ContractError> {
    if !config.accepted_assets.contains(&payment.asset.info) {
        return Err(ContractError::AssetNotAccepted {
            asset: payment.asset.info.key(),
        });
    }
    Ok(())
}

/// Refuses to fund a job whose fees or refunds would be deposited into the treasury in a cw20
/// it does not accept: those deposits would fail and hold the job's funds (see
/// `funds::payout`).
fn ensure_deposits_accepted(querier: &QuerierWrapper, job: &Job) -> Result<(), ContractError> {
    if !matches!(job.asset, AssetInfo::Cw20(_)) {
        return Ok(());
    }
    let fees = job.terms.fee_to_treasury && job.terms.fee_bps > 0;
    let (treasury, payments) = match (fees, job.terms.refund_to_treasury) {
        (false, false) => return Ok(()),
        (true, false) => (&job.terms.fee_recipient, "fees of this job"),
        (false, true) => (&job.refund_to, "refunds of this job"),
        (true, true) => (&job.refund_to, "fees and refunds of this job"),
    };
    ensure_treasury_accepts(querier, treasury, &job.asset, payments)
}

fn is(treasury: &Option<Addr>, addr: &Addr) -> bool {
    treasury.as_ref() == Some(addr)
}

pub fn create(
    deps: DepsMut,
    env: Env,
    payment: Payment,
    msg: CreateJobMsg,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    check_accepted(&config, &payment)?;
    check_len("spec.uri", &msg.spec.uri, MAX_URI_LEN, false)?;
    check_len("spec.hash", &msg.spec.hash, MAX_HASH_LEN, false)?;
    if msg.price_per_unit.is_zero() || msg.max_units.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    let now = env.block.time;
    let latest = plus_seconds(now, config.max_job_duration_seconds)?;
    if !(now < msg.accept_by && msg.accept_by < msg.deadline && msg.deadline <= latest) {
        return Err(ContractError::BadTimes {
            max_duration: config.max_job_duration_seconds,
        });
    }
    let total = cost(msg.max_units, msg.price_per_unit)?;
    if payment.asset.amount != total {
        return Err(ContractError::WrongPayment {
            expected: format!(
                "{total} ({} units at {})",
                msg.max_units, msg.price_per_unit
            ),
            got: payment.asset.amount.to_string(),
        });
    }
    let provider = msg
        .provider
        .as_deref()
        .map(|p| validate_addr(deps.api, p))
        .transpose()?;
    let client = match &msg.client {
        Some(c) => validate_addr(deps.api, c)?,
        None => payment.sender.clone(),
    };
    let refund_to = match &msg.refund_to {
        Some(r) => validate_addr(deps.api, r)?,
        None => client.clone(),
    };
    // the terms in force now settle this job, whatever update_config does later
    let terms = Terms {
        fee_bps: config.fee_bps,
        fee_to_treasury: is(&config.treasury, &config.fee_recipient),
        refund_to_treasury: is(&config.treasury, &refund_to),
        fee_recipient: config.fee_recipient,
        challenge_period_seconds: config.challenge_period_seconds,
    };
    let job_id = JOB_SEQ
        .may_load(deps.storage)?
        .unwrap_or_default()
        .checked_add(1)
        .ok_or_else(|| StdError::generic_err("job ids exhausted"))?;
    let mut job = Job {
        status: JobStatus::Open,
        terms,
        locks_stake: false,
        accept_by: msg.accept_by,
        deadline: msg.deadline,
        created_at: now,
        cancelled_at: None,
        price_per_unit: msg.price_per_unit,
        max_units: msg.max_units,
        units_refunded: Uint128::zero(),
        units_reported: Uint128::zero(),
        units_payable: Uint128::zero(),
        units_claimed: Uint128::zero(),
        units_disputed: Uint128::zero(),
        pending: vec![],
        client,
        refund_to,
        provider,
        asset: payment.asset.info,
        spec: msg.spec,
    };
    ensure_deposits_accepted(&deps.querier, &job)?;
    JOB_SEQ.save(deps.storage, &job_id)?;
    JOBS_BY_CLIENT.save(deps.storage, (&job.client, job_id), &())?;
    if let Some(p) = &job.provider {
        JOBS_BY_PROVIDER.save(deps.storage, (p, job_id), &())?;
    }
    OPEN_JOBS.save(deps.storage, (job.accept_by.nanos(), job_id), &())?;
    update_totals(deps.storage, &job.asset, |t| {
        t.escrowed = t.escrowed.checked_add(total).ok()?;
        t.held = t.held.checked_add(total).ok()?;
        Some(())
    })?;
    save(deps.storage, job_id, &mut job)?;
    // the terms and times are in the job query; the event names what moved (every attribute
    // costs gas to serialize, and creation is the busiest message)
    Ok(Response::new()
        .add_attribute("action", "create_job")
        .add_attribute("job_id", job_id.to_string())
        .add_attribute("client", &job.client)
        .add_attribute("escrowed", money(&job.asset, total)))
}

pub fn execute_accept(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    job_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    let mut job = load_job(deps.storage, job_id)?;
    if job.status != JobStatus::Open {
        return Err(wrong_status(job_id, &job, "open"));
    }
    if env.block.time >= job.accept_by {
        return Err(ContractError::AcceptWindowClosed {
            job_id,
            accept_by: job.accept_by,
        });
    }
    if matches!(&job.provider, Some(p) if *p != info.sender) {
        return Err(ContractError::ReservedForOther { job_id });
    }
    let mut provider = PROVIDERS
        .may_load(deps.storage, &info.sender)?
        .ok_or_else(|| ContractError::NotRegistered {
            address: info.sender.to_string(),
        })?;
    if provider.status != ProviderStatus::Bonded {
        return Err(ContractError::NotBonded {
            status: provider.status,
        });
    }
    let min = config.min_provider_stake.unwrap_or(Uint128::one());
    if provider.stake < min {
        return Err(ContractError::StakeTooLow {
            min,
            got: provider.stake,
        });
    }
    provider.active_jobs = provider
        .active_jobs
        .checked_add(1)
        .ok_or_else(|| StdError::generic_err("too many active jobs"))?;
    PROVIDERS.save(deps.storage, &info.sender, &provider)?;
    if job.provider.is_none() {
        JOBS_BY_PROVIDER.save(deps.storage, (&info.sender, job_id), &())?;
    }
    OPEN_JOBS.remove(deps.storage, (job.accept_by.nanos(), job_id));
    job.provider = Some(info.sender.clone());
    job.status = JobStatus::Running;
    job.locks_stake = true;
    save(deps.storage, job_id, &mut job)?;
    Ok(Response::new()
        .add_attribute("action", "accept_job")
        .add_attribute("job_id", job_id.to_string())
        .add_attribute("provider", info.sender))
}

pub fn top_up(deps: DepsMut, payment: Payment, job_id: u64) -> Result<Response, ContractError> {
    let mut job = load_job(deps.storage, job_id)?;
    if payment.sender != job.client {
        return Err(ContractError::NotClient {
            action: "top up".into(),
        });
    }
    if !matches!(job.status, JobStatus::Open | JobStatus::Running) {
        return Err(wrong_status(job_id, &job, "open or running"));
    }
    payment.expect_asset(&job.asset)?;
    let amount = payment.asset.amount;
    if !(amount % job.price_per_unit).is_zero() {
        return Err(ContractError::NotWholeUnits {
            amount,
            price: job.price_per_unit,
        });
    }
    // the treasury may have dropped the token since the job was created: more funds would
    // be at stake in deposits that fail
    ensure_deposits_accepted(&deps.querier, &job)?;
    let units = amount / job.price_per_unit;
    job.max_units = job
        .max_units
        .checked_add(units)
        .map_err(StdError::overflow)?;
    // the job's whole balance must stay expressible
    job.balance()?;
    update_totals(deps.storage, &job.asset, |t| {
        t.escrowed = t.escrowed.checked_add(amount).ok()?;
        t.held = t.held.checked_add(amount).ok()?;
        Some(())
    })?;
    save(deps.storage, job_id, &mut job)?;
    Ok(Response::new()
        .add_attribute("action", "top_up")
        .add_attribute("job_id", job_id.to_string())
        .add_attribute("units", units)
        .add_attribute("escrowed", money(&job.asset, amount)))
}

pub fn execute_complete(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    job_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut job = load_job(deps.storage, job_id)?;
    let is_party = info.sender == job.client || job.provider.as_ref() == Some(&info.sender);
    if !is_party {
        return Err(ContractError::NotClient {
            action: "complete the job (or be its provider)".into(),
        });
    }
    if job.status != JobStatus::Running {
        return Err(wrong_status(job_id, &job, "running"));
    }
    job.mature(env.block.time)?;
    if let Some(last) = job.pending.last() {
        return Err(ContractError::UsagePending {
            job_id,
            until: last.payable_at,
        });
    }
    // nothing pending and nothing disputed (the job is running): all reported is payable
    let unused = job.unreported_units()?;
    let (refunded, msg) = refund_units(deps.storage, job_id, &mut job, unused)?;
    job.status = JobStatus::Completed;
    save(deps.storage, job_id, &mut job)?;
    Ok(Response::new()
        .add_messages(msg)
        .add_attribute("action", "complete_job")
        .add_attribute("job_id", job_id.to_string())
        .add_attribute("refunded_units", unused)
        .add_attribute("refunded", money(&job.asset, refunded))
        .add_attribute("refund_to", &job.refund_to))
}

pub fn execute_cancel(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    job_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut job = load_job(deps.storage, job_id)?;
    if info.sender != job.client {
        return Err(ContractError::NotClient {
            action: "cancel the job".into(),
        });
    }
    let now = env.block.time;
    let units = match job.status {
        JobStatus::Open => {
            OPEN_JOBS.remove(deps.storage, (job.accept_by.nanos(), job_id));
            job.usable_units()?
        }
        JobStatus::Running | JobStatus::Disputed if job.cancelled_at.is_none() => {
            if now < job.deadline {
                return Err(ContractError::NotCancellable {
                    job_id,
                    deadline: job.deadline,
                });
            }
            // what was never reported goes back; reported usage keeps maturing (or waits for
            // its ruling) and payable usage stays the provider's
            job.mature(now)?;
            job.unreported_units()?
        }
        _ => {
            return Err(wrong_status(
                job_id,
                &job,
                "open, or running or disputed and past its deadline",
            ))
        }
    };
    let (refunded, msg) = refund_units(deps.storage, job_id, &mut job, units)?;
    job.cancelled_at = Some(now);
    // a dispute in progress keeps the job `disputed`; its ruling makes it `cancelled`
    if job.status != JobStatus::Disputed {
        job.status = JobStatus::Cancelled;
    }
    save(deps.storage, job_id, &mut job)?;
    Ok(Response::new()
        .add_messages(msg)
        .add_attribute("action", "cancel_job")
        .add_attribute("job_id", job_id.to_string())
        .add_attribute("refunded_units", units)
        .add_attribute("refunded", money(&job.asset, refunded))
        .add_attribute("refund_to", &job.refund_to)
        .add_attribute("units_pending", job.units_pending()?)
        .add_attribute("units_disputed", job.units_disputed))
}
