//! Package errors's natives: the run-time type questions of `errors.Is` and `errors.As`.
//!
//! Invariants: an error is assigned to `*target` only if its dynamic type is the target's
//! element type or implements it (when that is an interface type), as Go's `errors.As`
//! decides; nothing is written otherwise. A target `As` cannot use is rejected before any
//! error is examined, with Go's panic messages.

use crate::natives::native;
use gosub_bytecode::program::RKind;
use gosub_heap::Addr;
use gosub_vm::{NativeRegistry, Trap, Vm};

pub fn register(r: &mut NativeRegistry) {
    native!(r, "errors.assignTo", |a| {
        let err = a.addr(16);
        let target = a.addr(16);
        let ok = assign_to(a.vm, err, target)?;
        a.ret_bool(ok)?;
    });
    native!(r, "errors.comparable", |a| {
        let err = a.addr(16);
        let it = a.vm.heap.read_u64(err)?;
        let prog = a.vm.prog.clone();
        let c =
            gosub_vm::iface::dyn_rtype(a.vm, it).is_none_or(|t| prog.rtypes[t as usize].comparable);
        a.ret_bool(c)?;
    });
    native!(r, "errors.checkAsTarget", |a| {
        let target = a.addr(16);
        check_as_target(a.vm, target)?;
    });
}

/// Go's checks of `errors.As`'s target (an `any` at `target`): a non-nil pointer to an
/// interface type or to a type with an `Error` method.
fn check_as_target(vm: &mut Vm, target: Addr) -> Result<(), Trap> {
    let prog = vm.prog.clone();
    let tit = vm.heap.read_u64(target)?;
    let tt = gosub_vm::iface::dyn_rtype(vm, tit)
        .ok_or(Trap::PanicString("errors: target cannot be nil".into()))?;
    let trt = &prog.rtypes[tt as usize];
    if trt.kind != RKind::Pointer || vm.heap.read_u64(target + 8)? == 0 {
        return Err(Trap::PanicString(
            "errors: target must be a non-nil pointer".into(),
        ));
    }
    let want = &prog.rtypes[trt.elem as usize];
    if want.kind != RKind::Interface && !want.methods.iter().any(|(m, _)| m == "Error") {
        return Err(Trap::PanicString(
            "errors: *target must be interface or implement error".into(),
        ));
    }
    Ok(())
}

/// errors.As's assignment: if the error at `err` (an interface) fits the type `*target`
/// points to, stores it there.
pub fn assign_to(vm: &mut Vm, err: Addr, target: Addr) -> Result<bool, Trap> {
    let prog = vm.prog.clone();
    let tit = vm.heap.read_u64(target)?;
    let tt = gosub_vm::iface::dyn_rtype(vm, tit)
        .ok_or(Trap::PanicString("errors: target cannot be nil".into()))?;
    let trt = &prog.rtypes[tt as usize];
    if trt.kind != RKind::Pointer {
        return Err(Trap::PanicString(
            "errors: target must be a non-nil pointer".into(),
        ));
    }
    let dst = vm.heap.read_u64(target + 8)?;
    let want = trt.elem;
    let eit = vm.heap.read_u64(err)?;
    let Some(et) = gosub_vm::iface::dyn_rtype(vm, eit) else {
        return Ok(false);
    };
    let data = vm.heap.read_u64(err + 8)?;
    let wrt = &prog.rtypes[want as usize];
    if wrt.kind == RKind::Interface {
        match gosub_vm::iface::try_itab(vm, &prog, eit, want) {
            Some(nit) => {
                vm.heap.write_u64(dst, nit)?;
                vm.heap.write_u64(dst + 8, data)?;
                Ok(true)
            }
            None => Ok(false),
        }
    } else if et == want {
        if wrt.direct {
            vm.heap.write_u64(dst, data)?;
        } else {
            vm.heap.copy(dst, data, wrt.size as usize)?;
        }
        Ok(true)
    } else {
        Ok(false)
    }
}
