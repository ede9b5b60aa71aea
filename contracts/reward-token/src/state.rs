//! Every storage key of the reward token, in one place.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Timestamp, Uint128};
use cw_storage_plus::{Item, Map};

use commons::vesting::VestingSchedule;

use crate::history::{AccountHistory, TotalHistory};

/// Liquid balances. The same namespace and layout as cw20-base ("balance"), so its
/// `all_accounts` query and any tooling that reads cw20-base storage work unchanged.
pub use cw20_base::state::BALANCES;
/// Allowances, in cw20-base's layout, managed by cw20-base's allowance functions.
pub use cw20_base::state::{ALLOWANCES, ALLOWANCES_SPENDER};

/// Token metadata, minter and supply accounting, changed by mint and burn (never by transfer).
#[cw_serde]
pub struct TokenState {
    pub name: String,
    pub symbol: String,
    pub decimals: u8,
    /// Who may mint; `None` once minting was ended.
    pub minter: Option<Addr>,
    /// Lifetime cap on `minted_total`.
    pub cap: Option<Uint128>,
    /// Liquid balances plus locked grants.
    pub total_supply: Uint128,
    pub minted_total: Uint128,
    pub burned_total: Uint128,
    pub locked_total: Uint128,
    pub vesting_counts_for_voting: bool,
}

pub const TOKEN: Item<TokenState> = Item::new("token");

/// A vesting grant that still holds tokens (removed once fully claimed).
#[cw_serde]
pub struct Grant {
    pub schedule: VestingSchedule,
    /// Amount granted.
    pub total: Uint128,
    /// Amount moved to the grantee's balance so far.
    pub claimed: Uint128,
    pub revocable: bool,
    /// Block time of the revocation.
    pub revoked_at: Option<Timestamp>,
    /// Unvested amount burned by the revocation.
    pub burned: Uint128,
}

/// Open grants by (grantee, grant id).
pub const GRANTS: Map<(&Addr, u64), Grant> = Map::new("grant");
/// Last grant id handed out.
pub const GRANT_SEQ: Item<u64> = Item::new("grant_seq");
/// Tokens locked in each grantee's open grants (granted - claimed - burned).
pub const LOCKED: Map<&Addr, Uint128> = Map::new("locked");

/// Explicit delegations: holder -> delegatee. Absent means the holder votes itself.
pub const DELEGATIONS: Map<&Addr, Addr> = Map::new("delegation");

/// Voting power held by each delegatee (its own undelegated power plus what others delegated).
pub const POWER: AccountHistory = AccountHistory::new("power", "power_h");
/// Sum of all voting power.
pub const TOTAL_POWER: TotalHistory = TotalHistory::new("total_power", "total_power_h");
