//! Wire types shared by the four Commons contracts.
//!
//! Contracts depend only on this crate, never on each other: every cross-contract call is a
//! message or a query whose types live here, one module per contract plus the shared types
//! (assets, vesting schedules, pagination, migration rules), and the binary record layouts the
//! contracts store their hot records in (`layout`, with `codec` for variable-length tails and
//! storage keys).
//!
//! Every wire type is declared with `#[wire]` (`commons_json`): serde's derives and the schema
//! as `#[cw_serde]` gives them, `deny_unknown_fields` (so every contract refuses a misspelt
//! field, as the schema's `additionalProperties: false` says), and the derived `FromJson` /
//! `ToJson` readers and writers of the same JSON. The types are the only description of it.

pub mod addr;
pub mod asset;
pub mod bump;
pub mod codec;
pub mod escrow;
pub mod governance;
pub mod layout;
pub mod migrate;
pub mod pagination;
pub mod reward_token;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod time;
pub mod treasury;
pub mod vesting;

pub use asset::{Asset, AssetInfo, AssetInfoUnchecked, AssetUnchecked};
pub use vesting::VestingSchedule;
