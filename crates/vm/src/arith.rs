//! Go's integer and float operations on registers in canonical form (bytecode.rs): integer
//! arithmetic wraps at 64 bits, with the run-time panics Go defines (division by zero; a
//! shift count of 64 or more gives 0 or the sign), comparisons signed or unsigned as the
//! instruction says, and `extend` gives the canonical form of a narrow value. The
//! interpreter and the slow-path operations both compute through these.

use crate::error::Trap;
use gosub_bytecode::bytecode::{CmpOp, FloatOp, IntOp, Width};

#[inline(always)]
pub fn cmp_i(op: CmpOp, a: u64, b: u64) -> bool {
    let (x, y) = (a as i64, b as i64);
    match op {
        CmpOp::Eq => a == b,
        CmpOp::Ne => a != b,
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
        CmpOp::LtU => a < b,
        CmpOp::LeU => a <= b,
        CmpOp::GtU => a > b,
        CmpOp::GeU => a >= b,
    }
}

#[inline(always)]
pub fn cmp_f(op: CmpOp, a: f64, b: f64) -> bool {
    match op {
        CmpOp::Eq => a == b,
        CmpOp::Ne => a != b,
        CmpOp::Lt | CmpOp::LtU => a < b,
        CmpOp::Le | CmpOp::LeU => a <= b,
        CmpOp::Gt | CmpOp::GtU => a > b,
        CmpOp::Ge | CmpOp::GeU => a >= b,
    }
}

/// Integer operation `op` on `a` and `b`, as Go defines it (wrapping arithmetic, shifts by
/// 64 or more); the error is a division by zero.
#[inline(always)]
pub fn int_op(op: IntOp, a: u64, b: u64) -> Result<u64, Trap> {
    try_int_op(op, a, b).ok_or_else(|| Trap::Runtime("integer divide by zero".into()))
}

/// `int_op` without its fault: None for a division by zero (the inner loop then leaves the
/// instruction to the dispatch loop, which reports it).
#[inline(always)]
pub fn try_int_op(op: IntOp, a: u64, b: u64) -> Option<u64> {
    Some(match op {
        IntOp::Add => a.wrapping_add(b),
        IntOp::Sub => a.wrapping_sub(b),
        IntOp::Mul => a.wrapping_mul(b),
        IntOp::Div if b != 0 => (a as i64).wrapping_div(b as i64) as u64,
        IntOp::DivU if b != 0 => a / b,
        IntOp::Rem if b != 0 => (a as i64).wrapping_rem(b as i64) as u64,
        IntOp::RemU if b != 0 => a % b,
        IntOp::Div | IntOp::DivU | IntOp::Rem | IntOp::RemU => return None,
        IntOp::DivPow2 => div_pow2(a, b),
        IntOp::RemPow2 => a.wrapping_sub(div_pow2(a, b) << (b & 63)),
        IntOp::Shl => a.checked_shl(b.min(64) as u32).unwrap_or(0),
        IntOp::Shr => ((a as i64) >> b.min(63)) as u64,
        IntOp::ShrU => a.checked_shr(b.min(64) as u32).unwrap_or(0),
        IntOp::And => a & b,
        IntOp::Or => a | b,
        IntOp::Xor => a ^ b,
        IntOp::AndNot => a & !b,
    })
}

#[inline(always)]
pub fn extend(v: u64, w: Width) -> u64 {
    match w {
        Width::I8 => v as u8 as i8 as i64 as u64,
        Width::I16 => v as u16 as i16 as i64 as u64,
        Width::I32 => v as u32 as i32 as i64 as u64,
        Width::U8 => v as u8 as u64,
        Width::U16 => v as u16 as u64,
        Width::U32 => v as u32 as u64,
        Width::W64 => v,
    }
}

/// `a / 2^k` for signed `a`, rounding toward zero: a negative dividend is biased by
/// `2^k - 1` before the arithmetic shift (which alone would round toward minus infinity).
/// `k` is in 1..=62 (`IntOp::DivPow2`); other counts are masked to 0..=63, never
/// undefined (0 divides by one).
#[inline(always)]
pub(crate) fn div_pow2(a: u64, k: u64) -> u64 {
    let k = (k & 63) as u32;
    let bias = ((a as i64 >> 63) as u64) & ((1u64 << k) - 1);
    ((a.wrapping_add(bias) as i64) >> k) as u64
}

/// The float64 operation `op` on `x` and `y` (`F64` and its fused pairs, in both loops).
#[inline(always)]
pub fn f64_op(op: FloatOp, x: f64, y: f64) -> f64 {
    match op {
        FloatOp::Add => x + y,
        FloatOp::Sub => x - y,
        FloatOp::Mul => x * y,
        FloatOp::Div => x / y,
    }
}
