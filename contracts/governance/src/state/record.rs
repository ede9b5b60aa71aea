//! A proposal's voting record, kept as its stored bytes and read and written in place.

use commons::asset::Asset;
use commons::governance::{RefundPolicy, Status, Tally};
use commons::layout::Stored;
use cosmwasm_std::{Addr, StdError, StdResult, Storage, Timestamp, Uint128};
use cw_utils::Threshold;

use super::{
    asset_info, put_asset_info, put_threshold, refund_code, refund_from, status_code, status_from,
    threshold, ThresholdPart, PROPOSALS,
};
use commons::codec::{map_key, prefix_end, Reader, Writer};

commons::layout! {
    /// The fixed part of a voting record; the proposer and the deposit follow as its tail
    /// (proposer as a length-prefixed string, deposit as an asset kind, its denom or address
    /// and its amount; see `commons::codec`).
    pub struct ProposalLayout("proposal", version 2) {
        /// `status_code`
        STATUS: u8,
        /// the status it had when closed; 0xff: none
        CLOSED_AS: u8,
        /// 1 revoting allowed, 2 deposit settled, 4 decided early, 8 carries chain messages
        /// (`custom` actions, the only ones that can move governance's own funds)
        FLAGS: u8,
        /// `refund_code`
        REFUND: u8,
        /// copied from the configuration at creation
        THRESHOLD: ThresholdPart,
        YES: Uint128,
        NO: Uint128,
        ABSTAIN: Uint128,
        VETO: Uint128,
        TOTAL_POWER: Uint128,
        SNAPSHOT_HEIGHT: u64,
        CREATED_AT: Timestamp,
        VOTING_ENDS_AT: Timestamp,
        MIN_VOTING_ENDS_AT: Timestamp,
        /// meaningful with the "decided early" flag
        DECIDED_AT: Timestamp,
        EXECUTION_DELAY_SECONDS: u64,
        EXECUTION_WINDOW_SECONDS: u64,
        ACTION_COUNT: u32,
        /// the reward epoch it was created in (0: rewards were off) and its period in that
        /// epoch, which hold the reward settings it pays with (see `state::rewards`)
        REWARD_EPOCH: u64,
        REWARD_PERIOD: u64,
    }
}

const REVOTING: u8 = 1;
const DEPOSIT_SETTLED: u8 = 2;
const DECIDED: u8 = 4;
const CHAIN_MESSAGES: u8 = 8;
const NOT_CLOSED: u8 = u8::MAX;

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
    /// Whether an action is `custom` (see `CHAIN_MESSAGES`).
    pub chain_messages: bool,
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
pub struct Proposal(Stored<ProposalLayout>);

impl Proposal {
    pub fn new(p: NewProposal) -> Self {
        let mut r = Stored::<ProposalLayout>::with_tail_capacity(96);
        let flags = if p.allow_revoting { REVOTING } else { 0 }
            | if p.deposit.is_none() {
                DEPOSIT_SETTLED
            } else {
                0
            }
            | if p.chain_messages { CHAIN_MESSAGES } else { 0 };
        r.set(ProposalLayout::STATUS, status_code(Status::Open));
        r.set(ProposalLayout::CLOSED_AS, NOT_CLOSED);
        r.set(ProposalLayout::FLAGS, flags);
        r.set(ProposalLayout::REFUND, refund_code(p.refund));
        put_threshold(r.part_mut(ProposalLayout::THRESHOLD), p.threshold);
        r.set(ProposalLayout::TOTAL_POWER, p.total_power);
        r.set(ProposalLayout::SNAPSHOT_HEIGHT, p.snapshot_height);
        r.set(ProposalLayout::CREATED_AT, p.created_at);
        r.set(ProposalLayout::VOTING_ENDS_AT, p.voting_ends_at);
        r.set(ProposalLayout::MIN_VOTING_ENDS_AT, p.min_voting_ends_at);
        r.set(
            ProposalLayout::EXECUTION_DELAY_SECONDS,
            p.execution_delay_seconds,
        );
        r.set(
            ProposalLayout::EXECUTION_WINDOW_SECONDS,
            p.execution_window_seconds,
        );
        r.set(ProposalLayout::ACTION_COUNT, p.action_count);
        let mut tail = Writer::with_capacity(96);
        tail.string(p.proposer.as_str());
        put_asset_info(&mut tail, p.deposit.map(|d| &d.info));
        if let Some(d) = p.deposit {
            tail.amount(d.amount);
        }
        r.set_tail(&tail.0);
        Proposal(r)
    }

    /// The record in `bytes`, checked: its layout version, every code valid, nothing missing
    /// or left over.
    fn from_bytes(bytes: Vec<u8>) -> StdResult<Self> {
        let p = Proposal(Stored::from_stored(bytes)?);
        status_from(p.0.get(ProposalLayout::STATUS))?;
        if let code @ 0..=254 = p.0.get(ProposalLayout::CLOSED_AS) {
            status_from(code)?;
        }
        refund_from(p.0.get(ProposalLayout::REFUND))?;
        threshold(p.0.part(ProposalLayout::THRESHOLD))?;
        let mut tail = p.tail();
        tail.string()?;
        if asset_info(&mut tail)?.is_some() {
            tail.amount()?;
        }
        tail.finish()?;
        Ok(p)
    }

    pub fn may_load(store: &dyn Storage, id: u64) -> StdResult<Option<Self>> {
        store
            .get(&proposal_key(id))
            .map(Self::from_bytes)
            .transpose()
    }

    pub fn save(&self, store: &mut dyn Storage, id: u64) {
        store.set(&proposal_key(id), self.0.as_bytes());
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

    fn flag(&self, flag: u8) -> bool {
        self.0.get(ProposalLayout::FLAGS) & flag != 0
    }

    fn set_flag(&mut self, flag: u8) {
        let flags = self.0.get(ProposalLayout::FLAGS);
        self.0.set(ProposalLayout::FLAGS, flags | flag);
    }

    /// `Open` until executed or closed; the other statuses are computed from time and tally.
    pub fn stored_status(&self) -> Status {
        // checked when the record was loaded
        status_from(self.0.get(ProposalLayout::STATUS)).unwrap_or(Status::Open)
    }

    pub fn set_stored_status(&mut self, status: Status) {
        self.0.set(ProposalLayout::STATUS, status_code(status));
    }

    /// For a closed proposal: what it was when closed.
    pub fn closed_as(&self) -> Option<Status> {
        status_from(self.0.get(ProposalLayout::CLOSED_AS)).ok()
    }

    pub fn set_closed_as(&mut self, status: Status) {
        self.0.set(ProposalLayout::CLOSED_AS, status_code(status));
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

    /// Whether the proposal carries `custom` actions: its execution is checked to leave every
    /// unsettled deposit in place (see `deposits`).
    pub fn chain_messages(&self) -> bool {
        self.flag(CHAIN_MESSAGES)
    }

    pub fn refund(&self) -> RefundPolicy {
        // checked when the record was loaded
        refund_from(self.0.get(ProposalLayout::REFUND)).unwrap_or(RefundPolicy::Never)
    }

    pub fn threshold(&self) -> Threshold {
        // checked when the record was loaded, so never the fallback
        threshold(self.0.part(ProposalLayout::THRESHOLD))
            .unwrap_or(Threshold::AbsoluteCount { weight: u64::MAX })
    }

    pub fn tally(&self) -> Tally {
        Tally {
            yes: self.0.get(ProposalLayout::YES),
            no: self.0.get(ProposalLayout::NO),
            abstain: self.0.get(ProposalLayout::ABSTAIN),
            veto: self.0.get(ProposalLayout::VETO),
        }
    }

    pub fn set_tally(&mut self, tally: &Tally) {
        self.0.set(ProposalLayout::YES, tally.yes);
        self.0.set(ProposalLayout::NO, tally.no);
        self.0.set(ProposalLayout::ABSTAIN, tally.abstain);
        self.0.set(ProposalLayout::VETO, tally.veto);
    }

    /// Power that can vote: the token's total at the snapshot, less the suite contracts' own.
    pub fn total_power(&self) -> Uint128 {
        self.0.get(ProposalLayout::TOTAL_POWER)
    }

    pub fn snapshot_height(&self) -> u64 {
        self.0.get(ProposalLayout::SNAPSHOT_HEIGHT)
    }

    pub fn created_at(&self) -> Timestamp {
        self.0.get(ProposalLayout::CREATED_AT)
    }

    pub fn voting_ends_at(&self) -> Timestamp {
        self.0.get(ProposalLayout::VOTING_ENDS_AT)
    }

    pub fn min_voting_ends_at(&self) -> Timestamp {
        self.0.get(ProposalLayout::MIN_VOTING_ENDS_AT)
    }

    /// Set when a vote made the outcome final before the end of voting (never with revoting);
    /// never earlier than `min_voting_ends_at`.
    pub fn decided_at(&self) -> Option<Timestamp> {
        self.flag(DECIDED)
            .then(|| self.0.get(ProposalLayout::DECIDED_AT))
    }

    pub fn set_decided_at(&mut self, at: Timestamp) {
        self.0.set(ProposalLayout::DECIDED_AT, at);
        self.set_flag(DECIDED);
    }

    pub fn execution_delay_seconds(&self) -> u64 {
        self.0.get(ProposalLayout::EXECUTION_DELAY_SECONDS)
    }

    pub fn execution_window_seconds(&self) -> u64 {
        self.0.get(ProposalLayout::EXECUTION_WINDOW_SECONDS)
    }

    /// The reward epoch and period the proposal was created in; `None` if rewards were off.
    pub fn reward_period(&self) -> Option<(u64, u64)> {
        match self.0.get(ProposalLayout::REWARD_EPOCH) {
            0 => None,
            epoch => Some((epoch, self.0.get(ProposalLayout::REWARD_PERIOD))),
        }
    }

    /// Records the reward period the proposal belongs to (epochs count from 1).
    pub fn set_reward_period(&mut self, epoch: u64, period: u64) {
        self.0.set(ProposalLayout::REWARD_EPOCH, epoch);
        self.0.set(ProposalLayout::REWARD_PERIOD, period);
    }

    /// Number of actions (the actions themselves are stored apart).
    pub fn action_count(&self) -> u32 {
        self.0.get(ProposalLayout::ACTION_COUNT)
    }

    fn tail(&self) -> Reader<'_> {
        Reader::new(self.0.tail(), "proposal")
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
    use commons::layout::Layout;
    use cosmwasm_std::testing::MockStorage;
    use cosmwasm_std::Decimal;

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
            chain_messages: false,
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
        assert_eq!(p.reward_period(), None);
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
        p.set_reward_period(u64::MAX, 7);
        p.save(&mut store, 9);
        let p = Proposal::may_load(&store, 9).unwrap().unwrap();
        assert_eq!(p.tally(), tally);
        assert_eq!(p.decided_at(), Some(Timestamp::from_nanos(4)));
        assert_eq!(p.reward_period(), Some((u64::MAX, 7)));
        assert!(p.deposit_settled() && p.allow_revoting());
        assert_eq!(
            (p.stored_status(), p.closed_as()),
            (Status::Closed, Some(Status::Vetoed))
        );
        let (id, entry) =
            Proposal::from_entry(&proposal_key(u64::MAX), p.0.as_bytes().to_vec()).unwrap();
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
                let p = Proposal::from_bytes(p.0.into_bytes()).unwrap();
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
        let good = new_proposal(&proposer, &threshold, None).0.into_bytes();
        let mut long = good.clone();
        long.push(0);
        let mut bad_status = good.clone();
        bad_status[ProposalLayout::STATUS.at()] = 8;
        let mut bad_threshold = good.clone();
        bad_threshold[ProposalLayout::THRESHOLD.at()] = 3;
        let mut future = good.clone();
        future[0] = 3;
        // version 1: no reward period
        let mut per_proposal_rewards = good[..ProposalLayout::LEN - 16].to_vec();
        per_proposal_rewards[0] = 1;
        for bytes in [
            per_proposal_rewards,
            good[..ProposalLayout::LEN - 1].to_vec(),
            good[..good.len() - 1].to_vec(),
            long,
            bad_status,
            bad_threshold,
            future.clone(),
        ] {
            assert!(Proposal::from_bytes(bytes).is_err());
        }
        let err = Proposal::from_bytes(future).unwrap_err();
        assert!(err.to_string().contains("layout version 3"), "{err}");
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
            chain_messages: false,
        });
        p.set_tally(&Tally {
            yes: Uint128::new(1),
            ..Tally::default()
        });
        p.set_reward_period(10, 11);
        // version, status, closed as, flags, refund, threshold kind
        let mut want = vec![2, 0, 0xff, 0b011, 2, 1];
        let n16 = |n: u128| n.to_be_bytes().to_vec();
        let n8 = |n: u64| n.to_be_bytes().to_vec();
        for part in [n16(7), n16(0), n16(1), n16(0), n16(0), n16(0), n16(2)] {
            want.extend(part);
        }
        for n in [3, 4, 5, 6, 0, 8, 9] {
            want.extend(n8(n));
        }
        want.extend([0, 0, 0, 1]);
        want.extend(n8(10));
        want.extend(n8(11));
        want.extend([0, 0, 0, 2, b'a', b'b', 0]);
        assert_eq!(p.0.as_bytes(), &want[..]);
        assert_eq!(
            proposal_key(1),
            b"\x00\x08proposal\x00\x00\x00\x00\x00\x00\x00\x01"
        );
    }
}
