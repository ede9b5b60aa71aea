//! Every storage key of governance, in one place.
//!
//! | key | value |
//! |---|---|
//! | `config` | `Config` ([`ConfigLayout`] and its tail) |
//! | `proposal_seq` | the last proposal id ([`ProposalSeqLayout`]) |
//! | `proposal` + id (u64) | `Proposal`, the voting record ([`ProposalLayout`] and its tail) |
//! | `proposal_text` + id | title and description ([`TextLayout`]) |
//! | `proposal_actions` + id | the actions, each as its JSON, and the messages they become (see `save_actions`) |
//! | `execution_error` + id | why execution failed ([`TextLayout`]) |
//! | `ballot` + (id, voter) | `StoredBallot` ([`BallotLayout`]) |
//! | `reward_period` + (epoch, period) | voter reward periods (see `rewards`) |
//! | `bootstrap_msg`, `bootstrap_addrs` | JSON, only during a bootstrap (see `bootstrap`) |
//! | `deposits_held`, `undelivered` + id, `executing` | deposits held apart (see `deposits`) |
//!
//! Binary records are layouts declared once (`commons::layout`), each starting with its layout
//! version. The configuration, voting records, ballots and reward periods are read by every
//! proposal, vote, execution or reward claim, where parsing JSON would cost more than the rest
//! of the message (measured: see `bench/analysis.md`); the bootstrap's records are read only
//! while the suite is created, so they are JSON. Map keys are laid out as cw-storage-plus lays
//! them out (see `codec`).

use commons::asset::AssetInfo;
use commons::governance::{ConfigResponse, ProposalAction, RefundPolicy, Status, Vote};
use commons_json::{FromJson, ToJson};
use cosmwasm_std::{Addr, StdError, StdResult, Storage};

use commons::codec::{map_key, Reader, Writer};
use commons::layout::{LayoutError, Stored};

mod ballot;
mod config;
pub mod deposits;
mod record;
mod rewards;

pub use ballot::{ballot_key, BallotLayout, StoredBallot};
pub use config::{
    check_layout, load_config, save_config, ConfigBytes, ConfigLayout, Contracts, ThresholdPart,
};
use config::{put_threshold, threshold};
pub use record::{proposal_key, NewProposal, Proposal, ProposalLayout};
pub use rewards::{enter_period, RewardPeriod};

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

/// Layout version of the actions record (see `save_actions`).
const ACTIONS_VERSION: u8 = 1;

/// Proposal `id`'s actions record: its layout version, the number of actions (u32), each
/// action's JSON with its length in front (written by the derived `ToJson`: the bytes serde
/// writes), then what `messages` appends for them (the messages they become, see
/// `actions::prepared`). One record, so that proposing writes storage once for both and
/// executing reads it once (each access costs some 0.45M gas before any work). A record
/// written before layout versions starts with the number of actions, whose first byte is 0
/// (never a version: a proposal has far fewer than 2^24 actions), and holds no messages.
pub fn save_actions(
    store: &mut dyn Storage,
    id: u64,
    actions: Vec<ProposalAction>,
    messages: impl FnOnce(&mut Writer, Vec<ProposalAction>) -> StdResult<()>,
) -> StdResult<()> {
    // room for a mint or a spend and its message without growing
    let mut w = Writer::with_capacity(8 + 320 * actions.len());
    w.u8(ACTIONS_VERSION).u32(actions.len() as u32);
    for action in &actions {
        w.bytes(&commons_json::to_vec(action)?);
    }
    messages(&mut w, actions)?;
    store.set(&map_key(PROPOSAL_ACTIONS, &id.to_be_bytes()), &w.0);
    Ok(())
}

/// A proposal's stored actions (see `save_actions`).
pub struct StoredActions(Vec<u8>);

/// The JSON of each action, in order, and the bytes of the messages kept for them.
pub type ActionTexts<'a> = (Vec<&'a [u8]>, Option<&'a [u8]>);

impl StoredActions {
    pub fn load(store: &dyn Storage, id: u64) -> StdResult<Self> {
        store
            .get(&map_key(PROPOSAL_ACTIONS, &id.to_be_bytes()))
            .map(StoredActions)
            .ok_or_else(|| StdError::not_found("proposal actions"))
    }

    /// The JSON of each action, in order, and the bytes of the messages kept for them (`None`
    /// in a record written before layout versions, which has none).
    pub fn split(&self) -> StdResult<ActionTexts<'_>> {
        const WHAT: &str = "proposal actions";
        let (versioned, body) = match self.0.split_first() {
            Some((&ACTIONS_VERSION, body)) => (true, body),
            Some((0, _)) => (false, &self.0[..]),
            Some((&version, _)) => {
                return Err(LayoutError::UnknownVersion {
                    record: WHAT,
                    version,
                }
                .into())
            }
            None => return Err(LayoutError::Truncated { record: WHAT }.into()),
        };
        let mut r = Reader::new(body, WHAT);
        let count = r.u32()?;
        let texts = (0..count).map(|_| r.bytes()).collect::<StdResult<_>>()?;
        if versioned {
            Ok((texts, Some(r.rest_bytes())))
        } else {
            r.finish()?;
            Ok((texts, None))
        }
    }

    /// The JSON of each action, in order.
    pub fn texts(&self) -> StdResult<Vec<&[u8]>> {
        Ok(self.split()?.0)
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

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::MockStorage;
    use cosmwasm_std::Uint128;

    #[test]
    fn sequence_text_and_errors() {
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
        let tail = |w: &mut Writer, _: Vec<ProposalAction>| {
            w.u8(9).u8(8);
            Ok(())
        };
        save_actions(&mut store, 2, actions.clone(), tail).unwrap();
        let stored = StoredActions::load(&store, 2).unwrap();
        assert_eq!(stored.parse().unwrap(), actions);
        assert_eq!(
            stored.texts().unwrap()[1],
            br#"{"treasury_revoke_budget":{"spender":"b"}}"#
        );
        assert_eq!(stored.split().unwrap().1, Some(&[9u8, 8][..]));
        save_actions(&mut store, 3, vec![], |_, _| Ok(())).unwrap();
        let empty = StoredActions::load(&store, 3).unwrap();
        assert_eq!(empty.parse().unwrap(), vec![]);
        assert_eq!(empty.split().unwrap().1, Some(&[][..]));
        // a record written before layout versions: the count first (first byte 0), no tail
        let key = map_key(PROPOSAL_ACTIONS, &4u64.to_be_bytes());
        let mut legacy = Writer::default();
        legacy
            .u32(1)
            .bytes(br#"{"treasury_revoke_budget":{"spender":"b"}}"#);
        store.set(&key, &legacy.0);
        let old = StoredActions::load(&store, 4).unwrap();
        assert_eq!(old.parse().unwrap(), actions[1..].to_vec());
        assert_eq!(old.split().unwrap().1, None);
        // trailing bytes in it, an unknown layout version or nothing at all: typed errors
        legacy.u8(0);
        store.set(&key, &legacy.0);
        assert!(StoredActions::load(&store, 4).unwrap().texts().is_err());
        store.set(&key, &[2, 0, 0, 0, 0]);
        let err = StoredActions::load(&store, 4).unwrap().texts().unwrap_err();
        assert!(err.to_string().contains("layout version 2"), "{err}");
        assert!(StoredActions(vec![]).texts().is_err());
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
    }
}
