//! Executing passed proposals (atomically, never stuck), closing the others, and settling
//! deposits.

use commons::asset::{Asset, AssetInfo};
use commons::governance::{ExecuteMsg, RefundPolicy, Status};
use commons::reward_token::ExecuteMsg as TokenMsg;
use commons::treasury::{
    ConfigResponse as TreasuryConfig, ExecuteMsg as TreasuryMsg, QueryMsg as TreasuryQuery,
    ReceiveMsg as TreasuryReceive,
};
use cosmwasm_std::{
    to_json_binary, Addr, CosmosMsg, DepsMut, Env, MessageInfo, QuerierWrapper, Reply, Response,
    StdResult, SubMsg, SubMsgResult, WasmMsg,
};

use crate::actions::action_messages;
use crate::error::ContractError;
use crate::proposal::status_name;
use crate::state::{Config, Proposal, CONFIG, PROPOSALS, PROPOSAL_CONTENTS};

/// Reply ids of proposal executions carry this tag, with the proposal id in the low bits.
pub const EXECUTE_REPLY_TAG: u64 = 1 << 63;

/// Pays a forfeited deposit into the treasury through its `deposit`, so it shows in the
/// treasury's ledger. A cw20 the treasury does not accept is transferred plainly instead, so a
/// treasury's whitelist can never make a proposal impossible to settle.
fn forfeit_to_treasury(
    querier: &QuerierWrapper,
    treasury: &Addr,
    deposit: &Asset,
    proposal_id: u64,
) -> StdResult<CosmosMsg> {
    let memo = Some(format!("forfeited deposit of proposal {proposal_id}"));
    match &deposit.info {
        AssetInfo::Native(_) => deposit.info.send_msg(
            treasury,
            deposit.amount,
            to_json_binary(&TreasuryMsg::Deposit { memo })?,
        ),
        AssetInfo::Cw20(token) => {
            let config: TreasuryConfig =
                querier.query_wasm_smart(treasury, &TreasuryQuery::Config {})?;
            if config.accepted_cw20s.contains(token) {
                deposit.info.send_msg(
                    treasury,
                    deposit.amount,
                    to_json_binary(&TreasuryReceive::Deposit { memo })?,
                )
            } else {
                deposit.transfer_msg(treasury)
            }
        }
    }
}

/// Messages that return the deposit to the proposer, or forfeit it: burned when it is the
/// reward token, paid into the treasury otherwise (back to the proposer if no treasury is set,
/// since no one else may keep it).
fn settle_deposit(
    querier: &QuerierWrapper,
    config: &Config,
    proposal_id: u64,
    proposal: &mut Proposal,
    refund: bool,
) -> StdResult<(Vec<CosmosMsg>, &'static str)> {
    let deposit = match (&proposal.deposit, proposal.deposit_settled) {
        (Some(d), false) => d.clone(),
        _ => return Ok((vec![], "none")),
    };
    proposal.deposit_settled = true;
    if refund {
        return Ok((vec![deposit.transfer_msg(&proposal.proposer)?], "refunded"));
    }
    if deposit.info == AssetInfo::Cw20(config.token.clone()) {
        let burn = WasmMsg::Execute {
            contract_addr: config.token.to_string(),
            msg: to_json_binary(&TokenMsg::Burn {
                amount: deposit.amount,
            })?,
            funds: vec![],
        };
        return Ok((vec![burn.into()], "burned"));
    }
    match &config.treasury {
        Some(treasury) => Ok((
            vec![forfeit_to_treasury(
                querier,
                treasury,
                &deposit,
                proposal_id,
            )?],
            "forfeited",
        )),
        None => Ok((vec![deposit.transfer_msg(&proposal.proposer)?], "refunded")),
    }
}

pub fn execute_execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    proposal_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    let mut proposal = PROPOSALS
        .may_load(deps.storage, proposal_id)?
        .ok_or(ContractError::ProposalNotFound { proposal_id })?;
    let now = env.block.time;
    let status = proposal.status(now);
    let window = proposal.execution_window(now);
    let (executable_at, _) = match (status, window) {
        (Status::Passed, Some(window)) => window,
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
    proposal.stored_status = Status::Executed;
    let refund = matches!(
        proposal.refund,
        RefundPolicy::Always | RefundPolicy::OnlyPassed
    );
    let (deposit_msgs, deposit) =
        settle_deposit(&deps.querier, &config, proposal_id, &mut proposal, refund)?;
    PROPOSALS.save(deps.storage, proposal_id, &proposal)?;

    // All actions run inside one call to ourselves: if any fails, all of them are undone and
    // the reply marks the proposal `execution_failed`.
    let run = WasmMsg::Execute {
        contract_addr: env.contract.address.to_string(),
        msg: to_json_binary(&ExecuteMsg::RunActions { proposal_id })?,
        funds: vec![],
    };
    Ok(Response::new()
        .add_submessage(SubMsg::reply_on_error(run, EXECUTE_REPLY_TAG | proposal_id))
        .add_messages(deposit_msgs)
        .add_attribute("action", "execute")
        .add_attribute("proposal_id", proposal_id.to_string())
        .add_attribute("deposit", deposit))
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
    let config = CONFIG.load(deps.storage)?;
    let proposal = PROPOSALS
        .may_load(deps.storage, proposal_id)?
        .ok_or(ContractError::ProposalNotFound { proposal_id })?;
    if proposal.stored_status != Status::Executed {
        return Err(ContractError::NotPassed {
            proposal_id,
            status: proposal.status(env.block.time),
        });
    }
    let content = PROPOSAL_CONTENTS.load(deps.storage, proposal_id)?;
    let msgs = action_messages(deps.api, &config, &env.contract.address, &content.actions)?;
    Ok(Response::new()
        .add_messages(msgs)
        .add_attribute("action", "run_actions")
        .add_attribute("proposal_id", proposal_id.to_string()))
}

pub fn reply(deps: DepsMut, msg: Reply) -> Result<Response, ContractError> {
    if msg.id & EXECUTE_REPLY_TAG == 0 {
        return Err(ContractError::UnknownReply { id: msg.id });
    }
    let proposal_id = msg.id & !EXECUTE_REPLY_TAG;
    let mut proposal = PROPOSALS
        .may_load(deps.storage, proposal_id)?
        .ok_or(ContractError::UnknownReply { id: msg.id })?;
    match msg.result {
        SubMsgResult::Err(error) => {
            proposal.stored_status = Status::ExecutionFailed;
            proposal.execution_error = Some(error.clone());
            PROPOSALS.save(deps.storage, proposal_id, &proposal)?;
            Ok(Response::new()
                .add_attribute("action", "execution_failed")
                .add_attribute("proposal_id", proposal_id.to_string())
                .add_attribute("error", error))
        }
        SubMsgResult::Ok(_) => Ok(Response::new()),
    }
}

pub fn execute_close(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    proposal_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    let mut proposal = PROPOSALS
        .may_load(deps.storage, proposal_id)?
        .ok_or(ContractError::ProposalNotFound { proposal_id })?;
    let status = proposal.status(env.block.time);
    let refund = match status {
        Status::Vetoed => false,
        Status::Rejected => proposal.refund == RefundPolicy::Always,
        Status::Expired => proposal.refund != RefundPolicy::Never,
        _ => {
            return Err(ContractError::NotClosable {
                proposal_id,
                status,
            })
        }
    };
    proposal.stored_status = Status::Closed;
    proposal.closed_as = Some(status);
    let (msgs, deposit) =
        settle_deposit(&deps.querier, &config, proposal_id, &mut proposal, refund)?;
    PROPOSALS.save(deps.storage, proposal_id, &proposal)?;
    Ok(Response::new()
        .add_messages(msgs)
        .add_attribute("action", "close")
        .add_attribute("proposal_id", proposal_id.to_string())
        .add_attribute("closed_as", status_name(status))
        .add_attribute("deposit", deposit))
}
