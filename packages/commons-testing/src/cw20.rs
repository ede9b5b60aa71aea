//! A plain cw20 (cw20-base) in multi-test, for the contracts that accept any cw20 token.

use anyhow::Result as AnyResult;
use cosmwasm_std::{Addr, Empty, Uint128};
use cw20::{BalanceResponse, Cw20Coin, Cw20QueryMsg};
use cw_multi_test::{App, Contract, ContractWrapper, Executor};

/// The cw20-base contract, for `App::store_code`.
pub fn cw20_base_contract() -> Box<dyn Contract<Empty>> {
    use cw20_base::contract::{execute, instantiate, query};
    Box::new(ContractWrapper::new(execute, instantiate, query))
}

/// A cw20-base token "`symbol` token" (6 decimals, no minter) created by `creator`, with the
/// given initial balances.
pub fn cw20_token(
    app: &mut App,
    creator: &Addr,
    symbol: &str,
    balances: &[(&Addr, u128)],
) -> AnyResult<Addr> {
    let code_id = app.store_code(cw20_base_contract());
    let msg = cw20_base::msg::InstantiateMsg {
        name: format!("{symbol} token"),
        symbol: symbol.into(),
        decimals: 6,
        initial_balances: balances
            .iter()
            .map(|(holder, amount)| Cw20Coin {
                address: holder.to_string(),
                amount: Uint128::new(*amount),
            })
            .collect(),
        mint: None,
        marketing: None,
    };
    app.instantiate_contract(code_id, creator.clone(), &msg, &[], symbol, None)
}

/// `holder`'s balance of any cw20 `token`.
pub fn cw20_balance(app: &App, token: &Addr, holder: &Addr) -> AnyResult<u128> {
    let res: BalanceResponse = app.wrap().query_wasm_smart(
        token,
        &Cw20QueryMsg::Balance {
            address: holder.to_string(),
        },
    )?;
    Ok(res.balance.u128())
}
