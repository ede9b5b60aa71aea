//! The treasury in multi-test.

use anyhow::Result as AnyResult;
use commons::asset::AssetInfoUnchecked;
use commons::treasury::{InstantiateMsg, SpendLimitUnchecked};
use cosmwasm_std::{Addr, Empty, Uint128};
use cw_multi_test::{App, Contract, ContractWrapper, Executor};

/// The treasury contract, for `App::store_code`.
pub fn treasury_contract() -> Box<dyn Contract<Empty>> {
    use commons_treasury::contract::{execute, instantiate, migrate, query};
    Box::new(ContractWrapper::new(execute, instantiate, query).with_migrate(migrate))
}

/// Builds a treasury owned by `owner`, with no accepted cw20 and no spend limits until set.
pub struct TreasuryBuilder {
    msg: InstantiateMsg,
}

impl TreasuryBuilder {
    pub fn new(owner: &Addr) -> Self {
        TreasuryBuilder {
            msg: InstantiateMsg {
                owner: owner.to_string(),
                accepted_cw20s: vec![],
                spend_limits: vec![],
            },
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
        self
    }

    pub fn msg(&self) -> &InstantiateMsg {
        &self.msg
    }

    pub fn instantiate(self, app: &mut App, admin: &Addr) -> AnyResult<Addr> {
        let code_id = app.store_code(treasury_contract());
        app.instantiate_contract(
            code_id,
            admin.clone(),
            &self.msg,
            &[],
            "commons-treasury",
            Some(admin.to_string()),
        )
    }
}
