//! Natives other than fmt: os, strings, strconv, math, unicode, runtime, errors, sort.
//!
//! Each native reads its parameters from its frame (`fp`, parameters from offset 0, each
//! 8-byte aligned) and writes its results after them, as a Go function would, through
//! `gosub_vm::Args` (the VM owns that calling convention).

use gosub_heap::Addr;
use gosub_vm::{Args, NativeRegistry, Trap, Vm};

macro_rules! native {
    ($r:ident, $name:expr, |$a:ident| $body:block) => {
        $r.register($name, |vm: &mut Vm, fp: Addr| -> Result<(), Trap> {
            #[allow(unused_mut)]
            let mut $a = Args::new(vm, fp);
            $body
            #[allow(unreachable_code)]
            Ok(())
        });
    };
}

macro_rules! math1 {
    ($r:ident, $($name:expr => $f:expr),* $(,)?) => {
        $(native!($r, $name, |a| {
            let x = a.f64()?;
            let f: fn(f64) -> f64 = $f;
            a.ret_f64(f(x))?;
        });)*
    };
}

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

/// Parses a Go integer literal for strconv (base 0 = prefix decides). Error code: 1 syntax,
/// 2 range.
fn parse_int(s: &[u8], base: i64, bits: i64, signed: bool) -> (i128, i64) {
    let Ok(st) = std::str::from_utf8(s) else {
        return (0, 1);
    };
    let (neg, body) = match st.as_bytes().first() {
        Some(b'-') => (true, &st[1..]),
        Some(b'+') => (false, &st[1..]),
        _ => (false, st),
    };
    if neg && !signed {
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
    let digits: String = if underscores {
        digits.replace('_', "")
    } else {
        digits.to_string()
    };
    if digits.is_empty() || !(2..=36).contains(&base) {
        return (0, 1);
    }
    let bits = if bits == 0 { 64 } else { bits.clamp(1, 64) } as u32;
    let mut v: u128 = 0;
    let mut overflow = false;
    for ch in digits.chars() {
        let Some(d) = ch.to_digit(base) else {
            return (0, 1);
        };
        v = v * base as u128 + d as u128;
        if v > u64::MAX as u128 * 2 {
            overflow = true;
            v = u64::MAX as u128 * 2;
        }
    }
    if signed {
        let max = (1i128 << (bits - 1)) - 1;
        let min = -(1i128 << (bits - 1));
        let val = if neg { -(v as i128) } else { v as i128 };
        if overflow || val > max {
            return (max, 2);
        }
        if val < min {
            return (min, 2);
        }
        (val, 0)
    } else {
        let max = if bits == 64 {
            u64::MAX as i128
        } else {
            (1i128 << bits) - 1
        };
        if overflow || v as i128 > max {
            return (max, 2);
        }
        (v as i128, 0)
    }
}

fn parse_float(s: &[u8]) -> (f64, i64) {
    let Ok(st) = std::str::from_utf8(s) else {
        return (0.0, 1);
    };
    let t = st.replace('_', "");
    let lower = t.to_ascii_lowercase();
    let core = lower.trim_start_matches(['+', '-']);
    let neg = lower.starts_with('-');
    match core {
        "inf" | "infinity" => {
            return (
                if neg {
                    f64::NEG_INFINITY
                } else {
                    f64::INFINITY
                },
                0,
            )
        }
        "nan" => return (f64::NAN, 0),
        _ => {}
    }
    if core.starts_with("0x") {
        return (0.0, 1);
    }
    if core.is_empty() || core.contains("inf") || core.contains("nan") {
        return (0.0, 1);
    }
    match t.parse::<f64>() {
        Ok(v) if v.is_infinite() => (v, 2),
        Ok(v) => (v, 0),
        Err(_) => (0.0, 1),
    }
}

pub fn format_int(v: i128, base: u32) -> String {
    if !(2..=36).contains(&base) {
        return String::new();
    }
    let neg = v < 0;
    let mut u = v.unsigned_abs();
    let mut digits = Vec::new();
    if u == 0 {
        digits.push(b'0');
    }
    while u > 0 {
        let d = (u % base as u128) as u8;
        digits.push(if d < 10 { b'0' + d } else { b'a' + d - 10 });
        u /= base as u128;
    }
    if neg {
        digits.push(b'-');
    }
    digits.reverse();
    String::from_utf8(digits).unwrap_or_default()
}

pub fn register(r: &mut NativeRegistry) {
    // ---- os ----
    native!(r, "os.runtimeArgs", |a| {
        let args = a.vm.config.args.clone();
        let gcty = a.vm.heap.register_type(16, &[0]);
        let n = args.len();
        let arr = if n == 0 { 0 } else { a.vm.alloc(gcty, n)? };
        for (i, s) in args.iter().enumerate() {
            a.vm.store_new_string(arr + 16 * i as u64, s.as_bytes())?;
        }
        let at = a.addr(24);
        a.vm.heap.write_u64(at, arr)?;
        a.vm.heap.write_u64(at + 8, n as u64)?;
        a.vm.heap.write_u64(at + 16, n as u64)?;
    });
    native!(r, "os.writeFd", |a| {
        let fd = a.int()?;
        let s = a.string()?;
        if fd == 2 {
            let _ = a.vm.stdout.flush();
            let _ = a.vm.stderr.write_all(&s);
            let _ = a.vm.stderr.flush();
        } else {
            let _ = a.vm.stdout.write_all(&s);
        }
    });
    native!(r, "os.Exit", |a| {
        let c = a.int()?;
        return Err(Trap::Exit(c as i32));
    });
    native!(r, "os.Getenv", |a| {
        let k = a.string()?;
        let v = std::env::var(String::from_utf8_lossy(&k).as_ref()).unwrap_or_default();
        a.ret_string(v.as_bytes())?;
    });
    // ---- runtime: see runtime.rs ----
    // ---- scheduling ----
    native!(r, "runtime.NumGoroutine", |a| {
        let n = a.vm.num_goroutines();
        a.ret_int(n as i64)?;
    });
    native!(r, "runtime.Gosched", |a| {
        let _ = &a;
        return Err(Trap::Yield);
    });
    native!(r, "sync.fatal", |a| {
        let s = a.string()?;
        return Err(Trap::Fatal(String::from_utf8_lossy(&s).into_owned()));
    });
    // ---- time ----
    native!(r, "time.nowNano", |a| {
        let ns = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as i64)
            .unwrap_or(0);
        a.ret_int(ns)?;
    });
    native!(r, "time.sleep", |a| {
        let ns = a.int()?;
        return Err(Trap::Sleep(ns.max(0) as u64));
    });
    native!(r, "time.formatDuration", |a| {
        let d = a.int()?;
        a.ret_string(format_duration(d).as_bytes())?;
    });
    native!(r, "time.formatUnix", |a| {
        let ns = a.int()?;
        a.ret_string(
            format!(
                "{}.{:09} +0000 UTC",
                ns.div_euclid(1_000_000_000),
                ns.rem_euclid(1_000_000_000)
            )
            .as_bytes(),
        )?;
    });
    // ---- strings ----
    native!(r, "strings.Index", |a| {
        let s = a.string_ref()?;
        let sub = a.string_ref()?;
        let v = index_of(a.bytes(s)?, a.bytes(sub)?);
        a.ret_int(v)?;
    });
    native!(r, "strings.LastIndex", |a| {
        let s = a.string_ref()?;
        let sub = a.string_ref()?;
        let (s, sub) = (a.bytes(s)?, a.bytes(sub)?);
        let v = if sub.is_empty() {
            s.len() as i64
        } else if sub.len() > s.len() {
            -1
        } else {
            s.windows(sub.len())
                .rposition(|w| w == sub)
                .map(|i| i as i64)
                .unwrap_or(-1)
        };
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
    // ---- strconv ----
    native!(r, "strconv.FormatInt", |a| {
        let v = a.int()?;
        let base = a.int()?;
        if !(2..=36).contains(&base) {
            return Err(Trap::PanicString(
                "strconv: illegal AppendInt/FormatInt base".into(),
            ));
        }
        a.ret_string(format_int(v as i128, base as u32).as_bytes())?;
    });
    native!(r, "strconv.FormatUint", |a| {
        let v = a.int()? as u64;
        let base = a.int()?;
        if !(2..=36).contains(&base) {
            return Err(Trap::PanicString(
                "strconv: illegal AppendInt/FormatInt base".into(),
            ));
        }
        a.ret_string(format_int(v as i128, base as u32).as_bytes())?;
    });
    native!(r, "strconv.parseInt", |a| {
        let s = a.string()?;
        let base = a.int()?;
        let bits = a.int()?;
        let (v, code) = parse_int(&s, base, bits, true);
        a.ret_int(v as i64)?;
        a.ret_int(code)?;
    });
    native!(r, "strconv.parseUint", |a| {
        let s = a.string()?;
        let base = a.int()?;
        let bits = a.int()?;
        let (v, code) = parse_int(&s, base, bits, false);
        a.ret_int(v as u64 as i64)?;
        a.ret_int(code)?;
    });
    native!(r, "strconv.parseFloat", |a| {
        let s = a.string()?;
        let _bits = a.int()?;
        let (v, code) = parse_float(&s);
        a.ret_f64(v)?;
        a.ret_int(code)?;
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
    // ---- math ----
    math1!(r,
        "math.Sqrt" => f64::sqrt, "math.Abs" => f64::abs, "math.Floor" => f64::floor, "math.Ceil" => f64::ceil,
        "math.Trunc" => f64::trunc, "math.Round" => f64::round, "math.RoundToEven" => |x: f64| x.round_ties_even(),
        "math.Log" => f64::ln, "math.Log2" => f64::log2, "math.Log10" => f64::log10, "math.Log1p" => f64::ln_1p,
        "math.Exp" => f64::exp, "math.Exp2" => f64::exp2, "math.Sin" => f64::sin, "math.Cos" => f64::cos,
        "math.Tan" => f64::tan, "math.Asin" => f64::asin, "math.Acos" => f64::acos, "math.Atan" => f64::atan,
        "math.Sinh" => f64::sinh, "math.Cosh" => f64::cosh, "math.Tanh" => f64::tanh, "math.Cbrt" => f64::cbrt,
    );
    native!(r, "math.Pow", |a| {
        let x = a.f64()?;
        let y = a.f64()?;
        a.ret_f64(x.powf(y))?;
    });
    native!(r, "math.Mod", |a| {
        let x = a.f64()?;
        let y = a.f64()?;
        a.ret_f64(x % y)?;
    });
    native!(r, "math.Atan2", |a| {
        let y = a.f64()?;
        let x = a.f64()?;
        a.ret_f64(y.atan2(x))?;
    });
    native!(r, "math.Hypot", |a| {
        let x = a.f64()?;
        let y = a.f64()?;
        a.ret_f64(x.hypot(y))?;
    });
    native!(r, "math.Float64bits", |a| {
        let x = a.f64()?;
        a.ret_int(x.to_bits() as i64)?;
    });
    native!(r, "math.Float64frombits", |a| {
        let x = a.int()?;
        a.ret_f64(f64::from_bits(x as u64))?;
    });
    native!(r, "math.Float32bits", |a| {
        let x = a.f32()?;
        a.ret_int(x.to_bits() as i64)?;
    });
    native!(r, "math.Float32frombits", |a| {
        let x = a.int()?;
        let at = a.addr(8);
        a.vm.heap.write_u64(at, x as u32 as u64)?;
    });
    // ---- unicode ----
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
        a.ret_bool(c.is_some_and(|c| !c.is_control()))?;
    });
    native!(r, "unicode.IsControl", |a| {
        let c = rune(a.int()?);
        a.ret_bool(c.is_some_and(|c| c.is_control()))?;
    });
    native!(r, "unicode.ToUpper", |a| {
        let v = a.int()?;
        a.ret_int(
            rune(v)
                .map(|c| single(c.to_uppercase(), c) as i64)
                .unwrap_or(v),
        )?;
    });
    native!(r, "unicode.ToLower", |a| {
        let v = a.int()?;
        a.ret_int(
            rune(v)
                .map(|c| single(c.to_lowercase(), c) as i64)
                .unwrap_or(v),
        )?;
    });
    native!(r, "unicode.ToTitle", |a| {
        let v = a.int()?;
        a.ret_int(
            rune(v)
                .map(|c| single(c.to_uppercase(), c) as i64)
                .unwrap_or(v),
        )?;
    });
    // ---- sort ----
    native!(r, "sort.lenOf", |a| {
        let at = a.addr(16);
        let data = a.vm.heap.read_u64(at + 8)?;
        let n = if data == 0 {
            0
        } else {
            a.vm.heap.read_u64(data + 8)?
        };
        a.ret_int(n as i64)?;
    });
    native!(r, "sort.swapAny", |a| {
        let at = a.addr(16);
        let i = a.int()? as u64;
        let j = a.int()? as u64;
        crate::fmt::swap_any(a.vm, at, i, j)?;
    });
    native!(r, "errors.assignTo", |a| {
        let err = a.addr(16);
        let target = a.addr(16);
        let ok = crate::fmt::assign_to(a.vm, err, target)?;
        a.ret_bool(ok)?;
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

/// Go's `time.Duration.String`: "1h2m3.5s", "1.5s", "100ms", "1µs", "0s".
pub fn format_duration(d: i64) -> String {
    if d == 0 {
        return "0s".into();
    }
    let u = d.unsigned_abs();
    // v / div with the fractional digits of div, trailing zeros trimmed.
    let frac = |v: u64, div: u64| -> String {
        let mut s = (v / div).to_string();
        let digits = div.ilog10() as usize;
        if digits > 0 {
            let f = format!("{:0width$}", v % div, width = digits);
            let f = f.trim_end_matches('0');
            if !f.is_empty() {
                s.push('.');
                s.push_str(f);
            }
        }
        s
    };
    let body = if u < 1_000 {
        format!("{}ns", u)
    } else if u < 1_000_000 {
        format!("{}µs", frac(u, 1_000))
    } else if u < 1_000_000_000 {
        format!("{}ms", frac(u, 1_000_000))
    } else {
        let h = u / 3_600_000_000_000;
        let m = (u / 60_000_000_000) % 60;
        let s = frac(u % 60_000_000_000, 1_000_000_000);
        if h > 0 {
            format!("{}h{}m{}s", h, m, s)
        } else if m > 0 {
            format!("{}m{}s", m, s)
        } else {
            format!("{}s", s)
        }
    };
    if d < 0 {
        format!("-{}", body)
    } else {
        body
    }
}

fn rune(v: i64) -> Option<char> {
    u32::try_from(v).ok().and_then(char::from_u32)
}

fn single(mut it: impl Iterator<Item = char>, c: char) -> char {
    match (it.next(), it.next()) {
        (Some(x), None) => x,
        _ => c,
    }
}

use std::io::Write;
