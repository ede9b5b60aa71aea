//! `#[derive(FromJson)]`: a reader of the type's JSON from a `Json` tree.
//!
//! The code is what one would write by hand: a struct is built in one expression from its
//! `Fields` (a closure in which `?` stops at the first field that fails, the error being kept
//! by `Fields`), an enum is a `match` on the variant name. No visitor, no generic
//! deserializer: a few calls per field.
//!
//! The method is `#[inline]` so that it is compiled only in a crate that calls it, never in
//! the crate declaring the type: at opt-level "z" rustc shares generic instances between
//! crates, and an impl compiled in `commons` would hand its serde-json-wasm instances (of
//! `CosmosMsg`'s deserializer, say) to a contract that reads the same types with serde,
//! changing what gets inlined there (measured: +8 KB). Marked so, an unused impl costs nothing.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Container, Field, FieldDefault, Shape, VariantKind};

pub fn expand(c: &Container) -> TokenStream {
    let krate = &c.krate;
    let name = &c.name;
    let body = match &c.shape {
        Shape::Struct(fields) => {
            let build = build(&quote!(Self), fields);
            let keys = fields.iter().map(|f| &f.key);
            quote! {
                let mut __fields = #krate::Fields::of(__value, #name)?;
                let __read = #build;
                __fields.end(__read, &[#(#keys),*])
            }
        }
        Shape::Newtype => quote! {
            #krate::FromJson::from_json(__value).map(Self)
        },
        Shape::Enum(variants) => {
            let names: Vec<&String> = variants.iter().map(|v| &v.name).collect();
            let arms = variants.iter().map(|v| {
                let ident = &v.ident;
                let vname = &v.name;
                match &v.kind {
                    VariantKind::Unit => quote! {
                        #vname => #krate::unit_variant(__content, #vname).map(|()| Self::#ident),
                    },
                    VariantKind::Newtype => quote! {
                        #vname => #krate::newtype_variant(__content, #vname).map(Self::#ident),
                    },
                    VariantKind::Struct(fields) => {
                        let build = build(&quote!(Self::#ident), fields);
                        let keys = fields.iter().map(|f| &f.key);
                        quote! {
                            #vname => {
                                let mut __fields = #krate::Fields::variant(__content, #name, #vname)?;
                                let __read = #build;
                                __fields.end(__read, &[#(#keys),*])
                            }
                        }
                    }
                }
            });
            let content = if variants.is_empty() {
                quote!(_)
            } else {
                quote!(__content)
            };
            quote! {
                let (__name, #content) = __value.into_variant(#name)?;
                match __name.as_str() {
                    #(#arms)*
                    _ => ::core::result::Result::Err(#krate::unknown_variant(&__name, &[#(#names),*])),
                }
            }
        }
    };
    let (impl_generics, ty, where_clause) = c.impl_header(&quote!(#krate::FromJson));
    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::FromJson for #ty #where_clause {
            const NAME: &'static str = #name;
            #[inline]
            fn from_json(
                __value: #krate::Json,
            ) -> ::core::result::Result<Self, #krate::Error> {
                #body
            }
        }
    }
}

/// `Some(path { field: __fields.req("key")?, .. })`, evaluated in a closure so that `?` stops
/// at the first field that fails.
fn build(path: &TokenStream, fields: &[Field]) -> TokenStream {
    let inits = fields.iter().map(|f| {
        let ident = &f.ident;
        let key = &f.key;
        match &f.default {
            FieldDefault::None => quote!(#ident: __fields.req(#key)?),
            FieldDefault::Trait => {
                quote!(#ident: __fields.req_or(#key, ::core::default::Default::default)?)
            }
            FieldDefault::Path(default) => quote!(#ident: __fields.req_or(#key, #default)?),
        }
    });
    quote! {
        (|| ::core::option::Option::Some(#path { #(#inits,)* }))()
    }
}
