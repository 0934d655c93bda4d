//! Tests of the tracked objects (`tracked.rs`): each collection counts, per tag, the
//! tracked objects that survived while young, were promoted, or died, and follows the
//! ones that moved.

use gosub_heap::tracked::Fates;
use gosub_heap::*;

fn heap() -> Heap {
    let c = HeapConfig {
        nursery_bytes: 128 << 10,
        verify: true,
        reserve_bytes: 1 << 30,
        ..HeapConfig::default()
    };
    Heap::new(c).unwrap()
}

/// Root slots in a stack.
struct Roots {
    base: Addr,
}

impl Roots {
    fn new(h: &mut Heap) -> Roots {
        Roots {
            base: h.alloc_stack(1 << 20).unwrap().base,
        }
    }
    fn get(&self, h: &Heap, i: u64) -> Addr {
        h.read_u64(self.base + 8 * i).unwrap()
    }
    fn set(&self, h: &mut Heap, i: u64, v: Addr) {
        h.write_u64(self.base + 8 * i, v).unwrap()
    }
}

impl RootSource for Roots {
    fn visit_roots(&mut self, v: &mut dyn FnMut(Addr)) {
        for i in 0..4 {
            v(self.base + 8 * i);
        }
    }
}

fn collect(h: &mut Heap, r: &mut Roots, kind: GcKind) {
    h.collect(kind, r);
    assert_eq!(h.take_gc_error(), None);
}

fn fates(h: &Heap, tag: usize) -> Fates {
    h.tag_fates().get(tag).copied().unwrap_or_default()
}

#[test]
fn fates_are_counted_once_per_object_and_tag() {
    let mut h = heap();
    let mut r = Roots::new(&mut h);
    let kept = h.alloc(GcTypeId::BYTES, 24).unwrap();
    h.track(kept, 0, 32);
    let dies = h.alloc(GcTypeId::BYTES, 40).unwrap();
    h.track(dies, 1, 48);
    let untracked = h.alloc(GcTypeId::BYTES, 24).unwrap();
    let large = h.alloc(GcTypeId::BYTES, 64 << 10).unwrap();
    assert!(!h.is_young(large), "a large object is old from birth");
    h.track(large, 2, 64 << 10);
    r.set(&mut h, 0, kept);
    r.set(&mut h, 1, large);
    r.set(&mut h, 2, untracked);
    assert_eq!(h.tracked_count(), 3);

    collect(&mut h, &mut r, GcKind::Minor);
    assert_ne!(r.get(&h, 0), kept, "moved out of the nursery");
    let survived_once = Fates {
        survived_objects: 1,
        survived_bytes: 32,
        ..Fates::default()
    };
    assert_eq!(fates(&h, 0), survived_once);
    let died = Fates {
        freed_objects: 1,
        freed_bytes: 48,
        ..Fates::default()
    };
    assert_eq!(fates(&h, 1), died);
    assert_eq!(fates(&h, 2), Fates::default());
    assert_eq!(h.tracked_count(), 2);

    // A second minor collection moves it again (between survivor spaces): counted once.
    collect(&mut h, &mut r, GcKind::Minor);
    if h.is_young(r.get(&h, 0)) {
        assert_eq!(fates(&h, 0), survived_once);
    }
    // A major collection promotes every young object.
    collect(&mut h, &mut r, GcKind::Major);
    assert!(!h.is_young(r.get(&h, 0)));
    let promoted = Fates {
        promoted_objects: 1,
        promoted_bytes: 32,
        ..survived_once
    };
    assert_eq!(fates(&h, 0), promoted);

    // Followed to its new address: it dies there.
    r.set(&mut h, 0, 0);
    r.set(&mut h, 1, 0);
    collect(&mut h, &mut r, GcKind::Major);
    assert_eq!(
        fates(&h, 0),
        Fates {
            freed_objects: 1,
            freed_bytes: 32,
            ..promoted
        }
    );
    assert_eq!(
        fates(&h, 2),
        Fates {
            freed_objects: 1,
            freed_bytes: 64 << 10,
            ..Fates::default()
        },
        "the large object died without surviving or being promoted"
    );
    assert_eq!(fates(&h, 1), died, "counted once");
    assert_eq!(h.tracked_count(), 0);
}

#[test]
fn an_object_promoted_straight_from_the_nursery_survived_and_was_promoted() {
    let mut h = heap();
    let mut r = Roots::new(&mut h);
    let a = h.alloc(GcTypeId::BYTES, 16).unwrap();
    h.track(a, 5, 24);
    r.set(&mut h, 0, a);
    collect(&mut h, &mut r, GcKind::Major);
    assert_eq!(
        fates(&h, 5),
        Fates {
            survived_objects: 1,
            survived_bytes: 24,
            promoted_objects: 1,
            promoted_bytes: 24,
            ..Fates::default()
        }
    );
    assert_eq!(h.tag_fates().len(), 6, "indexed by tag");
}
