//! The inner loop: the instructions that touch only the running frame and the memory it reaches
//! without a call (arithmetic, moves, branches, fused forms, cached slice elements, loads and
//! stores of young, stack, old and large objects, `copy`, appends within capacity, nursery `new`,
//! itab-cached assertions), calls and ordinary returns, run by a small function that calls
//! nothing on its hot paths, so its few variables stay in machine registers. The dispatch loop
//! (`interp.rs`) enters it at every backward jump, call and return, and after a native, an
//! allocation or a map or string operation.
//!
//! Invariants:
//! - Every instruction runs here exactly as its arm in `interp.rs` would run it (same helpers
//!   from `access.rs` and `arith.rs`), or not at all: anything else, and anything that would
//!   fault, collect, call, trap or end the time slice, stops the loop *before* the instruction,
//!   which the dispatch loop then runs itself. So nothing here syncs the VM's position, reports
//!   an error, or needs to.
//! - It relies on the dispatch loop's invariants (`interp.rs`, verified at load): `ip` points at
//!   an instruction of the function whose code starts at `code`, every register operand lies in
//!   the frame at `fptr`, every jump target is an instruction, a fused form's tail follows it,
//!   and the load a fused back edge also runs stands at its target (`IncLoadJmpLt`, which
//!   runs there what the dispatch loop leaves to that instruction's own arm).

use crate::access::{
    aged_or_far_ptr, aged_ptr, cached_elem_ptr, enter_frame, fill_elem, move_n, move_words,
    read_narrow, read_words, return_results, write_elem, write_narrow, zero_words,
};
use crate::arith::{cmp_f, cmp_i, extend, f64_op, try_int_op as int_op};
use crate::dispatch_only::dispatch_only;
use crate::frame::{push_within_capacity, CallInfo, CallKind};
use crate::interp::NONE;
use crate::vm::Vm;
use gosub_bytecode::bytecode::CmpOp::{Ge, Gt, Le, Lt};
use gosub_bytecode::bytecode::{Conv, Op, Width};
use gosub_bytecode::program::Program;
use gosub_heap::Addr;

/// Where the inner loop is: the running function, the next instruction, and the frame's
/// VM and machine addresses.
#[derive(Clone, Copy)]
pub(crate) struct At {
    pub func: u32,
    pub ip: *const Op,
    pub fp: Addr,
    pub fptr: *mut u8,
}

/// Runs from `at` while the instructions are of the inner loop's kind, through calls and
/// returns; returns where it stopped: at the first instruction it did not run.
/// `stop_depth` is the dispatch loop's: a return to a depth below it is left to that loop.
///
/// # Safety
/// The dispatch loop's invariants hold for `at` (`interp.rs`), and `at.func` is a function
/// of `prog`, the running program.
#[inline(never)]
pub(crate) unsafe fn run(vm: &mut Vm, prog: &Program, at: At, stop_depth: usize) -> At {
    let (lib_funcs, own_funcs) = prog.funcs.parts();
    // Function `i` of the program (gosub_layered::Prefixed: the standard library's
    // functions a session shares, then its own).
    macro_rules! func_at {
        ($i:expr) => {{
            let i: usize = $i;
            match lib_funcs.get(i) {
                Some(f) => Some(&**f),
                None => own_funcs.get(i.wrapping_sub(lib_funcs.len())).map(|f| &**f),
            }
        }};
    }
    let At {
        mut func,
        mut ip,
        mut fp,
        mut fptr,
    } = at;
    let Some(mut f) = func_at!(func as usize) else {
        return at;
    };
    let mut code = f.code.as_ptr();
    // The time slice's countdown (`sched.rs`), written back when the loop stops.
    let mut tick = vm.sched.tick;
    macro_rules! rd {
        ($o:expr) => {
            // SAFETY: a register of a verified instruction, inside the frame at `fptr`.
            unsafe { (fptr.add($o as usize) as *const u64).read_unaligned() }
        };
    }
    macro_rules! rdf {
        ($o:expr) => {
            f64::from_bits(rd!($o))
        };
    }
    macro_rules! wr {
        ($o:expr, $v:expr) => {{
            let v: u64 = $v;
            // SAFETY: as for `rd!`.
            unsafe { (fptr.add($o as usize) as *mut u64).write_unaligned(v) }
        }};
    }
    // Not this one: the dispatch loop runs it.
    macro_rules! stop {
        () => {{
            vm.sched.tick = tick;
            return At { func, ip, fp, fptr };
        }};
    }
    // A jump to instruction `t`; a backward one spends a tick of the time slice, and the
    // last tick is left to the dispatch loop (it settles the slice's end).
    macro_rules! jump {
        ($t:expr $(, $then:block)?) => {{
            // SAFETY: verification proved every jump target an instruction of this code.
            let t = unsafe { code.add($t as usize) };
            if t <= ip {
                if tick <= 1 {
                    stop!();
                }
                tick -= 1;
            }
            ip = t;
            $($then)?
            continue;
        }};
    }
    macro_rules! jump_if {
        ($cond:expr, $t:expr) => {{
            if $cond {
                jump!($t)
            }
        }};
    }
    // On to a fused pair's second instruction (fused.rs `pair_halves`).
    macro_rules! to_second {
        () => {
            // SAFETY: a fused pair's second instruction follows it (verified).
            ip = unsafe { ip.add(1) }
        };
    }
    // A fused back edge: `i += step`, then jump if `i cmp n` (and run `then` there), else
    // past the jump.
    macro_rules! fused {
        ($i:expr, $step:expr, $cmp:tt, $rhs:expr, $t:expr $(, $then:block)?) => {{
            if tick <= 1 {
                stop!();
            }
            let v = rd!($i).wrapping_add($step);
            wr!($i, v);
            if (v as i64) $cmp ($rhs as i64) {
                jump!($t $(, $then)?)
            }
            // SAFETY: the fused jump follows `ip` (verified) and does not end the
            // function, so `ip + 2` is an instruction.
            ip = unsafe { ip.add(2) };
            continue;
        }};
    }
    // A machine pointer for `n` bytes at `a` in the used nursery or on the running stack
    // at or below this frame's end, where a store needs no write barrier; None elsewhere.
    macro_rules! young {
        ($a:expr, $n:expr) => {
            young!($a, $n, |_: &Vm, _, _| None)
        };
        ($a:expr, $n:expr, $else:expr) => {{
            let (a, n): (u64, u64) = ($a, $n);
            let rel = a.wrapping_sub(vm.stack.base);
            let span = fp + f.frame_size as u64 - vm.stack.base;
            match vm.heap.nursery_ptr(a, n) {
                Some(p) => Some(p),
                None if rel < span && n <= span - rel => {
                    Some(fptr.wrapping_offset(a.wrapping_sub(fp) as i64 as isize))
                }
                None => $else(&*vm, a, n),
            }
        }};
    }
    // `young!`, or in the survivor space or a live old-space span (`interp.rs`'s `direct!`,
    // same rules).
    macro_rules! direct {
        ($a:expr, $n:expr) => {
            young!($a, $n, aged_ptr)
        };
    }
    // `AddToMem`/`AddImmToMem` on a young or stack word (interp.rs `add_to_mem!`), or stop.
    macro_rules! add_to_mem {
        ($t1:expr, $t2:expr, $ptr:expr, $off:expr, $x:expr) => {{
            let Some(p) = direct!(rd!($ptr).wrapping_add($off as u64), 8) else {
                stop!();
            };
            // SAFETY: `direct!` returned a pointer valid for 8 bytes.
            wr!($t1, unsafe { (p as *const u64).read_unaligned() });
            wr!($t2, rd!($t1).wrapping_add($x));
            // SAFETY: as above; no write barrier for the nursery or a stack.
            let v = rd!($t2);
            unsafe { (p as *mut u64).write_unaligned(v) };
            // SAFETY: the tail (two instructions) follows (verified).
            ip = unsafe { ip.add(2) };
        }};
    }
    // `direct!`, or for a read also the statics, globals or a large object (one call).
    macro_rules! readable {
        ($a:expr, $n:expr) => {
            young!($a, $n, aged_or_far_ptr)
        };
    }
    // memmove of `n` bytes between two machine addresses (`young!`, `readable!`), or stop.
    macro_rules! memmove {
        ($d:expr, $s:expr, $n:expr) => {{
            let (Some(d), Some(s)) = ($d, $s) else {
                stop!();
            };
            // SAFETY: both pointers are valid for `$n` bytes; `copy` allows overlap.
            unsafe { std::ptr::copy(s as *const u8, d, $n as usize) };
        }};
    }
    // Element `i` of the slice at `s` (width `w`) from the element cache, or stop.
    macro_rules! elem {
        ($s:expr, $i:expr, $w:expr) => {{
            let w: Width = $w;
            let (idx, len) = (rd!($i), rd!($s + 8));
            if idx >= len {
                stop!();
            }
            let (base, n) = (rd!($s), w.bytes() as u64);
            let a = base + idx * n;
            match cached_elem_ptr(vm, a, w.bytes()) {
                Some(p) => p,
                None => match fill_elem(vm, base, len * n, a, w.bytes()) {
                    Some(p) => p,
                    None => stop!(),
                },
            }
        }};
    }
    // The word element `i` of the slice at `s` into register `dst`, or stop (`elem!`).
    macro_rules! load_word {
        ($dst:expr, $s:expr, $i:expr) => {{
            let p = elem!($s, $i, Width::W64);
            // SAFETY: the element cache's pointer, which the heap validated.
            wr!($dst, unsafe { (p as *const u64).read_unaligned() });
        }};
    }
    // Enters `callee` as the dispatch loop's `call_into!` does, or stops when that loop
    // must: the stack or the call records must grow, the time slice ends, or a dynamic
    // call's arguments lie outside the frame.
    macro_rules! enter {
        ($callee:expr, $base:expr, $ctx:expr, $dynamic:expr, $in_place:expr) => {{
            let (callee, base, ctx): (u32, u32, Option<u64>) = ($callee, $base, $ctx);
            let Some(cf) = func_at!(callee as usize) else {
                stop!();
            };
            let at = if $in_place { base } else { f.frame_size };
            let new_fp = fp + at as u64;
            if new_fp + cf.frame_size as u64 + 64 > vm.stack_guard
                || tick <= 1
                || vm.frames.len() == vm.frames.capacity()
                || ($dynamic && base as u64 + cf.params_size as u64 > f.frame_size as u64 + 8)
            {
                stop!();
            }
            // SAFETY: as in `call_into!`: the callee's frame fits the stack mapping (checked
            // against the guard above) and the argument region lies in this frame.
            let nptr = unsafe { fptr.add(at as usize) };
            unsafe { enter_frame(fptr.add(base as usize), nptr, cf, $in_place, ctx) };
            // SAFETY: `ip` is inside this function's code.
            let pc = unsafe { ip.offset_from(code) } as u32 + 1;
            let kind = vm.cur_kind;
            let ci = CallInfo {
                func,
                pc,
                fp,
                base,
                kind,
            };
            // SAFETY: below capacity (checked above, and nothing since touched the vector).
            unsafe { push_within_capacity(&mut vm.frames, ci) };
            vm.cur_kind = CallKind::Normal;
            tick -= 1;
            func = callee;
            f = cf;
            code = f.code.as_ptr();
            fp = new_fp;
            fptr = nptr;
            ip = code;
            continue;
        }};
    }

    // Returns to the caller as the dispatch loop's return does, or stops when that loop
    // must (a deferred call, a return out of this activation or from a deferred call).
    macro_rules! ret {
        () => {{
            if f.defer_off.is_some_and(|d| rd!(d) != 0) {
                stop!();
            }
            let n = vm.frames.len();
            if n <= stop_depth || vm.cur_kind != CallKind::Normal {
                stop!();
            }
            // SAFETY: `n > stop_depth >= 0`, so `n - 1` is a record of the vector.
            let ci = unsafe { *vm.frames.as_ptr().add(n - 1) };
            let Some(cf) = func_at!(ci.func as usize) else {
                stop!();
            };
            if ci.pc as usize >= cf.code.len() || ci.fp > fp {
                stop!();
            }
            // SAFETY: shortening a vector of `Copy` records, `n >= 1`.
            unsafe { vm.frames.set_len(n - 1) };
            // SAFETY: the caller's frame starts at or below this one on the same stack
            // mapping (checked above).
            let cptr = unsafe { fptr.sub((fp - ci.fp) as usize) };
            if f.results_size > 0 && ci.fp + ci.base as u64 != fp {
                // SAFETY: as in the dispatch loop's return: results lie in this frame,
                // the destination is the caller's argument region, and they do not
                // overlap (the callee was not called in place).
                unsafe { return_results(fptr, cptr, ci.base, f) }
            }
            vm.cur_kind = ci.kind;
            func = ci.func;
            f = cf;
            code = f.code.as_ptr();
            // SAFETY: `ci.pc < code.len()` (checked above).
            ip = unsafe { code.add(ci.pc as usize) };
            fp = ci.fp;
            fptr = cptr;
            continue;
        }};
    }

    loop {
        // SAFETY: `ip` points at an instruction (module invariants).
        let op = unsafe { &*ip };
        match *op {
            Op::Nop => {}
            Op::Const { dst, val } => wr!(dst, val),
            Op::Move { dst, src } => wr!(dst, rd!(src)),
            // SAFETY: both ranges lie in the frame (verified).
            Op::MoveN { dst, src, size } => unsafe { move_n(fptr, dst, src, size) },
            // SAFETY: the range lies in the frame (verified).
            Op::Zero { dst, size } => unsafe { zero_words(fptr.add(dst as usize), size as usize) },
            Op::StoreN {
                ptr,
                off,
                src,
                size,
                ..
            } => {
                // Into a young object or a stack frame only: those need no write barrier
                // whatever the words hold (interp.rs `direct!`).
                let p = rd!(ptr);
                if p < 4096 {
                    stop!();
                }
                let Some(q) = young!(p.wrapping_add(off as u64), size as u64) else {
                    stop!();
                };
                // SAFETY: `young!` returned a pointer valid for `size` bytes, the source
                // lies in the frame (verified), and `move_words` allows overlap.
                unsafe { move_words(fptr.add(src as usize), q, size as usize) }
            }
            Op::AddrLocal { dst, src } => wr!(dst, fp + src as u64),
            Op::Str { dst, idx } => {
                let Some(&(p, n)) = vm.strings.get(idx as usize) else {
                    stop!();
                };
                wr!(dst, p);
                wr!(dst + 8, n);
            }
            Op::Ext { dst, src, w } => {
                // SAFETY: a narrow read at a verified frame offset.
                let raw = unsafe { read_narrow(fptr.add(src as usize), w.bytes()) };
                wr!(dst, extend(raw, w));
            }
            Op::NilCheck { ptr } => {
                if rd!(ptr) == 0 {
                    stop!();
                }
            }
            Op::LoadCapture { dst, index } => {
                let Some(c) = f.ctx_off else {
                    stop!();
                };
                let Some(p) = direct!(rd!(c).wrapping_add(8 + 8 * index as u64), 8) else {
                    stop!();
                };
                // SAFETY: `direct!` returned a pointer valid for 8 bytes.
                wr!(dst, unsafe { (p as *const u64).read_unaligned() });
            }
            Op::ArrayElemAddr {
                dst,
                ptr,
                i,
                len,
                size,
            } => {
                let idx = rd!(i);
                if idx >= len {
                    stop!();
                }
                wr!(dst, rd!(ptr) + idx * size as u64);
            }
            Op::StrSlice { dst, s, lo, hi } => {
                let len = rd!(s + 8);
                let l = if lo == NONE { 0 } else { rd!(lo) };
                let h = if hi == NONE { len } else { rd!(hi) };
                if h > len || l > h {
                    stop!();
                }
                let p = if h == l { 0 } else { rd!(s) + l };
                wr!(dst, p);
                wr!(dst + 8, h - l);
            }
            Op::FieldAddr { dst, ptr, off } => {
                let p = rd!(ptr);
                if p == 0 {
                    stop!();
                }
                wr!(dst, p + off as u64);
            }
            Op::AddInt { dst, a, b } => wr!(dst, rd!(a).wrapping_add(rd!(b))),
            Op::SubInt { dst, a, b } => wr!(dst, rd!(a).wrapping_sub(rd!(b))),
            Op::MulInt { dst, a, b } => wr!(dst, rd!(a).wrapping_mul(rd!(b))),
            Op::AddIntImm { dst, a, imm } => wr!(dst, rd!(a).wrapping_add(imm as u64)),
            Op::IntImm { op, dst, a, imm } => match int_op(op, rd!(a), imm as u64) {
                Some(v) => wr!(dst, v),
                None => stop!(),
            },
            Op::Int { op, dst, a, b } => match int_op(op, rd!(a), rd!(b)) {
                Some(v) => wr!(dst, v),
                None => stop!(),
            },
            Op::Neg { dst, a } => wr!(dst, (rd!(a) as i64).wrapping_neg() as u64),
            Op::Not { dst, a } => wr!(dst, !rd!(a)),
            Op::BNot { dst, a } => wr!(dst, (rd!(a) == 0) as u64),
            Op::Cmp { op, dst, a, b } => wr!(dst, cmp_i(op, rd!(a), rd!(b)) as u64),
            Op::CmpImm { op, dst, a, imm } => wr!(dst, cmp_i(op, rd!(a), imm as u64) as u64),
            Op::AddF64 { dst, a, b } => wr!(dst, (rdf!(a) + rdf!(b)).to_bits()),
            Op::SubF64 { dst, a, b } => wr!(dst, (rdf!(a) - rdf!(b)).to_bits()),
            Op::MulF64 { dst, a, b } => wr!(dst, (rdf!(a) * rdf!(b)).to_bits()),
            Op::DivF64 { dst, a, b } => wr!(dst, (rdf!(a) / rdf!(b)).to_bits()),
            Op::F64 { op, dst, a, b } => {
                wr!(dst, f64_op(op, rdf!(a), rdf!(b)).to_bits());
            }
            Op::NegF64 { dst, a } => wr!(dst, (-rdf!(a)).to_bits()),
            Op::CmpF64 { op, dst, a, b } => wr!(dst, cmp_f(op, rdf!(a), rdf!(b)) as u64),
            Op::Conv {
                conv: Conv::IntToF64,
                dst,
                a,
            } => wr!(dst, (rd!(a) as i64 as f64).to_bits()),
            Op::MulAddF64 { t, a, b, d, x, y } => {
                // The product is passed on in a machine register, not reloaded from the
                // frame (a store-to-load round trip on the loop's critical path).
                let p = rdf!(a) * rdf!(b);
                wr!(t, p.to_bits());
                let (x, y) = (
                    if x == t { p } else { rdf!(x) },
                    if y == t { p } else { rdf!(y) },
                );
                wr!(d, (x + y).to_bits());
                to_second!();
            }
            Op::Jmp { target } => jump!(target),
            Op::JmpIf { cond, target } => jump_if!(rd!(cond) != 0, target),
            Op::JmpIfNot { cond, target } => jump_if!(rd!(cond) == 0, target),
            Op::JmpNotLtF64 { a, b, target } => jump_if!(!cmp_f(Lt, rdf!(a), rdf!(b)), target),
            Op::JmpNotLeF64 { a, b, target } => jump_if!(!cmp_f(Le, rdf!(a), rdf!(b)), target),
            Op::JmpNotGtF64 { a, b, target } => jump_if!(!cmp_f(Gt, rdf!(a), rdf!(b)), target),
            Op::JmpNotGeF64 { a, b, target } => jump_if!(!cmp_f(Ge, rdf!(a), rdf!(b)), target),
            Op::JmpCmpF64Not { op, a, b, target } => {
                jump_if!(!cmp_f(op, rdf!(a), rdf!(b)), target)
            }
            Op::JmpCmpNot { op, a, b, target } => jump_if!(!cmp_i(op, rd!(a), rd!(b)), target),
            Op::JmpCmpImmNot { op, a, imm, target } => {
                jump_if!(!cmp_i(op, rd!(a), imm as u64), target)
            }
            Op::JmpLt { a, b, target } => jump_if!((rd!(a) as i64) < rd!(b) as i64, target),
            Op::JmpLe { a, b, target } => jump_if!(rd!(a) as i64 <= rd!(b) as i64, target),
            Op::JmpGt { a, b, target } => jump_if!(rd!(a) as i64 > rd!(b) as i64, target),
            Op::JmpGe { a, b, target } => jump_if!(rd!(a) as i64 >= rd!(b) as i64, target),
            Op::JmpEq { a, b, target } => jump_if!(rd!(a) == rd!(b), target),
            Op::JmpNe { a, b, target } => jump_if!(rd!(a) != rd!(b), target),
            Op::JmpLtImm { a, imm, target } => jump_if!((rd!(a) as i64) < imm, target),
            Op::JmpLeImm { a, imm, target } => jump_if!(rd!(a) as i64 <= imm, target),
            Op::JmpGtImm { a, imm, target } => jump_if!(rd!(a) as i64 > imm, target),
            Op::JmpGeImm { a, imm, target } => jump_if!(rd!(a) as i64 >= imm, target),
            Op::JmpEqImm { a, imm, target } => jump_if!(rd!(a) as i64 == imm, target),
            Op::JmpNeImm { a, imm, target } => jump_if!(rd!(a) as i64 != imm, target),
            Op::IncJmpLt { i, n, imm, target } => fused!(i, imm as u64, <, rd!(n), target),
            // Then the word load at its target (fused.rs `at_target`), or a stop before it.
            Op::IncLoadJmpLt(i, m, n, target, dst, s) => fused!(i, m as u64, <, rd!(n), target, {
                load_word!(dst, s, i);
                // SAFETY: the load does not end the function (verified).
                ip = unsafe { ip.add(1) };
            }),
            Op::IncJmpLe { i, n, imm, target } => fused!(i, imm as u64, <=, rd!(n), target),
            Op::AddJmpLt { i, step, n, target } => fused!(i, rd!(step), <, rd!(n), target),
            Op::AddJmpLe { i, step, n, target } => fused!(i, rd!(step), <=, rd!(n), target),
            Op::IncJmpLtImm {
                i,
                imm,
                bound,
                target,
            } => fused!(i, imm as u64, <, bound as u64, target),
            // Word-sized elements first: the same code with the width a constant.
            Op::LoadElem {
                dst,
                s,
                i,
                w: Width::W64,
            } => load_word!(dst, s, i),
            Op::StoreElem {
                s,
                i,
                src,
                w: Width::W64,
            } => {
                let p = elem!(s, i, Width::W64);
                let v = rd!(src);
                // SAFETY: as for `LoadElem`; no write barrier (as below).
                unsafe { (p as *mut u64).write_unaligned(v) };
            }
            // Bytes and bools next, also with a constant width.
            Op::LoadElem {
                dst,
                s,
                i,
                w: w @ (Width::U8 | Width::I8),
            } => {
                let p = elem!(s, i, Width::U8);
                // SAFETY: the element cache's pointer, which the heap validated.
                wr!(dst, extend(unsafe { *p } as u64, w));
            }
            Op::StoreElem {
                s,
                i,
                src,
                w: Width::U8 | Width::I8,
            } => {
                let p = elem!(s, i, Width::U8);
                let v = rd!(src);
                // SAFETY: as above; no write barrier (as below).
                unsafe { *p = v as u8 };
            }
            Op::LoadElem { dst, s, i, w } => {
                let p = elem!(s, i, w);
                // SAFETY: the element cache's pointer, which the heap validated.
                wr!(dst, extend(unsafe { read_narrow(p, w.bytes()) }, w));
            }
            Op::StoreElem { s, i, src, w } => {
                let p = elem!(s, i, w);
                // SAFETY: as for `LoadElem`; StoreElem's elements hold no pointers, so no
                // write barrier (interp.rs `store_elem!`).
                let v = rd!(src);
                unsafe { write_narrow(p, w.bytes(), v) };
            }
            Op::StrIndex { dst, s, i } => {
                let (idx, len) = (rd!(i), rd!(s + 8));
                if idx >= len {
                    stop!();
                }
                let base = rd!(s);
                let p = match cached_elem_ptr(vm, base + idx, 1) {
                    Some(p) => p,
                    None => match fill_elem(vm, base, len, base + idx, 1) {
                        Some(p) => p,
                        None => stop!(),
                    },
                };
                // SAFETY: the element cache's pointer, which the heap validated.
                wr!(dst, unsafe { *p } as u64);
            }
            Op::LoadN {
                dst,
                ptr,
                off,
                size,
            } => {
                let p = rd!(ptr);
                if p < 4096 {
                    stop!();
                }
                let Some(q) = readable!(p.wrapping_add(off as u64), size as u64) else {
                    stop!();
                };
                // SAFETY: `readable!` returned a pointer valid for `size` bytes, the
                // destination lies in the frame (verified), and `move_words` allows overlap.
                unsafe { move_words(q, fptr.add(dst as usize), size as usize) }
            }
            Op::AddToMem {
                t1,
                t2,
                ptr,
                off,
                x,
            } => add_to_mem!(t1, t2, ptr, off, rd!(x)),
            Op::AddImmToMem {
                t1,
                t2,
                ptr,
                off,
                imm,
            } => add_to_mem!(t1, t2, ptr, off, imm as u64),
            Op::SliceElemAddr { dst, s, i, size } => {
                let (idx, len) = (rd!(i), rd!(s + 8));
                if idx >= len {
                    stop!();
                }
                wr!(dst, rd!(s) + idx * size as u64);
            }
            Op::Load { dst, ptr, off, w } => {
                match readable!(rd!(ptr).wrapping_add(off as u64), w.bytes() as u64) {
                    // SAFETY: `readable!` returned a pointer valid for `w.bytes()` bytes.
                    Some(p) => wr!(dst, extend(unsafe { read_narrow(p, w.bytes()) }, w)),
                    None => stop!(),
                }
            }
            Op::Store { ptr, off, src, w } => {
                match direct!(rd!(ptr).wrapping_add(off as u64), w.bytes() as u64) {
                    // SAFETY: as for `Load`; a non-pointer store needs no write barrier
                    // (interp.rs `direct!`).
                    Some(p) => {
                        let v = rd!(src);
                        unsafe { write_narrow(p, w.bytes(), v) }
                    }
                    None => stop!(),
                }
            }
            // Fused pairs (fused.rs `pair_halves`): the first, then `ip` at the second, which
            // a stop leaves to the dispatch loop alone.
            Op::Load2(d1, p1, o1, d2, p2, o2) => {
                for (k, (d, p, o)) in [(d1, p1, o1), (d2, p2, o2)].into_iter().enumerate() {
                    let Some(q) = readable!(rd!(p).wrapping_add(o as u64), 8) else {
                        stop!();
                    };
                    // SAFETY: `direct!` returned a pointer valid for 8 bytes.
                    wr!(d, unsafe { (q as *const u64).read_unaligned() });
                    if k == 0 {
                        to_second!();
                    }
                }
            }
            Op::Store2(p1, o1, s1, p2, o2, s2) => {
                for (k, (p, o, src)) in [(p1, o1, s1), (p2, o2, s2)].into_iter().enumerate() {
                    let Some(q) = direct!(rd!(p).wrapping_add(o as u64), 8) else {
                        stop!();
                    };
                    let v = rd!(src);
                    // SAFETY: as for `Load2`; non-pointer data, no write barrier (`direct!`).
                    unsafe { (q as *mut u64).write_unaligned(v) };
                    if k == 0 {
                        to_second!();
                    }
                }
            }
            Op::LoadElem2(d1, s1, i1, d2, s2, i2) => {
                load_word!(d1, s1, i1);
                to_second!();
                load_word!(d2, s2, i2);
            }
            Op::StoreElem2(s1, i1, v1, s2, i2, v2) => {
                let (p, v) = (elem!(s1, i1, Width::W64), rd!(v1));
                // SAFETY: as for `StoreElem`; no write barrier (as there).
                unsafe { (p as *mut u64).write_unaligned(v) };
                to_second!();
                let (p, v) = (elem!(s2, i2, Width::W64), rd!(v2));
                // SAFETY: as above. (Its operands were read after the first store, as unfused.)
                unsafe { (p as *mut u64).write_unaligned(v) };
            }
            Op::SliceElemAddr2(d1, s1, i1, z1, d2, s2, i2, z2) => {
                for (k, (d, s, i, z)) in
                    [(d1, s1, i1, z1), (d2, s2, i2, z2)].into_iter().enumerate()
                {
                    let (idx, len) = (rd!(i), rd!(s + 8));
                    if idx >= len {
                        stop!();
                    }
                    wr!(d, rd!(s) + idx * u64::from(z));
                    if k == 0 {
                        to_second!();
                    }
                }
            }
            Op::AddIntImm2(d1, a1, m1, d2, a2, m2) => {
                wr!(d1, rd!(a1).wrapping_add(m1 as i64 as u64));
                wr!(d2, rd!(a2).wrapping_add(m2 as i64 as u64));
                to_second!();
            }
            Op::Move2(d1, s1, d2, s2) => {
                wr!(d1, rd!(s1));
                wr!(d2, rd!(s2));
                to_second!();
            }
            Op::AddAddImm(d1, a, b, d2, x, m) => {
                // The first result passed on in a register (as in `MulAddF64`).
                let v = rd!(a).wrapping_add(rd!(b));
                wr!(d1, v);
                let x = if x == d1 { v } else { rd!(x) };
                wr!(d2, x.wrapping_add(m as i64 as u64));
                to_second!();
            }
            Op::MulIntImm(d1, a, b, op, d2, x, m) => {
                // The first result passed on in a register (as in `MulAddF64`).
                let v = rd!(a).wrapping_mul(rd!(b));
                wr!(d1, v);
                to_second!();
                let x = if x == d1 { v } else { rd!(x) };
                match int_op(op, x, m as i64 as u64) {
                    Some(v) => wr!(d2, v),
                    None => stop!(),
                }
            }
            Op::F64Pair(o1, d1, a, b, o2, d2, x, y) => {
                // The first result passed on in a register (as in `MulAddF64`).
                let v = f64_op(o1, rdf!(a), rdf!(b));
                wr!(d1, v.to_bits());
                let (x, y) = (
                    if x == d1 { v } else { rdf!(x) },
                    if y == d1 { v } else { rdf!(y) },
                );
                wr!(d2, f64_op(o2, x, y).to_bits());
                to_second!();
            }
            Op::MoveJmp(dst, src, target) => {
                wr!(dst, rd!(src));
                to_second!();
                jump!(target)
            }
            Op::F64JmpNot(o, d, a, b, cmp, x, y, target) => {
                // The result passed on in a register (as in `MulAddF64`).
                let v = f64_op(o, rdf!(a), rdf!(b));
                wr!(d, v.to_bits());
                let (x, y) = (
                    if x == d { v } else { rdf!(x) },
                    if y == d { v } else { rdf!(y) },
                );
                to_second!();
                jump_if!(!cmp_f(cmp, x, y), target)
            }
            Op::F64Store(o, d, a, b, ptr, off) => {
                let v = f64_op(o, rdf!(a), rdf!(b)).to_bits();
                wr!(d, v);
                to_second!();
                match direct!(rd!(ptr).wrapping_add(off as u64), 8) {
                    // SAFETY: as for `Store`; non-pointer data, no write barrier (`direct!`).
                    Some(q) => unsafe { (q as *mut u64).write_unaligned(v) },
                    None => stop!(),
                }
            }
            Op::Inc2JmpLt(i, m, j, n, a, b, target) => {
                wr!(i, rd!(i).wrapping_add(m as i64 as u64));
                wr!(j, rd!(j).wrapping_add(n as i64 as u64));
                // SAFETY: the tail (two instructions) follows (verified).
                ip = unsafe { ip.add(2) };
                jump_if!((rd!(a) as i64) < rd!(b) as i64, target)
            }
            Op::ConvDivF64(d1, a, d2, x, y) => {
                // The converted value passed on in a register (as in `MulAddF64`).
                let c = rd!(a) as i64 as f64;
                wr!(d1, c.to_bits());
                let (x, y) = (
                    if x == d1 { c } else { rdf!(x) },
                    if y == d1 { c } else { rdf!(y) },
                );
                wr!(d2, (x / y).to_bits());
                to_second!();
            }
            // Interface instructions that only read the itab table (iface.rs, same rules);
            // a failed assertion without `ok`, or anything new to the itab cache, stops.
            Op::IfaceType { dst, src } => match (rd!(src) as usize).checked_sub(1) {
                None => wr!(dst, 0),
                Some(i) => match vm.itabs.get(i) {
                    Some(t) => wr!(dst, t.rtype as u64 + 1),
                    None => stop!(),
                },
            },
            Op::AssertType {
                dst,
                src,
                rtype,
                size,
                direct,
                commaok,
                ..
            } => {
                let (it, data) = (rd!(src), rd!(src + 8));
                let dynt = (it as usize).checked_sub(1).and_then(|i| vm.itabs.get(i));
                let words = size.max(1).div_ceil(8);
                if dynt.is_some_and(|t| t.rtype == rtype) {
                    if direct {
                        wr!(dst, data);
                    } else if size > 0 {
                        if size % 8 != 0 || words > 3 {
                            stop!();
                        }
                        let Some(q) = readable!(data, size as u64) else {
                            stop!();
                        };
                        // All words read before any is written (the box may be in this
                        // frame: a stack box).
                        // SAFETY: `readable!` returned a pointer valid for `size` bytes.
                        let v = unsafe { read_words(q, words) };
                        for (k, x) in v.iter().enumerate().take(words as usize) {
                            wr!(dst + 8 * k as u32, *x);
                        }
                    }
                    if let Some(ok) = commaok {
                        wr!(ok, 1);
                    }
                } else {
                    let Some(ok) = commaok else {
                        stop!();
                    };
                    if words > 3 {
                        stop!();
                    }
                    for k in 0..words {
                        wr!(dst + 8 * k, 0);
                    }
                    wr!(ok, 0);
                }
            }
            Op::IfaceToIface {
                dst,
                src,
                iface_ty,
                commaok,
                assert,
            } => {
                let (it, data) = (rd!(src), rd!(src + 8));
                if it == 0 && !assert {
                    // A nil interface converts to nil.
                    wr!(dst, 0);
                    wr!(dst + 8, 0);
                    // SAFETY: not the last instruction (it does not end the function).
                    ip = unsafe { ip.add(1) };
                    continue;
                }
                let converted = match it {
                    0 => None,
                    _ => match crate::iface::cached_conversion(vm, it, iface_ty) {
                        Some(c) => c,
                        None => stop!(),
                    },
                };
                match (converted, commaok) {
                    (Some(nit), ok) => {
                        wr!(dst, nit);
                        wr!(dst + 8, data);
                        if let Some(ok) = ok {
                            wr!(ok, 1);
                        }
                    }
                    (None, Some(ok)) => {
                        wr!(dst, 0);
                        wr!(dst + 8, 0);
                        wr!(ok, 0);
                    }
                    (None, None) => stop!(),
                }
            }
            // One element appended within capacity (slices.rs, same rules), without a write
            // barrier: in the nursery or on the stack, or anywhere for a pointer-free type.
            Op::Append {
                dst,
                s,
                src,
                n: 1,
                elem_size,
                gcty,
                spread: false,
                ..
            } => {
                let (base, len, cap) = (rd!(s), rd!(s + 8), rd!(s + 16));
                let es = elem_size as u64;
                if len >= cap || !matches!(es, 1 | 2 | 4 | 8 | 16 | 24) {
                    stop!();
                }
                let a = base + len * es;
                let q = if vm.heap.has_pointers(vm.gcty(gcty)) {
                    young!(a, es)
                } else {
                    readable!(a, es)
                };
                let Some(q) = q else {
                    stop!();
                };
                // (The element's own words, proved in the frame; a narrow one reads `src` again.)
                let (a, b) = ((es >= 16) as u32, (es == 24) as u32);
                let w = [rd!(src), rd!(src + 8 * a), rd!(src + 16 * b)];
                // SAFETY: the pointer is valid for the element's `es` bytes.
                unsafe { write_elem(q, es, w) };
                wr!(dst, base);
                wr!(dst + 8, len + 1);
                wr!(dst + 16, cap);
            }
            Op::Call { func: callee, base } => enter!(callee, base, None, false, false),
            Op::CallInPlace { func: callee, base } => enter!(callee, base, None, false, true),
            Op::CallClosure { fv, base, .. } => {
                let clo = rd!(fv);
                if clo == 0 {
                    stop!();
                }
                // (A top-level function's closure is in the statics: `readable!`.)
                let Some(p) = readable!(clo, 8) else {
                    stop!();
                };
                // SAFETY: `readable!` returned a pointer valid for 8 bytes.
                let callee = unsafe { (p as *const u64).read_unaligned() };
                enter!(callee as u32, base, Some(clo), true, false)
            }
            Op::CallIface {
                iface, index, base, ..
            } => {
                let itab = rd!(iface);
                let callee = (itab as usize)
                    .checked_sub(1)
                    .and_then(|i| vm.itabs.get(i))
                    .and_then(|it| it.funcs.get(index as usize).copied());
                let Some(callee) = callee else {
                    stop!();
                };
                wr!(base, rd!(iface + 8));
                enter!(callee, base, None, true, false)
            }
            // An allocation that cannot collect (`Vm::alloc_young`).
            Op::New { dst, gcty, .. } => match vm.alloc_young(gcty) {
                Some(a) => wr!(dst, a),
                None => stop!(),
            },
            // `copy` into a young or stack array (no barrier: `young!`), as `slices.rs` does.
            Op::Copy {
                n,
                dst,
                src,
                elem_size,
                ..
            } => {
                let k = rd!(dst + 8).min(rd!(src + 8));
                let Some(bytes) = k.checked_mul(elem_size as u64).filter(|&b| b > 0) else {
                    stop!();
                };
                memmove!(young!(rd!(dst), bytes), readable!(rd!(src), bytes), bytes);
                wr!(n, k);
            }
            // `append(b, s...)` within capacity (slices.rs): bytes need no write barrier.
            Op::AppendStr { dst, s, str } => {
                let (base, len, cap, num) = (rd!(s), rd!(s + 8), rd!(s + 16), rd!(str + 8));
                match len.checked_add(num) {
                    Some(new_len) if new_len <= cap => {
                        if num > 0 {
                            memmove!(readable!(base + len, num), readable!(rd!(str), num), num);
                        }
                        wr!(dst, base);
                        wr!(dst + 8, new_len);
                        wr!(dst + 16, cap);
                    }
                    _ => stop!(),
                }
            }
            Op::Ret => ret!(),
            Op::MoveRet(dst, src) => {
                wr!(dst, rd!(src));
                to_second!();
                ret!()
            }
            Op::IntRet(op, dst, a, b) => match int_op(op, rd!(a), rd!(b)) {
                Some(v) => {
                    wr!(dst, v);
                    to_second!();
                    ret!()
                }
                None => stop!(),
            },
            Op::AddImmCall(dst, a, imm, callee, base) => {
                wr!(dst, rd!(a).wrapping_add(imm as i64 as u64));
                to_second!();
                enter!(callee, base, None, false, true)
            }
            // `StoreElem`, then the loop's step and back edge (bytes and words only: `fuse3`).
            Op::StoreAddJmpLe(s, i, src, w, j, step, n, target) => {
                let v = rd!(src);
                if w == Width::W64 {
                    let p = elem!(s, i, Width::W64);
                    // SAFETY: as for `StoreElem`, for the element's width.
                    unsafe { write_elem(p, 8, [v; 3]) }
                } else {
                    let p = elem!(s, i, Width::U8);
                    // SAFETY: as above.
                    unsafe { write_elem(p, 1, [v; 3]) }
                }
                to_second!();
                fused!(j, rd!(step), <=, rd!(n), target)
            }
            // Every other instruction (`dispatch_only.rs`).
            dispatch_only!() => stop!(),
        }
        // SAFETY: the instruction just run does not end the function (every one that can
        // is left to the dispatch loop), so the next index is an instruction.
        ip = unsafe { ip.add(1) };
    }
}
