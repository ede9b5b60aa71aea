//! Values of every governance message kind, with every optional field given and left out,
//! for the wire tests (`messages`).

use commons::asset::{AssetInfoUnchecked as Info, AssetUnchecked};
use commons::escrow::{JobSpec, UpdateConfigMsg as EscrowUpdateConfigMsg};
use commons::governance::{
    DepositChange, DepositConfigUnchecked, ProposalAction, RefundPolicy, RewardVesting,
    RewardsChange, SuiteMsg, TokenSpendLimit, UpdateConfigMsg, VoterRewardsConfig,
};
use commons::treasury::SpendLimitUnchecked;
use commons::vesting::VestingSchedule;
use cosmwasm_std::{
    to_json_binary, BankMsg, Binary, Coin, CosmosMsg, Decimal, Empty, Timestamp, Uint128, WasmMsg,
};
use cw_utils::Threshold;

pub fn asset() -> AssetUnchecked {
    AssetUnchecked {
        info: Info::Cw20("cosmwasm1token".into()),
        amount: Uint128::new(5),
    }
}

pub fn update_config() -> UpdateConfigMsg {
    UpdateConfigMsg {
        voting_period_seconds: Some(1),
        min_voting_period_seconds: Some(2),
        threshold: Some(Threshold::ThresholdQuorum {
            threshold: Decimal::percent(50),
            quorum: Decimal::permille(333),
        }),
        allow_revoting: Some(true),
        execution_delay_seconds: Some(3),
        execution_window_seconds: Some(4),
        proposal_deposit: Some(DepositChange::Set(DepositConfigUnchecked {
            asset_info: Info::Native("ucoin".into()),
            amount: Uint128::new(6),
            refund: RefundPolicy::OnlyPassed,
        })),
        min_proposer_power: Some(Uint128::MAX),
        voter_rewards: Some(RewardsChange::Set(VoterRewardsConfig {
            pool_per_period: Uint128::new(7),
            period_seconds: 9,
            vesting: RewardVesting {
                cliff_seconds: 10,
                duration_seconds: 11,
            },
            min_turnout: Decimal::one(),
        })),
        max_actions: Some(u32::MAX),
        treasury: Some("t".into()),
        escrow: Some("e".into()),
        guardian: Some("g".into()),
        clear_guardian: Some(false),
    }
}

/// Every action with every optional field given, then the ones with optional fields left out.
pub fn actions() -> Vec<ProposalAction> {
    let escrow_update = EscrowUpdateConfigMsg {
        arbiter: Some("a".into()),
        fee_bps: Some(u16::MAX),
        fee_recipient: Some("f".into()),
        treasury: Some("t".into()),
        accepted_assets: Some(vec![Info::Native("ucoin".into())]),
        challenge_period_seconds: Some(1),
        min_provider_stake: Some(Uint128::new(2)),
        provider_unbonding_seconds: Some(3),
        max_job_duration_seconds: Some(4),
    };
    let job = |provider: Option<&str>, client: Option<&str>| ProposalAction::EscrowCreateJob {
        provider: provider.map(Into::into),
        client: client.map(Into::into),
        spec: JobSpec {
            uri: "ipfs://x".into(),
            hash: "h".into(),
        },
        asset_info: Info::Cw20("t".into()),
        price_per_unit: Uint128::new(6),
        max_units: Uint128::new(7),
        accept_by: Timestamp::from_seconds(8),
        deadline: Timestamp::from_seconds(9),
    };
    let chain: Vec<CosmosMsg> = vec![
        WasmMsg::Execute {
            contract_addr: "c".into(),
            msg: to_json_binary(&Empty {}).unwrap(),
            funds: vec![Coin::new(1u128, "ucoin")],
        }
        .into(),
        BankMsg::Send {
            to_address: "a".into(),
            amount: vec![],
        }
        .into(),
        WasmMsg::Migrate {
            contract_addr: "c".into(),
            new_code_id: 2,
            msg: Binary::from(b"{}"),
        }
        .into(),
    ];
    let spend = |memo: Option<&str>| ProposalAction::TreasurySpend {
        recipient: "r".into(),
        asset: asset(),
        memo: memo.map(Into::into),
    };
    let budget = |expires: Option<Timestamp>| ProposalAction::TreasurySetBudget {
        spender: "s".into(),
        asset_info: Info::Native("ucoin".into()),
        amount_per_period: Uint128::new(1),
        period_seconds: 2,
        expires,
    };
    vec![
        spend(Some("m\"emo\n")),
        spend(None),
        ProposalAction::TreasurySpendToContract {
            contract: "c".into(),
            asset: asset(),
            msg: Binary::from(b"{}"),
            memo: Some("m".into()),
        },
        budget(Some(Timestamp::from_nanos(3))),
        budget(None),
        ProposalAction::TreasuryRevokeBudget {
            spender: "s".into(),
        },
        ProposalAction::TreasuryUpdateConfig {
            accepted_cw20s: Some(vec!["a".into(), "b".into()]),
            spend_limits: Some(vec![SpendLimitUnchecked {
                asset_info: Info::Native("ucoin".into()),
                amount: Uint128::new(4),
                period_seconds: 5,
            }]),
        },
        ProposalAction::TreasuryUpdateConfig {
            accepted_cw20s: None,
            spend_limits: None,
        },
        job(Some("p"), Some("steward")),
        job(None, None),
        ProposalAction::EscrowApproveUsage { job_id: 1 },
        ProposalAction::EscrowDispute {
            job_id: 1,
            reason: "r\"".into(),
        },
        ProposalAction::EscrowCancelJob { job_id: 1 },
        ProposalAction::EscrowCompleteJob { job_id: 1 },
        ProposalAction::EscrowResolveDispute {
            job_id: 1,
            approved_units: Uint128::new(2),
            slash: Uint128::new(3),
        },
        ProposalAction::EscrowUpdateConfig(Box::new(escrow_update)),
        ProposalAction::EscrowUpdateConfig(Box::default()),
        ProposalAction::TokenMint {
            recipient: "r".into(),
            amount: Uint128::new(1),
        },
        ProposalAction::TokenMintVesting {
            recipient: "r".into(),
            amount: Uint128::new(1),
            schedule: VestingSchedule {
                start_time: Timestamp::from_seconds(1),
                cliff_seconds: 2,
                duration_seconds: 3,
            },
            revocable: true,
        },
        ProposalAction::TokenRevokeVesting {
            recipient: "r".into(),
            grant_id: u64::MAX,
        },
        ProposalAction::UpdateGovernanceConfig(Box::new(update_config())),
        ProposalAction::UpdateGovernanceConfig(Box::default()),
        ProposalAction::Custom { msgs: chain },
        ProposalAction::Custom { msgs: vec![] },
    ]
}

pub fn suite() -> SuiteMsg {
    SuiteMsg {
        token_code_id: 1,
        token_msg: commons::reward_token::InstantiateMsg {
            name: "n".into(),
            symbol: "SYM".into(),
            decimals: 6,
            initial_balances: vec![cw20::Cw20Coin {
                address: "a".into(),
                amount: Uint128::new(1),
            }],
            mint: Some(commons::reward_token::MinterInfo {
                minter: "m".into(),
                cap: Some(Uint128::new(2)),
                mint_limit: None,
            }),
            marketing: None,
            vesting_counts_for_voting: true,
            change_delay_seconds: None,
        },
        treasury_code_id: 2,
        treasury_msg: commons::treasury::InstantiateMsg {
            owner: "o".into(),
            accepted_cw20s: vec![],
            spend_limits: vec![],
            change_delay_seconds: 86_400,
        },
        token_spend_limit: Some(TokenSpendLimit {
            amount: Uint128::new(9),
            period_seconds: 10,
        }),
        escrow_code_id: 3,
        escrow_msg: commons::escrow::InstantiateMsg {
            arbiter: "a".into(),
            fee_bps: 1,
            fee_recipient: "f".into(),
            treasury: None,
            accepted_assets: vec![],
            stake_asset: Info::Native("ustake".into()),
            challenge_period_seconds: 2,
            min_provider_stake: None,
            provider_unbonding_seconds: 3,
            max_job_duration_seconds: 4,
        },
    }
}
