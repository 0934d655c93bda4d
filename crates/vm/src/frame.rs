//! Frames on the goroutine's VM-managed stack.
//!
//! Invariants: the frame of the running function starts at `fp` (a VM address inside the
//! goroutine's stack region) and spans `Function::frame_size` bytes, all committed; a
//! callee's frame starts where its caller's ends. `CallInfo` records what to restore on
//! return: the caller's function, pc and frame, and where the caller wants the results.

use gosub_heap::Addr;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallKind {
    /// An ordinary call: results are copied back to the caller's argument region.
    Normal,
    /// A deferred call run by a normal return: results are discarded and the caller resumes
    /// at its epilogue.
    Deferred,
    /// A deferred call run while panicking: `recover` may stop the panic.
    DeferredPanic,
}

#[derive(Clone, Copy, Debug)]
pub struct CallInfo {
    /// The caller.
    pub func: u32,
    pub pc: u32,
    pub fp: Addr,
    /// The caller's argument region (frame offset), where results are copied.
    pub base: u32,
    /// How the caller itself was called.
    pub kind: CallKind,
}
