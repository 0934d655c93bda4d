//! Method values (`x.M`, `r.Read`: closures binding the receiver, in the frame when escape
//! analysis keeps them there, as gc places them on the stack) and method expressions
//! (`T.M`, `I.M`: function values).
//!
//! Invariant: a bound closure is laid out as every closure is, {function, captured words},
//! and its last captured word is the receiver's data word, its only pointer.

use crate::bytecode::{Op, Reg};
use crate::call::{receiver, recv_type, wrapper_for};
use crate::gen::Gen;
use gosub_syntax::ast::Expr;
use gosub_types::{self as types, ObjId, Selection, TypeId, TypeKind};

/// A method value `x.M` (bound receiver): a closure capturing the receiver.
pub fn method_value<'a>(g: &mut Gen<'a>, e: &'a Expr, x: &'a Expr, dst: Reg) {
    let span = e.span;
    match g.p.info.selections.get(&e.id).cloned() {
        Some(Selection::Method {
            path,
            func,
            ptr_recv,
        }) => {
            let recv_t = recv_type(g, func);
            let rv = receiver(g, x, &path, ptr_recv);
            // Box the receiver into an `any` and bind through a wrapper taking the data word.
            let boxed = g.temp(types::T_ANY);
            let direct = g.is_direct_iface(recv_t);
            let in_frame = g.esc.stack_allocs.contains(&e.id);
            if in_frame && !direct {
                // The method value does not escape: the receiver's copy is a frame object,
                // as gc keeps it in the closure on the stack.
                let slot = g.slot(recv_t);
                g.mov(slot, rv, recv_t);
                g.emit(Op::AddrLocal {
                    dst: boxed + 8,
                    src: slot,
                });
            } else {
                g.box_into(boxed, rv, recv_t, types::T_ANY);
            }
            let w = wrapper_for(g, recv_t, func, direct);
            bound_closure(g, w, func, boxed, dst, in_frame);
        }
        Some(Selection::IfaceMethod { index, path }) if path.is_empty() => {
            // `r.Read`: a closure capturing the interface value (its two words), whose
            // thunk calls method `index` on it. A nil interface panics here, as in Go.
            let xt = g.type_of(x.id);
            let iv = g.expr(x);
            let keep = g.temp(types::T_ANY);
            g.mov(keep, iv, types::T_ANY);
            g.emit(Op::NilCheck { ptr: keep });
            let sig = match g.p.types.under(xt) {
                TypeKind::Interface(ms) => ms.get(index).map(|m| (m.sig, m.name.clone())),
                _ => None,
            };
            let Some((sig, mname)) = sig else {
                g.err(span, "gosub: unsupported method value");
                return;
            };
            let name = format!("{}.{}-fm", g.p.types.type_string(xt, true), mname);
            let found = g.out.funcs.iter().position(|f| f.name == name);
            let thunk = match found {
                Some(i) => i as u32,
                None => {
                    let idx = g.new_func(name, span.lo);
                    g.jobs.push(crate::gen::Job {
                        func: idx,
                        kind: crate::gen::JobKind::IfaceThunk {
                            index,
                            sig,
                            bound: true,
                        },
                    });
                    idx
                }
            };
            // The closure object: [function, itab word, data word]; the data word is the
            // only pointer.
            if g.esc.stack_allocs.contains(&e.id) {
                // The closure: [function, itab word, data word]; the data word is its pointer.
                g.frame_closure(thunk, keep, 2, vec![2], dst);
                return;
            }
            let gcty = g.gctype(24, vec![2]);
            g.emit(Op::MakeClosure {
                dst,
                func: thunk,
                caps: keep,
                ncap: 2,
                gcty,
            });
        }
        _ => g.err(span, "gosub: unsupported method value"),
    }
}

/// Creates a closure whose single captured word is the receiver's data word (in the frame
/// when the method value does not escape).
fn bound_closure(
    g: &mut Gen,
    func: u32,
    method: ObjId,
    boxed_iface: Reg,
    dst: Reg,
    in_frame: bool,
) {
    let caps = g.temp_word(true);
    g.emit(Op::Move {
        dst: caps,
        src: boxed_iface + 8,
    });
    let bf = bound_thunk(g, func, method);
    if in_frame {
        g.frame_closure(bf, caps, 1, vec![1], dst);
        return;
    }
    let gcty = g.gctype(16, vec![1]);
    g.emit(Op::MakeClosure {
        dst,
        func: bf,
        caps,
        ncap: 1,
        gcty,
    });
}

/// A thunk that passes its captured word as the receiver to `func` (a wrapper taking the
/// data word), forwarding parameters and results.
fn bound_thunk(g: &mut Gen, func: u32, method: ObjId) -> u32 {
    let name = format!("{}-fm", g.out.funcs[func as usize].name);
    if let Some(i) = g.out.funcs.iter().position(|f| f.name == name) {
        return i as u32;
    }
    let idx = g.new_func(name, g.out.funcs[func as usize].decl_pos);
    g.out.func_mut(idx).native = None;
    g.jobs.push(crate::gen::Job {
        func: idx,
        kind: crate::gen::JobKind::Thunk {
            target: func,
            method,
        },
    });
    idx
}

/// `I.M` for an interface type I: the function value of a thunk taking the interface as
/// its first parameter (gc names it `I.M`).
pub fn iface_method_expr(g: &mut Gen, recv: TypeId, index: usize, dst: Reg) {
    let sig = match g.p.types.under(recv) {
        TypeKind::Interface(ms) => ms.get(index).map(|m| (m.sig, m.name.clone())),
        _ => None,
    };
    let Some((sig, mname)) = sig else {
        return;
    };
    let name = format!("{}.{}", g.p.types.type_string(recv, true), mname);
    let found = g.out.funcs.iter().position(|f| f.name == name);
    let f = match found {
        Some(i) => i as u32,
        None => {
            let pos = g.fs().f.cur_pos;
            let idx = g.new_func(name, pos);
            g.jobs.push(crate::gen::Job {
                func: idx,
                kind: crate::gen::JobKind::IfaceThunk {
                    index,
                    sig,
                    bound: false,
                },
            });
            idx
        }
    };
    g.emit(Op::FuncVal { dst, func: f });
}

pub fn method_expr(g: &mut Gen, func: ObjId, ptr_recv: bool, recv: TypeId, dst: Reg) {
    let _ = (ptr_recv, recv);
    let f = g.func_index.get(&func).copied().unwrap_or(0);
    g.emit(Op::FuncVal { dst, func: f });
}
