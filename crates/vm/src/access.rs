//! The dispatch loop's memory accesses outside the frame: word loads and stores of Go
//! memory (`load_w`/`store_w`, young objects reached without the heap's region lookup),
//! element access through the VM's two-entry translation cache (`elem_ptr`), and a call's
//! frame entry and results (`enter_frame`, `return_results`).
//!
//! Invariants: every access goes through the heap's checked translation or a range it
//! validated (`Heap::nursery_ptr`, the element cache's stamp); nil and other addresses
//! below the first page are the Go panic `invalid memory address or nil pointer
//! dereference`, never a machine fault.

use crate::arith::extend;
use crate::error::Trap;
use crate::vm::Vm;
use gosub_bytecode::bytecode::{Function, Width};
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
/// usable until the next collection or release of VM memory (`Vm::forget_elem_ptrs`).
#[inline(always)]
pub(crate) fn elem_ptr(vm: &mut Vm, base: Addr, span: u64, a: Addr, n: u32) -> Option<*mut u8> {
    if let Some(p) = cached_elem_ptr(vm, a, n) {
        return Some(p);
    }
    let p = vm.heap.translate(base, span as usize)?;
    vm.elem_cache[1] = vm.elem_cache[0];
    vm.elem_cache[0] = crate::vm::ElemCache {
        lo: base,
        len: span,
        len8: span.saturating_sub(7),
        ptr: p,
    };
    // SAFETY: a is inside [base, base + span) (bounds-checked by the caller).
    Some(unsafe { p.add((a - base) as usize) })
}

/// `elem_ptr` when the cache holds the range, without filling it on a miss (no call).
#[inline(always)]
pub(crate) fn cached_elem_ptr(vm: &Vm, a: Addr, n: u32) -> Option<*mut u8> {
    if let Some(p) = cache_hit(&vm.elem_cache[0], a, n) {
        return Some(p);
    }
    cache_hit(&vm.elem_cache[1], a, n)
}

/// The machine address of the `n` bytes at `a` if entry `c` holds them. For the constant
/// widths of the hot paths (a word, a byte) the test is one compare.
#[inline(always)]
fn cache_hit(c: &crate::vm::ElemCache, a: Addr, n: u32) -> Option<*mut u8> {
    let d = a.wrapping_sub(c.lo);
    let fits = match n {
        8 => d < c.len8,
        1 => d < c.len,
        // (No overflow: `d < c.len` first.)
        _ => d < c.len && n as u64 <= c.len - d,
    };
    // SAFETY: [a, a + n) lies in [c.lo, c.lo + c.len), which maps to [c.ptr, c.ptr + c.len).
    fits.then(|| unsafe { c.ptr.add(d as usize) })
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

/// The first `n` (at most 3) words at `q`; the rest of the array 0.
///
/// # Safety
/// `q` is valid for `8 * n` bytes.
#[inline(always)]
pub(crate) unsafe fn read_words(q: *const u8, n: u32) -> [u64; 3] {
    let mut v = [0u64; 3];
    for (k, x) in v.iter_mut().enumerate().take(n as usize) {
        // SAFETY: guaranteed by the caller.
        *x = unsafe { (q.add(8 * k) as *const u64).read_unaligned() };
    }
    v
}

/// Writes an element of `es` bytes (1, 2, 4, 8, 16 or 24) held in registers `w` (its
/// memory layout: the low bytes of the first word for a narrow one) at `q`.
///
/// # Safety
/// `q` is valid for `es` bytes.
#[inline(always)]
pub(crate) unsafe fn write_elem(q: *mut u8, es: u64, w: [u64; 3]) {
    // SAFETY: guaranteed by the caller.
    unsafe {
        match es {
            16 | 24 => {
                (q as *mut u64).write_unaligned(w[0]);
                (q.add(8) as *mut u64).write_unaligned(w[1]);
                if es == 24 {
                    (q.add(16) as *mut u64).write_unaligned(w[2]);
                }
            }
            _ => write_narrow(q, es as u32, w[0]),
        }
    }
}

/// Prepares the frame at `nptr` for callee `cf` (both loops' calls; `call::enter` does the
/// same through checked accesses): copies the parameters from the caller's argument region
/// at `args` unless the callee was called in place there, zeroes the results (unless every
/// return writes them: `Function::results_written`) and the pointer words past the
/// parameters (the collector never reads a stale pointer from a fresh frame), and stores
/// the closure context.
///
/// # Safety
/// `nptr` is valid for `cf.frame_size` bytes and, unless `in_place`, `args` for
/// `cf.params_size` bytes, not overlapping them.
#[inline(always)]
pub(crate) unsafe fn enter_frame(
    args: *const u8,
    nptr: *mut u8,
    cf: &Function,
    in_place: bool,
    ctx: Option<u64>,
) {
    // SAFETY: guaranteed by the caller; every offset below lies in the callee's frame.
    unsafe {
        if !in_place {
            copy_small(args, nptr, cf.params_size as usize);
        }
        if !cf.results_written {
            zero_small(nptr.add(cf.results_off as usize), cf.results_size as usize);
        }
        // The pointer words past the parameters (which arrive with the arguments): the
        // words are sorted (`FrameBuilder::finish`), so they are a suffix, walked from the
        // end to the first parameter word.
        for &w in cf.ptr_words.iter().rev() {
            if w * 8 < cf.params_size {
                break;
            }
            (nptr.add(8 * w as usize) as *mut u64).write_unaligned(0);
        }
        if let (Some(c), Some(clo)) = (cf.ctx_off, ctx) {
            (nptr.add(c as usize) as *mut u64).write_unaligned(clo);
        }
    }
}

/// Copies callee `f`'s results from its frame at `fptr` to its caller's argument region
/// at `base` in the caller's frame at `cptr` (both loops' returns).
///
/// # Safety
/// Both frames are valid, and the callee was not called in place (the ranges do not
/// overlap).
#[inline(always)]
pub(crate) unsafe fn return_results(fptr: *const u8, cptr: *mut u8, base: u32, f: &Function) {
    // SAFETY: guaranteed by the caller.
    unsafe {
        copy_small(
            fptr.add(f.results_off as usize),
            cptr.add(base as usize + f.results_off as usize),
            f.results_size as usize,
        )
    }
}

/// Zeroes `n` bytes at `dst` (a callee's results), as `copy_small` copies. (`copy_small`
/// and this are kept apart from `move_words` and `zero_words`, which cover the same sizes:
/// sharing them made the inner loop's calls and returns 0.6% more instructions on closures.)
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

/// Zeroes `n` bytes at `dst` (a `Zero` in the frame): up to four words without a call
/// (LLVM turns a loop over them into a call to `memset`), other sizes through `zero_cold`.
///
/// # Safety
/// As for `std::ptr::write_bytes(dst, 0, n)`.
#[inline(always)]
pub(crate) unsafe fn zero_words(dst: *mut u8, n: usize) {
    // SAFETY: guaranteed by the caller.
    unsafe {
        match n {
            8 => (dst as *mut u64).write_unaligned(0),
            16 => (dst as *mut [u64; 2]).write_unaligned([0; 2]),
            24 => (dst as *mut [u64; 3]).write_unaligned([0; 3]),
            32 => (dst as *mut [u64; 4]).write_unaligned([0; 4]),
            _ => zero_cold(dst, n),
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

/// `Heap::old_ptr`, else `Heap::survivor_ptr`: an object that survived a collection,
/// where a store of non-pointer data needs no write barrier. Out of line: the inner loop's
/// (`fast_loop.rs`) calls are all cold ones (this, `aged_or_far_ptr`, `fill_elem`), so that
/// they do not cost its hot paths their registers.
#[cold]
#[inline(never)]
pub(crate) fn aged_ptr(vm: &Vm, a: Addr, n: u64) -> Option<*mut u8> {
    vm.heap.old_ptr(a, n).or_else(|| vm.heap.survivor_ptr(a, n))
}

/// `MoveN` (both loops): `size` bytes from frame offset `src` to `dst`, through
/// `move_words` (up to three words without a call, overlap-safe).
///
/// # Safety
/// Both ranges lie in the frame at `fptr` (verified at load).
#[inline(always)]
pub(crate) unsafe fn move_n(fptr: *mut u8, dst: u32, src: u32, size: u32) {
    // SAFETY: guaranteed by the caller.
    unsafe {
        move_words(
            fptr.add(src as usize),
            fptr.add(dst as usize),
            size as usize,
        )
    }
}

/// `ptr::copy` of `n` bytes (overlap allowed): one to three words read before any is
/// written, without a call; other sizes through `copy_cold`.
///
/// # Safety
/// As for `std::ptr::copy(src, dst, n)`.
#[inline(always)]
pub(crate) unsafe fn move_words(src: *const u8, dst: *mut u8, n: usize) {
    // SAFETY: guaranteed by the caller; unaligned word accesses inside the two ranges.
    unsafe {
        match n {
            8 => (dst as *mut u64).write_unaligned((src as *const u64).read_unaligned()),
            16 => (dst as *mut [u64; 2]).write_unaligned((src as *const [u64; 2]).read_unaligned()),
            24 => (dst as *mut [u64; 3]).write_unaligned((src as *const [u64; 3]).read_unaligned()),
            _ => copy_cold(src, dst, n),
        }
    }
}

/// `ptr::copy` (overlap allowed), out of line, for the sizes the hot arms do not unroll.
///
/// # Safety
/// As for `std::ptr::copy(src, dst, n)`.
#[cold]
#[inline(never)]
pub(crate) unsafe fn copy_cold(src: *const u8, dst: *mut u8, n: usize) {
    // SAFETY: guaranteed by the caller.
    unsafe { std::ptr::copy(src, dst, n) }
}

/// `ptr::write_bytes(dst, 0, n)`, out of line (as `copy_cold`).
///
/// # Safety
/// As for `std::ptr::write_bytes(dst, 0, n)`.
#[cold]
#[inline(never)]
pub(crate) unsafe fn zero_cold(dst: *mut u8, n: usize) {
    // SAFETY: guaranteed by the caller.
    unsafe { std::ptr::write_bytes(dst, 0, n) }
}

/// `aged_ptr`, else `Heap::far_ptr` (the statics, globals and large objects), for a read,
/// out of line as `aged_ptr` and in one call: a small integer's static box, read through
/// an interface, is not in the old space.
#[cold]
#[inline(never)]
pub(crate) fn aged_or_far_ptr(vm: &Vm, a: Addr, n: u64) -> Option<*mut u8> {
    // (Statics before survivors: a program reads static boxes and closures more often
    // than the objects that wait one collection in a survivor space.)
    vm.heap
        .old_ptr(a, n)
        .or_else(|| vm.heap.far_ptr(a, n))
        .or_else(|| vm.heap.survivor_ptr(a, n))
}

/// `access::elem_ptr` on a miss of the element cache, out of line (as `aged_ptr`).
#[cold]
#[inline(never)]
pub(crate) fn fill_elem(vm: &mut Vm, base: Addr, span: u64, a: Addr, n: u32) -> Option<*mut u8> {
    elem_ptr(vm, base, span, a, n)
}
