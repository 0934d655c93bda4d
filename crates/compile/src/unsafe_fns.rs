//! Package unsafe's functions that run code: Add, Slice, String, StringData, SliceData.
//! (Sizeof, Alignof and Offsetof are constants folded by the checker; the conversion
//! uintptr → unsafe.Pointer is `Op::UintptrToPtr`, emitted by `Gen::conversion`.)
//!
//! Invariants:
//! - `unsafe.Add(p, n)` is one integer addition on the pointer word: the result stays an
//!   `unsafe.Pointer` (a pointer word the collector traces and updates), so it remains valid
//!   across collections as long as it points into, or one past, the same object.
//! - `unsafe.Slice` / `unsafe.String` build the header with `Op::UnsafeSlice`, which makes
//!   Go's run-time checks (crates/vm/src/unsafe_ops.rs).
//! - `unsafe.StringData(s)` and `unsafe.SliceData(s)` are the header's data word (nil for an
//!   empty string as gosub represents "" with a nil data pointer; Go leaves it unspecified).
//! - Operands are evaluated left to right into temporaries before the result is written, so
//!   `dst` may alias an operand.

use crate::bytecode::{IntOp, Op, Reg};
use crate::gen::{Gen, NONE};
use gosub_syntax::ast::Expr;
use gosub_types::{Builtin, TypeKind};

pub fn unsafe_builtin<'a>(g: &mut Gen<'a>, b: Builtin, e: &'a Expr, args: &'a [Expr], dst: Reg) {
    let t = g.type_of(e.id);
    let dst = if dst == NONE { g.temp(t) } else { dst };
    let Some(x) = args.first() else { return };
    match b {
        Builtin::Add | Builtin::Slice | Builtin::String => {
            let Some(n) = args.get(1) else { return };
            let p = g.expr(x);
            let pk = g.temp_word(true);
            g.emit(Op::Move { dst: pk, src: p });
            let nr = g.expr(n);
            if b == Builtin::Add {
                g.emit(Op::Int {
                    op: IntOp::Add,
                    dst,
                    a: pk,
                    b: nr,
                });
                return;
            }
            let elem_size = match g.p.types.under(g.type_of(x.id)).clone() {
                TypeKind::Pointer(el) => g.size(el),
                _ => 1,
            };
            g.fs().f.cur_pos = e.span.lo;
            g.emit(Op::UnsafeSlice {
                dst,
                ptr: pk,
                len: nr,
                elem_size,
                string: b == Builtin::String,
            });
        }
        Builtin::StringData | Builtin::SliceData => {
            let s = g.expr(x);
            g.emit(Op::Move { dst, src: s });
        }
        _ => g.err(e.span, "gosub: not a function of package unsafe"),
    }
}
