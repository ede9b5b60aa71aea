//! Flow 7: a member spams proposals that only it votes on. Its rewards never exceed its power
//! share of the period's pool, the other voters lose nothing by voting on the spam, and the
//! spam deposits are forfeited as the deposit policy says.

use commons::asset::AssetInfoUnchecked;
use commons::governance::{
    DepositConfigUnchecked, ExecuteMsg as GovMsg, RefundPolicy, RewardVesting, Status, Vote,
    VoterRewardsConfig,
};
use commons_testing::attr;
use commons_testing::suite::{Suite, SuiteBuilder, PAY};
use cosmwasm_std::{coins, Decimal, Uint128};

const POOL: u128 = 12_000;
const DEPOSIT: u128 = 100;
const SPAM: usize = 5;

/// alice 400, bob 300 and mallory 300 of 1_000 power; a pool of 12_000 a day above 20%
/// turnout; proposals need 100 power and a deposit of 100 ucoin, refunded only if they pass.
fn dao() -> Suite {
    SuiteBuilder::new()
        .with_member("alice", 400)
        .with_member("bob", 300)
        .with_member("mallory", 300)
        .with_wallet("alice", coins(DEPOSIT, PAY))
        .with_wallet("mallory", coins(SPAM as u128 * DEPOSIT, PAY))
        .with_min_proposer_power(100)
        .with_deposit(DepositConfigUnchecked {
            asset_info: AssetInfoUnchecked::Native(PAY.into()),
            amount: Uint128::new(DEPOSIT),
            refund: RefundPolicy::OnlyPassed,
        })
        .with_rewards(VoterRewardsConfig {
            pool_per_period: Uint128::new(POOL),
            period_seconds: 86_400,
            vesting: RewardVesting {
                cliff_seconds: 0,
                duration_seconds: 1_000,
            },
            // mallory's 300 alone is 30%: its spam pays it
            min_turnout: Decimal::percent(20),
        })
        .build()
}

fn propose(s: &mut Suite, who: &str, title: &str) -> u64 {
    let gov = s.gov.clone();
    let msg = GovMsg::Propose {
        title: title.into(),
        description: String::new(),
        actions: vec![],
    };
    let res = s.exec_funds(who, &gov, &msg, coins(DEPOSIT, PAY)).unwrap();
    attr(&res, "proposal_id").unwrap().parse().unwrap()
}

/// Everybody votes on alice's proposal (mallory no first, so that no early outcome cuts a vote
/// off), and it passes.
fn honest_proposal(s: &mut Suite) -> u64 {
    let id = propose(s, "alice", "Publish the annual report");
    s.vote("mallory", id, Vote::No).unwrap();
    s.vote("bob", id, Vote::Yes).unwrap();
    s.vote("alice", id, Vote::Yes).unwrap();
    assert_eq!(s.proposal(id).status, Status::Passed);
    id
}

/// Each member's claim of every id, once the period is over.
fn claims(s: &mut Suite, ids: &[u64]) -> [u128; 3] {
    s.wait_for_rewards(ids[0]);
    ["alice", "bob", "mallory"].map(|m| s.claim_rewards(m, ids.to_vec()).unwrap())
}

#[test]
fn a_spammer_earns_at_most_its_power_share_and_forfeits_its_deposits() {
    // the same day without spam: one proposal takes the pool, shared by power
    let mut quiet = dao();
    let honest = honest_proposal(&mut quiet);
    let without_spam = claims(&mut quiet, &[honest]);
    assert_eq!(without_spam, [4_800, 3_600, 3_600]);

    let mut s = dao();
    let treasury = s.treasury.clone();
    let treasury_before = s.native_balance(&treasury, PAY);
    let honest = honest_proposal(&mut s);
    let mut ids = vec![honest];
    for i in 0..SPAM {
        let id = propose(&mut s, "mallory", &format!("Spam {i}"));
        s.vote("mallory", id, Vote::Yes).unwrap();
        // the others vote on it too, and reject it
        s.vote("alice", id, Vote::No).unwrap();
        s.vote("bob", id, Vote::No).unwrap();
        assert_eq!(s.proposal(id).status, Status::Rejected);
        ids.push(id);
    }
    // the spam is closed: the deposits go to the treasury (refunded only if passed); the
    // honest proposal is executed and its deposit refunded
    let gov = s.gov.clone();
    for id in &ids[1..] {
        s.exec("anyone", &gov, &GovMsg::Close { proposal_id: *id })
            .unwrap();
        let p = s.proposal(*id);
        assert_eq!(
            (p.status, p.closed_as),
            (Status::Closed, Some(Status::Rejected))
        );
        assert!(p.deposit_settled);
    }
    s.execute_when_ready(honest).unwrap();
    assert_eq!(
        s.native_balance(&treasury, PAY) - treasury_before,
        SPAM as u128 * DEPOSIT
    );
    s.assert_native(&s.addr("mallory"), PAY, 0);
    s.assert_native(&s.addr("alice"), PAY, DEPOSIT);

    // six proposals share the pool: 2_000 each, split by power among their voters
    let with_spam = claims(&mut s, &ids);
    let [alice, bob, mallory] = with_spam;
    // mallory's 30% of the pool, however many proposals it opened
    assert!(mallory <= POOL * 300 / 1_000);
    assert_eq!(mallory, 6 * 600);
    // the others lose nothing by voting on the spam: exactly what they earn without it
    assert_eq!([alice, bob], [without_spam[0], without_spam[1]]);
    // and the whole pool was earned, nothing more
    assert_eq!(alice + bob + mallory, POOL);
}

#[test]
fn spam_only_its_author_votes_on_earns_it_no_more_than_its_share() {
    let mut s = dao();
    let honest = honest_proposal(&mut s);
    let mut ids = vec![honest];
    for i in 0..SPAM {
        let id = propose(&mut s, "mallory", &format!("Spam {i}"));
        s.vote("mallory", id, Vote::Yes).unwrap();
        ids.push(id);
    }
    let [alice, bob, mallory] = claims(&mut s, &ids);
    // the spam thins out the honest proposal's part (12_000 / 6), and only mallory votes on
    // the rest: still at most its 30%
    assert_eq!(mallory, 6 * 600);
    assert!(mallory <= POOL * 300 / 1_000);
    assert_eq!([alice, bob], [800, 600]);
    // the spam's unearned parts are never minted
    assert!(alice + bob + mallory < POOL);
}
