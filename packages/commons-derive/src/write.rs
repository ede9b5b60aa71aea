//! `#[derive(ToJson)]`: a writer of the bytes serde writes for the type. Keys and punctuation
//! are joined into one literal between two values, so a struct costs one `raw` call and one
//! value call per field. The method is `#[inline]` for the reason given in `read`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::model::{Container, Field, Shape, VariantKind};
use crate::names::json_string;

/// The text of a value: literal pieces (merged) and values written by their `ToJson`.
#[derive(Default)]
struct Text {
    pieces: Vec<Piece>,
}

enum Piece {
    Literal(String),
    Value(TokenStream),
}

impl Text {
    fn literal(&mut self, s: &str) {
        match self.pieces.last_mut() {
            Some(Piece::Literal(text)) => text.push_str(s),
            _ => self.pieces.push(Piece::Literal(s.to_string())),
        }
    }

    fn value(&mut self, expr: TokenStream) {
        self.pieces.push(Piece::Value(expr));
    }

    /// `{"key":value,...}` for fields bound to `__f0`, `__f1`, ...
    fn object(&mut self, fields: &[Field]) {
        self.literal("{");
        for (i, field) in fields.iter().enumerate() {
            if i > 0 {
                self.literal(",");
            }
            self.literal(&json_string(&field.key));
            self.literal(":");
            let binding = format_ident!("__f{}", i);
            self.value(quote!(#binding));
        }
        self.literal("}");
    }

    fn tokens(self, krate: &syn::Path) -> TokenStream {
        let statements = self.pieces.into_iter().map(|piece| match piece {
            Piece::Literal(text) => quote!(__out.raw(#text);),
            Piece::Value(expr) => quote!(#krate::ToJson::to_json(#expr, __out);),
        });
        quote!(#(#statements)*)
    }
}

/// `{ a: __f0, b: __f1 }`: binds every field (so a `remote` copy must name them all).
fn bindings(fields: &[Field]) -> TokenStream {
    let binds = fields.iter().enumerate().map(|(i, f)| {
        let ident = &f.ident;
        let binding = format_ident!("__f{}", i);
        quote!(#ident: #binding)
    });
    quote!({ #(#binds),* })
}

pub fn expand(c: &Container) -> TokenStream {
    let krate = &c.krate;
    let body = match &c.shape {
        Shape::Struct(fields) => {
            let pattern = bindings(fields);
            let mut text = Text::default();
            text.object(fields);
            let text = text.tokens(krate);
            quote! {
                let Self #pattern = self;
                #text
            }
        }
        Shape::Newtype => quote! {
            #krate::ToJson::to_json(&self.0, __out);
        },
        Shape::Enum(variants) if variants.is_empty() => quote!(match *self {}),
        Shape::Enum(variants) => {
            let arms = variants.iter().map(|v| {
                let ident = &v.ident;
                let cfg = &v.cfg;
                let name = json_string(&v.name);
                let mut text = Text::default();
                let pattern = match &v.kind {
                    VariantKind::Unit => {
                        text.literal(&name);
                        quote!(Self::#ident)
                    }
                    VariantKind::Newtype => {
                        text.literal(&format!("{{{name}:"));
                        text.value(quote!(__f0));
                        text.literal("}");
                        quote!(Self::#ident(__f0))
                    }
                    VariantKind::Struct(fields) => {
                        text.literal(&format!("{{{name}:"));
                        text.object(fields);
                        text.literal("}");
                        let pattern = bindings(fields);
                        quote!(Self::#ident #pattern)
                    }
                };
                let text = text.tokens(krate);
                quote!(#(#cfg)* #pattern => { #text })
            });
            quote! {
                match self {
                    #(#arms)*
                }
            }
        }
    };
    let (impl_generics, ty, where_clause) = c.impl_header(&quote!(#krate::ToJson));
    quote! {
        #[automatically_derived]
        #[allow(deprecated)]
        impl #impl_generics #krate::ToJson for #ty #where_clause {
            #[inline]
            fn to_json(&self, __out: &mut #krate::Out) {
                #body
            }
        }
    }
}
