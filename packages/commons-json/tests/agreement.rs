//! The derived readers accept exactly what serde accepts (with `deny_unknown_fields`, as
//! `#[wire]` declares it), on valid messages mutated the ways a careless or hostile sender
//! would: fields deleted, unknown, duplicated; other JSON types; boundary and malformed
//! numbers; strings for numbers; unknown, swapped and multi-key variants; truncated text.

mod common;

use std::fmt::Debug;

use common::*;
use commons_json::{from_slice, to_vec, FromJson, Json, ToJson};
use cosmwasm_std::{from_json, to_json_vec};
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Numbers a `Json` cannot hold (or should not be written as they are read): written as a
/// marked string, then spliced into the text.
const MARK: &str = "\u{0}num:";
const NUMBERS: &[&str] = &[
    "255",
    "256",
    "65535",
    "65536",
    "4294967295",
    "4294967296",
    "18446744073709551615",
    "18446744073709551616",
    "99999999999999999999999",
    "-0",
    "-1",
    "-9223372036854775808",
    "-9223372036854775809",
    "1.5",
    "1e3",
    "1E3",
    "1.0",
    "0.0",
    "-1.5",
    "01",
    "00",
];
const STRINGS: &[&str] = &[
    "",
    "0",
    "-1",
    "+5",
    "1.5",
    "1e3",
    " 1",
    "18446744073709551616",
    "340282366920938463463374607431768211455",
    "340282366920938463463374607431768211456",
    "0.000000000000000001",
    "0.0000000000000000001",
    "not base64!",
    "AA==",
    "AA",
    "yes",
    "remove",
    "config",
];

fn others() -> Vec<Json<'static>> {
    vec![
        Json::Null,
        Json::Bool(true),
        Json::Uint(0),
        Json::Uint(7),
        Json::Neg(1),
        Json::Neg(0),
        Json::Str("".into()),
        Json::Str("7".into()),
        Json::Array(vec![]),
        Json::Array(vec![Json::Uint(1)]),
        Json::Object(vec![]),
        Json::Object(vec![("yes".into(), Json::Object(vec![]))]),
    ]
}

/// Every node of the tree, by the indices that lead to it.
fn paths(json: &Json, at: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
    out.push(at.clone());
    let children: Vec<&Json> = match json {
        Json::Array(items) => items.iter().collect(),
        Json::Object(members) => members.iter().map(|(_, v)| v).collect(),
        _ => vec![],
    };
    for (i, child) in children.into_iter().enumerate() {
        at.push(i);
        paths(child, at, out);
        at.pop();
    }
}

fn node<'a, 'j>(json: &'a mut Json<'j>, path: &[usize]) -> &'a mut Json<'j> {
    match path.split_first() {
        None => json,
        Some((&i, rest)) => match json {
            Json::Array(items) => node(&mut items[i], rest),
            Json::Object(members) => node(&mut members[i].1, rest),
            _ => unreachable!("paths only lead into containers"),
        },
    }
}

/// Applies mutation `kind` (any number: it is reduced to what the node allows) with `pick`
/// choosing among the node's members, items or replacement values.
fn mutate(target: &mut Json, kind: usize, pick: usize) {
    let other = others();
    match target {
        Json::Object(members) if !members.is_empty() && kind % 8 < 6 => {
            let i = pick % members.len();
            match kind % 8 {
                0 => {
                    members.remove(i);
                }
                1 => members.push(("zz_unknown".into(), Json::Uint(1))),
                2 => members.push(members[i].clone()),
                3 => members.push((members[i].0.clone(), Json::Null)),
                4 => members.push(("vote".into(), Json::Str("yes".into()))),
                _ => members[i].0.to_mut().push('x'),
            }
        }
        Json::Array(items) if !items.is_empty() && kind % 8 < 3 => {
            let i = pick % items.len();
            match kind % 8 {
                0 => {
                    items.remove(i);
                }
                1 => items.push(items[i].clone()),
                _ => items.push(Json::Null),
            }
        }
        Json::Uint(n) if kind % 8 < 5 => {
            *target = match kind % 8 {
                0 => Json::Str(n.to_string().into()),
                1 => Json::Neg(*n),
                _ => Json::Str(format!("{MARK}{}", NUMBERS[pick % NUMBERS.len()]).into()),
            }
        }
        Json::Str(s) if kind % 8 < 6 => {
            *target = match kind % 8 {
                0 => match s.parse::<u64>() {
                    Ok(n) => Json::Uint(n),
                    Err(_) => Json::Uint(1),
                },
                1 => Json::Object(vec![(s.clone(), Json::Object(vec![]))]),
                2 => Json::Object(vec![(s.clone(), Json::Null)]),
                3 => Json::Str(format!("{MARK}{}", NUMBERS[pick % NUMBERS.len()]).into()),
                _ => Json::Str(STRINGS[pick % STRINGS.len()].into()),
            }
        }
        _ => *target = other[pick % other.len()].clone(),
    }
}

fn text_of(json: &Json) -> Vec<u8> {
    let text = String::from_utf8(to_vec(json).expect("a tree writes")).expect("utf-8");
    // the writer escapes the mark's NUL as \u0000: splice the number in as it is
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(start) = rest.find("\"\\u0000num:") {
        out.push_str(&rest[..start]);
        let after = &rest[start + "\"\\u0000num:".len()..];
        let end = after.find('"').expect("a closing quote");
        out.push_str(&after[..end]);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out.into_bytes()
}

/// Both readers on the same bytes: accepted by both (as the same value) or refused by both.
fn same_verdict<T>(bytes: &[u8]) -> Result<bool, TestCaseError>
where
    T: FromJson + DeserializeOwned + PartialEq + Debug,
{
    let ours = from_slice::<T>(bytes);
    let theirs = from_json::<T>(bytes);
    let text = String::from_utf8_lossy(bytes);
    match (ours, theirs) {
        (Ok(a), Ok(b)) => prop_assert_eq!(a, b, "{}", text),
        (Err(_), Err(_)) => {}
        (ours, theirs) => {
            return Err(TestCaseError::fail(format!(
                "disagree on {text}\n ours: {ours:?}\n serde: {theirs:?}"
            )))
        }
    }
    Ok(from_slice::<T>(bytes).is_ok())
}

/// Mutates `value`'s JSON and checks both readers agree on it and on a prefix of it; tells
/// whether the mutated text was accepted.
fn mutated<T>(
    value: &T,
    choices: &[(usize, usize, usize)],
    cut: usize,
) -> Result<bool, TestCaseError>
where
    T: FromJson + ToJson + Serialize + DeserializeOwned + PartialEq + Debug,
{
    mutated_with(value, choices, cut, same_verdict::<T>)
}

/// `same_verdict` for types whose serde impls skip unknown fields (chain messages): serde-json-wasm
/// skips a malformed scalar in an unknown field without parsing it (`-9223372036854775809`,
/// `1.5`), which the tree refuses first. So the readers are compared on the texts the tree
/// accepts (which are all the texts they are ever given: the tree is what they read), and
/// the others must be refused.
fn same_verdict_on_trees<T>(bytes: &[u8]) -> Result<bool, TestCaseError>
where
    T: FromJson + DeserializeOwned + PartialEq + Debug,
{
    if commons_json::parse(bytes).is_err() {
        prop_assert!(from_slice::<T>(bytes).is_err());
        return Ok(false);
    }
    same_verdict::<T>(bytes)
}

fn mutated_with<T>(
    value: &T,
    choices: &[(usize, usize, usize)],
    cut: usize,
    same_verdict: fn(&[u8]) -> Result<bool, TestCaseError>,
) -> Result<bool, TestCaseError>
where
    T: Serialize,
{
    let valid = to_json_vec(value).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let mut tree: Json = commons_json::parse(&valid)
        .map_err(|e| TestCaseError::fail(e.to_string()))?
        .into_owned();
    // one to three mutations on top of each other
    for &(at, kind, pick) in choices {
        let mut all = vec![];
        paths(&tree, &mut vec![], &mut all);
        let path = all[at % all.len()].clone();
        mutate(node(&mut tree, &path), kind, pick);
    }
    let bytes = text_of(&tree);
    let accepted = same_verdict(&bytes)?;
    // and the same text cut short
    let cut = cut % bytes.len().max(1);
    same_verdict(&bytes[..cut])?;
    Ok(accepted)
}

fn choices() -> impl Strategy<Value = Vec<(usize, usize, usize)>> {
    proptest::collection::vec((any::<usize>(), any::<usize>(), any::<usize>()), 1..4)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(2048)))]

    #[test]
    fn execute_messages_agree(msg in execute_msg(), c in choices(), cut in any::<usize>()) {
        mutated(&msg, &c, cut)?;
    }

    #[test]
    fn queries_agree(msg in query_msg(), c in choices(), cut in any::<usize>()) {
        mutated(&msg, &c, cut)?;
    }

    #[test]
    fn primitives_agree(value in widths(), c in choices(), cut in any::<usize>()) {
        mutated(&value, &c, cut)?;
    }

    /// Chain messages read as serde reads them: unknown fields skipped, known ones refused
    /// twice (their serde impls have no `deny_unknown_fields`).
    #[test]
    fn chain_messages_agree(msg in cosmos_msg(), c in choices(), cut in any::<usize>()) {
        mutated_with(&msg, &c, cut, same_verdict_on_trees::<cosmwasm_std::CosmosMsg>)?;
    }
}

/// The corpus is not all refusals (nor all acceptances): both verdicts are compared often.
#[test]
fn mutations_exercise_both_verdicts() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let (mut accepted, mut refused) = (0, 0);
    for _ in 0..1_000 {
        let msg = execute_msg().new_tree(&mut runner).unwrap().current();
        let c = choices().new_tree(&mut runner).unwrap().current();
        match mutated(&msg, &c, 0) {
            Ok(true) => accepted += 1,
            Ok(false) => refused += 1,
            Err(e) => panic!("{e}"),
        }
    }
    assert!(
        accepted > 30 && refused > 500,
        "{accepted} accepted, {refused} refused"
    );
}

/// The hand-picked cases, with what serde says about them checked too.
#[test]
fn named_refusals() {
    let refused = |text: &str| {
        assert!(
            from_json::<ExecuteMsg>(text.as_bytes()).is_err(),
            "serde accepts {text}"
        );
        match from_slice::<ExecuteMsg>(text) {
            Ok(msg) => panic!("accepted {text} as {msg:?}"),
            Err(e) => e.to_string(),
        }
    };
    let has = |text: &str, want: &str| {
        let e = refused(text);
        assert!(e.contains(want), "{text}: {e}");
    };
    has(
        r#"{"execute":{"proposal_id":1,"extra":2}}"#,
        "unknown field `extra`, expected `proposal_id` at `execute`",
    );
    has(
        r#"{"execute":{"proposal_id":1,"proposal_id":1}}"#,
        "duplicate field `proposal_id` at `execute`",
    );
    has(
        r#"{"vote":{"proposal_id":1}}"#,
        "missing field `vote` at `vote`",
    );
    has(
        r#"{"explode":{}}"#,
        "unknown variant `explode`, expected one of `propose`, `vote`",
    );
    has(
        r#"{"execute":{"proposal_id":1},"vote":{}}"#,
        "an object with exactly one key), got an object with 2 keys",
    );
    has(r#"{}"#, "got an object with 0 keys");
    has(r#""execute""#, "has fields: write {\"execute\":{...}}");
    has(
        r#"{"vote":{"proposal_id":1,"vote":{"yes":{}}}}"#,
        "variant `yes` has no content",
    );
    has(
        r#"{"vote":{"proposal_id":1,"vote":"maybe"}}"#,
        "unknown variant `maybe`",
    );
    has(
        r#"{"receive":"x"}"#,
        "expected Receive (an object), got a string at `receive`",
    );
    has(
        r#"{"execute":{"proposal_id":-1}}"#,
        "got a negative number at `execute.proposal_id`",
    );
    has(r#"{"execute":{"proposal_id":-0}}"#, "got a negative number");
    has(r#"{"execute":{"proposal_id":"1"}}"#, "expected u64");
    has(r#"{"execute":{"proposal_id":null}}"#, "expected u64");
    has(r#"{"update_config":{"max_actions":4294967296}}"#, "expected u32 (an integer from 0 to 4294967295), got 4294967296 at `update_config.max_actions`");
    has(r#"{"update_config":{"fee_bps":65536}}"#, "expected u16");
    has(
        r#"{"update_config":{"min_proposer_power":5}}"#,
        "expected Uint128 (a string of decimal digits), got a number",
    );
    has(
        r#"{"update_config":{"min_proposer_power":"-5"}}"#,
        "invalid Uint128",
    );
    has(
        r#"{"update_config":{"proposal_deposit":"set"}}"#,
        "variant `set` has content",
    );
    has(
        r#"{"update_config":{"proposal_deposit":{"remove":{}}}}"#,
        "variant `remove` has no content",
    );
    has(
        r#"{"update_config":{"allow_revoting":"true"}}"#,
        "expected a boolean, got a string",
    );
    has(
        r#"{"receive":{"sender":"s","amount":"1","msg":"not base64!"}}"#,
        "invalid Binary",
    );
    has(
        r#"{"propose":{"title":"t","description":"d","actions":[{"token_mint_vesting":{"recipient":"r"}}]}}"#,
        "missing field `amount` at `propose.actions[0].token_mint_vesting`",
    );
    has(
        r#"{"propose":{"title":"t","description":"d","actions":[{"custom":{"msgs":[{"bank":{"explode":{}}}]}}]}}"#,
        "unknown variant `explode`, expected one of `send`, `burn` at `propose.actions[0].custom.msgs[0].bank`",
    );
    for float in ["1.5", "1e3", "1.0", "-1.5"] {
        refused(&format!(r#"{{"execute":{{"proposal_id":{float}}}}}"#));
    }
    refused(r#"{"execute":{"proposal_id":18446744073709551616}}"#);
    refused(r#"{"execute":{"proposal_id":01}}"#);
}

#[test]
fn spacing_order_and_escapes_do_not_matter() {
    let text = br#" { "vote" : { "rationale" : null , "vote" : "no" , "propos\u0061l_id" : 7 } } "#;
    let want = ExecuteMsg::Vote {
        proposal_id: 7,
        vote: Vote::No,
        rationale: None,
    };
    assert_eq!(from_json::<ExecuteMsg>(text).unwrap(), want);
    assert_eq!(from_slice::<ExecuteMsg>(text).unwrap(), want);
    assert_eq!(
        from_slice::<QueryMsg>(br#"{"list_proposals":{}}"#).unwrap(),
        QueryMsg::ListProposals {
            start_after: None,
            limit: None
        }
    );
}
