//! The messages of a proposal's actions, written when it is proposed (by `forward`, from the
//! typed actions) and sent as they are when it is executed.
//!
//! Why not at execution, from the stored actions: in the VM every branch costs fourteen
//! instructions and every copy of a value is a byte loop, so reading a stored action back
//! (about 100 bytes of JSON) cost some 2 million gas, 4% of an execution; `propose` has the
//! typed actions in hand. A message depends on nothing that can change before execution
//! except its contract's address, which is looked up then (`Target`). Compute jobs (whose
//! message names the treasury, the escrow and governance as they are at execution) and chain
//! messages are read from the stored action at execution, as are the actions of proposals
//! made before this record existed (there is no record for them).
//!
//! Key `proposal_msgs` + id (u64). Layout: version (1), the number of actions (u32), then per
//! action its target (0: read the action at execution, 1 token, 2 treasury, 3 escrow, 4
//! governance) and, with a target, the message's JSON with its length in front.

use commons::codec::{map_key, Reader, Writer};
use commons::governance::ProposalAction;
use cosmwasm_std::{Binary, StdError, StdResult, Storage};

use super::forward::{forward, Message, Target};

const PROPOSAL_MSGS: &[u8] = b"proposal_msgs";
const VERSION: u8 = 1;

/// What an action's message is, as far as it is known when proposed.
#[derive(Debug, PartialEq)]
pub enum Prepared {
    /// This message to this contract.
    To(Target, Binary),
    /// Built at execution from the stored action.
    AtExecution,
}

fn code(target: Target) -> u8 {
    match target {
        Target::Token => 1,
        Target::Treasury => 2,
        Target::Escrow => 3,
        Target::Governance => 4,
    }
}

fn key(id: u64) -> Vec<u8> {
    map_key(PROPOSAL_MSGS, &id.to_be_bytes())
}

/// Keeps the messages proposal `id`'s `actions` become, as far as they are known now.
pub fn save(store: &mut dyn Storage, id: u64, actions: Vec<ProposalAction>) -> StdResult<()> {
    // room for a mint or a spend without growing (each growth copies the record so far)
    let mut w = Writer::with_capacity(8 + 160 * actions.len());
    w.u8(VERSION).u32(actions.len() as u32);
    for action in actions {
        match forward(action)? {
            Message::To(target, msg) => {
                w.u8(code(target)).bytes(&msg);
            }
            Message::Job(_) | Message::Chain(_) => {
                w.u8(0);
            }
        }
    }
    store.set(&key(id), &w.0);
    Ok(())
}

/// The prepared messages of proposal `id`; `None` for a proposal made before they were kept.
pub fn load(store: &dyn Storage, id: u64) -> StdResult<Option<Vec<Prepared>>> {
    let Some(bytes) = store.get(&key(id)) else {
        return Ok(None);
    };
    let mut r = Reader::new(&bytes, "proposal messages");
    let version = r.u8()?;
    if version != VERSION {
        return Err(StdError::parse_err(
            "proposal messages",
            format!("unknown layout version {version}"),
        ));
    }
    let count = r.u32()?;
    let mut prepared = Vec::new();
    for _ in 0..count {
        let target = match r.u8()? {
            0 => {
                prepared.push(Prepared::AtExecution);
                continue;
            }
            1 => Target::Token,
            2 => Target::Treasury,
            3 => Target::Escrow,
            4 => Target::Governance,
            other => {
                return Err(StdError::parse_err(
                    "proposal messages",
                    format!("unknown target {other}"),
                ))
            }
        };
        prepared.push(Prepared::To(target, Binary::from(r.bytes()?)));
    }
    r.finish()?;
    Ok(Some(prepared))
}
