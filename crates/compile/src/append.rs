//! `append` and `copy`: Go's growth rule (rounded up to the heap's size classes by the
//! VM), the spread form `append(s, t...)` (a string too for []byte), and gc's 32-byte frame
//! buffer (`append_buf`) for an append whose result does not escape.

use crate::builtins::BuiltinCall;
use crate::bytecode::{Op, Reg};
use crate::gen::{Gen, NONE};
use gosub_syntax::ast::Expr;
use gosub_types::{self as types, BasicKind, TypeId, TypeKind};

/// `append(s, x...)` and `append(s, t...)`, with gc's 32-byte frame buffer when the result does not escape.
pub(crate) fn append<'a>(g: &mut Gen<'a>, c: BuiltinCall<'a>) {
    let BuiltinCall {
        e,
        args,
        dst,
        t,
        ellipsis,
        ..
    } = c;
    let Some(s0) = args.first() else { return };
    let st = t;
    let et = match g.p.types.under(st) {
        TypeKind::Slice(e) => *e,
        _ => types::T_INVALID,
    };
    let s = g.expr_conv(s0, st);
    let keep = g.temp(st);
    g.mov(keep, s, st);
    let rest = &args[1..];
    let elem_size = g.size(et);
    let gcty = g.gctype_of(et);
    if ellipsis {
        if let Some(a) = rest.first() {
            let at = g.type_of(a.id);
            let v = g.expr(a);
            if g.p
                .types
                .basic(at)
                .is_some_and(|k| matches!(k, BasicKind::String | BasicKind::UntypedString))
            {
                g.emit(Op::AppendStr {
                    dst,
                    s: keep,
                    str: v,
                });
            } else {
                let (buf, buf_grow) = append_buf(g, e, et);
                g.emit(Op::Append {
                    dst,
                    s: keep,
                    src: v,
                    n: 0,
                    elem_size,
                    gcty,
                    spread: true,
                    buf,
                    buf_grow,
                });
            }
        }
        return;
    }
    if rest.is_empty() {
        g.mov(dst, keep, st);
        return;
    }
    // Evaluate the new elements into a contiguous temporary array.
    let arr_l = {
        let l = g.layout(et);
        let mut ptrs = Vec::new();
        let words = crate::layout::round_up(l.size, 8) / 8;
        for i in 0..rest.len() as u64 {
            for w in &l.ptr_words {
                ptrs.push((i * words) as u32 + w);
            }
        }
        crate::layout::Layout {
            size: words * 8 * rest.len() as u64,
            align: 8,
            ptr_words: ptrs.into(),
        }
    };
    let stride = crate::layout::round_up(elem_size as u64, 8) as u32;
    let arr = g.f().temp(&arr_l);
    for (i, a) in rest.iter().enumerate() {
        g.expr_conv_to(a, et, arr + stride * i as u32);
    }
    let (buf, buf_grow) = append_buf(g, e, et);
    g.emit(Op::Append {
        dst,
        s: keep,
        src: arr,
        n: rest.len() as u32,
        elem_size,
        gcty,
        spread: false,
        buf,
        buf_grow,
    });
}

/// `copy(dst, src)` (a string source too).
pub(crate) fn copy<'a>(g: &mut Gen<'a>, c: BuiltinCall<'a>) {
    let BuiltinCall { args, dst, t, .. } = c;
    let (Some(a), Some(bx)) = (args.first(), args.get(1)) else {
        return;
    };
    let at = g.type_of(a.id);
    let bt = g.type_of(bx.id);
    let et = match g.p.types.under(at) {
        TypeKind::Slice(e) => *e,
        _ => types::T_UINT8,
    };
    let d = g.expr(a);
    let dk = g.temp(at);
    g.mov(dk, d, at);
    let s = g.expr(bx);
    let from_str = matches!(g.p.types.under(bt), TypeKind::Basic(_));
    let elem_size = g.size(et);
    let gcty = g.gctype_of(et);
    let n = if t == types::T_VOID || dst == NONE {
        g.temp(types::T_INT)
    } else {
        dst
    };
    g.emit(Op::Copy {
        n,
        dst: dk,
        src: s,
        elem_size,
        gcty,
        from_str,
    });
}

/// For `make([]T, n[, m])` that escape analysis keeps on the stack and whose sizes are
/// constants within gc's 64 KiB implicit-stack limit: (len, cap, bytes, pointer words).
/// The 32-byte frame buffer gc gives an `append` whose result does not escape (gc's
/// tmpBuf), or whose slice the slice pass moves to the heap later (`gosub_escape::
/// move2heap`; then true when it grows by size classes): a dedicated slot typed by the
/// element's pointer words, or NONE.
pub(crate) fn append_buf(g: &mut Gen, e: &Expr, et: TypeId) -> (Reg, bool) {
    let buf_grow = match g.esc.move2heap.appends.get(&e.id) {
        Some(&grow) => grow,
        None if g.esc.stack_allocs.contains(&e.id) => false,
        None => return (NONE, false),
    };
    let el = g.layout(et);
    if el.size == 0
        || el.size > 32
        || !el.size.is_multiple_of(el.align.max(1))
        || (!el.ptr_words.is_empty() && !el.size.is_multiple_of(8))
    {
        return (NONE, false);
    }
    let l = crate::layout::Layout {
        size: 32,
        align: 8,
        ..crate::layout::Layout::array(&el, 32 / el.size)
    };
    (g.f().alloc_slot(&l), buf_grow)
}

/// gc's `move2heap` before a statement where a slice stops being exclusive
/// (`gosub_escape::move2heap`): its frame buffer, if it still uses one, goes to the heap.
pub(crate) fn move_to_heap(g: &mut Gen, at: u32) {
    let Some(moves) = g.esc.move2heap.moves.get(&at) else {
        return;
    };
    for &(o, keep_cap) in moves {
        let Some(crate::gen::Loc::Frame(slot)) = g.fs().locals.get(&o).copied() else {
            continue;
        };
        let t = g.p.obj(o).ty;
        let et = match g.p.types.under(t) {
            TypeKind::Slice(e) => *e,
            _ => continue,
        };
        let elem_size = g.size(et);
        let gcty = g.gctype_of(et);
        g.emit(Op::MoveToHeap {
            s: slot,
            elem_size,
            gcty,
            keep_cap,
        });
    }
}
