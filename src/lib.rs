//! gosub: an embeddable virtual machine for a subset of Go.
//!
//! This facade crate drives the pipeline — parse (gosub-syntax), type-check (gosub-types),
//! compile to bytecode (gosub-compile), run (gosub-vm over gosub-heap) with the standard
//! library (gosub-std) — and is what the CLI and embedding hosts use.
//!
//! ```no_run
//! let out = gosub::run_source("hello.go", "package main\nfunc main() { println(\"hi\") }\n", &gosub::Options::default());
//! assert_eq!(out.exit_code, 0);
//! ```

pub mod driver;

pub use driver::{compile_source, run_compiled, run_source, Compiled, Options, RunOutput};
pub use gosub_heap::HeapConfig;
