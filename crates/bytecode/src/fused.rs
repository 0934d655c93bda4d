//! Fused instructions (superinstructions): a short sequence as one dispatch instead of
//! several. A counted loop's increment and its back edge, `i += k; if i < n { goto top }`
//! (every Go loop over a range or a counter ends this way); `acc += a * b` on float64s
//! (`MulAddF64`); a word in memory incremented in place, `*p += x`, `s.f++` (`AddToMem`,
//! `AddImmToMem`); two of the commonest instructions in a row (`Load2`, `Store2`,
//! `LoadElem2`, `StoreElem2`, `SliceElemAddr2`, `AddIntImm2`, `Move2`, `AddAddImm`, `MulIntImm`,
//! `ConvDivF64`, `F64Pair`, `MoveRet`, `IntRet`, `AddImmCall`, `MoveJmp`, `F64JmpNot`,
//! `F64Store`: `pair_halves`); two increments and a loop's back edge (`Inc2JmpLt`); an
//! element store and a loop's step and back edge (`StoreAddJmpLe`). A back edge also takes
//! the instruction it lands on when that is the element load of a range loop's head
//! (`IncLoadJmpLt`, `at_target`): one dispatch per iteration fewer.
//!
//! A fused instruction at index `k` replaces the first instruction of its sequence only:
//! the rest (its *tail*) stays at `k + 1`, `k + 2`, untouched. Executing the fused
//! instruction does the whole sequence in order and, unless it jumps, continues after the
//! tail; a jump elsewhere that lands inside the tail runs the rest alone, as before. A fault
//! in a tail instruction is reported at that instruction's index.
//!
//! Invariants:
//! - `op.generic()` of a fused instruction is its first instruction, so every pass that
//!   reasons about instructions (effects, liveness, verification) sees exactly the unfused
//!   code. The tail's operands (a jump's target) are the fused instruction's too (`tail`),
//!   which verification checks (`gosub_vm::verify`): the interpreter may then trust them as
//!   it trusts the tail's.
//! - The compiler fuses as its very last step (`fuse_code`, after `specialize_code`);
//!   nothing moves or renumbers instructions afterwards. No instruction belongs to two
//!   fused sequences. The instruction a fused back edge also runs at its target
//!   (`at_target`) is not part of the back edge's sequence: it stays, and runs alone
//!   (or as the tail of a pair) when reached otherwise; verification checks it is there.

use crate::bytecode::{FloatOp, IntOp, Op};
use crate::operations::{Conv as ConvKind, Width};

/// The increment a fused instruction stands for (its generic form).
pub fn first_half(op: &Op) -> Option<Op> {
    use Op::*;
    Some(match *op {
        IncJmpLt { i, imm, .. }
        | IncJmpLe { i, imm, .. }
        | IncJmpLtImm { i, imm, .. }
        | IncLoadJmpLt(i, imm, ..) => IntImm {
            op: IntOp::Add,
            dst: i,
            a: i,
            imm: imm as i64,
        },
        AddJmpLe { i, step, .. } | AddJmpLt { i, step, .. } => Int {
            op: IntOp::Add,
            dst: i,
            a: i,
            b: step,
        },
        MulAddF64 { t, a, b, .. } => F64 {
            op: FloatOp::Mul,
            dst: t,
            a,
            b,
        },
        Inc2JmpLt(i, m, ..) => IntImm {
            op: IntOp::Add,
            dst: i,
            a: i,
            imm: m as i64,
        },
        StoreAddJmpLe(s, i, src, w, ..) => StoreElem { s, i, src, w },
        AddToMem { t1, ptr, off, .. } | AddImmToMem { t1, ptr, off, .. } => Load {
            dst: t1,
            ptr,
            off,
            w: Width::W64,
        },
        _ => {
            let (first, _) = pair_halves(op)?;
            return Some(first.generic().unwrap_or(first));
        }
    })
}

/// The two instructions a fused pair (`Load2`, ..., `AddImmCall`) stands for, as the
/// compiler leaves them (specialised); None for anything else. This is the pairs' one
/// definition (bytecode.rs declares them without restating it).
pub fn pair_halves(op: &Op) -> Option<(Op, Op)> {
    use Op::*;
    let w = Width::W64;
    let load = |dst, ptr, off| Load { dst, ptr, off, w };
    let store = |ptr, off, src| Store { ptr, off, src, w };
    let elem = |dst, s, i| LoadElem { dst, s, i, w };
    let put = |s, i, src| StoreElem { s, i, src, w };
    let addr = |dst, s, i, size| SliceElemAddr { dst, s, i, size };
    let inc = |dst, a, imm: i32| AddIntImm {
        dst,
        a,
        imm: imm as i64,
    };
    let f64_op = |op, dst, a, b| {
        let op = F64 { op, dst, a, b };
        crate::specialized::specialize(&op).unwrap_or(op)
    };
    Some(match *op {
        Load2(d1, p1, o1, d2, p2, o2) => (load(d1, p1, o1), load(d2, p2, o2)),
        Store2(p1, o1, s1, p2, o2, s2) => (store(p1, o1, s1), store(p2, o2, s2)),
        LoadElem2(d1, s1, i1, d2, s2, i2) => (elem(d1, s1, i1), elem(d2, s2, i2)),
        StoreElem2(s1, i1, v1, s2, i2, v2) => (put(s1, i1, v1), put(s2, i2, v2)),
        SliceElemAddr2(d1, s1, i1, z1, d2, s2, i2, z2) => {
            (addr(d1, s1, i1, z1.into()), addr(d2, s2, i2, z2.into()))
        }
        AddIntImm2(d1, a1, m1, d2, a2, m2) => (inc(d1, a1, m1), inc(d2, a2, m2)),
        Move2(d1, s1, d2, s2) => (Move { dst: d1, src: s1 }, Move { dst: d2, src: s2 }),
        AddAddImm(d1, a, b, d2, x, m) => (AddInt { dst: d1, a, b }, inc(d2, x, m)),
        MulIntImm(d1, a, b, op, d2, x, m) => (
            MulInt { dst: d1, a, b },
            IntImm {
                op,
                dst: d2,
                a: x,
                imm: m as i64,
            },
        ),
        ConvDivF64(d1, a, d2, x, y) => (
            Conv {
                conv: ConvKind::IntToF64,
                dst: d1,
                a,
            },
            DivF64 {
                dst: d2,
                a: x,
                b: y,
            },
        ),
        F64Pair(o1, d1, a, b, o2, d2, x, y) => (f64_op(o1, d1, a, b), f64_op(o2, d2, x, y)),
        MoveRet(dst, src) => (Move { dst, src }, Ret),
        IntRet(op, dst, a, b) => {
            let op = Int { op, dst, a, b };
            (crate::specialized::specialize(&op).unwrap_or(op), Ret)
        }
        AddImmCall(dst, a, m, func, base) => (inc(dst, a, m), CallInPlace { func, base }),
        MulAddF64 { t, a, b, d, x, y } => (MulF64 { dst: t, a, b }, AddF64 { dst: d, a: x, b: y }),
        MoveJmp(dst, src, target) => (Move { dst, src }, Jmp { target }),
        F64JmpNot(o, d, a, b, cmp, x, y, target) => {
            let jump = JmpCmpF64Not {
                op: cmp,
                a: x,
                b: y,
                target,
            };
            let jump = crate::specialized::specialize(&jump).unwrap_or(jump);
            (f64_op(o, d, a, b), jump)
        }
        F64Store(o, d, a, b, ptr, off) => (f64_op(o, d, a, b), store(ptr, off, d)),
        _ => return None,
    })
}

/// The fused pair standing for the specialised instructions `(a, b)` in that order, if
/// there is one (`pair_halves` is its inverse).
fn pair(a: &Op, b: &Op) -> Option<Op> {
    use Op::*;
    use Width::W64;
    let imm32 = |m: i64| i32::try_from(m).ok();
    let size16 = |z: u32| u16::try_from(z).ok();
    Some(match (a.clone(), b.clone()) {
        (
            Load {
                dst: d1,
                ptr: p1,
                off: o1,
                w: W64,
            },
            Load {
                dst: d2,
                ptr: p2,
                off: o2,
                w: W64,
            },
        ) => Load2(d1, p1, o1, d2, p2, o2),
        (
            Store {
                ptr: p1,
                off: o1,
                src: s1,
                w: W64,
            },
            Store {
                ptr: p2,
                off: o2,
                src: s2,
                w: W64,
            },
        ) => Store2(p1, o1, s1, p2, o2, s2),
        (
            LoadElem {
                dst: d1,
                s: s1,
                i: i1,
                w: W64,
            },
            LoadElem {
                dst: d2,
                s: s2,
                i: i2,
                w: W64,
            },
        ) => LoadElem2(d1, s1, i1, d2, s2, i2),
        (
            StoreElem {
                s: s1,
                i: i1,
                src: v1,
                w: W64,
            },
            StoreElem {
                s: s2,
                i: i2,
                src: v2,
                w: W64,
            },
        ) => StoreElem2(s1, i1, v1, s2, i2, v2),
        (
            SliceElemAddr {
                dst: d1,
                s: s1,
                i: i1,
                size: z1,
            },
            SliceElemAddr {
                dst: d2,
                s: s2,
                i: i2,
                size: z2,
            },
        ) => SliceElemAddr2(d1, s1, i1, size16(z1)?, d2, s2, i2, size16(z2)?),
        (
            AddIntImm {
                dst: d1,
                a: a1,
                imm: m1,
            },
            AddIntImm {
                dst: d2,
                a: a2,
                imm: m2,
            },
        ) => AddIntImm2(d1, a1, imm32(m1)?, d2, a2, imm32(m2)?),
        (Move { dst: d1, src: s1 }, Move { dst: d2, src: s2 }) => Move2(d1, s1, d2, s2),
        (AddInt { dst: d1, a, b }, AddIntImm { dst: d2, a: x, imm }) => {
            AddAddImm(d1, a, b, d2, x, imm32(imm)?)
        }
        (MulF64 { dst: t, a, b }, AddF64 { dst: d, a: x, b: y }) => MulAddF64 { t, a, b, d, x, y },
        (
            MulInt { dst: d1, a, b },
            IntImm {
                op,
                dst: d2,
                a: x,
                imm,
            },
        ) => MulIntImm(d1, a, b, op, d2, x, imm32(imm)?),
        (
            Conv {
                conv: ConvKind::IntToF64,
                dst: d1,
                a,
            },
            DivF64 {
                dst: d2,
                a: x,
                b: y,
            },
        ) => ConvDivF64(d1, a, d2, x, y),
        (Move { dst, src }, Ret) => MoveRet(dst, src),
        (AddInt { .. } | SubInt { .. } | MulInt { .. } | Int { .. }, Ret) => match a.generic() {
            Some(Int { op, dst, a, b }) => IntRet(op, dst, a, b),
            _ => match *a {
                Int { op, dst, a, b } => IntRet(op, dst, a, b),
                _ => return None,
            },
        },
        (AddIntImm { dst, a, imm }, CallInPlace { func, base }) => {
            AddImmCall(dst, a, imm32(imm)?, func, base)
        }
        (Move { dst, src }, Jmp { target }) => MoveJmp(dst, src, target),
        (
            AddF64 { .. } | SubF64 { .. } | MulF64 { .. } | DivF64 { .. },
            JmpNotLtF64 { .. }
            | JmpNotLeF64 { .. }
            | JmpNotGtF64 { .. }
            | JmpNotGeF64 { .. }
            | JmpCmpF64Not { .. },
        ) => match (a.generic()?, b.generic().unwrap_or(b.clone())) {
            (
                F64 { op, dst, a, b },
                JmpCmpF64Not {
                    op: cmp,
                    a: x,
                    b: y,
                    target,
                },
            ) => F64JmpNot(op, dst, a, b, cmp, x, y, target),
            _ => return None,
        },
        (
            AddF64 { .. } | SubF64 { .. } | MulF64 { .. } | DivF64 { .. },
            Store {
                ptr,
                off,
                src,
                w: W64,
            },
        ) => match a.generic()? {
            F64 { op, dst, a, b } if src == dst => F64Store(op, dst, a, b, ptr, off),
            _ => return None,
        },
        (
            AddF64 { .. } | SubF64 { .. } | MulF64 { .. } | DivF64 { .. },
            AddF64 { .. } | SubF64 { .. } | MulF64 { .. } | DivF64 { .. },
        ) => match (a.generic()?, b.generic()?) {
            (
                F64 {
                    op: o1,
                    dst: d1,
                    a: x1,
                    b: y1,
                },
                F64 {
                    op: o2,
                    dst: d2,
                    a: x2,
                    b: y2,
                },
            ) => F64Pair(o1, d1, x1, y1, o2, d2, x2, y2),
            _ => return None,
        },
        _ => return None,
    })
}

/// The instructions a fused instruction requires after it, in order (specialised, as the
/// compiler leaves them); empty for an instruction that is not fused.
pub fn tail(op: &Op) -> Vec<Op> {
    use Op::*;
    let store = |ptr, off, src| Store {
        ptr,
        off,
        src,
        w: Width::W64,
    };
    match *op {
        AddToMem {
            t1,
            t2,
            ptr,
            off,
            x,
        } => vec![
            AddInt {
                dst: t2,
                a: t1,
                b: x,
            },
            store(ptr, off, t2),
        ],
        AddImmToMem {
            t1,
            t2,
            ptr,
            off,
            imm,
        } => vec![
            AddIntImm {
                dst: t2,
                a: t1,
                imm,
            },
            store(ptr, off, t2),
        ],
        StoreAddJmpLe(_, _, _, _, j, step, n, target) => vec![
            AddInt {
                dst: j,
                a: j,
                b: step,
            },
            JmpLe { a: j, b: n, target },
        ],
        Inc2JmpLt(_, _, j, n, a, b, target) => vec![
            AddIntImm {
                dst: j,
                a: j,
                imm: n as i64,
            },
            JmpLt { a, b, target },
        ],
        _ => match pair_halves(op) {
            Some((_, second)) => vec![second],
            None => second_half(op).into_iter().collect(),
        },
    }
}

/// The jump a fused instruction requires at the next index (specialised, as the compiler
/// leaves it).
pub fn second_half(op: &Op) -> Option<Op> {
    use Op::*;
    Some(match *op {
        IncJmpLt { i, n, target, .. }
        | AddJmpLt { i, n, target, .. }
        | IncLoadJmpLt(i, _, n, target, ..) => JmpLt { a: i, b: n, target },
        IncJmpLe { i, n, target, .. } | AddJmpLe { i, n, target, .. } => {
            JmpLe { a: i, b: n, target }
        }
        IncJmpLtImm {
            i, bound, target, ..
        } => JmpLtImm {
            a: i,
            imm: bound,
            target,
        },
        _ => return None,
    })
}

/// The fused form of the specialised pair `(a, b)`, if there is one.
fn fuse(a: &Op, b: &Op) -> Option<Op> {
    use Op::*;
    let f = match (a, b) {
        (&AddIntImm { dst, a, imm }, &JmpLt { a: c, b: n, target }) if dst == a && c == a => {
            IncJmpLt {
                i: a,
                n,
                imm: i32::try_from(imm).ok()?,
                target,
            }
        }
        (&AddIntImm { dst, a, imm }, &JmpLe { a: c, b: n, target }) if dst == a && c == a => {
            IncJmpLe {
                i: a,
                n,
                imm: i32::try_from(imm).ok()?,
                target,
            }
        }
        (
            &AddIntImm { dst, a, imm },
            &JmpLtImm {
                a: c,
                imm: bound,
                target,
            },
        ) if dst == a && c == a => IncJmpLtImm {
            i: a,
            imm: i32::try_from(imm).ok()?,
            bound,
            target,
        },
        (&AddInt { dst, a, b: step }, &JmpLe { a: c, b: n, target }) if dst == a && c == a => {
            AddJmpLe {
                i: a,
                step,
                n,
                target,
            }
        }
        (&AddInt { dst, a, b: step }, &JmpLt { a: c, b: n, target }) if dst == a && c == a => {
            AddJmpLt {
                i: a,
                step,
                n,
                target,
            }
        }
        _ => return None,
    };
    // (`second_half` of the result is `b` by construction.)
    Some(f)
}

/// The fused form of the specialised triple `(a, b, c)`, if there is one.
fn fuse3(a: &Op, b: &Op, c: &Op) -> Option<Op> {
    use Op::*;
    if let (
        &AddIntImm {
            dst: i,
            a: i1,
            imm: m,
        },
        &AddIntImm {
            dst: j,
            a: j1,
            imm: n,
        },
        &JmpLt { a: x, b: y, target },
    ) = (a, b, c)
    {
        return (i == i1 && j == j1).then_some(Inc2JmpLt(
            i,
            i32::try_from(m).ok()?,
            j,
            i32::try_from(n).ok()?,
            x,
            y,
            target,
        ));
    }
    if let (
        &StoreElem { s, i, src, w },
        &AddInt {
            dst: j,
            a: j1,
            b: step,
        },
        &JmpLe { a: x, b: n, target },
    ) = (a, b, c)
    {
        // (`j` the loop's own counter, not also its step or bound; bytes and words only,
        // the widths the interpreter's inner loop stores with a constant width.)
        let narrow = matches!(w, Width::U8 | Width::I8 | Width::W64);
        let ok = j == j1 && x == j && step != j && n != j && narrow;
        return ok.then_some(StoreAddJmpLe(s, i, src, w, j, step, n, target));
    }
    let &Load {
        dst: t1,
        ptr,
        off,
        w: Width::W64,
    } = a
    else {
        return None;
    };
    let &Store {
        ptr: p2,
        off: o2,
        src,
        w: Width::W64,
    } = c
    else {
        return None;
    };
    // The address is computed once: the registers written on the way must not be `ptr`.
    let same_place = p2 == ptr && o2 == off;
    Some(match *b {
        AddInt {
            dst: t2,
            a: x1,
            b: x,
        } if same_place && x1 == t1 && src == t2 && t1 != ptr && t2 != ptr => AddToMem {
            t1,
            t2,
            ptr,
            off,
            x,
        },
        AddIntImm {
            dst: t2,
            a: x1,
            imm,
        } if same_place && x1 == t1 && src == t2 && t1 != ptr && t2 != ptr => AddImmToMem {
            t1,
            t2,
            ptr,
            off,
            imm,
        },
        _ => return None,
    })
}

/// The instruction a fused back edge also runs when it jumps, which must stand at its
/// target (`IncLoadJmpLt`: the element load of a range loop's head); None for the others.
pub fn at_target(op: &Op) -> Option<Op> {
    match *op {
        Op::IncLoadJmpLt(i, _, _, _, dst, s) => Some(Op::LoadElem {
            dst,
            s,
            i,
            w: Width::W64,
        }),
        _ => None,
    }
}

/// `IncJmpLt` as `IncLoadJmpLt` when its target is a word load of the element at its
/// counter (`at_target`).
fn with_target(op: &Op, code: &[Op]) -> Option<Op> {
    let Op::IncJmpLt { i, n, imm, target } = *op else {
        return None;
    };
    match code.get(target as usize)? {
        &Op::LoadElem {
            dst,
            s,
            i: j,
            w: Width::W64,
        } if j == i => Some(Op::IncLoadJmpLt(i, imm, n, target, dst, s)),
        _ => None,
    }
}

/// Fuses every sequence that has a fused form, each instruction into at most one.
pub fn fuse_code(code: &mut [Op]) {
    // Instructions jumped to: `Inc2JmpLt` does not take an increment a jump lands on (a
    // `continue` lands on a loop's post statement), which would leave that path two
    // dispatches where the back edge with its own increment (`IncJmpLt`) costs one.
    let targets: std::collections::HashSet<u32> = code.iter().filter_map(Op::jump_target).collect();
    let mut k = 0;
    while k + 1 < code.len() {
        let f = code
            .get(k + 2)
            .filter(|_| !targets.contains(&(k as u32 + 1)))
            .and_then(|c| fuse3(&code[k], &code[k + 1], c))
            .or_else(|| fuse(&code[k], &code[k + 1]))
            .or_else(|| {
                // A pair does not take the increment of a loop's back edge (`fuse`).
                let edge = code.get(k + 2).and_then(|c| fuse(&code[k + 1], c));
                edge.is_none()
                    .then(|| pair(&code[k], &code[k + 1]))
                    .flatten()
            });
        match f {
            Some(f) => {
                let n = tail(&f).len();
                code[k] = f;
                k += 1 + n;
            }
            None => k += 1,
        }
    }
    for k in 0..code.len() {
        if let Some(f) = with_target(&code[k], code) {
            code[k] = f;
        }
    }
}

#[cfg(test)]
#[path = "fused_tests.rs"]
mod tests;
