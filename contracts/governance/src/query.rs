//! Read-only queries. Answers are written by the derived `ToJson` of their types (serde's
//! bytes), so governance carries no serde serializer of its responses.

use commons::governance::{
    Ballot, ConfigResponse, ProposalListResponse, ProposalResponse, QueryMsg, Status,
    ThresholdResponse, VoteListResponse, VoteResponse, VotingPowerResponse,
};
use commons::pagination::page_limit;
use commons_json::to_binary;
use cosmwasm_std::{Addr, Binary, Deps, Env, Order, StdError, StdResult};

use crate::proposal::votable_power;
use crate::rewards::query_pending_rewards;
use crate::state::{
    ballot_key, deposits, load_config, load_execution_error, load_text, proposal_key, Proposal,
    StoredActions, StoredBallot, BALLOTS,
};
use crate::token::voting_power;
use commons::codec::{id_addr_key, id_prefix, prefix_end};

pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> StdResult<Binary> {
    match msg {
        QueryMsg::Config {} => to_binary(&query_config(deps)?),
        QueryMsg::Proposal { proposal_id } => {
            let proposal = Proposal::may_load(deps.storage, proposal_id)?
                .ok_or_else(|| StdError::not_found(format!("proposal {proposal_id}")))?;
            to_binary(&proposal_response(deps, proposal_id, proposal, &env)?)
        }
        QueryMsg::ListProposals { start_after, limit } => {
            let (first, end) = Proposal::key_range();
            // the first key after `start_after`'s
            let start = start_after.map_or(first, |id| {
                let mut key = proposal_key(id);
                key.push(0);
                key
            });
            to_binary(&list_proposals(
                deps,
                &env,
                start,
                end,
                Order::Ascending,
                limit,
            )?)
        }
        QueryMsg::ReverseProposals {
            start_before,
            limit,
        } => {
            let (start, last) = Proposal::key_range();
            let end = start_before.map_or(last, proposal_key);
            to_binary(&list_proposals(
                deps,
                &env,
                start,
                end,
                Order::Descending,
                limit,
            )?)
        }
        QueryMsg::GetVote { proposal_id, voter } => {
            let voter = deps.api.addr_validate(&voter)?;
            let ballot = StoredBallot::may_load(deps.storage, &ballot_key(proposal_id, &voter))?
                .map(|b| ballot(voter, b));
            to_binary(&VoteResponse { ballot })
        }
        QueryMsg::ListVotes {
            proposal_id,
            start_after,
            limit,
        } => {
            let prefix = id_prefix(BALLOTS, proposal_id);
            let start = match start_after {
                // the first key after `start_after`'s
                Some(after) => {
                    let after = deps.api.addr_validate(&after)?;
                    let mut key = id_addr_key(BALLOTS, proposal_id, after.as_bytes());
                    key.push(0);
                    key
                }
                None => prefix.clone(),
            };
            let end = prefix_end(&prefix);
            let votes = deps
                .storage
                .range(Some(&start), Some(&end), Order::Ascending)
                .take(page_limit(limit))
                .map(|(key, value)| {
                    let voter = String::from_utf8(key[prefix.len()..].to_vec())
                        .map_err(|_| StdError::parse_err("ballot", "voter is not UTF-8"))?;
                    Ok(ballot(
                        Addr::unchecked(voter),
                        StoredBallot::decode(&value)?,
                    ))
                })
                .collect::<StdResult<_>>()?;
            to_binary(&VoteListResponse { votes })
        }
        QueryMsg::VotingPower { address, height } => {
            let config = load_config(deps.storage)?;
            let res = voting_power(&deps.querier, config.token.as_str(), &address, height)?;
            to_binary(&VotingPowerResponse {
                power: res.power,
                height: res.height,
            })
        }
        QueryMsg::PendingVoteRewards {
            voter,
            proposal_ids,
        } => to_binary(
            &query_pending_rewards(deps, env, voter, proposal_ids)
                .map_err(|e| StdError::generic_err(e.to_string()))?,
        ),
        QueryMsg::Threshold {} => {
            let config = load_config(deps.storage)?;
            let total_power = votable_power(deps, &env, &config, env.block.height)?;
            to_binary(&ThresholdResponse {
                threshold: config.threshold,
                total_power,
            })
        }
    }
}

fn query_config(deps: Deps) -> StdResult<ConfigResponse> {
    load_config(deps.storage)
}

fn ballot(voter: Addr, b: StoredBallot) -> Ballot {
    Ballot {
        voter,
        vote: b.vote,
        power: b.power,
        rationale: b.rationale,
        reward_claimed: b.reward_claimed,
    }
}

pub fn proposal_response(
    deps: Deps,
    id: u64,
    p: Proposal,
    env: &Env,
) -> StdResult<ProposalResponse> {
    let (title, description) = load_text(deps.storage, id)?;
    let actions = StoredActions::load(deps.storage, id)?.parse()?;
    let execution_error = match p.stored_status() {
        Status::ExecutionFailed => load_execution_error(deps.storage, id)?,
        _ => None,
    };
    let standing = p.standing(env.block.time);
    Ok(ProposalResponse {
        id,
        status: standing.status,
        closed_as: p.closed_as(),
        tally: p.tally(),
        total_power: p.total_power(),
        snapshot_height: p.snapshot_height(),
        created_at: p.created_at(),
        voting_ends_at: p.voting_ends_at(),
        min_voting_ends_at: p.min_voting_ends_at(),
        decided_at: standing.decided_at,
        executable_at: standing.window.map(|w| w.0),
        execution_deadline: standing.window.map(|w| w.1),
        threshold: p.threshold(),
        allow_revoting: p.allow_revoting(),
        deposit: p.deposit()?,
        deposit_settled: p.deposit_settled(),
        deposit_undelivered: deposits::may_load_undelivered(deps.storage, id)?.map(|u| u.asset),
        execution_error,
        title,
        description,
        proposer: p.proposer()?,
        actions,
    })
}

/// Proposals whose record keys are in `[start, end)`, in `order`.
fn list_proposals(
    deps: Deps,
    env: &Env,
    start: Vec<u8>,
    end: Vec<u8>,
    order: Order,
    limit: Option<u32>,
) -> StdResult<ProposalListResponse> {
    let proposals = deps
        .storage
        .range(Some(&start), Some(&end), order)
        .take(page_limit(limit))
        .map(|(key, value)| {
            let (id, p) = Proposal::from_entry(&key, value)?;
            proposal_response(deps, id, p, env)
        })
        .collect::<StdResult<_>>()?;
    Ok(ProposalListResponse { proposals })
}
