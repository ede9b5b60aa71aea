//! The compute escrow in multi-test.

use anyhow::Result as AnyResult;
use commons::asset::AssetInfoUnchecked;
use commons::escrow::{InstantiateMsg, ProviderResponse, QueryMsg};
use cosmwasm_std::{Addr, Empty, Uint128};
use cw_multi_test::{App, Contract};

/// The compute escrow contract, for `App::store_code`.
pub fn escrow_contract() -> Box<dyn Contract<Empty>> {
    crate::contract_of!(commons_compute_escrow::contract)
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

    /// Jobs may also be paid in `asset`.
    pub fn with_accepted(mut self, asset: AssetInfoUnchecked) -> Self {
        self.msg.accepted_assets.push(asset);
        self
    }

    /// Providers must stake at least `amount`.
    pub fn with_min_stake(mut self, amount: u128) -> Self {
        self.msg.min_provider_stake = Some(Uint128::new(amount));
        self
    }

    pub fn with_unbonding(mut self, seconds: u64) -> Self {
        self.msg.provider_unbonding_seconds = seconds;
        self
    }

    pub fn with_max_job_duration(mut self, seconds: u64) -> Self {
        self.msg.max_job_duration_seconds = seconds;
        self
    }

    pub fn msg(&self) -> &InstantiateMsg {
        &self.msg
    }

    /// Stores the code and instantiates the escrow, with `admin` as sender and wasm admin.
    pub fn instantiate(self, app: &mut App, admin: &Addr) -> AnyResult<Addr> {
        self.instantiate_with(app, escrow_contract(), admin)
    }

    /// Like [`Self::instantiate`], from `code`: the escrow crate's own tests pass their entry
    /// points, so the errors they downcast are of the crate under test.
    pub fn instantiate_with(
        self,
        app: &mut App,
        code: Box<dyn Contract<Empty>>,
        admin: &Addr,
    ) -> AnyResult<Addr> {
        crate::instantiate_code(app, code, admin, &self.msg, "commons-compute-escrow")
    }
}

/// The provider at `address` as `escrow` reports it now.
pub fn provider(app: &App, escrow: &Addr, address: &Addr) -> AnyResult<ProviderResponse> {
    let msg = QueryMsg::Provider {
        address: address.to_string(),
    };
    Ok(app.wrap().query_wasm_smart(escrow, &msg)?)
}
