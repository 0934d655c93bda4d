//! Package strings's natives: searching, repeating, case mapping and trimming.
//!
//! Invariant: strings are byte sequences and are decoded as Go does (an invalid byte is
//! U+FFFD of width 1, `gosub_vm::strings::decode_rune`); invalid bytes are never white space
//! and pass through case mapping unchanged.

use crate::natives::native;
use gosub_vm::{NativeRegistry, Trap};

/// The index of the first instance of `sub` in `s` (0 for an empty `sub`), or -1.
pub fn index_of(s: &[u8], sub: &[u8]) -> i64 {
    match sub.len() {
        0 => 0,
        1 => s
            .iter()
            .position(|&b| b == sub[0])
            .map(|i| i as i64)
            .unwrap_or(-1),
        n if n > s.len() => -1,
        n => {
            let first = sub[0];
            let mut i = 0;
            while i + n <= s.len() {
                match s[i..=s.len() - n].iter().position(|&b| b == first) {
                    Some(k) => {
                        i += k;
                        if &s[i..i + n] == sub {
                            return i as i64;
                        }
                        i += 1;
                    }
                    None => return -1,
                }
            }
            -1
        }
    }
}

/// The index of the last instance of `sub` in `s` (`s.len()` for an empty `sub`), or -1.
pub fn last_index_of(s: &[u8], sub: &[u8]) -> i64 {
    if sub.is_empty() {
        s.len() as i64
    } else if sub.len() > s.len() {
        -1
    } else {
        s.windows(sub.len())
            .rposition(|w| w == sub)
            .map(|i| i as i64)
            .unwrap_or(-1)
    }
}

/// The number of non-overlapping instances of a non-empty `sub` in `s`.
pub fn count_of(mut s: &[u8], sub: &[u8]) -> i64 {
    let mut n = 0;
    loop {
        let i = index_of(s, sub);
        if i < 0 {
            return n;
        }
        n += 1;
        s = &s[i as usize + sub.len()..];
    }
}

fn map_runes(s: &[u8], f: impl Fn(char) -> String) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        match std::str::from_utf8(&s[i..])
            .ok()
            .and_then(|t| t.chars().next())
            .or_else(|| {
                let end = (i + 4).min(s.len());
                (i + 1..=end).rev().find_map(|e| {
                    std::str::from_utf8(&s[i..e])
                        .ok()
                        .and_then(|t| t.chars().next())
                })
            }) {
            Some(c) if s[i..].starts_with(c.to_string().as_bytes()) => {
                out.extend_from_slice(f(c).as_bytes());
                i += c.len_utf8();
            }
            _ => {
                out.push(s[i]);
                i += 1;
            }
        }
    }
    out
}

fn go_upper(c: char) -> String {
    c.to_uppercase().collect()
}

fn go_lower(c: char) -> String {
    c.to_lowercase().collect()
}

pub fn register(r: &mut NativeRegistry) {
    native!(r, "strings.Index", |a| {
        let s = a.string_ref()?;
        let sub = a.string_ref()?;
        let v = index_of(a.bytes(s)?, a.bytes(sub)?);
        a.ret_int(v)?;
    });
    native!(r, "strings.LastIndex", |a| {
        let s = a.string_ref()?;
        let sub = a.string_ref()?;
        let v = last_index_of(a.bytes(s)?, a.bytes(sub)?);
        a.ret_int(v)?;
    });
    native!(r, "strings.Repeat", |a| {
        let s = a.string()?;
        let n = a.int()?;
        if n < 0 {
            return Err(Trap::PanicString("strings: negative Repeat count".into()));
        }
        if (s.len() as u128) * (n as u128) > (1u128 << 36) {
            return Err(Trap::PanicString(
                "strings: Repeat output length overflow".into(),
            ));
        }
        a.ret_string(&s.repeat(n as usize))?;
    });
    native!(r, "strings.ToUpper", |a| {
        let s = a.string()?;
        a.ret_string(&map_runes(&s, go_upper))?;
    });
    native!(r, "strings.ToLower", |a| {
        let s = a.string()?;
        a.ret_string(&map_runes(&s, go_lower))?;
    });
    native!(r, "strings.Title", |a| {
        let s = a.string()?;
        let mut prev_letter = false;
        let t = String::from_utf8_lossy(&s)
            .chars()
            .map(|c| {
                let out = if !prev_letter {
                    c.to_uppercase().collect::<String>()
                } else {
                    c.to_string()
                };
                prev_letter = c.is_alphanumeric() || c == '_' || c == '\'';
                out
            })
            .collect::<String>();
        a.ret_string(t.as_bytes())?;
    });
    native!(r, "strings.TrimSpace", |a| {
        let s = a.string()?;
        // Unicode white space, decoding as Go does (invalid bytes are not space).
        let mut start = 0;
        while start < s.len() {
            let (r, w) = gosub_vm::strings::decode_rune(&s[start..]);
            if w == 1 && r == 0xFFFD || !char::from_u32(r).is_some_and(char::is_whitespace) {
                break;
            }
            start += w;
        }
        let mut end = s.len();
        while end > start {
            let mut b = end - 1;
            while b > start && end - b < 4 && s[b] & 0xC0 == 0x80 {
                b -= 1;
            }
            let (r, w) = gosub_vm::strings::decode_rune(&s[b..end]);
            if b + w != end
                || (w == 1 && r == 0xFFFD)
                || !char::from_u32(r).is_some_and(char::is_whitespace)
            {
                break;
            }
            end = b;
        }
        a.ret_string(&s[start..end])?;
    });
}
