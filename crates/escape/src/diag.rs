//! gc's `-m` wording: expressions printed as cmd/compile/internal/ir/fmt.go prints them
//! (`&Point{...}`, `make([]int, n)`, `([]byte)(s)`, `fmt.Println(... argument...)`,
//! `func literal`, constants by value), and the `-m -m` flow explanations:
//!
//! ```text
//! FILE:L:C: &Point{...} escapes to heap in main:
//! FILE:L:C:   flow: p ← &{storage for &Point{...}}:
//! FILE:L:C:     from &Point{...} (spill) at FILE:L:C
//! FILE:L:C:     from p := &Point{...} (assign) at FILE:L:C
//! FILE:L:C:   flow: {heap} ← p:
//! FILE:L:C:     from global = p (assign) at FILE:L:C
//! ```
//! Each `flow: dst ← src` is one assignment edge on the path from the value to the heap (or
//! to the result it leaks to); `&` means the address flows, `*` one dereference per star.
//!
//! The -m format is the compiler's ir formatter, not `syntax.String`, so it is printed here;
//! the Go spellings it shares with source are gosub_syntax's: operators (`BinOp::as_str`),
//! channel keywords (`gosrc::chan_dir`, `gosrc::chan_elem_parens`), and quoting
//! (`quote::quote` for strings, `gosrc::rune_lit`, i.e. strconv.QuoteRune, for runes).

use crate::build::Builder;
use crate::graph::*;
use crate::solve::Explained;
use gosub_syntax::ast::{AssignOp, BinOp, Expr, ExprKind, Stmt, StmtKind};
use gosub_syntax::gosrc::{self, chan_dir, chan_elem_parens, rune_lit};
use gosub_types::{fmt_g6, BasicKind, ConstValue, ObjKind, Program, Selection, TypeKind};

/// Marker around a position in explanation text; `Escapes::diagnostics` renders it.
pub const POS_MARK: char = '\u{1}';

/// The position of an explanation line gc prints without a position (a warning about a
/// node that has none, as `f capturing by ref: #next`).
pub const NO_POS: u32 = u32::MAX;

pub fn pos_ref(pos: u32) -> String {
    format!("{m}{pos}{m}", m = POS_MARK)
}

fn prec_of(e: &Expr) -> u8 {
    match &e.kind {
        ExprKind::Binary { op, .. } => match op {
            BinOp::LOr => 1,
            BinOp::LAnd => 2,
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => 3,
            BinOp::Add | BinOp::Sub | BinOp::Or | BinOp::Xor => 4,
            _ => 5,
        },
        ExprKind::Unary { .. } | ExprKind::Star(_) => 7,
        ExprKind::Paren(x) => prec_of(x),
        _ => 8,
    }
}

pub fn fmt_expr(p: &Program, e: &Expr) -> String {
    let mut s = String::new();
    w(p, e, 0, &mut s);
    s
}

/// A string constant as gc prints it: go/constant's `String()`, i.e. strconv.Quote, and a
/// quoted form longer than 72 runes cut to its first 69 runes plus `...`.
fn quote(b: &[u8]) -> String {
    let q = gosub_syntax::quote::quote(b);
    if q.chars().count() > 72 {
        q.chars().take(69).collect::<String>() + "..."
    } else {
        q
    }
}

fn fmt_const(p: &Program, e: &Expr, v: &ConstValue) -> String {
    let t = p
        .info
        .types
        .get(&e.id)
        .copied()
        .unwrap_or(gosub_types::T_INVALID);
    let b = p.types.basic(t);
    let named = p.types.named_of(t).is_some();
    let raw = match v {
        ConstValue::Bool(x) => x.to_string(),
        ConstValue::Int(i) => {
            if matches!(b, Some(BasicKind::Int32) | Some(BasicKind::UntypedRune))
                && !named
                && *i >= 0
                && *i <= 0x10FFFF
            {
                // gc's `%q` of the rune: strconv.QuoteRune (a surrogate half quotes as U+FFFD).
                return rune_lit(*i as u32);
            }
            i.to_string()
        }
        ConstValue::Float(f) => fmt_g6(*f),
        ConstValue::Complex(r, i) => format!("({} + {}i)", fmt_g6(*r), fmt_g6(*i)),
        ConstValue::String(s) => quote(s),
    };
    let default = match (v, b) {
        (_, _) if named => false,
        (ConstValue::Bool(_), Some(BasicKind::Bool | BasicKind::UntypedBool)) => true,
        (
            ConstValue::Int(_),
            Some(BasicKind::Int | BasicKind::UntypedInt | BasicKind::UntypedRune),
        ) => true,
        (ConstValue::Float(_), Some(BasicKind::Float64 | BasicKind::UntypedFloat)) => true,
        (ConstValue::Complex(..), Some(BasicKind::Complex128)) => true,
        (ConstValue::String(_), Some(BasicKind::String | BasicKind::UntypedString)) => true,
        _ => false,
    };
    if default {
        raw
    } else {
        format!("{}({})", p.types.type_string(t, false), raw)
    }
}

/// A type expression as gc prints the type.
pub fn fmt_type_expr(p: &Program, e: &Expr) -> String {
    match &e.kind {
        // In an instance of generic code gc prints a type parameter as its GC shape.
        ExprKind::Ident(id) if is_tparam_name(p, e) => match p.info.types.get(&e.id) {
            Some(&t) => p.types.shape_string(t),
            None => id.name.clone(),
        },
        ExprKind::Index { index, .. } if is_tparam_name(p, index) => shaped_type_of(p, e),
        ExprKind::IndexList { indices, .. } if indices.iter().any(|i| is_tparam_name(p, i)) => {
            shaped_type_of(p, e)
        }
        ExprKind::Ident(id) => id.name.clone(),
        ExprKind::Paren(x) => fmt_type_expr(p, x),
        ExprKind::Selector { x, sel } => format!("{}.{}", fmt_type_expr(p, x), sel.name),
        ExprKind::Star(x) => format!("*{}", fmt_type_expr(p, x)),
        ExprKind::ArrayType { len: None, elem } => format!("[]{}", fmt_type_expr(p, elem)),
        ExprKind::ArrayType { len: Some(_), elem } => {
            let t = p.info.types.get(&e.id).copied();
            let n = t.and_then(|t| match p.types.under(t) {
                TypeKind::Array(_, n) => Some(*n),
                _ => None,
            });
            match n {
                Some(n) => format!("[{}]{}", n, fmt_type_expr(p, elem)),
                None => format!("[...]{}", fmt_type_expr(p, elem)),
            }
        }
        ExprKind::MapType { key, value } => {
            format!("map[{}]{}", fmt_type_expr(p, key), fmt_type_expr(p, value))
        }
        ExprKind::ChanType { dir, elem } => {
            let el = fmt_type_expr(p, elem);
            if chan_elem_parens(*dir, elem) {
                format!("{} ({el})", chan_dir(*dir))
            } else {
                format!("{} {el}", chan_dir(*dir))
            }
        }
        ExprKind::InterfaceType { methods } if methods.is_empty() => "interface {}".into(),
        _ => match p.info.types.get(&e.id) {
            Some(&t) => p.types.type_string(t, false),
            None => "?".into(),
        },
    }
}

/// For a call of an instance of generic code: gc's name of the shaped function it calls and
/// the dictionary argument, and the receiver expression of a method call.
fn shaped_callee<'e>(p: &Program, fun: &'e Expr) -> Option<((String, String), Option<&'e Expr>)> {
    let fun = gosub_syntax::ast::unparen(fun);
    let (obj, recv) = match &fun.kind {
        ExprKind::Ident(id) => (*p.info.uses.get(&id.id)?, None),
        ExprKind::Index { .. } | ExprKind::IndexList { .. } => (p.instance_of(fun)?, None),
        ExprKind::Selector { x, .. } => match p.info.selections.get(&fun.id)? {
            gosub_types::Selection::Qualified(o) => (*o, None),
            gosub_types::Selection::Method { func, path, .. } if path.is_empty() => {
                (*func, Some(&**x))
            }
            _ => return None,
        },
        _ => return None,
    };
    p.info.instance_origin.get(&obj)?;
    let o = p.obj(obj);
    let targs = p.info.instance_targs.get(&obj)?;
    let shapes: Vec<String> = targs.iter().map(|&t| p.types.shape_string(t)).collect();
    let actual: Vec<String> = targs
        .iter()
        .map(|&t| p.types.type_string(t, false))
        .collect();
    match &o.kind {
        gosub_types::ObjKind::Func {
            recv: Some(r),
            ptr_recv,
            ..
        } => {
            let base = p.types.named_of(*r)?.name.clone();
            let star = if *ptr_recv { "*" } else { "" };
            let name = format!("({star}{base}[{}]).{}", shapes.join(","), o.name);
            let dict = format!("&.dict.{base}[{}]", actual.join(","));
            Some(((name, dict), recv))
        }
        _ => {
            let name = format!("{}[{}]", o.name, shapes.join(","));
            let dict = format!("&.dict.{}[{}]", o.name, actual.join(","));
            Some(((name, dict), None))
        }
    }
}

/// Whether `e` names a type parameter (in generic code or one of its instances).
fn is_tparam_name(p: &Program, e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Ident(id) => {
            (p.info.uses.get(&id.id)).is_some_and(|o| p.info.tparam_names.contains(o))
        }
        ExprKind::Paren(x) | ExprKind::Star(x) => is_tparam_name(p, x),
        ExprKind::ArrayType { elem, .. } => is_tparam_name(p, elem),
        _ => false,
    }
}

fn shaped_type_of(p: &Program, e: &Expr) -> String {
    match p.info.types.get(&e.id) {
        Some(&t) => p.types.shaped_type_string(t),
        None => "?".into(),
    }
}

fn is_simple_type_name(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Ident(_) => true,
        ExprKind::Paren(x) => is_simple_type_name(x),
        ExprKind::Selector { x, .. } => matches!(x.kind, ExprKind::Ident(_)),
        _ => false,
    }
}

fn builtin_name(p: &Program, fun: &Expr) -> Option<&'static str> {
    let id = match &fun.kind {
        ExprKind::Ident(id) => id,
        ExprKind::Paren(x) => return builtin_name(p, x),
        _ => return None,
    };
    let o = p.info.uses.get(&id.id)?;
    match p.obj(*o).kind {
        ObjKind::Builtin(b) => {
            use gosub_types::Builtin::*;
            Some(match b {
                Append => "append",
                Cap => "cap",
                Clear => "clear",
                Close => "close",
                Complex => "complex",
                Copy => "copy",
                Delete => "delete",
                Imag => "imag",
                Len => "len",
                Make => "make",
                Max => "max",
                Min => "min",
                New => "new",
                Panic => "panic",
                Print => "print",
                Println => "println",
                Real => "real",
                Recover => "recover",
                PanicRangeState => "runtime.panicrangestate",
                DeferRangeFunc => "runtime.deferrangefunc",
                _ => return None,
            })
        }
        _ => None,
    }
}

fn w(p: &Program, e: &Expr, prec: u8, s: &mut String) {
    if let ExprKind::Paren(x) = &e.kind {
        return w(p, x, prec, s);
    }
    if let Some(v) = p.info.consts.get(&e.id) {
        match &e.kind {
            ExprKind::Ident(id)
                if !matches!(
                    p.info.uses.get(&id.id).map(|o| &p.obj(*o).kind),
                    Some(ObjKind::Nil)
                ) =>
            {
                if let Some(o) = p.info.uses.get(&id.id) {
                    if matches!(p.obj(*o).kind, ObjKind::Const(_)) && p.obj(*o).pkg != usize::MAX {
                        s.push_str(&id.name);
                        return;
                    }
                }
                s.push_str(&fmt_const(p, e, v));
                return;
            }
            ExprKind::Selector { sel, x }
                if matches!(p.info.selections.get(&e.id), Some(Selection::Qualified(_))) =>
            {
                w(p, x, 8, s);
                s.push('.');
                s.push_str(&sel.name);
                return;
            }
            _ => {
                s.push_str(&fmt_const(p, e, v));
                return;
            }
        }
    }
    let np = prec_of(e);
    if prec > np {
        s.push('(');
        w(p, e, 0, s);
        s.push(')');
        return;
    }
    match &e.kind {
        // A string constant is cut as go/constant prints it; other names and literals (not
        // constants, or they were printed above) are printed as in source.
        ExprKind::StringLit(b) => s.push_str(&quote(b)),
        ExprKind::Ident(_)
        | ExprKind::IntLit(_)
        | ExprKind::FloatLit(_)
        | ExprKind::ImagLit(_)
        | ExprKind::RuneLit(_) => s.push_str(&gosrc::expr(e)),
        ExprKind::CompositeLit { ty, elts, .. } => {
            let tn = match ty {
                Some(t) => fmt_type_expr(p, t),
                None => match p.info.types.get(&e.id) {
                    Some(&t) => {
                        let t = match p.types.under(t) {
                            TypeKind::Pointer(inner) => {
                                s.push('&');
                                *inner
                            }
                            _ => t,
                        };
                        p.types.type_string(t, false)
                    }
                    None => "?".into(),
                },
            };
            s.push_str(&tn);
            s.push_str(if elts.is_empty() { "{}" } else { "{...}" });
        }
        ExprKind::FuncLit { .. } => s.push_str("func literal"),
        ExprKind::Selector { x, sel } => {
            w(p, x, np, s);
            s.push('.');
            s.push_str(&sel.name);
        }
        ExprKind::Index { x, index } => {
            w(p, x, np, s);
            s.push('[');
            w(p, index, 0, s);
            s.push(']');
        }
        ExprKind::SliceExpr {
            x,
            lo,
            hi,
            max,
            three,
        } => {
            w(p, x, np, s);
            s.push('[');
            if let Some(l) = lo {
                w(p, l, 0, s);
            }
            s.push(':');
            if let Some(h) = hi {
                w(p, h, 0, s);
            }
            if *three {
                s.push(':');
                if let Some(m) = max {
                    w(p, m, 0, s);
                }
            }
            s.push(']');
        }
        ExprKind::TypeAssert { x, ty } => {
            w(p, x, np, s);
            s.push_str(".(");
            match ty {
                Some(t) => s.push_str(&fmt_type_expr(p, t)),
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
            if p.info.conversions.contains_key(&e.id) {
                if is_simple_type_name(fun) {
                    s.push_str(&fmt_type_expr(p, fun));
                } else {
                    s.push('(');
                    s.push_str(&fmt_type_expr(p, fun));
                    s.push(')');
                }
                s.push('(');
                if let Some(a) = args.first() {
                    w(p, a, 0, s);
                }
                s.push(')');
                return;
            }
            if let Some(b) = builtin_name(p, fun) {
                s.push_str(b);
                s.push('(');
                for (i, a) in args.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    if i == 0 && matches!(b, "new" | "make") {
                        s.push_str(&fmt_type_expr(p, a));
                    } else {
                        w(p, a, 0, s);
                    }
                }
                if *ellipsis {
                    s.push_str("...");
                }
                s.push(')');
                return;
            }
            if let Some((callee, recv)) = shaped_callee(p, fun) {
                // gc calls the shaped instance with its dictionary:
                // `Sum[go.shape.int](&.dict.Sum[int], xs)`, `(*Box[go.shape.int]).Get(b, &.dict.Box[int])`.
                s.push_str(&callee.0);
                s.push('(');
                if let Some(r) = recv {
                    w(p, r, 0, s);
                    s.push_str(", ");
                }
                s.push_str(&callee.1);
                for a in args.iter() {
                    s.push_str(", ");
                    w(p, a, 0, s);
                }
                if *ellipsis {
                    s.push_str("...");
                }
                s.push(')');
                return;
            }
            w(p, fun, 8, s);
            s.push('(');
            let sig = p
                .info
                .types
                .get(&fun.id)
                .and_then(|&t| match p.types.under(t) {
                    TypeKind::Func(sig) => Some(sig.clone()),
                    _ => None,
                });
            let packed = sig
                .as_ref()
                .is_some_and(|sg| sg.variadic && !*ellipsis && args.len() >= sg.params.len());
            let n = sig.as_ref().map(|sg| sg.params.len()).unwrap_or(0);
            for (i, a) in args.iter().enumerate() {
                if packed && i + 1 >= n {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    s.push_str("... argument");
                    break;
                }
                if i > 0 {
                    s.push_str(", ");
                }
                w(p, a, 0, s);
            }
            if *ellipsis || packed {
                s.push_str("...");
            }
            s.push(')');
        }
        ExprKind::Star(x) => {
            s.push('*');
            w(p, x, np + 1, s);
        }
        ExprKind::Unary { op, x } => {
            s.push_str(op.as_str());
            w(p, x, np + 1, s);
        }
        ExprKind::Binary { op, x, y } => {
            w(p, x, np, s);
            s.push(' ');
            s.push_str(op.as_str());
            s.push(' ');
            w(p, y, np + 1, s);
        }
        _ => s.push('?'),
    }
}

pub fn fmt_stmt(p: &Program, s: &Stmt) -> String {
    let list = |es: &[Expr]| {
        es.iter()
            .map(|e| fmt_expr(p, e))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match &s.kind {
        StmtKind::Assign { lhs, op, rhs } => {
            let o = match op {
                AssignOp::Assign => "=".to_string(),
                AssignOp::Define => ":=".to_string(),
                AssignOp::Op(b) => format!("{}=", b.as_str()),
            };
            format!("{} {} {}", list(lhs), o, list(rhs))
        }
        StmtKind::Return(es) => {
            if es.is_empty() {
                "return".into()
            } else {
                format!("return {}", list(es))
            }
        }
        StmtKind::Decl(d) if let gosub_syntax::ast::Decl::Var(gd) = &**d => {
            match gd.specs.first() {
                Some(sp) => {
                    let names = sp
                        .names
                        .iter()
                        .map(|n| n.name.clone())
                        .collect::<Vec<_>>()
                        .join(", ");
                    // gc's IR has no `var` statement: `var x = e` is the definition `x := e`.
                    format!("{} := {}", names, list(&sp.values))
                }
                None => "statement".into(),
            }
        }
        StmtKind::Send { ch, value } => format!("{} <- {}", fmt_expr(p, ch), fmt_expr(p, value)),
        _ => "statement".into(),
    }
}

pub fn loc_name(b: &Builder, l: usize) -> String {
    match &b.g.locs[l].kind {
        LocKind::Heap => "{heap}".into(),
        LocKind::Blank => "{blank}".into(),
        LocKind::Mutator => "{mutator}".into(),
        LocKind::Temp => "{temp}".into(),
        LocKind::Var(o) => b.cx.p.obj(*o).name.clone(),
        LocKind::Alloc(_) => match b.alloc_of(l) {
            Some((_, info)) => format!("{{storage for {}}}", info.flow_text),
            None => "{storage}".into(),
        },
    }
}

fn loc_pos(b: &Builder, l: usize) -> u32 {
    match &b.g.locs[l].kind {
        LocKind::Var(o) => b.cx.p.obj(*o).span.lo,
        LocKind::Alloc(_) => b.alloc_of(l).map(|(_, i)| i.pos).unwrap_or(0),
        _ => 0,
    }
}

pub fn func_name(b: &Builder, fk: FnKey) -> String {
    b.fn_name(fk)
}

/// Renders one explanation (`-m -m`) as lines keyed by position.
pub fn explain(b: &Builder, ex: &Explained, out: &mut Vec<(u32, String)>) {
    let pos = loc_pos(b, ex.loc);
    let fname = func_name(b, b.g.locs[ex.loc].func);
    if ex.param_leak {
        out.push((
            pos,
            format!(
                "parameter {} leaks to {} for {} with derefs={}:",
                loc_name(b, ex.loc),
                loc_name(b, ex.root),
                fname,
                ex.derefs
            ),
        ));
    } else {
        out.push((
            pos,
            format!(
                "{} escapes to heap in {}:",
                {
                    let n = loc_name(b, ex.loc);
                    match n
                        .strip_prefix("{storage for ")
                        .and_then(|s| s.strip_suffix('}'))
                    {
                        Some(inner) => inner.to_string(),
                        None => n,
                    }
                },
                fname
            ),
        ));
    }
    for (dst, src, d, notes) in &ex.path {
        let ops = if *d < 0 {
            "&".to_string()
        } else {
            "*".repeat(*d as usize)
        };
        out.push((
            pos,
            format!(
                "  flow: {} ← {}{}:",
                loc_name(b, *dst),
                ops,
                loc_name(b, *src)
            ),
        ));
        for n in notes.iter().rev() {
            out.push((
                pos,
                format!("    from {} ({}) at {}", n.text, n.why, pos_ref(n.pos)),
            ));
        }
    }
}
