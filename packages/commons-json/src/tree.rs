//! `Json`: a parsed JSON text. It is the one serde deserializer the readers share: a message
//! is parsed into this tree by a single visitor (or, from bytes, by `parse`), then every type
//! reads its part of the tree with plain code (see `read`).
//!
//! Strings and keys borrow from the text where they can (no escapes): in the VM an allocation
//! costs about as much gas as parsing a few dozen bytes, so keys, numbers in strings
//! (`Uint128`) and variant names are never copied; only the strings a value keeps are.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::{Error, Out, ToJson};

/// The deepest nesting of arrays and objects a tree may have. Readers, writers and `Drop`
/// recurse along the tree, so its depth is what bounds their stack; serde-json-wasm (behind
/// `cosmwasm_std::from_json`) stops at 127 levels on its own, and no wire message comes near
/// 64 (a proposal's custom chain message is about ten).
pub const MAX_DEPTH: usize = 64;

/// A JSON value. Numbers are integers: no wire type has a fraction (decimals are strings),
/// and the parser behind `cosmwasm_std::from_json` refuses fractions and exponents anyway.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    /// A number written without a sign.
    Uint(u64),
    /// A number written with a minus sign, by its magnitude. `-0` is one of these: serde
    /// refuses it for unsigned integers, and so do the readers here.
    Neg(u64),
    Str(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    /// Members in the order written, duplicates kept (readers refuse them).
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

impl<'a> Json<'a> {
    /// What kind of value this is, for error messages ("expected ..., got a string").
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Uint(_) => "a number",
            Json::Neg(_) => "a negative number",
            Json::Str(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }

    /// An enum value as serde writes one: `"name"` (no content) or `{"name": content}`.
    /// Any other shape, an object with several keys included, is refused, as serde refuses it.
    pub fn into_variant(self, what: &str) -> Result<(Cow<'a, str>, Option<Json<'a>>), Error> {
        match self {
            Json::Str(name) => Ok((name, None)),
            Json::Object(members) => {
                let count = members.len();
                let mut members = members.into_iter();
                match (members.next(), members.next()) {
                    (Some((name, content)), None) => Ok((name, Some(content))),
                    _ => Err(Error::new(format!(
                        "expected {what} (a variant name, or an object with exactly one key), \
                         got an object with {count} keys"
                    ))),
                }
            }
            other => Err(Error::new(format!(
                "expected {what} (a variant name, or an object with exactly one key), got {}",
                other.kind()
            ))),
        }
    }

    /// The same tree, owning its strings.
    pub fn into_owned(self) -> Json<'static> {
        match self {
            Json::Null => Json::Null,
            Json::Bool(v) => Json::Bool(v),
            Json::Uint(v) => Json::Uint(v),
            Json::Neg(v) => Json::Neg(v),
            Json::Str(s) => Json::Str(Cow::Owned(s.into_owned())),
            Json::Array(items) => Json::Array(items.into_iter().map(Json::into_owned).collect()),
            Json::Object(members) => Json::Object(
                members
                    .into_iter()
                    .map(|(k, v)| (Cow::Owned(k.into_owned()), v.into_owned()))
                    .collect(),
            ),
        }
    }
}

impl<'de> Deserialize<'de> for Json<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Level(0).deserialize(deserializer)
    }
}

/// Reads the value found at nesting depth `.0`.
struct Level(usize);

impl Level {
    fn nested<E: de::Error>(&self) -> Result<Level, E> {
        if self.0 >= MAX_DEPTH {
            return Err(E::custom(format_args!(
                "JSON nested deeper than {MAX_DEPTH} levels"
            )));
        }
        Ok(Level(self.0 + 1))
    }
}

impl<'de> DeserializeSeed<'de> for Level {
    type Value = Json<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json<'de>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Level {
    type Value = Json<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }

    fn visit_none<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }

    fn visit_bool<E>(self, v: bool) -> Result<Json<'de>, E> {
        Ok(Json::Bool(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Json<'de>, E> {
        Ok(Json::Uint(v))
    }

    /// serde-json-wasm reports through here exactly the numbers written with a minus sign, so
    /// a zero here is `-0`. A positive value (from another deserializer) is just a number.
    fn visit_i64<E>(self, v: i64) -> Result<Json<'de>, E> {
        Ok(if v > 0 {
            Json::Uint(v.unsigned_abs())
        } else {
            Json::Neg(v.unsigned_abs())
        })
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Json<'de>, E> {
        Err(E::custom("numbers must be integers"))
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Json<'de>, E> {
        Ok(Json::Str(Cow::Borrowed(v)))
    }

    fn visit_str<E>(self, v: &str) -> Result<Json<'de>, E> {
        Ok(Json::Str(Cow::Owned(v.to_string())))
    }

    fn visit_string<E>(self, v: String) -> Result<Json<'de>, E> {
        Ok(Json::Str(Cow::Owned(v)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'de>, A::Error> {
        let inner = self.nested()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(Level(inner.0))? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
        let inner = self.nested()?;
        let mut members = Vec::new();
        while let Some(key) = map.next_key_seed(Key)? {
            let value = map.next_value_seed(Level(inner.0))?;
            members.push((key, value));
        }
        Ok(Json::Object(members))
    }
}

/// A member's key, borrowed from the text where it has no escapes.
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Cow<'de, str>, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v))
    }
}

/// Writes the tree back as JSON text, in serde's spelling (so a subtree handed to serde reads
/// as the original text would).
impl ToJson for Json<'_> {
    fn to_json(&self, out: &mut Out) {
        match self {
            Json::Null => {
                out.raw("null");
            }
            Json::Bool(v) => v.to_json(out),
            Json::Uint(v) => {
                out.u64(*v);
            }
            Json::Neg(v) => {
                out.raw("-").u64(*v);
            }
            Json::Str(v) => {
                out.str(v);
            }
            Json::Array(items) => items.to_json(out),
            Json::Object(members) => {
                out.raw("{");
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.raw(",");
                    }
                    out.str(key).raw(":");
                    value.to_json(out);
                }
                out.raw("}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::from_json;

    /// The tree serde builds (through `Json`'s `Deserialize`).
    fn parse(text: &str) -> Result<Json<'static>, String> {
        from_json::<crate::Input<Json<'static>>>(text.as_bytes())
            .map(|crate::Input(json)| json)
            .map_err(|e| e.to_string())
    }

    fn nested(depth: usize) -> String {
        "[".repeat(depth) + &"]".repeat(depth)
    }

    #[test]
    fn numbers_keep_their_sign() {
        assert_eq!(parse("0"), Ok(Json::Uint(0)));
        assert_eq!(parse("-0"), Ok(Json::Neg(0)));
        assert_eq!(parse("-9223372036854775808"), Ok(Json::Neg(1 << 63)));
        assert_eq!(parse("18446744073709551615"), Ok(Json::Uint(u64::MAX)));
        for refused in ["18446744073709551616", "1.5", "1e3", "01", "+1", "-", "NaN"] {
            assert!(parse(refused).is_err(), "{refused}");
        }
    }

    #[test]
    fn nesting_is_bounded() {
        assert!(parse(&nested(MAX_DEPTH)).is_ok());
        let e = parse(&nested(MAX_DEPTH + 1)).unwrap_err();
        assert!(e.contains("nested deeper than 64 levels"), "{e}");
        let objects = "{\"a\":".repeat(MAX_DEPTH + 1) + "1" + &"}".repeat(MAX_DEPTH + 1);
        assert!(parse(&objects).is_err());
        // far deeper than serde-json-wasm allows: its own limit answers first, without a panic
        assert!(parse(&nested(100_000)).is_err());
    }

    #[test]
    fn the_tree_writes_back_what_it_read() {
        let text =
            r#"{"a":[null,true,false,0,-0,-5,18446744073709551615],"b":"q\"\n\u0001é","a":{}}"#;
        let tree = parse(text).unwrap();
        let mut out = Out::default();
        tree.to_json(&mut out);
        assert_eq!(String::from_utf8(out.into_vec().unwrap()).unwrap(), text);
    }

    #[test]
    fn variants_have_one_shape() {
        let read = |t: &str| parse(t).unwrap().into_variant("Vote");
        assert_eq!(read(r#""yes""#), Ok(("yes".into(), None)));
        assert_eq!(
            read(r#"{"set":1}"#),
            Ok(("set".into(), Some(Json::Uint(1))))
        );
        for bad in [
            r#"{}"#,
            r#"{"a":1,"b":2}"#,
            r#"{"a":1,"a":1}"#,
            "1",
            "null",
            "[]",
        ] {
            let e = read(bad).unwrap_err();
            assert!(
                e.message().starts_with("expected Vote (a variant name"),
                "{e}"
            );
        }
    }
}
