//! What a derive needs to know about a type: its shape and the JSON name of every field and
//! variant, with serde's attributes applied. An attribute that would make serde read or write
//! something the generated code does not is a compile error, never silently ignored.

use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Attribute, Data, DeriveInput, Fields, Generics, Ident, LitStr, Path, Result};

use crate::names::RenameRule;

pub struct Container {
    pub ident: Ident,
    pub generics: Generics,
    /// `#[json(remote = "path")]`: the type the impls are for, when the input is a copy of a
    /// foreign type's definition.
    pub remote: Option<Path>,
    /// Where the runtime is: `::commons_json` unless `#[json(crate = "path")]`.
    pub krate: Path,
    /// `#[json(ignore_unknown_fields)]`: unknown fields are skipped, as serde skips them
    /// without `deny_unknown_fields` (for mirrors of foreign types that must read exactly
    /// what their serde impls read); duplicates are still refused, as serde refuses them.
    pub ignore_unknown: bool,
    /// The type's name in error messages.
    pub name: String,
    pub shape: Shape,
}

pub enum Shape {
    Struct(Vec<Field>),
    /// `struct Name(Inner);`: serde reads and writes the inner value.
    Newtype,
    Enum(Vec<Variant>),
}

pub struct Field {
    pub ident: Ident,
    pub ty: syn::Type,
    /// The JSON key.
    pub key: String,
    pub default: FieldDefault,
}

pub enum FieldDefault {
    /// Absent is an error (or `None`, for an `Option`).
    None,
    /// `#[serde(default)]`
    Trait,
    /// `#[serde(default = "path")]`
    Path(Path),
}

pub struct Variant {
    pub ident: Ident,
    /// The variant's `#[cfg(...)]` attributes, repeated on every arm generated for it, so that
    /// a mirror can declare variants that exist only with some features of their crate.
    pub cfg: Vec<Attribute>,
    /// The type of a newtype variant's field.
    pub newtype_ty: Option<syn::Type>,
    /// The JSON name.
    pub name: String,
    pub kind: VariantKind,
}

pub enum VariantKind {
    Unit,
    Newtype,
    Struct(Vec<Field>),
}

fn unsupported(meta: &ParseNestedMeta, what: &str) -> syn::Error {
    let name = meta
        .path
        .get_ident()
        .map_or_else(|| "this".to_string(), ToString::to_string);
    meta.error(format!(
        "`{name}` on {what} is not supported by FromJson/ToJson: the generated code would not \
         read or write what serde does"
    ))
}

/// A visitor of the items of an attribute (`rename = "..."`, `default`, ...).
type Visit<'a> = &'a mut dyn FnMut(&ParseNestedMeta) -> Result<()>;

/// Calls `serde` for every item of every `#[serde(...)]` attribute, and `json` for those of
/// `#[json(...)]` (which are an error where `json` is not given).
fn for_each_meta(
    attrs: &[Attribute],
    mut serde: impl FnMut(&ParseNestedMeta) -> Result<()>,
    mut json: Option<Visit>,
) -> Result<()> {
    for attr in attrs {
        if attr.path().is_ident("serde") {
            attr.parse_nested_meta(|meta| serde(&meta))?;
        } else if attr.path().is_ident("json") {
            match json.as_mut() {
                Some(json) => attr.parse_nested_meta(|meta| json(&meta))?,
                None => return Err(syn::Error::new(attr.span(), "no `json` options here")),
            }
        }
    }
    Ok(())
}

fn string(meta: &ParseNestedMeta) -> Result<LitStr> {
    meta.value()?.parse()
}

impl Container {
    pub fn from_input(input: &DeriveInput) -> Result<Self> {
        let mut rename_all = None;
        let mut rename_all_fields = None;
        let mut remote = None;
        let mut ignore_unknown = false;
        let mut denies_unknown = false;
        let mut krate: Path = syn::parse_quote!(::commons_json);
        let is_enum = matches!(input.data, Data::Enum(_));
        let mut json = |meta: &ParseNestedMeta| {
            if meta.path.is_ident("remote") {
                remote = Some(string(meta)?.parse::<Path>()?);
            } else if meta.path.is_ident("crate") {
                krate = string(meta)?.parse()?;
            } else if meta.path.is_ident("ignore_unknown_fields") {
                ignore_unknown = true;
            } else {
                return Err(meta.error(
                    "expected `remote = \"path\"`, `crate = \"path\"` or `ignore_unknown_fields`",
                ));
            }
            Ok(())
        };
        for_each_meta(
            &input.attrs,
            |meta| {
                if meta.path.is_ident("rename_all") {
                    rename_all = Some(RenameRule::parse(&string(meta)?)?);
                } else if meta.path.is_ident("rename_all_fields") && is_enum {
                    rename_all_fields = Some(RenameRule::parse(&string(meta)?)?);
                } else if meta.path.is_ident("crate") || meta.path.is_ident("rename") {
                    // serde's own path, and the type's name in serde's messages: no effect
                    // on the JSON
                    string(meta)?;
                } else if meta.path.is_ident("deny_unknown_fields") {
                    // unknown fields are refused here unless `ignore_unknown_fields`; `#[wire]`
                    // adds the attribute so that serde refuses them too
                    denies_unknown = true;
                } else {
                    return Err(unsupported(meta, "a type"));
                }
                Ok(())
            },
            Some(&mut json),
        )?;
        if ignore_unknown && denies_unknown {
            return Err(syn::Error::new(
                input.ident.span(),
                "`ignore_unknown_fields` contradicts serde's `deny_unknown_fields`",
            ));
        }
        let shape = match &input.data {
            Data::Struct(data) => match &data.fields {
                Fields::Named(named) => {
                    let rule = rename_all.unwrap_or(RenameRule::None);
                    Shape::Struct(fields(named.named.iter(), rule)?)
                }
                Fields::Unnamed(unnamed) if unnamed.unnamed.len() == 1 => {
                    for field in &unnamed.unnamed {
                        for_each_meta(&field.attrs, |m| Err(unsupported(m, "a field")), None)?;
                    }
                    Shape::Newtype
                }
                _ => {
                    return Err(syn::Error::new(
                        input.ident.span(),
                        "FromJson/ToJson support structs with named fields and newtype structs",
                    ))
                }
            },
            Data::Enum(data) => {
                // `#[cw_serde]` declares enum variants snake_case; that is the default here
                let rule = rename_all.unwrap_or(RenameRule::SnakeCase);
                let field_rule = rename_all_fields.unwrap_or(RenameRule::None);
                let mut variants: Vec<Variant> = Vec::new();
                for v in &data.variants {
                    let v = variant(v, rule, field_rule)?;
                    if let Some(twin) = variants.iter().find(|t| t.name == v.name) {
                        return Err(syn::Error::new(
                            v.ident.span(),
                            format!("two variants are named `{}` (see `{}`)", v.name, twin.ident),
                        ));
                    }
                    variants.push(v);
                }
                Shape::Enum(variants)
            }
            Data::Union(_) => {
                return Err(syn::Error::new(
                    input.ident.span(),
                    "FromJson/ToJson do not support unions",
                ))
            }
        };
        let name = match &remote {
            Some(path) => path.segments.last().map(|s| s.ident.to_string()),
            None => None,
        }
        .unwrap_or_else(|| input.ident.to_string());
        if remote.is_some() && !input.generics.params.is_empty() {
            return Err(syn::Error::new(
                input.generics.span(),
                "`remote` types cannot be generic",
            ));
        }
        Ok(Container {
            ident: input.ident.clone(),
            generics: input.generics.clone(),
            remote,
            krate,
            ignore_unknown,
            name,
            shape,
        })
    }
}

fn fields<'a>(
    fields: impl Iterator<Item = &'a syn::Field>,
    rule: RenameRule,
) -> Result<Vec<Field>> {
    let mut out: Vec<Field> = Vec::new();
    for field in fields {
        let ident = field
            .ident
            .clone()
            .ok_or_else(|| syn::Error::new(field.span(), "expected a named field"))?;
        let mut key = rule.apply_to_field(&syn::ext::IdentExt::unraw(&ident).to_string());
        let mut default = FieldDefault::None;
        for_each_meta(
            &field.attrs,
            |meta| {
                if meta.path.is_ident("rename") {
                    key = string(meta)?.value();
                } else if meta.path.is_ident("default") {
                    default = if meta.input.peek(syn::Token![=]) {
                        FieldDefault::Path(string(meta)?.parse()?)
                    } else {
                        FieldDefault::Trait
                    };
                } else {
                    return Err(unsupported(meta, "a field"));
                }
                Ok(())
            },
            None,
        )?;
        if crate::names::json_string(&key) != format!("\"{key}\"") {
            // serde-json-wasm writes field names without escaping them: there is no JSON
            // both would write for this name
            return Err(syn::Error::new(
                ident.span(),
                format!("the field name {key:?} would need escaping in JSON, which serde-json-wasm does not do"),
            ));
        }
        if let Some(twin) = out.iter().find(|f| f.key == key) {
            return Err(syn::Error::new(
                ident.span(),
                format!(
                    "two fields are named `{key}` in JSON (see `{}`)",
                    twin.ident
                ),
            ));
        }
        out.push(Field {
            ident,
            ty: field.ty.clone(),
            key,
            default,
        });
    }
    Ok(out)
}

fn variant(v: &syn::Variant, rule: RenameRule, field_rule: RenameRule) -> Result<Variant> {
    let mut name = rule.apply_to_variant(&v.ident.to_string());
    let mut field_rule = field_rule;
    for_each_meta(
        &v.attrs,
        |meta| {
            if meta.path.is_ident("rename") {
                name = string(meta)?.value();
            } else if meta.path.is_ident("rename_all") {
                field_rule = RenameRule::parse(&string(meta)?)?;
            } else {
                return Err(unsupported(meta, "a variant"));
            }
            Ok(())
        },
        None,
    )?;
    let newtype_ty = match &v.fields {
        Fields::Unnamed(unnamed) => unnamed.unnamed.first().map(|f| f.ty.clone()),
        _ => None,
    };
    let kind = match &v.fields {
        Fields::Unit => VariantKind::Unit,
        Fields::Named(named) => VariantKind::Struct(fields(named.named.iter(), field_rule)?),
        Fields::Unnamed(unnamed) if unnamed.unnamed.len() == 1 => {
            for field in &unnamed.unnamed {
                for_each_meta(&field.attrs, |m| Err(unsupported(m, "a field")), None)?;
            }
            VariantKind::Newtype
        }
        Fields::Unnamed(_) => {
            return Err(syn::Error::new(
                v.ident.span(),
                "FromJson/ToJson support unit, newtype and struct variants, not tuple variants",
            ))
        }
    };
    let cfg = v
        .attrs
        .iter()
        .filter(|attr| attr.path().is_ident("cfg"))
        .cloned()
        .collect();
    Ok(Variant {
        ident: v.ident.clone(),
        cfg,
        newtype_ty,
        name,
        kind,
    })
}

impl Container {
    /// The generics, type and where clause of an impl of `bound` for this type: for the
    /// remote type when there is one, else for the input with `bound` on every type parameter.
    pub fn impl_header(
        &self,
        bound: &proc_macro2::TokenStream,
    ) -> (
        proc_macro2::TokenStream,
        proc_macro2::TokenStream,
        proc_macro2::TokenStream,
    ) {
        use quote::{quote, ToTokens};
        if let Some(path) = &self.remote {
            return (quote!(), path.to_token_stream(), quote!());
        }
        let mut generics = self.generics.clone();
        let params: Vec<Ident> = generics.type_params().map(|p| p.ident.clone()).collect();
        let clause = generics.make_where_clause();
        for param in params {
            clause.predicates.push(syn::parse_quote!(#param: #bound));
        }
        let (impl_generics, type_generics, where_clause) = generics.split_for_impl();
        let ident = &self.ident;
        (
            impl_generics.to_token_stream(),
            quote!(#ident #type_generics),
            where_clause.to_token_stream(),
        )
    }
}
