//! Providers: register with stake, update, add stake, unbond, withdraw.

use super::*;
use commons::escrow::{ProviderStatus, ProvidersResponse};

#[test]
fn register_update_and_add_stake() {
    let mut s = Suite::new();
    let res = s.register("prov", 2_000).unwrap();
    assert_eq!(attr(&res, "action").as_deref(), Some("register_provider"));
    let p = s.provider("prov");
    assert_eq!(
        (p.stake.amount.u128(), p.status),
        (2_000, ProviderStatus::Bonded)
    );
    s.exec(
        "prov",
        &ExecuteMsg::UpdateProvider {
            metadata: metadata("renamed"),
        },
    )
    .unwrap();
    assert_eq!(s.provider("prov").metadata.name, "renamed");
    s.exec_funds("prov", &ExecuteMsg::AddStake {}, &coins(500, STAKE))
        .unwrap();
    assert_eq!(s.provider("prov").stake.amount.u128(), 2_500);
    assert_eq!(s.bank("escrow", STAKE), 2_500);
    let all: ProvidersResponse = s
        .app
        .wrap()
        .query_wasm_smart(
            s.escrow.clone(),
            &QueryMsg::Providers {
                start_after: None,
                limit: None,
            },
        )
        .unwrap();
    assert_eq!(all.providers.len(), 1);
}

#[test]
fn stake_rules() {
    let mut s = Suite::new();
    assert_eq!(
        Suite::err(s.register("prov", 999)),
        ContractError::StakeTooLow {
            min: Uint128::new(1_000),
            got: Uint128::new(999)
        }
    );
    let err = Suite::err(s.exec_funds(
        "client",
        &ExecuteMsg::RegisterProvider {
            metadata: metadata("c"),
        },
        &coins(5_000, PAY),
    ));
    assert_eq!(
        err,
        ContractError::WrongPayment {
            expected: "native:ustake".into(),
            got: "native:upay".into()
        }
    );
    s.register("prov", 1_000).unwrap();
    assert_eq!(
        Suite::err(s.register("prov", 1_000)),
        ContractError::AlreadyRegistered {
            address: s.addr("prov").to_string()
        }
    );
    let long = ProviderMetadata {
        name: "x".repeat(65),
        ..metadata("p")
    };
    let err = Suite::err(s.exec_funds(
        "prov2",
        &ExecuteMsg::RegisterProvider { metadata: long },
        &coins(1_000, STAKE),
    ));
    assert_eq!(
        err,
        ContractError::BadLength {
            field: "name".into(),
            max: 64
        }
    );
    let err = Suite::err(s.exec(
        "prov2",
        &ExecuteMsg::UpdateProvider {
            metadata: metadata("p"),
        },
    ));
    assert_eq!(
        err,
        ContractError::NotRegistered {
            address: s.addr("prov2").to_string()
        }
    );
}

#[test]
fn unbond_and_withdraw_after_the_period_with_no_running_job() {
    let (mut s, id) = Suite::running_job();
    s.exec("prov", &ExecuteMsg::Unbond {}).unwrap();
    let until = s.provider("prov").unbonding_until.unwrap();
    // unbonding providers take no new job
    let second = s.create_job(10, 1);
    assert_eq!(
        Suite::err(s.exec("prov", &ExecuteMsg::AcceptJob { job_id: second })),
        ContractError::NotBonded {
            status: ProviderStatus::Unbonding
        }
    );
    s.go_to(until.minus_seconds(1));
    assert_eq!(
        Suite::err(s.exec("prov", &ExecuteMsg::WithdrawStake {})),
        ContractError::StillUnbonding { until }
    );
    s.go_to(until);
    assert_eq!(
        Suite::err(s.exec("prov", &ExecuteMsg::WithdrawStake {})),
        ContractError::JobsRunning { active_jobs: 1 }
    );
    // finishing the job frees the stake
    s.exec("client", &ExecuteMsg::CompleteJob { job_id: id })
        .unwrap();
    let before = s.bank("prov", STAKE);
    s.exec("prov", &ExecuteMsg::WithdrawStake {}).unwrap();
    assert_eq!(s.bank("prov", STAKE), before + 5_000);
    let p = s.provider("prov");
    assert_eq!(
        (p.status, p.stake.amount.u128(), p.jobs_completed),
        (ProviderStatus::Withdrawn, 0, 1)
    );
    // and may register again, keeping its record
    s.register("prov", 1_000).unwrap();
    assert_eq!(s.provider("prov").jobs_completed, 1);
}

#[test]
fn cw20_stake_is_refused_when_stake_is_native() {
    let mut s = Suite::new();
    let err = Suite::err(s.send_cw20(
        "client",
        5_000,
        &ReceiveMsg::RegisterProvider {
            metadata: metadata("c"),
        },
    ));
    assert!(matches!(err, ContractError::WrongPayment { .. }));
}

#[test]
fn cw20_stakes_register_add_and_withdraw() {
    let mut s = Suite::new();
    let token = s.token.to_string();
    // a second escrow that takes stakes in the cw20
    let dao = s.addr("dao");
    s.escrow = EscrowBuilder::new(
        &dao,
        &s.addr("treasury"),
        AssetInfoUnchecked::Native(PAY.into()),
        AssetInfoUnchecked::Cw20(token),
    )
    .with_fee_bps(0)
    .with_challenge_period(CHALLENGE)
    .with_min_stake(100)
    .with_unbonding(UNBONDING)
    .with_max_job_duration(10_000)
    .instantiate_with(&mut s.app, escrow_contract(), &dao)
    .unwrap();
    s.send_cw20(
        "client",
        150,
        &ReceiveMsg::RegisterProvider {
            metadata: metadata("client"),
        },
    )
    .unwrap();
    s.send_cw20("client", 50, &ReceiveMsg::AddStake {}).unwrap();
    assert_eq!(s.provider("client").stake.amount.u128(), 200);
    assert_eq!(s.cw20(&s.escrow.clone()), 200);
    s.exec("client", &ExecuteMsg::Unbond {}).unwrap();
    s.wait(UNBONDING);
    s.exec("client", &ExecuteMsg::WithdrawStake {}).unwrap();
    assert_eq!(s.cw20(&s.addr("client")), 1_000_000);
    // a cw20 job in a token this escrow does not accept is refused
    let job = s.job_msg(None, 1, 1);
    let err = Suite::err(s.send_cw20("client", 1, &ReceiveMsg::CreateJob(job)));
    assert_eq!(
        err,
        ContractError::AssetNotAccepted {
            asset: format!("cw20:{}", s.token)
        }
    );
}
