//! A bootstrapped suite on the real artifacts with something in every corner, so that messages
//! run from it reach past the first checks: members with tokens (one with a vesting grant, one
//! with an allowance), a funded treasury with spend limits and a working group's budget, a
//! registered provider running a job with usage reported, an open proposal and a passed one in
//! its timelock. And the verdict on a refused call: a contract error, a JSON refusal, or the VM
//! stopping (a panic or an abort), which is never acceptable.

use commons::asset::AssetInfoUnchecked;
use commons::escrow::{
    CreateJobMsg, ExecuteMsg as EscrowMsg, InstantiateMsg as EscrowInit, JobSpec, ProviderMetadata,
};
use commons::governance::{
    ConfigResponse, ExecuteMsg as GovMsg, InstantiateMsg, ProposalAction, ProposalResponse,
    QueryMsg as GovQuery, RewardVesting, Status, SuiteMsg, TokenSpendLimit, Vote,
    VoterRewardsConfig,
};
use commons::reward_token::{ExecuteMsg as TokenMsg, InstantiateMsg as TokenInit, MinterInfo};
use commons::treasury::{
    ExecuteMsg as TreasuryMsg, InstantiateMsg as TreasuryInit, ReceiveMsg as TreasuryReceive,
    SpendLimitUnchecked,
};
use commons::vesting::VestingSchedule;
use commons_vm_tests::{artifact, Chain, Outcome};
use cosmwasm_std::{to_json_binary, Decimal, Timestamp, Uint128};
use cosmwasm_std_vm::{coins, Coin};
use cw20::Cw20Coin;
use cw_utils::Threshold;

/// The native denom of jobs, stakes and the treasury's native limit.
pub const DENOM: &str = "ucompute";
/// Members and their genesis tokens.
pub const MEMBERS: [&str; 3] = ["alice", "bob", "carol"];
/// The open proposal, the passed one in its timelock, the job and bob's grant.
pub const OPEN: u64 = 2;
pub const PASSED: u64 = 3;
pub const JOB: u64 = 1;
pub const GRANT: u64 = 1;

pub struct Suite {
    pub chain: Chain,
    pub gov: String,
    pub token: String,
    pub treasury: String,
    pub escrow: String,
}

impl Suite {
    pub fn addr(&self, name: &str) -> String {
        self.chain.addr(name)
    }

    /// The block time, as the wire types hold it.
    pub fn now(&self) -> Timestamp {
        Timestamp::from_nanos(self.chain.time().nanos())
    }

    /// Executes `msg` as `who` (a name) and panics if it is refused: set-up steps must work.
    pub fn run(
        &self,
        who: &str,
        contract: &str,
        msg: &impl serde::Serialize,
        funds: Vec<Coin>,
    ) -> Outcome {
        let sender = self.addr(who);
        match self.chain.execute(&sender, contract, msg, funds) {
            Ok(outcome) => outcome,
            Err(e) => panic!("set-up step refused: {e}"),
        }
    }

    /// alice proposes `actions` and members vote yes until it passes (governance decides early
    /// only once no remaining vote, a veto included, could change the outcome).
    fn pass(&self, actions: Vec<ProposalAction>) {
        let propose = GovMsg::Propose {
            title: "set-up".into(),
            description: String::new(),
            actions,
        };
        let outcome = self.run("alice", &self.gov, &propose, vec![]);
        let proposal_id = outcome
            .attr("proposal_id")
            .and_then(|id| id.parse().ok())
            .unwrap_or(0);
        for voter in MEMBERS {
            let vote = GovMsg::Vote {
                proposal_id,
                vote: Vote::Yes,
                rationale: None,
            };
            self.run(voter, &self.gov, &vote, vec![]);
            let proposal: ProposalResponse = self
                .chain
                .query(&self.gov, &GovQuery::Proposal { proposal_id })
                .unwrap();
            if proposal.status != Status::Open {
                return;
            }
        }
    }
}

fn bootstrap_msg(chain: &Chain) -> InstantiateMsg {
    // fields governance overrides may hold anything
    let placeholder = "set-by-governance".to_string();
    let suite = SuiteMsg {
        token_code_id: chain.store_code(artifact("commons-reward-token")),
        token_msg: TokenInit {
            name: "Commons".into(),
            symbol: "CMN".into(),
            decimals: 6,
            initial_balances: MEMBERS
                .iter()
                .map(|m| Cw20Coin {
                    address: chain.addr(m),
                    amount: Uint128::new(10_000),
                })
                .collect(),
            mint: Some(MinterInfo {
                minter: placeholder.clone(),
                cap: None,
                mint_limit: None,
            }),
            marketing: None,
            vesting_counts_for_voting: true,
            change_delay_seconds: None,
        },
        treasury_code_id: chain.store_code(artifact("commons-treasury")),
        treasury_msg: TreasuryInit {
            owner: placeholder.clone(),
            accepted_cw20s: vec![],
            spend_limits: vec![SpendLimitUnchecked {
                asset_info: AssetInfoUnchecked::Native(DENOM.into()),
                amount: Uint128::new(1_000),
                period_seconds: 86_400,
            }],
            change_delay_seconds: 86_400,
        },
        token_spend_limit: Some(TokenSpendLimit {
            amount: Uint128::new(1_000),
            period_seconds: 86_400,
        }),
        escrow_code_id: chain.store_code(artifact("commons-compute-escrow")),
        escrow_msg: EscrowInit {
            arbiter: placeholder.clone(),
            fee_bps: 100,
            fee_recipient: placeholder,
            treasury: None,
            accepted_assets: vec![AssetInfoUnchecked::Native(DENOM.into())],
            stake_asset: AssetInfoUnchecked::Native(DENOM.into()),
            challenge_period_seconds: 600,
            min_provider_stake: None,
            provider_unbonding_seconds: 3_600,
            max_job_duration_seconds: 86_400,
        },
    };
    InstantiateMsg {
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
        voter_rewards: Some(VoterRewardsConfig {
            pool_per_period: Uint128::new(1_000),
            period_seconds: 86_400,
            vesting: RewardVesting {
                cliff_seconds: 0,
                duration_seconds: 1_000,
            },
            min_turnout: Decimal::percent(10),
        }),
        max_actions: 10,
        guardian: Some(chain.addr("guardian")),
    }
}

/// The suite described at the top of this file.
pub fn bootstrap() -> Suite {
    let chain = Chain::new();
    let msg = bootstrap_msg(&chain);
    let deployer = chain.addr("deployer");
    let (gov, _) = chain
        .instantiate(&artifact("commons-governance"), "gov", &deployer, &msg)
        .unwrap();
    let config: ConfigResponse = chain.query(&gov, &GovQuery::Config {}).unwrap();
    let s = Suite {
        token: config.token.to_string(),
        treasury: config.treasury.map(|a| a.to_string()).unwrap_or_default(),
        escrow: config.escrow.map(|a| a.to_string()).unwrap_or_default(),
        gov,
        chain,
    };
    s.chain.next_block(5);
    // the treasury holds tokens and native coins
    let deposit = TokenMsg::Send {
        contract: s.treasury.clone(),
        amount: Uint128::new(5_000),
        msg: to_json_binary(&TreasuryReceive::Deposit { memo: None }).unwrap(),
    };
    s.run("alice", &s.token.clone(), &deposit, vec![]);
    let native = TreasuryMsg::Deposit {
        memo: Some("dues".into()),
    };
    s.run("carol", &s.treasury.clone(), &native, coins(5_000, DENOM));
    // a provider runs job 1 and has reported usage
    let metadata = ProviderMetadata {
        name: "gpu".into(),
        endpoint: "https://gpu.example".into(),
        hardware: "8x accelerator".into(),
        region: "eu".into(),
    };
    let escrow = s.escrow.clone();
    s.run(
        "gpu",
        &escrow,
        &EscrowMsg::RegisterProvider { metadata },
        coins(1_000, DENOM),
    );
    let now = s.now();
    let job = CreateJobMsg {
        provider: Some(s.addr("gpu")),
        client: None,
        refund_to: None,
        spec: JobSpec {
            uri: "ipfs://job".into(),
            hash: "abc123".into(),
        },
        price_per_unit: Uint128::new(10),
        max_units: Uint128::new(100),
        accept_by: now.plus_seconds(1_000),
        deadline: now.plus_seconds(10_000),
    };
    s.run(
        "client",
        &escrow,
        &EscrowMsg::CreateJob(job),
        coins(1_000, DENOM),
    );
    s.run(
        "gpu",
        &escrow,
        &EscrowMsg::AcceptJob { job_id: JOB },
        vec![],
    );
    let report = EscrowMsg::ReportUsage {
        job_id: JOB,
        units: Uint128::new(5),
        proof: None,
    };
    s.run("gpu", &escrow, &report, vec![]);
    // proposal 1, executed: a budget for the guild and a revocable grant for bob
    let token_asset = AssetInfoUnchecked::Cw20(s.token.clone());
    s.pass(vec![
        ProposalAction::TreasurySetBudget {
            spender: s.addr("guild"),
            asset_info: token_asset,
            amount_per_period: Uint128::new(100),
            period_seconds: 86_400,
            expires: None,
        },
        ProposalAction::TokenMintVesting {
            recipient: s.addr("bob"),
            amount: Uint128::new(1_000),
            schedule: VestingSchedule {
                start_time: now,
                cliff_seconds: 0,
                duration_seconds: 2_000,
            },
            revocable: true,
        },
    ]);
    s.chain.next_block(100);
    s.run(
        "anyone",
        &s.gov.clone(),
        &GovMsg::Execute { proposal_id: 1 },
        vec![],
    );
    // proposal 2 stays open; proposal 3 passes and waits in its timelock
    let mint = |amount| ProposalAction::TokenMint {
        recipient: s.addr("carol"),
        amount: Uint128::new(amount),
    };
    let propose = GovMsg::Propose {
        title: "open".into(),
        description: String::new(),
        actions: vec![mint(1)],
    };
    s.run("carol", &s.gov.clone(), &propose, vec![]);
    s.pass(vec![mint(2)]);
    // bob may spend some of alice's tokens
    let allowance = TokenMsg::IncreaseAllowance {
        spender: s.addr("bob"),
        amount: Uint128::new(500),
        expires: None,
    };
    s.run("alice", &s.token.clone(), &allowance, vec![]);
    s.chain.next_block(5);
    s
}

/// The VM stopped the contract (a panic, which aborts under `panic = "abort"`, or a trap such
/// as `unreachable` or an exhausted stack): never acceptable, whatever the input. A contract's
/// own error comes back as its message; the chain's own limits (a result over 256 KiB to
/// deserialize, gas) are refusals of the transaction, not of the contract's making.
pub fn vm_stopped(error: &str) -> bool {
    [
        "panicked",
        "Aborted",
        "RuntimeError",
        "unreachable",
        "stack exhausted",
    ]
    .iter()
    .any(|sign| error.contains(sign))
}

/// The contract refused the message's JSON (its shape), rather than what it asks for.
pub fn json_refusal(error: &str) -> bool {
    let lower = error.to_lowercase();
    [
        "unknown field",
        "missing field",
        "invalid type",
        "unknown variant",
        "error parsing into type",
    ]
    .iter()
    .any(|reason| lower.contains(reason))
}
