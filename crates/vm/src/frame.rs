//! Frames on the goroutine's VM-managed stack: the call records (`CallInfo`) and the view
//! of the running frame that the instructions outside the dispatch loop use (`Frame`, with
//! its register accessors `rd`, `wr`, `opt`, `str_of`, `set_str`).
//!
//! Invariants: the frame of the running function starts at `fp` (a VM address inside the
//! goroutine's stack region) and spans `Function::frame_size` bytes, all committed; a
//! callee's frame starts where its caller's ends, or, for an in-place call
//! (`gosub_bytecode::in_place`), at the caller's argument region: the caller then owns its
//! words only below the callee's `fp` (`owned_end`). `CallInfo` records what to restore on
//! return: the caller's function, pc and frame, and where the caller wants the results.
//! `Frame::ptr` is the machine address of the frame, valid for `Frame::size` bytes
//! (a stack moves only in `stack::grow`, between instructions); a register access inside those bytes goes through it,
//! anything else through the heap's checked accessors.

use crate::error::Trap;
use crate::interp::NONE;
use crate::vm::Vm;
use gosub_bytecode::bytecode::Width;
use gosub_heap::Addr;

/// Where the words a frame at `fp` of `size` bytes owns end, given where the next frame
/// of its goroutine starts (None for the innermost): at that frame when it was called in
/// place, overlapping this one; else at `fp + size`. Collections and stack moves visit a
/// frame's words only below this.
pub fn owned_end(fp: Addr, size: u32, next: Option<Addr>) -> Addr {
    let end = fp + size as u64;
    match next {
        Some(n) if n >= fp && n < end => n,
        _ => end,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallKind {
    /// An ordinary call: results are copied back to the caller's argument region.
    Normal,
    /// A deferred call run by a normal return: results are discarded and the caller resumes
    /// at its epilogue.
    Deferred,
    /// A deferred call run while panicking: `recover` may stop the panic.
    DeferredPanic,
}

/// Pushes `ci` onto `frames` without `Vec::push`'s own capacity check and growth path (the
/// inner loop's calls, which check the capacity with their other reasons to stop).
///
/// # Safety
/// `frames.len() < frames.capacity()`.
#[inline(always)]
pub(crate) unsafe fn push_within_capacity(frames: &mut Vec<CallInfo>, ci: CallInfo) {
    let n = frames.len();
    // SAFETY: slot `n` is allocated (n < capacity, guaranteed by the caller) and a
    // `CallInfo` is `Copy`, so no drop is skipped.
    unsafe {
        frames.as_mut_ptr().add(n).write(ci);
        frames.set_len(n + 1);
    }
}

#[derive(Clone, Copy, Debug)]
pub struct CallInfo {
    /// The caller.
    pub func: u32,
    pub pc: u32,
    pub fp: Addr,
    /// The caller's argument region (frame offset), where results are copied.
    pub base: u32,
    /// How the caller itself was called.
    pub kind: CallKind,
}

/// The instructions a goroutine's callers stand at, innermost caller first, for tracebacks
/// and `runtime.Caller`: `frames` its call stack, `cur_kind` how its running frame was
/// called. A caller stands at the call it made (the instruction before its return
/// address). One whose callee is a deferred call run by its return
/// (`CallKind::Deferred`) stands at its epilogue, where it resumes: its position is the
/// function's closing brace (where gc reports a deferred call made as a function ends),
/// never inside an inlined body. One whose callee is a deferred call run while panicking
/// stands, as before, at the instruction before its epilogue (often the `panic` itself).
pub fn caller_pcs(
    frames: &[CallInfo],
    cur_kind: CallKind,
) -> impl Iterator<Item = (u32, usize)> + '_ {
    let mut callee = cur_kind;
    frames.iter().rev().map(move |ci| {
        let pc = match callee {
            CallKind::Normal | CallKind::DeferredPanic => ci.pc.saturating_sub(1),
            CallKind::Deferred => ci.pc,
        };
        callee = ci.kind;
        (ci.func, pc as usize)
    })
}

/// The running frame as seen by the slow instructions: its VM address and, for fast
/// register access, its machine address and size.
#[derive(Clone, Copy)]
pub struct Frame {
    pub fp: Addr,
    pub ptr: *mut u8,
    pub size: u32,
}

#[inline]
pub fn rd(vm: &Vm, fr: &Frame, off: u32) -> Result<u64, Trap> {
    if off as u64 + 8 <= fr.size as u64 {
        // SAFETY: `fr.ptr` is the committed frame of `fr.size` bytes (interp invariants) and
        // the word lies inside it.
        return Ok(unsafe { (fr.ptr.add(off as usize) as *const u64).read_unaligned() });
    }
    Ok(vm.heap.read_u64(fr.fp + off as u64)?)
}

#[inline]
pub fn wr(vm: &mut Vm, fr: &Frame, off: u32, v: u64) -> Result<(), Trap> {
    if off as u64 + 8 <= fr.size as u64 {
        // SAFETY: as for `rd`; frames are stack memory, so no write barrier is needed.
        unsafe { (fr.ptr.add(off as usize) as *mut u64).write_unaligned(v) };
        return Ok(());
    }
    Ok(vm.heap.write_u64(fr.fp + off as u64, v)?)
}

/// An optional register operand (`NONE` = absent).
pub fn opt(vm: &Vm, fr: &Frame, r: u32) -> Result<Option<u64>, Trap> {
    if r == NONE {
        Ok(None)
    } else {
        Ok(Some(rd(vm, fr, r)?))
    }
}

/// The bytes of the string in register `r` of the frame at `fp`.
pub fn str_of(vm: &Vm, fp: Addr, r: u32) -> Result<Vec<u8>, Trap> {
    vm.read_string(fp + r as u64)
}

/// Writes the string header (data `p`, length `n`) into register `r`.
pub fn set_str(vm: &mut Vm, fr: &Frame, r: u32, p: Addr, n: u64) -> Result<(), Trap> {
    wr(vm, fr, r, p)?;
    wr(vm, fr, r + 8, n)
}

/// The machine address of the frame at `fp` spanning `size` bytes (a stack overflow if the
/// stack is not committed that far).
#[inline]
pub fn frame_ptr(vm: &Vm, fp: Addr, size: u32) -> Result<*mut u8, Trap> {
    vm.heap
        .translate(fp, size.max(8) as usize)
        .ok_or(Trap::StackOverflow)
}

/// Copies a `size`-byte value from memory at `src` into the frame register(s) at `dst` and
/// zeroes the rest of the last word, then sign-extends it when it is a signed integer
/// narrower than a word (`signed`: `RKind::narrow_signed` of its type): a register holds
/// a narrow value in its canonical 64-bit form, and frame memory is not zeroed when a
/// frame is entered (a stack taken from the pool, or moved, brings whatever bytes it held).
pub fn load_reg(
    vm: &mut Vm,
    dst: Addr,
    src: Addr,
    size: u64,
    signed: Option<Width>,
) -> Result<(), Trap> {
    vm.heap.copy(dst, src, size as usize)?;
    clear_reg_tail(vm, dst, size)?;
    sign_extend_reg(vm, dst, signed)
}

/// Sign-extends the narrow signed integer in the register at `dst` (`load_reg`), if
/// `signed` says it is one.
pub fn sign_extend_reg(vm: &mut Vm, dst: Addr, signed: Option<Width>) -> Result<(), Trap> {
    if let Some(w) = signed {
        let v = vm.heap.read_u64(dst)?;
        vm.heap.write_u64(dst, crate::arith::extend(v, w))?;
    }
    Ok(())
}

/// Zeroes the bytes of the register(s) at `dst` past a `size`-byte value (see `load_reg`).
pub fn clear_reg_tail(vm: &mut Vm, dst: Addr, size: u64) -> Result<(), Trap> {
    let pad = size.next_multiple_of(8) - size;
    if pad > 0 {
        vm.heap.fill_zero(dst + size, pad as usize)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::owned_end;

    #[test]
    fn a_frame_owns_its_words_up_to_a_frame_called_in_place() {
        // The next frame right after this one (an ordinary call) or elsewhere.
        assert_eq!(owned_end(1000, 64, Some(1064)), 1064);
        assert_eq!(owned_end(1000, 64, Some(5000)), 1064);
        assert_eq!(owned_end(1000, 64, None), 1064);
        // Called in place at offset 24, or at the frame's start.
        assert_eq!(owned_end(1000, 64, Some(1024)), 1024);
        assert_eq!(owned_end(1000, 64, Some(1000)), 1000);
        // A frame below this one (another stack segment) does not cut it.
        assert_eq!(owned_end(1000, 64, Some(900)), 1064);
    }
}
