//! Allocation and collection statistics: Go's `runtime.MemStats` and
//! gosub's own generational counters, the gctrace lines and the
//! `--gcstats` summary.
//!
//! Invariants:
//! - Counters only grow (`mallocs >= frees`, `total_alloc` monotone).
//! - `pauses.ns[i % 256]` / `pauses.end[i % 256]` hold the pause and end time
//!   (unix ns) of collection number `i + 1` (Go's ring layout: the most
//!   recent is at `(num_gc + 255) % 256`); `pause_total` is the sum over all.
//!   `pauses` is `None`, read as zeros, until the first collection.
//! - Byte gauges (in use, sys, idle, released) are computed from the spaces
//!   on demand by `Heap::mem_stats`, so they can never drift from the state.
//! - Units: object sizes include the 8-byte header; old-space objects count
//!   their size-class cell, large objects their page run.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::Heap;

/// Number of recent pauses kept (Go keeps 256 in `PauseNs`).
pub const PAUSE_HISTORY: usize = 256;

/// Kind of collection requested.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GcKind {
    /// Young generation only (the heap may upgrade it to Major, see pacing).
    Minor,
    /// Whole heap: young objects are promoted, old and large are marked and
    /// swept.
    Major,
    /// Major, and return free pages to the OS.
    Full,
}

/// Go's `PauseNs` and `PauseEnd` rings: the wall time of each of the last
/// `PAUSE_HISTORY` pauses, and when it ended (ns since the Unix epoch).
pub(crate) struct Pauses {
    pub ns: [u64; PAUSE_HISTORY],
    pub end: [u64; PAUSE_HISTORY],
}

impl Default for Pauses {
    fn default() -> Self {
        Pauses {
            ns: [0; PAUSE_HISTORY],
            end: [0; PAUSE_HISTORY],
        }
    }
}

pub(crate) struct Counters {
    pub total_alloc: u64,
    pub mallocs: u64,
    pub frees: u64,
    /// Bytes (cells) allocated in the nursery.
    pub nursery_alloc: u64,
    /// Bytes copied out of the nursery by minor collections.
    pub nursery_survived: u64,
    /// Bytes copied from young spaces into the old space.
    pub promoted: u64,
    pub freed: u64,
    pub live_after_gc: u64,
    pub num_minor: u64,
    pub num_major: u64,
    pub num_full: u64,
    pub num_forced: u64,
    pub pause_total: Duration,
    pub max_minor: Duration,
    pub max_major: Duration,
    /// The same three in the collecting thread's CPU time (`thread_cpu_time`).
    pub pause_cpu_total: Duration,
    pub max_minor_cpu: Duration,
    pub max_major_cpu: Duration,
    /// The last `PAUSE_HISTORY` pauses, made at the first collection (a VM that never
    /// collects does not carry their 4 KiB).
    pub pauses: Option<Box<Pauses>>,
    pub last_gc_unix: u64,
    pub start: Instant,
}

/// The calling thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`): a pause measured by it
/// leaves out the time the thread was descheduled, which a wall-clock pause includes on a
/// loaded machine.
pub fn thread_cpu_time() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec through the valid pointer it is given.
    let r = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if r != 0 {
        return Duration::ZERO;
    }
    Duration::new(
        ts.tv_sec.max(0) as u64,
        ts.tv_nsec.clamp(0, 999_999_999) as u32,
    )
}

pub(crate) fn unix_ns() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0)
}

impl Default for Counters {
    fn default() -> Self {
        Counters {
            total_alloc: 0,
            mallocs: 0,
            frees: 0,
            nursery_alloc: 0,
            nursery_survived: 0,
            promoted: 0,
            freed: 0,
            live_after_gc: 0,
            num_minor: 0,
            num_major: 0,
            num_full: 0,
            num_forced: 0,
            pause_total: Duration::ZERO,
            max_minor: Duration::ZERO,
            max_major: Duration::ZERO,
            pause_cpu_total: Duration::ZERO,
            max_minor_cpu: Duration::ZERO,
            max_major_cpu: Duration::ZERO,
            pauses: None,
            last_gc_unix: 0,
            start: Instant::now(),
        }
    }
}

impl Counters {
    pub fn num_gc(&self) -> u64 {
        self.num_minor + self.num_major + self.num_full
    }

    /// A collection of `kind` that paused the program for `d` of wall time and `cpu` of
    /// the thread's CPU time.
    pub fn record_pause(&mut self, kind: GcKind, forced: bool, d: Duration, cpu: Duration) {
        let i = (self.num_gc() % PAUSE_HISTORY as u64) as usize;
        let now = unix_ns();
        let p = self.pauses.get_or_insert_with(Default::default);
        p.ns[i] = d.as_nanos() as u64;
        p.end[i] = now;
        self.last_gc_unix = now;
        match kind {
            GcKind::Minor => {
                self.num_minor += 1;
                self.max_minor = self.max_minor.max(d);
                self.max_minor_cpu = self.max_minor_cpu.max(cpu);
            }
            GcKind::Major => {
                self.num_major += 1;
                self.max_major = self.max_major.max(d);
                self.max_major_cpu = self.max_major_cpu.max(cpu);
            }
            GcKind::Full => {
                self.num_full += 1;
                self.max_major = self.max_major.max(d);
                self.max_major_cpu = self.max_major_cpu.max(cpu);
            }
        }
        if forced {
            self.num_forced += 1;
        }
        self.pause_total += d;
        self.pause_cpu_total += cpu;
    }
}

/// Snapshot of heap statistics (the compact form; see [`MemStats`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HeapStats {
    /// Cumulative bytes allocated (header + footprint of each object).
    pub total_alloc: u64,
    /// Objects allocated (Go: Mallocs).
    pub mallocs: u64,
    /// Objects reclaimed (Go: Frees).
    pub frees: u64,
    /// Heap bytes in use right after the last collection.
    pub live_after_gc: u64,
    /// Collections by kind.
    pub num_minor: u64,
    pub num_major: u64,
    pub num_full: u64,
    /// Sum of all pause times.
    pub pause_total: Duration,
    /// Most recent pauses, oldest first (at most [`PAUSE_HISTORY`]).
    pub pauses: Vec<Duration>,
    /// Heap bytes held by objects now (Go: HeapAlloc).
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

/// Everything Go's `runtime.MemStats` has (same names, snake case), plus
/// gosub's generational counters. Fields Go has and gosub cannot fill are
/// absent here and zero in the Go struct (Lookups, MSpan*, MCache*,
/// BuckHashSys, GCSys, OtherSys, DebugGC, BySize).
#[derive(Clone, Debug, PartialEq)]
pub struct MemStats {
    /// Bytes of allocated heap objects (= heap_alloc).
    pub alloc: u64,
    pub total_alloc: u64,
    /// Bytes obtained from the OS (committed): heap, stacks, statics, globals.
    pub sys: u64,
    pub mallocs: u64,
    pub frees: u64,
    /// Bytes held by objects: young spaces' used parts, old cells, large runs.
    pub heap_alloc: u64,
    /// Committed bytes of the GC spaces.
    pub heap_sys: u64,
    /// heap_sys - heap_inuse.
    pub heap_idle: u64,
    /// Bytes in in-use spans: nursery and survivor used parts, old spans,
    /// large runs.
    pub heap_inuse: u64,
    /// Idle bytes returned to the OS.
    pub heap_released: u64,
    pub heap_objects: u64,
    pub stack_inuse: u64,
    pub stack_sys: u64,
    /// Old-generation goal of the next major collection, plus the nursery
    /// (0 when GOGC is off... Go reports a huge value: we report u64::MAX).
    pub next_gc: u64,
    /// End of the last collection, unix ns (0 if none).
    pub last_gc: u64,
    pub pause_total_ns: u64,
    pub pause_ns: [u64; PAUSE_HISTORY],
    pub pause_end: [u64; PAUSE_HISTORY],
    pub num_gc: u32,
    pub num_forced_gc: u32,
    /// Fraction of wall time since the heap was created spent in collections.
    pub gc_cpu_fraction: f64,
    pub enable_gc: bool,
    // gosub's own:
    pub num_minor: u64,
    pub num_major: u64,
    pub num_full: u64,
    pub promoted_bytes: u64,
    pub freed_bytes: u64,
    pub nursery_bytes: u64,
    pub old_bytes: u64,
    pub large_bytes: u64,
    pub max_pause_ns: u64,
}

fn kb(b: u64) -> u64 {
    b.div_ceil(1024)
}

pub(crate) fn ms(d: Duration) -> String {
    format!("{:.3}ms", d.as_secs_f64() * 1e3)
}

impl Heap {
    /// Bytes allocated so far (`MemStats.TotalAlloc`), cheaply.
    pub fn total_alloc(&self) -> u64 {
        self.counters.total_alloc
    }

    /// Go's MemStats (see [`MemStats`]).
    pub fn mem_stats(&self) -> MemStats {
        let c = &self.counters;
        let heap_alloc = self.heap_in_use();
        let young_inuse = self.young.used();
        let heap_inuse = young_inuse + self.old.span_bytes() + self.large.live_bytes();
        let heap_sys =
            self.young.committed() + self.old.committed_bytes() + self.large.committed_bytes();
        let released = self.young.released()
            + self.old.released_pages * crate::size_class::PAGE
            + (self.large.committed_bytes() - self.large.live_bytes() - self.large.pending_bytes());
        let stack_sys = self.stacks.committed_bytes();
        let sys = heap_sys + stack_sys + self.statics.committed + self.globals.committed;
        let wall = c.start.elapsed().as_secs_f64();
        let frac = if wall > 0.0 {
            (c.pause_total.as_secs_f64() / wall).min(1.0)
        } else {
            0.0
        };
        let goal = self.pacer.goal;
        MemStats {
            alloc: heap_alloc,
            total_alloc: c.total_alloc,
            sys,
            mallocs: c.mallocs,
            frees: c.frees + self.old.swept_lazily.objects,
            heap_alloc,
            heap_sys,
            heap_idle: heap_sys.saturating_sub(heap_inuse),
            heap_inuse,
            heap_released: released.min(heap_sys.saturating_sub(heap_inuse)),
            heap_objects: c.mallocs - c.frees - self.old.swept_lazily.objects,
            stack_inuse: stack_sys,
            stack_sys,
            next_gc: if goal == u64::MAX {
                u64::MAX
            } else {
                goal + self.config.nursery_bytes
            },
            last_gc: c.last_gc_unix,
            pause_total_ns: c.pause_total.as_nanos() as u64,
            pause_ns: c.pauses.as_ref().map_or([0; PAUSE_HISTORY], |p| p.ns),
            pause_end: c.pauses.as_ref().map_or([0; PAUSE_HISTORY], |p| p.end),
            num_gc: c.num_gc() as u32,
            num_forced_gc: c.num_forced as u32,
            gc_cpu_fraction: frac,
            enable_gc: true,
            num_minor: c.num_minor,
            num_major: c.num_major,
            num_full: c.num_full,
            promoted_bytes: c.promoted,
            freed_bytes: c.freed + self.old.swept_lazily.bytes,
            nursery_bytes: self.config.nursery_bytes,
            old_bytes: self.old.in_use,
            large_bytes: self.large.live_bytes(),
            max_pause_ns: c.max_minor.max(c.max_major).as_nanos() as u64,
        }
    }

    /// Statistics snapshot (compact form).
    pub fn stats(&self) -> HeapStats {
        let m = self.mem_stats();
        let c = &self.counters;
        let n = c.num_gc();
        let k = n.min(PAUSE_HISTORY as u64);
        let pauses = (n - k..n)
            .map(|i| (i % PAUSE_HISTORY as u64) as usize)
            .map(|i| Duration::from_nanos(c.pauses.as_ref().map_or(0, |p| p.ns[i])))
            .collect();
        HeapStats {
            total_alloc: c.total_alloc,
            mallocs: c.mallocs,
            frees: m.frees,
            live_after_gc: c.live_after_gc,
            num_minor: c.num_minor,
            num_major: c.num_major,
            num_full: c.num_full,
            pause_total: c.pause_total,
            pauses,
            heap_in_use: m.heap_alloc,
            heap_sys: m.heap_sys,
            sys: m.sys,
            released: m.heap_released,
            stack_sys: m.stack_sys,
            heap_objects: m.heap_objects,
        }
    }

    /// The gctrace line of the collection just finished (see docs/memory.md):
    /// `gc N @T.TTTs KIND: pause P.PPPms (cpu C.CCCms), heap B->A KB, live L KB, old O KB,
    /// goal G KB, promoted X KB, freed F KB`
    pub(crate) fn trace_line(
        &self,
        kind: GcKind,
        pause: Duration,
        cpu: Duration,
        before: u64,
        promoted: u64,
        freed: u64,
    ) -> String {
        let c = &self.counters;
        let kind = match kind {
            GcKind::Minor => "minor",
            GcKind::Major => "major",
            GcKind::Full => "full",
        };
        let goal = if self.pacer.goal == u64::MAX {
            "off".to_string()
        } else {
            format!("{} KB", kb(self.pacer.goal))
        };
        format!(
            "gc {} @{:.3}s {}: pause {} (cpu {}), heap {}->{} KB, live {} KB, old {} KB, goal {}, promoted {} KB, freed {} KB",
            c.num_gc(),
            c.start.elapsed().as_secs_f64(),
            kind,
            ms(pause),
            ms(cpu),
            kb(before),
            kb(self.heap_in_use()),
            kb(c.live_after_gc),
            kb(self.old_gen_bytes()),
            goal,
            kb(promoted),
            kb(freed),
        )
    }

    /// Trace lines recorded since the last call (empty unless
    /// `HeapConfig::gctrace`).
    pub fn take_trace_lines(&mut self) -> Vec<String> {
        std::mem::take(&mut self.trace)
    }

    /// The `--gcstats` summary (several lines, each ending in a newline).
    pub fn gc_summary(&self) -> String {
        let c = &self.counters;
        let surv = if c.nursery_alloc == 0 {
            0.0
        } else {
            c.nursery_survived as f64 * 100.0 / c.nursery_alloc as f64
        };
        let wall = c.start.elapsed();
        let frac = if wall.is_zero() {
            0.0
        } else {
            c.pause_total.as_secs_f64() * 100.0 / wall.as_secs_f64()
        };
        format!(
            "gc: {} collections: {} minor, {} major, {} full ({} forced)\n\
             gc: pause total {} (cpu {}) ({:.1}% of {:.3}s), longest {} (cpu {}) (minor {}, major {})\n\
             gc: allocated {} KB in {} objects, promoted {} KB, freed {} KB, live {} KB\n\
             gc: nursery {} KB, survival rate {:.1}% (bytes surviving their first minor collection)\n\
             gc: incremental marking {}: {} cycles, longest mark step {} (cpu {})\n",
            c.num_gc(),
            c.num_minor,
            c.num_major,
            c.num_full,
            c.num_forced,
            ms(c.pause_total),
            ms(c.pause_cpu_total),
            frac,
            wall.as_secs_f64(),
            ms(c.max_minor.max(c.max_major)),
            ms(c.max_minor_cpu.max(c.max_major_cpu)),
            ms(c.max_minor),
            ms(c.max_major),
            kb(c.total_alloc),
            c.mallocs,
            kb(c.promoted),
            kb(c.freed + self.old.swept_lazily.bytes),
            kb(self.heap_in_use()),
            kb(self.config.nursery_bytes),
            surv,
            if self.inc.enabled { "on" } else { "off" },
            self.inc.cycles,
            ms(self.inc.longest.0),
            ms(self.inc.longest.1),
        )
    }
}
