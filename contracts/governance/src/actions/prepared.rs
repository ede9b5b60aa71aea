//! The messages of a proposal's actions, written when it is proposed (by `forward`, from the
//! typed actions) and sent as they are when it is executed.
//!
//! Why not at execution, from the stored actions: reading a stored action back (about 100
//! bytes of JSON) and writing its message again cost some 2 million gas, 4% of an execution,
//! while `propose` has the typed actions in hand. A message depends on nothing that can change
//! before execution except its contract's address, which is looked up then (`Target`).
//! Compute jobs (whose message names the treasury, the escrow and governance as they are at
//! execution) and chain messages are read from the stored action at execution, as are the
//! actions of proposals made before messages were kept (their record has none).
//!
//! The messages follow the actions in the actions record (`state::save_actions`): per action
//! its target (0: read the action at execution, 1 token, 2 treasury, 3 escrow, 4 governance)
//! and, with a target, the message's JSON with its length in front.

use commons::codec::{Reader, Writer};
use commons::governance::ProposalAction;
use cosmwasm_std::{Binary, StdError, StdResult};

use super::forward::{forward, Message, Target};

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

/// Appends the messages `actions` become, as far as they are known now (see the module doc).
pub fn write(w: &mut Writer, actions: Vec<ProposalAction>) -> StdResult<()> {
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
    Ok(())
}

/// The messages kept for `count` actions (the bytes `write` appended).
pub fn read(bytes: &[u8], count: usize) -> StdResult<Vec<Prepared>> {
    let mut r = Reader::new(bytes, "proposal messages");
    let mut prepared = Vec::with_capacity(count);
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
    Ok(prepared)
}
