//! JSON that governance writes by hand: the queries it makes and the messages it sends to the
//! token, the treasury, the escrow and itself.
//!
//! serde would need a serializer for every message enum of those contracts (all their
//! variants, though governance sends a few), and spends most of a query's gas writing the
//! message and the request around it. The bytes written here are the ones serde writes (the
//! tests compare them).

use cosmwasm_std::{
    Binary, ContractResult, CosmosMsg, QuerierWrapper, StdError, StdResult, SystemResult, Uint128,
    WasmMsg,
};

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// A JSON text being written: punctuation and keys as they are, values through the typed
/// methods.
#[derive(Default)]
pub struct Out(pub Vec<u8>);

impl Out {
    pub fn with_capacity(capacity: usize) -> Self {
        Out(Vec::with_capacity(capacity))
    }

    /// JSON text as it is (punctuation, keys).
    pub fn raw(&mut self, text: &str) -> &mut Self {
        self.0.extend_from_slice(text.as_bytes());
        self
    }

    /// A string, quoted and escaped as serde escapes it.
    pub fn str(&mut self, s: &str) -> &mut Self {
        self.0.push(b'"');
        // addresses and numbers never need escaping: check every byte at once, copy at once
        let plain = s.bytes().fold(true, |plain, b| {
            plain & (b >= 0x20) & (b != b'"') & (b != b'\\')
        });
        if plain {
            self.0.extend_from_slice(s.as_bytes());
        } else {
            for &b in s.as_bytes() {
                match b {
                    b'"' => self.0.extend_from_slice(b"\\\""),
                    b'\\' => self.0.extend_from_slice(b"\\\\"),
                    b'\n' => self.0.extend_from_slice(b"\\n"),
                    b'\r' => self.0.extend_from_slice(b"\\r"),
                    b'\t' => self.0.extend_from_slice(b"\\t"),
                    0x08 => self.0.extend_from_slice(b"\\b"),
                    0x0c => self.0.extend_from_slice(b"\\f"),
                    0..=0x1f => {
                        const HEX: &[u8; 16] = b"0123456789ABCDEF";
                        self.0.extend_from_slice(b"\\u00");
                        self.0.push(HEX[(b >> 4) as usize]);
                        self.0.push(HEX[(b & 15) as usize]);
                    }
                    _ => self.0.push(b),
                }
            }
        }
        self.0.push(b'"');
        self
    }

    /// An optional string: `null` when there is none.
    pub fn opt_str(&mut self, s: Option<&str>) -> &mut Self {
        match s {
            Some(s) => self.str(s),
            None => self.raw("null"),
        }
    }

    /// A number, in decimal.
    pub fn u64(&mut self, mut n: u64) -> &mut Self {
        let mut digits = [0u8; 20];
        let mut i = digits.len();
        loop {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.0.extend_from_slice(&digits[i..]);
        self
    }

    /// A `Uint128`: a decimal string.
    pub fn amount(&mut self, n: Uint128) -> &mut Self {
        self.str(&n.to_string())
    }

    /// A `Uint64` or a `Timestamp` (nanoseconds): a decimal string.
    pub fn u64_str(&mut self, n: u64) -> &mut Self {
        self.raw("\"").u64(n).raw("\"")
    }

    /// `Binary`: standard base64 with padding, quoted.
    pub fn binary(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.push(b'"');
        self.0.reserve(bytes.len().div_ceil(3) * 4 + 1);
        let digit = |n: u32, shift: u32| BASE64[(n >> shift) as usize & 63];
        let mut chunks = bytes.chunks_exact(3);
        for c in &mut chunks {
            let n = (c[0] as u32) << 16 | (c[1] as u32) << 8 | c[2] as u32;
            self.0.push(digit(n, 18));
            self.0.push(digit(n, 12));
            self.0.push(digit(n, 6));
            self.0.push(digit(n, 0));
        }
        let rest = chunks.remainder();
        if let Some(&first) = rest.first() {
            let second = rest.get(1).copied().unwrap_or(0);
            let n = (first as u32) << 16 | (second as u32) << 8;
            self.0.push(digit(n, 18));
            self.0.push(digit(n, 12));
            self.0
                .push(if rest.len() == 2 { digit(n, 6) } else { b'=' });
            self.0.push(b'=');
        }
        self.0.push(b'"');
        self
    }

    pub fn into_binary(self) -> Binary {
        Binary::new(self.0)
    }
}

/// `msg` (JSON) executed on `contract`, without funds.
pub fn execute_msg(contract: &str, msg: Out) -> CosmosMsg {
    WasmMsg::Execute {
        contract_addr: contract.to_string(),
        msg: msg.into_binary(),
        funds: vec![],
    }
    .into()
}

/// The `{"wasm":{"smart":..}}` request of the query `msg` (JSON) to `contract`.
fn smart_request(contract: &str, msg: &[u8]) -> Out {
    let mut req = Out::with_capacity(64 + contract.len() + msg.len() * 4 / 3);
    req.raw(r#"{"wasm":{"smart":{"contract_addr":"#)
        .str(contract)
        .raw(r#","msg":"#)
        .binary(msg)
        .raw("}}}");
    req
}

/// The answer of `contract` to the smart query `msg` (JSON), with the errors `QuerierWrapper`
/// reports.
pub fn smart_query(querier: &QuerierWrapper, contract: &str, msg: &[u8]) -> StdResult<Binary> {
    match querier.raw_query(&smart_request(contract, msg).0) {
        SystemResult::Err(err) => Err(StdError::generic_err(format!(
            "Querier system error: {err}"
        ))),
        SystemResult::Ok(ContractResult::Err(err)) => Err(StdError::generic_err(format!(
            "Querier contract error: {err}"
        ))),
        SystemResult::Ok(ContractResult::Ok(data)) => Ok(data),
    }
}

/// A stored action (`{"<action>":<content>}`, as serde writes an enum variant) sent on as the
/// message `{"<name>":<content>}`: the content of the action is the message's.
pub fn renamed(action: &[u8], name: &str) -> StdResult<Out> {
    let content = action
        .strip_prefix(b"{\"")
        .and_then(|rest| {
            let end = rest.iter().position(|b| *b == b'"')?;
            rest.get(end + 1..)?.strip_prefix(b":")
        })
        .ok_or_else(|| StdError::parse_err("action", "not an enum variant"))?;
    let mut msg = Out::with_capacity(4 + name.len() + content.len());
    msg.raw("{").str(name).raw(":");
    msg.0.extend_from_slice(content);
    Ok(msg)
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::to_json_vec;

    #[test]
    fn values_are_written_as_serde_writes_them() {
        for s in [
            "cosmwasm1voter",
            "",
            "we\"ird\\ \n\t\r\u{8}\u{c}\u{1}\u{1b}\u{7f} ádress/",
        ] {
            let mut out = Out::default();
            out.str(s);
            assert_eq!(out.0, to_json_vec(s).unwrap(), "{s}");
        }
        for n in [0, 1, 9, 10, 12_345, u64::MAX] {
            let mut out = Out::default();
            out.u64(n);
            assert_eq!(out.0, to_json_vec(&n).unwrap());
        }
        for n in [0, 7, u128::MAX] {
            let mut out = Out::default();
            out.amount(Uint128::new(n));
            assert_eq!(out.0, to_json_vec(&Uint128::new(n)).unwrap());
        }
        let mut out = Out::default();
        out.opt_str(None).raw(",").opt_str(Some("x"));
        assert_eq!(out.0, b"null,\"x\"");
    }

    #[test]
    fn base64_matches_binary_at_every_padding() {
        let data: Vec<u8> = (0..=255u8).collect();
        for len in [0, 1, 2, 3, 4, 5, 254, 255, 256] {
            let mut out = Out::default();
            out.binary(&data[..len]);
            assert_eq!(out.0, to_json_vec(&Binary::from(&data[..len])).unwrap());
        }
    }

    #[test]
    fn requests_are_the_bytes_serde_writes() {
        use cosmwasm_std::{Empty, QueryRequest, WasmQuery};
        let msg = br#"{"config":{}}"#;
        let want = to_json_vec(&QueryRequest::<Empty>::Wasm(WasmQuery::Smart {
            contract_addr: "cosmwasm1treasury".into(),
            msg: Binary::from(msg),
        }))
        .unwrap();
        assert_eq!(smart_request("cosmwasm1treasury", msg).0, want);
        let mut out = Out::default();
        out.u64_str(17);
        assert_eq!(
            out.0,
            to_json_vec(&cosmwasm_std::Timestamp::from_nanos(17)).unwrap()
        );
    }

    #[test]
    fn renaming_keeps_the_content() {
        let msg = renamed(br#"{"token_mint":{"recipient":"a","amount":"1"}}"#, "mint").unwrap();
        assert_eq!(msg.0, br#"{"mint":{"recipient":"a","amount":"1"}}"#);
        for bad in [&b""[..], b"\"x\"", b"{\"x\"}", b"{\"x"] {
            assert!(renamed(bad, "mint").is_err());
        }
    }
}
