//! Commons governance: token-weighted proposals with typed actions, a timelock, deposits and
//! vested voter rewards. Wire types live in `commons::governance`.

mod actions;
mod bootstrap;
mod config;
pub mod contract;
pub mod error;
mod execution;
mod guardian;
mod proposal;
mod query;
mod reply_id;
mod rewards;
mod settlement;
pub mod state;
mod tally;
mod token;
mod voting;

#[cfg(test)]
mod tests;

pub use crate::error::ContractError;

commons::install_bump_allocator!();
