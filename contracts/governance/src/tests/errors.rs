//! Bad input gets its specific error.

use super::*;
use commons::pagination::ListError;
use cosmwasm_std::coins;
use cw_utils::PaymentError;

#[test]
fn votes_on_unknown_or_finished_proposals() {
    let mut s = Suite::new();
    let err = s
        .vote("alice", 9, Vote::Yes)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(err, ContractError::ProposalNotFound { proposal_id: 9 });
    let id = s.propose("alice", vec![]).unwrap();
    s.vote("alice", id, Vote::No).unwrap();
    s.vote("bob", id, Vote::No).unwrap();
    s.exec("anyone", &ExecuteMsg::Close { proposal_id: id })
        .unwrap();
    let err = s
        .vote("carol", id, Vote::Yes)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(
        err,
        ContractError::VotingClosed {
            proposal_id: id,
            status: Status::Closed
        }
    );
}

#[test]
fn double_votes_without_revoting() {
    let mut s = Suite::new();
    let id = s.propose("alice", vec![]).unwrap();
    s.vote("dave", id, Vote::Yes).unwrap();
    let err = s
        .vote("dave", id, Vote::No)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(err, ContractError::AlreadyVoted { proposal_id: id });
    assert_eq!(s.proposal(id).tally.yes.u128(), 100);
}

#[test]
fn proposer_power_and_empty_title() {
    let mut s = Suite::with(|m| m.min_proposer_power = Uint128::new(200));
    let err = s
        .propose("dave", vec![])
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(
        err,
        ContractError::InsufficientProposerPower {
            required: Uint128::new(200),
            power: Uint128::new(100)
        }
    );
    s.propose("carol", vec![]).unwrap();
    let err = s.exec_err(
        "alice",
        &ExecuteMsg::Propose {
            title: " ".into(),
            description: String::new(),
            actions: vec![],
        },
    );
    assert!(matches!(err, ContractError::InvalidProposal { .. }));
    let err = s.exec_err(
        "alice",
        &ExecuteMsg::Propose {
            title: "t".repeat(141),
            description: String::new(),
            actions: vec![],
        },
    );
    assert!(matches!(err, ContractError::InvalidProposal { .. }));
}

#[test]
fn funds_are_refused_where_none_are_taken() {
    let mut s = Suite::new();
    let alice = s.addr("alice");
    s.app
        .init_modules(|r, _, st| r.bank.init_balance(st, &alice, coins(100, "ucoin")))
        .unwrap();
    let id = s.propose("alice", vec![]).unwrap();
    let msgs = [
        ExecuteMsg::Propose {
            title: "x".into(),
            description: String::new(),
            actions: vec![],
        },
        ExecuteMsg::Vote {
            proposal_id: id,
            vote: Vote::Yes,
            rationale: None,
        },
        ExecuteMsg::Execute { proposal_id: id },
        ExecuteMsg::Close { proposal_id: id },
        ExecuteMsg::ClaimVoteRewards {
            proposal_ids: vec![id],
        },
    ];
    let gov = s.gov.clone();
    let funds = coins(1, "ucoin");
    for (msg, err) in commons_testing::errors_with_funds(&mut s.app, &alice, &gov, &msgs, &funds) {
        let err = err.downcast::<ContractError>().unwrap();
        assert_eq!(
            err,
            ContractError::Payment(PaymentError::NonPayable {}),
            "{msg}"
        );
    }
}

#[test]
fn claim_lists_are_bounded_and_unique() {
    let mut s = Suite::new();
    let err = s.exec_err(
        "alice",
        &ExecuteMsg::ClaimVoteRewards {
            proposal_ids: vec![1, 1],
        },
    );
    assert_eq!(
        err,
        ContractError::List(ListError::Duplicate { item: "1".into() })
    );
    let err = s.exec_err(
        "alice",
        &ExecuteMsg::ClaimVoteRewards {
            proposal_ids: (1..=31).collect(),
        },
    );
    assert_eq!(
        err,
        ContractError::List(ListError::TooLong { len: 31, max: 30 })
    );
    let err = s.exec_err(
        "alice",
        &ExecuteMsg::ClaimVoteRewards {
            proposal_ids: vec![],
        },
    );
    assert_eq!(err, ContractError::List(ListError::Empty));
}

fn instantiate_err(change: impl FnOnce(&mut InstantiateMsg)) -> ContractError {
    let mut app = App::default();
    let code = app.store_code(governance_contract());
    let token = app.api().addr_make("token");
    let mut msg = base_msg(&token);
    change(&mut msg);
    let sender = app.api().addr_make("admin");
    app.instantiate_contract(code, sender, &msg, &[], "gov", None)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap()
}

#[test]
fn invalid_configurations() {
    assert!(matches!(
        instantiate_err(|m| m.voting_period_seconds = 0),
        ContractError::InvalidConfig { .. }
    ));
    assert!(matches!(
        instantiate_err(|m| m.min_voting_period_seconds = Some(VOTING + 1)),
        ContractError::InvalidConfig { .. }
    ));
    assert!(matches!(
        instantiate_err(|m| m.execution_window_seconds = 0),
        ContractError::InvalidConfig { .. }
    ));
    assert!(matches!(
        instantiate_err(|m| m.max_actions = 0),
        ContractError::InvalidConfig { .. }
    ));
    assert!(matches!(
        instantiate_err(|m| m.max_actions = 31),
        ContractError::InvalidConfig { .. }
    ));
    assert!(matches!(
        instantiate_err(|m| m.threshold = Threshold::AbsoluteCount { weight: 0 }),
        ContractError::InvalidThreshold { .. }
    ));
    assert!(matches!(
        instantiate_err(|m| m.threshold = Threshold::AbsolutePercentage {
            percentage: Decimal::percent(101)
        }),
        ContractError::InvalidThreshold { .. }
    ));
    assert!(matches!(
        instantiate_err(|m| m.threshold = Threshold::ThresholdQuorum {
            threshold: Decimal::percent(50),
            quorum: Decimal::zero()
        }),
        ContractError::InvalidThreshold { .. }
    ));
    assert!(matches!(
        instantiate_err(|m| m.token = Some("Token".into())),
        ContractError::InvalidAddress { .. }
    ));
    // a native deposit needs a treasury to receive forfeits
    assert!(matches!(
        instantiate_err(|m| m.proposal_deposit =
            Some(commons::governance::DepositConfigUnchecked {
                asset_info: commons::AssetInfoUnchecked::Native("ucoin".into()),
                amount: Uint128::new(10),
                refund: commons::governance::RefundPolicy::Always,
            })),
        ContractError::InvalidConfig { .. }
    ));
}
