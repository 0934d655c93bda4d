//! Statements and function bodies: assignments and declarations inside functions, calls
//! as statements, `go`/`defer`, `return`, branches and blocks. Switches, range loops and
//! terminating statements have files of their own.

use crate::check::{Checker, OpMode, Operand};
use crate::*;
use gosub_syntax::ast::unparen;
use gosub_syntax::ast::{self, AssignOp, Block, Decl, Expr, ExprKind, Stmt, StmtKind, UnOp};
use gosub_syntax::gosrc;

impl<'a> Checker<'a> {
    /// Checks a function body (the function scope is already open with params declared).
    pub(crate) fn func_body(&mut self, body: &'a Block) {
        self.check_branches(body);
        self.stmt_list(&body.stmts);
        let has_results = self.funcs.last().is_some_and(|f| !f.results.is_empty());
        if has_results && !self.is_terminating_list(&body.stmts, "") {
            self.error(body.span.hi.saturating_sub(1), "missing return");
        }
    }

    pub(crate) fn stmt_list(&mut self, stmts: &'a [Stmt]) {
        for s in stmts {
            if self.stopped {
                return;
            }
            self.stmt(s);
        }
    }

    pub(crate) fn block(&mut self, b: &'a Block) {
        self.open_scope(false);
        self.stmt_list(&b.stmts);
        self.close_scope();
    }

    pub(crate) fn stmt(&mut self, s: &'a Stmt) {
        match &s.kind {
            StmtKind::Empty => {}
            StmtKind::Decl(d) => self.local_decl(d),
            StmtKind::Labeled { label, stmt } => {
                let pkg = self.cur_pkg;
                let o = self.new_obj(&label.name, ObjKind::Label, T_INVALID, label.span, pkg);
                self.info.defs.insert(label.id, o);
                self.stmt(stmt);
            }
            StmtKind::Expr(e) => self.expr_stmt(e),
            StmtKind::Send { ch, value } => {
                let c = self.expr(ch);
                let mut v = self.expr(value);
                if c.is_invalid() || v.is_invalid() {
                    return;
                }
                match self.tt.under(c.ty).clone() {
                    TypeKind::Chan(ChanDir::Recv, _) => {
                        let cs = self.op_string(&c);
                        let ts = self.ts(c.ty);
                        self.err_at(
                            ch,
                            format!(
                                "invalid operation: cannot send to receive-only channel {} {}",
                                ts, cs
                            ),
                        );
                    }
                    TypeKind::Chan(_, el) => self.assignment(&mut v, Some(el), "send"),
                    _ => {
                        let cs = self.op_string(&c);
                        let ts = self.ts(c.ty);
                        self.err_at(
                            ch,
                            format!(
                                "invalid operation: cannot send to non-channel {} {}",
                                ts, cs
                            ),
                        );
                    }
                }
            }
            StmtKind::IncDec { x, inc } => {
                let xo = self.expr(x);
                if xo.is_invalid() {
                    return;
                }
                if !self.is_numeric(xo.ty) {
                    let op = if *inc { "++" } else { "--" };
                    let ts = self.ts(xo.ty);
                    self.err_at(
                        x,
                        format!(
                            "invalid operation: {}{} (non-numeric type {})",
                            gosrc::expr(x),
                            op,
                            ts
                        ),
                    );
                    return;
                }
                self.check_assignable_lhs(x, &xo);
            }
            StmtKind::Assign { lhs, op, rhs } => match op {
                AssignOp::Define => self.short_var_decl(s.span.lo, lhs, rhs),
                AssignOp::Assign => self.assign_vars(lhs, rhs),
                AssignOp::Op(bop) => {
                    if lhs.len() != 1 || rhs.len() != 1 {
                        self.error(
                            s.span.lo,
                            format!(
                                "assignment operation {}= requires single-valued expressions",
                                bop.as_str()
                            ),
                        );
                        return;
                    }
                    let x = self.expr(&lhs[0]);
                    let y = self.expr(&rhs[0]);
                    if x.is_invalid() || y.is_invalid() {
                        return;
                    }
                    let r = self.binary_ops(None, *bop, x.clone(), y, s.span.lo);
                    if r.is_invalid() {
                        return;
                    }
                    if self.check_assignable_lhs(&lhs[0], &x) {
                        let mut r = r;
                        r.expr = Some(&rhs[0]);
                        self.assignment(&mut r, Some(x.ty), "assignment");
                    }
                }
            },
            StmtKind::Go(e) => self.suspended_call("go", e),
            StmtKind::Defer(e) => self.suspended_call("defer", e),
            StmtKind::Return(results) => self.return_stmt(s, results),
            StmtKind::Branch { .. } => {}
            StmtKind::Block(b) => self.block(b),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                self.open_scope(false);
                if let Some(i) = init {
                    self.stmt(i);
                }
                let mut c = self.expr(cond);
                if !c.is_invalid() && !self.is_boolean(c.ty) {
                    self.err_at(cond, "non-boolean condition in if statement");
                } else if self.is_untyped(c.ty) {
                    self.convert_untyped(&mut c, T_BOOL);
                }
                self.block(then);
                if let Some(e) = els {
                    self.stmt(e);
                }
                self.close_scope();
            }
            StmtKind::Switch {
                init, tag, clauses, ..
            } => self.switch_stmt(init.as_deref(), tag.as_ref(), clauses),
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                clauses,
                ..
            } => self.type_switch_stmt(init.as_deref(), bind.as_ref(), x, clauses),
            StmtKind::Select { clauses } => {
                let mut first_default: Option<u32> = None;
                for cl in clauses {
                    if cl.comm.is_none() {
                        self.default_clause(&mut first_default, cl.span.lo);
                    }
                    self.open_scope(false);
                    if let Some(c) = &cl.comm {
                        let ok = match &c.kind {
                            StmtKind::Send { .. } => true,
                            StmtKind::Expr(e) => is_recv(e),
                            StmtKind::Assign { rhs, .. } => rhs.len() == 1 && is_recv(&rhs[0]),
                            _ => false,
                        };
                        if !ok {
                            self.error(
                                c.span.lo,
                                "select case must be send or receive (possibly with assignment)",
                            );
                        } else {
                            self.stmt(c);
                        }
                    }
                    self.stmt_list(&cl.body);
                    self.close_scope();
                }
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                self.open_scope(false);
                if let Some(i) = init {
                    self.stmt(i);
                }
                if let Some(c) = cond {
                    let mut x = self.expr(c);
                    if !x.is_invalid() && !self.is_boolean(x.ty) {
                        self.err_at(c, "non-boolean condition in for statement");
                    } else if self.is_untyped(x.ty) {
                        self.convert_untyped(&mut x, T_BOOL);
                    }
                }
                if let Some(p) = post {
                    if let StmtKind::Assign {
                        op: AssignOp::Define,
                        ..
                    } = p.kind
                    {
                        self.error(p.span.lo, "cannot declare in post statement of for loop");
                    } else {
                        self.stmt(p);
                    }
                }
                self.block(body);
                self.close_scope();
            }
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => self.range_stmt(s, key.as_deref(), value.as_deref(), *define, x, body),
        }
    }

    /// Checks that `e` (already evaluated as `x`) may be assigned to.
    pub(crate) fn check_assignable_lhs(&mut self, e: &'a Expr, x: &Operand<'a>) -> bool {
        match x.mode {
            OpMode::Var | OpMode::MapIndex => true,
            _ => {
                let s = gosrc::expr(e);
                self.err_at(
                    e,
                    format!(
                        "cannot assign to {} (neither addressable nor a map index expression)",
                        s
                    ),
                );
                false
            }
        }
    }

    pub(crate) fn expr_stmt(&mut self, e: &'a Expr) {
        let x = self.raw_expr(e, None);
        let inner = unparen(e);
        let msg = match &x.mode {
            OpMode::Invalid => return,
            OpMode::Builtin(_) => "must be called",
            OpMode::Type => "is not an expression",
            _ => {
                let is_stmt = match &inner.kind {
                    ExprKind::Call { fun, .. } => {
                        if self.info.conversions.contains_key(&inner.id) {
                            false
                        } else if let Some(Mode::Builtin) = self.info.modes.get(&unparen(fun).id) {
                            let name = match &unparen(fun).kind {
                                ExprKind::Ident(id) => id.name.clone(),
                                ExprKind::Selector { sel, .. } => sel.name.clone(),
                                _ => String::new(),
                            };
                            matches!(
                                name.as_str(),
                                "copy"
                                    | "delete"
                                    | "panic"
                                    | "print"
                                    | "println"
                                    | "recover"
                                    | "clear"
                                    | "close"
                            )
                        } else {
                            true
                        }
                    }
                    ExprKind::Unary { op: UnOp::Recv, .. } => true,
                    _ => false,
                };
                if is_stmt {
                    // Untyped results of statement calls get their default types.
                    return;
                }
                "is not used"
            }
        };
        let s = self.op_string(&x);
        self.err_at_op(&x, format!("{} {}", s, msg));
    }

    pub(crate) fn suspended_call(&mut self, kw: &str, e: &'a Expr) {
        // (gc's parser reports the parentheses and drops them; types2 then reports what is
        // inside when it is not a call.)
        let inner = unparen(e);
        if matches!(e.kind, ExprKind::Paren(_)) {
            self.error(
                e.span.lo,
                format!("expression in {kw} must not be parenthesized"),
            );
        }
        if !matches!(inner.kind, ExprKind::Call { .. }) {
            self.raw_expr(e, None);
            self.err_at(inner, format!("expression in {} must be function call", kw));
            return;
        }
        let x = self.raw_expr(e, None);
        if x.is_invalid() {
            return;
        }
        if self.info.conversions.contains_key(&inner.id) {
            self.err_at(e, format!("{} requires function call, not conversion", kw));
            return;
        }
        if let ExprKind::Call { fun, .. } = &inner.kind {
            if let Some(Mode::Builtin) = self.info.modes.get(&unparen(fun).id) {
                let name = match &unparen(fun).kind {
                    ExprKind::Ident(id) => id.name.clone(),
                    _ => String::new(),
                };
                if !matches!(
                    name.as_str(),
                    "copy"
                        | "delete"
                        | "panic"
                        | "print"
                        | "println"
                        | "recover"
                        | "clear"
                        | "close"
                ) {
                    let s = self.op_string(&x);
                    self.err_at(e, format!("{} discards result of {}", kw, s));
                }
            }
        }
    }

    pub(crate) fn return_stmt(&mut self, s: &'a Stmt, results: &'a [Expr]) {
        let Some(fc) = self.funcs.last() else { return };
        let want = fc.results.clone();
        let rvars = fc.result_vars.clone();
        let named = fc.named_results;
        if results.is_empty() && !want.is_empty() && named {
            for &v in &rvars {
                let name = self.obj(v).name.clone();
                if let Some(alt) = self.lookup(&name) {
                    if alt != v {
                        let ap = self.obj(alt).span.lo;
                        self.error(
                            s.span.lo,
                            format!(
                                "result parameter {} not in scope at return\n\t{}: inner declaration of var {} {}",
                                name,
                                crate::errors::pos_marker(ap),
                                name,
                                self.ts(self.obj(alt).ty)
                            ),
                        );
                    }
                }
            }
            return;
        }
        if results.is_empty() && want.is_empty() {
            return;
        }
        // Evaluate the results.
        let mut ops: Vec<Operand<'a>> = Vec::new();
        if results.len() == 1 && want.len() != 1 {
            let x = self.raw_expr(&results[0], None);
            if x.is_invalid() {
                return;
            }
            if let TypeKind::Tuple(ts) = self.tt.kind(x.ty).clone() {
                if x.mode == OpMode::Value {
                    for t in ts {
                        ops.push(Operand {
                            mode: OpMode::Value,
                            ty: t,
                            expr: Some(&results[0]),
                        });
                    }
                }
            } else {
                let x = self.single_value(x);
                if x.is_invalid() {
                    return;
                }
                ops.push(x);
            }
        } else {
            for (i, r) in results.iter().enumerate() {
                let hint = want.get(i).copied();
                let x = self.expr_hint(r, hint);
                if x.is_invalid() {
                    return;
                }
                ops.push(x);
            }
        }
        if ops.len() != want.len() {
            let (at, q) = if ops.len() > want.len() {
                (
                    ops[want.len()]
                        .expr
                        .map(crate::errors::start_pos)
                        .unwrap_or(s.span.lo),
                    "too many",
                )
            } else if !ops.is_empty() {
                (
                    ops[ops.len() - 1]
                        .expr
                        .map(crate::errors::start_pos)
                        .unwrap_or(s.span.lo),
                    "not enough",
                )
            } else {
                (s.span.lo, "not enough")
            };
            let have: Vec<TypeId> = ops.iter().map(|o| o.ty).collect();
            let hs = self.types_summary(&have, false, false);
            let ws = self.types_summary(&want, false, false);
            self.error(
                at,
                format!("{} return values\n\thave {}\n\twant {}", q, hs, ws),
            );
            return;
        }
        for (i, mut x) in ops.into_iter().enumerate() {
            self.assignment(&mut x, Some(want[i]), "return statement");
        }
    }

    pub(crate) fn local_decl(&mut self, d: &'a Decl) {
        match d {
            Decl::Var(gd) => {
                for spec in &gd.specs {
                    let t = spec.ty.as_ref().map(|t| self.type_expr(t));
                    let disp = match (&spec.ty, t) {
                        (Some(e), Some(t)) => self.type_display(e, t),
                        _ => None,
                    };
                    let pkg = self.cur_pkg;
                    let objs: Vec<ObjId> = spec
                        .names
                        .iter()
                        .map(|n| {
                            self.new_obj(
                                &n.name,
                                ObjKind::Var {
                                    global: false,
                                    param: false,
                                    result: false,
                                    field: false,
                                },
                                t.unwrap_or(T_INVALID),
                                n.span,
                                pkg,
                            )
                        })
                        .collect();
                    if let Some(d) = &disp {
                        for &o in &objs {
                            self.var_display.insert(o, d.clone());
                        }
                    }
                    if spec.values.len() == 1 && objs.len() > 1 {
                        self.init_vars(&objs, &spec.values, t.is_some(), None);
                    } else if !spec.values.is_empty() {
                        // 1:1, or a count mismatch reported by `arity` below (types2 does
                        // not check the extra values).
                        for (i, &o) in objs.iter().enumerate() {
                            match spec.values.get(i) {
                                Some(v) => {
                                    let mut x = self.expr_hint(v, t);
                                    self.init_var(o, &mut x, "variable declaration", t.is_some());
                                }
                                None => {
                                    if t.is_none() {
                                        std::sync::Arc::make_mut(&mut self.objs[o.0 as usize]).ty =
                                            T_INVALID;
                                    }
                                }
                            }
                        }
                    }
                    if spec.ty.is_none() || !spec.values.is_empty() {
                        self.arity(spec.span.lo, &spec.names, &spec.values, false, false);
                    }
                    for (i, n) in spec.names.iter().enumerate() {
                        self.declare_local(n, objs[i], true);
                    }
                }
            }
            Decl::Const(gd) => {
                let mut last: Option<&'a ast::ValueSpec> = None;
                for spec in &gd.specs {
                    let (src, inherited) = if spec.implicit && last.is_some() {
                        (last.unwrap_or(spec), true)
                    } else {
                        last = Some(spec);
                        (spec, false)
                    };
                    let mut objs = Vec::new();
                    for (i, n) in spec.names.iter().enumerate() {
                        let pkg = self.cur_pkg;
                        let o = self.new_obj(
                            &n.name,
                            ObjKind::Const(ConstValue::Int(0)),
                            T_INVALID,
                            n.span,
                            pkg,
                        );
                        let saved = self.iota.replace(spec.iota);
                        self.const_decl(o, src.ty.as_ref(), src.values.get(i), spec.span);
                        self.iota = saved;
                        objs.push(o);
                    }
                    self.arity(spec.span.lo, &spec.names, &src.values, true, inherited);
                    for (i, n) in spec.names.iter().enumerate() {
                        self.declare_local(n, objs[i], false);
                    }
                }
            }
            Decl::Type(gd) => {
                for spec in &gd.specs {
                    if !spec.type_params.is_empty() {
                        self.local_generic_type(spec);
                        continue;
                    }
                    if spec.alias {
                        let t = self.type_expr(&spec.ty);
                        let pkg = self.cur_pkg;
                        let o = self.new_obj(
                            &spec.name.name,
                            ObjKind::TypeName,
                            t,
                            spec.name.span,
                            pkg,
                        );
                        self.declare_local(&spec.name, o, false);
                        continue;
                    }
                    self.local_type_count += 1;
                    let path = self.pkg_path();
                    let named = self
                        .tt
                        .new_named(&spec.name.name, &path, self.local_type_count);
                    let pkg = self.cur_pkg;
                    let o = self.new_obj(
                        &spec.name.name,
                        ObjKind::TypeName,
                        named,
                        spec.name.span,
                        pkg,
                    );
                    // The type's scope starts at its name (it may refer to itself).
                    self.declare_local(&spec.name, o, false);
                    self.named_type_decl(named, &spec.ty);
                }
            }
            Decl::Func(_) => {}
        }
    }

    /// A generic type declared in a function.
    fn local_generic_type(&mut self, spec: &'a gosub_syntax::ast::TypeSpec) {
        let named = if spec.alias {
            T_INVALID
        } else {
            self.local_type_count += 1;
            let path = self.pkg_path();
            self.tt
                .new_named(&spec.name.name, &path, self.local_type_count)
        };
        let pkg = self.cur_pkg;
        let o = self.new_obj(
            &spec.name.name,
            ObjKind::TypeName,
            named,
            spec.name.span,
            pkg,
        );
        self.declare_local(&spec.name, o, false);
        self.generic_type_decl(o, spec);
    }

    // ---- terminating statements ----
}

pub(crate) fn is_recv(e: &Expr) -> bool {
    matches!(unparen(e).kind, ExprKind::Unary { op: UnOp::Recv, .. })
}
