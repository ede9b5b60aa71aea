//! Property test of counting: random members, powers, thresholds and votes. Checks that the
//! tally is the sum of the voters' snapshot powers per option, that the final status agrees
//! with a plain re-computation, and that an early decision holds for every way the remaining
//! members could still vote (checked by enumerating them all).

use super::*;
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Rule {
    Count(u64),
    /// permille
    Percentage(u64),
    /// permille threshold, permille quorum
    Quorum(u64, u64),
}

impl Rule {
    fn threshold(&self) -> Threshold {
        match *self {
            Rule::Count(w) => Threshold::AbsoluteCount { weight: w },
            Rule::Percentage(p) => Threshold::AbsolutePercentage {
                percentage: Decimal::permille(p),
            },
            Rule::Quorum(t, q) => Threshold::ThresholdQuorum {
                threshold: Decimal::permille(t),
                quorum: Decimal::permille(q),
            },
        }
    }
}

/// [yes, no, abstain, veto]
type Counts = [u128; 4];

fn index(v: Vote) -> usize {
    match v {
        Vote::Yes => 0,
        Vote::No => 1,
        Vote::Abstain => 2,
        Vote::Veto => 3,
    }
}

/// Plain integer re-computation of the outcome if voting ended with `c`.
fn model_status(rule: &Rule, c: Counts, total: u128) -> Status {
    let [yes, no, abstain, veto] = c;
    let cast = yes + no + abstain + veto;
    if veto * 3 > cast {
        return Status::Vetoed;
    }
    let passed = match *rule {
        Rule::Count(w) => yes >= w as u128,
        Rule::Percentage(p) => total > abstain && yes * 1000 >= (total - abstain) * p as u128,
        Rule::Quorum(t, q) => {
            let opinions = cast - abstain;
            cast * 1000 >= total * q as u128 && opinions > 0 && yes * 1000 >= opinions * t as u128
        }
    };
    if passed {
        Status::Passed
    } else {
        Status::Rejected
    }
}

/// Every outcome reachable when each of `rest` votes any option or not at all.
fn reachable(rule: &Rule, c: Counts, total: u128, rest: &[u128]) -> Vec<Status> {
    let Some((first, others)) = rest.split_first() else {
        return vec![model_status(rule, c, total)];
    };
    let mut out = reachable(rule, c, total, others);
    for option in 0..4 {
        let mut next = c;
        next[option] += first;
        out.extend(reachable(rule, next, total, others));
    }
    out
}

fn rule() -> impl Strategy<Value = Rule> {
    prop_oneof![
        (1u64..=1_500).prop_map(Rule::Count),
        (1u64..=1_000).prop_map(Rule::Percentage),
        ((1u64..=1_000), (1u64..=1_000)).prop_map(|(t, q)| Rule::Quorum(t, q)),
    ]
}

fn vote() -> impl Strategy<Value = Option<Vote>> {
    prop_oneof![
        1 => Just(None),
        3 => Just(Some(Vote::Yes)),
        2 => Just(Some(Vote::No)),
        1 => Just(Some(Vote::Abstain)),
        1 => Just(Some(Vote::Veto)),
    ]
}

fn run(powers: Vec<u128>, votes: Vec<Option<Vote>>, rule: Rule) -> Result<(), TestCaseError> {
    let members: Vec<(String, u128)> = powers
        .iter()
        .enumerate()
        .map(|(i, p)| (format!("m{i}"), *p))
        .collect();
    let total: u128 = powers.iter().sum();
    let mut s = Suite::build(members.clone(), |m| m.threshold = rule.threshold());
    let id = s.propose("m0", vec![]).unwrap();
    let mut counts: Counts = [0; 4];
    let mut early: Option<Status> = None;

    for (i, v) in votes.iter().take(members.len()).enumerate() {
        let Some(v) = *v else { continue };
        let voter = &members[i].0;
        let res = s.vote(voter, id, v);
        if let Some(status) = early {
            let err = res.unwrap_err().downcast::<ContractError>().unwrap();
            prop_assert_eq!(
                err,
                ContractError::VotingClosed {
                    proposal_id: id,
                    status
                }
            );
            continue;
        }
        prop_assert!(res.is_ok(), "{:?}", res);
        counts[index(v)] += members[i].1;
        let p = s.proposal(id);
        prop_assert_eq!(
            [
                p.tally.yes.u128(),
                p.tally.no.u128(),
                p.tally.abstain.u128(),
                p.tally.veto.u128()
            ],
            counts
        );
        if p.status != Status::Open {
            // decided early: every completion by the members who have not voted yet agrees
            let rest: Vec<u128> = (i + 1..members.len()).map(|j| members[j].1).collect();
            for outcome in reachable(&rule, counts, total, &rest) {
                prop_assert_eq!(
                    outcome,
                    p.status,
                    "early {:?} but {:?} reachable",
                    p.status,
                    outcome
                );
            }
            early = Some(p.status);
        }
    }
    if early.is_none() {
        let end = s.proposal(id).voting_ends_at;
        s.go_to(end);
        prop_assert_eq!(s.status(id), model_status(&rule, counts, total));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn tally_and_status_match_recomputation(
        powers in prop::collection::vec(1u128..=400, 2..6),
        votes in prop::collection::vec(vote(), 6),
        rule in rule(),
    ) {
        run(powers, votes, rule)?;
    }
}
