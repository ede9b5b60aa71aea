//! JSON names: serde's `rename_all` rules, and keys spelled as serde-json-wasm writes them.

use syn::{LitStr, Result};

/// serde's `rename_all` values, applied as serde applies them: variant names are taken to be
/// PascalCase and field names snake_case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RenameRule {
    None,
    LowerCase,
    UpperCase,
    PascalCase,
    CamelCase,
    SnakeCase,
    ScreamingSnakeCase,
    KebabCase,
    ScreamingKebabCase,
}

impl RenameRule {
    pub fn parse(lit: &LitStr) -> Result<Self> {
        Ok(match lit.value().as_str() {
            "lowercase" => RenameRule::LowerCase,
            "UPPERCASE" => RenameRule::UpperCase,
            "PascalCase" => RenameRule::PascalCase,
            "camelCase" => RenameRule::CamelCase,
            "snake_case" => RenameRule::SnakeCase,
            "SCREAMING_SNAKE_CASE" => RenameRule::ScreamingSnakeCase,
            "kebab-case" => RenameRule::KebabCase,
            "SCREAMING-KEBAB-CASE" => RenameRule::ScreamingKebabCase,
            _ => return Err(syn::Error::new(lit.span(), "unknown `rename_all` rule")),
        })
    }

    pub fn apply_to_variant(self, variant: &str) -> String {
        match self {
            RenameRule::None | RenameRule::PascalCase => variant.to_string(),
            RenameRule::LowerCase => variant.to_ascii_lowercase(),
            RenameRule::UpperCase => variant.to_ascii_uppercase(),
            RenameRule::CamelCase => lower_first(variant),
            RenameRule::SnakeCase => {
                let mut snake = String::new();
                for (i, ch) in variant.char_indices() {
                    if i > 0 && ch.is_uppercase() {
                        snake.push('_');
                    }
                    snake.push(ch.to_ascii_lowercase());
                }
                snake
            }
            RenameRule::ScreamingSnakeCase => RenameRule::SnakeCase
                .apply_to_variant(variant)
                .to_ascii_uppercase(),
            RenameRule::KebabCase => RenameRule::SnakeCase
                .apply_to_variant(variant)
                .replace('_', "-"),
            RenameRule::ScreamingKebabCase => RenameRule::ScreamingSnakeCase
                .apply_to_variant(variant)
                .replace('_', "-"),
        }
    }

    pub fn apply_to_field(self, field: &str) -> String {
        match self {
            RenameRule::None | RenameRule::LowerCase | RenameRule::SnakeCase => field.to_string(),
            RenameRule::UpperCase | RenameRule::ScreamingSnakeCase => field.to_ascii_uppercase(),
            RenameRule::PascalCase => {
                let mut pascal = String::new();
                let mut capitalize = true;
                for ch in field.chars() {
                    if ch == '_' {
                        capitalize = true;
                    } else if capitalize {
                        pascal.push(ch.to_ascii_uppercase());
                        capitalize = false;
                    } else {
                        pascal.push(ch);
                    }
                }
                pascal
            }
            RenameRule::CamelCase => lower_first(&RenameRule::PascalCase.apply_to_field(field)),
            RenameRule::KebabCase => field.replace('_', "-"),
            RenameRule::ScreamingKebabCase => field.to_ascii_uppercase().replace('_', "-"),
        }
    }
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// `s` as a JSON string, quoted and escaped as serde-json-wasm writes it.
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\0'..='\u{1f}' => out.push_str(&format!("\\u{:04X}", ch as u32)),
            _ => out.push(ch),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_are_renamed_as_serde_renames_them() {
        let rules = [
            (RenameRule::SnakeCase, "treasury_spend_to_contract"),
            (RenameRule::LowerCase, "treasuryspendtocontract"),
            (RenameRule::UpperCase, "TREASURYSPENDTOCONTRACT"),
            (RenameRule::CamelCase, "treasurySpendToContract"),
            (RenameRule::PascalCase, "TreasurySpendToContract"),
            (RenameRule::ScreamingSnakeCase, "TREASURY_SPEND_TO_CONTRACT"),
            (RenameRule::KebabCase, "treasury-spend-to-contract"),
            (RenameRule::ScreamingKebabCase, "TREASURY-SPEND-TO-CONTRACT"),
        ];
        for (rule, want) in rules {
            assert_eq!(rule.apply_to_variant("TreasurySpendToContract"), want);
        }
        // serde splits at every capital: `Cw20` is `cw20`, `IBCMsg` is `i_b_c_msg`
        assert_eq!(RenameRule::SnakeCase.apply_to_variant("Cw20"), "cw20");
        assert_eq!(
            RenameRule::SnakeCase.apply_to_variant("IBCMsg"),
            "i_b_c_msg"
        );
    }

    #[test]
    fn fields_are_renamed_as_serde_renames_them() {
        let rules = [
            (RenameRule::SnakeCase, "min_voting_period"),
            (RenameRule::CamelCase, "minVotingPeriod"),
            (RenameRule::PascalCase, "MinVotingPeriod"),
            (RenameRule::ScreamingSnakeCase, "MIN_VOTING_PERIOD"),
            (RenameRule::KebabCase, "min-voting-period"),
            (RenameRule::ScreamingKebabCase, "MIN-VOTING-PERIOD"),
        ];
        for (rule, want) in rules {
            assert_eq!(rule.apply_to_field("min_voting_period"), want);
        }
    }

    #[test]
    fn keys_are_escaped_as_serde_escapes_them() {
        assert_eq!(json_string("plain_key"), "\"plain_key\"");
        assert_eq!(
            json_string("q\"b\\n\n\u{1}\u{1f}é"),
            "\"q\\\"b\\\\n\\n\\u0001\\u001Fé\""
        );
    }
}
