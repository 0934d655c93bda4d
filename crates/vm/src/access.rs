//! The dispatch loop's memory accesses outside the frame: word loads and stores of Go
//! memory (`load_w`/`store_w`, young objects reached without the heap's region lookup),
//! element access through the VM's two-entry translation cache (`elem_ptr`), and the small
//! copies of a call (arguments in, results out).
//!
//! Invariants: every access goes through the heap's checked translation or a range it
//! validated (`Heap::nursery_ptr`, the element cache's stamp); nil and other addresses
//! below the first page are the Go panic `invalid memory address or nil pointer
//! dereference`, never a machine fault.

use crate::arith::extend;
use crate::error::Trap;
use crate::vm::Vm;
use gosub_bytecode::bytecode::Width;
use gosub_heap::Addr;

#[inline(never)]
pub fn load_w(vm: &Vm, addr: Addr, w: Width) -> Result<u64, Trap> {
    if let Some(p) = vm.heap.nursery_ptr(addr, w.bytes() as u64) {
        // SAFETY: the heap checked that the `w.bytes()` bytes at `p` are the used nursery.
        return Ok(extend(unsafe { read_narrow(p, w.bytes()) }, w));
    }
    if addr < 4096 {
        return Err(Trap::Runtime(
            "invalid memory address or nil pointer dereference".into(),
        ));
    }
    Ok(match w {
        Width::W64 => vm.heap.read_u64(addr)?,
        Width::I32 | Width::U32 => extend(vm.heap.read_u32(addr)? as u64, w),
        Width::I16 | Width::U16 => extend(vm.heap.read_u16(addr)? as u64, w),
        Width::I8 | Width::U8 => extend(vm.heap.read_u8(addr)? as u64, w),
    })
}

#[inline(never)]
pub fn store_w(vm: &mut Vm, addr: Addr, v: u64, w: Width) -> Result<(), Trap> {
    if let Some(p) = vm.heap.nursery_ptr(addr, w.bytes() as u64) {
        // SAFETY: as in `load_w`; a nursery store needs no barrier (`nursery_ptr`).
        unsafe { write_narrow(p, w.bytes(), v) };
        return Ok(());
    }
    if addr < 4096 {
        return Err(Trap::Runtime(
            "invalid memory address or nil pointer dereference".into(),
        ));
    }
    match w {
        Width::W64 => vm.heap.write_u64(addr, v)?,
        Width::I32 | Width::U32 => vm.heap.write_u32(addr, v as u32)?,
        Width::I16 | Width::U16 => vm.heap.write_u16(addr, v as u16)?,
        Width::I8 | Width::U8 => vm.heap.write_u8(addr, v as u8)?,
    }
    Ok(())
}

/// Machine pointer for element address `a` (`n` bytes) of the array at `base` spanning
/// `span` bytes, through the VM's two-entry translation cache: a validated range stays
/// usable until the next allocation, collection or stack release (`Vm::mem_stamp`).
#[inline(always)]
pub(crate) fn elem_ptr(vm: &mut Vm, base: Addr, span: u64, a: Addr, n: u32) -> Option<*mut u8> {
    if let Some(p) = cached_elem_ptr(vm, a, n) {
        return Some(p);
    }
    let p = vm.heap.translate(base, span as usize)?;
    vm.elem_cache[1] = vm.elem_cache[0];
    vm.elem_cache[0] = crate::vm::ElemCache {
        lo: base,
        hi: base + span,
        ptr: p,
        stamp: vm.mem_stamp,
    };
    // SAFETY: a is inside [base, base + span) (bounds-checked by the caller).
    Some(unsafe { p.add((a - base) as usize) })
}

/// `elem_ptr` when the cache holds the range, without filling it on a miss (no call).
#[inline(always)]
pub(crate) fn cached_elem_ptr(vm: &Vm, a: Addr, n: u32) -> Option<*mut u8> {
    for c in &vm.elem_cache {
        if c.stamp == vm.mem_stamp && a >= c.lo && a + n as u64 <= c.hi {
            // SAFETY: `a` lies in [c.lo, c.hi), which maps to [c.ptr, c.ptr + (c.hi - c.lo)).
            return Some(unsafe { c.ptr.add((a - c.lo) as usize) });
        }
    }
    None
}

/// Copies `n` bytes from `src` to `dst` (parameters into a callee's frame, results back):
/// one, two or three words without a call to `memcpy`, which for such sizes costs more than
/// the copy.
///
/// # Safety
/// As for `std::ptr::copy_nonoverlapping(src, dst, n)`.
#[inline(always)]
pub(crate) unsafe fn copy_small(src: *const u8, dst: *mut u8, n: usize) {
    // SAFETY: guaranteed by the caller; unaligned word accesses within the `n` bytes.
    unsafe {
        let word = |i: usize| (src.add(8 * i) as *const u64).read_unaligned();
        let put = |i: usize, v: u64| (dst.add(8 * i) as *mut u64).write_unaligned(v);
        match n {
            0 => {}
            8 => put(0, word(0)),
            16 => {
                put(0, word(0));
                put(1, word(1));
            }
            24 => {
                put(0, word(0));
                put(1, word(1));
                put(2, word(2));
            }
            _ => std::ptr::copy_nonoverlapping(src, dst, n),
        }
    }
}

/// Zeroes `n` bytes at `dst` (a callee's results), as `copy_small` copies.
///
/// # Safety
/// As for `std::ptr::write_bytes(dst, 0, n)`.
#[inline(always)]
pub(crate) unsafe fn zero_small(dst: *mut u8, n: usize) {
    // SAFETY: guaranteed by the caller.
    unsafe {
        match n {
            0 => {}
            8 => (dst as *mut u64).write_unaligned(0),
            16 => (dst as *mut [u64; 2]).write_unaligned([0; 2]),
            _ => std::ptr::write_bytes(dst, 0, n),
        }
    }
}

/// # Safety
/// `p` must be valid for reading `n` (1, 2, 4 or 8) bytes.
#[inline(always)]
pub(crate) unsafe fn read_narrow(p: *const u8, n: u32) -> u64 {
    // SAFETY: guaranteed by the caller.
    unsafe {
        match n {
            1 => *p as u64,
            2 => (p as *const u16).read_unaligned() as u64,
            4 => (p as *const u32).read_unaligned() as u64,
            _ => (p as *const u64).read_unaligned(),
        }
    }
}

/// # Safety
/// `p` must be valid for writing `n` (1, 2, 4 or 8) bytes.
#[inline(always)]
pub(crate) unsafe fn write_narrow(p: *mut u8, n: u32, v: u64) {
    // SAFETY: guaranteed by the caller.
    unsafe {
        match n {
            1 => *p = v as u8,
            2 => (p as *mut u16).write_unaligned(v as u16),
            4 => (p as *mut u32).write_unaligned(v as u32),
            _ => (p as *mut u64).write_unaligned(v),
        }
    }
}
