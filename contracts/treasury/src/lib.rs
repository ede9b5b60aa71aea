//! Commons treasury: holds native and cw20 funds and pays out only on the owner's (governance's)
//! word or by delegated budgets, within spend limits, recording every movement in a ledger.
//! Wire types live in `commons::treasury`.

mod budget;
mod config;
pub mod contract;
mod deposit;
pub mod error;
mod ledger;
mod limits;
mod query;
mod spend;
pub mod state;
mod succession;
mod window;

#[cfg(test)]
mod tests;

pub use crate::error::ContractError;

commons::install_bump_allocator!();
