//! Multi-test tests of the compute escrow (native jobs, and cw20 jobs through a real cw20),
//! through its wire messages only.

mod cancel;
mod disputes;
mod errors;
mod invariants;
mod jobs;
mod maturity;
mod migrate;
mod providers;
mod queries;
mod strict_wire;
mod terms;
mod treasury;

use anyhow::Result as AnyResult;
use commons::asset::AssetInfoUnchecked;
use commons::escrow::{
    CreateJobMsg, ExecuteMsg, JobResponse, JobSpec, JobsResponse, ProviderMetadata,
    ProviderResponse, QueryMsg, ReceiveMsg, TotalsResponse, UpdateConfigMsg,
};
use commons_testing::cw20::{cw20_balance, cw20_token};
use commons_testing::escrow::EscrowBuilder;
use commons_testing::treasury::TreasuryBuilder;
use cosmwasm_std::{coins, to_json_binary, Addr, Coin, Empty, Timestamp, Uint128};
use cw20::Cw20ExecuteMsg;
use cw_multi_test::{App, AppResponse, Executor};

use crate::ContractError;

pub const PAY: &str = "upay";
pub const STAKE: &str = "ustake";
pub const CHALLENGE: u64 = 100;
pub const UNBONDING: u64 = 500;
pub const FEE_BPS: u16 = 250;

/// This crate's own build of the escrow (see `contract_of!`).
pub fn escrow_contract() -> Box<dyn cw_multi_test::Contract<Empty>> {
    commons_testing::contract_of!(crate::contract)
}

pub struct Suite {
    pub app: App,
    pub escrow: Addr,
    pub token: Addr,
    /// The fee recipient: a plain account, or a treasury contract (`with_treasury`).
    pub treasury: Addr,
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
    /// Escrow with arbiter "dao", fee 2.5% to the account "treasury", jobs in `upay` or the
    /// cw20, stake in `ustake` (min 1_000). "client" and "prov"/"prov2" hold funds.
    pub fn new() -> Self {
        Self::build(false)
    }

    /// The same, with a treasury contract (owned by "dao", accepting the cw20) as the fee
    /// recipient and the escrow's configured treasury.
    pub fn with_treasury() -> Self {
        Self::build(true)
    }

    fn build(with_treasury: bool) -> Self {
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
        let token = cw20_token(&mut app, &client, "PAY", &[(&client, 1_000_000)]).unwrap();
        let dao = api.addr_make("dao");
        let treasury = if with_treasury {
            TreasuryBuilder::new(&dao)
                .with_cw20(&token)
                .instantiate(&mut app, &dao)
                .unwrap()
        } else {
            api.addr_make("treasury")
        };
        let mut escrow = EscrowBuilder::new(
            &dao,
            &treasury,
            AssetInfoUnchecked::Native(PAY.into()),
            AssetInfoUnchecked::Native(STAKE.into()),
        )
        .with_accepted(AssetInfoUnchecked::Cw20(token.to_string()))
        .with_fee_bps(FEE_BPS)
        .with_challenge_period(CHALLENGE)
        .with_min_stake(1_000)
        .with_unbonding(UNBONDING)
        .with_max_job_duration(10_000);
        if with_treasury {
            escrow = escrow.with_treasury(&treasury);
        }
        let escrow = escrow
            .instantiate_with(&mut app, escrow_contract(), &dao)
            .unwrap();
        Suite {
            app,
            escrow,
            token,
            treasury,
        }
    }

    /// The account of `name`; "escrow" and "treasury" are the contracts (or the fee account).
    pub fn addr(&self, name: &str) -> Addr {
        match name {
            "escrow" => self.escrow.clone(),
            "treasury" => self.treasury.clone(),
            _ => self.app.api().addr_make(name),
        }
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
        self.totals_page(None, None)
    }

    pub fn totals_page(
        &self,
        start_after: Option<AssetInfoUnchecked>,
        limit: Option<u32>,
    ) -> TotalsResponse {
        self.app
            .wrap()
            .query_wasm_smart(
                self.escrow.clone(),
                &QueryMsg::Totals { start_after, limit },
            )
            .unwrap()
    }

    /// Ids of the jobs `open_jobs` lists.
    pub fn open_jobs(&self, start_after: Option<u64>, limit: Option<u32>) -> Vec<u64> {
        let r: JobsResponse = self
            .app
            .wrap()
            .query_wasm_smart(
                self.escrow.clone(),
                &QueryMsg::OpenJobs { start_after, limit },
            )
            .unwrap();
        r.jobs.iter().map(|j| j.job_id).collect()
    }

    pub fn bank(&self, who: &str, denom: &str) -> u128 {
        self.app
            .wrap()
            .query_balance(self.addr(who), denom)
            .unwrap()
            .amount
            .u128()
    }

    pub fn approve(&mut self, id: u64) -> AnyResult<AppResponse> {
        self.exec("client", &ExecuteMsg::ApproveUsage { job_id: id })
    }

    pub fn dispute(&mut self, id: u64) -> AnyResult<AppResponse> {
        let reason = "metering disagrees".to_string();
        self.exec("client", &ExecuteMsg::Dispute { job_id: id, reason })
    }

    pub fn resolve(&mut self, id: u64, approved: u128, slash: u128) -> AnyResult<AppResponse> {
        self.exec(
            "dao",
            &ExecuteMsg::ResolveDispute {
                job_id: id,
                approved_units: Uint128::new(approved),
                slash: Uint128::new(slash),
            },
        )
    }

    pub fn claim(&mut self, ids: &[u64]) -> AnyResult<AppResponse> {
        let job_ids = ids.to_vec();
        self.exec("prov", &ExecuteMsg::ClaimPayments { job_ids })
    }

    pub fn cancel(&mut self, id: u64) -> AnyResult<AppResponse> {
        self.exec("client", &ExecuteMsg::CancelJob { job_id: id })
    }

    pub fn update_config(&mut self, update: UpdateConfigMsg) -> AnyResult<AppResponse> {
        self.exec("dao", &ExecuteMsg::UpdateConfig(Box::new(update)))
    }

    pub fn cw20(&self, who: &Addr) -> u128 {
        cw20_balance(&self.app, &self.token, who).unwrap()
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
        commons_testing::next_block(&mut self.app, seconds);
    }

    pub fn go_to(&mut self, t: Timestamp) {
        self.app.update_block(|b| {
            b.height += 1;
            b.time = t;
        });
    }
}

/// The first value of `key` in the escrow's `wasm` event.
pub fn attr(res: &AppResponse, key: &str) -> Option<String> {
    attrs(res, key).into_iter().next()
}

/// Every value of `key` in the `wasm` events of the escrow (not those of the cw20 or the
/// treasury it pays), in order.
pub fn attrs(res: &AppResponse, key: &str) -> Vec<String> {
    let others = ["transfer", "send", "deposit"];
    let escrow_events = res.events.iter().filter(|e| {
        e.ty == "wasm"
            && e.attributes
                .iter()
                .any(|a| a.key == "action" && !others.contains(&a.value.as_str()))
    });
    escrow_events
        .flat_map(|e| e.attributes.iter())
        .filter(|a| a.key == key)
        .map(|a| a.value.clone())
        .collect()
}
