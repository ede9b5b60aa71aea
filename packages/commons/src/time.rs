//! Bounds on periods, delays and durations, the same for every contract.
//!
//! Block time is about 1.8e9 seconds (1.8e18 nanoseconds) and a `Timestamp` holds at most
//! about 1.8e19 nanoseconds, so an unbounded period added to the block time (or multiplied by a
//! window count) can overflow. Every period, delay and duration a message sets is therefore at
//! most [`MAX_DURATION_SECONDS`]: block time plus dozens of such spans still fits, and the
//! checked helpers below turn anything else into an error instead of a panic.

use cosmwasm_std::{StdError, StdResult, Timestamp};
use thiserror::Error;

/// Longest period, delay or duration any message may set: ten years, in seconds.
pub const MAX_DURATION_SECONDS: u64 = 10 * 365 * 24 * 60 * 60;

/// Why a period, delay or duration was refused.
#[derive(Error, Debug, PartialEq, Eq)]
pub enum DurationError {
    #[error("{what} must be greater than zero seconds")]
    Zero { what: String },
    #[error("{what} is {seconds} seconds; at most {max} (ten years) are accepted")]
    TooLong {
        what: String,
        seconds: u64,
        max: u64,
    },
}

/// Checks that `seconds` is between 1 and [`MAX_DURATION_SECONDS`]; `what` names it in the
/// error ("budget period", "change delay", ...).
pub fn check_duration(what: &str, seconds: u64) -> Result<u64, DurationError> {
    if seconds == 0 {
        return Err(DurationError::Zero { what: what.into() });
    }
    check_max_duration(what, seconds)
}

/// Like [`check_duration`], but zero is allowed (a timelock of none, a cliff of none).
pub fn check_max_duration(what: &str, seconds: u64) -> Result<u64, DurationError> {
    if seconds > MAX_DURATION_SECONDS {
        return Err(DurationError::TooLong {
            what: what.into(),
            seconds,
            max: MAX_DURATION_SECONDS,
        });
    }
    Ok(seconds)
}

/// `time + seconds`, or an error where `Timestamp::plus_seconds` would panic.
pub fn plus_seconds(time: Timestamp, seconds: u64) -> StdResult<Timestamp> {
    seconds
        .checked_mul(1_000_000_000)
        .and_then(|nanos| time.nanos().checked_add(nanos))
        .map(Timestamp::from_nanos)
        .ok_or_else(|| StdError::generic_err(format!("{time} + {seconds} s overflows a timestamp")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_bounded() {
        assert!(matches!(
            check_duration("period", 0),
            Err(DurationError::Zero { .. })
        ));
        assert_eq!(check_duration("period", 1), Ok(1));
        assert_eq!(
            check_duration("period", MAX_DURATION_SECONDS),
            Ok(MAX_DURATION_SECONDS)
        );
        assert!(matches!(
            check_duration("period", MAX_DURATION_SECONDS + 1),
            Err(DurationError::TooLong { .. })
        ));
        assert_eq!(check_max_duration("cliff", 0), Ok(0));
    }

    #[test]
    fn plus_seconds_never_panics() {
        let now = Timestamp::from_seconds(1_800_000_000);
        assert_eq!(
            plus_seconds(now, 10).unwrap(),
            Timestamp::from_seconds(1_800_000_010)
        );
        assert!(plus_seconds(now, u64::MAX).is_err());
        assert!(plus_seconds(Timestamp::from_nanos(u64::MAX), 1).is_err());
        // block time plus many of the longest spans still fits
        assert!(plus_seconds(now, 40 * MAX_DURATION_SECONDS).is_ok());
    }
}
