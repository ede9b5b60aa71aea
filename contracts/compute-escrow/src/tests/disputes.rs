//! Disputes of usage still in its challenge period, and the arbiter's ruling.

use super::*;
use commons::escrow::JobStatus;

#[test]
fn over_report_disputed_ruled_and_slashed() {
    let (mut s, id) = Suite::running_job();
    s.report(id, 2).unwrap();
    s.wait(CHALLENGE);
    // the provider over-reports
    s.report(id, 9).unwrap();
    let until = s.job(id).pending[0].payable_at;
    s.go_to(until.minus_seconds(1));
    let res = s.dispute(id).unwrap();
    assert_eq!(attr(&res, "disputed_units").as_deref(), Some("7"));
    assert_eq!(attr(&res, "disputed").as_deref(), Some("700:native:upay"));
    let j = s.job(id);
    assert_eq!(
        (
            j.status,
            j.units_payable.u128(),
            j.units_pending.u128(),
            j.units_disputed.u128()
        ),
        (JobStatus::Disputed, 2, 0, 7)
    );
    // frozen: the disputed units never mature by themselves
    s.go_to(until.plus_seconds(1_000));
    assert_eq!(s.job(id).units_payable.u128(), 2);
    // but the provider keeps reporting: new usage is a new pending entry
    s.report(id, 10).unwrap();
    assert_eq!(
        (
            s.job(id).units_pending.u128(),
            s.job(id).units_disputed.u128()
        ),
        (1, 7)
    );
    // only the arbiter rules, and within the disputed units
    assert_eq!(
        Suite::err(s.exec(
            "client",
            &ExecuteMsg::ResolveDispute {
                job_id: id,
                approved_units: Uint128::new(2),
                slash: Uint128::new(1_500),
            }
        )),
        ContractError::NotArbiter {
            action: "resolve disputes".into()
        }
    );
    assert_eq!(
        Suite::err(s.resolve(id, 8, 0)),
        ContractError::ApprovedExceedsDisputed {
            approved: Uint128::new(8),
            disputed: Uint128::new(7)
        }
    );
    let client_pay = s.bank("client", PAY);
    let res = s.resolve(id, 2, 1_500).unwrap();
    assert_eq!(attr(&res, "rejected_units").as_deref(), Some("5"));
    assert_eq!(attr(&res, "approved").as_deref(), Some("200:native:upay"));
    assert_eq!(attr(&res, "refunded").as_deref(), Some("500:native:upay"));
    assert_eq!(attr(&res, "slashed").as_deref(), Some("1500:native:ustake"));
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
            j.max_units.u128(),
            j.units_disputed.u128()
        ),
        (JobStatus::Running, 4, 5, 5, 0)
    );
    s.claim(&[id]).unwrap();
    // 400 gross, fee 10
    assert_eq!(s.bank("prov", PAY), 390);
    // the unit reported during the dispute matures on its own schedule
    s.wait(CHALLENGE);
    assert_eq!(s.job(id).units_payable.u128(), 5);
}

#[test]
fn slash_is_capped_by_the_stake_and_a_clean_ruling_costs_nothing() {
    let (mut s, id) = Suite::running_job();
    s.report(id, 5).unwrap();
    s.dispute(id).unwrap();
    s.resolve(id, 5, 0).unwrap();
    assert_eq!(s.provider("prov").disputes_lost, 0);
    assert_eq!(s.job(id).units_payable.u128(), 5);
    s.report(id, 6).unwrap();
    s.dispute(id).unwrap();
    s.resolve(id, 0, 1_000_000).unwrap();
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
/// Each report has its own window, to the second: at the first report's maturity only the
/// later one can still be disputed.
fn dispute_window_boundaries() {
    let (mut s, id) = Suite::running_job();
    assert_eq!(
        Suite::err(s.dispute(id)),
        ContractError::NothingPending { job_id: id }
    );
    s.report(id, 1).unwrap();
    s.wait(40);
    s.report(id, 3).unwrap();
    let [first, second] = [0, 1].map(|i| s.job(id).pending[i].payable_at);
    assert_eq!(second, first.plus_seconds(40));
    // at the first report's maturity only the second one can still be disputed
    s.go_to(first);
    let res = s.dispute(id).unwrap();
    assert_eq!(attr(&res, "disputed_units").as_deref(), Some("2"));
    let j = s.job(id);
    assert_eq!((j.units_payable.u128(), j.units_disputed.u128()), (1, 2));
    // a second dispute with nothing new in its period is refused
    assert_eq!(
        Suite::err(s.dispute(id)),
        ContractError::NothingPending { job_id: id }
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
    // the provider still claims what matured
    s.claim(&[id]).unwrap();
    assert_eq!(s.bank("prov", PAY), 100 - 3);
}

#[test]
fn disputes_of_later_reports_add_up_to_one_ruling() {
    let (mut s, id) = Suite::running_job();
    s.report(id, 2).unwrap();
    s.dispute(id).unwrap();
    s.wait(10);
    s.report(id, 5).unwrap();
    s.dispute(id).unwrap();
    let j = s.job(id);
    assert_eq!(
        (j.status, j.units_disputed.u128()),
        (JobStatus::Disputed, 5)
    );
    // approving while disputed makes only undisputed usage payable
    s.wait(1);
    s.report(id, 6).unwrap();
    let res = s.approve(id).unwrap();
    assert_eq!(attr(&res, "approved_units").as_deref(), Some("1"));
    s.resolve(id, 3, 0).unwrap();
    let j = s.job(id);
    assert_eq!(
        (
            j.status,
            j.units_payable.u128(),
            j.units_reported.u128(),
            j.max_units.u128()
        ),
        // the 2 rejected units went back: 8 of the 10 funded remain
        (JobStatus::Running, 4, 4, 8)
    );
}
