//! Property test: random sequences of transfer, mint, mint_vesting, claim, revoke, burn,
//! delegate and undelegate over several blocks, run against the contract and against a plain
//! model of the token. After every step: each message succeeded exactly when the model said it
//! should; balances, locked amounts and powers match the model; total_supply = balances + locked;
//! minted - burned = total_supply <= cap; and at every past height the total power equals the
//! sum of individual powers, and each individual power equals the model's at that height.
//!
//! The minter also loosens and tightens the mint limit (raise, remove, shorten, lower,
//! lengthen, invalid periods) while it mints and grants, and the clock jumps to the seconds
//! around window ends and pending changes. After every step: the token's `mint_limit` answer
//! matches the log-based model in `mint_limit_model`; no fixed window of any limit saw more
//! minted than that limit (summed from the mints made and their times); and a limit that got
//! looser was asked for at least the change delay earlier.

use std::collections::BTreeMap;

use super::mint_limit_model::{check_mint_limit, jump_seconds, wire, Lim, LimitModel};
use super::*;
use proptest::prelude::*;

const ACCOUNTS: [&str; 5] = ["alice", "bob", "carol", "dave", "erin"];

#[derive(Debug, Clone)]
enum Op {
    Transfer(usize, usize, u128),
    Burn(usize, u128),
    Mint(usize, u128),
    MintVesting {
        to: usize,
        amount: u128,
        cliff: u64,
        duration: u64,
        revocable: bool,
    },
    Claim(usize),
    Revoke(usize, u64),
    Delegate(usize, usize),
    Undelegate(usize),
    NextBlock(u64),
    UpdateLimit(Option<Lim>),
    /// To the end of the current window, or to when the pending change applies, plus
    /// `offset` seconds (-1, 0 or 1).
    Jump {
        to_pending: bool,
        offset: i64,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let who = 0..ACCOUNTS.len();
    let amount = prop_oneof![Just(0u128), 1u128..=150, 1u128..=1_200];
    let period = prop_oneof![8 => 10u64..=90, 1 => Just(0u64), 1 => Just(u64::MAX)];
    let limit = prop_oneof![1 => Just(None), 6 => (0u128..=400, period).prop_map(Some)];
    prop_oneof![
        3 => (who.clone(), who.clone(), amount.clone()).prop_map(|(a, b, n)| Op::Transfer(a, b, n)),
        1 => (who.clone(), amount.clone()).prop_map(|(a, n)| Op::Burn(a, n)),
        1 => (who.clone(), amount.clone()).prop_map(|(a, n)| Op::Mint(a, n)),
        2 => (who.clone(), amount, 0u64..=60, 0u64..=120, any::<bool>()).prop_map(
            |(to, amount, cliff, duration, revocable)| Op::MintVesting { to, amount, cliff, duration, revocable }
        ),
        2 => who.clone().prop_map(Op::Claim),
        1 => (who.clone(), 1u64..=8).prop_map(|(a, id)| Op::Revoke(a, id)),
        2 => (who.clone(), who.clone()).prop_map(|(a, b)| Op::Delegate(a, b)),
        1 => who.prop_map(Op::Undelegate),
        3 => (1u64..=40).prop_map(Op::NextBlock),
        3 => limit.prop_map(Op::UpdateLimit),
        2 => (any::<bool>(), -1i64..=1).prop_map(|(to_pending, offset)| Op::Jump { to_pending, offset }),
    ]
}

#[derive(Clone)]
struct ModelGrant {
    owner: usize,
    schedule: VestingSchedule,
    total: u128,
    claimed: u128,
    burned: u128,
    revocable: bool,
    revoked: bool,
}

impl ModelGrant {
    fn vested(&self, now: Timestamp) -> u128 {
        if self.revoked {
            self.total - self.burned
        } else {
            self.schedule.vested(Uint128::new(self.total), now).u128()
        }
    }
    fn open(&self) -> bool {
        self.claimed + self.burned < self.total
    }
}

#[derive(Clone, Default)]
struct Model {
    balances: [u128; ACCOUNTS.len()],
    delegations: BTreeMap<usize, usize>,
    grants: BTreeMap<u64, ModelGrant>,
    next_grant: u64,
    minted: u128,
    burned: u128,
    counts: bool,
    limit: LimitModel,
}

impl Model {
    fn locked(&self, who: usize) -> u128 {
        self.grants
            .values()
            .filter(|g| g.owner == who)
            .map(|g| g.total - g.claimed - g.burned)
            .sum()
    }
    fn delegatee(&self, who: usize) -> usize {
        *self.delegations.get(&who).unwrap_or(&who)
    }
    fn own_power(&self, who: usize) -> u128 {
        self.balances[who] + if self.counts { self.locked(who) } else { 0 }
    }
    fn powers(&self) -> [u128; ACCOUNTS.len()] {
        let mut p = [0; ACCOUNTS.len()];
        for who in 0..ACCOUNTS.len() {
            p[self.delegatee(who)] += self.own_power(who);
        }
        p
    }

    /// Applies `op` if the token should accept it; returns whether it should.
    fn apply(&mut self, op: &Op, now: Timestamp) -> bool {
        match *op {
            Op::Transfer(a, b, n) => {
                if n == 0 || self.balances[a] < n {
                    return false;
                }
                self.balances[a] -= n;
                self.balances[b] += n;
            }
            Op::Burn(a, n) => {
                if n == 0 || self.balances[a] < n {
                    return false;
                }
                self.balances[a] -= n;
                self.burned += n;
            }
            Op::Mint(a, n) => {
                if n == 0 || self.minted + n > CAP || !self.limit.allows(now.nanos(), n) {
                    return false;
                }
                self.limit.record_mint(now.nanos(), n);
                self.balances[a] += n;
                self.minted += n;
            }
            Op::MintVesting {
                to,
                amount,
                cliff,
                duration,
                revocable,
            } => {
                if amount == 0 || self.minted + amount > CAP || duration == 0 || cliff > duration {
                    return false;
                }
                if !self.limit.allows(now.nanos(), amount) {
                    return false;
                }
                self.limit.record_mint(now.nanos(), amount);
                self.minted += amount;
                self.next_grant += 1;
                let schedule = VestingSchedule {
                    start_time: now,
                    cliff_seconds: cliff,
                    duration_seconds: duration,
                };
                self.grants.insert(
                    self.next_grant,
                    ModelGrant {
                        owner: to,
                        schedule,
                        total: amount,
                        claimed: 0,
                        burned: 0,
                        revocable,
                        revoked: false,
                    },
                );
            }
            Op::Claim(a) => {
                let ids: Vec<u64> = self
                    .grants
                    .iter()
                    .filter(|(_, g)| g.owner == a && g.open())
                    .map(|(id, _)| *id)
                    .take(30)
                    .collect();
                let mut total = 0;
                for id in ids {
                    let g = self.grants.get_mut(&id).unwrap();
                    let amount = g.vested(now) - g.claimed;
                    g.claimed += amount;
                    total += amount;
                }
                if total == 0 {
                    return false;
                }
                self.balances[a] += total;
            }
            Op::Revoke(a, id) => {
                let Some(g) = self.grants.get_mut(&id) else {
                    return false;
                };
                if g.owner != a || !g.open() || !g.revocable || g.revoked {
                    return false;
                }
                let unvested = g.total - g.vested(now);
                if unvested == 0 {
                    return false;
                }
                g.revoked = true;
                g.burned = unvested;
                self.burned += unvested;
            }
            Op::Delegate(a, b) => {
                if self.delegatee(a) == b {
                    return false;
                }
                if a == b {
                    self.delegations.remove(&a);
                } else {
                    self.delegations.insert(a, b);
                }
            }
            Op::Undelegate(a) => {
                if self.delegations.remove(&a).is_none() {
                    return false;
                }
            }
            Op::UpdateLimit(requested) => return self.limit.update(now.nanos(), requested),
            Op::NextBlock(_) | Op::Jump { .. } => {}
        }
        true
    }
}

fn message(s: &Suite, op: &Op, addrs: &[Addr]) -> Option<(Addr, ExecuteMsg)> {
    let n = |x: u128| Uint128::new(x);
    Some(match op {
        Op::Transfer(a, b, amount) => (
            addrs[*a].clone(),
            ExecuteMsg::Transfer {
                recipient: addrs[*b].to_string(),
                amount: n(*amount),
            },
        ),
        Op::Burn(a, amount) => (addrs[*a].clone(), ExecuteMsg::Burn { amount: n(*amount) }),
        Op::Mint(a, amount) => (
            s.minter.clone(),
            ExecuteMsg::Mint {
                recipient: addrs[*a].to_string(),
                amount: n(*amount),
            },
        ),
        Op::MintVesting {
            to,
            amount,
            cliff,
            duration,
            revocable,
        } => (
            s.minter.clone(),
            ExecuteMsg::MintVesting {
                recipient: addrs[*to].to_string(),
                amount: n(*amount),
                schedule: VestingSchedule {
                    start_time: s.now(),
                    cliff_seconds: *cliff,
                    duration_seconds: *duration,
                },
                revocable: *revocable,
            },
        ),
        Op::Claim(a) => (
            addrs[*a].clone(),
            ExecuteMsg::ClaimVested { grant_ids: None },
        ),
        Op::Revoke(a, id) => (
            s.minter.clone(),
            ExecuteMsg::RevokeVesting {
                recipient: addrs[*a].to_string(),
                grant_id: *id,
            },
        ),
        Op::Delegate(a, b) => (
            addrs[*a].clone(),
            ExecuteMsg::Delegate {
                delegatee: addrs[*b].to_string(),
            },
        ),
        Op::Undelegate(a) => (addrs[*a].clone(), ExecuteMsg::Undelegate {}),
        Op::UpdateLimit(requested) => (
            s.minter.clone(),
            ExecuteMsg::UpdateMintLimit {
                mint_limit: requested.map(|(amount, period)| limit(amount, period)),
            },
        ),
        Op::NextBlock(_) | Op::Jump { .. } => return None,
    })
}

fn run(
    ops: Vec<Op>,
    counts: bool,
    initial_limit: Option<Lim>,
    change_delay: u64,
) -> Result<(), TestCaseError> {
    let mut s = Suite::with(|m| {
        m.vesting_counts_for_voting = counts;
        if let Some(mint) = m.mint.as_mut() {
            mint.mint_limit = wire(initial_limit);
        }
        m.change_delay_seconds = Some(change_delay);
    });
    let addrs: Vec<Addr> = ACCOUNTS.iter().map(|a| s.addr(a)).collect();
    let mut model = Model {
        counts,
        minted: 1_500,
        limit: LimitModel::new(s.now().nanos(), initial_limit, change_delay),
        ..Model::default()
    };
    let mut observed = initial_limit;
    model.balances[0] = 1_000;
    model.balances[1] = 500;
    // powers[h] = the model's powers at the start of block h
    let mut history: BTreeMap<u64, [u128; ACCOUNTS.len()]> = BTreeMap::new();
    s.next_block(5);
    history.insert(s.height(), model.powers());

    for op in ops {
        let step = match op {
            Op::NextBlock(secs) => Some(secs),
            Op::Jump { to_pending, offset } => Some(jump_seconds(&s, to_pending, offset)),
            _ => None,
        };
        if let Some(secs) = step {
            s.next_block(secs);
            history.insert(s.height(), model.powers());
        } else {
            let (sender, msg) = message(&s, &op, &addrs).unwrap();
            let expect_ok = model.apply(&op, s.now());
            let res = s.exec(&sender, &msg);
            prop_assert_eq!(res.is_ok(), expect_ok, "{:?} -> {:?}", op, res.err());
        }

        // supply accounting
        let supply = s.supply();
        let balances: Vec<u128> = addrs.iter().map(|a| s.balance(a)).collect();
        let locked: Vec<u128> = addrs.iter().map(|a| s.vesting(a).locked.u128()).collect();
        prop_assert_eq!(&balances[..], &model.balances[..]);
        for (who, l) in locked.iter().enumerate() {
            prop_assert_eq!(*l, model.locked(who));
        }
        let sum_locked: u128 = locked.iter().sum();
        prop_assert_eq!(supply.locked_total.u128(), sum_locked);
        prop_assert_eq!(
            supply.total_supply.u128(),
            balances.iter().sum::<u128>() + sum_locked
        );
        prop_assert_eq!(
            supply.minted_total.u128() - supply.burned_total.u128(),
            supply.total_supply.u128()
        );
        prop_assert!(supply.minted_total.u128() <= CAP);
        prop_assert_eq!(supply.minted_total.u128(), model.minted);
        prop_assert_eq!(supply.burned_total.u128(), model.burned);
        observed = check_mint_limit(&s, &mut model.limit, observed)?;

        // current powers
        let now: Vec<u128> = addrs.iter().map(|a| s.power(a, None)).collect();
        prop_assert_eq!(&now[..], &model.powers()[..]);
        prop_assert_eq!(s.total_power(None), now.iter().sum::<u128>());

        // every past height: individual powers as the model had them, and the total their sum
        for (height, want) in &history {
            let got: Vec<u128> = addrs.iter().map(|a| s.power(a, Some(*height))).collect();
            prop_assert_eq!(&got[..], &want[..], "height {}", height);
            prop_assert_eq!(s.total_power(Some(*height)), got.iter().sum::<u128>());
            // the total less two accounts is the sum of everyone else's power
            let excluded = s
                .total_excluding(Some(*height), &[&addrs[0], &addrs[1]])
                .unwrap();
            prop_assert_eq!(excluded, got[2..].iter().sum::<u128>(), "height {}", height);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn supply_and_power_invariants(
        ops in prop::collection::vec(op(), 1..40),
        counts in any::<bool>(),
        initial_limit in prop::option::of((0u128..=400, 10u64..=90)),
        change_delay in 90u64..=150,
    ) {
        run(ops, counts, initial_limit, change_delay)?;
    }
}
