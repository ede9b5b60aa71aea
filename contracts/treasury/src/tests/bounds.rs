//! Bounds on the change delay and on every period: bad input gets its own error and changes
//! nothing, and the longest accepted periods never make time arithmetic panic.

use super::*;
use commons::time::{DurationError, MAX_DURATION_SECONDS};

fn new_treasury(
    s: &mut Suite,
    change_delay_seconds: u64,
    spend_limits: Vec<SpendLimitUnchecked>,
    funds: &[Coin],
) -> Result<Addr, ContractError> {
    let code = s.app.store_code(treasury_contract());
    let msg = InstantiateMsg {
        owner: s.addr("dao").to_string(),
        accepted_cw20s: vec![],
        spend_limits,
        change_delay_seconds,
    };
    let alice = s.addr("alice");
    s.app
        .instantiate_contract(code, alice, &msg, funds, "treasury", None)
        .map_err(|e| e.downcast::<ContractError>().unwrap())
}

fn too_long(what: &str, seconds: u64) -> ContractError {
    ContractError::Duration(DurationError::TooLong {
        what: what.into(),
        seconds,
        max: MAX_DURATION_SECONDS,
    })
}

const NATIVE_PERIOD: &str = "the spend-limit period of native:ucoin";

#[test]
fn the_change_delay_is_bounded_and_covers_every_period() {
    let mut s = Suite::new();
    let limit = |period| vec![native_limit(LIMIT, period)];
    assert_eq!(
        new_treasury(&mut s, 0, vec![], &[]).unwrap_err(),
        ContractError::Duration(DurationError::Zero {
            what: "the change delay".into()
        })
    );
    assert_eq!(
        new_treasury(&mut s, MAX_DURATION_SECONDS + 1, vec![], &[]).unwrap_err(),
        too_long("the change delay", MAX_DURATION_SECONDS + 1)
    );
    assert_eq!(
        new_treasury(&mut s, 999, limit(1_000), &[]).unwrap_err(),
        ContractError::DelayShorterThanPeriod {
            asset: "native:ucoin".into(),
            period: 1_000,
            delay: 999,
        }
    );
    assert_eq!(
        new_treasury(&mut s, 1_000, limit(0), &[]).unwrap_err(),
        ContractError::Duration(DurationError::Zero {
            what: NATIVE_PERIOD.into()
        })
    );
    // a period that used to overflow the window's end
    assert_eq!(
        new_treasury(&mut s, MAX_DURATION_SECONDS, limit(17_000_000_000), &[]).unwrap_err(),
        too_long(NATIVE_PERIOD, 17_000_000_000)
    );
    assert_eq!(
        new_treasury(&mut s, 1_000, limit(1_000), &coins(1, DENOM)).unwrap_err(),
        ContractError::Payment(cw_utils::PaymentError::NonPayable {})
    );
    // the delay may equal the longest period
    let t = new_treasury(&mut s, 1_000, limit(1_000), &[]).unwrap();
    let c: ConfigResponse = s
        .app
        .wrap()
        .query_wasm_smart(t, &QueryMsg::Config {})
        .unwrap();
    assert_eq!(c.change_delay_seconds, 1_000);
    assert_eq!(s.config().change_delay_seconds, DELAY);
}

#[test]
fn update_config_refuses_bad_limits_and_changes_nothing() {
    let mut s = Suite::new();
    s.deposit_native(1_000);
    s.spend("bob", native(100)).unwrap();
    s.set_limits(vec![native_limit(900, PERIOD)]).unwrap();
    let (limit, pending) = (s.native_limit(), s.pending());
    let cases = [
        (
            vec![native_limit(LIMIT, DELAY + 1)],
            ContractError::DelayShorterThanPeriod {
                asset: "native:ucoin".into(),
                period: DELAY + 1,
                delay: DELAY,
            },
        ),
        (
            vec![native_limit(LIMIT, 0)],
            ContractError::Duration(DurationError::Zero {
                what: NATIVE_PERIOD.into(),
            }),
        ),
        (
            vec![native_limit(LIMIT, MAX_DURATION_SECONDS + 1)],
            too_long(NATIVE_PERIOD, MAX_DURATION_SECONDS + 1),
        ),
        (vec![native_limit(0, PERIOD)], ContractError::ZeroAmount),
        (
            vec![native_limit(1, 1), native_limit(2, 2)],
            ContractError::DuplicateLimit {
                asset: "native:ucoin".into(),
            },
        ),
    ];
    for (limits, err) in cases {
        assert_eq!(s.exec_err("dao", &limits_msg(limits)), err);
        assert_eq!(
            (s.native_limit(), s.pending()),
            (limit.clone(), pending.clone())
        );
    }
    assert_eq!(
        s.exec_err("alice", &limits_msg(vec![])),
        ContractError::NotOwner {
            action: "update the configuration".into()
        }
    );
    let err = s
        .exec_funds("alice", &limits_msg(vec![]), &coins(1, DENOM))
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(
        err,
        ContractError::Payment(cw_utils::PaymentError::NonPayable {})
    );
    assert_eq!((s.native_limit(), s.pending()), (limit, pending));
}

#[test]
fn the_longest_periods_never_panic() {
    let mut s = Suite::new();
    let t = new_treasury(
        &mut s,
        MAX_DURATION_SECONDS,
        vec![native_limit(10, MAX_DURATION_SECONDS)],
        &[],
    )
    .unwrap();
    s.treasury = t;
    s.deposit_native(100);
    let start = s.now();
    s.spend("bob", native(10)).unwrap();
    let guild = s.addr("guild").to_string();
    let budget = |period_seconds| ExecuteMsg::SetBudget {
        spender: guild.clone(),
        asset_info: native_info(),
        amount_per_period: Uint128::new(5),
        period_seconds,
        expires: None,
    };
    assert_eq!(
        s.exec_err("dao", &budget(17_000_000_000)),
        too_long("the budget period", 17_000_000_000)
    );
    s.exec("dao", &budget(MAX_DURATION_SECONDS)).unwrap();
    // many windows on: queries and the over-limit errors answer
    s.at(start.plus_seconds(3 * MAX_DURATION_SECONDS + 5));
    s.spend("bob", native(10)).unwrap();
    let end = start.plus_seconds(4 * MAX_DURATION_SECONDS);
    assert_eq!(s.native_limit().window_end, end);
    assert!(matches!(
        s.spend_err(1),
        ContractError::SpendLimitExceeded { window_end, .. } if window_end == end
    ));
    let vendor = s.addr("vendor").to_string();
    let spend = ExecuteMsg::SpendBudget {
        recipient: vendor,
        asset: native(6),
        memo: None,
    };
    assert!(matches!(
        s.exec_err("guild", &spend),
        ContractError::BudgetExceeded { window_end, .. } if window_end == end
    ));
    let budgets: commons::treasury::BudgetsResponse = s
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
    assert_eq!(budgets.budgets[0].window_end, end);
    // the longest delay from a late block time still fits a timestamp
    s.set_limits(vec![native_limit(20, MAX_DURATION_SECONDS)])
        .unwrap();
    let p = s.pending().limits;
    assert_eq!(
        p[0].effective_at,
        s.now().plus_seconds(MAX_DURATION_SECONDS)
    );
}
