//! Writes `schema/commons-treasury.json`: the API as cosmwasm-schema describes it, plus
//! `receive`, the payloads a cw20 `send` to the treasury may carry
//! (`{"deposit": {...}}`) (see `commons::schema`).

use cosmwasm_schema::{generate_api, schema_for};

use commons::treasury::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg, ReceiveMsg};

fn main() {
    let api = generate_api! {
        instantiate: InstantiateMsg,
        execute: ExecuteMsg,
        query: QueryMsg,
        migrate: MigrateMsg,
    }
    .render()
    .to_string()
    .expect("the API renders as JSON");
    let receive = schema_for!(ReceiveMsg);
    commons::schema::write_api_with_receive(&api, &receive, env!("CARGO_PKG_NAME"));
}
