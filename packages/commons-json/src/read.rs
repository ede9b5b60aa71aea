//! Reading typed values from a `Json` tree: the `FromJson` trait, the `Fields` of an object,
//! the three shapes of enum variants, and the primitives of the wire format.

use std::borrow::Cow;

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
/// `finish`, so a struct is built in place, field by field (`S { a: f.field("a"), .. }`, a
/// field that could not be read standing in with `FromJson::stand_in`), then checked once.
/// `finish` also refuses what was not taken: unknown fields, and the second copy of a field
/// given twice (`take` removes one copy only, so duplicates can never slip through).
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
