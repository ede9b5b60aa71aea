//! Settling proposal deposits without ever blocking `execute` or `close`, and the check that
//! a proposal's `custom` actions left every unsettled deposit in governance.
//!
//! A settlement (refund, forfeit into the treasury, burn) is a submessage replied to on error:
//! if it cannot be delivered, the deposit stays held and is kept as undelivered, and
//! `claim_deposit` delivers it later (the proposer's refund by the proposer; a forfeit or burn
//! by anyone). Where it goes is a function of the proposal's final status and refund policy
//! and the configuration, so the reply recomputes it instead of carrying it along.

use commons::asset::{Asset, AssetInfo};
use commons::governance::{RefundPolicy, Status};
use commons::reward_token::{ExecuteMsg as TokenMsg, QueryMsg as TokenQuery};
use commons::treasury::{
    ConfigResponse as TreasuryConfig, ExecuteMsg as TreasuryMsg, QueryMsg as TreasuryQuery,
    ReceiveMsg as TreasuryReceiveMsg,
};
use commons_json::{query_wasm_smart, to_binary, wasm_execute, FromJson};
use cosmwasm_std::{
    Addr, BankMsg, Coin, CosmosMsg, DepsMut, Env, MessageInfo, QuerierWrapper, Response, StdResult,
    Storage, SubMsg, Uint128,
};

use crate::error::ContractError;
use crate::proposal::load_proposal;
use crate::reply_id::{self, Kind};
use crate::state::deposits::{self, Destination, Undelivered};
use crate::state::{Contracts, Proposal};

/// Whether a proposal that ended as `status` gets its deposit back under `policy` (vetoed
/// proposals never do); `None` while it has not ended.
pub fn refunds(status: Status, closed_as: Option<Status>, policy: RefundPolicy) -> Option<bool> {
    let ended = match status {
        Status::Closed => closed_as?,
        other => other,
    };
    Some(match ended {
        Status::Vetoed => false,
        Status::Rejected => policy == RefundPolicy::Always,
        Status::Executed | Status::ExecutionFailed | Status::Expired => {
            policy != RefundPolicy::Never
        }
        Status::Open | Status::Passed | Status::Closed => return None,
    })
}

/// Where a deposit goes: back to the proposer, or forfeited (burned when it is the reward
/// token, into the treasury otherwise; back to the proposer if there is no treasury, since no
/// one else may keep it).
fn destination(
    config: &Contracts<'_>,
    proposer: Addr,
    deposit: &Asset,
    refund: bool,
) -> Destination {
    if refund {
        return Destination::Proposer(proposer);
    }
    if matches!(&deposit.info, AssetInfo::Cw20(token) if token.as_str() == config.token) {
        return Destination::Burn;
    }
    match config.treasury {
        Some(treasury) => Destination::Treasury(Addr::unchecked(treasury)),
        None => Destination::Proposer(proposer),
    }
}

/// A message that pays `asset` to `recipient`: a bank send, or a cw20 `transfer`.
pub fn transfer(asset: &Asset, recipient: &str) -> StdResult<CosmosMsg> {
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

/// The message that delivers `deposit` to `to`. A forfeit goes through the treasury's
/// `deposit`, so it shows in its ledger (a cw20 the treasury does not accept is transferred
/// plainly, so a whitelist never makes a deposit impossible to settle).
fn delivery(
    querier: &QuerierWrapper,
    config: &Contracts<'_>,
    to: &Destination,
    deposit: &Asset,
    proposal_id: u64,
) -> StdResult<CosmosMsg> {
    match to {
        Destination::Proposer(p) => transfer(deposit, p.as_str()),
        Destination::Burn => {
            let burn = TokenMsg::Burn {
                amount: deposit.amount,
            };
            wasm_execute(config.token, &burn, vec![])
        }
        Destination::Treasury(treasury) => {
            let memo = Some(format!("forfeited deposit of proposal {proposal_id}"));
            match &deposit.info {
                AssetInfo::Native(denom) => wasm_execute(
                    treasury.as_str(),
                    &TreasuryMsg::Deposit { memo },
                    vec![Coin::new(deposit.amount, denom)],
                ),
                AssetInfo::Cw20(token) => {
                    let accepted: TreasuryConfig =
                        query_wasm_smart(querier, treasury.as_str(), &TreasuryQuery::Config {})?;
                    if !accepted.accepted_cw20s.contains(token) {
                        return transfer(deposit, treasury.as_str());
                    }
                    let send = TokenMsg::Send {
                        contract: treasury.to_string(),
                        amount: deposit.amount,
                        msg: to_binary(&TreasuryReceiveMsg::Deposit { memo })?,
                    };
                    wasm_execute(token.as_str(), &send, vec![])
                }
            }
        }
    }
}

fn label(to: &Destination) -> &'static str {
    match to {
        Destination::Proposer(_) => "refunded",
        Destination::Treasury(_) => "forfeited",
        Destination::Burn => "burned",
    }
}

/// Settles proposal `id`'s deposit once it has ended (`refund` as `refunds` says): the
/// deposit is no longer held, and its delivery is a submessage whose failure keeps it as
/// undelivered (see `settlement_failed`). If the delivery cannot even be built, it is kept as
/// undelivered at once: settling never makes the caller fail.
pub fn settle(
    store: &mut dyn Storage,
    querier: &QuerierWrapper,
    config: &Contracts<'_>,
    id: u64,
    proposal: &mut Proposal,
    refund: bool,
) -> Result<(Option<SubMsg>, &'static str), ContractError> {
    if proposal.deposit_settled() {
        return Ok((None, "none"));
    }
    let Some(deposit) = proposal.deposit()? else {
        return Ok((None, "none"));
    };
    proposal.set_deposit_settled();
    let to = destination(config, proposal.proposer()?, &deposit, refund);
    match delivery(querier, config, &to, &deposit, id) {
        Ok(msg) => {
            deposits::release(store, &deposit)?;
            let sub = SubMsg::reply_on_error(msg, reply_id::of(id, Kind::Settlement)?);
            Ok((Some(sub), label(&to)))
        }
        Err(_) => {
            deposits::save_undelivered(store, id, &Undelivered { asset: deposit, to })?;
            Ok((None, "undelivered"))
        }
    }
}

/// The reply to a settlement that failed: the deposit is held again and kept as undelivered.
pub fn settlement_failed(
    store: &mut dyn Storage,
    config: &Contracts<'_>,
    id: u64,
    error: String,
) -> Result<Response, ContractError> {
    let proposal = load_proposal(store, id)?;
    let deposit = proposal
        .deposit()?
        .ok_or(ContractError::ProposalNotFound { proposal_id: id })?;
    let refund = refunds(
        proposal.stored_status(),
        proposal.closed_as(),
        proposal.refund(),
    )
    .unwrap_or(true);
    let to = destination(config, proposal.proposer()?, &deposit, refund);
    deposits::hold(store, &deposit)?;
    deposits::save_undelivered(store, id, &Undelivered { asset: deposit, to })?;
    Ok(Response::new()
        .add_attribute("action", "deposit_undelivered")
        .add_attribute("proposal_id", id.to_string())
        .add_attribute("error", error))
}

/// `claim_deposit`: delivers a settlement that could not be delivered before. A refund is the
/// proposer's to claim; a forfeit or burn anyone may complete.
pub fn execute_claim_deposit(
    deps: DepsMut,
    info: MessageInfo,
    config: &Contracts<'_>,
    proposal_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let undelivered = deposits::may_load_undelivered(deps.storage, proposal_id)?
        .ok_or(ContractError::NoUndeliveredDeposit { proposal_id })?;
    if let Destination::Proposer(proposer) = &undelivered.to {
        if *proposer != info.sender {
            return Err(ContractError::NotProposer { proposal_id });
        }
    }
    let msg = delivery(
        &deps.querier,
        config,
        &undelivered.to,
        &undelivered.asset,
        proposal_id,
    )?;
    deposits::release(deps.storage, &undelivered.asset)?;
    deposits::remove_undelivered(deps.storage, proposal_id);
    Ok(Response::new()
        .add_message(msg)
        .add_attribute("action", "claim_deposit")
        .add_attribute("proposal_id", proposal_id.to_string())
        .add_attribute("deposit", label(&undelivered.to))
        .add_attribute("asset", undelivered.asset.to_string()))
}

/// A cw20 balance answer (only the amount is read).
#[derive(FromJson)]
#[json(ignore_unknown_fields)]
struct Balance {
    balance: Uint128,
}

/// After the actions of proposal `id` (which carries `custom` actions) ran: governance must
/// still hold every unsettled or undelivered deposit, plus the proposal's own deposit, which
/// is paid out after its actions. Otherwise the actions fail together and the proposal is
/// `execution_failed`.
pub fn check_deposits_held(
    store: &dyn Storage,
    querier: &QuerierWrapper,
    env: &Env,
    id: u64,
) -> Result<Response, ContractError> {
    let mut required = deposits::held(store)?;
    if let Some(own) = Proposal::may_load(store, id)?
        .map(|p| p.deposit())
        .transpose()?
        .flatten()
    {
        match required.iter_mut().find(|a| a.info == own.info) {
            Some(entry) => {
                entry.amount = entry
                    .amount
                    .checked_add(own.amount)
                    .map_err(cosmwasm_std::StdError::from)?
            }
            None => required.push(own),
        }
    }
    let me = env.contract.address.as_str();
    for asset in &required {
        let balance = match &asset.info {
            AssetInfo::Native(denom) => commons_json::query_balance(querier, me, denom)?,
            AssetInfo::Cw20(token) => {
                let query = TokenQuery::Balance {
                    address: me.to_string(),
                };
                query_wasm_smart::<Balance, _>(querier, token.as_str(), &query)?.balance
            }
        };
        if balance < asset.amount {
            return Err(ContractError::DepositsNotHeld {
                proposal_id: id,
                asset: asset.info.to_string(),
                held: asset.amount,
                balance,
            });
        }
    }
    Ok(Response::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refunds_follow_the_policy_and_vetoes_never_refund() {
        use RefundPolicy::*;
        use Status::*;
        for policy in [Always, OnlyPassed, Never] {
            assert_eq!(refunds(Vetoed, None, policy), Some(false));
            assert_eq!(refunds(Closed, Some(Vetoed), policy), Some(false));
            assert_eq!(refunds(Open, None, policy), None);
            assert_eq!(refunds(Passed, None, policy), None);
        }
        assert_eq!(refunds(Closed, Some(Rejected), Always), Some(true));
        assert_eq!(refunds(Closed, Some(Rejected), OnlyPassed), Some(false));
        assert_eq!(refunds(Executed, None, OnlyPassed), Some(true));
        assert_eq!(refunds(Closed, Some(Expired), OnlyPassed), Some(true));
        assert_eq!(refunds(Executed, None, Never), Some(false));
    }
}
