//! Typed proposal actions: checked when proposed, turned into messages when executed.

use commons::asset::AssetInfo;
use commons::escrow::{CreateJobMsg, ExecuteMsg as EscrowMsg, ReceiveMsg as EscrowReceive};
use commons::governance::{ExecuteMsg, ProposalAction, MAX_ACTIONS_LIMIT};
use commons::reward_token::ExecuteMsg as TokenMsg;
use commons::treasury::ExecuteMsg as TreasuryMsg;
use cosmwasm_std::{to_json_binary, Addr, Api, CosmosMsg, StdError, StdResult, WasmMsg};

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
    let treasury = || {
        config
            .treasury
            .as_ref()
            .map(|_| ())
            .ok_or_else(|| "no treasury is configured".to_string())
    };
    let positive = |amount: &cosmwasm_std::Uint128| {
        if amount.is_zero() {
            Err("amount must be greater than zero".to_string())
        } else {
            Ok(())
        }
    };
    let escrow = || {
        config
            .escrow
            .as_ref()
            .map(|_| ())
            .ok_or_else(|| "no escrow is configured".to_string())
    };
    match action {
        ProposalAction::EscrowCreateJob {
            provider,
            asset_info,
            price_per_unit,
            max_units,
            ..
        } => {
            treasury()?;
            escrow()?;
            if let Some(p) = provider {
                addr(p)?;
            }
            asset_info.check(api).map_err(|e| e.to_string())?;
            positive(price_per_unit)?;
            positive(max_units)?;
            price_per_unit
                .checked_mul(*max_units)
                .map_err(|_| "price_per_unit * max_units overflows".to_string())?;
        }
        ProposalAction::EscrowResolveDispute { .. } | ProposalAction::EscrowUpdateConfig(_) => {
            escrow()?
        }
        ProposalAction::TreasurySpend {
            recipient, asset, ..
        } => {
            treasury()?;
            addr(recipient)?;
            asset.check(api).map_err(|e| e.to_string())?;
            positive(&asset.amount)?;
        }
        ProposalAction::TreasurySpendToContract {
            contract, asset, ..
        } => {
            treasury()?;
            addr(contract)?;
            asset.check(api).map_err(|e| e.to_string())?;
            positive(&asset.amount)?;
        }
        ProposalAction::TreasurySetBudget {
            spender,
            asset_info,
            amount_per_period,
            period_seconds,
            ..
        } => {
            treasury()?;
            addr(spender)?;
            asset_info.check(api).map_err(|e| e.to_string())?;
            positive(amount_per_period)?;
            if *period_seconds == 0 {
                return Err("budget period must be greater than zero seconds".into());
            }
        }
        ProposalAction::TreasuryRevokeBudget { spender } => {
            treasury()?;
            addr(spender)?;
        }
        ProposalAction::TreasuryUpdateConfig {
            accepted_cw20s,
            spend_limits,
        } => {
            treasury()?;
            for token in accepted_cw20s.iter().flatten() {
                addr(token)?;
            }
            for limit in spend_limits.iter().flatten() {
                limit.asset_info.check(api).map_err(|e| e.to_string())?;
                positive(&limit.amount)?;
            }
        }
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
    api: &dyn Api,
    config: &Config,
    me: &Addr,
    actions: &[ProposalAction],
) -> StdResult<Vec<CosmosMsg>> {
    let mut msgs = Vec::with_capacity(actions.len());
    let treasury = || {
        config
            .treasury
            .clone()
            .ok_or_else(|| StdError::generic_err("no treasury is configured"))
    };
    let escrow = || {
        config
            .escrow
            .clone()
            .ok_or_else(|| StdError::generic_err("no escrow is configured"))
    };
    for action in actions {
        match action {
            ProposalAction::EscrowCreateJob {
                provider,
                spec,
                asset_info,
                price_per_unit,
                max_units,
                accept_by,
                deadline,
            } => {
                let escrow = escrow()?;
                let job = CreateJobMsg {
                    provider: provider.clone(),
                    client: Some(me.to_string()),
                    refund_to: Some(treasury()?.to_string()),
                    spec: spec.clone(),
                    price_per_unit: *price_per_unit,
                    max_units: *max_units,
                    accept_by: *accept_by,
                    deadline: *deadline,
                };
                let info = asset_info.check(api)?;
                // native: the treasury calls create_job with funds; cw20: it sends the tokens
                // with the create_job hook
                let msg = match info {
                    AssetInfo::Native(_) => to_json_binary(&EscrowMsg::CreateJob(job))?,
                    AssetInfo::Cw20(_) => to_json_binary(&EscrowReceive::CreateJob(job))?,
                };
                msgs.push(wasm(
                    &treasury()?,
                    &TreasuryMsg::SpendToContract {
                        contract: escrow.to_string(),
                        asset: commons::AssetUnchecked {
                            info: asset_info.clone(),
                            amount: price_per_unit.checked_mul(*max_units)?,
                        },
                        msg,
                        memo: Some("compute job".into()),
                    },
                )?)
            }
            ProposalAction::EscrowResolveDispute {
                job_id,
                approved_units,
                slash,
            } => msgs.push(wasm(
                &escrow()?,
                &EscrowMsg::ResolveDispute {
                    job_id: *job_id,
                    approved_units: *approved_units,
                    slash: *slash,
                },
            )?),
            ProposalAction::EscrowUpdateConfig(update) => {
                msgs.push(wasm(&escrow()?, &EscrowMsg::UpdateConfig(update.clone()))?)
            }
            ProposalAction::TreasurySpend {
                recipient,
                asset,
                memo,
            } => msgs.push(wasm(
                &treasury()?,
                &TreasuryMsg::Spend {
                    recipient: recipient.clone(),
                    asset: asset.clone(),
                    memo: memo.clone(),
                },
            )?),
            ProposalAction::TreasurySpendToContract {
                contract,
                asset,
                msg,
                memo,
            } => msgs.push(wasm(
                &treasury()?,
                &TreasuryMsg::SpendToContract {
                    contract: contract.clone(),
                    asset: asset.clone(),
                    msg: msg.clone(),
                    memo: memo.clone(),
                },
            )?),
            ProposalAction::TreasurySetBudget {
                spender,
                asset_info,
                amount_per_period,
                period_seconds,
                expires,
            } => msgs.push(wasm(
                &treasury()?,
                &TreasuryMsg::SetBudget {
                    spender: spender.clone(),
                    asset_info: asset_info.clone(),
                    amount_per_period: *amount_per_period,
                    period_seconds: *period_seconds,
                    expires: *expires,
                },
            )?),
            ProposalAction::TreasuryRevokeBudget { spender } => msgs.push(wasm(
                &treasury()?,
                &TreasuryMsg::RevokeBudget {
                    spender: spender.clone(),
                },
            )?),
            ProposalAction::TreasuryUpdateConfig {
                accepted_cw20s,
                spend_limits,
            } => msgs.push(wasm(
                &treasury()?,
                &TreasuryMsg::UpdateConfig {
                    accepted_cw20s: accepted_cw20s.clone(),
                    spend_limits: spend_limits.clone(),
                },
            )?),
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
