//! Constant hoisting, a pass of the middle end between coalescing and copy propagation: a
//! constant that a loop loads into a statement temporary at every iteration
//! (`Const { dst: t, val }` between a backward jump's target and the jump) is loaded once,
//! in a prologue at the function's entry, into a frame word of its own; the loop's `Const`
//! becomes `Move { dst: t, src: k }`, which copy propagation (`copyprop.rs`) then removes
//! by having the readers of `t` read `k` directly. `s*(s+1)/2 + 1.0` in spectralnorm's
//! inner loop and `composite[j] = true` in a sieve stop loading their constants.
//!
//! Invariants:
//! - A hoisted word is written only by its `Const` in the prologue, which runs before any
//!   other instruction of the function (nothing jumps to the prologue: every jump target
//!   is shifted past it), so every instruction that reads it reads its value. It is not a
//!   pointer word and its address is never taken.
//! - Only a `Const` whose destination is a statement temporary (`Function::temp_ranges`)
//!   that holds no pointer is rewritten, and a `Move` from a word holding the same value
//!   writes the same bytes: the rewrite changes no value any instruction reads. Where copy
//!   propagation cannot remove the `Move`, the loop runs one instruction as before.
//! - Inserting the prologue renumbers the code: jump targets, the epilogue, `pos` and the
//!   temporaries' ranges shift by its length.

use crate::bytecode::{Function, Op};

/// The most constants one function hoists (each costs a word and a prologue instruction
/// per call).
const MAX_HOISTED: usize = 8;

/// Hoists the loop constants of function `f` (see the module header).
pub fn run(f: &mut Function) {
    if f.native.is_some() || f.code.is_empty() {
        return;
    }
    // How many loops (a backward jump's target up to the jump) hold each instruction.
    let n = f.code.len();
    let mut depth = vec![0i32; n + 1];
    for (pc, op) in f.code.iter().enumerate() {
        if let Some(t) = op.jump_target().map(|t| t as usize).filter(|&t| t <= pc) {
            depth[t] += 1;
            depth[pc + 1] -= 1;
        }
    }
    let mut hoisted: Vec<(u64, u32)> = Vec::new();
    let mut loops = 0;
    for (i, d) in depth.iter().enumerate().take(n) {
        loops += d;
        let Op::Const { dst: t, val } = f.code[i] else {
            continue;
        };
        if loops == 0 || f.ptr_words.contains(&(t / 8)) {
            continue;
        }
        let temp = f
            .temp_ranges
            .iter()
            .any(|&(r, a, b)| r == t && (a as usize) <= i && i < b as usize);
        if !temp {
            continue;
        }
        let k = match hoisted.iter().find(|&&(v, _)| v == val) {
            Some(&(_, k)) => k,
            None if hoisted.len() < MAX_HOISTED => {
                let k = f.frame_size.next_multiple_of(8);
                f.frame_size = k + 8;
                f.slots.push((k, 8));
                hoisted.push((val, k));
                k
            }
            None => continue,
        };
        f.code[i] = Op::Move { dst: t, src: k };
    }
    if hoisted.is_empty() {
        return;
    }
    let n = hoisted.len() as u32;
    for op in &mut f.code {
        if let Some(t) = op.jump_target_mut() {
            *t += n;
        }
    }
    f.epilogue += n;
    for r in &mut f.temp_ranges {
        r.1 += n;
        r.2 += n;
    }
    let prologue = hoisted.iter().map(|&(val, k)| Op::Const { dst: k, val });
    f.code.splice(0..0, prologue);
    f.pos
        .splice(0..0, std::iter::repeat_n(f.decl_pos, hoisted.len()));
}
