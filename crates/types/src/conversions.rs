//! Conversions `T(x)` (types2's conversions.go): constant conversions with their
//! representability rules, and convertibility of non-constant values (numeric, string,
//! slice to array and array pointer, unsafe.Pointer, identical underlying types ignoring
//! struct tags).

use crate::check::{Checker, OpMode, Operand};
use crate::constant::{self as cst};
use crate::*;
use gosub_syntax::ast::Expr;

impl<'a> Checker<'a> {
    pub(crate) fn conversion_call(
        &mut self,
        e: &'a Expr,
        t: TypeId,
        args: &'a [Expr],
        ddd: bool,
    ) -> Operand<'a> {
        let ts = self.ts(t);
        if args.is_empty() {
            self.err_at(e, format!("missing argument in conversion to {}", ts));
            return Operand::invalid(Some(e));
        }
        if args.len() > 1 {
            for a in args {
                self.expr(a);
            }
            self.err_at(
                &args[args.len() - 1],
                format!("too many arguments in conversion to {}", ts),
            );
            return Operand::invalid(Some(e));
        }
        if ddd {
            self.err_at(
                &args[0],
                format!("invalid use of ... in conversion to {}", ts),
            );
            return Operand::invalid(Some(e));
        }
        let mut x = self.expr(&args[0]);
        if x.is_invalid() {
            return Operand::invalid(Some(e));
        }
        self.conversion(&mut x, t);
        if x.is_invalid() {
            return Operand::invalid(Some(e));
        }
        self.info.conversions.insert(e.id, t);
        x.expr = Some(e);
        x
    }

    pub(crate) fn is_const_type(&self, t: TypeId) -> bool {
        matches!(self.tt.under(t), TypeKind::Basic(b) if *b != BasicKind::UnsafePointer && *b != BasicKind::UntypedNil && *b != BasicKind::Invalid)
    }

    /// `T(x)`; x becomes the result (type T).
    pub(crate) fn conversion(&mut self, x: &mut Operand<'a>, t: TypeId) {
        let const_arg = x.val().is_some();
        let mut ok = false;
        let mut new_val: Option<Val> = None;
        if const_arg && self.is_const_type(t) {
            let v = x.val().cloned().unwrap_or(Val::Int(0));
            let from = self.bkind(x.ty).unwrap_or(BasicKind::Invalid);
            let to = self.bkind(t).unwrap_or(BasicKind::Invalid);
            match cst::represent(&v, from, to) {
                Ok(r) => {
                    ok = true;
                    new_val = Some(r);
                }
                Err(_) => {
                    // types2's constConvertibleTo stores ToInt(x) before the range check.
                    if self.is_integer(t) && !self.is_integer(x.ty) {
                        let r = match &v {
                            Val::Float(r) => Some(r),
                            Val::Complex(r, im) if im.is_zero() => Some(r),
                            _ => None,
                        };
                        if let Some(i) = r.and_then(|r| r.to_i128()) {
                            x.mode = OpMode::Const(Val::Int(i));
                        }
                    }
                    if self.is_integer(x.ty) && self.is_string(t) {
                        let cp = cst::to_int(&v)
                            .and_then(|i| u32::try_from(i).ok())
                            .and_then(char::from_u32)
                            .unwrap_or('\u{FFFD}');
                        new_val = Some(Val::String(cp.to_string().into_bytes()));
                        ok = true;
                    } else if self.is_integer(x.ty) && self.is_integer(t) {
                        let ts = self.ts(t);
                        self.err_at_op(
                            x,
                            format!("constant {} overflows {}", cst::const_string(&v), ts),
                        );
                        x.mode = OpMode::Invalid;
                        return;
                    }
                }
            }
        } else if const_arg
            && self.tt.tparam_of(t).is_some()
            && self.tparam_set(t).is_none_or(|ts| ts.terms.is_none())
        {
            // types2: a constant converted to a type parameter whose constraint has no
            // specific types; it reports the operand as a value (type parameters are not
            // constants).
            x.mode = OpMode::Value;
            let (s, ts) = (self.op_string(x), self.ts(t));
            let msg =
                format!("cannot convert {s} to type {ts}: {ts} does not contain specific types");
            self.err_at_op(x, msg);
            x.mode = OpMode::Invalid;
            return;
        } else if self.convertible_to(x, t) {
            ok = true;
        }
        if !ok {
            let s = self.op_string(x);
            let ts = self.ts(t);
            self.err_at_op(x, format!("cannot convert {} to type {}", s, ts));
            x.mode = OpMode::Invalid;
            return;
        }
        if self.is_untyped(x.ty) {
            let final_ = if x.is_nil() {
                t
            } else if self.is_interface(t) || (const_arg && !self.is_const_type(t)) {
                self.default_type(x.ty)
            } else if const_arg && self.is_integer(x.ty) && self.is_string(t) {
                x.ty
            } else {
                t
            };
            if let Some(e) = x.expr {
                self.update_expr_type(e, final_, true);
            }
        }
        match new_val {
            Some(v) => x.mode = OpMode::Const(v),
            None => x.mode = OpMode::Value,
        }
        x.ty = t;
    }

    pub(crate) fn convertible_to(&mut self, x: &Operand<'a>, t: TypeId) -> bool {
        if self.assignable_to(x, t).0 {
            return true;
        }
        let v = x.ty;
        // With type parameters: every type of one type set converts to every type of the
        // other (a type that is not a type parameter is its own type set).
        let (vs, ts) = (self.conversion_terms(v), self.conversion_terms(t));
        if vs.is_some() || ts.is_some() {
            let (vs, ts) = (vs.unwrap_or(vec![v]), ts.unwrap_or(vec![t]));
            if vs.is_empty() || ts.is_empty() {
                return false;
            }
            for &a in &vs {
                for &b in &ts {
                    let xa = Operand {
                        mode: OpMode::Value,
                        ty: a,
                        expr: None,
                    };
                    if !self.convertible_to(&xa, b) {
                        return false;
                    }
                }
            }
            return true;
        }
        let (vu, tu) = (self.tt.underlying(v), self.tt.underlying(t));
        if self.identical_ignore_tags(vu, tu) {
            return true;
        }
        if let (TypeKind::Pointer(a), TypeKind::Pointer(b)) =
            (self.tt.kind(v).clone(), self.tt.kind(t).clone())
        {
            if self.identical_ignore_tags(self.tt.underlying(a), self.tt.underlying(b)) {
                return true;
            }
        }
        let num = |c: &Self, t: TypeId| c.is_integer(t) || c.is_float(t);
        if (num(self, v) && num(self, t)) || (self.is_complex(v) && self.is_complex(t)) {
            return true;
        }
        let bytes_or_runes = |c: &Self, t: TypeId| matches!(c.tt.under(t), TypeKind::Slice(e) if matches!(c.tt.underlying(*e), T_UINT8 | T_INT32));
        if self.is_string(t) && (self.is_integer(v) || bytes_or_runes(self, v)) {
            return true;
        }
        if self.is_string(v) && bytes_or_runes(self, t) {
            return true;
        }
        let is_uptr = |c: &Self, t: TypeId| c.tt.underlying(t) == T_UNSAFE_POINTER;
        let is_ptr = |c: &Self, t: TypeId| matches!(c.tt.under(t), TypeKind::Pointer(_));
        if (is_uptr(self, v) && (is_ptr(self, t) || self.tt.underlying(t) == T_UINTPTR))
            || (is_uptr(self, t) && (is_ptr(self, v) || self.tt.underlying(v) == T_UINTPTR))
        {
            return true;
        }
        if let TypeKind::Slice(se) = self.tt.kind(vu).clone() {
            match self.tt.kind(tu).clone() {
                TypeKind::Array(ae, _) if ae == se => return true,
                TypeKind::Pointer(p) => {
                    if let TypeKind::Array(ae, _) = self.tt.under(p) {
                        if *ae == se {
                            return true;
                        }
                    }
                }
                _ => {}
            }
        }
        false
    }

    /// For a type parameter, the types of its type set's terms (empty if it has no terms).
    fn conversion_terms(&self, t: TypeId) -> Option<Vec<TypeId>> {
        self.tt.tparam_of(t)?;
        let terms = self.tparam_set(t).and_then(|s| s.terms).unwrap_or_default();
        Some(terms.iter().map(|term| term.ty).collect())
    }

    pub(crate) fn identical_ignore_tags(&self, a: TypeId, b: TypeId) -> bool {
        if a == b {
            return true;
        }
        match (self.tt.kind(a), self.tt.kind(b)) {
            (TypeKind::Struct(fa), TypeKind::Struct(fb)) => {
                fa.len() == fb.len()
                    && fa.iter().zip(fb).all(|(x, y)| {
                        x.name == y.name
                            && x.embedded == y.embedded
                            && x.pkg == y.pkg
                            && self.identical_ignore_tags(x.ty, y.ty)
                    })
            }
            _ => false,
        }
    }
}
