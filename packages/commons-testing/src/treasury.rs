//! The treasury in multi-test.

use anyhow::Result as AnyResult;
use commons::asset::AssetInfoUnchecked;
use commons::treasury::{
    InstantiateMsg, LedgerEntry, LedgerResponse, QueryMsg, SpendLimitUnchecked,
};
use cosmwasm_std::{Addr, Empty, Uint128};
use cw_multi_test::{App, Contract};

/// The treasury contract, for `App::store_code`.
pub fn treasury_contract() -> Box<dyn Contract<Empty>> {
    crate::contract_of!(commons_treasury::contract)
}

/// Change delay of a treasury without spend limits, unless one is set: one day.
pub const DEFAULT_CHANGE_DELAY: u64 = 24 * 60 * 60;

/// Builds a treasury owned by `owner`, with no accepted cw20 and no spend limits until set.
/// The change delay is the longest limit period given (the shortest the treasury accepts), or
/// [`DEFAULT_CHANGE_DELAY`] without limits, unless `with_change_delay` sets it.
pub struct TreasuryBuilder {
    msg: InstantiateMsg,
    change_delay: Option<u64>,
}

impl TreasuryBuilder {
    pub fn new(owner: &Addr) -> Self {
        TreasuryBuilder {
            msg: InstantiateMsg {
                owner: owner.to_string(),
                accepted_cw20s: vec![],
                spend_limits: vec![],
                change_delay_seconds: DEFAULT_CHANGE_DELAY,
            },
            change_delay: None,
        }
    }

    pub fn with_cw20(mut self, token: &Addr) -> Self {
        self.msg.accepted_cw20s.push(token.to_string());
        self
    }

    /// Spend limit: at most `amount` of `asset_info` per `period_seconds` window.
    pub fn with_limit(
        mut self,
        asset_info: AssetInfoUnchecked,
        amount: u128,
        period_seconds: u64,
    ) -> Self {
        self.msg.spend_limits.push(SpendLimitUnchecked {
            asset_info,
            amount: Uint128::new(amount),
            period_seconds,
        });
        self.sync_delay();
        self
    }

    /// How long loosenings, a new owner and new code wait, in seconds.
    pub fn with_change_delay(mut self, seconds: u64) -> Self {
        self.change_delay = Some(seconds);
        self.sync_delay();
        self
    }

    fn sync_delay(&mut self) {
        let longest = self.msg.spend_limits.iter().map(|l| l.period_seconds).max();
        self.msg.change_delay_seconds = self
            .change_delay
            .or(longest)
            .unwrap_or(DEFAULT_CHANGE_DELAY);
    }

    /// Changes the message as built so far in a way no setter covers (tests of the
    /// instantiate rules give it values the treasury refuses).
    pub fn with_msg(mut self, change: impl FnOnce(&mut InstantiateMsg)) -> Self {
        change(&mut self.msg);
        self
    }

    pub fn msg(&self) -> &InstantiateMsg {
        &self.msg
    }

    /// Stores the code and instantiates the treasury with `admin` as sender and wasm admin.
    pub fn instantiate(self, app: &mut App, admin: &Addr) -> AnyResult<Addr> {
        self.instantiate_with(app, treasury_contract(), admin)
    }

    /// Like [`Self::instantiate`], from `code`: the treasury crate's own tests pass their entry
    /// points, so the errors they downcast are of the crate under test.
    pub fn instantiate_with(
        self,
        app: &mut App,
        code: Box<dyn Contract<Empty>>,
        admin: &Addr,
    ) -> AnyResult<Addr> {
        crate::instantiate_code(app, code, admin, &self.msg, "commons-treasury")
    }
}

/// Every entry of `treasury`'s ledger, oldest first (read page by page).
pub fn ledger(app: &App, treasury: &Addr) -> AnyResult<Vec<LedgerEntry>> {
    let mut all = vec![];
    loop {
        let start_after = all.last().map(|e: &LedgerEntry| e.id);
        let msg = QueryMsg::Ledger {
            start_after,
            limit: Some(30),
            reverse: None,
        };
        let page: LedgerResponse = app.wrap().query_wasm_smart(treasury, &msg)?;
        if page.entries.is_empty() {
            return Ok(all);
        }
        all.extend(page.entries);
    }
}
