//! The guardian: a security council that may veto a passed proposal during its timelock, and
//! do nothing else.
//!
//! The veto bounds what a captured majority can do: every passed proposal waits out the
//! timelock, in which the guardian can stop it. The guardian cannot entrench itself: a proposal
//! whose actions only replace or remove the guardian cannot be vetoed by it.

use commons::governance::{ProposalAction, Status};
use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};

use crate::error::ContractError;
use crate::state::{load_config, Proposal, StoredActions};

/// Whether an action only appoints or removes the guardian.
fn only_changes_guardian(action: &ProposalAction) -> bool {
    match action {
        ProposalAction::UpdateGovernanceConfig(update) => {
            let mut rest = (**update).clone();
            let touches_guardian =
                rest.guardian.take().is_some() || rest.clear_guardian.take() == Some(true);
            // `clear_guardian: false` changes nothing, so it may stay
            rest.clear_guardian = None;
            touches_guardian && rest == Default::default()
        }
        _ => false,
    }
}

pub fn execute_guardian_veto(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    proposal_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = load_config(deps.storage)?;
    if config.guardian.as_ref() != Some(&info.sender) {
        return Err(ContractError::NotGuardian);
    }
    let mut proposal = Proposal::may_load(deps.storage, proposal_id)?
        .ok_or(ContractError::ProposalNotFound { proposal_id })?;
    let now = env.block.time;
    let standing = proposal.standing(now);
    let executable_at = match (standing.status, standing.window) {
        (Status::Passed, Some((executable_at, _))) if now < executable_at => executable_at,
        (Status::Passed, Some((executable_at, _))) => {
            return Err(ContractError::TimelockOver {
                proposal_id,
                executable_at,
            })
        }
        (status, _) => {
            return Err(ContractError::NotPassed {
                proposal_id,
                status,
            })
        }
    };
    let actions = StoredActions::load(deps.storage, proposal_id)?.parse()?;
    if !actions.is_empty() && actions.iter().all(only_changes_guardian) {
        return Err(ContractError::GuardianChangeNotVetoable { proposal_id });
    }
    // the deposit is settled (forfeited) by `close`, as for a proposal vetoed by votes
    proposal.set_stored_status(Status::Vetoed);
    proposal.save(deps.storage, proposal_id);
    Ok(Response::new()
        .add_attribute("action", "guardian_veto")
        .add_attribute("proposal_id", proposal_id.to_string())
        .add_attribute("executable_at", executable_at.seconds().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use commons::governance::UpdateConfigMsg;

    fn update(msg: UpdateConfigMsg) -> ProposalAction {
        ProposalAction::UpdateGovernanceConfig(Box::new(msg))
    }

    #[test]
    fn only_guardian_changes_are_exempt() {
        let replace = UpdateConfigMsg {
            guardian: Some("council".into()),
            ..Default::default()
        };
        let remove = UpdateConfigMsg {
            clear_guardian: Some(true),
            ..Default::default()
        };
        assert!(only_changes_guardian(&update(replace.clone())));
        assert!(only_changes_guardian(&update(remove)));
        let noop = UpdateConfigMsg {
            clear_guardian: Some(false),
            ..Default::default()
        };
        assert!(!only_changes_guardian(&update(noop)));
        let more = UpdateConfigMsg {
            max_actions: Some(3),
            ..replace
        };
        assert!(!only_changes_guardian(&update(more)));
        assert!(!only_changes_guardian(&ProposalAction::EscrowCancelJob {
            job_id: 1
        }));
    }
}
