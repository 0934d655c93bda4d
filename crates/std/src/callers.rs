//! Package runtime's view of the call stack: `Caller`, `Callers`, `FuncForPC`'s names and
//! positions, and `Stack` — the current goroutine's VM frames seen as Go's program counters.
//!
//! Invariants:
//! - A program counter is `(inline depth << 56) | ((function index + 1) << 32) |
//!   (2 * (instruction index + 1))`, never 0; the instruction is the call (so
//!   `FuncForPC(pc).FileLine(pc)` gives `Caller`'s line, and so does `pc - 1`, as Go code
//!   asks of a return address). The inline depth picks one of
//!   the functions inlined at that instruction (`gosub_bytecode::inline_pos`): 0 the
//!   innermost, up to the compiled function itself. The function index alone (`entry`) is
//!   the function's entry PC, which names the function's declaration.
//! - Frames are listed innermost first: the native itself (it has a frame of its own),
//!   then its callers, each VM frame expanded into its inlined calls as gc's traceback
//!   expands them; `runtime.main` (the VM's entry, not a Go function) is never listed, only
//!   the bodies inlined into it.
//! - Positions come from the same source map as panic tracebacks (`Vm::source_pos`), so a
//!   file name is as the traceback prints it.

use crate::natives::native;
use gosub_heap::Addr;
use gosub_vm::{NativeRegistry, Vm};

/// One source-level frame: (function index, instruction index, inline depth) — depth 0 the
/// innermost function an instruction's position names, counting out through the calls
/// its body was inlined from (`gosub_bytecode::inline_pos`) to the compiled function.
type Frame = (u32, usize, u32);

/// The current goroutine's source-level frames, innermost first: the native being run (a
/// frame of its own), then its callers, each VM frame expanded into the functions inlined
/// at its instruction and the function itself.
fn frames(vm: &Vm) -> Vec<Frame> {
    let mut phys = vec![(vm.cur_func, vm.cur_pc)];
    phys.extend(gosub_vm::frame::caller_pcs(&vm.frames, vm.cur_kind));
    let mut out = Vec::new();
    for (func, pc) in phys {
        let Some(f) = vm.prog.funcs.get(func as usize) else {
            continue;
        };
        let mut n = f.logical_frames(pc).len() as u32;
        if f.name == "runtime.main" {
            n -= 1; // its inlined bodies only (a package variable's initializer's calls)
        }
        out.extend((0..n).map(|d| (func, pc, d)));
    }
    out
}

/// The PC of a frame. The inline depth lives in bits 56..63, above the function index
/// (a depth that does not fit, or a function index of 24 bits or more, reads as depth 0).
/// The low half is 2 * (instruction index + 1), so `pc - 1` (how Go code turns
/// a return address into the call's: `FuncForPC(pc - 1)`) names the same instruction.
pub(crate) fn encode((func, pc, depth): Frame) -> u64 {
    let d = if depth < 128 && func < (1 << 23) {
        u64::from(depth) << 56
    } else {
        0
    };
    let low = (pc as u64 + 1)
        .saturating_mul(2)
        .min(u64::from(u32::MAX) - 1);
    d | ((func as u64 + 1) << 32) | low
}

/// The frame a PC names (None for 0 or an unknown function); instruction None for an
/// entry PC, which names the function's declaration.
fn decode(vm: &Vm, pc: u64) -> Option<(u32, Option<usize>, u32)> {
    let depth = (pc >> 56) as u32 & 0x7f;
    let func = u32::try_from(((pc >> 32) & 0xff_ffff).checked_sub(1)?).ok()?;
    vm.prog.funcs.get(func as usize)?;
    let low = pc & 0xffff_ffff;
    Some((
        func,
        (low > 0).then(|| (low as usize).div_ceil(2) - 1),
        depth,
    ))
}

/// (function index, source offset) of frame `depth` at instruction `pc` of function `func`
/// (its declaration when `pc` is None): an inlined callee's index where the frame is one.
fn logical(vm: &Vm, func: u32, pc: Option<usize>, depth: u32) -> (u32, u32) {
    let Some(f) = vm.prog.funcs.get(func as usize) else {
        return (func, 0);
    };
    let Some(pc) = pc else {
        return (func, f.decl_pos);
    };
    let frames = f.logical_frames(pc);
    let lf = frames.get(depth as usize).or(frames.last());
    match lf {
        Some(lf) => (lf.inlined.unwrap_or(func), lf.pos),
        None => (func, f.decl_pos),
    }
}

/// The function (index) frame `depth` at `pc` of `func` is in.
pub(crate) fn logical_func(vm: &Vm, func: u32, pc: Option<usize>, depth: u32) -> u32 {
    logical(vm, func, pc, depth).0
}

/// How many source-level frames instruction `pc` of `func` stands for (1 outside inlined
/// bodies).
pub(crate) fn depth_of(vm: &Vm, func: u32, pc: u32) -> u32 {
    vm.prog
        .funcs
        .get(func as usize)
        .map_or(1, |f| f.logical_frames(pc as usize).len() as u32)
}

/// The name of the function frame `depth` at `pc` of `func` is in.
fn name(vm: &Vm, func: u32, pc: Option<usize>, depth: u32) -> String {
    let g = logical_func(vm, func, pc, depth);
    vm.prog
        .funcs
        .get(g as usize)
        .map(|f| f.name.clone())
        .unwrap_or_default()
}

/// (file, line) of frame `depth` at an instruction of a function (its declaration when
/// `pc` is None).
pub(crate) fn position(vm: &Vm, func: u32, pc: Option<usize>, depth: u32) -> (String, i64) {
    let (_, pos) = logical(vm, func, pc, depth);
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
            Some((func, pc, depth)) => {
                let (file, line) = position(a.vm, func, Some(pc), depth);
                a.ret_int(encode((func, pc, depth)) as i64)?;
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
        let name = decode(a.vm, pc).map(|(f, i, d)| name(a.vm, f, i, d));
        a.ret_string(name.unwrap_or_default().as_bytes())?;
    });
    native!(r, "runtime.funcFileLine", |a| {
        let pc = a.int()? as u64;
        let (file, line) = match decode(a.vm, pc) {
            Some((f, i, d)) => position(a.vm, f, i, d),
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
        for (func, pc, depth) in fs {
            s.push_str(&gosub_vm::panic::format_frame(a.vm, func, pc, depth));
        }
        a.ret_string(s.as_bytes())?;
    });
}
