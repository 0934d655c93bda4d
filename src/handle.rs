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

/// The session a VM runs (`Live::new` puts it in the VM's `ext`), for natives that hand
/// the host `GoRef`s: its id and its queue of dropped handles.
#[derive(Default)]
pub(crate) struct SessionHandles {
    pub session: u64,
    pub release: Option<ReleaseQueue>,
    /// Where the session's own natives put what they hand the host (src/live/natives.rs).
    pub outbox: Option<std::sync::Arc<crate::live::Outbox>>,
}

/// The runtime type of `any` (`interface{}`) in `prog`.
pub(crate) fn any_rtype(prog: &gosub_compile::program::Program) -> u32 {
    use gosub_compile::program::RKind;
    (prog.rtypes.iter())
        .position(|r| r.kind == RKind::Interface && r.iface_methods.is_empty())
        .unwrap_or(0) as u32
}

/// The Go value of the interface pair (itab, data word) at `at` as the host receives it:
/// a pointer, func or chan (any value, with `all`) as a `GoRef` rooting it, anything else
/// copied (`read_value`); nil is `Value::Nil`. `GoRef`s need the VM's session
/// (`SessionHandles`); without one the value is copied.
pub(crate) fn any_value(
    vm: &mut gosub_vm::Vm,
    at: gosub_heap::Addr,
    all: bool,
) -> Result<crate::value::Value, gosub_vm::Trap> {
    use gosub_compile::program::RKind;
    let prog = vm.prog.clone();
    let any = any_rtype(&prog);
    let itab = vm.heap.read_u64(at)?;
    let rt = gosub_vm::iface::dyn_rtype(vm, itab).map(|t| &prog.rtypes[t as usize]);
    let by_ref = rt.is_some_and(|r| {
        all || matches!(
            r.kind,
            RKind::Pointer | RKind::Func | RKind::Chan | RKind::UnsafePointer
        )
    });
    let session = vm
        .ext
        .iter()
        .find_map(|b| b.downcast_ref::<SessionHandles>())
        .and_then(|s| Some((s.session, s.release.clone()?)));
    match (rt, session) {
        (Some(r), Some((session, release))) if by_ref => {
            // Handles the host dropped since (a host function called in a loop receives
            // one per call) go before a new one is made, not only when the input ends.
            let dropped = release.lock().map(|mut q| std::mem::take(&mut *q));
            for h in dropped.unwrap_or_default() {
                vm.heap.drop_handle(h);
            }
            let data = vm.heap.read_u64(at + 8)?;
            let h = vm.heap.new_handle(data);
            let r = GoRef::new(h, itab, r.name.clone(), session, release);
            Ok(crate::value::Value::Ref(r))
        }
        _ => crate::value::read_value(vm, &prog, any, at, 0),
    }
}

/// The data word `r` holds, if `r` belongs to the session `vm` runs and is not released.
pub(crate) fn ref_data(vm: &gosub_vm::Vm, r: &GoRef) -> Result<u64, gosub_vm::Trap> {
    let session = vm
        .ext
        .iter()
        .find_map(|b| b.downcast_ref::<SessionHandles>())
        .map(|s| s.session);
    if session != Some(r.session()) {
        return Err(gosub_vm::Trap::PanicString(
            "host function result: a GoRef of another VM or session".into(),
        ));
    }
    vm.heap
        .handle_get(r.handle())
        .ok_or_else(|| gosub_vm::Trap::PanicString("host function result: a released GoRef".into()))
}
