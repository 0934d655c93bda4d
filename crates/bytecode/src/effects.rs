//! What each instruction does to its own frame: the bytes it may read (uses), the bytes it
//! overwrites whole (definitions), the frame slots whose address it hands out, and where
//! control goes next. Liveness (`liveness.rs`) is computed from this table alone.
//!
//! Invariants (the table is conservative in the direction that keeps programs correct):
//! - `uses` covers every frame byte the VM may read while executing the instruction,
//!   including reads a parked goroutine's partner makes later (a blocked send's value). An
//!   operand whose size the instruction does not carry (a map key, a channel element) is
//!   `Extent::ToSlotEnd`: it reaches to the end of the frame slot it starts in (values
//!   never straddle slots: `Function::slots`).
//! - `defs` lists only bytes that every execution reaching a successor has written with
//!   a value of its own: an instruction that writes a destination only on some paths, or
//!   whose size is unknown here, defines nothing. The results of a call through a func
//!   value or an interface fill the rest of the argument region's slot after the
//!   parameters (`SlotTailFrom`).
//! - `addr_taken` names frame offsets whose address escapes into a register (`AddrLocal`,
//!   the frame buffers of non-escaping conversions and appends): the slot holding it may
//!   then be read and written through pointers by any instruction, so liveness keeps it
//!   live everywhere.
//! - Reads the VM makes of fixed frame words (the closure context for `LoadCapture`, the
//!   defer list and the results at `Ret`) are listed too; `CallNative` (the body of a
//!   native function, whose frame is its parameters and results) uses the whole frame.

use crate::bytecode::{Function, Op, Reg};
use crate::program::Program;
use smallvec::SmallVec;

/// The absent optional register.
pub const NONE: Reg = u32::MAX;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Extent {
    Bytes(u32),
    /// From the register to the end of the frame slot that contains it.
    ToSlotEnd,
    /// From `n` bytes past the register to the end of the slot that contains the register
    /// (a call's results after its parameters; empty when the parameters fill the slot).
    SlotTailFrom(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Operand {
    pub reg: Reg,
    pub extent: Extent,
}

/// The lists are inline up to the sizes most instructions need (the middle end asks for
/// every instruction's effects several times, so a heap allocation each would dominate).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Effects {
    pub uses: SmallVec<[Operand; 4]>,
    pub defs: SmallVec<[Operand; 2]>,
    pub addr_taken: SmallVec<[Reg; 2]>,
    /// Reads every word of the frame (a native function's body).
    pub uses_all: bool,
}

impl Effects {
    fn r(&mut self, reg: Reg, n: u32) -> &mut Self {
        if reg != NONE && n > 0 {
            self.uses.push(Operand {
                reg,
                extent: Extent::Bytes(n),
            });
        }
        self
    }
    fn r_slot(&mut self, reg: Reg) -> &mut Self {
        if reg != NONE {
            self.uses.push(Operand {
                reg,
                extent: Extent::ToSlotEnd,
            });
        }
        self
    }
    fn w(&mut self, reg: Reg, n: u32) -> &mut Self {
        if reg != NONE && n > 0 {
            self.defs.push(Operand {
                reg,
                extent: Extent::Bytes(n),
            });
        }
        self
    }
    /// Writes the slot of `reg` from `n` bytes past it to its end (a call's results).
    fn w_tail(&mut self, reg: Reg, n: u32) -> &mut Self {
        if reg != NONE {
            self.defs.push(Operand {
                reg,
                extent: Extent::SlotTailFrom(n),
            });
        }
        self
    }
    fn addr(&mut self, reg: Reg) -> &mut Self {
        if reg != NONE {
            self.addr_taken.push(reg);
        }
        self
    }
}

/// The bytes `Op::Append` reads at `src`: a slice header when `spread`, else `n`
/// elements, each in its own word-aligned registers.
pub fn append_src_bytes(spread: bool, n: u32, elem_size: u32) -> u32 {
    if spread {
        24
    } else {
        n.saturating_mul(elem_size.div_ceil(8) * 8)
    }
}

/// The frame effects of `f.code[pc]`. `p` gives callee frames and type sizes.
pub fn effects(p: &Program, f: &Function, op: &Op) -> Effects {
    use Op::*;
    if let Some(g) = op.generic() {
        return effects(p, f, &g);
    }
    let mut e = Effects::default();
    let size_of = |rtype: u32| {
        p.rtypes
            .get(rtype as usize)
            .map(|t| t.size.min(u32::MAX as u64) as u32)
    };
    match *op {
        Nop | Jmp { .. } | Unreachable | PanicMsg { .. } | NoteFrameAlloc { .. } => {}
        // Never reached: read as their generic forms above.
        AddInt { .. } | SubInt { .. } | MulInt { .. } | AddIntImm { .. } => {}
        AddF64 { .. } | SubF64 { .. } | MulF64 { .. } | DivF64 { .. } => {}
        JmpLt { .. } | JmpLe { .. } | JmpGt { .. } | JmpGe { .. } | JmpEq { .. } => {}
        JmpNe { .. } | JmpLtImm { .. } | JmpLeImm { .. } | JmpGtImm { .. } => {}
        JmpGeImm { .. } | JmpEqImm { .. } | JmpNeImm { .. } | CallInPlace { .. } => {}
        IncJmpLt { .. } | IncJmpLe { .. } | AddJmpLe { .. } | AddJmpLt { .. } => {}
        IncJmpLtImm { .. } | MulAddF64 { .. } | AddToMem { .. } | AddImmToMem { .. } => {}
        Load2(..) | Store2(..) | LoadElem2(..) | StoreElem2(..) | SliceElemAddr2(..) => {}
        AddIntImm2(..) => {}
        Move2(..) | AddAddImm(..) | MulIntImm(..) | ConvDivF64(..) | F64Pair(..) => {}
        MoveRet(..) | IntRet(..) | AddImmCall(..) | MoveJmp(..) | F64JmpNot(..) => {}
        F64Store(..) | Inc2JmpLt(..) | StoreAddJmpLe(..) | IncLoadJmpLt(..) => {}
        JmpNotLtF64 { .. } | JmpNotLeF64 { .. } | JmpNotGtF64 { .. } | JmpNotGeF64 { .. } => {}
        AddrGlobal { dst, .. } | FuncVal { dst, .. } | Const { dst, .. } => {
            e.w(dst, 8);
        }
        IfaceStatic { dst, .. } | Str { dst, .. } => {
            e.w(dst, 16);
        }
        Recover { dst } => {
            e.w(dst, 16);
        }
        Move { dst, src } => {
            e.r(src, 8).w(dst, 8);
        }
        MoveN { dst, src, size } => {
            e.r(src, size).w(dst, size);
        }
        Zero { dst, size } => {
            e.w(dst, size);
        }
        Ext { dst, src, w } => {
            e.r(src, w.bytes()).w(dst, 8);
        }
        StoreNarrow { src, .. } => {
            // Writes only the low bytes of `dst`.
            e.r(src, 8);
        }
        Int { dst, a, b, .. }
        | Cmp { dst, a, b, .. }
        | F64 { dst, a, b, .. }
        | F32 { dst, a, b, .. }
        | CmpF64 { dst, a, b, .. }
        | CmpF32 { dst, a, b, .. }
        | FMinMax { dst, a, b, .. } => {
            e.r(a, 8).r(b, 8).w(dst, 8);
        }
        IntImm { dst, a, .. }
        | CmpImm { dst, a, .. }
        | Neg { dst, a }
        | Not { dst, a }
        | BNot { dst, a }
        | NegF64 { dst, a }
        | NegF32 { dst, a }
        | Conv { dst, a, .. }
        | UintptrToPtr { dst, a }
        | PtrToUintptr { dst, a } => {
            e.r(a, 8).w(dst, 8);
        }
        CheckShift { a } => {
            e.r(a, 8);
        }
        Cplx { dst, a, b, c64, .. } => {
            let n = if c64 { 8 } else { 16 };
            e.r(a, n).r(b, n).w(dst, n);
        }
        CmpCplx { dst, a, b, c64, .. } => {
            let n = if c64 { 8 } else { 16 };
            e.r(a, n).r(b, n).w(dst, 8);
        }
        NegCplx { dst, a, c64 } => {
            let n = if c64 { 8 } else { 16 };
            e.r(a, n).w(dst, n);
        }
        ConvCplx { dst, a, to_c64 } => {
            let (d, s) = if to_c64 { (8, 16) } else { (16, 8) };
            e.r(a, s).w(dst, d);
        }
        // ---- strings ----
        Concat { dst, a, b, buf } => {
            e.r(a, 16).r(b, 16).addr(buf).w(dst, 16);
        }
        CmpStr { dst, a, b, .. } => {
            e.r(a, 16).r(b, 16).w(dst, 8);
        }
        StrIndex { dst, s, i } => {
            e.r(s, 16).r(i, 8).w(dst, 8);
        }
        StrSlice { dst, s, lo, hi } => {
            e.r(s, 16).r(lo, 8).r(hi, 8).w(dst, 16);
        }
        RuneToStr { dst, a } => {
            e.r(a, 8).w(dst, 16);
        }
        BytesToStr { dst, a, buf } => {
            e.r(a, 24).addr(buf).w(dst, 16);
        }
        StrToBytes { dst, a, buf, .. } => {
            e.r(a, 16).addr(buf).w(dst, 24);
        }
        RunesToStr { dst, a } => {
            e.r(a, 24).w(dst, 16);
        }
        StrToRunes { dst, a, buf, .. } => {
            e.r(a, 16).addr(buf).w(dst, 24);
        }
        StrRangeNext { s, i, rune, width } => {
            e.r(s, 16).r(i, 8).w(rune, 8).w(width, 8);
        }
        // ---- control flow ----
        JmpIf { cond, .. } | JmpIfNot { cond, .. } => {
            e.r(cond, 8);
        }
        JmpCmpNot { a, b, .. } | JmpCmpF64Not { a, b, .. } => {
            e.r(a, 8).r(b, 8);
        }
        JmpCmpImmNot { a, .. } => {
            e.r(a, 8);
        }
        // ---- calls ----
        Call { func, base } => match p.funcs.get(func as usize) {
            Some(c) => {
                e.r(base, c.params_size)
                    .w(base.saturating_add(c.results_off), c.results_size);
            }
            None => {
                e.r_slot(base);
            }
        },
        CallClosure {
            fv,
            base,
            args_size,
        } => {
            e.r(fv, 8).r(base, args_size).w_tail(base, args_size);
        }
        CallIface {
            iface,
            base,
            args_size,
            ..
        } => {
            // The VM writes the receiver (the data word) at `base` itself.
            e.r(iface, 16).r(base, args_size).w_tail(base, args_size);
        }
        Ret => {
            e.r(f.results_off, f.results_size);
            if let Some(d) = f.defer_off {
                e.r(d, 8);
            }
        }
        Defer {
            fv,
            args,
            args_size,
            list,
            ..
        } => {
            e.r(fv, 8).r(args, args_size).r(list, 8);
            if let Some(d) = f.defer_off {
                e.r(d, 8);
            }
        }
        Go {
            fv,
            args,
            args_size,
        } => {
            e.r(fv, 8).r(args, args_size);
        }
        Panic { val } => {
            e.r(val, 16);
        }
        MakeClosure {
            dst, caps, ncap, ..
        } => {
            e.r(caps, 8 * ncap).w(dst, 8);
        }
        LoadCapture { dst, .. } => {
            if let Some(c) = f.ctx_off {
                e.r(c, 8);
            }
            e.w(dst, 8);
        }
        CallNative { .. } => e.uses_all = true,
        // ---- memory ----
        AddrLocal { dst, src } => {
            e.addr(src).w(dst, 8);
        }
        DeferToken { dst, slot } => {
            e.addr(slot).w(dst, 8);
        }
        Load { dst, ptr, .. } => {
            e.r(ptr, 8).w(dst, 8);
        }
        LoadN { dst, ptr, size, .. } => {
            e.r(ptr, 8).w(dst, size);
        }
        Store { ptr, src, w, .. } => {
            e.r(ptr, 8).r(src, w.bytes());
        }
        StoreN { ptr, src, size, .. } => {
            e.r(ptr, 8).r(src, size);
        }
        StorePtr { ptr, src, .. } => {
            e.r(ptr, 8).r(src, 8);
        }
        FieldAddr { dst, ptr, .. } => {
            e.r(ptr, 8).w(dst, 8);
        }
        NilCheck { ptr } => {
            e.r(ptr, 8);
        }
        New { dst, .. } => {
            e.w(dst, 8);
        }
        SliceElemAddr { dst, s, i, .. } | LoadElem { dst, s, i, .. } => {
            e.r(s, 24).r(i, 8).w(dst, 8);
        }
        ArrayElemAddr { dst, ptr, i, .. } => {
            e.r(ptr, 8).r(i, 8).w(dst, 8);
        }
        StoreElem { s, i, src, w } => {
            e.r(s, 24).r(i, 8).r(src, w.bytes());
        }
        BoundsCheck { i, len } => {
            e.r(i, 8).r(len, 8);
        }
        MakeSlice { dst, len, cap, .. } => {
            e.r(len, 8).r(cap, 8).w(dst, 24);
        }
        SliceSlice {
            dst,
            s,
            lo,
            hi,
            max,
            ..
        } => {
            e.r(s, 24).r(lo, 8).r(hi, 8).r(max, 8).w(dst, 24);
        }
        // `s` holds the array's address.
        SliceArray {
            dst,
            s,
            lo,
            hi,
            max,
            len,
            ..
        } => {
            e.r(s, 8).r(lo, 8).r(hi, 8).r(max, 8).r(len, 8).w(dst, 24);
        }
        Append {
            dst,
            s,
            src,
            n,
            elem_size,
            spread,
            buf,
            ..
        } => {
            e.r(s, 24)
                .r(src, append_src_bytes(spread, n, elem_size))
                .addr(buf)
                .w(dst, 24);
        }
        MoveToHeap { s, .. } => {
            // Rewrites the slice's pointer and capacity, keeps its length.
            e.r(s, 24);
        }
        AppendStr { dst, s, str } => {
            e.r(s, 24).r(str, 16).w(dst, 24);
        }
        Copy {
            n,
            dst,
            src,
            from_str,
            ..
        } => {
            e.r(dst, 24).r(src, if from_str { 16 } else { 24 }).w(n, 8);
        }
        SliceToArray {
            dst,
            src,
            size,
            ptr,
            ..
        } => {
            e.r(src, 24);
            if ptr {
                e.w(dst, 8);
            } else {
                e.w(dst, size);
            }
        }
        StrBytesShared { dst, a } => {
            e.r(a, 16).w(dst, 24);
        }
        ClearSlice { s, .. } => {
            e.r(s, 24);
        }
        UnsafeSlice {
            dst,
            ptr,
            len,
            string,
            ..
        } => {
            e.r(ptr, 8).r(len, 8).w(dst, if string { 16 } else { 24 });
        }
        // ---- interfaces ----
        MakeIface { dst, src, size, .. } => {
            // The boxing reads the value's register word, a string's two words, or the
            // `size` bytes of its memory form.
            e.r(src, size.max(8)).w(dst, 16);
        }
        IfaceToIface {
            dst, src, commaok, ..
        } => {
            e.r(src, 16).w(dst, 16);
            if let Some(ok) = commaok {
                e.w(ok, 8);
            }
        }
        AssertType {
            dst,
            src,
            size,
            direct,
            commaok,
            ..
        } => {
            e.r(src, 16);
            if direct {
                // A failed comma-ok assertion of a pointer-shaped type zeroes the word.
                e.w(dst, 8);
            } else {
                e.w(dst, size);
            }
            if let Some(ok) = commaok {
                e.w(ok, 8);
            }
        }
        IfaceType { dst, src } => {
            e.r(src, 16).w(dst, 8);
        }
        IfaceEq { dst, a, b, .. } => {
            e.r(a, 16).r(b, 16).w(dst, 8);
        }
        MemEq {
            dst, a, b, rtype, ..
        } => {
            match size_of(rtype) {
                Some(n) => e.r(a, n).r(b, n),
                None => e.r_slot(a).r_slot(b),
            };
            e.w(dst, 8);
        }
        // ---- maps ----
        MakeMap { dst, hint, .. } => {
            e.r(hint, 8).w(dst, 8);
        }
        MapGet {
            dst,
            m,
            key,
            ok,
            vsize,
        } => {
            e.r(m, 8).r_slot(key).w(dst, vsize);
            if let Some(ok) = ok {
                e.w(ok, 8);
            }
        }
        MapSlot { dst, m, key } => {
            e.r(m, 8).r_slot(key).w(dst, 8);
        }
        MapDelete { m, key } => {
            e.r(m, 8).r_slot(key);
        }
        MapLen { dst, m } => {
            e.r(m, 8).w(dst, 8);
        }
        MapClear { m } => {
            e.r(m, 8);
        }
        MapIterInit { it, m } => {
            e.r(m, 8).w(it, 24);
        }
        MapIterNext { it, .. } => {
            // The key and value are written only while the iteration goes on.
            e.r_slot(it);
        }
        // ---- goroutines and channels ----
        MakeChan { dst, size, .. } => {
            e.r(size, 8).w(dst, 8);
        }
        ChanSend { ch, src } => {
            e.r(ch, 8).r_slot(src);
        }
        ChanRecv { ch, .. } => {
            // The value (and ok) may be written later by the sender that wakes this
            // goroutine: never a definition here.
            e.r(ch, 8);
        }
        ChanClose { ch } => {
            e.r(ch, 8);
        }
        ChanLen { dst, ch, .. } => {
            e.r(ch, 8).w(dst, 8);
        }
        Select { ref cases, .. } => {
            for c in cases {
                e.r(c.ch, 8);
                if c.send {
                    e.r_slot(c.val);
                }
            }
        }
        // ---- globals and the runtime ----
        LoadGlobal { dst, size, .. } => {
            e.w(dst, size);
        }
        StoreGlobal { src, size, .. } => {
            e.r(src, size);
        }
        KeepAlive { src, size } => {
            e.r(src, size);
        }
        Print { src, rtype, .. } => {
            if rtype != NONE {
                match size_of(rtype) {
                    Some(n) => e.r(src, n.max(1)),
                    None => e.r_slot(src),
                };
            }
        }
    }
    e
}

/// Can the collector run while `code[pc]` executes or waits (a safepoint: a call, an
/// allocation, a channel operation that may park, an observed address that pins, or a
/// backward jump, where the scheduler may preempt)? `gosub disasm` prints the live words
/// there.
pub fn is_safepoint(code: &[Op], pc: usize) -> bool {
    use Op::*;
    match code[pc] {
        Call { .. } | CallInPlace { .. } | CallClosure { .. } | CallIface { .. } => true,
        CallNative { .. } => true,
        Defer { .. } | Go { .. } | New { .. } | MakeClosure { .. } | MakeIface { .. } => true,
        MakeSlice { .. } | MakeMap { .. } | MakeChan { .. } | MapSlot { .. } => true,
        Append { .. } | AppendStr { .. } | MoveToHeap { .. } | Concat { .. } => true,
        RuneToStr { .. } | BytesToStr { .. } | StrToBytes { .. } => true,
        RunesToStr { .. } | StrToRunes { .. } => true,
        ChanSend { .. } | ChanRecv { .. } | Select { .. } => true,
        Print { .. } | PtrToUintptr { .. } => true,
        // A backward jump (a loop's).
        MapIterNext { .. } => false,
        ref op => op.jump_target().is_some_and(|t| t as usize <= pc),
    }
}

impl Op {
    /// The instruction index this instruction may jump to, if it is a jump (`successors`
    /// in effects.rs lists where control goes; this is what a pass renumbers).
    pub fn jump_target_mut(&mut self) -> Option<&mut u32> {
        match self {
            Op::Jmp { target }
            | Op::JmpIf { target, .. }
            | Op::JmpIfNot { target, .. }
            | Op::JmpCmpNot { target, .. }
            | Op::JmpCmpF64Not { target, .. }
            | Op::JmpCmpImmNot { target, .. }
            | Op::JmpLt { target, .. }
            | Op::JmpLe { target, .. }
            | Op::JmpGt { target, .. }
            | Op::JmpGe { target, .. }
            | Op::JmpEq { target, .. }
            | Op::JmpNe { target, .. }
            | Op::JmpLtImm { target, .. }
            | Op::JmpLeImm { target, .. }
            | Op::JmpGtImm { target, .. }
            | Op::JmpGeImm { target, .. }
            | Op::JmpEqImm { target, .. }
            | Op::JmpNeImm { target, .. }
            | Op::JmpNotLtF64 { target, .. }
            | Op::JmpNotLeF64 { target, .. }
            | Op::JmpNotGtF64 { target, .. }
            | Op::JmpNotGeF64 { target, .. }
            // A fused back edge's target is its second half's (fused.rs).
            | Op::IncJmpLt { target, .. }
            | Op::IncJmpLe { target, .. }
            | Op::IncJmpLtImm { target, .. }
            | Op::AddJmpLt { target, .. }
            | Op::AddJmpLe { target, .. }
            | Op::IncLoadJmpLt(_, _, _, target, ..) => Some(target),
            Op::MapIterNext { done, .. } => Some(done),
            _ => None,
        }
    }

    /// The instruction index this instruction may jump to (`jump_target_mut`, read only).
    pub fn jump_target(&self) -> Option<u32> {
        self.clone().jump_target_mut().map(|t| *t)
    }
}

/// Where control may go after `code[pc]` in the ordinary flow (a recovered panic's jump
/// to the epilogue is added by liveness). A target equal to `code.len()` ends the function.
pub fn successors(code: &[Op], pc: usize) -> impl Iterator<Item = usize> {
    use Op::*;
    let next = Some(pc + 1);
    let generic = code[pc].generic();
    let (a, b) = match *generic.as_ref().unwrap_or(&code[pc]) {
        Jmp { target } => (Some(target as usize), None),
        JmpIf { target, .. }
        | JmpIfNot { target, .. }
        | JmpCmpNot { target, .. }
        | JmpCmpF64Not { target, .. }
        | JmpCmpImmNot { target, .. } => (next, Some(target as usize)),
        MapIterNext { done, .. } => (next, Some(done as usize)),
        Ret | Panic { .. } | PanicMsg { .. } | Unreachable => (None, None),
        _ => (next, None),
    };
    let end = code.len();
    a.into_iter().chain(b).filter(move |&t| t <= end)
}
