//! Cancellation after the deadline: a provider that reports and vanishes never locks the
//! client's unreported funds; reported usage keeps maturing, can be disputed, and stays
//! claimable.

use super::*;
use commons::escrow::{JobStatus, ProviderStatus};

/// A running 10-unit job at 100 whose provider reported 3 units 10 s before the deadline and
/// then vanished; the block is at the deadline.
fn reported_and_vanished() -> (Suite, u64) {
    let (mut s, id) = Suite::running_job();
    let deadline = s.job(id).deadline;
    s.go_to(deadline.minus_seconds(10));
    s.report(id, 3).unwrap();
    s.go_to(deadline);
    (s, id)
}

#[test]
fn the_stake_stays_locked_until_reported_usage_settles() {
    let (mut s, id) = reported_and_vanished();
    s.exec("prov", &ExecuteMsg::Unbond {}).unwrap();
    s.cancel(id).unwrap();
    // a dispute could still slash the stake, so the cancelled job still locks it
    assert_eq!(s.provider("prov").active_jobs, 1);
    s.wait(UNBONDING);
    assert_eq!(
        Suite::err(s.exec("prov", &ExecuteMsg::WithdrawStake {})),
        ContractError::JobsRunning { active_jobs: 1 }
    );
    // claiming the matured usage settles the job and frees the stake
    s.claim(&[id]).unwrap();
    let p = s.provider("prov");
    assert_eq!((p.active_jobs, p.jobs_completed), (0, 0));
    s.exec("prov", &ExecuteMsg::WithdrawStake {}).unwrap();
    assert_eq!(s.provider("prov").status, ProviderStatus::Withdrawn);
}

#[test]
fn dispute_after_cancel_is_ruled_and_the_job_stays_cancelled() {
    let (mut s, id) = reported_and_vanished();
    s.cancel(id).unwrap();
    let before = s.bank("client", PAY);
    s.dispute(id).unwrap();
    let j = s.job(id);
    assert_eq!(
        (j.status, j.units_disputed.u128(), j.cancelled_at.is_some()),
        (JobStatus::Disputed, 3, true)
    );
    // frozen past its maturity
    s.wait(CHALLENGE * 5);
    assert_eq!(Suite::err(s.claim(&[id])), ContractError::NothingToClaim);
    assert!(matches!(
        Suite::err(s.report(id, 4)),
        ContractError::WrongJobStatus { .. }
    ));
    s.resolve(id, 1, 700).unwrap();
    let j = s.job(id);
    assert_eq!(
        (j.status, j.units_payable.u128(), j.balance.u128()),
        (JobStatus::Cancelled, 1, 100)
    );
    assert_eq!(s.bank("client", PAY), before + 200);
    assert_eq!(s.bank("client", STAKE), 10_000 + 700);
    // the ruling settled the job: the stake is free, the approved unit claimable
    assert_eq!(s.provider("prov").active_jobs, 0);
    s.claim(&[id]).unwrap();
    assert_eq!(s.bank("prov", PAY), 100 - 3);
    assert_eq!(s.bank("escrow", PAY), 0);
}

#[test]
fn cancel_during_a_dispute_keeps_the_dispute() {
    let (mut s, id) = Suite::running_job();
    s.report(id, 4).unwrap();
    s.dispute(id).unwrap();
    let deadline = s.job(id).deadline;
    s.go_to(deadline.minus_seconds(1));
    assert!(matches!(
        Suite::err(s.cancel(id)),
        ContractError::NotCancellable { .. }
    ));
    s.go_to(deadline);
    let res = s.cancel(id).unwrap();
    assert_eq!(attr(&res, "refunded_units").as_deref(), Some("6"));
    assert_eq!(attr(&res, "units_disputed").as_deref(), Some("4"));
    assert_eq!(s.job(id).status, JobStatus::Disputed);
    s.resolve(id, 4, 0).unwrap();
    assert_eq!(s.job(id).status, JobStatus::Cancelled);
    s.claim(&[id]).unwrap();
    assert_eq!(s.bank("escrow", PAY), 0);
}

#[test]
fn approval_after_cancel_pays_the_provider_early() {
    let (mut s, id) = reported_and_vanished();
    s.cancel(id).unwrap();
    s.approve(id).unwrap();
    // approval settled the cancelled job: the stake is free at once
    assert_eq!(s.provider("prov").active_jobs, 0);
    s.claim(&[id]).unwrap();
    assert_eq!(s.bank("prov", PAY), 300 - 8);
}

#[test]
fn claim_after_refunds_pays_what_was_payable() {
    let (mut s, id) = Suite::running_job();
    s.report(id, 2).unwrap();
    s.wait(CHALLENGE);
    s.report(id, 6).unwrap();
    s.dispute(id).unwrap();
    // a ruling refunds 3 of the 4 disputed units
    s.resolve(id, 1, 0).unwrap();
    let deadline = s.job(id).deadline;
    s.go_to(deadline);
    // then the cancellation refunds the 4 never reported
    let res = s.cancel(id).unwrap();
    assert_eq!(attr(&res, "refunded_units").as_deref(), Some("4"));
    assert_eq!(s.bank("client", PAY), 1_000_000 - 1_000 + 300 + 400);
    // nothing the provider earned was taken back
    let res = s.claim(&[id]).unwrap();
    assert_eq!(attr(&res, "gross").as_deref(), Some("300:native:upay"));
    assert_eq!(s.bank("escrow", PAY), 0);
    let j = s.job(id);
    assert_eq!(
        (j.status, j.units_claimed.u128()),
        (JobStatus::Cancelled, 3)
    );
}

#[test]
fn a_provider_that_never_reported_leaves_everything_to_the_client() {
    let (mut s, id) = Suite::running_job();
    let deadline = s.job(id).deadline;
    s.go_to(deadline);
    s.cancel(id).unwrap();
    assert_eq!(s.bank("client", PAY), 1_000_000);
    assert_eq!(s.provider("prov").active_jobs, 0);
    assert_eq!(Suite::err(s.claim(&[id])), ContractError::NothingToClaim);
}

#[test]
fn reports_are_taken_until_the_second_before_the_deadline() {
    let (mut s, id) = Suite::running_job();
    let deadline = s.job(id).deadline;
    s.go_to(deadline.minus_seconds(1));
    s.report(id, 2).unwrap();
    s.go_to(deadline);
    assert_eq!(
        Suite::err(s.report(id, 3)),
        ContractError::DeadlinePassed { deadline }
    );
    let res = s.cancel(id).unwrap();
    assert_eq!(attr(&res, "refunded_units").as_deref(), Some("8"));
    // the last report still matures a full challenge period after it was made
    s.go_to(deadline.minus_seconds(1).plus_seconds(CHALLENGE - 1));
    assert_eq!(s.job(id).units_payable.u128(), 0);
    s.wait(1);
    assert_eq!(s.job(id).units_payable.u128(), 2);
}
