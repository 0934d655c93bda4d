//! Garbage-collection roots: the live pointer words of every frame on every goroutine's
//! stack, by the stack maps per instruction (`gosub_bytecode::liveness`). Globals and host
//! handles are scanned by the heap itself.
//!
//! Invariants: `Vm::cur_func`/`cur_fp`/`cur_pc` describe the running frame and
//! `Vm::frames` the suspended callers whenever an allocation can happen (the interpreter
//! syncs them before every allocating instruction), so the walk below sees every frame at
//! its instruction. Every pointer word of every frame holds nil or a valid pointer (the
//! poison value under gcstress) after a collection: live words are updated by it, dead ones
//! cleared.

use crate::vm::Vm;
use gosub_bytecode::bytecode::{Function, Op};
use gosub_bytecode::liveness::{self, LiveMaps};
use gosub_heap::{Addr, GcKind, RootSource};
use std::sync::Arc;

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

/// Written into dead pointer words under gcstress instead of nil: not an address of the
/// VM (below the arena), so a word wrongly judged dead faults when the program uses it,
/// instead of the test passing unnoticed.
pub const POISON: u64 = 0xdead_0bad_0000;

/// Where a frame stands when the collector looks at it.
#[derive(Clone, Copy, Debug)]
enum At {
    /// The running frame, inside instruction `pc` (an allocation, a native).
    Running(usize),
    /// A caller suspended in a call, to resume at `pc` (`CallInfo::pc`).
    Suspended(usize),
    /// The innermost frame of a blocked goroutine, to resume at `pc`, after the instruction
    /// that parked it, which a partner may still complete (a blocked send's value).
    Parked(usize),
    /// The innermost frame of a runnable goroutine, to continue at `pc` (preempted, or
    /// woken with its operation done).
    Resuming(usize),
}

/// Every frame of every goroutine to scan: (function, frame address, position, goroutine
/// slot; None for the running goroutine). A minor collection skips the goroutines whose
/// stacks are clean (`G::clean`).
fn frames(vm: &Vm, minor: bool) -> Vec<(u32, Addr, At, Option<usize>)> {
    let mut out = Vec::new();
    for ci in &vm.frames {
        out.push((ci.func, ci.fp, At::Suspended(ci.pc as usize), None));
    }
    if !vm.frames.is_empty() || vm.cur_fp != 0 {
        out.push((vm.cur_func, vm.cur_fp, At::Running(vm.cur_pc), None));
    }
    // Goroutines that are not running keep their frames on their own stacks.
    for (i, g) in vm.sched.gs.iter().enumerate() {
        if i == vm.sched.cur {
            continue;
        }
        let Some(g) = g else { continue };
        if g.status == crate::sched::Status::Dead || (minor && g.clean) {
            continue;
        }
        for ci in &g.frames {
            out.push((ci.func, ci.fp, At::Suspended(ci.pc as usize), Some(i)));
        }
        let at = match g.status {
            crate::sched::Status::Waiting(_) => At::Parked(g.pos.pc),
            _ => At::Resuming(g.pos.pc),
        };
        out.push((g.pos.func, g.pos.fp, at, Some(i)));
    }
    out
}

/// The stack maps of function `func` (computed once per program).
pub fn live_maps(vm: &mut Vm, func: u32) -> Option<Arc<LiveMaps>> {
    if let Some(m) = vm.live_maps.get(&func) {
        return m.clone();
    }
    let prog = vm.prog.clone();
    let m = prog
        .funcs
        .get(func as usize)
        .and_then(|f| liveness::analyze(&prog, f))
        .map(Arc::new);
    vm.live_maps.insert(func, m.clone());
    m
}

/// The pointer words of a frame at `at` that may still be read: all of them without maps.
fn live_words(f: &Function, maps: Option<&LiveMaps>, at: At) -> Vec<u32> {
    let Some(m) = maps else {
        return f.ptr_words.clone();
    };
    let union = |a: &[u32], b: &[u32]| {
        let mut v: Vec<u32> = a.iter().chain(b).copied().collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    match at {
        At::Running(pc) | At::Resuming(pc) => m.at(pc).to_vec(),
        At::Suspended(pc) => {
            // During an ordinary call only what the caller reads after it, less the results
            // the return writes, is live (the arguments were copied into the callee's
            // frame; `LiveMaps::during_call`); a native that called back into
            // Go, or a deferred call's caller, may still read its instruction's operands.
            let call = pc
                .checked_sub(1)
                .and_then(|i| f.code.get(i))
                .is_some_and(|op| {
                    matches!(
                        op,
                        Op::Call { .. }
                            | Op::CallInPlace { .. }
                            | Op::CallClosure { .. }
                            | Op::CallIface { .. }
                    )
                });
            if call {
                m.during_call(pc - 1).to_vec()
            } else {
                union(m.at(pc.saturating_sub(1)), m.at(pc))
            }
        }
        At::Parked(pc) => union(m.at(pc.saturating_sub(1)), m.at(pc)),
    }
}

/// Addresses of the live pointer words of every frame (the roots the stacks give), and
/// for each goroutine that is not running, the range of them that are its own. The dead
/// pointer words are cleared (poisoned under gcstress) so that no stale address survives
/// in a frame: a word the collector skips is never read again before it is written
/// (`gosub_bytecode::liveness`).
pub fn frame_roots(vm: &mut Vm, minor: bool) -> Result<FrameRootSet, crate::Trap> {
    let fill = if vm.heap.config().gc_stress {
        POISON
    } else {
        0
    };
    let prog = vm.prog.clone();
    let mut slots = Vec::new();
    let mut owners: Vec<(usize, usize, usize)> = Vec::new();
    let all = frames(vm, minor);
    // Frames and pointer words looked at, live or not: the walk's work.
    let mut examined = all.len() as u64;
    for (i, &(func, fp, at, g)) in all.iter().enumerate() {
        let start = slots.len();
        if let Some(f) = prog.funcs.get(func as usize) {
            examined += f.ptr_words.len() as u64;
            if !f.ptr_words.is_empty() {
                let maps = live_maps(vm, func);
                let live = live_words(f, maps.as_deref(), at);
                let next = all.get(i + 1).filter(|n| n.3 == g).map(|n| n.1);
                let end = crate::frame::owned_end(fp, f.frame_size, next);
                for &w in &f.ptr_words {
                    let a = fp + 8 * w as u64;
                    if a + 8 > end {
                        // The words of the frame called in place over this one.
                        if live.binary_search(&w).is_ok() {
                            return Err(crate::Trap::Fatal(format!(
                                "{} {:?}: live word {} lies in the frame called in place",
                                f.name, at, w
                            )));
                        }
                        continue;
                    }
                    if live.binary_search(&w).is_ok() {
                        // Only gcstress writes the poison; a live word holding it (the old
                        // value of a word the instruction is about to define) is not a
                        // pointer.
                        if fill != POISON || vm.heap.read_u64(a).ok() != Some(POISON) {
                            slots.push(a);
                        }
                    } else {
                        vm.heap.write_u64(a, fill)?;
                    }
                }
            }
        }
        if let Some(g) = g {
            match owners.last_mut() {
                Some(o) if o.0 == g => o.2 = slots.len(),
                _ => owners.push((g, start, slots.len())),
            }
        }
    }
    Ok(FrameRootSet {
        slots,
        owners,
        examined,
    })
}

/// The stack roots of one collection (`frame_roots`).
pub struct FrameRootSet {
    pub slots: Vec<Addr>,
    /// (goroutine slot, first, end) ranges of `slots`, for the goroutines not running.
    owners: Vec<(usize, usize, usize)>,
    /// Frames and pointer words the walk looked at (the heap's deep-stack pacing).
    examined: u64,
}

/// After a collection: a goroutine that is not running and whose frames now point at no
/// young object is clean, so the next minor collections skip its stack until it runs again
/// or a partner writes into its frame (`sched::wake` dirties it). Its roots cannot change
/// meanwhile, and old objects do not move in a minor collection.
fn mark_clean_stacks(vm: &mut Vm, set: &FrameRootSet) {
    for &(g, a, b) in &set.owners {
        let clean = set.slots[a..b]
            .iter()
            .all(|&s| vm.heap.read_u64(s).is_ok_and(|v| !vm.heap.is_young(v)));
        if let Some(Some(g)) = vm.sched.gs.get_mut(g) {
            g.clean = clean;
        }
    }
}

/// Collects garbage with the VM's roots. A verifier failure (GOSUBDEBUG=gcverify=1) or a
/// promotion with no address space left is a fatal error of the program (never a process
/// exit: an embedding host gets it as an error).
pub fn collect(vm: &mut Vm, kind: GcKind) -> Result<(), crate::Trap> {
    let planned = vm.heap.plan_collection(kind);
    if planned != GcKind::Minor {
        // The stacks gcstress holds back are free: a major collection gives their idle
        // spans back with the others.
        crate::stack::release_quarantine(vm);
    }
    let set = frame_roots(vm, planned == GcKind::Minor)?;
    vm.heap.note_stack_scan(set.examined);
    let mut roots = FrameRoots { slots: set.slots };
    vm.heap.collect(kind, &mut roots);
    let set = FrameRootSet {
        slots: roots.slots,
        owners: set.owners,
        examined: set.examined,
    };
    mark_clean_stacks(vm, &set);
    if planned != GcKind::Minor || vm.heap.config().gc_stress {
        crate::stack::shrink_stacks(vm);
    }
    vm.gc_epoch += 1;
    vm.forget_elem_ptrs();
    for line in vm.heap.take_trace_lines() {
        vm.write_stderr(&format!("{line}\n"));
    }
    if let Some(e) = vm.heap.take_gc_error() {
        return Err(crate::Trap::Fatal(e.to_string()));
    }
    start_specials(vm)
}

/// Runs the collection an allocation owed while the collector was inhibited
/// (`Heap::collection_owed`: a native or a map operation allocated past a trigger). Called
/// at safepoints that allocate, with the frame synced and before the instruction reads any
/// pointer operand.
#[inline]
pub fn collect_owed(vm: &mut Vm) -> Result<(), crate::Trap> {
    if vm.heap.collection_owed() {
        collect(vm, GcKind::Minor)
    } else {
        Ok(())
    }
}

/// Starts the finalizers and cleanups the collection queued (`gosub_heap::specials`), each
/// on a new system goroutine (Go runs them one after another on its finalizer goroutine,
/// which `NumGoroutine` does not count either): a finalizer gets its object, a cleanup (a
/// closure over its argument) nothing. A finalizer whose parameter is an interface gets the
/// object as that interface.
fn start_specials(vm: &mut Vm) -> Result<(), crate::Trap> {
    for r in vm.heap.take_ready() {
        let f = vm.heap.handle_get(r.func).unwrap_or(0);
        let arg = r.arg.and_then(|h| vm.heap.handle_get(h));
        vm.heap.drop_handle(r.func);
        if let Some(h) = r.arg {
            vm.heap.drop_handle(h);
        }
        if f != 0 {
            let mut params = Vec::new();
            if let Some(a) = arg {
                if r.itab != 0 {
                    params.extend_from_slice(&r.itab.to_le_bytes());
                }
                params.extend_from_slice(&a.to_le_bytes());
            }
            crate::sched::spawn(vm, f, &params)?;
            let id = vm.sched.next_id;
            vm.sched.system.insert(id);
        }
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
