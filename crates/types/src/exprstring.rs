//! Expressions printed as gc prints them in error messages (syntax.String, short form).

use crate::constant::{fmt_g6, quote};
use gosub_syntax::ast::{ChanDir, Expr, ExprKind, Field, FuncType};

pub(crate) fn expr_string(e: &Expr) -> String {
    let mut s = String::new();
    write_expr(&mut s, e);
    s
}

fn rune_lit(c: u32) -> String {
    match char::from_u32(c) {
        Some('\'') => "'\\''".into(),
        Some('\\') => "'\\\\'".into(),
        Some('\n') => "'\\n'".into(),
        Some('\t') => "'\\t'".into(),
        Some('\r') => "'\\r'".into(),
        Some('\0') => "'\\x00'".into(),
        Some(ch) if !ch.is_control() => format!("'{}'", ch),
        _ if c < 0x100 => format!("'\\x{:02x}'", c),
        _ if c < 0x10000 => format!("'\\u{:04x}'", c),
        _ => format!("'\\U{:08x}'", c),
    }
}

fn write_list(s: &mut String, es: &[Expr]) {
    for (i, e) in es.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        write_expr(s, e);
    }
}

fn write_fields(s: &mut String, fs: &[Field], sep: &str) {
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
        write_expr(s, &f.ty);
    }
}

pub(crate) fn write_sig(s: &mut String, sig: &FuncType) {
    s.push('(');
    write_fields(s, &sig.params, ", ");
    s.push(')');
    if !sig.results.is_empty() {
        s.push(' ');
        if sig.results.len() == 1 && sig.results[0].names.is_empty() {
            write_expr(s, &sig.results[0].ty);
        } else {
            s.push('(');
            write_fields(s, &sig.results, ", ");
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
            s.push('i')
        }
        ExprKind::RuneLit(c) => s.push_str(&rune_lit(*c)),
        ExprKind::StringLit(b) => s.push_str(&quote(b)),
        ExprKind::CompositeLit { ty, elts, .. } => {
            if let Some(t) = ty {
                write_expr(s, t);
            }
            s.push('{');
            if !elts.is_empty() {
                s.push('…');
            }
            s.push('}');
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
                Some(t) => write_expr(s, t),
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
            write_expr(s, elem);
        }
        ExprKind::MapType { key, value } => {
            s.push_str("map[");
            write_expr(s, key);
            s.push(']');
            write_expr(s, value);
        }
        ExprKind::ChanType { dir, elem } => {
            s.push_str(match dir {
                ChanDir::Both => "chan ",
                ChanDir::Send => "chan<- ",
                ChanDir::Recv => "<-chan ",
            });
            write_expr(s, elem);
        }
        ExprKind::FuncType(ft) => {
            s.push_str("func");
            write_sig(s, ft);
        }
        ExprKind::StructType { fields } => {
            s.push_str("struct{");
            write_fields(s, fields, "; ");
            s.push('}');
        }
        ExprKind::InterfaceType { methods } => {
            s.push_str("interface{");
            for (i, m) in methods.iter().enumerate() {
                if i > 0 {
                    s.push_str("; ");
                }
                match (&m.names.first(), &m.ty.kind) {
                    (Some(n), ExprKind::FuncType(ft)) => {
                        s.push_str(&n.name);
                        write_sig(s, ft);
                    }
                    _ => write_expr(s, &m.ty),
                }
            }
            s.push('}');
        }
        ExprKind::Ellipsis(x) => {
            s.push_str("...");
            if let Some(x) = x {
                write_expr(s, x);
            }
        }
    }
}

#[allow(dead_code)]
pub(crate) fn float_string(f: f64) -> String {
    fmt_g6(f)
}
