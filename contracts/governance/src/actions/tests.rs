//! Each action's message against serde's encoding of the target contract's message.
use super::*;
use crate::state::{save_actions, StoredActions};
use commons::asset::{AssetInfoUnchecked, AssetUnchecked};
use commons::codec::map_key;
use commons::escrow::{CreateJobMsg, ExecuteMsg as EscrowMsg, JobSpec};
use commons::governance::{ExecuteMsg, UpdateConfigMsg};
use commons::reward_token::ExecuteMsg as TokenMsg;
use commons::treasury::ExecuteMsg as TreasuryMsg;
use commons::vesting::VestingSchedule;
use cosmwasm_std::testing::{MockApi, MockStorage};
use cosmwasm_std::Storage;
use cosmwasm_std::{to_json_binary, Timestamp, Uint128, WasmMsg};

fn wasm(contract: &Addr, msg: &impl serde::Serialize) -> CosmosMsg {
    WasmMsg::Execute {
        contract_addr: contract.to_string(),
        msg: to_json_binary(msg).unwrap(),
        funds: vec![],
    }
    .into()
}

/// Each action's message as serde writes it: every action, stored and read back, becomes the
/// message of the contract it goes to, byte for byte.
#[test]
fn messages_are_the_bytes_serde_writes() {
    let api = MockApi::default();
    let (token, treasury, escrow) = (
        &api.addr_make("token"),
        &api.addr_make("treasury"),
        &api.addr_make("escrow"),
    );
    let contracts = Contracts {
        token: token.as_str(),
        treasury: Some(treasury.as_str()),
        escrow: Some(escrow.as_str()),
    };
    let me = api.addr_make("governance");
    let asset = AssetUnchecked {
        info: AssetInfoUnchecked::Native("ucoin".into()),
        amount: Uint128::new(5),
    };
    let spec = JobSpec {
        uri: "ipfs://\"job\"".into(),
        hash: "h".into(),
    };
    let update = UpdateConfigMsg {
        max_actions: Some(3),
        ..UpdateConfigMsg::default()
    };
    let escrow_update = commons::escrow::UpdateConfigMsg {
        fee_bps: Some(7),
        ..Default::default()
    };
    let schedule = VestingSchedule {
        start_time: Timestamp::from_seconds(1),
        cliff_seconds: 2,
        duration_seconds: 3,
    };
    let steward = api.addr_make("steward");
    let job = |provider: Option<&str>, client: &Addr| CreateJobMsg {
        provider: provider.map(Into::into),
        client: Some(client.to_string()),
        refund_to: Some(treasury.to_string()),
        spec: spec.clone(),
        price_per_unit: Uint128::new(6),
        max_units: Uint128::new(7),
        accept_by: Timestamp::from_seconds(8),
        deadline: Timestamp::from_seconds(9),
    };
    let custom: CosmosMsg = WasmMsg::ClearAdmin {
        contract_addr: "c".into(),
    }
    .into();
    let cases: Vec<(ProposalAction, CosmosMsg)> = vec![
        (
            ProposalAction::TreasurySpend {
                recipient: "r".into(),
                asset: asset.clone(),
                memo: Some("m".into()),
            },
            wasm(
                treasury,
                &TreasuryMsg::Spend {
                    recipient: "r".into(),
                    asset: asset.clone(),
                    memo: Some("m".into()),
                },
            ),
        ),
        (
            ProposalAction::TreasurySpendToContract {
                contract: "c".into(),
                asset: asset.clone(),
                msg: to_json_binary(&1).unwrap(),
                memo: None,
            },
            wasm(
                treasury,
                &TreasuryMsg::SpendToContract {
                    contract: "c".into(),
                    asset: asset.clone(),
                    msg: to_json_binary(&1).unwrap(),
                    memo: None,
                },
            ),
        ),
        (
            ProposalAction::TreasurySetBudget {
                spender: "s".into(),
                asset_info: asset.info.clone(),
                amount_per_period: Uint128::new(1),
                period_seconds: 2,
                expires: Some(Timestamp::from_seconds(3)),
            },
            wasm(
                treasury,
                &TreasuryMsg::SetBudget {
                    spender: "s".into(),
                    asset_info: asset.info.clone(),
                    amount_per_period: Uint128::new(1),
                    period_seconds: 2,
                    expires: Some(Timestamp::from_seconds(3)),
                },
            ),
        ),
        (
            ProposalAction::TreasuryRevokeBudget {
                spender: "s".into(),
            },
            wasm(
                treasury,
                &TreasuryMsg::RevokeBudget {
                    spender: "s".into(),
                },
            ),
        ),
        (
            ProposalAction::TreasuryUpdateConfig {
                accepted_cw20s: Some(vec!["t".into()]),
                spend_limits: None,
            },
            wasm(
                treasury,
                &TreasuryMsg::UpdateConfig {
                    accepted_cw20s: Some(vec!["t".into()]),
                    spend_limits: None,
                },
            ),
        ),
        (
            ProposalAction::EscrowResolveDispute {
                job_id: 1,
                approved_units: Uint128::new(2),
                slash: Uint128::new(3),
            },
            wasm(
                escrow,
                &EscrowMsg::ResolveDispute {
                    job_id: 1,
                    approved_units: Uint128::new(2),
                    slash: Uint128::new(3),
                },
            ),
        ),
        (
            ProposalAction::EscrowApproveUsage { job_id: 5 },
            wasm(escrow, &EscrowMsg::ApproveUsage { job_id: 5 }),
        ),
        (
            ProposalAction::EscrowDispute {
                job_id: 5,
                reason: "over \"reported\"".into(),
            },
            wasm(
                escrow,
                &EscrowMsg::Dispute {
                    job_id: 5,
                    reason: "over \"reported\"".into(),
                },
            ),
        ),
        (
            ProposalAction::EscrowCancelJob { job_id: 6 },
            wasm(escrow, &EscrowMsg::CancelJob { job_id: 6 }),
        ),
        (
            ProposalAction::EscrowCompleteJob { job_id: 7 },
            wasm(escrow, &EscrowMsg::CompleteJob { job_id: 7 }),
        ),
        (
            ProposalAction::EscrowUpdateConfig(Box::new(escrow_update.clone())),
            wasm(escrow, &EscrowMsg::UpdateConfig(Box::new(escrow_update))),
        ),
        (
            ProposalAction::TokenMint {
                recipient: "r".into(),
                amount: Uint128::new(1),
            },
            wasm(
                token,
                &TokenMsg::Mint {
                    recipient: "r".into(),
                    amount: Uint128::new(1),
                },
            ),
        ),
        (
            ProposalAction::TokenMintVesting {
                recipient: "r".into(),
                amount: Uint128::new(1),
                schedule,
                revocable: true,
            },
            wasm(
                token,
                &TokenMsg::MintVesting {
                    recipient: "r".into(),
                    amount: Uint128::new(1),
                    schedule,
                    revocable: true,
                },
            ),
        ),
        (
            ProposalAction::TokenRevokeVesting {
                recipient: "r".into(),
                grant_id: 4,
            },
            wasm(
                token,
                &TokenMsg::RevokeVesting {
                    recipient: "r".into(),
                    grant_id: 4,
                },
            ),
        ),
        (
            ProposalAction::UpdateGovernanceConfig(Box::new(update.clone())),
            wasm(&me, &ExecuteMsg::UpdateConfig(Box::new(update))),
        ),
        (
            ProposalAction::EscrowCreateJob {
                provider: Some("p".into()),
                client: None,
                spec: spec.clone(),
                asset_info: asset.info.clone(),
                price_per_unit: Uint128::new(6),
                max_units: Uint128::new(7),
                accept_by: Timestamp::from_seconds(8),
                deadline: Timestamp::from_seconds(9),
            },
            wasm(
                treasury,
                &TreasuryMsg::SpendToContract {
                    contract: escrow.to_string(),
                    asset: AssetUnchecked {
                        info: asset.info.clone(),
                        amount: Uint128::new(42),
                    },
                    msg: to_json_binary(&EscrowMsg::CreateJob(job(Some("p"), &me))).unwrap(),
                    memo: Some("compute job".into()),
                },
            ),
        ),
        (
            ProposalAction::EscrowCreateJob {
                provider: None,
                client: Some(steward.to_string()),
                spec: spec.clone(),
                asset_info: AssetInfoUnchecked::Cw20(token.to_string()),
                price_per_unit: Uint128::new(6),
                max_units: Uint128::new(7),
                accept_by: Timestamp::from_seconds(8),
                deadline: Timestamp::from_seconds(9),
            },
            wasm(
                treasury,
                &TreasuryMsg::SpendToContract {
                    contract: escrow.to_string(),
                    asset: AssetUnchecked {
                        info: AssetInfoUnchecked::Cw20(token.to_string()),
                        amount: Uint128::new(42),
                    },
                    msg: to_json_binary(&EscrowMsg::CreateJob(job(None, &steward))).unwrap(),
                    memo: Some("compute job".into()),
                },
            ),
        ),
        (
            ProposalAction::Custom {
                msgs: vec![custom.clone()],
            },
            custom,
        ),
    ];
    let (actions, want): (Vec<_>, Vec<_>) = cases.into_iter().unzip();
    let mut store = MockStorage::new();
    // proposal 1 has its messages prepared, as `propose` keeps them; proposal 2 has the record
    // written before layout versions (the actions only), read back at execution: the messages
    // are the same
    let mut legacy = Writer::default();
    legacy.u32(actions.len() as u32);
    for action in &actions {
        legacy.bytes(&cosmwasm_std::to_json_vec(action).unwrap());
    }
    store.set(
        &map_key(b"proposal_actions", &2u64.to_be_bytes()),
        &legacy.0,
    );
    save_actions(&mut store, 1, actions, prepare_messages).unwrap();
    for id in [1, 2] {
        let stored = StoredActions::load(&store, id).unwrap();
        let (texts, prepared) = stored.split().unwrap();
        assert_eq!(prepared.is_some(), id == 1);
        let got = action_messages(&api, &contracts, &me, &texts, prepared).unwrap();
        assert_eq!(got, want, "proposal {id}");
    }
}

#[test]
fn actions_need_their_contract() {
    let api = MockApi::default();
    let token = api.addr_make("token");
    let contracts = Contracts {
        token: token.as_str(),
        treasury: None,
        escrow: None,
    };
    let action = ProposalAction::TreasuryRevokeBudget {
        spender: "s".into(),
    };
    let text = cosmwasm_std::to_json_vec(&action).unwrap();
    let me = api.addr_make("me");
    let err = action_messages(&api, &contracts, &me, &[&text], None).unwrap_err();
    assert!(err.to_string().contains("no treasury is configured"));
    // prepared when proposed, the address is still looked up at execution
    let mut prepared = Writer::default();
    prepare_messages(&mut prepared, vec![action]).unwrap();
    let err = action_messages(&api, &contracts, &me, &[&text], Some(&prepared.0)).unwrap_err();
    assert!(err.to_string().contains("no treasury is configured"));
}
