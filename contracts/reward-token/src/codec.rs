//! The fixed binary layout of the token's records: big-endian integers one after the other, an
//! optional address as the UTF-8 tail of the record. Cheaper than JSON in gas and in code size,
//! which matters because every transfer reads and writes two records.
//!
//! The hot records (accounts, supply) are kept as their stored bytes and changed in place with
//! [`get_amount`] / [`set_amount`] and friends: in the optimized wasm every copy of a value larger
//! than a few words becomes a byte-by-byte loop (the lowering of `memory.copy`), so decoding a
//! record into a struct and moving it around costs more than all of its storage calls.

use cosmwasm_std::{StdError, StdResult, Uint128};

/// Reads the fields of one record in order; every read fails on a truncated record.
pub struct Reader<'a> {
    bytes: &'a [u8],
    what: &'static str,
}

impl<'a> Reader<'a> {
    /// A reader over the stored bytes of a `what` record (named in errors).
    pub fn new(bytes: &'a [u8], what: &'static str) -> Self {
        Reader { bytes, what }
    }

    fn corrupt(&self, reason: &str) -> StdError {
        StdError::parse_err(self.what, reason)
    }

    fn take<const N: usize>(&mut self) -> StdResult<[u8; N]> {
        match self.bytes.split_first_chunk::<N>() {
            Some((head, rest)) => {
                self.bytes = rest;
                Ok(*head)
            }
            None => Err(self.corrupt("record is truncated")),
        }
    }

    pub fn u8(&mut self) -> StdResult<u8> {
        Ok(self.take::<1>()?[0])
    }

    pub fn u64(&mut self) -> StdResult<u64> {
        Ok(u64::from_be_bytes(self.take()?))
    }

    pub fn amount(&mut self) -> StdResult<Uint128> {
        Ok(Uint128::new(u128::from_be_bytes(self.take()?)))
    }

    /// Fails unless every byte was read.
    pub fn finish(self) -> StdResult<()> {
        if self.bytes.is_empty() {
            Ok(())
        } else {
            Err(self.corrupt("record is longer than its layout"))
        }
    }
}

/// The 8 big-endian bytes at `at` as an integer (zero past the end of `bytes`). Reads them as
/// one array rather than with `copy_from_slice`, which the wasm lowers to a byte loop.
pub fn get_u64(bytes: &[u8], at: usize) -> u64 {
    let raw: Option<&[u8; 8]> = bytes.get(at..at + 8).and_then(|s| s.try_into().ok());
    raw.map_or(0, |raw| u64::from_be_bytes(*raw))
}

/// Writes `value` as the 8 big-endian bytes at `at` (callers check the record's length).
pub fn set_u64(bytes: &mut [u8], at: usize, value: u64) {
    let raw: Option<&mut [u8; 8]> = bytes.get_mut(at..at + 8).and_then(|s| s.try_into().ok());
    if let Some(raw) = raw {
        *raw = value.to_be_bytes();
    }
}

/// The 16 big-endian bytes at `at` as an amount (zero past the end of `bytes`).
pub fn get_amount(bytes: &[u8], at: usize) -> Uint128 {
    let high = u128::from(get_u64(bytes, at));
    Uint128::new(high << 64 | u128::from(get_u64(bytes, at + 8)))
}

/// Writes `amount` as the 16 big-endian bytes at `at` (callers check the record's length).
pub fn set_amount(bytes: &mut [u8], at: usize, amount: Uint128) {
    let value = amount.u128();
    set_u64(bytes, at, (value >> 64) as u64);
    set_u64(bytes, at + 8, value as u64);
}

/// Appends an amount as 16 big-endian bytes.
pub fn put_amount(out: &mut Vec<u8>, amount: Uint128) {
    out.extend_from_slice(&amount.u128().to_be_bytes());
}

/// Appends a height or a time as 8 big-endian bytes.
pub fn put_u64(out: &mut Vec<u8>, value: u64) {
    out.extend_from_slice(&value.to_be_bytes());
}

/// The storage key of `key` in the map `namespace`, laid out as cw-storage-plus lays out a
/// `Map` key (2-byte big-endian namespace length, namespace, key), so its range queries work.
pub fn map_key(namespace: &[u8], key: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(2 + namespace.len() + key.len());
    out.extend_from_slice(&(namespace.len() as u16).to_be_bytes());
    out.extend_from_slice(namespace);
    out.extend_from_slice(key);
    out
}

/// The storage prefix of every key `(owner, ..)` of the map `namespace` with a composite key
/// (cw-storage-plus prefixes every key part but the last with its 2-byte length).
pub fn owner_prefix(namespace: &[u8], owner: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(4 + namespace.len() + owner.len() + 8);
    out.extend_from_slice(&(namespace.len() as u16).to_be_bytes());
    out.extend_from_slice(namespace);
    // addresses are far shorter than 65,535 bytes
    out.extend_from_slice(&(owner.len() as u16).to_be_bytes());
    out.extend_from_slice(owner);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::Addr;
    use cw_storage_plus::Map;

    #[test]
    fn reads_back_what_was_written() {
        let mut out = vec![7u8];
        put_amount(&mut out, Uint128::MAX);
        put_u64(&mut out, u64::MAX - 1);
        let mut r = Reader::new(&out, "test");
        assert_eq!(r.u8().unwrap(), 7);
        assert_eq!(r.amount().unwrap(), Uint128::MAX);
        assert_eq!(r.u64().unwrap(), u64::MAX - 1);
        r.finish().unwrap();
    }

    #[test]
    fn truncated_and_long_records_are_errors() {
        let mut r = Reader::new(&[1, 2, 3], "test");
        assert!(r.u64().is_err());
        let mut r = Reader::new(&[1, 2], "test");
        r.u8().unwrap();
        assert!(r.finish().is_err());
        assert!(Reader::new(&[], "test").finish().is_ok());
    }

    #[test]
    fn fields_in_place_read_back_and_stay_in_bounds() {
        let mut b = vec![0u8; 30];
        set_amount(&mut b, 1, Uint128::MAX - Uint128::one());
        set_u64(&mut b, 17, 0x0102_0304_0506_0708);
        assert_eq!(get_amount(&b, 1), Uint128::MAX - Uint128::one());
        assert_eq!(get_u64(&b, 17), 0x0102_0304_0506_0708);
        assert_eq!(b[17..25], [1, 2, 3, 4, 5, 6, 7, 8]);
        // out of range: reads are zero, writes do nothing
        set_u64(&mut b, 25, u64::MAX);
        assert_eq!(get_u64(&b, 25), 0);
        assert_eq!(get_amount(&b, 25), Uint128::zero());
        assert_eq!(b.len(), 30);
    }

    #[test]
    fn keys_match_cw_storage_plus() {
        let addr = Addr::unchecked("cosmwasm1abc");
        let want = Map::<&Addr, ()>::new("account").key(&addr).to_vec();
        assert_eq!(map_key(b"account", addr.as_bytes()), want);
        let want = Map::<(&Addr, u64), ()>::new("grant")
            .key((&addr, 7))
            .to_vec();
        let mut got = owner_prefix(b"grant", addr.as_bytes());
        put_u64(&mut got, 7);
        assert_eq!(got, want);
    }
}
