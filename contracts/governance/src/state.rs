//! Every storage key of governance, in one place.

use commons::asset::Asset;
use commons::governance::{ConfigResponse, ProposalAction, RefundPolicy, Status, Tally};
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Timestamp, Uint128};
use cw_storage_plus::{Item, Map};
use cw_utils::Threshold;

/// The configuration has exactly the shape of its query response.
pub type Config = ConfigResponse;

pub const CONFIG: Item<Config> = Item::new("config");

/// What a proposal says and does: written once at creation, read only by queries and at
/// execution, so votes never load it.
#[cw_serde]
pub struct ProposalContent {
    pub title: String,
    pub description: String,
    pub actions: Vec<ProposalAction>,
}

pub const PROPOSAL_CONTENTS: Map<u64, ProposalContent> = Map::new("proposal_content");

/// A proposal's voting record. The rules it is judged by (threshold, periods, refund policy)
/// are copied from the configuration at creation, so later configuration changes never alter a
/// running vote.
#[cw_serde]
pub struct Proposal {
    pub proposer: Addr,
    /// Number of actions (the actions themselves are in the proposal's content).
    pub action_count: u32,
    /// `Open` until executed or closed; the other statuses are computed from time and tally.
    pub stored_status: Status,
    pub closed_as: Option<Status>,
    pub tally: Tally,
    pub total_power: Uint128,
    pub snapshot_height: u64,
    pub created_at: Timestamp,
    pub voting_ends_at: Timestamp,
    pub min_voting_ends_at: Timestamp,
    /// Set when a vote made the outcome final before the end of voting (never with revoting);
    /// never earlier than `min_voting_ends_at`.
    pub decided_at: Option<Timestamp>,
    pub threshold: Threshold,
    pub allow_revoting: bool,
    pub execution_delay_seconds: u64,
    pub execution_window_seconds: u64,
    pub deposit: Option<Asset>,
    pub refund: RefundPolicy,
    pub deposit_settled: bool,
    pub execution_error: Option<String>,
}

pub const PROPOSAL_SEQ: Item<u64> = Item::new("proposal_seq");
pub const PROPOSALS: Map<u64, Proposal> = Map::new("proposal");

/// A voter's ballot on a proposal.
#[cw_serde]
pub struct StoredBallot {
    pub vote: commons::governance::Vote,
    pub power: Uint128,
    pub rationale: Option<String>,
    pub reward_claimed: bool,
}

pub const BALLOTS: Map<(u64, &Addr), StoredBallot> = Map::new("ballot");

/// The current reward period (fixed buckets of `period_seconds` from instantiation).
#[cw_serde]
pub struct RewardPeriod {
    pub start: Timestamp,
    pub paid: Uint128,
}

pub const REWARD_PERIOD: Item<RewardPeriod> = Item::new("reward_period");
