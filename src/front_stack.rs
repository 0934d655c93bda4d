//! The front end's stack. The parser's tree building, the checker, escape analysis and the
//! compiler recurse over the program's shape (a sum of 20,000 terms, an else-if chain of
//! 7,000 arms), as gc's do, and so does `Drop` of a deep syntax tree. Run on the host's
//! stack, a script shaped so would overflow a host thread with Rust's default 2 MiB stack
//! and abort the process; so `on_front_end_stack` runs them on a deep stack segment of the
//! calling thread (`gosub_heap::host_stack`: 1 GiB of address space, committed as used).
//! Go programs themselves run on the VM's own stacks, never here.
//!
//! Switching stacks costs next to nothing; the thread of its own this replaced cost a
//! fresh 1 GiB mapping and two context switches on every input (about 150 µs, and a first
//! `eval` took three).
//!
//! Invariant: every entry point that checks, analyses or compiles source (`compile_source`,
//! an eval session's inputs and its start) and every drop of a session's syntax trees goes
//! through `on_front_end_stack`. (`Vm::eval` runs whole on it, the input's run included:
//! a call made on the stack already runs where it is, so an input switches once.)

/// Runs `f` on the front end's stack and returns its result; a panic in `f` goes on in the
/// caller.
pub(crate) fn on_front_end_stack<T>(f: impl FnOnce() -> T) -> T {
    gosub_heap::host_stack::on_deep_stack(f)
}
