//! Every storage key of the treasury, in one place.

use commons::asset::AssetInfo;
use commons::treasury::LedgerEntry;
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Binary, Timestamp, Uint128};
use cw_storage_plus::{Item, Map};

use crate::window::Window;

#[cw_serde]
pub struct Config {
    pub owner: Addr,
    pub accepted_cw20s: Vec<Addr>,
    /// Fixed at instantiation: a captured owner must not be able to shorten its own wait.
    pub change_delay_seconds: u64,
}

pub const CONFIG: Item<Config> = Item::new("config");

/// An ownership offer and when it may be accepted.
#[cw_serde]
pub struct PendingOwner {
    pub new_owner: Addr,
    pub effective_at: Timestamp,
}

pub const PENDING_OWNER: Item<PendingOwner> = Item::new("pending_owner");

/// A scheduled migration of the treasury's own code.
#[cw_serde]
pub struct PendingMigration {
    pub code_id: u64,
    pub msg: Binary,
    pub effective_at: Timestamp,
}

pub const PENDING_MIGRATION: Item<PendingMigration> = Item::new("pending_migration");

/// A spend limit and its current window.
#[cw_serde]
pub struct Limit {
    pub asset_info: AssetInfo,
    pub amount: Uint128,
    pub window: Window,
}

/// Spend limits in force, by asset key (`AssetInfo::key`). Only assets named by the last
/// limit list (at most 30) have one.
pub const LIMITS: Map<&str, Limit> = Map::new("limit");

/// A loosening waiting for its delay: the whole new limit of the asset.
#[cw_serde]
pub struct PendingLimit {
    pub asset_info: AssetInfo,
    pub amount: Uint128,
    pub period_seconds: u64,
    pub effective_at: Timestamp,
}

/// At most one pending change per asset, by asset key. Only assets named by the last limit
/// list (at most 30) have one, so the whole map is small enough to walk in one execute.
pub const PENDING_LIMITS: Map<&str, PendingLimit> = Map::new("pending_limit");

#[cw_serde]
pub struct Budget {
    pub asset_info: AssetInfo,
    pub amount_per_period: Uint128,
    pub expires: Option<Timestamp>,
    pub window: Window,
}

/// One budget per spender.
pub const BUDGETS: Map<&Addr, Budget> = Map::new("budget");

/// Native denoms the treasury has been told about (limits) or received (deposits).
pub const DENOMS: Map<&str, ()> = Map::new("denom");

pub const LEDGER_SEQ: Item<u64> = Item::new("ledger_seq");
pub const LEDGER: Map<u64, LedgerEntry> = Map::new("ledger");
