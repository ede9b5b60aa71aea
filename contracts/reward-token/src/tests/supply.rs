//! Lifetime cap and supply accounting.

use super::*;

#[test]
fn burned_tokens_do_not_free_cap_room() {
    let mut s = Suite::new();
    let (alice, bob, minter) = (s.addr("alice"), s.addr("bob"), s.minter.clone());
    s.exec_ok(
        &alice,
        &ExecuteMsg::Burn {
            amount: Uint128::new(1_000),
        },
    );
    let supply = s.supply();
    assert_eq!(supply.total_supply.u128(), 500);
    assert_eq!(supply.minted_total.u128(), 1_500);
    assert_eq!(supply.burned_total.u128(), 1_000);
    assert_eq!(supply.cap, Some(Uint128::new(CAP)));
    // cw20-base would allow minting 9_500 more here; the lifetime cap allows 8_500
    let err = s.exec_err(
        &minter,
        &ExecuteMsg::Mint {
            recipient: bob.to_string(),
            amount: Uint128::new(8_501),
        },
    );
    assert!(matches!(err, ContractError::CapExceeded { .. }));
    s.exec_ok(
        &minter,
        &ExecuteMsg::Mint {
            recipient: bob.to_string(),
            amount: Uint128::new(8_500),
        },
    );
    let supply = s.supply();
    assert_eq!(supply.minted_total.u128(), CAP);
    assert_eq!(supply.total_supply.u128(), CAP - 1_000);
}

#[test]
fn grants_count_in_supply_and_against_cap() {
    let mut s = Suite::new();
    let bob = s.addr("bob");
    s.mint_vesting(&bob, 8_000, s.schedule(), true).unwrap();
    let supply = s.supply();
    assert_eq!(supply.total_supply.u128(), 9_500);
    assert_eq!(supply.locked_total.u128(), 8_000);
    let info: cw20::TokenInfoResponse = s.query(&QueryMsg::TokenInfo {});
    assert_eq!(info.total_supply.u128(), 9_500);
    // liquid balance is unchanged: locked tokens are not transferable
    assert_eq!(s.balance(&bob), 500);
    let err = s.mint_vesting(&bob, 501, s.schedule(), true).unwrap_err();
    assert!(matches!(
        err.downcast::<ContractError>().unwrap(),
        ContractError::CapExceeded { .. }
    ));
}

#[test]
fn no_cap_means_unlimited_within_uint128() {
    let mut s = Suite::with(|m| m.mint.as_mut().unwrap().cap = None);
    let (bob, minter) = (s.addr("bob"), s.minter.clone());
    let big = Uint128::MAX - Uint128::new(1_500);
    s.exec_ok(
        &minter,
        &ExecuteMsg::Mint {
            recipient: bob.to_string(),
            amount: big,
        },
    );
    assert_eq!(s.supply().total_supply, Uint128::MAX);
    let err = s.exec_err(
        &minter,
        &ExecuteMsg::Mint {
            recipient: bob.to_string(),
            amount: Uint128::new(1),
        },
    );
    assert_eq!(err, ContractError::SupplyOverflow);
}

#[test]
fn events_name_action_and_amounts() {
    let mut s = Suite::new();
    let (bob, minter) = (s.addr("bob"), s.minter.clone());
    let res = s.mint_vesting(&bob, 10, s.schedule(), true).unwrap();
    assert_eq!(attr(&res, "action").as_deref(), Some("mint_vesting"));
    assert_eq!(attr(&res, "grant_id").as_deref(), Some("1"));
    assert_eq!(attr(&res, "amount").as_deref(), Some("10"));
    let res = s.exec_ok(
        &bob,
        &ExecuteMsg::Burn {
            amount: Uint128::new(5),
        },
    );
    assert_eq!(attr(&res, "action").as_deref(), Some("burn"));
    assert_eq!(attr(&res, "amount").as_deref(), Some("5"));
    let res = s.exec_ok(
        &minter,
        &ExecuteMsg::RevokeVesting {
            recipient: bob.to_string(),
            grant_id: 1,
        },
    );
    assert_eq!(attr(&res, "action").as_deref(), Some("revoke_vesting"));
    assert_eq!(attr(&res, "burned").as_deref(), Some("10"));
}
