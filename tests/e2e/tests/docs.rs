//! Every JSON example in docs/ parses as the message type its code block names.

use std::path::Path;

fn check(kind: &str, json: &str) -> Result<(), String> {
    fn parse<T: serde::de::DeserializeOwned>(json: &str) -> Result<(), String> {
        cosmwasm_std::from_json::<T>(json.as_bytes())
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
    match kind {
        "governance::ExecuteMsg" => parse::<commons::governance::ExecuteMsg>(json),
        "governance::ReceiveMsg" => parse::<commons::governance::ReceiveMsg>(json),
        "governance::QueryMsg" => parse::<commons::governance::QueryMsg>(json),
        "governance::ProposalAction" => parse::<commons::governance::ProposalAction>(json),
        "reward_token::ExecuteMsg" => parse::<commons::reward_token::ExecuteMsg>(json),
        "reward_token::QueryMsg" => parse::<commons::reward_token::QueryMsg>(json),
        "treasury::ExecuteMsg" => parse::<commons::treasury::ExecuteMsg>(json),
        "treasury::QueryMsg" => parse::<commons::treasury::QueryMsg>(json),
        "escrow::ExecuteMsg" => parse::<commons::escrow::ExecuteMsg>(json),
        "escrow::ReceiveMsg" => parse::<commons::escrow::ReceiveMsg>(json),
        "escrow::QueryMsg" => parse::<commons::escrow::QueryMsg>(json),
        other => Err(format!("unknown example type {other:?}")),
    }
}

#[test]
fn every_docs_example_parses() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("md") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        // fenced blocks whose opening line is "```json <type>"
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            let Some(kind) = line.strip_prefix("```json") else {
                continue;
            };
            let kind = kind.trim();
            let body: Vec<&str> = lines
                .by_ref()
                .take_while(|l| !l.starts_with("```"))
                .collect();
            let json = body.join("\n");
            assert!(
                !kind.is_empty(),
                "{}: a JSON example without its type",
                path.display()
            );
            if let Err(e) = check(kind, &json) {
                panic!(
                    "{}: example of {kind} does not parse: {e}\n{json}",
                    path.display()
                );
            }
            checked += 1;
        }
    }
    assert!(checked >= 20, "only {checked} examples found");
}
