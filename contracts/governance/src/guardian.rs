//! The guardian: a security council that may veto a passed proposal during its timelock, and
//! do nothing else.
//!
//! The veto bounds what a captured majority can do: every passed proposal waits out the
//! timelock, in which the guardian can stop it. The guardian cannot entrench itself: a proposal
//! whose actions only replace or remove the guardian cannot be vetoed by it.

use commons::governance::{ProposalAction, Status, UpdateConfigMsg};
use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};

use crate::error::ContractError;
use crate::proposal::load_proposal;
use crate::state::{load_config, StoredActions};

/// Whether an action only appoints or removes the guardian.
fn only_changes_guardian(action: &ProposalAction) -> bool {
    match action {
        ProposalAction::UpdateGovernanceConfig(update) => {
            // Every field named (no `..`), so a field added later must be placed here; read
            // in place rather than compared on a clone with the default message, which costs
            // a clone, a comparison and a drop of every field.
            let UpdateConfigMsg {
                voting_period_seconds,
                min_voting_period_seconds,
                threshold,
                allow_revoting,
                execution_delay_seconds,
                execution_window_seconds,
                proposal_deposit,
                min_proposer_power,
                voter_rewards,
                max_actions,
                treasury,
                escrow,
                guardian,
                clear_guardian,
            } = &**update;
            // `clear_guardian: false` changes nothing, so it may stay
            let touches_guardian = guardian.is_some() || *clear_guardian == Some(true);
            touches_guardian
                && voting_period_seconds.is_none()
                && min_voting_period_seconds.is_none()
                && threshold.is_none()
                && allow_revoting.is_none()
                && execution_delay_seconds.is_none()
                && execution_window_seconds.is_none()
                && proposal_deposit.is_none()
                && min_proposer_power.is_none()
                && voter_rewards.is_none()
                && max_actions.is_none()
                && treasury.is_none()
                && escrow.is_none()
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
    let mut proposal = load_proposal(deps.storage, proposal_id)?;
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
    use commons::governance::{DepositChange, RewardsChange};

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
        // any other field, even alongside a guardian change, makes it vetoable
        let others = [
            UpdateConfigMsg {
                voting_period_seconds: Some(1),
                ..Default::default()
            },
            UpdateConfigMsg {
                min_voting_period_seconds: Some(1),
                ..Default::default()
            },
            UpdateConfigMsg {
                threshold: Some(cw_utils::Threshold::AbsoluteCount { weight: 1 }),
                ..Default::default()
            },
            UpdateConfigMsg {
                allow_revoting: Some(false),
                ..Default::default()
            },
            UpdateConfigMsg {
                execution_delay_seconds: Some(1),
                ..Default::default()
            },
            UpdateConfigMsg {
                execution_window_seconds: Some(1),
                ..Default::default()
            },
            UpdateConfigMsg {
                proposal_deposit: Some(DepositChange::Remove),
                ..Default::default()
            },
            UpdateConfigMsg {
                min_proposer_power: Some(0u128.into()),
                ..Default::default()
            },
            UpdateConfigMsg {
                voter_rewards: Some(RewardsChange::Remove),
                ..Default::default()
            },
            UpdateConfigMsg {
                max_actions: Some(1),
                ..Default::default()
            },
            UpdateConfigMsg {
                treasury: Some("t".into()),
                ..Default::default()
            },
            UpdateConfigMsg {
                escrow: Some("e".into()),
                ..Default::default()
            },
        ];
        for other in others {
            for (guardian, clear_guardian) in [(Some("council".into()), None), (None, Some(true))] {
                let both = UpdateConfigMsg {
                    guardian,
                    clear_guardian,
                    ..other.clone()
                };
                assert!(!only_changes_guardian(&update(both)));
            }
        }
        assert!(!only_changes_guardian(&ProposalAction::EscrowCancelJob {
            job_id: 1
        }));
    }
}
