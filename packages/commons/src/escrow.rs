//! Wire API of the compute escrow (`commons-compute-escrow`): clients lock payment for compute
//! jobs; staked providers accept them, report metered usage and claim payment; disputes go to
//! the arbiter (governance).
//!
//! Usage model: reports are cumulative unit counts. Reported units that are not yet payable form
//! one pending batch, payable once `challenge_period_seconds` have passed since the latest report
//! (a report made while a batch is still in its challenge period restarts the period for the
//! whole batch), or at once when the client approves. Payable units stay payable whatever
//! happens to the job later.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Addr, Timestamp, Uint128};
use cw20::Cw20ReceiveMsg;

use crate::asset::{Asset, AssetInfo, AssetInfoUnchecked};

pub use crate::migrate::MigrateMsg;

/// Most fee the escrow may take, in basis points of each payment.
pub const MAX_FEE_BPS: u16 = 1_000;
pub const MAX_NAME_LEN: usize = 64;
pub const MAX_ENDPOINT_LEN: usize = 256;
pub const MAX_HARDWARE_LEN: usize = 256;
pub const MAX_REGION_LEN: usize = 64;
pub const MAX_URI_LEN: usize = 512;
pub const MAX_HASH_LEN: usize = 128;
pub const MAX_REASON_LEN: usize = 1_000;

#[cw_serde]
pub struct InstantiateMsg {
    /// Rules on disputes and may change the configuration: governance.
    pub arbiter: String,
    /// Fee on every payment to a provider, in basis points (at most 1000 = 10%), rounded up.
    pub fee_bps: u16,
    /// Receives the fees: the treasury.
    pub fee_recipient: String,
    /// Assets jobs may be paid in (at most 30).
    pub accepted_assets: Vec<AssetInfoUnchecked>,
    /// The asset providers stake (native funds, or cw20 `send`); slashes are paid in it.
    pub stake_asset: AssetInfoUnchecked,
    /// Seconds during which the client may dispute the latest usage report.
    pub challenge_period_seconds: u64,
    /// Least stake a provider must hold to accept jobs (default: any non-zero stake).
    pub min_provider_stake: Option<Uint128>,
    /// Seconds between `unbond` and the earliest `withdraw_stake`.
    pub provider_unbonding_seconds: u64,
    /// Longest time from creation to a job's deadline.
    pub max_job_duration_seconds: u64,
}

/// What a provider tells clients about itself.
#[cw_serde]
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
#[cw_serde]
pub struct JobSpec {
    /// 1 to 512 bytes.
    pub uri: String,
    /// 1 to 128 bytes.
    pub hash: String,
}

/// Fields of a new job (the funds come with the message or through cw20 `send`).
#[cw_serde]
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
    /// The job must be accepted before this time.
    pub accept_by: Timestamp,
    /// Usage must be reported before this time; after it the client can take back what was
    /// never reported.
    pub deadline: Timestamp,
}

#[cw_serde]
pub enum ExecuteMsg {
    /// Registers the sender as a provider, staking the native funds sent.
    RegisterProvider {
        metadata: ProviderMetadata,
    },
    UpdateProvider {
        metadata: ProviderMetadata,
    },
    /// Adds the native funds sent to the sender's stake.
    AddStake {},
    /// Stops taking jobs; the stake unlocks after `provider_unbonding_seconds` and once no job
    /// of the provider is running.
    Unbond {},
    /// Withdraws the whole stake of an unbonded provider.
    WithdrawStake {},
    /// Creates a job funded with the native funds sent.
    CreateJob(CreateJobMsg),
    /// An eligible provider takes an open job before its `accept_by`.
    AcceptJob {
        job_id: u64,
    },
    /// The job's provider reports cumulative usage (at most `max_units`, before the deadline).
    ReportUsage {
        job_id: u64,
        units: Uint128,
        proof: Option<String>,
    },
    /// The client makes every reported unit payable now.
    ApproveUsage {
        job_id: u64,
    },
    /// The client disputes the pending usage, inside its challenge period.
    Dispute {
        job_id: u64,
        reason: String,
    },
    /// The arbiter: pays `approved_units` of the disputed units, refunds the rest, and slashes
    /// up to `slash` of the provider's stake to the job's refund address.
    ResolveDispute {
        job_id: u64,
        approved_units: Uint128,
        slash: Uint128,
    },
    /// The provider: claims all payable usage of these jobs (at most 30, no duplicates), less
    /// the fee.
    ClaimPayments {
        job_ids: Vec<u64>,
    },
    /// Provider or client, when nothing is pending: refunds what was never used.
    CompleteJob {
        job_id: u64,
    },
    /// The client: before acceptance, a full refund; after the deadline, a refund of what was
    /// never reported.
    CancelJob {
        job_id: u64,
    },
    /// The client adds units at the same price with the native funds sent (a whole number of
    /// units).
    TopUp {
        job_id: u64,
    },
    /// The arbiter: changes the given fields only.
    UpdateConfig(Box<UpdateConfigMsg>),
    /// cw20 hook: `register_provider`, `add_stake`, `create_job` or `top_up` paid in a cw20.
    Receive(Cw20ReceiveMsg),
}

/// Payloads of cw20 `send` to the escrow.
#[cw_serde]
pub enum ReceiveMsg {
    RegisterProvider { metadata: ProviderMetadata },
    AddStake {},
    CreateJob(CreateJobMsg),
    TopUp { job_id: u64 },
}

#[cw_serde]
#[derive(Default)]
pub struct UpdateConfigMsg {
    pub arbiter: Option<String>,
    pub fee_bps: Option<u16>,
    pub fee_recipient: Option<String>,
    pub accepted_assets: Option<Vec<AssetInfoUnchecked>>,
    pub challenge_period_seconds: Option<u64>,
    pub min_provider_stake: Option<Uint128>,
    pub provider_unbonding_seconds: Option<u64>,
    pub max_job_duration_seconds: Option<u64>,
}

#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    #[returns(ConfigResponse)]
    Config {},
    #[returns(JobResponse)]
    Job { job_id: u64 },
    #[returns(JobsResponse)]
    JobsByClient {
        client: String,
        start_after: Option<u64>,
        limit: Option<u32>,
    },
    #[returns(JobsResponse)]
    JobsByProvider {
        provider: String,
        start_after: Option<u64>,
        limit: Option<u32>,
    },
    /// Jobs waiting for a provider.
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
    /// Per asset: escrowed, paid, refunded, fees, staked, slashed.
    #[returns(TotalsResponse)]
    Totals {},
}

#[cw_serde]
pub struct ConfigResponse {
    pub arbiter: Addr,
    pub fee_bps: u16,
    pub fee_recipient: Addr,
    pub accepted_assets: Vec<AssetInfo>,
    pub stake_asset: AssetInfo,
    pub challenge_period_seconds: u64,
    pub min_provider_stake: Option<Uint128>,
    pub provider_unbonding_seconds: u64,
    pub max_job_duration_seconds: u64,
}

#[cw_serde]
#[derive(Copy, Eq)]
pub enum JobStatus {
    Open,
    Running,
    Disputed,
    Completed,
    Cancelled,
}

#[cw_serde]
pub struct JobResponse {
    pub job_id: u64,
    pub client: Addr,
    pub refund_to: Addr,
    /// The named provider (open jobs) or the one that accepted.
    pub provider: Option<Addr>,
    pub spec: JobSpec,
    pub asset: AssetInfo,
    pub price_per_unit: Uint128,
    pub max_units: Uint128,
    pub accept_by: Timestamp,
    pub deadline: Timestamp,
    pub status: JobStatus,
    /// Cumulative units reported (less units rejected in a dispute).
    pub units_reported: Uint128,
    /// Units payable now (matured or approved), including those already claimed.
    pub units_payable: Uint128,
    /// Units already paid to the provider.
    pub units_claimed: Uint128,
    /// Units still in their challenge period (or under dispute).
    pub units_pending: Uint128,
    /// When the pending units become payable, unless disputed.
    pub pending_until: Option<Timestamp>,
    /// Funds the job still holds.
    pub balance: Uint128,
    pub created_at: Timestamp,
}

#[cw_serde]
pub struct JobsResponse {
    pub jobs: Vec<JobResponse>,
}

#[cw_serde]
#[derive(Copy, Eq)]
pub enum ProviderStatus {
    /// Takes jobs.
    Bonded,
    /// Takes no new jobs; the stake unlocks at `unbonding_until` once no job is running.
    Unbonding,
    /// Stake withdrawn; may register again.
    Withdrawn,
}

#[cw_serde]
pub struct ProviderResponse {
    pub address: Addr,
    pub metadata: ProviderMetadata,
    pub stake: Asset,
    pub status: ProviderStatus,
    pub unbonding_until: Option<Timestamp>,
    /// Jobs accepted and not yet completed or cancelled.
    pub active_jobs: u32,
    pub jobs_completed: u64,
    /// Disputes in which units were rejected or stake slashed.
    pub disputes_lost: u64,
    /// Total slashed from this provider, in the stake asset.
    pub slashed: Uint128,
}

#[cw_serde]
pub struct ProvidersResponse {
    pub providers: Vec<ProviderResponse>,
}

#[cw_serde]
pub struct ClaimableJob {
    pub job_id: u64,
    pub asset: AssetInfo,
    /// Gross payable amount not yet claimed.
    pub gross: Uint128,
    /// Fee that would be taken (rounded up).
    pub fee: Uint128,
    /// What the provider would receive.
    pub net: Uint128,
}

#[cw_serde]
pub struct ClaimableResponse {
    pub jobs: Vec<ClaimableJob>,
}

/// Money accounting of one asset. For job funds: `escrowed = paid + fees + refunded + held`,
/// where `held` is what open, running and disputed jobs still hold (plus payable amounts of
/// finished jobs not yet claimed). For stakes: the contract holds `staked`.
#[cw_serde]
#[derive(Default)]
pub struct AssetTotals {
    /// Paid into jobs (creation and top-ups).
    pub escrowed: Uint128,
    /// Paid to providers, after fees.
    pub paid: Uint128,
    /// Returned to clients.
    pub refunded: Uint128,
    /// Paid to the fee recipient.
    pub fees: Uint128,
    /// Job funds still held.
    pub held: Uint128,
    /// Provider stakes currently held.
    pub staked: Uint128,
    /// Stake slashed to clients, in total.
    pub slashed: Uint128,
}

#[cw_serde]
pub struct AssetTotalsEntry {
    pub asset: AssetInfo,
    pub totals: AssetTotals,
}

#[cw_serde]
pub struct TotalsResponse {
    pub assets: Vec<AssetTotalsEntry>,
}
