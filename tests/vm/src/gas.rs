//! Gas accounting: every entry-point call of a transaction is a step with the gas the called
//! instance used and the contract a chain charges it to.

use cosmwasm_std_vm::{Binary, Event};

/// What kind of entry point a step called.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    Instantiate,
    Execute,
    Reply,
    Migrate,
    Query,
}

/// One entry-point call of a transaction.
#[derive(Clone, Debug)]
pub struct Step {
    /// The contract whose entry point ran.
    pub contract: String,
    pub kind: StepKind,
    /// Gas the called instance used for this call alone (the queries it made are steps of
    /// their own).
    pub gas: u64,
    /// For a query: the contract whose instantiate, execute or reply made it (directly or
    /// through other queries). For the other kinds: the contract itself.
    pub origin: String,
}

impl Step {
    /// The contract a chain charges this step to: a query's origin, otherwise the contract
    /// that ran.
    pub fn charged_to(&self) -> &str {
        if self.kind == StepKind::Query {
            &self.origin
        } else {
            &self.contract
        }
    }
}

/// What a successful execution produced.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Gas used by the called contract's own entry point (not by the messages it sent).
    pub gas: u64,
    /// Every wasm event of the call and of the messages it caused, in order.
    pub events: Vec<Event>,
    /// Every step of the transaction, queries and replies included, in order.
    pub steps: Vec<Step>,
    /// The response data of the called contract (after its replies).
    pub data: Option<Binary>,
}

impl Outcome {
    /// Gas charged to `contracts` in this transaction: every instantiate, execute and reply of
    /// theirs, plus every query they made (nested queries included). The executions of other
    /// contracts they sent messages to are not included.
    pub fn gas_in(&self, contracts: &[&str]) -> u64 {
        self.steps
            .iter()
            .filter(|s| contracts.contains(&s.charged_to()))
            .map(|s| s.gas)
            .sum()
    }

    /// Gas of the whole transaction: every step of every contract.
    pub fn total_gas(&self) -> u64 {
        self.steps.iter().map(|s| s.gas).sum()
    }

    /// Gas of the first instantiate or execute the transaction ran on `contract`.
    pub fn gas_of(&self, contract: &str) -> u64 {
        self.steps
            .iter()
            .find(|s| {
                s.contract == contract
                    && matches!(s.kind, StepKind::Instantiate | StepKind::Execute)
            })
            .map(|s| s.gas)
            .unwrap_or_default()
    }

    /// First value of attribute `key` among the events.
    pub fn attr(&self, key: &str) -> Option<String> {
        self.events
            .iter()
            .flat_map(|e| e.attributes.iter())
            .find(|a| a.key == key)
            .map(|a| a.value.clone())
    }
}
