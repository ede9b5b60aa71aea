//! A walk through the suite on the embedded chain: bootstrap, a treasury spend by proposal with
//! voter rewards, a DAO-funded compute job with its fee, and the token supply at the end.

use commons::asset::{AssetInfoUnchecked, AssetUnchecked};
use commons::escrow::{ExecuteMsg as EscrowMsg, JobResponse, JobSpec, QueryMsg as EscrowQuery};
use commons::governance::{
    ExecuteMsg as GovMsg, ProposalAction, RewardVesting, Vote, VoterRewardsConfig,
};
use commons::reward_token::{QueryMsg as TokenQuery, SupplyResponse, VestingResponse};
use commons::treasury::ExecuteMsg as TreasuryMsg;
use commons_testing::suite::{Suite, SuiteBuilder, PAY};
use cosmwasm_std::{coins, Decimal, Uint128};

fn step(text: &str) {
    println!("\n- {text}");
}

fn main() -> anyhow::Result<()> {
    println!("Commons demo: the four contracts on an embedded chain (cw-multi-test)");
    let rewards = VoterRewardsConfig {
        pool_per_period: Uint128::new(1_000),
        period_seconds: 86_400,
        vesting: RewardVesting {
            cliff_seconds: 0,
            duration_seconds: 10_000,
        },
        min_turnout: Decimal::percent(20),
    };
    let mut s: Suite = SuiteBuilder::new()
        .with_member("alice", 6_000)
        .with_member("bob", 4_000)
        .with_token_cap(1_000_000)
        .with_wallet("donor", coins(100_000, PAY))
        .with_native_limit(20_000, 86_400)
        .with_provider("gpu-provider", 5_000)
        .with_escrow_fee(200)
        .with_challenge_period(3_600)
        .with_rewards(rewards)
        .build();
    step("bootstrap: governance instantiated the token, treasury and escrow in one transaction");
    println!(
        "  governance {}\n  token      {}\n  treasury   {}\n  escrow     {}",
        s.gov, s.token, s.treasury, s.escrow
    );
    println!("  members: alice 6000 CMN, bob 4000 CMN; treasury limit 20000 {PAY} per day");

    let (gov, token, treasury, escrow) = (
        s.gov.clone(),
        s.token.clone(),
        s.treasury.clone(),
        s.escrow.clone(),
    );
    s.exec_funds(
        "donor",
        &treasury,
        &TreasuryMsg::Deposit {
            memo: Some("seed funding".into()),
        },
        coins(100_000, PAY),
    )?;
    step(&format!(
        "a donor deposits 100000 {PAY}; treasury holds {}",
        s.native_balance(&treasury, PAY)
    ));

    let grantee = s.addr("grantee");
    let spend = ProposalAction::TreasurySpend {
        recipient: grantee.to_string(),
        asset: AssetUnchecked {
            info: AssetInfoUnchecked::Native(PAY.into()),
            amount: Uint128::new(15_000),
        },
        memo: Some("tooling grant".into()),
    };
    let id = s.propose("alice", "Tooling grant", vec![spend])?;
    step(&format!(
        "alice proposes #{id}: pay 15000 {PAY} to the grantee"
    ));
    s.vote("alice", id, Vote::Yes)?;
    s.vote("bob", id, Vote::No)?;
    let p = s.proposal(id);
    println!(
        "  votes: alice yes (6000), bob no (4000) -> {:?}, executable at {}",
        p.status,
        p.executable_at.map(|t| t.seconds()).unwrap_or(0)
    );
    s.execute_when_ready(id)?;
    println!(
        "  after the timelock anyone executes it: status {:?}",
        s.proposal(id).status
    );
    println!(
        "  grantee received {} {PAY}; treasury holds {}",
        s.native_balance(&grantee, PAY),
        s.native_balance(&treasury, PAY)
    );

    s.wait_for_rewards(id);
    step(
        "the day's reward period ends: its pool of 1000 CMN is shared by its one proposal's voters",
    );
    for voter in ["alice", "bob"] {
        s.exec(
            voter,
            &gov,
            &GovMsg::ClaimVoteRewards {
                proposal_ids: vec![id],
            },
        )?;
        let v: VestingResponse = s.app.wrap().query_wasm_smart(
            &token,
            &TokenQuery::Vesting {
                address: s.addr(voter).to_string(),
                start_after: None,
                limit: None,
            },
        )?;
        println!(
            "  {voter} claims the voter reward: {} CMN vesting over 10000 s",
            v.locked
        );
    }

    let now = s.now();
    let job = ProposalAction::EscrowCreateJob {
        provider: Some(s.addr("gpu-provider").to_string()),
        client: None,
        spec: JobSpec {
            uri: "ipfs://fine-tune-job".into(),
            hash: "sha256:1234".into(),
        },
        asset_info: AssetInfoUnchecked::Native(PAY.into()),
        price_per_unit: Uint128::new(50),
        max_units: Uint128::new(100),
        accept_by: now.plus_seconds(86_400),
        deadline: now.plus_seconds(7 * 86_400),
    };
    let id = s.propose("bob", "Buy compute", vec![job])?;
    s.vote("alice", id, Vote::Yes)?;
    s.vote("bob", id, Vote::Yes)?;
    s.execute_when_ready(id)?;
    step(&format!(
        "proposal #{id} buys compute: the treasury funds job 1 with 5000 {PAY} in the escrow"
    ));
    s.exec("gpu-provider", &escrow, &EscrowMsg::AcceptJob { job_id: 1 })?;
    s.exec(
        "gpu-provider",
        &escrow,
        &EscrowMsg::ReportUsage {
            job_id: 1,
            units: Uint128::new(80),
            proof: Some("ipfs://metering".into()),
        },
    )?;
    println!("  the provider accepts it and reports 80 units; after the 3600 s challenge period it claims");
    s.wait(3_600);
    s.exec(
        "gpu-provider",
        &escrow,
        &EscrowMsg::ClaimPayments { job_ids: vec![1] },
    )?;
    println!(
        "  provider paid {} {PAY} (4000 less the 2% fee)",
        s.native_balance(&s.addr("gpu-provider"), PAY)
    );
    s.exec(
        "gpu-provider",
        &escrow,
        &EscrowMsg::CompleteJob { job_id: 1 },
    )?;
    let j: JobResponse = s
        .app
        .wrap()
        .query_wasm_smart(&escrow, &EscrowQuery::Job { job_id: 1 })?;
    println!(
        "  job completed ({:?}); the 20 unused units and the 80 fee went to the treasury: {} {PAY}",
        j.status,
        s.native_balance(&treasury, PAY)
    );

    let supply: SupplyResponse = s
        .app
        .wrap()
        .query_wasm_smart(&token, &TokenQuery::Supply {})?;
    step(&format!(
        "token supply: {} (minted {}, burned {}, locked in vesting {}, cap {})",
        supply.total_supply,
        supply.minted_total,
        supply.burned_total,
        supply.locked_total,
        supply
            .cap
            .map(|c| c.to_string())
            .unwrap_or_else(|| "none".into())
    ));
    Ok(())
}
