//! The host process's own allocator (not the VM's heap): after the front end has compiled
//! a program, the parse trees, type tables and escape graphs it freed are still held by the
//! C allocator; `trim_host_allocator` hands those pages back to the OS, so that a program's
//! run does not carry the compiler's peak in its resident size.
//!
//! Invariant: it only releases memory the allocator holds free; nothing live moves.

/// Gives the C allocator's free memory back to the OS (glibc's `malloc_trim`; a no-op
/// elsewhere).
pub fn trim_host_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages of the allocator's own arenas to the OS;
    // it touches no live allocation and is safe to call at any time from any thread.
    unsafe {
        libc::malloc_trim(0);
    }
}
