//! Reading typed values from a `Json` tree: the `FromJson` trait, the `Fields` of an object,
//! the three shapes of enum variants, and the primitives of the wire format.

use std::borrow::Cow;
use std::str::FromStr;

use cosmwasm_std::{Addr, Binary, Decimal, Timestamp, Uint128, Uint256, Uint64};

use crate::error::one_of;
use crate::{Error, Json};

/// A type read from a `Json` tree. Derive it (`#[derive(FromJson)]` or `#[wire]`) rather than
/// writing it: the derive reads exactly what serde's derive of the same type accepts.
pub trait FromJson: Sized {
    /// The type's name, for error messages.
    const NAME: &'static str;

    /// Reads a value from its JSON.
    fn from_json(value: Json<'_>) -> Result<Self, Error>;

    /// Any value of the type, standing in for a field that could not be read (see `Fields`):
    /// it is never seen, as the reader then returns the field's error, but it lets a struct be
    /// built in place, field by field, which is far less code than keeping every field apart
    /// until all are known to be read.
    fn stand_in() -> Self;

    /// The value of a field that is absent from its object, if the type has one. As with
    /// serde, only `Option` has one (`None`); `#[serde(default)]` gives a field one.
    fn missing() -> Option<Self> {
        None
    }
}

/// The members of a JSON object, taken one by one to build a struct (or a struct variant).
///
/// Reading a field never fails on the spot: the first error is kept here and returned by
/// `end`, so a struct is built in one expression (`Some(S { a: f.req("a")?, .. })` inside a
/// closure, where `?` only stops at the first `None`), and the errors are not copied through
/// every field. `end` also refuses what was not taken: unknown fields, and the second copy of
/// a field given twice (`take` removes one copy only, so duplicates can never slip through).
pub struct Fields<'a> {
    members: Vec<(Cow<'a, str>, Json<'a>)>,
    /// The variant the fields belong to (empty for a struct), prefixed to error paths.
    variant: &'static str,
    error: Option<Error>,
}

impl<'a> Fields<'a> {
    /// The fields of the object `value`, a `what` (the type name).
    pub fn of(value: Json<'a>, what: &'static str) -> Result<Self, Error> {
        match value {
            Json::Object(members) => Ok(Fields {
                members,
                variant: "",
                error: None,
            }),
            other => Err(Error::new(format!(
                "expected {what} (an object), got {}",
                other.kind()
            ))),
        }
    }

    /// The fields of the struct variant `variant` of the enum `what`, from its content
    /// (`None`: the variant was written as a bare name).
    pub fn variant(
        content: Option<Json<'a>>,
        what: &'static str,
        variant: &'static str,
    ) -> Result<Self, Error> {
        match content {
            Some(Json::Object(members)) => Ok(Fields {
                members,
                variant,
                error: None,
            }),
            Some(other) => Err(Error::new(format!(
                "expected an object (the fields of {what} `{variant}`), got {}",
                other.kind()
            ))
            .within(variant)),
            None => Err(Error::new(format!(
                "{what} `{variant}` has fields: write {{\"{variant}\":{{...}}}}"
            ))),
        }
    }

    /// Removes the member `key` and returns its value (its first copy, if it was given twice).
    pub fn take(&mut self, key: &str) -> Option<Json<'a>> {
        let at = self.members.iter().position(|(k, _)| k == key)?;
        Some(self.members.swap_remove(at).1)
    }

    /// The field `key`. Absent, it is the type's `missing` value (`None` for an `Option`) or
    /// an error. `None` when reading failed (the error is kept for `end`).
    ///
    /// The generic methods here only call the type's reader; the rest is in non-generic
    /// methods, so the code per type read stays small.
    #[inline]
    pub fn req<T: FromJson>(&mut self, key: &'static str) -> Option<T> {
        match self.take(key) {
            Some(value) => self.keep(T::from_json(value), key),
            None => {
                let missing = T::missing();
                if missing.is_none() {
                    self.missing(key);
                }
                missing
            }
        }
    }

    /// The field `key`, or a stand-in when it could not be read (the error is kept for
    /// `finish`): what the derives build a struct from.
    #[inline]
    pub fn field<T: FromJson>(&mut self, key: &'static str) -> T {
        match self.req(key) {
            Some(value) => value,
            None => T::stand_in(),
        }
    }

    /// `field`, with `default()` when the field is absent (`#[serde(default)]`).
    #[inline]
    pub fn field_or<T: FromJson>(&mut self, key: &'static str, default: fn() -> T) -> T {
        match self.req_or(key, default) {
            Some(value) => value,
            None => T::stand_in(),
        }
    }

    /// An optional field: absent or `null` is `None`.
    #[inline]
    pub fn opt<T: FromJson>(&mut self, key: &'static str) -> Option<Option<T>> {
        self.req(key)
    }

    /// The field `key`, or `default()` when it is absent (serde's `#[serde(default)]`; a
    /// `null` is still read as a value).
    #[inline]
    pub fn req_or<T: FromJson>(&mut self, key: &'static str, default: fn() -> T) -> Option<T> {
        match self.take(key) {
            Some(value) => self.keep(T::from_json(value), key),
            None => Some(default()),
        }
    }

    #[inline]
    fn keep<T>(&mut self, read: Result<T, Error>, key: &str) -> Option<T> {
        match read {
            Ok(value) => Some(value),
            Err(error) => {
                self.fail_at(error, key);
                None
            }
        }
    }

    fn fail_at(&mut self, error: Error, key: &str) {
        self.fail(error.within(key));
    }

    fn missing(&mut self, key: &str) {
        self.fail(Error::new(format!("missing field `{key}`")));
    }

    fn fail(&mut self, error: Error) {
        if self.error.is_none() {
            self.error = Some(error.within(self.variant));
        }
    }

    /// The value built from the fields, unless a field failed to read or a member was left
    /// over. `known` lists the fields of the type, to tell a duplicate from an unknown field.
    pub fn end<T>(self, read: Option<T>, known: &[&str]) -> Result<T, Error> {
        self.finish(known)?;
        read.ok_or_else(Fields::unread)
    }

    /// `end` without the value: whether every field was read and nothing is left over. The
    /// derives call this, then build the value (no generic code around it).
    pub fn finish(self, known: &[&str]) -> Result<(), Error> {
        self.check(known)
    }

    /// `finish` for `#[json(ignore_unknown_fields)]` types (see `end_ignoring_unknown`).
    pub fn finish_ignoring_unknown(mut self, known: &[&str]) -> Result<(), Error> {
        self.members
            .retain(|(key, _)| known.contains(&key.as_ref()));
        self.check(known)
    }

    /// The error of a value whose fields were not all read, though `finish` found no error
    /// (it cannot happen: every field that is not read keeps its error).
    pub fn unread() -> Error {
        Error::new("a field could not be read")
    }

    /// `end`, for types whose serde impl has no `deny_unknown_fields` (mirrors of foreign
    /// types, `#[json(ignore_unknown_fields)]`): unknown fields are skipped, as serde skips
    /// them; a known field given twice is still refused, as serde refuses it.
    pub fn end_ignoring_unknown<T>(self, read: Option<T>, known: &[&str]) -> Result<T, Error> {
        self.finish_ignoring_unknown(known)?;
        read.ok_or_else(Fields::unread)
    }

    fn check(self, known: &[&str]) -> Result<(), Error> {
        if let Some(error) = self.error {
            return Err(error);
        }
        match self.members.first() {
            None => Ok(()),
            Some((key, _)) if known.contains(&key.as_ref()) => {
                Err(Error::new(format!("duplicate field `{key}`")).within(self.variant))
            }
            Some((key, _)) => Err(Error::new(format!(
                "unknown field `{key}`, expected {}",
                one_of(known)
            ))
            .within(self.variant)),
        }
    }
}

/// The content of the unit variant `name`: there must be none (serde writes it `"name"`).
pub fn unit_variant(content: Option<Json<'_>>, name: &'static str) -> Result<(), Error> {
    match content {
        None => Ok(()),
        Some(_) => Err(Error::new(format!(
            "variant `{name}` has no content: write it as the string \"{name}\""
        ))),
    }
}

/// The content of the newtype variant `name` (`{"name": content}`).
#[inline]
pub fn newtype_variant<T: FromJson>(
    content: Option<Json<'_>>,
    name: &'static str,
) -> Result<T, Error> {
    match T::from_json(newtype_content(content, name)?) {
        Ok(value) => Ok(value),
        Err(e) => Err(e.within(name)),
    }
}

fn newtype_content<'a>(content: Option<Json<'a>>, name: &str) -> Result<Json<'a>, Error> {
    content.ok_or_else(|| {
        Error::new(format!(
            "variant `{name}` has content: write {{\"{name}\":...}}"
        ))
    })
}

/// A variant name the enum does not have; `known` are the ones it has.
pub fn unknown_variant(name: &str, known: &[&str]) -> Error {
    Error::new(format!(
        "unknown variant `{name}`, expected {}",
        one_of(known)
    ))
}

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
