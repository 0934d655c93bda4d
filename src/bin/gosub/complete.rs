//! The REPL's tab completion and `:doc`.
//!
//! Completion offers, for the word before the cursor: after `p.` or `p.In.`, the fields
//! and methods of a session variable (`Vm::session_members`); after `pkg.`, the exported
//! top-level names of that standard package (read from its Go source, `gosub_std::source`); after a
//! leading `:`, the REPL's commands; after `:load `, file names; otherwise the names the
//! session declared, the standard packages' names, Go's keywords and predeclared names.
//!
//! `:doc` renders a declaration of a standard package (or of the session) back from its
//! source: the signature as written (a func's header up to its body, a type's whole spec,
//! a var/const spec) and the first line of its doc comment (the `//` lines right above it).

use gosub::Vm;
use gosub_syntax::ast::{self, Decl};
use gosub_syntax::ParseMode;
use rustyline::completion::{Completer, FilenameCompleter, Pair};
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::Context;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// The REPL's commands, as completion offers them.
pub const COMMANDS: &[&str] = &[
    "doc", "disasm", "escape", "gc", "help", "load", "mem", "quit", "reset", "save", "time", "type",
];

const KEYWORDS: &[&str] = &[
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
];

const PREDECLARED: &[&str] = &[
    "any",
    "append",
    "bool",
    "byte",
    "cap",
    "clear",
    "close",
    "complex",
    "complex128",
    "complex64",
    "copy",
    "delete",
    "error",
    "false",
    "float32",
    "float64",
    "imag",
    "int",
    "int16",
    "int32",
    "int64",
    "int8",
    "iota",
    "len",
    "make",
    "max",
    "min",
    "new",
    "nil",
    "panic",
    "print",
    "println",
    "real",
    "recover",
    "rune",
    "string",
    "true",
    "uint",
    "uint16",
    "uint32",
    "uint64",
    "uint8",
    "uintptr",
];

fn is_ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

fn exported(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_uppercase())
}

/// The standard package a qualifier names: its full path (`unicode/utf8`) or its last
/// element (`utf8`).
pub fn package_path(qual: &str) -> Option<&'static str> {
    gosub_std::PACKAGES
        .iter()
        .copied()
        .filter(|p| gosub_std::source(p).is_some())
        .find(|p| *p == qual || gosub_syntax::import_name(p) == qual)
}

/// The names of the standard packages as a script refers to them (`utf8`, not
/// `unicode/utf8`).
pub fn package_names() -> Vec<&'static str> {
    let mut v: Vec<&str> = gosub_std::PACKAGES
        .iter()
        .map(|p| gosub_syntax::import_name(p))
        .filter(|n| *n != "C")
        .collect();
    v.sort();
    v.dedup();
    v
}

/// A Go source parsed with base offset 1 (spans are `offset + 1`).
struct Parsed<'a> {
    src: &'a str,
    file: ast::File,
}

fn parse(src: &str) -> Option<Parsed<'_>> {
    let file = gosub_syntax::parse_file(src, 1, 0, ParseMode::default()).ok()?;
    Some(Parsed { src, file })
}

/// The exported top-level names of a standard package (funcs, types, vars, consts), in
/// all of its files, sorted.
pub fn package_members(path: &str) -> Vec<String> {
    let files = gosub_std::files(path).unwrap_or(&[]);
    let mut v: Vec<String> = files
        .iter()
        .filter_map(|&(_, text)| parse(text))
        .flat_map(|p| gosub::session::file_names(&p.file))
        .filter(|n| exported(n))
        .collect();
    v.sort();
    v.dedup();
    v
}

/// Completion candidates for `line` with the cursor at byte `pos`: the byte offset where
/// the replaced word starts, and the words (sorted, deduplicated). `session` holds the
/// names the session declared, `members` the fields and methods after a session
/// variable's selector path (`Vm::session_members`), and `probe` gives them after any
/// other expression (`f().`, `xs[0].`: `Vm::members_of`, which type-checks it).
pub fn complete(
    line: &str,
    pos: usize,
    session: &[String],
    members: &HashMap<String, Vec<String>>,
    probe: &dyn Fn(&str) -> Vec<String>,
) -> (usize, Vec<String>) {
    let pos = pos.min(line.len());
    let b = line.as_bytes();
    let mut start = pos;
    while start > 0 && is_ident_byte(b[start - 1]) {
        start -= 1;
    }
    let word = &line[start..pos];
    let filter = |names: &mut dyn Iterator<Item = String>| {
        let mut v: Vec<String> = names.filter(|n| n.starts_with(word)).collect();
        v.sort();
        v.dedup();
        v
    };
    // `p.Inner.Wor`: a member of a session variable.
    if start > 0 && b[start - 1] == b'.' {
        let mut q = start - 1;
        while q > 0 && (is_ident_byte(b[q - 1]) || b[q - 1] == b'.') {
            q -= 1;
        }
        if let Some(ms) = members.get(&line[q..start - 1]) {
            return (start, filter(&mut ms.iter().cloned()));
        }
        // `f().Wor`, `xs[i].Wor`, `m["k"].Inner.Wor`: any operand ending in a call, index
        // or literal, typed by the checker.
        let e = operand_start(b, start - 1);
        let expr = &line[e..start - 1];
        if expr.contains(['(', '[', '{']) {
            return (start, filter(&mut probe(expr).into_iter()));
        }
    }
    // `pkg.Wor`
    if start > 0 && b[start - 1] == b'.' {
        let mut q = start - 1;
        while q > 0 && (is_ident_byte(b[q - 1]) || b[q - 1] == b'/') {
            q -= 1;
        }
        let qual = &line[q..start - 1];
        let before_ok = q == 0 || b[q - 1] != b'.';
        let shadowed = session.iter().any(|n| n == qual)
            && !package_names().contains(&gosub_syntax::import_name(qual));
        if let (true, false, Some(path)) = (before_ok, shadowed, package_path(qual)) {
            return (start, filter(&mut package_members(path).into_iter()));
        }
        return (start, Vec::new());
    }
    // `:comm`
    let lead = line.len() - line.trim_start().len();
    if start == lead + 1 && b.get(lead) == Some(&b':') {
        return (start, filter(&mut COMMANDS.iter().map(|c| c.to_string())));
    }
    let mut all = session
        .iter()
        .cloned()
        .chain(package_names().into_iter().map(String::from))
        .chain(KEYWORDS.iter().map(|s| s.to_string()))
        .chain(PREDECLARED.iter().map(|s| s.to_string()));
    if word.is_empty() {
        return (start, Vec::new());
    }
    (start, filter(&mut all))
}

/// Where the operand that ends at byte `end` (before a `.`) starts: back over names,
/// selectors and bracketed groups (`f(a, b)`, `xs[i]`, `T{1, 2}`, strings inside them);
/// `end` itself when there is none.
fn operand_start(b: &[u8], end: usize) -> usize {
    let mut q = end;
    while q > 0 {
        let c = b[q - 1];
        if is_ident_byte(c) || c == b'.' {
            q -= 1;
        } else if matches!(c, b')' | b']' | b'}') {
            // Back to the matching opener, skipping quoted text.
            let mut depth = 0usize;
            let mut quote: Option<u8> = None;
            loop {
                if q == 0 {
                    return end; // unbalanced: no operand
                }
                q -= 1;
                let c = b[q];
                match quote {
                    Some(qc) if c == qc && (q == 0 || b[q - 1] != b'\\') => quote = None,
                    Some(_) => {}
                    None => match c {
                        b'"' | b'\'' | b'`' => quote = Some(c),
                        b')' | b']' | b'}' => depth += 1,
                        b'(' | b'[' | b'{' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    },
                }
            }
        } else {
            break;
        }
    }
    q
}

/// The rustyline helper: completion (see `complete`), no hints, highlighting or validation
/// (multi-line input is handled by the REPL loop).
pub struct ReplHelper {
    /// The session's names, refreshed by the REPL after each input.
    pub names: Vec<String>,
    /// The members of the session's variables, by selector path (refreshed likewise).
    pub members: HashMap<String, Vec<String>>,
    files: FilenameCompleter,
    /// The session, to type an operand before a `.` (`complete`'s `probe`); the REPL loop
    /// does not use it while the editor reads a line.
    vm: Rc<RefCell<Vm>>,
}

impl ReplHelper {
    pub fn new(vm: Rc<RefCell<Vm>>) -> ReplHelper {
        ReplHelper {
            names: Vec::new(),
            members: HashMap::new(),
            files: FilenameCompleter::new(),
            vm,
        }
    }
}

impl Completer for ReplHelper {
    type Candidate = Pair;
    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        if line.trim_start().starts_with(":load ") {
            return self.files.complete_path(line, pos);
        }
        let probe = |expr: &str| match self.vm.try_borrow_mut() {
            Ok(mut vm) => vm.members_of(expr).unwrap_or_default(),
            Err(_) => Vec::new(),
        };
        let (start, words) = complete(line, pos, &self.names, &self.members, &probe);
        Ok((
            start,
            words
                .into_iter()
                .map(|w| Pair {
                    display: w.clone(),
                    replacement: w,
                })
                .collect(),
        ))
    }
}

impl Hinter for ReplHelper {
    type Hint = String;
}
impl Highlighter for ReplHelper {}
impl Validator for ReplHelper {}
impl rustyline::Helper for ReplHelper {}

/// The end of a declaration's header starting at byte `lo`: the first newline, `;` or
/// unmatched closing bracket outside brackets, strings and comments, with a trailing line
/// comment and spaces left out.
fn decl_end(src: &str, lo: usize) -> usize {
    let b = src.as_bytes();
    let mut depth = 0i32;
    let mut i = lo;
    let mut last = lo; // end of the last non-space, non-comment byte
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
                    i += 1;
                }
                i += 2;
                continue;
            }
            b'\n' | b';' if depth == 0 => break,
            q @ (b'"' | b'\'' | b'`') => {
                i += 1;
                while i < b.len() && b[i] != q {
                    if b[i] == b'\\' && q != b'`' {
                        i += 1;
                    }
                    i += 1;
                }
                last = (i + 1).min(b.len());
            }
            b'(' | b'[' | b'{' => {
                depth += 1;
                last = i + 1;
            }
            b')' | b']' | b'}' => {
                depth -= 1;
                if depth < 0 {
                    break;
                }
                last = i + 1;
            }
            c if c.is_ascii_whitespace() => {}
            _ => last = i + 1,
        }
        i += 1;
    }
    last
}

/// The first line of the `//` comment block ending on the line above byte `lo`'s line.
fn doc_line(src: &str, lo: usize) -> Option<String> {
    let line_start = src[..lo].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let mut first = None;
    for l in src[..line_start].lines().rev() {
        let t = l.trim();
        match t.strip_prefix("//") {
            Some(c) => first = Some(c.strip_prefix(' ').unwrap_or(c).trim_end().to_string()),
            None => break,
        }
    }
    first.filter(|s| !s.is_empty())
}

/// `func (b *Builder) WriteString(s string) (int, error)`: the header as written.
fn func_header(p: &Parsed, fd: &ast::FuncDecl) -> String {
    let lo = fd.span.lo as usize - 1;
    let hi = match &fd.body {
        Some(body) => body.span.lo as usize - 1,
        None => decl_end(p.src, lo),
    };
    one_line(p.src[lo..hi].trim())
}

/// Collapses a header written over several lines into one.
fn one_line(s: &str) -> String {
    if !s.contains('\n') {
        return s.to_string();
    }
    let mut out = String::new();
    for l in s.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if !out.is_empty() && !out.ends_with('(') && !l.starts_with(')') {
            out.push(' ');
        }
        out.push_str(l);
    }
    out.replace(",)", ")")
}

/// The receiver's base type name of a method.
fn recv_type(fd: &ast::FuncDecl) -> Option<String> {
    let r = fd.recv.as_ref()?;
    let t = gosub_syntax::gosrc::expr(&r.ty);
    Some(t.trim_start_matches('*').to_string())
}

/// Documentation of `name` (`Name` or `Type.Method`) in a parsed source, as `:doc` prints
/// it; `qual` is the package name to prefix nothing with (the source's own names are
/// written unqualified, as in the source).
fn doc_in(p: &Parsed, path: &[&str]) -> Option<String> {
    let mut out = String::new();
    let push_doc = |out: &mut String, d: Option<String>| {
        if let Some(d) = d {
            out.push_str("    ");
            out.push_str(&d);
            out.push('\n');
        }
    };
    match path {
        [name] => {
            // The last declaration: a session may have redeclared the name.
            for d in p.file.decls.iter().rev() {
                match d {
                    Decl::Func(fd) if fd.recv.is_none() && fd.name.name == *name => {
                        out.push_str(&func_header(p, fd));
                        out.push('\n');
                        push_doc(&mut out, doc_line(p.src, fd.span.lo as usize - 1));
                        return Some(out);
                    }
                    Decl::Type(g) => {
                        let Some(s) = g.specs.iter().find(|s| s.name.name == *name) else {
                            continue;
                        };
                        let lo = s.span.lo.min(s.name.span.lo) as usize - 1;
                        let text = p.src[lo..decl_end(p.src, lo)].trim();
                        let text = text.strip_prefix("type ").unwrap_or(text);
                        out.push_str(&format!("type {}\n", text));
                        push_doc(
                            &mut out,
                            doc_line(p.src, lo).or_else(|| {
                                (g.specs.len() == 1)
                                    .then(|| doc_line(p.src, g.span.lo as usize - 1))
                                    .flatten()
                            }),
                        );
                        // Its exported methods.
                        let methods: Vec<String> = p
                            .file
                            .decls
                            .iter()
                            .filter_map(|d| match d {
                                Decl::Func(fd)
                                    if recv_type(fd).as_deref() == Some(*name)
                                        && exported(&fd.name.name) =>
                                {
                                    Some(func_header(p, fd))
                                }
                                _ => None,
                            })
                            .collect();
                        for m in methods {
                            out.push_str(&m);
                            out.push('\n');
                        }
                        return Some(out);
                    }
                    Decl::Var(g) | Decl::Const(g) => {
                        let Some(s) = g
                            .specs
                            .iter()
                            .find(|s| s.names.iter().any(|n| n.name == *name))
                        else {
                            continue;
                        };
                        let kw = if matches!(d, Decl::Var(_)) {
                            "var"
                        } else {
                            "const"
                        };
                        let lo = s.names[0].span.lo as usize - 1;
                        let text = p.src[lo..decl_end(p.src, lo)].trim();
                        let text = text.strip_prefix(kw).map(str::trim).unwrap_or(text);
                        // `Pi  = 3.14` (aligned in a group): one space before `=`.
                        let text = match text.split_once('=') {
                            Some((names, value)) => format!(
                                "{} = {}",
                                names.split_whitespace().collect::<Vec<_>>().join(" "),
                                value.trim()
                            ),
                            None => text.to_string(),
                        };
                        out.push_str(&format!("{} {}\n", kw, text));
                        push_doc(
                            &mut out,
                            doc_line(p.src, lo).or_else(|| doc_line(p.src, g.span.lo as usize - 1)),
                        );
                        return Some(out);
                    }
                    _ => {}
                }
            }
            None
        }
        [ty, method] => p.file.decls.iter().find_map(|d| match d {
            Decl::Func(fd) if fd.name.name == *method && recv_type(fd).as_deref() == Some(*ty) => {
                let mut out = func_header(p, fd);
                out.push('\n');
                push_doc(&mut out, doc_line(p.src, fd.span.lo as usize - 1));
                Some(out)
            }
            _ => None,
        }),
        _ => None,
    }
}

/// `:doc` of `query`: `pkg` (the package's first comment line and its exported names),
/// `pkg.Name`, `pkg.Type.Method` of a standard package (`pkg` is its name or full path),
/// or `Name` / `Type.Method` declared in the session (`session_decls`: the session's
/// declarations as Go source).
pub fn doc(query: &str, session_decls: &str) -> Result<String, String> {
    let q = query.trim();
    if q.is_empty() {
        return Err("usage: :doc PKG.Name (or PKG, PKG.Type.Method, a session Name)".into());
    }
    // Split the package part: up to the first '.' after the last '/'.
    let slash = q.rfind('/').map(|i| i + 1).unwrap_or(0);
    let (qual, rest) = match q[slash..].find('.') {
        Some(i) => (&q[..slash + i], &q[slash + i + 1..]),
        None => (q, ""),
    };
    let session_src = format!("package main\n{}\n", session_decls);
    let from_session = || -> Option<String> {
        let p = parse(&session_src)?;
        let path: Vec<&str> = q.split('.').collect();
        doc_in(&p, &path)
    };
    if let Some(path) = package_path(qual) {
        // A session declaration of the same name wins over a package name.
        if let Some(d) = from_session() {
            return Ok(d);
        }
        let src = gosub_std::source(path).unwrap_or("");
        let p = parse(src).ok_or_else(|| format!("cannot parse package {}", path))?;
        if rest.is_empty() {
            let mut out = format!("package {} // import \"{}\"\n", p.file.package.name, path);
            if let Some(d) = doc_line(src, p.file.package.span.lo as usize - 1) {
                out.push_str(&format!("    {}\n", d));
            }
            out.push_str(&format!("exported: {}\n", package_members(path).join(" ")));
            return Ok(out);
        }
        let parts: Vec<&str> = rest.split('.').collect();
        let files = gosub_std::files(path).unwrap_or(&[]);
        return (files.iter())
            .find_map(|&(_, text)| doc_in(&parse(text)?, &parts))
            .ok_or_else(|| format!("no symbol {} in package {}", rest, path));
    }
    from_session().ok_or_else(|| {
        format!(
            "no package or session declaration {} (standard packages: {})",
            q,
            package_names().join(" ")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No operand can be typed (the probe of `complete` answers nothing).
    fn no_probe(_: &str) -> Vec<String> {
        Vec::new()
    }

    fn words(line: &str, names: &[&str]) -> Vec<String> {
        let names: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        complete(line, line.len(), &names, &HashMap::new(), &no_probe).1
    }

    #[test]
    fn package_members_after_dot() {
        let (start, w) = complete("x := strings.ToU", 16, &[], &HashMap::new(), &no_probe);
        assert_eq!(start, 13);
        assert_eq!(w, vec!["ToUpper", "ToUpperSpecial"]);
        let w = words("strings.", &[]);
        assert!(w.contains(&"Builder".to_string()) && w.contains(&"Repeat".to_string()));
        assert!(w.iter().all(|n| exported(n)), "{:?}", w);
        assert_eq!(words("utf8.RuneL", &[]), vec!["RuneLen"]);
        assert_eq!(
            words("fmt.Sprint", &[]),
            vec!["Sprint", "Sprintf", "Sprintln"]
        );
        assert!(words("math.P", &[]).contains(&"Pi".to_string()));
        // Not a package, and no members known: nothing.
        assert!(words("p.X", &["p"]).is_empty());
        assert!(words("a.strings.T", &[]).is_empty());
    }

    #[test]
    fn members_after_a_session_variable() {
        let members: HashMap<String, Vec<String>> = [
            (
                "p".to_string(),
                vec!["In".into(), "Scale".into(), "X".into()],
            ),
            ("p.In".to_string(), vec!["Name".into()]),
        ]
        .into();
        let names = vec!["p".to_string()];
        assert_eq!(
            complete("p.", 2, &names, &members, &no_probe),
            (2, vec!["In".into(), "Scale".into(), "X".into()])
        );
        assert_eq!(
            complete("q := p.S", 8, &names, &members, &no_probe),
            (7, vec!["Scale".into()])
        );
        assert_eq!(
            complete("p.In.N", 6, &names, &members, &no_probe),
            (5, vec!["Name".into()])
        );
        // A package's members when no session variable has the name.
        assert!(complete("strings.Rep", 11, &names, &members, &no_probe)
            .1
            .contains(&"Repeat".to_string()));
    }

    #[test]
    fn members_after_a_call_or_index_come_from_the_probe() {
        let asked = std::cell::RefCell::new(Vec::new());
        let probe = |e: &str| {
            asked.borrow_mut().push(e.to_string());
            vec!["Name".to_string(), "Next".into(), "X".into()]
        };
        let none = HashMap::new();
        assert_eq!(
            complete("f().N", 5, &[], &none, &probe),
            (4, vec!["Name".into(), "Next".into()])
        );
        let line = "y := xs[i+1].Inner(\"a)\", []int{1}).";
        assert_eq!(complete(line, line.len(), &[], &none, &probe).0, line.len());
        assert_eq!(
            complete("m[k].X", 6, &[], &none, &probe),
            (5, vec!["X".into()])
        );
        assert_eq!(
            *asked.borrow(),
            ["f()", "xs[i+1].Inner(\"a)\", []int{1})", "m[k]"]
        );
        // Unbalanced, or a plain name: the probe is not asked.
        asked.borrow_mut().clear();
        assert!(complete("g)).X", 5, &[], &none, &probe).1.is_empty());
        assert!(complete("v.X", 3, &["v".into()], &none, &probe)
            .1
            .is_empty());
        assert!(asked.borrow().is_empty());
    }

    #[test]
    fn members_of_an_expression_from_vm() {
        let mut vm = gosub::Vm::new();
        vm.eval("type In struct{ Name string }\ntype P struct{ X int; In In }\nfunc (p P) Get() int { return p.X }\nfunc mk() P { return P{} }\nxs := []*P{{X: 1}}").unwrap();
        assert_eq!(vm.members_of("mk()").unwrap(), ["Get", "In", "X"]);
        assert_eq!(vm.members_of("xs[0]").unwrap(), ["Get", "In", "X"]);
        assert_eq!(vm.members_of("mk().In").unwrap(), ["Name"]);
        assert!(vm.members_of("nope()").is_err());
        // Nothing ran or was declared: the session is as it was.
        assert!(vm.session_names().iter().all(|n| !n.contains("probe")));
        assert_eq!(vm.eval("len(xs)").unwrap().to_string(), "1");
    }

    #[test]
    fn session_names_packages_keywords() {
        assert_eq!(words("Dou", &["Double", "x"]), vec!["Double"]);
        assert_eq!(words("fmt.Println(cou", &["count", "x"]), vec!["count"]);
        assert_eq!(
            words("str", &[]),
            vec!["strconv", "string", "strings", "struct"]
        );
        assert_eq!(words("ut", &[]), vec!["utf16", "utf8"]);
        assert!(words("", &["x"]).is_empty());
        // Cursor in the middle of a line.
        let (start, w) = complete("Dou + 1", 3, &["Double".into()], &HashMap::new(), &no_probe);
        assert_eq!((start, w), (0, vec!["Double".to_string()]));
    }

    #[test]
    fn commands() {
        assert_eq!(words(":d", &[]), vec!["disasm", "doc"]);
        let w = words(":doc strings.Trim", &[]);
        assert!(w.contains(&"TrimSpace".to_string()), "{:?}", w);
        assert_eq!(words("  :q", &[]), vec!["quit"]);
    }

    #[test]
    fn session_names_from_vm() {
        let mut vm = gosub::Vm::new();
        vm.eval(
            "x := 1\nvar y = 2\nfunc Double(n int) int { return 2 * n }\ntype P struct{ X int }",
        )
        .ok();
        vm.eval("x := 1").ok();
        vm.eval("z, w := 1, 2").unwrap();
        vm.eval("func Triple(n int) int { return 3 * n }").unwrap();
        vm.eval("type Point struct { X, Y int }\nconst K = 3")
            .unwrap();
        vm.eval("var v = strings.ToUpper(\"a\")").unwrap();
        let names = vm.session_names();
        for n in ["Point", "K", "Triple", "v", "w", "z", "strings"] {
            assert!(
                names.iter().any(|x| x == n),
                "{} missing from {:?}",
                n,
                names
            );
        }
        assert!(names.iter().all(|n| !n.starts_with("__")));
        assert_eq!(words("Tri", &["Triple"]), vec!["Triple"]);
    }

    #[test]
    fn doc_of_std_declarations() {
        let d = doc("strings.ToUpper", "").unwrap();
        assert_eq!(d.lines().next(), Some("func ToUpper(s string) string"));
        let d = doc("strings.HasPrefix", "").unwrap();
        assert_eq!(
            d.lines().next(),
            Some("func HasPrefix(s, prefix string) bool")
        );
        let d = doc("strings.Builder", "").unwrap();
        assert!(d.starts_with("type Builder struct {"), "{}", d);
        assert!(
            d.contains("    A Builder is used to efficiently build a string using [Builder.Write] methods.\n"),
            "{}",
            d
        );
        assert!(
            d.contains("func (b *Builder) WriteString(s string) (int, error)\n"),
            "{}",
            d
        );
        let d = doc("strings.Builder.Len", "").unwrap();
        assert_eq!(
            d,
            "func (b *Builder) Len() int\n    Len returns the number of accumulated bytes; b.Len() == len(b.String()).\n"
        );
        let d = doc("math.Pi", "").unwrap();
        assert!(d.starts_with("const Pi = 3.14159"), "{}", d);
        assert_eq!(
            doc("math.MaxInt64", "").unwrap(),
            "const MaxInt64 = 1<<63 - 1\n"
        );
        let d = doc("unicode/utf8.RuneLen", "").unwrap();
        assert!(d.starts_with("func RuneLen(r rune) int"), "{}", d);
        assert_eq!(doc("utf8.RuneLen", "").unwrap(), d);
        let d = doc("os.Args", "").unwrap();
        assert!(d.starts_with("var Args []string"), "{}", d);
        let d = doc("strings", "").unwrap();
        assert!(
            d.starts_with("package strings // import \"strings\"\n    Package strings implements"),
            "{}",
            d
        );
        assert!(d.contains(" ToUpper "), "{}", d);
        assert!(doc("strings.Nope", "")
            .unwrap_err()
            .contains("no symbol Nope"));
        assert!(doc("nopkg.X", "").is_err());
    }

    #[test]
    fn doc_of_session_declarations() {
        let decls = "// Double doubles.\nfunc Double(n int) int { return 2 * n }\ntype P struct{ X int }\nfunc (p P) Get() int { return p.X }\n";
        assert_eq!(
            doc("Double", decls).unwrap(),
            "func Double(n int) int\n    Double doubles.\n"
        );
        assert_eq!(
            doc("P", decls).unwrap(),
            "type P struct{ X int }\nfunc (p P) Get() int\n"
        );
        assert_eq!(doc("P.Get", decls).unwrap(), "func (p P) Get() int\n");
    }
}
