//! Every message governance takes, written by serde and read through `Input` (as the entry
//! points read them) with the readers derived from the wire types, equals the value written;
//! and what governance stores and sends is written by the derived writers byte for byte as
//! serde writes it. The `*_kind` functions match without a catch-all, so a new variant does not
//! compile until it is added here.

use std::fmt::Debug;

use commons::asset::AssetInfoUnchecked as Info;
use commons::governance::{
    DepositChange, DepositConfigUnchecked, ExecuteMsg, InstantiateMsg, ProposalAction, QueryMsg,
    ReceiveMsg, RefundPolicy, RewardsChange, UpdateConfigMsg, Vote,
};
use commons_json::{FromJson, Input, ToJson};
use cosmwasm_std::testing::MockStorage;
use cosmwasm_std::{from_json, to_json_binary, to_json_vec, Decimal, Uint128};
use cw20::Cw20ReceiveMsg;
use cw_utils::Threshold;
use serde::Serialize;

use super::wire_fixtures::{actions, suite, update_config};
use crate::state::{save_actions, StoredActions};

/// Reads what serde writes for `msg` as the entry points read it, and checks it is `msg`;
/// then checks the derived writer writes serde's bytes.
fn same<T: FromJson + ToJson + Serialize + PartialEq + Debug>(msg: &T) {
    let json = to_json_vec(msg).unwrap();
    let text = String::from_utf8_lossy(&json);
    let Input(read): Input<T> = from_json(&json).unwrap();
    assert_eq!(&read, msg, "{text}");
    assert_eq!(commons_json::to_vec(msg).unwrap(), json, "{text}");
}

fn action_kind(action: &ProposalAction) -> usize {
    match action {
        ProposalAction::TreasurySpend { .. } => 0,
        ProposalAction::TreasurySpendToContract { .. } => 1,
        ProposalAction::TreasurySetBudget { .. } => 2,
        ProposalAction::TreasuryRevokeBudget { .. } => 3,
        ProposalAction::TreasuryUpdateConfig { .. } => 4,
        ProposalAction::EscrowCreateJob { .. } => 5,
        ProposalAction::EscrowApproveUsage { .. } => 6,
        ProposalAction::EscrowDispute { .. } => 7,
        ProposalAction::EscrowCancelJob { .. } => 8,
        ProposalAction::EscrowCompleteJob { .. } => 9,
        ProposalAction::EscrowResolveDispute { .. } => 10,
        ProposalAction::EscrowUpdateConfig(_) => 11,
        ProposalAction::TokenMint { .. } => 12,
        ProposalAction::TokenMintVesting { .. } => 13,
        ProposalAction::TokenRevokeVesting { .. } => 14,
        ProposalAction::UpdateGovernanceConfig(_) => 15,
        ProposalAction::Custom { .. } => 16,
    }
}

fn execute_kind(msg: &ExecuteMsg) -> usize {
    match msg {
        ExecuteMsg::Propose { .. } => 0,
        ExecuteMsg::Vote { .. } => 1,
        ExecuteMsg::Execute { .. } => 2,
        ExecuteMsg::Close { .. } => 3,
        ExecuteMsg::ClaimVoteRewards { .. } => 4,
        ExecuteMsg::UpdateConfig(_) => 5,
        ExecuteMsg::Receive(_) => 6,
        ExecuteMsg::RunActions { .. } => 7,
        ExecuteMsg::GuardianVeto { .. } => 8,
        ExecuteMsg::ClaimDeposit { .. } => 9,
    }
}

fn query_kind(msg: &QueryMsg) -> usize {
    match msg {
        QueryMsg::Config {} => 0,
        QueryMsg::Proposal { .. } => 1,
        QueryMsg::ListProposals { .. } => 2,
        QueryMsg::ReverseProposals { .. } => 3,
        QueryMsg::GetVote { .. } => 4,
        QueryMsg::ListVotes { .. } => 5,
        QueryMsg::VotingPower { .. } => 6,
        QueryMsg::PendingVoteRewards { .. } => 7,
        QueryMsg::Threshold {} => 8,
    }
}

/// Checks that `kinds` covers all `count` variants.
fn covers(kinds: impl Iterator<Item = usize>, count: usize, what: &str) {
    let mut seen = vec![false; count];
    kinds.for_each(|k| seen[k] = true);
    assert!(seen.iter().all(|s| *s), "a {what} variant is not tested");
}

#[test]
fn every_action_and_execute_message_reads_as_serde_writes_it() {
    let actions = actions();
    covers(actions.iter().map(action_kind), 17, "ProposalAction");
    for action in &actions {
        same(action);
    }
    let propose = ReceiveMsg::Propose {
        title: "t".into(),
        description: "d \u{1} é".into(),
        actions: actions.clone(),
    };
    same(&propose);
    let mut msgs = vec![
        ExecuteMsg::Propose {
            title: "t".into(),
            description: String::new(),
            actions,
        },
        ExecuteMsg::Execute { proposal_id: 0 },
        ExecuteMsg::Close {
            proposal_id: u64::MAX,
        },
        ExecuteMsg::ClaimVoteRewards {
            proposal_ids: vec![1, 2, 3],
        },
        ExecuteMsg::UpdateConfig(Box::new(update_config())),
        ExecuteMsg::UpdateConfig(Box::new(UpdateConfigMsg {
            proposal_deposit: Some(DepositChange::Remove),
            voter_rewards: Some(RewardsChange::Remove),
            threshold: Some(Threshold::AbsoluteCount { weight: 7 }),
            ..UpdateConfigMsg::default()
        })),
        ExecuteMsg::UpdateConfig(Box::new(UpdateConfigMsg {
            threshold: Some(Threshold::AbsolutePercentage {
                percentage: Decimal::percent(1),
            }),
            ..UpdateConfigMsg::default()
        })),
        ExecuteMsg::Receive(Cw20ReceiveMsg {
            sender: "s".into(),
            amount: Uint128::new(10),
            msg: to_json_binary(&propose).unwrap(),
        }),
        ExecuteMsg::RunActions { proposal_id: 3 },
        ExecuteMsg::GuardianVeto { proposal_id: 4 },
        ExecuteMsg::ClaimDeposit { proposal_id: 5 },
    ];
    for vote in [Vote::Yes, Vote::No, Vote::Abstain, Vote::Veto] {
        for rationale in [None, Some("why".to_string())] {
            msgs.push(ExecuteMsg::Vote {
                proposal_id: 1,
                vote,
                rationale,
            });
        }
    }
    covers(msgs.iter().map(execute_kind), 10, "ExecuteMsg");
    for msg in &msgs {
        same(msg);
    }
}

#[test]
fn every_query_reads_as_serde_writes_it() {
    let mut msgs = vec![
        QueryMsg::Config {},
        QueryMsg::Proposal { proposal_id: 1 },
        QueryMsg::GetVote {
            proposal_id: 1,
            voter: "v".into(),
        },
        QueryMsg::PendingVoteRewards {
            voter: "v".into(),
            proposal_ids: vec![],
        },
        QueryMsg::Threshold {},
    ];
    for (start, limit) in [(None, None), (Some(1), Some(30))] {
        msgs.extend([
            QueryMsg::ListProposals {
                start_after: start,
                limit,
            },
            QueryMsg::ReverseProposals {
                start_before: start,
                limit,
            },
            QueryMsg::ListVotes {
                proposal_id: 1,
                start_after: start.map(|_| "a".to_string()),
                limit,
            },
            QueryMsg::VotingPower {
                address: "a".into(),
                height: start,
            },
        ]);
    }
    covers(msgs.iter().map(query_kind), 9, "QueryMsg");
    for msg in &msgs {
        same(msg);
    }
}

#[test]
fn the_instantiate_message_reads_as_serde_writes_it_with_and_without_suite() {
    let mut msg = InstantiateMsg {
        token: Some("token".into()),
        suite: None,
        treasury: Some("treasury".into()),
        escrow: Some("escrow".into()),
        voting_period_seconds: 1,
        min_voting_period_seconds: Some(2),
        threshold: Threshold::AbsoluteCount { weight: 3 },
        allow_revoting: true,
        execution_delay_seconds: 4,
        execution_window_seconds: 5,
        proposal_deposit: Some(DepositConfigUnchecked {
            asset_info: Info::Cw20("token".into()),
            amount: Uint128::new(6),
            refund: RefundPolicy::Always,
        }),
        min_proposer_power: Uint128::new(7),
        voter_rewards: None,
        max_actions: 8,
        guardian: Some("g".into()),
    };
    same(&msg);
    msg.token = None;
    msg.treasury = None;
    msg.escrow = None;
    msg.min_voting_period_seconds = None;
    msg.proposal_deposit = None;
    msg.suite = Some(Box::new(suite()));
    same(&msg);
}

/// Actions are stored as the derived writer writes them, which is what serde wrote before:
/// proposals stored by earlier code read back unchanged, without a migration.
#[test]
fn stored_actions_are_the_bytes_serde_wrote() {
    let actions = actions();
    let mut store = MockStorage::new();
    save_actions(&mut store, 1, actions.clone(), |_, _| Ok(())).unwrap();
    let stored = StoredActions::load(&store, 1).unwrap();
    let texts = stored.texts().unwrap();
    for (text, action) in texts.iter().zip(&actions) {
        assert_eq!(*text, to_json_vec(action).unwrap().as_slice());
    }
    assert_eq!(stored.parse().unwrap(), actions);
}
