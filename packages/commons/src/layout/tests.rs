use super::*;
use cosmwasm_std::{Timestamp, Uint128};

crate::part! {
    /// Two fields kept together.
    struct Pair {
        A: u64,
        B: bool,
    }
}

crate::layout! {
    /// Every kind of field.
    struct Sample("sample", version 3) {
        FLAG: bool,
        SMALL: u8,
        COUNT: u32,
        AMOUNT: Uint128,
        WHEN: Timestamp,
        PAIR: Pair,
        WIDE: u128,
    }
}

#[test]
fn offsets_follow_the_declaration() {
    assert_eq!(
        [
            Sample::FLAG.at(),
            Sample::SMALL.at(),
            Sample::COUNT.at(),
            Sample::AMOUNT.at(),
            Sample::WHEN.at(),
            Sample::PAIR.at(),
            Sample::WIDE.at(),
        ],
        [1, 2, 3, 7, 23, 31, 40]
    );
    assert_eq!(Sample::LEN, 56);
    assert_eq!(<Pair as Width>::SIZE, 9);
    assert_eq!((Pair::A.at(), Pair::B.at()), (0, 8));
}

#[test]
fn fields_round_trip_in_place_and_leave_the_rest_alone() {
    let mut r = Stored::<Sample>::new();
    assert_eq!(r.as_bytes().len(), Sample::LEN);
    assert_eq!(r.as_bytes()[0], 3);
    r.set(Sample::FLAG, true);
    r.set(Sample::SMALL, 0xab);
    r.set(Sample::COUNT, u32::MAX - 1);
    r.set(Sample::AMOUNT, Uint128::MAX - Uint128::one());
    r.set(Sample::WHEN, Timestamp::from_nanos(u64::MAX));
    let mut pair = r.part_mut(Sample::PAIR);
    pair.set(Pair::A, 7);
    pair.set(Pair::B, true);
    r.set(Sample::WIDE, 1 << 100);
    r.set_tail(b"tail");
    let r = Stored::<Sample>::from_stored(r.into_bytes()).unwrap();
    assert!(r.get(Sample::FLAG));
    assert_eq!(r.get(Sample::SMALL), 0xab);
    assert_eq!(r.get(Sample::COUNT), u32::MAX - 1);
    assert_eq!(r.get(Sample::AMOUNT), Uint128::MAX - Uint128::one());
    assert_eq!(r.get(Sample::WHEN), Timestamp::from_nanos(u64::MAX));
    assert_eq!(r.part(Sample::PAIR).get(Pair::A), 7);
    assert!(r.part(Sample::PAIR).get(Pair::B));
    assert_eq!(r.get(Sample::WIDE), 1 << 100);
    assert_eq!(r.tail(), b"tail");
    // big-endian, at the derived offsets
    assert_eq!(&r.as_bytes()[3..7], &(u32::MAX - 1).to_be_bytes());
    assert_eq!(&r.as_bytes()[31..40], &[0, 0, 0, 0, 0, 0, 0, 7, 1]);
    let mut r = r;
    r.set_tail(b"");
    assert_eq!(r.as_bytes().len(), Sample::LEN);
}

#[test]
fn unknown_versions_and_short_or_long_records_are_errors() {
    let good = Stored::<Sample>::new().into_bytes();
    let mut other = good.clone();
    other[0] = 4;
    assert_eq!(
        Stored::<Sample>::from_stored(other).unwrap_err(),
        LayoutError::UnknownVersion {
            record: "sample",
            version: 4
        }
    );
    for short in [vec![], vec![3], good[..Sample::LEN - 1].to_vec()] {
        assert_eq!(
            Stored::<Sample>::from_stored(short).unwrap_err(),
            LayoutError::Truncated { record: "sample" }
        );
    }
    let mut long = good.clone();
    long.push(0);
    assert!(Stored::<Sample>::from_stored(long.clone()).is_ok());
    assert_eq!(
        Stored::<Sample>::from_exact(long).unwrap_err(),
        LayoutError::TooLong { record: "sample" }
    );
    assert!(Stored::<Sample>::from_exact(good).is_ok());
    let e: StdError = LayoutError::UnknownVersion {
        record: "sample",
        version: 9,
    }
    .into();
    assert!(e.to_string().contains("layout version 9"), "{e}");
}
