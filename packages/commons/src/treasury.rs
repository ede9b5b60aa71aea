//! Wire API of the treasury (`commons-treasury`): holds native and cw20 funds and pays out only
//! on the owner's (governance's) word, within spend limits, or by delegated budgets.
//!
//! Spend limits and budgets use fixed windows: a window opens when the limit (or budget) is
//! set, lasts `period_seconds`, and the next one starts where it ends. At most `amount` leaves in
//! one window and unused room does not roll over. A window covers `[window_start, window_end)`:
//! at `window_end` exactly, a new window with fresh room begins. So at most `amount` leaves in
//! any one window, and at most twice `amount` in any span of `period_seconds` that straddles a
//! window boundary. An asset with no spend limit cannot be spent at all.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Addr, Binary, Coin, Timestamp, Uint128};
use cw20::Cw20ReceiveMsg;

use crate::asset::{Asset, AssetInfo, AssetInfoUnchecked, AssetUnchecked};

pub use crate::migrate::MigrateMsg;

/// Longest memo accepted on a movement, in bytes.
pub const MAX_MEMO_LEN: usize = 256;

/// A spend limit as given in a message. Windows are fixed (bucketed), not rolling: the first
/// opens when the limit is set and each lasts `period_seconds`, covering
/// `[window_start, window_end)`; at `window_end` exactly a new window with the full `amount`
/// begins, and unused room does not roll over. So at most `amount` leaves per window, and at
/// most twice `amount` in a span of `period_seconds` that straddles a window boundary. Budgets
/// use the same windows.
#[cw_serde]
pub struct SpendLimitUnchecked {
    /// The asset it limits.
    pub asset_info: AssetInfoUnchecked,
    /// Most that may leave the treasury in one window (owner spends and budget spends together).
    pub amount: Uint128,
    /// Length of a window in seconds (greater than zero).
    pub period_seconds: u64,
}

#[cw_serde]
pub struct InstantiateMsg {
    /// Who may spend, set budgets and change the configuration: governance.
    pub owner: String,
    /// cw20 tokens the treasury accepts through `receive` (at most 30).
    pub accepted_cw20s: Vec<String>,
    /// Spend limits, one per asset (at most 30), in fixed windows (see `SpendLimitUnchecked`).
    /// Assets without a limit cannot be spent.
    pub spend_limits: Vec<SpendLimitUnchecked>,
}

#[cw_serde]
pub enum ExecuteMsg {
    /// Anyone: deposits the native coins sent with the message, recorded in the ledger.
    Deposit { memo: Option<String> },
    /// cw20 hook: a deposit from an accepted token with `{"deposit": {"memo": ...}}`.
    Receive(Cw20ReceiveMsg),
    /// Owner: pays `asset` to `recipient`, within the asset's spend limit.
    Spend {
        recipient: String,
        asset: AssetUnchecked,
        memo: Option<String>,
    },
    /// Owner: pays `asset` into `contract` and executes `msg` there: native coins as funds of
    /// the execution, cw20 through the token's `send` (then `msg` is the receive payload).
    SpendToContract {
        contract: String,
        asset: AssetUnchecked,
        msg: Binary,
        memo: Option<String>,
    },
    /// Owner: lets `spender` spend up to `amount_per_period` of one asset per fixed window of
    /// `period_seconds` (opening now) without a vote, until `expires` (exclusive). Replaces the
    /// spender's previous budget. Budget spends also count against the asset's spend limit.
    SetBudget {
        spender: String,
        asset_info: AssetInfoUnchecked,
        amount_per_period: Uint128,
        period_seconds: u64,
        expires: Option<Timestamp>,
    },
    /// A budget holder: pays within its budget and within the treasury's spend limit.
    SpendBudget {
        recipient: String,
        asset: AssetUnchecked,
        memo: Option<String>,
    },
    /// Owner: removes a spender's budget.
    RevokeBudget { spender: String },
    /// Owner: replaces the given fields only. A new spend-limit list keeps the amount already
    /// spent in the current window of every asset it still names.
    UpdateConfig {
        accepted_cw20s: Option<Vec<String>>,
        spend_limits: Option<Vec<SpendLimitUnchecked>>,
    },
    /// Owner: offers ownership to `new_owner`, who must accept it.
    ProposeOwner { new_owner: String },
    /// The proposed owner: takes ownership.
    AcceptOwner {},
}

/// Payloads of cw20 `send` to the treasury.
#[cw_serde]
pub enum ReceiveMsg {
    Deposit { memo: Option<String> },
}

#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    #[returns(ConfigResponse)]
    Config {},
    /// Native balances (denoms named in limits or received in deposits, paged by denom) and, on
    /// the first page (no `start_after`), the balances of the accepted cw20s.
    #[returns(BalancesResponse)]
    Balances {
        start_after: Option<String>,
        limit: Option<u32>,
    },
    /// The spend limit of an asset and what is left of it in the current window.
    #[returns(SpendLimitResponse)]
    SpendLimit { asset_info: AssetInfoUnchecked },
    /// Budgets by spender address.
    #[returns(BudgetsResponse)]
    Budgets {
        start_after: Option<String>,
        limit: Option<u32>,
    },
    #[returns(BudgetResponse)]
    Budget { spender: String },
    /// Every movement, by id (oldest first, or newest first with `reverse`).
    #[returns(LedgerResponse)]
    Ledger {
        start_after: Option<u64>,
        limit: Option<u32>,
        reverse: Option<bool>,
    },
}

#[cw_serde]
pub struct ConfigResponse {
    pub owner: Addr,
    pub pending_owner: Option<Addr>,
    pub accepted_cw20s: Vec<Addr>,
}

#[cw_serde]
pub struct Cw20Balance {
    pub token: Addr,
    pub amount: Uint128,
}

#[cw_serde]
pub struct BalancesResponse {
    pub native: Vec<Coin>,
    pub cw20: Vec<Cw20Balance>,
}

/// A spend limit and its current fixed window `[window_start, window_end)`.
#[cw_serde]
pub struct SpendLimitResponse {
    pub asset_info: AssetInfo,
    /// Most that may leave per window.
    pub amount: Uint128,
    pub period_seconds: u64,
    /// Spent in the current window.
    pub spent: Uint128,
    /// Still spendable in the current window.
    pub remaining: Uint128,
    pub window_start: Timestamp,
    /// The current window ends (and fresh room opens) at this time.
    pub window_end: Timestamp,
}

#[cw_serde]
pub struct BudgetResponse {
    pub spender: Addr,
    pub asset_info: AssetInfo,
    pub amount_per_period: Uint128,
    pub period_seconds: u64,
    pub expires: Option<Timestamp>,
    /// Spent in the current budget window.
    pub spent: Uint128,
    pub remaining: Uint128,
    pub window_end: Timestamp,
}

#[cw_serde]
pub struct BudgetsResponse {
    pub budgets: Vec<BudgetResponse>,
}

#[cw_serde]
#[derive(Copy, Eq)]
pub enum LedgerKind {
    Deposit,
    Spend,
    BudgetSpend,
}

#[cw_serde]
pub struct LedgerEntry {
    pub id: u64,
    pub kind: LedgerKind,
    pub asset: Asset,
    /// Depositor, or recipient of a spend.
    pub counterparty: Addr,
    pub memo: Option<String>,
    pub height: u64,
    pub time: Timestamp,
}

#[cw_serde]
pub struct LedgerResponse {
    pub entries: Vec<LedgerEntry>,
}
