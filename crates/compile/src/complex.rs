//! Complex numbers: constants, the builtins `complex`, `real` and `imag`, arithmetic,
//! negation, `==`/`!=` and conversions between complex64 and complex128.
//!
//! Invariants: a complex128 register is 16 bytes, {real f64, imag f64}; a complex64 register
//! is one word holding {real f32, imag f32} (its memory layout), so a complex value moves,
//! loads and stores like any value of its size. `real`, `imag` and `complex` are moves of
//! the parts (a complex64 part is zero-extended f32 bits, float32's register form); the
//! operations with Go's own rounding rules are the VM's `Cplx*` instructions
//! (`crates/vm/src/complex.rs`).

use crate::builtins::BuiltinCall;
use crate::bytecode::{FloatOp, Op, Reg, Width};
use crate::gen::{Gen, NONE};
use gosub_types::{self as types, BasicKind, TypeId};

impl<'a> Gen<'a> {
    /// Whether `t` is complex64 (else complex128); None for a non-complex type.
    pub(crate) fn complex_kind(&self, t: TypeId) -> Option<bool> {
        match self.p.types.basic(t) {
            Some(BasicKind::Complex64) => Some(true),
            Some(BasicKind::Complex128 | BasicKind::UntypedComplex) => Some(false),
            _ => None,
        }
    }

    /// Writes the complex constant `re + im*i` of complex type `t` to `dst`.
    pub(crate) fn complex_const(&mut self, re: f64, im: f64, t: TypeId, dst: Reg) {
        if self.complex_kind(t) == Some(true) {
            let val = (re as f32).to_bits() as u64 | ((im as f32).to_bits() as u64) << 32;
            self.emit(Op::Const { dst, val });
        } else {
            self.emit(Op::Const {
                dst,
                val: re.to_bits(),
            });
            self.emit(Op::Const {
                dst: dst + 8,
                val: im.to_bits(),
            });
        }
    }

    /// `a op b` (+ - * /) on complex values of type `t`.
    pub(crate) fn complex_binary(&mut self, op: FloatOp, t: TypeId, a: Reg, b: Reg, dst: Reg) {
        let c64 = self.complex_kind(t) == Some(true);
        self.emit(Op::Cplx { op, dst, a, b, c64 });
    }

    pub(crate) fn complex_neg(&mut self, t: TypeId, a: Reg, dst: Reg) {
        let c64 = self.complex_kind(t) == Some(true);
        self.emit(Op::NegCplx { dst, a, c64 });
    }

    /// `a == b` (or `!=`) of complex values of type `t` into the bool register `dst`.
    pub(crate) fn complex_eq(&mut self, t: TypeId, a: Reg, b: Reg, ne: bool, dst: Reg) {
        let c64 = self.complex_kind(t) == Some(true);
        self.emit(Op::CmpCplx { dst, a, b, ne, c64 });
    }

    /// The conversion of the complex value `a` of type `from` to complex type `to`.
    pub(crate) fn complex_conv(&mut self, from: TypeId, to: TypeId, a: Reg, dst: Reg) {
        let (f64_, t64) = (self.complex_kind(from), self.complex_kind(to));
        if f64_ == t64 {
            self.mov(dst, a, to);
        } else {
            self.emit(Op::ConvCplx {
                dst,
                a,
                to_c64: t64 == Some(true),
            });
        }
    }
}

/// `complex(r, i)`.
pub(crate) fn complex<'a>(g: &mut Gen<'a>, c: BuiltinCall<'a>) {
    let BuiltinCall { args, dst, t, .. } = c;
    let re = g.expr(&args[0]);
    let im = g.expr(&args[1]);
    if dst == NONE {
        return;
    }
    // Build in a temporary: `dst` may be a variable that `re` or `im` still reads.
    let tmp = g.temp(t);
    if g.complex_kind(t) == Some(true) {
        g.emit(Op::StoreNarrow {
            dst: tmp,
            src: re,
            w: Width::U32,
        });
        g.emit(Op::StoreNarrow {
            dst: tmp + 4,
            src: im,
            w: Width::U32,
        });
    } else {
        g.emit(Op::Move { dst: tmp, src: re });
        g.emit(Op::Move {
            dst: tmp + 8,
            src: im,
        });
    }
    g.mov(dst, tmp, t);
}

/// `real(z)` and `imag(z)`.
pub(crate) fn real_imag<'a>(g: &mut Gen<'a>, c: BuiltinCall<'a>) {
    let BuiltinCall { b, args, dst, .. } = c;
    let zt = g.type_of(args[0].id);
    let z = g.expr(&args[0]);
    if dst == NONE {
        return;
    }
    let imag = b == types::Builtin::Imag;
    if g.complex_kind(zt) == Some(true) {
        let src = if imag { z + 4 } else { z };
        g.emit(Op::Ext {
            dst,
            src,
            w: Width::U32,
        });
    } else {
        let src = if imag { z + 8 } else { z };
        g.emit(Op::Move { dst, src });
    }
}
