//! Raw JSON through a contract's entry points, for the strict-wire tests: messages a typed
//! client cannot write (unknown, misspelt or duplicated fields, values of the wrong type) must
//! be refused and change nothing, as the schema's `additionalProperties: false` promises.

use anyhow::Result as AnyResult;
use cosmwasm_std::{Addr, Binary, Coin, Empty, QueryRequest, StdResult, WasmMsg, WasmQuery};
use cw_multi_test::{App, AppResponse, Contract, Executor};
use serde::de::IgnoredAny;

/// Executes the JSON text `msg` on `contract` as `sender`.
pub fn execute_json(
    app: &mut App,
    sender: &Addr,
    contract: &Addr,
    msg: &str,
    funds: &[Coin],
) -> AnyResult<AppResponse> {
    let msg = WasmMsg::Execute {
        contract_addr: contract.to_string(),
        msg: Binary::from(msg.as_bytes()),
        funds: funds.to_vec(),
    };
    app.execute(sender.clone(), msg.into())
}

/// Runs the JSON text `msg` as a smart query of `contract` (the answer is only checked to be
/// JSON).
pub fn query_json(app: &App, contract: &Addr, msg: &str) -> StdResult<()> {
    let request = QueryRequest::Wasm(WasmQuery::Smart {
        contract_addr: contract.to_string(),
        msg: Binary::from(msg.as_bytes()),
    });
    app.wrap().query::<IgnoredAny>(&request).map(|_| ())
}

/// Instantiates `code_id` with the JSON text `msg`, as `sender`.
pub fn instantiate_json(
    app: &mut App,
    code_id: u64,
    sender: &Addr,
    msg: &str,
) -> AnyResult<AppResponse> {
    let msg = WasmMsg::Instantiate {
        admin: None,
        code_id,
        msg: Binary::from(msg.as_bytes()),
        funds: vec![],
        label: "strict wire".into(),
    };
    app.execute(sender.clone(), msg.into())
}

/// The raw storage of `contract`, to show a refused message changed nothing.
pub fn storage(app: &App, contract: &Addr) -> Vec<(Vec<u8>, Vec<u8>)> {
    app.dump_wasm_raw(contract)
}

/// Why a message must be refused. The contracts read JSON through serde (whose messages say
/// "Invalid type") or through the generated readers (which say "expected .., got .."), so a
/// wrong type is recognised by either wording.
#[derive(Clone, Copy, Debug)]
pub enum Why<'a> {
    /// A field the type does not have (a misspelt one, say).
    Unknown(&'a str),
    /// A field given twice.
    Duplicate(&'a str),
    /// A value of another JSON type than the field's.
    WrongType,
    /// An enum written with more than one variant.
    TwoVariants,
    /// A contract's own refusal that names no JSON reason (the escrow's for a hook payload it
    /// cannot read).
    Message(&'a str),
}

impl Why<'_> {
    fn matches(&self, text: &str) -> bool {
        let lower = text.to_lowercase();
        match self {
            Why::Unknown(field) => text.contains(&format!("unknown field `{field}`")),
            Why::Duplicate(field) => text.contains(&format!("duplicate field `{field}`")),
            Why::WrongType => {
                lower.contains("invalid type")
                    || (lower.contains("expected") && text.contains("got"))
            }
            Why::TwoVariants => lower.contains("expected") || lower.contains("invalid"),
            Why::Message(message) => text.contains(message),
        }
    }
}

/// Asserts that `result` is an error whose text (causes included) says `why`.
pub fn assert_refused<T: std::fmt::Debug, E: std::fmt::Display>(result: Result<T, E>, why: Why) {
    match result {
        Ok(ok) => panic!("accepted, but it must be refused ({why:?}): {ok:?}"),
        Err(e) => {
            let text = format!("{e:#}");
            assert!(why.matches(&text), "refused, but not for {why:?}: {text}");
        }
    }
}

/// The cw20 `send` of `amount` to `contract` with the JSON text `payload` as its hook message.
pub fn cw20_send_json(contract: &Addr, amount: u128, payload: &str) -> String {
    let msg = Binary::from(payload.as_bytes()).to_base64();
    format!(r#"{{"send":{{"contract":"{contract}","amount":"{amount}","msg":"{msg}"}}}}"#)
}

/// Executes `invalid` on `contract` and asserts it is refused for `why`, with the
/// storage of every contract in `watch` unchanged; then executes `valid` (the same message
/// written correctly) and asserts it is accepted, so the refusal is the mutation's doing and
/// not some other rule's.
pub fn assert_execute_strict(
    app: &mut App,
    sender: &Addr,
    contract: &Addr,
    watch: &[&Addr],
    invalid: &str,
    why: Why,
    valid: &str,
) {
    let snapshot = |app: &App| watch.iter().map(|c| storage(app, c)).collect::<Vec<_>>();
    let before = snapshot(app);
    assert_refused(execute_json(app, sender, contract, invalid, &[]), why);
    assert!(snapshot(app) == before, "refused {invalid} changed state");
    if let Err(e) = execute_json(app, sender, contract, valid, &[]) {
        panic!("the control {valid} is refused: {e:#}");
    }
}

/// Queries `invalid` and asserts it is refused for `why`, then that `valid` answers.
pub fn assert_query_strict(app: &App, contract: &Addr, invalid: &str, why: Why, valid: &str) {
    assert_refused(query_json(app, contract, invalid), why);
    if let Err(e) = query_json(app, contract, valid) {
        panic!("the control {valid} is refused: {e}");
    }
}

/// Instantiates `code_id` with `invalid` and asserts it is refused for `why`, then that
/// `valid` instantiates.
pub fn assert_instantiate_strict(
    app: &mut App,
    code_id: u64,
    sender: &Addr,
    invalid: &str,
    why: Why,
    valid: &str,
) {
    assert_refused(instantiate_json(app, code_id, sender, invalid), why);
    if let Err(e) = instantiate_json(app, code_id, sender, valid) {
        panic!("the control {valid} is refused: {e:#}");
    }
}

/// `json` with its first `from` replaced by `to`: a typed message turned into one a typed
/// client cannot write. Panics if `from` is not there, so a case cannot silently test nothing.
pub fn edit(json: &str, from: &str, to: &str) -> String {
    assert!(json.contains(from), "{from} is not in {json}");
    json.replacen(from, to, 1)
}

/// Stores `code` and runs [`assert_instantiate_strict`] for each of `cases` (an invalid
/// message and why it must be refused), with `valid` as the control.
pub fn assert_instantiate_cases<'w>(
    app: &mut App,
    code: Box<dyn Contract<Empty>>,
    sender: &Addr,
    valid: &str,
    cases: impl IntoIterator<Item = (String, Why<'w>)>,
) {
    let code_id = app.store_code(code);
    for (invalid, why) in cases {
        assert_instantiate_strict(app, code_id, sender, &invalid, why, valid);
    }
}
