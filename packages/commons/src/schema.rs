//! Writing a contract's JSON schema with the cw20 hook payloads it accepts, for the contracts'
//! `schema` binaries (never compiled into a contract).
//!
//! cosmwasm-schema's IDL has no slot for hook messages, and clients generated from the schema
//! must type them too, so the payload schema is one more top-level entry, `receive`, which
//! generators that do not know it ignore.

use std::fs::{create_dir_all, write};

use cosmwasm_schema::remove_schemas;
use cosmwasm_schema::schemars::_serde_json;
use cosmwasm_schema::schemars::schema::RootSchema;

/// Writes `schema/<package>.json` where `write_api!` would (the other `.json` files there are
/// cleared, as it does): `api`, the API as cosmwasm-schema renders it, with `receive`, the
/// schema of the payloads a cw20 `send` to the contract may carry, as a last entry.
pub fn write_api_with_receive(api: &str, receive: &RootSchema, package: &str) {
    // schemars' own serde_json: the contracts declare no JSON crate of their own
    let receive =
        _serde_json::to_string_pretty(receive).expect("the receive payloads render as JSON");
    // Spliced as text rather than through a JSON value, which would sort every key and reorder
    // the whole file (and the generated clients' fields).
    let api = api
        .trim_end()
        .strip_suffix('}')
        .expect("the API is a JSON object")
        .trim_end();
    let receive = receive.replace('\n', "\n  ");
    let json = format!("{api},\n  \"receive\": {receive}\n}}\n");

    let dir = std::env::current_dir()
        .expect("a working directory")
        .join("schema");
    create_dir_all(&dir).expect("schema/ can be created");
    remove_schemas(&dir).expect("old schema files can be removed");
    let path = dir.join(format!("{package}.json"));
    write(&path, json).expect("the schema can be written");
    println!("Exported the full API as {}", path.display());
}
