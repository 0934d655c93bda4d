//! C memory: the blocks handed out by the cgo emulation (`C.malloc`, `C.calloc`,
//! `C.realloc`, `C.CString`, `C.CBytes`; natives in crates/std/src/cgo.rs), kept OUTSIDE the
//! garbage-collected heap and tracked here so that misuse is a clear fatal error instead of
//! silent corruption.
//!
//! Each block is one run of the heap's stack region (`Heap::alloc_stack` reserves it, rounded
//! up to the 64 KiB granule, and `grow_stack` commits `size` bytes); freeing it is
//! `Heap::free_stack`, which makes the run inaccessible, so a later access through a stale
//! pointer faults (`unexpected fault address`) and `explain_fault` names the block.
//!
//! Invariants:
//! - `blocks` is keyed by the address C.malloc & co. returned; an entry is never removed,
//!   only marked `freed` (so a double free can name both positions), except that it is
//!   replaced when the address range is handed out again.
//! - A block with `freed == None` is live: `[addr, addr+size)` is committed, accessible and
//!   not scanned or moved by the collector (C memory must not hold Go pointers, as in cgo).
//! - The collector never sees these blocks: they are not GC objects, so
//!   `Heap::is_gc_object_addr` is false for every address inside them, and turning a
//!   uintptr into an `unsafe.Pointer` to them is allowed (crates/vm/src/unsafe_ops.rs).
//!
//! Limitation: the stack region's allocator is first fit, so a freed run can be handed out
//! again by a later allocation; an access through a pointer freed before that reuse reads
//! the new block (as in C) instead of faulting.

use crate::vm::Vm;
use gosub_heap::Addr;
use std::collections::BTreeMap;

/// One C allocation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CBlock {
    /// Bytes requested (what the program may use).
    pub size: u64,
    /// Bytes reserved (the run, a multiple of the stack granule).
    pub reserved: u64,
    /// Source offset of the allocating call.
    pub pos: u32,
    /// Source offset of the `C.free` (or `C.realloc`) that released it.
    pub freed: Option<u32>,
}

/// Renders a source offset as `file:line:col` (set by the host; see `CMem::pos_fn`).
pub type PosFn = Box<dyn Fn(u32) -> String + Send>;

/// The VM's table of C allocations.
#[derive(Default)]
pub struct CMem {
    pub blocks: BTreeMap<Addr, CBlock>,
    /// How positions are printed (`prog.go:10:10`); without it, `file:line` from
    /// `Vm::source_pos`.
    pub pos_fn: Option<PosFn>,
}

impl CMem {
    /// The block whose reserved run contains `a` (live or freed).
    pub fn block_containing(&self, a: Addr) -> Option<(Addr, CBlock)> {
        let (&base, &b) = self.blocks.range(..=a).next_back()?;
        (a < base + b.reserved.max(1)).then_some((base, b))
    }

    /// Live (never freed) blocks in address order.
    pub fn live(&self) -> impl Iterator<Item = (Addr, &CBlock)> {
        self.blocks
            .iter()
            .filter(|(_, b)| b.freed.is_none())
            .map(|(a, b)| (*a, b))
    }
}

/// Gives the run of a C block back to the heap (`Heap::free_stack`: later accesses fault).
/// Like every release of VM memory it empties the interpreter's translation cache
/// (`Vm::forget_elem_ptrs`), so no cached machine pointer outlives the block.
pub fn release_run(vm: &mut Vm, base: Addr) {
    vm.heap.free_stack(base);
    vm.forget_elem_ptrs();
}

/// Source offset of the call being executed by the caller of the running native (the
/// instruction before the return pc of the innermost `CallInfo`), 0 if unknown.
pub fn caller_pos(vm: &Vm) -> u32 {
    let Some(ci) = vm.frames.last() else {
        return 0;
    };
    let Some(f) = vm.prog.funcs.get(ci.func as usize) else {
        return 0;
    };
    let pc = (ci.pc as usize).saturating_sub(1);
    if pc < f.pos.len() {
        f.source_pos(pc)
    } else {
        0
    }
}

/// Source offset of the instruction the running goroutine executes (`Vm::cur_func`,
/// `Vm::cur_pc`, synchronized before natives, slow instructions and traps), 0 if unknown.
pub fn current_pos(vm: &Vm) -> u32 {
    vm.prog
        .funcs
        .get(vm.cur_func as usize)
        .filter(|f| vm.cur_pc < f.pos.len())
        .map_or(0, |f| f.source_pos(vm.cur_pc))
}

/// `file:line:col` (or `file:line`) of a source offset.
pub fn render_pos(vm: &Vm, pos: u32) -> String {
    if let Some(f) = &vm.cmem.pos_fn {
        return f(pos);
    }
    match &vm.source_pos {
        Some(f) => {
            let (file, line) = f(pos);
            format!("{}:{}", file, line)
        }
        None => format!("offset {}", pos),
    }
}

/// A fatal `unexpected fault address A` message, extended with the C block it falls in when
/// that block was freed (use after free) or the access ran past its end.
pub fn explain_fault(vm: &Vm, msg: String) -> String {
    let Some(hex) = msg.strip_prefix("unexpected fault address 0x") else {
        return msg;
    };
    let Ok(a) = u64::from_str_radix(hex.trim(), 16) else {
        return msg;
    };
    let Some((base, b)) = vm.cmem.block_containing(a) else {
        return msg;
    };
    let here = render_pos(vm, current_pos(vm));
    match b.freed {
        Some(fpos) => format!(
            "{} at {}: use of C memory after free ({} bytes at {:#x} allocated at {}, freed at {})",
            msg,
            here,
            b.size,
            base,
            render_pos(vm, b.pos),
            render_pos(vm, fpos)
        ),
        None => format!(
            "{} at {}: access past the end of C memory ({} bytes at {:#x} allocated at {})",
            msg,
            here,
            b.size,
            base,
            render_pos(vm, b.pos)
        ),
    }
}

/// The report of blocks never freed, or None when every block was freed:
///
/// ```text
/// gosub: 1 C allocation (1024 bytes) never freed
///     1024 bytes at 0xc8c0000000 allocated at prog.go:10:10
/// ```
pub fn leak_report(vm: &Vm) -> Option<String> {
    let live: Vec<(Addr, CBlock)> = vm.cmem.live().map(|(a, b)| (a, *b)).collect();
    if live.is_empty() {
        return None;
    }
    let total: u64 = live.iter().map(|(_, b)| b.size).sum();
    let n = live.len();
    let mut s = format!(
        "gosub: {} C allocation{} ({} byte{}) never freed\n",
        n,
        if n == 1 { "" } else { "s" },
        total,
        if total == 1 { "" } else { "s" }
    );
    for (a, b) in live {
        s.push_str(&format!(
            "    {} bytes at {:#x} allocated at {}\n",
            b.size,
            a,
            render_pos(vm, b.pos)
        ));
    }
    Some(s)
}
