//! What the go command says about a file's header before gc sees the file: `go run` and
//! `go build` read the package clause and the imports first (go/parser in ImportsOnly
//! mode) and stop at the first error there, worded as go/parser words it (`expected
//! 'package', found x`, `missing import path`), with no `# command-line-arguments` line.
//! Past the imports, gc parses the file and its wording applies (parser.rs).
//!
//! Invariant: `header_error` returns an error only where go/parser's ImportsOnly parse
//! fails, and then its first one; a file whose header parses gets `None` whatever follows.

use crate::lexer::{self, Semi, Tok};

/// go/parser's description of the token it found: a name or literal as written, a newline
/// for an automatic semicolon, anything else quoted.
fn found(src: &str, tok: Option<&(u32, Tok, u32)>) -> String {
    match tok {
        None | Some((_, Tok::Semi(Semi::Eof), _)) => "'EOF'".into(),
        Some((_, Tok::Semi(Semi::Newline), _)) => "newline".into(),
        Some((lo, t, hi)) => {
            let text = src.get(*lo as usize..*hi as usize).unwrap_or("");
            match t {
                Tok::Ident(_)
                | Tok::Int(_)
                | Tok::Float(_)
                | Tok::Imag(_)
                | Tok::Rune(_)
                | Tok::Str(_) => text.to_string(),
                _ => format!("'{text}'"),
            }
        }
    }
}

/// The go command's error for `src`'s header, if it has one: (line, column, message), the
/// column counted as go/scanner does (a byte order mark at the start is not in it; gc's
/// columns on that line count it).
pub fn header_error(src: &str) -> Option<(u32, u32, String)> {
    let (off, msg) = header_error_at(src)?;
    let mut before = &src[..(off as usize).min(src.len())];
    // The end of a file that ends a line is on that line, as go/token places it (a line
    // starting at the file's size is not one).
    if before.len() == src.len() && !before.is_empty() && before.ends_with('\n') {
        before = &before[..before.len() - 1];
        let line = before.matches('\n').count() as u32 + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = (src.len() - line_start) as u32 + 1;
        return Some((line, col, msg));
    }
    let line = before.matches('\n').count() as u32 + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let mut col = (before.len() - line_start) as u32 + 1;
    if line == 1 && src.starts_with('\u{feff}') {
        col -= 3;
    }
    Some((line, col, msg))
}

/// `header_error` as (byte offset, message).
fn header_error_at(src: &str) -> Option<(u32, String)> {
    let lexed = lexer::lex(src, 0);
    let toks = &lexed.tokens;
    let end = src.len() as u32;
    let at = |i: usize| toks.get(i).map_or(end, |t| t.0);
    let is = |i: usize, want: fn(&Tok) -> bool| toks.get(i).is_some_and(|t| want(&t.1));
    let semi = |t: &Tok| matches!(t, Tok::Semi(_));
    // (A lexical error before the header ends is the scanner's: left to gc's wording.)
    let lexical = |i: usize| lexed.errors.iter().any(|e| e.span.lo <= at(i));
    let mut i = 0;
    if !is(i, |t| matches!(t, Tok::Package)) {
        if lexical(i) {
            return None;
        }
        let msg = format!("expected 'package', found {}", found(src, toks.get(i)));
        return Some((at(i), msg));
    }
    i += 1;
    if !is(i, |t| matches!(t, Tok::Ident(_))) {
        if lexical(i) {
            return None;
        }
        let msg = format!("expected 'IDENT', found {}", found(src, toks.get(i)));
        return Some((at(i), msg));
    }
    i += 1;
    if !is(i, semi) {
        return None;
    }
    i += 1;
    // import ( spec; ... ) or import spec;
    while is(i, |t| matches!(t, Tok::Import)) {
        i += 1;
        let group = is(i, |t| matches!(t, Tok::LParen));
        if group {
            i += 1;
        }
        loop {
            if group && is(i, |t| matches!(t, Tok::RParen)) {
                i += 1;
                break;
            }
            if group && (i >= toks.len() || is(i, |t| matches!(t, Tok::Semi(Semi::Eof)))) {
                return Some((at(i), "expected ')', found 'EOF'".into()));
            }
            // An import spec: [name | .] path.
            if is(i, |t| matches!(t, Tok::Ident(_) | Tok::Period)) {
                i += 1;
            }
            if lexical(i) {
                return None;
            }
            match toks.get(i).map(|t| &t.1) {
                Some(Tok::Str(_)) => i += 1,
                // (go/token counts a name among the literals: `import a b`.)
                Some(Tok::Ident(_) | Tok::Int(_) | Tok::Float(_) | Tok::Imag(_) | Tok::Rune(_)) => {
                    return Some((at(i), "import path must be a string".into()));
                }
                _ => return Some((at(i), "missing import path".into())),
            }
            if !group {
                break;
            }
            if is(i, semi) {
                i += 1;
            } else if !is(i, |t| matches!(t, Tok::RParen)) {
                // gc's parser words what follows (`unexpected ..., expected )`).
                return None;
            }
        }
        if !is(i, semi) {
            return None;
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{header_error, header_error_at};

    #[test]
    fn the_header_errors_are_go_parsers() {
        let e = header_error_at;
        assert_eq!(
            e("x package main\n"),
            Some((0, "expected 'package', found x".into()))
        );
        assert_eq!(e(""), Some((0, "expected 'package', found 'EOF'".into())));
        assert_eq!(
            e("\n// c\nfunc main() {}\n"),
            Some((6, "expected 'package', found 'func'".into()))
        );
        assert_eq!(
            e("\"fmt\"\n"),
            Some((0, "expected 'package', found \"fmt\"".into()))
        );
        assert_eq!(
            e("package\nfunc main() {}\n"),
            Some((8, "expected 'IDENT', found 'func'".into()))
        );
        assert_eq!(
            e("package 3\n"),
            Some((8, "expected 'IDENT', found 3".into()))
        );
        assert_eq!(
            e("package main\nimport fmt\nfunc main() {}\n"),
            Some((23, "missing import path".into()))
        );
        assert_eq!(
            e("package main\nimport (\n\t\"fmt\"\n\tx.y\n)\n"),
            Some((31, "missing import path".into()))
        );
        assert_eq!(
            e("package main\nimport ( \"fmt\"\nfunc main() {}\n"),
            Some((28, "missing import path".into()))
        );
        assert_eq!(
            e("package main\nimport 7\n"),
            Some((20, "import path must be a string".into()))
        );
        assert_eq!(
            header_error("\u{feff}x package main\n"),
            Some((1, 1, "expected 'package', found x".into()))
        );
        assert_eq!(
            header_error("package main\nimport fmt\n"),
            Some((2, 11, "missing import path".into()))
        );
        assert_eq!(
            header_error("package main\nimport a b\n"),
            Some((2, 10, "import path must be a string".into()))
        );
        assert_eq!(
            header_error("package main\nimport (\n\"fmt\"\n"),
            Some((3, 7, "expected ')', found 'EOF'".into()))
        );
        assert_eq!(
            header_error("package main\nimport (\n\"fmt\""),
            Some((3, 6, "expected ')', found 'EOF'".into()))
        );
        // Headers that parse, whatever follows them.
        for ok in [
            "package main\n",
            "package main\nimport \"fmt\"\nfunc main() { fmt.Println( }\n",
            "package main\n\nimport (\n\tf \"fmt\"\n\t. \"strings\"\n\t_ \"os\"\n)\n\nvar x = \n",
            "package main; import \"fmt\"; import (\"os\"; \"io\")\n",
            "package main;;\nimport \"fmt\"\n",
        ] {
            assert_eq!(e(ok), None, "{ok}");
        }
    }
}
