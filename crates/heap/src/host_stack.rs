//! A deep stack for the host's own recursive code (not the VM's: Go code runs on the VM's
//! stacks). gosub's front end recurses over the program's shape, as gc's does, and a deep
//! program would overflow a host thread's stack (`gosub::front_stack` says why it matters);
//! `on_deep_stack` runs a closure on a segment of `SEGMENT_SIZE` bytes of address space,
//! reserved once per thread and committed only as it is used, switching the calling
//! thread's stack pointer to it and back (`psm::on_stack`, the core of rustc's `stacker`).
//!
//! Invariants:
//! - A thread's segment is in use by at most one call: a call made while already on it
//!   (`ON_SEGMENT`) runs where it is, and the segment is out of its slot for the duration
//!   of the outermost call.
//! - The segment's lowest page is never accessible (a guard: running off the end faults
//!   instead of writing into other memory), and no unwinding crosses the switch: a Rust
//!   panic is caught on the segment and resumed after switching back.
//! - Between calls a segment keeps at most `KEEP_COMMITTED` bytes committed (its top,
//!   where every call starts); deeper pages go back to the OS.

use std::cell::{Cell, RefCell};

/// The segment's size (address space, not memory: the pages a shallow call never touches
/// are never committed).
pub const SEGMENT_SIZE: usize = 1 << 30;

/// What a segment keeps committed between calls (the shallow end every call touches).
const KEEP_COMMITTED: usize = 1 << 20;

/// One thread's deep stack: a private anonymous mapping of `SEGMENT_SIZE` bytes
/// whose lowest page is `PROT_NONE`.
struct Segment {
    base: *mut u8,
    size: usize,
    page: usize,
}

impl Segment {
    fn map() -> Option<Segment> {
        // SAFETY: sysconf has no memory-safety preconditions.
        let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
        let page = usize::try_from(page).ok().filter(|&p| p >= 4096)?;
        let size = SEGMENT_SIZE;
        let p = crate::arena::map_rw_noreserve(size)?;
        let seg = Segment {
            base: p.as_ptr(),
            size,
            page,
        };
        // SAFETY: the first page of our own mapping; nothing refers to it.
        let guarded =
            unsafe { libc::mprotect(p.as_ptr() as *mut libc::c_void, page, libc::PROT_NONE) } == 0;
        guarded.then_some(seg)
    }

    /// The first page below the part of the segment kept committed.
    fn first_trimmed_page(&self) -> *mut u8 {
        self.base
            .wrapping_add(self.size - KEEP_COMMITTED - self.page)
    }

    /// Whether the calls so far went deeper than the top `KEEP_COMMITTED` bytes: a stack
    /// is touched from its top down, page by page (Rust probes every page of a large
    /// frame), so the page just below the kept part is resident exactly when some are
    /// below it. (A canary word there would save the system call, but memory checkers
    /// such as valgrind's treat reading stack memory below the stack pointer as an error.)
    fn went_deep(&self) -> bool {
        let mut resident = 0u8;
        // SAFETY: one page-aligned page of our own mapping; mincore writes one byte.
        let probed = unsafe {
            libc::mincore(
                self.first_trimmed_page() as *mut libc::c_void,
                1,
                (&mut resident as *mut u8).cast(),
            )
        };
        probed != 0 || resident & 1 != 0
    }

    /// Gives back the pages below the segment's top `KEEP_COMMITTED` bytes when a call
    /// went down into them.
    fn trim(&self) {
        if !self.went_deep() {
            return;
        }
        // SAFETY: a page-aligned range of our own mapping, above the guard page; no call
        // is running on the segment, so nothing refers to what the range holds.
        unsafe {
            libc::madvise(
                self.base.add(self.page) as *mut libc::c_void,
                self.size - KEEP_COMMITTED - self.page,
                libc::MADV_DONTNEED,
            );
        }
    }
}

impl Drop for Segment {
    fn drop(&mut self) {
        // SAFETY: the whole mapping, made by `Segment::map`; no call is running on it (a
        // segment is dropped only out of its slot, between calls, or at thread exit).
        unsafe {
            libc::munmap(self.base as *mut libc::c_void, self.size);
        }
    }
}

thread_local! {
    /// This thread's segment, between calls.
    static SEGMENT: RefCell<Option<Segment>> = const { RefCell::new(None) };
    /// Whether this thread is running on its segment now.
    static ON_SEGMENT: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` on the calling thread's deep stack segment and returns its result; a panic in
/// `f` goes on in the caller. When no segment can be mapped, `f` runs here.
pub fn on_deep_stack<T>(f: impl FnOnce() -> T) -> T {
    if ON_SEGMENT.try_with(Cell::get).unwrap_or(false) {
        return f();
    }
    // (While the thread's locals are destroyed, `SEGMENT` may be gone already, a `Vm`
    // held in another thread-local being dropped after it: then a segment is mapped for
    // this call only.)
    let seg = (SEGMENT.try_with(|s| s.borrow_mut().take()).ok().flatten()).or_else(Segment::map);
    let Some(seg) = seg else {
        return f();
    };
    let _ = ON_SEGMENT.try_with(|on| on.set(true));
    let f = std::panic::AssertUnwindSafe(f);
    // SAFETY: `seg` is a live mapping of `seg.size` bytes, page aligned at both ends, with
    // a guard page at its low end (stacks grow down on every target gosub builds for); it
    // stays mapped for the whole call (owned here) and no other call runs on it. The
    // closure catches every panic, so no unwinding crosses the switch.
    let r = unsafe { psm::on_stack(seg.base, seg.size, move || std::panic::catch_unwind(f)) };
    let _ = ON_SEGMENT.try_with(|on| on.set(false));
    seg.trim();
    // Kept for the next call, or unmapped if the thread's locals are gone.
    let _ = SEGMENT.try_with(move |s| *s.borrow_mut() = Some(seg));
    r.unwrap_or_else(|p| std::panic::resume_unwind(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Recurses `n` levels with a 1 KiB frame each; returns the sum of the levels.
    fn deep(n: u64) -> u64 {
        let frame = [n as u8; 1024];
        if n == 0 {
            return 0;
        }
        let r = n + deep(n - 1);
        std::hint::black_box(&frame);
        r
    }

    /// Whether the segment's pages below the kept part are resident.
    fn deep_pages_resident() -> Option<bool> {
        SEGMENT.with(|s| s.borrow().as_ref().map(Segment::went_deep))
    }

    #[test]
    fn runs_deeper_than_a_thread_stack_and_gives_the_pages_back() {
        // About 20 MiB of stack: more than this test thread's 2 MiB.
        let n = 20_000;
        assert_eq!(on_deep_stack(|| deep(n)), n * (n + 1) / 2);
        assert_eq!(deep_pages_resident(), Some(false));
        assert_eq!(on_deep_stack(|| deep(100)), 100 * 101 / 2);
        assert_eq!(deep_pages_resident(), Some(false));
    }

    #[test]
    fn a_call_on_the_segment_runs_there_and_results_come_back() {
        let v = on_deep_stack(|| on_deep_stack(|| vec![1, 2, 3]));
        assert_eq!(v, vec![1, 2, 3]);
        assert!(!ON_SEGMENT.with(Cell::get));
    }

    /// Dropped while the thread's locals are destroyed, after `SEGMENT` (a `Vm` kept in a
    /// thread-local: its session is dropped on the deep stack).
    struct CallsOnDrop;
    impl Drop for CallsOnDrop {
        fn drop(&mut self) {
            assert_eq!(on_deep_stack(|| deep(1000)), 1000 * 1001 / 2);
        }
    }
    thread_local! {
        static HOLDER: RefCell<Option<CallsOnDrop>> = const { RefCell::new(None) };
    }

    #[test]
    fn a_call_while_the_thread_ends_runs_on_a_segment_of_its_own() {
        let t = std::thread::spawn(|| {
            // Registered before `SEGMENT`, so destroyed after it.
            HOLDER.with(|h| *h.borrow_mut() = Some(CallsOnDrop));
            assert_eq!(on_deep_stack(|| 1), 1);
        });
        assert!(t.join().is_ok());
    }

    #[test]
    fn a_panic_goes_on_in_the_caller_and_the_segment_stays_usable() {
        let r = std::panic::catch_unwind(|| on_deep_stack(|| panic!("boom")));
        let msg = r.unwrap_err();
        assert_eq!(msg.downcast_ref::<&str>(), Some(&"boom"));
        assert!(!ON_SEGMENT.with(Cell::get));
        assert_eq!(on_deep_stack(|| 7), 7);
    }
}
