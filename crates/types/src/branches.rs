//! Branch statements and labels, checked per function body as gc's syntax package does
//! (`break is not in a loop, switch, or select`, `label L defined and not used`, ...).

use crate::check::Checker;
use crate::errors::pos_marker;
use crate::*;
use gosub_syntax::ast::{Block, BranchKind, Stmt, StmtKind};

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Loop,
    Switch,
    TypeSwitch,
    Select,
    Other,
}

struct Label {
    pos: u32,
    used: bool,
}

#[derive(Clone)]
struct Ctx {
    breaks: bool,
    continues: bool,
    /// Innermost switch: (is type switch, this statement is the last of case i of n).
    fallthrough_ok: bool,
    final_case: bool,
    in_type_switch: bool,
}

impl<'a> Checker<'a> {
    pub(crate) fn check_branches(&mut self, body: &Block) {
        let mut labels: HashMap<String, Label> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        collect_labels(&body.stmts, &mut labels, &mut order, self);
        let ctx = Ctx {
            breaks: false,
            continues: false,
            fallthrough_ok: false,
            final_case: false,
            in_type_switch: false,
        };
        let mut encl: Vec<(String, Kind)> = Vec::new();
        self.branch_block(&body.stmts, &ctx, &mut encl, &mut labels);
        for name in order {
            if let Some(l) = labels.get(&name) {
                if !l.used {
                    self.error(l.pos, format!("label {} defined and not used", name));
                }
            }
        }
    }

    fn branch_block(
        &mut self,
        stmts: &[Stmt],
        ctx: &Ctx,
        encl: &mut Vec<(String, Kind)>,
        labels: &mut HashMap<String, Label>,
    ) {
        let n = stmts.len();
        for (i, s) in stmts.iter().enumerate() {
            let mut c = ctx.clone();
            if i + 1 != n {
                c.fallthrough_ok = false;
                c.final_case = false;
            }
            self.branch_stmt(s, &c, encl, labels, None);
        }
    }

    fn branch_stmt(
        &mut self,
        s: &Stmt,
        ctx: &Ctx,
        encl: &mut Vec<(String, Kind)>,
        labels: &mut HashMap<String, Label>,
        label: Option<&str>,
    ) {
        let inner = Ctx {
            fallthrough_ok: false,
            final_case: false,
            ..ctx.clone()
        };
        let push = |encl: &mut Vec<(String, Kind)>, k: Kind| {
            encl.push((label.unwrap_or("").to_string(), k));
        };
        match &s.kind {
            StmtKind::Labeled { label: l, stmt } => {
                self.branch_stmt(stmt, ctx, encl, labels, Some(&l.name));
            }
            StmtKind::Branch {
                kind,
                label: target,
            } => match (kind, target) {
                (BranchKind::Break, None) => {
                    if !ctx.breaks {
                        self.error(s.span.lo, "break is not in a loop, switch, or select");
                    }
                }
                (BranchKind::Continue, None) => {
                    if !ctx.continues {
                        self.error(s.span.lo, "continue is not in a loop");
                    }
                }
                (BranchKind::Fallthrough, _) => {
                    if !ctx.fallthrough_ok {
                        let msg = if ctx.in_type_switch {
                            "cannot fallthrough in type switch"
                        } else if ctx.final_case {
                            "cannot fallthrough final case in switch"
                        } else {
                            "fallthrough statement out of place"
                        };
                        self.error(s.span.lo, msg);
                    }
                }
                (BranchKind::Goto, Some(t)) => match labels.get_mut(&t.name) {
                    Some(l) => l.used = true,
                    None => self.error(t.span.lo, format!("label {} not defined", t.name)),
                },
                (BranchKind::Break, Some(t)) | (BranchKind::Continue, Some(t)) => {
                    let is_break = *kind == BranchKind::Break;
                    let found = encl
                        .iter()
                        .rev()
                        .find(|(n, _)| *n == t.name)
                        .map(|(_, k)| *k);
                    match found {
                        Some(k) if (is_break && k != Kind::Other) || k == Kind::Loop => {
                            if let Some(l) = labels.get_mut(&t.name) {
                                l.used = true;
                            }
                        }
                        _ => {
                            if let Some(l) = labels.get_mut(&t.name) {
                                l.used = true;
                                let w = if is_break { "break" } else { "continue" };
                                self.error(t.span.lo, format!("invalid {} label {}", w, t.name));
                            } else {
                                let w = if is_break { "break" } else { "continue" };
                                self.error(
                                    t.span.lo,
                                    format!("{} label not defined: {}", w, t.name),
                                );
                            }
                        }
                    }
                }
                _ => {}
            },
            StmtKind::Block(b) => {
                push(encl, Kind::Other);
                self.branch_block(&b.stmts, &inner, encl, labels);
                encl.pop();
            }
            StmtKind::If { then, els, .. } => {
                push(encl, Kind::Other);
                self.branch_block(&then.stmts, &inner, encl, labels);
                if let Some(e) = els {
                    self.branch_stmt(e, &inner, encl, labels, None);
                }
                encl.pop();
            }
            StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
                push(encl, Kind::Loop);
                let c = Ctx {
                    breaks: true,
                    continues: true,
                    fallthrough_ok: false,
                    final_case: false,
                    in_type_switch: false,
                };
                self.branch_block(&body.stmts, &c, encl, labels);
                encl.pop();
            }
            StmtKind::Switch { clauses, .. } | StmtKind::TypeSwitch { clauses, .. } => {
                let ts = matches!(s.kind, StmtKind::TypeSwitch { .. });
                push(encl, if ts { Kind::TypeSwitch } else { Kind::Switch });
                let n = clauses.len();
                for (i, cl) in clauses.iter().enumerate() {
                    let c = Ctx {
                        breaks: true,
                        continues: ctx.continues,
                        fallthrough_ok: !ts && i + 1 < n,
                        final_case: !ts && i + 1 == n,
                        in_type_switch: ts,
                    };
                    self.branch_block(&cl.body, &c, encl, labels);
                }
                encl.pop();
            }
            StmtKind::Select { clauses } => {
                push(encl, Kind::Select);
                for cl in clauses {
                    let c = Ctx {
                        breaks: true,
                        continues: ctx.continues,
                        fallthrough_ok: false,
                        final_case: false,
                        in_type_switch: false,
                    };
                    self.branch_block(&cl.body, &c, encl, labels);
                }
                encl.pop();
            }
            _ => {}
        }
    }
}

fn collect_labels(
    stmts: &[Stmt],
    labels: &mut HashMap<String, Label>,
    order: &mut Vec<String>,
    c: &mut Checker,
) {
    for s in stmts {
        collect_stmt(s, labels, order, c);
    }
}

fn collect_stmt(
    s: &Stmt,
    labels: &mut HashMap<String, Label>,
    order: &mut Vec<String>,
    c: &mut Checker,
) {
    match &s.kind {
        StmtKind::Labeled { label, stmt } => {
            if label.name != "_" {
                if let Some(prev) = labels.get(&label.name) {
                    let p = prev.pos;
                    c.error(
                        label.span.lo,
                        format!("label {} already defined at {}", label.name, pos_marker(p)),
                    );
                } else {
                    labels.insert(
                        label.name.clone(),
                        Label {
                            pos: label.span.lo,
                            used: false,
                        },
                    );
                    order.push(label.name.clone());
                }
            }
            collect_stmt(stmt, labels, order, c);
        }
        StmtKind::Block(b) => collect_labels(&b.stmts, labels, order, c),
        StmtKind::If { then, els, .. } => {
            collect_labels(&then.stmts, labels, order, c);
            if let Some(e) = els {
                collect_stmt(e, labels, order, c);
            }
        }
        StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
            collect_labels(&body.stmts, labels, order, c)
        }
        StmtKind::Switch { clauses, .. } | StmtKind::TypeSwitch { clauses, .. } => {
            for cl in clauses {
                collect_labels(&cl.body, labels, order, c);
            }
        }
        StmtKind::Select { clauses } => {
            for cl in clauses {
                collect_labels(&cl.body, labels, order, c);
            }
        }
        _ => {}
    }
}
