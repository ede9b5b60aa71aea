//! Gas, size and scaling benchmark of the optimized artifacts in cosmwasm-vm, against the
//! reference contracts built from crates.io with the same settings (`scripts/build-reference.sh`).
//! Writes docs/BENCHMARKS.md and docs/benchmarks.json.

mod ours;
mod reference;
mod report;
mod scaling;

use commons_vm_tests::{Chain, Outcome, StepKind};
use cosmwasm_std::{to_json_binary, Timestamp};
use serde_json::json;

/// Tokens each member holds (and, for DAO DAO, stakes).
pub const MEMBER_BALANCE: u128 = 1_000_000;

/// One measured operation: its name, the gas counted for it, and the counted steps.
pub struct Measured {
    pub op: &'static str,
    pub gas: u64,
    /// (what ran, gas), e.g. ("governance execute", 120_000_000), ("token query from
    /// governance", 9_000_000), in order.
    pub steps: Vec<(String, u64)>,
}

/// Measures `op` over the transactions `outs`: the steps of the contracts in `only` (their
/// entry points and the queries they made), or every step when `only` is `None`. `names` gives
/// each contract address a readable role.
pub fn measure(
    op: &'static str,
    outs: &[&Outcome],
    names: &[(&str, &str)],
    only: Option<&[&str]>,
) -> Measured {
    let name = |addr: &str| {
        names
            .iter()
            .find(|(a, _)| *a == addr)
            .map(|(_, n)| n.to_string())
            .unwrap_or_else(|| "another contract".into())
    };
    let mut steps = vec![];
    let mut gas = 0;
    for out in outs {
        for s in &out.steps {
            if only.is_some_and(|list| !list.contains(&s.charged_to())) {
                continue;
            }
            let what = match s.kind {
                StepKind::Instantiate => format!("{} instantiate", name(&s.contract)),
                StepKind::Execute => format!("{} execute", name(&s.contract)),
                StepKind::Reply => format!("{} reply", name(&s.contract)),
                StepKind::Migrate => format!("{} migrate", name(&s.contract)),
                StepKind::Query => {
                    format!("{} query from {}", name(&s.contract), name(&s.origin))
                }
            };
            gas += s.gas;
            steps.push((what, s.gas));
        }
    }
    Measured { op, gas, steps }
}

/// A row of the gas table: ours, and the references' figures for the same operation.
pub struct Row {
    pub ours: Measured,
    pub references: Vec<(&'static str, Measured)>,
    /// What the figures count.
    pub counted: &'static str,
    /// The most the ratio to a reference may be.
    pub target: Option<f64>,
}

impl Row {
    pub fn op(&self) -> &'static str {
        self.ours.op
    }
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
        measure(op, &[&out], &[(token, "token")], Some(&[token]))
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

/// Takes the measurement of `op` out of `list`.
fn take(list: &mut Vec<Measured>, op: &str) -> Option<Measured> {
    let at = list.iter().position(|m| m.op == op)?;
    Some(list.remove(at))
}

fn row(
    ours: Measured,
    references: Vec<(&'static str, &mut Vec<Measured>)>,
    counted: &'static str,
    target: Option<f64>,
) -> Row {
    let references: Vec<_> = references
        .into_iter()
        .filter_map(|(name, list)| take(list, ours.op).map(|m| (name, m)))
        .collect();
    let target = if references.is_empty() { None } else { target };
    Row {
        ours,
        references,
        counted,
        target,
    }
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
    let mut ref_cw20 = cw20_ops(&ref_chain, &ref_token, &ref_receiver);
    for m in cw20_ops(&ours_chain, &ours_token, &ours_receiver) {
        let target = (m.op == "token transfer").then_some(1.10);
        let refs = vec![(reference::CW20, &mut ref_cw20)];
        rows.push(row(m, refs, "the token's execution", target));
    }

    // vesting, ours against cw-vesting 2.6
    let mut cw_vesting = reference::cw_vesting_ops();
    for m in ours::vesting_ops() {
        let counted = if m.op.starts_with("vesting") {
            "the whole transaction"
        } else {
            "the token's execution"
        };
        let refs = vec![(reference::CW_VESTING, &mut cw_vesting)];
        rows.push(row(m, refs, counted, Some(0.80)));
    }

    // governance, ours against DAO DAO 2.6 and cw3-flex-multisig 2.0; the reward claim against
    // dao-rewards-distributor 2.6
    let mut dao_dao = reference::dao_dao_ops();
    let mut cw3 = reference::cw3_ops();
    let mut rewards = reference::rewards_ops();
    for m in ours::governance_ops() {
        if m.op == "reward claim" {
            let refs = vec![(reference::REWARDS, &mut rewards)];
            rows.push(row(m, refs, "the whole transaction", Some(0.80)));
        } else {
            let refs = vec![
                (reference::DAO_DAO, &mut dao_dao),
                (reference::CW3, &mut cw3),
            ];
            let counted = "governance's calls and the queries they make";
            rows.push(row(m, refs, counted, Some(0.80)));
        }
    }

    for m in ours::treasury_ops() {
        rows.push(row(m, vec![], "the treasury's execution", None));
    }
    for m in ours::escrow_ops() {
        rows.push(row(m, vec![], "the escrow's execution", None));
    }

    let scaling = scaling::run();
    report::write(&rows, &scaling);
}
