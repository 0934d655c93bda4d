//! Object header: one 64-bit word immediately before an object's first byte.
//!
//! ```text
//!  63                         28 27                  8 7  6 5    2 1   0
//! +-----------------------------+---------------------+----+------+---+---+
//! |  payload size in bytes (36) |  GC type id (20)    |0 S | age  | M | F |
//! +-----------------------------+---------------------+----+------+---+---+
//! ```
//! - `F` (bit 0), FORWARDED: set only on a from-space copy during a moving
//!   collection; the whole word is then `new_base | 1` (new_base is a VM
//!   address, 8-aligned) and no other field is present.
//! - `M` (bit 1), MARK: set on non-moving objects (large space) reached in the
//!   current cycle; cleared again by the sweep. Always 0 between collections outside
//!   an incremental marking cycle (`incremental.rs`), which keeps it across them.
//! - age (bits 2..=5): number of collections survived, saturating at 15 (the
//!   generational collector will promote by age).
//! - `S` (bit 6), SINGLE: allocated as one value of its type (count 1), so the
//!   payload size equals the type's size. Such an object, when small, is
//!   promoted into a typed old-space span that keeps the type once for all its
//!   cells and no header per object (`old_space.rs`).
//! - type id (bits 8..=27): index into the heap's type table.
//! - size (bits 28..=63): exact payload size = type size * element count.
//!
//! Invariants: an object's footprint (bytes after the header) is
//! `footprint(size) = max(8, round_up(size, 8))`, so every object's VM address
//! range `[base, base + footprint]` (closed: one-past-the-end included) is
//! disjoint from every other object's, because the next object's header word
//! lies at `base + footprint` and its base 8 bytes later. That is the interior
//! pointer rule: a pointer `p` belongs to the object with
//! `base <= p <= base + footprint(size)`. (The typed cells of the old space
//! have no header word; how their pointers are resolved is in `old_space.rs`.)

use crate::gctype::GcTypeId;

pub(crate) const HEADER_BYTES: u64 = 8;
pub(crate) const FORWARDED: u64 = 1;
pub(crate) const MARK: u64 = 2;
pub(crate) const SINGLE: u64 = 1 << 6;
const AGE_SHIFT: u32 = 2;
const AGE_MASK: u64 = 0xf << AGE_SHIFT;
const TYPE_SHIFT: u32 = 8;
const TYPE_BITS: u32 = 20;
const SIZE_SHIFT: u32 = 28;

/// Largest number of distinct GC types.
pub const MAX_TYPES: u32 = 1 << TYPE_BITS;
/// Largest payload size of one object (64 GiB - 1).
pub const MAX_OBJECT_SIZE: u64 = (1 << (64 - SIZE_SHIFT)) - 1;

/// Bytes an object of `size` payload bytes occupies after its header.
#[inline]
pub(crate) fn footprint(size: u64) -> u64 {
    if size <= 8 {
        8
    } else {
        (size + 7) & !7
    }
}

#[inline]
pub(crate) fn make(ty: GcTypeId, size: u64) -> u64 {
    debug_assert!(size <= MAX_OBJECT_SIZE && ty.0 < MAX_TYPES);
    (size << SIZE_SHIFT) | ((ty.0 as u64) << TYPE_SHIFT)
}

#[inline]
pub(crate) fn is_forwarded(h: u64) -> bool {
    h & FORWARDED != 0
}

#[inline]
pub(crate) fn forward_target(h: u64) -> u64 {
    h & !7
}

#[inline]
pub(crate) fn size(h: u64) -> u64 {
    h >> SIZE_SHIFT
}

#[inline]
pub(crate) fn type_id(h: u64) -> GcTypeId {
    GcTypeId(((h >> TYPE_SHIFT) & ((1 << TYPE_BITS) - 1)) as u32)
}

#[inline]
pub(crate) fn age(h: u64) -> u64 {
    (h & AGE_MASK) >> AGE_SHIFT
}

#[inline]
pub(crate) fn with_older(h: u64) -> u64 {
    let a = (age(h) + 1).min(15);
    (h & !AGE_MASK) | (a << AGE_SHIFT)
}

/// Bits that must be zero in a sane, non-forwarded header.
pub(crate) const RESERVED_BITS: u64 = 0x80;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_roundtrip() {
        let h = make(GcTypeId(12345), 1 << 35);
        assert_eq!(size(h), 1 << 35);
        assert_eq!(type_id(h), GcTypeId(12345));
        assert_eq!(age(h), 0);
        let h2 = with_older(with_older(h));
        assert_eq!(age(h2), 2);
        assert_eq!(size(h2), 1 << 35);
        assert!(!is_forwarded(h2));
        let f = 0xc000001238 | FORWARDED;
        assert!(is_forwarded(f));
        assert_eq!(forward_target(f), 0xc000001238);
        assert_eq!(footprint(0), 8);
        assert_eq!(footprint(1), 8);
        assert_eq!(footprint(9), 16);
        assert_eq!(footprint(16), 16);
    }
}
