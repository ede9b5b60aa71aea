//! Why a JSON text was refused, and where in it.

use std::fmt;

use cosmwasm_std::StdError;

/// Why a value could not be read, and where: the path is built on the way out of the reader
/// (`propose.actions[2].token_mint.amount`), so whoever wrote the message can find the field.
///
/// Boxed, so that a `Result` carrying it is no bigger than the value it carries: every reader
/// returns one, and errors are rare.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error(Box<Inner>);

#[derive(Clone, Debug, PartialEq, Eq)]
struct Inner {
    message: String,
    path: String,
}

impl Error {
    /// An error found where the value is (the path is added by the readers around it).
    pub fn new(message: impl Into<String>) -> Self {
        Error(Box::new(Inner {
            message: message.into(),
            path: String::new(),
        }))
    }

    /// What was refused, without the path.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// Where: fields and variants separated by `.`, array items as `[index]`; empty for the
    /// message as a whole.
    pub fn path(&self) -> &str {
        &self.0.path
    }

    /// The same error seen from one level out: inside the field or variant `key`.
    pub fn within(mut self, key: &str) -> Self {
        if !key.is_empty() {
            let path = &mut self.0.path;
            if !path.is_empty() && !path.starts_with('[') {
                path.insert(0, '.');
            }
            path.insert_str(0, key);
        }
        self
    }

    /// The same error seen from one level out: inside item `index` of an array.
    pub fn at_index(mut self, index: usize) -> Self {
        let path = &mut self.0.path;
        if !path.is_empty() && !path.starts_with('[') {
            path.insert(0, '.');
        }
        path.insert_str(0, &format!("[{index}]"));
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.message)?;
        if !self.0.path.is_empty() {
            write!(f, " at `{}`", self.0.path)?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

impl From<Error> for StdError {
    fn from(error: Error) -> Self {
        StdError::parse_err("JSON message", error.to_string())
    }
}

/// `one of `a`, `b``, as serde lists what it expected.
pub(crate) fn one_of(names: &[&str]) -> String {
    match names {
        [] => "nothing (there are none)".to_string(),
        [only] => format!("`{only}`"),
        _ => {
            let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            format!("one of {}", quoted.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_from_the_outside_in() {
        let e = Error::new("expected Uint128, got a number")
            .within("amount")
            .within("token_mint")
            .at_index(2)
            .within("actions")
            .within("propose");
        assert_eq!(e.path(), "propose.actions[2].token_mint.amount");
        assert_eq!(
            e.to_string(),
            "expected Uint128, got a number at `propose.actions[2].token_mint.amount`"
        );
        let e = Error::new("x").at_index(1).at_index(0).within("");
        assert_eq!(e.path(), "[0][1]");
        assert_eq!(Error::new("bare").to_string(), "bare");
    }

    #[test]
    fn lists_read_as_serde_writes_them() {
        assert_eq!(one_of(&["a"]), "`a`");
        assert_eq!(one_of(&["a", "b"]), "one of `a`, `b`");
        assert_eq!(one_of(&[]), "nothing (there are none)");
    }
}
