//! Package initialization order (types2's initorder.go): package-level variables are
//! initialized in dependency order, then declaration order; an initialization cycle is a
//! compile error worded as gc words it.

use crate::check::{Checker, DeclInfo, DeclKind};
use crate::*;

impl<'a> Checker<'a> {
    /// Computes the package's variable initialization order (Go spec "Package initialization").
    /// Appends the initialization order of the package-level variables declared from
    /// `decl_order[order0..]` on (variables declared earlier are initialized already).
    pub(crate) fn init_order(&mut self, p: usize, order0: usize) {
        let order: Vec<ObjId> = self.pkgs[p].decl_order.from(order0).copied().collect();
        let vars: Vec<ObjId> = order
            .iter()
            .copied()
            .filter(|o| matches!(self.obj(*o).kind, ObjKind::Var { .. }))
            .collect();
        // Transitive variable dependencies through functions.
        let mut var_deps: HashMap<ObjId, HashSet<ObjId>> = HashMap::new();
        for &v in &vars {
            let mut seen: HashSet<ObjId> = HashSet::new();
            // `var p, q = f()`: one initializer, whose dependencies were recorded on the
            // variable checked first; all of them share it.
            let mut stack: Vec<ObjId> = (self.var_lhs(v).iter())
                .flat_map(|l| self.deps.get(l).cloned().unwrap_or_default())
                .collect();
            let mut out = HashSet::new();
            while let Some(d) = stack.pop() {
                if !seen.insert(d) {
                    continue;
                }
                match self.obj(d).kind {
                    ObjKind::Var { global: true, .. } => {
                        out.insert(d);
                    }
                    ObjKind::Func { .. } => {
                        if let Some(ds) = self.deps.get(&d) {
                            stack.extend(ds.iter().copied());
                        }
                    }
                    _ => {}
                }
            }
            var_deps.insert(v, out);
        }
        let batch: HashSet<ObjId> = vars.iter().copied().collect();
        let mut done: HashSet<ObjId> = HashSet::new();
        let mut emitted: HashSet<(usize, usize, usize)> = HashSet::new();
        let mut remaining = vars.clone();
        while !remaining.is_empty() {
            let pick = remaining.iter().position(|v| {
                let lhs = self.var_lhs(*v);
                var_deps.get(v).is_none_or(|ds| {
                    ds.iter()
                        .all(|d| done.contains(d) || lhs.contains(d) || !batch.contains(d))
                })
            });
            let idx = match pick {
                Some(i) => i,
                None => {
                    let v = remaining[0];
                    let (lo, name) = (self.obj(v).span.lo, self.obj(v).name.clone());
                    self.error(
                        lo,
                        format!(
                            "initialization cycle or initialization loop involving {}",
                            name
                        ),
                    );
                    0
                }
            };
            let v = remaining.remove(idx);
            if let Some(DeclInfo {
                kind: DeclKind::Var {
                    spec, lhs, values, ..
                },
                ..
            }) = self.decls.get(&v).cloned()
            {
                let group = values.len() == 1 && lhs.len() > 1;
                if group {
                    for l in &lhs {
                        done.insert(*l);
                    }
                    remaining.retain(|r| !lhs.contains(r));
                } else {
                    done.insert(v);
                }
                if values.is_empty() {
                    continue;
                }
                if values.len() == lhs.len() && lhs.len() > 1 {
                    // Each variable has its own initializer: one entry per variable; the
                    // compiler picks `values[i]` where `i` is the variable's index in the spec.
                    std::sync::Arc::make_mut(&mut self.pkgs[p])
                        .init_order
                        .push(InitEntry { lhs: vec![v], spec });
                    continue;
                }
                if emitted.insert(spec) {
                    std::sync::Arc::make_mut(&mut self.pkgs[p])
                        .init_order
                        .push(InitEntry { lhs, spec });
                }
            }
        }
    }
}
