//! The collection log: one record per collection with the size of every space before and
//! after it, kept when the host asks (`Heap::keep_gc_log`; the memory report's timeline,
//! `gosub run --memreport`). Off, a collection pays one test.
//!
//! Invariants:
//! - Records are in collection order; `at_ns` (nanoseconds since the heap was made, at the
//!   collection's start) never decreases.
//! - Between collections the log also samples the spaces as allocation goes on
//!   (`sample_if_due`, called by the VM after each allocation while it records): a point
//!   per `SAMPLE_BYTES` allocated, and one when allocating a goroutine stack changed stack
//!   memory; the interval doubled and every other point dropped when
//!   there are `MAX_SAMPLES`, so a long run's timeline stays a few thousand points.
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
    /// The pause in the collecting thread's CPU time.
    pub pause_cpu_ns: u64,
    pub before: Spaces,
    pub after: Spaces,
    /// The old generation's goal after it (bytes of old cells and large objects that start
    /// the next major collection); u64::MAX with GOGC=off.
    pub goal: u64,
}

/// Bytes allocated between two samples, at first.
pub const SAMPLE_BYTES: u64 = 16 << 10;
/// Samples kept at most (then thinned).
pub const MAX_SAMPLES: usize = 4096;

/// The spaces sampled between collections: (nanoseconds since the heap was made, spaces).
#[derive(Default)]
pub(crate) struct Samples {
    pub points: Vec<(u64, Spaces)>,
    every: u64,
    next: u64,
}

impl Heap {
    /// Starts (or stops) keeping the collection log; also notes when it started and the
    /// spaces then (`gc_log_start`).
    pub fn keep_gc_log(&mut self, on: bool) {
        self.gc_log = on.then(Vec::new);
        self.gc_log_start = (self.clock_ns(), self.spaces());
        self.gc_samples = Samples {
            points: Vec::new(),
            every: SAMPLE_BYTES,
            next: self.counters.total_alloc.saturating_add(SAMPLE_BYTES),
        };
    }

    /// After an allocation, while the log is kept: samples the spaces when another
    /// interval's worth of bytes has been allocated.
    pub fn sample_if_due(&mut self) {
        if self.gc_log.is_some() && self.counters.total_alloc >= self.gc_samples.next {
            self.sample_now();
        }
    }

    /// Samples the spaces now, while the log is kept.
    fn sample_now(&mut self) {
        let point = (self.clock_ns(), self.spaces());
        let s = &mut self.gc_samples;
        s.points.push(point);
        s.next = self.counters.total_alloc.saturating_add(s.every);
        if s.points.len() >= MAX_SAMPLES {
            let mut i = 0;
            s.points.retain(|_| {
                i += 1;
                i % 2 == 0
            });
            s.every = s.every.saturating_mul(2);
        }
    }

    /// After a goroutine stack was allocated, while the log is kept: a sample when stack
    /// memory changed since the last one (stacks grow without an allocation of the
    /// heap's; a stack taken from the pool changes nothing).
    pub(crate) fn sample_stacks(&mut self) {
        if self.gc_log.is_none() {
            return;
        }
        let last = self
            .gc_samples
            .points
            .last()
            .map_or(self.gc_log_start.1.stacks, |p| p.1.stacks);
        if self.stacks.committed_bytes() != last {
            self.sample_now();
        }
    }

    /// The spaces sampled between collections, in time order.
    pub fn gc_log_samples(&self) -> &[(u64, Spaces)] {
        &self.gc_samples.points
    }

    /// When the log was started (nanoseconds since the heap was made) and every space's
    /// size then: the timeline's first point.
    pub fn gc_log_start(&self) -> (u64, Spaces) {
        self.gc_log_start
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
        (pause_ns, pause_cpu_ns): (u64, u64),
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
                pause_cpu_ns,
                before,
                after,
                goal,
            });
        }
    }
}
