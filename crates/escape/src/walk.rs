//! Generic traversal helpers over the AST.

use gosub_syntax::ast::{Decl, Expr, ExprKind, Stmt, StmtKind};

/// A child node.
pub enum Node<'a> {
    E(&'a Expr),
    S(&'a Stmt),
}

/// Calls `f` on each direct child (expression or statement) of `e`.
pub fn expr_children<'a>(e: &'a Expr, f: &mut dyn FnMut(Node<'a>)) {
    let mut v: Vec<Node<'a>> = Vec::new();
    {
        let cell = std::cell::RefCell::new(&mut v);
        each_child_expr(e, &mut |x| cell.borrow_mut().push(Node::E(x)), &mut |s| {
            cell.borrow_mut().push(Node::S(s))
        });
    }
    v.into_iter().for_each(f);
}

/// Calls `f` on each direct child of `s`.
pub fn stmt_children<'a>(s: &'a Stmt, f: &mut dyn FnMut(Node<'a>)) {
    let mut v: Vec<Node<'a>> = Vec::new();
    {
        let cell = std::cell::RefCell::new(&mut v);
        each_stmt_part(s, &mut |x| cell.borrow_mut().push(Node::E(x)), &mut |t| {
            cell.borrow_mut().push(Node::S(t))
        });
    }
    v.into_iter().for_each(f);
}

/// Calls `fe` on each direct sub-expression of `e` and `fs` on statements of a literal body.
pub fn each_child_expr<'a>(
    e: &'a Expr,
    fe: &mut dyn FnMut(&'a Expr),
    fs: &mut dyn FnMut(&'a Stmt),
) {
    match &e.kind {
        ExprKind::CompositeLit { elts, .. } => elts.iter().for_each(fe),
        ExprKind::KeyValue { key, value } => {
            fe(key);
            fe(value);
        }
        ExprKind::FuncLit { body, .. } => body.stmts.iter().for_each(fs),
        ExprKind::Paren(x) | ExprKind::Star(x) | ExprKind::Unary { x, .. } => fe(x),
        ExprKind::Selector { x, .. } => fe(x),
        ExprKind::Index { x, index } => {
            fe(x);
            fe(index);
        }
        ExprKind::SliceExpr { x, lo, hi, max, .. } => {
            fe(x);
            for q in [lo, hi, max].into_iter().flatten() {
                fe(q);
            }
        }
        ExprKind::TypeAssert { x, .. } => fe(x),
        ExprKind::Call { fun, args, .. } => {
            fe(fun);
            args.iter().for_each(fe);
        }
        ExprKind::Binary { x, y, .. } => {
            fe(x);
            fe(y);
        }
        _ => {}
    }
}

/// Calls `fe` on each expression and `fs` on each nested statement of `s`.
pub fn each_stmt_part<'a>(s: &'a Stmt, fe: &mut dyn FnMut(&'a Expr), fs: &mut dyn FnMut(&'a Stmt)) {
    match &s.kind {
        StmtKind::Decl(Decl::Var(gd)) => {
            for sp in &gd.specs {
                sp.values.iter().for_each(&mut *fe);
            }
        }
        StmtKind::Labeled { stmt, .. } => fs(stmt),
        StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => fe(e),
        StmtKind::Send { ch, value } => {
            fe(ch);
            fe(value);
        }
        StmtKind::IncDec { x, .. } => fe(x),
        StmtKind::Assign { lhs, rhs, .. } => {
            lhs.iter().for_each(&mut *fe);
            rhs.iter().for_each(&mut *fe);
        }
        StmtKind::Return(es) => es.iter().for_each(fe),
        StmtKind::Block(b) => b.stmts.iter().for_each(fs),
        StmtKind::If {
            init,
            cond,
            then,
            els,
        } => {
            if let Some(i) = init {
                fs(i);
            }
            fe(cond);
            then.stmts.iter().for_each(&mut *fs);
            if let Some(e) = els {
                fs(e);
            }
        }
        StmtKind::Switch {
            init, tag, clauses, ..
        } => {
            if let Some(i) = init {
                fs(i);
            }
            if let Some(t) = tag {
                fe(t);
            }
            for c in clauses {
                if let Some(es) = &c.exprs {
                    es.iter().for_each(&mut *fe);
                }
                c.body.iter().for_each(&mut *fs);
            }
        }
        StmtKind::TypeSwitch {
            init, x, clauses, ..
        } => {
            if let Some(i) = init {
                fs(i);
            }
            fe(x);
            for c in clauses {
                c.body.iter().for_each(&mut *fs);
            }
        }
        StmtKind::Select { clauses } => {
            for c in clauses {
                if let Some(cs) = &c.comm {
                    fs(cs);
                }
                c.body.iter().for_each(&mut *fs);
            }
        }
        StmtKind::For {
            init,
            cond,
            post,
            body,
        } => {
            if let Some(i) = init {
                fs(i);
            }
            if let Some(c) = cond {
                fe(c);
            }
            if let Some(p) = post {
                fs(p);
            }
            body.stmts.iter().for_each(fs);
        }
        StmtKind::Range {
            key,
            value,
            x,
            body,
            ..
        } => {
            for v in [key, value].into_iter().flatten() {
                fe(v);
            }
            fe(x);
            body.stmts.iter().for_each(fs);
        }
        _ => {}
    }
}
