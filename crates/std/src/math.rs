//! Package math's natives: what gc does on amd64 with a hardware instruction (Sqrt, Abs,
//! Floor, Ceil, Trunc, and Round, RoundToEven and Mod, whose results are exact) and what it
//! does in assembly (`exp_amd64.s`, `log_amd64.s`, `hypot_amd64.s`), replayed here operation
//! by operation so results are bit-identical; the rest of the package is Go's own Go code
//! (`crates/std/go/math/`).
//!
//! Invariant: every function gives gc's amd64 result for every input, NaNs and infinities
//! included. Exp, like Go's, uses fused multiply-add when the CPU has AVX and FMA.

// The constants are written as Go's assembly writes them.
#![allow(clippy::excessive_precision, clippy::approx_constant)]

use crate::natives::native;
use gosub_vm::NativeRegistry;

macro_rules! math1 {
    ($r:ident, $($name:expr => $f:expr),* $(,)?) => {
        $(native!($r, $name, |a| {
            let x = a.f64()?;
            let f: fn(f64) -> f64 = $f;
            a.ret_f64(f(x))?;
        });)*
    };
}

const POS_INF: u64 = 0x7FF0000000000000;
const NEG_INF: u64 = 0xFFF0000000000000;
/// Go's NaN (`uvnan`).
const NAN: u64 = 0x7FF8000000000001;

/// Go's `useFMA` for exp_amd64.s: AVX and FMA.
fn use_fma() -> bool {
    static FMA: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *FMA.get_or_init(|| {
        #[cfg(target_arch = "x86_64")]
        {
            std::is_x86_feature_detected!("avx") && std::is_x86_feature_detected!("fma")
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            false
        }
    })
}

/// `CVTSD2SL`: round to nearest even; out of range (or NaN) is 0x80000000.
fn cvtsd2sl(x: f64) -> i32 {
    let r = x.round_ties_even();
    if (-2147483648.0..=2147483647.0).contains(&r) {
        r as i32
    } else {
        i32::MIN
    }
}

/// exp_amd64.s: e^x by reduction to x·log2(e) = k + r, a degree-8 Taylor polynomial of
/// r/16, four squarings of (1 + p) − 1, and scaling by 2^k.
pub fn arch_exp(x: f64, fma: bool) -> f64 {
    const LN2U: f64 = 0.69314718055966295651160180568695068359375;
    const LN2L: f64 = 0.28235290563031577122588448175013436025525412068e-12;
    const LOG2E: f64 = 1.4426950408889634073599246810018920;
    const OVERFLOW: f64 = 7.09782712893384e+02;
    const T: [f64; 9] = [
        0.5,
        1.0,
        2.0,
        1.6666666666666666667e-1,
        4.1666666666666666667e-2,
        8.3333333333333333333e-3,
        1.3888888888888888889e-3,
        1.9841269841269841270e-4,
        2.4801587301587301587e-5,
    ];
    let bits = x.to_bits();
    if bits & !(1 << 63) >= POS_INF {
        return if bits == NEG_INF { 0.0 } else { x };
    }
    if x > OVERFLOW {
        return f64::INFINITY;
    }
    let mut bx = cvtsd2sl(LOG2E * x);
    let k = bx as f64;
    let mut x0 = x;
    let mut x1;
    if fma {
        x0 = (-LN2U).mul_add(k, x0);
        x0 = (-LN2L).mul_add(k, x0);
        x0 *= 0.0625;
        x1 = T[8];
        for c in [T[7], T[6], T[5], T[4], T[3], T[0], T[1]] {
            x1 = x1.mul_add(x0, c);
        }
        x0 *= x1;
        for _ in 0..3 {
            x1 = x0 + T[2];
            x0 *= x1;
        }
        x1 = x0 + T[2];
        x0 = x0.mul_add(x1, T[1]);
    } else {
        x0 -= LN2U * k;
        x0 -= LN2L * k;
        x0 *= 0.0625;
        x1 = T[8];
        for c in [T[7], T[6], T[5], T[4], T[3], T[0], T[1]] {
            x1 = x1 * x0 + c;
        }
        x0 *= x1;
        for _ in 0..4 {
            x1 = T[2] + x0;
            x0 *= x1;
        }
        x0 += T[1];
    }
    // ldexp
    bx = bx.wrapping_add(0x3FF);
    if bx <= 0 {
        if bx < -52 {
            return 0.0;
        }
        bx += 0x3FE;
        x0 *= f64::from_bits((bx as u64) << 52);
        bx = 1;
    } else if bx >= 0x7FF {
        return f64::INFINITY;
    }
    x0 * f64::from_bits((bx as u64) << 52)
}

/// log_amd64.s: FreeBSD's algorithm as Go's log.go, with the exponent taken straight from
/// the bits (no normalization of subnormals).
pub fn arch_log(x: f64) -> f64 {
    const HSQRT2: f64 = 7.07106781186547524401e-01;
    const LN2HI: f64 = 6.93147180369123816490e-01;
    const LN2LO: f64 = 1.90821492927058770002e-10;
    const L: [f64; 7] = [
        6.666666666666735130e-01,
        3.999999999940941908e-01,
        2.857142874366239149e-01,
        2.222219843214978396e-01,
        1.818357216161805012e-01,
        1.531383769920937332e-01,
        1.479819860511658591e-01,
    ];
    let bits = x.to_bits();
    if bits & !(1 << 63) == 0 {
        return f64::from_bits(NEG_INF);
    }
    if (bits as i64) < 0 {
        return f64::from_bits(NAN);
    }
    if bits >= POS_INF {
        return x;
    }
    let mut f1 = f64::from_bits(bits & 0x000FFFFFFFFFFFFF | 0x3FE0000000000000);
    let mut k = (((bits >> 52) & 0x7FF) as i64 - 0x3FE) as f64;
    if f1 <= HSQRT2 {
        k -= 1.0;
        f1 *= 2.0;
    }
    let f = f1 - 1.0;
    let s = f / (2.0 + f);
    let s2 = s * s;
    let s4 = s2 * s2;
    let t1 = s2 * ((((L[6] * s4 + L[4]) * s4) + L[2]) * s4 + L[0]);
    let t2 = s4 * (((L[5] * s4 + L[3]) * s4) + L[1]);
    let r = t1 + t2;
    let hfsq = 0.5 * f * f;
    let a = s * (r + hfsq) + LN2LO * k;
    let b = (hfsq - a) - f;
    k * LN2HI - b
}

/// hypot_amd64.s: max·sqrt(1 + (min/max)²).
pub fn arch_hypot(p: f64, q: f64) -> f64 {
    let (pb, qb) = (p.to_bits() & !(1 << 63), q.to_bits() & !(1 << 63));
    if pb >= POS_INF || qb >= POS_INF {
        return if pb == POS_INF || qb == POS_INF {
            f64::INFINITY
        } else {
            f64::from_bits(NAN)
        };
    }
    if pb | qb == 0 {
        return 0.0;
    }
    let (p, q) = (f64::from_bits(pb), f64::from_bits(qb));
    let (hi, lo) = if p > q { (p, q) } else { (q, p) };
    let r = lo / hi;
    hi * (r * r + 1.0).sqrt()
}

pub fn register(r: &mut NativeRegistry) {
    math1!(r,
        "math.Sqrt" => f64::sqrt, "math.Abs" => f64::abs, "math.Floor" => f64::floor, "math.Ceil" => f64::ceil,
        "math.Trunc" => f64::trunc, "math.Round" => f64::round, "math.RoundToEven" => |x: f64| x.round_ties_even(),
        "math.Log" => arch_log,
    );
    native!(r, "math.archExp", |a| {
        let x = a.f64()?;
        a.ret_f64(arch_exp(x, use_fma()))?;
    });
    native!(r, "math.Mod", |a| {
        let x = a.f64()?;
        let y = a.f64()?;
        a.ret_f64(x % y)?;
    });
    native!(r, "math.Hypot", |a| {
        let x = a.f64()?;
        let y = a.f64()?;
        a.ret_f64(arch_hypot(x, y))?;
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
}
