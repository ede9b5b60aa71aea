//! Creating proposals, and their status over time.

use commons::asset::{Asset, AssetInfo};
use commons::governance::{ProposalAction, Status, Tally, MAX_DESCRIPTION_LEN, MAX_TITLE_LEN};
use commons::reward_token::{
    QueryMsg as TokenQuery, TotalPowerAtHeightResponse, VotingPowerAtHeightResponse,
};
use cosmwasm_std::{
    Addr, Deps, DepsMut, Env, MessageInfo, Response, StdResult, Timestamp, Uint128,
};

use crate::actions::check_actions;
use crate::error::ContractError;
use crate::state::{
    Config, Proposal, ProposalContent, CONFIG, PROPOSALS, PROPOSAL_CONTENTS, PROPOSAL_SEQ,
};
use crate::tally::{early_outcome, final_outcome, Outcome};

impl Proposal {
    /// When the outcome became (or becomes) final, and what it is; `None` while open.
    pub fn decision(&self, now: Timestamp) -> Option<(Outcome, Timestamp)> {
        let at = match self.decided_at {
            Some(t) if now >= t => t,
            _ if now >= self.voting_ends_at => self.voting_ends_at,
            _ => return None,
        };
        Some((
            final_outcome(&self.threshold, &self.tally, self.total_power),
            at,
        ))
    }

    /// Execution window `[executable_at, deadline)` of a passed proposal.
    pub fn execution_window(&self, now: Timestamp) -> Option<(Timestamp, Timestamp)> {
        match self.decision(now) {
            Some((Outcome::Passed, at)) => {
                let executable_at = at.plus_seconds(self.execution_delay_seconds);
                Some((
                    executable_at,
                    executable_at.plus_seconds(self.execution_window_seconds),
                ))
            }
            _ => None,
        }
    }

    /// The status at block time `now`.
    pub fn status(&self, now: Timestamp) -> Status {
        if self.stored_status != Status::Open {
            return self.stored_status;
        }
        match self.decision(now) {
            None => Status::Open,
            Some((Outcome::Rejected, _)) => Status::Rejected,
            Some((Outcome::Vetoed, _)) => Status::Vetoed,
            Some((Outcome::Passed, _)) => match self.execution_window(now) {
                Some((_, deadline)) if now >= deadline => Status::Expired,
                _ => Status::Passed,
            },
        }
    }

    /// After a vote: records the moment the outcome became certain (never with revoting,
    /// never before the minimum voting period).
    pub fn note_vote(&mut self, now: Timestamp) {
        if self.allow_revoting || self.decided_at.is_some() {
            return;
        }
        if early_outcome(&self.threshold, &self.tally, self.total_power).is_some() {
            self.decided_at = Some(now.max(self.min_voting_ends_at));
        }
    }
}

fn power_at(deps: Deps, token: &Addr, address: &Addr, height: u64) -> StdResult<Uint128> {
    let res: VotingPowerAtHeightResponse = deps.querier.query_wasm_smart(
        token,
        &TokenQuery::VotingPowerAtHeight {
            address: address.to_string(),
            height: Some(height),
        },
    )?;
    Ok(res.power)
}

/// Power that can vote at `height`: the token's total less what the suite's own contracts
/// hold (governance, treasury, escrow never vote, so they must not count against quorum).
pub fn votable_power(deps: Deps, env: &Env, config: &Config, height: u64) -> StdResult<Uint128> {
    let total: TotalPowerAtHeightResponse = deps.querier.query_wasm_smart(
        &config.token,
        &TokenQuery::TotalPowerAtHeight {
            height: Some(height),
        },
    )?;
    let mut power = total.power;
    let suite = [
        Some(&env.contract.address),
        config.treasury.as_ref(),
        config.escrow.as_ref(),
    ];
    for contract in suite.into_iter().flatten() {
        power = power.saturating_sub(power_at(deps, &config.token, contract, height)?);
    }
    Ok(power)
}

/// The voting power of `voter` at `height`.
pub fn voter_power(deps: Deps, config: &Config, voter: &Addr, height: u64) -> StdResult<Uint128> {
    power_at(deps, &config.token, voter, height)
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

pub fn create_proposal(
    deps: DepsMut,
    env: Env,
    proposer: Addr,
    title: String,
    description: String,
    actions: Vec<ProposalAction>,
    deposit: Option<Asset>,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let deposit = check_deposit(&config, deposit)?;
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
    check_actions(deps.api, &config, &actions)?;

    // Votes count power as it stood at the start of this block: nothing bought, borrowed or
    // delegated in this block or later adds votes.
    let snapshot_height = env.block.height;
    let power = voter_power(deps.as_ref(), &config, &proposer, snapshot_height)?;
    if power < config.min_proposer_power {
        return Err(ContractError::InsufficientProposerPower {
            required: config.min_proposer_power,
            power,
        });
    }
    let total_power = votable_power(deps.as_ref(), &env, &config, snapshot_height)?;
    if total_power.is_zero() {
        return Err(ContractError::NoVotingPower);
    }

    let id = PROPOSAL_SEQ.may_load(deps.storage)?.unwrap_or_default() + 1;
    PROPOSAL_SEQ.save(deps.storage, &id)?;
    let now = env.block.time;
    let refund = config
        .proposal_deposit
        .as_ref()
        .map(|d| d.refund)
        .unwrap_or(commons::governance::RefundPolicy::Never);
    let proposal = Proposal {
        proposer: proposer.clone(),
        action_count: actions.len() as u32,
        stored_status: Status::Open,
        closed_as: None,
        tally: Tally::default(),
        total_power,
        snapshot_height,
        created_at: now,
        voting_ends_at: now.plus_seconds(config.voting_period_seconds),
        min_voting_ends_at: now.plus_seconds(config.min_voting_period_seconds),
        decided_at: None,
        threshold: config.threshold.clone(),
        allow_revoting: config.allow_revoting,
        execution_delay_seconds: config.execution_delay_seconds,
        execution_window_seconds: config.execution_window_seconds,
        deposit_settled: deposit.is_none(),
        deposit: deposit.clone(),
        refund,
        execution_error: None,
    };
    PROPOSALS.save(deps.storage, id, &proposal)?;
    PROPOSAL_CONTENTS.save(
        deps.storage,
        id,
        &ProposalContent {
            title,
            description,
            actions,
        },
    )?;
    Ok(Response::new()
        .add_attribute("action", "propose")
        .add_attribute("proposal_id", id.to_string())
        .add_attribute("proposer", proposer)
        .add_attribute("snapshot_height", snapshot_height.to_string())
        .add_attribute("total_power", total_power)
        .add_attribute("actions", proposal.action_count.to_string())
        .add_attribute(
            "deposit",
            deposit
                .map(|d| d.to_string())
                .unwrap_or_else(|| "none".into()),
        ))
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
