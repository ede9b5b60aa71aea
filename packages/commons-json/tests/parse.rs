//! `parse` (the tree of text in hand: flat objects read by its own parser, the rest by serde)
//! builds the tree `Json`'s serde impl builds, and refuses what it refuses, on texts shaped
//! like the answers it reads fast and on their near misses.

mod common;

use common::cases;
use commons_json::{parse, Input, Json};
use cosmwasm_std::from_json;
use proptest::prelude::*;

/// The tree serde builds, as an owned tree.
fn serde_tree(text: &[u8]) -> Result<Json<'static>, String> {
    from_json::<Input<Json<'static>>>(text)
        .map(|Input(tree)| tree)
        .map_err(|e| e.to_string())
}

fn agree(text: &[u8]) -> Result<(), TestCaseError> {
    let ours = parse(text).map(Json::into_owned);
    let theirs = serde_tree(text);
    let shown = String::from_utf8_lossy(text);
    match (ours, theirs) {
        (Ok(a), Ok(b)) => prop_assert_eq!(a, b, "{}", shown),
        (Err(_), Err(_)) => {}
        (a, b) => prop_assert!(false, "disagree on {shown}: ours {a:?}, serde {b:?}"),
    }
    Ok(())
}

/// Pieces of values: plain and escaped strings, numbers at and past their bounds, words,
/// nesting, and text that is not JSON.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        "\"[a-z0-9_]{0,12}\"",
        "\"[ -~]{0,10}\"",
        "\"[\u{0}-\u{1f}é\u{10000}]{0,3}\"",
        Just(r#""\n\u0041\ud83d\ude00""#.to_string()),
        Just(r#""\ud800""#.to_string()),
        any::<u64>().prop_map(|n| n.to_string()),
        prop_oneof![
            Just("18446744073709551616"),
            Just("-1"),
            Just("-0"),
            Just("01"),
            Just("1.5"),
            Just("1e3"),
            Just("0"),
        ]
        .prop_map(str::to_string),
        prop_oneof![
            Just("true"),
            Just("false"),
            Just("null"),
            Just("nul"),
            Just("tru"),
            Just("[]"),
            Just("[1,]"),
            Just("[,1]"),
            Just("{}"),
            Just(r#"{"a":{"b":[1]}}"#),
            Just("x"),
            Just(""),
        ]
        .prop_map(str::to_string),
    ]
}

fn space() -> impl Strategy<Value = String> {
    "[ \t\r\n]{0,2}"
}

/// A flat object (or a near miss): members, separators and whitespace, with a chance of a
/// missing or extra comma, a truncated end and trailing text.
fn text() -> impl Strategy<Value = Vec<u8>> {
    (
        proptest::collection::vec(("[a-z\"\\\\]{0,6}", value(), space(), any::<u8>()), 0..5),
        space(),
        any::<u8>(),
        any::<usize>(),
    )
        .prop_map(|(members, end, flags, cut)| {
            let mut text = String::from("{");
            for (i, (key, value, ws, member_flags)) in members.iter().enumerate() {
                if i > 0 && member_flags % 7 != 0 {
                    text.push(',');
                }
                text.push_str(ws);
                text.push('"');
                text.push_str(key);
                text.push('"');
                text.push_str(ws);
                text.push(':');
                text.push_str(value);
            }
            if flags % 5 == 0 {
                text.push(',');
            }
            text.push_str(&end);
            if flags % 3 != 0 {
                text.push('}');
            }
            if flags % 11 == 0 {
                text.push_str(" x");
            }
            let mut bytes = text.into_bytes();
            if flags % 13 == 0 {
                bytes.truncate(cut % (bytes.len() + 1));
            }
            bytes
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(4096)))]

    #[test]
    fn the_trees_are_serde_trees(text in text()) {
        agree(&text)?;
    }

    #[test]
    fn any_bytes_agree(bytes in proptest::collection::vec(any::<u8>(), 0..40)) {
        agree(&bytes)?;
    }
}

#[test]
fn answers_are_read_with_borrowed_strings() {
    let text = br#"{"power":"1000000","height":12345}"#;
    let tree = parse(text).unwrap();
    let Json::Object(members) = &tree else {
        panic!("an object");
    };
    assert!(matches!(
        &members[0].1,
        Json::Str(std::borrow::Cow::Borrowed("1000000"))
    ));
    assert_eq!(tree.into_owned(), serde_tree(text).unwrap());
    // duplicates are kept, as serde's tree keeps them (the readers refuse them)
    let text = br#"{"a":1,"a":2}"#;
    assert_eq!(parse(text).unwrap().into_owned(), serde_tree(text).unwrap());
}
