//! The configuration: a layout read in place (see `ConfigBytes`), and the threshold part it
//! shares with the voting records.

use commons::asset::AssetInfo;
use commons::governance::{DepositConfig, RewardVesting, VoterRewardsConfig};
use commons::layout::{PartMut, PartRef, Stored};
use cosmwasm_std::{Addr, Decimal, StdError, StdResult, Storage, Timestamp, Uint128};
use cw_utils::Threshold;

use super::{refund_code, refund_from, Config};
use crate::error::ContractError;
use commons::codec::{Reader, Writer};

commons::part! {
    /// A threshold, in a configuration and in every voting record.
    pub struct ThresholdPart {
        /// 0 absolute count, 1 absolute percentage, 2 threshold and quorum
        KIND: u8,
        /// the weight, or the percentage or threshold (`Decimal` atomics)
        A: u128,
        /// the quorum (`Decimal` atomics)
        B: u128,
    }
}

pub(super) fn put_threshold(mut part: PartMut<'_, ThresholdPart>, threshold: &Threshold) {
    let (kind, a, b) = match threshold {
        Threshold::AbsoluteCount { weight } => (0, u128::from(*weight), 0),
        Threshold::AbsolutePercentage { percentage } => (1, percentage.atomics().u128(), 0),
        Threshold::ThresholdQuorum { threshold, quorum } => {
            (2, threshold.atomics().u128(), quorum.atomics().u128())
        }
    };
    part.set(ThresholdPart::KIND, kind);
    part.set(ThresholdPart::A, a);
    part.set(ThresholdPart::B, b);
}

/// The threshold in `part`, checked (an unknown kind, or a weight past `u64`, is an error).
pub(super) fn threshold(part: PartRef<'_, ThresholdPart>) -> StdResult<Threshold> {
    let a = part.get(ThresholdPart::A);
    Ok(match part.get(ThresholdPart::KIND) {
        0 => Threshold::AbsoluteCount {
            weight: u64::try_from(a).map_err(|_| StdError::parse_err("threshold", "weight"))?,
        },
        1 => Threshold::AbsolutePercentage {
            percentage: Decimal::raw(a),
        },
        2 => Threshold::ThresholdQuorum {
            threshold: Decimal::raw(a),
            quorum: Decimal::raw(part.get(ThresholdPart::B)),
        },
        _ => return Err(StdError::parse_err("threshold", "unknown kind")),
    })
}

commons::layout! {
    /// The configuration. Every proposal, vote, execution and reward claim reads it, so it is
    /// binary (measured as JSON: see `bench/analysis.md`). The tail holds the token, treasury,
    /// escrow and guardian addresses, then the deposit's denom or cw20 address, each as a
    /// length-prefixed string (empty: none), the suite's contracts first so a vote reads only
    /// those.
    pub struct ConfigLayout("config", version 2) {
        VOTING_PERIOD_SECONDS: u64,
        MIN_VOTING_PERIOD_SECONDS: u64,
        THRESHOLD: ThresholdPart,
        ALLOW_REVOTING: bool,
        EXECUTION_DELAY_SECONDS: u64,
        EXECUTION_WINDOW_SECONDS: u64,
        MIN_PROPOSER_POWER: Uint128,
        MAX_ACTIONS: u32,
        /// 0 none, 1 native denom, 2 cw20 (the denom or address is in the tail)
        DEPOSIT_KIND: u8,
        DEPOSIT_AMOUNT: Uint128,
        /// `refund_code`
        DEPOSIT_REFUND: u8,
        HAS_VOTER_REWARDS: bool,
        REWARD_POOL: Uint128,
        REWARD_PERIOD_SECONDS: u64,
        REWARD_CLIFF_SECONDS: u64,
        REWARD_DURATION_SECONDS: u64,
        /// `Decimal` atomics
        REWARD_MIN_TURNOUT: u128,
        /// the reward settings' number (1, 2, ...; each setting of rewards starts a new one)
        /// and when they were set, the start of their first period (see `state::rewards`);
        /// kept by `save_config`, changed only by `ConfigBytes::start_reward_epoch`
        REWARD_EPOCH: u64,
        REWARD_START: Timestamp,
    }
}

const CONFIG_KEY: &[u8] = b"config";

pub fn save_config(store: &mut dyn Storage, c: &Config) -> StdResult<()> {
    let mut r = Stored::<ConfigLayout>::with_tail_capacity(256);
    r.set(ConfigLayout::VOTING_PERIOD_SECONDS, c.voting_period_seconds);
    r.set(
        ConfigLayout::MIN_VOTING_PERIOD_SECONDS,
        c.min_voting_period_seconds,
    );
    put_threshold(r.part_mut(ConfigLayout::THRESHOLD), &c.threshold);
    r.set(ConfigLayout::ALLOW_REVOTING, c.allow_revoting);
    r.set(
        ConfigLayout::EXECUTION_DELAY_SECONDS,
        c.execution_delay_seconds,
    );
    r.set(
        ConfigLayout::EXECUTION_WINDOW_SECONDS,
        c.execution_window_seconds,
    );
    r.set(ConfigLayout::MIN_PROPOSER_POWER, c.min_proposer_power);
    r.set(ConfigLayout::MAX_ACTIONS, c.max_actions);
    let mut deposit_asset = "";
    if let Some(d) = &c.proposal_deposit {
        let kind = match &d.asset_info {
            AssetInfo::Native(denom) => {
                deposit_asset = denom;
                1
            }
            AssetInfo::Cw20(addr) => {
                deposit_asset = addr.as_str();
                2
            }
        };
        r.set(ConfigLayout::DEPOSIT_KIND, kind);
        r.set(ConfigLayout::DEPOSIT_AMOUNT, d.amount);
        r.set(ConfigLayout::DEPOSIT_REFUND, refund_code(d.refund));
    }
    if let Some(v) = &c.voter_rewards {
        r.set(ConfigLayout::HAS_VOTER_REWARDS, true);
        r.set(ConfigLayout::REWARD_POOL, v.pool_per_period);
        r.set(ConfigLayout::REWARD_PERIOD_SECONDS, v.period_seconds);
        r.set(ConfigLayout::REWARD_CLIFF_SECONDS, v.vesting.cliff_seconds);
        r.set(
            ConfigLayout::REWARD_DURATION_SECONDS,
            v.vesting.duration_seconds,
        );
        r.set(
            ConfigLayout::REWARD_MIN_TURNOUT,
            v.min_turnout.atomics().u128(),
        );
    }
    // the reward epoch is not part of `Config`: it stays as stored
    if let Some(old) = store.get(CONFIG_KEY) {
        let old = Stored::<ConfigLayout>::from_stored(old)?;
        r.set(
            ConfigLayout::REWARD_EPOCH,
            old.get(ConfigLayout::REWARD_EPOCH),
        );
        r.set(
            ConfigLayout::REWARD_START,
            old.get(ConfigLayout::REWARD_START),
        );
    }
    let mut tail = Writer::with_capacity(256);
    tail.string(c.token.as_str())
        .opt_addr(c.treasury.as_ref())
        .opt_addr(c.escrow.as_ref())
        .opt_addr(c.guardian.as_ref())
        .string(deposit_asset);
    r.set_tail(&tail.0);
    store.set(CONFIG_KEY, r.as_bytes());
    Ok(())
}

/// For `migrate`: whether the storage is in a layout this code reads. The configuration is
/// the one record every governance has (written when instantiation ends), so its layout
/// version is the storage's; this code reads version 2 only. Version 1 paid voter rewards per
/// proposal from a first-come budget, and its proposals hold no reward period, so a migration
/// from it is refused rather than guessed. A configuration written before layout versions
/// starts with the 4-byte length of the token's address, so its first byte is 0, never a
/// version: it is refused, as is any version this code does not read (older voting records
/// and ballots are checked as they load).
pub fn check_layout(store: &dyn Storage) -> Result<(), ContractError> {
    let bytes = store
        .get(CONFIG_KEY)
        .ok_or_else(|| StdError::not_found("config"))?;
    Stored::<ConfigLayout>::from_stored(bytes).map_err(ContractError::Layout)?;
    Ok(())
}

pub fn load_config(store: &dyn Storage) -> StdResult<Config> {
    ConfigBytes::load(store)?.decode()
}

/// The stored configuration, read in place: a vote needs only the suite's addresses, a
/// reward claim only the voter rewards, and decoding the whole configuration would cost more
/// than they do.
pub struct ConfigBytes(Stored<ConfigLayout>);

impl ConfigBytes {
    pub fn load(store: &dyn Storage) -> StdResult<Self> {
        let bytes = store
            .get(CONFIG_KEY)
            .ok_or_else(|| StdError::not_found("config"))?;
        Ok(ConfigBytes(Stored::from_stored(bytes)?))
    }

    fn tail(&self) -> Reader<'_> {
        Reader::new(self.0.tail(), "config")
    }

    /// The suite's contracts.
    pub fn contracts(&self) -> StdResult<Contracts<'_>> {
        let mut r = self.tail();
        let token = r.str()?;
        let [treasury, escrow] = [r.str()?, r.str()?].map(|a| (!a.is_empty()).then_some(a));
        Ok(Contracts {
            token,
            treasury,
            escrow,
        })
    }

    /// The voter rewards, if any.
    pub fn voter_rewards(&self) -> StdResult<Option<VoterRewardsConfig>> {
        let c = &self.0;
        Ok(c.get(ConfigLayout::HAS_VOTER_REWARDS)
            .then(|| VoterRewardsConfig {
                pool_per_period: c.get(ConfigLayout::REWARD_POOL),
                period_seconds: c.get(ConfigLayout::REWARD_PERIOD_SECONDS),
                vesting: RewardVesting {
                    cliff_seconds: c.get(ConfigLayout::REWARD_CLIFF_SECONDS),
                    duration_seconds: c.get(ConfigLayout::REWARD_DURATION_SECONDS),
                },
                min_turnout: Decimal::raw(c.get(ConfigLayout::REWARD_MIN_TURNOUT)),
            }))
    }

    /// The current reward epoch (0 before rewards were ever set) and when it started.
    pub fn reward_epoch(&self) -> (u64, Timestamp) {
        (
            self.0.get(ConfigLayout::REWARD_EPOCH),
            self.0.get(ConfigLayout::REWARD_START),
        )
    }

    /// Starts a new reward epoch at `now`: reward settings were just set, and their periods
    /// count from now.
    pub fn start_reward_epoch(store: &mut dyn Storage, now: Timestamp) -> StdResult<()> {
        let mut c = Self::load(store)?.0;
        let epoch = c.get(ConfigLayout::REWARD_EPOCH).checked_add(1);
        let epoch = epoch.ok_or_else(|| StdError::generic_err("reward epoch overflow"))?;
        c.set(ConfigLayout::REWARD_EPOCH, epoch);
        c.set(ConfigLayout::REWARD_START, now);
        store.set(CONFIG_KEY, c.as_bytes());
        Ok(())
    }

    /// The whole configuration, checked: every code valid, nothing missing or left over.
    pub fn decode(&self) -> StdResult<Config> {
        let c = &self.0;
        let mut r = self.tail();
        let token = r.addr()?;
        let treasury = r.opt_addr()?;
        let escrow = r.opt_addr()?;
        let guardian = r.opt_addr()?;
        let deposit_asset = r.string()?;
        r.finish()?;
        let proposal_deposit = match c.get(ConfigLayout::DEPOSIT_KIND) {
            0 => None,
            kind => Some(DepositConfig {
                asset_info: match kind {
                    1 => AssetInfo::Native(deposit_asset),
                    2 => AssetInfo::Cw20(Addr::unchecked(deposit_asset)),
                    _ => return Err(StdError::parse_err("config", "unknown deposit kind")),
                },
                amount: c.get(ConfigLayout::DEPOSIT_AMOUNT),
                refund: refund_from(c.get(ConfigLayout::DEPOSIT_REFUND))?,
            }),
        };
        Ok(Config {
            token,
            treasury,
            escrow,
            voting_period_seconds: c.get(ConfigLayout::VOTING_PERIOD_SECONDS),
            min_voting_period_seconds: c.get(ConfigLayout::MIN_VOTING_PERIOD_SECONDS),
            threshold: threshold(c.part(ConfigLayout::THRESHOLD))?,
            allow_revoting: c.get(ConfigLayout::ALLOW_REVOTING),
            execution_delay_seconds: c.get(ConfigLayout::EXECUTION_DELAY_SECONDS),
            execution_window_seconds: c.get(ConfigLayout::EXECUTION_WINDOW_SECONDS),
            proposal_deposit,
            min_proposer_power: c.get(ConfigLayout::MIN_PROPOSER_POWER),
            voter_rewards: self.voter_rewards()?,
            max_actions: c.get(ConfigLayout::MAX_ACTIONS),
            guardian,
        })
    }
}

/// The suite's contracts, as the configuration names them: what executing actions and
/// settling deposits needs of it.
pub struct Contracts<'a> {
    pub token: &'a str,
    pub treasury: Option<&'a str>,
    pub escrow: Option<&'a str>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use commons::governance::RefundPolicy;
    use commons::layout::LayoutError;
    use cosmwasm_std::testing::MockStorage;

    fn config() -> Config {
        Config {
            token: Addr::unchecked("token"),
            treasury: Some(Addr::unchecked("treasury")),
            escrow: None,
            voting_period_seconds: 1_000,
            min_voting_period_seconds: 10,
            threshold: Threshold::ThresholdQuorum {
                threshold: Decimal::percent(50),
                quorum: Decimal::permille(333),
            },
            allow_revoting: true,
            execution_delay_seconds: 100,
            execution_window_seconds: 500,
            proposal_deposit: Some(DepositConfig {
                asset_info: AssetInfo::Native("ucoin".into()),
                amount: Uint128::new(10),
                refund: RefundPolicy::OnlyPassed,
            }),
            min_proposer_power: Uint128::MAX,
            voter_rewards: Some(VoterRewardsConfig {
                pool_per_period: Uint128::new(70),
                period_seconds: 86_400,
                vesting: RewardVesting {
                    cliff_seconds: 1,
                    duration_seconds: 2,
                },
                min_turnout: Decimal::percent(10),
            }),
            max_actions: 30,
            guardian: Some(Addr::unchecked("council")),
        }
    }

    #[test]
    fn config_round_trips_and_reads_in_place() {
        let mut store = MockStorage::new();
        let mut c = config();
        save_config(&mut store, &c).unwrap();
        assert_eq!(load_config(&store).unwrap(), c);
        let bytes = ConfigBytes::load(&store).unwrap();
        let contracts = bytes.contracts().unwrap();
        assert_eq!(
            (contracts.token, contracts.treasury, contracts.escrow),
            ("token", Some("treasury"), None)
        );
        assert_eq!(bytes.voter_rewards().unwrap(), c.voter_rewards);
        assert_eq!(bytes.reward_epoch(), (0, Timestamp::from_nanos(0)));
        // a new epoch, kept by later saves of the configuration
        ConfigBytes::start_reward_epoch(&mut store, Timestamp::from_seconds(7)).unwrap();
        ConfigBytes::start_reward_epoch(&mut store, Timestamp::from_seconds(9)).unwrap();
        save_config(&mut store, &c).unwrap();
        let bytes = ConfigBytes::load(&store).unwrap();
        assert_eq!(bytes.reward_epoch(), (2, Timestamp::from_seconds(9)));
        assert_eq!(load_config(&store).unwrap(), c);
        c.treasury = None;
        c.escrow = Some(Addr::unchecked("escrow"));
        c.threshold = Threshold::AbsolutePercentage {
            percentage: Decimal::one(),
        };
        c.proposal_deposit = None;
        c.voter_rewards = None;
        c.guardian = None;
        save_config(&mut store, &c).unwrap();
        assert_eq!(load_config(&store).unwrap(), c);
        let bytes = ConfigBytes::load(&store).unwrap();
        assert_eq!(bytes.voter_rewards().unwrap(), None);
        assert_eq!(bytes.contracts().unwrap().escrow, Some("escrow"));
        assert_eq!(bytes.contracts().unwrap().treasury, None);
        c.proposal_deposit = Some(DepositConfig {
            asset_info: AssetInfo::Cw20(Addr::unchecked("cosmwasm1deposit")),
            amount: Uint128::MAX,
            refund: RefundPolicy::Always,
        });
        save_config(&mut store, &c).unwrap();
        assert_eq!(load_config(&store).unwrap(), c);
        // corrupt: an unknown threshold kind, a missing guardian, a later layout version
        let good = store.get(CONFIG_KEY).unwrap();
        let mut bad = good.clone();
        bad[ConfigLayout::THRESHOLD.at()] = 3;
        store.set(CONFIG_KEY, &bad);
        assert!(load_config(&store).is_err());
        store.set(CONFIG_KEY, &good[..good.len() - 1]);
        assert!(load_config(&store).is_err());
        let mut future = good;
        future[0] = 3;
        store.set(CONFIG_KEY, &future);
        let err = ConfigBytes::load(&store).err().unwrap();
        assert!(err.to_string().contains("layout version 3"), "{err}");
    }

    #[test]
    fn migrate_reads_the_layout_versions_it_knows_and_refuses_the_rest() {
        use crate::contract::{migrate, CONTRACT_NAME};
        use commons::migrate::MigrateMsg;
        use cosmwasm_std::testing::{mock_dependencies, mock_env};
        let mut deps = mock_dependencies();
        cw2::set_contract_version(&mut deps.storage, CONTRACT_NAME, "0.0.1").unwrap();
        save_config(&mut deps.storage, &config()).unwrap();
        let good = deps.storage.get(CONFIG_KEY).unwrap();
        migrate(deps.as_mut(), mock_env(), MigrateMsg {}).unwrap();
        // a later layout version, version 1 (voter rewards per proposal), and a configuration
        // from before layout versions (it starts with the length of the token's address)
        let mut future = good.clone();
        future[0] = 3;
        let mut per_proposal = good.clone();
        per_proposal[0] = 1;
        let mut unversioned = vec![0, 0, 0, 5];
        unversioned.extend_from_slice(b"token");
        unversioned.extend_from_slice(&good[1..]);
        for (bytes, version) in [(future, 3), (per_proposal, 1), (unversioned, 0)] {
            deps.storage.set(CONFIG_KEY, &bytes);
            assert_eq!(
                migrate(deps.as_mut(), mock_env(), MigrateMsg {}).unwrap_err(),
                ContractError::Layout(LayoutError::UnknownVersion {
                    record: "config",
                    version
                })
            );
        }
        deps.storage.remove(CONFIG_KEY);
        assert!(migrate(deps.as_mut(), mock_env(), MigrateMsg {}).is_err());
    }
}
