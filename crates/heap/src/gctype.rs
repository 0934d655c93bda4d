//! GC types: the layout of one element (size + pointer bitmap).
//!
//! Invariants:
//! - Type ids are dense indices into `TypeTable::types`, never reused, and
//!   below [`crate::object::MAX_TYPES`]. Registration is deduplicated: the same
//!   `(size, pointer words)` always yields the same id.
//! - `ptr_words` is sorted, deduplicated and every index `w` satisfies
//!   `(w + 1) * 8 <= size` (out-of-range indices are dropped at registration).
//!   Pointer slots of element `i` are at `base + i*size + w*8`; if `size` is not
//!   a multiple of 8 those slots are unaligned, which the collector tolerates
//!   (it uses unaligned loads/stores).
//! - Predefined: [`GcTypeId::BYTES`] (size 1, no pointers) and
//!   [`GcTypeId::POINTER`] (size 8, word 0 is a pointer).

use std::collections::HashMap;
use std::sync::Arc;

use crate::object::MAX_TYPES;

/// Index of a registered GC type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GcTypeId(pub u32);

impl GcTypeId {
    /// One byte, no pointers: `alloc(BYTES, n)` gives `n` bytes.
    pub const BYTES: GcTypeId = GcTypeId(0);
    /// One pointer word: `alloc(POINTER, n)` gives an array of `n` pointers.
    pub const POINTER: GcTypeId = GcTypeId(1);
}

#[derive(Clone, Debug)]
pub(crate) struct GcType {
    pub size: u32,
    pub ptr_words: Box<[u32]>,
}

/// A layout's key: its size and its sorted pointer words.
type LayoutKey = (u32, Box<[u32]>);

/// The registered layouts. Heaps stamped from one image (image.rs) share the image's
/// table until one of them registers a layout of its own, which copies it first.
#[derive(Default, Clone)]
pub(crate) struct TypeTable {
    types: Arc<Vec<GcType>>,
    dedup: Arc<HashMap<LayoutKey, GcTypeId>>,
}

impl TypeTable {
    pub fn new() -> TypeTable {
        let mut t = TypeTable::default();
        let b = t.register(1, &[]);
        let p = t.register(8, &[0]);
        debug_assert_eq!((b, p), (Some(GcTypeId::BYTES), Some(GcTypeId::POINTER)));
        t
    }

    /// Register (or find) a type. `None` only when `MAX_TYPES` distinct
    /// layouts already exist.
    pub fn register(&mut self, size: u32, ptr_words: &[u32]) -> Option<GcTypeId> {
        let mut w: Vec<u32> = ptr_words
            .iter()
            .copied()
            .filter(|&w| (w as u64 + 1) * 8 <= size as u64)
            .collect();
        w.sort_unstable();
        w.dedup();
        let key = (size, w.into_boxed_slice());
        if let Some(&id) = self.dedup.get(&key) {
            return Some(id);
        }
        if self.types.len() as u64 >= MAX_TYPES as u64 {
            return None;
        }
        let id = GcTypeId(self.types.len() as u32);
        Arc::make_mut(&mut self.types).push(GcType {
            size,
            ptr_words: key.1.clone(),
        });
        Arc::make_mut(&mut self.dedup).insert(key, id);
        Some(id)
    }

    #[inline]
    pub fn get(&self, id: GcTypeId) -> Option<&GcType> {
        self.types.get(id.0 as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dedup_and_normalise() {
        let mut t = TypeTable::new();
        let a = t.register(24, &[2, 0, 0, 7]).unwrap();
        let b = t.register(24, &[0, 2]).unwrap();
        assert_eq!(a, b);
        assert_eq!(&*t.get(a).unwrap().ptr_words, &[0, 2]);
        assert_eq!(t.register(8, &[0]), Some(GcTypeId::POINTER));
        assert_eq!(t.register(1, &[]), Some(GcTypeId::BYTES));
    }
}
