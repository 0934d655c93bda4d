//! Package sort's natives: the length of any slice and the swapper behind `sort.Slice`.
//!
//! Invariant: the slice arrives as an `any` holding a slice value (`{data, len, cap}` boxed
//! in the interface's data word); indices are bounds-checked with Go's messages.

use crate::natives::native;
use gosub_bytecode::program::RKind;
use gosub_heap::Addr;
use gosub_vm::{NativeRegistry, Trap, Vm};

pub fn register(r: &mut NativeRegistry) {
    native!(r, "sort.lenOf", |a| {
        let at = a.addr(16);
        let data = a.vm.heap.read_u64(at + 8)?;
        let n = if data == 0 {
            0
        } else {
            a.vm.heap.read_u64(data + 8)?
        };
        a.ret_int(n as i64)?;
    });
    native!(r, "sort.checkSwapper", |a| {
        let at = a.addr(16);
        slice_elem_size(a.vm, at)?;
    });
    native!(r, "sort.swapAny", |a| {
        let at = a.addr(16);
        let i = a.int()? as u64;
        let j = a.int()? as u64;
        swap_any(a.vm, at, i, j)?;
    });
}

/// The element size of the slice held by the interface at `ia`; reflect's Swapper panic
/// when it holds no slice.
fn slice_elem_size(vm: &mut Vm, ia: Addr) -> Result<usize, Trap> {
    let it = vm.heap.read_u64(ia)?;
    let rt = gosub_vm::iface::dyn_rtype(vm, it).ok_or(Trap::PanicString(
        "reflect: call of Swapper on zero Value".into(),
    ))?;
    let prog = vm.prog.clone();
    let r = &prog.rtypes[rt as usize];
    if r.kind != RKind::Slice {
        return Err(Trap::PanicString(format!(
            "reflect: call of Swapper on {} Value",
            r.name
        )));
    }
    Ok(prog.rtypes[r.elem as usize].size as usize)
}

/// sort's swapper: swaps elements i and j of the slice held by the interface at `ia`.
pub fn swap_any(vm: &mut Vm, ia: Addr, i: u64, j: u64) -> Result<(), Trap> {
    let es = slice_elem_size(vm, ia)?;
    let s = vm.heap.read_u64(ia + 8)?;
    let base = vm.heap.read_u64(s)?;
    let len = vm.heap.read_u64(s + 8)?;
    if i >= len || j >= len {
        return Err(Trap::Runtime(format!(
            "index out of range [{}] with length {}",
            i.max(j),
            len
        )));
    }
    let a = vm.heap.bytes(base + i * es as u64, es)?.to_vec();
    let b = vm.heap.bytes(base + j * es as u64, es)?.to_vec();
    vm.heap.write_bytes(base + i * es as u64, &b)?;
    vm.heap.write_bytes(base + j * es as u64, &a)?;
    Ok(())
}
