//! Test types shaped like the governance wire types (`commons::governance`): nested enums,
//! boxed newtype variants, options, vectors, amounts, timestamps, binaries, an empty-struct
//! variant and a foreign type that reads what serde reads (`CosmosMsg`); with proptest
//! strategies.
#![allow(dead_code)]

mod cosmos;
mod strategies;

pub use cosmos::cosmos_msg;
pub use strategies::*;

use commons_json::wire;
use cosmwasm_std::{Addr, Binary, CosmosMsg, Decimal, Timestamp, Uint128, Uint256, Uint64};

#[wire]
#[derive(Copy, Eq)]
pub enum Vote {
    Yes,
    No,
    Abstain,
    Veto,
}

#[wire]
pub enum RefundPolicy {
    Always,
    OnlyPassed,
    Never,
}

#[wire]
pub enum AssetInfo {
    Native(String),
    Cw20(String),
}

#[wire]
pub struct Asset {
    pub info: AssetInfo,
    pub amount: Uint128,
}

#[wire]
pub struct Deposit {
    pub asset_info: AssetInfo,
    pub amount: Uint128,
    pub refund: RefundPolicy,
}

#[wire]
pub enum DepositChange {
    Set(Deposit),
    Remove,
}

#[wire]
#[allow(clippy::enum_variant_names)] // cw-utils' names
pub enum Threshold {
    AbsoluteCount { weight: u64 },
    AbsolutePercentage { percentage: Decimal },
    ThresholdQuorum { threshold: Decimal, quorum: Decimal },
}

#[wire]
pub struct Schedule {
    pub start_time: Timestamp,
    pub cliff_seconds: u64,
    pub duration_seconds: u64,
}

#[wire]
#[derive(Default)]
pub struct UpdateConfig {
    pub voting_period_seconds: Option<u64>,
    pub threshold: Option<Threshold>,
    pub allow_revoting: Option<bool>,
    pub proposal_deposit: Option<DepositChange>,
    pub min_proposer_power: Option<Uint128>,
    pub max_actions: Option<u32>,
    pub fee_bps: Option<u16>,
    pub guardian: Option<String>,
    pub accepted_assets: Option<Vec<AssetInfo>>,
}

#[wire]
pub enum Action {
    TreasurySpend {
        recipient: String,
        asset: Asset,
        memo: Option<String>,
    },
    TreasurySpendToContract {
        contract: String,
        asset: Asset,
        msg: Binary,
        memo: Option<String>,
    },
    TreasurySetBudget {
        spender: String,
        asset_info: AssetInfo,
        amount_per_period: Uint128,
        period_seconds: u64,
        expires: Option<Timestamp>,
    },
    TreasuryRevokeBudget {
        spender: String,
    },
    TokenMintVesting {
        recipient: String,
        amount: Uint128,
        schedule: Schedule,
        revocable: bool,
    },
    UpdateGovernanceConfig(Box<UpdateConfig>),
    Custom {
        msgs: Vec<CosmosMsg>,
    },
}

/// The shape of cw20's `Cw20ReceiveMsg`.
#[wire]
pub struct Receive {
    pub sender: String,
    pub amount: Uint128,
    pub msg: Binary,
}

#[wire]
pub enum ExecuteMsg {
    Propose {
        title: String,
        description: String,
        actions: Vec<Action>,
    },
    Vote {
        proposal_id: u64,
        vote: Vote,
        rationale: Option<String>,
    },
    ClaimVoteRewards {
        proposal_ids: Vec<u64>,
    },
    UpdateConfig(Box<UpdateConfig>),
    Receive(Receive),
    Execute {
        proposal_id: u64,
    },
}

#[wire]
pub enum QueryMsg {
    Config {},
    ListProposals {
        start_after: Option<u64>,
        limit: Option<u32>,
    },
    VotingPower {
        address: String,
        height: Option<u64>,
    },
    Threshold {},
}

/// Every primitive of the format, at least once.
#[wire]
pub struct Widths {
    pub small: u8,
    pub medium: u16,
    pub large: u32,
    pub huge: u64,
    pub as_string: Uint64,
    pub amount: Uint128,
    pub wide: Uint256,
    pub ratio: Decimal,
    pub at: Timestamp,
    pub owner: Addr,
    pub flag: bool,
    pub data: Binary,
    pub items: Vec<Option<u8>>,
}
