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
    objs: Vec<Obj>,
    fates: Vec<Fates>,
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
        t.objs.push(Obj {
            addr,
            tag,
            bytes,
            fresh,
        });
    }

    /// The fates of the tracked objects, indexed by tag (a tag never tracked may be
    /// missing or all zero).
    pub fn tag_fates(&self) -> &[Fates] {
        &self.tracked.fates
    }

    /// Number of tracked objects alive as far as the last collection knows.
    pub fn tracked_count(&self) -> usize {
        self.tracked.objs.len()
    }

    /// After a collection's trace: see the module comment.
    pub(crate) fn update_tracked(&mut self) {
        if self.tracked.objs.is_empty() {
            return;
        }
        let mut objs = std::mem::take(&mut self.tracked.objs);
        let mut fates = std::mem::take(&mut self.tracked.fates);
        objs.retain_mut(|o| {
            let f = &mut fates[o.tag as usize];
            let was_young = self.is_young(o.addr);
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
                    if was_young && !self.is_young(now) {
                        f.promoted_objects += 1;
                        f.promoted_bytes += o.bytes;
                    }
                    o.addr = now;
                    true
                }
            }
        });
        self.tracked.objs = objs;
        self.tracked.fates = fates;
    }
}
