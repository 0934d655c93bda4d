//! Facts collected before building the graph of one function (and its literals):
//! variables whose address is taken or that a closure captures (Go 1.22 per-iteration loop
//! variables live in the loop body when they are), variables reassigned after their
//! definition, and locals bound once to a function literal (calls through them are static,
//! as with gc's `ir.StaticValue`).
//!
//! This is gosub's one analysis of "address taken": the compiler asks it too
//! (`addr_taken_or_captured`), for the candidates it may have to box.

use gosub_syntax::ast::{unparen, AssignOp, Block, Decl, Expr, ExprKind, Stmt, StmtKind, UnOp};
use gosub_types::{ObjId, ObjKind, Program, Selection, TypeKind};
use std::collections::{HashMap, HashSet};

/// The local variables of `body` and of the function literals in it whose address is taken
/// (`&x`, `&x.f` of a struct value, `&a[i]` of an array, `x.M()` with a pointer receiver on
/// an addressable `x`, slicing an array variable) or that a function literal captures.
pub fn addr_taken_or_captured(p: &Program, body: &Block) -> HashSet<ObjId> {
    let mut f = Facts::default();
    Scan { p, f: &mut f }.stmts(&body.stmts);
    f.addr_or_captured
}

#[derive(Default)]
pub struct Facts<'a> {
    pub addr_or_captured: HashSet<ObjId>,
    pub reassigned: HashSet<ObjId>,
    pub lit_bind: HashMap<ObjId, &'a Expr>,
    /// The initializer of each local defined as `x := e` or `var x = e` (one value each).
    pub init: HashMap<ObjId, &'a Expr>,
}

impl<'a> Facts<'a> {
    pub fn static_lits(&self) -> HashMap<ObjId, &'a Expr> {
        self.lit_bind
            .iter()
            .filter(|(o, _)| !self.reassigned.contains(o) && !self.addr_or_captured_addr(o))
            .map(|(o, e)| (*o, *e))
            .collect()
    }
    fn addr_or_captured_addr(&self, _o: &ObjId) -> bool {
        false
    }

    /// gc's `ir.StaticValue` for a local: its initializer when it is never reassigned and
    /// its address is never taken.
    pub fn static_inits(&self) -> HashMap<ObjId, &'a Expr> {
        self.init
            .iter()
            .filter(|(o, _)| !self.reassigned.contains(o))
            .map(|(o, e)| (*o, *e))
            .collect()
    }
}

pub struct Scan<'a, 'f> {
    pub p: &'a Program,
    pub f: &'f mut Facts<'a>,
}

impl<'a> Scan<'a, '_> {
    fn root_var(&self, e: &Expr) -> Option<ObjId> {
        match &e.kind {
            ExprKind::Ident(id) => {
                let o = self.p.info.uses.get(&id.id).copied()?;
                matches!(self.p.obj(o).kind, ObjKind::Var { global: false, .. }).then_some(o)
            }
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

    fn mark_addr(&mut self, e: &Expr) {
        if let Some(o) = self.root_var(e) {
            self.f.addr_or_captured.insert(o);
            self.f.reassigned.insert(o);
        }
    }

    fn mark_assigned(&mut self, e: &Expr) {
        if let ExprKind::Ident(id) = &unparen(e).kind {
            if let Some(&o) = self.p.info.uses.get(&id.id) {
                self.f.reassigned.insert(o);
            }
        }
    }

    pub fn stmts(&mut self, ss: &'a [Stmt]) {
        for s in ss {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &'a Stmt) {
        match &s.kind {
            StmtKind::Decl(Decl::Var(gd)) => {
                for sp in &gd.specs {
                    if sp.names.len() == sp.values.len() {
                        for (n, v) in sp.names.iter().zip(sp.values.iter()) {
                            if let Some(&o) = self.p.info.defs.get(&n.id) {
                                self.f.init.insert(o, unparen(v));
                            }
                        }
                    }
                    if sp.names.len() == 1 && sp.values.len() == 1 {
                        if let ExprKind::FuncLit { .. } = unparen(&sp.values[0]).kind {
                            if let Some(&o) = self.p.info.defs.get(&sp.names[0].id) {
                                self.f.lit_bind.insert(o, unparen(&sp.values[0]));
                            }
                        }
                    }
                    self.exprs(&sp.values);
                }
            }
            StmtKind::Labeled { stmt, .. } => self.stmt(stmt),
            StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => self.expr(e),
            StmtKind::Send { ch, value } => {
                self.expr(ch);
                self.expr(value);
            }
            StmtKind::IncDec { x, .. } => {
                self.mark_assigned(x);
                self.expr(x);
            }
            StmtKind::Assign { lhs, op, rhs } => {
                if *op == AssignOp::Define {
                    if lhs.len() == rhs.len() {
                        for (x, v) in lhs.iter().zip(rhs.iter()) {
                            if let ExprKind::Ident(id) = &x.kind {
                                if let Some(&o) = self.p.info.defs.get(&id.id) {
                                    self.f.init.insert(o, unparen(v));
                                }
                            }
                        }
                    }
                    if lhs.len() == 1 && rhs.len() == 1 {
                        if let (ExprKind::Ident(id), ExprKind::FuncLit { .. }) =
                            (&lhs[0].kind, &unparen(&rhs[0]).kind)
                        {
                            if let Some(&o) = self.p.info.defs.get(&id.id) {
                                self.f.lit_bind.insert(o, unparen(&rhs[0]));
                            }
                        }
                    }
                    for x in lhs {
                        self.mark_assigned(x);
                    }
                } else {
                    for x in lhs {
                        self.mark_assigned(x);
                    }
                }
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
                    if let Some(cs) = &c.comm {
                        self.stmt(cs);
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
                define,
                x,
                body,
            } => {
                for v in [key, value].into_iter().flatten() {
                    if !*define {
                        self.mark_assigned(v);
                    }
                    self.expr(v);
                }
                self.expr(x);
                self.stmts(&body.stmts);
            }
            _ => {}
        }
    }

    fn exprs(&mut self, es: &'a [Expr]) {
        for e in es {
            self.expr(e);
        }
    }

    fn expr(&mut self, e: &'a Expr) {
        match &e.kind {
            ExprKind::Unary { op: UnOp::Addr, x } => {
                self.mark_addr(x);
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
                    self.f.addr_or_captured.extend(caps.iter().copied());
                }
                self.stmts(&body.stmts);
            }
            ExprKind::Selector { x, .. } => {
                if let Some(Selection::Method { ptr_recv: true, .. }) =
                    self.p.info.selections.get(&e.id)
                {
                    if let Some(xt) = self.p.info.types.get(&x.id) {
                        if !matches!(self.p.types.under(*xt), TypeKind::Pointer(_)) {
                            self.mark_addr(x);
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
                        self.mark_addr(x);
                    }
                }
                self.expr(x);
                for q in [lo, hi, max].into_iter().flatten() {
                    self.expr(q);
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
