//! Native functions: standard-library functions implemented in Rust.
//!
//! A native receives the VM and the address of its frame, laid out like any Go function's
//! frame: parameters from offset 0 (each 8-byte aligned), results after them. It runs with
//! the collector inhibited (`Heap::set_gc_inhibited`), so VM addresses it reads stay valid
//! while it allocates. `Args` (`args.rs`) reads and writes such a frame.

use crate::error::Trap;
use crate::vm::Vm;
use gosub_heap::Addr;
use std::collections::HashMap;
use std::sync::Arc;

pub type NativeFn = fn(&mut Vm, Addr) -> Result<(), Trap>;

/// A native implemented by a boxed closure (host functions registered by an embedder).
pub type NativeClosure = Arc<dyn Fn(&mut Vm, Addr) -> Result<(), Trap> + Send + Sync>;

/// A loaded native: a plain function (the standard library) or a closure (the host's).
#[derive(Clone)]
pub enum Native {
    Fn(NativeFn),
    Closure(NativeClosure),
}

#[derive(Default, Clone)]
pub struct NativeRegistry {
    /// Shared: the standard library's table is built once per process and every VM's
    /// registry starts from it (`register` copies it first, if shared).
    pub fns: Arc<HashMap<String, NativeFn>>,
    /// Closure natives; looked up when `fns` has no entry of the name. Shared too (a
    /// session's registry starts from one made once: src/live.rs).
    pub closures: Arc<HashMap<String, NativeClosure>>,
}

impl NativeRegistry {
    pub fn new() -> NativeRegistry {
        NativeRegistry::default()
    }

    /// Registers `name` (`strings.Index`, `fmt.Println`, `main.(*T).M`).
    pub fn register(&mut self, name: &str, f: NativeFn) {
        Arc::make_mut(&mut self.fns).insert(name.to_string(), f);
    }

    /// Registers a closure native (`host.Add`).
    pub fn register_closure(&mut self, name: &str, f: NativeClosure) {
        Arc::make_mut(&mut self.closures).insert(name.to_string(), f);
    }

    /// The native registered under `name`.
    pub fn get(&self, name: &str) -> Option<Native> {
        match self.fns.get(name) {
            Some(f) => Some(Native::Fn(*f)),
            None => self.closures.get(name).map(|c| Native::Closure(c.clone())),
        }
    }
}

/// Runs native `native` for the Go function `func` whose frame is at `fp` (`Op::CallNative`;
/// the interpreter synced its position first). Settles a collection owed before it, then
/// keeps the collector off while the native runs: natives hold VM addresses, including
/// across Go code they call back (fmt calling String methods); the caller's setting is
/// restored after.
pub fn call(vm: &mut Vm, native: u32, func: u32, fp: Addr) -> Result<(), Trap> {
    crate::gc::collect_owed(vm)?;
    let was = vm.heap.gc_inhibited();
    vm.heap.set_gc_inhibited(true);
    let size = vm.prog.funcs.get(func as usize).map_or(0, |f| f.frame_size);
    let outer = std::mem::replace(&mut vm.native_frame, (fp, size));
    let r = match &vm.natives[native as usize] {
        Native::Fn(nf) => nf(vm, fp),
        Native::Closure(c) => {
            let c = c.clone();
            vm.native_func = func;
            vm.native_calls = crate::vm::next_native_call();
            c(vm, fp)
        }
    };
    vm.native_frame = outer;
    vm.heap.set_gc_inhibited(was);
    r
}
