//! Flow 1: governance instantiates the token, treasury and escrow in one transaction, and
//! controls all three.

use commons::escrow::{ConfigResponse as EscrowConfig, QueryMsg as EscrowQuery};
use commons::governance::{ConfigResponse, QueryMsg};
use commons::reward_token::QueryMsg as TokenQuery;
use commons::treasury::{ConfigResponse as TreasuryConfig, QueryMsg as TreasuryQuery};
use commons_testing::suite::SuiteBuilder;
use cw20::MinterResponse;

#[test]
fn one_transaction_bootstrap() {
    let s = SuiteBuilder::new()
        .with_member("alice", 100)
        .with_token_cap(1_000)
        .build();
    let config: ConfigResponse = s
        .app
        .wrap()
        .query_wasm_smart(&s.gov, &QueryMsg::Config {})
        .unwrap();
    assert_eq!(
        (
            config.token.clone(),
            config.treasury.clone(),
            config.escrow.clone()
        ),
        (
            s.token.clone(),
            Some(s.treasury.clone()),
            Some(s.escrow.clone())
        )
    );
    for contract in [&s.token, &s.escrow] {
        assert_eq!(
            s.app.contract_data(contract).unwrap().admin,
            Some(s.gov.clone()),
            "admin of {contract}"
        );
    }
    // the treasury is its own admin: only its delayed migration changes its code
    assert_eq!(
        s.app.contract_data(&s.treasury).unwrap().admin,
        Some(s.treasury.clone())
    );
    let minter: Option<MinterResponse> = s
        .app
        .wrap()
        .query_wasm_smart(&s.token, &TokenQuery::Minter {})
        .unwrap();
    assert_eq!(minter.unwrap().minter, s.gov.to_string());
    let treasury: TreasuryConfig = s
        .app
        .wrap()
        .query_wasm_smart(&s.treasury, &TreasuryQuery::Config {})
        .unwrap();
    assert_eq!(treasury.owner, s.gov);
    let escrow: EscrowConfig = s
        .app
        .wrap()
        .query_wasm_smart(&s.escrow, &EscrowQuery::Config {})
        .unwrap();
    assert_eq!(
        (escrow.arbiter, escrow.fee_recipient),
        (s.gov.clone(), s.treasury.clone())
    );
    s.assert_token_balance("alice", 100);
}
