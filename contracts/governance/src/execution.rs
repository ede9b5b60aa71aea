//! Executing passed proposals (atomically, never stuck), closing the others, and settling
//! deposits.

use commons::asset::{Asset, AssetInfo};
use commons::governance::{RefundPolicy, Status};
use cosmwasm_std::{
    from_json, Addr, BankMsg, Coin, CosmosMsg, DepsMut, Env, MessageInfo, QuerierWrapper, Reply,
    Response, StdResult, SubMsg, SubMsgResult, Uint128, WasmMsg,
};

use crate::actions::action_messages;
use crate::error::ContractError;
use crate::json::Json;
use crate::proposal::status_name;
use crate::state::{save_execution_error, ConfigBytes, Contracts, Proposal, StoredActions};
use crate::wire::{execute_msg, smart_query, Out};

/// Reply ids of proposal executions carry this tag, with the proposal id in the low bits.
pub const EXECUTE_REPLY_TAG: u64 = 1 << 63;

/// A message that pays `asset` to `recipient` (a bank send, or a cw20 `transfer`).
fn transfer(asset: &Asset, recipient: &str) -> CosmosMsg {
    match &asset.info {
        AssetInfo::Native(denom) => BankMsg::Send {
            to_address: recipient.to_string(),
            amount: vec![Coin::new(asset.amount, denom)],
        }
        .into(),
        AssetInfo::Cw20(token) => {
            let mut msg = Out::with_capacity(128);
            msg.raw(r#"{"transfer":{"recipient":"#)
                .str(recipient)
                .raw(r#","amount":"#)
                .amount(asset.amount)
                .raw("}}");
            execute_msg(token.as_str(), msg)
        }
    }
}

/// Whether the treasury accepts the cw20 `token` (its configuration's `accepted_cw20s`).
fn treasury_accepts(querier: &QuerierWrapper, treasury: &str, token: &Addr) -> StdResult<bool> {
    let config: Json = from_json(smart_query(querier, treasury, br#"{"config":{}}"#)?)?;
    // only this field matters: the others are not read
    let mut fields = config.into_fields("treasury config")?;
    let accepted: Vec<String> = fields.req("accepted_cw20s");
    fields.checked()?;
    Ok(accepted.iter().any(|a| a == token.as_str()))
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
    Ok(deposit_into(treasury, deposit, proposal_id, accepted))
}

/// The treasury's `deposit` of a forfeited deposit (`accepted`: a cw20 it accepts), or a plain
/// transfer.
fn deposit_into(treasury: &str, deposit: &Asset, proposal_id: u64, accepted: bool) -> CosmosMsg {
    // `{"deposit":{"memo":..}}`, the treasury's execute message and its cw20 hook alike
    let mut memo = Out::with_capacity(64);
    memo.raw(r#"{"deposit":{"memo":"forfeited deposit of proposal "#)
        .u64(proposal_id)
        .raw(r#""}}"#);
    match &deposit.info {
        AssetInfo::Native(denom) => WasmMsg::Execute {
            contract_addr: treasury.to_string(),
            msg: memo.into_binary(),
            funds: vec![Coin::new(deposit.amount, denom)],
        }
        .into(),
        AssetInfo::Cw20(token) if accepted => {
            let mut send = Out::with_capacity(192);
            send.raw(r#"{"send":{"contract":"#)
                .str(treasury)
                .raw(r#","amount":"#)
                .amount(deposit.amount)
                .raw(r#","msg":"#)
                .binary(&memo.0)
                .raw("}}");
            execute_msg(token.as_str(), send)
        }
        AssetInfo::Cw20(_) => transfer(deposit, treasury),
    }
}

/// The token's `burn` of `amount` (of governance's own tokens).
fn burn(token: &str, amount: Uint128) -> CosmosMsg {
    let mut burn = Out::with_capacity(64);
    burn.raw(r#"{"burn":{"amount":"#).amount(amount).raw("}}");
    execute_msg(token, burn)
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
            vec![transfer(&deposit, proposal.proposer()?.as_str())],
            "refunded",
        ));
    }
    if matches!(&deposit.info, AssetInfo::Cw20(token) if token.as_str() == config.token) {
        return Ok((vec![burn(config.token, deposit.amount)], "burned"));
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
            vec![transfer(&deposit, proposal.proposer()?.as_str())],
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
    let reply_id = EXECUTE_REPLY_TAG | proposal_id;
    let run = match proposal.action_count() {
        0 => None,
        1 => {
            let actions = StoredActions::load(deps.storage, proposal_id)?;
            let texts = actions.texts()?;
            match action_messages(deps.api, &config, &env.contract.address, &texts) {
                Ok(mut msgs) if msgs.len() == 1 => msgs.pop(),
                // several messages (or none that could be built: then the call to ourselves
                // fails, and the proposal is marked failed rather than left stuck)
                _ => Some(run_actions_msg(&env, proposal_id)),
            }
        }
        _ => Some(run_actions_msg(&env, proposal_id)),
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
fn run_actions_msg(env: &Env, proposal_id: u64) -> CosmosMsg {
    let mut msg = Out::with_capacity(48);
    msg.raw(r#"{"run_actions":{"proposal_id":"#)
        .u64(proposal_id)
        .raw("}}");
    execute_msg(env.contract.address.as_str(), msg)
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
    let msgs = action_messages(deps.api, &config, &env.contract.address, &actions.texts()?)?;
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
    use commons::governance::ExecuteMsg;
    use commons::reward_token::ExecuteMsg as TokenMsg;
    use commons::treasury::{ExecuteMsg as TreasuryMsg, ReceiveMsg as TreasuryReceive};
    use cosmwasm_std::testing::mock_env;
    use cosmwasm_std::to_json_binary;

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
            assert_eq!(transfer(asset, t), asset.transfer_msg(&treasury).unwrap());
        }
        let memo = Some("forfeited deposit of proposal 12".to_string());
        assert_eq!(
            deposit_into(t, &native, 12, true),
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
            deposit_into(t, &cw20, 12, true),
            cw20.info
                .send_msg(
                    &treasury,
                    cw20.amount,
                    to_json_binary(&TreasuryReceive::Deposit { memo }).unwrap()
                )
                .unwrap()
        );
        assert_eq!(
            deposit_into(t, &cw20, 12, false),
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
        assert_eq!(burn(token.as_str(), Uint128::new(7)), want);
        let env = mock_env();
        let want: CosmosMsg = WasmMsg::Execute {
            contract_addr: env.contract.address.to_string(),
            msg: to_json_binary(&ExecuteMsg::RunActions { proposal_id: 9 }).unwrap(),
            funds: vec![],
        }
        .into();
        assert_eq!(run_actions_msg(&env, 9), want);
    }
}
