//! Expressions: values into registers, places (lvalues), loads and stores, conversions.
//!
//! Invariants: `expr(e)` returns a register holding e's value with the type the checker
//! recorded for e (it may be a variable's own slot: callers never write to it);
//! `expr_conv(e, T)` returns the value converted to T (boxing into interfaces where Go
//! converts implicitly). Memory accesses go through `load_mem`/`store_mem`, which pick the
//! width from the type and emit the write barrier for pointer-holding stores.

use crate::bytecode::{CmpOp, Conv, FloatOp, IntOp, Op, Reg, Width};
use crate::gen::{Gen, Loc, NONE};
use crate::layout::Layout;
use gosub_syntax::ast::{unparen, BinOp, Expr, ExprKind, UnOp};
use gosub_types::{self as types, BasicKind, ConstValue, ObjKind, Selection, TypeId, TypeKind};

/// Where a value lives, for reading and writing.
#[derive(Clone, Copy, Debug)]
pub enum Place {
    /// A frame register; `packed` when it is a field/element inside an aggregate (narrow
    /// values then occupy only their own bytes).
    Frame {
        reg: Reg,
        packed: bool,
    },
    /// Memory at `*ptr + off`.
    Mem {
        ptr: Reg,
        off: u32,
    },
    Global(u32),
    MapElem {
        m: Reg,
        key: Reg,
    },
    Blank,
}

pub fn width_of(tt: &types::TypeTable, t: TypeId) -> Option<Width> {
    match tt.under(t) {
        TypeKind::Basic(b) => Some(match b {
            BasicKind::Bool | BasicKind::Uint8 => Width::U8,
            BasicKind::Int8 => Width::I8,
            BasicKind::Int16 => Width::I16,
            BasicKind::Uint16 => Width::U16,
            BasicKind::Int32 => Width::I32,
            BasicKind::Uint32 | BasicKind::Float32 => Width::U32,
            BasicKind::String | BasicKind::UntypedString | BasicKind::Complex128 => return None,
            _ => Width::W64,
        }),
        TypeKind::Pointer(_) | TypeKind::Map(..) | TypeKind::Chan(..) | TypeKind::Func(_) => {
            Some(Width::W64)
        }
        _ => None,
    }
}

impl<'a> Gen<'a> {
    /// Is a value of `t` stored in an interface's data word itself (gc's pointer-shaped
    /// types, `gosub_types::layout::is_direct_iface`) rather than boxed?
    pub fn is_direct_iface(&self, t: TypeId) -> bool {
        types::layout::is_direct_iface(&self.p.types, t)
    }

    /// Is `t` a single pointer word (stored with the write barrier's `StorePtr`)?
    pub fn is_ptr_word(&self, t: TypeId) -> bool {
        matches!(
            self.p.types.under(t),
            TypeKind::Pointer(_) | TypeKind::Map(..) | TypeKind::Chan(..) | TypeKind::Func(_)
        ) || self.p.types.basic(t) == Some(BasicKind::UnsafePointer)
    }

    /// Loads a value of type `t` from memory at `*ptr + off` into `dst`.
    pub fn load_mem(&mut self, dst: Reg, ptr: Reg, off: u32, t: TypeId) {
        match width_of(&self.p.types, t) {
            Some(w) => {
                self.emit(Op::Load { dst, ptr, off, w });
            }
            None => {
                let size = self.size(t);
                self.emit(Op::LoadN {
                    dst,
                    ptr,
                    off,
                    size,
                });
            }
        }
    }

    pub fn store_mem(&mut self, ptr: Reg, off: u32, src: Reg, t: TypeId) {
        if self.is_ptr_word(t) {
            self.emit(Op::StorePtr { ptr, off, src });
            return;
        }
        match width_of(&self.p.types, t) {
            Some(w) => {
                self.emit(Op::Store { ptr, off, src, w });
            }
            None => {
                let size = self.size(t);
                let gcty = self.gctype_of(t);
                self.emit(Op::StoreN {
                    ptr,
                    off,
                    src,
                    size,
                    gcty,
                });
            }
        }
    }

    // ---------- constants ----------

    pub fn const_to(&mut self, cv: &ConstValue, t: TypeId, dst: Reg) {
        let b = self.p.types.basic(t);
        match cv {
            ConstValue::Bool(v) => {
                self.emit(Op::Const {
                    dst,
                    val: *v as u64,
                });
            }
            ConstValue::Int(i) => {
                let val = match b {
                    Some(BasicKind::Float64) | Some(BasicKind::UntypedFloat) => {
                        (*i as f64).to_bits()
                    }
                    Some(BasicKind::Float32) => (*i as f32).to_bits() as u64,
                    _ => *i as i64 as u64,
                };
                if self.p.types.is_interface(t) {
                    let tmp = self.temp(types::T_INT);
                    self.emit(Op::Const { dst: tmp, val });
                    self.box_into(dst, tmp, types::T_INT, t);
                    return;
                }
                self.emit(Op::Const { dst, val });
            }
            ConstValue::Float(f) => {
                let val = match b {
                    Some(BasicKind::Float32) => (*f as f32).to_bits() as u64,
                    Some(k) if k.is_integer() => *f as i64 as u64,
                    _ => f.to_bits(),
                };
                if self.p.types.is_interface(t) {
                    let tmp = self.temp(types::T_FLOAT64);
                    self.emit(Op::Const { dst: tmp, val });
                    self.box_into(dst, tmp, types::T_FLOAT64, t);
                    return;
                }
                self.emit(Op::Const { dst, val });
            }
            ConstValue::Complex(..) => {
                self.emit(Op::Zero { dst, size: 16 });
            }
            ConstValue::String(s) => {
                let idx = self.string_const(s);
                if self.p.types.is_interface(t) {
                    let tmp = self.temp(types::T_STRING);
                    self.emit(Op::Str { dst: tmp, idx });
                    self.box_into(dst, tmp, types::T_STRING, t);
                    return;
                }
                self.emit(Op::Str { dst, idx });
            }
        }
    }

    // ---------- values ----------

    pub fn expr(&mut self, e: &'a Expr) -> Reg {
        let t = self.type_of(e.id);
        if let Some(cv) = self.p.info.consts.get(&e.id) {
            let cv = cv.clone();
            let dst = self.temp(t);
            self.const_to(&cv, t, dst);
            return dst;
        }
        match &e.kind {
            ExprKind::Paren(x) => self.expr(x),
            ExprKind::Ident(id) => {
                if id.name == "_" {
                    return self.temp(t);
                }
                let Some(&o) = self.p.info.uses.get(&id.id) else {
                    return self.temp(t);
                };
                match &self.p.obj(o).kind {
                    ObjKind::Nil => {
                        let dst = self.temp(t);
                        let size = self.size(t);
                        self.emit(Op::Zero { dst, size });
                        dst
                    }
                    ObjKind::Func { .. } => {
                        let dst = self.temp(t);
                        let func = self.func_index.get(&o).copied().unwrap_or(0);
                        self.emit(Op::FuncVal { dst, func });
                        dst
                    }
                    _ => {
                        let pl = self.var_place(o);
                        self.load_place(pl, t)
                    }
                }
            }
            _ => {
                let dst = self.temp(t);
                self.expr_to(e, dst);
                dst
            }
        }
    }

    /// Evaluates `e` into `dst`.
    pub fn expr_to(&mut self, e: &'a Expr, dst: Reg) {
        let t = self.type_of(e.id);
        if let Some(cv) = self.p.info.consts.get(&e.id) {
            let cv = cv.clone();
            self.const_to(&cv, t, dst);
            return;
        }
        let saved = self.fs().f.cur_pos;
        self.fs().f.cur_pos = e.span.lo;
        match &e.kind {
            ExprKind::Paren(x) => self.expr_to(x, dst),
            ExprKind::Ident(_) => {
                let r = self.expr(e);
                self.mov(dst, r, t);
            }
            ExprKind::Binary { op, x, y } => self.binary(*op, x, y, t, dst, e.id),
            ExprKind::Unary { op, x } => self.unary(*op, x, t, dst),
            ExprKind::Star(x) => {
                let p = self.expr(x);
                self.load_mem(dst, p, 0, t);
            }
            ExprKind::Selector { .. } | ExprKind::Index { .. } => {
                if let (ExprKind::Selector { x, .. }, Some(sel)) =
                    (&e.kind, self.p.info.selections.get(&e.id))
                {
                    match sel.clone() {
                        Selection::Method { .. } | Selection::IfaceMethod { .. } => {
                            crate::call::method_value(self, e, x, dst);
                            self.fs().f.cur_pos = saved;
                            return;
                        }
                        Selection::MethodExpr {
                            func,
                            ptr_recv,
                            recv,
                        } => {
                            crate::call::method_expr(self, func, ptr_recv, recv, dst);
                            self.fs().f.cur_pos = saved;
                            return;
                        }
                        Selection::Qualified(o) => {
                            if let ObjKind::Func { .. } = self.p.obj(o).kind {
                                let func = self.func_index.get(&o).copied().unwrap_or(0);
                                self.emit(Op::FuncVal { dst, func });
                            } else {
                                let pl = self.var_place(o);
                                let r = self.load_place(pl, t);
                                self.mov(dst, r, t);
                            }
                            self.fs().f.cur_pos = saved;
                            return;
                        }
                        Selection::Field { .. } => {}
                    }
                }
                if let ExprKind::Index { x, index } = &e.kind {
                    let xt = self.type_of(x.id);
                    match self.p.types.under(xt).clone() {
                        TypeKind::Map(kt, _) => {
                            let m = self.expr(x);
                            let k = self.expr_conv(index, kt);
                            let vsize = self.size(t);
                            self.emit(Op::MapGet {
                                dst,
                                m,
                                key: k,
                                ok: None,
                                vsize,
                            });
                            self.fs().f.cur_pos = saved;
                            return;
                        }
                        TypeKind::Basic(_) => {
                            let s = self.expr(x);
                            let i = self.expr_conv(index, types::T_INT);
                            self.emit(Op::StrIndex { dst, s, i });
                            self.fs().f.cur_pos = saved;
                            return;
                        }
                        TypeKind::Slice(et) => {
                            if let Some(w) = width_of(&self.p.types, et) {
                                let s = self.expr(x);
                                let i = self.expr_conv(index, types::T_INT);
                                self.emit(Op::LoadElem { dst, s, i, w });
                                self.fs().f.cur_pos = saved;
                                return;
                            }
                        }
                        _ => {}
                    }
                }
                let pl = self.place(e);
                let r = self.load_place(pl, t);
                self.mov(dst, r, t);
            }
            ExprKind::SliceExpr { x, lo, hi, max, .. } => self.slice_expr(x, lo, hi, max, dst),
            ExprKind::Call { .. } => crate::call::call_to(self, e, dst),
            ExprKind::CompositeLit { .. } => crate::composite::composite_to(self, e, dst),
            ExprKind::FuncLit { .. } => self.func_lit(e, dst),
            ExprKind::TypeAssert { x, .. } => self.type_assert(x, t, dst, None),
            _ => {
                let span = e.span;
                self.err(span, "gosub: expression not supported by the compiler yet");
            }
        }
        self.fs().f.cur_pos = saved;
    }

    /// `e` converted to type `to` (implicit conversion: interface boxing).
    pub fn expr_conv(&mut self, e: &'a Expr, to: TypeId) -> Reg {
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
        if let Some(v) = self.stack_box(e, to) {
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
    fn stack_box(&mut self, e: &'a Expr, to: TypeId) -> Option<Reg> {
        if !self.p.types.is_interface(to)
            || !self
                .esc
                .as_ref()
                .is_some_and(|x| x.stack_boxes.contains(&e.id))
        {
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
                    ConstValue::Complex(..) => return None,
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
        let direct = self.is_direct_iface(from);
        self.emit(Op::MakeIface {
            dst,
            src,
            itab,
            size,
            gcty,
            direct,
        });
    }

    pub fn default_type(&self, t: TypeId) -> TypeId {
        match self.p.types.basic(t) {
            Some(BasicKind::UntypedBool) => types::T_BOOL,
            Some(BasicKind::UntypedInt) => types::T_INT,
            Some(BasicKind::UntypedRune) => types::T_INT32,
            Some(BasicKind::UntypedFloat) => types::T_FLOAT64,
            Some(BasicKind::UntypedString) => types::T_STRING,
            _ => t,
        }
    }

    // ---------- places ----------

    pub fn var_place(&mut self, o: types::ObjId) -> Place {
        if let Some(&off) = self.globals.get(&o) {
            return Place::Global(off);
        }
        match self.fs().locals.get(&o).copied() {
            Some(Loc::Frame(r)) => Place::Frame {
                reg: r,
                packed: false,
            },
            Some(Loc::Boxed(r)) => Place::Mem { ptr: r, off: 0 },
            Some(Loc::Captured(i)) => {
                let p = self.temp_word(true);
                self.emit(Op::LoadCapture { dst: p, index: i });
                Place::Mem { ptr: p, off: 0 }
            }
            Some(Loc::Global(off)) => Place::Global(off),
            None => Place::Blank,
        }
    }

    pub fn load_place(&mut self, pl: Place, t: TypeId) -> Reg {
        match pl {
            Place::Frame { reg, packed } => {
                if packed {
                    if let Some(w) = width_of(&self.p.types, t) {
                        if w != Width::W64 {
                            let dst = self.temp(t);
                            self.emit(Op::Ext { dst, src: reg, w });
                            return dst;
                        }
                    }
                }
                reg
            }
            Place::Mem { ptr, off } => {
                let dst = self.temp(t);
                self.load_mem(dst, ptr, off, t);
                dst
            }
            Place::Global(off) => {
                let dst = self.temp(t);
                let size = self.size(t);
                self.emit(Op::LoadGlobal { dst, off, size });
                if let Some(w) = width_of(&self.p.types, t) {
                    if w != Width::W64 {
                        self.emit(Op::Ext { dst, src: dst, w });
                    }
                }
                dst
            }
            Place::MapElem { m, key } => {
                let dst = self.temp(t);
                let vsize = self.size(t);
                self.emit(Op::MapGet {
                    dst,
                    m,
                    key,
                    ok: None,
                    vsize,
                });
                dst
            }
            Place::Blank => self.temp(t),
        }
    }

    pub fn store_place(&mut self, pl: Place, v: Reg, t: TypeId) {
        match pl {
            Place::Frame { reg, packed } => {
                if packed {
                    if let Some(w) = width_of(&self.p.types, t) {
                        if w != Width::W64 {
                            self.emit(Op::StoreNarrow {
                                dst: reg,
                                src: v,
                                w,
                            });
                            return;
                        }
                    }
                }
                self.mov(reg, v, t);
            }
            Place::Mem { ptr, off } => self.store_mem(ptr, off, v, t),
            Place::Global(off) => {
                let size = self.size(t);
                let gcty = self.gctype_of(t);
                if let Some(w) = width_of(&self.p.types, t) {
                    if w != Width::W64 {
                        let a = self.temp_word(false);
                        self.emit(Op::AddrGlobal { dst: a, off });
                        self.emit(Op::Store {
                            ptr: a,
                            off: 0,
                            src: v,
                            w,
                        });
                        return;
                    }
                }
                self.emit(Op::StoreGlobal {
                    off,
                    src: v,
                    size,
                    gcty,
                });
            }
            Place::MapElem { m, key } => {
                let p = self.temp_word(true);
                self.emit(Op::MapSlot { dst: p, m, key });
                self.store_mem(p, 0, v, t);
            }
            Place::Blank => {}
        }
    }

    /// The place an addressable (or map index) expression denotes.
    pub fn place(&mut self, e: &'a Expr) -> Place {
        match &e.kind {
            ExprKind::Paren(x) => self.place(x),
            ExprKind::Ident(id) => {
                if id.name == "_" {
                    return Place::Blank;
                }
                match self
                    .p
                    .info
                    .uses
                    .get(&id.id)
                    .or_else(|| self.p.info.defs.get(&id.id))
                {
                    Some(&o) => self.var_place(o),
                    None => Place::Blank,
                }
            }
            ExprKind::Star(x) => {
                let p = self.expr(x);
                let ptr = self.temp_word(true);
                self.emit(Op::FieldAddr {
                    dst: ptr,
                    ptr: p,
                    off: 0,
                });
                Place::Mem { ptr, off: 0 }
            }
            ExprKind::Selector { x, .. } => match self.p.info.selections.get(&e.id).cloned() {
                Some(Selection::Field { path, .. }) => self.field_place(x, &path),
                Some(Selection::Qualified(o)) => self.var_place(o),
                _ => Place::Blank,
            },
            ExprKind::Index { x, index } => {
                let xt = self.type_of(x.id);
                match self.p.types.under(xt).clone() {
                    TypeKind::Map(kt, _) => {
                        let m = self.expr(x);
                        let k = self.expr_conv(index, kt);
                        // Keep the map and key stable across the value's evaluation.
                        let mt = self.temp_word(true);
                        self.emit(Op::Move { dst: mt, src: m });
                        let kt2 = self.temp(kt);
                        self.mov(kt2, k, kt);
                        Place::MapElem { m: mt, key: kt2 }
                    }
                    TypeKind::Slice(et) => {
                        let s = self.expr(x);
                        let i = self.expr_conv(index, types::T_INT);
                        let size = self.size(et);
                        let ptr = self.temp_word(true);
                        self.emit(Op::SliceElemAddr {
                            dst: ptr,
                            s,
                            i,
                            size,
                        });
                        Place::Mem { ptr, off: 0 }
                    }
                    TypeKind::Array(et, n) => {
                        let size = self.size(et);
                        let base = self.addr_of(x);
                        let i = self.expr_conv(index, types::T_INT);
                        let ptr = self.temp_word(true);
                        self.emit(Op::ArrayElemAddr {
                            dst: ptr,
                            ptr: base,
                            i,
                            len: n,
                            size,
                        });
                        Place::Mem { ptr, off: 0 }
                    }
                    TypeKind::Pointer(at) => {
                        let (et, n) = match self.p.types.under(at) {
                            TypeKind::Array(et, n) => (*et, *n),
                            _ => (types::T_INVALID, 0),
                        };
                        let size = self.size(et);
                        let base = self.expr(x);
                        let i = self.expr_conv(index, types::T_INT);
                        let ptr = self.temp_word(true);
                        self.emit(Op::NilCheck { ptr: base });
                        self.emit(Op::ArrayElemAddr {
                            dst: ptr,
                            ptr: base,
                            i,
                            len: n,
                            size,
                        });
                        Place::Mem { ptr, off: 0 }
                    }
                    _ => Place::Blank,
                }
            }
            _ => {
                // A non-addressable value: materialize it (used for method calls on values).
                let t = self.type_of(e.id);
                let r = self.expr(e);
                let _ = t;
                Place::Frame {
                    reg: r,
                    packed: false,
                }
            }
        }
    }

    /// Place of a field reached from `x` through `path` (auto-dereferencing pointers).
    pub fn field_place(&mut self, x: &'a Expr, path: &[usize]) -> Place {
        let mut t = self.type_of(x.id);
        let mut pl = if matches!(self.p.types.under(t), TypeKind::Pointer(_)) {
            // Copy the pointer: Go evaluates it before any assignment of the statement.
            let v = self.expr(x);
            let p = self.temp_word(true);
            self.emit(Op::Move { dst: p, src: v });
            Place::Mem { ptr: p, off: 0 }
        } else {
            match self.place(x) {
                Place::Blank => Place::Blank,
                Place::MapElem { .. } => {
                    let r = self.expr(x);
                    Place::Frame {
                        reg: r,
                        packed: true,
                    }
                }
                p => p,
            }
        };
        if let TypeKind::Pointer(e) = self.p.types.under(t) {
            t = *e;
        }
        for (k, &fi) in path.iter().enumerate() {
            let offs = self.layouts.field_offsets(&self.p.types, t);
            let ft = match self.p.types.under(t) {
                TypeKind::Struct(fs) => fs.get(fi).map(|f| f.ty).unwrap_or(types::T_INVALID),
                _ => types::T_INVALID,
            };
            let off = offs.get(fi).copied().unwrap_or(0) as u32;
            pl = match pl {
                Place::Frame { reg, .. } => Place::Frame {
                    reg: reg + off,
                    packed: true,
                },
                Place::Mem { ptr, off: o } => Place::Mem { ptr, off: o + off },
                Place::Global(g) => Place::Global(g + off),
                other => other,
            };
            t = ft;
            // Embedded pointer along the path: dereference.
            if k + 1 < path.len() {
                if let TypeKind::Pointer(inner) = self.p.types.under(t).clone() {
                    let p = self.load_place(pl, t);
                    let pc = self.temp_word(true);
                    self.emit(Op::Move { dst: pc, src: p });
                    pl = Place::Mem { ptr: pc, off: 0 };
                    t = inner;
                }
            }
        }
        // Narrow Global fields must go through memory.
        if let Place::Global(off) = pl {
            if width_of(&self.p.types, t).is_some_and(|w| w != Width::W64) {
                let a = self.temp_word(false);
                self.emit(Op::AddrGlobal { dst: a, off });
                return Place::Mem { ptr: a, off: 0 };
            }
        }
        pl
    }

    /// The address of an addressable expression.
    pub fn addr_of(&mut self, e: &'a Expr) -> Reg {
        let pl = self.place(e);
        self.addr_of_place(pl)
    }

    pub fn addr_of_place(&mut self, pl: Place) -> Reg {
        let dst = self.temp_word(true);
        match pl {
            Place::Frame { reg, .. } => {
                self.emit(Op::AddrLocal { dst, src: reg });
            }
            Place::Mem { ptr, off } => {
                self.emit(Op::FieldAddr { dst, ptr, off });
            }
            Place::Global(off) => {
                self.emit(Op::AddrGlobal { dst, off });
            }
            Place::MapElem { m, key } => {
                self.emit(Op::MapSlot { dst, m, key });
            }
            Place::Blank => {
                self.emit(Op::Const { dst, val: 0 });
            }
        }
        dst
    }

    // ---------- operators ----------

    fn unary(&mut self, op: UnOp, x: &'a Expr, t: TypeId, dst: Reg) {
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

    fn binary(
        &mut self,
        op: BinOp,
        x: &'a Expr,
        y: &'a Expr,
        t: TypeId,
        dst: Reg,
        id: gosub_syntax::ast::NodeId,
    ) {
        match op {
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
        // Immediate forms for int ops with a small constant right operand.
        if b.is_integer()
            && matches!(
                op,
                BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::And | BinOp::Or | BinOp::Xor
            )
        {
            if let Some(ConstValue::Int(c)) = self.p.info.consts.get(&y.id) {
                if let Ok(imm) = i64::try_from(*c) {
                    let a = self.expr(x);
                    let iop = int_op(op, false);
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
        let a = self.expr(x);
        let bb = self.expr(y);
        match b {
            BasicKind::String | BasicKind::UntypedString => {
                let buf = self.tmp_buf(id, 32);
                self.emit(Op::Concat { dst, a, b: bb, buf });
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

    fn compare(&mut self, op: BinOp, x: &'a Expr, y: &'a Expr, xt: TypeId, yt: TypeId, dst: Reg) {
        // Mixed interface/concrete comparison: convert the concrete side.
        let xi = self.p.types.is_interface(xt);
        let yi = self.p.types.is_interface(yt);
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

    // ---------- slicing ----------

    fn slice_expr(
        &mut self,
        x: &'a Expr,
        lo: &'a Option<Box<Expr>>,
        hi: &'a Option<Box<Expr>>,
        max: &'a Option<Box<Expr>>,
        dst: Reg,
    ) {
        let xt = self.type_of(x.id);
        let idx = |g: &mut Gen<'a>, e: &'a Option<Box<Expr>>| match e {
            Some(e) => g.expr_conv(e, types::T_INT),
            None => NONE,
        };
        match self.p.types.under(xt).clone() {
            TypeKind::Basic(_) => {
                let s = self.expr(x);
                let lo = idx(self, lo);
                let hi = idx(self, hi);
                self.emit(Op::StrSlice { dst, s, lo, hi });
            }
            TypeKind::Slice(et) => {
                let s = self.expr(x);
                let lo = idx(self, lo);
                let hi = idx(self, hi);
                let max = idx(self, max);
                let elem_size = self.size(et);
                self.emit(Op::SliceSlice {
                    dst,
                    s,
                    lo,
                    hi,
                    max,
                    elem_size,
                    array_len: None,
                });
            }
            TypeKind::Array(et, n) => {
                let a = self.addr_of(x);
                let lo = idx(self, lo);
                let hi = idx(self, hi);
                let max = idx(self, max);
                let elem_size = self.size(et);
                self.emit(Op::SliceSlice {
                    dst,
                    s: a,
                    lo,
                    hi,
                    max,
                    elem_size,
                    array_len: Some(n),
                });
            }
            TypeKind::Pointer(at) => {
                let (et, n) = match self.p.types.under(at) {
                    TypeKind::Array(et, n) => (*et, *n),
                    _ => (types::T_INVALID, 0),
                };
                let a = self.expr(x);
                self.emit(Op::NilCheck { ptr: a });
                let lo = idx(self, lo);
                let hi = idx(self, hi);
                let max = idx(self, max);
                let elem_size = self.size(et);
                self.emit(Op::SliceSlice {
                    dst,
                    s: a,
                    lo,
                    hi,
                    max,
                    elem_size,
                    array_len: Some(n),
                });
            }
            _ => {}
        }
    }

    // ---------- type assertions ----------

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

    // ---------- function literals ----------

    fn func_lit(&mut self, e: &'a Expr, dst: Reg) {
        let captures = self.p.info.captures.get(&e.id).cloned().unwrap_or_default();
        let parent = self.fs().name.clone();
        self.fs().lit_count += 1;
        let n = self.fs().lit_count;
        let name = format!("{}.func{}", parent, n);
        let idx = self.new_func(name, e.span.lo);
        self.jobs.push(crate::gen::Job {
            func: idx,
            kind: crate::gen::JobKind::Lit {
                expr: e as *const Expr,
                captures: captures.clone(),
                parent_name: parent,
            },
        });
        if captures.is_empty() {
            self.emit(Op::FuncVal { dst, func: idx });
            return;
        }
        let l = Layout {
            size: 8 * captures.len() as u64,
            align: 8,
            ptr_words: (0..captures.len() as u32).collect(),
        };
        let caps = self.f().temp(&l);
        for (i, &o) in captures.iter().enumerate() {
            let r = caps + 8 * i as u32;
            match self.fs().locals.get(&o).copied() {
                Some(Loc::Boxed(b)) => {
                    self.emit(Op::Move { dst: r, src: b });
                }
                Some(Loc::Frame(slot)) => {
                    // A variable kept in the frame (crates/escape): capture its address.
                    self.emit(Op::AddrLocal { dst: r, src: slot });
                }
                Some(Loc::Captured(ci)) => {
                    self.emit(Op::LoadCapture { dst: r, index: ci });
                }
                _ => {
                    self.emit(Op::Const { dst: r, val: 0 });
                }
            }
        }
        let mut ptrs = vec![];
        for i in 0..captures.len() as u32 {
            ptrs.push(i + 1);
        }
        if self.stack_object(e.id) {
            // The closure does not escape (crates/escape): build it in a frame slot laid out
            // as MakeClosure lays it out on the heap (function index, then captured words).
            let n = captures.len() as u32;
            let l = Layout {
                size: 8 * (n as u64 + 1),
                align: 8,
                ptr_words: ptrs,
            };
            let obj = self.f().alloc_slot(&l);
            self.emit(Op::Const {
                dst: obj,
                val: idx as u64,
            });
            for i in 0..n {
                self.emit(Op::Move {
                    dst: obj + 8 + 8 * i,
                    src: caps + 8 * i,
                });
            }
            self.emit(Op::AddrLocal { dst, src: obj });
            return;
        }
        let gcty = self.gctype(8 * (captures.len() as u32 + 1), ptrs);
        self.emit(Op::MakeClosure {
            dst,
            func: idx,
            caps,
            ncap: captures.len() as u32,
            gcty,
        });
    }

    /// gc's `tmpBuf`: a frame buffer of `size` bytes (no pointers) for the result of a
    /// conversion or concatenation at node `id` that escape analysis keeps on the stack;
    /// u32::MAX otherwise.
    pub fn tmp_buf(&mut self, id: gosub_syntax::ast::NodeId, size: u64) -> Reg {
        if !self
            .esc
            .as_ref()
            .is_some_and(|x| x.stack_allocs.contains(&id))
        {
            return NONE;
        }
        self.f().alloc_slot(&Layout {
            size,
            align: 8,
            ptr_words: vec![],
        })
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
            (TypeKind::Basic(f), TypeKind::Basic(BasicKind::UnsafePointer)) if f.is_integer() => {
                // uintptr → unsafe.Pointer: checked (crates/compile/src/unsafe_fns.rs).
                let a = self.expr(x);
                self.emit(Op::UintptrToPtr { dst, a });
            }
            (TypeKind::Basic(f), TypeKind::Basic(t)) => {
                let a = self.expr(x);
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
                let a = self.expr(x);
                if self.p.types.basic(e) == Some(BasicKind::Int32) {
                    let buf = self.tmp_buf(id, 128);
                    self.emit(Op::StrToRunes { dst, a, buf });
                } else {
                    if self.esc.as_ref().is_some_and(|x| x.zero_copy.contains(&id)) {
                        self.emit(Op::StrBytesShared { dst, a });
                    } else {
                        self.emit(Op::StrToBytes { dst, a });
                    }
                }
            }
            _ => {
                let a = self.expr(x);
                self.mov(dst, a, to);
            }
        }
    }
}

fn int_op(op: BinOp, unsigned: bool) -> IntOp {
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

fn float_op(op: BinOp) -> FloatOp {
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
