//! Votes, counted with the voter's power at the proposal's snapshot height.

use commons::governance::{Status, Tally, Vote, MAX_RATIONALE_LEN};
use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, StdError, Uint128};

use crate::error::ContractError;
use crate::proposal::{load_proposal, non_voting, status_name};
use crate::state::{ballot_key, ConfigBytes, StoredBallot};
use crate::tally::Outcome;
use crate::token::voting_power_at;

fn bucket(tally: &mut Tally, vote: Vote) -> &mut Uint128 {
    match vote {
        Vote::Yes => &mut tally.yes,
        Vote::No => &mut tally.no,
        Vote::Abstain => &mut tally.abstain,
        Vote::Veto => &mut tally.veto,
    }
}

pub fn execute_vote(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    proposal_id: u64,
    vote: Vote,
    rationale: Option<String>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    if rationale
        .as_ref()
        .is_some_and(|r| r.len() > MAX_RATIONALE_LEN)
    {
        return Err(ContractError::InvalidProposal {
            reason: format!("a rationale is at most {MAX_RATIONALE_LEN} bytes"),
        });
    }
    let config = ConfigBytes::load(deps.storage)?;
    let contracts = config.contracts()?;
    let mut proposal = load_proposal(deps.storage, proposal_id)?;
    let now = env.block.time;
    let status = proposal.status(now);
    if status != Status::Open {
        return Err(ContractError::VotingClosed {
            proposal_id,
            status,
        });
    }
    let voter = info.sender;
    let suite = non_voting(
        env.contract.address.as_str(),
        contracts.treasury,
        contracts.escrow,
    );
    if suite.contains(&voter.as_str()) {
        return Err(ContractError::ContractCannotVote);
    }
    let height = proposal.snapshot_height();
    let power = voting_power_at(&deps.querier, contracts.token, voter.as_str(), height)?;
    if power.is_zero() {
        return Err(ContractError::ZeroVotingPower { height });
    }
    let mut tally = proposal.tally();
    let ballot_key = ballot_key(proposal_id, &voter);
    if let Some(old) = StoredBallot::may_load(deps.storage, &ballot_key)? {
        if !proposal.allow_revoting() {
            return Err(ContractError::AlreadyVoted { proposal_id });
        }
        let slot = bucket(&mut tally, old.vote);
        *slot = slot.checked_sub(old.power).map_err(StdError::overflow)?;
    }
    let slot = bucket(&mut tally, vote);
    *slot = slot.checked_add(power).map_err(StdError::overflow)?;
    StoredBallot {
        vote,
        power,
        rationale,
        reward_claimed: false,
    }
    .save(deps.storage, &ballot_key);
    proposal.set_tally(&tally);
    // voting was open: it still is, unless this vote made the outcome final
    let status_after = match proposal.note_vote(&tally, now) {
        None => Status::Open,
        Some(Outcome::Passed) => Status::Passed,
        Some(Outcome::Rejected) => Status::Rejected,
        Some(Outcome::Vetoed) => Status::Vetoed,
    };
    proposal.save(deps.storage, proposal_id);
    let vote_name = match vote {
        Vote::Yes => "yes",
        Vote::No => "no",
        Vote::Abstain => "abstain",
        Vote::Veto => "veto",
    };
    Ok(Response::new()
        .add_attribute("action", "vote")
        .add_attribute("proposal_id", proposal_id.to_string())
        .add_attribute("voter", voter)
        .add_attribute("vote", vote_name)
        .add_attribute("power", power)
        .add_attribute("status", status_name(status_after)))
}
