//! Strict wire: unknown (misspelt), duplicated and wrongly typed fields are refused by execute,
//! the cw20 deposit hook, query and instantiate, at the top and nested, and change nothing. Each
//! case is paired with the same message written correctly, which is accepted.

use super::*;
use commons_testing::wire::{
    assert_execute_strict, assert_instantiate_strict, assert_query_strict, cw20_send_json, Why,
    Why::{Duplicate, TwoVariants, Unknown, WrongType},
};

/// `set_budget` for `spender` of 10 ucoin per 100 s, with `tail` as its last field.
fn set_budget(spender: &Addr, tail: &str) -> String {
    format!(
        r#"{{"set_budget":{{"spender":"{spender}","asset_info":{{"native":"{DENOM}"}},"amount_per_period":"10","period_seconds":100,{tail}}}}}"#
    )
}

#[test]
fn execute_refuses_unknown_duplicate_and_mistyped_fields() {
    let mut s = Suite::new();
    s.deposit_native(1_000);
    let (dao, bob, treasury) = (s.addr("dao"), s.addr("bob"), s.treasury.clone());
    let watch = [&treasury];
    let far = s.now().plus_seconds(10_000).nanos();
    // the misspelt optional field of the issue: without the check, a budget that never expires
    let (invalid, valid) = (
        set_budget(&bob, &format!(r#""expiry":"{far}""#)),
        set_budget(&bob, &format!(r#""expires":"{far}""#)),
    );
    let exec = |s: &mut Suite, invalid: &str, why: Why, valid: &str| {
        assert_execute_strict(&mut s.app, &dao, &treasury, &watch, invalid, why, valid)
    };
    exec(&mut s, &invalid, Unknown("expiry"), &valid);
    exec(
        &mut s,
        &set_budget(&bob, r#""period_seconds":100"#),
        Duplicate("period_seconds"),
        &set_budget(&bob, r#""expires":null"#),
    );
    exec(
        &mut s,
        &set_budget(&bob, r#""expires":null"#).replace(":100,", r#":"100","#),
        WrongType,
        &set_budget(&bob, r#""expires":null"#),
    );
    // nested: an asset inside `spend`, a limit inside `update_config`
    let spend = |tail: &str| {
        format!(
            r#"{{"spend":{{"recipient":"{bob}","asset":{{"info":{{"native":"{DENOM}"}},"amount":"1"{tail}}},"memo":null}}}}"#
        )
    };
    exec(
        &mut s,
        &spend(r#","denom":"x""#),
        Unknown("denom"),
        &spend(""),
    );
    let limits = |tail: &str| {
        format!(
            r#"{{"update_config":{{"spend_limits":[{{"asset_info":{{"native":"{DENOM}"}},"amount":"{LIMIT}","period_seconds":{PERIOD}{tail}}}]}}}}"#
        )
    };
    exec(
        &mut s,
        &limits(r#","window":1"#),
        Unknown("window"),
        &limits(""),
    );
    // at the top: a field beside the variant's own, a field twice, a second variant
    let propose = format!(r#"{{"propose_owner":{{"new_owner":"{bob}"}}}}"#);
    let delayed = format!(r#"{{"propose_owner":{{"new_owner":"{bob}","delay":1}}}}"#);
    exec(&mut s, &delayed, Unknown("delay"), &propose);
    let revoke = format!(r#"{{"revoke_budget":{{"spender":"{bob}"}}}}"#);
    let twice = format!(r#"{{"revoke_budget":{{"spender":"{bob}","spender":"{bob}"}}}}"#);
    exec(&mut s, &twice, Duplicate("spender"), &revoke);
    let both = format!(r#"{{"propose_owner":{{"new_owner":"{bob}"}},"accept_owner":{{}}}}"#);
    exec(&mut s, &both, TwoVariants, &propose);
}

#[test]
fn deposit_hook_refuses_unknown_fields() {
    let mut s = Suite::new();
    let (alice, token, treasury) = (s.addr("alice"), s.token.clone(), s.treasury.clone());
    let send = |payload: &str| cw20_send_json(&treasury, 5, payload);
    assert_execute_strict(
        &mut s.app,
        &alice,
        &token,
        &[&treasury, &token],
        &send(r#"{"deposit":{"memo":"dues","from":"alice"}}"#),
        Unknown("from"),
        &send(r#"{"deposit":{"memo":"dues"}}"#),
    );
    assert_execute_strict(
        &mut s.app,
        &alice,
        &token,
        &[&treasury, &token],
        &send(r#"{"deposit":{"memo":"a","memo":"b"}}"#),
        Duplicate("memo"),
        &send(r#"{"deposit":{"memo":null}}"#),
    );
}

#[test]
fn query_refuses_unknown_duplicate_and_mistyped_fields() {
    let s = Suite::new();
    let q = |invalid: &str, why: Why, valid: &str| {
        assert_query_strict(&s.app, &s.treasury, invalid, why, valid)
    };
    q(
        r#"{"config":{"verbose":true}}"#,
        Unknown("verbose"),
        r#"{"config":{}}"#,
    );
    q(
        &format!(r#"{{"spend_limit":{{"asset_info":{{"native":"{DENOM}","at":1}}}}}}"#),
        TwoVariants,
        &format!(r#"{{"spend_limit":{{"asset_info":{{"native":"{DENOM}"}}}}}}"#),
    );
    q(
        r#"{"ledger":{"limit":5,"limit":6}}"#,
        Duplicate("limit"),
        r#"{"ledger":{"limit":5}}"#,
    );
    q(
        r#"{"ledger":{"limit":"5"}}"#,
        WrongType,
        r#"{"ledger":{"limit":5}}"#,
    );
}

#[test]
fn instantiate_refuses_unknown_duplicate_and_mistyped_fields() {
    let mut s = Suite::new();
    let code = s.app.store_code(treasury_contract());
    let dao = s.addr("dao");
    let msg = |limit_tail: &str, tail: &str| {
        format!(
            r#"{{"owner":"{dao}","accepted_cw20s":[],"spend_limits":[{{"asset_info":{{"native":"{DENOM}"}},"amount":"5","period_seconds":{PERIOD}{limit_tail}}}],"change_delay_seconds":{DELAY}{tail}}}"#
        )
    };
    let valid = msg("", "");
    let mut inst = |invalid: &str, why: Why| {
        assert_instantiate_strict(&mut s.app, code, &dao, invalid, why, &valid)
    };
    inst(&msg("", r#","admin":"x""#), Unknown("admin"));
    inst(&msg(r#","window":1"#, ""), Unknown("window"));
    inst(
        &msg("", &format!(r#","owner":"{dao}""#)),
        Duplicate("owner"),
    );
    inst(
        &msg("", "").replace(&format!(":{DELAY}"), r#":"2000""#),
        WrongType,
    );
}
