//! The front end's stack. The parser's tree building, the checker, escape analysis and the
//! compiler recurse over the program's shape (a sum of 20,000 terms, an else-if chain of
//! 7,000 arms), as gc's do, and so does `Drop` of a deep syntax tree. Run on the host's
//! thread, a script shaped so would overflow a host thread with Rust's default 2 MiB stack
//! and abort the process; so `on_front_end_stack` runs them on a thread of their own whose
//! stack is reserved large and committed only as it is used. Go programs themselves run on
//! the VM's own stacks, never here.
//!
//! Invariant: every entry point that checks, analyses or compiles source (`compile_source`,
//! an eval session's inputs and its start) and every drop of a session's syntax trees goes
//! through `on_front_end_stack`.

/// The stack reserved for the front end (address space, not memory: the pages a shallow
/// program never touches are never committed). The `gosub` CLI reserves 4 GiB for its own.
pub(crate) const FRONT_END_STACK: usize = 1 << 30;

/// Runs `f` on a thread with `FRONT_END_STACK` bytes of stack and returns its result; a
/// panic in `f` goes on in the caller. When no thread can be started, `f` runs here.
pub(crate) fn on_front_end_stack<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    let mut slot = Some(f);
    let mut out = None;
    std::thread::scope(|s| {
        let started = std::thread::Builder::new()
            .name("gosub-front-end".into())
            .stack_size(FRONT_END_STACK)
            .spawn_scoped(s, || slot.take().map(|f| f()));
        if let Ok(h) = started {
            out = h.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
        }
    });
    // `slot` still holds `f` exactly when no thread took it; a thread that took it
    // returned its result in `out`.
    match (out, slot.take()) {
        (Some(r), _) => r,
        (None, Some(f)) => f(),
        (None, None) => unreachable!("the front end's thread took the work and returned nothing"),
    }
}
