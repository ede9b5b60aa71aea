//! `FromJson` for the values the wire types are made of: strings, numbers, the cosmwasm-std
//! types (each string parsed by the function its serde impl uses, so the same strings are
//! accepted), lists, boxes and options.

use std::borrow::Cow;
use std::str::FromStr;

use cosmwasm_std::{Addr, Binary, Decimal, Timestamp, Uint128, Uint256, Uint64};

use crate::{Error, FromJson, Json};

fn expected(what: &str, got: &Json) -> Error {
    Error::new(format!("expected {what}, got {}", got.kind()))
}

/// The string `value`, as written (borrowed from the text when it can be).
fn string<'a>(value: Json<'a>, what: &str) -> Result<Cow<'a, str>, Error> {
    match value {
        Json::Str(s) => Ok(s),
        other => Err(expected(what, &other)),
    }
}

/// A string parsed as the type parses it in its serde `Deserialize` (same function, so the
/// same strings are accepted).
fn parsed<T, E: std::fmt::Display>(
    value: Json<'_>,
    what: &str,
    parse: impl FnOnce(&str) -> Result<T, E>,
) -> Result<T, Error> {
    let s = string(value, what)?;
    parse(&s).map_err(|e| Error::new(format!("invalid {what}: {e}")))
}

const U64: &str = "u64 (an integer from 0 to 18446744073709551615)";

/// Any JSON, kept as a tree (owning its strings).
impl FromJson for Json<'static> {
    const NAME: &'static str = "JSON";
    fn stand_in() -> Self {
        Json::Null
    }
    fn from_json(value: Json<'_>) -> Result<Self, Error> {
        Ok(value.into_owned())
    }
}

impl FromJson for String {
    const NAME: &'static str = "string";
    fn stand_in() -> Self {
        String::new()
    }
    fn from_json(value: Json<'_>) -> Result<Self, Error> {
        string(value, "a string").map(Cow::into_owned)
    }
}

impl FromJson for bool {
    const NAME: &'static str = "bool";
    fn stand_in() -> Self {
        false
    }
    fn from_json(value: Json<'_>) -> Result<Self, Error> {
        match value {
            Json::Bool(v) => Ok(v),
            other => Err(expected("a boolean", &other)),
        }
    }
}

impl FromJson for u64 {
    const NAME: &'static str = "u64";
    fn stand_in() -> Self {
        0
    }
    fn from_json(value: Json<'_>) -> Result<Self, Error> {
        match value {
            Json::Uint(v) => Ok(v),
            other => Err(expected(U64, &other)),
        }
    }
}

/// The narrow unsigned integers: a JSON number in range (serde refuses the rest).
macro_rules! narrow {
    ($($ty:ty: $what:literal),*) => {$(
        impl FromJson for $ty {
            const NAME: &'static str = stringify!($ty);
            fn stand_in() -> Self {
                0
            }
            fn from_json(value: Json<'_>) -> Result<Self, Error> {
                match value {
                    Json::Uint(v) => <$ty>::try_from(v)
                        .map_err(|_| Error::new(format!("expected {}, got {v}", $what))),
                    other => Err(expected($what, &other)),
                }
            }
        }
    )*};
}

narrow!(
    u8: "u8 (an integer from 0 to 255)",
    u16: "u16 (an integer from 0 to 65535)",
    u32: "u32 (an integer from 0 to 4294967295)"
);

impl FromJson for Uint64 {
    const NAME: &'static str = "Uint64";
    fn stand_in() -> Self {
        Uint64::zero()
    }
    fn from_json(value: Json<'_>) -> Result<Self, Error> {
        parsed(value, "Uint64 (a string of decimal digits)", |s| {
            Uint64::try_from(s)
        })
    }
}

impl FromJson for Uint128 {
    const NAME: &'static str = "Uint128";
    fn stand_in() -> Self {
        Uint128::zero()
    }
    fn from_json(value: Json<'_>) -> Result<Self, Error> {
        parsed(value, "Uint128 (a string of decimal digits)", |s| {
            Uint128::try_from(s)
        })
    }
}

impl FromJson for Uint256 {
    const NAME: &'static str = "Uint256";
    fn stand_in() -> Self {
        Uint256::zero()
    }
    fn from_json(value: Json<'_>) -> Result<Self, Error> {
        parsed(value, "Uint256 (a string of decimal digits)", |s| {
            Uint256::try_from(s)
        })
    }
}

impl FromJson for Decimal {
    const NAME: &'static str = "Decimal";
    fn stand_in() -> Self {
        Decimal::zero()
    }
    fn from_json(value: Json<'_>) -> Result<Self, Error> {
        parsed(value, "Decimal (a decimal string)", Decimal::from_str)
    }
}

/// Nanoseconds since the epoch, as a string: `Timestamp` is a `Uint64` to serde.
impl FromJson for Timestamp {
    const NAME: &'static str = "Timestamp";
    fn stand_in() -> Self {
        Timestamp::from_nanos(0)
    }
    fn from_json(value: Json<'_>) -> Result<Self, Error> {
        parsed(
            value,
            "Timestamp (nanoseconds as a string of digits)",
            |s| Uint64::try_from(s),
        )
        .map(|nanos| Timestamp::from_nanos(nanos.u64()))
    }
}

impl FromJson for Binary {
    const NAME: &'static str = "Binary";
    fn stand_in() -> Self {
        Binary::default()
    }
    fn from_json(value: Json<'_>) -> Result<Self, Error> {
        parsed(value, "Binary (a base64 string)", Binary::from_base64)
    }
}

/// An address as given, unvalidated, as serde reads it (contracts validate it).
impl FromJson for Addr {
    const NAME: &'static str = "Addr";
    fn stand_in() -> Self {
        Addr::unchecked("")
    }
    fn from_json(value: Json<'_>) -> Result<Self, Error> {
        string(value, "an address (a string)").map(|s| Addr::unchecked(s.into_owned()))
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    const NAME: &'static str = "array";
    fn stand_in() -> Self {
        Vec::new()
    }
    // the loop is not generic (`read_items`): only reading one item is, so each type of list
    // a contract reads costs a few instructions, not a copy of the loop
    fn from_json(value: Json<'_>) -> Result<Self, Error> {
        let items = array(value)?;
        let mut read = Vec::with_capacity(items.len());
        read_items(items, &mut |item| {
            read.push(crate::read(item)?);
            Ok(())
        })?;
        Ok(read)
    }
}

fn array(value: Json<'_>) -> Result<Vec<Json<'_>>, Error> {
    match value {
        Json::Array(items) => Ok(items),
        other => Err(expected("an array", &other)),
    }
}

/// Reads `items` one by one with `item`; an item's error is reported at its index.
fn read_items<'a>(
    items: Vec<Json<'a>>,
    item: &mut dyn FnMut(Json<'a>) -> Result<(), Error>,
) -> Result<(), Error> {
    for (i, value) in items.into_iter().enumerate() {
        item(value).map_err(|e| e.at_index(i))?;
    }
    Ok(())
}

impl<T: FromJson> FromJson for Box<T> {
    const NAME: &'static str = T::NAME;
    fn stand_in() -> Self {
        Box::new(T::stand_in())
    }
    fn from_json(value: Json<'_>) -> Result<Self, Error> {
        T::from_json(value).map(Box::new)
    }
    fn missing() -> Option<Self> {
        T::missing().map(Box::new)
    }
}

/// `null` is `None`, as is an absent field.
impl<T: FromJson> FromJson for Option<T> {
    const NAME: &'static str = T::NAME;
    fn stand_in() -> Self {
        None
    }
    fn from_json(value: Json<'_>) -> Result<Self, Error> {
        match value {
            Json::Null => Ok(None),
            value => T::from_json(value).map(Some),
        }
    }
    fn missing() -> Option<Self> {
        Some(None)
    }
}
