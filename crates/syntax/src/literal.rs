//! Scanning and decoding of Go literals: numbers, runes, strings, comments.
//!
//! Invariants: every `scan_*` function takes the text starting at the literal's first byte,
//! never reads past the end of its input, always consumes at least one byte, and returns the
//! length consumed plus the errors found (byte offsets relative to the literal start, worded
//! as gc's scanner words them). The `decode_*` functions accept any text (also invalid
//! literals, which the scanner has already reported) and never panic. They are Go's one
//! escape decoder: `quote::unquote` (strconv.Unquote) validates with the `scan_*` functions
//! and decodes with `decode_body` / `decode_raw_body`.

use crate::quote::{is_print, quote_rune};

/// What kind of number literal `scan_number` found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumKind {
    Int,
    Float,
    Imag,
}

/// An error inside a literal: byte offset relative to the literal start and gc's message.
pub type LitError = (usize, String);

fn lower(b: u8) -> u8 {
    b | 0x20
}

fn is_decimal(b: u8) -> bool {
    b.is_ascii_digit()
}

fn is_hex(b: u8) -> bool {
    b.is_ascii_digit() || (b'a'..=b'f').contains(&lower(b))
}

fn base_name(base: u32) -> &'static str {
    match base {
        2 => "binary",
        8 => "octal",
        16 => "hexadecimal",
        _ => "decimal",
    }
}

/// Go's `%#U` formatting: `U+0040 '@'` (the quoted character only when printable).
pub fn unicode_fmt(c: u32) -> String {
    match char::from_u32(c) {
        Some(ch) if is_print(ch) => format!("U+{c:04X} '{ch}'"),
        _ => format!("U+{c:04X}"),
    }
}

/// A tiny cursor over bytes that never reads out of bounds (`ch` is None at the end).
struct Cur<'a> {
    s: &'a [u8],
    i: usize,
}

impl Cur<'_> {
    fn ch(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }
    fn is(&self, b: u8) -> bool {
        self.ch() == Some(b)
    }
    fn next(&mut self) {
        if self.i < self.s.len() {
            self.i += 1;
        }
    }
    /// The current character decoded as UTF-8 (for messages), and its byte length.
    fn char_here(&self) -> (char, usize) {
        let rest = self.s.get(self.i..).unwrap_or(&[]);
        let n = rest.len().min(4);
        for len in 1..=n {
            if let Ok(st) = std::str::from_utf8(&rest[..len]) {
                if let Some(c) = st.chars().next() {
                    return (c, len);
                }
            }
        }
        ('\u{fffd}', 1)
    }
    /// Advances over one whole UTF-8 character.
    fn next_char(&mut self) {
        let n = match self.s.get(self.i) {
            Some(b) if b.is_ascii() => 1,
            _ => self.char_here().1,
        };
        self.i = (self.i + n).min(self.s.len());
    }
}

/// Scans a number literal starting at `s[0]` (a digit, or `.` followed by a digit).
pub fn scan_number(s: &[u8]) -> (usize, NumKind, Vec<LitError>) {
    let mut c = Cur { s, i: 0 };
    let mut errs: Vec<LitError> = Vec::new();
    let mut ok = true;
    let mut kind = NumKind::Int;
    let mut base = 10u32;
    let mut prefix = 0u8;
    let mut digsep = 0u32;
    let mut invalid: Option<usize> = None;
    let mut seen_point = false;

    if c.is(b'.') {
        c.next();
        seen_point = true;
    } else {
        if c.is(b'0') {
            c.next();
            match c.ch().map(lower) {
                Some(b'x') => {
                    c.next();
                    base = 16;
                    prefix = b'x';
                }
                Some(b'o') => {
                    c.next();
                    base = 8;
                    prefix = b'o';
                }
                Some(b'b') => {
                    c.next();
                    base = 2;
                    prefix = b'b';
                }
                _ => {
                    base = 8;
                    prefix = b'0';
                    digsep = 1;
                }
            }
        }
        digsep |= digits(&mut c, base, &mut invalid);
        if c.is(b'.') {
            if prefix == b'o' || prefix == b'b' {
                errs.push((
                    c.i,
                    format!("invalid radix point in {} literal", base_name(base)),
                ));
                ok = false;
            }
            c.next();
            seen_point = true;
        }
    }
    if seen_point {
        kind = NumKind::Float;
        digsep |= digits(&mut c, base, &mut invalid);
    }
    if digsep & 1 == 0 && ok {
        errs.push((c.i, format!("{} literal has no digits", base_name(base))));
        ok = false;
    }
    if let Some(e) = c.ch().map(lower).filter(|&e| e == b'e' || e == b'p') {
        if ok {
            let ch = c.ch().unwrap_or(e) as char;
            if e == b'e' && prefix != 0 && prefix != b'0' {
                errs.push((
                    c.i,
                    format!(
                        "{} exponent requires decimal mantissa",
                        quote_rune(ch as i32)
                    ),
                ));
                ok = false;
            } else if e == b'p' && prefix != b'x' {
                errs.push((
                    c.i,
                    format!(
                        "{} exponent requires hexadecimal mantissa",
                        quote_rune(ch as i32)
                    ),
                ));
                ok = false;
            }
        }
        c.next();
        kind = NumKind::Float;
        if c.is(b'+') || c.is(b'-') {
            c.next();
        }
        let mut none = None;
        let ds = digits(&mut c, 10, &mut none);
        digsep = ds | (digsep & 2);
        if ds & 1 == 0 && ok {
            errs.push((c.i, "exponent has no digits".to_string()));
            ok = false;
        }
    } else if prefix == b'x' && kind == NumKind::Float && ok {
        errs.push((
            c.i,
            "hexadecimal mantissa requires a 'p' exponent".to_string(),
        ));
        ok = false;
    }
    if c.is(b'i') {
        kind = NumKind::Imag;
        c.next();
    }
    let lit = &s[..c.i];
    if kind == NumKind::Int && ok {
        if let Some(inv) = invalid {
            let ch = lit.get(inv).copied().unwrap_or(b'0') as char;
            errs.push((
                inv,
                format!(
                    "invalid digit {} in {} literal",
                    quote_rune(ch as i32),
                    base_name(base)
                ),
            ));
            ok = false;
        }
    }
    if digsep & 2 != 0 && ok {
        if let Some(i) = invalid_sep(lit) {
            errs.push((i, "'_' must separate successive digits".to_string()));
        }
    }
    (c.i.max(1), kind, errs)
}

fn digits(c: &mut Cur, base: u32, invalid: &mut Option<usize>) -> u32 {
    let mut digsep = 0;
    if base <= 10 {
        let max = b'0' + base as u8;
        while let Some(ch) = c.ch().filter(|&ch| is_decimal(ch) || ch == b'_') {
            let mut ds = 1;
            if ch == b'_' {
                ds = 2;
            } else if ch >= max && invalid.is_none() {
                *invalid = Some(c.i);
            }
            digsep |= ds;
            c.next();
        }
    } else {
        while let Some(ch) = c.ch().filter(|&ch| is_hex(ch) || ch == b'_') {
            digsep |= if ch == b'_' { 2 } else { 1 };
            c.next();
        }
    }
    digsep
}

fn invalid_sep(x: &[u8]) -> Option<usize> {
    let mut x1 = b' ';
    let mut d = b'.';
    let mut i = 0;
    if x.len() >= 2 && x[0] == b'0' {
        x1 = lower(x[1]);
        if x1 == b'x' || x1 == b'o' || x1 == b'b' {
            d = b'0';
            i = 2;
        }
    }
    while i < x.len() {
        let p = d;
        d = x[i];
        if d == b'_' {
            if p != b'0' {
                return Some(i);
            }
        } else if is_decimal(d) || (x1 == b'x' && is_hex(d)) {
            d = b'0';
        } else {
            if p == b'_' {
                return Some(i - 1);
            }
            d = b'.';
        }
        i += 1;
    }
    if d == b'_' {
        return Some(x.len() - 1);
    }
    None
}

/// Scans an escape after its backslash (the cursor is on the character after `\`).
/// Returns false if the escape is invalid (and pushes gc's error).
fn escape(c: &mut Cur, quote: u8, errs: &mut Vec<LitError>) -> bool {
    let (n, base, max): (u32, u32, u32) = match c.ch() {
        None => return true,
        Some(ch) if ch == quote || b"abfnrtv\\".contains(&ch) => {
            c.next();
            return true;
        }
        Some(b'0'..=b'7') => (3, 8, 255),
        Some(b'x') => {
            c.next();
            (2, 16, 255)
        }
        Some(b'u') => {
            c.next();
            (4, 16, 0x10FFFF)
        }
        Some(b'U') => {
            c.next();
            (8, 16, 0x10FFFF)
        }
        Some(_) => {
            errs.push((c.i, "unknown escape".to_string()));
            return false;
        }
    };
    let mut x: u32 = 0;
    for _ in 0..n {
        let Some(ch) = c.ch() else { return true };
        let d = if is_decimal(ch) {
            (ch - b'0') as u32
        } else if (b'a'..=b'f').contains(&lower(ch)) {
            (lower(ch) - b'a' + 10) as u32
        } else {
            base
        };
        if d >= base {
            let (chr, _) = c.char_here();
            errs.push((
                c.i,
                format!(
                    "invalid character {} in {} escape",
                    quote_rune(chr as i32),
                    base_name(base)
                ),
            ));
            return false;
        }
        x = x.wrapping_mul(base).wrapping_add(d);
        c.next();
    }
    if x > max && base == 8 {
        errs.push((c.i, format!("octal escape value {x} > 255")));
        return false;
    }
    if x > max || (0xD800..0xE000).contains(&x) {
        errs.push((
            c.i,
            format!("escape is invalid Unicode code point {}", unicode_fmt(x)),
        ));
        return false;
    }
    true
}

/// Scans an interpreted string literal starting at its `"`.
pub fn scan_string(s: &[u8]) -> (usize, Vec<LitError>) {
    let mut c = Cur { s, i: 1 };
    let mut errs = Vec::new();
    loop {
        match c.ch() {
            Some(b'"') => {
                c.next();
                break;
            }
            Some(b'\\') => {
                c.next();
                escape(&mut c, b'"', &mut errs);
            }
            Some(b'\n') => {
                errs.push((c.i, "newline in string".to_string()));
                break;
            }
            None => {
                errs.push((0, "string not terminated".to_string()));
                break;
            }
            Some(_) => c.next_char(),
        }
    }
    (c.i.min(s.len()), errs)
}

/// Scans a raw string literal starting at its backquote.
pub fn scan_raw_string(s: &[u8]) -> (usize, Vec<LitError>) {
    match s.iter().skip(1).position(|&b| b == b'`') {
        Some(p) => (p + 2, Vec::new()),
        None => (s.len(), vec![(0, "string not terminated".to_string())]),
    }
}

/// Scans a rune literal starting at its `'`.
pub fn scan_rune(s: &[u8]) -> (usize, Vec<LitError>) {
    let mut c = Cur { s, i: 1 };
    let mut errs = Vec::new();
    let mut ok = true;
    let mut n = 0;
    loop {
        match c.ch() {
            Some(b'\'') => {
                if ok {
                    if n == 0 {
                        errs.push((c.i, "empty rune literal or unescaped '".to_string()));
                    } else if n != 1 {
                        errs.push((0, "more than one character in rune literal".to_string()));
                    }
                }
                c.next();
                break;
            }
            Some(b'\\') => {
                c.next();
                if !escape(&mut c, b'\'', &mut errs) {
                    ok = false;
                }
            }
            Some(b'\n') => {
                if ok {
                    errs.push((c.i, "newline in rune literal".to_string()));
                }
                break;
            }
            None => {
                if ok {
                    errs.push((0, "rune literal not terminated".to_string()));
                }
                break;
            }
            Some(_) => c.next_char(),
        }
        n += 1;
    }
    (c.i.min(s.len()), errs)
}

/// Scans a `/* */` comment starting at its `/`: (length, contains a newline, errors).
pub fn scan_block_comment(s: &[u8]) -> (usize, bool, Vec<LitError>) {
    let body = s.get(2..).unwrap_or(&[]);
    match body.windows(2).position(|w| w == b"*/") {
        Some(p) => (p + 4, body[..p].contains(&b'\n'), Vec::new()),
        None => (
            s.len(),
            body.contains(&b'\n'),
            vec![(0, "comment not terminated".to_string())],
        ),
    }
}

/// Decodes one escape sequence at `s[i]` (just after the backslash); pushes the bytes it
/// denotes to `out` and returns the index after it.
fn decode_escape(s: &[u8], i: usize, out: &mut Vec<u8>) -> usize {
    let Some(&ch) = s.get(i) else { return i };
    let simple = match ch {
        b'a' => Some(7u8),
        b'b' => Some(8),
        b'f' => Some(12),
        b'n' => Some(b'\n'),
        b'r' => Some(b'\r'),
        b't' => Some(b'\t'),
        b'v' => Some(11),
        b'\\' | b'\'' | b'"' => Some(ch),
        _ => None,
    };
    if let Some(b) = simple {
        out.push(b);
        return i + 1;
    }
    let (start, n, base, bytewise) = match ch {
        b'0'..=b'7' => (i, 3, 8, true),
        b'x' => (i + 1, 2, 16, true),
        b'u' => (i + 1, 4, 16, false),
        b'U' => (i + 1, 8, 16, false),
        _ => {
            out.push(ch);
            return i + 1;
        }
    };
    let mut x: u32 = 0;
    let mut j = start;
    while j < start + n {
        let Some(d) = s.get(j).and_then(|&b| (b as char).to_digit(base)) else {
            break;
        };
        x = x.wrapping_mul(base).wrapping_add(d);
        j += 1;
    }
    if bytewise {
        out.push(x as u8);
    } else {
        let c = char::from_u32(x).unwrap_or('\u{fffd}');
        let mut buf = [0u8; 4];
        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }
    j
}

/// Decodes a string literal's raw text (with quotes) to its bytes.
pub fn decode_string(raw: &str) -> Vec<u8> {
    let b = raw.as_bytes();
    if b.first() == Some(&b'`') {
        let inner = b.get(1..b.len().saturating_sub(1).max(1)).unwrap_or(&[]);
        return decode_raw_body(inner);
    }
    let end = if b.len() >= 2 && b.last() == Some(&b'"') {
        b.len() - 1
    } else {
        b.len()
    };
    decode_body(b.get(1..end).unwrap_or(&[]))
}

/// Decodes the text between the quotes of an interpreted string or rune literal: each
/// escape becomes the bytes it denotes (`\x` and octal escapes one byte, `\u` and `\U`
/// the rune's UTF-8 encoding); other bytes are kept.
pub fn decode_body(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' {
            i = decode_escape(b, i + 1, &mut out);
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    out
}

/// Decodes the text between the backquotes of a raw string literal: carriage returns are
/// discarded, everything else is kept.
pub fn decode_raw_body(b: &[u8]) -> Vec<u8> {
    b.iter().copied().filter(|&c| c != b'\r').collect()
}

/// Decodes a rune literal's raw text (with quotes) to its code point.
pub fn decode_rune(raw: &str) -> u32 {
    let b = raw.as_bytes();
    match b.get(1) {
        Some(b'\\') => {
            let mut out = Vec::new();
            decode_escape(b, 2, &mut out);
            match b.get(2) {
                Some(b'u' | b'U') => std::str::from_utf8(&out)
                    .ok()
                    .and_then(|s| s.chars().next())
                    .map(|c| c as u32)
                    .unwrap_or(0xFFFD),
                _ => out.first().copied().unwrap_or(0) as u32,
            }
        }
        Some(_) => raw
            .get(1..)
            .and_then(|s| s.chars().next())
            .map(|c| c as u32)
            .unwrap_or(0),
        None => 0,
    }
}
