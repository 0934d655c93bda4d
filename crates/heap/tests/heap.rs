//! Behavioural tests of the heap through its public API only.

use gosub_heap::*;

const NURSERY: u64 = 256 << 10;

fn config() -> HeapConfig {
    HeapConfig {
        nursery_bytes: NURSERY,
        verify: true,
        reserve_bytes: 1 << 30,
        ..HeapConfig::default()
    }
}

fn heap() -> Heap {
    Heap::new(config()).expect("heap")
}

/// Roots kept in a VM stack: `n` pointer slots at the start of a stack.
struct StackRoots {
    base: Addr,
    n: usize,
}

impl StackRoots {
    fn new(h: &mut Heap, n: usize) -> StackRoots {
        let st = h.alloc_stack(1 << 20).unwrap();
        h.grow_stack(st.base, st.base + 8 * n as u64).unwrap();
        StackRoots { base: st.base, n }
    }
    fn slot(&self, i: usize) -> Addr {
        assert!(i < self.n);
        self.base + 8 * i as u64
    }
    fn get(&self, h: &Heap, i: usize) -> Addr {
        h.read_u64(self.slot(i)).unwrap()
    }
    fn set(&self, h: &mut Heap, i: usize, v: Addr) {
        h.write_u64(self.slot(i), v).unwrap()
    }
}

impl RootSource for StackRoots {
    fn visit_roots(&mut self, v: &mut dyn FnMut(Addr)) {
        for i in 0..self.n {
            v(self.base + 8 * i as u64);
        }
    }
}

/// The VM protocol: on NeedsCollection collect and retry once; the retry
/// must not ask for another collection.
fn alloc(h: &mut Heap, roots: &mut dyn RootSource, ty: GcTypeId, n: usize) -> Addr {
    match h.alloc(ty, n) {
        Ok(a) => a,
        Err(AllocError::NeedsCollection) => {
            h.collect(GcKind::Minor, roots);
            h.alloc(ty, n)
                .expect("allocation must succeed after a collection")
        }
        Err(e) => panic!("alloc: {e}"),
    }
}

#[test]
fn bump_allocation_is_aligned_increasing_and_zeroed() {
    let mut h = heap();
    let mut prev = 0;
    let mut addrs = Vec::new();
    for i in 0..1000 {
        let a = h.alloc(GcTypeId::BYTES, i % 40).unwrap();
        assert_eq!(a % 8, 0);
        assert!(a > prev);
        assert!((ARENA_BASE..ARENA_BASE + (1 << 24)).contains(&a), "{a:#x}");
        assert!(h.bytes(a, i % 40).unwrap().iter().all(|&b| b == 0));
        h.fill_zero(a, i % 40).unwrap();
        if i % 40 > 0 {
            h.bytes_mut(a, i % 40).unwrap().fill(0xAB);
        }
        prev = a;
        addrs.push(a);
    }
    // First object sits right after its header at the arena start, so
    // pointers print like Go's.
    assert_eq!(addrs[0], 0xc000000008);
    assert_eq!(format!("{:#x}", addrs[1]), "0xc000000018");
    // Dirty memory is reused after collections and must come back zeroed.
    let mut r = NoRoots;
    h.collect(GcKind::Minor, &mut r);
    h.collect(GcKind::Minor, &mut r);
    for _ in 0..1000 {
        let a = h.alloc(GcTypeId::BYTES, 39).unwrap();
        assert!(h.bytes(a, 39).unwrap().iter().all(|&b| b == 0));
        h.bytes_mut(a, 39).unwrap().fill(0xCD);
    }
    let s = h.stats();
    assert_eq!(s.mallocs, 2000);
    assert_eq!(s.frees, 1000);
}

#[test]
fn array_of_structs_bitmap_repeats_per_element() {
    let mut h = heap();
    // struct { a *[8]byte; n int; c *[8]byte }
    let t = h.register_type(24, &[0, 2]);
    let mut roots = StackRoots::new(&mut h, 2);
    let arr = alloc(&mut h, &mut roots, t, 100);
    roots.set(&mut h, 0, arr);
    let decoy = alloc(&mut h, &mut roots, GcTypeId::BYTES, 8);
    for i in 0..100u64 {
        let a = alloc(&mut h, &mut roots, GcTypeId::BYTES, 8);
        h.write_u64(a, i).unwrap();
        let c = alloc(&mut h, &mut roots, GcTypeId::BYTES, 8);
        h.write_u64(c, 1000 + i).unwrap();
        let arr = roots.get(&h, 0);
        let e = arr + 24 * i;
        h.write_ptr(e, a).unwrap();
        // A non-pointer word holding a pointer-looking value must not be
        // touched (nor keep its target alive).
        h.write_u64(e + 8, decoy).unwrap();
        h.write_ptr(e + 16, c).unwrap();
    }
    for round in 0..3 {
        h.collect(GcKind::Major, &mut roots);
        let arr = roots.get(&h, 0);
        assert_eq!(h.object_info(arr), Some((2400, t)));
        for i in 0..100u64 {
            let e = arr + 24 * i;
            let a = h.read_u64(e).unwrap();
            let c = h.read_u64(e + 16).unwrap();
            assert_eq!(h.read_u64(a).unwrap(), i, "round {round}");
            assert_eq!(h.read_u64(c).unwrap(), 1000 + i);
            assert_eq!(h.read_u64(e + 8).unwrap(), decoy);
        }
    }
    // 1 array + 200 leaves survive; the decoy was reclaimed.
    assert_eq!(h.stats().heap_objects, 201);
}

#[test]
fn interior_pointers_are_rewritten_on_move() {
    let mut h = heap();
    // struct { x, y, z, w int }
    let t = h.register_type(32, &[]);
    let mut roots = StackRoots::new(&mut h, 4);
    let _pad = h.alloc(GcTypeId::BYTES, 100).unwrap();
    let o = h.alloc(t, 1).unwrap();
    let p = h.alloc(t, 1).unwrap();
    for k in 0..4 {
        h.write_u64(o + 8 * k, 10 + k).unwrap();
        h.write_u64(p + 8 * k, 20 + k).unwrap();
    }
    let arr = h.alloc(GcTypeId::POINTER, 10).unwrap();
    h.write_ptr(arr + 8 * 3, o + 24).unwrap(); // &o.w stored in the heap
    roots.set(&mut h, 0, o + 16); // &o.z
    roots.set(&mut h, 1, p + 32); // one past the end of p: p[len:]
    roots.set(&mut h, 2, arr + 8 * 10); // one past the end of arr
    roots.set(&mut h, 3, arr + 8 * 3); // &arr[3]
    for k in 0..4 {
        let old_o = h.object_base(roots.get(&h, 0)).unwrap();
        h.collect(GcKind::Minor, &mut roots);
        let z = roots.get(&h, 0);
        let ob = h.object_base(z).unwrap();
        if k < 2 {
            // nursery -> survivor -> old (promote_age 2)
            assert_ne!(ob, old_o, "young objects move");
        } else {
            assert_eq!(ob, old_o, "old objects do not move");
        }
        assert_eq!(z - ob, 16);
        assert_eq!(h.read_u64(z).unwrap(), 12);
        assert_eq!(h.read_u64(ob).unwrap(), 10);
        let pend = roots.get(&h, 1);
        let pb = h.object_base(pend).unwrap();
        assert_eq!(pend - pb, 32);
        assert_eq!(h.read_u64(pb + 24).unwrap(), 23);
        let aend = roots.get(&h, 2);
        let ab = h.object_base(aend).unwrap();
        assert_eq!(aend - ab, 80);
        let a3 = roots.get(&h, 3);
        assert_eq!(a3, ab + 24);
        let w = h.read_u64(a3).unwrap();
        assert_eq!(w - ob, 24);
        assert_eq!(h.read_u64(w).unwrap(), 13);
    }
    // The pad object is garbage; o, p and arr survive.
    assert_eq!(h.stats().heap_objects, 3);
}

#[test]
fn one_past_end_pointer_does_not_resolve_to_next_object() {
    let mut h = heap();
    let a = h.alloc(GcTypeId::BYTES, 16).unwrap();
    let b = h.alloc(GcTypeId::BYTES, 16).unwrap();
    assert_eq!(b, a + 24);
    assert_eq!(h.object_base(a + 16), Some(a));
    assert_eq!(h.object_base(b), Some(b));
    assert_eq!(h.object_base(b + 16), Some(b));
    assert_eq!(h.object_base(b + 24), None);
    let z = h.alloc(GcTypeId::BYTES, 0).unwrap();
    assert_eq!(h.object_base(z), Some(z));
    assert!(h.is_gc_object_addr(z));
    // Large objects whose run ends exactly on a page boundary: the end
    // pointer falls on the next run's header and still resolves to the
    // first object.
    let page = 4096;
    let l1 = h.alloc(GcTypeId::BYTES, 9 * page - 8).unwrap();
    let l2 = h.alloc(GcTypeId::BYTES, 9 * page - 8).unwrap();
    if l2 == l1 + 9 * page as u64 {
        assert_eq!(h.object_base(l1 + 9 * page as u64 - 8), Some(l1));
        assert_eq!(h.object_base(l2 - 8), Some(l1));
        assert_eq!(h.object_base(l2), Some(l2));
    }
    assert_eq!(h.object_base(l1 + 12345), Some(l1));
    let s = h.alloc_static(b"hi").unwrap();
    assert!(!h.is_gc_object_addr(s));
    assert!(!h.is_gc_object_addr(0));
}

fn list_push(h: &mut Heap, roots: &mut StackRoots, node: GcTypeId, head_slot: usize, v: u64) {
    let n = alloc(h, roots, node, 1);
    let head = roots.get(h, head_slot);
    h.write_ptr(n, head).unwrap();
    h.write_u64(n + 8, v).unwrap();
    roots.set(h, head_slot, n);
}

fn list_values(h: &Heap, mut p: Addr) -> Vec<u64> {
    let mut v = Vec::new();
    while p != 0 {
        v.push(h.read_u64(p + 8).unwrap());
        p = h.read_u64(p).unwrap();
    }
    v
}

/// tree node: { left, right *node; value int }
fn build_tree(h: &mut Heap, roots: &mut StackRoots, node: GcTypeId, depth: u32, v: u64) -> Addr {
    // Build bottom-up while keeping partial results in root slot 3..
    let n = alloc(h, roots, node, 1);
    h.write_u64(n + 16, v).unwrap();
    if depth > 0 {
        let slot = 3 + depth as usize;
        roots.set(h, slot, n);
        let l = build_tree(h, roots, node, depth - 1, 2 * v);
        let n = roots.get(h, slot);
        h.write_ptr(n, l).unwrap();
        let r = build_tree(h, roots, node, depth - 1, 2 * v + 1);
        let n = roots.get(h, slot);
        h.write_ptr(n + 8, r).unwrap();
        roots.set(h, slot, 0);
        return n;
    }
    n
}

fn check_tree(h: &Heap, n: Addr, depth: u32, v: u64) -> u64 {
    assert_eq!(h.read_u64(n + 16).unwrap(), v);
    if depth == 0 {
        assert_eq!(h.read_u64(n).unwrap(), 0);
        return 1;
    }
    let l = h.read_u64(n).unwrap();
    let r = h.read_u64(n + 8).unwrap();
    1 + check_tree(h, l, depth - 1, 2 * v) + check_tree(h, r, depth - 1, 2 * v + 1)
}

#[test]
fn lists_and_trees_survive_many_collections() {
    let mut h = heap();
    let lnode = h.register_type(16, &[0]);
    let tnode = h.register_type(24, &[0, 1]);
    let mut roots = StackRoots::new(&mut h, 20);
    // slot 0: kept list, slot 1: garbage list (dropped periodically), slot 2: tree
    for i in 0..5000u64 {
        list_push(&mut h, &mut roots, lnode, 0, i);
        list_push(&mut h, &mut roots, lnode, 1, i);
        if i % 500 == 0 {
            roots.set(&mut h, 1, 0);
        }
    }
    let tree = build_tree(&mut h, &mut roots, tnode, 11, 1);
    roots.set(&mut h, 2, tree);
    let gcs_before = h.stats().num_gc();
    for round in 0..20u64 {
        // Allocate garbage, including unreachable trees, to force GCs.
        let g = build_tree(&mut h, &mut roots, tnode, 8, round);
        assert_ne!(g, 0);
        for _ in 0..2000 {
            alloc(&mut h, &mut roots, GcTypeId::BYTES, 24);
        }
        h.collect(GcKind::Minor, &mut roots);
        let vals = list_values(&h, roots.get(&h, 0));
        assert_eq!(vals.len(), 5000);
        assert!(vals.iter().rev().copied().eq(0..5000));
        assert_eq!(check_tree(&h, roots.get(&h, 2), 11, 1), 4095);
        let garbage_list = list_values(&h, roots.get(&h, 1));
        assert_eq!(garbage_list.len(), 499);
    }
    let s = h.stats();
    assert!(s.num_gc() - gcs_before >= 20);
    assert_eq!(s.heap_objects, 5000 + 499 + 4095);
    h.verify(&mut roots).unwrap();
}

#[test]
fn cycles_survive_and_are_reclaimed() {
    let mut h = heap();
    let node = h.register_type(16, &[0]);
    let mut roots = StackRoots::new(&mut h, 2);
    // A ring of 1000 nodes plus a self-loop.
    let first = alloc(&mut h, &mut roots, node, 1);
    roots.set(&mut h, 0, first);
    roots.set(&mut h, 1, first);
    for i in 1..1000u64 {
        let n = alloc(&mut h, &mut roots, node, 1);
        h.write_u64(n + 8, i).unwrap();
        let prev = roots.get(&h, 1);
        h.write_ptr(prev, n).unwrap();
        roots.set(&mut h, 1, n);
    }
    let last = roots.get(&h, 1);
    let first = roots.get(&h, 0);
    h.write_ptr(last, first).unwrap();
    let selfloop = alloc(&mut h, &mut roots, node, 1);
    h.write_ptr(selfloop, selfloop).unwrap();
    roots.set(&mut h, 1, selfloop);
    for _ in 0..3 {
        h.collect(GcKind::Major, &mut roots);
        let s = roots.get(&h, 1);
        assert_eq!(h.read_u64(s).unwrap(), s);
        let mut p = roots.get(&h, 0);
        for i in 0..1000u64 {
            assert_eq!(h.read_u64(p + 8).unwrap(), i);
            p = h.read_u64(p).unwrap();
        }
        assert_eq!(p, roots.get(&h, 0));
    }
    assert_eq!(h.stats().heap_objects, 1001);
    let in_use = h.heap_in_use();
    roots.set(&mut h, 0, 0);
    roots.set(&mut h, 1, 0);
    h.collect(GcKind::Major, &mut roots);
    let s = h.stats();
    assert_eq!(s.heap_objects, 0);
    assert_eq!(h.heap_in_use(), 0);
    // Single 16-byte values were promoted to a typed span: 16-byte cells, no header.
    assert_eq!(in_use, 1001 * 16);
}

#[test]
fn garbage_is_reclaimed_and_memory_stays_bounded() {
    let mut h = heap();
    let node = h.register_type(16, &[0]);
    let mut roots = StackRoots::new(&mut h, 1);
    for i in 0..100 {
        list_push(&mut h, &mut roots, node, 0, i);
    }
    let mut allocated = 0u64;
    while allocated < 100 * NURSERY {
        alloc(&mut h, &mut roots, GcTypeId::BYTES, 100);
        allocated += 100;
    }
    h.collect(GcKind::Minor, &mut roots);
    let s = h.stats();
    assert!(s.num_gc() >= 99, "{} collections", s.num_gc());
    assert_eq!(s.heap_objects, 100);
    assert_eq!(s.mallocs - s.frees, 100);
    assert!(s.total_alloc >= 100 * NURSERY);
    // Nursery + a little survivor space + one 1 MiB old-space commit step.
    assert!(
        s.heap_sys <= NURSERY + (1 << 20) + 2 * (64 << 10),
        "heap_sys {}",
        s.heap_sys
    );
    assert!(s.live_after_gc < 4096);
    assert_eq!(list_values(&h, roots.get(&h, 0)).len(), 100);
    assert!(s.pauses.len() as u64 == s.num_gc().min(256));
}

#[test]
fn large_objects_do_not_move_and_are_freed() {
    let mut h = heap();
    let mut roots = StackRoots::new(&mut h, 3);
    // A 64 KiB array of pointers to small objects.
    let big = alloc(&mut h, &mut roots, GcTypeId::POINTER, 8192);
    roots.set(&mut h, 0, big);
    assert!(h.bytes(big, 65536).unwrap().iter().all(|&b| b == 0));
    for i in 0..8192u64 {
        if i % 16 == 0 {
            let s = alloc(&mut h, &mut roots, GcTypeId::BYTES, 8);
            h.write_u64(s, i).unwrap();
            h.write_ptr(big + 8 * i, s).unwrap();
        }
    }
    // A pure byte blob and a 40 KiB blob, unreachable.
    let blob = alloc(&mut h, &mut roots, GcTypeId::BYTES, 100_000);
    roots.set(&mut h, 1, blob + 100_000); // one past the end keeps it alive
    let dead = alloc(&mut h, &mut roots, GcTypeId::BYTES, 40 << 10);
    h.bytes_mut(dead, 10).unwrap().fill(7);
    let before = h.stats();
    for _ in 0..3 {
        h.collect(GcKind::Major, &mut roots);
        assert_eq!(roots.get(&h, 0), big, "large objects never move");
        assert_eq!(roots.get(&h, 1), blob + 100_000);
        for i in (0..8192u64).step_by(16) {
            let s = h.read_u64(big + 8 * i).unwrap();
            assert_eq!(h.read_u64(s).unwrap(), i);
        }
    }
    let after = h.stats();
    assert_eq!(after.frees - before.frees, 1, "only the dead blob is freed");
    assert!(h.read_u8(dead).is_err(), "freed large object must fault");
    assert!(after.released >= 40 << 10);
    // A new large object reuses the freed pages, zeroed.
    let again = alloc(&mut h, &mut roots, GcTypeId::BYTES, 40 << 10);
    assert_eq!(again, dead);
    assert!(h.bytes(again, 40 << 10).unwrap().iter().all(|&b| b == 0));
    // Dropping the roots frees everything.
    roots.set(&mut h, 0, 0);
    roots.set(&mut h, 1, 0);
    h.collect(GcKind::Full, &mut roots);
    assert_eq!(h.heap_in_use(), 0);
    assert_eq!(h.stats().heap_objects, 0);
    assert!(h.read_u8(big).is_err());
}

#[test]
fn handles_are_roots_and_updated() {
    let mut h = heap();
    let node = h.register_type(16, &[0]);
    let a = h.alloc(node, 1).unwrap();
    let b = h.alloc(node, 1).unwrap();
    h.write_ptr(a, b).unwrap();
    h.write_u64(b + 8, 4242).unwrap();
    let ha = h.new_handle(a);
    let hb_interior = h.new_handle(b + 8);
    let hint = h.new_handle(12345); // not a pointer: left alone
    h.alloc(node, 1).unwrap(); // garbage
    h.collect(GcKind::Minor, &mut NoRoots);
    let a2 = h.handle_get(ha).unwrap();
    assert_ne!(a2, a);
    let b2 = h.read_u64(a2).unwrap();
    assert_eq!(h.handle_get(hb_interior), Some(b2 + 8));
    assert_eq!(h.read_u64(b2 + 8).unwrap(), 4242);
    assert_eq!(h.handle_get(hint), Some(12345));
    assert_eq!(h.stats().heap_objects, 2);
    h.drop_handle(ha);
    assert_eq!(h.handle_get(ha), None);
    h.drop_handle(ha); // idempotent
    h.collect(GcKind::Minor, &mut NoRoots);
    assert_eq!(h.stats().heap_objects, 1, "b kept by the interior handle");
    let hc = h.new_handle(0);
    assert_eq!(h.handle_get(ha), None, "reused slot does not revive old id");
    assert!(h.handle_set(hc, 7));
    assert_eq!(h.handle_get(hc), Some(7));
    assert_eq!(h.handle_count(), 3);
}

#[test]
fn gc_stress_collects_at_every_allocation() {
    let mut h = Heap::new(HeapConfig {
        gc_stress: true,
        ..config()
    })
    .unwrap();
    let node = h.register_type(16, &[0]);
    let mut roots = StackRoots::new(&mut h, 1);
    for i in 0..300 {
        assert_eq!(h.alloc(node, 1), Err(AllocError::NeedsCollection));
        h.collect(GcKind::Minor, &mut roots);
        let n = h.alloc(node, 1).unwrap();
        let head = roots.get(&h, 0);
        h.write_ptr(n, head).unwrap();
        h.write_u64(n + 8, i).unwrap();
        roots.set(&mut h, 0, n);
    }
    assert_eq!(h.stats().num_gc(), 300);
    let v = list_values(&h, roots.get(&h, 0));
    assert!(v.iter().rev().copied().eq(0..300));
    // Inhibit overrides stress.
    h.set_gc_inhibited(true);
    for _ in 0..10 {
        h.alloc(node, 1).unwrap();
    }
    h.set_gc_inhibited(false);
    assert_eq!(h.alloc(node, 1), Err(AllocError::NeedsCollection));
}

#[test]
fn verifier_catches_corrupted_pointers() {
    let mut h = Heap::new(HeapConfig {
        verify: false,
        ..config()
    })
    .unwrap();
    let node = h.register_type(16, &[0]);
    let g = h.globals(16, &[0]).unwrap();
    let a = h.alloc(node, 1).unwrap();
    let b = h.alloc(node, 1).unwrap();
    h.write_ptr(g, a).unwrap();
    h.write_ptr(a, b).unwrap();
    h.verify(&mut NoRoots).unwrap();
    h.collect(GcKind::Minor, &mut NoRoots);
    h.verify(&mut NoRoots).unwrap();
    let a = h.read_u64(g).unwrap();
    let b = h.read_u64(a).unwrap();
    let l = *h.layout();
    let (cur, other) = if l.survivor[0].base() <= b && b < l.survivor[0].end() {
        (l.survivor[0], l.survivor[1])
    } else {
        (l.survivor[1], l.survivor[0])
    };
    let cases: [(u64, &str); 5] = [
        (0x1234, "outside the arena"),
        (b + 4096, "no young object"),
        (b - cur.base() + other.base(), "empty survivor space"),
        (h.layout().large.base() + 8, "free large-object"),
        (h.layout().old.base() + 8, "no old-space object"),
    ];
    assert!(h.layout().nursery.base() == ARENA_BASE);
    for (bad, what) in cases {
        h.write_u64(a, bad).unwrap();
        let e = h.verify(&mut NoRoots).unwrap_err();
        assert!(e.contains(what), "{bad:#x}: {e}");
    }
    h.write_u64(a, b).unwrap();
    h.verify(&mut NoRoots).unwrap();
    // A root slot that cannot be read is reported too.
    let e = h.verify(&mut vec![0x10u64]).unwrap_err();
    assert!(e.contains("not readable"), "{e}");
    // A smashed header is reported.
    h.write_u64(a - 8, 0xffff_ffff_ffff_ff00).unwrap();
    assert!(h.verify(&mut NoRoots).is_err());
}

#[test]
fn allocation_succeeds_after_collection_when_everything_is_live() {
    let mut h = heap();
    let node = h.register_type(16, &[0]);
    let mut roots = StackRoots::new(&mut h, 1);
    let mut needed = 0;
    for i in 0..100_000u64 {
        match h.alloc(node, 1) {
            Ok(n) => {
                let head = roots.get(&h, 0);
                h.write_ptr(n, head).unwrap();
                h.write_u64(n + 8, i).unwrap();
                roots.set(&mut h, 0, n);
            }
            Err(AllocError::NeedsCollection) => {
                needed += 1;
                h.collect(GcKind::Minor, &mut roots);
                let n = h.alloc(node, 1).expect("alloc after collect");
                let head = roots.get(&h, 0);
                h.write_ptr(n, head).unwrap();
                h.write_u64(n + 8, i).unwrap();
                roots.set(&mut h, 0, n);
            }
            Err(e) => panic!("{e}"),
        }
    }
    assert!(needed > 0);
    assert_eq!(list_values(&h, roots.get(&h, 0)).len(), 100_000);
    assert!(h.stats().heap_sys > 2 * NURSERY, "the space grew");
}

#[test]
fn heap_limit_gives_out_of_memory() {
    let mut h = Heap::new(HeapConfig {
        heap_limit: Some(2 << 20),
        verify: false,
        ..config()
    })
    .unwrap();
    let node = h.register_type(1024, &[0]);
    let mut roots = StackRoots::new(&mut h, 1);
    let mut count = 0u64;
    let oom = loop {
        let r = match h.alloc(node, 1) {
            Err(AllocError::NeedsCollection) => {
                h.collect(GcKind::Major, &mut roots);
                h.alloc(node, 1)
            }
            r => r,
        };
        match r {
            Ok(n) => {
                let head = roots.get(&h, 0);
                h.write_ptr(n, head).unwrap();
                roots.set(&mut h, 0, n);
                count += 1;
            }
            Err(e) => break e,
        }
        assert!(count < 10_000);
    };
    assert_eq!(oom, AllocError::OutOfMemory);
    assert!(h.heap_in_use() <= 2 << 20);
    assert!(count >= 1800, "{count}");
    // Large allocations hit the limit too (we just collected: no retry).
    assert_eq!(
        h.alloc(GcTypeId::BYTES, 4 << 20),
        Err(AllocError::OutOfMemory)
    );
    // Freeing the data makes room again.
    roots.set(&mut h, 0, 0);
    h.collect(GcKind::Full, &mut roots);
    h.alloc(node, 1).unwrap();
    h.verify(&mut roots).unwrap();
}

#[test]
fn gc_inhibit_never_asks_for_collection() {
    let mut h = heap();
    h.set_gc_inhibited(true);
    let mut addrs = Vec::new();
    for i in 0..(20 * NURSERY / 1024) {
        let a = h.alloc(GcTypeId::BYTES, 1000).unwrap();
        h.write_u64(a, i).unwrap();
        addrs.push(a);
    }
    let l = h.alloc(GcTypeId::BYTES, 20 * NURSERY as usize).unwrap();
    h.write_u8(l, 1).unwrap();
    for (i, &a) in addrs.iter().enumerate() {
        assert_eq!(h.read_u64(a).unwrap(), i as u64);
    }
    h.set_gc_inhibited(false);
    let hd = h.new_handle(addrs[5]);
    h.collect(GcKind::Minor, &mut NoRoots);
    let a5 = h.handle_get(hd).unwrap();
    assert_eq!(h.read_u64(a5).unwrap(), 5);
    assert_eq!(h.stats().heap_objects, 1);
}

#[test]
fn faults_instead_of_panics() {
    let mut h = heap();
    let e = h.read_u64(0).unwrap_err();
    assert!(e.is_nil());
    assert!(e.to_string().contains("nil pointer"));
    assert!(h.read_u64(8).is_err());
    assert!(h.write_u64(0xdead_beef, 1).is_err());
    assert!(h.read_u8(u64::MAX).is_err());
    assert!(h.bytes(u64::MAX - 3, 10).is_err());
    let a = h.alloc(GcTypeId::BYTES, 16).unwrap();
    assert!(h.read_u64(a + 8).is_ok());
    // Beyond the bump pointer.
    let e = h.read_u64(a + 4096).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!("unexpected fault address {:#x}", a + 4096)
    );
    assert!(h.read_u64(a + 16).is_err());
    // The empty survivor space, the old space without spans.
    assert!(h.read_u8(h.layout().survivor[1].base() + 8).is_err());
    assert!(h.read_u8(h.layout().old.base() + 8).is_err());
    assert!(h.copy(a, 0, 8).is_err());
    assert!(h.copy(0, a, 8).is_err());
    assert!(h.fill_zero(h.layout().stacks.base(), 8).is_err());
    assert_eq!(h.bytes(0, 0).unwrap(), &[] as &[u8]);
    assert!(h.translate(a, 16).is_some());
    assert!(h.translate(a, 17).is_none());
    // Bad type ids and absurd sizes are errors, not panics.
    assert_eq!(h.alloc(GcTypeId(999_999), 1), Err(AllocError::BadType));
    assert_eq!(
        h.alloc(GcTypeId::POINTER, usize::MAX),
        Err(AllocError::OutOfMemory)
    );
    // memmove semantics.
    h.bytes_mut(a, 16)
        .unwrap()
        .copy_from_slice(b"0123456789abcdef");
    h.copy(a + 2, a, 8).unwrap();
    assert_eq!(h.bytes(a, 16).unwrap(), b"0101234567abcdef");
}

#[test]
fn static_globals_and_stacks() {
    let mut h = heap();
    let s1 = h.alloc_static(b"hello, world").unwrap();
    let s2 = h.alloc_static(b"").unwrap();
    let s3 = h.alloc_static(b"x").unwrap();
    assert_eq!(h.bytes(s1, 12).unwrap(), b"hello, world");
    assert!(s2 >= s1 + 12);
    assert_eq!(s3 & 7, 0);
    assert!(h.layout().statics.base() <= s1);
    let g = h.globals(64, &[1, 3]).unwrap();
    assert!(h.bytes(g, 64).unwrap().iter().all(|&b| b == 0));
    let st = h.alloc_stack(256 << 20).unwrap();
    assert_eq!(st.limit - st.base, 256 << 20);
    assert!(h.write_u64(st.base, 1).is_ok());
    let end = h.stack_committed_end(st.base).unwrap();
    assert!(h.write_u64(end, 1).is_err());
    assert!(h.write_u64(end - 8, 1).is_ok());
    let new_end = h.grow_stack(st.base, end + 100_000).unwrap();
    assert!(new_end >= end + 100_000);
    h.write_u64(end + 99_992, 5).unwrap();
    assert!(h.grow_stack(st.base, st.limit + 1).is_err());
    let st2 = h.alloc_stack(256 << 10).unwrap();
    assert!(st2.base >= st.limit);
    // Stack slots and globals are roots; pointers into static data are left alone.
    let node = h.register_type(16, &[0, 1]);
    let n = h.alloc(node, 1).unwrap();
    h.write_ptr(n, s1).unwrap();
    h.write_ptr(n + 8, st2.base).unwrap();
    h.write_ptr(g + 8, n).unwrap();
    h.write_ptr(st2.base, n + 8).unwrap();
    let sys_before = h.stats().stack_sys;
    let mut roots = vec![st2.base];
    h.collect(GcKind::Minor, &mut roots);
    let n2 = h.read_u64(g + 8).unwrap();
    assert_ne!(n2, n);
    assert_eq!(h.read_u64(st2.base).unwrap(), n2 + 8);
    assert_eq!(h.read_u64(n2).unwrap(), s1);
    assert_eq!(h.read_u64(n2 + 8).unwrap(), st2.base);
    h.free_stack(st.base);
    assert!(h.read_u64(st.base).is_err());
    assert!(h.stats().stack_sys < sys_before);
    let st3 = h.alloc_stack(1 << 20).unwrap();
    assert_eq!(st3.base, st.base, "freed stack range is reused");
    assert_eq!(h.read_u64(st3.base).unwrap(), 0, "and zeroed");
}

#[test]
fn full_collection_releases_memory() {
    let mut h = heap();
    for _ in 0..1000 {
        h.alloc(GcTypeId::BYTES, 200).unwrap();
    }
    let mut r = NoRoots;
    h.collect(GcKind::Full, &mut r);
    let s = h.stats();
    assert_eq!(s.num_full, 1);
    assert!(s.released >= NURSERY, "released {}", s.released);
    assert!(s.sys >= s.heap_sys && s.heap_sys >= s.released);
    // Allocating again reuses the released nursery pages.
    for _ in 0..1000 {
        h.alloc(GcTypeId::BYTES, 200).unwrap();
    }
    assert!(h.stats().released <= s.released - (200 << 10));
}

#[test]
fn default_reservation_and_layout() {
    let h = Heap::new(HeapConfig::default()).unwrap();
    let l = *h.layout();
    assert!(l.reserve >= 64 << 20);
    assert_eq!(l.nursery.base(), ARENA_BASE);
    assert_eq!(l.nursery.end(), l.survivor[0].base());
    assert_eq!(l.survivor[0].end(), l.survivor[1].base());
    assert_eq!(l.survivor[1].end(), l.old.base());
    assert_eq!(l.old.end(), l.large.base());
    assert_eq!(l.large.end(), l.statics.base());
    assert_eq!(l.statics.end(), l.globals.base());
    assert_eq!(l.globals.end(), l.stacks.base());
    assert_eq!(l.stacks.end(), ARENA_BASE + l.reserve);
    if l.reserve == 64 << 30 {
        assert_eq!(l.old.base(), 0xc180000000);
        assert_eq!(l.large.base(), 0xc500000000);
        assert_eq!(l.stacks.base(), 0xc880000000);
    }
}

/// xorshift64*: deterministic pseudo-random numbers without dependencies.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Ref {
    id: u64,
    off: u64,
}

struct ModelNode {
    count: u64,
    children: [Option<Ref>; 4],
}

const NODE: u64 = 48; // { id, count, c0, c1, c2, c3 }
const NROOTS: usize = 8;

/// Random mutator against a shadow model: interior and one-past-the-end
/// pointers, large and small nodes, all collection kinds, checked after
/// every collection.
#[test]
fn random_graph_matches_model() {
    for seed in [1u64, 7, 12345] {
        let mut h = Heap::new(HeapConfig {
            nursery_bytes: 64 << 10,
            ..config()
        })
        .unwrap();
        let ty = h.register_type(NODE as u32, &[2, 3, 4, 5]);
        let mut roots = StackRoots::new(&mut h, NROOTS);
        let mut model: std::collections::HashMap<u64, ModelNode> = Default::default();
        let mut mroots: [Option<Ref>; NROOTS] = [None; NROOTS];
        let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
        let mut next_id = 1u64;
        let mut checks = 0;
        let mut minors = 0;
        for step in 0..6000 {
            match rng.below(100) {
                0..=39 => {
                    // New node into a root slot; children from other roots.
                    let count = if rng.below(60) == 0 {
                        700
                    } else {
                        1 + rng.below(3)
                    };
                    let n = alloc(&mut h, &mut roots, ty, count as usize);
                    let id = next_id;
                    next_id += 1;
                    h.write_u64(n, id).unwrap();
                    h.write_u64(n + 8, count).unwrap();
                    let mut children = [None; 4];
                    for (j, c) in children.iter_mut().enumerate() {
                        let r = rng.below(NROOTS as u64) as usize;
                        if rng.below(2) == 0 {
                            let v = roots.get(&h, r);
                            h.write_ptr(n + 16 + 8 * j as u64, v).unwrap();
                            *c = mroots[r];
                        }
                    }
                    model.insert(id, ModelNode { count, children });
                    // Root it at the base, a field, or one past the end. A single
                    // value never has a one-past-the-end pointer (Go's slicing rule:
                    // the old space's typed cells rely on it); an array may.
                    let off = match rng.below(3) {
                        0 => 0,
                        1 => 8 * (1 + rng.below(5)),
                        _ if count == 1 => 8 * rng.below(6),
                        _ => NODE * count,
                    };
                    let slot = rng.below(NROOTS as u64) as usize;
                    roots.set(&mut h, slot, n + off);
                    mroots[slot] = Some(Ref { id, off });
                }
                40..=64 => {
                    // root[a].child[j] = root[b]
                    let a = rng.below(NROOTS as u64) as usize;
                    let b = rng.below(NROOTS as u64) as usize;
                    let j = rng.below(4);
                    if let Some(ra) = mroots[a] {
                        let p = roots.get(&h, a);
                        let base = h.object_base(p).unwrap();
                        h.write_ptr(base + 16 + 8 * j, roots.get(&h, b)).unwrap();
                        model.get_mut(&ra.id).unwrap().children[j as usize] = mroots[b];
                    }
                }
                65..=84 => {
                    // root[a] = root[k].child[j]
                    let a = rng.below(NROOTS as u64) as usize;
                    let k = rng.below(NROOTS as u64) as usize;
                    let j = rng.below(4);
                    if let Some(rk) = mroots[k] {
                        let base = h.object_base(roots.get(&h, k)).unwrap();
                        let v = h.read_u64(base + 16 + 8 * j).unwrap();
                        roots.set(&mut h, a, v);
                        mroots[a] = model[&rk.id].children[j as usize];
                    }
                }
                85..=94 => {
                    let a = rng.below(NROOTS as u64) as usize;
                    roots.set(&mut h, a, 0);
                    mroots[a] = None;
                }
                _ => {
                    let kind = [GcKind::Minor, GcKind::Major, GcKind::Full][rng.below(3) as usize];
                    h.collect(kind, &mut roots);
                    let live = check_graph(&h, &roots, &mroots, &model);
                    if h.stats().num_minor > minors {
                        // A minor collection keeps dead old objects.
                        assert!(h.stats().heap_objects >= live, "seed {seed} step {step}");
                        minors = h.stats().num_minor;
                    } else {
                        assert_eq!(h.stats().heap_objects, live, "seed {seed} step {step}");
                    }
                    checks += 1;
                }
            }
        }
        assert!(checks > 100);
        assert!(
            h.stats().num_gc() >= checks,
            "{} gcs, {checks} checks",
            h.stats().num_gc()
        );
    }
}

/// Walk heap and model together from the roots; returns the number of
/// reachable nodes.
fn check_graph(
    h: &Heap,
    roots: &StackRoots,
    mroots: &[Option<Ref>; NROOTS],
    model: &std::collections::HashMap<u64, ModelNode>,
) -> u64 {
    let mut seen = std::collections::HashSet::new();
    let mut work: Vec<(Addr, Option<Ref>)> = Vec::new();
    for (i, r) in mroots.iter().enumerate() {
        work.push((roots.get(h, i), *r));
    }
    while let Some((p, r)) = work.pop() {
        let Some(r) = r else {
            assert_eq!(p, 0);
            continue;
        };
        let base = h.object_base(p).expect("pointer to a live object");
        assert_eq!(p - base, r.off);
        assert_eq!(h.read_u64(base).unwrap(), r.id);
        let m = &model[&r.id];
        assert_eq!(h.read_u64(base + 8).unwrap(), m.count);
        assert_eq!(h.object_info(base).unwrap().0, NODE * m.count);
        if !seen.insert(r.id) {
            continue;
        }
        for j in 0..4 {
            work.push((
                h.read_u64(base + 16 + 8 * j).unwrap(),
                m.children[j as usize],
            ));
        }
    }
    seen.len() as u64
}

/// A VM that scribbles over object headers must not crash the collector.
#[test]
fn smashed_headers_do_not_crash_the_collector() {
    let mut h = Heap::new(HeapConfig {
        verify: false,
        ..config()
    })
    .unwrap();
    let node = h.register_type(16, &[0]);
    let mut roots = StackRoots::new(&mut h, 4);
    let a = h.alloc(node, 1).unwrap();
    let b = h.alloc(node, 1).unwrap();
    let c = h.alloc(node, 1).unwrap();
    let big = h.alloc(GcTypeId::POINTER, 5000).unwrap();
    h.write_ptr(big, a).unwrap();
    roots.set(&mut h, 0, a);
    roots.set(&mut h, 1, b);
    roots.set(&mut h, 2, c);
    roots.set(&mut h, 3, big);
    h.write_u64(a - 8, u64::MAX - 1).unwrap(); // huge size, bad type
    h.write_u64(b - 8, 0xffff_ffff_0000_0001).unwrap(); // "forwarded" to nowhere
    h.write_u64(c - 8, 31_000 << 28).unwrap(); // size beyond the space's top
    h.write_u64(big - 8, !3u64).unwrap(); // large: size beyond its run
    h.collect(GcKind::Major, &mut roots);
    h.collect(GcKind::Full, &mut roots);
    assert!(h.verify(&mut roots).is_err());
}
