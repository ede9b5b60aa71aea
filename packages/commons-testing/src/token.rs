//! The reward token in multi-test.

use anyhow::Result as AnyResult;
use commons::reward_token::{
    InstantiateMsg, MintLimit, MintLimitResponse, MinterInfo, QueryMsg, SupplyResponse,
    VotingPowerAtHeightResponse,
};
use cosmwasm_std::{Addr, Empty, Uint128};
use cw20::{BalanceResponse, Cw20Coin};
use cw_multi_test::{App, Contract};

/// The reward token contract, for `App::store_code`.
pub fn reward_token_contract() -> Box<dyn Contract<Empty>> {
    crate::contract_of!(commons_reward_token::contract)
}

/// Builds a reward token: `TokenBuilder::new(&minter).with_balance(&alice, 100).instantiate(..)`.
pub struct TokenBuilder {
    msg: InstantiateMsg,
}

impl TokenBuilder {
    /// A token named "Commons" (CMN, 6 decimals) minted by `minter`, with no cap, no mint limit
    /// and no balances.
    pub fn new(minter: &Addr) -> Self {
        TokenBuilder {
            msg: InstantiateMsg {
                name: "Commons".into(),
                symbol: "CMN".into(),
                decimals: 6,
                initial_balances: vec![],
                mint: Some(MinterInfo {
                    minter: minter.to_string(),
                    cap: None,
                    mint_limit: None,
                }),
                marketing: None,
                vesting_counts_for_voting: true,
                change_delay_seconds: None,
            },
        }
    }

    /// Names the token (3 to 50 bytes).
    pub fn with_name(mut self, name: &str) -> Self {
        self.msg.name = name.into();
        self
    }

    /// Adds an initial liquid balance.
    pub fn with_balance(mut self, holder: &Addr, amount: u128) -> Self {
        self.msg.initial_balances.push(Cw20Coin {
            address: holder.to_string(),
            amount: Uint128::new(amount),
        });
        self
    }

    /// Sets the lifetime cap on tokens ever minted.
    pub fn with_cap(mut self, cap: u128) -> Self {
        if let Some(mint) = self.msg.mint.as_mut() {
            mint.cap = Some(Uint128::new(cap));
        }
        self
    }

    /// Lets the minter mint at most `amount` per window of `period_seconds` (vesting grants
    /// included). Without [`Self::with_change_delay`], a loosening waits one period.
    pub fn with_mint_limit(mut self, amount: u128, period_seconds: u64) -> Self {
        if let Some(mint) = self.msg.mint.as_mut() {
            mint.mint_limit = Some(MintLimit {
                amount: Uint128::new(amount),
                period_seconds,
            });
        }
        self
    }

    /// How long a loosening of the mint limit waits, in seconds (at least the limit's period).
    pub fn with_change_delay(mut self, seconds: u64) -> Self {
        self.msg.change_delay_seconds = Some(seconds);
        self
    }

    /// Whether locked vesting grants count as voting power.
    pub fn with_vesting_votes(mut self, counts: bool) -> Self {
        self.msg.vesting_counts_for_voting = counts;
        self
    }

    /// Changes the message as built so far in a way no setter covers (tests of the
    /// instantiate rules give it names, symbols or balances the token refuses).
    pub fn with_msg(mut self, change: impl FnOnce(&mut InstantiateMsg)) -> Self {
        change(&mut self.msg);
        self
    }

    /// The instantiate message as built so far.
    pub fn msg(&self) -> &InstantiateMsg {
        &self.msg
    }

    /// Stores the code and instantiates the token with `admin` as sender and wasm admin.
    pub fn instantiate(self, app: &mut App, admin: &Addr) -> AnyResult<Addr> {
        self.instantiate_with(app, reward_token_contract(), admin)
    }

    /// Like [`Self::instantiate`], from `code`: the token crate's own tests pass their entry
    /// points, so the errors they downcast are of the crate under test.
    pub fn instantiate_with(
        self,
        app: &mut App,
        code: Box<dyn Contract<Empty>>,
        admin: &Addr,
    ) -> AnyResult<Addr> {
        crate::instantiate_code(app, code, admin, &self.msg, "commons-reward-token")
    }
}

/// Liquid cw20 balance of `holder`.
pub fn token_balance(app: &App, token: &Addr, holder: &Addr) -> u128 {
    let res: BalanceResponse = app
        .wrap()
        .query_wasm_smart(
            token,
            &QueryMsg::Balance {
                address: holder.to_string(),
            },
        )
        .unwrap_or(BalanceResponse {
            balance: Uint128::zero(),
        });
    res.balance.u128()
}

/// Voting power of `holder` at the start of `height` (now, without a height).
pub fn voting_power(
    app: &App,
    token: &Addr,
    holder: &Addr,
    height: Option<u64>,
) -> AnyResult<u128> {
    let res: VotingPowerAtHeightResponse = app.wrap().query_wasm_smart(
        token,
        &QueryMsg::VotingPowerAtHeight {
            address: holder.to_string(),
            height,
        },
    )?;
    Ok(res.power.u128())
}

/// The token's supply accounting.
pub fn token_supply(app: &App, token: &Addr) -> AnyResult<SupplyResponse> {
    Ok(app.wrap().query_wasm_smart(token, &QueryMsg::Supply {})?)
}

/// The token's mint limit as it stands now.
pub fn token_mint_limit(app: &App, token: &Addr) -> AnyResult<MintLimitResponse> {
    Ok(app
        .wrap()
        .query_wasm_smart(token, &QueryMsg::MintLimit {})?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_a_working_token() {
        let mut app = App::default();
        let minter = app.api().addr_make("minter");
        let alice = app.api().addr_make("alice");
        let token = TokenBuilder::new(&minter)
            .with_balance(&alice, 700)
            .with_cap(1_000)
            .instantiate(&mut app, &minter)
            .unwrap();
        assert_eq!(token_balance(&app, &token, &alice), 700);
        assert_eq!(voting_power(&app, &token, &alice, None).unwrap(), 700);
        let supply = token_supply(&app, &token).unwrap();
        assert_eq!(supply.cap, Some(Uint128::new(1_000)));
        assert_eq!(supply.minted_total.u128(), 700);
        let limit = token_mint_limit(&app, &token).unwrap();
        assert_eq!((limit.mint_limit, limit.change_delay_seconds), (None, 0));
    }

    #[test]
    fn builds_a_token_with_a_mint_limit() {
        let mut app = App::default();
        let minter = app.api().addr_make("minter");
        let token = TokenBuilder::new(&minter)
            .with_mint_limit(50, 3_600)
            .with_change_delay(7_200)
            .instantiate(&mut app, &minter)
            .unwrap();
        let limit = token_mint_limit(&app, &token).unwrap();
        assert_eq!(
            limit.mint_limit,
            Some(MintLimit {
                amount: Uint128::new(50),
                period_seconds: 3_600,
            })
        );
        assert_eq!(limit.remaining, Some(Uint128::new(50)));
        assert_eq!(limit.change_delay_seconds, 7_200);
        // a delay shorter than the period is refused
        let err = TokenBuilder::new(&minter)
            .with_mint_limit(50, 3_600)
            .with_change_delay(60)
            .instantiate(&mut app, &minter)
            .unwrap_err();
        assert!(err
            .root_cause()
            .to_string()
            .contains("at least the mint limit's period"));
    }
}
