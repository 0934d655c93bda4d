//! Constants converted to interfaces: gc boxes a constant, or a composite literal of
//! constants (`isStaticCompositeLiteral`), into read-only static data instead of allocating
//! (order's `addrTemp`, content-addressed by the linker), so `panic("boom")` allocates
//! nothing, and two conversions of the same constant yield the same data word (which Go's
//! runtime relies on to print a re-raised panic as `[recovered, repanicked]`).
//!
//! Invariant: a static box holds a value without pointers other than string data pointers
//! (`StaticBox::strings`, filled in by the VM at load), so the collector never needs to see
//! it; boxes are deduplicated by content (`Gen::static_boxes`). One-byte values keep gc's
//! other rule (`staticuint64s`, via `MakeIface`'s `BoxKind::Small`).

use crate::bytecode::{Op, Reg};
use crate::gen::Gen;
use crate::program::StaticBox;
use gosub_syntax::ast::{unparen, Expr, ExprKind};
use gosub_types::{BasicKind, ConstValue, TypeId, TypeKind};

/// The largest value boxed statically, in bytes.
const MAX_STATIC_BOX: u32 = 1 << 20;

impl<'a> Gen<'a> {
    /// `e` converted to interface type `to` as a static box, when `e` is a constant or a
    /// static composite literal of a non-pointer type.
    pub(crate) fn static_box(&mut self, e: &'a Expr, to: TypeId) -> Option<Reg> {
        if !self.p.types.is_interface(to) {
            return None;
        }
        let from = self.default_type(self.type_of(e.id));
        if self.p.types.is_interface(from) || self.is_direct_iface(from) {
            return None;
        }
        let size = self.size(from);
        if size <= 1 {
            return None; // zerobase and staticuint64s: MakeIface's rules
        }
        if size > MAX_STATIC_BOX {
            // Built here and copied into every VM's static data: a larger value (gc takes
            // up to 2e9 bytes, `[1 << 30]bool{true}`) is allocated when the conversion runs,
            // where the heap and its limit see it.
            return None;
        }
        let mut b = StaticBox {
            bytes: vec![0; size as usize],
            strings: Vec::new(),
        };
        if !self.static_value(e, from, 0, &mut b) {
            return None;
        }
        let idx = match self.static_boxes.get(&b) {
            Some(&i) => i,
            None => {
                let i = self.out.static_boxes.len() as u32;
                self.out.static_boxes.push(b.clone());
                self.static_boxes.insert(b, i);
                i
            }
        };
        let itab = self.itab(from, to);
        let dst = self.temp(to);
        self.emit(Op::IfaceStatic { dst, itab, idx });
        Some(dst)
    }

    /// Writes the memory form of `e` (of type `t`) at `off` into `b`; false if `e` is not a
    /// constant or a composite literal of such (keyed or not), or `t` may hold pointers
    /// other than strings.
    fn static_value(&mut self, e: &'a Expr, t: TypeId, off: u64, b: &mut StaticBox) -> bool {
        if let Some(cv) = self.p.info.consts.get(&e.id).cloned() {
            return self.static_const(&cv, t, off, b);
        }
        let ExprKind::CompositeLit { elts, .. } = &unparen(e).kind else {
            return false;
        };
        match self.p.types.under(t).clone() {
            TypeKind::Struct(fields) => {
                let offs = self.layouts.field_offsets(&self.p.types, t);
                for (i, el) in elts.iter().enumerate() {
                    let (fi, v) = match &el.kind {
                        ExprKind::KeyValue { key, value } => {
                            let ExprKind::Ident(k) = &key.kind else {
                                return false;
                            };
                            match fields.iter().position(|f| f.name == k.name) {
                                Some(fi) => (fi, &**value),
                                None => return false,
                            }
                        }
                        _ => (i, el),
                    };
                    let (Some(f), Some(&fo)) = (fields.get(fi), offs.get(fi)) else {
                        return false;
                    };
                    if !self.static_value(v, f.ty, off + fo, b) {
                        return false;
                    }
                }
                true
            }
            TypeKind::Array(et, n) => {
                let es = self.size(et) as u64;
                let mut i = 0u64;
                for el in elts {
                    let v = match &el.kind {
                        ExprKind::KeyValue { key, value } => {
                            match self.p.info.consts.get(&key.id) {
                                Some(ConstValue::Int(k)) => i = *k as u64,
                                _ => return false,
                            }
                            &**value
                        }
                        _ => el,
                    };
                    if i >= n || !self.static_value(v, et, off + i * es, b) {
                        return false;
                    }
                    i += 1;
                }
                true
            }
            _ => false,
        }
    }

    fn static_const(&mut self, cv: &ConstValue, t: TypeId, off: u64, b: &mut StaticBox) -> bool {
        let t = self.default_type(t);
        let Some(k) = self.p.types.basic(self.p.types.underlying(t)) else {
            return false;
        };
        let size = self.size(t) as usize;
        let at = off as usize;
        let real = match cv {
            ConstValue::Int(i) => Some(*i as f64),
            ConstValue::Float(f) => Some(*f),
            ConstValue::Complex(re, _) => Some(*re),
            _ => None,
        };
        let imag = match cv {
            ConstValue::Complex(_, im) => *im,
            _ => 0.0,
        };
        match (k, cv) {
            (BasicKind::Bool, ConstValue::Bool(v)) => write(b, at, &[*v as u8]),
            (BasicKind::String, ConstValue::String(s)) => {
                if !s.is_empty() {
                    let idx = self.string_const(s);
                    b.strings.push((off as u32, idx));
                }
                write(b, at + 8, &(s.len() as u64).to_le_bytes())
            }
            (BasicKind::Float32, _) => {
                real.is_some_and(|x| write(b, at, &(x as f32).to_le_bytes()))
            }
            (BasicKind::Float64, _) => real.is_some_and(|x| write(b, at, &x.to_le_bytes())),
            (BasicKind::Complex64, _) => real.is_some_and(|x| {
                write(b, at, &(x as f32).to_le_bytes())
                    && write(b, at + 4, &(imag as f32).to_le_bytes())
            }),
            (BasicKind::Complex128, _) => real.is_some_and(|x| {
                write(b, at, &x.to_le_bytes()) && write(b, at + 8, &imag.to_le_bytes())
            }),
            (k, ConstValue::Int(i)) if k.is_integer() && size <= 16 => {
                write(b, at, &i.to_le_bytes()[..size])
            }
            _ => false,
        }
    }
}

/// Copies `bytes` into `b` at `at`; false if they do not fit.
fn write(b: &mut StaticBox, at: usize, bytes: &[u8]) -> bool {
    match b.bytes.get_mut(at..at + bytes.len()) {
        Some(dst) => {
            dst.copy_from_slice(bytes);
            true
        }
        None => false,
    }
}
