//! Which local variables need a heap cell: those whose address is taken (`&x`, `&x.f`,
//! `&a[i]` of an array, `x.M()` with a pointer receiver on an addressable `x`, slicing an
//! array variable) and those captured by a function literal.
//!
//! This is the conservative stand-in for escape analysis (issue 4): it boxes every such
//! variable, which is always sound.

use gosub_syntax::ast::{self, Expr, ExprKind, Stmt, StmtKind};
use gosub_types::{ObjId, Program, Selection, TypeKind};
use std::collections::HashSet;

pub fn boxed_vars(p: &Program, body: &ast::Block) -> HashSet<ObjId> {
    let mut w = Walker { p, out: HashSet::new(), defer: false };
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
            StmtKind::If { then, els, .. } => stmts(&then.stmts) || els.as_ref().is_some_and(|e| stmt(e)),
            StmtKind::Switch { clauses, .. } | StmtKind::TypeSwitch { clauses, .. } => clauses.iter().any(|c| stmts(&c.body)),
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
    #[allow(dead_code)]
    defer: bool,
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
            StmtKind::If { init, cond, then, els } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                self.expr(cond);
                self.stmts(&then.stmts);
                if let Some(e) = els {
                    self.stmt(e);
                }
            }
            StmtKind::Switch { init, tag, clauses, .. } => {
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
            StmtKind::TypeSwitch { init, x, clauses, .. } => {
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
            StmtKind::For { init, cond, post, body } => {
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
            StmtKind::Range { key, value, x, body, .. } => {
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
            ExprKind::Unary { op: ast::UnOp::Addr, x } => {
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
                if let Some(Selection::Method { ptr_recv: true, path, .. }) = self.p.info.selections.get(&e.id) {
                    if let Some(xt) = self.p.info.types.get(&x.id) {
                        if !matches!(self.p.types.under(*xt), TypeKind::Pointer(_)) && path.is_empty() {
                            self.mark(x);
                        }
                    }
                }
                if let Some(Selection::Method { ptr_recv: true, .. }) = self.p.info.selections.get(&e.id) {
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
