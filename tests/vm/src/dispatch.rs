//! Routing what a contract's response asks for: its events and data, then each message it
//! sends (executions, instantiations, admin changes and migrations, as wasmd routes them),
//! with submessage replies carrying the protobuf response data wasmd would send, and rollback
//! of a failed submessage.

use cosmwasm_std_vm::{
    Attribute, ContractResult, CosmosMsg, Empty, Event, MsgResponse, Reply, ReplyOn, Response,
    SubMsgResponse, SubMsgResult, WasmMsg,
};
use cosmwasm_vm::{call_migrate, call_reply};

use crate::chain::Chain;
use crate::gas::{Outcome, StepKind};

/// What running one message produced, for the sender's reply.
struct Dispatched {
    events: Vec<Event>,
    response: MsgResponse,
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

/// A response without data (admin changes), as wasmd types it.
fn empty_response(type_url: &str) -> MsgResponse {
    MsgResponse {
        type_url: type_url.into(),
        value: vec![].into(),
    }
}

impl Chain {
    /// Records the response's events and data and runs its messages, with replies (a reply
    /// that returns data replaces the response's data, as in wasmd).
    pub(crate) fn process(
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

    /// Fails unless `sender` is the wasm admin of `contract`, as wasmd requires for admin
    /// changes and migrations.
    fn ensure_admin(&self, sender: &str, contract: &str) -> Result<(), String> {
        match self.admin(contract) {
            Some(admin) if admin == sender => Ok(()),
            Some(admin) => Err(format!(
                "unauthorized: {sender} is not the admin of {contract} ({admin} is)"
            )),
            None => Err(format!("unauthorized: {contract} has no admin")),
        }
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
                self.set_meta(&address, *code_id, admin.clone());
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
            CosmosMsg::Wasm(WasmMsg::UpdateAdmin {
                contract_addr,
                admin,
            }) => {
                self.ensure_admin(sender, contract_addr)?;
                let code_id = self.code_id(contract_addr).unwrap_or_default();
                self.set_meta(contract_addr, code_id, Some(admin.clone()));
                Ok(Dispatched {
                    events: vec![],
                    response: empty_response("/cosmwasm.wasm.v1.MsgUpdateAdminResponse"),
                })
            }
            CosmosMsg::Wasm(WasmMsg::ClearAdmin { contract_addr }) => {
                self.ensure_admin(sender, contract_addr)?;
                let code_id = self.code_id(contract_addr).unwrap_or_default();
                self.set_meta(contract_addr, code_id, None);
                Ok(Dispatched {
                    events: vec![],
                    response: empty_response("/cosmwasm.wasm.v1.MsgClearAdminResponse"),
                })
            }
            CosmosMsg::Wasm(WasmMsg::Migrate {
                contract_addr,
                new_code_id,
                msg,
            }) => {
                self.ensure_admin(sender, contract_addr)?;
                let inner = self.migrate_raw(contract_addr, *new_code_id, msg)?;
                let mut value = vec![];
                if let Some(data) = &inner.data {
                    proto_bytes(&mut value, 1, data.as_slice());
                }
                Ok(Dispatched {
                    events: inner.events,
                    response: MsgResponse {
                        type_url: "/cosmwasm.wasm.v1.MsgMigrateContractResponse".into(),
                        value: value.into(),
                    },
                })
            }
            other => Err(format!("this test chain does not route {other:?}")),
        }
    }

    /// Swaps `contract`'s code for `new_code_id`, keeping its storage, and runs the new code's
    /// `migrate`. On error the caller's rollback puts the old instance back.
    fn migrate_raw(&self, contract: &str, new_code_id: u64, msg: &[u8]) -> Result<Outcome, String> {
        let wasm = self.code(new_code_id)?;
        let storage = self.raw_all(contract)?;
        let instance = self.new_instance(&wasm)?;
        self.contracts.borrow_mut().insert(
            contract.to_string(),
            std::rc::Rc::new(std::cell::RefCell::new(instance)),
        );
        self.raw_set_many(contract, storage.into_iter())?;
        let admin = self.admin(contract);
        self.set_meta(contract, new_code_id, admin);
        let env = self.env(contract);
        let (res, gas): (ContractResult<Response<Empty>>, u64) =
            self.metered(contract, StepKind::Migrate, |i| call_migrate(i, &env, msg))?;
        self.respond(contract, res.into_result()?, gas)
    }

    /// Migrates `contract` to `new_code_id` as `sender` (who must be its admin), in a
    /// transaction of its own.
    pub fn migrate(
        &self,
        sender: &str,
        contract: &str,
        new_code_id: u64,
        msg: &impl serde::Serialize,
    ) -> Result<Outcome, String> {
        let bytes = serde_json::to_vec(msg).map_err(|e| e.to_string())?;
        self.transaction(|| {
            self.ensure_admin(sender, contract)?;
            self.migrate_raw(contract, new_code_id, &bytes)
        })
    }
}
