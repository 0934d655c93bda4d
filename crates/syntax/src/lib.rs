//! gosub-syntax: Go source text to an abstract syntax tree.
//!
//! The lexer (`lexer.rs`, logos) turns bytes into tokens and inserts Go's automatic
//! semicolons; the parser (`parser.rs`, driving the lalrpop grammar in `grammar/go.lalrpop`)
//! builds the `ast`. Syntax errors are worded as gc words them
//! (`syntax error: unexpected newline, expected comma or )`), and a file reports every one
//! gc would (`recovery/`, a port of gc's recursive-descent error recovery). `walk.rs` is the one generic
//! traversal of the tree every later stage uses. Go's literal syntax is owned here too:
//! scanning and decoding literals (`literal.rs`) and strconv's quoting and unquoting of
//! strings and runes (`quote.rs`, with Go's `IsPrint` table in `isprint.rs`), which every
//! other stage uses.
//!
//! Architecture Invariant: this crate depends on nothing else in gosub; every other stage
//! depends on it (checked by `tests/architecture.rs`). It owns the facts about Go's
//! surface syntax that later stages need: the AST and its walker, `ast::unparen`, operator
//! spellings (`BinOp::as_str`), channel keywords (`gosrc::chan_dir`), literal decoding and
//! quoting, and printing expressions back as gc's messages do (`gosrc`, the one such
//! printer). It contains no `unsafe` code (`forbid` below).

#![forbid(unsafe_code)]

mod actions;
pub mod ast;
pub mod dump;
mod errors;
pub mod go_command;
pub mod gosrc;
mod ids;
pub mod isprint;
pub mod lexer;
pub mod literal;
pub mod parser;
pub mod quote;
mod recovery;
pub mod source;
pub mod walk;

pub use ids::assign_func_decl;
pub use parser::{
    parse_body, parse_decl, parse_expr, parse_file, parse_file_lazy, parse_file_lazy_known,
    parse_stmts, LazyBody,
};
pub use source::{Diagnostic, SourceFile, SourceMap};

/// The name a package imported by `path` is known by when its package clause is not at
/// hand: the last element of the path, or the one before a major-version suffix `vN`
/// (`math/rand/v2` is package `rand`), as Go's tools assume. Every standard package
/// gosub has is named so.
pub fn import_name(path: &str) -> &str {
    let mut it = path.rsplit('/');
    let last = it.next().unwrap_or(path);
    let is_version = last.len() > 1
        && last.starts_with('v')
        && last[1..].bytes().all(|b| b.is_ascii_digit())
        && !last[1..].starts_with('0');
    match it.next() {
        Some(prev) if is_version => prev,
        _ => last,
    }
}

/// The name in the package clause of `src` (`package foo` gives `foo`), read from its
/// first two tokens; None when the file does not start with a well-formed clause (the
/// parser reports that).
pub fn package_clause(src: &str) -> Option<&str> {
    let lexed = lexer::lex(src, 0);
    match lexed.tokens.get(..2)? {
        [(_, lexer::Tok::Package, _), (_, lexer::Tok::Ident(name), _)] => Some(name),
        _ => None,
    }
}

/// The byte offsets of the bytes of `bytes` that are not part of valid UTF-8, one per
/// byte as gc's scanner reports them (`invalid UTF-8 encoding`), and the text with each
/// such byte replaced by `?`, so that every other offset stays where it was.
pub fn invalid_utf8(bytes: &[u8]) -> (Vec<usize>, String) {
    let mut bad = Vec::new();
    let mut text = String::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match std::str::from_utf8(&bytes[i..]) {
            Ok(s) => {
                text.push_str(s);
                break;
            }
            Err(e) => {
                let ok = e.valid_up_to();
                // Valid: `valid_up_to` says so.
                text.push_str(std::str::from_utf8(&bytes[i..i + ok]).unwrap_or(""));
                bad.push(i + ok);
                text.push('?');
                i += ok + 1;
            }
        }
    }
    (bad, text)
}

/// How strictly to parse.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ParseMode {
    /// Accept `import "path"` inside a function body (the seed article's example does this),
    /// moving it to the file's imports and recording it in `File::misplaced_imports`.
    /// When false such an import is gc's syntax error.
    pub lenient_imports: bool,
}

#[cfg(test)]
mod tests {
    #[test]
    fn import_names() {
        assert_eq!(super::import_name("fmt"), "fmt");
        assert_eq!(super::import_name("unicode/utf8"), "utf8");
        assert_eq!(super::import_name("math/rand/v2"), "rand");
        assert_eq!(super::import_name("v2"), "v2");
        assert_eq!(super::import_name("a/v0"), "v0");
        assert_eq!(super::import_name("a/vx"), "vx");
    }
}
