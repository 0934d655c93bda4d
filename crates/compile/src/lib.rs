//! gosub-compile: the checked program (AST + type information) to register bytecode.
//!
//! Owns: memory layouts (`layout.rs`), frame layouts and stack maps (`frame.rs`), runtime
//! type descriptors and method sets (`rtypes.rs`), and the code generator (`gen.rs` drives;
//! `expr.rs`, `stmt.rs`, `call.rs`, `builtins.rs`, `composite.rs` translate). The instruction
//! set, the program format and the disassembler it emits into belong to gosub-bytecode and are
//! re-exported here under their old paths (`gosub_compile::bytecode`, `::program`,
//! `::disasm`). Type sizes, alignments and pointer words come from `gosub_types::layout`;
//! which variables and allocations may stay in a frame from the escape analysis the driver
//! ran before (`compile(p, &escapes)`).
//!
//! Architecture Invariant: depends only on gosub-syntax, gosub-types, gosub-escape and
//! gosub-bytecode, never on the VM or the heap (checked by `tests/architecture.rs`); no
//! `unsafe` code (`forbid` below).

#![forbid(unsafe_code)]

pub mod append;
pub mod assign;
pub mod boxing;
pub mod builtins;
pub mod call;
pub mod coalesce;
pub mod complex;
pub mod composite;
pub mod cond;
pub mod convert;
pub mod copyprop;
pub mod defer;
pub mod entry;
pub mod expr;
pub mod frame;
pub mod gen;
mod gen_state;
pub mod hoist;
pub mod inline;
pub mod inline_body;
pub mod jumps;
pub mod layout;
pub mod loops;
pub mod make;
pub mod method_value;
pub mod ops;
pub mod order;
pub mod place;
pub mod rangefunc;
pub mod rtypes;
pub mod select;
pub mod static_box;
pub mod stmt;
pub mod switch;
pub mod unsafe_fns;

pub use gosub_bytecode::{bytecode, disasm, program};

pub use bytecode::{Function, Op};
pub use program::Program;

use gosub_escape::Escapes;
use gosub_syntax::Diagnostic;

/// Compiles a checked program; `esc` is its escape analysis (`gosub_escape::analyze`),
/// which the driver runs once and also prints for `-m`.
pub fn compile(p: &gosub_types::Program, esc: &Escapes) -> Result<Program, Vec<Diagnostic>> {
    gen::Gen::new(p, esc).run()
}

/// `compile`, counting at run time the allocations escape analysis kept in frames
/// (`Op::NoteFrameAlloc` at each): for the memory report's bytes saved.
pub fn compile_counting(
    p: &gosub_types::Program,
    esc: &Escapes,
) -> Result<Program, Vec<Diagnostic>> {
    let mut g = gen::Gen::new(p, esc);
    g.count_frame_allocs = true;
    g.run()
}

pub use gen::{GenState, Increment};

/// Compiles an eval session's first program (`st` None) or its next input (see
/// `gen::Gen::resume`); `esc` is the escape analysis of the whole grown program `p`. The
/// returned state continues the next compilation. `count_frame_allocs`: what this
/// increment adds counts the allocations kept in frames (as `compile_counting`).
pub fn compile_increment(
    p: &gosub_types::Program,
    esc: &Escapes,
    st: Option<GenState>,
    inc: Increment,
    count_frame_allocs: bool,
) -> Result<(std::sync::Arc<Program>, GenState), Vec<Diagnostic>> {
    let mut g = match st {
        Some(st) => gen::Gen::resume(p, esc, st),
        None => gen::Gen::new(p, esc),
    };
    g.count_frame_allocs = count_frame_allocs;
    g.run_increment(inc)
}
