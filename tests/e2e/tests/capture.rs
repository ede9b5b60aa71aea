//! Flow 6: a captured majority tries every way to drain the treasury and mint the cap. It
//! raises limits, removes and restores them, shortens periods, schedules a treasury migration,
//! migrates through `custom`, hands the treasury to itself, sets itself a budget, funds a job for
//! its own provider and mints the rest of the cap, over several windows. After every block a
//! watcher checks, from the treasury's ledger and the token's supply (not from the contracts'
//! own counters), that no window let more out than the limit in force, that no loosening bit
//! before it had been listed in `pending_changes` (or the token's pending mint limit) for the
//! whole delay, and the guardian vetoes the worst of it in the timelock.

use commons::asset::{AssetInfoUnchecked, AssetUnchecked};
use commons::escrow::JobSpec;
use commons::governance::{ExecuteMsg as GovMsg, ProposalAction, Status, Vote};
use commons::reward_token::{
    ExecuteMsg as TokenMsg, MintLimit, MintLimitResponse, QueryMsg as TokenQuery, SupplyResponse,
};
use commons::treasury::{
    ExecuteMsg as TreasuryMsg, LedgerKind, LedgerResponse, PendingChangesResponse,
    QueryMsg as TreasuryQuery, SpendLimitResponse, SpendLimitUnchecked,
};
use commons_testing::suite::{Suite, SuiteBuilder, PAY};
use cosmwasm_std::{coins, to_json_binary, CosmosMsg, Empty, Timestamp, Uint128, WasmMsg};

const DAY: u64 = 86_400;
/// Treasury limit on `ucoin` and the token's mint limit, per day.
const LIMIT: u128 = 1_000;
/// How long a loosening of the treasury waits.
const TREASURY_DELAY: u64 = 2 * DAY;
const HOUR: u64 = 3_600;

/// What the watcher saw in one block.
struct Seen {
    time: Timestamp,
    limit: Option<SpendLimitResponse>,
    pending: PendingChangesResponse,
    mint: MintLimitResponse,
    minted_total: u128,
}

/// Checks the guarantees after every block, from public queries and the ledger.
struct Watcher {
    blocks: Vec<Seen>,
}

impl Watcher {
    fn look(&mut self, s: &Suite) {
        let q = s.app.wrap();
        let limit = q
            .query_wasm_smart(
                &s.treasury,
                &TreasuryQuery::SpendLimit {
                    asset_info: AssetInfoUnchecked::Native(PAY.into()),
                },
            )
            .ok();
        let pending = q
            .query_wasm_smart(&s.treasury, &TreasuryQuery::PendingChanges {})
            .unwrap();
        let mint = q
            .query_wasm_smart(&s.token, &TokenQuery::MintLimit {})
            .unwrap();
        let supply: SupplyResponse = q
            .query_wasm_smart(&s.token, &TokenQuery::Supply {})
            .unwrap();
        let seen = Seen {
            time: s.now(),
            limit,
            pending,
            mint,
            minted_total: supply.minted_total.u128(),
        };
        self.check(s, &seen);
        self.blocks.push(seen);
    }

    /// When the treasury first listed `limit` as pending (and has kept listing it since).
    fn listed_since(&self, limit: &SpendLimitResponse) -> Option<Timestamp> {
        let listed = |b: &Seen| {
            b.pending.limits.iter().any(|p| {
                p.limit.amount == limit.amount && p.limit.period_seconds == limit.period_seconds
            })
        };
        let mut since = None;
        for b in &self.blocks {
            since = match (listed(b), since) {
                (true, None) => Some(b.time),
                (true, kept) => kept,
                (false, _) => None,
            };
        }
        since
    }

    fn listed_mint_since(&self, limit: &Option<MintLimit>) -> Option<Timestamp> {
        let mut since = None;
        for b in &self.blocks {
            let listed = b
                .mint
                .pending
                .as_ref()
                .is_some_and(|p| p.mint_limit == *limit);
            since = match (listed, since) {
                (true, None) => Some(b.time),
                (true, kept) => kept,
                (false, _) => None,
            };
        }
        since
    }

    fn check(&self, s: &Suite, now: &Seen) {
        let Some(prev) = self.blocks.last() else {
            return;
        };
        // 1. what left the treasury in the current window, from the ledger
        if let Some(limit) = &now.limit {
            let ledger: LedgerResponse = s
                .app
                .wrap()
                .query_wasm_smart(
                    &s.treasury,
                    &TreasuryQuery::Ledger {
                        start_after: None,
                        limit: Some(30),
                        reverse: Some(true),
                    },
                )
                .unwrap();
            let out: u128 = ledger
                .entries
                .iter()
                .filter(|e| e.kind != LedgerKind::Deposit)
                .filter(|e| e.asset.info == commons::AssetInfo::Native(PAY.into()))
                .filter(|e| e.time >= limit.window_start && e.time < limit.window_end)
                .map(|e| e.asset.amount.u128())
                .sum();
            assert!(
                out <= limit.amount.u128(),
                "{out} left in the window from {} under a limit of {}",
                limit.window_start,
                limit.amount
            );
        }
        // 2. a loosening of the treasury limit was listed for the whole delay
        let loosened = match (&prev.limit, &now.limit) {
            (None, Some(_)) => true,
            (Some(a), Some(b)) => b.amount > a.amount || b.period_seconds < a.period_seconds,
            _ => false,
        };
        if loosened {
            let limit = now.limit.as_ref().unwrap();
            let since = self
                .listed_since(limit)
                .expect("a loosened limit was listed as pending first");
            assert!(
                now.time.seconds() >= since.seconds() + TREASURY_DELAY,
                "limit {} bit at {} though listed only since {}",
                limit.amount,
                now.time,
                since
            );
        }
        // 3. minting: the window's mints, from the supply, stay within the limit in force
        let minted_now = now.minted_total - prev.minted_total;
        if let (Some(limit), Some(start)) = (&now.mint.mint_limit, now.mint.window_start) {
            let in_window: u128 = self
                .blocks
                .windows(2)
                .filter(|w| w[1].time >= start)
                .map(|w| w[1].minted_total - w[0].minted_total)
                .sum::<u128>()
                + minted_now;
            assert!(
                in_window <= limit.amount.u128(),
                "{in_window} minted in the window from {start} under a limit of {}",
                limit.amount
            );
        } else {
            panic!("the mint limit was removed: {:?}", now.mint);
        }
        // 4. a loosening of the mint limit was listed for the whole delay
        let (old, new) = (&prev.mint.mint_limit, &now.mint.mint_limit);
        let mint_loosened = match (old, new) {
            (Some(_), None) => true,
            (Some(a), Some(b)) => b.amount > a.amount || b.period_seconds < a.period_seconds,
            _ => false,
        };
        if mint_loosened {
            let since = self
                .listed_mint_since(new)
                .expect("a loosened mint limit was listed as pending first");
            assert!(now.time.seconds() >= since.seconds() + now.mint.change_delay_seconds);
        }
    }
}

fn pay(amount: u128) -> AssetUnchecked {
    AssetUnchecked {
        info: AssetInfoUnchecked::Native(PAY.into()),
        amount: Uint128::new(amount),
    }
}

fn spend(s: &Suite, amount: u128) -> ProposalAction {
    ProposalAction::TreasurySpend {
        recipient: s.addr("captor").to_string(),
        asset: pay(amount),
        memo: None,
    }
}

fn limits(amount: u128, period_seconds: u64) -> ProposalAction {
    ProposalAction::TreasuryUpdateConfig {
        accepted_cw20s: None,
        spend_limits: Some(if amount == 0 {
            vec![]
        } else {
            vec![SpendLimitUnchecked {
                asset_info: AssetInfoUnchecked::Native(PAY.into()),
                amount: Uint128::new(amount),
                period_seconds,
            }]
        }),
    }
}

fn custom(contract: &cosmwasm_std::Addr, msg: &impl serde::Serialize) -> ProposalAction {
    ProposalAction::Custom {
        msgs: vec![WasmMsg::Execute {
            contract_addr: contract.to_string(),
            msg: to_json_binary(msg).unwrap(),
            funds: vec![],
        }
        .into()],
    }
}

fn mint(s: &Suite, amount: u128) -> ProposalAction {
    ProposalAction::TokenMint {
        recipient: s.addr("captor").to_string(),
        amount: Uint128::new(amount),
    }
}

struct Attack {
    s: Suite,
    w: Watcher,
}

impl Attack {
    fn wait(&mut self, seconds: u64) {
        self.s.wait(seconds);
        self.w.look(&self.s);
    }

    /// The captor proposes and passes `actions`; returns the proposal id, in its timelock.
    fn pass(&mut self, title: &str, actions: Vec<ProposalAction>) -> u64 {
        let id = self.s.propose("captor", title, actions).unwrap();
        self.w.look(&self.s);
        self.s.vote("captor", id, Vote::Yes).unwrap();
        self.wait(5);
        assert_eq!(self.s.proposal(id).status, Status::Passed);
        id
    }

    /// Waits out the timelock and executes; returns the final status.
    fn execute(&mut self, id: u64) -> Status {
        let at = self.s.proposal(id).executable_at.unwrap();
        self.wait(at.seconds().saturating_sub(self.s.now().seconds()));
        let gov = self.s.gov.clone();
        let _ = self
            .s
            .exec("anyone", &gov, &GovMsg::Execute { proposal_id: id });
        self.w.look(&self.s);
        self.s.proposal(id).status
    }

    fn run(&mut self, title: &str, actions: Vec<ProposalAction>) -> Status {
        let id = self.pass(title, actions);
        self.execute(id)
    }

    fn treasury_pay(&self) -> u128 {
        self.s.native_balance(&self.s.treasury, PAY)
    }
}

fn attack() -> Attack {
    let s = SuiteBuilder::new()
        .with_member("captor", 900)
        .with_member("minority", 100)
        .with_wallet("donor", coins(100_000, PAY))
        .with_provider("gpu", 500)
        .with_native_limit(LIMIT, DAY)
        .with_treasury_delay(TREASURY_DELAY)
        .with_token_cap(1_000_000)
        .with_mint_limit(LIMIT, DAY)
        .with_periods(HOUR, HOUR, 30 * DAY)
        .with_guardian("council")
        .build();
    let mut a = Attack {
        s,
        w: Watcher { blocks: vec![] },
    };
    let treasury = a.s.treasury.clone();
    a.s.exec_funds(
        "donor",
        &treasury,
        &TreasuryMsg::Deposit { memo: None },
        coins(100_000, PAY),
    )
    .unwrap();
    a.w.look(&a.s);
    a
}

#[test]
fn a_captured_majority_cannot_drain_or_mint_past_the_limits() {
    let mut a = attack();
    let captor = a.s.addr("captor");
    let (treasury, token) = (a.s.treasury.clone(), a.s.token.clone());

    // raise the limit tenfold and spend it in the same proposal: the raise is only pending,
    // so the spend fails and the whole proposal with it
    let st = a.run(
        "Raise and take",
        vec![limits(10 * LIMIT, DAY), spend(&a.s, 10 * LIMIT)],
    );
    assert_eq!(st, Status::ExecutionFailed);
    assert_eq!(a.treasury_pay(), 100_000);
    // take the window's limit
    assert_eq!(a.run("Take", vec![spend(&a.s, LIMIT)]), Status::Executed);
    // remove the limit and restore it to get a fresh window: the restore is a loosening
    let st = a.run(
        "Remove and restore",
        vec![limits(0, DAY), limits(LIMIT, DAY), spend(&a.s, LIMIT)],
    );
    assert_eq!(st, Status::ExecutionFailed);
    // a shorter period is a loosening too
    assert_eq!(
        a.run("Shorter", vec![limits(LIMIT, HOUR), spend(&a.s, LIMIT)]),
        Status::ExecutionFailed
    );
    // migrate the treasury through `custom`: governance is not its admin
    let migrate: CosmosMsg<Empty> = WasmMsg::Migrate {
        contract_addr: treasury.to_string(),
        new_code_id: 1,
        msg: to_json_binary(&commons::treasury::MigrateMsg {}).unwrap(),
    }
    .into();
    let st = a.run(
        "Migrate",
        vec![ProposalAction::Custom {
            msgs: vec![migrate],
        }],
    );
    assert_eq!(st, Status::ExecutionFailed);
    let admin =
        a.s.app
            .wrap()
            .query_wasm_contract_info(&treasury)
            .unwrap()
            .admin;
    assert_eq!(
        admin,
        Some(treasury.clone()),
        "the treasury is its own admin"
    );
    // mint the rest of the cap at once
    assert_eq!(
        a.run("Mint all", vec![mint(&a.s, 999_000)]),
        Status::ExecutionFailed
    );
    assert_eq!(a.run("Mint", vec![mint(&a.s, LIMIT)]), Status::Executed);
    // a budget for itself: budget spends count against the treasury's limit
    let budget = ProposalAction::TreasurySetBudget {
        spender: captor.to_string(),
        asset_info: AssetInfoUnchecked::Native(PAY.into()),
        amount_per_period: Uint128::new(50_000),
        period_seconds: DAY,
        expires: None,
    };
    assert_eq!(a.run("Budget", vec![budget]), Status::Executed);
    let spend_budget = TreasuryMsg::SpendBudget {
        recipient: captor.to_string(),
        asset: pay(50_000),
        memo: None,
    };
    assert!(a.s.exec("captor", &treasury, &spend_budget).is_err());
    // a compute job for its own provider, paid by the treasury: over the limit as well
    let now = a.s.now();
    let job = ProposalAction::EscrowCreateJob {
        provider: Some(a.s.addr("gpu").to_string()),
        client: Some(captor.to_string()),
        spec: JobSpec {
            uri: "ipfs://nothing".into(),
            hash: "h".into(),
        },
        asset_info: AssetInfoUnchecked::Native(PAY.into()),
        price_per_unit: Uint128::new(100),
        max_units: Uint128::new(100),
        accept_by: now.plus_seconds(10 * DAY),
        deadline: now.plus_seconds(20 * DAY),
    };
    assert_eq!(a.run("Job", vec![job]), Status::ExecutionFailed);

    // the loosenings that would bite later: the guardian vetoes them in the timelock
    let raise = a.pass("Raise", vec![limits(50 * LIMIT, DAY)]);
    let unlimited_mint = a.pass(
        "Unlimited mint",
        vec![custom(
            &token,
            &TokenMsg::UpdateMintLimit { mint_limit: None },
        )],
    );
    let takeover = a.pass(
        "Take over the treasury",
        vec![custom(
            &treasury,
            &TreasuryMsg::ProposeOwner {
                new_owner: captor.to_string(),
            },
        )],
    );
    let gov = a.s.gov.clone();
    for id in [raise, unlimited_mint, takeover] {
        a.s.exec("council", &gov, &GovMsg::GuardianVeto { proposal_id: id })
            .unwrap();
        assert_eq!(a.execute(id), Status::Vetoed);
    }
    let pending: PendingChangesResponse =
        a.s.app
            .wrap()
            .query_wasm_smart(&treasury, &TreasuryQuery::PendingChanges {})
            .unwrap();
    assert!(pending.limits.is_empty() && pending.owner.is_none() && pending.migration.is_none());

    // without a guardian veto a loosening is public for the whole delay before it bites, and
    // until then every window stays within the old limit
    assert_eq!(
        a.run("Raise 3x", vec![limits(3 * LIMIT, DAY)]),
        Status::Executed
    );
    assert_eq!(
        a.run(
            "Hand the treasury over",
            vec![custom(
                &treasury,
                &TreasuryMsg::ProposeOwner {
                    new_owner: captor.to_string()
                }
            )]
        ),
        Status::Executed
    );
    assert!(a
        .s
        .exec("captor", &treasury, &TreasuryMsg::AcceptOwner {})
        .is_err());
    let mut taken = 0;
    for _ in 0..8 {
        // every few hours, the captor takes what the budget and the limit allow
        for amount in [3 * LIMIT, LIMIT, 100] {
            let take = TreasuryMsg::SpendBudget {
                recipient: captor.to_string(),
                asset: pay(amount),
                memo: None,
            };
            if a.s.exec("captor", &treasury, &take).is_ok() {
                taken += amount;
            }
            a.w.look(&a.s);
        }
        if a.s
            .exec("captor", &treasury, &TreasuryMsg::AcceptOwner {})
            .is_ok()
        {
            // the new owner is bound by the same limits
            let owner_spend = TreasuryMsg::Spend {
                recipient: captor.to_string(),
                asset: pay(10 * LIMIT),
                memo: None,
            };
            assert!(a.s.exec("captor", &treasury, &owner_spend).is_err());
        }
        a.wait(DAY / 2);
    }
    assert!(taken > 0);
    assert_eq!(a.treasury_pay(), 100_000 - LIMIT - taken);
    // minting stays within a window's limit however often it is tried
    for _ in 0..3 {
        let st = a.run("Mint again", vec![mint(&a.s, LIMIT)]);
        assert!(matches!(st, Status::Executed | Status::ExecutionFailed));
        a.wait(DAY / 3);
    }
}
