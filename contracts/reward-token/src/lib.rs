//! Commons reward token: a cw20 token with a lifetime supply cap, burn accounting, vesting
//! grants, delegation, voting-power snapshots by block height, and a mint limit per window that
//! binds the minter.
//!
//! Wire types live in `commons::reward_token`; this crate holds the logic.

mod account;
mod allowance;
pub mod contract;
mod delegation;
pub mod error;
mod history;
mod marketing;
mod mint;
mod mint_limit;
mod mint_window;
mod power;
mod query;
mod response;
pub mod state;
mod tokens;
mod vesting;

#[cfg(test)]
mod tests;

pub use crate::error::ContractError;

commons::install_bump_allocator!();
