//! Every storage key of the escrow, in one place.
//!
//! | key | value |
//! |---|---|
//! | `config` | `Config` (JSON) |
//! | `job_seq` | last job id (JSON u64) |
//! | `job_v3` + id | `Job`, binary (`record::JobLayout` and its tail), with its layout version |
//! | `job_client` + (client, id) | index of jobs by client |
//! | `job_provider` + (provider, id) | index of jobs by named or accepting provider |
//! | `job_open_v2` + (accept_by nanos, id) | open jobs by acceptance deadline |
//! | `provider` + address | `Provider` (JSON) |
//! | `totals` + asset key | per-asset accounting (JSON) |
//!
//! Earlier layouts kept jobs as JSON under `job` (and open jobs under `job_open`), then as
//! binary records without a layout version under `job_v2`; `migrate` refuses a contract that
//! still holds such jobs rather than lose them. From `job_v3` on, every record starts with its
//! layout version, so a later layout needs no new namespace.

use commons::asset::AssetInfo;
use commons::escrow::{AssetTotals, ConfigResponse, ProviderMetadata, ProviderStatus};
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, StdError, StdResult, Storage, Timestamp, Uint128};
use cw_storage_plus::{Item, Map};

pub use crate::record::{Job, Pending, Terms};

pub type Config = ConfigResponse;
pub const CONFIG: Item<Config> = Item::new("config");

#[cw_serde]
pub struct Provider {
    pub metadata: ProviderMetadata,
    pub stake: Uint128,
    pub status: ProviderStatus,
    pub unbonding_until: Option<Timestamp>,
    /// Jobs locking the stake (see `ProviderResponse::active_jobs`).
    pub active_jobs: u32,
    pub jobs_completed: u64,
    pub disputes_lost: u64,
    pub slashed: Uint128,
}

pub const PROVIDERS: Map<&Addr, Provider> = Map::new("provider");

pub const JOB_SEQ: Item<u64> = Item::new("job_seq");
/// Namespace of job records (binary, see `record`).
pub const JOBS: &[u8] = b"job_v3";
/// Namespaces of the job records of earlier layouts (JSON, then binary without a layout
/// version), read only by `migrate` to refuse them.
pub const OLD_JOBS: [&[u8]; 2] = [b"job", b"job_v2"];
pub const JOBS_BY_CLIENT: Map<(&Addr, u64), ()> = Map::new("job_client");
pub const JOBS_BY_PROVIDER: Map<(&Addr, u64), ()> = Map::new("job_provider");
/// Open jobs by `(accept_by in nanoseconds, id)`: a range from the current time skips every
/// offer that can no longer be accepted without reading it.
pub const OPEN_JOBS: Map<(u64, u64), ()> = Map::new("job_open_v2");

/// Per-asset accounting, by `AssetInfo::key`.
pub const TOTALS: Map<&str, (AssetInfo, AssetTotals)> = Map::new("totals");

/// Applies `change` to the totals of `asset`; `None` from it means an amount would overflow
/// or go negative, which the accounting never allows.
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
