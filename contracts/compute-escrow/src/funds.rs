//! Incoming payments (native funds or cw20 `send`) and input checks.

use commons::asset::{Asset, AssetInfo};
use commons::treasury::{
    ConfigResponse as TreasuryConfig, ExecuteMsg as TreasuryMsg, QueryMsg as TreasuryQuery,
    ReceiveMsg as TreasuryReceive,
};
use cosmwasm_std::{
    to_json_binary, Addr, CosmosMsg, MessageInfo, QuerierWrapper, StdError, StdResult, Uint128,
};

use crate::error::ContractError;

/// Who paid what: native funds of the call, or a cw20 `send` (sender = the token holder).
pub struct Payment {
    pub sender: Addr,
    pub asset: Asset,
}

impl Payment {
    /// Exactly one non-zero native coin sent with the call.
    pub fn native(info: &MessageInfo) -> Result<Self, ContractError> {
        let coin = cw_utils::one_coin(info)?;
        Ok(Payment {
            sender: info.sender.clone(),
            asset: Asset {
                info: AssetInfo::Native(coin.denom),
                amount: coin.amount,
            },
        })
    }

    pub fn expect_asset(&self, info: &AssetInfo) -> Result<(), ContractError> {
        if self.asset.info != *info {
            return Err(ContractError::WrongPayment {
                expected: info.key(),
                got: self.asset.info.key(),
            });
        }
        Ok(())
    }
}

/// A text field of 1..=max bytes (or 0..=max when `may_be_empty`).
pub fn check_len(
    field: &str,
    value: &str,
    max: usize,
    may_be_empty: bool,
) -> Result<(), ContractError> {
    if value.len() > max || (!may_be_empty && value.is_empty()) {
        return Err(ContractError::BadLength {
            field: field.to_string(),
            max,
        });
    }
    Ok(())
}

/// `<amount>:<asset>`, the one encoding of money in event attributes (`Display` of `Asset`).
pub fn money(asset: &AssetInfo, amount: Uint128) -> String {
    format!("{amount}:{asset}")
}

/// A payment out of the escrow, or none for a zero amount. To the treasury (`to_treasury`) it
/// is a deposit, so the treasury's ledger records it with `memo`: native coins as the funds of
/// its `deposit`, cw20 tokens through `send` with its deposit hook. Anyone else gets a plain
/// transfer.
///
/// SECURITY: a cw20 deposit fails if the treasury does not accept the token, and with it the
/// whole claim, refund or ruling that sends it. `create_job`, `top_up` and provider
/// registration therefore refuse a cw20 that the treasury does not accept when that token
/// would be paid to it (`ensure_treasury_accepts`). What remains is the treasury removing the
/// token later: until governance accepts it again, the job's claims (when its fees go to the
/// treasury), refunds (when it is the refund address) or slashing rulings in that token fail
/// and nothing moves. Funds stay in the job, not lost, and governance controls both sides;
/// a ruling with `slash` zero still settles a dispute when only the stake token is refused.
pub fn payout(
    asset: &AssetInfo,
    to: &Addr,
    amount: Uint128,
    to_treasury: bool,
    memo: impl FnOnce() -> String,
) -> StdResult<Option<CosmosMsg>> {
    if amount.is_zero() {
        return Ok(None);
    }
    if !to_treasury {
        return asset.transfer_msg(to, amount).map(Some);
    }
    let memo = Some(memo());
    let msg = match asset {
        AssetInfo::Native(_) => to_json_binary(&TreasuryMsg::Deposit { memo })?,
        AssetInfo::Cw20(_) => to_json_binary(&TreasuryReceive::Deposit { memo })?,
    };
    asset.send_msg(to, amount, msg).map(Some)
}

/// Refuses `asset` when it is a cw20 the treasury does not accept (see `payout`); native
/// deposits take any denom. `payments` names what would be deposited, for the error.
pub fn ensure_treasury_accepts(
    querier: &QuerierWrapper,
    treasury: &Addr,
    asset: &AssetInfo,
    payments: &str,
) -> Result<(), ContractError> {
    let AssetInfo::Cw20(token) = asset else {
        return Ok(());
    };
    let config: TreasuryConfig = querier
        .query_wasm_smart(treasury, &TreasuryQuery::Config {})
        .map_err(|e| ContractError::TreasuryQuery {
            treasury: treasury.to_string(),
            reason: e.to_string(),
        })?;
    if !config.accepted_cw20s.contains(token) {
        return Err(ContractError::TreasuryRefusesToken {
            treasury: treasury.to_string(),
            token: token.to_string(),
            payments: payments.to_string(),
        });
    }
    Ok(())
}

/// `units * price`, refusing overflow.
pub fn cost(units: Uint128, price: Uint128) -> Result<Uint128, ContractError> {
    units
        .checked_mul(price)
        .map_err(|_| ContractError::PriceOverflow)
}

/// Fee on a payment: `ceil(amount * fee_bps / 10_000)`, rounded up in the protocol's favour.
pub fn fee(amount: Uint128, fee_bps: u16) -> Result<Uint128, StdError> {
    Ok(amount.multiply_ratio_ceil(fee_bps as u128, 10_000u128))
}

trait CeilRatio {
    fn multiply_ratio_ceil(self, num: u128, den: u128) -> Uint128;
}

impl CeilRatio for Uint128 {
    fn multiply_ratio_ceil(self, num: u128, den: u128) -> Uint128 {
        // 256-bit product: amount * 1000 cannot overflow, and the quotient fits 128 bits.
        let product = cosmwasm_std::Uint256::from(self) * cosmwasm_std::Uint256::from(num);
        let den = cosmwasm_std::Uint256::from(den);
        let q = (product + den - cosmwasm_std::Uint256::one()) / den;
        Uint128::try_from(q).unwrap_or(Uint128::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fee_rounds_up() {
        assert_eq!(fee(Uint128::new(10_000), 250).unwrap().u128(), 250);
        assert_eq!(fee(Uint128::new(1), 250).unwrap().u128(), 1);
        assert_eq!(fee(Uint128::new(39), 250).unwrap().u128(), 1);
        assert_eq!(fee(Uint128::new(41), 250).unwrap().u128(), 2);
        assert_eq!(fee(Uint128::new(100), 0).unwrap().u128(), 0);
        assert_eq!(
            fee(Uint128::MAX, 1_000).unwrap(),
            Uint128::MAX.multiply_ratio(1u128, 10u128) + Uint128::one()
        );
    }
}
