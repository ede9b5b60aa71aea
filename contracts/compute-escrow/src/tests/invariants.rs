//! Property test: random sequences of create / accept / report / approve / dispute / resolve /
//! claim / cancel / complete / top_up across time. After every step, per asset: the contract
//! holds exactly the open job balances (pay asset) and the stakes (stake asset), and
//! escrowed = paid + refunded + fees + held; no coin appears or disappears overall.

use super::*;
use commons::escrow::AssetTotals;
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Op {
    Create {
        price: u128,
        units: u128,
    },
    Accept {
        job: usize,
        prov: usize,
    },
    Report {
        job: usize,
        extra: u128,
    },
    Approve {
        job: usize,
    },
    Dispute {
        job: usize,
    },
    Resolve {
        job: usize,
        approved: u128,
        slash: u128,
    },
    Claim {
        prov: usize,
        job: usize,
    },
    Cancel {
        job: usize,
    },
    Complete {
        job: usize,
        by_provider: bool,
    },
    TopUp {
        job: usize,
        units: u128,
    },
    Wait(u64),
}

fn op() -> impl Strategy<Value = Op> {
    let job = 0usize..6;
    prop_oneof![
        2 => (1u128..50, 1u128..20).prop_map(|(price, units)| Op::Create { price, units }),
        2 => (job.clone(), 0usize..2).prop_map(|(job, prov)| Op::Accept { job, prov }),
        3 => (job.clone(), 1u128..8).prop_map(|(job, extra)| Op::Report { job, extra }),
        1 => job.clone().prop_map(|job| Op::Approve { job }),
        1 => job.clone().prop_map(|job| Op::Dispute { job }),
        1 => (job.clone(), 0u128..8, 0u128..3_000).prop_map(|(job, approved, slash)| Op::Resolve { job, approved, slash }),
        2 => (0usize..2, job.clone()).prop_map(|(prov, job)| Op::Claim { prov, job }),
        1 => job.clone().prop_map(|job| Op::Cancel { job }),
        1 => (job.clone(), any::<bool>()).prop_map(|(job, by_provider)| Op::Complete { job, by_provider }),
        1 => (job, 1u128..5).prop_map(|(job, units)| Op::TopUp { job, units }),
        2 => (1u64..3_000).prop_map(Op::Wait),
    ]
}

const PROVS: [&str; 2] = ["prov", "prov2"];
const PEOPLE: [&str; 5] = ["client", "prov", "prov2", "treasury", "escrow"];

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
    let pay_total: u128 = PEOPLE.iter().map(|p| s.bank(p, PAY)).sum();
    let stake_total: u128 = PEOPLE.iter().map(|p| s.bank(p, STAKE)).sum();
    let mut jobs: Vec<u64> = vec![];
    for op in ops {
        let id = |j: usize| jobs.get(j % jobs.len().max(1)).copied().unwrap_or(999);
        let _ = match op {
            Op::Create { price, units } => {
                let mut msg = s.job_msg(None, price, units);
                msg.deadline = s.now().plus_seconds(4_000);
                let res = s.exec_funds(
                    "client",
                    &ExecuteMsg::CreateJob(msg),
                    &coins(price * units, PAY),
                );
                if let Ok(r) = &res {
                    jobs.push(attr(r, "job_id").unwrap().parse().unwrap());
                }
                res
            }
            Op::Accept { job, prov } => {
                s.exec(PROVS[prov], &ExecuteMsg::AcceptJob { job_id: id(job) })
            }
            Op::Report { job, extra } => {
                let current = s.app.wrap().query_wasm_smart::<JobResponse>(
                    s.escrow.clone(),
                    &QueryMsg::Job { job_id: id(job) },
                );
                let units = current.map(|j| j.units_reported.u128()).unwrap_or(0) + extra;
                let prov = current_provider(&s, id(job)).unwrap_or("prov");
                s.exec(
                    prov,
                    &ExecuteMsg::ReportUsage {
                        job_id: id(job),
                        units: Uint128::new(units),
                        proof: None,
                    },
                )
            }
            Op::Approve { job } => s.exec("client", &ExecuteMsg::ApproveUsage { job_id: id(job) }),
            Op::Dispute { job } => s.exec(
                "client",
                &ExecuteMsg::Dispute {
                    job_id: id(job),
                    reason: "r".into(),
                },
            ),
            Op::Resolve {
                job,
                approved,
                slash,
            } => s.exec(
                "dao",
                &ExecuteMsg::ResolveDispute {
                    job_id: id(job),
                    approved_units: Uint128::new(approved),
                    slash: Uint128::new(slash),
                },
            ),
            Op::Claim { prov, job } => s.exec(
                PROVS[prov],
                &ExecuteMsg::ClaimPayments {
                    job_ids: vec![id(job)],
                },
            ),
            Op::Cancel { job } => s.exec("client", &ExecuteMsg::CancelJob { job_id: id(job) }),
            Op::Complete { job, by_provider } => {
                let who = if by_provider {
                    current_provider(&s, id(job)).unwrap_or("prov")
                } else {
                    "client"
                };
                s.exec(who, &ExecuteMsg::CompleteJob { job_id: id(job) })
            }
            Op::TopUp { job, units } => {
                let price = s
                    .app
                    .wrap()
                    .query_wasm_smart::<JobResponse>(
                        s.escrow.clone(),
                        &QueryMsg::Job { job_id: id(job) },
                    )
                    .map(|j| j.price_per_unit.u128())
                    .unwrap_or(1);
                s.exec_funds(
                    "client",
                    &ExecuteMsg::TopUp { job_id: id(job) },
                    &coins(price * units, PAY),
                )
            }
            Op::Wait(secs) => {
                s.wait(secs);
                Ok(AppResponse::default())
            }
        };

        let pay = totals(&s, &format!("native:{PAY}"));
        let stake = totals(&s, &format!("native:{STAKE}"));
        let balances: u128 = jobs.iter().map(|j| s.job(*j).balance.u128()).sum();
        prop_assert_eq!(s.bank("escrow", PAY), balances);
        prop_assert_eq!(pay.held.u128(), balances);
        prop_assert_eq!(pay.escrowed, pay.paid + pay.refunded + pay.fees + pay.held);
        let stakes: u128 = PROVS
            .iter()
            .map(|p| s.provider(p).stake.amount.u128())
            .sum();
        prop_assert_eq!(s.bank("escrow", STAKE), stakes);
        prop_assert_eq!(stake.staked.u128(), stakes);
        prop_assert_eq!(
            PEOPLE.iter().map(|p| s.bank(p, PAY)).sum::<u128>(),
            pay_total
        );
        prop_assert_eq!(
            PEOPLE.iter().map(|p| s.bank(p, STAKE)).sum::<u128>(),
            stake_total
        );
        prop_assert_eq!(s.bank("treasury", PAY), pay.fees.u128());
    }
    Ok(())
}

fn current_provider(s: &Suite, job_id: u64) -> Option<&'static str> {
    let job: JobResponse = s
        .app
        .wrap()
        .query_wasm_smart(s.escrow.clone(), &QueryMsg::Job { job_id })
        .ok()?;
    let provider = job.provider?;
    PROVS.iter().copied().find(|p| s.addr(p) == provider)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn escrow_conservation(ops in prop::collection::vec(op(), 1..50)) {
        run(ops)?;
    }
}
