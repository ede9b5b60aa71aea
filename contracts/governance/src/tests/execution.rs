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

/// A single message is sent as the submessage itself (no call to governance's own
/// `run_actions`); its failure still makes the proposal `execution_failed`.
#[test]
fn a_single_action_runs_without_the_call_to_governance() {
    let mut s = Suite::new();
    let id = s.propose("alice", vec![mint_action(&s, "eve", 5)]).unwrap();
    let at = s.pass(id);
    s.go_to(at);
    let res = s.execute_proposal(id).unwrap();
    let actions: Vec<_> = res
        .events
        .iter()
        .flat_map(|e| e.attributes.iter())
        .filter(|a| a.key == "action")
        .map(|a| a.value.as_str())
        .collect();
    assert_eq!(actions, ["execute", "mint"]);
    assert_eq!(s.status(id), Status::Executed);
    assert_eq!(s.balance(&s.addr("eve")), 5);

    let eve = s.addr("eve").to_string();
    let revoke = ProposalAction::TokenRevokeVesting {
        recipient: eve,
        grant_id: 7,
    };
    let id = s.propose("alice", vec![revoke]).unwrap();
    let at = s.pass(id);
    s.go_to(at);
    s.execute_proposal(id).unwrap();
    let p = s.proposal(id);
    assert_eq!(p.status, Status::ExecutionFailed);
    assert!(p.execution_error.unwrap().contains('7'));
}

/// One `custom` action carrying several messages runs them all or none.
#[test]
fn one_custom_action_with_several_messages_is_atomic() {
    let mut s = Suite::new();
    let gov = s.gov.to_string();
    s.token_exec(
        "alice",
        &TokenMsg::Transfer {
            recipient: gov,
            amount: Uint128::new(30),
        },
    )
    .unwrap();
    let (token, eve) = (s.token.to_string(), s.addr("eve").to_string());
    let transfer = |amount: u128| -> cosmwasm_std::CosmosMsg {
        cosmwasm_std::WasmMsg::Execute {
            contract_addr: token.clone(),
            msg: cosmwasm_std::to_json_binary(&TokenMsg::Transfer {
                recipient: eve.clone(),
                amount: Uint128::new(amount),
            })
            .unwrap(),
            funds: vec![],
        }
        .into()
    };
    // the second transfer exceeds what governance holds: the first must not happen either
    let msgs = vec![transfer(10), transfer(1_000)];
    s.next_block(5);
    let id = s
        .propose("alice", vec![ProposalAction::Custom { msgs }])
        .unwrap();
    let at = s.pass(id);
    s.go_to(at);
    s.execute_proposal(id).unwrap();
    assert_eq!(s.status(id), Status::ExecutionFailed);
    assert_eq!(s.balance(&s.addr("eve")), 0);
    // and with messages that all succeed, all of them take effect
    let msgs = vec![transfer(10), transfer(20)];
    let id = s
        .propose("alice", vec![ProposalAction::Custom { msgs }])
        .unwrap();
    let at = s.pass(id);
    s.go_to(at);
    s.execute_proposal(id).unwrap();
    assert_eq!(s.status(id), Status::Executed);
    assert_eq!(s.balance(&s.addr("eve")), 30);
}
