//! The committed JSON schemas of the contracts: what messages each one says it accepts.

use serde_json::Value;

/// The four contracts: the name tests use, and the crate (its schema file and artifact).
pub const CONTRACTS: [(&str, &str); 4] = [
    ("token", "commons-reward-token"),
    ("treasury", "commons-treasury"),
    ("governance", "commons-governance"),
    ("escrow", "commons-compute-escrow"),
];

/// `schema/<crate>.json`.
pub fn load(krate: &str) -> Value {
    let path = format!("{}/../../schema/{krate}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The variants of an enum's schema (`execute`, `query`, `receive`), each with its own schema:
/// an object with one required property, or a string enum (unit variants).
pub fn variants(message: &Value) -> Vec<(String, Value)> {
    let mut out = vec![];
    for option in message["oneOf"].as_array().into_iter().flatten() {
        if let Some(name) = option["required"][0].as_str() {
            out.push((name.to_string(), option.clone()));
        }
        for name in option["enum"].as_array().into_iter().flatten() {
            if let Some(name) = name.as_str() {
                out.push((name.to_string(), option.clone()));
            }
        }
    }
    out
}
