//! UTF-8 decoding as Go does it: an invalid byte decodes to U+FFFD with width 1.

/// Decodes the first rune of `b`: (rune, width). Empty input gives (0xFFFD, 0)... never
/// called with empty input by the VM.
pub fn decode_rune(b: &[u8]) -> (u32, usize) {
    if b.is_empty() {
        return (0xFFFD, 0);
    }
    let b0 = b[0];
    if b0 < 0x80 {
        return (b0 as u32, 1);
    }
    let (n, min, init) = match b0 {
        0xC2..=0xDF => (2, 0x80, (b0 & 0x1F) as u32),
        0xE0..=0xEF => (3, 0x800, (b0 & 0x0F) as u32),
        0xF0..=0xF4 => (4, 0x10000, (b0 & 0x07) as u32),
        _ => return (0xFFFD, 1),
    };
    if b.len() < n {
        return (0xFFFD, 1);
    }
    let mut r = init;
    for &c in &b[1..n] {
        if c & 0xC0 != 0x80 {
            return (0xFFFD, 1);
        }
        r = (r << 6) | (c & 0x3F) as u32;
    }
    if r < min || r > 0x10FFFF || (0xD800..=0xDFFF).contains(&r) {
        return (0xFFFD, 1);
    }
    (r, n)
}

pub fn decode_runes(b: &[u8]) -> Vec<u32> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let (r, w) = decode_rune(&b[i..]);
        out.push(r);
        i += w.max(1);
    }
    out
}

/// Lossy conversion of Go string bytes for printing (invalid bytes pass through as U+FFFD).
pub fn lossy(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}
