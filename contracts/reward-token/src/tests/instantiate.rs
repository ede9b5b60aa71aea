//! Instantiation rules (cw20-base's metadata rules, typed) and migration.

use super::*;
use commons::layout::LayoutError;
use commons::migrate::{MigrateError, MigrateMsg};
use commons::reward_token::InstantiateMarketingInfo;
use cosmwasm_std::coins;
use cw20::{EmbeddedLogo, Logo};
use cw_utils::PaymentError;

fn instantiate_err(change: impl FnOnce(&mut InstantiateMsg, &App)) -> ContractError {
    let mut app = App::default();
    let mut msg = default_msg(&app);
    change(&mut msg, &app);
    let code = app.store_code(token_contract());
    let sender = app.api().addr_make("minter");
    app.instantiate_contract(code, sender, &msg, &[], "token", None)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap()
}

#[test]
fn name_symbol_decimals_rules() {
    assert_eq!(
        instantiate_err(|m, _| m.name = "ab".into()),
        ContractError::InvalidName { len: 2 }
    );
    assert_eq!(
        instantiate_err(|m, _| m.name = "x".repeat(51)),
        ContractError::InvalidName { len: 51 }
    );
    for symbol in ["AB", "ABCDEFGHIJKLM", "CM1", "CM N", "ÇMN"] {
        assert_eq!(
            instantiate_err(|m, _| m.symbol = symbol.into()),
            ContractError::InvalidSymbol {
                symbol: symbol.into()
            }
        );
    }
    assert_eq!(
        instantiate_err(|m, _| m.decimals = 19),
        ContractError::InvalidDecimals { decimals: 19 }
    );
    // the edges that are allowed
    Suite::with(|m| {
        m.name = "abc".into();
        m.symbol = "a-b-C".into();
        m.decimals = 18;
    });
    Suite::with(|m| m.name = "x".repeat(50));
}

#[test]
fn initial_balances_rules() {
    let err = instantiate_err(|m, _| m.initial_balances.push(m.initial_balances[0].clone()));
    assert!(matches!(err, ContractError::DuplicateInitialBalance { .. }));
    let err = instantiate_err(|m, _| m.mint.as_mut().unwrap().cap = Some(Uint128::new(1_499)));
    assert_eq!(
        err,
        ContractError::CapExceeded {
            cap: Uint128::new(1_499),
            minted_total: Uint128::new(1_000),
            requested: Uint128::new(500),
        }
    );
    let err = instantiate_err(|m, _| m.initial_balances[0].address = "ALICE".into());
    assert!(matches!(err, ContractError::InvalidAddress { .. }));
    let err = instantiate_err(|m, _| m.mint.as_mut().unwrap().minter = "nope".into());
    assert!(matches!(err, ContractError::InvalidAddress { .. }));
}

#[test]
fn logo_rules() {
    let logo_err = |logo: Logo| {
        instantiate_err(move |m, app| {
            m.marketing = Some(InstantiateMarketingInfo {
                project: None,
                description: None,
                marketing: Some(app.api().addr_make("marketer").into_string()),
                logo: Some(logo),
            })
        })
    };
    assert_eq!(
        logo_err(Logo::Embedded(EmbeddedLogo::Svg(Binary::from(
            b"<svg></svg>"
        )))),
        ContractError::InvalidXmlPreamble
    );
    assert_eq!(
        logo_err(Logo::Embedded(EmbeddedLogo::Png(Binary::from(b"GIF89a")))),
        ContractError::InvalidPngHeader
    );
    let mut big = b"<?xml version=\"1.0\"?>".to_vec();
    big.resize(5 * 1024 + 1, b' ');
    assert_eq!(
        logo_err(Logo::Embedded(EmbeddedLogo::Svg(Binary::from(big.clone())))),
        ContractError::LogoTooBig
    );
    // exactly 5 KB is accepted
    big.truncate(5 * 1024);
    Suite::with(|m| {
        m.marketing = Some(InstantiateMarketingInfo {
            project: None,
            description: None,
            marketing: None,
            logo: Some(Logo::Embedded(EmbeddedLogo::Svg(Binary::from(big)))),
        })
    });
    // uploads follow the same rules
    let mut s = Suite::with(|m| {
        m.marketing = Some(InstantiateMarketingInfo {
            project: None,
            description: None,
            marketing: Some(App::default().api().addr_make("marketer").into_string()),
            logo: None,
        })
    });
    let marketer = s.addr("marketer");
    let err = s.exec_err(
        &marketer,
        &ExecuteMsg::UploadLogo(Logo::Embedded(EmbeddedLogo::Png(Binary::from(b"nope")))),
    );
    assert_eq!(err, ContractError::InvalidPngHeader);
}

#[test]
fn instantiate_refuses_funds() {
    let mut app = App::default();
    let msg = default_msg(&app);
    let sender = app.api().addr_make("minter");
    app.init_modules(|r, _, st| r.bank.init_balance(st, &sender, coins(10, "ucoin")))
        .unwrap();
    let code = app.store_code(token_contract());
    let err = app
        .instantiate_contract(code, sender, &msg, &coins(10, "ucoin"), "token", None)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(err, ContractError::Payment(PaymentError::NonPayable {}));
}

#[test]
fn vesting_counts_for_voting_defaults_to_true() {
    let json = br#"{"name":"Commons","symbol":"CMN","decimals":6,"initial_balances":[],"mint":null,"marketing":null}"#;
    let msg: InstantiateMsg = cosmwasm_std::from_json(json).unwrap();
    assert!(msg.vesting_counts_for_voting);
}

fn migrate_from(name: &str, version: &str) -> AnyResult<AppResponse> {
    let supply = crate::state::Supply::new(None, None, true);
    migrate_from_layout(name, version, Some(supply.as_bytes().to_vec()))
}

/// Migrates from a contract whose supply record is `supply` (none: no supply record).
fn migrate_from_layout(
    name: &str,
    version: &str,
    supply: Option<Vec<u8>>,
) -> AnyResult<AppResponse> {
    let records = supply
        .map(|s| (crate::state::SUPPLY_KEY.to_vec(), s))
        .into_iter()
        .collect();
    let mut app = App::default();
    commons_testing::migrate::migrate_from(&mut app, token_contract(), name, version, records)
}

#[test]
fn migrate_refuses_downgrades_and_other_contracts() {
    let err = migrate_from("crates.io:cw20-base", "0.1.0").unwrap_err();
    assert_eq!(
        err.downcast::<ContractError>().unwrap(),
        ContractError::Migrate(MigrateError::WrongContract {
            expected: "crates.io:commons-reward-token".into(),
            found: "crates.io:cw20-base".into(),
        })
    );
    let err = migrate_from("crates.io:commons-reward-token", "99.0.0").unwrap_err();
    assert_eq!(
        err.downcast::<ContractError>().unwrap(),
        ContractError::Migrate(MigrateError::Downgrade {
            stored: "99.0.0".into(),
            new: env!("CARGO_PKG_VERSION").into(),
        })
    );
    let res = migrate_from("crates.io:commons-reward-token", "0.0.1").unwrap();
    assert_eq!(attr(&res, "action").as_deref(), Some("migrate"));
}

#[test]
fn migrate_refuses_storage_it_cannot_read() {
    let name = "crates.io:commons-reward-token";
    let refusal = |supply| {
        migrate_from_layout(name, "0.0.1", supply)
            .unwrap_err()
            .downcast::<ContractError>()
            .unwrap()
    };
    // no supply record: the pre-release layout (JSON balances)
    assert_eq!(refusal(None), ContractError::UnknownStorageLayout);
    // a layout version this code does not read
    let mut future = crate::state::Supply::new(None, None, true)
        .as_bytes()
        .to_vec();
    future[0] = 2;
    assert_eq!(
        refusal(Some(future)),
        ContractError::Layout(LayoutError::UnknownVersion {
            record: "supply",
            version: 2
        })
    );
    // supply records from before layout versions: flags first, then 137 bytes and the minter
    let unversioned = |flags: u8, minter: &[u8]| {
        let mut bytes = vec![flags];
        bytes.extend_from_slice(&[0; 137]);
        bytes.extend_from_slice(minter);
        bytes
    };
    assert_eq!(
        refusal(Some(unversioned(5, b"cosmwasm1minter"))),
        ContractError::Layout(LayoutError::UnknownVersion {
            record: "supply",
            version: 5
        })
    );
    assert_eq!(
        refusal(Some(unversioned(1, b""))),
        ContractError::Layout(LayoutError::Truncated { record: "supply" })
    );
}

#[test]
fn migrate_same_version_keeps_state() {
    let mut s = Suite::new();
    let minter = s.minter.clone();
    let token = s.token.clone();
    let code = s.code_id;
    s.app
        .migrate_contract(minter, token, &MigrateMsg {}, code)
        .unwrap();
    assert_eq!(s.balance(&s.addr("alice")), 1_000);
}
