//! `Fields`, the reader of an object's members: first error kept, unknown and duplicate
//! fields refused, optional and defaulted fields.

use commons_json::{newtype_variant, parse, unit_variant, Error, Fields, Json};

fn object(text: &str) -> Json<'_> {
    parse(text.as_bytes()).expect("valid JSON")
}

/// Reads `{"a": u8, "b": String, "c": Option<u64>}` as `Fields` is meant to be used.
fn read(text: &str) -> Result<(u8, String, Option<u64>), Error> {
    let mut f = Fields::of(object(text), "Abc")?;
    let read = (|| Some((f.req("a")?, f.req("b")?, f.req("c")?)))();
    f.end(read, &["a", "b", "c"])
}

#[test]
fn a_duplicate_is_left_over_and_refused() {
    // `take` removes one copy: the other stays, and `end` names it
    let e = read(r#"{"a":1,"b":"x","a":1}"#).unwrap_err();
    assert_eq!(e.to_string(), "duplicate field `a`");
    // also when the copies differ, and when the field is optional
    assert!(read(r#"{"a":1,"b":"x","c":null,"c":3}"#).is_err());
    assert!(read(r#"{"a":1,"b":"x","b":"y","b":"z"}"#).is_err());
    let mut f = Fields::of(object(r#"{"k":1,"k":2}"#), "K").unwrap();
    assert_eq!(f.take("k"), Some(Json::Uint(1)));
    assert_eq!(f.take("k"), Some(Json::Uint(2)));
    assert_eq!(f.take("k"), None);
}

#[test]
fn unknown_fields_are_refused_with_what_was_expected() {
    let e = read(r#"{"a":1,"b":"x","d":4}"#).unwrap_err();
    assert_eq!(
        e.to_string(),
        "unknown field `d`, expected one of `a`, `b`, `c`"
    );
}

#[test]
fn the_first_error_in_field_order_is_kept() {
    let e = read(r#"{"b":7,"a":300}"#).unwrap_err();
    assert_eq!(
        e.to_string(),
        "expected u8 (an integer from 0 to 255), got 300 at `a`"
    );
    let e = read(r#"{"a":1,"b":7,"zz":1}"#).unwrap_err();
    assert_eq!(e.to_string(), "expected a string, got a number at `b`");
    let e = read(r#"{"b":"x"}"#).unwrap_err();
    assert_eq!(e.to_string(), "missing field `a`");
}

#[test]
fn optional_fields_are_none_when_absent_or_null() {
    assert_eq!(read(r#"{"a":1,"b":"x"}"#), Ok((1, "x".into(), None)));
    assert_eq!(
        read(r#"{"a":1,"b":"x","c":null}"#),
        Ok((1, "x".into(), None))
    );
    assert_eq!(
        read(r#"{"c":5,"b":"","a":0}"#),
        Ok((0, String::new(), Some(5)))
    );
    assert!(read(r#"{"a":1,"b":"x","c":"5"}"#).is_err());
}

#[test]
fn defaults_fill_absent_fields_only() {
    let read = |text: &str| -> Result<(u64, bool), Error> {
        let mut f = Fields::of(object(text), "D")?;
        let read = (|| Some((f.req_or("n", || 9)?, f.req_or("b", Default::default)?)))();
        f.end(read, &["n", "b"])
    };
    assert_eq!(read("{}"), Ok((9, false)));
    assert_eq!(read(r#"{"n":1,"b":true}"#), Ok((1, true)));
    // `null` is a value, not an absence, as for serde
    assert!(read(r#"{"n":null}"#).is_err());
}

#[test]
fn objects_and_variants_have_their_shapes() {
    let e = Fields::of(Json::Array(vec![]), "Config").err().unwrap();
    assert_eq!(e.to_string(), "expected Config (an object), got an array");
    let e = Fields::variant(None, "QueryMsg", "config").err().unwrap();
    assert_eq!(
        e.to_string(),
        "QueryMsg `config` has fields: write {\"config\":{...}}"
    );
    let e = Fields::variant(Some(Json::Null), "QueryMsg", "config")
        .err()
        .unwrap();
    assert_eq!(
        e.to_string(),
        "expected an object (the fields of QueryMsg `config`), got null at `config`"
    );
    assert!(unit_variant(None, "yes").is_ok());
    assert!(unit_variant(Some(Json::Object(vec![])), "yes").is_err());
    assert!(unit_variant(Some(Json::Null), "yes").is_err());
    assert_eq!(newtype_variant::<u64>(Some(Json::Uint(3)), "at"), Ok(3));
    let e = newtype_variant::<u64>(Some(Json::Neg(3)), "at").unwrap_err();
    assert_eq!(e.path(), "at");
    assert!(newtype_variant::<u64>(None, "at").is_err());
}

#[test]
fn errors_in_variants_carry_the_variant() {
    let mut f = Fields::variant(
        Some(object(r#"{"weight":"3","weight":1}"#)),
        "Threshold",
        "absolute_count",
    )
    .unwrap();
    let read = f.req::<u64>("weight");
    let e = f.end(read, &["weight"]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "expected u64 (an integer from 0 to 18446744073709551615), got a string at \
         `absolute_count.weight`"
    );
}
