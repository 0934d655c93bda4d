//! Specials: records that refer to an object without keeping it alive, as Go's runtime
//! keeps them on the object's span (`mheap.go`'s specials): weak handles (package `weak`),
//! finalizers (`runtime.SetFinalizer`) and cleanups (`runtime.AddCleanup`).
//!
//! A collection processes them after the ordinary trace (`Heap::process_specials`, called
//! by `collect` between draining and sweeping), in three small phases, as Go does:
//! 1. `mark_finalizer_children`: everything reachable *from* an unreachable object with a
//!    finalizer is kept (the finalizer may use it), the object itself not yet;
//! 2. `queue_finalizers`: an object with a finalizer that is still unreachable is
//!    resurrected for one more cycle, its finalizer removed and queued; one that became
//!    reachable from another such object stays registered (so cycles of objects with
//!    finalizers are never collected, as in Go);
//! 3. `clear_weak_and_queue_cleanups`: every weak handle still in use is updated to its
//!    target's new address, or cleared when the target died or its finalizer was queued;
//!    a cleanup whose object died is queued.
//!
//! Invariants:
//! - Targets are VM addresses valid before the collection; after it they are rewritten to
//!   the post-collection address (objects move) or cleared; interior addresses keep their
//!   offset.
//! - The functions (and a cleanup's argument, captured in its closure) are strong: they are
//!   heap handles (`roots.rs`), forwarded like any root. A queued function stays a handle
//!   until the VM takes it (`take_ready`).
//! - A weak handle is a one-word heap object without pointer words (so it does not keep its
//!   target alive) holding the target's address, as Go's handle is: `weak.Pointer` points
//!   to it, so handles nobody refers to are collected like any object and dropped from the
//!   table. `weak_of` maps a live target's address to its handle, so `weak.Make` of the
//!   same pointer gives equal `weak.Pointer`s. A handle whose target died holds 0 and is
//!   no longer tracked.

use crate::access::Fault;
use crate::arena::ARENA_BASE;
use crate::gctype::TypeTable;
use crate::object::{self, HEADER_BYTES, MARK};
use crate::roots::HandleId;
use crate::{Addr, Heap};
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpecialKind {
    /// `runtime.SetFinalizer`: the function is called with the object.
    Finalizer,
    /// `runtime.AddCleanup`: the function (a closure over its argument) is called.
    Cleanup,
}

#[derive(Clone, Copy, Debug)]
struct Record {
    id: u64,
    target: Addr,
    func: HandleId,
    kind: SpecialKind,
    /// For a finalizer whose parameter is an interface: the itab word to pass with the
    /// object (0: the parameter is the object's pointer type).
    itab: u64,
}

/// A function due to run: for a finalizer, with the (resurrected) object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ready {
    pub func: HandleId,
    pub arg: Option<HandleId>,
    /// The itab word passed before the object (0: none): `Record::itab`.
    pub itab: u64,
}

#[derive(Default)]
pub struct Specials {
    /// Weak handles being tracked: (handle object, its target).
    weak: Vec<(Addr, Addr)>,
    weak_of: HashMap<Addr, Addr>,
    records: Vec<Record>,
    next_id: u64,
    ready: Vec<Ready>,
}

impl Specials {
    /// No finalizer, cleanup or weak handle was ever made (a heap image's condition).
    pub(crate) fn is_empty(&self) -> bool {
        self.next_id == 0
            && self.weak.is_empty()
            && self.records.is_empty()
            && self.ready.is_empty()
    }
}

impl Heap {
    /// The weak handle of `target`, if it has one (the same handle for the same address
    /// while the target lives).
    pub fn weak_handle_of(&self, target: Addr) -> Option<Addr> {
        self.specials.weak_of.get(&target).copied()
    }

    /// Makes `handle`, a fresh one-word object without pointer words (`GcTypeId::BYTES` × 8),
    /// the weak handle of `target`: it holds the target's address, kept up to date by each
    /// collection, 0 once the target is collected.
    pub fn weak_register(&mut self, handle: Addr, target: Addr) -> Result<(), Fault> {
        self.write_u64(handle, target)?;
        self.specials.weak.push((handle, target));
        self.specials.weak_of.insert(target, handle);
        Ok(())
    }

    /// Number of weak handles tracked (referred to and with a live target).
    pub fn weak_count(&self) -> usize {
        self.specials.weak.len()
    }

    /// Registers `func` (a heap address, kept alive) to run when `target` is unreachable.
    /// Returns the record's id. A second finalizer for the same object replaces nothing:
    /// the caller checks `has_finalizer` first, as Go's runtime throws.
    pub fn add_special(&mut self, target: Addr, func: Addr, kind: SpecialKind, itab: u64) -> u64 {
        let func = self.new_handle(func);
        let s = &mut self.specials;
        s.next_id += 1;
        let id = s.next_id;
        s.records.push(Record {
            id,
            target,
            func,
            kind,
            itab,
        });
        id
    }

    /// Does the object at `target` have a finalizer?
    pub fn has_finalizer(&self, target: Addr) -> bool {
        self.specials
            .records
            .iter()
            .any(|r| r.kind == SpecialKind::Finalizer && r.target == target)
    }

    /// Removes the finalizer of `target` (`SetFinalizer(p, nil)`), or the record `id`
    /// (`Cleanup.Stop`). Returns whether one was removed.
    pub fn remove_special(&mut self, target: Option<Addr>, id: Option<u64>) -> bool {
        let s = &mut self.specials;
        let Some(i) = s.records.iter().position(|r| match (target, id) {
            (Some(t), _) => r.kind == SpecialKind::Finalizer && r.target == t,
            (None, Some(id)) => r.id == id,
            _ => false,
        }) else {
            return false;
        };
        let r = s.records.swap_remove(i);
        self.drop_handle(r.func);
        true
    }

    /// The functions queued by the last collections (the VM runs them on new goroutines
    /// and drops the handles).
    pub fn take_ready(&mut self) -> Vec<Ready> {
        std::mem::take(&mut self.specials.ready)
    }

    /// Number of pending finalizers and cleanups (registered, not yet queued).
    pub fn special_count(&self) -> usize {
        self.specials.records.len()
    }

    /// After the trace of a collection (`collect.rs`): see the module comment.
    pub(crate) fn process_specials(&mut self, types: &TypeTable, to: usize) {
        if self.specials.records.is_empty() && self.specials.weak.is_empty() {
            return;
        }
        let unreachable: Vec<usize> = (0..self.specials.records.len())
            .filter(|&i| {
                let r = self.specials.records[i];
                r.kind == SpecialKind::Finalizer && self.survivor(r.target).is_none()
            })
            .collect();
        self.mark_finalizer_children(&unreachable, types, to);
        let queued = self.queue_finalizers(&unreachable, types, to);
        self.clear_weak_and_queue_cleanups(&queued);
    }

    fn mark_finalizer_children(&mut self, unreachable: &[usize], types: &TypeTable, to: usize) {
        for &i in unreachable {
            let t = self.specials.records[i].target;
            self.scan_in_place(types, t);
        }
        self.drain(types, to);
    }

    /// Returns the pre-collection addresses of the objects whose finalizer was queued.
    fn queue_finalizers(
        &mut self,
        unreachable: &[usize],
        types: &TypeTable,
        to: usize,
    ) -> Vec<Addr> {
        let mut queued = Vec::new();
        let mut done = Vec::new();
        for &i in unreachable {
            let r = self.specials.records[i];
            if self.survivor(r.target).is_some() {
                // Reachable from another finalizer's object: stays registered.
                continue;
            }
            let moved = self.forward(r.target);
            queued.push(r.target);
            let arg = self.new_handle(moved);
            self.specials.ready.push(Ready {
                func: r.func,
                arg: Some(arg),
                itab: r.itab,
            });
            done.push(r.id);
        }
        self.drain(types, to);
        self.specials.records.retain(|r| !done.contains(&r.id));
        queued
    }

    fn clear_weak_and_queue_cleanups(&mut self, queued: &[Addr]) {
        let mut weak = std::mem::take(&mut self.specials.weak);
        weak.retain_mut(|(h, t)| {
            // A handle no weak.Pointer refers to any more is dropped.
            let Some(nh) = self.survivor(*h) else {
                return false;
            };
            let nt = if queued.contains(t) {
                0
            } else {
                self.survivor(*t).unwrap_or(0)
            };
            // SAFETY: the handle is a live one-word object (its copy, if it moved), in
            // committed memory; it has no pointer words, so no barrier or card is involved.
            unsafe { self.arena.store(nh - ARENA_BASE, nt) };
            (*h, *t) = (nh, nt);
            nt != 0
        });
        self.specials.weak_of = weak.iter().map(|&(h, t)| (t, h)).collect();
        self.specials.weak = weak;
        let mut records = std::mem::take(&mut self.specials.records);
        records.retain_mut(|r| match self.survivor(r.target) {
            Some(a) => {
                r.target = a;
                true
            }
            None => {
                // Only cleanups die here: unreachable finalizer objects were queued (or
                // kept) above.
                self.specials.ready.push(Ready {
                    func: r.func,
                    arg: None,
                    itab: 0,
                });
                false
            }
        });
        self.specials.records = records;
    }

    /// Updates, in place, the pointer words of the object holding `v` (a young object in
    /// a from space, or an old or large one), so that what it points to is kept.
    fn scan_in_place(&mut self, types: &TypeTable, v: Addr) {
        let off = v.wrapping_sub(ARENA_BASE);
        let l = &self.layout;
        let from = self.cycle.from_surv;
        let base = if l.nursery.contains_off(off) {
            self.young.nursery.find_base(&self.arena, off)
        } else if l.survivor[from].contains_off(off) {
            self.young.surv[from].find_base(&self.arena, off)
        } else if l.old.contains_off(off) {
            self.old.find_base(&self.arena, off)
        } else if l.large.contains_off(off) {
            self.large.find_base(&self.arena, off)
        } else {
            None
        };
        if let Some(base) = base {
            self.scan_object(types, base, 0, u64::MAX);
        }
    }

    /// Where the object holding `v` is after this collection's trace, or None if the
    /// trace did not reach it. Non-heap addresses always survive.
    pub(crate) fn survivor(&self, v: Addr) -> Option<Addr> {
        let off = v.wrapping_sub(ARENA_BASE);
        let l = &self.layout;
        if off < l.young_end() {
            let from = self.cycle.from_surv;
            let sp = if l.nursery.contains_off(off) {
                &self.young.nursery
            } else if l.survivor[from].contains_off(off) {
                &self.young.surv[from]
            } else {
                return Some(v);
            };
            let base = sp.find_base(&self.arena, off)?;
            // SAFETY: find_base found a cell, whose header is committed.
            let h = unsafe { self.arena.load(base - HEADER_BYTES) };
            return object::is_forwarded(h).then(|| object::forward_target(h) + (off - base));
        }
        if !self.cycle.major {
            return Some(v);
        }
        if l.old.contains_off(off) {
            let base = self.old.find_base(&self.arena, off)?;
            return self.old.is_marked(base).then_some(v);
        }
        if l.large.contains_off(off) {
            let base = self.large.find_base(&self.arena, off)?;
            // SAFETY: the object's header is in its committed run.
            let h = unsafe { self.arena.load(base - HEADER_BYTES) };
            return (h & MARK != 0).then_some(v);
        }
        Some(v)
    }
}
