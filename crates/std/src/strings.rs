//! Package strings's native, `strings.Index`, and the byte-search helpers it shares with
//! package bytes (bytes.rs). Everything else of strings is Go's own code
//! (crates/std/go/strings/).
//!
//! Invariant: searching is on bytes; an empty pattern is found at 0 (first) or at the
//! end (last), as Go's Index and LastIndex do.

use crate::natives::native;
use gosub_vm::NativeRegistry;

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

pub fn register(r: &mut NativeRegistry) {
    native!(r, "strings.Index", |a| {
        let s = a.string_ref()?;
        let sub = a.string_ref()?;
        let v = index_of(a.bytes(s)?, a.bytes(sub)?);
        a.ret_int(v)?;
    });
}
