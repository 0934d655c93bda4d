//! Package unicode's natives: character classes and case mapping of runes.
//!
//! Invariant: a value that is not a valid rune (negative, a surrogate, beyond U+10FFFF)
//! belongs to no class and maps to itself. `IsPrint` is Go's own table
//! (`gosub_syntax::isprint`, shared with quoting).

use crate::natives::native;
use gosub_vm::NativeRegistry;

pub fn register(r: &mut NativeRegistry) {
    native!(r, "unicode.IsLetter", |a| {
        let c = rune(a.int()?);
        a.ret_bool(c.is_some_and(|c| c.is_alphabetic()))?;
    });
    native!(r, "unicode.IsDigit", |a| {
        let c = rune(a.int()?);
        a.ret_bool(c.is_some_and(is_decimal_digit))?;
    });
    native!(r, "unicode.IsNumber", |a| {
        let c = rune(a.int()?);
        a.ret_bool(c.is_some_and(|c| c.is_numeric()))?;
    });
    native!(r, "unicode.IsSpace", |a| {
        let c = rune(a.int()?);
        a.ret_bool(c.is_some_and(|c| c.is_whitespace()))?;
    });
    native!(r, "unicode.IsUpper", |a| {
        let c = rune(a.int()?);
        a.ret_bool(c.is_some_and(|c| c.is_uppercase()))?;
    });
    native!(r, "unicode.IsLower", |a| {
        let c = rune(a.int()?);
        a.ret_bool(c.is_some_and(|c| c.is_lowercase()))?;
    });
    native!(r, "unicode.IsPunct", |a| {
        let c = rune(a.int()?);
        a.ret_bool(c.is_some_and(|c| c.is_ascii_punctuation() && !"$+<=>^`|~".contains(c)))?;
    });
    native!(r, "unicode.IsPrint", |a| {
        let c = rune(a.int()?);
        a.ret_bool(c.is_some_and(gosub_syntax::quote::is_print))?;
    });
    native!(r, "unicode.IsControl", |a| {
        let c = rune(a.int()?);
        a.ret_bool(c.is_some_and(|c| c.is_control()))?;
    });
    native!(r, "unicode.ToUpper", |a| {
        let v = a.int()?;
        a.ret_int(map_rune(v, |c| single(c.to_uppercase(), c)))?;
    });
    native!(r, "unicode.ToLower", |a| {
        let v = a.int()?;
        a.ret_int(map_rune(v, |c| single(c.to_lowercase(), c)))?;
    });
    native!(r, "unicode.ToTitle", |a| {
        let v = a.int()?;
        a.ret_int(map_rune(v, |c| single(c.to_uppercase(), c)))?;
    });
}

/// Unicode category Nd (decimal digits): runs of ten starting at these code points.
const ND_ZEROS: &[u32] = &[
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

fn is_decimal_digit(c: char) -> bool {
    let u = c as u32;
    ND_ZEROS.iter().any(|&z| u >= z && u < z + 10)
}

fn rune(v: i64) -> Option<char> {
    u32::try_from(v).ok().and_then(char::from_u32)
}

/// `f` applied to rune `v`; a value that is not a valid rune is returned unchanged.
fn map_rune(v: i64, f: impl Fn(char) -> char) -> i64 {
    rune(v).map(|c| f(c) as i64).unwrap_or(v)
}

fn single(mut it: impl Iterator<Item = char>, c: char) -> char {
    match (it.next(), it.next()) {
        (Some(x), None) => x,
        _ => c,
    }
}
