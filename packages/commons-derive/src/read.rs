//! `#[derive(FromJson)]`: a reader of the type's JSON from a `Json` tree.
//!
//! The code is what one would write by hand: a struct's fields are read one by one from its
//! `Fields` (which keep the first error) and the value is built by one match, an enum is a
//! `match` on the variant name. No visitor, no generic deserializer: a few calls per field.
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
    let finish = if c.ignore_unknown {
        quote!(finish_ignoring_unknown)
    } else {
        quote!(finish)
    };
    let body = match &c.shape {
        Shape::Struct(fields) => {
            let build = build(krate, &finish, &quote!(Self), fields);
            quote! {
                let mut __fields = #krate::Fields::of(__value, #name)?;
                #build
            }
        }
        Shape::Newtype => quote! {
            #krate::FromJson::from_json(__value).map(Self)
        },
        Shape::Enum(variants) => {
            let names = variants.iter().map(|v| {
                let (cfg, vname) = (&v.cfg, &v.name);
                quote!(#(#cfg)* #vname)
            });
            let arms = variants.iter().map(|v| {
                let ident = &v.ident;
                let vname = &v.name;
                let cfg = &v.cfg;
                match &v.kind {
                    VariantKind::Unit => quote! {
                        #(#cfg)*
                        #vname => #krate::unit_variant(__content, #vname).map(|()| Self::#ident),
                    },
                    VariantKind::Newtype => quote! {
                        #(#cfg)*
                        #vname => #krate::newtype_variant(__content, #vname).map(Self::#ident),
                    },
                    VariantKind::Struct(fields) => {
                        let build = build(krate, &finish, &quote!(Self::#ident), fields);
                        quote! {
                            #(#cfg)*
                            #vname => {
                                let mut __fields = #krate::Fields::variant(__content, #name, #vname)?;
                                #build
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
        // a mirror may build deprecated variants of its original (they are still on the wire)
        #[allow(deprecated)]
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

/// Reads every field into a local, checks the object (`Fields::finish`: the first error,
/// unknown and duplicate fields), then builds the value by one match. Stopping at the first
/// field that fails instead (`?` per field) leaves a partly built value to drop at every
/// field, code that grows with the square of the number of fields; and checking before
/// building keeps the generic part of the reader to the fields themselves.
fn build(
    krate: &syn::Path,
    finish: &TokenStream,
    path: &TokenStream,
    fields: &[Field],
) -> TokenStream {
    let locals: Vec<_> = (0..fields.len())
        .map(|i| quote::format_ident!("__v{}", i))
        .collect();
    let reads = fields.iter().zip(&locals).map(|(f, local)| {
        let key = &f.key;
        let read = match &f.default {
            FieldDefault::None => quote!(__fields.req(#key)),
            FieldDefault::Trait => {
                quote!(__fields.req_or(#key, ::core::default::Default::default))
            }
            FieldDefault::Path(default) => quote!(__fields.req_or(#key, #default)),
        };
        quote!(let #local = #read;)
    });
    let idents = fields.iter().map(|f| &f.ident);
    let keys = fields.iter().map(|f| &f.key);
    quote! {
        #(#reads)*
        __fields.#finish(&[#(#keys),*])?;
        match (#(#locals,)*) {
            (#(::core::option::Option::Some(#locals),)*) => {
                ::core::result::Result::Ok(#path { #(#idents: #locals,)* })
            }
            // not reached: `finish` returns the error of a field that was not read
            #[allow(unreachable_patterns)]
            _ => ::core::result::Result::Err(#krate::Fields::unread()),
        }
    }
}
