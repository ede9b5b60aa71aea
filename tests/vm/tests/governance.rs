//! The governance and reward-token artifacts together in the real VM: propose, vote, timelock,
//! execute (actions routed to the token), atomic failure, cw20 deposits, voter rewards.

use commons::governance::{
    DepositConfigUnchecked, ExecuteMsg, InstantiateMsg, ProposalAction, ProposalResponse, QueryMsg,
    ReceiveMsg, RefundPolicy, RewardVesting, Status, Vote, VoterRewardsConfig,
};
use commons::reward_token::{
    ExecuteMsg as TokenMsg, InstantiateMsg as TokenInit, MinterInfo, QueryMsg as TokenQuery,
    VestingResponse,
};
use commons::AssetInfoUnchecked;
use commons_vm_tests::{artifact, Chain};
use cosmwasm_std::{to_json_binary, Decimal, Uint128};
use cw20::{BalanceResponse, Cw20Coin};
use cw_utils::Threshold;

struct Dao {
    chain: Chain,
    token: String,
    gov: String,
}

fn setup() -> Dao {
    let chain = Chain::new();
    let admin = chain.addr("admin");
    let token_init = TokenInit {
        name: "Commons".into(),
        symbol: "CMN".into(),
        decimals: 6,
        initial_balances: [("alice", 400u128), ("bob", 300), ("carol", 300)]
            .iter()
            .map(|(m, a)| Cw20Coin {
                address: chain.addr(m),
                amount: Uint128::new(*a),
            })
            .collect(),
        mint: Some(MinterInfo {
            minter: admin.clone(),
            cap: None,
            mint_limit: None,
        }),
        marketing: None,
        vesting_counts_for_voting: true,
        change_delay_seconds: None,
    };
    let (token, _) = chain
        .instantiate(
            &artifact("commons-reward-token"),
            "token",
            &admin,
            &token_init,
        )
        .unwrap();
    let msg = InstantiateMsg {
        token: Some(token.clone()),
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
        proposal_deposit: Some(DepositConfigUnchecked {
            asset_info: AssetInfoUnchecked::Cw20(token.clone()),
            amount: Uint128::new(10),
            refund: RefundPolicy::OnlyPassed,
        }),
        min_proposer_power: Uint128::new(1),
        voter_rewards: Some(VoterRewardsConfig {
            pool_per_period: Uint128::new(700),
            period_seconds: 86_400,
            vesting: RewardVesting {
                cliff_seconds: 0,
                duration_seconds: 1_000,
            },
            min_turnout: Decimal::percent(10),
        }),
        max_actions: 10,
        guardian: None,
    };
    let (gov, out) = chain
        .instantiate(&artifact("commons-governance"), "gov", &admin, &msg)
        .unwrap();
    println!("gas governance instantiate: {}", out.gas);
    chain
        .execute(
            &admin,
            &token,
            &TokenMsg::UpdateMinter {
                new_minter: Some(gov.clone()),
            },
            vec![],
        )
        .unwrap();
    chain.next_block(5);
    Dao { chain, token, gov }
}

impl Dao {
    fn propose(&self, who: &str, actions: Vec<ProposalAction>) -> Result<u64, String> {
        let msg = ReceiveMsg::Propose {
            title: "VM proposal".into(),
            description: String::new(),
            actions,
        };
        let send = TokenMsg::Send {
            contract: self.gov.clone(),
            amount: Uint128::new(10),
            msg: to_json_binary(&msg).unwrap(),
        };
        let out = self
            .chain
            .execute(&self.chain.addr(who), &self.token, &send, vec![])?;
        Ok(out.attr("proposal_id").unwrap().parse().unwrap())
    }

    fn vote(&self, who: &str, id: u64, vote: Vote) -> u64 {
        let msg = ExecuteMsg::Vote {
            proposal_id: id,
            vote,
            rationale: None,
        };
        self.chain
            .execute(&self.chain.addr(who), &self.gov, &msg, vec![])
            .unwrap()
            .gas
    }

    fn proposal(&self, id: u64) -> ProposalResponse {
        self.chain
            .query(&self.gov, &QueryMsg::Proposal { proposal_id: id })
            .unwrap()
    }

    fn balance(&self, who: &str) -> u128 {
        let res: BalanceResponse = self
            .chain
            .query(
                &self.token,
                &TokenQuery::Balance {
                    address: self.chain.addr(who),
                },
            )
            .unwrap();
        res.balance.u128()
    }

    fn wait_until_executable(&self, id: u64) {
        let at = self.proposal(id).executable_at.unwrap();
        let now = self.chain.time().seconds();
        self.chain.next_block(at.seconds() - now);
    }
}

fn mint(dao: &Dao, to: &str, amount: u128) -> ProposalAction {
    ProposalAction::TokenMint {
        recipient: dao.chain.addr(to),
        amount: Uint128::new(amount),
    }
}

#[test]
fn propose_vote_execute_and_reward() {
    let dao = setup();
    let id = dao.propose("alice", vec![mint(&dao, "eve", 25)]).unwrap();
    assert_eq!(dao.balance("alice"), 390);
    dao.chain.next_block(5);
    println!("gas governance vote: {}", dao.vote("alice", id, Vote::Yes));
    dao.vote("bob", id, Vote::Yes);
    assert_eq!(dao.proposal(id).status, Status::Passed);

    let early = dao.chain.execute(
        &dao.chain.addr("anyone"),
        &dao.gov,
        &ExecuteMsg::Execute { proposal_id: id },
        vec![],
    );
    assert!(early.unwrap_err().contains("timelock"));
    dao.wait_until_executable(id);
    let out = dao
        .chain
        .execute(
            &dao.chain.addr("anyone"),
            &dao.gov,
            &ExecuteMsg::Execute { proposal_id: id },
            vec![],
        )
        .unwrap();
    println!("gas governance execute: {}", out.gas);
    assert_eq!(dao.proposal(id).status, Status::Executed);
    assert_eq!(dao.balance("eve"), 25);
    // only_passed: the deposit came back
    assert_eq!(dao.balance("alice"), 400);

    let claim = ExecuteMsg::ClaimVoteRewards {
        proposal_ids: vec![id],
    };
    // claims open when the period the proposal was created in has ended
    let alice = dao.chain.addr("alice");
    let early = dao.chain.execute(&alice, &dao.gov, &claim, vec![]);
    assert!(early.unwrap_err().contains("nothing to claim"));
    let created = dao.proposal(id).created_at.seconds();
    let configured = created - 5; // the proposal came one 5 s block after instantiation
    let now = dao.chain.time().seconds();
    dao.chain.next_block(configured + 86_400 - now);
    let out = dao.chain.execute(&alice, &dao.gov, &claim, vec![]).unwrap();
    println!("gas governance claim_vote_rewards: {}", out.gas);
    // the period's only proposal: 700 * 400 power / 1,000 total power at its snapshot
    assert_eq!(dao.proposal(id).total_power.u128(), 1_000);
    assert_eq!(out.attr("amount").as_deref(), Some("280"));
    let v: VestingResponse = dao
        .chain
        .query(
            &dao.token,
            &TokenQuery::Vesting {
                address: dao.chain.addr("alice"),
                start_after: None,
                limit: None,
            },
        )
        .unwrap();
    assert_eq!(v.locked.u128(), 280);
    let again = dao.chain.execute(
        &dao.chain.addr("alice"),
        &dao.gov,
        &ExecuteMsg::ClaimVoteRewards {
            proposal_ids: vec![id],
        },
        vec![],
    );
    // a second claim earns nothing
    assert!(again.unwrap_err().contains("nothing to claim"));
}

#[test]
fn failing_action_reverts_everything() {
    let dao = setup();
    let eve = dao.chain.addr("eve");
    let actions = vec![
        mint(&dao, "eve", 25),
        ProposalAction::TokenRevokeVesting {
            recipient: eve,
            grant_id: 42,
        },
    ];
    let id = dao.propose("alice", actions).unwrap();
    dao.chain.next_block(5);
    dao.vote("alice", id, Vote::Yes);
    dao.vote("bob", id, Vote::Yes);
    dao.wait_until_executable(id);
    dao.chain
        .execute(
            &dao.chain.addr("anyone"),
            &dao.gov,
            &ExecuteMsg::Execute { proposal_id: id },
            vec![],
        )
        .unwrap();
    let p = dao.proposal(id);
    assert_eq!(p.status, Status::ExecutionFailed);
    assert!(p.execution_error.unwrap().contains("42"));
    assert_eq!(dao.balance("eve"), 0);
}

#[test]
fn vetoed_deposit_is_burned() {
    let dao = setup();
    let id = dao.propose("carol", vec![]).unwrap();
    dao.chain.next_block(5);
    dao.vote("alice", id, Vote::Veto);
    assert_eq!(dao.proposal(id).status, Status::Vetoed);
    let out = dao
        .chain
        .execute(
            &dao.chain.addr("anyone"),
            &dao.gov,
            &ExecuteMsg::Close { proposal_id: id },
            vec![],
        )
        .unwrap();
    assert_eq!(out.attr("deposit").as_deref(), Some("burned"));
    let supply: commons::reward_token::SupplyResponse =
        dao.chain.query(&dao.token, &TokenQuery::Supply {}).unwrap();
    assert_eq!(supply.burned_total.u128(), 10);
    assert_eq!(dao.balance("carol"), 290);
}
