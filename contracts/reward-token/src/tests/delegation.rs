//! Delegation and voting power by height.

use super::*;

#[test]
fn undelegated_accounts_vote_themselves() {
    let s = Suite::new();
    let alice = s.addr("alice");
    assert_eq!(s.delegatee(&alice), alice);
    assert_eq!(s.power(&alice, None), 1_000);
    assert_eq!(s.total_power(None), 1_500);
}

#[test]
fn power_at_height_is_start_of_block() {
    let mut s = Suite::new();
    let (alice, carol) = (s.addr("alice"), s.addr("carol"));
    s.next_block(5);
    let h = s.height();
    s.exec_ok(
        &alice,
        &ExecuteMsg::Transfer {
            recipient: carol.to_string(),
            amount: Uint128::new(400),
        },
    );
    // within block h the change is not yet visible at h
    assert_eq!(s.power(&carol, Some(h)), 0);
    assert_eq!(s.power(&alice, Some(h)), 1_000);
    // but is now
    assert_eq!(s.power(&carol, None), 400);
    s.next_block(5);
    assert_eq!(s.power(&carol, Some(h + 1)), 400);
    assert_eq!(s.power(&alice, Some(h + 1)), 600);
    assert_eq!(s.power(&alice, Some(h)), 1_000);
    let res: VotingPowerAtHeightResponse = s.query(&QueryMsg::VotingPowerAtHeight {
        address: alice.to_string(),
        height: None,
    });
    assert_eq!(res.height, s.height());
}

#[test]
fn delegation_moves_power_not_tokens() {
    let mut s = Suite::new();
    let (alice, bob, carol) = (s.addr("alice"), s.addr("bob"), s.addr("carol"));
    s.next_block(5);
    let h = s.height();
    let res = s.exec_ok(
        &alice,
        &ExecuteMsg::Delegate {
            delegatee: bob.to_string(),
        },
    );
    assert_eq!(attr(&res, "power").as_deref(), Some("1000"));
    assert_eq!(s.delegatee(&alice), bob);
    assert_eq!(s.balance(&alice), 1_000);
    assert_eq!(s.power(&alice, None), 0);
    assert_eq!(s.power(&bob, None), 1_500);

    // tokens the delegator receives later follow the delegation
    let minter = s.minter.clone();
    s.exec_ok(
        &minter,
        &ExecuteMsg::Mint {
            recipient: alice.to_string(),
            amount: Uint128::new(100),
        },
    );
    assert_eq!(s.power(&bob, None), 1_600);
    // and tokens it sends away leave the delegatee
    s.exec_ok(
        &alice,
        &ExecuteMsg::Transfer {
            recipient: carol.to_string(),
            amount: Uint128::new(600),
        },
    );
    assert_eq!(s.power(&bob, None), 1_000);
    assert_eq!(s.power(&carol, None), 600);

    // delegation is not transitive: bob delegating passes only bob's own 500
    s.exec_ok(
        &bob,
        &ExecuteMsg::Delegate {
            delegatee: carol.to_string(),
        },
    );
    assert_eq!(s.power(&bob, None), 500);
    assert_eq!(s.power(&carol, None), 1_100);

    s.exec_ok(&alice, &ExecuteMsg::Undelegate {});
    assert_eq!(s.delegatee(&alice), alice);
    assert_eq!(s.power(&alice, None), 500);
    assert_eq!(s.power(&bob, None), 0);
    assert_eq!(s.total_power(None), 1_600);

    // history at h is untouched by all of it
    s.next_block(5);
    assert_eq!(s.power(&alice, Some(h)), 1_000);
    assert_eq!(s.power(&bob, Some(h)), 500);
    assert_eq!(s.power(&carol, Some(h)), 0);
}

#[test]
fn delegating_to_self_is_undelegating() {
    let mut s = Suite::new();
    let (alice, bob) = (s.addr("alice"), s.addr("bob"));
    s.exec_ok(
        &alice,
        &ExecuteMsg::Delegate {
            delegatee: bob.to_string(),
        },
    );
    s.exec_ok(
        &alice,
        &ExecuteMsg::Delegate {
            delegatee: alice.to_string(),
        },
    );
    assert_eq!(s.delegatee(&alice), alice);
    assert_eq!(s.power(&alice, None), 1_000);
    assert_eq!(
        s.exec_err(&alice, &ExecuteMsg::Undelegate {}),
        ContractError::NotDelegated
    );
}

#[test]
fn transfers_between_holders_of_one_delegatee_move_no_power() {
    let mut s = Suite::new();
    let (alice, bob, dave) = (s.addr("alice"), s.addr("bob"), s.addr("dave"));
    for who in [&alice, &bob] {
        s.exec_ok(
            who,
            &ExecuteMsg::Delegate {
                delegatee: dave.to_string(),
            },
        );
    }
    s.next_block(5);
    let h = s.height();
    s.exec_ok(
        &alice,
        &ExecuteMsg::Transfer {
            recipient: bob.to_string(),
            amount: Uint128::new(300),
        },
    );
    assert_eq!((s.balance(&alice), s.balance(&bob)), (700, 800));
    assert_eq!(s.power(&dave, None), 1_500);
    assert_eq!(s.power(&alice, None), 0);
    assert_eq!(s.power(&bob, None), 0);
    // and the power history of the block is untouched
    s.next_block(5);
    assert_eq!(s.power(&dave, Some(h)), 1_500);
    assert_eq!(s.power(&dave, Some(h + 1)), 1_500);
    assert_eq!(s.total_power(Some(h + 1)), 1_500);
    // once bob votes himself again, his tokens' power follows them
    s.exec_ok(&bob, &ExecuteMsg::Undelegate {});
    s.exec_ok(
        &bob,
        &ExecuteMsg::Transfer {
            recipient: alice.to_string(),
            amount: Uint128::new(100),
        },
    );
    assert_eq!(s.power(&bob, None), 700);
    assert_eq!(s.power(&dave, None), 800);
}

#[test]
fn delegated_locked_grants_follow_the_delegatee() {
    let mut s = Suite::new();
    let (carol, bob, minter) = (s.addr("carol"), s.addr("bob"), s.minter.clone());
    s.exec_ok(
        &carol,
        &ExecuteMsg::Delegate {
            delegatee: bob.to_string(),
        },
    );
    s.mint_vesting(&carol, 300, s.schedule(), true).unwrap();
    assert_eq!(s.power(&bob, None), 800);
    s.next_block(500);
    s.exec_ok(
        &minter,
        &ExecuteMsg::RevokeVesting {
            recipient: carol.to_string(),
            grant_id: 1,
        },
    );
    assert_eq!(s.power(&bob, None), 650);
    s.exec_ok(&carol, &ExecuteMsg::Undelegate {});
    assert_eq!(s.power(&carol, None), 150);
    assert_eq!(s.power(&bob, None), 500);
}

#[test]
fn burn_lowers_power_and_total() {
    let mut s = Suite::new();
    let (alice, bob) = (s.addr("alice"), s.addr("bob"));
    s.exec_ok(
        &alice,
        &ExecuteMsg::Delegate {
            delegatee: bob.to_string(),
        },
    );
    s.exec_ok(
        &alice,
        &ExecuteMsg::Burn {
            amount: Uint128::new(250),
        },
    );
    assert_eq!(s.power(&bob, None), 1_250);
    assert_eq!(s.total_power(None), 1_250);
}

#[test]
fn total_power_excluding_some_accounts() {
    let mut s = Suite::new();
    let (alice, bob) = (s.addr("alice"), s.addr("bob"));
    let h = s.height();
    s.next_block(5);
    // alice 1,000 and bob 500 at the start of block h + 1
    assert_eq!(s.total_excluding(Some(h + 1), &[]).unwrap(), 1_500);
    assert_eq!(s.total_excluding(Some(h + 1), &[&alice]).unwrap(), 500);
    assert_eq!(s.total_excluding(None, &[&alice, &bob]).unwrap(), 0);
    // an account without tokens takes nothing away
    let nobody = s.addr("nobody");
    assert_eq!(s.total_excluding(None, &[&nobody]).unwrap(), 1_500);
}

#[test]
fn total_power_excluding_refuses_bad_lists() {
    let s = Suite::new();
    let alice = s.addr("alice");
    let err = s.total_excluding(None, &[&alice, &alice]).unwrap_err();
    assert!(err.to_string().contains("listed twice"), "{err}");
    let many: Vec<Addr> = (0..31).map(|i| s.addr(&format!("a{i}"))).collect();
    let refs: Vec<&Addr> = many.iter().collect();
    let err = s.total_excluding(None, &refs).unwrap_err();
    assert!(err.to_string().contains("at most 30"), "{err}");
    let bad = Addr::unchecked("not-an-address");
    assert!(s.total_excluding(None, &[&bad]).is_err());
}
