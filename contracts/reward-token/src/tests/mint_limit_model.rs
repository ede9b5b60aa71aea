//! A model of the mint limit for the property test. Unlike the contract, which keeps a counter
//! per window and applies changes lazily, the model keeps logs: every limit that was in force
//! from when (an epoch), every mint with its time and epoch, every update request. What a window
//! has minted is summed from the mint log, and the checks at the bottom need nothing but the
//! logs and the times.

use commons::reward_token::{MintLimit, PendingMintLimit};
use commons::time::MAX_DURATION_SECONDS;
use cosmwasm_std::{Timestamp, Uint128};
use proptest::prelude::*;

use super::{limit, Suite};

/// A limit as the model sees it: (amount, period in seconds).
pub type Lim = (u128, u64);

const NANOS: u64 = 1_000_000_000;

/// A limit in force from `from` on (nanoseconds), its windows on the grid `anchor + k * period`.
#[derive(Clone, Debug)]
pub struct Epoch {
    pub from: u64,
    pub limit: Option<Lim>,
    pub anchor: u64,
}

#[derive(Clone, Debug, Default)]
pub struct LimitModel {
    /// The configured change delay, in seconds.
    pub configured: u64,
    pub epochs: Vec<Epoch>,
    /// The pending change and when it applies (nanoseconds).
    pub pending: Option<(Option<Lim>, u64)>,
    /// Every mint the minter made: time, index of the epoch it was made in, amount.
    pub mints: Vec<(u64, usize, u128)>,
    /// Every accepted update: time, the limit asked for.
    pub requests: Vec<(u64, Option<Lim>)>,
}

/// Whether `x` binds at least as tightly as `y` (a lower-or-equal amount and a
/// longer-or-equal period; anything binds as tightly as no limit).
pub fn no_looser(x: Option<Lim>, y: Option<Lim>) -> bool {
    match (x, y) {
        (_, None) => true,
        (None, Some(_)) => false,
        (Some((a1, p1)), Some((a2, p2))) => a1 <= a2 && p1 >= p2,
    }
}

impl LimitModel {
    pub fn new(now: u64, limit: Option<Lim>, configured: u64) -> Self {
        LimitModel {
            configured,
            epochs: vec![Epoch {
                from: now,
                limit,
                anchor: now,
            }],
            ..LimitModel::default()
        }
    }

    fn last(&self) -> usize {
        self.epochs.len() - 1
    }

    pub fn in_force(&self) -> Option<Lim> {
        self.epochs[self.last()].limit
    }

    /// Puts `limit` in force at `at`: the grid stays when the period stays, else it restarts.
    fn push(&mut self, at: u64, limit: Option<Lim>) {
        let prev = &self.epochs[self.last()];
        let anchor = match (prev.limit, limit) {
            (Some((_, p0)), Some((_, p1))) if p0 == p1 => prev.anchor,
            _ => at,
        };
        self.epochs.push(Epoch {
            from: at,
            limit,
            anchor,
        });
    }

    /// Turns a pending change that is due at `now` into the epoch it starts.
    pub fn materialize(&mut self, now: u64) {
        if let Some((limit, at)) = self.pending {
            if at <= now {
                self.push(at, limit);
                self.pending = None;
            }
        }
    }

    /// Start of the grid window of epoch `idx` that holds time `t`.
    fn grid_start(&self, t: u64, idx: usize) -> u64 {
        let e = &self.epochs[idx];
        let period = e.limit.map_or(1, |(_, p)| p) * NANOS;
        e.anchor + (t - e.anchor) / period * period
    }

    /// From which time, and from which epoch on, mints count in the window holding `t`: the
    /// window of epoch `idx`, or, when that window began no later than the epoch did, wherever
    /// the previous epoch's window at that moment began (the minted amount carries over).
    fn counting_start(&self, t: u64, idx: usize) -> (u64, usize) {
        let ws = self.grid_start(t, idx);
        let e = &self.epochs[idx];
        if ws > e.from || idx == 0 || self.epochs[idx - 1].limit.is_none() {
            return (ws, idx);
        }
        self.counting_start(e.from, idx - 1)
    }

    pub fn window_start(&self, now: u64) -> u64 {
        self.grid_start(now, self.last())
    }

    pub fn minted_in_window(&self, now: u64) -> u128 {
        let (from, first_epoch) = self.counting_start(now, self.last());
        self.mints
            .iter()
            .filter(|(t, e, _)| *t >= from && *e >= first_epoch && *t <= now)
            .map(|(_, _, n)| n)
            .sum()
    }

    /// Whether the minter may mint `amount` at `now`.
    pub fn allows(&mut self, now: u64, amount: u128) -> bool {
        self.materialize(now);
        match self.in_force() {
            None => true,
            Some((limit, _)) => self.minted_in_window(now) + amount <= limit,
        }
    }

    pub fn record_mint(&mut self, now: u64, amount: u128) {
        let idx = self.last();
        self.mints.push((now, idx, amount));
    }

    /// `update_mint_limit`; returns whether the token should accept it.
    pub fn update(&mut self, now: u64, requested: Option<Lim>) -> bool {
        if let Some((_, p)) = requested {
            if p == 0 || p > MAX_DURATION_SECONDS {
                return false;
            }
        }
        self.materialize(now);
        self.requests.push((now, requested));
        let in_force = self.in_force();
        let (tighter, loosens) = match (in_force, requested) {
            (None, r) => (r, false),
            (Some(_), None) => (None, true),
            (Some((a0, p0)), Some((a1, p1))) => {
                (Some((a0.min(a1), p0.max(p1))), a1 > a0 || p1 < p0)
            }
        };
        if tighter.is_some() && tighter != in_force {
            self.push(now, tighter);
        }
        self.pending = match self.in_force() {
            Some((_, period)) if loosens => {
                let delay = self.configured.max(period);
                Some((requested, now + delay * NANOS))
            }
            _ => None,
        };
        true
    }

    /// Independent of the carry rule: within one epoch, no window of its grid saw more mints
    /// than the epoch's amount. Returns the first offending (epoch, window start, minted).
    pub fn overfull_window(&self) -> Option<(usize, u64, u128)> {
        for (idx, e) in self.epochs.iter().enumerate() {
            let Some((amount, period)) = e.limit else {
                continue;
            };
            let mut sums: std::collections::BTreeMap<u64, u128> = Default::default();
            for (t, _, n) in self.mints.iter().filter(|(_, i, _)| *i == idx) {
                *sums.entry((t - e.anchor) / (period * NANOS)).or_default() += n;
            }
            if let Some((k, sum)) = sums.into_iter().find(|(_, sum)| *sum > amount) {
                return Some((idx, e.anchor + k * period * NANOS, sum));
            }
        }
        None
    }

    /// A limit observed at `now` that is looser than the one observed before must be no looser
    /// than something the minter asked for at least the change delay ago.
    pub fn loosening_was_due(&self, before: Option<Lim>, after: Option<Lim>, now: u64) -> bool {
        no_looser(after, before)
            || self
                .requests
                .iter()
                .any(|(t, r)| t + self.configured * NANOS <= now && no_looser(after, *r))
    }
}

/// How many seconds a `Jump` moves the clock: to the boundary it names (when it lies ahead),
/// else one second.
pub fn jump_seconds(s: &Suite, to_pending: bool, offset: i64) -> u64 {
    let q = s.mint_limit();
    let target = if to_pending {
        q.pending.map(|p| p.applies_at)
    } else {
        q.window_end
    };
    let now = s.now().seconds();
    target
        .and_then(|t| t.seconds().checked_add_signed(offset))
        .filter(|t| *t > now)
        .map_or(1, |t| t - now)
}

/// The model's limit as the token's wire type.
pub fn wire(l: Option<Lim>) -> Option<MintLimit> {
    l.map(|(amount, period)| limit(amount, period))
}

/// The token's `mint_limit` answer agrees with the model, and the model's logs pass the
/// checks that need nothing but the mints and their times.
pub fn check_mint_limit(
    s: &Suite,
    model: &mut LimitModel,
    before: Option<Lim>,
) -> Result<Option<Lim>, TestCaseError> {
    let now = s.now().nanos();
    model.materialize(now);
    let q = s.mint_limit();
    let in_force = model.in_force();
    prop_assert_eq!(&q.mint_limit, &wire(in_force));
    let pending = model.pending.map(|(l, at)| PendingMintLimit {
        mint_limit: wire(l),
        applies_at: Timestamp::from_nanos(at),
    });
    prop_assert_eq!(&q.pending, &pending);
    let delay = model.configured.max(in_force.map_or(0, |(_, p)| p));
    prop_assert_eq!(q.change_delay_seconds, delay);
    if let Some((amount, _)) = in_force {
        let minted = model.minted_in_window(now);
        prop_assert_eq!(q.minted_in_window.u128(), minted);
        prop_assert_eq!(
            q.remaining,
            Some(Uint128::new(amount.saturating_sub(minted)))
        );
        prop_assert_eq!(
            q.window_start,
            Some(Timestamp::from_nanos(model.window_start(now)))
        );
    }
    prop_assert_eq!(model.overfull_window(), None);
    prop_assert!(
        model.loosening_was_due(before, in_force, now),
        "{:?} -> {:?} at {} without a due request: {:?}",
        before,
        in_force,
        now,
        model.requests
    );
    Ok(in_force)
}
