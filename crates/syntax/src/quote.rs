//! Go's quoting and unquoting of strings and runes, as package strconv does it: `Quote`,
//! `QuoteToASCII`, `QuoteRune`, `QuoteRuneToASCII` and `Unquote`. The one implementation
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
    quote_with(s, false)
}

/// `strconv.QuoteToASCII`: like `quote`, with every non-ASCII rune escaped.
pub fn quote_to_ascii(s: &[u8]) -> String {
    quote_with(s, true)
}

/// `strconv.QuoteRune`: a single-quoted Go rune literal for `r` (an invalid code point is
/// quoted as U+FFFD).
pub fn quote_rune(r: i32) -> String {
    quote_rune_with(r, false)
}

/// `strconv.QuoteRuneToASCII`: like `quote_rune`, with a non-ASCII rune escaped.
pub fn quote_rune_to_ascii(r: i32) -> String {
    quote_rune_with(r, true)
}

fn quote_with(s: &[u8], ascii: bool) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for chunk in s.utf8_chunks() {
        for c in chunk.valid().chars() {
            escape_rune(&mut out, c, '"', ascii);
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out.push('"');
    out
}

fn quote_rune_with(r: i32, ascii: bool) -> String {
    let c = u32::try_from(r)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or('\u{FFFD}');
    let mut out = String::from("'");
    escape_rune(&mut out, c, '\'', ascii);
    out.push('\'');
    out
}

/// strconv's `appendEscapedRune`.
fn escape_rune(out: &mut String, c: char, quote: char, ascii: bool) {
    if c == quote || c == '\\' {
        out.push('\\');
        out.push(c);
        return;
    }
    if is_print(c) && (!ascii || c.is_ascii()) {
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
