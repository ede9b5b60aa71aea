//! Queries: pagination both ways, ballots, voting power, threshold; and migration.

use super::*;
use commons::governance::{
    ProposalListResponse, ThresholdResponse, VoteListResponse, VoteResponse, VotingPowerResponse,
};
use commons::migrate::{MigrateError, MigrateMsg};

fn list(s: &Suite, msg: QueryMsg) -> Vec<u64> {
    let res: ProposalListResponse = s.app.wrap().query_wasm_smart(s.gov.clone(), &msg).unwrap();
    res.proposals.iter().map(|p| p.id).collect()
}

#[test]
fn proposals_page_forward_and_backward() {
    let mut s = Suite::new();
    for _ in 0..12 {
        s.propose("alice", vec![]).unwrap();
    }
    assert_eq!(
        list(
            &s,
            QueryMsg::ListProposals {
                start_after: None,
                limit: None
            }
        ),
        (1..=10).collect::<Vec<_>>()
    );
    assert_eq!(
        list(
            &s,
            QueryMsg::ListProposals {
                start_after: Some(10),
                limit: Some(50)
            }
        ),
        vec![11, 12]
    );
    assert_eq!(
        list(
            &s,
            QueryMsg::ReverseProposals {
                start_before: None,
                limit: Some(3)
            }
        ),
        vec![12, 11, 10]
    );
    assert_eq!(
        list(
            &s,
            QueryMsg::ReverseProposals {
                start_before: Some(3),
                limit: None
            }
        ),
        vec![2, 1]
    );
    let all = list(
        &s,
        QueryMsg::ListProposals {
            start_after: None,
            limit: Some(100),
        },
    );
    assert_eq!(all.len(), 12, "at most 30 per page, all 12 here");
}

#[test]
fn ballots_and_vote_lists() {
    let mut s = Suite::new();
    let id = s.propose("alice", vec![]).unwrap();
    s.exec(
        "carol",
        &ExecuteMsg::Vote {
            proposal_id: id,
            vote: Vote::No,
            rationale: Some("too costly".into()),
        },
    )
    .unwrap();
    s.vote("dave", id, Vote::Abstain).unwrap();
    let res: VoteResponse = s
        .app
        .wrap()
        .query_wasm_smart(
            s.gov.clone(),
            &QueryMsg::GetVote {
                proposal_id: id,
                voter: s.addr("carol").to_string(),
            },
        )
        .unwrap();
    let ballot = res.ballot.unwrap();
    assert_eq!((ballot.vote, ballot.power.u128()), (Vote::No, 200));
    assert_eq!(ballot.rationale.as_deref(), Some("too costly"));
    let res: VoteResponse = s
        .app
        .wrap()
        .query_wasm_smart(
            s.gov.clone(),
            &QueryMsg::GetVote {
                proposal_id: id,
                voter: s.addr("bob").to_string(),
            },
        )
        .unwrap();
    assert!(res.ballot.is_none());
    let first: VoteListResponse = s
        .app
        .wrap()
        .query_wasm_smart(
            s.gov.clone(),
            &QueryMsg::ListVotes {
                proposal_id: id,
                start_after: None,
                limit: Some(1),
            },
        )
        .unwrap();
    assert_eq!(first.votes.len(), 1);
    let rest: VoteListResponse = s
        .app
        .wrap()
        .query_wasm_smart(
            s.gov.clone(),
            &QueryMsg::ListVotes {
                proposal_id: id,
                start_after: Some(first.votes[0].voter.to_string()),
                limit: None,
            },
        )
        .unwrap();
    assert_eq!(rest.votes.len(), 1);
    assert_ne!(rest.votes[0].voter, first.votes[0].voter);
    // a rationale is bounded
    let err = s.exec_err(
        "bob",
        &ExecuteMsg::Vote {
            proposal_id: id,
            vote: Vote::Yes,
            rationale: Some("x".repeat(1_001)),
        },
    );
    assert!(matches!(err, ContractError::InvalidProposal { .. }));
}

#[test]
fn voting_power_and_threshold() {
    let s = Suite::new();
    let res: VotingPowerResponse = s
        .app
        .wrap()
        .query_wasm_smart(
            s.gov.clone(),
            &QueryMsg::VotingPower {
                address: s.addr("bob").to_string(),
                height: None,
            },
        )
        .unwrap();
    assert_eq!(res.power.u128(), 300);
    let res: ThresholdResponse = s
        .app
        .wrap()
        .query_wasm_smart(s.gov.clone(), &QueryMsg::Threshold {})
        .unwrap();
    assert_eq!(res.total_power.u128(), 1_000);
    assert_eq!(
        res.threshold,
        Threshold::AbsolutePercentage {
            percentage: Decimal::percent(50)
        }
    );
}

#[test]
fn migrate_same_name_only() {
    let mut s = Suite::new();
    let admin = s.addr("admin");
    let code = s.app.store_code(governance_contract());
    s.app
        .migrate_contract(admin.clone(), s.gov.clone(), &MigrateMsg {}, code)
        .unwrap();
    // the token is another contract: migrating it to governance code is refused
    let token_code = s.app.store_code(token_contract());
    let other = s
        .app
        .instantiate_contract(
            token_code,
            admin.clone(),
            &commons::reward_token::InstantiateMsg {
                name: "Other".into(),
                symbol: "OTH".into(),
                decimals: 0,
                initial_balances: vec![],
                mint: None,
                marketing: None,
                vesting_counts_for_voting: true,
                change_delay_seconds: None,
            },
            &[],
            "other",
            Some(admin.to_string()),
        )
        .unwrap();
    let err = s
        .app
        .migrate_contract(admin, other, &MigrateMsg {}, code)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(
        err,
        ContractError::Migrate(MigrateError::WrongContract {
            expected: "crates.io:commons-governance".into(),
            found: "crates.io:commons-reward-token".into(),
        })
    );
}
