//! Spend limits against a captured owner: every way to get more out sooner than the limit and
//! the change delay allow, tried over several windows and at the boundary seconds.

use super::*;
use commons::treasury::{PendingLimitChange, SpendLimit};

fn pending_native(
    amount: u128,
    period_seconds: u64,
    effective_at: Timestamp,
) -> PendingLimitChange {
    PendingLimitChange {
        asset_info: commons::AssetInfo::Native(DENOM.into()),
        limit: SpendLimit {
            amount: Uint128::new(amount),
            period_seconds,
        },
        effective_at,
    }
}

fn exceeded(remaining: u128, requested: u128, window_end: Timestamp) -> ContractError {
    ContractError::SpendLimitExceeded {
        asset: "native:ucoin".into(),
        remaining: Uint128::new(remaining),
        requested: Uint128::new(requested),
        window_end,
    }
}

#[test]
fn a_raise_and_a_spend_in_one_block_take_no_more_than_the_old_limit() {
    let mut s = Suite::new();
    s.deposit_native(10_000);
    let t0 = s.now();
    let res = s.set_limits(vec![native_limit(5_000, PERIOD)]).unwrap();
    let due = t0.plus_seconds(DELAY);
    assert_eq!(
        attr(&res, "pending"),
        Some(format!("native:ucoin@{}", due.seconds()))
    );
    assert_eq!(attr(&res, "applied"), None);
    assert_eq!(s.pending().limits, vec![pending_native(5_000, PERIOD, due)]);
    // the same block: still the old limit
    assert_eq!(
        s.spend_err(5_000),
        exceeded(LIMIT, 5_000, t0.plus_seconds(PERIOD))
    );
    s.spend("bob", native(LIMIT)).unwrap();
    assert_eq!(s.spend_err(1), exceeded(0, 1, t0.plus_seconds(PERIOD)));
    // the whole next window too, up to the last second before the change is due
    s.at(t0.plus_seconds(PERIOD));
    s.spend("bob", native(LIMIT)).unwrap();
    s.at(due.minus_seconds(1));
    assert_eq!(s.native_limit().amount.u128(), LIMIT);
    assert_eq!(s.spend_err(1), exceeded(0, 1, due));
    // at the second it is due, the new limit is in force in a fresh window
    s.at(due);
    let l = s.native_limit();
    assert_eq!((l.amount.u128(), l.spent.u128()), (5_000, 0));
    assert_eq!(
        (l.window_start, l.window_end),
        (due, due.plus_seconds(PERIOD))
    );
    assert!(s.pending().limits.is_empty());
    let res = s.spend("bob", native(4_000)).unwrap();
    assert_eq!(attr(&res, "applied").as_deref(), Some("native:ucoin"));
    s.at(due.plus_seconds(1));
    let res = s.spend("bob", native(1_000)).unwrap();
    assert_eq!(attr(&res, "applied"), None);
    assert_eq!(s.spend_err(1), exceeded(0, 1, due.plus_seconds(PERIOD)));
    assert_eq!(s.native_balance(&s.addr("bob")), 2 * LIMIT + 5_000);
}

#[test]
fn one_update_is_split_per_asset() {
    let mut s = Suite::new();
    s.deposit_native(5_000);
    s.spend("bob", native(200)).unwrap();
    let t0 = s.now();
    s.next_block(100);
    let token = AssetInfoUnchecked::Cw20(s.token.to_string());
    // native: higher amount but longer period; the token: lower amount
    let res = s
        .set_limits(vec![
            native_limit(800, 2 * PERIOD),
            SpendLimitUnchecked {
                asset_info: token.clone(),
                amount: Uint128::new(100),
                period_seconds: PERIOD,
            },
        ])
        .unwrap();
    let now = s.now();
    let due = now.plus_seconds(DELAY);
    assert_eq!(
        attr(&res, "applied"),
        Some(format!("native:ucoin,cw20:{}", s.token))
    );
    assert_eq!(
        attr(&res, "pending"),
        Some(format!("native:ucoin@{}", due.seconds()))
    );
    // the token's cut applies at once, in its current window
    let t = s.limit(token);
    assert_eq!((t.amount.u128(), t.window_start), (100, t0));
    // the native period grows at once (the window restarts now and keeps the 200 spent); the
    // amount waits
    let l = s.native_limit();
    assert_eq!(
        (l.amount.u128(), l.period_seconds, l.spent.u128()),
        (LIMIT, 2 * PERIOD, 200)
    );
    assert_eq!(
        (l.window_start, l.window_end),
        (now, now.plus_seconds(2 * PERIOD))
    );
    assert_eq!(
        s.spend_err(301),
        exceeded(300, 301, now.plus_seconds(2 * PERIOD))
    );
    assert_eq!(
        s.pending().limits,
        vec![pending_native(800, 2 * PERIOD, due)]
    );
    // due exactly when the long window ends: same period, so the window runs on
    s.at(due);
    let l = s.native_limit();
    assert_eq!(
        (l.amount.u128(), l.spent.u128(), l.window_start),
        (800, 0, due)
    );
}

#[test]
fn a_shorter_period_waits_and_the_window_current_then_still_counts() {
    let mut s = Suite::new();
    s.deposit_native(10_000);
    let t0 = s.now();
    s.at(t0.plus_seconds(500));
    let res = s.set_limits(vec![native_limit(LIMIT, 100)]).unwrap();
    // nothing tightens: the limit in force is untouched
    assert_eq!(attr(&res, "applied"), None);
    let due = t0.plus_seconds(500 + DELAY);
    // the old period up to the last second
    s.at(t0.plus_seconds(2_400));
    s.spend("bob", native(LIMIT)).unwrap();
    s.at(due.minus_seconds(1));
    assert_eq!(s.native_limit().period_seconds, PERIOD);
    assert_eq!(s.spend_err(1), exceeded(0, 1, t0.plus_seconds(3_000)));
    // at the second it is due: windows of 100 s from then, the first one still counting the
    // 500 spent in the window that was current
    s.at(due);
    let l = s.native_limit();
    assert_eq!(
        (
            l.period_seconds,
            l.spent.u128(),
            l.window_start,
            l.window_end
        ),
        (100, LIMIT, due, due.plus_seconds(100))
    );
    assert_eq!(s.spend_err(1), exceeded(0, 1, due.plus_seconds(100)));
    s.at(due.plus_seconds(99));
    assert_eq!(s.spend_err(1), exceeded(0, 1, due.plus_seconds(100)));
    s.at(due.plus_seconds(100));
    s.spend("bob", native(LIMIT)).unwrap();
    s.at(due.plus_seconds(101));
    assert_eq!(s.spend_err(1), exceeded(0, 1, due.plus_seconds(200)));
}

#[test]
fn removing_and_restoring_a_limit_never_frees_the_used_window() {
    let mut s = Suite::new();
    s.deposit_native(10_000);
    let t0 = s.now();
    s.at(t0.plus_seconds(999));
    s.spend("bob", native(LIMIT)).unwrap();
    // remove, then restore (a shorter period, even) in the same block
    let res = s.set_limits(vec![]).unwrap();
    assert_eq!(
        attr(&res, "removed"),
        Some(format!("cw20:{},native:ucoin", s.token))
    );
    assert_eq!(
        s.spend_err(1),
        ContractError::NoSpendLimit {
            asset: "native:ucoin".into()
        }
    );
    let res = s.set_limits(vec![native_limit(LIMIT, 10)]).unwrap();
    let due = t0.plus_seconds(999 + DELAY);
    assert_eq!(
        attr(&res, "pending"),
        Some(format!("native:ucoin@{}", due.seconds()))
    );
    // an asset with no limit cannot be spent, and has none to show, until the restored one is due
    for at in [t0.plus_seconds(1_000), due.minus_seconds(1)] {
        s.at(at);
        assert_eq!(
            s.spend_err(1),
            ContractError::NoSpendLimit {
                asset: "native:ucoin".into()
            }
        );
        assert!(s.try_limit(native_info()).is_err());
    }
    // the restored limit's first window opens only after the used one ended
    s.at(due);
    let l = s.native_limit();
    assert!(l.window_start >= t0.plus_seconds(PERIOD));
    assert_eq!((l.window_start, l.spent.u128()), (due, 0));
    s.spend("bob", native(LIMIT)).unwrap();
    assert_eq!(s.spend_err(1), exceeded(0, 1, due.plus_seconds(10)));
}

#[test]
fn removing_a_limit_drops_its_pending_change() {
    let mut s = Suite::new();
    let token = SpendLimitUnchecked {
        asset_info: AssetInfoUnchecked::Cw20(s.token.to_string()),
        amount: Uint128::new(LIMIT),
        period_seconds: PERIOD,
    };
    s.set_limits(vec![native_limit(900, PERIOD), token.clone()])
        .unwrap();
    assert_eq!(s.pending().limits.len(), 1);
    let res = s.set_limits(vec![token.clone()]).unwrap();
    assert_eq!(attr(&res, "removed").as_deref(), Some("native:ucoin"));
    assert_eq!(attr(&res, "dropped").as_deref(), Some("native:ucoin"));
    assert!(s.pending().limits.is_empty());
    s.next_block(DELAY);
    assert!(s.try_limit(native_info()).is_err());
    // a restored limit that is due is in force, recorded or not: a list without it removes it
    s.set_limits(vec![token.clone(), native_limit(LIMIT, PERIOD)])
        .unwrap();
    s.next_block(DELAY);
    assert_eq!(s.native_limit().amount.u128(), LIMIT);
    let res = s.set_limits(vec![token]).unwrap();
    assert_eq!(attr(&res, "removed").as_deref(), Some("native:ucoin"));
    assert_eq!(attr(&res, "dropped"), None);
    assert!(s.try_limit(native_info()).is_err());
}

#[test]
fn a_newer_change_replaces_the_pending_one_and_restarts_the_delay() {
    let mut s = Suite::new();
    s.deposit_native(10_000);
    let t0 = s.now();
    s.set_limits(vec![native_limit(800, PERIOD)]).unwrap();
    s.at(t0.plus_seconds(1_500));
    s.set_limits(vec![native_limit(900, PERIOD)]).unwrap();
    let due = t0.plus_seconds(1_500 + DELAY);
    assert_eq!(s.pending().limits, vec![pending_native(900, PERIOD, due)]);
    // the first change's time passes without it
    for at in [t0.plus_seconds(DELAY), due.minus_seconds(1)] {
        s.at(at);
        assert_eq!(s.native_limit().amount.u128(), LIMIT);
    }
    s.at(due);
    assert_eq!(s.native_limit().amount.u128(), 900);
    // a tightening (here: the same limit) drops the pending change, which never bites
    s.set_limits(vec![native_limit(2_000, PERIOD)]).unwrap();
    let res = s.set_limits(vec![native_limit(900, PERIOD)]).unwrap();
    assert_eq!(attr(&res, "applied").as_deref(), Some("native:ucoin"));
    assert_eq!(attr(&res, "dropped").as_deref(), Some("native:ucoin"));
    assert!(s.pending().limits.is_empty());
    s.next_block(DELAY + 1);
    assert_eq!(s.native_limit().amount.u128(), 900);
}

/// The result of a late change is the same whoever triggers it and whenever they do.
#[test]
fn a_late_change_applies_as_of_its_effective_time() {
    let mut eager = Suite::new();
    let mut lazy = Suite::new();
    let t0 = eager.now();
    let due = t0.plus_seconds(100 + DELAY);
    for s in [&mut eager, &mut lazy] {
        s.deposit_native(10_000);
        s.at(t0.plus_seconds(100));
        s.set_limits(vec![native_limit(LIMIT, 300)]).unwrap();
        s.at(t0.plus_seconds(2_050));
        s.spend("bob", native(400)).unwrap();
    }
    eager.at(due);
    let res = eager.exec("alice", &ExecuteMsg::ApplyChanges {}).unwrap();
    assert_eq!(attr(&res, "applied").as_deref(), Some("native:ucoin"));
    // the lazy treasury shows the same limit before and after anything records it
    for at in [250, 299, 300, 301, 450] {
        let at = due.plus_seconds(at);
        eager.at(at);
        lazy.at(at);
        assert_eq!(lazy.native_limit(), eager.native_limit(), "at {at}");
    }
    let mut lazy2 = Suite::new();
    lazy2.deposit_native(10_000);
    lazy2.at(t0.plus_seconds(100));
    lazy2.set_limits(vec![native_limit(LIMIT, 300)]).unwrap();
    lazy2.at(t0.plus_seconds(2_050));
    lazy2.spend("bob", native(400)).unwrap();
    // a spend that triggers the change late sees the window that opened when it was due,
    // still counting the 400 spent before
    lazy2.at(due.plus_seconds(299));
    assert_eq!(
        lazy2.spend_err(101),
        exceeded(100, 101, due.plus_seconds(300))
    );
    let res = lazy2.spend("bob", native(100)).unwrap();
    assert_eq!(attr(&res, "applied").as_deref(), Some("native:ucoin"));
    lazy2.at(due.plus_seconds(300));
    let l = lazy2.native_limit();
    assert_eq!((l.window_start, l.spent.u128()), (due.plus_seconds(300), 0));
    // recorded long after it was due: still the windows that began when it was due
    lazy2.at(due.plus_seconds(450));
    lazy.exec("alice", &ExecuteMsg::ApplyChanges {}).unwrap();
    assert_eq!(lazy.native_limit(), lazy2.native_limit());
    assert_eq!(lazy.native_limit().window_start, due.plus_seconds(300));
}

#[test]
fn budgets_apply_at_once_but_stay_within_the_limit() {
    let mut s = Suite::new();
    s.deposit_native(10_000);
    s.set_limits(vec![native_limit(5_000, PERIOD)]).unwrap();
    let guild = s.addr("guild").to_string();
    s.exec(
        "dao",
        &ExecuteMsg::SetBudget {
            spender: guild,
            asset_info: native_info(),
            amount_per_period: Uint128::new(5_000),
            period_seconds: PERIOD,
            expires: None,
        },
    )
    .unwrap();
    let vendor = s.addr("vendor").to_string();
    let spend = |amount| ExecuteMsg::SpendBudget {
        recipient: vendor.clone(),
        asset: native(amount),
        memo: None,
    };
    let end = s.native_limit().window_end;
    assert_eq!(s.exec_err("guild", &spend(501)), exceeded(LIMIT, 501, end));
    s.exec("guild", &spend(LIMIT)).unwrap();
    assert_eq!(s.spend_err(1), exceeded(0, 1, end));
}
