//! The job record: its fields, its binary layout (see `commons::codec`) and the arithmetic of
//! its units.
//!
//! Every job message reads and writes one of these, so it is not JSON: parsing JSON costs far
//! more gas per byte than the storage access. Layout, in order:
//!
//! | field | encoding |
//! |---|---|
//! | status | u8 (`status_code`) |
//! | flags | u8: 1 fee to treasury, 2 refunds to treasury, 4 locks the provider's stake |
//! | fee_bps | u32 |
//! | challenge_period_seconds | u64 |
//! | accept_by, deadline, created_at | u64 nanoseconds each |
//! | cancelled_at | u64 nanoseconds, 0 when not cancelled |
//! | price_per_unit, max_units, units_refunded | u128 each |
//! | units_reported, units_payable, units_claimed, units_disputed | u128 each |
//! | pending | u8 count (at most `MAX_PENDING_REPORTS`), then per entry u128 units, u64 nanos |
//! | client, refund_to, provider (empty: none), fee_recipient | length-prefixed strings |
//! | asset | u8 kind (1 native, 2 cw20), length-prefixed denom or address |
//! | spec.uri, spec.hash | length-prefixed strings |
//!
//! Unit accounting: `units_reported = units_payable + sum(pending) + units_disputed`,
//! `units_claimed <= units_payable`, `units_reported <= max_units - units_refunded`; the job
//! holds `(max_units - units_refunded - units_claimed) * price_per_unit`.

use commons::asset::AssetInfo;
use commons::codec::{map_key, Reader, Writer};
use commons::escrow::{JobSpec, JobStatus, PendingUsage, MAX_PENDING_REPORTS};
use cosmwasm_std::{Addr, StdError, StdResult, Storage, Timestamp, Uint128};

use crate::error::ContractError;
use crate::state::JOBS;

/// The terms a job was created with; `update_config` never changes them.
#[derive(Clone, Debug, PartialEq)]
pub struct Terms {
    pub fee_bps: u16,
    pub fee_recipient: Addr,
    pub challenge_period_seconds: u64,
    /// The fee recipient was the configured treasury at creation: fees are deposited.
    pub fee_to_treasury: bool,
    /// The refund address was the configured treasury at creation: refunds and slashes are
    /// deposited.
    pub refund_to_treasury: bool,
}

/// Units newly reported by one report (or the reports of one second), in their challenge
/// period until `payable_at`.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    pub units: Uint128,
    pub payable_at: Timestamp,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Job {
    pub status: JobStatus,
    pub terms: Terms,
    /// The job counts in its provider's `active_jobs` (set at acceptance, cleared once the
    /// job is completed, or cancelled with nothing pending or disputed).
    pub locks_stake: bool,
    pub accept_by: Timestamp,
    pub deadline: Timestamp,
    pub created_at: Timestamp,
    pub cancelled_at: Option<Timestamp>,
    pub price_per_unit: Uint128,
    /// Units funded (creation plus top-ups).
    pub max_units: Uint128,
    /// Units whose funds went back to the refund address.
    pub units_refunded: Uint128,
    /// Cumulative units reported, less units rejected in disputes.
    pub units_reported: Uint128,
    /// Units payable (matured, approved or approved by the arbiter), claimed or not.
    pub units_payable: Uint128,
    pub units_claimed: Uint128,
    /// Units frozen by a dispute, waiting for the ruling.
    pub units_disputed: Uint128,
    /// Oldest first; every entry's `payable_at` is later than the last time the job was
    /// matured (`mature`).
    pub pending: Vec<Pending>,
    pub client: Addr,
    pub refund_to: Addr,
    pub provider: Option<Addr>,
    pub asset: AssetInfo,
    pub spec: JobSpec,
}

fn status_code(status: JobStatus) -> u8 {
    match status {
        JobStatus::Open => 0,
        JobStatus::Running => 1,
        JobStatus::Disputed => 2,
        JobStatus::Completed => 3,
        JobStatus::Cancelled => 4,
    }
}

fn status_from(code: u8) -> StdResult<JobStatus> {
    Ok(match code {
        0 => JobStatus::Open,
        1 => JobStatus::Running,
        2 => JobStatus::Disputed,
        3 => JobStatus::Completed,
        4 => JobStatus::Cancelled,
        _ => return Err(StdError::parse_err("job", "unknown status")),
    })
}

const FEE_TO_TREASURY: u8 = 1;
const REFUND_TO_TREASURY: u8 = 2;
const LOCKS_STAKE: u8 = 4;

/// An accounting identity broke: a bug, never an input. Reported as an error, not a panic.
fn broken(what: &str) -> StdError {
    StdError::generic_err(format!("job accounting: {what}"))
}

impl Job {
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::with_capacity(
            270 + 24 * self.pending.len() + self.spec.uri.len() + self.spec.hash.len(),
        );
        let flags = (self.terms.fee_to_treasury as u8 * FEE_TO_TREASURY)
            | (self.terms.refund_to_treasury as u8 * REFUND_TO_TREASURY)
            | (self.locks_stake as u8 * LOCKS_STAKE);
        w.u8(status_code(self.status))
            .u8(flags)
            .u32(self.terms.fee_bps.into())
            .u64(self.terms.challenge_period_seconds)
            .time(self.accept_by)
            .time(self.deadline)
            .time(self.created_at)
            .u64(self.cancelled_at.map_or(0, |t| t.nanos()))
            .amount(self.price_per_unit)
            .amount(self.max_units)
            .amount(self.units_refunded)
            .amount(self.units_reported)
            .amount(self.units_payable)
            .amount(self.units_claimed)
            .amount(self.units_disputed);
        // at most MAX_PENDING_REPORTS entries (enforced by `add_report`), so a u8 count
        w.u8(self.pending.len() as u8);
        for p in &self.pending {
            w.amount(p.units).time(p.payable_at);
        }
        w.string(self.client.as_str())
            .string(self.refund_to.as_str())
            .opt_addr(self.provider.as_ref())
            .string(self.terms.fee_recipient.as_str());
        match &self.asset {
            AssetInfo::Native(denom) => w.u8(1).string(denom),
            AssetInfo::Cw20(token) => w.u8(2).string(token.as_str()),
        };
        w.string(&self.spec.uri).string(&self.spec.hash);
        w.0
    }

    pub fn decode(bytes: &[u8]) -> StdResult<Job> {
        let mut r = Reader::new(bytes, "job");
        let status = status_from(r.u8()?)?;
        let flags = r.u8()?;
        let fee_bps = u16::try_from(r.u32()?).map_err(|_| broken("fee_bps"))?;
        let challenge_period_seconds = r.u64()?;
        let accept_by = r.time()?;
        let deadline = r.time()?;
        let created_at = r.time()?;
        let cancelled_at = Some(r.u64()?)
            .filter(|n| *n != 0)
            .map(Timestamp::from_nanos);
        let price_per_unit = r.amount()?;
        let max_units = r.amount()?;
        let units_refunded = r.amount()?;
        let units_reported = r.amount()?;
        let units_payable = r.amount()?;
        let units_claimed = r.amount()?;
        let units_disputed = r.amount()?;
        let count = r.u8()? as usize;
        if count > MAX_PENDING_REPORTS {
            return Err(StdError::parse_err("job", "too many pending reports"));
        }
        let mut pending = Vec::with_capacity(count);
        for _ in 0..count {
            pending.push(Pending {
                units: r.amount()?,
                payable_at: r.time()?,
            });
        }
        let client = r.addr()?;
        let refund_to = r.addr()?;
        let provider = r.opt_addr()?;
        let fee_recipient = r.addr()?;
        let asset = match r.u8()? {
            1 => AssetInfo::Native(r.string()?),
            2 => AssetInfo::Cw20(r.addr()?),
            _ => return Err(StdError::parse_err("job", "unknown asset kind")),
        };
        let spec = JobSpec {
            uri: r.string()?,
            hash: r.string()?,
        };
        r.finish()?;
        Ok(Job {
            status,
            terms: Terms {
                fee_bps,
                fee_recipient,
                challenge_period_seconds,
                fee_to_treasury: flags & FEE_TO_TREASURY != 0,
                refund_to_treasury: flags & REFUND_TO_TREASURY != 0,
            },
            locks_stake: flags & LOCKS_STAKE != 0,
            accept_by,
            deadline,
            created_at,
            cancelled_at,
            price_per_unit,
            max_units,
            units_refunded,
            units_reported,
            units_payable,
            units_claimed,
            units_disputed,
            pending,
            client,
            refund_to,
            provider,
            asset,
            spec,
        })
    }

    /// Folds every pending entry whose challenge period is over (`payable_at <= now`) into
    /// the payable units. Entries are oldest first, so this stops at the first unmatured one.
    pub fn mature(&mut self, now: Timestamp) -> StdResult<()> {
        let matured = self
            .pending
            .iter()
            .take_while(|p| p.payable_at <= now)
            .count();
        for p in self.pending.drain(..matured) {
            self.units_payable = self
                .units_payable
                .checked_add(p.units)
                .map_err(|_| broken("payable overflow"))?;
        }
        Ok(())
    }

    /// Units in their challenge period.
    pub fn units_pending(&self) -> StdResult<Uint128> {
        self.pending.iter().try_fold(Uint128::zero(), |sum, p| {
            sum.checked_add(p.units)
                .map_err(|_| broken("pending overflow"))
        })
    }

    /// Moves every pending entry into the payable units (the client's approval).
    pub fn approve_pending(&mut self) -> StdResult<Uint128> {
        let units = self.units_pending()?;
        self.pending.clear();
        self.units_payable = self
            .units_payable
            .checked_add(units)
            .map_err(|_| broken("payable overflow"))?;
        Ok(units)
    }

    /// Units funded and not refunded.
    pub fn usable_units(&self) -> StdResult<Uint128> {
        self.max_units
            .checked_sub(self.units_refunded)
            .map_err(|_| broken("refunded more than funded"))
    }

    /// Funded units never reported: what a cancellation after the deadline refunds.
    pub fn unreported_units(&self) -> StdResult<Uint128> {
        self.usable_units()?
            .checked_sub(self.units_reported)
            .map_err(|_| broken("reported more than funded"))
    }

    /// Payable units not yet claimed.
    pub fn unclaimed_units(&self) -> StdResult<Uint128> {
        self.units_payable
            .checked_sub(self.units_claimed)
            .map_err(|_| broken("claimed more than payable"))
    }

    /// Money the job still holds.
    pub fn balance(&self) -> StdResult<Uint128> {
        let units = self
            .usable_units()?
            .checked_sub(self.units_claimed)
            .map_err(|_| broken("claimed more than funded"))?;
        units
            .checked_mul(self.price_per_unit)
            .map_err(|_| broken("balance overflow"))
    }

    /// Nothing waits for maturity or a ruling.
    pub fn settled(&self) -> bool {
        self.pending.is_empty() && self.units_disputed.is_zero()
    }

    /// Pending entries as the query shows them.
    pub fn pending_usage(&self) -> Vec<PendingUsage> {
        self.pending
            .iter()
            .map(|p| PendingUsage {
                units: p.units,
                payable_at: p.payable_at,
            })
            .collect()
    }
}

fn job_key(job_id: u64) -> Vec<u8> {
    map_key(JOBS, &job_id.to_be_bytes())
}

pub fn may_load_job(store: &dyn Storage, job_id: u64) -> StdResult<Option<Job>> {
    store
        .get(&job_key(job_id))
        .map(|bytes| Job::decode(&bytes))
        .transpose()
}

pub fn load_job(store: &dyn Storage, job_id: u64) -> Result<Job, ContractError> {
    may_load_job(store, job_id)?.ok_or(ContractError::JobNotFound { job_id })
}

/// Writes the record as is; handlers go through `job::save` (which also releases the
/// provider's stake once the job no longer locks it).
pub fn store_job(store: &mut dyn Storage, job_id: u64, job: &Job) {
    store.set(&job_key(job_id), &job.encode());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Job {
        Job {
            status: JobStatus::Disputed,
            terms: Terms {
                fee_bps: 250,
                fee_recipient: Addr::unchecked("fees"),
                challenge_period_seconds: 86_400,
                fee_to_treasury: true,
                refund_to_treasury: false,
            },
            locks_stake: true,
            accept_by: Timestamp::from_seconds(10),
            deadline: Timestamp::from_seconds(20),
            created_at: Timestamp::from_seconds(1),
            cancelled_at: Some(Timestamp::from_nanos(21)),
            price_per_unit: Uint128::new(7),
            max_units: Uint128::new(100),
            units_refunded: Uint128::new(3),
            units_reported: Uint128::new(40),
            units_payable: Uint128::new(20),
            units_claimed: Uint128::new(10),
            units_disputed: Uint128::new(5),
            pending: vec![
                Pending {
                    units: Uint128::new(10),
                    payable_at: Timestamp::from_seconds(100),
                },
                Pending {
                    units: Uint128::new(5),
                    payable_at: Timestamp::from_seconds(200),
                },
            ],
            client: Addr::unchecked("client"),
            refund_to: Addr::unchecked("refund"),
            provider: Some(Addr::unchecked("provider")),
            asset: AssetInfo::Cw20(Addr::unchecked("token")),
            spec: JobSpec {
                uri: "ipfs://x".into(),
                hash: "h".into(),
            },
        }
    }

    #[test]
    fn round_trip_and_corruption() {
        let job = sample();
        let bytes = job.encode();
        assert_eq!(Job::decode(&bytes).unwrap(), job);
        let open = Job {
            status: JobStatus::Open,
            provider: None,
            cancelled_at: None,
            pending: vec![],
            asset: AssetInfo::Native("uatom".into()),
            ..job
        };
        assert_eq!(Job::decode(&open.encode()).unwrap(), open);
        assert!(Job::decode(&bytes[..bytes.len() - 1]).is_err());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Job::decode(&longer).is_err());
        let mut bad_status = bytes;
        bad_status[0] = 9;
        assert!(Job::decode(&bad_status).is_err());
    }

    #[test]
    fn maturing_is_per_entry_and_inclusive() {
        let mut job = sample();
        job.mature(Timestamp::from_seconds(100).minus_nanos(1))
            .unwrap();
        assert_eq!((job.units_payable.u128(), job.pending.len()), (20, 2));
        job.mature(Timestamp::from_seconds(100)).unwrap();
        assert_eq!((job.units_payable.u128(), job.pending.len()), (30, 1));
        job.mature(Timestamp::from_seconds(1_000)).unwrap();
        assert_eq!((job.units_payable.u128(), job.pending.len()), (35, 0));
        assert_eq!(job.balance().unwrap().u128(), (97 - 10) * 7);
        assert_eq!(job.unreported_units().unwrap().u128(), 57);
    }
}
