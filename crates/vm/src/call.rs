//! The less frequent instructions, executed outside the hot dispatch loop through checked
//! heap accesses: strings, slices, append/copy, interfaces, maps, globals, print; and the
//! start of deferred calls.
//!
//! Invariant: an instruction that allocates does so before it reads its pointer operands
//! from the frame, so a collection triggered by the allocation cannot leave it holding a
//! stale address.

use crate::error::Trap;
use crate::interp::{enter, index_err, NONE};
use crate::vm::Vm;
use gosub_bytecode::bytecode::{Function, Op};
use gosub_bytecode::program::Program;
use gosub_heap::size_class::roundupsize;
use gosub_heap::{Addr, GcTypeId};
use std::sync::Arc;

/// The running frame as seen by the slow instructions: its VM address and, for fast
/// register access, its machine address and size.
#[derive(Clone, Copy)]
pub struct Frame {
    pub fp: Addr,
    pub ptr: *mut u8,
    pub size: u32,
}

#[inline]
pub fn rd(vm: &Vm, fr: &Frame, off: u32) -> Result<u64, Trap> {
    if off as u64 + 8 <= fr.size as u64 {
        // SAFETY: `fr.ptr` is the committed frame of `fr.size` bytes (interp invariants) and
        // the word lies inside it.
        return Ok(unsafe { (fr.ptr.add(off as usize) as *const u64).read_unaligned() });
    }
    Ok(vm.heap.read_u64(fr.fp + off as u64)?)
}

#[inline]
pub fn wr(vm: &mut Vm, fr: &Frame, off: u32, v: u64) -> Result<(), Trap> {
    if off as u64 + 8 <= fr.size as u64 {
        // SAFETY: as for `rd`; frames are stack memory, so no write barrier is needed.
        unsafe { (fr.ptr.add(off as usize) as *mut u64).write_unaligned(v) };
        return Ok(());
    }
    Ok(vm.heap.write_u64(fr.fp + off as u64, v)?)
}

/// Starts the deferred call whose record is `head` in the frame at `fp`; unlinks it and
/// returns the callee and its frame address.
pub fn start_deferred(
    vm: &mut Vm,
    prog: &Arc<Program>,
    head: Addr,
    fp: Addr,
    f: &Function,
    _panicking: bool,
) -> Result<(u32, Addr), Trap> {
    let next = vm.heap.read_u64(head + 8)?;
    vm.heap
        .write_u64(fp + f.defer_off.unwrap_or(0) as u64, next)?;
    let clo = vm.heap.read_u64(head)?;
    if clo == 0 {
        return Err(Trap::Runtime(
            "invalid memory address or nil pointer dereference".into(),
        ));
    }
    let callee = vm.heap.read_u64(clo)? as u32;
    let cf = prog
        .funcs
        .get(callee as usize)
        .ok_or(Trap::Fatal("bad deferred function".into()))?;
    let new_fp = fp + f.frame_size as u64;
    enter(vm, prog, callee, new_fp)?;
    if cf.params_size > 0 {
        vm.heap.copy(new_fp, head + 16, cf.params_size as usize)?;
    }
    if let Some(c) = cf.ctx_off {
        vm.heap.write_u64(new_fp + c as u64, clo)?;
    }
    Ok((callee, new_fp))
}

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

fn str_of(vm: &Vm, fp: Addr, r: u32) -> Result<Vec<u8>, Trap> {
    vm.read_string(fp + r as u64)
}

fn set_str(vm: &mut Vm, fr: &Frame, r: u32, p: Addr, n: u64) -> Result<(), Trap> {
    wr(vm, fr, r, p)?;
    wr(vm, fr, r + 8, n)
}

fn opt(vm: &Vm, fr: &Frame, r: u32) -> Result<Option<u64>, Trap> {
    if r == NONE {
        Ok(None)
    } else {
        Ok(Some(rd(vm, fr, r)?))
    }
}

/// Executes one of the less frequent instructions; returns a jump target if it branches.
pub fn slow_op(vm: &mut Vm, prog: &Arc<Program>, op: &Op, fr: &Frame) -> Result<Option<u32>, Trap> {
    let fp = fr.fp;
    match *op {
        Op::Concat { dst, a, b, buf } => {
            let la = rd(vm, fr, a + 8)?;
            let lb = rd(vm, fr, b + 8)?;
            if la == 0 {
                let (p, n) = (rd(vm, fr, b)?, lb);
                set_str(vm, fr, dst, p, n)?;
            } else if lb == 0 {
                let (p, n) = (rd(vm, fr, a)?, la);
                set_str(vm, fr, dst, p, n)?;
            } else {
                // gc's tmpBuf: a result that does not escape and fits in 32 bytes stays in
                // the frame.
                let p = if buf != NONE && la + lb <= 32 {
                    fp + buf as u64
                } else {
                    vm.alloc(GcTypeId::BYTES, (la + lb) as usize)?
                };
                let pa = rd(vm, fr, a)?;
                let pb = rd(vm, fr, b)?;
                vm.heap.copy(p, pa, la as usize)?;
                vm.heap.copy(p + la, pb, lb as usize)?;
                set_str(vm, fr, dst, p, la + lb)?;
            }
        }
        Op::CmpStr { op, dst, a, b } => {
            let x = str_of(vm, fp, a)?;
            let y = str_of(vm, fp, b)?;
            use gosub_bytecode::bytecode::CmpOp::*;
            let r = match op {
                Eq => x == y,
                Ne => x != y,
                Lt | LtU => x < y,
                Le | LeU => x <= y,
                Gt | GtU => x > y,
                Ge | GeU => x >= y,
            };
            wr(vm, fr, dst, r as u64)?;
        }
        Op::StrIndex { dst, s, i } => {
            let idx = rd(vm, fr, i)?;
            let len = rd(vm, fr, s + 8)?;
            if idx >= len {
                return Err(index_err(idx, len));
            }
            let p = rd(vm, fr, s)?;
            let b = vm.heap.read_u8(p + idx)?;
            wr(vm, fr, dst, b as u64)?;
        }
        Op::StrSlice { dst, s, lo, hi } => {
            let len = rd(vm, fr, s + 8)?;
            let l = opt(vm, fr, lo)?.unwrap_or(0);
            let h = opt(vm, fr, hi)?.unwrap_or(len);
            if h > len {
                return Err(Trap::Runtime(format!(
                    "slice bounds out of range [:{}] with length {}",
                    h as i64, len
                )));
            }
            if l > h {
                return Err(Trap::Runtime(format!(
                    "slice bounds out of range [{}:{}]",
                    l as i64, h
                )));
            }
            let p = rd(vm, fr, s)?;
            let np = if h == l { 0 } else { p + l };
            set_str(vm, fr, dst, np, h - l)?;
        }
        Op::RuneToStr { dst, a } => {
            let v = rd(vm, fr, a)? as i64;
            let c = u32::try_from(v)
                .ok()
                .and_then(char::from_u32)
                .unwrap_or('\u{FFFD}');
            let mut buf = [0u8; 4];
            let s = c.encode_utf8(&mut buf);
            let (p, n) = vm.new_string(s.as_bytes())?;
            set_str(vm, fr, dst, p, n)?;
        }
        Op::BytesToStr { dst, a, buf } => {
            let n = rd(vm, fr, a + 8)?;
            let p = if n == 0 {
                0
            } else if buf != NONE && n <= 32 {
                fp + buf as u64
            } else {
                vm.alloc(GcTypeId::BYTES, n as usize)?
            };
            let src = rd(vm, fr, a)?;
            if n > 0 {
                vm.heap.copy(p, src, n as usize)?;
            }
            set_str(vm, fr, dst, p, n)?;
        }
        Op::StrToBytes { dst, a } => {
            let n = rd(vm, fr, a + 8)?;
            let cap = if n == 0 { 0 } else { roundupsize(n) };
            let p = if n == 0 {
                vm.zerobase
            } else {
                vm.alloc(GcTypeId::BYTES, cap as usize)?
            };
            let src = rd(vm, fr, a)?;
            if n > 0 {
                vm.heap.copy(p, src, n as usize)?;
            }
            wr(vm, fr, dst, p)?;
            wr(vm, fr, dst + 8, n)?;
            wr(vm, fr, dst + 16, cap)?;
        }
        Op::StrBytesShared { dst, a } => {
            let p = rd(vm, fr, a)?;
            let n = rd(vm, fr, a + 8)?;
            wr(vm, fr, dst, if n == 0 { vm.zerobase } else { p })?;
            wr(vm, fr, dst + 8, n)?;
            wr(vm, fr, dst + 16, n)?;
        }
        Op::RunesToStr { dst, a } => {
            let n = rd(vm, fr, a + 8)?;
            let p = rd(vm, fr, a)?;
            let mut s = String::new();
            for i in 0..n {
                let r = vm.heap.read_u32(p + 4 * i)? as i32;
                s.push(
                    u32::try_from(r)
                        .ok()
                        .and_then(char::from_u32)
                        .unwrap_or('\u{FFFD}'),
                );
            }
            let (sp, sn) = vm.new_string(s.as_bytes())?;
            set_str(vm, fr, dst, sp, sn)?;
        }
        Op::StrToRunes { dst, a, buf } => {
            let bytes = str_of(vm, fp, a)?;
            let runes: Vec<u32> = crate::strings::decode_runes(&bytes);
            let n = runes.len() as u64;
            let (p, cap) = if buf != NONE && n <= 32 {
                // gc's tmpBuf of 32 runes for a result that does not escape.
                vm.heap.fill_zero(fp + buf as u64, 128)?;
                (fp + buf as u64, 32)
            } else if n == 0 {
                (vm.zerobase, 0)
            } else {
                let cap = roundupsize(n * 4) / 4;
                (vm.alloc(GcTypeId::BYTES, (cap * 4) as usize)?, cap)
            };
            for (i, r) in runes.iter().enumerate() {
                vm.heap.write_u32(p + 4 * i as u64, *r)?;
            }
            wr(vm, fr, dst, p)?;
            wr(vm, fr, dst + 8, n)?;
            wr(vm, fr, dst + 16, cap)?;
        }
        Op::StrRangeNext { s, i, rune, width } => {
            let idx = rd(vm, fr, i)?;
            let len = rd(vm, fr, s + 8)?;
            let p = rd(vm, fr, s)?;
            let avail = (len - idx).min(4) as usize;
            let bytes = vm.heap.bytes(p + idx, avail)?.to_vec();
            let (r, w) = crate::strings::decode_rune(&bytes);
            wr(vm, fr, rune, r as u64)?;
            wr(vm, fr, width, w as u64)?;
        }
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
                return Err(Trap::PanicString(
                    "runtime error: makeslice: len out of range".into(),
                ));
            }
            if (c as i64) < 0 || c < l || c > (1 << 40) {
                return Err(Trap::PanicString(
                    "runtime error: makeslice: cap out of range".into(),
                ));
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
            array_len,
        } => {
            let (base, len, cap) = match array_len {
                Some(n) => (rd(vm, fr, s)?, n, n),
                None => (rd(vm, fr, s)?, rd(vm, fr, s + 8)?, rd(vm, fr, s + 16)?),
            };
            let l = opt(vm, fr, lo)?.unwrap_or(0);
            let three = max != NONE;
            let m = opt(vm, fr, max)?.unwrap_or(cap);
            let h = opt(vm, fr, hi)?.unwrap_or(if three { m } else { len });
            if three {
                if m > cap {
                    return Err(Trap::Runtime(format!(
                        "slice bounds out of range [::{}] with capacity {}",
                        m as i64, cap
                    )));
                }
                if h > m {
                    return Err(Trap::Runtime(format!(
                        "slice bounds out of range [:{}:{}]",
                        h as i64, m
                    )));
                }
            } else if h > cap {
                let what = if array_len.is_some() {
                    "length"
                } else {
                    "capacity"
                };
                return Err(Trap::Runtime(format!(
                    "slice bounds out of range [:{}] with {} {}",
                    h as i64, what, cap
                )));
            }
            if l > h {
                return Err(Trap::Runtime(format!(
                    "slice bounds out of range [{}:{}]",
                    l as i64, h
                )));
            }
            let np = base + l * elem_size as u64;
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
            if new_len > old_cap && old_cap == 0 && buf != NONE && es > 0 && new_len * es <= 32 {
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
        Op::SliceToArray {
            dst,
            src,
            n,
            size,
            ptr,
        } => {
            let len = rd(vm, fr, src + 8)?;
            if len < n {
                return Err(Trap::Runtime(format!(
                    "cannot convert slice with length {} to array or pointer to array with length {}",
                    len, n
                )));
            }
            let p = rd(vm, fr, src)?;
            if ptr {
                wr(vm, fr, dst, if p == 0 && n == 0 { 0 } else { p })?;
            } else if size > 0 {
                vm.heap.copy(fp + dst as u64, p, size as usize)?;
            }
        }
        Op::FMinMax {
            dst,
            a,
            b,
            max,
            f32,
        } => {
            let (x, y) = if f32 {
                (
                    f32::from_bits(rd(vm, fr, a)? as u32) as f64,
                    f32::from_bits(rd(vm, fr, b)? as u32) as f64,
                )
            } else {
                (
                    f64::from_bits(rd(vm, fr, a)?),
                    f64::from_bits(rd(vm, fr, b)?),
                )
            };
            let r = if x.is_nan() || y.is_nan() {
                f64::NAN
            } else if x == y {
                // Only the sign of zero can differ.
                if max == x.is_sign_negative() {
                    y
                } else {
                    x
                }
            } else if (x < y) != max {
                x
            } else {
                y
            };
            let bits = if f32 {
                (r as f32).to_bits() as u64
            } else {
                r.to_bits()
            };
            wr(vm, fr, dst, bits)?;
        }
        Op::ClearSlice { s, elem_size } => {
            let l = rd(vm, fr, s + 8)?;
            if l > 0 {
                let p = rd(vm, fr, s)?;
                vm.heap.fill_zero(p, (l * elem_size as u64) as usize)?;
            }
        }
        Op::MakeIface {
            dst,
            src,
            itab,
            size,
            gcty,
            direct,
        } => {
            let data = if direct {
                rd(vm, fr, src)?
            } else {
                let b = vm.alloc(vm.gcty(gcty), 1)?;
                if size > 0 {
                    vm.heap.copy(b, fp + src as u64, size as usize)?;
                }
                b
            };
            wr(vm, fr, dst, itab as u64 + 1)?;
            wr(vm, fr, dst + 8, data)?;
        }
        Op::IfaceToIface {
            dst,
            src,
            iface_ty,
            commaok,
            assert,
        } => {
            let it = rd(vm, fr, src)?;
            let data = rd(vm, fr, src + 8)?;
            if it == 0 && !assert {
                wr(vm, fr, dst, 0)?;
                wr(vm, fr, dst + 8, 0)?;
                return Ok(None);
            }
            let res = if it == 0 {
                None
            } else {
                crate::iface::try_itab(vm, prog, it, iface_ty)
            };
            match (res, commaok) {
                (Some(nit), ok) => {
                    wr(vm, fr, dst, nit)?;
                    wr(vm, fr, dst + 8, data)?;
                    if let Some(ok) = ok {
                        wr(vm, fr, ok, 1)?;
                    }
                }
                (None, Some(ok)) => {
                    wr(vm, fr, dst, 0)?;
                    wr(vm, fr, dst + 8, 0)?;
                    wr(vm, fr, ok, 0)?;
                }
                (None, None) => {
                    let missing = if it == 0 {
                        None
                    } else {
                        crate::iface::convert_itab(vm, prog, it, iface_ty)
                            .err()
                            .flatten()
                    };
                    let tname = &prog.rtypes[iface_ty as usize].name;
                    return Err(if it == 0 {
                        Trap::Runtime(format!(
                            "interface conversion: interface is nil, not {}",
                            tname
                        ))
                    } else {
                        let dynt = crate::iface::dyn_rtype(vm, it)
                            .map(|r| prog.rtypes[r as usize].name.clone())
                            .unwrap_or_default();
                        Trap::Runtime(format!(
                            "interface conversion: {} is not {}: missing method {}",
                            dynt,
                            tname,
                            missing.unwrap_or_default()
                        ))
                    });
                }
            }
        }
        Op::AssertType {
            dst,
            src,
            rtype,
            size,
            direct,
            commaok,
            iface_ty,
        } => {
            let it = rd(vm, fr, src)?;
            let data = rd(vm, fr, src + 8)?;
            let dynt = if it == 0 {
                None
            } else {
                crate::iface::dyn_rtype(vm, it)
            };
            if dynt == Some(rtype) {
                if direct {
                    wr(vm, fr, dst, data)?;
                } else if size > 0 {
                    vm.heap.copy(fp + dst as u64, data, size as usize)?;
                }
                if let Some(ok) = commaok {
                    wr(vm, fr, ok, 1)?;
                }
            } else if let Some(ok) = commaok {
                vm.heap
                    .fill_zero(fp + dst as u64, size.max(1).div_ceil(8) as usize * 8)?;
                wr(vm, fr, ok, 0)?;
            } else {
                let iname = &prog.rtypes[iface_ty as usize].name;
                let want = &prog.rtypes[rtype as usize].name;
                let have = match dynt {
                    Some(d) => prog.rtypes[d as usize].name.clone(),
                    None => "nil".into(),
                };
                return Err(Trap::Runtime(format!(
                    "interface conversion: {} is {}, not {}",
                    iname, have, want
                )));
            }
        }
        Op::IfaceType { dst, src } => {
            let it = rd(vm, fr, src)?;
            let v = if it == 0 {
                0
            } else {
                crate::iface::dyn_rtype(vm, it)
                    .map(|r| r as u64 + 1)
                    .unwrap_or(0)
            };
            wr(vm, fr, dst, v)?;
        }
        Op::IfaceEq { dst, a, b, ne } => {
            let eq = crate::iface::iface_eq(vm, prog, fp + a as u64, fp + b as u64)?;
            wr(vm, fr, dst, (eq != ne) as u64)?;
        }
        Op::MemEq {
            dst,
            a,
            b,
            rtype,
            ne,
        } => {
            let eq = crate::iface::values_eq(vm, prog, rtype, fp + a as u64, fp + b as u64)?;
            wr(vm, fr, dst, (eq != ne) as u64)?;
        }
        Op::MakeMap { dst, rtype, hint } => {
            let h = opt(vm, fr, hint)?.unwrap_or(0);
            let m = crate::maps::make_map(vm, prog, rtype, h)?;
            wr(vm, fr, dst, m)?;
        }
        Op::MapGet {
            dst,
            m,
            key,
            ok,
            vsize,
        } => {
            let mp = rd(vm, fr, m)?;
            let found = crate::maps::get(vm, prog, mp, fp + key as u64)?;
            match found {
                Some(slot) => {
                    if vsize > 0 {
                        vm.heap.copy(fp + dst as u64, slot, vsize as usize)?;
                    }
                }
                None => {
                    if vsize > 0 {
                        vm.heap.fill_zero(fp + dst as u64, vsize as usize)?;
                    }
                }
            }
            if let Some(ok) = ok {
                wr(vm, fr, ok, found.is_some() as u64)?;
            }
        }
        Op::MapSlot { dst, m, key } => {
            let slot = crate::maps::slot(vm, prog, fp + m as u64, fp + key as u64)?;
            wr(vm, fr, dst, slot)?;
        }
        Op::MapDelete { m, key } => {
            let mp = rd(vm, fr, m)?;
            crate::maps::delete(vm, prog, mp, fp + key as u64)?;
        }
        Op::MapLen { dst, m } => {
            let mp = rd(vm, fr, m)?;
            let n = if mp == 0 { 0 } else { vm.heap.read_u64(mp)? };
            wr(vm, fr, dst, n)?;
        }
        Op::MapClear { m } => {
            let mp = rd(vm, fr, m)?;
            crate::maps::clear(vm, mp)?;
        }
        Op::MapIterInit { it, m } => {
            let mp = rd(vm, fr, m)?;
            let entries = if mp == 0 {
                0
            } else {
                vm.heap.read_u64(mp + 8)?
            };
            wr(vm, fr, it, mp)?;
            wr(vm, fr, it + 8, entries)?;
            wr(vm, fr, it + 16, 0)?;
        }
        Op::MapIterNext { it, key, val, done } => {
            if !crate::maps::iter_next(vm, prog, fp + it as u64, fp, key, val)? {
                return Ok(Some(done));
            }
        }
        Op::LoadGlobal { dst, off, size } => {
            vm.heap
                .copy(fp + dst as u64, vm.globals + off as u64, size as usize)?;
        }
        Op::StoreGlobal { off, src, size, .. } => {
            vm.heap
                .copy(vm.globals + off as u64, fp + src as u64, size as usize)?;
        }
        Op::Print { src, rtype, flags } => {
            let mut s = String::new();
            if flags & 1 != 0 {
                s.push(' ');
            }
            if rtype != u32::MAX {
                s.push_str(&crate::print::print_value(
                    vm,
                    prog,
                    rtype,
                    fp + src as u64,
                )?);
            }
            if flags & 2 != 0 {
                s.push('\n');
            }
            vm.write_stderr(&s);
        }
        Op::UintptrToPtr { .. } | Op::UnsafeSlice { .. } => crate::unsafe_ops::exec(vm, op, fr)?,
        Op::Load { dst, ptr, off, w } => {
            let p = rd(vm, fr, ptr)?;
            let v = crate::interp::load_w(vm, p + off as u64, w)?;
            wr(vm, fr, dst, v)?;
        }
        _ => {
            return Err(Trap::Fatal(format!(
                "instruction not implemented: {:?}",
                op
            )))
        }
    }
    Ok(None)
}

/// Calls Go function `func` from a native function with the given parameter bytes, on the
/// stack above the native's frame, and returns its result bytes. The collector stays
/// inhibited (natives may hold addresses), and the nesting is bounded by how deeply natives
/// call back into Go (fmt calling String methods), not by Go recursion.
pub fn call_sync(vm: &mut Vm, func: u32, params: &[u8]) -> Result<Vec<u8>, Trap> {
    let prog = vm.prog.clone();
    if vm.frames.len() > 10_000 {
        return Err(Trap::StackOverflow);
    }
    let (cur, cur_fp, cur_kind, cur_pc) = (vm.cur_func, vm.cur_fp, vm.cur_kind, vm.cur_pc);
    let fsz = prog.funcs[cur as usize].frame_size as u64;
    let fp = cur_fp + fsz;
    let f = prog
        .funcs
        .get(func as usize)
        .ok_or(Trap::Fatal("bad function".into()))?;
    enter(vm, &prog, func, fp)?;
    let n = params.len().min(f.params_size as usize);
    vm.heap.write_bytes(fp, &params[..n])?;
    vm.frames.push(crate::frame::CallInfo {
        func: cur,
        pc: cur_pc as u32 + 1,
        fp: cur_fp,
        base: 0,
        kind: cur_kind,
    });
    let depth = vm.frames.len();
    vm.cur_kind = crate::frame::CallKind::Normal;
    let mut pos = crate::interp::Pos {
        func,
        pc: 0,
        fp,
        kind: crate::frame::CallKind::Normal,
    };
    let r = crate::interp::exec(vm, &prog, &mut pos, depth);
    vm.frames.truncate(depth - 1);
    vm.cur_func = cur;
    vm.cur_fp = cur_fp;
    vm.cur_kind = cur_kind;
    vm.cur_pc = cur_pc;
    r?;
    Ok(vm
        .heap
        .bytes(fp + f.results_off as u64, f.results_size as usize)?
        .to_vec())
}
