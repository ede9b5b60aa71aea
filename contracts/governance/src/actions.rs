//! Typed proposal actions: checked when proposed, turned into messages when executed.

use commons::governance::{ExecuteMsg, ProposalAction, MAX_ACTIONS_LIMIT};
use commons::reward_token::ExecuteMsg as TokenMsg;
use cosmwasm_std::{to_json_binary, Addr, Api, CosmosMsg, StdResult, WasmMsg};

use crate::config::{apply_update, validate_addr};
use crate::error::ContractError;
use crate::state::Config;

fn wasm(contract: &Addr, msg: &impl serde::Serialize) -> StdResult<CosmosMsg> {
    Ok(WasmMsg::Execute {
        contract_addr: contract.to_string(),
        msg: to_json_binary(msg)?,
        funds: vec![],
    }
    .into())
}

/// Checks one action against the current configuration, so a proposal cannot carry an action
/// that could never run (bad address, zero amount, impossible schedule, invalid config).
fn check_action(api: &dyn Api, config: &Config, action: &ProposalAction) -> Result<(), String> {
    let addr = |a: &str| validate_addr(api, a).map(|_| ()).map_err(|e| e.to_string());
    match action {
        ProposalAction::TokenMint { recipient, amount } => {
            addr(recipient)?;
            if amount.is_zero() {
                return Err("mint amount must be greater than zero".into());
            }
        }
        ProposalAction::TokenMintVesting {
            recipient,
            amount,
            schedule,
            ..
        } => {
            addr(recipient)?;
            if amount.is_zero() {
                return Err("grant amount must be greater than zero".into());
            }
            schedule.validate().map_err(|e| e.to_string())?;
        }
        ProposalAction::TokenRevokeVesting { recipient, .. } => addr(recipient)?,
        ProposalAction::UpdateGovernanceConfig(update) => {
            apply_update(api, config.clone(), update).map_err(|e| e.to_string())?;
        }
        ProposalAction::Custom { msgs } => {
            if msgs.is_empty() || msgs.len() > MAX_ACTIONS_LIMIT as usize {
                return Err(format!(
                    "a custom action carries 1 to {MAX_ACTIONS_LIMIT} messages"
                ));
            }
        }
    }
    Ok(())
}

pub fn check_actions(
    api: &dyn Api,
    config: &Config,
    actions: &[ProposalAction],
) -> Result<(), ContractError> {
    if actions.len() > config.max_actions as usize {
        return Err(ContractError::TooManyActions {
            max: config.max_actions,
            got: actions.len(),
        });
    }
    for (index, action) in actions.iter().enumerate() {
        check_action(api, config, action)
            .map_err(|reason| ContractError::InvalidAction { index, reason })?;
    }
    Ok(())
}

/// The messages that carry out `actions`, in order, sent by governance (`me`).
pub fn action_messages(
    config: &Config,
    me: &Addr,
    actions: &[ProposalAction],
) -> StdResult<Vec<CosmosMsg>> {
    let mut msgs = Vec::with_capacity(actions.len());
    for action in actions {
        match action {
            ProposalAction::TokenMint { recipient, amount } => msgs.push(wasm(
                &config.token,
                &TokenMsg::Mint {
                    recipient: recipient.clone(),
                    amount: *amount,
                },
            )?),
            ProposalAction::TokenMintVesting {
                recipient,
                amount,
                schedule,
                revocable,
            } => msgs.push(wasm(
                &config.token,
                &TokenMsg::MintVesting {
                    recipient: recipient.clone(),
                    amount: *amount,
                    schedule: *schedule,
                    revocable: *revocable,
                },
            )?),
            ProposalAction::TokenRevokeVesting {
                recipient,
                grant_id,
            } => msgs.push(wasm(
                &config.token,
                &TokenMsg::RevokeVesting {
                    recipient: recipient.clone(),
                    grant_id: *grant_id,
                },
            )?),
            ProposalAction::UpdateGovernanceConfig(update) => {
                msgs.push(wasm(me, &ExecuteMsg::UpdateConfig(update.clone()))?)
            }
            ProposalAction::Custom { msgs: custom } => msgs.extend(custom.iter().cloned()),
        }
    }
    Ok(msgs)
}
