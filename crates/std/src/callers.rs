//! Package runtime's view of the call stack: `Caller`, `Callers`, `FuncForPC`'s names and
//! positions, and `Stack` — the current goroutine's VM frames seen as Go's program counters.
//!
//! Invariants:
//! - A program counter is `((function index + 1) << 32) | (instruction index + 1)`, never
//!   0; the instruction is the call (so `FuncForPC(pc).FileLine(pc)` gives `Caller`'s
//!   line). The high half alone (`entry`) is the function's entry PC, which names the
//!   function's declaration.
//! - Frames are listed innermost first: the native itself (it has a frame of its own),
//!   then its callers; `runtime.main` (the VM's entry, not a Go function) is never listed.
//! - Positions come from the same source map as panic tracebacks (`Vm::source_pos`), so a
//!   file name is as the traceback prints it.

use crate::natives::native;
use gosub_heap::Addr;
use gosub_vm::{NativeRegistry, Vm};

/// (function index, instruction index) of the current goroutine's frames, innermost
/// first: the native being run (a frame of its own), then its callers.
fn frames(vm: &Vm) -> Vec<(u32, usize)> {
    let mut out = vec![(vm.cur_func, vm.cur_pc)];
    for ci in vm.frames.iter().rev() {
        out.push((ci.func, ci.pc.saturating_sub(1) as usize));
    }
    out.retain(|&(f, _)| {
        vm.prog
            .funcs
            .get(f as usize)
            .is_some_and(|f| f.name != "runtime.main")
    });
    out
}

pub(crate) fn encode((func, pc): (u32, usize)) -> u64 {
    ((func as u64 + 1) << 32) | (pc as u64 + 1)
}

/// The function index and instruction index a PC names (None for 0 or an unknown
/// function). An entry PC names the function's declaration.
fn decode(vm: &Vm, pc: u64) -> Option<(u32, Option<usize>)> {
    let func = u32::try_from((pc >> 32).checked_sub(1)?).ok()?;
    vm.prog.funcs.get(func as usize)?;
    let low = pc & 0xffff_ffff;
    Some((func, low.checked_sub(1).map(|i| i as usize)))
}

/// (file, line) of an instruction of a function (its declaration when `pc` is None).
pub(crate) fn position(vm: &Vm, func: u32, pc: Option<usize>) -> (String, i64) {
    let f = &vm.prog.funcs[func as usize];
    let pos = pc.and_then(|i| f.pos.get(i).copied()).unwrap_or(f.decl_pos);
    match &vm.source_pos {
        Some(sp) => {
            let (file, line) = sp(pos);
            (file, line as i64)
        }
        None => ("?".into(), 0),
    }
}

/// Writes `pcs` into the `[]uintptr` whose data is at `data` (at most `len`); the count.
fn store_pcs(vm: &mut Vm, data: Addr, len: u64, pcs: &[u64]) -> Result<i64, gosub_vm::Trap> {
    let n = pcs.len().min(len as usize);
    for (i, &pc) in pcs[..n].iter().enumerate() {
        vm.heap.write_u64(data + 8 * i as u64, pc)?;
    }
    Ok(n as i64)
}

pub fn register(r: &mut NativeRegistry) {
    native!(r, "runtime.Caller", |a| {
        let skip = a.int()?;
        let fs = frames(a.vm); // fs[0] is runtime.Caller, the native itself
        match usize::try_from(skip)
            .ok()
            .and_then(|s| fs.get(s + 1))
            .copied()
        {
            Some((func, pc)) => {
                let (file, line) = position(a.vm, func, Some(pc));
                a.ret_int(encode((func, pc)) as i64)?;
                a.ret_string(file.as_bytes())?;
                a.ret_int(line)?;
                a.ret_bool(true)?;
            }
            None => {
                a.ret_int(0)?;
                a.ret_string(b"")?;
                a.ret_int(0)?;
                a.ret_bool(false)?;
            }
        }
    });
    native!(r, "runtime.Callers", |a| {
        let skip = a.int()?;
        let (data, len) = a.slice_ref()?;
        // skip 0 is runtime.Callers itself, the native's own frame.
        let pcs: Vec<u64> = frames(a.vm).into_iter().map(encode).collect();
        let from = usize::try_from(skip).unwrap_or(0).min(pcs.len());
        let n = store_pcs(a.vm, data, len, &pcs[from..])?;
        a.ret_int(n)?;
    });
    native!(r, "runtime.funcName", |a| {
        let pc = a.int()? as u64;
        let name = decode(a.vm, pc).map(|(f, _)| a.vm.prog.funcs[f as usize].name.clone());
        a.ret_string(name.unwrap_or_default().as_bytes())?;
    });
    native!(r, "runtime.funcFileLine", |a| {
        let pc = a.int()? as u64;
        let (file, line) = match decode(a.vm, pc) {
            Some((f, i)) => position(a.vm, f, i),
            None => (String::new(), 0),
        };
        a.ret_string(file.as_bytes())?;
        a.ret_int(line)?;
    });
    native!(r, "runtime.stack", |a| {
        let _all = a.int()?;
        let id = a.vm.sched.cur_id;
        // Without runtime.stack (the native) and runtime.Stack (its Go caller).
        let fs: Vec<_> = frames(a.vm).into_iter().skip(2).collect();
        let mut s = format!("goroutine {id} [running]:\n");
        s.push_str(&gosub_vm::panic::format_frames(a.vm, &fs));
        a.ret_string(s.as_bytes())?;
    });
}
