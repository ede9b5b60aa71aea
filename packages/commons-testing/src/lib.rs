//! cw-multi-test helpers: store and instantiate the Commons contracts, so a test of the suite
//! reads like the story it checks.

pub mod escrow;
pub mod governance;
pub mod suite;
pub mod token;
pub mod treasury;
