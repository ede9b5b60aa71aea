//! Readers and writers of the types the wire types borrow from other crates. Rust's orphan
//! rule allows them only here (or in those crates), which is why they are behind features.
//!
//! Plain types are mirrored: a copy of the definition, from which the derives generate the
//! impls of the real type (`#[json(remote = ...)]`). The compiler checks the copy against the
//! original: building and matching the real type must name every field and variant, and only
//! those. The mirrors refuse unknown fields, as every Commons message does, although the
//! originals' serde impls (plain `#[cw_serde]`) ignore them. `Coin` is the exception: it is
//! part of `CosmosMsg`, whose readers (see `cosmos`) read exactly what serde reads.

#![allow(dead_code)] // the copies are only read by the derives

use cosmwasm_std::Uint128;

use crate::{FromJson, ToJson};

#[derive(FromJson, ToJson)]
#[json(remote = "cosmwasm_std::Coin", ignore_unknown_fields)]
struct Coin {
    denom: String,
    amount: Uint128,
}

#[cfg(feature = "cw-utils")]
mod cw_utils_types {
    use cosmwasm_std::{Decimal, Timestamp};

    use crate::{FromJson, ToJson};

    #[derive(FromJson, ToJson)]
    #[json(remote = "cw_utils::Threshold")]
    #[allow(clippy::enum_variant_names)] // the names of the original
    enum Threshold {
        AbsoluteCount { weight: u64 },
        AbsolutePercentage { percentage: Decimal },
        ThresholdQuorum { threshold: Decimal, quorum: Decimal },
    }

    #[derive(FromJson, ToJson)]
    #[json(remote = "cw_utils::Expiration")]
    enum Expiration {
        AtHeight(u64),
        AtTime(Timestamp),
        Never {},
    }
}

#[cfg(feature = "cw20")]
mod cw20_types {
    use cosmwasm_std::{Binary, Uint128};

    use crate::{FromJson, ToJson};

    #[derive(FromJson, ToJson)]
    #[json(remote = "cw20::Cw20ReceiveMsg")]
    struct Cw20ReceiveMsg {
        sender: String,
        amount: Uint128,
        msg: Binary,
    }

    #[derive(FromJson, ToJson)]
    #[json(remote = "cw20::Cw20Coin")]
    struct Cw20Coin {
        address: String,
        amount: Uint128,
    }

    #[derive(FromJson, ToJson)]
    #[json(remote = "cw20::MinterResponse")]
    struct MinterResponse {
        minter: String,
        cap: Option<Uint128>,
    }

    #[derive(FromJson, ToJson)]
    #[json(remote = "cw20::Logo")]
    enum Logo {
        Url(String),
        Embedded(cw20::EmbeddedLogo),
    }

    #[derive(FromJson, ToJson)]
    #[json(remote = "cw20::EmbeddedLogo")]
    enum EmbeddedLogo {
        Svg(Binary),
        Png(Binary),
    }
}
