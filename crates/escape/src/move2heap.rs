//! gc's slice pass (Go 1.25, cmd/compile/internal/slice): a local slice variable whose
//! backing store escapes only by one "transition" (`return s`, or `x = s`) keeps the
//! backing store of its appends in the frame and moves it to the heap just before that
//! transition (`move2heap`), so the intermediate arrays of `s = append(s, x)` in a loop
//! cost no heap, and `cap` shows what Go's shows (1 2 3 4 8 ... for ints).
//!
//! The rule, as gc's: a variable is *exclusive* while no other variable can reach a frame
//! backing store it points to. The uses that keep it exclusive are counted: `s = nil`,
//! `s = []T{...}`, `s = s[i:j]`, `s = append(s, ...)`, `s[i]`, `len(s)`, `cap(s)`,
//! `for ... range s`; `x = s` and `return s` are the transition. A variable qualifies
//! when every use is one of those, it has exactly one transition, not in a loop deeper
//! than its declaration, and its appends weigh at least 2 (one per append, plus its loop
//! depth). gosub is more conservative than gc in one place: passing `s` to a function
//! disqualifies it (gc keeps it when the callee's parameter does not leak).
//!
//! Invariant: a qualifying variable is never boxed (not captured, address never taken),
//! so it lives in a frame slot where the compiler can move its backing store.

use gosub_layered::{HashMap, HashMapExt};
use gosub_syntax::ast::{self, unparen, AssignOp, Expr, ExprKind, Stmt, StmtKind, UnOp};
use gosub_syntax::walk::{self, Node};
use gosub_types::{ObjId, ObjKind, Program, TypeKind};

/// gc's `-d=variablemakethreshold` default: elements larger than this never qualify.
const MAX_ELEM_SIZE: u64 = 32;

/// The decisions for a program.
#[derive(Clone, Default, Debug, PartialEq)]
pub struct Move2Heap {
    /// `append` calls (by node) whose result may use a frame buffer; true when the
    /// variable's capacity is observed (`cap`, slicing, a call): growth then picks the
    /// next size class, as gc's `growsliceBuf`.
    pub appends: gosub_types::Layered<ast::NodeId, bool>,
    /// Per transition statement (by `span.lo`): the variables to move to the heap first,
    /// and whether their capacity must be kept (else it shrinks to the length's size class).
    pub moves: gosub_types::Layered<u32, Vec<(ObjId, bool)>>,
}

#[derive(Default)]
struct Info {
    ok_uses: u32,
    all_uses: u32,
    transition: Option<u32>,
    appends: Vec<ast::NodeId>,
    weight: i64,
    decl_depth: i64,
    cap_used: bool,
    dead: bool,
}

struct Pass<'a> {
    p: &'a Program,
    vars: HashMap<ObjId, Info>,
    depth: i64,
}

/// Runs the pass over every non-generic function and function literal of `files` of `p`;
/// variables in `boxed` never qualify.
pub fn analyze(
    p: &Program,
    files: &[(usize, usize)],
    boxed: &gosub_types::LayeredSet<ObjId>,
    skip: &dyn Fn(&ast::FuncDecl) -> bool,
) -> Move2Heap {
    let mut out = Move2Heap::default();
    for &(pi, fi) in files {
        {
            let f = &p.packages[pi].files[fi];
            for d in &f.decls {
                let ast::Decl::Func(fd) = d else { continue };
                let Some(body) = &fd.body else { continue };
                if p.is_generic(fd) || skip(fd) {
                    continue;
                }
                let fields = fd.recv.iter().chain(&fd.sig.params).chain(&fd.sig.results);
                let params: Vec<&ObjId> = fields
                    .flat_map(|fl| fl.names.iter().filter_map(|id| p.info.defs.get(&id.id)))
                    .collect();
                function(p, boxed, &params, &fd.sig, &body.stmts, &mut out);
                // Each function literal is a function of its own.
                walk::inspect_code_stmts(&body.stmts, &mut |n| {
                    if let Node::Expr(e) = n {
                        if let ExprKind::FuncLit { sig, body } = &e.kind {
                            let mut ps = Vec::new();
                            for fl in sig.params.iter().chain(sig.results.iter()) {
                                ps.extend(fl.names.iter().filter_map(|id| p.info.defs.get(&id.id)));
                            }
                            function(p, boxed, &ps, sig, &body.stmts, &mut out);
                        }
                    }
                    true
                });
            }
        }
    }
    out
}

fn function(
    p: &Program,
    boxed: &gosub_types::LayeredSet<ObjId>,
    params: &[&ObjId],
    sig: &ast::FuncType,
    body: &[Stmt],
    out: &mut Move2Heap,
) {
    let mut pass = Pass {
        p,
        vars: HashMap::new(),
        depth: 0,
    };
    let named_results: Vec<ObjId> = sig
        .results
        .iter()
        .flat_map(|fl| {
            fl.names
                .iter()
                .filter_map(|id| p.info.defs.get(&id.id).copied())
        })
        .collect();
    for &&o in params {
        pass.track(o, boxed);
    }
    // Locals declared in this function (not in its literals).
    for s in body {
        pass.declare_in(s, boxed);
    }
    if pass.vars.is_empty() {
        return;
    }
    // Every use, literals included (a captured variable is not exclusive).
    walk::inspect_code_stmts(body, &mut |n| {
        if let Node::Expr(e) = n {
            if let ExprKind::Ident(id) = &e.kind {
                if let Some(o) = p.info.uses.get(&id.id) {
                    if let Some(i) = pass.vars.get_mut(o) {
                        i.all_uses += 1;
                    }
                }
            }
        }
        true
    });
    for s in body {
        pass.stmt(s, &named_results);
    }
    for (o, i) in pass.vars {
        let Some(at) = i.transition else { continue };
        if i.dead || i.ok_uses != i.all_uses || i.weight < 2 {
            continue;
        }
        out.moves.get_mut_or_default(at).push((o, i.cap_used));
        for a in i.appends {
            out.appends.insert(a, i.cap_used);
        }
    }
}

impl<'a> Pass<'a> {
    /// Starts tracking `o` if it is a slice variable with small enough elements.
    fn track(&mut self, o: ObjId, boxed: &gosub_types::LayeredSet<ObjId>) {
        if boxed.contains(&o) || !matches!(self.p.obj(o).kind, ObjKind::Var { .. }) {
            return;
        }
        let t = self.p.obj(o).ty;
        let TypeKind::Slice(e) = self.p.types.under(t) else {
            return;
        };
        let (size, _) = gosub_types::layout::size_align(&self.p.types, *e);
        if size > MAX_ELEM_SIZE {
            return;
        }
        self.vars.insert(
            o,
            Info {
                decl_depth: self.depth,
                ..Info::default()
            },
        );
    }

    /// Tracks the slice variables declared by the statements of this function (with the
    /// loop depth of their declaration), not those of its function literals.
    fn declare_in(&mut self, s: &'a Stmt, boxed: &gosub_types::LayeredSet<ObjId>) {
        let loop_stmt = matches!(s.kind, StmtKind::For { .. } | StmtKind::Range { .. });
        if loop_stmt {
            self.depth += 1;
        }
        walk::inspect(Node::Stmt(s), &mut |n| match n {
            Node::Expr(e) => !matches!(e.kind, ExprKind::FuncLit { .. }),
            Node::Ident(id) => {
                if let Some(&o) = self.p.info.defs.get(&id.id) {
                    self.track(o, boxed);
                }
                true
            }
            Node::Stmt(inner) if !std::ptr::eq(inner, s) => {
                self.declare_in(inner, boxed);
                false
            }
            _ => true,
        });
        if loop_stmt {
            self.depth -= 1;
        }
    }

    fn tracked(&mut self, e: &Expr) -> Option<&mut Info> {
        let ExprKind::Ident(id) = &unparen(e).kind else {
            return None;
        };
        let o = self.p.info.uses.get(&id.id)?;
        self.vars.get_mut(o)
    }

    fn transition(&mut self, e: &Expr, at: u32) {
        let depth = self.depth;
        if let Some(i) = self.tracked(e) {
            i.ok_uses += 1;
            if i.transition.is_some() || depth > i.decl_depth {
                i.dead = true;
            }
            i.transition = Some(at);
        }
    }

    /// `x = y` inside statement `at` (gc's `assign`).
    fn assign(&mut self, x: &Expr, y: Option<&Expr>, at: u32) {
        let depth = self.depth;
        let p = self.p;
        let var = |e: &Expr| match &unparen(e).kind {
            ExprKind::Ident(id) => p.info.uses.get(&id.id).copied(),
            _ => None,
        };
        let same = |a: &Expr, b: &Expr| var(a).is_some() && var(a) == var(b);
        let is_nil = |e: &Expr| var(e).is_some_and(|o| matches!(p.obj(o).kind, ObjKind::Nil));
        if let Some(i) = self.tracked(x) {
            match y.map(|y| &unparen(y).kind) {
                None => i.ok_uses += 1,
                Some(_) if y.is_some_and(is_nil) => i.ok_uses += 1,
                Some(ExprKind::CompositeLit { .. }) => {
                    i.ok_uses += 1;
                    i.cap_used = true;
                }
                Some(ExprKind::SliceExpr { x: sx, .. }) if same(x, sx) => {
                    i.ok_uses += 2;
                    i.cap_used = true;
                }
                Some(ExprKind::Call { fun, args, .. })
                    if is_builtin(p, fun, "append") && args.first().is_some_and(|a| same(x, a)) =>
                {
                    i.ok_uses += 2;
                    i.appends.push(y.map(|y| unparen(y).id).unwrap_or_default());
                    i.weight += 1 + (depth - i.decl_depth);
                }
                _ => {}
            }
        }
        if let Some(y) = y {
            self.transition(y, at);
        }
    }

    fn stmt(&mut self, s: &'a Stmt, named_results: &[ObjId]) {
        match &s.kind {
            StmtKind::Assign { lhs, op, rhs }
                if matches!(op, AssignOp::Assign | AssignOp::Define) && lhs.len() == rhs.len() =>
            {
                for (x, y) in lhs.iter().zip(rhs) {
                    self.assign(x, Some(y), s.span.lo);
                }
            }
            StmtKind::Decl(d) if let ast::Decl::Var(gd) = &**d => {
                // `var x = s` (x is declared, not used): a transition when s is tracked.
                for spec in &gd.specs {
                    if spec.names.len() == spec.values.len() {
                        for v in &spec.values {
                            self.transition(v, s.span.lo);
                        }
                    }
                }
            }
            StmtKind::Return(es) => {
                for e in es {
                    self.transition(e, s.span.lo);
                }
                if es.is_empty() {
                    let depth = self.depth;
                    for o in named_results {
                        if let Some(i) = self.vars.get_mut(o) {
                            if i.transition.is_some() || depth > i.decl_depth {
                                i.dead = true;
                            }
                            i.transition = Some(s.span.lo);
                        }
                    }
                }
            }
            StmtKind::Range { x, .. } => {
                if let Some(t) = self.p.info.types.get(&x.id) {
                    if matches!(self.p.types.under(*t), TypeKind::Func(_)) {
                        // A range-over-func body runs as a closure: like a literal, it is
                        // not this function's code (its uses were counted, never as ok).
                        self.expr(x);
                        return;
                    }
                }
                if let Some(i) = self.tracked(x) {
                    i.ok_uses += 1;
                }
            }
            _ => {}
        }
        let loop_stmt = matches!(s.kind, StmtKind::For { .. } | StmtKind::Range { .. });
        if loop_stmt {
            self.depth += 1;
        }
        walk::code_children(Node::Stmt(s), &mut |n| match n {
            Node::Stmt(c) => self.stmt(c, named_results),
            Node::Expr(e) => self.expr(e),
            _ => {}
        });
        if loop_stmt {
            self.depth -= 1;
        }
    }

    fn expr(&mut self, e: &'a Expr) {
        let p = self.p;
        match &e.kind {
            ExprKind::FuncLit { .. } => return, // its uses were counted, never as ok
            ExprKind::Index { x, .. } => {
                if let Some(i) = self.tracked(x) {
                    i.ok_uses += 1;
                }
            }
            ExprKind::Unary { op: UnOp::Addr, x } => {
                if let ExprKind::Index { x: ix, .. } = &unparen(x).kind {
                    if let Some(i) = self.tracked(ix) {
                        i.dead = true;
                    }
                }
            }
            ExprKind::Call { fun, args, .. } if args.len() == 1 => {
                let cap = is_builtin(p, fun, "cap");
                if cap || is_builtin(p, fun, "len") {
                    if let Some(i) = self.tracked(&args[0]) {
                        i.ok_uses += 1;
                        i.cap_used |= cap;
                    }
                }
            }
            _ => {}
        }
        walk::code_children(Node::Expr(e), &mut |n| match n {
            Node::Expr(c) => self.expr(c),
            Node::Stmt(c) => self.stmt(c, &[]),
            _ => {}
        });
    }
}

fn is_builtin(p: &Program, fun: &Expr, name: &str) -> bool {
    matches!(&unparen(fun).kind, ExprKind::Ident(id) if id.name == name
        && p.info.uses.get(&id.id).is_some_and(|&o| matches!(p.obj(o).kind, ObjKind::Builtin(_))))
}
