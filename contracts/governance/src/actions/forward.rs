//! What each proposal action becomes: the message of the contract that carries it out.
//!
//! Forwarding is proven by types, not by two enums that happen to write the same bytes. Each
//! arm names every field of its action (no `..`) and builds the target contract's message
//! field by field, so the two cannot drift apart: a field added to an action but not to its
//! message is a field its pattern does not name (error E0027), a field added to the message
//! but not to the action is one its initializer does not give (E0063), and a new action
//! without a message is a variant the match does not cover (E0004, there is no catch-all
//! arm). Each target has its own function, typed by that contract's message enum, so a
//! message cannot go to the wrong contract either.

use commons::asset::{AssetInfoUnchecked, AssetUnchecked};
use commons::escrow::{CreateJobMsg, ExecuteMsg as EscrowMsg, ReceiveMsg as EscrowReceiveMsg};
use commons::governance::{ExecuteMsg as GovernanceMsg, ProposalAction};
use commons::reward_token::ExecuteMsg as TokenMsg;
use commons::treasury::ExecuteMsg as TreasuryMsg;
use commons_json::{to_binary, wasm_execute};
use cosmwasm_std::{Api, CosmosMsg, StdError, StdResult};

use crate::state::Contracts;

/// The suite's contracts and governance itself (`me`): where the messages go.
pub struct Targets<'a> {
    pub contracts: &'a Contracts<'a>,
    pub me: &'a str,
}

impl Targets<'_> {
    fn token(&self, msg: &TokenMsg) -> StdResult<CosmosMsg> {
        wasm_execute(self.contracts.token, msg, vec![])
    }

    fn treasury_addr(&self) -> StdResult<&str> {
        self.contracts
            .treasury
            .ok_or_else(|| StdError::generic_err("no treasury is configured"))
    }

    fn treasury(&self, msg: &TreasuryMsg) -> StdResult<CosmosMsg> {
        wasm_execute(self.treasury_addr()?, msg, vec![])
    }

    fn escrow_addr(&self) -> StdResult<&str> {
        self.contracts
            .escrow
            .ok_or_else(|| StdError::generic_err("no escrow is configured"))
    }

    fn escrow(&self, msg: &EscrowMsg) -> StdResult<CosmosMsg> {
        wasm_execute(self.escrow_addr()?, msg, vec![])
    }

    fn governance(&self, msg: &GovernanceMsg) -> StdResult<CosmosMsg> {
        wasm_execute(self.me, msg, vec![])
    }
}

/// Appends the messages that carry out `action` (one, or a `custom` action's chain messages)
/// to `msgs`.
pub fn carry_out(
    api: &dyn Api,
    to: &Targets,
    action: ProposalAction,
    msgs: &mut Vec<CosmosMsg>,
) -> StdResult<()> {
    let msg = match action {
        ProposalAction::TreasurySpend {
            recipient,
            asset,
            memo,
        } => to.treasury(&TreasuryMsg::Spend {
            recipient,
            asset,
            memo,
        }),
        ProposalAction::TreasurySpendToContract {
            contract,
            asset,
            msg,
            memo,
        } => to.treasury(&TreasuryMsg::SpendToContract {
            contract,
            asset,
            msg,
            memo,
        }),
        ProposalAction::TreasurySetBudget {
            spender,
            asset_info,
            amount_per_period,
            period_seconds,
            expires,
        } => to.treasury(&TreasuryMsg::SetBudget {
            spender,
            asset_info,
            amount_per_period,
            period_seconds,
            expires,
        }),
        ProposalAction::TreasuryRevokeBudget { spender } => {
            to.treasury(&TreasuryMsg::RevokeBudget { spender })
        }
        ProposalAction::TreasuryUpdateConfig {
            accepted_cw20s,
            spend_limits,
        } => to.treasury(&TreasuryMsg::UpdateConfig {
            accepted_cw20s,
            spend_limits,
        }),
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
            let (escrow, treasury) = (to.escrow_addr()?, to.treasury_addr()?);
            asset_info.check(api)?;
            let amount = price_per_unit.checked_mul(max_units)?;
            // the DAO's job: the treasury pays it in and takes its refunds; its client is the
            // steward, or governance itself
            let job = CreateJobMsg {
                provider,
                client: Some(client.unwrap_or_else(|| to.me.to_string())),
                refund_to: Some(treasury.to_string()),
                spec,
                price_per_unit,
                max_units,
                accept_by,
                deadline,
            };
            // native coins go as funds of the escrow's `create_job`, a cw20 by the token's
            // `send` with the escrow's `create_job` hook (the same JSON, typed by each side)
            let create = match &asset_info {
                AssetInfoUnchecked::Native(_) => to_binary(&EscrowMsg::CreateJob(job))?,
                AssetInfoUnchecked::Cw20(_) => to_binary(&EscrowReceiveMsg::CreateJob(job))?,
            };
            to.treasury(&TreasuryMsg::SpendToContract {
                contract: escrow.to_string(),
                asset: AssetUnchecked {
                    info: asset_info,
                    amount,
                },
                msg: create,
                memo: Some("compute job".to_string()),
            })
        }
        ProposalAction::EscrowApproveUsage { job_id } => {
            to.escrow(&EscrowMsg::ApproveUsage { job_id })
        }
        ProposalAction::EscrowDispute { job_id, reason } => {
            to.escrow(&EscrowMsg::Dispute { job_id, reason })
        }
        ProposalAction::EscrowCancelJob { job_id } => to.escrow(&EscrowMsg::CancelJob { job_id }),
        ProposalAction::EscrowCompleteJob { job_id } => {
            to.escrow(&EscrowMsg::CompleteJob { job_id })
        }
        ProposalAction::EscrowResolveDispute {
            job_id,
            approved_units,
            slash,
        } => to.escrow(&EscrowMsg::ResolveDispute {
            job_id,
            approved_units,
            slash,
        }),
        ProposalAction::EscrowUpdateConfig(update) => to.escrow(&EscrowMsg::UpdateConfig(update)),
        ProposalAction::TokenMint { recipient, amount } => {
            to.token(&TokenMsg::Mint { recipient, amount })
        }
        ProposalAction::TokenMintVesting {
            recipient,
            amount,
            schedule,
            revocable,
        } => to.token(&TokenMsg::MintVesting {
            recipient,
            amount,
            schedule,
            revocable,
        }),
        ProposalAction::TokenRevokeVesting {
            recipient,
            grant_id,
        } => to.token(&TokenMsg::RevokeVesting {
            recipient,
            grant_id,
        }),
        ProposalAction::UpdateGovernanceConfig(update) => {
            to.governance(&GovernanceMsg::UpdateConfig(update))
        }
        ProposalAction::Custom { msgs: chain } => {
            msgs.extend(chain);
            return Ok(());
        }
    }?;
    msgs.push(msg);
    Ok(())
}
