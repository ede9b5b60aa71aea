//! Voting-power queries to the reward token, which `propose` (one or two) and `vote` (one)
//! make. Requests and responses are written and read by hand (see `wire`); a response in
//! any other shape than the token's is parsed by serde.

use commons::reward_token::VotingPowerAtHeightResponse;
use cosmwasm_std::{from_json, QuerierWrapper, StdResult, Uint128};

use crate::json::Json;
use crate::wire::{smart_query, Out};

/// `{"voting_power_at_height":{"address":..,"height":..}}`
fn voting_power_msg(address: &str, height: Option<u64>) -> Out {
    let mut msg = Out::with_capacity(64 + address.len());
    msg.raw(r#"{"voting_power_at_height":{"address":"#)
        .str(address)
        .raw(r#","height":"#);
    match height {
        Some(height) => msg.u64(height),
        None => msg.raw("null"),
    };
    msg.raw("}}");
    msg
}

/// `{"total_power_excluding":{"height":..,"excluding":[..]}}`
fn total_power_excluding_msg(height: u64, excluding: &[&str]) -> Out {
    let mut msg = Out::with_capacity(64 + 70 * excluding.len());
    msg.raw(r#"{"total_power_excluding":{"height":"#)
        .u64(height)
        .raw(r#","excluding":["#);
    for (i, address) in excluding.iter().enumerate() {
        if i > 0 {
            msg.raw(",");
        }
        msg.str(address);
    }
    msg.raw("]}}");
    msg
}

/// The power in a `{"power":"<digits>",..}` response (the token's shape); anything else is
/// left to serde.
fn parse_power(data: &[u8]) -> StdResult<Uint128> {
    if let Some(rest) = data.strip_prefix(br#"{"power":""#) {
        if let Some(end) = rest.iter().position(|b| *b == b'"') {
            let (digits, tail) = rest.split_at(end);
            // 38 digits always fit in 128 bits
            let plain = (1..=38).contains(&digits.len())
                && digits.iter().all(u8::is_ascii_digit)
                && matches!(tail.get(1), Some(b',' | b'}'));
            if plain {
                let n = digits
                    .iter()
                    .fold(0u128, |n, d| n * 10 + (d - b'0') as u128);
                return Ok(Uint128::new(n));
            }
        }
    }
    Ok(parse_response(data)?.power)
}

fn parse_response(data: &[u8]) -> StdResult<VotingPowerAtHeightResponse> {
    let json: Json = from_json(data)?;
    let mut f = json.into_fields("voting power")?;
    let res = VotingPowerAtHeightResponse {
        power: f.req("power"),
        height: f.req("height"),
    };
    f.end().map(|()| res)
}

/// The voting power of `address` at the start of block `height`.
pub fn voting_power_at(
    querier: &QuerierWrapper,
    token: &str,
    address: &str,
    height: u64,
) -> StdResult<Uint128> {
    let msg = voting_power_msg(address, Some(height));
    parse_power(&smart_query(querier, token, &msg.0)?)
}

/// The voting power of `address` now, or at the start of block `height`, with the height.
pub fn voting_power(
    querier: &QuerierWrapper,
    token: &str,
    address: &str,
    height: Option<u64>,
) -> StdResult<VotingPowerAtHeightResponse> {
    let msg = voting_power_msg(address, height);
    parse_response(&smart_query(querier, token, &msg.0)?)
}

/// The token's total voting power at the start of block `height` less what the `excluding`
/// accounts held then, in one query.
pub fn total_power_excluding(
    querier: &QuerierWrapper,
    token: &str,
    height: u64,
    excluding: &[&str],
) -> StdResult<Uint128> {
    let msg = total_power_excluding_msg(height, excluding);
    parse_power(&smart_query(querier, token, &msg.0)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use commons::reward_token::QueryMsg;
    use cosmwasm_std::to_json_vec;

    #[test]
    fn messages_are_the_bytes_serde_writes() {
        for (address, height) in [
            ("cosmwasm1voter", Some(0)),
            ("a", Some(u64::MAX)),
            ("we\"ird\\ \n\u{1b} ádress", None),
        ] {
            let msg = QueryMsg::VotingPowerAtHeight {
                address: address.to_string(),
                height,
            };
            assert_eq!(
                voting_power_msg(address, height).0,
                to_json_vec(&msg).unwrap()
            );
        }
        for excluding in [
            vec![],
            vec!["a"],
            vec!["cosmwasm1gov", "we\"ird", "cosmwasm1t"],
        ] {
            let msg = QueryMsg::TotalPowerExcluding {
                height: Some(42),
                excluding: excluding.iter().map(|a| a.to_string()).collect(),
            };
            let got = total_power_excluding_msg(42, &excluding).0;
            assert_eq!(got, to_json_vec(&msg).unwrap());
        }
    }

    #[test]
    fn responses_parse_fast_or_through_serde() {
        let ok = |json: &str| parse_power(json.as_bytes()).map(|p| p.u128());
        assert_eq!(
            ok(r#"{"power":"1000000","height":12346}"#).unwrap(),
            1_000_000
        );
        assert_eq!(ok(r#"{"power":"0","height":1}"#).unwrap(), 0);
        assert_eq!(ok(r#"{"power":"007","height":1}"#).unwrap(), 7);
        let max = format!(r#"{{"power":"{}","height":1}}"#, u128::MAX);
        assert_eq!(ok(&max).unwrap(), u128::MAX);
        // other field orders and spacing go through serde
        assert_eq!(ok(r#"{"height":1, "power":"42"}"#).unwrap(), 42);
        // what serde refuses is refused
        let over = format!(r#"{{"power":"{}0","height":1}}"#, u128::MAX);
        for bad in [
            over.as_str(),
            r#"{"power":"","height":1}"#,
            r#"{"power":"-1","height":1}"#,
            r#"{"power":"1"#,
            r#"{"power":1,"height":1}"#,
        ] {
            assert!(ok(bad).is_err(), "{bad}");
        }
    }
}
