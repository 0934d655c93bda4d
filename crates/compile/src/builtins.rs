//! Go's predeclared functions: len, cap, append, copy, delete, make, new, panic, recover,
//! print, println, min, max, clear (and unsafe.Sizeof & co., folded to constants by the
//! checker).

use crate::bytecode::{CmpOp, Op, Reg};
use crate::gen::{Gen, NONE};
use crate::layout::Layout;
use gosub_syntax::ast::Expr;
use gosub_types::{self as types, BasicKind, Builtin, TypeId, TypeKind};

pub fn builtin<'a>(g: &mut Gen<'a>, b: Builtin, e: &'a Expr, args: &'a [Expr], dst: Reg) {
    let t = g.type_of(e.id);
    let ellipsis = matches!(
        e.kind,
        gosub_syntax::ast::ExprKind::Call { ellipsis: true, .. }
    );
    match b {
        Builtin::Len | Builtin::Cap => {
            let Some(x) = args.first() else { return };
            let xt = g.type_of(x.id);
            match g.p.types.under(xt).clone() {
                TypeKind::Map(..) => {
                    let m = g.expr(x);
                    g.emit(Op::MapLen { dst, m });
                }
                TypeKind::Chan(..) => {
                    let c = g.expr(x);
                    g.emit(Op::ChanLen {
                        dst,
                        ch: c,
                        cap: b == Builtin::Cap,
                    });
                }
                TypeKind::Array(_, n) => {
                    g.emit(Op::Const {
                        dst,
                        val: n_of(g, xt, n),
                    });
                }
                TypeKind::Pointer(at) => {
                    let n = match g.p.types.under(at) {
                        TypeKind::Array(_, n) => *n,
                        _ => 0,
                    };
                    g.emit(Op::Const { dst, val: n });
                }
                _ => {
                    let r = g.expr(x);
                    let off = if b == Builtin::Len { 8 } else { 16 };
                    g.emit(Op::Move { dst, src: r + off });
                }
            }
        }
        Builtin::New => {
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
        Builtin::Make => match (g.p.types.under(t).clone(), stack_make_of(g, e, args, t)) {
            (TypeKind::Slice(_), Some((len, cap, size, ptr_words))) => {
                // A non-escaping make with a constant size: the backing array is a frame
                // object (zeroed each time the make runs), as gc places it on the stack.
                let l = crate::layout::Layout {
                    size,
                    align: 8,
                    ptr_words,
                };
                let slot = g.f().alloc_slot(&l);
                g.emit(Op::Zero {
                    dst: slot,
                    size: size.max(8) as u32,
                });
                g.emit(Op::AddrLocal { dst, src: slot });
                g.emit(Op::Const {
                    dst: dst + 8,
                    val: len,
                });
                g.emit(Op::Const {
                    dst: dst + 16,
                    val: cap,
                });
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
        },
        Builtin::Close => {
            let Some(x) = args.first() else { return };
            let c = g.expr(x);
            g.fs().f.cur_pos = e.span.lo;
            g.emit(Op::ChanClose { ch: c });
        }
        Builtin::Append => {
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
                        let buf = append_buf(g, e, et);
                        g.emit(Op::Append {
                            dst,
                            s: keep,
                            src: v,
                            n: 0,
                            elem_size,
                            gcty,
                            spread: true,
                            buf,
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
                    ptr_words: ptrs,
                }
            };
            let stride = crate::layout::round_up(elem_size as u64, 8) as u32;
            let arr = g.f().temp(&arr_l);
            for (i, a) in rest.iter().enumerate() {
                g.expr_conv_to(a, et, arr + stride * i as u32);
            }
            let buf = append_buf(g, e, et);
            g.emit(Op::Append {
                dst,
                s: keep,
                src: arr,
                n: rest.len() as u32,
                elem_size,
                gcty,
                spread: false,
                buf,
            });
        }
        Builtin::Copy => {
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
        Builtin::Delete => {
            let (Some(m), Some(k)) = (args.first(), args.get(1)) else {
                return;
            };
            let kt = match g.p.types.under(g.type_of(m.id)) {
                TypeKind::Map(k, _) => *k,
                _ => types::T_INVALID,
            };
            let mr = g.expr(m);
            let mk = g.temp_word(true);
            g.emit(Op::Move { dst: mk, src: mr });
            let kr = g.expr_conv(k, kt);
            g.emit(Op::MapDelete { m: mk, key: kr });
        }
        Builtin::Clear => {
            let Some(x) = args.first() else { return };
            let xt = g.type_of(x.id);
            let r = g.expr(x);
            match g.p.types.under(xt).clone() {
                TypeKind::Map(..) => {
                    g.emit(Op::MapClear { m: r });
                }
                TypeKind::Slice(et) => {
                    let elem_size = g.size(et);
                    g.emit(Op::ClearSlice { s: r, elem_size });
                }
                _ => {}
            }
        }
        Builtin::Panic => {
            let Some(x) = args.first() else { return };
            let v = g.expr_conv(x, types::T_ANY);
            g.fs().f.cur_pos = e.span.lo;
            g.emit(Op::Panic { val: v });
        }
        Builtin::Recover => {
            let d = if dst == NONE {
                g.temp(types::T_ANY)
            } else {
                dst
            };
            g.emit(Op::Recover { dst: d });
        }
        Builtin::Print | Builtin::Println => {
            let ln = b == Builtin::Println;
            let n = args.len();
            for (i, a) in args.iter().enumerate() {
                let at = g.default_type(g.type_of(a.id));
                let r = g.expr(a);
                let mut flags = 0;
                if ln && i > 0 {
                    flags |= 1;
                }
                if ln && i + 1 == n {
                    flags |= 2;
                }
                g.emit(Op::Print {
                    src: r,
                    rtype: at.0,
                    flags,
                });
            }
            if ln && n == 0 {
                g.emit(Op::Print {
                    src: 0,
                    rtype: u32::MAX,
                    flags: 2,
                });
            }
        }
        Builtin::Min | Builtin::Max => {
            let mut first = true;
            let k = g.p.types.basic(t).unwrap_or(BasicKind::Int);
            for a in args {
                let v = g.expr_conv(a, t);
                if first {
                    g.mov(dst, v, t);
                    first = false;
                    continue;
                }
                if matches!(
                    k,
                    BasicKind::Float64 | BasicKind::Float32 | BasicKind::UntypedFloat
                ) {
                    let f32 = k == BasicKind::Float32;
                    g.emit(Op::FMinMax {
                        dst,
                        a: dst,
                        b: v,
                        max: b == Builtin::Max,
                        f32,
                    });
                    continue;
                }
                let c = g.temp(types::T_BOOL);
                let op = if b == Builtin::Min {
                    CmpOp::Lt
                } else {
                    CmpOp::Gt
                };
                match k {
                    BasicKind::String => g.emit(Op::CmpStr {
                        op,
                        dst: c,
                        a: v,
                        b: dst,
                    }),
                    BasicKind::Float64 => g.emit(Op::CmpF64 {
                        op,
                        dst: c,
                        a: v,
                        b: dst,
                    }),
                    BasicKind::Float32 => g.emit(Op::CmpF32 {
                        op,
                        dst: c,
                        a: v,
                        b: dst,
                    }),
                    k if k.is_unsigned() => {
                        let op = if b == Builtin::Min {
                            CmpOp::LtU
                        } else {
                            CmpOp::GtU
                        };
                        g.emit(Op::Cmp {
                            op,
                            dst: c,
                            a: v,
                            b: dst,
                        })
                    }
                    _ => g.emit(Op::Cmp {
                        op,
                        dst: c,
                        a: v,
                        b: dst,
                    }),
                };
                let skip = g.f().new_label();
                g.f().emit_jump(Op::JmpIfNot { cond: c, target: 0 }, skip);
                g.mov(dst, v, t);
                g.f().bind(skip);
            }
        }
        Builtin::Add
        | Builtin::Slice
        | Builtin::String
        | Builtin::StringData
        | Builtin::SliceData => crate::unsafe_fns::unsafe_builtin(g, b, e, args, dst),
        _ => {
            g.err(e.span, "gosub: this builtin is not supported yet");
        }
    }
}

/// For `make([]T, n[, m])` that escape analysis keeps on the stack and whose sizes are
/// constants within gc's 64 KiB implicit-stack limit: (len, cap, bytes, pointer words).
/// The 32-byte frame buffer gc gives an `append` whose result does not escape (gc's
/// tmpBuf): a dedicated slot typed by the element's pointer words, or NONE.
fn append_buf(g: &mut Gen, e: &Expr, et: TypeId) -> Reg {
    if !g
        .esc
        .as_ref()
        .is_some_and(|x| x.stack_allocs.contains(&e.id))
    {
        return NONE;
    }
    let el = g.layout(et);
    if el.size == 0
        || el.size > 32
        || !el.size.is_multiple_of(el.align.max(1))
        || (!el.ptr_words.is_empty() && !el.size.is_multiple_of(8))
    {
        return NONE;
    }
    let n = 32 / el.size;
    let words = el.size.div_ceil(8);
    let mut ptr_words = Vec::new();
    for i in 0..n {
        for w in &el.ptr_words {
            ptr_words.push((i * words) as u32 + w);
        }
    }
    let l = crate::layout::Layout {
        size: 32,
        align: 8,
        ptr_words,
    };
    g.f().alloc_slot(&l)
}

fn stack_make_of(
    g: &mut Gen,
    e: &Expr,
    args: &[Expr],
    t: TypeId,
) -> Option<(u64, u64, u64, Vec<u32>)> {
    let TypeKind::Slice(et) = g.p.types.under(t).clone() else {
        return None;
    };
    let el = g.layout(et);
    stack_make(g, e, args, &el)
}

fn stack_make(g: &Gen, e: &Expr, args: &[Expr], el: &Layout) -> Option<(u64, u64, u64, Vec<u32>)> {
    if !g
        .esc
        .as_ref()
        .is_some_and(|x| x.stack_allocs.contains(&e.id))
    {
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
    let size = el.size.checked_mul(cap)?;
    if size == 0 || size > 64 << 10 {
        return None;
    }
    let words = el.size.div_ceil(8);
    let mut ptr_words = Vec::new();
    if !el.ptr_words.is_empty() {
        if el.size % 8 != 0 {
            return None;
        }
        for i in 0..cap {
            for w in &el.ptr_words {
                ptr_words.push((i * words) as u32 + w);
            }
        }
    }
    Some((len, cap, size, ptr_words))
}

fn n_of(_g: &Gen, _t: TypeId, n: u64) -> u64 {
    n
}
