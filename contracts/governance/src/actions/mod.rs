//! Typed proposal actions: checked when proposed, turned into messages when executed.

use commons::governance::ProposalAction;
use cosmwasm_std::{Addr, Api, CosmosMsg, StdResult, Storage};

use crate::state::Contracts;

mod check;
mod forward;
mod prepared;

pub use check::{check_actions, check_dao_client_jobs};
use forward::{forward, Message, Targets};
use prepared::Prepared;

/// Keeps the messages proposal `id`'s actions become (see `prepared`), so that executing it
/// does not read the actions back.
pub fn prepare_messages(
    store: &mut dyn Storage,
    id: u64,
    actions: Vec<ProposalAction>,
) -> StdResult<()> {
    prepared::save(store, id, actions)
}

/// The messages that carry out proposal `id`'s actions (their stored JSON, see
/// `state::save_actions`), in order, sent by governance (`me`): the messages prepared when it
/// was proposed, and the others built now from the stored action (see `forward`).
pub fn action_messages(
    api: &dyn Api,
    store: &dyn Storage,
    contracts: &Contracts<'_>,
    me: &Addr,
    id: u64,
    texts: &[&[u8]],
) -> StdResult<Vec<CosmosMsg>> {
    let to = Targets {
        contracts,
        me: me.as_str(),
    };
    let mut prepared = prepared::load(store, id)?.unwrap_or_default().into_iter();
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
