//! Read-only queries.

use commons::governance::{
    Ballot, ConfigResponse, ProposalListResponse, ProposalResponse, QueryMsg, ThresholdResponse,
    VoteListResponse, VoteResponse, VotingPowerResponse,
};
use commons::pagination::page_limit;
use commons::reward_token::{QueryMsg as TokenQuery, VotingPowerAtHeightResponse};
use cosmwasm_std::{to_json_binary, Addr, Binary, Deps, Env, Order, StdError, StdResult};
use cw_storage_plus::Bound;

use crate::proposal::votable_power;
use crate::rewards::query_pending_rewards;
use crate::state::{
    Proposal, ProposalContent, StoredBallot, BALLOTS, CONFIG, PROPOSALS, PROPOSAL_CONTENTS,
};

pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> StdResult<Binary> {
    match msg {
        QueryMsg::Config {} => to_json_binary(&query_config(deps)?),
        QueryMsg::Proposal { proposal_id } => {
            let proposal = PROPOSALS
                .may_load(deps.storage, proposal_id)?
                .ok_or_else(|| StdError::not_found(format!("proposal {proposal_id}")))?;
            let content = PROPOSAL_CONTENTS.load(deps.storage, proposal_id)?;
            to_json_binary(&proposal_response(proposal_id, proposal, content, &env))
        }
        QueryMsg::ListProposals { start_after, limit } => to_json_binary(&list_proposals(
            deps,
            &env,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
            limit,
        )?),
        QueryMsg::ReverseProposals {
            start_before,
            limit,
        } => to_json_binary(&list_proposals(
            deps,
            &env,
            None,
            start_before.map(Bound::exclusive),
            Order::Descending,
            limit,
        )?),
        QueryMsg::Vote { proposal_id, voter } => {
            let voter = deps.api.addr_validate(&voter)?;
            let ballot = BALLOTS
                .may_load(deps.storage, (proposal_id, &voter))?
                .map(|b| ballot(voter, b));
            to_json_binary(&VoteResponse { ballot })
        }
        QueryMsg::ListVotes {
            proposal_id,
            start_after,
            limit,
        } => {
            let start = start_after
                .map(|a| deps.api.addr_validate(&a))
                .transpose()?;
            let votes = BALLOTS
                .prefix(proposal_id)
                .range(
                    deps.storage,
                    start.as_ref().map(Bound::exclusive),
                    None,
                    Order::Ascending,
                )
                .take(page_limit(limit))
                .map(|r| r.map(|(voter, b)| ballot(voter, b)))
                .collect::<StdResult<_>>()?;
            to_json_binary(&VoteListResponse { votes })
        }
        QueryMsg::VotingPower { address, height } => {
            let config = CONFIG.load(deps.storage)?;
            let res: VotingPowerAtHeightResponse = deps.querier.query_wasm_smart(
                &config.token,
                &TokenQuery::VotingPowerAtHeight { address, height },
            )?;
            to_json_binary(&VotingPowerResponse {
                power: res.power,
                height: res.height,
            })
        }
        QueryMsg::PendingVoteRewards {
            voter,
            proposal_ids,
        } => to_json_binary(
            &query_pending_rewards(deps, env, voter, proposal_ids)
                .map_err(|e| StdError::generic_err(e.to_string()))?,
        ),
        QueryMsg::Threshold {} => {
            let config = CONFIG.load(deps.storage)?;
            let total_power = votable_power(deps, &env, &config, env.block.height)?;
            to_json_binary(&ThresholdResponse {
                threshold: config.threshold,
                total_power,
            })
        }
    }
}

fn query_config(deps: Deps) -> StdResult<ConfigResponse> {
    CONFIG.load(deps.storage)
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
    id: u64,
    p: Proposal,
    content: ProposalContent,
    env: &Env,
) -> ProposalResponse {
    let now = env.block.time;
    let status = p.status(now);
    let window = p.execution_window(now);
    let decided_at = p.decision(now).map(|(_, at)| at);
    ProposalResponse {
        id,
        status,
        closed_as: p.closed_as,
        tally: p.tally,
        total_power: p.total_power,
        snapshot_height: p.snapshot_height,
        created_at: p.created_at,
        voting_ends_at: p.voting_ends_at,
        min_voting_ends_at: p.min_voting_ends_at,
        decided_at,
        executable_at: window.map(|w| w.0),
        execution_deadline: window.map(|w| w.1),
        threshold: p.threshold,
        allow_revoting: p.allow_revoting,
        deposit: p.deposit,
        deposit_settled: p.deposit_settled,
        execution_error: p.execution_error,
        title: content.title,
        description: content.description,
        proposer: p.proposer,
        actions: content.actions,
    }
}

fn list_proposals(
    deps: Deps,
    env: &Env,
    min: Option<Bound<u64>>,
    max: Option<Bound<u64>>,
    order: Order,
    limit: Option<u32>,
) -> StdResult<ProposalListResponse> {
    let proposals = PROPOSALS
        .range(deps.storage, min, max, order)
        .take(page_limit(limit))
        .map(|r| {
            let (id, p) = r?;
            let content = PROPOSAL_CONTENTS.load(deps.storage, id)?;
            Ok(proposal_response(id, p, content, env))
        })
        .collect::<StdResult<_>>()?;
    Ok(ProposalListResponse { proposals })
}
