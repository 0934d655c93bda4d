//! The Go lexer: a logos state machine for operators and token starts, hand-written scanners
//! (`literal.rs`) for literals and comments, and Go's automatic semicolon insertion.
//!
//! Invariants:
//! - `lex` never panics and always terminates; every byte of the input is either part of a
//!   token, whitespace, a comment, or reported in an error (and then skipped), as gc does.
//!   `lex_around` is `lex` except over the ranges it is told to skip (a standard file's
//!   bodies and declarations, whose places its facts record), which stand as a few
//!   placeholder tokens; a NUL or misplaced BOM is reported wherever it is.
//! - Token positions are global: the byte offset in the source plus `base`.
//! - A semicolon is inserted at a newline (or a `/* */` comment containing one, or EOF) when
//!   the previous token is an identifier, a literal, `break`/`continue`/`fallthrough`/
//!   `return`, or one of `++ -- ) ] }`. Inserted semicolons are `Tok::Semi(Semi::Newline)` /
//!   `Tok::Semi(Semi::Eof)`; a written `;` is `Tok::Semi(Semi::Explicit)`.
//! - Literal tokens carry their raw source text (decoding happens in the parser actions).

use crate::ast::Span;
use crate::literal::{self, NumKind};
use crate::source::Diagnostic;
use logos::Logos;

/// How a semicolon came to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Semi {
    Explicit,
    Newline,
    Eof,
}

/// A token as the parser sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok<'a> {
    Ident(&'a str),
    Int(&'a str),
    Float(&'a str),
    Imag(&'a str),
    Rune(&'a str),
    Str(&'a str),
    // Keywords.
    Break,
    Case,
    Chan,
    Const,
    Continue,
    Default,
    Defer,
    Else,
    Fallthrough,
    For,
    Func,
    Go,
    Goto,
    If,
    Import,
    Interface,
    Map,
    Package,
    Range,
    Return,
    Select,
    Struct,
    Switch,
    Type,
    Var,
    // Operators and punctuation.
    Add,
    Sub,
    Mul,
    Quo,
    Rem,
    And,
    Or,
    Xor,
    Shl,
    Shr,
    AndNot,
    AddAssign,
    SubAssign,
    MulAssign,
    QuoAssign,
    RemAssign,
    AndAssign,
    OrAssign,
    XorAssign,
    ShlAssign,
    ShrAssign,
    AndNotAssign,
    LAnd,
    LOr,
    Arrow,
    Inc,
    Dec,
    Eql,
    Lss,
    Gtr,
    Assign,
    Not,
    Neq,
    Leq,
    Geq,
    Define,
    Ellipsis,
    LParen,
    LBrack,
    LBrace,
    Comma,
    Period,
    RParen,
    RBrack,
    RBrace,
    Semi(Semi),
    Colon,
    Tilde,
    /// Never produced by the lexer: prepended by the parser driver to select the expression
    /// or statement-list entry point of the grammar.
    StartExpr,
    StartStmts,
    /// ... or the entry point of one top-level declaration (`parser::parse_decl`).
    StartDecl,
    /// Never produced by the lexer: the parser driver turns the `[` after a type
    /// declaration's name into this token when it opens a type parameter list
    /// (`type T[P any] ...`) rather than an array length (`type T [N]int`); see
    /// `parser::mark_type_params`. Spelled `[` in messages.
    LBrackTParams,
}

impl Tok<'_> {
    /// A binary operator (`+`, `&&`, `==`, ...; `BinOp` says which, and its precedence).
    pub fn is_binary_op(self) -> bool {
        matches!(
            self,
            Tok::Add
                | Tok::Sub
                | Tok::Mul
                | Tok::Quo
                | Tok::Rem
                | Tok::And
                | Tok::Or
                | Tok::Xor
                | Tok::Shl
                | Tok::Shr
                | Tok::AndNot
                | Tok::LAnd
                | Tok::LOr
                | Tok::Eql
                | Tok::Neq
                | Tok::Lss
                | Tok::Leq
                | Tok::Gtr
                | Tok::Geq
        )
    }

    /// The token as gc's syntax errors name it (`name x`, `literal 3`, `keyword func`,
    /// `newline`, `EOF`, `comma`, operators verbatim).
    pub fn describe(&self) -> String {
        match self {
            Tok::Ident(s) => format!("name {s}"),
            Tok::Int(s) | Tok::Float(s) | Tok::Imag(s) | Tok::Rune(s) | Tok::Str(s) => {
                format!("literal {s}")
            }
            Tok::Semi(Semi::Explicit) => "semicolon".to_string(),
            Tok::Semi(Semi::Newline) => "newline".to_string(),
            Tok::Semi(Semi::Eof) => "EOF".to_string(),
            Tok::Comma => "comma".to_string(),
            t => match t.keyword_str() {
                Some(k) => format!("keyword {k}"),
                None => t.op_str().to_string(),
            },
        }
    }

    pub fn keyword_str(&self) -> Option<&'static str> {
        Some(match self {
            Tok::Break => "break",
            Tok::Case => "case",
            Tok::Chan => "chan",
            Tok::Const => "const",
            Tok::Continue => "continue",
            Tok::Default => "default",
            Tok::Defer => "defer",
            Tok::Else => "else",
            Tok::Fallthrough => "fallthrough",
            Tok::For => "for",
            Tok::Func => "func",
            Tok::Go => "go",
            Tok::Goto => "goto",
            Tok::If => "if",
            Tok::Import => "import",
            Tok::Interface => "interface",
            Tok::Map => "map",
            Tok::Package => "package",
            Tok::Range => "range",
            Tok::Return => "return",
            Tok::Select => "select",
            Tok::Struct => "struct",
            Tok::Switch => "switch",
            Tok::Type => "type",
            Tok::Var => "var",
            _ => return None,
        })
    }

    /// Operator/punctuation spelling (empty for names, literals and keywords).
    pub fn op_str(&self) -> &'static str {
        match self {
            Tok::Add => "+",
            Tok::Sub => "-",
            Tok::Mul => "*",
            Tok::Quo => "/",
            Tok::Rem => "%",
            Tok::And => "&",
            Tok::Or => "|",
            Tok::Xor => "^",
            Tok::Shl => "<<",
            Tok::Shr => ">>",
            Tok::AndNot => "&^",
            Tok::AddAssign => "+=",
            Tok::SubAssign => "-=",
            Tok::MulAssign => "*=",
            Tok::QuoAssign => "/=",
            Tok::RemAssign => "%=",
            Tok::AndAssign => "&=",
            Tok::OrAssign => "|=",
            Tok::XorAssign => "^=",
            Tok::ShlAssign => "<<=",
            Tok::ShrAssign => ">>=",
            Tok::AndNotAssign => "&^=",
            Tok::LAnd => "&&",
            Tok::LOr => "||",
            Tok::Arrow => "<-",
            Tok::Inc => "++",
            Tok::Dec => "--",
            Tok::Eql => "==",
            Tok::Lss => "<",
            Tok::Gtr => ">",
            Tok::Assign => "=",
            Tok::Not => "!",
            Tok::Neq => "!=",
            Tok::Leq => "<=",
            Tok::Geq => ">=",
            Tok::Define => ":=",
            Tok::Ellipsis => "...",
            Tok::LParen => "(",
            Tok::LBrack | Tok::LBrackTParams => "[",
            Tok::LBrace => "{",
            Tok::Comma => ",",
            Tok::Period => ".",
            Tok::RParen => ")",
            Tok::RBrack => "]",
            Tok::RBrace => "}",
            Tok::Semi(_) => ";",
            Tok::Colon => ":",
            Tok::Tilde => "~",
            _ => "",
        }
    }

    /// True if a newline after this token becomes a semicolon.
    fn ends_line(&self) -> bool {
        matches!(
            self,
            Tok::Ident(_)
                | Tok::Int(_)
                | Tok::Float(_)
                | Tok::Imag(_)
                | Tok::Rune(_)
                | Tok::Str(_)
                | Tok::Break
                | Tok::Continue
                | Tok::Fallthrough
                | Tok::Return
                | Tok::Inc
                | Tok::Dec
                | Tok::RParen
                | Tok::RBrack
                | Tok::RBrace
        )
    }
}

fn keyword(s: &str) -> Option<Tok<'static>> {
    Some(match s {
        "break" => Tok::Break,
        "case" => Tok::Case,
        "chan" => Tok::Chan,
        "const" => Tok::Const,
        "continue" => Tok::Continue,
        "default" => Tok::Default,
        "defer" => Tok::Defer,
        "else" => Tok::Else,
        "fallthrough" => Tok::Fallthrough,
        "for" => Tok::For,
        "func" => Tok::Func,
        "go" => Tok::Go,
        "goto" => Tok::Goto,
        "if" => Tok::If,
        "import" => Tok::Import,
        "interface" => Tok::Interface,
        "map" => Tok::Map,
        "package" => Tok::Package,
        "range" => Tok::Range,
        "return" => Tok::Return,
        "select" => Tok::Select,
        "struct" => Tok::Struct,
        "switch" => Tok::Switch,
        "type" => Tok::Type,
        "var" => Tok::Var,
        _ => return None,
    })
}

/// Errors found by the scanning callbacks: (byte offset in the source, message).
type Extras = Vec<(usize, String)>;

fn push_errs(lex: &mut logos::Lexer<Raw>, start: usize, errs: Vec<literal::LitError>) {
    for (off, msg) in errs {
        lex.extras.push((start + off, msg));
    }
}

/// Extends the current token by `total` bytes from its start (the match so far is a prefix).
fn extend_to(lex: &mut logos::Lexer<Raw>, total: usize) {
    let have = lex.span().len();
    let room = lex.remainder().len();
    lex.bump(total.saturating_sub(have).min(room));
}

fn ident_cb(lex: &mut logos::Lexer<Raw>) {
    let start = lex.span().start;
    let first_non_ascii = !lex.slice().is_ascii();
    if first_non_ascii {
        if let Some(c) = lex.slice().chars().next() {
            if c.is_alphabetic() {
            } else if c.is_numeric() {
                lex.extras.push((
                    start,
                    format!(
                        "identifier cannot begin with digit {}",
                        literal::unicode_fmt(c as u32)
                    ),
                ));
            } else {
                lex.extras.push((
                    start,
                    format!(
                        "invalid character {} in identifier",
                        literal::unicode_fmt(c as u32)
                    ),
                ));
            }
        }
    }
    let mut len = 0;
    for (i, c) in lex.remainder().char_indices() {
        if c.is_ascii_alphanumeric() || c == '_' {
        } else if !c.is_ascii() {
            if !(c.is_alphabetic() || c.is_numeric()) {
                let at = lex.span().end + i;
                lex.extras.push((
                    at,
                    format!(
                        "invalid character {} in identifier",
                        literal::unicode_fmt(c as u32)
                    ),
                ));
            }
        } else {
            break;
        }
        len = i + c.len_utf8();
    }
    lex.bump(len);
}

fn number_cb(lex: &mut logos::Lexer<Raw>) -> NumKind {
    let start = lex.span().start;
    let rest = lex.source().as_bytes().get(start..).unwrap_or(&[]);
    let (len, kind, errs) = literal::scan_number(rest);
    extend_to(lex, len);
    push_errs(lex, start, errs);
    kind
}

fn string_cb(lex: &mut logos::Lexer<Raw>) {
    let start = lex.span().start;
    let rest = lex.source().as_bytes().get(start..).unwrap_or(&[]);
    let (len, errs) = literal::scan_string(rest);
    extend_to(lex, len);
    push_errs(lex, start, errs);
}

fn raw_string_cb(lex: &mut logos::Lexer<Raw>) {
    let start = lex.span().start;
    let rest = lex.source().as_bytes().get(start..).unwrap_or(&[]);
    let (len, errs) = literal::scan_raw_string(rest);
    extend_to(lex, len);
    push_errs(lex, start, errs);
}

fn rune_cb(lex: &mut logos::Lexer<Raw>) {
    let start = lex.span().start;
    let rest = lex.source().as_bytes().get(start..).unwrap_or(&[]);
    let (len, errs) = literal::scan_rune(rest);
    extend_to(lex, len);
    push_errs(lex, start, errs);
}

fn line_comment_cb(lex: &mut logos::Lexer<Raw>) -> logos::Skip {
    let n = lex.remainder().find('\n').unwrap_or(lex.remainder().len());
    lex.bump(n);
    logos::Skip
}

fn block_comment_cb(lex: &mut logos::Lexer<Raw>) -> bool {
    let start = lex.span().start;
    let rest = lex.source().as_bytes().get(start..).unwrap_or(&[]);
    let (len, nl, errs) = literal::scan_block_comment(rest);
    extend_to(lex, len);
    push_errs(lex, start, errs);
    nl
}

/// The raw tokens logos recognizes; keywords are recognized after the fact from `Ident`.
#[derive(Logos, Clone, Copy, Debug, PartialEq, Eq)]
#[logos(extras = Extras)]
#[logos(skip r"[ \t\r]+")]
enum Raw {
    #[token("\n")]
    Newline,
    #[token("//", line_comment_cb)]
    LineComment,
    #[token("/*", block_comment_cb)]
    BlockComment(bool),
    /// A byte order mark past the start of the file: an error, then skipped, as gc's
    /// scanner does (the one at the start is skipped before lexing).
    #[token("\u{feff}", priority = 10)]
    Bom,
    #[regex(r"[a-zA-Z_]", ident_cb)]
    #[regex(r"[^\x00-\x7F]", ident_cb)]
    Ident,
    #[regex(r"[0-9]", number_cb)]
    #[regex(r"\.[0-9]", number_cb)]
    Number(NumKind),
    #[token("\"", string_cb)]
    Str,
    #[token("`", raw_string_cb)]
    Backquoted,
    #[token("'", rune_cb)]
    Rune,
    #[token("+")]
    Add,
    #[token("-")]
    Sub,
    #[token("*")]
    Mul,
    #[token("/")]
    Quo,
    #[token("%")]
    Rem,
    #[token("&")]
    And,
    #[token("|")]
    Or,
    #[token("^")]
    Xor,
    #[token("<<")]
    Shl,
    #[token(">>")]
    Shr,
    #[token("&^")]
    AndNot,
    #[token("+=")]
    AddAssign,
    #[token("-=")]
    SubAssign,
    #[token("*=")]
    MulAssign,
    #[token("/=")]
    QuoAssign,
    #[token("%=")]
    RemAssign,
    #[token("&=")]
    AndAssign,
    #[token("|=")]
    OrAssign,
    #[token("^=")]
    XorAssign,
    #[token("<<=")]
    ShlAssign,
    #[token(">>=")]
    ShrAssign,
    #[token("&^=")]
    AndNotAssign,
    #[token("&&")]
    LAnd,
    #[token("||")]
    LOr,
    #[token("<-")]
    Arrow,
    #[token("++")]
    Inc,
    #[token("--")]
    Dec,
    #[token("==")]
    Eql,
    #[token("<")]
    Lss,
    #[token(">")]
    Gtr,
    #[token("=")]
    Assign,
    #[token("!")]
    Not,
    #[token("!=")]
    Neq,
    #[token("<=")]
    Leq,
    #[token(">=")]
    Geq,
    #[token(":=")]
    Define,
    #[token("...")]
    Ellipsis,
    #[token("(")]
    LParen,
    #[token("[")]
    LBrack,
    #[token("{")]
    LBrace,
    #[token(",")]
    Comma,
    #[token(".")]
    Period,
    #[token(")")]
    RParen,
    #[token("]")]
    RBrack,
    #[token("}")]
    RBrace,
    #[token(";")]
    Semi,
    #[token(":")]
    Colon,
    #[token("~")]
    Tilde,
}

fn convert<'a>(raw: Raw, text: &'a str) -> Tok<'a> {
    match raw {
        Raw::Ident => keyword(text).unwrap_or(Tok::Ident(text)),
        Raw::Number(NumKind::Int) => Tok::Int(text),
        Raw::Number(NumKind::Float) => Tok::Float(text),
        Raw::Number(NumKind::Imag) => Tok::Imag(text),
        Raw::Str | Raw::Backquoted => Tok::Str(text),
        Raw::Rune => Tok::Rune(text),
        Raw::Add => Tok::Add,
        Raw::Sub => Tok::Sub,
        Raw::Mul => Tok::Mul,
        Raw::Quo => Tok::Quo,
        Raw::Rem => Tok::Rem,
        Raw::And => Tok::And,
        Raw::Or => Tok::Or,
        Raw::Xor => Tok::Xor,
        Raw::Shl => Tok::Shl,
        Raw::Shr => Tok::Shr,
        Raw::AndNot => Tok::AndNot,
        Raw::AddAssign => Tok::AddAssign,
        Raw::SubAssign => Tok::SubAssign,
        Raw::MulAssign => Tok::MulAssign,
        Raw::QuoAssign => Tok::QuoAssign,
        Raw::RemAssign => Tok::RemAssign,
        Raw::AndAssign => Tok::AndAssign,
        Raw::OrAssign => Tok::OrAssign,
        Raw::XorAssign => Tok::XorAssign,
        Raw::ShlAssign => Tok::ShlAssign,
        Raw::ShrAssign => Tok::ShrAssign,
        Raw::AndNotAssign => Tok::AndNotAssign,
        Raw::LAnd => Tok::LAnd,
        Raw::LOr => Tok::LOr,
        Raw::Arrow => Tok::Arrow,
        Raw::Inc => Tok::Inc,
        Raw::Dec => Tok::Dec,
        Raw::Eql => Tok::Eql,
        Raw::Lss => Tok::Lss,
        Raw::Gtr => Tok::Gtr,
        Raw::Assign => Tok::Assign,
        Raw::Not => Tok::Not,
        Raw::Neq => Tok::Neq,
        Raw::Leq => Tok::Leq,
        Raw::Geq => Tok::Geq,
        Raw::Define => Tok::Define,
        Raw::Ellipsis => Tok::Ellipsis,
        Raw::LParen => Tok::LParen,
        Raw::LBrack => Tok::LBrack,
        Raw::LBrace => Tok::LBrace,
        Raw::Comma => Tok::Comma,
        Raw::Period => Tok::Period,
        Raw::RParen => Tok::RParen,
        Raw::RBrack => Tok::RBrack,
        Raw::RBrace => Tok::RBrace,
        Raw::Semi => Tok::Semi(Semi::Explicit),
        Raw::Colon => Tok::Colon,
        Raw::Tilde => Tok::Tilde,
        // Newlines, comments and byte order marks are handled by the caller.
        Raw::Newline | Raw::LineComment | Raw::BlockComment(_) | Raw::Bom => {
            Tok::Semi(Semi::Newline)
        }
    }
}

/// A token with its global start and end offsets, as lalrpop wants it.
pub type Spanned<'a> = (u32, Tok<'a>, u32);

/// The result of lexing a whole file: all tokens (with semicolons inserted) and all lexical
/// errors in source order.
pub struct Lexed<'a> {
    pub tokens: Vec<Spanned<'a>>,
    pub errors: Vec<Diagnostic>,
}

fn pos(base: u32, off: usize) -> u32 {
    base.saturating_add(u32::try_from(off).unwrap_or(u32::MAX))
}

/// Lexes `src`; positions are offset by `base`.
pub fn lex(src: &str, base: u32) -> Lexed<'_> {
    // Go source has about one token per 4-5 bytes: sized so the vector rarely grows (each
    // growth copies it), plus room for the parser's start token.
    let mut out = Lexed {
        tokens: Vec::with_capacity(src.len() / 4 + 2),
        errors: Vec::new(),
    };
    let nlsemi = lex_part(src, 0, src.len(), base, false, &mut out);
    finish(src, base, nlsemi, out)
}

/// What a range `lex_around` does not read stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Skipped {
    /// A function body, `{` to `}` inclusive: its two braces, as
    /// `parser::leave_out_bodies` would leave it.
    Body,
    /// A top-level declaration, keyword to end: an empty `const ()` at its
    /// place (the declaration `parser::parse_decl` parses when it is wanted).
    Decl,
}

/// `lex`, except that the ranges of `skip` (byte offsets `lo..hi`, in order) are not
/// read: each becomes the tokens `Skipped` says. None when a range does not fit `src` (out
/// of order or of bounds, a body not between braces, a declaration not starting with its
/// keyword or not ending where a line, a `;` or a comment follows), for the caller to lex
/// it all.
pub fn lex_around<'a>(src: &'a str, base: u32, skip: &[(u32, u32, Skipped)]) -> Option<Lexed<'a>> {
    let mut at = 0usize;
    for &(lo, hi, what) in skip {
        let (lo, hi) = (lo as usize, hi as usize);
        let text = src.get(lo..hi).filter(|_| lo >= at && hi > lo)?;
        let fits = match what {
            Skipped::Body => text.len() >= 2 && text.starts_with('{') && text.ends_with('}'),
            // A keyword, not the end of a longer word, and after the declaration only blanks
            // or a comment up to its line's end (or the `;` that ends it).
            Skipped::Decl => {
                let word = |c: char| c.is_alphanumeric() || c == '_';
                let keyword = ["const", "var", "type", "func"]
                    .iter()
                    .any(|k| text.strip_prefix(k).is_some_and(|r| !r.starts_with(word)));
                let alone = !src[..lo].ends_with(word);
                let after = src[hi..].trim_start_matches([' ', '\t']);
                let ends = after.is_empty()
                    || after.starts_with(['\n', '\r', ';'])
                    || after.starts_with("//")
                    || after.starts_with("/*");
                keyword && alone && ends
            }
        };
        if !fits {
            return None;
        }
        at = hi;
    }
    let kept: usize = src.len()
        - skip
            .iter()
            .map(|&(l, h, _)| (h - l) as usize)
            .sum::<usize>();
    let mut out = Lexed {
        tokens: Vec::with_capacity(kept / 4 + 3 * skip.len() + 2),
        errors: Vec::new(),
    };
    let (mut from, mut nlsemi) = (0usize, false);
    for &(lo, hi, what) in skip {
        lex_part(src, from, lo as usize, base, nlsemi, &mut out);
        let (start, end) = (pos(base, lo as usize), pos(base, hi as usize));
        match what {
            Skipped::Body => {
                out.tokens.push((start, Tok::LBrace, start + 1));
                out.tokens.push((end - 1, Tok::RBrace, end));
            }
            Skipped::Decl => {
                out.tokens.push((start, Tok::Const, start));
                out.tokens.push((start, Tok::LParen, start));
                out.tokens.push((end - 1, Tok::RParen, end));
            }
        }
        // (A `}` or `)` ends a line: a newline after it is a semicolon.)
        nlsemi = true;
        from = hi as usize;
    }
    let nlsemi = lex_part(src, from, src.len(), base, nlsemi, &mut out);
    Some(finish(src, base, nlsemi, out))
}

/// Lexes `src[from..to]` onto `out` with semicolons inserted, starting with `nlsemi` (does
/// a newline here end a statement?); returns it as the part leaves it.
fn lex_part<'a>(
    src: &'a str,
    from: usize,
    to: usize,
    base: u32,
    mut nlsemi: bool,
    out: &mut Lexed<'a>,
) -> bool {
    let Some(part) = src.get(from..to) else {
        return nlsemi;
    };
    let (tokens, errors) = (&mut out.tokens, &mut out.errors);
    // A byte order mark is allowed (and ignored) only as the very first character.
    let skip_bom = if from == 0 && part.starts_with('\u{feff}') {
        3
    } else {
        0
    };
    let mut lexer = Raw::lexer(part);
    if skip_bom > 0 {
        lexer.bump(skip_bom);
    }
    let mut seen_errs = 0;
    while let Some(res) = lexer.next() {
        let span = lexer.span();
        let (lo, hi) = (pos(base, from + span.start), pos(base, from + span.end));
        match res {
            Ok(Raw::Newline) => {
                if nlsemi {
                    tokens.push((lo, Tok::Semi(Semi::Newline), hi));
                    nlsemi = false;
                }
            }
            Ok(Raw::LineComment) => {}
            Ok(Raw::Bom) => {
                let msg = "invalid BOM in the middle of the file";
                errors.push(Diagnostic::new(Span::new(lo, lo + 1), msg.to_string()));
            }
            Ok(Raw::BlockComment(has_nl)) => {
                if has_nl && nlsemi {
                    tokens.push((lo, Tok::Semi(Semi::Newline), lo));
                    nlsemi = false;
                }
            }
            Ok(raw) => {
                let text = lexer.slice();
                let tok = convert(raw, text);
                nlsemi = tok.ends_line();
                tokens.push((lo, tok, hi));
            }
            Err(()) => {
                let c = lexer.slice().chars().next().unwrap_or('\u{fffd}');
                let msg = match c {
                    '\0' => "invalid NUL character".to_string(),
                    '\u{feff}' => "invalid BOM in the middle of the file".to_string(),
                    c => format!("invalid character {}", literal::unicode_fmt(c as u32)),
                };
                errors.push(Diagnostic::new(Span::new(lo, lo + 1), msg));
            }
        }
        // Collect errors the callbacks found while scanning this token.
        let extra = &lexer.extras;
        while seen_errs < extra.len() {
            let (off, msg) = &extra[seen_errs];
            let p = pos(base, from + *off);
            errors.push(Diagnostic::new(Span::new(p, p + 1), msg.clone()));
            seen_errs += 1;
        }
    }
    nlsemi
}

/// The end of lexing a whole file: the last semicolon, and the errors gc's scanner reports
/// wherever it reads a NUL or a misplaced BOM, in order.
fn finish<'a>(src: &'a str, base: u32, nlsemi: bool, mut out: Lexed<'a>) -> Lexed<'a> {
    let (tokens, errors) = (&mut out.tokens, &mut out.errors);
    let skip_bom = if src.starts_with('\u{feff}') { 3 } else { 0 };
    if nlsemi {
        let end = pos(base, src.len());
        tokens.push((end, Tok::Semi(Semi::Eof), end));
    }
    // gc's scanner refuses a NUL, and a BOM past the start, wherever it reads one: inside
    // string, rune and raw string literals and comments too, which the tokens above let
    // through.
    let bytes = src.as_bytes();
    let suspect = src.contains('\0') || src[skip_bom..].contains('\u{feff}');
    let scanned = if suspect { bytes } else { &[][..] };
    for (i, &b) in scanned.iter().enumerate() {
        let msg = match b {
            0 => "invalid NUL character",
            0xef if i > 0 && bytes[i..].starts_with("\u{feff}".as_bytes()) => {
                "invalid BOM in the middle of the file"
            }
            _ => continue,
        };
        let p = pos(base, i);
        errors.push(Diagnostic::new(Span::new(p, p + 1), msg.to_string()));
    }
    errors.sort_by_key(|d| d.span.lo);
    errors.dedup_by(|a, b| a.span.lo == b.span.lo && a.msg == b.msg);
    out
}
