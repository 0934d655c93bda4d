//! gosub-vm: runs a compiled program. Owns the interpreter loop (`interp.rs`) and the less
//! frequent instructions it hands to `slow_op.rs` (strings `string_ops.rs`, conversions
//! `convert.rs`, slices `slices.rs`, floats `float.rs`, complex numbers `complex.rs`,
//! interfaces `iface.rs`, maps `maps.rs`, package unsafe `unsafe_ops.rs`), goroutines and the
//! scheduler (`sched.rs`) with its timers (`timers.rs`),
//! channels (`chan.rs`), frames and the call stack (`frame.rs`), calls and defers
//! (`call.rs`), panics (`panic.rs`), UTF-8 decoding (`strings.rs`), garbage-collection roots
//! (`gc.rs`), the printing of runtime values (`print.rs`) and of floats (`float_fmt.rs`), and
//! the native calling convention (`natives.rs`, `args.rs`).
//!
//! Architecture Invariants (checked by `tests/architecture.rs`):
//! - depends on gosub-bytecode (the program format) and gosub-heap (all memory) only: the
//!   VM never sees the AST, the checker or the compiler;
//! - `unsafe` code only in the dispatch loop (`interp`), the frame-word accessors (`frame`)
//!   and `vm`'s element-translation cache, each block with a `// SAFETY:` comment; every
//!   other module denies it (`deny` below, `allow` on those three).
//!
//! Natives
//! (standard-library functions implemented in Rust) are registered by name by the host
//! (gosub-std); the VM knows none of them.
//!
//! Invariants:
//! - Go calls never recurse on the Rust stack: a call pushes a `CallInfo` and continues the
//!   same dispatch loop.
//! - Every pointer the VM holds across an allocation is in a root: a frame word listed in the
//!   function's stack map, a global, or a heap handle. Rust locals holding VM addresses are
//!   re-read from frames after any allocation.

#![deny(unsafe_code)]

#[allow(unsafe_code)]
pub mod access;
pub mod alloc_profile;
pub mod args;
pub mod arith;
pub mod call;
pub mod caps;
pub mod chan;
pub mod chan_ops;
pub mod cmem;
pub mod complex;
pub mod convert;
mod dispatch_only;
pub mod error;
#[allow(unsafe_code)]
mod fast_loop;
mod first_half;
pub mod float;
pub mod float_fmt;
#[allow(unsafe_code)]
pub mod frame;
pub mod gc;
pub mod iface;
pub mod image;
#[allow(unsafe_code)]
pub mod interp;
#[allow(unsafe_code)]
mod map_fast;
pub mod maps;
pub mod natives;
pub mod panic;
pub mod print;
pub mod sched;
pub mod slices;
pub mod slow_op;
pub mod stack;
pub mod string_ops;
pub mod strings;
pub mod timers;
pub mod unsafe_ops;
pub mod verify;
#[allow(unsafe_code)]
pub mod vm;

pub use args::Args;
pub use error::{Trap, VmError};
pub use natives::{Native, NativeClosure, NativeFn, NativeRegistry};
pub use vm::{Vm, VmConfig};
