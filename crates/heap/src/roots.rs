//! Roots: the VM's root slots (via [`RootSource`]), the globals' pointer
//! words, and the host handle table.
//!
//! Invariants:
//! - A root *slot* is the VM address of a word that holds a pointer (or nil).
//!   Slots must lie in the globals, a stack, the static region or the
//!   large-object space; slots inside the small-object (moving) space are
//!   ignored, since such a slot would itself move (use a handle instead).
//!   Unreadable slots are ignored too (the verifier reports them).
//! - Reporting a slot twice is harmless: after the first visit it points to
//!   to-space (or a marked large object) and is left alone.
//! - Handles: `slots[i]` is live iff `live`; a `HandleId` carries the slot's
//!   generation so a dropped (and possibly reused) handle is detected.

use crate::arena::Addr;
use crate::Heap;

/// Supplies the VM's roots for a collection.
pub trait RootSource {
    /// Call `v` with the address of every word that may hold a pointer.
    fn visit_roots(&mut self, v: &mut dyn FnMut(Addr));
}

/// No roots besides globals and handles.
pub struct NoRoots;

impl RootSource for NoRoots {
    fn visit_roots(&mut self, _v: &mut dyn FnMut(Addr)) {}
}

/// Roots given as a precomputed list of slot addresses.
pub struct SliceRoots<'a>(pub &'a [Addr]);

impl RootSource for SliceRoots<'_> {
    fn visit_roots(&mut self, v: &mut dyn FnMut(Addr)) {
        for &s in self.0 {
            v(s);
        }
    }
}

impl RootSource for Vec<Addr> {
    fn visit_roots(&mut self, v: &mut dyn FnMut(Addr)) {
        for &s in self.iter() {
            v(s);
        }
    }
}

/// A host-held reference to a heap value, updated by the collector.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct HandleId {
    index: u32,
    generation: u32,
}

impl HandleId {
    /// The handle as one integer (to pass it through Go code and back).
    pub fn to_bits(self) -> u64 {
        ((self.generation as u64) << 32) | self.index as u64
    }
    /// The handle `to_bits` gave (an invalid one is simply never live).
    pub fn from_bits(b: u64) -> HandleId {
        HandleId {
            index: b as u32,
            generation: (b >> 32) as u32,
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct HandleSlot {
    pub value: Addr,
    pub generation: u32,
    pub live: bool,
}

#[derive(Default)]
pub(crate) struct HandleTable {
    pub slots: Vec<HandleSlot>,
    free: Vec<u32>,
}

impl HandleTable {
    fn slot(&self, h: HandleId) -> Option<&HandleSlot> {
        self.slots
            .get(h.index as usize)
            .filter(|s| s.live && s.generation == h.generation)
    }
}

impl Heap {
    /// Create a handle holding `a` (any value; GC pointers are kept alive
    /// and updated when objects move).
    pub fn new_handle(&mut self, a: Addr) -> HandleId {
        let t = &mut self.handles;
        if let Some(i) = t.free.pop() {
            let s = &mut t.slots[i as usize];
            s.value = a;
            s.live = true;
            return HandleId {
                index: i,
                generation: s.generation,
            };
        }
        t.slots.push(HandleSlot {
            value: a,
            generation: 0,
            live: true,
        });
        HandleId {
            index: (t.slots.len() - 1) as u32,
            generation: 0,
        }
    }

    /// Current value of a handle (`None` if it was dropped).
    pub fn handle_get(&self, h: HandleId) -> Option<Addr> {
        self.handles.slot(h).map(|s| s.value)
    }

    /// Replace a handle's value. Returns false if the handle was dropped.
    pub fn handle_set(&mut self, h: HandleId, a: Addr) -> bool {
        match self.handles.slots.get_mut(h.index as usize) {
            Some(s) if s.live && s.generation == h.generation => {
                s.value = a;
                true
            }
            _ => false,
        }
    }

    /// Drop a handle (no-op if already dropped).
    pub fn drop_handle(&mut self, h: HandleId) {
        let t = &mut self.handles;
        if let Some(s) = t.slots.get_mut(h.index as usize) {
            if s.live && s.generation == h.generation {
                s.live = false;
                s.value = 0;
                s.generation = s.generation.wrapping_add(1);
                t.free.push(h.index);
            }
        }
    }

    /// Number of live handles.
    pub fn handle_count(&self) -> usize {
        self.handles.slots.len() - self.handles.free.len()
    }
}
