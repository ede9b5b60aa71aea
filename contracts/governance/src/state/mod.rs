//! Every storage key of governance, in one place.
//!
//! | key | value |
//! |---|---|
//! | `config` | `Config` ([`ConfigLayout`] and its tail) |
//! | `proposal_seq` | the last proposal id ([`ProposalSeqLayout`]) |
//! | `proposal` + id (u64) | `Proposal`, the voting record ([`ProposalLayout`] and its tail) |
//! | `proposal_text` + id | title and description ([`TextLayout`]) |
//! | `proposal_actions` + id | the actions, each as its JSON (see `save_actions`) |
//! | `execution_error` + id | why execution failed ([`TextLayout`]) |
//! | `ballot` + (id, voter) | `StoredBallot` ([`BallotLayout`]) |
//! | `reward_period` | `RewardPeriod` ([`RewardPeriodLayout`]) |
//! | `bootstrap_msg`, `bootstrap_addrs` | JSON, only during a bootstrap (see `bootstrap`) |
//!
//! Binary records are layouts declared once (`commons::layout`), each starting with its layout
//! version. The configuration, voting records, ballots and reward period are read by every
//! proposal, vote, execution or reward claim, where parsing JSON would cost more than the rest
//! of the message (measured: see `bench/analysis.md`); the bootstrap's records are read only
//! while the suite is created, so they are JSON. Map keys are laid out as cw-storage-plus lays
//! them out (see `codec`).

use commons::asset::AssetInfo;
use commons::governance::{
    ConfigResponse, DepositConfig, ProposalAction, RefundPolicy, RewardVesting, Status, Vote,
    VoterRewardsConfig,
};
use commons_json::{FromJson, ToJson};
use cosmwasm_std::{Addr, Decimal, StdError, StdResult, Storage, Timestamp, Uint128};
use cw_utils::Threshold;

use commons::codec::{id_addr_key, map_key, Reader, Writer};
use commons::layout::{LayoutError, PartMut, PartRef, Stored};

use crate::error::ContractError;

mod record;

pub use record::{proposal_key, NewProposal, Proposal};

/// The configuration has exactly the shape of its query response.
pub type Config = ConfigResponse;

const PROPOSAL_SEQ_KEY: &[u8] = b"proposal_seq";
const PROPOSALS: &[u8] = b"proposal";
const PROPOSAL_TEXTS: &[u8] = b"proposal_text";
const PROPOSAL_ACTIONS: &[u8] = b"proposal_actions";
const EXECUTION_ERRORS: &[u8] = b"execution_error";
pub const BALLOTS: &[u8] = b"ballot";

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

/// A cold record: the JSON that cw-storage-plus's `Item<T>` stores under its key (so an
/// `Item<T>` and raw queries read it), read and written by the readers derived from the wire
/// types, which governance carries for its messages anyway (serde's would add a deserializer
/// per type to the wasm).
pub struct JsonItem(&'static [u8]);

impl JsonItem {
    pub fn may_load<T: FromJson>(&self, store: &dyn Storage) -> StdResult<Option<T>> {
        store.get(self.0).map(commons_json::from_slice).transpose()
    }

    pub fn load<T: FromJson>(&self, store: &dyn Storage, what: &str) -> StdResult<T> {
        self.may_load(store)?
            .ok_or_else(|| StdError::not_found(what))
    }

    pub fn save(&self, store: &mut dyn Storage, value: &dyn ToJson) -> StdResult<()> {
        store.set(self.0, &commons_json::to_vec(value)?);
        Ok(())
    }

    pub fn remove(&self, store: &mut dyn Storage) {
        store.remove(self.0);
    }
}

/// Token and treasury addresses as the bootstrap creates them (JSON, only during a bootstrap).
#[derive(Clone, Debug, Default, PartialEq, FromJson, ToJson)]
pub struct BootstrapAddrs {
    pub token: Option<Addr>,
    pub treasury: Option<Addr>,
}

pub const BOOTSTRAP_ADDRS: JsonItem = JsonItem(b"bootstrap_addrs");

commons::part! {
    /// A threshold, in a configuration and in every voting record.
    pub struct ThresholdPart {
        /// 0 absolute count, 1 absolute percentage, 2 threshold and quorum
        KIND: u8,
        /// the weight, or the percentage or threshold (`Decimal` atomics)
        A: u128,
        /// the quorum (`Decimal` atomics)
        B: u128,
    }
}

fn put_threshold(mut part: PartMut<'_, ThresholdPart>, threshold: &Threshold) {
    let (kind, a, b) = match threshold {
        Threshold::AbsoluteCount { weight } => (0, u128::from(*weight), 0),
        Threshold::AbsolutePercentage { percentage } => (1, percentage.atomics().u128(), 0),
        Threshold::ThresholdQuorum { threshold, quorum } => {
            (2, threshold.atomics().u128(), quorum.atomics().u128())
        }
    };
    part.set(ThresholdPart::KIND, kind);
    part.set(ThresholdPart::A, a);
    part.set(ThresholdPart::B, b);
}

/// The threshold in `part`, checked (an unknown kind, or a weight past `u64`, is an error).
fn threshold(part: PartRef<'_, ThresholdPart>) -> StdResult<Threshold> {
    let a = part.get(ThresholdPart::A);
    Ok(match part.get(ThresholdPart::KIND) {
        0 => Threshold::AbsoluteCount {
            weight: u64::try_from(a).map_err(|_| StdError::parse_err("threshold", "weight"))?,
        },
        1 => Threshold::AbsolutePercentage {
            percentage: Decimal::raw(a),
        },
        2 => Threshold::ThresholdQuorum {
            threshold: Decimal::raw(a),
            quorum: Decimal::raw(part.get(ThresholdPart::B)),
        },
        _ => return Err(StdError::parse_err("threshold", "unknown kind")),
    })
}

commons::layout! {
    /// The configuration. Every proposal, vote, execution and reward claim reads it, so it is
    /// binary (measured as JSON: see `bench/analysis.md`). The tail holds the token, treasury,
    /// escrow and guardian addresses, then the deposit's denom or cw20 address, each as a
    /// length-prefixed string (empty: none), the suite's contracts first so a vote reads only
    /// those.
    pub struct ConfigLayout("config", version 1) {
        VOTING_PERIOD_SECONDS: u64,
        MIN_VOTING_PERIOD_SECONDS: u64,
        THRESHOLD: ThresholdPart,
        ALLOW_REVOTING: bool,
        EXECUTION_DELAY_SECONDS: u64,
        EXECUTION_WINDOW_SECONDS: u64,
        MIN_PROPOSER_POWER: Uint128,
        MAX_ACTIONS: u32,
        /// 0 none, 1 native denom, 2 cw20 (the denom or address is in the tail)
        DEPOSIT_KIND: u8,
        DEPOSIT_AMOUNT: Uint128,
        /// `refund_code`
        DEPOSIT_REFUND: u8,
        HAS_VOTER_REWARDS: bool,
        REWARD_PER_PROPOSAL: Uint128,
        REWARD_MAX_PER_PERIOD: Uint128,
        REWARD_PERIOD_SECONDS: u64,
        REWARD_CLIFF_SECONDS: u64,
        REWARD_DURATION_SECONDS: u64,
        /// `Decimal` atomics
        REWARD_MIN_TURNOUT: u128,
    }
}

const CONFIG_KEY: &[u8] = b"config";

pub fn save_config(store: &mut dyn Storage, c: &Config) -> StdResult<()> {
    let mut r = Stored::<ConfigLayout>::with_tail_capacity(256);
    r.set(ConfigLayout::VOTING_PERIOD_SECONDS, c.voting_period_seconds);
    r.set(
        ConfigLayout::MIN_VOTING_PERIOD_SECONDS,
        c.min_voting_period_seconds,
    );
    put_threshold(r.part_mut(ConfigLayout::THRESHOLD), &c.threshold);
    r.set(ConfigLayout::ALLOW_REVOTING, c.allow_revoting);
    r.set(
        ConfigLayout::EXECUTION_DELAY_SECONDS,
        c.execution_delay_seconds,
    );
    r.set(
        ConfigLayout::EXECUTION_WINDOW_SECONDS,
        c.execution_window_seconds,
    );
    r.set(ConfigLayout::MIN_PROPOSER_POWER, c.min_proposer_power);
    r.set(ConfigLayout::MAX_ACTIONS, c.max_actions);
    let mut deposit_asset = "";
    if let Some(d) = &c.proposal_deposit {
        let kind = match &d.asset_info {
            AssetInfo::Native(denom) => {
                deposit_asset = denom;
                1
            }
            AssetInfo::Cw20(addr) => {
                deposit_asset = addr.as_str();
                2
            }
        };
        r.set(ConfigLayout::DEPOSIT_KIND, kind);
        r.set(ConfigLayout::DEPOSIT_AMOUNT, d.amount);
        r.set(ConfigLayout::DEPOSIT_REFUND, refund_code(d.refund));
    }
    if let Some(v) = &c.voter_rewards {
        r.set(ConfigLayout::HAS_VOTER_REWARDS, true);
        r.set(ConfigLayout::REWARD_PER_PROPOSAL, v.amount_per_proposal);
        r.set(ConfigLayout::REWARD_MAX_PER_PERIOD, v.max_per_period);
        r.set(ConfigLayout::REWARD_PERIOD_SECONDS, v.period_seconds);
        r.set(ConfigLayout::REWARD_CLIFF_SECONDS, v.vesting.cliff_seconds);
        r.set(
            ConfigLayout::REWARD_DURATION_SECONDS,
            v.vesting.duration_seconds,
        );
        r.set(
            ConfigLayout::REWARD_MIN_TURNOUT,
            v.min_turnout.atomics().u128(),
        );
    }
    let mut tail = Writer::with_capacity(256);
    tail.string(c.token.as_str())
        .opt_addr(c.treasury.as_ref())
        .opt_addr(c.escrow.as_ref())
        .opt_addr(c.guardian.as_ref())
        .string(deposit_asset);
    r.set_tail(&tail.0);
    store.set(CONFIG_KEY, r.as_bytes());
    Ok(())
}

/// For `migrate`: whether the storage is in a layout this code reads. The configuration is
/// the one record every governance has (written when instantiation ends), so its layout
/// version is the storage's; this code reads version 1, the only one so far. A configuration
/// written before layout versions starts with the 4-byte length of the token's address, so
/// its first byte is 0, never a version: it is refused, as is any version this code does not
/// read (older voting records and ballots are checked as they load).
pub fn check_layout(store: &dyn Storage) -> Result<(), ContractError> {
    let bytes = store
        .get(CONFIG_KEY)
        .ok_or_else(|| StdError::not_found("config"))?;
    Stored::<ConfigLayout>::from_stored(bytes).map_err(ContractError::Layout)?;
    Ok(())
}

pub fn load_config(store: &dyn Storage) -> StdResult<Config> {
    ConfigBytes::load(store)?.decode()
}

/// The stored configuration, read in place: a vote needs only the suite's addresses, a
/// reward claim only the voter rewards, and decoding the whole configuration would cost more
/// than they do.
pub struct ConfigBytes(Stored<ConfigLayout>);

impl ConfigBytes {
    pub fn load(store: &dyn Storage) -> StdResult<Self> {
        let bytes = store
            .get(CONFIG_KEY)
            .ok_or_else(|| StdError::not_found("config"))?;
        Ok(ConfigBytes(Stored::from_stored(bytes)?))
    }

    fn tail(&self) -> Reader<'_> {
        Reader::new(self.0.tail(), "config")
    }

    /// The suite's contracts.
    pub fn contracts(&self) -> StdResult<Contracts<'_>> {
        let mut r = self.tail();
        let token = r.str()?;
        let [treasury, escrow] = [r.str()?, r.str()?].map(|a| (!a.is_empty()).then_some(a));
        Ok(Contracts {
            token,
            treasury,
            escrow,
        })
    }

    /// The voter rewards, if any.
    pub fn voter_rewards(&self) -> StdResult<Option<VoterRewardsConfig>> {
        let c = &self.0;
        Ok(c.get(ConfigLayout::HAS_VOTER_REWARDS)
            .then(|| VoterRewardsConfig {
                amount_per_proposal: c.get(ConfigLayout::REWARD_PER_PROPOSAL),
                max_per_period: c.get(ConfigLayout::REWARD_MAX_PER_PERIOD),
                period_seconds: c.get(ConfigLayout::REWARD_PERIOD_SECONDS),
                vesting: RewardVesting {
                    cliff_seconds: c.get(ConfigLayout::REWARD_CLIFF_SECONDS),
                    duration_seconds: c.get(ConfigLayout::REWARD_DURATION_SECONDS),
                },
                min_turnout: Decimal::raw(c.get(ConfigLayout::REWARD_MIN_TURNOUT)),
            }))
    }

    /// The whole configuration, checked: every code valid, nothing missing or left over.
    pub fn decode(&self) -> StdResult<Config> {
        let c = &self.0;
        let mut r = self.tail();
        let token = r.addr()?;
        let treasury = r.opt_addr()?;
        let escrow = r.opt_addr()?;
        let guardian = r.opt_addr()?;
        let deposit_asset = r.string()?;
        r.finish()?;
        let proposal_deposit = match c.get(ConfigLayout::DEPOSIT_KIND) {
            0 => None,
            kind => Some(DepositConfig {
                asset_info: match kind {
                    1 => AssetInfo::Native(deposit_asset),
                    2 => AssetInfo::Cw20(Addr::unchecked(deposit_asset)),
                    _ => return Err(StdError::parse_err("config", "unknown deposit kind")),
                },
                amount: c.get(ConfigLayout::DEPOSIT_AMOUNT),
                refund: refund_from(c.get(ConfigLayout::DEPOSIT_REFUND))?,
            }),
        };
        Ok(Config {
            token,
            treasury,
            escrow,
            voting_period_seconds: c.get(ConfigLayout::VOTING_PERIOD_SECONDS),
            min_voting_period_seconds: c.get(ConfigLayout::MIN_VOTING_PERIOD_SECONDS),
            threshold: threshold(c.part(ConfigLayout::THRESHOLD))?,
            allow_revoting: c.get(ConfigLayout::ALLOW_REVOTING),
            execution_delay_seconds: c.get(ConfigLayout::EXECUTION_DELAY_SECONDS),
            execution_window_seconds: c.get(ConfigLayout::EXECUTION_WINDOW_SECONDS),
            proposal_deposit,
            min_proposer_power: c.get(ConfigLayout::MIN_PROPOSER_POWER),
            voter_rewards: self.voter_rewards()?,
            max_actions: c.get(ConfigLayout::MAX_ACTIONS),
            guardian,
        })
    }
}

/// The suite's contracts, as the configuration names them: what executing actions and
/// settling deposits needs of it.
pub struct Contracts<'a> {
    pub token: &'a str,
    pub treasury: Option<&'a str>,
    pub escrow: Option<&'a str>,
}

commons::layout! {
    /// The last proposal id handed out.
    pub struct ProposalSeqLayout("proposal sequence", version 1) {
        LAST: u64,
    }
}

commons::layout! {
    /// A record of text only: a proposal's title and description, or why its execution
    /// failed, as length-prefixed strings in the tail (see `commons::codec`).
    pub struct TextLayout("text", version 1) {}
}

/// The id the next proposal gets.
pub fn next_proposal_id(store: &mut dyn Storage) -> StdResult<u64> {
    let mut seq = match store.get(PROPOSAL_SEQ_KEY) {
        Some(bytes) => Stored::<ProposalSeqLayout>::from_exact(bytes)?,
        None => Stored::new(),
    };
    let id = seq.get(ProposalSeqLayout::LAST) + 1;
    seq.set(ProposalSeqLayout::LAST, id);
    store.set(PROPOSAL_SEQ_KEY, seq.as_bytes());
    Ok(id)
}

/// Title and description of a proposal.
pub fn save_text(store: &mut dyn Storage, id: u64, title: &str, description: &str) {
    let tail = 8 + title.len() + description.len();
    let mut w = Writer(Stored::<TextLayout>::with_tail_capacity(tail).into_bytes());
    w.string(title).string(description);
    store.set(&map_key(PROPOSAL_TEXTS, &id.to_be_bytes()), &w.0);
}

pub fn load_text(store: &dyn Storage, id: u64) -> StdResult<(String, String)> {
    let bytes = store
        .get(&map_key(PROPOSAL_TEXTS, &id.to_be_bytes()))
        .ok_or_else(|| StdError::not_found("proposal text"))?;
    let record = Stored::<TextLayout>::from_stored(bytes)?;
    let mut r = Reader::new(record.tail(), "proposal text");
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

    /// The actions, parsed (read as `actions::action_messages` reads them, so the contract
    /// has one copy of the reader).
    pub fn parse(&self) -> StdResult<Vec<ProposalAction>> {
        self.texts()?
            .into_iter()
            .map(|text| {
                Ok(commons_json::read::<ProposalAction>(commons_json::parse(
                    text,
                )?)?)
            })
            .collect()
    }
}

pub fn save_execution_error(store: &mut dyn Storage, id: u64, error: &str) {
    let mut w = Writer(Stored::<TextLayout>::with_tail_capacity(4 + error.len()).into_bytes());
    w.string(error);
    store.set(&map_key(EXECUTION_ERRORS, &id.to_be_bytes()), &w.0);
}

pub fn load_execution_error(store: &dyn Storage, id: u64) -> StdResult<Option<String>> {
    store
        .get(&map_key(EXECUTION_ERRORS, &id.to_be_bytes()))
        .map(|bytes| {
            let record = Stored::<TextLayout>::from_stored(bytes)?;
            let mut r = Reader::new(record.tail(), "execution error");
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

commons::layout! {
    /// The reward period record: every reward claim reads and writes it, so it is binary
    /// (measured as JSON: see `bench/analysis.md`).
    pub struct RewardPeriodLayout("reward period", version 1) {
        START: Timestamp,
        PAID: Uint128,
    }
}

const REWARD_PERIOD_KEY: &[u8] = b"reward_period";

/// The current reward period (fixed buckets of `period_seconds` from instantiation).
#[derive(Clone, Debug, PartialEq)]
pub struct RewardPeriod {
    pub start: Timestamp,
    pub paid: Uint128,
}

impl RewardPeriod {
    pub fn load(store: &dyn Storage) -> StdResult<Self> {
        let bytes = store
            .get(REWARD_PERIOD_KEY)
            .ok_or_else(|| StdError::not_found("reward period"))?;
        let r = Stored::<RewardPeriodLayout>::from_exact(bytes)?;
        Ok(RewardPeriod {
            start: r.get(RewardPeriodLayout::START),
            paid: r.get(RewardPeriodLayout::PAID),
        })
    }

    pub fn save(&self, store: &mut dyn Storage) -> StdResult<()> {
        let mut r = Stored::<RewardPeriodLayout>::new();
        r.set(RewardPeriodLayout::START, self.start);
        r.set(RewardPeriodLayout::PAID, self.paid);
        store.set(REWARD_PERIOD_KEY, r.as_bytes());
        Ok(())
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
    fn config_round_trips_and_reads_in_place() {
        let mut store = MockStorage::new();
        let mut c = config();
        save_config(&mut store, &c).unwrap();
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
        save_config(&mut store, &c).unwrap();
        assert_eq!(load_config(&store).unwrap(), c);
        let bytes = ConfigBytes::load(&store).unwrap();
        assert_eq!(bytes.voter_rewards().unwrap(), None);
        assert_eq!(bytes.contracts().unwrap().escrow, Some("escrow"));
        assert_eq!(bytes.contracts().unwrap().treasury, None);
        c.proposal_deposit = Some(DepositConfig {
            asset_info: AssetInfo::Cw20(Addr::unchecked("cosmwasm1deposit")),
            amount: Uint128::MAX,
            refund: RefundPolicy::Always,
        });
        save_config(&mut store, &c).unwrap();
        assert_eq!(load_config(&store).unwrap(), c);
        // corrupt: an unknown threshold kind, a missing guardian, a later layout version
        let good = store.get(CONFIG_KEY).unwrap();
        let mut bad = good.clone();
        bad[ConfigLayout::THRESHOLD.at()] = 3;
        store.set(CONFIG_KEY, &bad);
        assert!(load_config(&store).is_err());
        store.set(CONFIG_KEY, &good[..good.len() - 1]);
        assert!(load_config(&store).is_err());
        let mut future = good;
        future[0] = 2;
        store.set(CONFIG_KEY, &future);
        let err = ConfigBytes::load(&store).err().unwrap();
        assert!(err.to_string().contains("layout version 2"), "{err}");
    }

    #[test]
    fn migrate_reads_the_layout_versions_it_knows_and_refuses_the_rest() {
        use crate::contract::{migrate, CONTRACT_NAME};
        use commons::migrate::MigrateMsg;
        use cosmwasm_std::testing::{mock_dependencies, mock_env};
        let mut deps = mock_dependencies();
        cw2::set_contract_version(&mut deps.storage, CONTRACT_NAME, "0.0.1").unwrap();
        save_config(&mut deps.storage, &config()).unwrap();
        let good = deps.storage.get(CONFIG_KEY).unwrap();
        migrate(deps.as_mut(), mock_env(), MigrateMsg {}).unwrap();
        // a later layout version, and a configuration from before layout versions (it starts
        // with the length of the token's address)
        let mut future = good.clone();
        future[0] = 2;
        let mut unversioned = vec![0, 0, 0, 5];
        unversioned.extend_from_slice(b"token");
        unversioned.extend_from_slice(&good[1..]);
        for (bytes, version) in [(future, 2), (unversioned, 0)] {
            deps.storage.set(CONFIG_KEY, &bytes);
            assert_eq!(
                migrate(deps.as_mut(), mock_env(), MigrateMsg {}).unwrap_err(),
                ContractError::Layout(LayoutError::UnknownVersion {
                    record: "config",
                    version
                })
            );
        }
        deps.storage.remove(CONFIG_KEY);
        assert!(migrate(deps.as_mut(), mock_env(), MigrateMsg {}).is_err());
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
        period.save(&mut store).unwrap();
        assert_eq!(RewardPeriod::load(&store).unwrap(), period);
    }
}
