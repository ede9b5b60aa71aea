//! Vesting grants end to end: mint, claim over time, revoke, and the voting power they carry.

use super::*;

#[test]
fn claim_follows_the_schedule() {
    let mut s = Suite::new();
    let carol = s.addr("carol");
    let schedule = s.schedule();
    s.mint_vesting(&carol, 1_000, schedule, false).unwrap();
    let v = s.vesting(&carol);
    assert_eq!(v.locked.u128(), 1_000);
    assert_eq!(v.grants.len(), 1);
    assert_eq!(v.grants[0].vested.u128(), 0);
    assert_eq!(s.balance(&carol), 0);

    s.next_block(100); // at the cliff: 10%
    let res = s.exec_ok(&carol, &ExecuteMsg::ClaimVested { grant_ids: None });
    assert_eq!(attr(&res, "amount").as_deref(), Some("100"));
    assert_eq!(attr(&res, "grant_ids").as_deref(), Some("1"));
    assert_eq!(s.balance(&carol), 100);
    assert_eq!(s.vesting(&carol).locked.u128(), 900);
    assert_eq!(s.supply().locked_total.u128(), 900);

    s.next_block(400); // 50%
    let g = &s.vesting(&carol).grants[0];
    assert_eq!(
        (g.vested.u128(), g.claimed.u128(), g.claimable.u128()),
        (500, 100, 400)
    );
    s.exec_ok(
        &carol,
        &ExecuteMsg::ClaimVested {
            grant_ids: Some(vec![1]),
        },
    );
    assert_eq!(s.balance(&carol), 500);

    s.next_block(10_000); // long after the end
    s.exec_ok(&carol, &ExecuteMsg::ClaimVested { grant_ids: None });
    assert_eq!(s.balance(&carol), 1_000);
    let v = s.vesting(&carol);
    assert!(v.grants.is_empty(), "a settled grant is closed");
    assert_eq!(v.locked.u128(), 0);
    assert_eq!(s.supply().total_supply.u128(), 2_500);
    assert_eq!(
        s.exec_err(&carol, &ExecuteMsg::ClaimVested { grant_ids: None }),
        ContractError::NothingToClaim
    );
}

#[test]
fn revoke_keeps_vested_and_burns_the_rest() {
    let mut s = Suite::new();
    let (carol, minter) = (s.addr("carol"), s.minter.clone());
    s.mint_vesting(&carol, 1_000, s.schedule(), true).unwrap();
    s.next_block(250);
    let res = s.exec_ok(
        &minter,
        &ExecuteMsg::RevokeVesting {
            recipient: carol.to_string(),
            grant_id: 1,
        },
    );
    assert_eq!(attr(&res, "vested").as_deref(), Some("250"));
    assert_eq!(attr(&res, "burned").as_deref(), Some("750"));
    let supply = s.supply();
    assert_eq!(supply.total_supply.u128(), 1_750);
    assert_eq!(supply.burned_total.u128(), 750);
    assert_eq!(supply.locked_total.u128(), 250);
    assert_eq!(supply.minted_total.u128(), 2_500);
    assert_eq!(s.power(&carol, None), 250);

    // the vested part stays claimable, later too, and does not grow
    s.next_block(5_000);
    let g = &s.vesting(&carol).grants[0];
    assert!(g.revoked);
    assert_eq!(
        (g.vested.u128(), g.claimable.u128(), g.burned.u128()),
        (250, 250, 750)
    );
    s.exec_ok(&carol, &ExecuteMsg::ClaimVested { grant_ids: None });
    assert_eq!(s.balance(&carol), 250);
    assert!(s.vesting(&carol).grants.is_empty());
}

#[test]
fn grants_vote_when_configured() {
    let mut s = Suite::new();
    let carol = s.addr("carol");
    let h = s.height();
    s.mint_vesting(&carol, 1_000, s.schedule(), false).unwrap();
    s.next_block(5);
    assert_eq!(s.power(&carol, Some(h)), 0);
    assert_eq!(s.power(&carol, Some(h + 1)), 1_000);
    assert_eq!(s.total_power(Some(h + 1)), 2_500);
    // claiming moves tokens from locked to liquid: power unchanged
    s.next_block(500);
    s.exec_ok(&carol, &ExecuteMsg::ClaimVested { grant_ids: None });
    assert_eq!(s.power(&carol, None), 1_000);
    assert_eq!(s.total_power(None), 2_500);
}

#[test]
fn grants_do_not_vote_when_configured_off() {
    let mut s = Suite::with(|m| m.vesting_counts_for_voting = false);
    let (carol, minter) = (s.addr("carol"), s.minter.clone());
    s.mint_vesting(&carol, 1_000, s.schedule(), true).unwrap();
    assert_eq!(s.power(&carol, None), 0);
    assert_eq!(s.total_power(None), 1_500);
    s.next_block(500);
    s.exec_ok(&carol, &ExecuteMsg::ClaimVested { grant_ids: None });
    assert_eq!(s.power(&carol, None), 500);
    assert_eq!(s.total_power(None), 2_000);
    // revoking burns locked tokens, which had no power
    s.exec_ok(
        &minter,
        &ExecuteMsg::RevokeVesting {
            recipient: carol.to_string(),
            grant_id: 1,
        },
    );
    assert_eq!(s.power(&carol, None), 500);
    assert_eq!(s.total_power(None), 2_000);
    assert_eq!(s.supply().total_supply.u128(), 2_000);
}

#[test]
fn claim_without_ids_takes_oldest_thirty_and_pages_queries() {
    let mut s = Suite::new();
    let carol = s.addr("carol");
    for _ in 0..32 {
        s.mint_vesting(&carol, 10, s.schedule(), false).unwrap();
    }
    let page: VestingResponse = s.query(&QueryMsg::Vesting {
        address: carol.to_string(),
        start_after: None,
        limit: Some(100),
    });
    assert_eq!(page.grants.len(), 30);
    let rest: VestingResponse = s.query(&QueryMsg::Vesting {
        address: carol.to_string(),
        start_after: Some(30),
        limit: None,
    });
    assert_eq!(
        rest.grants.iter().map(|g| g.grant_id).collect::<Vec<_>>(),
        vec![31, 32]
    );

    s.next_block(1_000);
    s.exec_ok(&carol, &ExecuteMsg::ClaimVested { grant_ids: None });
    assert_eq!(s.balance(&carol), 300);
    s.exec_ok(&carol, &ExecuteMsg::ClaimVested { grant_ids: None });
    assert_eq!(s.balance(&carol), 320);
    assert_eq!(s.vesting(&carol).locked.u128(), 0);
}

#[test]
fn grant_ids_are_unique_across_holders() {
    let mut s = Suite::new();
    let (carol, dave) = (s.addr("carol"), s.addr("dave"));
    let r1 = s.mint_vesting(&carol, 1, s.schedule(), false).unwrap();
    let r2 = s.mint_vesting(&dave, 1, s.schedule(), false).unwrap();
    assert_eq!(attr(&r1, "grant_id").as_deref(), Some("1"));
    assert_eq!(attr(&r2, "grant_id").as_deref(), Some("2"));
    assert_eq!(s.vesting(&dave).grants[0].grant_id, 2);
}

#[test]
fn future_start_vests_nothing_until_then() {
    let mut s = Suite::new();
    let carol = s.addr("carol");
    let mut schedule = s.schedule();
    schedule.start_time = s.now().plus_seconds(1_000);
    schedule.cliff_seconds = 0;
    s.mint_vesting(&carol, 100, schedule, false).unwrap();
    s.next_block(999);
    assert_eq!(
        s.exec_err(&carol, &ExecuteMsg::ClaimVested { grant_ids: None }),
        ContractError::NothingToClaim
    );
    s.next_block(11);
    s.exec_ok(&carol, &ExecuteMsg::ClaimVested { grant_ids: None });
    assert_eq!(s.balance(&carol), 1);
}
