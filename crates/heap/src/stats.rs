//! Allocation and collection statistics (Go's MemStats is built from these).
//!
//! Invariants:
//! - Counters only grow (`mallocs >= frees`, `total_alloc` monotone).
//! - `pauses` holds the most recent `PAUSE_HISTORY` pause durations, oldest
//!   first; `pause_total` is the sum over all collections.
//! - Byte gauges (in use, sys, released) are computed from the spaces on
//!   demand by `Heap::stats`, so they can never drift from the real state.

use std::collections::VecDeque;
use std::time::Duration;

/// Number of recent pauses kept (Go keeps 256 in `PauseNs`).
pub const PAUSE_HISTORY: usize = 256;

/// Kind of collection requested.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GcKind {
    /// Young generation only (for now: same as Major).
    Minor,
    /// Whole heap.
    Major,
    /// Whole heap, and return free pages to the OS.
    Full,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Counters {
    pub total_alloc: u64,
    pub mallocs: u64,
    pub frees: u64,
    pub live_after_gc: u64,
    pub num_minor: u64,
    pub num_major: u64,
    pub num_full: u64,
    pub pause_total: Duration,
    pub pauses: VecDeque<Duration>,
    pub last_pause: Duration,
}

impl Counters {
    pub fn record_pause(&mut self, kind: GcKind, d: Duration) {
        match kind {
            GcKind::Minor => self.num_minor += 1,
            GcKind::Major => self.num_major += 1,
            GcKind::Full => self.num_full += 1,
        }
        self.pause_total += d;
        self.last_pause = d;
        if self.pauses.len() == PAUSE_HISTORY {
            self.pauses.pop_front();
        }
        self.pauses.push_back(d);
    }
}

/// Snapshot of heap statistics.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HeapStats {
    /// Cumulative payload bytes allocated (Go: TotalAlloc).
    pub total_alloc: u64,
    /// Objects allocated (Go: Mallocs).
    pub mallocs: u64,
    /// Objects reclaimed (Go: Frees).
    pub frees: u64,
    /// Heap bytes in use right after the last collection (headers included).
    pub live_after_gc: u64,
    /// Collections by kind.
    pub num_minor: u64,
    pub num_major: u64,
    pub num_full: u64,
    /// Sum of all pause times.
    pub pause_total: Duration,
    /// Most recent pauses, oldest first (at most [`PAUSE_HISTORY`]).
    pub pauses: Vec<Duration>,
    /// Heap bytes in use now: small-object space used + large runs (Go: HeapInuse).
    pub heap_in_use: u64,
    /// Heap bytes committed for GC spaces (Go: HeapSys).
    pub heap_sys: u64,
    /// Bytes committed in total: GC spaces, static, globals, stacks (Go: Sys).
    pub sys: u64,
    /// Committed bytes given back to the OS and not reused since (Go: HeapReleased).
    pub released: u64,
    /// Committed stack bytes (Go: StackSys).
    pub stack_sys: u64,
    /// Live objects (mallocs - frees).
    pub heap_objects: u64,
}

impl HeapStats {
    /// Total number of collections.
    pub fn num_gc(&self) -> u64 {
        self.num_minor + self.num_major + self.num_full
    }
}
