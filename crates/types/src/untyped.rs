//! Untyped operands: converting an untyped constant or value to the type its context
//! requires (types2's implicitTypeAndValue), and recording the final type of untyped
//! expressions once it is known.

use crate::check::{Checker, OpMode, Operand};
use crate::constant::{self as cst};
use crate::operators::is_comparison;
use crate::*;
use gosub_syntax::ast::{BinOp, Expr, ExprKind};
use gosub_syntax::gosrc;

impl<'a> Checker<'a> {
    /// Converts an untyped operand to `target` (implicitly), reporting errors.
    pub(crate) fn convert_untyped(&mut self, x: &mut Operand<'a>, target: TypeId) {
        match self.implicit_type_and_value(x, target) {
            Ok((t, v)) => {
                if v.is_none() && self.tt.tparam_of(t).is_some() {
                    x.mode = OpMode::Value;
                }
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
                    T_UNTYPED_FLOAT => 2,
                    _ => 3,
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
        if self.tt.tparam_of(target).is_some() {
            // Every type of the type set must take the value; the result is a value of the
            // type parameter, not a constant (types2).
            let terms = self.tparam_set(target).and_then(|s| s.terms);
            let Some(terms) = terms.filter(|t| !t.is_empty()) else {
                return Err(cst::ReprErr::Invalid);
            };
            for term in terms {
                self.implicit_type_and_value(x, term.ty)?;
            }
            return Ok((target, None));
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
                    T_UNTYPED_INT | T_UNTYPED_RUNE | T_UNTYPED_FLOAT | T_UNTYPED_COMPLEX => {
                        self.is_numeric(target)
                    }
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
            let s = gosrc::expr(e);
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
}
