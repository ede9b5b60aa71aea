//! Writes `schema/commons-compute-escrow.json`: the API as cosmwasm-schema describes it, plus
//! `receive`, the payloads a cw20 `send` to the escrow may carry
//! (`{"register_provider" | "add_stake" | "create_job" | "top_up": ...}`) (see `commons::schema`).

use cosmwasm_schema::{generate_api, schema_for};

use commons::escrow::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg, ReceiveMsg};

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
