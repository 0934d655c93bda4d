//! Complex arithmetic as gc compiles it on amd64: `+`, `-` and unary `-` part by part in
//! the type's own precision; `*` as (ac-bd) + (ad+bc)i computed in float64 (without fused
//! multiply-add) and rounded back for complex64; `/` by the runtime's `complex128div`
//! (Smith's algorithm with C99's corrections for infinities and zeros), complex64 operands
//! widened first and the quotient narrowed; `==` part by part as floats.
//!
//! Invariants: a complex128 register is two f64 words {real, imag}; a complex64 register is
//! one word, the real part's f32 bits in its low 4 bytes and the imaginary part's in the
//! high 4 (its memory layout). No input traps: division by zero gives Go's infinities and
//! NaNs, never a panic.

use crate::error::Trap;
use crate::frame::{rd, wr, Frame};
use crate::vm::Vm;
use gosub_bytecode::bytecode::{FloatOp, Op};

/// Reads the complex value in register `r` (a complex64 widened exactly).
fn read(vm: &Vm, fr: &Frame, r: u32, c64: bool) -> Result<(f64, f64), Trap> {
    if c64 {
        let w = rd(vm, fr, r)?;
        Ok((
            f32::from_bits(w as u32) as f64,
            f32::from_bits((w >> 32) as u32) as f64,
        ))
    } else {
        Ok((
            f64::from_bits(rd(vm, fr, r)?),
            f64::from_bits(rd(vm, fr, r + 8)?),
        ))
    }
}

/// Writes a complex value to register `r` (rounding each part to f32 for complex64).
fn write(vm: &mut Vm, fr: &Frame, r: u32, (re, im): (f64, f64), c64: bool) -> Result<(), Trap> {
    if c64 {
        let w = (re as f32).to_bits() as u64 | ((im as f32).to_bits() as u64) << 32;
        wr(vm, fr, r, w)
    } else {
        wr(vm, fr, r, re.to_bits())?;
        wr(vm, fr, r + 8, im.to_bits())
    }
}

/// The runtime's `inf2one`: ±1 for an infinity, ±0 otherwise, with f's sign.
fn inf2one(f: f64) -> f64 {
    let g: f64 = if f.is_infinite() { 1.0 } else { 0.0 };
    g.copysign(f)
}

/// Go's `runtime.complex128div(n, m)`.
pub fn complex128div((a0, b0): (f64, f64), (c0, d0): (f64, f64)) -> (f64, f64) {
    let (mut e, mut f);
    if c0.abs() >= d0.abs() {
        let ratio = d0 / c0;
        let denom = c0 + ratio * d0;
        e = (a0 + b0 * ratio) / denom;
        f = (b0 - a0 * ratio) / denom;
    } else {
        let ratio = c0 / d0;
        let denom = d0 + ratio * c0;
        e = (a0 * ratio + b0) / denom;
        f = (b0 * ratio - a0) / denom;
    }
    if e.is_nan() && f.is_nan() {
        let (mut a, mut b, mut c, mut d) = (a0, b0, c0, d0);
        let inf = f64::INFINITY;
        if c == 0.0 && d == 0.0 && (!a.is_nan() || !b.is_nan()) {
            e = inf.copysign(c) * a;
            f = inf.copysign(c) * b;
        } else if (a.is_infinite() || b.is_infinite()) && c.is_finite() && d.is_finite() {
            a = inf2one(a);
            b = inf2one(b);
            e = inf * (a * c + b * d);
            f = inf * (b * c - a * d);
        } else if (c.is_infinite() || d.is_infinite()) && a.is_finite() && b.is_finite() {
            c = inf2one(c);
            d = inf2one(d);
            e = 0.0 * (a * c + b * d);
            f = 0.0 * (b * c - a * d);
        }
    }
    (e, f)
}

/// `x op y` for complex values widened to f64 pairs; `c64` selects complex64's rounding
/// of the intermediate sums.
pub fn arith(op: FloatOp, (a, b): (f64, f64), (c, d): (f64, f64), c64: bool) -> (f64, f64) {
    let narrow = |x: f64| if c64 { x as f32 as f64 } else { x };
    match op {
        FloatOp::Add => (narrow(a + c), narrow(b + d)),
        FloatOp::Sub => (narrow(a - c), narrow(b - d)),
        FloatOp::Mul => (a * c - b * d, a * d + b * c),
        FloatOp::Div => complex128div((a, b), (c, d)),
    }
}

/// Executes `Cplx`, `NegCplx`, `CmpCplx` and `ConvCplx`.
#[inline]
pub fn exec(vm: &mut Vm, op: &Op, fr: &Frame) -> Result<(), Trap> {
    match *op {
        Op::Cplx { op, dst, a, b, c64 } => {
            let (x, y) = (read(vm, fr, a, c64)?, read(vm, fr, b, c64)?);
            write(vm, fr, dst, arith(op, x, y, c64), c64)?;
        }
        Op::NegCplx { dst, a, c64 } => {
            let (re, im) = read(vm, fr, a, c64)?;
            write(vm, fr, dst, (-re, -im), c64)?;
        }
        Op::CmpCplx { dst, a, b, ne, c64 } => {
            let (x, y) = (read(vm, fr, a, c64)?, read(vm, fr, b, c64)?);
            let eq = x.0 == y.0 && x.1 == y.1;
            wr(vm, fr, dst, (eq != ne) as u64)?;
        }
        Op::ConvCplx { dst, a, to_c64 } => {
            let v = read(vm, fr, a, !to_c64)?;
            write(vm, fr, dst, v, to_c64)?;
        }
        _ => return Err(Trap::Fatal(format!("not a complex instruction: {:?}", op))),
    }
    Ok(())
}
