//! Typed proposal actions: checked when proposed, turned into messages when executed.

use commons::governance::ProposalAction;
use cosmwasm_std::{Addr, Api, CosmosMsg, StdResult};

use crate::state::Contracts;

mod check;
mod forward;

pub use check::{check_actions, check_dao_client_jobs};
use forward::{carry_out, Targets};

/// The messages that carry out a proposal's stored actions (their JSON, see
/// `state::save_actions`), in order, sent by governance (`me`): each action is read back and
/// turned into its contract's message (see `forward`).
pub fn action_messages(
    api: &dyn Api,
    contracts: &Contracts<'_>,
    me: &Addr,
    texts: &[&[u8]],
) -> StdResult<Vec<CosmosMsg>> {
    let to = Targets {
        contracts,
        me: me.as_str(),
    };
    let mut msgs = Vec::with_capacity(texts.len());
    for text in texts {
        let action: ProposalAction = commons_json::from_slice(text)?;
        carry_out(api, &to, action, &mut msgs)?;
    }
    Ok(msgs)
}

#[cfg(test)]
mod tests;
