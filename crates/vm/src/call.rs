//! Calls made outside the dispatch loop's inline call path: entering a frame (`enter`,
//! growing the stack with `stack::grow`), pushing and starting a deferred call
//! (`push_defer`, `start_deferred`), making a closure (`make_closure`), and calling Go
//! from a native (`call_sync`). The loop itself enters and leaves ordinary frames inline
//! (`interp::exec`: `call_into!` and `Op::Ret`) by the same rules.
//!
//! Invariants: a callee's frame starts where its caller's ends (except the first frame of
//! a `call_sync` segment) and fits its stack (plus 64 bytes) before it is entered; entering zeroes the callee's results and the pointer words
//! past its parameters, so the collector never reads a stale pointer from a fresh frame.
//! `call_sync` restores the caller's `cur_*` state whether or not the callee traps.

use crate::error::Trap;
use crate::frame::{rd, Frame};
use crate::interp::NONE;
use crate::vm::Vm;
use gosub_bytecode::bytecode::{Function, Op};
use gosub_bytecode::program::Program;
use gosub_heap::Addr;
use std::sync::Arc;

/// Prepares a new frame for `func` at `fp` on the running goroutine's stack, right after
/// the running frame: makes room (the stack may move: `stack::grow`), zeroes results and
/// pointer words. Returns the frame's address, which differs from `fp` if the stack moved.
pub fn enter(vm: &mut Vm, prog: &Program, func: u32, fp: Addr) -> Result<Addr, Trap> {
    let f = &prog.funcs[func as usize];
    let end = fp + f.frame_size as u64 + 64;
    let mut fp = fp;
    if end > vm.stack_guard {
        let rel = fp.wrapping_sub(vm.stack.base);
        crate::stack::grow(vm, end)?;
        fp = vm.stack.base.wrapping_add(rel);
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
    Ok(fp)
}

/// Starts the deferred call whose record is `head` in the frame at `fp`, the running frame
/// (`Vm::cur_fp`); unlinks it and returns the callee and its frame address. The stack may
/// move: the caller's frame is at `Vm::cur_fp` afterwards.
pub fn start_deferred(
    vm: &mut Vm,
    prog: &Arc<Program>,
    head: Addr,
    fp: Addr,
    f: &Function,
    _panicking: bool,
) -> Result<(u32, Addr), Trap> {
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
    // Entered while the record is still linked, so that a stack move relocates the stack
    // addresses in it (its closure, its arguments); unlinked from the (moved) frame after.
    let new_fp = enter(vm, prog, callee, fp + f.frame_size as u64)?;
    let fp = new_fp - f.frame_size as u64;
    let next = vm.heap.read_u64(head + 8)?;
    vm.heap
        .write_u64(fp + f.defer_off.unwrap_or(0) as u64, next)?;
    let clo = vm.heap.read_u64(head)?;
    if cf.params_size > 0 {
        vm.heap.copy(new_fp, head + 16, cf.params_size as usize)?;
    }
    if let Some(c) = cf.ctx_off {
        vm.heap.write_u64(new_fp + c as u64, clo)?;
    }
    Ok((callee, new_fp))
}

/// Pushes a deferred call (`Op::Defer` of the running function `f`, frame `fr`): a record
/// `{closure, next, argument bytes}` linked at the head of the list in this frame's defer
/// slot, or in another frame's (a range-over-func loop body's defer; that frame is live
/// while the body runs). Allocates before it reads the frame (slow_op.rs invariant).
pub fn push_defer(vm: &mut Vm, fr: &Frame, f: &Function, op: &Op) -> Result<(), Trap> {
    let Op::Defer {
        fv,
        args,
        args_size,
        gcty,
        list,
    } = *op
    else {
        return Err(Trap::Fatal(format!("not a defer: {op:?}")));
    };
    let rec = vm.alloc(vm.gcty(gcty), 1)?;
    let clo = rd(vm, fr, fv)?;
    let at = if list == NONE {
        fr.fp + f.defer_off.unwrap_or(0) as u64
    } else {
        vm.stack.base.wrapping_add(rd(vm, fr, list)?)
    };
    let head = vm.heap.read_u64(at)?;
    vm.heap.write_u64(rec, clo)?;
    vm.heap.write_u64(rec + 8, head)?;
    let bytes = vm
        .heap
        .bytes(fr.fp + args as u64, args_size as usize)?
        .to_vec();
    vm.heap.write_bytes(rec + 16, &bytes)?;
    vm.heap.write_u64(at, rec)?;
    Ok(())
}

/// A closure (`Op::MakeClosure`) of function `cf` capturing the `ncap` words at register
/// `caps` of frame `fr`: `{func, captures...}`, allocated before the captures are read.
pub fn make_closure(vm: &mut Vm, fr: &Frame, op: &Op) -> Result<Addr, Trap> {
    let Op::MakeClosure {
        func: cf,
        caps,
        ncap,
        gcty,
        ..
    } = *op
    else {
        return Err(Trap::Fatal(format!("not a closure: {op:?}")));
    };
    let c = vm.alloc(vm.gcty(gcty), 1)?;
    vm.heap.write_u64(c, cf as u64)?;
    for i in 0..ncap {
        let w = rd(vm, fr, caps + 8 * i)?;
        vm.heap.write_u64(c + 8 + 8 * i as u64, w)?;
    }
    Ok(c)
}

/// Calls Go function `func` from a native function with the given parameter bytes and
/// returns its result bytes. The callee runs on a stack segment of its own (the goroutine's
/// stack below, with the native's frame, never moves while the native holds addresses in
/// it); the collector stays inhibited (natives may hold heap addresses too), and the
/// nesting is bounded by how deeply natives call back into Go (fmt calling String methods),
/// not by Go recursion.
pub fn call_sync(vm: &mut Vm, func: u32, params: &[u8]) -> Result<Vec<u8>, Trap> {
    let prog = vm.prog.clone();
    let Some(f) = prog.funcs.get(func as usize) else {
        return Err(Trap::Fatal("bad function".into()));
    };
    let (off, n) = (f.results_off as u64, f.results_size as usize);
    call_sync_then(vm, func, params, |vm, fp| {
        Ok(vm.heap.bytes(fp + off, n)?.to_vec())
    })?
}

/// `call_sync`, handing the callee's frame address to `read` once the callee has returned
/// (its results are there) and before its stack segment is given back.
pub fn call_sync_then<R>(
    vm: &mut Vm,
    func: u32,
    params: &[u8],
    read: impl FnOnce(&mut Vm, Addr) -> R,
) -> Result<R, Trap> {
    let n = vm
        .prog
        .funcs
        .get(func as usize)
        .map_or(0, |f| params.len().min(f.params_size as usize));
    let write = |vm: &mut Vm, fp: Addr| Ok(vm.heap.write_bytes(fp, &params[..n])?);
    call_with(vm, func, None, write, read)
}

/// Calls the Go func value `clo` (a closure object: its function, then what it captured)
/// from a native: `write` fills in the parameters in the callee's frame, `read` reads the
/// results there, as `call_sync_then`.
pub fn call_closure_then<R>(
    vm: &mut Vm,
    clo: Addr,
    write: impl FnOnce(&mut Vm, Addr) -> Result<(), Trap>,
    read: impl FnOnce(&mut Vm, Addr) -> R,
) -> Result<R, Trap> {
    if clo == 0 {
        return Err(Trap::Runtime(
            "invalid memory address or nil pointer dereference".into(),
        ));
    }
    let func = vm.heap.read_u64(clo)? as u32;
    call_with(vm, func, Some(clo), write, read)
}

/// Nesting of native-to-Go calls from which they run on the deep stack segment.
const DEEP_CALLBACKS: u32 = 4;

/// `call_sync_then` and `call_closure_then`: `func` with closure context `ctx`.
fn call_with<R>(
    vm: &mut Vm,
    func: u32,
    ctx: Option<Addr>,
    write: impl FnOnce(&mut Vm, Addr) -> Result<(), Trap>,
    read: impl FnOnce(&mut Vm, Addr) -> R,
) -> Result<R, Trap> {
    let prog = vm.prog.clone();
    if vm.frames.len() > 10_000 {
        return Err(Trap::StackOverflow);
    }
    let f = prog
        .funcs
        .get(func as usize)
        .ok_or(Trap::Fatal("bad function".into()))?;
    let (cur, cur_fp, cur_kind, cur_pc) = (vm.cur_func, vm.cur_fp, vm.cur_kind, vm.cur_pc);
    let seg = crate::stack::new_stack(vm, f.frame_size as u64 + 64)?;
    let (stack, guard) = (vm.stack, vm.stack_guard);
    vm.stack = seg;
    vm.stack_guard = seg.limit;
    let depth = vm.frames.len() + 1;
    let run = |vm: &mut Vm| -> Result<Addr, Trap> {
        let fp = enter(vm, &prog, func, seg.base)?;
        write(vm, fp)?;
        if let (Some(c), Some(clo)) = (f.ctx_off, ctx) {
            vm.heap.write_u64(fp + c as u64, clo)?;
        }
        vm.frames.push(crate::frame::CallInfo {
            func: cur,
            pc: cur_pc as u32 + 1,
            fp: cur_fp,
            base: 0,
            kind: cur_kind,
        });
        vm.cur_kind = crate::frame::CallKind::Normal;
        let mut pos = crate::interp::Pos {
            func,
            pc: 0,
            fp,
            kind: crate::frame::CallKind::Normal,
        };
        crate::interp::exec(vm, &prog, &mut pos, depth)?;
        // The callee's frame is the first of the segment, wherever the segment moved.
        let fp = vm.stack.base;
        Ok(fp)
    };
    // Go code a native calls may call natives that call Go again (a String method that
    // prints its value with fmt): each level nests the interpreter on the Rust stack. From
    // `DEEP_CALLBACKS` levels on, the rest runs on the thread's deep stack segment
    // (gosub_heap::host_stack), so only the VM's own limits end the recursion, as Go's
    // stack limit does, whatever the host thread's stack.
    // A Rust panic inside (a host function's) is caught here, the VM's state restored
    // below, then the panic resumed: the host that catches it finds the VM consistent.
    vm.callback_depth += 1;
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        if vm.callback_depth >= DEEP_CALLBACKS {
            gosub_heap::host_stack::on_deep_stack(|| run(vm))
        } else {
            run(vm)
        }
    }));
    vm.callback_depth -= 1;
    let (r, panic) = match caught {
        // A goroutine cannot block or be switched out in Go code the runtime called: the
        // native's own work would be lost with its Rust frames (the scheduler does not
        // preempt there; blocking is refused).
        Ok(Err(Trap::Park(what))) => (Err(blocked(what)), None),
        Ok(Err(Trap::Sleep(_))) => (Err(blocked("sleep")), None),
        Ok(r) => (r, None),
        Err(p) => (Err(Trap::Fatal("panic".into())), Some(p)),
    };
    let r = r.map(|fp| read(vm, fp));
    vm.frames.truncate(depth - 1);
    let used = vm.stack;
    vm.stack = stack;
    vm.stack_guard = guard;
    crate::stack::free_stack(vm, used);
    vm.cur_func = cur;
    vm.cur_fp = cur_fp;
    vm.cur_kind = cur_kind;
    vm.cur_pc = cur_pc;
    if let Some(p) = panic {
        std::panic::resume_unwind(p);
    }
    r
}

/// The error of a goroutine that would block (`what`) inside Go code the runtime called.
fn blocked(what: &str) -> Trap {
    Trap::Fatal(format!(
        "gosub: {what} inside Go code called by the runtime (a method fmt calls, a sort \
         comparison, ...) is not supported: the goroutine cannot be switched out there"
    ))
}
