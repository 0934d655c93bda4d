//! Incremental marking of the old generation: the old space and the large objects are
//! marked a step at a time, interleaved with the program, instead of in one pause.
//!
//! A cycle:
//! 1. **mark start**: a minor collection that finds the old generation past the trigger
//!    (`Pacer::mark_trigger`) turns marking on before it scans its roots, and shades the
//!    old objects the roots and the young objects point to;
//! 2. **mark steps**: the allocator runs a step every `step_every` bytes allocated
//!    (`Heap::alloc`: the nursery's bump limit is lowered to the next step), and the
//!    scheduler runs steps while every goroutine sleeps; a step pops grey objects and
//!    shades what they point to, for as much work as the pacer asks (`step_budget`); minor
//!    collections keep running in between;
//! 3. when no grey object is left, the step re-scans the cards stored into since (the
//!    *preclean*) and, if that shades nothing and few cards are left dirty, marking is
//!    done for now: the first time in a cycle it asks for a **root rescan**, a minor
//!    collection that shades what the roots lead to (`Incremental::rescan`), so that what they acquired during the cycle (a
//!    large array allocated white, the top of a structure promoted since) is marked by
//!    steps rather than by the termination in its pause; the second time it asks for the
//!    termination;
//! 4. **mark termination** (a `Major` collection, `collect.rs`): the objects still grey,
//!    the cards stored into since the last step and the old objects' young pointers are
//!    scanned, then the roots (every stack, globals, handles) and the young generation are
//!    traced (as a minor collection does: ages are kept), marking what is still white;
//!    the specials are processed, the large objects swept, and the old space's lazy sweep
//!    begun (`sweep.rs`).
//!
//! Colours: white = unmarked; grey = marked and in `grey`; black = marked and scanned.
//! Young objects have no colour: they are re-traced at the termination, like the stacks.
//!
//! The barrier (`write_barrier.rs`): while marking, a store into a marked old or large
//! object marks its card in the *remark* tables (`remark_old`, `remark_large`) unless
//! every value it stored is known not to point to a white object (`may_be_white`); a
//! store into a white object needs none (it is scanned whole once marked) — an
//! incremental-update (Dijkstra-style) barrier that, instead of shading the stored
//! pointer at once, has the marker re-scan the card later. Stacks, globals, handles
//! and young objects have no such barrier; the termination re-scans them all.
//!
//! Invariants while marking (`active`):
//! - Tri-colour: a pointer from a black object to a white one lies in a dirty remark card
//!   (checked by the verifier at termination, `verify_tricolour`).
//! - Objects promoted or allocated directly in the old generation during a cycle are
//!   white until its root rescan, as in Dijkstra's collector, so those that die during
//!   the cycle (most of a program's promoted temporaries) are freed by its sweep instead
//!   of the next one's. After the rescan, objects allocated outside the nursery are
//!   black (`allocate_black`: they hold no pointer yet, and a store into them is
//!   barriered) and minor collections shade what their roots lead to, so that the termination
//!   has nothing of the cycle's late allocations left to mark in its pause (a 3 MB array
//!   allocated white and filled just before it took 6 ms to mark there).
//!   What points to such an object is a root or a young object (re-traced by the
//!   termination), an old object not scanned yet (white or grey: scanned later), a store
//!   into a marked object (its remark card), or a marked object whose generational card
//!   a minor collection cleans while promoting its young target: `scan_cards` shades
//!   what the cards of marked objects promote, and nothing else (an old object such a
//!   card points to was shaded when the marker scanned the object, or the store that
//!   put it there dirtied a remark card: `Cycle::cards`). (The
//!   minor collection that starts a cycle also shades what its roots and young objects
//!   lead to; so does one that promotes its survivors at once, in a phase where the
//!   nursery mostly survives (tenuring, pacing.rs): what it promotes is data being
//!   built, which would otherwise all be left for the termination to mark, in its pause.)
//! - Nothing is freed or moved in the old generation until the termination, so every
//!   address in an old object stays valid to shade, and marking never needs the VM.
//! - A forced collection (`runtime.GC`, `FreeOSMemory`, `Full`) aborts the cycle (clears
//!   every mark) and collects from scratch, so it frees everything unreachable at that
//!   moment, as Go's `runtime.GC` does.
//!
//! Why it is sound with a moving nursery: the marker never follows or records young
//! pointers; a young object reachable from a black old object is reached at the
//! termination through the old object's (generational) card, and what it points to is
//! then shaded. Goroutine stacks: never barriered, always re-scanned at the termination.

use std::time::{Duration, Instant};

use crate::arena::{Addr, ARENA_BASE};
use crate::gctype::TypeTable;
use crate::object::{self, HEADER_BYTES, MARK};
use crate::write_barrier::{CardTable, CARD};
use crate::Heap;

/// Scan work (bytes of objects) a step is sized for when the pacer asks for no more.
pub const STEP_WORK: u64 = 128 << 10;
/// The most scan work one step does (about 0.3 ms).
const MAX_STEP_WORK: u64 = 256 << 10;
/// The most scan work one allocation pays for, in steps of `MAX_STEP_WORK` (a large
/// allocation owes its bytes times the pacer's ratio); a pacer that needs more runs out
/// of runway and the termination finishes the work.
const MAX_ASSIST_WORK: u64 = 64 * MAX_STEP_WORK;
/// Bounds on the bytes allocated between two steps.
const MIN_STEP_EVERY: u64 = 4 << 10;
const MAX_STEP_EVERY: u64 = 256 << 10;
/// Dirty remark cards the termination may be left to re-scan (about 0.3 ms of work):
/// with no grey object left and at most this many, marking is done.
const TERMINATION_CARDS: usize = 2048;
/// Bytes of a large object's elements scanned before the step looks at its budget again.
const LARGE_CHUNK: u64 = 64 << 10;
/// Under gcstress: scan work of a step (tiny, so that marking spans many collections).
const STRESS_STEP_WORK: u64 = 256;

/// A grey object: its base (arena offset) and, for a large object scanned in parts, the
/// byte offset of the first element not yet scanned.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Grey {
    pub base: u64,
    pub from: u64,
}

/// The root rescan of a cycle (module comment, 3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rescan {
    /// Marking has not run out of grey objects yet.
    NotYet,
    /// It has: the next minor collection shades what the roots lead to.
    Wanted,
    /// That collection ran: the next time marking is done, it terminates.
    Done,
}

/// An old or large object's colour while marking (`Heap::colour`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Colour {
    White,
    Grey,
    Black,
}

/// What one marking cycle did (for gctrace and `--gcstats`).
#[derive(Clone, Copy, Default, Debug)]
pub struct MarkStats {
    pub steps: u64,
    /// Steps run while every goroutine slept.
    pub idle_steps: u64,
    /// Bytes of objects scanned by the steps.
    pub scanned: u64,
    /// Remark cards re-scanned by the steps.
    pub precleaned: u64,
    pub step_wall: Duration,
    pub step_cpu: Duration,
    pub longest_wall: Duration,
    pub longest_cpu: Duration,
}

pub(crate) struct Incremental {
    /// `GOSUBGC=incremental=off` clears it: major collections stop the world.
    pub enabled: bool,
    /// A cycle is marking.
    pub active: bool,
    /// The grey objects (its capacity kept between cycles: `finish_marking`).
    pub grey: Vec<Grey>,
    pub remark_old: CardTable,
    pub remark_large: CardTable,
    /// Scan work expected: the old generation's bytes when the cycle started, plus what
    /// minor collections promoted since (objects the marker may have to scan).
    pub expected: u64,
    /// Bytes allocated since the last step, not counting the nursery bump since
    /// `last_top`.
    pub allocated: u64,
    /// Nursery top when the last step ran (or the nursery was last emptied).
    pub last_top: u64,
    /// Bytes of allocation between steps, as the pacer set it at the last step.
    pub step_every: u64,
    /// A large allocation asked for a collection to start a cycle (`Heap::alloc_large`).
    pub start_wanted: bool,
    /// Where the cycle is with its root rescan (module comment, 3).
    pub rescan: Rescan,
    /// The cycle's record so far.
    pub stats: MarkStats,
    /// When the cycle started.
    pub started: Option<Instant>,
    /// The whole run's longest step (wall, cpu) and number of cycles.
    pub longest: (Duration, Duration),
    pub cycles: u64,
}

impl Incremental {
    pub fn new(enabled: bool, old_base: u64, large_base: u64) -> Incremental {
        Incremental {
            enabled,
            active: false,
            grey: Vec::new(),
            remark_old: CardTable::new(old_base),
            remark_large: CardTable::new(large_base),
            expected: 0,
            allocated: 0,
            last_top: 0,
            step_every: MAX_STEP_EVERY,
            start_wanted: false,
            rescan: Rescan::NotYet,
            stats: MarkStats::default(),
            started: None,
            longest: (Duration::ZERO, Duration::ZERO),
            cycles: 0,
        }
    }
}

impl Heap {
    /// Mark start (module comment, 1): called by a minor collection before it scans its
    /// roots.
    pub(crate) fn maybe_start_marking(&mut self) -> bool {
        let old = self.old_gen_bytes();
        // Under gcstress or `incremental=eager` a cycle starts at every chance (and its
        // steps are tiny).
        let eager = self.config.gc_stress || self.config.mark_eager;
        let trigger = if eager && self.pacer.gogc >= 0 {
            0
        } else {
            self.pacer.mark_trigger
        };
        let wanted = std::mem::take(&mut self.inc.start_wanted) && self.pacer.gogc >= 0;
        if !self.inc.enabled || self.inc.active || (old < trigger && !wanted) {
            return false;
        }
        self.finish_sweep();
        self.ensure_remark_cards();
        let inc = &mut self.inc;
        inc.active = true;
        inc.expected = old;
        inc.allocated = 0;
        // What the nursery holds now was allocated before the cycle.
        inc.last_top = self.young.nursery.top;
        inc.step_every = MIN_STEP_EVERY;
        inc.rescan = Rescan::NotYet;
        inc.stats = MarkStats::default();
        inc.started = Some(Instant::now());
        inc.cycles += 1;
        true
    }

    /// The remark tables cover the committed old and large spaces (called wherever the
    /// generational card tables grow).
    pub(crate) fn ensure_remark_cards(&mut self) {
        if self.inc.enabled {
            self.inc.remark_old.ensure(self.old.committed_bytes());
            self.inc.remark_large.ensure(self.large.committed_bytes());
        }
    }

    /// The barrier's part while marking: a store of `len` bytes at `off`, inside the old
    /// or large space. Only a store into a marked (grey or black) object can make a black
    /// object point to a white one; a white object is scanned whole once it is marked, so
    /// stores into it need no card (a map filling a table allocated during the cycle
    /// would otherwise dirty tens of thousands of cards for the termination to skip).
    #[inline]
    /// `val`: the stored word, when the barrier knows it: a value that cannot point to a
    /// white object needs no card (`may_be_white`, asked only of stores into marked
    /// objects, the cheaper test first).
    pub(crate) fn remark(&mut self, off: u64, len: u64, val: Option<u64>) {
        if self.layout.old.contains_off(off) {
            if self.old.cell_marked(off) && val.is_none_or(|v| self.may_be_white(v)) {
                self.inc.remark_old.mark_range(off, len.max(1));
            }
        } else if self.marked_large_at(off).is_some() && val.is_none_or(|v| self.may_be_white(v)) {
            self.inc.remark_large.mark_range(off, len.max(1));
        }
    }

    /// Could storing `v` make a marked object point to a white one (the remark barrier's
    /// filter)? No for a value outside the old and large spaces (young objects are traced
    /// by the termination, through the generational cards) and for a pointer to a marked
    /// object (marks stay until the termination); yes otherwise, and whenever the value
    /// cannot be placed in an object (an integer that looks like an address).
    #[inline]
    pub(crate) fn may_be_white(&self, v: Addr) -> bool {
        let off = v.wrapping_sub(ARENA_BASE);
        let l = &self.layout;
        if l.old.contains_off(off) {
            // (The object `shade` would find: interior and one-past-the-end pointers too.)
            self.old
                .find_base(&self.arena, off)
                .is_none_or(|base| !self.old.is_marked(base))
        } else if l.large.contains_off(off) || off == l.large.offset + l.large.size {
            self.large.find_base(&self.arena, off).is_none_or(|base| {
                // SAFETY: a live large object's header is the first word of its run.
                let h = unsafe { self.arena.load(base - HEADER_BYTES) };
                h & MARK == 0
            })
        } else {
            false
        }
    }

    /// Shade the object `v` points to, if it is an old or large object: mark it and make
    /// it grey. Young and non-heap values are left alone.
    #[inline]
    pub(crate) fn shade(&mut self, v: Addr) {
        let off = v.wrapping_sub(ARENA_BASE);
        let l = &self.layout;
        if l.old.contains_off(off) {
            if let Some(base) = self.old.find_base(&self.arena, off) {
                if self.old.mark(base) {
                    self.inc.grey.push(Grey { base, from: 0 });
                }
            }
        } else if l.large.contains_off(off) || off == l.large.offset + l.large.size {
            if let Some(base) = self.large.find_base(&self.arena, off) {
                // SAFETY: a live large object's header is the first word of its run.
                let h = unsafe { self.arena.load(base - HEADER_BYTES) };
                if h & MARK == 0 {
                    // SAFETY: as above.
                    unsafe { self.arena.store(base - HEADER_BYTES, h | MARK) };
                    self.inc.grey.push(Grey { base, from: 0 });
                }
            }
        }
    }

    /// Shade every pointer word of the object at `base` whose slot lies in `[lo, hi)`,
    /// from element byte offset `from` on, up to `limit` bytes of elements. Returns the
    /// bytes of elements looked at and the offset to resume from (None: done).
    fn shade_fields(
        &mut self,
        types: &TypeTable,
        base: u64,
        from: u64,
        range: (u64, u64),
        limit: u64,
    ) -> (u64, Option<u64>) {
        let h = self.header_at(base) & !MARK;
        let size = object::size(h);
        let Some(t) = types.get(object::type_id(h)) else {
            return (8, None);
        };
        if t.ptr_words.is_empty() || t.size == 0 {
            return (8, None);
        }
        let esize = t.size as u64;
        let (lo, hi) = range;
        // (A whole object holding one value, the common case, needs none of the divisions
        // below, each of which costs as much as the rest of its scan.)
        let whole = from == 0 && lo <= base && hi == u64::MAX && size == esize;
        let (first, end) = if whole {
            (0, 1)
        } else {
            let first = from.max(lo.saturating_sub(base)) / esize;
            let end = (hi.saturating_sub(base)).div_ceil(esize).min(size / esize);
            (first, end)
        };
        if first >= end {
            // (A card past the object's end, in its cell's slack.)
            return (8, None);
        }
        let last = if whole {
            1
        } else {
            end.min(first + limit.div_ceil(esize).max(1))
        };
        for i in first..last {
            let elem = base + i * esize;
            for &w in t.ptr_words.iter() {
                let slot = elem + w as u64 * 8;
                if slot < lo || slot >= hi {
                    continue;
                }
                // SAFETY: a pointer word of a live old or large object (committed).
                let v = unsafe { self.arena.load(slot) };
                if v != 0 {
                    self.shade(v);
                }
            }
        }
        let done = (last - first) * esize + 8;
        (done, (last < end).then_some(last * esize))
    }

    /// Scan grey objects for about `budget` bytes; when none is left, preclean the remark
    /// cards; when that shades nothing either, ask for the root rescan, or after it the
    /// termination (module comment, 3). Returns the work done.
    fn mark_work(&mut self, budget: u64) -> u64 {
        let types = self.types.clone();
        let (mut work, mut cards) = (0u64, 0u64);
        while work + cards < budget {
            let Some(g) = self.inc.grey.pop() else {
                cards += self.preclean(&types, budget - work - cards);
                let cards = self.inc.remark_old.dirty_count() + self.inc.remark_large.dirty_count();
                if self.inc.grey.is_empty() && cards <= TERMINATION_CARDS {
                    // Marking is done: the next collection rescans the roots the first
                    // time, else terminates the cycle; the next allocation asks for it
                    // (or, inside a native, the VM's next safepoint). The cards still
                    // dirty (a program that keeps storing into old objects dirties them
                    // as fast as the steps clean them) are the termination's.
                    match self.inc.rescan {
                        Rescan::NotYet => self.inc.rescan = Rescan::Wanted,
                        Rescan::Wanted => {}
                        Rescan::Done => self.pacer.want_major = true,
                    }
                    self.owed = true;
                    break;
                }
                if self.inc.grey.is_empty() {
                    break; // cards left for the next step
                }
                continue;
            };
            let limit = if self.layout.large.contains_off(g.base) {
                LARGE_CHUNK
            } else {
                u64::MAX
            };
            let (done, rest) = self.shade_fields(&types, g.base, g.from, (0, u64::MAX), limit);
            work += done;
            if let Some(from) = rest {
                self.inc.grey.push(Grey { base: g.base, from });
            }
        }
        self.inc.stats.scanned += work;
        work + cards
    }

    /// Re-scan the marked objects' slots in the remark cards dirtied since the last
    /// preclean (their cards are cleaned), about `budget` bytes of cards of them. Returns
    /// the work (bytes of cards).
    fn preclean(&mut self, types: &TypeTable, budget: u64) -> u64 {
        let mut work = 0;
        let mut bases = Vec::new();
        let max = (budget / CARD).max(1) as usize;
        for ci in self.inc.remark_old.take_some(max) {
            let lo = self.layout.old.offset + ci as u64 * CARD;
            self.marked_old_in_card(lo, &mut bases);
            for &b in &bases {
                self.shade_fields(types, b, 0, (lo, lo + CARD), u64::MAX);
            }
            work += CARD;
        }
        let left = max.saturating_sub((work / CARD) as usize).max(1);
        for ci in self.inc.remark_large.take_some(left) {
            let lo = self.layout.large.offset + ci as u64 * CARD;
            if let Some(b) = self.marked_large_at(lo) {
                self.shade_fields(types, b, 0, (lo, lo + CARD), u64::MAX);
            }
            work += CARD;
        }
        self.inc.stats.precleaned += work / CARD;
        work
    }

    /// Bases of the live, marked old objects whose cells overlap the card at `lo`.
    pub(crate) fn marked_old_in_card(&self, lo: u64, out: &mut Vec<u64>) {
        out.clear();
        self.old_objects_in_card(lo, out);
        out.retain(|&b| self.old.is_marked(b));
    }

    /// The base of the marked large object whose run holds `off`.
    pub(crate) fn marked_large_at(&self, off: u64) -> Option<u64> {
        let (start, _) = self.large.run_of(off)?;
        let base = start + HEADER_BYTES;
        // SAFETY: a live run's first word is its object's header.
        let h = unsafe { self.arena.load(start) };
        (h & MARK != 0).then_some(base)
    }

    /// A mark step paid for by allocation (`Heap::alloc`, when the nursery reaches the
    /// step's bump limit or an allocation goes to the old generation directly).
    #[cold]
    #[inline(never)]
    pub(crate) fn mark_assist(&mut self) {
        let top = self.young.nursery.top;
        self.inc.allocated += top.saturating_sub(self.inc.last_top);
        self.inc.last_top = top;
        if self.inc.active {
            // The work the allocation owes, in steps of at most MAX_STEP_WORK each (a
            // large allocation owes much more than one step's worth: Go's assists).
            let mut owed = self.step_budget();
            while owed > 0 && !self.collection_due() {
                let b = owed.min(MAX_STEP_WORK);
                self.timed_step(b, false);
                owed -= b;
                if self.inc.grey.is_empty() {
                    break;
                }
            }
            // (And the pages of the last cycle's dead large objects, as a sweep step.)
            self.large
                .release_pending(&self.arena, crate::sweep::LARGE_RELEASE_STEP);
        } else {
            // Between cycles: the lazy sweep's step (sweep.rs).
            self.sweep_step(self.inc.allocated);
            self.inc.step_every = crate::sweep::SWEEP_EVERY;
        }
        self.inc.allocated = 0;
        self.refresh_bump_limit();
    }

    /// Mark work while every goroutine sleeps (the scheduler, before it sleeps): steps of
    /// `STEP_WORK` until `until` or until marking is done. Returns whether it did any.
    pub fn idle_mark(&mut self, until: Instant) -> bool {
        let mut any = false;
        while self.inc.active && !self.collection_due() && Instant::now() < until {
            self.timed_step(STEP_WORK, true);
            any = true;
        }
        while !self.inc.active && self.sweeping() && Instant::now() < until {
            self.sweep_step(STEP_WORK);
            any = true;
        }
        if any {
            self.refresh_bump_limit();
        }
        any
    }

    fn timed_step(&mut self, budget: u64, idle: bool) {
        let t0 = Instant::now();
        let cpu0 = crate::stats::thread_cpu_time();
        self.mark_work(budget);
        let wall = t0.elapsed();
        let cpu = crate::stats::thread_cpu_time().saturating_sub(cpu0);
        let s = &mut self.inc.stats;
        s.steps += 1;
        s.idle_steps += idle as u64;
        s.step_wall += wall;
        s.step_cpu += cpu;
        s.longest_wall = s.longest_wall.max(wall);
        s.longest_cpu = s.longest_cpu.max(cpu);
        let l = &mut self.inc.longest;
        *l = (l.0.max(wall), l.1.max(cpu));
    }

    /// The pacer's share for this step: scan work proportional to the bytes allocated
    /// since the last one, at the ratio that finishes the expected work before the old
    /// generation reaches its goal if every allocated byte were promoted (Go's assist
    /// ratio: scan work left over heap distance left). Also sets when the next step runs.
    fn step_budget(&mut self) -> u64 {
        if self.config.gc_stress || self.config.mark_eager {
            self.inc.step_every = 0;
            return STRESS_STEP_WORK;
        }
        // Work left: the objects expected and not scanned yet, and the cards stored into
        // since their last preclean.
        let cards = self.inc.remark_old.dirty_count() + self.inc.remark_large.dirty_count();
        let left = self
            .inc
            .expected
            .saturating_sub(self.inc.stats.scanned)
            .saturating_add(cards as u64 * CARD)
            .max(STEP_WORK);
        // Past the goal, the highest rate (the hard goal is the last resort).
        let runway = self.pacer.goal.saturating_sub(self.old_gen_bytes()).max(1);
        let ratio = left as f64 / runway as f64;
        // At least four steps per nursery: a step is paid only when an allocation reaches
        // its point before the nursery's trigger.
        let most = (self.pacer.young_trigger / 4).clamp(MIN_STEP_EVERY, MAX_STEP_EVERY);
        self.inc.step_every = ((STEP_WORK as f64 / ratio) as u64).clamp(MIN_STEP_EVERY, most);
        ((ratio * self.inc.allocated as f64) as u64).clamp(STEP_WORK / 4, MAX_ASSIST_WORK)
    }

    /// The nursery bump limit of `Heap::alloc`'s fast path: the minor collection's trigger,
    /// or, while marking or sweeping, the next step's point (`step_limit`) if that comes
    /// first, or, while the old space's runway is short, the next runway step's
    /// (`runway.rs`).
    pub(crate) fn refresh_bump_limit(&mut self) {
        let trigger = self.pacer.young_trigger;
        self.step_limit = if !self.inc.active {
            if self.sweeping() {
                trigger.min(self.young.nursery.top + crate::sweep::SWEEP_EVERY)
            } else {
                trigger
            }
        } else if self.collection_due() {
            // Marking is done: the next allocation asks for the rescan or the termination.
            0
        } else {
            trigger.min(self.young.nursery.top + self.inc.step_every)
        };
        self.bump_limit = self.step_limit;
        if self.runway_short() {
            self.bump_limit =
                (self.bump_limit).min(self.young.nursery.top + crate::runway::STEP_EVERY);
        }
    }

    /// Allocation outside the nursery (old cells, large objects) while marking: counts
    /// towards the next step; returns whether a step is due.
    pub(crate) fn note_direct_alloc(&mut self, bytes: u64) -> bool {
        self.inc.allocated += bytes;
        let every = if self.inc.active {
            self.inc.step_every
        } else {
            crate::sweep::SWEEP_EVERY
        };
        self.inc.allocated >= every && !self.pacer.want_major
    }

    /// A minor collection empties the nursery: what was bumped since the last step counts
    /// towards the next one.
    pub(crate) fn note_nursery_emptied(&mut self, top: u64) {
        self.inc.allocated += top.saturating_sub(self.inc.last_top);
        self.inc.last_top = 0;
    }

    /// Mark termination, first part (module comment, 4), run by a major collection before
    /// its roots: the grey objects go to the collector's mark stack, and the slots in the
    /// dirty remark cards and generational cards of marked objects are traced (forwarding
    /// young pointers, promoting their targets). Unmarked objects are scanned completely if
    /// the trace reaches them.
    pub(crate) fn finish_marking(&mut self, types: &TypeTable) {
        // (Drained, not dropped: the grey stack keeps its capacity for the next cycle, which
        // needs about as much. Freeing it here, tens of MB after marking a large map, took
        // 1.4 ms of this pause; a full collection (`debug.FreeOSMemory`) frees it.)
        self.gray.extend(self.inc.grey.drain(..).map(|g| g.base));
        // The remark cards mark what they lead to; the generational cards without one
        // only forward what they lead to in the young generation (`Cycle::cards`).
        let mut bases = Vec::new();
        let (remark, generational) = split_dirty(&mut self.inc.remark_old, &mut self.old_cards);
        for (cards, list) in [(false, remark), (true, generational)] {
            self.cycle.cards = cards;
            for ci in list {
                let lo = self.layout.old.offset + ci as u64 * CARD;
                self.marked_old_in_card(lo, &mut bases);
                for &b in &bases {
                    self.scan_object(types, b, lo, lo + CARD);
                }
            }
        }
        let (remark, generational) = split_dirty(&mut self.inc.remark_large, &mut self.large_cards);
        for (cards, list) in [(false, remark), (true, generational)] {
            self.cycle.cards = cards;
            for ci in list {
                let lo = self.layout.large.offset + ci as u64 * CARD;
                if let Some(b) = self.marked_large_at(lo) {
                    self.scan_object(types, b, lo, lo + CARD);
                }
            }
        }
        self.cycle.cards = false;
        self.inc.active = false;
        self.inc.rescan = Rescan::NotYet;
    }

    /// A forced collection during a cycle (module comment): forget the cycle's marks.
    pub(crate) fn abort_marking(&mut self) {
        self.inc.start_wanted = false;
        self.inc.grey.clear();
        self.inc.remark_old.clear_all();
        self.inc.remark_large.clear_all();
        self.old.clear_marks();
        let starts: Vec<u32> = self.large.objects.keys().copied().collect();
        for s in starts {
            let hdr = self.large.region.offset + s as u64 * self.large.granule;
            // SAFETY: live runs are committed; the header is their first word.
            unsafe {
                let h = self.arena.load(hdr);
                self.arena.store(hdr, h & !MARK);
            }
        }
        self.inc.active = false;
        self.inc.rescan = Rescan::NotYet;
    }

    /// Is a marking cycle running?
    pub fn marking(&self) -> bool {
        self.inc.active
    }

    /// Are old-space spans left to sweep from the last marking (`sweep.rs`)?
    pub fn sweep_pending(&self) -> bool {
        self.old.sweep_pending()
    }

    /// The object at arena offset `off`, allocated outside the nursery after the cycle's
    /// root rescan: black (module comment).
    pub(crate) fn allocate_black(&mut self, off: u64) {
        if self.layout.old.contains_off(off) {
            self.old.mark(off);
        } else if self.layout.large.contains_off(off) {
            // SAFETY: a live large object's header is the first word of its run.
            unsafe {
                let h = self.arena.load(off - HEADER_BYTES);
                self.arena.store(off - HEADER_BYTES, h | MARK);
            }
        }
    }

    /// Start a marking cycle at the next minor collection, whatever the trigger.
    pub fn request_marking(&mut self) {
        self.inc.start_wanted = self.inc.enabled;
    }

    /// Run one mark step of about `budget` bytes of scan work (at least one object), as
    /// an allocation would. Returns true when marking is done for now: the next
    /// collection is the cycle's root rescan or its termination.
    pub fn mark_step(&mut self, budget: u64) -> bool {
        if self.inc.active && !self.collection_due() {
            self.timed_step(budget, false);
            self.refresh_bump_limit();
        }
        self.inc.active && self.collection_due()
    }

    /// Marking is done for now: the next collection is the cycle's root rescan or its
    /// termination (module comment, 3).
    pub(crate) fn collection_due(&self) -> bool {
        self.pacer.want_major || (self.inc.active && self.inc.rescan == Rescan::Wanted)
    }

    /// The colour of the old or large object holding `a` while marking (None: not in an
    /// old or large object).
    pub fn colour(&self, a: Addr) -> Option<Colour> {
        let off = a.wrapping_sub(ARENA_BASE);
        let (base, marked) = if self.layout.old.contains_off(off) {
            let b = self.old.find_base(&self.arena, off)?;
            (b, self.old.is_marked(b))
        } else if self.layout.large.contains_off(off) {
            let b = self.large.find_base(&self.arena, off)?;
            // SAFETY: a live large object's header is the word before its base.
            (b, unsafe { self.arena.load(b - HEADER_BYTES) } & MARK != 0)
        } else {
            return None;
        };
        Some(if !marked {
            Colour::White
        } else if self.inc.grey.iter().any(|g| g.base == base) {
            Colour::Grey
        } else {
            Colour::Black
        })
    }

    /// The running (or last) marking cycle's record.
    pub fn mark_stats(&self) -> MarkStats {
        self.inc.stats
    }

    /// The gctrace words for a collection that started (`started`) or finished marking.
    pub(crate) fn mark_trace(&self, started: bool, finished: bool, rescan: bool) -> String {
        if rescan {
            return ", mark rescan of the roots".to_string();
        }
        if started {
            // What the last cycle's lazy sweep freed (it is over: marking needs it).
            let o = &self.old;
            let freed = o.swept_lazily.bytes - o.sweep_began.bytes;
            let objects = o.swept_lazily.objects - o.sweep_began.objects;
            return format!(
                ", mark start (the last sweep freed {} KB in {objects} objects)",
                freed.div_ceil(1024)
            );
        }
        if !finished {
            return String::new();
        }
        let s = &self.inc.stats;
        let span = self.inc.started.map_or(Duration::ZERO, |t| t.elapsed());
        format!(
            ", mark {} steps ({} idle) over {:.1}ms: scanned {} KB, precleaned {} cards, steps {} (cpu {}), longest step {} (cpu {})",
            s.steps,
            s.idle_steps,
            span.as_secs_f64() * 1e3,
            s.scanned >> 10,
            s.precleaned,
            crate::stats::ms(s.step_wall),
            crate::stats::ms(s.step_cpu),
            crate::stats::ms(s.longest_wall),
            crate::stats::ms(s.longest_cpu),
        )
    }
}

/// The dirty cards of a space's remark and generational tables, taken (cleaned): the
/// remark cards, and the generational cards that are not also remark cards.
fn split_dirty(remark: &mut CardTable, generational: &mut CardTable) -> (Vec<u32>, Vec<u32>) {
    let remark = remark.take_dirty();
    let mut only = generational.take_dirty();
    only.retain(|ci| remark.binary_search(ci).is_err());
    (remark, only)
}
