//! A small chain around `cosmwasm-vm`: it loads the optimized artifacts from `artifacts/`,
//! stores code under code ids, routes the messages contracts send each other (executions and
//! instantiations, with submessage replies carrying the protobuf response data wasmd would
//! send, and rollback of a failed submessage's state), answers each contract's smart and raw
//! queries from the other real instances, and reports the CosmWasm gas of every step.
//!
//! Gas: each instance meters its own execution. Every step of a transaction (instantiate,
//! execute, reply, and every query a contract makes, nested ones included) is recorded with the
//! gas the called instance used and the contract whose execution caused it, so a benchmark can
//! charge a contract for the queries it makes, as a chain does.
//!
//! What it does not model: native bank transfers (funds are passed to the contract in
//! `MessageInfo` but no balance moves) and gas the chain itself charges outside the VM
//! (transaction bytes, storage bytes).

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::rc::Rc;

use cosmwasm_std_vm::{
    Addr, Attribute, Binary, BlockInfo, Coin, ContractInfo, ContractResult, CosmosMsg, Empty, Env,
    Event, MessageInfo, MsgResponse, Order, Reply, ReplyOn, Response, SubMsgResponse, SubMsgResult,
    SystemError, SystemResult, Timestamp, TransactionInfo, WasmMsg, WasmQuery,
};
use cosmwasm_vm::testing::{
    mock_instance_with_options, MockApi, MockInstanceOptions, MockQuerier, MockStorage,
};
use cosmwasm_vm::{
    call_execute, call_instantiate, call_query, call_reply, Instance, Storage, VmError,
};
use serde::de::DeserializeOwned;
use serde::Serialize;

pub type VmInstance = Instance<MockApi, MockStorage, MockQuerier>;
type Registry = Rc<RefCell<BTreeMap<String, Rc<RefCell<VmInstance>>>>>;
type Log = Rc<RefCell<Vec<Step>>>;
type Stack = Rc<RefCell<Vec<String>>>;
type Admins = Rc<RefCell<BTreeMap<String, String>>>;
/// Each contract's storage entries, by address.
type Snapshot = BTreeMap<String, Vec<(Vec<u8>, Vec<u8>)>>;

const GAS_LIMIT: u64 = u64::MAX / 2;

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

/// What kind of entry point a step called.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    Instantiate,
    Execute,
    Reply,
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

pub struct Chain {
    pub api: MockApi,
    block: Rc<RefCell<BlockInfo>>,
    contracts: Registry,
    /// Stored code by code id (id = index + 1).
    codes: RefCell<Vec<Vec<u8>>>,
    /// Contracts created by `WasmMsg::Instantiate` so far (for their addresses).
    created: Cell<u64>,
    log: Log,
    /// Contracts whose instantiate, execute or reply is running (innermost last).
    running: Stack,
    /// Wasm admins of the contracts that have one.
    admins: Admins,
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
            admins: Rc::new(RefCell::new(BTreeMap::new())),
        }
    }

    /// The wasm admin of `contract`, if it has one.
    pub fn admin(&self, contract: &str) -> Option<String> {
        self.admins.borrow().get(contract).cloned()
    }

    /// Stores `wasm` as new code and returns its code id.
    pub fn store_code(&self, wasm: Vec<u8>) -> u64 {
        let mut codes = self.codes.borrow_mut();
        codes.push(wasm);
        codes.len() as u64
    }

    fn code(&self, code_id: u64) -> Result<Vec<u8>, String> {
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
        let bytes = serde_json::to_vec(msg).map_err(|e| e.to_string())?;
        let outcome = self.transaction(|| {
            self.load(wasm, &address)?;
            self.instantiate_raw(&address, sender, &bytes, vec![])
        })?;
        Ok((address, outcome))
    }

    /// Runs one transaction: on success its outcome carries every step it made; on error
    /// every contract's storage is as before and the contracts it created are gone.
    fn transaction(
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

    /// Creates an instance of `wasm` at `address` whose querier answers from the other
    /// contracts and records the gas of every query it makes.
    fn load(&self, wasm: &[u8], address: &str) -> Result<(), String> {
        if self.contracts.borrow().contains_key(address) {
            return Err(format!("a contract already exists at {address}"));
        }
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
            admins: Rc::clone(&self.admins),
        };
        instance
            .with_querier(|q| {
                q.update_wasm(move |query| answer(&ctx, query));
                Ok(())
            })
            .map_err(vm)?;
        self.contracts
            .borrow_mut()
            .insert(address.to_string(), Rc::new(RefCell::new(instance)));
        Ok(())
    }

    /// Runs one entry point of `contract`, recording its gas as a step.
    fn metered<T>(
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

    fn instantiate_raw(
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
        let response = res.into_result()?;
        let mut outcome = Outcome {
            gas,
            events: vec![],
            steps: vec![],
            data: None,
        };
        self.process(address, response, &mut outcome)?;
        Ok(outcome)
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

    fn execute_raw(
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
        let response = res.into_result()?;
        let mut outcome = Outcome {
            gas,
            events: vec![],
            steps: vec![],
            data: None,
        };
        self.process(contract, response, &mut outcome)?;
        Ok(outcome)
    }

    /// Records the response's events and data and runs its messages, with replies (a reply
    /// that returns data replaces the response's data, as in wasmd).
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
        if response.data.is_some() {
            outcome.data = response.data.clone();
        }
        for sub in response.messages {
            let snapshot = self.snapshot()?;
            let result = self.dispatch(contract, &sub.msg);
            let reply_result = match (result, sub.reply_on) {
                (Ok(done), ReplyOn::Always | ReplyOn::Success) => {
                    outcome.events.extend(done.events.clone());
                    #[allow(deprecated)]
                    Some(SubMsgResult::Ok(SubMsgResponse {
                        events: done.events,
                        data: Some(done.response.value.clone()),
                        msg_responses: vec![done.response],
                    }))
                }
                (Err(e), ReplyOn::Always | ReplyOn::Error) => {
                    self.restore(snapshot)?;
                    Some(SubMsgResult::Err(e))
                }
                (Err(e), _) => return Err(e),
                (Ok(done), _) => {
                    outcome.events.extend(done.events);
                    None
                }
            };
            if let Some(result) = reply_result {
                let env = self.env(contract);
                #[allow(deprecated)]
                let reply = Reply {
                    id: sub.id,
                    payload: sub.payload.clone(),
                    gas_used: 0,
                    result,
                };
                let (res, _): (ContractResult<Response<Empty>>, u64) =
                    self.metered(contract, StepKind::Reply, |i| call_reply(i, &env, &reply))?;
                self.process(contract, res.into_result()?, outcome)?;
            }
        }
        Ok(())
    }

    /// Runs one message a contract sent and returns its events and the protobuf
    /// response wasmd would put in `msg_responses`.
    fn dispatch(&self, sender: &str, msg: &CosmosMsg<Empty>) -> Result<Dispatched, String> {
        match msg {
            CosmosMsg::Wasm(WasmMsg::Execute {
                contract_addr,
                msg,
                funds,
            }) => {
                let inner = self.execute_raw(sender, contract_addr, msg, funds.clone())?;
                let mut value = vec![];
                if let Some(data) = &inner.data {
                    proto_bytes(&mut value, 1, data.as_slice());
                }
                Ok(Dispatched {
                    events: inner.events,
                    response: MsgResponse {
                        type_url: "/cosmwasm.wasm.v1.MsgExecuteContractResponse".into(),
                        value: value.into(),
                    },
                })
            }
            CosmosMsg::Wasm(WasmMsg::Instantiate {
                admin,
                code_id,
                msg,
                funds,
                ..
            }) => {
                let wasm = self.code(*code_id)?;
                let n = self.created.get() + 1;
                self.created.set(n);
                let address = self.addr(&format!("contract{n}"));
                self.load(&wasm, &address)?;
                if let Some(admin) = admin {
                    self.admins
                        .borrow_mut()
                        .insert(address.clone(), admin.clone());
                }
                let inner = self.instantiate_raw(&address, sender, msg, funds.clone())?;
                let mut value = vec![];
                proto_bytes(&mut value, 1, address.as_bytes());
                if let Some(data) = &inner.data {
                    proto_bytes(&mut value, 2, data.as_slice());
                }
                Ok(Dispatched {
                    events: inner.events,
                    response: MsgResponse {
                        type_url: "/cosmwasm.wasm.v1.MsgInstantiateContractResponse".into(),
                        value: value.into(),
                    },
                })
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
        let data = query_raw(&self.contracts, &self.block, contract, &bytes)?.0;
        serde_json::from_slice(&data).map_err(|e| e.to_string())
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

    /// Every raw storage entry of `contract`, in key order.
    pub fn raw_all(&self, contract: &str) -> Result<Vec<(Vec<u8>, Vec<u8>)>, String> {
        let inst = self.instance(contract)?;
        let records = inst
            .borrow_mut()
            .with_storage(|s| {
                let id = s.scan(None, None, Order::Ascending).0?;
                Ok(s.all(id).0?)
            })
            .map_err(vm)?;
        Ok(records)
    }

    /// Copies every storage entry of `contract` whose key ends with `template` once per
    /// replacement, with that suffix replaced (values are copied as they are). This builds many
    /// holders, voters, proposals or jobs from one real one without knowing the contract's
    /// storage layout (a map keyed by the address or id, or by a pair ending with it); returns
    /// how many entries were written.
    pub fn clone_keyed(
        &self,
        contract: &str,
        template: &[u8],
        replacements: impl Iterator<Item = Vec<u8>>,
    ) -> Result<usize, String> {
        let matching: Vec<_> = self
            .raw_all(contract)?
            .into_iter()
            .filter(|(k, _)| k.ends_with(template))
            .collect();
        if matching.is_empty() {
            return Err(format!("no key of {contract} ends with the template"));
        }
        let mut written = 0;
        let entries = replacements.flat_map(|r| {
            matching
                .iter()
                .map(|(k, v)| {
                    let mut key = k[..k.len() - template.len()].to_vec();
                    key.extend_from_slice(&r);
                    (key, v.clone())
                })
                .collect::<Vec<_>>()
        });
        let entries = entries.inspect(|_| written += 1);
        self.raw_set_many(contract, entries)?;
        Ok(written)
    }

    /// Every contract's storage, to roll a failed (sub)message back to.
    fn snapshot(&self) -> Result<Snapshot, String> {
        let addresses: Vec<String> = self.contracts.borrow().keys().cloned().collect();
        addresses
            .into_iter()
            .map(|addr| Ok((addr.clone(), self.raw_all(&addr)?)))
            .collect()
    }

    /// Puts every contract's storage back as `snapshot` had it and forgets the contracts
    /// created since.
    fn restore(&self, snapshot: Snapshot) -> Result<(), String> {
        self.contracts
            .borrow_mut()
            .retain(|addr, _| snapshot.contains_key(addr));
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

/// Runs a smart query on `contract`; returns the response and the gas the instance used.
fn query_raw(
    registry: &Registry,
    block: &Rc<RefCell<BlockInfo>>,
    contract: &str,
    msg: &[u8],
) -> Result<(Vec<u8>, u64), String> {
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
    // A contract that queries itself while running cannot be re-entered.
    let mut guard = inst
        .try_borrow_mut()
        .map_err(|_| format!("{contract} queried itself while running"))?;
    let before = guard.get_gas_left();
    let res = call_query(&mut guard, &env, msg).map_err(vm)?;
    let gas = before - guard.get_gas_left();
    res.into_result().map(|b| (b.to_vec(), gas))
}

/// Appends a length-delimited protobuf field (wire type 2).
fn proto_bytes(out: &mut Vec<u8>, field: u8, bytes: &[u8]) {
    out.push(field << 3 | 2);
    let mut len = bytes.len();
    loop {
        let byte = (len & 0x7f) as u8;
        len >>= 7;
        if len == 0 {
            out.push(byte);
            break;
        }
        out.push(byte | 0x80);
    }
    out.extend_from_slice(bytes);
}

/// What running one message produced, for the sender's reply.
struct Dispatched {
    events: Vec<Event>,
    response: MsgResponse,
}

/// What a contract's querier needs to answer from the other instances and record the gas.
struct QueryContext {
    registry: Registry,
    block: Rc<RefCell<BlockInfo>>,
    log: Log,
    running: Stack,
    admins: Admins,
}

/// Answers a contract's query by asking the real instance it names, and records the gas the
/// queried instance used as a step charged to the contract that is running.
fn answer(ctx: &QueryContext, query: &WasmQuery) -> cosmwasm_std_vm::QuerierResult {
    match query {
        WasmQuery::Smart { contract_addr, msg } => {
            match query_raw(&ctx.registry, &ctx.block, contract_addr, msg.as_slice()) {
                Ok((data, gas)) => {
                    let origin = ctx.running.borrow().last().cloned().unwrap_or_default();
                    ctx.log.borrow_mut().push(Step {
                        contract: contract_addr.clone(),
                        kind: StepKind::Query,
                        gas,
                        origin,
                    });
                    SystemResult::Ok(ContractResult::Ok(data.into()))
                }
                Err(e) => SystemResult::Ok(ContractResult::Err(e)),
            }
        }
        WasmQuery::Raw { contract_addr, key } => {
            let inst = ctx.registry.borrow().get(contract_addr.as_str()).cloned();
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
        WasmQuery::ContractInfo { contract_addr } => {
            if ctx.registry.borrow().contains_key(contract_addr.as_str()) {
                let admin = ctx.admins.borrow().get(contract_addr.as_str()).cloned();
                let info = serde_json::json!({
                    "code_id": 1, "creator": contract_addr, "admin": admin,
                    "pinned": false, "ibc_port": null
                });
                SystemResult::Ok(ContractResult::Ok(info.to_string().into_bytes().into()))
            } else {
                SystemResult::Err(SystemError::NoSuchContract {
                    addr: contract_addr.clone(),
                })
            }
        }
        other => SystemResult::Err(SystemError::UnsupportedRequest {
            kind: format!("{other:?}"),
        }),
    }
}
