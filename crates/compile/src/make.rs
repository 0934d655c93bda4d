//! `new` and `make`: where escape analysis keeps the object in the frame (a non-escaping
//! `new(T)`, or a `make([]T, n, m)` with constant sizes within gc's 64 KiB implicit-stack
//! limit), it is a zeroed frame object listed in the stack map; otherwise a heap object
//! with the element type's GC description.

use crate::builtins::BuiltinCall;
use crate::bytecode::Op;
use crate::gen::{Gen, NONE};
use crate::layout::Layout;
use gosub_syntax::ast::Expr;
use gosub_types::{self as types, TypeId, TypeKind};

/// `new(T)`: in a frame slot when escape analysis keeps it there, else on the heap.
pub(crate) fn new_object<'a>(g: &mut Gen<'a>, c: BuiltinCall<'a>) {
    let BuiltinCall { e, dst, t, .. } = c;
    let et = match g.p.types.under(t) {
        TypeKind::Pointer(e) => *e,
        _ => types::T_INVALID,
    };
    if g.stack_object(e.id) {
        // Does not escape (crates/escape): a zeroed object in the frame.
        g.frame_object(et, dst);
        return;
    }
    let size = g.size(et);
    let gcty = g.gctype_of(et);
    g.emit(Op::New {
        dst,
        gcty,
        size: size.max(1),
    });
}

/// `make` of slices (constant-size ones that do not escape in the frame), maps and channels.
pub(crate) fn make<'a>(g: &mut Gen<'a>, c: BuiltinCall<'a>) {
    let BuiltinCall {
        e, args, dst, t, ..
    } = c;
    match (g.p.types.under(t).clone(), stack_make_of(g, e, args, t)) {
        (TypeKind::Slice(_), Some((len, cap, l))) => {
            // A non-escaping make with a constant size: the backing array is a frame
            // object (zeroed each time the make runs), as gc places it on the stack.
            g.frame_array_slice(&l, len, cap, dst);
        }
        (TypeKind::Slice(et), None) => {
            let len = args
                .get(1)
                .map(|a| g.expr_conv(a, types::T_INT))
                .unwrap_or(NONE);
            let len = if len == NONE {
                let z = g.temp(types::T_INT);
                g.emit(Op::Const { dst: z, val: 0 });
                z
            } else {
                let l2 = g.temp(types::T_INT);
                g.emit(Op::Move { dst: l2, src: len });
                l2
            };
            let cap = args
                .get(2)
                .map(|a| g.expr_conv(a, types::T_INT))
                .unwrap_or(NONE);
            let gcty = g.gctype_of(et);
            let elem_size = g.size(et);
            g.emit(Op::MakeSlice {
                dst,
                gcty,
                elem_size,
                len,
                cap,
            });
        }
        (TypeKind::Map(..), _) => {
            let hint = args
                .get(1)
                .map(|a| g.expr_conv(a, types::T_INT))
                .unwrap_or(NONE);
            g.emit(Op::MakeMap {
                dst,
                rtype: t.0,
                hint,
            });
        }
        (TypeKind::Chan(..), _) => {
            let size = args
                .get(1)
                .map(|a| g.expr_conv(a, types::T_INT))
                .unwrap_or(NONE);
            let size = if size == NONE {
                let z = g.temp(types::T_INT);
                g.emit(Op::Const { dst: z, val: 0 });
                z
            } else {
                size
            };
            g.emit(Op::MakeChan {
                dst,
                rtype: t.0,
                size,
            });
        }
        _ => g.err(e.span, "gosub: cannot make this type"),
    }
}

pub(crate) fn stack_make_of(
    g: &mut Gen,
    e: &Expr,
    args: &[Expr],
    t: TypeId,
) -> Option<(u64, u64, Layout)> {
    let TypeKind::Slice(et) = g.p.types.under(t).clone() else {
        return None;
    };
    let el = g.layout(et);
    stack_make(g, e, args, &el)
}

pub(crate) fn stack_make(
    g: &Gen,
    e: &Expr,
    args: &[Expr],
    el: &Layout,
) -> Option<(u64, u64, Layout)> {
    if !g.esc.stack_allocs.contains(&e.id) {
        return None;
    }
    let konst = |a: &Expr| match g.p.info.consts.get(&a.id) {
        Some(gosub_types::ConstValue::Int(v)) => u64::try_from(*v).ok(),
        _ => None,
    };
    let len = konst(args.get(1)?)?;
    let cap = match args.get(2) {
        Some(a) => konst(a)?,
        None => len,
    };
    if cap < len {
        return None;
    }
    let l = Layout::array(el, cap);
    if l.size == 0 || l.size > gosub_escape::types_util::MAX_IMPLICIT_STACK_VAR_SIZE {
        return None;
    }
    Some((len, cap, l))
}
