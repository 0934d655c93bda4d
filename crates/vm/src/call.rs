//! Calls made outside the dispatch loop's inline call path: entering a frame (`enter`,
//! committing stack with `grow`), starting a deferred call (`start_deferred`), and calling Go
//! from a native (`call_sync`). The loop itself enters and leaves ordinary frames inline
//! (`interp::exec`: `call_into!` and `Op::Ret`) by the same rules.
//!
//! Invariants: a callee's frame starts where its caller's ends and is committed (plus 64
//! bytes) before it is entered; entering zeroes the callee's results and the pointer words
//! past its parameters, so the collector never reads a stale pointer from a fresh frame.
//! `call_sync` restores the caller's `cur_*` state whether or not the callee traps.

use crate::error::Trap;
use crate::vm::Vm;
use gosub_bytecode::bytecode::Function;
use gosub_bytecode::program::Program;
use gosub_heap::Addr;
use std::sync::Arc;

/// The end of the current goroutine's usable stack: its reserved range, or less under a
/// smaller debug.SetMaxStack.
#[inline]
fn stack_limit(vm: &Vm) -> Addr {
    vm.stack
        .limit
        .min(vm.stack.base.saturating_add(vm.max_stack_bytes))
}

/// Prepares a new frame for `func` at `fp`: commits stack, zeroes results and pointer words.
pub fn enter(vm: &mut Vm, prog: &Program, func: u32, fp: Addr) -> Result<(), Trap> {
    let f = &prog.funcs[func as usize];
    let end = fp + f.frame_size as u64 + 64;
    if end > stack_limit(vm) {
        return Err(Trap::StackOverflow);
    }
    if end > vm.stack_committed {
        vm.stack_committed = vm
            .heap
            .grow_stack(vm.stack.base, end)
            .map_err(|_| Trap::StackOverflow)?;
    }
    if f.results_size > 0 {
        vm.heap
            .fill_zero(fp + f.results_off as u64, f.results_size as usize)?;
    }
    for &w in &f.ptr_words {
        if w * 8 >= f.params_size {
            vm.heap.write_u64(fp + 8 * w as u64, 0)?;
        }
    }
    Ok(())
}

/// Commits the goroutine stack up to `end` (or reports Go's stack overflow).
pub fn grow(vm: &mut Vm, end: Addr) -> Result<(), Trap> {
    if end > stack_limit(vm) {
        return Err(Trap::StackOverflow);
    }
    vm.stack_committed = vm
        .heap
        .grow_stack(vm.stack.base, end)
        .map_err(|_| Trap::StackOverflow)?;
    Ok(())
}

/// Starts the deferred call whose record is `head` in the frame at `fp`; unlinks it and
/// returns the callee and its frame address.
pub fn start_deferred(
    vm: &mut Vm,
    prog: &Arc<Program>,
    head: Addr,
    fp: Addr,
    f: &Function,
    _panicking: bool,
) -> Result<(u32, Addr), Trap> {
    let next = vm.heap.read_u64(head + 8)?;
    vm.heap
        .write_u64(fp + f.defer_off.unwrap_or(0) as u64, next)?;
    let clo = vm.heap.read_u64(head)?;
    if clo == 0 {
        return Err(Trap::Runtime(
            "invalid memory address or nil pointer dereference".into(),
        ));
    }
    let callee = vm.heap.read_u64(clo)? as u32;
    let cf = prog
        .funcs
        .get(callee as usize)
        .ok_or(Trap::Fatal("bad deferred function".into()))?;
    let new_fp = fp + f.frame_size as u64;
    enter(vm, prog, callee, new_fp)?;
    if cf.params_size > 0 {
        vm.heap.copy(new_fp, head + 16, cf.params_size as usize)?;
    }
    if let Some(c) = cf.ctx_off {
        vm.heap.write_u64(new_fp + c as u64, clo)?;
    }
    Ok((callee, new_fp))
}

/// Calls Go function `func` from a native function with the given parameter bytes, on the
/// stack above the native's frame, and returns its result bytes. The collector stays
/// inhibited (natives may hold addresses), and the nesting is bounded by how deeply natives
/// call back into Go (fmt calling String methods), not by Go recursion.
pub fn call_sync(vm: &mut Vm, func: u32, params: &[u8]) -> Result<Vec<u8>, Trap> {
    let prog = vm.prog.clone();
    if vm.frames.len() > 10_000 {
        return Err(Trap::StackOverflow);
    }
    let (cur, cur_fp, cur_kind, cur_pc) = (vm.cur_func, vm.cur_fp, vm.cur_kind, vm.cur_pc);
    let fsz = prog.funcs[cur as usize].frame_size as u64;
    let fp = cur_fp + fsz;
    let f = prog
        .funcs
        .get(func as usize)
        .ok_or(Trap::Fatal("bad function".into()))?;
    enter(vm, &prog, func, fp)?;
    let n = params.len().min(f.params_size as usize);
    vm.heap.write_bytes(fp, &params[..n])?;
    vm.frames.push(crate::frame::CallInfo {
        func: cur,
        pc: cur_pc as u32 + 1,
        fp: cur_fp,
        base: 0,
        kind: cur_kind,
    });
    let depth = vm.frames.len();
    vm.cur_kind = crate::frame::CallKind::Normal;
    let mut pos = crate::interp::Pos {
        func,
        pc: 0,
        fp,
        kind: crate::frame::CallKind::Normal,
    };
    let r = crate::interp::exec(vm, &prog, &mut pos, depth);
    vm.frames.truncate(depth - 1);
    vm.cur_func = cur;
    vm.cur_fp = cur_fp;
    vm.cur_kind = cur_kind;
    vm.cur_pc = cur_pc;
    r?;
    Ok(vm
        .heap
        .bytes(fp + f.results_off as u64, f.results_size as usize)?
        .to_vec())
}
