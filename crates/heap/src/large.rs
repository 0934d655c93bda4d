//! Large-object space: objects with payload >= LARGE_THRESHOLD (32 KiB).
//! Non-moving and part of the old generation: allocated directly here (never
//! in the nursery), marked by major collections (header MARK bit) and swept
//! (freed individually, pages returned to the OS at once, or by the sweep after a
//! mark termination: `pending` below); stores into them are card-marked like
//! old-space stores (`write_barrier.rs`).
//!
//! Invariants:
//! - Each object occupies one page run of `runs`: its header is at the run's
//!   first byte, its base 8 bytes later, and `8 + footprint(size)` fits in the
//!   run. `objects` maps the run's start granule to its length.
//! - Pages of free runs were madvise(DONTNEED)'d when freed (pending runs: before
//!   any allocation takes them), so they read as zero; fresh pages are zero too. Hence allocation never needs to memset. A
//!   mark termination frees its dead objects' runs at once but leaves giving
//!   their pages back to the sweep (`pending`: a few MB of `madvise` cost
//!   milliseconds, which do not belong in its pause); an allocation that takes
//!   a run overlapping a pending one releases that one first.
//! - Every granule below `hw` (high-water mark) is committed read/write;
//!   granules not in a live or pending run below `hw` are released to the OS.
//! - Mark bits are clear between collections, except during an incremental marking
//!   cycle (`incremental.rs`).
//! - `last` holds the two live runs `run_of` found last (or empty ones): `free` clears it.
//! - Interior pointer rule: `p` belongs to object `o` iff
//!   `o.base <= p <= o.base + footprint(o.size)`; a pointer exactly at a run's
//!   end falls on the next granule, so lookup also tries the granule of `p-1`.

use std::cell::Cell;
use std::collections::BTreeMap;

use crate::arena::{Arena, Region};
use crate::object::{self, HEADER_BYTES};
use crate::pages::PageRuns;

/// Payload size from which objects go to the large-object space.
pub const LARGE_THRESHOLD: u64 = 32 << 10;

pub(crate) struct LargeSpace {
    pub region: Region,
    pub granule: u64,
    pub runs: PageRuns,
    /// start granule -> run length in granules.
    pub objects: BTreeMap<u32, u32>,
    /// Granules in live runs.
    pub live_granules: u64,
    /// High-water mark (granules) of committed memory.
    pub hw: u64,
    /// Free runs (start granule, length) whose pages are not given back yet (module
    /// comment): they hold their dead objects' bytes.
    pending: Vec<(u32, u32)>,
    /// The runs `[lo, hi)` (arena offsets) `run_of` found last, the latest first: a
    /// program reads a large slice or string element by element, each read translated
    /// through here, often two of them in turn (a slice of strings into one big string).
    last: Cell<[(u64, u64); 2]>,
}

impl LargeSpace {
    pub fn new(region: Region, granule: u64) -> LargeSpace {
        let cap = (region.size / granule).min(u32::MAX as u64 - 1) as u32;
        LargeSpace {
            region,
            granule,
            runs: PageRuns::new(cap),
            objects: BTreeMap::new(),
            live_granules: 0,
            hw: 0,
            pending: Vec::new(),
            last: Cell::new([(0, 0); 2]),
        }
    }

    /// Allocate a run for a payload of `fp` bytes. Returns the arena offset
    /// of the base (header written by the caller).
    pub fn alloc(&mut self, arena: &Arena, fp: u64) -> Option<u64> {
        let n = (HEADER_BYTES + fp).div_ceil(self.granule);
        let n = u32::try_from(n).ok()?;
        let (start, _) = self.runs.alloc(n)?;
        let end = start as u64 + n as u64;
        // The part of a pending run under the new one: released now, so the new object
        // reads as zero; the rest stays pending.
        let mut i = 0;
        while i < self.pending.len() {
            let (s, len) = self.pending[i];
            let (lo, hi) = (s.max(start), (s + len).min(end as u32));
            if lo < hi {
                self.pending.swap_remove(i);
                self.release_run(arena, lo, hi - lo);
                if s < lo {
                    self.pending.push((s, lo - s));
                }
                if hi < s + len {
                    self.pending.push((hi, s + len - hi));
                }
            } else {
                i += 1;
            }
        }
        if end > self.hw {
            let off = self.region.offset + self.hw * self.granule;
            if !arena.commit(off, (end - self.hw) * self.granule) {
                self.runs.free(start, n);
                return None;
            }
            self.hw = end;
        }
        self.objects.insert(start, n);
        self.live_granules += n as u64;
        Some(self.region.offset + start as u64 * self.granule + HEADER_BYTES)
    }

    /// Free the object whose run starts at granule `start`.
    /// `later`: leave giving its pages back to `release_pending` (module comment).
    pub fn free(&mut self, arena: &Arena, start: u32, later: bool) {
        let Some(n) = self.objects.remove(&start) else {
            return;
        };
        self.last.set([(0, 0); 2]);
        if later {
            self.pending.push((start, n));
        } else {
            self.release_run(arena, start, n);
        }
        self.runs.free(start, n);
        self.live_granules -= n as u64;
    }

    /// Gives the pages of the free run at granule `start` back to the OS (or zeroes them).
    fn release_run(&self, arena: &Arena, start: u32, n: u32) {
        let off = self.region.offset + start as u64 * self.granule;
        let len = n as u64 * self.granule;
        if !arena.release(off, len) {
            // SAFETY: the run is below `hw`, hence committed; no object lives
            // there any more.
            unsafe { arena.zero(off, len) };
        }
    }

    /// Gives back the pages of pending runs, `budget` bytes of them (at least a granule; a
    /// long run in parts, the rest left pending); returns the bytes released.
    pub fn release_pending(&mut self, arena: &Arena, budget: u64) -> u64 {
        let mut done = 0;
        while done < budget {
            let Some((s, n)) = self.pending.pop() else {
                break;
            };
            let k = ((budget - done) / self.granule).clamp(1, n as u64) as u32;
            self.release_run(arena, s, k);
            if k < n {
                self.pending.push((s + k, n - k));
            }
            done += k as u64 * self.granule;
        }
        done
    }

    /// Are free runs' pages left to give back?
    #[inline]
    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Bytes of free runs whose pages are not given back yet.
    pub fn pending_bytes(&self) -> u64 {
        self.pending.iter().map(|&(_, n)| n as u64).sum::<u64>() * self.granule
    }

    fn object_at_granule(&self, arena: &Arena, g: u64, off: u64) -> Option<u64> {
        let s = self.runs.owner(g)?;
        let base = self.region.offset + s as u64 * self.granule + HEADER_BYTES;
        // SAFETY: live runs are committed and start with a header.
        let h = unsafe { arena.load(base - HEADER_BYTES) };
        let fp = object::footprint(object::size(h));
        (off >= base && off <= base + fp).then_some(base)
    }

    /// Arena offset of the base of the object containing `off`.
    pub fn find_base(&self, arena: &Arena, off: u64) -> Option<u64> {
        if !self.region.contains_off(off) && off != self.region.offset + self.region.size {
            return None;
        }
        let rel = off - self.region.offset;
        self.object_at_granule(arena, rel / self.granule, off)
            .or_else(|| {
                rel.checked_sub(1)
                    .and_then(|r| self.object_at_granule(arena, r / self.granule, off))
            })
    }

    /// Is `[off, end)` inside one of the runs `run_of` found last (live runs)?
    #[inline(always)]
    pub fn holds_last(&self, off: u64, end: u64) -> bool {
        self.last
            .get()
            .iter()
            .any(|&(lo, hi)| off >= lo && end <= hi && off < hi)
    }

    /// The run `[start_off, end_off)` (arena offsets) containing `off`.
    #[inline]
    pub fn run_of(&self, off: u64) -> Option<(u64, u64)> {
        let last = self.last.get();
        for (lo, hi) in last {
            if off >= lo && off < hi {
                return Some((lo, hi));
            }
        }
        let g = (off - self.region.offset) / self.granule;
        let s = self.runs.owner(g)?;
        let n = *self.objects.get(&s)?;
        let a = self.region.offset + s as u64 * self.granule;
        let run = (a, a + n as u64 * self.granule);
        self.last.set([run, last[0]]);
        Some(run)
    }

    pub fn live_bytes(&self) -> u64 {
        self.live_granules * self.granule
    }

    pub fn committed_bytes(&self) -> u64 {
        self.hw * self.granule
    }
}
