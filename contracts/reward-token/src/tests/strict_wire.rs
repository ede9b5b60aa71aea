//! Strict wire: unknown (misspelt), duplicated and wrongly typed fields are refused by execute,
//! query and instantiate, at the top and nested, and change nothing. Each case is paired with
//! the same message written correctly, which is accepted.

use super::*;
use commons_testing::wire::{
    assert_execute_strict, assert_instantiate_cases, assert_query_strict, edit, Why,
    Why::{Duplicate, TwoVariants, Unknown, WrongType},
};
use cosmwasm_std::to_json_string;

#[test]
fn execute_refuses_unknown_duplicate_and_mistyped_fields() {
    let mut s = Suite::new();
    let (alice, bob, minter, token) = (
        s.addr("alice"),
        s.addr("bob"),
        s.minter.clone(),
        s.token.clone(),
    );
    let mut exec = |sender: &Addr, invalid: &str, why: Why, valid: &str| {
        assert_execute_strict(&mut s.app, sender, &token, &[&token], invalid, why, valid)
    };
    let transfer = format!(r#"{{"transfer":{{"recipient":"{bob}","amount":"1"}}}}"#);
    let memo = edit(&transfer, r#""1""#, r#""1","memo":"rent""#);
    exec(&alice, &memo, Unknown("memo"), &transfer);
    exec(
        &alice,
        &edit(&transfer, r#""1""#, "1"),
        WrongType,
        &transfer,
    );
    // cw20's misspelt optional field: an allowance that never expires without the check
    let allowance =
        format!(r#"{{"increase_allowance":{{"spender":"{bob}","amount":"5","expires":null}}}}"#);
    let expiry = edit(&allowance, "expires", "expiry");
    exec(&alice, &expiry, Unknown("expiry"), &allowance);
    let burn = r#"{"burn":{"amount":"1"}}"#;
    exec(
        &alice,
        &edit(burn, "}}", r#","amount":"2"}}"#),
        Duplicate("amount"),
        burn,
    );
    let both = edit(
        burn,
        "}}",
        &format!("}},{}}}", &transfer[1..transfer.len() - 1]),
    );
    exec(&alice, &both, TwoVariants, burn);
    // nested: a field the vesting schedule does not have
    let grant = to_json_string(&ExecuteMsg::MintVesting {
        recipient: bob.to_string(),
        amount: Uint128::new(10),
        schedule: VestingSchedule {
            start_time: Timestamp::from_seconds(1_700_000_000),
            cliff_seconds: 100,
            duration_seconds: 1_000,
        },
        revocable: true,
    })
    .unwrap();
    let cliff = edit(
        &grant,
        r#""cliff_seconds":100"#,
        r#""cliff_seconds":100,"cliff":1"#,
    );
    exec(&minter, &cliff, Unknown("cliff"), &grant);
}

#[test]
fn query_refuses_unknown_duplicate_and_mistyped_fields() {
    let s = Suite::new();
    let alice = s.addr("alice");
    let q = |invalid: &str, why: Why, valid: &str| {
        assert_query_strict(&s.app, &s.token, invalid, why, valid)
    };
    let balance = format!(r#"{{"balance":{{"address":"{alice}"}}}}"#);
    q(
        &edit(&balance, "\"}}", r#"","height":1}}"#),
        Unknown("height"),
        &balance,
    );
    let twice = edit(&balance, "\"}}", &format!(r#"","address":"{alice}"}}}}"#));
    q(&twice, Duplicate("address"), &balance);
    let power = format!(r#"{{"voting_power_at_height":{{"address":"{alice}","height":null}}}}"#);
    q(&edit(&power, "null", r#""1""#), WrongType, &power);
    let accounts = r#"{"all_accounts":{"limit":5}}"#;
    q(&edit(accounts, "5", r#""5""#), WrongType, accounts);
}

#[test]
fn instantiate_refuses_unknown_duplicate_and_mistyped_fields() {
    let mut s = Suite::new();
    let minter = s.minter.clone();
    let valid = to_json_string(&default_msg(&s.app)).unwrap();
    let decimals = r#""decimals":6"#;
    let cases = [
        (
            edit(&valid, decimals, r#""decimals":6,"admin":"x""#),
            Unknown("admin"),
        ),
        (
            edit(
                &valid,
                r#""mint_limit":null"#,
                r#""mint_limit":null,"caps":1"#,
            ),
            Unknown("caps"),
        ),
        (
            edit(&valid, decimals, r#""decimals":6,"decimals":6"#),
            Duplicate("decimals"),
        ),
        (edit(&valid, decimals, r#""decimals":"6""#), WrongType),
    ];
    assert_instantiate_cases(&mut s.app, token_contract(), &minter, &valid, cases);
}
