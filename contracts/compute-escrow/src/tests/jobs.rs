//! Job lifecycle: create (native and cw20), accept, report, approve, claim with fee, complete,
//! cancel, top up.

use super::*;
use commons::escrow::{ClaimableResponse, JobStatus, JobsResponse};

#[test]
fn full_lifecycle_with_fee_rounded_up() {
    let (mut s, id) = Suite::running_job();
    assert_eq!(s.bank("escrow", PAY), 1_000);
    s.report(id, 3).unwrap();
    let j = s.job(id);
    assert_eq!((j.units_pending.u128(), j.units_payable.u128()), (3, 0));
    // not payable before the challenge period ends
    assert_eq!(
        Suite::err(s.exec("prov", &ExecuteMsg::ClaimPayments { job_ids: vec![id] })),
        ContractError::NothingToClaim
    );
    s.wait(CHALLENGE);
    assert_eq!(s.job(id).units_payable.u128(), 3);
    let c: ClaimableResponse = s
        .app
        .wrap()
        .query_wasm_smart(
            s.escrow.clone(),
            &QueryMsg::Claimable {
                provider: s.addr("prov").to_string(),
                job_ids: vec![id],
            },
        )
        .unwrap();
    // 300 gross, fee 2.5% = 7.5 -> 8
    assert_eq!(
        (
            c.jobs[0].gross.u128(),
            c.jobs[0].fee.u128(),
            c.jobs[0].net.u128()
        ),
        (300, 8, 292)
    );
    let res = s.claim(&[id]).unwrap();
    assert_eq!(attrs(&res, "job_id"), vec![id.to_string()]);
    assert_eq!(attr(&res, "gross").as_deref(), Some("300:native:upay"));
    assert_eq!(attr(&res, "fee").as_deref(), Some("8:native:upay"));
    assert_eq!(attr(&res, "net").as_deref(), Some("292:native:upay"));
    assert_eq!(s.bank("prov", PAY), 292);
    assert_eq!(s.bank("treasury", PAY), 8);
    // the client approves the next report at once
    s.report(id, 7).unwrap();
    s.exec("client", &ExecuteMsg::ApproveUsage { job_id: id })
        .unwrap();
    s.exec("prov", &ExecuteMsg::ClaimPayments { job_ids: vec![id] })
        .unwrap();
    assert_eq!(s.bank("prov", PAY), 292 + 390);
    assert_eq!(s.bank("treasury", PAY), 8 + 10);
    // completing refunds the 3 unused units
    let before = s.bank("client", PAY);
    let res = s
        .exec("prov", &ExecuteMsg::CompleteJob { job_id: id })
        .unwrap();
    assert_eq!(attr(&res, "refunded_units").as_deref(), Some("3"));
    assert_eq!(attr(&res, "refunded").as_deref(), Some("300:native:upay"));
    assert_eq!(s.bank("client", PAY), before + 300);
    assert_eq!(s.bank("escrow", PAY), 0);
    let j = s.job(id);
    assert_eq!((j.status, j.balance.u128()), (JobStatus::Completed, 0));
    assert_eq!(s.provider("prov").jobs_completed, 1);
}

#[test]
fn cw20_job_and_top_up() {
    let mut s = Suite::new();
    s.register("prov", 5_000).unwrap();
    let msg = s.job_msg(None, 50, 4);
    let res = s
        .send_cw20("client", 200, &ReceiveMsg::CreateJob(msg))
        .unwrap();
    let id: u64 = attr(&res, "job_id").unwrap().parse().unwrap();
    assert_eq!(
        s.job(id).client,
        s.addr("client"),
        "the cw20 sender is the client"
    );
    s.send_cw20("client", 100, &ReceiveMsg::TopUp { job_id: id })
        .unwrap();
    assert_eq!(s.job(id).max_units.u128(), 6);
    assert_eq!(
        Suite::err(s.send_cw20("client", 75, &ReceiveMsg::TopUp { job_id: id })),
        ContractError::NotWholeUnits {
            amount: Uint128::new(75),
            price: Uint128::new(50)
        }
    );
    s.exec("prov", &ExecuteMsg::AcceptJob { job_id: id })
        .unwrap();
    s.report(id, 6).unwrap();
    s.wait(CHALLENGE);
    s.exec("prov", &ExecuteMsg::ClaimPayments { job_ids: vec![id] })
        .unwrap();
    // 300 gross, fee 7.5 -> 8
    assert_eq!(s.cw20(&s.addr("prov")), 292);
    assert_eq!(s.cw20(&s.addr("treasury")), 8);
    // native top-up of a native job
    let id2 = s.create_job(10, 1);
    s.exec_funds(
        "client",
        &ExecuteMsg::TopUp { job_id: id2 },
        &coins(30, PAY),
    )
    .unwrap();
    assert_eq!(s.job(id2).max_units.u128(), 4);
    let err =
        Suite::err(s.exec_funds("client", &ExecuteMsg::TopUp { job_id: id2 }, &coins(3, PAY)));
    assert!(matches!(err, ContractError::NotWholeUnits { .. }));
}

#[test]
fn cancel_before_acceptance_refunds_everything() {
    let mut s = Suite::new();
    let id = s.create_job(100, 5);
    let before = s.bank("client", PAY);
    let res = s.cancel(id).unwrap();
    assert_eq!(attr(&res, "refunded").as_deref(), Some("500:native:upay"));
    assert_eq!(s.bank("client", PAY), before + 500);
    let j = s.job(id);
    assert_eq!(
        (j.status, j.cancelled_at, j.balance.u128()),
        (JobStatus::Cancelled, Some(s.now()), 0)
    );
    let open: JobsResponse = s
        .app
        .wrap()
        .query_wasm_smart(
            s.escrow.clone(),
            &QueryMsg::OpenJobs {
                start_after: None,
                limit: None,
            },
        )
        .unwrap();
    assert!(open.jobs.is_empty());
}

#[test]
/// Reports 10 s before the deadline, then vanishes: from the deadline on, the client takes back
/// every unit never reported while the reported ones are still in their challenge period.
fn a_vanished_provider_never_locks_funds_past_the_deadline() {
    let (mut s, id) = Suite::running_job();
    let deadline = s.job(id).deadline;
    s.go_to(deadline.minus_seconds(10));
    s.report(id, 3).unwrap();
    s.go_to(deadline.minus_seconds(1));
    assert_eq!(
        Suite::err(s.cancel(id)),
        ContractError::NotCancellable {
            job_id: id,
            deadline
        }
    );
    s.go_to(deadline);
    assert_eq!(
        Suite::err(s.report(id, 4)),
        ContractError::DeadlinePassed { deadline }
    );
    let before = s.bank("client", PAY);
    let res = s.cancel(id).unwrap();
    assert_eq!(attr(&res, "refunded_units").as_deref(), Some("7"));
    assert_eq!(attr(&res, "refunded").as_deref(), Some("700:native:upay"));
    assert_eq!(attr(&res, "units_pending").as_deref(), Some("3"));
    assert_eq!(s.bank("client", PAY), before + 700);
    let j = s.job(id);
    assert_eq!(
        (
            j.status,
            j.cancelled_at,
            j.units_pending.u128(),
            j.balance.u128()
        ),
        (JobStatus::Cancelled, Some(deadline), 3, 300)
    );
    // cancelled once; nothing more to take back
    assert!(matches!(
        Suite::err(s.cancel(id)),
        ContractError::WrongJobStatus { .. }
    ));
    // the reported units mature on their own schedule and are the provider's
    let payable_at = j.pending[0].payable_at;
    s.go_to(payable_at.minus_seconds(1));
    assert_eq!(Suite::err(s.claim(&[id])), ContractError::NothingToClaim);
    s.go_to(payable_at);
    s.claim(&[id]).unwrap();
    assert_eq!(s.bank("prov", PAY), 300 - 8);
    assert_eq!(s.bank("escrow", PAY), 0);
}

#[test]
fn a_client_cannot_take_back_payable_usage() {
    let (mut s, id) = Suite::running_job();
    s.report(id, 4).unwrap();
    s.wait(CHALLENGE);
    // past the challenge period: no dispute, and cancel/complete leave the 4 units payable
    let err = Suite::err(s.exec(
        "client",
        &ExecuteMsg::Dispute {
            job_id: id,
            reason: "too late".into(),
        },
    ));
    assert_eq!(err, ContractError::NothingPending { job_id: id });
    s.exec("client", &ExecuteMsg::CompleteJob { job_id: id })
        .unwrap();
    s.exec("prov", &ExecuteMsg::ClaimPayments { job_ids: vec![id] })
        .unwrap();
    assert_eq!(s.bank("prov", PAY), 400 - 10);
}

#[test]
fn jobs_are_listed_by_client_and_provider() {
    let (mut s, id) = Suite::running_job();
    let id2 = s.create_job(1, 1);
    let by_client: JobsResponse = s
        .app
        .wrap()
        .query_wasm_smart(
            s.escrow.clone(),
            &QueryMsg::JobsByClient {
                client: s.addr("client").to_string(),
                start_after: None,
                limit: None,
            },
        )
        .unwrap();
    assert_eq!(
        by_client.jobs.iter().map(|j| j.job_id).collect::<Vec<_>>(),
        vec![id, id2]
    );
    let by_provider: JobsResponse = s
        .app
        .wrap()
        .query_wasm_smart(
            s.escrow.clone(),
            &QueryMsg::JobsByProvider {
                provider: s.addr("prov").to_string(),
                start_after: Some(id),
                limit: None,
            },
        )
        .unwrap();
    assert_eq!(
        by_provider
            .jobs
            .iter()
            .map(|j| j.job_id)
            .collect::<Vec<_>>(),
        vec![id2]
    );
}
