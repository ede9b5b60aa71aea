//! Every storage key of the reward token, in one place.
//!
//! | key | value |
//! |---|---|
//! | `"metadata"` | [`Metadata`] (JSON) |
//! | `"supply"` | [`Supply`] ([`SupplyLayout`]): supply accounting, cap, last grant id, total power and its history; the minter |
//! | map `"account"`, by address | an account record (`account::AccountLayout`): balance, locked, power held and its history; the delegatee |
//! | map `"power_h"`, by (address, height) | an account's power at the start of that block (`history::ArchivedPower`) |
//! | map `"total_power_h"`, by height | the total power at the start of that block (`history::ArchivedPower`) |
//! | map `"grant"`, by (grantee, grant id) | a [`Grant`] ([`GrantLayout`]) |
//! | map `"allowance"` by (owner, spender), and `"allowance_spender"` by (spender, owner) | the same allowance (`allowance::AllowanceLayout`) |
//! | `"marketing_info"`, `"logo"` | cw20-base's marketing information and logo items (JSON) |
//! | `"mint_limit"` | [`MintWindow`] (JSON): the mint limit in force, its current window and the pending change; absent while there is no limit |
//! | `"mint_change_delay"` | the configured change delay of the mint limit (JSON number of seconds); absent when none was set |
//! | `"contract_info"` | cw2's contract name and version (JSON, cw2's layout) |
//!
//! Hot records, the ones a transfer, mint, burn, vesting claim or `transfer_from` reads, are
//! binary layouts (`commons::layout`: each declared once, starting with its layout version,
//! read and changed in place). Cold records, read only by the minter's or the marketer's
//! handlers and by queries, are plain cw-storage-plus JSON items. Map keys follow
//! cw-storage-plus (2-byte namespace length, namespace, key parts with a 2-byte length prefix
//! on every part but the last), so range queries work over them. Balances are not in
//! cw20-base's `"balance"` namespace: a holder's balance sits in its account record next to
//! its voting power, so a transfer reads and writes one record per party. The cw20 `balance`
//! and `all_accounts` queries read these records.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, StdError, StdResult, Storage, Timestamp, Uint128};
use cw_storage_plus::Item;

use commons::reward_token::{MintLimit, PendingMintLimit};
use commons::vesting::VestingSchedule;
use cw20::{Logo, MarketingInfoResponse};

use crate::history::{set_history, Archive, History, HistoryRef};
use commons::layout::{LayoutError, Stored};

/// Key of the supply record.
pub const SUPPLY_KEY: &[u8] = b"supply";
/// Namespace of the account records.
pub const ACCOUNT_NS: &[u8] = b"account";
/// Namespace of the archived voting power of accounts.
pub const POWER_ARCHIVE_NS: &[u8] = b"power_h";
/// Namespace of the archived total voting power.
pub const TOTAL_POWER_ARCHIVE_NS: &[u8] = b"total_power_h";
/// Namespace of the vesting grants.
pub const GRANT_NS: &[u8] = b"grant";
/// Namespace of the allowances by (owner, spender).
pub const ALLOWANCE_NS: &[u8] = b"allowance";
/// Namespace of the same allowances by (spender, owner).
pub const ALLOWANCE_SPENDER_NS: &[u8] = b"allowance_spender";

/// The marketing information (cw20-base's item).
pub const MARKETING_INFO: Item<MarketingInfoResponse> = Item::new("marketing_info");
/// The logo (cw20-base's item).
pub const LOGO: Item<Logo> = Item::new("logo");

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
#[cw_serde]
pub struct Metadata {
    pub name: String,
    pub symbol: String,
    pub decimals: u8,
}

pub const METADATA: Item<Metadata> = Item::new("metadata");

commons::layout! {
    /// The supply record.
    pub struct SupplyLayout("supply", version 1) {
        /// 1 = has a cap, 2 = locked grants vote, 4 = has a minter (the minter is the tail),
        /// 8 = a mint limit is in force (the `mint_limit` item exists)
        FLAGS: u8,
        /// liquid balances plus locked grants
        TOTAL_SUPPLY: Uint128,
        MINTED_TOTAL: Uint128,
        BURNED_TOTAL: Uint128,
        LOCKED_TOTAL: Uint128,
        /// lifetime cap on the minted total (zero when there is none)
        CAP: Uint128,
        /// last grant id handed out
        LAST_GRANT_ID: u64,
        /// total voting power, with its history
        TOTAL_POWER: History,
    }
}

/// Supply accounting, the minter, the grant counter and the total voting power: everything
/// mint, burn and the grant handlers change, in one record ([`SupplyLayout`], the minter's
/// address as its tail) kept as its stored bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Supply(Stored<SupplyLayout>);

const HAS_CAP: u8 = 1;
const VESTING_VOTES: u8 = 2;
const HAS_MINTER: u8 = 4;
/// Kept in the supply record, which every mint reads anyway, so a token without a mint limit
/// never pays the read of the (missing) `mint_limit` item.
const HAS_MINT_LIMIT: u8 = 8;

impl Supply {
    /// A token with nothing minted yet.
    pub fn new(
        minter: Option<&Addr>,
        cap: Option<Uint128>,
        vesting_counts_for_voting: bool,
    ) -> Self {
        let mut supply = Supply(Stored::new());
        let mut flags = 0;
        if let Some(cap) = cap {
            flags |= HAS_CAP;
            supply.0.set(SupplyLayout::CAP, cap);
        }
        if vesting_counts_for_voting {
            flags |= VESTING_VOTES;
        }
        supply.0.set(SupplyLayout::FLAGS, flags);
        supply.set_minter(minter);
        supply
    }

    fn flag(&self, flag: u8) -> bool {
        self.0.get(SupplyLayout::FLAGS) & flag != 0
    }

    /// The supply from its stored bytes.
    pub fn from_stored(bytes: Vec<u8>) -> Result<Self, LayoutError> {
        let supply = Supply(Stored::from_stored(bytes)?);
        let tail = supply.0.tail();
        let well_formed = match supply.flag(HAS_MINTER) {
            true => !tail.is_empty() && std::str::from_utf8(tail).is_ok(),
            false => tail.is_empty(),
        };
        if !well_formed {
            return Err(LayoutError::Corrupt {
                record: "supply",
                reason: "minter does not match the flags",
            });
        }
        Ok(supply)
    }

    pub fn may_load(store: &dyn Storage) -> StdResult<Option<Self>> {
        let stored = store.get(SUPPLY_KEY).map(Self::from_stored).transpose();
        Ok(stored?)
    }

    pub fn load(store: &dyn Storage) -> StdResult<Self> {
        Self::may_load(store)?.ok_or_else(|| StdError::not_found("token supply"))
    }

    pub fn save(&self, store: &mut dyn Storage) {
        store.set(SUPPLY_KEY, self.0.as_bytes());
    }

    /// The stored bytes.
    pub fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }

    /// Liquid balances plus locked grants.
    pub fn total_supply(&self) -> Uint128 {
        self.0.get(SupplyLayout::TOTAL_SUPPLY)
    }

    pub fn set_total_supply(&mut self, amount: Uint128) {
        self.0.set(SupplyLayout::TOTAL_SUPPLY, amount);
    }

    pub fn minted_total(&self) -> Uint128 {
        self.0.get(SupplyLayout::MINTED_TOTAL)
    }

    pub fn set_minted_total(&mut self, amount: Uint128) {
        self.0.set(SupplyLayout::MINTED_TOTAL, amount);
    }

    pub fn burned_total(&self) -> Uint128 {
        self.0.get(SupplyLayout::BURNED_TOTAL)
    }

    pub fn set_burned_total(&mut self, amount: Uint128) {
        self.0.set(SupplyLayout::BURNED_TOTAL, amount);
    }

    pub fn locked_total(&self) -> Uint128 {
        self.0.get(SupplyLayout::LOCKED_TOTAL)
    }

    pub fn set_locked_total(&mut self, amount: Uint128) {
        self.0.set(SupplyLayout::LOCKED_TOTAL, amount);
    }

    /// Lifetime cap on the minted total.
    pub fn cap(&self) -> Option<Uint128> {
        self.flag(HAS_CAP).then(|| self.0.get(SupplyLayout::CAP))
    }

    /// Whether tokens locked in grants count as voting power.
    pub fn vesting_counts_for_voting(&self) -> bool {
        self.flag(VESTING_VOTES)
    }

    pub fn last_grant_id(&self) -> u64 {
        self.0.get(SupplyLayout::LAST_GRANT_ID)
    }

    pub fn set_last_grant_id(&mut self, id: u64) {
        self.0.set(SupplyLayout::LAST_GRANT_ID, id);
    }

    /// Sum of all voting power, and its history.
    pub fn total_power(&self) -> HistoryRef<'_> {
        HistoryRef(self.0.part(SupplyLayout::TOTAL_POWER))
    }

    /// Sets the total voting power in block `height`, archiving as the history needs.
    pub fn set_total_power(&mut self, store: &mut dyn Storage, height: u64, power: Uint128) {
        let archived = set_history(self.0.part_mut(SupplyLayout::TOTAL_POWER), height, power);
        if archived.is_some() {
            total_power_archive().save(store, archived);
        }
    }

    /// Whether `who` is the minter (never once minting was ended).
    pub fn is_minter(&self, who: &Addr) -> bool {
        self.flag(HAS_MINTER) && self.0.tail() == who.as_bytes()
    }

    /// Who may mint; `None` once minting was ended.
    pub fn minter(&self) -> Option<Addr> {
        // the tail was checked to be UTF-8 when the record was loaded
        self.flag(HAS_MINTER)
            .then(|| std::str::from_utf8(self.0.tail()).ok())
            .flatten()
            .map(Addr::unchecked)
    }

    /// Whether a mint limit is in force (see `HAS_MINT_LIMIT`).
    pub fn has_mint_limit(&self) -> bool {
        self.flag(HAS_MINT_LIMIT)
    }

    pub fn set_has_mint_limit(&mut self, on: bool) {
        let flags = self.0.get(SupplyLayout::FLAGS);
        let flags = if on {
            flags | HAS_MINT_LIMIT
        } else {
            flags & !HAS_MINT_LIMIT
        };
        self.0.set(SupplyLayout::FLAGS, flags);
    }

    /// Hands minting to `minter`, or ends it with `None`.
    pub fn set_minter(&mut self, minter: Option<&Addr>) {
        let flags = self.0.get(SupplyLayout::FLAGS);
        match minter {
            Some(m) => {
                self.0.set(SupplyLayout::FLAGS, flags | HAS_MINTER);
                self.0.set_tail(m.as_bytes());
            }
            None => {
                self.0.set(SupplyLayout::FLAGS, flags & !HAS_MINTER);
                self.0.set_tail(&[]);
            }
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

commons::layout! {
    /// A vesting grant record.
    pub struct GrantLayout("vesting grant", version 1) {
        /// 1 = revocable, 2 = revoked
        FLAGS: u8,
        START: Timestamp,
        CLIFF_SECONDS: u64,
        DURATION_SECONDS: u64,
        TOTAL: Uint128,
        CLAIMED: Uint128,
        BURNED: Uint128,
        /// zero when not revoked
        REVOKED_AT: Timestamp,
    }
}

const REVOCABLE: u8 = 1;
const REVOKED: u8 = 2;

impl Grant {
    pub fn encode(&self) -> Vec<u8> {
        let flags = (if self.revocable { REVOCABLE } else { 0 })
            | (if self.revoked_at.is_some() {
                REVOKED
            } else {
                0
            });
        let mut r = Stored::<GrantLayout>::new();
        r.set(GrantLayout::FLAGS, flags);
        r.set(GrantLayout::START, self.schedule.start_time);
        r.set(GrantLayout::CLIFF_SECONDS, self.schedule.cliff_seconds);
        r.set(
            GrantLayout::DURATION_SECONDS,
            self.schedule.duration_seconds,
        );
        r.set(GrantLayout::TOTAL, self.total);
        r.set(GrantLayout::CLAIMED, self.claimed);
        r.set(GrantLayout::BURNED, self.burned);
        r.set(
            GrantLayout::REVOKED_AT,
            self.revoked_at.unwrap_or(Timestamp::from_nanos(0)),
        );
        r.into_bytes()
    }

    pub fn decode(bytes: Vec<u8>) -> StdResult<Self> {
        let r = Stored::<GrantLayout>::from_exact(bytes)?;
        let flags = r.get(GrantLayout::FLAGS);
        Ok(Grant {
            schedule: VestingSchedule {
                start_time: r.get(GrantLayout::START),
                cliff_seconds: r.get(GrantLayout::CLIFF_SECONDS),
                duration_seconds: r.get(GrantLayout::DURATION_SECONDS),
            },
            total: r.get(GrantLayout::TOTAL),
            claimed: r.get(GrantLayout::CLAIMED),
            revocable: flags & REVOCABLE != 0,
            revoked_at: (flags & REVOKED != 0).then(|| r.get(GrantLayout::REVOKED_AT)),
            burned: r.get(GrantLayout::BURNED),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use commons::layout::Layout;
    use cosmwasm_std::testing::MockStorage;

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
        assert_eq!(got.0.as_bytes().len(), SupplyLayout::LEN + 15);
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
        assert_eq!(bare.0.as_bytes().len(), SupplyLayout::LEN);
        let got = Supply::from_stored(bare.0.as_bytes().to_vec()).unwrap();
        assert_eq!((got.cap(), got.minter()), (None, None));
        assert!(!got.vesting_counts_for_voting());
        assert!(!got.is_minter(&minter));
        // a cap of zero is still a cap
        let zero_cap = Supply::new(None, Some(Uint128::zero()), false);
        assert_eq!(zero_cap.cap(), Some(Uint128::zero()));
        // ending minting drops the address
        full.set_minter(None);
        assert_eq!(full.0.as_bytes().len(), SupplyLayout::LEN);
        assert_eq!(full.minter(), None);
    }

    #[test]
    fn corrupt_supply_records_are_errors() {
        let bytes = Supply::new(None, None, true).0.into_bytes();
        assert!(Supply::from_stored(bytes[..100].to_vec()).is_err());
        let mut longer = bytes.clone();
        longer.push(1);
        assert!(Supply::from_stored(longer).is_err());
        let mut bad_minter = bytes.clone();
        bad_minter[SupplyLayout::FLAGS.at()] |= HAS_MINTER;
        assert!(Supply::from_stored(bad_minter.clone()).is_err());
        bad_minter.push(0xff);
        assert!(Supply::from_stored(bad_minter).is_err());
        assert!(Supply::from_stored(vec![]).is_err());
        assert!(Supply::load(&MockStorage::new()).is_err());
        // a layout version this code does not read
        let mut future = bytes;
        future[0] = 0;
        let err = Supply::from_stored(future).unwrap_err();
        assert!(err.to_string().contains("layout version 0"), "{err}");
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
        assert_eq!(bytes.len(), 82);
        assert_eq!(GrantLayout::LEN, 82);
        assert_eq!(Grant::decode(bytes.clone()).unwrap(), grant);
        let plain = Grant {
            revocable: false,
            revoked_at: None,
            ..grant
        };
        assert_eq!(Grant::decode(plain.encode()).unwrap(), plain);
        assert!(Grant::decode(bytes[..81].to_vec()).is_err());
        let mut longer = bytes;
        longer.push(0);
        assert!(Grant::decode(longer).is_err());
    }
}
