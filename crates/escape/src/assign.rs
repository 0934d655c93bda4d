//! Assignments (gc's assign.go): where a stored value goes, and which variables are
//! reassigned.
//! - `x = e`, `x := e`: `e` flows to the hole of `x` (`addr`): a local's location; a global,
//!   a store through a pointer or into a slice element: the heap (the pointer or slice is
//!   mutated); a map entry: the heap, the key too; a field of a struct value or an element
//!   of an array: the hole of the struct or array;
//! - `a, b = f()`: each result flows to its destination; comma-ok forms
//!   (`v, ok = m[k]`, `x.(T)`, `<-ch`): the value flows to the first;
//! - a self-assignment (`x.f = x.g`, `a[i] = a[j]`, `p.buf = p.buf[lo:hi]`) flows nowhere
//!   (gc's isSelfAssign);
//! - every destination but a variable at its own definition is marked reassigned (a closure
//!   captures a never-reassigned small variable by value).

use crate::build::*;
use crate::graph::*;
use gosub_syntax::ast::{unparen, AssignOp, Expr, ExprKind, Stmt, StmtKind};
use gosub_types::{Program, Selection, TypeKind};

impl<'a, 'c> Builder<'a, 'c> {
    /// `lhs op rhs`: each value flows to its destination's hole.
    pub(crate) fn assign(&mut self, s: &'a Stmt, lhs: &'a [Expr], op: AssignOp, rhs: &'a [Expr]) {
        let mut ks = Vec::new();
        let mut dts = Vec::new();
        for x in lhs {
            let k = match (&x.kind, op) {
                (ExprKind::Ident(id), AssignOp::Define) if id.name != "_" => match self.def_obj(id)
                {
                    Some(o) => self.dcl(o),
                    None => self.addr(x),
                },
                _ => self.addr(x),
            };
            dts.push(self.ty(x));
            ks.push(k);
        }
        if let ([r0], [k0, _, ..], [dt0, ..]) = (rhs, ks.as_slice(), dts.as_slice()) {
            let r = unparen(r0);
            if let ExprKind::Call { .. } = r.kind {
                if !self.p().info.conversions.contains_key(&r.id) {
                    self.multi(ks.clone(), r0, s);
                    self.reassigned(&ks, Some((s, lhs)));
                    return;
                }
            }
            // Comma-ok forms: the value flows to the first destination.
            let k = self.note_stmt(k0.clone(), s, "assign-pair");
            self.expr_conv(k, r0, *dt0);
            self.reassigned(&ks, Some((s, lhs)));
            return;
        }
        for (i, r) in rhs.iter().enumerate() {
            let mut k = ks.get(i).cloned().unwrap_or(self.blank());
            if let Some(x) = lhs.get(i) {
                if is_self_assign(self.p(), x, r) {
                    let p = self.p();
                    let msg = format!(
                        "{} ignoring self-assignment in {}",
                        self.fn_name(self.cur),
                        crate::diag::fmt_stmt(p, s)
                    );
                    self.walk_lines.push((s.span.lo, msg, self.cur));
                    k = self.blank();
                }
            }
            let k = self.note_stmt(k, s, "assign");
            let dt = if matches!(op, AssignOp::Op(_)) {
                None
            } else {
                dts.get(i).copied().flatten()
            };
            self.expr_conv(k, r, dt);
        }
        self.reassigned(&ks, Some((s, lhs)));
    }

    /// Marks destinations as reassigned (for capture-by-value decisions), except a variable
    /// at its own definition.
    pub(crate) fn reassigned(&mut self, ks: &[Hole], at: Option<(&Stmt, &[Expr])>) {
        for (i, k) in ks.iter().enumerate() {
            if k.dst < 3 {
                continue;
            }
            if let Some((s, lhs)) = at {
                if let StmtKind::Assign {
                    op: AssignOp::Define,
                    ..
                } = s.kind
                {
                    if let Some(ExprKind::Ident(id)) = lhs.get(i).map(|e| &e.kind) {
                        if self.def_obj(id).is_some() {
                            continue;
                        }
                    }
                }
            }
            self.g.locs[k.dst].reassigned = true;
        }
    }

    /// A multi-value call (or comma-ok expression) assigned to several destinations.
    pub(crate) fn multi(&mut self, ks: Vec<Hole>, e: &'a Expr, s: &Stmt) {
        let r = unparen(e);
        if let ExprKind::Call { .. } = r.kind {
            if !self.p().info.conversions.contains_key(&r.id) {
                let ks: Vec<Hole> = ks
                    .into_iter()
                    .map(|k| self.note_stmt(k, s, "assign-pair-func-call"))
                    .collect();
                self.call(Some(ks), r);
                return;
            }
        }
        let k = ks.into_iter().next().unwrap_or(Hole::to(BLANK));
        self.expr(k, e);
    }

    /// The hole for assigning to `x` (gc's `addr`).
    pub(crate) fn addr(&mut self, x: &'a Expr) -> Hole {
        match &x.kind {
            ExprKind::Paren(i) => self.addr(i),
            ExprKind::Ident(id) => {
                if id.name == "_" {
                    return self.blank();
                }
                match self
                    .p()
                    .info
                    .uses
                    .get(&id.id)
                    .or(self.p().info.defs.get(&id.id))
                {
                    Some(&o) if self.is_local(o) => Hole::to(self.var(o)),
                    _ => self.heap(),
                }
            }
            ExprKind::Selector { x: base, .. } => match self.p().info.selections.get(&x.id) {
                Some(Selection::Field { path, .. }) => {
                    // Through a pointer anywhere along the path: a store into memory.
                    if self.path_has_ptr(base, path) {
                        self.mutate(base);
                        self.heap()
                    } else {
                        self.addr(base)
                    }
                }
                Some(Selection::Qualified(_)) => self.heap(),
                _ => {
                    self.discard(base);
                    self.heap()
                }
            },
            ExprKind::Index { x: base, index } => {
                let bt = self.ty(base).map(|t| self.p().types.under(t).clone());
                match bt {
                    Some(TypeKind::Array(..)) => {
                        self.discard(index);
                        self.addr(base)
                    }
                    Some(TypeKind::Map(kt, _)) => {
                        self.discard(base);
                        let k = self.note_e(self.heap(), x, "key of map put");
                        self.expr_conv(k, index, Some(kt));
                        self.heap()
                    }
                    _ => {
                        self.discard(index);
                        self.mutate(base);
                        self.heap()
                    }
                }
            }
            ExprKind::Star(p) => {
                self.mutate(p);
                self.heap()
            }
            _ => {
                self.discard(x);
                self.heap()
            }
        }
    }

    /// Does the field path starting at `base` go through a pointer?
    pub(crate) fn path_has_ptr(&self, base: &Expr, path: &[usize]) -> bool {
        let Some(mut t) = self.ty(base) else {
            return true;
        };
        for &fi in path {
            match self.p().types.under(t).clone() {
                TypeKind::Pointer(inner) => {
                    return {
                        let _ = inner;
                        true
                    }
                }
                TypeKind::Struct(fs) => match fs.get(fi) {
                    Some(f) => t = f.ty,
                    None => return true,
                },
                _ => return true,
            }
        }
        false
    }
}

/// gc's isSelfAssign: `x.f = x.g`, `a[i] = a[j]` with the same safe base, and
/// `p.buf = p.buf[lo:hi]`.
fn is_self_assign(p: &Program, dst: &Expr, src: &Expr) -> bool {
    let (dst, src) = (unparen(dst), unparen(src));
    match (&dst.kind, &src.kind) {
        (ExprKind::Selector { x: dx, .. }, ExprKind::SliceExpr { x: sx, .. }) => {
            // dst = *name.f / name.f through a pointer; src = (name.f)[...]
            if let ExprKind::Selector { x: bx, .. } = &unparen(sx).kind {
                let is_ptr = |e: &Expr| {
                    p.info
                        .types
                        .get(&e.id)
                        .is_some_and(|&t| matches!(p.types.under(t), TypeKind::Pointer(_)))
                };
                same_name(p, dx, bx) && is_ptr(dx)
            } else {
                false
            }
        }
        (ExprKind::Selector { x: dx, .. }, ExprKind::Selector { x: sx, .. }) => {
            matches!(
                p.info.selections.get(&dst.id),
                Some(Selection::Field { .. })
            ) && matches!(
                p.info.selections.get(&src.id),
                Some(Selection::Field { .. })
            ) && same_safe(p, dx, sx)
        }
        (ExprKind::Index { x: dx, index: di }, ExprKind::Index { x: sx, index: si }) => {
            safe_index(di) && safe_index(si) && same_safe(p, dx, sx)
        }
        _ => false,
    }
}

fn safe_index(e: &Expr) -> bool {
    match &unparen(e).kind {
        ExprKind::Ident(_) | ExprKind::IntLit(_) => true,
        ExprKind::Binary { x, y, .. } => safe_index(x) && safe_index(y),
        _ => false,
    }
}

fn same_name(p: &Program, a: &Expr, b: &Expr) -> bool {
    match (&unparen(a).kind, &unparen(b).kind) {
        (ExprKind::Ident(x), ExprKind::Ident(y)) => {
            p.info.uses.contains_key(&x.id) && p.info.uses.get(&x.id) == p.info.uses.get(&y.id)
        }
        _ => false,
    }
}

fn same_safe(p: &Program, a: &Expr, b: &Expr) -> bool {
    let (a, b) = (unparen(a), unparen(b));
    match (&a.kind, &b.kind) {
        (ExprKind::Ident(_), ExprKind::Ident(_)) => same_name(p, a, b),
        (ExprKind::Selector { x: ax, sel: asel }, ExprKind::Selector { x: bx, sel: bsel }) => {
            asel.name == bsel.name && same_safe(p, ax, bx)
        }
        (ExprKind::Star(ax), ExprKind::Star(bx)) => same_safe(p, ax, bx),
        (ExprKind::Index { x: ax, index: ai }, ExprKind::Index { x: bx, index: bi }) => {
            same_safe(p, ax, bx) && same_safe(p, ai, bi)
        }
        (ExprKind::IntLit(x), ExprKind::IntLit(y)) => x == y,
        _ => false,
    }
}
