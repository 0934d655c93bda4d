//! The graph builder: its context (`Ctx`: the program, its function declarations and the
//! summaries of the functions analysed so far), its state while building one batch
//! (`Builder`), the holes and locations every rule uses, and the per-function driver
//! (`init_func`: the parameter and result locations, gc's initFunc; `walk_func`: a body).
//!
//! Expressions are evaluated into a *hole* (`Hole`): the location the value flows to and
//! the number of dereferences (`-1` = its address). The rules, one file per concept as in
//! gc's cmd/compile/internal/escape:
//! - `stmt.rs`: statements and loop depth (gc's stmt.go);
//! - `assign.rs`: assignments and their destinations (gc's assign.go);
//! - `expr.rs`: expressions (gc's expr.go);
//! - `call.rs`: calls, `go` and `defer` (gc's call.go);
//! - `builtin.rs`: the builtin functions;
//! - `alloc.rs`: allocation sites and how `-m` names and places them;
//! - `closure.rs`: function literals and their captured variables.
//!
//! Invariants: `cur` is the function whose body is being walked and `depth` the loop depth
//! of the statement being walked (1 outside loops); every new location records both. A
//! variable's location is created once (`var`), belongs to the function that declares it,
//! and takes the loop depth of its declaration (`dcl`).

use crate::alloc::*;
use crate::graph::*;
use crate::stmt::prescan_labels;
use gosub_layered::{HashMap, HashMapExt, HashSet, HashSetExt};
use gosub_syntax::ast::{self, Expr, NodeId};
use gosub_types::{ObjId, ObjKind, Program, TypeId};

/// Shared, read-only facts about the program used by every batch.
pub struct Ctx<'a> {
    pub p: &'a Program,
    /// Func object -> its declaration.
    pub decls: crate::summary::Decls<'a>,
    /// Summaries of analysed functions: leaks of receiver + params, by FnKey.
    pub tags: gosub_types::Layered<FnKey, Vec<Leaks>>,
    pub explain: bool,
}

/// The graph of one batch under construction, and what the rules need to know about it.
pub struct Builder<'a, 'c> {
    pub cx: &'c Ctx<'a>,
    pub g: Graph,
    /// The location of each variable seen so far.
    pub vars: HashMap<ObjId, usize>,
    /// Allocation sites in creation order: (key, location).
    pub allocs: Vec<(AllocKey, usize)>,
    pub alloc_info: HashMap<AllocKey, AllocInfo>,
    /// The function whose body is being walked.
    pub cur: FnKey,
    /// The loop depth of the statement being walked (1 outside loops).
    pub depth: i32,
    /// Function literals met so far and the holes of their closures (`flow_closures`).
    pub closures: Vec<(Hole, &'a Expr)>,
    /// FnKeys (decls and literals) of the current batch.
    pub batch: HashSet<FnKey>,
    /// Locals bound once to a func literal and never reassigned: calls through them are static.
    pub static_lits: HashMap<ObjId, &'a Expr>,
    /// Variables whose address is taken or captured by a closure (for the 1.22 loop
    /// variable rule).
    pub addr_or_captured: HashSet<ObjId>,
    /// Labels targeted by a goto after them (looping labels).
    pub looping_labels: HashSet<u32>,
    /// Closure literals that are the function of a `defer`/`go` statement, and every
    /// allocation whose location flows into a defer (forced to the heap by the compiler).
    pub deferred_lits: HashSet<NodeId>,
    /// The function literals of them run by `go` (never frame objects).
    pub go_lits: HashSet<NodeId>,
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
    /// The allocation site of each allocation location.
    pub(crate) alloc_by_loc: HashMap<usize, AllocKey>,
    /// `make([]T, ...)` calls by node, for their constant size (`make_const_size`).
    pub(crate) make_calls: HashMap<NodeId, &'a Expr>,
    /// Sizes of `make` calls whose size operand is a local bound to a constant.
    pub(crate) make_consts: HashMap<NodeId, i128>,
    /// Static values of never-reassigned locals (gc's ir.StaticValue).
    pub static_inits: HashMap<ObjId, &'a Expr>,
    /// Messages printed while walking (self-assignment, devirtualization), in order.
    pub walk_lines: Vec<(u32, String, FnKey)>,
    /// `-m -m` lines gc prints while walking a closure: `main capturing by value: x (...)`,
    /// with the variable's function.
    pub capture_lines: Vec<(u32, String, FnKey)>,
    /// The concrete receiver type of the interface call being devirtualized.
    pub(crate) devirt_recv: Option<TypeId>,
    /// How `-m` prints a devirtualized call (as gc rewrites it), by call node.
    pub(crate) devirt_text: HashMap<NodeId, String>,
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
            static_lits: HashMap::new(),
            addr_or_captured: HashSet::new(),
            looping_labels: HashSet::new(),
            deferred_lits: HashSet::new(),
            go_lits: HashSet::new(),
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

    /// The name `-m -m` gives function `fk` (`T.M`, `(*T).M`, `f.func1`).
    pub fn fn_name(&self, fk: FnKey) -> String {
        self.fn_names
            .get(&fk)
            .cloned()
            .unwrap_or_else(|| "?".into())
    }

    /// The package index of function `fk`.
    pub fn fn_pkg(&self, fk: FnKey) -> Option<usize> {
        self.fn_pkgs.get(&fk).copied()
    }

    /// The checked program.
    pub(crate) fn p(&self) -> &'a Program {
        self.cx.p
    }

    /// The type of expression `e`, if recorded.
    pub(crate) fn ty(&self, e: &Expr) -> Option<TypeId> {
        self.cx.p.info.types.get(&e.id).copied()
    }

    /// The heap: an address flowing here escapes.
    pub(crate) fn heap(&self) -> Hole {
        Hole::to(HEAP)
    }

    /// Nowhere: values without pointers, discarded results.
    pub(crate) fn blank(&self) -> Hole {
        Hole::to(BLANK)
    }

    /// The value a store goes through (gc's mutator): what it points to is mutated.
    pub(crate) fn mutator(&self) -> Hole {
        Hole::to(MUTATOR)
    }

    /// `k` with one more step of its `-m -m` explanation (only when explaining).
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

    /// `note` naming expression `e` at gc's position for it.
    pub(crate) fn note_e(&self, k: Hole, e: &Expr, why: &'static str) -> Hole {
        if !self.cx.explain {
            return k;
        }
        let p = self.p();
        self.note(k, gc_pos(e), || crate::diag::fmt_expr(p, e), why)
    }

    /// A new location of the current function at the current loop depth; `persists`: it
    /// lives until the function returns.
    pub(crate) fn new_loc(&mut self, kind: LocKind, persists: bool) -> usize {
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

    /// Is `o` a local variable (parameters and results included)?
    pub(crate) fn is_local(&self, o: ObjId) -> bool {
        matches!(self.p().obj(o).kind, ObjKind::Var { global: false, .. })
    }

    /// Declares `o` at the current loop depth. An eval session's top-level variable is a
    /// package-level variable (declared by a statement): assigning it is the heap.
    pub(crate) fn dcl(&mut self, o: ObjId) -> Hole {
        if !self.is_local(o) {
            return self.heap();
        }
        let l = self.var(o);
        self.g.locs[l].loop_depth = self.depth;
        Hole::to(l)
    }

    /// One hole that flows to each of `ks` (through a temporary when there are several).
    pub(crate) fn tee(&mut self, ks: Vec<Hole>) -> Hole {
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

    /// A hole for a value kept until the function returns (gc's `later`).
    pub(crate) fn later(&mut self, k: Hole) -> Hole {
        let loc = self.new_loc(LocKind::Temp, true);
        self.g.flow(&k, loc);
        Hole::to(loc)
    }

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

    /// Walks the body of the declared function `key` from loop depth 1 (gc's walkFunc).
    pub fn walk_func(&mut self, key: FnKey, body: &'a ast::Block) {
        let saved = (self.cur, self.depth);
        self.cur = key;
        self.depth = 1;
        prescan_labels(&body.stmts, &mut self.looping_labels);
        self.block(&body.stmts);
        (self.cur, self.depth) = saved;
    }

    /// The object identifier `id` declares.
    pub(crate) fn def_obj(&self, id: &ast::Ident) -> Option<ObjId> {
        self.p().info.defs.get(&id.id).copied()
    }
}
