//! The schemas drive the shipped binaries: for every variant of every contract's `execute`,
//! `query` and cw20 `receive` payload in `schema/*.json`, an example generated from the schema
//! alone is fed through the real entry point of the real wasm (hook payloads through the
//! token's `send`). The contract may refuse what the example asks (unauthorized, not found),
//! but never its JSON, and the VM never stops. Every variant is visited: the count of calls
//! matches the count of variants in the schemas.

#[path = "schema_walk/example.rs"]
mod example;
#[path = "common/schema.rs"]
mod schema;
#[path = "common/suite.rs"]
mod suite;

use cosmwasm_std::{Binary, Uint128};
use serde_json::Value;

use example::{example, Context};
use suite::{bootstrap, json_refusal, vm_stopped, Suite, GRANT, JOB, OPEN, PASSED};

/// The kinds of message a schema describes, and how one is sent.
#[derive(Clone, Copy, Debug)]
enum Kind {
    Execute,
    Query,
    Receive,
}

/// Sends the example `msg` of `kind` to `contract`; the error, if it was refused.
fn send(s: &Suite, kind: Kind, contract: &str, sender: &str, msg: &Value) -> Option<String> {
    let bytes = serde_json::to_vec(msg).unwrap();
    let chain = &s.chain;
    let result = match kind {
        Kind::Execute => chain
            .execute_bytes(sender, contract, &bytes, vec![])
            .map(|_| ()),
        Kind::Query => chain.query_bytes(contract, &bytes).map(|_| ()),
        Kind::Receive => {
            let send = commons::reward_token::ExecuteMsg::Send {
                contract: contract.to_string(),
                amount: Uint128::new(1),
                msg: Binary::from(bytes),
            };
            chain
                .execute(&s.addr("alice"), &s.token, &send, vec![])
                .map(|_| ())
        }
    };
    result.err()
}

#[test]
fn every_schema_variant_is_read_by_the_real_wasm() {
    let s = bootstrap();
    let address = s.addr("bob");
    let future_nanos = s.chain.time().plus_seconds(1_000).nanos();
    let mut visited = 0;
    let mut in_schemas = 0;
    let mut failures = vec![];
    for (name, krate) in schema::CONTRACTS {
        let schema = schema::load(krate);
        let contract = match name {
            "token" => &s.token,
            "treasury" => &s.treasury,
            "governance" => &s.gov,
            _ => &s.escrow,
        };
        // who may send most of a contract's messages: a member, or governance as owner
        let sender = match name {
            "token" | "governance" => s.addr("alice"),
            _ => s.gov.clone(),
        };
        for (kind, key) in [
            (Kind::Execute, "execute"),
            (Kind::Query, "query"),
            (Kind::Receive, "receive"),
        ] {
            let message = &schema[key];
            let variants = schema::variants(message);
            in_schemas += message["oneOf"].as_array().map_or(0, Vec::len);
            for (variant, option) in variants {
                // the open proposal (the passed one where only that makes sense), the running
                // job, bob's grant
                let proposal = match variant.as_str() {
                    "execute" | "run_actions" | "guardian_veto" => PASSED,
                    _ => OPEN,
                };
                let ids = [
                    ("proposal_id", proposal),
                    ("proposal_ids", proposal),
                    ("job_id", JOB),
                    ("job_ids", JOB),
                    ("grant_id", GRANT),
                    ("grant_ids", GRANT),
                ];
                let ctx = Context {
                    definitions: &message["definitions"],
                    address: address.clone(),
                    future_nanos,
                    ids: &ids,
                };
                let msg = example(&ctx, &option, "");
                let checkpoint = s.chain.checkpoint().unwrap();
                let refused = send(&s, kind, contract, &sender, &msg);
                s.chain.rollback(checkpoint).unwrap();
                visited += 1;
                match refused {
                    Some(e) if vm_stopped(&e) || json_refusal(&e) => {
                        failures.push(format!("{name} {key} {variant}: {msg}\n  -> {e}"))
                    }
                    Some(e) => println!(
                        "{name} {key} {variant}: refused: {}",
                        &e[..e.len().min(160)]
                    ),
                    None => println!("{name} {key} {variant}: accepted"),
                }
            }
        }
    }
    println!("schema walk: {visited} variants visited of {in_schemas} in the schemas");
    assert!(
        failures.is_empty(),
        "{} variants failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(
        visited, in_schemas,
        "every variant of the schemas is visited"
    );
    assert!(
        visited > 100,
        "the schemas name every message of the four contracts"
    );
}
