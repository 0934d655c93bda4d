//! Move coalescing, the first pass of the middle end: a value computed into a statement's
//! temporary and then moved into a variable (`acc = acc + x`: `F64 { dst: t, .. }` then
//! `Move { dst: acc, src: t }`) is computed into the variable directly, and the `Move` is
//! gone. It runs on each function once the whole program is generated (instruction effects
//! need the callees' sizes), before the VM computes stack maps from the bytecode.
//!
//! A pair `P; Move { dst: v, src: t }` is rewritten when:
//! - `P` is one of the simple instructions that read all their operands before writing
//!   their one 8-byte destination, and that destination is `t` (`with_dst`); or, for a
//!   two-word `MoveN`, `P` is the `LoadN` of `t`; or `P` is an interface conversion, a type
//!   assertion or a map lookup whose value is at `t` (`value_to`: these too read their
//!   operands before writing anything, their flag included);
//! - no jump lands on the `Move` (every path to it comes through `P`);
//! - `t` is a statement temporary (`Function::temp_ranges`) that no other instruction of
//!   its statement reads or takes the address of: its value dies in the `Move` (outside its
//!   statement the register belongs to other temporaries, each written before it is read).
//!
//! A comma-ok form, `P; Move(N) { dst: v, src: t }; Move { dst: ok, src: o }` where `P` is
//! one of those `value_to` rewrites writing its flag to `o` (`v, ok := x.(T)`,
//! `v, ok := m[k]`), is rewritten the same way, both moves at once (`comma_ok`), when
//! neither temporary is read again.
//!
//! The rewrite changes no value any instruction reads, and `P` cannot allocate or block, so
//! it moves no safepoint. Deleting instructions renumbers the code: jump targets, the
//! epilogue, `pos` and the temporaries' ranges follow (`compact`).

use crate::bytecode::{Function, Op, Reg};
use crate::program::Program;
use gosub_bytecode::effects::{effects, successors, Extent};

/// Coalesces the moves of function `f` (see the module header).
pub fn run(p: &Program, f: &mut Function) {
    let n = f.code.len();
    if n < 2 || f.native.is_some() {
        return;
    }
    let target = jump_targets(f);
    let mut delete = vec![false; n];
    for i in 1..n {
        if !delete[i - 1] && i + 1 < n && !target[i] && !target[i + 1] {
            if let Some(op) = comma_ok(p, f, i) {
                f.code[i - 1] = op;
                delete[i] = true;
                delete[i + 1] = true;
                continue;
            }
        }
        let (v, t, size) = match f.code[i] {
            Op::Move { dst, src } => (dst, src, 8),
            Op::MoveN { dst, src, size } => (dst, src, size),
            _ => continue,
        };
        if target[i] || delete[i - 1] || v == t {
            continue;
        }
        let op = match (size, &f.code[i - 1]) {
            (8, prev) => with_dst(prev, t, v).or_else(|| value_to(prev, t, v, 8)),
            // A two-word value loaded (an interface or a string read from memory).
            (
                16,
                &Op::LoadN {
                    dst,
                    ptr,
                    off,
                    size: 16,
                },
            ) if dst == t => Some(Op::LoadN {
                dst: v,
                ptr,
                off,
                size: 16,
            }),
            (_, prev) => value_to(prev, t, v, size),
        };
        let Some(op) = op else {
            continue;
        };
        let Some(&(_, a, b)) = f
            .temp_ranges
            .iter()
            .find(|&&(r, a, b)| r == t && (a as usize) < i && i < b as usize)
        else {
            continue;
        };
        let range = a as usize..b as usize;
        if (0..size)
            .step_by(8)
            .all(|k| dies_in_move(p, f, t + k, range.clone(), i))
        {
            f.code[i - 1] = op;
            delete[i] = true;
        }
    }
    if delete.iter().any(|&d| d) {
        compact(f, &delete);
    }
}

/// The comma-ok form at `i - 1` writing the registers its two moves at `i` and
/// `i + 1` copy it to, if it is one whose temporaries die in them (see the module header).
fn comma_ok(p: &Program, f: &Function, i: usize) -> Option<Op> {
    let (v, t, size) = match f.code[i] {
        Op::Move { dst, src } => (dst, src, 8),
        Op::MoveN { dst, src, size } => (dst, src, size),
        _ => return None,
    };
    let Op::Move { dst: okv, src: o } = f.code[i + 1] else {
        return None;
    };
    let mut op = value_to(&f.code[i - 1], t, v, size)?;
    let flag = match &mut op {
        Op::IfaceToIface { commaok, .. } | Op::AssertType { commaok, .. } => commaok,
        Op::MapGet { ok, .. } => ok,
        _ => return None,
    };
    if *flag != Some(o) {
        return None;
    }
    *flag = Some(okv);
    let range_of = |r: Reg, at: usize| {
        f.temp_ranges
            .iter()
            .find(|&&(x, a, b)| x == r && (a as usize) < i && at < b as usize)
            .map(|&(_, a, b)| a as usize..b as usize)
    };
    let (tr, or) = (range_of(t, i)?, range_of(o, i + 1)?);
    let dies = (0..size)
        .step_by(8)
        .all(|k| dies_in_move(p, f, t + k, tr.clone(), i))
        && dies_in_move(p, f, o, or, i + 1);
    dies.then_some(op)
}

/// `op` writing its value at `v` instead of `t`, if it is an interface conversion, a type
/// assertion or a map lookup whose value (`size` bytes of registers) is at `t`: each reads
/// its operands before writing anything. A narrow asserted value is left alone (no
/// measured program needs it, and the inner loop leaves those to the dispatch loop); a
/// map's value arrives in whole registers (`frame::load_reg`).
fn value_to(op: &Op, t: Reg, v: Reg, size: u32) -> Option<Op> {
    let mut op = op.clone();
    let dst = match &mut op {
        Op::IfaceToIface { dst, .. } if size == 16 => dst,
        Op::AssertType {
            dst,
            size: vs,
            direct,
            ..
        } if (if *direct {
            size == 8
        } else {
            *vs == size && *vs % 8 == 0
        }) =>
        {
            dst
        }
        Op::MapGet { dst, vsize, .. } if *vsize > 0 && size == vsize.next_multiple_of(8) => dst,
        _ => return None,
    };
    if *dst != t {
        return None;
    }
    *dst = v;
    Some(op)
}

/// Which instructions a jump (or the epilogue) lands on; `n + 1` entries.
pub(crate) fn jump_targets(f: &Function) -> Vec<bool> {
    let n = f.code.len();
    let mut target = vec![false; n + 1];
    for pc in 0..n {
        for s in successors(&f.code, pc) {
            if s != pc + 1 {
                target[s.min(n)] = true;
            }
        }
    }
    target[(f.epilogue as usize).min(n)] = true;
    target
}

/// `op` writing `v` instead of `t`, if it is one of the simple instructions whose only
/// destination is the 8-byte `t` and which read every operand before writing it.
fn with_dst(op: &Op, t: Reg, v: Reg) -> Option<Op> {
    use Op::*;
    let d = |dst: Reg| (dst == t).then_some(v);
    Some(match *op {
        Const { dst, val } => Const { dst: d(dst)?, val },
        Ext { dst, src, w } => Ext {
            dst: d(dst)?,
            src,
            w,
        },
        Int { op, dst, a, b } => Int {
            op,
            dst: d(dst)?,
            a,
            b,
        },
        IntImm { op, dst, a, imm } => IntImm {
            op,
            dst: d(dst)?,
            a,
            imm,
        },
        Neg { dst, a } => Neg { dst: d(dst)?, a },
        Not { dst, a } => Not { dst: d(dst)?, a },
        BNot { dst, a } => BNot { dst: d(dst)?, a },
        Cmp { op, dst, a, b } => Cmp {
            op,
            dst: d(dst)?,
            a,
            b,
        },
        CmpImm { op, dst, a, imm } => CmpImm {
            op,
            dst: d(dst)?,
            a,
            imm,
        },
        F64 { op, dst, a, b } => F64 {
            op,
            dst: d(dst)?,
            a,
            b,
        },
        F32 { op, dst, a, b } => F32 {
            op,
            dst: d(dst)?,
            a,
            b,
        },
        NegF64 { dst, a } => NegF64 { dst: d(dst)?, a },
        NegF32 { dst, a } => NegF32 { dst: d(dst)?, a },
        CmpF64 { op, dst, a, b } => CmpF64 {
            op,
            dst: d(dst)?,
            a,
            b,
        },
        CmpF32 { op, dst, a, b } => CmpF32 {
            op,
            dst: d(dst)?,
            a,
            b,
        },
        Conv { conv, dst, a } => Conv {
            conv,
            dst: d(dst)?,
            a,
        },
        Load { dst, ptr, off, w } => Load {
            dst: d(dst)?,
            ptr,
            off,
            w,
        },
        LoadElem { dst, s, i, w } => LoadElem {
            dst: d(dst)?,
            s,
            i,
            w,
        },
        _ => return None,
    })
}

/// Does temporary `t` (in use over `range`) die in the `Move` at `mv`: does no other
/// instruction of the range read its word or take its address?
fn dies_in_move(
    p: &Program,
    f: &Function,
    t: Reg,
    range: std::ops::Range<usize>,
    mv: usize,
) -> bool {
    let end = range.end.min(f.code.len());
    for pc in range.start..end {
        if pc == mv {
            continue;
        }
        let e = effects(p, f, &f.code[pc]);
        if e.uses_all
            || e.addr_taken
                .iter()
                .any(|&r| covers(f, r, Extent::ToSlotEnd, t))
        {
            return false;
        }
        if e.uses.iter().any(|u| covers(f, u.reg, u.extent, t)) {
            return false;
        }
    }
    true
}

/// Does the operand at `reg` with `extent` include the word at `t`?
pub(crate) fn covers(f: &Function, reg: Reg, extent: Extent, t: Reg) -> bool {
    let (lo, hi) = match extent {
        Extent::Bytes(n) => (reg, reg.saturating_add(n)),
        Extent::ToSlotEnd => (reg, slot_end(f, reg)),
        Extent::SlotTailFrom(k) => (reg.saturating_add(k), slot_end(f, reg)),
    };
    lo < t.saturating_add(8) && t < hi
}

/// The end of the frame slot that contains `reg` (`u32::MAX` when none does).
pub(crate) fn slot_end(f: &Function, reg: Reg) -> Reg {
    // The slots are in ascending, non-overlapping offset order (`Function::slots`).
    let i = f.slots.partition_point(|&(o, _)| o <= reg);
    i.checked_sub(1)
        .map(|i| f.slots[i])
        .filter(|&(o, s)| reg < o + s.max(1))
        .map_or(u32::MAX, |(o, s)| o + s.max(1))
}

/// Removes the instructions marked in `delete`, renumbering jump targets, the epilogue,
/// `pos` and the temporaries' ranges: a jump to a removed instruction lands on the next
/// one kept.
pub(crate) fn compact(f: &mut Function, delete: &[bool]) {
    let n = f.code.len();
    let mut map = Vec::with_capacity(n + 1);
    let mut k = 0u32;
    for &d in delete {
        map.push(k);
        k += u32::from(!d);
    }
    map.push(k);
    let at = |pc: u32| map[(pc as usize).min(n)];
    let code = std::mem::take(&mut f.code);
    let pos = std::mem::take(&mut f.pos);
    for (i, mut op) in code.into_iter().enumerate() {
        if delete[i] {
            continue;
        }
        if let Some(t) = op.jump_target_mut() {
            *t = at(*t);
        }
        f.code.push(op);
        if let Some(&p) = pos.get(i) {
            f.pos.push(p);
        }
    }
    f.epilogue = at(f.epilogue);
    for r in &mut f.temp_ranges {
        r.1 = at(r.1);
        r.2 = at(r.2);
    }
}
