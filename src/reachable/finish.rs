//! The end of reachability (`crate::reachable`): loaded bodies go into their declarations,
//! what was not loaded is dropped, and the packages come out in dependency order with
//! their imports mended.
//!
//! Invariants: a declaration is removed only when nothing loaded mentions it (a function,
//! a native, a constant group, a variable or type spec not loaded; a method whose type is
//! not loaded, or whose name neither a loaded body nor an interface type mentions); a
//! method an interface names but nothing calls keeps its signature and gets a body that
//! panics; imports of packages with no loaded file are removed, and every library file is
//! marked `pruned` (its imports may be unused: the program's own file is checked as gc
//! checks it).

use super::{Loader, STUB};
use gosub_layered::HashSet;
use gosub_syntax::ast::{self, Decl};
use gosub_syntax::Diagnostic;
use gosub_types::PackageSrc;
use std::sync::Arc;

impl Loader<'_> {
    /// Installs the loaded bodies and drops what was not loaded; the packages with a loaded
    /// file, in dependency order.
    /// Fails with the errors of parsing a declaration left out of its file, if any.
    pub(super) fn finish(mut self) -> Result<Vec<PackageSrc>, Vec<Diagnostic>> {
        let mut dropped: Vec<(usize, usize, usize)> = Vec::new();
        for pd in std::mem::take(&mut self.pending) {
            let at = pd.at;
            let stub = pd.method.is_some_and(|m| {
                self.methods[m].enabled && self.iface_names.contains(&self.methods[m].name)
            });
            let block = match pd.loaded {
                Some(b) => b,
                None if !stub => {
                    dropped.push((at.pkg, at.file, at.decl));
                    continue;
                }
                // (A stub goes into a method its file may have left out: parsed now.)
                None => match self
                    .parse_unparsed(at)
                    .and_then(|()| gosub_syntax::parse_stmts(STUB, pd.body.span.lo, *self.next_id))
                {
                    Ok((stmts, next)) => {
                        *self.next_id = next;
                        ast::Block {
                            stmts,
                            span: pd.body.span,
                        }
                    }
                    Err(_) => continue,
                },
            };
            let Some(file) = self.pkgs[at.pkg].files[at.file].as_mut() else {
                continue;
            };
            file.next_id = file.next_id.max(*self.next_id);
            if let Some(Decl::Func(fd)) = file.decls.get_mut(at.decl) {
                fd.body = Some(block);
            }
        }
        if !self.parse_errors.is_empty() {
            return Err(std::mem::take(&mut self.parse_errors));
        }
        let unused_natives = self.natives.iter().filter(|n| !n.loaded).map(|n| n.at);
        let unused_methods = (self.methods.iter())
            .filter(|m| m.body.is_none() && !m.enabled)
            .map(|m| m.at);
        for at in unused_natives.chain(unused_methods) {
            dropped.push((at.pkg, at.file, at.decl));
        }
        // Specs not loaded go (last first, so the indices stay right); constant groups,
        // and groups left empty, with the functions.
        for s in self
            .values
            .iter()
            .chain(&self.types)
            .rev()
            .filter(|s| !s.loaded)
        {
            let at = s.at;
            let Some(file) = self.pkgs[at.pkg].files[at.file].as_mut() else {
                continue;
            };
            let left = match (file.decls.get_mut(at.decl), s.spec) {
                // Left out of its file and never wanted.
                (Some(Decl::Const(g)), _) if g.specs.is_empty() => 0,
                (Some(Decl::Var(g)), Some(spec)) => remove_spec(&mut g.specs, spec),
                (Some(Decl::Type(g)), Some(spec)) => remove_spec(&mut g.specs, spec),
                (Some(Decl::Const(_)), None) => 0,
                _ => 1,
            };
            if left == 0 {
                dropped.push((at.pkg, at.file, at.decl));
            }
        }
        // Last declaration first, so the indices of the others stay right.
        dropped.sort_unstable();
        dropped.dedup();
        for &(p, f, decl) in dropped.iter().rev() {
            if let Some(file) = self.pkgs[p].files[f].as_mut() {
                if decl < file.decls.len() {
                    file.decls.remove(decl);
                }
            }
        }
        Ok(self.in_dependency_order())
    }

    /// The packages with a loaded file, each after those it imports; imports of packages
    /// with none removed, imports nothing uses made blank.
    fn in_dependency_order(mut self) -> Vec<PackageSrc> {
        let present: HashSet<String> = (self.pkgs.iter())
            .filter(|p| p.files.iter().any(Option::is_some))
            .map(|p| p.path.clone())
            .collect();
        let mut order: Vec<usize> = Vec::new();
        let mut state = vec![0u8; self.pkgs.len()]; // 0 new, 1 visiting, 2 done
        for p in 0..self.pkgs.len() {
            self.post_order(p, &present, &mut state, &mut order);
        }
        let mut packages: Vec<PackageSrc> = Vec::new();
        for p in order {
            let mut files = Vec::new();
            for file in self.pkgs[p].files.iter_mut() {
                let Some(mut file) = file.take() else {
                    continue;
                };
                let known = |path: &String| self.pkg_index.contains_key(path);
                file.imports
                    .retain(|i| present.contains(&i.path) || !known(&i.path));
                // Files with facts lose declarations; a host package's stay whole, but its
                // imports are the host's business, unused ones included (as before, when
                // unused imports became blank).
                file.pruned = true;
                files.push(Arc::new(file));
            }
            if !files.is_empty() {
                packages.push(PackageSrc {
                    path: self.pkgs[p].path.clone(),
                    files: Arc::new(files),
                });
            }
        }
        packages
    }

    /// Depth-first post-order over the imports of loaded files: dependency order.
    fn post_order(
        &self,
        p: usize,
        present: &HashSet<String>,
        state: &mut [u8],
        order: &mut Vec<usize>,
    ) {
        if state[p] != 0 {
            return;
        }
        state[p] = 1;
        for file in self.pkgs[p].files.iter().flatten() {
            for imp in file.imports.iter().filter(|i| present.contains(&i.path)) {
                if let Some(&q) = self.pkg_index.get(&imp.path) {
                    self.post_order(q, present, state, order);
                }
            }
        }
        state[p] = 2;
        order.push(p);
    }
}

/// Removes `specs[i]`; how many are left.
fn remove_spec<T>(specs: &mut Vec<T>, i: usize) -> usize {
    if i < specs.len() {
        specs.remove(i);
    }
    specs.len()
}
