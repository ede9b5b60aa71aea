//! Gas, size and scaling benchmark of the optimized artifacts in cosmwasm-vm, against the
//! reference contracts built from crates.io with the same settings (`scripts/build-reference.sh`).
//! Writes docs/BENCHMARKS.md and docs/benchmarks.json.

mod ours;
mod reference;
mod report;
mod scaling;

use commons_vm_tests::Chain;
use cosmwasm_std::{to_json_binary, Timestamp};
use serde_json::json;

/// Tokens each member holds (and, for DAO DAO, stakes).
pub const MEMBER_BALANCE: u128 = 1_000_000;

/// One measured operation: its name and the gas counted for it.
pub struct Measured {
    pub op: &'static str,
    pub gas: u64,
}

impl Measured {
    pub fn new(op: &'static str, gas: u64) -> Self {
        Measured { op, gas }
    }
}

/// A row of the gas table: ours, and the reference's figure for the same operation.
pub struct Row {
    pub op: &'static str,
    pub ours: u64,
    pub references: Vec<(&'static str, u64)>,
    /// What the figures count.
    pub counted: &'static str,
    /// The most the ratio to the reference may be.
    pub target: Option<f64>,
}

pub fn ts(t: cosmwasm_std_vm::Timestamp) -> Timestamp {
    Timestamp::from_nanos(t.nanos())
}

/// cw20 operations on a token (ours or the reference), in the same order on both; `receiver`
/// is a Commons treasury that accepts the token. Counted: the token's own execution.
fn cw20_ops(chain: &Chain, token: &str, receiver: &str) -> Vec<Measured> {
    let run = |sender: &str, op: &'static str, msg: serde_json::Value| {
        let out = chain
            .execute(&chain.addr(sender), token, &msg, vec![])
            .unwrap();
        Measured::new(op, out.gas_in(&[token]))
    };
    let deposit = to_json_binary(&json!({"deposit": {"memo": null}})).unwrap();
    let (bob, carol, alice) = (chain.addr("bob"), chain.addr("carol"), chain.addr("alice"));
    vec![
        run(
            "alice",
            "token transfer",
            json!({"transfer": {"recipient": bob, "amount": "100"}}),
        ),
        run(
            "alice",
            "token send",
            json!({"send": {"contract": receiver, "amount": "100", "msg": deposit}}),
        ),
        run(
            "minter",
            "token mint",
            json!({"mint": {"recipient": carol, "amount": "100"}}),
        ),
        run("alice", "token burn", json!({"burn": {"amount": "100"}})),
        run(
            "alice",
            "token increase_allowance",
            json!({"increase_allowance": {"spender": bob, "amount": "500", "expires": null}}),
        ),
        run(
            "bob",
            "token transfer_from",
            json!({"transfer_from": {"owner": alice, "recipient": carol, "amount": "100"}}),
        ),
    ]
}

fn find(list: &[Measured], op: &str) -> Option<u64> {
    list.iter().find(|m| m.op == op).map(|m| m.gas)
}

fn main() {
    let mut rows: Vec<Row> = vec![];

    // cw20, ours against cw20-base 2.0: same VM, same message sequence
    let ours_chain = Chain::new();
    let ours_token = ours::token(&ours_chain, &["alice"]);
    let ours_receiver = ours::treasury(&ours_chain, &ours_token, "receiver");
    let ref_chain = Chain::new();
    let ref_token = reference::cw20(
        &ref_chain,
        "ref-token",
        &["alice"],
        &ref_chain.addr("minter"),
    );
    let ref_receiver = ours::treasury(&ref_chain, &ref_token, "receiver");
    let ours_cw20 = cw20_ops(&ours_chain, &ours_token, &ours_receiver);
    let ref_cw20 = cw20_ops(&ref_chain, &ref_token, &ref_receiver);
    for m in &ours_cw20 {
        rows.push(Row {
            op: m.op,
            ours: m.gas,
            references: find(&ref_cw20, m.op)
                .map(|g| vec![(reference::CW20, g)])
                .unwrap_or_default(),
            counted: "the token's execution",
            target: (m.op == "token transfer").then_some(1.10),
        });
    }

    // vesting, ours against cw-vesting 2.6
    let cw_vesting = reference::cw_vesting_ops();
    for m in ours::vesting_ops() {
        let reference = find(&cw_vesting, m.op).map(|g| (reference::CW_VESTING, g));
        rows.push(Row {
            op: m.op,
            ours: m.gas,
            target: reference.map(|_| 0.80),
            references: reference.into_iter().collect(),
            counted: if m.op.starts_with("vesting") {
                "the whole transaction"
            } else {
                "the token's execution"
            },
        });
    }

    // governance, ours against DAO DAO 2.6 and cw3-flex-multisig 2.0; rewards against
    // dao-rewards-distributor 2.6
    let dao_dao = reference::dao_dao_ops();
    let cw3 = reference::cw3_ops();
    let rewards = reference::rewards_ops();
    for m in ours::governance_ops() {
        if m.op == "reward claim" {
            rows.push(Row {
                op: m.op,
                ours: m.gas,
                references: find(&rewards, m.op)
                    .map(|g| vec![(reference::REWARDS, g)])
                    .unwrap_or_default(),
                counted: "the whole transaction",
                target: Some(0.80),
            });
            continue;
        }
        let mut references = vec![];
        if let Some(g) = find(&dao_dao, m.op) {
            references.push((reference::DAO_DAO, g));
        }
        if let Some(g) = find(&cw3, m.op) {
            references.push((reference::CW3, g));
        }
        rows.push(Row {
            op: m.op,
            ours: m.gas,
            references,
            counted: "governance's calls and the queries they make",
            target: Some(0.80),
        });
    }

    for m in ours::treasury_ops() {
        rows.push(Row {
            op: m.op,
            ours: m.gas,
            references: vec![],
            counted: "the treasury's execution",
            target: None,
        });
    }
    for m in ours::escrow_ops() {
        rows.push(Row {
            op: m.op,
            ours: m.gas,
            references: vec![],
            counted: "the escrow's execution",
            target: None,
        });
    }

    let scaling = scaling::run();
    report::write(&rows, &scaling);
}
