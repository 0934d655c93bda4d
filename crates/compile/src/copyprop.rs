//! Forward copy propagation, the second pass of the middle end: a statement temporary that
//! only copies another register (`Move { dst: t, src: s }`, typically a call's result or a
//! variable read into an operand) is replaced by that register in the instructions that
//! read it, and the `Move` is gone. `fib(n-1) + fib(n-2)` then adds the two calls' result
//! words directly. It runs after `coalesce.rs`, on each finished function, before the VM
//! computes stack maps from the bytecode.
//!
//! A `Move { dst: t, src: s }` at `i` is removed when:
//! - `t` is a statement temporary (`Function::temp_ranges`), not address-taken, read by
//!   no instruction of its statement before `i`; if `t` holds a pointer, `s` is a pointer
//!   word too (the stack maps then cover `s` wherever they covered `t`);
//! - `s` is not address-taken anywhere in the function (nothing writes it through a
//!   pointer);
//! - after `i`, the reads of `t` form a straight line: no jump and no jump target from
//!   `i + 1` up to the last read, and each read is an 8-byte operand `with_src` can
//!   rename (a jump to the `Move` itself is allowed: every path to the reads runs it);
//!   a two-word `MoveN` (an interface, a string) goes the same way, word by word, when
//!   each read takes the whole value (`with_src16`: an interface call, another copy);
//! - nothing from `i + 1` up to the last read may write `s` (`may_write`: an instruction's
//!   own destination, or everything from a call's base up; an instruction this file does
//!   not know stops the pass for that `Move`).
//!
//! Every read then sees the value the `Move` copied, and removing it moves no safepoint.

use crate::bytecode::{Function, Op, Reg};
use crate::program::Program;
use gosub_bytecode::effects::{effects, successors, Extent};

/// Propagates the copies of function `f` (see the module header).
pub fn run(p: &Program, f: &mut Function) {
    let n = f.code.len();
    if n < 2 || f.native.is_some() {
        return;
    }
    let target = crate::coalesce::jump_targets(f);
    let mut addr_taken: Vec<Reg> = Vec::new();
    for op in &f.code {
        addr_taken.extend(effects(p, f, op).addr_taken);
    }
    // (Each address-taken register once: a big function takes the same few many times.)
    addr_taken.sort_unstable();
    addr_taken.dedup();
    // Each as the bytes from it to the end of its slot.
    let taken: Vec<(Reg, Reg)> = (addr_taken.iter())
        .map(|&r| (r, crate::coalesce::slot_end(f, r)))
        .collect();
    // Does the word at `x` share bytes with an address-taken register's slot tail, or
    // that register with `x`'s?
    let near_taken = |f: &Function, x: Reg| {
        let x_end = crate::coalesce::slot_end(f, x);
        (taken.iter()).any(|&(r, r_end)| {
            (r < x.saturating_add(8) && x < r_end) || (x < r.saturating_add(8) && r < x_end)
        })
    };
    let mut delete = vec![false; n];
    for (i, del) in delete.iter_mut().enumerate() {
        let (t, s, size) = match f.code[i] {
            Op::Move { dst, src } => (dst, src, 8),
            // A two-word value (an interface, a string) read whole by its readers.
            Op::MoveN { dst, src, size: 16 } => (dst, src, 16),
            _ => continue,
        };
        // A pointer may move to `s` only if `s` is a pointer word the stack maps cover
        // (`ptr_words` is sorted).
        let ptr = |r: Reg| f.ptr_words.binary_search(&(r / 8)).is_ok();
        // A jump may land on the `Move` itself (a loop's first instruction): every path
        // to the reads still runs it, and deleting it sends the jump to what follows.
        let words = (0..size).step_by(8);
        if t == s || words.clone().any(|k| ptr(t + k) && !ptr(s + k)) {
            continue;
        }
        if !taken.is_empty()
            && words
                .clone()
                .any(|k| near_taken(f, t + k) || near_taken(f, s + k))
        {
            continue;
        }
        let Some(&(_, a, b)) = f
            .temp_ranges
            .iter()
            .find(|&&(r, a, b)| r == t && (a as usize) <= i && i < b as usize)
        else {
            continue;
        };
        let copy = Copied { t, s, size };
        if let Some(rewrites) = plan(p, f, &target, copy, i, a as usize, b as usize) {
            for (pc, op) in rewrites {
                f.code[pc] = op;
            }
            *del = true;
        }
    }
    if delete.iter().any(|&d| d) {
        crate::coalesce::compact(f, &delete);
    }
}

/// A copy of `size` bytes (8 or 16) from `s` to the temporary `t`.
#[derive(Clone, Copy)]
struct Copied {
    t: Reg,
    s: Reg,
    size: u32,
}

/// The rewritten reads of `t` after the `Move` at `i`, or None when the `Move` must stay.
fn plan(
    p: &Program,
    f: &Function,
    target: &[bool],
    Copied { t, s, size }: Copied,
    i: usize,
    a: usize,
    b: usize,
) -> Option<Vec<(usize, Op)>> {
    let words = (0..size).step_by(8);
    let reads = |op: &Op| {
        let e = effects(p, f, op);
        e.uses_all
            || (e.uses.iter()).any(|u| words.clone().any(|k| covers(f, u.reg, u.extent, t + k)))
    };
    // Read before the Move (a loop inside the statement could carry it around).
    if (a..i).any(|pc| reads(&f.code[pc])) {
        return None;
    }
    let end = b.min(f.code.len());
    let mut out = Vec::new();
    // `jumped`: a jump or a join lies between the Move and here, so a read here may come by
    // another path. `clobbered`: something since the Move may have written `s`.
    let (mut jumped, mut clobbered) = (false, false);
    for (pc, op) in f.code.iter().enumerate().take(end).skip(i + 1) {
        jumped |= target.get(pc).copied().unwrap_or(true);
        if reads(op) {
            if jumped || clobbered {
                return None;
            }
            let new = match size {
                8 => with_src(op, t, s)?,
                _ => with_src16(op, t, s)?,
            };
            if reads(&new) {
                return None;
            }
            out.push((pc, new));
        }
        jumped |= successors(&f.code, pc).any(|x| x != pc + 1);
        if !jumped && words.clone().all(|k| defines(p, f, op, t + k)) {
            break; // `t` holds another value from here on, on the only path there is.
        }
        clobbered |= may_write(op).is_none_or(|(lo, hi)| lo < s.saturating_add(size) && s < hi);
    }
    (!out.is_empty()).then_some(out)
}

/// Does every execution of `op` overwrite the word at `t`?
fn defines(p: &Program, f: &Function, op: &Op, t: Reg) -> bool {
    let e = effects(p, f, op);
    e.defs.iter().any(|d| match d.extent {
        Extent::Bytes(n) => d.reg <= t && t.saturating_add(8) <= d.reg.saturating_add(n),
        _ => false,
    })
}

/// The frame bytes `[lo, hi)` `op` may write, or None when this file does not know.
fn may_write(op: &Op) -> Option<(Reg, Reg)> {
    use Op::*;
    let word = |dst: Reg| Some((dst, dst.saturating_add(8)));
    match *op {
        Const { dst, .. }
        | Ext { dst, .. }
        | Int { dst, .. }
        | IntImm { dst, .. }
        | Neg { dst, .. }
        | Not { dst, .. }
        | BNot { dst, .. }
        | Cmp { dst, .. }
        | CmpImm { dst, .. }
        | F64 { dst, .. }
        | F32 { dst, .. }
        | NegF64 { dst, .. }
        | NegF32 { dst, .. }
        | CmpF64 { dst, .. }
        | CmpF32 { dst, .. }
        | Conv { dst, .. }
        | Load { dst, .. }
        | LoadElem { dst, .. }
        | Move { dst, .. }
        | SliceElemAddr { dst, .. }
        | FieldAddr { dst, .. } => word(dst),
        MoveN { dst, size, .. } | Zero { dst, size } => Some((dst, dst.saturating_add(size))),
        // Writes through pointers only (no address in this frame is taken).
        Store { .. } | StoreElem { .. } | NilCheck { .. } => Some((0, 0)),
        Jmp { .. }
        | JmpIf { .. }
        | JmpIfNot { .. }
        | JmpCmpNot { .. }
        | JmpCmpF64Not { .. }
        | JmpCmpImmNot { .. } => Some((0, 0)),
        // The callee's frame, and its callees', start at `base` (a closure or method
        // reaches this frame only through an address-taken register, excluded above).
        Call { base, .. }
        | CallInPlace { base, .. }
        | CallClosure { base, .. }
        | CallIface { base, .. } => Some((base, Reg::MAX)),
        _ => None,
    }
}

/// `op` reading `s` wherever it read the 8-byte operand `t`, if `op` is one whose operands
/// this file knows.
fn with_src(op: &Op, t: Reg, s: Reg) -> Option<Op> {
    use Op::*;
    let r = |x: Reg| if x == t { s } else { x };
    Some(match *op {
        Int { op, dst, a, b } => Int {
            op,
            dst,
            a: r(a),
            b: r(b),
        },
        IntImm { op, dst, a, imm } => IntImm {
            op,
            dst,
            a: r(a),
            imm,
        },
        Cmp { op, dst, a, b } => Cmp {
            op,
            dst,
            a: r(a),
            b: r(b),
        },
        CmpImm { op, dst, a, imm } => CmpImm {
            op,
            dst,
            a: r(a),
            imm,
        },
        F64 { op, dst, a, b } => F64 {
            op,
            dst,
            a: r(a),
            b: r(b),
        },
        F32 { op, dst, a, b } => F32 {
            op,
            dst,
            a: r(a),
            b: r(b),
        },
        CmpF64 { op, dst, a, b } => CmpF64 {
            op,
            dst,
            a: r(a),
            b: r(b),
        },
        CmpF32 { op, dst, a, b } => CmpF32 {
            op,
            dst,
            a: r(a),
            b: r(b),
        },
        Neg { dst, a } => Neg { dst, a: r(a) },
        Not { dst, a } => Not { dst, a: r(a) },
        BNot { dst, a } => BNot { dst, a: r(a) },
        NegF64 { dst, a } => NegF64 { dst, a: r(a) },
        NegF32 { dst, a } => NegF32 { dst, a: r(a) },
        Conv { conv, dst, a } => Conv { conv, dst, a: r(a) },
        Move { dst, src } => Move { dst, src: r(src) },
        Load { dst, ptr, off, w } => Load {
            dst,
            ptr: r(ptr),
            off,
            w,
        },
        Store { ptr, off, src, w } => Store {
            ptr: r(ptr),
            off,
            src: r(src),
            w,
        },
        FieldAddr { dst, ptr, off } => FieldAddr {
            dst,
            ptr: r(ptr),
            off,
        },
        NilCheck { ptr } => NilCheck { ptr: r(ptr) },
        LoadElem { dst, s, i, w } => LoadElem { dst, s, i: r(i), w },
        StoreElem { s, i, src, w } => StoreElem {
            s,
            i: r(i),
            src: r(src),
            w,
        },
        SliceElemAddr { dst, s, i, size } => SliceElemAddr {
            dst,
            s,
            i: r(i),
            size,
        },
        // (The closure pointer is read when the call starts; the callee keeps it in its
        // context register.)
        // (Not from inside the argument region: the call may run again from the top after
        // the stack grows.)
        CallClosure {
            fv,
            base,
            args_size,
        } if outside(s, 8, base, args_size) => CallClosure {
            fv: r(fv),
            base,
            args_size,
        },
        JmpIf { cond, target } => JmpIf {
            cond: r(cond),
            target,
        },
        JmpIfNot { cond, target } => JmpIfNot {
            cond: r(cond),
            target,
        },
        JmpCmpNot { op, a, b, target } => JmpCmpNot {
            op,
            a: r(a),
            b: r(b),
            target,
        },
        JmpCmpF64Not { op, a, b, target } => JmpCmpF64Not {
            op,
            a: r(a),
            b: r(b),
            target,
        },
        JmpCmpImmNot { op, a, imm, target } => JmpCmpImmNot {
            op,
            a: r(a),
            imm,
            target,
        },
        _ => return None,
    })
}

/// `op` reading `s` wherever it read the 16-byte operand `t` (an interface called, a
/// two-word value copied), if `op` is one such.
fn with_src16(op: &Op, t: Reg, s: Reg) -> Option<Op> {
    use Op::*;
    Some(match *op {
        // The receiver word and the itab are read when the call starts.
        CallIface {
            iface,
            index,
            base,
            args_size,
        } if iface == t && outside(s, 16, base, args_size) => CallIface {
            iface: s,
            index,
            base,
            args_size,
        },
        MoveN { dst, src, size: 16 } if src == t => MoveN {
            dst,
            src: s,
            size: 16,
        },
        _ => return None,
    })
}

/// Does `[s, s + size)` lie outside a call's argument region `[base, base + args)`? (The
/// interpreter writes an interface call's receiver there before it enters the callee.)
fn outside(s: Reg, size: u32, base: Reg, args: u32) -> bool {
    s.saturating_add(size) <= base || s >= base.saturating_add(args)
}

/// Does the operand at `reg` with `extent` include the word at `t`?
fn covers(f: &Function, reg: Reg, extent: Extent, t: Reg) -> bool {
    crate::coalesce::covers(f, reg, extent, t)
}
