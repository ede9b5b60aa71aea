//! Bad mint-limit input gets its typed error and changes nothing; the wire stays cw20's where
//! cw20 defines it.

use super::*;
use commons::time::{DurationError, MAX_DURATION_SECONDS};
use cosmwasm_std::{
    coins, from_json, to_json_vec, ContractResult, QueryRequest, SystemResult, WasmQuery,
};
use cw_utils::PaymentError;

fn instantiate_err(change: impl FnOnce(&mut InstantiateMsg)) -> ContractError {
    let mut app = App::default();
    let mut msg = default_msg(&app);
    change(&mut msg);
    let code = app.store_code(token_contract());
    let sender = app.api().addr_make("minter");
    app.instantiate_contract(code, sender, &msg, &[], "token", None)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap()
}

fn with_limit(m: &mut InstantiateMsg, mint_limit: MintLimit, delay: Option<u64>) {
    if let Some(mint) = m.mint.as_mut() {
        mint.mint_limit = Some(mint_limit);
    }
    m.change_delay_seconds = delay;
}

fn zero(what: &str) -> ContractError {
    ContractError::Duration(DurationError::Zero { what: what.into() })
}

fn too_long(what: &str, seconds: u64) -> ContractError {
    ContractError::Duration(DurationError::TooLong {
        what: what.into(),
        seconds,
        max: MAX_DURATION_SECONDS,
    })
}

#[test]
fn instantiate_refuses_bad_periods_and_delays() {
    let max = MAX_DURATION_SECONDS;
    assert_eq!(
        instantiate_err(|m| with_limit(m, limit(1, 0), None)),
        zero("mint limit period")
    );
    assert_eq!(
        instantiate_err(|m| with_limit(m, limit(1, max + 1), None)),
        too_long("mint limit period", max + 1)
    );
    assert_eq!(
        instantiate_err(|m| with_limit(m, limit(1, 100), Some(0))),
        zero("change delay")
    );
    assert_eq!(
        instantiate_err(|m| with_limit(m, limit(1, 100), Some(max + 1))),
        too_long("change delay", max + 1)
    );
    assert_eq!(
        instantiate_err(|m| m.change_delay_seconds = Some(0)),
        zero("change delay")
    );
    let err = instantiate_err(|m| with_limit(m, limit(1, 100), Some(99)));
    assert_eq!(
        err,
        ContractError::ChangeDelayTooShort {
            change_delay_seconds: 99,
            period_seconds: 100,
        }
    );
    assert!(err
        .to_string()
        .contains("at least the mint limit's period of 100"));
    // the edges that are allowed
    let s = Suite::with(|m| with_limit(m, limit(0, max), Some(max)));
    assert_eq!(s.mint_limit().change_delay_seconds, max);
    let s = Suite::with(|m| with_limit(m, limit(1, 100), Some(100)));
    assert_eq!(s.mint_limit().change_delay_seconds, 100);
}

/// What a failed message must leave as it was.
fn snapshot(s: &Suite) -> (MintLimitResponse, SupplyResponse, u128) {
    (s.mint_limit(), s.supply(), s.balance(&s.addr("carol")))
}

#[test]
fn bad_updates_change_nothing() {
    let mut s = Suite::limited(100, 100, Some(300));
    let carol = s.addr("carol");
    s.mint(&carol, 30).unwrap();
    s.update_limit(Some(limit(200, 100))).unwrap();
    s.next_block(5);
    let before = snapshot(&s);
    let minter = s.minter.clone();
    let update = |mint_limit| ExecuteMsg::UpdateMintLimit { mint_limit };

    let max = MAX_DURATION_SECONDS;
    for (bad, err) in [
        (limit(1, 0), zero("mint limit period")),
        (limit(1, max + 1), too_long("mint limit period", max + 1)),
        (limit(1, u64::MAX), too_long("mint limit period", u64::MAX)),
    ] {
        assert_eq!(s.exec_err(&minter, &update(Some(bad))), err);
    }
    assert_eq!(
        s.exec_err(&carol, &update(None)),
        ContractError::NotMinter {
            action: "update the mint limit".into()
        }
    );
    s.app
        .init_modules(|router, _, storage| {
            router
                .bank
                .init_balance(storage, &minter, coins(1, "ucoin"))
        })
        .unwrap();
    let err = s
        .app
        .execute_contract(
            minter.clone(),
            s.token.clone(),
            &update(None),
            &coins(1, "ucoin"),
        )
        .unwrap_err();
    assert_eq!(
        err.downcast::<ContractError>().unwrap(),
        ContractError::Payment(PaymentError::NonPayable {})
    );
    // over the limit, by mint and by grant
    let err = s.exec_err(
        &minter,
        &ExecuteMsg::Mint {
            recipient: carol.to_string(),
            amount: Uint128::new(71),
        },
    );
    assert!(matches!(err, ContractError::MintLimitExceeded { .. }));
    assert!(err.to_string().contains("70 left in this window"), "{err}");
    let schedule = s.schedule();
    assert!(s.mint_vesting(&carol, 71, schedule, false).is_err());
    // zero and over-cap amounts keep their own errors
    assert_eq!(
        s.exec_err(
            &minter,
            &ExecuteMsg::Mint {
                recipient: carol.to_string(),
                amount: Uint128::zero(),
            },
        ),
        ContractError::InvalidZeroAmount
    );
    assert_eq!(snapshot(&s), before);

    // once minting has ended nobody can change the limit
    s.exec_ok(&minter, &ExecuteMsg::UpdateMinter { new_minter: None });
    let before = snapshot(&s);
    assert!(matches!(
        s.exec_err(&minter, &update(None)),
        ContractError::NotMinter { .. }
    ));
    assert_eq!(snapshot(&s), before);
}

#[test]
fn unknown_fields_are_refused() {
    let mut s = Suite::limited(100, 100, None);
    let minter = s.minter.clone();
    let raw =
        br#"{"update_mint_limit":{"mint_limit":{"amount":"5","period_seconds":10,"delay":1}}}"#;
    let msg = cosmwasm_std::WasmMsg::Execute {
        contract_addr: s.token.to_string(),
        msg: Binary::from(raw.as_slice()),
        funds: vec![],
    };
    assert!(s.app.execute(minter, msg.into()).is_err());
    assert_eq!(s.mint_limit().mint_limit, Some(limit(100, 100)));
    // a misspelt mint_limit in the instantiate message is an error, not "no limit"
    let json = r#"{"name":"Commons","symbol":"CMN","decimals":6,"initial_balances":[],
        "mint":{"minter":"m","cap":null,"mint_limt":{"amount":"1","period_seconds":1}}}"#;
    assert!(from_json::<InstantiateMsg>(json).is_err());
}

#[test]
fn cw20_instantiate_json_still_parses() {
    // cw20-base's instantiate message, `mint` as cw20's MinterResponse
    let json = r#"{"name":"Commons","symbol":"CMN","decimals":6,"initial_balances":[],
        "mint":{"minter":"m","cap":"100"},"marketing":null}"#;
    let msg: InstantiateMsg = from_json(json).unwrap();
    assert_eq!(
        msg.mint,
        Some(MinterInfo {
            minter: "m".into(),
            cap: Some(Uint128::new(100)),
            mint_limit: None,
        })
    );
    assert_eq!(msg.change_delay_seconds, None);
    assert!(msg.vesting_counts_for_voting);
}

/// The raw JSON a smart query answers.
fn raw_query(s: &Suite, msg: &QueryMsg) -> String {
    let request: QueryRequest<Empty> = QueryRequest::Wasm(WasmQuery::Smart {
        contract_addr: s.token.to_string(),
        msg: to_json_binary(msg).unwrap(),
    });
    match s.app.wrap().raw_query(&to_json_vec(&request).unwrap()) {
        SystemResult::Ok(ContractResult::Ok(bytes)) => String::from_utf8(bytes.to_vec()).unwrap(),
        other => panic!("query failed: {other:?}"),
    }
}

#[test]
fn the_minter_query_answers_cw20s_exact_shape() {
    let s = Suite::limited(100, 100, None);
    assert_eq!(
        raw_query(&s, &QueryMsg::Minter {}),
        format!(r#"{{"minter":"{}","cap":"{CAP}"}}"#, s.minter)
    );
    let t0 = s.now();
    assert_eq!(
        raw_query(&s, &QueryMsg::MintLimit {}),
        format!(
            r#"{{"mint_limit":{{"amount":"100","period_seconds":100}},"minted_in_window":"0","remaining":"100","window_start":"{}","window_end":"{}","change_delay_seconds":100,"pending":null}}"#,
            t0.nanos(),
            t0.plus_seconds(100).nanos()
        )
    );
}
