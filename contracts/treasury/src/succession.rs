//! Who controls the treasury and what code it runs: both change only after the change delay,
//! in public (`pending_changes`), so members see a hand-over or new code a whole window before
//! it can act. The treasury is its own wasm admin: `migrate_self` is the only way to new code.

use commons::addr::validate_addr;
use commons::time::plus_seconds;
use cosmwasm_std::{Binary, DepsMut, Env, MessageInfo, Response, WasmMsg};

use crate::config::ensure_owner;
use crate::error::ContractError;
use crate::state::{PendingMigration, PendingOwner, CONFIG, PENDING_MIGRATION, PENDING_OWNER};

pub fn execute_propose_owner(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    new_owner: String,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    ensure_owner(deps.storage, &info.sender, "propose a new owner")?;
    let new_owner = validate_addr(deps.api, &new_owner)?;
    let delay = CONFIG.load(deps.storage)?.change_delay_seconds;
    let effective_at = plus_seconds(env.block.time, delay)?;
    PENDING_OWNER.save(
        deps.storage,
        &PendingOwner {
            new_owner: new_owner.clone(),
            effective_at,
        },
    )?;
    Ok(Response::new()
        .add_attribute("action", "propose_owner")
        .add_attribute("pending_owner", new_owner)
        .add_attribute("effective_at", effective_at.seconds().to_string()))
}

pub fn execute_accept_owner(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let pending = PENDING_OWNER
        .may_load(deps.storage)?
        .filter(|p| p.new_owner == info.sender)
        .ok_or(ContractError::NotPendingOwner)?;
    if env.block.time < pending.effective_at {
        return Err(ContractError::OwnerChangeNotDue {
            effective_at: pending.effective_at,
        });
    }
    let mut config = CONFIG.load(deps.storage)?;
    let previous = std::mem::replace(&mut config.owner, pending.new_owner);
    CONFIG.save(deps.storage, &config)?;
    PENDING_OWNER.remove(deps.storage);
    Ok(Response::new()
        .add_attribute("action", "accept_owner")
        .add_attribute("owner", config.owner)
        .add_attribute("previous_owner", previous))
}

pub fn execute_schedule_migration(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    code_id: u64,
    msg: Binary,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    ensure_owner(deps.storage, &info.sender, "schedule a migration")?;
    if code_id == 0 {
        return Err(ContractError::ZeroCodeId);
    }
    let delay = CONFIG.load(deps.storage)?.change_delay_seconds;
    let effective_at = plus_seconds(env.block.time, delay)?;
    PENDING_MIGRATION.save(
        deps.storage,
        &PendingMigration {
            code_id,
            msg,
            effective_at,
        },
    )?;
    Ok(Response::new()
        .add_attribute("action", "schedule_migration")
        .add_attribute("code_id", code_id.to_string())
        .add_attribute("effective_at", effective_at.seconds().to_string()))
}

pub fn execute_migrate_self(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let pending = PENDING_MIGRATION
        .may_load(deps.storage)?
        .ok_or(ContractError::NoMigrationScheduled)?;
    if env.block.time < pending.effective_at {
        return Err(ContractError::MigrationNotDue {
            code_id: pending.code_id,
            effective_at: pending.effective_at,
        });
    }
    // cleared before the message goes out; if the migration fails, the whole call reverts and
    // the schedule stays
    PENDING_MIGRATION.remove(deps.storage);
    Ok(Response::new()
        .add_message(WasmMsg::Migrate {
            contract_addr: env.contract.address.to_string(),
            new_code_id: pending.code_id,
            msg: pending.msg,
        })
        .add_attribute("action", "migrate_self")
        .add_attribute("code_id", pending.code_id.to_string()))
}

pub fn execute_cancel_migration(
    deps: DepsMut,
    info: MessageInfo,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    ensure_owner(deps.storage, &info.sender, "cancel the migration")?;
    let pending = PENDING_MIGRATION
        .may_load(deps.storage)?
        .ok_or(ContractError::NoMigrationScheduled)?;
    PENDING_MIGRATION.remove(deps.storage);
    Ok(Response::new()
        .add_attribute("action", "cancel_migration")
        .add_attribute("code_id", pending.code_id.to_string()))
}
