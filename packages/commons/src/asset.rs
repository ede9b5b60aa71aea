//! Assets: a native coin denom or a cw20 token contract, with an amount.
//!
//! JSON: `AssetInfo` is `{"native":"<denom>"}` or `{"cw20":"<address>"}`; `Asset` is
//! `{"info": <AssetInfo>, "amount": "<Uint128>"}`. Messages take the unchecked forms (addresses
//! as strings, validated by the receiving contract); stored state and responses use the checked
//! forms.

use std::fmt;

use commons_json::wire;
use cosmwasm_std::{
    to_json_binary, Addr, Api, BankMsg, Binary, Coin, CosmosMsg, QuerierWrapper, StdError,
    StdResult, Uint128, WasmMsg,
};
use cw20::{BalanceResponse, Cw20ExecuteMsg, Cw20QueryMsg};

/// A kind of asset, validated: a native denom or a cw20 contract address.
#[wire]
#[derive(Eq, PartialOrd, Ord, Hash)]
pub enum AssetInfo {
    /// A native coin, by denom (e.g. `"untrn"`, `"ibc/..."`).
    Native(String),
    /// A cw20 token, by contract address.
    Cw20(Addr),
}

/// A kind of asset as given in a message: the cw20 address is not validated yet.
#[wire]
#[derive(Eq, PartialOrd, Ord, Hash)]
pub enum AssetInfoUnchecked {
    /// A native coin, by denom.
    Native(String),
    /// A cw20 token, by contract address (validated by the receiving contract).
    Cw20(String),
}

/// An amount of an asset, validated.
#[wire]
pub struct Asset {
    /// Which asset.
    pub info: AssetInfo,
    /// How much of it, in the asset's smallest unit.
    pub amount: Uint128,
}

/// An amount of an asset as given in a message.
#[wire]
pub struct AssetUnchecked {
    /// Which asset.
    pub info: AssetInfoUnchecked,
    /// How much of it, in the asset's smallest unit.
    pub amount: Uint128,
}

/// Native denoms follow the Cosmos SDK rule: 3 to 128 characters, starting with a letter, then
/// letters, digits and `/ : . _ -`.
pub fn validate_denom(denom: &str) -> StdResult<()> {
    let bytes = denom.as_bytes();
    let ok_len = (3..=128).contains(&bytes.len());
    let ok_first = bytes.first().is_some_and(|b| b.is_ascii_alphabetic());
    let ok_rest = bytes
        .iter()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b':' | b'.' | b'_' | b'-'));
    if ok_len && ok_first && ok_rest {
        Ok(())
    } else {
        Err(StdError::generic_err(format!(
            "invalid denom {denom:?}: 3-128 characters, a letter first, then letters, digits and / : . _ -"
        )))
    }
}

impl AssetInfoUnchecked {
    /// Validates the denom or the cw20 address.
    pub fn check(&self, api: &dyn Api) -> StdResult<AssetInfo> {
        Ok(match self {
            AssetInfoUnchecked::Native(denom) => {
                validate_denom(denom)?;
                AssetInfo::Native(denom.clone())
            }
            AssetInfoUnchecked::Cw20(addr) => AssetInfo::Cw20(api.addr_validate(addr)?),
        })
    }
}

impl AssetUnchecked {
    /// Validates the asset kind; the amount is taken as given.
    pub fn check(&self, api: &dyn Api) -> StdResult<Asset> {
        Ok(Asset {
            info: self.info.check(api)?,
            amount: self.amount,
        })
    }
}

impl From<AssetInfo> for AssetInfoUnchecked {
    fn from(info: AssetInfo) -> Self {
        match info {
            AssetInfo::Native(denom) => AssetInfoUnchecked::Native(denom),
            AssetInfo::Cw20(addr) => AssetInfoUnchecked::Cw20(addr.into_string()),
        }
    }
}

impl From<Asset> for AssetUnchecked {
    fn from(asset: Asset) -> Self {
        AssetUnchecked {
            info: asset.info.into(),
            amount: asset.amount,
        }
    }
}

impl fmt::Display for AssetInfo {
    /// `native:<denom>` or `cw20:<address>`: also the key under which contracts store per-asset
    /// state, so the two kinds can never collide.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AssetInfo::Native(denom) => write!(f, "native:{denom}"),
            AssetInfo::Cw20(addr) => write!(f, "cw20:{addr}"),
        }
    }
}

impl fmt::Display for Asset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.amount, self.info)
    }
}

impl AssetInfo {
    /// The storage key / event value of this asset kind (see `Display`).
    pub fn key(&self) -> String {
        self.to_string()
    }

    /// A message that pays `amount` of this asset from the calling contract to `recipient`.
    pub fn transfer_msg(&self, recipient: &Addr, amount: Uint128) -> StdResult<CosmosMsg> {
        Ok(match self {
            AssetInfo::Native(denom) => BankMsg::Send {
                to_address: recipient.to_string(),
                amount: vec![Coin::new(amount, denom.clone())],
            }
            .into(),
            AssetInfo::Cw20(token) => WasmMsg::Execute {
                contract_addr: token.to_string(),
                msg: to_json_binary(&Cw20ExecuteMsg::Transfer {
                    recipient: recipient.to_string(),
                    amount,
                })?,
                funds: vec![],
            }
            .into(),
        })
    }

    /// A message that pays `amount` of this asset into `contract` and executes `msg` there:
    /// native coins go as funds of a `WasmMsg::Execute`, cw20 tokens through cw20 `send`.
    pub fn send_msg(&self, contract: &Addr, amount: Uint128, msg: Binary) -> StdResult<CosmosMsg> {
        Ok(match self {
            AssetInfo::Native(denom) => WasmMsg::Execute {
                contract_addr: contract.to_string(),
                msg,
                funds: vec![Coin::new(amount, denom.clone())],
            }
            .into(),
            AssetInfo::Cw20(token) => WasmMsg::Execute {
                contract_addr: token.to_string(),
                msg: to_json_binary(&Cw20ExecuteMsg::Send {
                    contract: contract.to_string(),
                    amount,
                    msg,
                })?,
                funds: vec![],
            }
            .into(),
        })
    }

    /// How much of this asset `holder` has.
    pub fn query_balance(&self, querier: &QuerierWrapper, holder: &Addr) -> StdResult<Uint128> {
        match self {
            AssetInfo::Native(denom) => Ok(querier.query_balance(holder, denom)?.amount),
            AssetInfo::Cw20(token) => {
                let res: BalanceResponse = querier.query_wasm_smart(
                    token,
                    &Cw20QueryMsg::Balance {
                        address: holder.to_string(),
                    },
                )?;
                Ok(res.balance)
            }
        }
    }
}

impl Asset {
    /// A message that pays this asset from the calling contract to `recipient`.
    pub fn transfer_msg(&self, recipient: &Addr) -> StdResult<CosmosMsg> {
        self.info.transfer_msg(recipient, self.amount)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::{from_json, testing::MockApi};

    #[test]
    fn json_shapes() {
        let native: AssetInfoUnchecked = from_json(br#"{"native":"untrn"}"#).unwrap();
        assert_eq!(native, AssetInfoUnchecked::Native("untrn".into()));
        let asset: AssetUnchecked =
            from_json(br#"{"info":{"cw20":"cosmwasm1abc"},"amount":"5"}"#).unwrap();
        assert_eq!(asset.info, AssetInfoUnchecked::Cw20("cosmwasm1abc".into()));
        assert_eq!(asset.amount, Uint128::new(5));
        assert_eq!(
            cosmwasm_std::to_json_string(&AssetInfo::Native("uatom".into())).unwrap(),
            r#"{"native":"uatom"}"#
        );
    }

    #[test]
    fn check_validates_denoms_and_addresses() {
        let api = MockApi::default();
        let good = api.addr_make("token");
        assert_eq!(
            AssetInfoUnchecked::Cw20(good.to_string())
                .check(&api)
                .unwrap(),
            AssetInfo::Cw20(good.clone())
        );
        assert!(AssetInfoUnchecked::Cw20(good.to_string().to_uppercase())
            .check(&api)
            .is_err());
        assert!(AssetInfoUnchecked::Native(
            "ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2".into()
        )
        .check(&api)
        .is_ok());
        for bad in ["", "ab", "1abc", "ab c", "u$d"] {
            assert!(
                AssetInfoUnchecked::Native(bad.into()).check(&api).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn keys_do_not_collide() {
        let api = MockApi::default();
        let addr = api.addr_make("x");
        assert_ne!(
            AssetInfo::Native(addr.to_string()).key(),
            AssetInfo::Cw20(addr).key()
        );
    }
}
