//! The interpreter: one dispatch loop over the current function's instructions.
//!
//! Invariants: `fptr` is the machine address of the current frame (`fp`), valid for
//! `frame_size` bytes: a frame fits its goroutine's stack before it is entered, the stack
//! moves only in `stack::grow` (after which `fp` and `fptr` are read again), and `verify.rs`
//! proved at load time that every register operand of every instruction lies inside its
//! function's frame. Those two facts are what the `// SAFETY:`
//! comments on frame accesses rely on. The instruction pointer `ip` points into the current
//! function's code, or one past its end just after fetching the last instruction: `verify.rs`
//! proved that every jump lands on an instruction and that the last one does not fall
//! through (`Function`'s invariants), and positions that come from elsewhere (a saved
//! goroutine, a return address, an epilogue) are checked as they are entered (`goto!`).
//! Calls and returns switch `func`/`fp`/`ip` in place; nothing here recurses per Go call.

use crate::access::{
    elem_ptr, enter_frame, load_w, read_narrow, return_results, store_w, write_narrow,
};
use crate::arith::{cmp_f, cmp_i, extend, f64_op, int_op};
use crate::error::{index_err, Trap};
use crate::frame::{frame_ptr, CallInfo, CallKind};
use crate::stack::grow;
use crate::vm::Vm;
use gosub_bytecode::bytecode::CmpOp::{Ge, Gt, Le, Lt};
use gosub_bytecode::bytecode::{Conv, FloatOp, Function, IntOp, Op, Width};
use gosub_bytecode::program::Program;
use gosub_heap::Addr;
use std::sync::Arc;

pub const NONE: u32 = u32::MAX;

/// Where execution is.
#[derive(Clone, Copy, Debug)]
pub struct Pos {
    pub func: u32,
    pub pc: usize,
    pub fp: Addr,
    pub kind: CallKind,
}

/// Executes until the frame stack depth drops below `stop_depth` (the outermost frame of
/// this activation returns) or a trap occurs. `pos` always holds the current position.
pub fn exec(
    vm: &mut Vm,
    prog: &Arc<Program>,
    pos: &mut Pos,
    stop_depth: usize,
) -> Result<(), Trap> {
    let mut func = pos.func;
    // The current function (its code is `f.code`: one variable fewer for the loop to carry).
    let mut f: &Function = &prog.funcs[func as usize];
    let mut fp = pos.fp;
    let mut fptr = frame_ptr(vm, fp, f.frame_size)?;
    // The next instruction: always inside `code` or one past its end (after fetching the
    // last instruction, which verification proved does not fall through).
    let mut ip: *const Op;
    vm.cur_func = func;
    vm.cur_fp = fp;
    vm.cur_kind = pos.kind;

    macro_rules! rd {
        ($o:expr) => {
            // SAFETY: `$o` is a register of the current instruction, inside the frame (verified
            // at load); `fptr` points at the committed frame (module invariants).
            unsafe { (fptr.add($o as usize) as *const u64).read_unaligned() }
        };
    }
    macro_rules! wr {
        ($o:expr, $v:expr) => {{
            let v: u64 = $v;
            // SAFETY: as for `rd!`.
            unsafe { (fptr.add($o as usize) as *mut u64).write_unaligned(v) }
        }};
    }
    // The index of the next instruction.
    macro_rules! pc {
        () => {
            // SAFETY: `ip` points into `code` or one past its end (invariant above).
            unsafe { ip.offset_from(f.code.as_ptr()) as usize }
        };
    }
    macro_rules! sync {
        () => {
            let pc = pc!();
            pos.func = func;
            pos.pc = pc;
            pos.fp = fp;
            pos.kind = vm.cur_kind;
            vm.cur_func = func;
            vm.cur_fp = fp;
            vm.cur_pc = pc.saturating_sub(1);
        };
    }
    macro_rules! trap {
        ($e:expr) => {
            match $e {
                Ok(v) => v,
                Err(t) => {
                    sync!();
                    return Err(t.into());
                }
            }
        };
    }
    // Continues at instruction `t` of the current function (checked: `t` comes from a
    // saved position, not from a verified jump).
    macro_rules! goto {
        ($t:expr) => {{
            let t = $t as usize;
            if t >= f.code.len() {
                ip = f.code.as_ptr();
                sync!();
                return Err(Trap::Fatal("pc out of range".into()));
            }
            // SAFETY: `t < code.len()`.
            ip = unsafe { f.code.as_ptr().add(t) };
        }};
    }
    goto!(pos.pc);
    macro_rules! switch_to {
        ($nf:expr, $nfp:expr, $npc:expr) => {{
            let npc = $npc;
            func = $nf;
            f = &prog.funcs[func as usize];
            goto!(npc);
            fp = $nfp;
            vm.cur_func = func;
            vm.cur_fp = fp;
            fptr = trap!(frame_ptr(vm, fp, f.frame_size));
        }};
    }

    // One loop iteration or call: the only per-step bookkeeping on the hot path is this
    // countdown; fuel, interrupts and preemption are settled when it reaches zero.
    macro_rules! tick {
        () => {{
            vm.sched.tick -= 1;
            if vm.sched.tick == 0 {
                sync!();
                if let Some(t) = crate::sched::slice_end(vm) {
                    return Err(t);
                }
            }
        }};
    }

    // Continues in the inner loop as far as it can (fast_loop.rs), then here: at a loop's
    // back edge, on entering a function, on returning to one, and after an instruction
    // whose own cost dwarfs the entry (a native, an allocation, a map or string operation).
    macro_rules! fast {
        () => {{
            if vm.config.inner_loop {
                let at = crate::fast_loop::At { func, ip, fp, fptr };
                // SAFETY: this loop's invariants are the inner loop's requirements, and
                // `func` is a function of `prog`.
                let at = unsafe { crate::fast_loop::run(vm, prog, at, stop_depth) };
                if at.func != func {
                    func = at.func;
                    f = &prog.funcs[func as usize];
                }
                (ip, fp, fptr) = (at.ip, at.fp, at.fptr);
            }
        }};
    }
    // A jump; backward jumps (loops) burn one unit of fuel, so every run is bounded when
    // the host set a limit.
    macro_rules! jump {
        ($t:expr) => {{
            // SAFETY: verification proved every jump target lies inside the function.
            let t = unsafe { f.code.as_ptr().add($t as usize) };
            let backward = t < ip;
            ip = t;
            if backward {
                tick!();
                fast!();
            }
        }};
    }

    // A fused increment and back edge: `i += step`, then jump if `i cmp n`, or skip the
    // second half.
    macro_rules! fused {
        ($i:expr, $step:expr, $cmp:tt, $rhs:expr, $t:expr) => {{
            let v = rd!($i).wrapping_add($step);
            wr!($i, v);
            if (v as i64) $cmp ($rhs as i64) {
                jump!($t)
            } else {
                // SAFETY: `ip` is at the fused instruction's second half, a jump that does
                // not end the function (verify.rs), so one past it is an instruction.
                ip = unsafe { ip.add(1) };
            }
        }};
    }

    // The running frame, for the instructions executed outside this loop.
    macro_rules! frame {
        () => {
            crate::frame::Frame {
                fp,
                ptr: fptr,
                size: f.frame_size,
            }
        };
    }
    macro_rules! rdf {
        ($o:expr) => {
            f64::from_bits(rd!($o))
        };
    }
    macro_rules! jump_if {
        ($cond:expr, $t:expr) => {{
            if $cond {
                jump!($t)
            }
        }};
    }

    // A machine pointer for the `n` bytes at VM address `a` when they lie in the used
    // nursery (young objects), on this goroutine's stack at or below the end of this
    // frame (frame objects that escape analysis kept on the stack, this frame's or a
    // caller's), in the current survivor space or in a live old-space span
    // (`access::aged_ptr`), found without the heap's full region lookup;
    // None elsewhere. Stores through it run no write barrier: only non-pointer data is
    // stored this way (pointers go through `StorePtr`/`StoreN`).
    macro_rules! direct {
        ($a:expr, $n:expr) => {{
            let (a, n): (u64, u64) = ($a, $n);
            let rel = a.wrapping_sub(vm.stack.base);
            let span = fp + f.frame_size as u64 - vm.stack.base;
            match vm.heap.nursery_ptr(a, n) {
                Some(p) => Some(p),
                // SAFETY: `[a, a + n)` lies between the stack's base and the end of the
                // current frame: the frames there are committed on the one contiguous stack
                // mapping, and `fptr` maps `fp`.
                None if rel < span && n <= span - rel => {
                    Some(fptr.wrapping_offset(a.wrapping_sub(fp) as i64 as isize))
                }
                None => crate::access::aged_ptr(vm, a, n),
            }
        }};
    }
    // `AddToMem`/`AddImmToMem`: load the word at `ptr + off` into `t1`, `t2 = t1 + $x`
    // (`$x` read after `t1` is written), store `t2` back (fused.rs: `ptr` is neither).
    macro_rules! add_to_mem {
        ($t1:expr, $t2:expr, $ptr:expr, $off:expr, $x:expr) => {{
            let a = rd!($ptr).wrapping_add($off as u64);
            match direct!(a, 8) {
                // SAFETY: `direct!` returned a pointer valid for 8 bytes; the frame stores
                // in between do not move anything (a frame word aliasing it is simply
                // written in order, as the unfused code would).
                Some(p) => {
                    wr!($t1, unsafe { (p as *const u64).read_unaligned() });
                    wr!($t2, rd!($t1).wrapping_add($x));
                    let v = rd!($t2);
                    // SAFETY: as above.
                    unsafe { (p as *mut u64).write_unaligned(v) };
                    // SAFETY: the tail (two instructions) follows (verified).
                    ip = unsafe { ip.add(2) };
                }
                None => {
                    wr!($t1, trap!(load_w(vm, a, Width::W64)));
                    wr!($t2, rd!($t1).wrapping_add($x));
                    // SAFETY: the tail (two instructions) follows (verified).
                    ip = unsafe { ip.add(2) };
                    trap!(store_w(vm, a, rd!($t2), Width::W64));
                }
            }
        }};
    }
    // After the bounds check of `s[i]` (a slice at `s` of `w`-byte elements): the
    // backing array's address, its length in bytes and the element's address.
    macro_rules! elem_at {
        ($s:expr, $i:expr, $w:expr) => {{
            let (idx, len) = (rd!($i), rd!($s + 8));
            if idx >= len {
                sync!();
                return Err(index_err(idx, len));
            }
            let (base, n) = (rd!($s), $w.bytes() as u64);
            (base, len * n, base + idx * n)
        }};
    }
    // `s[i]` for a slice at `s` of elements of width `w` (non-pointer data).
    macro_rules! load_elem {
        ($dst:expr, $s:expr, $i:expr, $w:expr) => {{
            let w: Width = $w;
            let (base, span, a) = elem_at!($s, $i, w);
            match elem_ptr(vm, base, span, a, w.bytes()) {
                // SAFETY: `elem_ptr` returned a pointer into a range the heap validated
                // for this slice's backing array, valid until the next allocation.
                Some(p) => wr!($dst, extend(unsafe { read_narrow(p, w.bytes()) }, w)),
                None => wr!($dst, trap!(load_w(vm, a, w))),
            }
        }};
    }
    // `s[i] = v`, as `load_elem!`.
    macro_rules! store_elem {
        ($s:expr, $i:expr, $src:expr, $w:expr) => {{
            let w: Width = $w;
            let (base, span, a) = elem_at!($s, $i, w);
            // Element stores of non-pointer data need no write barrier (StoreElem is only
            // emitted for such elements), so the cached raw pointer may be used.
            match elem_ptr(vm, base, span, a, w.bytes()) {
                Some(p) => {
                    let v = rd!($src);
                    // SAFETY: as for `load_elem!`.
                    unsafe { write_narrow(p, w.bytes(), v) }
                }
                None => trap!(store_w(vm, a, rd!($src), w)),
            }
        }};
    }

    // Enters `callee` with its frame right after the current one: copies the parameters
    // from the argument region at `base`, zeroes results and pointer words, stores the
    // closure context. `$in_place`: the frame starts at the argument region itself, which
    // already holds the parameters (gosub_bytecode::in_place).
    macro_rules! call_into {
        ($callee:expr, $base:expr, $ctx:expr, $dynamic:expr, $in_place:expr) => {{
            let callee: u32 = $callee;
            // Every caller proved `callee` a function index: a static call's at load
            // (verify.rs), a closure's or interface's just before.
            let Some(cf) = prog.funcs.get(callee as usize) else {
                sync!();
                return Err(Trap::Fatal("bad function".into()));
            };
            let at = if $in_place { $base } else { f.frame_size };
            let new_fp = fp + at as u64;
            let end = new_fp + cf.frame_size as u64 + 64;
            if end > vm.stack_guard {
                sync!();
                let old = vm.stack;
                trap!(grow(vm, end));
                if vm.stack != old {
                    // The stack moved: run this call instruction again from the moved
                    // frame (its operands, a closure on the stack too, are read again).
                    fp = vm.cur_fp;
                    fptr = trap!(frame_ptr(vm, fp, f.frame_size));
                    // SAFETY: the call instruction was just fetched from `ip - 1`.
                    ip = unsafe { ip.sub(1) };
                    continue;
                }
            }
            // A static call's argument region was checked at load (verify.rs).
            if $dynamic && $base as u64 + cf.params_size as u64 > f.frame_size as u64 + 8 {
                sync!();
                return Err(Trap::Fatal("call argument region outside frame".into()));
            }
            // SAFETY: the goroutine stack is one contiguous mapping, accessible up to
            // `stack_guard` (checked above), and the callee's frame starts where the
            // current frame ends or at the argument region, inside the current frame, so
            // `nptr` is valid for the callee's `frame_size` bytes; the argument region lies
            // inside the current frame (checked above, or verified for a static call).
            let nptr = unsafe { fptr.add(at as usize) };
            unsafe { enter_frame(fptr.add($base as usize), nptr, cf, $in_place, $ctx) };
            vm.frames.push(CallInfo {
                func,
                pc: pc!() as u32,
                fp,
                base: $base,
                kind: vm.cur_kind,
            });
            vm.cur_kind = CallKind::Normal;
            func = callee;
            f = cf;
            fp = new_fp;
            fptr = nptr;
            // Verification proved every function's code non-empty. (`vm.cur_func`/`cur_fp`
            // are left stale: whatever reads them runs after `sync!`.)
            ip = f.code.as_ptr();
            tick!();
            fast!();
        }};
    }

    loop {
        // SAFETY: `ip` points at an instruction: verification proved that control never
        // runs past the last instruction (module invariants).
        let op = unsafe { &*ip };
        // SAFETY: at most one past the end of `code`.
        ip = unsafe { ip.add(1) };
        match *op {
            Op::Nop | Op::KeepAlive { .. } => {}
            Op::Const { dst, val } => wr!(dst, val),
            Op::Move { dst, src } => wr!(dst, rd!(src)),
            // SAFETY: both ranges lie in the frame (verified).
            Op::MoveN { dst, src, size } => unsafe { crate::access::move_n(fptr, dst, src, size) },
            Op::Zero { dst, size } => {
                // SAFETY: the range lies in the frame (verified).
                unsafe { std::ptr::write_bytes(fptr.add(dst as usize), 0, size as usize) }
            }
            Op::Str { dst, idx } => {
                let (p, n) = vm.strings[idx as usize];
                wr!(dst, p);
                wr!(dst + 8, n);
            }
            Op::Ext { dst, src, w } => {
                // SAFETY: a narrow read at a verified frame offset.
                let raw = unsafe {
                    match w.bytes() {
                        1 => *fptr.add(src as usize) as u64,
                        2 => (fptr.add(src as usize) as *const u16).read_unaligned() as u64,
                        4 => (fptr.add(src as usize) as *const u32).read_unaligned() as u64,
                        _ => (fptr.add(src as usize) as *const u64).read_unaligned(),
                    }
                };
                wr!(dst, extend(raw, w));
            }
            Op::StoreNarrow { dst, src, w } => {
                let v = rd!(src);
                // SAFETY: a narrow write at a verified frame offset.
                unsafe {
                    match w.bytes() {
                        1 => *fptr.add(dst as usize) = v as u8,
                        2 => (fptr.add(dst as usize) as *mut u16).write_unaligned(v as u16),
                        4 => (fptr.add(dst as usize) as *mut u32).write_unaligned(v as u32),
                        _ => (fptr.add(dst as usize) as *mut u64).write_unaligned(v),
                    }
                }
            }
            Op::Int { op, dst, a, b } => {
                let v = match op {
                    IntOp::Add => rd!(a).wrapping_add(rd!(b)),
                    IntOp::Sub => rd!(a).wrapping_sub(rd!(b)),
                    IntOp::Mul => rd!(a).wrapping_mul(rd!(b)),
                    _ => trap!(int_op(op, rd!(a), rd!(b))),
                };
                wr!(dst, v);
            }
            Op::IntImm { op, dst, a, imm } => {
                let v = match op {
                    IntOp::Add => rd!(a).wrapping_add(imm as u64),
                    IntOp::Sub => rd!(a).wrapping_sub(imm as u64),
                    _ => trap!(int_op(op, rd!(a), imm as u64)),
                };
                wr!(dst, v);
            }
            Op::Neg { dst, a } => wr!(dst, (rd!(a) as i64).wrapping_neg() as u64),
            Op::Not { dst, a } => wr!(dst, !rd!(a)),
            Op::BNot { dst, a } => wr!(dst, (rd!(a) == 0) as u64),
            Op::Cmp { op, dst, a, b } => wr!(dst, cmp_i(op, rd!(a), rd!(b)) as u64),
            Op::CmpImm { op, dst, a, imm } => wr!(dst, cmp_i(op, rd!(a), imm as u64) as u64),
            Op::CheckShift { a } => {
                if (rd!(a) as i64) < 0 {
                    sync!();
                    return Err(Trap::Runtime("negative shift amount".into()));
                }
            }
            Op::F64 { op, dst, a, b } => {
                let (x, y) = (f64::from_bits(rd!(a)), f64::from_bits(rd!(b)));
                wr!(dst, f64_op(op, x, y).to_bits());
            }
            Op::F32 { op, dst, a, b } => {
                let (x, y) = (f32::from_bits(rd!(a) as u32), f32::from_bits(rd!(b) as u32));
                let r = match op {
                    FloatOp::Add => x + y,
                    FloatOp::Sub => x - y,
                    FloatOp::Mul => x * y,
                    FloatOp::Div => x / y,
                };
                wr!(dst, r.to_bits() as u64);
            }
            Op::NegF64 { dst, a } => wr!(dst, (-f64::from_bits(rd!(a))).to_bits()),
            Op::NegF32 { dst, a } => wr!(dst, (-f32::from_bits(rd!(a) as u32)).to_bits() as u64),
            Op::CmpF64 { op, dst, a, b } => wr!(
                dst,
                cmp_f(op, f64::from_bits(rd!(a)), f64::from_bits(rd!(b))) as u64
            ),
            Op::CmpF32 { op, dst, a, b } => {
                wr!(
                    dst,
                    cmp_f(
                        op,
                        f32::from_bits(rd!(a) as u32) as f64,
                        f32::from_bits(rd!(b) as u32) as f64
                    ) as u64
                )
            }
            Op::Conv {
                conv: Conv::IntToF64,
                dst,
                a,
            } => wr!(dst, (rd!(a) as i64 as f64).to_bits()),
            Op::Conv { conv, dst, a } => wr!(dst, crate::float::convert(conv, rd!(a))),
            Op::Jmp { target } => jump!(target),
            Op::JmpIf { cond, target } => {
                if rd!(cond) != 0 {
                    jump!(target)
                }
            }
            Op::JmpIfNot { cond, target } => {
                if rd!(cond) == 0 {
                    jump!(target)
                }
            }
            // Float compare-and-branch (specialized.rs): jump unless the comparison holds
            // (a NaN operand makes every one false, so jumps).
            Op::JmpNotLtF64 { a, b, target } => jump_if!(!cmp_f(Lt, rdf!(a), rdf!(b)), target),
            Op::JmpNotLeF64 { a, b, target } => jump_if!(!cmp_f(Le, rdf!(a), rdf!(b)), target),
            Op::JmpNotGtF64 { a, b, target } => jump_if!(!cmp_f(Gt, rdf!(a), rdf!(b)), target),
            Op::JmpNotGeF64 { a, b, target } => jump_if!(!cmp_f(Ge, rdf!(a), rdf!(b)), target),
            Op::JmpCmpF64Not { op, a, b, target } => {
                if !cmp_f(op, rdf!(a), rdf!(b)) {
                    jump!(target)
                }
            }
            Op::JmpCmpNot { op, a, b, target } => {
                if !cmp_i(op, rd!(a), rd!(b)) {
                    jump!(target)
                }
            }
            Op::JmpCmpImmNot { op, a, imm, target } => {
                if !cmp_i(op, rd!(a), imm as u64) {
                    jump!(target)
                }
            }
            // The specialised forms (gosub_bytecode::specialized): one dispatch each.
            Op::AddInt { dst, a, b } => wr!(dst, rd!(a).wrapping_add(rd!(b))),
            Op::SubInt { dst, a, b } => wr!(dst, rd!(a).wrapping_sub(rd!(b))),
            Op::MulInt { dst, a, b } => wr!(dst, rd!(a).wrapping_mul(rd!(b))),
            Op::AddIntImm { dst, a, imm } => wr!(dst, rd!(a).wrapping_add(imm as u64)),
            Op::AddF64 { dst, a, b } => wr!(dst, (rdf!(a) + rdf!(b)).to_bits()),
            Op::SubF64 { dst, a, b } => wr!(dst, (rdf!(a) - rdf!(b)).to_bits()),
            Op::MulF64 { dst, a, b } => wr!(dst, (rdf!(a) * rdf!(b)).to_bits()),
            Op::DivF64 { dst, a, b } => wr!(dst, (rdf!(a) / rdf!(b)).to_bits()),
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
            // Fused loop back edges (gosub_bytecode::fused): the increment, then the jump
            // that follows at `ip` (verified equal), which is skipped when not taken.
            // (`IncLoadJmpLt`'s element load at its target runs there, on its own.)
            Op::IncJmpLt { i, n, imm, target } | Op::IncLoadJmpLt(i, imm, n, target, ..) => {
                fused!(i, imm as u64, <, rd!(n), target)
            }
            Op::IncJmpLe { i, n, imm, target } => fused!(i, imm as u64, <=, rd!(n), target),
            Op::AddJmpLt { i, step, n, target } => fused!(i, rd!(step), <, rd!(n), target),
            Op::AddJmpLe { i, step, n, target } => fused!(i, rd!(step), <=, rd!(n), target),
            Op::IncJmpLtImm {
                i,
                imm,
                bound,
                target,
            } => fused!(i, imm as u64, <, bound as u64, target),
            // Fused sequences (gosub_bytecode::fused): each instruction in order, then past
            // the tail; `ip` is at the instruction being done when it can fault.
            Op::MulAddF64 { t, a, b, d, x, y } => {
                wr!(t, (rdf!(a) * rdf!(b)).to_bits());
                wr!(d, (rdf!(x) + rdf!(y)).to_bits());
                // SAFETY: the tail (one instruction) follows (verified).
                ip = unsafe { ip.add(1) };
            }
            // A fused pair outside the inner loop: its first instruction; the second follows.
            Op::Load2(..)
            | Op::Store2(..)
            | Op::LoadElem2(..)
            | Op::StoreElem2(..)
            | Op::SliceElemAddr2(..)
            | Op::AddIntImm2(..)
            | Op::Move2(..)
            | Op::AddAddImm(..)
            | Op::MulIntImm(..)
            | Op::ConvDivF64(..)
            | Op::F64Pair(..)
            | Op::MoveRet(..)
            | Op::IntRet(..)
            | Op::AddImmCall(..)
            | Op::MoveJmp(..)
            | Op::F64JmpNot(..)
            | Op::F64Store(..) => trap!(crate::first_half::first_of_pair(vm, &frame!(), op)),
            // Its first increment; the rest follows.
            Op::Inc2JmpLt(i, m, ..) => wr!(i, rd!(i).wrapping_add(m as i64 as u64)),
            // Its store; the step and the back edge follow.
            Op::StoreAddJmpLe(s, i, src, w, ..) => store_elem!(s, i, src, w),
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
            Op::Call { func: callee, base } => {
                call_into!(callee, base, None::<u64>, false, false)
            }
            Op::CallInPlace { func: callee, base } => {
                call_into!(callee, base, None::<u64>, false, true)
            }
            Op::CallClosure { fv, base, .. } => {
                let clo = rd!(fv);
                if clo == 0 {
                    sync!();
                    return Err(Trap::Runtime(
                        "invalid memory address or nil pointer dereference".into(),
                    ));
                }
                let callee = match direct!(clo, 8) {
                    // SAFETY: `direct!` returned a pointer valid for 8 bytes.
                    Some(p) => unsafe { (p as *const u64).read_unaligned() },
                    None => trap!(vm.heap.read_u64(clo)),
                } as u32;
                if callee as usize >= prog.funcs.len() {
                    sync!();
                    return Err(Trap::Fatal("bad closure".into()));
                }
                call_into!(callee, base, Some(clo), true, false);
            }
            Op::CallIface {
                iface, index, base, ..
            } => {
                let itab = rd!(iface);
                if itab == 0 {
                    sync!();
                    return Err(Trap::Runtime(
                        "invalid memory address or nil pointer dereference".into(),
                    ));
                }
                let callee = vm
                    .itabs
                    .get(itab as usize - 1)
                    .and_then(|it| it.funcs.get(index as usize))
                    .copied()
                    .unwrap_or(u32::MAX);
                if callee as usize >= prog.funcs.len() {
                    sync!();
                    return Err(Trap::Fatal("bad itab".into()));
                }
                wr!(base, rd!(iface + 8));
                call_into!(callee, base, None::<u64>, true, false);
            }
            Op::CallNative { native, .. } => {
                sync!();
                trap!(crate::natives::call(vm, native, func, fp));
                fast!();
            }
            Op::Ret => {
                if let Some(doff) = f.defer_off {
                    let head = rd!(doff);
                    if head != 0 {
                        sync!();
                        let (nf, nfp) =
                            trap!(crate::call::start_deferred(vm, prog, head, fp, f, false));
                        // The stack may have moved.
                        fp = vm.cur_fp;
                        vm.frames.push(CallInfo {
                            func,
                            pc: f.epilogue,
                            fp,
                            base: 0,
                            kind: vm.cur_kind,
                        });
                        vm.cur_kind = CallKind::Deferred;
                        switch_to!(nf, nfp, 0);
                        continue;
                    }
                }
                if vm.frames.len() <= stop_depth {
                    sync!();
                    return Ok(());
                }
                let Some(ci) = vm.frames.pop() else {
                    sync!();
                    return Ok(());
                };
                let kind = vm.cur_kind;
                match kind {
                    CallKind::Normal => {
                        // SAFETY: the caller's frame starts at or below this one on the same
                        // contiguous stack mapping (`ci.fp <= fp`).
                        let cptr = unsafe { fptr.sub((fp - ci.fp) as usize) };
                        // An in-place callee's results are already in the caller's region.
                        if f.results_size > 0 && ci.fp + ci.base as u64 != fp {
                            // SAFETY: results lie in the callee frame; the destination is the
                            // caller's argument region (checked at the call); the callee was
                            // not called in place, so the two do not overlap.
                            unsafe { return_results(fptr, cptr, ci.base, f) }
                        }
                        vm.cur_kind = ci.kind;
                        func = ci.func;
                        f = &prog.funcs[func as usize];
                        goto!(ci.pc);
                        fp = ci.fp;
                        fptr = cptr;
                        fast!();
                    }
                    CallKind::Deferred => {
                        vm.cur_kind = ci.kind;
                        let ep = prog.funcs[ci.func as usize].epilogue as usize;
                        switch_to!(ci.func, ci.fp, ep);
                    }
                    CallKind::DeferredPanic => {
                        vm.cur_kind = ci.kind;
                        let ep = prog.funcs[ci.func as usize].epilogue as usize;
                        switch_to!(ci.func, ci.fp, ep);
                        sync!();
                        if !crate::panic::after_deferred_in_panic(vm) {
                            // Not recovered: keep unwinding.
                            return Err(Trap::Unwind);
                        }
                    }
                }
            }
            Op::Defer { .. } => {
                sync!();
                trap!(crate::call::push_defer(vm, &frame!(), f, op));
            }
            Op::Panic { val } => {
                sync!();
                let itab = rd!(val);
                let data = rd!(val + 8);
                return Err(crate::panic::go_panic(vm, itab, data));
            }
            Op::Recover { dst } => {
                let (itab, data) = crate::panic::recover(vm);
                wr!(dst, itab);
                wr!(dst + 8, data);
            }
            Op::MakeClosure { dst, .. } => {
                sync!();
                let c = trap!(crate::call::make_closure(vm, &frame!(), op));
                wr!(dst, c);
            }
            Op::FuncVal { dst, func: cf } => wr!(dst, vm.closures[cf as usize]),
            Op::LoadCapture { dst, index } => {
                let a = rd!(f.ctx_off.unwrap_or(0)).wrapping_add(8 + 8 * index as u64);
                let v = match direct!(a, 8) {
                    // SAFETY: `direct!` returned a pointer valid for 8 bytes.
                    Some(p) => unsafe { (p as *const u64).read_unaligned() },
                    None => trap!(vm.heap.read_u64(a)),
                };
                wr!(dst, v);
            }
            Op::AddrLocal { dst, src } => wr!(dst, fp + src as u64),
            Op::DeferToken { dst, slot } => wr!(dst, fp + slot as u64 - vm.stack.base),
            Op::AddrGlobal { dst, off } => wr!(dst, vm.globals + off as u64),
            Op::Load {
                dst,
                ptr,
                off,
                w: Width::W64,
            } => {
                // A word of this frame or of a young object without a call (`direct!`).
                let a = rd!(ptr).wrapping_add(off as u64);
                let v = match direct!(a, 8) {
                    // SAFETY: `direct!` returned a pointer valid for 8 bytes.
                    Some(p) => unsafe { (p as *const u64).read_unaligned() },
                    None => trap!(load_w(vm, a, Width::W64)),
                };
                wr!(dst, v);
            }
            Op::Load { dst, ptr, off, w } => {
                let p = rd!(ptr);
                wr!(dst, trap!(load_w(vm, p.wrapping_add(off as u64), w)));
            }
            Op::LoadN {
                dst,
                ptr,
                off,
                size,
            } => {
                let p = rd!(ptr);
                if p < 4096 {
                    sync!();
                    return Err(Trap::Runtime(
                        "invalid memory address or nil pointer dereference".into(),
                    ));
                }
                let a = p.wrapping_add(off as u64);
                match direct!(a, size as u64) {
                    // SAFETY: `direct!` returned a pointer valid for `size` bytes; the
                    // destination range is in the frame (verified); `copy` handles overlap.
                    Some(src) => unsafe {
                        std::ptr::copy(src, fptr.add(dst as usize), size as usize)
                    },
                    None => {
                        let src = trap!(vm.heap.bytes(a, size as usize));
                        // SAFETY: as above; the source is a checked slice.
                        unsafe {
                            std::ptr::copy(src.as_ptr(), fptr.add(dst as usize), size as usize)
                        }
                    }
                }
            }
            Op::Store {
                ptr,
                off,
                src,
                w: Width::W64,
            } => {
                let (a, v) = (rd!(ptr).wrapping_add(off as u64), rd!(src));
                match direct!(a, 8) {
                    // SAFETY: as for `Load`. A non-pointer store needs no write barrier (and
                    // neither does any store to a frame or the nursery).
                    Some(p) => unsafe { (p as *mut u64).write_unaligned(v) },
                    None => trap!(store_w(vm, a, v, Width::W64)),
                }
            }
            Op::Store { ptr, off, src, w } => {
                let p = rd!(ptr);
                trap!(store_w(vm, p.wrapping_add(off as u64), rd!(src), w));
            }
            Op::StoreN {
                ptr,
                off,
                src,
                size,
                gcty,
            } => {
                let p = rd!(ptr);
                if p < 4096 {
                    sync!();
                    return Err(Trap::Runtime(
                        "invalid memory address or nil pointer dereference".into(),
                    ));
                }
                let _ = gcty;
                // SAFETY: source range is in the frame (verified).
                let bytes =
                    unsafe { std::slice::from_raw_parts(fptr.add(src as usize), size as usize) };
                trap!(vm.heap.write_bytes(p + off as u64, bytes));
            }
            Op::StorePtr { ptr, off, src } => {
                let p = rd!(ptr);
                if p < 4096 {
                    sync!();
                    return Err(Trap::Runtime(
                        "invalid memory address or nil pointer dereference".into(),
                    ));
                }
                trap!(vm.heap.write_ptr(p + off as u64, rd!(src)));
            }
            Op::FieldAddr { dst, ptr, off } => {
                let p = rd!(ptr);
                if p == 0 {
                    sync!();
                    return Err(Trap::Runtime(
                        "invalid memory address or nil pointer dereference".into(),
                    ));
                }
                wr!(dst, p + off as u64);
            }
            // The frequent string instructions (the rest: string_ops.rs, same rules).
            Op::StrIndex { dst, s, i } => {
                let (idx, len) = (rd!(i), rd!(s + 8));
                if idx >= len {
                    sync!();
                    return Err(index_err(idx, len));
                }
                let base = rd!(s);
                let b = match elem_ptr(vm, base, len, base + idx, 1) {
                    // SAFETY: `elem_ptr` returned a pointer into the string's bytes, which
                    // the heap validated, valid until the next allocation.
                    Some(p) => unsafe { *p },
                    None => trap!(vm.heap.read_u8(base + idx)),
                };
                wr!(dst, b as u64);
            }
            Op::StrSlice { dst, s, lo, hi } => {
                let len = rd!(s + 8);
                let l = if lo == NONE { 0 } else { rd!(lo) };
                let h = if hi == NONE { len } else { rd!(hi) };
                if h > len || l > h {
                    sync!();
                    return Err(crate::string_ops::slice_err(l, h, len));
                }
                let p = if h == l { 0 } else { rd!(s) + l };
                wr!(dst, p);
                wr!(dst + 8, h - l);
            }
            Op::NilCheck { ptr } => {
                if rd!(ptr) == 0 {
                    sync!();
                    return Err(Trap::Runtime(
                        "invalid memory address or nil pointer dereference".into(),
                    ));
                }
            }
            Op::New { dst, gcty, .. } => {
                sync!();
                let a = trap!(vm.alloc(vm.gcty(gcty), 1));
                wr!(dst, a);
                fast!();
            }
            Op::SliceElemAddr { dst, s, i, size } => {
                let idx = rd!(i);
                let len = rd!(s + 8);
                if idx >= len {
                    sync!();
                    return Err(index_err(idx, len));
                }
                wr!(dst, rd!(s) + idx * size as u64);
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
                    sync!();
                    return Err(index_err(idx, len));
                }
                wr!(dst, rd!(ptr) + idx * size as u64);
            }
            // Word-sized elements and fields first: the same code with the width a constant.
            Op::LoadElem {
                dst,
                s,
                i,
                w: Width::W64,
            } => load_elem!(dst, s, i, Width::W64),
            Op::LoadElem { dst, s, i, w } => load_elem!(dst, s, i, w),
            Op::StoreElem {
                s,
                i,
                src,
                w: Width::W64,
            } => store_elem!(s, i, src, Width::W64),
            Op::StoreElem { s, i, src, w } => store_elem!(s, i, src, w),
            Op::BoundsCheck { i, len } => {
                let (idx, n) = (rd!(i), rd!(len));
                if idx >= n {
                    sync!();
                    return Err(index_err(idx, n));
                }
            }
            Op::Unreachable => {
                sync!();
                return Err(Trap::Fatal(
                    "unreachable code reached (missing return)".into(),
                ));
            }
            Op::PanicMsg { msg } => {
                sync!();
                return Err(Trap::Runtime(
                    prog.messages.get(msg as usize).cloned().unwrap_or_default(),
                ));
            }
            // Goroutines and channels (chan_ops.rs); a blocked operation parks this one.
            Op::Go { .. }
            | Op::MakeChan { .. }
            | Op::ChanSend { .. }
            | Op::ChanRecv { .. }
            | Op::ChanClose { .. }
            | Op::ChanLen { .. }
            | Op::Select { .. } => {
                sync!();
                if let crate::chan::Flow::Park(r) = trap!(crate::chan_ops::exec(vm, op, &frame!()))
                {
                    return Err(Trap::Park(r));
                }
            }
            // A map lookup, assignment's slot or delete by its fast path (map_fast.rs: it
            // neither faults nor collects), else as any other instruction.
            Op::MapGet { .. } | Op::MapSlot { .. } | Op::MapDelete { .. }
                if crate::map_fast::exec(vm, &frame!(), op) =>
            {
                fast!()
            }
            // Boxing that cannot collect (iface.rs `box_fast`), else as any other instruction.
            Op::MakeIface { .. } if crate::iface::box_fast(vm, &frame!(), op) => fast!(),
            ref other => {
                sync!();
                let other = other.clone();
                match trap!(crate::slow_op::slow_op(vm, prog, &other, &frame!())) {
                    Some(t) => goto!(t),
                    None => fast!(),
                }
            }
        }
    }
}
