//! Checks of proposal actions at `propose`: a proposal cannot carry an action that could never
//! run (bad address, zero amount, impossible schedule, invalid config, unbounded period).

use commons::addr::validate_addr;
use commons::escrow::{ConfigResponse as EscrowConfig, QueryMsg as EscrowQuery, MAX_REASON_LEN};
use commons::governance::{ProposalAction, MAX_ACTIONS_LIMIT};
use commons::time::{check_duration, plus_seconds};
use commons_json::query_wasm_smart;
use cosmwasm_std::{Api, QuerierWrapper, StdResult, Timestamp};

use crate::config::apply_update;
use crate::error::ContractError;
use crate::state::Config;

/// Checks one action against the current configuration and the time the proposal would
/// normally execute (`execute_at`: now plus voting and the timelock), so a proposal cannot
/// carry an action that could never run (bad address, zero amount, impossible schedule,
/// invalid config) or that would fail for a reason known now (an offer or a budget that
/// expires before it could execute).
fn check_action(
    api: &dyn Api,
    config: &Config,
    execute_at: Timestamp,
    action: &ProposalAction,
) -> Result<(), String> {
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
            client,
            asset_info,
            price_per_unit,
            max_units,
            accept_by,
            deadline,
            ..
        } => {
            treasury()?;
            escrow()?;
            if *accept_by <= execute_at {
                return Err(format!(
                    "accept_by ({accept_by}) must be after the proposal would execute ({execute_at}: voting plus the timelock from now)"
                ));
            }
            if deadline <= accept_by {
                return Err("the deadline must be after accept_by".into());
            }
            if let Some(p) = provider {
                addr(p)?;
            }
            if let Some(c) = client {
                addr(c)?;
            }
            asset_info.check(api).map_err(|e| e.to_string())?;
            positive(price_per_unit)?;
            positive(max_units)?;
            price_per_unit
                .checked_mul(*max_units)
                .map_err(|_| "price_per_unit * max_units overflows".to_string())?;
        }
        ProposalAction::EscrowDispute { reason, .. } => {
            escrow()?;
            if reason.is_empty() || reason.len() > MAX_REASON_LEN {
                return Err(format!("a dispute reason is 1 to {MAX_REASON_LEN} bytes"));
            }
        }
        ProposalAction::EscrowResolveDispute { .. }
        | ProposalAction::EscrowUpdateConfig(_)
        | ProposalAction::EscrowApproveUsage { .. }
        | ProposalAction::EscrowCancelJob { .. }
        | ProposalAction::EscrowCompleteJob { .. } => escrow()?,
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
            expires,
        } => {
            treasury()?;
            if expires.is_some_and(|e| e <= execute_at) {
                return Err(format!(
                    "the budget would expire before the proposal would execute ({execute_at}: voting plus the timelock from now)"
                ));
            }
            addr(spender)?;
            asset_info.check(api).map_err(|e| e.to_string())?;
            positive(amount_per_period)?;
            check_duration("budget period", *period_seconds).map_err(|e| e.to_string())?;
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
                check_duration("spend limit period", limit.period_seconds)
                    .map_err(|e| e.to_string())?;
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
    now: Timestamp,
    actions: &[ProposalAction],
) -> Result<(), ContractError> {
    // when the proposal would normally execute; periods are bounded, so this cannot overflow
    let execute_at = plus_seconds(
        now,
        config
            .voting_period_seconds
            .saturating_add(config.execution_delay_seconds),
    )?;
    if actions.len() > config.max_actions as usize {
        return Err(ContractError::TooManyActions {
            max: config.max_actions,
            got: actions.len(),
        });
    }
    for (index, action) in actions.iter().enumerate() {
        check_action(api, config, execute_at, action)
            .map_err(|reason| ContractError::InvalidAction { index, reason })?;
    }
    Ok(())
}

/// The escrow's current challenge period (its `config` query's `challenge_period_seconds`).
fn escrow_challenge_period(querier: &QuerierWrapper, escrow: &str) -> StdResult<u64> {
    let config: EscrowConfig = query_wasm_smart(querier, escrow, &EscrowQuery::Config {})?;
    Ok(config.challenge_period_seconds)
}

/// A job the DAO funds without a steward has governance as its client: approving or
/// disputing usage then takes a proposal, so the escrow's challenge period must outlast the
/// voting period and the timelock, or over-reported usage becomes payable before the DAO can
/// dispute it. Such a job is refused at `propose` (name a steward `client` instead).
pub fn check_dao_client_jobs(
    querier: &QuerierWrapper,
    config: &Config,
    actions: &[ProposalAction],
) -> Result<(), ContractError> {
    let Some(index) = actions
        .iter()
        .position(|a| matches!(a, ProposalAction::EscrowCreateJob { client: None, .. }))
    else {
        return Ok(());
    };
    let Some(escrow) = &config.escrow else {
        return Ok(());
    };
    let challenge = escrow_challenge_period(querier, escrow.as_str())?;
    let vote = config
        .voting_period_seconds
        .saturating_add(config.execution_delay_seconds);
    if challenge <= vote {
        return Err(ContractError::InvalidAction {
            index,
            reason: format!(
                "the escrow's challenge period ({challenge} s) ends before a proposal can dispute usage (voting plus timelock: {vote} s): name a steward `client` for this job"
            ),
        });
    }
    Ok(())
}
