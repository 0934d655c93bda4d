//! AST → escape graph, one rule per node kind (modelled on gc's escape/expr.go, stmt.go,
//! assign.go and call.go).
//!
//! Expressions are evaluated into a *hole* (`Hole`): the location the value flows to and
//! the number of dereferences (`-1` = its address). The rules:
//! - `x` (local variable): flow hole <- x. Globals, functions and constants flow nowhere
//!   (a global *destination* is the heap).
//! - `&x`: the hole takes the address (derefs - 1); `*p`, `p.f` through a pointer, `s[i]` of a
//!   slice or string: one more dereference; `a[i]` of an array, `v.f` of a struct value,
//!   `s[lo:hi]`: same level. Slicing an array variable takes its address.
//! - Allocation sites (`new`, `&T{}`, slice and map literals, `make`, closures, method
//!   values, string conversions and concatenation, interface boxing of non-pointer-shaped
//!   values, `append`'s backing store, a variadic call's `...` slice) get their own location:
//!   the hole receives their address ("spill"), and what is stored in them flows into it.
//! - Map keys and values, sent values, `panic` arguments, `go` calls and appended elements go
//!   to the heap; values with no pointers go nowhere (the blank hole).
//! - Calls: arguments flow according to the callee's parameter summary (leaks to the heap,
//!   leaks to result i with d dereferences); unknown callees (interface methods, function
//!   values) leak every argument to the heap. Calls within the current batch (recursion,
//!   closures) connect arguments to the callee's parameter locations directly.
//! - Loops: every location records the loop depth of its declaration; statements in a
//!   `for` / `range` body (or after a label targeted by a backward goto) are one level deeper.

use crate::graph::*;
use crate::types_util::*;
use gosub_syntax::ast::{
    self, unparen, AssignOp, BinOp, Expr, ExprKind, NodeId, Stmt, StmtKind, UnOp,
};
use gosub_types::{Builtin, ObjId, ObjKind, Program, Selection, TypeId, TypeKind};
use std::collections::{HashMap, HashSet};

/// Allocation-site key: node id * 4 + tag.
pub type AllocKey = u64;
pub const TAG_PRIMARY: u64 = 0;
pub const TAG_IFACE: u64 = 1;
pub const TAG_DDD: u64 = 2;

pub fn key(id: NodeId, tag: u64) -> AllocKey {
    id as u64 * 4 + tag
}

/// A function in the program: a declared function or a function literal.
#[derive(Clone, Copy)]
pub enum FnRef<'a> {
    Decl(&'a ast::FuncDecl),
    Lit(&'a Expr),
}

pub struct AllocInfo {
    pub pos: u32,
    /// How `-m` names the allocation (`append` for appends).
    pub text: String,
    /// How the `-m -m` flows name it (the whole expression, `append(g, 1)`).
    pub flow_text: String,
    pub kind: AllocKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AllocKind {
    New,
    PtrLit,
    SliceLit,
    MapLit,
    MakeSlice,
    MakeMap,
    Closure,
    MethValue,
    Conv,
    StrBytes,
    Concat,
    Iface,
    Ddd,
    Append,
    Temp,
}

/// Shared, read-only facts about the program used by every batch.
pub struct Ctx<'a> {
    pub p: &'a Program,
    /// Func object -> its declaration.
    pub decls: HashMap<ObjId, &'a ast::FuncDecl>,
    /// Summaries of analysed functions: leaks of receiver + params, by FnKey.
    pub tags: HashMap<FnKey, Vec<Leaks>>,
    pub explain: bool,
}

pub struct Builder<'a, 'c> {
    pub cx: &'c Ctx<'a>,
    pub g: Graph,
    pub vars: HashMap<ObjId, usize>,
    pub allocs: Vec<(AllocKey, usize)>,
    pub alloc_info: HashMap<AllocKey, AllocInfo>,
    pub cur: FnKey,
    pub depth: i32,
    pub closures: Vec<(Hole, &'a Expr)>,
    /// FnKeys (decls and literals) of the current batch.
    pub batch: HashSet<FnKey>,
    /// Func literal bodies by FnKey.
    pub lits: HashMap<FnKey, &'a Expr>,
    /// Locals bound once to a func literal and never reassigned: calls through them are static.
    pub static_lits: HashMap<ObjId, &'a Expr>,
    /// Variables assigned after their definition, or whose address is taken.
    pub reassigned_any: HashSet<ObjId>,
    /// Variables whose address is taken or captured by a closure (for the 1.22 loop
    /// variable rule).
    pub addr_or_captured: HashSet<ObjId>,
    /// Labels targeted by a goto after them (looping labels).
    pub looping_labels: HashSet<u32>,
    /// Closure literals that are the function of a `defer`/`go` statement, and every
    /// allocation whose location flows into a defer (forced to the heap by the compiler).
    pub deferred_lits: HashSet<NodeId>,
    /// Per captured variable: (closure id, by value).
    pub captures: Vec<(NodeId, ObjId, bool)>,
    /// Functions of this batch in the order they were initialised (decls, then literals).
    pub fn_order: Vec<FnKey>,
    /// Enclosing function of each function literal.
    pub parents: HashMap<FnKey, FnKey>,
    /// Literals whose results may be used by unknown callers.
    pub lost_lits: HashSet<FnKey>,
    /// Literals called directly (`func(){...}()`).
    pub direct_lits: HashSet<FnKey>,
    /// Package index of each function of the batch.
    pub fn_pkgs: HashMap<FnKey, usize>,
    /// Names of functions for -m -m.
    pub fn_names: HashMap<FnKey, String>,
    alloc_by_loc: HashMap<usize, AllocKey>,
    make_calls: HashMap<NodeId, &'a Expr>,
    make_consts: HashMap<NodeId, i128>,
    /// Static values of never-reassigned locals (gc's ir.StaticValue).
    pub static_inits: HashMap<ObjId, &'a Expr>,
    /// Messages printed while walking (self-assignment, devirtualization), in order.
    pub walk_lines: Vec<(u32, String, FnKey)>,
    /// `-m -m` lines gc prints while walking a closure: `main capturing by value: x (...)`,
    /// with the variable's function.
    pub capture_lines: Vec<(u32, String, FnKey)>,
    devirt_recv: Option<TypeId>,
    devirt_text: HashMap<NodeId, String>,
    /// `&T{...}` unary node -> its composite literal node (the compiler allocates there).
    pub ptrlit_inner: HashMap<NodeId, NodeId>,
}

impl<'a, 'c> Builder<'a, 'c> {
    pub fn new(cx: &'c Ctx<'a>) -> Builder<'a, 'c> {
        Builder {
            cx,
            g: Graph::new(cx.explain),
            vars: HashMap::new(),
            allocs: Vec::new(),
            alloc_info: HashMap::new(),
            cur: 0,
            depth: 1,
            closures: Vec::new(),
            batch: HashSet::new(),
            lits: HashMap::new(),
            static_lits: HashMap::new(),
            reassigned_any: HashSet::new(),
            addr_or_captured: HashSet::new(),
            looping_labels: HashSet::new(),
            deferred_lits: HashSet::new(),
            captures: Vec::new(),
            fn_order: Vec::new(),
            parents: HashMap::new(),
            lost_lits: HashSet::new(),
            direct_lits: HashSet::new(),
            fn_pkgs: HashMap::new(),
            fn_names: HashMap::new(),
            alloc_by_loc: HashMap::new(),
            make_calls: HashMap::new(),
            make_consts: HashMap::new(),
            ptrlit_inner: HashMap::new(),
            static_inits: HashMap::new(),
            walk_lines: Vec::new(),
            capture_lines: Vec::new(),
            devirt_recv: None,
            devirt_text: HashMap::new(),
        }
    }

    pub fn fn_name(&self, fk: FnKey) -> String {
        self.fn_names
            .get(&fk)
            .cloned()
            .unwrap_or_else(|| "?".into())
    }

    pub fn fn_pkg(&self, fk: FnKey) -> Option<usize> {
        self.fn_pkgs.get(&fk).copied()
    }

    pub fn alloc_of(&self, loc: usize) -> Option<(AllocKey, &AllocInfo)> {
        let k = *self.alloc_by_loc.get(&loc)?;
        Some((k, self.alloc_info.get(&k)?))
    }

    pub fn alloc_kind_of(&self, loc: usize) -> Option<AllocKind> {
        self.alloc_of(loc).map(|(_, i)| i.kind)
    }

    /// The location of the primary allocation at node `id`.
    pub fn alloc_loc(&self, id: NodeId) -> Option<usize> {
        let k = key(id, TAG_PRIMARY);
        self.allocs.iter().find(|(kk, _)| *kk == k).map(|(_, l)| *l)
    }

    /// The constant size of a `make([]T, len[, cap])` (cap if present), if constant.
    pub fn make_const_size(&self, call: NodeId) -> Option<i128> {
        if let Some(n) = self.make_consts.get(&call) {
            return Some(*n);
        }
        let e = self.make_calls.get(&call)?;
        let ExprKind::Call { args, .. } = &e.kind else {
            return None;
        };
        let a = args.get(2).or(args.get(1))?;
        match self.cx.p.info.consts.get(&a.id) {
            Some(gosub_types::ConstValue::Int(n)) => Some(*n),
            _ => None,
        }
    }

    fn p(&self) -> &'a Program {
        self.cx.p
    }

    fn ty(&self, e: &Expr) -> Option<TypeId> {
        self.cx.p.info.types.get(&e.id).copied()
    }

    // ---------- holes ----------

    fn heap(&self) -> Hole {
        Hole::to(HEAP)
    }
    fn blank(&self) -> Hole {
        Hole::to(BLANK)
    }
    fn mutator(&self) -> Hole {
        Hole::to(MUTATOR)
    }

    pub fn note(
        &self,
        mut k: Hole,
        pos: u32,
        text: impl FnOnce() -> String,
        why: &'static str,
    ) -> Hole {
        if self.cx.explain {
            k.notes.push(Note {
                pos,
                text: text(),
                why,
            });
        }
        k
    }

    fn note_e(&self, k: Hole, e: &Expr, why: &'static str) -> Hole {
        if !self.cx.explain {
            return k;
        }
        let p = self.p();
        self.note(k, gc_pos(e), || crate::diag::fmt_expr(p, e), why)
    }

    fn new_loc(&mut self, kind: LocKind, persists: bool) -> usize {
        let mut l = Location::new(kind, self.cur, self.depth);
        if persists {
            l.attrs |= ATTR_PERSISTS;
        }
        self.g.add(l)
    }

    /// The location of variable `o`, created on first use.
    pub fn var(&mut self, o: ObjId) -> usize {
        if let Some(&l) = self.vars.get(&o) {
            return l;
        }
        let owner = self.p().obj(o).owner.unwrap_or(self.cur);
        let mut l = Location::new(LocKind::Var(o), owner, 1);
        l.attrs |= ATTR_PERSISTS;
        if let ObjKind::Var { param, result, .. } = self.p().obj(o).kind {
            l.param = param && !result;
        }
        let i = self.g.add(l);
        self.vars.insert(o, i);
        i
    }

    fn is_local(&self, o: ObjId) -> bool {
        matches!(self.p().obj(o).kind, ObjKind::Var { global: false, .. })
    }

    /// Declares `o` at the current loop depth. An eval session's top-level variable is a
    /// package-level variable (declared by a statement): assigning it is the heap.
    fn dcl(&mut self, o: ObjId) -> Hole {
        if !self.is_local(o) {
            return self.heap();
        }
        let l = self.var(o);
        self.g.locs[l].loop_depth = self.depth;
        Hole::to(l)
    }

    /// `spill`: a new allocation location for `e` whose address flows to `k`.
    fn spill(&mut self, k: Hole, e: &Expr, tag: u64, kind: AllocKind) -> Hole {
        let p = self.p();
        let text = match kind {
            AllocKind::Ddd => "... argument".to_string(),
            AllocKind::Closure => "func literal".to_string(),
            AllocKind::Append => "append".to_string(),
            _ => crate::diag::fmt_expr(p, e),
        };
        let pos = match kind {
            AllocKind::Ddd | AllocKind::Append => call_lparen(e),
            AllocKind::PtrLit => e.span.lo,
            _ => gc_pos(e),
        };
        let flow_text = match kind {
            AllocKind::Append => crate::diag::fmt_expr(p, e),
            _ => text.clone(),
        };
        let loc = self.new_loc(LocKind::Alloc(e.id), false);
        let key = key(e.id, tag);
        self.allocs.push((key, loc));
        self.alloc_by_loc.insert(loc, key);
        self.alloc_info.insert(
            key,
            AllocInfo {
                pos,
                text,
                flow_text: flow_text.clone(),
                kind,
            },
        );
        let mut kk = k.shift(-1);
        if self.cx.explain {
            kk.notes.push(Note {
                pos,
                text: flow_text,
                why: "spill",
            });
        }
        self.g.flow(&kk, loc);
        Hole::to(loc)
    }

    fn tee(&mut self, ks: Vec<Hole>) -> Hole {
        if ks.is_empty() {
            return self.blank();
        }
        if ks.len() == 1 {
            return ks.into_iter().next().unwrap_or(Hole::to(BLANK));
        }
        let loc = self.new_loc(LocKind::Temp, false);
        for k in ks {
            self.g.flow(&k, loc);
        }
        Hole::to(loc)
    }

    fn later(&mut self, k: Hole) -> Hole {
        let loc = self.new_loc(LocKind::Temp, true);
        self.g.flow(&k, loc);
        Hole::to(loc)
    }

    // ---------- functions ----------

    /// Creates the parameter and result locations of a function (gc's initFunc).
    pub fn init_func(&mut self, key: FnKey) {
        let saved = self.cur;
        self.cur = key;
        if let Some(fv) = self.p().info.func_vars.get(&key) {
            for &o in fv.recv.iter().chain(fv.params.iter()) {
                let l = self.var(o);
                self.g.locs[l].param = true;
                self.g.locs[l].func = key;
            }
            for (i, &o) in fv.results.iter().enumerate() {
                let l = self.var(o);
                self.g.locs[l].result_index = i + 1;
                self.g.locs[l].param = false;
                self.g.locs[l].func = key;
            }
        }
        self.fn_order.push(key);
        if let Some(&o) = self.p().info.defs.get(&key) {
            let obj = self.p().obj(o);
            self.fn_pkgs.insert(key, obj.pkg);
            let name = match obj.kind {
                ObjKind::Func {
                    recv: Some(r),
                    ptr_recv,
                    ..
                } => {
                    let base = self
                        .p()
                        .types
                        .named_of(r)
                        .map(|n| n.name.clone())
                        .unwrap_or_default();
                    if ptr_recv {
                        format!("(*{}).{}", base, obj.name)
                    } else {
                        format!("{}.{}", base, obj.name)
                    }
                }
                _ => obj.name.clone(),
            };
            self.fn_names.insert(key, name);
        }
        self.cur = saved;
    }

    pub fn walk_func(&mut self, key: FnKey, body: &'a ast::Block) {
        let saved = (self.cur, self.depth);
        self.cur = key;
        self.depth = 1;
        prescan_labels(&body.stmts, &mut self.looping_labels);
        self.block(&body.stmts);
        (self.cur, self.depth) = saved;
    }

    /// Connects each closure's captured variables to the closure (by value or by reference).
    pub fn flow_closures(&mut self) {
        let closures = std::mem::take(&mut self.closures);
        for (k, lit) in closures {
            let caps = self
                .p()
                .info
                .captures
                .get(&lit.id)
                .cloned()
                .unwrap_or_default();
            for o in caps {
                let l = self.var(o);
                let (addrtaken, reassigned) = (self.g.locs[l].addrtaken, self.g.locs[l].reassigned);
                let size = size_of(&self.p().types, self.p().obj(o).ty);
                let byval = !addrtaken && !reassigned && size <= 128;
                if self.cx.explain {
                    let obj = self.p().obj(o);
                    let owner = obj.owner.unwrap_or_default();
                    let line = format!(
                        "{} capturing by {}: {} (addr={} assign={} width={})",
                        self.fn_name(owner),
                        if byval { "value" } else { "ref" },
                        obj.name,
                        addrtaken,
                        reassigned,
                        size
                    );
                    self.capture_lines.push((obj.span.lo, line, owner));
                }
                self.captures.push((lit.id, o, byval));
                let mut kk = k.clone();
                if !byval {
                    kk = kk.shift(-1);
                    if self.cx.explain {
                        kk.notes.push(Note {
                            pos: self.p().obj(o).span.lo,
                            text: self.p().obj(o).name.clone(),
                            why: "reference",
                        });
                    }
                }
                if self.cx.explain {
                    kk.notes.push(Note {
                        pos: self.p().obj(o).span.lo,
                        text: self.p().obj(o).name.clone(),
                        why: "captured by a closure",
                    });
                }
                self.g.flow(&kk, l);
            }
        }
    }

    // ---------- statements ----------

    fn block(&mut self, ss: &'a [Stmt]) {
        let d = self.depth;
        for s in ss {
            self.stmt(s);
        }
        self.depth = d;
    }

    fn def_obj(&self, id: &ast::Ident) -> Option<ObjId> {
        self.p().info.defs.get(&id.id).copied()
    }

    fn stmt(&mut self, s: &'a Stmt) {
        match &s.kind {
            StmtKind::Empty | StmtKind::Branch { .. } => {}
            StmtKind::Decl(ast::Decl::Var(gd)) => {
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
                let fv = self
                    .p()
                    .info
                    .func_vars
                    .get(&self.cur)
                    .cloned()
                    .unwrap_or_default();
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
                init, x, clauses, ..
            } => {
                let d = self.depth;
                if let Some(i) = init {
                    self.stmt(i);
                }
                let mut ks = Vec::new();
                for c in clauses {
                    if let Some(&o) = self.p().info.implicits.get(&c.span.lo) {
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
                    if let StmtKind::Assign {
                        lhs,
                        op: AssignOp::Define,
                        ..
                    } = &i.kind
                    {
                        for x in lhs {
                            if let ExprKind::Ident(id) = &x.kind {
                                if let Some(o) = self.def_obj(id) {
                                    if self.addr_or_captured.contains(&o) {
                                        per_iter.push(o);
                                    }
                                }
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
                let ks = [self.range_var(key, *define), self.range_var(value, *define)];
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
                        && matches!(v, Some(Expr { kind: ExprKind::Ident(id), .. })
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
    fn range_var(&mut self, v: &'a Option<Expr>, define: bool) -> Hole {
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

    fn note_stmt(&self, k: Hole, s: &Stmt, why: &'static str) -> Hole {
        if !self.cx.explain {
            return k;
        }
        let p = self.p();
        self.note(k, s.span.lo, || crate::diag::fmt_stmt(p, s), why)
    }

    fn assign(&mut self, s: &'a Stmt, lhs: &'a [Expr], op: AssignOp, rhs: &'a [Expr]) {
        let mut ks = Vec::new();
        let mut dts = Vec::new();
        for x in lhs {
            let k = match (&x.kind, op) {
                (ExprKind::Ident(id), AssignOp::Define) if id.name != "_" => match self.def_obj(id)
                {
                    Some(o) => self.dcl(o),
                    None => self.addr(x),
                },
                _ => self.addr(x),
            };
            dts.push(self.ty(x));
            ks.push(k);
        }
        if let ([r0], [k0, _, ..], [dt0, ..]) = (rhs, ks.as_slice(), dts.as_slice()) {
            let r = unparen(r0);
            if let ExprKind::Call { .. } = r.kind {
                if !self.p().info.conversions.contains_key(&r.id) {
                    self.multi(ks.clone(), r0, s);
                    self.reassigned(&ks, Some((s, lhs)));
                    return;
                }
            }
            // Comma-ok forms: the value flows to the first destination.
            let k = self.note_stmt(k0.clone(), s, "assign-pair");
            self.expr_conv(k, r0, *dt0);
            self.reassigned(&ks, Some((s, lhs)));
            return;
        }
        for (i, r) in rhs.iter().enumerate() {
            let mut k = ks.get(i).cloned().unwrap_or(self.blank());
            if let Some(x) = lhs.get(i) {
                if is_self_assign(self.p(), x, r) {
                    let p = self.p();
                    let msg = format!(
                        "{} ignoring self-assignment in {}",
                        self.fn_name(self.cur),
                        crate::diag::fmt_stmt(p, s)
                    );
                    self.walk_lines.push((s.span.lo, msg, self.cur));
                    k = self.blank();
                }
            }
            let k = self.note_stmt(k, s, "assign");
            let dt = if matches!(op, AssignOp::Op(_)) {
                None
            } else {
                dts.get(i).copied().flatten()
            };
            self.expr_conv(k, r, dt);
        }
        self.reassigned(&ks, Some((s, lhs)));
    }

    /// Marks destinations as reassigned (for capture-by-value decisions), except a variable
    /// at its own definition.
    fn reassigned(&mut self, ks: &[Hole], at: Option<(&Stmt, &[Expr])>) {
        for (i, k) in ks.iter().enumerate() {
            if k.dst < 3 {
                continue;
            }
            if let Some((s, lhs)) = at {
                if let StmtKind::Assign {
                    op: AssignOp::Define,
                    ..
                } = s.kind
                {
                    if let Some(ExprKind::Ident(id)) = lhs.get(i).map(|e| &e.kind) {
                        if self.def_obj(id).is_some() {
                            continue;
                        }
                    }
                }
            }
            self.g.locs[k.dst].reassigned = true;
        }
    }

    /// A multi-value call (or comma-ok expression) assigned to several destinations.
    fn multi(&mut self, ks: Vec<Hole>, e: &'a Expr, s: &Stmt) {
        let r = unparen(e);
        if let ExprKind::Call { .. } = r.kind {
            if !self.p().info.conversions.contains_key(&r.id) {
                let ks: Vec<Hole> = ks
                    .into_iter()
                    .map(|k| self.note_stmt(k, s, "assign-pair-func-call"))
                    .collect();
                self.call(Some(ks), r);
                return;
            }
        }
        let k = ks.into_iter().next().unwrap_or(Hole::to(BLANK));
        self.expr(k, e);
    }

    /// The hole for assigning to `x` (gc's `addr`).
    fn addr(&mut self, x: &'a Expr) -> Hole {
        match &x.kind {
            ExprKind::Paren(i) => self.addr(i),
            ExprKind::Ident(id) => {
                if id.name == "_" {
                    return self.blank();
                }
                match self
                    .p()
                    .info
                    .uses
                    .get(&id.id)
                    .or(self.p().info.defs.get(&id.id))
                {
                    Some(&o) if self.is_local(o) => Hole::to(self.var(o)),
                    _ => self.heap(),
                }
            }
            ExprKind::Selector { x: base, .. } => match self.p().info.selections.get(&x.id) {
                Some(Selection::Field { path, .. }) => {
                    // Through a pointer anywhere along the path: a store into memory.
                    if self.path_has_ptr(base, path) {
                        self.mutate(base);
                        self.heap()
                    } else {
                        self.addr(base)
                    }
                }
                Some(Selection::Qualified(_)) => self.heap(),
                _ => {
                    self.discard(base);
                    self.heap()
                }
            },
            ExprKind::Index { x: base, index } => {
                let bt = self.ty(base).map(|t| self.p().types.under(t).clone());
                match bt {
                    Some(TypeKind::Array(..)) => {
                        self.discard(index);
                        self.addr(base)
                    }
                    Some(TypeKind::Map(kt, _)) => {
                        self.discard(base);
                        let k = self.note_e(self.heap(), x, "key of map put");
                        self.expr_conv(k, index, Some(kt));
                        self.heap()
                    }
                    _ => {
                        self.discard(index);
                        self.mutate(base);
                        self.heap()
                    }
                }
            }
            ExprKind::Star(p) => {
                self.mutate(p);
                self.heap()
            }
            _ => {
                self.discard(x);
                self.heap()
            }
        }
    }

    /// Does the field path starting at `base` go through a pointer?
    fn path_has_ptr(&self, base: &Expr, path: &[usize]) -> bool {
        let Some(mut t) = self.ty(base) else {
            return true;
        };
        for &fi in path {
            match self.p().types.under(t).clone() {
                TypeKind::Pointer(inner) => {
                    return {
                        let _ = inner;
                        true
                    }
                }
                TypeKind::Struct(fs) => match fs.get(fi) {
                    Some(f) => t = f.ty,
                    None => return true,
                },
                _ => return true,
            }
        }
        false
    }

    fn mutate(&mut self, e: &'a Expr) {
        let k = self.mutator();
        self.expr(k, e);
    }

    fn discard(&mut self, e: &'a Expr) {
        let k = self.blank();
        self.expr(k, e);
    }

    fn go_defer(&mut self, is_go: bool, call: &'a Expr) {
        let c = unparen(call);
        let mut k = self.heap();
        if !is_go && self.depth == 1 {
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
            self.expr(k, fun);
            return;
        }
        // gc wraps the call in a closure capturing the evaluated arguments by value: the
        // function value and the arguments flow to the wrapper, which flows to `k`.
        let wrapper = self.new_loc(LocKind::Temp, false);
        self.g.flow(&k, wrapper);
        if let ExprKind::FuncLit { .. } = unparen(fun).kind {
            self.deferred_lits.insert(unparen(fun).id);
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

    // ---------- expressions ----------

    /// Evaluates `e` into `k`, converting to `dt` first when `dt` is an interface type and
    /// `e` is not (implicit interface boxing).
    pub fn expr_conv(&mut self, k: Hole, e: &'a Expr, dt: Option<TypeId>) {
        let tt = &self.p().types;
        if let (Some(dt), Some(st)) = (dt, self.ty(e)) {
            if tt.is_interface(dt) && !tt.is_interface(st) && !is_untyped_nil(tt, st) {
                self.conv_iface(k, e, TAG_IFACE);
                return;
            }
        }
        self.expr(k, e);
    }

    fn conv_iface(&mut self, k: Hole, x: &'a Expr, tag: u64) {
        let tt = &self.p().types;
        let st = self.ty(x).unwrap_or(gosub_types::T_INVALID);
        let mut k = k;
        if !is_direct_iface(tt, st) {
            k = self.spill(k, x, tag, AllocKind::Iface);
            if let Some(c) = self.static_const(x) {
                // gc's rewriteWithLiterals: the message names the constant.
                let text = crate::diag::fmt_expr(self.p(), c);
                if let Some(i) = self.alloc_info.get_mut(&key(x.id, tag)) {
                    i.text = text;
                }
            }
        }
        let k = self.note_e(k, x, "interface-converted");
        self.expr(k, x);
        if let Some(t) = self.devirt_text.get(&unparen(x).id).cloned() {
            if let Some(i) = self.alloc_info.get_mut(&key(x.id, tag)) {
                i.text = t;
            }
        }
    }

    pub fn expr(&mut self, k: Hole, e: &'a Expr) {
        let tt = &self.p().types;
        let mut k = k;
        if let Some(t) = self.ty(e) {
            if k.derefs >= 0 && !is_untyped(tt, t) && !has_pointers(tt, t) {
                k = self.blank();
            }
        }
        if self.p().info.consts.contains_key(&e.id) {
            return;
        }
        match &e.kind {
            ExprKind::Ident(id) => {
                if let Some(&o) = self.p().info.uses.get(&id.id) {
                    if self.is_local(o) {
                        if let Some(lit) = self.static_lits.get(&o) {
                            self.lost_lits.insert(lit.id);
                        }
                        let l = self.var(o);
                        self.g.flow(&k, l);
                    }
                }
            }
            ExprKind::IntLit(_)
            | ExprKind::FloatLit(_)
            | ExprKind::ImagLit(_)
            | ExprKind::RuneLit(_)
            | ExprKind::StringLit(_) => {}
            ExprKind::Paren(x) => self.expr(k, x),
            ExprKind::Unary { op: UnOp::Addr, x } => {
                let inner = unparen(x);
                if let ExprKind::CompositeLit { .. } = inner.kind {
                    self.ptrlit_inner.insert(e.id, inner.id);
                    let k2 = self.spill(k, e, TAG_PRIMARY, AllocKind::PtrLit);
                    self.composite(k2, inner);
                } else {
                    let k2 = self.note_e(k.shift(-1), e, "address-of");
                    self.expr(k2, x);
                }
            }
            ExprKind::Unary { op: UnOp::Recv, x } => self.discard(x),
            ExprKind::Unary { x, .. } => self.discard(x),
            ExprKind::Star(x) => {
                let k2 = self.note_e(k.shift(1), e, "indirection");
                self.expr(k2, x);
            }
            ExprKind::Binary { op, x, y } => {
                let is_str = self.ty(e).is_some_and(|t| is_string(tt, t));
                if *op == BinOp::Add && is_str {
                    self.spill(k, e, TAG_PRIMARY, AllocKind::Concat);
                    // gc flattens `a + b + c` into one concatenation node.
                    let mut ops = Vec::new();
                    self.concat_operands(e, &mut ops);
                    for o in ops {
                        self.discard(o);
                    }
                } else {
                    self.discard(x);
                    self.discard(y);
                }
            }
            ExprKind::Selector { x, .. } => self.selector(k, e, x),
            ExprKind::Index { x, index } => {
                let xt = self.ty(x).map(|t| tt.under(t).clone());
                match xt {
                    Some(TypeKind::Array(..)) => {
                        let k2 = self.note_e(k, e, "fixed-array-index-of");
                        self.expr(k2, x);
                        self.discard(index);
                    }
                    Some(TypeKind::Map(..)) => {
                        self.discard(x);
                        self.discard(index);
                    }
                    _ => {
                        let k2 = self.note_e(k.shift(1), e, "dot of pointer");
                        self.expr(k2, x);
                        self.discard(index);
                    }
                }
            }
            ExprKind::SliceExpr { x, lo, hi, max, .. } => {
                let xt = self.ty(x).map(|t| tt.under(t).clone());
                let k2 = self.note_e(k, e, "slice");
                if let Some(TypeKind::Array(..)) = xt {
                    // Slicing an array variable takes its address.
                    let k3 = self.note_e(k2.shift(-1), x, "address-of");
                    self.expr(k3, x);
                } else {
                    self.expr(k2, x);
                }
                for p in [lo, hi, max].into_iter().flatten() {
                    self.discard(p);
                }
            }
            ExprKind::TypeAssert { x, .. } => {
                let t = self.ty(e).unwrap_or(gosub_types::T_INVALID);
                let t = match tt.kind(t) {
                    TypeKind::Tuple(ts) => ts.first().copied().unwrap_or(t),
                    _ => t,
                };
                let k2 = if !tt.is_interface(t) && !is_direct_iface(tt, t) {
                    k.shift(1)
                } else {
                    k
                };
                let k2 = self.note_e(k2, e, "dot");
                self.expr(k2, x);
            }
            ExprKind::Call { .. } => {
                let ks = vec![k];
                self.call(Some(ks), e);
            }
            ExprKind::CompositeLit { .. } => {
                let t = self.ty(e).map(|t| tt.under(t).clone());
                match t {
                    Some(TypeKind::Pointer(_)) => {
                        // Elided `&T` in a composite literal element.
                        let k2 = self.spill(k, e, TAG_PRIMARY, AllocKind::PtrLit);
                        self.composite(k2, e);
                    }
                    _ => self.composite(k, e),
                }
            }
            ExprKind::FuncLit { body, .. } => {
                let k2 = self.spill(k, e, TAG_PRIMARY, AllocKind::Closure);
                self.closures.push((k2, e));
                let caps = self
                    .p()
                    .info
                    .captures
                    .get(&e.id)
                    .cloned()
                    .unwrap_or_default();
                for o in caps {
                    let l = self.var(o);
                    if !self.g.locs[l].captured {
                        self.g.locs[l].captured = true;
                        if self.g.locs[l].loop_depth == self.depth {
                            self.g.locs[l].reassigned = false;
                        }
                    }
                }
                self.lits.insert(e.id, e);
                self.batch.insert(e.id);
                self.parents.insert(e.id, self.cur);
                if let Some(&pk) = self.fn_pkgs.get(&self.cur) {
                    self.fn_pkgs.insert(e.id, pk);
                }
                let n = self.fn_names.len();
                let pname = self.fn_name(self.cur);
                self.fn_names.insert(e.id, format!("{}.func{}", pname, n));
                let bound = self.static_lits.values().any(|l| l.id == e.id);
                if !self.direct_lits.contains(&e.id) && !bound {
                    self.lost_lits.insert(e.id);
                }
                self.init_func(e.id);
                let saved = (self.cur, self.depth);
                self.cur = e.id;
                self.depth = 1;
                prescan_labels(&body.stmts, &mut self.looping_labels);
                self.block(&body.stmts);
                (self.cur, self.depth) = saved;
            }
            ExprKind::KeyValue { value, .. } => self.expr(k, value),
            _ => {}
        }
    }

    /// The constant an expression statically denotes: itself, or the constant initializer
    /// of a never-reassigned local it names (gc rewrites such operands to literals).
    pub fn static_const(&self, e: &'a Expr) -> Option<&'a Expr> {
        let e = unparen(e);
        if self.p().info.consts.contains_key(&e.id) {
            return Some(e);
        }
        if let ExprKind::Ident(id) = &e.kind {
            let o = self.p().info.uses.get(&id.id)?;
            let init = self.static_inits.get(o)?;
            return self.static_const(init);
        }
        None
    }

    /// The concrete value an interface-typed expression statically holds (devirtualization).
    fn static_concrete(&self, e: &'a Expr) -> Option<TypeId> {
        let e = unparen(e);
        if let ExprKind::Ident(id) = &e.kind {
            let o = self.p().info.uses.get(&id.id)?;
            if !self.is_local(*o) {
                return None;
            }
            let init = self.static_inits.get(o)?;
            let t = self.ty(init)?;
            if self.p().types.is_interface(t) {
                return self.static_concrete(init);
            }
            if is_untyped_nil(&self.p().types, t) {
                return None;
            }
            return Some(t);
        }
        None
    }

    fn concat_operands(&self, e: &'a Expr, out: &mut Vec<&'a Expr>) {
        let e = unparen(e);
        if let ExprKind::Binary {
            op: BinOp::Add,
            x,
            y,
        } = &e.kind
        {
            if !self.p().info.consts.contains_key(&e.id) {
                self.concat_operands(x, out);
                out.push(y);
                return;
            }
        }
        out.push(e);
    }

    fn selector(&mut self, k: Hole, e: &'a Expr, x: &'a Expr) {
        let sel = self.p().info.selections.get(&e.id).cloned();
        match sel {
            Some(Selection::Field { path, .. }) => {
                let k = self.field_path_hole(k, x, &path, e);
                self.expr(k, x);
            }
            Some(Selection::Qualified(o)) => {
                let _ = o;
            }
            Some(Selection::Method {
                path,
                func,
                ptr_recv,
            }) => {
                // Method value: a closure capturing the receiver.
                let ck = self.spill(k, e, TAG_PRIMARY, AllocKind::MethValue);
                let pk = self.param_hole(&[], Callee::Static(func), 0, true);
                let kk = self.tee(vec![pk, ck]);
                let kk = self.recv_hole(kk, x, &path, ptr_recv);
                self.expr(kk, x);
            }
            Some(Selection::IfaceMethod { path, .. }) => {
                let ck = self.spill(k, e, TAG_PRIMARY, AllocKind::MethValue);
                let h = self.heap();
                let kk = self.tee(vec![h, ck]);
                let kk = self.field_path_hole(kk, x, &path, e);
                self.expr(kk, x);
            }
            Some(Selection::MethodExpr { .. }) => {}
            None => self.discard(x),
        }
    }

    /// The hole for `x` given that `x.path` flows to `k` (each pointer along the path is a
    /// dereference).
    fn field_path_hole(&self, k: Hole, x: &Expr, path: &[usize], e: &Expr) -> Hole {
        let tt = &self.p().types;
        let Some(mut t) = self.ty(x) else { return k };
        let mut shifts = 0;
        for &fi in path {
            if let TypeKind::Pointer(inner) = tt.under(t).clone() {
                shifts += 1;
                t = inner;
            }
            match tt.under(t).clone() {
                TypeKind::Struct(fs) => match fs.get(fi) {
                    Some(f) => t = f.ty,
                    None => break,
                },
                _ => break,
            }
        }
        let why = if shifts > 0 { "dot of pointer" } else { "dot" };
        self.note_e(k.shift(shifts), e, why)
    }

    /// The hole for receiver expression `x` of a method declared at the end of `path`.
    fn recv_hole(&self, k: Hole, x: &Expr, path: &[usize], ptr_recv: bool) -> Hole {
        let tt = &self.p().types;
        let Some(mut t) = self.ty(x) else { return k };
        let mut shifts = 0;
        for &fi in path {
            if let TypeKind::Pointer(inner) = tt.under(t).clone() {
                shifts += 1;
                t = inner;
            }
            match tt.under(t).clone() {
                TypeKind::Struct(fs) => match fs.get(fi) {
                    Some(f) => t = f.ty,
                    None => break,
                },
                _ => break,
            }
        }
        let is_ptr = matches!(tt.under(t), TypeKind::Pointer(_));
        if ptr_recv && !is_ptr {
            shifts -= 1;
        } else if !ptr_recv && is_ptr {
            shifts += 1;
        }
        // Apply as one shift; -1 marks the address taken.
        let mut k = k;
        if shifts < 0 {
            k = k.shift(-1);
        } else if shifts > 0 {
            k = k.shift(shifts);
        }
        k
    }

    fn composite(&mut self, k: Hole, e: &'a Expr) {
        let ExprKind::CompositeLit { elts, .. } = &e.kind else {
            return;
        };
        let tt = &self.p().types;
        let mut t = self.ty(e).unwrap_or(gosub_types::T_INVALID);
        if let TypeKind::Pointer(inner) = tt.under(t) {
            t = *inner;
        }
        match tt.under(t).clone() {
            TypeKind::Struct(fields) => {
                for (i, el) in elts.iter().enumerate() {
                    let (fi, v) = match &el.kind {
                        ExprKind::KeyValue { key, value } => {
                            let name = match &key.kind {
                                ExprKind::Ident(id) => id.name.clone(),
                                _ => String::new(),
                            };
                            (fields.iter().position(|f| f.name == name), &**value)
                        }
                        _ => (Some(i), el),
                    };
                    let ft = fi.and_then(|i| fields.get(i)).map(|f| f.ty);
                    let kk = self.note_e(k.clone(), e, "struct literal element");
                    self.expr_conv(kk, v, ft);
                }
            }
            TypeKind::Array(et, _) => {
                for el in elts {
                    let v = match &el.kind {
                        ExprKind::KeyValue { key, value } => {
                            self.discard(key);
                            &**value
                        }
                        _ => el,
                    };
                    let kk = self.note_e(k.clone(), e, "array literal element");
                    self.expr_conv(kk, v, Some(et));
                }
            }
            TypeKind::Slice(et) => {
                let k2 = self.spill(k, e, TAG_PRIMARY, AllocKind::SliceLit);
                for el in elts {
                    let v = match &el.kind {
                        ExprKind::KeyValue { key, value } => {
                            self.discard(key);
                            &**value
                        }
                        _ => el,
                    };
                    let kk = self.note_e(k2.clone(), e, "slice-literal-element");
                    self.expr_conv(kk, v, Some(et));
                }
            }
            TypeKind::Map(kt, vt) => {
                self.spill(k, e, TAG_PRIMARY, AllocKind::MapLit);
                for el in elts {
                    if let ExprKind::KeyValue { key, value } = &el.kind {
                        let h = self.note_e(self.heap(), e, "map literal key");
                        self.expr_conv(h, key, Some(kt));
                        let h = self.note_e(self.heap(), e, "map literal value");
                        self.expr_conv(h, value, Some(vt));
                    }
                }
            }
            _ => {
                for el in elts {
                    self.discard(el);
                }
            }
        }
    }

    // ---------- calls ----------

    fn builtin_of(&self, fun: &Expr) -> Option<Builtin> {
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

    /// A call expression; `ks` are the holes of its results (None for a statement call).
    pub fn call(&mut self, ks: Option<Vec<Hole>>, e: &'a Expr) {
        let ExprKind::Call {
            fun,
            args,
            ellipsis,
            ..
        } = &e.kind
        else {
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
            self.builtin(b, ks, e, args, *ellipsis);
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
                let results = self
                    .p()
                    .info
                    .func_vars
                    .get(&fk)
                    .map(|fv| fv.results.clone())
                    .unwrap_or_default();
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
        if let ([a0], true) = (args.as_slice(), nps > 1) {
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

    /// gc's rewriteWithLiterals for `make([]T, n)` with `n` statically a non-negative constant.
    fn rewrite_make(&mut self, e: &'a Expr, args: &'a [Expr]) {
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

    fn spill_conv(&mut self, k: Hole, call: &'a Expr, x: &'a Expr) {
        let p = self.p();
        let text = crate::diag::fmt_expr(p, call);
        let pos = gc_pos(x);
        let loc = self.new_loc(LocKind::Alloc(call.id), false);
        let key = key(call.id, TAG_PRIMARY);
        self.allocs.push((key, loc));
        self.alloc_by_loc.insert(loc, key);
        self.alloc_info.insert(
            key,
            AllocInfo {
                pos,
                text: text.clone(),
                flow_text: text.clone(),
                kind: AllocKind::StrBytes,
            },
        );
        let mut kk = k.shift(-1);
        if self.cx.explain {
            kk.notes.push(Note {
                pos,
                text,
                why: "spill",
            });
        }
        self.g.flow(&kk, loc);
    }

    /// The method `name` of concrete type `t` (or of `*t`'s base): (func, pointer receiver).
    fn method_of(&self, t: TypeId, name: &str) -> Option<(ObjId, bool)> {
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

    fn recv_of(&self, o: ObjId) -> bool {
        matches!(self.p().obj(o).kind, ObjKind::Func { recv: Some(_), .. })
    }

    fn batch_key(&self, c: Callee) -> Option<FnKey> {
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
    fn arg_hole(&mut self, ks: &[Hole], c: Callee, i: usize, method_expr: bool) -> Hole {
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
    fn param_hole(&mut self, ks: &[Hole], c: Callee, idx: usize, _recv: bool) -> Hole {
        let fk = match c {
            Callee::Static(o) => match self.cx.decls.get(&o) {
                Some(fd) => fd.name.id,
                None => return self.heap(),
            },
            Callee::Lit(id) => id,
            _ => return self.heap(),
        };
        let fv = self
            .p()
            .info
            .func_vars
            .get(&fk)
            .cloned()
            .unwrap_or_default();
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

    fn builtin(
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
}

#[derive(Clone, Copy, Debug)]
pub enum Callee {
    Static(ObjId),
    Lit(NodeId),
    Iface,
    Unknown,
}

/// The position gc reports for an expression node.
pub fn gc_pos(e: &Expr) -> u32 {
    match &e.kind {
        ExprKind::Paren(x) => gc_pos(x),
        ExprKind::Selector { sel, .. } => sel.span.lo.saturating_sub(1),
        ExprKind::Index { x, .. } | ExprKind::SliceExpr { x, .. } => x.span.hi,
        ExprKind::TypeAssert { x, .. } => x.span.hi,
        ExprKind::Call { lparen, .. } => *lparen,
        _ => e.span.lo,
    }
}

pub fn call_lparen(e: &Expr) -> u32 {
    match &e.kind {
        ExprKind::Call { lparen, .. } => *lparen,
        _ => gc_pos(e),
    }
}

/// gc's isSelfAssign: `x.f = x.g`, `a[i] = a[j]` with the same safe base, and
/// `p.buf = p.buf[lo:hi]`.
fn is_self_assign(p: &Program, dst: &Expr, src: &Expr) -> bool {
    let (dst, src) = (unparen(dst), unparen(src));
    match (&dst.kind, &src.kind) {
        (ExprKind::Selector { x: dx, .. }, ExprKind::SliceExpr { x: sx, .. }) => {
            // dst = *name.f / name.f through a pointer; src = (name.f)[...]
            if let ExprKind::Selector { x: bx, .. } = &unparen(sx).kind {
                let is_ptr = |e: &Expr| {
                    p.info
                        .types
                        .get(&e.id)
                        .is_some_and(|&t| matches!(p.types.under(t), TypeKind::Pointer(_)))
                };
                same_name(p, dx, bx) && is_ptr(dx)
            } else {
                false
            }
        }
        (ExprKind::Selector { x: dx, .. }, ExprKind::Selector { x: sx, .. }) => {
            matches!(
                p.info.selections.get(&dst.id),
                Some(Selection::Field { .. })
            ) && matches!(
                p.info.selections.get(&src.id),
                Some(Selection::Field { .. })
            ) && same_safe(p, dx, sx)
        }
        (ExprKind::Index { x: dx, index: di }, ExprKind::Index { x: sx, index: si }) => {
            safe_index(di) && safe_index(si) && same_safe(p, dx, sx)
        }
        _ => false,
    }
}

fn safe_index(e: &Expr) -> bool {
    match &unparen(e).kind {
        ExprKind::Ident(_) | ExprKind::IntLit(_) => true,
        ExprKind::Binary { x, y, .. } => safe_index(x) && safe_index(y),
        _ => false,
    }
}

fn same_name(p: &Program, a: &Expr, b: &Expr) -> bool {
    match (&unparen(a).kind, &unparen(b).kind) {
        (ExprKind::Ident(x), ExprKind::Ident(y)) => {
            p.info.uses.contains_key(&x.id) && p.info.uses.get(&x.id) == p.info.uses.get(&y.id)
        }
        _ => false,
    }
}

fn same_safe(p: &Program, a: &Expr, b: &Expr) -> bool {
    let (a, b) = (unparen(a), unparen(b));
    match (&a.kind, &b.kind) {
        (ExprKind::Ident(_), ExprKind::Ident(_)) => same_name(p, a, b),
        (ExprKind::Selector { x: ax, sel: asel }, ExprKind::Selector { x: bx, sel: bsel }) => {
            asel.name == bsel.name && same_safe(p, ax, bx)
        }
        (ExprKind::Star(ax), ExprKind::Star(bx)) => same_safe(p, ax, bx),
        (ExprKind::Index { x: ax, index: ai }, ExprKind::Index { x: bx, index: bi }) => {
            same_safe(p, ax, bx) && same_safe(p, ai, bi)
        }
        (ExprKind::IntLit(x), ExprKind::IntLit(y)) => x == y,
        _ => false,
    }
}

/// Labels that a later `goto` jumps back to make the code after them a loop.
fn prescan_labels(ss: &[Stmt], out: &mut HashSet<u32>) {
    fn walk(ss: &[Stmt], seen: &mut HashMap<String, u32>, out: &mut HashSet<u32>) {
        for s in ss {
            walk_stmt(s, seen, out);
        }
    }
    fn walk_stmt(s: &Stmt, seen: &mut HashMap<String, u32>, out: &mut HashSet<u32>) {
        match &s.kind {
            StmtKind::Labeled { label, stmt } => {
                seen.insert(label.name.clone(), label.span.lo);
                walk_stmt(stmt, seen, out);
            }
            StmtKind::Branch {
                kind: ast::BranchKind::Goto,
                label: Some(l),
            } => {
                if let Some(&pos) = seen.get(&l.name) {
                    out.insert(pos);
                }
            }
            StmtKind::Block(b) => walk(&b.stmts, seen, out),
            StmtKind::If { then, els, .. } => {
                walk(&then.stmts, seen, out);
                if let Some(e) = els {
                    walk_stmt(e, seen, out);
                }
            }
            StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
                walk(&body.stmts, seen, out)
            }
            StmtKind::Switch { clauses, .. } | StmtKind::TypeSwitch { clauses, .. } => {
                for c in clauses {
                    walk(&c.body, seen, out);
                }
            }
            StmtKind::Select { clauses } => {
                for c in clauses {
                    walk(&c.body, seen, out);
                }
            }
            _ => {}
        }
    }
    let mut seen = HashMap::new();
    walk(ss, &mut seen, out);
}
