//! The field types a layout can hold: big-endian integers, amounts and times.

use cosmwasm_std::{Timestamp, Uint128};

use super::{Fixed, Width};

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
