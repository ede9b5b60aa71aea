//! A settlement that cannot be delivered: a cw20 deposit token whose transfers can be frozen
//! (a token with a blocklist or a pause switch). `close` still succeeds, the deposit stays
//! held and undelivered, and `claim_deposit` delivers it once the token moves again.

use super::*;
use commons::asset::{Asset, AssetInfo, AssetInfoUnchecked};
use commons::governance::{DepositConfigUnchecked, ReceiveMsg, RefundPolicy};
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{
    to_json_binary, Binary, Deps, DepsMut, Env, MessageInfo, Response, StdError, StdResult,
};
use cw20::Cw20ReceiveMsg;
use cw_multi_test::ContractWrapper;
use cw_storage_plus::{Item, Map};

const BALANCES: Map<&Addr, Uint128> = Map::new("balance");
const FROZEN: Item<bool> = Item::new("frozen");
const FEE: u128 = 50;

#[cw_serde]
enum FrozenMsg {
    Send {
        contract: String,
        amount: Uint128,
        msg: Binary,
    },
    Transfer {
        recipient: String,
        amount: Uint128,
    },
    Freeze {
        frozen: bool,
    },
}

#[cw_serde]
enum FrozenQuery {
    Balance { address: String },
}

#[cw_serde]
struct FrozenInit {
    holders: Vec<(String, Uint128)>,
}

fn move_tokens(deps: DepsMut, from: &Addr, to: &Addr, amount: Uint128) -> StdResult<()> {
    let have = BALANCES.may_load(deps.storage, from)?.unwrap_or_default();
    BALANCES.save(deps.storage, from, &have.checked_sub(amount)?)?;
    let to_have = BALANCES.may_load(deps.storage, to)?.unwrap_or_default();
    BALANCES.save(deps.storage, to, &(to_have + amount))
}

fn init(deps: DepsMut, _: Env, _: MessageInfo, msg: FrozenInit) -> StdResult<Response> {
    for (holder, amount) in msg.holders {
        BALANCES.save(deps.storage, &Addr::unchecked(holder), &amount)?;
    }
    FROZEN.save(deps.storage, &false)?;
    Ok(Response::new())
}

fn exec(deps: DepsMut, _: Env, info: MessageInfo, msg: FrozenMsg) -> StdResult<Response> {
    match msg {
        FrozenMsg::Send {
            contract,
            amount,
            msg,
        } => {
            let to = Addr::unchecked(&contract);
            move_tokens(deps, &info.sender, &to, amount)?;
            let hook = Cw20ReceiveMsg {
                sender: info.sender.to_string(),
                amount,
                msg,
            };
            Ok(Response::new().add_message(hook.into_cosmos_msg(contract)?))
        }
        FrozenMsg::Transfer { recipient, amount } => {
            if FROZEN.load(deps.storage)? {
                return Err(StdError::generic_err("transfers are frozen"));
            }
            move_tokens(deps, &info.sender, &Addr::unchecked(recipient), amount)?;
            Ok(Response::new())
        }
        FrozenMsg::Freeze { frozen } => {
            FROZEN.save(deps.storage, &frozen)?;
            Ok(Response::new())
        }
    }
}

fn query(deps: Deps, _: Env, msg: FrozenQuery) -> StdResult<Binary> {
    let FrozenQuery::Balance { address } = msg;
    let balance = BALANCES
        .may_load(deps.storage, &Addr::unchecked(address))?
        .unwrap_or_default();
    to_json_binary(&cw20::BalanceResponse { balance })
}

/// Governance whose deposit is `FEE` of the freezable token (refunded under `refund`); alice
/// holds 1_000 of it.
fn suite(refund: RefundPolicy) -> (Suite, Addr) {
    let mut s = Suite::with_treasury(|_| {});
    let code = s
        .app
        .store_code(Box::new(ContractWrapper::new(exec, init, query)));
    let alice = s.addr("alice");
    let init = FrozenInit {
        holders: vec![(alice.to_string(), Uint128::new(1_000))],
    };
    let token = s
        .app
        .instantiate_contract(code, alice, &init, &[], "frozen", None)
        .unwrap();
    let deposit = commons::governance::DepositChange::Set(DepositConfigUnchecked {
        asset_info: AssetInfoUnchecked::Cw20(token.to_string()),
        amount: Uint128::new(FEE),
        refund,
    });
    let update = ExecuteMsg::UpdateConfig(Box::new(commons::governance::UpdateConfigMsg {
        proposal_deposit: Some(deposit),
        ..Default::default()
    }));
    let gov = s.gov.clone();
    s.app
        .execute_contract(gov.clone(), gov, &update, &[])
        .unwrap();
    (s, token)
}

fn propose(s: &mut Suite, token: &Addr) -> u64 {
    let alice = s.addr("alice");
    let propose = ReceiveMsg::Propose {
        title: "t".into(),
        description: String::new(),
        actions: vec![],
    };
    let send = FrozenMsg::Send {
        contract: s.gov.to_string(),
        amount: Uint128::new(FEE),
        msg: to_json_binary(&propose).unwrap(),
    };
    let res = s
        .app
        .execute_contract(alice, token.clone(), &send, &[])
        .unwrap();
    attr(&res, "proposal_id").unwrap().parse().unwrap()
}

fn freeze(s: &mut Suite, token: &Addr, frozen: bool) {
    let alice = s.addr("alice");
    s.app
        .execute_contract(alice, token.clone(), &FrozenMsg::Freeze { frozen }, &[])
        .unwrap();
}

fn balance_of(s: &Suite, token: &Addr, who: &Addr) -> u128 {
    let res: cw20::BalanceResponse = s
        .app
        .wrap()
        .query_wasm_smart(
            token,
            &FrozenQuery::Balance {
                address: who.to_string(),
            },
        )
        .unwrap();
    res.balance.u128()
}

#[test]
fn an_undeliverable_refund_never_blocks_close_and_is_claimed_later() {
    let (mut s, token) = suite(RefundPolicy::Always);
    let (alice, gov) = (s.addr("alice"), s.gov.clone());
    let id = propose(&mut s, &token);
    s.vote("alice", id, Vote::No).unwrap();
    s.vote("bob", id, Vote::No).unwrap();
    freeze(&mut s, &token, true);
    let res = s
        .exec("anyone", &ExecuteMsg::Close { proposal_id: id })
        .unwrap();
    assert_eq!(attr(&res, "closed_as").as_deref(), Some("rejected"));
    assert!(res
        .events
        .iter()
        .flat_map(|e| e.attributes.iter())
        .any(|a| a.key == "action" && a.value == "deposit_undelivered"));
    let asset = Asset {
        info: AssetInfo::Cw20(token.clone()),
        amount: Uint128::new(FEE),
    };
    let p = s.proposal(id);
    assert_eq!(
        (p.status, p.deposit_undelivered),
        (Status::Closed, Some(asset))
    );
    assert_eq!(balance_of(&s, &token, &gov), FEE);
    // only the proposer claims a refund, and only once the token moves again
    let err = s.exec_err("bob", &ExecuteMsg::ClaimDeposit { proposal_id: id });
    assert_eq!(err, ContractError::NotProposer { proposal_id: id });
    assert!(s
        .exec("alice", &ExecuteMsg::ClaimDeposit { proposal_id: id })
        .is_err());
    assert_eq!(
        s.proposal(id).deposit_undelivered.map(|a| a.amount.u128()),
        Some(FEE)
    );
    freeze(&mut s, &token, false);
    s.exec("alice", &ExecuteMsg::ClaimDeposit { proposal_id: id })
        .unwrap();
    assert_eq!(balance_of(&s, &token, &alice), 1_000);
    assert_eq!(balance_of(&s, &token, &gov), 0);
    assert_eq!(s.proposal(id).deposit_undelivered, None);
    let err = s.exec_err("alice", &ExecuteMsg::ClaimDeposit { proposal_id: id });
    assert_eq!(err, ContractError::NoUndeliveredDeposit { proposal_id: id });
}

#[test]
fn an_undeliverable_forfeit_never_blocks_execute_and_anyone_completes_it() {
    let (mut s, token) = suite(RefundPolicy::Never);
    let treasury = s.treasury.clone().unwrap();
    let id = propose(&mut s, &token);
    let at = s.pass(id);
    s.go_to(at);
    freeze(&mut s, &token, true);
    // the treasury does not accept this token: the forfeit is a plain transfer, which fails
    s.execute_proposal(id).unwrap();
    assert_eq!(s.status(id), Status::Executed);
    assert!(s.proposal(id).deposit_undelivered.is_some());
    freeze(&mut s, &token, false);
    s.exec("bob", &ExecuteMsg::ClaimDeposit { proposal_id: id })
        .unwrap();
    assert_eq!(balance_of(&s, &token, &treasury), FEE);
}
