//! Strict wire: unknown (misspelt), duplicated and wrongly typed fields are refused by execute,
//! the cw20 hook, query and instantiate, at the top and nested, and change nothing. Each case
//! is paired with the same message written correctly, which is accepted.

use super::*;
use commons_testing::wire::{
    assert_execute_strict, assert_instantiate_cases, assert_query_strict, cw20_send_json, edit,
    Why,
    Why::{Duplicate, TwoVariants, Unknown, WrongType},
};
use cosmwasm_std::to_json_string;

#[test]
fn execute_refuses_unknown_duplicate_and_mistyped_fields() {
    let (mut s, id) = Suite::running_job();
    let escrow = s.escrow.clone();
    let exec = |s: &mut Suite, who: &str, invalid: &str, why: Why, valid: &str| {
        let sender = s.addr(who);
        assert_execute_strict(
            &mut s.app,
            &sender,
            &escrow,
            &[&escrow],
            invalid,
            why,
            valid,
        )
    };
    // nested: a field the provider's metadata does not have
    let update = to_json_string(&ExecuteMsg::UpdateProvider {
        metadata: metadata("prov"),
    })
    .unwrap();
    let gpu = edit(&update, r#""region":"eu""#, r#""region":"eu","gpus":8"#);
    exec(&mut s, "prov", &gpu, Unknown("gpus"), &update);
    // a misspelt optional field: the evidence would be dropped without the check
    let report = format!(r#"{{"report_usage":{{"job_id":{id},"units":"1","proof":"ipfs://p"}}}}"#);
    let proofs = edit(&report, r#""proof""#, r#""proofs""#);
    exec(&mut s, "prov", &proofs, Unknown("proofs"), &report);
    let approve = format!(r#"{{"approve_usage":{{"job_id":{id}}}}}"#);
    let quoted = edit(&approve, &format!(":{id}"), &format!(r#":"{id}""#));
    exec(&mut s, "client", &quoted, WrongType, &approve);
    let more = edit(&report, r#""units":"1""#, r#""units":"2""#);
    let twice = edit(&report, r#""units":"1""#, r#""units":"2","units":"9""#);
    exec(&mut s, "prov", &twice, Duplicate("units"), &more);
    let dispute = format!(r#"{{"dispute":{{"job_id":{id},"reason":"meter"}}}}"#);
    let both = edit(
        &dispute,
        "}}",
        &format!("}},{}}}", &approve[1..approve.len() - 1]),
    );
    exec(&mut s, "client", &both, TwoVariants, &dispute);
    let config = r#"{"update_config":{"fee_bps":100}}"#;
    let fee = edit(config, "100", r#"100,"fee":1"#);
    exec(&mut s, "dao", &fee, Unknown("fee"), config);
}

#[test]
fn cw20_hook_refuses_unknown_fields() {
    let mut s = Suite::new();
    s.register("prov", 5_000).unwrap();
    let (client, token, escrow) = (s.addr("client"), s.token.clone(), s.escrow.clone());
    let job = to_json_string(&ReceiveMsg::CreateJob(s.job_msg(Some("prov"), 10, 10))).unwrap();
    let hash = r#""hash":"abc123""#;
    // the escrow refuses a payload it cannot read without saying why
    let why = Why::Message("unknown cw20 hook payload");
    let cases = [
        edit(&job, hash, &format!(r#"{hash},"size":1"#)),
        edit(&job, r#""client":null"#, r#""clients":null"#),
        edit(&job, hash, &format!("{hash},{hash}")),
    ];
    for invalid in cases {
        assert_execute_strict(
            &mut s.app,
            &client,
            &token,
            &[&escrow, &token],
            &cw20_send_json(&escrow, 100, &invalid),
            why,
            &cw20_send_json(&escrow, 100, &job),
        );
    }
}

#[test]
fn query_refuses_unknown_duplicate_and_mistyped_fields() {
    let (s, id) = Suite::running_job();
    let q = |invalid: &str, why: Why, valid: &str| {
        assert_query_strict(&s.app, &s.escrow, invalid, why, valid)
    };
    let job = format!(r#"{{"job":{{"job_id":{id}}}}}"#);
    q(
        &edit(&job, "}}", r#","verbose":true}}"#),
        Unknown("verbose"),
        &job,
    );
    let open = r#"{"open_jobs":{"limit":5}}"#;
    q(&edit(open, "5", r#""5""#), WrongType, open);
    q(&edit(open, "5", "5,\"limit\":5"), Duplicate("limit"), open);
    let totals = format!(r#"{{"totals":{{"start_after":{{"native":"{PAY}"}}}}}}"#);
    let two = edit(
        &totals,
        &format!(r#""{PAY}""#),
        &format!(r#""{PAY}","cw20":"x""#),
    );
    q(&two, TwoVariants, &totals);
}

#[test]
fn instantiate_refuses_unknown_duplicate_and_mistyped_fields() {
    let mut s = Suite::new();
    let dao = s.addr("dao");
    let valid = to_json_string(
        EscrowBuilder::new(
            &dao,
            &s.treasury,
            AssetInfoUnchecked::Native(PAY.into()),
            AssetInfoUnchecked::Native(STAKE.into()),
        )
        .with_fee_bps(FEE_BPS)
        .msg(),
    )
    .unwrap();
    let fee = format!(r#""fee_bps":{FEE_BPS}"#);
    let cases = [
        (
            edit(&valid, &fee, &format!(r#"{fee},"fee":1"#)),
            Unknown("fee"),
        ),
        (
            edit(&valid, &fee, &format!("{fee},{fee}")),
            Duplicate("fee_bps"),
        ),
        (
            edit(&valid, &fee, &format!(r#""fee_bps":"{FEE_BPS}""#)),
            WrongType,
        ),
        (
            edit(
                &valid,
                r#"{"native":"ustake"}"#,
                r#"{"native":"ustake","cw20":"x"}"#,
            ),
            TwoVariants,
        ),
    ];
    assert_instantiate_cases(&mut s.app, escrow_contract(), &dao, &valid, cases);
}
