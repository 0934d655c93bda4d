//! Panics, recover, unwinding, and how a dying goroutine reports (`panic: ...`,
//! `goroutine 1 [running]:`, a traceback, exit status 2).
//!
//! Invariants: `Vm::panics` is the chain of panics in progress, oldest first; a panic value's
//! data word is held by a heap handle so collections during deferred calls keep it valid.
//! Unwinding runs the deferred calls of the panicking frame and then of each caller, as
//! `CallKind::DeferredPanic` calls; when one of them recovers, its frame returns normally
//! through its epilogue, and the recovered panic leaves the chain with every older one a
//! newer panic aborted (`PanicRec::defer_depth`).

use crate::error::{Trap, VmError};
use crate::frame::CallKind;
use crate::interp::Pos;
use crate::vm::{PanicRec, Vm};
use gosub_bytecode::program::{Program, RKind};
use gosub_heap::Addr;
use std::sync::Arc;

/// Starts a panic with the interface value {itab, data}. `panic(nil)` panics with a
/// *runtime.PanicNilError, as since Go 1.21.
pub fn go_panic(vm: &mut Vm, itab: u64, data: u64) -> Trap {
    if itab == 0 && vm.prog.runtime_errors.panic_nil.is_some() {
        return runtime_panic(vm, PANIC_NIL.into(), ErrType::PanicNil);
    }
    capture_traceback(vm);
    let h = vm.heap.new_handle(data);
    vm.panics.push(PanicRec {
        itab,
        data: h,
        recovered: false,
        runtime_msg: None,
        fixed_error: false,
        defer_depth: 0,
        goexit: false,
    });
    Trap::Unwind
}

fn capture_traceback(vm: &mut Vm) {
    if !vm.panics.iter().any(|p| !p.recovered) || vm.traceback.is_empty() {
        let mut tb = Vec::new();
        tb.push((vm.cur_func, vm.cur_pc));
        tb.extend(crate::frame::caller_pcs(&vm.frames, vm.cur_kind));
        vm.traceback = tb;
    }
}

/// `runtime.Goexit`: unwinds the goroutine, running its deferred calls as a panic would,
/// but with nothing to recover; at the top the goroutine ends (`Vm::goexit_done`).
pub fn goexit(vm: &mut Vm) -> Trap {
    let h = vm.heap.new_handle(0);
    vm.panics.push(PanicRec {
        itab: 0,
        data: h,
        recovered: false,
        runtime_msg: None,
        fixed_error: false,
        defer_depth: 0,
        goexit: true,
    });
    Trap::Unwind
}

/// `recover()`: the current panic's value if called directly by a deferred call run by the
/// panic, else nil (also during `runtime.Goexit`). Compiler-made wrappers
/// (`Function::wrapper`) between the deferred call and the function calling recover do not
/// count, as in Go: `defer t.M()` runs M through a bound method thunk, and M may recover.
pub fn recover(vm: &mut Vm) -> (u64, u64) {
    let mut kind = vm.cur_kind;
    for ci in vm.frames.iter().rev() {
        if kind != CallKind::Normal || !vm.prog.funcs[ci.func as usize].wrapper {
            break;
        }
        kind = ci.kind;
    }
    if kind != CallKind::DeferredPanic {
        return (0, 0);
    }
    let Some(top) = vm.panics.last_mut() else {
        return (0, 0);
    };
    if top.recovered || top.goexit {
        return (0, 0);
    }
    top.recovered = true;
    let h = top.data;
    let itab = top.itab;
    (itab, vm.heap.handle_get(h).unwrap_or(0))
}

/// After a deferred call run by a panic returns: true if the panic was recovered (the
/// frame then returns normally), false to keep unwinding.
pub fn after_deferred_in_panic(vm: &mut Vm) -> bool {
    match vm.panics.last() {
        Some(p) if p.recovered => {
            // The recovered panic is over, and so is every older one whose deferred call
            // was at this call's depth or deeper: a newer panic unwound through that call
            // (as when a deferred function recovers and panics anew), so it was aborted.
            let depth = p.defer_depth;
            if let Some(p) = vm.panics.pop() {
                vm.heap.drop_handle(p.data);
            }
            while vm.panics.last().is_some_and(|p| p.defer_depth >= depth) {
                if let Some(p) = vm.panics.pop() {
                    vm.heap.drop_handle(p.data);
                }
            }
            vm.traceback.clear();
            true
        }
        _ => false,
    }
}

/// What `panic(nil)` panics with (the Error of a *runtime.PanicNilError).
const PANIC_NIL: &str = "panic called with nil argument";

/// The runtime's error types a runtime panic's value may have (`RuntimeErrorItabs`).
#[derive(Clone, Copy)]
enum ErrType {
    ErrorString,
    Bounds,
    Plain,
    TypeAssertion,
    PanicNil,
    /// Not a runtime error: the value is the string itself.
    Str,
}

/// Boxes a runtime error message as the panic value: a value of the runtime's error type
/// for it when the program has package runtime, else a string. Every one of those types
/// holds just the message (a string, or a pointer to a struct whose first field is it), so
/// one box serves them all.
fn runtime_panic(vm: &mut Vm, msg: String, ty: ErrType) -> Trap {
    // The runtime's fixed errors are single values (`divideError`, `memoryError`, a
    // constant `plainError`): two panics with one of them have the very same value, which
    // `die` prints once. A bounds, conversion or type error is a new value each time, and
    // so is the text of `hash of unhashable type T`.
    let fixed_error = matches!(ty, ErrType::ErrorString | ErrType::Plain)
        && !msg.contains("unhashable type")
        && !msg.contains("uncomparable type");
    let text = msg.clone();
    let (itab, data) = box_message(vm, &text, ty).unwrap_or_default();
    capture_traceback(vm);
    let h = vm.heap.new_handle(data);
    vm.panics.push(PanicRec {
        itab,
        data: h,
        recovered: false,
        runtime_msg: Some(msg),
        fixed_error,
        defer_depth: 0,
        goexit: false,
    });
    Trap::Unwind
}

fn box_message(vm: &mut Vm, text: &str, ty: ErrType) -> Result<(u64, u64), Trap> {
    let r = &vm.prog.runtime_errors;
    let itab = match ty {
        ErrType::ErrorString => r.error_string,
        ErrType::Bounds => r.bounds_error.or(r.error_string),
        ErrType::Plain => r.plain_error.or(r.error_string),
        ErrType::TypeAssertion => r.type_assertion.or(r.error_string),
        ErrType::PanicNil => r.panic_nil,
        ErrType::Str => None,
    }
    .or(vm.prog.string_itab);
    let Some(itab) = itab else { return Ok((0, 0)) };
    let was = vm.heap.gc_inhibited();
    vm.heap.set_gc_inhibited(true);
    let r = (|| {
        let (p, n) = vm.new_string(text.as_bytes())?;
        let string_t = vm.heap.register_type(16, &[0]);
        let b = vm.alloc(string_t, 1)?;
        vm.heap.write_u64(b, p)?;
        vm.heap.write_u64(b + 8, n)?;
        Ok((itab as u64 + 1, b))
    })();
    vm.heap.set_gc_inhibited(was);
    r
}

/// Handles a trap raised at `pos`: runtime errors become panics; panics unwind; fatal
/// errors and exits end the run.
pub fn handle_trap(
    vm: &mut Vm,
    prog: &Arc<Program>,
    pos: &mut Pos,
    trap: Trap,
) -> Result<(), VmError> {
    vm.cur_pc = pos.pc.saturating_sub(1);
    let t = match trap {
        Trap::Runtime(msg) => {
            // Interface conversion errors are runtime.Errors whose text has no prefix.
            if msg.starts_with("interface conversion") {
                runtime_panic(vm, msg, ErrType::TypeAssertion)
            } else {
                let ty = if msg.starts_with("index out of range")
                    || msg.starts_with("slice bounds out of range")
                    || msg.starts_with("cannot convert slice with length")
                {
                    ErrType::Bounds
                } else {
                    ErrType::ErrorString
                };
                runtime_panic(vm, format!("runtime error: {}", msg), ty)
            }
        }
        Trap::PlainError(msg) => runtime_panic(vm, msg, ErrType::Plain),
        Trap::PanicString(msg) => runtime_panic(vm, msg, ErrType::Str),
        other => other,
    };
    match t {
        Trap::Unwind => unwind(vm, prog, pos),
        other => Err(fatal_for(vm, other)),
    }
}

/// Turns a non-panic trap into the run's result, printing what Go prints.
pub fn fatal_for(vm: &mut Vm, t: Trap) -> VmError {
    match t {
        Trap::Exit(c) => VmError::Exit(c),
        Trap::StackOverflow => {
            let msg = format!("runtime: goroutine stack exceeds {}-byte limit\nfatal error: stack overflow\n\nruntime stack:\n", vm.max_stack_bytes.min(i64::MAX as u64));
            let tb = traceback_text(vm);
            let id = vm.sched.cur_id;
            vm.write_report(&format!("{}\ngoroutine {} [running]:\n{}", msg, id, tb));
            VmError::Fatal {
                message: "stack overflow".into(),
                exit_code: 2,
            }
        }
        Trap::OutOfMemory => {
            let id = vm.sched.cur_id;
            vm.write_report(&format!(
                "fatal error: runtime: out of memory\n\ngoroutine {} [running]:\n",
                id
            ));
            VmError::Fatal {
                message: "out of memory".into(),
                exit_code: 2,
            }
        }
        Trap::Fatal(m) => {
            let m = crate::cmem::explain_fault(vm, m);
            let id = vm.sched.cur_id;
            vm.write_report(&format!(
                "fatal error: {}\n\ngoroutine {} [running]:\n",
                m, id
            ));
            VmError::Fatal {
                message: m,
                exit_code: 2,
            }
        }
        Trap::Runtime(m) | Trap::PlainError(m) | Trap::PanicString(m) => {
            vm.write_report(&format!("panic: {}\n", m));
            VmError::Panic {
                message: m,
                exit_code: 2,
                traceback: String::new(),
            }
        }
        Trap::Unwind | Trap::Park(_) | Trap::Yield | Trap::Sleep(_) => VmError::Fatal {
            message: "unwind".into(),
            exit_code: 2,
        },
        Trap::OutOfFuel => {
            vm.write_report("gosub: instruction budget exhausted\n");
            VmError::OutOfFuel
        }
        Trap::Interrupted => {
            vm.interrupt
                .store(false, std::sync::atomic::Ordering::Relaxed);
            vm.write_report("gosub: interrupted\n");
            VmError::Interrupted
        }
    }
}

/// Runs the next deferred call of the panicking frames, or dies at the top.
fn unwind(vm: &mut Vm, prog: &Arc<Program>, pos: &mut Pos) -> Result<(), VmError> {
    loop {
        let f = &prog.funcs[pos.func as usize];
        if let Some(doff) = f.defer_off {
            let head = vm.heap.read_u64(pos.fp + doff as u64).unwrap_or(0);
            if head != 0 {
                // The unwinding frame is the running one (a deferred call may move the
                // stack, relocating `cur_fp`).
                vm.cur_func = pos.func;
                vm.cur_fp = pos.fp;
                match crate::call::start_deferred(vm, prog, head, pos.fp, f, true) {
                    Ok((nf, nfp)) => {
                        pos.fp = vm.cur_fp;
                        vm.frames.push(crate::frame::CallInfo {
                            func: pos.func,
                            pc: f.epilogue,
                            fp: pos.fp,
                            base: 0,
                            kind: pos.kind,
                        });
                        *pos = Pos {
                            func: nf,
                            pc: 0,
                            fp: nfp,
                            kind: CallKind::DeferredPanic,
                        };
                        vm.cur_kind = CallKind::DeferredPanic;
                        if let Some(p) = vm.panics.last_mut() {
                            p.defer_depth = vm.frames.len();
                        }
                        return Ok(());
                    }
                    Err(t) => return Err(fatal_for(vm, t)),
                }
            }
        }
        match vm.frames.pop() {
            Some(ci) => {
                *pos = Pos {
                    func: ci.func,
                    pc: ci.pc as usize,
                    fp: ci.fp,
                    kind: ci.kind,
                };
                vm.cur_func = ci.func;
                vm.cur_fp = ci.fp;
                vm.cur_kind = ci.kind;
            }
            None if vm.panics.last().is_some_and(|p| p.goexit) => {
                while let Some(p) = vm.panics.pop() {
                    vm.heap.drop_handle(p.data);
                }
                vm.traceback.clear();
                vm.goexit_done = true;
                return Ok(());
            }
            None => return Err(die(vm, prog)),
        }
    }
}

/// Prints the panic chain and traceback; the goroutine (and program) ends with exit 2.
/// As Go's `printpanics`: a panic whose value is the very value of the panic before it
/// (the same interface words, or the same fixed runtime error) is not printed; the one
/// before it is marked `[recovered, repanicked]` if it was recovered.
fn die(vm: &mut Vm, prog: &Arc<Program>) -> VmError {
    let mut out = String::new();
    let n = vm.panics.len();
    let same = |vm: &Vm, i: usize| {
        let (a, b) = (&vm.panics[i - 1], &vm.panics[i]);
        (a.itab == b.itab && vm.heap.handle_get(a.data) == vm.heap.handle_get(b.data))
            || (a.fixed_error && b.fixed_error && a.runtime_msg == b.runtime_msg)
    };
    let mut first = String::new();
    for i in 0..n {
        if i > 0 && same(vm, i) {
            continue;
        }
        let repeated = i + 1 < n && same(vm, i + 1);
        let (itab, h, rec, rmsg) = {
            let p = &vm.panics[i];
            (p.itab, p.data, p.recovered, p.runtime_msg.clone())
        };
        let data = vm.heap.handle_get(h).unwrap_or(0);
        let text = match rmsg {
            Some(m) => m,
            None => panic_value_text(vm, prog, itab, data),
        };
        if i == 0 {
            first = text.clone();
        }
        out.push_str(if i == 0 { "panic: " } else { "\tpanic: " });
        out.push_str(&text);
        if rec && repeated {
            out.push_str(" [recovered, repanicked]");
        } else if rec {
            out.push_str(" [recovered]");
        }
        out.push('\n');
    }
    if vm.panics.iter().any(|p| {
        p.runtime_msg
            .as_deref()
            .is_some_and(|m| m.contains("nil pointer dereference"))
    }) {
        out.push_str("[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n");
    }
    out.push_str(&format!("\ngoroutine {} [running]:\n", vm.sched.cur_id));
    let tb = traceback_text(vm);
    out.push_str(&tb);
    vm.write_report(&out);
    VmError::Panic {
        message: first,
        exit_code: 2,
        traceback: tb,
    }
}

pub fn traceback_text(vm: &Vm) -> String {
    format_frames(vm, &vm.traceback)
}

/// `pkg.func(...)` / `\tfile:line` lines for (function, pc) frames, innermost first, each
/// VM frame expanded into the functions inlined at its instruction (as gc prints them:
/// `(...)` for an inlined frame).
pub fn format_frames(vm: &Vm, frames: &[(u32, usize)]) -> String {
    let mut s = String::new();
    for &(func, pc) in frames {
        let Some(f) = vm.prog.funcs.get(func as usize) else {
            continue;
        };
        let mut n = f.logical_frames(pc).len() as u32;
        if f.name == "runtime.main" {
            n -= 1; // the VM's entry: only the bodies inlined into it are listed
        }
        for depth in 0..n {
            s.push_str(&format_frame(vm, func, pc, depth));
        }
    }
    s
}

/// The traceback lines of source-level frame `depth` (0 the innermost inlined function)
/// at instruction `pc` of function `func`.
pub fn format_frame(vm: &Vm, func: u32, pc: usize, depth: u32) -> String {
    let Some(f) = vm.prog.funcs.get(func as usize) else {
        return String::new();
    };
    let frames = f.logical_frames(pc);
    let Some(lf) = frames.get(depth as usize) else {
        return String::new();
    };
    let (name, args) = match lf.inlined {
        Some(g) => {
            let name = vm
                .prog
                .funcs
                .get(g as usize)
                .map_or("?", |g| g.name.as_str());
            (name, "(...)")
        }
        None => (
            f.name.as_str(),
            if f.params_size == 0 { "()" } else { "(...)" },
        ),
    };
    let (file, line) = match &vm.source_pos {
        Some(sp) => sp(lf.pos),
        None => ("?".into(), 0),
    };
    format!("{}{}\n\t{}:{}\n", name, args, file, line)
}

/// The text Go prints for a panic value: Error()/String() for errors and Stringers, the
/// value for basic kinds (named basic types as `main.T(v)`), else `(T) addr`.
pub fn panic_value_text(vm: &mut Vm, prog: &Arc<Program>, itab: u64, data: Addr) -> String {
    if itab == 0 {
        return PANIC_NIL.into();
    }
    let Some(rt) = crate::iface::dyn_rtype(vm, itab) else {
        return "?".into();
    };
    let r = &prog.rtypes[rt as usize];
    for m in ["Error", "String"] {
        if let Some(&(_, f)) = r.methods.iter().find(|(n, _)| n == m) {
            if let Ok(s) = call_string_method(vm, prog, f, data) {
                return s;
            }
        }
    }
    let val_addr = if r.direct { None } else { Some(data) };
    let plain = match (r.kind, val_addr) {
        (RKind::String, Some(a)) => vm.read_string(a).map(|b| crate::strings::lossy(&b)).ok(),
        (k, Some(a)) if is_basic(k) => crate::print::print_value(vm, prog, rt, a).ok(),
        _ => None,
    };
    match plain {
        Some(v) if r.named => {
            if r.kind == RKind::String {
                format!("{}({:?})", r.name, v)
            } else if matches!(r.kind, RKind::Complex64 | RKind::Complex128) {
                format!("{}{}", r.name, v)
            } else {
                format!("{}({})", r.name, v)
            }
        }
        Some(v) => v,
        None => format!("({}) {:#x}", r.name, data),
    }
}

fn is_basic(k: RKind) -> bool {
    !matches!(
        k,
        RKind::Pointer
            | RKind::Slice
            | RKind::Array
            | RKind::Map
            | RKind::Chan
            | RKind::Func
            | RKind::Struct
            | RKind::Interface
            | RKind::Tuple
            | RKind::Invalid
    )
}

/// Calls a `func(recv) string` method (receiver = interface data word) on a fresh stack
/// segment above the current frames and returns its result. Used only when a goroutine dies
/// (its frames are gone), so this nests the interpreter at most once.
fn call_string_method(
    vm: &mut Vm,
    prog: &Arc<Program>,
    func: u32,
    data: Addr,
) -> Result<String, Trap> {
    let f = &prog.funcs[func as usize];
    vm.frames.clear();
    vm.cur_fp = 0;
    let fp = crate::call::enter(vm, prog, func, vm.stack.base)?;
    vm.heap.write_u64(fp, data)?;
    let mut pos = Pos {
        func,
        pc: 0,
        fp,
        kind: CallKind::Normal,
    };
    crate::interp::exec(vm, prog, &mut pos, 0)?;
    // The frame is the first of the stack, wherever the stack moved meanwhile.
    let s = vm.read_string(vm.stack.base + f.results_off as u64)?;
    Ok(crate::strings::lossy(&s))
}
