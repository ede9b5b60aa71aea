//! Structure-aware fuzzing of the shipped binaries: valid seeds of every execute message and
//! cw20 hook payload of the four contracts, mutated (fields deleted, made up, repeated or
//! retyped; boundary integers of every width; times that overflow in nanoseconds; 100 KB
//! strings; deep nesting; cut bytes; swapped variants; random funds and senders), each run
//! through the real entry points of the bootstrapped suite.
//!
//! Every call must end in a contract's answer, never in the VM stopping it (a panic, an abort,
//! a trap); a refused call must leave every contract's storage as it was; a message with an
//! unknown or repeated field, or cut short, must be refused. `PROPTEST_CASES` sets how many
//! cases run (default below); an accepted call is rolled back so every case starts from the
//! same suite.

#[path = "fuzz/mutate.rs"]
mod mutate;
#[path = "common/schema.rs"]
mod schema;
#[path = "fuzz/seeds.rs"]
mod seeds;
#[path = "fuzz/seeds_dao.rs"]
mod seeds_dao;
#[path = "common/suite.rs"]
mod suite;
#[path = "fuzz/write.rs"]
mod write;

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::time::Instant;

use cosmwasm_std::{Binary, Uint128};
use cosmwasm_std_vm::Coin;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

use mutate::{apply, mutation, Mutation, Plan};
use seeds::{variant, Seed};
use suite::{bootstrap, vm_stopped, Suite, DENOM};
use write::write;

/// Cases of a default run (about half a minute on two cores); `PROPTEST_CASES` overrides it.
const DEFAULT_CASES: u32 = 50_000;

/// One fuzz case: a seed, what to do to it, and maybe another sender and other funds.
#[derive(Clone, Debug)]
struct Case {
    seed: Index,
    mutations: Vec<Mutation>,
    sender: Option<Index>,
    funds: Option<Vec<(Index, Index)>>,
}

fn case() -> impl Strategy<Value = Case> {
    (
        any::<Index>(),
        prop::collection::vec(mutation(), 0..=3),
        prop::option::weighted(0.2, any::<Index>()),
        prop::option::weighted(0.2, prop::collection::vec(any::<(Index, Index)>(), 0..3)),
    )
        .prop_map(|(seed, mutations, sender, funds)| Case {
            seed,
            mutations,
            sender,
            funds,
        })
}

/// Who else may send: every actor and contract of the suite, and strings no chain accepts.
fn senders(s: &Suite) -> Vec<String> {
    let mut all: Vec<String> = [
        "alice", "bob", "carol", "gpu", "client", "guild", "guardian",
    ]
    .iter()
    .map(|n| s.addr(n))
    .collect();
    all.extend([&s.gov, &s.token, &s.treasury, &s.escrow].map(String::clone));
    all.extend([String::new(), "NotAnAddress".into(), "x".repeat(300)]);
    all
}

fn coin(denom: &Index, amount: &Index) -> Coin {
    let denoms = [
        DENOM,
        "uother",
        "",
        "ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2",
    ];
    let amounts = [0, 1, 1_000, u64::MAX as u128, u128::MAX];
    Coin::new(
        amounts[amount.index(amounts.len())],
        denoms[denom.index(denoms.len())],
    )
}

/// The bytes and call of a mutated seed: for a hook payload, the token's `send` of it.
fn message(seed: &Seed, payload: Vec<u8>) -> Vec<u8> {
    match &seed.hook {
        None => payload,
        Some((target, amount)) => {
            let send = commons::reward_token::ExecuteMsg::Send {
                contract: target.clone(),
                amount: Uint128::new(*amount),
                msg: Binary::from(payload),
            };
            serde_json::to_vec(&send).unwrap_or_default()
        }
    }
}

/// Runs one case; `Err` says what went wrong.
fn run(s: &Suite, seeds: &[Seed], actors: &[String], case: &Case) -> Result<bool, String> {
    let seed = &seeds[case.seed.index(seeds.len())];
    let variants: BTreeSet<String> = seeds
        .iter()
        .filter(|o| o.contract == seed.contract && o.hook == seed.hook)
        .map(|o| variant(&o.msg))
        .collect();
    let variants: Vec<String> = variants.into_iter().collect();
    let mut msg = seed.msg.clone();
    let mut plan = Plan::default();
    for m in &case.mutations {
        apply(m, &mut msg, &mut plan, &variants);
    }
    let written = write(&mut msg, &plan);
    let bytes = message(seed, written.bytes);
    let sender = match &case.sender {
        Some(i) => actors[i.index(actors.len())].clone(),
        None => seed.sender.clone(),
    };
    let funds = match &case.funds {
        Some(coins) => coins.iter().map(|(d, a)| coin(d, a)).collect(),
        None => seed.funds.clone(),
    };
    let checkpoint = s.chain.checkpoint()?;
    let before = s.chain.state()?;
    let started = Instant::now();
    let result = s
        .chain
        .execute_bytes(&sender, &seed.contract, &bytes, funds);
    let elapsed = started.elapsed();
    let shown = String::from_utf8_lossy(&bytes[..bytes.len().min(300)]).into_owned();
    let context = format!("{} as {sender}: {shown}", seed.name);
    match result {
        Err(e) if vm_stopped(&e) => Err(format!("the VM stopped {context}\n  -> {}", cut(&e))),
        Err(_) => {
            if s.chain.state()? != before {
                return Err(format!("a refused call changed state: {context}"));
            }
            Ok(false)
        }
        Ok(_) => {
            s.chain.rollback(checkpoint)?;
            match written.must_refuse {
                Some(why) => Err(format!("accepted with {why}: {context}")),
                None if elapsed.as_secs() > 5 => Err(format!("took {elapsed:?}: {context}")),
                None => Ok(true),
            }
        }
    }
}

fn cut(text: &str) -> &str {
    &text[..text.len().min(600)]
}

/// The seeds are one per execute variant and hook payload variant the schemas name.
fn assert_seeds_cover_the_schemas(seeds: &[Seed]) {
    let mut expected = BTreeSet::new();
    for (name, krate) in schema::CONTRACTS {
        let schema = schema::load(krate);
        for (variant, _) in schema::variants(&schema["execute"]) {
            expected.insert(format!("{name}.{variant}"));
        }
        for (variant, _) in schema::variants(&schema["receive"]) {
            expected.insert(format!("{name}.receive.{variant}"));
        }
    }
    let names: BTreeSet<String> = seeds.iter().map(|s| s.name.clone()).collect();
    assert_eq!(names, expected, "seeds and schema variants differ");
    assert_eq!(names.len(), seeds.len(), "one seed per variant");
}

#[test]
fn mutated_messages_never_stop_the_vm_and_refusals_change_nothing() {
    let s = bootstrap();
    let seeds = seeds::seeds(&s);
    assert_seeds_cover_the_schemas(&seeds);
    let actors = senders(&s);
    // every seed is well formed: unmutated, none is refused for its JSON
    let mut seeds_accepted = 0;
    for seed in &seeds {
        let bytes = message(seed, serde_json::to_vec(&seed.msg).unwrap());
        let checkpoint = s.chain.checkpoint().unwrap();
        match s
            .chain
            .execute_bytes(&seed.sender, &seed.contract, &bytes, seed.funds.clone())
        {
            Ok(_) => {
                seeds_accepted += 1;
                s.chain.rollback(checkpoint).unwrap();
            }
            Err(e) => {
                assert!(
                    !suite::json_refusal(&e) && !vm_stopped(&e),
                    "{}: {e}",
                    seed.name
                );
                println!("seed {} refused: {}", seed.name, cut(&e));
            }
        }
    }
    println!(
        "{seeds_accepted} of {} seeds accepted as they are",
        seeds.len()
    );
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(DEFAULT_CASES);
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    let accepted = std::cell::Cell::new(0u32);
    let started = Instant::now();
    // A contract the VM stopped may be left unusable (a trap does not unwind its memory), so
    // the suite is built again after a failure, and shrinking sees each case on a sound suite
    // (the suite is deterministic: the same addresses, ids and times).
    let suite = RefCell::new(s);
    let outcome = runner.run(&case(), |case| {
        let result = run(&suite.borrow(), &seeds, &actors, &case);
        if result.is_err() {
            *suite.borrow_mut() = bootstrap();
        }
        accepted.set(accepted.get() + u32::from(result.map_err(TestCaseError::fail)?));
        Ok(())
    });
    println!(
        "fuzz: {cases} cases over {} seeds in {:?}, {} accepted",
        seeds.len(),
        started.elapsed(),
        accepted.get()
    );
    if let Err(e) = outcome {
        panic!("{e}");
    }
}
