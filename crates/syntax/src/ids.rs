//! Numbering of `Expr` and `Ident` nodes after parsing.
//!
//! Invariants: `assign` gives every `Expr` and `Ident` of a file a distinct `NodeId`, counting
//! up from `first` in source order (a pre-order walk: a node before its children, children
//! left to right), and returns the next free id. It is the only place the parser allocates
//! ids (the range-over-func lowering after checking numbers its nodes down from `u32::MAX`).

use crate::ast::*;

struct Numberer {
    next: NodeId,
}

impl Numberer {
    fn fresh(&mut self) -> NodeId {
        let id = self.next;
        self.next = self.next.wrapping_add(1);
        id
    }

    fn ident(&mut self, i: &mut Ident) {
        i.id = self.fresh();
    }

    fn opt_ident(&mut self, i: &mut Option<Ident>) {
        if let Some(i) = i {
            self.ident(i);
        }
    }

    fn exprs(&mut self, v: &mut [Expr]) {
        for e in v {
            self.expr(e);
        }
    }

    fn opt_expr(&mut self, e: &mut Option<Box<Expr>>) {
        if let Some(e) = e {
            self.expr(e);
        }
    }

    fn field(&mut self, f: &mut Field) {
        for n in &mut f.names {
            self.ident(n);
        }
        self.expr(&mut f.ty);
    }

    fn fields(&mut self, v: &mut [Field]) {
        for f in v {
            self.field(f);
        }
    }

    fn func_type(&mut self, t: &mut FuncType) {
        self.fields(&mut t.type_params);
        self.fields(&mut t.params);
        self.fields(&mut t.results);
    }

    fn expr(&mut self, e: &mut Expr) {
        e.id = self.fresh();
        match &mut e.kind {
            ExprKind::Ident(i) => self.ident(i),
            ExprKind::IntLit(_)
            | ExprKind::FloatLit(_)
            | ExprKind::ImagLit(_)
            | ExprKind::RuneLit(_)
            | ExprKind::StringLit(_) => {}
            ExprKind::CompositeLit { ty, elts, .. } => {
                self.opt_expr(ty);
                self.exprs(elts);
            }
            ExprKind::KeyValue { key, value } => {
                self.expr(key);
                self.expr(value);
            }
            ExprKind::FuncLit { sig, body } => {
                self.func_type(sig);
                self.block(body);
            }
            ExprKind::Paren(x) | ExprKind::Star(x) | ExprKind::Unary { x, .. } => self.expr(x),
            ExprKind::Selector { x, sel } => {
                self.expr(x);
                self.ident(sel);
            }
            ExprKind::Index { x, index } => {
                self.expr(x);
                self.expr(index);
            }
            ExprKind::IndexList { x, indices } => {
                self.expr(x);
                self.exprs(indices);
            }
            ExprKind::SliceExpr { x, lo, hi, max, .. } => {
                self.expr(x);
                self.opt_expr(lo);
                self.opt_expr(hi);
                self.opt_expr(max);
            }
            ExprKind::TypeAssert { x, ty } => {
                self.expr(x);
                self.opt_expr(ty);
            }
            ExprKind::Call { fun, args, .. } => {
                self.expr(fun);
                self.exprs(args);
            }
            ExprKind::Binary { x, y, .. } => {
                self.expr(x);
                self.expr(y);
            }
            ExprKind::ArrayType { len, elem } => {
                self.opt_expr(len);
                self.expr(elem);
            }
            ExprKind::MapType { key, value } => {
                self.expr(key);
                self.expr(value);
            }
            ExprKind::ChanType { elem, .. } => self.expr(elem),
            ExprKind::FuncType(t) => self.func_type(t),
            ExprKind::StructType { fields } => self.fields(fields),
            ExprKind::InterfaceType { methods } => self.fields(methods),
            ExprKind::Ellipsis(x) => self.opt_expr(x),
            ExprKind::Tilde(x) => self.expr(x),
        }
    }

    fn block(&mut self, b: &mut Block) {
        self.stmts(&mut b.stmts);
    }

    fn stmts(&mut self, v: &mut [Stmt]) {
        for s in v {
            self.stmt(s);
        }
    }

    fn opt_stmt(&mut self, s: &mut Option<Box<Stmt>>) {
        if let Some(s) = s {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &mut Stmt) {
        match &mut s.kind {
            StmtKind::Empty => {}
            StmtKind::Decl(d) => self.decl(d),
            StmtKind::Labeled { label, stmt } => {
                self.ident(label);
                self.stmt(stmt);
            }
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
            StmtKind::Return(v) => self.exprs(v),
            StmtKind::Branch { label, .. } => self.opt_ident(label),
            StmtKind::Block(b) => self.block(b),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                self.opt_stmt(init);
                self.expr(cond);
                self.block(then);
                self.opt_stmt(els);
            }
            StmtKind::Switch {
                init, tag, clauses, ..
            } => {
                self.opt_stmt(init);
                if let Some(t) = tag {
                    self.expr(t);
                }
                self.clauses(clauses);
            }
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                clauses,
                ..
            } => {
                self.opt_stmt(init);
                self.opt_ident(bind);
                self.expr(x);
                self.clauses(clauses);
            }
            StmtKind::Select { clauses } => {
                for c in clauses {
                    self.opt_stmt(&mut c.comm);
                    self.stmts(&mut c.body);
                }
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                self.opt_stmt(init);
                if let Some(c) = cond {
                    self.expr(c);
                }
                self.opt_stmt(post);
                self.block(body);
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
                self.block(body);
            }
        }
    }

    fn clauses(&mut self, v: &mut [CaseClause]) {
        for c in v {
            if let Some(e) = &mut c.exprs {
                self.exprs(e);
            }
            self.stmts(&mut c.body);
        }
    }

    fn value_spec(&mut self, s: &mut ValueSpec) {
        for n in &mut s.names {
            self.ident(n);
        }
        if let Some(t) = &mut s.ty {
            self.expr(t);
        }
        self.exprs(&mut s.values);
    }

    fn decl(&mut self, d: &mut Decl) {
        match d {
            Decl::Var(g) | Decl::Const(g) => {
                for s in &mut g.specs {
                    self.value_spec(s);
                }
            }
            Decl::Type(g) => {
                for s in &mut g.specs {
                    self.ident(&mut s.name);
                    self.fields(&mut s.type_params);
                    self.expr(&mut s.ty);
                }
            }
            Decl::Func(f) => self.func_decl(f),
        }
    }

    fn func_decl(&mut self, f: &mut FuncDecl) {
        if let Some(r) = &mut f.recv {
            self.field(r);
        }
        self.ident(&mut f.name);
        self.func_type(&mut f.sig);
        if let Some(b) = &mut f.body {
            self.block(b);
        }
    }
}

/// Numbers every node of `file` from `first`; sets `first_id`/`next_id` and returns `next_id`.
/// Imports are numbered in source order among the declarations they stood between only
/// approximately: file-level imports come first (they precede all declarations anyway).
pub fn assign(file: &mut File, first: NodeId) -> NodeId {
    let mut n = Numberer { next: first };
    n.ident(&mut file.package);
    for i in &mut file.imports {
        n.opt_ident(&mut i.name);
    }
    for d in &mut file.decls {
        n.decl(d);
    }
    file.first_id = first;
    file.next_id = n.next;
    n.next
}

/// Renumbers a copy of a function declaration from `first` (the checker's instances of a
/// generic function: each copy gets ids of its own); returns the next free id.
pub fn assign_func_decl(f: &mut FuncDecl, first: NodeId) -> NodeId {
    let mut n = Numberer { next: first };
    n.func_decl(f);
    n.next
}

/// Numbers a declaration parsed on its own (`parser::parse_decl`) from `first`; returns
/// the next free id.
pub fn assign_decl(d: &mut Decl, first: NodeId) -> NodeId {
    let mut n = Numberer { next: first };
    n.decl(d);
    n.next
}

/// Numbers a standalone expression from `first`; returns the next free id.
pub fn assign_expr(e: &mut Expr, first: NodeId) -> NodeId {
    let mut n = Numberer { next: first };
    n.expr(e);
    n.next
}
