//! The eval session as one runnable Go file (`Vm::session_source`, the REPL's `:save`).
//!
//! The file is made from the inputs as the session compiled them (each input is a file of
//! the session's package: `live.rs`), in input order:
//! - a declaration input's declarations go to the top level as written;
//! - a statement input's statements go into `func main`, in order; its trailing expression,
//!   whose value the session returned, is printed with `fmt.Println`; an input that
//!   panicked (or hit a limit) is kept as a comment, as it did not complete;
//! - the variables statement inputs declared at their top level are the session's
//!   package-level variables, so they are declared at package level (`var x T`) and the
//!   statements that declared them assign them (`x := 1` becomes `x = 1`); a declaration
//!   input's `var`s likewise: declared at package level, assigned in `main` where their
//!   input ran (a package-level initializer would run before every statement);
//! - a type or constant a statement input declared at its top level (`const N = 2; type
//!   P [N]int; q := P{}`) goes to the top level too, as the variables of that type do (only
//!   that input could name it: a later input's own `P` is another, so the moved one is
//!   renamed, and so is one named like an import, a predeclared name, `main` or `init`);
//! - a name the session redeclared keeps its name for the latest declaration; the earlier
//!   ones are renamed `name_1`, `name_2`... everywhere they were used, so each statement
//!   refers to what it referred to in the session.
//!
//! Invariant: only whole tokens are replaced (identifiers, `:=`, a `var` statement's
//! keyword and type), so the rest of each input's text, comments and layout included,
//! is kept.

use gosub_syntax::ast::{AssignOp, Decl, File, NodeId, Stmt, StmtKind};
use gosub_syntax::walk::{inspect_file, Node};
use gosub_syntax::{import_name, SourceMap};
use gosub_types::{ObjId, ObjKind, Program, Resume, TypeKind};
use std::collections::{HashMap, HashSet};

/// One input the session compiled: its file in the source map, and whether it ran to the
/// end.
pub(crate) struct SavedInput {
    pub file: String,
    pub failed: bool,
}

/// An edit of an input's text: replace `lo..hi` (offsets in the file) by `text`.
#[derive(Clone)]
struct Edit {
    lo: usize,
    hi: usize,
    text: String,
}

/// The session as Go source.
pub(crate) fn session_source(
    types: &Program,
    resume: &Resume,
    map: &SourceMap,
    inputs: &[SavedInput],
    imports: &[(Option<String>, String)],
) -> String {
    let main = resume.main();
    let pkg = &types.packages[main];
    // Each input's text and syntax tree.
    let mut files: Vec<(&SavedInput, &str, u32, &File)> = Vec::new();
    for inp in inputs {
        // The last file of that name: an attempt that failed to compile left its own
        // `<input N>` before the one that compiled.
        let Some(sf) = map.files.iter().rev().find(|f| f.name == inp.file) else {
            continue;
        };
        let Some(ast) = pkg.files.iter().find(|f| sf.contains(f.package.span.lo)) else {
            continue;
        };
        files.push((inp, &sf.src, sf.base, ast));
    }
    // The session's top-level objects in declaration order, and what each is called in
    // the saved file.
    let mut top: Vec<ObjId> = Vec::new();
    let vars: HashSet<ObjId> = resume.session_vars().iter().copied().collect();
    for (_, _, _, f) in &files {
        inspect_file(f, &mut |n| {
            if let Node::Ident(id) = n {
                if let Some(&o) = types.info.defs.get(&id.id) {
                    if is_top_level(types, main, &vars, o) && !top.contains(&o) {
                        top.push(o);
                    }
                }
            }
            true
        });
    }
    // Types and constants statement inputs declared at their top level (moved to the top
    // level).
    for (_, _, _, f) in &files {
        for d in input_body(f).unwrap_or(&[]).iter().filter_map(moved_decl) {
            for id in &d.names {
                match types.info.defs.get(id) {
                    Some(&o) if !top.contains(&o) => top.push(o),
                    _ => {}
                }
            }
        }
    }
    // What a moved type's name must not be besides the package's own names: what the file
    // scope and the universe declare (imports, `fmt` for printed results, `int`, `error`...)
    // and `main`, `init`.
    let reserved: HashSet<String> = (imports.iter())
        .map(|(alias, path)| {
            alias
                .clone()
                .unwrap_or_else(|| import_name(path).to_string())
        })
        .chain(["fmt", "main", "init"].map(String::from))
        .chain(resume.predeclared().map(String::from))
        .collect();
    let names = saved_names(types, main, &top, &reserved);
    // Package-level variables of declaration inputs: declared at package level, assigned
    // in `main` where their input ran (as statement inputs' variables are).
    let mut pkg_vars: Vec<ObjId> = Vec::new();
    let mut used_fmt = false;
    let mut decls = String::new();
    let mut body = String::new();
    for (inp, src, base, f) in &files {
        let mut edits = Vec::new();
        let mut result_at = None;
        let stmts = input_body(f);
        if let Some(b) = stmts {
            for s in b {
                hoist(s, *base, src, &mut edits);
            }
        }
        inspect_file(f, &mut |n| {
            if let Node::Ident(id) = n {
                let o = types
                    .info
                    .uses
                    .get(&id.id)
                    .or_else(|| types.info.defs.get(&id.id));
                if let Some(new) = o.and_then(|o| names.get(o)) {
                    if *new != id.name {
                        let lo = id.span.lo.saturating_sub(*base) as usize;
                        edits.push(Edit {
                            lo,
                            hi: lo + id.name.len(),
                            text: new.clone(),
                        });
                    }
                }
                if id.name == "__gosub_result" {
                    result_at = Some(id.span.lo.saturating_sub(*base) as usize);
                }
            }
            true
        });
        if let Some(lo) = result_at {
            // `__gosub_result(<expression>)` ends the file's function (`live.rs`,
            // `file_text`): `...)\n}\n`. The value the session printed is printed,
            // unless the expression prints itself (`fmt.Printf(...)`: the REPL is quiet).
            let (open, close) = (lo + "__gosub_result(".len(), src.len().saturating_sub(4));
            let arg = src.get(open..close).unwrap_or("").trim_start();
            if arg.starts_with("fmt.Print") || arg.starts_with("fmt.Fprint") {
                edits.push(Edit {
                    lo,
                    hi: open,
                    text: String::new(),
                });
                edits.push(Edit {
                    lo: close,
                    hi: close + 1,
                    text: String::new(),
                });
            } else {
                used_fmt = true;
                edits.push(Edit {
                    lo,
                    hi: open - 1,
                    text: "fmt.Println".into(),
                });
            }
        }
        // A statement input's top-level types and constants: out of `main`, to the top
        // level.
        for d in stmts.unwrap_or(&[]).iter().filter_map(moved_decl) {
            let lo = d.lo.saturating_sub(*base) as usize;
            let end = d.end(*base, src);
            let inside = edits.iter().filter(|e| lo <= e.lo && e.hi <= end).cloned();
            decls.push_str(apply_range(src, lo, end, inside.collect()).trim());
            decls.push_str("\n\n");
            edits.push(Edit {
                lo,
                hi: end,
                text: String::new(),
            });
        }
        // A declaration input's `var`s: out of the declarations, into `main`.
        let mut assigned = String::new();
        if stmts.is_none() {
            for d in &f.decls {
                let Decl::Var(g) = d else { continue };
                let lo = g.span.lo.saturating_sub(*base) as usize;
                let mut to_assign = Vec::new();
                let end = hoist_var(g, *base, src, &mut to_assign);
                let inside = edits.iter().filter(|e| lo <= e.lo && e.hi <= end);
                to_assign.extend(inside.cloned());
                let moved = apply_range(src, lo, end, to_assign);
                for line in moved.lines().filter(|l| !l.trim().is_empty()) {
                    assigned.push_str(&format!("\t{}\n", line.trim_start_matches(';').trim()));
                }
                edits.push(Edit {
                    lo,
                    hi: end,
                    text: String::new(),
                });
                let specs = g.specs.iter().flat_map(|sp| &sp.names);
                pkg_vars.extend(specs.filter_map(|n| types.info.defs.get(&n.id).copied()));
            }
        }
        let text = apply(src, edits);
        // Line 1 is the generated header (package clause and imports).
        let own = text.split_once('\n').map_or("", |(_, rest)| rest);
        match stmts {
            None => {
                let own = own.trim_matches('\n');
                if !own.trim().is_empty() {
                    decls.push_str(own);
                    decls.push_str("\n\n");
                }
                body.push_str(&assigned);
            }
            Some(_) => {
                // `func __gosub_inputN() {\n<statements>\n}\n`: the statements.
                let inner = text
                    .split_once("() {\n")
                    .map_or("", |(_, r)| r)
                    .trim_end()
                    .trim_end_matches('}')
                    .trim_matches('\n');
                let indent = !inner.contains('`');
                if inp.failed {
                    body.push_str(&format!(
                        "\t// {} did not complete in the session:\n",
                        inp.file
                    ));
                }
                for line in inner.lines() {
                    // What a removed `var`, `type` or `const` left: blank lines, leading
                    // `;`s (not inside a raw string, which may span lines).
                    let line = match line.trim_start().strip_prefix(';') {
                        Some(rest) if indent => {
                            rest.trim_start_matches(|c: char| c == ';' || c.is_whitespace())
                        }
                        _ => line,
                    };
                    if indent && line.trim().is_empty() {
                        continue;
                    }
                    match (inp.failed, indent) {
                        (true, _) => body.push_str(&format!("\t// {}\n", line)),
                        (false, true) => body.push_str(&format!("\t{}\n", line)),
                        (false, false) => body.push_str(&format!("{}\n", line)),
                    }
                }
            }
        }
    }
    let mut out = String::from(
        "// A gosub session, saved as a program: declarations in input order, the\n\
         // statements of the inputs in main.\n\npackage main\n",
    );
    let mut imps: Vec<String> = imports
        .iter()
        .map(|(alias, path)| match alias {
            Some(a) => format!("{} {:?}", a, path),
            None => format!("{:?}", path),
        })
        .collect();
    if used_fmt && !imports.iter().any(|(a, p)| a.is_none() && p == "fmt") {
        imps.push("\"fmt\"".into());
    }
    if !imps.is_empty() {
        out.push_str("\nimport (\n");
        for i in imps {
            out.push_str(&format!("\t{}\n", i));
        }
        out.push_str(")\n");
    }
    // Types are spelled with the saved names of replaced types.
    let mut tt = types.types.clone();
    for (&o, new) in &names {
        let obj = types.obj(o);
        if matches!(obj.kind, ObjKind::TypeName) && *new != obj.name {
            if let TypeKind::Named(n) = tt.kind(obj.ty).clone() {
                tt.named[n.0 as usize].name = new.clone();
            }
        }
    }
    let hoisted: Vec<String> = (resume.session_vars().iter())
        .chain(&pkg_vars)
        .filter_map(|o| {
            let name = names.get(o)?;
            let ty = tt.type_string(types.obj(*o).ty, false);
            (name != "_").then(|| format!("var {} {}\n", name, ty))
        })
        .collect();
    if !hoisted.is_empty() {
        out.push('\n');
        out.push_str(&hoisted.concat());
    }
    if !decls.is_empty() {
        out.push('\n');
        out.push_str(decls.trim_end());
        out.push('\n');
    }
    out.push_str("\nfunc main() {\n");
    out.push_str(&body);
    out.push_str("}\n");
    out
}

/// A package-level object of the session: a session variable, or a function, type,
/// variable or constant a declaration input declared at its top level.
fn is_top_level(types: &Program, main: usize, vars: &HashSet<ObjId>, o: ObjId) -> bool {
    let obj = types.obj(o);
    if vars.contains(&o) {
        return true;
    }
    obj.pkg == main
        && obj.owner.is_none()
        && !obj.name.starts_with("__")
        && match obj.kind {
            ObjKind::Var { global, .. } => global,
            ObjKind::Func { recv, .. } => recv.is_none(),
            ObjKind::TypeName | ObjKind::Const(_) => true,
            _ => false,
        }
}

/// The saved file's name for each top-level object: its own for the one its name means
/// now (and for a statement input's type whose name nothing else at the top level has),
/// `name_1`, `name_2`... for those later inputs replaced.
fn saved_names(
    types: &Program,
    main: usize,
    top: &[ObjId],
    reserved: &HashSet<String>,
) -> HashMap<ObjId, String> {
    let scope = &types.packages[main].scope;
    let mut taken: HashSet<String> = scope.keys().chain(reserved).cloned().collect();
    let mut count: HashMap<String, u32> = HashMap::new();
    let mut out = HashMap::new();
    for &o in top {
        let obj = types.obj(o);
        let name = &obj.name;
        let moved =
            obj.owner.is_some() && matches!(obj.kind, ObjKind::TypeName | ObjKind::Const(_));
        if scope.get(name) == Some(&o) || name == "_" || moved && taken.insert(name.clone()) {
            out.insert(o, name.clone());
            continue;
        }
        let n = count.entry(name.clone()).or_insert(0);
        let renamed = loop {
            *n += 1;
            let r = format!("{}_{}", name, n);
            if !taken.contains(&r) {
                break r;
            }
        };
        taken.insert(renamed.clone());
        out.insert(o, renamed);
    }
    out
}

/// A `type` or `const` declaration (of at least one name) among a statement input's
/// top-level statements, which moves to the top level: where it starts, where its keyword
/// ends, where its first spec starts and its last ends, and the names it declares.
struct MovedDecl {
    lo: u32,
    keyword_end: u32,
    first: u32,
    last: u32,
    names: Vec<NodeId>,
}

fn moved_decl(s: &Stmt) -> Option<MovedDecl> {
    let StmtKind::Decl(d) = &s.kind else {
        return None;
    };
    let (g_span, first, last, names) = match &**d {
        Decl::Type(g) => (
            g.span,
            g.specs.first()?.span.lo,
            g.specs.last()?.span.hi,
            g.specs.iter().map(|sp| sp.name.id).collect(),
        ),
        Decl::Const(g) => (
            g.span,
            g.specs.first()?.span.lo,
            g.specs.last()?.span.hi,
            (g.specs.iter())
                .flat_map(|sp| sp.names.iter().map(|n| n.id))
                .collect(),
        ),
        _ => return None,
    };
    Some(MovedDecl {
        lo: g_span.lo,
        keyword_end: g_span.hi,
        first,
        last,
        names,
    })
}

impl MovedDecl {
    /// Where the declaration ends in `src`: after its last spec, and after the `)` of a
    /// group. (A `GenDecl`'s span is its keyword's.)
    fn end(&self, base: u32, src: &str) -> usize {
        let off = |p: u32| p.saturating_sub(base) as usize;
        let end = off(self.last);
        let grouped =
            (src.get(off(self.keyword_end)..off(self.first))).is_some_and(|t| t.contains('('));
        match grouped {
            true => group_close(src, end).unwrap_or(end),
            false => end,
        }
    }
}

/// Just past the `)` that closes a declaration group whose last spec ends at `end`, after
/// spaces, `;` and comments; None when something else comes first.
fn group_close(src: &str, end: usize) -> Option<usize> {
    let mut at = end;
    loop {
        let rest = src.get(at..)?;
        let skip = if rest.starts_with("//") {
            rest.find('\n').unwrap_or(rest.len())
        } else if rest.starts_with("/*") {
            rest.find("*/").map_or(rest.len(), |i| i + 2)
        } else {
            rest.find(|c: char| !c.is_whitespace() && c != ';')
                .unwrap_or(rest.len())
        };
        if skip == 0 {
            return rest.starts_with(')').then_some(at + 1);
        }
        at += skip;
    }
}

/// A statement input's statements: the body of its `__gosub_input` function.
fn input_body(f: &File) -> Option<&[Stmt]> {
    f.decls.iter().find_map(|d| match d {
        Decl::Func(fd)
            if fd.recv.is_none() && fd.name.name.starts_with(gosub_types::SESSION_FN_PREFIX) =>
        {
            fd.body.as_ref().map(|b| b.stmts.as_slice())
        }
        _ => None,
    })
}

/// Edits that turn a top-level declaration of session variables into an assignment of
/// the package-level variables: `x := 1` into `x = 1`, `var x T = v` into `x = v`, and
/// `var x T` into nothing.
fn hoist(s: &Stmt, base: u32, src: &str, edits: &mut Vec<Edit>) {
    let off = |p: u32| p.saturating_sub(base) as usize;
    match &s.kind {
        StmtKind::Assign {
            op: AssignOp::Define,
            ..
        } => {
            let lo = off(s.span.lo);
            if src.get(lo..lo + 2) == Some(":=") {
                edits.push(Edit {
                    lo,
                    hi: lo + 2,
                    text: "=".into(),
                });
            }
        }
        StmtKind::Decl(d) => {
            if let Decl::Var(g) = &**d {
                hoist_var(g, base, src, edits);
            }
        }
        _ => {}
    }
}

/// Edits that turn a `var` declaration into an assignment of the (package-level)
/// variables it declares: `var x T = v` into `x = v`, `var x T` into nothing, a group's
/// `var (` and `)` removed. Returns the end offset of the declaration in `src`.
fn hoist_var(
    g: &gosub_syntax::ast::GenDecl<gosub_syntax::ast::ValueSpec>,
    base: u32,
    src: &str,
    edits: &mut Vec<Edit>,
) -> usize {
    let off = |p: u32| p.saturating_sub(base) as usize;
    // (Spans of a compiled input lie in its text; a bad one reads as empty, never panics.)
    let text = |lo: usize, hi: usize| src.get(lo..hi).unwrap_or("");
    let (Some(first), Some(last)) = (g.specs.first(), g.specs.last()) else {
        return off(g.span.hi);
    };
    let Some(n0) = first.names.first() else {
        return off(g.span.hi);
    };
    // `var (` up to the first name, and a group's `)`.
    edits.push(Edit {
        lo: off(g.span.lo),
        hi: off(n0.span.lo),
        text: String::new(),
    });
    // (A `GenDecl`'s span is its keyword's.)
    let grouped = text(off(g.span.hi), off(n0.span.lo)).contains('(');
    let last_end = off(last.span.hi);
    let mut end = last_end;
    if let Some(close) = group_close(src, last_end).filter(|_| grouped) {
        end = close;
        edits.push(Edit {
            lo: last_end,
            hi: end,
            text: String::new(),
        });
    }
    for (i, spec) in g.specs.iter().enumerate() {
        let (Some(first_name), Some(last_name)) = (spec.names.first(), spec.names.last()) else {
            continue;
        };
        let after = off(last_name.span.hi);
        match text(after, off(spec.span.hi)).find('=') {
            // No value: the package-level variable is already zero.
            None => edits.push(Edit {
                lo: if i == 0 {
                    off(g.span.lo)
                } else {
                    off(first_name.span.lo)
                },
                hi: off(spec.span.hi),
                text: String::new(),
            }),
            // The type goes: `x, y T = a, b` is `x, y = a, b`.
            Some(eq) => edits.push(Edit {
                lo: after,
                hi: after + eq + 1,
                text: " =".into(),
            }),
        }
    }
    end
}

/// `src[lo..hi]` with `edits` (offsets in `src`, inside the range) applied.
fn apply_range(src: &str, lo: usize, hi: usize, edits: Vec<Edit>) -> String {
    let Some(part) = src.get(lo..hi) else {
        return String::new();
    };
    let shifted = (edits.into_iter())
        .filter(|e| lo <= e.lo && e.hi <= hi)
        .map(|e| Edit {
            lo: e.lo - lo,
            hi: e.hi - lo,
            text: e.text,
        })
        .collect();
    apply(part, shifted)
}

/// `src` with `edits` applied; an edit overlapping an earlier (or wider) one is dropped.
fn apply(src: &str, mut edits: Vec<Edit>) -> String {
    edits.sort_by_key(|e| (e.lo, std::cmp::Reverse(e.hi)));
    let mut out = String::new();
    let mut at = 0;
    for e in edits {
        let Some(kept) = src
            .get(at..e.lo)
            .filter(|_| e.hi <= src.len() && e.lo <= e.hi)
        else {
            continue;
        };
        out.push_str(kept);
        out.push_str(&e.text);
        at = e.hi;
    }
    out.push_str(src.get(at..).unwrap_or(""));
    out
}
