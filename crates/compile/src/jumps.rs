//! Jump cleanup, a pass of the middle end after coalescing and constant hoisting: the
//! jumps a statement-by-statement translation leaves are made direct.
//!
//! - A conditional jump over an unconditional one (`JmpIfNot { c, L }; Jmp { M }; L:`,
//!   what `if c { continue }` compiles to) becomes the inverted conditional jump to `M`,
//!   and the `Jmp` is gone, when nothing else jumps to the `Jmp`. Inverting is exact for
//!   `JmpIf`/`JmpIfNot` and for integer compare-and-branch (`CmpOp::negated_int`); a
//!   float compare-and-branch is never inverted (NaN).
//! - A jump whose target is an unconditional `Jmp` goes to that `Jmp`'s target (the
//!   chain is followed a bounded number of steps, so a loop of jumps is harmless).
//! - A `Jmp` to the next instruction is removed.
//!
//! Every path runs the same instructions other than the jumps removed, so no value any
//! instruction reads changes. A backward jump stays a safepoint wherever it ends up
//! (`effects::is_safepoint` reads the final code), and preemption still happens on each
//! loop's back edge. Deleting renumbers the code (`coalesce::compact`).

use crate::bytecode::{Function, Op};

/// Cleans up the jumps of function `f` (see the module header).
pub fn run(f: &mut Function) {
    let n = f.code.len();
    if n < 2 || f.native.is_some() {
        return;
    }
    // Jump chains: a jump to a `Jmp` goes where the `Jmp` goes.
    for pc in 0..n {
        let Some(mut t) = f.code[pc].jump_target() else {
            continue;
        };
        for _ in 0..8 {
            match f.code.get(t as usize) {
                Some(&Op::Jmp { target }) if target != t => t = target,
                _ => break,
            }
        }
        if let Some(target) = f.code[pc].jump_target_mut() {
            *target = t;
        }
    }
    let target = crate::coalesce::jump_targets(f);
    let mut delete = vec![false; n];
    for pc in 0..n {
        if delete[pc] {
            continue;
        }
        match f.code[pc] {
            // A jump to the next instruction.
            Op::Jmp { target: t } if t as usize == pc + 1 => delete[pc] = true,
            ref op if pc + 1 < n && !target[pc + 1] => {
                let Op::Jmp { target: far } = f.code[pc + 1] else {
                    continue;
                };
                if op.jump_target() != Some(pc as u32 + 2) {
                    continue;
                }
                if let Some(inverted) = invert(op, far) {
                    f.code[pc] = inverted;
                    delete[pc + 1] = true;
                }
            }
            _ => {}
        }
    }
    if delete.iter().any(|&d| d) {
        crate::coalesce::compact(f, &delete);
    }
}

/// The conditional jump `op` with its condition inverted, jumping to `to`.
fn invert(op: &Op, to: u32) -> Option<Op> {
    use Op::*;
    Some(match *op {
        JmpIf { cond, .. } => JmpIfNot { cond, target: to },
        JmpIfNot { cond, .. } => JmpIf { cond, target: to },
        JmpCmpNot { op, a, b, .. } => JmpCmpNot {
            op: op.negated_int(),
            a,
            b,
            target: to,
        },
        JmpCmpImmNot { op, a, imm, .. } => JmpCmpImmNot {
            op: op.negated_int(),
            a,
            imm,
            target: to,
        },
        _ => return None,
    })
}
