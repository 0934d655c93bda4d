//! Fused instructions (superinstructions): a counted loop's increment and its back edge,
//! `i += k; if i < n { goto top }`, as one dispatch instead of two. Every Go loop over a
//! range or a counter ends this way, so the saving is one dispatch per iteration.
//!
//! A fused instruction at index `k` replaces the increment only: the jump stays at `k + 1`
//! (its *second half*), untouched. Executing the fused instruction does both and, when it
//! does not jump, continues at `k + 2`; a jump elsewhere that lands on `k + 1` runs the jump
//! alone, as before.
//!
//! Invariants:
//! - `op.generic()` of a fused instruction is its first half (the increment), so every pass
//!   that reasons about instructions (effects, liveness, verification) sees exactly the
//!   unfused code: the increment at `k`, the jump at `k + 1`. The jump's target and its
//!   operands are the fused instruction's too (`second_half`), which verification checks
//!   (`gosub_vm::verify`): the interpreter may then trust them as it trusts the jump's.
//! - The compiler fuses as its very last step (`fuse_code`, after `specialize_code`);
//!   nothing moves or renumbers instructions afterwards.

use crate::bytecode::{IntOp, Op};

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
        _ => return None,
    })
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

/// Fuses every increment followed by its loop's back edge.
pub fn fuse_code(code: &mut [Op]) {
    for k in 0..code.len().saturating_sub(1) {
        if let Some(f) = fuse(&code[k], &code[k + 1]) {
            code[k] = f;
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
}
