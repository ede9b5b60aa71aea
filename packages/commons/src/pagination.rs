//! Pagination and bounded input lists, the same rules for every contract.

use cosmwasm_std::{Addr, Api, Order, StdResult, Storage};
use cw_storage_plus::{Bound, KeyDeserialize, Map, PrimaryKey};
use serde::de::DeserializeOwned;
use serde::Serialize;
use thiserror::Error;

/// Page size used when a list query gives no `limit`.
pub const DEFAULT_LIMIT: u32 = 10;
/// Largest page a list query returns, whatever `limit` asks for.
pub const MAX_LIMIT: u32 = 30;
/// Largest list accepted in an execute message (ids to claim, addresses to whitelist, ...).
pub const MAX_INPUT_LIST: usize = 30;

/// The number of items a list query returns for the requested `limit`.
pub fn page_limit(limit: Option<u32>) -> usize {
    limit.unwrap_or(DEFAULT_LIMIT).min(MAX_LIMIT) as usize
}

/// One page of `map` in key order: the entries after `start_after` (not included), at most
/// [`page_limit`] of them.
pub fn page<'a, K, T>(
    storage: &dyn Storage,
    map: &Map<K, T>,
    start_after: Option<K>,
    limit: Option<u32>,
) -> StdResult<Vec<(K::Output, T)>>
where
    K: PrimaryKey<'a> + KeyDeserialize,
    K::Output: 'static,
    T: Serialize + DeserializeOwned,
{
    map.range(
        storage,
        start_after.map(Bound::exclusive),
        None,
        Order::Ascending,
    )
    .take(page_limit(limit))
    .collect()
}

/// One page of `map`, keyed by address, after the address `start_after` (validated first, so
/// a bad one is an error rather than an empty page).
pub fn page_after_addr<T>(
    api: &dyn Api,
    storage: &dyn Storage,
    map: &Map<&Addr, T>,
    start_after: Option<String>,
    limit: Option<u32>,
) -> StdResult<Vec<(Addr, T)>>
where
    T: Serialize + DeserializeOwned,
{
    let start = start_after.map(|a| api.addr_validate(&a)).transpose()?;
    page(storage, map, start.as_ref(), limit)
}

/// Why an input list was refused.
#[derive(Error, Debug, PartialEq, Eq)]
pub enum ListError {
    #[error("list is empty: give at least one item")]
    Empty,
    #[error("list has {len} items; at most {max} are accepted in one message")]
    TooLong { len: usize, max: usize },
    #[error("list names {item} more than once")]
    Duplicate { item: String },
}

/// Checks that `items` is non-empty, at most [`MAX_INPUT_LIST`] long and free of duplicates.
/// Quadratic in the length, which is bounded by 30, so cheaper than sorting a copy.
pub fn ensure_bounded_unique<T: PartialEq + ToString>(items: &[T]) -> Result<(), ListError> {
    if items.is_empty() {
        return Err(ListError::Empty);
    }
    if items.len() > MAX_INPUT_LIST {
        return Err(ListError::TooLong {
            len: items.len(),
            max: MAX_INPUT_LIST,
        });
    }
    for (i, item) in items.iter().enumerate() {
        if items[..i].contains(item) {
            return Err(ListError::Duplicate {
                item: item.to_string(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_default_and_cap() {
        assert_eq!(page_limit(None), 10);
        assert_eq!(page_limit(Some(0)), 0);
        assert_eq!(page_limit(Some(30)), 30);
        assert_eq!(page_limit(Some(31)), 30);
        assert_eq!(page_limit(Some(u32::MAX)), 30);
    }

    #[test]
    fn pages_follow_key_order_after_the_start() {
        use cosmwasm_std::testing::{MockApi, MockStorage};
        const ITEMS: Map<u64, u64> = Map::new("items");
        const BY_ADDR: Map<&Addr, u64> = Map::new("by_addr");
        let (mut storage, api) = (MockStorage::new(), MockApi::default());
        for i in 1..=40u64 {
            ITEMS.save(&mut storage, i, &(i * 10)).unwrap();
        }
        let first = page(&storage, &ITEMS, None, None).unwrap();
        assert_eq!(first.len(), 10);
        assert_eq!(first[0], (1, 10));
        let next = page(&storage, &ITEMS, Some(10), Some(100)).unwrap();
        assert_eq!((next.len(), next[0].0, next[29].0), (30, 11, 40));
        assert!(page(&storage, &ITEMS, Some(40), None).unwrap().is_empty());
        let (a, b) = (api.addr_make("a"), api.addr_make("b"));
        let (low, high) = if a < b { (a, b) } else { (b, a) };
        BY_ADDR.save(&mut storage, &low, &1).unwrap();
        BY_ADDR.save(&mut storage, &high, &2).unwrap();
        let after = page_after_addr(&api, &storage, &BY_ADDR, Some(low.to_string()), None);
        assert_eq!(after.unwrap(), vec![(high, 2)]);
        assert!(page_after_addr(&api, &storage, &BY_ADDR, Some("BAD".into()), None).is_err());
    }

    #[test]
    fn bounded_unique_lists() {
        assert_eq!(ensure_bounded_unique::<u64>(&[]), Err(ListError::Empty));
        assert_eq!(ensure_bounded_unique(&[1u64, 2, 3]), Ok(()));
        assert_eq!(
            ensure_bounded_unique(&[1u64, 2, 1]),
            Err(ListError::Duplicate { item: "1".into() })
        );
        let thirty: Vec<u64> = (0..30).collect();
        assert_eq!(ensure_bounded_unique(&thirty), Ok(()));
        let thirty_one: Vec<u64> = (0..31).collect();
        assert_eq!(
            ensure_bounded_unique(&thirty_one),
            Err(ListError::TooLong { len: 31, max: 30 })
        );
    }
}
