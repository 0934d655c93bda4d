//! Goroutines and the scheduler: one OS thread runs every goroutine, switching at channel
//! operations that block, at `runtime.Gosched`, and every `SLICE` loop iterations or calls
//! (so a spinning goroutine cannot starve the others).
//!
//! Invariants:
//! - The running goroutine's state lives in the `Vm` itself (`stack`, `frames`, `panics`,
//!   `cur_*`); every other goroutine's state is saved in its `G`. `switch_to` swaps them.
//! - Each goroutine has its own stack in the VM address space (2 KiB at first, growing and
//!   shrinking by copying: `stack.rs`); a parked goroutine's frames stay where they are
//!   except when a collection shrinks its stack (relocating its channel waiters), so other
//!   goroutines may write a received value straight into its frame (channel hand-off) and
//!   the collector finds its roots through `G`.
//! - Scheduling is deterministic: runnable goroutines run in FIFO order.

use crate::error::{Trap, VmError};
use crate::frame::{CallInfo, CallKind};
use crate::interp::{exec, Pos};
use crate::vm::{PanicRec, Vm};
use gosub_heap::{Addr, StackRegion};

/// Loop iterations or calls a goroutine runs before yielding to others.
pub const SLICE: u64 = 10_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Runnable,
    /// Blocked; the text is what Go prints in a goroutine header (`chan receive`).
    Waiting(&'static str),
    Dead,
}

/// Runs function `entry` (no parameters) to completion on a fresh stack: the scheduler's
/// loop, switching goroutines when the running one blocks, yields or ends, and handing traps
/// to the panic machinery. The program ends when the main goroutine returns.
pub fn run(vm: &mut Vm, entry: u32) -> Result<(), VmError> {
    let gc_off = vm.heap.gc_inhibited();
    run_call(vm, entry, &[], gc_off, |_, _| ())
}

/// `run` for a function with parameters (a host's prepared call): `params` are written
/// into its frame, then the collector is switched on or off as `gc_off` says (the caller
/// may have switched it off while it allocated what `params` point to), and `read` sees
/// the frame once the function has returned: its results are there.
pub fn run_call<R>(
    vm: &mut Vm,
    entry: u32,
    params: &[u8],
    gc_off: bool,
    read: impl FnOnce(&mut Vm, Addr) -> R,
) -> Result<R, VmError> {
    let prog = vm.prog.clone();
    vm.frames.clear();
    let mut pos = Pos {
        func: entry,
        pc: 0,
        fp: vm.stack.base,
        kind: CallKind::Normal,
    };
    vm.cur_fp = 0;
    let entered = crate::call::enter(vm, &prog, entry, pos.fp).and_then(|fp| {
        let n = prog.funcs[entry as usize].params_size as usize;
        vm.heap.write_bytes(fp, &params[..params.len().min(n)])?;
        Ok(fp)
    });
    vm.heap.set_gc_inhibited(gc_off);
    match entered {
        Ok(fp) => pos.fp = fp,
        Err(t) => return Err(crate::panic::fatal_for(vm, t)),
    }
    loop {
        let next = match exec(vm, &prog, &mut pos, 0) {
            // The main goroutine returning ends the program, whatever else is running.
            Ok(()) if vm.sched.cur == 0 => return Ok(read(vm, pos.fp)),
            Ok(()) => switch(vm, pos, Status::Dead),
            Err(Trap::Park(reason)) => switch(vm, pos, Status::Waiting(reason)),
            Err(Trap::Yield) => switch(vm, pos, Status::Runnable),
            Err(Trap::Sleep(ns)) => {
                let when = vm.nanotime().saturating_add(ns.min(i64::MAX as u64) as i64);
                let slot = vm.sched.cur;
                vm.timers.add(when, 0, crate::timers::TimerKind::Wake(slot));
                switch(vm, pos, Status::Waiting("sleep"))
            }
            Err(trap) => {
                crate::panic::handle_trap(vm, &prog, &mut pos, trap)?;
                if std::mem::take(&mut vm.goexit_done) {
                    // runtime.Goexit ran the last deferred call: the goroutine ends (the
                    // main one too: the program goes on with the others).
                    if vm.sched.cur == 0 {
                        vm.main_goexited = true;
                    }
                    switch(vm, pos, Status::Dead)
                } else {
                    Ok(pos)
                }
            }
        };
        pos = next?;
        if let Some(m) = vm.cur_pending_panic.take() {
            crate::panic::handle_trap(vm, &prog, &mut pos, Trap::PlainError(m))?;
        }
    }
}

/// A goroutine that is not running.
pub struct G {
    pub id: u64,
    pub status: Status,
    pub stack: StackRegion,
    pub stack_guard: Addr,
    pub frames: Vec<CallInfo>,
    pub pos: Pos,
    pub panics: Vec<PanicRec>,
    pub traceback: Vec<(u32, usize)>,
    /// For a goroutine parked in `select`: the channels it waits on (to dequeue it from the
    /// others once one case fires) and where to write the chosen case's index.
    pub select: Option<(Vec<u64>, Addr)>,
    /// A panic to raise when this goroutine resumes (a send on a channel closed meanwhile).
    pub pending_panic: Option<String>,
    /// Its frames point at no young object (set by a collection that scanned them, cleared
    /// when it runs or is woken): minor collections skip its stack (crates/vm/src/gc.rs).
    pub clean: bool,
}

/// What the scheduler knows besides the goroutines themselves.
#[derive(Default)]
pub struct Sched {
    /// Goroutines by slot; the running one's slot holds a placeholder (its state is in the Vm).
    pub gs: Vec<Option<G>>,
    pub cur: usize,
    pub cur_id: u64,
    pub next_id: u64,
    pub runq: std::collections::VecDeque<usize>,
    /// Countdown to the end of the current slice (loop iterations and calls).
    pub tick: u64,
    /// Length of the current slice (what the countdown started from).
    pub slice_len: u64,
    /// Ids of the goroutines running finalizers and cleanups (`gc::start_specials`): like
    /// Go's finalizer goroutine, a system goroutine that `NumGoroutine` does not count.
    pub system: std::collections::HashSet<u64>,
    /// Slots of finished goroutines, for `spawn` to reuse (an entry may be stale: checked).
    pub free: Vec<usize>,
    /// State of the scheduler's pseudo-random choices (the ready case a `select` takes):
    /// splitmix64 from a fixed seed, so that every run of a program is the same run.
    pub rng: u64,
}

impl Sched {
    /// A pseudo-random number, uniform in `0..n` (`n > 0`).
    pub fn rand_below(&mut self, n: usize) -> usize {
        self.rng = self.rng.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.rng;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        ((z as u128 * n as u128) >> 64) as usize
    }
}

impl Vm {
    /// Number of goroutines that have not finished.
    pub fn num_goroutines(&self) -> usize {
        let sys = &self.sched.system;
        usize::from(!sys.contains(&self.sched.cur_id))
            + self
                .sched
                .gs
                .iter()
                .enumerate()
                .filter(|(i, g)| {
                    *i != self.sched.cur
                        && g.as_ref()
                            .is_some_and(|g| g.status != Status::Dead && !sys.contains(&g.id))
                })
                .count()
    }
}

/// The current slice of loop iterations and calls ran out: charges it to the fuel budget
/// and decides what happens next — out of fuel, interrupted, yield to another goroutine, or
/// (None) go on with a new slice. Slices never exceed the remaining fuel, so the budget is
/// exact.
pub fn slice_end(vm: &mut Vm) -> Option<Trap> {
    if vm.fuel != u64::MAX {
        vm.fuel = vm.fuel.saturating_sub(vm.sched.slice_len);
        if vm.fuel == 0 {
            return Some(Trap::OutOfFuel);
        }
    }
    let next = SLICE.min(vm.fuel);
    vm.sched.tick = next;
    vm.sched.slice_len = next;
    if vm.interrupt.load(std::sync::atomic::Ordering::Relaxed) {
        return Some(Trap::Interrupted);
    }
    // (Never inside Go code a native called: the goroutine cannot be switched out there,
    // `call::call_with`.)
    if vm.callback_depth == 0 && (!vm.sched.runq.is_empty() || crate::timers::any_due(vm)) {
        return Some(Trap::Yield);
    }
    None
}

/// Charges `units` of fuel for work that loops and calls do not count (a collection the
/// program asks for costs in proportion to the heap it goes over, `runtime.GC` in a loop
/// would otherwise make a budget of N units cost N collections of a growing heap): the
/// run ends with `OutOfFuel` when the budget left cannot pay. What the current slice has
/// used is charged at its end (`slice_end`), so it counts as spent here, and the slice is
/// shortened when the budget left no longer covers it (budgets stay exact).
pub fn charge_fuel(vm: &mut Vm, units: u64) -> Result<(), Trap> {
    if vm.fuel == u64::MAX || units == 0 {
        return Ok(());
    }
    let used = vm.sched.slice_len - vm.sched.tick;
    if units >= vm.fuel.saturating_sub(used) {
        return Err(Trap::OutOfFuel);
    }
    vm.fuel -= units;
    // (`fuel > used` now.) The slice's end charges `slice_len`: no more than is left.
    if vm.sched.slice_len > vm.fuel {
        let cut = vm.sched.slice_len - vm.fuel;
        vm.sched.slice_len -= cut;
        vm.sched.tick -= cut;
    }
    Ok(())
}

/// Starts a goroutine running closure `clo` with parameter bytes `params`.
pub fn spawn(vm: &mut Vm, clo: Addr, params: &[u8]) -> Result<(), Trap> {
    let prog = vm.prog.clone();
    let func = vm.heap.read_u64(clo)? as u32;
    let f = prog
        .funcs
        .get(func as usize)
        .ok_or(Trap::Fatal("bad goroutine function".into()))?;
    let stack = crate::stack::new_stack(vm, f.frame_size as u64 + 64)?;
    let fp = stack.base;
    vm.heap.fill_zero(fp, f.frame_size.max(8) as usize)?;
    let n = params.len().min(f.params_size as usize);
    vm.heap.write_bytes(fp, &params[..n])?;
    if let Some(c) = f.ctx_off {
        vm.heap.write_u64(fp + c as u64, clo)?;
    }
    vm.sched.next_id += 1;
    let g = G {
        id: vm.sched.next_id,
        status: Status::Runnable,
        stack,
        stack_guard: stack.limit,
        frames: Vec::new(),
        pos: Pos {
            func,
            pc: 0,
            fp,
            kind: CallKind::Normal,
        },
        panics: Vec::new(),
        traceback: Vec::new(),
        select: None,
        pending_panic: None,
        clean: false,
    };
    // A finished goroutine's slot, if there is one (the running goroutine's stays its own).
    let mut reuse = None;
    while let Some(i) = vm.sched.free.pop() {
        let dead = vm.sched.gs.get(i).and_then(|g| g.as_ref());
        if i != vm.sched.cur && dead.is_some_and(|g| g.status == Status::Dead) {
            reuse = Some(i);
            break;
        }
    }
    let slot = match reuse {
        Some(i) => {
            vm.sched.gs[i] = Some(g);
            i
        }
        None => {
            vm.sched.gs.push(Some(g));
            vm.sched.gs.len() - 1
        }
    };
    vm.sched.runq.push_back(slot);
    Ok(())
}

/// Saves the running goroutine (at `pos`) into its slot with the given status.
fn save_current(vm: &mut Vm, pos: Pos, status: Status) {
    let cur = vm.sched.cur;
    let g = G {
        id: vm.sched.cur_id,
        status,
        stack: vm.stack,
        stack_guard: vm.stack_guard,
        frames: std::mem::take(&mut vm.frames),
        pos,
        panics: std::mem::take(&mut vm.panics),
        traceback: std::mem::take(&mut vm.traceback),
        select: vm.cur_select.take(),
        pending_panic: None,
        clean: false,
    };
    if cur >= vm.sched.gs.len() {
        vm.sched.gs.resize_with(cur + 1, || None);
    }
    vm.sched.gs[cur] = Some(g);
}

/// Makes slot `i` the running goroutine; returns where it resumes.
fn load(vm: &mut Vm, i: usize) -> Option<Pos> {
    let g = vm.sched.gs.get_mut(i)?.take()?;
    vm.sched.cur = i;
    vm.sched.cur_id = g.id;
    vm.stack = g.stack;
    vm.stack_guard = crate::stack::guard_for(vm, g.stack);
    vm.frames = g.frames;
    vm.panics = g.panics;
    vm.traceback = g.traceback;
    vm.cur_select = g.select;
    vm.cur_func = g.pos.func;
    vm.cur_fp = g.pos.fp;
    vm.cur_kind = g.pos.kind;
    // Placeholder so the slot stays reserved while running.
    vm.sched.gs[i] = Some(G {
        id: g.id,
        status: Status::Runnable,
        stack: g.stack,
        stack_guard: 0,
        frames: Vec::new(),
        pos: g.pos,
        panics: Vec::new(),
        traceback: Vec::new(),
        select: None,
        pending_panic: None,
        clean: false,
    });
    vm.cur_pending_panic = g.pending_panic;
    Some(g.pos)
}

/// The running goroutine stops at `pos` (runnable again at once when `status` is Runnable);
/// switches to the next runnable goroutine, firing the timers that are due. Returns its
/// position, or Go's deadlock fatal error (reported on stderr) when nothing can run and no
/// timer can wake anything.
pub fn switch(vm: &mut Vm, pos: Pos, status: Status) -> Result<Pos, VmError> {
    let cur = vm.sched.cur;
    save_current(vm, pos, status);
    if status == Status::Runnable {
        vm.sched.runq.push_back(cur);
    }
    if status == Status::Dead {
        let id = vm.sched.cur_id;
        vm.sched.system.remove(&id);
        if let Some(Some(g)) = vm.sched.gs.get(cur) {
            let st = g.stack;
            if cur != 0 {
                crate::stack::free_stack(vm, st);
                vm.sched.free.push(cur);
            }
        }
    }
    loop {
        if let Err(t) = crate::timers::run_due(vm) {
            return Err(crate::panic::fatal_for(vm, t));
        }
        while let Some(next) = vm.sched.runq.pop_front() {
            let runnable = vm
                .sched
                .gs
                .get(next)
                .and_then(|g| g.as_ref())
                .is_some_and(|g| g.status == Status::Runnable);
            if runnable {
                if let Some(p) = load(vm, next) {
                    return Ok(p);
                }
            }
        }
        // Nothing can run: sleep until the earliest timer that can wake a goroutine, if
        // there is one (timers due before it fire on the way).
        match crate::timers::next_deadline(vm) {
            Some(when) => {
                // In steps of at most 10 ms, so a host's interrupt is seen while idle.
                let now = vm.nanotime();
                if when > now {
                    let step = ((when - now) as u64).min(10_000_000);
                    // Idle time marks the old generation when a cycle is running
                    // (gosub_heap::incremental), then sleeps what is left.
                    let until = std::time::Instant::now() + std::time::Duration::from_nanos(step);
                    vm.heap.idle_mark(until);
                    std::thread::sleep(until.saturating_duration_since(std::time::Instant::now()));
                }
                if vm.interrupt.load(std::sync::atomic::Ordering::Relaxed) {
                    return Err(crate::panic::fatal_for(vm, Trap::Interrupted));
                }
            }
            None if vm.main_goexited
                && vm
                    .sched
                    .gs
                    .iter()
                    .flatten()
                    .all(|g| g.status == Status::Dead) =>
            {
                let m = "no goroutines (main called runtime.Goexit) - deadlock!";
                vm.write_report(&format!("fatal error: {m}\n"));
                return Err(VmError::Fatal {
                    message: m.into(),
                    exit_code: 2,
                });
            }
            None => {
                let report = deadlock_report(vm);
                vm.write_report(&report);
                return Err(VmError::Fatal {
                    message: "all goroutines are asleep - deadlock!".into(),
                    exit_code: 2,
                });
            }
        }
    }
}

/// Wakes goroutine `slot` (parked on a channel).
pub fn wake(vm: &mut Vm, slot: usize) {
    if let Some(Some(g)) = vm.sched.gs.get_mut(slot) {
        // A partner may have written into its frame (a channel hand-off).
        g.clean = false;
        if matches!(g.status, Status::Waiting(_)) {
            g.status = Status::Runnable;
            vm.sched.runq.push_back(slot);
        }
    }
}

/// Go's `fatal error: all goroutines are asleep - deadlock!` report.
fn deadlock_report(vm: &Vm) -> String {
    let mut s = String::from("fatal error: all goroutines are asleep - deadlock!\n");
    let mut gs: Vec<&G> = vm
        .sched
        .gs
        .iter()
        .flatten()
        .filter(|g| g.status != Status::Dead)
        .collect();
    gs.sort_by_key(|g| g.id);
    for g in gs {
        let reason = match g.status {
            Status::Waiting(r) => r,
            _ => "runnable",
        };
        s.push_str(&format!("\ngoroutine {} [{}]:\n", g.id, reason));
        let mut tb = vec![(g.pos.func, g.pos.pc.saturating_sub(1))];
        tb.extend(crate::frame::caller_pcs(&g.frames, g.pos.kind));
        s.push_str(&crate::panic::format_frames(vm, &tb));
    }
    s
}
