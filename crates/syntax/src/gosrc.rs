//! Printing expressions back as Go source, as gc's `syntax.String` prints them in messages
//! (cmd/compile/internal/syntax/printer.go, `ShortForm`): the one such printer in gosub,
//! used by the parser's messages (`cannot use x := 0 as value`) and by every checker
//! message that quotes an expression (`cannot use []int{…} (value of type []int) as …`).
//!
//! Invariants:
//! - Output is a single line. A composite literal's elements and a function literal's body
//!   are elided as `…` when non-empty (`T{…}`, `func() {…}`), printed `T{}` and `func() {}`
//!   when empty, as ShortForm does.
//! - Parentheses are printed where the expression has them, except around a type in a
//!   type-only position (element, key, pointer base, field, parameter and result types, the
//!   type of `x.(T)`): gc's parser drops those (`[](int){}` is `[]int{}`), and its printer
//!   puts back the one pair that matters, `chan (<-chan T)`.
//! - gc prints a literal as written; the AST keeps a rune, string or tag literal only as
//!   its value, so it is printed quoted by strconv's rules (`quote.rs`): `'\x41'` prints as
//!   `'A'` and a raw string as a double-quoted one. Number literals keep their text.
//! - Operators are spelled by `BinOp::as_str`/`UnOp::as_str`, channel directions by
//!   `chan_dir`. Never panics, whatever the tree.

use crate::ast::*;
use crate::quote::{quote, quote_rune};

/// gc's `syntax.String(e)` for an expression.
pub fn expr(e: &Expr) -> String {
    let mut s = String::new();
    write_expr(&mut s, e);
    s
}

/// `a, b, c`: an expression list as gc prints a `ListExpr`.
pub fn list(v: &[Expr]) -> String {
    let mut s = String::new();
    write_list(&mut s, v);
    s
}

/// Like `list`, but a single binary expression is parenthesized (gc's `emphasize`).
pub fn emphasize(v: &[Expr]) -> String {
    match v {
        [e] if matches!(e.kind, ExprKind::Binary { .. }) => format!("({})", expr(e)),
        _ => list(v),
    }
}

/// A rune literal of value `c`, printed as strconv.QuoteRune does (a value that is no code
/// point, which only a scanner error leaves, quotes as U+FFFD).
pub fn rune_lit(c: u32) -> String {
    quote_rune(i32::try_from(c).unwrap_or(-1))
}

/// The keyword of a channel type of direction `dir`: `chan`, `chan<-` or `<-chan`.
pub fn chan_dir(dir: ChanDir) -> &'static str {
    match dir {
        ChanDir::Both => "chan",
        ChanDir::Send => "chan<-",
        ChanDir::Recv => "<-chan",
    }
}

/// Whether the element type `elem` of a channel type of direction `dir` is printed in
/// parentheses: `chan (<-chan T)`, which without them would read `chan<- chan T`. gc's
/// printers of syntax, of types2 types and of the compiler's types all add these.
pub fn chan_elem_parens(dir: ChanDir, elem: &Expr) -> bool {
    dir == ChanDir::Both
        && matches!(
            unparen(elem).kind,
            ExprKind::ChanType {
                dir: ChanDir::Recv,
                ..
            }
        )
}

fn write_list(s: &mut String, v: &[Expr]) {
    for (i, e) in v.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        write_expr(s, e);
    }
}

/// An expression in a position where gc's parser reads a type (`p.type_()`): enclosing
/// parentheses are not printed, and neither are those around a pointer's base type.
fn write_type(s: &mut String, e: &Expr) {
    match &unparen(e).kind {
        ExprKind::Star(x) => {
            s.push('*');
            write_type(s, x);
        }
        _ => write_expr(s, unparen(e)),
    }
}

/// A parameter, result or struct field group: `a, b T`, or `T` alone.
fn write_fields(s: &mut String, fs: &[Field], sep: &str, tags: bool) {
    for (i, f) in fs.iter().enumerate() {
        if i > 0 {
            s.push_str(sep);
        }
        for (j, n) in f.names.iter().enumerate() {
            if j > 0 {
                s.push_str(", ");
            }
            s.push_str(&n.name);
        }
        if !f.names.is_empty() {
            s.push(' ');
        }
        write_type(s, &f.ty);
        if let (true, Some(tag)) = (tags, &f.tag) {
            s.push(' ');
            s.push_str(&quote(tag.as_bytes()));
        }
    }
}

/// `[K comparable, V any]`: a type parameter list as gc's printer prints one (nothing when
/// empty).
pub fn type_params(fs: &[Field]) -> String {
    let mut s = String::new();
    if !fs.is_empty() {
        s.push('[');
        write_fields(&mut s, fs, ", ", false);
        s.push(']');
    }
    s
}

/// `[tparams](params) result` or `(params) (results)`, as gc's `printSignature` after a
/// declaration's name.
fn write_sig(s: &mut String, sig: &FuncType) {
    s.push_str(&type_params(&sig.type_params));
    s.push('(');
    write_fields(s, &sig.params, ", ", false);
    s.push(')');
    match sig.results.as_slice() {
        [] => {}
        [r] if r.names.is_empty() => {
            s.push(' ');
            write_type(s, &r.ty);
        }
        rs => {
            s.push_str(" (");
            write_fields(s, rs, ", ", false);
            s.push(')');
        }
    }
}

fn write_expr(s: &mut String, e: &Expr) {
    match &e.kind {
        ExprKind::Ident(id) => s.push_str(&id.name),
        ExprKind::IntLit(t) | ExprKind::FloatLit(t) => s.push_str(t),
        ExprKind::ImagLit(t) => {
            s.push_str(t);
            s.push('i');
        }
        ExprKind::RuneLit(c) => s.push_str(&rune_lit(*c)),
        ExprKind::StringLit(b) => s.push_str(&quote(b)),
        ExprKind::CompositeLit { ty, elts, .. } => {
            if let Some(t) = ty {
                write_expr(s, t);
            }
            s.push_str(if elts.is_empty() { "{}" } else { "{…}" });
        }
        ExprKind::KeyValue { key, value } => {
            write_expr(s, key);
            s.push_str(": ");
            write_expr(s, value);
        }
        ExprKind::FuncLit { sig, body } => {
            s.push_str("func");
            write_sig(s, sig);
            s.push_str(if body.stmts.is_empty() {
                " {}"
            } else {
                " {…}"
            });
        }
        ExprKind::Paren(x) => {
            s.push('(');
            write_expr(s, x);
            s.push(')');
        }
        ExprKind::Selector { x, sel } => {
            write_expr(s, x);
            s.push('.');
            s.push_str(&sel.name);
        }
        ExprKind::Index { x, index } => {
            write_expr(s, x);
            s.push('[');
            write_expr(s, index);
            s.push(']');
        }
        ExprKind::IndexList { x, indices } => {
            write_expr(s, x);
            s.push('[');
            write_list(s, indices);
            s.push(']');
        }
        ExprKind::SliceExpr { x, lo, hi, max, .. } => {
            write_expr(s, x);
            s.push('[');
            if let Some(l) = lo {
                write_expr(s, l);
            }
            s.push(':');
            if let Some(h) = hi {
                write_expr(s, h);
            }
            if let Some(m) = max {
                s.push(':');
                write_expr(s, m);
            }
            s.push(']');
        }
        ExprKind::TypeAssert { x, ty } => {
            write_expr(s, x);
            s.push_str(".(");
            match ty {
                Some(t) => write_type(s, t),
                None => s.push_str("type"),
            }
            s.push(')');
        }
        ExprKind::Call {
            fun,
            args,
            ellipsis,
            ..
        } => {
            write_expr(s, fun);
            s.push('(');
            write_list(s, args);
            if *ellipsis {
                s.push_str("...");
            }
            s.push(')');
        }
        ExprKind::Star(x) => {
            s.push('*');
            write_expr(s, x);
        }
        ExprKind::Unary { op, x } => {
            s.push_str(op.as_str());
            write_expr(s, x);
        }
        ExprKind::Binary { op, x, y } => {
            write_expr(s, x);
            s.push(' ');
            s.push_str(op.as_str());
            s.push(' ');
            write_expr(s, y);
        }
        ExprKind::ArrayType { len, elem } => {
            s.push('[');
            if let Some(l) = len {
                write_expr(s, l);
            }
            s.push(']');
            write_type(s, elem);
        }
        ExprKind::MapType { key, value } => {
            s.push_str("map[");
            write_type(s, key);
            s.push(']');
            write_type(s, value);
        }
        ExprKind::ChanType { dir, elem } => {
            s.push_str(chan_dir(*dir));
            s.push(' ');
            if chan_elem_parens(*dir, elem) {
                s.push('(');
                write_type(s, elem);
                s.push(')');
            } else {
                write_type(s, elem);
            }
        }
        ExprKind::FuncType(sig) => {
            s.push_str("func");
            write_sig(s, sig);
        }
        ExprKind::StructType { fields } => {
            s.push_str("struct{");
            write_fields(s, fields, "; ", true);
            s.push('}');
        }
        ExprKind::InterfaceType { methods } => {
            s.push_str("interface{");
            for (i, m) in methods.iter().enumerate() {
                if i > 0 {
                    s.push_str("; ");
                }
                match (m.names.first(), &m.ty.kind) {
                    (Some(n), ExprKind::FuncType(sig)) => {
                        s.push_str(&n.name);
                        write_sig(s, sig);
                    }
                    _ => write_type(s, &m.ty),
                }
            }
            s.push('}');
        }
        ExprKind::Ellipsis(x) => {
            s.push_str("...");
            if let Some(x) = x {
                write_type(s, x);
            }
        }
        ExprKind::Tilde(x) => {
            s.push('~');
            write_type(s, x);
        }
    }
}
