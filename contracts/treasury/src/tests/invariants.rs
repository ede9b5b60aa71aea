//! Property test: random deposits, owner spends, budget spends and spend-limit changes (raise,
//! cut, remove, restore, cancel, apply) across time. After every step: holdings = deposits -
//! outflows (per asset), the ledger sums to the holdings, no budget window let more out than its
//! amount, and, checked from the ledger by a model of its own: no window of an asset, as
//! `spend_limit` reports it and across limit changes (a window restarted by a period change
//! still counts what the window before it spent), let more out than the limit in force; no
//! loosening took effect before `pending_changes` had listed it for the change delay; a
//! restored limit never reopens a window that was used before its removal.

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
    /// The full new limit list: `None` leaves the asset without a limit.
    SetLimits(Option<(u128, u64)>, Option<(u128, u64)>),
    /// Cancels the pending change of the native asset (`true`) or the token.
    Cancel(bool),
    Apply,
}

fn limit() -> impl Strategy<Value = Option<(u128, u64)>> {
    let amount = prop::sample::select(vec![100u128, 300, 500, 800, 1_200]);
    let period = prop::sample::select(vec![100u64, 250, PERIOD, DELAY]);
    prop_oneof![1 => Just(None), 3 => (amount, period).prop_map(Some)]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        2 => (1u128..400).prop_map(Op::DepositNative),
        2 => (1u128..400).prop_map(Op::DepositToken),
        3 => (0u128..900).prop_map(Op::SpendNative),
        3 => (0u128..900).prop_map(Op::SpendToken),
        1 => (0u128..200).prop_map(Op::BudgetSpend),
        3 => (1u64..1_200).prop_map(Op::Wait),
        2 => (limit(), limit()).prop_map(|(n, t)| Op::SetLimits(n, t)),
        1 => any::<bool>().prop_map(Op::Cancel),
        1 => Just(Op::Apply),
    ]
}

/// A limit as the `spend_limit` query reports it.
#[derive(Debug, Clone, PartialEq)]
struct Seen {
    amount: u128,
    period: u64,
    start: u64,
    spent: u128,
}

/// One asset's limit history, rebuilt from observations and the ledger.
struct Audit {
    key: String,
    info: AssetInfoUnchecked,
    last: Option<Seen>,
    /// Outflows from this time on count in the current window.
    counted_from: u64,
    /// End of the last window seen before the limit was removed.
    removed_window_end: Option<u64>,
    /// Pending change (amount, period, effective_at) listed at the last observation, and when
    /// it was first listed.
    listed: Option<((u128, u64, u64), u64)>,
}

impl Audit {
    fn new(s: &Suite, key: String, info: AssetInfoUnchecked) -> Self {
        let mut audit = Audit {
            key,
            info,
            last: None,
            counted_from: 0,
            removed_window_end: None,
            listed: None,
        };
        audit.last = audit.seen(s);
        audit.counted_from = audit.last.as_ref().map_or(0, |l| l.start);
        audit
    }

    fn seen(&self, s: &Suite) -> Option<Seen> {
        s.try_limit(self.info.clone()).ok().map(|l| Seen {
            amount: l.amount.u128(),
            period: l.period_seconds,
            start: l.window_start.seconds(),
            spent: l.spent.u128(),
        })
    }

    fn outflows(&self, ledger: &[LedgerEntry], from: u64, to: u64) -> u128 {
        ledger
            .iter()
            .filter(|e| e.kind != LedgerKind::Deposit && e.asset.info.key() == self.key)
            .filter(|e| (from..=to).contains(&e.time.seconds()))
            .map(|e| e.asset.amount.u128())
            .sum()
    }

    /// Checks the step that just ran (`waited`: it moved time on) and records what it saw.
    fn observe(
        &mut self,
        s: &Suite,
        ledger: &[LedgerEntry],
        waited: bool,
        spent: Option<&str>,
    ) -> Result<(), TestCaseError> {
        let now = s.now().seconds();
        let seen = self.seen(s);
        let listed: Vec<_> = s
            .pending()
            .limits
            .into_iter()
            .filter(|p| p.asset_info.key() == self.key)
            .map(|p| {
                let l = p.limit;
                (l.amount.u128(), l.period_seconds, p.effective_at.seconds())
            })
            .collect();
        prop_assert!(listed.len() <= 1, "one pending change per asset");
        let listed = listed.first().copied();
        // a listed change that left the list once due took effect; one that left earlier was
        // cancelled or replaced
        let matured = self
            .listed
            .filter(|(change, _)| Some(*change) != listed && change.2 <= now);
        let first_listed = match (self.listed, listed) {
            (Some((old, first)), Some(new)) if old == new => first,
            _ => now,
        };
        if let Some(change) = listed {
            prop_assert_eq!(
                change.2,
                first_listed + DELAY,
                "listed from when it was made"
            );
        }
        self.listed = listed.map(|c| (c, first_listed));

        if let Some(cur) = &seen {
            let loosened = match &self.last {
                None => true,
                Some(prev) => cur.amount > prev.amount || cur.period < prev.period,
            };
            if loosened {
                let Some(((amount, period, effective_at), first)) = matured else {
                    return Err(TestCaseError::fail(format!(
                        "{} loosened to {cur:?} from {:?} without a pending change",
                        self.key, self.last
                    )));
                };
                prop_assert_eq!((amount, period), (cur.amount, cur.period));
                prop_assert!(effective_at <= now && effective_at - first >= DELAY);
            }
            self.counted_from = self.window_chain(cur, waited, matured, now)?;
            // what the window counts is exactly what the ledger shows left since it began
            let out = self.outflows(ledger, self.counted_from, now);
            prop_assert_eq!(cur.spent, out, "{} counts {:?}", self.key, cur);
            if spent == Some(self.key.as_str()) {
                prop_assert!(
                    out <= cur.amount,
                    "{}: {out} left, limit {:?}",
                    self.key,
                    cur
                );
            }
        }
        if let (Some(prev), None) = (&self.last, &seen) {
            self.removed_window_end = Some(prev.start + prev.period);
        }
        self.last = seen;
        Ok(())
    }

    /// From when outflows count in the window `cur`.
    fn window_chain(
        &self,
        cur: &Seen,
        waited: bool,
        matured: Option<((u128, u64, u64), u64)>,
        now: u64,
    ) -> Result<u64, TestCaseError> {
        let Some(prev) = &self.last else {
            // a restored limit opens after the window used before the removal
            if let Some(end) = self.removed_window_end {
                prop_assert!(cur.start >= end, "{cur:?} reopens a window ending at {end}");
            }
            return Ok(cur.start);
        };
        if (cur.start, cur.period) == (prev.start, prev.period) {
            return Ok(self.counted_from);
        }
        if cur.period == prev.period && cur.start > prev.start {
            prop_assert!(
                (cur.start - prev.start).is_multiple_of(prev.period),
                "off the grid"
            );
            return Ok(cur.start);
        }
        // a period change restarts the window when it applies: now, or when a waited-for
        // change became due
        let restart = match (waited, matured) {
            (false, _) => now,
            (true, Some((change, _))) => change.2,
            (true, None) => {
                return Err(TestCaseError::fail(format!(
                    "{} restarted {cur:?} while time passed, with nothing due",
                    self.key
                )))
            }
        };
        prop_assert!(cur.start >= restart && (cur.start - restart).is_multiple_of(cur.period));
        if cur.start != restart {
            return Ok(cur.start);
        }
        // the restarted window counts what the window current at the restart had spent
        let current_then = prev.start + (restart - prev.start) / prev.period * prev.period;
        Ok(if current_then == prev.start {
            self.counted_from
        } else {
            current_then
        })
    }
}

fn run(ops: Vec<Op>) -> Result<(), TestCaseError> {
    let mut s = Suite::new();
    let start = s.now().seconds();
    let token = s.token.clone();
    let guild = s.addr("guild").to_string();
    s.exec(
        "dao",
        &ExecuteMsg::SetBudget {
            spender: guild,
            asset_info: native_info(),
            amount_per_period: Uint128::new(BUDGET),
            period_seconds: BUDGET_PERIOD,
            expires: None,
        },
    )
    .unwrap();
    let token_info = AssetInfoUnchecked::Cw20(token.to_string());
    let (native_key, token_key) = (format!("native:{DENOM}"), format!("cw20:{token}"));
    let mut audits = [
        Audit::new(&s, native_key.clone(), native_info()),
        Audit::new(&s, token_key.clone(), token_info.clone()),
    ];
    let mut budget_windows: BTreeMap<u64, u128> = BTreeMap::new();
    let (mut native_in, mut native_out, mut token_in, mut token_out) = (0u128, 0u128, 0u128, 0u128);
    let token_asset = |amount| AssetUnchecked {
        info: token_info.clone(),
        amount: Uint128::new(amount),
    };
    let as_limit = |info: &AssetInfoUnchecked, l: Option<(u128, u64)>| {
        l.map(|(amount, period_seconds)| SpendLimitUnchecked {
            asset_info: info.clone(),
            amount: Uint128::new(amount),
            period_seconds,
        })
    };

    for op in ops {
        let now = s.now().seconds() - start;
        let (mut waited, mut spent, mut unchanged) = (false, None, false);
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
                    spent = Some(native_key.as_str());
                }
            }
            Op::SpendToken(a) => {
                if s.spend("bob", token_asset(a)).is_ok() {
                    token_out += a;
                    spent = Some(token_key.as_str());
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
                    spent = Some(native_key.as_str());
                    *budget_windows.entry(now / BUDGET_PERIOD).or_default() += a;
                }
            }
            Op::Wait(secs) => {
                s.next_block(secs);
                waited = true;
            }
            Op::SetLimits(n, t) => {
                let limits = [as_limit(&native_info(), n), as_limit(&token_info, t)];
                s.set_limits(limits.into_iter().flatten().collect())
                    .unwrap();
            }
            Op::Cancel(on_native) => {
                let asset_info = if on_native {
                    native_info()
                } else {
                    token_info.clone()
                };
                if let Err(e) = s.exec("dao", &ExecuteMsg::CancelPendingChange { asset_info }) {
                    let e = e.downcast::<ContractError>().unwrap();
                    let nothing_pending = matches!(e, ContractError::NoPendingChange { .. });
                    prop_assert!(nothing_pending, "{}", e);
                }
                unchanged = true;
            }
            Op::Apply => {
                let _ = s.exec("alice", &ExecuteMsg::ApplyChanges {});
                unchanged = true;
            }
        }
        // holdings = deposits - outflows
        let treasury = s.treasury.clone();
        prop_assert_eq!(s.native_balance(&treasury), native_in - native_out);
        prop_assert_eq!(s.cw20_balance(&token, &treasury), token_in - token_out);
        // the ledger sums to the holdings
        let ledger = s.ledger();
        let mut sums: BTreeMap<String, i128> = BTreeMap::new();
        for e in &ledger {
            let sign = if e.kind == LedgerKind::Deposit { 1 } else { -1 };
            *sums.entry(e.asset.info.key()).or_default() += sign * e.asset.amount.u128() as i128;
        }
        prop_assert_eq!(
            sums.get(&native_key).copied().unwrap_or(0),
            (native_in - native_out) as i128
        );
        prop_assert_eq!(
            sums.get(&token_key).copied().unwrap_or(0),
            (token_in - token_out) as i128
        );
        prop_assert!(
            budget_windows.values().all(|v| *v <= BUDGET),
            "{:?}",
            budget_windows
        );
        for audit in &mut audits {
            let before = audit.last.clone();
            audit.observe(&s, &ledger, waited, spent)?;
            if unchanged {
                // cancelling or recording changes never moves the limit in force
                prop_assert_eq!(&audit.last, &before);
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn holdings_ledger_and_windows(ops in prop::collection::vec(op(), 1..60)) {
        run(ops)?;
    }
}
