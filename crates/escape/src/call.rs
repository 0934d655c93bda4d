//! Calls (gc's call.go).
//! - conversions: to an interface, boxing (`expr.rs`); string ↔ `[]byte`/`[]rune` and
//!   integer → string: an allocation site reported at the operand; others are the operand;
//! - a static callee analysed in an earlier batch: each argument (the receiver first) flows
//!   as its parameter's summary says (`Leaks`: to the heap, or to result i, with d
//!   dereferences); a callee without a summary: to the heap;
//! - a callee of the current batch (recursion, a literal called directly or through a local
//!   bound once to it): arguments flow to its parameter locations, its result locations to
//!   the call's holes;
//! - interface method calls and calls of other function values: every argument leaks to the
//!   heap; an interface call whose receiver statically holds one concrete type is
//!   devirtualized (`devirtualizing x.M to T`) and analysed as a static call;
//! - `f(g())` with a multi-value `g`: each result flows to its parameter; the `...`
//!   arguments of a variadic call are packed into a `... argument` allocation site;
//! - `go f(x)`, `defer f(x)`: as gc wraps the call in a closure, `f` and the evaluated
//!   arguments flow into a wrapper that flows to the heap (`go`, or `defer` inside a loop) or
//!   lives until the function returns (`defer` at loop depth 1).

use crate::alloc::*;
use crate::build::*;
use crate::graph::*;
use crate::types_util::*;
use gosub_syntax::ast::{unparen, Expr, ExprKind, NodeId};
use gosub_types::{ObjId, ObjKind, Selection, TypeId, TypeKind};

impl<'a, 'c> Builder<'a, 'c> {
    /// `go call` / `defer call` (gc's goDeferStmt).
    pub(crate) fn go_defer(&mut self, is_go: bool, call: &'a Expr) {
        let c = unparen(call);
        let mut k = self.heap();
        // A loop body's defer outlives the body: it runs when the loop's function returns.
        let at_loop_fn = self.p().info.rangefunc.defer_at.contains_key(&call.id);
        if !is_go && self.depth == 1 && !at_loop_fn {
            let b = self.blank();
            k = self.later(b);
        }
        let ExprKind::Call { fun, args, .. } = &c.kind else {
            self.expr(k, call);
            return;
        };
        if args.is_empty() && matches!(unparen(fun).kind, ExprKind::FuncLit { .. }) {
            // `go func(){...}()` / `defer func(){...}()`: the closure itself is the callee.
            self.deferred_lits.insert(unparen(fun).id);
            if is_go {
                self.go_lits.insert(unparen(fun).id);
            }
            self.expr(k, fun);
            return;
        }
        // gc wraps the call in a closure capturing the evaluated arguments by value: the
        // function value and the arguments flow to the wrapper, which flows to `k`.
        let wrapper = self.new_loc(LocKind::Temp, false);
        self.g.flow(&k, wrapper);
        if let ExprKind::FuncLit { .. } = unparen(fun).kind {
            self.deferred_lits.insert(unparen(fun).id);
            if is_go {
                self.go_lits.insert(unparen(fun).id);
            }
        }
        // The call itself (inside the wrapper) is analysed normally.
        self.call(None, c);
        // Plus: every argument value persists in the wrapper.
        let kw = Hole::to(wrapper);
        for a in args {
            let kk = kw.clone();
            self.expr(kk, a);
        }
        let kf = kw.clone();
        self.expr(kf, fun);
    }

    /// A call expression; `ks` are the holes of its results (None for a statement call).
    pub fn call(&mut self, ks: Option<Vec<Hole>>, e: &'a Expr) {
        let Some((fun, args, ellipsis)) = e.as_call() else {
            return;
        };
        let tt = &self.p().types;
        let k0 = ks
            .as_ref()
            .and_then(|v| v.first().cloned())
            .unwrap_or(Hole::to(BLANK));
        if let Some(&to) = self.p().info.conversions.get(&e.id) {
            let Some(x) = args.first() else { return };
            let from = self.ty(x).unwrap_or(gosub_types::T_INVALID);
            if tt.is_interface(to) {
                if tt.is_interface(from) {
                    self.expr(k0, x);
                } else {
                    self.conv_iface(k0, x, TAG_PRIMARY);
                }
                return;
            }
            let (fs, ts) = (is_string(tt, from), is_string(tt, to));
            let from_slice = matches!(tt.under(from), TypeKind::Slice(_));
            let to_slice = matches!(tt.under(to), TypeKind::Slice(_));
            let from_int = tt.basic(from).is_some_and(|b| b.is_integer());
            if (ts && (from_slice || from_int)) || (fs && to_slice) {
                // The conversion node is reported at its operand's position.
                self.spill_conv(k0, e, x);
                self.discard(x);
                return;
            }
            self.expr(k0, x);
            return;
        }
        if let Some(b) = self.builtin_of(fun) {
            self.builtin(b, ks, e, args, ellipsis);
            return;
        }
        // Resolve the callee.
        let f = unparen(fun);
        let mut recv: Option<(&'a Expr, Vec<usize>, bool)> = None;
        let callee = match &f.kind {
            ExprKind::Ident(id) => match self.p().info.uses.get(&id.id) {
                Some(&o) => match self.p().obj(o).kind {
                    ObjKind::Func { .. } => Callee::Static(o),
                    ObjKind::Var { global: false, .. } => match self.static_lits.get(&o) {
                        Some(lit) => Callee::Lit(lit.id),
                        None => Callee::Unknown,
                    },
                    _ => Callee::Unknown,
                },
                None => Callee::Unknown,
            },
            ExprKind::FuncLit { .. } => Callee::Lit(f.id),
            ExprKind::Index { .. } | ExprKind::IndexList { .. } => match self.p().instance_of(f) {
                Some(o) => Callee::Static(o),
                None => Callee::Unknown,
            },
            ExprKind::Selector { x, .. } => match self.p().info.selections.get(&f.id).cloned() {
                Some(Selection::Qualified(o)) => match self.p().obj(o).kind {
                    ObjKind::Func { .. } => Callee::Static(o),
                    _ => Callee::Unknown,
                },
                Some(Selection::Method {
                    path,
                    func,
                    ptr_recv,
                }) => {
                    recv = Some((x, path, ptr_recv));
                    Callee::Static(func)
                }
                Some(Selection::MethodExpr { func, .. }) => Callee::Static(func),
                Some(Selection::IfaceMethod { path, .. }) => {
                    let mut c = Callee::Iface;
                    if path.is_empty() {
                        if let (Some(ct), ExprKind::Selector { sel, .. }) =
                            (self.static_concrete(x), &f.kind)
                        {
                            if let Some((m, ptr_recv)) = self.method_of(ct, &sel.name) {
                                let p = self.p();
                                let tn = p.types.type_string(ct, false);
                                let msg = format!(
                                    "devirtualizing {} to {}",
                                    crate::diag::fmt_expr(p, f),
                                    tn
                                );
                                // gc rewrites the call to a method expression call.
                                let base = tn.trim_start_matches('*');
                                let fun = if tn.starts_with('*') {
                                    format!("(*{}).{}", base, sel.name)
                                } else {
                                    format!("{}.{}", base, sel.name)
                                };
                                let mut argv =
                                    vec![format!("{}.({})", crate::diag::fmt_expr(p, x), tn)];
                                argv.extend(args.iter().map(|a| crate::diag::fmt_expr(p, a)));
                                self.devirt_text
                                    .insert(e.id, format!("{}({})", fun, argv.join(", ")));
                                self.walk_lines.push((call_lparen(e), msg, self.cur));
                                c = Callee::Static(m);
                                // The receiver is x.(T): a dereference unless T is pointer-shaped.
                                let _ = ptr_recv;
                                recv = Some((x, Vec::new(), false));
                                self.devirt_recv = Some(ct);
                            }
                        }
                    }
                    if matches!(c, Callee::Iface) {
                        recv = Some((x, path, false));
                    }
                    c
                }
                _ => Callee::Unknown,
            },
            _ => Callee::Unknown,
        };
        let sig = self.ty(fun).and_then(|t| match tt.under(t) {
            TypeKind::Func(s) => Some(s.clone()),
            _ => None,
        });
        let Some(sig) = sig else {
            self.discard(fun);
            for a in args {
                let h = self.heap();
                self.expr(h, a);
            }
            return;
        };
        // In-batch callee: results flow from the callee's result locations.
        if let Some(ks) = &ks {
            if let Some(fk) = self.batch_key(callee) {
                let results = self.p().func_vars(fk).results.clone();
                for (i, r) in results.iter().enumerate() {
                    if let Some(k) = ks.get(i) {
                        let l = self.var(*r);
                        self.g.flow(k, l);
                    }
                }
            }
        }
        // The function value itself.
        match callee {
            Callee::Unknown => {
                let k = self.blank();
                self.expr(k, fun);
            }
            Callee::Lit(id) if matches!(f.kind, ExprKind::FuncLit { .. }) => {
                self.direct_lits.insert(id);
                let k = self.blank();
                self.expr(k, fun);
            }
            _ => {}
        }
        let ks_all = ks.clone().unwrap_or_default();
        let mut nparam = 0usize;
        // Receiver.
        let has_recv = matches!(callee, Callee::Static(o) if self.recv_of(o))
            && !matches!(f.kind, ExprKind::Selector { .. } if matches!(self.p().info.selections.get(&f.id), Some(Selection::MethodExpr { .. })));
        if let Some((x, path, ptr_recv)) = recv {
            let pk = match callee {
                Callee::Iface => self.heap(),
                _ => self.param_hole(&ks_all, callee, 0, true),
            };
            let pk = self.note_e(pk, e, "call parameter");
            let kk = if let Some(ct) = self.devirt_recv.take() {
                let tt = &self.p().types;
                if !is_direct_iface(tt, ct) {
                    pk.shift(1)
                } else {
                    pk
                }
            } else if matches!(callee, Callee::Iface) {
                self.field_path_hole(pk, x, &path, f)
            } else {
                self.recv_hole(pk, x, &path, ptr_recv)
            };
            self.expr(kk, x);
            nparam = 1;
        } else if has_recv {
            nparam = 0;
        }
        let method_expr_recv = matches!(f.kind, ExprKind::Selector { .. })
            && matches!(
                self.p().info.selections.get(&f.id),
                Some(Selection::MethodExpr { .. })
            );
        let _ = nparam;
        // Arguments.
        let nps = sig.params.len();
        if let ([a0], true) = (args, nps > 1) {
            // f(g()) with a multi-value g: each result flows to a parameter.
            let mut hs = Vec::new();
            for i in 0..nps {
                let h = self.arg_hole(&ks_all, callee, i, method_expr_recv);
                hs.push(h);
            }
            self.call(Some(hs), unparen(a0));
            return;
        }
        for (i, a) in args.iter().enumerate() {
            if sig.variadic && !ellipsis && i + 1 >= nps {
                if i + 1 == nps {
                    // Pack the variadic arguments into a `...` slice.
                    let h = self.arg_hole(&ks_all, callee, nps - 1, method_expr_recv);
                    let h = self.note_e(h, e, "call parameter");
                    let sl = self.spill(h, e, TAG_DDD, AllocKind::Ddd);
                    let et = sig.params.last().and_then(|&t| match tt.under(t) {
                        TypeKind::Slice(et) => Some(*et),
                        _ => None,
                    });
                    for a2 in args.iter().skip(i) {
                        let kk = self.note(
                            sl.clone(),
                            call_lparen(e),
                            || "... argument".into(),
                            "slice-literal-element",
                        );
                        self.expr_conv(kk, a2, et);
                    }
                }
                continue;
            }
            let h = self.arg_hole(&ks_all, callee, i, method_expr_recv);
            let h = self.note_e(h, e, "call parameter");
            self.expr_conv(h, a, sig.params.get(i).copied());
        }
    }

    /// The method `name` of concrete type `t` (or of `*t`'s base): (func, pointer receiver).
    pub(crate) fn method_of(&self, t: TypeId, name: &str) -> Option<(ObjId, bool)> {
        let tt = &self.p().types;
        let base = match tt.kind(t) {
            TypeKind::Pointer(b) => *b,
            _ => t,
        };
        let nt = tt.named_of(base)?;
        for &m in &nt.methods {
            let o = self.p().obj(m);
            if o.name == name {
                if let ObjKind::Func { ptr_recv, .. } = o.kind {
                    return Some((m, ptr_recv));
                }
            }
        }
        None
    }

    /// Is `o` a method (with a receiver)?
    pub(crate) fn recv_of(&self, o: ObjId) -> bool {
        matches!(self.p().obj(o).kind, ObjKind::Func { recv: Some(_), .. })
    }

    /// The FnKey of callee `c` when it is a function of the current batch.
    pub(crate) fn batch_key(&self, c: Callee) -> Option<FnKey> {
        match c {
            Callee::Static(o) => {
                let fd = self.cx.decls.get(&o)?;
                fd.body.as_ref()?;
                if self.batch.contains(&fd.name.id) {
                    Some(fd.name.id)
                } else {
                    None
                }
            }
            Callee::Lit(id) => Some(id),
            _ => None,
        }
    }

    /// Hole for argument `i` (0-based, not counting a receiver) of a call to `c`.
    pub(crate) fn arg_hole(&mut self, ks: &[Hole], c: Callee, i: usize, method_expr: bool) -> Hole {
        match c {
            Callee::Static(o) => {
                let has_recv = self.recv_of(o);
                if method_expr && has_recv {
                    // T.m(recv, args...): argument 0 is the receiver.
                    self.param_hole(ks, c, i, false)
                } else {
                    let idx = if has_recv { i + 1 } else { i };
                    self.param_hole(ks, c, idx, false)
                }
            }
            Callee::Lit(_) => self.param_hole(ks, c, i, false),
            _ => self.heap(),
        }
    }

    /// Hole for parameter `idx` (receiver first) of callee `c`.
    pub(crate) fn param_hole(&mut self, ks: &[Hole], c: Callee, idx: usize, _recv: bool) -> Hole {
        let fk = match c {
            Callee::Static(o) => match self.cx.decls.get(&o) {
                Some(fd) => fd.name.id,
                None => return self.heap(),
            },
            Callee::Lit(id) => id,
            _ => return self.heap(),
        };
        let fv = self.p().func_vars(fk).clone();
        let vars: Vec<ObjId> = fv.recv.iter().chain(fv.params.iter()).copied().collect();
        if self.batch_key(c).is_some() {
            // In the same batch: flow to the parameter location itself.
            return match vars.get(idx) {
                Some(&o) if self.p().obj(o).name != "_" => Hole::to(self.var(o)),
                _ => self.blank(),
            };
        }
        let Some(tags) = self.cx.tags.get(&fk) else {
            return self.heap();
        };
        let Some(l) = tags.get(idx).copied() else {
            return self.heap();
        };
        let mut out = Vec::new();
        if let Some(x) = l.heap {
            out.push(self.heap().shift(x));
        }
        for (i, r) in l.results.iter().enumerate() {
            if let (Some(x), Some(k)) = (r, ks.get(i)) {
                out.push(k.clone().shift(*x));
            }
        }
        self.tee(out)
    }
}

#[derive(Clone, Copy, Debug)]
pub enum Callee {
    Static(ObjId),
    Lit(NodeId),
    Iface,
    Unknown,
}
