//! Wire API of the treasury (`commons-treasury`): holds native and cw20 funds and pays out only
//! on the owner's (governance's) word, within spend limits, or by delegated budgets.
//!
//! Spend limits and budgets use fixed windows: a window opens when the limit (or budget) is
//! set, lasts `period_seconds`, and the next one starts where it ends. At most `amount` leaves in
//! one window and unused room does not roll over. A window covers `[window_start, window_end)`:
//! at `window_end` exactly, a new window with fresh room begins. So at most `amount` leaves in
//! any one window, and at most twice `amount` in any span of `period_seconds` that straddles a
//! window boundary. An asset with no spend limit cannot be spent at all.
//!
//! The limits bind the owner too, even a captured governance: every change that would let more
//! out (a higher amount, a shorter period, a limit for an asset that had none), a new owner and
//! new code wait `change_delay_seconds` (at least the longest period) in `pending_changes`
//! before they take effect, so at least one whole window passes under the old limit while
//! everyone can see what is coming. A change that lets less out applies at once.

use commons_json::wire;
use cosmwasm_schema::QueryResponses;
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
#[wire]
pub struct SpendLimitUnchecked {
    /// The asset it limits.
    pub asset_info: AssetInfoUnchecked,
    /// Most that may leave the treasury in one window (owner spends and budget spends together).
    pub amount: Uint128,
    /// Length of a window in seconds: 1 to `change_delay_seconds` (and at most ten years).
    pub period_seconds: u64,
}

#[wire]
pub struct InstantiateMsg {
    /// Who may spend, set budgets and change the configuration: governance.
    pub owner: String,
    /// cw20 tokens the treasury accepts through `receive` (at most 30).
    pub accepted_cw20s: Vec<String>,
    /// Spend limits, one per asset (at most 30), in fixed windows (see `SpendLimitUnchecked`).
    /// Assets without a limit cannot be spent. They apply at once; later loosenings wait.
    pub spend_limits: Vec<SpendLimitUnchecked>,
    /// How long a loosening of a spend limit, a new owner or new code waits before it takes
    /// effect, in seconds: at least the longest spend-limit period (so a whole window passes
    /// under the old limit first), at most ten years. Fixed for the treasury's lifetime; no
    /// spend limit may later get a longer period.
    pub change_delay_seconds: u64,
}

/// Every execute response carries an `action` attribute (the message name in snake_case) and
/// the assets, ids, amounts and times it touched. An asset kind is written as its key
/// (`native:<denom>` or `cw20:<address>`), an amount of one as `<amount>:<key>`, a time as
/// seconds since the Unix epoch, a list as comma-separated values. A spend (`spend`,
/// `spend_to_contract`, `spend_budget`) that found a pending change of its asset due, and so
/// put it in force first, adds `applied` = the asset key.
#[wire]
pub enum ExecuteMsg {
    /// Anyone: deposits the native coins sent with the message, recorded in the ledger.
    /// Attributes: `ledger_id` and `asset` (`<amount>:<asset key>`) per coin, `from`.
    Deposit {
        /// Free text kept in the ledger (at most 256 bytes).
        memo: Option<String>,
    },
    /// cw20 hook: a deposit from an accepted token with `{"deposit": {"memo": ...}}`.
    /// Attributes as `deposit`.
    Receive(Cw20ReceiveMsg),
    /// Owner: pays `asset` to `recipient`, within the asset's spend limit.
    /// Attributes: `ledger_id`, `asset`, `to`.
    Spend {
        /// Who receives the asset.
        recipient: String,
        /// What to pay: it counts against the asset's spend limit.
        asset: AssetUnchecked,
        /// Free text kept in the ledger (at most 256 bytes).
        memo: Option<String>,
    },
    /// Owner: pays `asset` into `contract` and executes `msg` there: native coins as funds of
    /// the execution, cw20 through the token's `send` (then `msg` is the receive payload).
    /// Attributes: `ledger_id`, `asset`, `to`.
    SpendToContract {
        /// The contract that receives the asset and runs `msg`.
        contract: String,
        /// What to pay: it counts against the asset's spend limit.
        asset: AssetUnchecked,
        /// The execute message (native) or cw20 receive payload (cw20), base64.
        msg: Binary,
        /// Free text kept in the ledger (at most 256 bytes).
        memo: Option<String>,
    },
    /// Owner: lets `spender` spend up to `amount_per_period` of one asset per fixed window of
    /// `period_seconds` (opening now) without a vote, until `expires` (exclusive). Replaces the
    /// spender's previous budget at once: budget spends count against the asset's spend limit
    /// anyway. Attributes: `spender`, `asset`, `amount_per_period`, `period_seconds`.
    SetBudget {
        /// Who may spend from the budget.
        spender: String,
        /// The one asset the budget pays in.
        asset_info: AssetInfoUnchecked,
        /// Most the spender may pay out per window (greater than zero).
        amount_per_period: Uint128,
        /// Length of a budget window in seconds (1 to ten years).
        period_seconds: u64,
        /// When the budget ends (exclusive); `null` for never. Must be in the future.
        expires: Option<Timestamp>,
    },
    /// A budget holder: pays within its budget and within the treasury's spend limit.
    /// Attributes: `ledger_id`, `asset`, `to`, `spender`.
    SpendBudget {
        /// Who receives the asset.
        recipient: String,
        /// What to pay: the budget's asset, within the budget and the spend limit.
        asset: AssetUnchecked,
        /// Free text kept in the ledger (at most 256 bytes).
        memo: Option<String>,
    },
    /// Owner: removes a spender's budget. Attributes: `spender`.
    RevokeBudget {
        /// Whose budget to remove.
        spender: String,
    },
    /// Owner: replaces the given fields only.
    ///
    /// `spend_limits` is the full new list, compared per asset with the limit in force:
    /// an asset it no longer names loses its limit at once (it cannot be spent; its pending
    /// change is dropped); a limit that only tightens (amount not higher, period not shorter)
    /// applies at once (and drops the asset's pending change); a limit that loosens in any way
    /// becomes the asset's one pending change, taking effect `change_delay_seconds` from now
    /// (replacing a different earlier one; naming the limit already pending keeps its time),
    /// while the part of it that tightens (the lower amount, the longer period) applies at
    /// once. What the current window already spent still counts under the new limit.
    ///
    /// Attributes: `accepted_cw20s` (count, if given); with `spend_limits`: `applied` (assets
    /// whose new limit or its tightening part is in force now), `removed` (assets that lost
    /// their limit), `pending` (`<asset>@<effective_at>` per loosening), `dropped` (assets whose
    /// pending change was dropped); empty lists are left out.
    UpdateConfig {
        /// cw20 tokens accepted through `receive` from now on (at most 30); applies at once.
        accepted_cw20s: Option<Vec<String>>,
        /// The full new list of spend limits, one per asset (at most 30), each period at most
        /// `change_delay_seconds`.
        spend_limits: Option<Vec<SpendLimitUnchecked>>,
    },
    /// Owner: drops the pending spend-limit change of one asset; the limit in force stays.
    /// Attributes: `asset`, `amount`, `period_seconds`, `effective_at` of the dropped change.
    CancelPendingChange {
        /// The asset whose pending change to drop.
        asset_info: AssetInfoUnchecked,
    },
    /// Anyone: puts every spend-limit change that is due into force (spends and queries treat a
    /// due change as in force already; this records it). Attributes: `applied` (assets).
    ApplyChanges {},
    /// Owner: offers ownership to `new_owner`, who may accept it `change_delay_seconds` from
    /// now. Replaces any earlier offer and restarts the delay.
    /// Attributes: `pending_owner`, `effective_at`.
    ProposeOwner {
        /// Who may become the owner.
        new_owner: String,
    },
    /// The proposed owner, once the delay has passed: takes ownership.
    /// Attributes: `owner`, `previous_owner`.
    AcceptOwner {},
    /// Owner: schedules a migration of the treasury (its own wasm admin) to `code_id`, which
    /// anyone may run with `migrate_self` `change_delay_seconds` from now. Replaces any earlier
    /// one and restarts the delay. Attributes: `code_id`, `effective_at`.
    ScheduleMigration {
        /// The code to migrate to.
        code_id: u64,
        /// The migrate message for the new code, base64 (as in `WasmMsg::Migrate`).
        msg: Binary,
    },
    /// Anyone, once the scheduled migration is due: migrates the treasury to the scheduled code.
    /// Attributes: `code_id`.
    MigrateSelf {},
    /// Owner: drops the scheduled migration. Attributes: `code_id`.
    CancelMigration {},
}

/// Payloads of cw20 `send` to the treasury.
#[wire]
pub enum ReceiveMsg {
    /// Records the tokens sent as a deposit by the cw20 sender.
    Deposit {
        /// Free text kept in the ledger (at most 256 bytes).
        memo: Option<String>,
    },
}

#[wire]
#[derive(QueryResponses)]
pub enum QueryMsg {
    /// Owner, accepted cw20s and the change delay.
    #[returns(ConfigResponse)]
    Config {},
    /// Native balances (denoms named in limits or received in deposits, paged by denom) and, on
    /// the first page (no `start_after`), the balances of the accepted cw20s.
    #[returns(BalancesResponse)]
    Balances {
        /// Denom to start after.
        start_after: Option<String>,
        /// Page size (default 10, at most 30).
        limit: Option<u32>,
    },
    /// The spend limit of an asset as it stands now (a due pending change counts as applied)
    /// and what is left of it in the current window.
    #[returns(SpendLimitResponse)]
    SpendLimit {
        /// The asset.
        asset_info: AssetInfoUnchecked,
    },
    /// Changes waiting for their delay: spend-limit loosenings (by asset key), the owner
    /// hand-over and the migration.
    #[returns(PendingChangesResponse)]
    PendingChanges {},
    /// Budgets by spender address.
    #[returns(BudgetsResponse)]
    Budgets {
        /// Spender address to start after.
        start_after: Option<String>,
        /// Page size (default 10, at most 30).
        limit: Option<u32>,
    },
    /// The budget of one spender.
    #[returns(BudgetResponse)]
    Budget {
        /// The spender.
        spender: String,
    },
    /// Every movement, by id (oldest first, or newest first with `reverse`).
    #[returns(LedgerResponse)]
    Ledger {
        /// Ledger id to start after.
        start_after: Option<u64>,
        /// Page size (default 10, at most 30).
        limit: Option<u32>,
        /// Newest first if true.
        reverse: Option<bool>,
    },
}

#[wire]
pub struct ConfigResponse {
    /// Who may spend, set budgets and change the configuration.
    pub owner: Addr,
    /// Who has been offered ownership, if anyone (see `pending_changes` for when they may
    /// accept).
    pub pending_owner: Option<Addr>,
    /// cw20 tokens accepted through `receive`.
    pub accepted_cw20s: Vec<Addr>,
    /// How long loosenings, a new owner and new code wait, in seconds.
    pub change_delay_seconds: u64,
}

#[wire]
pub struct Cw20Balance {
    /// The token contract.
    pub token: Addr,
    /// What the treasury holds of it.
    pub amount: Uint128,
}

#[wire]
pub struct BalancesResponse {
    /// Native coins held, by denom.
    pub native: Vec<Coin>,
    /// Accepted cw20s held (first page only).
    pub cw20: Vec<Cw20Balance>,
}

/// A spend limit and its current fixed window `[window_start, window_end)`.
#[wire]
pub struct SpendLimitResponse {
    /// The asset.
    pub asset_info: AssetInfo,
    /// Most that may leave per window.
    pub amount: Uint128,
    /// Length of a window in seconds.
    pub period_seconds: u64,
    /// Spent in the current window (after a period change, what the window that was current
    /// then had spent is carried into the new one).
    pub spent: Uint128,
    /// Still spendable in the current window.
    pub remaining: Uint128,
    /// The current window began at this time.
    pub window_start: Timestamp,
    /// The current window ends (and fresh room opens) at this time.
    pub window_end: Timestamp,
}

/// The terms of a spend limit: at most `amount` per window of `period_seconds`.
#[wire]
pub struct SpendLimit {
    /// Most that may leave per window.
    pub amount: Uint128,
    /// Length of a window in seconds.
    pub period_seconds: u64,
}

/// A loosening of an asset's spend limit, waiting for its delay.
#[wire]
pub struct PendingLimitChange {
    /// The asset.
    pub asset_info: AssetInfo,
    /// The limit it will have.
    pub limit: SpendLimit,
    /// When the limit takes effect by itself (no message needed).
    pub effective_at: Timestamp,
}

/// An ownership offer, waiting for its delay.
#[wire]
pub struct PendingOwner {
    /// Who may accept ownership.
    pub new_owner: Addr,
    /// From when they may accept.
    pub effective_at: Timestamp,
}

/// A migration of the treasury's code, waiting for its delay.
#[wire]
pub struct PendingMigration {
    /// The code it will run.
    pub code_id: u64,
    /// The migrate message for that code, base64.
    pub msg: Binary,
    /// From when anyone may run it with `migrate_self`.
    pub effective_at: Timestamp,
}

/// Changes waiting for `change_delay_seconds`. A spend-limit change leaves this list once its
/// `effective_at` has passed: from then on it is the limit in force (`spend_limit`).
#[wire]
pub struct PendingChangesResponse {
    /// Spend-limit loosenings not in force yet, by asset key (`native:<denom>`, `cw20:<addr>`).
    pub limits: Vec<PendingLimitChange>,
    /// The ownership offer, if any.
    pub owner: Option<PendingOwner>,
    /// The scheduled migration, if any.
    pub migration: Option<PendingMigration>,
}

#[wire]
pub struct BudgetResponse {
    /// Who may spend from the budget.
    pub spender: Addr,
    /// The asset it pays in.
    pub asset_info: AssetInfo,
    /// Most the spender may pay out per window.
    pub amount_per_period: Uint128,
    /// Length of a budget window in seconds.
    pub period_seconds: u64,
    /// When the budget ends (exclusive), if ever.
    pub expires: Option<Timestamp>,
    /// Spent in the current budget window.
    pub spent: Uint128,
    /// Still spendable in the current budget window.
    pub remaining: Uint128,
    /// The current budget window ends at this time.
    pub window_end: Timestamp,
}

#[wire]
pub struct BudgetsResponse {
    /// One page of budgets, by spender address.
    pub budgets: Vec<BudgetResponse>,
}

#[wire]
#[derive(Copy, Eq)]
pub enum LedgerKind {
    /// Funds paid in.
    Deposit,
    /// An owner spend (`spend` or `spend_to_contract`).
    Spend,
    /// A spend from a budget.
    BudgetSpend,
}

#[wire]
pub struct LedgerEntry {
    /// Sequence number, from 1.
    pub id: u64,
    /// Which kind of movement.
    pub kind: LedgerKind,
    /// What moved.
    pub asset: Asset,
    /// Depositor, or recipient of a spend.
    pub counterparty: Addr,
    /// The memo given with the movement.
    pub memo: Option<String>,
    /// Block height of the movement.
    pub height: u64,
    /// Block time of the movement.
    pub time: Timestamp,
}

#[wire]
pub struct LedgerResponse {
    /// One page of entries.
    pub entries: Vec<LedgerEntry>,
}
