use commons::governance::Status;
use commons::layout::LayoutError;
use commons::migrate::MigrateError;
use commons::pagination::ListError;
use commons::time::DurationError;
use commons::vesting::ScheduleError;
use cosmwasm_std::{Decimal, StdError, Timestamp, Uint128};
use cw_utils::PaymentError;
use thiserror::Error;

/// Every way a governance message can fail. Nothing is changed when one is returned.
#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    #[error("{0}")]
    Std(#[from] StdError),

    #[error("{0}")]
    Payment(#[from] PaymentError),

    #[error("{0}")]
    Migrate(#[from] MigrateError),

    /// A stored record of a layout version this code does not read.
    #[error("{0}; migration refused")]
    Layout(LayoutError),

    #[error("{0}")]
    List(#[from] ListError),

    #[error("{0}")]
    Schedule(#[from] ScheduleError),

    #[error("{0}")]
    Duration(#[from] DurationError),

    #[error(transparent)]
    InvalidAddress(#[from] commons::addr::InvalidAddress),

    #[error("invalid configuration: {reason}")]
    InvalidConfig { reason: String },

    #[error("invalid threshold: {reason}")]
    InvalidThreshold { reason: String },

    #[error("only governance itself, through an executed proposal, can {action}")]
    OnlyGovernance { action: String },

    #[error("proposal {proposal_id} does not exist")]
    ProposalNotFound { proposal_id: u64 },

    #[error("invalid proposal: {reason}")]
    InvalidProposal { reason: String },

    #[error("a proposal may carry at most {max} actions, got {got}")]
    TooManyActions { max: u32, got: usize },

    #[error("invalid action #{index}: {reason}")]
    InvalidAction { index: usize, reason: String },

    #[error("proposing needs {required} voting power at the snapshot, you have {power}")]
    InsufficientProposerPower { required: Uint128, power: Uint128 },

    #[error("no voting power exists at this height: nobody could vote on a proposal")]
    NoVotingPower,

    #[error(
        "a deposit of {amount} {asset} is required; send it with a cw20 `send` and a `propose` msg"
    )]
    DepositViaCw20 { asset: String, amount: Uint128 },

    #[error("wrong deposit: {expected} required, {got} sent")]
    WrongDeposit { expected: String, got: String },

    #[error("no deposit is required: propose directly, without tokens")]
    NoDepositRequired,

    #[error("cw20 {token} is not accepted here")]
    UnexpectedCw20 { token: String },

    #[error("voting on proposal {proposal_id} is closed (status {status:?})")]
    VotingClosed { proposal_id: u64, status: Status },

    #[error("you have no voting power at snapshot height {height}")]
    ZeroVotingPower { height: u64 },

    #[error("you already voted on proposal {proposal_id} and revoting is not allowed")]
    AlreadyVoted { proposal_id: u64 },

    #[error("governance contracts of the suite cannot vote")]
    ContractCannotVote,

    #[error("proposal {proposal_id} cannot be executed: its status is {status:?}")]
    NotPassed { proposal_id: u64, status: Status },

    #[error("proposal {proposal_id} is in its timelock until {executable_at}")]
    TimelockNotElapsed {
        proposal_id: u64,
        executable_at: Timestamp,
    },

    #[error("proposal {proposal_id} cannot be closed: its status is {status:?}")]
    NotClosable { proposal_id: u64, status: Status },

    #[error("voter_rewards min_turnout must be above 0 and at most 1, got {min_turnout}: with 0, proposals nobody votes on would pay whoever votes")]
    InvalidMinTurnout { min_turnout: Decimal },

    #[error("proposal {proposal_id} was created while voter rewards were off: it pays none")]
    NoRewardsForProposal { proposal_id: u64 },

    #[error("the reward period of proposal {proposal_id} ends at {ends_at}: claim from then on")]
    RewardPeriodNotOver {
        proposal_id: u64,
        ends_at: Timestamp,
    },

    #[error("voting on proposal {proposal_id} has not finished")]
    VotingNotFinished { proposal_id: u64 },

    #[error("proposal {proposal_id} had a turnout below the minimum: no rewards")]
    TurnoutTooLow { proposal_id: u64 },

    #[error("you did not vote on proposal {proposal_id}")]
    DidNotVote { proposal_id: u64 },

    #[error("your reward for proposal {proposal_id} was already claimed")]
    RewardAlreadyClaimed { proposal_id: u64 },

    #[error("your reward for proposal {proposal_id} rounds down to zero")]
    RewardRoundsToZero { proposal_id: u64 },

    #[error("nothing to claim: none of these proposals pays you a reward now (see pending_vote_rewards)")]
    NothingToClaim,

    #[error("proposals {proposal_id} and {other_proposal_id} vest their rewards differently and one claim mints one grant: claim them apart")]
    MixedRewardVesting {
        proposal_id: u64,
        other_proposal_id: u64,
    },

    #[error("only the guardian can veto proposals")]
    NotGuardian,

    #[error(
        "proposal {proposal_id} left its timelock at {executable_at}: it can no longer be vetoed"
    )]
    TimelockOver {
        proposal_id: u64,
        executable_at: Timestamp,
    },

    #[error(
        "proposal {proposal_id} only replaces or removes the guardian: the guardian cannot veto it"
    )]
    GuardianChangeNotVetoable { proposal_id: u64 },

    #[error("proposal {proposal_id} would leave governance holding {balance} of {asset}, less than the {held} held for unsettled deposits")]
    DepositsNotHeld {
        proposal_id: u64,
        asset: String,
        held: Uint128,
        balance: Uint128,
    },

    #[error("proposal {proposal_id} has no undelivered deposit to claim")]
    NoUndeliveredDeposit { proposal_id: u64 },

    #[error("only the proposer of proposal {proposal_id} can claim its refund")]
    NotProposer { proposal_id: u64 },

    #[error(
        "proposal {proposal_id} is not being executed: its actions run only from its own execution"
    )]
    NotBeingExecuted { proposal_id: u64 },

    #[error("unknown reply id {id}")]
    UnknownReply { id: u64 },
}
