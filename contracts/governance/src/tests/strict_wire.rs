//! Strict wire: unknown (misspelt), duplicated and wrongly typed fields are refused by execute,
//! the cw20 `propose` hook, query and instantiate, at the top and deep inside proposal actions,
//! and change nothing. Each case is paired with the same message written correctly, which is
//! accepted.

use super::*;
use commons::governance::{DepositConfigUnchecked, RefundPolicy};
use commons::AssetInfoUnchecked;
use commons_testing::wire::{
    assert_execute_strict, assert_instantiate_cases, assert_query_strict, cw20_send_json, edit,
    Why,
    Why::{Duplicate, TwoVariants, Unknown, WrongType},
};
use cosmwasm_std::to_json_string;

fn exec(s: &mut Suite, who: &str, invalid: &str, why: Why, valid: &str) {
    let (sender, gov) = (s.addr(who), s.gov.clone());
    assert_execute_strict(&mut s.app, &sender, &gov, &[&gov], invalid, why, valid);
}

/// `propose` of one `token_mint` to eve, as JSON.
fn propose(s: &Suite) -> String {
    to_json_string(&ExecuteMsg::Propose {
        title: "mint".into(),
        description: String::new(),
        actions: vec![mint_action(s, "eve", 5)],
    })
    .unwrap()
}

#[test]
fn execute_refuses_unknown_duplicate_and_mistyped_fields() {
    let mut s = Suite::new();
    // deep inside an action of the list
    let propose = propose(&s);
    let memo = edit(&propose, r#""amount":"5""#, r#""amount":"5","memo":"x""#);
    exec(&mut s, "alice", &memo, Unknown("memo"), &propose);
    let twice = edit(&propose, r#""amount":"5""#, r#""amount":"5","amount":"6""#);
    exec(&mut s, "alice", &twice, Duplicate("amount"), &propose);
    // a misspelt optional field: the voter's rationale would be dropped without the check
    let vote =
        |id: u64| format!(r#"{{"vote":{{"proposal_id":{id},"vote":"yes","rationale":"ok"}}}}"#);
    let reason = edit(&vote(1), "rationale", "reason");
    exec(&mut s, "alice", &reason, Unknown("reason"), &vote(1));
    let twice = edit(&vote(2), r#""vote":"yes""#, r#""vote":"yes","vote":"no""#);
    exec(&mut s, "alice", &twice, Duplicate("vote"), &vote(2));
    exec(
        &mut s,
        "bob",
        &edit(&vote(1), ":1", r#":"1""#),
        WrongType,
        &vote(1),
    );
    let close = r#""close":{"proposal_id":2}"#;
    let both = edit(&vote(2), "}}", &format!("}},{close}}}"));
    exec(&mut s, "carol", &both, TwoVariants, &vote(2));
}

#[test]
fn propose_hook_refuses_unknown_fields() {
    let mut s = Suite::with(|m| {
        m.proposal_deposit = Some(DepositConfigUnchecked {
            asset_info: AssetInfoUnchecked::Cw20(m.token.clone().unwrap_or_default()),
            amount: Uint128::new(10),
            refund: RefundPolicy::Always,
        });
    });
    let (alice, token, gov) = (s.addr("alice"), s.token.clone(), s.gov.clone());
    let propose = propose(&s);
    let send = |payload: &str| cw20_send_json(&gov, 10, payload);
    let titel = edit(
        &propose,
        r#""title":"mint""#,
        r#""title":"mint","titel":"x""#,
    );
    let cases = [
        (titel, Unknown("titel")),
        (
            edit(&propose, r#""amount":"5""#, r#""amount":5"#),
            WrongType,
        ),
    ];
    for (invalid, why) in cases {
        let (invalid, valid) = (send(&invalid), send(&propose));
        assert_execute_strict(
            &mut s.app,
            &alice,
            &token,
            &[&gov, &token],
            &invalid,
            why,
            &valid,
        );
    }
}

#[test]
fn query_refuses_unknown_duplicate_and_mistyped_fields() {
    let mut s = Suite::new();
    s.propose("alice", vec![]).unwrap();
    let q = |invalid: &str, why: Why, valid: &str| {
        assert_query_strict(&s.app, &s.gov, invalid, why, valid)
    };
    let proposal = r#"{"proposal":{"proposal_id":1}}"#;
    q(
        &edit(proposal, "1", r#"1,"votes":true"#),
        Unknown("votes"),
        proposal,
    );
    q(
        &edit(proposal, "1", "1,\"proposal_id\":1"),
        Duplicate("proposal_id"),
        proposal,
    );
    q(&edit(proposal, "1", r#""1""#), WrongType, proposal);
    q(
        r#"{"config":{},"threshold":{}}"#,
        TwoVariants,
        r#"{"config":{}}"#,
    );
}

#[test]
fn instantiate_refuses_unknown_duplicate_and_mistyped_fields() {
    let mut s = Suite::new();
    let admin = s.addr("admin");
    let valid = to_json_string(&base_msg(&s.token)).unwrap();
    let actions = r#""max_actions":10"#;
    let cases = [
        (
            edit(&valid, actions, r#""max_actions":10,"admin":"x""#),
            Unknown("admin"),
        ),
        (
            edit(
                &valid,
                r#""percentage":"0.5""#,
                r#""percentage":"0.5","of":"all""#,
            ),
            Unknown("of"),
        ),
        (
            edit(&valid, actions, r#""max_actions":10,"max_actions":10"#),
            Duplicate("max_actions"),
        ),
        (edit(&valid, actions, r#""max_actions":"10""#), WrongType),
    ];
    assert_instantiate_cases(&mut s.app, governance_contract(), &admin, &valid, cases);
}
