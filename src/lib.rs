//! gosub: an embeddable virtual machine for a subset of Go.
//!
//! This facade crate drives the pipeline — parse (gosub-syntax), type-check (gosub-types),
//! compile to bytecode (gosub-compile, into gosub-bytecode's program format), run (gosub-vm
//! over gosub-heap) with the standard library (gosub-std) — and is what the CLI and embedding
//! hosts use.
//!
//! Architecture Invariant: the pipeline reads top-down, syntax → types → escape → compile
//! → bytecode ← vm ← heap, with gosub-std and this facade on top (the dependency rules are
//! checked by `tests/architecture.rs`); no `unsafe` code here (`forbid` below).
//!
//! Embedding (see docs/embedding.md):
//!
//! ```no_run
//! let mut vm = gosub::Vm::new();
//! vm.eval("x := 21").unwrap();
//! let v: i64 = vm.eval_as("x * 2").unwrap();
//! assert_eq!(v, 42);
//! ```
//!
//! Running a whole program with the driver:
//!
//! ```no_run
//! let out = gosub::run_source("hello.go", "package main\nfunc main() { println(\"hi\") }\n", &gosub::Options::default());
//! assert_eq!(out.exit_code, 0);
//! ```

#![forbid(unsafe_code)]

mod completion;
pub mod driver;
pub mod error;
mod first_inputs;
mod front_stack;
pub mod func;
mod go_call;
pub mod go_func;
pub mod go_struct;
pub mod handle;
pub mod host;
pub mod host_types;
mod host_versions;
mod live;
pub mod memreport;
mod memreport_html;
mod reachable;
mod save;
pub mod session;
mod sink;
mod start;
pub mod value;
pub mod vm;

pub use driver::{compile_source, run_compiled, run_source, Compiled, Options, RunOutput, Stdin};
pub use error::{Diagnostic, Error};
pub use func::{Func, FuncArgs};
pub use go_func::GoFunc;
pub use go_struct::GoStruct;
/// `#[derive(GoStruct)]` (crates/derive): writes the `go_struct!` call for a struct.
pub use gosub_derive::GoStruct;
pub use gosub_heap::HeapConfig;
pub use gosub_vm::caps::Capabilities;
pub use handle::GoRef;
pub use host::{HostCtx, HostFn, HostFnCtx, HostSig};
pub use value::{FromValue, GoError, Value};
pub use vm::{InterruptHandle, Vm, VmBuilder};
