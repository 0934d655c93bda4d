//! Non-GC bump regions: static/rodata (program constants) and globals.
//!
//! Invariants:
//! - `[start, start + top)` is the used part; `top <= committed <= size`.
//! - Nothing is ever freed or moved; memory is zero when first handed out
//!   (fresh mmap'd pages), and every block is 8-aligned.
//! - These regions hold no GC headers; static data is never scanned; globals
//!   are scanned as roots through their pointer words (see `roots.rs`).

use crate::arena::{round_up, Arena, Region, COMMIT_CHUNK};

pub(crate) struct BumpRegion {
    pub region: Region,
    pub committed: u64,
    pub top: u64,
}

impl BumpRegion {
    pub fn new(region: Region) -> BumpRegion {
        BumpRegion {
            region,
            committed: 0,
            top: 0,
        }
    }

    /// Reserve `len` bytes (8-aligned start). Returns the arena offset.
    pub fn alloc(&mut self, arena: &Arena, len: u64) -> Option<u64> {
        let start = round_up(self.top, 8);
        let end = start.checked_add(len)?;
        if end > self.region.size {
            return None;
        }
        if end > self.committed {
            let new = round_up(end, COMMIT_CHUNK).min(self.region.size);
            if !arena.commit(self.region.offset + self.committed, new - self.committed) {
                return None;
            }
            self.committed = new;
        }
        self.top = end;
        Some(self.region.offset + start)
    }

    /// Is `[off, off+len)` inside the used part?
    #[inline]
    pub fn holds(&self, off: u64, len: u64) -> bool {
        off >= self.region.offset
            && off
                .checked_add(len)
                .is_some_and(|e| e <= self.region.offset + self.top)
    }
}
