//! Tests of the rationals (bigrat.rs): exact arithmetic, parsing, rounding, and the
//! long division and gcd against simpler references.

use super::*;

fn p(s: &str) -> Rat {
    Rat::parse(s).unwrap_or_else(|| panic!("parse {s}"))
}

/// Binary long division: the reference for `divmod`.
fn divmod_binary(a: &Nat, d: &Nat) -> (Nat, Nat) {
    if a.cmp(d) == Ordering::Less {
        return (Nat::zero(), a.clone());
    }
    let shift = a.bits() - d.bits();
    let (mut r, mut q) = (a.clone(), Nat::zero());
    let mut dd = d.shl(shift);
    for i in (0..=shift).rev() {
        if r.cmp(&dd) != Ordering::Less {
            r = r.sub(&dd);
            q = q.add(&Nat::from_u128(1).shl(i));
        }
        dd = dd.shr(1);
    }
    (q, r)
}

/// Euclid's algorithm with `divmod`: the reference for `gcd`.
fn gcd_euclid(a: &Nat, b: &Nat) -> Nat {
    let (mut a, mut b) = (a.clone(), b.clone());
    while !b.is_zero() {
        let r = a.divmod(&b).1;
        a = b;
        b = r;
    }
    a
}

#[test]
fn binary_gcd_agrees_with_euclid() {
    let mut x = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for k in 0..2000u64 {
        // Shared factors (a power of two, a multi-limb common part) and numbers of
        // unequal sizes, so both the limb loop and the u128 tail run.
        let common = Nat(vec![next() as u32 | 1, (next() % 3) as u32]).trim();
        let mk = |n: u64, next: &mut dyn FnMut() -> u64| {
            Nat((0..n).map(|_| next() as u32).collect()).trim()
        };
        let a = mk(1 + k % 7, &mut next).mul(&common).shl(k % 5);
        let b = mk(1 + k / 7 % 6, &mut next).mul(&common).shl(k % 3);
        assert_eq!(a.gcd(&b), gcd_euclid(&a, &b), "gcd of {a:?} and {b:?}");
    }
    assert_eq!(Nat::zero().gcd(&Nat::from_u128(12)), Nat::from_u128(12));
    assert_eq!(Nat::from_u128(12).gcd(&Nat::zero()), Nat::from_u128(12));
}

#[test]
fn decimal_literals_reduce_as_a_gcd_would() {
    // The parse cancels 2s and 5s of the digits against 10^k instead of taking a gcd:
    // the result must be the same lowest terms.
    for s in [
        "0.5",
        "0.25",
        "1.250",
        "0.0000001",
        "12.5e-3",
        "100.00",
        "0.2000e-5",
        "7.0",
        "0.3",
        "2.5e-300",
        "1.5625",
        "0.8",
        "640e-3",
        "123456789.987654321",
        "3.14159265358979323846264338327950288419716939937510582097494459",
        "1_000.000_5",
        "4.9e-324",
        "0.1e-10",
        "78125e-7",
    ] {
        let r = p(s);
        let t: String = s.chars().filter(|&c| c != '_').collect();
        let (mant, exp) = match t.find('e') {
            Some(i) => (&t[..i], t[i + 1..].parse::<i64>().unwrap()),
            None => (&t[..], 0),
        };
        let (ip, fp) = mant.split_once('.').unwrap_or((mant, ""));
        let mut m = Nat::zero();
        for c in ip.chars().chain(fp.chars()) {
            m = m.mul_small(10, c.to_digit(10).unwrap());
        }
        let e10 = exp - fp.len() as i64;
        let want = if e10 >= 0 {
            Rat::make(false, m.mul(&Nat::pow10(e10 as u32)), Nat::from_u128(1))
        } else {
            Rat::make(false, m, Nat::pow10((-e10) as u32))
        };
        assert_eq!(Some(r), want, "{s}");
    }
}

#[test]
fn long_division_agrees_with_binary_division() {
    let mut x = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut limbs = |k: u64| -> Nat {
        let mut v = Vec::new();
        for _ in 0..k {
            let x = next();
            // Many all-ones and zero limbs: the corrections of qhat happen there.
            v.push(match x % 5 {
                0 => u32::MAX,
                1 => 0,
                2 => 1 << 31,
                _ => x as u32,
            });
        }
        Nat(v).trim()
    };
    for k in 0..3000u64 {
        let (a, d) = (limbs(1 + k % 9), limbs(1 + k / 9 % 5));
        if d.is_zero() {
            continue;
        }
        let (q, r) = a.divmod(&d);
        assert_eq!((q.0.clone(), r.0.clone()), {
            let (q, r) = divmod_binary(&a, &d);
            (q.0, r.0)
        });
        assert!(r.cmp(&d) == Ordering::Less);
    }
}

#[test]
fn hardware_rounding_agrees_with_exact_rounding() {
    // Quotients of small integers (halfway cases included: 1/3, 2^53+1, ...) and
    // integers up to 2^128, positive and negative.
    let mut cases: Vec<Rat> = Vec::new();
    let mut x = 0x9e37_79b9_7f4a_7c15u64;
    for _ in 0..2000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let (n, d) = (x >> (x % 40), (x >> 20) % (1 << (x % 53)) + 1);
        cases.push(p(&format!("{n}")).div(&p(&format!("{d}"))).unwrap());
    }
    for s in [
        "9007199254740993",
        "9007199254740995",
        "18446744073709551615",
        "340282366920938463463374607431768211455",
        "340282356779733661637539395458142568448",
        "16777217",
        "1/3",
        "2/3",
        "7/9",
    ] {
        let (n, d) = s.split_once('/').unwrap_or((s, "1"));
        cases.push(p(n).div(&p(d)).unwrap());
    }
    for r in cases {
        for r in [r.clone(), r.neg()] {
            let s = r.to_frac_string();
            if let Some(v) = r.small_quotient(53, |n, d| n as f64 / d as f64, |n| n as f64) {
                assert_eq!(Some(v), r.rounded_f64(), "f64 of {s}");
            }
            let f32 = |n, d| (n as f32 / d as f32) as f64;
            if let Some(v) = r.small_quotient(24, f32, |n| n as f32 as f64) {
                assert_eq!(Some(v), r.rounded_f32(), "f32 of {s}");
            }
        }
    }
}

#[test]
fn parse_and_round() {
    assert_eq!(p("0.1").to_frac_string(), "1/10");
    assert_eq!(p("1e3").to_frac_string(), "1000");
    assert_eq!(p("0x1p-2").to_frac_string(), "1/4");
    assert_eq!(p("0x1.8p1").to_f64(), Some(3.0));
    for s in [
        "0.1",
        "0.3",
        "1e100",
        "1e-300",
        "2.2250738585072014e-308",
        "4.9e-324",
        "1.7976931348623157e308",
        "3.14159265358979323846264338327950288419716939937510582097494459",
        "123456789.987654321",
        "9007199254740993",
    ] {
        assert_eq!(p(s).to_f64(), Some(s.parse::<f64>().unwrap()), "{}", s);
        assert_eq!(
            p(s).to_f32(),
            Some(s.parse::<f32>().unwrap() as f64).filter(|f| f.is_finite()),
            "{}",
            s
        );
    }
    assert_eq!(p("1e309").to_f64(), None);
    assert_eq!(p("1e-400").to_f64(), Some(0.0));
}

#[test]
fn arithmetic_is_exact() {
    let s = p("0.1").add(&p("0.2")).unwrap();
    assert_eq!(s, p("0.3"));
    assert_eq!(s.to_f64(), Some(0.3));
    let third = p("1.0").div(&p("3.0")).unwrap();
    assert_eq!(third.to_frac_string(), "1/3");
    assert_eq!(third.to_f64(), Some(1.0 / 3.0));
    assert!(third.mul(&p("3")).unwrap().is_int());
    let big = p("1e100").mul(&p("1e100")).unwrap();
    assert_eq!(big.div(&p("1e199")).unwrap().to_i128(), Some(10));
    assert_eq!(p("1.5").cmp(&p("1.25")), Ordering::Greater);
    assert_eq!(p("2").neg().cmp(&p("1")), Ordering::Less);
    assert_eq!(Rat::from_f64(0.1).unwrap().to_f64(), Some(0.1));
    assert_eq!(Rat::from_i128(-7).to_i128(), Some(-7));
    assert_eq!(Rat::from_i128(i128::MIN).to_i128(), Some(i128::MIN));
}

#[test]
fn ties_to_even() {
    // 2^53 + 1 is halfway between 2^53 and 2^53 + 2: rounds to even (2^53).
    assert_eq!(p("9007199254740993").to_f64(), Some(9007199254740992.0));
    // 2^53 + 3 rounds up to 2^53 + 4.
    assert_eq!(p("9007199254740995").to_f64(), Some(9007199254740996.0));
}
