//! Voter rewards: minted on the reward token as one vesting grant per claim.

use commons::governance::{PendingReward, PendingRewardsResponse, Status, VoterRewardsConfig};
use commons::pagination::ensure_bounded_unique;
use commons::reward_token::ExecuteMsg as TokenMsg;
use commons::vesting::VestingSchedule;
use cosmwasm_std::{
    to_json_binary, Addr, Deps, DepsMut, Env, MessageInfo, Response, StdError, Storage, Timestamp,
    Uint128, WasmMsg,
};

use crate::error::ContractError;
use crate::state::{RewardPeriod, BALLOTS, CONFIG, PROPOSALS, REWARD_PERIOD};
use crate::tally::cast;

/// The reward `voter` can claim for one proposal now, or why not.
fn reward_for(
    store: &dyn Storage,
    rewards: &VoterRewardsConfig,
    voter: &Addr,
    proposal_id: u64,
    now: Timestamp,
) -> Result<Uint128, ContractError> {
    let proposal = PROPOSALS
        .may_load(store, proposal_id)?
        .ok_or(ContractError::ProposalNotFound { proposal_id })?;
    if proposal.status(now) == Status::Open {
        return Err(ContractError::VotingNotFinished { proposal_id });
    }
    let cast = Uint128::try_from(cast(&proposal.tally)).map_err(StdError::from)?;
    if cast.is_zero() || cast < proposal.total_power.mul_ceil(rewards.min_turnout) {
        return Err(ContractError::TurnoutTooLow { proposal_id });
    }
    let ballot = BALLOTS
        .may_load(store, (proposal_id, voter))?
        .ok_or(ContractError::DidNotVote { proposal_id })?;
    if ballot.reward_claimed {
        return Err(ContractError::RewardAlreadyClaimed { proposal_id });
    }
    // Rounded down: the sum over all voters never exceeds amount_per_proposal.
    Ok(rewards
        .amount_per_proposal
        .multiply_ratio(ballot.power, cast))
}

/// The reward period that contains `now` (fixed buckets from the first period's start).
fn current_period(
    store: &dyn Storage,
    rewards: &VoterRewardsConfig,
    now: Timestamp,
) -> Result<RewardPeriod, ContractError> {
    let mut period = REWARD_PERIOD.load(store)?;
    let elapsed = now.seconds().saturating_sub(period.start.seconds());
    if elapsed >= rewards.period_seconds {
        let skipped = elapsed / rewards.period_seconds;
        period = RewardPeriod {
            start: period.start.plus_seconds(skipped * rewards.period_seconds),
            paid: Uint128::zero(),
        };
    }
    Ok(period)
}

pub fn execute_claim_vote_rewards(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    proposal_ids: Vec<u64>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    ensure_bounded_unique(&proposal_ids)?;
    let config = CONFIG.load(deps.storage)?;
    let rewards = config.voter_rewards.ok_or(ContractError::RewardsDisabled)?;
    let now = env.block.time;
    let voter = info.sender;

    let mut total = Uint128::zero();
    for id in &proposal_ids {
        let amount = reward_for(deps.storage, &rewards, &voter, *id, now)?;
        total = total.checked_add(amount).map_err(StdError::overflow)?;
        BALLOTS.update(deps.storage, (*id, &voter), |b| match b {
            Some(mut b) => {
                b.reward_claimed = true;
                Ok(b)
            }
            None => Err(ContractError::DidNotVote { proposal_id: *id }),
        })?;
    }
    if total.is_zero() {
        return Err(ContractError::ZeroReward);
    }
    let mut period = current_period(deps.storage, &rewards, now)?;
    let available = rewards.max_per_period.saturating_sub(period.paid);
    if total > available {
        return Err(ContractError::RewardBudgetExhausted {
            requested: total,
            available,
            next_period_at: period.start.plus_seconds(rewards.period_seconds),
        });
    }
    period.paid += total;
    REWARD_PERIOD.save(deps.storage, &period)?;

    let grant = WasmMsg::Execute {
        contract_addr: config.token.to_string(),
        msg: to_json_binary(&TokenMsg::MintVesting {
            recipient: voter.to_string(),
            amount: total,
            schedule: VestingSchedule {
                start_time: now,
                cliff_seconds: rewards.vesting.cliff_seconds,
                duration_seconds: rewards.vesting.duration_seconds,
            },
            revocable: false,
        })?,
        funds: vec![],
    };
    let ids: Vec<String> = proposal_ids.iter().map(u64::to_string).collect();
    Ok(Response::new()
        .add_message(grant)
        .add_attribute("action", "claim_vote_rewards")
        .add_attribute("voter", voter)
        .add_attribute("amount", total)
        .add_attribute("proposal_ids", ids.join(",")))
}

pub fn query_pending_rewards(
    deps: Deps,
    env: Env,
    voter: String,
    proposal_ids: Vec<u64>,
) -> Result<PendingRewardsResponse, ContractError> {
    ensure_bounded_unique(&proposal_ids)?;
    let voter = deps.api.addr_validate(&voter)?;
    let config = CONFIG.load(deps.storage)?;
    let rewards = config.voter_rewards.ok_or(ContractError::RewardsDisabled)?;
    let now = env.block.time;
    let mut total = Uint128::zero();
    let mut list = Vec::with_capacity(proposal_ids.len());
    for id in proposal_ids {
        let (amount, unavailable) = match reward_for(deps.storage, &rewards, &voter, id, now) {
            Ok(amount) => (amount, None),
            Err(e) => (Uint128::zero(), Some(e.to_string())),
        };
        total = total.saturating_add(amount);
        list.push(PendingReward {
            proposal_id: id,
            amount,
            unavailable,
        });
    }
    let period = current_period(deps.storage, &rewards, now)?;
    Ok(PendingRewardsResponse {
        rewards: list,
        total,
        period_remaining: rewards.max_per_period.saturating_sub(period.paid),
    })
}
