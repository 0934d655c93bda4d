//! Printing expressions back as Go source, as gc's `syntax.String` does (used in messages
//! such as `cannot use x := 0 as value`).
//!
//! Invariants: output is a single line; function literal bodies are elided as `{…}`, as gc
//! prints them; never panics.

use crate::ast::*;

/// `a, b, c`
pub fn list(v: &[Expr]) -> String {
    v.iter().map(expr).collect::<Vec<_>>().join(", ")
}

/// Like `list`, but a single binary expression is parenthesized (gc's `emphasize`).
pub fn emphasize(v: &[Expr]) -> String {
    match v {
        [e] if matches!(e.kind, ExprKind::Binary { .. }) => format!("({})", expr(e)),
        _ => list(v),
    }
}

fn fields(v: &[Field], sep: &str) -> String {
    v.iter()
        .map(|f| {
            let names = f
                .names
                .iter()
                .map(|n| n.name.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            if names.is_empty() {
                expr(&f.ty)
            } else {
                format!("{names} {}", expr(&f.ty))
            }
        })
        .collect::<Vec<_>>()
        .join(sep)
}

fn signature(s: &FuncType) -> String {
    let mut out = format!("({})", fields(&s.params, ", "));
    match s.results.as_slice() {
        [] => {}
        [f] if f.names.is_empty() => out.push_str(&format!(" {}", expr(&f.ty))),
        r => out.push_str(&format!(" ({})", fields(r, ", "))),
    }
    out
}

pub fn expr(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Ident(i) => i.name.clone(),
        ExprKind::IntLit(s) | ExprKind::FloatLit(s) => s.clone(),
        ExprKind::ImagLit(s) => format!("{s}i"),
        ExprKind::RuneLit(c) => match char::from_u32(*c) {
            Some(ch) => crate::quote::quote_rune(ch as i32),
            None => format!("{c}"),
        },
        ExprKind::StringLit(b) => crate::quote::quote(b),
        ExprKind::CompositeLit { ty, elts, .. } => {
            format!(
                "{}{{{}}}",
                ty.as_ref().map(|t| expr(t)).unwrap_or_default(),
                list(elts)
            )
        }
        ExprKind::KeyValue { key, value } => format!("{}: {}", expr(key), expr(value)),
        ExprKind::FuncLit { sig, .. } => format!("func{} {{…}}", signature(sig)),
        ExprKind::Paren(x) => format!("({})", expr(x)),
        ExprKind::Selector { x, sel } => format!("{}.{}", expr(x), sel.name),
        ExprKind::Index { x, index } => format!("{}[{}]", expr(x), expr(index)),
        ExprKind::SliceExpr {
            x,
            lo,
            hi,
            max,
            three,
        } => {
            let o = |v: &Option<Box<Expr>>| v.as_ref().map(|e| expr(e)).unwrap_or_default();
            if *three {
                format!("{}[{}:{}:{}]", expr(x), o(lo), o(hi), o(max))
            } else {
                format!("{}[{}:{}]", expr(x), o(lo), o(hi))
            }
        }
        ExprKind::TypeAssert { x, ty } => match ty {
            Some(t) => format!("{}.({})", expr(x), expr(t)),
            None => format!("{}.(type)", expr(x)),
        },
        ExprKind::Call {
            fun,
            args,
            ellipsis,
            ..
        } => {
            format!(
                "{}({}{})",
                expr(fun),
                list(args),
                if *ellipsis { "..." } else { "" }
            )
        }
        ExprKind::Star(x) => format!("*{}", expr(x)),
        ExprKind::Unary { op, x } => format!("{}{}", op.as_str(), expr(x)),
        ExprKind::Binary { op, x, y } => format!("{} {} {}", expr(x), op.as_str(), expr(y)),
        ExprKind::ArrayType { len, elem } => {
            format!(
                "[{}]{}",
                len.as_ref().map(|l| expr(l)).unwrap_or_default(),
                expr(elem)
            )
        }
        ExprKind::MapType { key, value } => format!("map[{}]{}", expr(key), expr(value)),
        ExprKind::ChanType { dir, elem } => match dir {
            ChanDir::Both => format!("chan {}", expr(elem)),
            ChanDir::Send => format!("chan<- {}", expr(elem)),
            ChanDir::Recv => format!("<-chan {}", expr(elem)),
        },
        ExprKind::FuncType(sig) => format!("func{}", signature(sig)),
        ExprKind::StructType { fields: f } => format!("struct{{{}}}", fields(f, "; ")),
        ExprKind::InterfaceType { methods } => {
            let m = methods
                .iter()
                .map(|f| match (f.names.first(), &f.ty.kind) {
                    (Some(n), ExprKind::FuncType(sig)) => format!("{}{}", n.name, signature(sig)),
                    _ => expr(&f.ty),
                })
                .collect::<Vec<_>>()
                .join("; ");
            format!("interface{{{m}}}")
        }
        ExprKind::Ellipsis(x) => format!("...{}", x.as_ref().map(|x| expr(x)).unwrap_or_default()),
    }
}
