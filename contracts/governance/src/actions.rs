//! Typed proposal actions: checked when proposed, turned into messages when executed.

use commons::asset::AssetInfoUnchecked;
use commons::governance::{ProposalAction, MAX_ACTIONS_LIMIT};
use cosmwasm_std::{from_json, Addr, Api, CosmosMsg, StdError, StdResult};

use crate::config::{apply_update, validate_addr};
use crate::error::ContractError;
use crate::json::Input;
use crate::state::{Config, Contracts};
use crate::wire::{execute_msg, renamed, Out};

/// Checks one action against the current configuration, so a proposal cannot carry an action
/// that could never run (bad address, zero amount, impossible schedule, invalid config).
fn check_action(api: &dyn Api, config: &Config, action: &ProposalAction) -> Result<(), String> {
    let addr = |a: &str| validate_addr(api, a).map(|_| ()).map_err(|e| e.to_string());
    let treasury = || {
        config
            .treasury
            .as_ref()
            .map(|_| ())
            .ok_or_else(|| "no treasury is configured".to_string())
    };
    let positive = |amount: &cosmwasm_std::Uint128| {
        if amount.is_zero() {
            Err("amount must be greater than zero".to_string())
        } else {
            Ok(())
        }
    };
    let escrow = || {
        config
            .escrow
            .as_ref()
            .map(|_| ())
            .ok_or_else(|| "no escrow is configured".to_string())
    };
    match action {
        ProposalAction::EscrowCreateJob {
            provider,
            asset_info,
            price_per_unit,
            max_units,
            ..
        } => {
            treasury()?;
            escrow()?;
            if let Some(p) = provider {
                addr(p)?;
            }
            asset_info.check(api).map_err(|e| e.to_string())?;
            positive(price_per_unit)?;
            positive(max_units)?;
            price_per_unit
                .checked_mul(*max_units)
                .map_err(|_| "price_per_unit * max_units overflows".to_string())?;
        }
        ProposalAction::EscrowResolveDispute { .. } | ProposalAction::EscrowUpdateConfig(_) => {
            escrow()?
        }
        ProposalAction::TreasurySpend {
            recipient, asset, ..
        } => {
            treasury()?;
            addr(recipient)?;
            asset.check(api).map_err(|e| e.to_string())?;
            positive(&asset.amount)?;
        }
        ProposalAction::TreasurySpendToContract {
            contract, asset, ..
        } => {
            treasury()?;
            addr(contract)?;
            asset.check(api).map_err(|e| e.to_string())?;
            positive(&asset.amount)?;
        }
        ProposalAction::TreasurySetBudget {
            spender,
            asset_info,
            amount_per_period,
            period_seconds,
            ..
        } => {
            treasury()?;
            addr(spender)?;
            asset_info.check(api).map_err(|e| e.to_string())?;
            positive(amount_per_period)?;
            if *period_seconds == 0 {
                return Err("budget period must be greater than zero seconds".into());
            }
        }
        ProposalAction::TreasuryRevokeBudget { spender } => {
            treasury()?;
            addr(spender)?;
        }
        ProposalAction::TreasuryUpdateConfig {
            accepted_cw20s,
            spend_limits,
        } => {
            treasury()?;
            for token in accepted_cw20s.iter().flatten() {
                addr(token)?;
            }
            for limit in spend_limits.iter().flatten() {
                limit.asset_info.check(api).map_err(|e| e.to_string())?;
                positive(&limit.amount)?;
            }
        }
        ProposalAction::TokenMint { recipient, amount } => {
            addr(recipient)?;
            if amount.is_zero() {
                return Err("mint amount must be greater than zero".into());
            }
        }
        ProposalAction::TokenMintVesting {
            recipient,
            amount,
            schedule,
            ..
        } => {
            addr(recipient)?;
            if amount.is_zero() {
                return Err("grant amount must be greater than zero".into());
            }
            schedule.validate().map_err(|e| e.to_string())?;
        }
        ProposalAction::TokenRevokeVesting { recipient, .. } => addr(recipient)?,
        ProposalAction::UpdateGovernanceConfig(update) => {
            apply_update(api, config.clone(), update).map_err(|e| e.to_string())?;
        }
        ProposalAction::Custom { msgs } => {
            if msgs.is_empty() || msgs.len() > MAX_ACTIONS_LIMIT as usize {
                return Err(format!(
                    "a custom action carries 1 to {MAX_ACTIONS_LIMIT} messages"
                ));
            }
        }
    }
    Ok(())
}

pub fn check_actions(
    api: &dyn Api,
    config: &Config,
    actions: &[ProposalAction],
) -> Result<(), ContractError> {
    if actions.len() > config.max_actions as usize {
        return Err(ContractError::TooManyActions {
            max: config.max_actions,
            got: actions.len(),
        });
    }
    for (index, action) in actions.iter().enumerate() {
        check_action(api, config, action)
            .map_err(|reason| ContractError::InvalidAction { index, reason })?;
    }
    Ok(())
}

/// Which contract an action's message goes to.
enum Target {
    Token,
    Treasury,
    Escrow,
    Governance,
}

/// The actions whose content is, unchanged, the content of the message that carries them out:
/// their target and the message's name.
fn passed_on(action: &str) -> Option<(Target, &'static str)> {
    Some(match action {
        "treasury_spend" => (Target::Treasury, "spend"),
        "treasury_spend_to_contract" => (Target::Treasury, "spend_to_contract"),
        "treasury_set_budget" => (Target::Treasury, "set_budget"),
        "treasury_revoke_budget" => (Target::Treasury, "revoke_budget"),
        "treasury_update_config" => (Target::Treasury, "update_config"),
        "escrow_resolve_dispute" => (Target::Escrow, "resolve_dispute"),
        "escrow_update_config" => (Target::Escrow, "update_config"),
        "token_mint" => (Target::Token, "mint"),
        "token_mint_vesting" => (Target::Token, "mint_vesting"),
        "token_revoke_vesting" => (Target::Token, "revoke_vesting"),
        "update_governance_config" => (Target::Governance, "update_config"),
        _ => return None,
    })
}

/// The name of a stored action (`{"<name>":..}`).
fn action_name(text: &[u8]) -> &str {
    text.strip_prefix(b"{\"")
        .and_then(|rest| rest.split(|b| *b == b'"').next())
        .and_then(|name| std::str::from_utf8(name).ok())
        .unwrap_or_default()
}

/// The messages that carry out a proposal's stored actions (their JSON, see
/// `state::save_actions`), in order, sent by governance (`me`). Most actions are passed on as
/// they are stored; only a compute job (built around the treasury) and chain messages are
/// parsed.
pub fn action_messages(
    api: &dyn Api,
    config: &Contracts<'_>,
    me: &Addr,
    texts: &[&[u8]],
) -> StdResult<Vec<CosmosMsg>> {
    let mut msgs = Vec::with_capacity(texts.len());
    let treasury = || {
        config
            .treasury
            .ok_or_else(|| StdError::generic_err("no treasury is configured"))
    };
    let escrow = || {
        config
            .escrow
            .ok_or_else(|| StdError::generic_err("no escrow is configured"))
    };
    for text in texts {
        if let Some((target, name)) = passed_on(action_name(text)) {
            let contract = match target {
                Target::Token => config.token,
                Target::Treasury => treasury()?,
                Target::Escrow => escrow()?,
                Target::Governance => me.as_str(),
            };
            msgs.push(execute_msg(contract, renamed(text, name)?));
            continue;
        }
        let Input(action) = from_json(text)?;
        match action {
            ProposalAction::EscrowCreateJob {
                provider,
                spec,
                asset_info,
                price_per_unit,
                max_units,
                accept_by,
                deadline,
            } => {
                let (escrow, treasury) = (escrow()?, treasury()?);
                // the treasury pays the job in: native coins as funds of `create_job`, cw20 by
                // `send` with the same `create_job` as the hook
                asset_info.check(api)?;
                let mut job = Out::with_capacity(512);
                job.raw(r#"{"create_job":{"provider":"#)
                    .opt_str(provider.as_deref())
                    .raw(r#","client":"#)
                    .str(me.as_str())
                    .raw(r#","refund_to":"#)
                    .str(treasury)
                    .raw(r#","spec":{"uri":"#)
                    .str(&spec.uri)
                    .raw(r#","hash":"#)
                    .str(&spec.hash)
                    .raw(r#"},"price_per_unit":"#)
                    .amount(price_per_unit)
                    .raw(r#","max_units":"#)
                    .amount(max_units)
                    .raw(r#","accept_by":"#)
                    .u64_str(accept_by.nanos())
                    .raw(r#","deadline":"#)
                    .u64_str(deadline.nanos())
                    .raw("}}");
                let mut msg = Out::with_capacity(1024);
                msg.raw(r#"{"spend_to_contract":{"contract":"#)
                    .str(escrow)
                    .raw(r#","asset":{"info":"#);
                match &asset_info {
                    AssetInfoUnchecked::Native(denom) => msg.raw(r#"{"native":"#).str(denom),
                    AssetInfoUnchecked::Cw20(token) => msg.raw(r#"{"cw20":"#).str(token),
                };
                msg.raw(r#"},"amount":"#)
                    .amount(price_per_unit.checked_mul(max_units)?)
                    .raw(r#"},"msg":"#)
                    .binary(&job.0)
                    .raw(r#","memo":"compute job"}}"#);
                msgs.push(execute_msg(treasury, msg))
            }
            ProposalAction::Custom { msgs: custom } => msgs.extend(custom),
            _ => return Err(StdError::generic_err("unexpected stored action")),
        }
    }
    Ok(msgs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{save_actions, StoredActions};
    use commons::asset::AssetUnchecked;
    use commons::escrow::{CreateJobMsg, ExecuteMsg as EscrowMsg, JobSpec};
    use commons::governance::{ExecuteMsg, UpdateConfigMsg};
    use commons::reward_token::ExecuteMsg as TokenMsg;
    use commons::treasury::ExecuteMsg as TreasuryMsg;
    use commons::vesting::VestingSchedule;
    use cosmwasm_std::testing::{MockApi, MockStorage};
    use cosmwasm_std::{to_json_binary, Timestamp, Uint128, WasmMsg};

    fn wasm(contract: &Addr, msg: &impl serde::Serialize) -> CosmosMsg {
        WasmMsg::Execute {
            contract_addr: contract.to_string(),
            msg: to_json_binary(msg).unwrap(),
            funds: vec![],
        }
        .into()
    }

    /// Each action's message as serde writes it: the content of each action, renamed, is
    /// exactly the message of the contract it goes to.
    #[test]
    fn messages_are_the_bytes_serde_writes() {
        let api = MockApi::default();
        let (token, treasury, escrow) = (
            &api.addr_make("token"),
            &api.addr_make("treasury"),
            &api.addr_make("escrow"),
        );
        let contracts = Contracts {
            token: token.as_str(),
            treasury: Some(treasury.as_str()),
            escrow: Some(escrow.as_str()),
        };
        let me = api.addr_make("governance");
        let asset = AssetUnchecked {
            info: AssetInfoUnchecked::Native("ucoin".into()),
            amount: Uint128::new(5),
        };
        let spec = JobSpec {
            uri: "ipfs://\"job\"".into(),
            hash: "h".into(),
        };
        let update = UpdateConfigMsg {
            max_actions: Some(3),
            ..UpdateConfigMsg::default()
        };
        let escrow_update = commons::escrow::UpdateConfigMsg {
            fee_bps: Some(7),
            ..Default::default()
        };
        let schedule = VestingSchedule {
            start_time: Timestamp::from_seconds(1),
            cliff_seconds: 2,
            duration_seconds: 3,
        };
        let job = |provider: Option<&str>| CreateJobMsg {
            provider: provider.map(Into::into),
            client: Some(me.to_string()),
            refund_to: Some(treasury.to_string()),
            spec: spec.clone(),
            price_per_unit: Uint128::new(6),
            max_units: Uint128::new(7),
            accept_by: Timestamp::from_seconds(8),
            deadline: Timestamp::from_seconds(9),
        };
        let custom: CosmosMsg = WasmMsg::ClearAdmin {
            contract_addr: "c".into(),
        }
        .into();
        let cases: Vec<(ProposalAction, CosmosMsg)> = vec![
            (
                ProposalAction::TreasurySpend {
                    recipient: "r".into(),
                    asset: asset.clone(),
                    memo: Some("m".into()),
                },
                wasm(
                    treasury,
                    &TreasuryMsg::Spend {
                        recipient: "r".into(),
                        asset: asset.clone(),
                        memo: Some("m".into()),
                    },
                ),
            ),
            (
                ProposalAction::TreasurySpendToContract {
                    contract: "c".into(),
                    asset: asset.clone(),
                    msg: to_json_binary(&1).unwrap(),
                    memo: None,
                },
                wasm(
                    treasury,
                    &TreasuryMsg::SpendToContract {
                        contract: "c".into(),
                        asset: asset.clone(),
                        msg: to_json_binary(&1).unwrap(),
                        memo: None,
                    },
                ),
            ),
            (
                ProposalAction::TreasurySetBudget {
                    spender: "s".into(),
                    asset_info: asset.info.clone(),
                    amount_per_period: Uint128::new(1),
                    period_seconds: 2,
                    expires: Some(Timestamp::from_seconds(3)),
                },
                wasm(
                    treasury,
                    &TreasuryMsg::SetBudget {
                        spender: "s".into(),
                        asset_info: asset.info.clone(),
                        amount_per_period: Uint128::new(1),
                        period_seconds: 2,
                        expires: Some(Timestamp::from_seconds(3)),
                    },
                ),
            ),
            (
                ProposalAction::TreasuryRevokeBudget {
                    spender: "s".into(),
                },
                wasm(
                    treasury,
                    &TreasuryMsg::RevokeBudget {
                        spender: "s".into(),
                    },
                ),
            ),
            (
                ProposalAction::TreasuryUpdateConfig {
                    accepted_cw20s: Some(vec!["t".into()]),
                    spend_limits: None,
                },
                wasm(
                    treasury,
                    &TreasuryMsg::UpdateConfig {
                        accepted_cw20s: Some(vec!["t".into()]),
                        spend_limits: None,
                    },
                ),
            ),
            (
                ProposalAction::EscrowResolveDispute {
                    job_id: 1,
                    approved_units: Uint128::new(2),
                    slash: Uint128::new(3),
                },
                wasm(
                    escrow,
                    &EscrowMsg::ResolveDispute {
                        job_id: 1,
                        approved_units: Uint128::new(2),
                        slash: Uint128::new(3),
                    },
                ),
            ),
            (
                ProposalAction::EscrowUpdateConfig(Box::new(escrow_update.clone())),
                wasm(escrow, &EscrowMsg::UpdateConfig(Box::new(escrow_update))),
            ),
            (
                ProposalAction::TokenMint {
                    recipient: "r".into(),
                    amount: Uint128::new(1),
                },
                wasm(
                    token,
                    &TokenMsg::Mint {
                        recipient: "r".into(),
                        amount: Uint128::new(1),
                    },
                ),
            ),
            (
                ProposalAction::TokenMintVesting {
                    recipient: "r".into(),
                    amount: Uint128::new(1),
                    schedule,
                    revocable: true,
                },
                wasm(
                    token,
                    &TokenMsg::MintVesting {
                        recipient: "r".into(),
                        amount: Uint128::new(1),
                        schedule,
                        revocable: true,
                    },
                ),
            ),
            (
                ProposalAction::TokenRevokeVesting {
                    recipient: "r".into(),
                    grant_id: 4,
                },
                wasm(
                    token,
                    &TokenMsg::RevokeVesting {
                        recipient: "r".into(),
                        grant_id: 4,
                    },
                ),
            ),
            (
                ProposalAction::UpdateGovernanceConfig(Box::new(update.clone())),
                wasm(&me, &ExecuteMsg::UpdateConfig(Box::new(update))),
            ),
            (
                ProposalAction::EscrowCreateJob {
                    provider: Some("p".into()),
                    spec: spec.clone(),
                    asset_info: asset.info.clone(),
                    price_per_unit: Uint128::new(6),
                    max_units: Uint128::new(7),
                    accept_by: Timestamp::from_seconds(8),
                    deadline: Timestamp::from_seconds(9),
                },
                wasm(
                    treasury,
                    &TreasuryMsg::SpendToContract {
                        contract: escrow.to_string(),
                        asset: AssetUnchecked {
                            info: asset.info.clone(),
                            amount: Uint128::new(42),
                        },
                        msg: to_json_binary(&EscrowMsg::CreateJob(job(Some("p")))).unwrap(),
                        memo: Some("compute job".into()),
                    },
                ),
            ),
            (
                ProposalAction::EscrowCreateJob {
                    provider: None,
                    spec: spec.clone(),
                    asset_info: AssetInfoUnchecked::Cw20(token.to_string()),
                    price_per_unit: Uint128::new(6),
                    max_units: Uint128::new(7),
                    accept_by: Timestamp::from_seconds(8),
                    deadline: Timestamp::from_seconds(9),
                },
                wasm(
                    treasury,
                    &TreasuryMsg::SpendToContract {
                        contract: escrow.to_string(),
                        asset: AssetUnchecked {
                            info: AssetInfoUnchecked::Cw20(token.to_string()),
                            amount: Uint128::new(42),
                        },
                        msg: to_json_binary(&EscrowMsg::CreateJob(job(None))).unwrap(),
                        memo: Some("compute job".into()),
                    },
                ),
            ),
            (
                ProposalAction::Custom {
                    msgs: vec![custom.clone()],
                },
                custom,
            ),
        ];
        let (actions, want): (Vec<_>, Vec<_>) = cases.into_iter().unzip();
        let mut store = MockStorage::new();
        save_actions(&mut store, 1, &actions).unwrap();
        let stored = StoredActions::load(&store, 1).unwrap();
        let got = action_messages(&api, &contracts, &me, &stored.texts().unwrap()).unwrap();
        assert_eq!(got, want);
    }

    #[test]
    fn actions_need_their_contract() {
        let api = MockApi::default();
        let token = api.addr_make("token");
        let contracts = Contracts {
            token: token.as_str(),
            treasury: None,
            escrow: None,
        };
        let action = ProposalAction::TreasuryRevokeBudget {
            spender: "s".into(),
        };
        let text = cosmwasm_std::to_json_vec(&action).unwrap();
        let err = action_messages(&api, &contracts, &api.addr_make("me"), &[&text]).unwrap_err();
        assert!(err.to_string().contains("no treasury is configured"));
    }
}
