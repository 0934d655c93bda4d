//! Expressions: identifiers, literals, operators, indexing, slicing, assertions.

use crate::check::{Checker, FuncCtx, OpMode, Operand};
use crate::constant::{self as cst};
use crate::errors::start_pos;
use crate::exprstring::expr_string;
use crate::*;
use gosub_syntax::ast::{unparen, BinOp, Expr, ExprKind, UnOp};

fn is_comparison(op: BinOp) -> bool {
    matches!(
        op,
        BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge
    )
}

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
                let s = x.expr.map(expr_string).unwrap_or_default();
                self.err_at_op(&x, format!("{} (built-in) must be called", s));
                Operand::invalid(x.expr)
            }
            OpMode::Type => {
                let s = x.expr.map(expr_string).unwrap_or_default();
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

    fn ident(&mut self, e: &'a Expr, id: &'a Ident) -> Operand<'a> {
        if id.name == "_" {
            self.error(id.span.lo, "cannot use _ as value");
            return Operand::invalid(Some(e));
        }
        let Some(o) = self.lookup(&id.name) else {
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
        let ob = self.obj(o).clone();
        let mode = match &ob.kind {
            ObjKind::PkgName { .. } => {
                self.error(pos, format!("use of package {} without selector", ob.name));
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

    fn constant(&self, e: &'a Expr, v: Val, ty: TypeId) -> Operand<'a> {
        Operand {
            mode: OpMode::Const(v),
            ty,
            expr: Some(e),
        }
    }

    fn expr_internal(&mut self, e: &'a Expr, hint: Option<TypeId>) -> Operand<'a> {
        if self.stopped {
            return Operand::invalid(Some(e));
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
            ExprKind::ImagLit(_) => {
                self.error(e.span.lo, "complex numbers are not supported by gosub");
                Operand::invalid(Some(e))
            }
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

    fn unary(&mut self, e: &'a Expr, op: UnOp, xe: &'a Expr, hint: Option<TypeId>) -> Operand<'a> {
        match op {
            UnOp::Addr => {
                if let ExprKind::CompositeLit { .. } = unparen(xe).kind {
                    // &T{...}: with a pointer hint, the literal's type is the pointer's base.
                    let h = hint.and_then(|h| match self.tt.under(h) {
                        TypeKind::Pointer(b) => Some(*b),
                        _ => None,
                    });
                    let x = self.expr_hint(xe, h);
                    if x.is_invalid() {
                        return Operand::invalid(Some(e));
                    }
                    let t = self.tt.pointer(x.ty);
                    return Operand {
                        mode: OpMode::Value,
                        ty: t,
                        expr: Some(e),
                    };
                }
                let x = self.expr(xe);
                if x.is_invalid() {
                    return Operand::invalid(Some(e));
                }
                if x.mode != OpMode::Var {
                    let s = self.op_string(&x);
                    self.error(
                        e.span.lo,
                        format!("invalid operation: cannot take address of {}", s),
                    );
                    return Operand::invalid(Some(e));
                }
                let t = self.tt.pointer(x.ty);
                Operand {
                    mode: OpMode::Value,
                    ty: t,
                    expr: Some(e),
                }
            }
            UnOp::Recv => {
                let x = self.expr(xe);
                if x.is_invalid() {
                    return Operand::invalid(Some(e));
                }
                match self.tt.under(x.ty).clone() {
                    TypeKind::Chan(d, el) => {
                        if d == ChanDir::Send {
                            let s = self.op_string(&x);
                            let ts = self.ts(x.ty);
                            self.err_at(xe, format!("invalid operation: cannot receive from send-only channel {} {}", ts, s));
                            return Operand::invalid(Some(e));
                        }
                        Operand {
                            mode: OpMode::CommaOk,
                            ty: el,
                            expr: Some(e),
                        }
                    }
                    _ => {
                        let s = self.op_string(&x);
                        let ts = self.ts(x.ty);
                        self.err_at(
                            xe,
                            format!(
                                "invalid operation: cannot receive from non-channel {} {}",
                                ts, s
                            ),
                        );
                        Operand::invalid(Some(e))
                    }
                }
            }
            _ => {
                let x = self.expr(xe);
                if x.is_invalid() {
                    return Operand::invalid(Some(e));
                }
                let ok = match op {
                    UnOp::Neg | UnOp::Pos => self.is_numeric(x.ty),
                    UnOp::Xor => self.is_integer(x.ty),
                    UnOp::Not => self.is_boolean(x.ty),
                    _ => false,
                };
                if !ok {
                    let s = self.op_string(&x);
                    self.err_at(
                        xe,
                        format!(
                            "invalid operation: operator {} not defined on {}",
                            op.as_str(),
                            s
                        ),
                    );
                    return Operand::invalid(Some(e));
                }
                if let Some(v) = x.val() {
                    let bits = if op == UnOp::Xor && self.is_unsigned(x.ty) {
                        Some(match self.bkind(x.ty) {
                            Some(BasicKind::Uint8) => 8,
                            Some(BasicKind::Uint16) => 16,
                            Some(BasicKind::Uint32) => 32,
                            _ => 64,
                        })
                    } else {
                        None
                    };
                    match cst::unary(op, v, bits) {
                        Some(r) => {
                            let mut out = Operand {
                                mode: OpMode::Const(r),
                                ty: x.ty,
                                expr: Some(e),
                            };
                            self.overflow(&mut out);
                            return out;
                        }
                        None => {
                            self.error(e.span.lo, "constant overflow");
                            return Operand::invalid(Some(e));
                        }
                    }
                }
                Operand {
                    mode: OpMode::Value,
                    ty: x.ty,
                    expr: Some(e),
                }
            }
        }
    }

    /// Typed constants must be representable in their type after each operation.
    pub(crate) fn overflow(&mut self, x: &mut Operand<'a>) {
        if self.is_untyped(x.ty) {
            return;
        }
        let (Some(v), Some(b)) = (x.val().cloned(), self.bkind(x.ty)) else {
            return;
        };
        match cst::represent(&v, b, b) {
            Ok(r) => x.mode = OpMode::Const(r),
            Err(code) => {
                let s = self.op_string(x);
                let t = self.ts(self.tt.underlying(x.ty));
                let msg = match code {
                    cst::ReprErr::Truncated => format!("{} truncated to {}", s, t),
                    cst::ReprErr::Overflow => format!("{} overflows {}", s, t),
                    cst::ReprErr::Invalid => format!("cannot convert {} to type {}", s, t),
                };
                self.err_at_op(x, msg);
                x.mode = OpMode::Invalid;
            }
        }
    }

    // ---- binary ----

    fn binary(&mut self, e: &'a Expr, op: BinOp, xe: &'a Expr, ye: &'a Expr) -> Operand<'a> {
        let x = self.expr(xe);
        let y = self.expr(ye);
        if x.is_invalid() || y.is_invalid() {
            return Operand::invalid(Some(e));
        }
        let mut r = self.binary_ops(Some(e), op, x, y, e.span.lo);
        r.expr = Some(e);
        r
    }

    /// Checks `x op y` (also used for `x op= y` with e == None).
    pub(crate) fn binary_ops(
        &mut self,
        e: Option<&'a Expr>,
        op: BinOp,
        mut x: Operand<'a>,
        mut y: Operand<'a>,
        op_pos: u32,
    ) -> Operand<'a> {
        let estr = || match e {
            Some(e) => expr_string(e),
            None => format!(
                "{} {}= {}",
                x.expr.map(expr_string).unwrap_or_default(),
                op.as_str(),
                y.expr.map(expr_string).unwrap_or_default()
            ),
        };
        let estr = estr();
        if matches!(op, BinOp::Shl | BinOp::Shr) {
            return self.shift(e, op, x, y, op_pos);
        }
        self.match_types(&mut x, &mut y);
        if x.is_invalid() || y.is_invalid() {
            return Operand::invalid(e);
        }
        if is_comparison(op) {
            return self.comparison(e, op, x, y, &estr);
        }
        if x.ty != y.ty {
            if x.ty != T_INVALID && y.ty != T_INVALID {
                let (a, b) = (self.ts(x.ty), self.ts(y.ty));
                self.err_at_op(
                    &x,
                    format!(
                        "invalid operation: {} (mismatched types {} and {})",
                        estr, a, b
                    ),
                );
            }
            return Operand::invalid(e);
        }
        let ok = match op {
            BinOp::Add => self.is_numeric(x.ty) || self.is_string(x.ty),
            BinOp::Sub | BinOp::Mul | BinOp::Div => self.is_numeric(x.ty),
            BinOp::Rem | BinOp::And | BinOp::Or | BinOp::Xor | BinOp::AndNot => {
                self.is_integer(x.ty)
            }
            BinOp::LAnd | BinOp::LOr => self.is_boolean(x.ty),
            _ => false,
        };
        if !ok {
            let s = self.op_string(&x);
            self.err_at_op(
                &x,
                format!(
                    "invalid operation: operator {} not defined on {}",
                    op.as_str(),
                    s
                ),
            );
            return Operand::invalid(e);
        }
        if matches!(op, BinOp::Div | BinOp::Rem)
            && (x.val().is_some() || self.is_integer(x.ty))
            && y.val().is_some_and(cst::is_zero)
        {
            self.err_at_op(&y, "invalid operation: division by zero");
            return Operand::invalid(e);
        }
        if let (Some(a), Some(b)) = (x.val().cloned(), y.val().cloned()) {
            let int_div = self.is_integer(x.ty);
            match cst::binary(op, &a, &b, int_div) {
                Ok(v) => {
                    let mut out = Operand {
                        mode: OpMode::Const(v),
                        ty: x.ty,
                        expr: e,
                    };
                    self.overflow(&mut out);
                    return out;
                }
                Err(msg) => {
                    if msg == "division by zero" {
                        self.err_at_op(&y, "invalid operation: division by zero");
                    } else {
                        self.error(op_pos, format!("constant {} overflow", op_name(op)));
                    }
                    return Operand::invalid(e);
                }
            }
        }
        Operand {
            mode: OpMode::Value,
            ty: x.ty,
            expr: e,
        }
    }

    fn match_types(&mut self, x: &mut Operand<'a>, y: &mut Operand<'a>) {
        let may = {
            if !self.is_untyped(x.ty) && !self.is_untyped(y.ty) {
                false
            } else if self.is_numeric(x.ty) != self.is_numeric(y.ty) {
                false
            } else if self.is_string(x.ty) != self.is_string(y.ty) {
                false
            } else if x.is_nil() {
                self.has_nil(y.ty)
            } else if y.is_nil() {
                self.has_nil(x.ty)
            } else {
                !matches!(self.tt.under(x.ty), TypeKind::Pointer(_))
                    && !matches!(self.tt.under(y.ty), TypeKind::Pointer(_))
            }
        };
        if may {
            let yt = y.ty;
            self.convert_untyped(x, yt);
            if x.is_invalid() {
                return;
            }
            let xt = x.ty;
            self.convert_untyped(y, xt);
        }
    }

    fn comparison(
        &mut self,
        e: Option<&'a Expr>,
        op: BinOp,
        x: Operand<'a>,
        y: Operand<'a>,
        estr: &str,
    ) -> Operand<'a> {
        let mut err_op = &x;
        let mut cause = String::new();
        let ok = self.assignable_to(&x, y.ty).0 || self.assignable_to(&y, x.ty).0;
        let mut failed = false;
        if !ok {
            // Reported at the second operand, as types2 does.
            err_op = &y;
            cause = format!("mismatched types {} and {}", self.ts(x.ty), self.ts(y.ty));
            failed = true;
        } else if matches!(op, BinOp::Eq | BinOp::Ne) {
            if x.is_nil() || y.is_nil() {
                let t = if x.is_nil() { y.ty } else { x.ty };
                if !self.has_nil(t) {
                    err_op = &y;
                    failed = true;
                }
            } else if !self.comparable(x.ty) {
                cause = self.incomparable_cause(x.ty);
                failed = true;
            } else if !self.comparable(y.ty) {
                err_op = &y;
                cause = self.incomparable_cause(y.ty);
                failed = true;
            }
        } else {
            let ordered = |c: &Self, t: TypeId| c.is_numeric(t) || c.is_string(t);
            if !ordered(self, x.ty) {
                failed = true;
            } else if !ordered(self, y.ty) {
                err_op = &y;
                failed = true;
            }
        }
        if failed {
            if cause.is_empty() {
                cause = format!(
                    "operator {} not defined on {}",
                    op.as_str(),
                    self.kind_string(err_op.ty)
                );
            }
            let pos = err_op.expr.map(start_pos).unwrap_or(0);
            self.error(pos, format!("invalid operation: {} ({})", estr, cause));
            return Operand::invalid(e);
        }
        if let (Some(a), Some(b)) = (x.val(), y.val()) {
            if let Some(r) = cst::compare(op, a, b) {
                return Operand {
                    mode: OpMode::Const(Val::Bool(r)),
                    ty: T_UNTYPED_BOOL,
                    expr: e,
                };
            }
        }
        let (dx, dy) = (self.default_type(x.ty), self.default_type(y.ty));
        if let Some(xe) = x.expr {
            self.update_expr_type(xe, dx, true);
        }
        if let Some(ye) = y.expr {
            self.update_expr_type(ye, dy, true);
        }
        Operand {
            mode: OpMode::Value,
            ty: T_UNTYPED_BOOL,
            expr: e,
        }
    }

    fn kind_string(&self, t: TypeId) -> String {
        if t == T_UNTYPED_NIL {
            return "nil".into();
        }
        match self.tt.under(t) {
            TypeKind::Basic(_) => self.ts(t),
            _ => self.composite_kind(t),
        }
    }

    pub(crate) fn incomparable_cause(&self, t: TypeId) -> String {
        match self.tt.under(t) {
            TypeKind::Slice(_) | TypeKind::Func(_) | TypeKind::Map(..) => {
                format!("{} can only be compared to nil", self.composite_kind(t))
            }
            TypeKind::Struct(fs) => {
                for f in fs {
                    if !self.comparable(f.ty) {
                        return format!("struct containing {} cannot be compared", self.ts(f.ty));
                    }
                }
                String::new()
            }
            TypeKind::Array(el, _) => format!("{} cannot be compared", self.ts(*el)),
            _ => String::new(),
        }
    }

    fn shift(
        &mut self,
        e: Option<&'a Expr>,
        op: BinOp,
        mut x: Operand<'a>,
        mut y: Operand<'a>,
        op_pos: u32,
    ) -> Operand<'a> {
        let xval = x.val().and_then(cst::to_int);
        let x_ok = self.is_integer(x.ty) || (self.is_untyped(x.ty) && xval.is_some());
        if !x_ok {
            let s = self.op_string(&x);
            self.err_at_op(
                &x,
                format!("invalid operation: shifted operand {} must be integer", s),
            );
            return Operand::invalid(e);
        }
        let mut yval: Option<i128> = None;
        if let Some(v) = y.val().cloned() {
            yval = cst::to_int(&v);
            if yval.is_some_and(|n| n < 0) {
                let s = self.op_string(&y);
                self.err_at_op(&y, format!("invalid operation: negative shift count {}", s));
                return Operand::invalid(e);
            }
            if self.is_untyped(y.ty) {
                self.convert_untyped(&mut y, T_UINT);
                if y.is_invalid() {
                    return Operand::invalid(e);
                }
            }
        } else if self.is_integer(y.ty) {
        } else if self.is_untyped(y.ty) {
            self.convert_untyped(&mut y, T_UINT);
            if y.is_invalid() {
                return Operand::invalid(e);
            }
        } else {
            let s = self.op_string(&y);
            self.err_at_op(
                &y,
                format!("invalid operation: shift count {} must be integer", s),
            );
            return Operand::invalid(e);
        }
        if let Some(xv) = xval.filter(|_| x.val().is_some()) {
            if let Some(s) = yval {
                if s > 1074 {
                    let ys = self.op_string(&y);
                    self.err_at_op(&y, format!("invalid operation: invalid shift count {}", ys));
                    return Operand::invalid(e);
                }
                let ty = if self.is_integer(x.ty) {
                    x.ty
                } else {
                    T_UNTYPED_INT
                };
                match cst::shift(op, xv, s as u64) {
                    Some(v) => {
                        let mut out = Operand {
                            mode: OpMode::Const(Val::Int(v)),
                            ty,
                            expr: e,
                        };
                        self.overflow(&mut out);
                        return out;
                    }
                    None => {
                        self.error(op_pos, "constant shift overflow");
                        return Operand::invalid(e);
                    }
                }
            }
            if self.is_untyped(x.ty) {
                if let Some(xe) = x.expr {
                    if let Some(info) = self.untyped.get_mut(&xe.id) {
                        info.is_lhs = true;
                    }
                }
                return Operand {
                    mode: OpMode::Value,
                    ty: x.ty,
                    expr: e,
                };
            }
        }
        if !self.is_integer(x.ty) {
            let s = self.op_string(&x);
            self.err_at_op(
                &x,
                format!("invalid operation: shifted operand {} must be integer", s),
            );
            return Operand::invalid(e);
        }
        x.mode = OpMode::Value;
        x.expr = e;
        x
    }

    // ---- untyped conversion ----

    /// Converts an untyped operand to `target` (implicitly), reporting errors.
    pub(crate) fn convert_untyped(&mut self, x: &mut Operand<'a>, target: TypeId) {
        match self.implicit_type_and_value(x, target) {
            Ok((t, v)) => {
                if let Some(v) = v {
                    x.mode = OpMode::Const(v.clone());
                    if let Some(e) = x.expr {
                        if let Some(u) = self.untyped.get_mut(&e.id) {
                            u.val = Some(v);
                        }
                    }
                }
                if t != x.ty {
                    x.ty = t;
                    if let Some(e) = x.expr {
                        self.update_expr_type(e, t, false);
                    }
                }
            }
            Err(code) => {
                let t = if self.is_untyped(target) {
                    target
                } else {
                    self.tt.underlying(target)
                };
                let s = self.op_string(x);
                let ts = self.ts(t);
                let msg = match code {
                    cst::ReprErr::Truncated => format!("{} truncated to {}", s, ts),
                    cst::ReprErr::Overflow => format!("{} overflows {}", s, ts),
                    cst::ReprErr::Invalid => format!("cannot convert {} to type {}", s, ts),
                };
                self.err_at_op(x, msg);
                x.mode = OpMode::Invalid;
            }
        }
    }

    pub(crate) fn implicit_type_and_value(
        &mut self,
        x: &Operand<'a>,
        target: TypeId,
    ) -> Result<(TypeId, Option<Val>), cst::ReprErr> {
        if x.is_invalid() || !self.is_untyped(x.ty) || target == T_INVALID {
            return Ok((x.ty, None));
        }
        if self.is_untyped(target) {
            // both untyped
            if x.is_nil() || target == T_UNTYPED_NIL {
                return if x.ty == target {
                    Ok((target, None))
                } else {
                    Err(cst::ReprErr::Invalid)
                };
            }
            if self.is_numeric(x.ty) && self.is_numeric(target) {
                let rank = |t: TypeId| match t {
                    T_UNTYPED_INT => 0,
                    T_UNTYPED_RUNE => 1,
                    _ => 2,
                };
                let m = if rank(x.ty) >= rank(target) {
                    x.ty
                } else {
                    target
                };
                return Ok((m, None));
            }
            if x.ty == target {
                return Ok((target, None));
            }
            return Err(cst::ReprErr::Invalid);
        }
        if x.is_nil() {
            return if self.has_nil(target) {
                Ok((target, None))
            } else {
                Err(cst::ReprErr::Invalid)
            };
        }
        match self.tt.under(target).clone() {
            TypeKind::Basic(b) => {
                if let Some(v) = x.val() {
                    let from = self.bkind(x.ty).unwrap_or(BasicKind::Invalid);
                    let r = cst::represent(v, from, b)?;
                    return Ok((target, Some(r)));
                }
                let ok = match x.ty {
                    T_UNTYPED_BOOL => self.is_boolean(target),
                    T_UNTYPED_INT | T_UNTYPED_RUNE | T_UNTYPED_FLOAT => self.is_numeric(target),
                    T_UNTYPED_STRING => self.is_string(target),
                    _ => false,
                };
                if ok {
                    Ok((target, None))
                } else {
                    Err(cst::ReprErr::Invalid)
                }
            }
            TypeKind::Interface(ms) => {
                if !ms.is_empty() {
                    return Err(cst::ReprErr::Invalid);
                }
                Ok((self.default_type(x.ty), None))
            }
            _ => Err(cst::ReprErr::Invalid),
        }
    }

    /// Updates the recorded type of an untyped expression (and its untyped operands).
    pub(crate) fn update_expr_type(&mut self, e: &'a Expr, t: TypeId, final_: bool) {
        let Some(old) = self.untyped.get(&e.id).cloned() else {
            return;
        };
        match &e.kind {
            ExprKind::Paren(x) => self.update_expr_type(x, t, final_),
            ExprKind::Unary { x, .. } => {
                if old.val.is_none() {
                    self.update_expr_type(x, t, final_);
                }
            }
            ExprKind::Binary { op, x, y } => {
                if old.val.is_none() {
                    if is_comparison(*op) {
                    } else if matches!(op, BinOp::Shl | BinOp::Shr) {
                        self.update_expr_type(x, t, final_);
                    } else {
                        self.update_expr_type(x, t, final_);
                        self.update_expr_type(y, t, final_);
                    }
                }
            }
            _ => {}
        }
        if !final_ && self.is_untyped(t) {
            if let Some(u) = self.untyped.get_mut(&e.id) {
                u.ty = t;
            }
            return;
        }
        self.untyped.remove(&e.id);
        if old.is_lhs && !self.is_integer(t) {
            let s = expr_string(e);
            self.err_at(
                e,
                format!(
                    "invalid operation: shifted operand {} (type {}) must be integer",
                    s,
                    self.ts(t)
                ),
            );
            return;
        }
        let mut val = old.val.clone();
        if let Some(v) = &old.val {
            let c = Operand {
                mode: OpMode::Const(v.clone()),
                ty: old.ty,
                expr: Some(e),
            };
            match self.implicit_type_and_value(&c, t) {
                Ok((_, Some(nv))) => val = Some(nv),
                Ok(_) => {}
                Err(_) => {
                    let mut c = c;
                    self.convert_untyped(&mut c, t);
                    return;
                }
            }
        }
        self.record_final(e.id, old.mode, t, val);
    }

    // ---- index & slice ----

    fn index_expr(&mut self, e: &'a Expr, xe: &'a Expr, ie: &'a Expr) -> Operand<'a> {
        let x = self.expr_or_type(xe);
        match x.mode {
            OpMode::Invalid => {
                self.expr(ie);
                return Operand::invalid(Some(e));
            }
            OpMode::Type => {
                self.err_at(xe, format!("{} is not a generic type", self.ts(x.ty)));
                return Operand::invalid(Some(e));
            }
            _ => {}
        }
        let x = self.single_value(x);
        if x.is_invalid() {
            return Operand::invalid(Some(e));
        }
        let (mode, elem, len) = match self.tt.under(x.ty).clone() {
            TypeKind::Basic(b) if b == BasicKind::String || b == BasicKind::UntypedString => {
                let len = match x.val() {
                    Some(Val::String(s)) => Some(s.len() as i128),
                    _ => None,
                };
                (OpMode::Value, T_UINT8, len)
            }
            TypeKind::Array(el, n) => {
                let m = if x.mode == OpMode::Var {
                    OpMode::Var
                } else {
                    OpMode::Value
                };
                (m, el, Some(n as i128))
            }
            TypeKind::Pointer(b) => match self.tt.under(b).clone() {
                TypeKind::Array(el, n) => (OpMode::Var, el, Some(n as i128)),
                _ => {
                    let s = self.op_string(&x);
                    self.error(
                        e.span.lo.max(start_pos(xe)),
                        format!("invalid operation: cannot index {}", s),
                    );
                    return Operand::invalid(Some(e));
                }
            },
            TypeKind::Slice(el) => (OpMode::Var, el, None),
            TypeKind::Map(k, v) => {
                let mut key = self.expr_hint(ie, Some(k));
                self.assignment(&mut key, Some(k), "map index");
                return Operand {
                    mode: OpMode::MapIndex,
                    ty: v,
                    expr: Some(e),
                };
            }
            _ => {
                let s = self.op_string(&x);
                self.err_at(xe, format!("invalid operation: cannot index {}", s));
                self.expr(ie);
                return Operand::invalid(Some(e));
            }
        };
        let (i, _) = self.index(ie, len, "index");
        if i.is_none() {
            // error reported; keep type
        }
        Operand {
            mode,
            ty: elem,
            expr: Some(e),
        }
    }

    /// Checks an index; returns its constant value if known. `max` is the length if known.
    pub(crate) fn index(
        &mut self,
        ie: &'a Expr,
        max: Option<i128>,
        what: &str,
    ) -> (Option<i128>, bool) {
        let mut x = self.expr(ie);
        if x.is_invalid() {
            return (None, false);
        }
        if self.is_untyped(x.ty) && x.val().is_some() {
            self.convert_untyped(&mut x, T_INT);
            if x.is_invalid() {
                return (None, false);
            }
        } else if self.is_untyped(x.ty) {
            self.convert_untyped(&mut x, T_INT);
        }
        if !self.is_integer(x.ty) {
            let s = self.op_string(&x);
            self.err_at_op(
                &x,
                format!("invalid argument: {} {} must be integer", what, s),
            );
            return (None, false);
        }
        if let Some(v) = x.val().and_then(cst::to_int) {
            if v < 0 {
                let s = self.op_string(&x);
                self.err_at_op(
                    &x,
                    format!("invalid argument: {} {} must not be negative", what, s),
                );
                return (None, false);
            }
            if let Some(m) = max {
                if v >= m {
                    self.err_at_op(
                        &x,
                        format!("invalid argument: index {} out of bounds [0:{}]", v, m),
                    );
                    return (None, false);
                }
            }
            return (Some(v), true);
        }
        (None, true)
    }

    fn slice_expr(
        &mut self,
        e: &'a Expr,
        xe: &'a Expr,
        lo: Option<&'a Expr>,
        hi: Option<&'a Expr>,
        max: Option<&'a Expr>,
        three: bool,
    ) -> Operand<'a> {
        let x = self.expr(xe);
        if x.is_invalid() {
            for i in [lo, hi, max].into_iter().flatten() {
                self.expr(i);
            }
            return Operand::invalid(Some(e));
        }
        let mut length: Option<i128> = None;
        let result = match self.tt.under(x.ty).clone() {
            TypeKind::Basic(b) if b == BasicKind::String || b == BasicKind::UntypedString => {
                if three {
                    self.error(e.span.lo, "invalid operation: 3-index slice of string");
                    return Operand::invalid(Some(e));
                }
                if let Some(Val::String(s)) = x.val() {
                    length = Some(s.len() as i128);
                }
                if b == BasicKind::UntypedString {
                    T_STRING
                } else {
                    x.ty
                }
            }
            TypeKind::Array(el, n) => {
                if x.mode != OpMode::Var {
                    let s = self.op_string(&x);
                    self.err_at_op(
                        &x,
                        format!("invalid operation: {} (slice of unaddressable value)", s),
                    );
                    return Operand::invalid(Some(e));
                }
                length = Some(n as i128);
                self.tt.slice(el)
            }
            TypeKind::Pointer(b) => match self.tt.under(b).clone() {
                TypeKind::Array(el, n) => {
                    length = Some(n as i128);
                    self.tt.slice(el)
                }
                _ => {
                    let s = self.op_string(&x);
                    self.err_at_op(&x, format!("cannot slice {}", s));
                    return Operand::invalid(Some(e));
                }
            },
            TypeKind::Slice(_) => x.ty,
            _ => {
                let s = self.op_string(&x);
                self.err_at_op(&x, format!("cannot slice {}", s));
                return Operand::invalid(Some(e));
            }
        };
        let mut vals: Vec<Option<i128>> = Vec::new();
        for i in [lo, hi, max].into_iter().flatten() {
            let m = length.map(|l| l + 1);
            let (v, _) = self.index(i, m, "index");
            vals.push(v);
        }
        // Constant indices must be non-decreasing.
        let known: Vec<i128> = vals.iter().flatten().copied().collect();
        for w in known.windows(2) {
            if w[1] < w[0] {
                self.error(
                    e.span.lo,
                    format!("invalid slice indices: {} < {}", w[1], w[0]),
                );
                break;
            }
        }
        Operand {
            mode: OpMode::Value,
            ty: result,
            expr: Some(e),
        }
    }
}

fn op_name(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "addition",
        BinOp::Sub => "subtraction",
        BinOp::Mul => "multiplication",
        BinOp::Shl => "shift",
        _ => "operation",
    }
}
