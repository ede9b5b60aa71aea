//! Creating proposals, and their status over time.

use commons::asset::{Asset, AssetInfo};
use commons::governance::{ProposalAction, Status, Tally, MAX_DESCRIPTION_LEN, MAX_TITLE_LEN};
use cosmwasm_std::{
    Addr, Deps, DepsMut, Env, MessageInfo, Response, StdResult, Storage, Timestamp, Uint128,
};

use crate::actions::{check_actions, check_dao_client_jobs, prepare_messages};
use crate::error::ContractError;
use crate::state::{
    deposits, enter_period, next_proposal_id, save_actions, save_text, Config, NewProposal,
    Proposal,
};
use crate::tally::{early_outcome, final_outcome, Outcome};
use crate::token::{total_power_excluding, voting_power_at};

/// Where a proposal stands at a given time.
pub struct Standing {
    pub status: Status,
    /// When the outcome became final, if it has.
    pub decided_at: Option<Timestamp>,
    /// Execution window `[executable_at, deadline)` of a passed proposal.
    pub window: Option<(Timestamp, Timestamp)>,
}

impl Proposal {
    /// When the outcome became (or becomes) final, and what it is; `None` while open.
    fn decision(&self, now: Timestamp) -> Option<(Outcome, Timestamp)> {
        let voting_ends_at = self.voting_ends_at();
        let at = match self.decided_at() {
            Some(t) if now >= t => t,
            _ if now >= voting_ends_at => voting_ends_at,
            _ => return None,
        };
        let outcome = final_outcome(&self.threshold(), &self.tally(), self.total_power());
        Some((outcome, at))
    }

    /// Status, decision time and execution window at block time `now`.
    pub fn standing(&self, now: Timestamp) -> Standing {
        let decision = self.decision(now);
        let window = match decision {
            Some((Outcome::Passed, at)) => {
                let executable_at = at.plus_seconds(self.execution_delay_seconds());
                Some((
                    executable_at,
                    executable_at.plus_seconds(self.execution_window_seconds()),
                ))
            }
            _ => None,
        };
        let status = match (self.stored_status(), decision) {
            (Status::Open, None) => Status::Open,
            (Status::Open, Some((Outcome::Rejected, _))) => Status::Rejected,
            (Status::Open, Some((Outcome::Vetoed, _))) => Status::Vetoed,
            (Status::Open, Some((Outcome::Passed, _))) => match window {
                Some((_, deadline)) if now >= deadline => Status::Expired,
                _ => Status::Passed,
            },
            // executed or closed: final
            (stored, _) => stored,
        };
        Standing {
            status,
            decided_at: decision.map(|(_, at)| at),
            window,
        }
    }

    /// The status at block time `now`.
    pub fn status(&self, now: Timestamp) -> Status {
        match self.stored_status() {
            Status::Open => self.standing(now).status,
            stored => stored,
        }
    }

    /// After a vote that left `tally`: records the moment the outcome became certain (never
    /// with revoting, never before the minimum voting period). Returns the outcome if it is
    /// final from `now` on.
    pub fn note_vote(&mut self, tally: &Tally, now: Timestamp) -> Option<Outcome> {
        if self.allow_revoting() || self.decided_at().is_some() {
            return None;
        }
        let outcome = early_outcome(&self.threshold(), tally, self.total_power())?;
        let at = now.max(self.min_voting_ends_at());
        self.set_decided_at(at);
        (at <= now).then_some(outcome)
    }
}

/// The suite's own contracts (governance itself, the treasury, the escrow): they never vote,
/// and their power is not part of a proposal's total.
pub fn non_voting<'a>(
    governance: &'a str,
    treasury: Option<&'a str>,
    escrow: Option<&'a str>,
) -> Vec<&'a str> {
    [Some(governance), treasury, escrow]
        .into_iter()
        .flatten()
        .collect()
}

/// Power that can vote at `height`: the token's total less what the suite's own contracts
/// hold (they never vote, so they must not count against quorum), read in one query.
pub fn votable_power(deps: Deps, env: &Env, config: &Config, height: u64) -> StdResult<Uint128> {
    let excluding = non_voting(
        env.contract.address.as_str(),
        config.treasury.as_ref().map(Addr::as_str),
        config.escrow.as_ref().map(Addr::as_str),
    );
    total_power_excluding(&deps.querier, config.token.as_str(), height, &excluding)
}

/// Checks the deposit that came with the proposal: exactly the configured asset and amount.
fn check_deposit(config: &Config, deposit: Option<Asset>) -> Result<Option<Asset>, ContractError> {
    match (&config.proposal_deposit, deposit) {
        (None, None) => Ok(None),
        (None, Some(_)) => Err(ContractError::NoDepositRequired),
        (Some(required), None) => Err(match &required.asset_info {
            AssetInfo::Cw20(token) => ContractError::DepositViaCw20 {
                asset: token.to_string(),
                amount: required.amount,
            },
            AssetInfo::Native(denom) => ContractError::WrongDeposit {
                expected: format!("{}{}", required.amount, denom),
                got: "nothing".into(),
            },
        }),
        (Some(required), Some(got)) => {
            if got.info != required.asset_info || got.amount != required.amount {
                return Err(ContractError::WrongDeposit {
                    expected: Asset {
                        info: required.asset_info.clone(),
                        amount: required.amount,
                    }
                    .to_string(),
                    got: got.to_string(),
                });
            }
            Ok(Some(got))
        }
    }
}

/// The native deposit attached to a direct `propose`, if any.
pub fn native_deposit(config: &Config, info: &MessageInfo) -> Result<Option<Asset>, ContractError> {
    match &config.proposal_deposit {
        Some(d) => match &d.asset_info {
            AssetInfo::Native(denom) => {
                let amount = cw_utils::must_pay(info, denom)?;
                Ok(Some(Asset {
                    info: d.asset_info.clone(),
                    amount,
                }))
            }
            // a cw20 deposit cannot come with a direct call; funds are refused
            AssetInfo::Cw20(_) => {
                cw_utils::nonpayable(info)?;
                Ok(None)
            }
        },
        None => {
            cw_utils::nonpayable(info)?;
            Ok(None)
        }
    }
}

#[allow(clippy::too_many_arguments)]
pub fn create_proposal(
    deps: DepsMut,
    env: Env,
    // the configuration and its reward epoch, both from the one read of the stored record
    (config, reward_epoch): (&Config, (u64, Timestamp)),
    proposer: Addr,
    title: String,
    description: String,
    actions: Vec<ProposalAction>,
    deposit: Option<Asset>,
) -> Result<Response, ContractError> {
    let deposit = check_deposit(config, deposit)?;
    if title.trim().is_empty() || title.len() > MAX_TITLE_LEN {
        return Err(ContractError::InvalidProposal {
            reason: format!("the title must be 1 to {MAX_TITLE_LEN} bytes"),
        });
    }
    if description.len() > MAX_DESCRIPTION_LEN {
        return Err(ContractError::InvalidProposal {
            reason: format!("the description must be at most {MAX_DESCRIPTION_LEN} bytes"),
        });
    }
    check_actions(deps.api, config, env.block.time, &actions)?;
    check_dao_client_jobs(&deps.querier, config, &actions)?;

    // Votes count power as it stood at the start of this block: nothing bought, borrowed or
    // delegated in this block or later adds votes.
    let snapshot_height = env.block.height;
    // without a minimum, any power will do: no need to ask
    if !config.min_proposer_power.is_zero() {
        let power = voting_power_at(
            &deps.querier,
            config.token.as_str(),
            proposer.as_str(),
            snapshot_height,
        )?;
        if power < config.min_proposer_power {
            return Err(ContractError::InsufficientProposerPower {
                required: config.min_proposer_power,
                power,
            });
        }
    }
    let total_power = votable_power(deps.as_ref(), &env, config, snapshot_height)?;
    if total_power.is_zero() {
        return Err(ContractError::NoVotingPower);
    }

    let id = next_proposal_id(deps.storage)?;
    let now = env.block.time;
    let refund = config
        .proposal_deposit
        .as_ref()
        .map(|d| d.refund)
        .unwrap_or(commons::governance::RefundPolicy::Never);
    let action_count = actions.len() as u32;
    let chain_messages = actions
        .iter()
        .any(|a| matches!(a, ProposalAction::Custom { .. }));
    let mut proposal = Proposal::new(NewProposal {
        proposer: &proposer,
        action_count,
        total_power,
        snapshot_height,
        created_at: now,
        voting_ends_at: now.plus_seconds(config.voting_period_seconds),
        min_voting_ends_at: now.plus_seconds(config.min_voting_period_seconds),
        threshold: &config.threshold,
        allow_revoting: config.allow_revoting,
        execution_delay_seconds: config.execution_delay_seconds,
        execution_window_seconds: config.execution_window_seconds,
        deposit: deposit.as_ref(),
        refund,
        chain_messages,
    });
    // the proposal counts in its reward period's divisor whatever its turnout, and pays with
    // that period's settings
    if let Some(rewards) = &config.voter_rewards {
        let period = enter_period(deps.storage, reward_epoch, rewards, now)?;
        proposal.set_reward_period(reward_epoch.0, period);
    }
    proposal.save(deps.storage, id);
    if let Some(deposit) = &deposit {
        // held apart until the proposal is settled (see `state::deposits`)
        deposits::hold(deps.storage, deposit)?;
    }
    save_text(deps.storage, id, &title, &description);
    save_actions(deps.storage, id, actions, prepare_messages)?;
    Ok(Response::new()
        .add_attribute("action", "propose")
        .add_attribute("proposal_id", id.to_string())
        .add_attribute("proposer", proposer)
        .add_attribute("snapshot_height", snapshot_height.to_string())
        .add_attribute("total_power", total_power)
        .add_attribute("actions", action_count.to_string())
        .add_attribute(
            "deposit",
            deposit
                .map(|d| d.to_string())
                .unwrap_or_else(|| "none".into()),
        ))
}

/// The voting record of proposal `id`, or `ProposalNotFound`: one copy of the lookup and of
/// its error, which every handler of a proposal would otherwise inline.
#[inline(never)]
pub fn load_proposal(store: &dyn Storage, id: u64) -> Result<Proposal, ContractError> {
    Proposal::may_load(store, id)?.ok_or(ContractError::ProposalNotFound { proposal_id: id })
}

/// The JSON (snake_case) name of a status, for event attributes.
pub fn status_name(status: Status) -> &'static str {
    match status {
        Status::Open => "open",
        Status::Passed => "passed",
        Status::Rejected => "rejected",
        Status::Vetoed => "vetoed",
        Status::Executed => "executed",
        Status::ExecutionFailed => "execution_failed",
        Status::Expired => "expired",
        Status::Closed => "closed",
    }
}
