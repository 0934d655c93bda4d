//! How `Vm::eval` reads an input: imports, declarations, statements and a trailing
//! expression (`classify`), and which standard packages it uses without importing them
//! (`implicit_imports`). The live session (`live.rs`) turns the pieces into a file.
//!
//! Invariant: the pieces keep the input's positions (text before them is blanked, newlines
//! kept), so diagnostics point at the input's own lines and columns.

use gosub_syntax::ast::{self, StmtKind};
use gosub_syntax::ParseMode;

/// The name under which positions of the current input are reported.
pub const INPUT_FILE: &str = "<input>";

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
    /// The file name the host gave the input (`Vm::eval_named`); `<input>` otherwise.
    pub name: Option<String>,
    /// An input mixing function declarations with statements runs as two: its
    /// declarations (this input) and then its statements (`then`), each text keeping the
    /// input's positions (`split_funcs`).
    pub then: Option<Box<Input>>,
    /// Classified from its tokens alone as one expression (`one_expression`), not parsed:
    /// if it does not compile for a syntax error, `Vm::eval` classifies it again by
    /// parsing (`classify_parsed`), so errors read as they always do.
    pub by_tokens: bool,
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

/// Splits an input into imports, declarations, statements and a trailing expression: an
/// input that is plainly one expression from its tokens (`one_expression`), else by
/// parsing it (`classify_parsed`).
pub fn classify(src: &str) -> Input {
    one_expression(src).unwrap_or_else(|| classify_parsed(src))
}

/// `classify` by parsing. The parse runs on the front end's stack (an input's syntax
/// tree is as deep as its shape).
pub fn classify_parsed(src: &str) -> Input {
    crate::front_stack::on_front_end_stack(|| classify_here(src))
}

/// An input that is one expression (`1+1`, `f(x)`, `m["k"]`, `T{X: 1}.M()`), told
/// from its tokens without a parse (a parse of the input costs as much as the compile's
/// own). Conservative: outside brackets only operands, operators and `.` (`<-` only
/// first), not starting with `[` or `{`, and no `;` but the one ending the input; anything else is
/// for `classify_parsed`. What is classified is what the parse would find: the whole
/// input as the trailing expression, the text before its first token as statements.
fn one_expression(src: &str) -> Option<Input> {
    use gosub_syntax::lexer::{lex, Semi, Tok};
    let lexed = lex(src, 0);
    if !lexed.errors.is_empty() {
        return None;
    }
    let mut toks = &lexed.tokens[..];
    while let [rest @ .., (_, Tok::Semi(Semi::Newline | Semi::Eof), _)] = toks {
        toks = rest;
    }
    let (first, last) = (toks.first()?, toks.last()?);
    // (A block, or what may be a bare type: `[]int`, a literal `[]int{1}` too.)
    if matches!(first.1, Tok::LBrace | Tok::LBrack) {
        return None;
    }
    let mut depth = 0u32;
    for (i, (_, t, _)) in toks.iter().enumerate() {
        match t {
            Tok::LParen | Tok::LBrack | Tok::LBrackTParams | Tok::LBrace => depth += 1,
            Tok::RParen | Tok::RBrack | Tok::RBrace => depth = depth.checked_sub(1)?,
            _ if depth > 0 => {}
            Tok::Ident(_) | Tok::Int(_) | Tok::Float(_) | Tok::Imag(_) | Tok::Rune(_) => {}
            Tok::Str(_) | Tok::Period | Tok::Not => {}
            // A receive leads (`<-ch`); elsewhere `<-` is a send, a statement.
            Tok::Arrow if i == 0 => {}
            // (Not `func`, nor a type's keyword: a function literal or a type at the top
            // is rare, a declaration or a bare type common.)
            t if t.is_binary_op() => {}
            _ => return None,
        }
    }
    if depth != 0 {
        return None;
    }
    let (lo, hi) = (first.0 as usize, last.2 as usize);
    Some(Input {
        stmts: src.get(..lo)?.to_string(),
        expr: Some(src.get(lo..hi)?.to_string()),
        by_tokens: true,
        ..Default::default()
    })
}

/// Whether `src` may be a file's declarations: nothing, or `import`, `func`, `var`,
/// `const` or `type` first (anything else cannot follow a package clause). A source the
/// lexer rejects may be anything: the parse says what is wrong.
fn may_be_declarations(src: &str) -> bool {
    use gosub_syntax::lexer::Tok;
    let lexed = gosub_syntax::lexer::lex(src, 0);
    !lexed.errors.is_empty()
        || lexed.tokens.first().is_none_or(|(_, t, _)| {
            matches!(
                t,
                Tok::Import | Tok::Func | Tok::Var | Tok::Const | Tok::Type
            )
        })
}

fn classify_here(src: &str) -> Input {
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
    // Declarations? (Only if it starts as a file's declarations do: the failed parse of
    // a statement as a file costs as much as the parse that follows.)
    let head = "package main\n";
    let file_text = format!("{}{}", head, src);
    let parsed = may_be_declarations(src)
        .then(|| gosub_syntax::parse_file(&file_text, 1, 0, ParseMode::default()).ok())
        .flatten();
    if let Some(f) = parsed {
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
    // Function declarations among statements (`func f() int {...}` then `x := f()`).
    if let Some((decls, stmts)) = split_funcs(src) {
        let mut d = classify(&decls);
        let s = classify(&stmts);
        if d.decls.is_some() && s.decls.is_none() {
            d.then = Some(Box::new(s));
            return d;
        }
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

/// Splits `src` into its top-level function declarations (a line starting `func NAME` or
/// `func (recv) NAME`, to the brace closing the body), with the type declarations beside
/// them (a line starting `type`, to the end of the declaration: methods need their types
/// at the package level), and everything else, as two texts of `src`'s length, each blank
/// where the other has text (so positions are `src`'s). None if there is no function
/// declaration. Found with the lexer, so strings and comments cannot confuse it.
fn split_funcs(src: &str) -> Option<(String, String)> {
    use gosub_syntax::lexer::{lex, Semi, Tok};
    let lexed = lex(src, 0);
    if !lexed.errors.is_empty() {
        return None;
    }
    let toks = &lexed.tokens;
    let at_line_start = |off: u32| off == 0 || src.as_bytes().get(off as usize - 1) == Some(&b'\n');
    // The index of the token closing the bracket opened at `i`.
    let closing = |i: usize| -> Option<usize> {
        let mut depth = 0i32;
        for (j, (_, t, _)) in toks.iter().enumerate().skip(i) {
            match t {
                Tok::LParen | Tok::LBrack | Tok::LBrackTParams | Tok::LBrace => depth += 1,
                Tok::RParen | Tok::RBrack | Tok::RBrace => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(j);
                    }
                }
                _ => {}
            }
        }
        None
    };
    let mut ranges = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let (lo, ref t, _) = toks[i];
        if !at_line_start(lo) || !matches!(t, Tok::Func | Tok::Type) {
            i += 1;
            continue;
        }
        let is_func = matches!(t, Tok::Func);
        // A declaration ends at the first newline (or `;`) outside brackets: after the body
        // of a function, after the spec of a type.
        let mut j = i + 1;
        if is_func {
            match toks.get(j) {
                Some((_, Tok::Ident(_), _)) => {}
                // `func (r T) M(...)`: a receiver, then a name (a literal has no name).
                Some((_, Tok::LParen, _)) => {
                    let r = closing(j)?;
                    if !matches!(toks.get(r + 1), Some((_, Tok::Ident(_), _))) {
                        i += 1;
                        continue;
                    }
                }
                _ => {
                    i += 1;
                    continue;
                }
            }
        }
        while j < toks.len() {
            match &toks[j].1 {
                Tok::LParen | Tok::LBrack | Tok::LBrackTParams | Tok::LBrace => j = closing(j)? + 1,
                Tok::Semi(Semi::Newline | Semi::Explicit | Semi::Eof) => break,
                _ => j += 1,
            }
        }
        let hi = toks.get(j).map_or(src.len(), |&(lo, _, _)| lo as usize);
        ranges.push((lo as usize, hi, is_func));
        i = j;
    }
    if !ranges.iter().any(|r| r.2) {
        return None;
    }
    let blank = |s: &str| -> String {
        s.chars()
            .map(|c| if c == '\n' { '\n' } else { ' ' })
            .collect()
    };
    let (mut decls, mut stmts) = (String::new(), String::new());
    let mut at = 0;
    for (lo, hi, _) in ranges {
        decls.push_str(&blank(&src[at..lo]));
        stmts.push_str(&src[at..lo]);
        decls.push_str(&src[lo..hi]);
        stmts.push_str(&blank(&src[lo..hi]));
        at = hi;
    }
    decls.push_str(&blank(&src[at..]));
    stmts.push_str(&src[at..]);
    Some((decls, stmts))
}

/// Standard packages referred to as `name.X` in `text` (`X` upper case, `name` not after
/// a `.` or a `"`) that are not imported.
pub fn implicit_imports(
    text: &str,
    have: &[(Option<String>, String)],
    hosts: &[String],
) -> Vec<String> {
    let named = qualifier_names(text);
    let mut out: Vec<String> = Vec::new();
    if named.is_empty() {
        return out;
    }
    let all = gosub_std::PACKAGES
        .iter()
        .copied()
        .chain(["sync"])
        .chain(hosts.iter().map(|s| s.as_str()));
    for path in all {
        if path == "C" {
            continue;
        }
        let name = gosub_syntax::import_name(path);
        if !named.contains(name) {
            continue;
        }
        let already = have.iter().any(|(a, p)| {
            p == path || a.as_deref() == Some(name) || gosub_syntax::import_name(p) == name
        });
        if !already && !out.iter().any(|p| p == path) {
            out.push(path.to_string());
        }
    }
    out
}

/// The words of `text` that stand before a `.` and an upper-case letter (`fmt` of
/// `fmt.Println`), but not after a `.` or a `"`: one pass, whatever the number of packages.
fn qualifier_names(text: &str) -> std::collections::HashSet<&str> {
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let bytes = text.as_bytes();
    let mut names = std::collections::HashSet::new();
    let mut i = 0;
    while i < bytes.len() {
        if !word(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && word(bytes[i]) {
            i += 1;
        }
        let free = start == 0 || !matches!(bytes[start - 1], b'.' | b'"');
        let selects =
            bytes.get(i) == Some(&b'.') && bytes.get(i + 1).is_some_and(|c| c.is_ascii_uppercase());
        if free && selects {
            names.insert(&text[start..i]);
        }
    }
    names
}

/// The smallest and largest offsets of any span in the expression's subtree (a binary
/// expression's own span starts at its operator; a closure's statements, fields and names
/// are nodes of the subtree too).
fn extent(e: &ast::Expr) -> (u32, u32) {
    use gosub_syntax::walk::{inspect, Node};
    let (mut lo, mut hi) = (e.span.lo, e.span.hi);
    inspect(Node::Expr(e), &mut |n| {
        let sp = match n {
            Node::Expr(x) => x.span,
            Node::Stmt(s) => s.span,
            Node::Field(f) => f.span,
            Node::Ident(i) => i.span,
            // Declarations inside a closure: their statements' span covers them.
            Node::Decl(_) => return true,
        };
        lo = lo.min(sp.lo);
        hi = hi.max(sp.hi);
        true
    });
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

#[cfg(test)]
mod tests {
    use super::implicit_imports;

    /// Only what may be a file's declarations is parsed as one; what is classified does
    /// not change (`classify` parses the rest as statements).
    #[test]
    fn only_what_starts_as_declarations_is_parsed_as_a_file() {
        use super::{classify, may_be_declarations};
        for (src, may) in [
            ("1+1", false),
            ("x := 1", false),
            ("fmt.Println(1)", false),
            ("", true),
            ("  // a comment\n/* and\nanother */ func F() {}", true),
            ("import \"fmt\"", true),
            ("var x = 1; x++", true),
            ("type T int", true),
            ("\u{0} x", true),
        ] {
            assert_eq!(may_be_declarations(src), may, "{src:?}");
        }
        let decl = classify("// c\nfunc F() int { return 1 }");
        assert!(decl.decls.is_some() && decl.expr.is_none() && decl.stmts.is_empty());
        let expr = classify("1 + 1");
        assert_eq!((expr.decls, expr.expr.as_deref()), (None, Some("1 + 1")));
        let mixed = classify("var x = 1; x++");
        assert!(mixed.decls.is_none() && mixed.stmts.contains("x++"));
    }

    /// What `one_expression` takes from the tokens is what the parse classifies; what it
    /// leaves is for the parse.
    #[test]
    fn one_expression_classifies_as_the_parse_does() {
        use super::{classify_parsed, one_expression};
        for src in [
            "1+1",
            "  f(x, y)",
            "\n// the sum\n(a + b) * c // why\n",
            "m[\"k\"]",
            "g(func() int { x := 1; return x }())",
            "T{1, 2}",
            "<-ch",
            "x.(fmt.Stringer)",
            "m[struct{ X int }{1}]",
            "s[1:2]",
            "p.X &^ 3",
        ] {
            let fast = one_expression(src).unwrap_or_else(|| panic!("{src:?} is one expression"));
            let parsed = classify_parsed(src);
            assert_eq!(fast.expr, parsed.expr, "{src:?}");
            assert_eq!(fast.stmts, parsed.stmts, "{src:?}");
            assert!(fast.imports.is_empty() && fast.decls.is_none() && fast.then.is_none());
        }
        for src in [
            "x := 1",
            "x = 1",
            "x++",
            "a, b",
            "f(); g()",
            "f()\ng()",
            "ch <- 1; x",
            "L: x",
            "go f()",
            "if x { y }",
            "var x = 1",
            "func F() {}",
            "func (T) M() {}",
            "func() int { return 1 }()",
            "ch <- 1",
            "{ x := 1; f(x) }",
            "[]int{1, 2}",
            "[]int",
            "map[string]int{\"a\": 1}",
            "struct{ X int }{1}",
            "chan int(nil)",
            "type T int",
            "import \"os\"",
            "x += 1",
            "(1",
            "1)",
            "`unterminated",
            "",
            "   ",
            "...",
        ] {
            assert!(one_expression(src).is_none(), "{src:?} is for the parse");
        }
    }

    fn found(text: &str) -> Vec<String> {
        implicit_imports(text, &[], &[])
    }

    #[test]
    fn a_package_is_implied_by_name_dot_exported_name_only() {
        assert_eq!(found("fmt.Println(1)"), ["fmt"]);
        assert_eq!(
            found("x := strings.ToUpper(s) + fmt.Sprint(1)"),
            ["fmt", "strings"]
        );
        assert_eq!(found("(math.Pi)"), ["math"]);
        // Not a qualifier: lower case after the dot, a longer word, after a dot or a quote.
        assert!(found("fmt.println(1)").is_empty());
        assert!(found("myfmt.Println(1)").is_empty());
        assert!(found("fmt_.Println(1)").is_empty());
        assert!(found("x.fmt.Println(1)").is_empty());
        assert!(found("\"fmt.Println\"").is_empty());
        assert!(found("fmt.").is_empty());
        // Imported already (by path or by its name).
        let have = [(None, "fmt".to_string())];
        assert!(implicit_imports("fmt.Println(1)", &have, &[]).is_empty());
        let renamed = [(Some("strings".to_string()), "bytes".to_string())];
        assert!(implicit_imports("strings.ToUpper(s)", &renamed, &[]).is_empty());
        // Host packages count too; a path's last element is its name.
        let hosts = ["acme/geo".to_string()];
        assert_eq!(
            implicit_imports("geo.Dist(1, 2)", &[], &hosts),
            ["acme/geo"]
        );
        assert_eq!(found("rand.Intn(3)")[0], "math/rand");
    }
}
