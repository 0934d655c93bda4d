//! gosub-heap: the VM's address space and garbage-collected heap.
//!
//! Every heap object, global and goroutine stack of a VM lives in one
//! contiguous virtual reservation ([`arena`]); memory holds *VM addresses*
//! (`ARENA_BASE + offset`, nil = 0), never machine addresses. See
//! [`arena::Layout`] for the fixed region layout and [`object`] for the
//! one-word object header and the interior pointer rule.
//!
//! Collector: generational; minor collections stop the world, the old generation is
//! marked incrementally (model: Lua 5.4's lgc.c, one concept per file):
//! - [`nursery`](crate::nursery): fixed-size bump nursery + two survivor
//!   spaces; minor collections copy survivors Cheney-style and promote them
//!   after `promote_age` survived minor collections (after one, following a mostly
//!   live nursery: `pacing.rs`);
//! - `old_space.rs` / [`size_class`]: non-moving mark/sweep old space of
//!   size-class spans, base finding by page arithmetic; `size_class` also
//!   owns Go's size-class table and `roundupsize`;
//! - [`large`]: objects of 32 KiB and more, non-moving, marked and freed
//!   individually (part of the old generation);
//! - [`write_barrier`]: card marking inside the store accessors; dirty cards
//!   are roots of minor collections;
//! - `collect.rs`: the minor and major cycles; `pacing.rs`: when to run which;
//! - [`incremental`]: incremental marking of the old generation in steps paid for by
//!   allocation, its barrier (remark cards) and its termination; `sweep.rs`: the old
//!   space's sweep, lazy after an incremental cycle;
//! - [`stats`]: MemStats, gctrace lines, the `--gcstats` summary;
//! - [`verify`]: the heap verifier (`gcverify`).
//!
//! Roots are the slots reported by the VM's [`RootSource`], the globals'
//! pointer words and the host handle table (and, in minor collections, the
//! dirty cards).
//!
//! Protocol with the VM: `alloc` may return `AllocError::NeedsCollection`; the
//! VM then calls `collect(GcKind::Minor, roots)` (the heap upgrades it to a
//! major collection when pacing says so) and retries, which succeeds unless
//! the heap limit (or the reservation) is exhausted (`OutOfMemory`). Any VM
//! address obtained before a collection must be re-read from a root slot or
//! handle: young objects move (old and large ones never do).
//!
//! Architecture Invariants (checked by `tests/architecture.rs`):
//! - this crate depends on no other gosub crate, only libc: it owns memory and knows no Go
//!   beyond Go's size classes;
//! - most of gosub's `unsafe` code lives here, each block with a `// SAFETY:` comment,
//!   behind the checked accessors in [`access`]: bad addresses are reported as [`Fault`]s,
//!   never panics. Outside this crate only the interpreter (gosub-vm's `interp`, `frame`
//!   and `vm` modules) and the CLI's signal handler hold `unsafe`.

#[cfg(not(target_pointer_width = "64"))]
compile_error!("gosub-heap needs a 64-bit target");

pub mod access;
pub mod arena;
mod bump;
mod collect;
pub mod config;
mod copyspace;
pub mod gc_log;
pub mod gctype;
pub mod host_memory;
pub mod host_stack;
pub mod image;
pub mod incremental;
pub mod large;
pub mod nursery;
pub mod object;
mod old_space;
pub mod pacing;
mod pages;
mod reservation_pool;
pub mod roots;
mod runway;
pub mod size_class;
pub mod specials;
pub mod stack_pool;
pub mod stacks;
mod startmap;
pub mod stats;
mod sweep;
pub mod tracked;
pub mod verify;
pub mod write_barrier;

pub use access::Fault;
pub use arena::{
    reserve_for_stack, Addr, Layout, Region, ARENA_BASE, DEFAULT_RESERVE, EMBEDDED_RESERVE,
    MIN_RESERVE,
};
pub use config::HeapConfig;
pub use config::{DEFAULT_NURSERY, DEFAULT_PROMOTE_AGE};
pub use gctype::GcTypeId;
pub use large::LARGE_THRESHOLD;
pub use roots::{HandleId, NoRoots, RootSource, SliceRoots};
pub use stack_pool::{stack_size_for, STACK_MIN};
pub use stacks::StackRegion;
pub use stats::{GcKind, HeapStats, MemStats};

use arena::Arena;
use bump::BumpRegion;
use gctype::TypeTable;
use large::LargeSpace;
use nursery::Young;
use object::{footprint, HEADER_BYTES, MAX_OBJECT_SIZE};
use old_space::OldSpace;
use pacing::Pacer;
use roots::HandleTable;
use stacks::Stacks;
use stats::Counters;
use write_barrier::CardTable;

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
    /// Young objects (base offsets) whose address a program has observed: the next
    /// collection promotes them instead of copying them to a survivor space, so the
    /// address they have from then on never changes (`pin_observed`).
    pub(crate) observed: Vec<u64>,
    pub(crate) arena: Arena,
    pub(crate) layout: Layout,
    pub(crate) config: HeapConfig,
    pub(crate) types: TypeTable,
    pub(crate) young: Young,
    pub(crate) old: OldSpace,
    pub(crate) large: LargeSpace,
    pub(crate) old_cards: CardTable,
    pub(crate) large_cards: CardTable,
    pub(crate) statics: BumpRegion,
    pub(crate) globals: BumpRegion,
    /// Global blocks: (arena offset, pointer word indices).
    pub(crate) global_blocks: Vec<(u64, Box<[u32]>)>,
    pub(crate) stacks: Stacks,
    pub(crate) handles: HandleTable,
    pub(crate) specials: specials::Specials,
    pub(crate) tracked: tracked::Tracked,
    pub(crate) gc_log: Option<Vec<gc_log::GcRecord>>,
    pub(crate) gc_log_start: (u64, gc_log::Spaces),
    pub(crate) gc_samples: gc_log::Samples,
    pub(crate) counters: Counters,
    pub(crate) pacer: Pacer,
    pub(crate) inhibited: bool,
    /// The kind of the next collection, decided by `plan_collection` before the VM gathers
    /// its roots (a minor collection need not scan every stack: crates/vm/src/gc.rs).
    pub(crate) planned: Option<GcKind>,
    /// True from the end of a collection until the next successful alloc.
    pub(crate) collected_since_alloc: bool,
    /// A collection is owed (`collection_owed`).
    pub(crate) owed: bool,
    /// Collector state of the running cycle (see `collect.rs`).
    pub(crate) cycle: collect::Cycle,
    /// Non-moving objects marked/promoted but not yet scanned (mark stack).
    pub(crate) gray: Vec<u64>,
    /// Incremental marking of the old generation (`incremental.rs`).
    pub(crate) inc: incremental::Incremental,
    /// `alloc`'s fast path bumps the nursery up to here: the minor collection's trigger,
    /// or the next mark, sweep or runway step's point (`Heap::refresh_bump_limit`).
    pub(crate) bump_limit: u64,
    /// The nursery top at which the next mark or sweep step is due (the trigger when
    /// neither runs); `bump_limit` is this, or lower while the runway is short.
    pub(crate) step_limit: u64,
    /// Bytes of old-space runway the allocator keeps touched ahead of promotion
    /// (`runway.rs`).
    pub(crate) runway_want: u64,
    /// gctrace lines not yet taken.
    pub(crate) trace: Vec<String>,
    /// First verifier failure not yet taken.
    pub(crate) verify_error: Option<String>,
}

impl Heap {
    /// Reserve the address space and set up the regions.
    pub fn new(config: HeapConfig) -> Result<Heap, AllocError> {
        let arena = Arena::reserve(config.reserve_bytes).ok_or(AllocError::OutOfMemory)?;
        let layout = Layout::new(arena.size());
        let page = arena.page_size();
        let mut config = config;
        config.reserve_bytes = arena.size();
        config.promote_age = config.promote_age.clamp(1, 15);
        let nursery = arena::round_up(
            config.nursery_bytes.max(arena::COMMIT_CHUNK),
            arena::COMMIT_CHUNK,
        )
        .min(layout.nursery.size - copyspace::GUARD);
        config.nursery_bytes = nursery;
        let (young, _) = Young::new(&arena, &layout, nursery).ok_or(AllocError::OutOfMemory)?;
        let incremental = config.incremental;
        let mut heap = Heap {
            old: OldSpace::new(layout.old),
            large: LargeSpace::new(layout.large, page),
            old_cards: CardTable::new(layout.old.offset),
            large_cards: CardTable::new(layout.large.offset),
            statics: BumpRegion::new(layout.statics),
            globals: BumpRegion::new(layout.globals),
            stacks: Stacks::new(layout.stacks, page.max(64 << 10)),
            pacer: Pacer::new(&config),
            observed: Vec::new(),
            arena,
            layout,
            config,
            types: TypeTable::new(),
            young,
            global_blocks: Vec::new(),
            handles: HandleTable::default(),
            specials: specials::Specials::default(),
            tracked: tracked::Tracked::default(),
            gc_log: None,
            gc_log_start: (0, gc_log::Spaces::default()),
            gc_samples: gc_log::Samples::default(),
            counters: Counters::default(),
            inhibited: false,
            owed: false,
            planned: None,
            collected_since_alloc: false,
            cycle: collect::Cycle::default(),
            gray: Vec::new(),
            inc: incremental::Incremental::new(incremental, layout.old.offset, layout.large.offset),
            bump_limit: 0,
            step_limit: 0,
            runway_want: 0,
            trace: Vec::new(),
            verify_error: None,
        };
        heap.refresh_bump_limit();
        Ok(heap)
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

    /// Do values of `ty` hold pointers? (Unknown types are said to.) A store of a value
    /// without pointers needs no write barrier anywhere.
    #[inline]
    pub fn has_pointers(&self, ty: GcTypeId) -> bool {
        self.types.get(ty).is_none_or(|t| !t.ptr_words.is_empty())
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

    /// Heap bytes held by objects: young spaces' used parts + old cells in
    /// use + large objects' runs (Go's HeapAlloc).
    #[inline]
    pub fn heap_in_use(&self) -> u64 {
        self.young.used() + self.old.in_use + self.large.live_bytes()
    }

    /// The most a single object could ever take: the heap limit, or without one the
    /// large-object region. A native that builds its result in host memory first (fmt's
    /// buffer) stops there: past it, the result could not be stored in the heap anyway,
    /// and the host's memory is not the program's. (Not the limit less the bytes in use:
    /// those count garbage a collection would free.)
    pub fn max_object_bytes(&self) -> u64 {
        match self.config.heap_limit {
            Some(limit) => limit,
            None => self.layout.large.size,
        }
    }

    /// Bytes in use per space: (nursery and survivor spaces, old space, large objects).
    pub fn space_usage(&self) -> (u64, u64, u64) {
        (self.young.used(), self.old.in_use, self.large.live_bytes())
    }

    /// The fast path of `alloc`, and the whole of it when it applies: a small object bumped
    /// in the nursery below the bump limit, with no stress collections and no heap limit
    /// to consult. The object, its header and the counters are what `alloc` makes; None
    /// (and nothing changed) when anything else would be needed, for the caller to call
    /// `alloc`. Small enough for the interpreter's inner loop, which must not call out.
    #[inline(always)]
    pub fn alloc_young(&mut self, ty: GcTypeId, count: usize) -> Option<Addr> {
        if self.config.gc_stress || self.config.heap_limit.is_some() {
            return None;
        }
        let size = (self.types.get(ty)?.size as u64).checked_mul(count as u64)?;
        if size >= LARGE_THRESHOLD {
            return None;
        }
        let fp = footprint(size);
        let need = HEADER_BYTES + fp;
        if self.young.nursery.top + need > self.bump_limit {
            return None;
        }
        let base = self.bump_nursery(fp, need);
        let single = if count == 1 { object::SINGLE } else { 0 };
        // SAFETY: base-8 is the header word of the cell just bumped, which is committed.
        unsafe {
            self.arena
                .store(base - HEADER_BYTES, object::make(ty, size) | single)
        };
        // (A nursery object is never allocated black: `allocate_black`.)
        self.collected_since_alloc = false;
        self.counters.mallocs += 1;
        self.counters.total_alloc += need;
        Some(ARENA_BASE + base)
    }

    /// Allocate `count` zeroed elements of type `ty` (count = 1: a single
    /// object). Returns the VM address of the first byte (8-aligned).
    #[inline]
    pub fn alloc(&mut self, ty: GcTypeId, count: usize) -> Result<Addr, AllocError> {
        if let Some(a) = self.alloc_young(ty, count) {
            return Ok(a);
        }
        let t = self.types.get(ty).ok_or(AllocError::BadType)?;
        let size = (t.size as u64)
            .checked_mul(count as u64)
            .filter(|&s| s <= MAX_OBJECT_SIZE)
            .ok_or(AllocError::OutOfMemory)?;
        let may_defer = !self.inhibited && !self.collected_since_alloc;
        // Stress collections follow GOGC=off too: a program that turned the collector
        // off sees no collection under stress either.
        if self.config.gc_stress && may_defer && self.pacer.gogc >= 0 {
            return Err(AllocError::NeedsCollection);
        }
        let fp = footprint(size);
        let need = HEADER_BYTES + fp;
        if let Some(limit) = self.config.heap_limit {
            // Promotion rounds young cells up to a size class (at most
            // 1/8 more), so reserve that slack: the limit then holds even
            // right after the young generation is promoted.
            let slack = self.young.used() / 8;
            let over = |h: &Heap| h.heap_in_use().saturating_add(slack + need) > limit;
            if over(self) && self.old.sweep_pending() {
                // Dead objects a lazy sweep has yet to free count in heap_in_use: free them
                // first (sweeping moves nothing, so it is safe even while inhibited).
                self.finish_sweep();
            }
            if over(self) {
                if may_defer {
                    self.pacer.want_major = true;
                    return Err(AllocError::NeedsCollection);
                }
                return Err(AllocError::OutOfMemory);
            }
        }
        // Bytes HeapAlloc gains (a large run and an old cell are rounded up): TotalAlloc
        // counts the same, so TotalAlloc - HeapAlloc is what was freed, as in Go.
        let mut counted = need;
        let mut headered = true;
        let base = if size >= LARGE_THRESHOLD {
            let before = self.large.live_bytes();
            let b = self.alloc_large(fp, may_defer)?;
            counted = self.large.live_bytes() - before;
            b
        } else {
            let top = self.young.nursery.top;
            if top + need <= self.bump_limit {
                // Fast path: bump the nursery.
                self.bump_nursery(fp, need)
            } else if (self.inc.active || self.sweeping() || self.runway_short())
                && top + need <= self.pacer.young_trigger
            {
                // Marking or sweeping: a step is due before the nursery's trigger, or,
                // when marking is done, the root rescan or the termination (incremental.rs).
                if (self.inc.active || self.sweeping()) && top + need > self.step_limit {
                    if !self.collection_due() {
                        self.mark_assist();
                    } else if self.owe_collection(may_defer) {
                        return Err(AllocError::NeedsCollection);
                    }
                }
                // And the old space's runway (runway.rs).
                if self.runway_short() {
                    self.runway_step();
                }
                self.bump_nursery(fp, need)
            } else if (self.pacer.gogc >= 0 || self.old_gen_bytes() + need > self.pacer.goal)
                && !self.pacer.defer_minor(need, self.old_gen_bytes())
                && self.owe_collection(may_defer)
            {
                // (With GOGC=off only the soft memory limit sets a goal.)
                return Err(AllocError::NeedsCollection);
            } else if top + need <= self.young.nursery.cap {
                // No collection now, but the nursery has room past the trigger.
                self.bump_nursery(fp, need)
            } else {
                // Inhibited, right after a collection, the collector off (`GOGC=off`:
                // Go collects nothing until runtime.GC, so neither does a full nursery
                // here), or a minor collection deferred for a deep stack (pacing.rs).
                let typed = (count == 1)
                    .then(|| old_space::OldSpace::typed_for(ty, size))
                    .flatten();
                let b = match self.alloc_old_direct(need, typed) {
                    Ok(b) => b,
                    // A deferred collection is still there to run.
                    Err(AllocError::OutOfMemory) if may_defer && self.pacer.gogc >= 0 => {
                        return Err(AllocError::NeedsCollection)
                    }
                    Err(e) => return Err(e),
                };
                // The cell's size class (not the change of `in_use`: finding the cell may
                // have swept spans, sweep.rs).
                counted = self.old.cell_bytes(need, typed);
                self.pacer.deferred_bytes += counted;
                // A typed cell has no header: its span holds the type.
                headered = typed.is_none();
                b
            }
        };
        if headered {
            let single = if count == 1 { object::SINGLE } else { 0 };
            // SAFETY: base-8 is the header word of the cell just allocated,
            // which is committed.
            unsafe {
                self.arena
                    .store(base - HEADER_BYTES, object::make(ty, size) | single)
            };
        }
        if self.inc.active && self.inc.rescan == incremental::Rescan::Done {
            self.allocate_black(base);
        }
        self.collected_since_alloc = false;
        self.counters.mallocs += 1;
        self.counters.total_alloc += counted;
        if (self.inc.active || self.sweeping())
            && !self.young.nursery.region.contains_off(base)
            && self.note_direct_alloc(counted)
        {
            self.mark_assist();
        }
        Ok(ARENA_BASE + base)
    }

    /// Bump `fp` bytes (`need` with the header) in the nursery, below its capacity, and
    /// zero them; returns the object's base.
    #[inline(always)]
    fn bump_nursery(&mut self, fp: u64, need: u64) -> u64 {
        let base = self.young.nursery.bump(fp);
        self.counters.nursery_alloc += need;
        // SAFETY: [base, base+fp) was just bumped inside the committed nursery; it holds
        // stale data from an earlier cycle, so zero it.
        unsafe { self.arena.zero(base, fp) };
        base
    }

    /// Before a collection: the words the VM's walk of the stacks examined for it (every
    /// pointer word of every frame it looked at, live or not), the stack's share of a
    /// minor collection's work, for the deep-stack pacing rule (`pacing.rs`).
    pub fn note_stack_scan(&mut self, words: u64) {
        self.pacer.stack_scan_hint = words;
    }

    /// An allocation has passed a trigger: true when it may ask for the collection now;
    /// otherwise, when the collector is inhibited (a native holds VM addresses), the
    /// collection is owed and runs at the VM's next safepoint (`collection_owed`).
    #[inline]
    fn owe_collection(&mut self, may_defer: bool) -> bool {
        if !may_defer && self.inhibited {
            self.owed = true;
        }
        may_defer
    }

    /// Did an allocation made while the collector was inhibited pass a trigger (the
    /// nursery's, or the old generation's goal)? It could not ask for its collection then;
    /// the VM runs it at its next allocating safepoint (`gosub_vm::gc::collect_owed`), so
    /// a program whose allocations all happen inside natives (a map growing, strings
    /// built by the standard library) is paced like any other, as in Go. Cleared by every
    /// collection.
    pub fn collection_owed(&self) -> bool {
        self.owed && !self.inhibited
    }

    /// Nursery full and no collection possible or wanted (inhibited, right after a
    /// collection, the collector off, or a minor collection deferred for a deep
    /// stack): allocate a zeroed cell directly in
    /// the old space. The write barrier is in every accessor, so later stores
    /// of young pointers into it are carded like any old object's.
    /// Returns the object's base: after the header word the caller writes, or,
    /// for a `typed` cell, the cell itself.
    #[cold]
    fn alloc_old_direct(
        &mut self,
        need: u64,
        typed: Option<old_space::Typed>,
    ) -> Result<u64, AllocError> {
        let (base, fp) = match typed {
            Some(t) => {
                let cell = self.old.alloc_typed(&self.arena, t);
                (cell, footprint(t.size as u64))
            }
            None => {
                let cell = self.old.alloc(&self.arena, need);
                (cell.map(|c| c + HEADER_BYTES), need - HEADER_BYTES)
            }
        };
        let base = base.ok_or(AllocError::OutOfMemory)?;
        self.old_cards.ensure(self.old.committed_bytes());
        self.ensure_remark_cards();
        // SAFETY: the object's cell lies in a committed span page.
        unsafe { self.arena.zero(base, fp) };
        Ok(base)
    }

    /// The header of the object at arena offset `base` (a live object's base):
    /// read from the word before it, or synthesised from a typed old span.
    #[inline]
    pub(crate) fn header_at(&self, base: u64) -> u64 {
        if self.layout.old.contains_off(base) {
            return self.old.header(&self.arena, base);
        }
        // SAFETY: callers pass live objects' bases, whose header words are committed.
        unsafe { self.arena.load(base - HEADER_BYTES) }
    }

    #[cold]
    fn alloc_large(&mut self, fp: u64, may_defer: bool) -> Result<u64, AllocError> {
        if self.inc.active && self.collection_due() && self.owe_collection(may_defer) {
            // Marking is done: its root rescan or termination first.
            return Err(AllocError::NeedsCollection);
        }
        let after = self.old_gen_bytes() + fp;
        let incremental = self.inc.enabled && !self.config.gc_stress && self.pacer.gogc >= 0;
        if incremental && !self.inc.active && after > self.pacer.mark_trigger {
            if self.owe_collection(may_defer) {
                // A minor collection first, which starts incremental marking.
                self.inc.start_wanted = true;
                return Err(AllocError::NeedsCollection);
            }
        } else if after > self.pacer.stw_goal(&self.config) && self.owe_collection(may_defer) {
            // Past the hard goal (while marking: the last resort, a stop-the-world finish).
            self.pacer.want_major = true;
            return Err(AllocError::NeedsCollection);
        }
        match self.large.alloc(&self.arena, fp) {
            Some(base) => {
                self.large_cards.ensure(self.large.committed_bytes());
                self.ensure_remark_cards();
                Ok(base)
            }
            None if may_defer => {
                self.pacer.want_major = true;
                Err(AllocError::NeedsCollection)
            }
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

    /// A program is about to observe address `a` (`%p`, printing a pointer): if it points
    /// into a young object, which a collection would move, mark the object for promotion
    /// and return true; the caller then runs a collection (the object moves once, into
    /// the non-moving old space) and reads the address again. Old and large objects, and
    /// non-heap addresses, never move: false.
    pub fn pin_observed(&mut self, a: Addr) -> bool {
        let Some(off) = a.checked_sub(ARENA_BASE) else {
            return false;
        };
        if off >= self.layout.young_end() {
            return false;
        }
        match self.object_base(a) {
            Some(base) => {
                self.observed.push(base - ARENA_BASE);
                true
            }
            None => false,
        }
    }

    /// Does `a` point into (or one past the end of) a live GC object?
    pub fn is_gc_object_addr(&self, a: Addr) -> bool {
        self.object_base(a).is_some()
    }

    /// Base address of the GC object `a` points into (interior pointers and
    /// one-past-the-end included, see [`object`]).
    pub fn object_base(&self, a: Addr) -> Option<Addr> {
        let off = a.checked_sub(ARENA_BASE)?;
        let l = &self.layout;
        let base = if off < l.young_end() {
            self.young.space_of(off)?.find_base(&self.arena, off)?
        } else if l.old.contains_off(off) {
            self.old.find_base(&self.arena, off)?
        } else if l.large.contains_off(off) || off == l.large.offset + l.large.size {
            self.large.find_base(&self.arena, off)?
        } else {
            return None;
        };
        Some(ARENA_BASE + base)
    }

    /// Decides the kind of the next collection (a requested minor one may be upgraded by
    /// the pacer, see `pacing.rs`); the next `collect` runs that kind.
    pub fn plan_collection(&mut self, requested: GcKind) -> GcKind {
        let k = self
            .pacer
            .decide(requested, self.old_gen_bytes(), &self.config);
        self.planned = Some(k);
        k
    }

    /// Does `a` point into the young generation (the spaces a minor collection moves)?
    #[inline]
    pub fn is_young(&self, a: Addr) -> bool {
        self.is_young_value(a)
    }

    /// Addresses of the pointer words of the live object at `base` (every element's).
    pub fn object_ptr_slots(&self, base: Addr) -> Vec<Addr> {
        let Some((size, ty)) = self.object_info(base) else {
            return Vec::new();
        };
        let Some(t) = self.types.get(ty) else {
            return Vec::new();
        };
        if t.ptr_words.is_empty() || t.size == 0 {
            return Vec::new();
        }
        let elems = size / t.size as u64;
        (0..elems)
            .flat_map(|i| {
                t.ptr_words
                    .iter()
                    .map(move |&w| base + i * t.size as u64 + 8 * w as u64)
            })
            .collect()
    }

    /// Payload size and type of the object at `base` (as returned by `alloc`).
    pub fn object_info(&self, base: Addr) -> Option<(u64, GcTypeId)> {
        if self.object_base(base)? != base {
            return None;
        }
        let h = self.header_at(base - ARENA_BASE);
        Some((object::size(h), object::type_id(h)))
    }
}
