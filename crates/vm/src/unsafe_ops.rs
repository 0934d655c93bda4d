//! Package unsafe at run time: the instructions that need a check (`UintptrToPtr`,
//! `UnsafeSlice`). `unsafe.Add`, `StringData`, `SliceData` and the other pointer conversions
//! are plain word arithmetic and moves; Sizeof, Alignof and Offsetof are constants folded
//! by the checker with gc's amd64 layout.
//!
//! Invariants:
//! - An address in a garbage-collected space (nursery, survivor, old or large-object
//!   space) never becomes an `unsafe.Pointer` through an integer: the nursery moves objects
//!   and rewrites only pointer words, so an integer copy of an address goes stale at the next
//!   collection. `UintptrToPtr` turns that into a fatal error naming the address. Addresses
//!   elsewhere (C memory from crates/vm/src/cmem.rs, goroutine stacks, globals, constants,
//!   nil) are not moved and pass unchanged.
//! - `UnsafeSlice` raises Go's run-time errors with Go's wording (`unsafe.Slice: len out of
//!   range`, `unsafe.String: ptr is nil and len is not zero`).

use crate::error::Trap;
use crate::frame::{rd, wr, Frame};
use crate::vm::Vm;
use gosub_bytecode::bytecode::Op;
use gosub_heap::Addr;

/// Is `a` inside one of the collector's spaces (live object or not)?
pub fn in_gc_space(vm: &Vm, a: Addr) -> bool {
    let l = vm.heap.layout();
    let lo = l.nursery.base().min(l.survivor[0].base()).min(l.old.base());
    let hi = l.large.end().max(l.old.end());
    (lo..hi).contains(&a) || vm.heap.is_gc_object_addr(a)
}

/// Executes an unsafe instruction; other instructions are a bug of the caller.
pub fn exec(vm: &mut Vm, op: &Op, fr: &Frame) -> Result<(), Trap> {
    match *op {
        Op::UintptrToPtr { dst, a } => {
            let v = rd(vm, fr, a)?;
            if v != 0 && in_gc_space(vm, v) {
                let here = crate::cmem::render_pos(vm, crate::cmem::current_pos(vm));
                return Err(Trap::Fatal(format!(
                    "unsafe.Pointer(uintptr({:#x})) at {}: the address is in the garbage-collected \
                     heap, whose objects move (gosub's nursery is a copying collector); keep an \
                     unsafe.Pointer and use unsafe.Add instead of uintptr arithmetic",
                    v, here
                )));
            }
            wr(vm, fr, dst, v)
        }
        Op::PtrToUintptr { dst, a } => {
            let v = rd(vm, fr, a)?;
            // A collection that promotes the object updates the register `a` (a root).
            let v = if crate::gc::pin_observed(vm, &[v])? {
                rd(vm, fr, a)?
            } else {
                v
            };
            wr(vm, fr, dst, v)
        }
        Op::UnsafeSlice {
            dst,
            ptr,
            len,
            elem_size,
            string,
        } => {
            let what = if string {
                "unsafe.String"
            } else {
                "unsafe.Slice"
            };
            let p = rd(vm, fr, ptr)?;
            let n = rd(vm, fr, len)? as i64;
            if n < 0 {
                return Err(Trap::Runtime(format!("{}: len out of range", what)));
            }
            if p == 0 && n > 0 {
                return Err(Trap::Runtime(format!(
                    "{}: ptr is nil and len is not zero",
                    what
                )));
            }
            // Go: overflow of elem_size*len, or a range wrapping past the end of memory.
            let mem = (elem_size as u64).checked_mul(n as u64);
            if mem.is_none_or(|m| p != 0 && m > p.wrapping_neg()) {
                return Err(Trap::Runtime(format!("{}: len out of range", what)));
            }
            wr(vm, fr, dst, p)?;
            wr(vm, fr, dst + 8, n as u64)?;
            if !string {
                wr(vm, fr, dst + 16, n as u64)?;
            }
            Ok(())
        }
        _ => Err(Trap::Fatal(format!("not an unsafe instruction: {:?}", op))),
    }
}
