//! Go's predeclared functions: len, cap, append, copy, delete, make, new, panic, recover,
//! print, println, min, max, clear (and unsafe.Sizeof & co., folded to constants by the
//! checker).

use crate::append::{append, copy};
use crate::bytecode::{CmpOp, Op, Reg};
use crate::gen::{Gen, NONE};
use crate::make::{make, new_object};
use gosub_syntax::ast::Expr;
use gosub_types::{self as types, BasicKind, Builtin, TypeId, TypeKind};

/// A call of a builtin: which one, the call expression, its arguments, the destination
/// register, the call's result type and whether the last argument is spread (`x...`).
#[derive(Clone, Copy)]
pub(crate) struct BuiltinCall<'a> {
    pub b: Builtin,
    pub e: &'a Expr,
    pub args: &'a [Expr],
    pub dst: Reg,
    pub t: TypeId,
    pub ellipsis: bool,
}

pub fn builtin<'a>(g: &mut Gen<'a>, b: Builtin, e: &'a Expr, args: &'a [Expr], dst: Reg) {
    let c = BuiltinCall {
        b,
        e,
        args,
        dst,
        t: g.type_of(e.id),
        ellipsis: matches!(
            e.kind,
            gosub_syntax::ast::ExprKind::Call { ellipsis: true, .. }
        ),
    };
    match b {
        Builtin::Len | Builtin::Cap => len_cap(g, c),
        Builtin::New => new_object(g, c),
        Builtin::Make => make(g, c),
        Builtin::Close => close(g, c),
        Builtin::Append => append(g, c),
        Builtin::Copy => copy(g, c),
        Builtin::Delete => delete(g, c),
        Builtin::Clear => clear(g, c),
        Builtin::Panic => panic(g, c),
        Builtin::Recover => recover(g, c),
        Builtin::Print | Builtin::Println => print(g, c),
        Builtin::Min | Builtin::Max => min_max(g, c),
        Builtin::Complex => crate::complex::complex(g, c),
        Builtin::Real | Builtin::Imag => crate::complex::real_imag(g, c),
        Builtin::Add
        | Builtin::Slice
        | Builtin::String
        | Builtin::StringData
        | Builtin::SliceData => crate::unsafe_fns::unsafe_builtin(g, b, e, args, dst),
        Builtin::PanicRangeState => g.panic_range_state(c),
        Builtin::DeferRangeFunc => g.defer_range_func(c),
        _ => {
            g.err(e.span, "gosub: this builtin is not supported yet");
        }
    }
}

/// `len(x)` and `cap(x)` (constant ones are folded by the checker).
fn len_cap<'a>(g: &mut Gen<'a>, c: BuiltinCall<'a>) {
    let BuiltinCall { b, args, dst, .. } = c;
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
        // Not a constant (the checker folds the others): the operand has a call or a
        // receive, which must run (spec, "Length and capacity"); a nil array pointer is fine.
        TypeKind::Array(_, n) => {
            g.expr(x);
            g.emit(Op::Const { dst, val: n });
        }
        TypeKind::Pointer(at) => {
            let n = match g.p.types.under(at) {
                TypeKind::Array(_, n) => *n,
                _ => 0,
            };
            g.expr(x);
            g.emit(Op::Const { dst, val: n });
        }
        _ => {
            let r = g.expr(x);
            let off = if b == Builtin::Len { 8 } else { 16 };
            g.emit(Op::Move { dst, src: r + off });
        }
    }
}

/// `close(ch)`.
fn close<'a>(g: &mut Gen<'a>, c: BuiltinCall<'a>) {
    let BuiltinCall { e, args, .. } = c;
    let Some(x) = args.first() else { return };
    let c = g.expr(x);
    g.fs().f.cur_pos = e.span.lo;
    g.emit(Op::ChanClose { ch: c });
}

/// `delete(m, k)`.
fn delete<'a>(g: &mut Gen<'a>, c: BuiltinCall<'a>) {
    let BuiltinCall { args, .. } = c;
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

/// `clear(m)` and `clear(s)`.
fn clear<'a>(g: &mut Gen<'a>, c: BuiltinCall<'a>) {
    let BuiltinCall { args, .. } = c;
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

/// `panic(v)`.
fn panic<'a>(g: &mut Gen<'a>, c: BuiltinCall<'a>) {
    let BuiltinCall { e, args, .. } = c;
    let Some(x) = args.first() else { return };
    let v = g.expr_conv(x, types::T_ANY);
    g.fs().f.cur_pos = e.span.lo;
    g.emit(Op::Panic { val: v });
}

/// `recover()`.
fn recover<'a>(g: &mut Gen<'a>, c: BuiltinCall<'a>) {
    let BuiltinCall { dst, .. } = c;
    let d = if dst == NONE {
        g.temp(types::T_ANY)
    } else {
        dst
    };
    g.emit(Op::Recover { dst: d });
}

/// `print` and `println` (to standard error, in the runtime's own format).
fn print<'a>(g: &mut Gen<'a>, c: BuiltinCall<'a>) {
    let BuiltinCall { b, args, .. } = c;
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

/// `min` and `max` (Go's NaN and signed-zero rules for floats).
fn min_max<'a>(g: &mut Gen<'a>, c: BuiltinCall<'a>) {
    let BuiltinCall {
        b, args, dst, t, ..
    } = c;
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
