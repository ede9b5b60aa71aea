//! Calls to other contracts with typed messages: an execute message written by its `ToJson`,
//! and a smart query whose request is written by `ToJson` and whose answer is read by
//! `FromJson`, so a contract that talks to others this way needs neither serde's serializer of
//! the messages nor its deserializer of the answers.

use cosmwasm_std::{
    Binary, Coin, ContractResult, CosmosMsg, QuerierWrapper, StdError, StdResult, SystemResult,
    WasmMsg,
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

/// The answer of `contract` to the smart query `msg` (JSON), as JSON text.
pub fn query_smart_raw(querier: &QuerierWrapper, contract: &str, msg: Binary) -> StdResult<Binary> {
    match querier.raw_query(&smart_request(contract, msg)?) {
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
    fn executions_are_the_messages_cosmwasm_builds() {
        let funds = vec![Coin::new(5u128, "ucoin")];
        let want = cosmwasm_std::wasm_execute("c", &"msg", funds.clone()).unwrap();
        assert_eq!(
            wasm_execute("c", &"msg", funds).unwrap(),
            CosmosMsg::Wasm(want)
        );
    }
}
