//! Tracked objects: the objects the allocation profiler sampled (`runtime.MemProfileRate`,
//! `gosub run --memprofile`), each with a tag the VM gives it (its allocation site), and
//! what each collection finds became of them, counted per tag. Go's runtime keeps the same
//! record as a profiling special on each sampled object (`mprof.go`), told by the sweeper
//! when the object is freed; here objects move, so the record is updated after the trace.
//!
//! Invariants:
//! - `objs` holds the address of every tracked object that the last collection found
//!   alive (or that was allocated since). Each collection (`collect.rs`, after the trace and
//!   the specials, before anything is freed or reset) rewrites each address to where the
//!   object now is, or drops the object and counts it freed.
//! - Fates are counted once per object: `survived` when it first outlives a collection
//!   while young (it left the nursery alive, into a survivor space or the old space),
//!   `promoted` when it first lands in the old space, `freed` when it dies. An object
//!   allocated directly into the old space or the large-object space is neither.
//! - Counts only grow. Nothing tracked costs a collection one `is_empty` test.

use crate::{Addr, Heap};

/// What became of the tracked objects of one tag, in objects and bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Fates {
    pub survived_objects: u64,
    pub survived_bytes: u64,
    pub promoted_objects: u64,
    pub promoted_bytes: u64,
    pub freed_objects: u64,
    pub freed_bytes: u64,
}

#[derive(Clone, Copy, Debug)]
struct Obj {
    addr: Addr,
    tag: u32,
    bytes: u64,
    /// Born young and not yet counted as having survived a collection.
    fresh: bool,
}

#[derive(Default)]
pub(crate) struct Tracked {
    /// Tracked objects in the young generation (moved by every collection).
    young: Vec<Obj>,
    /// Tracked objects in the old space or the large-object space: only a major collection
    /// can free them, so a minor one does not look at them.
    old: Vec<Obj>,
    fates: Vec<Fates>,
}

impl Tracked {
    /// No object is tracked (a heap image's condition).
    pub(crate) fn is_empty(&self) -> bool {
        self.young.is_empty() && self.old.is_empty()
    }
}

impl Heap {
    /// Tracks the object just allocated at `addr` (`bytes` as `TotalAlloc` counted it)
    /// under `tag`.
    pub fn track(&mut self, addr: Addr, tag: u32, bytes: u64) {
        let fresh = self.is_young(addr);
        let t = &mut self.tracked;
        if t.fates.len() <= tag as usize {
            t.fates.resize(tag as usize + 1, Fates::default());
        }
        let o = Obj {
            addr,
            tag,
            bytes,
            fresh,
        };
        if fresh {
            t.young.push(o);
        } else {
            t.old.push(o);
        }
    }

    /// The fates of the tracked objects, indexed by tag (a tag never tracked may be
    /// missing or all zero).
    pub fn tag_fates(&self) -> &[Fates] {
        &self.tracked.fates
    }

    /// Number of tracked objects alive as far as the last collection knows.
    pub fn tracked_count(&self) -> usize {
        self.tracked.young.len() + self.tracked.old.len()
    }

    /// After a collection's trace: see the module comment. The young list is rewritten by
    /// every collection (its survivors that were promoted join the old list); the old list
    /// only by a major one.
    pub(crate) fn update_tracked(&mut self) {
        let t = &mut self.tracked;
        if t.young.is_empty() && t.old.is_empty() {
            return;
        }
        let mut young = std::mem::take(&mut t.young);
        let mut old = std::mem::take(&mut t.old);
        let mut fates = std::mem::take(&mut t.fates);
        let mut promoted = Vec::new();
        young.retain_mut(|o| {
            let f = &mut fates[o.tag as usize];
            match self.survivor(o.addr) {
                None => {
                    f.freed_objects += 1;
                    f.freed_bytes += o.bytes;
                    false
                }
                Some(now) => {
                    if o.fresh {
                        f.survived_objects += 1;
                        f.survived_bytes += o.bytes;
                        o.fresh = false;
                    }
                    o.addr = now;
                    if self.is_young(now) {
                        return true;
                    }
                    f.promoted_objects += 1;
                    f.promoted_bytes += o.bytes;
                    promoted.push(*o);
                    false
                }
            }
        });
        if self.cycle.major {
            old.retain(|o| {
                if self.survivor(o.addr).is_some() {
                    return true;
                }
                let f = &mut fates[o.tag as usize];
                f.freed_objects += 1;
                f.freed_bytes += o.bytes;
                false
            });
        }
        old.extend(promoted);
        self.tracked = Tracked { young, old, fates };
    }
}
