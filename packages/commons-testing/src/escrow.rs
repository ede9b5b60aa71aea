//! The compute escrow in multi-test.

use anyhow::Result as AnyResult;
use commons::asset::AssetInfoUnchecked;
use commons::escrow::InstantiateMsg;
use cosmwasm_std::{Addr, Empty};
use cw_multi_test::{App, Contract, ContractWrapper, Executor};

/// The compute escrow contract, for `App::store_code`.
pub fn escrow_contract() -> Box<dyn Contract<Empty>> {
    use commons_compute_escrow::contract::{execute, instantiate, migrate, query};
    Box::new(ContractWrapper::new(execute, instantiate, query).with_migrate(migrate))
}

/// Builds an escrow with `arbiter` and `fee_recipient`: 1% fee, 100 s challenge period,
/// 500 s unbonding, jobs up to 10_000 s, paid in `pay`, staked in `stake`, no treasury.
pub struct EscrowBuilder {
    msg: InstantiateMsg,
}

impl EscrowBuilder {
    pub fn new(
        arbiter: &Addr,
        fee_recipient: &Addr,
        pay: AssetInfoUnchecked,
        stake: AssetInfoUnchecked,
    ) -> Self {
        EscrowBuilder {
            msg: InstantiateMsg {
                arbiter: arbiter.to_string(),
                fee_bps: 100,
                fee_recipient: fee_recipient.to_string(),
                treasury: None,
                accepted_assets: vec![pay],
                stake_asset: stake,
                challenge_period_seconds: 100,
                min_provider_stake: None,
                provider_unbonding_seconds: 500,
                max_job_duration_seconds: 10_000,
            },
        }
    }

    pub fn with_fee_bps(mut self, fee_bps: u16) -> Self {
        self.msg.fee_bps = fee_bps;
        self
    }

    /// Payments to `treasury` go through its deposit messages (set it as `fee_recipient` too
    /// for fees to do so).
    pub fn with_treasury(mut self, treasury: &Addr) -> Self {
        self.msg.treasury = Some(treasury.to_string());
        self
    }

    pub fn with_challenge_period(mut self, seconds: u64) -> Self {
        self.msg.challenge_period_seconds = seconds;
        self
    }

    pub fn msg(&self) -> &InstantiateMsg {
        &self.msg
    }

    pub fn instantiate(self, app: &mut App, admin: &Addr) -> AnyResult<Addr> {
        let code_id = app.store_code(escrow_contract());
        app.instantiate_contract(
            code_id,
            admin.clone(),
            &self.msg,
            &[],
            "commons-compute-escrow",
            Some(admin.to_string()),
        )
    }
}
