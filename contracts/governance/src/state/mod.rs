//! Every storage key of governance, in one place, and the binary layout of each record
//! (see `codec`): the configuration, the voting records and the ballots are read on every vote
//! and execution, so none of them is JSON.
//!
//! | key | value |
//! |---|---|
//! | `config` | `Config` |
//! | `proposal_seq` | last proposal id, u64 |
//! | `proposal` + id (u64) | `Proposal`, the voting record |
//! | `proposal_text` + id | title and description |
//! | `proposal_actions` + id | the actions, each as its JSON (see `save_actions`) |
//! | `execution_error` + id | why execution failed |
//! | `ballot` + (id, voter) | `StoredBallot` |
//! | `reward_period` | `RewardPeriod` |
//! | `bootstrap_msg`, `bootstrap_addrs` | only during a bootstrap (see `bootstrap`) |
//!
//! Map keys are laid out as cw-storage-plus lays them out (see `codec`).

use commons::asset::AssetInfo;
use commons::governance::{
    ConfigResponse, DepositConfig, ProposalAction, RefundPolicy, RewardVesting, Status, Vote,
    VoterRewardsConfig,
};
use cosmwasm_std::{Addr, Decimal, StdError, StdResult, Storage, Timestamp, Uint128};
use cw_utils::Threshold;

use commons::codec::{id_addr_key, map_key, Reader, Writer};

mod record;

pub use record::{proposal_key, NewProposal, Proposal};

/// The configuration has exactly the shape of its query response.
pub type Config = ConfigResponse;

const CONFIG_KEY: &[u8] = b"config";
const PROPOSAL_SEQ_KEY: &[u8] = b"proposal_seq";
const PROPOSALS: &[u8] = b"proposal";
const PROPOSAL_TEXTS: &[u8] = b"proposal_text";
const PROPOSAL_ACTIONS: &[u8] = b"proposal_actions";
const EXECUTION_ERRORS: &[u8] = b"execution_error";
pub const BALLOTS: &[u8] = b"ballot";
const REWARD_PERIOD_KEY: &[u8] = b"reward_period";

fn status_code(status: Status) -> u8 {
    match status {
        Status::Open => 0,
        Status::Passed => 1,
        Status::Rejected => 2,
        Status::Vetoed => 3,
        Status::Executed => 4,
        Status::ExecutionFailed => 5,
        Status::Expired => 6,
        Status::Closed => 7,
    }
}

fn status_from(code: u8) -> StdResult<Status> {
    Ok(match code {
        0 => Status::Open,
        1 => Status::Passed,
        2 => Status::Rejected,
        3 => Status::Vetoed,
        4 => Status::Executed,
        5 => Status::ExecutionFailed,
        6 => Status::Expired,
        7 => Status::Closed,
        _ => return Err(StdError::parse_err("status", "unknown code")),
    })
}

fn refund_code(refund: RefundPolicy) -> u8 {
    match refund {
        RefundPolicy::Always => 0,
        RefundPolicy::OnlyPassed => 1,
        RefundPolicy::Never => 2,
    }
}

fn refund_from(code: u8) -> StdResult<RefundPolicy> {
    Ok(match code {
        0 => RefundPolicy::Always,
        1 => RefundPolicy::OnlyPassed,
        2 => RefundPolicy::Never,
        _ => return Err(StdError::parse_err("refund policy", "unknown code")),
    })
}

fn vote_code(vote: Vote) -> u8 {
    match vote {
        Vote::Yes => 0,
        Vote::No => 1,
        Vote::Abstain => 2,
        Vote::Veto => 3,
    }
}

fn vote_from(code: u8) -> StdResult<Vote> {
    Ok(match code {
        0 => Vote::Yes,
        1 => Vote::No,
        2 => Vote::Abstain,
        3 => Vote::Veto,
        _ => return Err(StdError::parse_err("vote", "unknown code")),
    })
}

/// A threshold as a kind byte and two 16-byte numbers (a weight, or `Decimal` atomics).
fn put_threshold(w: &mut Writer, threshold: &Threshold) {
    let (kind, a, b) = match threshold {
        Threshold::AbsoluteCount { weight } => (0, *weight as u128, 0),
        Threshold::AbsolutePercentage { percentage } => (1, percentage.atomics().u128(), 0),
        Threshold::ThresholdQuorum { threshold, quorum } => {
            (2, threshold.atomics().u128(), quorum.atomics().u128())
        }
    };
    w.u8(kind).u128(a).u128(b);
}

fn threshold(r: &mut Reader) -> StdResult<Threshold> {
    let (kind, a, b) = (r.u8()?, r.u128()?, r.u128()?);
    Ok(match kind {
        0 => Threshold::AbsoluteCount {
            weight: u64::try_from(a).map_err(|_| StdError::parse_err("threshold", "weight"))?,
        },
        1 => Threshold::AbsolutePercentage {
            percentage: Decimal::raw(a),
        },
        2 => Threshold::ThresholdQuorum {
            threshold: Decimal::raw(a),
            quorum: Decimal::raw(b),
        },
        _ => return Err(StdError::parse_err("threshold", "unknown kind")),
    })
}

/// An optional asset kind: 0 none, 1 native denom, 2 cw20 address.
fn put_asset_info(w: &mut Writer, info: Option<&AssetInfo>) {
    match info {
        None => w.u8(0),
        Some(AssetInfo::Native(denom)) => w.u8(1).string(denom),
        Some(AssetInfo::Cw20(addr)) => w.u8(2).string(addr.as_str()),
    };
}

fn asset_info(r: &mut Reader) -> StdResult<Option<AssetInfo>> {
    Ok(match r.u8()? {
        0 => None,
        1 => Some(AssetInfo::Native(r.string()?)),
        2 => Some(AssetInfo::Cw20(r.addr()?)),
        _ => return Err(StdError::parse_err("asset", "unknown kind")),
    })
}

fn encode_config(c: &Config) -> Vec<u8> {
    let mut w = Writer::with_capacity(400);
    w.string(c.token.as_str())
        .opt_addr(c.treasury.as_ref())
        .opt_addr(c.escrow.as_ref())
        .u64(c.voting_period_seconds)
        .u64(c.min_voting_period_seconds);
    put_threshold(&mut w, &c.threshold);
    w.bool(c.allow_revoting)
        .u64(c.execution_delay_seconds)
        .u64(c.execution_window_seconds);
    put_asset_info(&mut w, c.proposal_deposit.as_ref().map(|d| &d.asset_info));
    if let Some(d) = &c.proposal_deposit {
        w.amount(d.amount).u8(refund_code(d.refund));
    }
    w.amount(c.min_proposer_power);
    match &c.voter_rewards {
        None => w.u8(0),
        Some(r) => w
            .u8(1)
            .amount(r.amount_per_proposal)
            .amount(r.max_per_period)
            .u64(r.period_seconds)
            .u64(r.vesting.cliff_seconds)
            .u64(r.vesting.duration_seconds)
            .u128(r.min_turnout.atomics().u128()),
    };
    w.u32(c.max_actions).opt_addr(c.guardian.as_ref());
    w.0
}

fn decode_config(bytes: &[u8]) -> StdResult<Config> {
    let mut r = Reader::new(bytes, "config");
    let token = r.addr()?;
    let treasury = r.opt_addr()?;
    let escrow = r.opt_addr()?;
    let voting_period_seconds = r.u64()?;
    let min_voting_period_seconds = r.u64()?;
    let threshold = threshold(&mut r)?;
    let allow_revoting = r.bool()?;
    let execution_delay_seconds = r.u64()?;
    let execution_window_seconds = r.u64()?;
    let proposal_deposit = match asset_info(&mut r)? {
        None => None,
        Some(asset_info) => Some(DepositConfig {
            asset_info,
            amount: r.amount()?,
            refund: refund_from(r.u8()?)?,
        }),
    };
    let min_proposer_power = r.amount()?;
    let voter_rewards = read_rewards(&mut r)?;
    let max_actions = r.u32()?;
    let guardian = r.opt_addr()?;
    r.finish()?;
    Ok(Config {
        token,
        treasury,
        escrow,
        voting_period_seconds,
        min_voting_period_seconds,
        threshold,
        allow_revoting,
        execution_delay_seconds,
        execution_window_seconds,
        proposal_deposit,
        min_proposer_power,
        voter_rewards,
        max_actions,
        guardian,
    })
}

fn config_bytes(store: &dyn Storage) -> StdResult<Vec<u8>> {
    store
        .get(CONFIG_KEY)
        .ok_or_else(|| StdError::not_found("config"))
}

pub fn load_config(store: &dyn Storage) -> StdResult<Config> {
    decode_config(&config_bytes(store)?)
}

/// The stored configuration, for reading the suite's addresses at its front in place: a vote
/// needs only those, and decoding the whole configuration would cost more than they do.
pub struct ConfigBytes(Vec<u8>);

impl ConfigBytes {
    pub fn load(store: &dyn Storage) -> StdResult<Self> {
        config_bytes(store).map(ConfigBytes)
    }

    /// The suite's contracts, and a reader of the rest of the configuration.
    fn front(&self) -> StdResult<(Contracts<'_>, Reader<'_>)> {
        let mut r = Reader::new(&self.0, "config");
        let token = r.str()?;
        let [treasury, escrow] = [r.str()?, r.str()?].map(|a| (!a.is_empty()).then_some(a));
        Ok((
            Contracts {
                token,
                treasury,
                escrow,
            },
            r,
        ))
    }

    /// The suite's contracts.
    pub fn contracts(&self) -> StdResult<Contracts<'_>> {
        Ok(self.front()?.0)
    }

    /// The voter rewards, if any (skipping the rest of the configuration).
    pub fn voter_rewards(&self) -> StdResult<Option<VoterRewardsConfig>> {
        let (_, mut r) = self.front()?;
        // periods, threshold, revoting, timelock and window
        r.u64()?;
        r.u64()?;
        threshold(&mut r)?;
        r.u8()?;
        r.u64()?;
        r.u64()?;
        if r.u8()? != 0 {
            // deposit: denom or address, amount, refund policy
            r.str()?;
            r.u128()?;
            r.u8()?;
        }
        r.u128()?;
        read_rewards(&mut r)
    }
}

/// The suite's contracts, as the configuration names them: what executing actions and
/// settling deposits needs of it.
pub struct Contracts<'a> {
    pub token: &'a str,
    pub treasury: Option<&'a str>,
    pub escrow: Option<&'a str>,
}

// inlined: returned through a call, the configuration would be copied byte by byte
#[inline(always)]
fn read_rewards(r: &mut Reader) -> StdResult<Option<VoterRewardsConfig>> {
    Ok(match r.u8()? {
        0 => None,
        _ => Some(VoterRewardsConfig {
            amount_per_proposal: r.amount()?,
            max_per_period: r.amount()?,
            period_seconds: r.u64()?,
            vesting: RewardVesting {
                cliff_seconds: r.u64()?,
                duration_seconds: r.u64()?,
            },
            min_turnout: Decimal::raw(r.u128()?),
        }),
    })
}

pub fn save_config(store: &mut dyn Storage, config: &Config) {
    store.set(CONFIG_KEY, &encode_config(config));
}

/// The id the next proposal gets.
pub fn next_proposal_id(store: &mut dyn Storage) -> StdResult<u64> {
    let last = match store.get(PROPOSAL_SEQ_KEY) {
        Some(bytes) => Reader::new(&bytes, "proposal_seq").u64()?,
        None => 0,
    };
    let id = last + 1;
    store.set(PROPOSAL_SEQ_KEY, &id.to_be_bytes());
    Ok(id)
}

/// Title and description of a proposal.
pub fn save_text(store: &mut dyn Storage, id: u64, title: &str, description: &str) {
    let mut w = Writer::with_capacity(8 + title.len() + description.len());
    w.string(title).string(description);
    store.set(&map_key(PROPOSAL_TEXTS, &id.to_be_bytes()), &w.0);
}

pub fn load_text(store: &dyn Storage, id: u64) -> StdResult<(String, String)> {
    let bytes = store
        .get(&map_key(PROPOSAL_TEXTS, &id.to_be_bytes()))
        .ok_or_else(|| StdError::not_found("proposal text"))?;
    let mut r = Reader::new(&bytes, "proposal text");
    let text = (r.string()?, r.string()?);
    r.finish()?;
    Ok(text)
}

/// The number of actions, then each action as its JSON with its length in front, written by
/// the derived `ToJson`: the bytes serde writes, so actions stored before are read the same.
pub fn save_actions(store: &mut dyn Storage, id: u64, actions: &[ProposalAction]) -> StdResult<()> {
    let mut w = Writer::default();
    w.u32(actions.len() as u32);
    for action in actions {
        w.bytes(&commons_json::to_vec(action)?);
    }
    store.set(&map_key(PROPOSAL_ACTIONS, &id.to_be_bytes()), &w.0);
    Ok(())
}

/// A proposal's stored actions (see `save_actions`).
pub struct StoredActions(Vec<u8>);

impl StoredActions {
    pub fn load(store: &dyn Storage, id: u64) -> StdResult<Self> {
        store
            .get(&map_key(PROPOSAL_ACTIONS, &id.to_be_bytes()))
            .map(StoredActions)
            .ok_or_else(|| StdError::not_found("proposal actions"))
    }

    /// The JSON of each action, in order.
    pub fn texts(&self) -> StdResult<Vec<&[u8]>> {
        let mut r = Reader::new(&self.0, "proposal actions");
        let count = r.u32()?;
        let texts = (0..count).map(|_| r.bytes()).collect::<StdResult<_>>()?;
        r.finish()?;
        Ok(texts)
    }

    /// The actions, parsed.
    pub fn parse(&self) -> StdResult<Vec<ProposalAction>> {
        self.texts()?
            .into_iter()
            .map(commons_json::from_slice)
            .collect()
    }
}

pub fn save_execution_error(store: &mut dyn Storage, id: u64, error: &str) {
    let mut w = Writer::with_capacity(4 + error.len());
    w.string(error);
    store.set(&map_key(EXECUTION_ERRORS, &id.to_be_bytes()), &w.0);
}

pub fn load_execution_error(store: &dyn Storage, id: u64) -> StdResult<Option<String>> {
    store
        .get(&map_key(EXECUTION_ERRORS, &id.to_be_bytes()))
        .map(|bytes| {
            let mut r = Reader::new(&bytes, "execution error");
            let error = r.string()?;
            r.finish()?;
            Ok(error)
        })
        .transpose()
}

/// The storage key of `voter`'s ballot on proposal `id`.
pub fn ballot_key(id: u64, voter: &Addr) -> Vec<u8> {
    id_addr_key(BALLOTS, id, voter.as_bytes())
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
    /// Layout: vote, reward claimed, power, whether a rationale follows, the rationale.
    pub fn encode(&self) -> Vec<u8> {
        let rationale = self.rationale.as_deref().unwrap_or_default();
        let mut w = Writer::with_capacity(19 + rationale.len());
        w.u8(vote_code(self.vote))
            .bool(self.reward_claimed)
            .amount(self.power)
            .bool(self.rationale.is_some());
        w.0.extend_from_slice(rationale.as_bytes());
        w.0
    }

    pub fn decode(bytes: &[u8]) -> StdResult<Self> {
        let mut r = Reader::new(bytes, "ballot");
        let vote = vote_from(r.u8()?)?;
        let reward_claimed = r.bool()?;
        let power = r.amount()?;
        let rationale = match r.bool()? {
            true => Some(r.rest()?),
            false => {
                r.finish()?;
                None
            }
        };
        Ok(StoredBallot {
            vote,
            power,
            rationale,
            reward_claimed,
        })
    }

    /// The ballot under `key` (see `ballot_key`).
    pub fn may_load(store: &dyn Storage, key: &[u8]) -> StdResult<Option<Self>> {
        store.get(key).map(|bytes| Self::decode(&bytes)).transpose()
    }

    pub fn save(&self, store: &mut dyn Storage, key: &[u8]) {
        store.set(key, &self.encode());
    }
}

/// The current reward period (fixed buckets of `period_seconds` from instantiation).
#[derive(Clone, Debug, PartialEq)]
pub struct RewardPeriod {
    pub start: Timestamp,
    pub paid: Uint128,
}

impl RewardPeriod {
    /// Layout: start in nanoseconds, amount paid in it.
    pub fn load(store: &dyn Storage) -> StdResult<Self> {
        let bytes = store
            .get(REWARD_PERIOD_KEY)
            .ok_or_else(|| StdError::not_found("reward period"))?;
        let mut r = Reader::new(&bytes, "reward period");
        let period = RewardPeriod {
            start: r.time()?,
            paid: r.amount()?,
        };
        r.finish()?;
        Ok(period)
    }

    pub fn save(&self, store: &mut dyn Storage) {
        let mut w = Writer::with_capacity(24);
        w.time(self.start).amount(self.paid);
        store.set(REWARD_PERIOD_KEY, &w.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::MockStorage;

    fn config() -> Config {
        Config {
            token: Addr::unchecked("token"),
            treasury: Some(Addr::unchecked("treasury")),
            escrow: None,
            voting_period_seconds: 1_000,
            min_voting_period_seconds: 10,
            threshold: Threshold::ThresholdQuorum {
                threshold: Decimal::percent(50),
                quorum: Decimal::permille(333),
            },
            allow_revoting: true,
            execution_delay_seconds: 100,
            execution_window_seconds: 500,
            proposal_deposit: Some(DepositConfig {
                asset_info: AssetInfo::Native("ucoin".into()),
                amount: Uint128::new(10),
                refund: RefundPolicy::OnlyPassed,
            }),
            min_proposer_power: Uint128::MAX,
            voter_rewards: Some(VoterRewardsConfig {
                amount_per_proposal: Uint128::new(7),
                max_per_period: Uint128::new(70),
                period_seconds: 86_400,
                vesting: RewardVesting {
                    cliff_seconds: 1,
                    duration_seconds: 2,
                },
                min_turnout: Decimal::percent(10),
            }),
            max_actions: 30,
            guardian: Some(Addr::unchecked("council")),
        }
    }

    #[test]
    fn config_round_trips() {
        let mut store = MockStorage::new();
        let mut c = config();
        save_config(&mut store, &c);
        assert_eq!(load_config(&store).unwrap(), c);
        let bytes = ConfigBytes::load(&store).unwrap();
        let contracts = bytes.contracts().unwrap();
        assert_eq!(
            (contracts.token, contracts.treasury, contracts.escrow),
            ("token", Some("treasury"), None)
        );
        assert_eq!(bytes.voter_rewards().unwrap(), c.voter_rewards);
        c.treasury = None;
        c.escrow = Some(Addr::unchecked("escrow"));
        c.threshold = Threshold::AbsolutePercentage {
            percentage: Decimal::one(),
        };
        c.proposal_deposit = None;
        c.voter_rewards = None;
        c.guardian = None;
        save_config(&mut store, &c);
        assert_eq!(load_config(&store).unwrap(), c);
        let bytes = ConfigBytes::load(&store).unwrap();
        assert_eq!(bytes.voter_rewards().unwrap(), None);
        assert_eq!(bytes.contracts().unwrap().escrow, Some("escrow"));
        assert!(decode_config(&encode_config(&c)[1..]).is_err());
    }

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
        let mut want = vec![0, 0];
        want.extend(1u128.to_be_bytes());
        want.push(0);
        assert_eq!(b.encode(), want);
        assert!(StoredBallot::decode(&[9; 19]).is_err());
    }

    #[test]
    fn sequence_text_errors_and_reward_period() {
        let mut store = MockStorage::new();
        assert_eq!(next_proposal_id(&mut store).unwrap(), 1);
        assert_eq!(next_proposal_id(&mut store).unwrap(), 2);
        save_text(&mut store, 2, "title", "");
        assert_eq!(
            load_text(&store, 2).unwrap(),
            ("title".to_string(), String::new())
        );
        assert_eq!(load_execution_error(&store, 2).unwrap(), None);
        let actions = vec![
            ProposalAction::TokenMint {
                recipient: "a".into(),
                amount: Uint128::new(1),
            },
            ProposalAction::TreasuryRevokeBudget {
                spender: "b".into(),
            },
        ];
        save_actions(&mut store, 2, &actions).unwrap();
        let stored = StoredActions::load(&store, 2).unwrap();
        assert_eq!(stored.parse().unwrap(), actions);
        assert_eq!(
            stored.texts().unwrap()[1],
            br#"{"treasury_revoke_budget":{"spender":"b"}}"#
        );
        save_actions(&mut store, 3, &[]).unwrap();
        assert_eq!(
            StoredActions::load(&store, 3).unwrap().parse().unwrap(),
            vec![]
        );
        save_execution_error(&mut store, 2, "boom");
        assert_eq!(
            load_execution_error(&store, 2).unwrap().as_deref(),
            Some("boom")
        );
        save_execution_error(&mut store, 2, "");
        assert_eq!(
            load_execution_error(&store, 2).unwrap().as_deref(),
            Some("")
        );
        let period = RewardPeriod {
            start: Timestamp::from_seconds(9),
            paid: Uint128::new(3),
        };
        period.save(&mut store);
        assert_eq!(RewardPeriod::load(&store).unwrap(), period);
    }
}
