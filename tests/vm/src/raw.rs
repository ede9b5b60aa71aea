//! Messages as bytes, for tests that send what a typed client cannot write (truncated JSON,
//! duplicate keys, deep nesting), and checkpoints, so a fuzzer can run many calls from one
//! set-up state and check that a refused call left every contract as it was.

use cosmwasm_std_vm::Coin;

use crate::chain::{Chain, Snapshot};
use crate::gas::Outcome;
use crate::querier::query_raw;

/// Every contract's address with its raw storage, in address order.
pub type State = Vec<(String, Vec<(Vec<u8>, Vec<u8>)>)>;

impl Chain {
    /// Executes `msg` (any bytes) on `contract` as `sender`, as one transaction: on error every
    /// contract is as before.
    pub fn execute_bytes(
        &self,
        sender: &str,
        contract: &str,
        msg: &[u8],
        funds: Vec<Coin>,
    ) -> Result<Outcome, String> {
        self.transaction(|| self.execute_raw(sender, contract, msg, funds))
    }

    /// Runs `msg` (any bytes) as a smart query of `contract`; returns the answer's bytes.
    pub fn query_bytes(&self, contract: &str, msg: &[u8]) -> Result<Vec<u8>, String> {
        query_raw(&self.contracts, &self.block, contract, msg).map(|(data, _)| data)
    }

    /// The addresses of every contract, in order.
    pub fn contracts(&self) -> Vec<String> {
        self.contracts.borrow().keys().cloned().collect()
    }

    /// Every contract's raw storage now.
    pub fn state(&self) -> Result<State, String> {
        self.contracts()
            .into_iter()
            .map(|addr| Ok((addr.clone(), self.raw_all(&addr)?)))
            .collect()
    }

    /// Every contract as it is now, to come back to with [`Chain::rollback`].
    pub fn checkpoint(&self) -> Result<Snapshot, String> {
        self.snapshot()
    }

    /// Puts every contract back as `checkpoint` had it (the block stays where it is).
    pub fn rollback(&self, checkpoint: Snapshot) -> Result<(), String> {
        self.restore(checkpoint)
    }
}
