//! Places (Go's addressable operands and map elements): where a variable, field, element,
//! dereference or map entry lives, and loading, storing and taking the address of one.
//!
//! Invariants: `load_mem`/`store_mem` pick the access width from the type and use
//! `StorePtr`/`StoreN` with the value's GC type for pointer-holding stores, so every store
//! goes through the heap's write barrier; a `Place::Frame` marked `packed` is a narrow
//! value inside an aggregate and occupies only its own bytes.

use crate::bytecode::{Op, Reg, Width};
use crate::gen::{Gen, Loc};
use gosub_syntax::ast::{Expr, ExprKind};
use gosub_types::{self as types, BasicKind, Selection, TypeId, TypeKind};

impl<'a> Gen<'a> {
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
}

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
