//! Rooted handles: Go values the host keeps between calls into the VM.
//!
//! A `GoRef` names one Go value of the eval session by its interface pair: the itab word
//! (its dynamic type; itab indices never change within a session) and a heap handle
//! holding the data word. The collector scans every live handle as a root and rewrites it
//! when its object moves, so a `GoRef` stays valid across minor and major collections.
//!
//! Invariants: a handle is released exactly once, when the last clone of its `GoRef` is
//! dropped; dropping only queues the handle id (a `GoRef` may be dropped on any thread
//! and cannot borrow the `Vm`), and the session drains the queue before it runs Go code
//! again. A `GoRef` belongs to one session (`session` id): using it with another session
//! (after `Vm::reset`, or with another `Vm`) is an error, never a stale read.

use gosub_heap::HandleId;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// Handles dropped by the host, waiting to be released by their session.
pub(crate) type ReleaseQueue = Arc<Mutex<Vec<HandleId>>>;

static NEXT_SESSION: AtomicU64 = AtomicU64::new(1);

/// A fresh session id.
pub(crate) fn new_session_id() -> u64 {
    NEXT_SESSION.fetch_add(1, Ordering::Relaxed)
}

struct Inner {
    handle: HandleId,
    itab: u64,
    type_name: String,
    session: u64,
    release: ReleaseQueue,
}

impl Drop for Inner {
    fn drop(&mut self) {
        if let Ok(mut q) = self.release.lock() {
            q.push(self.handle);
        }
    }
}

/// A Go value kept alive for the host (see the module comment). Cloning shares the handle.
#[derive(Clone)]
pub struct GoRef(Arc<Inner>);

impl GoRef {
    pub(crate) fn new(
        handle: HandleId,
        itab: u64,
        type_name: String,
        session: u64,
        release: ReleaseQueue,
    ) -> GoRef {
        GoRef(Arc::new(Inner {
            handle,
            itab,
            type_name,
            session,
            release,
        }))
    }

    /// The value's Go type, as `%T` prints it (`*main.Point`).
    pub fn type_name(&self) -> &str {
        &self.0.type_name
    }

    pub(crate) fn handle(&self) -> HandleId {
        self.0.handle
    }

    pub(crate) fn itab(&self) -> u64 {
        self.0.itab
    }

    pub(crate) fn session(&self) -> u64 {
        self.0.session
    }

    /// Go source for this value in the session, as a value of Go type `ty` (source
    /// spelling): the interface the session's `__gosub_ref` rebuilds, asserted to `ty`.
    pub(crate) fn go_expr(&self, ty: &str) -> String {
        format!(
            "__gosub_ref({}, {}).({})",
            self.0.itab,
            self.0.handle.to_bits(),
            ty
        )
    }
}

impl std::fmt::Debug for GoRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "GoRef({})", self.0.type_name)
    }
}

impl PartialEq for GoRef {
    /// The same handle (clones of one `GoRef`).
    fn eq(&self, other: &GoRef) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}
