//! Voter rewards: a fixed pool per period, shared equally by the proposals created in the
//! period and, within each, by its voters pro rata to power; minted on the reward token as one
//! vesting grant per claim.
//!
//! A voter of proposal `p`, created in period `P`, earns
//! `floor(pool * power / (proposals created in P * total power of p))`, once `P` has ended
//! and `p` is no longer open, if `p`'s turnout reached `min_turnout`. Nothing depends on other
//! claims, so their order changes nothing; the amounts of one period's proposals add up to at
//! most the pool (each proposal's voters share at most `pool / proposals`); splitting power
//! over accounts only adds rounding losses; and a member who creates proposals only it votes on
//! earns at most its power share of the pool, whatever their number. Each claimed proposal
//! costs a few reads and one write, whatever the number of voters or proposals.

use commons::governance::{PendingReward, PendingRewardsResponse, RewardVesting, Status};
use commons::pagination::ensure_bounded_unique;
use cosmwasm_std::{
    Addr, CosmosMsg, Deps, DepsMut, Env, MessageInfo, Response, StdError, StdResult, Storage,
    Timestamp, Uint128,
};

use crate::error::ContractError;
use crate::state::{ballot_key, ConfigBytes, Proposal, RewardPeriod, StoredBallot};
use crate::tally::turnout_reached;
use commons::reward_token::ExecuteMsg as TokenMsg;
use commons::vesting::VestingSchedule;

/// A proposal and the reward period it pays from, or why it pays no reward.
fn period_of(
    store: &dyn Storage,
    proposal_id: u64,
) -> StdResult<Result<(Proposal, RewardPeriod), ContractError>> {
    let Some(proposal) = Proposal::may_load(store, proposal_id)? else {
        return Ok(Err(ContractError::ProposalNotFound { proposal_id }));
    };
    let Some((epoch, period)) = proposal.reward_period() else {
        return Ok(Err(ContractError::NoRewardsForProposal { proposal_id }));
    };
    let period = RewardPeriod::load(store, epoch, period)?;
    Ok(Ok((proposal, period)))
}

/// What `voter` earns now from a proposal of `period`, with its ballot, or why nothing.
/// The outer error is a storage fault; the inner one why the proposal pays nothing now.
fn earned(
    store: &dyn Storage,
    (proposal, period): &(Proposal, RewardPeriod),
    voter: &Addr,
    proposal_id: u64,
    now: Timestamp,
) -> StdResult<Result<(Uint128, StoredBallot), ContractError>> {
    // Before its end, the period's divisor can still grow; after it, every proposal that
    // counts in it exists (a proposal belongs to the period its creation time falls in).
    if now < period.ends_at {
        return Ok(Err(ContractError::RewardPeriodNotOver {
            proposal_id,
            ends_at: period.ends_at,
        }));
    }
    if proposal.status(now) == Status::Open {
        return Ok(Err(ContractError::VotingNotFinished { proposal_id }));
    }
    let Some(ballot) = StoredBallot::may_load(store, &ballot_key(proposal_id, voter))? else {
        return Ok(Err(ContractError::DidNotVote { proposal_id }));
    };
    if ballot.reward_claimed {
        return Ok(Err(ContractError::RewardAlreadyClaimed { proposal_id }));
    }
    let total = proposal.total_power();
    // A proposal cannot be created without power that can vote, so `total` is never zero;
    // were it, nothing would be paid rather than divided by zero.
    if total.is_zero() || !turnout_reached(&proposal.tally(), total, period.min_turnout) {
        return Ok(Err(ContractError::TurnoutTooLow { proposal_id }));
    }
    // floor(floor(pool * power / total) / proposals) = floor(pool * power / (total *
    // proposals)): one rounding down, in the protocol's favour, with the product taken in 256
    // bits. A voter's power is part of `total`, so the share is at most `pool / proposals`.
    let amount = mul_div_floor(period.pool.u128(), ballot.power.u128(), total.u128())
        // the message `checked_multiply_ratio` gives
        .ok_or_else(|| StdError::generic_err("Multiplication overflow"))?;
    let amount = Uint128::new(amount).checked_div(Uint128::from(period.proposals))?;
    if amount.is_zero() {
        return Ok(Err(ContractError::RewardRoundsToZero { proposal_id }));
    }
    Ok(Ok((amount, ballot)))
}

/// `floor(a * b / d)`, `None` if it does not fit 128 bits (as `checked_multiply_ratio`, for
/// `d` above zero), by long division of the 256-bit product: `Uint256`'s general division
/// would be the contract's only use of it, and costs kilobytes of wasm.
fn mul_div_floor(a: u128, b: u128, d: u128) -> Option<u128> {
    // a * b = hi * 2^128 + lo, from 64-bit halves
    let (a1, a0) = (a >> 64, a as u64 as u128);
    let (b1, b0) = (b >> 64, b as u64 as u128);
    let (low, mid_a, mid_b, high) = (a0 * b0, a1 * b0, a0 * b1, a1 * b1);
    let (mid, mid_carry) = mid_a.overflowing_add(mid_b);
    let (lo, lo_carry) = low.overflowing_add(mid << 64);
    let hi = high + (mid >> 64) + ((mid_carry as u128) << 64) + lo_carry as u128;
    // the quotient fits 128 bits exactly when hi < d
    if hi >= d {
        return None;
    }
    let (mut rem, mut quotient) = (hi, 0u128);
    for bit in (0..128).rev() {
        // rem < d, so after the shift it is below 2^129: `top` is its 129th bit
        let top = rem >> 127;
        rem = (rem << 1) | ((lo >> bit) & 1);
        quotient <<= 1;
        if top == 1 || rem >= d {
            rem = rem.wrapping_sub(d);
            quotient |= 1;
        }
    }
    Some(quotient)
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
    let now = env.block.time;
    let voter = info.sender;

    let mut total = Uint128::zero();
    // the first paying proposal and its vesting: one claim mints one grant
    let mut vesting: Option<(u64, RewardVesting)> = None;
    let mut paid = Vec::with_capacity(proposal_ids.len());
    for &id in &proposal_ids {
        // an id that pays nothing now is skipped (and stays claimable if it will pay later)
        let Ok(of) = period_of(deps.storage, id)? else {
            continue;
        };
        let Ok((amount, mut ballot)) = earned(deps.storage, &of, &voter, id, now)? else {
            continue;
        };
        match vesting {
            None => vesting = Some((id, of.1.vesting)),
            Some((first, v)) if v != of.1.vesting => {
                return Err(ContractError::MixedRewardVesting {
                    proposal_id: first,
                    other_proposal_id: id,
                })
            }
            Some(_) => {}
        }
        total = total.checked_add(amount).map_err(StdError::overflow)?;
        ballot.reward_claimed = true;
        ballot.save(deps.storage, &ballot_key(id, &voter));
        paid.push(id.to_string());
    }
    let Some((_, vesting)) = vesting else {
        return Err(ContractError::NothingToClaim);
    };

    let config = ConfigBytes::load(deps.storage)?;
    let grant = grant_msg(config.contracts()?.token, &voter, total, now, &vesting)?;
    Ok(Response::new()
        .add_message(grant)
        .add_attribute("action", "claim_vote_rewards")
        .add_attribute("voter", voter)
        .add_attribute("amount", total)
        .add_attribute("proposal_ids", paid.join(",")))
}

pub fn query_pending_rewards(
    deps: Deps,
    env: Env,
    voter: String,
    proposal_ids: Vec<u64>,
) -> Result<PendingRewardsResponse, ContractError> {
    ensure_bounded_unique(&proposal_ids)?;
    let voter = deps.api.addr_validate(&voter)?;
    let now = env.block.time;
    let mut total = Uint128::zero();
    let mut rewards = Vec::with_capacity(proposal_ids.len());
    for proposal_id in proposal_ids {
        let mut entry = PendingReward {
            proposal_id,
            amount: Uint128::zero(),
            unavailable: None,
            claimable_at: None,
            vesting: None,
        };
        match period_of(deps.storage, proposal_id)? {
            Err(why) => entry.unavailable = Some(why.to_string()),
            Ok(of) => {
                entry.claimable_at = Some(of.1.ends_at);
                entry.vesting = Some(of.1.vesting);
                match earned(deps.storage, &of, &voter, proposal_id, now)? {
                    Ok((amount, _)) => entry.amount = amount,
                    Err(why) => entry.unavailable = Some(why.to_string()),
                }
            }
        }
        total = total
            .checked_add(entry.amount)
            .map_err(StdError::overflow)?;
        rewards.push(entry);
    }
    Ok(PendingRewardsResponse { rewards, total })
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::{to_json_binary, WasmMsg};

    #[test]
    fn shares_are_what_checked_multiply_ratio_computes() {
        let edges = [
            0,
            1,
            2,
            3,
            7,
            1 << 63,
            (1 << 64) - 1,
            1 << 64,
            1 << 127,
            u128::MAX - 1,
        ];
        let mut values: Vec<u128> = edges.to_vec();
        values.push(u128::MAX);
        values.extend(
            edges
                .iter()
                .map(|x| x.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1),
        );
        for &a in &values {
            for &b in &values {
                for &d in values.iter().filter(|d| **d > 0) {
                    let want = Uint128::new(a)
                        .checked_multiply_ratio(Uint128::new(b), Uint128::new(d))
                        .ok()
                        .map(|x| x.u128());
                    assert_eq!(mul_div_floor(a, b, d), want, "{a} * {b} / {d}");
                }
            }
        }
    }

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
