//! Owner hand-over and code migration: both wait the change delay, in public.

use super::*;
use commons::migrate::MigrateMsg;
use commons::treasury::{PendingMigration, PendingOwner};
use cosmwasm_std::{Binary, CosmosMsg, WasmMsg};
use cw_utils::PaymentError;

fn propose(s: &Suite, who: &str) -> ExecuteMsg {
    ExecuteMsg::ProposeOwner {
        new_owner: s.addr(who).to_string(),
    }
}

fn not_owner(action: &str) -> ContractError {
    ContractError::NotOwner {
        action: action.into(),
    }
}

#[test]
fn ownership_moves_only_after_the_delay() {
    let mut s = Suite::new();
    let msg = propose(&s, "newdao");
    assert_eq!(s.exec_err("alice", &msg), not_owner("propose a new owner"));
    let t0 = s.now();
    let due = t0.plus_seconds(DELAY);
    let res = s.exec("dao", &msg).unwrap();
    assert_eq!(attr(&res, "action").as_deref(), Some("propose_owner"));
    assert_eq!(
        attr(&res, "pending_owner"),
        Some(s.addr("newdao").to_string())
    );
    assert_eq!(attr(&res, "effective_at"), Some(due.seconds().to_string()));
    assert_eq!(s.config().pending_owner, Some(s.addr("newdao")));
    assert_eq!(
        s.pending().owner,
        Some(PendingOwner {
            new_owner: s.addr("newdao"),
            effective_at: due,
        })
    );
    assert_eq!(
        s.exec_err("alice", &ExecuteMsg::AcceptOwner {}),
        ContractError::NotPendingOwner
    );
    for at in [t0, due.minus_seconds(1)] {
        s.at(at);
        assert_eq!(
            s.exec_err("newdao", &ExecuteMsg::AcceptOwner {}),
            ContractError::OwnerChangeNotDue { effective_at: due }
        );
        assert_eq!(s.config().owner, s.addr("dao"));
    }
    s.at(due);
    let res = s.exec("newdao", &ExecuteMsg::AcceptOwner {}).unwrap();
    assert_eq!(attr(&res, "owner"), Some(s.addr("newdao").to_string()));
    assert_eq!(
        attr(&res, "previous_owner"),
        Some(s.addr("dao").to_string())
    );
    let c = s.config();
    assert_eq!((c.owner, c.pending_owner), (s.addr("newdao"), None));
    assert_eq!(s.pending().owner, None);
    // the old owner lost every power
    s.deposit_native(100);
    assert_eq!(s.spend_err(1), not_owner("spend"));
    assert_eq!(
        s.exec_err("newdao", &ExecuteMsg::AcceptOwner {}),
        ContractError::NotPendingOwner
    );
}

#[test]
fn a_new_offer_replaces_the_old_one_and_restarts_the_delay() {
    let mut s = Suite::new();
    let t0 = s.now();
    let (first, second) = (propose(&s, "first"), propose(&s, "second"));
    s.exec("dao", &first).unwrap();
    s.at(t0.plus_seconds(1_500));
    s.exec("dao", &second).unwrap();
    let due = t0.plus_seconds(1_500 + DELAY);
    s.at(t0.plus_seconds(DELAY));
    assert_eq!(
        s.exec_err("first", &ExecuteMsg::AcceptOwner {}),
        ContractError::NotPendingOwner
    );
    assert_eq!(
        s.exec_err("second", &ExecuteMsg::AcceptOwner {}),
        ContractError::OwnerChangeNotDue { effective_at: due }
    );
    s.at(due.plus_seconds(1));
    s.exec("second", &ExecuteMsg::AcceptOwner {}).unwrap();
    assert_eq!(s.config().owner, s.addr("second"));
    // bad input
    let bad = ExecuteMsg::ProposeOwner {
        new_owner: "Not An Address".into(),
    };
    assert!(matches!(
        s.exec_err("second", &bad),
        ContractError::InvalidAddress { .. }
    ));
    let err = s
        .exec_funds("alice", &ExecuteMsg::AcceptOwner {}, &coins(1, DENOM))
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(err, ContractError::Payment(PaymentError::NonPayable {}));
}

/// The suite's treasury made its own wasm admin, and a second code id of the same contract.
fn self_admin() -> (Suite, u64) {
    let mut s = Suite::new();
    let dao = s.addr("dao");
    let msg = CosmosMsg::Wasm(WasmMsg::UpdateAdmin {
        contract_addr: s.treasury.to_string(),
        admin: s.treasury.to_string(),
    });
    s.app.execute(dao, msg).unwrap();
    let info = s.app.wrap().query_wasm_contract_info(&s.treasury).unwrap();
    assert_eq!(info.admin, Some(s.treasury.clone()));
    let code = s.app.store_code(treasury_contract());
    (s, code)
}

fn schedule(code_id: u64) -> ExecuteMsg {
    ExecuteMsg::ScheduleMigration {
        code_id,
        msg: to_json_binary(&MigrateMsg {}).unwrap(),
    }
}

fn code_of(s: &Suite) -> u64 {
    s.app
        .wrap()
        .query_wasm_contract_info(&s.treasury)
        .unwrap()
        .code_id
}

#[test]
fn migration_waits_for_the_delay_then_really_migrates() {
    let (mut s, code) = self_admin();
    let old_code = code_of(&s);
    s.deposit_native(10);
    // the former admin can no longer migrate it directly
    let dao = s.addr("dao");
    let t = s.treasury.clone();
    assert!(s
        .app
        .migrate_contract(dao, t, &MigrateMsg {}, code)
        .is_err());
    assert_eq!(
        s.exec_err("alice", &schedule(code)),
        not_owner("schedule a migration")
    );
    let t0 = s.now();
    let due = t0.plus_seconds(DELAY);
    let res = s.exec("dao", &schedule(code)).unwrap();
    assert_eq!(attr(&res, "code_id"), Some(code.to_string()));
    assert_eq!(attr(&res, "effective_at"), Some(due.seconds().to_string()));
    assert_eq!(
        s.pending().migration,
        Some(PendingMigration {
            code_id: code,
            msg: to_json_binary(&MigrateMsg {}).unwrap(),
            effective_at: due,
        })
    );
    for at in [t0, due.minus_seconds(1)] {
        s.at(at);
        assert_eq!(
            s.exec_err("alice", &ExecuteMsg::MigrateSelf {}),
            ContractError::MigrationNotDue {
                code_id: code,
                effective_at: due
            }
        );
        assert_eq!(code_of(&s), old_code);
    }
    s.at(due);
    let res = s.exec("alice", &ExecuteMsg::MigrateSelf {}).unwrap();
    assert_eq!(attr(&res, "action").as_deref(), Some("migrate_self"));
    // the new code's `migrate` ran, and the state is kept
    let migrated = res.events.iter().any(|e| {
        e.ty == "wasm"
            && e.attributes
                .iter()
                .any(|a| a.key == "action" && a.value == "migrate")
    });
    assert!(migrated, "{:?}", res.events);
    assert_eq!(code_of(&s), code);
    assert_eq!(s.ledger().len(), 1);
    assert_eq!(s.pending().migration, None);
    assert_eq!(
        s.exec_err("alice", &ExecuteMsg::MigrateSelf {}),
        ContractError::NoMigrationScheduled
    );
}

#[test]
fn a_migration_can_be_replaced_or_cancelled() {
    let (mut s, code) = self_admin();
    let other = s.app.store_code(treasury_contract());
    let t0 = s.now();
    s.exec("dao", &schedule(code)).unwrap();
    s.at(t0.plus_seconds(1_000));
    s.exec("dao", &schedule(other)).unwrap();
    let due = t0.plus_seconds(1_000 + DELAY);
    s.at(t0.plus_seconds(DELAY));
    assert_eq!(
        s.exec_err("alice", &ExecuteMsg::MigrateSelf {}),
        ContractError::MigrationNotDue {
            code_id: other,
            effective_at: due
        }
    );
    s.at(due.plus_seconds(1));
    s.exec("alice", &ExecuteMsg::MigrateSelf {}).unwrap();
    assert_eq!(code_of(&s), other);

    s.exec("dao", &schedule(code)).unwrap();
    assert_eq!(
        s.exec_err("alice", &ExecuteMsg::CancelMigration {}),
        not_owner("cancel the migration")
    );
    let res = s.exec("dao", &ExecuteMsg::CancelMigration {}).unwrap();
    assert_eq!(attr(&res, "action").as_deref(), Some("cancel_migration"));
    assert_eq!(attr(&res, "code_id"), Some(code.to_string()));
    s.next_block(DELAY);
    assert_eq!(
        s.exec_err("alice", &ExecuteMsg::MigrateSelf {}),
        ContractError::NoMigrationScheduled
    );
    assert_eq!(
        s.exec_err("dao", &ExecuteMsg::CancelMigration {}),
        ContractError::NoMigrationScheduled
    );
    assert_eq!(code_of(&s), other);
    // bad input
    assert_eq!(s.exec_err("dao", &schedule(0)), ContractError::ZeroCodeId);
    for msg in [
        schedule(code),
        ExecuteMsg::MigrateSelf {},
        ExecuteMsg::CancelMigration {},
    ] {
        let err = s
            .exec_funds("alice", &msg, &coins(1, DENOM))
            .unwrap_err()
            .downcast::<ContractError>()
            .unwrap();
        assert_eq!(err, ContractError::Payment(PaymentError::NonPayable {}));
    }
    assert_eq!(s.pending().migration, None);
}

#[test]
fn a_failing_migration_keeps_the_schedule() {
    let (mut s, _) = self_admin();
    // a cw20 code: it has no migrate entry point
    let foreign = s.app.store_code(cw20_base_contract());
    let old_code = code_of(&s);
    s.exec(
        "dao",
        &ExecuteMsg::ScheduleMigration {
            code_id: foreign,
            msg: Binary::from(b"{}".to_vec()),
        },
    )
    .unwrap();
    s.next_block(DELAY);
    assert!(s.exec("alice", &ExecuteMsg::MigrateSelf {}).is_err());
    assert_eq!(code_of(&s), old_code);
    assert_eq!(s.pending().migration.map(|m| m.code_id), Some(foreign));
}
