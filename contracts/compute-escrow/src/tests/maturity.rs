//! Per-report maturity: each report's units become payable exactly one challenge period after
//! that report, however often the provider reports, within a bounded number of entries.

use super::*;
use commons::escrow::{PendingUsage, MAX_PENDING_REPORTS};

#[test]
fn frequent_reports_still_mature_on_time() {
    let (mut s, id) = Suite::running_job();
    // a report every 30 s, far more often than the 100 s challenge period: each batch of
    // units still matures 100 s after its own report
    let mut reports: Vec<(Timestamp, u128)> = vec![];
    for k in 1..=10u128 {
        s.wait(30);
        let res = s.report(id, k).unwrap();
        let payable_at = s.now().plus_seconds(CHALLENGE);
        assert_eq!(attr(&res, "new_units").as_deref(), Some("1"));
        assert_eq!(
            attr(&res, "payable_at"),
            Some(payable_at.seconds().to_string())
        );
        reports.push((s.now(), 1));
        let due: u128 = reports
            .iter()
            .filter(|(at, _)| at.plus_seconds(CHALLENGE) <= s.now())
            .map(|(_, units)| units)
            .sum();
        let j = s.job(id);
        assert_eq!(j.units_payable.u128(), due, "after report {k}");
        assert_eq!(j.units_pending.u128(), k - due);
    }
    // the provider is paid while it keeps reporting
    s.claim(&[id]).unwrap();
    assert_eq!(s.job(id).units_claimed.u128(), 6);
    s.wait(CHALLENGE);
    assert_eq!(s.job(id).units_payable.u128(), 10);
}

#[test]
fn a_report_matures_at_its_second_not_before() {
    let (mut s, id) = Suite::running_job();
    s.report(id, 4).unwrap();
    let payable_at = s.now().plus_seconds(CHALLENGE);
    assert_eq!(
        s.job(id).pending,
        vec![PendingUsage {
            units: Uint128::new(4),
            payable_at
        }]
    );
    s.go_to(payable_at.minus_seconds(1));
    assert_eq!(s.job(id).units_payable.u128(), 0);
    assert_eq!(Suite::err(s.claim(&[id])), ContractError::NothingToClaim);
    s.go_to(payable_at);
    let j = s.job(id);
    assert_eq!((j.units_payable.u128(), j.pending.len()), (4, 0));
    s.go_to(payable_at.plus_seconds(1));
    s.claim(&[id]).unwrap();
    assert_eq!(s.bank("prov", PAY), 400 - 10);
}

#[test]
fn reports_of_one_second_share_an_entry() {
    let (mut s, id) = Suite::running_job();
    s.report(id, 1).unwrap();
    s.report(id, 3).unwrap();
    let j = s.job(id);
    assert_eq!(j.pending.len(), 1);
    assert_eq!(j.pending[0].units.u128(), 3);
}

#[test]
fn slots_full_refuses_until_the_oldest_matures() {
    let mut s = Suite::new();
    s.register("prov", 5_000).unwrap();
    let id = s.create_job(10, 100);
    s.exec("prov", &ExecuteMsg::AcceptJob { job_id: id })
        .unwrap();
    for k in 1..=MAX_PENDING_REPORTS as u128 {
        s.report(id, k).unwrap();
        s.wait(5);
    }
    let j = s.job(id);
    assert_eq!(j.pending.len(), MAX_PENDING_REPORTS);
    let oldest = j.pending[0].payable_at;
    assert_eq!(
        Suite::err(s.report(id, 20)),
        ContractError::PendingReportsFull {
            job_id: id,
            max: 8,
            oldest_payable_at: oldest
        }
    );
    // nothing moved: the refused count is simply reported later
    assert_eq!(s.job(id).units_reported.u128(), 8);
    s.go_to(oldest.minus_seconds(1));
    assert!(matches!(
        Suite::err(s.report(id, 20)),
        ContractError::PendingReportsFull { .. }
    ));
    s.go_to(oldest);
    s.report(id, 20).unwrap();
    let j = s.job(id);
    assert_eq!(
        (
            j.units_payable.u128(),
            j.pending.len(),
            j.units_reported.u128()
        ),
        (1, MAX_PENDING_REPORTS, 20)
    );
    assert_eq!(j.pending.last().map(|p| p.units.u128()), Some(12));
    // approving frees every slot at once
    let res = s.approve(id).unwrap();
    assert_eq!(attr(&res, "approved_units").as_deref(), Some("19"));
    assert!(s.job(id).pending.is_empty());
    assert_eq!(
        Suite::err(s.approve(id)),
        ContractError::NothingPending { job_id: id }
    );
}

#[test]
fn approving_makes_everything_reported_payable_now() {
    let (mut s, id) = Suite::running_job();
    s.report(id, 2).unwrap();
    s.wait(50);
    s.report(id, 5).unwrap();
    let res = s.approve(id).unwrap();
    assert_eq!(attr(&res, "units_payable").as_deref(), Some("5"));
    assert_eq!(s.job(id).units_payable.u128(), 5);
    assert_eq!(
        Suite::err(s.exec("prov", &ExecuteMsg::ApproveUsage { job_id: id })),
        ContractError::NotClient {
            action: "approve usage".into()
        }
    );
}
