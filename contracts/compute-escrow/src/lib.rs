//! Commons compute escrow: clients lock payment for compute jobs; staked providers accept them,
//! report metered usage and claim payment after a challenge period; disputes go to the arbiter.
//! Wire types live in `commons::escrow`.

mod config;
pub mod contract;
pub mod error;
mod funds;
mod job;
mod provider;
mod query;
mod record;
pub mod state;
mod usage;

#[cfg(test)]
mod tests;

pub use crate::error::ContractError;

commons::install_bump_allocator!();
