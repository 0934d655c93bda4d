//! The first instruction of a fused pair (gosub_bytecode::fused `pair_halves`) as the
//! dispatch loop runs it: through the checked accessors, faults reported as at the pair,
//! the second instruction left to run on its own (it follows in the code). The inner
//! loop (`fast_loop.rs`) runs both halves at once.

use crate::access::{load_w, store_w};
use crate::arith::{f64_op, int_op};
use crate::error::{index_err, Trap};
use crate::frame::{rd, wr, Frame};
use crate::vm::Vm;
use gosub_bytecode::bytecode::{Conv, Op};

/// The first instruction of a fused pair (fused.rs `pair_halves`), for the dispatch loop,
/// through the checked accessors; the second follows it in the code, to run on its own.
pub(crate) fn first_of_pair(vm: &mut Vm, fr: &Frame, op: &Op) -> Result<(), Trap> {
    let Some((first, _)) = gosub_bytecode::fused::pair_halves(op) else {
        return Err(Trap::Fatal(format!("not a fused pair: {op:?}")));
    };
    let elem = |vm: &Vm, s: u32, i: u32| -> Result<(u64, u64), Trap> {
        let (idx, len) = (rd(vm, fr, i)?, rd(vm, fr, s + 8)?);
        if idx >= len {
            return Err(index_err(idx, len));
        }
        Ok((rd(vm, fr, s)?, idx))
    };
    match first {
        Op::Load { dst, ptr, off, w } => {
            let v = load_w(vm, rd(vm, fr, ptr)?.wrapping_add(off as u64), w)?;
            wr(vm, fr, dst, v)
        }
        Op::Store { ptr, off, src, w } => {
            let (a, v) = (rd(vm, fr, ptr)?.wrapping_add(off as u64), rd(vm, fr, src)?);
            store_w(vm, a, v, w)
        }
        Op::LoadElem { dst, s, i, w } => {
            let (base, idx) = elem(vm, s, i)?;
            let v = load_w(vm, base + idx * w.bytes() as u64, w)?;
            wr(vm, fr, dst, v)
        }
        Op::StoreElem { s, i, src, w } => {
            let (base, idx) = elem(vm, s, i)?;
            let v = rd(vm, fr, src)?;
            store_w(vm, base + idx * w.bytes() as u64, v, w)
        }
        Op::SliceElemAddr { dst, s, i, size } => {
            let (base, idx) = elem(vm, s, i)?;
            wr(vm, fr, dst, base + idx * size as u64)
        }
        Op::AddIntImm { dst, a, imm } => {
            let v = rd(vm, fr, a)?.wrapping_add(imm as u64);
            wr(vm, fr, dst, v)
        }
        Op::Move { dst, src } => {
            let v = rd(vm, fr, src)?;
            wr(vm, fr, dst, v)
        }
        // Float64 operations, specialised (`MulF64`, ...) or not.
        Op::AddF64 { .. } | Op::SubF64 { .. } | Op::MulF64 { .. } | Op::DivF64 { .. } => {
            match first.generic() {
                Some(Op::F64 { op, dst, a, b }) => {
                    let (x, y) = (
                        f64::from_bits(rd(vm, fr, a)?),
                        f64::from_bits(rd(vm, fr, b)?),
                    );
                    wr(vm, fr, dst, f64_op(op, x, y).to_bits())
                }
                _ => Err(Trap::Fatal(format!("not a fused pair: {op:?}"))),
            }
        }
        // Integer operations, specialised (`AddInt`, ...) or not; a division by zero is
        // reported here, at the pair.
        Op::AddInt { .. } | Op::SubInt { .. } | Op::MulInt { .. } | Op::Int { .. } => {
            match first.generic().unwrap_or(first) {
                Op::Int { op, dst, a, b } => {
                    let v = int_op(op, rd(vm, fr, a)?, rd(vm, fr, b)?)?;
                    wr(vm, fr, dst, v)
                }
                other => Err(Trap::Fatal(format!("not a fused pair: {other:?}"))),
            }
        }
        Op::Conv {
            conv: Conv::IntToF64,
            dst,
            a,
        } => wr(vm, fr, dst, (rd(vm, fr, a)? as i64 as f64).to_bits()),
        _ => Err(Trap::Fatal(format!("not a fused pair: {op:?}"))),
    }
}
