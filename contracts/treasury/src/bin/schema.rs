//! Writes `schema/commons-treasury.json`: the API as cosmwasm-schema describes it, plus
//! `receive`, the payloads a cw20 `send` to the treasury may carry
//! (`{"deposit": {...}}`). cosmwasm-schema's IDL has no slot for hook
//! messages, and clients generated from the schema must type them too, so the payload schema
//! is one more top-level entry, which generators that do not know it ignore.

use std::fs::{create_dir_all, write};

use cosmwasm_schema::{generate_api, remove_schemas, schema_for, schemars};

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
    // schemars' own serde_json: the contracts declare no JSON crate of their own
    let receive = schemars::_serde_json::to_string_pretty(&schema_for!(ReceiveMsg))
        .expect("the receive payloads render as JSON");
    // Spliced as text rather than through a JSON value, which would sort every key and reorder
    // the whole file (and the generated clients' fields).
    let api = api
        .trim_end()
        .strip_suffix('}')
        .expect("the API is a JSON object")
        .trim_end();
    let receive = receive.replace('\n', "\n  ");
    let json = format!("{api},\n  \"receive\": {receive}\n}}\n");

    // same place and behaviour as `write_api!`: ./schema/<crate>.json, other .json files cleared
    let dir = std::env::current_dir()
        .expect("a working directory")
        .join("schema");
    create_dir_all(&dir).expect("schema/ can be created");
    remove_schemas(&dir).expect("old schema files can be removed");
    let path = dir.join(concat!(env!("CARGO_PKG_NAME"), ".json"));
    write(&path, json).expect("the schema can be written");
    println!("Exported the full API as {}", path.display());
}
