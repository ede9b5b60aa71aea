//! What the escrow owes, computed independently of it: per job, the funded, refunded, reported,
//! payable, disputed and claimed units and the pending entries with their maturity times, and
//! per party what it must have received. `expect` says whether a message may succeed and
//! what the state is after it.

use super::*;
use commons::escrow::{JobStatus, MAX_PENDING_REPORTS};

const NANOS: u64 = 1_000_000_000;
const MIN_STAKE: u128 = 1_000;

#[derive(Debug, Clone)]
pub enum Op {
    Create {
        price: u128,
        units: u128,
    },
    Accept {
        job: usize,
        prov: usize,
    },
    Report {
        job: usize,
        extra: u128,
    },
    Approve {
        job: usize,
    },
    Dispute {
        job: usize,
    },
    Resolve {
        job: usize,
        approved: u128,
        slash: u128,
    },
    Claim {
        prov: usize,
        job: usize,
    },
    Cancel {
        job: usize,
    },
    Complete {
        job: usize,
        by_provider: bool,
    },
    TopUp {
        job: usize,
        units: u128,
    },
    /// The arbiter changes the challenge period, the fee and the fee recipient ("newfees").
    Terms {
        challenge: u64,
        fee_bps: u16,
    },
    Wait(u64),
}

#[derive(Debug, Clone)]
pub struct MJob {
    pub id: u64,
    pub price: u128,
    pub funded: u128,
    pub refunded: u128,
    pub reported: u128,
    /// Payable units, entries matured so far folded in.
    pub payable: u128,
    /// (units, payable_at in nanoseconds), oldest first.
    pub entries: Vec<(u128, u64)>,
    pub disputed: u128,
    pub claimed: u128,
    pub status: JobStatus,
    pub cancelled: bool,
    pub provider: Option<usize>,
    pub accept_by: u64,
    pub deadline: u64,
    pub challenge: u64,
    pub fee_bps: u16,
    pub new_recipient: bool,
}

impl MJob {
    fn fold(&mut self, now: u64) {
        let matured: u128 = self
            .entries
            .iter()
            .filter(|(_, at)| *at <= now)
            .map(|(units, _)| units)
            .sum();
        self.entries.retain(|(_, at)| *at > now);
        self.payable += matured;
    }

    /// Payable units and pending entries at `now`.
    pub fn matured(&self, now: u64) -> (u128, Vec<(u128, u64)>) {
        let mut job = self.clone();
        job.fold(now);
        (job.payable, job.entries)
    }

    fn usable(&self) -> u128 {
        self.funded - self.refunded
    }

    pub fn balance(&self) -> u128 {
        (self.usable() - self.claimed) * self.price
    }
}

#[derive(Debug, Clone)]
pub struct Model {
    pub jobs: Vec<MJob>,
    pub stakes: [u128; 2],
    /// Net payments each provider received.
    pub paid: [u128; 2],
    /// Fees owed to the first fee recipient ("treasury") and to the one set by `Terms`.
    pub fees: u128,
    pub new_fees: u128,
    pub escrowed: u128,
    pub refunded: u128,
    pub slashed: u128,
    pub client_start: u128,
    pub client_stake_start: u128,
    challenge: u64,
    fee_bps: u16,
    new_recipient: bool,
}

impl Model {
    pub fn new(s: &Suite, stakes: [u128; 2]) -> Self {
        Model {
            jobs: vec![],
            stakes,
            paid: [0, 0],
            fees: 0,
            new_fees: 0,
            escrowed: 0,
            refunded: 0,
            slashed: 0,
            client_start: s.bank("client", PAY),
            client_stake_start: s.bank("client", STAKE),
            challenge: CHALLENGE,
            fee_bps: FEE_BPS,
            new_recipient: false,
        }
    }

    fn index(&self, job: usize) -> Option<usize> {
        (!self.jobs.is_empty()).then(|| job % self.jobs.len())
    }

    fn job_id(&self, job: usize) -> u64 {
        self.index(job).map_or(999, |i| self.jobs[i].id)
    }

    /// Who sends a provider's message for `job`: its provider, or "prov" for a job without.
    fn provider_of(&self, job: usize) -> usize {
        self.index(job)
            .and_then(|i| self.jobs[i].provider)
            .unwrap_or(0)
    }

    /// The model after `op` at `now`, or none if the escrow must refuse it.
    pub fn expect(&self, op: &Op, now: u64) -> Option<Model> {
        let mut m = self.clone();
        let i = match op {
            Op::Create { price, units } => {
                m.escrowed += price * units;
                m.jobs.push(MJob {
                    id: self.jobs.len() as u64 + 1,
                    price: *price,
                    funded: *units,
                    refunded: 0,
                    reported: 0,
                    payable: 0,
                    entries: vec![],
                    disputed: 0,
                    claimed: 0,
                    status: JobStatus::Open,
                    cancelled: false,
                    provider: None,
                    accept_by: now + 1_000 * NANOS,
                    deadline: now + 4_000 * NANOS,
                    challenge: self.challenge,
                    fee_bps: self.fee_bps,
                    new_recipient: self.new_recipient,
                });
                return Some(m);
            }
            Op::Terms { challenge, fee_bps } => {
                (m.challenge, m.fee_bps, m.new_recipient) = (*challenge, *fee_bps, true);
                return Some(m);
            }
            Op::Wait(_) => return Some(m),
            Op::Accept { job, .. }
            | Op::Report { job, .. }
            | Op::Approve { job }
            | Op::Dispute { job }
            | Op::Resolve { job, .. }
            | Op::Claim { job, .. }
            | Op::Cancel { job }
            | Op::Complete { job, .. }
            | Op::TopUp { job, .. } => self.index(*job)?,
        };
        let stakes = &mut m.stakes;
        let j = &mut m.jobs[i];
        j.fold(now);
        match *op {
            Op::Accept { prov, .. } => {
                let ok = j.status == JobStatus::Open && now < j.accept_by;
                if !ok || stakes[prov] < MIN_STAKE {
                    return None;
                }
                (j.status, j.provider) = (JobStatus::Running, Some(prov));
            }
            Op::Report { extra, .. } => {
                let reporting = matches!(j.status, JobStatus::Running | JobStatus::Disputed);
                let units = j.reported + extra;
                if !reporting || j.cancelled || now >= j.deadline || units > j.usable() {
                    return None;
                }
                let at = now + j.challenge * NANOS;
                let full = j.entries.len() >= MAX_PENDING_REPORTS;
                match j.entries.last_mut() {
                    Some(last) if last.1 == at => last.0 += extra,
                    _ if full => return None,
                    _ => j.entries.push((extra, at)),
                }
                j.reported = units;
            }
            Op::Approve { .. } => {
                if j.entries.is_empty() {
                    return None;
                }
                j.payable += j.entries.drain(..).map(|(units, _)| units).sum::<u128>();
            }
            Op::Dispute { .. } => {
                if j.entries.is_empty() {
                    return None;
                }
                j.disputed += j.entries.drain(..).map(|(units, _)| units).sum::<u128>();
                j.status = JobStatus::Disputed;
            }
            Op::Resolve {
                approved, slash, ..
            } => {
                if j.status != JobStatus::Disputed || approved > j.disputed {
                    return None;
                }
                let rejected = j.disputed - approved;
                j.payable += approved;
                j.reported -= rejected;
                j.refunded += rejected;
                j.disputed = 0;
                j.status = if j.cancelled {
                    JobStatus::Cancelled
                } else {
                    JobStatus::Running
                };
                let p = j.provider?;
                let slashed = slash.min(stakes[p]);
                stakes[p] -= slashed;
                m.slashed += slashed;
                m.refunded += rejected * j.price;
            }
            Op::Claim { prov, .. } => {
                if j.provider != Some(prov) || j.status == JobStatus::Open {
                    return None;
                }
                let gross = (j.payable - j.claimed) * j.price;
                if gross == 0 {
                    return None;
                }
                // rounded up, in the protocol's favour
                let fee = (gross * j.fee_bps as u128).div_ceil(10_000);
                j.claimed = j.payable;
                m.paid[prov] += gross - fee;
                if j.new_recipient {
                    m.new_fees += fee;
                } else {
                    m.fees += fee;
                }
            }
            Op::Cancel { .. } => {
                let units = match j.status {
                    JobStatus::Open => j.usable(),
                    JobStatus::Running | JobStatus::Disputed
                        if !j.cancelled && now >= j.deadline =>
                    {
                        j.usable() - j.reported
                    }
                    _ => return None,
                };
                j.refunded += units;
                j.cancelled = true;
                if j.status != JobStatus::Disputed {
                    j.status = JobStatus::Cancelled;
                }
                m.refunded += units * j.price;
            }
            Op::Complete { by_provider, .. } => {
                let party = !by_provider || j.provider.is_some();
                if !party || j.status != JobStatus::Running || !j.entries.is_empty() {
                    return None;
                }
                let units = j.usable() - j.reported;
                j.refunded += units;
                j.status = JobStatus::Completed;
                m.refunded += units * j.price;
            }
            Op::TopUp { units, .. } => {
                if !matches!(j.status, JobStatus::Open | JobStatus::Running) {
                    return None;
                }
                j.funded += units;
                m.escrowed += units * j.price;
            }
            Op::Create { .. } | Op::Terms { .. } | Op::Wait(_) => {}
        }
        Some(m)
    }

    /// Sends `op` to the escrow.
    pub fn send(&self, s: &mut Suite, op: &Op) -> AnyResult<AppResponse> {
        match *op {
            Op::Create { price, units } => {
                let mut msg = s.job_msg(None, price, units);
                msg.deadline = s.now().plus_seconds(4_000);
                s.exec_funds(
                    "client",
                    &ExecuteMsg::CreateJob(msg),
                    &coins(price * units, PAY),
                )
            }
            Op::Accept { job, prov } => s.exec(
                PROVS[prov],
                &ExecuteMsg::AcceptJob {
                    job_id: self.job_id(job),
                },
            ),
            Op::Report { job, extra } => {
                let reported = self.index(job).map_or(0, |i| self.jobs[i].reported);
                s.exec(
                    PROVS[self.provider_of(job)],
                    &ExecuteMsg::ReportUsage {
                        job_id: self.job_id(job),
                        units: Uint128::new(reported + extra),
                        proof: None,
                    },
                )
            }
            Op::Approve { job } => s.approve(self.job_id(job)),
            Op::Dispute { job } => s.dispute(self.job_id(job)),
            Op::Resolve {
                job,
                approved,
                slash,
            } => s.resolve(self.job_id(job), approved, slash),
            Op::Claim { prov, job } => s.exec(
                PROVS[prov],
                &ExecuteMsg::ClaimPayments {
                    job_ids: vec![self.job_id(job)],
                },
            ),
            Op::Cancel { job } => s.cancel(self.job_id(job)),
            Op::Complete { job, by_provider } => {
                let who = if by_provider {
                    PROVS[self.provider_of(job)]
                } else {
                    "client"
                };
                s.exec(
                    who,
                    &ExecuteMsg::CompleteJob {
                        job_id: self.job_id(job),
                    },
                )
            }
            Op::TopUp { job, units } => {
                let price = self.index(job).map_or(1, |i| self.jobs[i].price);
                s.exec_funds(
                    "client",
                    &ExecuteMsg::TopUp {
                        job_id: self.job_id(job),
                    },
                    &coins(price * units, PAY),
                )
            }
            Op::Terms { challenge, fee_bps } => {
                let newfees = s.addr("newfees").to_string();
                s.update_config(UpdateConfigMsg {
                    challenge_period_seconds: Some(challenge),
                    fee_bps: Some(fee_bps),
                    fee_recipient: Some(newfees),
                    ..UpdateConfigMsg::default()
                })
            }
            Op::Wait(seconds) => {
                s.wait(seconds);
                Ok(AppResponse::default())
            }
        }
    }
}
