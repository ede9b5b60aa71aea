//! Address validation, the same in every contract: every address from input goes through
//! `addr_validate`, and a refusal names the input and the reason, so whoever sent it can fix it.

use cosmwasm_std::{Addr, Api};
use thiserror::Error;

/// An input that is not a valid address of this chain.
#[derive(Error, Debug, Clone, PartialEq, Eq)]
#[error("invalid address {address:?}: {reason}")]
pub struct InvalidAddress {
    /// The input as given.
    pub address: String,
    /// Why the chain refused it.
    pub reason: String,
}

/// `input` as a validated address of this chain.
pub fn validate_addr(api: &dyn Api, input: &str) -> Result<Addr, InvalidAddress> {
    api.addr_validate(input).map_err(|e| InvalidAddress {
        address: input.to_string(),
        reason: e.to_string(),
    })
}

/// `input`, if given, as a validated address of this chain.
pub fn validate_opt_addr(
    api: &dyn Api,
    input: Option<&str>,
) -> Result<Option<Addr>, InvalidAddress> {
    input.map(|a| validate_addr(api, a)).transpose()
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::MockApi;

    #[test]
    fn valid_addresses_pass_and_bad_ones_are_named() {
        let api = MockApi::default();
        let alice = api.addr_make("alice");
        assert_eq!(validate_addr(&api, alice.as_str()), Ok(alice.clone()));
        let err = validate_addr(&api, "ALICE").unwrap_err();
        assert_eq!(err.address, "ALICE");
        assert!(err.to_string().starts_with("invalid address \"ALICE\": "));
        assert_eq!(validate_opt_addr(&api, None), Ok(None));
        assert_eq!(
            validate_opt_addr(&api, Some(alice.as_str())),
            Ok(Some(alice))
        );
        assert!(validate_opt_addr(&api, Some("")).is_err());
    }
}
