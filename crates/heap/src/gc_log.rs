//! The collection log: one record per collection with the size of every space before and
//! after it, kept when the host asks (`Heap::keep_gc_log`; the memory report's timeline,
//! `gosub run --memreport`). Off, a collection pays one test.
//!
//! Invariants:
//! - Records are in collection order; `at_ns` (nanoseconds since the heap was made, at the
//!   collection's start) never decreases.
//! - `Spaces` are bytes in use, as `HeapAlloc` counts them: the nursery's and the survivor
//!   spaces' bump pointers, the old space's cells, the large objects' page runs; stacks
//!   are committed goroutine-stack bytes (Go's `StackInuse`).

use crate::stats::GcKind;
use crate::Heap;

/// Bytes in use per space at one moment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Spaces {
    pub nursery: u64,
    pub survivor: u64,
    pub old: u64,
    pub large: u64,
    pub stacks: u64,
}

/// One collection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GcRecord {
    /// Its number (1 for the first), as gctrace numbers it.
    pub n: u64,
    pub kind: GcKind,
    /// Asked for by the program (`runtime.GC`, `debug.FreeOSMemory`) rather than paced.
    pub forced: bool,
    pub at_ns: u64,
    pub pause_ns: u64,
    pub before: Spaces,
    pub after: Spaces,
    /// The old generation's goal after it (bytes of old cells and large objects that start
    /// the next major collection); u64::MAX with GOGC=off.
    pub goal: u64,
}

impl Heap {
    /// Starts (or stops) keeping the collection log.
    pub fn keep_gc_log(&mut self, on: bool) {
        self.gc_log = on.then(Vec::new);
    }

    /// The collections so far, if the log is kept.
    pub fn gc_log(&self) -> Option<&[GcRecord]> {
        self.gc_log.as_deref()
    }

    /// The size of every space now.
    pub fn spaces(&self) -> Spaces {
        Spaces {
            nursery: self.young.nursery.top,
            survivor: self.young.surv[0].top + self.young.surv[1].top,
            old: self.old.in_use,
            large: self.large.live_bytes(),
            stacks: self.stacks.committed_bytes(),
        }
    }

    /// Nanoseconds since the heap was made.
    pub fn clock_ns(&self) -> u64 {
        self.counters.start.elapsed().as_nanos() as u64
    }

    /// Appends the record of the collection that just ended (`collect.rs`).
    pub(crate) fn log_collection(
        &mut self,
        kind: GcKind,
        forced: bool,
        at_ns: u64,
        pause_ns: u64,
        before: Spaces,
    ) {
        let after = self.spaces();
        let n = self.counters.num_gc();
        let goal = self.pacer.goal;
        if let Some(log) = &mut self.gc_log {
            log.push(GcRecord {
                n,
                kind,
                forced,
                at_ns,
                pause_ns,
                before,
                after,
                goal,
            });
        }
    }
}
