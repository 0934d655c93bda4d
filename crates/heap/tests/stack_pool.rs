//! Tests of the goroutine stack pool (`stack_pool.rs`): power-of-two sizes from 2 KiB,
//! small stacks carved from shared spans and reused after a free, large ones runs of their
//! own, and idle spans given back after a major collection (StackSys falls).

use gosub_heap::*;

fn heap() -> Heap {
    let c = HeapConfig {
        reserve_bytes: 1 << 30,
        ..HeapConfig::default()
    };
    Heap::new(c).unwrap()
}

#[test]
fn sizes_are_powers_of_two_from_2k() {
    assert_eq!(stack_size_for(1), Some(2048));
    assert_eq!(stack_size_for(2048), Some(2048));
    assert_eq!(stack_size_for(2049), Some(4096));
    assert_eq!(stack_size_for(100 << 10), Some(128 << 10));
    assert_eq!(stack_size_for(u64::MAX), None);
    let mut h = heap();
    for bytes in [1u64, 3000, 40 << 10, 70 << 10] {
        let s = h.alloc_goroutine_stack(bytes).unwrap();
        assert_eq!(s.limit - s.base, stack_size_for(bytes).unwrap());
        // All of it is accessible at once.
        h.write_u64(s.base, 1).unwrap();
        h.write_u64(s.limit - 8, 2).unwrap();
        assert_eq!(h.read_u64(s.limit - 8).unwrap(), 2);
    }
}

#[test]
fn small_stacks_share_spans_and_are_reused() {
    let mut h = heap();
    let a = h.alloc_goroutine_stack(STACK_MIN).unwrap();
    let b = h.alloc_goroutine_stack(STACK_MIN).unwrap();
    // Carved from one 64 KiB span, next to each other.
    assert_eq!(b.base, a.limit);
    let sys = h.mem_stats().stack_sys;
    let many: Vec<_> = (0..30)
        .map(|_| h.alloc_goroutine_stack(STACK_MIN).unwrap())
        .collect();
    assert_eq!(
        h.mem_stats().stack_sys,
        sys,
        "32 stacks of 2 KiB fit one span"
    );
    h.free_goroutine_stack(b);
    let c = h.alloc_goroutine_stack(STACK_MIN).unwrap();
    assert_eq!(c, b, "a freed stack is handed out again");
    // Stacks never overlap.
    let mut all: Vec<_> = many
        .iter()
        .chain([&a, &c])
        .map(|s| (s.base, s.limit))
        .collect();
    all.sort();
    for w in all.windows(2) {
        assert!(w[0].1 <= w[1].0);
    }
}

#[test]
fn idle_spans_are_released_after_a_major_collection() {
    let mut h = heap();
    let base = h.mem_stats().stack_sys;
    let stacks: Vec<_> = (0..1000)
        .map(|_| h.alloc_goroutine_stack(4 << 10).unwrap())
        .collect();
    let big = h.alloc_goroutine_stack(1 << 20).unwrap();
    let held = h.mem_stats().stack_sys;
    assert!(held >= base + 1000 * (4 << 10) + (1 << 20));
    for s in stacks {
        h.free_goroutine_stack(s);
    }
    h.free_goroutine_stack(big);
    // The large stack is given back at once; the small ones' spans at the next major
    // collection.
    assert!(h.mem_stats().stack_sys <= held - (1 << 20));
    h.collect(GcKind::Major, &mut NoRoots);
    assert_eq!(h.mem_stats().stack_sys, base);
}
