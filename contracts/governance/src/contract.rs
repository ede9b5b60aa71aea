//! Entry points: instantiation, and dispatch of every message to its handler.

#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{
    Binary, Deps, DepsMut, Env, MessageInfo, Reply, Response, StdResult, Storage, Timestamp,
};

use commons::addr::validate_addr;
use commons::asset::{Asset, AssetInfo};
use commons::governance::{ExecuteMsg, InstantiateMsg, QueryMsg, ReceiveMsg};
use commons::migrate::{migrate_version, MigrateMsg};
use commons_json::Input;

use crate::config::{config_from_msg, execute_update_config};
use crate::error::ContractError;
use crate::execution::{execute_close, execute_execute, execute_run_actions};
use crate::proposal::{create_proposal, native_deposit};
use crate::rewards::execute_claim_vote_rewards;
use crate::state::{check_layout, save_config, Config, ConfigBytes};
use crate::voting::execute_vote;

pub const CONTRACT_NAME: &str = "crates.io:commons-governance";
pub const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    Input(msg): Input<InstantiateMsg>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    if msg.suite.is_some() {
        return crate::bootstrap::start(deps, env, msg);
    }
    let token = msg
        .token
        .as_deref()
        .ok_or_else(|| ContractError::InvalidConfig {
            reason: "give either `token` or `suite`".into(),
        })?;
    let token = validate_addr(deps.api, token)?;
    let treasury = msg
        .treasury
        .as_deref()
        .map(|a| validate_addr(deps.api, a))
        .transpose()?;
    let escrow = msg
        .escrow
        .as_deref()
        .map(|a| validate_addr(deps.api, a))
        .transpose()?;
    let config = config_from_msg(deps.api, &msg, token, treasury, escrow)?;
    save_config(deps.storage, &config)?;
    // reward periods count from the moment rewards are configured
    if config.voter_rewards.is_some() {
        ConfigBytes::start_reward_epoch(deps.storage, env.block.time)?;
    }
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("token", config.token))
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    Input(msg): Input<ExecuteMsg>,
) -> Result<Response, ContractError> {
    match msg {
        ExecuteMsg::Propose {
            title,
            description,
            actions,
        } => {
            let (config, epoch) = proposal_config(deps.storage)?;
            let deposit = native_deposit(&config, &info)?;
            create_proposal(
                deps,
                env,
                (&config, epoch),
                info.sender,
                title,
                description,
                actions,
                deposit,
            )
        }
        ExecuteMsg::Vote {
            proposal_id,
            vote,
            rationale,
        } => execute_vote(deps, env, info, proposal_id, vote, rationale),
        ExecuteMsg::Execute { proposal_id } => execute_execute(deps, env, info, proposal_id),
        ExecuteMsg::Close { proposal_id } => execute_close(deps, env, info, proposal_id),
        ExecuteMsg::ClaimVoteRewards { proposal_ids } => {
            execute_claim_vote_rewards(deps, env, info, proposal_ids)
        }
        ExecuteMsg::UpdateConfig(update) => {
            cw_utils::nonpayable(&info)?;
            execute_update_config(deps, env, info, *update)
        }
        ExecuteMsg::Receive(receive) => {
            cw_utils::nonpayable(&info)?;
            // The cw20 contract is the sender; the proposer is the one who sent the tokens.
            let proposer = deps.api.addr_validate(&receive.sender)?;
            let deposit = Asset {
                info: AssetInfo::Cw20(info.sender.clone()),
                amount: receive.amount,
            };
            let (config, epoch) = proposal_config(deps.storage)?;
            let accepted = matches!(
                &config.proposal_deposit,
                Some(d) if d.asset_info == deposit.info
            );
            if !accepted {
                return Err(match config.proposal_deposit {
                    None => ContractError::NoDepositRequired,
                    Some(_) => ContractError::UnexpectedCw20 {
                        token: info.sender.to_string(),
                    },
                });
            }
            let msg: ReceiveMsg = commons_json::from_slice(&receive.msg)?;
            match msg {
                ReceiveMsg::Propose {
                    title,
                    description,
                    actions,
                } => create_proposal(
                    deps,
                    env,
                    (&config, epoch),
                    proposer,
                    title,
                    description,
                    actions,
                    Some(deposit),
                ),
            }
        }
        ExecuteMsg::RunActions { proposal_id } => execute_run_actions(deps, env, info, proposal_id),
        ExecuteMsg::ClaimDeposit { proposal_id } => {
            let stored = crate::state::ConfigBytes::load(deps.storage)?;
            let contracts = stored.contracts()?;
            crate::settlement::execute_claim_deposit(deps, info, &contracts, proposal_id)
        }
        ExecuteMsg::GuardianVeto { proposal_id } => {
            crate::guardian::execute_guardian_veto(deps, env, info, proposal_id)
        }
    }
}

/// The configuration and its reward epoch, for a new proposal: one read of the stored record
/// (a storage read costs more gas than the rest of the lookup). Inlined: returned through a
/// call, the configuration would be copied, which cost more gas than the read saves.
#[inline(always)]
fn proposal_config(store: &dyn Storage) -> StdResult<(Config, (u64, Timestamp))> {
    let stored = ConfigBytes::load(store)?;
    Ok((stored.decode()?, stored.reward_epoch()))
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, Input(msg): Input<QueryMsg>) -> StdResult<Binary> {
    crate::query::query(deps, env, msg)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn reply(deps: DepsMut, env: Env, msg: Reply) -> Result<Response, ContractError> {
    match crate::reply_id::parse(msg.id)? {
        crate::reply_id::Named::Bootstrap => crate::bootstrap::reply(deps, env, msg),
        crate::reply_id::Named::Proposal(proposal_id, kind) => {
            crate::execution::reply(deps, env, proposal_id, kind, msg)
        }
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    migrate_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    check_layout(deps.storage)?;
    Ok(Response::new()
        .add_attribute("action", "migrate")
        .add_attribute("version", CONTRACT_VERSION))
}
