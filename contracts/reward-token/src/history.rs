//! Values with a history by block height: voting power per account and in total.
//!
//! Each value is stored as its latest amount stamped with the height of its last change, plus,
//! for every block in which it changed, the amount it had at the *start* of that block. Reading
//! "at height h" therefore means "at the start of block h": a change made in block h is visible
//! from h+1 on. A change costs one read and at most two writes, whatever the length of the
//! history, and a read at a past height is one bounded range step.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Order, StdResult, Storage, Uint128};
use cw_storage_plus::{Bound, Item, Map};

/// An amount and the height at which it last changed.
#[cw_serde]
#[derive(Copy, Default)]
pub struct Stamped {
    pub amount: Uint128,
    pub height: u64,
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

    fn latest<'k>(&self) -> Map<&'k Addr, Stamped> {
        Map::new(self.latest_ns)
    }

    fn at_block_start<'k>(&self) -> Map<(&'k Addr, u64), Uint128> {
        Map::new(self.at_block_start_ns)
    }

    /// The amount now (after every change made so far, this block included).
    pub fn current(&self, store: &dyn Storage, account: &Addr) -> StdResult<Uint128> {
        Ok(self
            .latest()
            .may_load(store, account)?
            .unwrap_or_default()
            .amount)
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
            self.at_block_start()
                .save(store, (account, height), &old.amount)?;
        }
        self.latest()
            .save(store, account, &Stamped { amount, height })
    }

    /// Loads the latest stamped amount (zero at height 0 when the account never had one).
    pub fn load(&self, store: &dyn Storage, account: &Addr) -> StdResult<Stamped> {
        Ok(self.latest().may_load(store, account)?.unwrap_or_default())
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
        let first = self
            .at_block_start()
            .prefix(account)
            .range(
                store,
                Some(Bound::inclusive(height)),
                None,
                Order::Ascending,
            )
            .next()
            .transpose()?;
        Ok(first.map(|(_, amount)| amount).unwrap_or(latest.amount))
    }
}

/// History of a single value (total voting power).
pub struct TotalHistory {
    latest: Item<Stamped>,
    at_block_start: Map<u64, Uint128>,
}

impl TotalHistory {
    pub const fn new(latest: &'static str, at_block_start: &'static str) -> Self {
        TotalHistory {
            latest: Item::new(latest),
            at_block_start: Map::new(at_block_start),
        }
    }

    pub fn load(&self, store: &dyn Storage) -> StdResult<Stamped> {
        Ok(self.latest.may_load(store)?.unwrap_or_default())
    }

    pub fn set(
        &self,
        store: &mut dyn Storage,
        height: u64,
        old: Stamped,
        amount: Uint128,
    ) -> StdResult<()> {
        if old.height < height {
            self.at_block_start.save(store, height, &old.amount)?;
        }
        self.latest.save(store, &Stamped { amount, height })
    }

    pub fn at_height(&self, store: &dyn Storage, height: u64) -> StdResult<Uint128> {
        let latest = self.load(store)?;
        if latest.height < height {
            return Ok(latest.amount);
        }
        let first = self
            .at_block_start
            .range(
                store,
                Some(Bound::inclusive(height)),
                None,
                Order::Ascending,
            )
            .next()
            .transpose()?;
        Ok(first.map(|(_, amount)| amount).unwrap_or(latest.amount))
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
        assert_eq!(H.current(&store, &Addr::unchecked("b")).unwrap().u128(), 0);
    }
}
