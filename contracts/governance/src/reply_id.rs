//! Reply ids: one scheme for every submessage governance sends, kept below 2^53 so
//! JavaScript simulators and indexers, which read ids as JSON numbers (doubles), read them
//! exactly.
//!
//! - 1, 2, 3: the bootstrap's instantiations of the token, the treasury and the escrow (only
//!   during instantiation, before any proposal exists);
//! - `proposal_id * 4 + kind` for a proposal's submessages (ids start at 1, so these are at
//!   least 4 and never meet the bootstrap's).

use crate::error::ContractError;

/// Bootstrap instantiations.
pub const TOKEN: u64 = 1;
pub const TREASURY: u64 = 2;
pub const ESCROW: u64 = 3;

/// The kinds of a proposal's submessages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The proposal's actions (replied to on error: the proposal becomes `execution_failed`).
    Execution = 0,
    /// The settlement of its deposit (replied to on error: it is kept as undelivered).
    Settlement = 1,
    /// The last message of a proposal with `custom` actions (replied to on success: governance
    /// must still hold every unsettled deposit).
    DepositCheck = 2,
}

impl Kind {
    fn from_code(code: u64) -> Option<Kind> {
        match code {
            0 => Some(Kind::Execution),
            1 => Some(Kind::Settlement),
            2 => Some(Kind::DepositCheck),
            _ => None,
        }
    }
}

/// Largest id a JSON number holds exactly.
pub const MAX_REPLY_ID: u64 = (1 << 53) - 1;

/// The reply id of `kind` for `proposal_id`.
pub fn of(proposal_id: u64, kind: Kind) -> Result<u64, ContractError> {
    proposal_id
        .checked_mul(4)
        .map(|id| id + kind as u64)
        .filter(|id| *id <= MAX_REPLY_ID)
        .ok_or(ContractError::UnknownReply { id: proposal_id })
}

/// What a reply id names: a bootstrap step, or a proposal and the kind of its submessage.
pub enum Named {
    /// One of `TOKEN`, `TREASURY`, `ESCROW` (the bootstrap's reply reads which).
    Bootstrap,
    Proposal(u64, Kind),
}

pub fn parse(id: u64) -> Result<Named, ContractError> {
    match id {
        TOKEN | TREASURY | ESCROW => Ok(Named::Bootstrap),
        id if (4..=MAX_REPLY_ID).contains(&id) => match Kind::from_code(id % 4) {
            Some(kind) => Ok(Named::Proposal(id / 4, kind)),
            None => Err(ContractError::UnknownReply { id }),
        },
        id => Err(ContractError::UnknownReply { id }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_stay_below_2_to_the_53_and_round_trip() {
        for p in [1, 2, 77, MAX_REPLY_ID / 4 - 1] {
            for kind in [Kind::Execution, Kind::Settlement, Kind::DepositCheck] {
                let id = of(p, kind).unwrap();
                assert!((4..=MAX_REPLY_ID).contains(&id));
                assert!(matches!(parse(id), Ok(Named::Proposal(q, k)) if q == p && k == kind));
            }
        }
        assert!(of(MAX_REPLY_ID / 4 + 1, Kind::Execution).is_err());
        assert!(of(u64::MAX, Kind::Execution).is_err());
        for b in [TOKEN, TREASURY, ESCROW] {
            assert!(matches!(parse(b), Ok(Named::Bootstrap)));
        }
        for bad in [0, 7, 11, MAX_REPLY_ID + 1, 1 << 63] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
