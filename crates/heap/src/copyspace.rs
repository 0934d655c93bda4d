//! A bump-allocated copying space: the nursery and the two survivor spaces
//! are each one `Space` (see `nursery.rs` for how they are used).
//!
//! Invariants:
//! - `[start, start + top)` holds a dense sequence of `header, payload` cells;
//!   each cell is `8 + footprint(size)` bytes; `top` is 8-aligned.
//! - `top <= committed`, `top <= cap`, and `committed, cap <= region.size -
//!   GUARD`; `committed` is a multiple of COMMIT_CHUNK and `[start, start +
//!   committed)` is mapped read/write. (`cap` is the allocation limit; the
//!   guard gap keeps one-past-the-end pointers inside the region.)
//! - `starts` has exactly one bit per object base in `[start, start + top)`.
//! - `objects` counts the cells in `[start, start + top)`.
//! - Between collections the nursery and the "to" survivor space hold
//!   objects only as described in `nursery.rs`; an emptied space has
//!   `top == 0` and no start bits.
//! - `released` is true when the committed pages were madvise'd away (Full GC)
//!   and not touched since.

use crate::arena::{round_up, Arena, Region, COMMIT_CHUNK};
use crate::object::{self, HEADER_BYTES};
use crate::startmap::StartBitmap;

pub(crate) struct Space {
    pub region: Region,
    pub committed: u64,
    pub top: u64,
    pub starts: StartBitmap,
    pub objects: u64,
    pub released: bool,
    /// Allocation limit in bytes from the start of the space.
    pub cap: u64,
}

/// Bytes at the end of each copying region that are never used.
pub(crate) const GUARD: u64 = COMMIT_CHUNK;

impl Space {
    pub fn new(region: Region) -> Space {
        Space {
            region,
            committed: 0,
            top: 0,
            starts: StartBitmap::new(),
            objects: 0,
            released: false,
            cap: 0,
        }
    }

    /// Commit at least `bytes` from the start of the space.
    pub fn ensure_committed(&mut self, arena: &Arena, bytes: u64) -> bool {
        if bytes <= self.committed {
            return true;
        }
        let limit = self.region.size - GUARD;
        if bytes > limit {
            return false;
        }
        let new = round_up(bytes, COMMIT_CHUNK).min(limit);
        if !arena.commit(self.region.offset + self.committed, new - self.committed) {
            return false;
        }
        self.committed = new;
        self.released = false;
        self.starts.ensure(new / 8);
        true
    }

    /// Arena offset of the first free byte.
    #[inline]
    pub fn top_off(&self) -> u64 {
        self.region.offset + self.top
    }

    /// Is arena offset `off` in the used part, end inclusive (so a
    /// one-past-the-end pointer of the last object counts)?
    #[inline]
    pub fn holds_off(&self, off: u64) -> bool {
        off.wrapping_sub(self.region.offset) <= self.top && off >= self.region.offset
    }

    /// Find the arena offset of the base of the object containing `off`
    /// (interior and one-past-the-end pointers included).
    pub fn find_base(&self, arena: &Arena, off: u64) -> Option<u64> {
        if !self.holds_off(off) {
            return None;
        }
        let rel = off - self.region.offset;
        let w = self.starts.find_prev(rel / 8)?;
        let base = self.region.offset + w * 8;
        // SAFETY: a start bit implies a header at base-8 inside [start, top),
        // which is committed.
        let h = unsafe { arena.load(base - HEADER_BYTES) };
        if object::is_forwarded(h) {
            // Only during a collection. The start bits guarantee `off` lies
            // before the next object's header, which is all that matters
            // for forwarding; the target is not dereferenced here.
            return Some(base);
        }
        let fp = object::footprint(object::size(h));
        if off <= base + fp {
            Some(base)
        } else {
            None
        }
    }

    /// Bump-allocate one cell with `fp` payload bytes; the caller has ensured
    /// `top + 8 + fp <= committed`. Returns the arena offset of the base.
    #[inline]
    pub fn bump(&mut self, fp: u64) -> u64 {
        let base = self.top_off() + HEADER_BYTES;
        self.top += HEADER_BYTES + fp;
        self.starts.set((base - self.region.offset) / 8);
        self.objects += 1;
        base
    }

    /// Forget all objects (after they were evacuated).
    pub fn reset(&mut self) {
        self.starts.clear(self.top / 8 + 1);
        self.top = 0;
        self.objects = 0;
    }

    /// Bytes that can still be bumped before `cap`.
    #[inline]
    pub fn room(&self) -> u64 {
        self.cap - self.top
    }

    /// Give the committed pages back to the OS (space must be empty).
    pub fn release(&mut self, arena: &Arena) {
        if self.top == 0 && self.committed > 0 && arena.release(self.region.offset, self.committed)
        {
            self.released = true;
        }
    }
}
