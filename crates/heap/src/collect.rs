//! The collector: minor (young generation only) and major (whole heap)
//! stop-the-world cycles sharing one tracing engine.
//!
//! Minor cycle (`GcKind::Minor`):
//! 1. roots: VM root slots, globals' pointer words, handles — each young
//!    pointer is forwarded (its object evacuated); old/large pointers are
//!    left alone (old objects are assumed live);
//! 2. dirty cards of the old and large spaces (`write_barrier.rs`): each
//!    card is cleaned and the pointer slots starting in it are forwarded;
//! 3. drain: Cheney scan of the to-survivor space (the scan pointer chases
//!    its allocation pointer) interleaved with popping promoted objects off
//!    the explicit `gray` stack; no recursion anywhere;
//! 4. the nursery and the from-survivor space are emptied, survivors swap.
//!
//! Old or large objects scanned in a minor cycle (dirty cards, promoted
//! objects) get their card re-dirtied when a slot still holds a young
//! (survivor) pointer afterwards.
//!
//! Both kinds then process the specials (weak handles, finalizers, cleanups:
//! `specials.rs`) and the profiler's tracked objects (`tracked.rs`) before anything
//! is freed.
//!
//! Mark termination (a `Major` cycle while incremental marking runs, `incremental.rs`):
//! `major = true` but `tenure_all = false`: the young generation is collected as in a
//! minor cycle (ages kept, cards re-dirtied), old and large objects are marked as in a
//! major one, starting from the marker's grey objects and the dirty cards of marked
//! objects; then the sweep. A forced collection (`runtime.GC`) during marking aborts the
//! cycle and runs a stop-the-world one.
//!
//! Major cycle (`Major`, `Full`): the same engine with `major = true`: every
//! reachable young object is promoted (tenure-all, so the young generation
//! is empty afterwards), old objects are marked in their span's mark bits
//! and large objects by the header MARK bit, both pushed on the mark stack
//! (`gray`); then the old space and the large-object space are swept, all
//! cards are cleared and the pacer's goal is recomputed. `Full` also returns
//! free pages (old spans, survivor spaces) to the OS.
//!
//! Invariants during a cycle:
//! - "from" spaces = the nursery and `surv[cycle.from_surv]`; a from-space
//!   object is either untouched or forwarded (header = new_base | FORWARDED);
//!   each object is copied at most once; its copy has age + 1.
//! - Every to-survivor cell below `scan` has had all its pointer words
//!   updated; cells in `[scan, top)` are gray. Every promoted (or, in a
//!   major cycle, newly marked) non-moving object is pushed on `gray` exactly
//!   once and scanned when popped.
//! - Pointers are rewritten as new_base + (p - old_base), so interior and
//!   one-past-the-end pointers stay interior.
//! - Nothing allocates VM memory other than evacuation targets, and no VM
//!   code runs: the mutator is stopped.

use std::time::Instant;

use crate::arena::{Addr, ARENA_BASE};
use crate::copyspace::Space;
use crate::gctype::TypeTable;
use crate::incremental::Rescan;
use crate::object::{self, footprint, HEADER_BYTES, MARK};
use crate::old_space::OldSpace;
use crate::roots::RootSource;
use crate::stats::GcKind;
use crate::write_barrier::CARD;

/// How many dirty cards ahead a card scan asks the CPU to fetch (`prefetch_card`).
const PREFETCH_CARDS: usize = 8;
use crate::Heap;

/// Per-cycle collector state.
#[derive(Default)]
pub(crate) struct Cycle {
    /// Old and large objects are marked (a major cycle, or a mark termination).
    pub major: bool,
    /// Every reachable young object is promoted (a stop-the-world major cycle; a mark
    /// termination keeps the young generation's ages, as a minor cycle does).
    pub tenure_all: bool,
    /// A survivor this old is promoted (`Pacer::promote_age`).
    pub promote_age: u64,
    pub from_surv: usize,
    /// Objects copied out of the from spaces (to survivor or old).
    pub copied_objects: u64,
    /// Young bytes (source cells) copied out of the from spaces.
    pub copied_bytes: u64,
    /// Bytes copied out of the nursery.
    pub nursery_survived: u64,
    /// Old-space bytes (cells) filled by promotion.
    pub promoted: u64,
    /// Set when an evacuation could not find room (reservation exhausted).
    pub failed: bool,
    /// Shade (incremental.rs) the old objects the pointers being updated lead to,
    /// promoted ones included: in the minor collection that starts marking, for its roots
    /// and young objects; while marking, for the cards of marked (black or grey) objects
    /// (only what they promote: `cards`), and for the roots of the rescan, of the minor
    /// collections after it and of those that tenure early.
    pub shade: bool,
    /// Generational cards are being scanned (a minor collection's `scan_cards`, or the
    /// cards without a remark card at a mark termination): only the young objects their
    /// pointers lead to are forwarded, and shaded or marked once promoted; an old object
    /// they lead to is left as it is. A marked object's pointer to an old object needs no
    /// shading there: a grey object is scanned whole later; a black one's target was
    /// shaded when the marker scanned it, or the store that put it there (after that
    /// scan) dirtied its remark card (write_barrier.rs, `Heap::remark`), which the marker
    /// or the termination re-scans, unless the target was marked already. (The verifier
    /// checks that at each termination: `verify_tricolour`.)
    pub cards: bool,
}

impl Heap {
    /// Collect garbage. `roots` reports the VM's root slots (frames); the
    /// globals and handles are added by the heap. `Minor` may be upgraded to
    /// `Major` by the pacer (see `pacing.rs`). After it returns, the next
    /// `alloc` succeeds unless the heap limit or reservation is exhausted.
    pub fn collect(&mut self, requested: GcKind, roots: &mut dyn RootSource) {
        let t0 = Instant::now();
        let cpu0 = crate::stats::thread_cpu_time();
        let kind = match self.planned.take() {
            Some(k) => k,
            None => self
                .pacer
                .decide(requested, self.old_gen_bytes(), &self.config),
        };
        let forced = requested != GcKind::Minor;
        let major = kind != GcKind::Minor;
        // Incremental marking (incremental.rs): a major collection during a cycle
        // terminates it, unless forced (then it starts over from clear marks); a minor
        // one may start a cycle.
        let finishing = major && self.inc.active && !forced && kind == GcKind::Major;
        if major && self.inc.active && !finishing {
            self.abort_marking();
        }
        if finishing && self.config.verify && self.verify_error.is_none() {
            if let Err(e) = self.verify_tricolour() {
                let n = self.counters.num_gc() + 1;
                self.verify_error = Some(format!(
                    "gosub: heap verification failed at mark termination of GC {n}: {e}"
                ));
            }
        }
        if major && !finishing {
            // A stop-the-world mark needs the last generation swept (sweep.rs).
            self.finish_sweep();
        }
        if major {
            // (A cycle a large allocation asked for is moot after a major collection.)
            self.inc.start_wanted = false;
        }
        let mark_started = !major && self.maybe_start_marking();
        let before = self.heap_in_use();
        let logged = self
            .gc_log
            .is_some()
            .then(|| (self.clock_ns(), self.spaces()));
        let old_top = self.old.top_pages();
        let young_objects = self.young.objects();
        let young_bytes = self.young.used();
        let nursery_filled = self.young.nursery.top;
        let from = self.young.cur;
        let to = 1 - from;
        debug_assert_eq!(self.young.surv[to].top, 0);
        self.young.surv[to].released = false;
        self.young.nursery.released = false;
        let tenure_all = major && !finishing;
        self.cycle = Cycle {
            major,
            tenure_all,
            promote_age: self.pacer.promote_age(&self.config),
            from_surv: from,
            ..Cycle::default()
        };
        // A handle on the type table (shared, not copied) for the scan, so that pointer
        // bitmaps can be borrowed while the spaces are mutated.
        let types = self.types.clone();
        if finishing {
            self.finish_marking(&types);
        }
        // While marking, the root rescan and the minor collections after it
        // (incremental.rs), and one that promotes at once (tenuring, pacing.rs), shade what
        // their roots lead to, promoted or old; the one that starts a cycle also shades
        // what its young objects lead to. (Not those others: a young object kept by the
        // card of a dead old object would make them shade what it points to, and keep it
        // through the cycle.)
        let rescan = !major && self.inc.active && self.inc.rescan == Rescan::Wanted;
        if rescan {
            self.inc.rescan = Rescan::Done;
        }
        let shade_roots = !major
            && self.inc.active
            && (rescan || self.cycle.promote_age == 1 || self.inc.rescan == Rescan::Done);
        self.cycle.shade = mark_started || shade_roots;
        self.mark_roots(roots);
        self.cycle.shade = mark_started;
        if !major {
            self.scan_cards(&types);
            self.cycle.shade = mark_started;
        }
        self.drain(&types, to);
        self.process_specials(&types, to);
        self.update_tracked();
        self.observed.clear();
        drop(types);
        let (mut freed_objects, mut freed_bytes) = (0u64, 0u64);
        if major {
            if finishing {
                // After an incremental cycle the old space is swept lazily (sweep.rs).
                self.old.begin_sweep();
            } else {
                let swept = self.old.sweep(&self.arena, kind == GcKind::Full);
                freed_objects += swept.objects;
                freed_bytes += swept.bytes;
            }
            let (lo, lb) = self.sweep_large(finishing);
            freed_objects += lo;
            freed_bytes += lb;
            if tenure_all {
                // The young generation is empty: no old object points into it.
                self.old_cards.clear_all();
                self.large_cards.clear_all();
            }
            self.release_idle_stack_spans();
        }
        if self.inc.active {
            self.note_nursery_emptied(self.young.nursery.top);
        }
        self.young.nursery.reset();
        self.young.surv[from].reset();
        if !tenure_all {
            self.young.cur = to;
        }
        if kind == GcKind::Full {
            // (FreeOSMemory: every page the heap can give back, now.)
            self.large.release_pending(&self.arena, u64::MAX);
            for s in self.young.surv.iter_mut() {
                s.release(&self.arena);
            }
            self.young.nursery.release(&self.arena);
            // (The marker's grey stack, kept between cycles: `finish_marking`.)
            self.inc.grey = Vec::new();
        }
        let c = &self.cycle;
        freed_objects += young_objects.saturating_sub(c.copied_objects);
        freed_bytes += young_bytes.saturating_sub(c.copied_bytes);
        let promoted = c.promoted;
        self.counters.frees += freed_objects;
        self.counters.freed += freed_bytes;
        self.counters.promoted += promoted;
        self.counters.nursery_survived += c.nursery_survived;
        if c.failed {
            self.verify_error.get_or_insert_with(|| {
                "runtime: out of memory: cannot promote objects (address space exhausted)".into()
            });
        }
        // Unswept dead objects are in use (HeapAlloc) but not live.
        self.counters.live_after_gc = self.heap_in_use().saturating_sub(self.old.unswept_dead);
        if major {
            self.pacer.after_major(self.old_gen_bytes());
        } else {
            self.pacer.after_minor(c.nursery_survived, nursery_filled);
            self.want_runway(promoted, self.old.top_pages() > old_top);
        }
        let pause = t0.elapsed();
        let cpu = crate::stats::thread_cpu_time().saturating_sub(cpu0);
        self.counters.record_pause(kind, forced, pause, cpu);
        if let Some((at, spaces)) = logged {
            let pauses = (pause.as_nanos() as u64, cpu.as_nanos() as u64);
            self.log_collection(kind, forced, at, pauses, spaces);
        }
        self.collected_since_alloc = true;
        self.owed = false;
        self.refresh_bump_limit();
        if self.config.gctrace {
            let mut line = self.trace_line(kind, pause, cpu, before, promoted, freed_bytes);
            line += &self.mark_trace(mark_started, finishing, rescan);
            self.trace.push(line);
        }
        if self.config.verify && self.verify_error.is_none() {
            if let Err(e) = self.verify(roots) {
                let n = self.counters.num_gc();
                self.verify_error = Some(format!(
                    "gosub: heap verification failed after GC {n} ({kind:?}): {e}"
                ));
            }
        }
    }

    /// A fatal collector error (verifier failure, or promotion that found no
    /// address space), taken once. The VM reports it as a fatal error.
    pub fn take_gc_error(&mut self) -> Option<String> {
        self.verify_error.take()
    }

    fn mark_roots(&mut self, roots: &mut dyn RootSource) {
        let mut words = 0u64;
        roots.visit_roots(&mut |slot| {
            words += 1;
            self.update_root_slot(slot)
        });
        // The VM's stack walk looks at more words than it reports live (every pointer word
        // of every frame): its own count, when it gave one, is the work.
        words = words.max(std::mem::take(&mut self.pacer.stack_scan_hint));
        words += self
            .global_blocks
            .iter()
            .map(|b| b.1.len() as u64)
            .sum::<u64>();
        words += self.handle_count() as u64;
        // For the pacer's deep-stack rule (pacing.rs), which restarts its count here.
        self.pacer.root_words = words;
        self.pacer.deferred_bytes = 0;
        for i in 0..self.global_blocks.len() {
            let off = self.global_blocks[i].0;
            for j in 0..self.global_blocks[i].1.len() {
                let w = self.global_blocks[i].1[j] as u64;
                self.update_slot(off + w * 8);
            }
        }
        for i in 0..self.handles.slots.len() {
            let s = self.handles.slots[i];
            if s.live {
                self.handles.slots[i].value = self.forward(s.value);
            }
        }
    }

    /// A VM root slot: must be readable and outside the young (moving) spaces.
    fn update_root_slot(&mut self, slot: Addr) {
        let Some(off) = slot.checked_sub(ARENA_BASE) else {
            return;
        };
        if self.is_young_off(off) || self.translate(slot, 8).is_none() {
            return;
        }
        let v = self.update_slot(off);
        if !self.cycle.tenure_all && self.is_young_value(v) {
            // A root slot inside an old or large object (allowed): keep the
            // remembered-set invariant for the new survivor pointer.
            self.remember(off);
        }
    }

    /// Forward the pointer stored at arena offset `off` (committed); returns
    /// the slot's new value.
    #[inline]
    fn update_slot(&mut self, off: u64) -> u64 {
        // SAFETY: callers pass slots inside committed memory (checked root
        // slots, globals words, or pointer words of live objects).
        let v = unsafe { self.arena.load(off) };
        if v == 0 {
            return 0;
        }
        let nv = self.forward(v);
        if nv != v {
            // SAFETY: as above.
            unsafe { self.arena.store(off, nv) };
        }
        nv
    }

    /// Dirty the card of an old/large slot.
    #[inline]
    fn remember(&mut self, off: u64) {
        if self.layout.old.contains_off(off) {
            self.old_cards.mark(off);
        } else if self.layout.large.contains_off(off) {
            self.large_cards.mark(off);
        }
    }

    /// Return the post-collection value of pointer `v`, evacuating or
    /// marking its target as needed. Non-GC values are returned unchanged.
    #[inline]
    pub(crate) fn forward(&mut self, v: Addr) -> Addr {
        let off = v.wrapping_sub(ARENA_BASE);
        let l = &self.layout;
        if off < l.young_end() {
            let nv = if l.nursery.contains_off(off) {
                self.evacuate(0, v, off)
            } else if l.survivor[self.cycle.from_surv].contains_off(off) {
                self.evacuate(1 + self.cycle.from_surv, v, off)
            } else {
                return v;
            };
            if self.cycle.shade {
                // (Promoted now or earlier in this collection; a survivor copy is young.)
                self.shade(nv);
            }
            return nv;
        }
        if self.cycle.cards {
            // (An old object a card leads to: `Cycle::cards`.)
            return v;
        }
        if self.cycle.major {
            if l.old.contains_off(off) {
                self.mark_old(off);
            } else if l.large.contains_off(off) || off == l.large.offset + l.large.size {
                self.mark_large(off);
            }
        } else if self.cycle.shade {
            self.shade(v);
        }
        v
    }

    #[inline]
    fn space(&self, si: usize) -> &Space {
        if si == 0 {
            &self.young.nursery
        } else {
            &self.young.surv[si - 1]
        }
    }

    fn evacuate(&mut self, si: usize, v: Addr, off: u64) -> Addr {
        let sp = self.space(si);
        let Some(base) = sp.find_base(&self.arena, off) else {
            return v; // not an object: left alone (the verifier reports it)
        };
        // SAFETY: find_base found a cell, whose header is committed.
        let h = unsafe { self.arena.load(base - HEADER_BYTES) };
        let new_base = if object::is_forwarded(h) {
            object::forward_target(h)
        } else if object::size(h) >= crate::large::LARGE_THRESHOLD
            || base + footprint(object::size(h)) > sp.top_off()
        {
            // A smashed header must not make the collector copy garbage or
            // overrun (the verifier reports it).
            return v;
        } else {
            match self.copy_object(si, base, h) {
                Some(b) => b,
                None => return v,
            }
        };
        new_base + (off - base)
    }

    /// Copy the young cell at `base` (header `h`) to the to-survivor space
    /// or the old space; returns the new base as a VM address and leaves a
    /// forwarding header behind.
    fn copy_object(&mut self, si: usize, base: u64, h: u64) -> Option<Addr> {
        let fp = footprint(object::size(h));
        let need = HEADER_BYTES + fp;
        let h2 = object::with_older(h);
        let to = 1 - self.cycle.from_surv;
        let survive = !self.cycle.tenure_all
            && object::age(h2) < self.cycle.promote_age
            && !self.observed.contains(&base)
            && self.young.surv[to].room() >= need
            && {
                let s = &mut self.young.surv[to];
                s.ensure_committed(&self.arena, s.top + need)
            };
        let new_base = if survive {
            let nb = self.young.surv[to].bump(fp);
            // SAFETY: [nb-8, nb) is the header word just bumped in the
            // committed to-survivor space.
            unsafe { self.arena.store(nb - HEADER_BYTES, h2) };
            nb
        } else {
            // A small single value goes to its type's span, without a header.
            let typed = (h & object::SINGLE != 0)
                .then(|| OldSpace::typed_for(object::type_id(h), object::size(h)))
                .flatten();
            let nb = match typed {
                Some(t) => self.old.alloc_typed(&self.arena, t),
                None => self.old.alloc(&self.arena, need).map(|c| c + HEADER_BYTES),
            };
            let Some(nb) = nb else {
                self.cycle.failed = true;
                return None;
            };
            if typed.is_none() {
                // SAFETY: [nb-8, nb) is the header word of a headered cell.
                unsafe { self.arena.store(nb - HEADER_BYTES, h2) };
            }
            self.old_cards.ensure(self.old.committed_bytes());
            self.ensure_remark_cards();
            if self.cycle.major {
                self.old.mark(nb);
            } else if self.inc.active {
                // While marking, a promoted object is white unless `forward` shades it
                // (incremental.rs); it may be scanned, so it counts as work expected.
                self.inc.expected += need;
            }
            self.gray.push(nb);
            let cell_bytes = self.old.cell_bytes(need, typed);
            self.cycle.promoted += cell_bytes;
            // The old cell is a new allocation of its size class: TotalAlloc counts what
            // HeapAlloc gains (Go's TotalAlloc >= HeapAlloc), the rounding included.
            self.counters.total_alloc += cell_bytes.saturating_sub(need);
            nb
        };
        // SAFETY: [new_base, new_base+fp) is committed (survivor: checked
        // above; old: a cell of at least `fp` payload bytes); the source cell
        // lies in a from space below its top (checked by the caller) and the
        // spaces are disjoint.
        unsafe {
            self.arena.copy_nonoverlapping(base, new_base, fp);
            self.arena.store(
                base - HEADER_BYTES,
                (ARENA_BASE + new_base) | object::FORWARDED,
            );
        }
        let c = &mut self.cycle;
        c.copied_objects += 1;
        c.copied_bytes += need;
        if si == 0 {
            c.nursery_survived += need;
        }
        Some(ARENA_BASE + new_base)
    }

    fn mark_old(&mut self, off: u64) {
        if let Some(base) = self.old.find_base(&self.arena, off) {
            if self.old.mark(base) {
                self.gray.push(base);
            }
        }
    }

    fn mark_large(&mut self, off: u64) {
        let Some(base) = self.large.find_base(&self.arena, off) else {
            return;
        };
        // SAFETY: the object's header is in its committed run.
        let h = unsafe { self.arena.load(base - HEADER_BYTES) };
        if h & MARK == 0 {
            // SAFETY: as above.
            unsafe { self.arena.store(base - HEADER_BYTES, h | MARK) };
            // Scan it only if its header fits its run (a smashed header
            // must not make the scan run off the object).
            let fits = self
                .large
                .run_of(base)
                .is_some_and(|(_, end)| base + footprint(object::size(h)) <= end);
            if fits {
                self.gray.push(base);
            }
        }
    }

    /// Update the pointer words of the object at arena offset `base` whose
    /// slot address lies in `[lo, hi)` (the whole object: `0..u64::MAX`).
    pub(crate) fn scan_object(&mut self, types: &TypeTable, base: u64, lo: u64, hi: u64) {
        // `base` is a to-survivor cell below top, a promoted or marked old
        // cell, or a live large object.
        let h = self.header_at(base) & !MARK;
        let Some(t) = types.get(object::type_id(h)) else {
            return;
        };
        if t.ptr_words.is_empty() || t.size == 0 {
            return;
        }
        let esize = t.size as u64;
        let size = object::size(h);
        // (Most objects hold one value: no division, which costs as much as the rest of
        // a small object's scan.)
        let count = if size == esize { 1 } else { size / esize };
        let (i0, i1) = if lo <= base && hi == u64::MAX {
            (0, count)
        } else {
            let first = lo.saturating_sub(base) / esize;
            let last = (hi.saturating_sub(base)).div_ceil(esize).min(count);
            (first, last)
        };
        let remember = !self.cycle.tenure_all && !self.is_young_off(base);
        for i in i0..i1 {
            let elem = base + i * esize;
            for &w in t.ptr_words.iter() {
                let slot = elem + w as u64 * 8;
                if slot < lo || slot >= hi {
                    continue;
                }
                let v = self.update_slot(slot);
                if remember && self.is_young_value(v) && v != 0 {
                    self.remember(slot);
                }
            }
        }
    }

    /// Minor cycle: dirty cards of the old and large spaces as roots. While marking, what
    /// a marked object's card promotes is shaded: the card is cleaned here, so nothing
    /// else would show the marker that pointer (incremental.rs; `Cycle::cards`).
    fn scan_cards(&mut self, types: &TypeTable) {
        let marking = self.inc.active;
        self.cycle.cards = true;
        let dirty = self.old_cards.take_dirty();
        let mut bases = Vec::new();
        for (k, &ci) in dirty.iter().enumerate() {
            let lo = self.layout.old.offset + ci as u64 * CARD;
            self.prefetch_card(self.layout.old.offset, dirty.get(k + PREFETCH_CARDS));
            bases.clear();
            self.old_objects_in_card(lo, &mut bases);
            for &b in &bases {
                self.cycle.shade = marking && self.old.is_marked(b);
                self.scan_object(types, b, lo, lo + CARD);
            }
        }
        let dirty = self.large_cards.take_dirty();
        for (k, &ci) in dirty.iter().enumerate() {
            let lo = self.layout.large.offset + ci as u64 * CARD;
            self.prefetch_card(self.layout.large.offset, dirty.get(k + PREFETCH_CARDS));
            if let Some((start, _)) = self.large.run_of(lo) {
                let base = start + HEADER_BYTES;
                self.cycle.shade = marking && self.header_at(base) & MARK != 0;
                self.scan_object(types, base, lo, lo + CARD);
            }
        }
        self.cycle.shade = false;
        self.cycle.cards = false;
    }

    /// Prefetches the two cache lines of card `ci` (if any) of the space at `space`.
    #[inline]
    fn prefetch_card(&self, space: u64, ci: Option<&u32>) {
        if let Some(&ci) = ci {
            let lo = space + ci as u64 * CARD;
            self.arena.prefetch(lo);
            self.arena.prefetch(lo + 64);
        }
    }

    /// Appends the bases of the live old objects (`Span::is_live`) whose cells overlap the card at
    /// arena offset `lo` (a card lies within one page, hence within one span).
    pub(crate) fn old_objects_in_card(&self, lo: u64, out: &mut Vec<u64>) {
        let Some((id, first)) = self.old.cell_of(lo) else {
            return;
        };
        let sp = self.old.span(id);
        let last = self
            .old
            .cell_of(lo + CARD - 1)
            .map_or(sp.nelems, |(_, i)| (i + 1).min(sp.nelems));
        for i in first..last {
            if sp.is_live(i, self.old.sweepgen) {
                out.push(self.old.base_of_cell(id, i));
            }
        }
    }

    pub(crate) fn drain(&mut self, types: &TypeTable, to: usize) {
        let mut scan = 0u64;
        loop {
            while scan < self.young.surv[to].top {
                let cell = self.young.surv[to].region.offset + scan;
                // SAFETY: cells below top are committed and fully written.
                let h = unsafe { self.arena.load(cell) };
                let base = cell + HEADER_BYTES;
                scan += HEADER_BYTES + footprint(object::size(h));
                self.scan_object(types, base, 0, u64::MAX);
            }
            match self.gray.pop() {
                Some(base) => self.scan_object(types, base, 0, u64::MAX),
                None => break,
            }
        }
    }

    /// Free unmarked large objects and clear the marks. Returns the count
    /// and bytes (runs) freed. `later`: their pages are given back by the sweep steps
    /// (large.rs), not in this pause.
    fn sweep_large(&mut self, later: bool) -> (u64, u64) {
        let mut dead = Vec::new();
        for (&start, &n) in self.large.objects.iter() {
            let hdr = self.large.region.offset + start as u64 * self.large.granule;
            // SAFETY: live runs are committed; the header is their first word.
            let h = unsafe { self.arena.load(hdr) };
            if h & MARK != 0 {
                // SAFETY: as above.
                unsafe { self.arena.store(hdr, h & !MARK) };
            } else {
                dead.push((start, n));
            }
        }
        let mut bytes = 0;
        for &(s, n) in &dead {
            bytes += n as u64 * self.large.granule;
            self.large.free(&self.arena, s, later);
        }
        (dead.len() as u64, bytes)
    }
}
