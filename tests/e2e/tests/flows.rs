//! The flows of the specification, across all four contracts, through wire messages only.

use commons::asset::{AssetInfoUnchecked, AssetUnchecked};
use commons::governance::{
    DepositChange, DepositConfigUnchecked, ProposalAction, ReceiveMsg, RefundPolicy, RewardVesting,
    Status, UpdateConfigMsg, Vote, VoterRewardsConfig,
};
use commons::reward_token::{
    ExecuteMsg as TokenMsg, QueryMsg as TokenQuery, SupplyResponse, VestingResponse,
};
use commons::treasury::ExecuteMsg as TreasuryMsg;
use commons_testing::suite::{Suite, SuiteBuilder, PAY};
use cosmwasm_std::{coins, to_json_binary, Decimal, Uint128};

fn rewards() -> VoterRewardsConfig {
    VoterRewardsConfig {
        pool_per_period: Uint128::new(1_000),
        period_seconds: 86_400,
        vesting: RewardVesting {
            cliff_seconds: 0,
            duration_seconds: 1_000,
        },
        min_turnout: Decimal::percent(20),
    }
}

fn supply(s: &Suite) -> SupplyResponse {
    s.app
        .wrap()
        .query_wasm_smart(&s.token, &TokenQuery::Supply {})
        .unwrap()
}

/// Flow 2: a member proposes a treasury spend; members vote; it passes, waits out the
/// timelock, executes; the treasury pays within its limit; voters claim vested rewards, and
/// later the vested part.
#[test]
fn treasury_spend_with_timelock_and_voter_rewards() {
    let mut s = SuiteBuilder::new()
        .with_member("alice", 600)
        .with_member("bob", 400)
        .with_wallet("donor", coins(10_000, PAY))
        .with_native_limit(2_000, 86_400)
        .with_rewards(rewards())
        .build();
    let treasury = s.treasury.clone();
    s.exec_funds(
        "donor",
        &treasury,
        &TreasuryMsg::Deposit {
            memo: Some("grant pool".into()),
        },
        coins(10_000, PAY),
    )
    .unwrap();
    s.assert_native(&treasury, PAY, 10_000);

    let grantee = s.addr("grantee");
    let spend = ProposalAction::TreasurySpend {
        recipient: grantee.to_string(),
        asset: AssetUnchecked {
            info: AssetInfoUnchecked::Native(PAY.into()),
            amount: Uint128::new(1_500),
        },
        memo: Some("research grant".into()),
    };
    let id = s.propose("alice", "Fund research", vec![spend]).unwrap();
    s.vote("alice", id, Vote::Yes).unwrap();
    s.vote("bob", id, Vote::No).unwrap();
    assert_eq!(s.proposal(id).status, Status::Passed);
    // the timelock holds it back until executable_at
    let gov = s.gov.clone();
    let early = s.exec(
        "anyone",
        &gov,
        &commons::governance::ExecuteMsg::Execute { proposal_id: id },
    );
    assert!(early.is_err());
    s.execute_when_ready(id).unwrap();
    assert_eq!(s.proposal(id).status, Status::Executed);
    s.assert_native(&grantee, PAY, 1_500);
    s.assert_native(&treasury, PAY, 8_500);

    // once the day's reward period is over, both voters claim: the period's one proposal takes
    // the whole pool, shared 600 / 400 by power
    s.wait_for_rewards(id);
    for (voter, reward) in [("alice", 600u128), ("bob", 400)] {
        s.exec(
            voter,
            &gov,
            &commons::governance::ExecuteMsg::ClaimVoteRewards {
                proposal_ids: vec![id],
            },
        )
        .unwrap();
        let v: VestingResponse = s
            .app
            .wrap()
            .query_wasm_smart(
                &s.token,
                &TokenQuery::Vesting {
                    address: s.addr(voter).to_string(),
                    start_after: None,
                    limit: None,
                },
            )
            .unwrap();
        assert_eq!(v.locked.u128(), reward);
    }
    assert_eq!(supply(&s).minted_total.u128(), 2_000);
    // half the vesting later, the vested half is claimed
    s.wait(500);
    let token = s.token.clone();
    s.exec("alice", &token, &TokenMsg::ClaimVested { grant_ids: None })
        .unwrap();
    s.assert_token_balance("alice", 600 + 300);
    s.assert_token_balance("bob", 400);
}

/// Flow 5: holders burn tokens (supply and the lifetime cap move as specified); a vetoed
/// proposal's deposit in the reward token is burned.
#[test]
fn burn_and_veto() {
    let mut s = SuiteBuilder::new()
        .with_member("alice", 600)
        .with_member("bob", 400)
        .with_token_cap(2_000)
        .build();
    let token = s.token.clone();
    s.exec(
        "bob",
        &token,
        &TokenMsg::Burn {
            amount: Uint128::new(100),
        },
    )
    .unwrap();
    let sup = supply(&s);
    assert_eq!(
        (
            sup.total_supply.u128(),
            sup.minted_total.u128(),
            sup.burned_total.u128(),
            sup.cap
        ),
        (900, 1_000, 100, Some(Uint128::new(2_000)))
    );

    // the DAO starts asking a 50-token deposit, never refunded when vetoed
    let deposit = UpdateConfigMsg {
        proposal_deposit: Some(DepositChange::Set(DepositConfigUnchecked {
            asset_info: AssetInfoUnchecked::Cw20(token.to_string()),
            amount: Uint128::new(50),
            refund: RefundPolicy::Always,
        })),
        ..UpdateConfigMsg::default()
    };
    let id = s
        .propose(
            "alice",
            "Require deposits",
            vec![ProposalAction::UpdateGovernanceConfig(Box::new(deposit))],
        )
        .unwrap();
    s.vote("alice", id, Vote::Yes).unwrap();
    // bob's 400 could still veto, so the outcome waits for him (or the end of voting)
    assert_eq!(s.proposal(id).status, Status::Open);
    s.vote("bob", id, Vote::No).unwrap();
    s.execute_when_ready(id).unwrap();

    // bob proposes with a deposit; alice vetoes
    let propose = ReceiveMsg::Propose {
        title: "Pay me".into(),
        description: String::new(),
        actions: vec![],
    };
    let send = TokenMsg::Send {
        contract: s.gov.to_string(),
        amount: Uint128::new(50),
        msg: to_json_binary(&propose).unwrap(),
    };
    let res = s.exec("bob", &token, &send).unwrap();
    let vetoed: u64 = res
        .events
        .iter()
        .flat_map(|e| e.attributes.iter())
        .find(|a| a.key == "proposal_id")
        .unwrap()
        .value
        .parse()
        .unwrap();
    s.assert_token_balance("bob", 250);
    s.wait(5);
    s.vote("alice", vetoed, Vote::Veto).unwrap();
    assert_eq!(s.proposal(vetoed).status, Status::Vetoed);
    let gov = s.gov.clone();
    s.exec(
        "anyone",
        &gov,
        &commons::governance::ExecuteMsg::Close {
            proposal_id: vetoed,
        },
    )
    .unwrap();
    s.assert_token_balance("bob", 250);
    let sup = supply(&s);
    assert_eq!(
        (sup.total_supply.u128(), sup.burned_total.u128()),
        (850, 150)
    );
    // burned tokens never come back under the cap: 1_000 more can be minted, not 1_150
    assert_eq!(sup.cap.unwrap() - sup.minted_total, Uint128::new(1_000));
}
