//! The whole DAO in multi-test, bootstrapped the way a chain deploys it: governance instantiates
//! the token, treasury and escrow in one transaction. `with_*` setters shape it, `assert_*`
//! helpers check balances, so a flow test reads like the story it checks.

use anyhow::Result as AnyResult;
use commons::asset::AssetInfoUnchecked;
use commons::escrow::{ExecuteMsg as EscrowMsg, InstantiateMsg as EscrowInit, ProviderMetadata};
use commons::governance::{
    ConfigResponse, DepositConfigUnchecked, ExecuteMsg, InstantiateMsg, PendingRewardsResponse,
    ProposalAction, ProposalResponse, QueryMsg, SuiteMsg, TokenSpendLimit, Vote,
    VoterRewardsConfig,
};
use commons::reward_token::{InstantiateMsg as TokenInit, MintLimit, MinterInfo};
use commons::treasury::{InstantiateMsg as TreasuryInit, SpendLimitUnchecked};
use cosmwasm_std::{coins, Addr, Coin, Decimal, Timestamp, Uint128};
use cw20::Cw20Coin;
use cw_multi_test::{App, AppResponse, Executor};
use cw_utils::Threshold;

use crate::escrow::escrow_contract;
use crate::governance::governance_contract;
use crate::token::{reward_token_contract, token_balance};
use crate::treasury::treasury_contract;

/// Denom jobs are paid in, and the treasury's native asset.
pub const PAY: &str = "ucoin";
/// Denom providers stake.
pub const STAKE: &str = "ustake";

pub struct SuiteBuilder {
    members: Vec<(String, u128)>,
    wallets: Vec<(String, Vec<Coin>)>,
    providers: Vec<(String, u128)>,
    token_cap: Option<u128>,
    limits: Vec<SpendLimitUnchecked>,
    token_limit: Option<TokenSpendLimit>,
    rewards: Option<VoterRewardsConfig>,
    deposit: Option<DepositConfigUnchecked>,
    min_proposer_power: u128,
    threshold: Threshold,
    periods: (u64, u64, u64),
    fee_bps: u16,
    challenge_seconds: u64,
    guardian: Option<String>,
    mint_limit: Option<MintLimit>,
    treasury_delay: Option<u64>,
}

impl Default for SuiteBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl SuiteBuilder {
    /// No members yet; 50% absolute threshold, 1000 s vote, 100 s timelock, 1000 s window;
    /// 1% escrow fee, 100 s challenge period; no spend limits, no rewards.
    pub fn new() -> Self {
        SuiteBuilder {
            members: vec![],
            wallets: vec![],
            providers: vec![],
            token_cap: None,
            limits: vec![],
            token_limit: None,
            rewards: None,
            deposit: None,
            min_proposer_power: 0,
            threshold: Threshold::AbsolutePercentage {
                percentage: Decimal::percent(50),
            },
            periods: (1_000, 100, 1_000),
            fee_bps: 100,
            challenge_seconds: 100,
            guardian: None,
            mint_limit: None,
            treasury_delay: None,
        }
    }

    /// A member holding `tokens` reward tokens from genesis.
    pub fn with_member(mut self, name: &str, tokens: u128) -> Self {
        self.members.push((name.into(), tokens));
        self
    }

    /// Native coins in `name`'s wallet.
    pub fn with_wallet(mut self, name: &str, funds: Vec<Coin>) -> Self {
        self.wallets.push((name.into(), funds));
        self
    }

    /// A compute provider registered with `stake` ustake (its wallet is funded for it).
    pub fn with_provider(mut self, name: &str, stake: u128) -> Self {
        self.providers.push((name.into(), stake));
        self
    }

    pub fn with_token_cap(mut self, cap: u128) -> Self {
        self.token_cap = Some(cap);
        self
    }

    /// Treasury spend limit on the native `ucoin`.
    pub fn with_native_limit(mut self, amount: u128, period_seconds: u64) -> Self {
        self.limits.push(SpendLimitUnchecked {
            asset_info: AssetInfoUnchecked::Native(PAY.into()),
            amount: Uint128::new(amount),
            period_seconds,
        });
        self
    }

    /// Treasury spend limit on the reward token.
    pub fn with_token_limit(mut self, amount: u128, period_seconds: u64) -> Self {
        self.token_limit = Some(TokenSpendLimit {
            amount: Uint128::new(amount),
            period_seconds,
        });
        self
    }

    pub fn with_rewards(mut self, rewards: VoterRewardsConfig) -> Self {
        self.rewards = Some(rewards);
        self
    }

    /// A deposit to propose, from the start (a native one: the token's address is not known
    /// before the bootstrap; a proposal can switch to it later).
    pub fn with_deposit(mut self, deposit: DepositConfigUnchecked) -> Self {
        self.deposit = Some(deposit);
        self
    }

    /// Voting power a proposer needs at the snapshot.
    pub fn with_min_proposer_power(mut self, power: u128) -> Self {
        self.min_proposer_power = power;
        self
    }

    pub fn with_threshold(mut self, threshold: Threshold) -> Self {
        self.threshold = threshold;
        self
    }

    /// Voting period, timelock and execution window, in seconds.
    pub fn with_periods(mut self, voting: u64, delay: u64, window: u64) -> Self {
        self.periods = (voting, delay, window);
        self
    }

    pub fn with_escrow_fee(mut self, fee_bps: u16) -> Self {
        self.fee_bps = fee_bps;
        self
    }

    pub fn with_challenge_period(mut self, seconds: u64) -> Self {
        self.challenge_seconds = seconds;
        self
    }

    /// `name` becomes governance's guardian (it may veto passed proposals in their timelock).
    pub fn with_guardian(mut self, name: &str) -> Self {
        self.guardian = Some(name.into());
        self
    }

    /// The token's minter (governance) mints at most `amount` per `period_seconds` window.
    pub fn with_mint_limit(mut self, amount: u128, period_seconds: u64) -> Self {
        self.mint_limit = Some(MintLimit {
            amount: Uint128::new(amount),
            period_seconds,
        });
        self
    }

    /// How long a loosening of the treasury's limits (and an owner or code change) waits;
    /// default the longest limit period.
    pub fn with_treasury_delay(mut self, seconds: u64) -> Self {
        self.treasury_delay = Some(seconds);
        self
    }

    /// Stores the token, treasury and escrow code in `app` and returns the bootstrap message
    /// governance is instantiated with (governance's own tests instantiate their build of it).
    pub fn bootstrap_msg(&self, app: &mut App) -> InstantiateMsg {
        let api = *app.api();
        let token_code_id = app.store_code(reward_token_contract());
        let treasury_code_id = app.store_code(treasury_contract());
        let escrow_code_id = app.store_code(escrow_contract());
        let (voting, delay, window) = self.periods;
        let overridden = "set by governance".to_string();
        InstantiateMsg {
            token: None,
            suite: Some(Box::new(SuiteMsg {
                token_code_id,
                token_msg: TokenInit {
                    name: "Commons".into(),
                    symbol: "CMN".into(),
                    decimals: 6,
                    initial_balances: self
                        .members
                        .iter()
                        .map(|(m, a)| Cw20Coin {
                            address: api.addr_make(m).to_string(),
                            amount: Uint128::new(*a),
                        })
                        .collect(),
                    mint: Some(MinterInfo {
                        minter: overridden.clone(),
                        cap: self.token_cap.map(Uint128::new),
                        mint_limit: self.mint_limit.clone(),
                    }),
                    marketing: None,
                    vesting_counts_for_voting: true,
                    change_delay_seconds: None,
                },
                treasury_code_id,
                treasury_msg: TreasuryInit {
                    owner: overridden.clone(),
                    accepted_cw20s: vec![],
                    // the shortest delay the treasury accepts: its longest limit period
                    change_delay_seconds: self.treasury_delay.unwrap_or_else(|| {
                        self.limits
                            .iter()
                            .map(|l| l.period_seconds)
                            .chain(self.token_limit.as_ref().map(|l| l.period_seconds))
                            .max()
                            .unwrap_or(crate::treasury::DEFAULT_CHANGE_DELAY)
                    }),
                    spend_limits: self.limits.clone(),
                },
                token_spend_limit: self.token_limit.clone(),
                escrow_code_id,
                escrow_msg: EscrowInit {
                    arbiter: overridden.clone(),
                    fee_bps: self.fee_bps,
                    fee_recipient: overridden,
                    treasury: None,
                    accepted_assets: vec![AssetInfoUnchecked::Native(PAY.into())],
                    stake_asset: AssetInfoUnchecked::Native(STAKE.into()),
                    challenge_period_seconds: self.challenge_seconds,
                    min_provider_stake: None,
                    provider_unbonding_seconds: 1_000,
                    max_job_duration_seconds: 1_000_000,
                },
            })),
            treasury: None,
            escrow: None,
            voting_period_seconds: voting,
            min_voting_period_seconds: None,
            threshold: self.threshold.clone(),
            allow_revoting: false,
            execution_delay_seconds: delay,
            execution_window_seconds: window,
            proposal_deposit: self.deposit.clone(),
            min_proposer_power: Uint128::new(self.min_proposer_power),
            voter_rewards: self.rewards.clone(),
            max_actions: 10,
            guardian: self.guardian.as_ref().map(|g| api.addr_make(g).to_string()),
        }
    }

    pub fn build(self) -> Suite {
        let mut app = App::default();
        let api = *app.api();
        let wallets = self.wallets.clone();
        let providers = self.providers.clone();
        app.init_modules(|router, _, storage| -> AnyResult<()> {
            for (name, funds) in &wallets {
                router
                    .bank
                    .init_balance(storage, &api.addr_make(name), funds.clone())?;
            }
            for (name, stake) in &providers {
                router
                    .bank
                    .init_balance(storage, &api.addr_make(name), coins(*stake, STAKE))?;
            }
            Ok(())
        })
        .expect("wallets funded");
        let msg = self.bootstrap_msg(&mut app);
        let gov_code = app.store_code(governance_contract());
        let deployer = api.addr_make("deployer");
        let gov = app
            .instantiate_contract(gov_code, deployer, &msg, &[], "commons-governance", None)
            .expect("bootstrap succeeds");
        let config: ConfigResponse = app
            .wrap()
            .query_wasm_smart(&gov, &QueryMsg::Config {})
            .expect("config");
        let mut suite = Suite {
            app,
            token: config.token,
            treasury: config.treasury.expect("treasury created"),
            escrow: config.escrow.expect("escrow created"),
            gov,
        };
        for (name, stake) in providers {
            let register = EscrowMsg::RegisterProvider {
                metadata: ProviderMetadata {
                    name: name.clone(),
                    endpoint: format!("https://{name}.example"),
                    hardware: "gpu".into(),
                    region: "eu".into(),
                },
            };
            let escrow = suite.escrow.clone();
            suite
                .exec_funds(&name, &escrow, &register, coins(stake, STAKE))
                .expect("provider registers");
        }
        // one block passes, so genesis balances count at the next snapshot
        suite.wait(5);
        suite
    }
}

/// A bootstrapped DAO: governance, token, treasury and escrow.
pub struct Suite {
    pub app: App,
    pub gov: Addr,
    pub token: Addr,
    pub treasury: Addr,
    pub escrow: Addr,
}

impl Suite {
    pub fn addr(&self, name: &str) -> Addr {
        self.app.api().addr_make(name)
    }

    pub fn now(&self) -> Timestamp {
        self.app.block_info().time
    }

    /// Next block, at `time` if it is later than now (else `now` stays).
    pub fn wait_until(&mut self, time: Timestamp) {
        let wait = time.seconds().saturating_sub(self.now().seconds());
        self.wait(wait);
        self.app.update_block(|b| b.time = b.time.max(time));
    }

    /// Next block, `seconds` later.
    pub fn wait(&mut self, seconds: u64) {
        self.app.update_block(|b| {
            b.height += 1;
            b.time = b.time.plus_seconds(seconds);
        });
    }

    pub fn exec(
        &mut self,
        sender: &str,
        contract: &Addr,
        msg: &(impl serde::Serialize + std::fmt::Debug),
    ) -> AnyResult<AppResponse> {
        self.exec_funds(sender, contract, msg, vec![])
    }

    pub fn exec_funds(
        &mut self,
        sender: &str,
        contract: &Addr,
        msg: &(impl serde::Serialize + std::fmt::Debug),
        funds: Vec<Coin>,
    ) -> AnyResult<AppResponse> {
        let sender = self.addr(sender);
        self.app
            .execute_contract(sender, contract.clone(), msg, &funds)
    }

    /// `who` proposes `actions`; returns the proposal id.
    pub fn propose(
        &mut self,
        who: &str,
        title: &str,
        actions: Vec<ProposalAction>,
    ) -> AnyResult<u64> {
        let gov = self.gov.clone();
        let msg = ExecuteMsg::Propose {
            title: title.into(),
            description: String::new(),
            actions,
        };
        let res = self.exec(who, &gov, &msg)?;
        let id = res
            .events
            .iter()
            .flat_map(|e| e.attributes.iter())
            .find(|a| a.key == "proposal_id")
            .map(|a| a.value.parse())
            .transpose()?
            .ok_or_else(|| anyhow::anyhow!("no proposal id"))?;
        Ok(id)
    }

    pub fn vote(&mut self, who: &str, proposal_id: u64, vote: Vote) -> AnyResult<AppResponse> {
        let gov = self.gov.clone();
        self.exec(
            who,
            &gov,
            &ExecuteMsg::Vote {
                proposal_id,
                vote,
                rationale: None,
            },
        )
    }

    pub fn proposal(&self, proposal_id: u64) -> ProposalResponse {
        self.app
            .wrap()
            .query_wasm_smart(&self.gov, &QueryMsg::Proposal { proposal_id })
            .expect("proposal exists")
    }

    /// Waits out the timelock of a passed proposal and executes it (as anyone).
    pub fn execute_when_ready(&mut self, proposal_id: u64) -> AnyResult<AppResponse> {
        let at = self
            .proposal(proposal_id)
            .executable_at
            .ok_or_else(|| anyhow::anyhow!("proposal {proposal_id} has not passed"))?;
        let wait = at.seconds().saturating_sub(self.now().seconds());
        self.wait(wait);
        let gov = self.gov.clone();
        self.exec("anyone", &gov, &ExecuteMsg::Execute { proposal_id })
    }

    /// What `claim_vote_rewards` would pay `voter` now for `proposal_ids`.
    pub fn pending_rewards(&self, voter: &str, proposal_ids: Vec<u64>) -> PendingRewardsResponse {
        let msg = QueryMsg::PendingVoteRewards {
            voter: self.addr(voter).to_string(),
            proposal_ids,
        };
        self.app
            .wrap()
            .query_wasm_smart(&self.gov, &msg)
            .expect("pending rewards")
    }

    /// Waits until the rewards of `proposal_id` can be claimed (the end of its reward period).
    pub fn wait_for_rewards(&mut self, proposal_id: u64) {
        let at = self.pending_rewards("anyone", vec![proposal_id]).rewards[0]
            .claimable_at
            .expect("the proposal was created under voter rewards");
        self.wait_until(at);
    }

    /// `voter` claims the rewards of `proposal_ids`; returns the amount minted as one grant.
    pub fn claim_rewards(&mut self, voter: &str, proposal_ids: Vec<u64>) -> AnyResult<u128> {
        let gov = self.gov.clone();
        let res = self.exec(voter, &gov, &ExecuteMsg::ClaimVoteRewards { proposal_ids })?;
        Ok(crate::attr(&res, "amount")
            .ok_or_else(|| anyhow::anyhow!("no amount"))?
            .parse()?)
    }

    pub fn token_balance(&self, who: &str) -> u128 {
        token_balance(&self.app, &self.token, &self.addr(who))
    }

    pub fn native_balance(&self, addr: &Addr, denom: &str) -> u128 {
        self.app
            .wrap()
            .query_balance(addr, denom)
            .expect("bank")
            .amount
            .u128()
    }

    pub fn assert_token_balance(&self, who: &str, expected: u128) {
        assert_eq!(self.token_balance(who), expected, "reward tokens of {who}");
    }

    pub fn assert_native(&self, addr: &Addr, denom: &str, expected: u128) {
        assert_eq!(
            self.native_balance(addr, denom),
            expected,
            "{denom} of {addr}"
        );
    }
}
