//! Terms per job: the fee, fee recipient and challenge period in force at creation settle the
//! job; `update_config` applies to new jobs only. Also the bounds on configured durations.

use super::*;
use commons::escrow::ConfigResponse;
use commons::time::{DurationError, MAX_DURATION_SECONDS};

fn config(s: &Suite) -> ConfigResponse {
    s.app
        .wrap()
        .query_wasm_smart(s.escrow.clone(), &QueryMsg::Config {})
        .unwrap()
}

#[test]
fn config_change_mid_job_keeps_the_old_terms() {
    let (mut s, old) = Suite::running_job();
    s.report(old, 4).unwrap();
    let newfees = s.addr("newfees");
    s.update_config(UpdateConfigMsg {
        fee_bps: Some(1_000),
        fee_recipient: Some(newfees.to_string()),
        challenge_period_seconds: Some(5_000),
        ..UpdateConfigMsg::default()
    })
    .unwrap();
    let j = s.job(old);
    assert_eq!(
        (
            j.fee_bps,
            j.fee_recipient.clone(),
            j.challenge_period_seconds
        ),
        (FEE_BPS, s.addr("treasury"), CHALLENGE)
    );
    // a report after the change still matures after the job's own 100 s
    s.wait(1);
    s.report(old, 6).unwrap();
    s.wait(CHALLENGE);
    assert_eq!(s.job(old).units_payable.u128(), 6);
    s.claim(&[old]).unwrap();
    // 600 gross at 2.5% (15) to the old recipient, not 10% to the new one
    assert_eq!(s.bank("prov", PAY), 585);
    assert_eq!(s.bank("treasury", PAY), 15);
    assert_eq!(s.bank("newfees", PAY), 0);

    // a job created now takes the new terms
    let new = s.create_job(100, 10);
    s.exec("prov", &ExecuteMsg::AcceptJob { job_id: new })
        .unwrap();
    let j = s.job(new);
    assert_eq!(
        (j.fee_bps, j.fee_recipient, j.challenge_period_seconds),
        (1_000, newfees, 5_000)
    );
    s.report(new, 2).unwrap();
    s.wait(CHALLENGE);
    assert_eq!(s.job(new).units_payable.u128(), 0);
    s.wait(5_000 - CHALLENGE);
    s.claim(&[new]).unwrap();
    assert_eq!(s.bank("newfees", PAY), 20);
}

#[test]
fn durations_are_bounded() {
    let mut s = Suite::new();
    let too_long = MAX_DURATION_SECONDS + 1;
    let cases = [
        (
            UpdateConfigMsg {
                challenge_period_seconds: Some(0),
                ..UpdateConfigMsg::default()
            },
            DurationError::Zero {
                what: "challenge_period_seconds".into(),
            },
        ),
        (
            UpdateConfigMsg {
                provider_unbonding_seconds: Some(too_long),
                ..UpdateConfigMsg::default()
            },
            DurationError::TooLong {
                what: "provider_unbonding_seconds".into(),
                seconds: too_long,
                max: MAX_DURATION_SECONDS,
            },
        ),
        (
            UpdateConfigMsg {
                max_job_duration_seconds: Some(u64::MAX),
                ..UpdateConfigMsg::default()
            },
            DurationError::TooLong {
                what: "max_job_duration_seconds".into(),
                seconds: u64::MAX,
                max: MAX_DURATION_SECONDS,
            },
        ),
    ];
    for (update, error) in cases {
        assert_eq!(
            Suite::err(s.update_config(update)),
            ContractError::Duration(error)
        );
    }
    // the longest accepted spans still fit a timestamp: a job at the longest duration with
    // the longest challenge period reports and matures without overflow
    s.update_config(UpdateConfigMsg {
        challenge_period_seconds: Some(MAX_DURATION_SECONDS),
        max_job_duration_seconds: Some(MAX_DURATION_SECONDS),
        provider_unbonding_seconds: Some(MAX_DURATION_SECONDS),
        ..UpdateConfigMsg::default()
    })
    .unwrap();
    s.register("prov", 1_000).unwrap();
    let mut msg = s.job_msg(Some("prov"), 1, 2);
    msg.deadline = s.now().plus_seconds(MAX_DURATION_SECONDS);
    let res = s
        .exec_funds("client", &ExecuteMsg::CreateJob(msg), &coins(2, PAY))
        .unwrap();
    let id: u64 = attr(&res, "job_id").unwrap().parse().unwrap();
    s.exec("prov", &ExecuteMsg::AcceptJob { job_id: id })
        .unwrap();
    s.go_to(s.job(id).deadline.minus_seconds(1));
    s.report(id, 1).unwrap();
    s.exec("prov", &ExecuteMsg::Unbond {}).unwrap();
    s.wait(MAX_DURATION_SECONDS);
    assert_eq!(s.job(id).units_payable.u128(), 1);
}

#[test]
fn treasury_is_validated_and_shown() {
    let mut s = Suite::new();
    assert_eq!(config(&s).treasury, None);
    assert!(matches!(
        Suite::err(s.update_config(UpdateConfigMsg {
            treasury: Some("NOT-AN-ADDRESS".into()),
            ..UpdateConfigMsg::default()
        })),
        ContractError::InvalidAddress { .. }
    ));
    let t = s.addr("vault");
    s.update_config(UpdateConfigMsg {
        treasury: Some(t.to_string()),
        ..UpdateConfigMsg::default()
    })
    .unwrap();
    assert_eq!(config(&s).treasury, Some(t));
}
