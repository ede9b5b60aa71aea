//! One-transaction bootstrap: governance creates token, treasury and escrow as their admin,
//! minter, owner and arbiter.

use super::*;
use commons::asset::AssetInfoUnchecked;
use commons::escrow::{ConfigResponse as EscrowConfig, QueryMsg as EscrowQuery};
use commons::governance::ConfigResponse;
use commons::treasury::{
    ConfigResponse as TreasuryConfig, QueryMsg as TreasuryQuery, SpendLimitResponse,
};
use commons_testing::suite::SuiteBuilder;
use cw20::{BalanceResponse, MinterResponse};

/// A bootstrap of the token (alice holds 1_000 of a 1_000_000 cap), a treasury with a token
/// limit of 500 per 1000 s, and an escrow, under the suite's voting periods.
fn suite_msg(app: &mut App) -> InstantiateMsg {
    SuiteBuilder::new()
        .with_member("alice", 1_000)
        .with_token_cap(1_000_000)
        .with_token_limit(500, 1_000)
        .with_treasury_delay(1_000)
        .with_periods(VOTING, DELAY, WINDOW)
        .bootstrap_msg(app)
}

fn instantiate_suite(app: &mut App, msg: &InstantiateMsg) -> AnyResult<Addr> {
    let code = app.store_code(governance_contract());
    let deployer = app.api().addr_make("deployer");
    app.instantiate_contract(code, deployer, msg, &[], "commons-governance", None)
}

#[test]
fn governance_creates_and_controls_the_suite() {
    let mut app = App::default();
    let msg = suite_msg(&mut app);
    let gov = instantiate_suite(&mut app, &msg).unwrap();
    let config: ConfigResponse = app
        .wrap()
        .query_wasm_smart(&gov, &QueryMsg::Config {})
        .unwrap();
    let (token, treasury, escrow) = (
        config.token.clone(),
        config.treasury.clone().unwrap(),
        config.escrow.clone().unwrap(),
    );
    // governance is the wasm admin of the token and the escrow; the treasury is its own, so
    // its code changes only through its delayed `schedule_migration` / `migrate_self`
    for contract in [&token, &escrow] {
        assert_eq!(
            app.contract_data(contract).unwrap().admin,
            Some(gov.clone())
        );
    }
    assert_eq!(
        app.contract_data(&treasury).unwrap().admin,
        Some(treasury.clone())
    );
    // the token's minter, with the cap kept
    let minter: Option<MinterResponse> = app
        .wrap()
        .query_wasm_smart(&token, &commons::reward_token::QueryMsg::Minter {})
        .unwrap();
    assert_eq!(
        minter,
        Some(MinterResponse {
            minter: gov.to_string(),
            cap: Some(Uint128::new(1_000_000))
        })
    );
    // the treasury's owner, accepting the token with its spend limit
    let t: TreasuryConfig = app
        .wrap()
        .query_wasm_smart(&treasury, &TreasuryQuery::Config {})
        .unwrap();
    assert_eq!(
        (t.owner, t.accepted_cw20s),
        (gov.clone(), vec![token.clone()])
    );
    let limit: SpendLimitResponse = app
        .wrap()
        .query_wasm_smart(
            &treasury,
            &TreasuryQuery::SpendLimit {
                asset_info: AssetInfoUnchecked::Cw20(token.to_string()),
            },
        )
        .unwrap();
    assert_eq!(limit.amount.u128(), 500);
    // the escrow's arbiter, paying fees to the treasury
    let e: EscrowConfig = app
        .wrap()
        .query_wasm_smart(&escrow, &EscrowQuery::Config {})
        .unwrap();
    assert_eq!((e.arbiter, e.fee_recipient), (gov.clone(), treasury));

    // and it works: a member's proposal mints through governance
    app.update_block(|b| {
        b.height += 1;
        b.time = b.time.plus_seconds(5);
    });
    let alice = app.api().addr_make("alice");
    let eve = app.api().addr_make("eve");
    let propose = ExecuteMsg::Propose {
        title: "mint".into(),
        description: String::new(),
        actions: vec![ProposalAction::TokenMint {
            recipient: eve.to_string(),
            amount: Uint128::new(5),
        }],
    };
    app.execute_contract(alice.clone(), gov.clone(), &propose, &[])
        .unwrap();
    app.execute_contract(
        alice,
        gov.clone(),
        &ExecuteMsg::Vote {
            proposal_id: 1,
            vote: Vote::Yes,
            rationale: None,
        },
        &[],
    )
    .unwrap();
    app.update_block(|b| {
        b.height += 1;
        b.time = b.time.plus_seconds(DELAY);
    });
    app.execute_contract(
        eve.clone(),
        gov,
        &ExecuteMsg::Execute { proposal_id: 1 },
        &[],
    )
    .unwrap();
    let balance: BalanceResponse = app
        .wrap()
        .query_wasm_smart(
            &token,
            &commons::reward_token::QueryMsg::Balance {
                address: eve.to_string(),
            },
        )
        .unwrap();
    assert_eq!(balance.balance.u128(), 5);
}

#[test]
fn bootstrap_input_errors_create_nothing() {
    let mut app = App::default();
    let mut msg = suite_msg(&mut app);
    msg.token = Some(app.api().addr_make("token").to_string());
    let err = instantiate_suite(&mut app, &msg)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert!(matches!(err, ContractError::InvalidConfig { .. }));

    let mut msg = suite_msg(&mut app);
    msg.suite.as_mut().unwrap().token_msg.mint = None;
    let err = instantiate_suite(&mut app, &msg)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert!(matches!(err, ContractError::InvalidConfig { .. }));

    let mut msg = suite_msg(&mut app);
    msg.voting_period_seconds = 0;
    let err = instantiate_suite(&mut app, &msg)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert!(matches!(err, ContractError::InvalidConfig { .. }));

    // a failing part (here the escrow: fee above 10%) undoes the whole bootstrap
    let mut msg = suite_msg(&mut app);
    msg.suite.as_mut().unwrap().escrow_msg.fee_bps = 5_000;
    assert!(instantiate_suite(&mut app, &msg).is_err());

    let mut msg = base_msg(&Addr::unchecked("unused"));
    msg.token = None;
    let err = instantiate_suite(&mut app, &msg)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert!(matches!(err, ContractError::InvalidConfig { .. }));
}

/// The bootstrap example in the README is a valid instantiate message.
#[test]
fn readme_bootstrap_example_parses() {
    let readme = include_str!("../../../../README.md");
    let section = &readme[readme.find("## Deploying").unwrap()..];
    // the code starts on the line after the fence (which may name the type after `json`)
    let fence = section.find("```json").unwrap();
    let start = fence + section[fence..].find('\n').unwrap();
    let end = start + section[start..].find("```").unwrap();
    let msg: InstantiateMsg = cosmwasm_std::from_json(&section.as_bytes()[start..end]).unwrap();
    let suite = msg.suite.unwrap();
    assert_eq!(suite.escrow_msg.fee_bps, 100);
    assert!(suite.token_msg.vesting_counts_for_voting);
    assert_eq!(msg.max_actions, 10);
}
