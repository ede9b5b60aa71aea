//! Executing passed proposals (atomically, never stuck), closing the others, and settling
//! deposits.

use commons::asset::{Asset, AssetInfo};
use commons::governance::{ExecuteMsg as GovernanceMsg, RefundPolicy, Status};
use commons::reward_token::ExecuteMsg as TokenMsg;
use commons::treasury::{
    ConfigResponse as TreasuryConfig, ExecuteMsg as TreasuryMsg, QueryMsg as TreasuryQuery,
    ReceiveMsg as TreasuryReceiveMsg,
};
use commons_json::{query_wasm_smart, to_binary, wasm_execute};
use cosmwasm_std::{
    Addr, BankMsg, Coin, CosmosMsg, DepsMut, Env, MessageInfo, QuerierWrapper, Reply, Response,
    StdResult, SubMsg, SubMsgResult, Uint128,
};

use crate::actions::action_messages;
use crate::error::ContractError;
use crate::proposal::status_name;
use crate::reply_id::{self, Kind};
use crate::state::{save_execution_error, ConfigBytes, Contracts, Proposal, StoredActions};

/// A message that pays `asset` to `recipient`: a bank send, or a cw20 `transfer` (written as
/// the reward token's, whose cw20 messages are cw20's, so one writer serves every cw20).
fn transfer(asset: &Asset, recipient: &str) -> StdResult<CosmosMsg> {
    match &asset.info {
        AssetInfo::Native(denom) => Ok(BankMsg::Send {
            to_address: recipient.to_string(),
            amount: vec![Coin::new(asset.amount, denom)],
        }
        .into()),
        AssetInfo::Cw20(token) => {
            let transfer = TokenMsg::Transfer {
                recipient: recipient.to_string(),
                amount: asset.amount,
            };
            wasm_execute(token.as_str(), &transfer, vec![])
        }
    }
}

/// Whether the treasury accepts the cw20 `token` (its configuration's `accepted_cw20s`).
fn treasury_accepts(querier: &QuerierWrapper, treasury: &str, token: &Addr) -> StdResult<bool> {
    let config: TreasuryConfig = query_wasm_smart(querier, treasury, &TreasuryQuery::Config {})?;
    Ok(config.accepted_cw20s.contains(token))
}

/// Pays a forfeited deposit into the treasury through its `deposit`, so it shows in the
/// treasury's ledger. A cw20 the treasury does not accept is transferred plainly instead, so a
/// treasury's whitelist can never make a proposal impossible to settle.
fn forfeit_to_treasury(
    querier: &QuerierWrapper,
    treasury: &str,
    deposit: &Asset,
    proposal_id: u64,
) -> StdResult<CosmosMsg> {
    let accepted = match &deposit.info {
        AssetInfo::Native(_) => true,
        AssetInfo::Cw20(token) => treasury_accepts(querier, treasury, token)?,
    };
    deposit_into(treasury, deposit, proposal_id, accepted)
}

/// The treasury's `deposit` of a forfeited deposit (`accepted`: a cw20 it accepts), or a plain
/// transfer.
fn deposit_into(
    treasury: &str,
    deposit: &Asset,
    proposal_id: u64,
    accepted: bool,
) -> StdResult<CosmosMsg> {
    let memo = Some(format!("forfeited deposit of proposal {proposal_id}"));
    match &deposit.info {
        AssetInfo::Native(denom) => wasm_execute(
            treasury,
            &TreasuryMsg::Deposit { memo },
            vec![Coin::new(deposit.amount, denom)],
        ),
        AssetInfo::Cw20(token) if accepted => {
            let send = TokenMsg::Send {
                contract: treasury.to_string(),
                amount: deposit.amount,
                msg: to_binary(&TreasuryReceiveMsg::Deposit { memo })?,
            };
            wasm_execute(token.as_str(), &send, vec![])
        }
        AssetInfo::Cw20(_) => transfer(deposit, treasury),
    }
}

/// The token's `burn` of `amount` (of governance's own tokens).
fn burn(token: &str, amount: Uint128) -> StdResult<CosmosMsg> {
    wasm_execute(token, &TokenMsg::Burn { amount }, vec![])
}

/// Messages that return the deposit to the proposer, or forfeit it: burned when it is the
/// reward token, paid into the treasury otherwise (back to the proposer if no treasury is set,
/// since no one else may keep it).
fn settle_deposit(
    querier: &QuerierWrapper,
    config: &Contracts<'_>,
    proposal_id: u64,
    proposal: &mut Proposal,
    refund: bool,
) -> StdResult<(Vec<CosmosMsg>, &'static str)> {
    if proposal.deposit_settled() {
        return Ok((vec![], "none"));
    }
    let Some(deposit) = proposal.deposit()? else {
        return Ok((vec![], "none"));
    };
    proposal.set_deposit_settled();
    if refund {
        return Ok((
            vec![transfer(&deposit, proposal.proposer()?.as_str())?],
            "refunded",
        ));
    }
    if matches!(&deposit.info, AssetInfo::Cw20(token) if token.as_str() == config.token) {
        return Ok((vec![burn(config.token, deposit.amount)?], "burned"));
    }
    match config.treasury {
        Some(treasury) => Ok((
            vec![forfeit_to_treasury(
                querier,
                treasury,
                &deposit,
                proposal_id,
            )?],
            "forfeited",
        )),
        None => Ok((
            vec![transfer(&deposit, proposal.proposer()?.as_str())?],
            "refunded",
        )),
    }
}

pub fn execute_execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    proposal_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let stored_config = ConfigBytes::load(deps.storage)?;
    let config = stored_config.contracts()?;
    let mut proposal = Proposal::may_load(deps.storage, proposal_id)?
        .ok_or(ContractError::ProposalNotFound { proposal_id })?;
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
    let refund = matches!(
        proposal.refund(),
        RefundPolicy::Always | RefundPolicy::OnlyPassed
    );
    let (deposit_msgs, deposit) =
        settle_deposit(&deps.querier, &config, proposal_id, &mut proposal, refund)?;
    proposal.save(deps.storage, proposal_id);

    // The actions must take effect all together or not at all, and a failure must leave the
    // proposal `execution_failed`: they run in one submessage whose failure is replied to.
    // A single message is that submessage itself; several run inside one call to ourselves,
    // so that if any fails, all of them are undone.
    let reply_id = reply_id::of(proposal_id, Kind::Execution)?;
    let run = match proposal.action_count() {
        0 => None,
        1 => {
            let actions = StoredActions::load(deps.storage, proposal_id)?;
            let texts = actions.texts()?;
            let me = &env.contract.address;
            match action_messages(deps.api, deps.storage, &config, me, proposal_id, &texts) {
                Ok(mut msgs) if msgs.len() == 1 => msgs.pop(),
                // several messages (or none that could be built: then the call to ourselves
                // fails, and the proposal is marked failed rather than left stuck)
                _ => Some(run_actions_msg(&env, proposal_id)?),
            }
        }
        _ => Some(run_actions_msg(&env, proposal_id)?),
    };
    let mut res = Response::new();
    if let Some(msg) = run {
        res = res.add_submessage(SubMsg::reply_on_error(msg, reply_id));
    }
    Ok(res
        .add_messages(deposit_msgs)
        .add_attribute("action", "execute")
        .add_attribute("proposal_id", proposal_id.to_string())
        .add_attribute("deposit", deposit))
}

/// The call to ourselves that runs all of a proposal's actions (see `execute_run_actions`).
fn run_actions_msg(env: &Env, proposal_id: u64) -> StdResult<CosmosMsg> {
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
    let stored_config = ConfigBytes::load(deps.storage)?;
    let config = stored_config.contracts()?;
    let proposal = Proposal::may_load(deps.storage, proposal_id)?
        .ok_or(ContractError::ProposalNotFound { proposal_id })?;
    if proposal.stored_status() != Status::Executed {
        return Err(ContractError::NotPassed {
            proposal_id,
            status: proposal.status(env.block.time),
        });
    }
    let actions = StoredActions::load(deps.storage, proposal_id)?;
    let me = &env.contract.address;
    let texts = actions.texts()?;
    let msgs = action_messages(deps.api, deps.storage, &config, me, proposal_id, &texts)?;
    Ok(Response::new()
        .add_messages(msgs)
        .add_attribute("action", "run_actions")
        .add_attribute("proposal_id", proposal_id.to_string()))
}

pub fn reply(deps: DepsMut, proposal_id: u64, msg: Reply) -> Result<Response, ContractError> {
    let mut proposal = Proposal::may_load(deps.storage, proposal_id)?
        .ok_or(ContractError::UnknownReply { id: msg.id })?;
    match msg.result {
        SubMsgResult::Err(error) => {
            proposal.set_stored_status(Status::ExecutionFailed);
            proposal.save(deps.storage, proposal_id);
            save_execution_error(deps.storage, proposal_id, &error);
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
    let stored_config = ConfigBytes::load(deps.storage)?;
    let config = stored_config.contracts()?;
    let mut proposal = Proposal::may_load(deps.storage, proposal_id)?
        .ok_or(ContractError::ProposalNotFound { proposal_id })?;
    let status = proposal.status(env.block.time);
    let refund = match status {
        Status::Vetoed => false,
        Status::Rejected => proposal.refund() == RefundPolicy::Always,
        Status::Expired => proposal.refund() != RefundPolicy::Never,
        _ => {
            return Err(ContractError::NotClosable {
                proposal_id,
                status,
            })
        }
    };
    proposal.set_stored_status(Status::Closed);
    proposal.set_closed_as(status);
    let (msgs, deposit) =
        settle_deposit(&deps.querier, &config, proposal_id, &mut proposal, refund)?;
    proposal.save(deps.storage, proposal_id);
    Ok(Response::new()
        .add_messages(msgs)
        .add_attribute("action", "close")
        .add_attribute("proposal_id", proposal_id.to_string())
        .add_attribute("closed_as", status_name(status))
        .add_attribute("deposit", deposit))
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::mock_env;
    use cosmwasm_std::{to_json_binary, WasmMsg};

    /// Each message as `commons::asset` and serde write it.
    #[test]
    fn messages_are_the_bytes_serde_writes() {
        let treasury = Addr::unchecked("cosmwasm1treasury");
        let t = treasury.as_str();
        let token = Addr::unchecked("cosmwasm1token");
        let cw20 = Asset {
            info: AssetInfo::Cw20(token.clone()),
            amount: Uint128::new(7),
        };
        let native = Asset {
            info: AssetInfo::Native("ucoin".into()),
            amount: Uint128::new(7),
        };
        for asset in [&cw20, &native] {
            assert_eq!(
                transfer(asset, t).unwrap(),
                asset.transfer_msg(&treasury).unwrap()
            );
        }
        let memo = Some("forfeited deposit of proposal 12".to_string());
        assert_eq!(
            deposit_into(t, &native, 12, true).unwrap(),
            native
                .info
                .send_msg(
                    &treasury,
                    native.amount,
                    to_json_binary(&TreasuryMsg::Deposit { memo: memo.clone() }).unwrap()
                )
                .unwrap()
        );
        assert_eq!(
            deposit_into(t, &cw20, 12, true).unwrap(),
            cw20.info
                .send_msg(
                    &treasury,
                    cw20.amount,
                    to_json_binary(&TreasuryReceiveMsg::Deposit { memo }).unwrap()
                )
                .unwrap()
        );
        assert_eq!(
            deposit_into(t, &cw20, 12, false).unwrap(),
            cw20.transfer_msg(&treasury).unwrap()
        );
        let want: CosmosMsg = WasmMsg::Execute {
            contract_addr: token.to_string(),
            msg: to_json_binary(&TokenMsg::Burn {
                amount: Uint128::new(7),
            })
            .unwrap(),
            funds: vec![],
        }
        .into();
        assert_eq!(burn(token.as_str(), Uint128::new(7)).unwrap(), want);
        let env = mock_env();
        let want: CosmosMsg = WasmMsg::Execute {
            contract_addr: env.contract.address.to_string(),
            msg: to_json_binary(&GovernanceMsg::RunActions { proposal_id: 9 }).unwrap(),
            funds: vec![],
        }
        .into();
        assert_eq!(run_actions_msg(&env, 9).unwrap(), want);
    }
}
