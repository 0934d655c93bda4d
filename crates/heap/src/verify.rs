//! Heap verifier: checks the invariants of every space, that every pointer
//! reachable from the roots targets a valid object, and that the remembered
//! set (card table) is complete.
//!
//! Checked:
//! - Nursery and current survivor space: dense sequences of sane cells
//!   (header not forwarded, no mark, reserved bits 0, registered type, size
//!   a multiple of the element size), one start bit per cell and no other
//!   start bits; the other survivor space is empty.
//! - Old space: per span, `nalloc` = popcount(alloc bits), no mark bits (outside an
//!   incremental marking cycle, in swept spans),
//!   page table consistent, every allocated cell's header sane and its object
//!   fitting the cell; `in_use` and `objects` match the spans.
//! - Large space: sane headers, unmarked (outside a marking cycle), object fits its run.
//! - At a mark termination (`verify_tricolour`): every pointer from a black object to a
//!   white one lies in a dirty remark card, and no free cell is marked.
//! - Remembered set: every pointer word of every allocated old or large
//!   object that holds a young pointer lies in a dirty card, and that young
//!   pointer targets a live young object.
//! - Reachability (from VM root slots, globals' pointer words and handles):
//!   every non-nil pointer word either targets a live object (base found by
//!   the interior-pointer rule) or lies in a non-GC region (static, globals,
//!   stacks). Pointers outside the arena, into the empty survivor space or
//!   into free memory are errors. Root slots must be readable. Handles may
//!   hold non-pointer values (only values inside the arena are checked).
//!
//! The verifier only reads; it never changes the heap.

use std::collections::HashSet;

use crate::arena::{Addr, ARENA_BASE};
use crate::copyspace::Space;
use crate::object::{self, footprint, HEADER_BYTES, MARK, RESERVED_BITS};
use crate::roots::RootSource;
use crate::size_class::PAGE;
use crate::Heap;

impl Heap {
    /// Verify the heap (see module docs). Returns the first problem found.
    pub fn verify(&self, roots: &mut dyn RootSource) -> Result<(), String> {
        self.verify_space(&self.young.nursery, "nursery")?;
        self.verify_space(&self.young.surv[self.young.cur], "survivor space")?;
        let idle = &self.young.surv[1 - self.young.cur];
        if idle.top != 0 || idle.objects != 0 {
            return Err("the empty survivor space is not empty".into());
        }
        self.verify_old()?;
        self.verify_large()?;
        self.verify_cards()?;
        self.verify_reachable(roots)
    }

    fn check_header(&self, h: u64, what: &str, at: u64) -> Result<(), String> {
        let addr = ARENA_BASE + at;
        if object::is_forwarded(h) {
            return Err(format!("{what} at {addr:#x}: forwarded header {h:#x}"));
        }
        // While marking (incremental.rs) a large object may be marked.
        let marking_large = self.inc.active && self.layout.large.contains_off(at);
        if h & MARK != 0 && !marking_large {
            return Err(format!("{what} at {addr:#x}: mark bit set outside GC"));
        }
        let h = h & !MARK;
        if h & RESERVED_BITS != 0 {
            return Err(format!("{what} at {addr:#x}: reserved header bits {h:#x}"));
        }
        let Some(t) = self.types.get(object::type_id(h)) else {
            return Err(format!(
                "{what} at {addr:#x}: unknown type in header {h:#x}"
            ));
        };
        let size = object::size(h);
        let ok = if t.size == 0 {
            size == 0
        } else {
            size / t.size as u64 * t.size as u64 == size
        };
        if !ok {
            return Err(format!(
                "{what} at {addr:#x}: size {size} not a multiple of element size {}",
                t.size
            ));
        }
        Ok(())
    }

    fn verify_space(&self, s: &Space, name: &str) -> Result<(), String> {
        if s.top > s.committed {
            return Err(format!("{name}: top beyond committed memory"));
        }
        let mut rel = 0u64;
        let mut cells = 0u64;
        while rel < s.top {
            let cell = s.region.offset + rel;
            // SAFETY: cell < top <= committed.
            let h = unsafe { self.arena.load(cell) };
            self.check_header(h, name, cell + HEADER_BYTES)?;
            let base_rel = rel + HEADER_BYTES;
            if !s.starts.get(base_rel / 8) {
                return Err(format!(
                    "{name}: object at {:#x}: start bit missing",
                    ARENA_BASE + cell + HEADER_BYTES
                ));
            }
            rel = base_rel + footprint(object::size(h));
            cells += 1;
        }
        if rel != s.top {
            return Err(format!("{name}: last cell overruns top"));
        }
        if cells != s.objects {
            return Err(format!(
                "{name}: object count {} != {} cells",
                s.objects, cells
            ));
        }
        let bits = (0..s.top / 8 + 1).filter(|&w| s.starts.get(w)).count() as u64;
        if bits != cells {
            return Err(format!("{name}: {bits} start bits for {cells} objects"));
        }
        Ok(())
    }

    fn verify_old(&self) -> Result<(), String> {
        let o = &self.old;
        if !self.inc.active && o.any_marked() {
            return Err("old space: mark bits set outside GC".into());
        }
        let (mut bytes, mut objects) = (0u64, 0u64);
        for id in o.span_ids() {
            let sp = o.span(id);
            for p in sp.start_page..sp.start_page + sp.npages {
                if o.page_span.get(p as usize) != Some(&(id + 1)) {
                    return Err(format!("old space: page {p} not mapped to span {id}"));
                }
            }
            let n: u32 = sp.alloc.iter().map(|w| w.count_ones()).sum();
            if n != sp.nalloc {
                return Err(format!(
                    "old span {id}: nalloc {} != {n} alloc bits",
                    sp.nalloc
                ));
            }
            for i in 0..sp.nelems {
                if !sp.is_alloc(i) {
                    continue;
                }
                let base = o.base_of_cell(id, i);
                let h = o.header(&self.arena, base);
                self.check_header(h, "old object", base)?;
                let hdr = if sp.typed.is_some() { 0 } else { HEADER_BYTES };
                if hdr + footprint(object::size(h)) > sp.cell as u64 {
                    return Err(format!(
                        "old object at {:#x} overruns its {}-byte cell",
                        ARENA_BASE + base,
                        sp.cell
                    ));
                }
            }
            bytes += n as u64 * sp.cell as u64;
            objects += n as u64;
            if (sp.start_page as u64 + sp.npages as u64) > o.hw {
                return Err(format!("old span {id} beyond the committed pages"));
            }
        }
        if bytes != o.in_use || objects != o.objects {
            return Err(format!(
                "old space: accounting {} bytes / {} objects, spans hold {bytes} / {objects}",
                o.in_use, o.objects
            ));
        }
        if o.page_span.len() as u64 != o.hw || o.committed_bytes() != o.hw * PAGE {
            return Err("old space: page table does not cover the committed pages".into());
        }
        Ok(())
    }

    fn verify_large(&self) -> Result<(), String> {
        let l = &self.large;
        for (&start, &n) in l.objects.iter() {
            let hdr = l.region.offset + start as u64 * l.granule;
            // SAFETY: live runs are committed.
            let h = unsafe { self.arena.load(hdr) };
            self.check_header(h, "large object", hdr + HEADER_BYTES)?;
            let h = h & !MARK;
            if HEADER_BYTES + footprint(object::size(h)) > n as u64 * l.granule {
                return Err(format!(
                    "large object at {:#x} overruns its run",
                    ARENA_BASE + hdr + HEADER_BYTES
                ));
            }
        }
        Ok(())
    }

    /// Pointer slots of the object at `base` (arena offsets).
    fn pointer_slots(&self, base: u64) -> Vec<u64> {
        // Callers pass bases of live objects.
        let h = self.header_at(base);
        let Some(t) = self.types.get(object::type_id(h)) else {
            return Vec::new();
        };
        if t.size == 0 || t.ptr_words.is_empty() {
            return Vec::new();
        }
        let esize = t.size as u64;
        let mut out = Vec::new();
        for i in 0..object::size(h) / esize {
            for &w in t.ptr_words.iter() {
                out.push(base + i * esize + w as u64 * 8);
            }
        }
        out
    }

    /// Every old/large slot holding a young pointer is in a dirty card.
    fn verify_cards(&self) -> Result<(), String> {
        let mut bases = Vec::new();
        for id in self.old.span_ids() {
            let sp = self.old.span(id);
            for i in 0..sp.nelems {
                // (A dead object in a span not yet swept may point anywhere.)
                if sp.is_live(i, self.old.sweepgen) {
                    bases.push((self.old.base_of_cell(id, i), true));
                }
            }
        }
        for &start in self.large.objects.keys() {
            let b = self.large.region.offset + start as u64 * self.large.granule + HEADER_BYTES;
            bases.push((b, false));
        }
        for (base, in_old) in bases {
            for slot in self.pointer_slots(base) {
                // SAFETY: the slot lies inside the object's payload.
                let v = unsafe { self.arena.load(slot) };
                if v == 0 || !self.is_young_value(v) {
                    continue;
                }
                let dirty = if in_old {
                    self.old_cards.is_dirty(slot)
                } else {
                    self.large_cards.is_dirty(slot)
                };
                let what = if in_old { "old" } else { "large" };
                if !dirty {
                    return Err(format!(
                        "remembered set: {what} object {:#x} field {:#x} holds young pointer {v:#x} but its card is clean",
                        ARENA_BASE + base,
                        ARENA_BASE + slot
                    ));
                }
                let from = || {
                    format!(
                        "field {:#x} of {what} object {:#x}",
                        ARENA_BASE + slot,
                        ARENA_BASE + base
                    )
                };
                self.check_ptr(v, &from)?;
            }
        }
        Ok(())
    }

    /// Check one pointer value; returns the target object's base offset if
    /// it is a GC object.
    fn check_ptr(&self, v: Addr, from: &dyn Fn() -> String) -> Result<Option<u64>, String> {
        if v == 0 {
            return Ok(None);
        }
        self.classify_ptr(v).map_err(|e| format!("{}: {e}", from()))
    }

    /// `check_ptr` without the context (errors say what is wrong with `v`).
    fn classify_ptr(&self, v: Addr) -> Result<Option<u64>, String> {
        let Some(off) = v
            .checked_sub(ARENA_BASE)
            .filter(|&o| o < self.layout.reserve)
        else {
            return Err(format!("wild pointer {v:#x} outside the arena"));
        };
        let l = &self.layout;
        if off < l.young_end() {
            let idle = &self.young.surv[1 - self.young.cur];
            if idle.region.contains_off(off) {
                return Err(format!("pointer {v:#x} into the empty survivor space"));
            }
            return match self
                .young
                .space_of(off)
                .and_then(|s| s.find_base(&self.arena, off))
            {
                Some(b) => Ok(Some(b)),
                None => Err(format!("pointer {v:#x} to no young object")),
            };
        }
        if l.old.contains_off(off) {
            return match self.old.find_base(&self.arena, off) {
                Some(b) => Ok(Some(b)),
                None => Err(format!("pointer {v:#x} to no old-space object")),
            };
        }
        if l.large.contains_off(off) {
            return match self.large.find_base(&self.arena, off) {
                Some(b) => Ok(Some(b)),
                None => Err(format!("pointer {v:#x} into free large-object pages")),
            };
        }
        // static, globals, stacks: not GC objects.
        Ok(None)
    }

    fn verify_reachable(&self, roots: &mut dyn RootSource) -> Result<(), String> {
        let mut slots = Vec::new();
        roots.visit_roots(&mut |s| slots.push(s));
        let mut values: Vec<(Addr, String)> = Vec::new();
        for s in slots {
            let v = self
                .read_u64(s)
                .map_err(|_| format!("root slot {s:#x} is not readable"))?;
            values.push((v, format!("root slot {s:#x}")));
        }
        for (off, words) in &self.global_blocks {
            for &w in words.iter() {
                let s = ARENA_BASE + off + w as u64 * 8;
                let v = self
                    .read_u64(s)
                    .map_err(|_| format!("global {s:#x} is not readable"))?;
                values.push((v, format!("global {s:#x}")));
            }
        }
        for (i, h) in self.handles.slots.iter().enumerate() {
            let in_arena = h
                .value
                .checked_sub(ARENA_BASE)
                .is_some_and(|o| o < self.layout.reserve);
            if h.live && in_arena {
                values.push((h.value, format!("handle {i}")));
            }
        }
        let mut seen: HashSet<u64> = HashSet::new();
        let mut work: Vec<u64> = Vec::new();
        for (v, from) in values {
            if let Some(b) = self.check_ptr(v, &|| from.clone())? {
                if seen.insert(b) {
                    work.push(b);
                }
            }
        }
        while let Some(base) = work.pop() {
            // `base` was found by find_base: a live object.
            let h = self.header_at(base);
            self.check_header(h, "reachable object", base)?;
            for slot in self.pointer_slots(base) {
                // SAFETY: the slot lies inside the object's payload.
                let v = unsafe { self.arena.load(slot) };
                if v == 0 {
                    continue;
                }
                let from = || {
                    format!(
                        "field {:#x} of object {:#x}",
                        ARENA_BASE + slot,
                        ARENA_BASE + base
                    )
                };
                if let Some(b) = self.check_ptr(v, &from)? {
                    if seen.insert(b) {
                        work.push(b);
                    }
                }
            }
        }
        Ok(())
    }

    /// At mark termination (`incremental.rs`): every pointer word of a black object (old
    /// or large, marked and not grey) that points to a white one (old or large, unmarked)
    /// lies in a dirty remark card, and every mark is on an allocated object.
    pub(crate) fn verify_tricolour(&self) -> Result<(), String> {
        let grey: HashSet<u64> = self.inc.grey.iter().map(|g| g.base).collect();
        let mut black = Vec::new();
        for id in self.old.span_ids() {
            let sp = self.old.span(id);
            for i in 0..sp.nelems {
                let marked = sp.mark[(i / 64) as usize] & (1u64 << (i % 64)) != 0;
                if marked && !sp.is_alloc(i) {
                    let at = ARENA_BASE + self.old.cell_start(id, i);
                    return Err(format!("old space: free cell at {at:#x} is marked"));
                }
                let b = self.old.base_of_cell(id, i);
                if marked && !grey.contains(&b) {
                    black.push(b);
                }
            }
        }
        for &start in self.large.objects.keys() {
            let hdr = self.large.region.offset + start as u64 * self.large.granule;
            // SAFETY: live runs are committed; the header is their first word.
            let h = unsafe { self.arena.load(hdr) };
            if h & MARK != 0 && !grey.contains(&(hdr + HEADER_BYTES)) {
                black.push(hdr + HEADER_BYTES);
            }
        }
        for b in black {
            let h = self.header_at(b) & !MARK;
            let Some(t) = self.types.get(object::type_id(h)) else {
                continue;
            };
            if t.size == 0 {
                continue;
            }
            let esize = t.size as u64;
            for e in 0..object::size(h) / esize {
                for &w in t.ptr_words.iter() {
                    let slot = b + e * esize + w as u64 * 8;
                    // SAFETY: a pointer word of a live old or large object.
                    let v = unsafe { self.arena.load(slot) };
                    if v == 0 || !self.is_white(v) {
                        continue;
                    }
                    let dirty = if self.layout.old.contains_off(slot) {
                        self.inc.remark_old.is_dirty(slot)
                    } else {
                        self.inc.remark_large.is_dirty(slot)
                    };
                    if !dirty {
                        return Err(format!(
                            "black object at {:#x}: word at {:#x} points to white {v:#x} \
                             outside a dirty remark card",
                            ARENA_BASE + b,
                            ARENA_BASE + slot
                        ));
                    }
                }
            }
        }
        Ok(())
    }

    /// Does `v` point to an unmarked old or large object?
    fn is_white(&self, v: Addr) -> bool {
        let off = v.wrapping_sub(ARENA_BASE);
        let l = &self.layout;
        if l.old.contains_off(off) {
            return self
                .old
                .find_base(&self.arena, off)
                .is_some_and(|b| !self.old.is_marked(b));
        }
        if l.large.contains_off(off) || off == l.large.offset + l.large.size {
            return self.large.find_base(&self.arena, off).is_some_and(|b| {
                // SAFETY: a live large object's header is the word before its base.
                let h = unsafe { self.arena.load(b - HEADER_BYTES) };
                h & MARK == 0
            });
        }
        false
    }
}
