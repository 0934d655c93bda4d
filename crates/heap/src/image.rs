//! A heap's image (`HeapImage`): the bytes and bookkeeping of a heap that holds only
//! bump-allocated memory, taken once (`Heap::image`) and stamped into new heaps
//! (`Heap::stamp`). An embedding process starts many VMs whose standard library has
//! been initialised the same way: the first VM runs the initialisers, every later one
//! starts from its image instead of running them again.
//!
//! Invariants:
//! - An image is taken only of a heap no collection has run in or is owed, whose old and
//!   large spaces were never used, whose survivor spaces are empty, whose stacks took no
//!   more than one span, whose pacing settings are still its configuration's, and which
//!   never made a handle, special, tracked object, observed address or collection log.
//!   Everything it holds is then in three bump regions (statics, globals, the nursery),
//!   each a used prefix `[0, top)` of its region, and in the type table and the
//!   allocation counters.
//! - Addresses are arena-relative (`ARENA_BASE + offset`), and the regions' offsets follow
//!   from the reservation's size (`Layout`): a heap is stamped only with an image of a heap
//!   of the same reservation and nursery size, where the bytes copied unchanged keep every
//!   pointer in them valid.
//! - A heap stamped from an image holds the same objects at the same addresses, with the
//!   same type ids, start bits and counters, as the heap the image was taken from: the
//!   program cannot tell the two apart (MemStats included).

use crate::arena::Arena;
use crate::bump::BumpRegion;
use crate::gctype::TypeTable;
use crate::startmap::StartBitmap;
use crate::Heap;

/// The image of a heap (module comment): immutable once taken, shared by the VMs that
/// start from it.
pub struct HeapImage {
    /// The reservation and nursery sizes the image's addresses hold for.
    reserve: u64,
    nursery_cap: u64,
    statics: Vec<u8>,
    globals: Vec<u8>,
    nursery: Vec<u8>,
    nursery_starts: StartBitmap,
    nursery_objects: u64,
    types: TypeTable,
    global_blocks: Vec<(u64, Box<[u32]>)>,
    total_alloc: u64,
    mallocs: u64,
    frees: u64,
    nursery_alloc: u64,
    /// The incremental marker's count of allocation since its last step.
    inc_allocated: u64,
    inc_last_top: u64,
}

impl HeapImage {
    /// The bytes the image copies into each heap stamped from it.
    pub fn bytes(&self) -> usize {
        self.statics.len() + self.globals.len() + self.nursery.len()
    }
}

/// The used prefix `[0, top)` of a region starting at arena offset `offset`.
fn used(arena: &Arena, offset: u64, top: u64) -> Vec<u8> {
    // SAFETY: `[offset, offset + top)` is the used, committed part of a region of this
    // arena (a bump region's or a copying space's invariant), readable for `top` bytes;
    // the slice is copied at once and does not outlive the borrow of `arena`.
    unsafe { std::slice::from_raw_parts(arena.ptr(offset), top as usize).to_vec() }
}

/// Copies `bytes` to arena offset `offset`, which the caller has committed for that many.
fn place(arena: &Arena, offset: u64, bytes: &[u8]) {
    // SAFETY: the caller committed `[offset, offset + bytes.len())` of this arena
    // (`BumpRegion::alloc`, `Space::ensure_committed`); `bytes` is Rust memory, so the two
    // do not overlap.
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), arena.ptr(offset), bytes.len()) }
}

/// Fills a fresh bump region with `bytes`: `None` if they do not fit or cannot be committed.
fn restore_bump(arena: &Arena, r: &mut BumpRegion, bytes: &[u8]) -> Option<()> {
    if bytes.is_empty() {
        return Some(());
    }
    let off = r.alloc(arena, bytes.len() as u64)?;
    debug_assert_eq!(off, r.region.offset);
    place(arena, off, bytes);
    Some(())
}

impl Heap {
    /// The image of this heap, or `None` when it holds anything besides bump-allocated
    /// memory (module comment).
    pub fn image(&self) -> Option<HeapImage> {
        let c = &self.counters;
        let young = &self.young;
        let simple = c.num_minor + c.num_major + c.num_full == 0
            && self.old.hw == 0
            && self.large.hw == 0
            && young.surv.iter().all(|s| s.top == 0)
            && !self.owed
            && self.handles.slots.is_empty()
            && self.stacks.committed_bytes() <= self.stacks.granule
            && self.pacer.gogc == self.config.gogc
            && self.pacer.soft_limit == self.config.soft_limit.unwrap_or(u64::MAX)
            && self.specials.is_empty()
            && self.tracked.is_empty()
            && self.observed.is_empty()
            && self.gc_log.is_none()
            && !self.inc.active
            && !self.inhibited;
        if !simple {
            return None;
        }
        let n = &young.nursery;
        Some(HeapImage {
            reserve: self.layout.reserve,
            nursery_cap: n.cap,
            statics: used(&self.arena, self.statics.region.offset, self.statics.top),
            globals: used(&self.arena, self.globals.region.offset, self.globals.top),
            nursery: used(&self.arena, n.region.offset, n.top),
            nursery_starts: n.starts.clone(),
            nursery_objects: n.objects,
            types: self.types.clone(),
            global_blocks: self.global_blocks.clone(),
            total_alloc: c.total_alloc,
            mallocs: c.mallocs,
            frees: c.frees,
            nursery_alloc: c.nursery_alloc,
            inc_allocated: self.inc.allocated,
            inc_last_top: self.inc.last_top,
        })
    }

    /// Makes this heap, fresh from `Heap::new`, hold what `image` holds, at the same
    /// addresses. False, with the heap untouched, if it is not fresh or its layout is not
    /// the image's; false, with the heap unusable, if the memory cannot be committed.
    pub fn stamp(&mut self, image: &HeapImage) -> bool {
        self.stamp_regions(image).is_some()
    }

    fn stamp_regions(&mut self, image: &HeapImage) -> Option<()> {
        let heap = self;
        let fresh = heap.statics.top == 0 && heap.globals.top == 0 && heap.young.nursery.top == 0;
        let same_layout =
            heap.layout.reserve == image.reserve && heap.young.nursery.cap == image.nursery_cap;
        if !fresh || !same_layout || heap.counters.mallocs != 0 {
            return None;
        }
        restore_bump(&heap.arena, &mut heap.statics, &image.statics)?;
        restore_bump(&heap.arena, &mut heap.globals, &image.globals)?;
        let len = image.nursery.len() as u64;
        let n = &mut heap.young.nursery;
        if !n.ensure_committed(&heap.arena, len) {
            return None;
        }
        place(&heap.arena, n.region.offset, &image.nursery);
        n.top = len;
        n.objects = image.nursery_objects;
        n.starts = image.nursery_starts.clone();
        n.starts.ensure(n.committed / 8);
        heap.types = image.types.clone();
        heap.global_blocks = image.global_blocks.clone();
        let c = &mut heap.counters;
        c.total_alloc = image.total_alloc;
        c.mallocs = image.mallocs;
        c.frees = image.frees;
        c.nursery_alloc = image.nursery_alloc;
        heap.inc.allocated = image.inc_allocated;
        heap.inc.last_top = image.inc_last_top;
        heap.refresh_bump_limit();
        Some(())
    }
}
