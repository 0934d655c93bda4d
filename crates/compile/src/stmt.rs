//! Statements: declarations, assignments (with Go's two-phase evaluation order), control
//! flow, loops with Go 1.22 per-iteration variables, switches, defer and return.
//!
//! Invariants: temporaries are released after every statement; a `return` stores its values
//! into the result variables and jumps to the epilogue, which the VM re-enters after each
//! deferred call, so deferred functions see and may change named results.

use crate::assign::writes_dst_last;
use crate::bytecode::{Op, Reg};
use crate::gen::{Gen, Loc, NONE};
use crate::place::Place;
use gosub_syntax::ast::unparen;
use gosub_syntax::ast::{self, BranchKind, Expr, ExprKind, Stmt, StmtKind};
use gosub_types::{self as types, BasicKind, ObjId, TypeId, TypeKind};

impl<'a> Gen<'a> {
    pub fn block(&mut self, stmts: &'a [Stmt]) {
        for s in stmts {
            let mark = self.f().temp_mark();
            self.stmt(s);
            self.f().release_temps(mark);
        }
    }

    pub(crate) fn def_obj(&self, id: &ast::Ident) -> Option<ObjId> {
        self.p.info.defs.get(&id.id).copied()
    }

    /// Declares local `o` initialized from register `v` (or zero when `v` is None).
    pub fn define_local(&mut self, o: ObjId, v: Option<(Reg, TypeId)>) {
        let t = self.p.obj(o).ty;
        if v.is_none() && self.is_boxed(o) {
            // The cell `New` makes is zeroed already: the value never passes through the
            // frame (a large array moved to the heap for its size never occupies it).
            self.bind_var(o, NONE, t, false);
            return;
        }
        let slot = self.declare_local(o);
        match v {
            Some((r, rt)) => {
                let r = self.convert(r, rt, t);
                self.mov(slot, r, t);
            }
            None => {
                let size = self.size(t);
                self.emit(Op::Zero { dst: slot, size });
            }
        }
        self.bind_var(o, slot, t, true);
    }

    pub(crate) fn stmt(&mut self, s: &'a Stmt) {
        self.fs().f.cur_pos = s.span.lo;
        if matches!(
            s.kind,
            StmtKind::Return(_) | StmtKind::Assign { .. } | StmtKind::Decl(_)
        ) {
            crate::append::move_to_heap(self, s.span.lo);
        }
        match &s.kind {
            StmtKind::Empty => {}
            StmtKind::Decl(d) => self.local_decl(d),
            StmtKind::Labeled { label, stmt } => {
                let l = self.label_for(&label.name);
                self.f().bind(l);
                match &stmt.kind {
                    StmtKind::For { .. }
                    | StmtKind::Range { .. }
                    | StmtKind::Switch { .. }
                    | StmtKind::TypeSwitch { .. }
                    | StmtKind::Select { .. } => self.stmt_labeled(stmt, Some(label.name.clone())),
                    _ => self.stmt(stmt),
                }
            }
            StmtKind::Expr(e) => {
                let t = self.type_of(e.id);
                if let ExprKind::Call { fun, args, .. } = &unparen(e).kind {
                    if let Some(b) = crate::call::builtin_of(self, fun) {
                        let dst = if t == types::T_VOID
                            || matches!(self.p.types.kind(t), TypeKind::Tuple(_))
                        {
                            NONE
                        } else {
                            self.temp(t)
                        };
                        crate::builtins::builtin(self, b, unparen(e), args, dst);
                        return;
                    }
                    if self.p.info.conversions.contains_key(&unparen(e).id) {
                        self.expr(e);
                        return;
                    }
                    crate::call::call_region(self, unparen(e));
                    return;
                }
                self.expr(e);
            }
            StmtKind::IncDec { x, inc } => {
                let t = self.type_of(x.id);
                let pl = self.place_stable(x);
                if let (Place::Frame { reg, packed: false }, Some(k)) = (pl, self.p.types.basic(t))
                {
                    if k.is_integer() {
                        let op = if *inc {
                            crate::bytecode::IntOp::Add
                        } else {
                            crate::bytecode::IntOp::Sub
                        };
                        self.emit(Op::IntImm {
                            op,
                            dst: reg,
                            a: reg,
                            imm: 1,
                        });
                        self.wrap(reg, t);
                        return;
                    }
                }
                let v = self.load_place(pl, t);
                let r = self.temp(t);
                match self.p.types.basic(t) {
                    Some(BasicKind::Complex64 | BasicKind::Complex128) => {
                        let one = self.temp(t);
                        self.complex_const(1.0, 0.0, t, one);
                        let op = if *inc {
                            crate::bytecode::FloatOp::Add
                        } else {
                            crate::bytecode::FloatOp::Sub
                        };
                        self.complex_binary(op, t, v, one, r);
                    }
                    Some(BasicKind::Float64) => {
                        let one = self.temp(t);
                        self.emit(Op::Const {
                            dst: one,
                            val: 1f64.to_bits(),
                        });
                        let op = if *inc {
                            crate::bytecode::FloatOp::Add
                        } else {
                            crate::bytecode::FloatOp::Sub
                        };
                        self.emit(Op::F64 {
                            op,
                            dst: r,
                            a: v,
                            b: one,
                        });
                    }
                    Some(BasicKind::Float32) => {
                        let one = self.temp(t);
                        self.emit(Op::Const {
                            dst: one,
                            val: 1f32.to_bits() as u64,
                        });
                        let op = if *inc {
                            crate::bytecode::FloatOp::Add
                        } else {
                            crate::bytecode::FloatOp::Sub
                        };
                        self.emit(Op::F32 {
                            op,
                            dst: r,
                            a: v,
                            b: one,
                        });
                    }
                    _ => {
                        let op = if *inc {
                            crate::bytecode::IntOp::Add
                        } else {
                            crate::bytecode::IntOp::Sub
                        };
                        self.emit(Op::IntImm {
                            op,
                            dst: r,
                            a: v,
                            imm: 1,
                        });
                        self.wrap(r, t);
                    }
                }
                self.store_place(pl, r, t);
            }
            StmtKind::Assign { lhs, op, rhs } => {
                // (gc evaluates the left side's calls first: `a[i()] = x + f()` calls i
                // before f, which hoisting the right side's calls would turn around. For
                // `v op= e` too, the calls in e come first, then v and e's other operands.)
                let lhs_calls = lhs.iter().any(crate::assign::has_call);
                // `v op= e`, and `m[k] = f()`, `s[i] = f()`, `p.f = f()`: the left side's
                // operands are read after the right side's calls. (gc copies a key of a map
                // on its slow path, a struct or an interface, before them: not done here.)
                let op_assign = matches!(op, ast::AssignOp::Op(_))
                    || lhs
                        .iter()
                        .any(|x| !matches!(ast::unparen(x).kind, ExprKind::Ident(_)));
                let hoisted = if lhs_calls {
                    Vec::new()
                } else {
                    // Each value is converted to its variable's type (a variable `:=`
                    // declares has the value's). A multi-value right side is spread.
                    let targets: Vec<_> = match op {
                        ast::AssignOp::Assign | ast::AssignOp::Define if lhs.len() == rhs.len() => {
                            lhs.iter().map(|x| Some(self.type_of(x.id))).collect()
                        }
                        _ => Vec::new(),
                    };
                    self.order_stmt(rhs, &targets, op_assign)
                };
                self.assign(lhs, *op, rhs);
                self.unhoist(hoisted);
            }
            StmtKind::Return(es) => {
                let targets: Vec<_> = self.fs().results.iter().map(|r| Some(r.2)).collect();
                let hoisted = self.order_stmt(es, &targets, false);
                self.ret(es, s.span);
                self.unhoist(hoisted);
            }
            StmtKind::Block(b) => self.block(&b.stmts),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                let else_l = self.f().new_label();
                let end = self.f().new_label();
                // gc's order: `if s[i] == f()` calls `f` before it indexes `s` (order.rs).
                let hoisted = self.hoist_calls(&[cond], &[None]);
                self.cond_jump_false(cond, else_l);
                self.unhoist(hoisted);
                self.block(&then.stmts);
                if els.is_some() {
                    self.f().emit_jump(Op::Jmp { target: 0 }, end);
                }
                self.f().bind(else_l);
                if let Some(e) = els {
                    self.stmt(e);
                }
                self.f().bind(end);
            }
            StmtKind::For { .. }
            | StmtKind::Range { .. }
            | StmtKind::Switch { .. }
            | StmtKind::TypeSwitch { .. }
            | StmtKind::Select { .. } => self.stmt_labeled(s, None),
            StmtKind::Branch { kind, label } => self.branch(*kind, label.as_ref()),
            StmtKind::Defer(e) => self.defer(e),
            StmtKind::Go(e) => self.go_stmt(e),
            StmtKind::Send { ch, value } => {
                let et = match self.p.types.under(self.type_of(ch.id)) {
                    TypeKind::Chan(_, e) => *e,
                    _ => types::T_INVALID,
                };
                // gc's order (order.rs): the calls of both operands first.
                let hoisted = self.hoist_calls(&[ch, value], &[None, Some(et)]);
                let c = self.expr(ch);
                let keep = self.temp_word(true);
                self.emit(Op::Move { dst: keep, src: c });
                let v = self.expr_conv(value, et);
                self.unhoist(hoisted);
                self.fs().f.cur_pos = s.span.lo;
                self.emit(Op::ChanSend { ch: keep, src: v });
            }
        }
    }

    pub(crate) fn label_for(&mut self, name: &str) -> crate::frame::Label {
        if let Some(&l) = self.fs().labels.get(name) {
            return l;
        }
        let l = self.f().new_label();
        self.fs().labels.insert(name.to_string(), l);
        l
    }

    pub(crate) fn stmt_labeled(&mut self, s: &'a Stmt, label: Option<String>) {
        match &s.kind {
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => self.for_loop(init, cond, post, body, label),
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => self.range_loop(key.as_deref(), value.as_deref(), *define, x, body, label),
            StmtKind::Switch {
                init, tag, clauses, ..
            } => self.switch(init, tag, clauses, label),
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                clauses,
                ..
            } => self.type_switch(init, bind, x, clauses, label),
            StmtKind::Select { clauses } => self.select(clauses, label),
            _ => self.stmt(s),
        }
    }

    pub(crate) fn local_decl(&mut self, d: &'a ast::Decl) {
        let ast::Decl::Var(gd) = d else { return };
        for spec in &gd.specs {
            let objs: Vec<Option<ObjId>> = spec.names.iter().map(|n| self.def_obj(n)).collect();
            if spec.values.is_empty() {
                for o in objs.into_iter().flatten() {
                    self.define_local(o, None);
                }
            } else if spec.values.len() == objs.len() {
                let targets: Vec<_> = objs.iter().map(|o| o.map(|o| self.p.obj(o).ty)).collect();
                let hoisted = self.order_stmt(&spec.values, &targets, false);
                let mut vals = Vec::new();
                for (i, v) in spec.values.iter().enumerate() {
                    let t = objs[i]
                        .map(|o| self.p.obj(o).ty)
                        .unwrap_or(self.type_of(v.id));
                    let r = self.expr_conv(v, t);
                    let keep = self.temp(t);
                    self.mov(keep, r, t);
                    vals.push((keep, t));
                }
                self.unhoist(hoisted);
                for (o, v) in objs.into_iter().zip(vals) {
                    if let Some(o) = o {
                        self.define_local(o, Some(v));
                    }
                }
            } else if let Some(v0) = spec.values.first() {
                let vals = self.multi_value(v0, objs.len());
                for (o, v) in objs.into_iter().zip(vals) {
                    if let Some(o) = o {
                        self.define_local(o, Some(v));
                    }
                }
            }
        }
    }

    pub(crate) fn ret(&mut self, es: &'a [Expr], span: ast::Span) {
        let _ = span;
        let results = self.fs().results.clone();
        if !es.is_empty() {
            let mut vals = Vec::new();
            if es.len() == 1
                && results.len() == 1
                && writes_dst_last(&es[0])
                && self.type_of(es[0].id) == results[0].2
            {
                if let Some(Loc::Frame(slot)) = self.fs().locals.get(&results[0].0).copied() {
                    self.expr_to(&es[0], slot);
                    return self.ret(&[], span);
                }
            }
            if es.len() == results.len() {
                for (i, e) in es.iter().enumerate() {
                    let t = results[i].2;
                    let r = self.expr_conv(e, t);
                    if results.len() > 1 {
                        let keep = self.temp(t);
                        self.mov(keep, r, t);
                        vals.push((keep, t));
                    } else {
                        vals.push((r, t));
                    }
                }
            } else if let Some(e0) = es.first() {
                let mv = self.multi_value(e0, results.len());
                for (i, (r, rt)) in mv.into_iter().enumerate() {
                    if let Some(&(_, _, t)) = results.get(i) {
                        let v = self.convert(r, rt, t);
                        vals.push((v, t));
                    }
                }
            }
            for (i, (r, t)) in vals.into_iter().enumerate() {
                let (o, slot, _) = results[i];
                match self.fs().locals.get(&o).copied() {
                    Some(Loc::Boxed(b)) => self.store_mem(b, 0, r, t),
                    _ => self.mov(slot, r, t),
                }
            }
        }
        // An inlined body's return ends the body (inline_body.rs).
        if let Some(exit) = self.fs().inline_exit {
            self.f().emit_jump(Op::Jmp { target: 0 }, exit);
            return;
        }
        // The epilogue only copies boxed named results back; without any, return at once.
        let boxed_results = results
            .iter()
            .any(|(o, _, _)| matches!(self.fs().locals.get(o), Some(Loc::Boxed(_))));
        if !boxed_results && self.fs().defer_off.is_none() {
            self.emit(Op::Ret);
            return;
        }
        let rl = self.fs().ret_label;
        self.f().emit_jump(Op::Jmp { target: 0 }, rl);
    }

    pub(crate) fn branch(&mut self, kind: BranchKind, label: Option<&ast::Ident>) {
        match kind {
            BranchKind::Goto => {
                if let Some(l) = label {
                    let lb = self.label_for(&l.name);
                    self.f().emit_jump(Op::Jmp { target: 0 }, lb);
                }
            }
            BranchKind::Fallthrough => {
                if let Some(l) = self.fs().fallthrough {
                    self.f().emit_jump(Op::Jmp { target: 0 }, l);
                }
            }
            BranchKind::Break | BranchKind::Continue => {
                let target = {
                    let loops = &self.fs.as_ref().expect("fn").loops;
                    let found = loops.iter().rev().find(|lc| match label {
                        Some(l) => lc.label.as_deref() == Some(l.name.as_str()),
                        None => kind == BranchKind::Break || lc.cont.is_some(),
                    });
                    found.and_then(|lc| {
                        if kind == BranchKind::Break {
                            Some(lc.brk)
                        } else {
                            lc.cont
                        }
                    })
                };
                if let Some(t) = target {
                    self.f().emit_jump(Op::Jmp { target: 0 }, t);
                }
            }
        }
    }
}
