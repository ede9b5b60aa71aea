//! Bad input on jobs: each gets its specific error and moves nothing.

use super::*;
use commons::escrow::{JobStatus, UpdateConfigMsg};
use commons::pagination::ListError;

#[test]
fn job_creation_rules() {
    let mut s = Suite::new();
    let create = |s: &mut Suite, msg: CreateJobMsg, funds: Vec<Coin>| {
        Suite::err(s.exec_funds("client", &ExecuteMsg::CreateJob(msg), &funds))
    };
    let ok = s.job_msg(None, 10, 5);
    assert!(matches!(
        create(&mut s, ok.clone(), coins(49, PAY)),
        ContractError::WrongPayment { .. }
    ));
    assert!(matches!(
        create(&mut s, ok.clone(), coins(51, PAY)),
        ContractError::WrongPayment { .. }
    ));
    assert_eq!(
        create(&mut s, ok.clone(), coins(50, STAKE)),
        ContractError::AssetNotAccepted {
            asset: "native:ustake".into()
        }
    );
    assert!(matches!(
        create(&mut s, ok.clone(), vec![]),
        ContractError::Payment(_)
    ));
    assert_eq!(
        create(
            &mut s,
            CreateJobMsg {
                price_per_unit: Uint128::zero(),
                ..ok.clone()
            },
            coins(1, PAY)
        ),
        ContractError::ZeroAmount
    );
    assert_eq!(
        create(
            &mut s,
            CreateJobMsg {
                max_units: Uint128::zero(),
                ..ok.clone()
            },
            coins(1, PAY)
        ),
        ContractError::ZeroAmount
    );
    let now = s.now();
    let bad_times = ContractError::BadTimes {
        max_duration: 10_000,
    };
    assert_eq!(
        create(
            &mut s,
            CreateJobMsg {
                deadline: ok.accept_by,
                ..ok.clone()
            },
            coins(50, PAY)
        ),
        bad_times
    );
    assert_eq!(
        create(
            &mut s,
            CreateJobMsg {
                accept_by: now,
                ..ok.clone()
            },
            coins(50, PAY)
        ),
        bad_times
    );
    assert_eq!(
        create(
            &mut s,
            CreateJobMsg {
                deadline: now.plus_seconds(10_001),
                ..ok.clone()
            },
            coins(50, PAY)
        ),
        bad_times
    );
    let big = CreateJobMsg {
        price_per_unit: Uint128::MAX,
        max_units: Uint128::new(2),
        ..ok.clone()
    };
    assert_eq!(
        create(&mut s, big, coins(1, PAY)),
        ContractError::PriceOverflow
    );
    let bad_spec = CreateJobMsg {
        spec: JobSpec {
            uri: String::new(),
            hash: "h".into(),
        },
        ..ok.clone()
    };
    assert_eq!(
        create(&mut s, bad_spec, coins(50, PAY)),
        ContractError::BadLength {
            field: "spec.uri".into(),
            max: 512
        }
    );
    assert!(matches!(
        create(
            &mut s,
            CreateJobMsg {
                client: Some("BAD".into()),
                ..ok
            },
            coins(50, PAY)
        ),
        ContractError::InvalidAddress { .. }
    ));
    assert_eq!(s.bank("escrow", PAY), 0);
}

#[test]
fn acceptance_rules() {
    let mut s = Suite::new();
    let id = s.create_job(10, 1); // reserved for "prov"
    assert_eq!(
        Suite::err(s.exec("prov", &ExecuteMsg::AcceptJob { job_id: id })),
        ContractError::NotRegistered {
            address: s.addr("prov").to_string()
        }
    );
    s.register("prov2", 1_000).unwrap();
    assert_eq!(
        Suite::err(s.exec("prov2", &ExecuteMsg::AcceptJob { job_id: id })),
        ContractError::ReservedForOther { job_id: id }
    );
    s.register("prov", 1_000).unwrap();
    let accept_by = s.job(id).accept_by;
    s.go_to(accept_by);
    assert_eq!(
        Suite::err(s.exec("prov", &ExecuteMsg::AcceptJob { job_id: id })),
        ContractError::AcceptWindowClosed {
            job_id: id,
            accept_by
        }
    );
    // the client gets everything back
    s.exec("client", &ExecuteMsg::CancelJob { job_id: id })
        .unwrap();
    assert_eq!(
        Suite::err(s.exec("prov", &ExecuteMsg::AcceptJob { job_id: 99 })),
        ContractError::JobNotFound { job_id: 99 }
    );
}

#[test]
fn report_rules() {
    let (mut s, id) = Suite::running_job();
    let by = |s: &mut Suite, who: &str, units: u128| {
        Suite::err(s.exec(
            who,
            &ExecuteMsg::ReportUsage {
                job_id: id,
                units: Uint128::new(units),
                proof: None,
            },
        ))
    };
    assert_eq!(
        by(&mut s, "client", 1),
        ContractError::NotProvider {
            action: "report usage".into()
        }
    );
    assert_eq!(
        by(&mut s, "prov", 11),
        ContractError::ExceedsMaxUnits {
            units: Uint128::new(11),
            max: Uint128::new(10)
        }
    );
    s.report(id, 4).unwrap();
    assert_eq!(
        by(&mut s, "prov", 4),
        ContractError::UnitsNotIncreasing {
            reported: Uint128::new(4),
            units: Uint128::new(4)
        }
    );
    assert_eq!(
        by(&mut s, "prov", 0),
        ContractError::UnitsNotIncreasing {
            reported: Uint128::new(4),
            units: Uint128::zero()
        }
    );
}

#[test]
fn claim_rules() {
    let (mut s, id) = Suite::running_job();
    let claim = |s: &mut Suite, who: &str, ids: Vec<u64>| {
        Suite::err(s.exec(who, &ExecuteMsg::ClaimPayments { job_ids: ids }))
    };
    assert_eq!(
        claim(&mut s, "prov2", vec![id]),
        ContractError::ForeignJob { job_id: id }
    );
    assert_eq!(
        claim(&mut s, "prov", vec![id, id]),
        ContractError::List(ListError::Duplicate {
            item: id.to_string()
        })
    );
    assert_eq!(
        claim(&mut s, "prov", (0..31).collect()),
        ContractError::List(ListError::TooLong { len: 31, max: 30 })
    );
    assert_eq!(
        claim(&mut s, "prov", vec![id]),
        ContractError::NothingToClaim
    );
}

#[test]
fn wrong_state_and_wrong_party() {
    let (mut s, id) = Suite::running_job();
    assert!(matches!(
        Suite::err(s.exec("prov", &ExecuteMsg::CancelJob { job_id: id })),
        ContractError::NotClient { .. }
    ));
    assert!(matches!(
        Suite::err(s.exec("stranger", &ExecuteMsg::CompleteJob { job_id: id })),
        ContractError::NotClient { .. }
    ));
    assert_eq!(
        Suite::err(s.exec("client", &ExecuteMsg::ApproveUsage { job_id: id })),
        ContractError::NothingPending { job_id: id }
    );
    s.report(id, 1).unwrap();
    s.wait(10);
    s.report(id, 2).unwrap();
    // the latest entry's maturity is when completion becomes possible without approval
    let until = s.job(id).pending[1].payable_at;
    assert_eq!(
        Suite::err(s.exec("client", &ExecuteMsg::CompleteJob { job_id: id })),
        ContractError::UsagePending { job_id: id, until }
    );
    s.exec("client", &ExecuteMsg::ApproveUsage { job_id: id })
        .unwrap();
    s.exec("client", &ExecuteMsg::CompleteJob { job_id: id })
        .unwrap();
    assert_eq!(
        Suite::err(s.exec("client", &ExecuteMsg::CompleteJob { job_id: id })),
        ContractError::WrongJobStatus {
            job_id: id,
            status: JobStatus::Completed,
            expected: "running".into()
        }
    );
    assert!(matches!(
        Suite::err(s.exec_funds(
            "client",
            &ExecuteMsg::TopUp { job_id: id },
            &coins(100, PAY)
        )),
        ContractError::WrongJobStatus { .. }
    ));
    // funds where none are taken
    assert!(matches!(
        Suite::err(s.exec_funds(
            "client",
            &ExecuteMsg::CancelJob { job_id: id },
            &coins(1, PAY)
        )),
        ContractError::Payment(_)
    ));
}

#[test]
fn config_rules() {
    let mut s = Suite::new();
    let update = |fee: u16| {
        ExecuteMsg::UpdateConfig(Box::new(UpdateConfigMsg {
            fee_bps: Some(fee),
            ..UpdateConfigMsg::default()
        }))
    };
    assert_eq!(
        Suite::err(s.exec("client", &update(10))),
        ContractError::NotArbiter {
            action: "update the configuration".into()
        }
    );
    assert!(matches!(
        Suite::err(s.exec("dao", &update(1_001))),
        ContractError::InvalidConfig { .. }
    ));
    s.exec("dao", &update(1_000)).unwrap();
    let c: commons::escrow::ConfigResponse = s
        .app
        .wrap()
        .query_wasm_smart(s.escrow.clone(), &QueryMsg::Config {})
        .unwrap();
    assert_eq!((c.fee_bps, c.challenge_period_seconds), (1_000, CHALLENGE));
}

#[test]
fn unknown_cw20_payload() {
    let mut s = Suite::new();
    let client = s.addr("client");
    let msg = Cw20ExecuteMsg::Send {
        contract: s.escrow.to_string(),
        amount: Uint128::new(5),
        msg: to_json_binary(&"steal").unwrap(),
    };
    let err = s
        .app
        .execute_contract(client, s.token.clone(), &msg, &[])
        .unwrap_err();
    assert_eq!(
        err.downcast::<ContractError>().unwrap(),
        ContractError::UnknownPayload
    );
}
