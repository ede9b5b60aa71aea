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

use commons::codec::{get_amount, get_u64, put_u64, set_amount, set_u64, Reader};

/// Bytes of a stored history: changed (1: 0 never, 1 since `first`), now (16), changed_at (8),
/// start (16), first (8).
pub const HISTORY_LEN: usize = 49;
const CHANGED: usize = 0;
const NOW: usize = 1;
const CHANGED_AT: usize = 17;
const START: usize = 25;
const FIRST: usize = 41;

/// An archive entry to store: the value at the start of the block `.0`.
pub type Archived = (u64, Uint128);

/// A voting-power value and what answering "at the start of block h" needs, read and changed
/// in place in the [`HISTORY_LEN`] bytes of the record it belongs to:
/// - `now`: the value after every change so far (this block's included);
/// - `changed_at`: the block of the latest change, `start`: the value at the start of it;
/// - `first`: the first block in which the value ever changed (meaningful once `changed` is
///   set; before that the value is zero).
///
/// Bytes past the end of a shorter slice read as zero: a history that never changed.
pub struct History<B>(pub B);

impl<B: AsRef<[u8]>> History<B> {
    fn bytes(&self) -> &[u8] {
        self.0.as_ref()
    }

    fn first(&self) -> Option<u64> {
        let changed = self.bytes().get(CHANGED).copied().unwrap_or_default() != 0;
        changed.then(|| get_u64(self.bytes(), FIRST))
    }

    /// The value now.
    pub fn now(&self) -> Uint128 {
        get_amount(self.bytes(), NOW)
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
        let changed_at = get_u64(self.bytes(), CHANGED_AT);
        let start = get_amount(self.bytes(), START);
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

impl<B: AsRef<[u8]> + AsMut<[u8]>> History<B> {
    /// Sets the value in block `height` (heights never decrease). Returns the archive entry the
    /// caller must store when this is the first change in a new block. The slice must hold
    /// [`HISTORY_LEN`] bytes.
    pub fn set(&mut self, height: u64, value: Uint128) -> Option<Archived> {
        let now = self.now();
        let changed_at = get_u64(self.bytes(), CHANGED_AT);
        let archived = match self.first() {
            None => {
                // first change ever: the value was zero until now
                let b = self.0.as_mut();
                if let Some(changed) = b.get_mut(CHANGED) {
                    *changed = 1;
                }
                set_u64(b, FIRST, height);
                set_u64(b, CHANGED_AT, height);
                set_amount(b, START, now);
                None
            }
            Some(first) if height > changed_at => {
                // the previous change block is final; its start value goes to the archive,
                // except for the first change block (zero at its start, implied by `first`)
                let done = (changed_at, get_amount(self.bytes(), START));
                let b = self.0.as_mut();
                set_u64(b, CHANGED_AT, height);
                set_amount(b, START, now);
                (changed_at != first).then_some(done)
            }
            Some(_) => None,
        };
        set_amount(self.0.as_mut(), NOW, value);
        archived
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
            store.set(&self.key(height), &value.u128().to_be_bytes());
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
                let mut r = Reader::new(&value, "power archive");
                let amount = r.amount()?;
                r.finish()?;
                Ok(Some(amount))
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

    /// A value and its archive, next to a plain model of "value at the start of each block".
    struct Tracked {
        history: History<Vec<u8>>,
        archive: Archive,
        /// The value after each block that changed it.
        after: BTreeMap<u64, u128>,
    }

    impl Tracked {
        fn new(prefix: &[u8]) -> Self {
            Tracked {
                history: History(vec![0u8; HISTORY_LEN]),
                archive: Archive::new(prefix.to_vec()),
                after: BTreeMap::new(),
            }
        }

        fn set(&mut self, store: &mut MockStorage, height: u64, value: u128) {
            let entry = self.history.set(height, Uint128::new(value));
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
            self.history
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
        assert_eq!(a.history.now().u128(), 3);
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
        let mut h = History(vec![0u8; HISTORY_LEN]);
        assert_eq!(h.now(), Uint128::zero());
        assert_eq!(h.at_height(5, |_| unreachable!()).unwrap(), Uint128::zero());
        assert_eq!(h.set(u64::MAX - 1, Uint128::MAX), None);
        assert_eq!(h.set(u64::MAX, Uint128::new(1)), None);
        assert_eq!(h.now(), Uint128::new(1));
        let b = &h.0;
        assert_eq!(b[CHANGED], 1);
        assert_eq!(get_amount(b, START), Uint128::MAX);
        assert_eq!(get_u64(b, CHANGED_AT), u64::MAX);
        assert_eq!(get_u64(b, FIRST), u64::MAX - 1);
        assert_eq!(
            h.at_height(u64::MAX, |_| unreachable!()).unwrap(),
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
        store.set(&archive.key(6), &[0; 17]);
        assert!(archive.first_from(&store, 5).is_err());
    }
}
