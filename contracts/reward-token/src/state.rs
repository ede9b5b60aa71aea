//! Every storage key of the reward token, in one place, and the binary layout of its records.
//!
//! | key | value |
//! |---|---|
//! | `"metadata"` | [`Metadata`]: decimals, symbol length, symbol, name |
//! | `"supply"` | [`Supply`]: supply accounting, cap, minter, last grant id, total power and its history |
//! | map `"account"`, by address | an account record (see `account`): balance, locked, power held and its history, delegatee |
//! | map `"power_h"`, by (address, height) | an account's power at the start of that block, 16 bytes (see `history`) |
//! | map `"total_power_h"`, by height | the total power at the start of that block, 16 bytes |
//! | map `"grant"`, by (grantee, grant id) | a [`Grant`], 81 bytes |
//! | map `"allowance"` by (owner, spender), and `"allowance_spender"` by (spender, owner) | the same allowance, 25 bytes (see `allowance`) |
//! | `"marketing_info"`, `"logo"` | marketing information and logo (see `marketing`) |
//! | `"mint_limit"` | [`MintWindow`] (JSON): the mint limit in force, its current window and the pending change; absent while there is no limit |
//! | `"mint_change_delay"` | the configured change delay of the mint limit (JSON number of seconds); absent when none was set |
//! | `"contract_info"` | cw2's contract name and version (JSON, cw2's layout) |
//!
//! Everything but cw2's record and the two mint-limit items is binary, big-endian. The
//! mint-limit items are plain cw-storage-plus JSON: only the minter's handlers and queries read
//! them, never a transfer, so their cost does not matter to holders. Map keys follow cw-storage-plus (2-byte
//! namespace length, namespace, key parts with a 2-byte length prefix on every part but the
//! last), so range queries work over them. Balances are not in cw20-base's `"balance"`
//! namespace: a holder's balance sits in its account record next to its voting power, so a
//! transfer reads and writes one record per party. The cw20 `balance` and `all_accounts`
//! queries read these records.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, StdError, StdResult, Storage, Timestamp, Uint128};
use cw_storage_plus::Item;

use commons::reward_token::{MintLimit, PendingMintLimit};
use commons::vesting::VestingSchedule;

use crate::history::{Archive, History, HISTORY_LEN};
use commons::codec::{get_amount, get_u64, put_amount, put_u64, set_amount, set_u64, Reader};

const METADATA_KEY: &[u8] = b"metadata";
const SUPPLY_KEY: &[u8] = b"supply";
/// Namespace of the account records.
pub const ACCOUNT_NS: &[u8] = b"account";
/// Namespace of the archived voting power of accounts.
pub const POWER_ARCHIVE_NS: &[u8] = b"power_h";
/// Namespace of the archived total voting power.
pub const TOTAL_POWER_ARCHIVE_NS: &[u8] = b"total_power_h";
/// Namespace of the vesting grants.
pub const GRANT_NS: &[u8] = b"grant";
/// Key of the marketing information.
pub const MARKETING_INFO_KEY: &[u8] = b"marketing_info";
/// Key of the logo.
pub const LOGO_KEY: &[u8] = b"logo";
/// Namespace of the allowances by (owner, spender).
pub const ALLOWANCE_NS: &[u8] = b"allowance";
/// Namespace of the same allowances by (spender, owner).
pub const ALLOWANCE_SPENDER_NS: &[u8] = b"allowance_spender";

/// The mint limit in force and its window. Kept only while a limit is in force: a token without
/// one pays a single read of a missing key per mint. A pending change can only exist while a
/// limit is in force (it is a loosening of that limit), so it lives in the same record.
pub const MINT_LIMIT: Item<MintWindow> = Item::new("mint_limit");
/// The configured change delay of the mint limit, in seconds.
pub const MINT_CHANGE_DELAY: Item<u64> = Item::new("mint_change_delay");

/// The mint limit in force, the window the minted amount belongs to, and the pending change.
#[cw_serde]
pub struct MintWindow {
    pub limit: MintLimit,
    /// Start of the window `minted` belongs to. It is always `set_at + k * period` of the
    /// limit in force, so rolling forward from it keeps the windows fixed.
    pub window_start: Timestamp,
    /// Minted in that window, carried over from the previous limit when the limit changed.
    pub minted: Uint128,
    pub pending: Option<PendingMintLimit>,
}

/// Name, symbol and decimals: set at instantiation, read only by `token_info`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Metadata {
    pub name: String,
    pub symbol: String,
    pub decimals: u8,
}

impl Metadata {
    /// Layout: decimals (1), symbol length (1), symbol, name (the rest).
    pub fn save(&self, store: &mut dyn Storage) {
        let mut out = Vec::with_capacity(2 + self.symbol.len() + self.name.len());
        out.push(self.decimals);
        // the symbol is at most 12 bytes (checked at instantiation)
        out.push(self.symbol.len() as u8);
        out.extend_from_slice(self.symbol.as_bytes());
        out.extend_from_slice(self.name.as_bytes());
        store.set(METADATA_KEY, &out);
    }

    pub fn load(store: &dyn Storage) -> StdResult<Self> {
        let bytes = store
            .get(METADATA_KEY)
            .ok_or_else(|| StdError::not_found("token metadata"))?;
        Self::decode(&bytes)
    }

    fn decode(bytes: &[u8]) -> StdResult<Self> {
        let corrupt = || StdError::parse_err("token metadata", "record is corrupt");
        let (&decimals, rest) = bytes.split_first().ok_or_else(corrupt)?;
        let (&len, rest) = rest.split_first().ok_or_else(corrupt)?;
        let (symbol, name) = rest
            .split_at_checked(usize::from(len))
            .ok_or_else(corrupt)?;
        let text = |b: &[u8]| String::from_utf8(b.to_vec()).map_err(|_| corrupt());
        Ok(Metadata {
            name: text(name)?,
            symbol: text(symbol)?,
            decimals,
        })
    }
}

/// Supply accounting, the minter, the grant counter and the total voting power: everything
/// mint, burn and the grant handlers change, in one record kept as its stored bytes.
///
/// Layout (138 bytes, plus the minter), big-endian:
///
/// | bytes | field |
/// |---|---|
/// | 0 | flags: 1 = has a cap, 2 = locked grants vote, 4 = has a minter |
/// | 1..17, 17..33, 33..49, 49..65 | total supply, minted total, burned total, locked total |
/// | 65..81 | lifetime cap (zero when there is none) |
/// | 81..89 | last grant id handed out |
/// | 89..138 | total voting power, with its history (see `history`) |
/// | 138.. | minter address (UTF-8), when there is one |
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Supply {
    /// The record, at least [`SUPPLY_LEN`] bytes long.
    bytes: Vec<u8>,
}

const HAS_CAP: u8 = 1;
const VESTING_VOTES: u8 = 2;
const HAS_MINTER: u8 = 4;
const FLAGS: usize = 0;
const TOTAL_SUPPLY: usize = 1;
const MINTED_TOTAL: usize = 17;
const BURNED_TOTAL: usize = 33;
const LOCKED_TOTAL: usize = 49;
const CAP: usize = 65;
const LAST_GRANT_ID: usize = 81;
const TOTAL_POWER: usize = 89;
/// Length of the fixed part of the supply record.
pub const SUPPLY_LEN: usize = TOTAL_POWER + HISTORY_LEN;

impl Supply {
    /// A token with nothing minted yet.
    pub fn new(
        minter: Option<&Addr>,
        cap: Option<Uint128>,
        vesting_counts_for_voting: bool,
    ) -> Self {
        let mut supply = Supply {
            bytes: vec![0; SUPPLY_LEN],
        };
        if let Some(cap) = cap {
            supply.bytes[FLAGS] |= HAS_CAP;
            set_amount(&mut supply.bytes, CAP, cap);
        }
        if vesting_counts_for_voting {
            supply.bytes[FLAGS] |= VESTING_VOTES;
        }
        supply.set_minter(minter);
        supply
    }

    /// The supply from its stored bytes.
    pub fn from_stored(bytes: Vec<u8>) -> StdResult<Self> {
        let has_minter = bytes.first().copied().unwrap_or_default() & HAS_MINTER != 0;
        let well_formed = if has_minter {
            bytes.len() > SUPPLY_LEN && std::str::from_utf8(&bytes[SUPPLY_LEN..]).is_ok()
        } else {
            bytes.len() == SUPPLY_LEN
        };
        if !well_formed {
            return Err(StdError::parse_err("supply", "record is corrupt"));
        }
        Ok(Supply { bytes })
    }

    pub fn may_load(store: &dyn Storage) -> StdResult<Option<Self>> {
        store.get(SUPPLY_KEY).map(Self::from_stored).transpose()
    }

    pub fn load(store: &dyn Storage) -> StdResult<Self> {
        Self::may_load(store)?.ok_or_else(|| StdError::not_found("token supply"))
    }

    pub fn save(&self, store: &mut dyn Storage) {
        store.set(SUPPLY_KEY, &self.bytes);
    }

    /// Liquid balances plus locked grants.
    pub fn total_supply(&self) -> Uint128 {
        get_amount(&self.bytes, TOTAL_SUPPLY)
    }

    pub fn set_total_supply(&mut self, amount: Uint128) {
        set_amount(&mut self.bytes, TOTAL_SUPPLY, amount);
    }

    pub fn minted_total(&self) -> Uint128 {
        get_amount(&self.bytes, MINTED_TOTAL)
    }

    pub fn set_minted_total(&mut self, amount: Uint128) {
        set_amount(&mut self.bytes, MINTED_TOTAL, amount);
    }

    pub fn burned_total(&self) -> Uint128 {
        get_amount(&self.bytes, BURNED_TOTAL)
    }

    pub fn set_burned_total(&mut self, amount: Uint128) {
        set_amount(&mut self.bytes, BURNED_TOTAL, amount);
    }

    pub fn locked_total(&self) -> Uint128 {
        get_amount(&self.bytes, LOCKED_TOTAL)
    }

    pub fn set_locked_total(&mut self, amount: Uint128) {
        set_amount(&mut self.bytes, LOCKED_TOTAL, amount);
    }

    /// Lifetime cap on the minted total.
    pub fn cap(&self) -> Option<Uint128> {
        (self.bytes[FLAGS] & HAS_CAP != 0).then(|| get_amount(&self.bytes, CAP))
    }

    /// Whether tokens locked in grants count as voting power.
    pub fn vesting_counts_for_voting(&self) -> bool {
        self.bytes[FLAGS] & VESTING_VOTES != 0
    }

    pub fn last_grant_id(&self) -> u64 {
        get_u64(&self.bytes, LAST_GRANT_ID)
    }

    pub fn set_last_grant_id(&mut self, id: u64) {
        set_u64(&mut self.bytes, LAST_GRANT_ID, id);
    }

    /// Sum of all voting power, and its history.
    pub fn total_power(&self) -> History<&[u8]> {
        History(&self.bytes[TOTAL_POWER..SUPPLY_LEN])
    }

    /// Sets the total voting power in block `height`, archiving as the history needs.
    pub fn set_total_power(&mut self, store: &mut dyn Storage, height: u64, power: Uint128) {
        let archived = History(&mut self.bytes[TOTAL_POWER..SUPPLY_LEN]).set(height, power);
        if archived.is_some() {
            total_power_archive().save(store, archived);
        }
    }

    /// Whether `who` is the minter (never once minting was ended).
    pub fn is_minter(&self, who: &Addr) -> bool {
        self.bytes[FLAGS] & HAS_MINTER != 0 && self.bytes[SUPPLY_LEN..] == *who.as_bytes()
    }

    /// Who may mint; `None` once minting was ended.
    pub fn minter(&self) -> Option<Addr> {
        // the tail was checked to be UTF-8 when the record was loaded
        (self.bytes[FLAGS] & HAS_MINTER != 0)
            .then(|| std::str::from_utf8(&self.bytes[SUPPLY_LEN..]).ok())
            .flatten()
            .map(Addr::unchecked)
    }

    /// Hands minting to `minter`, or ends it with `None`.
    pub fn set_minter(&mut self, minter: Option<&Addr>) {
        self.bytes.truncate(SUPPLY_LEN);
        match minter {
            Some(m) => {
                self.bytes[FLAGS] |= HAS_MINTER;
                self.bytes.extend_from_slice(m.as_bytes());
            }
            None => self.bytes[FLAGS] &= !HAS_MINTER,
        }
    }
}

/// The archive of the total voting power.
pub fn total_power_archive() -> Archive {
    Archive::new(commons::codec::map_key(TOTAL_POWER_ARCHIVE_NS, b""))
}

/// A vesting grant that still holds tokens (removed once fully claimed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Grant {
    pub schedule: VestingSchedule,
    /// Amount granted.
    pub total: Uint128,
    /// Amount moved to the grantee's balance so far.
    pub claimed: Uint128,
    pub revocable: bool,
    /// Block time of the revocation.
    pub revoked_at: Option<Timestamp>,
    /// Unvested amount burned by the revocation.
    pub burned: Uint128,
}

const REVOCABLE: u8 = 1;
const REVOKED: u8 = 2;

impl Grant {
    /// Layout (81 bytes): flags (1: revocable, revoked), start time (8, nanoseconds), cliff
    /// and duration (8 each, seconds), total, claimed, burned (16 each), revocation time (8,
    /// nanoseconds, zero when not revoked).
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(81);
        let flags = (if self.revocable { REVOCABLE } else { 0 })
            | (if self.revoked_at.is_some() {
                REVOKED
            } else {
                0
            });
        out.push(flags);
        put_u64(&mut out, self.schedule.start_time.nanos());
        put_u64(&mut out, self.schedule.cliff_seconds);
        put_u64(&mut out, self.schedule.duration_seconds);
        put_amount(&mut out, self.total);
        put_amount(&mut out, self.claimed);
        put_amount(&mut out, self.burned);
        put_u64(
            &mut out,
            self.revoked_at.map(|t| t.nanos()).unwrap_or_default(),
        );
        out
    }

    pub fn decode(bytes: &[u8]) -> StdResult<Self> {
        let mut r = Reader::new(bytes, "vesting grant");
        let flags = r.u8()?;
        let schedule = VestingSchedule {
            start_time: Timestamp::from_nanos(r.u64()?),
            cliff_seconds: r.u64()?,
            duration_seconds: r.u64()?,
        };
        let total = r.amount()?;
        let claimed = r.amount()?;
        let burned = r.amount()?;
        let revoked_at = Timestamp::from_nanos(r.u64()?);
        r.finish()?;
        Ok(Grant {
            schedule,
            total,
            claimed,
            revocable: flags & REVOCABLE != 0,
            revoked_at: (flags & REVOKED != 0).then_some(revoked_at),
            burned,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::MockStorage;

    #[test]
    fn metadata_round_trips_and_rejects_corrupt_records() {
        let mut store = MockStorage::new();
        let m = Metadata {
            name: "Commons Reward ✓".into(),
            symbol: "CMN-X".into(),
            decimals: 18,
        };
        m.save(&mut store);
        assert_eq!(Metadata::load(&store).unwrap(), m);
        assert!(Metadata::decode(&[]).is_err());
        assert!(Metadata::decode(&[6]).is_err());
        assert!(Metadata::decode(&[6, 5, b'a']).is_err());
        assert!(Metadata::decode(&[6, 1, 0xff]).is_err());
        assert!(Metadata::load(&MockStorage::new()).is_err());
    }

    #[test]
    fn supply_fields_round_trip_with_and_without_options() {
        let minter = Addr::unchecked("cosmwasm1minter");
        let mut full = Supply::new(Some(&minter), Some(Uint128::new(5)), true);
        full.set_total_supply(Uint128::new(1));
        full.set_minted_total(Uint128::MAX);
        full.set_burned_total(Uint128::new(3));
        full.set_locked_total(Uint128::new(4));
        full.set_last_grant_id(u64::MAX);
        let mut store = MockStorage::new();
        full.set_total_power(&mut store, 7, Uint128::new(9));
        full.save(&mut store);
        let got = Supply::load(&store).unwrap();
        assert_eq!(got, full);
        assert_eq!(got.bytes.len(), SUPPLY_LEN + 15);
        assert_eq!(
            (got.total_supply(), got.minted_total(), got.burned_total()),
            (Uint128::new(1), Uint128::MAX, Uint128::new(3))
        );
        assert_eq!(got.locked_total(), Uint128::new(4));
        assert_eq!(got.cap(), Some(Uint128::new(5)));
        assert!(got.vesting_counts_for_voting());
        assert_eq!(got.last_grant_id(), u64::MAX);
        assert_eq!(got.total_power().now(), Uint128::new(9));
        assert_eq!(got.minter(), Some(minter.clone()));
        assert!(got.is_minter(&minter));
        assert!(!got.is_minter(&Addr::unchecked("cosmwasm1minte")));

        let bare = Supply::new(None, None, false);
        assert_eq!(bare.bytes.len(), SUPPLY_LEN);
        let got = Supply::from_stored(bare.bytes.clone()).unwrap();
        assert_eq!((got.cap(), got.minter()), (None, None));
        assert!(!got.vesting_counts_for_voting());
        assert!(!got.is_minter(&minter));
        // a cap of zero is still a cap
        let zero_cap = Supply::new(None, Some(Uint128::zero()), false);
        assert_eq!(zero_cap.cap(), Some(Uint128::zero()));
        // ending minting drops the address
        full.set_minter(None);
        assert_eq!(full.bytes.len(), SUPPLY_LEN);
        assert_eq!(full.minter(), None);
    }

    #[test]
    fn corrupt_supply_records_are_errors() {
        let bytes = Supply::new(None, None, true).bytes;
        assert!(Supply::from_stored(bytes[..100].to_vec()).is_err());
        let mut longer = bytes.clone();
        longer.push(1);
        assert!(Supply::from_stored(longer).is_err());
        let mut bad_minter = bytes.clone();
        bad_minter[0] |= HAS_MINTER;
        assert!(Supply::from_stored(bad_minter.clone()).is_err());
        bad_minter.push(0xff);
        assert!(Supply::from_stored(bad_minter).is_err());
        assert!(Supply::from_stored(vec![]).is_err());
        assert!(Supply::load(&MockStorage::new()).is_err());
    }

    #[test]
    fn grant_round_trips_and_rejects_corrupt_records() {
        let grant = Grant {
            schedule: VestingSchedule {
                start_time: Timestamp::from_nanos(u64::MAX),
                cliff_seconds: 3,
                duration_seconds: u64::MAX,
            },
            total: Uint128::MAX,
            claimed: Uint128::new(2),
            revocable: true,
            revoked_at: Some(Timestamp::from_seconds(0)),
            burned: Uint128::new(1),
        };
        let bytes = grant.encode();
        assert_eq!(bytes.len(), 81);
        assert_eq!(Grant::decode(&bytes).unwrap(), grant);
        let plain = Grant {
            revocable: false,
            revoked_at: None,
            ..grant
        };
        assert_eq!(Grant::decode(&plain.encode()).unwrap(), plain);
        assert!(Grant::decode(&bytes[..80]).is_err());
        let mut longer = bytes;
        longer.push(0);
        assert!(Grant::decode(&longer).is_err());
    }
}
