//! Tests of heap images (`image.rs`): a heap stamped from an image holds the same
//! objects at the same addresses, with the same type ids and counters, keeps working as a
//! heap (its objects survive and move in collections), and an image is refused once the
//! heap holds more than bump-allocated memory.

use gosub_heap::*;

fn heap() -> Heap {
    Heap::new(HeapConfig {
        nursery_bytes: 128 << 10,
        verify: true,
        reserve_bytes: 1 << 30,
        ..HeapConfig::default()
    })
    .unwrap()
}

/// A heap holding a static string, a global block pointing at a young two-word node
/// `{next, value}` that points at a second node, as a program's initialisers leave it.
fn initialised() -> (Heap, Addr, Addr, GcTypeId) {
    let mut h = heap();
    let s = h.alloc_static(b"hello, image").unwrap();
    let node = h.register_type(16, &[0]);
    let g = h.globals(16, &[0]).unwrap();
    let a = h.alloc(node, 1).unwrap();
    let b = h.alloc(node, 1).unwrap();
    h.write_u64(a, b).unwrap();
    h.write_u64(a + 8, 41).unwrap();
    h.write_u64(b + 8, 42).unwrap();
    h.write_u64(g, a).unwrap();
    h.write_u64(g + 8, s).unwrap();
    (h, s, g, node)
}

#[test]
fn a_stamped_heap_holds_the_same_objects_at_the_same_addresses() {
    let (h, s, g, node) = initialised();
    let image = h.image().expect("only bump-allocated memory");
    let mut k = heap();
    assert!(k.stamp(&image));
    assert_eq!(k.bytes(s, 12).unwrap(), b"hello, image");
    assert_eq!(k.read_u64(g + 8).unwrap(), s);
    let a = k.read_u64(g).unwrap();
    let b = k.read_u64(a).unwrap();
    assert_eq!(
        (k.read_u64(a + 8).unwrap(), k.read_u64(b + 8).unwrap()),
        (41, 42)
    );
    // The same type ids: registering the node's layout again finds the image's id.
    assert_eq!(k.register_type(16, &[0]), node);
    let (m0, m1) = (h.mem_stats(), k.mem_stats());
    assert_eq!(
        (m1.mallocs, m1.total_alloc, m1.heap_alloc, m1.heap_objects),
        (m0.mallocs, m0.total_alloc, m0.heap_alloc, m0.heap_objects)
    );
    assert_eq!(m1.mallocs, 2);
    // The next allocation lands where it would have in the original heap.
    let mut h = h;
    assert_eq!(k.alloc(node, 1).unwrap(), h.alloc(node, 1).unwrap());
}

#[test]
fn a_stamped_heap_collects_the_image_objects_like_its_own() {
    let (h, _, g, _) = initialised();
    let image = h.image().unwrap();
    let mut k = heap();
    assert!(k.stamp(&image));
    let before = k.read_u64(g).unwrap();
    // The global block is a root of the stamped heap too: the nodes survive, moved out of
    // the nursery, and the verifier finds every pointer sound.
    k.collect(GcKind::Minor, &mut NoRoots);
    k.collect(GcKind::Full, &mut NoRoots);
    assert_eq!(k.take_gc_error(), None);
    k.verify(&mut NoRoots).unwrap();
    let a = k.read_u64(g).unwrap();
    assert_ne!(a, before, "the first node moved");
    let b = k.read_u64(a).unwrap();
    assert_eq!(
        (k.read_u64(a + 8).unwrap(), k.read_u64(b + 8).unwrap()),
        (41, 42)
    );
    assert_eq!(k.mem_stats().heap_objects, 2);
}

#[test]
fn a_heap_that_collected_or_made_handles_has_no_image() {
    let (mut h, _, g, _) = initialised();
    let a = h.read_u64(g).unwrap();
    let handle = h.new_handle(a);
    assert!(h.image().is_none(), "a handle is outside the bump regions");
    h.drop_handle(handle);
    assert!(h.image().is_none(), "handle ids would differ");
    let (mut h, _, _, _) = initialised();
    assert!(h.image().is_some());
    h.collect(GcKind::Minor, &mut NoRoots);
    assert!(h.image().is_none(), "a collection has run");
}

#[test]
fn only_a_fresh_heap_of_the_same_layout_takes_an_image() {
    let (h, _, _, _) = initialised();
    let image = h.image().unwrap();
    let mut used = heap();
    used.alloc_static(b"x").unwrap();
    assert!(!used.stamp(&image), "the statics are not empty");
    let other = |nursery_bytes, reserve_bytes| {
        Heap::new(HeapConfig {
            nursery_bytes,
            reserve_bytes,
            ..HeapConfig::default()
        })
        .unwrap()
    };
    // The regions' offsets follow from the reservation: the image's addresses would be
    // another region's in a heap of another size.
    assert!(
        !other(128 << 10, 2 << 30).stamp(&image),
        "another reservation"
    );
    assert!(!other(64 << 10, 1 << 30).stamp(&image), "another nursery");
    assert!(other(128 << 10, 1 << 30).stamp(&image));
}
