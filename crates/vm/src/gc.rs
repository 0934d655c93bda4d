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
    slots
}

pub fn collect(vm: &mut Vm, kind: GcKind) {
    let mut roots = FrameRoots { slots: frame_roots(vm) };
    vm.heap.collect(kind, &mut roots);
    vm.gc_epoch += 1;
}
