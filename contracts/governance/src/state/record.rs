//! A proposal's voting record, kept as its stored bytes and read and written in place.

use commons::asset::Asset;
use commons::governance::{RefundPolicy, Status, Tally};
use cosmwasm_std::{Addr, Decimal, StdError, StdResult, Storage, Timestamp, Uint128};
use cw_utils::Threshold;

use super::{
    asset_info, put_asset_info, put_threshold, refund_code, refund_from, status_code, status_from,
    threshold, PROPOSALS,
};
use commons::codec::{map_key, prefix_end, Reader, Writer};

// Layout of a voting record: fixed offsets, then the proposer and the deposit.
const STATUS: usize = 0;
/// 0xff: none
const CLOSED_AS: usize = 1;
/// bit 0: revoting allowed, bit 1: deposit settled, bit 2: decided early
const FLAGS: usize = 2;
const REFUND: usize = 3;
/// kind, then two 16-byte numbers
const THRESHOLD: usize = 4;
/// yes, no, abstain, veto
const TALLY: usize = 37;
const TOTAL_POWER: usize = 101;
const SNAPSHOT_HEIGHT: usize = 117;
/// times in nanoseconds: created, voting end, minimum voting end, decided early
const CREATED_AT: usize = 125;
const VOTING_ENDS_AT: usize = 133;
const MIN_VOTING_ENDS_AT: usize = 141;
const DECIDED_AT: usize = 149;
/// seconds
const EXECUTION_DELAY: usize = 157;
const EXECUTION_WINDOW: usize = 165;
const ACTION_COUNT: usize = 173;
/// then: proposer (4-byte length, address), deposit (asset kind, denom or address, amount)
const FIXED_LEN: usize = 177;

const REVOTING: u8 = 1;
const DEPOSIT_SETTLED: u8 = 2;
const DECIDED: u8 = 4;

/// What a new proposal's voting record starts with.
pub struct NewProposal<'a> {
    pub proposer: &'a Addr,
    pub action_count: u32,
    pub total_power: Uint128,
    pub snapshot_height: u64,
    pub created_at: Timestamp,
    pub voting_ends_at: Timestamp,
    pub min_voting_ends_at: Timestamp,
    pub threshold: &'a Threshold,
    pub allow_revoting: bool,
    pub execution_delay_seconds: u64,
    pub execution_window_seconds: u64,
    pub deposit: Option<&'a Asset>,
    pub refund: RefundPolicy,
}

/// A proposal's voting record: the rules it is judged by (threshold, periods, refund policy,
/// copied from the configuration at creation, so later configuration changes never alter a
/// running vote), the tally, and where it stands. What the proposal says and does is kept
/// apart (`proposal_text`, `proposal_actions`), so votes never load it.
///
/// The record is kept as its stored bytes and read and written in place at fixed offsets: a
/// vote reads a few fields and rewrites the tally, and decoding the whole record into a struct
/// (and moving it around) would cost more than the rest of the vote.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    bytes: Vec<u8>,
}

impl Proposal {
    pub fn new(p: NewProposal) -> Self {
        let mut w = Writer::with_capacity(FIXED_LEN + 96);
        let flags = if p.allow_revoting { REVOTING } else { 0 }
            | if p.deposit.is_none() {
                DEPOSIT_SETTLED
            } else {
                0
            };
        w.u8(status_code(Status::Open))
            .u8(u8::MAX)
            .u8(flags)
            .u8(refund_code(p.refund));
        put_threshold(&mut w, p.threshold);
        w.0.extend_from_slice(&[0; 64]);
        w.amount(p.total_power)
            .u64(p.snapshot_height)
            .time(p.created_at)
            .time(p.voting_ends_at)
            .time(p.min_voting_ends_at)
            .u64(0)
            .u64(p.execution_delay_seconds)
            .u64(p.execution_window_seconds)
            .u32(p.action_count)
            .string(p.proposer.as_str());
        put_asset_info(&mut w, p.deposit.map(|d| &d.info));
        if let Some(d) = p.deposit {
            w.amount(d.amount);
        }
        Proposal { bytes: w.0 }
    }

    /// The record in `bytes`, checked: every code valid, nothing missing or left over.
    fn from_bytes(bytes: Vec<u8>) -> StdResult<Self> {
        let mut r = Reader::new(&bytes, "proposal");
        status_from(r.u8()?)?;
        if let code @ 0..=254 = r.u8()? {
            status_from(code)?;
        }
        r.u8()?;
        refund_from(r.u8()?)?;
        threshold(&mut r)?;
        let mut tail = match bytes.get(FIXED_LEN..) {
            Some(tail) => Reader::new(tail, "proposal"),
            None => return Err(StdError::parse_err("proposal", "record is truncated")),
        };
        tail.string()?;
        if asset_info(&mut tail)?.is_some() {
            tail.amount()?;
        }
        tail.finish()?;
        Ok(Proposal { bytes })
    }

    pub fn may_load(store: &dyn Storage, id: u64) -> StdResult<Option<Self>> {
        store
            .get(&proposal_key(id))
            .map(Self::from_bytes)
            .transpose()
    }

    pub fn save(&self, store: &mut dyn Storage, id: u64) {
        store.set(&proposal_key(id), &self.bytes);
    }

    /// The range of storage keys of all voting records.
    pub fn key_range() -> (Vec<u8>, Vec<u8>) {
        let start = map_key(PROPOSALS, &[]);
        let end = prefix_end(&start);
        (start, end)
    }

    /// A record read by a range over `key_range`, with its id.
    pub fn from_entry(key: &[u8], value: Vec<u8>) -> StdResult<(u64, Self)> {
        let id = key
            .split_last_chunk::<8>()
            .map(|(_, id)| u64::from_be_bytes(*id))
            .ok_or_else(|| StdError::parse_err("proposal", "short key"))?;
        Ok((id, Self::from_bytes(value)?))
    }

    // Fields are read and written 8 bytes at a time: the compiler turns a longer copy into a
    // byte-by-byte loop in the VM. The fixed part is always there (checked when loaded).
    fn u8_at(&self, at: usize) -> u8 {
        self.bytes.get(at).copied().unwrap_or_default()
    }

    fn set_u8(&mut self, at: usize, value: u8) {
        if let Some(byte) = self.bytes.get_mut(at) {
            *byte = value;
        }
    }

    fn u64_at(&self, at: usize) -> u64 {
        let bytes = self.bytes.get(at..at + 8).and_then(|b| b.try_into().ok());
        u64::from_be_bytes(bytes.unwrap_or_default())
    }

    fn set_u64(&mut self, at: usize, value: u64) {
        if let Some(bytes) = self.bytes.get_mut(at..at + 8) {
            bytes.copy_from_slice(&value.to_be_bytes());
        }
    }

    fn amount_at(&self, at: usize) -> Uint128 {
        Uint128::new((self.u64_at(at) as u128) << 64 | self.u64_at(at + 8) as u128)
    }

    fn set_amount(&mut self, at: usize, value: Uint128) {
        self.set_u64(at, (value.u128() >> 64) as u64);
        self.set_u64(at + 8, value.u128() as u64);
    }

    fn flag(&self, flag: u8) -> bool {
        self.u8_at(FLAGS) & flag != 0
    }

    fn set_flag(&mut self, flag: u8) {
        self.set_u8(FLAGS, self.u8_at(FLAGS) | flag);
    }

    /// `Open` until executed or closed; the other statuses are computed from time and tally.
    pub fn stored_status(&self) -> Status {
        status_from(self.u8_at(STATUS)).unwrap_or(Status::Open)
    }

    pub fn set_stored_status(&mut self, status: Status) {
        self.set_u8(STATUS, status_code(status));
    }

    /// For a closed proposal: what it was when closed.
    pub fn closed_as(&self) -> Option<Status> {
        status_from(self.u8_at(CLOSED_AS)).ok()
    }

    pub fn set_closed_as(&mut self, status: Status) {
        self.set_u8(CLOSED_AS, status_code(status));
    }

    pub fn allow_revoting(&self) -> bool {
        self.flag(REVOTING)
    }

    pub fn deposit_settled(&self) -> bool {
        self.flag(DEPOSIT_SETTLED)
    }

    pub fn set_deposit_settled(&mut self) {
        self.set_flag(DEPOSIT_SETTLED)
    }

    pub fn refund(&self) -> RefundPolicy {
        refund_from(self.u8_at(REFUND)).unwrap_or(RefundPolicy::Never)
    }

    pub fn threshold(&self) -> Threshold {
        let (a, b) = (
            self.amount_at(THRESHOLD + 1),
            self.amount_at(THRESHOLD + 17),
        );
        match self.u8_at(THRESHOLD) {
            0 => Threshold::AbsoluteCount {
                weight: u64::try_from(a.u128()).unwrap_or(u64::MAX),
            },
            1 => Threshold::AbsolutePercentage {
                percentage: Decimal::raw(a.u128()),
            },
            _ => Threshold::ThresholdQuorum {
                threshold: Decimal::raw(a.u128()),
                quorum: Decimal::raw(b.u128()),
            },
        }
    }

    pub fn tally(&self) -> Tally {
        Tally {
            yes: self.amount_at(TALLY),
            no: self.amount_at(TALLY + 16),
            abstain: self.amount_at(TALLY + 32),
            veto: self.amount_at(TALLY + 48),
        }
    }

    pub fn set_tally(&mut self, tally: &Tally) {
        self.set_amount(TALLY, tally.yes);
        self.set_amount(TALLY + 16, tally.no);
        self.set_amount(TALLY + 32, tally.abstain);
        self.set_amount(TALLY + 48, tally.veto);
    }

    /// Power that can vote: the token's total at the snapshot, less the suite contracts' own.
    pub fn total_power(&self) -> Uint128 {
        self.amount_at(TOTAL_POWER)
    }

    pub fn snapshot_height(&self) -> u64 {
        self.u64_at(SNAPSHOT_HEIGHT)
    }

    pub fn created_at(&self) -> Timestamp {
        Timestamp::from_nanos(self.u64_at(CREATED_AT))
    }

    pub fn voting_ends_at(&self) -> Timestamp {
        Timestamp::from_nanos(self.u64_at(VOTING_ENDS_AT))
    }

    pub fn min_voting_ends_at(&self) -> Timestamp {
        Timestamp::from_nanos(self.u64_at(MIN_VOTING_ENDS_AT))
    }

    /// Set when a vote made the outcome final before the end of voting (never with revoting);
    /// never earlier than `min_voting_ends_at`.
    pub fn decided_at(&self) -> Option<Timestamp> {
        self.flag(DECIDED)
            .then(|| Timestamp::from_nanos(self.u64_at(DECIDED_AT)))
    }

    pub fn set_decided_at(&mut self, at: Timestamp) {
        self.set_u64(DECIDED_AT, at.nanos());
        self.set_flag(DECIDED);
    }

    pub fn execution_delay_seconds(&self) -> u64 {
        self.u64_at(EXECUTION_DELAY)
    }

    pub fn execution_window_seconds(&self) -> u64 {
        self.u64_at(EXECUTION_WINDOW)
    }

    /// Number of actions (the actions themselves are stored apart).
    pub fn action_count(&self) -> u32 {
        let bytes = self.bytes.get(ACTION_COUNT..ACTION_COUNT + 4);
        u32::from_be_bytes(bytes.and_then(|b| b.try_into().ok()).unwrap_or_default())
    }

    fn tail(&self) -> Reader<'_> {
        Reader::new(self.bytes.get(FIXED_LEN..).unwrap_or_default(), "proposal")
    }

    pub fn proposer(&self) -> StdResult<Addr> {
        self.tail().addr()
    }

    /// The deposit held for this proposal, if any.
    pub fn deposit(&self) -> StdResult<Option<Asset>> {
        let mut r = self.tail();
        r.string()?;
        Ok(match asset_info(&mut r)? {
            None => None,
            Some(info) => Some(Asset {
                info,
                amount: r.amount()?,
            }),
        })
    }
}

pub fn proposal_key(id: u64) -> Vec<u8> {
    map_key(PROPOSALS, &id.to_be_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use commons::asset::AssetInfo;
    use cosmwasm_std::testing::MockStorage;

    fn new_proposal(proposer: &Addr, threshold: &Threshold, deposit: Option<&Asset>) -> Proposal {
        Proposal::new(NewProposal {
            proposer,
            action_count: 3,
            total_power: Uint128::new(u128::MAX - 1),
            snapshot_height: 12_345,
            created_at: Timestamp::from_seconds(1),
            voting_ends_at: Timestamp::from_seconds(2),
            min_voting_ends_at: Timestamp::from_seconds(3),
            threshold,
            allow_revoting: true,
            execution_delay_seconds: 5,
            execution_window_seconds: 6,
            deposit,
            refund: RefundPolicy::OnlyPassed,
        })
    }

    #[test]
    fn proposal_fields_read_back_and_change_in_place() {
        let mut store = MockStorage::new();
        let proposer = Addr::unchecked("cosmwasm1proposer");
        let deposit = Asset {
            info: AssetInfo::Cw20(Addr::unchecked("cosmwasm1token")),
            amount: Uint128::new(8),
        };
        let threshold = Threshold::ThresholdQuorum {
            threshold: Decimal::percent(50),
            quorum: Decimal::permille(333),
        };
        let p = new_proposal(&proposer, &threshold, Some(&deposit));
        p.save(&mut store, 9);
        let mut p = Proposal::may_load(&store, 9).unwrap().unwrap();
        assert_eq!(Proposal::may_load(&store, 8).unwrap(), None);
        assert_eq!(p.stored_status(), Status::Open);
        assert_eq!(p.closed_as(), None);
        assert!(p.allow_revoting());
        assert!(!p.deposit_settled());
        assert_eq!(p.refund(), RefundPolicy::OnlyPassed);
        assert_eq!(p.threshold(), threshold);
        assert_eq!(p.tally(), Tally::default());
        assert_eq!(p.total_power(), Uint128::new(u128::MAX - 1));
        assert_eq!(p.snapshot_height(), 12_345);
        assert_eq!(p.created_at(), Timestamp::from_seconds(1));
        assert_eq!(p.voting_ends_at(), Timestamp::from_seconds(2));
        assert_eq!(p.min_voting_ends_at(), Timestamp::from_seconds(3));
        assert_eq!(p.decided_at(), None);
        assert_eq!(p.execution_delay_seconds(), 5);
        assert_eq!(p.execution_window_seconds(), 6);
        assert_eq!(p.action_count(), 3);
        assert_eq!(p.proposer().unwrap(), proposer);
        assert_eq!(p.deposit().unwrap(), Some(deposit));

        let tally = Tally {
            yes: Uint128::new(1),
            no: Uint128::new(2),
            abstain: Uint128::new(3),
            veto: Uint128::MAX,
        };
        p.set_tally(&tally);
        p.set_decided_at(Timestamp::from_nanos(4));
        p.set_deposit_settled();
        p.set_stored_status(Status::Closed);
        p.set_closed_as(Status::Vetoed);
        p.save(&mut store, 9);
        let p = Proposal::may_load(&store, 9).unwrap().unwrap();
        assert_eq!(p.tally(), tally);
        assert_eq!(p.decided_at(), Some(Timestamp::from_nanos(4)));
        assert!(p.deposit_settled() && p.allow_revoting());
        assert_eq!(
            (p.stored_status(), p.closed_as()),
            (Status::Closed, Some(Status::Vetoed))
        );
        let (id, entry) = Proposal::from_entry(&proposal_key(u64::MAX), p.bytes.clone()).unwrap();
        assert_eq!((id, entry), (u64::MAX, p));

        for threshold in [
            Threshold::AbsoluteCount { weight: u64::MAX },
            Threshold::AbsolutePercentage {
                percentage: Decimal::one(),
            },
        ] {
            let deposit = Asset {
                info: AssetInfo::Native("ucoin".into()),
                amount: Uint128::MAX,
            };
            for deposit in [None, Some(&deposit)] {
                let p = new_proposal(&proposer, &threshold, deposit);
                let p = Proposal::from_bytes(p.bytes).unwrap();
                assert_eq!(p.threshold(), threshold);
                assert_eq!(p.deposit().unwrap().as_ref(), deposit);
                assert_eq!(p.deposit_settled(), deposit.is_none());
            }
        }
    }

    #[test]
    fn corrupt_proposals_are_refused() {
        let proposer = Addr::unchecked("ab");
        let threshold = Threshold::AbsoluteCount { weight: 1 };
        let good = new_proposal(&proposer, &threshold, None).bytes;
        let mut long = good.clone();
        long.push(0);
        let mut bad_status = good.clone();
        bad_status[STATUS] = 8;
        let mut bad_threshold = good.clone();
        bad_threshold[THRESHOLD] = 3;
        for bytes in [
            good[..FIXED_LEN - 1].to_vec(),
            good[..good.len() - 1].to_vec(),
            long,
            bad_status,
            bad_threshold,
        ] {
            assert!(Proposal::from_bytes(bytes).is_err());
        }
    }

    /// The exact bytes of a voting record, so tools that write records directly (the
    /// benchmark's large states) can rely on the layout.
    #[test]
    fn proposal_layout_is_fixed() {
        let mut p = Proposal::new(NewProposal {
            proposer: &Addr::unchecked("ab"),
            action_count: 1,
            total_power: Uint128::new(2),
            snapshot_height: 3,
            created_at: Timestamp::from_nanos(4),
            voting_ends_at: Timestamp::from_nanos(5),
            min_voting_ends_at: Timestamp::from_nanos(6),
            threshold: &Threshold::AbsolutePercentage {
                percentage: Decimal::raw(7),
            },
            allow_revoting: true,
            execution_delay_seconds: 8,
            execution_window_seconds: 9,
            deposit: None,
            refund: RefundPolicy::Never,
        });
        p.set_tally(&Tally {
            yes: Uint128::new(1),
            ..Tally::default()
        });
        let mut want = vec![0, 0xff, 0b011, 2, 1];
        let n16 = |n: u128| n.to_be_bytes().to_vec();
        let n8 = |n: u64| n.to_be_bytes().to_vec();
        for part in [n16(7), n16(0), n16(1), n16(0), n16(0), n16(0), n16(2)] {
            want.extend(part);
        }
        for n in [3, 4, 5, 6, 0, 8, 9] {
            want.extend(n8(n));
        }
        want.extend([0, 0, 0, 1, 0, 0, 0, 2, b'a', b'b', 0]);
        assert_eq!(p.bytes, want);
        assert_eq!(
            proposal_key(1),
            b"\x00\x08proposal\x00\x00\x00\x00\x00\x00\x00\x01"
        );
    }
}
