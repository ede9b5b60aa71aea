//! Values with a history by block height: voting power per account and in total.
//!
//! Reading "at height h" means "at the start of block h": a change made in block h is visible
//! from h+1 on. A value is kept as a [`History`] inside the record it belongs to (the
//! account record, or the supply record for the total): the value now, the block of its latest
//! change and the value at the start of that block, and the first block it ever changed in.
//! When the value changes in a later block, the start value of the previous change block moves
//! to an archive entry `(owner, block) -> value at the start of block`; the first change block
//! is never archived, since every value before it is zero.
//!
//! So a change costs no storage call beyond the record itself, except that the first change in
//! a block after the previous change block writes that block's archive entry (none when the
//! previous change block was the first one); a read at a past height is the record plus at
//! most one bounded range step, whatever the length of the history.

use cosmwasm_std::{Order, StdResult, Storage, Uint128};

use commons::codec::put_u64;
use commons::layout::{PartMut, PartRef, Stored};

commons::part! {
    /// A voting-power value and what answering "at the start of block h" needs, kept inside
    /// the record it belongs to (an account, or the supply for the total).
    pub struct History {
        /// Whether the value ever changed (before that it is zero and the rest is unused).
        CHANGED: bool,
        /// The value after every change so far (this block's included).
        NOW: Uint128,
        /// The block of the latest change.
        CHANGED_AT: u64,
        /// The value at the start of `CHANGED_AT`.
        START: Uint128,
        /// The first block in which the value ever changed.
        FIRST: u64,
    }
}

/// An archive entry to store: the value at the start of the block `.0`.
pub type Archived = (u64, Uint128);

/// A history, to read in place: each field is read when needed (a transfer reads only the
/// value now).
#[derive(Clone, Copy)]
pub struct HistoryRef<'a>(pub PartRef<'a, History>);

impl HistoryRef<'_> {
    fn first(&self) -> Option<u64> {
        first(self.0.get(History::CHANGED), self.0.get(History::FIRST))
    }

    /// The value now.
    pub fn now(&self) -> Uint128 {
        self.0.get(History::NOW)
    }

    /// The value at the start of block `height`. `archived_from(h)` must return the first
    /// archive entry at or after block `h`.
    pub fn at_height(
        &self,
        height: u64,
        archived_from: impl FnOnce(u64) -> StdResult<Option<Uint128>>,
    ) -> StdResult<Uint128> {
        let Some(first) = self.first() else {
            return Ok(Uint128::zero());
        };
        let changed_at = self.0.get(History::CHANGED_AT);
        let start = self.0.get(History::START);
        if height > changed_at {
            return Ok(self.now());
        }
        if height == changed_at {
            return Ok(start);
        }
        if height <= first {
            return Ok(Uint128::zero());
        }
        // Every change block strictly between `first` and `changed_at` is archived: the first
        // one at or after `height` holds the value at the start of `height`. If none, nothing
        // changed between `height` and `changed_at`.
        Ok(archived_from(height)?.unwrap_or(start))
    }
}

fn first(changed: bool, first: u64) -> Option<u64> {
    changed.then_some(first)
}

/// Sets the history `h` to `value` in block `height` (heights never decrease). Returns the
/// archive entry the caller must store when this is the first change in a new block.
pub fn set_history(mut h: PartMut<'_, History>, height: u64, value: Uint128) -> Option<Archived> {
    let now = h.get(History::NOW);
    let changed_at = h.get(History::CHANGED_AT);
    let archived = match first(h.get(History::CHANGED), h.get(History::FIRST)) {
        None => {
            // first change ever: the value was zero until now
            h.set(History::CHANGED, true);
            h.set(History::FIRST, height);
            h.set(History::CHANGED_AT, height);
            h.set(History::START, now);
            None
        }
        Some(first) if height > changed_at => {
            // the previous change block is final; its start value goes to the archive,
            // except for the first change block (zero at its start, implied by `first`)
            let done = (changed_at, h.get(History::START));
            h.set(History::CHANGED_AT, height);
            h.set(History::START, now);
            (changed_at != first).then_some(done)
        }
        Some(_) => None,
    };
    h.set(History::NOW, value);
    archived
}

commons::layout! {
    /// An archive entry: the value at the start of the block in its key.
    pub struct ArchivedPower("power archive", version 1) {
        POWER: Uint128,
    }
}

/// Where the archive entries of one value live: `prefix` followed by the 8-byte block height.
pub struct Archive {
    prefix: Vec<u8>,
}

impl Archive {
    /// The archive under the storage prefix `prefix` (see `state`).
    pub fn new(prefix: Vec<u8>) -> Self {
        Archive { prefix }
    }

    fn key(&self, height: u64) -> Vec<u8> {
        let mut key = Vec::with_capacity(self.prefix.len() + 8);
        key.extend_from_slice(&self.prefix);
        put_u64(&mut key, height);
        key
    }

    /// Stores an entry returned by [`History::set`].
    pub fn save(&self, store: &mut dyn Storage, entry: Option<Archived>) {
        if let Some((height, value)) = entry {
            let mut record = Stored::<ArchivedPower>::new();
            record.set(ArchivedPower::POWER, value);
            store.set(&self.key(height), record.as_bytes());
        }
    }

    /// The first entry at or after block `height`: one range step.
    pub fn first_from(&self, store: &dyn Storage, height: u64) -> StdResult<Option<Uint128>> {
        let start = self.key(height);
        // every key of this archive is `prefix + 8 bytes`, so this bound is above all of them
        let mut end = self.key(u64::MAX);
        end.push(0);
        match store
            .range(Some(&start), Some(&end), Order::Ascending)
            .next()
        {
            Some((_, value)) => {
                let record = Stored::<ArchivedPower>::from_exact(value)?;
                Ok(Some(record.get(ArchivedPower::POWER)))
            }
            None => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::MockStorage;
    use std::collections::BTreeMap;

    commons::layout! {
        /// A record holding one history.
        struct Holder("holder", version 1) {
            VALUE: History,
        }
    }

    /// A value and its archive, next to a plain model of "value at the start of each block".
    struct Tracked {
        record: Stored<Holder>,
        archive: Archive,
        /// The value after each block that changed it.
        after: BTreeMap<u64, u128>,
    }

    impl Tracked {
        fn new(prefix: &[u8]) -> Self {
            Tracked {
                record: Stored::new(),
                archive: Archive::new(prefix.to_vec()),
                after: BTreeMap::new(),
            }
        }

        fn set(&mut self, store: &mut MockStorage, height: u64, value: u128) {
            let entry = set_history(
                self.record.part_mut(Holder::VALUE),
                height,
                Uint128::new(value),
            );
            self.archive.save(store, entry);
            self.after.insert(height, value);
        }

        /// The model: the value after the last change block before `height`.
        fn want(&self, height: u64) -> u128 {
            self.after
                .range(..height)
                .next_back()
                .map(|(_, v)| *v)
                .unwrap_or_default()
        }

        fn got(&self, store: &MockStorage, height: u64) -> u128 {
            HistoryRef(self.record.part(Holder::VALUE))
                .at_height(height, |h| self.archive.first_from(store, h))
                .unwrap()
                .u128()
        }

        fn check_every_height(&self, store: &MockStorage, up_to: u64) {
            for height in 0..=up_to {
                assert_eq!(self.got(store, height), self.want(height), "at {height}");
            }
        }
    }

    #[test]
    fn reads_are_values_at_block_start() {
        let mut store = MockStorage::new();
        let mut a = Tracked::new(b"a");
        let mut b = Tracked::new(b"b");
        a.check_every_height(&store, 3);
        a.set(&mut store, 5, 10);
        a.set(&mut store, 5, 20); // second change in the same block
        a.check_every_height(&store, 12);
        a.set(&mut store, 9, 7);
        a.check_every_height(&store, 12);
        b.set(&mut store, 7, 99);
        a.set(&mut store, 10, 0);
        a.set(&mut store, 11, 3);
        a.check_every_height(&store, 14);
        b.check_every_height(&store, 14);
        assert_eq!(a.got(&store, 6), 20);
        assert_eq!(HistoryRef(a.record.part(Holder::VALUE)).now().u128(), 3);
        // another value's archive does not leak into this one's
        assert_eq!(b.got(&store, 7), 0);
        assert_eq!(b.got(&store, 8), 99);
    }

    #[test]
    fn first_change_block_is_never_archived() {
        let mut store = MockStorage::new();
        let mut a = Tracked::new(b"a");
        a.set(&mut store, 3, 50);
        a.set(&mut store, 8, 40);
        a.set(&mut store, 8, 30);
        // only block 8 remains to archive, and nothing was archived yet
        assert_eq!(store.range(None, None, Order::Ascending).count(), 0);
        a.check_every_height(&store, 10);
        a.set(&mut store, 12, 1);
        assert_eq!(store.range(None, None, Order::Ascending).count(), 1);
        a.check_every_height(&store, 14);
    }

    #[test]
    fn a_change_at_height_zero_is_remembered() {
        let mut store = MockStorage::new();
        let mut a = Tracked::new(b"a");
        a.set(&mut store, 0, 5);
        a.set(&mut store, 4, 6);
        a.set(&mut store, 9, 7);
        a.check_every_height(&store, 11);
    }

    #[test]
    fn many_blocks_match_the_model() {
        let mut store = MockStorage::new();
        let mut a = Tracked::new(b"x");
        // a deterministic mix of changes, repeated changes and idle blocks
        let mut value = 0u128;
        for height in 1..60u64 {
            if height % 3 == 0 || height % 7 == 0 {
                value = (value * 31 + height as u128) % 1_000;
                a.set(&mut store, height, value);
                if height % 2 == 0 {
                    a.set(&mut store, height, value + 1);
                    value += 1;
                }
            }
        }
        a.check_every_height(&store, 62);
    }

    #[test]
    fn layout_holds_extremes() {
        let mut r = Stored::<Holder>::new();
        let h = |r: &Stored<Holder>| HistoryRef(r.part(Holder::VALUE)).now();
        assert_eq!(h(&r), Uint128::zero());
        let read = HistoryRef(r.part(Holder::VALUE));
        assert_eq!(
            read.at_height(5, |_| unreachable!()).unwrap(),
            Uint128::zero()
        );
        assert_eq!(
            set_history(r.part_mut(Holder::VALUE), u64::MAX - 1, Uint128::MAX),
            None
        );
        assert_eq!(
            set_history(r.part_mut(Holder::VALUE), u64::MAX, Uint128::new(1)),
            None
        );
        assert_eq!(h(&r), Uint128::new(1));
        // version, then changed, now, changed at, start, first
        let mut want = vec![1, 1];
        want.extend(1u128.to_be_bytes());
        want.extend(u64::MAX.to_be_bytes());
        want.extend(u128::MAX.to_be_bytes());
        want.extend((u64::MAX - 1).to_be_bytes());
        assert_eq!(r.as_bytes(), &want[..]);
        assert_eq!(
            HistoryRef(r.part(Holder::VALUE))
                .at_height(u64::MAX, |_| unreachable!())
                .unwrap(),
            Uint128::MAX
        );
    }

    #[test]
    fn corrupt_archive_entry_is_an_error() {
        let mut store = MockStorage::new();
        let archive = Archive::new(b"p".to_vec());
        store.set(&archive.key(4), &[1, 2, 3]);
        assert!(archive.first_from(&store, 2).is_err());
        assert_eq!(archive.first_from(&store, 5).unwrap(), None);
        // an entry of another layout version, and one that is too long
        store.set(&archive.key(6), &[0; 17]);
        assert!(archive.first_from(&store, 5).is_err());
        let mut long = vec![1; 18];
        store.set(&archive.key(6), &long);
        assert!(archive.first_from(&store, 5).is_err());
        long.pop();
        store.set(&archive.key(6), &long);
        assert_eq!(
            archive.first_from(&store, 5).unwrap(),
            Some(Uint128::new(u128::from_be_bytes([1; 16])))
        );
    }
}
