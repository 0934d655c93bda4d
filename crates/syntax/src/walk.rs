//! Generic traversal of the syntax tree: the direct children of a node, and pre-order walks
//! over a subtree (as go/ast's `Inspect`), in two scopes.
//!
//! - **All** (`children`, `inspect`, `inspect_file`): every node, in source order, which is
//!   the order the parser allocates `NodeId`s in (a pre-order walk meets the ids of a file in
//!   increasing order): declarations, statements, expressions (type expressions included),
//!   parameter/result/field lists (`Field`) and every identifier (`Ident`: declared names,
//!   selector names, labels, the identifier inside an `ExprKind::Ident`).
//! - **Code** (`code_children`, `inspect_code`): only what runs when the node runs: the
//!   statements executed and the expressions evaluated, function literal bodies included. No
//!   type expressions (a composite literal's or type assertion's type, a `var`'s type, type
//!   switch cases), no names or labels, no constant or type declarations; a `var`
//!   declaration statement's children are its initial values. What a rule needs to see of
//!   "code" (escape analysis, address-taken facts, the compiler's frame questions) is this.
//!
//! Invariant: the children of a node are exactly the nodes its `ast` value holds, in source
//! order; no node is visited twice by one walk.

use crate::ast::{Decl, Expr, ExprKind, Field, File, FuncType, Ident, Stmt, StmtKind};

/// A node of the tree, as the walker hands it out.
#[derive(Clone, Copy, Debug)]
pub enum Node<'a> {
    Decl(&'a Decl),
    Stmt(&'a Stmt),
    Expr(&'a Expr),
    /// A parameter, result, receiver, struct field or interface method.
    Field(&'a Field),
    Ident(&'a Ident),
}

/// Calls `f` on each direct child of `n`, every node included (scope All).
pub fn children<'a>(n: Node<'a>, f: &mut dyn FnMut(Node<'a>)) {
    each_child(n, false, f);
}

/// Calls `f` on each direct child of `n` that runs when `n` runs (scope Code).
pub fn code_children<'a>(n: Node<'a>, f: &mut dyn FnMut(Node<'a>)) {
    each_child(n, true, f);
}

/// Walks the subtree of `n` in pre-order (scope All): `f` is called on each node, and the
/// walk goes into a node's children only when `f` returns true.
pub fn inspect<'a>(n: Node<'a>, f: &mut dyn FnMut(Node<'a>) -> bool) {
    if f(n) {
        each_child(n, false, &mut |c| inspect(c, &mut *f));
    }
}

/// Walks the code of `n` in pre-order (scope Code); see `inspect`.
pub fn inspect_code<'a>(n: Node<'a>, f: &mut dyn FnMut(Node<'a>) -> bool) {
    if f(n) {
        each_child(n, true, &mut |c| inspect_code(c, &mut *f));
    }
}

/// `inspect_code` over a list of statements (a function body).
pub fn inspect_code_stmts<'a>(ss: &'a [Stmt], f: &mut dyn FnMut(Node<'a>) -> bool) {
    for s in ss {
        inspect_code(Node::Stmt(s), f);
    }
}

/// Walks a whole file in pre-order (scope All): its package name, the names of its imports,
/// then its declarations.
pub fn inspect_file<'a>(file: &'a File, f: &mut dyn FnMut(Node<'a>) -> bool) {
    inspect(Node::Ident(&file.package), f);
    for imp in &file.imports {
        if let Some(name) = &imp.name {
            inspect(Node::Ident(name), f);
        }
    }
    for d in &file.decls {
        inspect(Node::Decl(d), f);
    }
}

fn each_child<'a>(n: Node<'a>, code: bool, f: &mut dyn FnMut(Node<'a>)) {
    match n {
        Node::Decl(d) => decl_children(d, code, f),
        Node::Stmt(s) => stmt_children(s, code, f),
        Node::Expr(e) => expr_children(e, code, f),
        Node::Field(fl) => {
            if !code {
                fl.names.iter().for_each(|i| f(Node::Ident(i)));
                f(Node::Expr(&fl.ty));
            }
        }
        Node::Ident(_) => {}
    }
}

fn sig_children<'a>(sig: &'a FuncType, f: &mut dyn FnMut(Node<'a>)) {
    sig.type_params
        .iter()
        .chain(&sig.params)
        .chain(&sig.results)
        .for_each(|fl| f(Node::Field(fl)));
}

fn decl_children<'a>(d: &'a Decl, code: bool, f: &mut dyn FnMut(Node<'a>)) {
    match d {
        Decl::Var(g) | Decl::Const(g) => {
            if code && matches!(d, Decl::Const(_)) {
                return;
            }
            for s in &g.specs {
                if !code {
                    s.names.iter().for_each(|i| f(Node::Ident(i)));
                    if let Some(t) = &s.ty {
                        f(Node::Expr(t));
                    }
                }
                s.values.iter().for_each(|v| f(Node::Expr(v)));
            }
        }
        Decl::Type(g) => {
            if !code {
                for s in &g.specs {
                    f(Node::Ident(&s.name));
                    s.type_params.iter().for_each(|fl| f(Node::Field(fl)));
                    f(Node::Expr(&s.ty));
                }
            }
        }
        Decl::Func(fd) => {
            if !code {
                if let Some(r) = &fd.recv {
                    f(Node::Field(r));
                }
                f(Node::Ident(&fd.name));
                sig_children(&fd.sig, f);
            }
            if let Some(b) = &fd.body {
                b.stmts.iter().for_each(|s| f(Node::Stmt(s)));
            }
        }
    }
}

fn stmt_children<'a>(s: &'a Stmt, code: bool, f: &mut dyn FnMut(Node<'a>)) {
    let stmts =
        |ss: &'a [Stmt], f: &mut dyn FnMut(Node<'a>)| ss.iter().for_each(|s| f(Node::Stmt(s)));
    match &s.kind {
        StmtKind::Empty => {}
        StmtKind::Decl(d) => {
            if code {
                decl_children(d, code, f);
            } else {
                f(Node::Decl(d));
            }
        }
        StmtKind::Labeled { label, stmt } => {
            if !code {
                f(Node::Ident(label));
            }
            f(Node::Stmt(stmt));
        }
        StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => f(Node::Expr(e)),
        StmtKind::Send { ch, value } => {
            f(Node::Expr(ch));
            f(Node::Expr(value));
        }
        StmtKind::IncDec { x, .. } => f(Node::Expr(x)),
        StmtKind::Assign { lhs, rhs, .. } => lhs.iter().chain(rhs).for_each(|e| f(Node::Expr(e))),
        StmtKind::Return(es) => es.iter().for_each(|e| f(Node::Expr(e))),
        StmtKind::Branch { label, .. } => {
            if let (false, Some(l)) = (code, label) {
                f(Node::Ident(l));
            }
        }
        StmtKind::Block(b) => stmts(&b.stmts, f),
        StmtKind::If {
            init,
            cond,
            then,
            els,
        } => {
            if let Some(i) = init {
                f(Node::Stmt(i));
            }
            f(Node::Expr(cond));
            stmts(&then.stmts, f);
            if let Some(e) = els {
                f(Node::Stmt(e));
            }
        }
        StmtKind::Switch {
            init, tag, clauses, ..
        } => {
            if let Some(i) = init {
                f(Node::Stmt(i));
            }
            if let Some(t) = tag {
                f(Node::Expr(t));
            }
            for c in clauses {
                c.exprs.iter().flatten().for_each(|e| f(Node::Expr(e)));
                stmts(&c.body, f);
            }
        }
        StmtKind::TypeSwitch {
            init,
            bind,
            x,
            clauses,
            ..
        } => {
            if let Some(i) = init {
                f(Node::Stmt(i));
            }
            if let (false, Some(b)) = (code, bind) {
                f(Node::Ident(b));
            }
            f(Node::Expr(x));
            for c in clauses {
                if !code {
                    c.exprs.iter().flatten().for_each(|e| f(Node::Expr(e)));
                }
                stmts(&c.body, f);
            }
        }
        StmtKind::Select { clauses } => {
            for c in clauses {
                if let Some(cs) = &c.comm {
                    f(Node::Stmt(cs));
                }
                stmts(&c.body, f);
            }
        }
        StmtKind::For {
            init,
            cond,
            post,
            body,
        } => {
            if let Some(i) = init {
                f(Node::Stmt(i));
            }
            if let Some(c) = cond {
                f(Node::Expr(c));
            }
            if let Some(p) = post {
                f(Node::Stmt(p));
            }
            stmts(&body.stmts, f);
        }
        StmtKind::Range {
            key,
            value,
            x,
            body,
            ..
        } => {
            key.iter().chain(value).for_each(|e| f(Node::Expr(e)));
            f(Node::Expr(x));
            stmts(&body.stmts, f);
        }
    }
}

fn expr_children<'a>(e: &'a Expr, code: bool, f: &mut dyn FnMut(Node<'a>)) {
    match &e.kind {
        ExprKind::Ident(i) => {
            if !code {
                f(Node::Ident(i));
            }
        }
        ExprKind::IntLit(_)
        | ExprKind::FloatLit(_)
        | ExprKind::ImagLit(_)
        | ExprKind::RuneLit(_)
        | ExprKind::StringLit(_) => {}
        ExprKind::CompositeLit { ty, elts, .. } => {
            if let (false, Some(t)) = (code, ty) {
                f(Node::Expr(t));
            }
            elts.iter().for_each(|x| f(Node::Expr(x)));
        }
        ExprKind::KeyValue { key, value } => {
            f(Node::Expr(key));
            f(Node::Expr(value));
        }
        ExprKind::FuncLit { sig, body } => {
            if !code {
                sig_children(sig, f);
            }
            body.stmts.iter().for_each(|s| f(Node::Stmt(s)));
        }
        ExprKind::Paren(x) | ExprKind::Star(x) | ExprKind::Unary { x, .. } => f(Node::Expr(x)),
        ExprKind::Selector { x, sel } => {
            f(Node::Expr(x));
            if !code {
                f(Node::Ident(sel));
            }
        }
        ExprKind::Index { x, index } => {
            f(Node::Expr(x));
            f(Node::Expr(index));
        }
        ExprKind::IndexList { x, indices } => {
            f(Node::Expr(x));
            indices.iter().for_each(|i| f(Node::Expr(i)));
        }
        ExprKind::SliceExpr { x, lo, hi, max, .. } => {
            f(Node::Expr(x));
            [lo, hi, max]
                .into_iter()
                .flatten()
                .for_each(|q| f(Node::Expr(q)));
        }
        ExprKind::TypeAssert { x, ty } => {
            f(Node::Expr(x));
            if let (false, Some(t)) = (code, ty) {
                f(Node::Expr(t));
            }
        }
        ExprKind::Call { fun, args, .. } => {
            f(Node::Expr(fun));
            args.iter().for_each(|a| f(Node::Expr(a)));
        }
        ExprKind::Binary { x, y, .. } => {
            f(Node::Expr(x));
            f(Node::Expr(y));
        }
        // Type expressions.
        _ if code => {}
        ExprKind::ArrayType { len, elem } => {
            if let Some(l) = len {
                f(Node::Expr(l));
            }
            f(Node::Expr(elem));
        }
        ExprKind::MapType { key, value } => {
            f(Node::Expr(key));
            f(Node::Expr(value));
        }
        ExprKind::ChanType { elem, .. } => f(Node::Expr(elem)),
        ExprKind::FuncType(sig) => sig_children(sig, f),
        ExprKind::StructType { fields } | ExprKind::InterfaceType { methods: fields } => {
            fields.iter().for_each(|fl| f(Node::Field(fl)));
        }
        ExprKind::Ellipsis(x) => {
            if let Some(x) = x {
                f(Node::Expr(x));
            }
        }
        ExprKind::Tilde(x) => f(Node::Expr(x)),
    }
}

/// Can evaluating `e` be observed (a panic, a block, anything a call may do)? Only syntax is
/// known here, so this over-approximates: a conversion `T(x)` counts as a call, any index
/// or division as one that may panic. A function literal's body does not run when the
/// literal is evaluated. (What drops the standard library's package-level variables that
/// nothing refers to asks this: one whose initializer is effectful still runs.)
///
/// Some idioms of the standard library's sources count as pure: `errors.New("text")` (an
/// allocation, nothing else), a conversion to a predeclared type or a slice type
/// (`uint64(Nanosecond)`, `[]byte(s)`: it cannot fail), and indexing by an integer literal
/// (`&tables[1]`: the library indexes arrays this way, which the checker bounds at compile
/// time). The library does not redeclare `errors` or a predeclared type's name.
pub fn effectful(e: &Expr) -> bool {
    let mut found = false;
    inspect_code(Node::Expr(e), &mut |c| {
        if let Node::Expr(x) = c {
            found |= match &x.kind {
                ExprKind::Call { fun, args, .. } if is_errors_new(fun, args) => return false,
                ExprKind::Call { fun, args, .. } if args.len() == 1 && is_conversion(fun) => false,
                ExprKind::Index { index, .. } if matches!(index.kind, ExprKind::IntLit(_)) => false,
                ExprKind::Call { .. }
                | ExprKind::Index { .. }
                | ExprKind::SliceExpr { .. }
                | ExprKind::TypeAssert { .. }
                | ExprKind::Star(_) => true,
                ExprKind::Unary { op, .. } => *op == crate::ast::UnOp::Recv,
                ExprKind::Binary { op, .. } => {
                    matches!(op, crate::ast::BinOp::Div | crate::ast::BinOp::Rem)
                }
                _ => false,
            };
            return !found && !matches!(x.kind, ExprKind::FuncLit { .. });
        }
        !found
    });
    found
}

/// `errors.New("...")`.
fn is_errors_new(fun: &Expr, args: &[Expr]) -> bool {
    let ExprKind::Selector { x, sel } = &fun.kind else {
        return false;
    };
    matches!(&x.kind, ExprKind::Ident(p) if p.name == "errors")
        && sel.name == "New"
        && matches!(
            args,
            [Expr {
                kind: ExprKind::StringLit(_),
                ..
            }]
        )
}

/// `T(x)` where `T` is a predeclared type's name or a slice type: a conversion.
fn is_conversion(fun: &Expr) -> bool {
    match &fun.kind {
        ExprKind::ArrayType { len: None, .. } => true,
        ExprKind::Ident(id) => matches!(
            id.name.as_str(),
            "bool"
                | "string"
                | "int"
                | "int8"
                | "int16"
                | "int32"
                | "int64"
                | "uint"
                | "uint8"
                | "uint16"
                | "uint32"
                | "uint64"
                | "uintptr"
                | "byte"
                | "rune"
                | "float32"
                | "float64"
                | "complex64"
                | "complex128"
        ),
        _ => false,
    }
}
