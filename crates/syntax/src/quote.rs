//! Go's quoting and unquoting of strings and runes, as package strconv does it: `Quote`,
//! `QuoteToASCII`, `QuoteToGraphic`, `QuoteRune`, `QuoteRuneToASCII`,
//! `QuoteRuneToGraphic`, `IsGraphic` and `Unquote`. The one implementation
//! for every part of gosub that prints or reads a Go literal: the parser's and the
//! checker's messages, escape analysis messages, fmt's `%q`, package strconv and the
//! embedding API.
//!
//! Invariants:
//! - Quoting follows strconv exactly (tests/quote.rs checks it against vectors from real
//!   Go): printable runes (`isprint.rs`) are kept, `\a \b \f \n \r \t \v`, the quote and
//!   the backslash are escaped, other runes below U+0020 and U+007F become `\xNN`, other
//!   non-printable runes `\uNNNN` or `\UNNNNNNNN`; each byte that is not part of valid UTF-8
//!   becomes `\xNN` (Go's decoder: an invalid byte is one error rune of width 1). Quoting
//!   then unquoting gives back the input bytes.
//! - Unquoting validates with the scanner's literal rules and decodes with its decoder
//!   (`literal.rs`), so the compiler and strconv accept and decode the same literals; only
//!   strconv's differences from source literals are added here (raw bytes that are not
//!   UTF-8 stand for U+FFFD; the input must be exactly one literal).
//! - Nothing here panics, whatever the input.

pub use crate::isprint::is_print;
use crate::literal;

/// `strconv.Quote`: a double-quoted Go string literal for `s`.
pub fn quote(s: &[u8]) -> String {
    quote_with(s, Keep::Print)
}

/// `strconv.QuoteToASCII`: like `quote`, with every non-ASCII rune escaped.
pub fn quote_to_ascii(s: &[u8]) -> String {
    quote_with(s, Keep::Ascii)
}

/// `strconv.QuoteToGraphic`: like `quote`, keeping graphic runes (`is_graphic`) as they are.
pub fn quote_to_graphic(s: &[u8]) -> String {
    quote_with(s, Keep::Graphic)
}

/// `strconv.QuoteRuneToGraphic`: like `quote_rune`, keeping a graphic rune as it is.
pub fn quote_rune_to_graphic(r: i32) -> String {
    quote_rune_with(r, Keep::Graphic)
}

/// `strconv.IsGraphic`: printable (`is_print`) or one of Unicode's space separators (Zs),
/// which `is_print` leaves out except U+0020.
pub fn is_graphic(c: char) -> bool {
    is_print(c)
        || matches!(
            c,
            '\u{00a0}' | '\u{1680}' | '\u{2000}'
                ..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
        )
}

/// Which runes a quoting function keeps as they are (the others are escaped).
#[derive(Clone, Copy, PartialEq)]
enum Keep {
    /// Printable runes (`Quote`).
    Print,
    /// Printable ASCII (`QuoteToASCII`).
    Ascii,
    /// Graphic runes (`QuoteToGraphic`).
    Graphic,
}

/// `strconv.QuoteRune`: a single-quoted Go rune literal for `r` (an invalid code point is
/// quoted as U+FFFD).
pub fn quote_rune(r: i32) -> String {
    quote_rune_with(r, Keep::Print)
}

/// `strconv.QuoteRuneToASCII`: like `quote_rune`, with a non-ASCII rune escaped.
pub fn quote_rune_to_ascii(r: i32) -> String {
    quote_rune_with(r, Keep::Ascii)
}

fn quote_with(s: &[u8], keep: Keep) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for chunk in s.utf8_chunks() {
        for c in chunk.valid().chars() {
            escape_rune(&mut out, c, '"', keep);
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out.push('"');
    out
}

fn quote_rune_with(r: i32, keep: Keep) -> String {
    let c = u32::try_from(r)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or('\u{FFFD}');
    let mut out = String::from("'");
    escape_rune(&mut out, c, '\'', keep);
    out.push('\'');
    out
}

/// strconv's `appendEscapedRune`.
fn escape_rune(out: &mut String, c: char, quote: char, keep: Keep) {
    if c == quote || c == '\\' {
        out.push('\\');
        out.push(c);
        return;
    }
    let kept = match keep {
        Keep::Print => is_print(c),
        Keep::Ascii => is_print(c) && c.is_ascii(),
        Keep::Graphic => is_graphic(c),
    };
    if kept {
        out.push(c);
        return;
    }
    match c {
        '\x07' => out.push_str("\\a"),
        '\x08' => out.push_str("\\b"),
        '\x0c' => out.push_str("\\f"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\x0b' => out.push_str("\\v"),
        c if c < ' ' || c == '\x7f' => out.push_str(&format!("\\x{:02x}", c as u32)),
        c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
        c => out.push_str(&format!("\\U{:08x}", c as u32)),
    }
}

/// `strconv.QuotedPrefix`: the length of the quoted string (as `unquote` understands it)
/// at the start of `s`, or None. A raw string ends at its second backquote; an
/// interpreted string or rune literal at its first unescaped closing quote, and must then
/// be a valid literal.
pub fn quoted_prefix(s: &[u8]) -> Option<usize> {
    let q = *s.first()?;
    match q {
        b'`' => s[1..].iter().position(|&b| b == b'`').map(|i| i + 2),
        b'"' | b'\'' => {
            let mut i = 1;
            while i < s.len() {
                match s[i] {
                    b'\\' => i += 2,
                    b'\n' => return None,
                    c if c == q => return unquote(&s[..=i]).map(|_| i + 1),
                    _ => i += 1,
                }
            }
            None
        }
        _ => None,
    }
}

/// `strconv.Unquote`: the value of the Go string literal `s` (double-quoted,
/// single-quoted or backquoted), or None if `s` is not exactly one valid literal. A rune
/// literal's value is its UTF-8 encoding, or the single byte of a `\x` or octal escape.
pub fn unquote(s: &[u8]) -> Option<Vec<u8>> {
    match *s.first()? {
        b'`' => {
            let (n, errs) = literal::scan_raw_string(s);
            (errs.is_empty() && n == s.len() && n >= 2)
                .then(|| literal::decode_raw_body(&s[1..n - 1]))
        }
        q @ (b'"' | b'\'') => {
            // strconv accepts `''` (its fast path finds no rune and no error); the scanner
            // does not, so it is the one case decided here.
            if s == b"''" {
                return Some(Vec::new());
            }
            let text = go_runes(s);
            let (n, errs) = if q == b'"' {
                literal::scan_string(&text)
            } else {
                literal::scan_rune(&text)
            };
            (errs.is_empty() && n == text.len() && n >= 2)
                .then(|| literal::decode_body(&text[1..n - 1]))
        }
        _ => None,
    }
}

/// `s` with every byte that is not part of valid UTF-8 replaced by U+FFFD, one per byte,
/// as Go's decoder reads it (strconv.Unquote decodes raw non-ASCII text that way).
fn go_runes(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for chunk in s.utf8_chunks() {
        out.extend_from_slice(chunk.valid().as_bytes());
        for _ in chunk.invalid() {
            out.extend_from_slice("\u{FFFD}".as_bytes());
        }
    }
    out
}
