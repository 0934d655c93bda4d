//! Assignability, assignments, variable initialization, `:=`.

use crate::check::{Checker, OpMode, Operand};
use crate::constant::ReprErr;
use crate::errors::{measure, start_pos};
use crate::*;
use gosub_syntax::ast::unparen;
use gosub_syntax::ast::{Expr, ExprKind};
use gosub_syntax::gosrc;

impl<'a> Checker<'a> {
    /// Whether x is assignable to T; on failure, a cause (possibly empty).
    pub(crate) fn assignable_to(&mut self, x: &Operand<'a>, t: TypeId) -> (bool, String) {
        let v = x.ty;
        if v == t || v == T_INVALID || t == T_INVALID {
            return (true, String::new());
        }
        let (vu, tu) = (self.tt.underlying(v), self.tt.underlying(t));
        if self.is_untyped(v) {
            if let TypeKind::Basic(tb) = self.tt.kind(tu).clone() {
                if x.is_nil() {
                    return (tb == BasicKind::UnsafePointer, String::new());
                }
                if let Some(val) = x.val() {
                    let from = self.bkind(v).unwrap_or(BasicKind::Invalid);
                    return (
                        crate::constant::represent(val, from, tb).is_ok(),
                        String::new(),
                    );
                }
                let ok = match v {
                    T_UNTYPED_BOOL => self.is_boolean(tu),
                    T_UNTYPED_STRING => self.is_string(tu),
                    _ => self.is_numeric(tu),
                };
                return (ok, String::new());
            }
            if x.is_nil() {
                return (self.has_nil(t), String::new());
            }
        }
        if vu == tu && (!self.is_named(v) || !self.is_named(t)) {
            return (true, String::new());
        }
        if self.is_interface(t) {
            if self.is_untyped(v) {
                let dt = self.default_type(v);
                return match self.implements(dt, t) {
                    Ok(()) => (true, String::new()),
                    Err(c) => (
                        false,
                        format!("{} does not implement {} {}", self.ts(dt), self.ts(t), c),
                    ),
                };
            }
            return match self.implements(v, t) {
                Ok(()) => (true, String::new()),
                Err(c) => (
                    false,
                    format!("{} does not implement {} {}", self.ts(v), self.ts(t), c),
                ),
            };
        }
        if self.is_interface(v)
            && !matches!(self.tt.kind(t), TypeKind::Basic(BasicKind::UntypedNil))
        {
            if self.implements(t, v).is_ok() {
                return (false, "need type assertion".into());
            }
            return (false, String::new());
        }
        if let (TypeKind::Chan(ChanDir::Both, ve), TypeKind::Chan(_, te)) =
            (self.tt.kind(vu).clone(), self.tt.kind(tu).clone())
        {
            if ve == te && (!self.is_named(v) || !self.is_named(t)) {
                return (true, String::new());
            }
        }
        (false, String::new())
    }

    /// Checks that x can be assigned to a variable of type T (None: the blank identifier),
    /// converting untyped values. x becomes invalid on error.
    pub(crate) fn assignment(&mut self, x: &mut Operand<'a>, t: Option<TypeId>, context: &str) {
        match x.mode {
            OpMode::Invalid => return,
            OpMode::Const(_) | OpMode::Var | OpMode::MapIndex | OpMode::Value | OpMode::CommaOk => {
            }
            _ => {
                let s = self.op_string(x);
                let ts = t.map(|t| self.ts(t)).unwrap_or_default();
                self.err_at_op(x, format!("cannot assign {} to {} in {}", s, ts, context));
                x.mode = OpMode::Invalid;
                return;
            }
        }
        if let TypeKind::Tuple(ts) = self.tt.kind(x.ty) {
            if ts.len() != 1 {
                let s = self.op_string(x);
                self.err_at_op(x, format!("multiple-value {} in single-value context", s));
                x.mode = OpMode::Invalid;
                return;
            }
        }
        if x.expr.is_some_and(|e| self.generic_func_ref(e).is_some()) {
            // A generic function assigned to a function type: instantiated with the type
            // arguments the target's signature gives (Go 1.21).
            // (Not in composite literal elements: gc infers only for assignments, calls and
            // returns.)
            let t = t.filter(|_| !context.ends_with(" literal"));
            if !self.instantiate_for_target(x, t) {
                x.mode = OpMode::Invalid;
                return;
            }
        }
        if self.is_untyped(x.ty) {
            let mut target = t;
            if x.is_nil() {
                if t.is_none() {
                    self.err_at_op(x, format!("use of untyped nil in {}", context));
                    x.mode = OpMode::Invalid;
                    return;
                }
            } else if t.is_none_or(|t| self.is_interface(t)) {
                target = Some(self.default_type(x.ty));
            }
            let target = target.unwrap_or(T_INVALID);
            match self.implicit_type_and_value(x, target) {
                Err(code) => {
                    let s = self.op_string(x);
                    let mut msg = format!(
                        "cannot use {} as {} value in {}",
                        s,
                        self.target_ts(target),
                        context
                    );
                    match code {
                        ReprErr::Truncated => msg.push_str(" (truncated)"),
                        ReprErr::Overflow => msg.push_str(" (overflows)"),
                        ReprErr::Invalid => {}
                    }
                    self.err_at_op(x, msg);
                    x.mode = OpMode::Invalid;
                    return;
                }
                Ok((nt, val)) => {
                    if let Some(v) = val {
                        x.mode = OpMode::Const(v.clone());
                        if let Some(e) = x.expr {
                            if let Some(u) = self.untyped.get_mut(&e.id) {
                                u.val = Some(v);
                            }
                        }
                    }
                    if nt != x.ty {
                        x.ty = nt;
                        if let Some(e) = x.expr {
                            self.update_expr_type(e, nt, false);
                        }
                    }
                }
            }
        }
        let Some(t) = t else { return };
        let (ok, cause) = self.assignable_to(x, t);
        if !ok {
            let s = self.op_string(x);
            let msg = if cause.is_empty() {
                format!(
                    "cannot use {} as {} value in {}",
                    s,
                    self.target_ts(t),
                    context
                )
            } else {
                format!(
                    "cannot use {} as {} value in {}: {}",
                    s,
                    self.target_ts(t),
                    context,
                    cause
                )
            };
            self.err_at_op(x, msg);
            x.mode = OpMode::Invalid;
        }
    }

    pub(crate) fn assign_error(&mut self, rhs: &'a [Expr], l: usize, r: usize) {
        let vars = measure(l, "variable");
        let vals = measure(r, "value");
        let Some(rhs0) = rhs.first() else { return };
        if rhs.len() == 1 {
            if let ExprKind::Call { fun, .. } = &unparen(rhs0).kind {
                self.err_at(
                    rhs0,
                    format!(
                        "assignment mismatch: {} but {} returns {}",
                        vars,
                        gosrc::expr(fun),
                        vals
                    ),
                );
                return;
            }
        }
        self.err_at(rhs0, format!("assignment mismatch: {} but {}", vars, vals));
    }

    /// Evaluates the rhs of an n:1 assignment: a multi-value call or comma-ok expression.
    /// Returns the operands (one per value) or None after reporting a mismatch.
    pub(crate) fn multi_rhs(&mut self, lhs_n: usize, rhs: &'a [Expr]) -> Option<Vec<Operand<'a>>> {
        let e = &rhs[0];
        let x = self.raw_expr(e, None);
        if x.is_invalid() {
            return None;
        }
        if let TypeKind::Tuple(ts) = self.tt.kind(x.ty).clone() {
            if ts.len() == lhs_n {
                return Some(
                    ts.iter()
                        .map(|&t| Operand {
                            mode: OpMode::Value,
                            ty: t,
                            expr: Some(e),
                        })
                        .collect(),
                );
            }
            self.assign_error(rhs, lhs_n, ts.len());
            return None;
        }
        if lhs_n == 2 && matches!(x.mode, OpMode::CommaOk | OpMode::MapIndex) {
            // Record the comma-ok form: a 2-tuple (T, untyped bool → bool).
            let tup = self.tt.tuple(vec![x.ty, T_BOOL]);
            self.info.types.insert(e.id, tup);
            self.info.modes.insert(e.id, Mode::CommaOk);
            let inner = unparen(e);
            if inner.id != e.id {
                self.info.types.insert(inner.id, tup);
                self.info.modes.insert(inner.id, Mode::CommaOk);
            }
            return Some(vec![
                Operand {
                    mode: OpMode::Value,
                    ty: x.ty,
                    expr: Some(e),
                },
                Operand {
                    mode: OpMode::Value,
                    ty: T_UNTYPED_BOOL,
                    expr: None,
                },
            ]);
        }
        let x = self.single_value(x);
        if x.is_invalid() {
            return None;
        }
        self.assign_error(rhs, lhs_n, 1);
        None
    }

    /// For `x := f()` / `x = f()`: a single call on the right with a result count other
    /// than one is an assignment mismatch (not a single-value-context error).
    pub(crate) fn single_call_rhs(&mut self, rhs: &'a [Expr]) -> Option<Operand<'a>> {
        let e = &rhs[0];
        if !matches!(unparen(e).kind, ExprKind::Call { .. }) {
            return Some(self.expr(e));
        }
        let x = self.raw_expr(e, None);
        if x.is_invalid() {
            return None;
        }
        if let TypeKind::Tuple(ts) = self.tt.kind(x.ty).clone() {
            if ts.len() != 1 && x.mode == OpMode::Value {
                self.assign_error(rhs, 1, ts.len());
                return None;
            }
        }
        if x.mode == OpMode::NoValue {
            self.assign_error(rhs, 1, 0);
            return None;
        }
        Some(self.single_value(x))
    }

    /// Initializes variables `lhs` (whose types are set if `typed`) from `rhs`.
    /// `ret` is the return statement's position for return-count errors.
    pub(crate) fn init_vars(
        &mut self,
        lhs: &[ObjId],
        rhs: &'a [Expr],
        typed: bool,
        _ret: Option<u32>,
    ) {
        let (l, r) = (lhs.len(), rhs.len());
        let context = "assignment";
        if l == 1 && r == 1 {
            match self.single_call_rhs(rhs) {
                Some(mut x) => self.init_var(lhs[0], &mut x, context, typed),
                None => self.invalidate(lhs, typed),
            }
            return;
        }
        if l == r {
            for (i, e) in rhs.iter().enumerate() {
                let mut x = self.expr(e);
                self.init_var(lhs[i], &mut x, context, typed);
            }
            return;
        }
        if r != 1 {
            for e in rhs {
                self.raw_expr(e, None);
            }
            if !typed {
                for &v in lhs {
                    if self.obj(v).ty == T_INVALID {
                        std::sync::Arc::make_mut(&mut self.objs[v.0 as usize]).ty = T_INVALID;
                    }
                }
            }
            self.assign_error(rhs, l, r);
            self.invalidate(lhs, typed);
            return;
        }
        match self.multi_rhs(l, rhs) {
            Some(xs) => {
                for (i, mut x) in xs.into_iter().enumerate() {
                    if x.expr.is_none() {
                        // the comma-ok bool
                        if !typed {
                            std::sync::Arc::make_mut(&mut self.objs[lhs[i].0 as usize]).ty = T_BOOL;
                        } else {
                            self.assignment(&mut x, Some(self.obj(lhs[i]).ty), context);
                        }
                        continue;
                    }
                    self.init_var(lhs[i], &mut x, context, typed);
                }
            }
            None => self.invalidate(lhs, typed),
        }
    }

    fn invalidate(&mut self, lhs: &[ObjId], typed: bool) {
        if !typed {
            for &v in lhs {
                std::sync::Arc::make_mut(&mut self.objs[v.0 as usize]).ty = T_INVALID;
            }
        }
    }

    /// Checks the lhs of an assignment `lhs = x`; returns its type (None for `_`).
    pub(crate) fn lhs_var(&mut self, e: &'a Expr) -> Option<Option<TypeId>> {
        let inner = unparen(e);
        if let ExprKind::Ident(id) = &inner.kind {
            if id.name == "_" {
                self.info.defs.remove(&id.id);
                self.record_final(e.id, Mode::Variable, T_INVALID, None);
                self.info.types.remove(&e.id);
                return Some(None);
            }
            // Assignments to a local variable don't count as uses.
            if let Some(o) = self.lookup(&id.name) {
                if let ObjKind::Var { global: false, .. } = self.obj(o).kind {
                    let was_used = self.used.contains(&o);
                    let x = self.expr(e);
                    if !was_used {
                        self.used.remove(&o);
                    }
                    if x.is_invalid() {
                        return None;
                    }
                    return Some(Some(x.ty));
                }
            }
        }
        let x = self.expr(e);
        if x.is_invalid() {
            return None;
        }
        match x.mode {
            OpMode::Var | OpMode::MapIndex => Some(Some(x.ty)),
            _ => {
                if let ExprKind::Selector { x: sx, .. } = &inner.kind {
                    if let Some(Selection::Field { .. }) = self.info.selections.get(&inner.id) {
                        let xo_mode = self.info.modes.get(&sx.id).copied();
                        if xo_mode == Some(Mode::MapIndex) {
                            let s = gosrc::expr(e);
                            self.err_at(e, format!("cannot assign to struct field {} in map", s));
                            return None;
                        }
                    }
                }
                let what = format!(
                    "cannot assign to {} (neither addressable nor a map index expression)",
                    gosrc::expr(e)
                );
                self.error(start_pos(e), what);
                None
            }
        }
    }

    /// `lhs... = rhs...`
    /// The spelling of a variable's declared type, for an identifier on the left of `=`.
    fn lhs_display(&self, le: &Expr, t: Option<TypeId>) -> Option<(TypeId, String)> {
        let t = t?;
        let ExprKind::Ident(id) = &unparen(le).kind else {
            return None;
        };
        let o = self.info.uses.get(&id.id)?;
        let (s, _) = self.var_display.get(o)?;
        Some((t, s.clone()))
    }

    pub(crate) fn assign_vars(&mut self, lhs: &'a [Expr], rhs: &'a [Expr]) {
        let (l, r) = (lhs.len(), rhs.len());
        if l == 1 && r == 1 && matches!(unparen(&rhs[0]).kind, ExprKind::Call { .. }) {
            let t = self.lhs_var(&lhs[0]);
            if let Some(mut x) = self.single_call_rhs(rhs) {
                if let Some(t) = t {
                    self.assignment(&mut x, t, "assignment");
                }
            }
            return;
        }
        if l == r {
            for (le, re) in lhs.iter().zip(rhs) {
                let t = self.lhs_var(le);
                let mut x = self.expr_hint(re, t.flatten());
                match t {
                    Some(t) => {
                        self.target_display = self.lhs_display(le, t);
                        self.assignment(&mut x, t, "assignment");
                        self.target_display = None;
                    }
                    None => {}
                }
            }
            return;
        }
        let lts: Vec<Option<Option<TypeId>>> = lhs.iter().map(|e| self.lhs_var(e)).collect();
        if r != 1 {
            for e in rhs {
                self.raw_expr(e, None);
            }
            self.assign_error(rhs, l, r);
            return;
        }
        if let Some(xs) = self.multi_rhs(l, rhs) {
            for (i, mut x) in xs.into_iter().enumerate() {
                if let Some(Some(t)) = lts.get(i) {
                    let t = *t;
                    self.assignment(&mut x, t, "assignment");
                }
            }
        }
    }

    /// `lhs... := rhs...`
    pub(crate) fn short_var_decl(&mut self, pos: u32, lhs: &'a [Expr], rhs: &'a [Expr]) {
        let mut new_vars: Vec<(ObjId, &'a Ident)> = Vec::new();
        let mut objs: Vec<ObjId> = Vec::new();
        let mut typed: Vec<bool> = Vec::new();
        let mut any_new = false;
        let mut seen: HashSet<String> = HashSet::new();
        for e in lhs {
            let ExprKind::Ident(id) = &e.kind else {
                let s = gosrc::expr(e);
                self.err_at(e, format!("non-name {} on left side of :=", s));
                self.expr(e);
                let o = self.new_obj(
                    "_",
                    ObjKind::Var {
                        global: false,
                        param: false,
                        result: false,
                        field: false,
                    },
                    T_INVALID,
                    e.span,
                    self.cur_pkg,
                );
                objs.push(o);
                typed.push(true);
                continue;
            };
            if id.name != "_" && !seen.insert(id.name.clone()) {
                self.error(
                    id.span.lo,
                    format!("{} repeated on left side of :=", id.name),
                );
            }
            let existing = if id.name == "_" {
                None
            } else {
                self.scopes
                    .last()
                    .and_then(|s| s.names.get(&id.name))
                    .copied()
                    // An earlier input's variable is redeclared, not assigned.
                    .filter(|&o| !(self.at_session_top() && self.replaces(o)))
            };
            if let Some(o) = existing {
                self.info.uses.insert(id.id, o);
                objs.push(o);
                typed.push(true);
                continue;
            }
            let pkg = self.cur_pkg;
            let o = self.new_obj(
                &id.name,
                ObjKind::Var {
                    global: false,
                    param: false,
                    result: false,
                    field: false,
                },
                T_INVALID,
                id.span,
                pkg,
            );
            if id.name != "_" {
                any_new = true;
            }
            new_vars.push((o, id));
            objs.push(o);
            typed.push(false);
        }
        // Check the rhs with the new variables not yet in scope.
        let (l, r) = (objs.len(), rhs.len());
        if l == 1 && r == 1 {
            match self.single_call_rhs(rhs) {
                Some(mut x) => self.init_var(objs[0], &mut x, "assignment", typed[0]),
                None => {
                    for (o, _) in &new_vars {
                        std::sync::Arc::make_mut(&mut self.objs[o.0 as usize]).ty = T_INVALID;
                    }
                }
            }
        } else if l == r {
            for (i, e) in rhs.iter().enumerate() {
                let mut x = self.expr(e);
                let o = objs[i];
                self.init_var(o, &mut x, "assignment", typed[i]);
            }
        } else if r == 1 {
            match self.multi_rhs(l, rhs) {
                Some(xs) => {
                    for (i, mut x) in xs.into_iter().enumerate() {
                        let o = objs[i];
                        if x.expr.is_none() {
                            if !typed[i] {
                                std::sync::Arc::make_mut(&mut self.objs[o.0 as usize]).ty = T_BOOL;
                            }
                            continue;
                        }
                        self.init_var(o, &mut x, "assignment", typed[i]);
                    }
                }
                None => {
                    for (o, _) in &new_vars {
                        std::sync::Arc::make_mut(&mut self.objs[o.0 as usize]).ty = T_INVALID;
                    }
                }
            }
        } else {
            for e in rhs {
                self.raw_expr(e, None);
            }
            self.assign_error(rhs, l, r);
        }
        // Record the lhs identifiers' types (as for ordinary assignments).
        for (i, e) in lhs.iter().enumerate() {
            let t = self.obj(objs[i]).ty;
            if t != T_INVALID {
                self.record_final(e.id, Mode::Variable, t, None);
            }
        }
        for (o, id) in new_vars {
            self.declare_local(id, o, true);
        }
        if !any_new {
            self.error(pos, "no new variables on left side of :=");
        }
    }
}
