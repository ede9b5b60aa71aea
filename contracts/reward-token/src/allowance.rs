//! Allowances with cw20 semantics, stored in a fixed binary layout.
//!
//! Each allowance is stored twice, by (owner, spender) for `all_allowances` and by
//! (spender, owner) for `all_spender_allowances`, as cw20-base does; a change reads the owner's
//! copy only and writes both. `transfer_from` and `send_from` read and write it, so it is a
//! binary record ([`AllowanceLayout`]).

use commons::addr::validate_addr;
use commons::pagination::page_limit;
use cosmwasm_std::{
    Addr, BlockInfo, Deps, DepsMut, Env, MessageInfo, Order, Response, StdError, StdResult,
    Storage, Timestamp, Uint128,
};
use cw20::{
    AllAllowancesResponse, AllSpenderAllowancesResponse, AllowanceInfo, AllowanceResponse,
    Expiration, SpenderAllowanceInfo,
};

use crate::error::ContractError;
use crate::response::{response, Attrs};
use crate::state::{ALLOWANCE_NS, ALLOWANCE_SPENDER_NS};
use commons::codec::owner_prefix;
use commons::layout::{LayoutError, Stored};

commons::layout! {
    /// An allowance record.
    pub struct AllowanceLayout("allowance", version 1) {
        /// 0 never, 1 at a height, 2 at a time
        EXPIRY_KIND: u8,
        /// the height, or the time in nanoseconds (zero when never)
        EXPIRES_AT: u64,
        AMOUNT: Uint128,
    }
}

const NEVER: u8 = 0;
const AT_HEIGHT: u8 = 1;
const AT_TIME: u8 = 2;

/// Encodes an allowance.
fn encode(allowance: &AllowanceResponse) -> Vec<u8> {
    let (kind, at) = match allowance.expires {
        Expiration::Never {} => (NEVER, 0),
        Expiration::AtHeight(height) => (AT_HEIGHT, height),
        Expiration::AtTime(time) => (AT_TIME, time.nanos()),
    };
    let mut r = Stored::<AllowanceLayout>::new();
    r.set(AllowanceLayout::EXPIRY_KIND, kind);
    r.set(AllowanceLayout::EXPIRES_AT, at);
    r.set(AllowanceLayout::AMOUNT, allowance.allowance);
    r.into_bytes()
}

/// Decodes what [`encode`] wrote.
fn decode(bytes: Vec<u8>) -> StdResult<AllowanceResponse> {
    let r = Stored::<AllowanceLayout>::from_exact(bytes)?;
    let at = r.get(AllowanceLayout::EXPIRES_AT);
    let expires = match r.get(AllowanceLayout::EXPIRY_KIND) {
        NEVER => Expiration::Never {},
        AT_HEIGHT => Expiration::AtHeight(at),
        AT_TIME => Expiration::AtTime(Timestamp::from_nanos(at)),
        _ => {
            return Err(LayoutError::Corrupt {
                record: "allowance",
                reason: "unknown expiry kind",
            }
            .into())
        }
    };
    Ok(AllowanceResponse {
        allowance: r.get(AllowanceLayout::AMOUNT),
        expires,
    })
}

/// The keys of the allowance of `spender` from `owner`: (by owner, by spender).
fn keys(owner: &Addr, spender: &Addr) -> (Vec<u8>, Vec<u8>) {
    let mut by_owner = owner_prefix(ALLOWANCE_NS, owner.as_bytes());
    by_owner.extend_from_slice(spender.as_bytes());
    let mut by_spender = owner_prefix(ALLOWANCE_SPENDER_NS, spender.as_bytes());
    by_spender.extend_from_slice(owner.as_bytes());
    (by_owner, by_spender)
}

fn load(store: &dyn Storage, by_owner: &[u8]) -> StdResult<Option<AllowanceResponse>> {
    store.get(by_owner).map(decode).transpose()
}

fn save(store: &mut dyn Storage, keys: &(Vec<u8>, Vec<u8>), allowance: &AllowanceResponse) {
    let value = encode(allowance);
    store.set(&keys.0, &value);
    store.set(&keys.1, &value);
}

/// Uses `amount` of `spender`'s allowance from `owner`.
pub fn spend_allowance(
    store: &mut dyn Storage,
    block: &BlockInfo,
    owner: &Addr,
    spender: &Addr,
    amount: Uint128,
) -> Result<(), ContractError> {
    let keys = keys(owner, spender);
    let mut allowance = load(store, &keys.0)?.ok_or_else(|| ContractError::NoAllowance {
        owner: owner.to_string(),
        spender: spender.to_string(),
    })?;
    if allowance.expires.is_expired(block) {
        return Err(ContractError::AllowanceExpired {
            owner: owner.to_string(),
            spender: spender.to_string(),
        });
    }
    allowance.allowance = allowance.allowance.checked_sub(amount).map_err(|_| {
        ContractError::InsufficientAllowance {
            allowance: allowance.allowance,
            requested: amount,
        }
    })?;
    save(store, &keys, &allowance);
    Ok(())
}

/// The spender of an allowance change: valid, and not the owner.
fn spender_of(deps: &DepsMut, info: &MessageInfo, spender: &str) -> Result<Addr, ContractError> {
    let spender = validate_addr(deps.api, spender)?;
    if spender == info.sender {
        return Err(ContractError::CannotSetOwnAccount);
    }
    Ok(spender)
}

/// A new expiry must not be in the past.
fn check_expiry(expires: Option<Expiration>, block: &BlockInfo) -> Result<(), ContractError> {
    match expires {
        Some(e) if e.is_expired(block) => Err(ContractError::InvalidExpiration),
        _ => Ok(()),
    }
}

fn allowance_response(
    action: &str,
    info: MessageInfo,
    spender: String,
    amount: Uint128,
) -> Response {
    let mut res = response(action, 4);
    res.attr("owner", info.sender)
        .attr("spender", spender)
        .attr("amount", amount);
    res
}

/// cw20 `increase_allowance`: adds `amount`, and replaces the expiry when one is given.
pub fn execute_increase_allowance(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    spender: String,
    amount: Uint128,
    expires: Option<Expiration>,
) -> Result<Response, ContractError> {
    let spender_addr = spender_of(&deps, &info, &spender)?;
    check_expiry(expires, &env.block)?;
    let keys = keys(&info.sender, &spender_addr);
    let mut allowance = load(deps.storage, &keys.0)?.unwrap_or_default();
    if let Some(expires) = expires {
        allowance.expires = expires;
    }
    allowance.allowance = allowance
        .allowance
        .checked_add(amount)
        .map_err(StdError::overflow)?;
    save(deps.storage, &keys, &allowance);
    Ok(allowance_response(
        "increase_allowance",
        info,
        spender,
        amount,
    ))
}

/// cw20 `decrease_allowance`: takes off `amount` (replacing the expiry when one is given), or
/// removes the allowance when `amount` is all of it or more.
pub fn execute_decrease_allowance(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    spender: String,
    amount: Uint128,
    expires: Option<Expiration>,
) -> Result<Response, ContractError> {
    let spender_addr = spender_of(&deps, &info, &spender)?;
    let keys = keys(&info.sender, &spender_addr);
    let mut allowance = load(deps.storage, &keys.0)?.ok_or_else(|| ContractError::NoAllowance {
        owner: info.sender.to_string(),
        spender: spender_addr.to_string(),
    })?;
    if amount < allowance.allowance {
        check_expiry(expires, &env.block)?;
        allowance.allowance = allowance
            .allowance
            .checked_sub(amount)
            .map_err(StdError::overflow)?;
        if let Some(expires) = expires {
            allowance.expires = expires;
        }
        save(deps.storage, &keys, &allowance);
    } else {
        deps.storage.remove(&keys.0);
        deps.storage.remove(&keys.1);
    }
    Ok(allowance_response(
        "decrease_allowance",
        info,
        spender,
        amount,
    ))
}

pub fn query_allowance(deps: Deps, owner: String, spender: String) -> StdResult<AllowanceResponse> {
    let owner = deps.api.addr_validate(&owner)?;
    let spender = deps.api.addr_validate(&spender)?;
    Ok(load(deps.storage, &keys(&owner, &spender).0)?.unwrap_or_default())
}

/// One page of the allowances under `prefix` (an owner's or a spender's), after the address
/// `start_after` (exclusive, as in cw20-base): (other address, allowance).
fn page(
    store: &dyn Storage,
    prefix: Vec<u8>,
    start_after: Option<String>,
    limit: Option<u32>,
) -> StdResult<Vec<(String, AllowanceResponse)>> {
    let mut start = prefix.clone();
    if let Some(after) = start_after {
        // the first key after `start_after`
        start.extend_from_slice(after.as_bytes());
        start.push(0);
    }
    // every key under `prefix` sorts below `prefix` followed by 0xff..: addresses are UTF-8,
    // which never contains the byte 0xff
    let mut end = prefix.clone();
    end.extend_from_slice(&[0xff; 8]);
    let limit = page_limit(limit);
    let mut page = Vec::with_capacity(limit);
    for (key, value) in store
        .range(Some(&start), Some(&end), Order::Ascending)
        .take(limit)
    {
        let other = key
            .get(prefix.len()..)
            .and_then(|b| String::from_utf8(b.to_vec()).ok())
            .ok_or_else(|| StdError::parse_err("allowance", "key is corrupt"))?;
        page.push((other, decode(value)?));
    }
    Ok(page)
}

/// cw20 `all_allowances`: the allowances `owner` granted, by spender.
pub fn query_owner_allowances(
    deps: Deps,
    owner: String,
    start_after: Option<String>,
    limit: Option<u32>,
) -> StdResult<AllAllowancesResponse> {
    let owner = deps.api.addr_validate(&owner)?;
    let prefix = owner_prefix(ALLOWANCE_NS, owner.as_bytes());
    let allowances = page(deps.storage, prefix, start_after, limit)?
        .into_iter()
        .map(|(spender, a)| AllowanceInfo {
            spender,
            allowance: a.allowance,
            expires: a.expires,
        })
        .collect();
    Ok(AllAllowancesResponse { allowances })
}

/// cw20 `all_spender_allowances`: the allowances granted to `spender`, by owner.
pub fn query_spender_allowances(
    deps: Deps,
    spender: String,
    start_after: Option<String>,
    limit: Option<u32>,
) -> StdResult<AllSpenderAllowancesResponse> {
    let spender = deps.api.addr_validate(&spender)?;
    let prefix = owner_prefix(ALLOWANCE_SPENDER_NS, spender.as_bytes());
    let allowances = page(deps.storage, prefix, start_after, limit)?
        .into_iter()
        .map(|(owner, a)| SpenderAllowanceInfo {
            owner,
            allowance: a.allowance,
            expires: a.expires,
        })
        .collect();
    Ok(AllSpenderAllowancesResponse { allowances })
}

#[cfg(test)]
mod tests {
    use super::*;
    use commons::layout::Layout;
    use cosmwasm_std::testing::MockStorage;
    use cw_storage_plus::Map;

    #[test]
    fn layout_round_trips_every_expiry() {
        for expires in [
            Expiration::Never {},
            Expiration::AtHeight(u64::MAX),
            Expiration::AtTime(Timestamp::from_nanos(7)),
        ] {
            let a = AllowanceResponse {
                allowance: Uint128::MAX,
                expires,
            };
            let bytes = encode(&a);
            assert_eq!(bytes.len(), AllowanceLayout::LEN);
            assert_eq!(decode(bytes).unwrap(), a);
        }
        let a = AllowanceResponse {
            allowance: Uint128::new(5),
            expires: Expiration::AtHeight(3),
        };
        // version, expiry kind, expiry height, amount
        let mut want = vec![1, AT_HEIGHT, 0, 0, 0, 0, 0, 0, 0, 3];
        want.extend_from_slice(&5u128.to_be_bytes());
        assert_eq!(encode(&a), want);
    }

    #[test]
    fn corrupt_records_are_errors() {
        let good = encode(&AllowanceResponse::default());
        assert!(decode(good[..25].to_vec()).is_err());
        let mut bad_kind = good.clone();
        bad_kind[AllowanceLayout::EXPIRY_KIND.at()] = 3;
        assert!(decode(bad_kind).is_err());
        let mut longer = good.clone();
        longer.push(0);
        assert!(decode(longer).is_err());
        let mut future = good;
        future[0] = 2;
        let err = decode(future).unwrap_err();
        assert!(err.to_string().contains("layout version 2"), "{err}");
    }

    #[test]
    fn keys_match_cw_storage_plus_and_pages_stay_in_their_prefix() {
        let (alice, bob, carol) = (
            Addr::unchecked("alice"),
            Addr::unchecked("bob"),
            Addr::unchecked("carol"),
        );
        let (by_owner, by_spender) = keys(&alice, &bob);
        let map = Map::<(&Addr, &Addr), ()>::new("allowance");
        assert_eq!(by_owner, map.key((&alice, &bob)).to_vec());
        let map = Map::<(&Addr, &Addr), ()>::new("allowance_spender");
        assert_eq!(by_spender, map.key((&bob, &alice)).to_vec());

        let mut store = MockStorage::new();
        let a = AllowanceResponse::default();
        for (owner, spender) in [(&alice, &bob), (&alice, &carol), (&bob, &carol)] {
            save(&mut store, &keys(owner, spender), &a);
        }
        let prefix = owner_prefix(ALLOWANCE_NS, b"alice");
        let names = |p: Vec<(String, AllowanceResponse)>| -> Vec<String> {
            p.into_iter().map(|(n, _)| n).collect()
        };
        let all = page(&store, prefix.clone(), None, None).unwrap();
        assert_eq!(names(all), ["bob", "carol"]);
        let rest = page(&store, prefix.clone(), Some("bob".into()), None).unwrap();
        assert_eq!(names(rest), ["carol"]);
        let one = page(&store, prefix, None, Some(1)).unwrap();
        assert_eq!(names(one), ["bob"]);
        let prefix = owner_prefix(ALLOWANCE_SPENDER_NS, b"carol");
        let owners = page(&store, prefix, None, None).unwrap();
        assert_eq!(names(owners), ["alice", "bob"]);
    }
}
