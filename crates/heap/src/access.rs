//! Checked access to VM memory: the only way the interpreter touches it.
//!
//! A range `[addr, addr+len)` is accessible iff it lies entirely inside one
//! of: the used part of the nursery or of the current survivor space, one
//! live old-space span, one live large object's page run, the used part of
//! the static or globals region, or the committed part of one live stack. Everything else — nil, addresses outside
//! the arena, the inactive semispace, free pages, the unused tail of a
//! region — is a [`Fault`]. Zero-length accesses always succeed (they touch
//! nothing), except that `translate(a, 0)` needs `a` inside the arena.
//!
//! The check is by region, not by object: a stray VM pointer into a live
//! object's neighbour (or its header) is not detected here; bounds checks
//! against object sizes are the VM's job (Go's slice bounds).
//!
//! Every store accessor runs the write barrier (`write_barrier.rs`) on the
//! destination before returning.
//!
//! Invariant: every pointer handed out (`translate`, `bytes`, `bytes_mut`)
//! stays valid until the next `&mut self` call that can allocate, collect or
//! free (alloc*, collect, free_stack, ...); the borrow checker enforces this
//! for slices.

use crate::arena::{Addr, ARENA_BASE};
use crate::Heap;

/// An access to an invalid VM address (the VM reports it as a Go fault:
/// nil dereference or `unexpected fault address`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fault {
    pub addr: Addr,
}

impl Fault {
    /// Was this (probably) a nil dereference? (address in the first page)
    pub fn is_nil(&self) -> bool {
        self.addr < 4096
    }
}

impl std::fmt::Display for Fault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_nil() {
            write!(
                f,
                "invalid memory address or nil pointer dereference (addr={:#x})",
                self.addr
            )
        } else {
            write!(f, "unexpected fault address {:#x}", self.addr)
        }
    }
}

impl std::error::Error for Fault {}

/// Bit pattern of a stored value (for the barrier's young-pointer filter).
trait ToBits {
    fn to_bits_u64(self) -> u64;
}
macro_rules! to_bits {
    ($($t:ty => |$x:ident| $e:expr),*) => {
        $(impl ToBits for $t {
            #[inline(always)]
            fn to_bits_u64(self) -> u64 {
                let $x = self;
                $e
            }
        })*
    };
}
to_bits!(u8 => |x| x as u64, u16 => |x| x as u64, u32 => |x| x as u64,
    u64 => |x| x, i64 => |x| x as u64, f64 => |x| x.to_bits());

macro_rules! rw {
    ($read:ident, $write:ident, $t:ty) => {
        #[doc = concat!("Read a `", stringify!($t), "` (any alignment).")]
        #[inline]
        pub fn $read(&self, addr: Addr) -> Result<$t, Fault> {
            let p = self
                .translate(addr, std::mem::size_of::<$t>())
                .ok_or(Fault { addr })?;
            // SAFETY: translate checked that the whole range is accessible
            // committed memory; unaligned reads are allowed.
            Ok(unsafe { std::ptr::read_unaligned(p as *const $t) })
        }

        #[doc = concat!("Write a `", stringify!($t), "` (any alignment).")]
        #[inline]
        pub fn $write(&mut self, addr: Addr, v: $t) -> Result<(), Fault> {
            const N: usize = std::mem::size_of::<$t>();
            let p = self.translate(addr, N).ok_or(Fault { addr })?;
            // SAFETY: as above; `&mut self` excludes outstanding slices.
            unsafe { std::ptr::write_unaligned(p as *mut $t, v) };
            let word = if N == 8 { Some(v.to_bits_u64()) } else { None };
            self.barrier(addr - ARENA_BASE, N as u64, word);
            Ok(())
        }
    };
}

impl Heap {
    /// Is `[off, off+len)` (arena offsets, len > 0) accessible?
    #[inline]
    fn accessible(&self, off: u64, len: u64) -> bool {
        let l = &self.layout;
        let Some(end) = off.checked_add(len) else {
            return false;
        };
        if off < l.young_end() {
            let y = &self.young;
            if y.nursery.region.contains_off(off) {
                return end <= y.nursery.top_off();
            }
            let s = &y.surv[y.cur];
            return s.region.contains_off(off) && end <= s.top_off();
        }
        if l.old.contains_off(off) {
            return self.old.holds(off, len);
        }
        if l.large.contains_off(off) {
            return self.large.run_of(off).is_some_and(|(_, e)| end <= e);
        }
        if l.statics.contains_off(off) {
            return self.statics.holds(off, len);
        }
        if l.globals.contains_off(off) {
            return self.globals.holds(off, len);
        }
        if l.stacks.contains_off(off) {
            return self.stacks.holds(off, len);
        }
        false
    }

    /// Bounds-checked translation of `[addr, addr+len)` to a machine
    /// pointer. The pointer is valid until the next allocation, collection
    /// or stack free. Dereferencing it is the caller's (unsafe) business.
    #[inline]
    pub fn translate(&self, addr: Addr, len: usize) -> Option<*mut u8> {
        // The places most accesses go, checked inline: the used nursery, the stack range
        // found last (a frame's words, as natives and maps read them) and the large runs
        // found last (a big slice's elements, a map's table).
        let off = addr.wrapping_sub(ARENA_BASE);
        if let Some(end) = off.checked_add(len as u64) {
            let n = &self.young.nursery;
            if self.stacks.holds_last(off, end)
                || (off >= n.region.offset && end <= n.top_off())
                || self.large.holds_last(off, end)
            {
                return Some(self.arena.ptr(off));
            }
        }
        self.translate_anywhere(addr, len)
    }

    /// `translate` by a walk of the regions.
    #[inline(never)]
    fn translate_anywhere(&self, addr: Addr, len: usize) -> Option<*mut u8> {
        let off = addr.checked_sub(ARENA_BASE)?;
        if off >= self.layout.reserve {
            return None;
        }
        if len != 0 && !self.accessible(off, len as u64) {
            return None;
        }
        Some(self.arena.ptr(off))
    }

    /// `translate` of `[addr, addr+len)` when it lies in the used part of the
    /// nursery, where young objects' fields are, without `translate`'s region
    /// dispatch (None: anywhere else, to be translated in full). A store there
    /// needs no write barrier: nothing in the nursery is older than what it
    /// could point to.
    #[inline(always)]
    pub fn nursery_ptr(&self, addr: Addr, len: u64) -> Option<*mut u8> {
        let off = addr.wrapping_sub(ARENA_BASE);
        let n = &self.young.nursery;
        (off >= n.region.offset && off.checked_add(len).is_some_and(|e| e <= n.top_off()))
            .then(|| self.arena.ptr(off))
    }

    /// `translate` of `[addr, addr+len)` when it lies in the used part of the current
    /// survivor space (None: anywhere else). Like the nursery's, its objects are young, so
    /// a store there needs no write barrier.
    #[inline]
    pub fn survivor_ptr(&self, addr: Addr, len: u64) -> Option<*mut u8> {
        let off = addr.wrapping_sub(ARENA_BASE);
        let s = &self.young.surv[self.young.cur];
        (s.region.contains_off(off) && off.checked_add(len).is_some_and(|e| e <= s.top_off()))
            .then(|| self.arena.ptr(off))
    }

    /// `translate` of `[addr, addr+len)` when it lies in one live old-space span, found by
    /// the span table alone (None: anywhere else). A store through it runs no write
    /// barrier, so the interpreter stores only non-pointer data this way.
    #[inline(always)]
    pub fn old_ptr(&self, addr: Addr, len: u64) -> Option<*mut u8> {
        let off = addr.wrapping_sub(ARENA_BASE);
        (self.layout.old.contains_off(off) && self.old.holds(off, len)).then(|| self.arena.ptr(off))
    }

    /// `translate` of `[addr, addr+len)` when it lies in the used statics (string bytes,
    /// the small-integer boxes) or globals, or in one live large object's run (None
    /// elsewhere): `nursery_ptr` and `old_ptr` cover the rest of the heap. It runs no
    /// write barrier, so a store through it may only be of data without pointers.
    #[inline(always)]
    pub fn far_ptr(&self, addr: Addr, len: u64) -> Option<*mut u8> {
        let off = addr.wrapping_sub(ARENA_BASE);
        let l = &self.layout;
        let ok = if l.statics.contains_off(off) {
            self.statics.holds(off, len)
        } else if l.globals.contains_off(off) {
            self.globals.holds(off, len)
        } else if l.large.contains_off(off) {
            self.large
                .run_of(off)
                .is_some_and(|(_, e)| off.checked_add(len).is_some_and(|x| x <= e))
        } else {
            false
        };
        ok.then(|| self.arena.ptr(off))
    }

    /// Is `[addr, addr+len)` accessible?
    pub fn is_accessible(&self, addr: Addr, len: usize) -> bool {
        self.translate(addr, len).is_some()
    }

    rw!(read_u8, write_u8, u8);
    rw!(read_u16, write_u16, u16);
    rw!(read_u32, write_u32, u32);
    rw!(read_u64, write_u64, u64);
    rw!(read_i64, write_i64, i64);
    rw!(read_f64, write_f64, f64);

    /// Borrow `len` bytes at `addr`.
    pub fn bytes(&self, addr: Addr, len: usize) -> Result<&[u8], Fault> {
        if len == 0 {
            return Ok(&[]);
        }
        let p = self.translate(addr, len).ok_or(Fault { addr })?;
        // SAFETY: the range is accessible committed memory; the slice borrows
        // `self`, so no allocation/collection/write can happen while it lives.
        Ok(unsafe { std::slice::from_raw_parts(p as *const u8, len) })
    }

    /// Mutably borrow `len` bytes at `addr`.
    pub fn bytes_mut(&mut self, addr: Addr, len: usize) -> Result<&mut [u8], Fault> {
        if len == 0 {
            return Ok(&mut []);
        }
        let p = self.translate(addr, len).ok_or(Fault { addr })?;
        // The caller may store anything through the slice.
        self.barrier(addr - ARENA_BASE, len as u64, None);
        // SAFETY: as in bytes(); `&mut self` makes the borrow exclusive.
        Ok(unsafe { std::slice::from_raw_parts_mut(p, len) })
    }

    /// Mutably borrow `len` bytes at `addr` without the write barrier, for a caller that
    /// writes many scattered words of one object (a map's rebuild): it must call
    /// `barrier_range` over the bytes before it allocates or collects, which marks the
    /// cards of the words that then hold young pointers (and, while marking, of those that
    /// may point to white objects) rather than every card. The verifier reports a caller
    /// that does not.
    pub fn bytes_mut_unbarriered(&mut self, addr: Addr, len: usize) -> Result<&mut [u8], Fault> {
        if len == 0 {
            return Ok(&mut []);
        }
        let p = self.translate(addr, len).ok_or(Fault { addr })?;
        // SAFETY: as in bytes(); `&mut self` makes the borrow exclusive.
        Ok(unsafe { std::slice::from_raw_parts_mut(p, len) })
    }

    /// The write barrier for `len` bytes at `addr` written through
    /// `bytes_mut_unbarriered`: word by word, as `barrier_after` does for a small store.
    pub fn barrier_range(&mut self, addr: Addr, len: usize) -> Result<(), Fault> {
        if len == 0 {
            return Ok(());
        }
        self.translate(addr, len).ok_or(Fault { addr })?;
        self.barrier_words(addr - ARENA_BASE, len as u64);
        Ok(())
    }

    /// Copy `len` bytes from `src` to `dst` (ranges may overlap: memmove).
    pub fn copy(&mut self, dst: Addr, src: Addr, len: usize) -> Result<(), Fault> {
        if len == 0 {
            return Ok(());
        }
        let s = self.translate(src, len).ok_or(Fault { addr: src })?;
        let d = self.translate(dst, len).ok_or(Fault { addr: dst })?;
        // SAFETY: both ranges are accessible; ptr::copy handles overlap.
        unsafe { std::ptr::copy(s as *const u8, d, len) };
        self.barrier_after(dst - ARENA_BASE, len as u64);
        Ok(())
    }

    /// Zero `len` bytes at `addr`.
    pub fn fill_zero(&mut self, addr: Addr, len: usize) -> Result<(), Fault> {
        if len == 0 {
            return Ok(());
        }
        let p = self.translate(addr, len).ok_or(Fault { addr })?;
        // SAFETY: the range is accessible committed memory.
        unsafe { std::ptr::write_bytes(p, 0, len) };
        Ok(())
    }

    /// Copy bytes from host memory into the VM.
    pub fn write_bytes(&mut self, addr: Addr, data: &[u8]) -> Result<(), Fault> {
        if data.is_empty() {
            return Ok(());
        }
        let p = self.translate(addr, data.len()).ok_or(Fault { addr })?;
        // SAFETY: the range is accessible committed memory, and `data` is host memory
        // (a `&mut self` borrow excludes slices of the heap).
        unsafe { std::ptr::copy_nonoverlapping(data.as_ptr(), p, data.len()) };
        self.barrier_after(addr - ARENA_BASE, data.len() as u64);
        Ok(())
    }
}
