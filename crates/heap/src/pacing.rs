//! Pacing: when to collect, and which kind.
//!
//! - Minor: when the nursery is filled up to `young_trigger` (`alloc` answers
//!   `NeedsCollection`): all of it at GOGC >= 100, GOGC/100 of it below (at
//!   least `MIN_YOUNG_TRIGGER`), as Go scales its minimum heap goal (4 MiB x
//!   GOGC/100), so a smaller GOGC collects more often here too; half of that while
//!   survivors are tenured early, a quarter while nearly all survive (tenuring, below).
//! - Major: the old generation's (old space in use, less the dead objects a lazy sweep
//!   has yet to free, + large objects) goal is `max(MIN_GOAL, live_after_last_major *
//!   (1 + GOGC/100))` — Go's rule, applied to the old generation, since the young one
//!   is bounded by the nursery anyway. With incremental marking (the default,
//!   `incremental.rs`) a cycle starts at `mark_trigger`, 70% of the way to the goal, and
//!   its termination is a major collection; a `collect(Minor)` request is upgraded to a
//!   stop-the-world major collection only at the hard goal (`stw_goal`: twice the goal;
//!   without incremental marking, the goal itself), or when marking is done, or a large
//!   allocation or the heap limit asks for it. `GOGC=off` (negative) disables collections
//!   by pacing, minor ones too: a full nursery then hands out old-space cells
//!   (`Heap::alloc`), as Go collects nothing until `runtime.GC` (which, like
//!   the heap limit, still runs).
//! - Soft memory limit (Go's `GOMEMLIMIT`, `debug.SetMemoryLimit`): the goal
//!   is also at most the limit minus the young generation's capacity (three
//!   nursery sizes), so the collector runs more often as the heap nears the
//!   limit — with GOGC=off too, where the limit is then the only trigger (a
//!   full nursery asks for a collection only when the old generation has
//!   reached that goal). Below `MIN_GOAL` when the limit is that small.
//! - Owed collections: an allocation made while the collector is inhibited (a
//!   native, a map operation) that passes either trigger cannot collect; it
//!   records the collection as owed (`Heap::collection_owed`) and the VM runs
//!   it at its next allocating safepoint.
//! - Deep stacks: a minor collection scans every root word (the frames of the running
//!   goroutine, globals, handles) however few young objects there are, so a deep
//!   recursion that allocates would pay for its whole stack at every minor collection —
//!   quadratic in its depth. When the last collection scanned more root bytes than the
//!   nursery holds, a full nursery does not ask for another one until as many bytes as
//!   those roots have been allocated directly in the old space (`defer_minor`): the cost
//!   per allocated byte stays bounded, and the objects are collected by the major
//!   collections the old generation's goal paces as usual.
//! - Heap limit: an allocation that would take the heap past
//!   `HeapConfig::heap_limit` first asks for a (major) collection; if it still
//!   does not fit after that collection it fails with `OutOfMemory`.
//! - Tenuring: a young object is promoted when it survives its `promote_age`-th minor
//!   collection (`HeapConfig::promote_age`, 2 by default: it is copied to a survivor space
//!   once, then to the old space). When at least half of the nursery's fill survived the
//!   last minor collection, the program is building data that lives (a tree, a table),
//!   and the next minor collection promotes every survivor at once (`promote_age`): each
//!   of those objects is then copied once instead of twice. It goes on doing so while the
//!   survival rate averaged over the minor collections (each halves the weight of those
//!   before it) stays at two fifths or more, so a phase in which nearly everything
//!   survives keeps tenuring through one mostly dead nursery, which would otherwise copy
//!   the next nursery to a survivor space and promote both with the one after (the
//!   longest minor pauses). A barely used nursery, filled to less than half
//!   `MIN_YOUNG_TRIGGER`, says nothing. Such a collection's pause is
//!   what it promotes, so it also comes after half the usual nursery fill
//!   (`young_trigger`): a phase that keeps everything it allocates pauses half as long,
//!   twice as often, for the same total work; when the averaged rate is nine tenths or
//!   more (`BUILDING_SURVIVAL`: a program building a large structure, where every
//!   collection promotes its whole trigger), after a quarter (a 1 GiB build's
//!   99th-percentile pause went from 0.38 to 0.21 ms and its longest from 0.6 to 0.5 ms,
//!   with the same GC time; a quarter in every tenuring phase made binarytrees promote
//!   trees about to die, and its heap peaked 0.7 MB higher). Objects that die young stay
//!   below that fraction, so they keep their survivor-space copy (HotSpot adapts its tenuring
//!   threshold, and G1 its young generation's size, in the same spirit).
//! - Stress: every `stress_major_every`-th stress collection is major; with
//!   GOGC=off there are no stress collections either.
//!
//! Invariants: `goal >= MIN_GOAL`; `young_trigger <= nursery_cap`; `goal`
//! and `young_trigger` are recomputed after every major collection and by
//! `set_gc_percent`, `young_trigger` also after every minor one (`after_minor`);
//! `want_major` is cleared by every major collection.

use crate::config::HeapConfig;
use crate::stats::GcKind;
use crate::Heap;

/// Smallest old-generation goal (Go's minimum heap goal is 4 MiB).
pub const MIN_GOAL: u64 = 4 << 20;

/// Smallest nursery fill that triggers a minor collection (a tiny GOGC must not make every
/// few allocations a collection).
pub const MIN_YOUNG_TRIGGER: u64 = 32 << 10;

pub(crate) struct Pacer {
    pub gogc: i64,
    pub goal: u64,
    pub live_after_major: u64,
    pub want_major: bool,
    pub stress_count: u64,
    /// Bytes of nursery to fill before asking for a minor collection.
    pub young_trigger: u64,
    pub nursery_cap: u64,
    /// The soft memory limit in bytes (`u64::MAX`: none).
    pub soft_limit: u64,
    /// Root words the last collection scanned (frames, globals, handles).
    pub root_words: u64,
    /// Bytes allocated directly in the old space since the last collection.
    pub deferred_bytes: u64,
    /// Words the VM's walk of the stacks examined for the collection about to run
    /// (`Heap::note_stack_scan`), live or not; taken by that collection.
    pub stack_scan_hint: u64,
    /// Old-generation size at which incremental marking starts (`incremental.rs`):
    /// `MARK_TRIGGER_PERMILLE` of the way from the live heap to the goal.
    pub mark_trigger: u64,
    /// The nursery's survival rate averaged over minor collections (per mille; tenuring,
    /// above).
    pub survival: u64,
    /// At least half of the nursery survived the last minor collection, or two fifths on
    /// average since it did (tenuring, above).
    pub tenure_early: bool,
}

/// An averaged survival rate (per mille) at which the program is taken to keep nearly
/// everything it allocates (tenuring, above): minor collections then come at a quarter of
/// the nursery's fill.
pub const BUILDING_SURVIVAL: u64 = 900;

/// With incremental marking, the old generation may pass its goal by this many quarters
/// of it before a collection stops the world to finish marking. Past the goal an
/// allocation that reaches a step's point assists at the highest rate (up to 16 MiB of
/// work, in steps of 256 KiB: incremental.rs `MAX_ASSIST_WORK`), which bounds the
/// overshoot, except for single large allocations: a 48 MB map made near the goal must
/// not stop the world for the whole mark (Go's hard goal is 1.1x, but its assists are
/// unbounded and its workers concurrent).
pub const HARD_GOAL_QUARTERS: u64 = 4;

/// Where between the last live heap and the goal incremental marking starts, in
/// thousandths: the rest is the runway the mark steps have to finish in.
pub const MARK_TRIGGER_PERMILLE: u64 = 700;

impl Pacer {
    pub fn new(config: &HeapConfig) -> Pacer {
        let mut p = Pacer {
            gogc: config.gogc,
            goal: MIN_GOAL,
            live_after_major: 0,
            want_major: false,
            stress_count: 0,
            young_trigger: config.nursery_bytes,
            nursery_cap: config.nursery_bytes,
            soft_limit: config.soft_limit.unwrap_or(u64::MAX),
            root_words: 0,
            deferred_bytes: 0,
            stack_scan_hint: 0,
            mark_trigger: u64::MAX,
            survival: 0,
            tenure_early: false,
        };
        p.recompute();
        p
    }

    /// Goal from the last major collection's live bytes and GOGC.
    pub fn recompute(&mut self) {
        self.young_trigger = self.young_trigger();
        self.goal = if self.gogc < 0 {
            u64::MAX
        } else {
            let grow = self.live_after_major.saturating_mul(self.gogc as u64) / 100;
            self.live_after_major.saturating_add(grow).max(MIN_GOAL)
        };
        if self.soft_limit != u64::MAX {
            let young = self.nursery_cap.saturating_mul(3);
            self.goal = self.goal.min(self.soft_limit.saturating_sub(young));
        }
        self.mark_trigger = if self.goal == u64::MAX {
            u64::MAX
        } else {
            let live = self.live_after_major.min(self.goal);
            live + ((self.goal - live) as u128 * MARK_TRIGGER_PERMILLE as u128 / 1000) as u64
        };
    }

    /// Deep stacks (module comment): may a full nursery let an allocation of `need` bytes
    /// go to the old space instead of asking for a minor collection, with the old
    /// generation at `old_bytes`?
    pub fn defer_minor(&self, need: u64, old_bytes: u64) -> bool {
        let roots = self.root_words.saturating_mul(8);
        roots > self.nursery_cap
            && !self.want_major
            && self.gogc >= 0
            && old_bytes.saturating_add(need) < self.goal
            && self.deferred_bytes.saturating_add(need) <= roots
    }

    /// Kind of collection to run for a request of `requested`, given the
    /// old generation's current size.
    pub fn decide(&mut self, requested: GcKind, old_bytes: u64, config: &HeapConfig) -> GcKind {
        if requested != GcKind::Minor {
            return requested;
        }
        if config.gc_stress {
            self.stress_count += 1;
            if self
                .stress_count
                .is_multiple_of(config.stress_major_every.max(1) as u64)
            {
                return GcKind::Major;
            }
        }
        if self.want_major || old_bytes >= self.stw_goal(config) {
            return GcKind::Major;
        }
        GcKind::Minor
    }

    /// The old-generation size at which a collection stops the world to mark: the goal,
    /// or with incremental marking (`incremental.rs`) the hard goal past it, up to which
    /// the old generation may grow while a cycle, started at the trigger, still marks.
    pub fn stw_goal(&self, config: &HeapConfig) -> u64 {
        if config.incremental && !config.gc_stress && self.goal != u64::MAX {
            let hard = self.goal.saturating_add(self.goal / 4 * HARD_GOAL_QUARTERS);
            // Not past the soft memory limit, though (the goal is already below it).
            let limit = self
                .soft_limit
                .saturating_sub(self.nursery_cap.saturating_mul(3));
            hard.min(limit.max(self.goal))
        } else {
            self.goal
        }
    }

    /// The age at which the collection about to run promotes a survivor (tenuring).
    #[inline]
    pub fn promote_age(&self, config: &HeapConfig) -> u64 {
        if self.tenure_early {
            1
        } else {
            config.promote_age as u64
        }
    }

    /// The nursery fill that asks for a minor collection: GOGC's share of the nursery,
    /// halved while survivors are tenured early, quartered while nearly all survive
    /// (tenuring, above).
    fn young_trigger(&self) -> u64 {
        let t = if (0..100).contains(&self.gogc) {
            (self.nursery_cap / 100 * self.gogc as u64)
                .max(MIN_YOUNG_TRIGGER)
                .min(self.nursery_cap)
        } else {
            self.nursery_cap
        };
        if self.tenure_early {
            let part = if self.survival >= BUILDING_SURVIVAL {
                4
            } else {
                2
            };
            (t / part).max(MIN_YOUNG_TRIGGER).min(t)
        } else {
            t
        }
    }

    /// After a minor collection in which `survived` of the `filled` bytes of the nursery
    /// survived (tenuring, above; a collection of a barely used nursery says nothing).
    pub fn after_minor(&mut self, survived: u64, filled: u64) {
        // (Half the smallest trigger: a nursery collected at that trigger is filled to
        // just below it.)
        if filled < MIN_YOUNG_TRIGGER / 2 {
            return;
        }
        let rate = (survived.min(filled) * 1000) / filled;
        self.survival = (self.survival + rate) / 2;
        self.tenure_early = rate >= 500 || (self.tenure_early && self.survival >= 400);
        self.young_trigger = self.young_trigger();
    }

    pub fn after_major(&mut self, live: u64) {
        self.live_after_major = live;
        self.want_major = false;
        self.recompute();
    }
}

impl Heap {
    /// `debug.SetGCPercent`: set GOGC (negative: off) and return the old
    /// value (-1 if it was off).
    pub fn set_gc_percent(&mut self, pct: i64) -> i64 {
        let old = self.pacer.gogc;
        self.pacer.gogc = if pct < 0 { -1 } else { pct };
        self.pacer.recompute();
        if pct < 0 {
            self.inc.start_wanted = false;
        }
        if pct < 0 && self.inc.active {
            // Off means off: no termination either (incremental.rs).
            self.abort_marking();
            self.pacer.want_major = false;
            self.owed = false;
        }
        self.refresh_bump_limit();
        old
    }

    /// `debug.SetMemoryLimit`: set the soft memory limit (bytes; `i64::MAX`:
    /// none) and return the previous one; a negative limit only reads it.
    pub fn set_memory_limit(&mut self, limit: i64) -> i64 {
        let old = self.pacer.soft_limit.min(i64::MAX as u64) as i64;
        if limit >= 0 {
            self.pacer.soft_limit = if limit == i64::MAX {
                u64::MAX
            } else {
                limit as u64
            };
            self.pacer.recompute();
            self.refresh_bump_limit();
        }
        old
    }

    /// Current GOGC (-1: off).
    pub fn gc_percent(&self) -> i64 {
        self.pacer.gogc
    }

    /// Old-generation size at which the next major collection starts
    /// (`u64::MAX` when GOGC is off).
    pub fn major_goal(&self) -> u64 {
        self.pacer.goal
    }

    /// Bytes of the old generation: old space in use + large objects, less the dead
    /// objects a lazy sweep has yet to free (`sweep.rs`).
    pub fn old_gen_bytes(&self) -> u64 {
        self.old.in_use.saturating_sub(self.old.unswept_dead) + self.large.live_bytes()
    }

    /// Would a collection requested as `kind` run as a major one now?
    pub fn next_collection_kind(&self, kind: GcKind) -> GcKind {
        if kind != GcKind::Minor {
            return kind;
        }
        if self.pacer.want_major || self.old_gen_bytes() >= self.pacer.stw_goal(&self.config) {
            GcKind::Major
        } else {
            GcKind::Minor
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenuring_follows_the_averaged_survival_rate() {
        let mut p = Pacer::new(&HeapConfig::default());
        let fill = 256 << 10;
        assert!(!p.tenure_early);
        p.after_minor(fill, fill);
        assert!(p.tenure_early, "a wholly live nursery: building");
        for _ in 0..8 {
            p.after_minor(fill, fill);
        }
        p.after_minor(0, fill);
        assert!(p.tenure_early, "one dead nursery in a building phase");
        p.after_minor(0, fill);
        assert!(!p.tenure_early, "two: garbage again");
        for _ in 0..8 {
            p.after_minor(fill * 7 / 10, fill);
        }
        p.after_minor(fill / 5, fill);
        assert!(p.tenure_early, "a fifth live after a phase of seven tenths");
        p.after_minor(fill / 5, fill);
        assert!(!p.tenure_early, "two of them");
        p.after_minor(fill / 4, fill);
        assert!(!p.tenure_early, "a quarter: below the mark");
        p.after_minor(fill, 4 << 10);
        assert!(!p.tenure_early, "a barely used nursery says nothing");
        p.after_minor(fill, fill);
        assert!(p.tenure_early);
    }

    #[test]
    fn tenuring_collects_at_half_or_a_quarter_of_the_nursery() {
        let mut p = Pacer::new(&HeapConfig::default());
        let fill = 256 << 10;
        assert_eq!(p.young_trigger, fill);
        for _ in 0..8 {
            p.after_minor(fill * 7 / 10, fill);
        }
        assert!(p.tenure_early);
        assert_eq!(p.young_trigger, fill / 2, "seven tenths survive");
        for _ in 0..8 {
            p.after_minor(fill, fill);
        }
        assert_eq!(p.young_trigger, fill / 4, "everything survives: building");
        p.after_minor(0, fill);
        assert_eq!(
            p.young_trigger,
            fill / 2,
            "a dead nursery halves the average"
        );
        p.after_minor(0, fill);
        assert_eq!(p.young_trigger, fill, "garbage again");
    }

    #[test]
    fn goal_follows_gogc() {
        let c = HeapConfig {
            incremental: false,
            ..HeapConfig::default()
        };
        let mut p = Pacer::new(&c);
        assert_eq!(p.goal, MIN_GOAL);
        p.after_major(10 << 20);
        assert_eq!(p.goal, 20 << 20);
        assert_eq!(p.decide(GcKind::Minor, 19 << 20, &c), GcKind::Minor);
        assert_eq!(p.decide(GcKind::Minor, 20 << 20, &c), GcKind::Major);
        // Incremental marking starts at 70% of the way from live to goal, and only the
        // hard goal (twice the goal) stops the world.
        let inc = HeapConfig::default();
        assert_eq!(p.mark_trigger, (10 << 20) + (10 << 20) * 7 / 10);
        assert_eq!(p.decide(GcKind::Minor, 20 << 20, &inc), GcKind::Minor);
        assert_eq!(p.decide(GcKind::Minor, 39 << 20, &inc), GcKind::Minor);
        assert_eq!(p.decide(GcKind::Minor, 40 << 20, &inc), GcKind::Major);
        assert_eq!(p.decide(GcKind::Full, 0, &c), GcKind::Full);
        p.gogc = 50;
        p.recompute();
        assert_eq!(p.goal, 15 << 20);
        p.gogc = -1;
        p.recompute();
        assert_eq!(p.decide(GcKind::Minor, u64::MAX - 1, &c), GcKind::Minor);
        p.want_major = true;
        assert_eq!(p.decide(GcKind::Minor, 0, &c), GcKind::Major);
        p.after_major(1);
        assert!(!p.want_major);
        let s = HeapConfig {
            gc_stress: true,
            stress_major_every: 3,
            ..HeapConfig::default()
        };
        let mut q = Pacer::new(&s);
        let kinds: Vec<_> = (0..6).map(|_| q.decide(GcKind::Minor, 0, &s)).collect();
        assert_eq!(kinds.iter().filter(|&&k| k == GcKind::Major).count(), 2);
    }
}
