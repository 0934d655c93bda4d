//! Per-function summaries and the bottom-up driver.
//!
//! Functions are analysed in batches: the strongly connected components of the static call
//! graph (calls and references to declared functions), callees before callers, as gc's
//! `ir.VisitFuncsBottomUp` does. Function literals belong to the batch of the declaration
//! that contains them. After a batch is solved each function's parameters get a summary
//! (`Leaks`): how many dereferences of the parameter reach the heap or each result. Callers
//! in later batches use the summary instead of the callee's body; calls within a batch
//! (recursion) connect to the parameter locations directly.
//!
//! Functions without a body (natives) cannot be analysed: their pointer parameters leak to
//! the heap, except string parameters (which may only be returned) and the `...any`
//! arguments of fmt's formatting natives (whose contents leak, as in gc's fmt).

use crate::alloc::*;
use crate::build::*;
use crate::graph::*;
use crate::prescan::{Facts, Scan};
use crate::solve::{Explained, Solver};
use crate::types_util::*;
use crate::InternalError;
use gosub_layered::{HashMap, HashMapExt, HashSet, HashSetExt};
use gosub_syntax::ast::{self, ExprKind, NodeId};
use gosub_syntax::walk::{self, Node};
use gosub_types::{ObjId, ObjKind, Program, Selection, TypeKind};

/// The result of one batch, merged into `Escapes`.
#[derive(Default)]
pub struct BatchOut {
    pub moved: Vec<ObjId>,
    pub heap_allocs: Vec<(NodeId, u64, AllocKind)>,
    pub stack_allocs: Vec<(NodeId, u64, AllocKind)>,
    /// Variables needing a heap cell in gosub's implementation.
    pub boxed: Vec<ObjId>,
    /// (position, message) in gc's order, for the user's package only.
    pub lines: Vec<(u32, String, bool)>,
    pub explain: Vec<(u32, String, bool)>,
    pub deferred: Vec<NodeId>,
    /// Non-escaping `new(T)` calls, `&T{...}` literals (by composite node) and closures.
    pub stack_objects: Vec<NodeId>,
    pub analyzed: Vec<NodeId>,
    /// `[]byte(s)` conversions that may share the string's bytes (never mutated, no escape).
    pub zero_copy: Vec<NodeId>,
}

/// Where each (non-generic) function is declared: (package, file, declaration) indices
/// by object. Layered: an eval session's next analysis adds the functions of the files it
/// brings (`Decls::add_files`) and shares the rest.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DeclIndex {
    at: gosub_types::Layered<ObjId, (u32, u32, u32)>,
    /// Files indexed so far, per package (packages and files are only appended).
    pub(crate) files_seen: Vec<usize>,
}

impl DeclIndex {
    /// The files of `p` not indexed yet, as (package, file) indices.
    pub(crate) fn new_files(&self, p: &Program) -> Vec<(usize, usize)> {
        (p.packages.iter().enumerate())
            .flat_map(|(pi, pkg)| {
                let seen = self.files_seen.get(pi).copied().unwrap_or(0);
                (seen..pkg.files.len()).map(move |fi| (pi, fi))
            })
            .collect()
    }

    /// Indexes the functions of `files`.
    pub(crate) fn add_files(&mut self, p: &Program, files: &[(usize, usize)]) {
        for &(pi, fi) in files {
            for (di, d) in p.packages[pi].files[fi].decls.iter().enumerate() {
                if let ast::Decl::Func(fd) = d {
                    if p.is_generic(fd) {
                        continue; // only its instances are analysed
                    }
                    if let Some(&o) = p.info.defs.get(&fd.name.id) {
                        self.at.insert(o, (pi as u32, fi as u32, di as u32));
                    }
                }
            }
            if self.files_seen.len() <= pi {
                self.files_seen.resize(pi + 1, 0);
            }
            self.files_seen[pi] = self.files_seen[pi].max(fi + 1);
        }
    }

    pub(crate) fn freeze(&mut self) {
        self.at.freeze();
    }
}

/// The declarations of a program's functions, found through a `DeclIndex`.
#[derive(Clone, Copy)]
pub struct Decls<'a> {
    pub p: &'a Program,
    pub index: &'a DeclIndex,
}

impl<'a> Decls<'a> {
    pub fn get(&self, o: &ObjId) -> Option<&'a ast::FuncDecl> {
        let &(pi, fi, di) = self.index.at.get(o)?;
        let d = self.p.packages.get(pi as usize)?.files.get(fi as usize)?;
        match d.decls.get(di as usize)? {
            ast::Decl::Func(fd) => Some(fd),
            _ => None,
        }
    }
}

/// The function declarations of `files` (package, file indices) of `p`, with their package.
pub(crate) fn funcs_of<'a>(
    p: &'a Program,
    files: &'a [(usize, usize)],
) -> impl Iterator<Item = (&'a gosub_types::Package, &'a ast::FuncDecl)> + 'a {
    files.iter().flat_map(move |&(pi, fi)| {
        let pkg = &p.packages[pi];
        pkg.files[fi].decls.iter().filter_map(move |d| match d {
            ast::Decl::Func(fd) => Some((&**pkg, fd)),
            _ => None,
        })
    })
}

/// Declared functions referenced from a body (including its literals), in order.
fn callees(p: &Program, body: &ast::Block) -> Vec<ObjId> {
    let mut out = Vec::new();
    let func = |o: ObjId| matches!(p.obj(o).kind, ObjKind::Func { .. });
    walk::inspect_code_stmts(&body.stmts, &mut |n| {
        let Node::Expr(e) = n else { return true };
        let referenced = match &e.kind {
            ExprKind::Ident(id) => p.info.uses.get(&id.id),
            ExprKind::Selector { .. } => match p.info.selections.get(&e.id) {
                Some(Selection::Qualified(o))
                | Some(Selection::Method { func: o, .. })
                | Some(Selection::MethodExpr { func: o, .. }) => Some(o),
                _ => None,
            },
            _ => None,
        };
        if let Some(&o) = referenced.filter(|&&o| func(o)) {
            out.push(o);
        }
        true
    });
    out
}

/// Strongly connected components of the call graph, callees first (Tarjan).
///
/// Every function of `order` and every edge target is a declaration with a body in `decls`
/// (both are built from it); a lookup that fails anyway is an `InternalError`.
pub fn batches<'a>(
    p: &'a Program,
    decls: &Decls<'a>,
    files: &'a [(usize, usize)],
    skip: &dyn Fn(&ast::FuncDecl) -> bool,
) -> Result<Vec<Vec<&'a ast::FuncDecl>>, InternalError> {
    let missing = |o: ObjId| InternalError {
        pos: p.obj(o).span.lo,
        msg: format!("no declaration with a body for function {}", p.obj(o).name),
    };
    let mut order: Vec<ObjId> = Vec::new();
    for (_, fd) in funcs_of(p, files) {
        if fd.body.is_some() && !p.is_generic(fd) && !skip(fd) {
            if let Some(&o) = p.info.defs.get(&fd.name.id) {
                order.push(o);
            }
        }
    }
    let mut edges: HashMap<ObjId, Vec<ObjId>> = HashMap::new();
    for &o in &order {
        let body = decls
            .get(&o)
            .and_then(|fd| fd.body.as_ref())
            .ok_or_else(|| missing(o))?;
        let cs = callees(p, body);
        let mut seen = HashSet::new();
        edges.insert(
            o,
            cs.into_iter()
                .filter(|c| {
                    decls.get(c).is_some_and(|d| d.body.is_some() && !skip(d)) && seen.insert(*c)
                })
                .collect(),
        );
    }
    // Iterative Tarjan. `index` and `low` hold every function pushed on `stack`.
    let mut index: HashMap<ObjId, usize> = HashMap::new();
    let mut low: HashMap<ObjId, usize> = HashMap::new();
    let mut on_stack: HashSet<ObjId> = HashSet::new();
    let mut stack: Vec<ObjId> = Vec::new();
    let mut out = Vec::new();
    let mut next = 0usize;
    let no_edges = Vec::new();
    for &start in &order {
        if index.contains_key(&start) {
            continue;
        }
        let mut work: Vec<(ObjId, usize)> = vec![(start, 0)];
        index.insert(start, next);
        low.insert(start, next);
        next += 1;
        stack.push(start);
        on_stack.insert(start);
        while let Some(&mut (v, ref mut i)) = work.last_mut() {
            let es = edges.get(&v).unwrap_or(&no_edges);
            let lv = low.get(&v).copied().unwrap_or(usize::MAX);
            if let Some(&w) = es.get(*i) {
                *i += 1;
                if let Some(&iw) = index.get(&w) {
                    if on_stack.contains(&w) {
                        low.insert(v, lv.min(iw));
                    }
                } else {
                    index.insert(w, next);
                    low.insert(w, next);
                    next += 1;
                    stack.push(w);
                    on_stack.insert(w);
                    work.push((w, 0));
                }
            } else {
                work.pop();
                if let Some(&(u, _)) = work.last() {
                    if let Some(lu) = low.get_mut(&u) {
                        *lu = (*lu).min(lv);
                    }
                }
                if Some(&lv) == index.get(&v) {
                    let mut comp = Vec::new();
                    while let Some(w) = stack.pop() {
                        on_stack.remove(&w);
                        comp.push(w);
                        if w == v {
                            break;
                        }
                    }
                    // Source order within a component.
                    let mut fds = comp
                        .iter()
                        .map(|o| decls.get(o).ok_or_else(|| missing(*o)))
                        .collect::<Result<Vec<_>, _>>()?;
                    fds.sort_by_key(|fd| fd.span.lo);
                    out.push(fds);
                }
            }
        }
    }
    Ok(out)
}

/// Summaries of bodyless (native) functions.
pub fn native_tags(p: &Program, fd: &ast::FuncDecl, pkg: &str) -> Vec<Leaks> {
    let fv = p.func_vars(fd.name.id).clone();
    let results_ptr: Vec<bool> = fv
        .results
        .iter()
        .map(|&o| has_pointers(&p.types, p.obj(o).ty))
        .collect();
    let fmt_native = pkg == "fmt";
    // Natives known only to write through their pointer arguments.
    let write_only = matches!((pkg, fd.name.name.as_str()), ("runtime", "ReadMemStats"));
    fv.recv
        .iter()
        .chain(fv.params.iter())
        .map(|&o| {
            let t = p.obj(o).ty;
            let mut l = Leaks::default();
            if !has_pointers(&p.types, t) {
                return l;
            }
            if is_string(&p.types, t) {
                for (i, rp) in results_ptr.iter().enumerate() {
                    if *rp {
                        l.add_result(i, 0);
                    }
                }
                return l;
            }
            if write_only {
                return l;
            }
            if fmt_native && matches!(p.types.under(t), TypeKind::Slice(_)) {
                l.add_heap(1);
                return l;
            }
            l.add_heap(0);
            l
        })
        .collect()
}

pub struct Batch<'a, 'c> {
    pub b: Builder<'a, 'c>,
    pub parents: HashMap<NodeId, NodeId>,
}

/// Analyses one batch of declarations.
pub fn run_batch<'a>(
    cx: &Ctx<'a>,
    fns: &[&'a ast::FuncDecl],
    main_pkg: usize,
    out: &mut BatchOut,
) -> Vec<(NodeId, Vec<Leaks>)> {
    let p = cx.p;
    let mut b = Builder::new(cx);
    let mut facts = Facts::default();
    for fd in fns {
        b.batch.insert(fd.name.id);
        if let Some(body) = &fd.body {
            let mut sc = Scan { p, f: &mut facts };
            sc.stmts(&body.stmts);
        }
    }
    b.static_lits = facts.static_lits();
    b.static_inits = facts.static_inits();
    b.addr_or_captured = facts.addr_or_captured.clone();
    for fd in fns {
        b.init_func(fd.name.id);
    }
    for fd in fns {
        if let Some(body) = &fd.body {
            b.walk_func(fd.name.id, body);
        }
    }
    b.flow_closures();
    let parents = b.parents.clone();
    // Too-large and other forced heap allocations (gc's HeapAllocReason).
    let nlocs = b.g.locs.len();
    for i in 3..nlocs {
        let why = heap_alloc_reason(&b, i);
        if why {
            let h = Hole::to(HEAP).shift(-1);
            b.g.flow(&h, i);
        }
    }
    let lost = b.lost_lits.clone();
    let mut solver = Solver {
        g: &mut b.g,
        parents: &parents,
        lost: &lost,
        explain: if cx.explain { Some(Vec::new()) } else { None },
    };
    solver.walk_all();
    let solved = solver.explain.take().unwrap_or_default();
    let mut explained: Vec<Explained> =
        b.g.explain
            .clone()
            .unwrap_or_default()
            .into_iter()
            .map(|(src, dst, d, notes)| Explained {
                root: dst,
                loc: src,
                derefs: d,
                param_leak: false,
                path: vec![(dst, src, d, notes)],
            })
            .collect();
    explained.extend(solved);
    finish(&b, fns, main_pkg, out, explained)
}

fn heap_alloc_reason(b: &Builder, i: usize) -> bool {
    let p = b.cx.p;
    let tt = &p.types;
    let l = &b.g.locs[i];
    match &l.kind {
        LocKind::Var(o) => {
            let obj = p.obj(*o);
            if matches!(obj.kind, ObjKind::Var { param: true, .. }) {
                return false;
            }
            size_of(tt, obj.ty) > MAX_STACK_VAR_SIZE
        }
        LocKind::Alloc(id) => {
            let Some(&t) = p.info.types.get(id) else {
                return false;
            };
            let kind = b.alloc_kind_of(i);
            match kind {
                Some(AllocKind::New) | Some(AllocKind::PtrLit) => match tt.under(t) {
                    TypeKind::Pointer(e) => size_of(tt, *e) > MAX_IMPLICIT_STACK_VAR_SIZE,
                    _ => false,
                },
                Some(AllocKind::MakeSlice) => {
                    let TypeKind::Slice(e) = tt.under(t) else {
                        return false;
                    };
                    let es = size_of(tt, *e);
                    if es == 0 {
                        return true;
                    }
                    match b.make_const_size(*id) {
                        Some(n) => n as u64 > MAX_IMPLICIT_STACK_VAR_SIZE / es,
                        None => false,
                    }
                }
                _ => size_of(tt, t) > MAX_STACK_VAR_SIZE,
            }
        }
        _ => false,
    }
}

fn finish(
    b: &Builder,
    fns: &[&ast::FuncDecl],
    main_pkg: usize,
    out: &mut BatchOut,
    explained: Vec<Explained>,
) -> Vec<(NodeId, Vec<Leaks>)> {
    let p = b.cx.p;
    let tt = &p.types;
    let mut tags = Vec::new();
    let in_main = |fk: NodeId| -> bool { b.fn_pkg(fk) == Some(main_pkg) };
    let mut keys: Vec<NodeId> = fns.iter().map(|f| f.name.id).collect();
    keys.extend(
        b.fn_order
            .iter()
            .copied()
            .filter(|k| !keys_contains(fns, *k)),
    );
    // Explanations (-m -m) first, as gc prints them during the walk: closure captures,
    // then the flows.
    if b.cx.explain {
        for (pos, msg, fk) in &b.capture_lines {
            out.explain.push((*pos, msg.clone(), in_main(*fk)));
        }
    }
    if b.cx.explain {
        for ex in &explained {
            let l = &b.g.locs[ex.loc];
            let m = in_main(l.func);
            let mut v = Vec::new();
            crate::diag::explain(b, ex, &mut v);
            out.explain.extend(v.into_iter().map(|(p, s)| (p, s, m)));
        }
    }
    for (pos, msg, fk) in &b.walk_lines {
        out.lines.push((*pos, msg.clone(), in_main(*fk)));
    }
    for &fk in &b.fn_order {
        let fv = p.func_vars(fk).clone();
        let mut fl = Vec::new();
        for &o in fv.recv.iter().chain(fv.params.iter()) {
            let t = p.obj(o).ty;
            let name = &p.obj(o).name;
            if !has_pointers(tt, t) || name == "_" {
                fl.push(Leaks::default());
                continue;
            }
            let li = b.vars.get(&o).copied();
            let (mut esc, escapes) = match li {
                Some(li) => (b.g.locs[li].param_esc, b.g.locs[li].has(ATTR_ESCAPES)),
                None => (Leaks::default(), false),
            };
            esc.optimize();
            if escapes {
                esc = Leaks::heap_all();
            }
            if !escapes && !name.starts_with('~') {
                // gc reports no parameter lines for the shaped instances of generic code.
                let instance =
                    (p.info.defs.get(&fk)).is_some_and(|o| p.info.instance_origin.contains_key(o));
                let m = in_main(fk) && !instance;
                let pos = p.obj(o).span.lo;
                let mut warned = false;
                if let Some(x) = esc.heap {
                    if x == 0 {
                        out.lines.push((pos, format!("leaking param: {}", name), m));
                    } else {
                        out.lines
                            .push((pos, format!("leaking param content: {}", name), m));
                    }
                    warned = true;
                }
                for (i, r) in esc.results.iter().enumerate() {
                    if let Some(x) = r {
                        let rn = fv
                            .results
                            .get(i)
                            .map(|&r| p.obj(r).name.clone())
                            .unwrap_or_default();
                        out.lines.push((
                            pos,
                            format!("leaking param: {} to result {} level={}", name, rn, x),
                            m,
                        ));
                        warned = true;
                    }
                }
                if !warned {
                    out.lines
                        .push((pos, format!("{} does not escape", name), m));
                }
            }
            fl.push(esc);
        }
        tags.push((fk, fl));
    }
    let _ = keys;
    // Locations in creation order.
    for (i, l) in b.g.locs.iter().enumerate().skip(3) {
        let escapes = l.has(ATTR_ESCAPES);
        match &l.kind {
            LocKind::Var(o) if escapes => {
                out.moved.push(*o);
                out.lines.push((
                    p.obj(*o).span.lo,
                    format!("moved to heap: {}", p.obj(*o).name),
                    in_main(l.func),
                ));
            }
            LocKind::Alloc(id) => {
                let Some((key, info)) = b.alloc_of(i) else {
                    continue;
                };
                let tag = key % 4;
                if escapes {
                    out.heap_allocs.push((*id, tag, info.kind));
                } else {
                    out.stack_allocs.push((*id, tag, info.kind));
                    if tag == TAG_PRIMARY {
                        match info.kind {
                            AllocKind::New => out.stack_objects.push(*id),
                            AllocKind::PtrLit => out
                                .stack_objects
                                .push(b.ptrlit_inner.get(id).copied().unwrap_or(*id)),
                            AllocKind::Closure if !b.go_lits.contains(id) => {
                                out.stack_objects.push(*id)
                            }
                            _ => {}
                        }
                    }
                }
                let m = in_main(l.func);
                if escapes {
                    out.lines
                        .push((info.pos, format!("{} escapes to heap", info.text), m));
                } else {
                    out.lines
                        .push((info.pos, format!("{} does not escape", info.text), m));
                    if info.kind == AllocKind::StrBytes
                        && !l.has(ATTR_MUTATES)
                        && info.text.starts_with("([]byte)")
                    {
                        out.zero_copy.push(*id);
                        out.lines.push((
                            info.pos,
                            "zero-copy string->[]byte conversion".to_string(),
                            m,
                        ));
                    }
                }
            }
            _ => {}
        }
    }
    // gosub captures by reference: every variable captured by an escaping closure, or by
    // one run by `go`, needs a heap cell. A closure run by `defer` that does not escape
    // (not in a loop) is a frame object like any other, as gc's open-coded defers keep it
    // on the stack.
    for (lit, o, _byval) in &b.captures {
        let escapes = b
            .alloc_loc(*lit)
            .is_none_or(|l| b.g.locs[l].has(ATTR_ESCAPES));
        if escapes || b.go_lits.contains(lit) {
            out.boxed.push(*o);
        }
    }
    out.deferred.extend(b.deferred_lits.iter().copied());
    out.analyzed.extend(b.fn_order.iter().copied());
    tags
}

fn keys_contains(fns: &[&ast::FuncDecl], k: NodeId) -> bool {
    fns.iter().any(|f| f.name.id == k)
}
