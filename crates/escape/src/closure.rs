//! Function literals (gc's closures): a literal is an allocation site (`func literal`) and a
//! function of the current batch, walked where it appears (from loop depth 1, with its own
//! parameter and result locations). When the batch is built, each captured variable flows
//! into its closure (`flow_closures`): by value when it is never reassigned, never
//! address-taken and at most 128 bytes (gc's rule), else by reference (its address).
//! A literal called directly or through a local bound once to it keeps its results
//! local; any other literal is "lost": its results may reach unknown callers.

use crate::alloc::*;
use crate::build::*;
use crate::graph::*;
use crate::stmt::prescan_labels;
use crate::types_util::*;
use gosub_layered::{HashMap, HashMapExt};
use gosub_syntax::ast::{self, Expr};
use gosub_syntax::walk::{self, Node};

impl<'a, 'c> Builder<'a, 'c> {
    /// Connects each closure's captured variables to the closure (by value or by reference).
    pub fn flow_closures(&mut self) {
        let closures = std::mem::take(&mut self.closures);
        for (k, lit) in closures {
            let caps = self
                .p()
                .info
                .captures
                .get(&lit.id)
                .cloned()
                .unwrap_or_default();
            let first = if self.cx.explain {
                first_uses(self.p(), lit)
            } else {
                HashMap::new()
            };
            for o in caps {
                // gc's closure variable is positioned at its first use in the literal.
                let used_at = first.get(&o).copied().unwrap_or(self.p().obj(o).span.lo);
                let l = self.var(o);
                let (addrtaken, reassigned) = (self.g.locs[l].addrtaken, self.g.locs[l].reassigned);
                let size = size_of(&self.p().types, self.p().obj(o).ty);
                let byval = !addrtaken && !reassigned && size <= 128;
                if self.cx.explain {
                    let obj = self.p().obj(o);
                    let owner = obj.owner.unwrap_or_default();
                    let line = format!(
                        "{} capturing by {}: {} (addr={} assign={} width={})",
                        self.fn_name(owner),
                        if byval { "value" } else { "ref" },
                        obj.name,
                        addrtaken,
                        reassigned,
                        size
                    );
                    let pos = match obj.span.lo {
                        0 => crate::diag::NO_POS,
                        p => p,
                    };
                    self.capture_lines.push((pos, line, owner));
                }
                self.captures.push((lit.id, o, byval));
                let mut kk = k.clone();
                if !byval {
                    kk = kk.shift(-1);
                    if self.cx.explain {
                        kk.notes.push(Note {
                            pos: used_at,
                            text: self.p().obj(o).name.clone(),
                            why: "reference",
                        });
                    }
                }
                if self.cx.explain {
                    kk.notes.push(Note {
                        pos: used_at,
                        text: self.p().obj(o).name.clone(),
                        why: "captured by a closure",
                    });
                }
                self.g.flow(&kk, l);
            }
        }
    }

    /// A function literal evaluated into `k`: an allocation site, and a function of this
    /// batch whose body is walked here.
    pub(crate) fn func_lit(&mut self, k: Hole, e: &'a Expr, body: &'a ast::Block) {
        let k2 = self.spill(k, e, TAG_PRIMARY, AllocKind::Closure);
        self.closures.push((k2, e));
        let caps = self
            .p()
            .info
            .captures
            .get(&e.id)
            .cloned()
            .unwrap_or_default();
        for o in caps {
            let l = self.var(o);
            if !self.g.locs[l].captured {
                self.g.locs[l].captured = true;
                if self.g.locs[l].loop_depth == self.depth {
                    self.g.locs[l].reassigned = false;
                }
            }
        }
        self.batch.insert(e.id);
        self.parents.insert(e.id, self.cur);
        if let Some(&pk) = self.fn_pkgs.get(&self.cur) {
            self.fn_pkgs.insert(e.id, pk);
        }
        let bodies = &self.p().info.rangefunc.bodies;
        let n = self
            .fn_names
            .keys()
            .filter(|k| !bodies.contains_key(k))
            .count();
        let name = match bodies.get(&e.id) {
            // A range-over-func loop body: gc's `PARENT-rangeN`.
            Some(b) => format!("{}-range{}", self.fn_name(b.parent), b.index),
            None => format!("{}.func{}", self.fn_name(self.cur), n),
        };
        self.fn_names.insert(e.id, name);
        let bound = self.static_lits.values().any(|l| l.id == e.id);
        if !self.direct_lits.contains(&e.id) && !bound {
            self.lost_lits.insert(e.id);
        }
        self.init_func(e.id);
        let saved = (self.cur, self.depth);
        self.cur = e.id;
        self.depth = 1;
        prescan_labels(&body.stmts, &mut self.looping_labels);
        self.block(&body.stmts);
        (self.cur, self.depth) = saved;
    }
}

/// The position of the first use (pre-order, nested literals included) of each variable
/// in the body of literal `lit`; a range-over-func body's `defer` uses its defer token.
fn first_uses(p: &gosub_types::Program, lit: &Expr) -> HashMap<gosub_types::ObjId, u32> {
    let mut out = HashMap::new();
    let ast::ExprKind::FuncLit { body, .. } = &lit.kind else {
        return out;
    };
    walk::inspect_code_stmts(&body.stmts, &mut |n| {
        let used = match n {
            Node::Expr(Expr {
                kind: ast::ExprKind::Ident(id),
                span,
                ..
            }) => p.info.uses.get(&id.id).map(|o| (*o, span.lo)),
            Node::Stmt(ast::Stmt {
                kind: ast::StmtKind::Defer(e),
                span,
            }) => p.info.rangefunc.defer_at.get(&e.id).map(|o| (*o, span.lo)),
            _ => None,
        };
        if let Some((o, pos)) = used {
            out.entry(o).or_insert(pos);
        }
        true
    });
    out
}
