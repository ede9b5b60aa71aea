//! Multi-test tests of the reward token through its wire messages.

mod cw20_compat;
mod delegation;
mod errors;
mod instantiate;
mod invariants;
mod mint_limit;
mod mint_limit_errors;
mod mint_limit_model;
mod strict_wire;
mod supply;
mod vesting;

use anyhow::Result as AnyResult;
use commons::reward_token::{
    DelegationResponse, ExecuteMsg, InstantiateMsg, MintLimit, MintLimitResponse, MinterInfo,
    QueryMsg, SupplyResponse, TotalPowerAtHeightResponse, VestingResponse,
    VotingPowerAtHeightResponse,
};
use commons::vesting::VestingSchedule;
use commons_testing::token::TokenBuilder;
use cosmwasm_std::{
    to_json_binary, Addr, Binary, Deps, DepsMut, Empty, Env, MessageInfo, Response, StdError,
    StdResult, Timestamp, Uint128,
};
use cw20::{BalanceResponse, Cw20ReceiveMsg};
use cw_multi_test::{App, AppResponse, ContractWrapper, Executor};
use cw_storage_plus::Item;

pub use commons_testing::attr;

use crate::ContractError;

pub const CAP: u128 = 10_000;

/// This crate's own build of the token (see `contract_of!`).
pub fn token_contract() -> Box<dyn cw_multi_test::Contract<Empty>> {
    commons_testing::contract_of!(crate::contract)
}

/// A contract that records the last cw20 `receive` it got, and fails when the payload is
/// `"fail"` (to show a failing receiver reverts the whole send).
mod receiver {
    use super::*;

    pub const LAST: Item<Cw20ReceiveMsg> = Item::new("last");

    pub fn instantiate(_: DepsMut, _: Env, _: MessageInfo, _: Empty) -> StdResult<Response> {
        Ok(Response::new())
    }

    pub fn execute(deps: DepsMut, _: Env, _: MessageInfo, msg: ReceiverMsg) -> StdResult<Response> {
        let ReceiverMsg::Receive(msg) = msg;
        if msg.msg.as_slice() == b"fail" {
            return Err(StdError::generic_err("receiver refused the tokens"));
        }
        LAST.save(deps.storage, &msg)?;
        Ok(Response::new())
    }

    pub fn query(deps: Deps, _: Env, _: Empty) -> StdResult<Binary> {
        to_json_binary(&LAST.may_load(deps.storage)?)
    }

    #[cosmwasm_schema::cw_serde]
    pub enum ReceiverMsg {
        Receive(Cw20ReceiveMsg),
    }
}

pub struct Suite {
    pub app: App,
    pub token: Addr,
    pub minter: Addr,
    pub code_id: u64,
}

/// "Commons Reward" (CMN, 6 decimals) minted by "minter" up to [`CAP`]; alice holds 1_000 and
/// bob 500.
pub fn builder(app: &App) -> TokenBuilder {
    let api = app.api();
    TokenBuilder::new(&api.addr_make("minter"))
        .with_name("Commons Reward")
        .with_balance(&api.addr_make("alice"), 1_000)
        .with_balance(&api.addr_make("bob"), 500)
        .with_cap(CAP)
}

/// The instantiate message of [`builder`].
pub fn default_msg(app: &App) -> InstantiateMsg {
    builder(app).msg().clone()
}

impl Suite {
    pub fn new() -> Self {
        Self::with(|_| {})
    }

    /// A suite whose instantiate message is the default one changed by `change`.
    pub fn with(change: impl FnOnce(&mut InstantiateMsg)) -> Self {
        Self::build(|b| b.with_msg(change))
    }

    /// A suite of the default builder as `shape` changes it.
    pub fn build(shape: impl FnOnce(TokenBuilder) -> TokenBuilder) -> Self {
        let mut app = App::default();
        let minter = app.api().addr_make("minter");
        let token = shape(builder(&app))
            .instantiate_with(&mut app, token_contract(), &minter)
            .unwrap();
        let code_id = app.wrap().query_wasm_contract_info(&token).unwrap().code_id;
        Suite {
            app,
            token,
            minter,
            code_id,
        }
    }

    /// A suite whose minter may mint `amount` per `period` seconds, with the default change
    /// delay (the period) unless `change_delay` is given.
    pub fn limited(amount: u128, period: u64, change_delay: Option<u64>) -> Self {
        Self::build(|b| {
            let b = b.with_mint_limit(amount, period);
            match change_delay {
                Some(delay) => b.with_change_delay(delay),
                None => b,
            }
        })
    }

    pub fn addr(&self, name: &str) -> Addr {
        self.app.api().addr_make(name)
    }

    pub fn exec(&mut self, sender: &Addr, msg: &ExecuteMsg) -> AnyResult<AppResponse> {
        self.app
            .execute_contract(sender.clone(), self.token.clone(), msg, &[])
    }

    pub fn exec_ok(&mut self, sender: &Addr, msg: &ExecuteMsg) -> AppResponse {
        self.exec(sender, msg).unwrap()
    }

    /// Runs `msg`, expects a contract error and returns it.
    pub fn exec_err(&mut self, sender: &Addr, msg: &ExecuteMsg) -> ContractError {
        self.exec(sender, msg)
            .unwrap_err()
            .downcast::<ContractError>()
            .unwrap()
    }

    pub fn query<T: serde::de::DeserializeOwned>(&self, msg: &QueryMsg) -> T {
        self.app
            .wrap()
            .query_wasm_smart(self.token.clone(), msg)
            .unwrap()
    }

    pub fn balance(&self, who: &Addr) -> u128 {
        let res: BalanceResponse = self.query(&QueryMsg::Balance {
            address: who.to_string(),
        });
        res.balance.u128()
    }

    pub fn power(&self, who: &Addr, height: Option<u64>) -> u128 {
        let res: VotingPowerAtHeightResponse = self.query(&QueryMsg::VotingPowerAtHeight {
            address: who.to_string(),
            height,
        });
        res.power.u128()
    }

    pub fn total_power(&self, height: Option<u64>) -> u128 {
        let res: TotalPowerAtHeightResponse = self.query(&QueryMsg::TotalPowerAtHeight { height });
        res.power.u128()
    }

    /// `total_power_excluding`: the total at `height` less what `excluding` held then.
    pub fn total_excluding(&self, height: Option<u64>, excluding: &[&Addr]) -> StdResult<u128> {
        let msg = QueryMsg::TotalPowerExcluding {
            height,
            excluding: excluding.iter().map(|a| a.to_string()).collect(),
        };
        let res: TotalPowerAtHeightResponse =
            self.app.wrap().query_wasm_smart(self.token.clone(), &msg)?;
        Ok(res.power.u128())
    }

    pub fn supply(&self) -> SupplyResponse {
        self.query(&QueryMsg::Supply {})
    }

    pub fn vesting(&self, who: &Addr) -> VestingResponse {
        self.query(&QueryMsg::Vesting {
            address: who.to_string(),
            start_after: None,
            limit: None,
        })
    }

    pub fn delegatee(&self, who: &Addr) -> Addr {
        let res: DelegationResponse = self.query(&QueryMsg::Delegation {
            address: who.to_string(),
        });
        res.delegatee
    }

    pub fn height(&self) -> u64 {
        self.app.block_info().height
    }

    pub fn now(&self) -> Timestamp {
        self.app.block_info().time
    }

    /// Moves to the next block, `seconds` later.
    pub fn next_block(&mut self, seconds: u64) {
        commons_testing::next_block(&mut self.app, seconds);
    }

    pub fn store_receiver(&mut self) -> Addr {
        let code = self.app.store_code(Box::new(ContractWrapper::new(
            receiver::execute,
            receiver::instantiate,
            receiver::query,
        )));
        let owner = self.addr("owner");
        self.app
            .instantiate_contract(code, owner, &Empty {}, &[], "receiver", None)
            .unwrap()
    }

    pub fn last_received(&self, receiver: &Addr) -> Option<Cw20ReceiveMsg> {
        self.app
            .wrap()
            .query_wasm_smart(receiver.clone(), &Empty {})
            .unwrap()
    }

    /// The minter mints `amount` liquid tokens to `to`.
    pub fn mint(&mut self, to: &Addr, amount: u128) -> AnyResult<AppResponse> {
        let minter = self.minter.clone();
        self.exec(
            &minter,
            &ExecuteMsg::Mint {
                recipient: to.to_string(),
                amount: Uint128::new(amount),
            },
        )
    }

    /// The minter asks for `mint_limit` (`None` removes it).
    pub fn update_limit(&mut self, mint_limit: Option<MintLimit>) -> AnyResult<AppResponse> {
        let minter = self.minter.clone();
        self.exec(&minter, &ExecuteMsg::UpdateMintLimit { mint_limit })
    }

    pub fn mint_limit(&self) -> MintLimitResponse {
        self.query(&QueryMsg::MintLimit {})
    }

    /// Moves to the next block at exactly `time`.
    pub fn block_at(&mut self, time: Timestamp) {
        self.app.update_block(|b| {
            b.height += 1;
            b.time = time;
        });
    }

    pub fn mint_vesting(
        &mut self,
        to: &Addr,
        amount: u128,
        schedule: VestingSchedule,
        revocable: bool,
    ) -> AnyResult<AppResponse> {
        let minter = self.minter.clone();
        self.exec(
            &minter,
            &ExecuteMsg::MintVesting {
                recipient: to.to_string(),
                amount: Uint128::new(amount),
                schedule,
                revocable,
            },
        )
    }

    /// Schedule starting now: cliff 100s, fully vested after 1000s.
    pub fn schedule(&self) -> VestingSchedule {
        VestingSchedule {
            start_time: self.now(),
            cliff_seconds: 100,
            duration_seconds: 1_000,
        }
    }
}

pub fn limit(amount: u128, period_seconds: u64) -> MintLimit {
    MintLimit {
        amount: Uint128::new(amount),
        period_seconds,
    }
}
