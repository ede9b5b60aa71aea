//! The migration rule every Commons contract follows: same contract name, never a downgrade.

use core::cmp::Ordering;

use cosmwasm_std::{StdError, Storage};
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

/// A version as Semantic Versioning 2.0.0 orders it: the numeric core, then the pre-release
/// identifiers (build metadata does not count). Hand-written rather than the `semver` crate:
/// comparing two versions is all a migration needs, and the crate's parser and errors cost
/// every contract some 3 KB of wasm.
#[derive(Debug, PartialEq, Eq)]
struct Precedence<'a> {
    core: [u64; 3],
    pre: Vec<&'a str>,
}

fn parse(version: &str) -> Result<Precedence<'_>, MigrateError> {
    let invalid = |reason: &str| MigrateError::InvalidVersion {
        version: version.to_string(),
        reason: reason.to_string(),
    };
    let (rest, build) = match version.split_once('+') {
        Some((rest, build)) => (rest, Some(build)),
        None => (version, None),
    };
    let (core, pre) = match rest.split_once('-') {
        Some((core, pre)) => (core, Some(pre)),
        None => (rest, None),
    };
    let mut parts = core.split('.');
    let mut numbers = [0u64; 3];
    for number in &mut numbers {
        let part = parts
            .next()
            .ok_or_else(|| invalid("expected major.minor.patch"))?;
        *number = numeric(part).ok_or_else(|| invalid("expected major.minor.patch numbers"))?;
    }
    if parts.next().is_some() {
        return Err(invalid("expected major.minor.patch"));
    }
    let pre: Vec<&str> = match pre {
        Some(pre) => pre.split('.').collect(),
        None => vec![],
    };
    let pre_ok = pre.iter().all(|id| {
        identifier(id) && (numeric(id).is_some() || !id.bytes().all(|b| b.is_ascii_digit()))
    });
    if !pre_ok {
        return Err(invalid("invalid pre-release identifier"));
    }
    if build.is_some_and(|build| !build.split('.').all(identifier)) {
        return Err(invalid("invalid build metadata"));
    }
    Ok(Precedence { core: numbers, pre })
}

/// A numeric identifier: digits without a leading zero, within u64.
fn numeric(text: &str) -> Option<u64> {
    let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    let leading_zero = text.len() > 1 && text.starts_with('0');
    if digits && !leading_zero {
        text.parse().ok()
    } else {
        None
    }
}

/// A pre-release or build identifier: one or more of `[0-9A-Za-z-]`.
fn identifier(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

impl Ord for Precedence<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.core.cmp(&other.core).then_with(|| {
            match (self.pre.is_empty(), other.pre.is_empty()) {
                // a pre-release comes before its release
                (true, true) => Ordering::Equal,
                (true, false) => Ordering::Greater,
                (false, true) => Ordering::Less,
                (false, false) => {
                    for (a, b) in self.pre.iter().zip(&other.pre) {
                        let order = match (numeric(a), numeric(b)) {
                            (Some(a), Some(b)) => a.cmp(&b),
                            (Some(_), None) => Ordering::Less,
                            (None, Some(_)) => Ordering::Greater,
                            (None, None) => a.cmp(b),
                        };
                        if order != Ordering::Equal {
                            return order;
                        }
                    }
                    self.pre.len().cmp(&other.pre.len())
                }
            }
        })
    }
}

impl PartialOrd for Precedence<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
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
    fn orders_versions_as_semantic_versioning_does() {
        // the precedence example of semver.org, then build metadata, which does not count
        let ordered = [
            "0.9.99",
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-alpha.beta",
            "1.0.0-beta",
            "1.0.0-beta.2",
            "1.0.0-beta.11",
            "1.0.0-rc.1",
            "1.0.0",
            "1.0.1",
            "1.2.0",
            "1.10.0",
            "2.0.0",
            "18446744073709551615.0.0",
        ];
        for (i, a) in ordered.iter().enumerate() {
            for (j, b) in ordered.iter().enumerate() {
                let order = parse(a).unwrap().cmp(&parse(b).unwrap());
                assert_eq!(order, i.cmp(&j), "{a} against {b}");
            }
        }
        assert_eq!(
            parse("1.0.0+build.7")
                .unwrap()
                .cmp(&parse("1.0.0+a-b").unwrap()),
            Ordering::Equal
        );
        assert_eq!(
            parse("1.0.0-x-y.0+z")
                .unwrap()
                .cmp(&parse("1.0.0-x-y.0").unwrap()),
            Ordering::Equal
        );
    }

    #[test]
    fn refuses_what_is_not_semantic_versioning() {
        for bad in [
            "",
            "1",
            "1.0",
            "1.0.0.0",
            "v1.0.0",
            "01.0.0",
            "1.00.0",
            "1.0.-1",
            "1.0.0-",
            "1.0.0-01",
            "1.0.0-a..b",
            "1.0.0-é",
            "1.0.0+",
            "1.0.0+a..b",
            "1.0.0+a+b",
            " 1.0.0",
            "1.0.0 ",
            "18446744073709551616.0.0",
            "1.0.0-a_b",
        ] {
            assert!(
                matches!(parse(bad), Err(MigrateError::InvalidVersion { .. })),
                "{bad:?} was accepted"
            );
        }
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
