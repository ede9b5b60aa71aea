//! The pending-change list: what it shows, cancelling, applying, and their errors.

use super::*;
use cw_utils::PaymentError;

fn token_limit(s: &Suite, amount: u128) -> SpendLimitUnchecked {
    SpendLimitUnchecked {
        asset_info: AssetInfoUnchecked::Cw20(s.token.to_string()),
        amount: Uint128::new(amount),
        period_seconds: PERIOD,
    }
}

fn cancel(asset_info: AssetInfoUnchecked) -> ExecuteMsg {
    ExecuteMsg::CancelPendingChange { asset_info }
}

#[test]
fn pending_changes_lists_loosenings_by_asset_until_they_are_due() {
    let mut s = Suite::new();
    let empty = s.pending();
    assert!(empty.limits.is_empty() && empty.owner.is_none() && empty.migration.is_none());
    let t0 = s.now();
    s.set_limits(vec![native_limit(600, PERIOD), token_limit(&s, LIMIT)])
        .unwrap();
    s.at(t0.plus_seconds(10));
    let t = token_limit(&s, 700);
    s.set_limits(vec![native_limit(600, PERIOD), t]).unwrap();
    let p = s.pending().limits;
    // by asset key: "cw20:..." before "native:..."; naming the pending native limit again
    // kept its time
    assert_eq!(p.len(), 2);
    assert_eq!(p[0].asset_info, commons::AssetInfo::Cw20(s.token.clone()));
    assert_eq!(
        (p[0].limit.amount.u128(), p[0].effective_at),
        (700, t0.plus_seconds(10 + DELAY))
    );
    assert_eq!(p[1].asset_info, commons::AssetInfo::Native(DENOM.into()));
    assert_eq!(
        (p[1].limit.amount.u128(), p[1].effective_at),
        (600, t0.plus_seconds(DELAY))
    );
    // once due, a change is in force and leaves the list, recorded or not
    s.at(t0.plus_seconds(DELAY));
    assert_eq!(s.pending().limits.len(), 1);
    assert_eq!(s.native_limit().amount.u128(), 600);
    s.at(t0.plus_seconds(10 + DELAY));
    assert!(s.pending().limits.is_empty());
}

#[test]
fn the_owner_cancels_a_pending_change() {
    let mut s = Suite::new();
    let t0 = s.now();
    s.set_limits(vec![native_limit(900, 100)]).unwrap();
    // only the owner, without funds
    assert_eq!(
        s.exec_err("alice", &cancel(native_info())),
        ContractError::NotOwner {
            action: "cancel a pending change".into()
        }
    );
    s.app
        .init_modules(|r, _, st| {
            r.bank
                .init_balance(st, &App::default().api().addr_make("dao"), coins(5, DENOM))
        })
        .unwrap();
    let err = s
        .exec_funds("dao", &cancel(native_info()), &coins(5, DENOM))
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(err, ContractError::Payment(PaymentError::NonPayable {}));
    assert_eq!(s.pending().limits.len(), 1);
    s.at(t0.plus_seconds(DELAY - 1));
    let res = s.exec("dao", &cancel(native_info())).unwrap();
    assert_eq!(
        attr(&res, "action").as_deref(),
        Some("cancel_pending_change")
    );
    assert_eq!(attr(&res, "asset").as_deref(), Some("native:ucoin"));
    assert_eq!(attr(&res, "amount").as_deref(), Some("900"));
    assert_eq!(attr(&res, "period_seconds").as_deref(), Some("100"));
    assert_eq!(
        attr(&res, "effective_at"),
        Some(t0.plus_seconds(DELAY).seconds().to_string())
    );
    assert!(s.pending().limits.is_empty());
    // nothing left to cancel; the old limit stays past the cancelled change's time
    assert_eq!(
        s.exec_err("dao", &cancel(native_info())),
        ContractError::NoPendingChange {
            asset: "native:ucoin".into()
        }
    );
    s.at(t0.plus_seconds(DELAY));
    let l = s.native_limit();
    assert_eq!((l.amount.u128(), l.period_seconds), (LIMIT, PERIOD));
    // a due change is in force already: too late to cancel it
    s.set_limits(vec![native_limit(900, PERIOD)]).unwrap();
    s.next_block(DELAY);
    assert_eq!(
        s.exec_err("dao", &cancel(native_info())),
        ContractError::NoPendingChange {
            asset: "native:ucoin".into()
        }
    );
    assert_eq!(s.native_limit().amount.u128(), 900);
    let bad = cancel(AssetInfoUnchecked::Cw20("not an address".into()));
    assert!(matches!(
        s.exec_err("dao", &bad),
        ContractError::InvalidAsset { .. }
    ));
}

#[test]
fn anyone_applies_due_changes() {
    let mut s = Suite::new();
    assert_eq!(
        s.exec_err("alice", &ExecuteMsg::ApplyChanges {}),
        ContractError::NoPendingChanges
    );
    let t0 = s.now();
    s.set_limits(vec![native_limit(600, PERIOD), token_limit(&s, LIMIT)])
        .unwrap();
    s.at(t0.plus_seconds(300));
    let t = token_limit(&s, 800);
    s.set_limits(vec![native_limit(600, PERIOD), t]).unwrap();
    // before the native change is due: nothing to do, and when something will be
    s.at(t0.plus_seconds(DELAY - 1));
    let before = (s.pending(), s.native_limit());
    assert_eq!(
        s.exec_err("alice", &ExecuteMsg::ApplyChanges {}),
        ContractError::NoChangeDue {
            next_effective_at: t0.plus_seconds(DELAY)
        }
    );
    assert_eq!((s.pending(), s.native_limit()), before);
    s.at(t0.plus_seconds(DELAY));
    let err = s
        .exec_funds("alice", &ExecuteMsg::ApplyChanges {}, &coins(1, DENOM))
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(err, ContractError::Payment(PaymentError::NonPayable {}));
    let res = s.exec("alice", &ExecuteMsg::ApplyChanges {}).unwrap();
    assert_eq!(attr(&res, "action").as_deref(), Some("apply_changes"));
    assert_eq!(attr(&res, "applied").as_deref(), Some("native:ucoin"));
    assert_eq!(
        s.exec_err("alice", &ExecuteMsg::ApplyChanges {}),
        ContractError::NoChangeDue {
            next_effective_at: t0.plus_seconds(300 + DELAY)
        }
    );
    s.at(t0.plus_seconds(300 + DELAY));
    let res = s.exec("bob", &ExecuteMsg::ApplyChanges {}).unwrap();
    assert_eq!(attr(&res, "applied"), Some(format!("cw20:{}", s.token)));
    assert_eq!(
        s.limit(AssetInfoUnchecked::Cw20(s.token.to_string()))
            .amount
            .u128(),
        800
    );
    assert_eq!(
        s.exec_err("bob", &ExecuteMsg::ApplyChanges {}),
        ContractError::NoPendingChanges
    );
}

#[test]
fn update_config_says_what_applies_now_and_what_waits() {
    let mut s = Suite::new();
    let now = s.now();
    let res = s
        .set_limits(vec![
            native_limit(400, PERIOD),
            SpendLimitUnchecked {
                asset_info: AssetInfoUnchecked::Native("uatom".into()),
                amount: Uint128::new(5),
                period_seconds: 10,
            },
        ])
        .unwrap();
    assert_eq!(attr(&res, "action").as_deref(), Some("update_config"));
    assert_eq!(attr(&res, "applied").as_deref(), Some("native:ucoin"));
    assert_eq!(attr(&res, "removed"), Some(format!("cw20:{}", s.token)));
    assert_eq!(
        attr(&res, "pending"),
        Some(format!(
            "native:uatom@{}",
            now.plus_seconds(DELAY).seconds()
        ))
    );
    assert_eq!(attr(&res, "dropped"), None);
    // only the fields given change: a list of accepted tokens leaves limits and changes alone
    let res = s
        .exec(
            "dao",
            &ExecuteMsg::UpdateConfig {
                accepted_cw20s: Some(vec![]),
                spend_limits: None,
            },
        )
        .unwrap();
    assert_eq!(attr(&res, "accepted_cw20s").as_deref(), Some("0"));
    assert_eq!(attr(&res, "pending"), None);
    assert_eq!(s.pending().limits.len(), 1);
    assert_eq!(s.native_limit().amount.u128(), 400);
}

#[test]
fn at_most_thirty_limits_and_so_at_most_thirty_pending_changes() {
    let mut s = Suite::new();
    let many: Vec<SpendLimitUnchecked> = (0..31)
        .map(|i| SpendLimitUnchecked {
            asset_info: AssetInfoUnchecked::Native(format!("denom{i}")),
            amount: Uint128::new(1),
            period_seconds: 1,
        })
        .collect();
    assert!(matches!(
        s.exec_err("dao", &limits_msg(many.clone())),
        ContractError::List(_)
    ));
    s.set_limits(many[..30].to_vec()).unwrap();
    assert_eq!(s.pending().limits.len(), 30);
    // a list naming other assets drops the changes of those it no longer names
    s.set_limits(many[30..].to_vec()).unwrap();
    let p = s.pending().limits;
    assert_eq!(p.len(), 1);
    assert_eq!(
        p[0].asset_info,
        commons::AssetInfo::Native("denom30".into())
    );
}
