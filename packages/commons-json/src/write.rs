//! Writing JSON: the `Out` buffer and the `ToJson` trait. The bytes are the ones
//! `cosmwasm_std::to_json_vec` writes for the same value (the tests compare them), without a
//! serde serializer per type and without the intermediate strings serde builds.

use cosmwasm_std::{to_json_vec, Uint64};
use cosmwasm_std::{Addr, Binary, Decimal, StdError, StdResult, Timestamp, Uint128, Uint256};
use serde::Serialize;

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// A JSON text being written: punctuation and keys as they are (`raw`), values through the
/// typed methods or `value`.
#[derive(Default)]
pub struct Out {
    bytes: Vec<u8>,
    /// Why a value written through serde failed (see `serde`); reported by `into_vec`.
    failed: Option<String>,
}

impl Out {
    pub fn with_capacity(capacity: usize) -> Self {
        Out {
            bytes: Vec::with_capacity(capacity),
            failed: None,
        }
    }

    /// JSON text as it is: punctuation and keys.
    pub fn raw(&mut self, text: &str) -> &mut Self {
        self.bytes.extend_from_slice(text.as_bytes());
        self
    }

    /// JSON text already encoded (a stored message, say), appended as it is.
    pub fn raw_bytes(&mut self, json: &[u8]) -> &mut Self {
        self.bytes.extend_from_slice(json);
        self
    }

    /// A string, quoted and escaped as serde-json-wasm escapes it: `"` `\` and the control
    /// characters, the usual ones by letter, the others as `\u00XX` (upper case).
    pub fn str(&mut self, s: &str) -> &mut Self {
        self.bytes.push(b'"');
        // addresses, denoms and numbers need no escaping: check all bytes, copy at once
        let plain = s.bytes().fold(true, |plain, b| {
            plain & (b >= 0x20) & (b != b'"') & (b != b'\\')
        });
        if plain {
            self.bytes.extend_from_slice(s.as_bytes());
        } else {
            for &b in s.as_bytes() {
                let escape: &[u8] = match b {
                    b'"' => b"\\\"",
                    b'\\' => b"\\\\",
                    b'\n' => b"\\n",
                    b'\r' => b"\\r",
                    b'\t' => b"\\t",
                    0x08 => b"\\b",
                    0x0c => b"\\f",
                    0..=0x1f => {
                        const HEX: &[u8; 16] = b"0123456789ABCDEF";
                        let code = [
                            b'\\',
                            b'u',
                            b'0',
                            b'0',
                            HEX[usize::from(b >> 4)],
                            HEX[usize::from(b & 15)],
                        ];
                        self.bytes.extend_from_slice(&code);
                        continue;
                    }
                    _ => {
                        self.bytes.push(b);
                        continue;
                    }
                };
                self.bytes.extend_from_slice(escape);
            }
        }
        self.bytes.push(b'"');
        self
    }

    /// A number, in decimal.
    pub fn u64(&mut self, mut n: u64) -> &mut Self {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.bytes.extend_from_slice(&digits[at..]);
        self
    }

    /// A 128-bit number, in decimal: in 19-digit blocks, so that most of the work is 64-bit.
    pub fn u128(&mut self, n: u128) -> &mut Self {
        const BLOCK: u128 = 10_000_000_000_000_000_000;
        match u64::try_from(n) {
            Ok(small) => self.u64(small),
            Err(_) => {
                self.u128(n / BLOCK);
                // the remainder is below 10^19 < 2^64, and written with its leading zeros
                let mut low = (n % BLOCK) as u64;
                let mut digits = [b'0'; 19];
                for digit in digits.iter_mut().rev() {
                    *digit = b'0' + (low % 10) as u8;
                    low /= 10;
                }
                self.bytes.extend_from_slice(&digits);
                self
            }
        }
    }

    /// A `Uint128`: a decimal string.
    pub fn amount(&mut self, n: Uint128) -> &mut Self {
        self.raw("\"").u128(n.u128()).raw("\"")
    }

    /// A `Uint64` or a `Timestamp` (nanoseconds): a decimal string.
    pub fn u64_str(&mut self, n: u64) -> &mut Self {
        self.raw("\"").u64(n).raw("\"")
    }

    /// `Binary`: standard base64 with padding, quoted.
    pub fn binary(&mut self, data: &[u8]) -> &mut Self {
        self.bytes.reserve(data.len().div_ceil(3) * 4 + 2);
        self.bytes.push(b'"');
        let digit = |n: u32, shift: u32| BASE64[(n >> shift) as usize & 63];
        let mut chunks = data.chunks_exact(3);
        for c in &mut chunks {
            let n = u32::from(c[0]) << 16 | u32::from(c[1]) << 8 | u32::from(c[2]);
            self.bytes
                .extend_from_slice(&[digit(n, 18), digit(n, 12), digit(n, 6), digit(n, 0)]);
        }
        match *chunks.remainder() {
            [a] => {
                let n = u32::from(a) << 16;
                self.bytes
                    .extend_from_slice(&[digit(n, 18), digit(n, 12), b'=', b'=']);
            }
            [a, b] => {
                let n = u32::from(a) << 16 | u32::from(b) << 8;
                self.bytes
                    .extend_from_slice(&[digit(n, 18), digit(n, 12), digit(n, 6), b'=']);
            }
            _ => {}
        }
        self.bytes.push(b'"');
        self
    }

    /// Any value with a writer.
    pub fn value<T: ToJson + ?Sized>(&mut self, value: &T) -> &mut Self {
        value.to_json(self);
        self
    }

    /// A value written by serde (foreign types, cold paths). Should serde fail (it cannot for
    /// the types here: it fails on floats and non-string map keys), `into_vec` reports it.
    pub fn serde<T: Serialize + ?Sized>(&mut self, value: &T) -> &mut Self {
        match to_json_vec(value) {
            Ok(json) => self.bytes.extend_from_slice(&json),
            Err(e) => {
                self.failed.get_or_insert_with(|| e.to_string());
            }
        }
        self
    }

    /// The text written so far.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The text written, unless a value written through serde failed.
    pub fn into_vec(self) -> StdResult<Vec<u8>> {
        match self.failed {
            None => Ok(self.bytes),
            Some(e) => Err(StdError::serialize_err("JSON message", e)),
        }
    }

    pub fn into_binary(self) -> StdResult<Binary> {
        self.into_vec().map(Binary::new)
    }
}

/// A type written as JSON. Derive it (`#[derive(ToJson)]` or `#[wire]`): the derive writes
/// the bytes serde's derive of the same type writes.
pub trait ToJson {
    fn to_json(&self, out: &mut Out);
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn to_json(&self, out: &mut Out) {
        (**self).to_json(out)
    }
}

impl ToJson for str {
    fn to_json(&self, out: &mut Out) {
        out.str(self);
    }
}

impl ToJson for String {
    fn to_json(&self, out: &mut Out) {
        out.str(self);
    }
}

impl ToJson for Addr {
    fn to_json(&self, out: &mut Out) {
        out.str(self.as_str());
    }
}

impl ToJson for bool {
    fn to_json(&self, out: &mut Out) {
        out.raw(if *self { "true" } else { "false" });
    }
}

impl ToJson for u8 {
    fn to_json(&self, out: &mut Out) {
        out.u64(u64::from(*self));
    }
}

impl ToJson for u16 {
    fn to_json(&self, out: &mut Out) {
        out.u64(u64::from(*self));
    }
}

impl ToJson for u32 {
    fn to_json(&self, out: &mut Out) {
        out.u64(u64::from(*self));
    }
}

impl ToJson for u64 {
    fn to_json(&self, out: &mut Out) {
        out.u64(*self);
    }
}

impl ToJson for Uint64 {
    fn to_json(&self, out: &mut Out) {
        out.u64_str(self.u64());
    }
}

impl ToJson for Uint128 {
    fn to_json(&self, out: &mut Out) {
        out.amount(*self);
    }
}

impl ToJson for Uint256 {
    fn to_json(&self, out: &mut Out) {
        out.str(&self.to_string());
    }
}

impl ToJson for Decimal {
    fn to_json(&self, out: &mut Out) {
        out.str(&self.to_string());
    }
}

impl ToJson for Timestamp {
    fn to_json(&self, out: &mut Out) {
        out.u64_str(self.nanos());
    }
}

impl ToJson for Binary {
    fn to_json(&self, out: &mut Out) {
        out.binary(self.as_slice());
    }
}

impl<T: ToJson> ToJson for [T] {
    fn to_json(&self, out: &mut Out) {
        out.raw("[");
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.raw(",");
            }
            item.to_json(out);
        }
        out.raw("]");
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self, out: &mut Out) {
        self.as_slice().to_json(out)
    }
}

impl<T: ToJson + ?Sized> ToJson for Box<T> {
    fn to_json(&self, out: &mut Out) {
        (**self).to_json(out)
    }
}

/// `None` is `null`: `#[cw_serde]` types write every field.
impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self, out: &mut Out) {
        match self {
            Some(value) => value.to_json(out),
            None => {
                out.raw("null");
            }
        }
    }
}
