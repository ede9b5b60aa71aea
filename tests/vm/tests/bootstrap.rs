//! Flow 1 and 2 on the shipped binaries: governance instantiates the token, treasury and escrow
//! from stored code in one transaction (submessages with replies carrying the instantiate
//! response), then a proposal mints into the treasury and spends from it within its limit.

use commons::asset::{AssetInfoUnchecked, AssetUnchecked};
use commons::escrow::{ConfigResponse as EscrowConfig, QueryMsg as EscrowQuery};
use commons::governance::{
    ConfigResponse, ExecuteMsg, InstantiateMsg, ProposalAction, ProposalResponse, QueryMsg, Status,
    SuiteMsg, TokenSpendLimit, Vote,
};
use commons::reward_token::{InstantiateMsg as TokenInit, MinterInfo, QueryMsg as TokenQuery};
use commons::treasury::{
    ConfigResponse as TreasuryConfig, InstantiateMsg as TreasuryInit, LedgerKind, LedgerResponse,
    QueryMsg as TreasuryQuery,
};
use commons_vm_tests::{artifact, Chain};
use cosmwasm_std::{Decimal, Uint128};
use cw20::{BalanceResponse, Cw20Coin, MinterResponse};
use cw_utils::Threshold;

fn bootstrap(chain: &Chain) -> (String, ConfigResponse) {
    let token_code_id = chain.store_code(artifact("commons-reward-token"));
    let treasury_code_id = chain.store_code(artifact("commons-treasury"));
    let escrow_code_id = chain.store_code(artifact("commons-compute-escrow"));
    // fields governance overrides may hold anything
    let placeholder = "set-by-governance".to_string();
    let suite = SuiteMsg {
        token_code_id,
        token_msg: TokenInit {
            name: "Commons".into(),
            symbol: "CMN".into(),
            decimals: 6,
            initial_balances: ["alice", "bob", "carol"]
                .iter()
                .map(|m| Cw20Coin {
                    address: chain.addr(m),
                    amount: Uint128::new(1_000),
                })
                .collect(),
            mint: Some(MinterInfo {
                minter: placeholder.clone(),
                cap: Some(Uint128::new(1_000_000)),
                mint_limit: None,
            }),
            marketing: None,
            vesting_counts_for_voting: true,
            change_delay_seconds: None,
        },
        treasury_code_id,
        treasury_msg: TreasuryInit {
            owner: placeholder.clone(),
            accepted_cw20s: vec![],
            spend_limits: vec![],
            change_delay_seconds: 86_400,
        },
        token_spend_limit: Some(TokenSpendLimit {
            amount: Uint128::new(500),
            period_seconds: 86_400,
        }),
        escrow_code_id,
        escrow_msg: commons::escrow::InstantiateMsg {
            arbiter: placeholder.clone(),
            fee_bps: 100,
            fee_recipient: placeholder,
            treasury: None,
            accepted_assets: vec![AssetInfoUnchecked::Native("ucompute".into())],
            stake_asset: AssetInfoUnchecked::Native("ucompute".into()),
            challenge_period_seconds: 600,
            min_provider_stake: None,
            provider_unbonding_seconds: 3_600,
            max_job_duration_seconds: 86_400,
        },
    };
    let msg = InstantiateMsg {
        token: None,
        suite: Some(Box::new(suite)),
        treasury: None,
        escrow: None,
        voting_period_seconds: 1_000,
        min_voting_period_seconds: None,
        threshold: Threshold::AbsolutePercentage {
            percentage: Decimal::percent(50),
        },
        allow_revoting: false,
        execution_delay_seconds: 100,
        execution_window_seconds: 1_000,
        proposal_deposit: None,
        min_proposer_power: Uint128::new(1),
        voter_rewards: None,
        max_actions: 10,
        guardian: None,
    };
    let (gov, out) = chain
        .instantiate(
            &artifact("commons-governance"),
            "gov",
            &chain.addr("deployer"),
            &msg,
        )
        .unwrap();
    println!(
        "gas bootstrap (governance and the three contracts it creates): {}",
        out.total_gas()
    );
    let config: ConfigResponse = chain.query(&gov, &QueryMsg::Config {}).unwrap();
    (gov, config)
}

/// alice proposes `actions`, alice and bob vote yes (2/3 of the power), and after the timelock
/// anyone executes; returns the new proposal's status afterwards.
fn pass_and_execute(chain: &Chain, gov: &str, actions: Vec<ProposalAction>) -> Status {
    let propose = ExecuteMsg::Propose {
        title: "Treasury".into(),
        description: String::new(),
        actions,
    };
    let proposal_id: u64 = chain
        .execute(&chain.addr("alice"), gov, &propose, vec![])
        .unwrap()
        .attr("proposal_id")
        .unwrap()
        .parse()
        .unwrap();
    for voter in ["alice", "bob"] {
        let vote = ExecuteMsg::Vote {
            proposal_id,
            vote: Vote::Yes,
            rationale: None,
        };
        chain
            .execute(&chain.addr(voter), gov, &vote, vec![])
            .unwrap();
    }
    chain.next_block(100);
    let out = chain
        .execute(
            &chain.addr("anyone"),
            gov,
            &ExecuteMsg::Execute { proposal_id },
            vec![],
        )
        .unwrap();
    println!("gas execute: {}", out.total_gas());
    let p: ProposalResponse = chain
        .query(gov, &QueryMsg::Proposal { proposal_id })
        .unwrap();
    p.status
}

#[test]
fn governance_creates_and_controls_the_suite() {
    let chain = Chain::new();
    let (gov, config) = bootstrap(&chain);
    let token = config.token.to_string();
    let treasury = config
        .treasury
        .clone()
        .expect("treasury created")
        .to_string();
    let escrow = config.escrow.clone().expect("escrow created").to_string();
    for contract in [&token, &escrow] {
        assert_eq!(
            chain.admin(contract),
            Some(gov.clone()),
            "admin of {contract}"
        );
    }
    // the treasury is its own admin: only its delayed `migrate_self` changes its code
    assert_eq!(chain.admin(&treasury), Some(treasury.clone()));
    let minter: Option<MinterResponse> = chain.query(&token, &TokenQuery::Minter {}).unwrap();
    assert_eq!(minter.unwrap().minter, gov);
    let t: TreasuryConfig = chain.query(&treasury, &TreasuryQuery::Config {}).unwrap();
    assert_eq!(t.owner.as_str(), gov);
    assert_eq!(t.accepted_cw20s, vec![config.token.clone()]);
    let e: EscrowConfig = chain.query(&escrow, &EscrowQuery::Config {}).unwrap();
    assert_eq!(
        (e.arbiter.as_str(), e.fee_recipient.as_str()),
        (gov.as_str(), treasury.as_str())
    );
    assert_eq!(
        e.treasury.as_ref().map(|t| t.as_str()),
        Some(treasury.as_str())
    );

    // a proposal mints 1,000 into the treasury and spends 300 of it to dave, within the limit
    chain.next_block(5);
    let asset = |amount: u128| AssetUnchecked {
        info: AssetInfoUnchecked::Cw20(token.clone()),
        amount: Uint128::new(amount),
    };
    let actions = vec![
        ProposalAction::TokenMint {
            recipient: treasury.clone(),
            amount: Uint128::new(1_000),
        },
        ProposalAction::TreasurySpend {
            recipient: chain.addr("dave"),
            asset: asset(300),
            memo: Some("grant".into()),
        },
    ];
    assert_eq!(pass_and_execute(&chain, &gov, actions), Status::Executed);
    let balance = |who: &str| -> u128 {
        let res: BalanceResponse = chain
            .query(
                &token,
                &TokenQuery::Balance {
                    address: who.to_string(),
                },
            )
            .unwrap();
        res.balance.u128()
    };
    assert_eq!(balance(&chain.addr("dave")), 300);
    assert_eq!(balance(&treasury), 700);
    let ledger: LedgerResponse = chain
        .query(
            &treasury,
            &TreasuryQuery::Ledger {
                start_after: None,
                limit: None,
                reverse: None,
            },
        )
        .unwrap();
    assert_eq!(ledger.entries.len(), 1);
    assert_eq!(ledger.entries[0].kind, LedgerKind::Spend);
    assert_eq!(ledger.entries[0].asset.amount.u128(), 300);
}

#[test]
fn a_spend_over_the_limit_fails_and_moves_nothing() {
    let chain = Chain::new();
    let (gov, config) = bootstrap(&chain);
    let token = config.token.to_string();
    let treasury = config.treasury.clone().unwrap().to_string();
    chain.next_block(5);
    let actions = vec![
        ProposalAction::TokenMint {
            recipient: treasury.clone(),
            amount: Uint128::new(1_000),
        },
        ProposalAction::TreasurySpend {
            recipient: chain.addr("dave"),
            asset: AssetUnchecked {
                info: AssetInfoUnchecked::Cw20(token.clone()),
                amount: Uint128::new(501),
            },
            memo: None,
        },
    ];
    assert_eq!(
        pass_and_execute(&chain, &gov, actions),
        Status::ExecutionFailed
    );
    // the mint before the failing spend was undone with it
    let res: BalanceResponse = chain
        .query(
            &token,
            &TokenQuery::Balance {
                address: treasury.clone(),
            },
        )
        .unwrap();
    assert_eq!(res.balance.u128(), 0);
}

#[test]
fn the_treasury_changes_code_only_through_its_own_delayed_migration() {
    let chain = Chain::new();
    let (gov, config) = bootstrap(&chain);
    let treasury = config.treasury.clone().unwrap().to_string();
    let old_code = chain.code_id(&treasury).unwrap();
    let new_code = chain.store_code(artifact("commons-treasury"));
    chain.next_block(5);
    // governance is not the treasury's admin: a `custom` migration fails the proposal
    let migrate = cosmwasm_std::WasmMsg::Migrate {
        contract_addr: treasury.clone(),
        new_code_id: new_code,
        msg: cosmwasm_std::to_json_binary(&commons::treasury::MigrateMsg {}).unwrap(),
    };
    let custom = ProposalAction::Custom {
        msgs: vec![migrate.into()],
    };
    assert_eq!(
        pass_and_execute(&chain, &gov, vec![custom]),
        Status::ExecutionFailed
    );
    assert_eq!(chain.code_id(&treasury), Some(old_code));
    // a proposal schedules the migration through the treasury; it is public for the delay
    let schedule = commons::treasury::ExecuteMsg::ScheduleMigration {
        code_id: new_code,
        msg: cosmwasm_std::to_json_binary(&commons::treasury::MigrateMsg {}).unwrap(),
    };
    let schedule = ProposalAction::Custom {
        msgs: vec![cosmwasm_std::WasmMsg::Execute {
            contract_addr: treasury.clone(),
            msg: cosmwasm_std::to_json_binary(&schedule).unwrap(),
            funds: vec![],
        }
        .into()],
    };
    chain.next_block(5);
    assert_eq!(
        pass_and_execute(&chain, &gov, vec![schedule]),
        Status::Executed
    );
    let pending: commons::treasury::PendingChangesResponse = chain
        .query(&treasury, &TreasuryQuery::PendingChanges {})
        .unwrap();
    let due = pending.migration.expect("migration listed").effective_at;
    let anyone = chain.addr("anyone");
    let migrate_self = commons::treasury::ExecuteMsg::MigrateSelf {};
    assert!(chain
        .execute(&anyone, &treasury, &migrate_self, vec![])
        .is_err());
    assert_eq!(chain.code_id(&treasury), Some(old_code));
    while chain.time().nanos() < due.nanos() {
        chain.next_block(3_600);
    }
    let res = chain
        .execute(&anyone, &treasury, &migrate_self, vec![])
        .unwrap();
    assert_eq!(chain.code_id(&treasury), Some(new_code));
    assert_eq!(res.attr("action").as_deref(), Some("migrate_self"));
    // the migrated treasury keeps its state and answers as before
    let t: TreasuryConfig = chain.query(&treasury, &TreasuryQuery::Config {}).unwrap();
    assert_eq!(t.owner.as_str(), gov);
}
