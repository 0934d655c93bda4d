//! The operands whose address a fmt call prints (`%p`; `%v`, `%d`, `%x`... of a pointer to
//! a non-composite value, a channel, a function or an unsafe.Pointer). Before formatting,
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
                verb == 'p' || !composite
            }
            RKind::Chan | RKind::Func | RKind::UnsafePointer => true,
            RKind::Map => verb == 'p',
            RKind::Slice if verb == 'p' => {
                addrs.push(vm.heap.read_u64(data)?);
                false
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
