//! Binary record layouts declared once.
//!
//! A hot record (read on every transfer, vote or job message) is stored as fixed-width,
//! big-endian fields, then an optional tail of variable length (an address, a rationale). Its
//! layout is written down in one place, with [`layout!`](crate::layout!): a name, a version and
//! the fields in order. The macro derives every field's offset from the sizes of the fields
//! before it (nobody counts bytes), and gives each field a typed handle ([`Field`]) that only
//! the record of that layout accepts.
//!
//! A record in memory is a [`Stored`]: its stored bytes, read and changed in place. Parsing
//! JSON costs tens of thousands of gas per byte in the VM, and in the optimized wasm every copy
//! of a larger value becomes a byte-by-byte loop, so hot paths neither decode the record into a
//! struct nor copy it: a vote rewrites the tally inside the bytes it read, a transfer edits two
//! balances in place.
//!
//! Bounds: a [`Stored`] exists only once its bytes were checked to hold the whole fixed part
//! (see [`Stored::from_stored`]), and the compiler checks that every field handle lies inside
//! the fixed part (a constant assertion in [`Stored::get`] and [`Stored::set`]), so no field
//! access can fall outside the record. A record that is too short, or whose first byte is not
//! the version this code reads, is a [`LayoutError`], never a zero.
//!
//! Versions: the first byte of every record is its layout's version. A change of layout gets a
//! new version, and the code that reads it says which older versions it still reads.

use std::marker::PhantomData;

use cosmwasm_std::StdError;
use thiserror::Error;

/// Why stored bytes are not a record of the expected layout.
#[derive(Error, Debug, Clone, PartialEq, Eq)]
pub enum LayoutError {
    #[error("the {record} record has layout version {version}, which this code does not read")]
    UnknownVersion { record: &'static str, version: u8 },
    #[error("the {record} record is shorter than its layout")]
    Truncated { record: &'static str },
    #[error("the {record} record is longer than its layout")]
    TooLong { record: &'static str },
    #[error("the {record} record is corrupt: {reason}")]
    Corrupt {
        record: &'static str,
        reason: &'static str,
    },
}

impl From<LayoutError> for StdError {
    fn from(e: LayoutError) -> Self {
        let record = match &e {
            LayoutError::UnknownVersion { record, .. }
            | LayoutError::Truncated { record }
            | LayoutError::TooLong { record }
            | LayoutError::Corrupt { record, .. } => *record,
        };
        StdError::parse_err(record, e.to_string())
    }
}

/// Bytes a field of this type takes in a record.
pub trait Width {
    const SIZE: usize;
}

/// A value of fixed width in a record, read and written whole.
///
/// `read` and `write` take the whole record and the field's offset: one function per type,
/// shared by every field of that type (a copy per field would make the wasm larger, and gas
/// is the same). [`Stored`] calls them only at offsets its layout holds (see the module doc).
pub trait Fixed: Width + Sized {
    /// Reads it from the [`Width::SIZE`] bytes of `record` at `at`.
    fn read(record: &[u8], at: usize) -> Self;
    /// Writes it to the [`Width::SIZE`] bytes of `record` at `at`.
    fn write(&self, record: &mut [u8], at: usize);
}

/// A group of fields used in several layouts (declared with [`part!`](crate::part!)), whose
/// fields are read and written one by one, in place, through [`Sub`] handles.
pub trait Part: Width {}

/// One field of a record of layout `L`: a `T` at byte `AT` (the version byte is byte 0).
pub struct Field<L, T, const AT: usize>(PhantomData<fn() -> (L, T)>);

/// One field of a part `P`: a `T` at byte `OFF` of the part.
pub struct Sub<P, T, const OFF: usize>(PhantomData<fn() -> (P, T)>);

impl<L, T, const AT: usize> Field<L, T, AT> {
    #[doc(hidden)]
    pub const fn new() -> Self {
        Field(PhantomData)
    }

    /// Where the field starts (for tests that pin a layout's bytes).
    pub const fn at(&self) -> usize {
        AT
    }
}

impl<L, T, const AT: usize> Clone for Field<L, T, AT> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<L, T, const AT: usize> Copy for Field<L, T, AT> {}

impl<P, T, const OFF: usize> Sub<P, T, OFF> {
    #[doc(hidden)]
    pub const fn new() -> Self {
        Sub(PhantomData)
    }

    /// Where the field starts within its part.
    pub const fn at(&self) -> usize {
        OFF
    }
}

/// A record layout, as [`layout!`](crate::layout!) declares it.
pub trait Layout {
    /// What the record is, for errors.
    const NAME: &'static str;
    /// The version this code writes and reads.
    const VERSION: u8;
    /// Bytes of the fixed part, the version byte included.
    const LEN: usize;
}

/// A record of layout `L` as its stored bytes: the version, the fixed part, then the tail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored<L> {
    /// Always at least `L::LEN` bytes, starting with `L::VERSION` (checked by every constructor).
    bytes: Vec<u8>,
    layout: PhantomData<L>,
}

impl<L: Layout> Default for Stored<L> {
    fn default() -> Self {
        Self::new()
    }
}

impl<L: Layout> Stored<L> {
    /// A record of the current version with every field zero and no tail.
    pub fn new() -> Self {
        Self::with_tail_capacity(0)
    }

    /// As [`Self::new`], with room for a tail of `tail` bytes (appended without moving the
    /// record, see [`Self::into_bytes`]).
    #[inline]
    pub fn with_tail_capacity(tail: usize) -> Self {
        Stored {
            bytes: zeroed(L::VERSION, L::LEN, tail),
            layout: PhantomData,
        }
    }

    /// The record in `bytes`, if they start with this layout's version and hold its fixed part.
    #[inline]
    pub fn from_stored(bytes: Vec<u8>) -> Result<Self, LayoutError> {
        check(&bytes, L::NAME, L::VERSION, L::LEN, false)?;
        Ok(Stored {
            bytes,
            layout: PhantomData,
        })
    }

    /// As [`Self::from_stored`], for a layout without a tail.
    #[inline]
    pub fn from_exact(bytes: Vec<u8>) -> Result<Self, LayoutError> {
        check(&bytes, L::NAME, L::VERSION, L::LEN, true)?;
        Ok(Stored {
            bytes,
            layout: PhantomData,
        })
    }

    /// The value of `field`.
    #[inline]
    pub fn get<T: Fixed, const AT: usize>(&self, _field: Field<L, T, AT>) -> T {
        const {
            assert!(
                AT >= 1 && AT + T::SIZE <= L::LEN,
                "field outside its layout"
            )
        };
        T::read(&self.bytes, AT)
    }

    /// Sets `field` to `value`, in place.
    #[inline]
    pub fn set<T: Fixed, const AT: usize>(&mut self, _field: Field<L, T, AT>, value: T) {
        const {
            assert!(
                AT >= 1 && AT + T::SIZE <= L::LEN,
                "field outside its layout"
            )
        };
        value.write(&mut self.bytes, AT);
    }

    /// The part in `field`, to read its fields in place.
    #[inline]
    pub fn part<P: Part, const AT: usize>(&self, _field: Field<L, P, AT>) -> PartRef<'_, P> {
        const {
            assert!(
                AT >= 1 && AT + P::SIZE <= L::LEN,
                "field outside its layout"
            )
        };
        PartRef {
            record: &self.bytes,
            at: AT,
            part: PhantomData,
        }
    }

    /// The part in `field`, to change its fields in place.
    #[inline]
    pub fn part_mut<P: Part, const AT: usize>(
        &mut self,
        _field: Field<L, P, AT>,
    ) -> PartMut<'_, P> {
        const {
            assert!(
                AT >= 1 && AT + P::SIZE <= L::LEN,
                "field outside its layout"
            )
        };
        PartMut {
            record: &mut self.bytes,
            at: AT,
            part: PhantomData,
        }
    }

    /// The bytes after the fixed part.
    #[inline]
    pub fn tail(&self) -> &[u8] {
        self.bytes.get(L::LEN..).unwrap_or_default()
    }

    /// Replaces the bytes after the fixed part.
    #[inline]
    pub fn set_tail(&mut self, tail: &[u8]) {
        replace_tail(&mut self.bytes, L::LEN, tail)
    }

    /// The bytes to store.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The bytes to store, to append a tail to without copying the record.
    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }
}

// The work of `Stored`'s constructors, not generic over the layout, so that the wasm holds
// one copy of each however many layouts a contract has.

fn zeroed(version: u8, len: usize, tail: usize) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(len + tail);
    bytes.push(version);
    bytes.resize(len, 0);
    bytes
}

fn check(
    bytes: &[u8],
    record: &'static str,
    version: u8,
    len: usize,
    exact: bool,
) -> Result<(), LayoutError> {
    match bytes.first() {
        Some(&found) if found != version => Err(LayoutError::UnknownVersion {
            record,
            version: found,
        }),
        _ if bytes.len() < len => Err(LayoutError::Truncated { record }),
        _ if exact && bytes.len() > len => Err(LayoutError::TooLong { record }),
        _ => Ok(()),
    }
}

fn replace_tail(bytes: &mut Vec<u8>, len: usize, tail: &[u8]) {
    bytes.truncate(len);
    bytes.extend_from_slice(tail);
}

/// A part of a record, to read: the record's bytes and where the part starts. Not generic
/// over the record's layout, so code working on a part is shared by every layout holding it.
#[derive(Clone, Copy)]
pub struct PartRef<'a, P> {
    /// Holds the part at `at` (checked when the part was taken from its record).
    record: &'a [u8],
    at: usize,
    part: PhantomData<P>,
}

impl<P: Part> PartRef<'_, P> {
    /// The value of `field`.
    #[inline]
    pub fn get<T: Fixed, const OFF: usize>(&self, _field: Sub<P, T, OFF>) -> T {
        const { assert!(OFF + T::SIZE <= P::SIZE, "field outside its part") };
        T::read(self.record, self.at + OFF)
    }
}

/// A part of a record, to change in place (the record's length cannot change through it).
pub struct PartMut<'a, P> {
    record: &'a mut [u8],
    at: usize,
    part: PhantomData<P>,
}

impl<P: Part> PartMut<'_, P> {
    /// The value of `field`.
    #[inline]
    pub fn get<T: Fixed, const OFF: usize>(&self, _field: Sub<P, T, OFF>) -> T {
        const { assert!(OFF + T::SIZE <= P::SIZE, "field outside its part") };
        T::read(self.record, self.at + OFF)
    }

    /// Sets `field` to `value`.
    #[inline]
    pub fn set<T: Fixed, const OFF: usize>(&mut self, _field: Sub<P, T, OFF>, value: T) {
        const { assert!(OFF + T::SIZE <= P::SIZE, "field outside its part") };
        value.write(self.record, self.at + OFF)
    }
}

mod fields;
mod macros;
#[cfg(test)]
mod tests;
