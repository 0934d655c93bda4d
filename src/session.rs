//! `Vm::eval`'s session: what earlier inputs declared and did, and the program each new
//! input becomes.
//!
//! First-version strategy, "replay" (as gore does): the session keeps the accumulated
//! imports, declarations and statements; each eval builds one program
//!
//! ```text
//! package main
//! import (...)                       // the session's imports + the new ones
//! <earlier declarations> <new declarations>
//! <helpers: __result, __capture, __discard>
//! func main() { <earlier statements>; <new statements>; __result(<trailing expression>) }
//! ```
//!
//! and runs it on a fresh VM. The output of the replayed statements is suppressed (only
//! bytes beyond what the previous run printed reach the sinks) and `__result` hands the
//! trailing expression's value to the host. Invariant: the session only grows by inputs
//! that compiled and ran without error, so replaying it is (for deterministic scripts)
//! what the user saw before.

use gosub_syntax::ast::{self, StmtKind};
use gosub_syntax::ParseMode;

/// The name of the generated file in diagnostics and tracebacks.
pub const SESSION_FILE: &str = "<session>";
/// The name under which positions of the current input are reported.
pub const INPUT_FILE: &str = "<input>";

#[derive(Clone, Debug, Default)]
pub struct Session {
    /// (alias, path), in order of first import.
    pub imports: Vec<(Option<String>, String)>,
    pub decls: Vec<String>,
    pub stmts: Vec<String>,
    /// Session variables that get `_ = name` (so `declared and not used` does not fire).
    pub used: Vec<String>,
    /// Bytes the replayed program printed on stdout / stderr when it last ran.
    pub out_len: usize,
    pub err_len: usize,
}

/// One input, classified.
#[derive(Clone, Debug, Default)]
pub struct Input {
    pub imports: Vec<(Option<String>, String)>,
    /// Declarations (positions kept: text before the first declaration is blanked).
    pub decls: Option<String>,
    /// Statements before the trailing expression (positions kept).
    pub stmts: String,
    /// The trailing expression, if the input ends with an expression statement.
    pub expr: Option<String>,
}

/// Blanks `s[..n]` except newlines, so positions after it are unchanged.
fn blank_prefix(s: &str, n: usize) -> String {
    let mut out: String = s[..n]
        .chars()
        .map(|c| if c == '\n' { '\n' } else { ' ' })
        .collect();
    out.push_str(&s[n..]);
    out
}

/// Renames a top-level `func main()` to `__main` (loaded files keep their other code).
fn rename_main(src: &str, f: &ast::File, base: usize) -> String {
    let mut s = src.to_string();
    for d in &f.decls {
        if let ast::Decl::Func(fd) = d {
            if fd.recv.is_none() && fd.name.name == "main" {
                let lo = fd.name.span.lo as usize - base;
                if s.get(lo..lo + 4) == Some("main") {
                    s.replace_range(lo..lo + 4, "__main");
                }
            }
        }
    }
    s
}

/// Splits an input into imports, declarations, statements and a trailing expression.
pub fn classify(src: &str) -> Input {
    // A whole file? (`package x` first): drop the clause.
    let trimmed = src.trim_start();
    let src_owned;
    let mut src = src;
    if trimmed.starts_with("package ") {
        let start = src.len() - trimmed.len();
        let end = src[start..]
            .find('\n')
            .map(|i| start + i)
            .unwrap_or(src.len());
        src_owned = blank_prefix(src, end);
        src = &src_owned;
    }
    // Declarations?
    let head = "package main\n";
    let file_text = format!("{}{}", head, src);
    if let Ok(f) = gosub_syntax::parse_file(&file_text, 1, 0, ParseMode::default()) {
        let base = 1 + head.len();
        let imports = f
            .imports
            .iter()
            .map(|i| (i.name.as_ref().map(|n| n.name.clone()), i.path.clone()))
            .collect();
        let first = f
            .decls
            .iter()
            .map(|d| match d {
                ast::Decl::Var(g) | ast::Decl::Const(g) => g.span.lo,
                ast::Decl::Type(g) => g.span.lo,
                ast::Decl::Func(fd) => fd.span.lo,
            })
            .min();
        let decls = first.map(|lo| {
            let lo = (lo as usize).saturating_sub(base).min(src.len());
            let text = blank_prefix(src, lo);
            rename_main(&text, &f, base)
        });
        return Input {
            imports,
            decls,
            ..Default::default()
        };
    }
    // Statements?
    let head = "package main\nfunc main() {\n";
    let body_text = format!("{}{}\n}}\n", head, src);
    let mode = ParseMode {
        lenient_imports: true,
    };
    if let Ok(f) = gosub_syntax::parse_file(&body_text, 1, 0, mode) {
        let base = 1 + head.len();
        let mut inp = Input {
            imports: f
                .imports
                .iter()
                .map(|i| (i.name.as_ref().map(|n| n.name.clone()), i.path.clone()))
                .collect(),
            ..Default::default()
        };
        let mut text = src.to_string();
        // Imports inside the input: blank them (they become file-level imports).
        for sp in &f.misplaced_imports {
            let lo = (sp.lo as usize).saturating_sub(base);
            let end = text[lo..]
                .find(['\n', ';'])
                .map(|i| lo + i)
                .unwrap_or(text.len());
            let mut end = end;
            // `import ( ... )`
            if text[lo..]
                .trim_start_matches("import")
                .trim_start()
                .starts_with('(')
            {
                end = text[lo..]
                    .find(')')
                    .map(|i| lo + i + 1)
                    .unwrap_or(text.len());
            }
            let blanked: String = text[lo..end]
                .chars()
                .map(|c| if c == '\n' { '\n' } else { ' ' })
                .collect();
            text.replace_range(lo..end, &blanked);
        }
        let body = f.decls.iter().find_map(|d| match d {
            ast::Decl::Func(fd) => fd.body.as_ref(),
            _ => None,
        });
        if let Some(last) = body.and_then(|b| b.stmts.last()) {
            if let StmtKind::Expr(e) = &last.kind {
                // An expression's own span starts at its operator for binary expressions:
                // take the extent of every span in its subtree.
                let (lo, hi) = extent(e);
                let lo = (lo as usize).saturating_sub(base).min(text.len());
                let mut hi = (hi as usize).saturating_sub(base).min(text.len());
                // Closing brackets a node's span may leave out.
                let open = |t: &str, a: char, b: char| {
                    t.matches(a).count() as i64 - t.matches(b).count() as i64
                };
                while hi < text.len() {
                    let t = &text[lo..hi];
                    let rest = text[hi..].trim_start();
                    let skip = text.len() - hi - rest.len();
                    let c = match rest.chars().next() {
                        Some(c @ (')' | ']' | '}')) => c,
                        _ => break,
                    };
                    let need = match c {
                        ')' => open(t, '(', ')'),
                        ']' => open(t, '[', ']'),
                        _ => open(t, '{', '}'),
                    };
                    if need <= 0 {
                        break;
                    }
                    hi += skip + 1;
                }
                if lo < hi {
                    inp.expr = Some(text[lo..hi].to_string());
                    inp.stmts = text[..lo].to_string();
                    return inp;
                }
            }
        }
        inp.stmts = text;
        return inp;
    }
    // Neither parses: report errors as whichever it looks like.
    let first = trimmed.split_whitespace().next().unwrap_or("");
    if matches!(first, "func" | "type" | "import" | "package") && !trimmed.starts_with("func(") {
        Input {
            decls: Some(src.to_string()),
            ..Default::default()
        }
    } else {
        Input {
            stmts: src.to_string(),
            ..Default::default()
        }
    }
}

/// Standard packages referred to as `name.` in `text` that are not imported.
pub fn implicit_imports(
    text: &str,
    have: &[(Option<String>, String)],
    hosts: &[String],
) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let all = gosub_std::PACKAGES
        .iter()
        .copied()
        .chain(["sync"])
        .chain(hosts.iter().map(|s| s.as_str()));
    for path in all {
        if path == "C" {
            continue;
        }
        let name = path.rsplit('/').next().unwrap_or(path);
        let already = have.iter().any(|(a, p)| {
            p == path || a.as_deref() == Some(name) || p.rsplit('/').next() == Some(name)
        });
        if already || out.iter().any(|p: &String| p == path) {
            continue;
        }
        let pat = format!("{}.", name);
        let mut from = 0;
        while let Some(i) = text[from..].find(&pat) {
            let at = from + i;
            let before_ok = at == 0 || {
                let c = bytes[at - 1];
                !(c.is_ascii_alphanumeric() || c == b'_' || c == b'.' || c == b'"')
            };
            let after_ok = bytes
                .get(at + pat.len())
                .is_some_and(|c| c.is_ascii_uppercase());
            if before_ok && after_ok {
                out.push(path.to_string());
                break;
            }
            from = at + pat.len();
        }
    }
    out
}

/// Options for building a program from the session and one input.
pub struct Build<'a> {
    pub input: &'a Input,
    /// Imports of the program (session + new + implicit), minus dropped unused ones.
    pub imports: &'a [(Option<String>, String)],
    /// Names to mark used.
    pub used: &'a [String],
    /// Print the trailing expression's values with %+v and %T (the REPL).
    pub echo: bool,
    /// Keep the trailing expression as a statement (it has no value).
    pub expr_as_stmt: bool,
    /// Extra statements at the end of main (type probes).
    pub tail: &'a str,
}

/// Where the current input landed in the generated program (1-based lines).
#[derive(Clone, Copy, Debug, Default)]
pub struct Layout {
    pub decl_line: u32,
    pub stmt_line: u32,
    /// Line and column (1-based) where the trailing expression starts in the program,
    /// and how far it was shifted right by the `__result(` prefix.
    pub expr_line: u32,
    pub expr_col: u32,
    pub expr_shift: u32,
}

/// Builds the program text.
pub fn build(s: &Session, b: &Build) -> (String, Layout) {
    let mut out = String::from("package main\n\n");
    let mut lay = Layout::default();
    for (alias, path) in b.imports {
        match alias {
            Some(a) => out.push_str(&format!("import {} {:?}\n", a, path)),
            None => out.push_str(&format!("import {:?}\n", path)),
        }
    }
    if b.echo {
        out.push_str("import __fmt \"fmt\"\n");
    }
    out.push('\n');
    for d in &s.decls {
        out.push_str(d);
        out.push('\n');
    }
    if let Some(d) = &b.input.decls {
        lay.decl_line = out.lines().count() as u32 + 1;
        out.push_str(d);
        out.push('\n');
    }
    out.push_str("\nfunc __capture(vs []any)\n\nfunc __discard(vs ...any) {}\n\n");
    if b.echo {
        out.push_str("func __echo(v string, t string)\n\nfunc __result(vs ...any) {\n\t__capture(vs)\n\tfor _, v := range vs {\n\t\t__echo(__fmt.Sprintf(\"%+v\", v), __fmt.Sprintf(\"%T\", v))\n\t}\n}\n");
    } else {
        out.push_str("func __result(vs ...any) {\n\t__capture(vs)\n}\n");
    }
    out.push_str("\nfunc main() {\n");
    for st in &s.stmts {
        out.push_str(st);
        out.push('\n');
    }
    lay.stmt_line = out.lines().count() as u32 + 1;
    out.push_str(&b.input.stmts);
    if let Some(e) = &b.input.expr {
        let before = out.rsplit('\n').next().unwrap_or("");
        lay.expr_line = out.lines().count().max(1) as u32;
        if out.ends_with('\n') {
            lay.expr_line += 1;
        }
        lay.expr_col = before.len() as u32 + 1;
        if b.expr_as_stmt {
            out.push_str(e);
        } else {
            lay.expr_shift = "__result(".len() as u32;
            out.push_str("__result(");
            out.push_str(e);
            out.push(')');
        }
    }
    out.push('\n');
    for n in b.used {
        out.push_str(&format!("_ = {}\n", n));
    }
    out.push_str(b.tail);
    out.push_str("}\n");
    (out, lay)
}

/// Maps a diagnostic of the generated program back to the input's positions.
pub fn map_diag(d: &mut crate::Diagnostic, lay: &Layout, input: &Input) {
    if d.file != SESSION_FILE {
        return;
    }
    let decl_lines = input
        .decls
        .as_ref()
        .map(|t| t.lines().count() as u32)
        .unwrap_or(0);
    let stmt_lines =
        input.stmts.matches('\n').count() as u32 + if input.expr.is_some() { 1 } else { 0 };
    if lay.decl_line > 0 && d.line >= lay.decl_line && d.line < lay.decl_line + decl_lines.max(1) {
        d.file = INPUT_FILE.into();
        d.line = d.line - lay.decl_line + 1;
    } else if d.line >= lay.stmt_line && d.line < lay.stmt_line + stmt_lines.max(1) {
        if lay.expr_line == d.line && d.col >= lay.expr_col + lay.expr_shift {
            d.col -= lay.expr_shift;
        }
        d.file = INPUT_FILE.into();
        d.line = d.line - lay.stmt_line + 1;
    }
}

/// The smallest and largest offsets of any span in the expression's subtree (read off its
/// `Debug` form, which lists every node's span).
fn extent(e: &ast::Expr) -> (u32, u32) {
    let dbg = format!("{:?}", e);
    let mut lo = e.span.lo;
    let mut hi = e.span.hi;
    for (key, is_lo) in [("lo: ", true), ("hi: ", false)] {
        let mut from = 0;
        while let Some(i) = dbg[from..].find(key) {
            let at = from + i + key.len();
            let n: String = dbg[at..]
                .chars()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            if let Ok(v) = n.parse::<u32>() {
                if is_lo {
                    lo = lo.min(v);
                } else {
                    hi = hi.max(v);
                }
            }
            from = at;
        }
    }
    (lo, hi)
}

/// Top-level names a parsed file declares: funcs (not methods), types, vars and consts.
pub fn file_names(f: &ast::File) -> Vec<String> {
    let mut out = Vec::new();
    for d in &f.decls {
        decl_names(d, &mut out);
    }
    out
}

fn decl_names(d: &ast::Decl, out: &mut Vec<String>) {
    match d {
        ast::Decl::Var(g) | ast::Decl::Const(g) => {
            for s in &g.specs {
                out.extend(s.names.iter().map(|n| n.name.clone()));
            }
        }
        ast::Decl::Type(g) => out.extend(g.specs.iter().map(|s| s.name.name.clone())),
        ast::Decl::Func(fd) => {
            if fd.recv.is_none() {
                out.push(fd.name.name.clone());
            }
        }
    }
}

impl Session {
    /// The names the session declares (package-level declarations, top-level `:=` and
    /// `var` statements of earlier inputs, import names), sorted, without the session's
    /// own helpers (`__...`) and `_`.
    pub fn names(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (alias, path) in &self.imports {
            match alias {
                Some(a) => out.push(a.clone()),
                None => out.push(path.rsplit('/').next().unwrap_or(path).to_string()),
            }
        }
        let decls = format!("package main\n{}\n", self.decls.join("\n"));
        if let Ok(f) = gosub_syntax::parse_file(&decls, 1, 0, ParseMode::default()) {
            out.extend(file_names(&f));
        }
        let body = format!(
            "package main\nfunc main() {{\n{}\n}}\n",
            self.stmts.join("\n")
        );
        let mode = ParseMode {
            lenient_imports: true,
        };
        if let Ok(f) = gosub_syntax::parse_file(&body, 1, 0, mode) {
            let stmts = f.decls.iter().find_map(|d| match d {
                ast::Decl::Func(fd) => fd.body.as_ref(),
                _ => None,
            });
            for st in stmts.map(|b| b.stmts.as_slice()).unwrap_or(&[]) {
                match &st.kind {
                    StmtKind::Assign {
                        lhs,
                        op: ast::AssignOp::Define,
                        ..
                    } => {
                        for e in lhs {
                            if let ast::ExprKind::Ident(i) = &e.kind {
                                out.push(i.name.clone());
                            }
                        }
                    }
                    StmtKind::Decl(d) => decl_names(d, &mut out),
                    _ => {}
                }
            }
        }
        out.retain(|n| n != "_" && !n.starts_with("__"));
        out.sort();
        out.dedup();
        out
    }
}
