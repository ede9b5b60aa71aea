//! Every storage key of the treasury, in one place.

use commons::asset::AssetInfo;
use commons::treasury::LedgerEntry;
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Timestamp, Uint128};
use cw_storage_plus::{Item, Map};

use crate::window::Window;

#[cw_serde]
pub struct Config {
    pub owner: Addr,
    pub pending_owner: Option<Addr>,
    pub accepted_cw20s: Vec<Addr>,
}

pub const CONFIG: Item<Config> = Item::new("config");

/// A spend limit and its current window.
#[cw_serde]
pub struct Limit {
    pub asset_info: AssetInfo,
    pub amount: Uint128,
    pub window: Window,
}

/// Spend limits by asset key (`AssetInfo::key`).
pub const LIMITS: Map<&str, Limit> = Map::new("limit");

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
