//! Vote counting: thresholds (cw3 semantics), veto, and when an outcome is final.
//!
//! All comparisons are exact: a fraction is reached when `votes * 10^18 >= weight * atomics`
//! (the same as `votes >= ceil(weight * fraction)`), with the products taken in 256 bits, so a
//! proposal never passes on a rounding error. The 256-bit arithmetic is the little this needs,
//! written out: a general 256-bit integer costs several times more gas per vote.

use commons::governance::Tally;
use cosmwasm_std::{Decimal, Uint128};
use cw_utils::Threshold;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Passed,
    Rejected,
    Vetoed,
}

/// A number below 2^256 as (high, low) 128-bit halves; the derived order is the numeric one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Wide(u128, u128);

impl Wide {
    const ZERO: Wide = Wide(0, 0);

    fn of(x: Uint128) -> Wide {
        Wide(0, x.u128())
    }

    // The sums below are of at most four 128-bit numbers and the products of such a sum with
    // a number below 2^64, so nothing here comes near 2^256: plain wrapping arithmetic is exact.
    fn add(self, other: Wide) -> Wide {
        let (lo, carry) = self.1.overflowing_add(other.1);
        Wide(self.0.wrapping_add(other.0).wrapping_add(carry as u128), lo)
    }

    fn saturating_sub(self, other: Wide) -> Wide {
        if self <= other {
            return Wide::ZERO;
        }
        let (lo, borrow) = self.1.overflowing_sub(other.1);
        Wide(
            self.0.wrapping_sub(other.0).wrapping_sub(borrow as u128),
            lo,
        )
    }

    /// `self * m`, for `m` below 2^64.
    fn mul(self, m: u64) -> Wide {
        let m = m as u128;
        let low = (self.1 as u64 as u128) * m;
        let high = (self.1 >> 64) * m;
        // self.1 * m = high * 2^64 + low
        let (lo, carry) = low.overflowing_add(high << 64);
        let hi = self
            .0
            .wrapping_mul(m)
            .wrapping_add(high >> 64)
            .wrapping_add(carry as u128);
        Wide(hi, lo)
    }

    fn is_zero(self) -> bool {
        self == Wide::ZERO
    }
}

const SCALE: u64 = 1_000_000_000_000_000_000;

/// Whether `votes` reach `fraction` of `weight`: `votes >= ceil(weight * fraction)`.
fn reaches(votes: Wide, weight: Wide, fraction: Decimal) -> bool {
    // atomics of a fraction at most 1 are at most 10^18
    let atomics = u64::try_from(fraction.atomics().u128()).unwrap_or(u64::MAX);
    votes.mul(SCALE) >= weight.mul(atomics)
}

/// Whether the votes cast (any option) reach `min_turnout` of `total_power`, exactly.
pub fn turnout_reached(t: &Tally, total_power: Uint128, min_turnout: Decimal) -> bool {
    reaches(cast(t), Wide::of(total_power), min_turnout)
}

/// Votes cast, any option.
fn cast(t: &Tally) -> Wide {
    Wide::of(t.yes)
        .add(Wide::of(t.no))
        .add(Wide::of(t.abstain))
        .add(Wide::of(t.veto))
}

/// Whether the tally passes `threshold` if voting ended now. Abstain is excluded from the
/// base as cw3 defines; veto counts as no.
pub fn passes(threshold: &Threshold, t: &Tally, total_power: Uint128) -> bool {
    let yes = Wide::of(t.yes);
    let abstain = Wide::of(t.abstain);
    match threshold {
        Threshold::AbsoluteCount { weight } => t.yes.u128() >= *weight as u128,
        Threshold::AbsolutePercentage { percentage } => {
            let base = Wide::of(total_power).saturating_sub(abstain);
            !base.is_zero() && reaches(yes, base, *percentage)
        }
        Threshold::ThresholdQuorum { threshold, quorum } => {
            let cast = cast(t);
            let opinions = cast.saturating_sub(abstain);
            reaches(cast, Wide::of(total_power), *quorum)
                && !opinions.is_zero()
                && reaches(yes, opinions, *threshold)
        }
    }
}

/// Veto votes above one third of the votes cast.
pub fn vetoed(t: &Tally) -> bool {
    Wide::of(t.veto).mul(3) > cast(t)
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
    let total = Wide::of(total_power);
    let veto = Wide::of(t.veto);
    // Veto share is smallest when all remaining power votes something else.
    if veto.mul(3) > total {
        return Some(Outcome::Vetoed);
    }
    let Wide(hi, lo) = total.saturating_sub(cast(t));
    let remaining = Uint128::new(if hi == 0 { lo } else { u128::MAX });
    // Veto share is largest when all remaining power votes veto.
    let can_be_vetoed = veto.add(Wide::of(remaining)).mul(3) > total;
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
    use cosmwasm_std::Uint256;

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

    fn wide256(w: Wide) -> Uint256 {
        (Uint256::from(w.0) << 128) + Uint256::from(w.1)
    }

    proptest::proptest! {
        #[test]
        fn wide_arithmetic_is_exact(a in proptest::prelude::any::<[u128; 4]>(), m in proptest::prelude::any::<u64>()) {
            let sum = Wide::of(Uint128::new(a[0])).add(Wide::of(Uint128::new(a[1]))).add(Wide::of(Uint128::new(a[2])));
            let want = Uint256::from(a[0]) + Uint256::from(a[1]) + Uint256::from(a[2]);
            proptest::prop_assert_eq!(wide256(sum), want);
            proptest::prop_assert_eq!(wide256(sum.mul(m)), want * Uint256::from(m));
            let other = Wide::of(Uint128::new(a[3]));
            proptest::prop_assert_eq!(wide256(sum.saturating_sub(other)), want.saturating_sub(Uint256::from(a[3])));
            proptest::prop_assert_eq!(wide256(other.saturating_sub(sum)), Uint256::from(a[3]).saturating_sub(want));
            proptest::prop_assert_eq!(sum > other, want > Uint256::from(a[3]));
        }

        #[test]
        fn reaching_a_fraction_is_the_ceiling_rule(votes in proptest::prelude::any::<u128>(), weight in proptest::prelude::any::<[u128; 2]>(), atomics in 0u128..=1_000_000_000_000_000_000) {
            let fraction = Decimal::raw(atomics);
            let weight_wide = Wide::of(Uint128::new(weight[0])).add(Wide::of(Uint128::new(weight[1])));
            let weight256 = Uint256::from(weight[0]) + Uint256::from(weight[1]);
            let scale = Uint256::from(10u128.pow(18));
            let needed = (weight256 * Uint256::from(atomics) + scale - Uint256::one()) / scale;
            proptest::prop_assert_eq!(
                reaches(Wide::of(Uint128::new(votes)), weight_wide, fraction),
                Uint256::from(votes) >= needed
            );
        }
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
