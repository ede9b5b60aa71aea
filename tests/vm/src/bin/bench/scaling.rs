//! Gas of the hot operations with N existing holders, proposals, voters and jobs. The N entries
//! are copies of one real entry (every storage record whose key names it), written straight
//! into storage, so building 100,000 of them takes seconds and does not depend on the layout.

use commons_vm_tests::Chain;
use serde_json::json;

use crate::{ours, reference};

pub const SIZES: [usize; 3] = [10, 1_000, 100_000];

pub struct Series {
    pub op: &'static str,
    pub gas: Vec<u64>,
}

/// Addresses holder0, holder1, ... as key bytes.
fn addresses<'a>(
    chain: &'a Chain,
    prefix: &'a str,
    n: usize,
) -> impl Iterator<Item = Vec<u8>> + 'a {
    (0..n).map(move |i| chain.addr(&format!("{prefix}{i}")).into_bytes())
}

/// Ids 2..=n+1 as big-endian u64 key bytes.
fn ids(n: usize) -> impl Iterator<Item = Vec<u8>> {
    (2..=n as u64 + 1).map(|id| id.to_be_bytes().to_vec())
}

/// A transfer after `n` holders were copied from a real one ("template").
fn transfer_with_holders(ours: bool, n: usize) -> u64 {
    let chain = Chain::new();
    let token = if ours {
        ours::token(&chain, &["alice"])
    } else {
        reference::cw20(&chain, "ref-token", &["alice"], &chain.addr("minter"))
    };
    let alice = chain.addr("alice");
    let to_template = json!({"transfer": {"recipient": chain.addr("template"), "amount": "1000"}});
    chain.execute(&alice, &token, &to_template, vec![]).unwrap();
    let template = chain.addr("template");
    chain
        .clone_keyed(&token, template.as_bytes(), addresses(&chain, "holder", n))
        .unwrap();
    chain.next_block(5);
    let msg = json!({"transfer": {"recipient": chain.addr("newcomer"), "amount": "100"}});
    chain
        .execute(&alice, &token, &msg, vec![])
        .unwrap()
        .gas_in(&[&token])
}

/// Alice's vote with `n` other proposals, and her reward claim with `n` other voters' ballots.
fn governance_with(n: usize) -> (u64, u64) {
    let d = ours::dao();
    let c = &d.chain;
    ours::propose(&d, vec![]);
    ours::vote(&d, "carol", 1);
    c.clone_keyed(&d.gov, &1u64.to_be_bytes(), ids(n)).unwrap();
    let carol = c.addr("carol");
    c.clone_keyed(&d.gov, carol.as_bytes(), addresses(c, "voter", n))
        .unwrap();
    c.next_block(5);
    let vote = ours::vote(&d, "alice", 1).gas_in(&[&d.gov]);
    // claims open once the proposal's one-day reward period has ended
    c.next_block(86_400);
    let claim = json!({"claim_vote_rewards": {"proposal_ids": [1]}});
    let claim = c
        .execute(&c.addr("alice"), &d.gov, &claim, vec![])
        .unwrap()
        .gas_in(&[&d.gov]);
    (vote, claim)
}

/// report_usage and claim_payments on job 1 with `n` other jobs copied from it.
fn escrow_with(n: usize) -> (u64, u64) {
    let m = ours::market();
    ours::create_job(&m);
    ours::accept_job(&m, 1);
    m.chain
        .clone_keyed(&m.escrow, &1u64.to_be_bytes(), ids(n))
        .unwrap();
    let report = ours::report_usage(&m, 1).gas_in(&[&m.escrow]);
    m.chain.next_block(600);
    let claim = ours::claim_payments(&m, 1).gas_in(&[&m.escrow]);
    (report, claim)
}

pub fn run() -> Vec<Series> {
    let ours_t = SIZES
        .iter()
        .map(|n| transfer_with_holders(true, *n))
        .collect();
    let ref_t = SIZES
        .iter()
        .map(|n| transfer_with_holders(false, *n))
        .collect();
    let gov: Vec<(u64, u64)> = SIZES.iter().map(|n| governance_with(*n)).collect();
    let esc: Vec<(u64, u64)> = SIZES.iter().map(|n| escrow_with(*n)).collect();
    vec![
        Series {
            op: "token transfer (N holders)",
            gas: ours_t,
        },
        Series {
            op: "cw20-base 2.0 transfer (N holders)",
            gas: ref_t,
        },
        Series {
            op: "governance vote (N proposals)",
            gas: gov.iter().map(|g| g.0).collect(),
        },
        Series {
            op: "governance claim_vote_rewards (N other voters)",
            gas: gov.iter().map(|g| g.1).collect(),
        },
        Series {
            op: "escrow report_usage (N jobs)",
            gas: esc.iter().map(|e| e.0).collect(),
        },
        Series {
            op: "escrow claim_payments (N jobs)",
            gas: esc.iter().map(|e| e.1).collect(),
        },
    ]
}
