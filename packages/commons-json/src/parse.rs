//! The tree of JSON text a contract holds as bytes (the answers to its queries). Entry points
//! get their messages from cosmwasm-std as a deserializer only and build the tree through
//! `Json`'s serde impl; text in hand is parsed here into the same tree.
//!
//! The answers a contract reads on its hot paths are small flat objects (a voting power and its
//! height), and in the VM parsing them through serde-json-wasm costs more than the query
//! around them (measured: about 1.5 million gas for a 35-byte answer, where every branch costs
//! fourteen instructions and every allocation of a key some more). So a flat object whose
//! values are strings without escapes, unsigned integers, booleans or `null` is read here,
//! with its strings borrowed from the text; any other text is handed to serde-json-wasm whole,
//! which decides what it accepts and how it reads. The tests compare the two.

use std::borrow::Cow;

use cosmwasm_std::StdResult;

use crate::{Input, Json};

/// The tree of the JSON text `json`.
pub fn parse_tree(json: &[u8]) -> StdResult<Json<'_>> {
    match flat_object(json) {
        Some(tree) => Ok(tree),
        None => cosmwasm_std::from_json::<Input<Json<'static>>>(json).map(|Input(tree)| tree),
    }
}

/// The text as a flat object, if it is one this parser reads (see the module docs).
fn flat_object(json: &[u8]) -> Option<Json<'_>> {
    let mut p = Parser { bytes: json, at: 0 };
    p.expect(b'{')?;
    let mut members = Vec::new();
    if p.expect(b'}').is_none() {
        loop {
            let key = p.string()?;
            p.expect(b':')?;
            let value = match p.next()? {
                b'"' => Json::Str(p.string()?),
                b'0'..=b'9' => Json::Uint(p.number()?),
                b't' => p.word(b"true", Json::Bool(true))?,
                b'f' => p.word(b"false", Json::Bool(false))?,
                b'n' => p.word(b"null", Json::Null)?,
                _ => return None,
            };
            members.push((key, value));
            if p.expect(b',').is_none() {
                p.expect(b'}')?;
                break;
            }
        }
    }
    // only whitespace may follow
    p.next().is_none().then_some(Json::Object(members))
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Parser<'a> {
    /// The next byte after whitespace (serde-json-wasm's: space, tab, CR, LF), not consumed.
    fn next(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
        self.bytes.get(self.at).copied()
    }

    /// Steps over `byte`, the next one after whitespace.
    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.next()? == byte).then(|| self.at += 1)
    }

    fn word(&mut self, word: &[u8], value: Json<'a>) -> Option<Json<'a>> {
        let end = self.at.checked_add(word.len())?;
        (self.bytes.get(self.at..end)? == word).then(|| {
            self.at = end;
            value
        })
    }

    /// `0`, or a digit 1-9 then digits, up to `u64::MAX`, as serde-json-wasm reads them (a
    /// digit after a leading `0` is not part of the number, and the text is then malformed).
    fn number(&mut self) -> Option<u64> {
        let first = *self.bytes.get(self.at)?;
        self.at += 1;
        let mut n = u64::from(first.checked_sub(b'0')?);
        if n == 0 {
            return Some(0);
        }
        while let Some(digit @ b'0'..=b'9') = self.bytes.get(self.at) {
            self.at += 1;
            n = n.checked_mul(10)?.checked_add(u64::from(digit - b'0'))?;
        }
        Some(n)
    }

    /// The string that starts at the next byte, if it has no escape.
    fn string(&mut self) -> Option<Cow<'a, str>> {
        let bytes: &'a [u8] = self.bytes;
        self.expect(b'"')?;
        let text = bytes.get(self.at..)?;
        let len = quote_or_backslash(text);
        // a backslash, or no closing quote: serde-json-wasm reads it
        if text.get(len) != Some(&b'"') {
            return None;
        }
        self.at += len + 1;
        std::str::from_utf8(text.get(..len)?)
            .ok()
            .map(Cow::Borrowed)
    }
}

/// Eight copies of the byte `b`.
const fn splat(b: u8) -> u64 {
    u64::from_le_bytes([b; 8])
}

/// Whether some byte of `w` is zero (exact for the word as a whole).
fn has_zero(w: u64) -> bool {
    w.wrapping_sub(splat(1)) & !w & splat(0x80) != 0
}

/// The index of the first `"` or `\` in `s` (its length if there is none), eight bytes per
/// step: in the VM each step of a loop costs a branch.
fn quote_or_backslash(s: &[u8]) -> usize {
    let mut at = 0;
    for chunk in s.chunks_exact(8) {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let w = u64::from_le_bytes(word);
        if has_zero(w ^ splat(b'"')) | has_zero(w ^ splat(b'\\')) {
            break;
        }
        at += 8;
    }
    let rest = s.get(at..).unwrap_or_default();
    at + rest
        .iter()
        .position(|b| *b == b'"' || *b == b'\\')
        .unwrap_or(rest.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_found_at_every_offset() {
        for len in 0..40 {
            for at in 0..=len {
                for mark in [b'"', b'\\'] {
                    // `#` and `]` differ from the marks by one bit: they must not count
                    let mut s: Vec<u8> = (0..len)
                        .map(|i| if i % 2 == 0 { b'#' } else { b']' })
                        .collect();
                    if at < len {
                        s[at] = mark;
                    }
                    assert_eq!(quote_or_backslash(&s), at, "{len} {at}");
                }
            }
        }
        let all: Vec<u8> = (0..=255u8).filter(|b| *b != b'"' && *b != b'\\').collect();
        assert_eq!(quote_or_backslash(&all), all.len());
    }

    #[test]
    fn flat_objects_are_read_here_and_the_rest_by_serde() {
        let here = |text: &str| flat_object(text.as_bytes()).is_some();
        assert!(here(r#"{"power":"1000000","height":12345}"#));
        assert!(here(r#" { "a" : true , "b" : null, "c": false, "d": 0 } "#));
        assert!(here("{}"));
        for elsewhere in [
            r#"{"a":{"b":1}}"#,
            r#"{"a":[1]}"#,
            r#"{"a":-1}"#,
            r#"{"a":"\n"}"#,
            r#"{"a":01}"#,
            r#"{"a":1,}"#,
            r#"{"a":1"#,
            r#"{"a":1} x"#,
            r#"[1]"#,
            r#""s""#,
            "",
        ] {
            assert!(!here(elsewhere), "{elsewhere}");
        }
    }
}
