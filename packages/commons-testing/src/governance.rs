//! Governance in multi-test.

use anyhow::Result as AnyResult;
use commons::governance::{
    DepositConfigUnchecked, InstantiateMsg, ProposalResponse, QueryMsg, VoterRewardsConfig,
};
use cosmwasm_std::{Addr, Decimal, Empty, Uint128};
use cw_multi_test::{App, Contract};
use cw_utils::Threshold;

/// The governance contract, for `App::store_code`.
pub fn governance_contract() -> Box<dyn Contract<Empty>> {
    crate::contract_of!(commons_governance::contract, reply)
}

/// Builds governance over an existing token: a 1000 s vote, 50% absolute threshold, 100 s
/// timelock and 1000 s execution window unless changed with the `with_*` setters.
pub struct GovernanceBuilder {
    msg: InstantiateMsg,
}

impl GovernanceBuilder {
    pub fn new(token: &Addr) -> Self {
        GovernanceBuilder {
            msg: InstantiateMsg {
                token: Some(token.to_string()),
                suite: None,
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
                min_proposer_power: Uint128::zero(),
                voter_rewards: None,
                max_actions: 10,
                guardian: None,
            },
        }
    }

    pub fn with_threshold(mut self, threshold: Threshold) -> Self {
        self.msg.threshold = threshold;
        self
    }

    pub fn with_periods(mut self, voting: u64, delay: u64, window: u64) -> Self {
        self.msg.voting_period_seconds = voting;
        self.msg.execution_delay_seconds = delay;
        self.msg.execution_window_seconds = window;
        self
    }

    pub fn with_treasury(mut self, treasury: &Addr) -> Self {
        self.msg.treasury = Some(treasury.to_string());
        self
    }

    pub fn with_escrow(mut self, escrow: &Addr) -> Self {
        self.msg.escrow = Some(escrow.to_string());
        self
    }

    pub fn with_deposit(mut self, deposit: DepositConfigUnchecked) -> Self {
        self.msg.proposal_deposit = Some(deposit);
        self
    }

    pub fn with_rewards(mut self, rewards: VoterRewardsConfig) -> Self {
        self.msg.voter_rewards = Some(rewards);
        self
    }

    pub fn with_revoting(mut self, allow: bool) -> Self {
        self.msg.allow_revoting = allow;
        self
    }

    /// Changes the message as built so far in a way no setter covers (a test's own voting
    /// rules, or values governance refuses).
    pub fn with_msg(mut self, change: impl FnOnce(&mut InstantiateMsg)) -> Self {
        change(&mut self.msg);
        self
    }

    pub fn msg(&self) -> &InstantiateMsg {
        &self.msg
    }

    /// Stores the code and instantiates governance, with `admin` as sender and wasm admin.
    pub fn instantiate(self, app: &mut App, admin: &Addr) -> AnyResult<Addr> {
        self.instantiate_with(app, governance_contract(), admin)
    }

    /// Like [`Self::instantiate`], from `code`: governance's own tests pass their entry points,
    /// so the errors they downcast are of the crate under test.
    pub fn instantiate_with(
        self,
        app: &mut App,
        code: Box<dyn Contract<Empty>>,
        admin: &Addr,
    ) -> AnyResult<Addr> {
        crate::instantiate_code(app, code, admin, &self.msg, "commons-governance")
    }
}

/// A proposal as governance reports it now.
pub fn proposal(app: &App, governance: &Addr, proposal_id: u64) -> AnyResult<ProposalResponse> {
    Ok(app
        .wrap()
        .query_wasm_smart(governance, &QueryMsg::Proposal { proposal_id })?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::TokenBuilder;
    use commons::governance::{ExecuteMsg, Status};
    use cw_multi_test::Executor;

    #[test]
    fn builds_working_governance() {
        let mut app = App::default();
        let admin = app.api().addr_make("admin");
        let alice = app.api().addr_make("alice");
        let token = TokenBuilder::new(&admin)
            .with_balance(&alice, 100)
            .instantiate(&mut app, &admin)
            .unwrap();
        let gov = GovernanceBuilder::new(&token)
            .instantiate(&mut app, &admin)
            .unwrap();
        app.update_block(|b| b.height += 1);
        app.execute_contract(
            alice,
            gov.clone(),
            &ExecuteMsg::Propose {
                title: "first".into(),
                description: String::new(),
                actions: vec![],
            },
            &[],
        )
        .unwrap();
        let p = proposal(&app, &gov, 1).unwrap();
        assert_eq!((p.status, p.total_power.u128()), (Status::Open, 100));
    }
}
