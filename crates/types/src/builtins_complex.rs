//! The builtins `complex`, `real` and `imag` (types2's builtins.go): untyped arguments are
//! converted as types2 converts them, the result is constant when the arguments are, and a
//! type parameter argument is reported as gc reports it (go.dev/issue/50937).

use crate::check::{Checker, OpMode, Operand};
use crate::constant::{self as cst};
use crate::*;
use gosub_syntax::ast::Expr;

impl<'a> Checker<'a> {
    /// `complex(x, y floatT) complexT`.
    pub(crate) fn builtin_complex(
        &mut self,
        e: &'a Expr,
        call_s: &str,
        xs: &mut [Operand<'a>],
    ) -> Operand<'a> {
        let (mut x, mut y) = (xs[0].clone(), xs[1].clone());
        match (self.is_untyped(x.ty), self.is_untyped(y.ty)) {
            (false, false) => {}
            (true, false) => self.convert_untyped(&mut x, y.ty),
            (false, true) => self.convert_untyped(&mut y, x.ty),
            (true, true) => {
                if x.val().is_some() && y.val().is_some() {
                    // Untyped numeric constants with a zero imaginary part become floats.
                    for o in [&mut x, &mut y] {
                        let im = o.val().and_then(|v| cst::part(v, true));
                        if self.is_numeric(o.ty) && im.is_some_and(|v| cst::is_zero(&v)) {
                            o.ty = T_UNTYPED_FLOAT;
                        }
                    }
                } else {
                    self.convert_untyped(&mut x, T_FLOAT64);
                    self.convert_untyped(&mut y, T_FLOAT64);
                }
            }
        }
        if x.is_invalid() || y.is_invalid() {
            return Operand::invalid(Some(e));
        }
        if x.ty != y.ty {
            let (a, b) = (self.ts(x.ty), self.ts(y.ty));
            self.err_at_op(
                &x,
                format!(
                    "invalid operation: {} (mismatched types {} and {})",
                    call_s, a, b
                ),
            );
            return Operand::invalid(Some(e));
        }
        let f = |b: BasicKind| match b {
            BasicKind::Float32 => Some(T_COMPLEX64),
            BasicKind::Float64 => Some(T_COMPLEX128),
            BasicKind::UntypedFloat => Some(T_UNTYPED_COMPLEX),
            _ => None,
        };
        let Some(res) = self.apply_type_func(&x, "complex", f) else {
            let ts = self.ts(x.ty);
            self.err_at_op(
                &x,
                format!(
                    "invalid argument: arguments have type {}, expected floating-point",
                    ts
                ),
            );
            return Operand::invalid(Some(e));
        };
        if res == T_INVALID {
            return Operand::invalid(Some(e));
        }
        let mode = match (x.val(), y.val()) {
            (Some(a), Some(b)) => match cst::make_complex(a, b) {
                Some(v) => OpMode::Const(v),
                None => OpMode::Value,
            },
            _ => OpMode::Value,
        };
        Operand {
            mode,
            ty: res,
            expr: Some(e),
        }
    }

    /// `real(x complexT) floatT` and `imag(x complexT) floatT`.
    pub(crate) fn builtin_real_imag(
        &mut self,
        e: &'a Expr,
        b: Builtin,
        mut x: Operand<'a>,
    ) -> Operand<'a> {
        if self.is_untyped(x.ty) {
            if x.val().is_some() {
                // An untyped numeric constant can always be taken as a complex constant.
                if self.is_numeric(x.ty) {
                    x.ty = T_UNTYPED_COMPLEX;
                }
            } else {
                self.convert_untyped(&mut x, T_COMPLEX128);
                if x.is_invalid() {
                    return Operand::invalid(Some(e));
                }
            }
        }
        let name = if b == Builtin::Real { "real" } else { "imag" };
        let f = |b: BasicKind| match b {
            BasicKind::Complex64 => Some(T_FLOAT32),
            BasicKind::Complex128 => Some(T_FLOAT64),
            BasicKind::UntypedComplex => Some(T_UNTYPED_FLOAT),
            _ => None,
        };
        let Some(res) = self.apply_type_func(&x, name, f) else {
            let ts = self.ts(x.ty);
            self.err_at_op(
                &x,
                format!(
                    "invalid argument: argument has type {}, expected complex type",
                    ts
                ),
            );
            return Operand::invalid(Some(e));
        };
        if res == T_INVALID {
            return Operand::invalid(Some(e));
        }
        let mode = match x.val().and_then(|v| cst::part(v, b == Builtin::Imag)) {
            Some(v) => OpMode::Const(v),
            None => OpMode::Value,
        };
        Operand {
            mode,
            ty: res,
            expr: Some(e),
        }
    }

    /// The result type of `complex`, `real` or `imag` for an argument of type `x.ty`, by `f`
    /// on its underlying basic kind. A type parameter argument whose every type works is
    /// gc's error "not supported as argument to built-in" (types2 reports it and goes on
    /// with a synthetic type parameter; gosub stops at the error).
    fn apply_type_func(
        &mut self,
        x: &Operand<'a>,
        name: &str,
        f: impl Fn(BasicKind) -> Option<TypeId>,
    ) -> Option<TypeId> {
        if self.tt.tparam_of(x.ty).is_some() {
            let terms = self
                .tparam_set(x.ty)
                .and_then(|s| s.terms)
                .unwrap_or_default();
            let all = !terms.is_empty()
                && terms
                    .iter()
                    .all(|t| self.tt.basic(t.ty).and_then(&f).is_some());
            if !all {
                return None;
            }
            let s = self.op_string(x);
            self.err_at_op(
                x,
                format!(
                    "{} not supported as argument to built-in {} for go1.18 (see go.dev/issue/50937)",
                    s, name
                ),
            );
            return Some(T_INVALID);
        }
        self.tt.basic(x.ty).and_then(f)
    }
}
