//! Tests of the collection log (`gc_log.rs`): kept only when asked, one record per
//! collection with every space's size before and after.

use gosub_heap::*;

#[test]
fn each_collection_is_logged_with_its_spaces_before_and_after() {
    let mut h = Heap::new(HeapConfig {
        nursery_bytes: 128 << 10,
        verify: true,
        reserve_bytes: 1 << 30,
        ..HeapConfig::default()
    })
    .unwrap();
    assert!(h.gc_log().is_none(), "off by default");
    h.collect(GcKind::Minor, &mut NoRoots);
    h.alloc(GcTypeId::BYTES, 8).unwrap();
    h.keep_gc_log(true);
    assert_eq!(h.gc_log(), Some(&[][..]));
    assert_eq!(
        h.gc_log_start().1,
        h.spaces(),
        "the spaces when the log started"
    );
    assert_eq!(h.gc_log_start().1.nursery, 16);
    for _ in 0..10 {
        h.alloc(GcTypeId::BYTES, 100).unwrap();
    }
    let large = h.alloc(GcTypeId::BYTES, 64 << 10).unwrap();
    assert!(!h.is_young(large));
    let before = h.spaces();
    assert_eq!(
        before.nursery,
        16 + 10 * (100 + 8 + 4),
        "ten 112-byte cells after 16"
    );
    assert!(before.large >= 64 << 10);
    h.collect(GcKind::Minor, &mut NoRoots);
    h.collect(GcKind::Major, &mut NoRoots);
    let log = h.gc_log().unwrap();
    assert_eq!(log.len(), 2);
    let (minor, major) = (log[0], log[1]);
    assert_eq!(
        (minor.n, minor.kind, minor.forced),
        (2, GcKind::Minor, false)
    );
    assert_eq!(minor.before, before);
    assert_eq!(minor.after.nursery, 0, "nothing survived");
    assert_eq!(
        minor.after.large, before.large,
        "a minor collection leaves large objects"
    );
    assert_eq!(
        (major.n, major.kind, major.forced),
        (3, GcKind::Major, true)
    );
    assert_eq!(
        major.after.large, 0,
        "the unreachable large object was freed"
    );
    assert!(major.at_ns >= minor.at_ns);
    assert!(major.goal > 0);
}
