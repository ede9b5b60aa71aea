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
            let build = build(&finish, &quote!(Self), fields);
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
                        let build = build(&finish, &quote!(Self::#ident), fields);
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
                match ::core::convert::AsRef::<str>::as_ref(&__name) {
                    #(#arms)*
                    _ => ::core::result::Result::Err(#krate::unknown_variant(&__name, &[#(#names),*])),
                }
            }
        }
    };
    let stand_in = match stand_in(c) {
        Ok(stand_in) => stand_in,
        Err(e) => return e.into_compile_error(),
    };
    let (impl_generics, ty, where_clause) = c.impl_header(&quote!(#krate::FromJson));
    quote! {
        #[automatically_derived]
        // a mirror may build deprecated variants of its original (they are still on the wire)
        #[allow(deprecated)]
        impl #impl_generics #krate::FromJson for #ty #where_clause {
            const NAME: &'static str = #name;
            fn stand_in() -> Self {
                #stand_in
            }
            #[inline]
            fn from_json(
                __value: #krate::Json<'_>,
            ) -> ::core::result::Result<Self, #krate::Error> {
                #body
            }
        }
    }
}

/// Builds the value in place, field by field (a field that cannot be read stands in with
/// `FromJson::stand_in`, its error kept by `Fields`), then checks the object (`finish`: the
/// first error, unknown and duplicate fields) and drops the value if it failed. This is the
/// least code per field: no field kept apart until every one is read, no failure path per
/// field.
fn build(finish: &TokenStream, path: &TokenStream, fields: &[Field]) -> TokenStream {
    let inits = fields.iter().map(|f| {
        let ident = &f.ident;
        let key = &f.key;
        let read = match &f.default {
            FieldDefault::None => quote!(__fields.field(#key)),
            FieldDefault::Trait => {
                quote!(__fields.field_or(#key, ::core::default::Default::default))
            }
            FieldDefault::Path(default) => quote!(__fields.field_or(#key, #default)),
        };
        quote!(#ident: #read)
    });
    let keys = fields.iter().map(|f| &f.key);
    quote! {
        let __read = #path { #(#inits,)* };
        __fields.#finish(&[#(#keys),*])?;
        ::core::result::Result::Ok(__read)
    }
}

/// A stand-in of the type (see `FromJson::stand_in`): every field's stand-in; for an enum, its
/// first unit variant, or else its first variant that does not name the enum itself (which
/// would recurse).
pub fn stand_in(c: &Container) -> syn::Result<TokenStream> {
    let krate = &c.krate;
    Ok(match &c.shape {
        Shape::Struct(fields) => {
            let inits = fields.iter().map(|f| {
                let ident = &f.ident;
                quote!(#ident: #krate::FromJson::stand_in())
            });
            quote!(Self { #(#inits,)* })
        }
        Shape::Newtype => quote!(Self(#krate::FromJson::stand_in())),
        Shape::Enum(variants) => {
            let name = c.ident.to_string();
            // whether a type names the enum (by its name or `Self`)
            let names = |ty: &syn::Type| {
                quote!(#ty)
                    .to_string()
                    .split(|ch: char| !ch.is_alphanumeric() && ch != '_')
                    .any(|word| word == name || word == "Self")
            };
            let names_self = |v: &&crate::model::Variant| match &v.kind {
                VariantKind::Unit => false,
                VariantKind::Newtype => v.newtype_ty.as_ref().is_some_and(names),
                VariantKind::Struct(fields) => fields.iter().any(|f| names(&f.ty)),
            };
            let chosen = variants
                .iter()
                .filter(|v| v.cfg.is_empty())
                .find(|v| matches!(v.kind, VariantKind::Unit))
                .or_else(|| {
                    variants
                        .iter()
                        .filter(|v| v.cfg.is_empty())
                        .find(|v| !names_self(v))
                })
                .ok_or_else(|| {
                    syn::Error::new(
                        c.ident.span(),
                        "FromJson needs a variant without the enum inside it (and without `cfg`), \
                         to stand in for a field that could not be read",
                    )
                })?;
            let ident = &chosen.ident;
            match &chosen.kind {
                VariantKind::Unit => quote!(Self::#ident),
                VariantKind::Newtype => quote!(Self::#ident(#krate::FromJson::stand_in())),
                VariantKind::Struct(fields) => {
                    let inits = fields.iter().map(|f| {
                        let ident = &f.ident;
                        quote!(#ident: #krate::FromJson::stand_in())
                    });
                    quote!(Self::#ident { #(#inits,)* })
                }
            }
        }
    })
}
