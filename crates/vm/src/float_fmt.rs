//! Go's float formatting: `strconv.FormatFloat` for the formats e, E, f, F, g, G, x and X,
//! the one implementation behind fmt's float verbs, `strconv.FormatFloat` and the `print`
//! builtins (`format_float(f, 'g', None, bits, false)`, Go's shortest `%v`).
//!
//! Invariants: shortest forms (`prec` None) print the fewest digits that read back as the
//! same float64 (or float32 when `bits` is 32); fixed precisions are correctly rounded;
//! `g` switches to e-notation when the exponent is below -4 or at least the precision (6 for
//! shortest forms); NaN and infinities print as `NaN`, `+Inf`, `-Inf`; negative zero keeps
//! its sign. Never panics.

/// Go's strconv.FormatComplex: `(re+imi)`, each part by `format_float` with `bits` halved
/// (64 for complex128, 32 for complex64), the imaginary part always signed.
pub fn format_complex(re: f64, im: f64, fmt_c: char, prec: Option<usize>, bits: u32) -> String {
    let mut s = String::from("(");
    s.push_str(&format_float(re, fmt_c, prec, bits / 2, false));
    let i = format_float(im, fmt_c, prec, bits / 2, false);
    if !i.starts_with(['+', '-']) {
        s.push('+');
    }
    s.push_str(&i);
    s.push_str("i)");
    s
}

/// strconv's 'b' format (Go's fmtB): the integer mantissa and the power of two,
/// `-ddddp±ddd`.
fn binary_exp(v: f64, neg: bool, bits: u32) -> String {
    let (mantbits, expbits, bias, raw) = if bits == 32 {
        (23u32, 8u32, -127i64, (v as f32).to_bits() as u64)
    } else {
        (52, 11, -1023, v.to_bits())
    };
    let mut exp = ((raw >> mantbits) & ((1 << expbits) - 1)) as i64;
    let mut mant = raw & ((1 << mantbits) - 1);
    if exp == 0 {
        exp += 1; // denormal
    } else {
        mant |= 1 << mantbits;
    }
    exp += bias - mantbits as i64;
    let sign = if neg { "-" } else { "" };
    let esign = if exp >= 0 { "+" } else { "" };
    format!("{}{}p{}{}", sign, mant, esign, exp)
}

/// Go's strconv.FormatFloat for formats e, E, f, g, G, b (and %v's shortest g).
pub fn format_float(v: f64, fmt_c: char, prec: Option<usize>, bits: u32, sharp: bool) -> String {
    // Go formats a float32 value: strconv rounds the argument to float32 first.
    let v = if bits == 32 { v as f32 as f64 } else { v };
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    let neg = v.is_sign_negative();
    if fmt_c == 'b' {
        return binary_exp(v, neg, bits);
    }
    let a = v.abs();
    if fmt_c == 'x' || fmt_c == 'X' {
        let s = hex_float(a, prec, bits);
        let s = if fmt_c == 'X' { s.to_uppercase() } else { s };
        return format!("{}{}", if neg { "-" } else { "" }, s);
    }
    // Decimal digits and exponent (d.ddd × 10^exp).
    let (digits, exp) = match (fmt_c, prec) {
        (_, None) => shortest(a, bits),
        ('e' | 'E', Some(p)) => fixed_e(a, p + 1),
        ('g' | 'G', Some(p)) => fixed_e(a, p.max(1)),
        _ => (String::new(), 0),
    };
    let sign = if neg { "-" } else { "" };
    let upper = fmt_c == 'E' || fmt_c == 'G';
    let e_form = |digits: &str, exp: i32, min_frac: usize| {
        let mut s = String::from(sign);
        s.push_str(&digits[..1]);
        let mut frac = digits[1..].to_string();
        while frac.len() < min_frac {
            frac.push('0');
        }
        if !frac.is_empty() {
            s.push('.');
            s.push_str(&frac);
        } else if sharp {
            s.push('.');
        }
        s.push(if upper { 'E' } else { 'e' });
        s.push(if exp < 0 { '-' } else { '+' });
        s.push_str(&format!("{:02}", exp.abs()));
        s
    };
    let f_form = |digits: &str, exp: i32, frac_digits: Option<usize>| {
        let mut s = String::from(sign);
        let dp = exp + 1;
        let mut int_part = String::new();
        let mut frac = String::new();
        for (i, c) in digits.chars().enumerate() {
            if (i as i32) < dp {
                int_part.push(c);
            } else {
                frac.push(c);
            }
        }
        if dp > digits.len() as i32 {
            for _ in digits.len() as i32..dp {
                int_part.push('0');
            }
        }
        if dp < 0 {
            frac = "0".repeat((-dp) as usize) + &frac;
        }
        if int_part.is_empty() {
            int_part.push('0');
        }
        if let Some(fd) = frac_digits {
            while frac.len() < fd {
                frac.push('0');
            }
        }
        s.push_str(&int_part);
        if !frac.is_empty() {
            s.push('.');
            s.push_str(&frac);
        } else if sharp {
            s.push('.');
        }
        s
    };
    match fmt_c {
        'e' | 'E' => {
            let p = prec.unwrap_or(digits.len().saturating_sub(1));
            e_form(&digits, exp, p)
        }
        'f' | 'F' => {
            let p = prec.unwrap_or(0);
            match prec {
                Some(_) => {
                    // A double has at most 1074 digits after the point; the rest are
                    // zeros (Rust's formatter takes at most 65535).
                    let exact = p.min(MAX_FRAC_DIGITS);
                    let mut s = format!("{}{:.*}", sign, exact, a);
                    s.extend(std::iter::repeat_n('0', p - exact));
                    s
                }
                None => {
                    let (d, e) = shortest(a, bits);
                    f_form(&d, e, None)
                }
            }
        }
        _ => {
            // %g
            let mut digits = digits;
            let eprec = match prec {
                None => 6,
                Some(p) => {
                    let p = p.max(1);
                    if !sharp {
                        while digits.len() > 1 && digits.ends_with('0') {
                            digits.pop();
                        }
                    }
                    let nd = digits.len();
                    if p > nd && nd as i32 > exp {
                        nd
                    } else {
                        p
                    }
                }
            };
            let exp_i = exp;
            if exp_i < -4 || exp_i >= eprec as i32 {
                let min = if sharp {
                    prec.unwrap_or(6).max(1) - 1
                } else {
                    0
                };
                e_form(&digits, exp, min)
            } else {
                f_form(&digits, exp, None)
            }
        }
    }
}

/// %x of a non-negative float: `0x1.8p+00`.
fn hex_float(a: f64, prec: Option<usize>, bits: u32) -> String {
    if a == 0.0 {
        let frac = prec
            .map(|p| {
                if p > 0 {
                    format!(".{}", "0".repeat(p))
                } else {
                    String::new()
                }
            })
            .unwrap_or_default();
        return format!("0x0{}p+00", frac);
    }
    let (mut mant, mut exp) = {
        let b = a.to_bits();
        let e = ((b >> 52) & 0x7ff) as i64;
        let m = b & ((1u64 << 52) - 1);
        if e == 0 {
            // subnormal: normalize
            let lz = m.leading_zeros() as i64 - 11;
            ((m << (lz + 1)) & ((1u64 << 52) - 1), -1022 - lz - 1)
        } else {
            (m, e - 1023)
        }
    };
    let _ = bits;
    let mut digits = format!("{:013x}", mant);
    if let Some(p) = prec {
        if p < 13 {
            // Round to p hex digits (round half to even).
            let shift = 4 * (13 - p) as u32;
            let full = (1u64 << 52) | mant;
            let half = 1u64 << (shift - 1);
            let rem = full & ((1u64 << shift) - 1);
            let mut q = full >> shift;
            if rem > half || (rem == half && q & 1 == 1) {
                q += 1;
            }
            if q >> (52 - shift) >= 2 {
                q >>= 1;
                exp += 1;
            }
            mant = (q << shift) & ((1u64 << 52) - 1);
            digits = format!("{:013x}", mant);
            digits.truncate(p);
        } else {
            while digits.len() < p {
                digits.push('0');
            }
        }
    } else {
        while digits.ends_with('0') {
            digits.pop();
        }
    }
    let frac = if digits.is_empty() {
        String::new()
    } else {
        format!(".{}", digits)
    };
    format!(
        "0x1{}p{}{:02}",
        frac,
        if exp < 0 { '-' } else { '+' },
        exp.abs()
    )
}

/// Shortest round-trip digits of a non-negative finite float, and its decimal exponent.
fn shortest(a: f64, bits: u32) -> (String, i32) {
    if a == 0.0 {
        return ("0".into(), 0);
    }
    let s = if bits == 32 {
        format!("{:e}", a as f32)
    } else {
        format!("{:e}", a)
    };
    let (digits, exp) = split_e(&s);
    // Of the shortest forms, Go prints the one closest to the exact value (ties to even):
    // the correctly rounded form of that length, when it reads back as the same float.
    let (rd, re) = fixed_e(a, digits.len());
    let text = format!("{}.{}e{}", &rd[..1], &rd[1..], re);
    let same = if bits == 32 {
        text.parse::<f32>().is_ok_and(|v| v == a as f32)
    } else {
        text.parse::<f64>().is_ok_and(|v| v == a)
    };
    if same {
        (rd, re)
    } else {
        (digits, exp)
    }
}

/// Digits after the point beyond which a double's decimal expansion is all zeros (its
/// smallest subnormal has 1074), and significant digits beyond which it is (767).
const MAX_FRAC_DIGITS: usize = 1100;
const MAX_SIG_DIGITS: usize = 800;

/// `n` significant digits, correctly rounded.
fn fixed_e(a: f64, n: usize) -> (String, i32) {
    if a == 0.0 {
        return ("0".repeat(n.max(1)), 0);
    }
    let exact = n.min(MAX_SIG_DIGITS);
    let s = format!("{:.*e}", exact.saturating_sub(1), a);
    let (mut digits, e) = split_e(&s);
    digits.extend(std::iter::repeat_n('0', n - exact));
    (digits, e)
}

fn split_e(s: &str) -> (String, i32) {
    let (m, e) = s.split_once('e').unwrap_or((s, "0"));
    let digits: String = m.chars().filter(|c| c.is_ascii_digit()).collect();
    (digits, e.parse().unwrap_or(0))
}
