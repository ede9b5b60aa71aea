//! The reference contracts, built from their crates.io releases by
//! `scripts/build-reference.sh`, set up to do what the Commons operations do.

use commons_vm_tests::{artifact, Chain, Outcome};
use cosmwasm_std::to_json_binary;
use serde_json::{json, Value};

use crate::{measure, Measured, MEMBER_BALANCE};

pub const CW20: &str = "cw20-base 2.0";
pub const CW3: &str = "cw3-flex-multisig 2.0 + cw4-group 2.0";
pub const DAO_DAO: &str =
    "dao-proposal-single 2.6 + dao-dao-core + dao-voting-cw20-staked + cw20-stake";
pub const CW_VESTING: &str = "cw-vesting 2.6 (+ cw20-base 2.0 transfers)";
pub const REWARDS: &str = "dao-rewards-distributor 2.6 (+ cw20-base 2.0 transfer)";

fn exec(chain: &Chain, sender: &str, contract: &str, msg: Value) -> Outcome {
    chain
        .execute(&chain.addr(sender), contract, &msg, vec![])
        .unwrap_or_else(|e| panic!("{msg}: {e}"))
}

/// cw20-base 2.0 with `holders` holding `MEMBER_BALANCE` each; `minter` mints.
pub fn cw20(chain: &Chain, label: &str, holders: &[&str], minter: &str) -> String {
    let balances: Vec<_> = holders
        .iter()
        .map(|h| json!({"address": chain.addr(h), "amount": MEMBER_BALANCE.to_string()}))
        .collect();
    let msg = json!({"name": "Reference", "symbol": "REF", "decimals": 6,
        "initial_balances": balances, "mint": {"minter": minter, "cap": null}, "marketing": null});
    chain
        .instantiate(
            &artifact("reference/cw20-base"),
            label,
            &chain.addr("admin"),
            &msg,
        )
        .unwrap()
        .0
}

/// The same governance story on cw3-flex-multisig 2.0 over a cw4-group 2.0 with the members'
/// weights in the same proportion: propose (cw3 also records the proposer's yes vote), bob's
/// vote, execute. Counted: the multisig's calls and its queries to the group.
pub fn cw3_ops() -> Vec<Measured> {
    let chain = Chain::new();
    let members: Vec<_> = ["alice", "bob", "carol"]
        .iter()
        .map(|m| json!({"addr": chain.addr(m), "weight": 1}))
        .collect();
    let group = chain
        .instantiate(
            &artifact("reference/cw4-group"),
            "group",
            &chain.addr("admin"),
            &json!({"admin": null, "members": members}),
        )
        .unwrap()
        .0;
    let multisig_addr = chain.addr("multisig");
    let token = cw20(&chain, "ref-token", &[], &multisig_addr);
    let init = json!({"group_addr": group, "threshold": {"absolute_percentage": {"percentage": "0.5"}},
        "max_voting_period": {"time": 1000}, "executor": null, "proposal_deposit": null});
    let multisig = chain
        .instantiate(
            &artifact("reference/cw3-flex-multisig"),
            "multisig",
            &chain.addr("admin"),
            &init,
        )
        .unwrap()
        .0;
    assert_eq!(multisig, multisig_addr);
    chain.next_block(5);
    let mint =
        to_json_binary(&json!({"mint": {"recipient": chain.addr("eve"), "amount": "10"}})).unwrap();
    let propose = json!({"propose": {"title": "Mint to eve", "description": "One mint action.",
        "msgs": [{"wasm": {"execute": {"contract_addr": token, "msg": mint, "funds": []}}}],
        "latest": null}});
    let p = exec(&chain, "alice", &multisig, propose);
    let v = exec(
        &chain,
        "bob",
        &multisig,
        json!({"vote": {"proposal_id": 1, "vote": "yes"}}),
    );
    let e = exec(
        &chain,
        "anyone",
        &multisig,
        json!({"execute": {"proposal_id": 1}}),
    );
    let two = json!({"propose": {"title": "Mint twice", "description": "Two mint actions.",
        "msgs": [{"wasm": {"execute": {"contract_addr": token, "msg": mint, "funds": []}}},
            {"wasm": {"execute": {"contract_addr": token, "msg": mint, "funds": []}}}],
        "latest": null}});
    exec(&chain, "alice", &multisig, two);
    exec(
        &chain,
        "bob",
        &multisig,
        json!({"vote": {"proposal_id": 2, "vote": "yes"}}),
    );
    let e2 = exec(
        &chain,
        "anyone",
        &multisig,
        json!({"execute": {"proposal_id": 2}}),
    );
    let names = [
        (multisig.as_str(), "cw3-flex-multisig"),
        (group.as_str(), "cw4-group"),
        (token.as_str(), "cw20"),
    ];
    let only: &[&str] = &[&multisig];
    vec![
        measure("governance propose", &[&p], &names, Some(only)),
        measure("governance vote", &[&v], &names, Some(only)),
        measure("governance execute", &[&e], &names, Some(only)),
        measure("governance execute (2 actions)", &[&e2], &names, Some(only)),
    ]
}

/// A DAO DAO 2.6 DAO: a cw20 (cw20-base 2.0) staked in cw20-stake 2.6 by alice, bob and carol
/// (`MEMBER_BALANCE` each), dao-voting-cw20-staked as the voting module, dao-proposal-single as
/// the proposal module (anyone may propose, 50% absolute threshold), all created by
/// dao-dao-core's instantiate, as a DAO DAO deployment does.
pub struct DaoDao {
    pub chain: Chain,
    pub token: String,
    pub staking: String,
    pub voting: String,
    pub core: String,
    pub proposals: String,
}

impl DaoDao {
    fn names(&self) -> [(&str, &str); 5] {
        [
            (&self.proposals, "dao-proposal-single"),
            (&self.core, "dao-dao-core"),
            (&self.voting, "dao-voting-cw20-staked"),
            (&self.staking, "cw20-stake"),
            (&self.token, "cw20"),
        ]
    }
}

pub fn dao_dao() -> DaoDao {
    let chain = Chain::new();
    let core_addr = chain.addr("dao-core");
    let token = cw20(&chain, "ref-token", &["alice", "bob", "carol"], &core_addr);
    let staking = chain
        .instantiate(
            &artifact("reference/cw20-stake"),
            "staking",
            &chain.addr("admin"),
            &json!({"owner": core_addr, "token_address": token, "unstaking_duration": null}),
        )
        .unwrap()
        .0;
    let stake = to_json_binary(&json!({"stake": {}})).unwrap();
    for member in ["alice", "bob", "carol"] {
        exec(
            &chain,
            member,
            &token,
            json!({"send": {"contract": staking, "amount": MEMBER_BALANCE.to_string(), "msg": stake}}),
        );
    }
    let voting_code = chain.store_code(artifact("reference/dao-voting-cw20-staked"));
    let proposal_code = chain.store_code(artifact("reference/dao-proposal-single"));
    let voting_msg = json!({"token_info": {"existing": {"address": token,
        "staking_contract": {"existing": {"staking_contract_address": staking}}}},
        "active_threshold": null});
    let proposal_msg = json!({"threshold": {"absolute_percentage": {"percentage": {"percent": "0.5"}}},
        "max_voting_period": {"time": 1000}, "min_voting_period": null,
        "only_members_execute": false, "allow_revoting": false,
        "pre_propose_info": {"anyone_may_propose": {}},
        "close_proposal_on_execution_failure": true, "veto": null});
    let init = json!({"admin": null, "name": "Reference DAO", "description": "DAO DAO 2.6",
        "image_url": null, "automatically_add_cw20s": true, "automatically_add_cw721s": true,
        "voting_module_instantiate_info": {"code_id": voting_code,
            "msg": to_json_binary(&voting_msg).unwrap(), "admin": {"core_module": {}},
            "funds": [], "label": "voting"},
        "proposal_modules_instantiate_info": [{"code_id": proposal_code,
            "msg": to_json_binary(&proposal_msg).unwrap(), "admin": {"core_module": {}},
            "funds": [], "label": "proposals"}],
        "initial_items": null, "dao_uri": null});
    let core = chain
        .instantiate(
            &artifact("reference/dao-dao-core"),
            "dao-core",
            &chain.addr("admin"),
            &init,
        )
        .unwrap()
        .0;
    assert_eq!(core, core_addr);
    let voting: String = chain.query(&core, &json!({"voting_module": {}})).unwrap();
    let modules: Vec<Value> = chain
        .query(
            &core,
            &json!({"proposal_modules": {"start_after": null, "limit": null}}),
        )
        .unwrap();
    let proposals = modules[0]["address"].as_str().unwrap().to_string();
    chain.next_block(5);
    DaoDao {
        chain,
        token,
        staking,
        voting,
        core,
        proposals,
    }
}

/// propose (one mint, executed by the core), alice's vote, bob's vote (which passes it),
/// execute. Counted: the proposal module's and the core's calls (the core runs the proposal's
/// messages) and every query they make (voting module, cw20-stake).
pub fn dao_dao_ops() -> Vec<Measured> {
    let d = dao_dao();
    let c = &d.chain;
    let mint =
        to_json_binary(&json!({"mint": {"recipient": c.addr("eve"), "amount": "10"}})).unwrap();
    let propose = json!({"propose": {"title": "Mint to eve", "description": "One mint action.",
        "msgs": [{"wasm": {"execute": {"contract_addr": d.token, "msg": mint, "funds": []}}}],
        "proposer": null, "vote": null}});
    let p = exec(c, "alice", &d.proposals, propose);
    let vote = json!({"vote": {"proposal_id": 1, "vote": "yes", "rationale": null}});
    let v = exec(c, "alice", &d.proposals, vote.clone());
    exec(c, "bob", &d.proposals, vote);
    c.next_block(100);
    let e = exec(
        c,
        "anyone",
        &d.proposals,
        json!({"execute": {"proposal_id": 1}}),
    );
    let two = json!({"propose": {"title": "Mint twice", "description": "Two mint actions.",
        "msgs": [{"wasm": {"execute": {"contract_addr": d.token, "msg": mint, "funds": []}}},
            {"wasm": {"execute": {"contract_addr": d.token, "msg": mint, "funds": []}}}],
        "proposer": null, "vote": null}});
    exec(c, "alice", &d.proposals, two);
    for voter in ["alice", "bob"] {
        let vote = json!({"vote": {"proposal_id": 2, "vote": "yes", "rationale": null}});
        exec(c, voter, &d.proposals, vote);
    }
    c.next_block(100);
    let e2 = exec(
        c,
        "anyone",
        &d.proposals,
        json!({"execute": {"proposal_id": 2}}),
    );
    let names = d.names();
    let system: &[&str] = &[&d.proposals, &d.core];
    vec![
        measure("governance propose", &[&p], &names, Some(system)),
        measure("governance vote", &[&v], &names, Some(system)),
        measure("governance execute", &[&e], &names, Some(system)),
        measure(
            "governance execute (2 actions)",
            &[&e2],
            &names,
            Some(system),
        ),
    ]
}

/// A vesting grant as DAO DAO makes one: a cw-vesting 2.6 contract instantiated for carol
/// (1,000 tokens over 1,000 s, linear, no cliff), funded by a cw20 `send`; 500 s later carol's
/// vested half is paid out by `distribute`. Counted: the whole transactions (instantiate, and
/// the cw20 send with the contract's receive; distribute with the cw20 transfer it sends).
pub fn cw_vesting_ops() -> Vec<Measured> {
    let chain = Chain::new();
    let token = cw20(&chain, "ref-token", &["minter"], &chain.addr("minter"));
    let init = json!({"owner": chain.addr("minter"), "recipient": chain.addr("carol"),
        "title": "grant", "description": null, "total": "1000", "denom": {"cw20": token},
        "schedule": "saturating_linear", "start_time": null, "vesting_duration_seconds": 1000,
        "unbonding_duration_seconds": 0});
    let (vesting, created) = chain
        .instantiate(
            &artifact("reference/cw-vesting"),
            "vesting",
            &chain.addr("minter"),
            &init,
        )
        .unwrap();
    let fund = to_json_binary(&json!({"fund": {}})).unwrap();
    let funded = exec(
        &chain,
        "minter",
        &token,
        json!({"send": {"contract": vesting, "amount": "1000", "msg": fund}}),
    );
    chain.next_block(500);
    let claim = exec(
        &chain,
        "carol",
        &vesting,
        json!({"distribute": {"amount": null}}),
    );
    let names = [(vesting.as_str(), "cw-vesting"), (token.as_str(), "cw20")];
    vec![
        measure("vesting grant", &[&created, &funded], &names, None),
        measure("vesting claim", &[&claim], &names, None),
    ]
}

/// dao-rewards-distributor 2.6 paying the DAO DAO DAO's stakers by voting power: a cw20
/// distribution with immediate emission, hooked to cw20-stake, funded with 1,000 tokens; then
/// alice claims. Counted: the whole claim transaction (with the cw20 transfer it sends).
pub fn rewards_ops() -> Vec<Measured> {
    let d = dao_dao();
    let c = &d.chain;
    let distributor = c
        .instantiate(
            &artifact("reference/dao-rewards-distributor"),
            "distributor",
            &d.core,
            &json!({"owner": d.core}),
        )
        .unwrap()
        .0;
    exec(
        c,
        "dao-core",
        &d.staking,
        json!({"add_hook": {"addr": distributor}}),
    );
    let create = json!({"create": {"denom": {"cw20": d.token},
        "emission_rate": {"immediate": {}}, "vp_contract": d.voting, "hook_caller": d.staking,
        "open_funding": true, "withdraw_destination": null}});
    exec(c, "dao-core", &distributor, create);
    // the treasury of the reference DAO: the core holds the reward tokens (minted by a proposal
    // in a real DAO; minted directly here since the core is the minter)
    exec(
        c,
        "dao-core",
        &d.token,
        json!({"mint": {"recipient": d.core, "amount": "1000"}}),
    );
    let fund = to_json_binary(&json!({"fund": {"id": 1}})).unwrap();
    exec(
        c,
        "dao-core",
        &d.token,
        json!({"send": {"contract": distributor, "amount": "1000", "msg": fund}}),
    );
    c.next_block(5);
    let claim = exec(c, "alice", &distributor, json!({"claim": {"id": 1}}));
    let mut names = d.names().to_vec();
    names.push((&distributor, "dao-rewards-distributor"));
    vec![measure("reward claim", &[&claim], &names, None)]
}
