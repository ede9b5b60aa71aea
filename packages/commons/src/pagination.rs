//! Pagination and bounded input lists, the same rules for every contract.

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
