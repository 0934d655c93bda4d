//! Switch statements: expression switches (duplicate constant cases are errors, as in gc)
//! and type switches (cases must be possible dynamic types; the symbolic variable takes
//! each clause's type).

use crate::check::{Checker, OpMode, Operand};
use crate::*;
use gosub_syntax::ast::unparen;
use gosub_syntax::ast::{CaseClause, Expr, ExprKind, Stmt};
use gosub_syntax::gosrc;

impl<'a> Checker<'a> {
    /// A `default` clause at `pos` of a switch, type switch or select: each one after the
    /// first is gc's "multiple defaults", naming the first.
    pub(crate) fn default_clause(&mut self, first: &mut Option<u32>, pos: u32) {
        match *first {
            Some(f) => self.error(
                pos,
                format!(
                    "multiple defaults (first at {})",
                    crate::errors::pos_marker_rel(f)
                ),
            ),
            None => *first = Some(pos),
        }
    }

    pub(crate) fn switch_stmt(
        &mut self,
        init: Option<&'a Stmt>,
        tag: Option<&'a Expr>,
        clauses: &'a [CaseClause],
    ) {
        self.open_scope(false);
        if let Some(i) = init {
            self.stmt(i);
        }
        let mut x = match tag {
            Some(t) => {
                let mut x = self.expr(t);
                if !x.is_invalid() {
                    // The tag's untyped constant gets its default type.
                    self.assignment(&mut x, None, "switch expression");
                    if !x.is_invalid() && !self.comparable(x.ty) && !self.has_nil(x.ty) {
                        let s = self.op_string(&x);
                        let ts = self.ts(x.ty);
                        self.err_at_op(
                            &x,
                            format!("cannot switch on {} ({} is not comparable)", s, ts),
                        );
                        x.mode = OpMode::Invalid;
                    }
                }
                x
            }
            None => Operand {
                mode: OpMode::Const(Val::Bool(true)),
                ty: T_BOOL,
                expr: None,
            },
        };
        let mut seen: Vec<(Val, TypeId, u32)> = Vec::new();
        let mut first_default: Option<u32> = None;
        for cl in clauses {
            match &cl.exprs {
                None => {
                    self.default_clause(&mut first_default, cl.span.lo);
                }
                Some(es) => {
                    for e in es {
                        self.case_value(&mut x, e, &mut seen);
                    }
                }
            }
            self.open_scope(false);
            self.stmt_list(&cl.body);
            self.close_scope();
        }
        self.close_scope();
    }

    pub(crate) fn case_value(
        &mut self,
        x: &mut Operand<'a>,
        e: &'a Expr,
        seen: &mut Vec<(Val, TypeId, u32)>,
    ) {
        let mut v = self.expr(e);
        if v.is_invalid() || x.is_invalid() {
            return;
        }
        // Compare v == x.
        let xo = x.clone();
        let tag_str = match x.expr {
            Some(t) => gosrc::expr(t),
            None => "true".into(),
        };
        if self.is_untyped(v.ty) {
            let t = xo.ty;
            let r = self.implicit_type_and_value(&v, t);
            if r.is_err() {
                let (a, b) = (self.ts(v.ty), self.ts(xo.ty));
                self.err_at(
                    e,
                    format!(
                        "invalid case {} in switch on {} (mismatched types {} and {})",
                        gosrc::expr(e),
                        tag_str,
                        a,
                        b
                    ),
                );
                return;
            }
            self.convert_untyped(&mut v, t);
            if v.is_invalid() {
                return;
            }
        }
        let ok = self.assignable_to(&v, xo.ty).0 || self.assignable_to(&xo, v.ty).0;
        if !ok {
            let (a, b) = (self.ts(v.ty), self.ts(xo.ty));
            self.err_at(
                e,
                format!(
                    "invalid case {} in switch on {} (mismatched types {} and {})",
                    gosrc::expr(e),
                    tag_str,
                    a,
                    b
                ),
            );
            return;
        }
        if !self.comparable(v.ty) && !v.is_nil() {
            let cause = self.incomparable_cause(v.ty);
            self.err_at(
                e,
                format!(
                    "invalid case {} in switch on {} ({})",
                    gosrc::expr(e),
                    tag_str,
                    cause
                ),
            );
            return;
        }
        // gc looks for duplicates among integer, float and string constants only
        // (types2's `goVal`): `switch { case true: ... case true: }` compiles.
        let dup_checked = |val: &crate::constant::Val| {
            !matches!(
                val,
                crate::constant::Val::Bool(_) | crate::constant::Val::Complex(..)
            )
        };
        if let Some(val) = v.val().filter(|val| dup_checked(val)).cloned() {
            let p = crate::errors::start_pos(e);
            if let Some((_, _, prev)) = seen.iter().find(|(sv, st, _)| *sv == val && *st == v.ty) {
                let prev = *prev;
                let vs = self.op_string(&v);
                self.error(
                    p,
                    format!(
                        "duplicate case {} in expression switch\n\t{}: previous case",
                        vs,
                        crate::errors::pos_marker(prev)
                    ),
                );
            } else {
                seen.push((val, v.ty, p));
            }
        }
    }

    pub(crate) fn type_switch_stmt(
        &mut self,
        init: Option<&'a Stmt>,
        bind: Option<&'a Ident>,
        xe: &'a Expr,
        clauses: &'a [CaseClause],
    ) {
        self.open_scope(false);
        if let Some(i) = init {
            self.stmt(i);
        }
        // x.(type): the operand is the TypeAssert's x.
        let (inner_x, assert_expr) = match &unparen(xe).kind {
            ExprKind::TypeAssert { x, ty: None } => (x.as_ref(), unparen(xe)),
            _ => (xe, xe),
        };
        let x = self.expr(inner_x);
        let mut valid = !x.is_invalid();
        if valid && !self.is_interface(x.ty) {
            let s = self.op_string(&x);
            self.err_at_op(&x, format!("{} is not an interface", s));
            valid = false;
        }
        if valid {
            self.record_final(assert_expr.id, Mode::Value, x.ty, None);
        }
        let mut bind = bind;
        if let Some(b) = bind {
            if b.name == "_" {
                self.error(b.span.lo, "no new variable on left side of :=");
                bind = None;
            }
        }
        let mut clause_vars: Vec<ObjId> = Vec::new();
        let mut seen: Vec<(TypeId, u32)> = Vec::new();
        let mut first_default: Option<u32> = None;
        for (ci, cl) in clauses.iter().enumerate() {
            let mut single: Option<TypeId> = None;
            match &cl.exprs {
                None => {
                    self.default_clause(&mut first_default, cl.span.lo);
                }
                Some(es) => {
                    for e in es {
                        let t = if let ExprKind::Ident(id) = &unparen(e).kind {
                            if id.name == "nil" && self.lookup("nil") == Some(self.nil_obj) {
                                self.info.uses.insert(id.id, self.nil_obj);
                                if valid {
                                    self.record_final(e.id, Mode::Value, x.ty, None);
                                }
                                Some(T_UNTYPED_NIL)
                            } else {
                                None
                            }
                        } else {
                            None
                        };
                        let t = match t {
                            Some(t) => t,
                            None => self.type_expr(e),
                        };
                        if t == T_INVALID {
                            continue;
                        }
                        let p = crate::errors::start_pos(e);
                        if let Some((_, prev)) = seen.iter().find(|(st, _)| *st == t) {
                            let prev = *prev;
                            let ts = if t == T_UNTYPED_NIL {
                                "nil".to_string()
                            } else {
                                self.ts(t)
                            };
                            self.error(
                                p,
                                format!(
                                    "duplicate case {} in type switch\n\t{}: previous case",
                                    ts,
                                    crate::errors::pos_marker(prev)
                                ),
                            );
                        } else {
                            seen.push((t, p));
                        }
                        if valid && t != T_UNTYPED_NIL {
                            self.type_assertion(e, &x, t, true);
                        }
                        if es.len() == 1 {
                            single = Some(t);
                        }
                    }
                }
            }
            self.open_scope(false);
            if let Some(b) = bind {
                let vt = match single {
                    Some(t) if t != T_UNTYPED_NIL => t,
                    _ => x.ty,
                };
                let pkg = self.cur_pkg;
                let o = self.new_obj(
                    &b.name,
                    ObjKind::Var {
                        global: false,
                        param: false,
                        result: false,
                        field: false,
                    },
                    vt,
                    b.span,
                    pkg,
                );
                self.info.implicits.insert((b.id, ci), o);
                if let Some(s) = self.scopes.last_mut() {
                    s.names.insert(b.name.clone(), o);
                }
                clause_vars.push(o);
            }
            self.stmt_list(&cl.body);
            self.close_scope();
        }
        if let Some(b) = bind {
            let used = clause_vars.iter().any(|v| self.used.contains(v));
            if !used {
                self.error(b.span.lo, format!("declared and not used: {}", b.name));
            }
        }
        self.close_scope();
    }
}
