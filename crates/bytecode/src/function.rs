//! One compiled function: its instructions and the frame they run in.
//!
//! Invariants (the VM checks them once per function at load, `verify.rs`): every frame
//! operand of every instruction lies inside `frame_size`; every jump lands on an
//! instruction of `code`; the last instruction does not fall through (a `Ret`, `Jmp`,
//! `Panic`, `PanicMsg` or `Unreachable`), and `epilogue` is an index into `code`, so
//! control never runs past the end of `code`.

use crate::bytecode::Op;

/// One compiled function.
#[derive(Clone, Debug, Default)]
pub struct Function {
    /// Go's qualified name as tracebacks print it: `main.fib`, `main.(*T).M`, `main.main.func1`.
    pub name: String,
    pub code: Vec<Op>,
    /// Source offset of each instruction (for panics and tracebacks), or, for an
    /// instruction of an inlined body, a tagged index into `inl_pos` (`inline_pos.rs`:
    /// read positions with `Function::source_pos` and `Function::logical_frames`).
    pub pos: Vec<u32>,
    /// The positions of inlined bodies' instructions: (source offset, index in `inl_calls`
    /// of the inlined call they belong to). See `inline_pos.rs`.
    pub inl_pos: Vec<(u32, u32)>,
    /// The inlined calls: (index of the callee in `Program::funcs`, `pos` value of the
    /// call, itself tagged when the call is in an inlined body).
    pub inl_calls: Vec<(u32, u32)>,
    pub frame_size: u32,
    /// Every return writes all the results first (a body without named results or
    /// `defer`), so a call need not zero them on entry; false (the default) zeroes them.
    /// Their pointer words are zeroed either way (`ptr_words`).
    pub results_written: bool,
    /// Parameters occupy `0..params_size`; results `results_off..results_off+results_size`.
    pub params_size: u32,
    pub results_off: u32,
    pub results_size: u32,
    /// Frame words (offset / 8) that hold pointers, ascending (so the parameters' words come
    /// first; a call zeroes the rest: `gosub_vm::access::enter_frame`). Every such word
    /// holds nil or a valid pointer at every instruction (frames are zeroed on entry, and a
    /// collection clears the words that are dead where the frame stands); which of them are
    /// live at each instruction is `liveness::analyze`'s business.
    pub ptr_words: Vec<u32>,
    /// The frame's slots as the compiler allocated them, (offset, size) in ascending
    /// offset order: every variable, temporary, frame object and buffer lies in one slot,
    /// so an operand whose size its instruction does not carry ends with its slot
    /// (`effects::Extent::ToSlotEnd`).
    pub slots: Vec<(u32, u32)>,
    /// Where each temporary slot was in use: (offset, first pc, end pc). A temporary is not
    /// referred to, not even through its address, outside the ranges it was handed out
    /// for (the compiler releases it at the end of its statement), so an address-taken
    /// temporary is live only inside them (`liveness`).
    pub temp_ranges: Vec<(u32, u32, u32)>,
    /// Where the closure pointer is stored for function literals.
    pub ctx_off: Option<u32>,
    /// Where the head of the defer list is kept, if the function defers.
    pub defer_off: Option<u32>,
    /// Index of a native implementation when the declaration has no body.
    pub native: Option<u32>,
    /// Index in `Program::signatures` of a package-level function's Go signature (what a
    /// host function's native reads its composite parameters with).
    pub sig: Option<u32>,
    /// The `func` keyword's position.
    pub decl_pos: u32,
    /// Where the return epilogue starts: the VM resumes here after each deferred call and
    /// after a recovered panic.
    pub epilogue: u32,
    /// A compiler-made wrapper that only forwards a call (a bound method value's `-fm`
    /// thunk, an interface method thunk, an itab wrapper): transparent to `recover` as gc's
    /// wrappers are, so `defer t.M()` lets M recover.
    pub wrapper: bool,
}
