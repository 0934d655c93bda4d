//! The addresses a fmt call prints (`%p`; `%v`, `%d`, `%x`... of a pointer to a
//! non-composite value, a channel, a function or an unsafe.Pointer; and every such value
//! inside a struct, array, slice, map or interface operand, which fmt prints as an
//! address). Before formatting,
//! fmt hands them to `gosub_vm::gc::pin_observed`, so that a young object, which a later
//! collection would move, is promoted first and the printed address is the one it keeps,
//! as in Go's non-moving heap.
//!
//! Invariant: this runs at the start of a formatting native, before it holds any VM
//! address; it reads the format and the operands, never calls methods, and may run a
//! collection (the native then reads its arguments afresh).

use gosub_bytecode::program::RKind;
use gosub_heap::Addr;
use gosub_vm::{Trap, Vm};

/// Pins the addresses the call will print. `args` is the `[]any` slice parameter's address;
/// `format` the Printf format (None: every operand printed with %v).
pub(super) fn pin_printed(vm: &mut Vm, args: Addr, format: Option<&[u8]>) -> Result<(), Trap> {
    let p = vm.heap.read_u64(args)?;
    let n = vm.heap.read_u64(args + 8)? as usize;
    if n == 0 {
        return Ok(());
    }
    let verbs = match format {
        None => vec![Some('v'); n],
        Some(f) => verbs_of(f, n),
    };
    let prog = vm.prog.clone();
    let mut addrs = Vec::new();
    for (i, verb) in verbs.into_iter().enumerate().take(n) {
        let Some(verb) = verb else { continue };
        let ia = p + 16 * i as u64;
        let it = vm.heap.read_u64(ia)?;
        let Some(t) = gosub_vm::iface::dyn_rtype(vm, it) else {
            continue;
        };
        let rt = &prog.rtypes[t as usize];
        let has_methods = rt
            .methods
            .iter()
            .any(|(m, _)| matches!(m.as_str(), "Format" | "Error" | "String" | "GoString"));
        if verb != 'p' && has_methods {
            continue;
        }
        let data = vm.heap.read_u64(ia + 8)?;
        let printed = match rt.kind {
            RKind::Pointer => {
                let composite = matches!(
                    prog.rtypes[rt.elem as usize].kind,
                    RKind::Struct | RKind::Array | RKind::Slice | RKind::Map
                );
                if composite && verb != 'p' && data != 0 {
                    // `&{...}`: the pointee's own pointers print as addresses.
                    nested(vm, rt.elem, data, &mut addrs)?;
                }
                verb == 'p' || !composite
            }
            RKind::Slice if verb == 'p' => {
                addrs.push(vm.heap.read_u64(data)?);
                false
            }
            RKind::Struct | RKind::Array | RKind::Slice | RKind::Interface => {
                let at = if rt.direct { ia + 8 } else { data };
                nested(vm, t, at, &mut addrs)?;
                false
            }
            RKind::Chan | RKind::Func | RKind::UnsafePointer => true,
            RKind::Map => {
                if verb != 'p' {
                    nested(vm, t, ia + 8, &mut addrs)?;
                }
                verb == 'p'
            }
            _ => false,
        };
        if printed {
            addrs.push(data);
        }
    }
    gosub_vm::gc::pin_observed(vm, &addrs)?;
    Ok(())
}

/// Most values `nested` looks at for one operand (fmt's own output bounds the cost anyway;
/// past this, pointers further in are not pinned).
const NESTED_BUDGET: usize = 100_000;

/// Pointers fmt prints as addresses inside the value of rtype `t` at `at` (struct fields,
/// array and slice elements, interface contents, map keys and values): every pointer,
/// channel, function and unsafe.Pointer below the top level.
fn nested(vm: &Vm, t: u32, at: Addr, out: &mut Vec<Addr>) -> Result<(), Trap> {
    let prog = vm.prog.clone();
    let mut work = vec![(t, at)];
    let mut budget = NESTED_BUDGET;
    while let Some((t, at)) = work.pop() {
        if budget == 0 {
            break;
        }
        budget -= 1;
        let rt = &prog.rtypes[t as usize];
        match rt.kind {
            RKind::Struct => {
                for f in &rt.fields {
                    work.push((f.typ, at + f.offset));
                }
            }
            RKind::Array => {
                let es = prog.rtypes[rt.elem as usize].size;
                for i in 0..rt.len.min(budget as u64) {
                    work.push((rt.elem, at + i * es));
                }
            }
            RKind::Slice => {
                let (p, n) = (vm.heap.read_u64(at)?, vm.heap.read_u64(at + 8)?);
                let es = prog.rtypes[rt.elem as usize].size;
                for i in 0..n.min(budget as u64) {
                    work.push((rt.elem, p + i * es));
                }
            }
            RKind::Interface => {
                let it = vm.heap.read_u64(at)?;
                if let Some(dt) = gosub_vm::iface::dyn_rtype(vm, it) {
                    let drt = &prog.rtypes[dt as usize];
                    let data = if drt.direct {
                        at + 8
                    } else {
                        vm.heap.read_u64(at + 8)?
                    };
                    work.push((dt, data));
                }
            }
            RKind::Map => {
                let m = vm.heap.read_u64(at)?;
                let entries = crate::fmtsort::live_entries(vm, &prog, t, m)?;
                for (k, v) in entries.into_iter().take(budget) {
                    work.push((rt.key, k));
                    work.push((rt.elem, v));
                }
            }
            RKind::Pointer | RKind::Chan | RKind::Func | RKind::UnsafePointer => {
                out.push(vm.heap.read_u64(at)?);
            }
            _ => {}
        }
    }
    Ok(())
}

/// The verb each operand gets in `format` (None for one used as a `*` width or precision,
/// or not reached). With explicit argument indexes every operand counts as printed by %p
/// (which pins the most).
fn verbs_of(format: &[u8], n: usize) -> Vec<Option<char>> {
    let mut verbs = vec![None; n];
    let mut arg = 0;
    let mut i = 0;
    while i < format.len() {
        if format[i] != b'%' {
            i += 1;
            continue;
        }
        i += 1;
        while i < format.len() && b"+-# 0".contains(&format[i]) {
            i += 1;
        }
        let star = |i: &mut usize, arg: &mut usize| {
            if format.get(*i) == Some(&b'*') {
                *i += 1;
                *arg += 1;
            }
            while format.get(*i).is_some_and(|c| c.is_ascii_digit()) {
                *i += 1;
            }
        };
        star(&mut i, &mut arg);
        if format.get(i) == Some(&b'.') {
            i += 1;
            star(&mut i, &mut arg);
        }
        match format.get(i) {
            None => break,
            Some(b'[') => return vec![Some('p'); n],
            Some(b'%') => {}
            Some(&c) => {
                if let Some(v) = verbs.get_mut(arg) {
                    *v = Some(c as char);
                }
                arg += 1;
            }
        }
        i += 1;
    }
    verbs
}
