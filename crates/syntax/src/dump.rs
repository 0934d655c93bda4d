//! A compact S-expression dump of the AST, for tests and the CLI's `--dump-ast`.
//!
//! Invariants: deterministic; one line per declaration/statement, expressions inline;
//! positions and ids are omitted (they are tested separately), so dumps are stable under
//! edits that only move code. Never panics.

use crate::ast::*;
use std::fmt::Write;

/// Dumps a whole file.
pub fn file(f: &File) -> String {
    let mut out = format!("(package {})\n", f.package.name);
    for i in &f.imports {
        match &i.name {
            Some(n) => writeln!(out, "(import {} {:?})", n.name, i.path),
            None => writeln!(out, "(import {:?})", i.path),
        }
        .ok();
    }
    for d in &f.decls {
        decl(&mut out, d, 0);
    }
    out
}

fn indent(out: &mut String, n: usize) {
    for _ in 0..n {
        out.push_str("  ");
    }
}

fn decl(out: &mut String, d: &Decl, lvl: usize) {
    match d {
        Decl::Var(g) | Decl::Const(g) => {
            let kw = if matches!(d, Decl::Var(_)) {
                "var"
            } else {
                "const"
            };
            for s in &g.specs {
                indent(out, lvl);
                let names: Vec<&str> = s.names.iter().map(|n| n.name.as_str()).collect();
                write!(out, "({kw} [{}]", names.join(" ")).ok();
                if let Some(t) = &s.ty {
                    write!(out, " {}", expr(t)).ok();
                }
                if kw == "const" {
                    write!(out, " iota={}", s.iota).ok();
                    if s.implicit {
                        out.push_str(" implicit");
                    }
                }
                for v in &s.values {
                    write!(out, " {}", expr(v)).ok();
                }
                out.push_str(")\n");
            }
        }
        Decl::Type(g) => {
            for s in &g.specs {
                indent(out, lvl);
                writeln!(
                    out,
                    "(type {}{}{} {})",
                    s.name.name,
                    tparams(&s.type_params),
                    if s.alias { " =" } else { "" },
                    expr(&s.ty)
                )
                .ok();
            }
        }
        Decl::Func(f) => {
            indent(out, lvl);
            write!(out, "(func ").ok();
            if let Some(r) = &f.recv {
                write!(out, "{} ", field(r)).ok();
            }
            write!(out, "{} {}", f.name.name, sig(&f.sig)).ok();
            match &f.body {
                Some(b) => {
                    out.push('\n');
                    block(out, b, lvl + 1);
                    out.push_str(")\n");
                }
                None => out.push_str(" nobody)\n"),
            }
        }
    }
}

fn field(f: &Field) -> String {
    let mut s = String::from("(");
    for n in &f.names {
        s.push_str(&n.name);
        s.push(' ');
    }
    if f.embedded {
        s.push_str("embed ");
    }
    s.push_str(&expr(&f.ty));
    if let Some(t) = &f.tag {
        write!(s, " tag={t:?}").ok();
    }
    s.push(')');
    s
}

fn fields(v: &[Field]) -> String {
    let parts: Vec<String> = v.iter().map(field).collect();
    format!("[{}]", parts.join(" "))
}

/// ` tparams=[...]` for a generic declaration, nothing otherwise (older dumps unchanged).
fn tparams(v: &[Field]) -> String {
    if v.is_empty() {
        String::new()
    } else {
        format!(" tparams={}", fields(v))
    }
}

fn sig(s: &FuncType) -> String {
    format!(
        "{}{}{}{} {}",
        tparams(&s.type_params).trim_start(),
        if s.type_params.is_empty() { "" } else { " " },
        fields(&s.params),
        if s.variadic { "..." } else { "" },
        fields(&s.results)
    )
}

fn block(out: &mut String, b: &Block, lvl: usize) {
    indent(out, lvl);
    out.push_str("(block");
    if b.stmts.is_empty() {
        out.push_str(")\n");
        return;
    }
    out.push('\n');
    for s in &b.stmts {
        stmt(out, s, lvl + 1);
    }
    indent(out, lvl);
    out.push_str(")\n");
}

fn stmts(out: &mut String, v: &[Stmt], lvl: usize) {
    for s in v {
        stmt(out, s, lvl);
    }
}

fn list(v: &[Expr]) -> String {
    let parts: Vec<String> = v.iter().map(expr).collect();
    parts.join(" ")
}

/// Dumps one statement (and its nested statements) at indentation level `lvl`.
pub fn stmt(out: &mut String, s: &Stmt, lvl: usize) {
    match &s.kind {
        StmtKind::Decl(d) => return decl(out, d, lvl),
        StmtKind::Block(b) => return block(out, b, lvl),
        _ => {}
    }
    indent(out, lvl);
    match &s.kind {
        StmtKind::Decl(_) | StmtKind::Block(_) => {}
        StmtKind::Empty => out.push_str("(empty)\n"),
        StmtKind::Labeled { label, stmt: inner } => {
            writeln!(out, "(label {}", label.name).ok();
            stmt(out, inner, lvl + 1);
            indent(out, lvl);
            out.push_str(")\n");
        }
        StmtKind::Expr(e) => {
            writeln!(out, "(expr {})", expr(e)).ok();
        }
        StmtKind::Send { ch, value } => {
            writeln!(out, "(send {} {})", expr(ch), expr(value)).ok();
        }
        StmtKind::IncDec { x, inc } => {
            writeln!(out, "({} {})", if *inc { "inc" } else { "dec" }, expr(x)).ok();
        }
        StmtKind::Assign { lhs, op, rhs } => {
            let o = match op {
                AssignOp::Assign => "=".to_string(),
                AssignOp::Define => ":=".to_string(),
                AssignOp::Op(b) => format!("{}=", b.as_str()),
            };
            writeln!(out, "({o} [{}] [{}])", list(lhs), list(rhs)).ok();
        }
        StmtKind::Go(e) => {
            writeln!(out, "(go {})", expr(e)).ok();
        }
        StmtKind::Defer(e) => {
            writeln!(out, "(defer {})", expr(e)).ok();
        }
        StmtKind::Return(v) => {
            writeln!(
                out,
                "(return{}{})",
                if v.is_empty() { "" } else { " " },
                list(v)
            )
            .ok();
        }
        StmtKind::Branch { kind, label } => {
            let k = match kind {
                BranchKind::Break => "break",
                BranchKind::Continue => "continue",
                BranchKind::Goto => "goto",
                BranchKind::Fallthrough => "fallthrough",
            };
            match label {
                Some(l) => writeln!(out, "({k} {})", l.name),
                None => writeln!(out, "({k})"),
            }
            .ok();
        }
        StmtKind::If {
            init,
            cond,
            then,
            els,
        } => {
            out.push_str("(if");
            header(out, init, lvl);
            writeln!(out, " {}", expr(cond)).ok();
            block(out, then, lvl + 1);
            if let Some(e) = els {
                indent(out, lvl + 1);
                out.push_str("else\n");
                stmt(out, e, lvl + 1);
            }
            indent(out, lvl);
            out.push_str(")\n");
        }
        StmtKind::Switch {
            init, tag, clauses, ..
        } => {
            out.push_str("(switch");
            header(out, init, lvl);
            if let Some(t) = tag {
                write!(out, " {}", expr(t)).ok();
            }
            out.push('\n');
            case_clauses(out, clauses, lvl + 1);
            indent(out, lvl);
            out.push_str(")\n");
        }
        StmtKind::TypeSwitch {
            init,
            bind,
            x,
            clauses,
            ..
        } => {
            out.push_str("(typeswitch");
            header(out, init, lvl);
            if let Some(b) = bind {
                write!(out, " {} :=", b.name).ok();
            }
            writeln!(out, " {}", expr(x)).ok();
            case_clauses(out, clauses, lvl + 1);
            indent(out, lvl);
            out.push_str(")\n");
        }
        StmtKind::Select { clauses } => {
            out.push_str("(select\n");
            for c in clauses {
                indent(out, lvl + 1);
                match &c.comm {
                    Some(s) => {
                        out.push_str("(case\n");
                        stmt(out, s, lvl + 2);
                    }
                    None => out.push_str("(default\n"),
                }
                stmts(out, &c.body, lvl + 2);
                indent(out, lvl + 1);
                out.push_str(")\n");
            }
            indent(out, lvl);
            out.push_str(")\n");
        }
        StmtKind::For {
            init,
            cond,
            post,
            body,
        } => {
            out.push_str("(for");
            header(out, init, lvl);
            match cond {
                Some(c) => write!(out, " {}", expr(c)),
                None => write!(out, " _"),
            }
            .ok();
            if let Some(p) = post {
                let mut tmp = String::new();
                stmt(&mut tmp, p, 0);
                write!(out, " post={}", tmp.trim_end()).ok();
            }
            out.push('\n');
            block(out, body, lvl + 1);
            indent(out, lvl);
            out.push_str(")\n");
        }
        StmtKind::Range {
            key,
            value,
            define,
            x,
            body,
        } => {
            out.push_str("(range");
            if let Some(k) = key {
                write!(out, " {}", expr(k)).ok();
            }
            if let Some(v) = value {
                write!(out, " {}", expr(v)).ok();
            }
            if key.is_some() {
                out.push_str(if *define { " :=" } else { " =" });
            }
            writeln!(out, " {}", expr(x)).ok();
            block(out, body, lvl + 1);
            indent(out, lvl);
            out.push_str(")\n");
        }
    }
}

fn header(out: &mut String, init: &Option<Box<Stmt>>, _lvl: usize) {
    if let Some(i) = init {
        let mut tmp = String::new();
        stmt(&mut tmp, i, 0);
        write!(out, " init={}", tmp.trim_end()).ok();
    }
}

fn case_clauses(out: &mut String, clauses: &[CaseClause], lvl: usize) {
    for c in clauses {
        indent(out, lvl);
        match &c.exprs {
            Some(v) => writeln!(out, "(case {}", list(v)),
            None => writeln!(out, "(default"),
        }
        .ok();
        stmts(out, &c.body, lvl + 1);
        indent(out, lvl);
        out.push_str(")\n");
    }
}

/// Dumps an expression on one line.
pub fn expr(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Ident(i) => i.name.clone(),
        ExprKind::IntLit(s) => format!("(int {s})"),
        ExprKind::FloatLit(s) => format!("(float {s})"),
        ExprKind::ImagLit(s) => format!("(imag {s})"),
        ExprKind::RuneLit(c) => format!("(rune {c})"),
        ExprKind::StringLit(b) => format!("{:?}", String::from_utf8_lossy(b)),
        ExprKind::CompositeLit { ty, elts, .. } => match ty {
            Some(t) => format!("(lit {} [{}])", expr(t), list(elts)),
            None => format!("(lit _ [{}])", list(elts)),
        },
        ExprKind::KeyValue { key, value } => format!("(kv {} {})", expr(key), expr(value)),
        ExprKind::FuncLit { sig: s, body } => {
            let mut b = String::new();
            for st in &body.stmts {
                stmt(&mut b, st, 0);
            }
            let inner: Vec<&str> = b.lines().map(str::trim).collect();
            format!("(funclit {} {{{}}})", sig(s), inner.join(" "))
        }
        ExprKind::Paren(x) => format!("(paren {})", expr(x)),
        ExprKind::Selector { x, sel } => format!("(sel {} {})", expr(x), sel.name),
        ExprKind::Index { x, index } => format!("(index {} {})", expr(x), expr(index)),
        ExprKind::IndexList { x, indices } => {
            format!("(indexlist {} [{}])", expr(x), list(indices))
        }
        ExprKind::SliceExpr {
            x,
            lo,
            hi,
            max,
            three,
        } => {
            let o =
                |v: &Option<Box<Expr>>| v.as_ref().map(|e| expr(e)).unwrap_or_else(|| "_".into());
            if *three {
                format!("(slice3 {} {} {} {})", expr(x), o(lo), o(hi), o(max))
            } else {
                format!("(slice {} {} {})", expr(x), o(lo), o(hi))
            }
        }
        ExprKind::TypeAssert { x, ty } => match ty {
            Some(t) => format!("(assert {} {})", expr(x), expr(t)),
            None => format!("(assert {} type)", expr(x)),
        },
        ExprKind::Call {
            fun,
            args,
            ellipsis,
            ..
        } => {
            format!(
                "(call {}{}{}{})",
                expr(fun),
                if args.is_empty() { "" } else { " " },
                list(args),
                if *ellipsis { " ..." } else { "" }
            )
        }
        ExprKind::Star(x) => format!("(star {})", expr(x)),
        ExprKind::Unary { op, x } => format!("({} {})", op.as_str(), expr(x)),
        ExprKind::Binary { op, x, y } => format!("({} {} {})", op.as_str(), expr(x), expr(y)),
        ExprKind::ArrayType { len, elem } => match len {
            Some(l) => format!("(array {} {})", expr(l), expr(elem)),
            None => format!("(slicetype {})", expr(elem)),
        },
        ExprKind::MapType { key, value } => format!("(map {} {})", expr(key), expr(value)),
        ExprKind::ChanType { dir, elem } => {
            format!("({} {})", crate::gosrc::chan_dir(*dir), expr(elem))
        }
        ExprKind::FuncType(s) => format!("(functype {})", sig(s)),
        ExprKind::StructType { fields: f } => format!("(struct {})", fields(f)),
        ExprKind::InterfaceType { methods } => format!("(interface {})", fields(methods)),
        ExprKind::Ellipsis(x) => match x {
            Some(x) => format!("(... {})", expr(x)),
            None => "(...)".to_string(),
        },
        ExprKind::Tilde(x) => format!("(~ {})", expr(x)),
    }
}
