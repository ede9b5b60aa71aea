//! Configuration: validation at instantiation and on `update_config` (governance only).

use commons::addr::validate_addr;
use commons::governance::{
    DepositChange, DepositConfig, DepositConfigUnchecked, InstantiateMsg, RewardsChange,
    UpdateConfigMsg, VoterRewardsConfig, MAX_ACTIONS_LIMIT,
};
use commons::time::{check_duration, check_max_duration};
use commons::vesting::VestingSchedule;
use cosmwasm_std::{Addr, Api, Decimal, DepsMut, Env, MessageInfo, Response, Timestamp};
use cw_utils::Threshold;

use crate::error::ContractError;
use crate::state::{load_config, save_config, Config, ConfigBytes};

/// Longest period of any kind (voting, timelock, window, reward period): the suite's bound,
/// ten years. Keeps every time sum far from overflowing.
pub const MAX_PERIOD_SECONDS: u64 = commons::time::MAX_DURATION_SECONDS;

fn invalid(reason: impl Into<String>) -> ContractError {
    ContractError::InvalidConfig {
        reason: reason.into(),
    }
}

fn validate_fraction(name: &str, value: Decimal) -> Result<(), ContractError> {
    if value.is_zero() || value > Decimal::one() {
        return Err(ContractError::InvalidThreshold {
            reason: format!("{name} must be above 0 and at most 1, got {value}"),
        });
    }
    Ok(())
}

pub fn validate_threshold(threshold: &Threshold) -> Result<(), ContractError> {
    match threshold {
        Threshold::AbsoluteCount { weight } if *weight == 0 => {
            Err(ContractError::InvalidThreshold {
                reason: "absolute_count weight must be greater than zero".into(),
            })
        }
        Threshold::AbsoluteCount { .. } => Ok(()),
        Threshold::AbsolutePercentage { percentage } => {
            validate_fraction("percentage", *percentage)
        }
        Threshold::ThresholdQuorum { threshold, quorum } => {
            validate_fraction("threshold", *threshold)?;
            validate_fraction("quorum", *quorum)
        }
    }
}

fn check_deposit(
    api: &dyn Api,
    d: &DepositConfigUnchecked,
) -> Result<DepositConfig, ContractError> {
    if d.amount.is_zero() {
        return Err(invalid("proposal_deposit amount must be greater than zero"));
    }
    Ok(DepositConfig {
        asset_info: d
            .asset_info
            .check(api)
            .map_err(|e| invalid(e.to_string()))?,
        amount: d.amount,
        refund: d.refund,
    })
}

fn check_rewards(r: &VoterRewardsConfig) -> Result<(), ContractError> {
    if r.pool_per_period.is_zero() {
        return Err(invalid(
            "voter_rewards pool_per_period must be greater than zero",
        ));
    }
    check_duration("voter_rewards period_seconds", r.period_seconds)?;
    // Zero would let a member reward itself for proposals no one else votes on; above 1 no
    // proposal could ever pay.
    if r.min_turnout.is_zero() || r.min_turnout > Decimal::one() {
        return Err(ContractError::InvalidMinTurnout {
            min_turnout: r.min_turnout,
        });
    }
    check_max_duration("voter_rewards vesting duration", r.vesting.duration_seconds)?;
    VestingSchedule {
        start_time: Timestamp::from_seconds(0),
        cliff_seconds: r.vesting.cliff_seconds,
        duration_seconds: r.vesting.duration_seconds,
    }
    .validate()?;
    Ok(())
}

/// Checks the invariants every configuration must hold.
pub fn validate_config(config: &Config) -> Result<(), ContractError> {
    if config.voting_period_seconds == 0 || config.voting_period_seconds > MAX_PERIOD_SECONDS {
        return Err(invalid(
            "voting_period_seconds must be 1 second to 10 years",
        ));
    }
    if config.min_voting_period_seconds > config.voting_period_seconds {
        return Err(invalid(
            "min_voting_period_seconds cannot exceed voting_period_seconds",
        ));
    }
    if config.execution_delay_seconds > MAX_PERIOD_SECONDS {
        return Err(invalid("execution_delay_seconds is at most 10 years"));
    }
    if config.execution_window_seconds == 0 || config.execution_window_seconds > MAX_PERIOD_SECONDS
    {
        return Err(invalid(
            "execution_window_seconds must be 1 second to 10 years",
        ));
    }
    if config.max_actions == 0 || config.max_actions > MAX_ACTIONS_LIMIT {
        return Err(invalid(format!(
            "max_actions must be 1 to {MAX_ACTIONS_LIMIT}"
        )));
    }
    validate_threshold(&config.threshold)?;
    if let Some(deposit) = &config.proposal_deposit {
        let is_token = deposit.asset_info == commons::AssetInfo::Cw20(config.token.clone());
        if !is_token && config.treasury.is_none() {
            return Err(invalid(
                "a deposit in another asset than the reward token needs a treasury to receive forfeits",
            ));
        }
    }
    if let Some(rewards) = &config.voter_rewards {
        check_rewards(rewards)?;
    }
    Ok(())
}

/// The configuration `msg` describes, with the given contract addresses.
pub fn config_from_msg(
    api: &dyn Api,
    msg: &InstantiateMsg,
    token: Addr,
    treasury: Option<Addr>,
    escrow: Option<Addr>,
) -> Result<Config, ContractError> {
    let config = Config {
        token,
        treasury,
        escrow,
        voting_period_seconds: msg.voting_period_seconds,
        min_voting_period_seconds: msg.min_voting_period_seconds.unwrap_or(0),
        threshold: msg.threshold.clone(),
        allow_revoting: msg.allow_revoting,
        execution_delay_seconds: msg.execution_delay_seconds,
        execution_window_seconds: msg.execution_window_seconds,
        proposal_deposit: msg
            .proposal_deposit
            .as_ref()
            .map(|d| check_deposit(api, d))
            .transpose()?,
        min_proposer_power: msg.min_proposer_power,
        voter_rewards: msg.voter_rewards.clone(),
        max_actions: msg.max_actions,
        guardian: msg
            .guardian
            .as_deref()
            .map(|g| validate_addr(api, g))
            .transpose()?,
    };
    validate_config(&config)?;
    Ok(config)
}

/// `config` with the given changes applied and validated.
pub fn apply_update(
    api: &dyn Api,
    mut config: Config,
    msg: &UpdateConfigMsg,
) -> Result<Config, ContractError> {
    // read in place: a clone of the whole message costs a clone and a drop of every field
    let m = msg;
    if let Some(v) = m.voting_period_seconds {
        config.voting_period_seconds = v;
    }
    if let Some(v) = m.min_voting_period_seconds {
        config.min_voting_period_seconds = v;
    }
    if let Some(v) = &m.threshold {
        config.threshold = v.clone();
    }
    if let Some(v) = m.allow_revoting {
        config.allow_revoting = v;
    }
    if let Some(v) = m.execution_delay_seconds {
        config.execution_delay_seconds = v;
    }
    if let Some(v) = m.execution_window_seconds {
        config.execution_window_seconds = v;
    }
    match &m.proposal_deposit {
        Some(DepositChange::Set(d)) => config.proposal_deposit = Some(check_deposit(api, d)?),
        Some(DepositChange::Remove) => config.proposal_deposit = None,
        None => {}
    }
    if let Some(v) = m.min_proposer_power {
        config.min_proposer_power = v;
    }
    match &m.voter_rewards {
        Some(RewardsChange::Set(r)) => config.voter_rewards = Some(r.clone()),
        Some(RewardsChange::Remove) => config.voter_rewards = None,
        None => {}
    }
    if let Some(v) = m.max_actions {
        config.max_actions = v;
    }
    if let Some(v) = &m.treasury {
        config.treasury = Some(validate_addr(api, v)?);
    }
    if let Some(v) = &m.escrow {
        config.escrow = Some(validate_addr(api, v)?);
    }
    match (&m.guardian, m.clear_guardian) {
        (Some(_), Some(true)) => {
            return Err(invalid(
                "give either `guardian` (to appoint one) or `clear_guardian` (to remove it)",
            ))
        }
        (Some(g), _) => config.guardian = Some(validate_addr(api, g)?),
        (None, Some(true)) => config.guardian = None,
        (None, _) => {}
    }
    validate_config(&config)?;
    Ok(config)
}

pub fn execute_update_config(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: UpdateConfigMsg,
) -> Result<Response, ContractError> {
    if info.sender != env.contract.address {
        return Err(ContractError::OnlyGovernance {
            action: "update the configuration".into(),
        });
    }
    let config = apply_update(deps.api, load_config(deps.storage)?, &msg)?;
    save_config(deps.storage, &config)?;
    // New reward settings start their own periods now; proposals already created keep paying
    // with the period and settings they were created in.
    if matches!(msg.voter_rewards, Some(RewardsChange::Set(_))) {
        ConfigBytes::start_reward_epoch(deps.storage, env.block.time)?;
    }
    Ok(Response::new().add_attribute("action", "update_config"))
}
