//! Tests of the specials (`specials.rs`): weak handles follow moving objects and are
//! cleared when their target dies, a handle nobody refers to is dropped, and a finalizer
//! resurrects its object and hands it over with its function.

use gosub_heap::specials::SpecialKind;
use gosub_heap::*;

mod common;
use common::{collect, heap, Roots};

#[test]
fn a_weak_handle_follows_its_target_and_is_cleared_when_it_dies() {
    let mut h = heap();
    let mut r = Roots::new(&mut h);
    let t = h.alloc(GcTypeId::BYTES, 24).unwrap();
    let w = h.alloc(GcTypeId::BYTES, 8).unwrap();
    h.weak_register(w, t).unwrap();
    assert_eq!(h.weak_handle_of(t), Some(w));
    r.set(&mut h, 0, w); // the weak.Pointer
    r.set(&mut h, 1, t); // a strong reference
    collect(&mut h, &mut r, GcKind::Minor);
    let (w2, t2) = (r.get(&h, 0), r.get(&h, 1));
    assert_ne!((w2, t2), (w, t), "both moved out of the nursery");
    assert_eq!(
        h.read_u64(w2).unwrap(),
        t2,
        "the handle holds the new address"
    );
    assert_eq!(h.weak_handle_of(t2), Some(w2));
    collect(&mut h, &mut r, GcKind::Major);
    assert_eq!(h.read_u64(r.get(&h, 0)).unwrap(), r.get(&h, 1));
    r.set(&mut h, 1, 0);
    collect(&mut h, &mut r, GcKind::Major);
    assert_eq!(
        h.read_u64(r.get(&h, 0)).unwrap(),
        0,
        "cleared: its target died"
    );
    assert_eq!(h.weak_count(), 0, "a cleared handle is no longer tracked");
}

#[test]
fn a_handle_nobody_refers_to_is_dropped() {
    let mut h = heap();
    let mut r = Roots::new(&mut h);
    let t = h.alloc(GcTypeId::BYTES, 24).unwrap();
    let w = h.alloc(GcTypeId::BYTES, 8).unwrap();
    h.weak_register(w, t).unwrap();
    r.set(&mut h, 1, t);
    collect(&mut h, &mut r, GcKind::Minor);
    assert_eq!(h.weak_count(), 0);
    assert_eq!(h.weak_handle_of(r.get(&h, 1)), None);
}

#[test]
fn a_finalizer_resurrects_its_object_and_is_queued_once() {
    let mut h = heap();
    let mut r = Roots::new(&mut h);
    let obj = h.alloc(GcTypeId::BYTES, 16).unwrap();
    h.write_u64(obj, 0x1234).unwrap();
    let func = h.alloc(GcTypeId::BYTES, 8).unwrap();
    h.add_special(obj, func, SpecialKind::Finalizer, 0);
    assert!(h.has_finalizer(obj));
    collect(&mut h, &mut r, GcKind::Minor);
    let ready = h.take_ready();
    assert_eq!(ready.len(), 1);
    let moved = h.handle_get(ready[0].arg.unwrap()).unwrap();
    assert_ne!(moved, obj, "resurrected by copying");
    assert_eq!(h.read_u64(moved).unwrap(), 0x1234);
    assert!(h.handle_get(ready[0].func).is_some());
    assert_eq!(h.special_count(), 0, "the finalizer is removed when queued");
    collect(&mut h, &mut r, GcKind::Minor);
    assert!(h.take_ready().is_empty(), "queued once");
}
