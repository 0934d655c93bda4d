//! Exact constant arithmetic: integers in i128, floats as exact rationals (rounded to
//! float64/float32 when typed), complex numbers as pairs of exact rationals (each part
//! rounded like a float when typed), strings, booleans.

use crate::bigrat::Rat;
use crate::ty::BasicKind;
use crate::ConstValue;
use gosub_syntax::ast::{BinOp, UnOp};

/// The checker's constant values. Like the public `ConstValue`, but floating-point values
/// are exact rationals: untyped float constants are exact, typed ones hold the exact value
/// of their float64/float32 rounding.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Val {
    Bool(bool),
    Int(i128),
    Float(Rat),
    /// Real and imaginary parts.
    Complex(Rat, Rat),
    String(Vec<u8>),
}

impl Val {
    /// The value as later stages see it (floats rounded to the nearest float64).
    pub fn to_public(&self) -> ConstValue {
        match self {
            Val::Bool(b) => ConstValue::Bool(*b),
            Val::Int(i) => ConstValue::Int(*i),
            Val::Float(r) => ConstValue::Float(r.approx_f64()),
            Val::Complex(a, b) => ConstValue::Complex(a.approx_f64(), b.approx_f64()),
            Val::String(s) => ConstValue::String(s.clone()),
        }
    }
    pub fn from_public(v: &ConstValue) -> Val {
        match v {
            ConstValue::Bool(b) => Val::Bool(*b),
            ConstValue::Int(i) => Val::Int(*i),
            ConstValue::Float(f) => Val::Float(Rat::from_f64(*f).unwrap_or_else(Rat::zero)),
            ConstValue::Complex(a, b) => Val::Complex(
                Rat::from_f64(*a).unwrap_or_else(Rat::zero),
                Rat::from_f64(*b).unwrap_or_else(Rat::zero),
            ),
            ConstValue::String(s) => Val::String(s.clone()),
        }
    }
}

/// The value as an exact rational: integers, floats, and complex numbers whose imaginary
/// part is zero (go/constant's ToFloat).
fn to_rat(v: &Val) -> Option<Rat> {
    match v {
        Val::Int(i) => Some(Rat::from_i128(*i)),
        Val::Float(r) => Some(r.clone()),
        Val::Complex(re, im) if im.is_zero() => Some(re.clone()),
        _ => None,
    }
}

/// The value as a complex number (go/constant's ToComplex).
fn to_complex(v: &Val) -> Option<(Rat, Rat)> {
    match v {
        Val::Int(_) | Val::Float(_) => Some((to_rat(v)?, Rat::zero())),
        Val::Complex(re, im) => Some((re.clone(), im.clone())),
        _ => None,
    }
}

/// The real (`imag` false) or imaginary part of a numeric constant, as `real` and `imag`
/// give it.
pub(crate) fn part(v: &Val, imag: bool) -> Option<Val> {
    let (re, im) = to_complex(v)?;
    Some(Val::Float(if imag { im } else { re }))
}

/// `re + im*i` from two numeric constants, as the `complex` builtin makes it.
pub(crate) fn make_complex(re: &Val, im: &Val) -> Option<Val> {
    Some(Val::Complex(to_rat(re)?, to_rat(im)?))
}

/// `x op y` on complex numbers (+ - * /); None on overflow or division by zero.
fn complex_binary(op: BinOp, (a, b): (Rat, Rat), (c, d): (Rat, Rat)) -> Option<(Rat, Rat)> {
    Some(match op {
        BinOp::Add => (a.add(&c)?, b.add(&d)?),
        BinOp::Sub => (a.sub(&c)?, b.sub(&d)?),
        BinOp::Mul => (a.mul(&c)?.sub(&b.mul(&d)?)?, a.mul(&d)?.add(&b.mul(&c)?)?),
        BinOp::Div => {
            // (a+bi)/(c+di) = ((ac+bd) + (bc-ad)i) / (c²+d²), exactly.
            let s = c.mul(&c)?.add(&d.mul(&d)?)?;
            if s.is_zero() {
                return None;
            }
            let re = a.mul(&c)?.add(&b.mul(&d)?)?;
            let im = b.mul(&c)?.sub(&a.mul(&d)?)?;
            (re.div(&s)?, im.div(&s)?)
        }
        _ => return None,
    })
}

/// Whether a numeric constant is zero.
pub(crate) fn is_zero(v: &Val) -> bool {
    match v {
        Val::Int(i) => *i == 0,
        Val::Float(r) => r.is_zero(),
        Val::Complex(a, b) => a.is_zero() && b.is_zero(),
        _ => false,
    }
}

/// Why a constant is not representable in a type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ReprErr {
    Truncated,
    Overflow,
    Invalid,
}

/// Parses an integer literal as written (`0x1F`, `1_000`, `0o17`, `017`, `0b1`).
pub(crate) fn parse_int_lit(s: &str) -> Option<i128> {
    let s: String = s.chars().filter(|&c| c != '_').collect();
    let (digits, radix) = if let Some(r) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        (r.to_string(), 16)
    } else if let Some(r) = s.strip_prefix("0b").or_else(|| s.strip_prefix("0B")) {
        (r.to_string(), 2)
    } else if let Some(r) = s.strip_prefix("0o").or_else(|| s.strip_prefix("0O")) {
        (r.to_string(), 8)
    } else if s.len() > 1 && s.starts_with('0') {
        (s[1..].to_string(), 8)
    } else {
        (s.clone(), 10)
    };
    if digits.is_empty() {
        return None;
    }
    i128::from_str_radix(&digits, radix).ok()
}

/// Parses a floating-point literal (decimal or hexadecimal) exactly.
pub(crate) fn parse_float_lit(s: &str) -> Option<Rat> {
    Rat::parse(s)
}

/// Parses the number of an imaginary literal (the text before its `i`) exactly. As the spec
/// says, an integer part of only decimal digits is decimal even with a leading 0 (`017i`).
pub(crate) fn parse_imag_lit(s: &str) -> Option<Rat> {
    let decimal = s.bytes().all(|c| c.is_ascii_digit() || c == b'_');
    let int_lit = |t: &str| parse_int_lit(t).map(Rat::from_i128);
    if decimal {
        let t: String = s.chars().filter(|&c| c != '_').collect();
        let t = t.trim_start_matches('0');
        return if t.is_empty() {
            Some(Rat::zero())
        } else {
            int_lit(t).or_else(|| Rat::parse(t))
        };
    }
    let lower = s.to_ascii_lowercase();
    let int_form = (lower.starts_with("0x") && !lower.contains('.') && !lower.contains('p'))
        || lower.starts_with("0b")
        || lower.starts_with("0o");
    if int_form {
        int_lit(s)
    } else {
        let t: String = s.chars().filter(|&c| c != '_').collect();
        Rat::parse(&t)
    }
}

#[allow(dead_code)]
pub(crate) fn to_f64(v: &Val) -> Option<f64> {
    match v {
        Val::Int(i) => Some(*i as f64),
        Val::Float(r) => r.to_f64(),
        _ => None,
    }
}

/// The value as an exact integer, if it is one (go/constant's ToInt).
pub(crate) fn to_int(v: &Val) -> Option<i128> {
    match v {
        Val::Int(i) => Some(*i),
        Val::Float(_) | Val::Complex(..) => to_rat(v)?.to_i128(),
        _ => None,
    }
}

/// `x op y` for constants of matching kinds. `int_div` selects integer division when both
/// operands are integer constants. Err(msg) for division by zero or overflow.
pub(crate) fn binary(op: BinOp, x: &Val, y: &Val, int_div: bool) -> Result<Val, &'static str> {
    use Val::*;
    match (x, y) {
        (Int(a), Int(b)) if int_div || op != BinOp::Div => {
            let (a, b) = (*a, *b);
            let r = match op {
                BinOp::Add => a.checked_add(b),
                BinOp::Sub => a.checked_sub(b),
                BinOp::Mul => a.checked_mul(b),
                BinOp::Div => {
                    if b == 0 {
                        return Err("division by zero");
                    }
                    a.checked_div(b)
                }
                BinOp::Rem => {
                    if b == 0 {
                        return Err("division by zero");
                    }
                    a.checked_rem(b)
                }
                BinOp::And => Some(a & b),
                BinOp::Or => Some(a | b),
                BinOp::Xor => Some(a ^ b),
                BinOp::AndNot => Some(a & !b),
                _ => return Err("invalid"),
            };
            r.map(Int).ok_or("overflow")
        }
        (Int(_) | Float(_), Int(_) | Float(_)) => {
            let (a, b) = (
                to_rat(x).unwrap_or_else(Rat::zero),
                to_rat(y).unwrap_or_else(Rat::zero),
            );
            let r = match op {
                BinOp::Add => a.add(&b),
                BinOp::Sub => a.sub(&b),
                BinOp::Mul => a.mul(&b),
                BinOp::Div => {
                    if b.is_zero() {
                        return Err("division by zero");
                    }
                    a.div(&b)
                }
                _ => return Err("invalid"),
            };
            r.map(Float).ok_or("overflow")
        }
        (Complex(..), Int(_) | Float(_) | Complex(..)) | (Int(_) | Float(_), Complex(..)) => {
            let (x, y) = (
                to_complex(x).ok_or("invalid")?,
                to_complex(y).ok_or("invalid")?,
            );
            if op == BinOp::Div && y.0.is_zero() && y.1.is_zero() {
                return Err("division by zero");
            }
            if !matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div) {
                return Err("invalid");
            }
            complex_binary(op, x, y)
                .map(|(re, im)| Complex(re, im))
                .ok_or("overflow")
        }
        (String(a), String(b)) if op == BinOp::Add => {
            let mut s = a.clone();
            s.extend_from_slice(b);
            Ok(String(s))
        }
        (Bool(a), Bool(b)) => match op {
            BinOp::LAnd => Ok(Bool(*a && *b)),
            BinOp::LOr => Ok(Bool(*a || *b)),
            _ => Err("invalid"),
        },
        _ => Err("invalid"),
    }
}

pub(crate) fn compare(op: BinOp, x: &Val, y: &Val) -> Option<bool> {
    use std::cmp::Ordering;
    use Val::*;
    let ord: Ordering = match (x, y) {
        (Complex(..), _) | (_, Complex(..)) => {
            let eq = to_complex(x)? == to_complex(y)?;
            return match op {
                BinOp::Eq => Some(eq),
                BinOp::Ne => Some(!eq),
                _ => None,
            };
        }
        (Int(a), Int(b)) => a.cmp(b),
        (Int(_) | Float(_), Int(_) | Float(_)) => to_rat(x)?.cmp(&to_rat(y)?),
        (String(a), String(b)) => a.cmp(b),
        (Bool(a), Bool(b)) => {
            return match op {
                BinOp::Eq => Some(a == b),
                BinOp::Ne => Some(a != b),
                _ => None,
            }
        }
        _ => return None,
    };
    Some(match op {
        BinOp::Eq => ord == Ordering::Equal,
        BinOp::Ne => ord != Ordering::Equal,
        BinOp::Lt => ord == Ordering::Less,
        BinOp::Le => ord != Ordering::Greater,
        BinOp::Gt => ord == Ordering::Greater,
        BinOp::Ge => ord != Ordering::Less,
        _ => return None,
    })
}

/// Unary operation; `unsigned_bits` is Some(n) for `^x` on a typed unsigned constant.
pub(crate) fn unary(op: UnOp, x: &Val, unsigned_bits: Option<u32>) -> Option<Val> {
    use Val::*;
    match (op, x) {
        (UnOp::Pos, Int(_) | Float(_)) => Some(x.clone()),
        (UnOp::Neg, Int(a)) => a.checked_neg().map(Int),
        (UnOp::Neg, Float(a)) => Some(Float(a.neg())),
        (UnOp::Pos, Complex(..)) => Some(x.clone()),
        (UnOp::Neg, Complex(a, b)) => Some(Complex(a.neg(), b.neg())),
        (UnOp::Not, Bool(b)) => Some(Bool(!b)),
        (UnOp::Xor, Int(a)) => match unsigned_bits {
            Some(n) if n < 128 => Some(Int(!a & ((1i128 << n) - 1))),
            _ => Some(Int(!a)),
        },
        _ => None,
    }
}

pub(crate) fn shift(op: BinOp, x: i128, s: u64) -> Option<i128> {
    match op {
        BinOp::Shl => {
            if x == 0 {
                return Some(0);
            }
            if s >= 127 {
                return None;
            }
            let r = x.checked_shl(s as u32)?;
            if r >> s != x {
                return None;
            }
            Some(r)
        }
        _ => Some(if s >= 127 {
            if x < 0 {
                -1
            } else {
                0
            }
        } else {
            x >> s
        }),
    }
}

fn int_range(k: BasicKind) -> Option<(i128, i128)> {
    use BasicKind::*;
    Some(match k {
        Int8 => (i8::MIN as i128, i8::MAX as i128),
        Int16 => (i16::MIN as i128, i16::MAX as i128),
        Int32 | UntypedRune => (i32::MIN as i128, i32::MAX as i128),
        Int | Int64 => (i64::MIN as i128, i64::MAX as i128),
        Uint8 => (0, u8::MAX as i128),
        Uint16 => (0, u16::MAX as i128),
        Uint32 => (0, u32::MAX as i128),
        Uint | Uint64 | Uintptr => (0, u64::MAX as i128),
        _ => return None,
    })
}

/// Converts constant `v` (of a type of kind `from`) to basic kind `to`, checking that it is
/// representable; returns the rounded value.
pub(crate) fn represent(v: &Val, from: BasicKind, to: BasicKind) -> Result<Val, ReprErr> {
    use BasicKind::*;
    let numeric_from = from.is_numeric();
    let fail = |to_int: bool| {
        if numeric_from && to.is_numeric() {
            if !from.is_integer() && to_int {
                ReprErr::Truncated
            } else {
                ReprErr::Overflow
            }
        } else {
            ReprErr::Invalid
        }
    };
    match to {
        _ if to.is_integer() && to != UntypedInt && to != UntypedRune => {
            let i = match v {
                Val::Int(i) => *i,
                Val::Float(_) | Val::Complex(..) => {
                    let Some(r) = to_rat(v).filter(|r| r.is_int()) else {
                        return Err(fail(true));
                    };
                    match r.to_i128() {
                        Some(i) => i,
                        None => return Err(fail(true)),
                    }
                }
                _ => return Err(ReprErr::Invalid),
            };
            let (lo, hi) = int_range(to).unwrap_or((i128::MIN, i128::MAX));
            if i < lo || i > hi {
                // types2: float -> integer is "truncated", integer -> integer "overflows".
                return Err(fail(true));
            }
            Ok(Val::Int(i))
        }
        UntypedInt | UntypedRune => match v {
            Val::Int(_) => Ok(v.clone()),
            Val::Float(_) | Val::Complex(..) => match to_rat(v).filter(|r| r.is_int()) {
                Some(r) => match r.to_i128() {
                    Some(i) => Ok(Val::Int(i)),
                    None => Err(ReprErr::Overflow),
                },
                None => Err(fail(true)),
            },
            _ => Err(ReprErr::Invalid),
        },
        Float32 | Float64 | UntypedFloat => {
            let r = match to_rat(v) {
                Some(r) => r,
                None if matches!(v, Val::Complex(..)) => return Err(fail(false)),
                None => return Err(ReprErr::Invalid),
            };
            if to == UntypedFloat {
                return Ok(Val::Float(r));
            }
            let f = if to == Float32 {
                r.to_f32()
            } else {
                r.to_f64()
            };
            match f.and_then(Rat::from_f64) {
                Some(r) => Ok(Val::Float(r)),
                None => Err(ReprErr::Overflow),
            }
        }
        Complex64 | Complex128 | UntypedComplex => {
            let Some((re, im)) = to_complex(v) else {
                return Err(ReprErr::Invalid);
            };
            if to == UntypedComplex {
                return Ok(Val::Complex(re, im));
            }
            // Each part rounds as a float of half the size would.
            let round = |r: &Rat| {
                let f = if to == Complex64 {
                    r.to_f32()
                } else {
                    r.to_f64()
                };
                f.and_then(Rat::from_f64)
            };
            match (round(&re), round(&im)) {
                (Some(re), Some(im)) => Ok(Val::Complex(re, im)),
                _ => Err(fail(false)),
            }
        }
        String | UntypedString => match v {
            Val::String(_) => Ok(v.clone()),
            _ => Err(ReprErr::Invalid),
        },
        Bool | UntypedBool => match v {
            Val::Bool(_) => Ok(v.clone()),
            _ => Err(ReprErr::Invalid),
        },
        _ => Err(ReprErr::Invalid),
    }
}

/// `%.6g` as Go formats it.
pub fn fmt_g6(f: f64) -> String {
    if f == 0.0 {
        return "0".into();
    }
    let exp = f.abs().log10().floor() as i32;
    let s = format!("{:.5e}", f);
    let (mant, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(exp);
    if !(-4..6).contains(&e) {
        let mant = trim_zeros(mant);
        let sign = if e < 0 { '-' } else { '+' };
        format!("{}e{}{:02}", mant, sign, e.abs())
    } else {
        let prec = (5 - e).max(0) as usize;
        trim_zeros(&format!("{:.*}", prec, f)).to_string()
    }
}

fn trim_zeros(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

/// strconv.Quote, owned by gosub-syntax.
pub(crate) use gosub_syntax::quote::quote;

/// go/constant's `Value.String()`: short, human-readable form.
pub(crate) fn const_string(v: &Val) -> String {
    match v {
        Val::Bool(b) => b.to_string(),
        Val::Int(i) => i.to_string(),
        Val::Float(r) => r.to_short_string(fmt_g6),
        Val::Complex(r, i) => format!(
            "({} + {}i)",
            r.to_short_string(fmt_g6),
            i.to_short_string(fmt_g6)
        ),
        Val::String(s) => {
            let q = quote(s);
            // go/constant shortens long strings to 72 characters.
            let chars: Vec<char> = q.chars().collect();
            if chars.len() > 72 {
                let mut t: String = chars[..72 - 3 - 1].iter().collect();
                t.push_str("...\"");
                t
            } else {
                q
            }
        }
    }
}
