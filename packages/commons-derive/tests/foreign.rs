//! The foreign types the wire types embed (features `cw-utils` and `cw20` of commons-json):
//! mirrored ones write serde's bytes and read what serde reads, except that they refuse
//! unknown fields (their serde impls, plain `#[cw_serde]`, ignore them); `CosmosMsg` and
//! `Coin` (part of it) are mirrored with `ignore_unknown_fields` and accept exactly what serde
//! accepts (see commons-json's `chain_messages_agree`).

use std::fmt::Debug;

use commons_json::{from_slice, to_vec, FromJson, ToJson};
use cosmwasm_std::{
    from_json, to_json_vec, Binary, Coin, CosmosMsg, Decimal, Timestamp, Uint128, WasmMsg,
};
use cw20::{Cw20Coin, Cw20ReceiveMsg, EmbeddedLogo, Expiration, Logo, MinterResponse};
use cw_utils::Threshold;
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

fn same<T>(value: T) -> Result<(), TestCaseError>
where
    T: FromJson + ToJson + Serialize + DeserializeOwned + PartialEq + Debug,
{
    let theirs = to_json_vec(&value).unwrap();
    prop_assert_eq!(to_vec(&value).unwrap(), theirs.clone());
    prop_assert_eq!(from_slice::<T>(&theirs).unwrap(), value);
    Ok(())
}

proptest! {
    #[test]
    fn mirrors_round_trip(
        n in any::<u64>(), wide in any::<u128>(), text in any::<String>(),
        data in proptest::collection::vec(any::<u8>(), 0..20), cap in any::<Option<u128>>(),
    ) {
        same(Threshold::AbsoluteCount { weight: n })?;
        same(Threshold::AbsolutePercentage { percentage: Decimal::raw(wide) })?;
        same(Threshold::ThresholdQuorum { threshold: Decimal::raw(wide), quorum: Decimal::percent(n % 100) })?;
        same(Expiration::AtHeight(n))?;
        same(Expiration::AtTime(Timestamp::from_nanos(n)))?;
        same(Expiration::Never {})?;
        same(Cw20ReceiveMsg { sender: text.clone(), amount: Uint128::new(wide), msg: Binary::new(data.clone()) })?;
        same(Cw20Coin { address: text.clone(), amount: Uint128::new(wide) })?;
        same(MinterResponse { minter: text.clone(), cap: cap.map(Uint128::new) })?;
        same(Logo::Url(text.clone()))?;
        same(Logo::Embedded(EmbeddedLogo::Svg(Binary::new(data.clone()))))?;
        same(Logo::Embedded(EmbeddedLogo::Png(Binary::new(data.clone()))))?;
        same(Coin { denom: text.clone(), amount: Uint128::new(wide) })?;
        same(CosmosMsg::from(WasmMsg::Execute {
            contract_addr: text,
            msg: Binary::new(data),
            funds: vec![Coin::new(wide, "u")],
        }))?;
    }
}

fn verdicts<T: FromJson + DeserializeOwned + Debug>(text: &str) -> (bool, bool) {
    (
        from_slice::<T>(text).is_ok(),
        from_json::<T>(text.as_bytes()).is_ok(),
    )
}

#[test]
fn shapes_agree_with_serde() {
    for (text, accepted) in [
        (r#"{"never":{}}"#, true),
        (r#""never""#, false),
        (r#"{"never":null}"#, false),
        (r#"{"at_height":5}"#, true),
        (r#"{"at_height":-5}"#, false),
        (r#"{"at_time":"5"}"#, true),
        (r#"{"at_time":5}"#, false),
        (r#"{"at_height":5,"never":{}}"#, false),
    ] {
        assert_eq!(verdicts::<Expiration>(text), (accepted, accepted), "{text}");
    }
    for (text, accepted) in [
        (r#"{"absolute_count":{"weight":1}}"#, true),
        (r#"{"absolute_count":{"weight":1,"weight":1}}"#, false),
        (r#"{"absolute_count":{}}"#, false),
        (
            r#"{"threshold_quorum":{"threshold":"0.5","quorum":"0.3"}}"#,
            true,
        ),
        (r#"{"absolute_percentage":{"percentage":0.5}}"#, false),
    ] {
        assert_eq!(verdicts::<Threshold>(text), (accepted, accepted), "{text}");
    }
    // chain messages skip unknown fields as their serde impls do, and refuse duplicates
    let text = r#"{"bank":{"send":{"to_address":"a","amount":[],"extra":1}}}"#;
    assert_eq!(verdicts::<CosmosMsg>(text), (true, true));
    let text = r#"{"bank":{"send":{"to_address":"a","amount":[],"to_address":"b"}}}"#;
    assert_eq!(verdicts::<CosmosMsg>(text), (false, false));
}

#[test]
fn mirrors_refuse_the_unknown_fields_their_serde_impls_drop() {
    for text in [
        r#"{"absolute_count":{"weight":1,"wieght":2}}"#,
        r#"{"sender":"s","amount":"1","msg":"","memo":"x"}"#,
    ] {
        let ours_threshold = from_slice::<Threshold>(text).is_ok();
        let ours_receive = from_slice::<Cw20ReceiveMsg>(text).is_ok();
        assert!(!ours_threshold && !ours_receive, "{text}");
    }
    assert!(from_json::<Threshold>(br#"{"absolute_count":{"weight":1,"wieght":2}}"#).is_ok());
    assert!(
        from_json::<Cw20ReceiveMsg>(br#"{"sender":"s","amount":"1","msg":"","memo":"x"}"#).is_ok()
    );
    let e = from_slice::<Threshold>(r#"{"absolute_count":{"weight":1,"wieght":2}}"#)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("unknown field `wieght`, expected `weight` at `absolute_count`"),
        "{e}"
    );
}
