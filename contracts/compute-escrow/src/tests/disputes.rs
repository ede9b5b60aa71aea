//! Disputes inside the challenge period, and the arbiter's ruling.

use super::*;
use commons::escrow::JobStatus;

#[test]
fn over_report_disputed_ruled_and_slashed() {
    let (mut s, id) = Suite::running_job();
    s.report(id, 2).unwrap();
    s.wait(CHALLENGE);
    // the provider over-reports
    s.report(id, 9).unwrap();
    let until = s.job(id).pending_until.unwrap();
    s.go_to(until.minus_seconds(1));
    s.exec(
        "client",
        &ExecuteMsg::Dispute {
            job_id: id,
            reason: "only 4 units were used".into(),
        },
    )
    .unwrap();
    let j = s.job(id);
    assert_eq!(
        (j.status, j.units_payable.u128(), j.units_pending.u128()),
        (JobStatus::Disputed, 2, 7)
    );
    // frozen: no report, no maturing, no completion while disputed
    s.go_to(until.plus_seconds(1_000));
    assert_eq!(s.job(id).units_payable.u128(), 2);
    assert!(matches!(
        Suite::err(s.report(id, 10)),
        ContractError::WrongJobStatus { .. }
    ));
    // only the arbiter rules
    let ruling = ExecuteMsg::ResolveDispute {
        job_id: id,
        approved_units: Uint128::new(2),
        slash: Uint128::new(1_500),
    };
    assert_eq!(
        Suite::err(s.exec("client", &ruling)),
        ContractError::NotArbiter {
            action: "resolve disputes".into()
        }
    );
    let too_many = ExecuteMsg::ResolveDispute {
        job_id: id,
        approved_units: Uint128::new(8),
        slash: Uint128::zero(),
    };
    assert_eq!(
        Suite::err(s.exec("dao", &too_many)),
        ContractError::ApprovedExceedsDisputed {
            approved: Uint128::new(8),
            disputed: Uint128::new(7)
        }
    );
    let client_pay = s.bank("client", PAY);
    let res = s.exec("dao", &ruling).unwrap();
    assert_eq!(attr(&res, "rejected_units").as_deref(), Some("5"));
    // 5 rejected units refunded, 1_500 stake slashed to the client
    assert_eq!(s.bank("client", PAY), client_pay + 500);
    assert_eq!(s.bank("client", STAKE), 10_000 + 1_500);
    let p = s.provider("prov");
    assert_eq!(
        (p.stake.amount.u128(), p.disputes_lost, p.slashed.u128()),
        (3_500, 1, 1_500)
    );
    let j = s.job(id);
    assert_eq!(
        (
            j.status,
            j.units_payable.u128(),
            j.units_reported.u128(),
            j.max_units.u128()
        ),
        (JobStatus::Running, 4, 4, 5)
    );
    s.exec("prov", &ExecuteMsg::ClaimPayments { job_ids: vec![id] })
        .unwrap();
    assert_eq!(s.bank("prov", PAY), 390);
}

#[test]
fn slash_is_capped_by_the_stake_and_a_clean_ruling_costs_nothing() {
    let (mut s, id) = Suite::running_job();
    s.report(id, 5).unwrap();
    s.exec(
        "client",
        &ExecuteMsg::Dispute {
            job_id: id,
            reason: "check".into(),
        },
    )
    .unwrap();
    s.exec(
        "dao",
        &ExecuteMsg::ResolveDispute {
            job_id: id,
            approved_units: Uint128::new(5),
            slash: Uint128::zero(),
        },
    )
    .unwrap();
    assert_eq!(s.provider("prov").disputes_lost, 0);
    s.report(id, 6).unwrap();
    s.exec(
        "client",
        &ExecuteMsg::Dispute {
            job_id: id,
            reason: "check".into(),
        },
    )
    .unwrap();
    s.exec(
        "dao",
        &ExecuteMsg::ResolveDispute {
            job_id: id,
            approved_units: Uint128::zero(),
            slash: Uint128::new(1_000_000),
        },
    )
    .unwrap();
    let p = s.provider("prov");
    assert_eq!((p.stake.amount.u128(), p.slashed.u128()), (0, 5_000));
    // with no stake left it cannot take new jobs
    let other = s.create_job(1, 1);
    assert!(matches!(
        Suite::err(s.exec("prov", &ExecuteMsg::AcceptJob { job_id: other })),
        ContractError::StakeTooLow { .. }
    ));
}

#[test]
fn dispute_window_boundaries() {
    let (mut s, id) = Suite::running_job();
    assert_eq!(
        Suite::err(s.exec(
            "client",
            &ExecuteMsg::Dispute {
                job_id: id,
                reason: "r".into()
            }
        )),
        ContractError::NothingPending { job_id: id }
    );
    s.report(id, 1).unwrap();
    let until = s.job(id).pending_until.unwrap();
    s.go_to(until);
    assert_eq!(
        Suite::err(s.exec(
            "client",
            &ExecuteMsg::Dispute {
                job_id: id,
                reason: "r".into()
            }
        )),
        ContractError::ChallengePeriodOver { ended_at: until }
    );
    assert_eq!(
        Suite::err(s.exec(
            "prov",
            &ExecuteMsg::Dispute {
                job_id: id,
                reason: "r".into()
            }
        )),
        ContractError::NotClient {
            action: "dispute usage".into()
        }
    );
}
