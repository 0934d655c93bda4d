//! The slice instructions: make, reslicing (`s[lo:hi:max]`, also of arrays), append (of
//! values, of a spread slice, of a string's bytes), copy and clear; and Go's growth rule.
//!
//! Invariants: a slice is `{data, len, cap}` with `len <= cap`; an empty allocation is the
//! VM's `zerobase`, never nil; growth follows Go's `growslice` (`grow_cap`, rounded to Go's
//! size classes) so capacities match gc's; bounds errors use Go's exact messages; an append
//! to a nil slice whose result does not escape and fits in 32 bytes uses the frame's buffer.

use crate::error::{slice_bounds_err, SliceBounds::*, Trap};
use crate::frame::{opt, rd, wr, Frame};
use crate::interp::NONE;
use crate::vm::Vm;
use gosub_bytecode::bytecode::Op;
use gosub_heap::size_class::roundupsize;
use gosub_heap::Addr;

/// Go's `growslice` capacity computation (runtime/slice.go).
pub fn grow_cap(old_len: u64, old_cap: u64, num: u64, elem_size: u64) -> u64 {
    let new_len = old_len + num;
    let doublecap = old_cap + old_cap;
    let mut newcap = if new_len > doublecap {
        new_len
    } else {
        const THRESHOLD: u64 = 256;
        if old_cap < THRESHOLD {
            doublecap
        } else {
            let mut c = old_cap;
            while c < new_len {
                c += (c + 3 * THRESHOLD) >> 2;
            }
            c
        }
    };
    if elem_size > 0 {
        let mem = roundupsize(newcap.saturating_mul(elem_size));
        newcap = mem / elem_size;
    }
    newcap
}

fn alloc_array(vm: &mut Vm, gcty: u32, elem_size: u32, n: u64) -> Result<Addr, Trap> {
    if n == 0 || elem_size == 0 {
        return Ok(vm.zerobase);
    }
    let total = n.saturating_mul(elem_size as u64);
    if total > (1u64 << 40) {
        return Err(Trap::OutOfMemory);
    }
    let g = vm.gcty(gcty);
    vm.alloc(g, n as usize)
}
/// Executes a slice instruction.
#[inline]
pub fn exec(vm: &mut Vm, op: &Op, fr: &Frame) -> Result<(), Trap> {
    let fp = fr.fp;
    match *op {
        Op::MakeSlice {
            dst,
            gcty,
            elem_size,
            len,
            cap,
        } => {
            let l = rd(vm, fr, len)?;
            let c = opt(vm, fr, cap)?.unwrap_or(l);
            if (l as i64) < 0 || l > (1 << 40) {
                return Err(Trap::Runtime("makeslice: len out of range".into()));
            }
            if (c as i64) < 0 || c < l || c > (1 << 40) {
                return Err(Trap::Runtime("makeslice: cap out of range".into()));
            }
            let p = alloc_array(vm, gcty, elem_size, c)?;
            wr(vm, fr, dst, p)?;
            wr(vm, fr, dst + 8, l)?;
            wr(vm, fr, dst + 16, c)?;
        }
        Op::SliceSlice {
            dst,
            s,
            lo,
            hi,
            max,
            elem_size,
        }
        | Op::SliceArray {
            dst,
            s,
            lo,
            hi,
            max,
            elem_size,
            ..
        } => {
            let array_len = match *op {
                Op::SliceArray { len, .. } => Some(rd(vm, fr, len)?),
                _ => None,
            };
            let (base, len, cap) = match array_len {
                Some(n) => (rd(vm, fr, s)?, n, n),
                None => (rd(vm, fr, s)?, rd(vm, fr, s + 8)?, rd(vm, fr, s + 16)?),
            };
            let l = opt(vm, fr, lo)?.unwrap_or(0);
            let three = max != NONE;
            let m = opt(vm, fr, max)?.unwrap_or(cap);
            let h = opt(vm, fr, hi)?.unwrap_or(if three { m } else { len });
            let array = array_len.is_some();
            if three {
                if m > cap {
                    let kind = if array { ThreeAlen } else { ThreeAcap };
                    return Err(slice_bounds_err(kind, m, cap));
                }
                if h > m {
                    return Err(slice_bounds_err(ThreeB, h, m));
                }
                if l > h {
                    return Err(slice_bounds_err(ThreeC, l, h));
                }
            } else {
                if h > cap {
                    let kind = if array { Alen } else { Acap };
                    return Err(slice_bounds_err(kind, h, cap));
                }
                if l > h {
                    return Err(slice_bounds_err(B, l, h));
                }
            }
            // Go's rule (ssagen's slice mask): a result of capacity 0 keeps the
            // old pointer, so slicing never points one past the end of an object
            // (the old space's typed cells rely on it, gosub_heap::old_space).
            let np = if m == l {
                base
            } else {
                base + l * elem_size as u64
            };
            wr(vm, fr, dst, np)?;
            wr(vm, fr, dst + 8, h - l)?;
            wr(vm, fr, dst + 16, m - l)?;
        }
        Op::Append {
            dst,
            s,
            src,
            n,
            elem_size,
            gcty,
            spread,
            buf,
            buf_grow,
        } => {
            let old_len = rd(vm, fr, s + 8)?;
            let old_cap = rd(vm, fr, s + 16)?;
            let num = if spread {
                rd(vm, fr, src + 8)?
            } else {
                n as u64
            };
            let new_len = old_len + num;
            let es = elem_size as u64;
            let mut base = rd(vm, fr, s)?;
            let mut cap = old_cap;
            let fits = buf != NONE && es > 0 && new_len * es <= 32;
            if new_len > old_cap && fits && buf_grow {
                // gc's growsliceBuf: the frame buffer, with the next size class's capacity.
                let p = fp + buf as u64;
                let ob = rd(vm, fr, s)?;
                if ob != p && old_len > 0 {
                    vm.heap.copy(p, ob, (old_len * es) as usize)?;
                }
                let nc = roundupsize(new_len * es) / es;
                if nc > new_len {
                    vm.heap
                        .fill_zero(p + new_len * es, ((nc - new_len) * es) as usize)?;
                }
                base = p;
                cap = nc;
            } else if new_len > old_cap && old_cap == 0 && fits {
                // gc's stack buffer for a non-escaping append (see Op::Append).
                let p = fp + buf as u64;
                let ob = rd(vm, fr, s)?;
                vm.heap.fill_zero(p, 32)?;
                if old_len > 0 {
                    vm.heap.copy(p, ob, (old_len * es) as usize)?;
                }
                base = p;
                cap = 32 / es;
            } else if new_len > old_cap {
                let nc = grow_cap(old_len, old_cap, num, es);
                let p = alloc_array(vm, gcty, elem_size, nc)?;
                let ob = rd(vm, fr, s)?;
                if old_len > 0 {
                    vm.heap.copy(p, ob, (old_len * es) as usize)?;
                }
                base = p;
                cap = nc;
            }
            if spread {
                let sp = rd(vm, fr, src)?;
                if num > 0 {
                    vm.heap.copy(base + old_len * es, sp, (num * es) as usize)?;
                }
            } else {
                let stride = es.div_ceil(8) * 8;
                for i in 0..num {
                    let from = fp + src as u64 + i * stride;
                    vm.heap.copy(base + (old_len + i) * es, from, es as usize)?;
                }
            }
            wr(vm, fr, dst, base)?;
            wr(vm, fr, dst + 8, new_len)?;
            wr(vm, fr, dst + 16, cap)?;
        }
        Op::MoveToHeap {
            s,
            elem_size,
            gcty,
            keep_cap,
        } => {
            let p = rd(vm, fr, s)?;
            if p < fp || p >= fp + fr.size as u64 {
                return Ok(()); // not this frame's buffer: nothing to move
            }
            let (len, cap) = (rd(vm, fr, s + 8)?, rd(vm, fr, s + 16)?);
            let es = elem_size as u64;
            let (n, copy) = if keep_cap {
                (cap, cap)
            } else {
                match roundupsize(len * es).checked_div(es) {
                    Some(n) => (n, len),
                    None => (len, 0), // zero-size elements
                }
            };
            let q = if n == 0 {
                vm.zerobase
            } else {
                let q = alloc_array(vm, gcty, elem_size, n)?;
                vm.heap.copy(q, p, (copy * es) as usize)?;
                q
            };
            wr(vm, fr, s, q)?;
            wr(vm, fr, s + 16, n)?;
        }
        Op::AppendStr { dst, s, str } => {
            let old_len = rd(vm, fr, s + 8)?;
            let old_cap = rd(vm, fr, s + 16)?;
            let num = rd(vm, fr, str + 8)?;
            let new_len = old_len + num;
            let mut base = rd(vm, fr, s)?;
            let mut cap = old_cap;
            if new_len > old_cap {
                let nc = grow_cap(old_len, old_cap, num, 1);
                let p = alloc_array(vm, 0, 1, nc)?;
                let ob = rd(vm, fr, s)?;
                if old_len > 0 {
                    vm.heap.copy(p, ob, old_len as usize)?;
                }
                base = p;
                cap = nc;
            }
            let sp = rd(vm, fr, str)?;
            if num > 0 {
                vm.heap.copy(base + old_len, sp, num as usize)?;
            }
            wr(vm, fr, dst, base)?;
            wr(vm, fr, dst + 8, new_len)?;
            wr(vm, fr, dst + 16, cap)?;
        }
        Op::Copy {
            n,
            dst,
            src,
            elem_size,
            from_str,
            ..
        } => {
            let dl = rd(vm, fr, dst + 8)?;
            let sl = rd(vm, fr, src + 8)?;
            let k = dl.min(sl);
            let _ = from_str;
            if k > 0 {
                let dp = rd(vm, fr, dst)?;
                let sp = rd(vm, fr, src)?;
                vm.heap.copy(dp, sp, (k * elem_size as u64) as usize)?;
            }
            wr(vm, fr, n, k)?;
        }
        Op::ClearSlice { s, elem_size } => {
            let l = rd(vm, fr, s + 8)?;
            if l > 0 {
                let p = rd(vm, fr, s)?;
                vm.heap.fill_zero(p, (l * elem_size as u64) as usize)?;
            }
        }
        _ => return Err(Trap::Fatal(format!("not a slice instruction: {:?}", op))),
    }
    Ok(())
}
