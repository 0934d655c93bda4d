//! Native functions: standard-library functions implemented in Rust.
//!
//! A native receives the VM and the address of its frame, laid out like any Go function's
//! frame: parameters from offset 0 (each 8-byte aligned), results after them. It runs with
//! the collector inhibited (`Heap::set_gc_inhibited`), so VM addresses it reads stay valid
//! while it allocates.

use crate::error::Trap;
use crate::vm::Vm;
use gosub_heap::Addr;
use std::collections::HashMap;

pub type NativeFn = fn(&mut Vm, Addr) -> Result<(), Trap>;

#[derive(Default, Clone)]
pub struct NativeRegistry {
    pub fns: HashMap<String, NativeFn>,
}

impl NativeRegistry {
    pub fn new() -> NativeRegistry {
        NativeRegistry::default()
    }

    /// Registers `name` (`strings.Index`, `fmt.Println`, `main.(*T).M`).
    pub fn register(&mut self, name: &str, f: NativeFn) {
        self.fns.insert(name.to_string(), f);
    }
}
