//! Derives of the Commons wire JSON, generated from the wire types so that the types are the
//! only description of the JSON. Use them through `commons_json`, which re-exports them next
//! to the traits they implement (`use commons_json::{wire, FromJson, ToJson}`).
//!
//! - `#[derive(FromJson)]` reads the type from a `commons_json::Json` tree, accepting exactly
//!   what serde's derive of the same `#[cw_serde]` type accepts with `deny_unknown_fields`.
//! - `#[derive(ToJson)]` writes the bytes `cosmwasm_std::to_json_vec` writes.
//! - `#[wire]` is `#[cw_serde]` + `#[serde(deny_unknown_fields)]` + both derives.
//!
//! Shapes: structs with named fields, newtype structs (the inner value), and enums of unit
//! (`"name"`), newtype (`{"name":value}`) and struct variants (`{"name":{...}}`, also empty).
//! Names: fields as written, variants snake_case (as `#[cw_serde]` declares them), unless
//! `#[serde(rename_all = "...")]`, `rename_all_fields` or `rename` says otherwise. Fields may
//! have `#[serde(default)]` or `#[serde(default = "path")]`. Any other serde attribute
//! (`flatten`, `tag`, `skip_serializing_if`, ...) is a compile error: the generated code would
//! not read or write what serde does.
//!
//! Foreign types: `#[json(remote = "path::Type")]` on a copy of a foreign type's definition
//! implements the traits for the foreign type (the copy is only read by the derive; the
//! compiler checks that it names every field and variant of the original, and only those; a
//! `#[non_exhaustive]` original gets `FromJson` only). `#[json(ignore_unknown_fields)]` reads
//! what a serde derive without `deny_unknown_fields` reads (unknown fields skipped, duplicates
//! refused). A variant's `#[cfg(...)]` is kept on everything generated for it, so a copy can
//! declare variants that exist only with some features of their crate.
//!
//! `FromJson` also gives every type a stand-in (`FromJson::stand_in`, used in place of a field
//! that could not be read): a struct's fields' stand-ins; an enum's first unit variant, or else
//! its first variant that does not name the enum (an enum with neither is a compile error).

mod model;
mod names;
mod read;
#[cfg(test)]
mod tests;
mod wire;
mod write;

use proc_macro::TokenStream;
use syn::{parse_macro_input, DeriveInput};

/// Implements `commons_json::FromJson` (see the crate docs for what is accepted).
#[proc_macro_derive(FromJson, attributes(serde, json))]
pub fn derive_from_json(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    model::Container::from_input(&input)
        .map(|c| read::expand(&c))
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Implements `commons_json::ToJson` (see the crate docs for what is written).
#[proc_macro_derive(ToJson, attributes(serde, json))]
pub fn derive_to_json(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    model::Container::from_input(&input)
        .map(|c| write::expand(&c))
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Declares a wire type once: `#[cosmwasm_schema::cw_serde]`, `#[serde(deny_unknown_fields)]`
/// and `#[derive(FromJson, ToJson)]`. The crate needs `cosmwasm-schema` and `commons-json` as
/// dependencies; `#[wire(crate = "path")]` names `commons_json` if it is elsewhere.
#[proc_macro_attribute]
pub fn wire(args: TokenStream, item: TokenStream) -> TokenStream {
    wire::expand(args.into(), item.into())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}
