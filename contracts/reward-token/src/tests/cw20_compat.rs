//! Every cw20 message and query, sent as the `cw20` crate's own types and decoded as its
//! response types: a cw20 client works with the token unchanged.

use super::*;
use cw20::{
    AllAccountsResponse, AllAllowancesResponse, AllSpenderAllowancesResponse, AllowanceResponse,
    Cw20ExecuteMsg, Cw20QueryMsg, DownloadLogoResponse, EmbeddedLogo, Expiration, Logo, LogoInfo,
    MarketingInfoResponse, MinterResponse, TokenInfoResponse,
};

fn cw20(s: &mut Suite, sender: &Addr, msg: Cw20ExecuteMsg) -> AnyResult<AppResponse> {
    s.app
        .execute_contract(sender.clone(), s.token.clone(), &msg, &[])
}

fn q<T: serde::de::DeserializeOwned>(s: &Suite, msg: Cw20QueryMsg) -> T {
    s.app
        .wrap()
        .query_wasm_smart(s.token.clone(), &msg)
        .unwrap()
}

fn balance(s: &Suite, who: &Addr) -> u128 {
    let r: BalanceResponse = q(
        s,
        Cw20QueryMsg::Balance {
            address: who.to_string(),
        },
    );
    r.balance.u128()
}

#[test]
fn token_info_and_minter() {
    let s = Suite::new();
    let info: TokenInfoResponse = q(&s, Cw20QueryMsg::TokenInfo {});
    assert_eq!(
        info,
        TokenInfoResponse {
            name: "Commons Reward".into(),
            symbol: "CMN".into(),
            decimals: 6,
            total_supply: Uint128::new(1_500),
        }
    );
    let minter: Option<MinterResponse> = q(&s, Cw20QueryMsg::Minter {});
    assert_eq!(
        minter,
        Some(MinterResponse {
            minter: s.minter.to_string(),
            cap: Some(Uint128::new(CAP)),
        })
    );
}

#[test]
fn transfer_moves_balance() {
    let mut s = Suite::new();
    let (alice, carol) = (s.addr("alice"), s.addr("carol"));
    let res = cw20(
        &mut s,
        &alice,
        Cw20ExecuteMsg::Transfer {
            recipient: carol.to_string(),
            amount: Uint128::new(300),
        },
    )
    .unwrap();
    assert_eq!(attr(&res, "action").as_deref(), Some("transfer"));
    assert_eq!(attr(&res, "amount").as_deref(), Some("300"));
    assert_eq!(balance(&s, &alice), 700);
    assert_eq!(balance(&s, &carol), 300);
    let info: TokenInfoResponse = q(&s, Cw20QueryMsg::TokenInfo {});
    assert_eq!(info.total_supply.u128(), 1_500);
}

#[test]
fn transfer_of_whole_balance_and_to_self() {
    let mut s = Suite::new();
    let (alice, bob) = (s.addr("alice"), s.addr("bob"));
    cw20(
        &mut s,
        &alice,
        Cw20ExecuteMsg::Transfer {
            recipient: alice.to_string(),
            amount: Uint128::new(1_000),
        },
    )
    .unwrap();
    assert_eq!(balance(&s, &alice), 1_000);
    cw20(
        &mut s,
        &alice,
        Cw20ExecuteMsg::Transfer {
            recipient: bob.to_string(),
            amount: Uint128::new(1_000),
        },
    )
    .unwrap();
    assert_eq!(balance(&s, &alice), 0);
    assert_eq!(balance(&s, &bob), 1_500);
}

#[test]
fn send_calls_receiver_and_reverts_with_it() {
    let mut s = Suite::new();
    let alice = s.addr("alice");
    let receiver = s.store_receiver();
    cw20(
        &mut s,
        &alice,
        Cw20ExecuteMsg::Send {
            contract: receiver.to_string(),
            amount: Uint128::new(120),
            msg: Binary::from(b"hello"),
        },
    )
    .unwrap();
    assert_eq!(balance(&s, &receiver), 120);
    assert_eq!(
        s.last_received(&receiver),
        Some(Cw20ReceiveMsg {
            sender: alice.to_string(),
            amount: Uint128::new(120),
            msg: Binary::from(b"hello"),
        })
    );
    // A receiver that fails undoes the whole send.
    let err = cw20(
        &mut s,
        &alice,
        Cw20ExecuteMsg::Send {
            contract: receiver.to_string(),
            amount: Uint128::new(5),
            msg: Binary::from(b"fail"),
        },
    )
    .unwrap_err();
    assert!(format!("{err:?}").contains("receiver refused"));
    assert_eq!(balance(&s, &alice), 880);
    assert_eq!(balance(&s, &receiver), 120);
}

#[test]
fn burn_lowers_supply() {
    let mut s = Suite::new();
    let alice = s.addr("alice");
    cw20(
        &mut s,
        &alice,
        Cw20ExecuteMsg::Burn {
            amount: Uint128::new(400),
        },
    )
    .unwrap();
    assert_eq!(balance(&s, &alice), 600);
    let info: TokenInfoResponse = q(&s, Cw20QueryMsg::TokenInfo {});
    assert_eq!(info.total_supply.u128(), 1_100);
}

#[test]
fn mint_and_update_minter() {
    let mut s = Suite::new();
    let (minter, carol, dao) = (s.minter.clone(), s.addr("carol"), s.addr("dao"));
    let res = cw20(
        &mut s,
        &minter,
        Cw20ExecuteMsg::Mint {
            recipient: carol.to_string(),
            amount: Uint128::new(50),
        },
    )
    .unwrap();
    assert_eq!(attr(&res, "action").as_deref(), Some("mint"));
    assert_eq!(balance(&s, &carol), 50);

    cw20(
        &mut s,
        &minter,
        Cw20ExecuteMsg::UpdateMinter {
            new_minter: Some(dao.to_string()),
        },
    )
    .unwrap();
    let m: Option<MinterResponse> = q(&s, Cw20QueryMsg::Minter {});
    assert_eq!(m.unwrap().minter, dao.to_string());
    // the old minter lost the role
    let err = s.exec_err(
        &minter,
        &ExecuteMsg::Mint {
            recipient: carol.to_string(),
            amount: Uint128::new(1),
        },
    );
    assert_eq!(
        err,
        ContractError::NotMinter {
            action: "mint".into()
        }
    );

    // ending minting for good
    cw20(
        &mut s,
        &dao,
        Cw20ExecuteMsg::UpdateMinter { new_minter: None },
    )
    .unwrap();
    let m: Option<MinterResponse> = q(&s, Cw20QueryMsg::Minter {});
    assert_eq!(m, None);
    let err = s.exec_err(
        &dao,
        &ExecuteMsg::Mint {
            recipient: carol.to_string(),
            amount: Uint128::new(1),
        },
    );
    assert_eq!(
        err,
        ContractError::NotMinter {
            action: "mint".into()
        }
    );
}

#[test]
fn allowances_transfer_send_and_burn_from() {
    let mut s = Suite::new();
    let (alice, spender, carol) = (s.addr("alice"), s.addr("spender"), s.addr("carol"));
    let receiver = s.store_receiver();
    cw20(
        &mut s,
        &alice,
        Cw20ExecuteMsg::IncreaseAllowance {
            spender: spender.to_string(),
            amount: Uint128::new(300),
            expires: None,
        },
    )
    .unwrap();
    let a: AllowanceResponse = q(
        &s,
        Cw20QueryMsg::Allowance {
            owner: alice.to_string(),
            spender: spender.to_string(),
        },
    );
    assert_eq!(a.allowance.u128(), 300);
    assert_eq!(a.expires, Expiration::Never {});

    cw20(
        &mut s,
        &spender,
        Cw20ExecuteMsg::TransferFrom {
            owner: alice.to_string(),
            recipient: carol.to_string(),
            amount: Uint128::new(100),
        },
    )
    .unwrap();
    cw20(
        &mut s,
        &spender,
        Cw20ExecuteMsg::SendFrom {
            owner: alice.to_string(),
            contract: receiver.to_string(),
            amount: Uint128::new(50),
            msg: Binary::from(b"x"),
        },
    )
    .unwrap();
    // the receiver hears of the spender, as in cw20-base
    assert_eq!(
        s.last_received(&receiver).unwrap().sender,
        spender.to_string()
    );
    cw20(
        &mut s,
        &spender,
        Cw20ExecuteMsg::BurnFrom {
            owner: alice.to_string(),
            amount: Uint128::new(25),
        },
    )
    .unwrap();
    assert_eq!(balance(&s, &alice), 825);
    assert_eq!(balance(&s, &carol), 100);
    assert_eq!(balance(&s, &receiver), 50);
    let a: AllowanceResponse = q(
        &s,
        Cw20QueryMsg::Allowance {
            owner: alice.to_string(),
            spender: spender.to_string(),
        },
    );
    assert_eq!(a.allowance.u128(), 125);

    cw20(
        &mut s,
        &alice,
        Cw20ExecuteMsg::DecreaseAllowance {
            spender: spender.to_string(),
            amount: Uint128::new(25),
            expires: None,
        },
    )
    .unwrap();
    let all: AllAllowancesResponse = q(
        &s,
        Cw20QueryMsg::AllAllowances {
            owner: alice.to_string(),
            start_after: None,
            limit: None,
        },
    );
    assert_eq!(all.allowances.len(), 1);
    assert_eq!(all.allowances[0].allowance.u128(), 100);
    let by_spender: AllSpenderAllowancesResponse = s
        .app
        .wrap()
        .query_wasm_smart(
            s.token.clone(),
            &QueryMsg::AllSpenderAllowances {
                spender: spender.to_string(),
                start_after: None,
                limit: None,
            },
        )
        .unwrap();
    assert_eq!(by_spender.allowances[0].owner, alice.to_string());

    // decreasing below zero removes the allowance
    cw20(
        &mut s,
        &alice,
        Cw20ExecuteMsg::DecreaseAllowance {
            spender: spender.to_string(),
            amount: Uint128::new(1_000),
            expires: None,
        },
    )
    .unwrap();
    let a: AllowanceResponse = q(
        &s,
        Cw20QueryMsg::Allowance {
            owner: alice.to_string(),
            spender: spender.to_string(),
        },
    );
    assert_eq!(a.allowance.u128(), 0);
}

#[test]
fn all_accounts_paginates() {
    let mut s = Suite::new();
    let minter = s.minter.clone();
    for i in 0..12 {
        let to = s.addr(&format!("holder{i}"));
        cw20(
            &mut s,
            &minter,
            Cw20ExecuteMsg::Mint {
                recipient: to.to_string(),
                amount: Uint128::new(1),
            },
        )
        .unwrap();
    }
    let first: AllAccountsResponse = q(
        &s,
        Cw20QueryMsg::AllAccounts {
            start_after: None,
            limit: None,
        },
    );
    assert_eq!(first.accounts.len(), 10);
    let rest: AllAccountsResponse = q(
        &s,
        Cw20QueryMsg::AllAccounts {
            start_after: first.accounts.last().cloned(),
            limit: Some(100),
        },
    );
    assert_eq!(rest.accounts.len(), 4); // 12 holders + alice + bob
    let mut all = first.accounts.clone();
    all.extend(rest.accounts);
    let mut sorted = all.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, all);
}

#[test]
fn expiries_are_kept_and_replaced_in_both_allowance_views() {
    let mut s = Suite::new();
    let (alice, spender) = (s.addr("alice"), s.addr("spender"));
    let change = |increase: bool, amount: u128, expires: Option<Expiration>| {
        let (spender, amount) = (spender.to_string(), Uint128::new(amount));
        if increase {
            Cw20ExecuteMsg::IncreaseAllowance {
                spender,
                amount,
                expires,
            }
        } else {
            Cw20ExecuteMsg::DecreaseAllowance {
                spender,
                amount,
                expires,
            }
        }
    };
    let later = Expiration::AtHeight(s.height() + 100);
    let views = |s: &Suite| {
        let one: AllowanceResponse = q(
            s,
            Cw20QueryMsg::Allowance {
                owner: alice.to_string(),
                spender: spender.to_string(),
            },
        );
        let by_owner: AllAllowancesResponse = q(
            s,
            Cw20QueryMsg::AllAllowances {
                owner: alice.to_string(),
                start_after: None,
                limit: None,
            },
        );
        // cw20 2.0's query enum has no such variant; ours does, with the cw20 response type
        let by_spender: AllSpenderAllowancesResponse = s.query(&QueryMsg::AllSpenderAllowances {
            spender: spender.to_string(),
            start_after: None,
            limit: None,
        });
        assert_eq!(by_owner.allowances.len(), by_spender.allowances.len());
        for (o, sp) in by_owner.allowances.iter().zip(&by_spender.allowances) {
            assert_eq!((o.allowance, o.expires), (sp.allowance, sp.expires));
            assert_eq!((o.allowance, o.expires), (one.allowance, one.expires));
        }
        (one.allowance.u128(), one.expires)
    };
    cw20(&mut s, &alice, change(true, 50, Some(later))).unwrap();
    assert_eq!(views(&s), (50, later));
    // no expiry given: the current one stays
    cw20(&mut s, &alice, change(true, 10, None)).unwrap();
    assert_eq!(views(&s), (60, later));
    let time = Expiration::AtTime(s.now().plus_seconds(60));
    cw20(&mut s, &alice, change(false, 20, Some(time))).unwrap();
    assert_eq!(views(&s), (40, time));
    cw20(&mut s, &alice, change(false, 40, None)).unwrap();
    assert_eq!(views(&s), (0, Expiration::Never {}));
}

#[test]
fn all_accounts_lists_every_account_the_token_knows() {
    let mut s = Suite::new();
    let (alice, bob, dave) = (s.addr("alice"), s.addr("bob"), s.addr("dave"));
    // bob empties his balance and stays listed, as in cw20-base; dave holds no tokens but
    // votes for alice, so the token keeps a record of him
    cw20(
        &mut s,
        &bob,
        Cw20ExecuteMsg::Transfer {
            recipient: alice.to_string(),
            amount: Uint128::new(500),
        },
    )
    .unwrap();
    s.exec_ok(
        &alice,
        &ExecuteMsg::Delegate {
            delegatee: dave.to_string(),
        },
    );
    let all: AllAccountsResponse = q(
        &s,
        Cw20QueryMsg::AllAccounts {
            start_after: None,
            limit: None,
        },
    );
    let mut want = vec![alice.to_string(), bob.to_string(), dave.to_string()];
    want.sort();
    assert_eq!(all.accounts, want);
    assert_eq!(balance(&s, &bob), 0);
    assert_eq!(balance(&s, &dave), 0);
    // paging past the last account gives nothing
    let rest: AllAccountsResponse = q(
        &s,
        Cw20QueryMsg::AllAccounts {
            start_after: want.last().cloned(),
            limit: None,
        },
    );
    assert!(rest.accounts.is_empty());
}

#[test]
fn marketing_and_logo() {
    let mut s = Suite::with(|m| {
        m.marketing = Some(commons::reward_token::InstantiateMarketingInfo {
            project: Some("https://commons.example".into()),
            description: Some("reward token".into()),
            marketing: Some(App::default().api().addr_make("marketer").into_string()),
            logo: Some(Logo::Url("https://commons.example/logo.svg".into())),
        })
    });
    let marketer = s.addr("marketer");
    let info: MarketingInfoResponse = q(&s, Cw20QueryMsg::MarketingInfo {});
    assert_eq!(info.marketing, Some(marketer.clone()));
    assert_eq!(
        info.logo,
        Some(LogoInfo::Url("https://commons.example/logo.svg".into()))
    );

    cw20(
        &mut s,
        &marketer,
        Cw20ExecuteMsg::UpdateMarketing {
            project: None,
            description: Some("governance rewards".into()),
            marketing: None,
        },
    )
    .unwrap();
    let png = {
        let mut v = vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a];
        v.extend_from_slice(&[0u8; 16]);
        Binary::from(v)
    };
    cw20(
        &mut s,
        &marketer,
        Cw20ExecuteMsg::UploadLogo(Logo::Embedded(EmbeddedLogo::Png(png.clone()))),
    )
    .unwrap();
    let info: MarketingInfoResponse = q(&s, Cw20QueryMsg::MarketingInfo {});
    assert_eq!(info.description.as_deref(), Some("governance rewards"));
    assert_eq!(info.logo, Some(LogoInfo::Embedded));
    let logo: DownloadLogoResponse = q(&s, Cw20QueryMsg::DownloadLogo {});
    assert_eq!(logo.mime_type, "image/png");
    assert_eq!(logo.data, png);

    // only the marketing address may change it
    let alice = s.addr("alice");
    let err = s.exec_err(
        &alice,
        &ExecuteMsg::UpdateMarketing {
            project: Some("x".into()),
            description: None,
            marketing: None,
        },
    );
    assert_eq!(err, ContractError::Unauthorized);
}
