//! Composite literals: structs, arrays, slices and maps, by value and behind `&`.
//!
//! Invariant: a literal is built in the frame (a temporary, or the slot of the variable it
//! declares, which its elements cannot read): zeroed first unless its elements write every
//! byte of a pointer-free struct (`struct_lit`), then each element stored. So a collection
//! triggered while evaluating an element never sees a partially initialized heap object;
//! slice and map literals allocate their storage first and store elements through the heap
//! write path.

use crate::bytecode::{Op, Reg};
use crate::gen::{Gen, NONE};
use crate::place::Place;
use gosub_syntax::ast::{Expr, ExprKind};
use gosub_types::{self as types, ConstValue, TypeId, TypeKind};

/// Value of the element expression `v` converted to `et`, handling elided `&T{...}`.
fn elem_value<'a>(g: &mut Gen<'a>, v: &'a Expr, et: TypeId) -> Reg {
    if let (ExprKind::CompositeLit { ty: None, .. }, TypeKind::Pointer(_)) =
        (&v.kind, g.p.types.under(et))
    {
        let vt = g.type_of(v.id);
        if !matches!(g.p.types.under(vt), TypeKind::Pointer(_)) {
            let dst = g.temp(et);
            new_composite(g, v, dst);
            return dst;
        }
    }
    g.expr_conv(v, et)
}

fn const_index(g: &Gen, e: &Expr) -> Option<u64> {
    match g.p.info.consts.get(&e.id) {
        Some(ConstValue::Int(i)) => u64::try_from(*i).ok(),
        _ => None,
    }
}

pub fn composite_to<'a>(g: &mut Gen<'a>, e: &'a Expr, dst: Reg) {
    let ExprKind::CompositeLit { elts, .. } = &e.kind else {
        return;
    };
    let all: Vec<&'a Expr> = elts.iter().map(crate::order::elem_value).collect();
    let hoisted = if g.is_map_literal(e) {
        Vec::new()
    } else {
        let targets = g.elem_targets(e, elts);
        g.hoist_calls(&all, &targets)
    };
    composite_elems_to(g, e, elts, dst);
    g.unhoist(hoisted);
}

/// `composite_to` once gc's order has run the element calls.
fn composite_elems_to<'a>(g: &mut Gen<'a>, e: &'a Expr, elts: &'a [Expr], dst: Reg) {
    let t = g.type_of(e.id);
    if let TypeKind::Pointer(_) = g.p.types.under(t) {
        // An elided `&T{}` recorded with the pointer type.
        new_composite(g, e, dst);
        return;
    }
    literal_of_type(g, e, elts, t, dst, false);
}

/// The literal `e` (elements `elts`) built as a value of type `t` in `dst`. `elided`: `e`
/// is an elided `&T{...}` whose node stands for the pointed-to object, so escape analysis'
/// decision for it is that object's, not a slice's backing array's (which then goes to
/// the heap).
fn literal_of_type<'a>(
    g: &mut Gen<'a>,
    e: &'a Expr,
    elts: &'a [Expr],
    mut t: TypeId,
    dst: Reg,
    elided: bool,
) {
    if g.p.types.under(t) == g.p.types.kind(types::T_INVALID) {
        t = types::T_INVALID;
    }
    match g.p.types.under(t).clone() {
        TypeKind::Struct(fields) => struct_lit(g, elts, &fields, t, dst),
        TypeKind::Array(et, _) => {
            let size = g.size(t);
            g.emit(Op::Zero { dst, size });
            let esize = g.size(et);
            let mut idx = 0u64;
            for el in elts {
                let v = match &el.kind {
                    ExprKind::KeyValue { key, value } => {
                        idx = const_index(g, key).unwrap_or(idx);
                        &**value
                    }
                    _ => el,
                };
                let val = elem_value(g, v, et);
                g.store_place(
                    Place::Frame {
                        reg: dst + (idx as u32) * esize,
                        packed: true,
                    },
                    val,
                    et,
                );
                idx += 1;
            }
        }
        TypeKind::Slice(et) => {
            // Length: one past the largest index.
            let mut idx = 0u64;
            let mut n = 0u64;
            for el in elts {
                if let ExprKind::KeyValue { key, .. } = &el.kind {
                    idx = const_index(g, key).unwrap_or(idx);
                }
                idx += 1;
                n = n.max(idx);
            }
            let gcty = g.gctype_of(et);
            let elem_size = g.size(et);
            let s = g.temp(t);
            // A literal that does not escape gets a frame array, as gc places it.
            if !(!elided && g.esc.stack_allocs.contains(&e.id) && g.frame_slice(et, n, s)) {
                let len = g.temp(types::T_INT);
                g.emit(Op::Const { dst: len, val: n });
                g.emit(Op::MakeSlice {
                    dst: s,
                    gcty,
                    elem_size,
                    len,
                    cap: NONE,
                });
            }
            let mut idx = 0u64;
            for el in elts {
                let v = match &el.kind {
                    ExprKind::KeyValue { key, value } => {
                        idx = const_index(g, key).unwrap_or(idx);
                        &**value
                    }
                    _ => el,
                };
                let val = elem_value(g, v, et);
                let i = g.temp(types::T_INT);
                g.emit(Op::Const { dst: i, val: idx });
                let p = g.temp_word(true);
                g.emit(Op::SliceElemAddr {
                    dst: p,
                    s,
                    i,
                    size: elem_size,
                });
                g.store_mem(p, 0, val, et);
                idx += 1;
            }
            g.mov(dst, s, t);
        }
        TypeKind::Map(kt, vt) => {
            // Sized for its entries, as gc's maplit makes it (`make(map[K]V, len(entries))`),
            // so that filling it never grows it.
            let hint = g.temp(types::T_INT);
            g.emit(Op::Const {
                dst: hint,
                val: elts.len() as u64,
            });
            let m = g.temp(t);
            g.emit(Op::MakeMap {
                dst: m,
                rtype: t.0,
                hint,
            });
            for el in elts {
                if let ExprKind::KeyValue { key, value } = &el.kind {
                    let k = elem_value(g, key, kt);
                    let kk = g.temp(kt);
                    g.mov(kk, k, kt);
                    let v = elem_value(g, value, vt);
                    let p = g.temp_word(true);
                    g.emit(Op::MapSlot { dst: p, m, key: kk });
                    g.store_mem(p, 0, v, vt);
                }
            }
            g.mov(dst, m, t);
        }
        _ => g.err(e.span, "gosub: unsupported composite literal"),
    }
}

/// `&T{...}`: allocates a T on the heap, initialized from the literal; address to `dst`.
pub fn new_composite<'a>(g: &mut Gen<'a>, lit: &'a Expr, dst: Reg) {
    let mut t = g.type_of(lit.id);
    if let TypeKind::Pointer(inner) = g.p.types.under(t) {
        t = *inner;
    }
    let v = g.temp(t);
    // Build the value (with the element type, not the pointer type).
    let saved = g.type_of(lit.id);
    if matches!(g.p.types.under(saved), TypeKind::Pointer(_)) {
        composite_value_of_type(g, lit, t, v);
    } else {
        composite_to(g, lit, v);
    }
    let p = g.temp_word(true);
    if g.stack_object(lit.id) {
        // Does not escape (crates/escape): the object lives in the frame.
        g.frame_object(t, p);
    } else {
        let size = g.size(t);
        let gcty = g.gctype_of(t);
        g.emit(Op::New {
            dst: p,
            gcty,
            size: size.max(1),
        });
    }
    g.store_mem(p, 0, v, t);
    g.emit(Op::Move { dst, src: p });
}

/// Like `composite_to` for a literal whose recorded type is `*T` (elided `&`), building a T.
fn composite_value_of_type<'a>(g: &mut Gen<'a>, lit: &'a Expr, t: TypeId, dst: Reg) {
    if let ExprKind::CompositeLit { elts, .. } = &lit.kind {
        literal_of_type(g, lit, elts, t, dst, true);
    }
}

/// A struct literal of type `t` built in the frame register `dst`: zeroed, then each
/// element (positional or `Field: value`) stored into its field. The zeroing is left out
/// when the elements write every byte (every field is given and the struct has no padding)
/// and the struct holds no pointer, so no collection can meet it half built.
fn struct_lit<'a>(
    g: &mut Gen<'a>,
    elts: &'a [Expr],
    fields: &[gosub_types::StructField],
    t: TypeId,
    dst: Reg,
) {
    let layout = g.layout(t);
    let elems = gosub_types::struct_lit_elems(fields, elts);
    let mut given = vec![false; fields.len()];
    for (fi, _) in &elems {
        if let Some(s) = fi.and_then(|i| given.get_mut(i)) {
            *s = true;
        }
    }
    // (`layouts.size`, not `g.layout`: a field's type too large to compile is reported
    // where it is used, not again here.)
    let fields_size: u64 = (fields.iter())
        .map(|f| g.layouts.size(&g.p.types, f.ty))
        .fold(0, u64::saturating_add);
    let whole = given.iter().all(|&s| s) && fields_size == layout.size;
    if !(whole && layout.ptr_words.is_empty()) {
        g.emit(Op::Zero {
            dst,
            size: layout.size as u32,
        });
    }
    let offs = g.layouts.field_offsets(&g.p.types, t);
    for (fi, v) in elems {
        let fi = fi.unwrap_or(0);
        let Some(f) = fields.get(fi) else { continue };
        let val = elem_value(g, v, f.ty);
        let off = offs.get(fi).copied().unwrap_or(0) as u32;
        g.store_place(
            Place::Frame {
                reg: dst + off,
                packed: true,
            },
            val,
            f.ty,
        );
    }
}
