//! Which standard-library function bodies a program can run, and loading only those.
//!
//! Importing `fmt` reaches some 22,000 lines of the standard library's Go, most of it
//! function bodies the program never calls. `gosub run` parses the standard packages with
//! their bodies left out (`gosub_syntax::parse_file_lazy`) and parses here only the bodies a
//! program can reach; the checker, escape analysis and compiler then never see the others.
//! (A Go linker drops unreachable functions too; gc's reachability runs after compiling, but
//! the effect on what a program can observe is the same: none.)
//!
//! Reachability is by name, so it can only over-approximate:
//! - The roots are every name the user's file mentions, every name in the standard files'
//!   package-level `var` and `const` declarations, the bodies of `init` functions, all of package `runtime` (the compiler calls into it), and the
//!   functions and methods natives call by name (`gosub_std::GO_FUNCS_CALLED_BY_NATIVES`,
//!   `METHODS_CALLED_BY_NATIVES`).
//! - A body is loaded when its function's or method's name is mentioned in anything loaded,
//!   in any package; its own names are then mentioned too, up to a fixed point. A call through
//!   an interface, a method value, a promoted method: each names the method it reaches.
//!
//! Invariants:
//! - A function whose body is not loaded is dropped (nothing loaded mentions its name, so
//!   nothing can refer to it). A method keeps its declaration, for method sets, with the body
//!   `panic("...")`, so a method the analysis wrongly thought unreachable fails loudly
//!   rather than returning zero values.
//! - An import that only unloaded bodies used becomes a blank import (`_`): it still orders
//!   package initialization, and the checker does not call it unused.
//! - Only one-shot compilations use this; an eval session loads every body, because its
//!   later inputs may call anything.

use ahash::{HashMap, HashMapExt, HashSet, HashSetExt};
use gosub_syntax::ast::{self, Decl, File, NodeId};
use gosub_syntax::walk::{self, Node};
use gosub_syntax::{Diagnostic, LazyBody, SourceMap};
use gosub_types::PackageSrc;
use std::sync::Arc;

/// What an unloaded body does if it runs after all.
const STUB: &str = "panic(\"gosub: internal error: standard library function body not loaded\")";

/// A body `parse_file_lazy` left out: in `packages[pkg].files[file]`.
#[derive(Clone, Copy, Debug)]
pub struct Pending {
    pub pkg: usize,
    pub file: usize,
    pub body: LazyBody,
}

/// Every name a subtree mentions, as owned strings (the tree grows while they are used).
fn mention(n: Node<'_>, mentioned: &HashSet<String>, fresh: &mut Vec<String>) {
    walk::inspect(n, &mut |c| {
        if let Node::Ident(id) = c {
            if !mentioned.contains(id.name.as_str()) {
                fresh.push(id.name.clone());
            }
        }
        true
    });
}

fn func_decl<'p>(packages: &'p [PackageSrc], p: &Pending) -> Option<&'p ast::FuncDecl> {
    match packages
        .get(p.pkg)?
        .files
        .get(p.file)?
        .decls
        .get(p.body.decl)?
    {
        Decl::Func(fd) => Some(fd),
        _ => None,
    }
}

/// Loads the bodies of `pending` that the program (`main`, not part of `packages`) can
/// reach; the others become stubs. Node ids continue from `next_id`.
pub fn load_bodies(
    packages: &mut [PackageSrc],
    pending: &[Pending],
    main: &File,
    map: &SourceMap,
    next_id: &mut NodeId,
) -> Result<(), Vec<Diagnostic>> {
    // Functions and methods by name; the roots go straight into the queue.
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    let mut queue: Vec<usize> = Vec::new();
    for (k, p) in pending.iter().enumerate() {
        let Some(fd) = func_decl(packages, p) else {
            continue;
        };
        let name = fd.name.name.as_str();
        let path = &packages[p.pkg].path;
        let called_by_natives = if fd.recv.is_some() {
            gosub_std::METHODS_CALLED_BY_NATIVES.contains(&name)
        } else {
            (gosub_std::GO_FUNCS_CALLED_BY_NATIVES.iter())
                .any(|q| q.rsplit_once('.') == Some((path.as_str(), name)))
        };
        let root = path == "runtime" || name == "init" || called_by_natives;
        if root {
            queue.push(k);
        } else {
            by_name.entry(name.to_string()).or_default().push(k);
        }
    }
    let mut mentioned: HashSet<String> = HashSet::new();
    let mut fresh: Vec<String> = Vec::new();
    // All of the user's file; of the library, what runs outside function bodies
    // (package-level variable initializers).
    for d in &main.decls {
        mention(Node::Decl(d), &mentioned, &mut fresh);
    }
    for d in packages
        .iter()
        .flat_map(|p| &p.files)
        .flat_map(|f| &f.decls)
    {
        if let Decl::Var(_) | Decl::Const(_) = d {
            mention(Node::Decl(d), &mentioned, &mut fresh);
        }
    }
    let mut bodies: Vec<Option<ast::Block>> = vec![None; pending.len()];
    loop {
        for name in fresh.drain(..) {
            if let Some(ks) = by_name.get(&name) {
                if !mentioned.contains(&name) {
                    queue.extend(ks);
                }
            }
            mentioned.insert(name);
        }
        let Some(k) = queue.pop() else { break };
        if bodies[k].is_some() {
            continue;
        }
        let body = pending[k].body;
        let Some(file) = map.file_of(body.span.lo) else {
            continue;
        };
        let (block, next) = gosub_syntax::parse_body(&file.src, file.base, &body, *next_id)?;
        *next_id = next;
        for s in &block.stmts {
            mention(Node::Stmt(s), &mentioned, &mut fresh);
        }
        bodies[k] = Some(block);
    }
    // Install the loaded bodies. A function nothing mentions is dropped; a method keeps
    // its declaration (method sets, and so interface satisfaction, depend on it) with a stub.
    let mut dropped: Vec<(usize, usize, usize)> = Vec::new();
    for (k, p) in pending.iter().enumerate() {
        let block = match bodies[k].take() {
            Some(b) => b,
            None if func_decl(packages, p).is_some_and(|fd| fd.recv.is_none()) => {
                dropped.push((p.pkg, p.file, p.body.decl));
                continue;
            }
            None => {
                let (stmts, next) = gosub_syntax::parse_stmts(STUB, p.body.span.lo, *next_id)?;
                *next_id = next;
                ast::Block {
                    stmts,
                    span: p.body.span,
                }
            }
        };
        // (Not shared before the check: `make_mut` copies nothing.)
        let file = Arc::make_mut(&mut packages[p.pkg].files[p.file]);
        file.next_id = file.next_id.max(*next_id);
        if let Some(Decl::Func(fd)) = file.decls.get_mut(p.body.decl) {
            fd.body = Some(block);
        }
    }
    // Last declaration first, so the indices of the others stay right.
    dropped.sort_unstable();
    for &(pkg, file, decl) in dropped.iter().rev() {
        let decls = &mut Arc::make_mut(&mut packages[pkg].files[file]).decls;
        if decl < decls.len() {
            decls.remove(decl);
        }
    }
    blank_unused_imports(packages, next_id);
    Ok(())
}

/// Makes each standard-library import that its file no longer mentions a blank import.
fn blank_unused_imports(packages: &mut [PackageSrc], next_id: &mut NodeId) {
    for f in packages.iter_mut().flat_map(|p| &mut p.files) {
        let f = Arc::make_mut(f);
        // A package is used as the `x` of a selector `x.Name`.
        let mut names: HashSet<String> = HashSet::new();
        for d in &f.decls {
            walk::inspect(Node::Decl(d), &mut |c| {
                if let Node::Expr(ast::Expr {
                    kind: ast::ExprKind::Selector { x, .. },
                    ..
                }) = c
                {
                    if let ast::ExprKind::Ident(id) = &x.kind {
                        names.insert(id.name.clone());
                    }
                }
                true
            });
        }
        for imp in &mut f.imports {
            let bind = match &imp.name {
                Some(n) if n.name == "_" || n.name == "." => continue,
                Some(n) => n.name.clone(),
                None => gosub_syntax::import_name(&imp.path).to_string(),
            };
            if !names.contains(&bind) {
                imp.name = Some(ast::Ident {
                    name: "_".to_string(),
                    span: imp.span,
                    id: *next_id,
                });
                *next_id += 1;
                f.next_id = f.next_id.max(*next_id);
            }
        }
    }
}
