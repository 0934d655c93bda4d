//! gc's error recovery, ported: every syntax error of a file, not only the first.
//!
//! The LR parser (`grammar/go.lalrpop`) stops at a file's first syntax error. gc goes on: its
//! recursive-descent parser (`cmd/compile/internal/syntax/parser.go`) skips to a token of a
//! follow set (`advance`) and keeps parsing, so one file can report many errors. Which errors
//! follow the first depends on exactly where gc resynchronizes, so this module ports that
//! parser's control flow function by function (same names, same order of checks), building
//! no tree beyond the few node shapes its decisions look at (`Node`). `report` then merges
//! its errors with the LR parser's first one and filters them as gc's `base.ErrorfAt` does.
//!
//! Invariants:
//! - Never panics, always terminates: each loop consumes a token or leaves (as in gc), and a
//!   step budget plus a recursion limit end the walk early, as if at EOF, on any input.
//! - Messages and positions are gc's. `cannot use ... as value` prints the statement as gc
//!   does by parsing it alone and printing its tree (`gosrc`, as the LR parser does); only a
//!   statement that does not parse alone is quoted as written.
//! - The LR parser stays the judge of whether a file parses; this walk runs only after it
//!   failed. When both find the first error on the same line, this walk's errors are
//!   reported (the LR parser's first message where it quotes a statement); otherwise only
//!   the LR parser's first error is.
//! - Not ported: gc's branch checks (`checkBranches`: unused labels, misplaced `break`),
//!   which gc runs on the function bodies of a file that has syntax errors elsewhere.

use crate::ast::Span;
use crate::lexer::{Spanned, Tok};
use crate::source::{Diagnostic, MAX_ERRORS};

mod decls;
mod exprs;
mod nodes;
mod stmts;
mod tokens;
mod types;

use nodes::Node;
use tokens::{class, set, tokstring, K, STOPSET};

/// Recursion (nested calls of `enter`) beyond which the walk stops.
const MAX_DEPTH: u32 = 1500;

struct P<'t, 'a> {
    toks: &'t [Spanned<'a>],
    src: &'a str,
    base: u32,
    eof: u32,
    i: usize,
    fnest: u32,
    xnest: i32,
    nodes: Vec<Node>,
    errs: Vec<Diagnostic>,
    /// Positions of the lexical errors: gc's scanner reports them as it reaches them.
    lex_errs: Vec<u32>,
    depth: u32,
    steps: usize,
    budget: usize,
    dead: bool,
    /// `ParseMode::lenient_imports`: an `import` is a statement too.
    lenient_imports: bool,
}

impl<'t, 'a> P<'t, 'a> {
    fn new(
        src: &'a str,
        base: u32,
        toks: &'t [Spanned<'a>],
        lex_errs: Vec<u32>,
        lenient_imports: bool,
    ) -> Self {
        P {
            toks,
            src,
            base,
            eof: base.saturating_add(u32::try_from(src.len()).unwrap_or(u32::MAX)),
            i: 0,
            fnest: 0,
            xnest: 0,
            nodes: Vec::new(),
            errs: Vec::new(),
            lex_errs,
            depth: 0,
            steps: 0,
            budget: toks.len().saturating_mul(64).saturating_add(4096),
            dead: false,
            lenient_imports,
        }
    }

    // ---- Tokens.

    pub(super) fn tok(&mut self) -> Option<Tok<'a>> {
        self.steps += 1;
        if self.steps > self.budget {
            self.dead = true;
        }
        if self.dead {
            return None;
        }
        self.toks.get(self.i).map(|t| t.1)
    }

    pub(super) fn k(&mut self) -> K {
        self.tok().map_or(K::Eof, class)
    }

    pub(super) fn is(&mut self, t: Tok<'_>) -> bool {
        self.tok() == Some(t)
    }

    pub(super) fn pos(&self) -> u32 {
        if self.dead {
            return self.eof;
        }
        self.toks.get(self.i).map_or(self.eof, |t| t.0)
    }

    /// End of the last token consumed.
    pub(super) fn prev_end(&self) -> u32 {
        self.i
            .checked_sub(1)
            .and_then(|j| self.toks.get(j))
            .map_or(self.base, |t| t.2)
    }

    pub(super) fn next(&mut self) {
        if self.i < self.toks.len() {
            self.i += 1;
        }
    }

    pub(super) fn got(&mut self, k: K) -> bool {
        if self.k() == k {
            self.next();
            return true;
        }
        false
    }

    pub(super) fn want(&mut self, k: K) {
        if !self.got(k) {
            self.syntax_error(&format!("expected {}", tokstring(k)));
            self.advance(&[]);
        }
    }

    pub(super) fn got_assign(&mut self) -> bool {
        match self.k() {
            K::Define => {
                self.syntax_error("expected =");
                self.next();
                true
            }
            K::Assign => {
                self.next();
                true
            }
            _ => false,
        }
    }

    pub(super) fn enter(&mut self) {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.dead = true;
        }
    }

    pub(super) fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    // ---- Errors.

    pub(super) fn first(&self) -> bool {
        let at = self.pos();
        !self.errs.is_empty() || self.lex_errs.iter().any(|&l| l < at)
    }

    pub(super) fn error_at(&mut self, pos: u32, msg: String) {
        self.errs
            .push(Diagnostic::new(Span::new(pos, pos.saturating_add(1)), msg));
    }

    pub(super) fn error(&mut self, msg: &str) {
        let at = self.pos();
        self.error_at(at, msg.to_string());
    }

    pub(super) fn syntax_error_at(&mut self, pos: u32, msg: &str) {
        let cur = self.tok();
        if cur.is_none() && self.first() {
            return; // avoid meaningless follow-up errors
        }
        let rest = if msg.is_empty() {
            String::new()
        } else if msg.starts_with("in ") || msg.starts_with("at ") || msg.starts_with("after ") {
            format!(" {msg}")
        } else if msg.starts_with("expected ") {
            format!(", {msg}")
        } else {
            self.error_at(pos, format!("syntax error: {msg}"));
            return;
        };
        let what = cur.map_or_else(|| "EOF".to_string(), |t| t.describe());
        self.error_at(pos, format!("syntax error: unexpected {what}{rest}"));
    }

    pub(super) fn syntax_error(&mut self, msg: &str) {
        let at = self.pos();
        self.syntax_error_at(at, msg);
    }

    /// Skips to a token of `follow` (or, in a function body, a statement keyword); with an
    /// empty `follow`, skips exactly one token.
    pub(super) fn advance(&mut self, follow: &[K]) {
        let mut fs = set(&[K::Eof]);
        if !follow.is_empty() {
            if self.fnest > 0 {
                fs |= set(STOPSET);
            }
            fs |= set(follow);
        }
        loop {
            let k = self.k();
            if fs & (1u64 << (k as u8)) != 0 {
                break;
            }
            self.next();
            if follow.is_empty() {
                break;
            }
        }
    }
}

/// Every error of a file whose LR parse failed with `first`, as gc reports them: the lexical
/// errors, `first`, and the follow-on syntax errors gc's recovery finds, one syntax error a
/// line, sorted by position, at most `MAX_ERRORS` and then `too many errors`. When gc's
/// recovery does not find its first error on `first`'s line, the two parsers disagree about
/// the file, and only `first` (with the lexical errors before it) is reported, as before.
pub(crate) fn report(
    src: &str,
    base: u32,
    toks: &[Spanned<'_>],
    lex_errs: Vec<Diagnostic>,
    first: Diagnostic,
    lenient_imports: bool,
) -> Vec<Diagnostic> {
    let lex_at: Vec<u32> = lex_errs.iter().map(|d| d.span.lo).collect();
    let mut p = P::new(src, base, toks, lex_at, lenient_imports);
    p.file();
    let line = |pos: u32| {
        let n = pos.saturating_sub(base) as usize;
        src.as_bytes()
            .get(..n.min(src.len()))
            .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count())
    };
    let found = p.errs;
    let agree = found
        .first()
        .is_some_and(|r| line(r.span.lo) == line(first.span.lo));
    if found.is_empty() && !lex_errs.is_empty() {
        // gc's parser accepts the tokens (or, after an error in the package clause, stops
        // looking): only the scanner's errors are reported.
        return lex_errs;
    }
    if !agree {
        let mut out: Vec<Diagnostic> = lex_errs
            .into_iter()
            .filter(|l| l.span.lo < first.span.lo)
            .collect();
        out.push(first);
        return out;
    }
    // In the order gc reports them: a lexical error when the scanner reaches it, that is
    // before the parser's errors at later tokens.
    let mut stream: Vec<Diagnostic> = Vec::with_capacity(found.len() + lex_errs.len());
    let mut lex = lex_errs.into_iter().peekable();
    // The first error: gc's own unless it quotes a statement, which the LR parser's
    // printer (`gosrc`) renders as gc does.
    let mut found = found.into_iter();
    let r0 = found.next();
    let head = match r0 {
        Some(r) if !r.msg.starts_with("syntax error: cannot use ") => r,
        _ => first,
    };
    for d in std::iter::once(head).chain(found) {
        while let Some(l) = lex.next_if(|l| l.span.lo < d.span.lo) {
            stream.push(l);
        }
        stream.push(d);
    }
    stream.extend(lex);
    // gc's base.ErrorfAt: one syntax error a line; a repeated other error dropped.
    let mut out: Vec<Diagnostic> = Vec::new();
    let mut last_syntax: Option<usize> = None;
    let mut last_other: Option<(usize, String)> = None;
    let mut too_many: Option<Span> = None;
    for d in stream {
        let l = line(d.span.lo);
        if d.msg.starts_with("syntax error") {
            if last_syntax == Some(l) {
                continue;
            }
            last_syntax = Some(l);
        } else {
            if last_other
                .as_ref()
                .is_some_and(|(ol, om)| *ol == l && *om == d.msg)
            {
                continue;
            }
            last_other = Some((l, d.msg.clone()));
        }
        let span = d.span;
        out.push(d);
        if out.len() >= MAX_ERRORS {
            too_many = Some(span);
            break;
        }
    }
    out.sort_by_key(|d| d.span.lo);
    out.dedup_by(|a, b| a.span.lo == b.span.lo && a.msg == b.msg);
    if let Some(sp) = too_many {
        out.push(Diagnostic::new(sp, "too many errors"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{lexer, parse_file, ParseMode};

    /// gc's recovery parser run alone over `src`: the errors it finds.
    fn recognize(src: &str) -> Vec<Diagnostic> {
        let lexed = lexer::lex(src, 1);
        let mut toks = lexed.tokens;
        crate::parser::mark_type_params(&mut toks);
        let mut p = P::new(src, 1, &toks, Vec::new(), true);
        p.file();
        assert!(!p.dead, "the walk stopped early");
        p.errs
    }

    fn go_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                go_files(&p, out);
            } else if p.extension().is_some_and(|x| x == "go") {
                out.push(p);
            }
        }
    }

    /// The port accepts every file the LR parser accepts: the test programs, the examples and
    /// the Go sources of the standard library (a few thousand declarations of every form).
    #[test]
    fn accepts_what_the_lr_parser_accepts() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut files = Vec::new();
        for d in [
            "tests/programs",
            "examples",
            "crates/std/go",
            "bench/programs",
        ] {
            go_files(&root.join(d), &mut files);
        }
        assert!(files.len() > 400, "found only {} files", files.len());
        let mut checked = 0;
        for f in &files {
            let src = std::fs::read_to_string(f).unwrap();
            let mode = ParseMode {
                lenient_imports: true,
            };
            if parse_file(&src, 1, 0, mode).is_err() {
                continue;
            }
            checked += 1;
            let mut errs = recognize(&src);
            // (gc's parser notes a parenthesized `go`/`defer` call without stopping; when the
            // file otherwise parses, gosub's checker reports it, as gc's output does.)
            errs.retain(|e| !e.msg.ends_with("must not be parenthesized"));
            assert!(errs.is_empty(), "{}: {:?}", f.display(), errs);
        }
        assert!(checked > 400);
    }
}
