//! The names a selector can pick from a value of some type — fields (promoted ones
//! included) and methods — for tools such as the REPL's completion of `p.`.
//!
//! A value is taken as addressable (a variable), so the methods of `*T` count for a `T`.
//! Unexported names are listed only when they belong to `pkg` (the package the selector
//! would be written in). Embedded fields are followed to a fixed depth, and a name met at
//! a shallower depth hides deeper ones, as Go's selector rules say.

use crate::{ObjKind, Program, TypeId, TypeKind};

/// A selectable name: its name and, for a field, its type (methods have none).
pub type Member = (String, Option<TypeId>);

/// The fields and methods of type `t` a selector written in package `pkg` can name,
/// sorted by name.
pub fn members(prog: &Program, t: TypeId, pkg: &str) -> Vec<Member> {
    let mut out: Vec<Member> = Vec::new();
    let mut level = vec![t];
    for _depth in 0..4 {
        let mut next = Vec::new();
        let mut found: Vec<Member> = Vec::new();
        for &t in &level {
            collect(prog, t, pkg, &mut found, &mut next);
        }
        for m in found {
            if !out.iter().any(|(n, _)| *n == m.0) {
                out.push(m);
            }
        }
        if next.is_empty() {
            break;
        }
        level = next;
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The names `t` declares itself (its fields and methods, its pointee's for a pointer),
/// and the types of its embedded fields (for the next depth).
fn collect(
    prog: &Program,
    t: TypeId,
    pkg: &str,
    out: &mut Vec<Member>,
    embedded: &mut Vec<TypeId>,
) {
    let tt = &prog.types;
    let t = match tt.kind(t) {
        TypeKind::Pointer(e) => *e,
        _ => t,
    };
    let visible = |name: &str, owner: &str| {
        name.chars().next().is_some_and(char::is_uppercase) || owner.is_empty() || owner == pkg
    };
    if let TypeKind::Named(n) = tt.kind(t) {
        let named = &tt.named[n.0 as usize];
        for &m in &named.methods {
            let o = prog.obj(m);
            if matches!(o.kind, ObjKind::Func { .. }) && visible(&o.name, &named.pkg) {
                out.push((o.name.clone(), None));
            }
        }
    }
    match tt.kind(tt.underlying(t)) {
        TypeKind::Struct(fields) => {
            for f in fields {
                if visible(&f.name, &f.pkg) {
                    out.push((f.name.clone(), Some(f.ty)));
                }
                if f.embedded {
                    embedded.push(f.ty);
                }
            }
        }
        TypeKind::Interface(ms) => {
            for m in ms {
                if visible(&m.name, &m.pkg) {
                    out.push((m.name.clone(), None));
                }
            }
        }
        _ => {}
    }
}
