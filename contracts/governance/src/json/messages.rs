//! Every message type governance takes, read from a `Json` tree (see the parent module).

use commons::asset::{AssetInfoUnchecked, AssetUnchecked};
use commons::escrow::{JobSpec, UpdateConfigMsg as EscrowUpdateConfigMsg};
use commons::governance::{
    DepositChange, DepositConfigUnchecked, ExecuteMsg, InstantiateMsg, ProposalAction, QueryMsg,
    ReceiveMsg, RefundPolicy, RewardVesting, RewardsChange, TokenSpendLimit, UpdateConfigMsg, Vote,
    VoterRewardsConfig,
};
use commons::treasury::SpendLimitUnchecked;
use commons::vesting::VestingSchedule;
use cosmwasm_std::{Binary, Decimal, StdResult, Timestamp, Uint128};
use cw20::Cw20ReceiveMsg;
use cw_utils::Threshold;

use super::{unknown_variant, FromJson, Json};

impl FromJson for Vote {
    fn stand_in() -> Self {
        Vote::Yes
    }
    fn from_json(value: Json) -> StdResult<Self> {
        match value.string("vote")?.as_str() {
            "yes" => Ok(Vote::Yes),
            "no" => Ok(Vote::No),
            "abstain" => Ok(Vote::Abstain),
            "veto" => Ok(Vote::Veto),
            other => Err(unknown_variant("vote", other)),
        }
    }
}

impl FromJson for RefundPolicy {
    fn stand_in() -> Self {
        RefundPolicy::Never
    }
    fn from_json(value: Json) -> StdResult<Self> {
        match value.string("refund policy")?.as_str() {
            "always" => Ok(RefundPolicy::Always),
            "only_passed" => Ok(RefundPolicy::OnlyPassed),
            "never" => Ok(RefundPolicy::Never),
            other => Err(unknown_variant("refund policy", other)),
        }
    }
}

impl FromJson for AssetInfoUnchecked {
    fn stand_in() -> Self {
        AssetInfoUnchecked::Native(String::new())
    }
    fn from_json(value: Json) -> StdResult<Self> {
        let (name, content) = value.into_variant("asset info")?;
        match name.as_str() {
            "native" => Ok(AssetInfoUnchecked::Native(content.string("denom")?)),
            "cw20" => Ok(AssetInfoUnchecked::Cw20(content.string("address")?)),
            other => Err(unknown_variant("asset info", other)),
        }
    }
}

impl FromJson for AssetUnchecked {
    fn stand_in() -> Self {
        AssetUnchecked {
            info: AssetInfoUnchecked::stand_in(),
            amount: Uint128::zero(),
        }
    }
    fn from_json(value: Json) -> StdResult<Self> {
        read_struct!(value, "asset", |f| AssetUnchecked {
            info: f.req("info"),
            amount: f.req("amount"),
        })
    }
}

impl FromJson for Threshold {
    fn stand_in() -> Self {
        Threshold::AbsoluteCount { weight: 0 }
    }
    fn from_json(value: Json) -> StdResult<Self> {
        let (name, content) = value.into_variant("threshold")?;
        match name.as_str() {
            "absolute_count" => read_struct!(content, "threshold", |f| {
                Threshold::AbsoluteCount {
                    weight: f.req("weight"),
                }
            }),
            "absolute_percentage" => read_struct!(content, "threshold", |f| {
                Threshold::AbsolutePercentage {
                    percentage: f.req("percentage"),
                }
            }),
            "threshold_quorum" => read_struct!(content, "threshold", |f| {
                Threshold::ThresholdQuorum {
                    threshold: f.req("threshold"),
                    quorum: f.req("quorum"),
                }
            }),
            other => Err(unknown_variant("threshold", other)),
        }
    }
}

impl FromJson for DepositConfigUnchecked {
    fn stand_in() -> Self {
        DepositConfigUnchecked {
            asset_info: AssetInfoUnchecked::stand_in(),
            amount: Uint128::zero(),
            refund: RefundPolicy::Never,
        }
    }
    fn from_json(value: Json) -> StdResult<Self> {
        read_struct!(value, "proposal deposit", |f| DepositConfigUnchecked {
            asset_info: f.req("asset_info"),
            amount: f.req("amount"),
            refund: f.req("refund"),
        })
    }
}

impl FromJson for VoterRewardsConfig {
    fn stand_in() -> Self {
        VoterRewardsConfig {
            amount_per_proposal: Uint128::zero(),
            max_per_period: Uint128::zero(),
            period_seconds: 0,
            vesting: RewardVesting::stand_in(),
            min_turnout: Decimal::zero(),
        }
    }
    fn from_json(value: Json) -> StdResult<Self> {
        read_struct!(value, "voter rewards", |f| VoterRewardsConfig {
            amount_per_proposal: f.req("amount_per_proposal"),
            max_per_period: f.req("max_per_period"),
            period_seconds: f.req("period_seconds"),
            vesting: f.req("vesting"),
            min_turnout: f.req("min_turnout"),
        })
    }
}

impl FromJson for RewardVesting {
    fn stand_in() -> Self {
        RewardVesting {
            cliff_seconds: 0,
            duration_seconds: 0,
        }
    }
    fn from_json(value: Json) -> StdResult<Self> {
        read_struct!(value, "reward vesting", |f| RewardVesting {
            cliff_seconds: f.req("cliff_seconds"),
            duration_seconds: f.req("duration_seconds"),
        })
    }
}

impl FromJson for DepositChange {
    fn stand_in() -> Self {
        DepositChange::Remove
    }
    fn from_json(value: Json) -> StdResult<Self> {
        let (name, content) = value.into_variant("deposit change")?;
        match (name.as_str(), content) {
            ("set", content) => Ok(DepositChange::Set(FromJson::from_json(content)?)),
            ("remove", Json::Null) => Ok(DepositChange::Remove),
            (other, _) => Err(unknown_variant("deposit change", other)),
        }
    }
}

impl FromJson for RewardsChange {
    fn stand_in() -> Self {
        RewardsChange::Remove
    }
    fn from_json(value: Json) -> StdResult<Self> {
        let (name, content) = value.into_variant("rewards change")?;
        match (name.as_str(), content) {
            ("set", content) => Ok(RewardsChange::Set(FromJson::from_json(content)?)),
            ("remove", Json::Null) => Ok(RewardsChange::Remove),
            (other, _) => Err(unknown_variant("rewards change", other)),
        }
    }
}

impl FromJson for UpdateConfigMsg {
    fn stand_in() -> Self {
        UpdateConfigMsg::default()
    }
    fn from_json(value: Json) -> StdResult<Self> {
        read_struct!(value, "update_config", |f| UpdateConfigMsg {
            voting_period_seconds: f.opt("voting_period_seconds"),
            min_voting_period_seconds: f.opt("min_voting_period_seconds"),
            threshold: f.opt("threshold"),
            allow_revoting: f.opt("allow_revoting"),
            execution_delay_seconds: f.opt("execution_delay_seconds"),
            execution_window_seconds: f.opt("execution_window_seconds"),
            proposal_deposit: f.opt("proposal_deposit"),
            min_proposer_power: f.opt("min_proposer_power"),
            voter_rewards: f.opt("voter_rewards"),
            max_actions: f.opt("max_actions"),
            treasury: f.opt("treasury"),
            escrow: f.opt("escrow"),
            guardian: f.opt("guardian"),
            clear_guardian: f.opt("clear_guardian"),
        })
    }
}

impl FromJson for EscrowUpdateConfigMsg {
    fn stand_in() -> Self {
        EscrowUpdateConfigMsg::default()
    }
    fn from_json(value: Json) -> StdResult<Self> {
        read_struct!(value, "escrow update_config", |f| EscrowUpdateConfigMsg {
            arbiter: f.opt("arbiter"),
            fee_bps: f.opt("fee_bps"),
            fee_recipient: f.opt("fee_recipient"),
            treasury: f.opt("treasury"),
            accepted_assets: f.opt("accepted_assets"),
            challenge_period_seconds: f.opt("challenge_period_seconds"),
            min_provider_stake: f.opt("min_provider_stake"),
            provider_unbonding_seconds: f.opt("provider_unbonding_seconds"),
            max_job_duration_seconds: f.opt("max_job_duration_seconds"),
        })
    }
}

impl FromJson for SpendLimitUnchecked {
    fn stand_in() -> Self {
        SpendLimitUnchecked {
            asset_info: AssetInfoUnchecked::stand_in(),
            amount: Uint128::zero(),
            period_seconds: 0,
        }
    }
    fn from_json(value: Json) -> StdResult<Self> {
        read_struct!(value, "spend limit", |f| SpendLimitUnchecked {
            asset_info: f.req("asset_info"),
            amount: f.req("amount"),
            period_seconds: f.req("period_seconds"),
        })
    }
}

impl FromJson for JobSpec {
    fn stand_in() -> Self {
        JobSpec {
            uri: String::new(),
            hash: String::new(),
        }
    }
    fn from_json(value: Json) -> StdResult<Self> {
        read_struct!(value, "job spec", |f| JobSpec {
            uri: f.req("uri"),
            hash: f.req("hash"),
        })
    }
}

impl FromJson for VestingSchedule {
    fn stand_in() -> Self {
        VestingSchedule {
            start_time: Timestamp::from_nanos(0),
            cliff_seconds: 0,
            duration_seconds: 0,
        }
    }
    fn from_json(value: Json) -> StdResult<Self> {
        read_struct!(value, "vesting schedule", |f| VestingSchedule {
            start_time: f.req("start_time"),
            cliff_seconds: f.req("cliff_seconds"),
            duration_seconds: f.req("duration_seconds"),
        })
    }
}

impl FromJson for ProposalAction {
    fn stand_in() -> Self {
        ProposalAction::Custom { msgs: vec![] }
    }
    fn from_json(value: Json) -> StdResult<Self> {
        let (name, content) = value.into_variant("action")?;
        match name.as_str() {
            "treasury_spend" => read_struct!(content, "action", |f| {
                ProposalAction::TreasurySpend {
                    recipient: f.req("recipient"),
                    asset: f.req("asset"),
                    memo: f.opt("memo"),
                }
            }),
            "treasury_spend_to_contract" => read_struct!(content, "action", |f| {
                ProposalAction::TreasurySpendToContract {
                    contract: f.req("contract"),
                    asset: f.req("asset"),
                    msg: f.req("msg"),
                    memo: f.opt("memo"),
                }
            }),
            "treasury_set_budget" => read_struct!(content, "action", |f| {
                ProposalAction::TreasurySetBudget {
                    spender: f.req("spender"),
                    asset_info: f.req("asset_info"),
                    amount_per_period: f.req("amount_per_period"),
                    period_seconds: f.req("period_seconds"),
                    expires: f.opt("expires"),
                }
            }),
            "treasury_revoke_budget" => read_struct!(content, "action", |f| {
                ProposalAction::TreasuryRevokeBudget {
                    spender: f.req("spender"),
                }
            }),
            "treasury_update_config" => read_struct!(content, "action", |f| {
                ProposalAction::TreasuryUpdateConfig {
                    accepted_cw20s: f.opt("accepted_cw20s"),
                    spend_limits: f.opt("spend_limits"),
                }
            }),
            "escrow_create_job" => read_struct!(content, "action", |f| {
                ProposalAction::EscrowCreateJob {
                    provider: f.opt("provider"),
                    client: f.opt("client"),
                    spec: f.req("spec"),
                    asset_info: f.req("asset_info"),
                    price_per_unit: f.req("price_per_unit"),
                    max_units: f.req("max_units"),
                    accept_by: f.req("accept_by"),
                    deadline: f.req("deadline"),
                }
            }),
            "escrow_approve_usage" => read_struct!(content, "action", |f| {
                ProposalAction::EscrowApproveUsage {
                    job_id: f.req("job_id"),
                }
            }),
            "escrow_dispute" => read_struct!(content, "action", |f| {
                ProposalAction::EscrowDispute {
                    job_id: f.req("job_id"),
                    reason: f.req("reason"),
                }
            }),
            "escrow_cancel_job" => read_struct!(content, "action", |f| {
                ProposalAction::EscrowCancelJob {
                    job_id: f.req("job_id"),
                }
            }),
            "escrow_complete_job" => read_struct!(content, "action", |f| {
                ProposalAction::EscrowCompleteJob {
                    job_id: f.req("job_id"),
                }
            }),
            "escrow_resolve_dispute" => read_struct!(content, "action", |f| {
                ProposalAction::EscrowResolveDispute {
                    job_id: f.req("job_id"),
                    approved_units: f.req("approved_units"),
                    slash: f.req("slash"),
                }
            }),
            "escrow_update_config" => Ok(ProposalAction::EscrowUpdateConfig(FromJson::from_json(
                content,
            )?)),
            "token_mint" => read_struct!(content, "action", |f| {
                ProposalAction::TokenMint {
                    recipient: f.req("recipient"),
                    amount: f.req("amount"),
                }
            }),
            "token_mint_vesting" => read_struct!(content, "action", |f| {
                ProposalAction::TokenMintVesting {
                    recipient: f.req("recipient"),
                    amount: f.req("amount"),
                    schedule: f.req("schedule"),
                    revocable: f.req("revocable"),
                }
            }),
            "token_revoke_vesting" => read_struct!(content, "action", |f| {
                ProposalAction::TokenRevokeVesting {
                    recipient: f.req("recipient"),
                    grant_id: f.req("grant_id"),
                }
            }),
            "update_governance_config" => Ok(ProposalAction::UpdateGovernanceConfig(
                FromJson::from_json(content)?,
            )),
            "custom" => read_struct!(content, "action", |f| ProposalAction::Custom {
                msgs: f.req("msgs"),
            }),
            other => Err(unknown_variant("action", other)),
        }
    }
}

impl FromJson for Cw20ReceiveMsg {
    fn stand_in() -> Self {
        Cw20ReceiveMsg {
            sender: String::new(),
            amount: Uint128::zero(),
            msg: Binary::default(),
        }
    }
    fn from_json(value: Json) -> StdResult<Self> {
        read_struct!(value, "receive", |f| Cw20ReceiveMsg {
            sender: f.req("sender"),
            amount: f.req("amount"),
            msg: f.req("msg"),
        })
    }
}

impl FromJson for ExecuteMsg {
    fn stand_in() -> Self {
        ExecuteMsg::Execute { proposal_id: 0 }
    }
    fn from_json(value: Json) -> StdResult<Self> {
        let (name, content) = value.into_variant("execute message")?;
        match name.as_str() {
            "propose" => read_struct!(content, "propose", |f| ExecuteMsg::Propose {
                title: f.req("title"),
                description: f.req("description"),
                actions: f.req("actions"),
            }),
            "vote" => read_struct!(content, "vote", |f| ExecuteMsg::Vote {
                proposal_id: f.req("proposal_id"),
                vote: f.req("vote"),
                rationale: f.opt("rationale"),
            }),
            "execute" => read_struct!(content, "execute", |f| ExecuteMsg::Execute {
                proposal_id: f.req("proposal_id"),
            }),
            "close" => read_struct!(content, "close", |f| ExecuteMsg::Close {
                proposal_id: f.req("proposal_id"),
            }),
            "claim_vote_rewards" => read_struct!(content, "claim_vote_rewards", |f| {
                ExecuteMsg::ClaimVoteRewards {
                    proposal_ids: f.req("proposal_ids"),
                }
            }),
            "update_config" => Ok(ExecuteMsg::UpdateConfig(FromJson::from_json(content)?)),
            "receive" => Ok(ExecuteMsg::Receive(FromJson::from_json(content)?)),
            "run_actions" => read_struct!(content, "run_actions", |f| {
                ExecuteMsg::RunActions {
                    proposal_id: f.req("proposal_id"),
                }
            }),
            "guardian_veto" => read_struct!(content, "guardian_veto", |f| {
                ExecuteMsg::GuardianVeto {
                    proposal_id: f.req("proposal_id"),
                }
            }),
            other => Err(unknown_variant("execute message", other)),
        }
    }
}

impl FromJson for ReceiveMsg {
    fn stand_in() -> Self {
        ReceiveMsg::Propose {
            title: String::new(),
            description: String::new(),
            actions: vec![],
        }
    }
    fn from_json(value: Json) -> StdResult<Self> {
        let (name, content) = value.into_variant("receive message")?;
        match name.as_str() {
            "propose" => read_struct!(content, "propose", |f| ReceiveMsg::Propose {
                title: f.req("title"),
                description: f.req("description"),
                actions: f.req("actions"),
            }),
            other => Err(unknown_variant("receive message", other)),
        }
    }
}

impl FromJson for QueryMsg {
    fn stand_in() -> Self {
        QueryMsg::Config {}
    }
    fn from_json(value: Json) -> StdResult<Self> {
        let (name, content) = value.into_variant("query")?;
        match name.as_str() {
            "config" => content
                .into_fields("config")?
                .end()
                .map(|()| QueryMsg::Config {}),
            "proposal" => read_struct!(content, "proposal", |f| QueryMsg::Proposal {
                proposal_id: f.req("proposal_id"),
            }),
            "list_proposals" => read_struct!(content, "list_proposals", |f| {
                QueryMsg::ListProposals {
                    start_after: f.opt("start_after"),
                    limit: f.opt("limit"),
                }
            }),
            "reverse_proposals" => read_struct!(content, "reverse_proposals", |f| {
                QueryMsg::ReverseProposals {
                    start_before: f.opt("start_before"),
                    limit: f.opt("limit"),
                }
            }),
            "vote" => read_struct!(content, "vote", |f| QueryMsg::Vote {
                proposal_id: f.req("proposal_id"),
                voter: f.req("voter"),
            }),
            "list_votes" => read_struct!(content, "list_votes", |f| QueryMsg::ListVotes {
                proposal_id: f.req("proposal_id"),
                start_after: f.opt("start_after"),
                limit: f.opt("limit"),
            }),
            "voting_power" => read_struct!(content, "voting_power", |f| {
                QueryMsg::VotingPower {
                    address: f.req("address"),
                    height: f.opt("height"),
                }
            }),
            "pending_vote_rewards" => read_struct!(content, "pending_vote_rewards", |f| {
                QueryMsg::PendingVoteRewards {
                    voter: f.req("voter"),
                    proposal_ids: f.req("proposal_ids"),
                }
            }),
            "threshold" => content
                .into_fields("threshold")?
                .end()
                .map(|()| QueryMsg::Threshold {}),
            other => Err(unknown_variant("query", other)),
        }
    }
}

impl FromJson for TokenSpendLimit {
    fn stand_in() -> Self {
        TokenSpendLimit {
            amount: Uint128::zero(),
            period_seconds: 0,
        }
    }
    fn from_json(value: Json) -> StdResult<Self> {
        read_struct!(value, "token spend limit", |f| TokenSpendLimit {
            amount: f.req("amount"),
            period_seconds: f.req("period_seconds"),
        })
    }
}

/// The bootstrap's part of the instantiate message. The three instantiate messages are kept
/// as JSON: governance only sets the fields it owns (minter, owner, arbiter, fee recipient)
/// and passes them on; each contract checks its own message when it is instantiated.
#[derive(Clone, Debug, PartialEq)]
pub struct Suite {
    pub token_code_id: u64,
    pub token_msg: Json,
    pub treasury_code_id: u64,
    pub treasury_msg: Json,
    pub token_spend_limit: Option<TokenSpendLimit>,
    pub escrow_code_id: u64,
    pub escrow_msg: Json,
}

impl FromJson for Suite {
    fn stand_in() -> Self {
        Suite {
            token_code_id: 0,
            token_msg: Json::Null,
            treasury_code_id: 0,
            treasury_msg: Json::Null,
            token_spend_limit: None,
            escrow_code_id: 0,
            escrow_msg: Json::Null,
        }
    }
    fn from_json(value: Json) -> StdResult<Self> {
        read_struct!(value, "suite", |f| Suite {
            token_code_id: f.req("token_code_id"),
            token_msg: f.req("token_msg"),
            treasury_code_id: f.req("treasury_code_id"),
            treasury_msg: f.req("treasury_msg"),
            token_spend_limit: f.opt("token_spend_limit"),
            escrow_code_id: f.req("escrow_code_id"),
            escrow_msg: f.req("escrow_msg"),
        })
    }
}

/// The instantiate message: the configuration (with `suite` left out), and the suite.
pub fn instantiate_msg(value: Json) -> StdResult<(InstantiateMsg, Option<Suite>)> {
    {
        read_struct!(value, "instantiate message", |f| {
            let suite = f.opt("suite");
            let msg = InstantiateMsg {
                token: f.opt("token"),
                suite: None,
                treasury: f.opt("treasury"),
                escrow: f.opt("escrow"),
                voting_period_seconds: f.req("voting_period_seconds"),
                min_voting_period_seconds: f.opt("min_voting_period_seconds"),
                threshold: f.req("threshold"),
                allow_revoting: f.req("allow_revoting"),
                execution_delay_seconds: f.req("execution_delay_seconds"),
                execution_window_seconds: f.req("execution_window_seconds"),
                proposal_deposit: f.opt("proposal_deposit"),
                min_proposer_power: f.req("min_proposer_power"),
                voter_rewards: f.opt("voter_rewards"),
                max_actions: f.req("max_actions"),
                guardian: f.opt("guardian"),
            };
            (msg, suite)
        })
    }
}
