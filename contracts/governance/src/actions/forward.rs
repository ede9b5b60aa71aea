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
use commons::escrow::{
    CreateJobMsg, ExecuteMsg as EscrowMsg, JobSpec, ReceiveMsg as EscrowReceiveMsg,
};
use commons::governance::{ExecuteMsg as GovernanceMsg, ProposalAction};
use commons::reward_token::ExecuteMsg as TokenMsg;
use commons::treasury::ExecuteMsg as TreasuryMsg;
use commons_json::{to_binary, wasm_execute};
use cosmwasm_std::{Api, Binary, CosmosMsg, StdError, StdResult, Timestamp, Uint128};

use crate::state::Contracts;

/// A contract of the suite, or governance itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Token,
    Treasury,
    Escrow,
    Governance,
}

/// A compute job the treasury funds (`escrow_create_job`): its message names the treasury,
/// the escrow and governance, so it is written with the addresses in force at execution.
#[derive(Debug, PartialEq)]
pub struct Job {
    provider: Option<String>,
    client: Option<String>,
    spec: JobSpec,
    asset_info: AssetInfoUnchecked,
    price_per_unit: Uint128,
    max_units: Uint128,
    accept_by: Timestamp,
    deadline: Timestamp,
}

/// What an action becomes.
#[derive(Debug, PartialEq)]
pub enum Message {
    /// An execute message (its JSON) to one contract, without funds.
    To(Target, Binary),
    Job(Box<Job>),
    /// A `custom` action's chain messages.
    Chain(Vec<CosmosMsg>),
}

fn token(msg: &TokenMsg) -> StdResult<Message> {
    Ok(Message::To(Target::Token, to_binary(msg)?))
}

fn treasury(msg: &TreasuryMsg) -> StdResult<Message> {
    Ok(Message::To(Target::Treasury, to_binary(msg)?))
}

fn escrow(msg: &EscrowMsg) -> StdResult<Message> {
    Ok(Message::To(Target::Escrow, to_binary(msg)?))
}

fn governance(msg: &GovernanceMsg) -> StdResult<Message> {
    Ok(Message::To(Target::Governance, to_binary(msg)?))
}

/// The message `action` becomes.
pub fn forward(action: ProposalAction) -> StdResult<Message> {
    match action {
        ProposalAction::TreasurySpend {
            recipient,
            asset,
            memo,
        } => treasury(&TreasuryMsg::Spend {
            recipient,
            asset,
            memo,
        }),
        ProposalAction::TreasurySpendToContract {
            contract,
            asset,
            msg,
            memo,
        } => treasury(&TreasuryMsg::SpendToContract {
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
        } => treasury(&TreasuryMsg::SetBudget {
            spender,
            asset_info,
            amount_per_period,
            period_seconds,
            expires,
        }),
        ProposalAction::TreasuryRevokeBudget { spender } => {
            treasury(&TreasuryMsg::RevokeBudget { spender })
        }
        ProposalAction::TreasuryUpdateConfig {
            accepted_cw20s,
            spend_limits,
        } => treasury(&TreasuryMsg::UpdateConfig {
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
        } => Ok(Message::Job(Box::new(Job {
            provider,
            client,
            spec,
            asset_info,
            price_per_unit,
            max_units,
            accept_by,
            deadline,
        }))),
        ProposalAction::EscrowApproveUsage { job_id } => {
            escrow(&EscrowMsg::ApproveUsage { job_id })
        }
        ProposalAction::EscrowDispute { job_id, reason } => {
            escrow(&EscrowMsg::Dispute { job_id, reason })
        }
        ProposalAction::EscrowCancelJob { job_id } => escrow(&EscrowMsg::CancelJob { job_id }),
        ProposalAction::EscrowCompleteJob { job_id } => escrow(&EscrowMsg::CompleteJob { job_id }),
        ProposalAction::EscrowResolveDispute {
            job_id,
            approved_units,
            slash,
        } => escrow(&EscrowMsg::ResolveDispute {
            job_id,
            approved_units,
            slash,
        }),
        ProposalAction::EscrowUpdateConfig(update) => escrow(&EscrowMsg::UpdateConfig(update)),
        ProposalAction::TokenMint { recipient, amount } => {
            token(&TokenMsg::Mint { recipient, amount })
        }
        ProposalAction::TokenMintVesting {
            recipient,
            amount,
            schedule,
            revocable,
        } => token(&TokenMsg::MintVesting {
            recipient,
            amount,
            schedule,
            revocable,
        }),
        ProposalAction::TokenRevokeVesting {
            recipient,
            grant_id,
        } => token(&TokenMsg::RevokeVesting {
            recipient,
            grant_id,
        }),
        ProposalAction::UpdateGovernanceConfig(update) => {
            governance(&GovernanceMsg::UpdateConfig(update))
        }
        ProposalAction::Custom { msgs } => Ok(Message::Chain(msgs)),
    }
}

/// The suite's contracts and governance itself (`me`): where the messages go.
pub struct Targets<'a> {
    pub contracts: &'a Contracts<'a>,
    pub me: &'a str,
}

impl Targets<'_> {
    /// The address of `target` now.
    pub fn address(&self, target: Target) -> StdResult<&str> {
        match target {
            Target::Token => Ok(self.contracts.token),
            Target::Treasury => self
                .contracts
                .treasury
                .ok_or_else(|| StdError::generic_err("no treasury is configured")),
            Target::Escrow => self
                .contracts
                .escrow
                .ok_or_else(|| StdError::generic_err("no escrow is configured")),
            Target::Governance => Ok(self.me),
        }
    }

    /// `msg` (JSON) executed on `target`.
    pub fn execute(&self, target: Target, msg: Binary) -> StdResult<CosmosMsg> {
        Ok(cosmwasm_std::WasmMsg::Execute {
            contract_addr: self.address(target)?.to_string(),
            msg,
            funds: vec![],
        }
        .into())
    }

    /// The treasury's payment into the escrow of a job for the DAO: the treasury pays it in
    /// and takes its refunds; its client is the steward, or governance itself.
    pub fn job(&self, api: &dyn Api, job: Job) -> StdResult<CosmosMsg> {
        let Job {
            provider,
            client,
            spec,
            asset_info,
            price_per_unit,
            max_units,
            accept_by,
            deadline,
        } = job;
        let escrow = self.address(Target::Escrow)?;
        let treasury = self.address(Target::Treasury)?;
        asset_info.check(api)?;
        let amount = price_per_unit.checked_mul(max_units)?;
        let job = CreateJobMsg {
            provider,
            client: Some(client.unwrap_or_else(|| self.me.to_string())),
            refund_to: Some(treasury.to_string()),
            spec,
            price_per_unit,
            max_units,
            accept_by,
            deadline,
        };
        // native coins go as funds of the escrow's `create_job`, a cw20 by the token's `send`
        // with the escrow's `create_job` hook (the same JSON, typed by each side)
        let create = match &asset_info {
            AssetInfoUnchecked::Native(_) => to_binary(&EscrowMsg::CreateJob(job))?,
            AssetInfoUnchecked::Cw20(_) => to_binary(&EscrowReceiveMsg::CreateJob(job))?,
        };
        let spend = TreasuryMsg::SpendToContract {
            contract: escrow.to_string(),
            asset: AssetUnchecked {
                info: asset_info,
                amount,
            },
            msg: create,
            memo: Some("compute job".to_string()),
        };
        wasm_execute(treasury, &spend, vec![])
    }

    /// Appends the messages `message` becomes to `msgs`.
    pub fn send(
        &self,
        api: &dyn Api,
        message: Message,
        msgs: &mut Vec<CosmosMsg>,
    ) -> StdResult<()> {
        match message {
            Message::To(target, msg) => msgs.push(self.execute(target, msg)?),
            Message::Job(job) => msgs.push(self.job(api, *job)?),
            Message::Chain(chain) => msgs.extend(chain),
        }
        Ok(())
    }
}
