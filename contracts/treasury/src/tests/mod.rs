//! Multi-test tests of the treasury, with a real cw20 (cw20-base) for the cw20 paths.

mod bounds;
mod budgets;
mod config;
mod deposits;
mod invariants;
mod limits;
mod pending;
mod spending;
mod strict_wire;
mod succession;

use anyhow::Result as AnyResult;
use commons::asset::{AssetInfoUnchecked, AssetUnchecked};
use commons::treasury::{
    ConfigResponse, ExecuteMsg, InstantiateMsg, LedgerEntry, LedgerResponse,
    PendingChangesResponse, QueryMsg, ReceiveMsg, SpendLimitResponse, SpendLimitUnchecked,
};
use commons_testing::cw20::{cw20_balance, cw20_base_contract, cw20_token};
use commons_testing::treasury::TreasuryBuilder;
use cosmwasm_std::{coins, to_json_binary, Addr, Coin, Empty, StdResult, Timestamp, Uint128};
use cw20::Cw20ExecuteMsg;
use cw_multi_test::{App, AppResponse, Executor};

pub use commons_testing::attr;

use crate::ContractError;

pub const DENOM: &str = "ucoin";
pub const PERIOD: u64 = 1_000;
pub const LIMIT: u128 = 500;
/// Change delay of the suite's treasury: two periods.
pub const DELAY: u64 = 2_000;

/// This crate's own build of the treasury (see `contract_of!`).
pub fn treasury_contract() -> Box<dyn cw_multi_test::Contract<Empty>> {
    commons_testing::contract_of!(crate::contract)
}

pub struct Suite {
    pub app: App,
    pub treasury: Addr,
    pub token: Addr,
    pub other_token: Addr,
}

pub fn native(amount: u128) -> AssetUnchecked {
    AssetUnchecked {
        info: AssetInfoUnchecked::Native(DENOM.into()),
        amount: Uint128::new(amount),
    }
}

pub fn native_info() -> AssetInfoUnchecked {
    AssetInfoUnchecked::Native(DENOM.into())
}

/// A spend limit on the suite's native denom.
pub fn native_limit(amount: u128, period_seconds: u64) -> SpendLimitUnchecked {
    SpendLimitUnchecked {
        asset_info: native_info(),
        amount: Uint128::new(amount),
        period_seconds,
    }
}

/// `update_config` with only a new spend-limit list.
pub fn limits_msg(limits: Vec<SpendLimitUnchecked>) -> ExecuteMsg {
    ExecuteMsg::UpdateConfig {
        accepted_cw20s: None,
        spend_limits: Some(limits),
    }
}

impl Suite {
    /// A treasury owned by "dao", accepting `token` (not `other_token`), with limits of 500 per
    /// 1000 s on `ucoin` and on `token` and a change delay of 2000 s. Alice holds 10_000 ucoin
    /// and 10_000 of each token.
    pub fn new() -> Self {
        let mut app = App::default();
        let api = app.api();
        let (alice, dao) = (api.addr_make("alice"), api.addr_make("dao"));
        app.init_modules(|r, _, st| r.bank.init_balance(st, &alice, coins(10_000, DENOM)))
            .unwrap();
        let tokens: Vec<Addr> = ["TKN", "OTH"]
            .iter()
            .map(|symbol| cw20_token(&mut app, &alice, symbol, &[(&alice, 10_000)]).unwrap())
            .collect();
        let treasury = TreasuryBuilder::new(&dao)
            .with_cw20(&tokens[0])
            .with_limit(native_info(), LIMIT, PERIOD)
            .with_limit(
                AssetInfoUnchecked::Cw20(tokens[0].to_string()),
                LIMIT,
                PERIOD,
            )
            .with_change_delay(DELAY)
            .instantiate_with(&mut app, treasury_contract(), &dao)
            .unwrap();
        Suite {
            app,
            treasury,
            token: tokens[0].clone(),
            other_token: tokens[1].clone(),
        }
    }

    pub fn addr(&self, name: &str) -> Addr {
        self.app.api().addr_make(name)
    }

    pub fn exec(&mut self, sender: &str, msg: &ExecuteMsg) -> AnyResult<AppResponse> {
        self.exec_funds(sender, msg, &[])
    }

    pub fn exec_funds(
        &mut self,
        sender: &str,
        msg: &ExecuteMsg,
        funds: &[Coin],
    ) -> AnyResult<AppResponse> {
        let sender = self.addr(sender);
        self.app
            .execute_contract(sender, self.treasury.clone(), msg, funds)
    }

    pub fn exec_err(&mut self, sender: &str, msg: &ExecuteMsg) -> ContractError {
        self.exec(sender, msg)
            .unwrap_err()
            .downcast::<ContractError>()
            .unwrap()
    }

    pub fn deposit_native(&mut self, amount: u128) {
        self.exec_funds(
            "alice",
            &ExecuteMsg::Deposit { memo: None },
            &coins(amount, DENOM),
        )
        .unwrap();
    }

    pub fn deposit_cw20(&mut self, token: &Addr, amount: u128) -> AnyResult<AppResponse> {
        let alice = self.addr("alice");
        let msg = Cw20ExecuteMsg::Send {
            contract: self.treasury.to_string(),
            amount: Uint128::new(amount),
            msg: to_json_binary(&ReceiveMsg::Deposit {
                memo: Some("dues".into()),
            })
            .unwrap(),
        };
        self.app.execute_contract(alice, token.clone(), &msg, &[])
    }

    pub fn spend(&mut self, to: &str, asset: AssetUnchecked) -> AnyResult<AppResponse> {
        let recipient = self.addr(to).to_string();
        self.exec(
            "dao",
            &ExecuteMsg::Spend {
                recipient,
                asset,
                memo: None,
            },
        )
    }

    pub fn native_balance(&self, who: &Addr) -> u128 {
        self.app
            .wrap()
            .query_balance(who, DENOM)
            .unwrap()
            .amount
            .u128()
    }

    pub fn cw20_balance(&self, token: &Addr, who: &Addr) -> u128 {
        cw20_balance(&self.app, token, who).unwrap()
    }

    pub fn ledger(&self) -> Vec<LedgerEntry> {
        commons_testing::treasury::ledger(&self.app, &self.treasury).unwrap()
    }

    pub fn limit(&self, info: AssetInfoUnchecked) -> SpendLimitResponse {
        self.app
            .wrap()
            .query_wasm_smart(
                self.treasury.clone(),
                &QueryMsg::SpendLimit { asset_info: info },
            )
            .unwrap()
    }

    pub fn next_block(&mut self, seconds: u64) {
        commons_testing::next_block(&mut self.app, seconds);
    }

    /// A new block at `time`.
    pub fn at(&mut self, time: Timestamp) {
        self.app.update_block(|b| {
            b.height += 1;
            b.time = time;
        });
    }

    pub fn now(&self) -> Timestamp {
        self.app.block_info().time
    }

    pub fn try_limit(&self, info: AssetInfoUnchecked) -> StdResult<SpendLimitResponse> {
        self.app.wrap().query_wasm_smart(
            self.treasury.clone(),
            &QueryMsg::SpendLimit { asset_info: info },
        )
    }

    pub fn native_limit(&self) -> SpendLimitResponse {
        self.limit(native_info())
    }

    pub fn config(&self) -> ConfigResponse {
        self.app
            .wrap()
            .query_wasm_smart(self.treasury.clone(), &QueryMsg::Config {})
            .unwrap()
    }

    pub fn pending(&self) -> PendingChangesResponse {
        self.app
            .wrap()
            .query_wasm_smart(self.treasury.clone(), &QueryMsg::PendingChanges {})
            .unwrap()
    }

    /// The owner replaces the spend limits.
    pub fn set_limits(&mut self, limits: Vec<SpendLimitUnchecked>) -> AnyResult<AppResponse> {
        self.exec("dao", &limits_msg(limits))
    }

    /// The error of an owner spend of `amount` ucoin to bob.
    pub fn spend_err(&mut self, amount: u128) -> ContractError {
        self.spend("bob", native(amount))
            .unwrap_err()
            .downcast::<ContractError>()
            .unwrap()
    }
}
