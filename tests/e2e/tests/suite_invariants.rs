//! Property test over the whole suite: random member, governance, provider and client actions
//! over many blocks. After every step: token supply accounting and cap; treasury holdings =
//! ledger net exactly (escrow fees, refunds and slashes arrive as deposits); escrow
//! conservation; voter rewards as `pending_vote_rewards` said and within each period's pool;
//! and no coin or token outside the accounted places.

use commons::asset::{AssetInfoUnchecked, AssetUnchecked};
use commons::escrow::{
    AssetTotals, CreateJobMsg, ExecuteMsg as EscrowMsg, JobResponse, JobSpec,
    QueryMsg as EscrowQuery, TotalsResponse,
};
use commons::governance::{
    ExecuteMsg as GovMsg, PendingRewardsResponse, ProposalAction, QueryMsg as GovQuery,
    RewardVesting, Vote, VoterRewardsConfig,
};
use commons::reward_token::{
    ExecuteMsg as TokenMsg, QueryMsg as TokenQuery, SupplyResponse, VestingResponse,
};
use commons::treasury::{
    ExecuteMsg as TreasuryMsg, LedgerKind, LedgerResponse, QueryMsg as TreasuryQuery,
};
use commons_testing::suite::{Suite, SuiteBuilder, PAY};
use cosmwasm_std::{coins, Decimal, Uint128};
use proptest::prelude::*;

const MEMBERS: [&str; 3] = ["alice", "bob", "carol"];
const REWARD_POOL: u128 = 200;
const REWARD_PERIOD: u64 = 5_000;

#[derive(Debug, Clone)]
enum Op {
    Transfer(usize, usize, u128),
    Burn(usize, u128),
    Donate(u128),
    ProposeSpend(usize, u128),
    Vote(usize, usize, u8),
    Execute(usize),
    /// Every member votes yes, then the proposal is executed once its timelock is over.
    Drive(usize),
    ClaimRewards(usize, usize),
    ClaimVested(usize),
    CreateJob(u128),
    Accept(usize),
    Report(usize, u128),
    ClaimJob(usize),
    Finish(usize, bool),
    Wait(u64),
}

fn op() -> impl Strategy<Value = Op> {
    let m = 0usize..3;
    prop_oneof![
        1 => (m.clone(), m.clone(), 1u128..200).prop_map(|(a, b, n)| Op::Transfer(a, b, n)),
        1 => (m.clone(), 1u128..50).prop_map(|(a, n)| Op::Burn(a, n)),
        1 => (1u128..2_000).prop_map(Op::Donate),
        1 => (m.clone(), 1u128..1_500).prop_map(|(a, n)| Op::ProposeSpend(a, n)),
        1 => (m.clone(), 0usize..6, 0u8..4).prop_map(|(a, p, v)| Op::Vote(a, p, v)),
        1 => (0usize..6).prop_map(Op::Execute),
        3 => (0usize..6).prop_map(Op::Drive),
        1 => (m.clone(), 0usize..6).prop_map(|(a, p)| Op::ClaimRewards(a, p)),
        1 => m.prop_map(Op::ClaimVested),
        1 => (1u128..30).prop_map(Op::CreateJob),
        1 => (0usize..4).prop_map(Op::Accept),
        1 => (0usize..4, 1u128..10).prop_map(|(j, n)| Op::Report(j, n)),
        1 => (0usize..4).prop_map(Op::ClaimJob),
        1 => (0usize..4, any::<bool>()).prop_map(|(j, c)| Op::Finish(j, c)),
        1 => (1u64..3_000).prop_map(Op::Wait),
    ]
}

fn query<T: serde::de::DeserializeOwned>(
    s: &Suite,
    contract: &cosmwasm_std::Addr,
    msg: &impl serde::Serialize,
) -> T {
    s.app.wrap().query_wasm_smart(contract, msg).unwrap()
}

fn pay_totals(s: &Suite) -> AssetTotals {
    let t: TotalsResponse = query(
        s,
        &s.escrow,
        &EscrowQuery::Totals {
            start_after: None,
            limit: None,
        },
    );
    t.assets
        .into_iter()
        .find(|e| e.asset.key() == format!("native:{PAY}"))
        .map(|e| e.totals)
        .unwrap_or_default()
}

fn run(ops: Vec<Op>) -> Result<(), TestCaseError> {
    let rewards = VoterRewardsConfig {
        pool_per_period: Uint128::new(REWARD_POOL),
        period_seconds: REWARD_PERIOD,
        vesting: RewardVesting {
            cliff_seconds: 0,
            duration_seconds: 2_000,
        },
        min_turnout: Decimal::percent(10),
    };
    let mut s = SuiteBuilder::new()
        .with_member("alice", 500)
        .with_member("bob", 300)
        .with_member("carol", 200)
        .with_token_cap(100_000)
        .with_wallet("donor", coins(1_000_000, PAY))
        .with_wallet("client", coins(1_000_000, PAY))
        .with_provider("gpu", 1_000)
        .with_native_limit(1_000, 3_000)
        .with_rewards(rewards)
        .build();
    let (gov, token, treasury, escrow) = (
        s.gov.clone(),
        s.token.clone(),
        s.treasury.clone(),
        s.escrow.clone(),
    );
    let places = ["donor", "client", "gpu", "payee"];
    let pay_total: u128 = places
        .iter()
        .map(|p| s.native_balance(&s.addr(p), PAY))
        .sum::<u128>()
        + s.native_balance(&treasury, PAY)
        + s.native_balance(&escrow, PAY);
    let mut proposals: Vec<u64> = vec![];
    let mut jobs: Vec<u64> = vec![];
    // paid per reward period, by the period's end
    let mut rewarded: std::collections::BTreeMap<u64, u128> = Default::default();

    for op in ops {
        let proposal = |i: usize| {
            proposals
                .get(i % proposals.len().max(1))
                .copied()
                .unwrap_or(0)
        };
        let job = |i: usize| jobs.get(i % jobs.len().max(1)).copied().unwrap_or(0);
        match op {
            Op::Transfer(a, b, n) => {
                let to = s.addr(MEMBERS[b]).to_string();
                let _ = s.exec(
                    MEMBERS[a],
                    &token,
                    &TokenMsg::Transfer {
                        recipient: to,
                        amount: Uint128::new(n),
                    },
                );
            }
            Op::Burn(a, n) => {
                let _ = s.exec(
                    MEMBERS[a],
                    &token,
                    &TokenMsg::Burn {
                        amount: Uint128::new(n),
                    },
                );
            }
            Op::Donate(n) => {
                s.exec_funds(
                    "donor",
                    &treasury,
                    &TreasuryMsg::Deposit { memo: None },
                    coins(n, PAY),
                )
                .unwrap();
            }
            Op::ProposeSpend(a, n) => {
                let action = ProposalAction::TreasurySpend {
                    recipient: s.addr("payee").to_string(),
                    asset: AssetUnchecked {
                        info: AssetInfoUnchecked::Native(PAY.into()),
                        amount: Uint128::new(n),
                    },
                    memo: None,
                };
                if let Ok(id) = s.propose(MEMBERS[a], "spend", vec![action]) {
                    proposals.push(id);
                }
            }
            Op::Vote(a, p, v) => {
                let vote = [Vote::Yes, Vote::No, Vote::Abstain, Vote::Veto][v as usize];
                let _ = s.vote(MEMBERS[a], proposal(p), vote);
            }
            Op::Execute(p) => {
                let _ = s.exec(
                    "anyone",
                    &gov,
                    &GovMsg::Execute {
                        proposal_id: proposal(p),
                    },
                );
            }
            Op::Drive(_) if proposals.is_empty() => {}
            Op::Drive(p) => {
                for m in MEMBERS {
                    let _ = s.vote(m, proposal(p), Vote::Yes);
                }
                let _ = s.execute_when_ready(proposal(p));
            }
            Op::ClaimRewards(a, p) => {
                let pending: PendingRewardsResponse = query(
                    &s,
                    &gov,
                    &GovQuery::PendingVoteRewards {
                        voter: s.addr(MEMBERS[a]).to_string(),
                        proposal_ids: vec![proposal(p)],
                    },
                );
                let before: VestingResponse = query(
                    &s,
                    &token,
                    &TokenQuery::Vesting {
                        address: s.addr(MEMBERS[a]).to_string(),
                        start_after: None,
                        limit: None,
                    },
                );
                if s.exec(
                    MEMBERS[a],
                    &gov,
                    &GovMsg::ClaimVoteRewards {
                        proposal_ids: vec![proposal(p)],
                    },
                )
                .is_ok()
                {
                    let after: VestingResponse = query(
                        &s,
                        &token,
                        &TokenQuery::Vesting {
                            address: s.addr(MEMBERS[a]).to_string(),
                            start_after: None,
                            limit: None,
                        },
                    );
                    let minted = after.locked.u128() - before.locked.u128();
                    prop_assert_eq!(minted, pending.total.u128());
                    let period_end = pending.rewards[0].claimable_at.unwrap();
                    *rewarded.entry(period_end.seconds()).or_default() += minted;
                } else {
                    // a claim is refused exactly when it would pay nothing
                    prop_assert!(pending.total.is_zero());
                }
            }
            Op::ClaimVested(a) => {
                let _ = s.exec(
                    MEMBERS[a],
                    &token,
                    &TokenMsg::ClaimVested { grant_ids: None },
                );
            }
            Op::CreateJob(units) => {
                let now = s.now();
                let msg = CreateJobMsg {
                    provider: None,
                    client: None,
                    refund_to: None,
                    spec: JobSpec {
                        uri: "u".into(),
                        hash: "h".into(),
                    },
                    price_per_unit: Uint128::new(7),
                    max_units: Uint128::new(units),
                    accept_by: now.plus_seconds(2_000),
                    deadline: now.plus_seconds(6_000),
                };
                let res = s
                    .exec_funds(
                        "client",
                        &escrow,
                        &EscrowMsg::CreateJob(msg),
                        coins(7 * units, PAY),
                    )
                    .unwrap();
                let id = res
                    .events
                    .iter()
                    .flat_map(|e| e.attributes.iter())
                    .find(|a| a.key == "job_id")
                    .unwrap();
                jobs.push(id.value.parse().unwrap());
            }
            Op::Accept(j) => {
                let _ = s.exec("gpu", &escrow, &EscrowMsg::AcceptJob { job_id: job(j) });
            }
            Op::Report(j, n) => {
                let current = s
                    .app
                    .wrap()
                    .query_wasm_smart::<JobResponse>(&escrow, &EscrowQuery::Job { job_id: job(j) });
                let units = current.map(|c| c.units_reported.u128()).unwrap_or(0) + n;
                let _ = s.exec(
                    "gpu",
                    &escrow,
                    &EscrowMsg::ReportUsage {
                        job_id: job(j),
                        units: Uint128::new(units),
                        proof: None,
                    },
                );
            }
            Op::ClaimJob(j) => {
                let _ = s.exec(
                    "gpu",
                    &escrow,
                    &EscrowMsg::ClaimPayments {
                        job_ids: vec![job(j)],
                    },
                );
            }
            Op::Finish(j, cancel) => {
                let msg = if cancel {
                    EscrowMsg::CancelJob { job_id: job(j) }
                } else {
                    EscrowMsg::CompleteJob { job_id: job(j) }
                };
                let _ = s.exec("client", &escrow, &msg);
            }
            Op::Wait(secs) => s.wait(secs),
        }

        // token: supply = balances + locked; minted - burned = supply <= cap
        let supply: SupplyResponse = query(&s, &token, &TokenQuery::Supply {});
        let holders = MEMBERS.iter().map(|m| s.addr(m)).chain([
            gov.clone(),
            treasury.clone(),
            escrow.clone(),
            s.addr("payee"),
        ]);
        let mut liquid = 0u128;
        let mut locked = 0u128;
        for h in holders {
            liquid += commons_testing::token::token_balance(&s.app, &token, &h);
            let v: VestingResponse = query(
                &s,
                &token,
                &TokenQuery::Vesting {
                    address: h.to_string(),
                    start_after: None,
                    limit: None,
                },
            );
            locked += v.locked.u128();
        }
        prop_assert_eq!(supply.total_supply.u128(), liquid + locked);
        prop_assert_eq!(supply.locked_total.u128(), locked);
        prop_assert_eq!(
            supply.minted_total - supply.burned_total,
            supply.total_supply
        );
        prop_assert!(supply.minted_total.u128() <= 100_000);
        // rewards within the pool of each period
        prop_assert!(
            rewarded.values().all(|v| *v <= REWARD_POOL),
            "{:?}",
            rewarded
        );

        // treasury: holdings = ledger net, exactly: escrow fees, refunds and slashes arrive
        // through its deposit, so the ledger lists every coin it received
        let mut net: i128 = 0;
        let mut start_after = None;
        loop {
            let page: LedgerResponse = query(
                &s,
                &treasury,
                &TreasuryQuery::Ledger {
                    start_after,
                    limit: Some(30),
                    reverse: None,
                },
            );
            if page.entries.is_empty() {
                break;
            }
            for e in &page.entries {
                let amount = e.asset.amount.u128() as i128;
                net += if e.kind == LedgerKind::Deposit {
                    amount
                } else {
                    -amount
                };
            }
            start_after = page.entries.last().map(|e| e.id);
        }
        let totals = pay_totals(&s);
        prop_assert_eq!(s.native_balance(&treasury, PAY) as i128, net);
        // escrow: holds exactly what its jobs hold; escrowed = paid + refunded + fees + held
        prop_assert_eq!(s.native_balance(&escrow, PAY), totals.held.u128());
        prop_assert_eq!(
            totals.escrowed,
            totals.paid + totals.refunded + totals.fees + totals.held
        );
        // no coin outside the accounted places
        let everywhere: u128 = places
            .iter()
            .map(|p| s.native_balance(&s.addr(p), PAY))
            .sum::<u128>()
            + s.native_balance(&treasury, PAY)
            + s.native_balance(&escrow, PAY);
        prop_assert_eq!(everywhere, pay_total);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn suite_invariants(ops in prop::collection::vec(op(), 1..60)) {
        run(ops)?;
    }
}
