//! Ballots: one binary record per voter and proposal, written by every vote.

use commons::governance::Vote;
use commons::layout::{LayoutError, Stored};
use cosmwasm_std::{Addr, StdError, StdResult, Storage, Uint128};

use super::{vote_code, vote_from, BALLOTS};
use commons::codec::id_addr_key;

/// The storage key of `voter`'s ballot on proposal `id`.
pub fn ballot_key(id: u64, voter: &Addr) -> Vec<u8> {
    id_addr_key(BALLOTS, id, voter.as_bytes())
}

commons::layout! {
    /// A ballot record; the rationale, when there is one, is its tail (UTF-8).
    pub struct BallotLayout("ballot", version 1) {
        /// `vote_code`
        VOTE: u8,
        REWARD_CLAIMED: bool,
        POWER: Uint128,
        /// whether a rationale follows (it may be empty)
        HAS_RATIONALE: bool,
    }
}

/// A voter's ballot on a proposal.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredBallot {
    pub vote: Vote,
    pub power: Uint128,
    pub rationale: Option<String>,
    pub reward_claimed: bool,
}

impl StoredBallot {
    pub fn encode(&self) -> Vec<u8> {
        let rationale = self.rationale.as_deref().unwrap_or_default();
        let mut r = Stored::<BallotLayout>::with_tail_capacity(rationale.len());
        r.set(BallotLayout::VOTE, vote_code(self.vote));
        r.set(BallotLayout::REWARD_CLAIMED, self.reward_claimed);
        r.set(BallotLayout::POWER, self.power);
        r.set(BallotLayout::HAS_RATIONALE, self.rationale.is_some());
        r.set_tail(rationale.as_bytes());
        r.into_bytes()
    }

    pub fn decode(bytes: &[u8]) -> StdResult<Self> {
        Self::from_stored(bytes.to_vec())
    }

    fn from_stored(bytes: Vec<u8>) -> StdResult<Self> {
        let r = Stored::<BallotLayout>::from_stored(bytes)?;
        let rationale = match r.get(BallotLayout::HAS_RATIONALE) {
            true => Some(
                std::str::from_utf8(r.tail())
                    .map_err(|_| StdError::parse_err("ballot", "rationale is not UTF-8"))?
                    .to_string(),
            ),
            false if r.tail().is_empty() => None,
            false => return Err(LayoutError::TooLong { record: "ballot" }.into()),
        };
        Ok(StoredBallot {
            vote: vote_from(r.get(BallotLayout::VOTE))?,
            power: r.get(BallotLayout::POWER),
            rationale,
            reward_claimed: r.get(BallotLayout::REWARD_CLAIMED),
        })
    }

    /// The ballot under `key` (see `ballot_key`).
    pub fn may_load(store: &dyn Storage, key: &[u8]) -> StdResult<Option<Self>> {
        store.get(key).map(Self::from_stored).transpose()
    }

    pub fn save(&self, store: &mut dyn Storage, key: &[u8]) {
        store.set(key, &self.encode());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::MockStorage;

    #[test]
    fn ballot_round_trips_and_layout_is_fixed() {
        let mut store = MockStorage::new();
        let voter = Addr::unchecked("cosmwasm1voter");
        let mut b = StoredBallot {
            vote: Vote::Veto,
            power: Uint128::new(258),
            rationale: Some("no way".into()),
            reward_claimed: true,
        };
        let key = ballot_key(3, &voter);
        b.save(&mut store, &key);
        assert_eq!(
            StoredBallot::may_load(&store, &key).unwrap(),
            Some(b.clone())
        );
        for rationale in [None, Some(String::new())] {
            b.rationale = rationale;
            b.save(&mut store, &key);
            assert_eq!(
                StoredBallot::may_load(&store, &key).unwrap(),
                Some(b.clone())
            );
        }
        let b = StoredBallot {
            vote: Vote::Yes,
            power: Uint128::new(1),
            rationale: None,
            reward_claimed: false,
        };
        // version, vote, reward claimed, power, has a rationale
        let mut want = vec![1, 0, 0];
        want.extend(1u128.to_be_bytes());
        want.push(0);
        assert_eq!(b.encode(), want);
        // an unknown vote, a short record, and a tail without a rationale
        assert!(StoredBallot::decode(&[
            1, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
        ])
        .is_err());
        assert!(StoredBallot::decode(&want[..19]).is_err());
        let mut long = want.clone();
        long.push(b'x');
        assert!(StoredBallot::decode(&long).is_err());
        let mut future = want;
        future[0] = 9;
        let err = StoredBallot::decode(&future).unwrap_err();
        assert!(err.to_string().contains("layout version 9"), "{err}");
    }
}
