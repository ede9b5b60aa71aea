//! The guardian: vetoes a passed proposal in its timelock and nothing else, and cannot
//! entrench itself.

use super::*;
use commons::governance::{DepositConfigUnchecked, RefundPolicy, UpdateConfigMsg};
use commons::AssetInfoUnchecked;
use cosmwasm_std::coins;

const FEE: u128 = 50;

/// Governance with "council" as guardian, a native deposit (always refunded) and a treasury.
fn guarded() -> Suite {
    let mut s = Suite::with_treasury(|m| {
        m.guardian = Some(council());
        m.proposal_deposit = Some(DepositConfigUnchecked {
            asset_info: AssetInfoUnchecked::Native("ucoin".into()),
            amount: Uint128::new(FEE),
            refund: RefundPolicy::Always,
        });
    });
    let alice = s.addr("alice");
    s.app
        .init_modules(|r, _, st| r.bank.init_balance(st, &alice, coins(1_000, "ucoin")))
        .unwrap();
    s
}

/// The guardian's address: what the suite's `addr("council")` makes (the same bech32
/// derivation), needed before the suite exists.
fn council() -> String {
    cosmwasm_std::testing::MockApi::default()
        .addr_make("council")
        .to_string()
}

/// Alice's proposal, with the deposit.
fn propose(s: &mut Suite, actions: Vec<ProposalAction>) -> u64 {
    s.propose_paying("alice", actions, &coins(FEE, "ucoin"))
        .unwrap()
}

fn veto(s: &mut Suite, who: &str, id: u64) -> AnyResult<AppResponse> {
    s.exec(who, &ExecuteMsg::GuardianVeto { proposal_id: id })
}

fn veto_err(s: &mut Suite, who: &str, id: u64) -> ContractError {
    s.exec_err(who, &ExecuteMsg::GuardianVeto { proposal_id: id })
}

fn guardian_update(guardian: Option<&str>, clear: Option<bool>) -> ProposalAction {
    ProposalAction::UpdateGovernanceConfig(Box::new(UpdateConfigMsg {
        guardian: guardian.map(Into::into),
        clear_guardian: clear,
        ..Default::default()
    }))
}

#[test]
fn veto_in_the_timelock_stops_execution_and_forfeits_the_deposit() {
    let mut s = guarded();
    let to = s.addr("mallory");
    let mint = mint_action(&s, "mallory", 1_000_000);
    let id = propose(&mut s, vec![mint]);
    let executable_at = s.pass(id);
    // the last second of the timelock still allows a veto
    s.go_to(executable_at.minus_seconds(1));
    let res = veto(&mut s, "council", id).unwrap();
    assert_eq!(attr(&res, "action").as_deref(), Some("guardian_veto"));
    assert_eq!(s.status(id), Status::Vetoed);
    s.go_to(executable_at);
    let err = s.exec_err("anyone", &ExecuteMsg::Execute { proposal_id: id });
    assert_eq!(
        err,
        ContractError::NotPassed {
            proposal_id: id,
            status: Status::Vetoed
        }
    );
    assert_eq!(s.balance(&to), 0);
    // closing forfeits the deposit to the treasury, whatever the refund policy
    let res = s
        .exec("anyone", &ExecuteMsg::Close { proposal_id: id })
        .unwrap();
    assert_eq!(attr(&res, "closed_as").as_deref(), Some("vetoed"));
    assert_eq!(attr(&res, "deposit").as_deref(), Some("forfeited"));
    let treasury = s.treasury.clone().unwrap();
    assert_eq!(s.ucoin(&treasury), FEE);
    assert_eq!(s.ucoin(&s.addr("alice")), 1_000 - FEE);
}

#[test]
fn veto_only_by_the_guardian_and_only_in_the_timelock() {
    let mut s = guarded();
    let mint = mint_action(&s, "bob", 1);
    let id = propose(&mut s, vec![mint]);
    // open: not yet passed
    assert_eq!(
        veto_err(&mut s, "council", id),
        ContractError::NotPassed {
            proposal_id: id,
            status: Status::Open
        }
    );
    let executable_at = s.pass(id);
    // members, the proposer and governance itself are not the guardian
    for who in ["alice", "bob", "mallory"] {
        assert_eq!(veto_err(&mut s, who, id), ContractError::NotGuardian);
    }
    let gov = s.gov.clone();
    let err = s
        .app
        .execute_contract(
            gov.clone(),
            gov,
            &ExecuteMsg::GuardianVeto { proposal_id: id },
            &[],
        )
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(err, ContractError::NotGuardian);
    // from executable_at on, the timelock is over
    s.go_to(executable_at);
    assert_eq!(
        veto_err(&mut s, "council", id),
        ContractError::TimelockOver {
            proposal_id: id,
            executable_at
        }
    );
    s.execute_proposal(id).unwrap();
    assert_eq!(
        veto_err(&mut s, "council", id),
        ContractError::NotPassed {
            proposal_id: id,
            status: Status::Executed
        }
    );
    assert_eq!(
        veto_err(&mut s, "council", 99),
        ContractError::ProposalNotFound { proposal_id: 99 }
    );
    // a rejected proposal is not the guardian's business either
    let rejected = propose(&mut s, vec![]);
    s.vote("alice", rejected, Vote::No).unwrap();
    s.vote("bob", rejected, Vote::No).unwrap();
    assert_eq!(
        veto_err(&mut s, "council", rejected),
        ContractError::NotPassed {
            proposal_id: rejected,
            status: Status::Rejected
        }
    );
    // funds are refused
    let council = s.addr("council");
    let funded = propose(&mut s, vec![]);
    s.pass(funded);
    s.app
        .init_modules(|r, _, st| r.bank.init_balance(st, &council, coins(5, "ucoin")))
        .unwrap();
    let err = s
        .app
        .execute_contract(
            council,
            s.gov.clone(),
            &ExecuteMsg::GuardianVeto {
                proposal_id: funded,
            },
            &coins(5, "ucoin"),
        )
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert!(matches!(err, ContractError::Payment(_)));
    assert_eq!(s.status(funded), Status::Passed);
}

#[test]
fn the_guardian_cannot_entrench_itself() {
    let mut s = guarded();
    let new_council = s.addr("new-council").to_string();
    // replacing and removing the guardian cannot be vetoed by it
    let replace = propose(&mut s, vec![guardian_update(Some(&new_council), None)]);
    let remove = propose(&mut s, vec![guardian_update(None, Some(true))]);
    let both = propose(
        &mut s,
        vec![
            guardian_update(None, Some(true)),
            guardian_update(Some(&new_council), None),
        ],
    );
    for id in [replace, remove, both] {
        s.pass(id);
        assert_eq!(
            veto_err(&mut s, "council", id),
            ContractError::GuardianChangeNotVetoable { proposal_id: id }
        );
    }
    // a guardian change bundled with anything else can be vetoed
    let mint = mint_action(&s, "mallory", 1);
    let bundled = propose(
        &mut s,
        vec![guardian_update(Some(&new_council), None), mint.clone()],
    );
    s.pass(bundled);
    veto(&mut s, "council", bundled).unwrap();
    assert_eq!(s.status(bundled), Status::Vetoed);
    // the replacement runs: the new council is the guardian, the old one is not
    let at = s.proposal(replace).executable_at.unwrap();
    s.go_to(at);
    s.execute_proposal(replace).unwrap();
    let config: commons::governance::ConfigResponse = s
        .app
        .wrap()
        .query_wasm_smart(s.gov.clone(), &QueryMsg::Config {})
        .unwrap();
    assert_eq!(config.guardian, Some(Addr::unchecked(&new_council)));
    let next = propose(&mut s, vec![mint]);
    s.pass(next);
    assert_eq!(
        veto_err(&mut s, "council", next),
        ContractError::NotGuardian
    );
    veto(&mut s, "new-council", next).unwrap();
    // and removing it leaves no guardian at all
    s.execute_proposal(remove).unwrap();
    let config: commons::governance::ConfigResponse = s
        .app
        .wrap()
        .query_wasm_smart(s.gov.clone(), &QueryMsg::Config {})
        .unwrap();
    assert_eq!(config.guardian, None);
}

#[test]
fn guardian_updates_are_validated() {
    let mut s = Suite::with(|m| m.guardian = Some(council()));
    let both = guardian_update(Some(s.addr("x").as_str()), Some(true));
    let err = s
        .propose("alice", vec![both])
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert!(matches!(err, ContractError::InvalidAction { index: 0, .. }));
    let bad = guardian_update(Some("Not An Address"), None);
    let err = s
        .propose("alice", vec![bad])
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert!(matches!(err, ContractError::InvalidAction { index: 0, .. }));
    // an invalid guardian at instantiation is refused
    let token = s.token.clone();
    let code = s.app.store_code(governance_contract());
    let mut msg = base_msg(&token);
    msg.guardian = Some("Not An Address".into());
    let err = s
        .app
        .instantiate_contract(code, s.addr("admin"), &msg, &[], "gov2", None)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert!(matches!(err, ContractError::InvalidAddress { .. }));
}
