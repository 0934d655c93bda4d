//! Index and slice expressions: arrays, pointers to arrays, slices, strings and maps, with
//! constant indices checked against lengths as gc does.

use crate::check::{Checker, OpMode, Operand};
use crate::constant::{self as cst};
use crate::errors::start_pos;
use crate::*;
use gosub_syntax::ast::Expr;

impl<'a> Checker<'a> {
    pub(crate) fn index_expr(&mut self, e: &'a Expr, xe: &'a Expr, ie: &'a Expr) -> Operand<'a> {
        let x = self.expr_or_type(xe);
        match x.mode {
            OpMode::Invalid => {
                self.expr(ie);
                return Operand::invalid(Some(e));
            }
            OpMode::Type => {
                if self.generic_of_type_expr(xe).is_some() {
                    return self.instantiate_operand(e, xe, x, std::slice::from_ref(ie));
                }
                self.err_at(xe, format!("{} is not a generic type", self.ts(x.ty)));
                return Operand::invalid(Some(e));
            }
            _ => {}
        }
        if self.generic_func_ref(xe).is_some() {
            return self.func_instantiation(e, xe, x, std::slice::from_ref(ie));
        }
        let x = self.single_value(x);
        if x.is_invalid() {
            return Operand::invalid(Some(e));
        }
        if self.tparam_bytestring(x.ty) {
            self.index(ie, None, "index");
            return Operand {
                mode: OpMode::Value,
                ty: T_UINT8,
                expr: Some(e),
            };
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

    pub(crate) fn slice_expr(
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
            _ if self.tparam_bytestring(x.ty) && !three => x.ty,
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
