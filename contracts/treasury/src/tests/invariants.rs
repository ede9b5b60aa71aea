//! Property test: random deposits, owner spends and budget spends across time. After every
//! step: holdings = deposits - outflows (per asset), the ledger sums to the holdings, and no
//! limit or budget window ever let more out than its amount.

use std::collections::BTreeMap;

use super::*;
use commons::treasury::LedgerKind;
use proptest::prelude::*;

const BUDGET: u128 = 150;
const BUDGET_PERIOD: u64 = 300;

#[derive(Debug, Clone)]
enum Op {
    DepositNative(u128),
    DepositToken(u128),
    SpendNative(u128),
    SpendToken(u128),
    BudgetSpend(u128),
    Wait(u64),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (1u128..400).prop_map(Op::DepositNative),
        (1u128..400).prop_map(Op::DepositToken),
        (0u128..450).prop_map(Op::SpendNative),
        (0u128..450).prop_map(Op::SpendToken),
        (0u128..200).prop_map(Op::BudgetSpend),
        (1u64..700).prop_map(Op::Wait),
    ]
}

fn run(ops: Vec<Op>) -> Result<(), TestCaseError> {
    let mut s = Suite::new();
    let start = s.app.block_info().time.seconds();
    let token = s.token.clone();
    let guild = s.addr("guild").to_string();
    s.exec(
        "dao",
        &ExecuteMsg::SetBudget {
            spender: guild,
            asset_info: AssetInfoUnchecked::Native(DENOM.into()),
            amount_per_period: Uint128::new(BUDGET),
            period_seconds: BUDGET_PERIOD,
            expires: None,
        },
    )
    .unwrap();
    // outflows per (asset, limit window index) and per budget window index
    let mut windows: BTreeMap<(&str, u64), u128> = BTreeMap::new();
    let mut budget_windows: BTreeMap<u64, u128> = BTreeMap::new();
    let (mut native_in, mut native_out, mut token_in, mut token_out) = (0u128, 0u128, 0u128, 0u128);
    let token_asset = |amount| AssetUnchecked {
        info: AssetInfoUnchecked::Cw20(token.to_string()),
        amount: Uint128::new(amount),
    };

    for op in ops {
        let now = s.app.block_info().time.seconds() - start;
        let window = now / PERIOD;
        match op {
            Op::DepositNative(a) => {
                s.deposit_native(a);
                native_in += a;
            }
            Op::DepositToken(a) => {
                s.deposit_cw20(&token, a).unwrap();
                token_in += a;
            }
            Op::SpendNative(a) => {
                if s.spend("bob", native(a)).is_ok() {
                    native_out += a;
                    *windows.entry(("native", window)).or_default() += a;
                }
            }
            Op::SpendToken(a) => {
                if s.spend("bob", token_asset(a)).is_ok() {
                    token_out += a;
                    *windows.entry(("token", window)).or_default() += a;
                }
            }
            Op::BudgetSpend(a) => {
                let msg = ExecuteMsg::SpendBudget {
                    recipient: s.addr("vendor").to_string(),
                    asset: native(a),
                    memo: None,
                };
                if s.exec("guild", &msg).is_ok() {
                    native_out += a;
                    *windows.entry(("native", window)).or_default() += a;
                    *budget_windows.entry(now / BUDGET_PERIOD).or_default() += a;
                }
            }
            Op::Wait(secs) => s.next_block(secs),
        }
        // holdings = deposits - outflows
        let treasury = s.treasury.clone();
        prop_assert_eq!(s.native_balance(&treasury), native_in - native_out);
        prop_assert_eq!(s.cw20_balance(&token, &treasury), token_in - token_out);
        // the ledger sums to the holdings
        let mut sums: BTreeMap<String, i128> = BTreeMap::new();
        for e in s.ledger() {
            let sign = if e.kind == LedgerKind::Deposit { 1 } else { -1 };
            *sums.entry(e.asset.info.key()).or_default() += sign * e.asset.amount.u128() as i128;
        }
        prop_assert_eq!(
            sums.get(&format!("native:{DENOM}")).copied().unwrap_or(0),
            (native_in - native_out) as i128
        );
        prop_assert_eq!(
            sums.get(&format!("cw20:{token}")).copied().unwrap_or(0),
            (token_in - token_out) as i128
        );
        // no window over its limit
        prop_assert!(windows.values().all(|v| *v <= LIMIT), "{:?}", windows);
        prop_assert!(
            budget_windows.values().all(|v| *v <= BUDGET),
            "{:?}",
            budget_windows
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn holdings_ledger_and_windows(ops in prop::collection::vec(op(), 1..40)) {
        run(ops)?;
    }
}
