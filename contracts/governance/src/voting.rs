//! Votes, counted with the voter's power at the proposal's snapshot height.

use commons::governance::{Status, Tally, Vote, MAX_RATIONALE_LEN};
use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, StdError, Uint128};

use crate::error::ContractError;
use crate::proposal::{status_name, voter_power};
use crate::state::{StoredBallot, BALLOTS, CONFIG, PROPOSALS};

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
    let config = CONFIG.load(deps.storage)?;
    let mut proposal = PROPOSALS
        .may_load(deps.storage, proposal_id)?
        .ok_or(ContractError::ProposalNotFound { proposal_id })?;
    let now = env.block.time;
    let status = proposal.status(now);
    if status != Status::Open {
        return Err(ContractError::VotingClosed {
            proposal_id,
            status,
        });
    }
    let voter = info.sender;
    let suite = [
        Some(&env.contract.address),
        config.treasury.as_ref(),
        config.escrow.as_ref(),
    ];
    if suite.into_iter().flatten().any(|c| *c == voter) {
        return Err(ContractError::ContractCannotVote);
    }
    let power = voter_power(deps.as_ref(), &config, &voter, proposal.snapshot_height)?;
    if power.is_zero() {
        return Err(ContractError::ZeroVotingPower {
            height: proposal.snapshot_height,
        });
    }
    if let Some(old) = BALLOTS.may_load(deps.storage, (proposal_id, &voter))? {
        if !proposal.allow_revoting {
            return Err(ContractError::AlreadyVoted { proposal_id });
        }
        let slot = bucket(&mut proposal.tally, old.vote);
        *slot = slot.checked_sub(old.power).map_err(StdError::overflow)?;
    }
    let slot = bucket(&mut proposal.tally, vote);
    *slot = slot.checked_add(power).map_err(StdError::overflow)?;
    BALLOTS.save(
        deps.storage,
        (proposal_id, &voter),
        &StoredBallot {
            vote,
            power,
            rationale,
            reward_claimed: false,
        },
    )?;
    proposal.note_vote(now);
    PROPOSALS.save(deps.storage, proposal_id, &proposal)?;
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
        .add_attribute("status", status_name(proposal.status(now))))
}
