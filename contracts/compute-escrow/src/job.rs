//! Jobs: creation with exact funding, acceptance, top-ups, completion and cancellation.

use commons::escrow::{CreateJobMsg, JobStatus, ProviderStatus, MAX_HASH_LEN, MAX_URI_LEN};
use cosmwasm_std::{
    CosmosMsg, DepsMut, Env, MessageInfo, Response, StdError, Storage, Timestamp, Uint128,
};

use crate::error::ContractError;
use crate::funds::{check_len, cost, validate_addr, Payment};
use crate::state::{
    update_totals, Config, Job, CONFIG, JOBS, JOBS_BY_CLIENT, JOBS_BY_PROVIDER, JOB_SEQ, OPEN_JOBS,
    PROVIDERS,
};

impl Job {
    /// Units reported but not yet payable.
    pub fn pending(&self) -> Uint128 {
        self.units_reported - self.units_payable
    }

    /// When the pending batch becomes payable (unless disputed).
    pub fn pending_until(&self, challenge: u64) -> Option<Timestamp> {
        self.pending_since.map(|t| t.plus_seconds(challenge))
    }

    /// Makes the pending batch payable if its challenge period is over (never while disputed).
    pub fn mature(&mut self, now: Timestamp, challenge: u64) {
        if self.status == JobStatus::Disputed {
            return;
        }
        if matches!(self.pending_until(challenge), Some(until) if now >= until) {
            self.units_payable = self.units_reported;
            self.pending_since = None;
        }
    }

    /// Units still funded and usable.
    pub fn usable_units(&self) -> Uint128 {
        self.max_units - self.units_refunded
    }

    /// Money the job still holds.
    pub fn balance(&self) -> Uint128 {
        (self.usable_units() - self.units_claimed).saturating_mul(self.price_per_unit)
    }
}

pub fn load_job(store: &dyn Storage, job_id: u64) -> Result<Job, ContractError> {
    JOBS.may_load(store, job_id)?
        .ok_or(ContractError::JobNotFound { job_id })
}

pub fn wrong_status(job_id: u64, job: &Job, expected: &str) -> ContractError {
    ContractError::WrongJobStatus {
        job_id,
        status: job.status,
        expected: expected.to_string(),
    }
}

/// Gives `units` of the job's funds back to its refund address.
pub fn refund_units(
    store: &mut dyn Storage,
    job: &mut Job,
    units: Uint128,
) -> Result<Option<CosmosMsg>, ContractError> {
    if units.is_zero() {
        return Ok(None);
    }
    let amount = cost(units, job.price_per_unit)?;
    job.units_refunded += units;
    update_totals(store, &job.asset, |t| {
        t.refunded = t.refunded.checked_add(amount).ok()?;
        t.held = t.held.checked_sub(amount).ok()?;
        Some(())
    })?;
    Ok(Some(job.asset.transfer_msg(&job.refund_to, amount)?))
}

/// The job is over for its provider: one running job less.
pub fn release_provider(
    store: &mut dyn Storage,
    job: &Job,
    completed: bool,
) -> Result<(), ContractError> {
    if let Some(provider) = &job.provider {
        if let Some(mut p) = PROVIDERS.may_load(store, provider)? {
            p.active_jobs = p.active_jobs.saturating_sub(1);
            if completed {
                p.jobs_completed += 1;
            }
            PROVIDERS.save(store, provider, &p)?;
        }
    }
    Ok(())
}

fn check_accepted(config: &Config, payment: &Payment) -> Result<(), ContractError> {
    if !config.accepted_assets.contains(&payment.asset.info) {
        return Err(ContractError::AssetNotAccepted {
            asset: payment.asset.info.key(),
        });
    }
    Ok(())
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
    let latest = now.plus_seconds(config.max_job_duration_seconds);
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
    let job_id = JOB_SEQ.may_load(deps.storage)?.unwrap_or_default() + 1;
    JOB_SEQ.save(deps.storage, &job_id)?;
    let job = Job {
        client: client.clone(),
        refund_to,
        provider: provider.clone(),
        spec: msg.spec,
        asset: payment.asset.info.clone(),
        price_per_unit: msg.price_per_unit,
        max_units: msg.max_units,
        units_refunded: Uint128::zero(),
        accept_by: msg.accept_by,
        deadline: msg.deadline,
        status: JobStatus::Open,
        units_reported: Uint128::zero(),
        units_payable: Uint128::zero(),
        units_claimed: Uint128::zero(),
        pending_since: None,
        created_at: now,
    };
    JOBS.save(deps.storage, job_id, &job)?;
    JOBS_BY_CLIENT.save(deps.storage, (&client, job_id), &())?;
    if let Some(p) = &provider {
        JOBS_BY_PROVIDER.save(deps.storage, (p, job_id), &())?;
    }
    OPEN_JOBS.save(deps.storage, job_id, &())?;
    update_totals(deps.storage, &job.asset, |t| {
        t.escrowed = t.escrowed.checked_add(total).ok()?;
        t.held = t.held.checked_add(total).ok()?;
        Some(())
    })?;
    Ok(Response::new()
        .add_attribute("action", "create_job")
        .add_attribute("job_id", job_id.to_string())
        .add_attribute("client", client)
        .add_attribute("escrowed", payment.asset.to_string()))
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
    provider.active_jobs += 1;
    PROVIDERS.save(deps.storage, &info.sender, &provider)?;
    if job.provider.is_none() {
        JOBS_BY_PROVIDER.save(deps.storage, (&info.sender, job_id), &())?;
    }
    job.provider = Some(info.sender.clone());
    job.status = JobStatus::Running;
    JOBS.save(deps.storage, job_id, &job)?;
    OPEN_JOBS.remove(deps.storage, job_id);
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
    let units = amount / job.price_per_unit;
    job.max_units = job
        .max_units
        .checked_add(units)
        .map_err(StdError::overflow)?;
    JOBS.save(deps.storage, job_id, &job)?;
    update_totals(deps.storage, &job.asset, |t| {
        t.escrowed = t.escrowed.checked_add(amount).ok()?;
        t.held = t.held.checked_add(amount).ok()?;
        Some(())
    })?;
    Ok(Response::new()
        .add_attribute("action", "top_up")
        .add_attribute("job_id", job_id.to_string())
        .add_attribute("units", units)
        .add_attribute("amount", amount))
}

pub fn execute_complete(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    job_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
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
    job.mature(env.block.time, config.challenge_period_seconds);
    if !job.pending().is_zero() {
        let until = job
            .pending_until(config.challenge_period_seconds)
            .unwrap_or(env.block.time);
        return Err(ContractError::UsagePending { until });
    }
    let unused = job.usable_units() - job.units_payable;
    let refund = refund_units(deps.storage, &mut job, unused)?;
    job.status = JobStatus::Completed;
    JOBS.save(deps.storage, job_id, &job)?;
    release_provider(deps.storage, &job, true)?;
    Ok(Response::new()
        .add_messages(refund)
        .add_attribute("action", "complete_job")
        .add_attribute("job_id", job_id.to_string())
        .add_attribute("refunded_units", unused))
}

pub fn execute_cancel(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    job_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    let mut job = load_job(deps.storage, job_id)?;
    if info.sender != job.client {
        return Err(ContractError::NotClient {
            action: "cancel the job".into(),
        });
    }
    let now = env.block.time;
    let refunded = match job.status {
        JobStatus::Open => {
            OPEN_JOBS.remove(deps.storage, job_id);
            let all = job.usable_units();
            (refund_units(deps.storage, &mut job, all)?, all)
        }
        JobStatus::Running if now >= job.deadline => {
            job.mature(now, config.challenge_period_seconds);
            if !job.pending().is_zero() {
                let until = job
                    .pending_until(config.challenge_period_seconds)
                    .unwrap_or(now);
                return Err(ContractError::UsagePending { until });
            }
            // what was never reported goes back; payable usage stays payable
            let unreported = job.usable_units() - job.units_reported;
            release_provider(deps.storage, &job, false)?;
            (
                refund_units(deps.storage, &mut job, unreported)?,
                unreported,
            )
        }
        JobStatus::Running => {
            return Err(ContractError::NotCancellable {
                job_id,
                deadline: job.deadline,
            })
        }
        _ => {
            return Err(wrong_status(
                job_id,
                &job,
                "open, or running past its deadline",
            ))
        }
    };
    job.status = JobStatus::Cancelled;
    JOBS.save(deps.storage, job_id, &job)?;
    Ok(Response::new()
        .add_messages(refunded.0)
        .add_attribute("action", "cancel_job")
        .add_attribute("job_id", job_id.to_string())
        .add_attribute("refunded_units", refunded.1))
}
