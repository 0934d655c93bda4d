//! The old space's runway: pages made ready, by the program, for the next promotions.
//!
//! A minor collection copies the survivors it promotes into old-space cells, and a span
//! on pages the heap never used before takes a page fault at its first write: inside the
//! collection's pause. While a program builds a large structure, every minor collection
//! promotes into fresh pages, and on a virtual machine a fault can cost 20-40 us: 16 of
//! them (64 KiB promoted) made a 0.1 ms collection 0.6 ms. So after a minor collection
//! that grew the old space, the allocator touches the pages above the page allocator's top ahead of
//! time, a few pages per step paid for by allocation, as mark and sweep steps are
//! (`Heap::alloc` reaches a lowered bump limit): the faults then happen in the program's
//! time, where Go's own allocator takes them, not in a pause. Only fresh pages are
//! touched (`OldSpace::extend_runway`); a span placed in a free run below the top uses
//! pages touched before, or released ones that fault again (rare: only a Full
//! collection releases pages, the runway's included).
//!
//! Invariants:
//! - The runway wanted is twice what the last minor collection promoted, at most the
//!   nursery's capacity, when that collection grew the old space (took pages above the
//!   page allocator's top), else none: a program that promotes nothing, or whose
//!   promotions fill pages its dead objects left (binarytrees, once its heap has its
//!   size), touches nothing more: pages touched there would only wait; the runway costs
//!   at most `nursery_cap` bytes of memory that the next promotions take anyway.
//! - A step touches at most `STEP_PAGES` pages and comes `STEP_EVERY` nursery bytes
//!   after the last (`refresh_bump_limit` lowers the bump limit while the runway is
//!   short); it never moves or writes anything a program or the collector can see.

use crate::Heap;

/// Nursery bytes allocated between two runway steps.
pub(crate) const STEP_EVERY: u64 = 16 << 10;
/// Most pages (8 KiB each) a runway step touches.
const STEP_PAGES: u64 = 8;

impl Heap {
    /// Is the old space's runway shorter than the last minor collection asks for?
    #[inline]
    pub(crate) fn runway_short(&self) -> bool {
        self.runway_want > self.old.runway()
    }

    /// A runway step: touches up to `STEP_PAGES` pages, then resets the bump limit. When
    /// the old space cannot grow, the runway it has is all it wants (no step would
    /// make progress).
    #[cold]
    #[inline(never)]
    pub(crate) fn runway_step(&mut self) {
        if !self
            .old
            .extend_runway(&self.arena, self.runway_want, STEP_PAGES)
        {
            self.runway_want = self.old.runway();
        }
        self.refresh_bump_limit();
    }

    /// After a minor collection that promoted `promoted` bytes, and took pages above
    /// the page allocator's top or not (`grew`): the runway the next ones want.
    pub(crate) fn want_runway(&mut self, promoted: u64, grew: bool) {
        self.runway_want = if grew {
            promoted.saturating_mul(2).min(self.young.nursery.cap)
        } else {
            0
        };
    }
}

#[cfg(test)]
mod tests {
    use super::STEP_PAGES;
    use crate::roots::RootSource;
    use crate::size_class::PAGE;
    use crate::{Addr, GcKind, Heap, HeapConfig};

    /// One root slot in a stack.
    struct Root(Addr);

    impl RootSource for Root {
        fn visit_roots(&mut self, v: &mut dyn FnMut(Addr)) {
            v(self.0);
        }
    }

    /// A heap with a 128 KiB nursery and the verifier on.
    fn heap() -> Heap {
        let verify = true;
        let c = HeapConfig {
            nursery_bytes: 128 << 10,
            verify,
            ..HeapConfig::default()
        };
        Heap::new(c).unwrap()
    }

    /// Allocates a list of `n` 16-byte nodes (word 0: next) held by the root.
    fn list(h: &mut Heap, r: &Root, n: usize) {
        let t = h.register_type(16, &[0]);
        for _ in 0..n {
            let a = h.alloc(t, 1).unwrap();
            let head = h.read_u64(r.0).unwrap();
            h.write_u64(a, head).unwrap();
            h.write_u64(r.0, a).unwrap();
        }
    }

    /// A minor collection that promotes asks for a runway of twice what it promoted; the
    /// allocations after it touch it, in steps, before the next collection.
    #[test]
    fn promotion_is_followed_by_a_runway_the_program_touches() {
        let mut h = heap();
        let mut r = Root(h.alloc_stack(1 << 16).unwrap().base);
        list(&mut h, &r, 2000);
        h.collect(GcKind::Minor, &mut r);
        h.collect(GcKind::Minor, &mut r);
        assert_eq!(h.take_gc_error(), None);
        assert!(h.runway_want > 0, "the list was promoted");
        assert!(h.runway_short());
        // Garbage allocation (nothing new kept), short of the next collection: the steps
        // extend the runway, a step's pages at a time, never past what is wanted.
        let t = h.register_type(32, &[]);
        for _ in 0..700 {
            h.alloc(t, 1).unwrap();
        }
        let (have, want) = (h.old.runway(), h.runway_want);
        assert!(
            have >= want.min(STEP_PAGES * PAGE),
            "runway {have} of {want}"
        );
        assert!(have < want + PAGE, "runway {have} of {want}");
    }

    /// A program that promotes nothing touches no runway (its memory stays as it was).
    #[test]
    fn no_promotion_no_runway() {
        let mut h = heap();
        let mut r = Root(h.alloc_stack(1 << 16).unwrap().base);
        let t = h.register_type(32, &[]);
        for _ in 0..20 {
            for _ in 0..1000 {
                h.alloc(t, 1).unwrap();
            }
            h.collect(GcKind::Minor, &mut r);
        }
        assert_eq!(h.runway_want, 0);
        assert_eq!(h.old.runway(), 0);
    }
}
