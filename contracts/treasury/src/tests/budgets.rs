//! Budgets: in-budget spends without a vote, bounded by the budget and the treasury limit.

use super::*;
use commons::time::{DurationError, MAX_DURATION_SECONDS};
use commons::treasury::{BudgetResponse, BudgetsResponse, LedgerKind};
use cosmwasm_std::Timestamp;

fn set_budget(
    s: &mut Suite,
    spender: &str,
    amount: u128,
    expires: Option<Timestamp>,
) -> AnyResult<AppResponse> {
    let spender = s.addr(spender).to_string();
    s.exec(
        "dao",
        &ExecuteMsg::SetBudget {
            spender,
            asset_info: AssetInfoUnchecked::Native(DENOM.into()),
            amount_per_period: Uint128::new(amount),
            period_seconds: 100,
            expires,
        },
    )
}

fn spend_budget(
    s: &mut Suite,
    spender: &str,
    asset: AssetUnchecked,
) -> Result<AppResponse, ContractError> {
    let recipient = s.addr("vendor").to_string();
    s.exec(
        spender,
        &ExecuteMsg::SpendBudget {
            recipient,
            asset,
            memo: Some("invoice".into()),
        },
    )
    .map_err(|e| e.downcast::<ContractError>().unwrap())
}

#[test]
fn spender_spends_within_its_budget_per_period() {
    let mut s = Suite::new();
    s.deposit_native(5_000);
    set_budget(&mut s, "guild", 120, None).unwrap();
    spend_budget(&mut s, "guild", native(100)).unwrap();
    let err = spend_budget(&mut s, "guild", native(21)).unwrap_err();
    assert!(
        matches!(err, ContractError::BudgetExceeded { remaining, .. } if remaining.u128() == 20)
    );
    s.next_block(100);
    spend_budget(&mut s, "guild", native(120)).unwrap();
    assert_eq!(s.native_balance(&s.addr("vendor")), 220);
    let ledger = s.ledger();
    assert_eq!(ledger.last().unwrap().kind, LedgerKind::BudgetSpend);
    let b: BudgetResponse = s
        .app
        .wrap()
        .query_wasm_smart(
            s.treasury.clone(),
            &QueryMsg::Budget {
                spender: s.addr("guild").to_string(),
            },
        )
        .unwrap();
    assert_eq!((b.spent.u128(), b.remaining.u128()), (120, 0));
}

#[test]
fn budget_spends_count_against_the_treasury_limit() {
    let mut s = Suite::new();
    s.deposit_native(5_000);
    set_budget(&mut s, "guild", 1_000, None).unwrap();
    s.spend("bob", native(450)).unwrap();
    let err = spend_budget(&mut s, "guild", native(51)).unwrap_err();
    assert!(
        matches!(err, ContractError::SpendLimitExceeded { remaining, .. } if remaining.u128() == 50)
    );
    spend_budget(&mut s, "guild", native(50)).unwrap();
    let err = s
        .spend("bob", native(1))
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert!(matches!(err, ContractError::SpendLimitExceeded { .. }));
}

#[test]
fn expiry_revocation_and_wrong_asset() {
    let mut s = Suite::new();
    s.deposit_native(5_000);
    let expires = s.app.block_info().time.plus_seconds(50);
    set_budget(&mut s, "guild", 100, Some(expires)).unwrap();
    let token = s.token.to_string();
    let err = spend_budget(
        &mut s,
        "guild",
        AssetUnchecked {
            info: AssetInfoUnchecked::Cw20(token),
            amount: Uint128::new(1),
        },
    )
    .unwrap_err();
    assert!(matches!(err, ContractError::WrongBudgetAsset { .. }));
    s.app.update_block(|b| {
        b.height += 1;
        b.time = expires.minus_seconds(1);
    });
    spend_budget(&mut s, "guild", native(10)).unwrap();
    s.app.update_block(|b| {
        b.height += 1;
        b.time = expires;
    });
    let err = spend_budget(&mut s, "guild", native(10)).unwrap_err();
    assert_eq!(
        err,
        ContractError::BudgetExpired {
            spender: s.addr("guild").to_string(),
            expired_at: expires
        }
    );

    set_budget(&mut s, "guild", 100, None).unwrap();
    let guild = s.addr("guild").to_string();
    s.exec(
        "dao",
        &ExecuteMsg::RevokeBudget {
            spender: guild.clone(),
        },
    )
    .unwrap();
    let err = spend_budget(&mut s, "guild", native(1)).unwrap_err();
    assert_eq!(
        err,
        ContractError::NoBudget {
            spender: guild.clone()
        }
    );
    assert_eq!(
        s.exec_err(
            "dao",
            &ExecuteMsg::RevokeBudget {
                spender: guild.clone()
            }
        ),
        ContractError::NoBudget { spender: guild }
    );
    assert_eq!(
        spend_budget(&mut s, "stranger", native(1)).unwrap_err(),
        ContractError::NoBudget {
            spender: s.addr("stranger").to_string()
        }
    );
}

#[test]
fn invalid_budgets() {
    let mut s = Suite::new();
    let guild = s.addr("guild").to_string();
    let budget = |amount: u128, period: u64, expires: Option<Timestamp>| ExecuteMsg::SetBudget {
        spender: guild.clone(),
        asset_info: AssetInfoUnchecked::Native(DENOM.into()),
        amount_per_period: Uint128::new(amount),
        period_seconds: period,
        expires,
    };
    assert_eq!(
        s.exec_err("dao", &budget(0, 10, None)),
        ContractError::ZeroAmount
    );
    assert_eq!(
        s.exec_err("dao", &budget(10, 0, None)),
        ContractError::Duration(DurationError::Zero {
            what: "the budget period".into()
        })
    );
    assert_eq!(
        s.exec_err("dao", &budget(10, MAX_DURATION_SECONDS + 1, None)),
        ContractError::Duration(DurationError::TooLong {
            what: "the budget period".into(),
            seconds: MAX_DURATION_SECONDS + 1,
            max: MAX_DURATION_SECONDS,
        })
    );
    let now = s.app.block_info().time;
    assert_eq!(
        s.exec_err("dao", &budget(10, 10, Some(now))),
        ContractError::ExpiryInPast { expires: now }
    );
    assert_eq!(
        s.exec_err("alice", &budget(10, 10, None)),
        ContractError::NotOwner {
            action: "set budgets".into()
        }
    );
    assert_eq!(
        s.exec_err(
            "alice",
            &ExecuteMsg::RevokeBudget {
                spender: guild.clone()
            }
        ),
        ContractError::NotOwner {
            action: "revoke budgets".into()
        }
    );
    let bad = ExecuteMsg::SetBudget {
        spender: "Guild".into(),
        asset_info: AssetInfoUnchecked::Native(DENOM.into()),
        amount_per_period: Uint128::new(1),
        period_seconds: 1,
        expires: None,
    };
    assert!(matches!(
        s.exec_err("dao", &bad),
        ContractError::InvalidAddress { .. }
    ));
}

#[test]
fn budgets_page() {
    let mut s = Suite::new();
    for i in 0..12 {
        set_budget(&mut s, &format!("guild{i}"), 10, None).unwrap();
    }
    let first: BudgetsResponse = s
        .app
        .wrap()
        .query_wasm_smart(
            s.treasury.clone(),
            &QueryMsg::Budgets {
                start_after: None,
                limit: None,
            },
        )
        .unwrap();
    assert_eq!(first.budgets.len(), 10);
    let rest: BudgetsResponse = s
        .app
        .wrap()
        .query_wasm_smart(
            s.treasury.clone(),
            &QueryMsg::Budgets {
                start_after: Some(first.budgets[9].spender.to_string()),
                limit: Some(50),
            },
        )
        .unwrap();
    assert_eq!(rest.budgets.len(), 2);
}
