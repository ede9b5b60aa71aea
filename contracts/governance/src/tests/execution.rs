//! Timelock, execution window, atomic failure, closing.

use super::*;

#[test]
fn timelock_and_window_boundaries() {
    let mut s = Suite::new();
    let id = s
        .propose("alice", vec![mint_action(&s, "eve", 10)])
        .unwrap();
    let executable_at = s.pass(id);
    let deadline = s.proposal(id).execution_deadline.unwrap();
    assert_eq!(deadline, executable_at.plus_seconds(WINDOW));

    s.go_to(executable_at.minus_seconds(1));
    let err = s
        .execute_proposal(id)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(
        err,
        ContractError::TimelockNotElapsed {
            proposal_id: id,
            executable_at
        }
    );

    s.go_to(executable_at);
    let res = s.execute_proposal(id).unwrap();
    assert_eq!(attr(&res, "action").as_deref(), Some("execute"));
    assert_eq!(s.status(id), Status::Executed);
    assert_eq!(s.balance(&s.addr("eve")), 10);
    // once only
    let err = s
        .execute_proposal(id)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(
        err,
        ContractError::NotPassed {
            proposal_id: id,
            status: Status::Executed
        }
    );
}

#[test]
fn last_second_of_the_window_and_expiry() {
    let mut s = Suite::new();
    let a = s.propose("alice", vec![mint_action(&s, "eve", 1)]).unwrap();
    let b = s.propose("alice", vec![mint_action(&s, "eve", 1)]).unwrap();
    s.pass(a);
    s.pass(b);
    let deadline = s.proposal(a).execution_deadline.unwrap();
    s.go_to(deadline.minus_seconds(1));
    s.execute_proposal(a).unwrap();
    s.go_to(deadline);
    assert_eq!(s.status(b), Status::Expired);
    let err = s
        .execute_proposal(b)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(
        err,
        ContractError::NotPassed {
            proposal_id: b,
            status: Status::Expired
        }
    );
    let res = s
        .exec("anyone", &ExecuteMsg::Close { proposal_id: b })
        .unwrap();
    assert_eq!(attr(&res, "closed_as").as_deref(), Some("expired"));
    let p = s.proposal(b);
    assert_eq!(
        (p.status, p.closed_as),
        (Status::Closed, Some(Status::Expired))
    );
    assert_eq!(s.balance(&s.addr("eve")), 1);
}

#[test]
fn a_failing_action_fails_the_whole_proposal_atomically() {
    let mut s = Suite::new();
    let eve = s.addr("eve").to_string();
    let actions = vec![
        mint_action(&s, "eve", 50),
        // there is no grant 999: the token refuses, so the mint above must not happen either
        ProposalAction::TokenRevokeVesting {
            recipient: eve,
            grant_id: 999,
        },
    ];
    let id = s.propose("alice", actions).unwrap();
    let at = s.pass(id);
    s.go_to(at);
    let res = s.execute_proposal(id).unwrap();
    assert!(res
        .events
        .iter()
        .any(|e| e.attributes.iter().any(|a| a.value == "execution_failed")));
    let p = s.proposal(id);
    assert_eq!(p.status, Status::ExecutionFailed);
    assert!(p.execution_error.unwrap().contains("999"));
    assert_eq!(s.balance(&s.addr("eve")), 0);
    // and it is final, not retryable
    let err = s
        .execute_proposal(id)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(
        err,
        ContractError::NotPassed {
            proposal_id: id,
            status: Status::ExecutionFailed
        }
    );
}

#[test]
fn close_only_rejected_vetoed_or_expired() {
    let mut s = Suite::new();
    let open = s.propose("alice", vec![]).unwrap();
    let close = |s: &mut Suite, id| s.exec_err("anyone", &ExecuteMsg::Close { proposal_id: id });
    assert_eq!(
        close(&mut s, open),
        ContractError::NotClosable {
            proposal_id: open,
            status: Status::Open
        }
    );
    s.pass(open);
    assert_eq!(
        close(&mut s, open),
        ContractError::NotClosable {
            proposal_id: open,
            status: Status::Passed
        }
    );

    let rejected = s.propose("alice", vec![]).unwrap();
    s.vote("alice", rejected, Vote::No).unwrap();
    s.vote("bob", rejected, Vote::No).unwrap();
    let res = s
        .exec(
            "anyone",
            &ExecuteMsg::Close {
                proposal_id: rejected,
            },
        )
        .unwrap();
    assert_eq!(attr(&res, "closed_as").as_deref(), Some("rejected"));
    assert_eq!(
        close(&mut s, rejected),
        ContractError::NotClosable {
            proposal_id: rejected,
            status: Status::Closed
        }
    );
    assert_eq!(
        close(&mut s, 77),
        ContractError::ProposalNotFound { proposal_id: 77 }
    );
}

#[test]
fn run_actions_is_internal() {
    let mut s = Suite::new();
    let id = s.propose("alice", vec![mint_action(&s, "eve", 5)]).unwrap();
    let at = s.pass(id);
    s.go_to(at);
    let err = s.exec_err("alice", &ExecuteMsg::RunActions { proposal_id: id });
    assert_eq!(
        err,
        ContractError::OnlyGovernance {
            action: "run proposal actions".into()
        }
    );
    assert_eq!(s.balance(&s.addr("eve")), 0);
}
