//! The collector: Cheney copying of the small-object space plus mark/sweep
//! of the large-object space, in one stop-the-world cycle.
//!
//! Phases (each a small function, called in order by `collect`):
//! 1. `begin_cycle`: commit the to-space so it can hold every from-space
//!    byte (worst case: everything survives).
//! 2. `mark_roots`: VM root slots, globals' pointer words, handles.
//! 3. `drain`: Cheney scan of to-space (the scan pointer chases the
//!    allocation pointer, no recursion) interleaved with scanning the gray
//!    large objects (explicit stack).
//! 4. `sweep_large`: free unmarked large objects, clear marks.
//! 5. `flip`: the to-space becomes the allocation space; the old from-space
//!    is emptied (released to the OS on Full); the space grows if more than
//!    half of it survived.
//! 6. statistics and optional verification (in `collect`).
//!
//! Invariants during a cycle:
//! - "from" = `semi[active]`, "to" = `semi[1 - active]`.
//! - A from-space object is either untouched or forwarded (header =
//!   new_base | FORWARDED); its copy in to-space has the original header with
//!   age + 1. Each object is copied at most once.
//! - Every to-space cell below `scan` has had all its pointer words updated;
//!   cells in `[scan, to.top)` are copied but not yet scanned (gray).
//! - A large object is marked iff it is reachable-so-far; marked objects are
//!   scanned exactly once (pushed on `gray` when marked).
//! - Pointers are rewritten as new_base + (p - old_base), so interior and
//!   one-past-the-end pointers stay interior.

use std::time::Instant;

use crate::arena::{Addr, ARENA_BASE};
use crate::gctype::TypeTable;
use crate::object::{self, footprint, HEADER_BYTES, MARK};
use crate::roots::RootSource;
use crate::stats::GcKind;
use crate::Heap;

impl Heap {
    /// Collect garbage. `roots` reports the VM's root slots (frames); the
    /// globals and handles are added by the heap. After it returns, the next
    /// `alloc` succeeds unless the heap limit or reservation is exhausted.
    pub fn collect(&mut self, kind: GcKind, roots: &mut dyn RootSource) {
        let t0 = Instant::now();
        let from_objects = self.semi[self.active].objects;
        let large_before = self.large.objects.len() as u64;
        self.begin_cycle();
        self.mark_roots(roots);
        // The type table is moved out for the scan so that pointer bitmaps can
        // be borrowed while the spaces are mutated (put back right after).
        let types = std::mem::take(&mut self.types);
        self.drain(&types);
        self.types = types;
        let large_freed = self.sweep_large();
        self.flip(kind);
        let survivors = self.semi[self.active].objects;
        self.counters.frees += from_objects.saturating_sub(survivors) + large_freed;
        debug_assert!(large_before >= large_freed);
        self.counters.live_after_gc = self.heap_in_use();
        self.large.allocated_since_gc = 0;
        self.counters.record_pause(kind, t0.elapsed());
        self.collected_since_alloc = true;
        if self.config.verify {
            if let Err(e) = self.verify(roots) {
                panic!("gosub-heap: heap verification failed after {kind:?} GC: {e}");
            }
        }
    }

    fn begin_cycle(&mut self) {
        let need = self.semi[self.active].top;
        let to = &mut self.semi[1 - self.active];
        debug_assert_eq!(to.top, 0);
        if to.released {
            to.released = false;
        }
        // The to-space has the same reservation as the from-space, so
        // committing `need` bytes can only fail if the OS refuses mprotect.
        let ok = to.ensure_committed(&self.arena, need);
        debug_assert!(ok, "to-space commit failed");
    }

    fn mark_roots(&mut self, roots: &mut dyn RootSource) {
        roots.visit_roots(&mut |slot| self.update_root_slot(slot));
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

    /// A VM root slot: must be readable and outside the moving space.
    fn update_root_slot(&mut self, slot: Addr) {
        let Some(off) = slot.checked_sub(ARENA_BASE) else {
            return;
        };
        if self.layout.semi[0].contains_off(off) || self.layout.semi[1].contains_off(off) {
            return;
        }
        if self.translate(slot, 8).is_none() {
            return;
        }
        self.update_slot(off);
    }

    /// Forward the pointer stored at arena offset `off` (committed).
    #[inline]
    fn update_slot(&mut self, off: u64) {
        // SAFETY: callers pass slots inside committed memory (checked root
        // slots, globals words, or pointer words of live objects).
        let v = unsafe { self.arena.load(off) };
        if v == 0 {
            return;
        }
        let nv = self.forward(v);
        if nv != v {
            // SAFETY: as above.
            unsafe { self.arena.store(off, nv) };
        }
    }

    /// Return the post-collection value of pointer `v`, evacuating or
    /// marking its target as needed. Non-GC values are returned unchanged.
    fn forward(&mut self, v: Addr) -> Addr {
        let Some(off) = v.checked_sub(ARENA_BASE) else {
            return v;
        };
        let from = &self.layout.semi[self.active];
        if from.contains_off(off) || off == from.offset + from.size {
            return self.evacuate(v, off);
        }
        let large = &self.layout.large;
        if large.contains_off(off) || off == large.offset + large.size {
            self.mark_large(off);
        }
        v
    }

    fn evacuate(&mut self, v: Addr, off: u64) -> Addr {
        let Some(base) = self.semi[self.active].find_base(&self.arena, off) else {
            return v; // not an object: left alone (the verifier reports it)
        };
        // SAFETY: find_base found a cell, whose header is committed.
        let h = unsafe { self.arena.load(base - HEADER_BYTES) };
        let new_base = if object::is_forwarded(h) {
            object::forward_target(h)
        } else if !self.sane_small_header(base, h) {
            return v; // smashed header: do not copy garbage (verifier reports it)
        } else {
            match self.copy_object(base, h) {
                Some(b) => b,
                None => return v,
            }
        };
        new_base + (off - base)
    }

    /// Cheap check that a small-object header can be copied safely (a VM
    /// that scribbles over headers must not make the collector overrun).
    /// Unknown type ids are tolerated: such objects are copied, not scanned.
    #[inline]
    fn sane_small_header(&self, base: u64, h: u64) -> bool {
        object::size(h) < crate::large::LARGE_THRESHOLD
            && base + footprint(object::size(h)) <= self.semi[self.active].top_off()
    }

    /// Copy the cell at `base` (header `h`) to to-space; returns the new
    /// base as a VM address and leaves a forwarding header behind.
    fn copy_object(&mut self, base: u64, h: u64) -> Option<Addr> {
        let fp = footprint(object::size(h));
        let to = &mut self.semi[1 - self.active];
        // begin_cycle committed the to-space for every byte of the from-space
        // and each cell is copied at most once, so this only triggers if a
        // header lied about its size.
        if to.top + HEADER_BYTES + fp > to.committed
            && !to.ensure_committed(&self.arena, to.top + HEADER_BYTES + fp)
        {
            return None;
        }
        let new_base = to.bump(fp);
        // SAFETY: [new_base-8, new_base+fp) is committed (checked above); the
        // source cell [base-8, base+fp) lies in the from-space below its top
        // (find_base checked base; a sane header keeps fp inside the cell
        // sequence) and the two spaces are disjoint.
        unsafe {
            self.arena
                .store(new_base - HEADER_BYTES, object::with_older(h));
            self.arena.copy_nonoverlapping(base, new_base, fp);
            self.arena.store(
                base - HEADER_BYTES,
                (ARENA_BASE + new_base) | object::FORWARDED,
            );
        }
        Some(ARENA_BASE + new_base)
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

    /// Update every pointer word of the object at arena offset `base`.
    fn scan_object(&mut self, types: &TypeTable, base: u64) {
        // SAFETY: `base` is a to-space cell below top or a marked large
        // object; both have committed headers.
        let h = unsafe { self.arena.load(base - HEADER_BYTES) } & !MARK;
        let Some(t) = types.get(object::type_id(h)) else {
            return;
        };
        if t.ptr_words.is_empty() || t.size == 0 {
            return;
        }
        let esize = t.size as u64;
        let count = object::size(h) / esize;
        for i in 0..count {
            let elem = base + i * esize;
            for &w in t.ptr_words.iter() {
                self.update_slot(elem + w as u64 * 8);
            }
        }
    }

    fn drain(&mut self, types: &TypeTable) {
        let to_idx = 1 - self.active;
        let mut scan = 0u64;
        loop {
            while scan < self.semi[to_idx].top {
                let cell = self.semi[to_idx].region.offset + scan;
                // SAFETY: cells below top are committed and fully written.
                let h = unsafe { self.arena.load(cell) };
                let base = cell + HEADER_BYTES;
                scan += HEADER_BYTES + footprint(object::size(h));
                self.scan_object(types, base);
            }
            match self.gray.pop() {
                Some(base) => self.scan_object(types, base),
                None => break,
            }
        }
    }

    /// Free unmarked large objects and clear the marks. Returns the count.
    fn sweep_large(&mut self) -> u64 {
        let mut dead = Vec::new();
        for (&start, _) in self.large.objects.iter() {
            let hdr = self.large.region.offset + start as u64 * self.large.granule;
            // SAFETY: live runs are committed; the header is their first word.
            let h = unsafe { self.arena.load(hdr) };
            if h & MARK != 0 {
                // SAFETY: as above.
                unsafe { self.arena.store(hdr, h & !MARK) };
            } else {
                dead.push(start);
            }
        }
        for &s in &dead {
            self.large.free(&self.arena, s);
        }
        dead.len() as u64
    }

    fn flip(&mut self, kind: GcKind) {
        let old = self.active;
        self.active = 1 - old;
        self.semi[old].reset();
        if kind == GcKind::Full {
            let s = &mut self.semi[old];
            if self.arena.release(s.region.offset, s.committed) {
                s.released = true;
            }
        }
        self.grow_if_needed();
    }

    /// Pacing for this version: keep the allocation space at least twice
    /// the live data (like GOGC=100), never below the configured nursery.
    fn grow_if_needed(&mut self) {
        let s = &mut self.semi[self.active];
        let live = s.top;
        let mut cap = self.semi_cap.max(self.config.nursery_bytes);
        while live > cap / 2 && cap < s.region.size {
            cap = (cap * 2).min(s.region.size);
        }
        if s.ensure_committed(&self.arena, cap) {
            self.semi_cap = cap;
        } else {
            self.semi_cap = self.semi_cap.max(s.committed);
        }
    }
}
