//! Operators: unary and binary arithmetic, shifts, comparisons (including strings,
//! interfaces and composite values with Go's `==`), `&&`/`||` short-circuiting, and the
//! wraparound of sized integers (`wrap`).
//!
//! Invariant: integers live in registers in canonical 64-bit form (sign-extended for
//! signed kinds, zero-extended for unsigned); after arithmetic on a narrower type `wrap`
//! restores it, which gives Go's wraparound.

use crate::bytecode::{CmpOp, FloatOp, IntOp, Op, Reg, Width};
use crate::gen::Gen;
use gosub_syntax::ast::{unparen, BinOp, Expr, ExprKind, UnOp};
use gosub_types::{BasicKind, ConstValue, ObjKind, TypeId, TypeKind};

impl<'a> Gen<'a> {
    pub(crate) fn unary(&mut self, op: UnOp, x: &'a Expr, t: TypeId, dst: Reg) {
        match op {
            UnOp::Addr => {
                if let ExprKind::CompositeLit { .. } = unparen(x).kind {
                    crate::composite::new_composite(self, unparen(x), dst);
                    return;
                }
                let a = self.addr_of(x);
                self.emit(Op::Move { dst, src: a });
            }
            UnOp::Pos => self.expr_to(x, dst),
            UnOp::Neg => {
                let a = self.expr(x);
                match self.p.types.basic(t) {
                    Some(BasicKind::Complex64 | BasicKind::Complex128) => {
                        self.complex_neg(t, a, dst);
                    }
                    Some(BasicKind::Float64) => {
                        self.emit(Op::NegF64 { dst, a });
                    }
                    Some(BasicKind::Float32) => {
                        self.emit(Op::NegF32 { dst, a });
                    }
                    _ => {
                        self.emit(Op::Neg { dst, a });
                        self.wrap(dst, t);
                    }
                }
            }
            UnOp::Xor => {
                let a = self.expr(x);
                self.emit(Op::Not { dst, a });
                self.wrap(dst, t);
            }
            UnOp::Not => {
                let a = self.expr(x);
                self.emit(Op::BNot { dst, a });
            }
            UnOp::Recv => {
                let c = self.expr(x);
                let _ = t;
                self.emit(Op::ChanRecv {
                    dst,
                    ch: c,
                    ok: None,
                });
            }
        }
    }

    /// Truncates/extends a sized integer result to Go's wraparound.
    pub fn wrap(&mut self, r: Reg, t: TypeId) {
        let w = match self.p.types.basic(t) {
            Some(BasicKind::Int8) => Width::I8,
            Some(BasicKind::Int16) => Width::I16,
            Some(BasicKind::Int32) => Width::I32,
            Some(BasicKind::Uint8) => Width::U8,
            Some(BasicKind::Uint16) => Width::U16,
            Some(BasicKind::Uint32) => Width::U32,
            _ => return,
        };
        self.emit(Op::Ext { dst: r, src: r, w });
    }

    /// `v == v` and `v != v` of one variable whose type has no NaN (integers, strings,
    /// booleans, pointers): always true and false. Generic code asks it of every ordered
    /// value (`cmp.isNaN` is `x != x`), so instances for integers and strings fold it.
    pub(crate) fn self_comparison(&self, op: BinOp, x: &Expr, y: &Expr) -> Option<bool> {
        let eq = match op {
            BinOp::Eq => true,
            BinOp::Ne => false,
            _ => return None,
        };
        let (ExprKind::Ident(a), ExprKind::Ident(b)) = (&unparen(x).kind, &unparen(y).kind) else {
            return None;
        };
        let o = *self.p.info.uses.get(&a.id)?;
        if self.p.info.uses.get(&b.id) != Some(&o)
            || !matches!(self.p.obj(o).kind, gosub_types::ObjKind::Var { .. })
        {
            return None;
        }
        let u = self.p.types.underlying(self.type_of(x.id));
        let no_nan = match self.p.types.kind(u) {
            TypeKind::Basic(k) => {
                k.is_integer() || matches!(k, BasicKind::String | BasicKind::Bool)
            }
            TypeKind::Pointer(_) => true,
            _ => false,
        };
        no_nan.then_some(eq)
    }

    pub(crate) fn binary(
        &mut self,
        op: BinOp,
        x: &'a Expr,
        y: &'a Expr,
        t: TypeId,
        dst: Reg,
        id: gosub_syntax::ast::NodeId,
    ) {
        if let Some(v) = self.known_binary(op, x, y) {
            self.const_to(&ConstValue::Bool(v), t, dst);
            return;
        }
        match op {
            BinOp::LAnd | BinOp::LOr if self.known_bool(x) == Some(op == BinOp::LAnd) => {
                self.expr_to(y, dst); // the left operand never decides
                return;
            }
            BinOp::LAnd | BinOp::LOr => {
                let end = self.f().new_label();
                self.expr_to(x, dst);
                if op == BinOp::LAnd {
                    self.f().emit_jump(
                        Op::JmpIfNot {
                            cond: dst,
                            target: 0,
                        },
                        end,
                    );
                } else {
                    self.f().emit_jump(
                        Op::JmpIf {
                            cond: dst,
                            target: 0,
                        },
                        end,
                    );
                }
                self.expr_to(y, dst);
                self.f().bind(end);
                return;
            }
            BinOp::Shl | BinOp::Shr => {
                let a = self.expr(x);
                let yt = self.type_of(y.id);
                let b = self.expr(y);
                if self.p.types.basic(yt).is_some_and(|k| !k.is_unsigned())
                    && !self.p.info.consts.contains_key(&y.id)
                {
                    self.emit(Op::CheckShift { a: b });
                }
                let unsigned = self.p.types.basic(t).is_some_and(|k| k.is_unsigned());
                let iop = match (op, unsigned) {
                    (BinOp::Shl, _) => IntOp::Shl,
                    (_, true) => IntOp::ShrU,
                    _ => IntOp::Shr,
                };
                self.emit(Op::Int { op: iop, dst, a, b });
                self.wrap(dst, t);
                return;
            }
            _ => {}
        }
        let xt = self.type_of(x.id);
        let yt = self.type_of(y.id);
        let is_cmp = matches!(
            op,
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge
        );
        if is_cmp {
            self.compare(op, x, y, xt, yt, dst);
            return;
        }
        let b = self.p.types.basic(t).unwrap_or(BasicKind::Invalid);
        // Immediate forms for int ops with a small constant right operand; a division or
        // remainder by a constant (never zero: that is a compile error) cannot panic, and
        // one by a power of two is a shift or a mask (biased toward zero when signed).
        if b.is_integer()
            && matches!(
                op,
                BinOp::Add
                    | BinOp::Sub
                    | BinOp::Mul
                    | BinOp::And
                    | BinOp::Or
                    | BinOp::Xor
                    | BinOp::Div
                    | BinOp::Rem
            )
        {
            // A constant left operand of a commutative operation (`3 * r`) is the right one:
            // a constant has no effects, so the order of evaluation does not show.
            let (x, y) = match self.p.info.consts.get(&x.id) {
                Some(ConstValue::Int(_))
                    if matches!(
                        op,
                        BinOp::Add | BinOp::Mul | BinOp::And | BinOp::Or | BinOp::Xor
                    ) =>
                {
                    (y, x)
                }
                _ => (x, y),
            };
            if let Some(ConstValue::Int(c)) = self.p.info.consts.get(&y.id) {
                if let Ok(imm) = i64::try_from(*c) {
                    let divides = matches!(op, BinOp::Div | BinOp::Rem);
                    let unsigned = b.is_unsigned();
                    let (iop, imm) = match op {
                        BinOp::Div if unsigned && imm > 0 && imm.count_ones() == 1 => {
                            (IntOp::ShrU, imm.trailing_zeros() as i64)
                        }
                        BinOp::Rem if unsigned && imm > 0 && imm.count_ones() == 1 => {
                            (IntOp::And, imm - 1)
                        }
                        BinOp::Div if imm > 1 && imm.count_ones() == 1 => {
                            (IntOp::DivPow2, imm.trailing_zeros() as i64)
                        }
                        BinOp::Rem if imm > 1 && imm.count_ones() == 1 => {
                            (IntOp::RemPow2, imm.trailing_zeros() as i64)
                        }
                        _ => (int_op(op, unsigned), imm),
                    };
                    if !divides || *c != 0 {
                        let a = self.expr(x);
                        self.emit(Op::IntImm {
                            op: iop,
                            dst,
                            a,
                            imm,
                        });
                        self.wrap(dst, t);
                        return;
                    }
                }
            }
        }
        let a = self.expr(x);
        let bb = self.expr(y);
        match b {
            BasicKind::String | BasicKind::UntypedString => {
                let buf = self.tmp_buf(id, 32);
                self.emit(Op::Concat { dst, a, b: bb, buf });
            }
            BasicKind::Complex64 | BasicKind::Complex128 | BasicKind::UntypedComplex => {
                self.complex_binary(float_op(op), t, a, bb, dst);
            }
            BasicKind::Float64 | BasicKind::UntypedFloat => {
                self.emit(Op::F64 {
                    op: float_op(op),
                    dst,
                    a,
                    b: bb,
                });
            }
            BasicKind::Float32 => {
                self.emit(Op::F32 {
                    op: float_op(op),
                    dst,
                    a,
                    b: bb,
                });
            }
            _ => {
                let iop = int_op(op, b.is_unsigned());
                self.emit(Op::Int {
                    op: iop,
                    dst,
                    a,
                    b: bb,
                });
                self.wrap(dst, t);
            }
        }
    }

    /// The operand compared with the predeclared `nil` in `x == y` or `x != y`, if one is
    /// `nil`: the comparison is then of the other's first word with 0 (a nil pointer, map,
    /// channel, function or slice has a zero first word, a nil interface a zero type word,
    /// and no other value of these types does).
    pub(crate) fn compared_with_nil(&self, x: &'a Expr, y: &'a Expr) -> Option<&'a Expr> {
        if self.is_nil_ident(y) {
            Some(x)
        } else if self.is_nil_ident(x) {
            Some(y)
        } else {
            None
        }
    }

    /// Is `e` the predeclared `nil` (in parentheses or not)?
    fn is_nil_ident(&self, e: &Expr) -> bool {
        match &unparen(e).kind {
            ExprKind::Ident(id) => self
                .p
                .info
                .uses
                .get(&id.id)
                .is_some_and(|&o| matches!(self.p.obj(o).kind, ObjKind::Nil)),
            _ => false,
        }
    }

    pub(crate) fn compare(
        &mut self,
        op: BinOp,
        x: &'a Expr,
        y: &'a Expr,
        xt: TypeId,
        yt: TypeId,
        dst: Reg,
    ) {
        // Mixed interface/concrete comparison: convert the concrete side.
        let xi = self.p.types.is_interface(xt);
        let yi = self.p.types.is_interface(yt);
        if let Some(v) = self.compared_with_nil(x, y) {
            let a = self.expr(v);
            let op = if op == BinOp::Ne {
                CmpOp::Ne
            } else {
                CmpOp::Eq
            };
            self.emit(Op::CmpImm { op, dst, a, imm: 0 });
            return;
        }
        if xi || yi {
            let it = if xi { xt } else { yt };
            let a = self.expr_conv(x, it);
            let b = self.expr_conv(y, it);
            self.emit(Op::IfaceEq {
                dst,
                a,
                b,
                ne: op == BinOp::Ne,
            });
            return;
        }
        let cmp = cmp_op(op, false);
        let b = self.p.types.basic(xt);
        match self.p.types.under(xt).clone() {
            TypeKind::Basic(k) => {
                let a = self.expr(x);
                let bb = self.expr(y);
                if matches!(k, BasicKind::String | BasicKind::UntypedString) {
                    self.emit(Op::CmpStr {
                        op: cmp,
                        dst,
                        a,
                        b: bb,
                    });
                } else if k.is_complex() {
                    self.complex_eq(xt, a, bb, op == BinOp::Ne, dst);
                } else if matches!(k, BasicKind::Float64 | BasicKind::UntypedFloat) {
                    self.emit(Op::CmpF64 {
                        op: cmp,
                        dst,
                        a,
                        b: bb,
                    });
                } else if k == BasicKind::Float32 {
                    self.emit(Op::CmpF32 {
                        op: cmp,
                        dst,
                        a,
                        b: bb,
                    });
                } else {
                    let unsigned = b.is_some_and(|k| k.is_unsigned());
                    self.emit(Op::Cmp {
                        op: cmp_op(op, unsigned),
                        dst,
                        a,
                        b: bb,
                    });
                }
            }
            TypeKind::Struct(_) | TypeKind::Array(..) => {
                let a = self.expr(x);
                let bb = self.expr(y);
                self.emit(Op::MemEq {
                    dst,
                    a,
                    b: bb,
                    rtype: xt.0,
                    ne: op == BinOp::Ne,
                });
            }
            TypeKind::Slice(_) => {
                // Only comparison with nil is allowed: compare the data pointer... Go compares
                // the slice header's pointer with nil.
                let a = self.expr(x);
                let bb = self.expr(y);
                self.emit(Op::Cmp {
                    op: cmp,
                    dst,
                    a,
                    b: bb,
                });
            }
            _ => {
                let a = self.expr(x);
                let bb = self.expr(y);
                self.emit(Op::Cmp {
                    op: cmp,
                    dst,
                    a,
                    b: bb,
                });
            }
        }
    }
}

pub(crate) fn int_op(op: BinOp, unsigned: bool) -> IntOp {
    match op {
        BinOp::Add => IntOp::Add,
        BinOp::Sub => IntOp::Sub,
        BinOp::Mul => IntOp::Mul,
        BinOp::Div => {
            if unsigned {
                IntOp::DivU
            } else {
                IntOp::Div
            }
        }
        BinOp::Rem => {
            if unsigned {
                IntOp::RemU
            } else {
                IntOp::Rem
            }
        }
        BinOp::And => IntOp::And,
        BinOp::Or => IntOp::Or,
        BinOp::Xor => IntOp::Xor,
        BinOp::AndNot => IntOp::AndNot,
        BinOp::Shl => IntOp::Shl,
        _ => IntOp::Shr,
    }
}

pub(crate) fn float_op(op: BinOp) -> FloatOp {
    match op {
        BinOp::Sub => FloatOp::Sub,
        BinOp::Mul => FloatOp::Mul,
        BinOp::Div => FloatOp::Div,
        _ => FloatOp::Add,
    }
}

pub fn cmp_op(op: BinOp, unsigned: bool) -> CmpOp {
    match (op, unsigned) {
        (BinOp::Eq, _) => CmpOp::Eq,
        (BinOp::Ne, _) => CmpOp::Ne,
        (BinOp::Lt, false) => CmpOp::Lt,
        (BinOp::Le, false) => CmpOp::Le,
        (BinOp::Gt, false) => CmpOp::Gt,
        (BinOp::Ge, false) => CmpOp::Ge,
        (BinOp::Lt, true) => CmpOp::LtU,
        (BinOp::Le, true) => CmpOp::LeU,
        (BinOp::Gt, true) => CmpOp::GtU,
        (_, _) => CmpOp::GeU,
    }
}
