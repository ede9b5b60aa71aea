//! Providers: registration with a stake, metadata, unbonding and withdrawal.

use commons::escrow::{
    ProviderMetadata, ProviderStatus, MAX_ENDPOINT_LEN, MAX_HARDWARE_LEN, MAX_NAME_LEN,
    MAX_REGION_LEN,
};
use commons::time::plus_seconds;
use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, StdError, Uint128};

use crate::error::ContractError;
use crate::funds::{check_len, ensure_treasury_accepts, money, Payment};
use crate::state::{update_totals, Provider, CONFIG, PROVIDERS};

pub fn check_metadata(m: &ProviderMetadata) -> Result<(), ContractError> {
    check_len("name", &m.name, MAX_NAME_LEN, false)?;
    check_len("endpoint", &m.endpoint, MAX_ENDPOINT_LEN, true)?;
    check_len("hardware", &m.hardware, MAX_HARDWARE_LEN, true)?;
    check_len("region", &m.region, MAX_REGION_LEN, true)
}

fn min_stake(min: Option<Uint128>) -> Uint128 {
    min.unwrap_or(Uint128::one())
}

pub fn register(
    deps: DepsMut,
    payment: Payment,
    metadata: ProviderMetadata,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    check_metadata(&metadata)?;
    payment.expect_asset(&config.stake_asset)?;
    let min = min_stake(config.min_provider_stake);
    if payment.asset.amount < min {
        return Err(ContractError::StakeTooLow {
            min,
            got: payment.asset.amount,
        });
    }
    let previous = PROVIDERS.may_load(deps.storage, &payment.sender)?;
    if matches!(&previous, Some(p) if p.status != ProviderStatus::Withdrawn) {
        return Err(ContractError::AlreadyRegistered {
            address: payment.sender.to_string(),
        });
    }
    // a ruling on a job refunding the treasury deposits the slash there: a cw20 stake the
    // treasury refuses would make that ruling fail (see `funds::payout`)
    if let Some(treasury) = &config.treasury {
        ensure_treasury_accepts(
            &deps.querier,
            treasury,
            &config.stake_asset,
            "slashes of jobs refunding the treasury",
        )?;
    }
    // A provider that withdrew keeps its record (jobs completed, disputes lost, slashed).
    let provider = match previous {
        Some(p) => Provider {
            metadata,
            stake: payment.asset.amount,
            status: ProviderStatus::Bonded,
            unbonding_until: None,
            ..p
        },
        None => Provider {
            metadata,
            stake: payment.asset.amount,
            status: ProviderStatus::Bonded,
            unbonding_until: None,
            active_jobs: 0,
            jobs_completed: 0,
            disputes_lost: 0,
            slashed: Uint128::zero(),
        },
    };
    PROVIDERS.save(deps.storage, &payment.sender, &provider)?;
    update_totals(deps.storage, &config.stake_asset, |t| {
        t.staked = t.staked.checked_add(payment.asset.amount).ok()?;
        Some(())
    })?;
    Ok(Response::new()
        .add_attribute("action", "register_provider")
        .add_attribute("provider", payment.sender)
        .add_attribute("stake", money(&config.stake_asset, payment.asset.amount)))
}

fn load(deps: &DepsMut, who: &cosmwasm_std::Addr) -> Result<Provider, ContractError> {
    PROVIDERS
        .may_load(deps.storage, who)?
        .filter(|p| p.status != ProviderStatus::Withdrawn)
        .ok_or_else(|| ContractError::NotRegistered {
            address: who.to_string(),
        })
}

pub fn execute_update_provider(
    deps: DepsMut,
    info: MessageInfo,
    metadata: ProviderMetadata,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    check_metadata(&metadata)?;
    let mut provider = load(&deps, &info.sender)?;
    provider.metadata = metadata;
    PROVIDERS.save(deps.storage, &info.sender, &provider)?;
    Ok(Response::new()
        .add_attribute("action", "update_provider")
        .add_attribute("provider", info.sender))
}

pub fn add_stake(deps: DepsMut, payment: Payment) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    payment.expect_asset(&config.stake_asset)?;
    let mut provider = load(&deps, &payment.sender)?;
    provider.stake = provider
        .stake
        .checked_add(payment.asset.amount)
        .map_err(StdError::overflow)?;
    PROVIDERS.save(deps.storage, &payment.sender, &provider)?;
    update_totals(deps.storage, &config.stake_asset, |t| {
        t.staked = t.staked.checked_add(payment.asset.amount).ok()?;
        Some(())
    })?;
    Ok(Response::new()
        .add_attribute("action", "add_stake")
        .add_attribute("provider", payment.sender)
        .add_attribute("added", money(&config.stake_asset, payment.asset.amount))
        .add_attribute("stake", money(&config.stake_asset, provider.stake)))
}

pub fn execute_unbond(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    let mut provider = load(&deps, &info.sender)?;
    if provider.status != ProviderStatus::Bonded {
        return Err(ContractError::NotBonded {
            status: provider.status,
        });
    }
    let until = plus_seconds(env.block.time, config.provider_unbonding_seconds)?;
    provider.status = ProviderStatus::Unbonding;
    provider.unbonding_until = Some(until);
    PROVIDERS.save(deps.storage, &info.sender, &provider)?;
    Ok(Response::new()
        .add_attribute("action", "unbond")
        .add_attribute("provider", info.sender)
        .add_attribute("unbonding_until", until.seconds().to_string()))
}

pub fn execute_withdraw_stake(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    let mut provider = load(&deps, &info.sender)?;
    let until = match (provider.status, provider.unbonding_until) {
        (ProviderStatus::Unbonding, Some(until)) => until,
        (status, _) => return Err(ContractError::NotBonded { status }),
    };
    if env.block.time < until {
        return Err(ContractError::StillUnbonding { until });
    }
    if provider.active_jobs > 0 {
        return Err(ContractError::JobsRunning {
            active_jobs: provider.active_jobs,
        });
    }
    let amount = provider.stake;
    provider.stake = Uint128::zero();
    provider.status = ProviderStatus::Withdrawn;
    provider.unbonding_until = None;
    PROVIDERS.save(deps.storage, &info.sender, &provider)?;
    update_totals(deps.storage, &config.stake_asset, |t| {
        t.staked = t.staked.checked_sub(amount).ok()?;
        Some(())
    })?;
    let mut res = Response::new()
        .add_attribute("action", "withdraw_stake")
        .add_attribute("provider", &info.sender)
        .add_attribute("withdrawn", money(&config.stake_asset, amount));
    if !amount.is_zero() {
        res = res.add_message(config.stake_asset.transfer_msg(&info.sender, amount)?);
    }
    Ok(res)
}
