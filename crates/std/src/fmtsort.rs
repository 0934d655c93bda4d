//! internal/fmtsort: the order in which fmt prints a map's entries (Go sorts map keys when
//! printing: numbers and strings ascending, NaN first, false before true, pointers and
//! channels by address, structs, arrays and interfaces field by field or by type first).
//!
//! Invariant: the order is total and deterministic for every key type, so the same map
//! prints the same way every time, whatever its insertion order or hash seed.

use gosub_bytecode::program::{Program, RKind};
use gosub_heap::Addr;
use gosub_vm::{Trap, Vm};
use std::sync::Arc;

/// Sorted (key address, value address) pairs of a map, in fmtsort order.
pub fn map_entries(
    vm: &mut Vm,
    prog: &Arc<Program>,
    t: u32,
    m: Addr,
) -> Result<Vec<(Addr, Addr)>, Trap> {
    let mut out = live_entries(vm, prog, t, m)?;
    let key = prog.rtypes[t as usize].key;
    let mut err = None;
    out.sort_by(|a, b| match compare(vm, prog, key, a.0, b.0) {
        Ok(o) => o,
        Err(e) => {
            err = Some(e);
            std::cmp::Ordering::Equal
        }
    });
    if let Some(e) = err {
        return Err(e);
    }
    Ok(out)
}

/// cmp.Compare on floats: NaN first (NaNs equal), then numeric order (-0 == +0).
fn float_cmp(a: f64, b: f64) -> std::cmp::Ordering {
    match (a.is_nan(), b.is_nan()) {
        (true, true) => std::cmp::Ordering::Equal,
        (true, false) => std::cmp::Ordering::Less,
        (false, true) => std::cmp::Ordering::Greater,
        _ => a.partial_cmp(&b).unwrap_or(std::cmp::Ordering::Equal),
    }
}

/// internal/fmtsort's ordering.
fn compare(vm: &Vm, prog: &Program, t: u32, a: Addr, b: Addr) -> Result<std::cmp::Ordering, Trap> {
    use std::cmp::Ordering;
    let rt = &prog.rtypes[t as usize];
    let h = &vm.heap;
    Ok(match rt.kind {
        RKind::Int | RKind::Int64 => (h.read_u64(a)? as i64).cmp(&(h.read_u64(b)? as i64)),
        RKind::Int32 => (h.read_u32(a)? as i32).cmp(&(h.read_u32(b)? as i32)),
        RKind::Int16 => (h.read_u16(a)? as i16).cmp(&(h.read_u16(b)? as i16)),
        RKind::Int8 => (h.read_u8(a)? as i8).cmp(&(h.read_u8(b)? as i8)),
        RKind::Uint8 | RKind::Bool => h.read_u8(a)?.cmp(&h.read_u8(b)?),
        RKind::Uint16 => h.read_u16(a)?.cmp(&h.read_u16(b)?),
        RKind::Uint32 => h.read_u32(a)?.cmp(&h.read_u32(b)?),
        RKind::Float64 => float_cmp(h.read_f64(a)?, h.read_f64(b)?),
        RKind::Float32 => float_cmp(
            f32::from_bits(h.read_u32(a)?) as f64,
            f32::from_bits(h.read_u32(b)?) as f64,
        ),
        RKind::Complex128 => float_cmp(h.read_f64(a)?, h.read_f64(b)?)
            .then(float_cmp(h.read_f64(a + 8)?, h.read_f64(b + 8)?)),
        RKind::Complex64 => {
            let part = |x: Addr| -> Result<f64, Trap> { Ok(f32::from_bits(h.read_u32(x)?) as f64) };
            float_cmp(part(a)?, part(b)?).then(float_cmp(part(a + 4)?, part(b + 4)?))
        }
        RKind::String => vm.read_string(a)?.cmp(&vm.read_string(b)?),
        RKind::Struct => {
            for f in &rt.fields {
                let c = compare(vm, prog, f.typ, a + f.offset, b + f.offset)?;
                if c != Ordering::Equal {
                    return Ok(c);
                }
            }
            Ordering::Equal
        }
        RKind::Array => {
            let es = prog.rtypes[rt.elem as usize].size;
            for i in 0..rt.len {
                let c = compare(vm, prog, rt.elem, a + i * es, b + i * es)?;
                if c != Ordering::Equal {
                    return Ok(c);
                }
            }
            Ordering::Equal
        }
        RKind::Interface => {
            let (ia, ib) = (h.read_u64(a)?, h.read_u64(b)?);
            if ia == 0 || ib == 0 {
                return Ok((ia != 0).cmp(&(ib != 0)));
            }
            let ta = gosub_vm::iface::dyn_rtype(vm, ia).unwrap_or(0);
            let tb = gosub_vm::iface::dyn_rtype(vm, ib).unwrap_or(0);
            if ta != tb {
                return Ok(ta.cmp(&tb));
            }
            let drt = &prog.rtypes[ta as usize];
            let (da, db) = (h.read_u64(a + 8)?, h.read_u64(b + 8)?);
            if drt.direct {
                da.cmp(&db)
            } else {
                compare(vm, prog, ta, da, db)?
            }
        }
        _ => h.read_u64(a)?.cmp(&h.read_u64(b)?),
    })
}

/// The (key, value) addresses of the entries of map `m` (of map type `t`), in table order.
pub fn live_entries(vm: &Vm, prog: &Program, t: u32, m: Addr) -> Result<Vec<(Addr, Addr)>, Trap> {
    if m == 0 {
        return Ok(vec![]);
    }
    let rt = &prog.rtypes[t as usize];
    let ks = prog.rtypes[rt.key as usize].size.div_ceil(8) * 8;
    let vs = prog.rtypes[rt.elem as usize].size.div_ceil(8) * 8;
    let slot = 8 + ks + vs;
    let entries = vm.heap.read_u64(m + 8)?;
    let cap = vm.heap.read_u64(m + 16)?;
    let mut out = Vec::new();
    for i in 0..cap {
        let s = entries + i * slot;
        if vm.heap.read_u64(s)? & (1 << 63) != 0 {
            out.push((s + 8, s + 8 + ks));
        }
    }
    Ok(out)
}
