//! Error message helpers: operand descriptions as types2 prints them, position markers.

use crate::check::{Checker, OpMode, Operand};
use crate::constant::const_string;
use crate::ty::*;
use gosub_syntax::ast::{Expr, ExprKind};
use gosub_syntax::gosrc;
use gosub_syntax::{Diagnostic, SourceMap};

pub(crate) use gosub_syntax::source::MAX_ERRORS;

/// A position inside a message: rendered as `file:line:col` by `render_diagnostic`.
pub(crate) fn pos_marker(pos: u32) -> String {
    format!("{{@{}}}", pos)
}

/// A position inside a message that the go command shows relative to the current
/// directory (`./x.go:6:11`, as in "declared at").
pub(crate) fn pos_marker_rel(pos: u32) -> String {
    format!("{{@.{}}}", pos)
}

/// `x redeclared in this block` with the other declaration's position.
pub(crate) fn redeclared(name: &str, prev: u32) -> String {
    format!(
        "{} redeclared in this block\n\t{}: other declaration of {}",
        name,
        pos_marker(prev),
        name
    )
}

/// Renders a diagnostic as gc prints it (`file:line:col: msg`), expanding the position
/// markers `{@offset}` that multi-position messages (redeclarations, cycles) contain.
pub fn render_diagnostic(d: &Diagnostic, map: &SourceMap) -> String {
    format!(
        "{}: {}",
        map.position(d.span.lo),
        expand_positions(&d.msg, map)
    )
}

/// Replaces the `{@offset}` markers in a message by `file:line:col`.
pub fn expand_positions(msg: &str, map: &SourceMap) -> String {
    let mut out = String::new();
    let mut rest = msg;
    while let Some(i) = rest.find("{@") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        // `{@.N}`: a position inside message text, which the go command shows relative to
        // the current directory (`./x.go:1:2`).
        let (dot, after) = match after.strip_prefix('.') {
            Some(a) => (true, a),
            None => (false, after),
        };
        match after.find('}') {
            Some(j) if after[..j].chars().all(|c| c.is_ascii_digit()) && j > 0 => {
                let pos: u32 = after[..j].parse().unwrap_or(0);
                let p = map.position(pos);
                if dot && !p.starts_with('/') && !p.starts_with('.') && !p.starts_with('<') {
                    out.push_str("./");
                }
                out.push_str(&p);
                rest = &after[j + 1..];
            }
            _ => {
                out.push_str(if dot { "{@." } else { "{@" });
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The leftmost position of an expression (syntax.StartPos).
pub(crate) fn start_pos(e: &Expr) -> u32 {
    match &e.kind {
        ExprKind::Binary { x, .. } => start_pos(x),
        ExprKind::Selector { x, .. }
        | ExprKind::Index { x, .. }
        | ExprKind::SliceExpr { x, .. }
        | ExprKind::TypeAssert { x, .. } => start_pos(x),
        ExprKind::Call { fun, .. } => start_pos(fun),
        ExprKind::CompositeLit { ty: Some(t), .. } => start_pos(t),
        ExprKind::KeyValue { key, .. } => start_pos(key),
        _ => e.span.lo,
    }
}

pub(crate) fn measure(n: usize, unit: &str) -> String {
    if n == 1 {
        format!("{} {}", n, unit)
    } else {
        format!("{} {}s", n, unit)
    }
}

impl<'a> Checker<'a> {
    /// The description of an operand: `x (variable of type int)`.
    pub(crate) fn op_string(&self, x: &Operand) -> String {
        if x.ty == T_UNTYPED_NIL && !matches!(x.mode, OpMode::Invalid) {
            return "nil".into();
        }
        let expr = match x.expr {
            Some(e) => gosrc::expr(e),
            None => match &x.mode {
                OpMode::Type => self.ts(x.ty),
                OpMode::Const(v) => const_string(v),
                _ => String::new(),
            },
        };
        let mut buf = String::new();
        if !expr.is_empty() {
            buf.push_str(&expr);
            buf.push_str(" (");
        }
        let mut has_type = false;
        match &x.mode {
            OpMode::Invalid | OpMode::NoValue | OpMode::Builtin(_) | OpMode::Type => {}
            _ => {
                if self.is_untyped(x.ty) {
                    buf.push_str(self.tt.basic(x.ty).map(|b| b.name()).unwrap_or(""));
                    buf.push(' ');
                } else {
                    has_type = true;
                }
            }
        }
        buf.push_str(match &x.mode {
            OpMode::Invalid => "invalid operand",
            OpMode::NoValue => "no value",
            OpMode::Builtin(_) => "built-in",
            OpMode::Type => "type",
            OpMode::Const(_) => "constant",
            OpMode::Var => "variable",
            OpMode::MapIndex => "map index expression",
            OpMode::Value => "value",
            OpMode::CommaOk => "comma, ok expression",
        });
        if let OpMode::Const(v) = &x.mode {
            let s = const_string(v);
            if s != expr {
                buf.push(' ');
                buf.push_str(&s);
            }
        }
        if has_type {
            if x.ty != T_INVALID {
                let mut desc = String::new();
                if let TypeKind::Named(_) = self.tt.kind(x.ty) {
                    desc = self.composite_kind(x.ty);
                    desc.push(' ');
                }
                let mut ts = self.ts(x.ty);
                if let Some((d, is_any)) = self.operand_display(x) {
                    if is_any {
                        desc = "interface ".into();
                    }
                    ts = d;
                }
                buf.push_str(" of ");
                buf.push_str(&desc);
                buf.push_str("type ");
                buf.push_str(&ts);
                if let Some(c) = self.tt.tparam_of(x.ty).map(|i| i.constraint) {
                    buf.push_str(" constrained by ");
                    buf.push_str(&self.ts(c));
                }
            } else {
                buf.push_str(" with invalid type");
            }
        }
        if !expr.is_empty() {
            buf.push(')');
        }
        buf
    }

    /// The declared spelling of a variable operand's type (see `var_display`).
    fn operand_display(&self, x: &Operand) -> Option<(String, bool)> {
        if x.mode != OpMode::Var {
            return None;
        }
        let ExprKind::Ident(id) = &gosub_syntax::ast::unparen(x.expr?).kind else {
            return None;
        };
        let o = self.info.uses.get(&id.id)?;
        self.var_display.get(o).cloned()
    }

    pub(crate) fn composite_kind(&self, t: TypeId) -> String {
        match self.tt.under(t) {
            TypeKind::Basic(b) => b.name().to_string(),
            TypeKind::Array(..) => "array".into(),
            TypeKind::Slice(_) => "slice".into(),
            TypeKind::Struct(_) => "struct".into(),
            TypeKind::Pointer(_) => "pointer".into(),
            TypeKind::Func(_) => "func".into(),
            TypeKind::Interface(_) => "interface".into(),
            TypeKind::Map(..) => "map".into(),
            TypeKind::Chan(..) => "chan".into(),
            TypeKind::Tuple(_) => "tuple".into(),
            TypeKind::Named(_) | TypeKind::TypeParam(_) | TypeKind::Constraint(_) => String::new(),
        }
    }

    /// `(int, string)` as in "have/want" lists.
    pub(crate) fn types_summary(&self, list: &[TypeId], variadic: bool, has_dots: bool) -> String {
        let mut res = Vec::new();
        for (i, &t) in list.iter().enumerate() {
            let mut s = if t == T_INVALID {
                "unknown type".to_string()
            } else if self.is_untyped(t) {
                if self.is_numeric(t) {
                    "number".to_string()
                } else {
                    self.ts(t).replace("untyped ", "")
                }
            } else {
                self.ts(t)
            };
            if i + 1 == list.len() {
                if variadic {
                    if let TypeKind::Slice(e) = self.tt.kind(t) {
                        s = self.ts(*e);
                    }
                    s = format!("...{}", s);
                } else if has_dots {
                    s.push_str("...");
                }
            }
            res.push(s);
        }
        format!("({})", res.join(", "))
    }

    /// Reports an error at the start of an operand's expression.
    pub(crate) fn err_at_op(&mut self, x: &Operand, msg: impl Into<String>) {
        let pos = x.expr.map(start_pos).unwrap_or(0);
        self.error(pos, msg);
    }

    pub(crate) fn err_at(&mut self, e: &Expr, msg: impl Into<String>) {
        self.error(start_pos(e), msg);
    }
}
