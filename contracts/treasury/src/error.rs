use commons::migrate::MigrateError;
use commons::pagination::ListError;
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

    #[error("invalid address {address:?}: {reason}")]
    InvalidAddress { address: String, reason: String },

    #[error("invalid asset: {reason}")]
    InvalidAsset { reason: String },

    #[error("only the owner can {action}")]
    NotOwner { action: String },

    #[error("no ownership transfer is pending for you")]
    NotPendingOwner,

    #[error("amount must be greater than zero")]
    ZeroAmount,

    #[error("period must be greater than zero seconds")]
    ZeroPeriod,

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
}
