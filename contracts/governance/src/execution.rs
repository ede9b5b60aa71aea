//! Executing passed proposals (atomically, never stuck), closing the others, and settling
//! deposits.

use commons::governance::{ExecuteMsg as GovernanceMsg, Status};
use commons_json::wasm_execute;
use cosmwasm_std::{
    CosmosMsg, DepsMut, Env, MessageInfo, Reply, Response, StdResult, SubMsg, SubMsgResult,
};

use crate::actions::action_messages;
use crate::error::ContractError;
use crate::proposal::{load_proposal, status_name};
use crate::reply_id::{self, Kind};
use crate::settlement::{check_deposits_held, refunds, settle, settlement_failed};
use crate::state::deposits::{set_executing, take_executing};
use crate::state::{save_execution_error, ConfigBytes, StoredActions};

pub fn execute_execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    proposal_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let stored_config = ConfigBytes::load(deps.storage)?;
    let config = stored_config.contracts()?;
    let mut proposal = load_proposal(deps.storage, proposal_id)?;
    let now = env.block.time;
    let standing = proposal.standing(now);
    let status = standing.status;
    let executable_at = match (status, standing.window) {
        (Status::Passed, Some((executable_at, _))) => executable_at,
        _ => {
            return Err(ContractError::NotPassed {
                proposal_id,
                status,
            })
        }
    };
    if now < executable_at {
        return Err(ContractError::TimelockNotElapsed {
            proposal_id,
            executable_at,
        });
    }
    proposal.set_stored_status(Status::Executed);
    let refund = refunds(Status::Executed, None, proposal.refund()).unwrap_or(true);
    let (settlement, deposit) = settle(
        deps.storage,
        &deps.querier,
        &config,
        proposal_id,
        &mut proposal,
        refund,
    )?;
    proposal.save(deps.storage, proposal_id);

    // The actions must take effect all together or not at all, and a failure must leave the
    // proposal `execution_failed`: they run in one submessage whose failure is replied to.
    // A single message is that submessage itself; several run inside one call to ourselves,
    // so that if any fails, all of them are undone. Chain messages (`custom`) always run
    // inside that call, which checks afterwards that they left the deposits in place.
    let reply_id = reply_id::of(proposal_id, Kind::Execution)?;
    let run = match proposal.action_count() {
        0 => None,
        1 if !proposal.chain_messages() => {
            let actions = StoredActions::load(deps.storage, proposal_id)?;
            let (texts, prepared) = actions.split()?;
            let me = &env.contract.address;
            match action_messages(deps.api, &config, me, &texts, prepared) {
                Ok(mut msgs) if msgs.len() == 1 => msgs.pop(),
                // several messages (or none that could be built: then the call to ourselves
                // fails, and the proposal is marked failed rather than left stuck)
                _ => Some(run_actions_msg(deps.storage, &env, proposal_id)?),
            }
        }
        _ => Some(run_actions_msg(deps.storage, &env, proposal_id)?),
    };
    let mut res = Response::new();
    if let Some(msg) = run {
        res = res.add_submessage(SubMsg::reply_on_error(msg, reply_id));
    }
    // after the actions, so a check of the deposits still counts this one
    if let Some(settlement) = settlement {
        res = res.add_submessage(settlement);
    }
    Ok(res
        .add_attribute("action", "execute")
        .add_attribute("proposal_id", proposal_id.to_string())
        .add_attribute("deposit", deposit))
}

/// The call to ourselves that runs all of a proposal's actions (see `execute_run_actions`),
/// and the mark that lets it run them once.
fn run_actions_msg(
    store: &mut dyn cosmwasm_std::Storage,
    env: &Env,
    proposal_id: u64,
) -> StdResult<CosmosMsg> {
    set_executing(store, proposal_id);
    let run = GovernanceMsg::RunActions { proposal_id };
    wasm_execute(env.contract.address.as_str(), &run, vec![])
}

pub fn execute_run_actions(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    proposal_id: u64,
) -> Result<Response, ContractError> {
    if info.sender != env.contract.address {
        return Err(ContractError::OnlyGovernance {
            action: "run proposal actions".into(),
        });
    }
    // Only the proposal being executed runs its actions: a `custom` action of a later
    // proposal cannot run an executed proposal's actions again.
    if !take_executing(deps.storage, proposal_id) {
        return Err(ContractError::NotBeingExecuted { proposal_id });
    }
    let stored_config = ConfigBytes::load(deps.storage)?;
    let config = stored_config.contracts()?;
    let proposal = load_proposal(deps.storage, proposal_id)?;
    if proposal.stored_status() != Status::Executed {
        return Err(ContractError::NotPassed {
            proposal_id,
            status: proposal.status(env.block.time),
        });
    }
    let actions = StoredActions::load(deps.storage, proposal_id)?;
    let me = &env.contract.address;
    let (texts, prepared) = actions.split()?;
    let mut msgs = action_messages(deps.api, &config, me, &texts, prepared)?;
    let mut res = Response::new();
    // chain messages may move governance's own funds: after the last one, the reply checks
    // that every unsettled deposit is still here
    if proposal.chain_messages() {
        if let Some(last) = msgs.pop() {
            res = res
                .add_messages(msgs)
                .add_submessage(SubMsg::reply_on_success(
                    last,
                    reply_id::of(proposal_id, Kind::DepositCheck)?,
                ));
            msgs = vec![];
        }
    }
    Ok(res
        .add_messages(msgs)
        .add_attribute("action", "run_actions")
        .add_attribute("proposal_id", proposal_id.to_string()))
}

pub fn reply(
    deps: DepsMut,
    env: Env,
    proposal_id: u64,
    kind: Kind,
    msg: Reply,
) -> Result<Response, ContractError> {
    match (kind, msg.result) {
        (Kind::Execution, SubMsgResult::Err(error)) => execution_failed(deps, proposal_id, error),
        (Kind::Settlement, SubMsgResult::Err(error)) => {
            let stored_config = ConfigBytes::load(deps.storage)?;
            settlement_failed(
                deps.storage,
                &stored_config.contracts()?,
                proposal_id,
                error,
            )
        }
        (Kind::DepositCheck, SubMsgResult::Ok(_)) => {
            check_deposits_held(deps.storage, &deps.querier, &env, proposal_id)
        }
        _ => Err(ContractError::UnknownReply { id: msg.id }),
    }
}

fn execution_failed(
    deps: DepsMut,
    proposal_id: u64,
    error: String,
) -> Result<Response, ContractError> {
    let mut proposal = load_proposal(deps.storage, proposal_id)?;
    proposal.set_stored_status(Status::ExecutionFailed);
    proposal.save(deps.storage, proposal_id);
    save_execution_error(deps.storage, proposal_id, &error);
    Ok(Response::new()
        .add_attribute("action", "execution_failed")
        .add_attribute("proposal_id", proposal_id.to_string())
        .add_attribute("error", error))
}

pub fn execute_close(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    proposal_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let stored_config = ConfigBytes::load(deps.storage)?;
    let config = stored_config.contracts()?;
    let mut proposal = load_proposal(deps.storage, proposal_id)?;
    let status = proposal.status(env.block.time);
    let refund = match status {
        Status::Vetoed | Status::Rejected | Status::Expired => {
            refunds(status, None, proposal.refund()).unwrap_or(true)
        }
        _ => {
            return Err(ContractError::NotClosable {
                proposal_id,
                status,
            })
        }
    };
    proposal.set_stored_status(Status::Closed);
    proposal.set_closed_as(status);
    let (settlement, deposit) = settle(
        deps.storage,
        &deps.querier,
        &config,
        proposal_id,
        &mut proposal,
        refund,
    )?;
    proposal.save(deps.storage, proposal_id);
    Ok(Response::new()
        .add_submessages(settlement)
        .add_attribute("action", "close")
        .add_attribute("proposal_id", proposal_id.to_string())
        .add_attribute("closed_as", status_name(status))
        .add_attribute("deposit", deposit))
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::{mock_env, MockStorage};
    use cosmwasm_std::{to_json_binary, WasmMsg};

    /// The call to ourselves, as serde writes it, and the mark it leaves.
    #[test]
    fn the_call_to_ourselves_is_the_bytes_serde_writes() {
        let env = mock_env();
        let mut store = MockStorage::new();
        let want: CosmosMsg = WasmMsg::Execute {
            contract_addr: env.contract.address.to_string(),
            msg: to_json_binary(&GovernanceMsg::RunActions { proposal_id: 9 }).unwrap(),
            funds: vec![],
        }
        .into();
        assert_eq!(run_actions_msg(&mut store, &env, 9).unwrap(), want);
        assert!(take_executing(&mut store, 9));
    }
}
