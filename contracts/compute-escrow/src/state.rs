//! Every storage key of the escrow, in one place.

use commons::asset::AssetInfo;
use commons::escrow::{
    AssetTotals, ConfigResponse, JobSpec, JobStatus, ProviderMetadata, ProviderStatus,
};
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, StdError, StdResult, Storage, Timestamp, Uint128};
use cw_storage_plus::{Item, Map};

pub type Config = ConfigResponse;
pub const CONFIG: Item<Config> = Item::new("config");

#[cw_serde]
pub struct Provider {
    pub metadata: ProviderMetadata,
    pub stake: Uint128,
    pub status: ProviderStatus,
    pub unbonding_until: Option<Timestamp>,
    pub active_jobs: u32,
    pub jobs_completed: u64,
    pub disputes_lost: u64,
    pub slashed: Uint128,
}

pub const PROVIDERS: Map<&Addr, Provider> = Map::new("provider");

/// A job. Money it holds: `(max_units - units_refunded - units_claimed) * price_per_unit`.
#[cw_serde]
pub struct Job {
    pub client: Addr,
    pub refund_to: Addr,
    pub provider: Option<Addr>,
    pub spec: JobSpec,
    pub asset: AssetInfo,
    pub price_per_unit: Uint128,
    /// Units funded (creation plus top-ups).
    pub max_units: Uint128,
    /// Units whose funds went back to the client.
    pub units_refunded: Uint128,
    pub accept_by: Timestamp,
    pub deadline: Timestamp,
    pub status: JobStatus,
    /// Cumulative units reported, less units rejected in disputes.
    pub units_reported: Uint128,
    /// Units payable (matured, approved or approved by the arbiter), claimed or not.
    pub units_payable: Uint128,
    pub units_claimed: Uint128,
    /// Time of the latest report of the pending batch.
    pub pending_since: Option<Timestamp>,
    pub created_at: Timestamp,
}

pub const JOB_SEQ: Item<u64> = Item::new("job_seq");
pub const JOBS: Map<u64, Job> = Map::new("job");
pub const JOBS_BY_CLIENT: Map<(&Addr, u64), ()> = Map::new("job_client");
pub const JOBS_BY_PROVIDER: Map<(&Addr, u64), ()> = Map::new("job_provider");
pub const OPEN_JOBS: Map<u64, ()> = Map::new("job_open");

/// Per-asset accounting, by `AssetInfo::key`.
pub const TOTALS: Map<&str, (AssetInfo, AssetTotals)> = Map::new("totals");

/// Applies `change` to the totals of `asset`.
pub fn update_totals(
    store: &mut dyn Storage,
    asset: &AssetInfo,
    change: impl FnOnce(&mut AssetTotals) -> Option<()>,
) -> StdResult<()> {
    let key = asset.key();
    let (_, mut totals) = TOTALS
        .may_load(store, &key)?
        .unwrap_or_else(|| (asset.clone(), AssetTotals::default()));
    change(&mut totals).ok_or_else(|| StdError::generic_err("totals overflow"))?;
    TOTALS.save(store, &key, &(asset.clone(), totals))
}
