//! Property test: random create / accept / report / approve / dispute / resolve / claim /
//! cancel / complete / top_up / config changes across random timings, checked against a model
//! of what the escrow owes. After every step:
//! (a) each job's payable units and pending entries are the model's: every report's units
//!     become payable exactly its job's challenge period after that report, unless approved or
//!     disputed first, and every message succeeds exactly when the model says it may;
//! (b) per asset, the contract holds exactly the job balances (pay asset) and the stakes
//!     (stake asset), and escrowed = paid + refunded + fees + held;
//! (c) every party holds exactly what the model owes it: providers their net payments, the
//!     fee recipient the fees, the client its refunds and slashes, so nobody gets more.

use super::*;
use commons::escrow::AssetTotals;
use proptest::prelude::*;

use model::{Model, Op};

mod model;

fn op() -> impl Strategy<Value = Op> {
    let job = 0usize..6;
    prop_oneof![
        2 => (1u128..50, 1u128..20).prop_map(|(price, units)| Op::Create { price, units }),
        2 => (job.clone(), 0usize..2).prop_map(|(job, prov)| Op::Accept { job, prov }),
        4 => (job.clone(), 1u128..4).prop_map(|(job, extra)| Op::Report { job, extra }),
        1 => job.clone().prop_map(|job| Op::Approve { job }),
        1 => job.clone().prop_map(|job| Op::Dispute { job }),
        1 => (job.clone(), 0u128..6, 0u128..3_000)
            .prop_map(|(job, approved, slash)| Op::Resolve { job, approved, slash }),
        2 => (0usize..2, job.clone()).prop_map(|(prov, job)| Op::Claim { prov, job }),
        1 => job.clone().prop_map(|job| Op::Cancel { job }),
        1 => (job.clone(), any::<bool>())
            .prop_map(|(job, by_provider)| Op::Complete { job, by_provider }),
        1 => (job, 1u128..5).prop_map(|(job, units)| Op::TopUp { job, units }),
        1 => (1u64..400, 0u16..1_000).prop_map(|(challenge, fee_bps)| Op::Terms { challenge, fee_bps }),
        3 => (1u64..30).prop_map(Op::Wait),
        2 => (30u64..3_000).prop_map(Op::Wait),
    ]
}

const PROVS: [&str; 2] = ["prov", "prov2"];

fn totals(s: &Suite, key: &str) -> AssetTotals {
    s.totals()
        .assets
        .into_iter()
        .find(|e| e.asset.key() == key)
        .map(|e| e.totals)
        .unwrap_or_default()
}

fn run(ops: Vec<Op>) -> Result<(), TestCaseError> {
    let mut s = Suite::new();
    s.register("prov", 5_000).unwrap();
    s.register("prov2", 2_000).unwrap();
    let mut m = Model::new(&s, [5_000, 2_000]);
    for op in ops {
        let now = s.now().nanos();
        let expected = m.expect(&op, now);
        let res = m.send(&mut s, &op);
        prop_assert_eq!(
            res.is_ok(),
            expected.is_some(),
            "{:?} at {}: {:?}",
            op,
            now,
            res.as_ref().err().map(|e| e.to_string())
        );
        if let (Some(next), Ok(_)) = (expected, &res) {
            m = next;
        }
        check(&s, &m)?;
    }
    Ok(())
}

fn check(s: &Suite, m: &Model) -> Result<(), TestCaseError> {
    let now = s.now().nanos();
    // (a) payable units and pending entries per job
    let mut balances = 0u128;
    for job in &m.jobs {
        let j = s.job(job.id);
        let (payable, pending) = job.matured(now);
        prop_assert_eq!(j.units_payable.u128(), payable, "job {} payable", job.id);
        let got: Vec<(u128, u64)> = j
            .pending
            .iter()
            .map(|p| (p.units.u128(), p.payable_at.nanos()))
            .collect();
        prop_assert_eq!(got, pending, "job {} pending", job.id);
        prop_assert_eq!(j.units_disputed.u128(), job.disputed);
        prop_assert_eq!(j.units_claimed.u128(), job.claimed);
        prop_assert_eq!(j.status, job.status);
        prop_assert_eq!(
            (j.fee_bps, j.challenge_period_seconds),
            (job.fee_bps, job.challenge)
        );
        prop_assert_eq!(j.balance.u128(), job.balance());
        balances += job.balance();
    }
    // (b) holdings and accounting per asset
    let pay = totals(s, &format!("native:{PAY}"));
    let stake = totals(s, &format!("native:{STAKE}"));
    prop_assert_eq!(s.bank("escrow", PAY), balances);
    prop_assert_eq!(pay.held.u128(), balances);
    prop_assert_eq!(pay.escrowed, pay.paid + pay.refunded + pay.fees + pay.held);
    let stakes: u128 = m.stakes.iter().sum();
    prop_assert_eq!(s.bank("escrow", STAKE), stakes);
    prop_assert_eq!(stake.staked.u128(), stakes);
    for (i, p) in PROVS.iter().enumerate() {
        prop_assert_eq!(s.provider(p).stake.amount.u128(), m.stakes[i]);
    }
    // (c) each party holds what it is owed, no more
    for (i, p) in PROVS.iter().enumerate() {
        prop_assert_eq!(s.bank(p, PAY), m.paid[i], "{} paid", p);
    }
    prop_assert_eq!(s.bank("treasury", PAY), m.fees);
    prop_assert_eq!(s.bank("newfees", PAY), m.new_fees);
    prop_assert_eq!(
        s.bank("client", PAY),
        m.client_start - m.escrowed + m.refunded
    );
    prop_assert_eq!(s.bank("client", STAKE), m.client_stake_start + m.slashed);
    prop_assert_eq!(pay.fees.u128(), m.fees + m.new_fees);
    prop_assert_eq!(pay.refunded.u128(), m.refunded);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn escrow_owes_what_the_model_owes(ops in prop::collection::vec(op(), 1..60)) {
        run(ops)?;
    }
}

#[test]
fn the_model_agrees_on_a_busy_job() {
    use Op::*;
    let ops = vec![
        Create {
            price: 3,
            units: 19,
        },
        Accept { job: 0, prov: 0 },
        Report { job: 0, extra: 1 },
        Wait(5),
        Report { job: 0, extra: 2 },
        Terms {
            challenge: 7,
            fee_bps: 999,
        },
        Create { price: 2, units: 5 },
        Accept { job: 1, prov: 1 },
        Report { job: 1, extra: 3 },
        Dispute { job: 0 },
        Wait(8),
        Report { job: 0, extra: 1 },
        Approve { job: 0 },
        Claim { prov: 1, job: 1 },
        Resolve {
            job: 0,
            approved: 2,
            slash: 100,
        },
        Claim { prov: 0, job: 0 },
        Wait(5_000),
        Cancel { job: 0 },
        Complete {
            job: 1,
            by_provider: true,
        },
        Claim { prov: 1, job: 1 },
    ];
    run(ops).unwrap();
}
