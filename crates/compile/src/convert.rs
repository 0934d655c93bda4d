//! Conversions: Go's explicit conversions (numeric, string <-> []byte/[]rune, to and from
//! interfaces), the implicit conversion to an interface wherever a value is assigned, and
//! type assertions.
//!
//! Invariants: a value converted to an interface is stored directly in the data word when
//! its type is pointer-shaped (`Gen::is_direct_iface`), otherwise boxed: in a frame slot
//! when escape analysis says the box does not escape, else on the heap.

use crate::bytecode::{BoxKind, Conv, Op, Reg};
use crate::gen::Gen;
use gosub_syntax::ast::Expr;
use gosub_types::{self as types, BasicKind, ConstValue, TypeId, TypeKind};

impl<'a> Gen<'a> {
    /// `e` converted to type `to` (implicit conversion: interface boxing).
    pub fn expr_conv(&mut self, e: &'a Expr, to: TypeId) -> Reg {
        if let Some(v) = self.static_box(e, to) {
            return v;
        }
        if let Some(v) = self.stack_box(e, to) {
            return v;
        }
        let from = self.type_of(e.id);
        if from == to || !self.p.types.is_interface(to) {
            return self.expr(e);
        }
        let r = self.expr(e);
        self.convert(r, from, to)
    }

    pub fn expr_conv_to(&mut self, e: &'a Expr, to: TypeId, dst: Reg) {
        if let Some(v) = self.static_box(e, to).or_else(|| self.stack_box(e, to)) {
            self.mov(dst, v, to);
            return;
        }
        let from = self.type_of(e.id);
        if from == to || !self.p.types.is_interface(to) {
            self.expr_to(e, dst);
            return;
        }
        let r = self.expr(e);
        let v = self.convert(r, from, to);
        self.mov(dst, v, to);
    }

    /// Boxing `e` into interface type `to` when escape analysis keeps the box on the stack:
    /// the value is copied into a dedicated frame slot and the interface points there, so
    /// the conversion never touches the heap. None when the box must be a heap object.
    pub(crate) fn stack_box(&mut self, e: &'a Expr, to: TypeId) -> Option<Reg> {
        if !self.p.types.is_interface(to) || !self.esc.stack_boxes.contains(&e.id) {
            return None;
        }
        // The dynamic type: a constant's default type (as const_to boxes it), else e's type.
        let (from, r) = match self.p.info.consts.get(&e.id).cloned() {
            Some(cv) => {
                let vt = match cv {
                    ConstValue::Bool(_) => types::T_BOOL,
                    ConstValue::Int(_) => types::T_INT,
                    ConstValue::Float(_) => types::T_FLOAT64,
                    ConstValue::String(_) => types::T_STRING,
                    ConstValue::Complex(..) => types::T_COMPLEX128,
                };
                let from = if self.p.types.is_interface(self.type_of(e.id)) {
                    vt
                } else {
                    self.type_of(e.id)
                };
                let r = self.temp(from);
                self.const_to(&cv, from, r);
                (from, r)
            }
            None => {
                let from = self.type_of(e.id);
                if self.p.types.is_interface(from)
                    || self.p.types.basic(from) == Some(BasicKind::UntypedNil)
                {
                    return None;
                }
                let from = self.default_type(from);
                (from, self.expr(e))
            }
        };
        if self.is_direct_iface(from) || self.p.types.is_interface(from) {
            return None;
        }
        let size = u64::from(self.size(from));
        self.note_frame_alloc(size);
        let slot = self.slot(from);
        self.mov(slot, r, from);
        let itab = self.itab(from, to);
        let dst = self.temp(to);
        self.emit(Op::Const {
            dst,
            val: itab as u64 + 1,
        });
        self.emit(Op::AddrLocal {
            dst: dst + 8,
            src: slot,
        });
        Some(dst)
    }

    /// Implicit conversion of a value in a register.
    pub fn convert(&mut self, r: Reg, from: TypeId, to: TypeId) -> Reg {
        if from == to || !self.p.types.is_interface(to) {
            return r;
        }
        let dst = self.temp(to);
        self.box_into(dst, r, from, to);
        dst
    }

    /// Converts the value at `src` (of type `from`) to interface type `to` at `dst`.
    pub fn box_into(&mut self, dst: Reg, src: Reg, from: TypeId, to: TypeId) {
        if self.p.types.is_interface(from) {
            if from == to || self.p.types.underlying(from) == self.p.types.underlying(to) {
                self.mov(dst, src, to);
            } else {
                self.emit(Op::IfaceToIface {
                    dst,
                    src,
                    iface_ty: to.0,
                    commaok: None,
                    assert: false,
                });
            }
            return;
        }
        if self.p.types.basic(from) == Some(BasicKind::UntypedNil) {
            self.emit(Op::Zero { dst, size: 16 });
            return;
        }
        let from = self.default_type(from);
        let itab = self.itab(from, to);
        let size = self.size(from);
        let gcty = self.gctype_of(from);
        let box_kind = self.box_kind(from);
        self.emit(Op::MakeIface {
            dst,
            src,
            itab,
            size,
            gcty,
            box_kind,
        });
    }

    /// How a value of type `t` becomes an interface's data word when its box escapes (gc's
    /// `walk.dataWord` and `dataWordFuncName`; see `BoxKind`).
    pub fn box_kind(&mut self, t: TypeId) -> BoxKind {
        if self.is_direct_iface(t) {
            return BoxKind::Direct;
        }
        let l = self.layout(t);
        let no_ptrs = l.ptr_words.is_empty();
        match (l.size, l.align) {
            (0, _) => return BoxKind::Zero,
            (1, _) | (2, 2) => return BoxKind::Small,
            (4, 4) | (8, 8) if no_ptrs => return BoxKind::Small,
            _ => {}
        }
        // gc's SoleComponent: through single-field structs and one-element arrays.
        let mut c = t;
        loop {
            match self.p.types.under(c) {
                TypeKind::Basic(BasicKind::String) => return BoxKind::String,
                TypeKind::Slice(_) => return BoxKind::Slice,
                TypeKind::Struct(fs) if fs.len() == 1 => c = fs[0].ty,
                TypeKind::Array(e, 1) => c = *e,
                _ => return BoxKind::Heap,
            }
        }
    }

    pub fn default_type(&self, t: TypeId) -> TypeId {
        match self.p.types.basic(t) {
            Some(BasicKind::UntypedBool) => types::T_BOOL,
            Some(BasicKind::UntypedInt) => types::T_INT,
            Some(BasicKind::UntypedRune) => types::T_INT32,
            Some(BasicKind::UntypedFloat) => types::T_FLOAT64,
            Some(BasicKind::UntypedComplex) => types::T_COMPLEX128,
            Some(BasicKind::UntypedString) => types::T_STRING,
            _ => t,
        }
    }

    /// `x.(T)` into `dst`; with `ok` the comma-ok form.
    pub fn type_assert(&mut self, x: &'a Expr, t: TypeId, dst: Reg, ok: Option<Reg>) {
        let src = self.expr(x);
        let xt = self.type_of(x.id);
        if self.p.types.is_interface(t) {
            self.emit(Op::IfaceToIface {
                dst,
                src,
                iface_ty: t.0,
                commaok: ok,
                assert: true,
            });
        } else {
            let size = self.size(t);
            let direct = self.is_direct_iface(t);
            self.emit(Op::AssertType {
                dst,
                src,
                rtype: t.0,
                size,
                direct,
                commaok: ok,
                iface_ty: xt.0,
            });
        }
    }

    /// A conversion `T(x)`.
    pub fn conversion(&mut self, to: TypeId, x: &'a Expr, dst: Reg, id: gosub_syntax::ast::NodeId) {
        let from = self.type_of(x.id);
        if self.p.types.is_interface(to) {
            self.expr_conv_to(x, to, dst);
            return;
        }
        let fk = self.p.types.under(from).clone();
        let tk = self.p.types.under(to).clone();
        match (fk, tk) {
            (TypeKind::Basic(BasicKind::UnsafePointer), TypeKind::Basic(t)) if t.is_integer() => {
                // unsafe.Pointer → uintptr: an observed address (unsafe_ops.rs).
                let a = self.expr(x);
                self.emit(Op::PtrToUintptr { dst, a });
            }
            (TypeKind::Basic(f), TypeKind::Basic(BasicKind::UnsafePointer)) if f.is_integer() => {
                // uintptr → unsafe.Pointer: checked (crates/compile/src/unsafe_fns.rs).
                let a = self.expr(x);
                self.emit(Op::UintptrToPtr { dst, a });
            }
            (TypeKind::Basic(f), TypeKind::Basic(t)) => {
                let a = self.expr(x);
                if t.is_complex() {
                    self.complex_conv(from, to, a, dst);
                    return;
                }
                if t == BasicKind::String {
                    if f.is_integer() {
                        self.emit(Op::RuneToStr { dst, a });
                    } else {
                        self.mov(dst, a, to);
                    }
                    return;
                }
                let conv = match (f.is_float(), t.is_float()) {
                    (false, false) => None,
                    (false, true) => Some(match (f.is_unsigned(), t == BasicKind::Float32) {
                        (false, false) => Conv::IntToF64,
                        (true, false) => Conv::UintToF64,
                        (false, true) => Conv::IntToF32,
                        (true, true) => Conv::UintToF32,
                    }),
                    (true, false) => Some(match (f == BasicKind::Float32, t.is_unsigned()) {
                        (false, false) => Conv::F64ToInt,
                        (false, true) => Conv::F64ToUint,
                        (true, false) => Conv::F32ToInt,
                        (true, true) => Conv::F32ToUint,
                    }),
                    (true, true) => match (f == BasicKind::Float32, t == BasicKind::Float32) {
                        (false, true) => Some(Conv::F64ToF32),
                        (true, false) => Some(Conv::F32ToF64),
                        _ => None,
                    },
                };
                match conv {
                    Some(c) => {
                        self.emit(Op::Conv { conv: c, dst, a });
                    }
                    None => self.mov(dst, a, to),
                }
                self.wrap(dst, to);
            }
            (TypeKind::Slice(_), TypeKind::Array(_, n)) => {
                let a = self.expr(x);
                let size = self.size(to);
                self.emit(Op::SliceToArray {
                    dst,
                    src: a,
                    n,
                    size,
                    ptr: false,
                });
            }
            (TypeKind::Slice(_), TypeKind::Pointer(at))
                if matches!(self.p.types.under(at), TypeKind::Array(..)) =>
            {
                let n = match self.p.types.under(at) {
                    TypeKind::Array(_, n) => *n,
                    _ => 0,
                };
                let a = self.expr(x);
                self.emit(Op::SliceToArray {
                    dst,
                    src: a,
                    n,
                    size: 8,
                    ptr: true,
                });
            }
            (TypeKind::Slice(e), TypeKind::Basic(BasicKind::String)) => {
                let a = self.expr(x);
                if self.p.types.basic(e) == Some(BasicKind::Int32) {
                    self.emit(Op::RunesToStr { dst, a });
                } else {
                    let buf = self.tmp_buf(id, 32);
                    self.emit(Op::BytesToStr { dst, a, buf });
                }
            }
            (TypeKind::Basic(_), TypeKind::Slice(e)) => {
                // gc converts a constant into an array of exactly its size (a `[n]byte`, or
                // a `[]rune{...}` literal), on the stack when it does not escape; anything
                // else through a 32-element tmpBuf when it does not escape.
                let konst = match self.p.info.consts.get(&x.id) {
                    Some(ConstValue::String(b)) => Some(b.clone()),
                    _ => None,
                };
                let a = self.expr(x);
                if self.p.types.basic(e) == Some(BasicKind::Int32) {
                    let (buf, exact) = match konst {
                        Some(b) => {
                            // Runes as Go decodes them: each invalid byte is one.
                            let n: usize = (b.utf8_chunks())
                                .map(|c| c.valid().chars().count() + c.invalid().len())
                                .sum();
                            let n = n as u64;
                            (self.exact_buf(id, 4 * n), true)
                        }
                        None => (self.tmp_buf(id, 128), false),
                    };
                    self.emit(Op::StrToRunes { dst, a, buf, exact });
                } else if self.esc.zero_copy.contains(&id) {
                    self.emit(Op::StrBytesShared { dst, a });
                } else {
                    let (buf, exact) = match konst {
                        Some(b) => (self.exact_buf(id, b.len() as u64), true),
                        None => (self.tmp_buf(id, 32), false),
                    };
                    self.emit(Op::StrToBytes { dst, a, buf, exact });
                }
            }
            _ => {
                let a = self.expr(x);
                self.mov(dst, a, to);
            }
        }
    }
}
