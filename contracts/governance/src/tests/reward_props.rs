//! Property test of voter rewards: random members, proposals over one or more periods (some
//! of them spam that only their proposer votes on), votes, settings and claim orders, played
//! twice: once as drawn, once with the first member's tokens split over 2 to 4 accounts and
//! the claims in another order. Checks that every voter is paid exactly what the formula
//! promises (so spam costs other voters nothing beyond it and the order of claims changes no
//! one's amount), that no period pays more than its pool, that no member earns more than its
//! power share of a period's pool however many proposals it creates, and that splitting
//! tokens never earns more and loses at most one unit per extra account and proposal.

use std::collections::BTreeMap;

use super::rewards::{claim, pending, settings, PERIOD};
use super::*;
use proptest::prelude::*;

#[derive(Debug, Clone)]
struct ProposalPlan {
    proposer: usize,
    /// created in the next period rather than the current one
    next_period: bool,
    /// only its proposer votes
    spam: bool,
    /// per member, its vote if any
    votes: Vec<Option<Vote>>,
}

#[derive(Debug, Clone)]
struct Plan {
    /// member i is "m{i}"; member 0 holds at least 4 tokens, so it can be split
    powers: Vec<u128>,
    /// weights of member 0's split accounts
    parts: Vec<u128>,
    pool: u128,
    min_turnout_permille: u64,
    proposals: Vec<ProposalPlan>,
}

/// An account: its name, the member whose tokens it holds, and its power.
type Account = (String, usize, u128);

/// What each (account, proposal) pays, keyed by account name and proposal id.
type Paid = BTreeMap<(String, u64), u128>;

fn accounts(plan: &Plan, split: bool) -> Vec<Account> {
    let mut out: Vec<Account> = Vec::new();
    for (i, power) in plan.powers.iter().enumerate() {
        if i == 0 && split {
            // each split account gets 1, the rest by weight, the remainder to the last
            let k = plan.parts.len() as u128;
            let spread = power - k;
            let sum: u128 = plan.parts.iter().sum();
            let mut given = 0;
            for (j, part) in plan.parts.iter().enumerate() {
                let share = if j + 1 == plan.parts.len() {
                    spread - given
                } else {
                    spread * part / sum
                };
                given += share;
                out.push((format!("m0s{j}"), 0, 1 + share));
            }
        } else {
            out.push((format!("m{i}"), i, *power));
        }
    }
    out
}

/// Proposal ids by reward period, in the order created.
fn periods(plan: &Plan) -> Vec<Vec<u64>> {
    let mut out: Vec<Vec<u64>> = vec![vec![]];
    for (i, p) in plan.proposals.iter().enumerate() {
        if p.next_period && !out.last().is_some_and(Vec::is_empty) {
            out.push(vec![]);
        }
        if let Some(last) = out.last_mut() {
            last.push(i as u64 + 1);
        }
    }
    out
}

fn votes_of(p: &ProposalPlan, member: usize) -> Option<Vote> {
    match p.spam {
        true if member == p.proposer => Some(Vote::Yes),
        true => None,
        false => p.votes.get(member).copied().flatten(),
    }
}

/// The formula, computed apart from the contract: `pool * power / (proposals in the period *
/// total power)`, rounded down, for voters of proposals whose turnout reached the minimum.
fn model(plan: &Plan, accts: &[Account]) -> Paid {
    let total: u128 = plan.powers.iter().sum();
    let mut paid = Paid::new();
    for ids in periods(plan) {
        let n = ids.len() as u128;
        for id in ids {
            let p = &plan.proposals[id as usize - 1];
            let cast: u128 = accts
                .iter()
                .filter(|a| votes_of(p, a.1).is_some())
                .map(|a| a.2)
                .sum();
            let reached = cast * 1_000 >= total * plan.min_turnout_permille as u128;
            for (name, member, power) in accts {
                let voted = votes_of(p, *member).is_some();
                let amount = match voted && reached {
                    true => plan.pool * power / (n * total),
                    false => 0,
                };
                paid.insert((name.clone(), id), amount);
            }
        }
    }
    paid
}

/// A small deterministic shuffle source, so each play's claim order comes from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self, below: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % below as u64) as usize
    }
}

/// Plays the plan with these accounts and claims in the order `seed` draws; returns what was
/// paid per (account, proposal), checked against the formula and the claims' amounts.
fn play(plan: &Plan, accts: &[Account], seed: u64) -> Result<Paid, TestCaseError> {
    let min_turnout = Decimal::permille(plan.min_turnout_permille);
    let mut s = Suite::build(accts.iter().map(|a| (a.0.clone(), a.2)).collect(), |m| {
        m.voter_rewards = Some(settings(plan.pool, PERIOD, min_turnout));
        // no early decisions: every planned vote is cast
        m.allow_revoting = true;
    });
    let start = s.app.block_info().time.minus_seconds(5);
    let mut period = 0;
    for (i, p) in plan.proposals.iter().enumerate() {
        if p.next_period && i > 0 {
            period += 1;
            s.go_to(start.plus_seconds(period * PERIOD + 1));
        } else {
            s.next_block(10);
        }
        let proposer = accts.iter().find(|a| a.1 == p.proposer).unwrap();
        let id = s.propose(&proposer.0, vec![]).unwrap();
        prop_assert_eq!(id, i as u64 + 1);
        for (name, member, _) in accts {
            if let Some(v) = votes_of(p, *member) {
                s.vote(name, id, v).unwrap();
            }
        }
    }
    // every period over, every vote closed
    s.go_to(start.plus_seconds((period + 1) * PERIOD + VOTING));

    let ids: Vec<u64> = (1..=plan.proposals.len() as u64).collect();
    let want = model(plan, accts);
    let mut paid = Paid::new();
    for (name, _, _) in accts {
        let p = pending(&s, name, ids.clone());
        for r in &p.rewards {
            paid.insert((name.clone(), r.proposal_id), r.amount.u128());
        }
    }
    prop_assert_eq!(&paid, &want);

    // every account's ids, shuffled, in batches of 1 to 4, the batches of all accounts mixed
    let mut rng = Rng(seed | 1);
    let mut batches: Vec<(String, Vec<u64>)> = Vec::new();
    for (name, _, _) in accts {
        let mut mine = ids.clone();
        for i in (1..mine.len()).rev() {
            mine.swap(i, rng.next(i + 1));
        }
        while !mine.is_empty() {
            let size = (1 + rng.next(4)).min(mine.len());
            batches.push((name.clone(), mine.drain(..size).collect()));
        }
    }
    for i in (1..batches.len()).rev() {
        batches.swap(i, rng.next(i + 1));
    }
    for (name, batch) in batches {
        let expected: u128 = batch.iter().map(|id| paid[&(name.clone(), *id)]).sum();
        let res = claim(&mut s, &name, batch.clone());
        if expected == 0 {
            let err = res.unwrap_err().downcast::<ContractError>().unwrap();
            prop_assert_eq!(err, ContractError::NothingToClaim);
        } else {
            let amount = attr(&res.unwrap(), "amount").unwrap();
            prop_assert_eq!(amount, expected.to_string(), "{} {:?}", name, batch);
        }
    }
    // nothing is paid twice
    for (name, _, _) in accts {
        let err = claim(&mut s, name, ids.clone()).unwrap_err();
        let err = err.downcast::<ContractError>().unwrap();
        prop_assert_eq!(err, ContractError::NothingToClaim);
    }
    Ok(paid)
}

fn check(plan: Plan, seeds: (u64, u64)) -> Result<(), TestCaseError> {
    let whole = accounts(&plan, false);
    let split = accounts(&plan, true);
    let paid = play(&plan, &whole, seeds.0)?;
    let paid_split = play(&plan, &split, seeds.1)?;
    let total: u128 = plan.powers.iter().sum();
    let k = plan.parts.len() as u128;

    for ids in periods(&plan) {
        // a period pays at most its pool
        let sum: u128 = paid
            .iter()
            .filter(|((_, id), _)| ids.contains(id))
            .map(|(_, a)| a)
            .sum();
        prop_assert!(sum <= plan.pool, "period {:?} paid {}", ids, sum);
        // no member earns more than its power share of the pool, spam included
        for (name, _, power) in &whole {
            let earned: u128 = ids.iter().map(|id| paid[&(name.clone(), *id)]).sum();
            prop_assert!(
                earned <= plan.pool * power / total,
                "{} earned {}",
                name,
                earned
            );
        }
    }
    for id in 1..=plan.proposals.len() as u64 {
        // the other members' amounts do not depend on the claim order or on the split
        for (name, _, _) in whole.iter().skip(1) {
            let key = (name.clone(), id);
            prop_assert_eq!(paid[&key], paid_split[&key]);
        }
        // splitting never earns more, and each extra account loses at most one unit
        let alone = paid[&("m0".to_string(), id)];
        let together: u128 = split
            .iter()
            .filter(|a| a.1 == 0)
            .map(|a| paid_split[&(a.0.clone(), id)])
            .sum();
        prop_assert!(together <= alone, "split earned {} > {}", together, alone);
        prop_assert!(
            together + (k - 1) >= alone,
            "split lost {} - {}",
            alone,
            together
        );
    }
    Ok(())
}

fn vote() -> impl Strategy<Value = Option<Vote>> {
    prop_oneof![
        2 => Just(None),
        3 => Just(Some(Vote::Yes)),
        2 => Just(Some(Vote::No)),
        1 => Just(Some(Vote::Abstain)),
        1 => Just(Some(Vote::Veto)),
    ]
}

fn plan() -> impl Strategy<Value = Plan> {
    (2usize..=5)
        .prop_flat_map(|members| {
            let powers = (
                4u128..=1_000,
                prop::collection::vec(1u128..=1_000, members - 1),
            )
                .prop_map(|(first, rest)| [vec![first], rest].concat());
            let proposal = (
                0..members,
                prop::bool::weighted(0.25),
                prop::bool::weighted(0.3),
                prop::collection::vec(vote(), members),
            )
                .prop_map(|(proposer, next_period, spam, votes)| ProposalPlan {
                    proposer,
                    next_period,
                    spam,
                    votes,
                });
            (
                powers,
                prop::collection::vec(1u128..=100, 2..=4),
                prop_oneof![1u128..=50, 1u128..=10_000_000],
                1u64..=700,
                prop::collection::vec(proposal, 1..=7),
            )
        })
        .prop_map(
            |(powers, parts, pool, min_turnout_permille, proposals)| Plan {
                powers,
                parts,
                pool,
                min_turnout_permille,
                proposals,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn rewards_follow_the_formula_whatever_the_order_spam_or_split(
        plan in plan(),
        seeds in (any::<u64>(), any::<u64>()),
    ) {
        check(plan, seeds)?;
    }
}

/// The spam story with fixed numbers: one member, a third of the power, opens five proposals
/// only it votes on beside one that everybody votes on.
#[test]
fn a_spammer_earns_at_most_its_power_share() {
    let honest = ProposalPlan {
        proposer: 1,
        next_period: false,
        spam: false,
        votes: vec![Some(Vote::Yes); 3],
    };
    let spam = ProposalPlan {
        proposer: 0,
        spam: true,
        ..honest.clone()
    };
    let plan = Plan {
        powers: vec![300, 300, 300],
        parts: vec![1, 1],
        pool: 6_000,
        min_turnout_permille: 100,
        proposals: vec![
            honest,
            spam.clone(),
            spam.clone(),
            spam.clone(),
            spam.clone(),
            spam,
        ],
    };
    let whole = accounts(&plan, false);
    let paid = play(&plan, &whole, 7).unwrap();
    let earned = |name: &str| -> u128 { (1..=6).map(|id| paid[&(name.to_string(), id)]).sum() };
    // 6_000 / 6 proposals * 300 / 900 = 333 per proposal, on all six
    assert_eq!(earned("m0"), 6 * 333);
    assert!(earned("m0") <= 6_000 / 3);
    // the others voted only on the honest proposal: its share, as the formula says
    assert_eq!((earned("m1"), earned("m2")), (333, 333));
    check(plan, (3, 11)).unwrap();
}
