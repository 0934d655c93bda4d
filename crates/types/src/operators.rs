//! Operators: unary and binary expressions, comparisons (with gc's reasons for
//! incomparable operands), shifts, and constant overflow.

use crate::check::{Checker, OpMode, Operand};
use crate::constant::{self as cst};
use crate::errors::start_pos;
use crate::*;
use gosub_syntax::ast::{unparen, BinOp, Expr, ExprKind, UnOp};
use gosub_syntax::gosrc;

impl<'a> Checker<'a> {
    pub(crate) fn unary(
        &mut self,
        e: &'a Expr,
        op: UnOp,
        xe: &'a Expr,
        hint: Option<TypeId>,
    ) -> Operand<'a> {
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

    pub(crate) fn binary(
        &mut self,
        e: &'a Expr,
        op: BinOp,
        xe: &'a Expr,
        ye: &'a Expr,
    ) -> Operand<'a> {
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
        // The expression as gc prints it in errors: built only for an error, since
        // printing it costs its size (eagerly, a sum of n terms would cost n^2).
        let (xe, ye) = (x.expr, y.expr);
        let estr = move || match e {
            Some(e) => gosrc::expr(e),
            None => format!(
                "{} {}= {}",
                xe.map(gosrc::expr).unwrap_or_default(),
                op.as_str(),
                ye.map(gosrc::expr).unwrap_or_default()
            ),
        };
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
                        estr(),
                        a,
                        b
                    ),
                );
            }
            return Operand::invalid(e);
        }
        let ok = match op {
            BinOp::Add => self.is_numeric_or_string(x.ty),
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

    pub(crate) fn match_types(&mut self, x: &mut Operand<'a>, y: &mut Operand<'a>) {
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

    pub(crate) fn comparison(
        &mut self,
        e: Option<&'a Expr>,
        op: BinOp,
        x: Operand<'a>,
        y: Operand<'a>,
        estr: &dyn Fn() -> String,
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
            if !self.is_ordered(x.ty) {
                failed = true;
            } else if !self.is_ordered(y.ty) {
                err_op = &y;
                failed = true;
            }
        }
        if failed {
            if cause.is_empty() && self.tt.tparam_of(err_op.ty).is_some() {
                cause = format!(
                    "type parameter {} cannot use operator {}",
                    self.ts(err_op.ty),
                    op.as_str()
                );
            }
            if cause.is_empty() {
                cause = format!(
                    "operator {} not defined on {}",
                    op.as_str(),
                    self.kind_string(err_op.ty)
                );
            }
            let pos = err_op.expr.map(start_pos).unwrap_or(0);
            self.error(pos, format!("invalid operation: {} ({})", estr(), cause));
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

    pub(crate) fn kind_string(&self, t: TypeId) -> String {
        match self.tt.under(t) {
            TypeKind::Basic(_) => self.ts(t),
            _ => self.composite_kind(t),
        }
    }

    pub(crate) fn incomparable_cause(&self, t: TypeId) -> String {
        if self.tt.tparam_of(t).is_some() {
            return "incomparable types in type set".into();
        }
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

    pub(crate) fn shift(
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
}

pub(crate) fn is_comparison(op: BinOp) -> bool {
    matches!(
        op,
        BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge
    )
}

pub(crate) fn op_name(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "addition",
        BinOp::Sub => "subtraction",
        BinOp::Mul => "multiplication",
        BinOp::Shl => "shift",
        _ => "operation",
    }
}
