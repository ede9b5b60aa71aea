//! Input checks shared by the handlers, and the ledger every movement is written to.

use commons::asset::{Asset, AssetInfo, AssetInfoUnchecked, AssetUnchecked};
use commons::treasury::{LedgerEntry, LedgerKind, MAX_MEMO_LEN};
use cosmwasm_std::{Addr, Api, Env, StdError, Storage};

use crate::error::ContractError;
use crate::state::{LEDGER, LEDGER_SEQ};

pub fn check_info(api: &dyn Api, info: &AssetInfoUnchecked) -> Result<AssetInfo, ContractError> {
    info.check(api).map_err(|e| ContractError::InvalidAsset {
        reason: e.to_string(),
    })
}

/// A valid asset with a non-zero amount.
pub fn check_asset(api: &dyn Api, asset: &AssetUnchecked) -> Result<Asset, ContractError> {
    if asset.amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    Ok(Asset {
        info: check_info(api, &asset.info)?,
        amount: asset.amount,
    })
}

pub fn check_memo(memo: &Option<String>) -> Result<(), ContractError> {
    match memo {
        Some(m) if m.len() > MAX_MEMO_LEN => Err(ContractError::MemoTooLong {
            len: m.len(),
            max: MAX_MEMO_LEN,
        }),
        _ => Ok(()),
    }
}

/// Appends a movement to the ledger and returns its id.
pub fn record(
    store: &mut dyn Storage,
    env: &Env,
    kind: LedgerKind,
    asset: Asset,
    counterparty: Addr,
    memo: Option<String>,
) -> Result<u64, ContractError> {
    let id = LEDGER_SEQ
        .may_load(store)?
        .unwrap_or_default()
        .checked_add(1)
        .ok_or_else(|| StdError::generic_err("the ledger is full"))?;
    LEDGER_SEQ.save(store, &id)?;
    LEDGER.save(
        store,
        id,
        &LedgerEntry {
            id,
            kind,
            asset,
            counterparty,
            memo,
            height: env.block.height,
            time: env.block.time,
        },
    )?;
    Ok(id)
}
