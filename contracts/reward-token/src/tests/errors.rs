//! Bad input on execute: each gets its specific error and changes nothing.

use super::*;
use commons::pagination::ListError;
use commons::vesting::ScheduleError;
use cosmwasm_std::coins;
use cw20::Expiration;
use cw_utils::PaymentError;

/// Balances and supply of the default suite, to show a failed message changed nothing.
fn snapshot(s: &Suite) -> (u128, u128, SupplyResponse, u128) {
    (
        s.balance(&s.addr("alice")),
        s.balance(&s.addr("bob")),
        s.supply(),
        s.total_power(None),
    )
}

#[test]
fn invalid_and_uppercase_addresses() {
    let mut s = Suite::new();
    let alice = s.addr("alice");
    let before = snapshot(&s);
    for bad in [
        "not-an-address".to_string(),
        s.addr("carol").to_string().to_uppercase(),
        String::new(),
    ] {
        let err = s.exec_err(
            &alice,
            &ExecuteMsg::Transfer {
                recipient: bad.clone(),
                amount: Uint128::new(1),
            },
        );
        assert!(
            matches!(&err, ContractError::InvalidAddress(e) if e.address == bad),
            "{err:?}"
        );
        let minter = s.minter.clone();
        let err = s.exec_err(
            &minter,
            &ExecuteMsg::Mint {
                recipient: bad.clone(),
                amount: Uint128::new(1),
            },
        );
        assert!(matches!(err, ContractError::InvalidAddress { .. }));
        let err = s.exec_err(&alice, &ExecuteMsg::Delegate { delegatee: bad });
        assert!(matches!(err, ContractError::InvalidAddress { .. }));
    }
    assert_eq!(snapshot(&s), before);
}

#[test]
fn zero_amounts() {
    let mut s = Suite::new();
    let (alice, bob, minter) = (s.addr("alice"), s.addr("bob"), s.minter.clone());
    let before = snapshot(&s);
    let zero = Uint128::zero();
    let msgs = [
        (
            alice.clone(),
            ExecuteMsg::Transfer {
                recipient: bob.to_string(),
                amount: zero,
            },
        ),
        (alice.clone(), ExecuteMsg::Burn { amount: zero }),
        (
            alice.clone(),
            ExecuteMsg::Send {
                contract: bob.to_string(),
                amount: zero,
                msg: Binary::default(),
            },
        ),
        (
            minter.clone(),
            ExecuteMsg::Mint {
                recipient: bob.to_string(),
                amount: zero,
            },
        ),
    ];
    for (sender, msg) in msgs {
        assert_eq!(s.exec_err(&sender, &msg), ContractError::InvalidZeroAmount);
    }
    let err = s.mint_vesting(&bob, 0, s.schedule(), true).unwrap_err();
    assert_eq!(
        err.downcast::<ContractError>().unwrap(),
        ContractError::InvalidZeroAmount
    );
    assert_eq!(snapshot(&s), before);
}

#[test]
fn over_cap_mints() {
    let mut s = Suite::new();
    let (bob, minter) = (s.addr("bob"), s.minter.clone());
    let before = snapshot(&s);
    // 1_500 minted at instantiation; 8_501 more is one too many
    let err = s.exec_err(
        &minter,
        &ExecuteMsg::Mint {
            recipient: bob.to_string(),
            amount: Uint128::new(8_501),
        },
    );
    assert_eq!(
        err,
        ContractError::CapExceeded {
            cap: Uint128::new(CAP),
            minted_total: Uint128::new(1_500),
            requested: Uint128::new(8_501),
        }
    );
    let err = s
        .mint_vesting(&bob, 8_501, s.schedule(), false)
        .unwrap_err();
    assert!(matches!(
        err.downcast::<ContractError>().unwrap(),
        ContractError::CapExceeded { .. }
    ));
    assert_eq!(snapshot(&s), before);
    // exactly up to the cap is fine
    s.exec_ok(
        &minter,
        &ExecuteMsg::Mint {
            recipient: bob.to_string(),
            amount: Uint128::new(8_500),
        },
    );
    assert_eq!(s.supply().minted_total.u128(), CAP);
}

#[test]
fn non_minter_cannot_mint_grant_or_revoke() {
    let mut s = Suite::new();
    let (alice, bob) = (s.addr("alice"), s.addr("bob"));
    let schedule = s.schedule();
    let msgs = [
        (
            ExecuteMsg::Mint {
                recipient: bob.to_string(),
                amount: Uint128::new(1),
            },
            "mint",
        ),
        (
            ExecuteMsg::MintVesting {
                recipient: bob.to_string(),
                amount: Uint128::new(1),
                schedule,
                revocable: true,
            },
            "mint vesting grants",
        ),
        (
            ExecuteMsg::RevokeVesting {
                recipient: bob.to_string(),
                grant_id: 1,
            },
            "revoke vesting grants",
        ),
        (
            ExecuteMsg::UpdateMinter {
                new_minter: Some(alice.to_string()),
            },
            "update the minter",
        ),
    ];
    for (msg, action) in msgs {
        assert_eq!(
            s.exec_err(&alice, &msg),
            ContractError::NotMinter {
                action: action.into()
            }
        );
    }
}

#[test]
fn transfers_above_balance() {
    let mut s = Suite::new();
    let (alice, bob, carol) = (s.addr("alice"), s.addr("bob"), s.addr("carol"));
    let before = snapshot(&s);
    let want = ContractError::InsufficientBalance {
        balance: Uint128::new(1_000),
        requested: Uint128::new(1_001),
    };
    let amount = Uint128::new(1_001);
    assert_eq!(
        s.exec_err(
            &alice,
            &ExecuteMsg::Transfer {
                recipient: bob.to_string(),
                amount
            }
        ),
        want
    );
    assert_eq!(s.exec_err(&alice, &ExecuteMsg::Burn { amount }), want);
    assert_eq!(
        s.exec_err(
            &alice,
            &ExecuteMsg::Send {
                contract: bob.to_string(),
                amount,
                msg: Binary::default()
            }
        ),
        want
    );
    // an account with no balance at all
    assert_eq!(
        s.exec_err(
            &carol,
            &ExecuteMsg::Transfer {
                recipient: bob.to_string(),
                amount: Uint128::new(1)
            }
        ),
        ContractError::InsufficientBalance {
            balance: Uint128::zero(),
            requested: Uint128::new(1)
        }
    );
    assert_eq!(snapshot(&s), before);
}

#[test]
fn allowance_errors() {
    let mut s = Suite::new();
    let (alice, bob, spender) = (s.addr("alice"), s.addr("bob"), s.addr("spender"));
    let take = |amount: u128| ExecuteMsg::TransferFrom {
        owner: alice.to_string(),
        recipient: bob.to_string(),
        amount: Uint128::new(amount),
    };
    assert_eq!(
        s.exec_err(&spender, &take(1)),
        ContractError::NoAllowance {
            owner: alice.to_string(),
            spender: spender.to_string()
        }
    );
    let expires_at = s.height() + 2;
    s.exec_ok(
        &alice,
        &ExecuteMsg::IncreaseAllowance {
            spender: spender.to_string(),
            amount: Uint128::new(100),
            expires: Some(Expiration::AtHeight(expires_at)),
        },
    );
    assert_eq!(
        s.exec_err(&spender, &take(101)),
        ContractError::InsufficientAllowance {
            allowance: Uint128::new(100),
            requested: Uint128::new(101)
        }
    );
    s.next_block(5);
    s.exec_ok(&spender, &take(10)); // one block before expiry: fine
    s.next_block(5);
    let before = snapshot(&s);
    assert_eq!(
        s.exec_err(&spender, &take(1)),
        ContractError::AllowanceExpired {
            owner: alice.to_string(),
            spender: spender.to_string()
        }
    );
    let burn = ExecuteMsg::BurnFrom {
        owner: alice.to_string(),
        amount: Uint128::new(1),
    };
    assert!(matches!(
        s.exec_err(&spender, &burn),
        ContractError::AllowanceExpired { .. }
    ));
    assert_eq!(snapshot(&s), before);

    // an allowance that is already expired cannot be granted, nor one to oneself
    let err = s.exec_err(
        &alice,
        &ExecuteMsg::IncreaseAllowance {
            spender: spender.to_string(),
            amount: Uint128::new(1),
            expires: Some(Expiration::AtHeight(1)),
        },
    );
    assert_eq!(err, ContractError::InvalidExpiration);
    let err = s.exec_err(
        &alice,
        &ExecuteMsg::IncreaseAllowance {
            spender: alice.to_string(),
            amount: Uint128::new(1),
            expires: None,
        },
    );
    assert_eq!(err, ContractError::CannotSetOwnAccount);
}

#[test]
fn allowance_above_balance_fails_on_balance() {
    let mut s = Suite::new();
    let (bob, spender, carol) = (s.addr("bob"), s.addr("spender"), s.addr("carol"));
    s.exec_ok(
        &bob,
        &ExecuteMsg::IncreaseAllowance {
            spender: spender.to_string(),
            amount: Uint128::new(10_000),
            expires: None,
        },
    );
    let err = s.exec_err(
        &spender,
        &ExecuteMsg::TransferFrom {
            owner: bob.to_string(),
            recipient: carol.to_string(),
            amount: Uint128::new(501),
        },
    );
    assert_eq!(
        err,
        ContractError::InsufficientBalance {
            balance: Uint128::new(500),
            requested: Uint128::new(501)
        }
    );
    // and the allowance was not spent
    let a: cw20::AllowanceResponse = s.query(&QueryMsg::Allowance {
        owner: bob.to_string(),
        spender: spender.to_string(),
    });
    assert_eq!(a.allowance.u128(), 10_000);
}

#[test]
fn bad_vesting_schedules() {
    let mut s = Suite::new();
    let bob = s.addr("bob");
    let before = snapshot(&s);
    let mut zero = s.schedule();
    zero.duration_seconds = 0;
    zero.cliff_seconds = 0;
    let err = s.mint_vesting(&bob, 10, zero, true).unwrap_err();
    assert_eq!(
        err.downcast::<ContractError>().unwrap(),
        ContractError::Schedule(ScheduleError::ZeroDuration)
    );
    let mut cliff = s.schedule();
    cliff.cliff_seconds = cliff.duration_seconds + 1;
    let err = s.mint_vesting(&bob, 10, cliff, true).unwrap_err();
    assert_eq!(
        err.downcast::<ContractError>().unwrap(),
        ContractError::Schedule(ScheduleError::CliffBeyondDuration {
            cliff_seconds: 1_001,
            duration_seconds: 1_000
        })
    );
    assert_eq!(snapshot(&s), before);
}

#[test]
fn claims_and_revokes_that_do_not_apply() {
    let mut s = Suite::new();
    let (alice, bob, minter) = (s.addr("alice"), s.addr("bob"), s.minter.clone());
    assert_eq!(
        s.exec_err(&bob, &ExecuteMsg::ClaimVested { grant_ids: None }),
        ContractError::NothingToClaim
    );
    s.mint_vesting(&bob, 100, s.schedule(), false).unwrap(); // grant 1, not revocable
    s.mint_vesting(&alice, 100, s.schedule(), true).unwrap(); // grant 2, alice's
    s.next_block(99); // one second before the cliff
    let before = snapshot(&s);
    assert_eq!(
        s.exec_err(&bob, &ExecuteMsg::ClaimVested { grant_ids: None }),
        ContractError::NothingToClaim
    );
    assert_eq!(
        s.exec_err(
            &bob,
            &ExecuteMsg::ClaimVested {
                grant_ids: Some(vec![2])
            }
        ),
        ContractError::GrantNotFound {
            recipient: bob.to_string(),
            grant_id: 2
        }
    );
    assert_eq!(
        s.exec_err(
            &bob,
            &ExecuteMsg::ClaimVested {
                grant_ids: Some(vec![1, 1])
            }
        ),
        ContractError::List(ListError::Duplicate { item: "1".into() })
    );
    assert_eq!(
        s.exec_err(
            &bob,
            &ExecuteMsg::ClaimVested {
                grant_ids: Some((1..=31).collect())
            }
        ),
        ContractError::List(ListError::TooLong { len: 31, max: 30 })
    );
    assert_eq!(
        s.exec_err(
            &minter,
            &ExecuteMsg::RevokeVesting {
                recipient: bob.to_string(),
                grant_id: 1
            }
        ),
        ContractError::NotRevocable { grant_id: 1 }
    );
    // grant 2 belongs to alice, not bob
    assert_eq!(
        s.exec_err(
            &minter,
            &ExecuteMsg::RevokeVesting {
                recipient: bob.to_string(),
                grant_id: 2
            }
        ),
        ContractError::GrantNotFound {
            recipient: bob.to_string(),
            grant_id: 2
        }
    );
    s.exec_ok(
        &minter,
        &ExecuteMsg::RevokeVesting {
            recipient: alice.to_string(),
            grant_id: 2,
        },
    );
    assert_eq!(
        s.exec_err(
            &minter,
            &ExecuteMsg::RevokeVesting {
                recipient: alice.to_string(),
                grant_id: 2
            }
        ),
        ContractError::GrantNotFound {
            recipient: alice.to_string(),
            grant_id: 2
        }
    );
    let after = snapshot(&s);
    assert_eq!(after.0, before.0);
    assert_eq!(after.1, before.1);
}

#[test]
fn revoke_after_partial_claim_then_again() {
    let mut s = Suite::new();
    let (bob, minter) = (s.addr("bob"), s.minter.clone());
    s.mint_vesting(&bob, 1_000, s.schedule(), true).unwrap();
    s.next_block(500);
    s.exec_ok(&bob, &ExecuteMsg::ClaimVested { grant_ids: None });
    s.next_block(100);
    s.exec_ok(
        &minter,
        &ExecuteMsg::RevokeVesting {
            recipient: bob.to_string(),
            grant_id: 1,
        },
    );
    // 600 vested, 500 claimed: 100 still claimable, so the grant stays open and revoked
    assert_eq!(
        s.exec_err(
            &minter,
            &ExecuteMsg::RevokeVesting {
                recipient: bob.to_string(),
                grant_id: 1
            }
        ),
        ContractError::AlreadyRevoked { grant_id: 1 }
    );
}

#[test]
fn fully_vested_grants_cannot_be_revoked() {
    let mut s = Suite::new();
    let (bob, minter) = (s.addr("bob"), s.minter.clone());
    s.mint_vesting(&bob, 1_000, s.schedule(), true).unwrap();
    s.next_block(1_000);
    assert_eq!(
        s.exec_err(
            &minter,
            &ExecuteMsg::RevokeVesting {
                recipient: bob.to_string(),
                grant_id: 1
            }
        ),
        ContractError::FullyVested { grant_id: 1 }
    );
}

#[test]
fn delegation_errors() {
    let mut s = Suite::new();
    let (alice, bob) = (s.addr("alice"), s.addr("bob"));
    assert_eq!(
        s.exec_err(&alice, &ExecuteMsg::Undelegate {}),
        ContractError::NotDelegated
    );
    assert_eq!(
        s.exec_err(
            &alice,
            &ExecuteMsg::Delegate {
                delegatee: alice.to_string()
            }
        ),
        ContractError::AlreadyDelegated {
            delegatee: alice.to_string()
        }
    );
    s.exec_ok(
        &alice,
        &ExecuteMsg::Delegate {
            delegatee: bob.to_string(),
        },
    );
    assert_eq!(
        s.exec_err(
            &alice,
            &ExecuteMsg::Delegate {
                delegatee: bob.to_string()
            }
        ),
        ContractError::AlreadyDelegated {
            delegatee: bob.to_string()
        }
    );
}

#[test]
fn funds_are_refused_by_every_handler() {
    let mut s = Suite::new();
    let (alice, bob) = (s.addr("alice"), s.addr("bob"));
    s.app
        .init_modules(|router, _, storage| {
            router
                .bank
                .init_balance(storage, &alice, coins(1_000, "ucoin"))
        })
        .unwrap();
    let schedule = s.schedule();
    let one = Uint128::new(1);
    let msgs = vec![
        ExecuteMsg::Transfer {
            recipient: bob.to_string(),
            amount: one,
        },
        ExecuteMsg::Burn { amount: one },
        ExecuteMsg::Send {
            contract: bob.to_string(),
            amount: one,
            msg: Binary::default(),
        },
        ExecuteMsg::IncreaseAllowance {
            spender: bob.to_string(),
            amount: one,
            expires: None,
        },
        ExecuteMsg::DecreaseAllowance {
            spender: bob.to_string(),
            amount: one,
            expires: None,
        },
        ExecuteMsg::TransferFrom {
            owner: bob.to_string(),
            recipient: alice.to_string(),
            amount: one,
        },
        ExecuteMsg::SendFrom {
            owner: bob.to_string(),
            contract: alice.to_string(),
            amount: one,
            msg: Binary::default(),
        },
        ExecuteMsg::BurnFrom {
            owner: bob.to_string(),
            amount: one,
        },
        ExecuteMsg::Mint {
            recipient: bob.to_string(),
            amount: one,
        },
        ExecuteMsg::UpdateMinter { new_minter: None },
        ExecuteMsg::UpdateMarketing {
            project: None,
            description: None,
            marketing: None,
        },
        ExecuteMsg::UploadLogo(cw20::Logo::Url("https://x".into())),
        ExecuteMsg::MintVesting {
            recipient: bob.to_string(),
            amount: one,
            schedule,
            revocable: true,
        },
        ExecuteMsg::ClaimVested { grant_ids: None },
        ExecuteMsg::RevokeVesting {
            recipient: bob.to_string(),
            grant_id: 1,
        },
        ExecuteMsg::Delegate {
            delegatee: bob.to_string(),
        },
        ExecuteMsg::Undelegate {},
    ];
    let (token, funds) = (s.token.clone(), coins(5, "ucoin"));
    for (msg, err) in commons_testing::errors_with_funds(&mut s.app, &alice, &token, &msgs, &funds)
    {
        let err = err.downcast::<ContractError>().unwrap();
        assert_eq!(
            err,
            ContractError::Payment(PaymentError::NonPayable {}),
            "{msg}"
        );
    }
    assert_eq!(
        s.app
            .wrap()
            .query_balance(&alice, "ucoin")
            .unwrap()
            .amount
            .u128(),
        1_000
    );
}

#[test]
fn allowance_changes_that_do_not_apply() {
    let mut s = Suite::new();
    let (alice, spender) = (s.addr("alice"), s.addr("spender"));
    let before = snapshot(&s);
    let decrease = |amount: u128, expires: Option<Expiration>| ExecuteMsg::DecreaseAllowance {
        spender: spender.to_string(),
        amount: Uint128::new(amount),
        expires,
    };
    // nothing to decrease
    assert_eq!(
        s.exec_err(&alice, &decrease(1, None)),
        ContractError::NoAllowance {
            owner: alice.to_string(),
            spender: spender.to_string()
        }
    );
    s.exec_ok(
        &alice,
        &ExecuteMsg::IncreaseAllowance {
            spender: spender.to_string(),
            amount: Uint128::MAX,
            expires: None,
        },
    );
    // a partial decrease cannot set an expiry in the past
    assert_eq!(
        s.exec_err(&alice, &decrease(1, Some(Expiration::AtHeight(1)))),
        ContractError::InvalidExpiration
    );
    // nor can an allowance grow past the largest amount
    let err = s.exec_err(
        &alice,
        &ExecuteMsg::IncreaseAllowance {
            spender: spender.to_string(),
            amount: Uint128::one(),
            expires: None,
        },
    );
    assert!(matches!(err, ContractError::Std(StdError::Overflow { .. })));
    let a: cw20::AllowanceResponse = s.query(&QueryMsg::Allowance {
        owner: alice.to_string(),
        spender: spender.to_string(),
    });
    assert_eq!(a.allowance, Uint128::MAX);
    assert_eq!(snapshot(&s), before);
}
