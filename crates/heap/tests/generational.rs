//! Tests of the generational parts: promotion by age, the card-marking
//! write barrier across several minor collections, old-space size classes,
//! typed cells (single values without a header) and sweeping, pacing,
//! MemStats, gctrace and the summary.

use gosub_heap::*;

fn heap_with(f: impl FnOnce(&mut HeapConfig)) -> Heap {
    let mut c = HeapConfig {
        nursery_bytes: 128 << 10,
        verify: true,
        reserve_bytes: 1 << 30,
        ..HeapConfig::default()
    };
    f(&mut c);
    Heap::new(c).unwrap()
}

/// Root slots in a stack.
struct Roots {
    base: Addr,
    n: usize,
}

impl Roots {
    fn new(h: &mut Heap, n: usize) -> Roots {
        let st = h.alloc_stack(1 << 20).unwrap();
        Roots { base: st.base, n }
    }
    fn get(&self, h: &Heap, i: usize) -> Addr {
        h.read_u64(self.base + 8 * i as u64).unwrap()
    }
    fn set(&self, h: &mut Heap, i: usize, v: Addr) {
        h.write_u64(self.base + 8 * i as u64, v).unwrap()
    }
}

impl RootSource for Roots {
    fn visit_roots(&mut self, v: &mut dyn FnMut(Addr)) {
        for i in 0..self.n {
            v(self.base + 8 * i as u64);
        }
    }
}

fn alloc(h: &mut Heap, r: &mut Roots, ty: GcTypeId, n: usize) -> Addr {
    match h.alloc(ty, n) {
        Ok(a) => a,
        Err(AllocError::NeedsCollection) => {
            h.collect(GcKind::Minor, r);
            assert_eq!(h.take_gc_error(), None);
            h.alloc(ty, n).unwrap()
        }
        Err(e) => panic!("{e}"),
    }
}

fn region_of(h: &Heap, a: Addr) -> &'static str {
    let l = h.layout();
    let inr = |r: Region| r.base() <= a && a < r.end();
    if inr(l.nursery) {
        "nursery"
    } else if inr(l.survivor[0]) || inr(l.survivor[1]) {
        "survivor"
    } else if inr(l.old) {
        "old"
    } else if inr(l.large) {
        "large"
    } else {
        "other"
    }
}

#[test]
fn bump_allocation_is_contiguous_in_the_nursery() {
    let mut h = heap_with(|_| {});
    let a = h.alloc(GcTypeId::BYTES, 10).unwrap();
    let b = h.alloc(GcTypeId::BYTES, 10).unwrap();
    assert_eq!(a, ARENA_BASE + 8);
    assert_eq!(b, a + 16 + 8, "footprint 16 + next header");
    assert_eq!(region_of(&h, a), "nursery");
}

#[test]
fn promotion_by_age() {
    for age in [1u8, 2, 3] {
        let mut h = heap_with(|c| c.promote_age = age);
        let mut r = Roots::new(&mut h, 1);
        let o = h.alloc(GcTypeId::POINTER, 1).unwrap();
        r.set(&mut h, 0, o);
        let mut seen = Vec::new();
        for _ in 0..4 {
            h.collect(GcKind::Minor, &mut r);
            seen.push(region_of(&h, r.get(&h, 0)));
        }
        let first_old = seen.iter().position(|&s| s == "old").unwrap();
        assert_eq!(first_old + 1, age as usize, "age {age}: {seen:?}");
        assert!(seen[..first_old].iter().all(|&s| s == "survivor"));
        assert!(h.stats().num_major == 0);
        assert!(h.mem_stats().promoted_bytes >= 16);
    }
}

/// Builds a list of `n` nodes rooted at root 0 (nodes of two words: next, index).
fn build_list(h: &mut Heap, r: &mut Roots, node: GcTypeId, n: u64) {
    for i in 0..n {
        let x = alloc(h, r, node, 1);
        let head = r.get(h, 0);
        h.write_ptr(x, head).unwrap();
        h.write_u64(x + 8, i).unwrap();
        r.set(h, 0, x);
    }
}

#[test]
fn a_nursery_that_mostly_survives_makes_the_next_collection_promote_at_once() {
    // Tenuring (pacing.rs): when half of the nursery or more survived, the next minor
    // collection promotes its survivors instead of copying them to a survivor space.
    let mut h = heap_with(|c| c.nursery_bytes = 64 << 10);
    let node = h.register_type(16, &[0]);
    let mut r = Roots::new(&mut h, 2);
    // Fill the nursery with live nodes (24 bytes a cell: about 2,700 of them).
    build_list(&mut h, &mut r, node, 2_600);
    h.collect(GcKind::Minor, &mut r);
    let first = r.get(&h, 0);
    assert_eq!(
        region_of(&h, first),
        "survivor",
        "all survived once: still young"
    );
    // One young object now: it survives a collection that follows a mostly live nursery.
    let o = h.alloc(GcTypeId::POINTER, 1).unwrap();
    r.set(&mut h, 1, o);
    h.collect(GcKind::Minor, &mut r);
    assert_eq!(
        region_of(&h, r.get(&h, 1)),
        "old",
        "promoted after one survival"
    );
    assert_eq!(region_of(&h, r.get(&h, 0)), "old");
    // That collection used too little of the nursery to say anything (a barely used
    // nursery keeps the rule). Garbage now: the collection it causes sees little survive,
    // and the age rule is back for the next one.
    for _ in 0..3_000 {
        alloc(&mut h, &mut r, node, 1);
    }
    let o = h.alloc(GcTypeId::POINTER, 1).unwrap();
    r.set(&mut h, 1, o);
    h.collect(GcKind::Minor, &mut r);
    assert_eq!(
        region_of(&h, r.get(&h, 1)),
        "survivor",
        "a small survival keeps ages"
    );
    // The list is intact.
    let (mut p, mut k) = (r.get(&h, 0), 2_600u64);
    while p != 0 {
        k -= 1;
        assert_eq!(h.read_u64(p + 8).unwrap(), k);
        p = h.read_u64(p).unwrap();
    }
    assert_eq!(k, 0);
    assert_eq!(h.take_gc_error(), None);
}

#[test]
fn survivor_overflow_promotes_early() {
    let mut h = heap_with(|c| c.nursery_bytes = 64 << 10);
    let node = h.register_type(16, &[0]);
    let mut r = Roots::new(&mut h, 1);
    // A list larger than the survivor space: everything must survive.
    for i in 0..20_000u64 {
        let n = alloc(&mut h, &mut r, node, 1);
        let head = r.get(&h, 0);
        h.write_ptr(n, head).unwrap();
        h.write_u64(n + 8, i).unwrap();
        r.set(&mut h, 0, n);
    }
    let mut p = r.get(&h, 0);
    let mut k = 20_000u64;
    while p != 0 {
        k -= 1;
        assert_eq!(h.read_u64(p + 8).unwrap(), k);
        p = h.read_u64(p).unwrap();
    }
    assert_eq!(k, 0);
}

#[test]
fn remembered_set_across_minor_collections() {
    let mut h = heap_with(|_| {});
    let holder_t = h.register_type(64, &[0, 1, 2, 3, 4, 5, 6, 7]);
    let mut r = Roots::new(&mut h, 1);
    let holder = h.alloc(holder_t, 1).unwrap();
    r.set(&mut h, 0, holder);
    h.collect(GcKind::Major, &mut r); // promote the holder
    let holder = r.get(&h, 0);
    assert_eq!(region_of(&h, holder), "old");
    assert_eq!(h.dirty_cards(), 0);
    // The only reference to each young object is in the old holder.
    for i in 0..8u64 {
        let y = h.alloc(GcTypeId::BYTES, 8).unwrap();
        h.write_u64(y, 100 + i).unwrap();
        h.write_ptr(holder + 8 * i, y).unwrap();
    }
    assert!(h.dirty_cards() >= 1, "old->young store dirtied a card");
    for round in 0..5 {
        h.collect(GcKind::Minor, &mut r);
        h.verify(&mut r).unwrap();
        for i in 0..8u64 {
            let y = h.read_u64(holder + 8 * i).unwrap();
            assert_eq!(h.read_u64(y).unwrap(), 100 + i, "round {round}");
        }
        // While the targets are young, the card stays dirty; once they are
        // promoted it is cleaned.
        let young = region_of(&h, h.read_u64(holder).unwrap()) != "old";
        assert_eq!(h.dirty_cards() > 0, young, "round {round}");
    }
    // Storing a non-pointer or an old pointer does not dirty cards.
    h.write_u64(holder + 8, 12345).unwrap();
    h.write_ptr(holder + 16, holder).unwrap();
    assert_eq!(h.dirty_cards(), 0);
    // A small copy into the old object dirties its card only if it leaves a young
    // pointer in a word it touched (write_barrier.rs `barrier_after`)...
    let y = h.alloc(GcTypeId::POINTER, 8).unwrap();
    h.copy(holder, y, 64).unwrap();
    assert_eq!(h.dirty_cards(), 0, "64 bytes of zeros");
    h.write_ptr(y + 24, y).unwrap();
    h.copy(holder, y, 64).unwrap();
    assert!(h.dirty_cards() > 0, "a young pointer copied");
    h.collect(GcKind::Major, &mut r);
    assert_eq!(h.dirty_cards(), 0);
    // ... even when the store is narrow or unaligned and assembles the pointer.
    let z = h.alloc(GcTypeId::POINTER, 1).unwrap();
    let bytes = z.to_le_bytes();
    h.write_bytes(holder + 32, &bytes[..3]).unwrap();
    assert_eq!(h.dirty_cards(), 0, "not a young pointer yet");
    h.write_bytes(holder + 35, &bytes[3..]).unwrap();
    assert_eq!(h.read_u64(holder + 32).unwrap(), z);
    assert!(h.dirty_cards() > 0, "the word now holds a young pointer");
    h.collect(GcKind::Major, &mut r);
    // A bulk copy (more than 64 bytes) dirties conservatively.
    assert_eq!(h.dirty_cards(), 0);
    let big = h.alloc(GcTypeId::POINTER, 10_000).unwrap();
    let zeros = h.alloc(GcTypeId::POINTER, 16).unwrap();
    h.copy(big, zeros, 128).unwrap();
    assert!(h.dirty_cards() > 0);
}

#[test]
fn unbarriered_bytes_and_a_range_barrier_mark_only_cards_holding_young_pointers() {
    let mut h = heap_with(|_| {});
    let mut r = Roots::new(&mut h, 2);
    // A large table of pointers (old), a young object, and a pointer-free large array.
    let table = h.alloc(GcTypeId::POINTER, 10_000).unwrap();
    r.set(&mut h, 0, table);
    let y = h.alloc(GcTypeId::BYTES, 8).unwrap();
    r.set(&mut h, 1, y);
    assert_eq!(h.dirty_cards(), 0);
    // Scattered words written without the barrier: a young pointer and an old one.
    let b = h.bytes_mut_unbarriered(table, 80_000).unwrap();
    b[8 * 5000..8 * 5001].copy_from_slice(&y.to_le_bytes());
    b[8 * 10..8 * 11].copy_from_slice(&table.to_le_bytes());
    assert_eq!(h.dirty_cards(), 0, "no barrier yet");
    h.barrier_range(table, 80_000).unwrap();
    assert_eq!(h.dirty_cards(), 1, "the card of the young pointer only");
    h.collect(GcKind::Minor, &mut r);
    h.verify(&mut r).unwrap();
    let moved = h.read_u64(table + 8 * 5000).unwrap();
    assert_eq!(
        moved,
        r.get(&h, 1),
        "the young object was found through that card"
    );
    // A bulk store into a large object without pointer words marks no card.
    let floats = h.alloc(GcTypeId::BYTES, 100_000).unwrap();
    let zeros = h.alloc(GcTypeId::BYTES, 1000).unwrap();
    let before = h.dirty_cards();
    h.copy(floats, zeros, 1000).unwrap();
    h.bytes_mut(floats + 4096, 5000).unwrap()[0] = 1;
    assert_eq!(h.dirty_cards(), before);
}

#[test]
fn large_object_cards() {
    let mut h = heap_with(|_| {});
    let mut r = Roots::new(&mut h, 1);
    let big = h.alloc(GcTypeId::POINTER, 10_000).unwrap();
    r.set(&mut h, 0, big);
    assert_eq!(region_of(&h, big), "large");
    for i in (0..10_000u64).step_by(999) {
        let y = alloc(&mut h, &mut r, GcTypeId::BYTES, 8);
        h.write_u64(y, i).unwrap();
        h.write_ptr(big + 8 * i, y).unwrap();
    }
    for _ in 0..4 {
        h.collect(GcKind::Minor, &mut r);
        for i in (0..10_000u64).step_by(999) {
            let y = h.read_u64(big + 8 * i).unwrap();
            assert_eq!(h.read_u64(y).unwrap(), i);
        }
    }
    assert_eq!(r.get(&h, 0), big, "large objects never move");
}

#[test]
fn old_space_size_classes_and_sweep() {
    let mut h = heap_with(|c| c.promote_age = 1);
    let mut r = Roots::new(&mut h, 64);
    let sizes = [8usize, 24, 100, 1000, 5000, 20_000, 32_000];
    for (i, &n) in sizes.iter().enumerate() {
        let a = alloc(&mut h, &mut r, GcTypeId::BYTES, n);
        h.bytes_mut(a, n).unwrap().fill(i as u8 + 1);
        r.set(&mut h, i, a);
    }
    h.collect(GcKind::Minor, &mut r); // promote all (age 1)
    for (i, &n) in sizes.iter().enumerate() {
        let a = r.get(&h, i);
        assert_eq!(region_of(&h, a), "old");
        assert!(h.bytes(a, n).unwrap().iter().all(|&b| b == i as u8 + 1));
        // Interior and one-past-the-end pointers find the base.
        assert_eq!(h.object_base(a + n as u64 / 2), Some(a));
        assert_eq!(h.object_info(a).map(|x| x.0), Some(n as u64));
    }
    let in_use = h.mem_stats().old_bytes;
    assert!(in_use >= sizes.iter().map(|&n| n as u64 + 8).sum::<u64>());
    // Drop half of them: a major collection sweeps exactly those.
    for i in (0..sizes.len()).step_by(2) {
        r.set(&mut h, i, 0);
    }
    let frees = h.stats().frees;
    h.collect(GcKind::Major, &mut r);
    assert_eq!(h.stats().frees - frees, 4);
    assert!(h.mem_stats().old_bytes < in_use);
    for i in (1..sizes.len()).step_by(2) {
        let a = r.get(&h, i);
        assert!(h
            .bytes(a, sizes[i])
            .unwrap()
            .iter()
            .all(|&b| b == i as u8 + 1));
    }
    // Freed cells are reused by later promotions.
    let before = h.mem_stats().heap_sys;
    for _ in 0..100 {
        for i in (0..sizes.len()).step_by(2) {
            let a = alloc(&mut h, &mut r, GcTypeId::BYTES, sizes[i]);
            r.set(&mut h, i, a);
        }
        h.collect(GcKind::Major, &mut r);
    }
    assert_eq!(h.mem_stats().heap_sys, before, "no growth: cells reused");
    // Everything dead + Full: all old pages released.
    for i in 0..64 {
        r.set(&mut h, i, 0);
    }
    h.collect(GcKind::Full, &mut r);
    let m = h.mem_stats();
    assert_eq!(m.old_bytes, 0);
    assert_eq!(m.heap_alloc, 0);
    assert!(m.heap_released > 0 && m.heap_released <= m.heap_idle);
}

#[test]
fn pacing_runs_major_collections_by_gogc() {
    let mut h = heap_with(|c| {
        c.promote_age = 1;
        c.verify = false;
    });
    let node = h.register_type(16, &[0]);
    let mut r = Roots::new(&mut h, 1);
    // Everything promoted becomes garbage soon: old space grows until the
    // goal (4 MiB minimum) triggers a major collection.
    for i in 0..1_000_000u64 {
        let n = alloc(&mut h, &mut r, node, 1);
        if i % 5000 == 0 {
            r.set(&mut h, 0, 0);
        }
        let head = r.get(&h, 0);
        h.write_ptr(n, head).unwrap();
        r.set(&mut h, 0, n);
    }
    let s = h.mem_stats();
    assert!(s.num_major >= 1, "{s:?}");
    assert!(s.num_minor > s.num_major);
    assert!(s.old_bytes <= 8 << 20);
    // SetGCPercent returns the old value; off disables pacing majors.
    assert_eq!(h.set_gc_percent(-1), 100);
    assert_eq!(h.set_gc_percent(50), -1);
    assert_eq!(h.gc_percent(), 50);
    h.set_gc_percent(-1);
    let majors = h.mem_stats().num_major;
    for _ in 0..400_000u64 {
        let n = alloc(&mut h, &mut r, node, 1);
        r.set(&mut h, 0, n);
    }
    assert_eq!(h.mem_stats().num_major, majors);
    assert_eq!(h.major_goal(), u64::MAX);
}

#[test]
fn forced_collections_trace_and_summary() {
    let mut h = heap_with(|c| c.gctrace = true);
    let mut r = Roots::new(&mut h, 1);
    let a = h.alloc(GcTypeId::BYTES, 100).unwrap();
    r.set(&mut h, 0, a);
    h.collect(GcKind::Minor, &mut r);
    h.collect(GcKind::Major, &mut r);
    h.collect(GcKind::Full, &mut r);
    let m = h.mem_stats();
    assert_eq!(m.num_gc, 3);
    assert_eq!(m.num_forced_gc, 2);
    assert_eq!((m.num_minor, m.num_major, m.num_full), (1, 1, 1));
    assert!(m.pause_ns[2] > 0 && m.pause_end[2] == m.last_gc);
    assert!(m.pause_total_ns >= m.pause_ns[0] + m.pause_ns[1] + m.pause_ns[2]);
    let lines = h.take_trace_lines();
    assert_eq!(lines.len(), 3);
    assert!(lines[0].starts_with("gc 1 @") && lines[0].contains(" minor: pause "));
    assert!(lines[1].starts_with("gc 2 @") && lines[1].contains(" major: "));
    assert!(lines[2].contains(" full: ") && lines[2].contains(", promoted "));
    assert!(h.take_trace_lines().is_empty());
    let s = h.gc_summary();
    assert!(
        s.contains("3 collections: 1 minor, 1 major, 1 full (2 forced)"),
        "{s}"
    );
    assert!(s.contains("survival rate"));
}

#[test]
fn gc_stress_alternates_minor_and_major() {
    let mut h = heap_with(|c| {
        c.gc_stress = true;
        c.stress_major_every = 10;
    });
    let node = h.register_type(16, &[0]);
    let mut r = Roots::new(&mut h, 1);
    for i in 0..200u64 {
        let n = alloc(&mut h, &mut r, node, 1);
        let head = r.get(&h, 0);
        h.write_ptr(n, head).unwrap();
        h.write_u64(n + 8, i).unwrap();
        r.set(&mut h, 0, n);
    }
    let m = h.mem_stats();
    assert_eq!(m.num_gc, 200);
    assert_eq!(m.num_major, 20);
}

#[test]
fn verifier_reports_a_missing_card() {
    let mut h = heap_with(|c| c.verify = false);
    let holder_t = h.register_type(8, &[0]);
    let mut r = Roots::new(&mut h, 1);
    let holder = h.alloc(holder_t, 1).unwrap();
    r.set(&mut h, 0, holder);
    h.collect(GcKind::Major, &mut r);
    let holder = r.get(&h, 0);
    let y = h.alloc(GcTypeId::BYTES, 8).unwrap();
    // Bypass the barrier through a raw pointer, as a buggy host would.
    let p = h.translate(holder, 8).unwrap();
    // SAFETY: translate checked 8 accessible bytes.
    unsafe { (p as *mut u64).write_unaligned(y) };
    let e = h.verify(&mut r).unwrap_err();
    assert!(e.contains("remembered set"), "{e}");
    h.write_barrier(holder, y);
    h.verify(&mut r).unwrap();
}

#[test]
fn single_values_are_promoted_into_typed_cells_without_headers() {
    let mut h = heap_with(|_| {});
    // struct { left, right *T } and a 16-byte array of two of them.
    let node = h.register_type(16, &[0, 1]);
    let mut roots = Roots::new(&mut h, 4);
    for slot in 0..3 {
        let n = alloc(&mut h, &mut roots, node, 1);
        roots.set(&mut h, slot, n);
    }
    let arr = alloc(&mut h, &mut roots, node, 2);
    roots.set(&mut h, 3, arr);
    h.collect(GcKind::Major, &mut roots);
    let (a, b, c) = (roots.get(&h, 0), roots.get(&h, 1), roots.get(&h, 2));
    // Consecutive 16-byte cells of one typed span: no header word between them.
    assert_eq!((b - a, c - b), (16, 16));
    for p in [a, b, c] {
        assert_eq!(h.object_info(p), Some((16, node)));
        assert_eq!(h.object_base(p + 8), Some(p));
    }
    // An array keeps its header (its length is in it).
    let arr = roots.get(&h, 3);
    assert_eq!(h.object_info(arr), Some((32, node)));
    assert_eq!(h.object_base(arr + 32), Some(arr), "an array's end pointer");
    assert_eq!(h.stats().heap_objects, 4);
    // A young pointer stored in a typed cell is remembered by the card and
    // updated when its object moves.
    let young = alloc(&mut h, &mut roots, node, 1);
    h.write_ptr(b + 8, young).unwrap();
    h.write_ptr(young, c).unwrap();
    h.collect(GcKind::Minor, &mut roots);
    let moved = h.read_u64(b + 8).unwrap();
    assert_ne!(moved, young, "the young object moved");
    assert_eq!(h.read_u64(moved).unwrap(), c);
    h.verify(&mut roots).unwrap();
    // Dropping a and c frees their cells; b and what it points to stay.
    roots.set(&mut h, 0, 0);
    roots.set(&mut h, 2, 0);
    h.collect(GcKind::Major, &mut roots);
    assert_eq!(
        h.stats().heap_objects,
        4,
        "b, the array, b's child and c (reached by it)"
    );
    assert_eq!(h.object_info(a), None);
    h.verify(&mut roots).unwrap();
}

/// Deep stacks (pacing.rs): after a collection that scanned more root bytes than the
/// nursery holds, a full nursery lets allocation go on in the old space until as many
/// bytes as those roots have been allocated, then asks for a collection again; with few
/// roots it asks at once, as before.
#[test]
fn many_roots_defer_the_next_minor_collection() {
    let nursery = 128 << 10;
    for (root_words, deferred) in [(64, false), (24 << 10, true)] {
        let mut h = heap_with(|_| {});
        // A committed stack of zeroed root words.
        let base = h.alloc_goroutine_stack(root_words as u64 * 8).unwrap().base;
        for i in 0..root_words as u64 {
            h.write_u64(base + 8 * i, 0).unwrap();
        }
        let mut r = Roots {
            base,
            n: root_words,
        };
        h.collect(GcKind::Minor, &mut r);
        // Fill the nursery, then count what is allocated before a collection is asked for.
        let mut allocated = 0u64;
        let mut in_old = 0u64;
        loop {
            match h.alloc(GcTypeId::BYTES, 1000) {
                Ok(a) => {
                    allocated += 1008;
                    if region_of(&h, a) == "old" {
                        in_old += 1008;
                    }
                }
                Err(AllocError::NeedsCollection) => break,
                Err(e) => panic!("{e}"),
            }
            assert!(allocated < 64 << 20, "a collection is asked for in the end");
        }
        let roots = root_words as u64 * 8;
        if deferred {
            assert!(allocated > nursery, "{allocated}");
            // (Counted by their old-space cells, a size class a little over 1008 bytes.)
            assert!(
                in_old > roots * 9 / 10 && in_old <= roots,
                "{in_old} vs {roots}"
            );
        } else {
            assert!(allocated <= nursery, "{allocated}");
            assert_eq!(in_old, 0);
        }
        h.collect(GcKind::Minor, &mut r);
        assert_eq!(h.take_gc_error(), None);
    }
}
