//! Proposal deposits held apart from everything else governance owns.
//!
//! Governance holds, per asset, the sum of every deposit not yet settled plus every settlement
//! that could not be delivered (`HELD`). A proposal whose `custom` actions could move
//! governance's own funds is checked after its actions: governance must still hold `HELD`
//! (and the proposal's own deposit, paid out right after), or the execution fails. A refund,
//! forfeit or burn that fails is not retried in the same transaction (that would fail
//! `execute` or `close`): it is kept as an undelivered settlement, still held, that
//! `claim_deposit` delivers later.
//!
//! | key | value |
//! |---|---|
//! | `deposits_held` | JSON list of assets, one per asset with a non-zero amount held |
//! | `undelivered` + proposal id | JSON `Undelivered` |
//! | `executing` | the proposal whose actions may run now (u64, big endian) |

use commons::asset::{Asset, AssetInfo};
use commons::codec::map_key;
use commons_json::{FromJson, ToJson};
use cosmwasm_std::{Addr, StdError, StdResult, Storage, Uint128};

use super::JsonItem;

const HELD: JsonItem = JsonItem(b"deposits_held");
const UNDELIVERED: &[u8] = b"undelivered";
const EXECUTING: &[u8] = b"executing";

/// Where a settled deposit goes.
#[derive(Clone, Debug, PartialEq, FromJson, ToJson)]
pub enum Destination {
    /// Refunded to the proposer.
    Proposer(Addr),
    /// Forfeited into the treasury (through its `deposit`).
    Treasury(Addr),
    /// Forfeited reward tokens, burned.
    Burn,
}

/// A settlement that could not be delivered when the proposal was executed or closed.
#[derive(Clone, Debug, PartialEq, FromJson, ToJson)]
pub struct Undelivered {
    pub asset: Asset,
    pub to: Destination,
}

/// Every asset held for deposits, with its amount.
pub fn held(store: &dyn Storage) -> StdResult<Vec<Asset>> {
    Ok(HELD.may_load(store)?.unwrap_or_default())
}

/// Adds `asset` to what is held (a deposit received, or a settlement that bounced).
pub fn hold(store: &mut dyn Storage, asset: &Asset) -> StdResult<()> {
    let mut all = held(store)?;
    match all.iter_mut().find(|a| a.info == asset.info) {
        Some(entry) => entry.amount = entry.amount.checked_add(asset.amount)?,
        None => all.push(asset.clone()),
    }
    HELD.save(store, &all)
}

/// Takes `asset` off what is held (a deposit settled or delivered).
pub fn release(store: &mut dyn Storage, asset: &Asset) -> StdResult<()> {
    let mut all = held(store)?;
    let entry = all
        .iter_mut()
        .find(|a| a.info == asset.info)
        .ok_or_else(|| StdError::generic_err(format!("no deposit of {} is held", asset.info)))?;
    entry.amount = entry.amount.checked_sub(asset.amount)?;
    all.retain(|a| !a.amount.is_zero());
    HELD.save(store, &all)
}

/// The amount of `info` held for deposits.
pub fn held_of(all: &[Asset], info: &AssetInfo) -> Uint128 {
    all.iter()
        .find(|a| a.info == *info)
        .map_or(Uint128::zero(), |a| a.amount)
}

fn undelivered_key(id: u64) -> Vec<u8> {
    map_key(UNDELIVERED, &id.to_be_bytes())
}

pub fn save_undelivered(store: &mut dyn Storage, id: u64, u: &Undelivered) -> StdResult<()> {
    store.set(&undelivered_key(id), &commons_json::to_vec(u)?);
    Ok(())
}

pub fn may_load_undelivered(store: &dyn Storage, id: u64) -> StdResult<Option<Undelivered>> {
    store
        .get(&undelivered_key(id))
        .map(|bytes| commons_json::from_slice(&bytes))
        .transpose()
}

pub fn remove_undelivered(store: &mut dyn Storage, id: u64) {
    store.remove(&undelivered_key(id));
}

/// Marks proposal `id` as the one whose actions may run now (see `execution::run_actions`).
pub fn set_executing(store: &mut dyn Storage, id: u64) {
    store.set(EXECUTING, &id.to_be_bytes());
}

/// Takes the mark: whether it named `id`. It is removed either way, so the actions of a
/// proposal run once, from its own execution, never again from a later `custom` action.
pub fn take_executing(store: &mut dyn Storage, id: u64) -> bool {
    let marked = store.get(EXECUTING).as_deref() == Some(&id.to_be_bytes()[..]);
    store.remove(EXECUTING);
    marked
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::MockStorage;

    fn coin(amount: u128) -> Asset {
        Asset {
            info: AssetInfo::Native("ucoin".into()),
            amount: Uint128::new(amount),
        }
    }

    #[test]
    fn held_amounts_add_and_release_per_asset() {
        let mut store = MockStorage::new();
        hold(&mut store, &coin(5)).unwrap();
        hold(&mut store, &coin(7)).unwrap();
        let cw20 = Asset {
            info: AssetInfo::Cw20(Addr::unchecked("token")),
            amount: Uint128::new(3),
        };
        hold(&mut store, &cw20).unwrap();
        let all = held(&store).unwrap();
        assert_eq!(held_of(&all, &coin(0).info).u128(), 12);
        release(&mut store, &coin(12)).unwrap();
        assert_eq!(held(&store).unwrap(), vec![cw20.clone()]);
        assert!(release(&mut store, &coin(1)).is_err());
        assert!(release(
            &mut store,
            &Asset {
                amount: Uint128::new(4),
                ..cw20
            }
        )
        .is_err());
    }

    #[test]
    fn the_executing_mark_is_taken_once() {
        let mut store = MockStorage::new();
        assert!(!take_executing(&mut store, 1));
        set_executing(&mut store, 2);
        assert!(!take_executing(&mut store, 1));
        assert!(
            !take_executing(&mut store, 2),
            "a wrong id takes the mark too"
        );
        set_executing(&mut store, 2);
        assert!(take_executing(&mut store, 2));
        assert!(!take_executing(&mut store, 2));
    }

    #[test]
    fn undelivered_settlements_round_trip() {
        let mut store = MockStorage::new();
        let u = Undelivered {
            asset: coin(9),
            to: Destination::Proposer(Addr::unchecked("alice")),
        };
        save_undelivered(&mut store, 4, &u).unwrap();
        assert_eq!(may_load_undelivered(&store, 4).unwrap(), Some(u));
        remove_undelivered(&mut store, 4);
        assert_eq!(may_load_undelivered(&store, 4).unwrap(), None);
    }
}
