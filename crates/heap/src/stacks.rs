//! The stacks region: runs of 64 KiB granules, committed lazily from their
//! low end upward. Goroutine stacks are carved from them by `stack_pool.rs`
//! (the VM moves a goroutine to a new stack when it grows or shrinks); the
//! cgo emulation's C blocks are runs of their own. Neither is a GC space: the
//! VM scans its frames itself and reports the pointer slots as roots.
//!
//! Commit protocol: `alloc_stack` commits the first granule (64 KiB);
//! the VM calls `grow_stack(base, needed_end)` when its frames would cross
//! `stack_committed_end(base)` (typically on the slow path of its overflow
//! check), and `free_stack(base)` when the goroutine exits (the run is
//! decommitted, i.e. released and made inaccessible, and can be reused).
//!
//! Invariants:
//! - Every live stack is one run of `runs`; `info[start]` records its
//!   committed byte count, a multiple of the granule, `<= run length`.
//! - Exactly `[base, base + committed)` of a live stack is committed; the
//!   rest of the run and all free runs are not (released, and PROT_NONE when
//!   the arena is a mapping of its own: arena.rs).
//! - `last` is the accessible range `holds` found last (or empty): it stays
//!   accessible until that stack is freed, which clears it (a committed part
//!   only grows while the stack lives).

use std::cell::Cell;
use std::collections::BTreeMap;

use crate::arena::{round_up, Addr, Arena, Region, ARENA_BASE};
use crate::pages::PageRuns;
use crate::{AllocError, Heap};

/// A goroutine stack's reserved address range `[base, limit)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StackRegion {
    pub base: Addr,
    pub limit: Addr,
}

pub(crate) struct Stacks {
    pub region: Region,
    pub granule: u64,
    pub runs: PageRuns,
    /// start granule -> (run length in granules, committed bytes)
    pub info: BTreeMap<u32, (u32, u64)>,
    /// The committed bytes of `info`, summed (kept as they change).
    committed: u64,
    /// Goroutine stacks carved from spans (`stack_pool.rs`).
    pub pool: crate::stack_pool::StackPool,
    /// Arena offsets `[lo, hi)` of the accessible range `holds` found last: the running
    /// goroutine's frames are read through it over and over (frame-allocated objects).
    last: Cell<(u64, u64)>,
}

impl Stacks {
    pub fn new(region: Region, granule: u64) -> Stacks {
        let cap = (region.size / granule).min(u32::MAX as u64 - 1) as u32;
        Stacks {
            region,
            granule,
            runs: PageRuns::new(cap),
            info: BTreeMap::new(),
            committed: 0,
            pool: Default::default(),
            last: Cell::new((0, 0)),
        }
    }

    fn start_of(&self, off: u64) -> Option<u32> {
        if !self.region.contains_off(off) {
            return None;
        }
        self.runs.owner((off - self.region.offset) / self.granule)
    }

    /// Is `[off, end)` inside the range `holds` found last (a live stack's committed part)?
    #[inline(always)]
    pub fn holds_last(&self, off: u64, end: u64) -> bool {
        let (lo, hi) = self.last.get();
        off >= lo && end <= hi
    }

    /// Is `[off, off+len)` inside the committed part of one live stack?
    #[inline]
    pub fn holds(&self, off: u64, len: u64) -> bool {
        let Some(end) = off.checked_add(len) else {
            return false;
        };
        let (lo, hi) = self.last.get();
        if off >= lo && end <= hi {
            return true;
        }
        let Some(s) = self.start_of(off) else {
            return false;
        };
        let Some(&(_, committed)) = self.info.get(&s) else {
            return false;
        };
        let base = self.region.offset + s as u64 * self.granule;
        if end > base + committed {
            return false;
        }
        self.last.set((base, base + committed));
        true
    }

    pub fn committed_bytes(&self) -> u64 {
        debug_assert_eq!(self.committed, self.info.values().map(|&(_, c)| c).sum());
        self.committed
    }

    fn commit_to(&mut self, arena: &Arena, start: u32, bytes: u64) -> bool {
        let Some(&(n, committed)) = self.info.get(&start) else {
            return false;
        };
        let len = n as u64 * self.granule;
        if bytes > len {
            return false;
        }
        let want = round_up(bytes, self.granule);
        if want <= committed {
            return true;
        }
        let base = self.region.offset + start as u64 * self.granule;
        if !arena.commit(base + committed, want - committed) {
            return false;
        }
        self.info.insert(start, (n, want));
        self.committed += want - committed;
        true
    }
}

impl Heap {
    /// Reserve a stack of `reserve_bytes` (rounded up to 64 KiB) and commit
    /// its first 64 KiB (zeroed). The VM chooses the growth direction.
    pub fn alloc_stack(&mut self, reserve_bytes: u64) -> Result<StackRegion, AllocError> {
        let st = &mut self.stacks;
        let n = reserve_bytes.max(1).div_ceil(st.granule);
        let n = u32::try_from(n).map_err(|_| AllocError::OutOfMemory)?;
        let (start, _) = st.runs.alloc(n).ok_or(AllocError::OutOfMemory)?;
        st.info.insert(start, (n, 0));
        if !st.commit_to(&self.arena, start, st.granule) {
            st.info.remove(&start);
            st.runs.free(start, n);
            return Err(AllocError::OutOfMemory);
        }
        let base = ARENA_BASE + st.region.offset + start as u64 * st.granule;
        Ok(StackRegion {
            base,
            limit: base + n as u64 * st.granule,
        })
    }

    /// Make `[base, needed_end)` of the stack at `base` accessible.
    /// Fails if `needed_end` is beyond the stack's limit (stack overflow) or
    /// `base` is not a live stack.
    pub fn grow_stack(&mut self, base: Addr, needed_end: Addr) -> Result<Addr, AllocError> {
        let off = base
            .checked_sub(ARENA_BASE)
            .ok_or(AllocError::OutOfMemory)?;
        let st = &mut self.stacks;
        let start = st.start_of(off).ok_or(AllocError::OutOfMemory)?;
        let run_base = ARENA_BASE + st.region.offset + start as u64 * st.granule;
        if run_base != base || needed_end < base {
            return Err(AllocError::OutOfMemory);
        }
        if !st.commit_to(&self.arena, start, needed_end - base) {
            return Err(AllocError::OutOfMemory);
        }
        Ok(self.stack_committed_end(base).unwrap_or(base))
    }

    /// Bytes of the stacks region committed (goroutine stacks and the spans they are cut
    /// from, and C blocks: Go's `StackInuse` and more).
    pub fn stack_bytes(&self) -> u64 {
        self.stacks.committed_bytes()
    }

    /// End of the committed part of the stack at `base`.
    pub fn stack_committed_end(&self, base: Addr) -> Option<Addr> {
        let off = base.checked_sub(ARENA_BASE)?;
        let st = &self.stacks;
        let start = st.start_of(off)?;
        let run_base = ARENA_BASE + st.region.offset + start as u64 * st.granule;
        let &(_, c) = st.info.get(&start)?;
        (run_base == base).then_some(base + c)
    }

    /// Release the stack at `base` (decommit its pages; the range may be
    /// handed out again). Unknown bases are ignored.
    pub fn free_stack(&mut self, base: Addr) {
        let Some(off) = base.checked_sub(ARENA_BASE) else {
            return;
        };
        let st = &mut self.stacks;
        let Some(start) = st.start_of(off) else {
            return;
        };
        if st.region.offset + start as u64 * st.granule != off {
            return;
        }
        if let Some((n, committed)) = st.info.remove(&start) {
            st.committed -= committed;
            st.last.set((0, 0));
            let len = n as u64 * st.granule;
            if !self.arena.release(off, committed) {
                // SAFETY: [off, off+committed) is the committed part of the
                // stack being freed; nothing else refers to it any more.
                unsafe { self.arena.zero(off, committed) };
            }
            self.arena.decommit(off, len);
            st.runs.free(start, n);
        }
    }
}
