//! A small arbitrary-precision rational, for exact untyped floating-point constants.
//!
//! Only what constant folding needs: +, -, *, /, comparison, exact parsing of decimal and
//! hexadecimal literals, and correctly rounded (nearest-even) conversion to f64/f32.

use std::cmp::Ordering;

/// Numbers whose numerator and denominator both exceed this many bits are approximated
/// (shifted down together), keeping far more than 64 bits of relative precision.
const APPROX_BITS: u64 = 1024;
/// Rationals whose numerator or denominator would exceed this many bits are rejected
/// (constant overflow); about 10^±9800.
const MAX_BITS: u64 = 32768;

/// Unsigned magnitude, little-endian 32-bit limbs, no trailing zero limbs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Nat(Vec<u32>);

impl Nat {
    pub fn zero() -> Nat {
        Nat(Vec::new())
    }
    pub fn from_u128(mut v: u128) -> Nat {
        let mut l = Vec::new();
        while v != 0 {
            l.push(v as u32);
            v >>= 32;
        }
        Nat(l)
    }
    fn trim(mut self) -> Nat {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
        self
    }
    pub fn is_zero(&self) -> bool {
        self.0.is_empty()
    }
    pub fn is_one(&self) -> bool {
        self.0.len() == 1 && self.0[0] == 1
    }
    pub fn bits(&self) -> u64 {
        match self.0.last() {
            None => 0,
            Some(&top) => (self.0.len() as u64 - 1) * 32 + (32 - top.leading_zeros() as u64),
        }
    }
    pub fn to_u128(&self) -> Option<u128> {
        if self.0.len() > 4 {
            return None;
        }
        let mut v = 0u128;
        for &l in self.0.iter().rev() {
            v = (v << 32) | l as u128;
        }
        Some(v)
    }
    fn trailing_zeros(&self) -> u64 {
        for (i, &l) in self.0.iter().enumerate() {
            if l != 0 {
                return i as u64 * 32 + l.trailing_zeros() as u64;
            }
        }
        0
    }
    pub fn cmp(&self, o: &Nat) -> Ordering {
        if self.0.len() != o.0.len() {
            return self.0.len().cmp(&o.0.len());
        }
        for i in (0..self.0.len()).rev() {
            if self.0[i] != o.0[i] {
                return self.0[i].cmp(&o.0[i]);
            }
        }
        Ordering::Equal
    }
    pub fn add(&self, o: &Nat) -> Nat {
        let n = self.0.len().max(o.0.len());
        let mut r = Vec::with_capacity(n + 1);
        let mut carry = 0u64;
        for i in 0..n {
            let s = *self.0.get(i).unwrap_or(&0) as u64 + *o.0.get(i).unwrap_or(&0) as u64 + carry;
            r.push(s as u32);
            carry = s >> 32;
        }
        if carry != 0 {
            r.push(carry as u32);
        }
        Nat(r).trim()
    }
    /// self - o; requires self >= o.
    pub fn sub(&self, o: &Nat) -> Nat {
        let mut r = Vec::with_capacity(self.0.len());
        let mut borrow = 0i64;
        for i in 0..self.0.len() {
            let mut d = self.0[i] as i64 - *o.0.get(i).unwrap_or(&0) as i64 - borrow;
            if d < 0 {
                d += 1 << 32;
                borrow = 1;
            } else {
                borrow = 0;
            }
            r.push(d as u32);
        }
        debug_assert_eq!(borrow, 0);
        Nat(r).trim()
    }
    pub fn mul(&self, o: &Nat) -> Nat {
        if self.is_zero() || o.is_zero() {
            return Nat::zero();
        }
        let mut r = vec![0u32; self.0.len() + o.0.len()];
        for (i, &a) in self.0.iter().enumerate() {
            let mut carry = 0u64;
            for (j, &b) in o.0.iter().enumerate() {
                let t = a as u64 * b as u64 + r[i + j] as u64 + carry;
                r[i + j] = t as u32;
                carry = t >> 32;
            }
            let mut k = i + o.0.len();
            while carry != 0 {
                let t = r[k] as u64 + carry;
                r[k] = t as u32;
                carry = t >> 32;
                k += 1;
            }
        }
        Nat(r).trim()
    }
    fn mul_small(&self, m: u32, add: u32) -> Nat {
        let mut r = Vec::with_capacity(self.0.len() + 1);
        let mut carry = add as u64;
        for &a in &self.0 {
            let t = a as u64 * m as u64 + carry;
            r.push(t as u32);
            carry = t >> 32;
        }
        if carry != 0 {
            r.push(carry as u32);
        }
        Nat(r).trim()
    }
    pub fn shl(&self, s: u64) -> Nat {
        if self.is_zero() {
            return Nat::zero();
        }
        let (w, b) = ((s / 32) as usize, (s % 32) as u32);
        let mut r = vec![0u32; w];
        if b == 0 {
            r.extend_from_slice(&self.0);
        } else {
            let mut carry = 0u32;
            for &a in &self.0 {
                r.push((a << b) | carry);
                carry = a >> (32 - b);
            }
            if carry != 0 {
                r.push(carry);
            }
        }
        Nat(r).trim()
    }
    pub fn shr(&self, s: u64) -> Nat {
        let w = (s / 32) as usize;
        if w >= self.0.len() {
            return Nat::zero();
        }
        let b = (s % 32) as u32;
        let src = &self.0[w..];
        let mut r = Vec::with_capacity(src.len());
        for i in 0..src.len() {
            let lo = src[i] >> b;
            let hi = if b == 0 {
                0
            } else {
                src.get(i + 1).map_or(0, |&h| h << (32 - b))
            };
            r.push(lo | hi);
        }
        Nat(r).trim()
    }
    /// (self / d, self % d); d must be nonzero. Knuth's algorithm D (TAOCP 4.3.1) on
    /// 32-bit limbs: one estimated quotient limb per step, corrected at most twice.
    pub fn divmod(&self, d: &Nat) -> (Nat, Nat) {
        assert!(!d.is_zero(), "division by zero");
        if self.cmp(d) == Ordering::Less {
            return (Nat::zero(), self.clone());
        }
        if d.0.len() == 1 {
            let dv = d.0[0] as u64;
            let mut q = vec![0u32; self.0.len()];
            let mut rem = 0u64;
            for i in (0..self.0.len()).rev() {
                let cur = (rem << 32) | self.0[i] as u64;
                q[i] = (cur / dv) as u32;
                rem = cur % dv;
            }
            return (Nat(q).trim(), Nat::from_u128(rem as u128));
        }
        let n = d.0.len();
        let m = self.0.len() - n;
        // Normalise: the divisor's top limb gets its high bit set.
        let s = d.0[n - 1].leading_zeros();
        let vn = d.shl(s as u64).0;
        let mut un = self.shl(s as u64).0;
        un.resize(self.0.len() + 1, 0);
        let mut q = vec![0u32; m + 1];
        const B: u64 = 1 << 32;
        for j in (0..=m).rev() {
            let num = ((un[j + n] as u64) << 32) | un[j + n - 1] as u64;
            let mut qhat = num / vn[n - 1] as u64;
            let mut rhat = num % vn[n - 1] as u64;
            while qhat >= B || qhat * vn[n - 2] as u64 > ((rhat << 32) | un[j + n - 2] as u64) {
                qhat -= 1;
                rhat += vn[n - 1] as u64;
                if rhat >= B {
                    break;
                }
            }
            // un[j..=j+n] -= qhat * vn
            let (mut borrow, mut carry) = (0i64, 0u64);
            for i in 0..n {
                let p = qhat * vn[i] as u64 + carry;
                carry = p >> 32;
                let t = un[i + j] as i64 - (p & 0xffff_ffff) as i64 + borrow;
                un[i + j] = t as u32;
                borrow = t >> 32;
            }
            let t = un[j + n] as i64 - carry as i64 + borrow;
            un[j + n] = t as u32;
            q[j] = qhat as u32;
            if t < 0 {
                // qhat was one too large: add the divisor back.
                q[j] = q[j].wrapping_sub(1);
                let mut c = 0u64;
                for i in 0..n {
                    let sum = un[i + j] as u64 + vn[i] as u64 + c;
                    un[i + j] = sum as u32;
                    c = sum >> 32;
                }
                un[j + n] = un[j + n].wrapping_add(c as u32);
            }
        }
        un.truncate(n);
        (Nat(q).trim(), Nat(un).trim().shr(s as u64))
    }
    /// The greatest common divisor: Stein's binary algorithm, on the limbs in place (a
    /// step subtracts the smaller odd number from the larger and shifts out the zeros,
    /// without allocating), finished in `u128` once both fit.
    pub fn gcd(&self, o: &Nat) -> Nat {
        if self.is_zero() {
            return o.clone();
        }
        if o.is_zero() {
            return self.clone();
        }
        let k = self.trailing_zeros().min(o.trailing_zeros());
        let (mut a, mut b) = (self.shr(self.trailing_zeros()), o.shr(o.trailing_zeros()));
        // Both odd from here on.
        loop {
            if let (Some(x), Some(y)) = (a.to_u128(), b.to_u128()) {
                return Nat::from_u128(gcd_u128_odd(x, y)).shl(k);
            }
            match a.cmp(&b) {
                Ordering::Equal => return a.shl(k),
                Ordering::Greater => a.sub_shift_odd(&b),
                Ordering::Less => b.sub_shift_odd(&a),
            }
        }
    }
    /// self = (self - o) with its trailing zeros shifted out; self > o, both odd.
    fn sub_shift_odd(&mut self, o: &Nat) {
        let mut borrow = 0u64;
        for (i, l) in self.0.iter_mut().enumerate() {
            let d = (*l as u64)
                .wrapping_sub(*o.0.get(i).unwrap_or(&0) as u64)
                .wrapping_sub(borrow);
            *l = d as u32;
            borrow = (d >> 63) & 1;
        }
        let z = self.trailing_zeros();
        let (w, b) = ((z / 32) as usize, (z % 32) as u32);
        let n = self.0.len();
        for i in 0..n - w {
            let lo = self.0[i + w] >> b;
            let hi = match (b, self.0.get(i + w + 1)) {
                (0, _) | (_, None) => 0,
                (_, Some(&h)) => h << (32 - b),
            };
            self.0[i] = lo | hi;
        }
        self.0.truncate(n - w);
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }
    /// 5^n.
    fn pow5(n: u32) -> Nat {
        let mut r = Nat::from_u128(1);
        let mut left = n;
        while left >= 13 {
            r = r.mul_small(1_220_703_125, 0);
            left -= 13;
        }
        r.mul_small(5u32.pow(left), 0)
    }
    /// 10^n, as 5^n · 2^n.
    pub fn pow10(n: u32) -> Nat {
        Nat::pow5(n).shl(n as u64)
    }
    fn to_decimal(&self) -> String {
        if self.is_zero() {
            return "0".into();
        }
        let mut parts = Vec::new();
        let mut x = self.clone();
        let big = Nat::from_u128(1_000_000_000);
        while !x.is_zero() {
            let (q, r) = x.divmod(&big);
            parts.push(r.to_u128().unwrap_or(0) as u32);
            x = q;
        }
        let mut s = parts.pop().unwrap_or(0).to_string();
        for p in parts.iter().rev() {
            s.push_str(&format!("{:09}", p));
        }
        s
    }
}

/// gcd(x, y) of two odd numbers (Stein's algorithm).
fn gcd_u128_odd(mut x: u128, mut y: u128) -> u128 {
    while x != y {
        if x > y {
            x -= y;
            x >>= x.trailing_zeros();
        } else {
            y -= x;
            y >>= y.trailing_zeros();
        }
    }
    x
}

/// An exact rational number, normalized: den > 0, gcd(num, den) == 1, zero is non-negative.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Rat {
    neg: bool,
    num: Nat,
    den: Nat,
}

impl Rat {
    pub fn zero() -> Rat {
        Rat {
            neg: false,
            num: Nat::zero(),
            den: Nat::from_u128(1),
        }
    }
    /// Builds and normalizes num/den; None if it is too large to keep.
    fn make(neg: bool, num: Nat, den: Nat) -> Option<Rat> {
        if num.is_zero() {
            return Some(Rat::zero());
        }
        let (num, den) = if den.is_one() {
            (num, den)
        } else {
            let g = num.gcd(&den);
            if g.is_one() {
                (num, den)
            } else {
                (num.divmod(&g).0, den.divmod(&g).0)
            }
        };
        Rat::from_coprime(neg, num, den)
    }
    /// `make` of num/den already in lowest terms (num nonzero).
    fn from_coprime(neg: bool, mut num: Nat, mut den: Nat) -> Option<Rat> {
        let (nb, db) = (num.bits(), den.bits());
        if nb > APPROX_BITS && db > APPROX_BITS {
            // Keep ~APPROX_BITS bits of the smaller part; the ratio keeps full precision
            // for any float conversion.
            let s = nb.min(db) - APPROX_BITS;
            num = num.shr(s);
            den = den.shr(s);
            return Rat::make(neg, num, den);
        }
        if nb > MAX_BITS || db > MAX_BITS {
            return None;
        }
        Some(Rat { neg, num, den })
    }
    pub fn from_i128(v: i128) -> Rat {
        Rat {
            neg: v < 0,
            num: Nat::from_u128(v.unsigned_abs()),
            den: Nat::from_u128(1),
        }
    }
    /// The exact value of a finite f64.
    pub fn from_f64(f: f64) -> Option<Rat> {
        if !f.is_finite() {
            return None;
        }
        if f == 0.0 {
            return Some(Rat::zero());
        }
        let bits = f.to_bits();
        let neg = bits >> 63 == 1;
        let exp = ((bits >> 52) & 0x7ff) as i64;
        let frac = bits & ((1u64 << 52) - 1);
        let (m, e) = if exp == 0 {
            (frac, -1074)
        } else {
            (frac | (1u64 << 52), exp - 1075)
        };
        let m = Nat::from_u128(m as u128);
        if e >= 0 {
            Rat::make(neg, m.shl(e as u64), Nat::from_u128(1))
        } else {
            Rat::make(neg, m, Nat::from_u128(1).shl((-e) as u64))
        }
    }
    pub fn is_zero(&self) -> bool {
        self.num.is_zero()
    }
    pub fn is_int(&self) -> bool {
        self.den.is_one()
    }
    pub fn to_i128(&self) -> Option<i128> {
        if !self.is_int() {
            return None;
        }
        let m = self.num.to_u128()?;
        if self.neg {
            if m <= i128::MAX as u128 + 1 {
                Some((m as i128).wrapping_neg())
            } else {
                None
            }
        } else {
            i128::try_from(m).ok()
        }
    }
    pub fn neg(&self) -> Rat {
        let mut r = self.clone();
        if !r.is_zero() {
            r.neg = !r.neg;
        }
        r
    }
    fn add_signed(&self, o: &Rat, negate_o: bool) -> Option<Rat> {
        let oneg = o.neg ^ negate_o;
        let a = self.num.mul(&o.den);
        let b = o.num.mul(&self.den);
        let den = self.den.mul(&o.den);
        if self.neg == oneg {
            Rat::make(self.neg, a.add(&b), den)
        } else {
            match a.cmp(&b) {
                Ordering::Equal => Some(Rat::zero()),
                Ordering::Greater => Rat::make(self.neg, a.sub(&b), den),
                Ordering::Less => Rat::make(oneg, b.sub(&a), den),
            }
        }
    }
    pub fn add(&self, o: &Rat) -> Option<Rat> {
        self.add_signed(o, false)
    }
    pub fn sub(&self, o: &Rat) -> Option<Rat> {
        self.add_signed(o, true)
    }
    pub fn mul(&self, o: &Rat) -> Option<Rat> {
        Rat::make(self.neg ^ o.neg, self.num.mul(&o.num), self.den.mul(&o.den))
    }
    /// None on division by zero or overflow.
    pub fn div(&self, o: &Rat) -> Option<Rat> {
        if o.is_zero() {
            return None;
        }
        Rat::make(self.neg ^ o.neg, self.num.mul(&o.den), self.den.mul(&o.num))
    }
    pub fn cmp(&self, o: &Rat) -> Ordering {
        match (self.neg, o.neg) {
            (false, true) => return Ordering::Greater,
            (true, false) => return Ordering::Less,
            _ => {}
        }
        let c = self.num.mul(&o.den).cmp(&o.num.mul(&self.den));
        if self.neg {
            c.reverse()
        } else {
            c
        }
    }

    /// Rounds to the nearest binary float with `mant` mantissa bits (including the
    /// implicit one) and smallest unit exponent `min_unit` (subnormals); returns the
    /// mantissa m and exponent u with |x| ≈ m·2^u, m < 2^mant (or m == 2^mant after a carry,
    /// normalized here). Ties go to even.
    fn round_bin(&self, mant: u32, min_unit: i64) -> (u128, i64) {
        let (n, d) = (&self.num, &self.den);
        let e = n.bits() as i64 - d.bits() as i64;
        // q = floor(n·2^shift / d) has mant+2 or mant+3 bits.
        let shift = mant as i64 + 2 - e;
        let (q, r) = if shift >= 0 {
            n.shl(shift as u64).divmod(d)
        } else {
            n.divmod(&d.shl((-shift) as u64))
        };
        let sticky = !r.is_zero();
        let q = q.to_u128().expect("quotient fits");
        let qb = 128 - q.leading_zeros() as i64;
        // value = q·2^-shift; leading bit exponent E = qb-1-shift.
        let top = qb - 1 - shift;
        let unit = (top - (mant as i64 - 1)).max(min_unit);
        let drop = unit + shift; // bits of q below the unit
        debug_assert!(drop >= 2);
        let (mut m, rem, half) = if drop >= 128 {
            (0u128, q, None)
        } else {
            (
                q >> drop,
                q & ((1u128 << drop) - 1),
                Some(1u128 << (drop - 1)),
            )
        };
        let round_up = match half {
            None => false,
            Some(h) => rem > h || (rem == h && (sticky || m & 1 == 1)),
        };
        if round_up {
            m += 1;
        }
        let mut u = unit;
        if m == 1u128 << mant {
            m >>= 1;
            u += 1;
        }
        (m, u)
    }

    /// The nearest float of a `mant`-bit significand when hardware arithmetic gives it
    /// exactly rounded: an integer below 2^128 (`int`: Rust's integer-to-float conversion
    /// rounds to nearest, ties to even), or a quotient of two integers below 2^mant (both
    /// exact floats, and IEEE division rounds the exact quotient once, to nearest even;
    /// it cannot overflow or be subnormal). None: the caller rounds with `round_bin`.
    fn small_quotient(
        &self,
        mant: u32,
        div: impl Fn(u64, u64) -> f64,
        int: impl Fn(u128) -> f64,
    ) -> Option<f64> {
        let mag = if self.den.is_one() {
            int(self.num.to_u128()?)
        } else if self.num.bits() <= mant as u64 && self.den.bits() <= mant as u64 {
            div(self.num.to_u128()? as u64, self.den.to_u128()? as u64)
        } else {
            return None;
        };
        // An integer near 2^128 rounds past the largest f32: overflow, for `round_bin`.
        mag.is_finite().then_some(if self.neg { -mag } else { mag })
    }

    /// The nearest f64 (ties to even); None if it overflows.
    pub fn to_f64(&self) -> Option<f64> {
        if self.is_zero() {
            return Some(0.0);
        }
        if let Some(v) = self.small_quotient(53, |n, d| n as f64 / d as f64, |n| n as f64) {
            return Some(v);
        }
        self.rounded_f64()
    }

    /// `to_f64` by exact rounding of the quotient (any size).
    fn rounded_f64(&self) -> Option<f64> {
        let (m, u) = self.round_bin(53, -1074);
        let mag = if m == 0 {
            0.0
        } else if m < 1 << 52 {
            // subnormal, u == -1074
            f64::from_bits(m as u64)
        } else {
            let e = u + 52;
            if e > 1023 {
                return None;
            }
            f64::from_bits((((e + 1023) as u64) << 52) | (m as u64 & ((1 << 52) - 1)))
        };
        Some(if self.neg { -mag } else { mag })
    }

    /// The nearest f32 (ties to even), as f64; None if it overflows.
    pub fn to_f32(&self) -> Option<f64> {
        if self.is_zero() {
            return Some(0.0);
        }
        if let Some(v) =
            self.small_quotient(24, |n, d| (n as f32 / d as f32) as f64, |n| n as f32 as f64)
        {
            return Some(v);
        }
        self.rounded_f32()
    }

    /// `to_f32` by exact rounding of the quotient (any size).
    fn rounded_f32(&self) -> Option<f64> {
        let (m, u) = self.round_bin(24, -149);
        let mag = if m == 0 {
            0.0
        } else if m < 1 << 23 {
            f32::from_bits(m as u32)
        } else {
            let e = u + 23;
            if e > 127 {
                return None;
            }
            f32::from_bits((((e + 127) as u32) << 23) | (m as u32 & ((1 << 23) - 1)))
        };
        Some(if self.neg { -mag as f64 } else { mag as f64 })
    }

    /// An approximate f64 even when out of range (±inf then).
    pub fn approx_f64(&self) -> f64 {
        match self.to_f64() {
            Some(f) => f,
            None if self.neg => f64::NEG_INFINITY,
            None => f64::INFINITY,
        }
    }

    /// Parses a Go floating-point literal (decimal or hexadecimal, `_` separators allowed)
    /// exactly.
    pub fn parse(s: &str) -> Option<Rat> {
        let s: String = s.chars().filter(|&c| c != '_').collect();
        let one = Nat::from_u128(1);
        if let Some(r) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
            let (mant, exp) = match r.find(['p', 'P']) {
                Some(i) => (&r[..i], r[i + 1..].parse::<i64>().ok()?),
                None => (r, 0),
            };
            let (ip, fp) = match mant.find('.') {
                Some(i) => (&mant[..i], &mant[i + 1..]),
                None => (mant, ""),
            };
            if ip.is_empty() && fp.is_empty() {
                return None;
            }
            let mut m = Nat::zero();
            for c in ip.chars().chain(fp.chars()) {
                m = m.mul_small(16, c.to_digit(16)?);
            }
            let e2 = exp.checked_sub(4 * fp.len() as i64)?;
            if e2.unsigned_abs() > MAX_BITS {
                return None;
            }
            return if e2 >= 0 {
                Rat::make(false, m.shl(e2 as u64), one)
            } else {
                Rat::make(false, m, one.shl((-e2) as u64))
            };
        }
        let (mant, exp) = match s.find(['e', 'E']) {
            Some(i) => (&s[..i], s[i + 1..].parse::<i64>().ok()?),
            None => (&s[..], 0),
        };
        let (ip, fp) = match mant.find('.') {
            Some(i) => (&mant[..i], &mant[i + 1..]),
            None => (mant, ""),
        };
        if ip.is_empty() && fp.is_empty() {
            return None;
        }
        let mut m = Nat::zero();
        for c in ip.chars().chain(fp.chars()) {
            m = m.mul_small(10, c.to_digit(10)?);
        }
        if m.is_zero() {
            return Some(Rat::zero());
        }
        let e10 = exp.checked_sub(fp.len() as i64)?;
        if e10.unsigned_abs() > MAX_BITS / 3 {
            return None;
        }
        if e10 >= 0 {
            return Rat::make(false, m.mul(&Nat::pow10(e10 as u32)), one);
        }
        // m / 10^k in lowest terms without a gcd: 10^k's only prime factors are 2 and 5,
        // so cancel those of m (at most k of each) and what is left is coprime.
        let k = (-e10) as u64;
        let twos = m.trailing_zeros().min(k);
        let mut m = m.shr(twos);
        let mut fives = 0;
        while fives < k {
            let (q, r) = m.divmod(&Nat::from_u128(5));
            if !r.is_zero() {
                break;
            }
            m = q;
            fives += 1;
        }
        let den = Nat::pow5((k - fives) as u32).shl(k - twos);
        Rat::from_coprime(false, m, den)
    }

    /// go/constant's String() for floats: `%.6g` of the float64 value when in range,
    /// otherwise a mantissa and decimal exponent.
    pub fn to_short_string(&self, g6: impl Fn(f64) -> String) -> String {
        if let Some(f) = self.to_f64() {
            if f != 0.0 || self.is_zero() {
                return g6(f);
            }
        }
        // Out of float64 range: find e10 with 1 <= |x|/10^e10 < 10.
        let lg = (self.num.bits() as f64 - self.den.bits() as f64) * std::f64::consts::LOG10_2;
        let mut e10 = lg.floor() as i64;
        let abs = Rat {
            neg: false,
            ..self.clone()
        };
        let scaled = |e: i64| -> Option<Rat> {
            let p = Rat::make(
                false,
                Nat::pow10(e.unsigned_abs() as u32),
                Nat::from_u128(1),
            )?;
            if e >= 0 {
                abs.div(&p)
            } else {
                abs.mul(&p)
            }
        };
        let mut m = scaled(e10).and_then(|r| r.to_f64()).unwrap_or(1.0);
        if m >= 10.0 {
            e10 += 1;
            m = scaled(e10).and_then(|r| r.to_f64()).unwrap_or(1.0);
        } else if m < 1.0 {
            e10 -= 1;
            m = scaled(e10).and_then(|r| r.to_f64()).unwrap_or(1.0);
        }
        let sign = if self.neg { "-" } else { "" };
        format!("{}{}e{:+}", sign, g6(m), e10)
    }

    /// Exact decimal form `num/den` (for tests and debugging).
    #[allow(dead_code)]
    pub fn to_frac_string(&self) -> String {
        let s = if self.neg { "-" } else { "" };
        if self.is_int() {
            format!("{}{}", s, self.num.to_decimal())
        } else {
            format!("{}{}/{}", s, self.num.to_decimal(), self.den.to_decimal())
        }
    }
}

#[cfg(test)]
#[path = "bigrat_tests.rs"]
mod tests;
