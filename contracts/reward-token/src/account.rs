//! Account records and the ledger that changes them.
//!
//! One record per account holds everything a transfer needs: the liquid balance, the tokens
//! locked in its grants, the voting power it holds as a delegatee (its own, unless it delegated
//! it away, plus what others delegated to it) with that power's history, and whom it delegates
//! to. A transfer between accounts that vote themselves therefore costs one read and one write
//! per party; a delegating party adds its delegatee's record.
//!
//! Record layout ([`AccountLayout`], version 1): the fixed fields, then the delegatee's
//! address (UTF-8) as the tail when the account delegates.

use cosmwasm_std::{Addr, StdError, StdResult, Storage, Uint128};

use crate::error::ContractError;
use crate::history::{set_history, Archive, Archived, History, HistoryRef};
use crate::state::{ACCOUNT_NS, POWER_ARCHIVE_NS};
use commons::codec::{map_key, owner_prefix};
use commons::layout::{LayoutError, Stored};

commons::layout! {
    /// An account record.
    pub struct AccountLayout("account", version 1) {
        /// 1 = delegates (the delegatee is the tail)
        FLAGS: u8,
        /// liquid balance
        BALANCE: Uint128,
        /// locked in open grants
        LOCKED: Uint128,
        /// voting power held, with its history
        POWER: History,
    }
}

const DELEGATES: u8 = 1;

/// What the token knows about one address, as its stored bytes. An address without a record
/// reads as all zero and not delegating.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Account(Stored<AccountLayout>);

impl Account {
    /// An account from its stored bytes (`None`: no record yet).
    pub fn from_stored(bytes: Option<Vec<u8>>) -> StdResult<Self> {
        let Some(bytes) = bytes else {
            return Ok(Account::default());
        };
        let account = Account(Stored::from_stored(bytes)?);
        let well_formed = match account.delegates() {
            true => !account.0.tail().is_empty() && std::str::from_utf8(account.0.tail()).is_ok(),
            false => account.0.tail().is_empty(),
        };
        if !well_formed {
            return Err(LayoutError::Corrupt {
                record: "account",
                reason: "delegatee does not match the flags",
            }
            .into());
        }
        Ok(account)
    }

    /// The record of `who` (all zero when it has none).
    pub fn load(store: &dyn Storage, who: &Addr) -> StdResult<Self> {
        Self::from_stored(store.get(&account_key(who)))
    }

    /// The stored bytes.
    pub fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }

    /// Liquid (transferable) balance.
    pub fn balance(&self) -> Uint128 {
        self.0.get(AccountLayout::BALANCE)
    }

    pub fn set_balance(&mut self, amount: Uint128) {
        self.0.set(AccountLayout::BALANCE, amount);
    }

    /// Tokens in the account's open vesting grants.
    pub fn locked(&self) -> Uint128 {
        self.0.get(AccountLayout::LOCKED)
    }

    pub fn set_locked(&mut self, amount: Uint128) {
        self.0.set(AccountLayout::LOCKED, amount);
    }

    /// Voting power held by this account, and its history.
    pub fn power(&self) -> HistoryRef<'_> {
        HistoryRef(self.0.part(AccountLayout::POWER))
    }

    /// Sets the power held in block `height`; returns the archive entry to store, if any.
    pub fn set_power(&mut self, height: u64, power: Uint128) -> Option<Archived> {
        set_history(self.0.part_mut(AccountLayout::POWER), height, power)
    }

    /// Whether the account delegates its own power.
    pub fn delegates(&self) -> bool {
        self.0.get(AccountLayout::FLAGS) & DELEGATES != 0
    }

    /// The delegatee's address bytes, when the account delegates.
    fn delegatee_bytes(&self) -> Option<&[u8]> {
        self.delegates().then(|| self.0.tail())
    }

    /// Whom the account delegates its own power to; `None`: itself.
    pub fn delegatee(&self) -> Option<Addr> {
        // the tail was checked to be UTF-8 when the record was loaded
        self.delegatee_bytes()
            .and_then(|b| std::str::from_utf8(b).ok())
            .map(Addr::unchecked)
    }

    /// Points the account's own power at `delegatee` (`None`: itself).
    pub fn set_delegatee(&mut self, delegatee: Option<&Addr>) {
        let flags = self.0.get(AccountLayout::FLAGS);
        match delegatee {
            Some(d) => {
                self.0.set(AccountLayout::FLAGS, flags | DELEGATES);
                self.0.set_tail(d.as_bytes());
            }
            None => {
                self.0.set(AccountLayout::FLAGS, flags & !DELEGATES);
                self.0.set_tail(&[]);
            }
        }
    }
}

/// Storage key of the record of `who`.
pub fn account_key(who: &Addr) -> Vec<u8> {
    map_key(ACCOUNT_NS, who.as_bytes())
}

/// The archive of the voting power of the account with address bytes `who`.
pub fn power_archive(who: &[u8]) -> Archive {
    Archive::new(owner_prefix(POWER_ARCHIVE_NS, who))
}

/// Whether two account keys (or addresses) are equal. Different addresses share their first
/// bytes (namespace and address prefix), so this compares their last 8 bytes first: comparing
/// byte by byte from the start costs about 6,000 gas a byte in the wasm.
fn same_key(a: &[u8], b: &[u8]) -> bool {
    let tail = |k: &[u8]| k.last_chunk::<8>().map(|t| u64::from_ne_bytes(*t));
    a.len() == b.len() && tail(a) == tail(b) && a == b
}

/// Index of an account in a [`Ledger`].
pub type Slot = usize;

/// One account record opened by a [`Ledger`].
struct Entry {
    key: Vec<u8>,
    account: Account,
    /// Whether the record was handed out for changing (only those are written back).
    changed: bool,
}

/// The account records one message touches: each is read at most once, changed in place,
/// and written once by [`Ledger::commit`] if it changed. Voting power follows delegation: a
/// change of a holder's own power lands on its delegatee's record (its own when it never
/// delegated).
pub struct Ledger<'a> {
    store: &'a mut dyn Storage,
    height: u64,
    accounts: Vec<Entry>,
}

impl<'a> Ledger<'a> {
    /// A ledger for changes made in block `height`.
    pub fn new(store: &'a mut dyn Storage, height: u64) -> Self {
        Ledger {
            store,
            height,
            accounts: Vec::with_capacity(4),
        }
    }

    /// The block the changes are made in.
    pub fn height(&self) -> u64 {
        self.height
    }

    /// The storage, for records that are not accounts.
    pub fn store(&mut self) -> &mut dyn Storage {
        self.store
    }

    fn open_key(&mut self, key: Vec<u8>) -> StdResult<Slot> {
        if let Some(slot) = self.accounts.iter().position(|e| same_key(&e.key, &key)) {
            return Ok(slot);
        }
        let account = Account::from_stored(self.store.get(&key))?;
        self.accounts.push(Entry {
            key,
            account,
            changed: false,
        });
        Ok(self.accounts.len() - 1)
    }

    /// Opens the record of `who` (read on first use).
    pub fn open(&mut self, who: &Addr) -> StdResult<Slot> {
        self.open_key(account_key(who))
    }

    /// The record in `slot`, to read.
    pub fn peek(&self, slot: Slot) -> &Account {
        &self.accounts[slot].account
    }

    /// The record in `slot`, to change: it is written back on commit.
    pub fn get(&mut self, slot: Slot) -> &mut Account {
        let entry = &mut self.accounts[slot];
        entry.changed = true;
        &mut entry.account
    }

    /// Address bytes of the account in `slot`.
    fn owner(&self, slot: Slot) -> &[u8] {
        self.accounts[slot]
            .key
            .get(2 + ACCOUNT_NS.len()..)
            .unwrap_or_default()
    }

    /// Address bytes of the account that votes with the power of the one in `slot`.
    fn voter(&self, slot: Slot) -> &[u8] {
        match self.peek(slot).delegatee_bytes() {
            Some(delegatee) => delegatee,
            None => self.owner(slot),
        }
    }

    /// Opens the record that holds the power of the account in `slot`: its delegatee's, or
    /// its own.
    pub fn delegatee_of(&mut self, slot: Slot) -> StdResult<Slot> {
        match self.peek(slot).delegatee_bytes() {
            Some(delegatee) => self.open_key(map_key(ACCOUNT_NS, delegatee)),
            None => Ok(slot),
        }
    }

    /// Adds to a liquid balance (the caller accounts for supply and power).
    pub fn credit(&mut self, slot: Slot, amount: Uint128) -> Result<(), ContractError> {
        let account = self.get(slot);
        let balance = account
            .balance()
            .checked_add(amount)
            .map_err(|_| ContractError::SupplyOverflow)?;
        account.set_balance(balance);
        Ok(())
    }

    /// Takes from a liquid balance (the caller accounts for supply and power).
    pub fn debit(&mut self, slot: Slot, amount: Uint128) -> Result<(), ContractError> {
        let account = self.get(slot);
        let balance = account.balance();
        let rest = balance
            .checked_sub(amount)
            .map_err(|_| ContractError::InsufficientBalance {
                balance,
                requested: amount,
            })?;
        account.set_balance(rest);
        Ok(())
    }

    fn set_power(&mut self, slot: Slot, power: Uint128) {
        let height = self.height;
        let archived = self.get(slot).set_power(height, power);
        if archived.is_some() {
            power_archive(self.owner(slot)).save(self.store, archived);
        }
    }

    /// Adds `amount` to the power held by the account in `slot`.
    pub fn add_power(&mut self, slot: Slot, amount: Uint128) -> StdResult<()> {
        let old = self.peek(slot).power().now();
        self.set_power(slot, old.checked_add(amount).map_err(StdError::overflow)?);
        Ok(())
    }

    /// Takes `amount` from the power held by the account in `slot`.
    pub fn sub_power(&mut self, slot: Slot, amount: Uint128) -> StdResult<()> {
        let old = self.peek(slot).power().now();
        self.set_power(slot, old.checked_sub(amount).map_err(StdError::overflow)?);
        Ok(())
    }

    /// Moves `amount` of power between the accounts in two slots; nothing when they are one.
    pub fn move_power(&mut self, from: Slot, to: Slot, amount: Uint128) -> StdResult<()> {
        if from == to || amount.is_zero() {
            return Ok(());
        }
        self.sub_power(from, amount)?;
        self.add_power(to, amount)
    }

    /// Moves liquid tokens and the voting power that goes with them. When both sides vote
    /// through the same account, no power moves and that account's record is not even read.
    pub fn transfer(
        &mut self,
        from: &Addr,
        to: &Addr,
        amount: Uint128,
    ) -> Result<(), ContractError> {
        let from = self.open(from)?;
        let to = self.open(to)?;
        self.debit(from, amount)?;
        self.credit(to, amount)?;
        let delegating = self.peek(from).delegates() || self.peek(to).delegates();
        if delegating && same_key(self.voter(from), self.voter(to)) {
            return Ok(());
        }
        let from_delegatee = self.delegatee_of(from)?;
        let to_delegatee = self.delegatee_of(to)?;
        self.move_power(from_delegatee, to_delegatee, amount)?;
        Ok(())
    }

    /// Writes every record that was changed.
    pub fn commit(self) {
        for entry in self.accounts.iter().filter(|e| e.changed) {
            self.store.set(&entry.key, entry.account.as_bytes());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use commons::layout::Layout;
    use cosmwasm_std::testing::MockStorage;

    fn addr(s: &str) -> Addr {
        Addr::unchecked(s)
    }

    #[test]
    fn fields_round_trip_with_and_without_delegatee() {
        let mut a = Account::default();
        assert_eq!(a.as_bytes().len(), AccountLayout::LEN);
        a.set_balance(Uint128::MAX);
        a.set_locked(Uint128::new(3));
        a.set_power(10, Uint128::new(7));
        let stored = Account::from_stored(Some(a.as_bytes().to_vec())).unwrap();
        assert_eq!(stored, a);
        assert_eq!(stored.balance(), Uint128::MAX);
        assert_eq!(stored.locked().u128(), 3);
        assert_eq!(stored.power().now().u128(), 7);
        assert_eq!(stored.delegatee(), None);
        let d = addr("cosmwasm1delegatee");
        a.set_delegatee(Some(&d));
        assert_eq!(a.as_bytes().len(), AccountLayout::LEN + 18);
        let stored = Account::from_stored(Some(a.as_bytes().to_vec())).unwrap();
        assert_eq!(stored.delegatee(), Some(d));
        assert_eq!(stored.balance(), Uint128::MAX);
        a.set_delegatee(None);
        assert_eq!(a.as_bytes().len(), AccountLayout::LEN);
        assert_eq!(a.delegatee(), None);
        assert_eq!(a.power().now().u128(), 7);
    }

    #[test]
    fn corrupt_records_are_errors() {
        let ok = Account::default().as_bytes().to_vec();
        assert!(Account::from_stored(Some(ok[..AccountLayout::LEN - 1].to_vec())).is_err());
        assert!(Account::from_stored(Some(vec![])).is_err());
        let mut longer = ok.clone();
        longer.push(b'x');
        assert!(Account::from_stored(Some(longer)).is_err());
        // delegating without a delegatee, or with one that is not UTF-8
        let mut bad = ok.clone();
        bad[AccountLayout::FLAGS.at()] = DELEGATES;
        assert!(Account::from_stored(Some(bad.clone())).is_err());
        bad.extend_from_slice(&[0xc3, 0x28]);
        assert!(Account::from_stored(Some(bad)).is_err());
        assert_eq!(Account::from_stored(None).unwrap(), Account::default());
        // a layout version this code does not read
        let mut future = ok;
        future[0] = 2;
        let err = Account::from_stored(Some(future)).unwrap_err();
        assert!(err.to_string().contains("layout version 2"), "{err}");
    }

    #[test]
    fn layout_is_the_documented_one() {
        // a holder of 1000 tokens whose power last changed at height 1, delegating to "d"
        let mut raw = vec![1, DELEGATES]; // version, flags
        raw.extend(1000u128.to_be_bytes()); // balance
        raw.extend(5u128.to_be_bytes()); // locked
        raw.push(1); // power changed
        raw.extend(1000u128.to_be_bytes()); // power now
        raw.extend(1u64.to_be_bytes()); // changed at
        raw.extend(0u128.to_be_bytes()); // power at the start of block 1
        raw.extend(1u64.to_be_bytes()); // first change
        raw.push(b'd');
        let mut key = vec![0, 7];
        key.extend_from_slice(b"account");
        key.extend_from_slice(b"holder");
        let mut store = MockStorage::new();
        store.set(&key, &raw);
        let a = Account::load(&store, &addr("holder")).unwrap();
        assert_eq!(a.balance().u128(), 1000);
        assert_eq!(a.locked().u128(), 5);
        assert_eq!(a.power().now().u128(), 1000);
        assert_eq!(a.power().at_height(1, |_| Ok(None)).unwrap().u128(), 0);
        assert_eq!(a.power().at_height(2, |_| Ok(None)).unwrap().u128(), 1000);
        assert_eq!(a.delegatee(), Some(addr("d")));
        assert_eq!(a.as_bytes(), &raw[..]);
        assert_eq!(
            (
                AccountLayout::BALANCE.at(),
                AccountLayout::POWER.at(),
                AccountLayout::LEN
            ),
            (2, 34, 83)
        );
    }

    #[test]
    fn keys_compare_whole() {
        assert!(same_key(b"", b""));
        assert!(same_key(b"abc", b"abc"));
        assert!(same_key(b"0123456789", b"0123456789"));
        assert!(!same_key(b"0123456789", b"x123456789"));
        assert!(!same_key(b"0123456789", b"012345678x"));
        assert!(!same_key(b"012345678", b"0123456789"));
    }

    #[test]
    fn ledger_moves_balances_and_power_together() {
        let mut store = MockStorage::new();
        let (alice, bob, dave) = (addr("alice"), addr("bob"), addr("dave"));
        let mut ledger = Ledger::new(&mut store, 5);
        let a = ledger.open(&alice).unwrap();
        let d = ledger.open(&dave).unwrap();
        ledger.credit(a, Uint128::new(100)).unwrap();
        ledger.add_power(a, Uint128::new(100)).unwrap();
        ledger.get(a).set_delegatee(Some(&dave));
        ledger.move_power(a, d, Uint128::new(100)).unwrap();
        // alice delegates to dave: her tokens' power follows them from dave to bob
        ledger.transfer(&alice, &bob, Uint128::new(40)).unwrap();
        // a self-transfer changes nothing
        ledger.transfer(&bob, &bob, Uint128::new(40)).unwrap();
        assert_eq!(
            ledger.transfer(&bob, &alice, Uint128::new(41)).unwrap_err(),
            ContractError::InsufficientBalance {
                balance: Uint128::new(40),
                requested: Uint128::new(41)
            }
        );
        assert_eq!(ledger.accounts.len(), 3);
        ledger.commit();
        // dave votes for both alice and bob now: a transfer between them moves no power, and
        // dave's record is neither read nor written
        let mut ledger = Ledger::new(&mut store, 6);
        let b = ledger.open(&bob).unwrap();
        ledger.get(b).set_delegatee(Some(&dave));
        ledger.commit();
        let mut ledger = Ledger::new(&mut store, 7);
        ledger.transfer(&bob, &alice, Uint128::new(10)).unwrap();
        assert_eq!(ledger.accounts.len(), 2);
        ledger.commit();
        let load = |who: &Addr| Account::load(&store, who).unwrap();
        assert_eq!(load(&alice).balance().u128(), 70);
        assert_eq!(load(&alice).power().now().u128(), 0);
        assert_eq!(load(&bob).balance().u128(), 30);
        // bob's own 40 were never moved to dave here: only transfers and delegation move power
        assert_eq!(load(&bob).power().now().u128(), 40);
        assert_eq!(load(&dave).balance().u128(), 0);
        assert_eq!(load(&dave).power().now().u128(), 60);
        assert_eq!(load(&alice).delegatee(), Some(dave));
    }

    #[test]
    fn only_changed_records_are_written() {
        let mut store = MockStorage::new();
        let (alice, bob) = (addr("alice"), addr("bob"));
        let mut ledger = Ledger::new(&mut store, 1);
        let a = ledger.open(&alice).unwrap();
        ledger.open(&bob).unwrap();
        ledger.credit(a, Uint128::new(1)).unwrap();
        ledger.commit();
        assert!(store.get(&account_key(&alice)).is_some());
        assert!(store.get(&account_key(&bob)).is_none());
    }

    #[test]
    fn power_changes_in_later_blocks_are_archived_under_the_owner() {
        let mut store = MockStorage::new();
        let alice = addr("alice");
        for (height, amount) in [(3, 10), (4, 20), (6, 30)] {
            let mut ledger = Ledger::new(&mut store, height);
            let a = ledger.open(&alice).unwrap();
            ledger.add_power(a, Uint128::new(amount)).unwrap();
            ledger.commit();
        }
        let a = Account::load(&store, &alice).unwrap();
        let archive = power_archive(alice.as_bytes());
        let at = |h| {
            a.power()
                .at_height(h, |from| archive.first_from(&store, from))
                .unwrap()
                .u128()
        };
        assert_eq!([at(3), at(4), at(5), at(6), at(7)], [0, 10, 30, 30, 60]);
    }
}
