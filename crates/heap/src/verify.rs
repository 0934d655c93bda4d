//! Heap verifier: checks the invariants of every space and that every
//! pointer reachable from the roots targets a valid object.
//!
//! Checked:
//! - Active small-object space: a dense sequence of sane cells (header not
//!   forwarded, no mark, reserved bits 0, registered type, size a multiple of
//!   the element size), one start bit per cell and no other start bits.
//! - Inactive semispace: empty.
//! - Large space: sane headers, unmarked, object fits its run.
//! - Reachability (from VM root slots, globals' pointer words and handles):
//!   every non-nil pointer word either targets a live object (base found by
//!   the interior-pointer rule) or lies in a non-GC region (static, globals,
//!   stacks). Pointers outside the arena, into the inactive semispace or into
//!   free memory are errors. Root slots must be readable. Handles may hold
//!   non-pointer values (only values inside the arena are checked).
//!
//! The verifier only reads; it never changes the heap.

use std::collections::HashSet;

use crate::arena::{Addr, ARENA_BASE};
use crate::object::{self, footprint, HEADER_BYTES, MARK, RESERVED_BITS};
use crate::roots::RootSource;
use crate::Heap;

impl Heap {
    /// Verify the heap (see module docs). Returns the first problem found.
    pub fn verify(&self, roots: &mut dyn RootSource) -> Result<(), String> {
        self.verify_semispaces()?;
        self.verify_large()?;
        self.verify_reachable(roots)
    }

    fn check_header(&self, h: u64, what: &str, at: u64) -> Result<(), String> {
        let addr = ARENA_BASE + at;
        if object::is_forwarded(h) {
            return Err(format!("{what} at {addr:#x}: forwarded header {h:#x}"));
        }
        if h & MARK != 0 {
            return Err(format!("{what} at {addr:#x}: mark bit set outside GC"));
        }
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

    fn verify_semispaces(&self) -> Result<(), String> {
        let idle = &self.semi[1 - self.active];
        if idle.top != 0 || idle.objects != 0 {
            return Err("inactive semispace is not empty".into());
        }
        let s = &self.semi[self.active];
        if s.top > s.committed {
            return Err("allocation space: top beyond committed memory".into());
        }
        let mut rel = 0u64;
        let mut cells = 0u64;
        while rel < s.top {
            let cell = s.region.offset + rel;
            // SAFETY: cell < top <= committed.
            let h = unsafe { self.arena.load(cell) };
            self.check_header(h, "object", cell + HEADER_BYTES)?;
            let base_rel = rel + HEADER_BYTES;
            if !s.starts.get(base_rel / 8) {
                return Err(format!(
                    "object at {:#x}: start bit missing",
                    ARENA_BASE + cell + HEADER_BYTES
                ));
            }
            rel = base_rel + footprint(object::size(h));
            cells += 1;
        }
        if rel != s.top {
            return Err("allocation space: last cell overruns top".into());
        }
        if cells != s.objects {
            return Err(format!("object count {} != {} cells", s.objects, cells));
        }
        let bits = (0..s.top / 8).filter(|&w| s.starts.get(w)).count() as u64;
        if bits != cells {
            return Err(format!("{bits} start bits for {cells} objects"));
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
            if HEADER_BYTES + footprint(object::size(h)) > n as u64 * l.granule {
                return Err(format!(
                    "large object at {:#x} overruns its run",
                    ARENA_BASE + hdr + HEADER_BYTES
                ));
            }
        }
        Ok(())
    }

    /// Check one pointer value; returns the target object's base offset if
    /// it is a GC object.
    fn check_ptr(&self, v: Addr, from: &str) -> Result<Option<u64>, String> {
        if v == 0 {
            return Ok(None);
        }
        let Some(off) = v
            .checked_sub(ARENA_BASE)
            .filter(|&o| o < self.layout.reserve)
        else {
            return Err(format!("{from}: wild pointer {v:#x} outside the arena"));
        };
        let l = &self.layout;
        let in_active = l.semi[self.active].contains_off(off)
            || off == l.semi[self.active].offset + l.semi[self.active].size;
        if in_active {
            if let Some(b) = self.semi[self.active].find_base(&self.arena, off) {
                return Ok(Some(b));
            }
        }
        if l.large.contains_off(off) {
            return match self.large.find_base(&self.arena, off) {
                Some(b) => Ok(Some(b)),
                None => Err(format!(
                    "{from}: pointer {v:#x} into free large-object pages"
                )),
            };
        }
        if l.semi[1 - self.active].contains_off(off) {
            return Err(format!(
                "{from}: pointer {v:#x} into the inactive semispace"
            ));
        }
        if in_active {
            return Err(format!("{from}: pointer {v:#x} to no object"));
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
            if let Some(b) = self.check_ptr(v, &from)? {
                if seen.insert(b) {
                    work.push(b);
                }
            }
        }
        while let Some(base) = work.pop() {
            // SAFETY: `base` was found by find_base: its header is committed.
            let h = unsafe { self.arena.load(base - HEADER_BYTES) };
            self.check_header(h, "reachable object", base)?;
            let Some(t) = self.types.get(object::type_id(h)) else {
                continue;
            };
            if t.size == 0 || t.ptr_words.is_empty() {
                continue;
            }
            let esize = t.size as u64;
            for i in 0..object::size(h) / esize {
                for &w in t.ptr_words.iter() {
                    let slot = base + i * esize + w as u64 * 8;
                    // SAFETY: the slot lies inside the object's payload.
                    let v = unsafe { self.arena.load(slot) };
                    let from = format!(
                        "field {:#x} of object {:#x}",
                        ARENA_BASE + slot,
                        ARENA_BASE + base
                    );
                    if let Some(b) = self.check_ptr(v, &from)? {
                        if seen.insert(b) {
                            work.push(b);
                        }
                    }
                }
            }
        }
        Ok(())
    }
}
