//! Calls to other contracts with typed messages: an execute message written by its `ToJson`,
//! and a smart query whose request is written by `ToJson` and whose answer is read by
//! `FromJson`, so a contract that talks to others this way needs neither serde's serializer of
//! the messages nor its deserializer of the answers.

use cosmwasm_std::{
    Binary, Coin, ContractResult, CosmosMsg, QuerierWrapper, StdError, StdResult, SystemResult,
    Uint128, WasmMsg,
};

use crate::{from_slice, to_binary, FromJson, Out, ToJson};

/// `msg` executed on `contract` with `funds` (`cosmwasm_std::wasm_execute` for `ToJson`
/// messages).
pub fn wasm_execute(contract: &str, msg: &dyn ToJson, funds: Vec<Coin>) -> StdResult<CosmosMsg> {
    Ok(WasmMsg::Execute {
        contract_addr: contract.to_string(),
        msg: to_binary(msg)?,
        funds,
    }
    .into())
}

/// The one query request a contract sends here: `QueryRequest::Wasm(WasmQuery::Smart {..})`.
/// Only this variant is declared, so that no writer of the other requests is compiled; the
/// tests compare its bytes with cosmwasm-std's.
#[derive(crate::ToJson)]
enum QueryRequest<'a> {
    Wasm(WasmQuery<'a>),
}

#[derive(crate::ToJson)]
enum WasmQuery<'a> {
    Smart { contract_addr: &'a str, msg: Binary },
}

/// The bank query of a balance, in its own enum for the same reason as `QueryRequest`.
#[derive(crate::ToJson)]
enum BankRequest<'a> {
    Bank(BankQuery<'a>),
}

#[derive(crate::ToJson)]
enum BankQuery<'a> {
    Balance { address: &'a str, denom: &'a str },
}

/// cosmwasm-std's `BalanceResponse` (no `deny_unknown_fields` there either).
#[derive(crate::FromJson)]
#[json(ignore_unknown_fields)]
struct BalanceResponse {
    amount: Coin,
}

/// The request of the smart query `msg` to `contract`, as `QuerierWrapper` would send it.
fn smart_request(contract: &str, msg: Binary) -> StdResult<Vec<u8>> {
    // the envelope, the address and the message in base64
    let mut out = Out::with_capacity(48 + contract.len() + msg.len().div_ceil(3) * 4);
    QueryRequest::Wasm(WasmQuery::Smart {
        contract_addr: contract,
        msg,
    })
    .to_json(&mut out);
    out.into_vec()
}

/// The answer of `contract` to the smart query `msg`, read by `FromJson` (what
/// `QuerierWrapper::query_wasm_smart` does with serde), with the errors it reports.
///
/// Inlined where it is called with the request built there, so that only the variant of the
/// request built is written (see the derive's `enum_body`).
#[inline(always)]
pub fn query_wasm_smart<R: FromJson, Q: ToJson>(
    querier: &QuerierWrapper,
    contract: &str,
    msg: &Q,
) -> StdResult<R> {
    let mut out = Out::with_capacity(128);
    msg.to_json(&mut out);
    from_slice(query_smart_raw(querier, contract, out.into_binary()?)?.as_slice())
}

/// The bank balance of `denom` that `address` holds (`QuerierWrapper::query_balance`, whose
/// serde reader of the answer cost governance's optimized wasm about 7 KB), with the errors it
/// reports.
pub fn query_balance(querier: &QuerierWrapper, address: &str, denom: &str) -> StdResult<Uint128> {
    let mut out = Out::with_capacity(48 + address.len() + denom.len());
    BankRequest::Bank(BankQuery::Balance { address, denom }).to_json(&mut out);
    let answer = raw_answer(querier, &out.into_vec()?)?;
    Ok(from_slice::<BalanceResponse>(answer.as_slice())?
        .amount
        .amount)
}

/// The answer of `contract` to the smart query `msg` (JSON), as JSON text.
pub fn query_smart_raw(querier: &QuerierWrapper, contract: &str, msg: Binary) -> StdResult<Binary> {
    raw_answer(querier, &smart_request(contract, msg)?)
}

/// The answer to `request`, with the errors `QuerierWrapper::query` reports.
fn raw_answer(querier: &QuerierWrapper, request: &[u8]) -> StdResult<Binary> {
    match querier.raw_query(request) {
        SystemResult::Err(err) => Err(StdError::generic_err(format!(
            "Querier system error: {err}"
        ))),
        SystemResult::Ok(ContractResult::Err(err)) => Err(StdError::generic_err(format!(
            "Querier contract error: {err}"
        ))),
        SystemResult::Ok(ContractResult::Ok(data)) => Ok(data),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::{to_json_vec, Empty, WasmQuery as StdWasmQuery};

    #[test]
    fn requests_are_the_bytes_cosmwasm_writes() {
        for (contract, msg) in [
            ("cosmwasm1treasury", "config"),
            ("we\"ird\\ \n", "x"),
            ("", ""),
        ] {
            let want = to_json_vec(&cosmwasm_std::QueryRequest::<Empty>::Wasm(
                StdWasmQuery::Smart {
                    contract_addr: contract.to_string(),
                    msg: cosmwasm_std::to_json_binary(msg).unwrap(),
                },
            ))
            .unwrap();
            let msg = to_binary(&msg).unwrap();
            assert_eq!(smart_request(contract, msg).unwrap(), want);
        }
    }

    #[test]
    fn balance_queries_are_the_bytes_cosmwasm_writes_and_read_its_answers() {
        use cosmwasm_std::testing::MockQuerier;
        use cosmwasm_std::{BankQuery as StdBankQuery, QueryRequest as StdQueryRequest};
        let want = to_json_vec(&StdQueryRequest::<Empty>::Bank(StdBankQuery::Balance {
            address: "cosmwasm1gov".into(),
            denom: "u\"coin".into(),
        }))
        .unwrap();
        let mut out = Out::default();
        BankRequest::Bank(BankQuery::Balance {
            address: "cosmwasm1gov",
            denom: "u\"coin",
        })
        .to_json(&mut out);
        assert_eq!(out.into_vec().unwrap(), want);

        let mock = MockQuerier::<Empty>::new(&[("gov", &[Coin::new(7u128, "ucoin")])]);
        let querier = QuerierWrapper::<Empty>::new(&mock);
        for (address, denom) in [("gov", "ucoin"), ("gov", "uother"), ("nobody", "ucoin")] {
            assert_eq!(
                query_balance(&querier, address, denom).unwrap(),
                querier.query_balance(address, denom).unwrap().amount
            );
        }
    }

    #[test]
    fn executions_are_the_messages_cosmwasm_builds() {
        let funds = vec![Coin::new(5u128, "ucoin")];
        let want = cosmwasm_std::wasm_execute("c", &"msg", funds.clone()).unwrap();
        assert_eq!(
            wasm_execute("c", &"msg", funds).unwrap(),
            CosmosMsg::Wasm(want)
        );
    }
}
