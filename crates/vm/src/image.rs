//! A VM's image (`VmImage`): a loaded program's VM after it ran something (the standard
//! library's initialisers), taken once (`Vm::image`) and stamped into new VMs
//! (`Vm::from_image`), which then start where the first one was without loading the
//! program or running the initialisers again. The heap's part is `gosub_heap::image`.
//!
//! Invariants:
//! - An image is taken only between runs of a quiescent VM: no goroutine but main, no
//!   frames, panics, channel waiters, timers, C memory or allocation profile, the default
//!   stack limit, and a heap that `Heap::image` accepts (no collection has run).
//!   Everything the run left is then in the heap image and in the fields below, which
//!   are copied, but for the tables of where constants and closures are, which are
//!   frozen into a prefix the imaged VM and the new ones share (`gosub_layered::Prefixed`);
//!   every other field of the new VM is as `Vm::new_after` sets it.
//! - A VM stamped from an image behaves as the VM the image was taken from would have:
//!   the same objects at the same addresses, the same type ids, itabs, goroutine ids,
//!   `select` choices and allocation counters. Only its natives may be its own: the
//!   table (frozen, shared like the others) is the image's, but for a closure native
//!   whose closure in the new VM's registry is not the image's (a host function
//!   registered for this VM), which makes the table a copy of its own.

use crate::error::VmError;
use crate::natives::{Native, NativeRegistry};
use crate::vm::{commit_failed, missing_native, reserve_failed, Tables, Vm, VmConfig};
use gosub_bytecode::program::Program;
use gosub_heap::image::HeapImage;
use gosub_heap::{GcTypeId, Heap};
use gosub_layered::Prefixed;
use std::collections::HashMap;
use std::sync::Arc;

/// The image of a VM (module comment). Immutable once taken.
pub struct VmImage {
    prog: Arc<Program>,
    heap: HeapImage,
    tables: Tables,
    /// The VM's natives, shared with every VM stamped from the image (`Prefixed`), and
    /// the indices of those that are closures: each VM's registry supplies those by name,
    /// and a VM whose closure is not the image's gets a table of its own.
    natives: Prefixed<Native>,
    closure_natives: Vec<usize>,
    map_gctypes: HashMap<u32, GcTypeId>,
    next_goroutine: u64,
    rng: u64,
    next_chan_id: u64,
}

impl VmImage {
    /// The heap bytes each VM stamped from the image copies.
    pub fn heap_bytes(&self) -> usize {
        self.heap.bytes()
    }
}

impl Vm {
    /// The image of this VM, or `None` when it is not quiescent (module comment). First
    /// gives back the stack spans no stack uses, as a major collection would (those the
    /// main stack grew through while the initialisers ran), so that the stacks' memory
    /// is what a VM stamped from the image starts with.
    pub fn image(&mut self) -> Option<VmImage> {
        self.heap.release_idle_stack_spans();
        // (Like every release of VM memory.)
        self.forget_elem_ptrs();
        let s = &self.sched;
        let quiescent = self.frames.is_empty()
            && self.panics.is_empty()
            && s.gs.iter().all(Option::is_none)
            && s.runq.is_empty()
            && s.system.is_empty()
            && self.chans.no_waiters()
            && self.timers.never_used()
            && self.cmem.blocks.is_empty()
            && self.profile.is_none()
            && self.max_stack_bytes == crate::vm::DEFAULT_MAX_STACK
            && self.gc_epoch == 0;
        if !quiescent {
            return None;
        }
        let heap = self.heap.image()?;
        // The tables every VM stamped from the image shares rather than copies (and this
        // VM with them).
        self.gctypes.freeze();
        self.strings.freeze();
        self.static_boxes.freeze();
        self.closures.freeze();
        self.itabs.freeze();
        Some(VmImage {
            prog: self.prog.clone(),
            heap,
            tables: Tables {
                gctypes: self.gctypes.clone(),
                strings: self.strings.clone(),
                static_boxes: self.static_boxes.clone(),
                closures: self.closures.clone(),
                itabs: self.itabs.clone(),
                itab_cache: self.itab_cache.clone(),
                globals: self.globals,
                zerobase: self.zerobase,
                staticuint64s: self.staticuint64s,
                string_rtype: self.string_rtype,
            },
            natives: {
                let mut n = self.natives.clone();
                n.freeze();
                n
            },
            closure_natives: (self.natives.iter().enumerate())
                .filter(|(_, n)| matches!(n, Native::Closure(_)))
                .map(|(i, _)| i)
                .collect(),
            map_gctypes: self.map_gctypes.clone(),
            next_goroutine: s.next_id,
            rng: s.rng,
            next_chan_id: self.next_chan_id,
        })
    }

    /// A new VM in the state `image` was taken in, with its own heap (of `config`) and
    /// the natives of `natives`.
    pub fn from_image(
        image: &VmImage,
        natives: &NativeRegistry,
        config: VmConfig,
    ) -> Result<Vm, VmError> {
        let mut nat = image.natives.clone();
        for &i in &image.closure_natives {
            let name = image
                .prog
                .natives
                .get(i)
                .ok_or_else(|| missing_native("?"))?;
            let f = natives.get(name).ok_or_else(|| missing_native(name))?;
            let same = match (&f, &nat[i]) {
                (Native::Closure(a), Native::Closure(b)) => Arc::ptr_eq(a, b),
                _ => false,
            };
            if !same {
                *nat.slot_mut(i) = f;
            }
        }
        let reserve = config.heap.reserve_bytes;
        let mut heap = Heap::new(config.heap.clone()).map_err(|_| reserve_failed(reserve))?;
        if !heap.stamp(&image.heap) {
            return Err(commit_failed());
        }
        let mut vm = Vm::assemble(heap, image.prog.clone(), image.tables.clone(), nat, config)?;
        vm.map_gctypes = image.map_gctypes.clone();
        vm.sched.next_id = image.next_goroutine;
        vm.sched.rng = image.rng;
        vm.next_chan_id = image.next_chan_id;
        Ok(vm)
    }
}
