//! Which local variables need a heap cell: those whose address is taken (`&x`, `&x.f`,
//! `&a[i]` of an array, `x.M()` with a pointer receiver on an addressable `x`, slicing an
//! array variable) and those captured by a function literal.
//!
//! `boxed_vars` is the conservative rule (every such variable is boxed, always sound);
//! `boxed_vars_for` narrows it with the escape analysis (crates/escape): a variable keeps its
//! frame slot, even with its address taken or captured by a closure, unless the analysis
//! says its address may outlive the frame (`Escapes::boxed`: gc's "moved to heap" plus the
//! variables captured by closures that escape or that defer/go run, since gosub captures by
//! reference). Narrow scalars (bool, 8/16/32-bit numbers, complex) are boxed when their
//! address is taken regardless, because their register form (a canonical 64-bit word) differs
//! from their memory form. Without an analysis result for the function, the conservative
//! rule applies.

use gosub_syntax::ast::{self, Expr, ExprKind, NodeId, Stmt, StmtKind};
use gosub_types::{BasicKind, ObjId, Program, Selection, TypeKind};
use std::collections::HashSet;

/// The variables of the function `key` (FuncDecl name or FuncLit node) that need a heap cell.
pub fn boxed_vars_for(
    p: &Program,
    body: &ast::Block,
    key: NodeId,
    esc: &gosub_escape::Escapes,
) -> HashSet<ObjId> {
    let cons = boxed_vars(p, body);
    if !esc.analyzed.contains(&key) {
        return cons;
    }
    cons.into_iter()
        .filter(|o| esc.boxed.contains(o) || is_narrow(p, *o))
        .collect()
}

fn is_narrow(p: &Program, o: ObjId) -> bool {
    use BasicKind::*;
    matches!(
        p.types.under(p.obj(o).ty),
        TypeKind::Basic(
            Bool | Int8
                | Int16
                | Int32
                | Uint8
                | Uint16
                | Uint32
                | Float32
                | Complex64
                | Complex128
                | UntypedBool
                | UntypedRune
        )
    )
}

pub fn boxed_vars(p: &Program, body: &ast::Block) -> HashSet<ObjId> {
    let mut w = Walker {
        p,
        out: HashSet::new(),
    };
    w.stmts(&body.stmts);
    w.out
}

pub fn has_defer(body: &ast::Block) -> bool {
    fn stmts(ss: &[Stmt]) -> bool {
        ss.iter().any(stmt)
    }
    fn stmt(s: &Stmt) -> bool {
        match &s.kind {
            StmtKind::Defer(_) => true,
            StmtKind::Labeled { stmt: s, .. } => stmt(s),
            StmtKind::Block(b) => stmts(&b.stmts),
            StmtKind::If { then, els, .. } => {
                stmts(&then.stmts) || els.as_ref().is_some_and(|e| stmt(e))
            }
            StmtKind::Switch { clauses, .. } | StmtKind::TypeSwitch { clauses, .. } => {
                clauses.iter().any(|c| stmts(&c.body))
            }
            StmtKind::Select { clauses } => clauses.iter().any(|c| stmts(&c.body)),
            StmtKind::For { body, .. } | StmtKind::Range { body, .. } => stmts(&body.stmts),
            _ => false,
        }
    }
    stmts(&body.stmts)
}

struct Walker<'a> {
    p: &'a Program,
    out: HashSet<ObjId>,
}

impl Walker<'_> {
    /// The variable at the root of an addressable operand (through fields of struct values
    /// and elements of arrays), if it is a local.
    fn root_var(&self, e: &Expr) -> Option<ObjId> {
        match &e.kind {
            ExprKind::Ident(id) => self.p.info.uses.get(&id.id).copied(),
            ExprKind::Paren(x) => self.root_var(x),
            ExprKind::Selector { x, .. } => match self.p.info.selections.get(&e.id) {
                Some(Selection::Field { .. }) => {
                    let xt = self.p.info.types.get(&x.id).copied()?;
                    if matches!(self.p.types.under(xt), TypeKind::Pointer(_)) {
                        None
                    } else {
                        self.root_var(x)
                    }
                }
                _ => None,
            },
            ExprKind::Index { x, .. } => {
                let xt = self.p.info.types.get(&x.id).copied()?;
                if matches!(self.p.types.under(xt), TypeKind::Array(..)) {
                    self.root_var(x)
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    fn mark(&mut self, e: &Expr) {
        if let Some(o) = self.root_var(e) {
            if let gosub_types::ObjKind::Var { global: false, .. } = self.p.obj(o).kind {
                self.out.insert(o);
            }
        }
    }

    fn stmts(&mut self, ss: &[Stmt]) {
        for s in ss {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Empty | StmtKind::Branch { .. } => {}
            StmtKind::Decl(d) => {
                if let ast::Decl::Var(gd) = d {
                    for sp in &gd.specs {
                        self.exprs(&sp.values);
                    }
                }
            }
            StmtKind::Labeled { stmt, .. } => self.stmt(stmt),
            StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => self.expr(e),
            StmtKind::Send { ch, value } => {
                self.expr(ch);
                self.expr(value);
            }
            StmtKind::IncDec { x, .. } => self.expr(x),
            StmtKind::Assign { lhs, rhs, .. } => {
                self.exprs(lhs);
                self.exprs(rhs);
            }
            StmtKind::Return(es) => self.exprs(es),
            StmtKind::Block(b) => self.stmts(&b.stmts),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                self.expr(cond);
                self.stmts(&then.stmts);
                if let Some(e) = els {
                    self.stmt(e);
                }
            }
            StmtKind::Switch {
                init, tag, clauses, ..
            } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                if let Some(t) = tag {
                    self.expr(t);
                }
                for c in clauses {
                    if let Some(es) = &c.exprs {
                        self.exprs(es);
                    }
                    self.stmts(&c.body);
                }
            }
            StmtKind::TypeSwitch {
                init, x, clauses, ..
            } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                self.expr(x);
                for c in clauses {
                    self.stmts(&c.body);
                }
            }
            StmtKind::Select { clauses } => {
                for c in clauses {
                    if let Some(s) = &c.comm {
                        self.stmt(s);
                    }
                    self.stmts(&c.body);
                }
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                if let Some(c) = cond {
                    self.expr(c);
                }
                if let Some(p) = post {
                    self.stmt(p);
                }
                self.stmts(&body.stmts);
            }
            StmtKind::Range {
                key,
                value,
                x,
                body,
                ..
            } => {
                if let Some(k) = key {
                    self.expr(k);
                }
                if let Some(v) = value {
                    self.expr(v);
                }
                self.expr(x);
                self.stmts(&body.stmts);
            }
        }
    }

    fn exprs(&mut self, es: &[Expr]) {
        for e in es {
            self.expr(e);
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Unary {
                op: ast::UnOp::Addr,
                x,
            } => {
                self.mark(x);
                self.expr(x);
            }
            ExprKind::Unary { x, .. } | ExprKind::Star(x) | ExprKind::Paren(x) => self.expr(x),
            ExprKind::Binary { x, y, .. } => {
                self.expr(x);
                self.expr(y);
            }
            ExprKind::CompositeLit { elts, .. } => self.exprs(elts),
            ExprKind::KeyValue { key, value } => {
                self.expr(key);
                self.expr(value);
            }
            ExprKind::FuncLit { body, .. } => {
                if let Some(caps) = self.p.info.captures.get(&e.id) {
                    self.out.extend(caps.iter().copied());
                }
                self.stmts(&body.stmts);
            }
            ExprKind::Selector { x, .. } => {
                if let Some(Selection::Method {
                    ptr_recv: true,
                    path,
                    ..
                }) = self.p.info.selections.get(&e.id)
                {
                    if let Some(xt) = self.p.info.types.get(&x.id) {
                        if !matches!(self.p.types.under(*xt), TypeKind::Pointer(_))
                            && path.is_empty()
                        {
                            self.mark(x);
                        }
                    }
                }
                if let Some(Selection::Method { ptr_recv: true, .. }) =
                    self.p.info.selections.get(&e.id)
                {
                    if let Some(xt) = self.p.info.types.get(&x.id) {
                        if !matches!(self.p.types.under(*xt), TypeKind::Pointer(_)) {
                            self.mark(x);
                        }
                    }
                }
                self.expr(x);
            }
            ExprKind::Index { x, index } => {
                self.expr(x);
                self.expr(index);
            }
            ExprKind::SliceExpr { x, lo, hi, max, .. } => {
                if let Some(xt) = self.p.info.types.get(&x.id) {
                    if matches!(self.p.types.under(*xt), TypeKind::Array(..)) {
                        self.mark(x);
                    }
                }
                self.expr(x);
                for p in [lo, hi, max].into_iter().flatten() {
                    self.expr(p);
                }
            }
            ExprKind::TypeAssert { x, .. } => self.expr(x),
            ExprKind::Call { fun, args, .. } => {
                self.expr(fun);
                self.exprs(args);
            }
            _ => {}
        }
    }
}

/// For `gosub disasm`: one line per function of the user's package that has address-taken or
/// captured locals, telling which live in the frame and which are boxed on the heap.
pub fn frame_report(p: &Program, esc: &gosub_escape::Escapes) -> Vec<String> {
    let mut out = Vec::new();
    let Some(pkg) = p.packages.last() else {
        return out;
    };
    for f in &pkg.files {
        for d in &f.decls {
            let ast::Decl::Func(fd) = d else { continue };
            let Some(body) = &fd.body else { continue };
            let mut lits = Vec::new();
            collect_lits(&body.stmts, &mut lits);
            let mut report = |name: String, key: NodeId, b: &ast::Block, params: Vec<ObjId>| {
                let mut cands: Vec<ObjId> = boxed_vars(p, b)
                    .into_iter()
                    .filter(|o| p.obj(*o).owner == Some(key) || params.contains(o))
                    .collect();
                if cands.is_empty() {
                    return;
                }
                cands.sort();
                let boxed = boxed_vars_for(p, b, key, esc);
                let names = |v: Vec<&ObjId>| {
                    v.iter()
                        .map(|o| p.obj(**o).name.clone())
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let (h, fr): (Vec<&ObjId>, Vec<&ObjId>) =
                    cands.iter().partition(|o| boxed.contains(o));
                out.push(format!(
                    "locals of {}: boxed on the heap: [{}]; in the frame: [{}]",
                    name,
                    names(h),
                    names(fr)
                ));
            };
            let fv = p
                .info
                .func_vars
                .get(&fd.name.id)
                .cloned()
                .unwrap_or_default();
            let params: Vec<ObjId> = fv
                .recv
                .iter()
                .chain(fv.params.iter())
                .chain(fv.results.iter())
                .copied()
                .collect();
            report(format!("main.{}", fd.name.name), fd.name.id, body, params);
            for (i, lit) in lits.iter().enumerate() {
                if let ExprKind::FuncLit { body, .. } = &lit.kind {
                    let fv = p.info.func_vars.get(&lit.id).cloned().unwrap_or_default();
                    let params: Vec<ObjId> =
                        fv.params.iter().chain(fv.results.iter()).copied().collect();
                    report(
                        format!("main.{}.func{}", fd.name.name, i + 1),
                        lit.id,
                        body,
                        params,
                    );
                }
            }
        }
    }
    out
}

fn collect_lits<'a>(ss: &'a [Stmt], out: &mut Vec<&'a Expr>) {
    fn e<'a>(x: &'a Expr, out: &mut Vec<&'a Expr>) {
        if let ExprKind::FuncLit { .. } = x.kind {
            out.push(x);
        }
        gosub_escape::walk::expr_children(x, &mut |n| match n {
            gosub_escape::walk::Node::E(c) => e(c, out),
            gosub_escape::walk::Node::S(s) => st(s, out),
        });
    }
    fn st<'a>(s: &'a Stmt, out: &mut Vec<&'a Expr>) {
        gosub_escape::walk::stmt_children(s, &mut |n| match n {
            gosub_escape::walk::Node::E(c) => e(c, out),
            gosub_escape::walk::Node::S(t) => st(t, out),
        });
    }
    for s in ss {
        st(s, out);
    }
}
