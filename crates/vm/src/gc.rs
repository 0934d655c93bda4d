//! Garbage-collection roots: every frame's pointer words (by the compiler's stack maps) on
//! the goroutine's stack. Globals and host handles are scanned by the heap itself.
//!
//! Invariant: `Vm::cur_func`/`cur_fp` describe the running frame and `Vm::frames` the
//! suspended callers whenever an allocation can happen, so the walk below sees every frame.

use crate::vm::Vm;
use gosub_heap::{Addr, GcKind, RootSource};

struct FrameRoots {
    slots: Vec<Addr>,
}

impl RootSource for FrameRoots {
    fn visit_roots(&mut self, v: &mut dyn FnMut(Addr)) {
        for &s in &self.slots {
            v(s);
        }
    }
}

/// Addresses of all pointer-holding frame words.
pub fn frame_roots(vm: &Vm) -> Vec<Addr> {
    let mut slots = Vec::new();
    let prog = &vm.prog;
    let mut push = |func: u32, fp: Addr| {
        if let Some(f) = prog.funcs.get(func as usize) {
            for &w in &f.ptr_words {
                slots.push(fp + 8 * w as u64);
            }
        }
    };
    for ci in &vm.frames {
        push(ci.func, ci.fp);
    }
    if !vm.frames.is_empty() || vm.cur_fp != 0 {
        push(vm.cur_func, vm.cur_fp);
    }
    // Goroutines that are not running keep their frames on their own stacks.
    for (func, fp) in crate::sched::parked_frames(vm) {
        push(func, fp);
    }
    slots
}

/// Collects garbage with the VM's roots. A verifier failure (GOSUBDEBUG=gcverify=1) or a
/// promotion with no address space left is a fatal error of the program (never a process
/// exit: an embedding host gets it as an error).
pub fn collect(vm: &mut Vm, kind: GcKind) -> Result<(), crate::Trap> {
    let mut roots = FrameRoots {
        slots: frame_roots(vm),
    };
    vm.heap.collect(kind, &mut roots);
    vm.gc_epoch += 1;
    vm.mem_stamp += 1;
    for line in vm.heap.take_trace_lines() {
        vm.write_stderr(&format!("{line}\n"));
    }
    if let Some(e) = vm.heap.take_gc_error() {
        return Err(crate::Trap::Fatal(e.to_string()));
    }
    Ok(())
}

/// The program is about to observe the addresses `addrs` (printing a pointer, `%p`):
/// a young object among them is promoted by one young collection now (counted in NumGC,
/// and run even with GOGC=off), so that the address it shows is the one it keeps; old,
/// large and non-heap addresses never move. Returns true when a collection ran: values
/// read before must be read again from their (updated) roots.
pub fn pin_observed(vm: &mut Vm, addrs: &[Addr]) -> Result<bool, crate::Trap> {
    let mut any = false;
    for &a in addrs {
        any |= vm.heap.pin_observed(a);
    }
    if !any {
        return Ok(false);
    }
    let was = vm.heap.gc_inhibited();
    vm.heap.set_gc_inhibited(false);
    let r = collect(vm, GcKind::Minor);
    vm.heap.set_gc_inhibited(was);
    r.map(|_| true)
}
