//! Package unicode/utf8's natives: decoding, counting and validating the runes of byte
//! slices and strings in place (the Go versions would copy a slice into a string first,
//! which makes a loop of `DecodeRune(s[i:])` quadratic).
//!
//! Invariant: decoding is Go's (`gosub_vm::strings::decode_rune`): an invalid or
//! incomplete sequence is U+FFFD of width 1, the empty input U+FFFD of width 0.

use crate::natives::native;
use gosub_vm::strings::decode_rune;
use gosub_vm::NativeRegistry;

const RUNE_ERROR: u32 = 0xFFFD;

/// Go's `utf8.DecodeLastRune`: the last rune of `b` and its width.
pub fn decode_last_rune(b: &[u8]) -> (u32, usize) {
    let end = b.len();
    if end == 0 {
        return (RUNE_ERROR, 0);
    }
    if b[end - 1] < 0x80 {
        return (b[end - 1] as u32, 1);
    }
    // Back up to the start of the rune: at most UTFMax bytes, to a byte that is not a
    // continuation byte.
    let lim = end.saturating_sub(4);
    let mut start = end - 1;
    while start > lim && b[start] & 0xC0 == 0x80 {
        start -= 1;
    }
    let (r, size) = decode_rune(&b[start..end]);
    if start + size != end {
        return (RUNE_ERROR, 1);
    }
    (r, size)
}

/// The number of runes in `b`, each invalid byte counting as one.
pub fn rune_count(b: &[u8]) -> usize {
    let (mut i, mut n) = (0, 0);
    while i < b.len() {
        i += if b[i] < 0x80 {
            1
        } else {
            decode_rune(&b[i..]).1
        };
        n += 1;
    }
    n
}

/// Whether `b` is entirely valid UTF-8.
pub fn valid(b: &[u8]) -> bool {
    std::str::from_utf8(b).is_ok()
}

pub fn register(r: &mut NativeRegistry) {
    native!(r, "unicode/utf8.DecodeRune", |a| {
        let s = a.slice_ref()?;
        let (c, w) = decode_rune(a.bytes(s)?);
        a.ret_int(c as i64)?;
        a.ret_int(w as i64)?;
    });
    native!(r, "unicode/utf8.DecodeRuneInString", |a| {
        let s = a.string_ref()?;
        let (c, w) = decode_rune(a.bytes(s)?);
        a.ret_int(c as i64)?;
        a.ret_int(w as i64)?;
    });
    native!(r, "unicode/utf8.DecodeLastRune", |a| {
        let s = a.slice_ref()?;
        let (c, w) = decode_last_rune(a.bytes(s)?);
        a.ret_int(c as i64)?;
        a.ret_int(w as i64)?;
    });
    native!(r, "unicode/utf8.DecodeLastRuneInString", |a| {
        let s = a.string_ref()?;
        let (c, w) = decode_last_rune(a.bytes(s)?);
        a.ret_int(c as i64)?;
        a.ret_int(w as i64)?;
    });
    native!(r, "unicode/utf8.RuneCount", |a| {
        let s = a.slice_ref()?;
        let n = rune_count(a.bytes(s)?);
        a.ret_int(n as i64)?;
    });
    native!(r, "unicode/utf8.RuneCountInString", |a| {
        let s = a.string_ref()?;
        let n = rune_count(a.bytes(s)?);
        a.ret_int(n as i64)?;
    });
    native!(r, "unicode/utf8.Valid", |a| {
        let s = a.slice_ref()?;
        let v = valid(a.bytes(s)?);
        a.ret_bool(v)?;
    });
    native!(r, "unicode/utf8.ValidString", |a| {
        let s = a.string_ref()?;
        let v = valid(a.bytes(s)?);
        a.ret_bool(v)?;
    });
}
