//! Go 1.23's range-over-func, lowered right after checking exactly as gc's
//! cmd/compile/internal/rangefunc/rewrite.go rewrites it (read its package comment for the
//! full story; the names below are gc's). A checked `Program` holds no range-over-func loop:
//!
//! ```text
//! for x := range f { body }
//! ```
//!
//! becomes, in the function F around it (gc's `rewriter`, one per function body),
//!
//! ```text
//! {
//!     var #next int; var #defers = runtime.deferrangefunc()  // outermost loop, when used
//!     var #stateN = RF_READY
//!     var #yieldM = func(x T) bool {
//!         var #tmpState = #stateN
//!         #stateN = RF_PANIC
//!         if #tmpState != RF_READY { runtime.panicrangestate(#tmpState) }
//!         body   // break/continue/return/goto/defer edited (below)
//!         #stateN = RF_READY
//!         return true
//!     }
//!     f(#yieldM)
//!     if #stateN == RF_PANIC { runtime.panicrangestate(RF_MISSING_PANIC) }
//!     #stateN = RF_EXHAUSTED
//!     checks of #next   // finish a return, goto or labelled break/continue out of the body
//! }
//! ```
//!
//! In a body, `continue`/`break` of its own loop are `return true`/`return false`; `return`
//! assigns F's results (unnamed ones get gc's names `#rvN`) and sets `#next = -1`; labelled
//! break/continue of an outer range-over-func loop and any jump out of the body (goto, or
//! break/continue of an ordinary statement outside it) set `#next` to gc's codes, which the
//! checks after each enclosing loop's call act on. A `defer` in a body is attached to F's
//! defer list through the `#defers` token (`RangeFuncInfo::defer_at`), as gc's `DeferAt`.
//!
//! Why here: escape analysis and the compiler then see one program in which the loop body
//! is an ordinary closure, as gc's do, so both agree by construction (`func literal does
//! not escape`, `moved to heap: #state1`, captured variables, per-iteration variables).
//! The only things left for later stages are gc's runtime helpers, which are builtins no
//! program can name (`Builtin::PanicRangeState`, `Builtin::DeferRangeFunc`), `defer_at`,
//! and the names of body closures (`RangeFuncInfo::bodies`: gc's `F-rangeN`).
//!
//! Invariants: the lowering is total on a checked program (it cannot fail); it is the one
//! owner of the rewrite and of gc's state and `#next` protocol; the nodes it writes are made
//! by `rangefunc_nodes.rs`, which keeps the crate's recording invariants for them.

use crate::rangefunc_nodes::{body_captures, fix_owners, Nodes};
use crate::*;
use gosub_syntax::ast::{BinOp, BranchKind, Decl, Expr, ExprKind, Stmt, StmtKind};

/// gc's `abi.RF_State` values of a loop's `#stateN`.
const RF_DONE: i64 = 0;
const RF_READY: i64 = 1;
const RF_PANIC: i64 = 2;
const RF_EXHAUSTED: i64 = 3;
const RF_MISSING_PANIC: i64 = 4;

/// gc's `perLoopStep`: `#next == 2*N` breaks out of loop level N, `2*N-1` continues it.
const PER_LOOP_STEP: i64 = 2;

/// Lowers the range-over-func loops of the packages of `p` from `first_pkg` on and of the
/// files of package `main` from `first_file` on (an eval session lowers only what each
/// check adds; a whole program passes 0, main, 0).
pub(crate) fn lower(p: &mut Program, first_pkg: usize, main: usize, first_file: usize) {
    let mut packages = std::mem::take(&mut p.packages);
    let mut n = Nodes::new(&mut p.types, &mut p.objects, &mut p.info);
    for (pi, pkg) in packages.iter_mut().enumerate() {
        n.pkg = pi;
        let from = match pi {
            _ if pi >= first_pkg => 0,
            _ if pi == main => first_file,
            _ => continue,
        };
        if from >= pkg.files.len() {
            continue;
        }
        // A package with files to lower is one this check made: not shared yet.
        let pkg = std::sync::Arc::make_mut(pkg);
        let files = std::sync::Arc::make_mut(&mut pkg.files);
        for file in files.iter_mut().skip(from) {
            // The files a check adds are not shared yet: no copy.
            let file = std::sync::Arc::make_mut(file);
            for d in &mut file.decls {
                match d {
                    // Generic declarations are not lowered: only their instances (copies in
                    // the instance file) are compiled.
                    Decl::Func(fd) if !n.info.generic_decls.contains(&fd.name.id) => {
                        if let Some(b) = &mut fd.body {
                            lower_top(&mut n, fd.name.id, &mut b.stmts);
                        }
                    }
                    Decl::Var(g) => {
                        for v in g.specs.iter_mut().flat_map(|s| s.values.iter_mut()) {
                            lits_in_top(&mut n, v, true);
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    p.packages = packages;
}

/// Lowers a function declared at package level (or a literal in a package-level variable's
/// initializer) and the literals in it, then fixes owners and captures for the bodies made.
fn lower_top(n: &mut Nodes, key: NodeId, stmts: &mut [Stmt]) {
    let made = n.info.rangefunc.bodies.len();
    lower_func(n, key, stmts);
    if n.info.rangefunc.bodies.len() == made {
        return;
    }
    fix_owners(n, key, stmts);
    let mut lits: Vec<&Expr> = Vec::new();
    gosub_syntax::walk::inspect_code_stmts(stmts, &mut |nd| {
        if let gosub_syntax::walk::Node::Expr(e) = nd {
            if n.info.rangefunc.bodies.contains_key(&e.id) {
                lits.push(e);
            }
        }
        true
    });
    for l in lits {
        body_captures(n, l);
    }
}

/// Rewrites the loops of one function body (gc's `rewriteFunc`).
fn lower_func(n: &mut Nodes, key: NodeId, stmts: &mut [Stmt]) {
    let mut f = Func {
        key,
        results: n
            .info
            .func_vars
            .get(&key)
            .map(|fv| fv.results.clone())
            .unwrap_or_default(),
        loops: Vec::new(),
        targets: Vec::new(),
        next: None,
        defers: None,
        decls: Vec::new(),
        states: 0,
        yields: 0,
        ranges: 0,
        loop_count: 0,
        labels: Labels::default(),
        renamed: false,
    };
    f.labels.collect(n, stmts);
    for s in stmts.iter_mut() {
        f.stmt(n, s, None);
    }
}

/// Lowers the function literals in an expression (each is a function of its own).
fn lits_in(n: &mut Nodes, e: &mut Expr) {
    lits_in_top(n, e, false)
}

/// `lits_in`; `top`: the expression is a package-level initializer, so its literals are
/// top-level functions (`lower_top`).
fn lits_in_top(n: &mut Nodes, e: &mut Expr, top: bool) {
    let sub = |n: &mut Nodes, x: &mut Expr| lits_in_top(n, x, top);
    match &mut e.kind {
        ExprKind::FuncLit { body, .. } if top => lower_top(n, e.id, &mut body.stmts),
        ExprKind::FuncLit { body, .. } => lower_func(n, e.id, &mut body.stmts),
        ExprKind::CompositeLit { elts, .. } => elts.iter_mut().for_each(|x| sub(n, x)),
        ExprKind::KeyValue { key, value } => {
            sub(n, key);
            sub(n, value);
        }
        ExprKind::Paren(x)
        | ExprKind::Star(x)
        | ExprKind::Unary { x, .. }
        | ExprKind::Selector { x, .. }
        | ExprKind::TypeAssert { x, .. } => sub(n, x),
        ExprKind::Index { x, index } => {
            sub(n, x);
            sub(n, index);
        }
        ExprKind::SliceExpr { x, lo, hi, max, .. } => {
            sub(n, x);
            for q in [lo, hi, max].into_iter().flatten() {
                sub(n, q);
            }
        }
        ExprKind::Call { fun, args, .. } => {
            sub(n, fun);
            args.iter_mut().for_each(|a| sub(n, a));
        }
        ExprKind::Binary { x, y, .. } => {
            sub(n, x);
            sub(n, y);
        }
        _ => {}
    }
}

/// One range-over-func loop being lowered (gc's `forLoop`).
struct Loop {
    /// Pre-order number of the loop in its function (`Labels::loop_of`).
    index: usize,
    state: ObjId,
    /// 1 for an outermost loop.
    depth: usize,
    /// The NodeId of the body's literal.
    lit: NodeId,
    /// The `for` keyword.
    start: u32,
    check_ret: bool,
    check_break: bool,
    check_continue: bool,
    check_branch: Vec<(BranchKind, String)>,
}

/// A statement a break or continue may leave: a loop (a range-over-func one by its index
/// in `Func::loops`), a switch or a select.
struct Target {
    label: Option<String>,
    kind: TargetKind,
}

#[derive(Clone, Copy, PartialEq)]
enum TargetKind {
    RangeFunc(usize),
    Loop,
    Other,
}

/// gc's `computeBranchNext`: for every label of the function, the innermost range-over-func
/// loop around it, and the `#next` codes of break, continue and goto to it.
#[derive(Default)]
struct Labels {
    loop_of: HashMap<String, Option<usize>>,
    codes: HashMap<(BranchKind, String), i64>,
    // While collecting: the labels so far, the loops so far, the loops around.
    names: Vec<String>,
    count: usize,
    stack: Vec<usize>,
}

impl Labels {
    fn collect(&mut self, n: &Nodes, stmts: &[Stmt]) {
        self.list(n, stmts);
        let mut used = -1;
        for l in std::mem::take(&mut self.names) {
            used -= 3;
            self.codes.insert((BranchKind::Break, l.clone()), used);
            self.codes
                .insert((BranchKind::Continue, l.clone()), used + 1);
            self.codes.insert((BranchKind::Goto, l), used + 2);
        }
    }

    fn list(&mut self, n: &Nodes, ss: &[Stmt]) {
        for s in ss {
            self.walk(n, s);
        }
    }

    /// Records the labels in `s` in pre-order, each with the innermost range-over-func
    /// loop around it (by the loops' pre-order numbers). Literals are functions of their own.
    fn walk(&mut self, n: &Nodes, s: &Stmt) {
        match &s.kind {
            StmtKind::Labeled { label, stmt } => {
                self.names.push(label.name.clone());
                let l = self.stack.last().copied();
                self.loop_of.insert(label.name.clone(), l);
                self.walk(n, stmt);
            }
            StmtKind::Range { x, body, .. } if is_range_func(n, x) => {
                self.stack.push(self.count);
                self.count += 1;
                self.list(n, &body.stmts);
                self.stack.pop();
            }
            StmtKind::Range { body, .. } | StmtKind::For { body, .. } => self.list(n, &body.stmts),
            StmtKind::Block(b) => self.list(n, &b.stmts),
            StmtKind::If { then, els, .. } => {
                self.list(n, &then.stmts);
                if let Some(e) = els {
                    self.walk(n, e);
                }
            }
            StmtKind::Switch { clauses, .. } | StmtKind::TypeSwitch { clauses, .. } => {
                for c in clauses {
                    self.list(n, &c.body);
                }
            }
            StmtKind::Select { clauses } => {
                for c in clauses {
                    self.list(n, &c.body);
                }
            }
            _ => {}
        }
    }
}

/// Is `x` (a range expression) a function?
fn is_range_func(n: &Nodes, x: &Expr) -> bool {
    n.info
        .types
        .get(&x.id)
        .is_some_and(|&t| matches!(n.tt.under(t), TypeKind::Func(_)))
}

/// The rewriter of one function body (gc's `rewriter`).
struct Func {
    /// The function (FuncDecl name or FuncLit node).
    key: NodeId,
    /// Its result variables.
    results: Vec<ObjId>,
    /// The range-over-func loops around the current statement, outermost first.
    loops: Vec<Loop>,
    /// The statements a break or continue may target, outermost first.
    targets: Vec<Target>,
    next: Option<ObjId>,
    defers: Option<ObjId>,
    /// Declarations of `#next` and `#defers`, emitted at the start of the outermost loop.
    decls: Vec<Stmt>,
    states: u32,
    yields: u32,
    ranges: u32,
    loop_count: usize,
    labels: Labels,
    /// Unnamed results were given gc's names `#rvN`.
    renamed: bool,
}

impl Func {
    /// The function whose code is being rewritten: the innermost loop body, else F.
    fn closure(&self) -> NodeId {
        self.loops.last().map_or(self.key, |l| l.lit)
    }

    fn stmts(&mut self, n: &mut Nodes, ss: &mut [Stmt]) {
        for s in ss {
            self.stmt(n, s, None);
        }
    }

    fn exprs<'e>(&mut self, n: &mut Nodes, es: impl IntoIterator<Item = &'e mut Expr>) {
        for e in es {
            lits_in(n, e);
        }
    }

    fn opt_stmt(&mut self, n: &mut Nodes, s: &mut Option<Box<Stmt>>) {
        if let Some(s) = s {
            self.stmt(n, s, None);
        }
    }

    fn with_target(&mut self, label: Option<String>, kind: TargetKind) {
        self.targets.push(Target { label, kind });
    }

    /// Rewrites statement `s` (labelled `label`) and what it contains.
    fn stmt(&mut self, n: &mut Nodes, s: &mut Stmt, label: Option<String>) {
        match &mut s.kind {
            StmtKind::Labeled { label, stmt } => {
                let l = label.name.clone();
                self.stmt(n, stmt, Some(l));
                return;
            }
            StmtKind::Range { x, .. } if is_range_func(n, x) => {
                self.range_func(n, s, label);
                return;
            }
            StmtKind::Range {
                key,
                value,
                x,
                body,
                ..
            } => {
                self.exprs(n, key.iter_mut().chain(value.iter_mut()).map(|e| &mut **e));
                lits_in(n, x);
                self.with_target(label, TargetKind::Loop);
                self.stmts(n, &mut body.stmts);
                self.targets.pop();
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                self.opt_stmt(n, init);
                self.exprs(n, cond.iter_mut());
                self.opt_stmt(n, post);
                self.with_target(label, TargetKind::Loop);
                self.stmts(n, &mut body.stmts);
                self.targets.pop();
            }
            StmtKind::Switch {
                init, tag, clauses, ..
            } => {
                self.opt_stmt(n, init);
                self.exprs(n, tag.iter_mut());
                self.with_target(label, TargetKind::Other);
                for c in clauses {
                    self.exprs(n, c.exprs.iter_mut().flatten());
                    self.stmts(n, &mut c.body);
                }
                self.targets.pop();
            }
            StmtKind::TypeSwitch {
                init, x, clauses, ..
            } => {
                self.opt_stmt(n, init);
                lits_in(n, x);
                self.with_target(label, TargetKind::Other);
                for c in clauses {
                    self.stmts(n, &mut c.body);
                }
                self.targets.pop();
            }
            StmtKind::Select { clauses } => {
                self.with_target(label, TargetKind::Other);
                for c in clauses {
                    self.opt_stmt(n, &mut c.comm);
                    self.stmts(n, &mut c.body);
                }
                self.targets.pop();
            }
            StmtKind::Block(b) => self.stmts(n, &mut b.stmts),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                self.opt_stmt(n, init);
                lits_in(n, cond);
                self.stmts(n, &mut then.stmts);
                self.opt_stmt(n, els);
            }
            StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => lits_in(n, e),
            StmtKind::Send { ch, value } => {
                lits_in(n, ch);
                lits_in(n, value);
            }
            StmtKind::IncDec { x, .. } => lits_in(n, x),
            StmtKind::Assign { lhs, rhs, .. } => self.exprs(n, lhs.iter_mut().chain(rhs)),
            StmtKind::Return(es) => self.exprs(n, es.iter_mut()),
            StmtKind::Decl(d) => {
                if let Decl::Var(g) = &mut **d {
                    self.exprs(n, g.specs.iter_mut().flat_map(|s| s.values.iter_mut()))
                }
            }
            StmtKind::Empty | StmtKind::Branch { .. } => {}
        }
        if !self.loops.is_empty() {
            self.edit(n, s);
        }
    }

    /// gc's `editStmt`: a branch, return or defer inside a loop body.
    fn edit(&mut self, n: &mut Nodes, s: &mut Stmt) {
        let pos = s.span.lo;
        match &mut s.kind {
            StmtKind::Branch { kind, label } => {
                let (kind, label) = (*kind, label.as_ref().map(|l| l.name.clone()));
                if let Some(b) = self.edit_branch(n, kind, label, pos) {
                    *s = b;
                }
            }
            StmtKind::Return(es) => {
                let es = std::mem::take(es);
                *s = self.edit_return(n, es, pos);
            }
            StmtKind::Defer(e) => {
                let d = self.defers_var(n);
                n.info.rangefunc.defer_at.insert(e.id, d);
            }
            _ => {}
        }
    }

    /// `#next`, declared at the outermost loop on first use (gc's `next`).
    fn next_var(&mut self, n: &mut Nodes) -> ObjId {
        if let Some(o) = self.next {
            return o;
        }
        let o = n.var("#next", T_INT, 0, self.key);
        let pos = self.loops.first().map_or(0, |l| l.start);
        let d = n.var_decl(o, None, pos);
        self.decls.push(d);
        self.next = Some(o);
        o
    }

    /// `#defers`, F's defer-list token (gc's `editDefer`).
    fn defers_var(&mut self, n: &mut Nodes) -> ObjId {
        if let Some(o) = self.defers {
            return o;
        }
        let o = n.var("#defers", T_UINTPTR, 0, self.key);
        let pos = self.loops.first().map_or(0, |l| l.start);
        let init = n.builtin_call(Builtin::DeferRangeFunc, vec![], pos);
        let d = n.var_decl(o, Some(init), pos);
        self.decls.push(d);
        self.defers = Some(o);
        o
    }

    /// `#stateK = v` for loop `index` of `loops`.
    fn set_state(&mut self, n: &mut Nodes, index: usize, v: i64, pos: u32) -> Stmt {
        n.set_int(self.loops[index].state, v, pos)
    }

    /// `if #next op c { [#next = 0;] then }` (gc's `ifNext`).
    fn if_next(
        &mut self,
        n: &mut Nodes,
        op: BinOp,
        c: i64,
        zero: bool,
        then: Vec<Stmt>,
        pos: u32,
    ) -> Stmt {
        let next = self.next_var(n);
        let mut list = Vec::new();
        if zero {
            list.push(n.set_int(next, 0, pos));
        }
        list.extend(then);
        n.if_var(next, op, c, list, pos)
    }

    fn panic_state(&mut self, n: &mut Nodes, state: i64, pos: u32) -> Stmt {
        let c = n.int(state, pos);
        let call = n.builtin_call(Builtin::PanicRangeState, vec![c], pos);
        n.expr_stmt(call)
    }

    /// gc's `editReturn`.
    fn edit_return(&mut self, n: &mut Nodes, es: Vec<Expr>, pos: u32) -> Stmt {
        let mut bl = Vec::new();
        if !es.is_empty() {
            self.name_results(n);
            let lhs = self
                .results
                .clone()
                .into_iter()
                .map(|o| n.use_var(o, pos))
                .collect();
            bl.push(n.assign(lhs, es, pos));
        }
        for l in &mut self.loops {
            l.check_ret = true;
        }
        let next = self.next_var(n);
        bl.push(n.set_int(next, -1, pos));
        let top = self.loops.len() - 1;
        bl.push(self.set_state(n, top, RF_DONE, pos));
        bl.push(n.ret_bool(false, pos));
        n.block(bl, pos)
    }

    /// Unnamed (and blank) results get gc's names `#rv1`, `#rv2`, ... (types2's
    /// `RenameResult`), as a return in a loop body assigns them.
    fn name_results(&mut self, n: &mut Nodes) {
        if std::mem::replace(&mut self.renamed, true) {
            return;
        }
        for (i, &o) in self.results.iter().enumerate() {
            let obj = n.obj_mut(o);
            if obj.name.starts_with("~r") || obj.name == "_" {
                obj.name = format!("#rv{}", i + 1);
            }
        }
    }

    /// gc's `editBranch`: the replacement of a break, continue or goto, or None to leave it.
    fn edit_branch(
        &mut self,
        n: &mut Nodes,
        kind: BranchKind,
        label: Option<String>,
        pos: u32,
    ) -> Option<Stmt> {
        if kind == BranchKind::Fallthrough {
            return None;
        }
        let innermost = self.loops.len() - 1;
        let targ = match (&label, kind) {
            (_, BranchKind::Goto) => None,
            (None, BranchKind::Break) => self.targets.last().map(|t| t.kind),
            (None, _) => (self.targets.iter().rev())
                .find(|t| t.kind != TargetKind::Other)
                .map(|t| t.kind),
            (Some(l), _) => (self.targets.iter().rev())
                .find(|t| t.label.as_deref() == Some(l))
                .map(|t| t.kind),
        };
        if label.is_none() && targ != Some(TargetKind::RangeFunc(innermost)) {
            // A break or continue of a statement inside the body.
            return None;
        }
        let next;
        match targ {
            Some(TargetKind::RangeFunc(i)) if kind != BranchKind::Goto => {
                let mut exit_from = i + 1;
                if exit_from == self.loops.len() {
                    // Break or continue of the body's own loop.
                    let (state, ret) = if kind == BranchKind::Continue {
                        (RF_READY, true)
                    } else {
                        (RF_DONE, false)
                    };
                    let list = vec![
                        self.set_state(n, innermost, state, pos),
                        n.ret_bool(ret, pos),
                    ];
                    return Some(n.block(list, pos));
                }
                if kind == BranchKind::Continue {
                    self.loops[exit_from].check_continue = true;
                } else {
                    exit_from = i;
                    self.loops[exit_from].check_break = true;
                }
                for l in &mut self.loops[exit_from + 1..] {
                    l.check_break = true;
                }
                next = PER_LOOP_STEP * (i as i64 + 1) - (kind == BranchKind::Continue) as i64;
            }
            _ => {
                // goto, or break/continue of a labelled statement that is not a
                // range-over-func loop.
                let label = label.unwrap_or_default();
                let targ_loop = self.labels.loop_of.get(&label).copied().flatten();
                if targ_loop == Some(self.loops[innermost].index) {
                    return None; // the label is in this body
                }
                next = self
                    .labels
                    .codes
                    .get(&(kind, label.clone()))
                    .copied()
                    .unwrap_or(-2);
                let i = targ_loop.and_then(|t| self.loops.iter().position(|l| l.index == t));
                let exit_from = i.map_or(0, |i| i + 1);
                self.loops[exit_from].check_branch.push((kind, label));
                for l in &mut self.loops[exit_from + 1..] {
                    l.check_ret = true;
                }
            }
        }
        let next_var = self.next_var(n);
        let list = vec![
            n.set_int(next_var, next, pos),
            self.set_state(n, innermost, RF_DONE, pos),
            n.ret_bool(false, pos),
        ];
        Some(n.block(list, pos))
    }

    /// Lowers the range-over-func loop `s` (gc's `startLoop`, the walk of its body, and
    /// `endLoop`), replacing it by the block of the package comment.
    fn range_func(&mut self, n: &mut Nodes, s: &mut Stmt, label: Option<String>) {
        let StmtKind::Range {
            key,
            value,
            define,
            mut x,
            mut body,
        } = std::mem::replace(&mut s.kind, StmtKind::Empty)
        else {
            return;
        };
        let start = s.span.lo;
        let end = body.span.hi.saturating_sub(1);
        let mut lhs: Vec<Expr> = key.into_iter().chain(value).map(|e| *e).collect();
        self.exprs(n, lhs.iter_mut());
        lits_in(n, &mut x);
        // startLoop
        self.states += 1;
        self.ranges += 1;
        let state = n.var(
            &format!("#state{}", self.states),
            T_INT,
            start,
            self.closure(),
        );
        let lit = n.id();
        n.info.rangefunc.bodies.insert(
            lit,
            RangeBody {
                parent: self.key,
                index: self.ranges,
            },
        );
        self.loops.push(Loop {
            index: self.loop_count,
            state,
            depth: self.loops.len() + 1,
            lit,
            start,
            check_ret: false,
            check_break: false,
            check_continue: false,
            check_branch: Vec::new(),
        });
        self.loop_count += 1;
        self.with_target(label, TargetKind::RangeFunc(self.loops.len() - 1));
        self.stmts(n, &mut body.stmts);
        self.targets.pop();
        // endLoop
        let cb = match n.info.types.get(&x.id).map(|&t| n.tt.under(t).clone()) {
            Some(TypeKind::Func(sig)) => sig.params.first().map(|&y| n.tt.under(y).clone()),
            _ => None,
        };
        let ytypes = match cb {
            Some(TypeKind::Func(cb)) => cb.params,
            _ => Vec::new(),
        };
        self.yields += 1;
        let mut stmts = Vec::new();
        let mut params = Vec::new();
        for (i, &t) in ytypes.iter().enumerate() {
            let var = lhs.get(i);
            let def = match var.map(|v| &v.kind) {
                Some(ExprKind::Ident(id)) if define => n.info.defs.get(&id.id).copied(),
                _ => None,
            };
            let p = match def {
                // The range variable itself is the parameter.
                Some(o) => {
                    let obj = n.obj_mut(o);
                    obj.owner = Some(lit);
                    if let ObjKind::Var { param, .. } = &mut obj.kind {
                        *param = true;
                    }
                    o
                }
                None => {
                    let p = n.new_var(&format!("#p{}", i + 1), t, start, lit, true, false);
                    if let Some(v) = var {
                        let v = v.clone();
                        let vp = v.span.lo;
                        let r = n.use_var(p, vp);
                        stmts.push(n.assign(vec![v], vec![r], vp));
                    }
                    p
                }
            };
            params.push(p);
        }
        let r = n.new_var("#r", T_BOOL, start, lit, false, true);
        let tmp = n.var("#tmpState", T_INT, 0, lit);
        let st = n.use_var(state, 0);
        stmts.push(n.var_decl(tmp, Some(st), 0));
        stmts.push(n.set_int(state, RF_PANIC, start));
        let arg = n.use_var(tmp, start);
        let call = n.builtin_call(Builtin::PanicRangeState, vec![arg], start);
        let call = n.expr_stmt(call);
        stmts.push(n.if_var(tmp, BinOp::Ne, RF_READY, vec![call], start));
        stmts.append(&mut body.stmts);
        stmts.push(n.set_int(state, RF_READY, end));
        stmts.push(n.ret_bool(true, end));
        let ty = n.body_type(ytypes);
        let fv = FuncVars {
            recv: None,
            params,
            results: vec![r],
            named_results: false,
        };
        let clo = n.func_lit(lit, ty, fv, stmts, start, end);
        let loop_ = self.loops.len() - 1;
        let outer = self
            .loops
            .get(loop_.wrapping_sub(1))
            .map_or(self.key, |l| l.lit);
        let yv = n.var(&format!("#yield{}", self.yields), ty, 0, outer);
        let y = n.use_var(yv, start);
        let call = n.call(*x, vec![y], None, start);
        let checks = self.checks(n, end);
        let mut block = Vec::new();
        if self.loops.len() == 1 {
            block.append(&mut self.decls);
        }
        let ready = n.int(RF_READY, start);
        block.push(n.var_decl(state, Some(ready), start));
        block.push(n.var_decl(yv, Some(clo), start));
        block.push(n.expr_stmt(call));
        let missing = self.panic_state(n, RF_MISSING_PANIC, end);
        block.push(n.if_var(state, BinOp::Eq, RF_PANIC, vec![missing], end));
        block.push(n.set_int(state, RF_EXHAUSTED, end));
        block.extend(checks);
        if self.loops.len() == 1 {
            self.next = None;
            self.defers = None;
        }
        self.loops.pop();
        *s = n.block(block, start);
    }

    /// gc's `checks`: what the code after loop `self.loops.last()` does with `#next`.
    fn checks(&mut self, n: &mut Nodes, pos: u32) -> Vec<Stmt> {
        let mut list = Vec::new();
        let lp = self.loops.len() - 1;
        let branches = std::mem::take(&mut self.loops[lp].check_branch);
        let mut did = HashSet::new();
        for br in branches {
            if !did.insert(br.clone()) {
                continue;
            }
            let code = self.labels.codes.get(&br).copied().unwrap_or(-2);
            let b = n.branch(br.0, &br.1, pos);
            list.push(self.if_next(n, BinOp::Eq, code, true, vec![b], pos));
        }
        let l = &self.loops[lp];
        let (check_ret, check_break, check_continue) =
            (l.check_ret, l.check_break, l.check_continue);
        let cur_loop = l.depth - 1;
        if self.loops.len() == 1 {
            if check_ret {
                let r = n.ret(vec![], pos);
                list.push(self.if_next(n, BinOp::Eq, -1, false, vec![r], pos));
            }
            return list;
        }
        let ci = cur_loop - 1;
        if check_ret {
            let then = vec![self.set_state(n, ci, RF_DONE, pos), n.ret_bool(false, pos)];
            list.push(self.if_next(n, BinOp::Lt, 0, false, then, pos));
        }
        let step = PER_LOOP_STEP * cur_loop as i64;
        let p = self.panic_state(n, RF_DONE, pos);
        list.push(self.if_next(n, BinOp::Gt, step, false, vec![p], pos));
        if check_continue {
            let then = vec![self.set_state(n, ci, RF_READY, pos), n.ret_bool(true, pos)];
            list.push(self.if_next(n, BinOp::Eq, step - 1, true, then, pos));
        }
        if check_break {
            let then = vec![self.set_state(n, ci, RF_DONE, pos), n.ret_bool(false, pos)];
            list.push(self.if_next(n, BinOp::Eq, step, true, then, pos));
        }
        if check_continue || check_break {
            let then = vec![self.set_state(n, ci, RF_DONE, pos), n.ret_bool(false, pos)];
            list.push(self.if_next(n, BinOp::Gt, 0, false, then, pos));
        }
        list
    }
}
