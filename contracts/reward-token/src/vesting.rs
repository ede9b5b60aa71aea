//! Vesting grants: locked tokens that unlock on a schedule and can be claimed, or revoked.

use commons::addr::validate_addr;
use commons::pagination::{ensure_bounded_unique, page_limit, MAX_INPUT_LIST};
use commons::reward_token::{GrantResponse, VestingResponse};
use commons::vesting::VestingSchedule;
use cosmwasm_std::{
    Addr, Deps, DepsMut, Env, MessageInfo, Order, Response, StdError, StdResult, Storage,
    Timestamp, Uint128,
};

use crate::account::{Account, Ledger, Slot};
use crate::error::ContractError;
use crate::mint::{ensure_minter, lock, record_mint};
use crate::mint_limit::{count_mint, window_attrs};
use crate::power;
use crate::response::{response, Attrs};
use crate::state::{Grant, Supply, GRANT_NS};
use commons::codec::{owner_prefix, put_u64};

impl Grant {
    /// Vested at `now`; after a revocation, everything that was not burned.
    pub fn vested(&self, now: Timestamp) -> Uint128 {
        match self.revoked_at {
            Some(_) => self.total - self.burned,
            None => self.schedule.vested(self.total, now),
        }
    }

    /// What a claim would move now.
    pub fn claimable(&self, now: Timestamp) -> Uint128 {
        self.vested(now).saturating_sub(self.claimed)
    }

    /// True once every token of the grant was claimed or burned.
    fn is_settled(&self) -> bool {
        self.claimed + self.burned == self.total
    }
}

fn grant_key(holder: &Addr, id: u64) -> Vec<u8> {
    let mut key = owner_prefix(GRANT_NS, holder.as_bytes());
    put_u64(&mut key, id);
    key
}

fn load_grant(store: &dyn Storage, holder: &Addr, id: u64) -> StdResult<Option<Grant>> {
    store
        .get(&grant_key(holder, id))
        .map(Grant::decode)
        .transpose()
}

fn save_or_settle(store: &mut dyn Storage, holder: &Addr, id: u64, grant: &Grant) {
    let key = grant_key(holder, id);
    if grant.is_settled() {
        store.remove(&key);
    } else {
        store.set(&key, &grant.encode());
    }
}

/// Up to `limit` open grants of `holder` with ids from `first_id` on, oldest first.
fn grants_from(
    store: &dyn Storage,
    holder: &Addr,
    first_id: u64,
    limit: usize,
) -> StdResult<Vec<(u64, Grant)>> {
    let start = grant_key(holder, first_id);
    // every grant key of `holder` is its prefix plus 8 bytes: this bound is above all of them
    let mut end = grant_key(holder, u64::MAX);
    end.push(0);
    let id_at = start.len() - 8;
    let mut grants = Vec::with_capacity(limit);
    for (key, value) in store
        .range(Some(&start), Some(&end), Order::Ascending)
        .take(limit)
    {
        let id = key
            .get(id_at..)
            .and_then(|b| <[u8; 8]>::try_from(b).ok())
            .map(u64::from_be_bytes)
            .ok_or_else(|| StdError::parse_err("vesting grant", "key is corrupt"))?;
        grants.push((id, Grant::decode(value)?));
    }
    Ok(grants)
}

/// Adds `amount` to the tokens locked for the holder in `slot`, and to its power when locked
/// tokens vote.
fn lock_for(
    ledger: &mut Ledger,
    supply: &mut Supply,
    slot: Slot,
    amount: Uint128,
) -> Result<(), ContractError> {
    let account = ledger.get(slot);
    let locked = account.locked().checked_add(amount);
    account.set_locked(locked.map_err(StdError::overflow)?);
    if supply.vesting_counts_for_voting() {
        power::grow(ledger, supply, slot, amount)?;
    }
    Ok(())
}

/// Takes `amount` from the tokens locked for the holder in `slot`.
fn unlock(ledger: &mut Ledger, slot: Slot, amount: Uint128) -> StdResult<()> {
    let account = ledger.get(slot);
    let locked = account.locked().checked_sub(amount);
    account.set_locked(locked.map_err(StdError::overflow)?);
    Ok(())
}

pub fn execute_mint_vesting(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    recipient: String,
    amount: Uint128,
    schedule: VestingSchedule,
    revocable: bool,
) -> Result<Response, ContractError> {
    let mut supply = Supply::load(deps.storage)?;
    ensure_minter(&supply, &info.sender, "mint vesting grants")?;
    let holder = validate_addr(deps.api, &recipient)?;
    schedule.validate()?;
    record_mint(&mut supply, amount)?;
    // a grant is minted now, whenever it vests: it counts against the current window
    let window = count_mint(deps.storage, &mut supply, env.block.time, amount)?;
    lock(&mut supply, amount)?;

    let grant_id = supply
        .last_grant_id()
        .checked_add(1)
        .ok_or_else(|| StdError::generic_err("grant ids exhausted"))?;
    supply.set_last_grant_id(grant_id);
    let grant = Grant {
        schedule,
        total: amount,
        claimed: Uint128::zero(),
        revocable,
        revoked_at: None,
        burned: Uint128::zero(),
    };
    deps.storage
        .set(&grant_key(&holder, grant_id), &grant.encode());
    let mut ledger = Ledger::new(deps.storage, env.block.height);
    let slot = ledger.open(&holder)?;
    lock_for(&mut ledger, &mut supply, slot, amount)?;
    supply.save(ledger.store());
    ledger.commit();
    let mut res = response("mint_vesting", if window.is_some() { 10 } else { 8 });
    res.attr("to", holder)
        .attr("grant_id", grant_id.to_string())
        .attr("amount", amount)
        .attr("start_time", schedule.start_time.seconds().to_string())
        .attr("cliff_seconds", schedule.cliff_seconds.to_string())
        .attr("duration_seconds", schedule.duration_seconds.to_string())
        .attr("revocable", if revocable { "true" } else { "false" });
    if let Some(window) = &window {
        window_attrs(&mut res, window)?;
    }
    Ok(res)
}

/// The grants a claim looks at: the given ones (each must exist), or the oldest open ones.
fn grants_to_claim(
    store: &dyn Storage,
    holder: &Addr,
    grant_ids: Option<Vec<u64>>,
) -> Result<Vec<(u64, Grant)>, ContractError> {
    match grant_ids {
        Some(ids) => {
            ensure_bounded_unique(&ids)?;
            let mut grants = Vec::with_capacity(ids.len());
            for id in ids {
                let grant =
                    load_grant(store, holder, id)?.ok_or_else(|| ContractError::GrantNotFound {
                        recipient: holder.to_string(),
                        grant_id: id,
                    })?;
                grants.push((id, grant));
            }
            Ok(grants)
        }
        // Oldest open grants first, bounded so the cost never grows with the grant count.
        None => Ok(grants_from(store, holder, 0, MAX_INPUT_LIST)?),
    }
}

pub fn execute_claim_vested(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    grant_ids: Option<Vec<u64>>,
) -> Result<Response, ContractError> {
    let holder = info.sender;
    let grants = grants_to_claim(deps.storage, &holder, grant_ids)?;
    let now = env.block.time;
    let mut claimed = Uint128::zero();
    let mut ids = Vec::new();
    for (id, mut grant) in grants {
        let amount = grant.claimable(now);
        if amount.is_zero() {
            continue;
        }
        grant.claimed += amount;
        save_or_settle(deps.storage, &holder, id, &grant);
        claimed = claimed.checked_add(amount).map_err(StdError::overflow)?;
        ids.push(id.to_string());
    }
    if claimed.is_zero() {
        return Err(ContractError::NothingToClaim);
    }

    let mut supply = Supply::load(deps.storage)?;
    let locked_total = supply.locked_total().checked_sub(claimed);
    supply.set_locked_total(locked_total.map_err(StdError::overflow)?);
    let mut ledger = Ledger::new(deps.storage, env.block.height);
    let slot = ledger.open(&holder)?;
    unlock(&mut ledger, slot, claimed)?;
    ledger.credit(slot, claimed)?;
    if !supply.vesting_counts_for_voting() {
        // Locked tokens did not vote; liquid ones do.
        power::grow(&mut ledger, &mut supply, slot, claimed)?;
    }
    supply.save(ledger.store());
    ledger.commit();
    let mut res = response("claim_vested", 4);
    res.attr("to", holder)
        .attr("amount", claimed)
        .attr("grant_ids", ids.join(","));
    Ok(res)
}

pub fn execute_revoke_vesting(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    recipient: String,
    grant_id: u64,
) -> Result<Response, ContractError> {
    let mut supply = Supply::load(deps.storage)?;
    ensure_minter(&supply, &info.sender, "revoke vesting grants")?;
    let holder = validate_addr(deps.api, &recipient)?;
    let mut grant = load_grant(deps.storage, &holder, grant_id)?.ok_or_else(|| {
        ContractError::GrantNotFound {
            recipient: holder.to_string(),
            grant_id,
        }
    })?;
    if !grant.revocable {
        return Err(ContractError::NotRevocable { grant_id });
    }
    if grant.revoked_at.is_some() {
        return Err(ContractError::AlreadyRevoked { grant_id });
    }
    let now = env.block.time;
    let vested = grant.schedule.vested(grant.total, now);
    let unvested = grant.total - vested;
    if unvested.is_zero() {
        return Err(ContractError::FullyVested { grant_id });
    }
    grant.revoked_at = Some(now);
    grant.burned = unvested;
    save_or_settle(deps.storage, &holder, grant_id, &grant);

    let locked_total = supply.locked_total().checked_sub(unvested);
    supply.set_locked_total(locked_total.map_err(StdError::overflow)?);
    let total_supply = supply.total_supply().checked_sub(unvested);
    supply.set_total_supply(total_supply.map_err(StdError::overflow)?);
    let burned_total = supply.burned_total().checked_add(unvested);
    supply.set_burned_total(burned_total.map_err(StdError::overflow)?);
    let mut ledger = Ledger::new(deps.storage, env.block.height);
    let slot = ledger.open(&holder)?;
    unlock(&mut ledger, slot, unvested)?;
    if supply.vesting_counts_for_voting() {
        power::shrink(&mut ledger, &mut supply, slot, unvested)?;
    }
    supply.save(ledger.store());
    ledger.commit();
    let mut res = response("revoke_vesting", 5);
    res.attr("recipient", holder)
        .attr("grant_id", grant_id.to_string())
        .attr("vested", vested)
        .attr("burned", unvested);
    Ok(res)
}

fn grant_response(grant_id: u64, grant: Grant, now: Timestamp) -> GrantResponse {
    let vested = grant.vested(now);
    GrantResponse {
        grant_id,
        schedule: grant.schedule,
        total: grant.total,
        vested,
        claimed: grant.claimed,
        claimable: vested.saturating_sub(grant.claimed),
        revocable: grant.revocable,
        revoked: grant.revoked_at.is_some(),
        revoked_at: grant.revoked_at,
        burned: grant.burned,
    }
}

pub fn query_vesting(
    deps: Deps,
    env: Env,
    address: String,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> StdResult<VestingResponse> {
    let address = deps.api.addr_validate(&address)?;
    // ids start at 1; after the largest id there is nothing
    let grants = match start_after.map_or(Some(0), |id| id.checked_add(1)) {
        Some(first_id) => grants_from(deps.storage, &address, first_id, page_limit(limit))?
            .into_iter()
            .map(|(id, grant)| grant_response(id, grant, env.block.time))
            .collect(),
        None => vec![],
    };
    let locked = Account::load(deps.storage, &address)?.locked();
    Ok(VestingResponse {
        address,
        locked,
        grants,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grant() -> Grant {
        Grant {
            schedule: VestingSchedule {
                start_time: Timestamp::from_seconds(1_000),
                cliff_seconds: 100,
                duration_seconds: 400,
            },
            total: Uint128::new(1_000),
            claimed: Uint128::zero(),
            revocable: true,
            revoked_at: None,
            burned: Uint128::zero(),
        }
    }

    #[test]
    fn revoked_midway_freezes_what_vested() {
        let mut g = grant();
        let at = Timestamp::from_seconds;
        assert_eq!(g.vested(at(1_200)), Uint128::new(500));
        g.claimed = Uint128::new(200);
        // revoked at 1_200: 500 vested stays, 500 is burned
        g.revoked_at = Some(at(1_200));
        g.burned = g.total - g.schedule.vested(g.total, at(1_200));
        for t in [1_200, 1_300, 1_400, 9_999] {
            assert_eq!(g.vested(at(t)), Uint128::new(500), "{t}");
            assert_eq!(g.claimable(at(t)), Uint128::new(300), "{t}");
        }
        assert!(!g.is_settled());
        g.claimed = Uint128::new(500);
        assert!(g.is_settled());
    }

    #[test]
    fn unrevoked_claimable_tracks_schedule() {
        let mut g = grant();
        let at = Timestamp::from_seconds;
        assert_eq!(g.claimable(at(1_099)), Uint128::zero());
        assert_eq!(g.claimable(at(1_100)), Uint128::new(250));
        g.claimed = Uint128::new(250);
        assert_eq!(g.claimable(at(1_100)), Uint128::zero());
        assert_eq!(g.claimable(at(1_400)), Uint128::new(750));
    }
}
