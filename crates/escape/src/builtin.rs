//! Builtin functions (gc's call.go, `case ir.OAPPEND, ...`), one rule per builtin:
//! - `append(s, xs...)`: the result is `s`, which is also mutated; pointers in the appended
//!   elements flow to the heap; the grown backing store is an allocation site at loop
//!   depth 0 (it may be reused by any iteration);
//! - `copy(dst, src)`: `dst` is mutated; pointers in `src`'s elements flow to the heap;
//! - `panic(v)`: `v` flows to the heap, boxed into `any`;
//! - `new(T)`, `make(...)`: allocation sites; for `make([]T, n)` with `n` a never-reassigned
//!   local bound to a constant, the message names the constant (gc's rewriteWithLiterals);
//! - `min`, `max`: every argument flows to the result; `clear(x)`: `x` is mutated;
//! - `unsafe.StringData`, `SliceData`, `Add`, `Slice`, `String`: the first argument flows to
//!   the result;
//! - the rest (`len`, `cap`, `delete`, `close`, `print`, ...) only read their arguments.

use crate::alloc::*;
use crate::build::*;
use crate::graph::*;
use crate::types_util::*;
use gosub_syntax::ast::{unparen, Expr, ExprKind};
use gosub_types::{Builtin, ObjKind, TypeKind};

impl<'a, 'c> Builder<'a, 'c> {
    /// The builtin `fun` names (`len`, or `unsafe.Add`), if any.
    pub(crate) fn builtin_of(&self, fun: &Expr) -> Option<Builtin> {
        match &unparen(fun).kind {
            ExprKind::Ident(id) => match self
                .p()
                .info
                .uses
                .get(&id.id)
                .map(|&o| &self.p().obj(o).kind)
            {
                Some(ObjKind::Builtin(b)) => Some(*b),
                _ => None,
            },
            ExprKind::Selector { sel, .. } => match self
                .p()
                .info
                .uses
                .get(&sel.id)
                .map(|&o| &self.p().obj(o).kind)
            {
                Some(ObjKind::Builtin(b)) => Some(*b),
                _ => None,
            },
            _ => None,
        }
    }

    /// A call of builtin `b`; `ks` are the holes of its result.
    pub(crate) fn builtin(
        &mut self,
        b: Builtin,
        ks: Option<Vec<Hole>>,
        e: &'a Expr,
        args: &'a [Expr],
        ellipsis: bool,
    ) {
        let tt = &self.p().types;
        let k0 = ks
            .as_ref()
            .and_then(|v| v.first().cloned())
            .unwrap_or(Hole::to(BLANK));
        match b {
            Builtin::Append => {
                let Some(s0) = args.first() else { return };
                let st = self.ty(s0).unwrap_or(gosub_types::T_INVALID);
                let elem_ptrs = match tt.under(st) {
                    TypeKind::Slice(et) => has_pointers(tt, *et),
                    _ => false,
                };
                let et = match tt.under(st) {
                    TypeKind::Slice(et) => Some(*et),
                    _ => None,
                };
                let m = self.mutator();
                let mut ak = self.tee(vec![k0.clone(), m]);
                if elem_ptrs {
                    let h = self.note_e(self.heap().shift(1), e, "appendee slice");
                    ak = self.tee(vec![ak, h]);
                }
                let ak = self.note_e(ak, e, "call parameter");
                self.expr(ak, s0);
                if ellipsis {
                    if let Some(a1) = args.get(1) {
                        let a1t = self.ty(a1).unwrap_or(gosub_types::T_INVALID);
                        let k = match tt.under(a1t) {
                            TypeKind::Slice(et) if has_pointers(tt, *et) => {
                                self.note_e(self.heap().shift(1), e, "appended slice...")
                            }
                            _ => self.blank(),
                        };
                        self.expr(k, a1);
                    }
                } else {
                    for a in args.iter().skip(1) {
                        let h = self.note_e(self.heap(), e, "call parameter");
                        self.expr_conv(h, a, et);
                    }
                }
                let bs = self.spill(k0, e, TAG_PRIMARY, AllocKind::Append);
                self.g.locs[bs.dst].loop_depth = 0;
            }
            Builtin::Copy => {
                if let Some(d) = args.first() {
                    self.mutate(d);
                }
                if let Some(s) = args.get(1) {
                    let st = self.ty(s).unwrap_or(gosub_types::T_INVALID);
                    let k = match tt.under(st) {
                        TypeKind::Slice(et) if has_pointers(tt, *et) => self.heap().shift(1),
                        _ => self.blank(),
                    };
                    self.expr(k, s);
                }
            }
            Builtin::Panic => {
                if let Some(a) = args.first() {
                    let h = self.note_e(self.heap(), e, "call parameter");
                    self.expr_conv(h, a, Some(gosub_types::T_ANY));
                }
            }
            Builtin::New => {
                self.spill(k0, e, TAG_PRIMARY, AllocKind::New);
            }
            Builtin::Make => {
                let t = self.ty(e).unwrap_or(gosub_types::T_INVALID);
                match tt.under(t) {
                    TypeKind::Slice(_) => {
                        self.make_calls.insert(e.id, e);
                        self.spill(k0, e, TAG_PRIMARY, AllocKind::MakeSlice);
                        self.rewrite_make(e, args);
                    }
                    TypeKind::Map(..) => {
                        self.spill(k0, e, TAG_PRIMARY, AllocKind::MakeMap);
                    }
                    _ => {}
                }
                for a in args.iter().skip(1) {
                    self.discard(a);
                }
            }
            Builtin::Min | Builtin::Max => {
                for a in args {
                    self.expr(k0.clone(), a);
                }
            }
            Builtin::Clear => {
                if let Some(a) = args.first() {
                    self.mutate(a);
                }
            }
            Builtin::StringData | Builtin::SliceData => {
                if let Some(a) = args.first() {
                    self.expr(k0, a);
                }
            }
            Builtin::Add | Builtin::Slice | Builtin::String => {
                if let Some(a) = args.first() {
                    self.expr(k0, a);
                }
                for a in args.iter().skip(1) {
                    self.discard(a);
                }
            }
            _ => {
                for a in args {
                    self.discard(a);
                }
            }
        }
    }

    /// gc's rewriteWithLiterals for `make([]T, n)` with `n` statically a non-negative constant.
    pub(crate) fn rewrite_make(&mut self, e: &'a Expr, args: &'a [Expr]) {
        let idx = if args.len() >= 3 { 2 } else { 1 };
        let Some(a) = args.get(idx) else { return };
        if self.p().info.consts.contains_key(&a.id) {
            return;
        }
        let Some(c) = self.static_const(a) else {
            return;
        };
        let Some(gosub_types::ConstValue::Int(n)) = self.p().info.consts.get(&c.id) else {
            return;
        };
        if *n < 0 {
            return;
        }
        self.make_consts.insert(e.id, *n);
        let p = self.p();
        let mut parts: Vec<String> = Vec::new();
        for (i, x) in args.iter().enumerate() {
            parts.push(if i == 0 {
                crate::diag::fmt_type_expr(p, x)
            } else if i == idx {
                n.to_string()
            } else {
                crate::diag::fmt_expr(p, x)
            });
        }
        if let Some(info) = self.alloc_info.get_mut(&key(e.id, TAG_PRIMARY)) {
            info.text = format!("make({})", parts.join(", "));
        }
    }
}
