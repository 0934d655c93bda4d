//! Write barrier hook.
//!
//! Contract: the VM calls `write_barrier(slot, new_val)` on every store of a
//! pointer into a heap object or a global (after or before the store; it
//! must not allocate or collect in between). Stores into stack frames need
//! no barrier (stacks are scanned as roots at every collection).
//!
//! Invariant in this version: the semispace collector traces the whole heap
//! on every collection, so the barrier has nothing to record and compiles to
//! nothing. The generational collector will use it to record old->young
//! pointers (card marking / remembered set) without any VM change.

use crate::access::Fault;
use crate::arena::Addr;
use crate::Heap;

impl Heap {
    /// Record a pointer store of `new_val` into `slot` (see module docs).
    #[inline(always)]
    pub fn write_barrier(&mut self, slot: Addr, new_val: Addr) {
        let _ = (slot, new_val);
    }

    /// Store a pointer and run the write barrier.
    #[inline]
    pub fn write_ptr(&mut self, slot: Addr, new_val: Addr) -> Result<(), Fault> {
        self.write_u64(slot, new_val)?;
        self.write_barrier(slot, new_val);
        Ok(())
    }
}
