//! Sweeping the old space: turning a marking's mark bits into alloc bits, span by span.
//!
//! A stop-the-world major collection (and a forced one) sweeps every span in its pause
//! (`OldSpace::sweep`). A mark termination (`incremental.rs`) only starts a *sweep
//! generation* (`begin_sweep`): every span is then swept lazily, by the allocator when a
//! pool needs a span with room (`OldSpace::alloc_cell` sweeps up to `SWEEP_BUDGET` of the
//! pool's unswept spans before it takes a new one), and in steps paid for by allocation (`Heap::sweep_step`,
//! from `Heap::alloc` like a mark step) and by idle time, so that the sweep costs no
//! pause either. The steps also give back the pages of the large objects the termination
//! freed (large.rs), which is sweeping too (`Heap::sweeping`).
//!
//! Invariants:
//! - A span is swept in the current generation iff `span.sweepgen == sweepgen`; new spans
//!   are created swept. In an unswept span the mark bits say which cells hold live
//!   objects (`Span::is_live`); the alloc bits still count the dead ones, so `in_use`,
//!   HeapAlloc and HeapObjects include them until their span is swept, as Go's do.
//! - Code that walks cells (the card scans, the verifier, base finding) asks `is_live`,
//!   never `is_alloc` alone: a dead object in an unswept span may hold pointers to young
//!   objects that no longer exist.
//! - No marking starts, and no stop-the-world collection marks, before the previous
//!   generation is fully swept (`finish_sweep`): marking needs clear mark bits.
//! - Starting a generation costs nothing per span: each pool hands its `all` list (the
//!   spans it had at the end of the last generation) over as its `unswept` list, and the
//!   steps visit span ids `sweep_left - 1` down to 0, a count, not a list (a 700 MB old
//!   space has some 90,000 spans; listing them took 0.3-0.5 ms of the mark termination's
//!   pause).
//! - The pools' `unswept` lists and the steps' ids may name a span already swept (through
//!   the other way), or an id freed and reused by a span created swept: sweeping a span
//!   twice does nothing. A span that survives its sweep goes back to its pool's `all`.

use crate::arena::Arena;
use crate::old_space::{OldSpace, Swept, NO_POOL};
use crate::Heap;

/// Least number of spans a sweep step sweeps.
const MIN_SWEEP_SPANS: usize = 64;
/// Most spans a sweep step sweeps (about 0.2 ms).
const MAX_SWEEP_SPANS: usize = 4096;
/// Bytes allocated between two sweep steps.
pub(crate) const SWEEP_EVERY: u64 = 32 << 10;
/// Bytes of dead large objects' pages a sweep step gives back to the OS (`madvise` costs
/// about 0.1 ms per MiB).
pub(crate) const LARGE_RELEASE_STEP: u64 = 1 << 20;

impl OldSpace {
    /// Start a sweep generation after a marking: every span is left to sweep.
    pub fn begin_sweep(&mut self) {
        self.sweepgen = self.sweepgen.wrapping_add(1);
        self.unswept_dead = self.in_use.saturating_sub(self.marked_bytes);
        self.marked_bytes = 0;
        self.sweep_began = self.swept_lazily;
        self.sweep_left = self.span_pools.len() as u32;
        self.begin_pools();
    }

    /// Sweep span `id` unless it is swept: its unmarked cells are freed, it goes back to
    /// its pool's partial list if it has room, or its pages are freed if it is empty.
    /// Returns what it freed (also added to `swept_lazily`).
    pub fn sweep_span(&mut self, arena: &Arena, id: u32) -> Swept {
        let cur = self.sweepgen;
        let Some(sp) = self.spans.get_mut(id as usize).and_then(|s| s.as_mut()) else {
            return Swept::default();
        };
        if sp.sweepgen == cur {
            return Swept::default();
        }
        sp.sweepgen = cur;
        // The live cells: marked and allocated (a mark on a free cell, which the verifier
        // reports, must not allocate it).
        for (a, m) in sp.alloc.iter_mut().zip(sp.mark.iter_mut()) {
            *a &= *m;
            *m = 0;
        }
        let n: u32 = sp.alloc.iter().map(|w| w.count_ones()).sum();
        let freed = sp.nalloc.saturating_sub(n);
        let out = Swept {
            objects: freed as u64,
            bytes: freed as u64 * sp.cell as u64,
        };
        sp.nalloc = n;
        sp.free_hint = 0;
        let (class, typed, nelems) = (sp.class as usize, sp.typed, sp.nelems);
        self.in_use -= out.bytes;
        self.objects -= out.objects;
        self.unswept_dead = self.unswept_dead.saturating_sub(out.bytes);
        self.swept_lazily.objects += out.objects;
        self.swept_lazily.bytes += out.bytes;
        if n == 0 {
            self.free_span(arena, id, false);
        } else {
            let pool = self.pool(class, typed);
            pool.all.push(id);
            if n < nelems {
                pool.partial.push(id);
            }
        }
        out
    }

    /// Sweep up to `n` spans of the generation. Returns how many span ids (freed ones
    /// included) were left to visit before.
    pub fn sweep_some(&mut self, arena: &Arena, n: usize) -> usize {
        let left = self.sweep_left as usize;
        let mut visited = 0;
        while visited < n && self.sweep_left > 0 {
            self.sweep_left -= 1;
            let id = self.sweep_left;
            if self.span_pools[id as usize] != NO_POOL {
                self.sweep_span(arena, id);
                visited += 1;
            }
        }
        if self.sweep_left == 0 {
            self.clear_unswept();
        }
        left
    }

    /// Sweep every span left (before a marking starts).
    pub fn finish_sweep(&mut self, arena: &Arena) {
        self.sweep_some(arena, usize::MAX);
    }

    /// Are spans left to sweep?
    #[inline]
    pub fn sweep_pending(&self) -> bool {
        self.sweep_left > 0
    }

    /// The stop-the-world sweep after a major collection: every span now, empty spans'
    /// pages released to the OS if `release`. Returns what it freed.
    pub fn sweep(&mut self, arena: &Arena, release: bool) -> Swept {
        let before = self.swept_lazily;
        self.begin_sweep();
        self.finish_sweep(arena);
        let out = Swept {
            objects: self.swept_lazily.objects - before.objects,
            bytes: self.swept_lazily.bytes - before.bytes,
        };
        // Counted by the collection, not as lazily swept.
        self.swept_lazily = before;
        self.sort_partials();
        if release {
            self.release_free(arena);
        }
        out
    }
}

impl Heap {
    /// A sweep step paid for by allocation: sweeps enough spans that the generation is
    /// swept before the old generation reaches the next marking's trigger.
    pub(crate) fn sweep_step(&mut self, allocated: u64) {
        let left = self.old.sweep_left as u64;
        let runway = self
            .pacer
            .mark_trigger
            .saturating_sub(self.old_gen_bytes())
            .max(1 << 20);
        let n = (left.saturating_mul(allocated.max(SWEEP_EVERY)) / runway) as usize;
        self.old
            .sweep_some(&self.arena, n.clamp(MIN_SWEEP_SPANS, MAX_SWEEP_SPANS));
        self.large.release_pending(&self.arena, LARGE_RELEASE_STEP);
    }

    /// Is sweeping left to do: old-space spans, or large runs' pages to give back
    /// (large.rs)?
    #[inline]
    pub(crate) fn sweeping(&self) -> bool {
        self.old.sweep_pending() || self.large.has_pending()
    }

    /// Before marking (a cycle's start, a stop-the-world major collection): the last
    /// generation must be swept, since marking needs clear mark bits.
    pub(crate) fn finish_sweep(&mut self) {
        if self.old.sweep_pending() {
            self.old.finish_sweep(&self.arena);
        }
    }
}
