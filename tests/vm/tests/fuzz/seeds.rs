//! Valid seeds: one message of every execute variant of the four contracts and of every cw20
//! hook payload they accept, built from the wire types and sent by whoever may send it in the
//! bootstrapped suite, so an unmutated seed reaches the handler's logic.

use commons::asset::{AssetInfoUnchecked, AssetUnchecked};
use commons::escrow::{ProviderMetadata, ReceiveMsg as EscrowHook};
use commons::reward_token::{ExecuteMsg as TokenMsg, MintLimit};
use commons::treasury::{
    ExecuteMsg as TreasuryMsg, ReceiveMsg as TreasuryHook, SpendLimitUnchecked,
};
use commons::vesting::VestingSchedule;
use cosmwasm_std::{to_json_binary, Binary, Uint128};
use cosmwasm_std_vm::{coins, Coin};
use cw20::{Cw20ReceiveMsg, Expiration, Logo};
use serde::Serialize;
use serde_json::Value;

use crate::suite::{Suite, DENOM, GRANT, JOB};

/// A message one sender sends one contract.
#[derive(Clone, Debug)]
pub struct Seed {
    /// `<contract>.<variant>`, or `<contract>.receive.<payload variant>` for a hook payload.
    pub name: String,
    pub sender: String,
    /// The contract the message is executed on (the token, for a hook payload).
    pub contract: String,
    /// The message; for a hook payload, the payload (what gets mutated).
    pub msg: Value,
    /// For a hook payload: the contract the token `send`s it to, and how many tokens.
    pub hook: Option<(String, u128)>,
    pub funds: Vec<Coin>,
}

/// The name of the (only) variant a message value has.
pub fn variant(msg: &Value) -> String {
    match msg {
        Value::Object(map) => map.keys().next().cloned().unwrap_or_default(),
        Value::String(name) => name.clone(),
        _ => String::new(),
    }
}

/// Collects seeds, naming each after its contract and variant.
pub(crate) struct Builder<'a> {
    pub(crate) s: &'a Suite,
    pub(crate) seeds: Vec<Seed>,
}

impl Builder<'_> {
    pub(crate) fn add(&mut self, contract: &str, who: &str, msg: impl Serialize, funds: Vec<Coin>) {
        let msg = serde_json::to_value(msg).expect("wire types serialize");
        let prefix = self.prefix(contract);
        self.seeds.push(Seed {
            name: format!("{prefix}.{}", variant(&msg)),
            sender: self.sender(who),
            contract: contract.to_string(),
            msg,
            hook: None,
            funds,
        });
    }

    /// A hook payload `msg` that `who` sends to `target` with `amount` tokens.
    pub(crate) fn hook(&mut self, target: &str, who: &str, amount: u128, msg: impl Serialize) {
        let msg = serde_json::to_value(msg).expect("wire types serialize");
        let prefix = self.prefix(target);
        self.seeds.push(Seed {
            name: format!("{prefix}.receive.{}", variant(&msg)),
            sender: self.sender(who),
            contract: self.s.token.clone(),
            msg,
            hook: Some((target.to_string(), amount)),
            funds: vec![],
        });
    }

    /// The cw20 `receive` of `payload` as the token itself would send it to `contract` (the
    /// hook seeds go through a real `send`; this one mutates the wrapper too).
    pub(crate) fn receive(&mut self, contract: &str, payload: impl Serialize) {
        let receive = Cw20ReceiveMsg {
            sender: self.s.addr("alice"),
            amount: Uint128::new(9),
            msg: to_json_binary(&payload).expect("wire types serialize"),
        };
        let msg = serde_json::json!({ "receive": receive });
        let prefix = self.prefix(contract);
        self.seeds.push(Seed {
            name: format!("{prefix}.receive"),
            sender: self.s.token.clone(),
            contract: contract.to_string(),
            msg,
            hook: None,
            funds: vec![],
        });
    }

    /// A name of the test chain, or governance itself.
    fn sender(&self, who: &str) -> String {
        if who == "gov" {
            self.s.gov.clone()
        } else {
            self.s.addr(who)
        }
    }

    fn prefix(&self, contract: &str) -> &'static str {
        let s = self.s;
        match contract {
            c if c == s.token => "token",
            c if c == s.treasury => "treasury",
            c if c == s.escrow => "escrow",
            _ => "governance",
        }
    }
}

pub(crate) fn metadata() -> ProviderMetadata {
    ProviderMetadata {
        name: "gpu2".into(),
        endpoint: "https://gpu2.example".into(),
        hardware: "1x accelerator".into(),
        region: "us".into(),
    }
}

/// Every seed of the suite `s`.
pub fn seeds(s: &Suite) -> Vec<Seed> {
    let mut b = Builder { s, seeds: vec![] };
    token_seeds(&mut b);
    treasury_seeds(&mut b);
    crate::seeds_dao::governance_seeds(&mut b);
    crate::seeds_dao::escrow_seeds(&mut b);
    b.seeds
}

fn token_seeds(b: &mut Builder) {
    let s = b.s;
    let (token, alice, bob) = (s.token.clone(), s.addr("alice"), s.addr("bob"));
    let amount = Uint128::new(7);
    let deposit = to_json_binary(&TreasuryHook::Deposit { memo: None }).unwrap();
    let schedule = VestingSchedule {
        start_time: s.now(),
        cliff_seconds: 10,
        duration_seconds: 100,
    };
    let t = &token;
    b.add(
        t,
        "alice",
        TokenMsg::Transfer {
            recipient: bob.clone(),
            amount,
        },
        vec![],
    );
    b.add(t, "alice", TokenMsg::Burn { amount }, vec![]);
    let send = TokenMsg::Send {
        contract: s.treasury.clone(),
        amount,
        msg: deposit.clone(),
    };
    b.add(t, "alice", send, vec![]);
    let expires = Some(Expiration::AtHeight(u64::MAX));
    let spender = bob.clone();
    b.add(
        t,
        "alice",
        TokenMsg::IncreaseAllowance {
            spender,
            amount,
            expires,
        },
        vec![],
    );
    let (spender, expires) = (bob.clone(), None);
    b.add(
        t,
        "alice",
        TokenMsg::DecreaseAllowance {
            spender,
            amount,
            expires,
        },
        vec![],
    );
    let (owner, recipient) = (alice.clone(), bob.clone());
    b.add(
        t,
        "bob",
        TokenMsg::TransferFrom {
            owner,
            recipient,
            amount,
        },
        vec![],
    );
    let (owner, contract) = (alice.clone(), s.treasury.clone());
    b.add(
        t,
        "bob",
        TokenMsg::SendFrom {
            owner,
            contract,
            amount,
            msg: deposit,
        },
        vec![],
    );
    b.add(
        t,
        "bob",
        TokenMsg::BurnFrom {
            owner: alice.clone(),
            amount,
        },
        vec![],
    );
    b.add(
        t,
        "gov",
        TokenMsg::Mint {
            recipient: bob.clone(),
            amount,
        },
        vec![],
    );
    b.add(
        t,
        "gov",
        TokenMsg::UpdateMinter {
            new_minter: Some(alice.clone()),
        },
        vec![],
    );
    let marketing = TokenMsg::UpdateMarketing {
        project: Some("https://commons.example".into()),
        description: Some("reward token".into()),
        marketing: Some(alice.clone()),
    };
    b.add(t, "alice", marketing, vec![]);
    let logo = TokenMsg::UploadLogo(Logo::Url("https://commons.example/logo.svg".into()));
    b.add(t, "alice", logo, vec![]);
    let grant = TokenMsg::MintVesting {
        recipient: alice.clone(),
        amount,
        schedule,
        revocable: false,
    };
    b.add(t, "gov", grant, vec![]);
    let mint_limit = Some(MintLimit {
        amount,
        period_seconds: 3_600,
    });
    b.add(t, "gov", TokenMsg::UpdateMintLimit { mint_limit }, vec![]);
    b.add(
        t,
        "bob",
        TokenMsg::ClaimVested {
            grant_ids: Some(vec![GRANT]),
        },
        vec![],
    );
    let revoke = TokenMsg::RevokeVesting {
        recipient: bob.clone(),
        grant_id: GRANT,
    };
    b.add(t, "gov", revoke, vec![]);
    b.add(t, "carol", TokenMsg::Delegate { delegatee: alice }, vec![]);
    b.add(t, "carol", TokenMsg::Undelegate {}, vec![]);
}

fn treasury_seeds(b: &mut Builder) {
    let s = b.s;
    let (t, bob) = (&s.treasury.clone(), s.addr("bob"));
    let native = AssetInfoUnchecked::Native(DENOM.into());
    let tokens = |amount| AssetUnchecked {
        info: AssetInfoUnchecked::Cw20(s.token.clone()),
        amount: Uint128::new(amount),
    };
    b.add(
        t,
        "carol",
        TreasuryMsg::Deposit {
            memo: Some("dues".into()),
        },
        coins(9, DENOM),
    );
    b.receive(t, TreasuryHook::Deposit { memo: None });
    let memo = Some("grant".to_string());
    let spend = TreasuryMsg::Spend {
        recipient: bob.clone(),
        asset: tokens(9),
        memo: memo.clone(),
    };
    b.add(t, "gov", spend, vec![]);
    let into_escrow = TreasuryMsg::SpendToContract {
        contract: s.escrow.clone(),
        asset: tokens(9),
        msg: to_json_binary(&EscrowHook::TopUp { job_id: JOB }).unwrap(),
        memo,
    };
    b.add(t, "gov", into_escrow, vec![]);
    let budget = TreasuryMsg::SetBudget {
        spender: bob.clone(),
        asset_info: native.clone(),
        amount_per_period: Uint128::new(50),
        period_seconds: 3_600,
        expires: Some(s.now().plus_seconds(86_400)),
    };
    b.add(t, "gov", budget, vec![]);
    let spend = TreasuryMsg::SpendBudget {
        recipient: bob.clone(),
        asset: tokens(9),
        memo: None,
    };
    b.add(t, "guild", spend, vec![]);
    b.add(
        t,
        "gov",
        TreasuryMsg::RevokeBudget {
            spender: s.addr("guild"),
        },
        vec![],
    );
    let limits = vec![SpendLimitUnchecked {
        asset_info: native.clone(),
        amount: Uint128::new(2_000),
        period_seconds: 86_400,
    }];
    let update = TreasuryMsg::UpdateConfig {
        accepted_cw20s: Some(vec![s.token.clone()]),
        spend_limits: Some(limits),
    };
    b.add(t, "gov", update, vec![]);
    b.add(
        t,
        "gov",
        TreasuryMsg::CancelPendingChange { asset_info: native },
        vec![],
    );
    b.add(t, "anyone", TreasuryMsg::ApplyChanges {}, vec![]);
    b.add(
        t,
        "gov",
        TreasuryMsg::ProposeOwner { new_owner: bob },
        vec![],
    );
    b.add(t, "bob", TreasuryMsg::AcceptOwner {}, vec![]);
    let migration = TreasuryMsg::ScheduleMigration {
        code_id: 2,
        msg: Binary::from(b"{}"),
    };
    b.add(t, "gov", migration, vec![]);
    b.add(t, "anyone", TreasuryMsg::MigrateSelf {}, vec![]);
    b.add(t, "gov", TreasuryMsg::CancelMigration {}, vec![]);
    b.hook(
        t,
        "alice",
        9,
        TreasuryHook::Deposit {
            memo: Some("dues".into()),
        },
    );
}
