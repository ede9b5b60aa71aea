//! Nothing panics or overflows the stack, whatever the bytes: arbitrary bytes, JSON-like
//! noise, and nesting far beyond any message.

mod common;

use common::*;
use commons_json::{from_slice, wire, Json, MAX_DEPTH};
use cosmwasm_std::from_json;
use proptest::prelude::*;

/// A type that nests as deep as its input: only the depth bound stops it.
#[wire]
pub enum Tree {
    Leaf(u64),
    Node(Vec<Tree>),
}

fn tree(depth: usize) -> String {
    r#"{"node":["#.repeat(depth) + r#"{"leaf":1}"# + &"]}".repeat(depth)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(4096)))]

    #[test]
    fn arbitrary_bytes_are_answered(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = from_slice::<ExecuteMsg>(&bytes);
        let _ = from_slice::<QueryMsg>(&bytes);
        let _ = from_slice::<Json>(&bytes);
    }

    /// Text made of JSON's own characters reaches deeper than random bytes; serde and the
    /// derived readers give the same verdict on it.
    #[test]
    fn json_like_noise_gets_serde_verdicts(text in r#"[\[\]{}":, 0-9a-z_\-.]{0,80}"#) {
        for prefix in ["", r#"{"vote":"#, r#"{"list_proposals":{"#] {
            let text = format!("{prefix}{text}");
            prop_assert_eq!(
                from_slice::<QueryMsg>(&text).is_ok(),
                from_json::<QueryMsg>(text.as_bytes()).is_ok(),
                "{}", text
            );
            prop_assert_eq!(
                from_slice::<Vote>(&text).is_ok(),
                from_json::<Vote>(text.as_bytes()).is_ok(),
                "{}", text
            );
        }
    }
}

#[test]
fn nesting_is_refused_beyond_the_bound_not_overflowed() {
    // a tree node is two levels (object, array): 31 nodes and the leaf object are 63 levels
    let within = tree((MAX_DEPTH - 2) / 2);
    assert!(from_slice::<Tree>(&within).is_ok());
    let beyond = tree(MAX_DEPTH / 2 + 1);
    let e = from_slice::<Tree>(&beyond).unwrap_err().to_string();
    assert!(e.contains("nested deeper than 64 levels"), "{e}");
    // serde-json-wasm's own bound is 127 levels: between the two, serde accepts what the
    // derived reader refuses (no wire message nests anywhere near that deep)
    assert!(from_json::<Tree>(tree(60).as_bytes()).is_ok());
    assert!(from_json::<Tree>(tree(64).as_bytes()).is_err());
    for depth in [1_000, 100_000] {
        let deep = tree(depth);
        assert!(from_slice::<Tree>(&deep).is_err());
        assert!(from_slice::<ExecuteMsg>(&deep).is_err());
        let arrays = "[".repeat(depth) + &"]".repeat(depth);
        let inside =
            format!(r#"{{"propose":{{"title":"t","description":"d","actions":{arrays}}}}}"#);
        assert!(from_slice::<ExecuteMsg>(&inside).is_err());
        assert!(from_json::<ExecuteMsg>(inside.as_bytes()).is_err());
    }
}

#[test]
fn truncated_messages_are_refused() {
    let text = br#"{"propose":{"title":"t","description":"d","actions":[{"treasury_revoke_budget":{"spender":"s"}}]}}"#;
    assert!(from_slice::<ExecuteMsg>(&text[..]).is_ok());
    for end in 0..text.len() {
        assert!(from_slice::<ExecuteMsg>(&text[..end]).is_err(), "{end}");
    }
    // trailing bytes after a complete message are refused too
    assert!(from_slice::<QueryMsg>(br#"{"config":{}} x"#).is_err());
    assert!(from_slice::<QueryMsg>(br#"{"config":{}}{}"#).is_err());
}
