//! `#[derive(GoStruct)]`: a Rust struct with named fields as a Go struct of the same
//! name. It writes the `gosub::go_struct!` call one would write by hand, so the
//! conversions, host-function support and error messages have one definition
//! (`src/go_struct.rs`). Each field's Go name is its Rust name in Go's exported spelling
//! (`x` → `X`, `first_name` → `FirstName`), or the one given by `#[go(name = "...")]`.
//!
//! Refused, with a compile error at the offending token: a tuple struct or an enum (no Go
//! field names), a generic struct (one Go layout), a Go name (given or derived) that is
//! not an exported Go identifier, two fields with one Go name.

use proc_macro::TokenStream;
use quote::quote;
use syn::{parse_macro_input, Data, DeriveInput, Fields, LitStr};

#[proc_macro_derive(GoStruct, attributes(go))]
pub fn derive_go_struct(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match expand(&input) {
        Ok(ts) => ts.into(),
        Err(e) => e.to_compile_error().into(),
    }
}

fn expand(input: &DeriveInput) -> syn::Result<proc_macro2::TokenStream> {
    let name = &input.ident;
    if !input.generics.params.is_empty() {
        return Err(syn::Error::new_spanned(
            &input.generics,
            "GoStruct cannot be derived for a generic struct (a Go struct type has one layout)",
        ));
    }
    let fields = match &input.data {
        Data::Struct(s) => match &s.fields {
            Fields::Named(f) => &f.named,
            Fields::Unit => return Ok(quote! { ::gosub::go_struct!(#name {}); }),
            Fields::Unnamed(_) => {
                return Err(syn::Error::new_spanned(
                    &input.ident,
                    "GoStruct needs named fields (a Go struct's fields have names)",
                ))
            }
        },
        _ => {
            return Err(syn::Error::new_spanned(
                &input.ident,
                "GoStruct can be derived only for a struct",
            ))
        }
    };
    let mut pairs = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for f in fields {
        let Some(ident) = &f.ident else { continue };
        let (go, at) = match go_name_attr(f)? {
            Some(lit) => (lit.value(), lit.span()),
            None => (go_spelling(&ident.to_string()), ident.span()),
        };
        if !exported(&go) {
            return Err(syn::Error::new(
                at,
                format!(
                    "`{go}` is not an exported Go identifier (an upper-case letter, then letters, digits or _): name the Go field with #[go(name = \"...\")]"
                ),
            ));
        }
        if seen.contains(&go) {
            return Err(syn::Error::new(
                at,
                format!("two fields would be the Go field `{go}`"),
            ));
        }
        seen.push(go.clone());
        let go = LitStr::new(&go, ident.span());
        pairs.push(quote! { #ident: #go });
    }
    Ok(quote! { ::gosub::go_struct!(#name { #(#pairs),* }); })
}

/// The `name` of a field's `#[go(name = "...")]`, if it has one.
fn go_name_attr(f: &syn::Field) -> syn::Result<Option<LitStr>> {
    let mut found = None;
    for attr in f.attrs.iter().filter(|a| a.path().is_ident("go")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("name") {
                found = Some(meta.value()?.parse::<LitStr>()?);
                Ok(())
            } else {
                Err(meta.error("expected `name = \"GoName\"`"))
            }
        })?;
    }
    Ok(found)
}

/// A Rust field name in Go's exported spelling: `first_name` → `FirstName`, `x` → `X`
/// (a raw identifier's `r#` dropped).
fn go_spelling(rust: &str) -> String {
    let rust = rust.strip_prefix("r#").unwrap_or(rust);
    let mut out = String::new();
    for part in rust.split('_').filter(|p| !p.is_empty()) {
        let mut cs = part.chars();
        if let Some(c) = cs.next() {
            out.extend(c.to_uppercase());
            out.push_str(cs.as_str());
        }
    }
    if out.is_empty() {
        out.push('X');
    }
    out
}

/// Is `s` an exported Go identifier?
fn exported(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next().is_some_and(|c| c.is_uppercase()) && cs.all(|c| c.is_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(input: DeriveInput) -> String {
        expand(&input).unwrap_err().to_string()
    }

    #[test]
    fn what_it_writes_and_what_it_refuses() {
        let out = expand(&syn::parse_quote! {
            struct Person { first_name: String, #[go(name = "Mail")] email: String }
        })
        .unwrap()
        .to_string();
        assert_eq!(
            out,
            ":: gosub :: go_struct ! (Person { first_name : \"FirstName\" , email : \"Mail\" }) ;"
        );
        assert!(error_of(syn::parse_quote! { struct Pair(i64, i64); }).contains("named fields"));
        assert!(error_of(syn::parse_quote! { enum E { A } }).contains("only for a struct"));
        assert!(error_of(syn::parse_quote! { struct G<T> { x: T } }).contains("generic"));
        assert!(
            error_of(syn::parse_quote! { struct P { #[go(name = "lower")] x: i64 } })
                .contains("exported Go identifier")
        );
        assert!(
            error_of(syn::parse_quote! { struct P { #[go(rename = "X")] x: i64 } })
                .contains("expected `name")
        );
        // Derived names are checked as given ones are, and must differ.
        assert!(error_of(syn::parse_quote! { struct S { _0: i64 } })
            .contains("`0` is not an exported Go identifier"));
        assert!(error_of(syn::parse_quote! { struct S { 名前: i64 } })
            .contains("not an exported Go identifier"));
        assert!(
            error_of(syn::parse_quote! { struct S { foo_bar: i64, foo__bar: i64 } })
                .contains("two fields would be the Go field `FooBar`")
        );
        assert!(
            error_of(syn::parse_quote! { struct S { x: i64, #[go(name = "X")] y: i64 } })
                .contains("two fields would be the Go field `X`")
        );
    }

    #[test]
    fn go_spelling_of_rust_names() {
        assert_eq!(go_spelling("x"), "X");
        assert_eq!(go_spelling("first_name"), "FirstName");
        assert_eq!(go_spelling("r#type"), "Type");
        assert_eq!(go_spelling("_private"), "Private");
        assert_eq!(go_spelling("http2_port"), "Http2Port");
        assert!(exported("FirstName") && exported("Ü") && !exported("x") && !exported("A-b"));
    }
}
