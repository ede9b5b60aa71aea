//! The treasury and escrow artifacts in the real VM, paid in the reward-token artifact (cw20):
//! deposits, limited spends, budgets; provider stake, job funding, usage, fees, disputes.

use commons::asset::{AssetInfoUnchecked, AssetUnchecked};
use commons::escrow::{
    CreateJobMsg, ExecuteMsg as EscrowMsg, InstantiateMsg as EscrowInit, JobResponse, JobSpec,
    ProviderMetadata, ProviderResponse, QueryMsg as EscrowQuery, ReceiveMsg as EscrowReceive,
};
use commons::reward_token::{
    ExecuteMsg as TokenMsg, InstantiateMsg as TokenInit, MinterInfo, QueryMsg as TokenQuery,
};
use commons::treasury::{
    ExecuteMsg as TreasuryMsg, InstantiateMsg as TreasuryInit, LedgerResponse,
    QueryMsg as TreasuryQuery, ReceiveMsg as TreasuryReceive, SpendLimitUnchecked,
};
use commons_vm_tests::{artifact, Chain};
use cosmwasm_std::{to_json_binary, Uint128};
use cw20::{BalanceResponse, Cw20Coin};

fn token(chain: &Chain) -> String {
    let msg = TokenInit {
        name: "Commons".into(),
        symbol: "CMN".into(),
        decimals: 6,
        initial_balances: ["alice", "client", "gpu"]
            .iter()
            .map(|who| Cw20Coin {
                address: chain.addr(who),
                amount: Uint128::new(100_000),
            })
            .collect(),
        mint: Some(MinterInfo {
            minter: chain.addr("minter"),
            cap: None,
            mint_limit: None,
        }),
        marketing: None,
        vesting_counts_for_voting: true,
        change_delay_seconds: None,
    };
    chain
        .instantiate(
            &artifact("commons-reward-token"),
            "token",
            &chain.addr("minter"),
            &msg,
        )
        .unwrap()
        .0
}

fn balance(chain: &Chain, token: &str, who: &str) -> u128 {
    let res: BalanceResponse = chain
        .query(
            token,
            &TokenQuery::Balance {
                address: who.to_string(),
            },
        )
        .unwrap();
    res.balance.u128()
}

fn send(
    chain: &Chain,
    token: &str,
    from: &str,
    to: &str,
    amount: u128,
    hook: &impl serde::Serialize,
) -> Result<commons_vm_tests::Outcome, String> {
    let msg = TokenMsg::Send {
        contract: to.to_string(),
        amount: Uint128::new(amount),
        msg: to_json_binary(hook).unwrap(),
    };
    chain.execute(&chain.addr(from), token, &msg, vec![])
}

#[test]
fn treasury_deposits_spends_and_budgets() {
    let chain = Chain::new();
    let token = token(&chain);
    let dao = chain.addr("dao");
    let init = TreasuryInit {
        owner: dao.clone(),
        accepted_cw20s: vec![token.clone()],
        spend_limits: vec![SpendLimitUnchecked {
            asset_info: AssetInfoUnchecked::Cw20(token.clone()),
            amount: Uint128::new(1_000),
            period_seconds: 3_600,
        }],
        change_delay_seconds: 3_600,
    };
    let (treasury, _) = chain
        .instantiate(&artifact("commons-treasury"), "treasury", &dao, &init)
        .unwrap();
    let out = send(
        &chain,
        &token,
        "alice",
        &treasury,
        5_000,
        &TreasuryReceive::Deposit {
            memo: Some("dues".into()),
        },
    )
    .unwrap();
    println!(
        "gas treasury deposit (cw20 receive): {}",
        out.gas_of(&treasury)
    );
    let asset = |amount| AssetUnchecked {
        info: AssetInfoUnchecked::Cw20(token.clone()),
        amount: Uint128::new(amount),
    };
    let out = chain
        .execute(
            &dao,
            &treasury,
            &TreasuryMsg::Spend {
                recipient: chain.addr("bob"),
                asset: asset(700),
                memo: None,
            },
            vec![],
        )
        .unwrap();
    println!("gas treasury spend: {}", out.gas);
    assert_eq!(balance(&chain, &token, &chain.addr("bob")), 700);
    let err = chain
        .execute(
            &dao,
            &treasury,
            &TreasuryMsg::Spend {
                recipient: chain.addr("bob"),
                asset: asset(301),
                memo: None,
            },
            vec![],
        )
        .unwrap_err();
    assert!(err.contains("spend limit"), "{err}");
    let budget = TreasuryMsg::SetBudget {
        spender: chain.addr("guild"),
        asset_info: AssetInfoUnchecked::Cw20(token.clone()),
        amount_per_period: Uint128::new(200),
        period_seconds: 3_600,
        expires: None,
    };
    chain.execute(&dao, &treasury, &budget, vec![]).unwrap();
    let out = chain
        .execute(
            &chain.addr("guild"),
            &treasury,
            &TreasuryMsg::SpendBudget {
                recipient: chain.addr("vendor"),
                asset: asset(200),
                memo: None,
            },
            vec![],
        )
        .unwrap();
    println!("gas treasury spend_budget: {}", out.gas);
    assert_eq!(balance(&chain, &token, &chain.addr("vendor")), 200);
    assert_eq!(balance(&chain, &token, &treasury), 4_100);
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
    assert_eq!(ledger.entries.len(), 3);
}

#[test]
fn escrow_job_usage_fees_and_dispute() {
    let chain = Chain::new();
    let token = token(&chain);
    let dao = chain.addr("dao");
    let init = EscrowInit {
        arbiter: dao.clone(),
        fee_bps: 100,
        fee_recipient: chain.addr("treasury"),
        treasury: None,
        accepted_assets: vec![AssetInfoUnchecked::Cw20(token.clone())],
        stake_asset: AssetInfoUnchecked::Cw20(token.clone()),
        challenge_period_seconds: 600,
        min_provider_stake: Some(Uint128::new(1_000)),
        provider_unbonding_seconds: 3_600,
        max_job_duration_seconds: 86_400,
    };
    let (escrow, _) = chain
        .instantiate(&artifact("commons-compute-escrow"), "escrow", &dao, &init)
        .unwrap();
    let metadata = ProviderMetadata {
        name: "gpu".into(),
        endpoint: "https://gpu.example".into(),
        hardware: "a100".into(),
        region: "eu".into(),
    };
    let out = send(
        &chain,
        &token,
        "gpu",
        &escrow,
        5_000,
        &EscrowReceive::RegisterProvider { metadata },
    )
    .unwrap();
    println!(
        "gas escrow register_provider (cw20 receive): {}",
        out.gas_of(&escrow)
    );
    let now = chain.time();
    let job = |units: u128| CreateJobMsg {
        provider: Some(chain.addr("gpu")),
        client: None,
        refund_to: None,
        spec: JobSpec {
            uri: "ipfs://job".into(),
            hash: "h".into(),
        },
        price_per_unit: Uint128::new(10),
        max_units: Uint128::new(units),
        accept_by: cosmwasm_std::Timestamp::from_nanos(now.plus_seconds(3_600).nanos()),
        deadline: cosmwasm_std::Timestamp::from_nanos(now.plus_seconds(80_000).nanos()),
    };
    let out = send(
        &chain,
        &token,
        "client",
        &escrow,
        1_000,
        &EscrowReceive::CreateJob(job(100)),
    )
    .unwrap();
    println!(
        "gas escrow create_job (cw20 receive): {}",
        out.gas_of(&escrow)
    );
    let gpu = chain.addr("gpu");
    let out = chain
        .execute(&gpu, &escrow, &EscrowMsg::AcceptJob { job_id: 1 }, vec![])
        .unwrap();
    println!("gas escrow accept_job: {}", out.gas);
    let out = chain
        .execute(
            &gpu,
            &escrow,
            &EscrowMsg::ReportUsage {
                job_id: 1,
                units: Uint128::new(50),
                proof: None,
            },
            vec![],
        )
        .unwrap();
    println!("gas escrow report_usage: {}", out.gas);
    chain.next_block(600);
    let out = chain
        .execute(
            &gpu,
            &escrow,
            &EscrowMsg::ClaimPayments { job_ids: vec![1] },
            vec![],
        )
        .unwrap();
    println!("gas escrow claim_payments: {}", out.gas);
    // 500 gross, 1% fee = 5
    assert_eq!(balance(&chain, &token, &gpu), 100_000 - 5_000 + 495);
    assert_eq!(balance(&chain, &token, &chain.addr("treasury")), 5);

    // over-report, dispute, ruling with a slash
    chain
        .execute(
            &gpu,
            &escrow,
            &EscrowMsg::ReportUsage {
                job_id: 1,
                units: Uint128::new(100),
                proof: None,
            },
            vec![],
        )
        .unwrap();
    let client = chain.addr("client");
    chain
        .execute(
            &client,
            &escrow,
            &EscrowMsg::Dispute {
                job_id: 1,
                reason: "only 60".into(),
            },
            vec![],
        )
        .unwrap();
    let ruling = EscrowMsg::ResolveDispute {
        job_id: 1,
        approved_units: Uint128::new(10),
        slash: Uint128::new(700),
    };
    assert!(chain
        .execute(&client, &escrow, &ruling, vec![])
        .unwrap_err()
        .contains("arbiter"));
    chain.execute(&dao, &escrow, &ruling, vec![]).unwrap();
    // 40 rejected units (400) refunded and 700 slashed to the client
    assert_eq!(
        balance(&chain, &token, &client),
        100_000 - 1_000 + 400 + 700
    );
    let p: ProviderResponse = chain
        .query(
            &escrow,
            &EscrowQuery::Provider {
                address: gpu.clone(),
            },
        )
        .unwrap();
    assert_eq!((p.stake.amount.u128(), p.disputes_lost), (4_300, 1));
    let j: JobResponse = chain
        .query(&escrow, &EscrowQuery::Job { job_id: 1 })
        .unwrap();
    assert_eq!((j.units_payable.u128(), j.balance.u128()), (60, 100));
}
