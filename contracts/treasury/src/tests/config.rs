//! Ownership, configuration updates, ledger paging, migration.

use super::*;
use commons::migrate::MigrateMsg;
use commons::treasury::ConfigResponse;

fn config(s: &Suite) -> ConfigResponse {
    s.app
        .wrap()
        .query_wasm_smart(s.treasury.clone(), &QueryMsg::Config {})
        .unwrap()
}

#[test]
fn ownership_moves_in_two_steps() {
    let mut s = Suite::new();
    let newdao = s.addr("newdao").to_string();
    let err = s.exec_err(
        "alice",
        &ExecuteMsg::ProposeOwner {
            new_owner: newdao.clone(),
        },
    );
    assert_eq!(
        err,
        ContractError::NotOwner {
            action: "propose a new owner".into()
        }
    );
    s.exec(
        "dao",
        &ExecuteMsg::ProposeOwner {
            new_owner: newdao.clone(),
        },
    )
    .unwrap();
    assert_eq!(config(&s).owner, s.addr("dao"));
    assert_eq!(
        s.exec_err("alice", &ExecuteMsg::AcceptOwner {}),
        ContractError::NotPendingOwner
    );
    s.exec("newdao", &ExecuteMsg::AcceptOwner {}).unwrap();
    let c = config(&s);
    assert_eq!((c.owner, c.pending_owner), (s.addr("newdao"), None));
    // the old owner lost every power
    s.deposit_native(100);
    let err = s
        .spend("bob", native(1))
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(
        err,
        ContractError::NotOwner {
            action: "spend".into()
        }
    );
    assert_eq!(
        s.exec_err("newdao", &ExecuteMsg::AcceptOwner {}),
        ContractError::NotPendingOwner
    );
}

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
    assert_eq!(config(&s).accepted_cw20s, vec![s.other_token.clone()]);
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
fn new_limits_keep_what_was_spent_in_the_window() {
    let mut s = Suite::new();
    s.deposit_native(5_000);
    s.spend("bob", native(400)).unwrap();
    let limits = |amount: u128, period: u64| ExecuteMsg::UpdateConfig {
        accepted_cw20s: None,
        spend_limits: Some(vec![SpendLimitUnchecked {
            asset_info: AssetInfoUnchecked::Native(DENOM.into()),
            amount: Uint128::new(amount),
            period_seconds: period,
        }]),
    };
    // re-setting the same limit does not reset the window
    s.exec("dao", &limits(LIMIT, PERIOD)).unwrap();
    let err = s
        .spend("bob", native(101))
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert!(matches!(err, ContractError::SpendLimitExceeded { .. }));
    // nor does a new period
    s.exec("dao", &limits(LIMIT, 10)).unwrap();
    assert_eq!(
        s.limit(AssetInfoUnchecked::Native(DENOM.into()))
            .spent
            .u128(),
        400
    );
    // dropping an asset's limit stops its spending
    let token = s.token.clone();
    s.deposit_cw20(&token, 100).unwrap();
    s.exec("dao", &limits(LIMIT, PERIOD)).unwrap();
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
    // invalid limits
    assert_eq!(s.exec_err("dao", &limits(0, 10)), ContractError::ZeroAmount);
    assert_eq!(s.exec_err("dao", &limits(10, 0)), ContractError::ZeroPeriod);
    let twice = SpendLimitUnchecked {
        asset_info: AssetInfoUnchecked::Native(DENOM.into()),
        amount: Uint128::new(1),
        period_seconds: 1,
    };
    let err = s.exec_err(
        "dao",
        &ExecuteMsg::UpdateConfig {
            accepted_cw20s: None,
            spend_limits: Some(vec![twice.clone(), twice]),
        },
    );
    assert_eq!(
        err,
        ContractError::DuplicateLimit {
            asset: "native:ucoin".into()
        }
    );
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
