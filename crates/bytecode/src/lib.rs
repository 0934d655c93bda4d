//! gosub-bytecode: the contract between the compiler and the VM. Owns the instruction set
//! (`bytecode.rs`), the compiled program format with its runtime type descriptors, itabs and
//! GC type descriptions (`program.rs`), what each instruction does to its frame (`effects.rs`) and the stack
//! maps computed from it (`liveness.rs`), the specialised forms of the commonest
//! instructions (`specialized.rs`), the in-place calls (`in_place.rs`), the positions of inlined code (`inline_pos.rs`), and the disassembler (`disasm.rs`).
//!
//! The compiler (gosub-compile) produces a `Program`; the VM (gosub-vm) verifies and runs
//! it.
//!
//! Architecture Invariant: depends on no other gosub crate, neither the front end (syntax,
//! types) nor the heap (checked by `tests/architecture.rs`); no `unsafe` code (`forbid`
//! below).

#![forbid(unsafe_code)]

pub mod bytecode;
pub mod disasm;
pub mod effects;
pub mod function;
pub mod fused;
pub mod in_place;
pub mod inline_pos;
pub mod liveness;
pub mod operations;
pub mod program;
pub mod specialized;

pub use bytecode::{Function, Op};
pub use program::Program;

// Every instruction is 32 bytes: the interpreter turns an instruction index into its
// address with a shift, and a function's code is a fifth smaller than with 40. A variant
// that would widen `Op` fails the build here; narrow its operands instead (`SliceArray`'s
// length is in a register, `SliceElemAddr2`'s element sizes in 16 bits). (Aligning `Op`
// to 32 bytes, so that none straddles a cache line, made compiling 2% slower, through
// aligned allocation, for no measured gain.)
const _: () = assert!(std::mem::size_of::<Op>() == 32);
