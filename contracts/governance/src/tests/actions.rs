//! Each typed action becomes the right message to the right contract.

use super::*;
use commons::governance::{ConfigResponse, UpdateConfigMsg};
use commons::reward_token::{QueryMsg as TokenQuery, VestingResponse};
use commons::vesting::VestingSchedule;
use cosmwasm_std::{to_json_binary, CosmosMsg, WasmMsg};

fn run(s: &mut Suite, actions: Vec<ProposalAction>) -> u64 {
    let id = s.propose("alice", actions).unwrap();
    let at = s.pass(id);
    s.go_to(at);
    s.execute_proposal(id).unwrap();
    id
}

fn grants(s: &Suite, who: &str) -> VestingResponse {
    s.app
        .wrap()
        .query_wasm_smart(
            s.token.clone(),
            &TokenQuery::Vesting {
                address: s.addr(who).to_string(),
                start_after: None,
                limit: None,
            },
        )
        .unwrap()
}

#[test]
fn token_actions() {
    let mut s = Suite::new();
    let eve = s.addr("eve").to_string();
    let schedule = VestingSchedule {
        start_time: s.app.block_info().time,
        cliff_seconds: 0,
        duration_seconds: 10_000,
    };
    let mint = mint_action(&s, "eve", 7);
    let id = run(
        &mut s,
        vec![
            mint,
            ProposalAction::TokenMintVesting {
                recipient: eve.clone(),
                amount: Uint128::new(1_000),
                schedule,
                revocable: true,
            },
        ],
    );
    assert_eq!(s.status(id), Status::Executed);
    assert_eq!(s.balance(&s.addr("eve")), 7);
    let g = grants(&s, "eve");
    assert_eq!(g.grants.len(), 1);
    assert_eq!(g.locked.u128(), 1_000);

    let grant_id = g.grants[0].grant_id;
    run(
        &mut s,
        vec![ProposalAction::TokenRevokeVesting {
            recipient: eve,
            grant_id,
        }],
    );
    let g = grants(&s, "eve");
    assert!(g.grants[0].revoked);
    assert!(g.locked.u128() < 1_000);
}

#[test]
fn update_governance_config_action() {
    let mut s = Suite::new();
    let update = UpdateConfigMsg {
        voting_period_seconds: Some(2_000),
        allow_revoting: Some(true),
        ..UpdateConfigMsg::default()
    };
    run(
        &mut s,
        vec![ProposalAction::UpdateGovernanceConfig(Box::new(update))],
    );
    let config: ConfigResponse = s
        .app
        .wrap()
        .query_wasm_smart(s.gov.clone(), &QueryMsg::Config {})
        .unwrap();
    assert_eq!(config.voting_period_seconds, 2_000);
    assert!(config.allow_revoting);
    // fields not given are unchanged
    assert_eq!(config.execution_delay_seconds, DELAY);
    // and only governance itself can do it directly
    let err = s.exec_err("alice", &ExecuteMsg::UpdateConfig(Box::default()));
    assert_eq!(
        err,
        ContractError::OnlyGovernance {
            action: "update the configuration".into()
        }
    );
}

#[test]
fn custom_messages_run_as_governance() {
    let mut s = Suite::new();
    // governance holds 30 tokens; a custom action transfers them out
    let gov = s.gov.to_string();
    s.token_exec(
        "alice",
        &TokenMsg::Transfer {
            recipient: gov,
            amount: Uint128::new(30),
        },
    )
    .unwrap();
    let transfer: CosmosMsg = WasmMsg::Execute {
        contract_addr: s.token.to_string(),
        msg: to_json_binary(&TokenMsg::Transfer {
            recipient: s.addr("eve").to_string(),
            amount: Uint128::new(30),
        })
        .unwrap(),
        funds: vec![],
    }
    .into();
    s.next_block(5);
    run(
        &mut s,
        vec![ProposalAction::Custom {
            msgs: vec![transfer],
        }],
    );
    assert_eq!(s.balance(&s.addr("eve")), 30);
    assert_eq!(s.balance(&s.gov.clone()), 0);
}

#[test]
fn invalid_actions_are_refused_at_propose() {
    let mut s = Suite::new();
    let bad_addr = ProposalAction::TokenMint {
        recipient: "NOT_AN_ADDRESS".into(),
        amount: Uint128::new(1),
    };
    let err = s
        .propose("alice", vec![bad_addr])
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert!(matches!(err, ContractError::InvalidAction { index: 0, .. }));
    let zero = mint_action(&s, "eve", 0);
    let err = s
        .propose("alice", vec![mint_action(&s, "eve", 1), zero])
        .unwrap_err();
    assert!(matches!(
        err.downcast::<ContractError>().unwrap(),
        ContractError::InvalidAction { index: 1, .. }
    ));
    let bad_schedule = ProposalAction::TokenMintVesting {
        recipient: s.addr("eve").to_string(),
        amount: Uint128::new(1),
        schedule: VestingSchedule {
            start_time: Timestamp::from_seconds(0),
            cliff_seconds: 5,
            duration_seconds: 4,
        },
        revocable: false,
    };
    let err = s.propose("alice", vec![bad_schedule]).unwrap_err();
    assert!(matches!(
        err.downcast::<ContractError>().unwrap(),
        ContractError::InvalidAction { index: 0, .. }
    ));
    let bad_config = ProposalAction::UpdateGovernanceConfig(Box::new(UpdateConfigMsg {
        voting_period_seconds: Some(0),
        ..UpdateConfigMsg::default()
    }));
    let err = s.propose("alice", vec![bad_config]).unwrap_err();
    assert!(matches!(
        err.downcast::<ContractError>().unwrap(),
        ContractError::InvalidAction { index: 0, .. }
    ));
    let empty_custom = ProposalAction::Custom { msgs: vec![] };
    let err = s.propose("alice", vec![empty_custom]).unwrap_err();
    assert!(matches!(
        err.downcast::<ContractError>().unwrap(),
        ContractError::InvalidAction { index: 0, .. }
    ));
}

#[test]
fn action_count_is_bounded() {
    let mut s = Suite::new();
    let eleven: Vec<_> = (0..11).map(|_| mint_action(&s, "eve", 1)).collect();
    let err = s
        .propose("alice", eleven)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(err, ContractError::TooManyActions { max: 10, got: 11 });
    let ten: Vec<_> = (0..10).map(|_| mint_action(&s, "eve", 1)).collect();
    s.propose("alice", ten).unwrap();
}
