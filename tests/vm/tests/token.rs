//! The reward-token artifact in the real VM: cw20 flows, vesting, delegation, snapshots.

use commons::reward_token::{
    ExecuteMsg, InstantiateMsg, MinterInfo, QueryMsg, SupplyResponse, VestingResponse,
    VotingPowerAtHeightResponse,
};
use commons::vesting::VestingSchedule;
use commons_vm_tests::{artifact, Chain};
use cosmwasm_std::Uint128;
use cw20::{BalanceResponse, Cw20Coin};

fn setup() -> (Chain, String) {
    let chain = Chain::new();
    let msg = InstantiateMsg {
        name: "Commons".into(),
        symbol: "CMN".into(),
        decimals: 6,
        initial_balances: vec![
            Cw20Coin {
                address: chain.addr("alice"),
                amount: Uint128::new(1_000),
            },
            Cw20Coin {
                address: chain.addr("bob"),
                amount: Uint128::new(500),
            },
        ],
        mint: Some(MinterInfo {
            minter: chain.addr("minter"),
            cap: Some(Uint128::new(10_000)),
            mint_limit: None,
        }),
        marketing: None,
        vesting_counts_for_voting: true,
        change_delay_seconds: None,
    };
    let (token, outcome) = chain
        .instantiate(
            &artifact("commons-reward-token"),
            "token",
            &chain.addr("minter"),
            &msg,
        )
        .unwrap();
    println!("gas token instantiate: {}", outcome.gas);
    chain.next_block(5);
    (chain, token)
}

fn balance(chain: &Chain, token: &str, who: &str) -> u128 {
    let res: BalanceResponse = chain
        .query(
            token,
            &QueryMsg::Balance {
                address: chain.addr(who),
            },
        )
        .unwrap();
    res.balance.u128()
}

fn power(chain: &Chain, token: &str, who: &str, height: Option<u64>) -> u128 {
    let res: VotingPowerAtHeightResponse = chain
        .query(
            token,
            &QueryMsg::VotingPowerAtHeight {
                address: chain.addr(who),
                height,
            },
        )
        .unwrap();
    res.power.u128()
}

#[test]
fn transfer_burn_mint_and_snapshots() {
    let (chain, token) = setup();
    let (alice, minter) = (chain.addr("alice"), chain.addr("minter"));
    let h = chain.height();
    let out = chain
        .execute(
            &alice,
            &token,
            &ExecuteMsg::Transfer {
                recipient: chain.addr("carol"),
                amount: Uint128::new(100),
            },
            vec![],
        )
        .unwrap();
    println!("gas token transfer: {}", out.gas);
    assert_eq!(out.attr("action").as_deref(), Some("transfer"));
    let out = chain
        .execute(
            &alice,
            &token,
            &ExecuteMsg::Burn {
                amount: Uint128::new(50),
            },
            vec![],
        )
        .unwrap();
    println!("gas token burn: {}", out.gas);
    let out = chain
        .execute(
            &minter,
            &token,
            &ExecuteMsg::Mint {
                recipient: chain.addr("dave"),
                amount: Uint128::new(70),
            },
            vec![],
        )
        .unwrap();
    println!("gas token mint: {}", out.gas);
    assert_eq!(balance(&chain, &token, "alice"), 850);
    assert_eq!(balance(&chain, &token, "carol"), 100);
    assert_eq!(balance(&chain, &token, "dave"), 70);
    chain.next_block(5);
    // the changes made in block h show from h + 1
    assert_eq!(power(&chain, &token, "alice", Some(h)), 1_000);
    assert_eq!(power(&chain, &token, "alice", Some(h + 1)), 850);
    let supply: SupplyResponse = chain.query(&token, &QueryMsg::Supply {}).unwrap();
    assert_eq!(
        (
            supply.total_supply.u128(),
            supply.minted_total.u128(),
            supply.burned_total.u128()
        ),
        (1_520, 1_570, 50)
    );
    // errors come back from the binary too
    let err = chain
        .execute(
            &alice,
            &token,
            &ExecuteMsg::Transfer {
                recipient: chain.addr("bob"),
                amount: Uint128::new(10_000),
            },
            vec![],
        )
        .unwrap_err();
    assert!(err.contains("insufficient balance"), "{err}");
    let err = chain
        .execute(
            &minter,
            &token,
            &ExecuteMsg::Mint {
                recipient: chain.addr("bob"),
                amount: Uint128::new(9_000),
            },
            vec![],
        )
        .unwrap_err();
    assert!(err.contains("lifetime cap"), "{err}");
}

#[test]
fn vesting_and_delegation() {
    let (chain, token) = setup();
    let (minter, carol, alice) = (
        chain.addr("minter"),
        chain.addr("carol"),
        chain.addr("alice"),
    );
    let schedule = VestingSchedule {
        start_time: to_std(chain.time()),
        cliff_seconds: 0,
        duration_seconds: 1_000,
    };
    let out = chain
        .execute(
            &minter,
            &token,
            &ExecuteMsg::MintVesting {
                recipient: carol.clone(),
                amount: Uint128::new(1_000),
                schedule,
                revocable: true,
            },
            vec![],
        )
        .unwrap();
    println!("gas token mint_vesting: {}", out.gas);
    chain.next_block(400);
    let out = chain
        .execute(
            &carol,
            &token,
            &ExecuteMsg::ClaimVested { grant_ids: None },
            vec![],
        )
        .unwrap();
    println!("gas token claim_vested: {}", out.gas);
    assert_eq!(balance(&chain, &token, "carol"), 400);
    let v: VestingResponse = chain
        .query(
            &token,
            &QueryMsg::Vesting {
                address: carol.clone(),
                start_after: None,
                limit: None,
            },
        )
        .unwrap();
    assert_eq!(v.locked.u128(), 600);

    let out = chain
        .execute(
            &alice,
            &token,
            &ExecuteMsg::Delegate {
                delegatee: carol.clone(),
            },
            vec![],
        )
        .unwrap();
    println!("gas token delegate: {}", out.gas);
    assert_eq!(power(&chain, &token, "carol", None), 2_000);
    assert_eq!(power(&chain, &token, "alice", None), 0);
    let out = chain
        .execute(
            &minter,
            &token,
            &ExecuteMsg::RevokeVesting {
                recipient: carol.clone(),
                grant_id: 1,
            },
            vec![],
        )
        .unwrap();
    assert_eq!(out.attr("burned").as_deref(), Some("600"));
    assert_eq!(power(&chain, &token, "carol", None), 1_400);
}

pub fn to_std(t: cosmwasm_std_vm::Timestamp) -> cosmwasm_std::Timestamp {
    cosmwasm_std::Timestamp::from_nanos(t.nanos())
}
