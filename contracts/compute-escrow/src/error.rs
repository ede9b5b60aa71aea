use commons::escrow::{JobStatus, ProviderStatus};
use commons::layout::LayoutError;
use commons::migrate::MigrateError;
use commons::pagination::ListError;
use commons::time::DurationError;
use cosmwasm_std::{StdError, Timestamp, Uint128};
use cw_utils::PaymentError;
use thiserror::Error;

/// Every way an escrow message can fail. Nothing moves when one is returned.
#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    #[error("{0}")]
    Std(#[from] StdError),

    #[error("{0}")]
    Payment(#[from] PaymentError),

    #[error("{0}")]
    Migrate(#[from] MigrateError),

    #[error("{0}")]
    List(#[from] ListError),

    #[error("{0}")]
    Duration(#[from] DurationError),

    #[error(transparent)]
    InvalidAddress(#[from] commons::addr::InvalidAddress),

    #[error("invalid configuration: {reason}")]
    InvalidConfig { reason: String },

    #[error("{field} must be 1 to {max} bytes")]
    BadLength { field: String, max: usize },

    #[error("only the arbiter can {action}")]
    NotArbiter { action: String },

    #[error("only the job's client can {action}")]
    NotClient { action: String },

    #[error("only the job's provider can {action}")]
    NotProvider { action: String },

    #[error("{asset} is not accepted here")]
    AssetNotAccepted { asset: String },

    #[error("wrong payment: {expected} expected, {got} sent")]
    WrongPayment { expected: String, got: String },

    #[error("amount must be greater than zero")]
    ZeroAmount,

    #[error("price_per_unit * max_units overflows")]
    PriceOverflow,

    #[error("{address} is already a registered provider")]
    AlreadyRegistered { address: String },

    #[error("{address} is not a registered provider")]
    NotRegistered { address: String },

    #[error("a stake of at least {min} is required, {got} would be staked")]
    StakeTooLow { min: Uint128, got: Uint128 },

    #[error("the provider is {status:?}, not bonded")]
    NotBonded { status: ProviderStatus },

    #[error("the stake is locked until {until}")]
    StillUnbonding { until: Timestamp },

    #[error("the provider still has {active_jobs} running jobs")]
    JobsRunning { active_jobs: u32 },

    #[error("job {job_id} does not exist")]
    JobNotFound { job_id: u64 },

    #[error("job {job_id} is {status:?}; this needs it {expected}")]
    WrongJobStatus {
        job_id: u64,
        status: JobStatus,
        expected: String,
    },

    #[error("times must satisfy now < accept_by < deadline <= now + {max_duration}s")]
    BadTimes { max_duration: u64 },

    #[error("job {job_id} had to be accepted before {accept_by}")]
    AcceptWindowClosed { job_id: u64, accept_by: Timestamp },

    #[error("job {job_id} is reserved for another provider")]
    ReservedForOther { job_id: u64 },

    #[error("reported units must grow: {reported} already reported, {units} given")]
    UnitsNotIncreasing { reported: Uint128, units: Uint128 },

    #[error("{units} units exceed the {max} funded")]
    ExceedsMaxUnits { units: Uint128, max: Uint128 },

    #[error("usage must be reported before the deadline {deadline}")]
    DeadlinePassed { deadline: Timestamp },

    #[error("no usage of job {job_id} is in its challenge period: usage already payable cannot be approved again or disputed")]
    NothingPending { job_id: u64 },

    #[error("job {job_id} already has {max} reports in their challenge period; report again from {oldest_payable_at} (seconds), when the oldest matures: counts are cumulative, so nothing is lost by waiting")]
    PendingReportsFull {
        job_id: u64,
        max: u32,
        oldest_payable_at: Timestamp,
    },

    #[error("{approved} approved units exceed the {disputed} disputed")]
    ApprovedExceedsDisputed {
        approved: Uint128,
        disputed: Uint128,
    },

    #[error("job {job_id} belongs to another provider")]
    ForeignJob { job_id: u64 },

    #[error("nothing is payable on these jobs")]
    NothingToClaim,

    #[error("job {job_id} has usage in its challenge period until {until} (seconds): approve it, dispute it or wait")]
    UsagePending { job_id: u64, until: Timestamp },

    #[error(
        "job {job_id} is running: it can be cancelled from its deadline {deadline} (seconds) on"
    )]
    NotCancellable { job_id: u64, deadline: Timestamp },

    #[error("the treasury {treasury} does not accept the cw20 {token}, so the {payments} could not be deposited there; have governance add it to the treasury's accepted_cw20s, or use another asset")]
    TreasuryRefusesToken {
        treasury: String,
        token: String,
        payments: String,
    },

    #[error("could not read the configuration of the treasury {treasury}: {reason}")]
    TreasuryQuery { treasury: String, reason: String },

    #[error("this escrow still holds jobs in an earlier storage layout (JSON, or binary without a layout version), which this version cannot read; migration refused")]
    UnknownStorageLayout,

    /// A stored record of a layout version this code does not read.
    #[error("{0}; migration refused")]
    Layout(LayoutError),

    #[error("{amount} is not a whole number of units at {price} per unit")]
    NotWholeUnits { amount: Uint128, price: Uint128 },

    #[error("unknown cw20 hook payload")]
    UnknownPayload,
}
