//! Load-time bytecode verification: every frame operand of every instruction lies inside its
//! function's frame, and every jump target and function index is valid.
//!
//! This is what makes the interpreter's unchecked frame accesses sound: after `verify`
//! succeeds, `fp + reg + size <= fp + frame_size` holds for every access the dispatch loop
//! performs through `rd!`/`wr!` and the frame-local copies.

use gosub_bytecode::bytecode::{Function, Op, Width};
use gosub_bytecode::program::Program;

const NONE: u32 = u32::MAX;

/// (register, bytes accessed) of each frame operand of `op`.
fn operands(op: &Op) -> Vec<(u32, u32)> {
    use Op::*;
    if let Some(g) = op.generic() {
        return operands(&g);
    }
    let w = |r: u32| (r, 8u32);
    match *op {
        Nop | Jmp { .. } | Ret | Unreachable | PanicMsg { .. } | CallNative { .. } => vec![],
        NoteFrameAlloc { .. } => vec![],
        KeepAlive { src, size } => vec![(src, size)],
        Const { dst, .. }
        | Str { dst, .. }
        | FuncVal { dst, .. }
        | LoadCapture { dst, .. }
        | AddrGlobal { dst, .. }
        | Recover { dst } => {
            vec![
                w(dst),
                (
                    dst,
                    if matches!(op, Str { .. } | Recover { .. }) {
                        16
                    } else {
                        8
                    },
                ),
            ]
        }
        Move { dst, src } => vec![w(dst), w(src)],
        MoveN { dst, src, size } => vec![(dst, size), (src, size)],
        Zero { dst, size } => vec![(dst, size)],
        Ext { dst, src, w: wd } => vec![w(dst), (src, wd.bytes())],
        StoreNarrow { dst, src, w: wd } => vec![(dst, wd.bytes()), w(src)],
        Int { dst, a, b, .. }
        | Cmp { dst, a, b, .. }
        | F64 { dst, a, b, .. }
        | F32 { dst, a, b, .. } => vec![w(dst), w(a), w(b)],
        CmpF64 { dst, a, b, .. } | CmpF32 { dst, a, b, .. } => vec![w(dst), w(a), w(b)],
        IntImm { dst, a, .. }
        | CmpImm { dst, a, .. }
        | Neg { dst, a }
        | Not { dst, a }
        | BNot { dst, a } => vec![w(dst), w(a)],
        NegF64 { dst, a } | NegF32 { dst, a } | Conv { dst, a, .. } => vec![w(dst), w(a)],
        FMinMax { dst, a, b, .. } => vec![w(dst), w(a), w(b)],
        Cplx { dst, a, b, c64, .. } | CmpCplx { dst, a, b, c64, .. } => {
            let n = if c64 { 8 } else { 16 };
            let d = if matches!(op, CmpCplx { .. }) { 8 } else { n };
            vec![(dst, d), (a, n), (b, n)]
        }
        NegCplx { dst, a, c64 } => {
            let n = if c64 { 8 } else { 16 };
            vec![(dst, n), (a, n)]
        }
        ConvCplx { dst, a, to_c64 } => {
            let (d, s) = if to_c64 { (8, 16) } else { (16, 8) };
            vec![(dst, d), (a, s)]
        }
        CheckShift { a } => vec![w(a)],
        JmpIf { cond, .. } | JmpIfNot { cond, .. } => vec![w(cond)],
        JmpCmpNot { a, b, .. } | JmpCmpF64Not { a, b, .. } => vec![w(a), w(b)],
        JmpCmpImmNot { a, .. } => vec![w(a)],
        Call { base, .. } => vec![w(base)],
        CallClosure { fv, base, .. } => vec![w(fv), w(base)],
        CallIface { iface, base, .. } => vec![(iface, 16), w(base)],
        AddrLocal { dst, src } => vec![w(dst), w(src)],
        DeferToken { dst, slot } => vec![w(dst), w(slot)],
        Load { dst, ptr, .. } => vec![w(dst), w(ptr)],
        LoadN { dst, ptr, size, .. } => vec![(dst, size), w(ptr)],
        Store { ptr, src, .. } | StorePtr { ptr, src, .. } => vec![w(ptr), w(src)],
        StoreN { ptr, src, size, .. } => vec![w(ptr), (src, size)],
        FieldAddr { dst, ptr, .. } => vec![w(dst), w(ptr)],
        NilCheck { ptr } => vec![w(ptr)],
        New { dst, .. } => vec![w(dst)],
        SliceElemAddr { dst, s, i, .. } => vec![w(dst), (s, 24), w(i)],
        ArrayElemAddr { dst, ptr, i, .. } => vec![w(dst), w(ptr), w(i)],
        LoadElem { dst, s, i, .. } => vec![w(dst), (s, 24), w(i)],
        StoreElem { s, i, src, .. } => vec![(s, 24), w(i), w(src)],
        BoundsCheck { i, len } => vec![w(i), w(len)],
        MakeClosure {
            dst, caps, ncap, ..
        } => vec![w(dst), (caps, 8 * ncap.max(1))],
        Defer {
            fv,
            args,
            args_size,
            list,
            ..
        } => vec![w(fv), (args, args_size.max(8)), w(list)],
        Panic { val } => vec![(val, 16)],
        Print { src, rtype, .. } => {
            if rtype == NONE {
                vec![]
            } else {
                vec![w(src)]
            }
        }
        // Run unchecked by the dispatch loop or the inner loop (fast_loop.rs) too.
        StrIndex { dst, s, i } => vec![w(dst), (s, 16), w(i)],
        StrSlice { dst, s, lo, hi } => vec![(dst, 16), (s, 16), w(lo), w(hi)],
        IfaceType { dst, src } => vec![w(dst), (src, 16)],
        AssertType {
            dst,
            src,
            size,
            commaok,
            ..
        } => {
            let mut v = vec![(dst, 8 * size.max(1).div_ceil(8)), (src, 16)];
            v.extend(commaok.map(w));
            v
        }
        IfaceToIface {
            dst, src, commaok, ..
        } => {
            let mut v = vec![(dst, 16), (src, 16)];
            v.extend(commaok.map(w));
            v
        }
        Append {
            dst,
            s,
            src,
            n,
            elem_size,
            spread,
            ..
        } => {
            let n_src = gosub_bytecode::effects::append_src_bytes(spread, n, elem_size);
            vec![(dst, 24), (s, 24), (src, n_src)]
        }
        // The remaining instructions go through checked heap accesses (`slow_op::slow_op`).
        _ => vec![],
    }
}

fn check_func(i: usize, f: &Function, p: &Program) -> Result<(), String> {
    let nfuncs = p.funcs.len();
    check_inline_positions(f, nfuncs)?;
    for (pc, op) in f.code.iter().enumerate() {
        for (r, size) in operands(op) {
            if r == NONE {
                continue;
            }
            if r as u64 + size as u64 > f.frame_size as u64 + 8 * (f.frame_size == 0) as u64 {
                return Err(format!("bytecode verification failed: {} (#{}) pc {}: operand {}+{} outside frame of {} bytes", f.name, i, pc, r, size, f.frame_size));
            }
        }
        let target = op.jump_target();
        if target.is_some_and(|t| t as usize >= f.code.len()) {
            return Err(format!(
                "bytecode verification failed: {} pc {}: bad jump",
                f.name, pc
            ));
        }
        // Table indices an instruction carries must exist.
        let (tables_ok, what) = match *op {
            Op::Str { idx, .. } => ((idx as usize) < p.strings.len(), "string constant"),
            Op::CallNative { native, .. } => ((native as usize) < p.natives.len(), "native"),
            Op::New { gcty, .. }
            | Op::MakeSlice { gcty, .. }
            | Op::Append { gcty, .. }
            | Op::MoveToHeap { gcty, .. }
            | Op::Copy { gcty, .. }
            | Op::StoreN { gcty, .. }
            | Op::StoreGlobal { gcty, .. }
            | Op::Defer { gcty, .. }
            | Op::MakeClosure { gcty, .. } => ((gcty as usize) < p.gctypes.len(), "gc type"),
            Op::IfaceStatic { itab, idx, .. } => (
                (itab as usize) < p.itabs.len() && (idx as usize) < p.static_boxes.len(),
                "static box",
            ),
            Op::MakeIface { itab, gcty, .. } => (
                (itab as usize) < p.itabs.len() && (gcty as usize) < p.gctypes.len(),
                "itab",
            ),
            Op::IfaceToIface { iface_ty: t, .. }
            | Op::MemEq { rtype: t, .. }
            | Op::MakeMap { rtype: t, .. }
            | Op::MakeChan { rtype: t, .. } => ((t as usize) < p.rtypes.len(), "type"),
            Op::AssertType {
                rtype, iface_ty, ..
            } => (
                (rtype as usize) < p.rtypes.len() && (iface_ty as usize) < p.rtypes.len(),
                "type",
            ),
            Op::Print { rtype, .. } => (rtype == NONE || (rtype as usize) < p.rtypes.len(), "type"),
            Op::PanicMsg { msg } => ((msg as usize) < p.messages.len(), "message"),
            _ => (true, ""),
        };
        if !tables_ok {
            return Err(format!(
                "bytecode verification failed: {} pc {}: bad {} index",
                f.name, pc, what
            ));
        }
        if let Op::Call { func, .. }
        | Op::CallInPlace { func, .. }
        | Op::FuncVal { func, .. }
        | Op::MakeClosure { func, .. } = *op
        {
            if func as usize >= nfuncs {
                return Err(format!(
                    "bytecode verification failed: {} pc {}: bad function",
                    f.name, pc
                ));
            }
        }
        // The inner loop stores a `StoreAddJmpLe`'s element with a constant width: a byte
        // or a word (`gosub_bytecode::fused::fuse3` makes no other).
        if let Op::StoreAddJmpLe(_, _, _, w, ..) = *op {
            if !matches!(w, Width::U8 | Width::I8 | Width::W64) {
                return Err(format!(
                    "bytecode verification failed: {} pc {}: StoreAddJmpLe of width {:?}",
                    f.name, pc, w
                ));
            }
        }
        // A fused instruction's tail (a jump's target, the operands) stays after it:
        // verified there, trusted here (gosub_bytecode::fused).
        let tail = gosub_bytecode::fused::tail(op);
        if !tail.is_empty() && f.code.get(pc + 1..pc + 1 + tail.len()) != Some(&tail[..]) {
            return Err(format!(
                "bytecode verification failed: {} pc {}: fused instruction without its tail",
                f.name, pc
            ));
        }
        // What a fused back edge also runs at its target stands there (fused.rs `at_target`).
        if let Some(t) = gosub_bytecode::fused::at_target(op) {
            let at = op.jump_target().and_then(|k| f.code.get(k as usize));
            if at != Some(&t) {
                return Err(format!(
                    "bytecode verification failed: {} pc {}: fused back edge without its target",
                    f.name, pc
                ));
            }
        }
        // A static call's parameters lie in the caller's frame (the interpreter checks
        // this only for calls through func values and interfaces).
        if let Op::Call { func, base } | Op::CallInPlace { func, base } = *op {
            // A frame called in place overlaps its caller's: the collector must find the
            // caller's live words through stack maps (gosub_bytecode::in_place).
            if matches!(op, Op::CallInPlace { .. }) && !gosub_bytecode::liveness::has_maps(f) {
                return Err(format!(
                    "bytecode verification failed: {} pc {}: in-place call without stack maps",
                    f.name, pc
                ));
            }
            let params = p.funcs[func as usize].params_size as u64;
            if base as u64 + params > f.frame_size as u64 + 8 {
                return Err(format!(
                    "bytecode verification failed: {} pc {}: call argument region outside frame",
                    f.name, pc
                ));
            }
        }
    }
    // Control never runs off the end (`Function`'s invariants): the last instruction does
    // not fall through and (above) every jump lands on an instruction. The dispatch
    // loop's instruction pointer relies on this.
    let ends = matches!(
        f.code.last(),
        Some(Op::Ret | Op::Jmp { .. } | Op::Unreachable | Op::Panic { .. } | Op::PanicMsg { .. })
    );
    if !ends || f.epilogue as usize >= f.code.len() {
        return Err(format!(
            "bytecode verification failed: {}: control can run past the last instruction",
            f.name
        ));
    }
    if let Some(c) = f.ctx_off {
        if c + 8 > f.frame_size {
            return Err(format!(
                "bytecode verification failed: {}: closure slot outside frame",
                f.name
            ));
        }
    }
    if let Some(d) = f.defer_off {
        if d + 8 > f.frame_size {
            return Err(format!(
                "bytecode verification failed: {}: defer slot outside frame",
                f.name
            ));
        }
    }
    if f.params_size > f.frame_size.max(8) || f.results_off + f.results_size > f.frame_size.max(8) {
        return Err(format!(
            "bytecode verification failed: {}: parameters outside frame",
            f.name
        ));
    }
    // A call zeroes the pointer words past the parameters, unchecked, as a suffix of the
    // list (`access::enter_frame`).
    if !f.ptr_words.is_sorted()
        || f.ptr_words
            .iter()
            .any(|&w| w as u64 * 8 + 8 > f.frame_size as u64)
    {
        return Err(format!(
            "bytecode verification failed: {}: pointer words out of order or outside the frame",
            f.name
        ));
    }
    Ok(())
}

/// The inline position tables (`gosub_bytecode::inline_pos`): every tag names an entry,
/// every entry an inlined call, every call a function, and a call's own position an
/// earlier call (so the chain a traceback follows ends). Readers tolerate a bad table; this
/// reports a compiler bug at load instead of a traceback that names the wrong function.
fn check_inline_positions(f: &Function, nfuncs: usize) -> Result<(), String> {
    use gosub_bytecode::inline_pos::INLINED;
    let entry_ok = |p: u32, below: usize| {
        p & INLINED == 0
            || f.inl_pos
                .get((p & !INLINED) as usize)
                .is_some_and(|&(_, c)| (c as usize) < below)
    };
    let ok = f.pos.iter().all(|&p| entry_ok(p, f.inl_calls.len()))
        && f.inl_pos
            .iter()
            .all(|&(_, c)| (c as usize) < f.inl_calls.len())
        && (f.inl_calls.iter().enumerate())
            .all(|(k, &(callee, at))| (callee as usize) < nfuncs && entry_ok(at, k));
    if ok {
        Ok(())
    } else {
        Err(format!(
            "bytecode verification failed: {}: bad inline position table",
            f.name
        ))
    }
}

pub fn verify(p: &Program) -> Result<(), String> {
    for (i, f) in p.funcs.iter().enumerate() {
        check_func(i, f, p)?;
    }
    Ok(())
}

/// `verify` of a program that grew from `old` (the VM's `load_more`: an eval session's next
/// input): a function `old` has at the same index with the same code and frame was verified
/// when `old` was loaded, and stays valid because the tables its indices refer to only grow.
/// Every other function is checked.
pub fn verify_grown(p: &Program, old: &Program) -> Result<(), String> {
    let same = |a: &Function, b: &Function| {
        a.frame_size == b.frame_size
            && a.params_size == b.params_size
            && a.results_off == b.results_off
            && a.results_size == b.results_size
            && a.ctx_off == b.ctx_off
            && a.defer_off == b.defer_off
            && a.ptr_words == b.ptr_words
            && a.code == b.code
            && a.pos == b.pos
            && a.inl_pos == b.inl_pos
            && a.inl_calls == b.inl_calls
    };
    let grew = p.strings.len() >= old.strings.len()
        && p.natives.len() >= old.natives.len()
        && p.gctypes.len() >= old.gctypes.len()
        && p.itabs.len() >= old.itabs.len()
        && p.static_boxes.len() >= old.static_boxes.len()
        && p.rtypes.len() >= old.rtypes.len()
        && p.messages.len() >= old.messages.len()
        && p.funcs.len() >= old.funcs.len();
    if !grew {
        return verify(p);
    }
    // The standard library's functions, shared by construction (gosub_layered::Prefixed).
    let shared = p.funcs.shared_with(&old.funcs);
    for (i, f) in p.funcs.iter().enumerate().skip(shared) {
        // The same shared function (the common case: one allocation, no comparison).
        if old
            .funcs
            .get(i)
            .is_some_and(|o| std::sync::Arc::ptr_eq(o, f) || same(o, f))
        {
            continue;
        }
        check_func(i, f, p)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn func(name: &str, code: Vec<Op>) -> Function {
        Function {
            name: name.into(),
            frame_size: 16,
            code,
            ..Function::default()
        }
    }

    /// A grown program skips only the functions it has unchanged from the old one.
    #[test]
    fn a_grown_program_verifies_what_changed() {
        let ok = || vec![Op::Move { dst: 0, src: 8 }, Op::Ret];
        let bad = || vec![Op::Move { dst: 0, src: 64 }, Op::Ret];
        let old = Program {
            funcs: vec![func("a", ok()).into(), func("b", ok()).into()].into(),
            ..Program::default()
        };
        assert_eq!(verify_grown(&old, &old), Ok(()));
        // A new function is checked.
        let mut grown = old.clone();
        grown.funcs.push(func("c", bad()).into());
        assert!(verify_grown(&grown, &old)
            .unwrap_err()
            .contains("c (#2) pc 0"));
        // So is a function whose code changed at an old index.
        let mut changed = old.clone();
        changed.funcs[1] = func("b", bad()).into();
        assert!(verify_grown(&changed, &old)
            .unwrap_err()
            .contains("b (#1) pc 0"));
        // And a frame that shrank under unchanged code.
        let mut shrunk = old.clone();
        shrunk.func_mut(0).frame_size = 8;
        assert!(verify_grown(&shrunk, &old).is_err());
    }

    /// A call zeroes the pointer words past the parameters as the list's suffix, so the
    /// list must be in order.
    #[test]
    fn pointer_words_must_be_ascending() {
        let program = |words: Vec<u32>| Program {
            funcs: vec![Function {
                ptr_words: words,
                params_size: 8,
                ..func("f", vec![Op::Ret])
            }
            .into()]
            .into(),
            ..Program::default()
        };
        let empty = Program::default();
        assert_eq!(verify_grown(&program(vec![0, 1]), &empty), Ok(()));
        let err = verify_grown(&program(vec![1, 0]), &empty).unwrap_err();
        assert!(err.contains("pointer words out of order"), "{err}");
        // The frame is 16 bytes: word 2 would be past it.
        let err = verify_grown(&program(vec![0, 2]), &empty).unwrap_err();
        assert!(err.contains("outside the frame"), "{err}");
        // A grown program whose function changed only its pointer words is checked again.
        let old = program(vec![0, 1]);
        assert!(verify_grown(&program(vec![1, 0]), &old).is_err());
    }

    /// The instructions the loops run without checks (here: string indexing, interface
    /// assertions, appends, a closure call's function value) have their registers checked.
    #[test]
    fn unchecked_instructions_have_their_registers_verified() {
        let program = |op: Op| Program {
            funcs: vec![func("f", vec![op, Op::Ret]).into()].into(),
            ..Program::default()
        };
        let empty = Program::default();
        // The frame is 16 bytes: a string at 8 would end at 24.
        let bad = [
            Op::StrIndex { dst: 0, s: 8, i: 0 },
            Op::IfaceType { dst: 0, src: 8 },
            Op::CallClosure {
                fv: 16,
                base: 0,
                args_size: 0,
            },
            Op::IfaceToIface {
                dst: 0,
                src: 0,
                iface_ty: 0,
                commaok: Some(16),
                assert: true,
            },
        ];
        for op in bad {
            let err = verify_grown(&program(op.clone()), &empty).unwrap_err();
            assert!(err.contains("outside frame"), "{op:?}: {err}");
        }
        let good = Op::StrIndex { dst: 0, s: 0, i: 8 };
        assert_eq!(verify_grown(&program(good), &empty), Ok(()));
    }

    /// A back edge that also runs the element load at its target is accepted only with
    /// that load there (fused.rs `at_target`): the inner loop takes its operands from it.
    #[test]
    fn a_fused_back_edge_needs_the_load_it_runs_at_its_target() {
        let load = |dst| Op::LoadElem {
            dst,
            s: 0,
            i: 24,
            w: gosub_bytecode::bytecode::Width::W64,
        };
        let fused = Op::IncLoadJmpLt(24, 1, 16, 0, 24, 0);
        let jump = gosub_bytecode::fused::second_half(&fused).unwrap();
        let program = |head: Op| Program {
            funcs: vec![Function {
                frame_size: 32,
                ..func("f", vec![head, fused.clone(), jump.clone(), Op::Ret])
            }
            .into()]
            .into(),
            ..Program::default()
        };
        let empty = Program::default();
        assert_eq!(verify_grown(&program(load(24)), &empty), Ok(()));
        for head in [load(16), Op::Nop] {
            let err = verify_grown(&program(head), &empty).unwrap_err();
            assert!(err.contains("fused back edge without its target"), "{err}");
        }
    }

    /// A fused instruction is accepted only with its tail right after it: the interpreter
    /// takes the tail's operands (a jump's target) from the fused instruction.
    #[test]
    fn a_fused_instruction_needs_its_jump() {
        let fused = Op::IncJmpLt {
            i: 0,
            n: 8,
            imm: 1,
            target: 0,
        };
        let jump = gosub_bytecode::fused::second_half(&fused).unwrap();
        let program = |code: Vec<Op>| Program {
            funcs: vec![func("f", code).into()].into(),
            ..Program::default()
        };
        let empty = Program::default();
        let good = program(vec![fused.clone(), jump, Op::Ret]);
        assert_eq!(verify_grown(&good, &empty), Ok(()));
        let other_target = Op::JmpLt {
            a: 0,
            b: 8,
            target: 2,
        };
        for code in [
            vec![fused.clone(), other_target, Op::Ret],
            vec![fused, Op::Ret],
        ] {
            let err = verify_grown(&program(code), &empty).unwrap_err();
            assert!(err.contains("fused instruction without its tail"), "{err}");
        }
        // A fused increment in memory needs both its add and its store, in order.
        let fused = Op::AddImmToMem {
            t1: 8,
            t2: 8,
            ptr: 0,
            off: 8,
            imm: 1,
        };
        let tail = gosub_bytecode::fused::tail(&fused);
        assert_eq!(tail.len(), 2);
        let good = program(vec![
            fused.clone(),
            tail[0].clone(),
            tail[1].clone(),
            Op::Ret,
        ]);
        assert_eq!(verify_grown(&good, &empty), Ok(()));
        for code in [
            vec![fused.clone(), tail[1].clone(), tail[0].clone(), Op::Ret],
            vec![fused.clone(), tail[0].clone(), Op::Ret],
        ] {
            let err = verify_grown(&program(code), &empty).unwrap_err();
            assert!(err.contains("fused instruction without its tail"), "{err}");
        }
    }

    /// A `StoreAddJmpLe` stores a byte or a word: the inner loop trusts its width.
    #[test]
    fn a_fused_element_store_has_a_byte_or_word_width() {
        let program = |w| {
            let fused = Op::StoreAddJmpLe(0, 24, 32, w, 32, 40, 48, 0);
            let mut code = vec![fused.clone()];
            code.extend(gosub_bytecode::fused::tail(&fused));
            code.push(Op::Ret);
            let mut f = func("f", code);
            f.frame_size = 56;
            Program {
                funcs: vec![f.into()].into(),
                ..Program::default()
            }
        };
        let empty = Program::default();
        for w in [Width::U8, Width::I8, Width::W64] {
            assert_eq!(verify_grown(&program(w), &empty), Ok(()), "{w:?}");
        }
        let err = verify_grown(&program(Width::U32), &empty).unwrap_err();
        assert!(err.contains("StoreAddJmpLe of width U32"), "{err}");
    }
}
