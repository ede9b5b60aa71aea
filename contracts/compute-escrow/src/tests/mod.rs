//! Multi-test tests of the compute escrow (native jobs, and cw20 jobs through a real cw20).

mod disputes;
mod errors;
mod invariants;
mod jobs;
mod providers;

use anyhow::Result as AnyResult;
use commons::asset::AssetInfoUnchecked;
use commons::escrow::{
    CreateJobMsg, ExecuteMsg, InstantiateMsg, JobResponse, JobSpec, ProviderMetadata,
    ProviderResponse, QueryMsg, ReceiveMsg, TotalsResponse,
};
use cosmwasm_std::{coins, to_json_binary, Addr, Coin, Timestamp, Uint128};
use cw20::{BalanceResponse, Cw20Coin, Cw20ExecuteMsg, Cw20QueryMsg};
use cw_multi_test::{App, AppResponse, ContractWrapper, Executor};

use crate::contract::{execute, instantiate, migrate, query};
use crate::ContractError;

pub const PAY: &str = "upay";
pub const STAKE: &str = "ustake";
pub const CHALLENGE: u64 = 100;
pub const UNBONDING: u64 = 500;
pub const FEE_BPS: u16 = 250;

pub struct Suite {
    pub app: App,
    pub escrow: Addr,
    pub token: Addr,
}

pub fn metadata(name: &str) -> ProviderMetadata {
    ProviderMetadata {
        name: name.into(),
        endpoint: "https://gpu.example".into(),
        hardware: "8x accelerator".into(),
        region: "eu".into(),
    }
}

impl Suite {
    /// Escrow with arbiter "dao", fee 2.5% to "treasury", jobs in `upay` or the cw20, stake in
    /// `ustake` (min 1_000). "client" and "prov"/"prov2" hold funds.
    pub fn new() -> Self {
        let mut app = App::default();
        let api = *app.api();
        let (client, prov, prov2) = (
            api.addr_make("client"),
            api.addr_make("prov"),
            api.addr_make("prov2"),
        );
        app.init_modules(|r, _, st| {
            r.bank.init_balance(
                st,
                &client,
                vec![Coin::new(1_000_000u128, PAY), Coin::new(10_000u128, STAKE)],
            )?;
            r.bank.init_balance(st, &prov, coins(100_000, STAKE))?;
            r.bank.init_balance(st, &prov2, coins(100_000, STAKE))
        })
        .unwrap();
        let cw20_code = app.store_code(Box::new(ContractWrapper::new(
            cw20_base::contract::execute,
            cw20_base::contract::instantiate,
            cw20_base::contract::query,
        )));
        let token = app
            .instantiate_contract(
                cw20_code,
                client.clone(),
                &cw20_base::msg::InstantiateMsg {
                    name: "Pay token".into(),
                    symbol: "PAY".into(),
                    decimals: 6,
                    initial_balances: vec![Cw20Coin {
                        address: client.to_string(),
                        amount: Uint128::new(1_000_000),
                    }],
                    mint: None,
                    marketing: None,
                },
                &[],
                "pay",
                None,
            )
            .unwrap();
        let code = app.store_code(Box::new(
            ContractWrapper::new(execute, instantiate, query).with_migrate(migrate),
        ));
        let msg = InstantiateMsg {
            arbiter: api.addr_make("dao").to_string(),
            fee_bps: FEE_BPS,
            fee_recipient: api.addr_make("treasury").to_string(),
            accepted_assets: vec![
                AssetInfoUnchecked::Native(PAY.into()),
                AssetInfoUnchecked::Cw20(token.to_string()),
            ],
            stake_asset: AssetInfoUnchecked::Native(STAKE.into()),
            challenge_period_seconds: CHALLENGE,
            min_provider_stake: Some(Uint128::new(1_000)),
            provider_unbonding_seconds: UNBONDING,
            max_job_duration_seconds: 10_000,
        };
        let escrow = app
            .instantiate_contract(code, api.addr_make("dao"), &msg, &[], "escrow", None)
            .unwrap();
        Suite { app, escrow, token }
    }

    pub fn addr(&self, name: &str) -> Addr {
        self.app.api().addr_make(name)
    }

    pub fn now(&self) -> Timestamp {
        self.app.block_info().time
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
            .execute_contract(sender, self.escrow.clone(), msg, funds)
    }

    pub fn err(res: AnyResult<AppResponse>) -> ContractError {
        res.unwrap_err().downcast::<ContractError>().unwrap()
    }

    pub fn register(&mut self, who: &str, stake: u128) -> AnyResult<AppResponse> {
        self.exec_funds(
            who,
            &ExecuteMsg::RegisterProvider {
                metadata: metadata(who),
            },
            &coins(stake, STAKE),
        )
    }

    pub fn job_msg(&self, provider: Option<&str>, price: u128, units: u128) -> CreateJobMsg {
        CreateJobMsg {
            provider: provider.map(|p| self.addr(p).to_string()),
            client: None,
            refund_to: None,
            spec: JobSpec {
                uri: "ipfs://job".into(),
                hash: "abc123".into(),
            },
            price_per_unit: Uint128::new(price),
            max_units: Uint128::new(units),
            accept_by: self.now().plus_seconds(1_000),
            deadline: self.now().plus_seconds(5_000),
        }
    }

    /// A native job of `units` at `price`, named for "prov"; returns its id.
    pub fn create_job(&mut self, price: u128, units: u128) -> u64 {
        let msg = self.job_msg(Some("prov"), price, units);
        let res = self
            .exec_funds(
                "client",
                &ExecuteMsg::CreateJob(msg),
                &coins(price * units, PAY),
            )
            .unwrap();
        attr(&res, "job_id").unwrap().parse().unwrap()
    }

    /// "prov" registered with 5_000 stake, a 10-unit job at 100 accepted by it.
    pub fn running_job() -> (Self, u64) {
        let mut s = Self::new();
        s.register("prov", 5_000).unwrap();
        let id = s.create_job(100, 10);
        s.exec("prov", &ExecuteMsg::AcceptJob { job_id: id })
            .unwrap();
        (s, id)
    }

    pub fn report(&mut self, id: u64, units: u128) -> AnyResult<AppResponse> {
        self.exec(
            "prov",
            &ExecuteMsg::ReportUsage {
                job_id: id,
                units: Uint128::new(units),
                proof: None,
            },
        )
    }

    pub fn job(&self, id: u64) -> JobResponse {
        self.app
            .wrap()
            .query_wasm_smart(self.escrow.clone(), &QueryMsg::Job { job_id: id })
            .unwrap()
    }

    pub fn provider(&self, who: &str) -> ProviderResponse {
        self.app
            .wrap()
            .query_wasm_smart(
                self.escrow.clone(),
                &QueryMsg::Provider {
                    address: self.addr(who).to_string(),
                },
            )
            .unwrap()
    }

    pub fn totals(&self) -> TotalsResponse {
        self.app
            .wrap()
            .query_wasm_smart(self.escrow.clone(), &QueryMsg::Totals {})
            .unwrap()
    }

    pub fn bank(&self, who: &str, denom: &str) -> u128 {
        let addr = if who == "escrow" {
            self.escrow.clone()
        } else {
            self.addr(who)
        };
        self.app
            .wrap()
            .query_balance(addr, denom)
            .unwrap()
            .amount
            .u128()
    }

    pub fn cw20(&self, who: &Addr) -> u128 {
        let r: BalanceResponse = self
            .app
            .wrap()
            .query_wasm_smart(
                self.token.clone(),
                &Cw20QueryMsg::Balance {
                    address: who.to_string(),
                },
            )
            .unwrap();
        r.balance.u128()
    }

    pub fn send_cw20(
        &mut self,
        from: &str,
        amount: u128,
        hook: &ReceiveMsg,
    ) -> AnyResult<AppResponse> {
        let from = self.addr(from);
        let msg = Cw20ExecuteMsg::Send {
            contract: self.escrow.to_string(),
            amount: Uint128::new(amount),
            msg: to_json_binary(hook).unwrap(),
        };
        self.app
            .execute_contract(from, self.token.clone(), &msg, &[])
    }

    pub fn wait(&mut self, seconds: u64) {
        self.app.update_block(|b| {
            b.height += 1;
            b.time = b.time.plus_seconds(seconds);
        });
    }

    pub fn go_to(&mut self, t: Timestamp) {
        self.app.update_block(|b| {
            b.height += 1;
            b.time = t;
        });
    }
}

pub fn attr(res: &AppResponse, key: &str) -> Option<String> {
    res.events
        .iter()
        .filter(|e| e.ty == "wasm")
        .flat_map(|e| e.attributes.iter())
        .find(|a| a.key == key)
        .map(|a| a.value.clone())
}
