//! `#[wire]`: a wire type declared once. It stands for
//!
//! ```text
//! #[cosmwasm_schema::cw_serde]          // serde, schema, Clone, Debug, PartialEq
//! #[serde(deny_unknown_fields)]         // serde refuses what FromJson refuses
//! #[derive(FromJson, ToJson)]           // the readers and writers of this crate
//! ```
//!
//! `#[cw_serde]` 2.x no longer adds `deny_unknown_fields`, so without it serde silently drops
//! a misspelt field (`expires` for `expiry`) where the generated reader refuses it.

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};
use syn::parse::Parser;
use syn::{DeriveInput, LitStr, Path, Result};

pub fn expand(args: TokenStream, item: TokenStream) -> Result<TokenStream> {
    let mut krate: Option<LitStr> = None;
    syn::meta::parser(|meta| {
        if meta.path.is_ident("crate") {
            krate = Some(meta.value()?.parse()?);
            Ok(())
        } else {
            Err(meta.error("expected `crate = \"path\"` (where commons_json is)"))
        }
    })
    .parse2(args)?;
    let input: DeriveInput = syn::parse2(item)?;
    if let syn::Data::Union(_) = input.data {
        return Err(syn::Error::new(
            input.ident.span(),
            "#[wire] types are structs or enums",
        ));
    }
    let denies = input.attrs.iter().any(|attr| {
        attr.path().is_ident("serde")
            && attr
                .meta
                .to_token_stream()
                .to_string()
                .contains("deny_unknown_fields")
    });
    let deny = if denies {
        quote!()
    } else {
        quote!(#[serde(deny_unknown_fields)])
    };
    let (runtime, json_attr) = match &krate {
        Some(lit) => (lit.parse::<Path>()?, quote!(#[json(crate = #lit)])),
        None => (syn::parse_quote!(::commons_json), quote!()),
    };
    Ok(quote! {
        #[::cosmwasm_schema::cw_serde]
        #deny
        #[derive(#runtime::FromJson, #runtime::ToJson)]
        #json_attr
        #input
    })
}
