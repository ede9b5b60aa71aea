//! The owner check, accepted tokens and the configuration update.

use commons::addr::validate_addr;
use commons::pagination::ensure_bounded_unique;
use commons::treasury::SpendLimitUnchecked;
use cosmwasm_std::{Addr, Api, DepsMut, Env, MessageInfo, Response, Storage};

use crate::error::ContractError;
use crate::limits::{check_limits, update_limits};
use crate::state::CONFIG;

pub fn ensure_owner(store: &dyn Storage, sender: &Addr, action: &str) -> Result<(), ContractError> {
    if CONFIG.load(store)?.owner != *sender {
        return Err(ContractError::NotOwner {
            action: action.to_string(),
        });
    }
    Ok(())
}

pub fn check_cw20s(api: &dyn Api, tokens: &[String]) -> Result<Vec<Addr>, ContractError> {
    if !tokens.is_empty() {
        ensure_bounded_unique(tokens)?;
    }
    tokens.iter().map(|t| Ok(validate_addr(api, t)?)).collect()
}

/// Joins asset keys (which never contain a comma) for an attribute.
fn list(keys: &[String]) -> String {
    keys.join(",")
}

pub fn execute_update_config(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    accepted_cw20s: Option<Vec<String>>,
    spend_limits: Option<Vec<SpendLimitUnchecked>>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    ensure_owner(deps.storage, &info.sender, "update the configuration")?;
    let mut config = CONFIG.load(deps.storage)?;
    let mut res = Response::new().add_attribute("action", "update_config");
    if let Some(tokens) = accepted_cw20s {
        config.accepted_cw20s = check_cw20s(deps.api, &tokens)?;
        CONFIG.save(deps.storage, &config)?;
        res = res.add_attribute("accepted_cw20s", tokens.len().to_string());
    }
    if let Some(limits) = spend_limits {
        let delay = config.change_delay_seconds;
        let limits = check_limits(deps.api, &limits, delay)?;
        let changes = update_limits(deps.storage, env.block.time, delay, limits)?;
        let pending: Vec<String> = changes
            .pending
            .iter()
            .map(|(key, at)| format!("{key}@{}", at.seconds()))
            .collect();
        for (name, keys) in [
            ("applied", changes.applied),
            ("removed", changes.removed),
            ("pending", pending),
            ("dropped", changes.dropped),
        ] {
            if !keys.is_empty() {
                res = res.add_attribute(name, list(&keys));
            }
        }
    }
    Ok(res)
}
