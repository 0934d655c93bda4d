//! Natives of packages runtime and runtime/debug: scheduling (`NumGoroutine`, `Gosched`),
//! collection control and memory statistics, backed by the heap's generational collector.
//!
//! `runtime.ReadMemStats(m *MemStats)` writes every field of Go's `runtime.MemStats`
//! at Go's amd64 offsets (the struct in go/runtime/runtime.go has Go's exact field list
//! and layout: 24 uint64 words, `PauseNs` and `PauseEnd` [256]uint64, `NumGC` and
//! `NumForcedGC` uint32, `GCCPUFraction` float64, two bools, `BySize`). Fields gosub
//! cannot fill (Lookups, MSpan*, MCache*, BuckHashSys, GCSys, OtherSys, DebugGC,
//! BySize) are written as zero.

use crate::natives::native;
use gosub_heap::{Addr, GcKind};
use gosub_vm::{Args, NativeRegistry, Trap, Vm};

/// Offsets of `runtime.MemStats` fields (Go, amd64).
mod off {
    pub const ALLOC: u64 = 0;
    pub const TOTAL_ALLOC: u64 = 8;
    pub const SYS: u64 = 16;
    pub const LOOKUPS: u64 = 24;
    pub const MALLOCS: u64 = 32;
    pub const FREES: u64 = 40;
    pub const HEAP_ALLOC: u64 = 48;
    pub const HEAP_SYS: u64 = 56;
    pub const HEAP_IDLE: u64 = 64;
    pub const HEAP_INUSE: u64 = 72;
    pub const HEAP_RELEASED: u64 = 80;
    pub const HEAP_OBJECTS: u64 = 88;
    pub const STACK_INUSE: u64 = 96;
    pub const STACK_SYS: u64 = 104;
    pub const NEXT_GC: u64 = 168;
    pub const LAST_GC: u64 = 176;
    pub const PAUSE_TOTAL_NS: u64 = 184;
    pub const PAUSE_NS: u64 = 192;
    pub const PAUSE_END: u64 = 2240;
    pub const NUM_GC: u64 = 4288;
    pub const NUM_FORCED_GC: u64 = 4292;
    pub const GC_CPU_FRACTION: u64 = 4296;
    pub const ENABLE_GC: u64 = 4304;
    pub const DEBUG_GC: u64 = 4305;
    pub const BY_SIZE: u64 = 4312;
    pub const SIZE: u64 = 5776;
}

/// A collection the program asked for (`runtime.GC`, `debug.FreeOSMemory`). Under a fuel
/// budget it costs a unit per KiB of heap in use and of goroutine stack, what it goes over,
/// before it runs (`gosub_vm::sched::charge_fuel`): else a loop calling it would stay
/// within its units while its time grew with the square of the heap it keeps, or of the
/// stacks (400 goroutines each collecting at every level of a deep recursion).
fn collect(vm: &mut Vm, kind: GcKind) -> Result<(), Trap> {
    let scanned = vm.heap.heap_in_use() + vm.heap.stack_bytes();
    gosub_vm::sched::charge_fuel(vm, scanned / 1024)?;
    let was = vm.heap.gc_inhibited();
    vm.heap.set_gc_inhibited(false);
    let r = gosub_vm::gc::collect(vm, kind);
    vm.heap.set_gc_inhibited(was);
    r
}

fn read_mem_stats(vm: &mut Vm, m: Addr) -> Result<(), Trap> {
    let s = vm.heap.mem_stats();
    let h = &mut vm.heap;
    // Zero everything first (the fields gosub cannot fill, BySize, padding).
    h.fill_zero(m, off::SIZE as usize)?;
    let words = [
        (off::ALLOC, s.alloc),
        (off::TOTAL_ALLOC, s.total_alloc),
        (off::SYS, s.sys),
        (off::LOOKUPS, 0),
        (off::MALLOCS, s.mallocs),
        (off::FREES, s.frees),
        (off::HEAP_ALLOC, s.heap_alloc),
        (off::HEAP_SYS, s.heap_sys),
        (off::HEAP_IDLE, s.heap_idle),
        (off::HEAP_INUSE, s.heap_inuse),
        (off::HEAP_RELEASED, s.heap_released),
        (off::HEAP_OBJECTS, s.heap_objects),
        (off::STACK_INUSE, s.stack_inuse),
        (off::STACK_SYS, s.stack_sys),
        (off::NEXT_GC, s.next_gc),
        (off::LAST_GC, s.last_gc),
        (off::PAUSE_TOTAL_NS, s.pause_total_ns),
    ];
    for (o, v) in words {
        h.write_u64(m + o, v)?;
    }
    for i in 0..256u64 {
        h.write_u64(m + off::PAUSE_NS + 8 * i, s.pause_ns[i as usize])?;
        h.write_u64(m + off::PAUSE_END + 8 * i, s.pause_end[i as usize])?;
    }
    h.write_u32(m + off::NUM_GC, s.num_gc)?;
    h.write_u32(m + off::NUM_FORCED_GC, s.num_forced_gc)?;
    h.write_f64(m + off::GC_CPU_FRACTION, s.gc_cpu_fraction)?;
    h.write_u8(m + off::ENABLE_GC, s.enable_gc as u8)?;
    h.write_u8(m + off::DEBUG_GC, 0)?;
    let _ = off::BY_SIZE;
    Ok(())
}

/// The dynamic type of the interface at frame address `a` (None for nil).
fn eface_rtype(
    a: &mut Args,
) -> Result<Option<std::sync::Arc<gosub_bytecode::program::RType>>, Trap> {
    let at = a.addr(16);
    let itab = a.vm.heap.read_u64(at)?;
    if itab == 0 {
        return Ok(None);
    }
    let rt =
        a.vm.itabs
            .get(itab as usize - 1)
            .map(|i| i.rtype)
            .and_then(|t| a.vm.prog.rtypes.get(t as usize).cloned());
    Ok(rt)
}

/// The data word of the interface parameter at frame address `fp`.
fn eface_data(vm: &Vm, fp: Addr) -> Result<u64, Trap> {
    Ok(vm.heap.read_u64(fp + 8)?)
}

/// Go's check of a finalizer's signature (`runtime.SetFinalizer`): one parameter, obj's
/// pointer type (or a pointer type to the same element, one of them unnamed and without
/// methods) or an
/// interface obj implements. Returns the itab word to pass the object with (0 for a
/// pointer parameter), or Go's fatal error.
fn finalizer_itab(vm: &mut Vm, obj_itab: u64, fin_itab: u64) -> Result<u64, Trap> {
    use gosub_bytecode::program::RKind;
    let prog = vm.prog.clone();
    let obj_t = gosub_vm::iface::dyn_rtype(vm, obj_itab);
    let fin_t = gosub_vm::iface::dyn_rtype(vm, fin_itab);
    let (Some(ot), Some(ft)) = (
        obj_t.and_then(|t| prog.rtypes.get(t as usize)),
        fin_t.and_then(|t| prog.rtypes.get(t as usize)),
    ) else {
        return Err(Trap::Fatal("runtime.SetFinalizer: bad arguments".into()));
    };
    let cannot = || {
        Trap::Fatal(format!(
            "runtime.SetFinalizer: cannot pass {} to finalizer {}",
            ot.name, ft.name
        ))
    };
    let [param] = ft.params[..] else {
        return Err(cannot());
    };
    let pt = prog.rtypes.get(param as usize).ok_or_else(cannot)?;
    // Go's "no uncommon type": unnamed and without methods.
    let plain = |t: &gosub_bytecode::program::RType| !t.named && t.methods.is_empty();
    match pt.kind {
        _ if Some(param) == obj_t => Ok(0),
        RKind::Pointer if (plain(pt) || plain(ot)) && pt.elem == ot.elem => Ok(0),
        RKind::Interface => {
            gosub_vm::iface::try_itab(vm, &prog, obj_itab, param).ok_or_else(cannot)
        }
        _ => Err(cannot()),
    }
}

/// Finalizers, cleanups and weak pointers (runtime/mfinal.go, weak/pointer.go): records
/// the collector keeps (`gosub_heap::specials`).
fn register_specials(r: &mut NativeRegistry) {
    use gosub_bytecode::program::RKind;
    use gosub_heap::specials::SpecialKind;
    native!(r, "runtime.efaceData", |a| {
        let d = eface_data(a.vm, a.fp)?;
        a.skip(16);
        a.ret_int(d as i64)?;
    });
    native!(r, "runtime.efaceIsPointer", |a| {
        let t = eface_rtype(&mut a)?;
        let k = t.map(|t| t.kind);
        a.ret_bool(matches!(k, Some(RKind::Pointer | RKind::UnsafePointer)))?;
    });
    native!(r, "runtime.efaceIsFunc", |a| {
        let t = eface_rtype(&mut a)?;
        a.ret_bool(matches!(t.map(|t| t.kind), Some(RKind::Func)))?;
    });
    native!(r, "runtime.efaceTypeName", |a| {
        let t = eface_rtype(&mut a)?;
        let name = t.map(|t| t.name.clone()).unwrap_or_else(|| "nil".into());
        a.ret_string(name.as_bytes())?;
    });
    native!(r, "runtime.addFinalizer", |a| {
        let (obj_itab, p) = (a.int()? as u64, a.int()? as Addr);
        let (fin_itab, f) = (a.int()? as u64, a.int()? as Addr);
        let itab = finalizer_itab(a.vm, obj_itab, fin_itab)?;
        if a.vm.heap.has_finalizer(p) {
            return Err(Trap::Fatal(
                "runtime.SetFinalizer: finalizer already set".into(),
            ));
        }
        a.vm.heap.add_special(p, f, SpecialKind::Finalizer, itab);
    });
    native!(r, "runtime.removeFinalizer", |a| {
        let p = a.int()? as Addr;
        a.vm.heap.remove_special(Some(p), None);
    });
    native!(r, "runtime.addCleanup", |a| {
        let p = a.int()? as Addr;
        let f = a.int()? as Addr;
        let id = a.vm.heap.add_special(p, f, SpecialKind::Cleanup, 0);
        a.ret_int(id as i64)?;
    });
    native!(r, "runtime.stopCleanup", |a| {
        let id = a.int()? as u64;
        a.vm.heap.remove_special(None, Some(id));
    });
    native!(r, "runtime.throw", |a| {
        let s = a.string()?;
        return Err(Trap::Fatal(String::from_utf8_lossy(&s).into_owned()));
    });
    native!(r, "weak.makeHandle", |a| {
        let p = a.int()? as Addr;
        let h = match a.vm.heap.weak_handle_of(p) {
            Some(h) => h,
            None => {
                let h = a.vm.alloc(gosub_heap::GcTypeId::BYTES, 8)?;
                a.vm.heap.weak_register(h, p)?;
                h
            }
        };
        a.ret_int(h as i64)?;
    });
}

pub fn register(r: &mut NativeRegistry) {
    register_specials(r);
    native!(r, "runtime.defaultMemProfileRate", |a| {
        // Go's linker turns memory profiling off (MemProfileRate 0) in a program that
        // cannot read the profile; gosub keeps it only when asked (alloc_profile.rs).
        let on = a.vm.profile.is_some();
        a.ret_int(if on {
            gosub_vm::alloc_profile::DEFAULT_RATE
        } else {
            0
        })?;
    });
    native!(r, "runtime.NumGoroutine", |a| {
        let n = a.vm.num_goroutines();
        a.ret_int(n as i64)?;
    });
    native!(r, "runtime.Goexit", |a| {
        return Err(gosub_vm::panic::goexit(a.vm));
    });
    native!(r, "runtime.Gosched", |a| {
        // A hint: inside Go code another native called, where the goroutine cannot be
        // switched out (gosub_vm::call), it goes on instead.
        if a.vm.callback_depth == 0 {
            return Err(Trap::Yield);
        }
    });
    r.register("runtime.GC", |vm: &mut Vm, _fp: Addr| -> Result<(), Trap> {
        collect(vm, GcKind::Major)?;
        Ok(())
    });
    r.register(
        "runtime.ReadMemStats",
        |vm: &mut Vm, fp: Addr| -> Result<(), Trap> {
            let m = vm.heap.read_u64(fp)?;
            read_mem_stats(vm, m)
        },
    );
    r.register(
        "runtime/debug.FreeOSMemory",
        |vm: &mut Vm, _fp: Addr| -> Result<(), Trap> {
            collect(vm, GcKind::Full)?;
            Ok(())
        },
    );
    r.register(
        "runtime.GOROOT",
        |vm: &mut Vm, fp: Addr| -> Result<(), Trap> {
            let v = crate::os::env_lookup(vm, b"GOROOT").unwrap_or_default();
            Args::new(vm, fp).ret_string(&v)
        },
    );
    r.register(
        "runtime/debug.SetMemoryLimit",
        |vm: &mut Vm, fp: Addr| -> Result<(), Trap> {
            let mut a = Args::new(vm, fp);
            let limit = a.int()?;
            let old = a.vm.heap.set_memory_limit(limit);
            a.ret_int(old)
        },
    );
    r.register(
        "runtime/debug.SetMaxStack",
        |vm: &mut Vm, fp: Addr| -> Result<(), Trap> {
            let mut a = Args::new(vm, fp);
            let n = a.int()?;
            // A negative setting makes any stack growth overflow.
            let old = std::mem::replace(&mut a.vm.max_stack_bytes, n.max(0) as u64);
            a.ret_int(old as i64)
        },
    );
    r.register(
        "runtime/debug.SetGCPercent",
        |vm: &mut Vm, fp: Addr| -> Result<(), Trap> {
            let mut a = Args::new(vm, fp);
            let pct = a.int()?;
            let old = a.vm.heap.set_gc_percent(pct);
            a.ret_int(old)
        },
    );
}
