//! The job record: its fields, its binary layout and the arithmetic of its units.
//!
//! Every job message reads and writes one of these, so it is not JSON: parsing JSON costs far
//! more gas per byte than the storage access. The record is [`JobLayout`] (version 1, the
//! fixed-width fields, see `commons::layout`), then a tail of variable length, in order:
//!
//! | field | encoding (see `commons::codec`) |
//! |---|---|
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
use commons::layout::{LayoutError, Stored};
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
        _ => return Err(corrupt("unknown status")),
    })
}

fn corrupt(reason: &'static str) -> StdError {
    LayoutError::Corrupt {
        record: "job",
        reason,
    }
    .into()
}

const FEE_TO_TREASURY: u8 = 1;
const REFUND_TO_TREASURY: u8 = 2;
const LOCKS_STAKE: u8 = 4;

/// An accounting identity broke: a bug, never an input. Reported as an error, not a panic.
fn broken(what: &str) -> StdError {
    StdError::generic_err(format!("job accounting: {what}"))
}

commons::layout! {
    /// The fixed part of a job record.
    pub struct JobLayout("job", version 1) {
        /// `status_code`
        STATUS: u8,
        /// 1 fee to treasury, 2 refunds to treasury, 4 locks the provider's stake
        FLAGS: u8,
        FEE_BPS: u16,
        CHALLENGE_PERIOD_SECONDS: u64,
        ACCEPT_BY: Timestamp,
        DEADLINE: Timestamp,
        CREATED_AT: Timestamp,
        /// zero when not cancelled
        CANCELLED_AT: Timestamp,
        PRICE_PER_UNIT: Uint128,
        MAX_UNITS: Uint128,
        UNITS_REFUNDED: Uint128,
        UNITS_REPORTED: Uint128,
        UNITS_PAYABLE: Uint128,
        UNITS_CLAIMED: Uint128,
        UNITS_DISPUTED: Uint128,
    }
}

impl Job {
    pub fn encode(&self) -> Vec<u8> {
        let flags = (self.terms.fee_to_treasury as u8 * FEE_TO_TREASURY)
            | (self.terms.refund_to_treasury as u8 * REFUND_TO_TREASURY)
            | (self.locks_stake as u8 * LOCKS_STAKE);
        let tail = 120 + 24 * self.pending.len() + self.spec.uri.len() + self.spec.hash.len();
        let mut r = Stored::<JobLayout>::with_tail_capacity(tail);
        r.set(JobLayout::STATUS, status_code(self.status));
        r.set(JobLayout::FLAGS, flags);
        r.set(JobLayout::FEE_BPS, self.terms.fee_bps);
        r.set(
            JobLayout::CHALLENGE_PERIOD_SECONDS,
            self.terms.challenge_period_seconds,
        );
        r.set(JobLayout::ACCEPT_BY, self.accept_by);
        r.set(JobLayout::DEADLINE, self.deadline);
        r.set(JobLayout::CREATED_AT, self.created_at);
        r.set(
            JobLayout::CANCELLED_AT,
            self.cancelled_at.unwrap_or(Timestamp::from_nanos(0)),
        );
        r.set(JobLayout::PRICE_PER_UNIT, self.price_per_unit);
        r.set(JobLayout::MAX_UNITS, self.max_units);
        r.set(JobLayout::UNITS_REFUNDED, self.units_refunded);
        r.set(JobLayout::UNITS_REPORTED, self.units_reported);
        r.set(JobLayout::UNITS_PAYABLE, self.units_payable);
        r.set(JobLayout::UNITS_CLAIMED, self.units_claimed);
        r.set(JobLayout::UNITS_DISPUTED, self.units_disputed);
        // the tail goes straight after the fixed part, in the same buffer
        let mut w = Writer(r.into_bytes());
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

    pub fn decode(bytes: Vec<u8>) -> StdResult<Job> {
        let head = Stored::<JobLayout>::from_stored(bytes)?;
        let flags = head.get(JobLayout::FLAGS);
        let mut r = Reader::new(head.tail(), "job");
        let count = r.u8()? as usize;
        if count > MAX_PENDING_REPORTS {
            return Err(corrupt("too many pending reports"));
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
            _ => return Err(corrupt("unknown asset kind")),
        };
        let spec = JobSpec {
            uri: r.string()?,
            hash: r.string()?,
        };
        r.finish()?;
        Ok(Job {
            status: status_from(head.get(JobLayout::STATUS))?,
            terms: Terms {
                fee_bps: head.get(JobLayout::FEE_BPS),
                fee_recipient,
                challenge_period_seconds: head.get(JobLayout::CHALLENGE_PERIOD_SECONDS),
                fee_to_treasury: flags & FEE_TO_TREASURY != 0,
                refund_to_treasury: flags & REFUND_TO_TREASURY != 0,
            },
            locks_stake: flags & LOCKS_STAKE != 0,
            accept_by: head.get(JobLayout::ACCEPT_BY),
            deadline: head.get(JobLayout::DEADLINE),
            created_at: head.get(JobLayout::CREATED_AT),
            cancelled_at: Some(head.get(JobLayout::CANCELLED_AT)).filter(|t| t.nanos() != 0),
            price_per_unit: head.get(JobLayout::PRICE_PER_UNIT),
            max_units: head.get(JobLayout::MAX_UNITS),
            units_refunded: head.get(JobLayout::UNITS_REFUNDED),
            units_reported: head.get(JobLayout::UNITS_REPORTED),
            units_payable: head.get(JobLayout::UNITS_PAYABLE),
            units_claimed: head.get(JobLayout::UNITS_CLAIMED),
            units_disputed: head.get(JobLayout::UNITS_DISPUTED),
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

/// Whether `bytes` start as a job record of a layout version this code reads.
pub fn check_job_layout(bytes: Vec<u8>) -> Result<(), LayoutError> {
    Stored::<JobLayout>::from_stored(bytes).map(|_| ())
}

fn job_key(job_id: u64) -> Vec<u8> {
    map_key(JOBS, &job_id.to_be_bytes())
}

pub fn may_load_job(store: &dyn Storage, job_id: u64) -> StdResult<Option<Job>> {
    store.get(&job_key(job_id)).map(Job::decode).transpose()
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
    use commons::layout::Layout;

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
        assert_eq!(Job::decode(bytes.clone()).unwrap(), job);
        let open = Job {
            status: JobStatus::Open,
            provider: None,
            cancelled_at: None,
            pending: vec![],
            asset: AssetInfo::Native("uatom".into()),
            ..job
        };
        assert_eq!(Job::decode(open.encode()).unwrap(), open);
        assert!(Job::decode(bytes[..bytes.len() - 1].to_vec()).is_err());
        assert!(Job::decode(bytes[..JobLayout::LEN].to_vec()).is_err());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Job::decode(longer).is_err());
        let mut bad_status = bytes.clone();
        bad_status[JobLayout::STATUS.at()] = 9;
        assert!(Job::decode(bad_status).is_err());
        // the fixed part is where the layout puts it, after the version byte
        assert_eq!(bytes[0], 1);
        assert_eq!(JobLayout::FEE_BPS.at(), 3);
        assert_eq!(&bytes[3..5], &250u16.to_be_bytes());
        assert_eq!(JobLayout::LEN, 157);
        let mut future = bytes;
        future[0] = 2;
        let err = Job::decode(future).unwrap_err();
        assert!(err.to_string().contains("layout version 2"), "{err}");
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
