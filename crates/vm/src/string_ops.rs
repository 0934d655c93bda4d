//! The string instructions: concatenation, comparison, indexing, slicing, and one step of
//! `for range` over a string. Indexing and slicing, the frequent ones, run in the dispatch
//! loop (`interp.rs`) by the same rules; they are here for the checked path too.
//!
//! Invariants: a string is `{data, len}` and its bytes are never written after creation, so
//! slicing shares them (an empty result has data 0); a concatenation that does not escape
//! and fits in 32 bytes uses the frame's buffer (gc's tmpBuf), and a concatenation with an
//! empty operand returns the other operand unchanged, unless the result escapes and the
//! operand's bytes are on a stack (then they are copied to the heap, as gc's concatstrings
//! does). Indexing is bounds-checked with Go's
//! messages; ranging decodes UTF-8 as Go does (`strings.rs`).

use crate::error::{index_err, slice_bounds_err, SliceBounds, Trap};
use crate::frame::{opt, rd, set_str, str_of, wr, Frame};
use crate::interp::NONE;
use crate::vm::Vm;
use gosub_bytecode::bytecode::Op;
use gosub_heap::GcTypeId;

/// The panic of `s[l:h]` on a string of length `len` out of range (Go reports `h` first).
pub fn slice_err(l: u64, h: u64, len: u64) -> Trap {
    if h > len {
        slice_bounds_err(SliceBounds::Alen, h, len)
    } else {
        slice_bounds_err(SliceBounds::B, l, h)
    }
}

/// Executes a string instruction.
#[inline]
pub fn exec(vm: &mut Vm, op: &Op, fr: &Frame) -> Result<(), Trap> {
    let fp = fr.fp;
    match *op {
        Op::Concat { dst, a, b, buf } => {
            let la = rd(vm, fr, a + 8)?;
            let lb = rd(vm, fr, b + 8)?;
            if la == 0 || lb == 0 {
                let (p, n) = if la == 0 {
                    (rd(vm, fr, b)?, lb)
                } else {
                    (rd(vm, fr, a)?, la)
                };
                // gc's concatstrings returns the one non-empty operand itself only when the
                // result does not escape or the operand's bytes are not on a stack (a
                // conversion's or an inner concatenation's frame buffer): an escaping result
                // must not point into a frame that is about to be reused.
                let stacks = vm.heap.layout().stacks;
                let p = if buf == NONE && n > 0 && p >= stacks.base() && p < stacks.end() {
                    let q = vm.alloc(GcTypeId::BYTES, n as usize)?;
                    vm.heap.copy(q, p, n as usize)?;
                    q
                } else {
                    p
                };
                set_str(vm, fr, dst, p, n)?;
            } else {
                // gc's tmpBuf: a result that does not escape and fits in 32 bytes stays in
                // the frame.
                let p = if buf != NONE && la + lb <= 32 {
                    fp + buf as u64
                } else {
                    vm.alloc(GcTypeId::BYTES, (la + lb) as usize)?
                };
                let pa = rd(vm, fr, a)?;
                let pb = rd(vm, fr, b)?;
                vm.heap.copy(p, pa, la as usize)?;
                vm.heap.copy(p + la, pb, lb as usize)?;
                set_str(vm, fr, dst, p, la + lb)?;
            }
        }
        Op::CmpStr { op, dst, a, b } => {
            let x = str_of(vm, fp, a)?;
            let y = str_of(vm, fp, b)?;
            use gosub_bytecode::bytecode::CmpOp::*;
            let r = match op {
                Eq => x == y,
                Ne => x != y,
                Lt | LtU => x < y,
                Le | LeU => x <= y,
                Gt | GtU => x > y,
                Ge | GeU => x >= y,
            };
            wr(vm, fr, dst, r as u64)?;
        }
        Op::StrIndex { dst, s, i } => {
            let idx = rd(vm, fr, i)?;
            let len = rd(vm, fr, s + 8)?;
            if idx >= len {
                return Err(index_err(idx, len));
            }
            let p = rd(vm, fr, s)?;
            let b = vm.heap.read_u8(p + idx)?;
            wr(vm, fr, dst, b as u64)?;
        }
        Op::StrSlice { dst, s, lo, hi } => {
            let len = rd(vm, fr, s + 8)?;
            let l = opt(vm, fr, lo)?.unwrap_or(0);
            let h = opt(vm, fr, hi)?.unwrap_or(len);
            if h > len || l > h {
                return Err(slice_err(l, h, len));
            }
            let p = rd(vm, fr, s)?;
            let np = if h == l { 0 } else { p + l };
            set_str(vm, fr, dst, np, h - l)?;
        }
        Op::StrRangeNext { s, i, rune, width } => {
            let idx = rd(vm, fr, i)?;
            let len = rd(vm, fr, s + 8)?;
            let p = rd(vm, fr, s)?;
            let avail = (len - idx).min(4) as usize;
            let bytes = vm.heap.bytes(p + idx, avail)?.to_vec();
            let (r, w) = crate::strings::decode_rune(&bytes);
            wr(vm, fr, rune, r as u64)?;
            wr(vm, fr, width, w as u64)?;
        }
        _ => return Err(Trap::Fatal(format!("not a string instruction: {:?}", op))),
    }
    Ok(())
}
