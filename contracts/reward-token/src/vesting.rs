//! Vesting grants: locked tokens that unlock on a schedule and can be claimed, or revoked.

use commons::pagination::{ensure_bounded_unique, page_limit, MAX_INPUT_LIST};
use commons::reward_token::{GrantResponse, VestingResponse};
use commons::vesting::VestingSchedule;
use cosmwasm_std::{
    Addr, Deps, DepsMut, Env, MessageInfo, Order, Response, StdError, StdResult, Storage,
    Timestamp, Uint128,
};
use cw_storage_plus::Bound;

use crate::error::ContractError;
use crate::mint::{ensure_minter, lock, record_mint};
use crate::power;
use crate::state::{Grant, GRANTS, GRANT_SEQ, LOCKED, TOKEN};
use crate::tokens::{credit, validate_addr};

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

fn add_locked(store: &mut dyn Storage, holder: &Addr, amount: Uint128) -> StdResult<()> {
    let locked = LOCKED.may_load(store, holder)?.unwrap_or_default();
    LOCKED.save(
        store,
        holder,
        &locked.checked_add(amount).map_err(StdError::overflow)?,
    )
}

fn sub_locked(store: &mut dyn Storage, holder: &Addr, amount: Uint128) -> StdResult<()> {
    let locked = LOCKED.may_load(store, holder)?.unwrap_or_default();
    let rest = locked.checked_sub(amount).map_err(StdError::overflow)?;
    if rest.is_zero() {
        LOCKED.remove(store, holder);
        Ok(())
    } else {
        LOCKED.save(store, holder, &rest)
    }
}

fn save_or_settle(store: &mut dyn Storage, holder: &Addr, id: u64, grant: &Grant) -> StdResult<()> {
    if grant.is_settled() {
        GRANTS.remove(store, (holder, id));
        Ok(())
    } else {
        GRANTS.save(store, (holder, id), grant)
    }
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
    let mut token = TOKEN.load(deps.storage)?;
    ensure_minter(&token, &info.sender, "mint vesting grants")?;
    let holder = validate_addr(deps.api, &recipient)?;
    schedule.validate()?;
    record_mint(&mut token, amount)?;
    lock(&mut token, amount)?;
    TOKEN.save(deps.storage, &token)?;

    let grant_id = GRANT_SEQ
        .may_load(deps.storage)?
        .unwrap_or_default()
        .checked_add(1)
        .ok_or_else(|| StdError::generic_err("grant ids exhausted"))?;
    GRANT_SEQ.save(deps.storage, &grant_id)?;
    let grant = Grant {
        schedule,
        total: amount,
        claimed: Uint128::zero(),
        revocable,
        revoked_at: None,
        burned: Uint128::zero(),
    };
    GRANTS.save(deps.storage, (&holder, grant_id), &grant)?;
    add_locked(deps.storage, &holder, amount)?;
    if token.vesting_counts_for_voting {
        power::grow(deps.storage, env.block.height, &holder, amount)?;
    }
    Ok(Response::new()
        .add_attribute("action", "mint_vesting")
        .add_attribute("to", holder)
        .add_attribute("grant_id", grant_id.to_string())
        .add_attribute("amount", amount)
        .add_attribute("start_time", schedule.start_time.seconds().to_string())
        .add_attribute("cliff_seconds", schedule.cliff_seconds.to_string())
        .add_attribute("duration_seconds", schedule.duration_seconds.to_string())
        .add_attribute("revocable", revocable.to_string()))
}

pub fn execute_claim_vested(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    grant_ids: Option<Vec<u64>>,
) -> Result<Response, ContractError> {
    let holder = info.sender;
    let grants: Vec<(u64, Grant)> = match grant_ids {
        Some(ids) => {
            ensure_bounded_unique(&ids)?;
            ids.into_iter()
                .map(|id| {
                    GRANTS
                        .may_load(deps.storage, (&holder, id))?
                        .map(|g| (id, g))
                        .ok_or_else(|| ContractError::GrantNotFound {
                            recipient: holder.to_string(),
                            grant_id: id,
                        })
                })
                .collect::<Result<_, _>>()?
        }
        // Oldest open grants first, bounded so the cost never grows with the grant count.
        None => GRANTS
            .prefix(&holder)
            .range(deps.storage, None, None, Order::Ascending)
            .take(MAX_INPUT_LIST)
            .collect::<StdResult<_>>()?,
    };

    let now = env.block.time;
    let mut claimed = Uint128::zero();
    let mut ids = Vec::new();
    for (id, mut grant) in grants {
        let amount = grant.claimable(now);
        if amount.is_zero() {
            continue;
        }
        grant.claimed += amount;
        save_or_settle(deps.storage, &holder, id, &grant)?;
        claimed = claimed.checked_add(amount).map_err(StdError::overflow)?;
        ids.push(id.to_string());
    }
    if claimed.is_zero() {
        return Err(ContractError::NothingToClaim);
    }

    let mut token = TOKEN.load(deps.storage)?;
    token.locked_total = token
        .locked_total
        .checked_sub(claimed)
        .map_err(StdError::overflow)?;
    TOKEN.save(deps.storage, &token)?;
    sub_locked(deps.storage, &holder, claimed)?;
    credit(deps.storage, &holder, claimed)?;
    if !token.vesting_counts_for_voting {
        // Locked tokens did not vote; liquid ones do.
        power::grow(deps.storage, env.block.height, &holder, claimed)?;
    }
    Ok(Response::new()
        .add_attribute("action", "claim_vested")
        .add_attribute("to", holder)
        .add_attribute("amount", claimed)
        .add_attribute("grant_ids", ids.join(",")))
}

pub fn execute_revoke_vesting(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    recipient: String,
    grant_id: u64,
) -> Result<Response, ContractError> {
    let mut token = TOKEN.load(deps.storage)?;
    ensure_minter(&token, &info.sender, "revoke vesting grants")?;
    let holder = validate_addr(deps.api, &recipient)?;
    let mut grant = GRANTS
        .may_load(deps.storage, (&holder, grant_id))?
        .ok_or_else(|| ContractError::GrantNotFound {
            recipient: holder.to_string(),
            grant_id,
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
    save_or_settle(deps.storage, &holder, grant_id, &grant)?;
    sub_locked(deps.storage, &holder, unvested)?;

    token.locked_total = token
        .locked_total
        .checked_sub(unvested)
        .map_err(StdError::overflow)?;
    token.total_supply = token
        .total_supply
        .checked_sub(unvested)
        .map_err(StdError::overflow)?;
    token.burned_total = token
        .burned_total
        .checked_add(unvested)
        .map_err(StdError::overflow)?;
    TOKEN.save(deps.storage, &token)?;
    if token.vesting_counts_for_voting {
        power::shrink(deps.storage, env.block.height, &holder, unvested)?;
    }
    Ok(Response::new()
        .add_attribute("action", "revoke_vesting")
        .add_attribute("recipient", holder)
        .add_attribute("grant_id", grant_id.to_string())
        .add_attribute("vested", vested)
        .add_attribute("burned", unvested))
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
    let grants = GRANTS
        .prefix(&address)
        .range(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(page_limit(limit))
        .map(|item| item.map(|(id, grant)| grant_response(id, grant, env.block.time)))
        .collect::<StdResult<_>>()?;
    let locked = LOCKED.may_load(deps.storage, &address)?.unwrap_or_default();
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
