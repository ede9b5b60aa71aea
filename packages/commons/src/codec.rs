//! Variable-length parts of binary records, and storage keys.
//!
//! [`Reader`] and [`Writer`] read and write big-endian integers one after the other, and strings
//! and addresses with a 4-byte length in front: the tails of hot records whose fixed part is a
//! [`layout`](crate::layout) (a job's addresses and pending reports, a proposal's proposer and
//! deposit). Every read fails on a truncated or over-long record.
//!
//! The key helpers lay storage keys out as cw-storage-plus lays them out, so its range reads
//! work over them and its `Map`s can read what they address.

use cosmwasm_std::{Addr, StdError, StdResult, Timestamp, Uint128};

/// Reads the fields of one record in order.
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

    pub fn bool(&mut self) -> StdResult<bool> {
        Ok(self.u8()? != 0)
    }

    pub fn u32(&mut self) -> StdResult<u32> {
        Ok(u32::from_be_bytes(self.take()?))
    }

    pub fn u64(&mut self) -> StdResult<u64> {
        Ok(u64::from_be_bytes(self.take()?))
    }

    pub fn u128(&mut self) -> StdResult<u128> {
        Ok(u128::from_be_bytes(self.take()?))
    }

    pub fn amount(&mut self) -> StdResult<Uint128> {
        Ok(Uint128::new(self.u128()?))
    }

    pub fn time(&mut self) -> StdResult<Timestamp> {
        Ok(Timestamp::from_nanos(self.u64()?))
    }

    /// Length-prefixed bytes, in place.
    pub fn bytes(&mut self) -> StdResult<&'a [u8]> {
        let len = self.u32()? as usize;
        if self.bytes.len() < len {
            return Err(self.corrupt("record is truncated"));
        }
        let (head, rest) = self.bytes.split_at(len);
        self.bytes = rest;
        Ok(head)
    }

    /// A length-prefixed string, in place.
    pub fn str(&mut self) -> StdResult<&'a str> {
        let bytes = self.bytes()?;
        std::str::from_utf8(bytes).map_err(|_| self.corrupt("text is not UTF-8"))
    }

    /// A length-prefixed string.
    pub fn string(&mut self) -> StdResult<String> {
        self.str().map(str::to_string)
    }

    /// A length-prefixed address.
    pub fn addr(&mut self) -> StdResult<Addr> {
        Ok(Addr::unchecked(self.string()?))
    }

    /// A length-prefixed address, or none (an empty one).
    pub fn opt_addr(&mut self) -> StdResult<Option<Addr>> {
        let addr = self.string()?;
        Ok((!addr.is_empty()).then(|| Addr::unchecked(addr)))
    }

    /// The rest of the record, as it is.
    pub fn rest_bytes(self) -> &'a [u8] {
        self.bytes
    }

    /// The rest of the record as a string.
    pub fn rest(self) -> StdResult<String> {
        String::from_utf8(self.bytes.to_vec()).map_err(|_| self.corrupt("text is not UTF-8"))
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

/// Appends the fields of one record in order.
#[derive(Default)]
pub struct Writer(pub Vec<u8>);

impl Writer {
    pub fn with_capacity(capacity: usize) -> Self {
        Writer(Vec::with_capacity(capacity))
    }

    pub fn u8(&mut self, value: u8) -> &mut Self {
        self.0.push(value);
        self
    }

    pub fn bool(&mut self, value: bool) -> &mut Self {
        self.u8(value as u8)
    }

    pub fn u32(&mut self, value: u32) -> &mut Self {
        self.0.extend_from_slice(&value.to_be_bytes());
        self
    }

    pub fn u64(&mut self, value: u64) -> &mut Self {
        self.0.extend_from_slice(&value.to_be_bytes());
        self
    }

    pub fn u128(&mut self, value: u128) -> &mut Self {
        self.0.extend_from_slice(&value.to_be_bytes());
        self
    }

    pub fn amount(&mut self, value: Uint128) -> &mut Self {
        self.u128(value.u128())
    }

    pub fn time(&mut self, value: Timestamp) -> &mut Self {
        self.u64(value.nanos())
    }

    /// Bytes with their length in front (records here are far shorter than 4 GiB).
    pub fn bytes(&mut self, value: &[u8]) -> &mut Self {
        self.u32(value.len() as u32);
        self.0.extend_from_slice(value);
        self
    }

    /// A string with its length in front.
    pub fn string(&mut self, value: &str) -> &mut Self {
        self.bytes(value.as_bytes())
    }

    /// An optional address; none is written as the empty one.
    pub fn opt_addr(&mut self, value: Option<&Addr>) -> &mut Self {
        self.string(value.map(Addr::as_str).unwrap_or_default())
    }
}

/// The storage key of `key` in the map `namespace`, laid out as cw-storage-plus lays out a
/// `Map` key (2-byte big-endian namespace length, namespace, key).
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

/// The storage key of `(id, addr)` in the map `namespace`, as cw-storage-plus lays out a
/// `Map<(u64, &Addr), _>` key: the id is prefixed with its 2-byte length.
pub fn id_addr_key(namespace: &[u8], id: u64, addr: &[u8]) -> Vec<u8> {
    let mut out = id_prefix(namespace, id);
    out.extend_from_slice(addr);
    out
}

/// The storage prefix of every `(id, ..)` key of the map `namespace`.
pub fn id_prefix(namespace: &[u8], id: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(12 + namespace.len() + 70);
    out.extend_from_slice(&(namespace.len() as u16).to_be_bytes());
    out.extend_from_slice(namespace);
    out.extend_from_slice(&8u16.to_be_bytes());
    out.extend_from_slice(&id.to_be_bytes());
    out
}

/// The first key after every key that starts with `prefix` (the exclusive end of a range).
pub fn prefix_end(prefix: &[u8]) -> Vec<u8> {
    let mut end = prefix.to_vec();
    while let Some(last) = end.pop() {
        if last < u8::MAX {
            end.push(last + 1);
            return end;
        }
    }
    // a prefix of 0xff bytes only: nothing sorts after it but longer keys, which storage
    // ranges cannot bound; never the case for a namespace with a length in front
    vec![u8::MAX; prefix.len() + 1]
}

/// Appends a height or a time as 8 big-endian bytes.
pub fn put_u64(out: &mut Vec<u8>, value: u64) {
    out.extend_from_slice(&value.to_be_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;
    use cw_storage_plus::Map;

    #[test]
    fn reads_back_what_was_written() {
        let mut w = Writer::default();
        w.u8(7)
            .bool(true)
            .u32(u32::MAX)
            .u64(u64::MAX - 1)
            .amount(Uint128::MAX)
            .time(Timestamp::from_nanos(5))
            .string("héllo")
            .opt_addr(Some(&Addr::unchecked("cosmwasm1xyz")))
            .opt_addr(None)
            .string("tail");
        let mut r = Reader::new(&w.0, "test");
        assert_eq!(r.u8().unwrap(), 7);
        assert!(r.bool().unwrap());
        assert_eq!(r.u32().unwrap(), u32::MAX);
        assert_eq!(r.u64().unwrap(), u64::MAX - 1);
        assert_eq!(r.amount().unwrap(), Uint128::MAX);
        assert_eq!(r.time().unwrap(), Timestamp::from_nanos(5));
        assert_eq!(r.string().unwrap(), "héllo");
        assert_eq!(r.opt_addr().unwrap(), Some(Addr::unchecked("cosmwasm1xyz")));
        assert_eq!(r.opt_addr().unwrap(), None);
        assert_eq!(r.addr().unwrap(), Addr::unchecked("tail"));
        r.finish().unwrap();
    }

    #[test]
    fn truncated_long_and_non_utf8_records_are_errors() {
        assert!(Reader::new(&[1, 2, 3], "test").u64().is_err());
        let mut r = Reader::new(&[1, 2], "test");
        r.u8().unwrap();
        assert!(r.finish().is_err());
        // a length beyond the record
        assert!(Reader::new(&[0, 0, 0, 9, b'a'], "test").string().is_err());
        assert!(Reader::new(&[0, 0, 0, 2, 0xff, 0xfe], "test")
            .string()
            .is_err());
        assert!(Reader::new(&[0xff], "test").rest().is_err());
        assert_eq!(Reader::new(b"why", "test").rest().unwrap(), "why");
    }

    #[test]
    fn keys_match_cw_storage_plus() {
        let addr = Addr::unchecked("cosmwasm1abc");
        let want = Map::<u64, ()>::new("proposal").key(7).to_vec();
        assert_eq!(map_key(b"proposal", &7u64.to_be_bytes()), want);
        let want = Map::<(u64, &Addr), ()>::new("ballot")
            .key((7, &addr))
            .to_vec();
        assert_eq!(id_addr_key(b"ballot", 7, addr.as_bytes()), want);
        assert!(want.starts_with(&id_prefix(b"ballot", 7)));
    }

    #[test]
    fn prefix_end_bounds_every_key_with_the_prefix() {
        assert_eq!(prefix_end(b"ab"), b"ac".to_vec());
        assert_eq!(prefix_end(&[1, 0xff]), vec![2]);
        let prefix = id_prefix(b"ballot", u64::MAX);
        let end = prefix_end(&prefix);
        let mut key = prefix.clone();
        key.extend_from_slice(&[0xff; 80]);
        assert!(prefix < end && key < end);
    }

    #[test]
    fn truncated_and_long_records_are_errors_in_place_too() {
        let mut r = Reader::new(&[1, 2, 3], "test");
        assert!(r.u64().is_err());
        let mut r = Reader::new(&[1, 2], "test");
        r.u8().unwrap();
        assert!(r.finish().is_err());
        assert!(Reader::new(&[], "test").finish().is_ok());
    }

    #[test]
    fn owner_prefixed_keys_match_cw_storage_plus() {
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
