//! Terminating statements (the spec's "Terminating statements"; types2's return.go): what
//! makes a function body end without `missing return`.

use crate::check::Checker;
use crate::*;
use gosub_syntax::ast::unparen;
use gosub_syntax::ast::{BranchKind, ExprKind, Stmt, StmtKind};

impl<'a> Checker<'a> {
    pub(crate) fn is_terminating_list(&self, stmts: &[Stmt], label: &str) -> bool {
        // Trailing empty statements are permitted.
        let mut i = stmts.len();
        while i > 0 && matches!(stmts[i - 1].kind, StmtKind::Empty) {
            i -= 1;
        }
        i > 0 && self.is_terminating(&stmts[i - 1], label)
    }

    pub(crate) fn is_terminating(&self, s: &Stmt, label: &str) -> bool {
        match &s.kind {
            StmtKind::Return(_) => true,
            StmtKind::Branch {
                kind: BranchKind::Goto | BranchKind::Fallthrough,
                ..
            } => true,
            StmtKind::Expr(e) => {
                if let ExprKind::Call { fun, .. } = &unparen(e).kind {
                    if let ExprKind::Ident(id) = &unparen(fun).kind {
                        if id.name == "panic" {
                            if let Some(&o) = self.info.uses.get(&id.id) {
                                return matches!(
                                    self.obj(o).kind,
                                    ObjKind::Builtin(Builtin::Panic)
                                );
                            }
                        }
                    }
                }
                false
            }
            StmtKind::Labeled { label: l, stmt } => self.is_terminating(stmt, &l.name),
            StmtKind::Block(b) => self.is_terminating_list(&b.stmts, ""),
            StmtKind::If { then, els, .. } => {
                els.as_ref().is_some_and(|e| self.is_terminating(e, ""))
                    && self.is_terminating_list(&then.stmts, "")
            }
            StmtKind::Switch { clauses, .. } | StmtKind::TypeSwitch { clauses, .. } => {
                let has_default = clauses.iter().any(|c| c.exprs.is_none());
                has_default
                    && clauses.iter().all(|c| {
                        !has_break_list(&c.body, label, true)
                            && self.is_terminating_list(&c.body, "")
                    })
            }
            StmtKind::Select { clauses } => clauses.iter().all(|c| {
                !has_break_list(&c.body, label, true) && self.is_terminating_list(&c.body, "")
            }),
            StmtKind::For {
                cond: None, body, ..
            } => !has_break_list(&body.stmts, label, true),
            _ => false,
        }
    }
}

/// Whether the statements contain a break referring to the enclosing statement
/// (unlabeled at this level, or labeled with `label`).
pub(crate) fn has_break_list(stmts: &[Stmt], label: &str, implicit: bool) -> bool {
    stmts.iter().any(|s| has_break(s, label, implicit))
}

pub(crate) fn has_break(s: &Stmt, label: &str, implicit: bool) -> bool {
    match &s.kind {
        StmtKind::Branch {
            kind: BranchKind::Break,
            label: l,
        } => match l {
            None => implicit,
            Some(l) => l.name == label,
        },
        StmtKind::Labeled { stmt, .. } => has_break(stmt, label, implicit),
        StmtKind::Block(b) => has_break_list(&b.stmts, label, implicit),
        StmtKind::If { then, els, .. } => {
            has_break_list(&then.stmts, label, implicit)
                || els.as_ref().is_some_and(|e| has_break(e, label, implicit))
        }
        StmtKind::Switch { clauses, .. } | StmtKind::TypeSwitch { clauses, .. } => {
            !label.is_empty()
                && clauses
                    .iter()
                    .any(|c| has_break_list(&c.body, label, false))
        }
        StmtKind::Select { clauses } => {
            !label.is_empty()
                && clauses
                    .iter()
                    .any(|c| has_break_list(&c.body, label, false))
        }
        StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
            !label.is_empty() && has_break_list(&body.stmts, label, false)
        }
        _ => false,
    }
}
