//! Package strconv's natives: integer and float parsing and formatting, quoting and
//! unquoting. Float formatting is the VM's (`gosub_vm::float_fmt`), quoting the syntax
//! crate's (`gosub_syntax::quote`): one implementation each for the whole of gosub.
//!
//! Invariant: parse errors are reported as codes (1 syntax, 2 range) that go/strconv.go
//! turns into Go's `*NumError`.

use crate::natives::native;
use gosub_vm::{NativeRegistry, Trap};

/// Parses a Go integer literal for strconv (base 0 = prefix decides). Error code: 1 syntax,
/// 2 range.
fn parse_int(s: &[u8], base: i64, bits: i64, signed: bool) -> (i128, i64) {
    // The common case (Atoi of a decimal number) without the general walk: up to 18
    // decimal digits fit in 63 bits, so with a 64-bit size nothing can overflow.
    let (neg, digits) = match s.first() {
        Some(b'-') if signed => (true, &s[1..]),
        Some(b'+') if signed => (false, &s[1..]),
        _ => (false, s),
    };
    if base == 10
        && (bits == 0 || bits == 64)
        && (1..=18).contains(&digits.len())
        && digits.iter().all(|b| b.is_ascii_digit())
    {
        let v = (digits.iter()).fold(0i64, |v, b| v * 10 + i64::from(b - b'0'));
        return (i128::from(if neg { -v } else { v }), 0);
    }
    let Ok(st) = std::str::from_utf8(s) else {
        return (0, 1);
    };
    let (neg, body) = match st.as_bytes().first() {
        Some(b'-') => (true, &st[1..]),
        Some(b'+') => (false, &st[1..]),
        _ => (false, st),
    };
    // ParseUint takes no sign at all, not even '+'.
    if !signed && body.len() != st.len() {
        return (0, 1);
    }
    let (base, digits, underscores) = if base == 0 {
        let lower = body.to_ascii_lowercase();
        if lower.starts_with("0x") {
            (16, &body[2..], true)
        } else if lower.starts_with("0b") {
            (2, &body[2..], true)
        } else if lower.starts_with("0o") {
            (8, &body[2..], true)
        } else if body.len() > 1 && body.starts_with('0') {
            (8, &body[1..], true)
        } else {
            (10, body, true)
        }
    } else {
        (base as u32, body, false)
    };
    if digits.is_empty() || !(2..=36).contains(&base) {
        return (0, 1);
    }
    let bits = if bits == 0 { 64 } else { bits.clamp(1, 64) } as u32;
    // As Go's ParseUint: digit by digit, a value past the bit size is a range error at
    // once (before a bad character later on: Atoi("777777777777777777777/") is out of
    // range), a bad character a syntax error; underscores (base 0 only) are checked last.
    let max_val: u128 = (1u128 << bits) - 1;
    let mut v: u128 = 0;
    for ch in digits.chars() {
        if ch == '_' && underscores {
            continue;
        }
        let Some(d) = ch.to_digit(base) else {
            return (0, 1);
        };
        v = v * base as u128 + d as u128;
        if v > max_val {
            return if !signed {
                (max_val as i128, 2)
            } else if neg {
                (-(1i128 << (bits - 1)), 2)
            } else {
                ((1i128 << (bits - 1)) - 1, 2)
            };
        }
    }
    if underscores && !crate::atof::underscore_ok(st.as_bytes()) {
        return (0, 1);
    }
    if signed {
        let max = (1i128 << (bits - 1)) - 1;
        let min = -(1i128 << (bits - 1));
        let val = if neg { -(v as i128) } else { v as i128 };
        if val > max {
            return (max, 2);
        }
        if val < min {
            return (min, 2);
        }
        (val, 0)
    } else {
        (v as i128, 0)
    }
}

/// `v` in `base` as strconv.FormatInt writes it (lower-case digits; empty for a base outside
/// 2..=36).
pub fn format_int(v: i128, base: u32) -> String {
    let mut buf = [0u8; INT_DIGITS];
    String::from_utf8_lossy(format_int_into(v, base, &mut buf)).into_owned()
}

/// The most characters `format_int_into` writes: an `i128` in base 2 and its sign.
pub const INT_DIGITS: usize = 129;

/// `format_int` into `buf`, without allocating: the digits are the end of `buf` (empty
/// for a base outside 2..=36). Divisions are on `u64` while the value fits (a `u128`
/// division is a library call), by a constant 10 in the common base.
pub fn format_int_into(v: i128, base: u32, buf: &mut [u8; INT_DIGITS]) -> &[u8] {
    if !(2..=36).contains(&base) {
        return &[];
    }
    let digit = |d: u64| {
        if d < 10 {
            b'0' + d as u8
        } else {
            b'a' + d as u8 - 10
        }
    };
    let mut i = buf.len();
    let mut u = v.unsigned_abs();
    while u > u64::MAX as u128 {
        i -= 1;
        buf[i] = digit((u % base as u128) as u64);
        u /= base as u128;
    }
    let mut w = u as u64;
    loop {
        i -= 1;
        if base == 10 {
            buf[i] = b'0' + (w % 10) as u8;
            w /= 10;
        } else {
            buf[i] = digit(w % base as u64);
            w /= base as u64;
        }
        if w == 0 {
            break;
        }
    }
    if v < 0 {
        i -= 1;
        buf[i] = b'-';
    }
    &buf[i..]
}

pub fn register(r: &mut NativeRegistry) {
    native!(r, "strconv.FormatInt", |a| {
        let v = a.int()?;
        let base = a.int()?;
        if !(2..=36).contains(&base) {
            return Err(Trap::PanicString(
                "strconv: illegal AppendInt/FormatInt base".into(),
            ));
        }
        let mut buf = [0u8; INT_DIGITS];
        a.ret_string(format_int_into(v as i128, base as u32, &mut buf))?;
    });
    native!(r, "strconv.FormatUint", |a| {
        let v = a.int()? as u64;
        let base = a.int()?;
        if !(2..=36).contains(&base) {
            return Err(Trap::PanicString(
                "strconv: illegal AppendInt/FormatInt base".into(),
            ));
        }
        let mut buf = [0u8; INT_DIGITS];
        a.ret_string(format_int_into(v as i128, base as u32, &mut buf))?;
    });
    native!(r, "strconv.parseInt", |a| {
        // The digits are read where they are (no copy: Atoi's common case).
        let s = a.string_ref()?;
        let base = a.int()?;
        let bits = a.int()?;
        let (v, code) = parse_int(a.bytes(s)?, base, bits, true);
        a.ret_int(v as i64)?;
        a.ret_int(code)?;
    });
    native!(r, "strconv.parseUint", |a| {
        // The digits are read where they are (no copy: Atoi's common case).
        let s = a.string_ref()?;
        let base = a.int()?;
        let bits = a.int()?;
        let (v, code) = parse_int(a.bytes(s)?, base, bits, false);
        a.ret_int(v as u64 as i64)?;
        a.ret_int(code)?;
    });
    native!(r, "strconv.parseFloatPrefix", |a| {
        let s = a.string()?;
        let bits = a.int()?;
        let (v, n, err) = crate::atof::parse_float_prefix(&s, if bits == 32 { 32 } else { 64 });
        a.ret_f64(v)?;
        a.ret_int(n as i64)?;
        a.ret_int(match err {
            None => 0,
            Some(crate::atof::AtofErr::Syntax) => 1,
            Some(crate::atof::AtofErr::Range) => 2,
        })?;
    });
    native!(r, "strconv.FormatFloat", |a| {
        let f = a.f64()?;
        let fmt = a.int()? as u8;
        let prec = a.int()?;
        let bits = a.int()?;
        let s = gosub_vm::float_fmt::format_float(
            f,
            fmt as char,
            if prec < 0 { None } else { Some(prec as usize) },
            bits as u32,
            false,
        );
        a.ret_string(s.as_bytes())?;
    });
    native!(r, "strconv.Quote", |a| {
        let s = a.string()?;
        a.ret_string(gosub_syntax::quote::quote(&s).as_bytes())?;
    });
    native!(r, "strconv.QuoteToASCII", |a| {
        let s = a.string()?;
        a.ret_string(gosub_syntax::quote::quote_to_ascii(&s).as_bytes())?;
    });
    native!(r, "strconv.QuoteToGraphic", |a| {
        let s = a.string()?;
        a.ret_string(gosub_syntax::quote::quote_to_graphic(&s).as_bytes())?;
    });
    native!(r, "strconv.QuoteRuneToASCII", |a| {
        let v = a.int()?;
        a.ret_string(gosub_syntax::quote::quote_rune_to_ascii(v as i32).as_bytes())?;
    });
    native!(r, "strconv.QuoteRuneToGraphic", |a| {
        let v = a.int()?;
        a.ret_string(gosub_syntax::quote::quote_rune_to_graphic(v as i32).as_bytes())?;
    });
    native!(r, "strconv.IsPrint", |a| {
        let v = a.int()?;
        let c = u32::try_from(v).ok().and_then(char::from_u32);
        a.ret_bool(c.is_some_and(gosub_syntax::quote::is_print))?;
    });
    native!(r, "strconv.IsGraphic", |a| {
        let v = a.int()?;
        let c = u32::try_from(v).ok().and_then(char::from_u32);
        a.ret_bool(c.is_some_and(gosub_syntax::quote::is_graphic))?;
    });
    native!(r, "strconv.quotedPrefix", |a| {
        let s = a.string()?;
        let n = gosub_syntax::quote::quoted_prefix(&s).map_or(-1, |n| n as i64);
        a.ret_int(n)?;
    });
    native!(r, "strconv.QuoteRune", |a| {
        let v = a.int()?;
        a.ret_string(gosub_syntax::quote::quote_rune(v as i32).as_bytes())?;
    });
    native!(r, "strconv.unquote", |a| {
        let s = a.string()?;
        match gosub_syntax::quote::unquote(&s) {
            Some(u) => {
                a.ret_string(&u)?;
                a.ret_bool(true)?;
            }
            None => {
                a.ret_string(b"")?;
                a.ret_bool(false)?;
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::format_int;

    /// Every base's digits, signs, zero and the values around the `u64` arithmetic's limit,
    /// against Rust's own formatting where it has the base and a plain repeated division
    /// in every base.
    #[test]
    fn format_int_writes_go_digits() {
        let values: [i128; 10] = [
            0,
            7,
            -7,
            1_000_000,
            -1_234_567_890_123,
            i64::MIN as i128,
            u64::MAX as i128,
            u64::MAX as i128 + 1,
            i128::MAX,
            i128::MIN,
        ];
        let reference = |v: i128, base: u32| {
            let mut u = v.unsigned_abs();
            let mut out = Vec::new();
            loop {
                out.push(char::from_digit((u % base as u128) as u32, base).unwrap_or('?'));
                u /= base as u128;
                if u == 0 {
                    break;
                }
            }
            if v < 0 {
                out.push('-');
            }
            out.iter().rev().collect::<String>()
        };
        for v in values {
            let sign = if v < 0 { "-" } else { "" };
            let u = v.unsigned_abs();
            assert_eq!(format_int(v, 10), format!("{sign}{u}"));
            assert_eq!(format_int(v, 2), format!("{sign}{u:b}"));
            assert_eq!(format_int(v, 8), format!("{sign}{u:o}"));
            assert_eq!(format_int(v, 16), format!("{sign}{u:x}"));
            for base in 2..=36 {
                assert_eq!(
                    format_int(v, base),
                    reference(v, base),
                    "{v} in base {base}"
                );
            }
        }
        assert_eq!(format_int(35, 36), "z");
        assert_eq!(format_int(-36 * 36 - 1, 36), "-101");
        assert_eq!(format_int(5, 1), "");
        assert_eq!(format_int(5, 37), "");
    }
}
