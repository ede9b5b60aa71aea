//! Configuration: validation at instantiation and on the arbiter's `update_config`.

use commons::addr::validate_addr;
use commons::asset::{AssetInfo, AssetInfoUnchecked};
use commons::escrow::{InstantiateMsg, UpdateConfigMsg, MAX_FEE_BPS};
use commons::pagination::MAX_INPUT_LIST;
use commons::time::check_duration;
use cosmwasm_std::{Api, DepsMut, MessageInfo, Response};

use crate::error::ContractError;
use crate::state::{Config, CONFIG};

fn invalid(reason: impl Into<String>) -> ContractError {
    ContractError::InvalidConfig {
        reason: reason.into(),
    }
}

fn check_assets(
    api: &dyn Api,
    assets: &[AssetInfoUnchecked],
) -> Result<Vec<AssetInfo>, ContractError> {
    if assets.is_empty() || assets.len() > MAX_INPUT_LIST {
        return Err(invalid(format!(
            "accepted_assets must list 1 to {MAX_INPUT_LIST} assets"
        )));
    }
    let mut out: Vec<AssetInfo> = Vec::with_capacity(assets.len());
    for a in assets {
        let info = a.check(api).map_err(|e| invalid(e.to_string()))?;
        if out.contains(&info) {
            return Err(invalid(format!("{info} is listed twice")));
        }
        out.push(info);
    }
    Ok(out)
}

pub fn validate(config: &Config) -> Result<(), ContractError> {
    if config.fee_bps > MAX_FEE_BPS {
        return Err(invalid(format!("fee_bps must be at most {MAX_FEE_BPS}")));
    }
    // bounded so that report time + challenge period and block time + unbonding or job
    // duration always fit a timestamp
    check_duration("challenge_period_seconds", config.challenge_period_seconds)?;
    check_duration(
        "provider_unbonding_seconds",
        config.provider_unbonding_seconds,
    )?;
    check_duration("max_job_duration_seconds", config.max_job_duration_seconds)?;
    if config.min_provider_stake.is_some_and(|m| m.is_zero()) {
        return Err(invalid(
            "min_provider_stake must be greater than zero when set",
        ));
    }
    Ok(())
}

pub fn from_msg(api: &dyn Api, msg: &InstantiateMsg) -> Result<Config, ContractError> {
    let config = Config {
        arbiter: validate_addr(api, &msg.arbiter)?,
        fee_bps: msg.fee_bps,
        fee_recipient: validate_addr(api, &msg.fee_recipient)?,
        treasury: msg
            .treasury
            .as_deref()
            .map(|t| validate_addr(api, t))
            .transpose()?,
        accepted_assets: check_assets(api, &msg.accepted_assets)?,
        stake_asset: msg
            .stake_asset
            .check(api)
            .map_err(|e| invalid(e.to_string()))?,
        challenge_period_seconds: msg.challenge_period_seconds,
        min_provider_stake: msg.min_provider_stake,
        provider_unbonding_seconds: msg.provider_unbonding_seconds,
        max_job_duration_seconds: msg.max_job_duration_seconds,
    };
    validate(&config)?;
    Ok(config)
}

pub fn execute_update_config(
    deps: DepsMut,
    info: MessageInfo,
    msg: UpdateConfigMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut config = CONFIG.load(deps.storage)?;
    if info.sender != config.arbiter {
        return Err(ContractError::NotArbiter {
            action: "update the configuration".into(),
        });
    }
    if let Some(a) = msg.arbiter {
        config.arbiter = validate_addr(deps.api, &a)?;
    }
    if let Some(f) = msg.fee_bps {
        config.fee_bps = f;
    }
    if let Some(r) = msg.fee_recipient {
        config.fee_recipient = validate_addr(deps.api, &r)?;
    }
    if let Some(t) = msg.treasury {
        config.treasury = Some(validate_addr(deps.api, &t)?);
    }
    if let Some(assets) = msg.accepted_assets {
        config.accepted_assets = check_assets(deps.api, &assets)?;
    }
    if let Some(v) = msg.challenge_period_seconds {
        config.challenge_period_seconds = v;
    }
    if let Some(v) = msg.min_provider_stake {
        config.min_provider_stake = Some(v);
    }
    if let Some(v) = msg.provider_unbonding_seconds {
        config.provider_unbonding_seconds = v;
    }
    if let Some(v) = msg.max_job_duration_seconds {
        config.max_job_duration_seconds = v;
    }
    validate(&config)?;
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new().add_attribute("action", "update_config"))
}
