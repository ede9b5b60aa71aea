//! `Out` and the `ToJson` impls write the bytes serde writes.

use commons_json::{to_vec, Json, Out, ToJson};
use cosmwasm_std::{
    to_json_vec, Addr, Binary, Coin, CosmosMsg, Decimal, Timestamp, Uint128, Uint256, Uint64,
};
use proptest::prelude::*;

fn same<T: ToJson + serde::Serialize>(value: &T) {
    assert_eq!(
        String::from_utf8(to_vec(value).unwrap()).unwrap(),
        String::from_utf8(to_json_vec(value).unwrap()).unwrap()
    );
}

proptest! {
    #[test]
    fn strings_are_escaped_as_serde_escapes_them(s in any::<String>()) {
        prop_assert_eq!(to_vec(&s).unwrap(), to_json_vec(&s).unwrap());
        prop_assert_eq!(to_vec(&Addr::unchecked(&s)).unwrap(), to_json_vec(&s).unwrap());
    }

    #[test]
    fn numbers_are_written_as_serde_writes_them(
        n in any::<u64>(), wide in any::<u128>(), bytes in any::<[u8; 32]>(),
    ) {
        prop_assert_eq!(to_vec(&n).unwrap(), to_json_vec(&n).unwrap());
        prop_assert_eq!(to_vec(&Uint64::new(n)).unwrap(), to_json_vec(&Uint64::new(n)).unwrap());
        let ts = Timestamp::from_nanos(n);
        prop_assert_eq!(to_vec(&ts).unwrap(), to_json_vec(&ts).unwrap());
        let amount = Uint128::new(wide);
        prop_assert_eq!(to_vec(&amount).unwrap(), to_json_vec(&amount).unwrap());
        let d = Decimal::raw(wide);
        prop_assert_eq!(to_vec(&d).unwrap(), to_json_vec(&d).unwrap());
        let big = Uint256::from_be_bytes(bytes);
        prop_assert_eq!(to_vec(&big).unwrap(), to_json_vec(&big).unwrap());
    }

    #[test]
    fn binaries_are_serde_base64(data in proptest::collection::vec(any::<u8>(), 0..100)) {
        let binary = Binary::new(data);
        prop_assert_eq!(to_vec(&binary).unwrap(), to_json_vec(&binary).unwrap());
    }
}

#[test]
fn boundaries_are_written_as_serde_writes_them() {
    for s in [
        "",
        "cosmwasm1voter",
        "we\"ird\\ \n\t\r\u{8}\u{c}\u{1}\u{1b}\u{1f}\u{7f} ádress/",
    ] {
        same(&s);
    }
    for n in [
        0u64,
        1,
        9,
        10,
        99,
        100,
        u64::from(u32::MAX),
        u64::MAX - 1,
        u64::MAX,
    ] {
        same(&n);
    }
    let block = 10_000_000_000_000_000_000u128;
    for n in [
        0,
        1,
        block - 1,
        block,
        block + 1,
        u128::from(u64::MAX) + 1,
        block * block,
        u128::MAX,
    ] {
        same(&Uint128::new(n));
    }
    same(&Uint256::MAX);
    same(&Decimal::MAX);
    same(&(u8::MAX, u16::MAX, u32::MAX).0);
    same(&u16::MAX);
    same(&u32::MAX);
    same(&true);
    same(&vec![Some(1u8), None]);
    same(&Box::new(Option::<String>::None));
    let data: Vec<u8> = (0..=255u8).collect();
    for len in [0, 1, 2, 3, 4, 5, 254, 255, 256] {
        same(&Binary::from(&data[..len]));
    }
}

#[test]
fn foreign_types_are_written_as_serde_writes_them() {
    same(&Coin::new(5u128, "ucoin"));
    let msg: CosmosMsg = cosmwasm_std::BankMsg::Send {
        to_address: "a".into(),
        amount: vec![Coin::new(1u128, "u\"coin")],
    }
    .into();
    same(&msg);
}

#[test]
fn the_writer_chains_and_reports_serde_failures() {
    let mut out = Out::default();
    out.raw("{\"a\":")
        .u64(1)
        .raw(",\"b\":")
        .amount(Uint128::new(2));
    out.raw(",\"c\":").u64_str(3).raw(",\"d\":").binary(b"hi");
    out.raw(",\"e\":")
        .value(&Json::Neg(0))
        .raw(",\"f\":")
        .str("q\"")
        .raw("}");
    assert_eq!(
        out.as_bytes(),
        br#"{"a":1,"b":"2","c":"3","d":"aGk=","e":-0,"f":"q\""}"#
    );
    assert_eq!(
        out.into_binary().unwrap(),
        Binary::from(br#"{"a":1,"b":"2","c":"3","d":"aGk=","e":-0,"f":"q\""}"#)
    );
    // a serializer error (none of the types here has one) comes out at the end
    struct Refuses;
    impl serde::Serialize for Refuses {
        fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
            Err(serde::ser::Error::custom("cannot be written"))
        }
    }
    let mut out = Out::default();
    out.raw("[").serde(&Refuses).raw("]");
    let e = out.into_vec().unwrap_err().to_string();
    assert!(e.contains("cannot be written"), "{e}");
}
