//! The chain: blocks, stored code, contract instances and their metadata, transactions that
//! roll back on error, and direct storage access for benchmarks.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

use cosmwasm_std_vm::{
    Addr, BlockInfo, Coin, ContractInfo, ContractResult, Empty, Env, MessageInfo, Response,
    Timestamp, TransactionInfo,
};
use cosmwasm_vm::testing::{
    mock_instance_with_options, MockApi, MockInstanceOptions, MockQuerier, MockStorage,
};
use cosmwasm_vm::{call_execute, call_instantiate, Instance, VmError};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::gas::{Outcome, Step, StepKind};
use crate::querier::{answer, query_raw, ContractMeta, Contracts, Log, QueryContext, Stack};

pub type VmInstance = Instance<MockApi, MockStorage, MockQuerier>;
pub type Registry = Rc<RefCell<BTreeMap<String, Rc<RefCell<VmInstance>>>>>;

/// Everything a failed (sub)message must roll back: which instance is at each address (a
/// migration swaps it, an instantiation adds one), their metadata, and each one's storage.
pub struct Snapshot {
    pub(crate) instances: BTreeMap<String, Rc<RefCell<VmInstance>>>,
    pub(crate) meta: BTreeMap<String, ContractMeta>,
    pub(crate) storage: BTreeMap<String, Vec<(Vec<u8>, Vec<u8>)>>,
}

const GAS_LIMIT: u64 = u64::MAX / 2;

pub fn vm(e: VmError) -> String {
    format!("vm error: {e}")
}

pub struct Chain {
    pub api: MockApi,
    pub(crate) block: Rc<RefCell<BlockInfo>>,
    pub(crate) contracts: Registry,
    /// Stored code by code id (id = index + 1).
    codes: RefCell<Vec<Vec<u8>>>,
    /// Contracts created by `WasmMsg::Instantiate` so far (for their addresses).
    pub(crate) created: Cell<u64>,
    pub(crate) log: Log,
    /// Contracts whose instantiate, execute, reply or migrate is running (innermost last).
    running: Stack,
    /// Code id and wasm admin of every contract.
    pub(crate) meta: Contracts,
}

impl Default for Chain {
    fn default() -> Self {
        Self::new()
    }
}

impl Chain {
    pub fn new() -> Self {
        Chain {
            api: MockApi::default(),
            block: Rc::new(RefCell::new(BlockInfo {
                height: 12_345,
                time: Timestamp::from_seconds(1_700_000_000),
                chain_id: "commons-vm".into(),
            })),
            contracts: Rc::new(RefCell::new(BTreeMap::new())),
            codes: RefCell::new(vec![]),
            created: Cell::new(0),
            log: Rc::new(RefCell::new(vec![])),
            running: Rc::new(RefCell::new(vec![])),
            meta: Rc::new(RefCell::new(BTreeMap::new())),
        }
    }

    /// The wasm admin of `contract`, if it has one.
    pub fn admin(&self, contract: &str) -> Option<String> {
        self.meta
            .borrow()
            .get(contract)
            .and_then(|m| m.admin.clone())
    }

    /// The code id `contract` runs.
    pub fn code_id(&self, contract: &str) -> Option<u64> {
        self.meta.borrow().get(contract).map(|m| m.code_id)
    }

    /// Stores `wasm` as new code and returns its code id.
    pub fn store_code(&self, wasm: Vec<u8>) -> u64 {
        let mut codes = self.codes.borrow_mut();
        codes.push(wasm);
        codes.len() as u64
    }

    pub(crate) fn code(&self, code_id: u64) -> Result<Vec<u8>, String> {
        let index = code_id
            .checked_sub(1)
            .ok_or_else(|| "code id 0 does not exist".to_string())?;
        self.codes
            .borrow()
            .get(index as usize)
            .cloned()
            .ok_or_else(|| format!("no code with id {code_id}"))
    }

    pub fn addr(&self, name: &str) -> String {
        self.api.addr_make(name)
    }

    pub fn height(&self) -> u64 {
        self.block.borrow().height
    }

    pub fn time(&self) -> Timestamp {
        self.block.borrow().time
    }

    /// Moves to the next block, `seconds` later.
    pub fn next_block(&self, seconds: u64) {
        let mut b = self.block.borrow_mut();
        b.height += 1;
        b.time = b.time.plus_seconds(seconds);
    }

    pub(crate) fn env(&self, contract: &str) -> Env {
        Env {
            block: self.block.borrow().clone(),
            transaction: Some(TransactionInfo::new(0, Default::default())),
            contract: ContractInfo {
                address: Addr::unchecked(contract),
            },
        }
    }

    pub(crate) fn instance(&self, contract: &str) -> Result<Rc<RefCell<VmInstance>>, String> {
        self.contracts
            .borrow()
            .get(contract)
            .cloned()
            .ok_or_else(|| format!("no contract at {contract}"))
    }

    /// Stores `wasm` as code, loads it as a new contract at the address made from `label`
    /// (with `sender` as its wasm admin), wires its querier to the other contracts, and
    /// instantiates it.
    pub fn instantiate(
        &self,
        wasm: &[u8],
        label: &str,
        sender: &str,
        msg: &impl Serialize,
    ) -> Result<(String, Outcome), String> {
        let address = self.addr(label);
        let bytes = serde_json::to_vec(msg).map_err(|e| e.to_string())?;
        let code_id = self.store_code(wasm.to_vec());
        let outcome = self.transaction(|| {
            self.load(wasm, &address)?;
            self.set_meta(&address, code_id, Some(sender.to_string()));
            self.instantiate_raw(&address, sender, &bytes, vec![])
        })?;
        Ok((address, outcome))
    }

    pub(crate) fn set_meta(&self, address: &str, code_id: u64, admin: Option<String>) {
        self.meta
            .borrow_mut()
            .insert(address.to_string(), ContractMeta { code_id, admin });
    }

    /// Runs one transaction: on success its outcome carries every step it made; on error
    /// every contract is as before and the contracts it created are gone.
    pub(crate) fn transaction(
        &self,
        run: impl FnOnce() -> Result<Outcome, String>,
    ) -> Result<Outcome, String> {
        let snapshot = self.snapshot()?;
        let mark = self.log.borrow().len();
        let result = run();
        let steps = self.log.borrow_mut().split_off(mark);
        match result {
            Ok(mut outcome) => {
                outcome.steps = steps;
                Ok(outcome)
            }
            Err(e) => {
                self.restore(snapshot)?;
                Err(e)
            }
        }
    }

    /// A new instance of `wasm` whose querier answers from the other contracts and records
    /// the gas of every query it makes.
    pub(crate) fn new_instance(&self, wasm: &[u8]) -> Result<VmInstance, String> {
        // The capabilities of a wasmd 0.5x chain: the mock's defaults plus stargate, which the
        // cosmwasm-std 1.x reference contracts require.
        let mut available_capabilities = MockInstanceOptions::default().available_capabilities;
        available_capabilities.insert("stargate".to_string());
        let options = MockInstanceOptions {
            available_capabilities,
            gas_limit: GAS_LIMIT,
            ..Default::default()
        };
        let mut instance = mock_instance_with_options(wasm, options);
        let ctx = QueryContext {
            registry: Rc::clone(&self.contracts),
            block: Rc::clone(&self.block),
            log: Rc::clone(&self.log),
            running: Rc::clone(&self.running),
            meta: Rc::clone(&self.meta),
        };
        instance
            .with_querier(|q| {
                q.update_wasm(move |query| answer(&ctx, query));
                Ok(())
            })
            .map_err(vm)?;
        Ok(instance)
    }

    /// Loads `wasm` as a new contract at `address`.
    pub(crate) fn load(&self, wasm: &[u8], address: &str) -> Result<(), String> {
        if self.contracts.borrow().contains_key(address) {
            return Err(format!("a contract already exists at {address}"));
        }
        let instance = self.new_instance(wasm)?;
        self.contracts
            .borrow_mut()
            .insert(address.to_string(), Rc::new(RefCell::new(instance)));
        Ok(())
    }

    /// Runs one entry point of `contract`, recording its gas as a step.
    pub(crate) fn metered<T>(
        &self,
        contract: &str,
        kind: StepKind,
        call: impl FnOnce(&mut VmInstance) -> Result<T, VmError>,
    ) -> Result<(T, u64), String> {
        let inst = self.instance(contract)?;
        self.running.borrow_mut().push(contract.to_string());
        let mut guard = inst.borrow_mut();
        let before = guard.get_gas_left();
        let result = call(&mut guard);
        let gas = before - guard.get_gas_left();
        drop(guard);
        self.running.borrow_mut().pop();
        self.log.borrow_mut().push(Step {
            contract: contract.to_string(),
            kind,
            gas,
            origin: contract.to_string(),
        });
        Ok((result.map_err(vm)?, gas))
    }

    pub(crate) fn instantiate_raw(
        &self,
        address: &str,
        sender: &str,
        msg: &[u8],
        funds: Vec<Coin>,
    ) -> Result<Outcome, String> {
        let env = self.env(address);
        let info = MessageInfo {
            sender: Addr::unchecked(sender),
            funds,
        };
        let (res, gas): (ContractResult<Response<Empty>>, u64) =
            self.metered(address, StepKind::Instantiate, |i| {
                call_instantiate(i, &env, &info, msg)
            })?;
        self.respond(address, res.into_result()?, gas)
    }

    /// Executes `msg` on `contract` as `sender`; the whole transaction is reverted on error.
    pub fn execute(
        &self,
        sender: &str,
        contract: &str,
        msg: &impl Serialize,
        funds: Vec<Coin>,
    ) -> Result<Outcome, String> {
        let bytes = serde_json::to_vec(msg).map_err(|e| e.to_string())?;
        self.transaction(|| self.execute_raw(sender, contract, &bytes, funds))
    }

    pub(crate) fn execute_raw(
        &self,
        sender: &str,
        contract: &str,
        msg: &[u8],
        funds: Vec<Coin>,
    ) -> Result<Outcome, String> {
        let env = self.env(contract);
        let info = MessageInfo {
            sender: Addr::unchecked(sender),
            funds,
        };
        let (res, gas): (ContractResult<Response<Empty>>, u64) =
            self.metered(contract, StepKind::Execute, |i| {
                call_execute(i, &env, &info, msg)
            })?;
        self.respond(contract, res.into_result()?, gas)
    }

    /// The outcome of an entry point that returned `response`, after its messages ran.
    pub(crate) fn respond(
        &self,
        contract: &str,
        response: Response<Empty>,
        gas: u64,
    ) -> Result<Outcome, String> {
        let mut outcome = Outcome {
            gas,
            ..Default::default()
        };
        self.process(contract, response, &mut outcome)?;
        Ok(outcome)
    }

    /// Runs a smart query on `contract`.
    pub fn query<T: DeserializeOwned>(
        &self,
        contract: &str,
        msg: &impl Serialize,
    ) -> Result<T, String> {
        let bytes = serde_json::to_vec(msg).map_err(|e| e.to_string())?;
        let data = query_raw(&self.contracts, &self.block, contract, &bytes)?.0;
        serde_json::from_slice(&data).map_err(|e| e.to_string())
    }
}
