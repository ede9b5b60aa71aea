use commons::migrate::MigrateError;
use commons::pagination::ListError;
use commons::time::DurationError;
use cosmwasm_std::{StdError, Timestamp, Uint128};
use cw_utils::PaymentError;
use thiserror::Error;

/// Every way a treasury message can fail. Nothing moves when one is returned.
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

    #[error("invalid asset: {reason}")]
    InvalidAsset { reason: String },

    #[error("only the owner can {action}")]
    NotOwner { action: String },

    #[error("no ownership transfer is pending for you")]
    NotPendingOwner,

    #[error("ownership can be accepted from {effective_at} on, when the change delay has passed")]
    OwnerChangeNotDue { effective_at: Timestamp },

    #[error("amount must be greater than zero")]
    ZeroAmount,

    #[error("memo is {len} bytes; at most {max} are accepted")]
    MemoTooLong { len: usize, max: usize },

    #[error("cw20 {token} is not accepted by the treasury")]
    UnacceptedToken { token: String },

    #[error("{asset} has no spend limit: it cannot be spent until one is set")]
    NoSpendLimit { asset: String },

    #[error("spend limit of {asset} exceeded: {remaining} left until {window_end}, {requested} requested")]
    SpendLimitExceeded {
        asset: String,
        remaining: Uint128,
        requested: Uint128,
        window_end: Timestamp,
    },

    #[error(
        "insufficient funds: the treasury holds {available} of {asset}, {requested} requested"
    )]
    InsufficientFunds {
        asset: String,
        available: Uint128,
        requested: Uint128,
    },

    #[error("{spender} has no budget")]
    NoBudget { spender: String },

    #[error("the budget of {spender} expired at {expired_at}")]
    BudgetExpired {
        spender: String,
        expired_at: Timestamp,
    },

    #[error("the budget is in {budget_asset}, not {asset}")]
    WrongBudgetAsset { budget_asset: String, asset: String },

    #[error("budget exceeded: {remaining} left until {window_end}, {requested} requested")]
    BudgetExceeded {
        remaining: Uint128,
        requested: Uint128,
        window_end: Timestamp,
    },

    #[error("the budget would already be expired at {expires}")]
    ExpiryInPast { expires: Timestamp },

    #[error("{asset} appears twice in the spend limits")]
    DuplicateLimit { asset: String },

    #[error(
        "the spend limit of {asset} has a period of {period} s, longer than the change delay of \
         {delay} s, so a loosening could bite before one whole window passed: use a period of at \
         most {delay} s (the delay is fixed when the treasury is instantiated)"
    )]
    DelayShorterThanPeriod {
        asset: String,
        period: u64,
        delay: u64,
    },

    #[error(
        "{asset} has no pending spend-limit change (one past its effective time is already in \
         force)"
    )]
    NoPendingChange { asset: String },

    #[error("no spend-limit change is pending")]
    NoPendingChanges,

    #[error("no spend-limit change is due yet: the next one takes effect at {next_effective_at}")]
    NoChangeDue { next_effective_at: Timestamp },

    #[error("code id 0 does not exist: schedule a migration to a stored code id")]
    ZeroCodeId,

    #[error("no migration is scheduled")]
    NoMigrationScheduled,

    #[error("the scheduled migration to code {code_id} may run from {effective_at} on")]
    MigrationNotDue {
        code_id: u64,
        effective_at: Timestamp,
    },
}
