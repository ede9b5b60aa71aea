//! Multi-test tests of governance with the real reward-token contract.

mod actions;
mod bootstrap;
mod custody;
mod deposits;
mod errors;
mod escrow_actions;
mod escrow_client;
mod execution;
mod frozen;
mod guardian;
mod messages;
mod queries;
mod reward_doc;
mod reward_props;
mod reward_settings;
mod rewards;
mod snapshot;
mod strict_wire;
mod tally_props;
mod thresholds;
mod treasury_actions;
mod wire_fixtures;

use anyhow::Result as AnyResult;
use commons::governance::{
    ExecuteMsg, InstantiateMsg, ProposalAction, ProposalResponse, QueryMsg, Status, Vote,
};
use commons::reward_token::ExecuteMsg as TokenMsg;
use commons_testing::governance::GovernanceBuilder;
use commons_testing::token::{token_balance, TokenBuilder};
use commons_testing::treasury::TreasuryBuilder;
use cosmwasm_std::{Addr, Decimal, Empty, Timestamp, Uint128};
use cw_multi_test::{App, AppResponse, Executor};
use cw_utils::Threshold;

pub use commons_testing::attr;
pub use commons_testing::token::reward_token_contract as token_contract;

use crate::ContractError;

/// This crate's own build of governance (see `contract_of!`).
pub fn governance_contract() -> Box<dyn cw_multi_test::Contract<Empty>> {
    commons_testing::contract_of!(crate::contract, reply)
}

/// Spend limit of the test treasury, per asset and per 1000 s.
pub const TREASURY_LIMIT: u128 = 1_000;

pub const VOTING: u64 = 1_000;
pub const DELAY: u64 = 100;
pub const WINDOW: u64 = 500;

pub struct Suite {
    pub app: App,
    pub gov: Addr,
    pub token: Addr,
    pub treasury: Option<Addr>,
}

/// Members and their initial token balances.
pub const MEMBERS: [(&str, u128); 4] =
    [("alice", 400), ("bob", 300), ("carol", 200), ("dave", 100)];

/// Governance over `token`: 50% absolute, no deposit, no rewards, 10 actions, and the suite's
/// voting period, timelock and execution window.
pub fn builder(token: &Addr) -> GovernanceBuilder {
    GovernanceBuilder::new(token).with_periods(VOTING, DELAY, WINDOW)
}

/// The instantiate message of [`builder`].
pub fn base_msg(token: &Addr) -> InstantiateMsg {
    builder(token).msg().clone()
}

impl Suite {
    pub fn new() -> Self {
        Self::with(|_| {})
    }

    /// Token with MEMBERS' balances, then governance (as the token's minter) configured by
    /// `change`, then one block passes so the balances count at the next snapshot.
    pub fn with(change: impl FnOnce(&mut InstantiateMsg)) -> Self {
        let members = MEMBERS.iter().map(|(m, a)| (m.to_string(), *a)).collect();
        Self::build(members, change)
    }

    /// Like `with`, plus a real treasury owned by governance (limits of 1000 ucoin and 1000
    /// reward tokens per 1000 s), named in governance's configuration.
    pub fn with_treasury(change: impl FnOnce(&mut InstantiateMsg)) -> Self {
        let members = MEMBERS.iter().map(|(m, a)| (m.to_string(), *a)).collect();
        Self::build_full(members, true, change)
    }

    /// Like `with`, for any set of members and balances.
    pub fn build(members: Vec<(String, u128)>, change: impl FnOnce(&mut InstantiateMsg)) -> Self {
        Self::build_full(members, false, change)
    }

    fn build_full(
        members: Vec<(String, u128)>,
        with_treasury: bool,
        change: impl FnOnce(&mut InstantiateMsg),
    ) -> Self {
        let mut app = App::default();
        let admin = app.api().addr_make("admin");
        // The token is created with the admin as minter, handed to governance below.
        let token = members
            .iter()
            .fold(TokenBuilder::new(&admin), |t, (m, a)| {
                t.with_balance(&app.api().addr_make(m), *a)
            })
            .instantiate(&mut app, &admin)
            .unwrap();
        let treasury = with_treasury.then(|| {
            use commons::AssetInfoUnchecked::{Cw20, Native};
            TreasuryBuilder::new(&admin)
                .with_cw20(&token)
                .with_limit(Native("ucoin".into()), TREASURY_LIMIT, 1_000)
                .with_limit(Cw20(token.to_string()), TREASURY_LIMIT, 1_000)
                .with_change_delay(1_000)
                .instantiate(&mut app, &admin)
                .unwrap()
        });
        let mut gov = builder(&token);
        if let Some(treasury) = &treasury {
            gov = gov.with_treasury(treasury);
        }
        let gov = gov
            .with_msg(change)
            .instantiate_with(&mut app, governance_contract(), &admin)
            .unwrap();
        if let Some(treasury) = &treasury {
            use commons::treasury::ExecuteMsg as T;
            let propose = T::ProposeOwner {
                new_owner: gov.to_string(),
            };
            app.execute_contract(admin.clone(), treasury.clone(), &propose, &[])
                .unwrap();
            // governance accepts once the treasury's change delay has passed (on a chain: the
            // suite bootstrap makes governance the owner from the start)
            app.update_block(|b| b.time = b.time.plus_seconds(1_000));
            app.execute_contract(gov.clone(), treasury.clone(), &T::AcceptOwner {}, &[])
                .unwrap();
        }
        app.execute_contract(
            admin,
            token.clone(),
            &TokenMsg::UpdateMinter {
                new_minter: Some(gov.to_string()),
            },
            &[],
        )
        .unwrap();
        let mut s = Suite {
            app,
            gov,
            token,
            treasury,
        };
        s.next_block(5);
        s
    }

    pub fn addr(&self, name: &str) -> Addr {
        self.app.api().addr_make(name)
    }

    pub fn exec(&mut self, sender: &str, msg: &ExecuteMsg) -> AnyResult<AppResponse> {
        let sender = self.addr(sender);
        self.app
            .execute_contract(sender, self.gov.clone(), msg, &[])
    }

    pub fn exec_err(&mut self, sender: &str, msg: &ExecuteMsg) -> ContractError {
        self.exec(sender, msg)
            .unwrap_err()
            .downcast::<ContractError>()
            .unwrap()
    }

    pub fn propose(&mut self, sender: &str, actions: Vec<ProposalAction>) -> AnyResult<u64> {
        self.propose_paying(sender, actions, &[])
    }

    /// A proposal sent with `funds` (a native deposit, or funds governance must refuse).
    pub fn propose_paying(
        &mut self,
        sender: &str,
        actions: Vec<ProposalAction>,
        funds: &[cosmwasm_std::Coin],
    ) -> AnyResult<u64> {
        let msg = ExecuteMsg::Propose {
            title: "A proposal".into(),
            description: "Does things".into(),
            actions,
        };
        let sender = self.addr(sender);
        let res = self
            .app
            .execute_contract(sender, self.gov.clone(), &msg, funds)?;
        Ok(attr(&res, "proposal_id").unwrap().parse()?)
    }

    /// What `who` holds of `ucoin`, the native coin these tests pay deposits and spends in.
    pub fn ucoin(&self, who: &Addr) -> u128 {
        self.app
            .wrap()
            .query_balance(who, "ucoin")
            .unwrap()
            .amount
            .u128()
    }

    pub fn vote(&mut self, voter: &str, id: u64, vote: Vote) -> AnyResult<AppResponse> {
        self.exec(
            voter,
            &ExecuteMsg::Vote {
                proposal_id: id,
                vote,
                rationale: None,
            },
        )
    }

    pub fn execute_proposal(&mut self, id: u64) -> AnyResult<AppResponse> {
        self.exec("anyone", &ExecuteMsg::Execute { proposal_id: id })
    }

    pub fn proposal(&self, id: u64) -> ProposalResponse {
        self.app
            .wrap()
            .query_wasm_smart(self.gov.clone(), &QueryMsg::Proposal { proposal_id: id })
            .unwrap()
    }

    pub fn status(&self, id: u64) -> Status {
        self.proposal(id).status
    }

    pub fn next_block(&mut self, seconds: u64) {
        commons_testing::next_block(&mut self.app, seconds);
    }

    /// Moves to block time `t` (one block later).
    pub fn go_to(&mut self, t: Timestamp) {
        self.app.update_block(|b| {
            b.height += 1;
            b.time = t;
        });
    }

    pub fn token_exec(&mut self, sender: &str, msg: &TokenMsg) -> AnyResult<AppResponse> {
        let sender = self.addr(sender);
        self.app
            .execute_contract(sender, self.token.clone(), msg, &[])
    }

    pub fn balance(&self, who: &Addr) -> u128 {
        token_balance(&self.app, &self.token, who)
    }

    /// Passes proposal `id` (alice + bob vote yes: 700 of 1000) and returns when it becomes
    /// executable.
    pub fn pass(&mut self, id: u64) -> Timestamp {
        self.vote("alice", id, Vote::Yes).unwrap();
        self.vote("bob", id, Vote::Yes).unwrap();
        let p = self.proposal(id);
        assert_eq!(p.status, Status::Passed);
        p.executable_at.unwrap()
    }
}

pub fn mint_action(s: &Suite, to: &str, amount: u128) -> ProposalAction {
    ProposalAction::TokenMint {
        recipient: s.addr(to).to_string(),
        amount: Uint128::new(amount),
    }
}
