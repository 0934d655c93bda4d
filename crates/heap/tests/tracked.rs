//! Tests of the tracked objects (`tracked.rs`): each collection counts, per tag, the
//! tracked objects that survived while young, were promoted, or died, and follows the
//! ones that moved.

use gosub_heap::tracked::Fates;
use gosub_heap::*;

mod common;
use common::{collect, heap, Roots};

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
