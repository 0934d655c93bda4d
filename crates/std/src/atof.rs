//! strconv's float parsing, as Go's internal/strconv/atof.go does it: the longest prefix of
//! the input that reads as a float (`parse_float_prefix`, behind ParseFloat and
//! ParseComplex), with Go's syntax (signs, `inf`/`infinity`/`nan` in any case, `_` digit
//! separators only where `underscoreOK` allows them, hexadecimal mantissas with a required
//! `p` exponent) and its rounding: decimal input correctly rounded to float64 or float32,
//! hexadecimal input by Go's `atofHex`.
//!
//! Invariants: the result is Go's `(f, n, err)`: n is the length of the prefix read (also on
//! syntax errors, where it is how far the reader got); an overflow gives ±Inf with a range
//! error; never panics.

/// Why parsing failed: Go's ErrSyntax or ErrRange (code 1 and 2 in the Go side's NumError).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AtofErr {
    Syntax,
    Range,
}

/// Go's `parseFloatPrefix(s, bitSize)`: the value (float32 values widened), the number of
/// bytes read, and the error.
pub fn parse_float_prefix(s: &[u8], bits: u32) -> (f64, usize, Option<AtofErr>) {
    if let Some((v, n)) = special(s) {
        return (v, n, None);
    }
    let r = read_float(s);
    if !r.ok {
        return (0.0, r.n, Some(AtofErr::Syntax));
    }
    let (f, range) = if r.hex {
        atof_hex(r.mantissa, r.exp, r.neg, r.trunc, bits)
    } else {
        // Go's algorithms round correctly, as Rust's parser does.
        let text: String = s[..r.n]
            .iter()
            .filter(|&&c| c != b'_')
            .map(|&c| c as char)
            .collect();
        let f = if bits == 32 {
            text.parse::<f32>().map(|f| f as f64)
        } else {
            text.parse::<f64>()
        };
        match f {
            Ok(f) => (f, f.is_infinite()),
            Err(_) => return (0.0, r.n, Some(AtofErr::Syntax)),
        }
    };
    (f, r.n, range.then_some(AtofErr::Range))
}

fn lower(c: u8) -> u8 {
    c | 0x20
}

/// `inf`, `infinity` (signed or not) and `nan`, in any case.
fn special(s: &[u8]) -> Option<(f64, usize)> {
    let prefix_len = |s: &[u8], word: &[u8]| {
        s.iter()
            .zip(word)
            .take_while(|(a, b)| lower(**a) == **b)
            .count()
    };
    let (sign, rest, nsign) = match s.first()? {
        b'+' => (1.0, &s[1..], 1),
        b'-' => (-1.0, &s[1..], 1),
        b'n' | b'N' => {
            return (prefix_len(s, b"nan") == 3).then_some((f64::NAN, 3));
        }
        _ => (1.0, s, 0),
    };
    if !matches!(rest.first(), Some(b'i' | b'I')) {
        return None;
    }
    let mut n = prefix_len(rest, b"infinity");
    if 3 < n && n < 8 {
        n = 3;
    }
    (n == 3 || n == 8).then_some((f64::INFINITY * sign, nsign + n))
}

struct Read {
    mantissa: u64,
    exp: i64,
    neg: bool,
    trunc: bool,
    hex: bool,
    n: usize,
    ok: bool,
}

/// Go's `readFloat`: the mantissa (its first 19 decimal or 16 hex digits), the binary or
/// decimal exponent, and how far the number's syntax goes.
fn read_float(s: &[u8]) -> Read {
    let mut r = Read {
        mantissa: 0,
        exp: 0,
        neg: false,
        trunc: false,
        hex: false,
        n: 0,
        ok: false,
    };
    let mut i = 0;
    let mut underscores = false;
    if s.is_empty() {
        return r;
    }
    match s[0] {
        b'+' => i += 1,
        b'-' => {
            i += 1;
            r.neg = true;
        }
        _ => {}
    }
    let (mut base, mut max_digits, mut exp_char) = (10u64, 19, b'e');
    if i + 2 < s.len() && s[i] == b'0' && lower(s[i + 1]) == b'x' {
        (base, max_digits, exp_char) = (16, 16, b'p');
        i += 2;
        r.hex = true;
    }
    let (mut sawdot, mut sawdigits) = (false, false);
    let (mut nd, mut nd_mant, mut dp) = (0i64, 0i64, 0i64);
    while i < s.len() {
        let c = s[i];
        let digit = if c.is_ascii_digit() {
            Some((c - b'0') as u64)
        } else if base == 16 && (b'a'..=b'f').contains(&lower(c)) {
            Some((lower(c) - b'a' + 10) as u64)
        } else {
            None
        };
        if c == b'_' {
            underscores = true;
        } else if c == b'.' {
            if sawdot {
                break;
            }
            sawdot = true;
            dp = nd;
        } else if let Some(d) = digit {
            sawdigits = true;
            if d == 0 && nd == 0 && c == b'0' {
                dp -= 1; // leading zeros
            } else {
                nd += 1;
                if nd_mant < max_digits {
                    r.mantissa = r.mantissa * base + d;
                    nd_mant += 1;
                } else if d != 0 || base == 16 && !c.is_ascii_digit() {
                    r.trunc = true;
                }
            }
        } else {
            break;
        }
        i += 1;
    }
    r.n = i;
    if !sawdigits {
        return r;
    }
    if !sawdot {
        dp = nd;
    }
    if base == 16 {
        dp *= 4;
        nd_mant *= 4;
    }
    if i < s.len() && lower(s[i]) == exp_char {
        i += 1;
        r.n = i;
        if i >= s.len() {
            return r;
        }
        let mut esign = 1;
        match s[i] {
            b'+' => i += 1,
            b'-' => {
                i += 1;
                esign = -1;
            }
            _ => {}
        }
        r.n = i;
        if i >= s.len() || !s[i].is_ascii_digit() {
            return r;
        }
        let mut e = 0i64;
        while i < s.len() && (s[i].is_ascii_digit() || s[i] == b'_') {
            if s[i] == b'_' {
                underscores = true;
            } else if e < 10000 {
                e = e * 10 + (s[i] - b'0') as i64;
            }
            i += 1;
        }
        r.n = i;
        dp += e * esign;
    } else if base == 16 {
        return r;
    }
    if r.mantissa != 0 {
        r.exp = dp - nd_mant;
    }
    if underscores && !underscore_ok(&s[..i]) {
        return r;
    }
    r.ok = true;
    r
}

/// Go's `underscoreOK`: `_` only between digits (or after a base prefix); integers
/// (`strconv.rs`) and floats alike.
pub(crate) fn underscore_ok(s: &[u8]) -> bool {
    let mut saw = b'^';
    let mut s = s;
    if matches!(s.first(), Some(b'-' | b'+')) {
        s = &s[1..];
    }
    let mut i = 0;
    let mut hex = false;
    if s.len() >= 2 && s[0] == b'0' && matches!(lower(s[1]), b'b' | b'o' | b'x') {
        i = 2;
        saw = b'0';
        hex = lower(s[1]) == b'x';
    }
    while i < s.len() {
        let c = s[i];
        if c.is_ascii_digit() || hex && (b'a'..=b'f').contains(&lower(c)) {
            saw = b'0';
        } else if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
        } else {
            if saw == b'_' {
                return false;
            }
            saw = b'!';
        }
        i += 1;
    }
    saw != b'_'
}

/// Go's `atofHex`: mantissa × 2^exp rounded to nearest even (a truncated mantissa is
/// sticky); (value, overflowed).
fn atof_hex(mut mantissa: u64, exp: i64, neg: bool, trunc: bool, bits: u32) -> (f64, bool) {
    let (mantbits, expbits, bias): (u32, u32, i64) = if bits == 32 {
        (23, 8, -127)
    } else {
        (52, 11, -1023)
    };
    let max_exp = (1i64 << expbits) + bias - 2;
    let min_exp = bias + 1;
    let mut exp = exp + mantbits as i64;
    while mantissa != 0 && mantissa >> (mantbits + 2) == 0 {
        mantissa <<= 1;
        exp -= 1;
    }
    if trunc {
        mantissa |= 1;
    }
    while mantissa >> (1 + mantbits + 2) != 0 {
        mantissa = mantissa >> 1 | mantissa & 1;
        exp += 1;
    }
    while mantissa > 1 && exp < min_exp - 2 {
        mantissa = mantissa >> 1 | mantissa & 1;
        exp += 1;
    }
    let mut round = mantissa & 3;
    mantissa >>= 2;
    round |= mantissa & 1;
    exp += 2;
    if round == 3 {
        mantissa += 1;
        if mantissa == 1 << (1 + mantbits) {
            mantissa >>= 1;
            exp += 1;
        }
    }
    if mantissa >> mantbits == 0 {
        exp = bias;
    }
    let mut overflow = false;
    if exp > max_exp {
        mantissa = 1 << mantbits;
        exp = max_exp + 1;
        overflow = true;
    }
    let mut b = mantissa & ((1 << mantbits) - 1);
    b |= (((exp - bias) & ((1 << expbits) - 1)) as u64) << mantbits;
    if neg {
        b |= 1 << mantbits << expbits;
    }
    let f = if bits == 32 {
        f32::from_bits(b as u32) as f64
    } else {
        f64::from_bits(b)
    };
    (f, overflow)
}
