//! A small chain around `cosmwasm-vm`: it loads the optimized artifacts from `artifacts/`,
//! routes the messages contracts send each other (with submessage replies and rollback of a
//! failed submessage's state), answers each contract's smart queries from the other real
//! instances (smart and raw queries), and reports the CosmWasm gas each call used.
//!
//! What it does not model: native bank transfers (no test here moves native coins) and gas of a
//! query charged to the querying contract (each instance meters its own execution; the gas a
//! call reports is that of the called contract alone).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::rc::Rc;

use cosmwasm_std_vm::{
    Addr, Attribute, BlockInfo, Coin, ContractInfo, ContractResult, CosmosMsg, Empty, Env, Event,
    MessageInfo, Order, Reply, ReplyOn, Response, SubMsgResponse, SubMsgResult, SystemError,
    SystemResult, Timestamp, TransactionInfo, WasmMsg, WasmQuery,
};
use cosmwasm_vm::testing::{mock_instance_with_gas_limit, MockApi, MockQuerier, MockStorage};
use cosmwasm_vm::{
    call_execute, call_instantiate, call_query, call_reply, Instance, Storage, VmError,
};
use serde::de::DeserializeOwned;
use serde::Serialize;

pub type VmInstance = Instance<MockApi, MockStorage, MockQuerier>;
type Registry = Rc<RefCell<BTreeMap<String, Rc<RefCell<VmInstance>>>>>;

const GAS_LIMIT: u64 = u64::MAX / 2;

/// The optimized artifact of `crate_name`, built by `scripts/build.sh`.
pub fn artifact(crate_name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../artifacts")
        .join(format!("{crate_name}.wasm"));
    std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run scripts/build.sh first to build the artifacts",
            path.display()
        )
    })
}

/// What a successful execution produced.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Gas used by the called contract's own entry point (not by the messages it sent).
    pub gas: u64,
    /// Every wasm event of the call and of the messages it caused, in order.
    pub events: Vec<Event>,
    /// Gas of every contract call the transaction made, in order: (contract, gas).
    pub calls: Vec<(String, u64)>,
}

impl Outcome {
    /// Gas of the first call the transaction made into `contract`.
    pub fn gas_of(&self, contract: &str) -> u64 {
        self.calls
            .iter()
            .find(|(c, _)| c == contract)
            .map(|(_, g)| *g)
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

pub struct Chain {
    pub api: MockApi,
    block: Rc<RefCell<BlockInfo>>,
    contracts: Registry,
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
        }
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

    fn env(&self, contract: &str) -> Env {
        Env {
            block: self.block.borrow().clone(),
            transaction: Some(TransactionInfo::new(0, Default::default())),
            contract: ContractInfo {
                address: Addr::unchecked(contract),
            },
        }
    }

    fn instance(&self, contract: &str) -> Result<Rc<RefCell<VmInstance>>, String> {
        self.contracts
            .borrow()
            .get(contract)
            .cloned()
            .ok_or_else(|| format!("no contract at {contract}"))
    }

    /// Loads `wasm` as a new contract at the address made from `label`, wires its querier to
    /// the other contracts, and instantiates it.
    pub fn instantiate(
        &self,
        wasm: &[u8],
        label: &str,
        sender: &str,
        msg: &impl Serialize,
    ) -> Result<(String, Outcome), String> {
        let address = self.addr(label);
        let mut instance = mock_instance_with_gas_limit(wasm, GAS_LIMIT);
        let registry = Rc::clone(&self.contracts);
        let block = Rc::clone(&self.block);
        instance
            .with_querier(|q| {
                q.update_wasm(move |query| answer(&registry, &block, query));
                Ok(())
            })
            .map_err(vm)?;
        self.contracts
            .borrow_mut()
            .insert(address.clone(), Rc::new(RefCell::new(instance)));
        let env = self.env(&address);
        let info = MessageInfo {
            sender: Addr::unchecked(sender),
            funds: vec![],
        };
        let bytes = serde_json::to_vec(msg).map_err(|e| e.to_string())?;
        let inst = self.instance(&address)?;
        let before = inst.borrow_mut().get_gas_left();
        let res: ContractResult<Response<Empty>> =
            call_instantiate(&mut inst.borrow_mut(), &env, &info, &bytes).map_err(vm)?;
        let gas = before - inst.borrow_mut().get_gas_left();
        let response = res.into_result()?;
        let mut outcome = Outcome {
            gas,
            events: vec![],
            calls: vec![(address.clone(), gas)],
        };
        self.process(&address, response, &mut outcome)?;
        Ok((address, outcome))
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
        let snapshot = self.snapshot()?;
        let result = self.execute_raw(sender, contract, &bytes, funds);
        if result.is_err() {
            self.restore(snapshot)?;
        }
        result
    }

    fn execute_raw(
        &self,
        sender: &str,
        contract: &str,
        msg: &[u8],
        funds: Vec<Coin>,
    ) -> Result<Outcome, String> {
        let inst = self.instance(contract)?;
        let env = self.env(contract);
        let info = MessageInfo {
            sender: Addr::unchecked(sender),
            funds,
        };
        let before = inst.borrow_mut().get_gas_left();
        let res: ContractResult<Response<Empty>> =
            call_execute(&mut inst.borrow_mut(), &env, &info, msg).map_err(vm)?;
        let gas = before - inst.borrow_mut().get_gas_left();
        let response = res.into_result()?;
        let mut outcome = Outcome {
            gas,
            events: vec![],
            calls: vec![(contract.to_string(), gas)],
        };
        self.process(contract, response, &mut outcome)?;
        Ok(outcome)
    }

    /// Records the response's events and runs its messages, with replies.
    fn process(
        &self,
        contract: &str,
        response: Response<Empty>,
        outcome: &mut Outcome,
    ) -> Result<(), String> {
        let mut attributes: Vec<Attribute> = response.attributes.clone();
        attributes.insert(0, Attribute::new("contract_address", contract));
        outcome
            .events
            .push(Event::new("wasm").add_attributes(attributes));
        outcome.events.extend(response.events.clone());
        for sub in response.messages {
            let snapshot = self.snapshot()?;
            let result = self.dispatch(contract, &sub.msg, outcome);
            let reply_result = match (&result, sub.reply_on) {
                (Ok(_), ReplyOn::Always | ReplyOn::Success) =>
                {
                    #[allow(deprecated)]
                    Some(SubMsgResult::Ok(SubMsgResponse {
                        events: vec![],
                        data: None,
                        msg_responses: vec![],
                    }))
                }
                (Err(e), ReplyOn::Always | ReplyOn::Error) => {
                    self.restore(snapshot)?;
                    Some(SubMsgResult::Err(e.clone()))
                }
                (Err(e), _) => return Err(e.clone()),
                (Ok(_), _) => None,
            };
            if let Some(result) = reply_result {
                let inst = self.instance(contract)?;
                let env = self.env(contract);
                #[allow(deprecated)]
                let reply = Reply {
                    id: sub.id,
                    payload: sub.payload.clone(),
                    gas_used: 0,
                    result,
                };
                let res: ContractResult<Response<Empty>> =
                    call_reply(&mut inst.borrow_mut(), &env, &reply).map_err(vm)?;
                self.process(contract, res.into_result()?, outcome)?;
            }
        }
        Ok(())
    }

    fn dispatch(
        &self,
        sender: &str,
        msg: &CosmosMsg<Empty>,
        outcome: &mut Outcome,
    ) -> Result<(), String> {
        match msg {
            CosmosMsg::Wasm(WasmMsg::Execute {
                contract_addr,
                msg,
                funds,
            }) => {
                let inner = self.execute_raw(sender, contract_addr, msg, funds.clone())?;
                outcome.events.extend(inner.events);
                outcome.calls.extend(inner.calls);
                Ok(())
            }
            other => Err(format!("this test chain does not route {other:?}")),
        }
    }

    /// Runs a smart query on `contract`.
    pub fn query<T: DeserializeOwned>(
        &self,
        contract: &str,
        msg: &impl Serialize,
    ) -> Result<T, String> {
        let bytes = serde_json::to_vec(msg).map_err(|e| e.to_string())?;
        let data = query_raw(&self.contracts, &self.block, contract, &bytes)?;
        serde_json::from_slice(&data).map_err(|e| e.to_string())
    }

    /// Reads a raw storage value of `contract` (for building large states in benchmarks).
    pub fn raw_get(&self, contract: &str, key: &[u8]) -> Result<Option<Vec<u8>>, String> {
        let inst = self.instance(contract)?;
        let value = inst
            .borrow_mut()
            .with_storage(|s| Ok(s.get(key).0?))
            .map_err(vm)?;
        Ok(value)
    }

    /// Writes raw storage entries of `contract` directly, bypassing the contract (benchmarks
    /// use it to build up many holders, proposals or jobs cheaply).
    pub fn raw_set_many(
        &self,
        contract: &str,
        entries: impl Iterator<Item = (Vec<u8>, Vec<u8>)>,
    ) -> Result<(), String> {
        let inst = self.instance(contract)?;
        inst.borrow_mut()
            .with_storage(|s| {
                for (k, v) in entries {
                    s.set(&k, &v).0?;
                }
                Ok(())
            })
            .map_err(vm)?;
        Ok(())
    }

    fn snapshot(&self) -> Result<BTreeMap<String, Vec<(Vec<u8>, Vec<u8>)>>, String> {
        let mut out = BTreeMap::new();
        for (addr, inst) in self.contracts.borrow().iter() {
            let records = inst
                .borrow_mut()
                .with_storage(|s| {
                    let id = s.scan(None, None, Order::Ascending).0?;
                    Ok(s.all(id).0?)
                })
                .map_err(vm)?;
            out.insert(addr.clone(), records);
        }
        Ok(out)
    }

    fn restore(&self, snapshot: BTreeMap<String, Vec<(Vec<u8>, Vec<u8>)>>) -> Result<(), String> {
        for (addr, records) in snapshot {
            let inst = self.instance(&addr)?;
            inst.borrow_mut()
                .with_storage(|s| {
                    let id = s.scan(None, None, Order::Ascending).0?;
                    for (key, _) in s.all(id).0? {
                        s.remove(&key).0?;
                    }
                    for (key, value) in &records {
                        s.set(key, value).0?;
                    }
                    Ok(())
                })
                .map_err(vm)?;
        }
        Ok(())
    }
}

fn vm(e: VmError) -> String {
    format!("vm error: {e}")
}

fn query_raw(
    registry: &Registry,
    block: &Rc<RefCell<BlockInfo>>,
    contract: &str,
    msg: &[u8],
) -> Result<Vec<u8>, String> {
    let inst = registry
        .borrow()
        .get(contract)
        .cloned()
        .ok_or_else(|| format!("no contract at {contract}"))?;
    let env = Env {
        block: block.borrow().clone(),
        transaction: None,
        contract: ContractInfo {
            address: Addr::unchecked(contract),
        },
    };
    let res = call_query(&mut inst.borrow_mut(), &env, msg).map_err(vm)?;
    res.into_result().map(|b| b.to_vec())
}

/// The storage key of `key` in a cw-storage-plus map named `namespace` (the namespace is
/// length-prefixed; for composite keys, pass every part but the last already length-prefixed).
pub fn map_key(namespace: &str, key: &[u8]) -> Vec<u8> {
    let mut k = (namespace.len() as u16).to_be_bytes().to_vec();
    k.extend_from_slice(namespace.as_bytes());
    k.extend_from_slice(key);
    k
}

/// A length-prefixed key part, for all but the last element of a composite key.
pub fn key_part(part: &[u8]) -> Vec<u8> {
    let mut k = (part.len() as u16).to_be_bytes().to_vec();
    k.extend_from_slice(part);
    k
}

/// Answers a contract's smart query by asking the real instance it names.
fn answer(
    registry: &Registry,
    block: &Rc<RefCell<BlockInfo>>,
    query: &WasmQuery,
) -> cosmwasm_std_vm::QuerierResult {
    match query {
        WasmQuery::Smart { contract_addr, msg } => {
            match query_raw(registry, block, contract_addr, msg.as_slice()) {
                Ok(data) => SystemResult::Ok(ContractResult::Ok(data.into())),
                Err(e) => SystemResult::Ok(ContractResult::Err(e)),
            }
        }
        WasmQuery::Raw { contract_addr, key } => {
            let inst = registry.borrow().get(contract_addr.as_str()).cloned();
            match inst {
                Some(inst) => {
                    let value = inst
                        .borrow_mut()
                        .with_storage(|s| Ok(s.get(key.as_slice()).0?))
                        .unwrap_or_default()
                        .unwrap_or_default();
                    SystemResult::Ok(ContractResult::Ok(value.into()))
                }
                None => SystemResult::Err(SystemError::NoSuchContract {
                    addr: contract_addr.clone(),
                }),
            }
        }
        other => SystemResult::Err(SystemError::UnsupportedRequest {
            kind: format!("{other:?}"),
        }),
    }
}
