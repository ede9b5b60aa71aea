//! A strategy of every `CosmosMsg<Empty>` variant this build of cosmwasm-std has (those of
//! the `staking` and `stargate` features when they are on), with every optional field both
//! given and left out.

use cosmwasm_std::{AnyMsg, BankMsg, Coin, CosmosMsg, Empty, WasmMsg};
use proptest::collection::vec;
use proptest::option::of;
use proptest::prelude::*;

use super::{amount, binary, text};

fn coin() -> BoxedStrategy<Coin> {
    (text(), amount())
        .prop_map(|(denom, amount)| Coin { denom, amount })
        .boxed()
}

fn coins() -> BoxedStrategy<Vec<Coin>> {
    vec(coin(), 0..3).boxed()
}

fn bank() -> BoxedStrategy<CosmosMsg> {
    prop_oneof![
        (text(), coins())
            .prop_map(|(to_address, amount)| BankMsg::Send { to_address, amount }.into()),
        coins().prop_map(|amount| BankMsg::Burn { amount }.into()),
    ]
    .boxed()
}

fn wasm() -> BoxedStrategy<CosmosMsg> {
    let execute =
        (text(), binary(), coins()).prop_map(|(contract_addr, msg, funds)| WasmMsg::Execute {
            contract_addr,
            msg,
            funds,
        });
    let instantiate = (of(text()), any::<u64>(), binary(), coins(), text()).prop_map(
        |(admin, code_id, msg, funds, label)| WasmMsg::Instantiate {
            admin,
            code_id,
            msg,
            funds,
            label,
        },
    );
    let instantiate2 = (
        of(text()),
        any::<u64>(),
        text(),
        binary(),
        coins(),
        binary(),
    )
        .prop_map(
            |(admin, code_id, label, msg, funds, salt)| WasmMsg::Instantiate2 {
                admin,
                code_id,
                label,
                msg,
                funds,
                salt,
            },
        );
    let migrate = (text(), any::<u64>(), binary()).prop_map(|(contract_addr, new_code_id, msg)| {
        WasmMsg::Migrate {
            contract_addr,
            new_code_id,
            msg,
        }
    });
    let update_admin = (text(), text()).prop_map(|(contract_addr, admin)| WasmMsg::UpdateAdmin {
        contract_addr,
        admin,
    });
    let clear_admin = text().prop_map(|contract_addr| WasmMsg::ClearAdmin { contract_addr });
    prop_oneof![
        execute,
        instantiate,
        instantiate2,
        migrate,
        update_admin,
        clear_admin
    ]
    .prop_map(CosmosMsg::Wasm)
    .boxed()
}

fn any_msg() -> BoxedStrategy<CosmosMsg> {
    (text(), binary())
        .prop_map(|(type_url, value)| CosmosMsg::Any(AnyMsg { type_url, value }))
        .boxed()
}

#[cfg(not(feature = "staking"))]
fn staking() -> BoxedStrategy<CosmosMsg> {
    bank()
}

#[cfg(feature = "staking")]
fn staking() -> BoxedStrategy<CosmosMsg> {
    use cosmwasm_std::{DistributionMsg, StakingMsg};
    prop_oneof![
        (text(), coin())
            .prop_map(|(validator, amount)| StakingMsg::Delegate { validator, amount }.into()),
        (text(), coin()).prop_map(|(validator, amount)| StakingMsg::Undelegate {
            validator,
            amount
        }
        .into()),
        (text(), text(), coin()).prop_map(|(src_validator, dst_validator, amount)| {
            StakingMsg::Redelegate {
                src_validator,
                dst_validator,
                amount,
            }
            .into()
        }),
        text().prop_map(|address| DistributionMsg::SetWithdrawAddress { address }.into()),
        text().prop_map(|validator| DistributionMsg::WithdrawDelegatorReward { validator }.into()),
        coins().prop_map(|amount| DistributionMsg::FundCommunityPool { amount }.into()),
    ]
    .boxed()
}

#[cfg(not(feature = "stargate"))]
fn stargate() -> BoxedStrategy<CosmosMsg> {
    any_msg()
}

#[cfg(feature = "stargate")]
#[allow(deprecated)]
fn stargate() -> BoxedStrategy<CosmosMsg> {
    use cosmwasm_std::{
        Decimal, GovMsg, IbcMsg, IbcTimeout, IbcTimeoutBlock, Timestamp, VoteOption,
        WeightedVoteOption,
    };
    let block = (any::<u64>(), any::<u64>())
        .prop_map(|(revision, height)| IbcTimeoutBlock { revision, height });
    let timeout = prop_oneof![
        block.clone().prop_map(IbcTimeout::with_block),
        any::<u64>().prop_map(|t| IbcTimeout::with_timestamp(Timestamp::from_nanos(t))),
        (block, any::<u64>()).prop_map(|(b, t)| IbcTimeout::with_both(b, Timestamp::from_nanos(t))),
    ];
    let option = prop_oneof![
        Just(VoteOption::Yes),
        Just(VoteOption::No),
        Just(VoteOption::Abstain),
        Just(VoteOption::NoWithVeto),
    ];
    prop_oneof![
        (text(), text(), coin(), timeout.clone(), of(text())).prop_map(
            |(channel_id, to_address, amount, timeout, memo)| IbcMsg::Transfer {
                channel_id,
                to_address,
                amount,
                timeout,
                memo,
            }
            .into()
        ),
        (text(), binary(), timeout).prop_map(|(channel_id, data, timeout)| {
            IbcMsg::SendPacket {
                channel_id,
                data,
                timeout,
            }
            .into()
        }),
        text().prop_map(|channel_id| IbcMsg::CloseChannel { channel_id }.into()),
        (any::<u64>(), option.clone()).prop_map(|(proposal_id, option)| GovMsg::Vote {
            proposal_id,
            option
        }
        .into()),
        (any::<u64>(), vec((option, any::<u128>()), 0..3)).prop_map(|(proposal_id, options)| {
            let options = options
                .into_iter()
                .map(|(option, w)| WeightedVoteOption {
                    option,
                    weight: Decimal::raw(w),
                })
                .collect();
            GovMsg::VoteWeighted {
                proposal_id,
                options,
            }
            .into()
        }),
        (text(), binary()).prop_map(|(type_url, value)| CosmosMsg::Stargate { type_url, value }),
    ]
    .boxed()
}

/// Any chain message.
pub fn cosmos_msg() -> BoxedStrategy<CosmosMsg> {
    prop_oneof![
        bank(),
        Just(CosmosMsg::Custom(Empty {})),
        any_msg(),
        wasm(),
        staking(),
        stargate(),
    ]
    .boxed()
}
