//! Proptest strategies of the test types.

use cosmwasm_std::{Addr, Binary, Decimal, Timestamp, Uint128, Uint256, Uint64};
use proptest::collection::vec;
use proptest::prelude::*;

use super::*;

/// `default` proptest cases, or `PROPTEST_CASES` when it is set (to scale the runs up).
pub fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

pub fn text() -> BoxedStrategy<String> {
    prop_oneof![
        3 => "[a-z0-9_]{0,10}",
        1 => any::<String>(),
        1 => "[\"\\\\\n\t\u{1}\u{7f} é/]{0,6}",
    ]
    .boxed()
}

pub fn amount() -> BoxedStrategy<Uint128> {
    prop_oneof![
        any::<u64>().prop_map(|n| Uint128::new(n.into())),
        any::<u128>().prop_map(Uint128::new),
    ]
    .boxed()
}

pub fn decimal() -> BoxedStrategy<Decimal> {
    prop_oneof![
        (0u64..1_000_000).prop_map(Decimal::permille),
        any::<u128>().prop_map(Decimal::raw),
    ]
    .boxed()
}

pub fn timestamp() -> BoxedStrategy<Timestamp> {
    any::<u64>().prop_map(Timestamp::from_nanos).boxed()
}

pub fn binary() -> BoxedStrategy<Binary> {
    vec(any::<u8>(), 0..40).prop_map(Binary::new).boxed()
}

fn asset_info() -> BoxedStrategy<AssetInfo> {
    prop_oneof![
        text().prop_map(AssetInfo::Native),
        text().prop_map(AssetInfo::Cw20)
    ]
    .boxed()
}

fn asset() -> BoxedStrategy<Asset> {
    (asset_info(), amount())
        .prop_map(|(info, amount)| Asset { info, amount })
        .boxed()
}

fn threshold() -> BoxedStrategy<Threshold> {
    prop_oneof![
        any::<u64>().prop_map(|weight| Threshold::AbsoluteCount { weight }),
        decimal().prop_map(|percentage| Threshold::AbsolutePercentage { percentage }),
        (decimal(), decimal())
            .prop_map(|(threshold, quorum)| Threshold::ThresholdQuorum { threshold, quorum }),
    ]
    .boxed()
}

fn deposit_change() -> BoxedStrategy<DepositChange> {
    let refund = prop_oneof![
        Just(RefundPolicy::Always),
        Just(RefundPolicy::OnlyPassed),
        Just(RefundPolicy::Never)
    ];
    prop_oneof![
        Just(DepositChange::Remove),
        (asset_info(), amount(), refund).prop_map(|(asset_info, amount, refund)| {
            DepositChange::Set(Deposit {
                asset_info,
                amount,
                refund,
            })
        }),
    ]
    .boxed()
}

pub fn update_config() -> BoxedStrategy<UpdateConfig> {
    (
        (
            proptest::option::of(any::<u64>()),
            proptest::option::of(threshold()),
            proptest::option::of(any::<bool>()),
            proptest::option::of(deposit_change()),
        ),
        (
            proptest::option::of(amount()),
            proptest::option::of(any::<u32>()),
            proptest::option::of(any::<u16>()),
            proptest::option::of(text()),
            proptest::option::of(vec(asset_info(), 0..3)),
        ),
    )
        .prop_map(|((a, b, c, d), (e, f, g, h, i))| UpdateConfig {
            voting_period_seconds: a,
            threshold: b,
            allow_revoting: c,
            proposal_deposit: d,
            min_proposer_power: e,
            max_actions: f,
            fee_bps: g,
            guardian: h,
            accepted_assets: i,
        })
        .boxed()
}

pub fn action() -> BoxedStrategy<Action> {
    prop_oneof![
        (text(), asset(), proptest::option::of(text())).prop_map(|(recipient, asset, memo)| {
            Action::TreasurySpend {
                recipient,
                asset,
                memo,
            }
        }),
        (text(), asset(), binary(), proptest::option::of(text())).prop_map(
            |(contract, asset, msg, memo)| Action::TreasurySpendToContract {
                contract,
                asset,
                msg,
                memo,
            }
        ),
        (
            text(),
            asset_info(),
            amount(),
            any::<u64>(),
            proptest::option::of(timestamp())
        )
            .prop_map(
                |(spender, asset_info, amount_per_period, period_seconds, expires)| {
                    Action::TreasurySetBudget {
                        spender,
                        asset_info,
                        amount_per_period,
                        period_seconds,
                        expires,
                    }
                }
            ),
        text().prop_map(|spender| Action::TreasuryRevokeBudget { spender }),
        (
            text(),
            amount(),
            timestamp(),
            any::<u64>(),
            any::<u64>(),
            any::<bool>()
        )
            .prop_map(
                |(recipient, amount, start_time, cliff_seconds, duration_seconds, revocable)| {
                    Action::TokenMintVesting {
                        recipient,
                        amount,
                        schedule: Schedule {
                            start_time,
                            cliff_seconds,
                            duration_seconds,
                        },
                        revocable,
                    }
                }
            ),
        update_config().prop_map(|c| Action::UpdateGovernanceConfig(Box::new(c))),
        vec(cosmos_msg(), 0..3).prop_map(|msgs| Action::Custom { msgs }),
    ]
    .boxed()
}

pub fn execute_msg() -> BoxedStrategy<ExecuteMsg> {
    let vote = prop_oneof![
        Just(Vote::Yes),
        Just(Vote::No),
        Just(Vote::Abstain),
        Just(Vote::Veto)
    ];
    prop_oneof![
        (text(), text(), vec(action(), 0..4)).prop_map(|(title, description, actions)| {
            ExecuteMsg::Propose {
                title,
                description,
                actions,
            }
        }),
        (any::<u64>(), vote, proptest::option::of(text())).prop_map(
            |(proposal_id, vote, rationale)| ExecuteMsg::Vote {
                proposal_id,
                vote,
                rationale,
            }
        ),
        vec(any::<u64>(), 0..5)
            .prop_map(|proposal_ids| ExecuteMsg::ClaimVoteRewards { proposal_ids }),
        update_config().prop_map(|c| ExecuteMsg::UpdateConfig(Box::new(c))),
        (text(), amount(), binary()).prop_map(|(sender, amount, msg)| ExecuteMsg::Receive(
            Receive {
                sender,
                amount,
                msg
            }
        )),
        any::<u64>().prop_map(|proposal_id| ExecuteMsg::Execute { proposal_id }),
    ]
    .boxed()
}

pub fn query_msg() -> BoxedStrategy<QueryMsg> {
    prop_oneof![
        Just(QueryMsg::Config {}),
        Just(QueryMsg::Threshold {}),
        (
            proptest::option::of(any::<u64>()),
            proptest::option::of(any::<u32>())
        )
            .prop_map(|(start_after, limit)| QueryMsg::ListProposals { start_after, limit }),
        (text(), proptest::option::of(any::<u64>()))
            .prop_map(|(address, height)| QueryMsg::VotingPower { address, height }),
    ]
    .boxed()
}

pub fn widths() -> BoxedStrategy<Widths> {
    (
        (
            any::<u8>(),
            any::<u16>(),
            any::<u32>(),
            any::<u64>(),
            any::<u64>(),
        ),
        (amount(), any::<[u8; 32]>(), decimal(), timestamp(), text()),
        (
            any::<bool>(),
            binary(),
            vec(proptest::option::of(any::<u8>()), 0..4),
        ),
    )
        .prop_map(|((a, b, c, d, e), (f, g, h, i, j), (k, l, m))| Widths {
            small: a,
            medium: b,
            large: c,
            huge: d,
            as_string: Uint64::new(e),
            amount: f,
            wide: Uint256::from_be_bytes(g),
            ratio: h,
            at: i,
            owner: Addr::unchecked(j),
            flag: k,
            data: l,
            items: m,
        })
        .boxed()
}
