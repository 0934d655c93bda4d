//! Helpers shared by the heap's integration tests: a small verified heap and root slots
//! kept in a stack region.

use gosub_heap::*;

/// A heap with a 128 KiB nursery, the verifier on, and 1 GiB reserved.
pub fn heap() -> Heap {
    let c = HeapConfig {
        nursery_bytes: 128 << 10,
        verify: true,
        reserve_bytes: 1 << 30,
        ..HeapConfig::default()
    };
    Heap::new(c).unwrap()
}

/// Four root slots in a stack.
pub struct Roots {
    base: Addr,
}

impl Roots {
    pub fn new(h: &mut Heap) -> Roots {
        Roots {
            base: h.alloc_stack(1 << 20).unwrap().base,
        }
    }
    pub fn get(&self, h: &Heap, i: u64) -> Addr {
        h.read_u64(self.base + 8 * i).unwrap()
    }
    pub fn set(&self, h: &mut Heap, i: u64, v: Addr) {
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

/// Collects, and fails the test on a verifier error.
pub fn collect(h: &mut Heap, r: &mut Roots, kind: GcKind) {
    h.collect(kind, r);
    assert_eq!(h.take_gc_error(), None);
}
