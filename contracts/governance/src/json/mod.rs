//! Messages read from a JSON tree by hand rather than by serde's derived deserializers.
//!
//! Governance takes large messages (thirteen kinds of action, configuration changes, the
//! bootstrap's three instantiate messages), and serde derives a deserializer of a few
//! kilobytes of wasm for every struct and enum variant among them: together they were most of
//! the contract's size. Here the JSON is parsed once into a `Json` tree (one generic
//! deserializer), and each message type is read from the tree by a few lines of plain code.
//!
//! The accepted JSON is the wire format of `commons::governance` (the schema): field and
//! variant names in snake_case, unknown and duplicate fields refused, a missing or `null`
//! optional field is `None`, numbers are integers, `Uint128`, `Decimal` and `Timestamp` are
//! strings, `Binary` is base64. The tests check every message against serde's encoding.

use std::fmt;

use cosmwasm_std::{
    from_json, to_json_vec, BankMsg, Binary, CosmosMsg, Decimal, StdError, StdResult, Timestamp,
    Uint128,
};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// A JSON value. Numbers are integers: no message here has a fraction (decimals are strings).
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Uint(u64),
    /// A negative integer.
    Int(i64),
    Str(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("JSON")
    }

    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Uint(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(if v < 0 {
            Json::Int(v)
        } else {
            Json::Uint(v as u64)
        })
    }

    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::Str(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::Str(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = vec![];
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut fields = vec![];
        while let Some(entry) = map.next_entry::<String, Json>()? {
            fields.push(entry);
        }
        Ok(Json::Object(fields))
    }
}

impl Serialize for Json {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null => serializer.serialize_unit(),
            Json::Bool(v) => serializer.serialize_bool(*v),
            Json::Uint(v) => serializer.serialize_u64(*v),
            Json::Int(v) => serializer.serialize_i64(*v),
            Json::Str(v) => serializer.serialize_str(v),
            Json::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Json::Object(fields) => {
                let mut map = serializer.serialize_map(Some(fields.len()))?;
                for (key, value) in fields {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}

fn invalid(what: &str, reason: impl fmt::Display) -> StdError {
    StdError::parse_err(what, reason.to_string())
}

impl Json {
    fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Uint(_) | Json::Int(_) => "a number",
            Json::Str(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }

    fn unexpected(&self, what: &str, expected: &str) -> StdError {
        invalid(what, format!("expected {expected}, got {}", self.kind()))
    }

    /// The fields of an object, to read a `what` from.
    pub fn into_fields(self, what: &'static str) -> StdResult<Fields> {
        match self {
            Json::Object(fields) => Ok(Fields {
                fields,
                what,
                error: None,
            }),
            other => Err(other.unexpected(what, "an object")),
        }
    }

    /// An enum value: `"variant"` (a variant without content, given as `null`) or
    /// `{"variant": content}`.
    pub fn into_variant(self, what: &'static str) -> StdResult<(String, Json)> {
        match self {
            Json::Str(name) => Ok((name, Json::Null)),
            Json::Object(mut fields) if fields.len() == 1 => {
                let (name, value) = fields.remove(0);
                Ok((name, value))
            }
            other => Err(other.unexpected(what, "a variant")),
        }
    }

    fn uint(self, what: &str) -> StdResult<u64> {
        match self {
            Json::Uint(v) => Ok(v),
            other => Err(other.unexpected(what, "an unsigned integer")),
        }
    }

    fn string(self, what: &str) -> StdResult<String> {
        match self {
            Json::Str(v) => Ok(v),
            other => Err(other.unexpected(what, "a string")),
        }
    }
}

fn unknown_variant(what: &str, name: &str) -> StdError {
    invalid(what, format!("unknown variant `{name}`"))
}

/// The fields of a JSON object, taken one by one. Reading a field never fails on the spot:
/// the first error is kept and returned by `end` (which also refuses fields left over), so a
/// struct is built in one expression without an early return per field.
pub struct Fields {
    fields: Vec<(String, Json)>,
    what: &'static str,
    error: Option<StdError>,
}

impl Fields {
    fn take(&mut self, key: &str) -> Option<Json> {
        let at = self.fields.iter().position(|(k, _)| k == key)?;
        Some(self.fields.swap_remove(at).1)
    }

    /// The value, or a stand-in after keeping the error.
    fn check<T: FromJson>(&mut self, value: StdResult<T>) -> T {
        value.unwrap_or_else(|e| {
            self.error.get_or_insert(e);
            T::stand_in()
        })
    }

    /// A required field.
    pub fn req<T: FromJson>(&mut self, key: &'static str) -> T {
        let value = match self.take(key) {
            Some(value) => T::from_json(value),
            None => Err(invalid(self.what, format!("missing field `{key}`"))),
        };
        self.check(value)
    }

    /// An optional field: missing or `null` is `None`.
    pub fn opt<T: FromJson>(&mut self, key: &'static str) -> Option<T> {
        match self.take(key) {
            None | Some(Json::Null) => None,
            Some(value) => {
                let value = T::from_json(value);
                Some(self.check(value))
            }
        }
    }

    /// Fails if reading a field failed (the fields not read are not checked).
    pub fn checked(self) -> StdResult<()> {
        self.error.map_or(Ok(()), Err)
    }

    /// Fails if reading a field failed or a field was not read (unknown, or given twice).
    pub fn end(self) -> StdResult<()> {
        if let Some(error) = self.error {
            return Err(error);
        }
        match self.fields.first() {
            None => Ok(()),
            Some((key, _)) => Err(invalid(self.what, format!("unknown field `{key}`"))),
        }
    }
}

/// A type read from a `Json` tree.
pub trait FromJson: Sized {
    fn from_json(value: Json) -> StdResult<Self>;

    /// Any value, standing in for one that failed to read (it is never used: see `Fields`).
    fn stand_in() -> Self;
}

impl FromJson for Json {
    fn stand_in() -> Self {
        Json::Null
    }
    fn from_json(value: Json) -> StdResult<Self> {
        Ok(value)
    }
}

impl FromJson for String {
    fn stand_in() -> Self {
        String::new()
    }
    fn from_json(value: Json) -> StdResult<Self> {
        value.string("string")
    }
}

impl FromJson for bool {
    fn stand_in() -> Self {
        false
    }
    fn from_json(value: Json) -> StdResult<Self> {
        match value {
            Json::Bool(v) => Ok(v),
            other => Err(other.unexpected("bool", "a boolean")),
        }
    }
}

impl FromJson for u64 {
    fn stand_in() -> Self {
        0
    }
    fn from_json(value: Json) -> StdResult<Self> {
        value.uint("u64")
    }
}

impl FromJson for u32 {
    fn stand_in() -> Self {
        0
    }
    fn from_json(value: Json) -> StdResult<Self> {
        u32::try_from(value.uint("u32")?).map_err(|e| invalid("u32", e))
    }
}

impl FromJson for u16 {
    fn stand_in() -> Self {
        0
    }
    fn from_json(value: Json) -> StdResult<Self> {
        u16::try_from(value.uint("u16")?).map_err(|e| invalid("u16", e))
    }
}

impl FromJson for Uint128 {
    fn stand_in() -> Self {
        Uint128::zero()
    }
    fn from_json(value: Json) -> StdResult<Self> {
        value.string("Uint128")?.parse()
    }
}

impl FromJson for Decimal {
    fn stand_in() -> Self {
        Decimal::zero()
    }
    fn from_json(value: Json) -> StdResult<Self> {
        value.string("Decimal")?.parse()
    }
}

impl FromJson for Timestamp {
    fn stand_in() -> Self {
        Timestamp::from_nanos(0)
    }
    fn from_json(value: Json) -> StdResult<Self> {
        let nanos: u64 = value
            .string("Timestamp")?
            .parse()
            .map_err(|e| invalid("Timestamp", e))?;
        Ok(Timestamp::from_nanos(nanos))
    }
}

impl FromJson for Binary {
    fn stand_in() -> Self {
        Binary::default()
    }
    fn from_json(value: Json) -> StdResult<Self> {
        Binary::from_base64(&value.string("Binary")?)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn stand_in() -> Self {
        vec![]
    }
    fn from_json(value: Json) -> StdResult<Self> {
        match value {
            Json::Array(items) => items.into_iter().map(T::from_json).collect(),
            other => Err(other.unexpected("list", "an array")),
        }
    }
}

impl<T: FromJson> FromJson for Box<T> {
    fn stand_in() -> Self {
        Box::new(T::stand_in())
    }
    fn from_json(value: Json) -> StdResult<Self> {
        T::from_json(value).map(Box::new)
    }
}

/// Anything else (chain messages of `custom` actions) is left to serde.
impl FromJson for CosmosMsg {
    fn stand_in() -> Self {
        CosmosMsg::Bank(BankMsg::Burn { amount: vec![] })
    }
    fn from_json(value: Json) -> StdResult<Self> {
        from_json(to_json_vec(&value)?)
    }
}

/// A message type read through `Json`: use `Input<T>` where serde would deserialize `T`.
pub struct Input<T>(pub T);

impl<'de, T: FromJson> Deserialize<'de> for Input<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let json = Json::deserialize(deserializer)?;
        T::from_json(json).map(Input).map_err(de::Error::custom)
    }
}

/// Reads a struct: `read_struct!(value, "what", |f| Struct { a: f.req("a"), .. })`, refusing
/// unknown fields.
macro_rules! read_struct {
    ($value:expr, $what:literal, |$f:ident| $body:expr) => {{
        let mut $f = $value.into_fields($what)?;
        let out = $body;
        $f.end().map(|()| out)
    }};
}

mod messages;
#[cfg(test)]
mod tests;

pub use messages::{instantiate_msg, Suite};
