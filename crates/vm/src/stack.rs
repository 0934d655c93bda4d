//! Goroutine stacks that grow and shrink by copying, as Go's do (runtime/stack.go).
//!
//! Every goroutine starts on a `STACK_MIN` (2 KiB) stack from the heap's stack pool. A call
//! whose frame would end past `Vm::stack_guard` comes here (`grow`): the goroutine moves to
//! a stack twice as large (or more, until the frame fits), and the move relocates every
//! pointer into the old stack. A collection halves the stack of each goroutine that is not
//! running and uses less than a quarter of it (`shrink_stacks`). A stack that would outgrow
//! Go's limit (`debug.SetMaxStack`, 1,000,000,000 bytes by default, or the host's
//! `VmConfig::max_stack`) is Go's `goroutine stack exceeds` fatal error.
//!
//! What points into a goroutine's stack, and is relocated by a move:
//! - the frame addresses: `Vm::cur_fp` and the `CallInfo`s of the running goroutine, or
//!   `G::pos` and `G::frames` of a parked one;
//! - the pointer words of its frames (`Function::ptr_words`: escape analysis keeps a
//!   variable on the stack only while no heap object or other goroutine can reach its
//!   address, so frames are the only place such an address is stored)...
//! - ...and of the defer records its frames head, the one heap object that may hold the
//!   address of a stack variable (`defer f(&x)` leaves `x` on the stack, as gc's open-coded
//!   defers do), and of the objects they point to directly (a deferred call's `...` slice,
//!   which gosub builds at the `defer`, gc when the call runs);
//! - for a parked goroutine, the frame slots its channel waiters and its `select` name.
//!
//! Invariants:
//! - `[stack.base, stack_guard)` of the running goroutine holds its frames; a frame ending
//!   past `stack_guard` is entered only after `grow`. `stack_guard == stack.limit` except
//!   under gcstress, which keeps it at `stack.base` so that every other call moves the
//!   stack (and poisons the old one), so a stack address the relocation missed shows up at
//!   once. A call instruction whose stack moved runs again from the moved frame.
//! - Nothing outside the list above holds a stack address across a call: natives that call
//!   back into Go (`call::call_sync`) run the callee on a stack segment of its own, so the
//!   native's frame and the addresses it holds never move.

use crate::error::Trap;
use crate::vm::Vm;
use gosub_heap::{Addr, StackRegion, STACK_MIN};

/// Old stacks kept out of the pool under gcstress, so a stale address reads the poison
/// (until a major collection frees them: `release_quarantine`).
const QUARANTINE: usize = 8;

/// Stacks this large are runs of their own (stack_pool.rs), never quarantined.
const QUARANTINE_BELOW: u64 = 64 << 10;

/// Frames deeper than this are not moved by calls under gcstress (it would make deep
/// recursion quadratic); they still move whenever they grow.
const STRESS_DEPTH: usize = 256;

/// Parked goroutines a collection moves under gcstress.
const STRESS_MOVES: usize = 8;

/// A stack move: an address in `[lo, hi)` is now at `addr + delta` (wrapping).
#[derive(Clone, Copy)]
struct Move {
    lo: Addr,
    hi: Addr,
    delta: u64,
}

impl Move {
    #[inline]
    fn apply(&self, a: Addr) -> Addr {
        if a >= self.lo && a < self.hi {
            a.wrapping_add(self.delta)
        } else {
            a
        }
    }
}

/// Whether gcstress moves stacks.
fn stress(vm: &Vm) -> bool {
    vm.heap.config().gc_stress
}

/// The largest stack a goroutine may have.
fn max_size(vm: &Vm) -> u64 {
    vm.max_stack_bytes.min(vm.config.max_stack)
}

/// The guard for the running goroutine's stack `st` (see the module invariants).
pub fn guard_for(vm: &Vm, st: StackRegion) -> Addr {
    if stress(vm) && vm.frames.len() < STRESS_DEPTH {
        st.base
    } else {
        st.limit
    }
}

/// A new stack for a goroutine whose first frame needs `bytes`.
pub fn new_stack(vm: &mut Vm, bytes: u64) -> Result<StackRegion, Trap> {
    let size = bytes.max(STACK_MIN);
    if gosub_heap::stack_size_for(size).is_none_or(|s| s > max_size(vm).max(STACK_MIN)) {
        return Err(Trap::StackOverflow);
    }
    // Goroutines' stacks are memory the program takes: under a heap limit, a goroutine
    // whose stack would take the stacks past it is out of memory (Go's memory limit counts
    // stacks too), so a script cannot spawn its way past the limit: objects and stacks
    // stay under twice the limit. (Stacks alone: objects in use count garbage a collection
    // would free. A growing stack is bounded by `max_stack` instead, so deep recursion
    // stays a stack overflow.)
    if let Some(limit) = vm.heap.config().heap_limit {
        if vm.heap.stack_bytes().saturating_add(size) > limit {
            return Err(Trap::OutOfMemory);
        }
    }
    vm.heap
        .alloc_goroutine_stack(size)
        .map_err(|_| Trap::OutOfMemory)
}

/// Gives a stack back (a finished goroutine's, or one a move left behind).
pub fn free_stack(vm: &mut Vm, st: StackRegion) {
    vm.forget_elem_ptrs();
    // A large stack is a run of its own: freeing it makes it inaccessible, so under gcstress
    // too a stale address into it faults.
    if !stress(vm) || st.limit - st.base >= QUARANTINE_BELOW {
        vm.heap.free_goroutine_stack(st);
        return;
    }
    if let Ok(b) = vm.heap.bytes_mut(st.base, (st.limit - st.base) as usize) {
        for w in b.chunks_exact_mut(8) {
            w.copy_from_slice(&crate::gc::POISON.to_le_bytes());
        }
    }
    vm.stack_quarantine.push_back(st);
    while vm.stack_quarantine.len() > QUARANTINE {
        if let Some(old) = vm.stack_quarantine.pop_front() {
            vm.heap.free_goroutine_stack(old);
        }
    }
}

/// Frees the old stacks gcstress keeps out of the pool (`free_stack`).
pub fn release_quarantine(vm: &mut Vm) {
    while let Some(old) = vm.stack_quarantine.pop_front() {
        vm.heap.free_goroutine_stack(old);
    }
}

/// Makes room on the running goroutine's stack for frames up to `end` (its frame registers
/// `cur_func`/`cur_fp` and `frames` are synced): moves the goroutine to a larger stack, or
/// reports Go's stack overflow. Afterwards every frame address the caller holds must be
/// read again (`Vm::cur_fp`, or as an offset from `Vm::stack.base`).
#[cold]
#[inline(never)]
pub fn grow(vm: &mut Vm, end: Addr) -> Result<(), Trap> {
    let st = vm.stack;
    let old = st.limit - st.base;
    let needed = end.saturating_sub(st.base);
    if end <= st.limit {
        // Only gcstress lowers the guard: move without growing, every other time (the
        // interpreter runs a call again after its stack moved: that one goes ahead).
        if stress(vm) && vm.frames.len() < STRESS_DEPTH {
            vm.stack_stress_moved = !vm.stack_stress_moved;
            if vm.stack_stress_moved {
                return move_running(vm, old, end);
            }
            return Ok(());
        }
        vm.stack_guard = st.limit;
        return Ok(());
    }
    let mut size = old.max(STACK_MIN);
    while size < needed {
        size = size.checked_mul(2).ok_or(Trap::StackOverflow)?;
    }
    if size > max_size(vm) {
        return Err(Trap::StackOverflow);
    }
    move_running(vm, size, st.limit)
}

/// Moves the running goroutine to a new stack of `size` bytes, copying `[base, copy_end)`.
fn move_running(vm: &mut Vm, size: u64, copy_end: Addr) -> Result<(), Trap> {
    let old = vm.stack;
    let new = vm
        .heap
        .alloc_goroutine_stack(size)
        .map_err(|_| Trap::OutOfMemory)?;
    let len = copy_end.min(old.limit).saturating_sub(old.base);
    vm.heap.copy(new.base, old.base, len as usize)?;
    let mv = Move {
        lo: old.base,
        hi: old.limit,
        delta: new.base.wrapping_sub(old.base),
    };
    let mut frames: Vec<(u32, Addr)> = Vec::with_capacity(vm.frames.len() + 1);
    for ci in vm.frames.iter_mut() {
        if mv.apply(ci.fp) != ci.fp {
            ci.fp = mv.apply(ci.fp);
            frames.push((ci.func, ci.fp));
        }
    }
    if mv.apply(vm.cur_fp) != vm.cur_fp {
        vm.cur_fp = mv.apply(vm.cur_fp);
        frames.push((vm.cur_func, vm.cur_fp));
    }
    relocate_frames(vm, &frames, mv);
    if let Some((_, chosen)) = &mut vm.cur_select {
        *chosen = mv.apply(*chosen);
    }
    vm.stack = new;
    vm.stack_guard = guard_for(vm, new);
    free_stack(vm, old);
    Ok(())
}

/// Relocates the pointer words of the frames `(function, new frame address)` and of the
/// defer records they head.
fn relocate_frames(vm: &mut Vm, frames: &[(u32, Addr)], mv: Move) {
    let prog = vm.prog.clone();
    for (i, &(func, fp)) in frames.iter().enumerate() {
        let Some(f) = prog.funcs.get(func as usize) else {
            continue;
        };
        // A frame called in place owns the words above its start (it is relocated as itself).
        let end = crate::frame::owned_end(fp, f.frame_size, frames.get(i + 1).map(|n| n.1));
        for &w in &f.ptr_words {
            let a = fp + 8 * w as u64;
            if a + 8 <= end {
                relocate_word(vm, a, mv);
            }
        }
        let Some(doff) = f.defer_off else { continue };
        let mut rec = vm.heap.read_u64(fp + doff as u64).unwrap_or(0);
        // A record is a heap object, so the walk ends; the bound is only a guard.
        let mut n = 0u32;
        while rec != 0 && n < 1 << 24 {
            for a in vm.heap.object_ptr_slots(rec) {
                relocate_word(vm, a, mv);
                // A deferred call's `...` slice is a heap object built at the `defer`
                // (gc builds it when the call runs, on the stack): its elements may be
                // stack addresses too.
                let v = vm.heap.read_u64(a).unwrap_or(0);
                if let Some(obj) = vm.heap.object_base(v) {
                    for b in vm.heap.object_ptr_slots(obj) {
                        relocate_word(vm, b, mv);
                    }
                }
            }
            rec = vm.heap.read_u64(rec + 8).unwrap_or(0);
            n += 1;
        }
    }
}

#[inline]
fn relocate_word(vm: &mut Vm, a: Addr, mv: Move) {
    if let Ok(v) = vm.heap.read_u64(a) {
        let nv = mv.apply(v);
        if nv != v {
            let _ = vm.heap.write_u64(a, nv);
        }
    }
}

/// After a major collection: halves the stack of every goroutine that is not running and
/// uses less than a quarter of it, as Go's shrinkstack does (under gcstress, after every
/// collection, and moves some more goroutines without halving).
pub fn shrink_stacks(vm: &mut Vm) {
    let prog = vm.prog.clone();
    let n = vm.sched.gs.len();
    // Under gcstress, STRESS_MOVES goroutines a collection (in turn), so that a program
    // with thousands of them stays quick.
    let first = if n == 0 { 0 } else { vm.gc_epoch as usize % n };
    let mut stress_moves = 0;
    for k in 0..n {
        let i = (first + k) % n;
        if i == vm.sched.cur {
            continue;
        }
        let Some(g) = vm.sched.gs[i].as_ref() else {
            continue;
        };
        if g.status == crate::sched::Status::Dead || g.stack.limit <= g.stack.base {
            continue;
        }
        let size = g.stack.limit - g.stack.base;
        let top = prog
            .funcs
            .get(g.pos.func as usize)
            .map_or(0, |f| f.frame_size as u64);
        let used = (g.pos.fp + top + 64).saturating_sub(g.stack.base);
        let new_size = if size > STACK_MIN && used < size / 4 {
            size / 2
        } else if stress(vm) && stress_moves < STRESS_MOVES {
            stress_moves += 1;
            size
        } else {
            continue;
        };
        // A goroutine that cannot move now keeps its stack (the next collection retries).
        let _ = move_parked(vm, i, new_size, used);
    }
}

/// Moves the goroutine in slot `i` (not running) to a new stack of `size` bytes, copying
/// its first `used` bytes.
fn move_parked(vm: &mut Vm, i: usize, size: u64, used: u64) -> Result<(), Trap> {
    let Some(mut g) = vm.sched.gs[i].take() else {
        return Ok(());
    };
    let r = (|| -> Result<(), Trap> {
        let old = g.stack;
        let new = vm
            .heap
            .alloc_goroutine_stack(size)
            .map_err(|_| Trap::OutOfMemory)?;
        let len = used.min(old.limit - old.base).min(new.limit - new.base);
        vm.heap.copy(new.base, old.base, len as usize)?;
        let mv = Move {
            lo: old.base,
            hi: old.limit,
            delta: new.base.wrapping_sub(old.base),
        };
        let mut frames = Vec::with_capacity(g.frames.len() + 1);
        for ci in g.frames.iter_mut() {
            ci.fp = mv.apply(ci.fp);
            frames.push((ci.func, ci.fp));
        }
        g.pos.fp = mv.apply(g.pos.fp);
        frames.push((g.pos.func, g.pos.fp));
        relocate_frames(vm, &frames, mv);
        if let Some((_, chosen)) = &mut g.select {
            *chosen = mv.apply(*chosen);
        }
        for w in vm.chans.waiters_mut() {
            if w.g == i {
                w.slot = mv.apply(w.slot);
                w.ok = w.ok.map(|a| mv.apply(a));
            }
        }
        g.stack = new;
        g.stack_guard = new.limit;
        free_stack(vm, old);
        Ok(())
    })();
    vm.sched.gs[i] = Some(g);
    r
}
