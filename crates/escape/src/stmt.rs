//! Statements (gc's stmt.go), one rule per kind:
//! - `var x = e`, `x := e`: `e` flows to `x`, declared at the current loop depth
//!   (`assign.rs`); `a, b := f()`: each result to its variable;
//! - expression statement: the value goes nowhere (a call's results are discarded);
//! - `ch <- v`: `v` flows to the heap; `x++`: a reassignment of `x`;
//! - `return es`: each value flows to the function's result variable;
//! - blocks, `if`, `switch`, `select`: their parts in order, at the same loop depth;
//! - type switch: the operand flows to each clause's implicit variable (one dereference
//!   when that variable is neither an interface nor pointer-shaped);
//! - `for`, `range`: condition, post statement and body are one loop level deeper; a Go 1.22
//!   per-iteration variable whose address is taken or that a closure captures is declared in
//!   the body; range values come from the ranged operand (the same level for arrays, one
//!   dereference for slices, pointers, maps and channels, the heap for iterator functions);
//! - `go`, `defer`: see `call.rs`;
//! - a label that a later `goto` jumps back to starts a loop: what follows it is one level
//!   deeper (`prescan_labels`).

use crate::build::*;
use crate::graph::*;
use crate::types_util::*;
use gosub_layered::{HashMap, HashMapExt, HashSet};
use gosub_syntax::ast::{self, unparen, Expr, ExprKind, Stmt, StmtKind};
use gosub_syntax::walk::{self, Node};
use gosub_types::{ObjId, TypeKind};

impl<'a, 'c> Builder<'a, 'c> {
    /// A block: its statements in order; the loop depth is restored after it.
    pub(crate) fn block(&mut self, ss: &'a [Stmt]) {
        let d = self.depth;
        for s in ss {
            self.stmt(s);
        }
        self.depth = d;
    }

    /// One statement, by the rule of its kind (see the module header).
    pub(crate) fn stmt(&mut self, s: &'a Stmt) {
        match &s.kind {
            StmtKind::Empty | StmtKind::Branch { .. } => {}
            StmtKind::Decl(d) if let ast::Decl::Var(gd) = &**d => {
                for sp in &gd.specs {
                    let objs: Vec<Option<ObjId>> =
                        sp.names.iter().map(|n| self.def_obj(n)).collect();
                    let ks: Vec<Hole> = objs
                        .iter()
                        .map(|o| match o {
                            Some(o) if self.p().obj(*o).name != "_" => self.dcl(*o),
                            _ => self.blank(),
                        })
                        .collect();
                    if let ([v], true) = (sp.values.as_slice(), ks.len() > 1) {
                        self.multi(ks, v, s);
                    } else {
                        for (i, v) in sp.values.iter().enumerate() {
                            let k = ks.get(i).cloned().unwrap_or(self.blank());
                            let dt = objs.get(i).copied().flatten().map(|o| self.p().obj(o).ty);
                            let k = self.note_stmt(k, s, "assign");
                            self.expr_conv(k, v, dt);
                        }
                    }
                }
            }
            StmtKind::Decl(_) => {}
            StmtKind::Labeled { label, stmt } => {
                if self.looping_labels.contains(&label.span.lo) {
                    self.depth += 1;
                }
                self.stmt(stmt);
            }
            StmtKind::Expr(e) => {
                if let ExprKind::Call { .. } = unparen(e).kind {
                    self.call(None, unparen(e));
                } else {
                    let k = self.blank();
                    self.expr(k, e);
                }
            }
            StmtKind::Send { ch, value } => {
                self.discard(ch);
                let et = self.ty(ch).and_then(|t| match self.p().types.under(t) {
                    TypeKind::Chan(_, e) => Some(*e),
                    _ => None,
                });
                let k = self.note_stmt(self.heap(), s, "send");
                self.expr_conv(k, value, et);
            }
            StmtKind::IncDec { x, .. } => {
                let k = self.addr(x);
                self.reassigned(&[k], None);
            }
            StmtKind::Assign { lhs, op, rhs } => self.assign(s, lhs, *op, rhs),
            StmtKind::Go(call) | StmtKind::Defer(call) => {
                let is_go = matches!(s.kind, StmtKind::Go(_));
                self.go_defer(is_go, call);
            }
            StmtKind::Return(es) => {
                let fv = self.p().func_vars(self.cur).clone();
                let ks: Vec<Hole> = fv.results.iter().map(|&o| Hole::to(self.var(o))).collect();
                if let ([e], true) = (es.as_slice(), ks.len() > 1) {
                    self.multi(ks, e, s);
                } else {
                    for (i, e) in es.iter().enumerate() {
                        let k = ks.get(i).cloned().unwrap_or(self.blank());
                        let dt = fv.results.get(i).map(|&o| self.p().obj(o).ty);
                        let k = self.note_stmt(k, s, "return");
                        self.expr_conv(k, e, dt);
                    }
                }
            }
            StmtKind::Block(b) => self.block(&b.stmts),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                let d = self.depth;
                if let Some(i) = init {
                    self.stmt(i);
                }
                self.discard(cond);
                self.block(&then.stmts);
                if let Some(e) = els {
                    self.stmt(e);
                }
                self.depth = d;
            }
            StmtKind::Switch {
                init, tag, clauses, ..
            } => {
                let d = self.depth;
                if let Some(i) = init {
                    self.stmt(i);
                }
                if let Some(t) = tag {
                    self.discard(t);
                }
                for c in clauses {
                    if let Some(es) = &c.exprs {
                        for e in es {
                            self.discard(e);
                        }
                    }
                    self.block(&c.body);
                }
                self.depth = d;
            }
            StmtKind::TypeSwitch {
                init,
                x,
                clauses,
                bind,
                ..
            } => {
                let d = self.depth;
                if let Some(i) = init {
                    self.stmt(i);
                }
                let mut ks = Vec::new();
                for ci in 0..clauses.len() {
                    let implicit = bind
                        .as_ref()
                        .and_then(|b| self.p().info.implicits.get(&(b.id, ci)));
                    if let Some(&o) = implicit {
                        let k = self.dcl(o);
                        let t = self.p().obj(o).ty;
                        if has_pointers(&self.p().types, t) {
                            let k = if !self.p().types.is_interface(t)
                                && !is_direct_iface(&self.p().types, t)
                            {
                                k.shift(1)
                            } else {
                                k
                            };
                            ks.push(k);
                        }
                    }
                }
                let k = self.tee(ks);
                self.expr(k, x);
                for c in clauses {
                    self.block(&c.body);
                }
                self.depth = d;
            }
            StmtKind::Select { clauses } => {
                for c in clauses {
                    let d = self.depth;
                    if let Some(cs) = &c.comm {
                        self.stmt(cs);
                    }
                    self.block(&c.body);
                    self.depth = d;
                }
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                let d = self.depth;
                // Go 1.22: a variable declared by the init statement is per-iteration; when its
                // address is taken or a closure captures it, gc declares the copy in the body.
                let mut per_iter = Vec::new();
                if let Some(i) = init {
                    self.stmt(i);
                    for id in i.short_var_idents() {
                        if let Some(o) = self.def_obj(id) {
                            if self.addr_or_captured.contains(&o) {
                                per_iter.push(o);
                            }
                        }
                    }
                }
                self.depth += 1;
                for o in per_iter {
                    let l = self.var(o);
                    self.g.locs[l].loop_depth = self.depth;
                }
                if let Some(c) = cond {
                    self.discard(c);
                }
                if let Some(p) = post {
                    self.stmt(p);
                }
                self.block(&body.stmts);
                self.depth = d;
            }
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => {
                let d = self.depth;
                let tmp = self.new_loc(LocKind::Temp, true);
                self.expr(Hole::to(tmp), x);
                self.depth += 1;
                let ks = [
                    self.range_var(key.as_deref(), *define),
                    self.range_var(value.as_deref(), *define),
                ];
                let xt = self.ty(x).map(|t| self.p().types.under(t).clone());
                let [k0, k1] = ks.clone();
                let k1 = self.note(k1, s.span.lo, || "range".into(), "range");
                match xt {
                    Some(TypeKind::Array(..)) => self.g.flow(&k1, tmp),
                    Some(TypeKind::Slice(_))
                    | Some(TypeKind::Pointer(_))
                    | Some(TypeKind::Map(..))
                    | Some(TypeKind::Chan(..)) => self.g.flow(&k1.shift(1), tmp),
                    Some(TypeKind::Basic(_)) => {}
                    _ => {
                        // Range over a function (iterator): values come from the callee.
                        let h = self.heap();
                        self.g.flow(&h, tmp);
                    }
                }
                if let Some(TypeKind::Map(..)) = xt {
                    // Keys come from the map too.
                    self.g.flow(&k0.shift(1), tmp);
                }
                for (v, k) in [key, value].into_iter().zip(ks.iter()) {
                    let per_iter = *define
                        && matches!(v.as_deref(), Some(Expr { kind: ExprKind::Ident(id), .. })
                            if self.def_obj(id).is_some_and(|o| self.addr_or_captured.contains(&o)));
                    if !per_iter {
                        self.reassigned(std::slice::from_ref(k), None);
                    }
                }
                self.block(&body.stmts);
                self.depth = d;
            }
        }
    }

    /// The hole of a range loop's key or value variable.
    pub(crate) fn range_var(&mut self, v: Option<&'a Expr>, define: bool) -> Hole {
        match v {
            None => self.blank(),
            Some(v) if define => match &v.kind {
                ExprKind::Ident(id) if id.name != "_" => match self.def_obj(id) {
                    Some(o) => {
                        let l = self.var(o);
                        if self.addr_or_captured.contains(&o) {
                            // The per-iteration copy is declared in the body.
                            self.g.locs[l].loop_depth = self.depth;
                        }
                        Hole::to(l)
                    }
                    None => self.blank(),
                },
                _ => self.blank(),
            },
            Some(v) => self.addr(v),
        }
    }

    /// `note` naming statement `s`.
    pub(crate) fn note_stmt(&self, k: Hole, s: &Stmt, why: &'static str) -> Hole {
        if !self.cx.explain {
            return k;
        }
        let p = self.p();
        self.note(k, s.span.lo, || crate::diag::fmt_stmt(p, s), why)
    }
}

/// Labels that a later `goto` jumps back to make the code after them a loop: the positions
/// of the labels a `goto` after them (in source order) names. Statements only: the labels of
/// a function literal are its own.
pub(crate) fn prescan_labels(ss: &[Stmt], out: &mut HashSet<u32>) {
    let mut seen: HashMap<&str, u32> = HashMap::new();
    walk::inspect_code_stmts(ss, &mut |n| {
        let Node::Stmt(s) = n else { return false };
        match &s.kind {
            StmtKind::Labeled { label, .. } => {
                seen.insert(&label.name, label.span.lo);
            }
            StmtKind::Branch {
                kind: ast::BranchKind::Goto,
                label: Some(l),
            } => {
                if let Some(&pos) = seen.get(l.name.as_str()) {
                    out.insert(pos);
                }
            }
            _ => {}
        }
        true
    });
}
