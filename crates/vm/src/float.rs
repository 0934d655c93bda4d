//! Go's floating-point rules beyond IEEE arithmetic: float -> integer conversion of
//! out-of-range values (the results gc gives on amd64), and the `min`/`max` builtins on
//! floats (NaN wins, and -0 < +0).
//!
//! Invariant: no value makes these trap; every input, NaN and infinities included, gets the
//! result gc's code gives on amd64.

use crate::error::Trap;
use crate::frame::{rd, wr, Frame};
use crate::vm::Vm;
use gosub_bytecode::bytecode::{Conv, Op};

/// The bits of `v` converted as `conv` says (the interpreter's `Conv`).
#[inline]
pub fn convert(conv: Conv, v: u64) -> u64 {
    match conv {
        Conv::IntToF64 => (v as i64 as f64).to_bits(),
        Conv::UintToF64 => (v as f64).to_bits(),
        Conv::IntToF32 => (v as i64 as f32).to_bits() as u64,
        Conv::UintToF32 => (v as f32).to_bits() as u64,
        Conv::F64ToInt => f64_to_i64(f64::from_bits(v)) as u64,
        Conv::F64ToUint => f64_to_u64(f64::from_bits(v)),
        Conv::F32ToInt => f64_to_i64(f32::from_bits(v as u32) as f64) as u64,
        Conv::F32ToUint => f64_to_u64(f32::from_bits(v as u32) as f64),
        Conv::F64ToF32 => (f64::from_bits(v) as f32).to_bits() as u64,
        Conv::F32ToF64 => (f32::from_bits(v as u32) as f64).to_bits(),
    }
}

/// float64 -> int64 (`Conv::F64ToInt`, `F32ToInt`).
#[inline]
pub fn f64_to_i64(x: f64) -> i64 {
    // 2^63 as f64: values outside [-2^63, 2^63) overflow int64 (Go on amd64 gives MinInt64).
    const LIMIT: f64 = 9_223_372_036_854_775_808.0;
    if x.is_nan() || !(-LIMIT..LIMIT).contains(&x) {
        i64::MIN
    } else {
        x as i64
    }
}

/// float64 -> uint64 (`Conv::F64ToUint`, `F32ToUint`).
#[inline]
pub fn f64_to_u64(x: f64) -> u64 {
    if x.is_nan() {
        0x8000000000000000
    } else if x < 0.0 {
        (x as i64) as u64
    } else if x >= 1.8446744073709552e19 {
        0x8000000000000000
    } else {
        x as u64
    }
}

/// Executes `FMinMax`.
#[inline]
pub fn exec(vm: &mut Vm, op: &Op, fr: &Frame) -> Result<(), Trap> {
    match *op {
        Op::FMinMax {
            dst,
            a,
            b,
            max,
            f32,
        } => {
            let (x, y) = if f32 {
                (
                    f32::from_bits(rd(vm, fr, a)? as u32) as f64,
                    f32::from_bits(rd(vm, fr, b)? as u32) as f64,
                )
            } else {
                (
                    f64::from_bits(rd(vm, fr, a)?),
                    f64::from_bits(rd(vm, fr, b)?),
                )
            };
            let r = if x.is_nan() || y.is_nan() {
                f64::NAN
            } else if x == y {
                // Only the sign of zero can differ.
                if max == x.is_sign_negative() {
                    y
                } else {
                    x
                }
            } else if (x < y) != max {
                x
            } else {
                y
            };
            let bits = if f32 {
                (r as f32).to_bits() as u64
            } else {
                r.to_bits()
            };
            wr(vm, fr, dst, bits)?;
        }
        _ => return Err(Trap::Fatal(format!("not a float instruction: {:?}", op))),
    }
    Ok(())
}
