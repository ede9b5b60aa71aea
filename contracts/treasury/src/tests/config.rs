//! Configuration updates, ledger paging, migration by a wasm admin.

use super::*;
use commons::migrate::MigrateMsg;

#[test]
fn update_config_changes_only_given_fields() {
    let mut s = Suite::new();
    let other = s.other_token.to_string();
    s.exec(
        "dao",
        &ExecuteMsg::UpdateConfig {
            accepted_cw20s: Some(vec![other.clone()]),
            spend_limits: None,
        },
    )
    .unwrap();
    assert_eq!(s.config().accepted_cw20s, vec![s.other_token.clone()]);
    // limits untouched
    assert_eq!(
        s.limit(AssetInfoUnchecked::Native(DENOM.into()))
            .amount
            .u128(),
        LIMIT
    );
    let err = s.exec_err(
        "alice",
        &ExecuteMsg::UpdateConfig {
            accepted_cw20s: None,
            spend_limits: None,
        },
    );
    assert_eq!(
        err,
        ContractError::NotOwner {
            action: "update the configuration".into()
        }
    );
    let dup = ExecuteMsg::UpdateConfig {
        accepted_cw20s: Some(vec![other.clone(), other]),
        spend_limits: None,
    };
    assert!(matches!(s.exec_err("dao", &dup), ContractError::List(_)));
}

#[test]
fn tightened_limits_keep_what_was_spent_in_the_window() {
    let mut s = Suite::new();
    s.deposit_native(5_000);
    s.spend("bob", native(400)).unwrap();
    // re-setting the same limit does not reset the window
    let res = s.set_limits(vec![native_limit(LIMIT, PERIOD)]).unwrap();
    assert!(matches!(
        s.spend_err(101),
        ContractError::SpendLimitExceeded { .. }
    ));
    // and the token, no longer named, lost its limit at once: it cannot be spent
    let token = s.token.clone();
    assert_eq!(attr(&res, "removed"), Some(format!("cw20:{token}")));
    s.deposit_cw20(&token, 100).unwrap();
    let err = s
        .spend(
            "bob",
            AssetUnchecked {
                info: AssetInfoUnchecked::Cw20(token.to_string()),
                amount: Uint128::new(1),
            },
        )
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(
        err,
        ContractError::NoSpendLimit {
            asset: format!("cw20:{token}")
        }
    );
    // a longer period does not reset it either: the window restarts now, still counting the 400
    s.next_block(10);
    s.set_limits(vec![native_limit(LIMIT, 3 * PERIOD / 2)])
        .unwrap();
    let l = s.native_limit();
    assert_eq!((l.spent.u128(), l.remaining.u128()), (400, 100));
    assert_eq!(l.window_start, s.now());
    assert_eq!(l.window_end, s.now().plus_seconds(3 * PERIOD / 2));
    // a lower amount than already spent leaves nothing for the rest of the window
    s.set_limits(vec![native_limit(300, 3 * PERIOD / 2)])
        .unwrap();
    let l = s.native_limit();
    assert_eq!(
        (l.amount.u128(), l.spent.u128(), l.remaining.u128()),
        (300, 400, 0)
    );
    assert!(matches!(
        s.spend_err(1),
        ContractError::SpendLimitExceeded { .. }
    ));
}

#[test]
fn ledger_pages_both_ways() {
    let mut s = Suite::new();
    for _ in 0..12 {
        s.deposit_native(1);
    }
    let page = |s: &Suite, start_after, reverse| -> Vec<u64> {
        let r: LedgerResponse = s
            .app
            .wrap()
            .query_wasm_smart(
                s.treasury.clone(),
                &QueryMsg::Ledger {
                    start_after,
                    limit: Some(3),
                    reverse,
                },
            )
            .unwrap();
        r.entries.iter().map(|e| e.id).collect()
    };
    assert_eq!(page(&s, None, None), vec![1, 2, 3]);
    assert_eq!(page(&s, Some(3), Some(false)), vec![4, 5, 6]);
    assert_eq!(page(&s, None, Some(true)), vec![12, 11, 10]);
    assert_eq!(page(&s, Some(10), Some(true)), vec![9, 8, 7]);
    assert_eq!(s.ledger().len(), 12);
}

#[test]
fn migrate_keeps_state() {
    let mut s = Suite::new();
    s.deposit_native(10);
    let code = s.app.store_code(treasury_contract());
    let dao = s.addr("dao");
    s.app
        .migrate_contract(dao, s.treasury.clone(), &MigrateMsg {}, code)
        .unwrap();
    assert_eq!(s.ledger().len(), 1);
}
