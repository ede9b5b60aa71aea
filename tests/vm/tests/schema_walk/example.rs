//! A valid example of a message, generated from its JSON schema alone: types, required and
//! optional properties (optional ones are given, so nested types are read too), enums (the
//! first option), `$ref`s into the schema's definitions, and the string formats cosmwasm types
//! use (Uint128 and Uint64 as decimal strings, Timestamp as nanoseconds, Binary as base64,
//! Decimal). A string field whose name says it holds an address gets an address of the test
//! chain, so the contract gets past address validation.

use serde_json::{json, Map, Value};

/// Field names (and names of lists) whose strings are addresses.
const ADDRESS_FIELDS: [&str; 27] = [
    "recipient",
    "spender",
    "owner",
    "contract",
    "address",
    "sender",
    "new_owner",
    "minter",
    "new_minter",
    "provider",
    "client",
    "delegatee",
    "guardian",
    "arbiter",
    "fee_recipient",
    "treasury",
    "escrow",
    "token",
    "marketing",
    "refund_to",
    "to_address",
    "contract_addr",
    "voter",
    "cw20",
    "accepted_cw20s",
    "excluding",
    "start_after",
];

/// What an example needs from the chain it runs on.
pub struct Context<'a> {
    /// The schema's `definitions`.
    pub definitions: &'a Value,
    /// The address for address fields.
    pub address: String,
    /// A time in the future, in nanoseconds.
    pub future_nanos: u64,
    /// Ids of things that exist, by field name (`proposal_id`, `job_id`, ...); other integers
    /// are small.
    pub ids: &'a [(&'a str, u64)],
}

/// An example of `schema`, the value of the field `field` (empty at the top).
pub fn example(ctx: &Context, schema: &Value, field: &str) -> Value {
    if let Some(reference) = schema["$ref"].as_str() {
        let name = reference.trim_start_matches("#/definitions/");
        return named(ctx, name).unwrap_or_else(|| example(ctx, &ctx.definitions[name], field));
    }
    for combinator in ["allOf", "anyOf", "oneOf"] {
        if let Some(options) = schema[combinator].as_array() {
            // the first option that is not `null` (an Option is given, to read what it holds)
            let chosen = options
                .iter()
                .find(|o| o["type"] != "null")
                .unwrap_or(&options[0]);
            return example(ctx, chosen, field);
        }
    }
    if let Some(values) = schema["enum"].as_array() {
        return values.first().cloned().unwrap_or(Value::Null);
    }
    let kind = match &schema["type"] {
        Value::Array(kinds) => kinds
            .iter()
            .find(|k| *k != "null")
            .cloned()
            .unwrap_or(Value::Null),
        other => other.clone(),
    };
    match kind.as_str().unwrap_or("object") {
        "object" => object(ctx, schema),
        "array" => {
            let item = example(ctx, &schema["items"], field);
            Value::Array(vec![item])
        }
        "string" if ADDRESS_FIELDS.contains(&field) => Value::String(ctx.address.clone()),
        "string" => Value::String(string_for(field)),
        "integer" => json!(ctx
            .ids
            .iter()
            .find(|(name, _)| *name == field)
            .map_or_else(|| integer_for(field), |(_, id)| *id)),
        "number" => json!(1),
        "boolean" => Value::Bool(false),
        _ => Value::Null,
    }
}

/// Examples of the cosmwasm types that are strings with a format of their own.
fn named(ctx: &Context, name: &str) -> Option<Value> {
    let value = match name {
        "Uint128" | "Uint64" | "Uint256" => json!("1"),
        "Timestamp" => json!(ctx.future_nanos.to_string()),
        "Binary" => json!("e30="),
        "Decimal" | "Decimal256" => json!("0.5"),
        "Addr" => json!(ctx.address),
        _ if name.starts_with("Uint") => json!("1"),
        _ => return None,
    };
    Some(value)
}

fn object(ctx: &Context, schema: &Value) -> Value {
    let mut out = Map::new();
    if let Some(properties) = schema["properties"].as_object() {
        for (name, property) in properties {
            out.insert(name.clone(), example(ctx, property, name));
        }
    }
    Value::Object(out)
}

fn string_for(field: &str) -> String {
    match field {
        "denom" | "native" => "ucompute".into(),
        "uri" | "endpoint" | "project" | "url" => "https://commons.example".into(),
        _ => "example".into(),
    }
}

fn integer_for(field: &str) -> u64 {
    match field {
        "decimals" => 6,
        "fee_bps" => 100,
        f if f.ends_with("_seconds") => 100,
        _ => 1,
    }
}
