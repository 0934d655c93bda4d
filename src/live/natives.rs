//! The natives of the session's base file (`__gosub_capture`, `__gosub_echoing`,
//! `__gosub_echo`, `__gosub_ref`: live.rs's `BASE`), registered once per process with the
//! standard library's (`session_registry`).
//!
//! Invariant: they are the same closures in every session, so the natives table of the
//! start's image is shared as it is by every VM stamped from it (gosub_vm::image); each
//! finds its own session's `Outbox` in the VM (`SessionHandles`, which `Live::new` puts
//! in the VM's `ext`).

use super::{capture, Outbox};
use crate::handle::SessionHandles;
use gosub_heap::Addr;
use gosub_vm::{NativeRegistry, Trap, Vm as RawVm};
use std::sync::atomic::Ordering;
use std::sync::{Arc, LazyLock};

/// The standard library's natives and the session's, made once per process.
pub(super) fn session_registry() -> NativeRegistry {
    static REGISTRY: LazyLock<NativeRegistry> = LazyLock::new(build);
    REGISTRY.clone()
}

/// The session's outbox, from the VM's `SessionHandles`.
fn outbox(vm: &RawVm) -> Result<Arc<Outbox>, Trap> {
    (vm.ext.iter())
        .find_map(|b| b.downcast_ref::<SessionHandles>())
        .and_then(|s| s.outbox.clone())
        .ok_or_else(|| Trap::PanicString("gosub: a session native outside a session".into()))
}

fn build() -> NativeRegistry {
    let mut natives = gosub_std::registry();
    natives.register_closure(
        "main.__gosub_capture",
        Arc::new(|vm: &mut RawVm, fp: Addr| {
            let ob = outbox(vm)?;
            capture(vm, fp, &ob)
        }),
    );
    natives.register_closure(
        "main.__gosub_echoing",
        Arc::new(|vm: &mut RawVm, fp: Addr| {
            let on = outbox(vm)?.echoing.load(Ordering::Relaxed);
            vm.heap.write_bytes(fp, &[on as u8])?;
            Ok(())
        }),
    );
    natives.register_closure(
        "main.__gosub_echo",
        Arc::new(|vm: &mut RawVm, fp: Addr| {
            let v = vm.read_string(fp)?;
            let t = vm.read_string(fp + 16)?;
            if let Ok(mut e) = outbox(vm)?.echo.lock() {
                e.push((
                    String::from_utf8_lossy(&v).into_owned(),
                    String::from_utf8_lossy(&t).into_owned(),
                ));
            }
            Ok(())
        }),
    );
    natives.register_closure(
        "main.__gosub_ref",
        Arc::new(|vm: &mut RawVm, fp: Addr| {
            let itab = vm.heap.read_u64(fp)?;
            let h = gosub_heap::HandleId::from_bits(vm.heap.read_u64(fp + 8)?);
            let Some(data) = vm.heap.handle_get(h) else {
                return Err(Trap::PanicString(
                    "gosub: a GoRef used after its session released it".into(),
                ));
            };
            vm.heap.write_u64(fp + 16, itab)?;
            vm.heap.write_u64(fp + 24, data)?;
            Ok(())
        }),
    );
    natives
}
