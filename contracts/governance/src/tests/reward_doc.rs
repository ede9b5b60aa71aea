//! The worked example of docs/dao-members.md ("A worked example"), run as it is written: the
//! settings from its JSON block, the members, votes and rewards from its table. The page and
//! the contract cannot drift apart.

use super::rewards::{claim_err, claimable_at, claimed, minted};
use super::*;

const PAGE: &str = include_str!("../../../../docs/dao-members.md");

/// One row of the example's table: a member, its power, its vote on each proposal, and the
/// reward the page says it earns.
struct Row {
    member: String,
    power: u128,
    votes: Vec<Option<Vote>>,
    reward: u128,
}

/// The example's section of the page.
fn section() -> &'static str {
    let start = PAGE
        .find("### A worked example")
        .expect("the page has a worked example");
    let rest = &PAGE[start + 1..];
    let end = rest.find("\n#").map_or(rest.len(), |e| e + 1);
    &rest[..end]
}

/// The `update_governance_config` action the example sets its rewards with.
fn action() -> ProposalAction {
    let body = section()
        .split("```json governance::ProposalAction\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("the example has its settings as a JSON block");
    cosmwasm_std::from_json(body).expect("the settings parse")
}

fn vote(cell: &str) -> Option<Vote> {
    match cell {
        "" => None,
        "yes" => Some(Vote::Yes),
        "no" => Some(Vote::No),
        "abstain" => Some(Vote::Abstain),
        "veto" => Some(Vote::Veto),
        other => panic!("unknown vote {other:?} in the example's table"),
    }
}

/// The table's rows (header and separator left out), and its `total` row's reward.
fn table() -> (Vec<Row>, u128) {
    let cells = |line: &str| -> Vec<String> {
        line.trim()
            .trim_matches('|')
            .split('|')
            .map(|c| c.trim().to_string())
            .collect()
    };
    let mut lines = section().lines().filter(|l| l.starts_with('|'));
    let header = cells(lines.next().expect("the example has a table"));
    assert_eq!(header.first().map(String::as_str), Some("member"));
    let mut rows = vec![];
    let mut total = None;
    for line in lines.skip(1) {
        let c = cells(line);
        let reward = c.last().unwrap().parse().unwrap();
        if c[0] == "total" {
            total = Some(reward);
            continue;
        }
        rows.push(Row {
            member: c[0].clone(),
            power: c[1].parse().unwrap(),
            votes: c[2..c.len() - 1].iter().map(|v| vote(v)).collect(),
            reward,
        });
    }
    (rows, total.expect("the table has a total row"))
}

#[test]
fn the_worked_example_pays_what_the_page_says() {
    let ProposalAction::UpdateGovernanceConfig(update) = action() else {
        panic!("the example's settings are an update_governance_config action");
    };
    let Some(commons::governance::RewardsChange::Set(rewards)) = update.voter_rewards.clone()
    else {
        panic!("the example sets voter rewards");
    };
    let (rows, total) = table();
    let members = rows.iter().map(|r| (r.member.clone(), r.power)).collect();
    let mut s = Suite::build(members, |m| {
        m.voter_rewards = Some(rewards.clone());
        // every vote of the table is cast, whatever an early outcome would say
        m.allow_revoting = true;
    });
    let before = minted(&s);
    let proposals = rows[0].votes.len();
    let mut ids = vec![];
    for p in 0..proposals {
        let id = s.propose(&rows[0].member, vec![]).unwrap();
        for row in &rows {
            if let Some(v) = row.votes[p] {
                s.vote(&row.member, id, v).unwrap();
            }
        }
        ids.push(id);
    }
    // the page's week: every proposal was created in the first period; claims open when it
    // ends, votes long over
    let end = claimable_at(&s, ids[0]);
    assert_eq!(claimable_at(&s, ids[proposals - 1]), end);
    s.go_to(end);
    assert!(ids.iter().all(|id| s.status(*id) != Status::Open));
    for row in &rows {
        let paid = match row.reward {
            0 => {
                let err = claim_err(&mut s, &row.member, ids.clone());
                assert_eq!(err, ContractError::NothingToClaim);
                0
            }
            _ => claimed(&mut s, &row.member, ids.clone()),
        };
        assert_eq!(paid, row.reward, "{}'s reward on the page", row.member);
    }
    assert_eq!(minted(&s) - before, total, "the total on the page");
    let earned: u128 = rows.iter().map(|r| r.reward).sum();
    assert_eq!(earned, total, "the page's total is the sum of its rows");
    assert!(total <= rewards.pool_per_period.u128());
}
