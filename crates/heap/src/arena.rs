//! The VM's address space: one contiguous virtual reservation per heap.
//!
//! Invariants:
//! - The reservation is a slot of the process's pool (`reservation_pool.rs`: readable
//!   and writable throughout, given back to the pool with its pages released when the
//!   `Arena` is dropped) or, when the pool has none, a mapping of its own: `PROT_NONE`
//!   with `MAP_NORESERVE` at creation and unmapped exactly once, when the `Arena` is
//!   dropped.
//! - A VM address `a` corresponds to the machine address `ptr + (a - ARENA_BASE)`.
//!   Address 0 is nil and never lies in the arena.
//! - The heap uses only memory it committed (`Arena::commit`: mprotect RW for an own
//!   mapping; only checks the range for a pooled slot, which is accessible already, so
//!   that the pool's chunk stays one mapping); `Arena::release` gives pages back to the
//!   OS (madvise DONTNEED) but keeps them accessible (they read as zero afterwards);
//!   `Arena::decommit` releases them and, in an own mapping, makes them inaccessible
//!   again. Pages are allocated only when touched either way.
//! - Every offset/length passed to commit/release/decommit is page aligned and
//!   inside the reservation (callers round to [`Layout`] granules, which are
//!   multiples of the OS page size).
//! - The region layout ([`Layout`]) is a pure function of the reservation size.

use std::ptr::NonNull;

/// A VM address. `0` is nil; arena addresses are `ARENA_BASE + offset`.
pub type Addr = u64;

/// The VM address of the first byte of the arena (Go's own heap start, so
/// printed pointers look like Go's `0xc000012080` and are deterministic).
pub const ARENA_BASE: Addr = 0xc0_0000_0000;

/// Default reservation: 64 GiB of address space (not memory).
pub const DEFAULT_RESERVE: u64 = 64 << 30;

/// Reservation of a VM a host embeds (`gosub::Vm::new()`, unless its builder asks for
/// another): 1 GiB of address space, room for about 400 MiB of heap (the old and large
/// regions, 26/64 of it), so that the 128 TiB of a process's user address space hold about
/// 130,000 such VMs. `gosub run` and the REPL reserve `DEFAULT_RESERVE`, as Go's heap has
/// no bound but the machine's.
pub const EMBEDDED_RESERVE: u64 = 1 << 30;

/// Smallest reservation accepted (each of the 64 layout units is then 1 MiB).
pub const MIN_RESERVE: u64 = 64 << 20;

/// Granule in which bump regions (semispaces, static, globals) are committed.
pub(crate) const COMMIT_CHUNK: u64 = 64 << 10;

/// One region of the reservation, as an offset from `ARENA_BASE` and a size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    /// Offset of the first byte from `ARENA_BASE`.
    pub offset: u64,
    /// Reserved size in bytes.
    pub size: u64,
}

impl Region {
    /// VM address of the first byte.
    pub fn base(&self) -> Addr {
        ARENA_BASE + self.offset
    }
    /// VM address one past the last byte.
    pub fn end(&self) -> Addr {
        ARENA_BASE + self.offset + self.size
    }
    #[inline]
    pub(crate) fn contains_off(&self, off: u64) -> bool {
        off.wrapping_sub(self.offset) < self.size
    }
}

/// Fixed region layout of the reservation. With `R` the reservation size and
/// `u = R / 64` (1 GiB for the default 64 GiB):
///
/// | region     | offset | size | 64 GiB default                         |
/// |------------|--------|------|----------------------------------------|
/// | nursery    | 0      | 2u   | `0xc000000000..0xc080000000`           |
/// | survivor 0 | 2u     | 2u   | `0xc080000000..0xc100000000`           |
/// | survivor 1 | 4u     | 2u   | `0xc100000000..0xc180000000`           |
/// | old        | 6u     | 14u  | `0xc180000000..0xc500000000`           |
/// | large      | 20u    | 12u  | `0xc500000000..0xc800000000`           |
/// | static     | 32u    | 1u   | `0xc800000000..0xc840000000`           |
/// | globals    | 33u    | 1u   | `0xc840000000..0xc880000000`           |
/// | stacks     | 34u    | 30u  | `0xc880000000..0xd000000000`           |
///
/// The young spaces (nursery, survivors) come first and are contiguous, so
/// "is this pointer young?" is one comparison (`off < old.offset`) and
/// fresh objects print like Go's (`0xc0000…`). Old and large are adjacent,
/// so "does this store need a card mark?" is one comparison too. Every space
/// keeps a guard gap before its region end, so a one-past-the-end pointer
/// never equals the first address of the next region.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    /// Total reservation.
    pub reserve: u64,
    /// The nursery: fixed-size bump allocation space for new small objects.
    pub nursery: Region,
    /// The two survivor spaces (copying, small objects that survived a minor
    /// collection but are not old enough to be promoted).
    pub survivor: [Region; 2],
    /// Non-moving old space: size-class spans of small objects.
    pub old: Region,
    /// Non-moving large-object space (objects of 32 KiB and more).
    pub large: Region,
    /// Read-only program constants (string literals): bump, never freed.
    pub statics: Region,
    /// Global variables (bump allocated blocks, scanned as roots).
    pub globals: Region,
    /// Goroutine stacks: each stack a fixed reserved run, committed lazily.
    pub stacks: Region,
}

/// The stacks region's share of the reservation, in 64ths (the last region of `Layout`).
const STACK_UNITS: u64 = 30;

/// The smallest reservation whose stacks region holds one goroutine stack of `max_stack`
/// bytes while it grows by copying (the old stack and the new: 1.5 × `max_stack`).
pub fn reserve_for_stack(max_stack: u64) -> u64 {
    (max_stack.saturating_mul(3) / 2).saturating_mul(64) / STACK_UNITS
}

impl Layout {
    pub(crate) fn new(reserve: u64) -> Layout {
        let u = reserve / 64;
        let r = |a: u64, n: u64| Region {
            offset: a * u,
            size: n * u,
        };
        Layout {
            reserve: 64 * u,
            nursery: r(0, 2),
            survivor: [r(2, 2), r(4, 2)],
            old: r(6, 14),
            large: r(20, 12),
            statics: r(32, 1),
            globals: r(33, 1),
            stacks: r(34, STACK_UNITS),
        }
    }

    /// End offset of the young spaces (nursery and both survivors).
    #[inline]
    pub(crate) fn young_end(&self) -> u64 {
        self.old.offset
    }
}

/// The reservation itself.
pub(crate) struct Arena {
    ptr: NonNull<u8>,
    size: u64,
    page: u64,
    /// A slot of the reservation pool (else a mapping of its own).
    pooled: bool,
}

// SAFETY: the arena exclusively owns its mapping; nothing in it is tied to a
// thread. Moving the owner to another thread is fine (it is not `Sync`-shared).
unsafe impl Send for Arena {}

/// A fresh private anonymous mapping of `len` bytes, readable and writable, whose pages
/// cost memory only once touched (`MAP_NORESERVE`) and are never transparent huge pages
/// (a few touched pages must not become 2 MiB each); None if the system refuses it. The
/// caller owns it (and unmaps it, or keeps it for the process's life).
pub(crate) fn map_rw_noreserve(len: usize) -> Option<NonNull<u8>> {
    // SAFETY: a fresh anonymous mapping at an address the kernel chooses; it aliases
    // nothing.
    let p = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            len,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED {
        return None;
    }
    // SAFETY: advice on the fresh mapping; it changes no contents (where it is refused
    // the mapping works the same).
    unsafe {
        libc::madvise(p, len, libc::MADV_NOHUGEPAGE);
    }
    NonNull::new(p as *mut u8)
}

fn os_page_size() -> u64 {
    // SAFETY: sysconf has no memory-safety preconditions.
    let p = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    if p <= 0 {
        4096
    } else {
        (p as u64).max(4096)
    }
}

impl Arena {
    /// Reserve `want` bytes (rounded down to a multiple of 64 MiB); halve
    /// on refusal down to [`MIN_RESERVE`].
    pub(crate) fn reserve(want: u64) -> Option<Arena> {
        let page = os_page_size();
        let mut size = (want.max(MIN_RESERVE) / MIN_RESERVE) * MIN_RESERVE;
        if let Some(ptr) = crate::reservation_pool::take(size) {
            return Some(Arena {
                ptr,
                size,
                page,
                pooled: true,
            });
        }
        loop {
            let Ok(len) = usize::try_from(size) else {
                size /= 2;
                continue;
            };
            // SAFETY: anonymous PROT_NONE mapping at a kernel-chosen address;
            // it aliases nothing and is only accessed after commit().
            let p = unsafe {
                libc::mmap(
                    std::ptr::null_mut(),
                    len,
                    libc::PROT_NONE,
                    libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
                    -1,
                    0,
                )
            };
            if p != libc::MAP_FAILED {
                if let Some(ptr) = NonNull::new(p as *mut u8) {
                    return Some(Arena {
                        ptr,
                        size,
                        page,
                        pooled: false,
                    });
                }
            }
            if size / 2 < MIN_RESERVE {
                return None;
            }
            size = (size / 2 / MIN_RESERVE) * MIN_RESERVE;
        }
    }

    pub(crate) fn size(&self) -> u64 {
        self.size
    }

    pub(crate) fn page_size(&self) -> u64 {
        self.page
    }

    /// Machine pointer for an arena offset. Computing it is always safe;
    /// dereferencing it requires `off` to lie in committed memory.
    #[inline]
    pub(crate) fn ptr(&self, off: u64) -> *mut u8 {
        self.ptr.as_ptr().wrapping_add(off as usize)
    }

    fn check(&self, off: u64, len: u64) -> bool {
        // The page size is a power of two.
        off & (self.page - 1) == 0
            && len & (self.page - 1) == 0
            && off.checked_add(len).is_some_and(|e| e <= self.size)
    }

    /// Make `[off, off+len)` readable and writable. Returns false on failure.
    pub(crate) fn commit(&self, off: u64, len: u64) -> bool {
        if len == 0 {
            return true;
        }
        if !self.check(off, len) {
            return false;
        }
        if self.pooled {
            return true;
        }
        // SAFETY: the range is page aligned and inside our own mapping.
        unsafe {
            libc::mprotect(
                self.ptr(off) as *mut libc::c_void,
                len as usize,
                libc::PROT_READ | libc::PROT_WRITE,
            ) == 0
        }
    }

    /// Give the pages back to the OS; they stay accessible and read as zero.
    pub(crate) fn release(&self, off: u64, len: u64) -> bool {
        if len == 0 {
            return true;
        }
        if !self.check(off, len) {
            return false;
        }
        // SAFETY: the range is page aligned and inside our own mapping; no
        // Rust reference into it is alive (callers hold &mut of the heap).
        unsafe {
            libc::madvise(
                self.ptr(off) as *mut libc::c_void,
                len as usize,
                libc::MADV_DONTNEED,
            ) == 0
        }
    }

    /// Release the pages and make them inaccessible again.
    pub(crate) fn decommit(&self, off: u64, len: u64) -> bool {
        if len == 0 {
            return true;
        }
        let released = self.release(off, len);
        if self.pooled {
            return released;
        }
        // SAFETY: as in release(); PROT_NONE is always a valid protection.
        let protected = unsafe {
            libc::mprotect(
                self.ptr(off) as *mut libc::c_void,
                len as usize,
                libc::PROT_NONE,
            ) == 0
        };
        released && protected
    }

    /// Faults in the pages of `[off, off+len)` without changing them (a byte of each OS
    /// page read and written back), so that their first real use takes no page fault
    /// (`runway.rs`).
    ///
    /// # Safety
    /// The range must be committed (`commit`), and no reference into it may be alive.
    pub(crate) unsafe fn touch(&self, off: u64, len: u64) {
        let Some(end) = off.checked_add(len).filter(|&e| e <= self.size) else {
            return;
        };
        let mut o = off;
        while o < end {
            // SAFETY: `o` is inside the mapping (checked above) and committed (the
            // caller's contract); the byte is written back unchanged.
            unsafe {
                let p = self.ptr(o);
                std::ptr::write_volatile(p, std::ptr::read_volatile(p));
            }
            o += self.page;
        }
    }

    /// Asks the CPU to bring the cache line at `off` in (a hint: a card scan visits dirty
    /// cards of a big table at random, each a cache miss, so it asks for the next ones
    /// while it scans this one). Any offset is allowed: a prefetch never faults.
    #[inline]
    pub(crate) fn prefetch(&self, off: u64) {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: `prefetcht0` is a hint that never faults, whatever the address.
        unsafe {
            use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
            _mm_prefetch::<_MM_HINT_T0>(self.ptr(off) as *const i8);
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = off;
    }

    /// # Safety
    /// `[off, off+8)` must lie in committed memory of this arena.
    #[inline]
    pub(crate) unsafe fn load(&self, off: u64) -> u64 {
        // SAFETY: guaranteed by the caller; unaligned reads are allowed.
        unsafe { std::ptr::read_unaligned(self.ptr(off) as *const u64) }
    }

    /// Write a word at `off`.
    ///
    /// # Safety
    /// `[off, off+8)` must lie in committed memory of this arena.
    #[inline]
    pub(crate) unsafe fn store(&self, off: u64, v: u64) {
        // SAFETY: guaranteed by the caller; unaligned writes are allowed.
        unsafe { std::ptr::write_unaligned(self.ptr(off) as *mut u64, v) }
    }

    /// Zero `[off, off+len)`. Up to four words (a small object's cell) are stored without a
    /// call: `memset` costs more than the stores at that size.
    ///
    /// # Safety
    /// The range must lie in committed memory of this arena.
    #[inline]
    pub(crate) unsafe fn zero(&self, off: u64, len: u64) {
        let p = self.ptr(off);
        // SAFETY: guaranteed by the caller; unaligned writes are allowed.
        unsafe {
            match len {
                8 => std::ptr::write_unaligned(p as *mut [u64; 1], [0; 1]),
                16 => std::ptr::write_unaligned(p as *mut [u64; 2], [0; 2]),
                24 => std::ptr::write_unaligned(p as *mut [u64; 3], [0; 3]),
                32 => std::ptr::write_unaligned(p as *mut [u64; 4], [0; 4]),
                _ => std::ptr::write_bytes(p, 0, len as usize),
            }
        }
    }

    /// Copy `len` bytes between two non-overlapping ranges.
    ///
    /// # Safety
    /// Both ranges must lie in committed memory and must not overlap.
    #[inline]
    pub(crate) unsafe fn copy_nonoverlapping(&self, src: u64, dst: u64, len: u64) {
        let (s, d) = (self.ptr(src), self.ptr(dst));
        // SAFETY: guaranteed by the caller. The small sizes, most objects a collection
        // copies, as word moves rather than a call to `memcpy`.
        unsafe {
            match len {
                8 => (d as *mut u64).write_unaligned((s as *const u64).read_unaligned()),
                16 => (d as *mut [u64; 2]).write_unaligned((s as *const [u64; 2]).read_unaligned()),
                24 => (d as *mut [u64; 3]).write_unaligned((s as *const [u64; 3]).read_unaligned()),
                32 => (d as *mut [u64; 4]).write_unaligned((s as *const [u64; 4]).read_unaligned()),
                _ => std::ptr::copy_nonoverlapping(s, d, len as usize),
            }
        }
    }
}

impl Drop for Arena {
    fn drop(&mut self) {
        if self.pooled {
            // A slot whose pages cannot be released is not reused (it would not read
            // as zero).
            if self.release(0, self.size) {
                crate::reservation_pool::give_back(self.ptr, self.size);
            }
            return;
        }
        // SAFETY: we unmap exactly the mapping created in reserve(); all
        // borrows of heap memory end with the heap (they borrow it).
        unsafe {
            libc::munmap(self.ptr.as_ptr() as *mut libc::c_void, self.size as usize);
        }
    }
}

/// Round `x` up to a multiple of `to` (a power of two or any nonzero value).
#[inline]
pub(crate) fn round_up(x: u64, to: u64) -> u64 {
    x.div_ceil(to) * to
}
