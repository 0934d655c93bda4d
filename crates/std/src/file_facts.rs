//! What a one-shot compilation needs to know of each standard-library file before parsing
//! it: the names the file declares, the types its methods belong to, whether it must be
//! loaded whenever its package is imported, and where each top-level declaration (and each
//! function body) is and what it declares. With these, `gosub run` parses only the files,
//! declarations and bodies a program can reach (`gosub::reachable`), as a Go linker keeps
//! only reachable code.
//!
//! The facts are computed from the sources with the parser (`compute`) and kept as a
//! generated table (`file_facts_table.rs`, written by `render_table`); the test
//! `file_facts_are_current` (crates/std/tests/file_facts.rs) fails when a source changed and
//! the table did not (`UPDATE_FILE_FACTS=1 cargo test -p gosub-std --test file_facts`
//! rewrites it).
//!
//! Invariant: a file's facts are exactly what `compute` says of its text; a file that is
//! not in the table (a host package's) has no facts, and whoever loads files loads it whole.

use gosub_syntax::ast::{self, Decl};
use gosub_syntax::walk;

/// What is known of one standard-library file without parsing it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileFacts {
    /// The package-level names the file declares: functions (not methods), types,
    /// variables and constants (`init` and `_` are not names).
    pub declares: &'static [&'static str],
    /// The file's methods: (receiver base type name, method name).
    pub methods: &'static [(&'static str, &'static str)],
    /// Loaded whenever its package is imported: the file has an `init` function, a
    /// package-level variable that must be initialized (`root_var`), a function natives call by name
    /// (`GO_FUNCS_CALLED_BY_NATIVES`), or it is part of package `runtime`.
    pub root: bool,
    /// Where the bodies of the file's functions that `decls` does not hold are (package
    /// `runtime`'s): byte offsets `lo..hi` from `{` to `}` inclusive, in order
    /// (`gosub_syntax::parse_file_lazy_known` skips them unread).
    pub bodies: &'static [(u32, u32)],
    /// The file's top-level declarations, in order (none in package `runtime`, which is
    /// loaded whole): each parsed only when a program reaches it.
    pub decls: &'static [LazyDecl],
    /// The names `decls` declare, in order.
    pub names: &'static [LazyName],
}

/// A top-level declaration, known without parsing it. (Places in the file, no pointers:
/// the table is static data the loader does not have to relocate.)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LazyDecl {
    /// Its index among the file's declarations (`File::decls`).
    pub index: u32,
    /// Its text: byte offsets from its keyword to its end.
    pub span: (u32, u32),
    pub kind: DeclKind,
    /// Its names, `_` included: `FileFacts::names[names.0..names.1]` (`LazyDecl::names`).
    pub names: (u32, u32),
    /// For a method, where its receiver's base type name is (empty where it has none).
    pub recv: Option<(u32, u32)>,
    /// For a function or method with a body, where the body is (as in `bodies`).
    pub body: Option<(u32, u32)>,
}

/// A name a `LazyDecl` declares: where it is in the file, the index of its spec in the
/// declaration, and (for a `var`) whether the spec must be initialized even if nothing
/// mentions it (`root_var`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LazyName {
    pub span: (u32, u32),
    pub spec: u32,
    pub root: bool,
}

impl LazyDecl {
    /// Its names as (spec index, name, must be initialized); `text` is the file's.
    pub fn names<'a>(
        &self,
        ff: &'a FileFacts,
        text: &'a str,
    ) -> impl Iterator<Item = (usize, &'a str, bool)> + 'a {
        let names = ff.names.get(self.names.0 as usize..self.names.1 as usize);
        names.unwrap_or(&[]).iter().map(move |n| {
            let name = text.get(n.span.0 as usize..n.span.1 as usize);
            (n.spec as usize, name.unwrap_or(""), n.root)
        })
    }

    /// A method's receiver base type name; `text` is the file's.
    pub fn recv<'a>(&self, text: &'a str) -> Option<&'a str> {
        self.recv
            .map(|(lo, hi)| text.get(lo as usize..hi as usize).unwrap_or(""))
    }
}

/// What a `LazyDecl` declares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeclKind {
    Const,
    Var,
    Type,
    /// A function or method (its one spec holds its name).
    Func,
}

#[rustfmt::skip]
#[path = "file_facts_table.rs"]
mod table;

/// The facts of the standard file `file` (as `files` names it) of package `path`.
pub fn file_facts(path: &str, file: &str) -> Option<&'static FileFacts> {
    table::TABLE
        .iter()
        .find(|(p, f, _)| *p == path && *f == file)
        .map(|(_, _, facts)| facts)
}

/// Every standard file's facts: (import path, file name, facts).
pub fn table() -> &'static [(&'static str, &'static str, FileFacts)] {
    table::TABLE
}

/// `FileFacts`, owned: what `compute` finds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Computed {
    pub declares: Vec<String>,
    pub methods: Vec<(String, String)>,
    pub root: bool,
    pub bodies: Vec<(u32, u32)>,
    pub decls: Vec<ComputedDecl>,
}

/// `LazyDecl`, owned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComputedDecl {
    pub index: u32,
    pub span: (u32, u32),
    pub kind: DeclKind,
    /// Each spec's names, with their places.
    pub specs: Vec<Vec<(String, (u32, u32))>>,
    pub roots: Vec<bool>,
    pub recv: Option<(String, (u32, u32))>,
    pub body: Option<(u32, u32)>,
}

/// The facts of the file `src` of package `path`, from its syntax.
pub fn compute(path: &str, src: &str) -> Result<Computed, String> {
    let (file, bodies) = gosub_syntax::parse_file_lazy(src, 0, 0)
        .map_err(|d| d.first().map(|d| d.msg.clone()).unwrap_or_default())?;
    let mut c = Computed {
        root: path == "runtime",
        ..Computed::default()
    };
    let declare = |c: &mut Computed, name: &str| {
        if name != "_" && !c.declares.iter().any(|n| n == name) {
            c.declares.push(name.to_string());
        }
    };
    let ends = decl_ends(src);
    for (index, d) in file.decls.iter().enumerate() {
        let lazy = |kind: DeclKind, lo: u32, specs: Vec<Vec<&ast::Ident>>, roots: Vec<bool>| {
            let hi = ends.iter().find(|&&(l, _)| l == lo)?.1;
            let named = |n: &&ast::Ident| (n.name.clone(), (n.span.lo, n.span.hi));
            Some(ComputedDecl {
                index: index as u32,
                span: (lo, hi),
                kind,
                specs: specs
                    .iter()
                    .map(|s| s.iter().map(named).collect())
                    .collect(),
                roots,
                recv: None,
                body: None,
            })
        };
        let lazy = match d {
            _ if path == "runtime" => None,
            Decl::Func(fd) => {
                let recv = fd.recv.as_ref().map(|r| match ast::recv_base(&r.ty) {
                    Some((b, _)) => (b.name.clone(), (b.span.lo, b.span.hi)),
                    None => (String::new(), (0, 0)),
                });
                let body = bodies.iter().find(|b| b.decl == index);
                let body = body.map(|b| (b.span.lo, b.span.hi));
                let names = vec![vec![&fd.name]];
                lazy(DeclKind::Func, fd.span.lo, names, Vec::new()).map(|d| ComputedDecl {
                    recv,
                    body,
                    ..d
                })
            }
            Decl::Type(g) => {
                let names = g.specs.iter().map(|s| vec![&s.name]);
                lazy(DeclKind::Type, g.span.lo, names.collect(), Vec::new())
            }
            Decl::Const(g) | Decl::Var(g) => {
                let names = g.specs.iter().map(|s| s.names.iter().collect());
                let (kind, roots) = match d {
                    Decl::Const(_) => (DeclKind::Const, Vec::new()),
                    _ => (DeclKind::Var, g.specs.iter().map(root_var).collect()),
                };
                lazy(kind, g.span.lo, names.collect(), roots)
            }
        };
        c.decls.extend(lazy);
        match d {
            Decl::Func(fd) => match &fd.recv {
                Some(r) => {
                    if let Some((base, _)) = ast::recv_base(&r.ty) {
                        c.methods.push((base.name.clone(), fd.name.name.clone()));
                    }
                }
                None if fd.name.name == "init" => c.root = true,
                None => {
                    c.root |= crate::called_by_natives(path, &fd.name.name);
                    declare(&mut c, &fd.name.name);
                }
            },
            Decl::Type(g) => g.specs.iter().for_each(|s| declare(&mut c, &s.name.name)),
            Decl::Const(g) | Decl::Var(g) => {
                for s in &g.specs {
                    let var = matches!(d, Decl::Var(_));
                    c.root |= var && root_var(s);
                    s.names.iter().for_each(|n| declare(&mut c, &n.name));
                }
            }
        }
    }
    // The bodies of functions left out go with them (`LazyDecl::body`).
    let left_out = |b: &&gosub_syntax::LazyBody| c.decls.iter().any(|d| d.index as usize == b.decl);
    c.bodies = (bodies.iter())
        .filter(|b| !left_out(b))
        .map(|b| (b.span.lo, b.span.hi))
        .collect();
    Ok(c)
}

/// Where each top-level declaration of `src` starts and ends: (offset of its first token,
/// end of its last token before the semicolon that ends it).
fn decl_ends(src: &str) -> Vec<(u32, u32)> {
    use gosub_syntax::lexer::Tok;
    let toks = gosub_syntax::lexer::lex(src, 0).tokens;
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start: Option<u32> = None;
    let mut last_end = 0;
    for &(lo, t, hi) in &toks {
        match t {
            Tok::Semi(_) if depth == 0 => {
                if let Some(s) = start.take() {
                    out.push((s, last_end));
                }
                continue;
            }
            Tok::LParen | Tok::LBrack | Tok::LBrackTParams | Tok::LBrace => depth += 1,
            Tok::RParen | Tok::RBrack | Tok::RBrace => depth -= 1,
            _ => {}
        }
        start.get_or_insert(lo);
        last_end = hi;
    }
    out
}

/// Must this package-level variable spec be initialized even if nothing refers to it? When
/// its initializer may be observed (`walk::effectful`). A blank `var _ I = (*T)(nil)` is
/// the library's compile-time assertion that `*T` implements `I`: it is checked when a
/// session loads the whole library, and a one-shot run leaves it out.
pub fn root_var(s: &ast::ValueSpec) -> bool {
    let asserts = s.ty.is_some() && s.names.iter().all(|n| n.name == "_");
    !asserts && s.values.iter().any(walk::effectful)
}

/// Every standard package: `PACKAGES` and, transitively, what they import.
fn all_packages() -> Vec<String> {
    let mut all: Vec<String> = crate::PACKAGES.iter().map(|p| p.to_string()).collect();
    let mut i = 0;
    while i < all.len() {
        for (_, src) in crate::files(&all[i]).unwrap_or(&[]) {
            if let Ok((f, _)) = gosub_syntax::parse_file_lazy(src, 0, 0) {
                for imp in f.imports {
                    if crate::files(&imp.path).is_some() && !all.contains(&imp.path) {
                        all.push(imp.path);
                    }
                }
            }
        }
        i += 1;
    }
    all.sort();
    all
}

/// The text of `file_facts_table.rs` for the current sources.
pub fn render_table() -> Result<String, String> {
    let mut out = String::from(
        "//! Generated by `gosub_std::file_facts::render_table` from the standard library's Go\n\
         //! sources; do not edit (see file_facts.rs for how to regenerate).\n\n\
         use super::{DeclKind, FileFacts, LazyDecl, LazyName};\n\n\
         pub(super) static TABLE: &[(&str, &str, FileFacts)] = &[\n",
    );
    let list = |names: &[String]| {
        let quoted: Vec<String> = names.iter().map(|n| format!("{:?}", n)).collect();
        format!("&[{}]", quoted.join(", "))
    };
    let pairs = |ms: &[(String, String)]| {
        let quoted: Vec<String> = ms
            .iter()
            .map(|(t, m)| format!("({:?}, {:?})", t, m))
            .collect();
        format!("&[{}]", quoted.join(", "))
    };
    for path in all_packages() {
        for (name, src) in crate::files(&path).unwrap_or(&[]) {
            let c = compute(&path, src).map_err(|e| format!("{}/{}: {}", path, name, e))?;
            // The names of all declarations in one list, each declaration a range of it.
            let mut names = Vec::new();
            let mut decls = Vec::new();
            for d in &c.decls {
                let first = names.len();
                for (i, spec) in d.specs.iter().enumerate() {
                    let root = d.roots.get(i).copied().unwrap_or(false);
                    for (_, (lo, hi)) in spec {
                        names.push(format!(
                            "LazyName {{ span: ({lo}, {hi}), spec: {i}, root: {root} }}"
                        ));
                    }
                }
                decls.push(format!(
                    "LazyDecl {{ index: {}, span: {:?}, kind: DeclKind::{:?}, names: ({}, {}), recv: {:?}, body: {:?} }}",
                    d.index,
                    d.span,
                    d.kind,
                    first,
                    names.len(),
                    d.recv.as_ref().map(|r| r.1),
                    d.body
                ));
            }
            out.push_str(&format!(
                "    ({:?}, {:?}, FileFacts {{ root: {}, methods: {}, declares: {}, bodies: &{:?}, decls: &[{}], names: &[{}] }}),\n",
                path,
                name,
                c.root,
                pairs(&c.methods),
                list(&c.declares),
                c.bodies,
                decls.join(", "),
                names.join(", ")
            ));
        }
    }
    out.push_str("];\n");
    Ok(out)
}
