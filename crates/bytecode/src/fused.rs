//! Fused instructions (superinstructions): a short sequence as one dispatch instead of
//! several. A counted loop's increment and its back edge, `i += k; if i < n { goto top }`
//! (every Go loop over a range or a counter ends this way); `acc += a * b` on float64s
//! (`MulAddF64`); a word in memory incremented in place, `*p += x`, `s.f++` (`AddToMem`,
//! `AddImmToMem`).
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
//!   fused sequences.

use crate::bytecode::{FloatOp, IntOp, Op};
use crate::operations::Width;

/// The increment a fused instruction stands for (its generic form).
pub fn first_half(op: &Op) -> Option<Op> {
    use Op::*;
    Some(match *op {
        IncJmpLt { i, imm, .. } | IncJmpLe { i, imm, .. } | IncJmpLtImm { i, imm, .. } => IntImm {
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
        AddToMem { t1, ptr, off, .. } | AddImmToMem { t1, ptr, off, .. } => Load {
            dst: t1,
            ptr,
            off,
            w: Width::W64,
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
        MulAddF64 { d, x, y, .. } => vec![AddF64 { dst: d, a: x, b: y }],
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
        _ => second_half(op).into_iter().collect(),
    }
}

/// The jump a fused instruction requires at the next index (specialised, as the compiler
/// leaves it).
pub fn second_half(op: &Op) -> Option<Op> {
    use Op::*;
    Some(match *op {
        IncJmpLt { i, n, target, .. } | AddJmpLt { i, n, target, .. } => {
            JmpLt { a: i, b: n, target }
        }
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

/// Fuses every sequence that has a fused form, each instruction into at most one.
pub fn fuse_code(code: &mut [Op]) {
    let mut k = 0;
    while k + 1 < code.len() {
        let f = code
            .get(k + 2)
            .and_then(|c| fuse3(&code[k], &code[k + 1], c))
            .or_else(|| fuse(&code[k], &code[k + 1]))
            .or_else(|| match (&code[k], &code[k + 1]) {
                (&Op::MulF64 { dst: t, a, b }, &Op::AddF64 { dst: d, a: x, b: y }) => {
                    Some(Op::MulAddF64 { t, a, b, d, x, y })
                }
                _ => None,
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fused_pair_keeps_its_jump_and_means_its_increment() {
        let mut code = vec![
            Op::AddIntImm {
                dst: 8,
                a: 8,
                imm: 1,
            },
            Op::JmpLt {
                a: 8,
                b: 16,
                target: 0,
            },
            Op::AddInt {
                dst: 8,
                a: 24,
                b: 32,
            },
            Op::JmpLe {
                a: 8,
                b: 16,
                target: 0,
            },
        ];
        let unfused = code.clone();
        fuse_code(&mut code);
        assert!(matches!(
            code[0],
            Op::IncJmpLt {
                i: 8,
                n: 16,
                imm: 1,
                target: 0
            }
        ));
        assert_eq!(code[1], unfused[1], "the jump stays");
        assert_eq!(second_half(&code[0]).as_ref(), Some(&unfused[1]));
        assert_eq!(code[0].generic(), unfused[0].generic());
        // `dst != a`: not a loop counter's increment.
        assert_eq!(code[2], unfused[2]);
        // A constant bound; a step that does not fit the fused form's 32 bits.
        let pair = |imm| {
            let mut c = vec![
                Op::AddIntImm { dst: 8, a: 8, imm },
                Op::JmpLtImm {
                    a: 8,
                    imm: 1 << 40,
                    target: 0,
                },
            ];
            fuse_code(&mut c);
            c
        };
        let c = pair(-2);
        assert!(matches!(
            c[0],
            Op::IncJmpLtImm {
                i: 8,
                imm: -2,
                bound: 0x100_0000_0000,
                target: 0
            }
        ));
        assert_eq!(
            c[0].generic(),
            Op::AddIntImm {
                dst: 8,
                a: 8,
                imm: -2
            }
            .generic()
        );
        assert!(matches!(pair(1 << 33)[0], Op::AddIntImm { .. }));
    }

    #[test]
    fn an_increment_in_memory_is_one_dispatch_and_keeps_its_tail() {
        let load = Op::Load {
            dst: 16,
            ptr: 0,
            off: 8,
            w: Width::W64,
        };
        let add = Op::AddIntImm {
            dst: 24,
            a: 16,
            imm: 1,
        };
        let store = Op::Store {
            ptr: 0,
            off: 8,
            src: 24,
            w: Width::W64,
        };
        let mut code = vec![load.clone(), add.clone(), store.clone()];
        fuse_code(&mut code);
        assert!(matches!(
            code[0],
            Op::AddImmToMem {
                t1: 16,
                t2: 24,
                ptr: 0,
                off: 8,
                imm: 1
            }
        ));
        assert_eq!(code[1..], [add.clone(), store.clone()], "the tail stays");
        assert_eq!(tail(&code[0]), code[1..].to_vec());
        assert_eq!(code[0].generic(), Some(load.clone()));
        // Not the same word, or the address register overwritten on the way: not fused.
        let other = Op::Store {
            ptr: 0,
            off: 0,
            src: 24,
            w: Width::W64,
        };
        let mut code = vec![load.clone(), add.clone(), other];
        fuse_code(&mut code);
        assert_eq!(code[0], load);
        let clobber = Op::Load {
            dst: 0,
            ptr: 0,
            off: 8,
            w: Width::W64,
        };
        let add0 = Op::AddIntImm {
            dst: 24,
            a: 0,
            imm: 1,
        };
        let mut code = vec![clobber.clone(), add0, store];
        fuse_code(&mut code);
        assert_eq!(code[0], clobber);
    }

    #[test]
    fn a_multiply_add_is_one_dispatch_and_no_instruction_is_in_two_sequences() {
        let mul = Op::MulF64 { dst: 8, a: 0, b: 0 };
        let add = Op::AddF64 {
            dst: 16,
            a: 16,
            b: 8,
        };
        // mul, add, add: the second AddF64 stays alone, the first is the tail.
        let mut code = vec![mul.clone(), add.clone(), add.clone()];
        fuse_code(&mut code);
        assert!(matches!(
            code[0],
            Op::MulAddF64 {
                t: 8,
                a: 0,
                b: 0,
                d: 16,
                x: 16,
                y: 8
            }
        ));
        assert_eq!(code[1..], [add.clone(), add.clone()]);
        assert_eq!(tail(&code[0]), vec![add]);
        assert_eq!(code[0].generic(), mul.generic());
    }
}
