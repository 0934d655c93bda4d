//! Timers: the deadlines the scheduler waits for (package time's Sleep, Timer, Ticker and
//! AfterFunc), on the VM's monotonic clock (`Vm::nanotime`, nanoseconds since the VM was
//! made, never 0).
//!
//! A timer does one of three things when its deadline comes:
//! - `Wake`: makes a goroutine parked in time.Sleep runnable;
//! - `Send`: sends the current time (a time.Time, see `TimerKind::Send`) on a channel
//!   without blocking (the value is dropped when the channel's buffer is full: a timer
//!   channel has a one-element buffer, as in Go);
//! - `Spawn`: starts a goroutine running a func value (time.AfterFunc).
//!
//! Timers fire when the scheduler switches goroutines, when a time slice ends with one due,
//! and before a receive from a timer's channel (`chan::run_timer`, Go 1.23's run-on-receive).
//!
//! Invariants:
//! - Timers fire in deadline order, ties in creation order (`seq`); a periodic timer
//!   (Ticker) is rescheduled to its next deadline after now, skipping ticks it missed, as
//!   Go's runtime does.
//! - `entries` holds the active timers; `heap` may hold stale items for timers stopped or
//!   rescheduled since (lazy deletion: an item is live iff its id is in `entries` with the
//!   same `when` and `seq`).
//! - The heap values a timer needs (the channel, the Location pointer, the func value) are
//!   held by heap handles, so the collector keeps them alive and updates them when objects
//!   move; the handles are dropped when the timer stops or fires for the last time.
//! - Deadlock detection (`next_deadline`) counts `Wake` and `Spawn` timers, and `Send`
//!   timers only while a goroutine is blocked receiving from their channel: as in Go 1.23,
//!   a timer channel nobody waits on does not keep a program alive.

use crate::error::Trap;
use crate::vm::Vm;
use gosub_heap::HandleId;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

/// What a timer does when it fires.
#[derive(Clone, Copy, Debug)]
pub enum TimerKind {
    /// Make goroutine `slot` runnable (it parked in time.Sleep).
    Wake(usize),
    /// Send a time.Time `{wall, ext, loc}` on channel `chan`: `stamp` gives the two words of
    /// the current instant, `loc` holds the Location pointer.
    Send {
        chan: HandleId,
        loc: HandleId,
        stamp: fn(&Vm) -> [u64; 2],
    },
    /// Start a goroutine running the func value (a closure pointer) `func`.
    Spawn(HandleId),
}

#[derive(Clone, Copy, Debug)]
pub struct Timer {
    pub when: i64,
    /// 0 for a one-shot timer; else the interval of a ticker.
    pub period: i64,
    pub seq: u64,
    pub kind: TimerKind,
}

#[derive(Default)]
pub struct Timers {
    pub entries: HashMap<u64, Timer>,
    heap: BinaryHeap<Reverse<(i64, u64, u64)>>,
    next_id: u64,
    next_seq: u64,
}

impl Timers {
    /// Adds a timer; returns its id (never 0).
    pub fn add(&mut self, when: i64, period: i64, kind: TimerKind) -> u64 {
        self.next_id += 1;
        let id = self.next_id;
        self.schedule(id, when, period, kind);
        id
    }

    fn schedule(&mut self, id: u64, when: i64, period: i64, kind: TimerKind) {
        self.next_seq += 1;
        let seq = self.next_seq;
        self.entries.insert(
            id,
            Timer {
                when,
                period,
                seq,
                kind,
            },
        );
        self.heap.push(Reverse((when, seq, id)));
    }

    /// The earliest live timer, without removing it.
    fn peek(&mut self) -> Option<(i64, u64)> {
        while let Some(&Reverse((when, seq, id))) = self.heap.peek() {
            match self.entries.get(&id) {
                Some(t) if t.when == when && t.seq == seq => return Some((when, id)),
                _ => {
                    self.heap.pop();
                }
            }
        }
        None
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// No timer was ever made (a VM image's condition: `image.rs`).
    pub fn never_used(&self) -> bool {
        self.next_id == 0 && self.next_seq == 0
    }
}

/// The handles a timer holds.
fn handles(k: &TimerKind) -> Vec<HandleId> {
    match *k {
        TimerKind::Wake(_) => vec![],
        TimerKind::Send { chan, loc, .. } => vec![chan, loc],
        TimerKind::Spawn(f) => vec![f],
    }
}

/// Stops timer `id`; true if it was active (had not fired, or is a ticker).
pub fn stop(vm: &mut Vm, id: u64) -> bool {
    match vm.timers.entries.remove(&id) {
        Some(t) => {
            for h in handles(&t.kind) {
                vm.heap.drop_handle(h);
            }
            true
        }
        None => false,
    }
}

/// Drops every timer (the VM is reset after a failed run).
pub fn clear(vm: &mut Vm) {
    let ids: Vec<u64> = vm.timers.entries.keys().copied().collect();
    for id in ids {
        stop(vm, id);
    }
    vm.timers = Timers::default();
}

/// Is a timer due now? (Checked where a time slice ends, so a goroutine that never blocks
/// does not keep timers from firing.)
pub fn any_due(vm: &mut Vm) -> bool {
    if vm.timers.is_empty() {
        return false;
    }
    let now = vm.nanotime();
    vm.timers.peek().is_some_and(|(when, _)| when <= now)
}

/// Fires every timer whose deadline has passed, in deadline order.
pub fn run_due(vm: &mut Vm) -> Result<(), Trap> {
    if vm.timers.is_empty() {
        return Ok(());
    }
    let now = vm.nanotime();
    while let Some((when, id)) = vm.timers.peek() {
        if when > now {
            break;
        }
        vm.timers.heap.pop();
        let Some(t) = vm.timers.entries.get(&id).copied() else {
            continue;
        };
        if t.period > 0 {
            // Go's runtime: the next tick after now, skipping missed ones.
            let missed = (now - t.when) / t.period;
            let next = t
                .when
                .saturating_add(t.period.saturating_mul(missed.saturating_add(1)));
            vm.timers.schedule(id, next, t.period, t.kind);
        } else {
            vm.timers.entries.remove(&id);
        }
        fire(vm, &t)?;
        if t.period == 0 {
            for h in handles(&t.kind) {
                vm.heap.drop_handle(h);
            }
        }
    }
    Ok(())
}

fn fire(vm: &mut Vm, t: &Timer) -> Result<(), Trap> {
    match t.kind {
        TimerKind::Wake(slot) => crate::sched::wake(vm, slot),
        TimerKind::Send { chan, loc, stamp } => {
            let (Some(c), Some(l)) = (vm.heap.handle_get(chan), vm.heap.handle_get(loc)) else {
                return Ok(());
            };
            let [wall, ext] = stamp(vm);
            crate::chan::send_words(vm, c, &[wall, ext, l])?;
        }
        TimerKind::Spawn(f) => {
            if let Some(clo) = vm.heap.handle_get(f) {
                if clo != 0 {
                    crate::sched::spawn(vm, clo, &[])?;
                }
            }
        }
    }
    Ok(())
}

/// The earliest deadline that keeps the program alive when no goroutine can run (see the
/// module invariants), or None: then the program is deadlocked.
pub fn next_deadline(vm: &mut Vm) -> Option<i64> {
    let mut best: Option<i64> = None;
    let ts: Vec<Timer> = vm.timers.entries.values().copied().collect();
    for t in ts {
        let counts = match t.kind {
            TimerKind::Wake(_) | TimerKind::Spawn(_) => true,
            TimerKind::Send { chan, .. } => vm
                .heap
                .handle_get(chan)
                .is_some_and(|c| crate::chan::has_receivers(vm, c)),
        };
        if counts && best.is_none_or(|b| t.when < b) {
            best = Some(t.when);
        }
    }
    best
}
