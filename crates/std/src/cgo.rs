//! Natives of the pseudo-package `C` (cgo emulation; Go declarations in go/C/C.go):
//! C.malloc, C.calloc, C.realloc, C.free, C.CString, C.CBytes, C.GoString, C.GoStringN,
//! C.GoBytes.
//!
//! Invariants:
//! - Every block is allocated outside the GC heap as one run of the heap's stack region
//!   (`alloc_stack` + `grow_stack`) and recorded in `vm.cmem` (crates/vm/src/cmem.rs) with
//!   the source position of the allocating call; `free` releases the run (`free_stack`,
//!   which makes it inaccessible) and marks the record freed.
//! - Misuse is a fatal error (exit 2) whose message names the positions involved: double
//!   free, free (or realloc) of a pointer that is not the start of a live block.
//! - Fresh C memory is zeroed (committed pages are), which C does not promise for malloc.
//! - The copy functions (GoString, GoStringN, GoBytes) read through checked heap accesses,
//!   so reading freed or unmapped memory faults like any other access.

use gosub_heap::{Addr, GcTypeId};
use gosub_vm::cmem::{caller_pos, release_run, render_pos, CBlock};
use gosub_vm::{Args, NativeRegistry, Trap, Vm};

/// Largest single C allocation (the stack region is a few GiB of address space).
const MAX_C_ALLOC: u64 = 1 << 32;

fn oom() -> Trap {
    Trap::Fatal("runtime: C malloc failed".into())
}

/// Allocates a C block of `size` bytes (zeroed) made at source offset `pos`.
pub fn c_alloc(vm: &mut Vm, size: u64, pos: u32) -> Result<Addr, Trap> {
    if size > MAX_C_ALLOC {
        return Err(oom());
    }
    let want = size.max(1);
    let r = vm.heap.alloc_stack(want).map_err(|_| oom())?;
    if vm.heap.grow_stack(r.base, r.base + want).is_err() {
        release_run(vm, r.base);
        return Err(oom());
    }
    vm.cmem.blocks.insert(
        r.base,
        CBlock {
            size,
            reserved: r.limit - r.base,
            pos,
            freed: None,
        },
    );
    Ok(r.base)
}

/// Checks that `p` is the start of a live block (for `what`, "C.free" or "C.realloc").
fn live_block(vm: &Vm, p: Addr, what: &str, pos: u32) -> Result<CBlock, Trap> {
    let here = render_pos(vm, pos);
    if let Some(b) = vm.cmem.blocks.get(&p) {
        if let Some(f) = b.freed {
            return Err(Trap::Fatal(format!(
                "{}: double free of {:#x} at {} (allocated at {}, already freed at {})",
                what,
                p,
                here,
                render_pos(vm, b.pos),
                render_pos(vm, f)
            )));
        }
        return Ok(*b);
    }
    let why = if let Some((base, b)) = vm.cmem.block_containing(p) {
        format!(
            "it points {} bytes into the C block at {:#x} allocated at {}",
            p - base,
            base,
            render_pos(vm, b.pos)
        )
    } else if gosub_vm::unsafe_ops::in_gc_space(vm, p) {
        "it points into Go's garbage-collected heap".to_string()
    } else {
        "it is not an address C.malloc returned".to_string()
    };
    Err(Trap::Fatal(format!(
        "{}: {:#x} at {} was not allocated by C.malloc ({})",
        what, p, here, why
    )))
}

/// Releases the block at `p` (already validated by `live_block`).
fn release(vm: &mut Vm, p: Addr, pos: u32) {
    release_run(vm, p);
    if let Some(b) = vm.cmem.blocks.get_mut(&p) {
        b.freed = Some(pos);
    }
}

/// Copies `n` bytes of VM memory at `p` (nil with n == 0 is fine).
fn read_bytes(vm: &Vm, p: Addr, n: u64) -> Result<Vec<u8>, Trap> {
    if n == 0 {
        return Ok(Vec::new());
    }
    Ok(vm.heap.bytes(p, n as usize)?.to_vec())
}

pub fn register(r: &mut NativeRegistry) {
    r.register("C.malloc", |vm: &mut Vm, fp: Addr| -> Result<(), Trap> {
        let pos = caller_pos(vm);
        let mut a = Args::new(vm, fp);
        let n = a.int()? as u64;
        let p = c_alloc(a.vm, n, pos)?;
        a.ret_int(p as i64)
    });
    r.register("C.calloc", |vm: &mut Vm, fp: Addr| -> Result<(), Trap> {
        let pos = caller_pos(vm);
        let mut a = Args::new(vm, fp);
        let n = a.int()? as u64;
        let size = a.int()? as u64;
        let p = match n.checked_mul(size) {
            Some(total) if total <= MAX_C_ALLOC => c_alloc(a.vm, total, pos)?,
            // C's calloc reports overflow and exhaustion with NULL.
            _ => 0,
        };
        a.ret_int(p as i64)
    });
    r.register("C.realloc", |vm: &mut Vm, fp: Addr| -> Result<(), Trap> {
        let pos = caller_pos(vm);
        let mut a = Args::new(vm, fp);
        let p = a.int()? as u64;
        let n = a.int()? as u64;
        let vm = &mut *a.vm;
        let out = if p == 0 {
            c_alloc(vm, n, pos)?
        } else {
            let b = live_block(vm, p, "C.realloc", pos)?;
            if n == 0 {
                release(vm, p, pos);
                0
            } else if n <= b.reserved {
                // Grows or shrinks in place inside the reserved run.
                vm.heap.grow_stack(p, p + n).map_err(|_| oom())?;
                if n < b.size {
                    vm.heap.fill_zero(p + n, (b.size - n) as usize)?;
                }
                if let Some(e) = vm.cmem.blocks.get_mut(&p) {
                    e.size = n;
                }
                p
            } else {
                let q = c_alloc(vm, n, pos)?;
                vm.heap.copy(q, p, b.size.min(n) as usize)?;
                release(vm, p, pos);
                q
            }
        };
        Args::new(vm, fp + 16).ret_int(out as i64)
    });
    r.register("C.free", |vm: &mut Vm, fp: Addr| -> Result<(), Trap> {
        let pos = caller_pos(vm);
        let p = vm.heap.read_u64(fp)?;
        if p == 0 {
            return Ok(());
        }
        live_block(vm, p, "C.free", pos)?;
        release(vm, p, pos);
        Ok(())
    });
    r.register("C.CString", |vm: &mut Vm, fp: Addr| -> Result<(), Trap> {
        let pos = caller_pos(vm);
        let mut a = Args::new(vm, fp);
        let s = a.string()?;
        let p = c_alloc(a.vm, s.len() as u64 + 1, pos)?;
        a.vm.heap.write_bytes(p, &s)?;
        a.ret_int(p as i64)
    });
    r.register("C.CBytes", |vm: &mut Vm, fp: Addr| -> Result<(), Trap> {
        let pos = caller_pos(vm);
        let mut a = Args::new(vm, fp);
        let sl = a.addr(24);
        let (bp, n) = (a.vm.heap.read_u64(sl)?, a.vm.heap.read_u64(sl + 8)?);
        let data = read_bytes(a.vm, bp, n)?;
        let p = c_alloc(a.vm, n, pos)?;
        a.vm.heap.write_bytes(p, &data)?;
        a.ret_int(p as i64)
    });
    r.register("C.GoString", |vm: &mut Vm, fp: Addr| -> Result<(), Trap> {
        let mut a = Args::new(vm, fp);
        let p = a.int()? as u64;
        let mut s = Vec::new();
        if p != 0 {
            loop {
                let c = a.vm.heap.read_u8(p + s.len() as u64)?;
                if c == 0 {
                    break;
                }
                s.push(c);
            }
        }
        a.ret_string(&s)
    });
    r.register("C.GoStringN", |vm: &mut Vm, fp: Addr| -> Result<(), Trap> {
        let mut a = Args::new(vm, fp);
        let p = a.int()? as u64;
        let n = a.int()?.max(0) as u64;
        let s = read_bytes(a.vm, p, n)?;
        a.ret_string(&s)
    });
    r.register("C.GoBytes", |vm: &mut Vm, fp: Addr| -> Result<(), Trap> {
        let mut a = Args::new(vm, fp);
        let p = a.int()? as u64;
        let n = a.int()?.max(0) as u64;
        let data = read_bytes(a.vm, p, n)?;
        let q = if data.is_empty() {
            a.vm.zerobase
        } else {
            let q = a.vm.alloc(GcTypeId::BYTES, data.len())?;
            a.vm.heap.write_bytes(q, &data)?;
            q
        };
        let out = a.addr(24);
        a.vm.heap.write_u64(out, q)?;
        a.vm.heap.write_u64(out + 8, n)?;
        a.vm.heap.write_u64(out + 16, n)?;
        Ok(())
    });
}
