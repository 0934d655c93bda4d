//! Translation of LR parse failures into gc's syntax error wording.
//!
//! gc's parser is recursive descent and words each error after the construct it was parsing
//! ("in argument list; possibly missing comma or )", "at end of statement", "expected }").
//! The LR parser instead reports the offending token and the set of terminals it would have
//! accepted. `describe` recovers gc's construct from that set plus the innermost unclosed
//! bracket before the error, and words the message as gc does.
//!
//! Invariants: `describe` never panics and yields gc's message text (most start with
//! `syntax error: `), positioned where gc reports it: the offending token (for an implicit
//! semicolon, the newline or the comment that produced it).

use crate::ast::Span;
use crate::lexer::{Semi, Spanned, Tok};
use crate::parser::ParseErr;
use crate::source::Diagnostic;
use lalrpop_util::ParseError;

/// What kind of bracket encloses the error point.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Opener {
    /// `(` after `import`/`const`/`var`/`type`.
    Group,
    /// Any other `(`.
    Paren,
    /// `{` after `struct`.
    Struct,
    /// `{` after `interface`.
    Iface,
    /// Any other `{`: a block, a composite literal, a switch or select body.
    Brace,
    Brack,
}

impl Opener {
    fn closer(self) -> &'static str {
        match self {
            Opener::Group | Opener::Paren => ")",
            Opener::Struct | Opener::Iface | Opener::Brace => "}",
            Opener::Brack => "]",
        }
    }
}

/// The innermost unclosed bracket among `toks`.
fn innermost(toks: &[Spanned<'_>]) -> Option<Opener> {
    let mut stack: Vec<Opener> = Vec::new();
    for (i, (_, t, _)) in toks.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|j| toks.get(j)).map(|t| t.1);
        match t {
            Tok::LParen => stack.push(match prev {
                Some(Tok::Import | Tok::Const | Tok::Var | Tok::Type) => Opener::Group,
                _ => Opener::Paren,
            }),
            Tok::LBrace => stack.push(match prev {
                Some(Tok::Struct) => Opener::Struct,
                Some(Tok::Interface) => Opener::Iface,
                _ => Opener::Brace,
            }),
            Tok::LBrack | Tok::LBrackTParams => stack.push(Opener::Brack),
            Tok::RParen | Tok::RBrace | Tok::RBrack => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack.last().copied()
}

/// The keyword of the `if`/`for`/`switch`/`select` header the error is in, if any: the
/// nearest such keyword before `toks`' end with no unmatched bracket or statement end between.
fn header_keyword(toks: &[Spanned<'_>]) -> Option<Tok<'static>> {
    let mut depth = 0i32;
    for (_, t, _) in toks.iter().rev() {
        match t {
            Tok::RParen | Tok::RBrace | Tok::RBrack => depth += 1,
            Tok::LParen | Tok::LBrack | Tok::LBrackTParams => depth -= 1,
            Tok::LBrace => {
                if depth == 0 {
                    return None;
                }
                depth -= 1;
            }
            Tok::If if depth == 0 => return Some(Tok::If),
            Tok::For if depth == 0 => return Some(Tok::For),
            Tok::Switch if depth == 0 => return Some(Tok::Switch),
            Tok::Select if depth == 0 => return Some(Tok::Select),
            _ => {}
        }
        if depth < 0 {
            return None;
        }
    }
    None
}

/// True if `toks` ends with `func ... ;` at bracket depth 0: a declaration without body
/// (gc then words a following `{` as "unexpected semicolon or newline before {").
fn after_bodyless_func(toks: &[Spanned<'_>]) -> bool {
    let mut depth = 0i32;
    for (_, t, _) in toks.iter().rev().skip(1) {
        match t {
            Tok::RParen | Tok::RBrace | Tok::RBrack => depth += 1,
            Tok::LParen | Tok::LBrace | Tok::LBrack | Tok::LBrackTParams => depth -= 1,
            Tok::Func if depth == 0 => return true,
            Tok::Semi(_) if depth == 0 => return false,
            _ => {}
        }
    }
    false
}

fn diag(lo: u32, msg: String) -> Diagnostic {
    Diagnostic::new(Span::new(lo, lo + 1), msg)
}

pub(crate) fn describe(e: ParseErr<'_>, tokens: &[Spanned<'_>], eof: u32) -> Diagnostic {
    match e {
        ParseError::User { error } => error,
        ParseError::InvalidToken { location } => {
            diag(location, "syntax error: invalid token".to_string())
        }
        ParseError::UnrecognizedEof { expected, .. } => {
            let exp: Vec<String> = expected
                .iter()
                .map(|s| s.trim_matches('"').to_string())
                .collect();
            unexpected(tokens, tokens.len(), (eof, Tok::Semi(Semi::Eof), eof), &exp)
        }
        ParseError::UnrecognizedToken { token, expected } => {
            let exp: Vec<String> = expected
                .iter()
                .map(|s| s.trim_matches('"').to_string())
                .collect();
            let idx = tokens
                .iter()
                .position(|t| t.0 == token.0 && t.1 == token.1)
                .unwrap_or(tokens.len());
            unexpected(tokens, idx, token, &exp)
        }
        ParseError::ExtraToken {
            token: (lo, tok, _),
        } => diag(lo, format!("syntax error: unexpected {}", tok.describe())),
    }
}

/// gc's spelling of an expected token.
fn tokstring(t: &str) -> String {
    match t {
        "," => "comma".to_string(),
        ";" => "semicolon or newline".to_string(),
        "name" => "name".to_string(),
        "string" | "int" | "float" | "imag" | "rune" => "literal".to_string(),
        t if t.chars().all(|c| c.is_ascii_lowercase()) => format!("keyword {t}"),
        t => t.to_string(),
    }
}

fn unexpected(
    tokens: &[Spanned<'_>],
    idx: usize,
    token: Spanned<'_>,
    exp: &[String],
) -> Diagnostic {
    let (lo, tok, _) = token;
    let has = |s: &str| exp.iter().any(|e| e == s);
    let before = tokens.get(..idx.min(tokens.len())).unwrap_or(&[]);
    let prev = before.last().map(|t| t.1);
    let prev2 = before
        .len()
        .checked_sub(2)
        .and_then(|i| before.get(i))
        .map(|t| t.1);
    let what = tok.describe();
    let syn = |msg: String| diag(lo, format!("syntax error: {msg}"));
    let unexp = |rest: &str| diag(lo, format!("syntax error: unexpected {what}{rest}"));
    let is_eof = matches!(tok, Tok::Semi(Semi::Eof));

    if has("package") {
        return syn("package statement must be first".to_string());
    }
    // `if var x = ...`: gc complains at the token after `var`.
    if tok == Tok::Var {
        if let Some(kw @ (Tok::If | Tok::For | Tok::Switch)) = prev {
            let at = tokens.get(idx + 1).map(|t| t.0).unwrap_or(lo);
            let k = kw.keyword_str().unwrap_or("if");
            return diag(
                at,
                format!("syntax error: var declaration not allowed in {k} initializer"),
            );
        }
    }
    if tok == Tok::LBrace && prev == Some(Tok::If) {
        return syn("missing condition in if statement".to_string());
    }
    if tok == Tok::LBrace && header_keyword(before) == Some(Tok::If) {
        if let Some((slo, Tok::Semi(kind), _)) = before.last() {
            return match kind {
                Semi::Explicit => diag(
                    *slo,
                    "syntax error: missing condition in if statement".to_string(),
                ),
                _ => diag(
                    *slo,
                    "syntax error: unexpected newline, expected { after if clause".to_string(),
                ),
            };
        }
    }
    let opener = innermost(before);
    if is_eof {
        if let Some(o) = opener {
            return unexp(&format!(", expected {}", o.closer()));
        }
    }
    if opener.is_none() {
        if has("func") && has("var") {
            if tok == Tok::LBrace
                && matches!(prev, Some(Tok::Semi(_)))
                && after_bodyless_func(before)
            {
                return syn("unexpected semicolon or newline before {".to_string());
            }
            return syn("non-declaration statement outside function body".to_string());
        }
        if has(";") && !has("name") {
            return unexp(" after top level declaration");
        }
    }
    if exp.len() == 2 && has("{") && has("if") {
        return syn("else must be followed by if or statement block".to_string());
    }
    if has("if") {
        if has("case") {
            return unexp(", expected case or default or }");
        }
        return unexp(", expected }");
    }
    if has("case") && has("default") {
        return unexp(", expected case or default or }");
    }
    match opener {
        Some(Opener::Brace) if has(";") && has("}") => return unexp(" at end of statement"),
        Some(Opener::Struct) if has(";") && has("}") => {
            return unexp(" in struct type; possibly missing semicolon or newline or }");
        }
        Some(Opener::Iface) if has(";") && has("}") => {
            return unexp(" in interface type; possibly missing semicolon or newline or }");
        }
        Some(Opener::Group) if has(";") && has(")") => {
            return unexp(" in grouped declaration; possibly missing semicolon or newline or )");
        }
        _ => {}
    }
    if has(",") && has("}") {
        return unexp(" in composite literal; possibly missing comma or }");
    }
    if has(",") && has(")") {
        if has("...") && !has("map") {
            return unexp(" in argument list; possibly missing comma or )");
        }
        return unexp(" in parameter list; possibly missing comma or )");
    }
    if has("=") && has(":=") && has(",") && !has("int") {
        return unexp(", expected := or = or comma");
    }
    if has("string") && !has("int") {
        return syn("missing import path".to_string());
    }
    if has(":") && has("]") {
        return unexp(", expected comma, : or ]");
    }
    if has("int") {
        return unexp(", expected expression");
    }
    if has("name") && exp.len() <= 2 && exp.iter().all(|e| e == "name" || e == "(") {
        if prev == Some(Tok::RParen) && prev2 == Some(Tok::LParen) {
            if let Some(Tok::Func) = idx.checked_sub(3).and_then(|i| tokens.get(i)).map(|t| t.1) {
                return diag(lo, "method has no receiver".to_string());
            }
        }
        if has("(") && matches!(prev, Some(Tok::Period | Tok::Func)) {
            return unexp(", expected name or (");
        }
        return unexp(", expected name");
    }
    if has("{") && !has(";") {
        match header_keyword(before) {
            Some(Tok::For) => return unexp(", expected { after for clause"),
            Some(Tok::If) => return unexp(", expected { after if clause"),
            Some(Tok::Switch) => return syn("missing { after switch clause".to_string()),
            Some(Tok::Select) => return syn("missing { after select clause".to_string()),
            _ => {}
        }
    }
    if has("map") && has("chan") {
        if has(")") {
            return unexp(", expected )");
        }
        if prev2 == Some(Tok::Type) && matches!(prev, Some(Tok::Ident(_))) {
            return unexp(" in type declaration");
        }
        return unexp(", expected type");
    }
    for want in [")", "]", "}", ":", "=", "chan", "{", ";", "name"] {
        if has(want) {
            return unexp(&format!(", expected {}", tokstring(want)));
        }
    }
    match exp.first() {
        Some(e) => unexp(&format!(", expected {}", tokstring(e))),
        None => unexp(""),
    }
}
