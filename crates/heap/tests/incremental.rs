//! Incremental marking (crates/heap/src/incremental.rs): the barrier's cases, driven a step
//! at a time. Each test builds old objects, starts a cycle, colours some objects black by
//! stepping, then changes pointers as a program would; the verifier (on in `common::heap`)
//! checks at the termination that the tri-colour invariant held and, after it, that every
//! reachable object is still allocated. Each test also checks that the object it saves
//! keeps its contents (and some that garbage is still freed).

use gosub_heap::incremental::Colour;
use gosub_heap::*;

#[allow(dead_code)] // (this file keeps its own root slots, below)
mod common;

/// Root slots in a stack; the collector sees the first `seen` of them (the others stand
/// for a goroutine stack a minor collection skips because it was clean).
struct Roots {
    base: Addr,
    seen: u64,
}

impl Roots {
    fn new(h: &mut Heap) -> Roots {
        let base = h.alloc_stack(1 << 20).unwrap().base;
        Roots { base, seen: 4 }
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
        for i in 0..self.seen {
            v(self.base + 8 * i);
        }
    }
}

/// Collects, and fails the test on a verifier error.
fn collect(h: &mut Heap, r: &mut Roots, kind: GcKind) {
    h.collect(kind, r);
    assert_eq!(h.take_gc_error(), None);
}

/// A heap with a 128 KiB nursery, the verifier on, and 1 GiB reserved.
fn heap() -> Heap {
    common::heap()
}

/// A node: word 0 a pointer, word 1 an integer.
fn node_type(h: &mut Heap) -> GcTypeId {
    h.register_type(16, &[0])
}

/// An old node holding `key`, left in root slot `slot`.
fn old_node(h: &mut Heap, r: &mut Roots, t: GcTypeId, slot: u64, key: u64) -> Addr {
    let a = h.alloc(t, 1).unwrap();
    h.write_u64(a + 8, key).unwrap();
    r.set(h, slot, a);
    for _ in 0..3 {
        collect(h, r, GcKind::Minor);
    }
    let a = r.get(h, slot);
    assert!(h.layout().old.base() <= a && a < h.layout().old.end());
    a
}

fn next(h: &Heap, a: Addr) -> Addr {
    h.read_u64(a).unwrap()
}

/// Starts a cycle (a minor collection shades the roots).
fn start(h: &mut Heap, r: &mut Roots) {
    h.request_marking();
    collect(h, r, GcKind::Minor);
    assert!(h.marking());
}

/// Steps until marking is done, collects (the root rescan, then the termination), and so
/// on until the cycle is over.
fn finish(h: &mut Heap, r: &mut Roots) {
    for _ in 0..2 {
        step_until_due(h);
        collect(h, r, GcKind::Minor);
    }
    assert!(!h.marking(), "the termination ends the cycle");
}

/// Steps until marking is done for now (the next collection is the rescan or the
/// termination).
fn step_until_due(h: &mut Heap) {
    for _ in 0..1_000_000 {
        if h.mark_step(1) {
            break;
        }
    }
}

#[test]
fn a_pointer_moved_from_an_unscanned_object_to_a_scanned_one() {
    let mut h = heap();
    let mut r = Roots::new(&mut h);
    let t = node_type(&mut h);
    // a -> b -> w, all old; only a is a root.
    let w = old_node(&mut h, &mut r, t, 2, 77);
    let b = old_node(&mut h, &mut r, t, 1, 2);
    let a = old_node(&mut h, &mut r, t, 0, 1);
    h.write_ptr(b, w).unwrap();
    h.write_ptr(a, b).unwrap();
    r.set(&mut h, 1, 0);
    r.set(&mut h, 2, 0);
    let garbage = old_node(&mut h, &mut r, t, 3, 5);
    r.set(&mut h, 3, 0);
    start(&mut h, &mut r);
    h.mark_step(1); // scans a, shades b
    assert_eq!(h.colour(a), Some(Colour::Black));
    assert_eq!(h.colour(b), Some(Colour::Grey));
    assert_eq!(h.colour(w), Some(Colour::White));
    // The pointer to w moves from b (unscanned) into a (scanned).
    h.write_ptr(a, w).unwrap();
    h.write_ptr(b, 0).unwrap();
    finish(&mut h, &mut r);
    assert_eq!(next(&h, a), w);
    assert_eq!(h.read_u64(w + 8).unwrap(), 77, "w kept its contents");
    assert_eq!(h.object_base(w), Some(w), "w is still allocated");
    assert_ne!(h.object_base(garbage), Some(garbage), "garbage is freed");
    // b died grey: it floats until the next cycle frees it.
    assert_eq!(h.object_base(b), Some(b));
    start(&mut h, &mut r);
    finish(&mut h, &mut r);
    assert_ne!(h.object_base(b), Some(b), "b is freed by the next cycle");
}

#[test]
fn a_pointer_stored_into_a_black_object() {
    let mut h = heap();
    let mut r = Roots::new(&mut h);
    let t = node_type(&mut h);
    let w = old_node(&mut h, &mut r, t, 1, 88);
    let a = old_node(&mut h, &mut r, t, 0, 1);
    // The minor collection that starts the cycle sees only slot 0 (slot 1 is a clean
    // stack it skips), so w stays white.
    r.seen = 1;
    start(&mut h, &mut r);
    h.mark_step(1);
    assert_eq!(h.colour(a), Some(Colour::Black));
    assert_eq!(h.colour(w), Some(Colour::White));
    // The program stores w into black a and forgets its own copy.
    h.write_ptr(a, w).unwrap();
    r.set(&mut h, 1, 0);
    r.seen = 4;
    finish(&mut h, &mut r);
    assert_eq!(next(&h, a), w);
    assert_eq!(h.read_u64(w + 8).unwrap(), 88);
    assert_eq!(h.object_base(w), Some(w));
}

#[test]
fn a_young_object_referenced_only_from_a_black_old_object() {
    let mut h = heap();
    let mut r = Roots::new(&mut h);
    let t = node_type(&mut h);
    // w is old and white, reachable only through b (old, in the roots) until the young
    // object y takes the pointer and b drops it.
    let w = old_node(&mut h, &mut r, t, 2, 55);
    let b = old_node(&mut h, &mut r, t, 1, 2);
    let a = old_node(&mut h, &mut r, t, 0, 1);
    h.write_ptr(b, w).unwrap();
    r.set(&mut h, 2, 0);
    r.seen = 1; // b is on a clean stack: a white object the steps never reach
    start(&mut h, &mut r);
    h.mark_step(1);
    assert_eq!(h.colour(a), Some(Colour::Black));
    assert_eq!(h.colour(b), Some(Colour::White));
    // A young object, referenced only from a (black), takes the pointer to w.
    let y = h.alloc(t, 1).unwrap();
    h.write_u64(y + 8, 7).unwrap();
    h.write_ptr(y, w).unwrap();
    h.write_ptr(a, y).unwrap();
    h.write_ptr(b, 0).unwrap();
    r.set(&mut h, 1, 0);
    r.seen = 4;
    assert_eq!(h.colour(w), Some(Colour::White));
    finish(&mut h, &mut r);
    let y = next(&h, a);
    assert_ne!(y, 0);
    assert_eq!(h.read_u64(y + 8).unwrap(), 7, "y survived (and moved)");
    assert_eq!(next(&h, y), w);
    assert_eq!(h.read_u64(w + 8).unwrap(), 55);
    assert_eq!(h.object_base(w), Some(w));
}

#[test]
fn an_object_promoted_during_the_cycle_is_white_and_freed_by_it_if_it_dies() {
    let mut h = heap();
    let mut r = Roots::new(&mut h);
    let t = node_type(&mut h);
    let a = old_node(&mut h, &mut r, t, 0, 1);
    start(&mut h, &mut r);
    // A temporary the program holds across minor collections until it is promoted.
    let y = h.alloc(t, 1).unwrap();
    h.write_u64(y + 8, 9).unwrap();
    r.set(&mut h, 1, y);
    for _ in 0..3 {
        collect(&mut h, &mut r, GcKind::Minor);
    }
    let y = r.get(&h, 1);
    assert!(h.layout().old.base() <= y && y < h.layout().old.end());
    assert_eq!(h.colour(y), Some(Colour::White), "promoted white");
    r.set(&mut h, 1, 0);
    finish(&mut h, &mut r);
    assert_ne!(h.object_base(y), Some(y), "freed by the cycle it died in");
    assert_eq!(h.object_base(a), Some(a));
}

#[test]
fn a_promoted_object_held_only_by_a_black_object_whose_card_promoted_it() {
    let mut h = heap();
    let mut r = Roots::new(&mut h);
    let t = node_type(&mut h);
    let a = old_node(&mut h, &mut r, t, 0, 1);
    start(&mut h, &mut r);
    h.mark_step(1);
    assert_eq!(h.colour(a), Some(Colour::Black));
    // y is young, referenced from black a (a generational card) and from a root, which
    // the minor collection reaches first: y is promoted through the root, and a's card,
    // cleaned in the same collection, must shade it.
    let y = h.alloc(t, 1).unwrap();
    h.write_u64(y + 8, 66).unwrap();
    h.write_ptr(a, y).unwrap();
    r.set(&mut h, 1, y);
    for _ in 0..3 {
        collect(&mut h, &mut r, GcKind::Minor);
    }
    let y = next(&h, a);
    assert_eq!(r.get(&h, 1), y);
    assert!(h.layout().old.base() <= y && y < h.layout().old.end());
    assert_eq!(h.colour(y), Some(Colour::Grey), "shaded through a's card");
    // The root lets go: only black a holds y, through a clean card.
    r.set(&mut h, 1, 0);
    finish(&mut h, &mut r);
    assert_eq!(next(&h, a), y);
    assert_eq!(h.read_u64(y + 8).unwrap(), 66);
    assert_eq!(h.object_base(y), Some(y), "y is still allocated");
}

#[test]
fn a_black_objects_card_shades_what_it_promotes_and_leaves_old_targets_to_remark() {
    let mut h = heap();
    let mut r = Roots::new(&mut h);
    let t = node_type(&mut h);
    let pair = h.register_type(16, &[0, 1]);
    // a holds two pointers in one card; w is old and white, out of the marker's reach.
    let w = old_node(&mut h, &mut r, t, 1, 44);
    let a = h.alloc(pair, 1).unwrap();
    r.set(&mut h, 0, a);
    for _ in 0..3 {
        collect(&mut h, &mut r, GcKind::Minor);
    }
    let a = r.get(&h, 0);
    assert!(h.layout().old.base() <= a && a < h.layout().old.end());
    r.seen = 1; // w's slot is a clean stack the cycle's first collection skips
    start(&mut h, &mut r);
    h.mark_step(1);
    assert_eq!(h.colour(a), Some(Colour::Black));
    assert_eq!(h.colour(w), Some(Colour::White));
    // The program stores old w (a remark card) and young y (a generational card, the
    // same card) into black a, and drops its own copy of w.
    let y = h.alloc(t, 1).unwrap();
    h.write_u64(y + 8, 33).unwrap();
    h.write_ptr(a, w).unwrap();
    h.write_ptr(a + 8, y).unwrap();
    r.set(&mut h, 1, 0);
    r.seen = 4;
    for _ in 0..3 {
        collect(&mut h, &mut r, GcKind::Minor);
    }
    // The minor collections cleaned a's card: they shaded y, which it promoted, and left
    // w to the remark card (shading it there too cost a lookup per old pointer).
    let y = h.read_u64(a + 8).unwrap();
    assert!(h.layout().old.base() <= y && y < h.layout().old.end());
    assert_eq!(h.colour(y), Some(Colour::Grey), "shaded through a's card");
    assert_eq!(h.colour(w), Some(Colour::White), "left to the remark card");
    finish(&mut h, &mut r);
    assert_eq!(next(&h, a), w);
    assert_eq!(h.read_u64(w + 8).unwrap(), 44, "w kept by the remark card");
    assert_eq!(h.object_base(w), Some(w));
    assert_eq!(h.read_u64(y + 8).unwrap(), 33);
    assert_eq!(h.object_base(y), Some(y));
}

/// Old objects a -> b -> w (w's word 1 holds 66), only a a root, and a cycle started
/// with one step run: a black, b grey, w white. Returns the heap, its roots, b and w.
fn chain_marked_to_b() -> (Heap, Roots, Addr, Addr) {
    let mut h = heap();
    let mut r = Roots::new(&mut h);
    let t = node_type(&mut h);
    let w = old_node(&mut h, &mut r, t, 2, 66);
    let b = old_node(&mut h, &mut r, t, 1, 2);
    let a = old_node(&mut h, &mut r, t, 0, 1);
    h.write_ptr(b, w).unwrap();
    h.write_ptr(a, b).unwrap();
    r.set(&mut h, 1, 0);
    r.set(&mut h, 2, 0);
    start(&mut h, &mut r);
    h.mark_step(1);
    (h, r, b, w)
}

#[test]
fn a_stack_that_acquires_the_only_reference_to_a_white_object() {
    let (mut h, mut r, b, w) = chain_marked_to_b();
    assert_eq!(h.colour(b), Some(Colour::Grey));
    assert_eq!(h.colour(w), Some(Colour::White));
    // The stack (no barrier) loads w and the heap drops it.
    r.set(&mut h, 3, w);
    h.write_ptr(b, 0).unwrap();
    // The steps finish without ever seeing w...
    for _ in 0..100 {
        if h.mark_step(1) {
            break;
        }
    }
    assert_eq!(h.colour(w), Some(Colour::White));
    // ... and the root rescan (or else the termination) re-scans the stack.
    finish(&mut h, &mut r);
    assert_eq!(r.get(&h, 3), w);
    assert_eq!(h.read_u64(w + 8).unwrap(), 66);
    assert_eq!(h.object_base(w), Some(w));
}

#[test]
fn a_store_that_skips_the_barrier_is_caught_at_termination() {
    let mut h = heap();
    let mut r = Roots::new(&mut h);
    let t = node_type(&mut h);
    let w = old_node(&mut h, &mut r, t, 1, 44);
    let a = old_node(&mut h, &mut r, t, 0, 1);
    r.set(&mut h, 1, 0);
    start(&mut h, &mut r);
    h.mark_step(1);
    assert_eq!(h.colour(a), Some(Colour::Black));
    assert_eq!(h.colour(w), Some(Colour::White));
    let p = h.translate(a, 8).unwrap();
    // SAFETY: `translate` checked the 8 bytes at `a` (a live old object's first word);
    // this store deliberately bypasses the write barrier.
    unsafe { (p as *mut u64).write_unaligned(w) };
    // The root rescan (it sees nothing: `w` is only in `a`), then the termination.
    for _ in 0..2 {
        step_until_due(&mut h);
        h.collect(GcKind::Minor, &mut r);
    }
    assert!(!h.marking());
    let e = h
        .take_gc_error()
        .expect("the verifier reports the broken invariant");
    assert!(e.contains("points to white"), "{e}");
}

#[test]
fn a_forced_collection_aborts_the_cycle_and_frees_what_died_during_it() {
    let mut h = heap();
    let mut r = Roots::new(&mut h);
    let t = node_type(&mut h);
    let w = old_node(&mut h, &mut r, t, 1, 33);
    start(&mut h, &mut r);
    for _ in 0..10 {
        h.mark_step(1);
    }
    assert_eq!(h.colour(w), Some(Colour::Black));
    r.set(&mut h, 1, 0);
    collect(&mut h, &mut r, GcKind::Full);
    assert!(!h.marking());
    assert_ne!(
        h.object_base(w),
        Some(w),
        "runtime.GC frees what died during the cycle"
    );
}

#[test]
fn incremental_off_marks_in_one_pause() {
    let mut c = HeapConfig {
        verify: true,
        reserve_bytes: 1 << 30,
        ..HeapConfig::default()
    };
    c.apply_spec("incremental=off").unwrap();
    let mut h = Heap::new(c).unwrap();
    h.request_marking();
    let mut r = Roots::new(&mut h);
    collect(&mut h, &mut r, GcKind::Minor);
    assert!(!h.marking());
}

#[test]
fn the_old_space_is_swept_lazily_after_a_cycle_as_the_program_allocates() {
    let mut h = heap();
    let mut r = Roots::new(&mut h);
    let t = node_type(&mut h);
    // A chain of 3,000 nodes in root slot 1, made old.
    for i in 0..3000 {
        let n = match h.alloc(t, 1) {
            Ok(n) => n,
            Err(_) => {
                collect(&mut h, &mut r, GcKind::Minor);
                h.alloc(t, 1).unwrap()
            }
        };
        h.write_u64(n + 8, i).unwrap();
        h.write_ptr(n, r.get(&h, 1)).unwrap();
        r.set(&mut h, 1, n);
    }
    for _ in 0..3 {
        collect(&mut h, &mut r, GcKind::Minor);
    }
    let live = old_node(&mut h, &mut r, t, 0, 42);
    let dead = r.get(&h, 1);
    assert_eq!(h.read_u64(dead + 8).unwrap(), 2999);
    r.set(&mut h, 1, 0);
    let before = h.mem_stats();
    start(&mut h, &mut r);
    // Young nodes off the chain's first (white) nodes, which the termination will find
    // dead: dead objects in spans not yet swept then hold pointers to young objects that
    // no longer exist, which the card scans and the verifier must not follow.
    let mut p = dead;
    for _ in 0..50 {
        let y = h.alloc(t, 1).unwrap();
        let next = h.read_u64(p).unwrap();
        h.write_ptr(y, next).unwrap();
        h.write_ptr(p, y).unwrap();
        p = next;
    }
    finish(&mut h, &mut r);
    assert!(
        h.sweep_pending(),
        "the termination leaves the sweep to later"
    );
    let after_termination = h.mem_stats();
    assert!(
        after_termination.heap_alloc + 3000 * 16 > before.heap_alloc,
        "the dead nodes are still counted in HeapAlloc before their spans are swept"
    );
    // Allocation sweeps: young garbage, with minor collections (verified) in between.
    for _ in 0..50_000 {
        if h.alloc(t, 1).is_err() {
            collect(&mut h, &mut r, GcKind::Minor);
        }
        if !h.sweep_pending() {
            break;
        }
    }
    assert!(!h.sweep_pending(), "allocation swept every span");
    let m = h.mem_stats();
    assert!(
        m.frees >= after_termination.frees + 3000,
        "the chain was freed"
    );
    assert_eq!(m.heap_objects, m.mallocs - m.frees);
    assert!(m.old_bytes + 3000 * 16 <= after_termination.old_bytes);
    assert_eq!(h.read_u64(live + 8).unwrap(), 42);
    assert_eq!(h.object_base(live), Some(live));
    assert_ne!(h.object_base(dead), Some(dead), "the chain's head is freed");
}

#[test]
fn the_heap_limit_counts_no_garbage_a_lazy_sweep_still_holds() {
    let limit = 8u64 << 20;
    let c = HeapConfig {
        nursery_bytes: 128 << 10,
        verify: true,
        reserve_bytes: 1 << 30,
        heap_limit: Some(limit),
        ..HeapConfig::default()
    };
    let mut h = Heap::new(c).unwrap();
    let mut r = Roots::new(&mut h);
    // About 3 MiB of old byte arrays, then garbage.
    let arr = h.alloc(GcTypeId::POINTER, 700).unwrap();
    r.set(&mut h, 0, arr);
    for i in 0..700u64 {
        let b = match h.alloc(GcTypeId::BYTES, 4096) {
            Ok(b) => b,
            Err(_) => {
                collect(&mut h, &mut r, GcKind::Minor);
                h.alloc(GcTypeId::BYTES, 4096).unwrap()
            }
        };
        let arr = r.get(&h, 0);
        h.write_ptr(arr + 8 * i, b).unwrap();
    }
    for _ in 0..3 {
        collect(&mut h, &mut r, GcKind::Minor);
    }
    r.set(&mut h, 0, 0);
    start(&mut h, &mut r);
    // An allocation that fits only once that garbage is freed: the collection it asks
    // for terminates the cycle, whose sweep is lazy; the retry must not fail.
    h.alloc(GcTypeId::BYTES, 8).unwrap(); // (not right after a collection)
    let in_use = h.mem_stats().heap_alloc;
    assert!(in_use > 3 << 20, "{in_use}");
    let size = (limit - in_use + (2 << 20)) as usize;
    let a = match h.alloc(GcTypeId::BYTES, size) {
        Ok(a) => a,
        Err(AllocError::NeedsCollection) => {
            collect(&mut h, &mut r, GcKind::Minor);
            assert!(!h.marking(), "the limit's collection terminated the cycle");
            h.alloc(GcTypeId::BYTES, size)
                .expect("fits once the cycle's garbage is swept")
        }
        Err(e) => panic!("{e}"),
    };
    assert!(a != 0);
    assert!(h.mem_stats().heap_alloc <= limit);
}

#[test]
fn a_termination_leaves_giving_back_dead_large_objects_pages_to_the_sweep() {
    let mut h = heap();
    let mut r = Roots::new(&mut h);
    // A live small object, and a dead 4 MiB byte array full of ones (its allocation may
    // start a cycle).
    old_node_keep(&mut h, &mut r);
    let big = alloc_retry(&mut h, &mut r, 4 << 20);
    h.write_bytes(big, &vec![1u8; 4 << 20]).unwrap();
    let released_before = h.mem_stats().heap_released;
    if !h.marking() {
        start(&mut h, &mut r);
    }
    finish(&mut h, &mut r);
    let m = h.mem_stats();
    assert!(h.object_base(big).is_none(), "freed by the termination");
    assert!(
        m.heap_released < released_before + (4 << 20),
        "its pages are not given back in the termination's pause"
    );
    // A large allocation over the same run reads as zero all the same.
    let again = alloc_retry(&mut h, &mut r, 4 << 20);
    assert_eq!(again, big, "the run is reused");
    let bytes = h.bytes(again, 4 << 20).unwrap();
    assert!(bytes.iter().all(|&b| b == 0), "a reused run reads as zero");
    // Dead again: the sweep steps give its pages back as the program allocates.
    if !h.marking() {
        start(&mut h, &mut r);
    }
    finish(&mut h, &mut r);
    assert!(h.object_base(again).is_none());
    let pending = h.mem_stats().heap_released;
    for _ in 0..10_000 {
        if h.alloc(GcTypeId::BYTES, 64).is_err() {
            collect(&mut h, &mut r, GcKind::Minor);
        }
    }
    assert!(
        h.mem_stats().heap_released >= pending + (4 << 20),
        "the sweep gave the pages back"
    );
}

/// A byte array of `n` bytes, after the collections the heap asks for.
fn alloc_retry(h: &mut Heap, r: &mut Roots, n: usize) -> Addr {
    for _ in 0..4 {
        match h.alloc(GcTypeId::BYTES, n) {
            Ok(a) => return a,
            Err(_) => collect(h, r, GcKind::Minor),
        }
    }
    panic!("no room after four collections");
}

/// Keeps one old node alive in root slot 1.
fn old_node_keep(h: &mut Heap, r: &mut Roots) {
    let t = node_type(h);
    old_node(h, r, t, 1, 7);
}

#[test]
fn the_root_rescan_shades_what_the_stack_acquired_and_later_allocations_are_black() {
    let (mut h, mut r, b, w) = chain_marked_to_b();
    // The stack (no barrier) loads w and the heap drops it: the steps never see it.
    r.set(&mut h, 3, w);
    h.write_ptr(b, 0).unwrap();
    step_until_due(&mut h);
    assert_eq!(h.colour(w), Some(Colour::White));
    let before = h.alloc(GcTypeId::BYTES, 100_000).unwrap();
    assert_eq!(
        h.colour(before),
        Some(Colour::White),
        "allocated white before the rescan"
    );
    r.set(&mut h, 2, before);
    // The next collection is the rescan, a minor one: the cycle goes on, w is shaded.
    collect(&mut h, &mut r, GcKind::Minor);
    assert!(h.marking(), "the rescan does not end the cycle");
    assert_ne!(h.colour(w), Some(Colour::White));
    assert_ne!(h.colour(before), Some(Colour::White), "the stack held it");
    let after = h.alloc(GcTypeId::BYTES, 100_000).unwrap();
    assert_eq!(
        h.colour(after),
        Some(Colour::Black),
        "allocated black after it"
    );
    // Then the termination.
    step_until_due(&mut h);
    collect(&mut h, &mut r, GcKind::Minor);
    assert!(!h.marking());
    assert_eq!(h.read_u64(w + 8).unwrap(), 66);
    assert!(
        h.object_base(after).is_some(),
        "black: kept through the cycle"
    );
}
