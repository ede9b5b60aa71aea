//! Thresholds at their exact boundaries, early outcomes, the minimum period, revoting, veto.
//! Total power is 1_000 (alice 400, bob 300, carol 200, dave 100).

use super::*;

/// Runs a vote where alice and dave vote yes (500) and bob no (300), then ends the voting
/// period, under `threshold`; returns the final status.
fn outcome_with(threshold: Threshold, with_bob: bool) -> Status {
    let mut s = Suite::with(|m| m.threshold = threshold);
    let id = s.propose("alice", vec![]).unwrap();
    s.vote("alice", id, Vote::Yes).unwrap();
    s.vote("dave", id, Vote::Yes).unwrap();
    if with_bob {
        s.vote("bob", id, Vote::No).unwrap();
    }
    settle(&mut s, id)
}

/// The final status: as it is if already decided, else at the end of voting.
fn settle(s: &mut Suite, id: u64) -> Status {
    if s.status(id) == Status::Open {
        let end = s.proposal(id).voting_ends_at;
        s.go_to(end);
    }
    s.status(id)
}

#[test]
fn absolute_count_boundary() {
    let count = |weight| outcome_with(Threshold::AbsoluteCount { weight }, true);
    assert_eq!(count(499), Status::Passed);
    assert_eq!(count(500), Status::Passed);
    assert_eq!(count(501), Status::Rejected);
}

#[test]
fn absolute_percentage_boundary() {
    // 500 yes of 1_000: 49.9% and 50% pass, 50.1% (501 needed) does not
    let pct = |p| {
        outcome_with(
            Threshold::AbsolutePercentage {
                percentage: Decimal::permille(p),
            },
            true,
        )
    };
    assert_eq!(pct(499), Status::Passed);
    assert_eq!(pct(500), Status::Passed);
    assert_eq!(pct(501), Status::Rejected);
}

#[test]
fn threshold_quorum_boundaries() {
    // without bob: 500 cast (quorum 50% met exactly), all yes
    let quorum = |q| {
        outcome_with(
            Threshold::ThresholdQuorum {
                threshold: Decimal::percent(50),
                quorum: Decimal::permille(q),
            },
            false,
        )
    };
    assert_eq!(quorum(499), Status::Passed);
    assert_eq!(quorum(500), Status::Passed);
    assert_eq!(quorum(501), Status::Rejected);
    // with bob: 500 yes of 800 opinions = 62.5%
    let threshold = |t| {
        outcome_with(
            Threshold::ThresholdQuorum {
                threshold: Decimal::permille(t),
                quorum: Decimal::percent(10),
            },
            true,
        )
    };
    assert_eq!(threshold(624), Status::Passed);
    assert_eq!(threshold(625), Status::Passed);
    assert_eq!(threshold(626), Status::Rejected);
}

#[test]
fn abstain_is_excluded_from_the_percentage_base() {
    // 50% of (1_000 - 300 abstain) = 350: alice's 400 passes
    let mut s = Suite::new();
    let id = s.propose("alice", vec![]).unwrap();
    s.vote("bob", id, Vote::Abstain).unwrap();
    s.vote("alice", id, Vote::Yes).unwrap();
    assert_eq!(settle(&mut s, id), Status::Passed);
}

#[test]
fn early_pass_and_reject_when_the_rest_cannot_change_it() {
    let mut s = Suite::new();
    let id = s.propose("alice", vec![]).unwrap();
    s.vote("alice", id, Vote::Yes).unwrap();
    assert_eq!(s.status(id), Status::Open);
    let res = s.vote("bob", id, Vote::Yes).unwrap();
    assert_eq!(attr(&res, "status").as_deref(), Some("passed"));
    let p = s.proposal(id);
    assert_eq!(p.decided_at, Some(s.app.block_info().time));
    assert_eq!(
        p.executable_at,
        Some(s.app.block_info().time.plus_seconds(DELAY))
    );
    // the rest can no longer vote
    let err = s
        .vote("carol", id, Vote::No)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(
        err,
        ContractError::VotingClosed {
            proposal_id: id,
            status: Status::Passed
        }
    );

    let id = s.propose("alice", vec![]).unwrap();
    s.vote("alice", id, Vote::No).unwrap();
    s.vote("bob", id, Vote::No).unwrap();
    assert_eq!(s.status(id), Status::Rejected);
}

#[test]
fn no_early_outcome_before_the_minimum_period() {
    let mut s = Suite::with(|m| m.min_voting_period_seconds = Some(300));
    let id = s.propose("alice", vec![]).unwrap();
    let min_end = s.proposal(id).min_voting_ends_at;
    s.vote("alice", id, Vote::Yes).unwrap();
    s.vote("bob", id, Vote::Yes).unwrap();
    assert_eq!(s.status(id), Status::Open);
    s.go_to(min_end.minus_seconds(1));
    assert_eq!(s.status(id), Status::Open);
    // votes still count until then
    s.vote("carol", id, Vote::No).unwrap();
    s.go_to(min_end);
    let p = s.proposal(id);
    assert_eq!(p.status, Status::Passed);
    assert_eq!(p.decided_at, Some(min_end));
    assert_eq!(p.executable_at, Some(min_end.plus_seconds(DELAY)));
}

#[test]
fn revoting_means_no_early_outcome() {
    let mut s = Suite::with(|m| m.allow_revoting = true);
    let id = s.propose("alice", vec![]).unwrap();
    for m in ["alice", "bob", "carol", "dave"] {
        s.vote(m, id, Vote::Yes).unwrap();
    }
    let end = s.proposal(id).voting_ends_at;
    s.go_to(end.minus_seconds(1));
    assert_eq!(s.status(id), Status::Open);
    // change of mind: the tally moves the power, it does not add it
    s.vote("alice", id, Vote::No).unwrap();
    s.vote("bob", id, Vote::No).unwrap();
    let t = s.proposal(id).tally;
    assert_eq!((t.yes.u128(), t.no.u128()), (300, 700));
    s.go_to(end);
    assert_eq!(s.status(id), Status::Rejected);
    assert_eq!(s.proposal(id).executable_at, None);
}

#[test]
fn veto_above_one_third_of_votes_cast() {
    let count = Threshold::AbsoluteCount { weight: 400 };
    // veto exactly one third of the votes cast: not vetoed
    let mut s = Suite::with(|m| m.threshold = count.clone());
    let id = s.propose("alice", vec![]).unwrap();
    s.vote("alice", id, Vote::Yes).unwrap();
    s.vote("carol", id, Vote::Veto).unwrap();
    let end = s.proposal(id).voting_ends_at;
    s.go_to(end);
    assert_eq!(s.status(id), Status::Passed);

    // one more veto vote: above one third
    let mut s = Suite::with(|m| m.threshold = count);
    let id = s.propose("alice", vec![]).unwrap();
    s.vote("alice", id, Vote::Yes).unwrap();
    s.vote("carol", id, Vote::Veto).unwrap();
    s.vote("dave", id, Vote::Veto).unwrap();
    let end = s.proposal(id).voting_ends_at;
    s.go_to(end);
    assert_eq!(s.status(id), Status::Vetoed);
}

#[test]
fn early_veto_when_certain() {
    let mut s = Suite::new();
    let id = s.propose("alice", vec![]).unwrap();
    s.vote("alice", id, Vote::Veto).unwrap(); // 400 * 3 > 1_000
    assert_eq!(s.status(id), Status::Vetoed);
}

#[test]
fn voting_closes_at_the_end_second() {
    let mut s = Suite::new();
    let id = s.propose("alice", vec![]).unwrap();
    let end = s.proposal(id).voting_ends_at;
    s.go_to(end.minus_seconds(1));
    s.vote("dave", id, Vote::Yes).unwrap();
    s.go_to(end);
    let err = s
        .vote("carol", id, Vote::Yes)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(
        err,
        ContractError::VotingClosed {
            proposal_id: id,
            status: Status::Rejected
        }
    );
}
