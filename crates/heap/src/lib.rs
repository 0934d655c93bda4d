//! gosub-heap: the VM's address space and garbage-collected heap.
//!
//! Every heap object, global and goroutine stack of a VM lives in one
//! contiguous virtual reservation ([`arena`]); memory holds *VM addresses*
//! (`ARENA_BASE + offset`, nil = 0), never machine addresses. See
//! [`arena::Layout`] for the fixed region layout and [`object`] for the
//! one-word object header and the interior pointer rule.
//!
//! Collector (this version): a Cheney-style copying collector over two
//! semispaces for objects below 32 KiB (the active semispace is the bump
//! "nursery") plus a non-moving mark/sweep large-object space. Roots are the
//! slots reported by the VM's [`RootSource`], the globals' pointer words and
//! the host handle table. The API is shaped for the generational version
//! (nursery + non-moving old space + remembered set): `GcKind::Minor`, the
//! `write_barrier` hook and the age bits exist already.
//!
//! Protocol with the VM: `alloc` may return `AllocError::NeedsCollection`; the
//! VM then calls `collect(kind, roots)` and retries, which succeeds unless the
//! heap limit (or the reservation) is exhausted (`OutOfMemory`). Any VM address
//! obtained before a collection must be re-read from a root slot or handle.
//!
//! Next (generational issue), without VM changes: the active semispace
//! becomes a fixed-size nursery; survivors (by header age) are promoted into
//! a non-moving old space with size-class pages (`old_space.rs`, base lookup
//! by page arithmetic); `write_barrier` records old->young slots in a
//! remembered set (`write_barrier.rs`) that `GcKind::Minor` uses as extra
//! roots; Major/Full mark-sweep the old space; pacing moves to `stats.rs`.
//!
//! All `unsafe` code lives in this crate behind the checked accessors in
//! [`access`]; bad addresses are reported as [`Fault`]s, never panics.

#[cfg(not(target_pointer_width = "64"))]
compile_error!("gosub-heap needs a 64-bit target");

pub mod access;
pub mod arena;
mod bump;
mod collect;
pub mod config;
pub mod gctype;
pub mod large;
pub mod object;
mod pages;
pub mod roots;
mod semispace;
pub mod stacks;
mod startmap;
pub mod stats;
pub mod verify;
pub mod write_barrier;

pub use access::Fault;
pub use arena::{Addr, Layout, Region, ARENA_BASE};
pub use config::HeapConfig;
pub use gctype::GcTypeId;
pub use large::LARGE_THRESHOLD;
pub use roots::{HandleId, NoRoots, RootSource, SliceRoots};
pub use stacks::StackRegion;
pub use stats::{GcKind, HeapStats};

use arena::Arena;
use bump::BumpRegion;
use gctype::TypeTable;
use large::LargeSpace;
use object::{footprint, HEADER_BYTES, MAX_OBJECT_SIZE};
use roots::HandleTable;
use semispace::Space;
use stacks::Stacks;
use stats::Counters;

/// Why an allocation did not succeed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AllocError {
    /// The allocation space is full: collect (with roots) and retry.
    NeedsCollection,
    /// The heap limit or the address reservation is exhausted.
    OutOfMemory,
    /// The type id was never registered.
    BadType,
}

impl std::fmt::Display for AllocError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AllocError::NeedsCollection => f.write_str("allocation needs a collection"),
            AllocError::OutOfMemory => f.write_str("out of memory"),
            AllocError::BadType => f.write_str("unregistered GC type"),
        }
    }
}

impl std::error::Error for AllocError {}

/// One VM's heap and address space.
pub struct Heap {
    pub(crate) arena: Arena,
    pub(crate) layout: Layout,
    pub(crate) config: HeapConfig,
    pub(crate) types: TypeTable,
    pub(crate) semi: [Space; 2],
    /// Index of the semispace objects are allocated in.
    pub(crate) active: usize,
    /// Allocation limit (bytes) of the active semispace before asking for a GC.
    pub(crate) semi_cap: u64,
    pub(crate) large: LargeSpace,
    pub(crate) statics: BumpRegion,
    pub(crate) globals: BumpRegion,
    /// Global blocks: (arena offset, pointer word indices).
    pub(crate) global_blocks: Vec<(u64, Box<[u32]>)>,
    pub(crate) stacks: Stacks,
    pub(crate) handles: HandleTable,
    pub(crate) counters: Counters,
    pub(crate) inhibited: bool,
    /// True from the end of a collection until the next successful alloc.
    pub(crate) collected_since_alloc: bool,
    /// Large objects marked but not yet scanned (collector work list).
    pub(crate) gray: Vec<u64>,
}

impl Heap {
    /// Reserve the address space and set up the regions.
    pub fn new(config: HeapConfig) -> Result<Heap, AllocError> {
        let arena = Arena::reserve(config.reserve_bytes).ok_or(AllocError::OutOfMemory)?;
        let layout = Layout::new(arena.size());
        let page = arena.page_size();
        let mut config = config;
        config.reserve_bytes = arena.size();
        let nursery = arena::round_up(
            config.nursery_bytes.max(arena::COMMIT_CHUNK),
            arena::COMMIT_CHUNK,
        )
        .min(layout.semi[0].size);
        config.nursery_bytes = nursery;
        let mut semi = [Space::new(layout.semi[0]), Space::new(layout.semi[1])];
        if !semi[0].ensure_committed(&arena, nursery) {
            return Err(AllocError::OutOfMemory);
        }
        Ok(Heap {
            large: LargeSpace::new(layout.large, page),
            statics: BumpRegion::new(layout.statics),
            globals: BumpRegion::new(layout.globals),
            stacks: Stacks::new(layout.stacks, page.max(64 << 10)),
            arena,
            layout,
            config,
            types: TypeTable::new(),
            semi,
            active: 0,
            semi_cap: nursery,
            global_blocks: Vec::new(),
            handles: HandleTable::default(),
            counters: Counters::default(),
            inhibited: false,
            collected_since_alloc: false,
            gray: Vec::new(),
        })
    }

    /// The region layout of this heap's reservation.
    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// The effective configuration (sizes clamped/rounded by `new`).
    pub fn config(&self) -> &HeapConfig {
        &self.config
    }

    /// Register a GC type: an element of `size_bytes` bytes whose 8-byte
    /// words at indices `ptr_words` hold VM pointers. Identical layouts get
    /// the same id; out-of-range word indices are ignored.
    ///
    /// Panics only if more than 2^20 distinct layouts are registered (a
    /// compiler limit, not reachable from a running program's input).
    pub fn register_type(&mut self, size_bytes: u32, ptr_words: &[u32]) -> GcTypeId {
        self.types
            .register(size_bytes, ptr_words)
            .expect("gosub-heap: more than 2^20 distinct GC types")
    }

    /// Size in bytes of one element of `ty`.
    pub fn type_size(&self, ty: GcTypeId) -> Option<u32> {
        self.types.get(ty).map(|t| t.size)
    }

    /// While on, `alloc` never returns `NeedsCollection` (the space grows
    /// instead), so native code may hold raw VM addresses across several
    /// allocations. `OutOfMemory` is still possible.
    pub fn set_gc_inhibited(&mut self, on: bool) {
        self.inhibited = on;
    }

    pub fn gc_inhibited(&self) -> bool {
        self.inhibited
    }

    /// Heap bytes in use: small-object space used + large objects' runs.
    pub fn heap_in_use(&self) -> u64 {
        self.semi[self.active].top + self.large.live_bytes()
    }

    /// Allocate `count` zeroed elements of type `ty` (count = 1: a single
    /// object). Returns the VM address of the first byte (8-aligned).
    pub fn alloc(&mut self, ty: GcTypeId, count: usize) -> Result<Addr, AllocError> {
        let t = self.types.get(ty).ok_or(AllocError::BadType)?;
        let size = (t.size as u64)
            .checked_mul(count as u64)
            .filter(|&s| s <= MAX_OBJECT_SIZE)
            .ok_or(AllocError::OutOfMemory)?;
        let may_defer = !self.inhibited && !self.collected_since_alloc;
        if self.config.gc_stress && may_defer {
            return Err(AllocError::NeedsCollection);
        }
        let fp = footprint(size);
        if let Some(limit) = self.config.heap_limit {
            if self.heap_in_use().saturating_add(HEADER_BYTES + fp) > limit {
                return Err(if may_defer {
                    AllocError::NeedsCollection
                } else {
                    AllocError::OutOfMemory
                });
            }
        }
        let base = if size >= LARGE_THRESHOLD {
            self.alloc_large(fp, may_defer)?
        } else {
            self.alloc_small(fp, may_defer)?
        };
        // SAFETY: base-8 is the header word of the cell just allocated, which
        // is committed.
        unsafe {
            self.arena
                .store(base - HEADER_BYTES, object::make(ty, size))
        };
        self.collected_since_alloc = false;
        self.counters.mallocs += 1;
        self.counters.total_alloc += size;
        Ok(ARENA_BASE + base)
    }

    fn alloc_small(&mut self, fp: u64, may_defer: bool) -> Result<u64, AllocError> {
        let need = HEADER_BYTES + fp;
        let s = &self.semi[self.active];
        if s.top + need > self.semi_cap {
            if may_defer {
                return Err(AllocError::NeedsCollection);
            }
            let want = (self.semi_cap * 2).max(s.top + need);
            let new_cap = want.min(s.region.size);
            if s.top + need > new_cap {
                return Err(AllocError::OutOfMemory);
            }
            self.semi_cap = new_cap;
        }
        let s = &mut self.semi[self.active];
        if !s.ensure_committed(&self.arena, s.top + need) {
            return Err(AllocError::OutOfMemory);
        }
        let base = s.bump(fp);
        // SAFETY: [base, base+fp) was just bumped inside committed memory; it
        // may hold stale data from an earlier cycle, so zero it.
        unsafe { self.arena.zero(base, fp) };
        Ok(base)
    }

    fn alloc_large(&mut self, fp: u64, may_defer: bool) -> Result<u64, AllocError> {
        let budget = self.config.nursery_bytes.max(self.large.live_bytes());
        if may_defer && self.large.allocated_since_gc + fp > budget {
            return Err(AllocError::NeedsCollection);
        }
        match self.large.alloc(&self.arena, fp) {
            Some(base) => {
                self.large.allocated_since_gc += fp;
                Ok(base)
            }
            None if may_defer => Err(AllocError::NeedsCollection),
            None => Err(AllocError::OutOfMemory),
        }
    }

    /// Copy `bytes` into the static (rodata) region: never moved, never
    /// freed, not scanned. Returns its VM address (8-aligned).
    pub fn alloc_static(&mut self, bytes: &[u8]) -> Result<Addr, AllocError> {
        let off = self
            .statics
            .alloc(&self.arena, bytes.len() as u64)
            .ok_or(AllocError::OutOfMemory)?;
        // SAFETY: [off, off+len) was just committed in the static region and
        // cannot overlap `bytes`, which lives in Rust memory.
        unsafe {
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), self.arena.ptr(off), bytes.len());
        }
        Ok(ARENA_BASE + off)
    }

    /// Allocate a zeroed block of globals of `size` bytes whose 8-byte words
    /// at `ptr_words` hold pointers. The heap scans those words as roots on
    /// every collection (the VM may report them too: harmless).
    pub fn globals(&mut self, size: u64, ptr_words: &[u32]) -> Result<Addr, AllocError> {
        let off = self
            .globals
            .alloc(&self.arena, size)
            .ok_or(AllocError::OutOfMemory)?;
        let mut w: Vec<u32> = ptr_words
            .iter()
            .copied()
            .filter(|&w| (w as u64 + 1) * 8 <= size)
            .collect();
        w.sort_unstable();
        w.dedup();
        if !w.is_empty() {
            self.global_blocks.push((off, w.into_boxed_slice()));
        }
        Ok(ARENA_BASE + off)
    }

    /// Does `a` point into (or one past the end of) a live GC object?
    pub fn is_gc_object_addr(&self, a: Addr) -> bool {
        self.object_base(a).is_some()
    }

    /// Base address of the GC object `a` points into (interior pointers and
    /// one-past-the-end included, see [`object`]).
    pub fn object_base(&self, a: Addr) -> Option<Addr> {
        let off = a.checked_sub(ARENA_BASE)?;
        let base = if self.layout.semi[self.active].contains_off(off)
            || off == self.layout.semi[self.active].offset + self.layout.semi[self.active].size
        {
            self.semi[self.active].find_base(&self.arena, off)?
        } else if self.layout.large.contains_off(off)
            || off == self.layout.large.offset + self.layout.large.size
        {
            self.large.find_base(&self.arena, off)?
        } else {
            return None;
        };
        Some(ARENA_BASE + base)
    }

    /// Payload size and type of the object at `base` (as returned by `alloc`).
    pub fn object_info(&self, base: Addr) -> Option<(u64, GcTypeId)> {
        if self.object_base(base)? != base {
            return None;
        }
        // SAFETY: object_base found a live object here, so its header word is
        // committed.
        let h = unsafe { self.arena.load(base - ARENA_BASE - HEADER_BYTES) };
        Some((object::size(h), object::type_id(h)))
    }

    /// Statistics snapshot.
    pub fn stats(&self) -> HeapStats {
        let c = &self.counters;
        let semi_committed: u64 = self.semi.iter().map(|s| s.committed).sum();
        let semi_released: u64 = self
            .semi
            .iter()
            .filter(|s| s.released)
            .map(|s| s.committed)
            .sum();
        let large_released = self.large.committed_bytes() - self.large.live_bytes();
        let heap_sys = semi_committed + self.large.committed_bytes();
        let stack_sys = self.stacks.committed_bytes();
        HeapStats {
            total_alloc: c.total_alloc,
            mallocs: c.mallocs,
            frees: c.frees,
            live_after_gc: c.live_after_gc,
            num_minor: c.num_minor,
            num_major: c.num_major,
            num_full: c.num_full,
            pause_total: c.pause_total,
            pauses: c.pauses.iter().copied().collect(),
            heap_in_use: self.heap_in_use(),
            heap_sys,
            sys: heap_sys + stack_sys + self.statics.committed + self.globals.committed,
            released: semi_released + large_released,
            stack_sys,
            heap_objects: c.mallocs - c.frees,
        }
    }
}
