//! The reader of `CosmosMsg<Empty>` (and of every message type inside it), derived from copies
//! of cosmwasm-std's definitions, so that a contract that reads chain messages (governance's
//! `custom` actions) does not need serde's deserializer of them (measured: about 30 KB of wasm
//! in governance, one `deserialize_map` instance per struct variant).
//!
//! It reads exactly what serde reads: like the originals' serde impls (plain derives without
//! `deny_unknown_fields`), the copies skip unknown fields (`ignore_unknown_fields`) and refuse a
//! known field given twice. The values in unknown fields must still be JSON the tree accepts
//! (serde-json-wasm skips some malformed scalars there without parsing them), which was already
//! so when these messages were read through the tree and then serde.
//!
//! Which variants exist depends on cosmwasm-std's features; the copies declare each variant
//! under the feature that adds it (`cosmwasm_2_0` is always on here). Staking, distribution,
//! IBC, gov and the deprecated `stargate` variant need cosmwasm-std's `staking` and `stargate`
//! features, which make a contract require those chain capabilities: this crate's features of
//! the same names turn them on together with their readers. The IBC messages that
//! cosmwasm-std's `cosmwasm_2_1` adds are not mirrored (no crate here enables that feature, so
//! that the contracts run on every wasmvm 2 chain): a build that enables it reads those
//! messages through `custom` actions no more (it refuses them, never misreads them).
//!
//! Writing goes through serde (`ToJson` via `Out::serde`): every contract serializes
//! `CosmosMsg` anyway, in its `Response`, so that costs nothing.

#![allow(dead_code)] // the copies are only read by the derive

use cosmwasm_std::{AnyMsg, BankMsg, Binary, Coin, Empty, WasmMsg};

use crate::FromJson;

crate::to_json_via_serde!(cosmwasm_std::CosmosMsg);

#[derive(FromJson)]
#[json(remote = "cosmwasm_std::CosmosMsg", ignore_unknown_fields)]
enum CosmosMsg {
    Bank(BankMsg),
    Custom(Empty),
    #[cfg(feature = "staking")]
    Staking(cosmwasm_std::StakingMsg),
    #[cfg(feature = "staking")]
    Distribution(cosmwasm_std::DistributionMsg),
    #[cfg(feature = "stargate")]
    Stargate {
        type_url: String,
        value: Binary,
    },
    Any(AnyMsg),
    #[cfg(feature = "stargate")]
    Ibc(cosmwasm_std::IbcMsg),
    Wasm(WasmMsg),
    #[cfg(feature = "stargate")]
    Gov(cosmwasm_std::GovMsg),
}

#[derive(FromJson)]
#[json(remote = "cosmwasm_std::BankMsg", ignore_unknown_fields)]
enum BankMsgCopy {
    Send {
        to_address: String,
        amount: Vec<Coin>,
    },
    Burn {
        amount: Vec<Coin>,
    },
}

#[derive(FromJson)]
#[json(remote = "cosmwasm_std::Empty", ignore_unknown_fields)]
struct EmptyCopy {}

#[derive(FromJson)]
#[json(remote = "cosmwasm_std::AnyMsg", ignore_unknown_fields)]
struct AnyMsgCopy {
    type_url: String,
    value: Binary,
}

#[derive(FromJson)]
#[json(remote = "cosmwasm_std::WasmMsg", ignore_unknown_fields)]
enum WasmMsgCopy {
    Execute {
        contract_addr: String,
        msg: Binary,
        funds: Vec<Coin>,
    },
    Instantiate {
        admin: Option<String>,
        code_id: u64,
        msg: Binary,
        funds: Vec<Coin>,
        label: String,
    },
    Instantiate2 {
        admin: Option<String>,
        code_id: u64,
        label: String,
        msg: Binary,
        funds: Vec<Coin>,
        salt: Binary,
    },
    Migrate {
        contract_addr: String,
        new_code_id: u64,
        msg: Binary,
    },
    UpdateAdmin {
        contract_addr: String,
        admin: String,
    },
    ClearAdmin {
        contract_addr: String,
    },
}

#[cfg(feature = "staking")]
mod staking {
    use cosmwasm_std::Coin;

    use crate::FromJson;

    #[derive(FromJson)]
    #[json(remote = "cosmwasm_std::StakingMsg", ignore_unknown_fields)]
    enum StakingMsg {
        Delegate {
            validator: String,
            amount: Coin,
        },
        Undelegate {
            validator: String,
            amount: Coin,
        },
        Redelegate {
            src_validator: String,
            dst_validator: String,
            amount: Coin,
        },
    }

    #[derive(FromJson)]
    #[json(remote = "cosmwasm_std::DistributionMsg", ignore_unknown_fields)]
    enum DistributionMsg {
        SetWithdrawAddress { address: String },
        WithdrawDelegatorReward { validator: String },
        FundCommunityPool { amount: Vec<Coin> },
    }
}

#[cfg(feature = "stargate")]
mod stargate {
    use cosmwasm_std::{Binary, Coin, Decimal, IbcTimeout, IbcTimeoutBlock, Timestamp};

    use crate::{Error, FromJson, Json};

    #[derive(FromJson)]
    #[json(remote = "cosmwasm_std::IbcMsg", ignore_unknown_fields)]
    enum IbcMsg {
        Transfer {
            channel_id: String,
            to_address: String,
            amount: Coin,
            timeout: IbcTimeout,
            memo: Option<String>,
        },
        SendPacket {
            channel_id: String,
            data: Binary,
            timeout: IbcTimeout,
        },
        CloseChannel {
            channel_id: String,
        },
    }

    #[derive(FromJson)]
    #[json(remote = "cosmwasm_std::IbcTimeoutBlock", ignore_unknown_fields)]
    struct IbcTimeoutBlockCopy {
        revision: u64,
        height: u64,
    }

    /// `IbcTimeout`'s fields are private: they are read into this copy, and the value is
    /// built by the constructors.
    #[derive(FromJson)]
    #[json(ignore_unknown_fields)]
    struct IbcTimeoutFields {
        block: Option<IbcTimeoutBlock>,
        timestamp: Option<Timestamp>,
    }

    impl FromJson for IbcTimeout {
        const NAME: &'static str = "IbcTimeout";
        fn stand_in() -> Self {
            IbcTimeout::with_timestamp(Timestamp::from_nanos(0))
        }
        #[inline]
        fn from_json(value: Json<'_>) -> Result<Self, Error> {
            let fields = IbcTimeoutFields::from_json(value)?;
            match (fields.block, fields.timestamp) {
                (Some(block), Some(timestamp)) => Ok(IbcTimeout::with_both(block, timestamp)),
                (Some(block), None) => Ok(IbcTimeout::with_block(block)),
                (None, Some(timestamp)) => Ok(IbcTimeout::with_timestamp(timestamp)),
                // serde reads `{}` as a timeout without either, which no constructor builds
                (None, None) => cosmwasm_std::from_json(b"{}")
                    .map_err(|e| Error::new(format!("invalid IbcTimeout: {e}"))),
            }
        }
    }

    #[derive(FromJson)]
    #[json(remote = "cosmwasm_std::GovMsg", ignore_unknown_fields)]
    enum GovMsg {
        Vote {
            proposal_id: u64,
            option: cosmwasm_std::VoteOption,
        },
        VoteWeighted {
            proposal_id: u64,
            options: Vec<cosmwasm_std::WeightedVoteOption>,
        },
    }

    #[derive(FromJson)]
    #[json(remote = "cosmwasm_std::VoteOption")]
    enum VoteOption {
        Yes,
        No,
        Abstain,
        NoWithVeto,
    }

    #[derive(FromJson)]
    #[json(remote = "cosmwasm_std::WeightedVoteOption", ignore_unknown_fields)]
    struct WeightedVoteOption {
        option: cosmwasm_std::VoteOption,
        weight: Decimal,
    }
}

#[cfg(all(test, feature = "stargate"))]
mod tests {
    use cosmwasm_std::{from_json, CosmosMsg};

    use crate::from_slice;

    /// The timeout without a block or a time, which only serde can build, reads as serde's.
    #[test]
    fn a_timeout_without_either_reads_as_serde_reads_it() {
        for text in [
            r#"{"ibc":{"send_packet":{"channel_id":"c","data":"","timeout":{}}}}"#,
            r#"{"ibc":{"send_packet":{"channel_id":"c","data":"","timeout":{"block":null,"x":1}}}}"#,
        ] {
            let theirs: CosmosMsg = from_json(text).unwrap();
            assert_eq!(from_slice::<CosmosMsg>(text).unwrap(), theirs, "{text}");
        }
    }
}
