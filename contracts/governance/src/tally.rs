//! Vote counting: thresholds (cw3 semantics), veto, and when an outcome is final.
//!
//! All comparisons are exact: products are taken in 256 bits and every "needed" amount is
//! rounded up, so a proposal never passes on a rounding error.

use commons::governance::Tally;
use cosmwasm_std::{Decimal, Uint128, Uint256};
use cw_utils::Threshold;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Passed,
    Rejected,
    Vetoed,
}

fn wide(x: Uint128) -> Uint256 {
    Uint256::from(x)
}

/// Votes cast, any option.
pub fn cast(t: &Tally) -> Uint256 {
    wide(t.yes) + wide(t.no) + wide(t.abstain) + wide(t.veto)
}

/// `ceil(weight * fraction)`: the smallest whole amount that reaches the fraction.
fn needed(weight: Uint256, fraction: Decimal) -> Uint256 {
    let scale = Uint256::from(10u128.pow(Decimal::DECIMAL_PLACES));
    let numerator = weight * Uint256::from(fraction.atomics());
    // ceil division
    (numerator + scale - Uint256::one()) / scale
}

/// Whether the tally passes `threshold` if voting ended now. Abstain is excluded from the
/// base as cw3 defines; veto counts as no.
pub fn passes(threshold: &Threshold, t: &Tally, total_power: Uint128) -> bool {
    let yes = wide(t.yes);
    let abstain = wide(t.abstain);
    match threshold {
        Threshold::AbsoluteCount { weight } => yes >= Uint256::from(*weight),
        Threshold::AbsolutePercentage { percentage } => {
            let base = wide(total_power).saturating_sub(abstain);
            !base.is_zero() && yes >= needed(base, *percentage)
        }
        Threshold::ThresholdQuorum { threshold, quorum } => {
            let cast = cast(t);
            let opinions = cast.saturating_sub(abstain);
            cast >= needed(wide(total_power), *quorum)
                && !opinions.is_zero()
                && yes >= needed(opinions, *threshold)
        }
    }
}

/// Veto votes above one third of the votes cast.
pub fn vetoed(t: &Tally) -> bool {
    wide(t.veto) * Uint256::from(3u8) > cast(t)
}

/// The outcome if voting ended with this tally.
pub fn final_outcome(threshold: &Threshold, t: &Tally, total_power: Uint128) -> Outcome {
    if vetoed(t) {
        Outcome::Vetoed
    } else if passes(threshold, t, total_power) {
        Outcome::Passed
    } else {
        Outcome::Rejected
    }
}

/// The outcome if it no longer depends on the power that has not voted yet, whatever that
/// power does (vote any option or not at all); `None` while it still could change.
pub fn early_outcome(threshold: &Threshold, t: &Tally, total_power: Uint128) -> Option<Outcome> {
    let total = wide(total_power);
    let three = Uint256::from(3u8);
    // Veto share is smallest when all remaining power votes something else.
    if wide(t.veto) * three > total {
        return Some(Outcome::Vetoed);
    }
    let remaining = Uint128::try_from(total.saturating_sub(cast(t))).unwrap_or(Uint128::MAX);
    // Veto share is largest when all remaining power votes veto.
    let can_be_vetoed = (wide(t.veto) + wide(remaining)) * three > total;
    if can_be_vetoed {
        return None;
    }
    // Worst case for passing: nobody else votes (quorum), or everybody else votes no.
    let all_no = Tally {
        no: t.no.saturating_add(remaining),
        ..*t
    };
    if passes(threshold, t, total_power) && passes(threshold, &all_no, total_power) {
        return Some(Outcome::Passed);
    }
    // Best case for passing: everybody else votes yes.
    let all_yes = Tally {
        yes: t.yes.saturating_add(remaining),
        ..*t
    };
    if !passes(threshold, &all_yes, total_power) {
        return Some(Outcome::Rejected);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(yes: u128, no: u128, abstain: u128, veto: u128) -> Tally {
        Tally {
            yes: Uint128::new(yes),
            no: Uint128::new(no),
            abstain: Uint128::new(abstain),
            veto: Uint128::new(veto),
        }
    }

    fn pct(p: u64) -> Decimal {
        Decimal::percent(p)
    }

    const T: Uint128 = Uint128::new(100);

    #[test]
    fn absolute_count_boundary() {
        let th = Threshold::AbsoluteCount { weight: 40 };
        assert!(!passes(&th, &tally(39, 0, 0, 0), T));
        assert!(passes(&th, &tally(40, 0, 0, 0), T));
        assert!(passes(&th, &tally(41, 0, 0, 0), T));
    }

    #[test]
    fn absolute_percentage_boundary_and_abstain() {
        let th = Threshold::AbsolutePercentage {
            percentage: pct(50),
        };
        assert!(!passes(&th, &tally(49, 0, 0, 0), T));
        assert!(passes(&th, &tally(50, 0, 0, 0), T));
        // abstain lowers the base: 50% of (100 - 20) = 40
        assert!(!passes(&th, &tally(39, 0, 20, 0), T));
        assert!(passes(&th, &tally(40, 0, 20, 0), T));
        // rounding up: 50% of 99 = 49.5 -> 50 needed
        assert!(!passes(&th, &tally(49, 0, 0, 0), Uint128::new(99)));
        assert!(passes(&th, &tally(50, 0, 0, 0), Uint128::new(99)));
    }

    #[test]
    fn threshold_quorum_boundary() {
        let th = Threshold::ThresholdQuorum {
            threshold: pct(50),
            quorum: pct(30),
        };
        // quorum: 30 votes cast needed
        assert!(!passes(&th, &tally(29, 0, 0, 0), T));
        assert!(passes(&th, &tally(30, 0, 0, 0), T));
        // abstain counts for quorum, not for the threshold
        assert!(passes(&th, &tally(1, 0, 29, 0), T));
        assert!(!passes(&th, &tally(0, 0, 30, 0), T));
        // threshold among opinions: 15 yes of 30 opinions passes, 14 does not; veto is a no
        assert!(passes(&th, &tally(15, 15, 0, 0), T));
        assert!(!passes(&th, &tally(14, 16, 0, 0), T));
        assert!(!passes(&th, &tally(14, 15, 0, 1), T));
    }

    #[test]
    fn veto_above_one_third() {
        assert!(!vetoed(&tally(20, 0, 0, 10)));
        assert!(!vetoed(&tally(10, 10, 0, 10))); // exactly one third
        assert!(vetoed(&tally(10, 9, 0, 10)));
        assert!(!vetoed(&tally(0, 0, 0, 0)));
        let th = Threshold::AbsoluteCount { weight: 1 };
        assert_eq!(final_outcome(&th, &tally(60, 0, 0, 31), T), Outcome::Vetoed);
        assert_eq!(final_outcome(&th, &tally(60, 0, 0, 30), T), Outcome::Passed);
    }

    #[test]
    fn early_pass_needs_certainty() {
        let th = Threshold::AbsolutePercentage {
            percentage: pct(50),
        };
        // 50 yes of 100: passes whatever the rest does, unless the rest could veto:
        // remaining 50 all veto = 50/100 > 1/3
        assert_eq!(early_outcome(&th, &tally(50, 0, 0, 0), T), None);
        // 67 yes: remaining 33 all veto -> 33*3 = 99 <= 100, not vetoable, and passes
        assert_eq!(
            early_outcome(&th, &tally(67, 0, 0, 0), T),
            Some(Outcome::Passed)
        );
        assert_eq!(early_outcome(&th, &tally(66, 0, 0, 0), T), None);
    }

    #[test]
    fn early_reject_and_veto() {
        let th = Threshold::AbsolutePercentage {
            percentage: pct(50),
        };
        // 51 no: yes can reach at most 49; remaining 49 vetoing -> 147 > 100 could veto
        assert_eq!(early_outcome(&th, &tally(0, 51, 0, 0), T), None);
        // 67 no: the rest (33) cannot pass it nor veto it
        assert_eq!(
            early_outcome(&th, &tally(0, 67, 0, 0), T),
            Some(Outcome::Rejected)
        );
        // 34 veto: vetoed whatever happens (34*3 = 102 > 100)
        assert_eq!(
            early_outcome(&th, &tally(0, 0, 0, 34), T),
            Some(Outcome::Vetoed)
        );
        assert_eq!(early_outcome(&th, &tally(0, 0, 0, 33), T), None);
    }

    #[test]
    fn early_quorum_requires_quorum_now() {
        let th = Threshold::ThresholdQuorum {
            threshold: pct(50),
            quorum: pct(80),
        };
        // 70 yes: all others voting no gives 70/100 -> pass; but if nobody else votes the
        // quorum (80) is not met -> not final
        assert_eq!(early_outcome(&th, &tally(70, 0, 0, 0), T), None);
        assert_eq!(
            early_outcome(&th, &tally(70, 0, 10, 0), T),
            Some(Outcome::Passed)
        );
    }

    #[test]
    fn zero_total_power_never_passes_by_percentage() {
        let th = Threshold::AbsolutePercentage { percentage: pct(1) };
        assert!(!passes(&th, &tally(0, 0, 0, 0), Uint128::zero()));
        let th = Threshold::ThresholdQuorum {
            threshold: pct(1),
            quorum: pct(1),
        };
        assert!(!passes(&th, &tally(0, 0, 0, 0), Uint128::zero()));
    }

    #[test]
    fn huge_powers_do_not_overflow() {
        let th = Threshold::AbsolutePercentage {
            percentage: pct(50),
        };
        let half = Uint128::MAX / Uint128::new(2) + Uint128::one();
        let t = Tally {
            yes: half,
            ..Tally::default()
        };
        assert!(passes(&th, &t, Uint128::MAX));
        assert_eq!(early_outcome(&th, &t, Uint128::MAX), None);
    }
}
