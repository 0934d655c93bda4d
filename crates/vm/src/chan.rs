//! Channels: a heap object per channel plus wait queues of parked goroutines.
//!
//! Layout of the channel object (words): `{id, elemsize, cap, count, recvx, sendx, closed,
//! buf*, elem rtype}`; only `buf` is a pointer. The wait queues live in `Vm::chans`, keyed by
//! the channel's `id` (objects move; ids do not).
//!
//! Invariants:
//! - A waiter names a parked goroutine and a slot in that goroutine's frame: the value to
//!   send, or where a received value goes. A parked goroutine's stack moves only when a
//!   collection shrinks it, which relocates its waiters' slots (`stack::shrink_stacks`), so
//!   the slot stays valid while the goroutine is parked; the goroutine that completes the operation copies the value
//!   and wakes it (Go's direct hand-off), and the woken goroutine resumes after its op.
//! - A goroutine parked in `select` waits on several channels; when one case fires, its
//!   other waiters are removed before it is woken, so it is woken exactly once.
//! - Everything about a channel but its waiters is in its object, so a channel nobody waits
//!   on needs no entry in `Vm::chans`: entries are made when a goroutine parks, and those
//!   left empty are dropped in sweeps whose cost is paid for by the entries made since the
//!   last (`WaitQueues::queue`), so the table stays as large as the channels waited on,
//!   not as large as the channels ever made.

use crate::error::Trap;
use crate::sched;
use crate::vm::{PairHasher, Vm};
use gosub_heap::Addr;
use std::collections::{HashMap, VecDeque};
use std::hash::BuildHasherDefault;

#[derive(Clone, Copy, Debug)]
pub struct Waiter {
    pub g: usize,
    /// Value slot in the waiter's frame (u64::MAX: discard a received value).
    pub slot: Addr,
    pub ok: Option<Addr>,
    /// For `select`: the case index this waiter stands for.
    pub case: Option<usize>,
}

#[derive(Default, Debug)]
pub struct ChanQ {
    pub recvq: VecDeque<Waiter>,
    pub sendq: VecDeque<Waiter>,
}

/// The wait queues of the channels goroutines wait on, by channel id (module invariants).
#[derive(Default)]
pub struct WaitQueues {
    map: HashMap<u64, ChanQ, BuildHasherDefault<PairHasher>>,
    /// The table's size at which `queue` next drops the empty entries.
    sweep_at: usize,
}

impl WaitQueues {
    /// The queues of channel `id`, made when it has none; first drops the empty entries
    /// when the table has doubled since the last sweep (amortised O(1) per entry made).
    fn queue(&mut self, id: u64) -> &mut ChanQ {
        if self.map.len() >= self.sweep_at {
            self.map
                .retain(|_, q| !q.recvq.is_empty() || !q.sendq.is_empty());
            // (A sweep walks the table's capacity: shrunk with it, so a burst of waiters
            // long gone does not make every later sweep walk its size.)
            self.map.shrink_to_fit();
            self.sweep_at = (2 * self.map.len()).max(64);
        }
        self.map.entry(id).or_default()
    }

    /// Are goroutines waiting to receive from channel `id`?
    fn has_receivers(&self, id: u64) -> bool {
        self.map.get(&id).is_some_and(|q| !q.recvq.is_empty())
    }

    fn get_mut(&mut self, id: u64) -> Option<&mut ChanQ> {
        self.map.get_mut(&id)
    }

    /// Is no goroutine waiting on any channel?
    pub fn no_waiters(&self) -> bool {
        self.map
            .values()
            .all(|q| q.recvq.is_empty() && q.sendq.is_empty())
    }

    /// Every waiter, for relocating the slots of a goroutine whose stack moved.
    pub fn waiters_mut(&mut self) -> impl Iterator<Item = &mut Waiter> {
        self.map
            .values_mut()
            .flat_map(|q| q.recvq.iter_mut().chain(q.sendq.iter_mut()))
    }

    pub fn clear(&mut self) {
        self.map.clear();
        self.sweep_at = 0;
    }
}

/// Result of a channel operation for the running goroutine.
pub enum Flow {
    Done,
    /// Park with this wait reason (as Go's goroutine headers print it).
    Park(&'static str),
}

const W_ID: u64 = 0;
const W_ELEM: u64 = 8;
const W_CAP: u64 = 16;
const W_COUNT: u64 = 24;
const W_RECVX: u64 = 32;
const W_SENDX: u64 = 40;
/// Flags: `CLOSED`, `TIMER`.
const W_FLAGS: u64 = 48;
const CLOSED: u64 = 1;
/// A timer's channel (time.Timer.C, time.Ticker.C): buffered inside, but `len` and `cap`
/// report 0, as Go 1.23's synchronous timer channels do.
const TIMER: u64 = 2;
const W_BUF: u64 = 56;
/// The element type (an rtype index).
const W_RTYPE: u64 = 64;

pub fn make(vm: &mut Vm, rtype: u32, size: i64) -> Result<Addr, Trap> {
    if !(0..=(1 << 32)).contains(&size) {
        return Err(Trap::PlainError("makechan: size out of range".into()));
    }
    let prog = vm.prog.clone();
    let elem = prog.rtypes[rtype as usize].elem;
    let ert = &prog.rtypes[elem as usize];
    let esize = ert.size;
    let hdr_t = vm.heap.register_type(72, &[7]);
    // Both objects are allocated with the collector held off, so `c` stays valid.
    let was = vm.heap.gc_inhibited();
    vm.heap.set_gc_inhibited(true);
    let r = (|| -> Result<(Addr, Option<Addr>), Trap> {
        let c = vm.alloc(hdr_t, 1)?;
        let buf = if size > 0 && esize > 0 {
            let g = vm.gcty(ert.gcty);
            Some(vm.alloc(g, size as usize)?)
        } else {
            None
        };
        Ok((c, buf))
    })();
    vm.heap.set_gc_inhibited(was);
    let (c, buf): (Addr, Option<Addr>) = r?;
    vm.next_chan_id += 1;
    let id = vm.next_chan_id;
    vm.heap.write_u64(c + W_ID, id)?;
    vm.heap.write_u64(c + W_ELEM, esize)?;
    vm.heap.write_u64(c + W_CAP, size as u64)?;
    vm.heap.write_u64(c + W_RTYPE, elem as u64)?;
    if let Some(b) = buf {
        vm.heap.write_ptr(c + W_BUF, b)?;
    }
    Ok(c)
}

fn get(vm: &Vm, c: Addr, off: u64) -> Result<u64, Trap> {
    Ok(vm.heap.read_u64(c + off)?)
}

fn set(vm: &mut Vm, c: Addr, off: u64, v: u64) -> Result<(), Trap> {
    Ok(vm.heap.write_u64(c + off, v)?)
}

/// Is flag `f` (`CLOSED`, `TIMER`) of channel `c` set?
fn flag(vm: &Vm, c: Addr, f: u64) -> Result<bool, Trap> {
    Ok(get(vm, c, W_FLAGS)? & f != 0)
}

fn copy_val(vm: &mut Vm, dst: Addr, src: Addr, n: u64) -> Result<(), Trap> {
    if n > 0 && dst != u64::MAX {
        vm.heap.copy(dst, src, n as usize)?;
    }
    Ok(())
}

/// Copies a received value into its destination register(s) `dst` (zeroed first by
/// `clear_dst`), sign-extended when the element type is a narrow signed integer (a
/// register's canonical form: `frame::load_reg`).
fn deliver(vm: &mut Vm, c: Addr, dst: Addr, src: Addr, n: u64) -> Result<(), Trap> {
    copy_val(vm, dst, src, n)?;
    if dst != u64::MAX && n < 8 {
        let elem = get(vm, c, W_RTYPE)?;
        let signed = vm
            .prog
            .rtypes
            .get(elem as usize)
            .and_then(|t| t.kind.narrow_signed());
        crate::frame::sign_extend_reg(vm, dst, signed)?;
    }
    Ok(())
}

fn zero_val(vm: &mut Vm, dst: Addr, n: u64) -> Result<(), Trap> {
    if n > 0 && dst != u64::MAX {
        vm.heap.fill_zero(dst, n as usize)?;
    }
    Ok(())
}

/// Completes a parked waiter: ok flag, select bookkeeping, wake.
fn fire(vm: &mut Vm, w: Waiter, ok: bool) -> Result<(), Trap> {
    if let Some(okp) = w.ok {
        vm.heap.write_u64(okp, ok as u64)?;
    }
    if let Some(case) = w.case {
        let sel = vm
            .sched
            .gs
            .get_mut(w.g)
            .and_then(|g| g.as_mut())
            .and_then(|g| g.select.take());
        if let Some((chans, chosen)) = sel {
            vm.heap.write_u64(chosen, case as u64)?;
            for id in chans {
                if let Some(q) = vm.chans.get_mut(id) {
                    q.recvq.retain(|x| x.g != w.g);
                    q.sendq.retain(|x| x.g != w.g);
                }
            }
        }
    }
    sched::wake(vm, w.g);
    Ok(())
}

fn pop(q: &mut VecDeque<Waiter>) -> Option<Waiter> {
    q.pop_front()
}

/// `ch <- value at src`.
pub fn send(vm: &mut Vm, c: Addr, src: Addr) -> Result<Flow, Trap> {
    if c == 0 {
        return Ok(Flow::Park("chan send (nil chan)"));
    }
    if try_send(vm, c, src)? {
        return Ok(Flow::Done);
    }
    let id = get(vm, c, W_ID)?;
    let g = vm.sched.cur;
    vm.chans.queue(id).sendq.push_back(Waiter {
        g,
        slot: src,
        ok: None,
        case: None,
    });
    Ok(Flow::Park("chan send"))
}

/// A send that does not block: true if done.
fn try_send(vm: &mut Vm, c: Addr, src: Addr) -> Result<bool, Trap> {
    if flag(vm, c, CLOSED)? {
        return Err(Trap::PlainError("send on closed channel".into()));
    }
    let id = get(vm, c, W_ID)?;
    let n = get(vm, c, W_ELEM)?;
    if let Some(w) = vm.chans.get_mut(id).and_then(|q| pop(&mut q.recvq)) {
        deliver(vm, c, w.slot, src, n)?;
        fire(vm, w, true)?;
        return Ok(true);
    }
    let (cap, count) = (get(vm, c, W_CAP)?, get(vm, c, W_COUNT)?);
    if count < cap {
        let buf = get(vm, c, W_BUF)?;
        let sx = get(vm, c, W_SENDX)?;
        copy_val(vm, buf + sx * n, src, n)?;
        set(vm, c, W_SENDX, (sx + 1) % cap)?;
        set(vm, c, W_COUNT, count + 1)?;
        return Ok(true);
    }
    Ok(false)
}

/// Zeroes the register(s) at `dst` that a value received from `c` goes to (a partner may
/// write the value later): a received narrow value must be in its canonical form
/// (`frame::load_reg`).
fn clear_dst(vm: &mut Vm, c: Addr, dst: Addr) -> Result<(), Trap> {
    if dst != u64::MAX {
        let n = get(vm, c, W_ELEM)?.next_multiple_of(8);
        zero_val(vm, dst, n)?;
    }
    Ok(())
}

/// `*dst, *ok = <-ch`.
pub fn recv(vm: &mut Vm, c: Addr, dst: Addr, ok: Option<Addr>) -> Result<Flow, Trap> {
    if c == 0 {
        return Ok(Flow::Park("chan receive (nil chan)"));
    }
    run_timer(vm, c)?;
    clear_dst(vm, c, dst)?;
    if let Some(got) = try_recv(vm, c, dst)? {
        if let Some(okp) = ok {
            vm.heap.write_u64(okp, got as u64)?;
        }
        return Ok(Flow::Done);
    }
    let id = get(vm, c, W_ID)?;
    let g = vm.sched.cur;
    vm.chans.queue(id).recvq.push_back(Waiter {
        g,
        slot: dst,
        ok,
        case: None,
    });
    Ok(Flow::Park("chan receive"))
}

/// A receive that does not block: Some(ok) if done.
fn try_recv(vm: &mut Vm, c: Addr, dst: Addr) -> Result<Option<bool>, Trap> {
    let id = get(vm, c, W_ID)?;
    let n = get(vm, c, W_ELEM)?;
    let (cap, count) = (get(vm, c, W_CAP)?, get(vm, c, W_COUNT)?);
    if count > 0 {
        let buf = get(vm, c, W_BUF)?;
        let rx = get(vm, c, W_RECVX)?;
        deliver(vm, c, dst, buf + rx * n, n)?;
        zero_val(vm, buf + rx * n, n)?;
        set(vm, c, W_RECVX, (rx + 1) % cap)?;
        set(vm, c, W_COUNT, count - 1)?;
        // A parked sender can now put its value in the buffer.
        if let Some(w) = vm.chans.get_mut(id).and_then(|q| pop(&mut q.sendq)) {
            let sx = get(vm, c, W_SENDX)?;
            copy_val(vm, buf + sx * n, w.slot, n)?;
            set(vm, c, W_SENDX, (sx + 1) % cap)?;
            set(vm, c, W_COUNT, count)?;
            fire(vm, w, true)?;
        }
        return Ok(Some(true));
    }
    if let Some(w) = vm.chans.get_mut(id).and_then(|q| pop(&mut q.sendq)) {
        deliver(vm, c, dst, w.slot, n)?;
        fire(vm, w, true)?;
        return Ok(Some(true));
    }
    if flag(vm, c, CLOSED)? {
        zero_val(vm, dst, n)?;
        return Ok(Some(false));
    }
    Ok(None)
}

pub fn close(vm: &mut Vm, c: Addr) -> Result<(), Trap> {
    if c == 0 {
        return Err(Trap::PlainError("close of nil channel".into()));
    }
    if flag(vm, c, CLOSED)? {
        return Err(Trap::PlainError("close of closed channel".into()));
    }
    set(vm, c, W_FLAGS, get(vm, c, W_FLAGS)? | CLOSED)?;
    let id = get(vm, c, W_ID)?;
    let n = get(vm, c, W_ELEM)?;
    let (recvs, sends): (Vec<Waiter>, Vec<Waiter>) = match vm.chans.get_mut(id) {
        Some(q) => (q.recvq.drain(..).collect(), q.sendq.drain(..).collect()),
        None => (vec![], vec![]),
    };
    for w in recvs {
        zero_val(vm, w.slot, n)?;
        fire(vm, w, false)?;
    }
    for w in sends {
        // Go panics in the sender; gosub reports it when the sender resumes.
        if let Some(Some(g)) = vm.sched.gs.get_mut(w.g) {
            g.pending_panic = Some("send on closed channel".into());
        }
        fire(vm, w, false)?;
    }
    Ok(())
}

pub fn len(vm: &Vm, c: Addr, cap: bool) -> Result<u64, Trap> {
    if c == 0 {
        return Ok(0);
    }
    if flag(vm, c, TIMER)? {
        return Ok(0);
    }
    get(vm, c, if cap { W_CAP } else { W_COUNT })
}

/// One `select` case at run time: channel, value slot, ok slot.
pub struct Case {
    pub send: bool,
    pub ch: Addr,
    pub slot: Addr,
    pub ok: Option<Addr>,
}

/// Runs a select: performs the first ready case (or default), else parks on all of them.
/// Returns the chosen index (-1 = default) or a park.
pub fn select(vm: &mut Vm, cases: &[Case], has_default: bool, chosen: Addr) -> Result<Flow, Trap> {
    for cs in cases {
        if !cs.send && cs.ch != 0 {
            run_timer(vm, cs.ch)?;
            clear_dst(vm, cs.ch, cs.slot)?;
        }
    }
    // The ready cases are polled in a pseudo-random order, so that when several are ready
    // each is taken with the same probability (the spec's uniform choice; Go's pollorder).
    let mut order: Vec<usize> = (0..cases.len()).collect();
    for i in (1..order.len()).rev() {
        let j = vm.sched.rand_below(i + 1);
        order.swap(i, j);
    }
    for i in order {
        let cs = &cases[i];
        if cs.ch == 0 {
            continue;
        }
        let done = if cs.send {
            try_send(vm, cs.ch, cs.slot)?
        } else {
            match try_recv(vm, cs.ch, cs.slot)? {
                Some(ok) => {
                    if let Some(okp) = cs.ok {
                        vm.heap.write_u64(okp, ok as u64)?;
                    }
                    true
                }
                None => false,
            }
        };
        if done {
            vm.heap.write_u64(chosen, i as u64)?;
            return Ok(Flow::Done);
        }
    }
    if has_default {
        vm.heap.write_u64(chosen, u64::MAX)?;
        return Ok(Flow::Done);
    }
    let g = vm.sched.cur;
    let mut ids = Vec::new();
    for (i, cs) in cases.iter().enumerate() {
        if cs.ch == 0 {
            continue;
        }
        let id = get(vm, cs.ch, W_ID)?;
        let w = Waiter {
            g,
            slot: cs.slot,
            ok: cs.ok,
            case: Some(i),
        };
        let q = vm.chans.queue(id);
        if cs.send {
            q.sendq.push_back(w);
        } else {
            q.recvq.push_back(w);
        }
        ids.push(id);
    }
    vm.cur_select = Some((ids, chosen));
    Ok(Flow::Park(if cases.iter().all(|c| c.ch == 0) {
        "select (no cases)"
    } else {
        "select"
    }))
}

/// A send that never blocks, of a value given as words (a timer's time.Time): to a waiting
/// receiver, else into the buffer if it has room, else dropped. True if sent. The words are
/// stored with `write_u64`, whose write barrier covers pointer words.
pub fn send_words(vm: &mut Vm, c: Addr, words: &[u64]) -> Result<bool, Trap> {
    if c == 0 || flag(vm, c, CLOSED)? {
        return Ok(false);
    }
    let id = get(vm, c, W_ID)?;
    let n = get(vm, c, W_ELEM)?;
    let store = |vm: &mut Vm, dst: Addr| -> Result<(), Trap> {
        if dst == u64::MAX {
            return Ok(());
        }
        for (i, &w) in words.iter().enumerate() {
            if 8 * i as u64 + 8 <= n {
                vm.heap.write_u64(dst + 8 * i as u64, w)?;
            }
        }
        Ok(())
    };
    if let Some(w) = vm.chans.get_mut(id).and_then(|q| pop(&mut q.recvq)) {
        store(vm, w.slot)?;
        fire(vm, w, true)?;
        return Ok(true);
    }
    let (cap, count) = (get(vm, c, W_CAP)?, get(vm, c, W_COUNT)?);
    if count < cap {
        let buf = get(vm, c, W_BUF)?;
        let sx = get(vm, c, W_SENDX)?;
        store(vm, buf + sx * n)?;
        set(vm, c, W_SENDX, (sx + 1) % cap)?;
        set(vm, c, W_COUNT, count + 1)?;
        return Ok(true);
    }
    Ok(false)
}

/// Before a receive from a timer's channel: fires the timers that are due, so a timer
/// whose deadline has passed has its value ready even if the scheduler has not switched
/// since (Go 1.23 runs an expired timer when its channel is received from).
fn run_timer(vm: &mut Vm, c: Addr) -> Result<(), Trap> {
    if vm.timers.is_empty() {
        return Ok(());
    }
    if flag(vm, c, TIMER)? {
        crate::timers::run_due(vm)?;
    }
    Ok(())
}

/// Marks channel `c` as a timer's (see `TIMER`).
pub fn mark_timer(vm: &mut Vm, c: Addr) -> Result<(), Trap> {
    set(vm, c, W_FLAGS, get(vm, c, W_FLAGS)? | TIMER)
}

/// Is a goroutine blocked receiving from channel `c` (in a receive or a select)?
pub fn has_receivers(vm: &Vm, c: Addr) -> bool {
    get(vm, c, W_ID)
        .ok()
        .is_some_and(|id| vm.chans.has_receivers(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn waiter(g: usize) -> Waiter {
        Waiter {
            g,
            slot: 0,
            ok: None,
            case: None,
        }
    }

    /// A million channels each waited on once leave a table the size of the channels
    /// still waited on (plus the entries made since the last sweep), not a million.
    #[test]
    fn emptied_queues_are_swept() {
        let mut qs = WaitQueues::default();
        qs.queue(0).recvq.push_back(waiter(7));
        for id in 1..1_000_000 {
            qs.queue(id).sendq.push_back(waiter(1));
            assert_eq!(
                qs.get_mut(id)
                    .and_then(|q| q.sendq.pop_front())
                    .map(|w| w.g),
                Some(1)
            );
        }
        assert!(qs.map.len() <= 64, "{} entries", qs.map.len());
        assert_eq!(qs.get_mut(0).map(|q| q.recvq.len()), Some(1));
        assert!(!qs.no_waiters());
        if let Some(q) = qs.get_mut(0) {
            q.recvq.clear();
        }
        assert!(qs.no_waiters());
    }
}
