//! The Commons contracts: setups and the operations the benchmark measures.

use commons::asset::{AssetInfoUnchecked, AssetUnchecked};
use commons::escrow::{
    CreateJobMsg, ExecuteMsg as EscrowMsg, JobSpec, ProviderMetadata, ReceiveMsg as EscrowReceive,
};
use commons::governance::{
    ExecuteMsg as GovMsg, InstantiateMsg as GovInit, ProposalAction, RewardVesting, Vote,
    VoterRewardsConfig,
};
use commons::reward_token::{ExecuteMsg as TokenMsg, InstantiateMsg as TokenInit, MinterInfo};
use commons::treasury::{
    ExecuteMsg as TreasuryMsg, InstantiateMsg as TreasuryInit, ReceiveMsg as TreasuryReceive,
    SpendLimitUnchecked,
};
use commons::vesting::VestingSchedule;
use commons_vm_tests::{artifact, Chain, Outcome};
use cosmwasm_std::{to_json_binary, Decimal, Uint128};
use cw20::Cw20Coin;

use crate::{measure, ts, Measured, MEMBER_BALANCE};

/// Our reward token with `holders` holding `MEMBER_BALANCE` each; "minter" mints.
pub fn token(chain: &Chain, holders: &[&str]) -> String {
    let msg = TokenInit {
        name: "Commons".into(),
        symbol: "CMN".into(),
        decimals: 6,
        initial_balances: holders
            .iter()
            .map(|h| Cw20Coin {
                address: chain.addr(h),
                amount: Uint128::new(MEMBER_BALANCE),
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
    let wasm = artifact("commons-reward-token");
    chain
        .instantiate(&wasm, "token", &chain.addr("minter"), &msg)
        .unwrap()
        .0
}

/// A treasury owned by "dao" that accepts `token` (the receiver of cw20 `send`).
pub fn treasury(chain: &Chain, token: &str, label: &str) -> String {
    let init = TreasuryInit {
        owner: chain.addr("dao"),
        accepted_cw20s: vec![token.to_string()],
        spend_limits: vec![SpendLimitUnchecked {
            asset_info: AssetInfoUnchecked::Cw20(token.to_string()),
            amount: Uint128::new(1_000_000),
            period_seconds: 3_600,
        }],
        change_delay_seconds: 3_600,
    };
    let wasm = artifact("commons-treasury");
    chain
        .instantiate(&wasm, label, &chain.addr("dao"), &init)
        .unwrap()
        .0
}

/// Vesting grant and claim, and delegation, on our token. Counted: the whole transaction.
pub fn vesting_ops() -> Vec<Measured> {
    let chain = Chain::new();
    let token = token(&chain, &["alice"]);
    let grant = TokenMsg::MintVesting {
        recipient: chain.addr("carol"),
        amount: Uint128::new(1_000),
        schedule: VestingSchedule {
            start_time: ts(chain.time()),
            cliff_seconds: 0,
            duration_seconds: 1_000,
        },
        revocable: true,
    };
    let g = chain
        .execute(&chain.addr("minter"), &token, &grant, vec![])
        .unwrap();
    chain.next_block(500);
    let claim = TokenMsg::ClaimVested { grant_ids: None };
    let c = chain
        .execute(&chain.addr("carol"), &token, &claim, vec![])
        .unwrap();
    let delegate = TokenMsg::Delegate {
        delegatee: chain.addr("carol"),
    };
    let d = chain
        .execute(&chain.addr("alice"), &token, &delegate, vec![])
        .unwrap();
    let names = [(token.as_str(), "token")];
    vec![
        measure("vesting grant", &[&g], &names, None),
        measure("vesting claim", &[&c], &names, None),
        measure("token delegate", &[&d], &names, Some(&[&token])),
    ]
}

/// Governance over our token: alice, bob and carol hold `MEMBER_BALANCE` each.
pub struct Dao {
    pub chain: Chain,
    pub token: String,
    pub gov: String,
}

pub fn dao() -> Dao {
    let chain = Chain::new();
    let token = token(&chain, &["alice", "bob", "carol"]);
    let treasury = treasury(&chain, &token, "treasury");
    let init = GovInit {
        token: Some(token.clone()),
        suite: None,
        treasury: Some(treasury),
        escrow: None,
        voting_period_seconds: 1_000,
        min_voting_period_seconds: None,
        threshold: cw_utils::Threshold::AbsolutePercentage {
            percentage: Decimal::percent(50),
        },
        allow_revoting: false,
        execution_delay_seconds: 100,
        execution_window_seconds: 1_000,
        proposal_deposit: None,
        min_proposer_power: Uint128::zero(),
        voter_rewards: Some(VoterRewardsConfig {
            pool_per_period: Uint128::new(1_000),
            period_seconds: 86_400,
            vesting: RewardVesting {
                cliff_seconds: 0,
                duration_seconds: 1_000,
            },
            min_turnout: Decimal::percent(1),
        }),
        max_actions: 10,
        guardian: Some(chain.addr("council")),
    };
    let wasm = artifact("commons-governance");
    let gov = chain
        .instantiate(&wasm, "gov", &chain.addr("minter"), &init)
        .unwrap()
        .0;
    let minter = TokenMsg::UpdateMinter {
        new_minter: Some(gov.clone()),
    };
    chain
        .execute(&chain.addr("minter"), &token, &minter, vec![])
        .unwrap();
    chain.next_block(5);
    Dao { chain, token, gov }
}

pub fn propose(d: &Dao, actions: Vec<ProposalAction>) -> Outcome {
    let propose = GovMsg::Propose {
        title: "Mint to eve".into(),
        description: "One mint action.".into(),
        actions,
    };
    d.chain
        .execute(&d.chain.addr("alice"), &d.gov, &propose, vec![])
        .unwrap()
}

pub fn vote(d: &Dao, voter: &str, proposal_id: u64) -> Outcome {
    let vote = GovMsg::Vote {
        proposal_id,
        vote: Vote::Yes,
        rationale: None,
    };
    d.chain
        .execute(&d.chain.addr(voter), &d.gov, &vote, vec![])
        .unwrap()
}

/// A mint of 10 tokens to eve, the action every governance story here runs.
fn mint_to_eve(c: &Chain) -> ProposalAction {
    ProposalAction::TokenMint {
        recipient: c.addr("eve"),
        amount: Uint128::new(10),
    }
}

/// alice's and bob's yes votes (which pass it), then anyone executes it after the timelock.
fn pass_and_execute(d: &Dao, proposal_id: u64) -> Outcome {
    vote(d, "bob", proposal_id);
    d.chain.next_block(100);
    d.chain
        .execute(
            &d.chain.addr("anyone"),
            &d.gov,
            &GovMsg::Execute { proposal_id },
            vec![],
        )
        .unwrap()
}

/// propose (one mint action), alice's vote, bob's vote (which passes it), execute after the
/// timelock; the same with a proposal of two mints; a guardian veto; then, once the reward
/// period is over, alice's reward claim for the first proposal. Governance
/// rows count governance's own calls and the queries they make; the reward claim counts the
/// whole transaction (the vested grant it mints on the token included).
pub fn governance_ops() -> Vec<Measured> {
    let d = dao();
    let c = &d.chain;
    let p = propose(&d, vec![mint_to_eve(c)]);
    let v = vote(&d, "alice", 1);
    let e = pass_and_execute(&d, 1);
    propose(&d, vec![mint_to_eve(c), mint_to_eve(c)]);
    vote(&d, "alice", 2);
    let e2 = pass_and_execute(&d, 2);
    // a third proposal passes and the guardian vetoes it in its timelock; eve's minted tokens
    // count in its total, so its outcome is certain (veto-proof) only once all three voted
    propose(&d, vec![mint_to_eve(c)]);
    vote(&d, "alice", 3);
    vote(&d, "carol", 3);
    vote(&d, "bob", 3);
    let veto = c
        .execute(
            &c.addr("council"),
            &d.gov,
            &GovMsg::GuardianVeto { proposal_id: 3 },
            vec![],
        )
        .unwrap();
    // claims open once the proposals' one-day reward period has ended
    c.next_block(86_400);
    let claim = GovMsg::ClaimVoteRewards {
        proposal_ids: vec![1],
    };
    let r = c.execute(&c.addr("alice"), &d.gov, &claim, vec![]).unwrap();
    let names = [(d.gov.as_str(), "governance"), (d.token.as_str(), "token")];
    let gov: &[&str] = &[&d.gov];
    vec![
        measure("governance propose", &[&p], &names, Some(gov)),
        measure("governance vote", &[&v], &names, Some(gov)),
        measure("governance execute", &[&e], &names, Some(gov)),
        measure("reward claim", &[&r], &names, None),
        measure("governance execute (2 actions)", &[&e2], &names, Some(gov)),
        measure("governance guardian_veto", &[&veto], &names, Some(gov)),
    ]
}

pub fn treasury_ops() -> Vec<Measured> {
    let chain = Chain::new();
    let token = token(&chain, &["alice"]);
    let treasury = treasury(&chain, &token, "treasury");
    let send = TokenMsg::Send {
        contract: treasury.clone(),
        amount: Uint128::new(5_000),
        msg: to_json_binary(&TreasuryReceive::Deposit { memo: None }).unwrap(),
    };
    let dep = chain
        .execute(&chain.addr("alice"), &token, &send, vec![])
        .unwrap();
    let spend = TreasuryMsg::Spend {
        recipient: chain.addr("bob"),
        asset: AssetUnchecked {
            info: AssetInfoUnchecked::Cw20(token.clone()),
            amount: Uint128::new(100),
        },
        memo: None,
    };
    let s = chain
        .execute(&chain.addr("dao"), &treasury, &spend, vec![])
        .unwrap();
    // the owner raises the limit: pending for the hour's delay; a spend meanwhile reads it
    let raise = TreasuryMsg::UpdateConfig {
        accepted_cw20s: None,
        spend_limits: Some(vec![SpendLimitUnchecked {
            asset_info: AssetInfoUnchecked::Cw20(token.clone()),
            amount: Uint128::new(2_000_000),
            period_seconds: 3_600,
        }]),
    };
    chain
        .execute(&chain.addr("dao"), &treasury, &raise, vec![])
        .unwrap();
    chain.next_block(5);
    let pending = chain
        .execute(&chain.addr("dao"), &treasury, &spend, vec![])
        .unwrap();
    chain.next_block(3_600);
    let apply = chain
        .execute(
            &chain.addr("anyone"),
            &treasury,
            &TreasuryMsg::ApplyChanges {},
            vec![],
        )
        .unwrap();
    let names = [(treasury.as_str(), "treasury"), (token.as_str(), "token")];
    let only: &[&str] = &[&treasury];
    vec![
        measure("treasury deposit (cw20)", &[&dep], &names, Some(only)),
        measure("treasury spend", &[&s], &names, Some(only)),
        measure(
            "treasury spend (limit change pending)",
            &[&pending],
            &names,
            Some(only),
        ),
        measure("treasury apply_changes", &[&apply], &names, Some(only)),
    ]
}

/// An escrow over our token with a staked provider "gpu" and a funded client.
pub struct Market {
    pub chain: Chain,
    pub token: String,
    pub escrow: String,
}

pub fn market() -> Market {
    let chain = Chain::new();
    let token = token(&chain, &["client", "gpu"]);
    let init = commons::escrow::InstantiateMsg {
        arbiter: chain.addr("dao"),
        fee_bps: 100,
        fee_recipient: chain.addr("treasury"),
        treasury: None,
        accepted_assets: vec![AssetInfoUnchecked::Cw20(token.clone())],
        stake_asset: AssetInfoUnchecked::Cw20(token.clone()),
        challenge_period_seconds: 600,
        min_provider_stake: None,
        provider_unbonding_seconds: 3_600,
        max_job_duration_seconds: 86_400,
    };
    let wasm = artifact("commons-compute-escrow");
    let escrow = chain
        .instantiate(&wasm, "escrow", &chain.addr("dao"), &init)
        .unwrap()
        .0;
    let metadata = ProviderMetadata {
        name: "gpu".into(),
        endpoint: String::new(),
        hardware: String::new(),
        region: String::new(),
    };
    let reg = TokenMsg::Send {
        contract: escrow.clone(),
        amount: Uint128::new(5_000),
        msg: to_json_binary(&EscrowReceive::RegisterProvider { metadata }).unwrap(),
    };
    chain
        .execute(&chain.addr("gpu"), &token, &reg, vec![])
        .unwrap();
    Market {
        chain,
        token,
        escrow,
    }
}

/// The client funds a 100-unit job for "gpu" through a cw20 `send`.
pub fn create_job(m: &Market) -> Outcome {
    let c = &m.chain;
    let job = CreateJobMsg {
        provider: Some(c.addr("gpu")),
        client: None,
        refund_to: None,
        spec: JobSpec {
            uri: "ipfs://job".into(),
            hash: "h".into(),
        },
        price_per_unit: Uint128::new(10),
        max_units: Uint128::new(100),
        accept_by: ts(c.time().plus_seconds(3_600)),
        deadline: ts(c.time().plus_seconds(80_000)),
    };
    let send = TokenMsg::Send {
        contract: m.escrow.clone(),
        amount: Uint128::new(1_000),
        msg: to_json_binary(&EscrowReceive::CreateJob(job)).unwrap(),
    };
    c.execute(&c.addr("client"), &m.token, &send, vec![])
        .unwrap()
}

pub fn accept_job(m: &Market, job_id: u64) -> Outcome {
    let c = &m.chain;
    c.execute(
        &c.addr("gpu"),
        &m.escrow,
        &EscrowMsg::AcceptJob { job_id },
        vec![],
    )
    .unwrap()
}

pub fn report_usage(m: &Market, job_id: u64) -> Outcome {
    let c = &m.chain;
    let report = EscrowMsg::ReportUsage {
        job_id,
        units: Uint128::new(50),
        proof: None,
    };
    c.execute(&c.addr("gpu"), &m.escrow, &report, vec![])
        .unwrap()
}

pub fn claim_payments(m: &Market, job_id: u64) -> Outcome {
    let c = &m.chain;
    let claim = EscrowMsg::ClaimPayments {
        job_ids: vec![job_id],
    };
    c.execute(&c.addr("gpu"), &m.escrow, &claim, vec![])
        .unwrap()
}

/// Escrow rows count the escrow's own calls (the cw20 transfers it sends are not included).
pub fn escrow_ops() -> Vec<Measured> {
    let m = market();
    let create = create_job(&m);
    let accept = accept_job(&m, 1);
    let report = report_usage(&m, 1);
    m.chain.next_block(600);
    let claim = claim_payments(&m, 1);
    let names = [(m.escrow.as_str(), "escrow"), (m.token.as_str(), "token")];
    let only: &[&str] = &[&m.escrow];
    vec![
        measure("escrow create_job (cw20)", &[&create], &names, Some(only)),
        measure("escrow accept_job", &[&accept], &names, Some(only)),
        measure("escrow report_usage", &[&report], &names, Some(only)),
        measure("escrow claim_payments", &[&claim], &names, Some(only)),
    ]
}
