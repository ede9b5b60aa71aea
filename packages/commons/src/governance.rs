//! Wire API of governance (`commons-governance`): token-weighted proposals with typed actions,
//! a timelock, deposits and vested voter rewards.

use commons_json::wire;
use cosmwasm_schema::QueryResponses;
use cosmwasm_std::{Addr, Binary, CosmosMsg, Decimal, Timestamp, Uint128};
use cw20::Cw20ReceiveMsg;
use cw_utils::Threshold;

use crate::asset::{Asset, AssetInfo, AssetInfoUnchecked, AssetUnchecked};
use crate::escrow::{JobSpec, UpdateConfigMsg as EscrowUpdateConfigMsg};
use crate::treasury::SpendLimitUnchecked;
use crate::vesting::VestingSchedule;

pub use crate::migrate::MigrateMsg;

/// Hard upper bound on `max_actions`, and on the messages of one `custom` action.
pub const MAX_ACTIONS_LIMIT: u32 = 30;
/// Longest proposal title, in bytes.
pub const MAX_TITLE_LEN: usize = 140;
/// Longest proposal description, in bytes.
pub const MAX_DESCRIPTION_LEN: usize = 10_000;
/// Longest vote rationale, in bytes.
pub const MAX_RATIONALE_LEN: usize = 1_000;

/// What happens to a proposal deposit once the proposal is settled. Deposits of vetoed
/// proposals are never refunded, whatever the policy. A deposit that is not refunded is burned
/// when it is the reward token, and sent to the treasury otherwise.
#[wire]
#[derive(Copy, Eq)]
pub enum RefundPolicy {
    /// Refunded unless the proposal was vetoed.
    Always,
    /// Refunded only if the proposal passed (executed, failed in execution, or expired unexecuted).
    OnlyPassed,
    /// Never refunded.
    Never,
}

/// Deposit required to propose, as given in a message.
#[wire]
pub struct DepositConfigUnchecked {
    /// The asset to deposit (native funds with `propose`, or cw20 `send` with a `propose` msg).
    pub asset_info: AssetInfoUnchecked,
    /// Exact amount required.
    pub amount: Uint128,
    /// When it is returned to the proposer.
    pub refund: RefundPolicy,
}

/// Deposit required to propose, validated.
#[wire]
pub struct DepositConfig {
    pub asset_info: AssetInfo,
    pub amount: Uint128,
    pub refund: RefundPolicy,
}

/// Vesting of voter rewards, counted from the moment of the claim.
#[wire]
#[derive(Copy)]
pub struct RewardVesting {
    /// Seconds after the claim before anything unlocks (at most `duration_seconds`).
    pub cliff_seconds: u64,
    /// Seconds after the claim at which the reward is fully vested (greater than zero).
    pub duration_seconds: u64,
}

/// Rewards for voting: a fixed pool per period, minted on the reward token as vesting grants.
///
/// A proposal belongs to the period it was created in and pays with the settings in force
/// then. Once that period has ended and the proposal is no longer open, each of its voters may
/// claim `pool_per_period * voter's power / (proposals created in the period * the proposal's
/// total power)`, rounded down, provided the proposal's turnout reached `min_turnout`. Every
/// proposal created in the period counts in the divisor, whatever its turnout; what is not
/// earned is never minted.
#[wire]
pub struct VoterRewardsConfig {
    /// Most tokens the voters of one period's proposals can earn together (greater than zero).
    pub pool_per_period: Uint128,
    /// Length of a reward period, 1 second to 10 years. Periods are counted from the moment
    /// these settings were configured (instantiation, or the `update_config` that set them):
    /// `[start + k * period_seconds, start + (k + 1) * period_seconds)`.
    pub period_seconds: u64,
    /// How claimed rewards vest.
    pub vesting: RewardVesting,
    /// Share of the snapshot's total power that must have voted (any option) for a proposal
    /// to pay its voters: above 0 and at most 1.
    pub min_turnout: Decimal,
}

/// Spend limit the treasury applies to the new reward token (bootstrap only).
#[wire]
pub struct TokenSpendLimit {
    pub amount: Uint128,
    pub period_seconds: u64,
}

/// One-transaction bootstrap: governance instantiates the other three contracts by submessage,
/// as their wasm admin, so no one else ever controls them.
#[wire]
pub struct SuiteMsg {
    pub token_code_id: u64,
    /// The token; `mint` must be given: governance becomes the minter (the `minter` field is
    /// ignored, the `cap` is kept).
    pub token_msg: crate::reward_token::InstantiateMsg,
    pub treasury_code_id: u64,
    /// The treasury; governance becomes its owner (the `owner` field is ignored) and the new
    /// token is added to its accepted cw20s.
    pub treasury_msg: crate::treasury::InstantiateMsg,
    /// The treasury's spend limit for the new token; without one, the treasury can hold the
    /// token but not spend it until a proposal sets a limit.
    pub token_spend_limit: Option<TokenSpendLimit>,
    pub escrow_code_id: u64,
    /// The escrow; governance becomes its arbiter and the treasury its fee recipient (the
    /// `arbiter` and `fee_recipient` fields are ignored).
    pub escrow_msg: crate::escrow::InstantiateMsg,
}

#[wire]
pub struct InstantiateMsg {
    /// The reward token: voting power comes from its snapshots; governance is its minter.
    /// Give either `token` (contracts instantiated separately) or `suite` (bootstrap).
    pub token: Option<String>,
    /// Creates the token, treasury and escrow in this transaction (then `token`, `treasury`
    /// and `escrow` must be unset).
    pub suite: Option<Box<SuiteMsg>>,
    /// The treasury, target of `treasury_*` actions and of forfeited non-token deposits.
    pub treasury: Option<String>,
    /// The compute escrow, target of `escrow_*` actions.
    pub escrow: Option<String>,
    /// How long a proposal is open for votes.
    pub voting_period_seconds: u64,
    /// Earliest time (after creation) at which an outcome may become final before the end of
    /// the voting period; default 0.
    pub min_voting_period_seconds: Option<u64>,
    /// What it takes to pass (cw-utils `Threshold`; abstain votes excluded as cw3 defines).
    pub threshold: Threshold,
    /// Whether a voter may change its vote while voting is open. With revoting, outcomes are
    /// never final before the end of the voting period.
    pub allow_revoting: bool,
    /// Timelock: seconds between passing and the earliest execution.
    pub execution_delay_seconds: u64,
    /// Seconds after the timelock during which a passed proposal can be executed; then it
    /// is `expired`.
    pub execution_window_seconds: u64,
    /// Deposit required to propose, if any.
    pub proposal_deposit: Option<DepositConfigUnchecked>,
    /// Voting power the proposer needs at the snapshot height.
    pub min_proposer_power: Uint128,
    /// Rewards for voters, if any.
    pub voter_rewards: Option<VoterRewardsConfig>,
    /// Most actions one proposal may carry (1 to 30).
    pub max_actions: u32,
    /// A security council that may veto a passed proposal during its timelock
    /// (`guardian_veto`) and do nothing else; none by default.
    pub guardian: Option<String>,
}

/// A vote option (cw3's names).
#[wire]
#[derive(Copy, Eq)]
pub enum Vote {
    Yes,
    No,
    Abstain,
    /// Counts as `no` for the threshold; above one third of the votes cast, the proposal is
    /// `vetoed` and its deposit is never refunded.
    Veto,
}

/// What a proposal does when executed. Typed, so a UI or an indexer can read it.
#[wire]
pub enum ProposalAction {
    /// The treasury pays `asset` to `recipient` (within its spend limit).
    TreasurySpend {
        recipient: String,
        asset: AssetUnchecked,
        memo: Option<String>,
    },
    /// The treasury pays `asset` into `contract` with `msg` (native as funds, cw20 by `send`).
    TreasurySpendToContract {
        contract: String,
        asset: AssetUnchecked,
        msg: Binary,
        memo: Option<String>,
    },
    /// The treasury lets `spender` spend a budget without a vote.
    TreasurySetBudget {
        spender: String,
        asset_info: AssetInfoUnchecked,
        amount_per_period: Uint128,
        period_seconds: u64,
        expires: Option<Timestamp>,
    },
    /// The treasury removes `spender`'s budget.
    TreasuryRevokeBudget { spender: String },
    /// The treasury changes its accepted cw20s and/or spend limits (only the fields given).
    TreasuryUpdateConfig {
        accepted_cw20s: Option<Vec<String>>,
        spend_limits: Option<Vec<SpendLimitUnchecked>>,
    },
    /// The treasury funds a compute job in the escrow with `price_per_unit * max_units` of
    /// `asset_info`; the treasury receives its refunds (and slashes). The job's client, who
    /// approves, disputes and cancels, is `client` (a steward acting for the DAO) or, without
    /// one, governance itself (then through the `escrow_*` client actions, which needs the
    /// escrow's challenge period to be longer than voting plus the timelock).
    EscrowCreateJob {
        provider: Option<String>,
        /// A steward that approves and disputes usage for the DAO; default governance.
        client: Option<String>,
        spec: JobSpec,
        asset_info: AssetInfoUnchecked,
        price_per_unit: Uint128,
        max_units: Uint128,
        accept_by: Timestamp,
        deadline: Timestamp,
    },
    /// As the client of a DAO job: makes every reported unit payable now.
    EscrowApproveUsage { job_id: u64 },
    /// As the client of a DAO job: disputes the usage still in its challenge period.
    EscrowDispute { job_id: u64, reason: String },
    /// As the client of a DAO job: cancels it (before acceptance, or after its deadline).
    EscrowCancelJob { job_id: u64 },
    /// As the client of a DAO job: completes it, refunding what was never used.
    EscrowCompleteJob { job_id: u64 },
    /// Rules on a disputed job as the escrow's arbiter.
    EscrowResolveDispute {
        job_id: u64,
        approved_units: Uint128,
        slash: Uint128,
    },
    /// Changes the escrow's configuration as its arbiter.
    EscrowUpdateConfig(Box<EscrowUpdateConfigMsg>),
    /// Mint liquid reward tokens.
    TokenMint { recipient: String, amount: Uint128 },
    /// Mint a vesting grant of reward tokens.
    TokenMintVesting {
        recipient: String,
        amount: Uint128,
        schedule: VestingSchedule,
        revocable: bool,
    },
    /// Revoke the unvested part of a revocable grant.
    TokenRevokeVesting { recipient: String, grant_id: u64 },
    /// Change governance's own configuration.
    UpdateGovernanceConfig(Box<UpdateConfigMsg>),
    /// Anything else (e.g. contract migrations), sent as governance.
    Custom { msgs: Vec<CosmosMsg> },
}

/// Configuration changes: only the fields given change.
#[wire]
#[derive(Default)]
pub struct UpdateConfigMsg {
    pub voting_period_seconds: Option<u64>,
    pub min_voting_period_seconds: Option<u64>,
    pub threshold: Option<Threshold>,
    pub allow_revoting: Option<bool>,
    pub execution_delay_seconds: Option<u64>,
    pub execution_window_seconds: Option<u64>,
    /// `{"set": {...}}` to require a deposit, `"remove"` to stop requiring one.
    pub proposal_deposit: Option<DepositChange>,
    pub min_proposer_power: Option<Uint128>,
    /// `{"set": {...}}` to (re)configure rewards, `"remove"` to stop them.
    pub voter_rewards: Option<RewardsChange>,
    pub max_actions: Option<u32>,
    pub treasury: Option<String>,
    pub escrow: Option<String>,
    /// Appoints (or replaces) the guardian.
    pub guardian: Option<String>,
    /// `true` removes the guardian (cannot be combined with `guardian`).
    pub clear_guardian: Option<bool>,
}

#[wire]
pub enum DepositChange {
    Set(DepositConfigUnchecked),
    Remove,
}

#[wire]
pub enum RewardsChange {
    Set(VoterRewardsConfig),
    Remove,
}

#[wire]
pub enum ExecuteMsg {
    /// Opens a proposal. Attach the deposit as funds when it is native; when it is a cw20,
    /// use that token's `send` with a `{"propose": {...}}` msg instead.
    Propose {
        title: String,
        description: String,
        actions: Vec<ProposalAction>,
    },
    /// Votes with the sender's power at the proposal's snapshot height.
    Vote {
        proposal_id: u64,
        vote: Vote,
        rationale: Option<String>,
    },
    /// Executes a passed proposal after its timelock and within its window (anyone).
    Execute { proposal_id: u64 },
    /// Closes a rejected, vetoed or expired proposal and settles its deposit (anyone).
    Close { proposal_id: u64 },
    /// Claims the sender's voter rewards of proposals whose reward period has ended and that
    /// are no longer open (at most 30 ids, no duplicates), minted as one vesting grant. Ids
    /// that pay nothing are skipped; a claim that pays nothing at all is an error. The ids must
    /// share one vesting (see `pending_vote_rewards`).
    ClaimVoteRewards { proposal_ids: Vec<u64> },
    /// Only governance itself (through an executed proposal).
    UpdateConfig(Box<UpdateConfigMsg>),
    /// cw20 hook: a cw20 deposit with `{"propose": {...}}`.
    Receive(Cw20ReceiveMsg),
    /// Internal: runs a proposal's actions atomically. Only governance itself may call it.
    RunActions { proposal_id: u64 },
    /// The guardian only: vetoes a passed proposal during its timelock (before
    /// `executable_at`); its deposit is forfeited. A proposal whose actions only replace or
    /// remove the guardian cannot be vetoed.
    GuardianVeto { proposal_id: u64 },
    /// Delivers a proposal's deposit settlement that could not be delivered when the proposal
    /// was executed or closed (see `ProposalResponse::deposit_undelivered`): a refund, by its
    /// proposer; a forfeit into the treasury or a burn, by anyone.
    ClaimDeposit { proposal_id: u64 },
}

/// Payloads of cw20 `send` to governance.
#[wire]
pub enum ReceiveMsg {
    Propose {
        title: String,
        description: String,
        actions: Vec<ProposalAction>,
    },
}

#[wire]
#[derive(QueryResponses)]
pub enum QueryMsg {
    #[returns(ConfigResponse)]
    Config {},
    /// A proposal, with its status computed at query time.
    #[returns(ProposalResponse)]
    Proposal { proposal_id: u64 },
    /// Proposals by ascending id.
    #[returns(ProposalListResponse)]
    ListProposals {
        start_after: Option<u64>,
        limit: Option<u32>,
    },
    /// Proposals by descending id.
    #[returns(ProposalListResponse)]
    ReverseProposals {
        start_before: Option<u64>,
        limit: Option<u32>,
    },
    /// The ballot of `voter` on a proposal, if any. Named as in DAO DAO (`get_vote`): a query
    /// named like the `vote` execute breaks clients generated by ts-codegen.
    #[returns(VoteResponse)]
    GetVote { proposal_id: u64, voter: String },
    /// Ballots on a proposal, by voter address.
    #[returns(VoteListResponse)]
    ListVotes {
        proposal_id: u64,
        start_after: Option<String>,
        limit: Option<u32>,
    },
    /// Voting power of `address` on the reward token (now, or at the start of `height`).
    #[returns(VotingPowerResponse)]
    VotingPower {
        address: String,
        height: Option<u64>,
    },
    /// What `claim_vote_rewards` would pay `voter` now for each of `proposal_ids` (at most 30,
    /// no duplicates), and why not where it pays nothing.
    #[returns(PendingRewardsResponse)]
    PendingVoteRewards {
        voter: String,
        proposal_ids: Vec<u64>,
    },
    /// The threshold of new proposals, with the total power it would apply to now.
    #[returns(ThresholdResponse)]
    Threshold {},
}

#[wire]
pub struct ConfigResponse {
    pub token: Addr,
    pub treasury: Option<Addr>,
    pub escrow: Option<Addr>,
    pub voting_period_seconds: u64,
    pub min_voting_period_seconds: u64,
    pub threshold: Threshold,
    pub allow_revoting: bool,
    pub execution_delay_seconds: u64,
    pub execution_window_seconds: u64,
    pub proposal_deposit: Option<DepositConfig>,
    pub min_proposer_power: Uint128,
    pub voter_rewards: Option<VoterRewardsConfig>,
    pub max_actions: u32,
    /// May veto passed proposals during their timelock, and do nothing else.
    pub guardian: Option<Addr>,
}

#[wire]
#[derive(Copy, Eq)]
pub enum Status {
    /// Voting is open and the outcome is not final.
    Open,
    /// Passed; executable from `executable_at` until `execution_deadline`.
    Passed,
    /// Did not pass; `close` settles the deposit.
    Rejected,
    /// Veto votes were above one third of the votes cast; the deposit is forfeited.
    Vetoed,
    /// Executed and every action succeeded.
    Executed,
    /// Executed, but an action failed: nothing of it took effect.
    ExecutionFailed,
    /// Passed but not executed within its window.
    Expired,
    /// Closed after being rejected, vetoed or expired (see `closed_as`).
    Closed,
}

/// Vote totals, in voting power.
#[wire]
#[derive(Copy, Default)]
pub struct Tally {
    pub yes: Uint128,
    pub no: Uint128,
    pub abstain: Uint128,
    pub veto: Uint128,
}

#[wire]
pub struct ProposalResponse {
    pub id: u64,
    pub title: String,
    pub description: String,
    pub proposer: Addr,
    pub actions: Vec<ProposalAction>,
    /// Computed at query time.
    pub status: Status,
    /// For a closed proposal: what it was when closed.
    pub closed_as: Option<Status>,
    pub tally: Tally,
    /// Power that can vote: the token's total at the snapshot, less the suite contracts' own.
    pub total_power: Uint128,
    /// Votes count the power at the start of this block (the proposal's creation block), that
    /// is, as it stood at the end of the block before.
    pub snapshot_height: u64,
    pub created_at: Timestamp,
    /// End of the voting period.
    pub voting_ends_at: Timestamp,
    /// Before this time the outcome is never final.
    pub min_voting_ends_at: Timestamp,
    /// When the outcome became final, if it has.
    pub decided_at: Option<Timestamp>,
    /// Earliest execution (passed proposals).
    pub executable_at: Option<Timestamp>,
    /// Execution must happen before this time (passed proposals).
    pub execution_deadline: Option<Timestamp>,
    pub threshold: Threshold,
    pub allow_revoting: bool,
    /// The deposit held for this proposal, and whether it has been settled.
    pub deposit: Option<Asset>,
    pub deposit_settled: bool,
    /// A settlement of the deposit that could not be delivered (governance still holds it):
    /// `claim_deposit` delivers it.
    pub deposit_undelivered: Option<Asset>,
    /// Why execution failed, for `execution_failed` proposals.
    pub execution_error: Option<String>,
}

#[wire]
pub struct ProposalListResponse {
    pub proposals: Vec<ProposalResponse>,
}

#[wire]
pub struct Ballot {
    pub voter: Addr,
    pub vote: Vote,
    /// Power the vote counts with (the voter's power at the snapshot height).
    pub power: Uint128,
    pub rationale: Option<String>,
    /// Whether the voter's reward for this proposal was claimed.
    pub reward_claimed: bool,
}

#[wire]
pub struct VoteResponse {
    pub ballot: Option<Ballot>,
}

#[wire]
pub struct VoteListResponse {
    pub votes: Vec<Ballot>,
}

#[wire]
pub struct VotingPowerResponse {
    pub power: Uint128,
    pub height: u64,
}

/// What a claim would pay for one proposal.
#[wire]
pub struct PendingReward {
    /// The proposal asked about.
    pub proposal_id: u64,
    /// What `claim_vote_rewards` would pay the voter for it now; zero when it pays nothing now.
    pub amount: Uint128,
    /// Why it pays nothing now, if it does not: the proposal's reward period has not ended, it
    /// is still open, its turnout stayed below the minimum, the voter did not vote or already
    /// claimed, the share rounds down to zero, or it was created while rewards were off.
    pub unavailable: Option<String>,
    /// When the proposal's reward period ends, from which its rewards can be claimed; none for
    /// a proposal created while rewards were off (or that does not exist).
    pub claimable_at: Option<Timestamp>,
    /// How the reward vests, as it was configured when the proposal was created; one claim
    /// mints one grant, so ids whose vesting differs must be claimed apart.
    pub vesting: Option<RewardVesting>,
}

/// What `claim_vote_rewards` would pay for the ids asked.
#[wire]
pub struct PendingRewardsResponse {
    /// One entry per id, in the order asked.
    pub rewards: Vec<PendingReward>,
    /// Sum of the amounts: what a claim of these ids would mint now, as one grant.
    pub total: Uint128,
}

#[wire]
pub struct ThresholdResponse {
    pub threshold: Threshold,
    /// Total power a proposal created now would count (token total less the suite's own).
    pub total_power: Uint128,
}
