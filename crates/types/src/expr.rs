//! Expressions: the dispatch over expression kinds, identifiers, literals, function
//! literals and type assertions. Selectors are resolved in `lookup.rs`, operators are
//! `operators.rs`, indexing and
//! slicing `index.rs`, untyped operands `untyped.rs`.

use crate::check::{Checker, FuncCtx, OpMode, Operand};
use crate::constant::{self as cst};
use crate::*;
use gosub_syntax::ast::{Expr, ExprKind};
use gosub_syntax::gosrc;

/// The longest numeric literal the checker converts (gc's types2: `excessively long
/// constant` beyond it).
const MAX_LITERAL_LEN: usize = 10_000;
impl<'a> Checker<'a> {
    /// Evaluates an expression that must be a single value.
    pub(crate) fn expr(&mut self, e: &'a Expr) -> Operand<'a> {
        let x = self.raw_expr(e, None);
        self.single_value(x)
    }

    pub(crate) fn expr_hint(&mut self, e: &'a Expr, hint: Option<TypeId>) -> Operand<'a> {
        let x = self.raw_expr(e, hint);
        self.single_value(x)
    }

    pub(crate) fn single_value(&mut self, x: Operand<'a>) -> Operand<'a> {
        match &x.mode {
            OpMode::Invalid => x,
            OpMode::NoValue => {
                let s = self.op_string(&x);
                self.err_at_op(
                    &x,
                    format!(
                        "{} (no value) used as value",
                        s.trim_end_matches(" (no value)")
                    ),
                );
                Operand::invalid(x.expr)
            }
            OpMode::Builtin(_) => {
                let s = x.expr.map(gosrc::expr).unwrap_or_default();
                self.err_at_op(&x, format!("{} (built-in) must be called", s));
                Operand::invalid(x.expr)
            }
            OpMode::Type => {
                let s = x.expr.map(gosrc::expr).unwrap_or_default();
                self.err_at_op(&x, format!("{} (type) is not an expression", s));
                Operand::invalid(x.expr)
            }
            _ => {
                if let TypeKind::Tuple(ts) = self.tt.kind(x.ty) {
                    if ts.len() != 1 {
                        let s = self.op_string(&x);
                        self.err_at_op(&x, format!("multiple-value {} in single-value context", s));
                        return Operand::invalid(x.expr);
                    }
                }
                x
            }
        }
    }

    /// Evaluates an expression or type.
    pub(crate) fn expr_or_type(&mut self, e: &'a Expr) -> Operand<'a> {
        let x = self.raw_expr(e, None);
        if x.mode == OpMode::NoValue {
            let s = self.op_string(&x);
            self.err_at_op(&x, format!("{} used as value or type", s));
            return Operand::invalid(Some(e));
        }
        x
    }

    /// Evaluates any expression (possibly multi-valued, a type, a builtin) and records it.
    pub(crate) fn raw_expr(&mut self, e: &'a Expr, hint: Option<TypeId>) -> Operand<'a> {
        let mut x = self.expr_internal(e, hint);
        x.expr = Some(e);
        self.record(e, &x);
        x
    }

    pub(crate) fn ident(&mut self, e: &'a Expr, id: &'a Ident) -> Operand<'a> {
        // A blank receiver type parameter, `func (l *List[_]) Len()`, is bound in the
        // receiver's scope so that the receiver type can be evaluated.
        let blank_tparam = (self.scopes.iter().rev())
            .find_map(|s| s.names.get("_"))
            .copied()
            .filter(|_| id.name == "_");
        if let Some(o) = blank_tparam {
            return self.obj_operand(e, o, id.span.lo);
        }
        if id.name == "_" {
            self.error(id.span.lo, "cannot use _ as value");
            return Operand::invalid(Some(e));
        }
        let Some(o) = self.lookup_bare(&id.name) else {
            self.error(id.span.lo, format!("undefined: {}", id.name));
            return Operand::invalid(Some(e));
        };
        self.info.uses.insert(id.id, o);
        self.obj_operand(e, o, id.span.lo)
    }

    pub(crate) fn obj_operand(&mut self, e: &'a Expr, o: ObjId, pos: u32) -> Operand<'a> {
        if self.decls.contains_key(&o) {
            self.obj_decl(o);
        }
        let ob = self.objs[o.0 as usize].clone();
        let mode = match &ob.kind {
            ObjKind::PkgName { .. } => {
                self.error(pos, format!("use of package {} not in selector", ob.name));
                return Operand::invalid(Some(e));
            }
            ObjKind::Const(v) => {
                if o == self.iota_obj {
                    match self.iota {
                        Some(n) => OpMode::Const(Val::Int(n as i128)),
                        None => {
                            self.error(pos, "cannot use iota outside constant declaration");
                            return Operand::invalid(Some(e));
                        }
                    }
                } else {
                    if ob.ty == T_INVALID {
                        return Operand::invalid(Some(e));
                    }
                    OpMode::Const(
                        self.const_vals
                            .get(&o)
                            .cloned()
                            .unwrap_or_else(|| Val::from_public(v)),
                    )
                }
            }
            ObjKind::TypeName => {
                if ob.ty == T_INVALID {
                    return Operand::invalid(Some(e));
                }
                OpMode::Type
            }
            ObjKind::Var { global, .. } => {
                if *global {
                    self.add_dep(o);
                }
                self.used.insert(o);
                if ob.ty == T_INVALID {
                    return Operand::invalid(Some(e));
                }
                OpMode::Var
            }
            ObjKind::Func { .. } => {
                self.add_dep(o);
                if ob.ty == T_INVALID {
                    return Operand::invalid(Some(e));
                }
                if self.gen.generics.contains_key(&o) {
                    // Instantiated by the call, index expression or assignment around it
                    // (else `report_uninstantiated` reports it).
                    self.generic_refs.insert(e.id, o);
                    let msg = format!(
                        "cannot use generic function {} without instantiation",
                        gosrc::expr(e)
                    );
                    self.generic_uses.push((e.id, pos, msg));
                }
                OpMode::Value
            }
            ObjKind::Builtin(b) => OpMode::Builtin(*b),
            ObjKind::Nil => OpMode::Value,
            ObjKind::Label => return Operand::invalid(Some(e)),
        };
        Operand {
            mode,
            ty: ob.ty,
            expr: Some(e),
        }
    }

    pub(crate) fn constant(&self, e: &'a Expr, v: Val, ty: TypeId) -> Operand<'a> {
        Operand {
            mode: OpMode::Const(v),
            ty,
            expr: Some(e),
        }
    }

    pub(crate) fn expr_internal(&mut self, e: &'a Expr, hint: Option<TypeId>) -> Operand<'a> {
        if self.stopped {
            return Operand::invalid(Some(e));
        }
        // gc (types2) refuses a numeric literal longer than 10,000 characters before
        // converting it, which would otherwise take time growing with its length.
        if let ExprKind::IntLit(s) | ExprKind::FloatLit(s) | ExprKind::ImagLit(s) = &e.kind {
            let token = s.len() + usize::from(matches!(e.kind, ExprKind::ImagLit(_)));
            if token > MAX_LITERAL_LEN {
                let head: String = s.chars().take(10).collect();
                self.error(
                    e.span.lo,
                    format!("excessively long constant: {head}... ({token} chars)"),
                );
                return Operand::invalid(Some(e));
            }
        }
        match &e.kind {
            ExprKind::Ident(id) => self.ident(e, id),
            ExprKind::IntLit(s) => match cst::parse_int_lit(s) {
                Some(v) => self.constant(e, Val::Int(v), T_UNTYPED_INT),
                None => {
                    if s.chars()
                        .all(|c| c.is_ascii_hexdigit() || "xXoObB_".contains(c))
                    {
                        self.error(e.span.lo, format!("integer constant too large: {}", s));
                    } else {
                        self.error(e.span.lo, format!("malformed constant: {}", s));
                    }
                    Operand::invalid(Some(e))
                }
            },
            ExprKind::FloatLit(s) => match cst::parse_float_lit(s) {
                Some(v) => self.constant(e, Val::Float(v), T_UNTYPED_FLOAT),
                _ => {
                    self.error(e.span.lo, format!("malformed constant: {}", s));
                    Operand::invalid(Some(e))
                }
            },
            ExprKind::ImagLit(s) => match cst::parse_imag_lit(s) {
                Some(v) => self.constant(
                    e,
                    Val::Complex(crate::bigrat::Rat::zero(), v),
                    T_UNTYPED_COMPLEX,
                ),
                _ => {
                    self.error(e.span.lo, format!("malformed constant: {}i", s));
                    Operand::invalid(Some(e))
                }
            },
            ExprKind::RuneLit(c) => self.constant(e, Val::Int(*c as i128), T_UNTYPED_RUNE),
            ExprKind::StringLit(b) => self.constant(e, Val::String(b.clone()), T_UNTYPED_STRING),
            ExprKind::CompositeLit { ty, elts, rbrace } => {
                self.composite_lit(e, ty.as_deref(), elts, *rbrace, hint)
            }
            ExprKind::KeyValue { .. } => {
                self.error(e.span.lo, "unexpected key:value expression");
                Operand::invalid(Some(e))
            }
            ExprKind::FuncLit { sig, body } => {
                let t = self.func_type(sig);
                if t == T_INVALID {
                    return Operand::invalid(Some(e));
                }
                self.func_lit(e, sig, body, t);
                Operand {
                    mode: OpMode::Value,
                    ty: t,
                    expr: Some(e),
                }
            }
            ExprKind::Paren(x) => {
                let mut r = self.raw_expr(x, hint);
                r.expr = Some(e);
                r
            }
            ExprKind::Selector { x, sel } => self.selector(e, x, sel),
            ExprKind::Index { x, index } => self.index_expr(e, x, index),
            ExprKind::SliceExpr {
                x,
                lo,
                hi,
                max,
                three,
            } => self.slice_expr(e, x, lo.as_deref(), hi.as_deref(), max.as_deref(), *three),
            ExprKind::TypeAssert { x, ty } => {
                let xo = self.expr(x);
                if xo.is_invalid() {
                    return Operand::invalid(Some(e));
                }
                let Some(ty) = ty else {
                    self.error(
                        e.span.lo,
                        "invalid syntax tree: use of .(type) outside type switch",
                    );
                    return Operand::invalid(Some(e));
                };
                if !self.is_interface(xo.ty) {
                    let s = self.op_string(&xo);
                    self.err_at(x, format!("invalid operation: {} is not an interface", s));
                    return Operand::invalid(Some(e));
                }
                let t = self.type_expr(ty);
                if t == T_INVALID {
                    return Operand::invalid(Some(e));
                }
                self.type_assertion(e, &xo, t, false);
                Operand {
                    mode: OpMode::CommaOk,
                    ty: t,
                    expr: Some(e),
                }
            }
            ExprKind::Call { .. } => self.call_expr(e),
            ExprKind::Star(x) => {
                let xo = self.expr_or_type(x);
                match xo.mode {
                    OpMode::Invalid => Operand::invalid(Some(e)),
                    OpMode::Type => {
                        let t = self.tt.pointer(xo.ty);
                        Operand {
                            mode: OpMode::Type,
                            ty: t,
                            expr: Some(e),
                        }
                    }
                    _ => {
                        let xo = self.single_value(xo);
                        if xo.is_invalid() {
                            return Operand::invalid(Some(e));
                        }
                        if xo.is_nil() {
                            self.error(e.span.lo, "invalid operation: cannot indirect nil");
                            return Operand::invalid(Some(e));
                        }
                        match self.tt.under(xo.ty).clone() {
                            TypeKind::Pointer(b) => Operand {
                                mode: OpMode::Var,
                                ty: b,
                                expr: Some(e),
                            },
                            _ => {
                                let s = self.op_string(&xo);
                                self.error(
                                    e.span.lo,
                                    format!("invalid operation: cannot indirect {}", s),
                                );
                                Operand::invalid(Some(e))
                            }
                        }
                    }
                }
            }
            ExprKind::Unary { op, x } => self.unary(e, *op, x, hint),
            ExprKind::Binary { op, x, y } => self.binary(e, *op, x, y),
            ExprKind::ArrayType { .. }
            | ExprKind::MapType { .. }
            | ExprKind::ChanType { .. }
            | ExprKind::FuncType(_)
            | ExprKind::StructType { .. }
            | ExprKind::InterfaceType { .. } => {
                let t = self.type_expr(e);
                if t == T_INVALID {
                    return Operand::invalid(Some(e));
                }
                Operand {
                    mode: OpMode::Type,
                    ty: t,
                    expr: Some(e),
                }
            }
            ExprKind::Ellipsis(_) => {
                self.error(e.span.lo, "invalid use of ...");
                Operand::invalid(Some(e))
            }
            ExprKind::IndexList { x, indices } => self.instantiation_expr(e, x, indices),
            ExprKind::Tilde(x) => {
                // As types2's unary: the operand first, then the operator.
                if self.expr_internal(x, None).mode != OpMode::Invalid {
                    self.error(
                        e.span.lo,
                        "cannot use ~ outside of interface or type constraint (use ^ for bitwise complement)",
                    );
                }
                Operand::invalid(Some(e))
            }
        }
    }

    pub(crate) fn func_lit(
        &mut self,
        e: &'a Expr,
        sig: &'a gosub_syntax::ast::FuncType,
        body: &'a gosub_syntax::ast::Block,
        t: TypeId,
    ) {
        self.funcs.push(FuncCtx {
            owner: e.id,
            lit: Some(e.id),
            results: Vec::new(),
            result_vars: Vec::new(),
            named_results: false,
            scope_base: self.scopes.len(),
            captures: Vec::new(),
        });
        self.open_scope(true);
        let mut fv = FuncVars::default();
        self.declare_sig_vars(sig, t, &mut fv);
        self.info.func_vars.insert(e.id, fv);
        self.func_body(body);
        self.close_scope();
        if let Some(fc) = self.funcs.pop() {
            self.info.captures.insert(e.id, fc.captures);
        }
    }

    // ---- unary ----

    // ---- binary ----

    // ---- untyped conversion ----

    // ---- index & slice ----
}
