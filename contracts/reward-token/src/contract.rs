//! Entry points: validation of instantiation, and dispatch of every message to its handler.

#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{Binary, Deps, DepsMut, Env, MessageInfo, Response, StdResult};

use commons::addr::validate_addr;
use commons::migrate::{migrate_version, MigrateMsg};
use commons::reward_token::{ExecuteMsg, InstantiateMsg, QueryMsg};

use crate::account::Ledger;
use crate::allowance::{execute_decrease_allowance, execute_increase_allowance};
use crate::delegation::{execute_delegate, execute_undelegate};
use crate::error::ContractError;
use crate::marketing::{execute_update_marketing, execute_upload_logo, save_marketing};
use crate::mint::{execute_mint, execute_update_minter, record_mint};
use crate::mint_limit::{execute_update_mint_limit, instantiate_mint_limit};
use crate::power;
use crate::response::{response, Attrs};
use crate::state::{Metadata, Supply, METADATA, SUPPLY_KEY};
use crate::tokens::{
    execute_burn, execute_burn_from, execute_send, execute_send_from, execute_transfer,
    execute_transfer_from,
};
use crate::vesting::{execute_claim_vested, execute_mint_vesting, execute_revoke_vesting};

pub const CONTRACT_NAME: &str = "crates.io:commons-reward-token";
pub const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");

fn validate_metadata(msg: &InstantiateMsg) -> Result<(), ContractError> {
    let len = msg.name.len();
    if !(3..=50).contains(&len) {
        return Err(ContractError::InvalidName { len });
    }
    let symbol_ok = (3..=12).contains(&msg.symbol.len())
        && msg
            .symbol
            .bytes()
            .all(|b| b.is_ascii_alphabetic() || b == b'-');
    if !symbol_ok {
        return Err(ContractError::InvalidSymbol {
            symbol: msg.symbol.clone(),
        });
    }
    if msg.decimals > 18 {
        return Err(ContractError::InvalidDecimals {
            decimals: msg.decimals,
        });
    }
    Ok(())
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    validate_metadata(&msg)?;
    let minter = msg
        .mint
        .as_ref()
        .map(|m| validate_addr(deps.api, &m.minter))
        .transpose()?;
    let (cap, mint_limit) = msg.mint.map_or((None, None), |m| (m.cap, m.mint_limit));
    let mut supply = Supply::new(minter.as_ref(), cap, msg.vesting_counts_for_voting);

    let mut holders = Vec::with_capacity(msg.initial_balances.len());
    for coin in &msg.initial_balances {
        let holder = validate_addr(deps.api, &coin.address)?;
        if holders.contains(&holder) {
            return Err(ContractError::DuplicateInitialBalance {
                address: coin.address.clone(),
            });
        }
        holders.push(holder.clone());
        if coin.amount.is_zero() {
            continue;
        }
        record_mint(&mut supply, coin.amount)?;
        let mut ledger = Ledger::new(deps.storage, env.block.height);
        let slot = ledger.open(&holder)?;
        ledger.credit(slot, coin.amount)?;
        power::grow(&mut ledger, &mut supply, slot, coin.amount)?;
        ledger.commit();
    }
    // after the initial balances: they are not minted by the minter and do not count
    let mut limit_attrs = Response::new();
    instantiate_mint_limit(
        deps.storage,
        &mut supply,
        env.block.time,
        mint_limit,
        msg.change_delay_seconds,
        &mut limit_attrs,
    )?;
    supply.save(deps.storage);
    let metadata = Metadata {
        name: msg.name,
        symbol: msg.symbol,
        decimals: msg.decimals,
    };
    METADATA.save(deps.storage, &metadata)?;
    if let Some(marketing) = msg.marketing {
        save_marketing(deps.branch(), marketing)?;
    }
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    let cap = supply.cap().map(String::from);
    let mut res = response("instantiate", 7);
    res.attr("symbol", metadata.symbol)
        .attr("minted_total", supply.minted_total())
        .attr("cap", cap.unwrap_or_else(|| "none".into()));
    Ok(res.add_attributes(limit_attrs.attributes))
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    // No handler of the token takes funds.
    cw_utils::nonpayable(&info)?;
    match msg {
        ExecuteMsg::Transfer { recipient, amount } => {
            execute_transfer(deps, env, info, recipient, amount)
        }
        ExecuteMsg::Burn { amount } => execute_burn(deps, env, info, amount),
        ExecuteMsg::Send {
            contract,
            amount,
            msg,
        } => execute_send(deps, env, info, contract, amount, msg),
        ExecuteMsg::IncreaseAllowance {
            spender,
            amount,
            expires,
        } => execute_increase_allowance(deps, env, info, spender, amount, expires),
        ExecuteMsg::DecreaseAllowance {
            spender,
            amount,
            expires,
        } => execute_decrease_allowance(deps, env, info, spender, amount, expires),
        ExecuteMsg::TransferFrom {
            owner,
            recipient,
            amount,
        } => execute_transfer_from(deps, env, info, owner, recipient, amount),
        ExecuteMsg::SendFrom {
            owner,
            contract,
            amount,
            msg,
        } => execute_send_from(deps, env, info, owner, contract, amount, msg),
        ExecuteMsg::BurnFrom { owner, amount } => execute_burn_from(deps, env, info, owner, amount),
        ExecuteMsg::Mint { recipient, amount } => execute_mint(deps, env, info, recipient, amount),
        ExecuteMsg::UpdateMinter { new_minter } => execute_update_minter(deps, info, new_minter),
        ExecuteMsg::UpdateMarketing {
            project,
            description,
            marketing,
        } => execute_update_marketing(deps, info, project, description, marketing),
        ExecuteMsg::UploadLogo(logo) => execute_upload_logo(deps, info, logo),
        ExecuteMsg::UpdateMintLimit { mint_limit } => {
            execute_update_mint_limit(deps, env, info, mint_limit)
        }
        ExecuteMsg::MintVesting {
            recipient,
            amount,
            schedule,
            revocable,
        } => execute_mint_vesting(deps, env, info, recipient, amount, schedule, revocable),
        ExecuteMsg::ClaimVested { grant_ids } => execute_claim_vested(deps, env, info, grant_ids),
        ExecuteMsg::RevokeVesting {
            recipient,
            grant_id,
        } => execute_revoke_vesting(deps, env, info, recipient, grant_id),
        ExecuteMsg::Delegate { delegatee } => execute_delegate(deps, env, info, delegatee),
        ExecuteMsg::Undelegate {} => execute_undelegate(deps, env, info),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> StdResult<Binary> {
    crate::query::query(deps, env, msg)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    migrate_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    // The supply record is the one record every token has, written at instantiation with the
    // rest: its layout version is the storage's. This code reads version 1 (the only one so
    // far). Storage it cannot read is refused rather than run on:
    // - the pre-release layout (JSON balances) has no supply record;
    // - the binary records from before layout versions start with a flag byte instead; a
    //   supply record of that kind is never a version-1 record (its flags are 1 only without
    //   a minter, and then it is 138 bytes, one short of version 1's fixed part), so it is an
    //   unknown version or too short, both refused.
    let supply = deps
        .storage
        .get(SUPPLY_KEY)
        .ok_or(ContractError::UnknownStorageLayout)?;
    Supply::from_stored(supply).map_err(ContractError::Layout)?;
    let mut res = response("migrate", 2);
    res.attr("version", CONTRACT_VERSION);
    Ok(res)
}
