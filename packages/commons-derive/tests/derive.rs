//! The derives against serde's derive of the same types: names (renames and rules), defaults,
//! generics, newtypes, pass-through JSON, remote copies, `#[wire]`, and error messages.

use std::fmt::Debug;

use commons_json::{from_slice, to_vec, wire, FromJson, Json, ToJson};
use cosmwasm_std::{from_json, to_json_vec, Uint128};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// Same bytes written, and the same value read back, by both.
fn same<T>(value: T)
where
    T: FromJson + ToJson + Serialize + DeserializeOwned + PartialEq + Debug,
{
    let theirs = to_json_vec(&value).unwrap();
    let text = String::from_utf8(theirs.clone()).unwrap();
    assert_eq!(String::from_utf8(to_vec(&value).unwrap()).unwrap(), text);
    assert_eq!(from_slice::<T>(&theirs).unwrap(), value, "{text}");
}

/// Both accept `text` (as the same value) or both refuse it.
fn agree<T: FromJson + DeserializeOwned + PartialEq + Debug>(text: &str) -> bool {
    let ours = from_slice::<T>(text);
    let theirs = from_json::<T>(text.as_bytes());
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "{text}"),
        (Err(_), Err(_)) => {}
        _ => panic!("disagree on {text}: ours {ours:?}, serde {theirs:?}"),
    }
    ours.is_ok()
}

#[derive(Serialize, Deserialize, FromJson, ToJson, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Camel {
    min_voting_period: u64,
    #[serde(rename = "type")]
    kind: String,
    r#match: bool,
    #[serde(rename = "we-ird é")]
    weird: u8,
}

#[derive(Serialize, Deserialize, FromJson, ToJson, Clone, Debug, PartialEq)]
#[serde(
    rename_all = "kebab-case",
    rename_all_fields = "PascalCase",
    deny_unknown_fields
)]
enum Kebab {
    UnitOne,
    #[serde(rename = "two\"!")]
    Two {
        field_name: u8,
    },
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    ThreeThings {
        field_name: u8,
    },
    Four(String),
}

#[test]
fn names_follow_serde() {
    same(Camel {
        min_voting_period: 1,
        kind: "k".into(),
        r#match: true,
        weird: 2,
    });
    assert!(agree::<Camel>(
        r#"{"minVotingPeriod":1,"type":"t","match":false,"we-ird é":0}"#
    ));
    assert!(!agree::<Camel>(
        r#"{"min_voting_period":1,"type":"t","match":false,"we-ird é":0}"#
    ));
    same(Kebab::UnitOne);
    same(Kebab::Two { field_name: 3 });
    same(Kebab::ThreeThings { field_name: 4 });
    same(Kebab::Four("x".into()));
    assert!(agree::<Kebab>(r#""unit-one""#));
    assert!(agree::<Kebab>(r#"{"two\"!":{"FieldName":1}}"#));
    assert!(agree::<Kebab>(r#"{"three-things":{"FIELD_NAME":1}}"#));
    assert!(!agree::<Kebab>(r#"{"three-things":{"FieldName":1}}"#));
    assert!(!agree::<Kebab>(r#""unit_one""#));
}

/// cw_serde's default: snake_case variants, fields as written.
#[wire]
enum Plain {
    TreasurySpendToContract { min_amount: Uint128 },
    Cw20(String),
    IBCMsg {},
}

fn seven() -> u64 {
    7
}

#[wire]
struct Defaults {
    #[serde(default)]
    count: u32,
    #[serde(default = "seven")]
    seven: u64,
    maybe: Option<String>,
    #[serde(default)]
    list: Vec<u8>,
    maybe_boxed: Box<Option<u8>>,
}

#[test]
fn cw_serde_names_and_defaults() {
    same(Plain::TreasurySpendToContract {
        min_amount: Uint128::new(1),
    });
    same(Plain::Cw20("c".into()));
    same(Plain::IBCMsg {});
    assert!(agree::<Plain>(r#"{"i_b_c_msg":{}}"#));
    assert!(agree::<Plain>(
        r#"{"treasury_spend_to_contract":{"min_amount":"1"}}"#
    ));
    for text in [
        "{}",
        r#"{"count":null}"#,
        r#"{"seven":null}"#,
        r#"{"maybe":1}"#,
    ] {
        agree::<Defaults>(text);
    }
    let read: Defaults = from_slice("{}").unwrap();
    assert_eq!(
        read,
        Defaults {
            count: 0,
            seven: 7,
            maybe: None,
            list: vec![],
            maybe_boxed: Box::new(None),
        }
    );
    assert!(agree::<Defaults>(
        r#"{"count":3,"seven":1,"maybe":null,"list":[1],"maybe_boxed":2}"#
    ));
    same(read);
}

#[wire]
struct Page<T> {
    items: Vec<T>,
    next: Option<T>,
}

#[wire]
struct Denom(String);

#[wire]
enum Nested {
    Page(Page<Denom>),
    Many(Vec<Nested>),
    Boxed(Box<Nested>),
    Nothing,
}

#[test]
fn generics_newtypes_and_recursion() {
    same(Page {
        items: vec![1u64, 2],
        next: Some(3u64),
    });
    same(Denom("ucoin".into()));
    assert!(agree::<Denom>(r#""ucoin""#));
    assert!(!agree::<Denom>(r#"["ucoin"]"#));
    same(Nested::Many(vec![
        Nested::Nothing,
        Nested::Boxed(Box::new(Nested::Page(Page {
            items: vec![Denom("a".into())],
            next: None,
        }))),
    ]));
    assert!(!agree::<Nested>(r#"{"many":[{"nothing":{}}]}"#));
}

/// `Json` fields pass a message through untouched.
#[derive(FromJson, ToJson, Debug, PartialEq)]
struct Suite {
    code_id: u64,
    msg: Json<'static>,
}

#[test]
fn json_fields_pass_through() {
    let text = r#"{"code_id":1,"msg":{"name":"n","nested":[1,-2,null,{"a":"\u0001"}]}}"#;
    let suite: Suite = from_slice(text).unwrap();
    assert_eq!(suite.code_id, 1);
    assert_eq!(String::from_utf8(to_vec(&suite).unwrap()).unwrap(), text);
}

mod elsewhere {
    /// A type of another crate, with serde's derive and no `FromJson`.
    #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
    pub enum Shape {
        #[serde(rename = "point")]
        Point { x: u64, y: u64 },
        #[serde(rename = "none")]
        Nothing {},
    }
}

/// A copy of `elsewhere::Shape`'s definition: the impls are for the original.
#[derive(FromJson, ToJson)]
#[json(remote = "elsewhere::Shape")]
#[allow(dead_code)]
enum ShapeCopy {
    #[serde(rename = "point")]
    Point { x: u64, y: u64 },
    #[serde(rename = "none")]
    Nothing {},
}

#[test]
fn remote_copies_implement_the_original() {
    same(elsewhere::Shape::Point { x: 1, y: 2 });
    same(elsewhere::Shape::Nothing {});
    assert!(agree::<elsewhere::Shape>(r#"{"point":{"y":2,"x":1}}"#));
}

#[wire(crate = "::commons_json")]
struct Spend {
    recipient: String,
    amount: Uint128,
    memo: Option<String>,
}

#[test]
fn wire_makes_serde_refuse_unknown_fields_too() {
    same(Spend {
        recipient: "r".into(),
        amount: Uint128::new(5),
        memo: None,
    });
    // the misspelt field is refused by both (without `#[wire]`, `#[cw_serde]` would drop it)
    assert!(!agree::<Spend>(
        r#"{"recipient":"r","amount":"5","memo":null,"memoo":"x"}"#
    ));
    assert!(agree::<Spend>(r#"{"recipient":"r","amount":"5"}"#));
    assert!(!agree::<Spend>(
        r#"{"recipient":"r","amount":"5","amount":"5"}"#
    ));
    // and the schema says so
    let schema = cosmwasm_schema::schemars::schema_for!(Spend);
    let text = cosmwasm_std::to_json_string(&schema).unwrap();
    assert!(text.contains(r#""additionalProperties":false"#), "{text}");
}

#[test]
fn errors_name_the_type_the_field_and_what_was_expected() {
    let e = from_slice::<Spend>(r#"{"recipient":7,"amount":"5"}"#).unwrap_err();
    let e = e.to_string();
    assert!(
        e.contains("expected a string, got a number at `recipient`"),
        "{e}"
    );
    let e = from_slice::<Plain>(r#"{"treasury_spend_to_contract":{"min_amount":1}}"#)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("expected Uint128 (a string of decimal digits), got a number at `treasury_spend_to_contract.min_amount`"),
        "{e}"
    );
    let e = from_slice::<Plain>(r#"[]"#).unwrap_err().to_string();
    assert!(e.contains("expected Plain (a variant name"), "{e}");
    let e = from_slice::<Page<u8>>(r#"{"items":[1,256]}"#)
        .unwrap_err()
        .to_string();
    assert!(e.contains("got 256 at `items[1]`"), "{e}");
    let e = from_slice::<Kebab>(r#""unit_one""#)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("unknown variant `unit_one`, expected one of `unit-one`, `two\"!`, `three-things`, `four`"),
        "{e}"
    );
}

/// As the query messages of `commons` are declared.
#[wire]
#[derive(cosmwasm_schema::QueryResponses)]
enum Query {
    #[returns(u64)]
    Count {},
    #[returns(Vec<String>)]
    List {
        start_after: Option<String>,
        limit: Option<u32>,
    },
}

#[test]
fn wire_works_with_query_responses() {
    use cosmwasm_schema::QueryResponses;
    assert_eq!(Query::response_schemas().unwrap().len(), 2);
    same(Query::Count {});
    same(Query::List {
        start_after: Some("a".into()),
        limit: None,
    });
    assert!(!agree::<Query>(r#"{"list":{"limit":1,"start":"a"}}"#));
}
