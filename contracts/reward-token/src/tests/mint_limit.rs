//! The mint limit, tried as a captured minter would: raise and mint in the same block, remove
//! and mint, shorten the period, keep replacing a pending change, mint through vesting grants,
//! and hit every boundary second.

use super::*;

fn exceeded(s: &mut Suite, amount: u128) -> ContractError {
    let carol = s.addr("carol");
    s.mint(&carol, amount)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap()
}

fn remaining(s: &Suite) -> Option<u128> {
    s.mint_limit().remaining.map(|r| r.u128())
}

#[test]
fn windows_are_fixed_from_instantiation_and_initial_balances_do_not_count() {
    let mut s = Suite::limited(100, 100, None);
    let t0 = s.now();
    assert_eq!(
        s.mint_limit(),
        MintLimitResponse {
            mint_limit: Some(limit(100, 100)),
            minted_in_window: Uint128::zero(),
            remaining: Some(Uint128::new(100)),
            window_start: Some(t0),
            window_end: Some(t0.plus_seconds(100)),
            change_delay_seconds: 100,
            pending: None,
        }
    );
    let carol = s.addr("carol");
    let res = s.mint(&carol, 60).unwrap();
    assert_eq!(attr(&res, "window_remaining").as_deref(), Some("40"));
    assert_eq!(
        attr(&res, "window_end"),
        Some(t0.plus_seconds(100).to_string())
    );
    assert_eq!(
        exceeded(&mut s, 41),
        ContractError::MintLimitExceeded {
            limit: Uint128::new(100),
            remaining: Uint128::new(40),
            requested: Uint128::new(41),
            window_end: t0.plus_seconds(100),
        }
    );
    s.mint(&carol, 40).unwrap();
    // the last nanosecond of the window is still in it
    s.block_at(t0.plus_seconds(100).minus_nanos(1));
    assert!(matches!(
        exceeded(&mut s, 1),
        ContractError::MintLimitExceeded { remaining, .. } if remaining.is_zero()
    ));
    // at window_end a new window starts with nothing minted
    s.block_at(t0.plus_seconds(100));
    assert_eq!(remaining(&s), Some(100));
    s.mint(&carol, 100).unwrap();
    // later windows stay on the grid, however late the next mint comes
    s.block_at(t0.plus_seconds(257));
    let q = s.mint_limit();
    assert_eq!(q.window_start, Some(t0.plus_seconds(200)));
    assert_eq!(q.window_end, Some(t0.plus_seconds(300)));
    assert_eq!(q.minted_in_window, Uint128::zero());
    assert_eq!(s.balance(&carol), 200);
}

#[test]
fn a_raise_waits_out_its_delay_even_in_the_same_block() {
    let mut s = Suite::limited(100, 100, Some(300));
    let t0 = s.now();
    let res = s.update_limit(Some(limit(1_000_000, 100))).unwrap();
    assert_eq!(attr(&res, "outcome").as_deref(), Some("pending"));
    assert_eq!(attr(&res, "amount").as_deref(), Some("100"));
    assert_eq!(attr(&res, "pending_amount").as_deref(), Some("1000000"));
    let applies_at = t0.plus_seconds(300);
    assert_eq!(attr(&res, "applies_at"), Some(applies_at.to_string()));
    assert!(matches!(
        exceeded(&mut s, 101),
        ContractError::MintLimitExceeded { .. }
    ));
    let carol = s.addr("carol");
    s.mint(&carol, 100).unwrap();
    // one second before it applies: the old limit, in the old window
    s.block_at(applies_at.minus_seconds(1));
    let q = s.mint_limit();
    assert_eq!(q.mint_limit, Some(limit(100, 100)));
    assert_eq!(
        q.pending.map(|p| (p.mint_limit, p.applies_at)),
        Some((Some(limit(1_000_000, 100)), applies_at))
    );
    s.mint(&carol, 100).unwrap();
    assert!(matches!(
        exceeded(&mut s, 1),
        ContractError::MintLimitExceeded { .. }
    ));
    // at applies_at (also a window boundary here) the raise is in force
    s.block_at(applies_at);
    let q = s.mint_limit();
    assert_eq!(
        (q.mint_limit, q.pending),
        (Some(limit(1_000_000, 100)), None)
    );
    assert_eq!(q.window_start, Some(applies_at));
    s.mint(&carol, 1_000).unwrap();
    assert_eq!(remaining(&s), Some(999_000));
}

#[test]
fn a_raise_that_applies_mid_window_keeps_what_the_window_minted() {
    let mut s = Suite::limited(100, 100, Some(150));
    let t0 = s.now();
    let carol = s.addr("carol");
    s.update_limit(Some(limit(300, 100))).unwrap();
    // [t0+100, t0+200) mints 90 before the raise applies at t0+150
    s.block_at(t0.plus_seconds(120));
    s.mint(&carol, 90).unwrap();
    s.block_at(t0.plus_seconds(150));
    let q = s.mint_limit();
    assert_eq!(q.window_start, Some(t0.plus_seconds(100)));
    assert_eq!((q.minted_in_window.u128(), remaining(&s)), (90, Some(210)));
    s.mint(&carol, 210).unwrap();
    assert!(matches!(
        exceeded(&mut s, 1),
        ContractError::MintLimitExceeded { .. }
    ));
}

#[test]
fn removal_waits_and_restoring_frees_nothing() {
    let mut s = Suite::limited(100, 100, None);
    let t0 = s.now();
    let carol = s.addr("carol");
    s.mint(&carol, 100).unwrap();
    let res = s.update_limit(None).unwrap();
    assert_eq!(attr(&res, "pending_amount").as_deref(), Some("none"));
    assert!(matches!(
        exceeded(&mut s, 1),
        ContractError::MintLimitExceeded { .. }
    ));
    // restoring the limit in the same window drops the removal and frees no room
    s.update_limit(Some(limit(100, 100))).unwrap();
    let q = s.mint_limit();
    assert_eq!((q.pending, q.minted_in_window.u128()), (None, 100));
    assert!(matches!(
        exceeded(&mut s, 1),
        ContractError::MintLimitExceeded { .. }
    ));

    // remove again; it applies a whole period later, never before
    s.block_at(t0.plus_seconds(30));
    s.update_limit(None).unwrap();
    s.block_at(t0.plus_seconds(130).minus_nanos(1));
    s.mint(&carol, 100).unwrap();
    assert!(matches!(
        exceeded(&mut s, 1),
        ContractError::MintLimitExceeded { .. }
    ));
    s.block_at(t0.plus_seconds(130));
    assert_eq!(s.mint_limit().mint_limit, None);
    s.mint(&carol, 5_000).unwrap();
    // with no limit in force the record is gone: a mint reads one missing key
    let raw = s
        .app
        .wrap()
        .query_wasm_raw(s.token.clone(), b"mint_limit".to_vec());
    assert_eq!(raw.unwrap(), None);
    assert_eq!(s.mint_limit().change_delay_seconds, 100);

    // a new limit where there is none applies at once, in a fresh window
    s.update_limit(Some(limit(10, 50))).unwrap();
    let q = s.mint_limit();
    assert_eq!(
        (q.mint_limit, q.window_start),
        (Some(limit(10, 50)), Some(s.now()))
    );
    assert!(matches!(
        exceeded(&mut s, 11),
        ContractError::MintLimitExceeded { .. }
    ));
}

#[test]
fn a_shorter_period_waits_then_restarts_the_window_with_the_minted_amount() {
    let mut s = Suite::limited(100, 1_000, None);
    let t0 = s.now();
    let carol = s.addr("carol");
    s.block_at(t0.plus_seconds(500));
    s.update_limit(Some(limit(100, 10))).unwrap();
    assert_eq!(
        s.mint_limit().pending.map(|p| p.applies_at),
        Some(t0.plus_seconds(1_500))
    );
    // the old limit holds through [t0+1000, t0+2000) until the change applies
    s.block_at(t0.plus_seconds(1_200));
    s.mint(&carol, 70).unwrap();
    s.block_at(t0.plus_seconds(1_500));
    let q = s.mint_limit();
    assert_eq!(q.mint_limit, Some(limit(100, 10)));
    assert_eq!(q.window_start, Some(t0.plus_seconds(1_500)));
    assert_eq!((q.minted_in_window.u128(), remaining(&s)), (70, Some(30)));
    assert!(matches!(
        exceeded(&mut s, 31),
        ContractError::MintLimitExceeded { .. }
    ));
    s.block_at(t0.plus_seconds(1_510));
    assert_eq!(remaining(&s), Some(100));
}

#[test]
fn a_newer_update_replaces_the_pending_one_and_restarts_its_delay() {
    let mut s = Suite::limited(100, 100, Some(200));
    let t0 = s.now();
    s.update_limit(Some(limit(500, 100))).unwrap();
    s.block_at(t0.plus_seconds(150));
    s.update_limit(Some(limit(300, 100))).unwrap();
    // the first change never applies
    s.block_at(t0.plus_seconds(200));
    assert_eq!(s.mint_limit().mint_limit, Some(limit(100, 100)));
    s.block_at(t0.plus_seconds(349));
    assert_eq!(s.mint_limit().mint_limit, Some(limit(100, 100)));
    s.block_at(t0.plus_seconds(350));
    assert_eq!(s.mint_limit().mint_limit, Some(limit(300, 100)));
    // an update that only tightens drops a pending change
    s.update_limit(Some(limit(500, 100))).unwrap();
    let res = s.update_limit(Some(limit(200, 100))).unwrap();
    assert_eq!(attr(&res, "outcome").as_deref(), Some("applied"));
    assert_eq!(attr(&res, "applies_at"), None);
    let q = s.mint_limit();
    assert_eq!((q.mint_limit, q.pending), (Some(limit(200, 100)), None));
}

#[test]
fn a_change_that_tightens_and_loosens_applies_its_tighter_part_at_once() {
    let mut s = Suite::limited(100, 100, Some(200));
    let t0 = s.now();
    let carol = s.addr("carol");
    s.mint(&carol, 40).unwrap();
    // lower amount, shorter period: the amount now, the period after the delay
    let res = s.update_limit(Some(limit(50, 10))).unwrap();
    assert_eq!(
        attr(&res, "outcome").as_deref(),
        Some("tighter_part_applied")
    );
    assert_eq!(s.mint_limit().mint_limit, Some(limit(50, 100)));
    assert!(matches!(
        exceeded(&mut s, 11),
        ContractError::MintLimitExceeded { .. }
    ));
    // higher amount, longer period: the period now (window restarts, 40 carried), all later,
    // and the delay is at least the longer period
    s.block_at(t0.plus_seconds(20));
    s.update_limit(Some(limit(5_000, 1_000))).unwrap();
    let q = s.mint_limit();
    assert_eq!(q.mint_limit, Some(limit(50, 1_000)));
    assert_eq!(
        (q.window_start, q.minted_in_window.u128()),
        (Some(t0.plus_seconds(20)), 40)
    );
    assert_eq!(q.change_delay_seconds, 1_000);
    assert_eq!(
        q.pending.map(|p| (p.mint_limit, p.applies_at)),
        Some((Some(limit(5_000, 1_000)), t0.plus_seconds(1_020)))
    );
    // the old window would have reopened at t0+100: the longer one has not
    s.block_at(t0.plus_seconds(100));
    assert_eq!(remaining(&s), Some(10));
}

#[test]
fn vesting_grants_count_and_revoking_frees_nothing() {
    let mut s = Suite::limited(100, 100, None);
    let carol = s.addr("carol");
    let schedule = s.schedule();
    let res = s.mint_vesting(&carol, 60, schedule, true).unwrap();
    assert_eq!(attr(&res, "window_remaining").as_deref(), Some("40"));
    let err = s.mint_vesting(&carol, 41, schedule, true).unwrap_err();
    assert!(matches!(
        err.downcast::<ContractError>().unwrap(),
        ContractError::MintLimitExceeded { remaining, .. } if remaining.u128() == 40
    ));
    assert!(matches!(
        exceeded(&mut s, 41),
        ContractError::MintLimitExceeded { .. }
    ));
    let minter = s.minter.clone();
    s.exec_ok(
        &minter,
        &ExecuteMsg::RevokeVesting {
            recipient: carol.to_string(),
            grant_id: 1,
        },
    );
    assert_eq!(remaining(&s), Some(40));
    s.mint(&carol, 40).unwrap();
}

#[test]
fn lowering_below_what_was_minted_leaves_no_room_until_the_next_window() {
    let mut s = Suite::limited(100, 100, None);
    let t0 = s.now();
    let carol = s.addr("carol");
    s.mint(&carol, 80).unwrap();
    s.update_limit(Some(limit(50, 100))).unwrap();
    assert_eq!(remaining(&s), Some(0));
    s.block_at(t0.plus_seconds(100));
    assert_eq!(remaining(&s), Some(50));
}

#[test]
fn a_new_minter_is_bound_by_the_same_limit() {
    let mut s = Suite::limited(100, 100, None);
    let (carol, dao, minter) = (s.addr("carol"), s.addr("dao"), s.minter.clone());
    s.mint(&carol, 100).unwrap();
    s.update_limit(None).unwrap();
    s.exec_ok(
        &minter,
        &ExecuteMsg::UpdateMinter {
            new_minter: Some(dao.to_string()),
        },
    );
    let err = s.exec_err(
        &dao,
        &ExecuteMsg::Mint {
            recipient: carol.to_string(),
            amount: Uint128::new(1),
        },
    );
    assert!(matches!(err, ContractError::MintLimitExceeded { .. }));
    // the pending removal survived the hand-over too
    assert!(s.mint_limit().pending.is_some());
}

#[test]
fn a_token_without_a_limit_mints_as_before() {
    let mut s = Suite::new();
    let q = s.mint_limit();
    assert_eq!(
        (
            q.mint_limit,
            q.remaining,
            q.window_end,
            q.change_delay_seconds
        ),
        (None, None, None, 0)
    );
    let carol = s.addr("carol");
    let res = s.mint(&carol, 8_000).unwrap();
    assert_eq!(attr(&res, "window_remaining"), None);
    // a change delay without a limit is kept for the limits set later
    let s = Suite::with(|m| m.change_delay_seconds = Some(777));
    assert_eq!(s.mint_limit().change_delay_seconds, 777);
}

/// A captured minter tries every path each block for ten windows: raise, remove, shorten the
/// period, restore, mint and grant the most it can. Because each update replaces the pending
/// one, no loosening ever applies, and no window of the original grid sees more than 100.
#[test]
fn a_captured_minter_never_mints_more_than_the_limit_per_window() {
    let mut s = Suite::limited(100, 100, Some(150));
    let t0 = s.now();
    let carol = s.addr("carol");
    let mut minted = [0u128; 10];
    let tricks = [
        Some(limit(10_000, 100)),
        None,
        Some(limit(100, 1)),
        Some(limit(100, 100)),
        Some(limit(9_000, 50)),
    ];
    for step in 0..100u64 {
        s.block_at(t0.plus_seconds(step * 10 + 3));
        s.update_limit(tricks[(step % 5) as usize].clone()).unwrap();
        let window = (step / 10) as usize;
        for amount in [10_000, 100, 37, 1] {
            if s.mint(&carol, amount).is_ok() {
                minted[window] += amount;
            }
            let schedule = s.schedule();
            if s.mint_vesting(&carol, amount, schedule, false).is_ok() {
                minted[window] += amount;
            }
        }
        assert!(minted[window] <= 100, "window {window}: {minted:?}");
    }
    // the limit was reachable in every window, and was all that was reached
    assert_eq!(minted, [100; 10]);
    assert_eq!(s.supply().minted_total.u128(), 1_500 + 1_000);
}
