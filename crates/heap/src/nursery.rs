//! The young generation: the nursery and two survivor spaces.
//!
//! ```text
//!  nursery (fixed size, bump)        survivor A ("cur")      survivor B (empty)
//! +------------------------------+  +-----------------+      +-----------------+
//! | obj | obj | obj | ... |      |  | obj | obj |     |      |                 |
//! +------------------------------+  +-----------------+      +-----------------+
//!  ^start                  ^top ^cap
//! ```
//!
//! Allocation bumps `nursery.top`; when an object does not fit before
//! `nursery.cap` the heap answers `NeedsCollection` and the VM runs a minor
//! collection. A minor collection copies (Cheney-style: the scan pointer
//! chases the allocation pointer of the to-space, forwarding headers, no
//! recursion) every live object of the nursery and of survivor "cur" either
//! into the other survivor space (age + 1 < the collection's promotion age,
//! `Pacer::promote_age`, and room left) or
//! into the old space (promotion); then the nursery and "cur" are emptied and
//! the survivor roles swap.
//!
//! Invariants:
//! - Between collections: `surv[1 - cur]` is empty; `surv[cur]` holds objects
//!   that survived at least one minor collection and are younger than
//!   `promote_age`; the nursery holds objects allocated since the last
//!   collection (age 0).
//! - After a major collection all three spaces are empty (a major collection
//!   promotes every live young object).
//! - The nursery's capacity is fixed (`HeapConfig::nursery_bytes`, rounded
//!   to 64 KiB and at most its region minus the guard) and fully committed
//!   at creation, so the allocation fast path never makes a system call.
//! - A survivor space's capacity equals the nursery's; when it is full,
//!   further survivors are promoted early ("overflow promotion"), so a minor
//!   collection never fails for lack of survivor room.
//! - Object ages live in the header (`object.rs`, 4 bits, saturating).
//!
//! Default nursery size (`DEFAULT_NURSERY`, 256 KiB) and promotion age
//! (`DEFAULT_PROMOTE_AGE`, 2): see `config.rs` and docs/memory.md.

use crate::arena::{Arena, Layout};
use crate::copyspace::Space;

pub(crate) struct Young {
    pub nursery: Space,
    pub surv: [Space; 2],
    /// Index of the survivor space that holds objects between collections.
    pub cur: usize,
}

impl Young {
    /// Create the young spaces and commit the whole nursery. `None` if the
    /// OS refuses the commit.
    pub fn new(arena: &Arena, layout: &Layout, nursery_bytes: u64) -> Option<(Young, u64)> {
        let mut nursery = Space::new(layout.nursery);
        let cap = nursery_bytes;
        if !nursery.ensure_committed(arena, cap) {
            return None;
        }
        nursery.cap = cap;
        let mut surv = [
            Space::new(layout.survivor[0]),
            Space::new(layout.survivor[1]),
        ];
        for s in surv.iter_mut() {
            s.cap = cap;
        }
        Some((
            Young {
                nursery,
                surv,
                cur: 0,
            },
            cap,
        ))
    }

    /// Bytes used by young objects (headers included).
    #[inline]
    pub fn used(&self) -> u64 {
        self.nursery.top + self.surv[0].top + self.surv[1].top
    }

    /// Objects in the young spaces.
    pub fn objects(&self) -> u64 {
        self.nursery.objects + self.surv[0].objects + self.surv[1].objects
    }

    /// Committed bytes of the young spaces.
    pub fn committed(&self) -> u64 {
        self.nursery.committed + self.surv[0].committed + self.surv[1].committed
    }

    /// Committed bytes given back to the OS and not reused since (pages
    /// below a space's top have been touched again).
    pub fn released(&self) -> u64 {
        [&self.nursery, &self.surv[0], &self.surv[1]]
            .iter()
            .filter(|s| s.released)
            .map(|s| s.committed - crate::arena::round_up(s.top, 4096).min(s.committed))
            .sum()
    }

    /// The space (nursery = 0, survivors 1, 2) whose region holds `off`.
    #[inline]
    pub fn space_of(&self, off: u64) -> Option<&Space> {
        if self.nursery.region.contains_off(off) {
            Some(&self.nursery)
        } else if self.surv[0].region.contains_off(off) {
            Some(&self.surv[0])
        } else if self.surv[1].region.contains_off(off) {
            Some(&self.surv[1])
        } else {
            None
        }
    }
}
