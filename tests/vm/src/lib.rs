//! A small chain around `cosmwasm-vm`: it loads the optimized artifacts from `artifacts/`,
//! stores code under code ids, routes the messages contracts send each other (executions,
//! instantiations, admin changes and migrations, with submessage replies carrying the
//! protobuf response data wasmd would send, and rollback of a failed submessage's state),
//! answers each contract's smart, raw and contract-info queries from the other real
//! instances, and reports the CosmWasm gas of every step.
//!
//! - `chain`: blocks, code, instances, transactions, direct storage access;
//! - `dispatch`: what a response asks for (messages, replies, admin, migrate);
//! - `querier`: answering a contract's queries from the other instances;
//! - `storage`: direct storage access and rollback snapshots;
//! - `gas`: the steps of a transaction and what each costs whom;
//! - `raw`: messages as bytes, whole-chain state and checkpoints, for fuzzing.
//!
//! Gas: each instance meters its own execution. Every step of a transaction (instantiate,
//! execute, reply, migrate, and every query a contract makes, nested ones included) is
//! recorded with the gas the called instance used and the contract whose execution caused it,
//! so a benchmark can charge a contract for the queries it makes, as a chain does.
//!
//! What it does not model: native bank transfers (funds are passed to the contract in
//! `MessageInfo` but no balance moves) and gas the chain itself charges outside the VM
//! (transaction bytes, storage bytes).

use std::path::PathBuf;

mod chain;
mod dispatch;
mod gas;
mod querier;
mod raw;
mod storage;

pub use chain::{Chain, VmInstance};
pub use gas::{Outcome, Step, StepKind};
pub use raw::State;

/// The folder of the optimized artifacts: `artifacts/` of the repository, or the folder named
/// by `COMMONS_ARTIFACTS` (to measure another build against the same harness).
pub fn artifacts_dir() -> PathBuf {
    match std::env::var_os("COMMONS_ARTIFACTS") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../artifacts"),
    }
}

/// The optimized artifact `name` (a crate name, or `reference/<name>`), built by
/// `scripts/build.sh` (references by `scripts/build-reference.sh`).
pub fn artifact(name: &str) -> Vec<u8> {
    let path = artifacts_dir().join(format!("{name}.wasm"));
    std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run scripts/build.sh (references: scripts/build-reference.sh) first",
            path.display()
        )
    })
}
