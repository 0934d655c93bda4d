//! The old space: non-moving, mark/sweep, size-class spans (like Go's
//! mspans). Promoted objects (and small objects allocated while the
//! collector is inhibited and the nursery is full) live here.
//!
//! ```text
//!  old region:  | span (class 24 B, 1 page)   | span (class 48 B) | free pages | ...
//!  span:        |hdr|payload|hdr|payload| ... |  cells of one size, 8-byte header each
//!  typed span:  |payload|payload|payload| ...  |  cells of one type, no header
//!  alloc bits:   1           0          ...      (one bit per cell)
//!  mark bits:    (set during a major collection, become the alloc bits at sweep)
//! ```
//!
//! Two kinds of span share the pages:
//! - A *headered* span (`typed == None`) holds objects of any type and
//!   length whose header word plus footprint fits its cell.
//! - A *typed* span (`typed == Some(t)`) holds only single values (header bit
//!   `SINGLE`) of type `t.ty`, `t.size` bytes each, at most `MAX_TYPED` bytes:
//!   the type is kept once for the span, as Go keeps the pointer bits of its
//!   small objects in the span rather than in the object, so a 16-byte tree
//!   node takes a 16-byte cell, not 24. The object's base is its cell's start
//!   and its header is synthesised from the span (`header`); nothing may
//!   read `base - 8` of a typed cell, which is the previous cell's last word.
//!
//! Invariants:
//! - Pages are 8 KiB (`size_class::PAGE`); spans are runs of `PageRuns`
//!   (first fit, coalescing), committed in 1 MiB steps. `page_span[p] = id + 1` for every page `p` of
//!   live span `id`, 0 for free pages. Every page below `hw` is committed;
//!   free pages below `hw` are either idle (committed, stale) or released
//!   (`page_released[p]`, madvise'd on a Full collection; they read as zero).
//! - A cell is allocated iff its alloc bit is set; `nalloc` is the popcount
//!   of the alloc bits; a span with `nalloc < nelems` is in its pool's
//!   `partial` list or is its pool's `current` span (never both). The pool of
//!   a headered span is its class's; of a typed span, its type's.
//! - Mark bits of swept spans are all clear outside a major collection and an
//!   incremental marking cycle (`incremental.rs`); the sweep (`sweep.rs`, lazy after an
//!   incremental cycle) makes
//!   `alloc = mark`, clears `mark` and frees spans that became empty.
//! - `in_use` = sum over spans of `nalloc * cell` (bytes held by objects,
//!   headers and size-class rounding included).
//! - Interior pointers: `p` belongs to the allocated cell whose object has
//!   `base <= p <= base + footprint(size)` (base = cell start + 8 in a headered
//!   span, the cell start in a typed one). A pointer that is in no object of
//!   its own cell may be one past the end of the previous cell's object, so
//!   lookup retries at `p - 1`. In a typed span a pointer at an allocated
//!   cell's start is that cell's object (Go's rule: slicing never makes a
//!   pointer past the end of an object, `gosub_vm::slices`). Base finding is
//!   pure page arithmetic: page -> span -> (p - span start) / cell.

use crate::arena::{Arena, Region};
use crate::gctype::GcTypeId;
use crate::object::{self, footprint, HEADER_BYTES};
use crate::pages::PageRuns;
use crate::size_class::{SizeClasses, PAGE};

/// Pages committed at a time when the old space grows (1 MiB).
const COMMIT_PAGES: u64 = 128;

/// Most unswept spans an allocation sweeps looking for room before it takes a new span
/// (Go's `mcentral.cacheSpan` tries 100): right after a mark termination every span of
/// a pool is unswept, and while a program builds data they are all full, so sweeping
/// them all at the first promotion took a minor collection 1.2 ms at 260 MB. The rest
/// is left to the sweep steps (`sweep.rs`).
const SWEEP_BUDGET: u32 = 100;

/// Largest single value kept in a typed span (Go keeps the pointer bits of
/// objects up to 512 bytes in their span, `heapBitsInSpan`).
pub(crate) const MAX_TYPED: u64 = 512;

/// The one type (and its size) of a typed span's cells.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Typed {
    pub ty: GcTypeId,
    pub size: u32,
}

/// A span's pool as one number (`OldSpace::span_pools`): its class, or `TYPED_POOL` with
/// its type id for a typed span (type ids stay below 2^20: `Heap::register_type`, so no
/// key is `NO_POOL`).
pub(crate) fn pool_key(class: usize, typed: Option<Typed>) -> u32 {
    match typed {
        Some(t) => TYPED_POOL | t.ty.0,
        None => class as u32,
    }
}
const TYPED_POOL: u32 = 1 << 31;
/// `span_pools` of a free span id.
pub(crate) const NO_POOL: u32 = u32::MAX;

/// Where a class's (or a type's) next cell comes from.
#[derive(Default, Clone)]
pub(crate) struct Pool {
    pub current: Option<u32>,
    pub partial: Vec<u32>,
    /// Spans of this pool not swept since the last marking (`sweep.rs`); entries may be
    /// stale (swept since, or freed and reused).
    pub unswept: Vec<u32>,
    /// Every span of this pool swept in the current sweep generation (created since, or
    /// swept and kept): the next generation's `unswept`, handed over whole
    /// (`begin_sweep`), so that starting a sweep costs nothing per span.
    pub all: Vec<u32>,
}

pub(crate) struct Span {
    pub start_page: u32,
    pub npages: u32,
    pub class: u8,
    pub cell: u32,
    /// `cell_index`'s reciprocal of `cell` (Go's `mspan.divMul`, with more bits).
    pub div_mul: u64,
    pub nelems: u32,
    pub nalloc: u32,
    pub alloc: Vec<u64>,
    pub mark: Vec<u64>,
    /// Cells below this index are known to be allocated (allocation hint).
    pub free_hint: u32,
    /// The type of every cell of a typed span (no headers); None: headered.
    pub typed: Option<Typed>,
    /// The sweep generation it was last swept in (or created in): when it differs from
    /// `OldSpace::sweepgen`, its mark bits, not its alloc bits, say which cells are live
    /// (`sweep.rs`).
    pub sweepgen: u32,
}

/// Bits of `Span::div_mul`'s fixed point.
const DIV_SHIFT: u32 = 40;

/// The reciprocal of a cell size that makes `Span::cell_index` exact.
fn div_mul(cell: u32) -> u64 {
    (1u64 << DIV_SHIFT).div_ceil(cell.max(1) as u64)
}

impl Span {
    /// The index of the cell holding byte `n` of the span (`n / cell`), by a multiply: a
    /// collection asks for every pointer into the old space, and a division costs as much
    /// as the rest of that. Exact: with `m = ceil(2^40 / cell) = (2^40 + e) / cell`,
    /// `e < cell`, `n * m / 2^40 = n / cell + n * e / (cell * 2^40)`, and for `n < 2^17`
    /// (a span is at most 16 pages of 8 KiB) and `e < 2^16` the excess is below
    /// `1 / cell`, too little to carry the quotient past the next integer.
    #[inline]
    pub fn cell_index(&self, n: u64) -> u32 {
        ((n * self.div_mul) >> DIV_SHIFT) as u32
    }

    #[inline]
    pub fn is_alloc(&self, i: u32) -> bool {
        self.alloc[(i / 64) as usize] & (1 << (i % 64)) != 0
    }

    #[inline]
    pub fn is_marked(&self, i: u32) -> bool {
        self.mark[(i / 64) as usize] & (1 << (i % 64)) != 0
    }

    /// Does cell `i` hold a live object? Allocated, and, in a span not yet swept since
    /// the last marking (`sweepgen` is the space's), marked by it.
    #[inline]
    pub fn is_live(&self, i: u32, sweepgen: u32) -> bool {
        self.is_alloc(i) && (self.sweepgen == sweepgen || self.is_marked(i))
    }
}

pub(crate) struct OldSpace {
    pub region: Region,
    /// The size classes (one table per process: they never change).
    pub classes: &'static SizeClasses,
    runs: PageRuns,
    pub page_span: Vec<u32>,
    pub spans: Vec<Option<Span>>,
    /// Each span id's pool (`pool_key`), `NO_POOL` for a free id: what starting a sweep
    /// needs of every span, read without touching the spans themselves (`sweep.rs`).
    pub(crate) span_pools: Vec<u32>,
    free_ids: Vec<u32>,
    /// Headered spans' pools, by class: made as first used (`pool_of_key`), so there may
    /// be fewer than classes.
    pools: Vec<Pool>,
    /// Typed spans' pools, by type id.
    typed_pools: Vec<Pool>,
    /// Committed high-water mark in pages.
    pub hw: u64,
    page_released: Vec<bool>,
    pub released_pages: u64,
    pub span_pages: u64,
    pub in_use: u64,
    pub objects: u64,
    /// The current sweep generation (`sweep.rs`), and how many span ids, counted down
    /// from the number there were when it began, the sweep has yet to visit: ids
    /// `0..sweep_left`.
    pub sweepgen: u32,
    pub sweep_left: u32,
    /// What lazy sweeping has freed so far (cumulative; MemStats adds it to the
    /// collections' counts).
    pub swept_lazily: Swept,
    /// `swept_lazily` when the current sweep generation began.
    pub sweep_began: Swept,
    /// Bytes of the cells marked since the marks were last cleared: the old space's live
    /// bytes at a mark termination, before the lazy sweep has freed the rest.
    pub marked_bytes: u64,
    /// Bytes of the dead objects the current sweep generation has yet to free (in
    /// `in_use` until then; pacing leaves them out).
    pub unswept_dead: u64,
    /// Pages from here up were never handed out nor touched (`extend_runway`); at least
    /// `runs.top`.
    fresh_from: u64,
}

/// Result of a sweep.
#[derive(Default, Clone, Copy)]
pub(crate) struct Swept {
    pub objects: u64,
    pub bytes: u64,
}

impl OldSpace {
    pub fn new(region: Region) -> OldSpace {
        let classes = SizeClasses::shared();
        // One guard page at the end: one-past-the-end stays in the region.
        let cap = (region.size / PAGE - 1).min(u32::MAX as u64 - 1) as u32;
        OldSpace {
            region,
            classes,
            runs: PageRuns::new(cap),
            page_span: Vec::new(),
            spans: Vec::new(),
            span_pools: Vec::new(),
            free_ids: Vec::new(),
            pools: Vec::new(),
            typed_pools: Vec::new(),
            hw: 0,
            page_released: Vec::new(),
            released_pages: 0,
            span_pages: 0,
            in_use: 0,
            objects: 0,
            sweepgen: 0,
            sweep_left: 0,
            swept_lazily: Swept::default(),
            sweep_began: Swept::default(),
            marked_bytes: 0,
            unswept_dead: 0,
            fresh_from: 0,
        }
    }

    /// The page allocator's high-water mark, in pages (it grows when a span takes pages
    /// above every span so far).
    pub fn top_pages(&self) -> u64 {
        self.runs.top as u64
    }

    /// Bytes of pages above the page allocator's top that are committed and touched
    /// (`extend_runway`): what new spans can take without a page fault.
    pub fn runway(&self) -> u64 {
        self.fresh_from.saturating_sub(self.runs.top as u64) * PAGE
    }

    /// Touches up to `max_pages` more of the never-used pages above the page allocator's
    /// top, up to `want` bytes of runway (`runway.rs`), committing them as `new_span`
    /// would. Reading and writing back one byte of each OS page faults it in without
    /// changing it (those pages were never handed out, or were released). Returns whether
    /// it touched any (none: the runway is as long as wanted, or the old space cannot
    /// grow).
    pub fn extend_runway(&mut self, arena: &Arena, want: u64, max_pages: u64) -> bool {
        let top = self.runs.top as u64;
        let from = self.fresh_from.max(top);
        let to = (top + want.div_ceil(PAGE))
            .min(from + max_pages)
            .min(self.runs.capacity as u64);
        if to <= from || !self.commit_to(arena, to) {
            return false;
        }
        // SAFETY: [from, to) is committed (below `hw`) and inside the old region.
        unsafe { arena.touch(self.region.offset + from * PAGE, (to - from) * PAGE) };
        for p in from..to {
            // (Released pages below `hw` are resident again.)
            if std::mem::take(&mut self.page_released[p as usize]) {
                self.released_pages -= 1;
            }
        }
        self.fresh_from = to;
        true
    }

    /// Commits the pages below `end` (in 1 MiB steps: one mprotect per step, not per
    /// span); false if the system refuses.
    fn commit_to(&mut self, arena: &Arena, end: u64) -> bool {
        if end <= self.hw {
            return true;
        }
        let cap = self.runs.capacity as u64;
        let new_hw = end.next_multiple_of(COMMIT_PAGES).min(cap).max(end);
        let off = self.region.offset + self.hw * PAGE;
        if !arena.commit(off, (new_hw - self.hw) * PAGE) {
            return false;
        }
        self.hw = new_hw;
        self.page_span.resize(new_hw as usize, 0);
        self.page_released.resize(new_hw as usize, false);
        true
    }

    #[inline]
    pub fn committed_bytes(&self) -> u64 {
        self.hw * PAGE
    }

    #[inline]
    pub fn span_bytes(&self) -> u64 {
        self.span_pages * PAGE
    }

    fn new_span(&mut self, arena: &Arena, class: usize, typed: Option<Typed>) -> Option<u32> {
        let npages = self.classes.npages[class];
        let (start, _) = self.runs.alloc(npages)?;
        let end = start as u64 + npages as u64;
        if !self.commit_to(arena, end) {
            self.runs.free(start, npages);
            return None;
        }
        self.fresh_from = self.fresh_from.max(end);
        let cell = self.classes.cell[class];
        let nelems = (npages as u64 * PAGE / cell as u64) as u32;
        let words = nelems.div_ceil(64) as usize;
        let span = Span {
            start_page: start,
            npages,
            class: class as u8,
            cell,
            div_mul: div_mul(cell),
            nelems,
            nalloc: 0,
            alloc: vec![0; words],
            mark: vec![0; words],
            free_hint: 0,
            typed,
            sweepgen: self.sweepgen,
        };
        let key = pool_key(class, typed);
        let id = match self.free_ids.pop() {
            Some(id) => {
                self.spans[id as usize] = Some(span);
                self.span_pools[id as usize] = key;
                id
            }
            None => {
                self.spans.push(Some(span));
                self.span_pools.push(key);
                (self.spans.len() - 1) as u32
            }
        };
        for p in start..start + npages {
            self.page_span[p as usize] = id + 1;
            if self.page_released[p as usize] {
                self.page_released[p as usize] = false;
                self.released_pages -= 1;
            }
        }
        self.span_pages += npages as u64;
        self.pool_of_key(key).all.push(id);
        Some(id)
    }

    /// Allocate a cell of at least `bytes` (header included) in a headered
    /// span. Returns the arena offset of the cell (its header word); the
    /// cell's content is stale: the caller writes the header and zeroes or
    /// fills the payload.
    pub fn alloc(&mut self, arena: &Arena, bytes: u64) -> Option<u64> {
        let class = self.classes.class_of(bytes);
        self.alloc_cell(arena, class, None)
    }

    /// The typed span kind for a single value of type `ty`, `size` bytes, if
    /// it is small enough for one (and not so small that a header costs nothing:
    /// the smallest cell holds 16 bytes either way).
    pub fn typed_for(ty: GcTypeId, size: u64) -> Option<Typed> {
        (footprint(size) >= 16 && size <= MAX_TYPED).then_some(Typed {
            ty,
            size: size as u32,
        })
    }

    /// Allocate a cell in a span of type `t`. Returns the arena offset of the
    /// cell, which is the object's base (no header); its content is stale.
    pub fn alloc_typed(&mut self, arena: &Arena, t: Typed) -> Option<u64> {
        let class = self.classes.class_of(footprint(t.size as u64));
        self.alloc_cell(arena, class, Some(t))
    }

    /// Bytes of the cell an object of `bytes` (header included) or of typed
    /// kind `t` gets: what HeapAlloc counts for it.
    pub fn cell_bytes(&self, bytes: u64, typed: Option<Typed>) -> u64 {
        let b = typed.map_or(bytes, |t| footprint(t.size as u64));
        self.classes.cell[self.classes.class_of(b)] as u64
    }

    /// The pool of `pool_key` `key`.
    pub(crate) fn pool_of_key(&mut self, key: u32) -> &mut Pool {
        if key & TYPED_POOL != 0 {
            let i = (key & !TYPED_POOL) as usize;
            if self.typed_pools.len() <= i {
                self.typed_pools.resize(i + 1, Pool::default());
            }
            &mut self.typed_pools[i]
        } else {
            // (Made as first used, as the typed pools are: most heaps of an idle embedded
            // VM never promote.)
            let i = key as usize;
            if self.pools.len() <= i {
                self.pools.resize(i + 1, Pool::default());
            }
            &mut self.pools[i]
        }
    }

    pub(crate) fn pool(&mut self, class: usize, typed: Option<Typed>) -> &mut Pool {
        self.pool_of_key(pool_key(class, typed))
    }

    #[inline]
    fn alloc_cell(&mut self, arena: &Arena, class: usize, typed: Option<Typed>) -> Option<u64> {
        // The pool's current span, while it has room (the common case, kept small).
        if let Some(id) = self.pool(class, typed).current {
            if let Some(c) = self.alloc_in_span(id) {
                return Some(c);
            }
        }
        self.alloc_cell_slow(arena, class, typed)
    }

    /// A free cell of span `id`, from its allocation hint on, taken.
    #[inline]
    fn alloc_in_span(&mut self, id: u32) -> Option<u64> {
        let sp = self.spans[id as usize].as_mut()?;
        let i = first_zero(&sp.alloc, sp.free_hint, sp.nelems)?;
        sp.alloc[(i / 64) as usize] |= 1 << (i % 64);
        sp.nalloc += 1;
        sp.free_hint = i + 1;
        self.in_use += sp.cell as u64;
        self.objects += 1;
        Some(self.region.offset + sp.start_page as u64 * PAGE + i as u64 * sp.cell as u64)
    }

    /// `alloc_cell` when the current span is full or there is none: the next partial span,
    /// an unswept one swept (at most `SWEEP_BUDGET` of them), or a new one.
    #[cold]
    #[inline(never)]
    fn alloc_cell_slow(
        &mut self,
        arena: &Arena,
        class: usize,
        typed: Option<Typed>,
    ) -> Option<u64> {
        let mut budget = SWEEP_BUDGET;
        loop {
            let id = match self.pool(class, typed).current {
                Some(id) => id,
                None => {
                    let id = match self.pool(class, typed).partial.pop() {
                        Some(id) => id,
                        None if budget > 0 && !self.pool(class, typed).unswept.is_empty() => {
                            // Sweep one of the pool's spans, which may give room.
                            let id = self.pool(class, typed).unswept.pop().unwrap_or(0);
                            self.sweep_span(arena, id);
                            budget -= 1;
                            continue;
                        }
                        None => self.new_span(arena, class, typed)?,
                    };
                    self.pool(class, typed).current = Some(id);
                    id
                }
            };
            if let Some(c) = self.alloc_in_span(id) {
                return Some(c);
            }
            self.pool(class, typed).current = None;
        }
    }

    /// Span id and cell index of the cell containing arena offset `off`.
    #[inline]
    pub fn cell_of(&self, off: u64) -> Option<(u32, u32)> {
        let rel = off.checked_sub(self.region.offset)?;
        let id = *self.page_span.get((rel / PAGE) as usize)?;
        if id == 0 {
            return None;
        }
        let sp = self.spans[(id - 1) as usize].as_ref()?;
        let i = sp.cell_index(rel - sp.start_page as u64 * PAGE);
        Some((id - 1, i))
    }

    #[inline]
    pub fn span(&self, id: u32) -> &Span {
        self.spans[id as usize].as_ref().expect("live span")
    }

    #[inline]
    pub fn cell_start(&self, id: u32, i: u32) -> u64 {
        let sp = self.span(id);
        self.region.offset + sp.start_page as u64 * PAGE + i as u64 * sp.cell as u64
    }

    /// Base of the object in cell `i` of span `id` (allocated or not).
    #[inline]
    pub fn base_of_cell(&self, id: u32, i: u32) -> u64 {
        let start = self.cell_start(id, i);
        match self.span(id).typed {
            Some(_) => start,
            None => start + HEADER_BYTES,
        }
    }

    /// The header of the old object at `base`: synthesised from a typed span,
    /// read from the word before `base` otherwise. `base` must be an allocated
    /// cell's object base.
    #[inline]
    pub fn header(&self, arena: &Arena, base: u64) -> u64 {
        if let Some(Typed { ty, size }) = self.cell_of(base).and_then(|(id, _)| self.span(id).typed)
        {
            return object::make(ty, size as u64) | object::SINGLE;
        }
        // SAFETY: a headered cell's header word lies in its committed span page.
        unsafe { arena.load(base - HEADER_BYTES) }
    }

    /// The base of the object in cell `i` of span `id` if that cell is
    /// allocated and `base <= off <= base + footprint` (its end included).
    fn base_in_cell(&self, arena: &Arena, id: u32, i: u32, off: u64) -> Option<u64> {
        let sp = self.span(id);
        if i >= sp.nelems || !sp.is_live(i, self.sweepgen) {
            return None;
        }
        let start = self.cell_start(id, i);
        let (base, size) = match sp.typed {
            Some(t) => (start, t.size as u64),
            None => {
                // SAFETY: allocated cells lie in committed span pages.
                let h = unsafe { arena.load(start) };
                (start + HEADER_BYTES, object::size(h & !object::FORWARDED))
            }
        };
        let fp = footprint(size);
        (off >= base && off <= base + fp && base + fp <= start + sp.cell as u64).then_some(base)
    }

    /// Arena offset of the base of the allocated object containing `off`
    /// (interior and one-past-the-end pointers included).
    pub fn find_base(&self, arena: &Arena, off: u64) -> Option<u64> {
        let here = self.cell_of(off);
        if let Some((id, i)) = here {
            if let Some(b) = self.base_in_cell(arena, id, i, off) {
                return Some(b);
            }
        }
        // One past the end of the previous cell's object?
        let prev = self.cell_of(off.checked_sub(1)?)?;
        if Some(prev) == here {
            return None;
        }
        self.base_in_cell(arena, prev.0, prev.1, off)
    }

    /// Is `[off, off+len)` inside one live span?
    #[inline]
    pub fn holds(&self, off: u64, len: u64) -> bool {
        let Some(rel) = off.checked_sub(self.region.offset) else {
            return false;
        };
        let Some(&id) = self.page_span.get((rel / PAGE) as usize) else {
            return false;
        };
        if id == 0 {
            return false;
        }
        let Some(sp) = self.spans[(id - 1) as usize].as_ref() else {
            return false;
        };
        let end = (sp.start_page + sp.npages) as u64 * PAGE;
        rel.checked_add(len).is_some_and(|e| e <= end)
    }

    /// Set the mark bit of the cell whose base is `base`. Returns true if
    /// it was clear (the object is newly marked).
    #[inline]
    pub fn mark(&mut self, base: u64) -> bool {
        let Some((id, i)) = self.cell_of(base) else {
            return false;
        };
        let Some(sp) = self.spans[id as usize].as_mut() else {
            return false;
        };
        let (w, b) = ((i / 64) as usize, 1u64 << (i % 64));
        if sp.mark[w] & b != 0 {
            return false;
        }
        sp.mark[w] |= b;
        self.marked_bytes += sp.cell as u64;
        true
    }

    /// Is the cell containing arena offset `off` marked?
    #[inline]
    pub fn cell_marked(&self, off: u64) -> bool {
        self.cell_of(off).is_some_and(|(id, i)| {
            self.spans[id as usize]
                .as_ref()
                .is_some_and(|sp| sp.is_marked(i))
        })
    }

    /// Is the cell whose base is `base` marked (during a major cycle)?
    pub fn is_marked(&self, base: u64) -> bool {
        let Some((id, i)) = self.cell_of(base) else {
            return false;
        };
        self.spans[id as usize]
            .as_ref()
            .is_some_and(|sp| sp.mark[(i / 64) as usize] & (1u64 << (i % 64)) != 0)
    }

    pub(crate) fn free_span(&mut self, arena: &Arena, id: u32, release: bool) {
        let Some(sp) = self.spans[id as usize].take() else {
            return;
        };
        self.span_pools[id as usize] = NO_POOL;
        for p in sp.start_page..sp.start_page + sp.npages {
            self.page_span[p as usize] = 0;
        }
        self.span_pages -= sp.npages as u64;
        if release {
            let off = self.region.offset + sp.start_page as u64 * PAGE;
            if arena.release(off, sp.npages as u64 * PAGE) {
                for p in sp.start_page..sp.start_page + sp.npages {
                    if !self.page_released[p as usize] {
                        self.page_released[p as usize] = true;
                        self.released_pages += 1;
                    }
                }
            }
        }
        self.runs.free(sp.start_page, sp.npages);
        self.free_ids.push(id);
    }

    /// Release every idle (free, committed) page to the OS.
    pub(crate) fn release_free(&mut self, arena: &Arena) {
        let mut p = 0u64;
        while p < self.hw {
            if self.page_span[p as usize] != 0 || self.page_released[p as usize] {
                p += 1;
                continue;
            }
            let s = p;
            while p < self.hw && self.page_span[p as usize] == 0 && !self.page_released[p as usize]
            {
                p += 1;
            }
            if arena.release(self.region.offset + s * PAGE, (p - s) * PAGE) {
                for q in s..p {
                    self.page_released[q as usize] = true;
                }
                self.released_pages += p - s;
            }
        }
        // (The runway's pages above the top were idle too: they must be touched again.)
        self.fresh_from = self.runs.top as u64;
    }

    /// Allocation prefers low addresses (keeps the heap compact): partial spans are taken
    /// from the end of their list, so sort it high to low.
    pub(crate) fn sort_partials(&mut self) {
        for p in self.pools.iter_mut().chain(self.typed_pools.iter_mut()) {
            p.partial.sort_unstable_by(|a, b| b.cmp(a));
        }
    }

    /// A sweep generation begins (`sweep.rs`): every pool's spans become its unswept
    /// ones, and it has no span to allocate from until it sweeps one.
    pub(crate) fn begin_pools(&mut self) {
        for p in self.pools.iter_mut().chain(self.typed_pools.iter_mut()) {
            p.current = None;
            p.partial.clear();
            // (Empty unless the last generation was not swept to the end; its ids are
            // visited by the steps anyway.)
            p.unswept.clear();
            std::mem::swap(&mut p.unswept, &mut p.all);
        }
    }

    /// Forget the pools' lists of unswept spans (the generation is swept).
    pub(crate) fn clear_unswept(&mut self) {
        for p in self.pools.iter_mut().chain(self.typed_pools.iter_mut()) {
            p.unswept.clear();
        }
    }

    /// Iterate over live span ids.
    pub fn span_ids(&self) -> impl Iterator<Item = u32> + '_ {
        self.spans
            .iter()
            .enumerate()
            .filter(|(_, s)| s.is_some())
            .map(|(i, _)| i as u32)
    }

    /// Clear every mark bit (an incremental marking cycle aborted; every span is swept
    /// then).
    pub fn clear_marks(&mut self) {
        for sp in self.spans.iter_mut().flatten() {
            sp.mark.iter_mut().for_each(|w| *w = 0);
        }
        self.marked_bytes = 0;
    }

    /// Is any mark bit of a swept span set? (verifier: must be false outside a collection
    /// and a marking cycle; a span not yet swept keeps the last marking's bits)
    pub fn any_marked(&self) -> bool {
        self.spans
            .iter()
            .flatten()
            .any(|s| s.sweepgen == self.sweepgen && s.mark.iter().any(|&w| w != 0))
    }
}

/// First zero bit at index >= from and < n.
#[inline]
fn first_zero(bits: &[u64], from: u32, n: u32) -> Option<u32> {
    let mut i = from;
    while i < n {
        let w = (i / 64) as usize;
        let word = bits[w] | ((1u64 << (i % 64)) - 1);
        if word != u64::MAX {
            let b = w as u32 * 64 + (!word).trailing_zeros();
            return (b < n).then_some(b);
        }
        i = (w as u32 + 1) * 64;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{div_mul, first_zero, OldSpace, Typed, DIV_SHIFT, PAGE, SWEEP_BUDGET};
    use crate::arena::{Arena, Layout};
    use crate::gctype::GcTypeId;
    use crate::size_class::SizeClasses;

    /// An old space of 1 GiB's layout, with `spans` full typed spans of 16-byte cells,
    /// every cell marked (live), and a sweep generation begun: every span unswept.
    fn full_spans_unswept(spans: usize) -> (Arena, OldSpace, Typed) {
        let arena = Arena::reserve(1 << 30).expect("reserve");
        let mut old = OldSpace::new(Layout::new(arena.size()).old);
        let t = OldSpace::typed_for(GcTypeId(1), 16).expect("typed");
        let mut cells = vec![old.alloc_typed(&arena, t).expect("cell")];
        let per_span = old.span(old.span_ids().next().expect("a span")).nelems as usize;
        while cells.len() < spans * per_span {
            cells.push(old.alloc_typed(&arena, t).expect("cell"));
        }
        assert_eq!(old.span_ids().count(), spans);
        for &c in &cells {
            old.mark(c);
        }
        old.begin_sweep();
        (arena, old, t)
    }

    /// Right after a mark termination every span of a pool is unswept; when they are all
    /// full, an allocation sweeps at most `SWEEP_BUDGET` of them before it takes a new
    /// span (the rest are the sweep steps'), and the steps still visit every span.
    #[test]
    fn an_allocation_sweeps_at_most_its_budget() {
        let (arena, mut old, t) = full_spans_unswept(SWEEP_BUDGET as usize + 50);
        let spans = old.span_ids().count();
        let in_use = old.in_use;
        assert!(old.sweep_pending());
        let c = old.alloc_typed(&arena, t).expect("cell");
        assert_eq!(
            old.span_ids().count(),
            spans + 1,
            "a new span, not a swept one"
        );
        let unswept: Vec<u32> = old
            .span_ids()
            .filter(|&id| old.span(id).sweepgen != old.sweepgen)
            .collect();
        assert_eq!(unswept.len(), spans - SWEEP_BUDGET as usize);
        assert!(old.cell_of(c).is_some());
        // The steps sweep the rest, and nothing live is freed.
        old.finish_sweep(&arena);
        assert!(!old.sweep_pending());
        assert!(old
            .span_ids()
            .all(|id| old.span(id).sweepgen == old.sweepgen));
        assert_eq!(old.in_use, in_use + 16);
    }

    /// A sweep generation hands each pool's spans over without listing them: the spans
    /// created during one generation and those swept in it are all swept in the next.
    #[test]
    fn every_span_is_swept_in_the_next_generation() {
        let (arena, mut old, t) = full_spans_unswept(8);
        old.finish_sweep(&arena);
        // Spans created swept in this generation, then a new one: nothing marked, so its
        // sweep frees every span.
        for _ in 0..2000 {
            old.alloc_typed(&arena, t).expect("cell");
        }
        let spans = old.span_ids().count();
        assert!(spans > 8);
        old.begin_sweep();
        old.finish_sweep(&arena);
        assert_eq!(old.span_ids().count(), 0, "every span swept and freed");
        assert_eq!(old.in_use, 0);
        assert!(old
            .pools
            .iter()
            .chain(&old.typed_pools)
            .all(|p| p.all.is_empty()));
    }

    /// `Span::cell_index` is `n / cell` for every byte of every span the classes make.
    #[test]
    fn cell_index_is_exact_for_every_class() {
        let c = SizeClasses::new();
        for (&cell, &npages) in c.cell.iter().zip(&c.npages) {
            let m = div_mul(cell);
            for n in 0..npages as u64 * PAGE {
                assert_eq!(
                    (n * m) >> DIV_SHIFT,
                    n / cell as u64,
                    "cell {cell}, byte {n}"
                );
            }
        }
    }

    #[test]
    fn first_zero_bits() {
        assert_eq!(first_zero(&[0], 0, 10), Some(0));
        assert_eq!(first_zero(&[0b111], 0, 10), Some(3));
        assert_eq!(first_zero(&[0b111], 5, 10), Some(5));
        assert_eq!(first_zero(&[u64::MAX, 0], 3, 70), Some(64));
        assert_eq!(first_zero(&[u64::MAX, 0b11], 3, 66), None);
    }
}
