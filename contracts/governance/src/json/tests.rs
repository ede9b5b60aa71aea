//! Every message read through `Json` against serde's encoding of it.

use super::*;
use commons::asset::AssetInfoUnchecked as Info;
use commons::asset::AssetUnchecked;
use commons::escrow::{JobSpec, UpdateConfigMsg as EscrowUpdateConfigMsg};
use commons::governance::{
    DepositChange, DepositConfigUnchecked, ExecuteMsg, InstantiateMsg, ProposalAction, QueryMsg,
    ReceiveMsg, RefundPolicy, RewardVesting, RewardsChange, TokenSpendLimit, UpdateConfigMsg, Vote,
    VoterRewardsConfig,
};
use commons::treasury::SpendLimitUnchecked;
use commons::vesting::VestingSchedule;
use cosmwasm_std::{to_json_binary, Coin, Empty, WasmMsg};
use cw20::Cw20ReceiveMsg;
use cw_utils::Threshold;
use serde::Serialize;

/// Parses what serde writes for `msg`, and checks it reads back as `msg`.
fn round_trip<T: FromJson + Serialize + PartialEq + fmt::Debug>(msg: T) {
    let json = to_json_vec(&msg).unwrap();
    let Input(read): Input<T> = from_json(&json).unwrap();
    assert_eq!(read, msg, "{}", String::from_utf8_lossy(&json));
}

fn refused<T: FromJson>(json: &str) -> String {
    match from_json::<Input<T>>(json.as_bytes()) {
        Ok(_) => panic!("accepted {json}"),
        Err(e) => e.to_string(),
    }
}

fn asset() -> AssetUnchecked {
    AssetUnchecked {
        info: Info::Cw20("cosmwasm1token".into()),
        amount: Uint128::new(5),
    }
}

fn update_config() -> UpdateConfigMsg {
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
            amount_per_proposal: Uint128::new(7),
            max_per_period: Uint128::new(8),
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

/// Every action, with every optional field given.
fn actions() -> Vec<ProposalAction> {
    vec![
        ProposalAction::TreasurySpend {
            recipient: "r".into(),
            asset: asset(),
            memo: Some("m\"emo\n".into()),
        },
        ProposalAction::TreasurySpendToContract {
            contract: "c".into(),
            asset: asset(),
            msg: Binary::from(b"{}"),
            memo: Some("m".into()),
        },
        ProposalAction::TreasurySetBudget {
            spender: "s".into(),
            asset_info: Info::Native("ucoin".into()),
            amount_per_period: Uint128::new(1),
            period_seconds: 2,
            expires: Some(Timestamp::from_nanos(3)),
        },
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
        ProposalAction::EscrowCreateJob {
            provider: Some("p".into()),
            client: Some("steward".into()),
            spec: JobSpec {
                uri: "ipfs://x".into(),
                hash: "h".into(),
            },
            asset_info: Info::Cw20("t".into()),
            price_per_unit: Uint128::new(6),
            max_units: Uint128::new(7),
            accept_by: Timestamp::from_seconds(8),
            deadline: Timestamp::from_seconds(9),
        },
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
        ProposalAction::EscrowUpdateConfig(Box::new(EscrowUpdateConfigMsg {
            arbiter: Some("a".into()),
            fee_bps: Some(u16::MAX),
            fee_recipient: Some("f".into()),
            treasury: Some("t".into()),
            accepted_assets: Some(vec![Info::Native("ucoin".into())]),
            challenge_period_seconds: Some(1),
            min_provider_stake: Some(Uint128::new(2)),
            provider_unbonding_seconds: Some(3),
            max_job_duration_seconds: Some(4),
        })),
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
        ProposalAction::Custom {
            msgs: vec![
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
            ],
        },
    ]
}

/// The same actions with every optional field left out.
fn bare_actions() -> Vec<ProposalAction> {
    vec![
        ProposalAction::TreasurySpend {
            recipient: "r".into(),
            asset: asset(),
            memo: None,
        },
        ProposalAction::TreasurySetBudget {
            spender: "s".into(),
            asset_info: Info::Native("ucoin".into()),
            amount_per_period: Uint128::new(1),
            period_seconds: 2,
            expires: None,
        },
        ProposalAction::TreasuryUpdateConfig {
            accepted_cw20s: None,
            spend_limits: None,
        },
        ProposalAction::EscrowUpdateConfig(Box::default()),
        ProposalAction::UpdateGovernanceConfig(Box::default()),
        ProposalAction::Custom { msgs: vec![] },
    ]
}

#[test]
fn execute_messages_read_as_serde_writes_them() {
    round_trip(ExecuteMsg::Propose {
        title: "t".into(),
        description: "d \u{1} é".into(),
        actions: actions(),
    });
    round_trip(ExecuteMsg::Propose {
        title: "t".into(),
        description: String::new(),
        actions: bare_actions(),
    });
    for vote in [Vote::Yes, Vote::No, Vote::Abstain, Vote::Veto] {
        for rationale in [None, Some("why".to_string())] {
            round_trip(ExecuteMsg::Vote {
                proposal_id: 1,
                vote,
                rationale,
            });
        }
    }
    round_trip(ExecuteMsg::Execute { proposal_id: 0 });
    round_trip(ExecuteMsg::Close {
        proposal_id: u64::MAX,
    });
    round_trip(ExecuteMsg::ClaimVoteRewards {
        proposal_ids: vec![1, 2, 3],
    });
    round_trip(ExecuteMsg::UpdateConfig(Box::new(update_config())));
    round_trip(ExecuteMsg::UpdateConfig(Box::new(UpdateConfigMsg {
        proposal_deposit: Some(DepositChange::Remove),
        voter_rewards: Some(RewardsChange::Remove),
        threshold: Some(Threshold::AbsoluteCount { weight: 7 }),
        ..UpdateConfigMsg::default()
    })));
    round_trip(ExecuteMsg::UpdateConfig(Box::new(UpdateConfigMsg {
        threshold: Some(Threshold::AbsolutePercentage {
            percentage: Decimal::percent(1),
        }),
        ..UpdateConfigMsg::default()
    })));
    round_trip(ExecuteMsg::Receive(Cw20ReceiveMsg {
        sender: "s".into(),
        amount: Uint128::new(10),
        msg: to_json_binary(&ReceiveMsg::Propose {
            title: "t".into(),
            description: "d".into(),
            actions: actions(),
        })
        .unwrap(),
    }));
    round_trip(ExecuteMsg::RunActions { proposal_id: 3 });
    round_trip(ExecuteMsg::GuardianVeto { proposal_id: 4 });
    round_trip(ReceiveMsg::Propose {
        title: "t".into(),
        description: "d".into(),
        actions: bare_actions(),
    });
    round_trip(actions());
    for action in actions().into_iter().chain(bare_actions()) {
        round_trip(action);
    }
}

#[test]
fn queries_read_as_serde_writes_them() {
    round_trip(QueryMsg::Config {});
    round_trip(QueryMsg::Proposal { proposal_id: 1 });
    for (start, limit) in [(None, None), (Some(1), Some(30))] {
        round_trip(QueryMsg::ListProposals {
            start_after: start,
            limit,
        });
        round_trip(QueryMsg::ReverseProposals {
            start_before: start,
            limit,
        });
        round_trip(QueryMsg::ListVotes {
            proposal_id: 1,
            start_after: start.map(|_| "a".to_string()),
            limit,
        });
        round_trip(QueryMsg::VotingPower {
            address: "a".into(),
            height: start,
        });
    }
    round_trip(QueryMsg::Vote {
        proposal_id: 1,
        voter: "v".into(),
    });
    round_trip(QueryMsg::PendingVoteRewards {
        voter: "v".into(),
        proposal_ids: vec![],
    });
    round_trip(QueryMsg::Threshold {});
}

#[test]
fn instantiate_messages_read_as_serde_writes_them() {
    let mut msg = InstantiateMsg {
        token: Some("token".into()),
        suite: None,
        treasury: Some("treasury".into()),
        escrow: Some("escrow".into()),
        voting_period_seconds: 1,
        min_voting_period_seconds: Some(2),
        threshold: Threshold::AbsoluteCount { weight: 3 },
        allow_revoting: true,
        execution_delay_seconds: 4,
        execution_window_seconds: 5,
        proposal_deposit: Some(DepositConfigUnchecked {
            asset_info: Info::Cw20("token".into()),
            amount: Uint128::new(6),
            refund: RefundPolicy::Always,
        }),
        min_proposer_power: Uint128::new(7),
        voter_rewards: None,
        max_actions: 8,
        guardian: Some("g".into()),
    };
    let read =
        |msg: &InstantiateMsg| instantiate_msg(from_json(to_json_vec(msg).unwrap()).unwrap());
    assert_eq!(read(&msg).unwrap(), (msg.clone(), None));
    msg.token = None;
    msg.treasury = None;
    msg.escrow = None;
    msg.min_voting_period_seconds = None;
    msg.proposal_deposit = None;
    let token_msg = commons::reward_token::InstantiateMsg {
        name: "n".into(),
        symbol: "SYM".into(),
        decimals: 6,
        initial_balances: vec![],
        mint: None,
        marketing: None,
        vesting_counts_for_voting: true,
        change_delay_seconds: None,
    };
    let treasury_msg = commons::treasury::InstantiateMsg {
        owner: "o".into(),
        accepted_cw20s: vec![],
        spend_limits: vec![],
        change_delay_seconds: 86_400,
    };
    let escrow_msg = commons::escrow::InstantiateMsg {
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
    };
    msg.suite = Some(Box::new(commons::governance::SuiteMsg {
        token_code_id: 1,
        token_msg: token_msg.clone(),
        treasury_code_id: 2,
        treasury_msg: treasury_msg.clone(),
        token_spend_limit: Some(TokenSpendLimit {
            amount: Uint128::new(9),
            period_seconds: 10,
        }),
        escrow_code_id: 3,
        escrow_msg: escrow_msg.clone(),
    }));
    let (config, suite) = read(&msg).unwrap();
    assert_eq!(
        config,
        InstantiateMsg {
            suite: None,
            ..msg.clone()
        }
    );
    assert_eq!(
        suite,
        Some(Suite {
            token_code_id: 1,
            token_msg: as_json(&token_msg),
            treasury_code_id: 2,
            treasury_msg: as_json(&treasury_msg),
            token_spend_limit: Some(TokenSpendLimit {
                amount: Uint128::new(9),
                period_seconds: 10,
            }),
            escrow_code_id: 3,
            escrow_msg: as_json(&escrow_msg),
        })
    );
    // the tree writes back what it read
    let json: Json = from_json(to_json_vec(&msg).unwrap()).unwrap();
    assert_eq!(to_json_vec(&json).unwrap(), to_json_vec(&msg).unwrap());
}

fn as_json<T: Serialize>(msg: &T) -> Json {
    from_json(to_json_vec(msg).unwrap()).unwrap()
}

#[test]
fn what_serde_refuses_is_refused() {
    // unknown, duplicate and missing fields; unknown variants
    let e = refused::<ExecuteMsg>(r#"{"execute":{"proposal_id":1,"extra":2}}"#);
    assert!(e.contains("unknown field `extra`"), "{e}");
    let e = refused::<ExecuteMsg>(r#"{"execute":{"proposal_id":1,"proposal_id":2}}"#);
    assert!(e.contains("unknown field `proposal_id`"), "{e}");
    let e = refused::<ExecuteMsg>(r#"{"vote":{"proposal_id":1}}"#);
    assert!(e.contains("missing field `vote`"), "{e}");
    let e = refused::<ExecuteMsg>(r#"{"explode":{}}"#);
    assert!(e.contains("unknown variant `explode`"), "{e}");
    refused::<ExecuteMsg>(r#"{"execute":{"proposal_id":1},"close":{"proposal_id":1}}"#);
    refused::<ExecuteMsg>(r#""execute""#);
    refused::<QueryMsg>(r#"{"config":{"x":1}}"#);
    refused::<QueryMsg>(r#"{"config":null}"#);
    // wrong types and ranges
    for bad in [
        r#"{"execute":{"proposal_id":-1}}"#,
        r#"{"execute":{"proposal_id":1.5}}"#,
        r#"{"execute":{"proposal_id":"1"}}"#,
        r#"{"execute":{"proposal_id":null}}"#,
        r#"{"execute":{"proposal_id":18446744073709551616}}"#,
        r#"{"vote":{"proposal_id":1,"vote":"maybe"}}"#,
        r#"{"vote":{"proposal_id":1,"vote":"yes","rationale":7}}"#,
        r#"{"update_config":{"max_actions":4294967296}}"#,
        r#"{"update_config":{"min_proposer_power":5}}"#,
        r#"{"update_config":{"min_proposer_power":"-5"}}"#,
        r#"{"update_config":{"threshold":{"absolute_percentage":{"percentage":"x"}}}}"#,
        r#"{"update_config":{"proposal_deposit":"set"}}"#,
        r#"{"update_config":{"voter_rewards":{"remove":{}}}}"#,
        r#"{"update_config":{"allow_revoting":"true"}}"#,
        r#"{"receive":{"sender":"s","amount":"1","msg":"not base64!"}}"#,
        r#"{"propose":{"title":"t","description":"d","actions":[{"custom":{"msgs":[{"bank":{"explode":{}}}]}}]}}"#,
        r#"{"propose":{"title":"t","description":"d","actions":[{"token_mint":{"recipient":"r"}}]}}"#,
        r#"{"propose":{"title":"t","description":"d","actions":{}}}"#,
    ] {
        refused::<ExecuteMsg>(bad);
        assert!(from_json::<ExecuteMsg>(bad.as_bytes()).is_err(), "{bad}");
    }
    let e = refused::<ProposalAction>(r#"{"escrow_update_config":{"fee_bps":65536}}"#);
    assert!(e.contains("u16"), "{e}");
}

#[test]
fn spacing_and_field_order_do_not_matter() {
    let Input(msg): Input<ExecuteMsg> =
        from_json(br#" { "vote" : { "rationale" : null , "vote" : "no" , "proposal_id" : 7 } } "#)
            .unwrap();
    assert_eq!(
        msg,
        ExecuteMsg::Vote {
            proposal_id: 7,
            vote: Vote::No,
            rationale: None
        }
    );
    let Input(msg): Input<QueryMsg> = from_json(br#"{"list_proposals":{}}"#).unwrap();
    assert_eq!(
        msg,
        QueryMsg::ListProposals {
            start_after: None,
            limit: None
        }
    );
}
