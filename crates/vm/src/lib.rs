//! gosub-vm: runs a compiled program. Owns the interpreter loop (`interp.rs`), goroutine
//! stacks and the call stack (`frame.rs`), calls, defers and panics (`call.rs`, `panic.rs`),
//! maps (`maps.rs`), strings (`strings.rs`), interfaces (`iface.rs`), garbage-collection
//! roots (`gc.rs`) and the printing of runtime values (`print.rs`).
//!
//! Depends on gosub-bytecode (the program format) and gosub-heap (all memory) only. Natives
//! (standard-library functions implemented in Rust) are registered by name by the host
//! (gosub-std); the VM knows none of them.
//!
//! Invariants:
//! - Go calls never recurse on the Rust stack: a call pushes a `CallInfo` and continues the
//!   same dispatch loop.
//! - Every pointer the VM holds across an allocation is in a root: a frame word listed in the
//!   function's stack map, a global, or a heap handle. Rust locals holding VM addresses are
//!   re-read from frames after any allocation.

pub mod args;
pub mod call;
pub mod chan;
pub mod cmem;
pub mod error;
pub mod frame;
pub mod gc;
pub mod iface;
pub mod interp;
pub mod maps;
pub mod natives;
pub mod panic;
pub mod print;
pub mod sched;
pub mod strings;
pub mod unsafe_ops;
pub mod verify;
pub mod vm;

pub use args::Args;
pub use error::{Trap, VmError};
pub use natives::{Native, NativeClosure, NativeFn, NativeRegistry};
pub use vm::{Vm, VmConfig};
