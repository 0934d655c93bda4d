use gosub_syntax::ast::*;

/// Calls `f` on every expression in a file (pre-order), with a flag telling whether the
/// expression is in a position that is not evaluated (struct literal keys, selector names).
pub fn walk_file(f: &File, cb: &mut dyn FnMut(&Expr)) {
    for d in &f.decls {
        walk_decl(d, cb);
    }
}

fn walk_decl(d: &Decl, cb: &mut dyn FnMut(&Expr)) {
    match d {
        Decl::Var(g) | Decl::Const(g) => {
            for s in &g.specs {
                if let Some(t) = &s.ty {
                    walk_expr(t, cb);
                }
                for v in &s.values {
                    walk_expr(v, cb);
                }
            }
        }
        Decl::Type(g) => {
            for s in &g.specs {
                walk_expr(&s.ty, cb);
            }
        }
        Decl::Func(fd) => {
            if let Some(b) = &fd.body {
                walk_block(b, cb);
            }
        }
    }
}

fn walk_block(b: &Block, cb: &mut dyn FnMut(&Expr)) {
    for s in &b.stmts {
        walk_stmt(s, cb);
    }
}

fn walk_stmt(s: &Stmt, cb: &mut dyn FnMut(&Expr)) {
    match &s.kind {
        StmtKind::Empty | StmtKind::Branch { .. } => {}
        StmtKind::Decl(d) => walk_decl(d, cb),
        StmtKind::Labeled { stmt, .. } => walk_stmt(stmt, cb),
        StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => walk_expr(e, cb),
        StmtKind::Send { ch, value } => {
            walk_expr(ch, cb);
            walk_expr(value, cb);
        }
        StmtKind::IncDec { x, .. } => walk_expr(x, cb),
        StmtKind::Assign { lhs, rhs, .. } => {
            for e in lhs.iter().chain(rhs) {
                walk_expr(e, cb);
            }
        }
        StmtKind::Return(es) => es.iter().for_each(|e| walk_expr(e, cb)),
        StmtKind::Block(b) => walk_block(b, cb),
        StmtKind::If {
            init,
            cond,
            then,
            els,
        } => {
            if let Some(i) = init {
                walk_stmt(i, cb);
            }
            walk_expr(cond, cb);
            walk_block(then, cb);
            if let Some(e) = els {
                walk_stmt(e, cb);
            }
        }
        StmtKind::Switch {
            init, tag, clauses, ..
        } => {
            if let Some(i) = init {
                walk_stmt(i, cb);
            }
            if let Some(t) = tag {
                walk_expr(t, cb);
            }
            for c in clauses {
                for e in c.exprs.iter().flatten() {
                    walk_expr(e, cb);
                }
                c.body.iter().for_each(|s| walk_stmt(s, cb));
            }
        }
        StmtKind::TypeSwitch {
            init, x, clauses, ..
        } => {
            if let Some(i) = init {
                walk_stmt(i, cb);
            }
            walk_expr(x, cb);
            for c in clauses {
                for e in c.exprs.iter().flatten() {
                    walk_expr(e, cb);
                }
                c.body.iter().for_each(|s| walk_stmt(s, cb));
            }
        }
        StmtKind::Select { clauses } => {
            for c in clauses {
                if let Some(s) = &c.comm {
                    walk_stmt(s, cb);
                }
                c.body.iter().for_each(|s| walk_stmt(s, cb));
            }
        }
        StmtKind::For {
            init,
            cond,
            post,
            body,
        } => {
            if let Some(i) = init {
                walk_stmt(i, cb);
            }
            if let Some(c) = cond {
                walk_expr(c, cb);
            }
            if let Some(p) = post {
                walk_stmt(p, cb);
            }
            walk_block(body, cb);
        }
        StmtKind::Range {
            key,
            value,
            x,
            body,
            ..
        } => {
            for e in key.iter().chain(value.iter()) {
                walk_expr(e, cb);
            }
            walk_expr(x, cb);
            walk_block(body, cb);
        }
    }
}

pub fn walk_expr(e: &Expr, cb: &mut dyn FnMut(&Expr)) {
    cb(e);
    match &e.kind {
        ExprKind::CompositeLit { ty, elts, .. } => {
            if let Some(t) = ty {
                walk_expr(t, cb);
            }
            for el in elts {
                match &el.kind {
                    // struct field keys are not evaluated
                    ExprKind::KeyValue { key, value } => {
                        if !matches!(key.kind, ExprKind::Ident(_)) {
                            walk_expr(key, cb);
                        }
                        walk_expr(value, cb);
                    }
                    _ => walk_expr(el, cb),
                }
            }
        }
        ExprKind::KeyValue { key, value } => {
            walk_expr(key, cb);
            walk_expr(value, cb);
        }
        ExprKind::FuncLit { body, .. } => walk_block(body, cb),
        ExprKind::Paren(x) | ExprKind::Star(x) | ExprKind::Unary { x, .. } => walk_expr(x, cb),
        ExprKind::Selector { x, .. } => walk_expr(x, cb),
        ExprKind::Index { x, index } => {
            walk_expr(x, cb);
            walk_expr(index, cb);
        }
        ExprKind::SliceExpr { x, lo, hi, max, .. } => {
            walk_expr(x, cb);
            for i in [lo, hi, max].into_iter().flatten() {
                walk_expr(i, cb);
            }
        }
        ExprKind::TypeAssert { x, ty } => {
            walk_expr(x, cb);
            if let Some(t) = ty {
                walk_expr(t, cb);
            }
        }
        ExprKind::Call { fun, args, .. } => {
            walk_expr(fun, cb);
            args.iter().for_each(|a| walk_expr(a, cb));
        }
        ExprKind::Binary { x, y, .. } => {
            walk_expr(x, cb);
            walk_expr(y, cb);
        }
        _ => {}
    }
}
