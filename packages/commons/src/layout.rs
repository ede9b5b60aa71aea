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

use cosmwasm_std::{StdError, Timestamp, Uint128};
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

/// Declares a record layout: a unit type implementing [`Layout`] with one [`Field`] handle per
/// field, at offsets derived from the order and sizes of the fields (after the version byte).
///
/// ```
/// use cosmwasm_std::Uint128;
/// use commons::layout::{Layout, Stored};
///
/// commons::layout! {
///     /// A holder's balance and how many times it changed.
///     pub struct Purse("purse", version 1) {
///         BALANCE: Uint128,
///         CHANGES: u32,
///     }
/// }
///
/// let mut purse = Stored::<Purse>::new();
/// purse.set(Purse::BALANCE, Uint128::new(5));
/// assert_eq!(purse.get(Purse::BALANCE), Uint128::new(5));
/// assert_eq!((Purse::LEN, Purse::CHANGES.at()), (21, 17));
/// ```
#[macro_export]
macro_rules! layout {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident($what:literal, version $version:literal) {
            $($(#[$fmeta:meta])* $field:ident: $ty:ty),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        $vis struct $name;

        impl $crate::layout::Layout for $name {
            const NAME: &'static str = $what;
            const VERSION: u8 = $version;
            const LEN: usize = 1 $(+ <$ty as $crate::layout::Width>::SIZE)*;
        }

        impl $name {
            $crate::__layout_fields!($name, 1, $($(#[$fmeta])* $field: $ty,)*);
        }
    };
}

/// The field handles of [`layout!`], each at the end of the ones before it.
#[doc(hidden)]
#[macro_export]
macro_rules! __layout_fields {
    ($name:ident, $at:expr,) => {};
    ($name:ident, $at:expr, $(#[$fmeta:meta])* $field:ident: $ty:ty, $($rest:tt)*) => {
        $(#[$fmeta])*
        pub const $field: $crate::layout::Field<$name, $ty, { $at }> =
            $crate::layout::Field::new();
        $crate::__layout_fields!($name, $at + <$ty as $crate::layout::Width>::SIZE, $($rest)*);
    };
}

/// Declares a part: fields that several layouts hold in the same order (a voting-power
/// history in an account and in the supply). A layout takes it as one field; its fields have
/// [`Sub`] handles at offsets derived like a layout's, read and written in place through
/// [`Stored::part`] and [`Stored::part_mut`].
#[macro_export]
macro_rules! part {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident {
            $($(#[$fmeta:meta])* $field:ident: $ty:ty),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        $vis struct $name;

        impl $crate::layout::Width for $name {
            const SIZE: usize = 0 $(+ <$ty as $crate::layout::Width>::SIZE)+;
        }

        impl $crate::layout::Part for $name {}

        impl $name {
            $crate::__part_fields!($name, 0, $($(#[$fmeta])* $field: $ty,)+);
        }
    };
}

/// The field handles of [`part!`], each at the end of the ones before it.
#[doc(hidden)]
#[macro_export]
macro_rules! __part_fields {
    ($name:ident, $at:expr,) => {};
    ($name:ident, $at:expr, $(#[$fmeta:meta])* $field:ident: $ty:ty, $($rest:tt)*) => {
        $(#[$fmeta])*
        pub const $field: $crate::layout::Sub<$name, $ty, { $at }> = $crate::layout::Sub::new();
        $crate::__part_fields!($name, $at + <$ty as $crate::layout::Width>::SIZE, $($rest)*);
    };
}

// Every field is read and written as one array (one load or store in the wasm), never with
// `copy_from_slice`, which the optimized wasm turns into a byte-by-byte loop. The `None`
// branches below are never taken: `Stored` holds at least its layout's bytes, and the
// compiler checked that the field lies inside them (see `Stored::get`). They keep these
// functions free of panics; they cost the same single bounds check a panic would.

#[inline]
fn chunk<const N: usize>(record: &[u8], at: usize) -> Option<&[u8; N]> {
    record.get(at..at.checked_add(N)?)?.try_into().ok()
}

#[inline]
fn chunk_mut<const N: usize>(record: &mut [u8], at: usize) -> Option<&mut [u8; N]> {
    record.get_mut(at..at.checked_add(N)?)?.try_into().ok()
}

macro_rules! fixed_int {
    ($($ty:ty),+) => {$(
        impl Width for $ty {
            const SIZE: usize = std::mem::size_of::<$ty>();
        }

        /// Big-endian. Not inlined: one copy of each in the wasm, called by every field.
        impl Fixed for $ty {
            #[inline(never)]
            fn read(record: &[u8], at: usize) -> Self {
                chunk(record, at).map_or(0, |b| <$ty>::from_be_bytes(*b))
            }
            #[inline(never)]
            fn write(&self, record: &mut [u8], at: usize) {
                if let Some(b) = chunk_mut(record, at) {
                    *b = self.to_be_bytes();
                }
            }
        }
    )+};
}

fixed_int!(u8, u16, u32, u64);

/// One byte, 0 or 1 (any other byte reads as true).
impl Width for bool {
    const SIZE: usize = 1;
}

impl Fixed for bool {
    #[inline]
    fn read(record: &[u8], at: usize) -> Self {
        u8::read(record, at) != 0
    }
    #[inline]
    fn write(&self, record: &mut [u8], at: usize) {
        u8::from(*self).write(record, at)
    }
}

/// Sixteen bytes, big-endian, as two 8-byte halves (a 16-byte copy can be a byte loop).
impl Width for u128 {
    const SIZE: usize = 16;
}

impl Fixed for u128 {
    #[inline]
    fn read(record: &[u8], at: usize) -> Self {
        let high = u64::read(record, at);
        (u128::from(high) << 64) | u128::from(u64::read(record, at + 8))
    }
    #[inline]
    fn write(&self, record: &mut [u8], at: usize) {
        ((*self >> 64) as u64).write(record, at);
        (*self as u64).write(record, at + 8);
    }
}

impl Width for Uint128 {
    const SIZE: usize = 16;
}

impl Fixed for Uint128 {
    #[inline]
    fn read(record: &[u8], at: usize) -> Self {
        Uint128::new(u128::read(record, at))
    }
    #[inline]
    fn write(&self, record: &mut [u8], at: usize) {
        self.u128().write(record, at)
    }
}

/// Nanoseconds, big-endian.
impl Width for Timestamp {
    const SIZE: usize = 8;
}

impl Fixed for Timestamp {
    #[inline]
    fn read(record: &[u8], at: usize) -> Self {
        Timestamp::from_nanos(u64::read(record, at))
    }
    #[inline]
    fn write(&self, record: &mut [u8], at: usize) {
        self.nanos().write(record, at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    crate::part! {
        /// Two fields kept together.
        struct Pair {
            A: u64,
            B: bool,
        }
    }

    crate::layout! {
        /// Every kind of field.
        struct Sample("sample", version 3) {
            FLAG: bool,
            SMALL: u8,
            COUNT: u32,
            AMOUNT: Uint128,
            WHEN: Timestamp,
            PAIR: Pair,
            WIDE: u128,
        }
    }

    #[test]
    fn offsets_follow_the_declaration() {
        assert_eq!(
            [
                Sample::FLAG.at(),
                Sample::SMALL.at(),
                Sample::COUNT.at(),
                Sample::AMOUNT.at(),
                Sample::WHEN.at(),
                Sample::PAIR.at(),
                Sample::WIDE.at(),
            ],
            [1, 2, 3, 7, 23, 31, 40]
        );
        assert_eq!(Sample::LEN, 56);
        assert_eq!(<Pair as Width>::SIZE, 9);
        assert_eq!((Pair::A.at(), Pair::B.at()), (0, 8));
    }

    #[test]
    fn fields_round_trip_in_place_and_leave_the_rest_alone() {
        let mut r = Stored::<Sample>::new();
        assert_eq!(r.as_bytes().len(), Sample::LEN);
        assert_eq!(r.as_bytes()[0], 3);
        r.set(Sample::FLAG, true);
        r.set(Sample::SMALL, 0xab);
        r.set(Sample::COUNT, u32::MAX - 1);
        r.set(Sample::AMOUNT, Uint128::MAX - Uint128::one());
        r.set(Sample::WHEN, Timestamp::from_nanos(u64::MAX));
        let mut pair = r.part_mut(Sample::PAIR);
        pair.set(Pair::A, 7);
        pair.set(Pair::B, true);
        r.set(Sample::WIDE, 1 << 100);
        r.set_tail(b"tail");
        let r = Stored::<Sample>::from_stored(r.into_bytes()).unwrap();
        assert!(r.get(Sample::FLAG));
        assert_eq!(r.get(Sample::SMALL), 0xab);
        assert_eq!(r.get(Sample::COUNT), u32::MAX - 1);
        assert_eq!(r.get(Sample::AMOUNT), Uint128::MAX - Uint128::one());
        assert_eq!(r.get(Sample::WHEN), Timestamp::from_nanos(u64::MAX));
        assert_eq!(r.part(Sample::PAIR).get(Pair::A), 7);
        assert!(r.part(Sample::PAIR).get(Pair::B));
        assert_eq!(r.get(Sample::WIDE), 1 << 100);
        assert_eq!(r.tail(), b"tail");
        // big-endian, at the derived offsets
        assert_eq!(&r.as_bytes()[3..7], &(u32::MAX - 1).to_be_bytes());
        assert_eq!(&r.as_bytes()[31..40], &[0, 0, 0, 0, 0, 0, 0, 7, 1]);
        let mut r = r;
        r.set_tail(b"");
        assert_eq!(r.as_bytes().len(), Sample::LEN);
    }

    #[test]
    fn unknown_versions_and_short_or_long_records_are_errors() {
        let good = Stored::<Sample>::new().into_bytes();
        let mut other = good.clone();
        other[0] = 4;
        assert_eq!(
            Stored::<Sample>::from_stored(other).unwrap_err(),
            LayoutError::UnknownVersion {
                record: "sample",
                version: 4
            }
        );
        for short in [vec![], vec![3], good[..Sample::LEN - 1].to_vec()] {
            assert_eq!(
                Stored::<Sample>::from_stored(short).unwrap_err(),
                LayoutError::Truncated { record: "sample" }
            );
        }
        let mut long = good.clone();
        long.push(0);
        assert!(Stored::<Sample>::from_stored(long.clone()).is_ok());
        assert_eq!(
            Stored::<Sample>::from_exact(long).unwrap_err(),
            LayoutError::TooLong { record: "sample" }
        );
        assert!(Stored::<Sample>::from_exact(good).is_ok());
        let e: StdError = LayoutError::UnknownVersion {
            record: "sample",
            version: 9,
        }
        .into();
        assert!(e.to_string().contains("layout version 9"), "{e}");
    }
}
