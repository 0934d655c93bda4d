//! Inlining of whole function bodies: a call of a small function or method (statements,
//! loops, several results, panics included) is compiled as its body, in the caller's frame,
//! instead of as a call. It removes the call overhead of the small methods and helpers Go
//! code is made of (`strings.Builder.WriteByte`, `(*Point).Add`, `strings.HasPrefix`),
//! which gc inlines too. Bodies that are one expression are inlined more cheaply still by
//! `inline.rs`, which is tried first.
//!
//! Invariants:
//! - A traceback cannot tell: every instruction of an inlined body carries the callee and
//!   the chain of calls it was inlined through (`FrameBuilder::begin_inlined`,
//!   `gosub_bytecode::inline_pos`), so panics, `runtime.Caller` and profiles name the
//!   inlined functions and lines as if they had been called (gc prints inlined frames the
//!   same way).
//! - Only bodies whose meaning does not depend on having a frame of their own are inlined:
//!   no `defer`, `recover`, `go`, `select`, labels, `goto`, `fallthrough`, function
//!   literals (they would capture the inlined variables), range-over-func loops, nor an
//!   `append` into a frame buffer or a move of one to the heap (`gosub_escape::move2heap`:
//!   `Op::MoveToHeap` moves whatever buffer lies in the running frame, which would then
//!   include the caller's arrays).
//! - Each parameter, result and local of an inlined body gets its own slots in the caller's
//!   frame, initialised as a call would (arguments evaluated in gc's order, named results
//!   zeroed), and the callee's escape decisions (made per function, as with `-l`) hold
//!   unchanged: a variable the analysis moved to the heap still gets a heap cell per call.
//!   Except a parameter the body never changes whose argument is a variable of the caller
//!   that nothing but the caller's own code can change (`unchanging_var`): that parameter
//!   is the variable's register, which holds the argument's value until the body ends.
//! - `return` stores the results and jumps to the end of the inlined body
//!   (`FnState::inline_exit`), never to the caller's epilogue.
//! - A body costs at most `BUDGET` nodes (gc's budget; a call it cannot inline costs
//!   `EXTRA_CALL_COST` more), a function is never inlined into itself, and inlining nests
//!   at most `MAX_DEPTH` deep, so code size and compile time stay bounded. A function is
//!   never inlined into itself: `Gen::inlining` holds the function being compiled and the
//!   bodies being inlined into it.
//! - A frame that runs deferred calls while panicking stands, in a traceback, at the
//!   instruction before its epilogue (`gosub_vm::frame::caller_pcs`): `compile_func` keeps
//!   that instruction outside inlined bodies (`FrameBuilder::end_outside_inlined`).

use crate::bytecode::{Op, Reg};
use crate::call::Region;
use crate::gen::{Gen, Loc};
use gosub_syntax::ast::{self, BranchKind, Expr, ExprKind, Stmt, StmtKind};
use gosub_syntax::walk::{self, Node};
use gosub_types::{Builtin, ObjId, ObjKind, Selection, TypeKind};

/// gc's inlining budget (`inlineMaxBudget`), in syntax nodes.
const BUDGET: u32 = 80;

/// What a call the body cannot inline adds to its cost (gc's `inlineExtraCallCost`), so
/// gosub inlines about what gc does, and tracebacks, which print an inlined frame as
/// `f(...)`, look alike.
const EXTRA_CALL_COST: u32 = 57;

/// The deepest nesting of inlined bodies (calls inlined into an inlined body).
const MAX_DEPTH: usize = 4;

/// The state of the function being compiled that an inlined body replaces while it is
/// compiled (see `Gen::inline_body_call`).
struct Saved {
    results: Vec<(ObjId, Reg, gosub_types::TypeId)>,
    inline_exit: Option<crate::frame::Label>,
    loops: Vec<crate::gen::LoopCtx>,
    fallthrough: Option<crate::frame::Label>,
    cur_inl: Option<u32>,
    cur_pos: u32,
}

impl<'a> Gen<'a> {
    /// Compiles the call `e` of function or method `o` as its body when it may be inlined:
    /// `recv` is the method's receiver expression with its embedding path (None for a
    /// function). Returns the registers of the results, or None (nothing emitted) to
    /// compile an ordinary call.
    pub(crate) fn inline_body_call(
        &mut self,
        o: ObjId,
        e: &'a Expr,
        recv: Option<(&'a Expr, &[usize], bool)>,
    ) -> Option<Vec<Reg>> {
        let (_, args, ellipsis) = e.as_call()?;
        if self.inlining.len() >= MAX_DEPTH || self.inlining.contains(&o) {
            return None;
        }
        self.body_inline_cost(o)?;
        let fd = *self.decls.get(&o)?;
        let body = fd.body.as_ref()?;
        let callee = self.func_index.get(&o).copied()?;
        let sig = self.sig_of(self.p.obj(o).ty);
        let fv = self.p.func_vars(fd.name.id).clone();
        let params: Vec<ObjId> = fv.recv.iter().chain(&fv.params).copied().collect();
        if params.len() != sig.params.len() + recv.is_some() as usize
            || fv.results.len() != sig.results.len()
            || (recv.is_some() != fv.recv.is_some())
        {
            return None;
        }
        // The call's position must be taggable: checked before anything is emitted.
        self.fs().f.cur_pos = e.span.lo;
        if !self.f().inline_room() {
            return None;
        }

        // Arguments (and the receiver) into the parameters' own slots, as a call would
        // evaluate them into its argument region; a parameter the body never changes that
        // is passed a variable of the caller's frame is that variable's register.
        let written = gosub_escape::written(self.p, body);
        let nfixed = sig.params.len() - sig.variadic as usize;
        let skip = recv.is_some() as usize;
        let slots: Vec<Reg> = (params.iter().enumerate())
            .map(|(k, &p)| {
                let arg = (k >= skip && k - skip < nfixed && args.len() == sig.params.len())
                    .then(|| &args[k - skip]);
                match arg.filter(|_| !written.contains(&p)) {
                    Some(a) => self.unchanging_var(a, self.p.obj(p).ty),
                    None => None,
                }
                .unwrap_or_else(|| self.slot(self.p.obj(p).ty))
            })
            .collect();
        let reg = Region {
            base: slots.first().copied().unwrap_or(0),
            param_offs: slots.clone(),
            result_offs: Vec::new(),
            size: 0,
        };
        match recv {
            Some((x, path, ptr_recv)) => {
                let all: Vec<&'a Expr> = std::iter::once(x).chain(args).collect();
                let targets: Vec<_> = std::iter::once(None)
                    .chain(self.arg_targets(&sig, args.len(), ellipsis))
                    .collect();
                let hoisted = self.hoist_calls(&all, &targets);
                let rv = crate::call::receiver(self, x, path, ptr_recv);
                let rt = self.p.obj(params[0]).ty;
                self.mov(slots[0], rv, rt);
                self.args_into(e.id, &sig, args, ellipsis, &reg, 1);
                self.unhoist(hoisted);
            }
            None => self.args_into(e.id, &sig, args, ellipsis, &reg, 0),
        }
        self.fs().f.cur_pos = e.span.lo;
        let outer_inl = self.f().begin_inlined(callee);
        self.inlining.push(o);

        // The callee's variables: boxing decided for its body, as `compile_func` does.
        let boxed = crate::boxing::boxed_vars_for(self.p, body, fd.name.id, self.esc);
        let new_boxed: Vec<ObjId> = boxed
            .into_iter()
            .filter(|b| self.fs().boxed.insert(*b))
            .collect();
        let taken: Vec<ObjId> = gosub_escape::addr_taken(self.p, body)
            .into_iter()
            .filter(|b| self.fs().addr_taken.insert(*b))
            .collect();
        self.fs().f.cur_pos = fd.span.lo;
        let outer_locals: Vec<(ObjId, Option<Loc>)> = (params.iter().chain(&fv.results))
            .map(|&v| (v, self.fs().locals.get(&v).copied()))
            .collect();
        for (&p, &r) in params.iter().zip(&slots) {
            let t = self.p.obj(p).ty;
            self.bind_var(p, r, t, true);
        }
        let mut results = Vec::new();
        for &r in &fv.results {
            let t = self.p.obj(r).ty;
            let slot = self.slot(t);
            if fv.named_results {
                let size = self.size(t);
                self.emit(Op::Zero { dst: slot, size });
            }
            self.bind_var(r, slot, t, true);
            results.push((r, slot, t));
        }
        let exit = self.f().new_label();
        let saved = Saved {
            results: std::mem::replace(&mut self.fs().results, results.clone()),
            inline_exit: self.fs().inline_exit.replace(exit),
            loops: std::mem::take(&mut self.fs().loops),
            fallthrough: self.fs().fallthrough.take(),
            cur_inl: outer_inl,
            cur_pos: e.span.lo,
        };
        self.block(&body.stmts);
        self.f().bind(exit);
        // Named results moved to the heap: their values back into the result slots.
        self.load_boxed_results(&results);

        let fs = self.fs();
        fs.results = saved.results;
        fs.inline_exit = saved.inline_exit;
        fs.loops = saved.loops;
        fs.fallthrough = saved.fallthrough;
        for b in &new_boxed {
            fs.boxed.remove(b);
        }
        for b in &taken {
            fs.addr_taken.remove(b);
        }
        for (v, old) in outer_locals {
            match old {
                Some(l) => fs.locals.insert(v, l),
                None => fs.locals.remove(&v),
            };
        }
        fs.f.end_inlined(saved.cur_inl);
        fs.f.cur_pos = saved.cur_pos;
        self.inlining.pop();
        Some(results.into_iter().map(|(_, slot, _)| slot).collect())
    }

    /// The register of `a` when it names a variable of the function being compiled, of type
    /// `t`, that only this frame's own instructions can change: kept in a frame slot, its
    /// address never taken (in the function or an inlined body) and not captured by a
    /// closure (`FnState::shared`, which counts closures gc would inline too: they write
    /// a captured variable through its address). An inlined body that never changes the
    /// parameter `a` is passed reads it there: nothing can change it before the body
    /// ends (a call, in another argument or in the body, could only through a pointer or
    /// a closure).
    fn unchanging_var(&self, a: &Expr, t: gosub_types::TypeId) -> Option<Reg> {
        let ExprKind::Ident(id) = &ast::unparen(a).kind else {
            return None;
        };
        let o = self.p.info.uses.get(&id.id).copied()?;
        let fs = self.fs.as_ref()?;
        match fs.locals.get(&o) {
            Some(&Loc::Frame(r))
                if self.type_of(a.id) == t
                    && !fs.addr_taken.contains(&o)
                    && !fs.shared.contains(&o) =>
            {
                Some(r)
            }
            _ => None,
        }
    }

    /// The cost of inlining `o`'s body, None when its calls are not inlined; decided once
    /// per function.
    fn body_inline_cost(&mut self, o: ObjId) -> Option<u32> {
        if let Some(&d) = self.body_inline_cache.get(&o) {
            return d;
        }
        self.body_inline_cache.insert(o, None); // not into itself while deciding
        let d = self.decide_body_inline(o).filter(|&c| c <= BUDGET);
        self.body_inline_cache.insert(o, d);
        d
    }

    fn decide_body_inline(&mut self, o: ObjId) -> Option<u32> {
        let fd = *self.decls.get(&o)?;
        let body = fd.body.as_ref()?;
        if !matches!(self.p.obj(o).kind, ObjKind::Func { .. }) {
            return None;
        }
        let mut cost = 0u32;
        let mut ok = true;
        let mut calls: Vec<Option<ObjId>> = Vec::new();
        walk::inspect_code_stmts(&body.stmts, &mut |n| {
            cost += 1;
            ok &= match n {
                Node::Stmt(s) => {
                    self.inlinable_stmt(s) && self.esc.move2heap.moves.get(&s.span.lo).is_none()
                }
                Node::Expr(x) => match &x.kind {
                    ExprKind::FuncLit { .. } => false,
                    // An append into a frame buffer (gc's `growsliceBuf`).
                    _ if self.esc.move2heap.appends.get(&x.id).is_some() => false,
                    ExprKind::Call { fun, .. } => match crate::call::builtin_of(self, fun) {
                        Some(b) => !matches!(b, Builtin::Recover | Builtin::DeferRangeFunc),
                        None => {
                            if !self.p.info.conversions.contains_key(&x.id) {
                                calls.push(self.callee_of(fun));
                            }
                            true
                        }
                    },
                    _ => true,
                },
                _ => true,
            };
            ok
        });
        if !ok || cost > BUDGET {
            return None;
        }
        for c in calls {
            cost += match c {
                Some(c) if c == o => return None,
                Some(c) => self.body_inline_cost(c).unwrap_or(EXTRA_CALL_COST),
                None => EXTRA_CALL_COST,
            };
            if cost > BUDGET {
                return None;
            }
        }
        Some(cost)
    }

    /// The function or method a call's `fun` names statically, if any.
    fn callee_of(&self, fun: &Expr) -> Option<ObjId> {
        let f = ast::unparen(fun);
        match self.p.info.selections.get(&f.id) {
            Some(Selection::Method { func, .. }) => Some(*func),
            _ => self.static_callee(f),
        }
    }

    /// A statement an inlined body may hold (see the header).
    fn inlinable_stmt(&self, s: &Stmt) -> bool {
        match &s.kind {
            StmtKind::Labeled { .. }
            | StmtKind::Go(_)
            | StmtKind::Defer(_)
            | StmtKind::Select { .. } => false,
            StmtKind::Branch { kind, label } => {
                label.is_none() && matches!(kind, BranchKind::Break | BranchKind::Continue)
            }
            StmtKind::Range { x, .. } => {
                !matches!(self.p.types.under(self.type_of(x.id)), TypeKind::Func(_))
            }
            StmtKind::Decl(d) => !matches!(&**d, ast::Decl::Func(_)),
            _ => true,
        }
    }
}
