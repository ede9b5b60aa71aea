//! Wire API of the reward token (`commons-reward-token`).
//!
//! Every cw20 message and query keeps cw20 2.0's JSON name and shape, so wallets, explorers and
//! cw20 clients work unchanged. The extensions (vesting grants, delegation, voting-power
//! snapshots, supply accounting and the mint limit) are additional variants.

use commons_json::wire;
use cosmwasm_schema::QueryResponses;
use cosmwasm_std::{Addr, Binary, Timestamp, Uint128};
use cw20::{Cw20Coin, Expiration, Logo};

use crate::vesting::VestingSchedule;

pub use crate::migrate::MigrateMsg;

/// Marketing information given at instantiation (cw20-base's shape).
#[wire]
pub struct InstantiateMarketingInfo {
    /// URL of the project behind the token.
    pub project: Option<String>,
    /// A longer description of the token and its use.
    pub description: Option<String>,
    /// Address allowed to update the marketing information and the logo.
    pub marketing: Option<String>,
    /// Logo: a URL, or an embedded SVG (XML preamble) or PNG of at most 5 KB.
    pub logo: Option<Logo>,
}

fn default_true() -> bool {
    true
}

/// At most `amount` minted per fixed window of `period_seconds`.
///
/// Windows start when the limit is set: `[set_at + k * period_seconds, set_at + (k + 1) *
/// period_seconds)`. Every `mint` and `mint_vesting` counts; initial balances do not.
#[wire]
pub struct MintLimit {
    /// Most tokens the minter may mint in one window (zero stops minting while it is in force).
    pub amount: Uint128,
    /// Length of a window in seconds: 1 to 315,360,000 (ten years).
    pub period_seconds: u64,
}

/// Who may mint, the lifetime cap and the mint limit. Its JSON is a superset of cw20's
/// `MinterResponse` (`{minter, cap}`), so cw20-base's instantiate messages parse unchanged.
#[wire]
pub struct MinterInfo {
    /// The only address allowed to mint (governance, in the Commons suite).
    pub minter: String,
    /// Lifetime cap: the total ever minted (initial balances and vesting grants included)
    /// never exceeds it, so burned tokens are gone for good. Stricter than cw20-base, whose cap
    /// bounds only the circulating supply.
    pub cap: Option<Uint128>,
    /// Most the minter may mint per window, vesting grants included, so a captured minter
    /// cannot mint the rest of the cap at once. `null`: no limit but the cap.
    pub mint_limit: Option<MintLimit>,
}

/// Instantiates the token: cw20-base's fields plus `vesting_counts_for_voting`, the mint limit
/// and its change delay.
#[wire]
pub struct InstantiateMsg {
    /// Token name: 3 to 50 bytes of UTF-8.
    pub name: String,
    /// Ticker: 3 to 12 characters from `[a-zA-Z-]`.
    pub symbol: String,
    /// Number of decimals the display unit has: at most 18.
    pub decimals: u8,
    /// Liquid balances minted at creation; they count against the cap. Addresses must be unique.
    pub initial_balances: Vec<Cw20Coin>,
    /// Who may mint, the lifetime cap and the mint limit; `null`: no one can ever mint.
    pub mint: Option<MinterInfo>,
    /// Marketing information and logo, as in cw20-base.
    pub marketing: Option<InstantiateMarketingInfo>,
    /// Whether tokens locked in vesting grants count as voting power of the grantee
    /// (default true). Either way they count in the total supply and against the cap.
    #[serde(default = "default_true")]
    pub vesting_counts_for_voting: bool,
    /// How long a change that loosens the mint limit (a higher amount, a shorter period or its
    /// removal) waits before it applies, in seconds: at most ten years, and at least the mint
    /// limit's period, which is also the default. A change always waits at least the period of
    /// the limit in force, so a whole window passes under the old limit first.
    pub change_delay_seconds: Option<u64>,
}

#[wire]
pub enum ExecuteMsg {
    /// cw20: moves `amount` of the sender's liquid balance to `recipient`.
    Transfer { recipient: String, amount: Uint128 },
    /// cw20: destroys `amount` of the sender's liquid balance. Burned tokens lower the total
    /// supply but not the amount ever minted, so they cannot be minted again.
    Burn { amount: Uint128 },
    /// cw20: moves `amount` to `contract` and calls its `receive` with `msg`.
    Send {
        contract: String,
        amount: Uint128,
        msg: Binary,
    },
    /// cw20: lets `spender` move up to `amount` more of the sender's tokens, until `expires`.
    IncreaseAllowance {
        spender: String,
        amount: Uint128,
        expires: Option<Expiration>,
    },
    /// cw20: lowers `spender`'s allowance by `amount` (removing it at zero).
    DecreaseAllowance {
        spender: String,
        amount: Uint128,
        expires: Option<Expiration>,
    },
    /// cw20: moves `amount` of `owner`'s tokens to `recipient`, using the sender's allowance.
    TransferFrom {
        owner: String,
        recipient: String,
        amount: Uint128,
    },
    /// cw20: sends `amount` of `owner`'s tokens to `contract` with `msg`, using the allowance.
    SendFrom {
        owner: String,
        contract: String,
        amount: Uint128,
        msg: Binary,
    },
    /// cw20: burns `amount` of `owner`'s tokens, using the sender's allowance.
    BurnFrom { owner: String, amount: Uint128 },
    /// cw20 (minter only): creates `amount` new liquid tokens for `recipient`, within the cap.
    Mint { recipient: String, amount: Uint128 },
    /// cw20 (minter only): hands minting to `new_minter`, or ends minting forever with `null`.
    UpdateMinter { new_minter: Option<String> },
    /// cw20 (marketing address only): updates the marketing fields; an empty string clears one.
    UpdateMarketing {
        project: Option<String>,
        description: Option<String>,
        marketing: Option<String>,
    },
    /// cw20 (marketing address only): replaces the logo.
    UploadLogo(Logo),
    /// Minter only: creates a locked grant of `amount` for `recipient` that vests on `schedule`.
    /// Locked tokens count in the total supply and against the cap; whether they vote is set by
    /// `vesting_counts_for_voting`.
    MintVesting {
        recipient: String,
        amount: Uint128,
        schedule: VestingSchedule,
        /// Whether the minter may later revoke the unvested part.
        revocable: bool,
    },
    /// Minter only: changes the mint limit. Compared with the limit in force, a lower-or-equal
    /// amount with a longer-or-equal period applies at once; a higher amount, a shorter period
    /// or removal (`null`) is pending and applies by itself after the change delay (see the
    /// `mint_limit` query). A change that both tightens and loosens applies its tighter part
    /// (the lower amount, the longer period) at once and the rest after the delay. There is one
    /// pending change: a newer update replaces it and restarts its delay, and an update that
    /// only tightens drops it. What the current window already minted still counts.
    UpdateMintLimit {
        /// The new limit; `null` removes it (after the delay).
        mint_limit: Option<MintLimit>,
    },
    /// Moves everything vested so far from the sender's grants into its liquid balance.
    /// Without `grant_ids`, claims from the sender's oldest 30 open grants (call again for more);
    /// with them (at most 30, no duplicates), claims from exactly those grants.
    ClaimVested { grant_ids: Option<Vec<u64>> },
    /// Minter only, revocable grants only: what has vested stays with the recipient (claimable),
    /// the unvested rest is burned.
    RevokeVesting { recipient: String, grant_id: u64 },
    /// Gives the sender's voting power (liquid balance, plus locked grants when they count) to
    /// `delegatee`. Delegating to oneself is the same as `undelegate`.
    Delegate { delegatee: String },
    /// Takes the sender's voting power back from its delegatee.
    Undelegate {},
}

#[wire]
#[derive(QueryResponses)]
pub enum QueryMsg {
    /// cw20: the liquid (transferable) balance of `address`; locked grants are not included.
    #[returns(cw20::BalanceResponse)]
    Balance { address: String },
    /// cw20: name, symbol, decimals and total supply (liquid plus locked).
    #[returns(cw20::TokenInfoResponse)]
    TokenInfo {},
    /// cw20: the minter and the lifetime cap, or `null` once minting has been ended.
    #[returns(Option<cw20::MinterResponse>)]
    Minter {},
    /// cw20: how much `spender` may still move from `owner`, and until when.
    #[returns(cw20::AllowanceResponse)]
    Allowance { owner: String, spender: String },
    /// cw20: the allowances `owner` granted, paginated by spender.
    #[returns(cw20::AllAllowancesResponse)]
    AllAllowances {
        owner: String,
        start_after: Option<String>,
        limit: Option<u32>,
    },
    /// cw20: the allowances granted to `spender`, paginated by owner.
    #[returns(cw20::AllSpenderAllowancesResponse)]
    AllSpenderAllowances {
        spender: String,
        start_after: Option<String>,
        limit: Option<u32>,
    },
    /// cw20: the accounts the token keeps a record of, in address order, paginated: every
    /// holder (also one whose balance went back to zero, as in cw20-base), and delegatees and
    /// grantees that hold no liquid tokens.
    #[returns(cw20::AllAccountsResponse)]
    AllAccounts {
        start_after: Option<String>,
        limit: Option<u32>,
    },
    /// cw20: project, description, marketing address and logo information.
    #[returns(cw20::MarketingInfoResponse)]
    MarketingInfo {},
    /// cw20: the embedded logo; an error when the logo is a URL or unset.
    #[returns(cw20::DownloadLogoResponse)]
    DownloadLogo {},
    /// Voting power of `address` at the start of block `height` (so a transfer in block h counts
    /// from h+1): its own liquid balance and (if they count) locked grants unless it delegated
    /// them away, plus everything delegated to it. Without `height`: the power now.
    #[returns(VotingPowerAtHeightResponse)]
    VotingPowerAtHeight {
        address: String,
        height: Option<u64>,
    },
    /// Sum of every account's voting power at the start of block `height` (now without it).
    #[returns(TotalPowerAtHeightResponse)]
    TotalPowerAtHeight { height: Option<u64> },
    /// The total voting power at the start of block `height` (now without it) less the power
    /// the `excluding` accounts held then (at most 30, no duplicates): the power that can vote
    /// when those accounts may not. Governance uses it to leave the suite's own contracts out
    /// of a proposal's total in one query.
    #[returns(TotalPowerAtHeightResponse)]
    TotalPowerExcluding {
        height: Option<u64>,
        excluding: Vec<String>,
    },
    /// The vesting grants of `address` that still hold tokens, oldest first, paginated by id.
    #[returns(VestingResponse)]
    Vesting {
        address: String,
        start_after: Option<u64>,
        limit: Option<u32>,
    },
    /// Supply accounting: total supply, minted, burned, locked, cap.
    #[returns(SupplyResponse)]
    Supply {},
    /// Whom `address` delegates its voting power to (itself when it never delegated).
    #[returns(DelegationResponse)]
    Delegation { address: String },
    /// The mint limit as it stands now (a pending change that is due shows as applied): the
    /// limit, what the current window minted and has left, when the window ends, and the
    /// pending change with the time it applies.
    #[returns(MintLimitResponse)]
    MintLimit {},
}

#[wire]
pub struct VotingPowerAtHeightResponse {
    /// Voting power, in token units.
    pub power: Uint128,
    /// The height the power was read at.
    pub height: u64,
}

#[wire]
pub struct TotalPowerAtHeightResponse {
    /// Total voting power, in token units.
    pub power: Uint128,
    /// The height the power was read at.
    pub height: u64,
}

/// One vesting grant as seen at query time.
#[wire]
pub struct GrantResponse {
    /// Id of the grant, unique across the token.
    pub grant_id: u64,
    /// When the grant unlocks.
    pub schedule: VestingSchedule,
    /// Amount granted (before any revocation).
    pub total: Uint128,
    /// Amount vested at query time (after a revocation: everything that had vested by then).
    pub vested: Uint128,
    /// Amount already moved into the grantee's balance.
    pub claimed: Uint128,
    /// Amount `claim_vested` would move now (`vested - claimed`).
    pub claimable: Uint128,
    /// Whether the minter may revoke the unvested part.
    pub revocable: bool,
    /// Whether the grant was revoked.
    pub revoked: bool,
    /// Block time of the revocation, if revoked.
    pub revoked_at: Option<Timestamp>,
    /// Unvested amount burned by the revocation.
    pub burned: Uint128,
}

#[wire]
pub struct VestingResponse {
    /// The grantee.
    pub address: Addr,
    /// Total still locked in the grantee's grants (granted, not yet claimed, not burned).
    pub locked: Uint128,
    /// One page of the grantee's open grants, oldest first.
    pub grants: Vec<GrantResponse>,
}

#[wire]
pub struct SupplyResponse {
    /// Tokens in existence: liquid balances plus locked grants (= minted - burned).
    pub total_supply: Uint128,
    /// Tokens ever minted, initial balances and grants included; never exceeds `cap`.
    pub minted_total: Uint128,
    /// Tokens ever burned, including the unvested part of revoked grants.
    pub burned_total: Uint128,
    /// Tokens locked in vesting grants (part of `total_supply`).
    pub locked_total: Uint128,
    /// Lifetime cap on `minted_total`, if any.
    pub cap: Option<Uint128>,
}

#[wire]
pub struct DelegationResponse {
    /// The account that votes with `address`'s power: `address` itself when it never delegated.
    pub delegatee: Addr,
}

/// A change of the mint limit that waits out the change delay.
#[wire]
pub struct PendingMintLimit {
    /// The limit that will be in force; `null`: the limit will be removed.
    pub mint_limit: Option<MintLimit>,
    /// Block time from which the change is in force (it applies by itself, no call needed).
    pub applies_at: Timestamp,
}

#[wire]
pub struct MintLimitResponse {
    /// The limit in force now; `null`: the minter is bound only by the cap.
    pub mint_limit: Option<MintLimit>,
    /// Tokens minted in the current window (zero without a limit). When a limit changes, what
    /// its window had minted carries over into the window of the new limit.
    pub minted_in_window: Uint128,
    /// What the minter may still mint before `window_end` (`null` without a limit). The
    /// lifetime cap may leave less.
    pub remaining: Option<Uint128>,
    /// Start of the current window (`null` without a limit).
    pub window_start: Option<Timestamp>,
    /// End of the current window, exclusive: from this time a new window starts with nothing
    /// minted (`null` without a limit).
    pub window_end: Option<Timestamp>,
    /// How long a loosening made now would wait, in seconds: the configured change delay, or
    /// the period of the limit in force when that is longer.
    pub change_delay_seconds: u64,
    /// The change that waits for its delay, if any.
    pub pending: Option<PendingMintLimit>,
}
