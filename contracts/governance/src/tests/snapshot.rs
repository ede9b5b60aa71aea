//! Votes count the power at the snapshot (the start of the creation block), nothing later.

use super::*;

fn transfer(s: &mut Suite, from: &str, to: &str, amount: u128) {
    let to = s.addr(to).to_string();
    s.token_exec(
        from,
        &TokenMsg::Transfer {
            recipient: to,
            amount: Uint128::new(amount),
        },
    )
    .unwrap();
}

#[test]
fn tokens_received_after_creation_add_no_votes() {
    let mut s = Suite::new();
    let id = s.propose("alice", vec![]).unwrap();
    transfer(&mut s, "alice", "carol", 300);
    transfer(&mut s, "bob", "eve", 300);
    s.next_block(5);
    let res = s.vote("carol", id, Vote::Yes).unwrap();
    assert_eq!(attr(&res, "power").as_deref(), Some("200"));
    let err = s
        .vote("eve", id, Vote::Yes)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(
        err,
        ContractError::ZeroVotingPower {
            height: s.proposal(id).snapshot_height
        }
    );
}

#[test]
fn a_seller_keeps_its_vote() {
    let mut s = Suite::new();
    let id = s.propose("bob", vec![]).unwrap();
    transfer(&mut s, "alice", "eve", 400);
    s.next_block(5);
    let res = s.vote("alice", id, Vote::No).unwrap();
    assert_eq!(attr(&res, "power").as_deref(), Some("400"));
    assert_eq!(s.proposal(id).tally.no.u128(), 400);
}

#[test]
fn tokens_moved_in_the_creation_block_do_not_count() {
    let mut s = Suite::new();
    // same block: the transfer happens before the proposal, but after the snapshot point
    transfer(&mut s, "alice", "eve", 400);
    let id = s.propose("bob", vec![]).unwrap();
    let err = s
        .vote("eve", id, Vote::Yes)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert!(matches!(err, ContractError::ZeroVotingPower { .. }));
    let res = s.vote("alice", id, Vote::Yes).unwrap();
    assert_eq!(attr(&res, "power").as_deref(), Some("400"));
}

#[test]
fn delegation_after_creation_changes_nothing() {
    let mut s = Suite::new();
    let id = s.propose("bob", vec![]).unwrap();
    let alice = s.addr("alice").to_string();
    s.token_exec("dave", &TokenMsg::Delegate { delegatee: alice })
        .unwrap();
    s.next_block(5);
    let res = s.vote("alice", id, Vote::Abstain).unwrap();
    assert_eq!(attr(&res, "power").as_deref(), Some("400"));
    let res = s.vote("dave", id, Vote::Abstain).unwrap();
    assert_eq!(attr(&res, "power").as_deref(), Some("100"));
}

#[test]
fn tokens_minted_after_creation_add_no_votes() {
    let mut s = Suite::new();
    // first proposal mints 1_000 to eve, which would be a majority on its own
    let mint = mint_action(&s, "eve", 1_000);
    let first = s.propose("alice", vec![mint]).unwrap();
    let second = s.propose("alice", vec![]).unwrap();
    let at = s.pass(first);
    s.go_to(at);
    s.execute_proposal(first).unwrap();
    assert_eq!(s.balance(&s.addr("eve")), 1_000);
    let err = s
        .vote("eve", second, Vote::Veto)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert!(matches!(err, ContractError::ZeroVotingPower { .. }));
    // and the total power of the older proposal is unchanged
    assert_eq!(s.proposal(second).total_power.u128(), 1_000);
}

#[test]
fn suite_contracts_power_is_not_counted() {
    let mut s = Suite::with(|m| {
        m.treasury = Some(App::default().api().addr_make("treasury").into_string());
    });
    transfer(&mut s, "alice", "treasury", 100);
    let gov = s.gov.to_string();
    s.token_exec(
        "bob",
        &TokenMsg::Transfer {
            recipient: gov,
            amount: Uint128::new(50),
        },
    )
    .unwrap();
    s.next_block(5);
    let id = s.propose("alice", vec![]).unwrap();
    assert_eq!(s.proposal(id).total_power.u128(), 850);
    let err = s
        .vote("treasury", id, Vote::Yes)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(err, ContractError::ContractCannotVote);
}
