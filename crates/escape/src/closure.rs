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
use gosub_syntax::ast::{self, Expr};

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
            for o in caps {
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
                    self.capture_lines.push((obj.span.lo, line, owner));
                }
                self.captures.push((lit.id, o, byval));
                let mut kk = k.clone();
                if !byval {
                    kk = kk.shift(-1);
                    if self.cx.explain {
                        kk.notes.push(Note {
                            pos: self.p().obj(o).span.lo,
                            text: self.p().obj(o).name.clone(),
                            why: "reference",
                        });
                    }
                }
                if self.cx.explain {
                    kk.notes.push(Note {
                        pos: self.p().obj(o).span.lo,
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
        let n = self.fn_names.len();
        let pname = self.fn_name(self.cur);
        self.fn_names.insert(e.id, format!("{}.func{}", pname, n));
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
