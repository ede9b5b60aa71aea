//! Deposits: native coins by anyone, cw20 from accepted tokens only.

use commons::addr::validate_addr;
use commons::asset::{Asset, AssetInfo};
use commons::treasury::{LedgerKind, ReceiveMsg};
use cosmwasm_std::{from_json, DepsMut, Env, MessageInfo, Response};
use cw20::Cw20ReceiveMsg;

use crate::error::ContractError;
use crate::ledger::{check_memo, record};
use crate::state::{CONFIG, DENOMS};

pub fn execute_deposit(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    memo: Option<String>,
) -> Result<Response, ContractError> {
    check_memo(&memo)?;
    if info.funds.is_empty() {
        return Err(cw_utils::PaymentError::NoFunds {}.into());
    }
    let mut res = Response::new().add_attribute("action", "deposit");
    for coin in &info.funds {
        if coin.amount.is_zero() {
            return Err(ContractError::ZeroAmount);
        }
        DENOMS.save(deps.storage, &coin.denom, &())?;
        let asset = Asset {
            info: AssetInfo::Native(coin.denom.clone()),
            amount: coin.amount,
        };
        let id = record(
            deps.storage,
            &env,
            LedgerKind::Deposit,
            asset.clone(),
            info.sender.clone(),
            memo.clone(),
        )?;
        res = res
            .add_attribute("ledger_id", id.to_string())
            .add_attribute("asset", asset.to_string());
    }
    Ok(res.add_attribute("from", info.sender))
}

pub fn execute_receive(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    receive: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    // info.sender is the token contract; only whitelisted tokens are taken.
    if !config.accepted_cw20s.contains(&info.sender) {
        return Err(ContractError::UnacceptedToken {
            token: info.sender.to_string(),
        });
    }
    if receive.amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    let ReceiveMsg::Deposit { memo } = from_json(&receive.msg)?;
    check_memo(&memo)?;
    let depositor = validate_addr(deps.api, &receive.sender)?;
    let asset = Asset {
        info: AssetInfo::Cw20(info.sender),
        amount: receive.amount,
    };
    let id = record(
        deps.storage,
        &env,
        LedgerKind::Deposit,
        asset.clone(),
        depositor.clone(),
        memo,
    )?;
    Ok(Response::new()
        .add_attribute("action", "deposit")
        .add_attribute("ledger_id", id.to_string())
        .add_attribute("asset", asset.to_string())
        .add_attribute("from", depositor))
}
