//! Wire API of the compute escrow (`commons-compute-escrow`): clients lock payment for compute
//! jobs; staked providers accept them, report metered usage and claim payment; disputes go to
//! the arbiter (governance).
//!
//! Usage model: reports are cumulative unit counts. Each `report_usage` adds the units it newly
//! reports (its count minus the count reported before) as one pending entry, payable
//! `challenge_period_seconds` after that report, or at once when the client approves. A later
//! report never delays units reported earlier. Payable units stay payable whatever happens to
//! the job later.
//!
//! State per job is bounded: at most [`MAX_PENDING_REPORTS`] entries still in their challenge
//! period are kept in the job's record (reports in the same second share one). Entries whose
//! period is over fold into the job's payable units whenever the job is read or written, so
//! they never take a slot. A report made while every slot holds an entry still in its
//! challenge period is refused (`pending reports full`, naming when the oldest matures); since
//! counts are cumulative, the provider loses nothing by reporting a little later.
//!
//! Job terms: the fee, the fee recipient and the challenge period in force when a job is
//! created are stored with it and settle it; a later `update_config` applies to new jobs only.
//!
//! Job statuses:
//! - `open`: waiting for a provider (until `accept_by`, or until the client cancels).
//! - `running`: accepted; the provider reports usage until `deadline`.
//! - `disputed`: the client disputed usage; the disputed units wait for the arbiter. Reports
//!   before the deadline go on meanwhile, as new pending entries.
//! - `completed`: closed by either party with nothing pending; the unused balance was refunded.
//! - `cancelled`: the client took back what was never reported (before acceptance: all of
//!   it). Reported usage still in its challenge period keeps maturing and can still be
//!   approved or disputed (the job is then `disputed` until the ruling, and `cancelled`
//!   again after it); payable usage stays claimable by the provider.
//!
//! Event attributes: amounts of money are written `<amount>:<asset>` (for example
//! `1500:native:untrn` or `20:cw20:<token address>`, the `Display` of `Asset`); unit counts are
//! plain integers; times are seconds since the Unix epoch (JSON messages and responses carry
//! `Timestamp`s, which are nanoseconds). docs/integrators.md lists the attributes of each action.

use commons_json::wire;
use cosmwasm_schema::QueryResponses;
use cosmwasm_std::{Addr, Timestamp, Uint128};
use cw20::Cw20ReceiveMsg;

use crate::asset::{Asset, AssetInfo, AssetInfoUnchecked};

pub use crate::migrate::MigrateMsg;

/// Most fee the escrow may take, in basis points of each payment.
pub const MAX_FEE_BPS: u16 = 1_000;
/// Most report entries of one job that may be in their challenge period at once.
pub const MAX_PENDING_REPORTS: usize = 8;
pub const MAX_NAME_LEN: usize = 64;
pub const MAX_ENDPOINT_LEN: usize = 256;
pub const MAX_HARDWARE_LEN: usize = 256;
pub const MAX_REGION_LEN: usize = 64;
pub const MAX_URI_LEN: usize = 512;
pub const MAX_HASH_LEN: usize = 128;
pub const MAX_REASON_LEN: usize = 1_000;

#[wire]
pub struct InstantiateMsg {
    /// Rules on disputes and may change the configuration: governance.
    pub arbiter: String,
    /// Fee on every payment to a provider, in basis points (at most 1000 = 10%), rounded up.
    pub fee_bps: u16,
    /// Receives the fees: the treasury.
    pub fee_recipient: String,
    /// The suite's treasury. Every payment the escrow makes to this address (fees, refunds of
    /// jobs whose `refund_to` it is, slashes paid to it) goes through the treasury's `deposit`
    /// (native) or a cw20 `send` with its deposit hook, so its ledger records it. Jobs paid in
    /// a cw20 that the treasury does not accept cannot send it fees or refunds.
    pub treasury: Option<String>,
    /// Assets jobs may be paid in (at most 30).
    pub accepted_assets: Vec<AssetInfoUnchecked>,
    /// The asset providers stake (native funds, or cw20 `send`); slashes are paid in it.
    pub stake_asset: AssetInfoUnchecked,
    /// Seconds after each usage report during which the client may dispute it (1 s to 10
    /// years). Jobs keep the value in force when they were created.
    pub challenge_period_seconds: u64,
    /// Least stake a provider must hold to accept jobs (default: any non-zero stake).
    pub min_provider_stake: Option<Uint128>,
    /// Seconds between `unbond` and the earliest `withdraw_stake` (1 s to 10 years).
    pub provider_unbonding_seconds: u64,
    /// Longest time from creation to a job's deadline (1 s to 10 years).
    pub max_job_duration_seconds: u64,
}

/// What a provider tells clients about itself.
#[wire]
pub struct ProviderMetadata {
    /// 1 to 64 bytes.
    pub name: String,
    /// Where clients reach it (at most 256 bytes).
    pub endpoint: String,
    /// Hardware offered (at most 256 bytes).
    pub hardware: String,
    /// Region (at most 64 bytes).
    pub region: String,
}

/// The work: where its description lives and its hash.
#[wire]
pub struct JobSpec {
    /// 1 to 512 bytes.
    pub uri: String,
    /// 1 to 128 bytes.
    pub hash: String,
}

/// Fields of a new job (the funds come with the message or through cw20 `send`). The job
/// takes the fee, fee recipient and challenge period in force now, for its whole life.
#[wire]
pub struct CreateJobMsg {
    /// Only this provider may accept; anyone eligible if unset.
    pub provider: Option<String>,
    /// Who approves, disputes and cancels (default: the sender, or the cw20 sender).
    pub client: Option<String>,
    /// Where refunds and slashes go (default: the client).
    pub refund_to: Option<String>,
    pub spec: JobSpec,
    /// Payment per unit of usage, in the funding asset.
    pub price_per_unit: Uint128,
    /// Units funded; the deposit must be exactly `price_per_unit * max_units`.
    pub max_units: Uint128,
    /// The job must be accepted before this time (exclusive).
    pub accept_by: Timestamp,
    /// Usage must be reported before this time (exclusive); from it on the client can take
    /// back every unit never reported.
    pub deadline: Timestamp,
}

#[wire]
pub enum ExecuteMsg {
    /// Registers the sender as a provider, staking the native funds sent.
    RegisterProvider { metadata: ProviderMetadata },
    /// A registered provider: replaces its metadata.
    UpdateProvider { metadata: ProviderMetadata },
    /// Adds the native funds sent to the sender's stake.
    AddStake {},
    /// Stops taking jobs; the stake unlocks after `provider_unbonding_seconds` and once no job
    /// of the provider locks it (see `ProviderResponse::active_jobs`).
    Unbond {},
    /// Withdraws the whole stake of an unbonded provider.
    WithdrawStake {},
    /// Creates a job funded with the native funds sent.
    CreateJob(CreateJobMsg),
    /// An eligible provider takes an open job before its `accept_by`.
    AcceptJob { job_id: u64 },
    /// The job's provider reports cumulative usage (more than before, at most the funded
    /// units, before the deadline). The newly reported units become payable
    /// `challenge_period_seconds` (the job's) after this report, whatever is reported later.
    /// At most `MAX_PENDING_REPORTS` (8) reports may be in their challenge period at once
    /// (reports in the same second share one); another is refused until the oldest matures,
    /// and as counts are cumulative, reporting later loses nothing.
    ReportUsage {
        job_id: u64,
        units: Uint128,
        /// Where the metering evidence lives (at most 512 bytes).
        proof: Option<String>,
    },
    /// The client makes every reported unit still in its challenge period payable now
    /// (disputed units wait for the ruling).
    ApproveUsage { job_id: u64 },
    /// The client disputes every reported unit still in its challenge period: they are frozen
    /// (they never mature by themselves) and the job is `disputed` until the arbiter rules.
    /// Units already payable stay payable.
    Dispute {
        job_id: u64,
        /// Why (1 to 1000 bytes).
        reason: String,
    },
    /// The arbiter: makes `approved_units` of the disputed units payable, refunds the rest to
    /// the job's refund address, and slashes up to `slash` of the provider's stake to it.
    ResolveDispute {
        job_id: u64,
        approved_units: Uint128,
        slash: Uint128,
    },
    /// The provider: claims all payable usage of these jobs (at most 30, no duplicates), less
    /// each job's fee.
    ClaimPayments { job_ids: Vec<u64> },
    /// Provider or client of a running job with nothing pending or disputed: refunds what was
    /// never used; `completed`.
    CompleteJob { job_id: u64 },
    /// The client: before acceptance, a full refund. From the deadline on, a refund of every
    /// unit never reported, even while reported usage is still in its challenge period (it
    /// keeps maturing, and can be approved or disputed); payable usage stays claimable.
    CancelJob { job_id: u64 },
    /// The client adds units at the same price with the native funds sent (a whole number of
    /// units), to an open or running job.
    TopUp { job_id: u64 },
    /// The arbiter: changes the given fields only. Fee, fee recipient and challenge period
    /// changes apply to jobs created afterwards.
    UpdateConfig(Box<UpdateConfigMsg>),
    /// cw20 hook: `register_provider`, `add_stake`, `create_job` or `top_up` paid in a cw20.
    Receive(Cw20ReceiveMsg),
}

/// Payloads of cw20 `send` to the escrow.
#[wire]
pub enum ReceiveMsg {
    RegisterProvider { metadata: ProviderMetadata },
    AddStake {},
    CreateJob(CreateJobMsg),
    TopUp { job_id: u64 },
}

/// Fields to change; unset fields keep their value.
#[wire]
#[derive(Default)]
pub struct UpdateConfigMsg {
    pub arbiter: Option<String>,
    /// For jobs created from now on.
    pub fee_bps: Option<u16>,
    /// For jobs created from now on.
    pub fee_recipient: Option<String>,
    /// The suite's treasury (see `InstantiateMsg::treasury`); existing jobs keep paying the
    /// treasury they were created with through its deposit messages.
    pub treasury: Option<String>,
    pub accepted_assets: Option<Vec<AssetInfoUnchecked>>,
    /// For jobs created from now on.
    pub challenge_period_seconds: Option<u64>,
    pub min_provider_stake: Option<Uint128>,
    pub provider_unbonding_seconds: Option<u64>,
    pub max_job_duration_seconds: Option<u64>,
}

#[wire]
#[derive(QueryResponses)]
pub enum QueryMsg {
    #[returns(ConfigResponse)]
    Config {},
    #[returns(JobResponse)]
    Job { job_id: u64 },
    /// Jobs of a client, by id.
    #[returns(JobsResponse)]
    JobsByClient {
        client: String,
        start_after: Option<u64>,
        limit: Option<u32>,
    },
    /// Jobs of a provider (named or accepted), by id.
    #[returns(JobsResponse)]
    JobsByProvider {
        provider: String,
        start_after: Option<u64>,
        limit: Option<u32>,
    },
    /// Jobs that can still be accepted (open, and now before `accept_by`), soonest `accept_by`
    /// first (then by id). `start_after` is the id of the last job of the previous page.
    #[returns(JobsResponse)]
    OpenJobs {
        start_after: Option<u64>,
        limit: Option<u32>,
    },
    #[returns(ProviderResponse)]
    Provider { address: String },
    #[returns(ProvidersResponse)]
    Providers {
        start_after: Option<String>,
        limit: Option<u32>,
    },
    /// What `claim_payments` would pay `provider` for these jobs now (at most 30).
    #[returns(ClaimableResponse)]
    Claimable { provider: String, job_ids: Vec<u64> },
    /// Per asset: escrowed, paid, refunded, fees, held, staked, slashed; ordered by the asset's
    /// key (`native:<denom>` / `cw20:<address>`), paginated (default 10, max 30).
    #[returns(TotalsResponse)]
    Totals {
        start_after: Option<AssetInfoUnchecked>,
        limit: Option<u32>,
    },
}

#[wire]
pub struct ConfigResponse {
    pub arbiter: Addr,
    /// Fee of jobs created now.
    pub fee_bps: u16,
    /// Fee recipient of jobs created now.
    pub fee_recipient: Addr,
    /// Payments to this address go through its deposit messages.
    pub treasury: Option<Addr>,
    pub accepted_assets: Vec<AssetInfo>,
    pub stake_asset: AssetInfo,
    /// Challenge period of jobs created now.
    pub challenge_period_seconds: u64,
    pub min_provider_stake: Option<Uint128>,
    pub provider_unbonding_seconds: u64,
    pub max_job_duration_seconds: u64,
}

#[wire]
#[derive(Copy, Eq)]
pub enum JobStatus {
    Open,
    Running,
    Disputed,
    Completed,
    Cancelled,
}

/// Reported units still in their challenge period.
#[wire]
pub struct PendingUsage {
    /// Units newly reported by one report (or by the reports of one second).
    pub units: Uint128,
    /// They become payable at this time (the report's time plus the job's challenge period)
    /// unless disputed or approved before.
    pub payable_at: Timestamp,
}

/// A job, with its pending usage matured up to the current block time. Its state is bounded:
/// each report adds one entry to `pending` (reports of the same second share one), entries
/// fold into `units_payable` once their challenge period is over, and at most
/// `MAX_PENDING_REPORTS` (8) may be in their period at once; a report beyond that is refused
/// until the oldest matures (counts are cumulative, so nothing is lost).
#[wire]
pub struct JobResponse {
    pub job_id: u64,
    pub client: Addr,
    pub refund_to: Addr,
    /// The named provider (open jobs) or the one that accepted.
    pub provider: Option<Addr>,
    pub spec: JobSpec,
    pub asset: AssetInfo,
    pub price_per_unit: Uint128,
    /// Units funded and not refunded.
    pub max_units: Uint128,
    pub accept_by: Timestamp,
    pub deadline: Timestamp,
    /// See the module documentation for what each status allows.
    pub status: JobStatus,
    /// Cumulative units reported (less units rejected in a dispute): payable + pending +
    /// disputed.
    pub units_reported: Uint128,
    /// Units payable now (matured, approved or approved by the arbiter), including those
    /// already claimed.
    pub units_payable: Uint128,
    /// Units already paid to the provider.
    pub units_claimed: Uint128,
    /// Units still in their challenge period (the sum of `pending`).
    pub units_pending: Uint128,
    /// Usage still in its challenge period, oldest first: at most `MAX_PENDING_REPORTS`
    /// entries, each maturing `challenge_period_seconds` after its report.
    pub pending: Vec<PendingUsage>,
    /// Units under dispute, waiting for the arbiter.
    pub units_disputed: Uint128,
    /// Funds the job still holds: pending, disputed, payable-unclaimed and unreported units.
    pub balance: Uint128,
    /// Fee of this job's payments, in basis points (fixed at creation).
    pub fee_bps: u16,
    /// Receives this job's fees (fixed at creation).
    pub fee_recipient: Addr,
    /// Challenge period of this job's reports (fixed at creation).
    pub challenge_period_seconds: u64,
    pub created_at: Timestamp,
    /// When the client cancelled, if it did.
    pub cancelled_at: Option<Timestamp>,
}

#[wire]
pub struct JobsResponse {
    pub jobs: Vec<JobResponse>,
}

#[wire]
#[derive(Copy, Eq)]
pub enum ProviderStatus {
    /// Takes jobs.
    Bonded,
    /// Takes no new jobs; the stake unlocks at `unbonding_until` once no job locks it.
    Unbonding,
    /// Stake withdrawn; may register again.
    Withdrawn,
}

#[wire]
pub struct ProviderResponse {
    pub address: Addr,
    pub metadata: ProviderMetadata,
    pub stake: Asset,
    pub status: ProviderStatus,
    pub unbonding_until: Option<Timestamp>,
    /// Jobs that lock the stake: accepted and neither completed nor cancelled, or cancelled
    /// while some of their usage is still in its challenge period or disputed (so a ruling can
    /// still slash). A cancelled job stops counting when it is next written (a claim, an
    /// approval or a ruling) after its last usage matured.
    pub active_jobs: u32,
    pub jobs_completed: u64,
    /// Disputes in which units were rejected or stake slashed.
    pub disputes_lost: u64,
    /// Total slashed from this provider, in the stake asset.
    pub slashed: Uint128,
}

#[wire]
pub struct ProvidersResponse {
    pub providers: Vec<ProviderResponse>,
}

#[wire]
pub struct ClaimableJob {
    pub job_id: u64,
    pub asset: AssetInfo,
    /// Gross payable amount not yet claimed.
    pub gross: Uint128,
    /// Fee that would be taken (the job's fee, rounded up).
    pub fee: Uint128,
    /// What the provider would receive.
    pub net: Uint128,
}

#[wire]
pub struct ClaimableResponse {
    pub jobs: Vec<ClaimableJob>,
}

/// Money accounting of one asset. For job funds: `escrowed = paid + fees + refunded + held`,
/// where `held` is what jobs still hold (pending, disputed, payable-unclaimed and unreported
/// units, whatever the job's status). For stakes: the contract holds `staked`.
#[wire]
#[derive(Default)]
pub struct AssetTotals {
    /// Paid into jobs (creation and top-ups).
    pub escrowed: Uint128,
    /// Paid to providers, after fees.
    pub paid: Uint128,
    /// Returned to refund addresses.
    pub refunded: Uint128,
    /// Paid to fee recipients.
    pub fees: Uint128,
    /// Job funds still held.
    pub held: Uint128,
    /// Provider stakes currently held.
    pub staked: Uint128,
    /// Stake slashed to refund addresses, in total.
    pub slashed: Uint128,
}

#[wire]
pub struct AssetTotalsEntry {
    pub asset: AssetInfo,
    pub totals: AssetTotals,
}

#[wire]
pub struct TotalsResponse {
    /// One page, ordered by asset key; pass the last `asset` as `start_after` for the next.
    pub assets: Vec<AssetTotalsEntry>,
}
