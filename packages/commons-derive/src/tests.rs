//! What the derives refuse to generate: shapes and serde attributes whose JSON the generated
//! code would not match. (What they generate is tested through `commons_json` in `tests/`.)

use syn::{parse_quote, DeriveInput};

use crate::model::{Container, Shape, VariantKind};

fn refused(input: DeriveInput) -> String {
    match Container::from_input(&input) {
        Ok(_) => panic!("accepted {}", quote::quote!(#input)),
        Err(e) => e.to_string(),
    }
}

#[test]
fn attributes_that_change_the_json_are_refused() {
    let inputs: Vec<(DeriveInput, &str)> = vec![
        (
            parse_quote!(
                struct S {
                    #[serde(flatten)]
                    a: T,
                }
            ),
            "`flatten` on a field",
        ),
        (
            parse_quote!(
                struct S {
                    #[serde(skip_serializing_if = "Option::is_none")]
                    a: Option<u8>,
                }
            ),
            "`skip_serializing_if`",
        ),
        (
            parse_quote!(
                struct S {
                    #[serde(alias = "b")]
                    a: u8,
                }
            ),
            "`alias`",
        ),
        (
            parse_quote!(
                struct S {
                    #[serde(with = "m")]
                    a: u8,
                }
            ),
            "`with`",
        ),
        (
            parse_quote!(
                struct S {
                    #[serde(skip)]
                    a: u8,
                }
            ),
            "`skip`",
        ),
        (
            parse_quote!(
                #[serde(tag = "type")]
                enum E {
                    A {},
                }
            ),
            "`tag` on a type",
        ),
        (
            parse_quote!(
                #[serde(untagged)]
                enum E {
                    A(u8),
                }
            ),
            "`untagged`",
        ),
        (
            parse_quote!(
                #[serde(default)]
                struct S {
                    a: u8,
                }
            ),
            "`default` on a type",
        ),
        (
            parse_quote!(
                #[serde(transparent)]
                struct S {
                    a: u8,
                }
            ),
            "`transparent`",
        ),
        (
            parse_quote!(
                enum E {
                    #[serde(other)]
                    A,
                }
            ),
            "`other` on a variant",
        ),
        (
            parse_quote!(
                enum E {
                    #[serde(skip)]
                    A,
                }
            ),
            "`skip` on a variant",
        ),
        (
            parse_quote!(
                enum E {
                    A(u8, u8),
                }
            ),
            "not tuple variants",
        ),
        (
            parse_quote!(
                struct S(u8, u8);
            ),
            "named fields and newtype structs",
        ),
        (
            parse_quote!(
                struct S;
            ),
            "named fields and newtype structs",
        ),
        (parse_quote!(union U { a: u8 }), "unions"),
        (
            parse_quote!(
                struct S {
                    a: u8,
                    #[serde(rename = "a")]
                    b: u8,
                }
            ),
            "two fields are named `a`",
        ),
        (
            parse_quote!(
                enum E {
                    A,
                    #[serde(rename = "a")]
                    B,
                }
            ),
            "two variants are named `a`",
        ),
        (
            parse_quote!(
                #[serde(rename_all = "Title Case")]
                enum E {
                    A,
                }
            ),
            "unknown `rename_all` rule",
        ),
        (
            parse_quote!(
                #[json(remote = "x::Y")]
                struct S<T> {
                    a: T,
                }
            ),
            "cannot be generic",
        ),
        (
            parse_quote!(
                #[json(other = "x")]
                struct S {
                    a: u8,
                }
            ),
            "expected `remote",
        ),
        (
            parse_quote!(
                struct S {
                    #[serde(rename = "a\"b")]
                    a: u8,
                }
            ),
            "would need escaping",
        ),
    ];
    for (input, want) in inputs {
        let e = refused(input);
        assert!(e.contains(want), "{want}: {e}");
    }
}

#[test]
fn what_cw_serde_adds_is_understood() {
    let input: DeriveInput = parse_quote! {
        #[serde(crate = "::cosmwasm_schema::serde")]
        #[schemars(crate = "::cosmwasm_schema::schemars")]
        #[serde(rename_all = "snake_case")]
        #[serde(deny_unknown_fields)]
        /// Documented.
        enum ExecuteMsg {
            /// Documented too.
            UpdateConfig(Box<Config>),
            Config {},
            Pause,
            #[serde(rename = "vote!")]
            Vote { #[serde(default)] id: u64, #[serde(default = "seven")] n: u64 },
        }
    };
    let c = Container::from_input(&input).unwrap();
    let Shape::Enum(variants) = c.shape else {
        panic!("an enum")
    };
    let names: Vec<&str> = variants.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names, ["update_config", "config", "pause", "vote!"]);
    assert!(matches!(variants[0].kind, VariantKind::Newtype));
    assert!(matches!(&variants[1].kind, VariantKind::Struct(f) if f.is_empty()));
    assert!(matches!(variants[2].kind, VariantKind::Unit));
    assert_eq!(c.name, "ExecuteMsg");
}

#[test]
fn remote_types_are_named_after_the_original() {
    let input: DeriveInput = parse_quote! {
        #[json(remote = "cw_utils::Threshold", crate = "crate")]
        enum ThresholdCopy { AbsoluteCount { weight: u64 } }
    };
    let c = Container::from_input(&input).unwrap();
    assert_eq!(c.name, "Threshold");
    assert!(c.remote.is_some());
}

#[test]
fn stand_ins_never_name_their_own_type() {
    let stand_in = |input: DeriveInput| {
        crate::read::stand_in(&Container::from_input(&input).unwrap()).map(|t| t.to_string())
    };
    // a unit variant first, wherever it is
    let unit: DeriveInput = parse_quote! { enum E { A(Box<E>), B { x: u8 }, C } };
    assert_eq!(stand_in(unit).unwrap(), "Self :: C");
    // else the first variant that does not hold the enum
    let nested: DeriveInput = parse_quote! { enum E { A(Vec<E>), B { x: Box<Self> }, C(u8) } };
    assert!(stand_in(nested).unwrap().starts_with("Self :: C ("));
    let none: DeriveInput = parse_quote! { enum E { A(Box<E>) } };
    assert!(stand_in(none).unwrap_err().to_string().contains("stand in"));
    let empty: DeriveInput = parse_quote! { enum E {} };
    assert!(stand_in(empty).is_err());
    let structure: DeriveInput = parse_quote! { struct S { a: u8, b: String } };
    assert!(stand_in(structure)
        .unwrap()
        .contains("a : :: commons_json :: FromJson :: stand_in ()"));
}
