//! Typed proposal actions: checked when proposed, turned into messages when executed.

use commons::asset::AssetInfoUnchecked;
use commons::governance::ProposalAction;
use cosmwasm_std::{from_json, Addr, Api, CosmosMsg, StdError, StdResult};

use crate::json::Input;
use crate::state::Contracts;
use crate::wire::{execute_msg, renamed, Out};

mod check;

pub use check::{check_actions, check_dao_client_jobs};

/// Which contract an action's message goes to.
enum Target {
    Token,
    Treasury,
    Escrow,
    Governance,
}

/// The actions whose content is, unchanged, the content of the message that carries them out:
/// their target and the message's name.
fn passed_on(action: &str) -> Option<(Target, &'static str)> {
    Some(match action {
        "treasury_spend" => (Target::Treasury, "spend"),
        "treasury_spend_to_contract" => (Target::Treasury, "spend_to_contract"),
        "treasury_set_budget" => (Target::Treasury, "set_budget"),
        "treasury_revoke_budget" => (Target::Treasury, "revoke_budget"),
        "treasury_update_config" => (Target::Treasury, "update_config"),
        "escrow_approve_usage" => (Target::Escrow, "approve_usage"),
        "escrow_dispute" => (Target::Escrow, "dispute"),
        "escrow_cancel_job" => (Target::Escrow, "cancel_job"),
        "escrow_complete_job" => (Target::Escrow, "complete_job"),
        "escrow_resolve_dispute" => (Target::Escrow, "resolve_dispute"),
        "escrow_update_config" => (Target::Escrow, "update_config"),
        "token_mint" => (Target::Token, "mint"),
        "token_mint_vesting" => (Target::Token, "mint_vesting"),
        "token_revoke_vesting" => (Target::Token, "revoke_vesting"),
        "update_governance_config" => (Target::Governance, "update_config"),
        _ => return None,
    })
}

/// The name of a stored action (`{"<name>":..}`).
fn action_name(text: &[u8]) -> &str {
    text.strip_prefix(b"{\"")
        .and_then(|rest| rest.split(|b| *b == b'"').next())
        .and_then(|name| std::str::from_utf8(name).ok())
        .unwrap_or_default()
}

/// The messages that carry out a proposal's stored actions (their JSON, see
/// `state::save_actions`), in order, sent by governance (`me`). Most actions are passed on as
/// they are stored; only a compute job (built around the treasury) and chain messages are
/// parsed.
pub fn action_messages(
    api: &dyn Api,
    config: &Contracts<'_>,
    me: &Addr,
    texts: &[&[u8]],
) -> StdResult<Vec<CosmosMsg>> {
    let mut msgs = Vec::with_capacity(texts.len());
    let treasury = || {
        config
            .treasury
            .ok_or_else(|| StdError::generic_err("no treasury is configured"))
    };
    let escrow = || {
        config
            .escrow
            .ok_or_else(|| StdError::generic_err("no escrow is configured"))
    };
    for text in texts {
        if let Some((target, name)) = passed_on(action_name(text)) {
            let contract = match target {
                Target::Token => config.token,
                Target::Treasury => treasury()?,
                Target::Escrow => escrow()?,
                Target::Governance => me.as_str(),
            };
            msgs.push(execute_msg(contract, renamed(text, name)?));
            continue;
        }
        let Input(action) = from_json(text)?;
        match action {
            ProposalAction::EscrowCreateJob {
                provider,
                client,
                spec,
                asset_info,
                price_per_unit,
                max_units,
                accept_by,
                deadline,
            } => {
                let (escrow, treasury) = (escrow()?, treasury()?);
                // the treasury pays the job in: native coins as funds of `create_job`, cw20 by
                // `send` with the same `create_job` as the hook
                asset_info.check(api)?;
                let mut job = Out::with_capacity(512);
                job.raw(r#"{"create_job":{"provider":"#)
                    .opt_str(provider.as_deref())
                    .raw(r#","client":"#)
                    .str(client.as_deref().unwrap_or(me.as_str()))
                    .raw(r#","refund_to":"#)
                    .str(treasury)
                    .raw(r#","spec":{"uri":"#)
                    .str(&spec.uri)
                    .raw(r#","hash":"#)
                    .str(&spec.hash)
                    .raw(r#"},"price_per_unit":"#)
                    .amount(price_per_unit)
                    .raw(r#","max_units":"#)
                    .amount(max_units)
                    .raw(r#","accept_by":"#)
                    .u64_str(accept_by.nanos())
                    .raw(r#","deadline":"#)
                    .u64_str(deadline.nanos())
                    .raw("}}");
                let mut msg = Out::with_capacity(1024);
                msg.raw(r#"{"spend_to_contract":{"contract":"#)
                    .str(escrow)
                    .raw(r#","asset":{"info":"#);
                match &asset_info {
                    AssetInfoUnchecked::Native(denom) => msg.raw(r#"{"native":"#).str(denom),
                    AssetInfoUnchecked::Cw20(token) => msg.raw(r#"{"cw20":"#).str(token),
                };
                msg.raw(r#"},"amount":"#)
                    .amount(price_per_unit.checked_mul(max_units)?)
                    .raw(r#"},"msg":"#)
                    .binary(&job.0)
                    .raw(r#","memo":"compute job"}}"#);
                msgs.push(execute_msg(treasury, msg))
            }
            ProposalAction::Custom { msgs: custom } => msgs.extend(custom),
            _ => return Err(StdError::generic_err("unexpected stored action")),
        }
    }
    Ok(msgs)
}

#[cfg(test)]
mod tests;
