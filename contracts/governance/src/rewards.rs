//! Voter rewards: minted on the reward token as one vesting grant per claim.

use commons::governance::{
    PendingReward, PendingRewardsResponse, RewardVesting, Status, VoterRewardsConfig,
};
use commons::pagination::ensure_bounded_unique;
use cosmwasm_std::{
    Addr, CosmosMsg, Deps, DepsMut, Env, MessageInfo, Response, StdError, StdResult, Storage,
    Timestamp, Uint128,
};

use crate::error::ContractError;
use crate::state::{ballot_key, load_config, ConfigBytes, Proposal, RewardPeriod, StoredBallot};
use crate::tally::cast_u128;
use commons::reward_token::ExecuteMsg as TokenMsg;
use commons::vesting::VestingSchedule;

/// The reward `voter` can claim for one proposal now, or why not, with the voter's ballot.
fn reward_for(
    store: &dyn Storage,
    rewards: &VoterRewardsConfig,
    voter: &Addr,
    proposal_id: u64,
    now: Timestamp,
) -> Result<(Uint128, StoredBallot), ContractError> {
    let proposal = Proposal::may_load(store, proposal_id)?
        .ok_or(ContractError::ProposalNotFound { proposal_id })?;
    if proposal.status(now) == Status::Open {
        return Err(ContractError::VotingNotFinished { proposal_id });
    }
    let cast = cast_u128(&proposal.tally())?;
    if cast.is_zero() || cast < proposal.total_power().mul_ceil(rewards.min_turnout) {
        return Err(ContractError::TurnoutTooLow { proposal_id });
    }
    let ballot = StoredBallot::may_load(store, &ballot_key(proposal_id, voter))?
        .ok_or(ContractError::DidNotVote { proposal_id })?;
    if ballot.reward_claimed {
        return Err(ContractError::RewardAlreadyClaimed { proposal_id });
    }
    // Rounded down: the sum over all voters never exceeds amount_per_proposal.
    let amount = rewards
        .amount_per_proposal
        .multiply_ratio(ballot.power, cast);
    Ok((amount, ballot))
}

/// The reward period that contains `now` (fixed buckets from the first period's start).
fn current_period(
    store: &dyn Storage,
    rewards: &VoterRewardsConfig,
    now: Timestamp,
) -> Result<RewardPeriod, ContractError> {
    let mut period = RewardPeriod::load(store)?;
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

/// The token's `mint_vesting` of an irrevocable grant of `amount` to `voter`, vesting from
/// `now`.
fn grant_msg(
    token: &str,
    voter: &Addr,
    amount: Uint128,
    now: Timestamp,
    vesting: &RewardVesting,
) -> StdResult<CosmosMsg> {
    let grant = TokenMsg::MintVesting {
        recipient: voter.to_string(),
        amount,
        schedule: VestingSchedule {
            start_time: now,
            cliff_seconds: vesting.cliff_seconds,
            duration_seconds: vesting.duration_seconds,
        },
        revocable: false,
    };
    commons_json::wasm_execute(token, &grant, vec![])
}

pub fn execute_claim_vote_rewards(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    proposal_ids: Vec<u64>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    ensure_bounded_unique(&proposal_ids)?;
    let config = ConfigBytes::load(deps.storage)?;
    let rewards = config
        .voter_rewards()?
        .ok_or(ContractError::RewardsDisabled)?;
    let now = env.block.time;
    let voter = info.sender;

    let mut total = Uint128::zero();
    for id in &proposal_ids {
        let (amount, mut ballot) = reward_for(deps.storage, &rewards, &voter, *id, now)?;
        total = total.checked_add(amount).map_err(StdError::overflow)?;
        ballot.reward_claimed = true;
        ballot.save(deps.storage, &ballot_key(*id, &voter));
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
    period.save(deps.storage)?;

    let token = config.contracts()?.token;
    let grant = grant_msg(token, &voter, total, now, &rewards.vesting)?;
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
    let config = load_config(deps.storage)?;
    let rewards = config.voter_rewards.ok_or(ContractError::RewardsDisabled)?;
    let now = env.block.time;
    let mut total = Uint128::zero();
    let mut list = Vec::with_capacity(proposal_ids.len());
    for id in proposal_ids {
        let (amount, unavailable) = match reward_for(deps.storage, &rewards, &voter, id, now) {
            Ok((amount, _)) => (amount, None),
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

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::{to_json_binary, WasmMsg};

    #[test]
    fn the_grant_is_the_message_serde_writes() {
        let (token, voter) = (Addr::unchecked("token"), Addr::unchecked("voter"));
        let now = Timestamp::from_seconds(1_700_000_000);
        let vesting = RewardVesting {
            cliff_seconds: 1,
            duration_seconds: 1_000,
        };
        let want: CosmosMsg = WasmMsg::Execute {
            contract_addr: token.to_string(),
            msg: to_json_binary(&TokenMsg::MintVesting {
                recipient: voter.to_string(),
                amount: Uint128::new(444),
                schedule: VestingSchedule {
                    start_time: now,
                    cliff_seconds: 1,
                    duration_seconds: 1_000,
                },
                revocable: false,
            })
            .unwrap(),
            funds: vec![],
        }
        .into();
        assert_eq!(
            grant_msg(token.as_str(), &voter, Uint128::new(444), now, &vesting).unwrap(),
            want
        );
    }
}
