//! Goroutine stacks of power-of-two sizes, as Go's stackalloc hands them out: a stack
//! starts at `STACK_MIN` bytes and the VM replaces it by a larger (or smaller) one when it
//! grows (or shrinks), copying its frames (crates/vm/src/stack.rs).
//!
//! - A small stack (smaller than the 64 KiB granule of the stacks region) is carved from a
//!   span: one granule of the region, committed whole, cut into stacks of one size class.
//!   Freed small stacks go back to their class's free list; a span none of whose stacks is
//!   in use is given back (released and made inaccessible) by `release_idle_stack_spans`,
//!   which the collector calls after a major collection, as Go frees stack spans at GC.
//! - A large stack is a run of its own, committed whole (pages the program never touches
//!   cost no memory: the reservation is `MAP_NORESERVE`); freeing it decommits the run.
//!
//! Spans are committed whole and never partly, and runs are handed out first fit, so the
//! stacks of a million goroutines are a few adjacent mappings, not one per stack (the
//! kernel's map count limit is about 65,000).
//!
//! Invariants:
//! - Every small stack lies in exactly one span of `spans`, which records its class and
//!   how many of its stacks are handed out; a stack on a free list is not handed out.
//! - `size` passed to `free_goroutine_stack` is the size `alloc_goroutine_stack` returned.

use crate::arena::ARENA_BASE;
use crate::stacks::StackRegion;
use crate::{AllocError, Heap};
use std::collections::{HashMap, HashSet};

/// The smallest goroutine stack (Go's `_StackMin` is 2 KiB too).
pub const STACK_MIN: u64 = 2 << 10;

#[derive(Default)]
pub(crate) struct StackPool {
    /// Free small stacks (offsets from `ARENA_BASE`), per size class (`STACK_MIN << class`).
    free: Vec<Vec<u64>>,
    /// Span (first granule of its run) -> (size class, stacks handed out).
    spans: HashMap<u32, (u8, u32)>,
}

/// The size a request for `bytes` gets: the next power of two, at least `STACK_MIN`.
pub fn stack_size_for(bytes: u64) -> Option<u64> {
    bytes.max(STACK_MIN).checked_next_power_of_two()
}

impl Heap {
    /// A goroutine stack of `stack_size_for(bytes)` bytes, all accessible (its contents are
    /// unspecified: the VM zeroes what a frame needs zeroed when it enters it).
    pub fn alloc_goroutine_stack(&mut self, bytes: u64) -> Result<StackRegion, AllocError> {
        let r = self.goroutine_stack(bytes);
        // Stack memory may have changed: a point on the memory report's timeline.
        self.sample_stacks();
        r
    }

    fn goroutine_stack(&mut self, bytes: u64) -> Result<StackRegion, AllocError> {
        let size = stack_size_for(bytes).ok_or(AllocError::OutOfMemory)?;
        let granule = self.stacks.granule;
        if size >= granule {
            let r = self.alloc_stack(size)?;
            if self.grow_stack(r.base, r.limit).is_err() {
                self.free_stack(r.base);
                return Err(AllocError::OutOfMemory);
            }
            return Ok(r);
        }
        let class = (size / STACK_MIN).trailing_zeros() as usize;
        if self.stacks.pool.free.len() <= class {
            self.stacks.pool.free.resize_with(class + 1, Vec::new);
        }
        if self.stacks.pool.free[class].is_empty() {
            let span = self.alloc_stack(granule)?;
            let off = span.base - ARENA_BASE;
            let start = ((off - self.stacks.region.offset) / granule) as u32;
            self.stacks.pool.spans.insert(start, (class as u8, 0));
            let list = &mut self.stacks.pool.free[class];
            // Handed out from the low end first (the list is popped from the back).
            list.extend((0..granule / size).rev().map(|i| off + i * size));
        }
        let off = self.stacks.pool.free[class]
            .pop()
            .ok_or(AllocError::OutOfMemory)?;
        let start = ((off - self.stacks.region.offset) / granule) as u32;
        if let Some(s) = self.stacks.pool.spans.get_mut(&start) {
            s.1 += 1;
        }
        let base = ARENA_BASE + off;
        Ok(StackRegion {
            base,
            limit: base + size,
        })
    }

    /// Gives back a stack from `alloc_goroutine_stack`.
    pub fn free_goroutine_stack(&mut self, stack: StackRegion) {
        let size = stack.limit.saturating_sub(stack.base);
        let granule = self.stacks.granule;
        if size >= granule {
            self.free_stack(stack.base);
            return;
        }
        let Some(off) = stack.base.checked_sub(ARENA_BASE) else {
            return;
        };
        let Some(rel) = off.checked_sub(self.stacks.region.offset) else {
            return;
        };
        let start = (rel / granule) as u32;
        let Some(s) = self.stacks.pool.spans.get_mut(&start) else {
            return;
        };
        if STACK_MIN << s.0 != size || s.1 == 0 {
            return;
        }
        s.1 -= 1;
        self.stacks.pool.free[s.0 as usize].push(off);
    }

    /// Gives the spans none of whose stacks is in use back to the region.
    pub fn release_idle_stack_spans(&mut self) {
        let granule = self.stacks.granule;
        let region_off = self.stacks.region.offset;
        let idle: Vec<u32> = self
            .stacks
            .pool
            .spans
            .iter()
            .filter(|(_, &(_, used))| used == 0)
            .map(|(&s, _)| s)
            .collect();
        if idle.is_empty() {
            return;
        }
        for s in &idle {
            self.stacks.pool.spans.remove(s);
        }
        let set: HashSet<u32> = idle.iter().copied().collect();
        for list in &mut self.stacks.pool.free {
            list.retain(|&off| !set.contains(&(((off - region_off) / granule) as u32)));
        }
        for s in idle {
            self.free_stack(ARENA_BASE + region_off + s as u64 * granule);
        }
    }
}
