//! Typed proposal actions: checked when proposed, turned into messages when executed.

use commons::codec::Writer;
use commons::governance::ProposalAction;
use cosmwasm_std::{Addr, Api, CosmosMsg, StdResult};

use crate::state::Contracts;

mod check;
mod forward;
mod prepared;

pub use check::{check_actions, check_dao_client_jobs};
use forward::{forward, Message, Targets};
use prepared::Prepared;

/// Appends the messages `actions` become to their record (see `prepared` and
/// `state::save_actions`), so that executing the proposal does not read the actions back.
pub fn prepare_messages(w: &mut Writer, actions: Vec<ProposalAction>) -> StdResult<()> {
    prepared::write(w, actions)
}

/// The messages that carry out a proposal's actions (`texts`, their stored JSON, and
/// `prepared`, the messages kept for them; see `state::StoredActions::split`), in order, sent
/// by governance (`me`): the messages prepared when it was proposed, and the others built now
/// from the stored action (see `forward`).
pub fn action_messages(
    api: &dyn Api,
    contracts: &Contracts<'_>,
    me: &Addr,
    texts: &[&[u8]],
    prepared: Option<&[u8]>,
) -> StdResult<Vec<CosmosMsg>> {
    let to = Targets {
        contracts,
        me: me.as_str(),
    };
    let prepared = match prepared {
        Some(bytes) => prepared::read(bytes, texts.len())?,
        None => vec![],
    };
    let mut prepared = prepared.into_iter();
    let mut msgs = Vec::with_capacity(texts.len());
    for text in texts {
        let message = match prepared.next() {
            Some(Prepared::To(target, msg)) => Message::To(target, msg),
            // a compute job or chain messages, or a proposal made before messages were kept
            _ => forward(commons_json::read::<ProposalAction>(commons_json::parse(
                text,
            )?)?)?,
        };
        to.send(api, message, &mut msgs)?;
    }
    Ok(msgs)
}

#[cfg(test)]
mod tests;
