use commons::layout::LayoutError;
use commons::migrate::MigrateError;
use commons::pagination::ListError;
use commons::time::DurationError;
use commons::vesting::ScheduleError;
use cosmwasm_std::{StdError, Timestamp, Uint128};
use cw_utils::PaymentError;
use thiserror::Error;

/// Every way a reward-token message can fail. Nothing is changed when one is returned.
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
    Schedule(#[from] ScheduleError),

    /// A period or delay of zero, or of more than ten years.
    #[error("{0}")]
    Duration(#[from] DurationError),

    #[error(transparent)]
    InvalidAddress(#[from] commons::addr::InvalidAddress),

    #[error("token name must be 3 to 50 bytes long, got {len}")]
    InvalidName { len: usize },

    #[error("token symbol must be 3 to 12 characters from [a-zA-Z-], got {symbol:?}")]
    InvalidSymbol { symbol: String },

    #[error("decimals must be at most 18, got {decimals}")]
    InvalidDecimals { decimals: u8 },

    #[error("initial balances name {address} more than once")]
    DuplicateInitialBalance { address: String },

    #[error("amount must be greater than zero")]
    InvalidZeroAmount,

    #[error("insufficient balance: {balance} available, {requested} requested")]
    InsufficientBalance {
        balance: Uint128,
        requested: Uint128,
    },

    #[error("only the minter can {action}")]
    NotMinter { action: String },

    #[error("minting {requested} would exceed the lifetime cap of {cap} ({minted_total} already minted)")]
    CapExceeded {
        cap: Uint128,
        minted_total: Uint128,
        requested: Uint128,
    },

    #[error(
        "minting {requested} would exceed the mint limit of {limit} per window: {remaining} \
         left in this window, which ends at {window_end} (block time); mint at most {remaining} \
         now, or the rest from then"
    )]
    MintLimitExceeded {
        limit: Uint128,
        remaining: Uint128,
        requested: Uint128,
        window_end: Timestamp,
    },

    #[error(
        "change_delay_seconds is {change_delay_seconds}; it must be at least the mint limit's \
         period of {period_seconds} seconds, so a loosening waits out a whole window"
    )]
    ChangeDelayTooShort {
        change_delay_seconds: u64,
        period_seconds: u64,
    },

    #[error("total supply would overflow")]
    SupplyOverflow,

    /// Marketing changes by anyone but the marketing address (cw20-base's message).
    #[error("Unauthorized")]
    Unauthorized,

    #[error("Logo binary data exceeds 5KB limit")]
    LogoTooBig,

    #[error("Invalid xml preamble for SVG")]
    InvalidXmlPreamble,

    #[error("Invalid png header")]
    InvalidPngHeader,

    #[error("Cannot set to own account")]
    CannotSetOwnAccount,

    #[error("Invalid expiration value")]
    InvalidExpiration,

    #[error("{spender} has no allowance from {owner}")]
    NoAllowance { owner: String, spender: String },

    #[error("the allowance of {spender} from {owner} has expired")]
    AllowanceExpired { owner: String, spender: String },

    #[error("insufficient allowance: {allowance} allowed, {requested} requested")]
    InsufficientAllowance {
        allowance: Uint128,
        requested: Uint128,
    },

    #[error("{recipient} has no open vesting grant {grant_id}")]
    GrantNotFound { recipient: String, grant_id: u64 },

    #[error("vesting grant {grant_id} is not revocable")]
    NotRevocable { grant_id: u64 },

    #[error("vesting grant {grant_id} was already revoked")]
    AlreadyRevoked { grant_id: u64 },

    #[error("vesting grant {grant_id} has fully vested: nothing is left to revoke")]
    FullyVested { grant_id: u64 },

    #[error("nothing has vested yet in the selected grants: nothing to claim")]
    NothingToClaim,

    #[error("voting power is already delegated to {delegatee}")]
    AlreadyDelegated { delegatee: String },

    #[error("voting power is not delegated: there is nothing to undelegate")]
    NotDelegated,

    #[error("the stored token is in a storage layout this version cannot read; migrate from a release, not from a pre-release build")]
    UnknownStorageLayout,

    /// A stored record of a layout version this code does not read.
    #[error("{0}; migration refused")]
    Layout(LayoutError),
}
