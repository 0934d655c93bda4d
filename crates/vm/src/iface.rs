//! Interfaces at run time: dynamic types, itabs for dynamic conversions, and Go's `==` on
//! interface and aggregate values.
//!
//! Invariant: an interface value is `{itab index + 1, data}` (itab 0 = nil interface); the
//! data word is the value itself for pointer-shaped types and a pointer to a boxed copy
//! otherwise. Itabs are created once per (dynamic type, interface type) and cached.

use crate::error::Trap;
use crate::frame::{rd, wr, Frame};
use crate::vm::Vm;
use gosub_bytecode::bytecode::{BoxKind, Op};
use gosub_bytecode::program::{Itab, Program, RKind};
use gosub_heap::Addr;

/// The dynamic type (rtype index) of a non-nil interface's itab word.
pub fn dyn_rtype(vm: &Vm, itab_word: u64) -> Option<u32> {
    vm.itabs
        .get((itab_word as usize).checked_sub(1)?)
        .map(|it| it.rtype)
}

/// Converts an interface with itab word `it` to interface type `iface`: returns the new
/// itab word, or None when the dynamic type does not implement it (`missing_method` says
/// why; computing that is left to the caller that reports it).
pub fn try_itab(vm: &mut Vm, prog: &Program, it: u64, iface: u32) -> Option<u64> {
    let rt = dyn_rtype(vm, it)?;
    let i = match vm.itab_cache.get(&(rt, iface)) {
        Some(&i) => i,
        None => {
            let funcs = method_table(prog, rt, iface);
            let idx = vm.itabs.len() as u32;
            vm.itabs.push(Itab {
                rtype: rt,
                iface,
                funcs,
            });
            vm.itab_cache.insert((rt, iface), idx);
            idx
        }
    };
    if vm.itabs[i as usize].funcs.contains(&u32::MAX) {
        None
    } else {
        Some(i as u64 + 1)
    }
}

/// Like `try_itab`, with the missing method's name as the error.
pub fn convert_itab(
    vm: &mut Vm,
    prog: &Program,
    it: u64,
    iface: u32,
) -> Result<u64, Option<String>> {
    match try_itab(vm, prog, it, iface) {
        Some(w) => Ok(w),
        None => Err(dyn_rtype(vm, it).and_then(|rt| missing(vm, prog, rt, iface))),
    }
}

/// The function of each interface method for dynamic type `rt` (u32::MAX where missing or
/// of another signature).
fn method_table(prog: &Program, rt: u32, iface: u32) -> Vec<u32> {
    let it = &prog.rtypes[iface as usize];
    let r = &prog.rtypes[rt as usize];
    it.iface_methods
        .iter()
        .zip(it.iface_sigs.iter())
        .map(|(n, sig)| {
            r.methods
                .iter()
                .zip(r.method_sigs.iter())
                .find(|((m, _), s)| m == n && *s == sig)
                .map(|((_, f), _)| *f)
                .unwrap_or(u32::MAX)
        })
        .collect()
}

fn missing(_vm: &Vm, prog: &Program, rt: u32, iface: u32) -> Option<String> {
    let funcs = method_table(prog, rt, iface);
    let i = funcs.iter().position(|&f| f == u32::MAX)?;
    prog.rtypes[iface as usize].iface_methods.get(i).cloned()
}

/// Go's `==` on two interface values stored at `a` and `b`.
pub fn iface_eq(vm: &Vm, prog: &Program, a: Addr, b: Addr) -> Result<bool, Trap> {
    equal(vm, prog, Cmp::Iface(a, b))
}

/// Go's `==` on two values of rtype `t` stored at `a` and `b`.
pub fn values_eq(vm: &Vm, prog: &Program, t: u32, a: Addr, b: Addr) -> Result<bool, Trap> {
    equal(vm, prog, Cmp::Val(t, a, b))
}

/// One pending comparison of `equal`.
enum Cmp {
    /// Two values of rtype `t` at `a` and `b`.
    Val(u32, Addr, Addr),
    /// Two interface values at `a` and `b`.
    Iface(Addr, Addr),
}

/// Compares with an explicit stack, not Rust recursion (values nest as deep as a program
/// builds them: `a = [1]any{a}` in a loop), visiting fields and elements in Go's order, so
/// the first difference, or the first uncomparable dynamic type, decides as in Go.
fn equal(vm: &Vm, prog: &Program, first: Cmp) -> Result<bool, Trap> {
    let mut work = vec![first];
    while let Some(c) = work.pop() {
        let (t, a, b) = match c {
            Cmp::Val(t, a, b) => (t, a, b),
            Cmp::Iface(a, b) => {
                let (ia, ib) = (vm.heap.read_u64(a)?, vm.heap.read_u64(b)?);
                if ia == 0 || ib == 0 {
                    if ia != ib {
                        return Ok(false);
                    }
                    continue;
                }
                let (ta, tb) = (dyn_rtype(vm, ia), dyn_rtype(vm, ib));
                if ta != tb {
                    return Ok(false);
                }
                let t = ta.unwrap_or(0);
                let rt = &prog.rtypes[t as usize];
                if !rt.comparable {
                    return Err(uncomparable(&rt.name));
                }
                let (da, db) = (vm.heap.read_u64(a + 8)?, vm.heap.read_u64(b + 8)?);
                if rt.direct {
                    if da != db {
                        return Ok(false);
                    }
                    continue;
                }
                (t, da, db)
            }
        };
        let rt = &prog.rtypes[t as usize];
        let same = match rt.kind {
            RKind::String => vm.read_string(a)? == vm.read_string(b)?,
            RKind::Float64 => vm.heap.read_f64(a)? == vm.heap.read_f64(b)?,
            RKind::Float32 => {
                f32::from_bits(vm.heap.read_u32(a)?) == f32::from_bits(vm.heap.read_u32(b)?)
            }
            RKind::Complex128 => {
                vm.heap.read_f64(a)? == vm.heap.read_f64(b)?
                    && vm.heap.read_f64(a + 8)? == vm.heap.read_f64(b + 8)?
            }
            RKind::Complex64 => {
                let part =
                    |x: Addr| -> Result<f32, Trap> { Ok(f32::from_bits(vm.heap.read_u32(x)?)) };
                part(a)? == part(b)? && part(a + 4)? == part(b + 4)?
            }
            RKind::Interface => {
                work.push(Cmp::Iface(a, b));
                true
            }
            RKind::Struct => {
                for f in rt.fields.iter().rev().filter(|f| f.name != "_") {
                    work.push(Cmp::Val(f.typ, a + f.offset, b + f.offset));
                }
                true
            }
            RKind::Array => {
                let es = prog.rtypes[rt.elem as usize].size;
                for i in (0..rt.len).rev() {
                    work.push(Cmp::Val(rt.elem, a + i * es, b + i * es));
                }
                true
            }
            RKind::Slice | RKind::Map | RKind::Func => return Err(uncomparable(&rt.name)),
            _ => vm.heap.bytes(a, rt.size as usize)? == vm.heap.bytes(b, rt.size as usize)?,
        };
        if !same {
            return Ok(false);
        }
    }
    Ok(true)
}

fn uncomparable(name: &str) -> Trap {
    Trap::Runtime(format!("comparing uncomparable type {}", name))
}

/// The data word of a value of `size` bytes boxed as `kind` when it needs no box, from the
/// first word of its register (`w0`) and, for a string, its second (`w1`, the length):
/// the value itself for a pointer-shaped one, `zerobase` for a zero-size one, "" or a nil
/// slice, and a small value's slot of `staticuint64s` when its memory form (the low `size`
/// bytes of the register) is below 256, as `convT64` and friends do. None: it is boxed on
/// the heap.
#[inline(always)]
fn unboxed(vm: &Vm, kind: BoxKind, size: u32, w0: u64, w1: u64) -> Option<Addr> {
    match kind {
        BoxKind::Direct => Some(w0),
        BoxKind::Zero => Some(vm.zerobase),
        BoxKind::Small => {
            let v = w0 & (u64::MAX >> (64 - 8 * size.clamp(1, 8)));
            (v < 256).then(|| vm.staticuint64s + 8 * v)
        }
        BoxKind::String if w1 == 0 => Some(vm.zerobase),
        BoxKind::Slice if w0 == 0 => Some(vm.zerobase),
        _ => None,
    }
}

/// `MakeIface` when it cannot collect, for the dispatch loop to try before the general
/// path (`exec`, whose rules it keeps): a value that needs no box, or a copy of up to
/// three words in a new nursery object (`Vm::alloc_young`). Returns false, having done
/// nothing, for anything else (a narrow value of 256 or more, a larger value, a nursery
/// whose bump cannot serve it).
#[inline]
pub(crate) fn box_fast(vm: &mut Vm, fr: &Frame, op: &Op) -> bool {
    let Op::MakeIface {
        dst,
        src,
        itab,
        size,
        gcty,
        box_kind,
    } = *op
    else {
        return false;
    };
    let n = match box_kind {
        BoxKind::Zero => 0,
        BoxKind::Direct | BoxKind::Small => 1,
        _ if matches!(size, 8 | 16 | 24) => size as usize / 8,
        _ => return false,
    };
    // Every access below in the frame, so none can fail after the allocation.
    let in_frame = |r: u32, len: u64| r as u64 + len <= fr.size as u64;
    if !in_frame(src, 8 * n as u64) || !in_frame(dst, 16) {
        return false;
    }
    let mut words = [0u64; 3];
    for (k, w) in words.iter_mut().enumerate().take(n) {
        match rd(vm, fr, src + 8 * k as u32) {
            Ok(v) => *w = v,
            Err(_) => return false,
        }
    }
    let data = match unboxed(vm, box_kind, size, words[0], words[1]) {
        Some(a) => a,
        // A narrow value's register is wider than its memory form: left to `exec`.
        None if size % 8 != 0 => return false,
        None => {
            let Some(b) = vm.alloc_young(gcty) else {
                return false;
            };
            // The stores cannot fail (a new nursery object); were one to, the general path
            // would box the value again, leaving this object garbage.
            for (k, &w) in words.iter().enumerate().take(n) {
                if vm.heap.write_u64(b + 8 * k as u64, w).is_err() {
                    return false;
                }
            }
            b
        }
    };
    wr(vm, fr, dst, itab as u64 + 1).is_ok() && wr(vm, fr, dst + 8, data).is_ok()
}

/// Executes an interface instruction: boxing a value (`MakeIface`), interface-to-interface
/// conversion and assertion, type assertion, the dynamic type word, and `==`.
#[inline]
pub fn exec(vm: &mut Vm, prog: &Program, op: &Op, fr: &Frame) -> Result<(), Trap> {
    let fp = fr.fp;
    match *op {
        Op::MakeIface {
            dst,
            src,
            itab,
            size,
            gcty,
            box_kind,
        } => {
            let w0 = if box_kind == BoxKind::Zero {
                0
            } else {
                rd(vm, fr, src)?
            };
            let w1 = if box_kind == BoxKind::String {
                rd(vm, fr, src + 8)?
            } else {
                0
            };
            let data = match unboxed(vm, box_kind, size, w0, w1) {
                Some(a) => a,
                None => {
                    let b = vm.alloc(vm.gcty(gcty), 1)?;
                    if size > 0 {
                        vm.heap.copy(b, fp + src as u64, size as usize)?;
                    }
                    b
                }
            };
            wr(vm, fr, dst, itab as u64 + 1)?;
            wr(vm, fr, dst + 8, data)?;
        }
        Op::IfaceStatic { dst, itab, idx } => {
            let data = vm
                .static_boxes
                .get(idx as usize)
                .copied()
                .ok_or_else(|| Trap::Fatal("bad static box".into()))?;
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
                return Ok(());
            }
            let res = if it == 0 {
                None
            } else {
                try_itab(vm, prog, it, iface_ty)
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
                        convert_itab(vm, prog, it, iface_ty).err().flatten()
                    };
                    let tname = &prog.rtypes[iface_ty as usize].name;
                    return Err(if it == 0 {
                        Trap::Runtime(format!(
                            "interface conversion: interface is nil, not {}",
                            tname
                        ))
                    } else {
                        let dynt = dyn_rtype(vm, it)
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
            let dynt = if it == 0 { None } else { dyn_rtype(vm, it) };
            if dynt == Some(rtype) {
                if direct {
                    wr(vm, fr, dst, data)?;
                } else if size > 0 {
                    let signed = prog.rtypes[rtype as usize].kind.narrow_signed();
                    crate::frame::load_reg(vm, fp + dst as u64, data, size as u64, signed)?;
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
                dyn_rtype(vm, it).map(|r| r as u64 + 1).unwrap_or(0)
            };
            wr(vm, fr, dst, v)?;
        }
        Op::IfaceEq { dst, a, b, ne } => {
            let eq = iface_eq(vm, prog, fp + a as u64, fp + b as u64)?;
            wr(vm, fr, dst, (eq != ne) as u64)?;
        }
        Op::MemEq {
            dst,
            a,
            b,
            rtype,
            ne,
        } => {
            let eq = values_eq(vm, prog, rtype, fp + a as u64, fp + b as u64)?;
            wr(vm, fr, dst, (eq != ne) as u64)?;
        }
        _ => {
            return Err(Trap::Fatal(format!(
                "not an interface instruction: {:?}",
                op
            )))
        }
    }
    Ok(())
}

/// The conversion of an interface value whose itab is `it` (not 0) to interface type
/// `iface_ty` as the itab cache knows it: Some(Some(itab + 1)), Some(None) when the
/// dynamic type lacks a method, None when it is not cached (the dispatch loop decides).
#[inline]
pub(crate) fn cached_conversion(vm: &Vm, it: u64, iface_ty: u32) -> Option<Option<u64>> {
    let t = vm.itabs.get(it as usize - 1)?;
    let &i = vm.itab_cache.get(&(t.rtype, iface_ty))?;
    let nt = vm.itabs.get(i as usize)?;
    Some((!nt.funcs.contains(&u32::MAX)).then_some(i as u64 + 1))
}
