//! The migration rule every Commons contract follows: same contract name, never a downgrade.

use cosmwasm_std::{StdError, Storage};
use semver::Version;
use thiserror::Error;

/// Empty migrate message shared by the contracts; a migration that needs input gets its own type.
#[commons_json::wire]
#[derive(Default)]
pub struct MigrateMsg {}

/// Why a migration was refused.
#[derive(Error, Debug, PartialEq)]
pub enum MigrateError {
    #[error("{0}")]
    Std(#[from] StdError),
    #[error("cannot migrate a {found} contract into {expected}")]
    WrongContract { expected: String, found: String },
    #[error("cannot migrate from version {stored} down to {new}")]
    Downgrade { stored: String, new: String },
    #[error("version {version} is not semantic versioning: {reason}")]
    InvalidVersion { version: String, reason: String },
}

fn parse(version: &str) -> Result<Version, MigrateError> {
    version
        .parse()
        .map_err(|e: semver::Error| MigrateError::InvalidVersion {
            version: version.to_string(),
            reason: e.to_string(),
        })
}

/// Checks the stored cw2 info against `name`/`version`, then records the new version.
/// Re-running the same version is allowed (a no-op migration), an older one is refused.
pub fn migrate_version(
    storage: &mut dyn Storage,
    name: &str,
    version: &str,
) -> Result<(), MigrateError> {
    let stored = cw2::get_contract_version(storage)?;
    if stored.contract != name {
        return Err(MigrateError::WrongContract {
            expected: name.to_string(),
            found: stored.contract,
        });
    }
    if parse(&stored.version)? > parse(version)? {
        return Err(MigrateError::Downgrade {
            stored: stored.version,
            new: version.to_string(),
        });
    }
    cw2::set_contract_version(storage, name, version)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::MockStorage;

    #[test]
    fn refuses_other_contracts_and_downgrades() {
        let mut store = MockStorage::new();
        cw2::set_contract_version(&mut store, "crates.io:commons-x", "1.2.0").unwrap();
        assert_eq!(
            migrate_version(&mut store, "crates.io:commons-y", "1.3.0"),
            Err(MigrateError::WrongContract {
                expected: "crates.io:commons-y".into(),
                found: "crates.io:commons-x".into()
            })
        );
        assert_eq!(
            migrate_version(&mut store, "crates.io:commons-x", "1.1.9"),
            Err(MigrateError::Downgrade {
                stored: "1.2.0".into(),
                new: "1.1.9".into()
            })
        );
        assert!(matches!(
            migrate_version(&mut store, "crates.io:commons-x", "one"),
            Err(MigrateError::InvalidVersion { .. })
        ));
        migrate_version(&mut store, "crates.io:commons-x", "1.2.0").unwrap();
        migrate_version(&mut store, "crates.io:commons-x", "1.10.0").unwrap();
        assert_eq!(cw2::get_contract_version(&store).unwrap().version, "1.10.0");
    }

    #[test]
    fn refuses_uninitialised_storage() {
        let mut store = MockStorage::new();
        assert!(matches!(
            migrate_version(&mut store, "crates.io:commons-x", "1.0.0"),
            Err(MigrateError::Std(_))
        ));
    }
}
