//! The process's pool of heap reservations. A VM's arena (arena.rs) is one contiguous
//! reservation of address space; made one mapping per VM, with its committed parts
//! `mprotect`ed readable, each VM cost the process about eight mappings (the kernel's
//! default limit is 65,530 per process, so about 8,000 VMs) and an `mmap`, several
//! `mprotect`s and a `munmap` of 64 GiB on the way in and out. The pool instead maps
//! *chunks* of address space, each holding many reservations (*slots*) of one size, readable
//! and writable from the start and never protected piecemeal, so a VM costs no mapping of
//! its own and no system call to start (its pages are still allocated only when touched).
//!
//! Invariants:
//! - A chunk is one private anonymous mapping, `PROT_READ | PROT_WRITE` with
//!   `MAP_NORESERVE`, never unmapped or re-protected: it lives as long as the process, and
//!   its address space is reused by later VMs.
//! - Each slot is owned by at most one `Arena` at a time (`take` hands it out, the
//!   arena's `Drop` gives it back with `give_back` after releasing its pages, so a free
//!   slot costs no memory and reads as zero).
//! - Slots are only as large as asked for; a chunk holds `SLOTS_PER_CHUNK` of them, or
//!   fewer when that would pass `MAX_CHUNK_BYTES` (at least one), so that each reservation
//!   size a process uses holds address space in proportion to it (a host with heap limits
//!   of many sizes does not take a terabyte for each).
//! - Chunks are never given huge pages (`MADV_NOHUGEPAGE`): a VM touches a few pages of
//!   each region, and a 2 MiB page for each would multiply an idle VM's memory.
//! - When the system refuses a chunk (strict overcommit accounting, an address-space
//!   limit), `take` returns None and the arena maps a reservation of its own, as before.

use std::ptr::NonNull;
use std::sync::Mutex;

/// Slots a chunk holds (64 GiB for reservations of 256 MiB)...
const SLOTS_PER_CHUNK: u64 = 256;

/// ... at most this much address space per chunk: 1 TiB (16 default reservations of
/// 64 GiB).
const MAX_CHUNK_BYTES: u64 = 1 << 40;

/// Free slots, by slot size. (Addresses as `usize`: the pool hands out addresses, never
/// references; the arena that takes a slot owns its memory.)
static FREE: Mutex<Vec<(u64, Vec<usize>)>> = Mutex::new(Vec::new());

/// A slot of `size` bytes (a multiple of the page size), from the pool, or None when no
/// chunk can be mapped.
pub(crate) fn take(size: u64) -> Option<NonNull<u8>> {
    let mut free = FREE.lock().ok()?;
    let class = match free.iter().position(|(s, _)| *s == size) {
        Some(i) => i,
        None => {
            free.push((size, Vec::new()));
            free.len() - 1
        }
    };
    if let Some(p) = free[class].1.pop() {
        return NonNull::new(p as *mut u8);
    }
    let (base, n) = map_chunk(size)?;
    // Hand out the lowest slot; the others, highest first, so that `pop` takes them in
    // address order.
    free[class]
        .1
        .extend((1..n).rev().map(|i| base + (i * size) as usize));
    NonNull::new(base as *mut u8)
}

/// Gives back a slot `take` handed out, whose pages the caller released.
pub(crate) fn give_back(p: NonNull<u8>, size: u64) {
    if let Ok(mut free) = FREE.lock() {
        if let Some((_, slots)) = free.iter_mut().find(|(s, _)| *s == size) {
            slots.push(p.as_ptr() as usize);
        }
    }
}

/// Maps a chunk of slots of `size` bytes (`SLOTS_PER_CHUNK`, fewer if that passes
/// `MAX_CHUNK_BYTES`), or one when the system refuses that much. Returns its base and how
/// many slots it holds.
fn map_chunk(size: u64) -> Option<(usize, u64)> {
    let many = (MAX_CHUNK_BYTES / size).clamp(1, SLOTS_PER_CHUNK);
    for n in [many, 1] {
        let len = usize::try_from(size.checked_mul(n)?).ok()?;
        // (The pool never unmaps it.)
        if let Some(p) = crate::arena::map_rw_noreserve(len) {
            return Some((p.as_ptr() as usize, n));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::arena::{Arena, MIN_RESERVE};

    #[test]
    fn slots_are_disjoint_and_come_back_released() {
        // A size no other test asks for, so that this test sees its own class.
        let size = 3 * MIN_RESERVE;
        let a = Arena::reserve(size).expect("a slot");
        let b = Arena::reserve(size).expect("another slot");
        let (pa, pb) = (a.ptr(0) as u64, b.ptr(0) as u64);
        assert!(pa + size <= pb || pb + size <= pa, "slots overlap");
        assert!(a.commit(0, 1 << 16));
        // SAFETY: the first 64 KiB of `a` were just committed.
        unsafe { a.store(8, 0xfeed) };
        // SAFETY: as above.
        assert_eq!(unsafe { a.load(8) }, 0xfeed);
        drop(a);
        // The slot given back is the next one handed out, and reads as zero again.
        let c = Arena::reserve(size).expect("the slot again");
        assert_eq!(c.ptr(0) as u64, pa);
        assert!(c.commit(0, 1 << 16));
        // SAFETY: the first 64 KiB of `c` were just committed.
        assert_eq!(unsafe { c.load(8) }, 0);
        drop((b, c));
    }
}
