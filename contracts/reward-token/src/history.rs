//! Values with a history by block height: voting power per account and in total.
//!
//! Each value is stored as its latest amount stamped with the height of its last change, plus,
//! for every block in which it changed, the amount it had at the *start* of that block. Reading
//! "at height h" therefore means "at the start of block h": a change made in block h is visible
//! from h+1 on. A change costs one read and at most two writes, whatever the length of the
//! history, and a read at a past height is one bounded range step.
//!
//! Values are stored in a fixed binary layout rather than JSON, because every transfer updates
//! two of them: an amount is 16 big-endian bytes, a stamped amount 16 + 8 bytes (amount, height).

use cosmwasm_std::{Addr, Order, StdError, StdResult, Storage, Uint128};
use cw_storage_plus::{Bound, Map};

/// An amount and the height at which it last changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stamped {
    pub amount: Uint128,
    pub height: u64,
}

fn encode_amount(amount: Uint128) -> [u8; 16] {
    amount.u128().to_be_bytes()
}

fn decode_amount(bytes: &[u8]) -> StdResult<Uint128> {
    let raw: [u8; 16] = bytes
        .try_into()
        .map_err(|_| StdError::generic_err("corrupt power amount"))?;
    Ok(Uint128::new(u128::from_be_bytes(raw)))
}

fn encode_stamped(s: Stamped) -> [u8; 24] {
    let mut out = [0u8; 24];
    out[..16].copy_from_slice(&encode_amount(s.amount));
    out[16..].copy_from_slice(&s.height.to_be_bytes());
    out
}

fn decode_stamped(bytes: Option<Vec<u8>>) -> StdResult<Stamped> {
    match bytes {
        None => Ok(Stamped::default()),
        Some(b) if b.len() == 24 => {
            let mut height = [0u8; 8];
            height.copy_from_slice(&b[16..]);
            Ok(Stamped {
                amount: decode_amount(&b[..16])?,
                height: u64::from_be_bytes(height),
            })
        }
        Some(_) => Err(StdError::generic_err("corrupt power record")),
    }
}

/// Per-account history, under two storage namespaces.
pub struct AccountHistory {
    latest_ns: &'static str,
    at_block_start_ns: &'static str,
}

impl AccountHistory {
    pub const fn new(latest: &'static str, at_block_start: &'static str) -> Self {
        AccountHistory {
            latest_ns: latest,
            at_block_start_ns: at_block_start,
        }
    }

    fn latest_key(&self, account: &Addr) -> Vec<u8> {
        Map::<&Addr, ()>::new(self.latest_ns).key(account).to_vec()
    }

    fn start_key(&self, account: &Addr, height: u64) -> Vec<u8> {
        Map::<(&Addr, u64), ()>::new(self.at_block_start_ns)
            .key((account, height))
            .to_vec()
    }

    /// The amount now (after every change made so far, this block included).
    pub fn current(&self, store: &dyn Storage, account: &Addr) -> StdResult<Uint128> {
        Ok(self.load(store, account)?.amount)
    }

    /// Sets a new amount at `height`, keeping the amount at the start of the block.
    pub fn set(
        &self,
        store: &mut dyn Storage,
        account: &Addr,
        height: u64,
        old: Stamped,
        amount: Uint128,
    ) -> StdResult<()> {
        if old.height < height {
            store.set(&self.start_key(account, height), &encode_amount(old.amount));
        }
        store.set(
            &self.latest_key(account),
            &encode_stamped(Stamped { amount, height }),
        );
        Ok(())
    }

    /// Loads the latest stamped amount (zero at height 0 when the account never had one).
    pub fn load(&self, store: &dyn Storage, account: &Addr) -> StdResult<Stamped> {
        decode_stamped(store.get(&self.latest_key(account)))
    }

    /// The amount at the start of block `height`.
    pub fn at_height(
        &self,
        store: &dyn Storage,
        account: &Addr,
        height: u64,
    ) -> StdResult<Uint128> {
        let latest = self.load(store, account)?;
        if latest.height < height {
            return Ok(latest.amount);
        }
        // The first block at or after `height` in which the amount changed: its start value is
        // the value at the start of `height`, since nothing changed in between.
        let first = Map::<(&Addr, u64), ()>::new(self.at_block_start_ns)
            .prefix(account)
            .keys_raw(
                store,
                Some(Bound::inclusive(height)),
                None,
                Order::Ascending,
            )
            .next();
        match first {
            Some(suffix) => {
                let raw: [u8; 8] = suffix
                    .as_slice()
                    .try_into()
                    .map_err(|_| StdError::generic_err("corrupt power key"))?;
                let changed_at = u64::from_be_bytes(raw);
                let bytes = store
                    .get(&self.start_key(account, changed_at))
                    .ok_or_else(|| StdError::generic_err("missing power record"))?;
                decode_amount(&bytes)
            }
            None => Ok(latest.amount),
        }
    }
}

/// History of a single value (total voting power).
pub struct TotalHistory {
    latest_ns: &'static str,
    at_block_start_ns: &'static str,
}

impl TotalHistory {
    pub const fn new(latest: &'static str, at_block_start: &'static str) -> Self {
        TotalHistory {
            latest_ns: latest,
            at_block_start_ns: at_block_start,
        }
    }

    fn start_key(&self, height: u64) -> Vec<u8> {
        Map::<u64, ()>::new(self.at_block_start_ns)
            .key(height)
            .to_vec()
    }

    pub fn load(&self, store: &dyn Storage) -> StdResult<Stamped> {
        decode_stamped(store.get(self.latest_ns.as_bytes()))
    }

    pub fn set(
        &self,
        store: &mut dyn Storage,
        height: u64,
        old: Stamped,
        amount: Uint128,
    ) -> StdResult<()> {
        if old.height < height {
            store.set(&self.start_key(height), &encode_amount(old.amount));
        }
        store.set(
            self.latest_ns.as_bytes(),
            &encode_stamped(Stamped { amount, height }),
        );
        Ok(())
    }

    pub fn at_height(&self, store: &dyn Storage, height: u64) -> StdResult<Uint128> {
        let latest = self.load(store)?;
        if latest.height < height {
            return Ok(latest.amount);
        }
        let first = Map::<u64, ()>::new(self.at_block_start_ns)
            .keys_raw(
                store,
                Some(Bound::inclusive(height)),
                None,
                Order::Ascending,
            )
            .next();
        match first {
            Some(key) => {
                let raw: [u8; 8] = key
                    .as_slice()
                    .try_into()
                    .map_err(|_| StdError::generic_err("corrupt power key"))?;
                let bytes = store
                    .get(&self.start_key(u64::from_be_bytes(raw)))
                    .ok_or_else(|| StdError::generic_err("missing power record"))?;
                decode_amount(&bytes)
            }
            None => Ok(latest.amount),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::MockStorage;

    const H: AccountHistory = AccountHistory::new("l", "s");
    const T: TotalHistory = TotalHistory::new("tl", "ts");

    fn bump(store: &mut MockStorage, who: &Addr, height: u64, amount: u128) {
        let old = H.load(store, who).unwrap();
        H.set(store, who, height, old, Uint128::new(amount))
            .unwrap();
        let old = T.load(store).unwrap();
        T.set(store, height, old, Uint128::new(amount)).unwrap();
    }

    #[test]
    fn reads_are_values_at_block_start() {
        let mut store = MockStorage::new();
        let a = Addr::unchecked("a");
        let b = Addr::unchecked("b");
        bump(&mut store, &a, 5, 10);
        bump(&mut store, &a, 5, 20); // second change in the same block
        bump(&mut store, &a, 9, 7);
        let cases = [(0, 0), (5, 0), (6, 20), (9, 20), (10, 7), (100, 7)];
        for (height, want) in cases {
            assert_eq!(
                H.at_height(&store, &a, height).unwrap().u128(),
                want,
                "{height}"
            );
            assert_eq!(
                T.at_height(&store, height).unwrap().u128(),
                want,
                "{height}"
            );
        }
        assert_eq!(H.current(&store, &a).unwrap().u128(), 7);
        assert_eq!(H.current(&store, &b).unwrap().u128(), 0);
        // another account's history does not leak into this one's
        let old = H.load(&store, &b).unwrap();
        H.set(&mut store, &b, 7, old, Uint128::new(99)).unwrap();
        assert_eq!(H.at_height(&store, &a, 6).unwrap().u128(), 20);
        assert_eq!(H.at_height(&store, &b, 7).unwrap().u128(), 0);
        assert_eq!(H.at_height(&store, &b, 8).unwrap().u128(), 99);
    }

    #[test]
    fn binary_layout_round_trips_extremes() {
        let s = Stamped {
            amount: Uint128::MAX,
            height: u64::MAX,
        };
        assert_eq!(decode_stamped(Some(encode_stamped(s).to_vec())).unwrap(), s);
        assert!(decode_stamped(Some(vec![1, 2, 3])).is_err());
    }
}
