//! For random values of governance-shaped types: the derived reader reads what serde writes
//! back into the same value, and the derived writer writes serde's bytes.

mod common;

use std::fmt::Debug;

use common::*;
use commons_json::{from_slice, to_vec, FromJson, ToJson};
use cosmwasm_std::{from_json, to_json_vec};
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

fn agree<T>(value: &T) -> Result<(), TestCaseError>
where
    T: FromJson + ToJson + Serialize + DeserializeOwned + PartialEq + Debug,
{
    let theirs = to_json_vec(value).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let text = String::from_utf8_lossy(&theirs).into_owned();
    let ours = to_vec(value).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(String::from_utf8_lossy(&ours), text.as_str());
    let read: T = from_slice(&theirs).map_err(|e| TestCaseError::fail(format!("{e}: {text}")))?;
    prop_assert_eq!(&read, value, "{}", text);
    // and serde reads our bytes back (the same bytes, but this is what a receiver does)
    let back: T = from_json(&ours).map_err(|e| TestCaseError::fail(format!("{e}: {text}")))?;
    prop_assert_eq!(&back, value);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(512)))]

    #[test]
    fn execute_messages_round_trip(msg in execute_msg()) {
        agree(&msg)?;
    }

    #[test]
    fn actions_round_trip(actions in proptest::collection::vec(action(), 0..6)) {
        agree(&actions)?;
    }

    #[test]
    fn queries_round_trip(msg in query_msg()) {
        agree(&msg)?;
    }

    #[test]
    fn every_primitive_round_trips(value in widths()) {
        agree(&value)?;
    }

    #[test]
    fn options_and_boxes_round_trip(config in update_config()) {
        agree(&config)?;
        agree(&Some(Box::new(config)))?;
        agree(&Option::<UpdateConfig>::None)?;
    }
}

#[test]
fn empty_struct_variants_and_unit_variants_have_serde_shapes() {
    assert_eq!(to_vec(&QueryMsg::Config {}).unwrap(), br#"{"config":{}}"#);
    assert_eq!(to_vec(&Vote::Abstain).unwrap(), br#""abstain""#);
    assert_eq!(
        to_vec(&DepositChange::Remove).unwrap(),
        to_json_vec(&DepositChange::Remove).unwrap()
    );
    assert_eq!(
        from_slice::<QueryMsg>(br#" { "config" : { } } "#).unwrap(),
        QueryMsg::Config {}
    );
}

#[test]
fn large_messages_round_trip() {
    let msg = ExecuteMsg::Propose {
        title: "t".repeat(100_000),
        description: "\"\\\u{1}".repeat(30_000),
        actions: vec![
            Action::TreasuryRevokeBudget {
                spender: "s".into()
            };
            1_000
        ],
    };
    agree(&msg).unwrap();
}
