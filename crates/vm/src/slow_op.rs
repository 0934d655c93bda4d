//! The dispatch of the less frequent instructions, executed outside the hot dispatch loop
//! through checked heap accesses. Each family lives in the file named for it: strings
//! (`string_ops.rs`), conversions (`convert.rs`), slices (`slices.rs`), float min/max
//! (`float.rs`), complex numbers (`complex.rs`), interfaces (`iface.rs`), maps (`maps.rs`), `print` (`print.rs`) and package
//! unsafe (`unsafe_ops.rs`); globals and the checked `Load` are handled here.
//!
//! Invariant (kept by every family): an instruction that allocates does so before it reads
//! its pointer operands from the frame, so a collection triggered by the allocation cannot
//! leave it holding a stale address.

use crate::error::Trap;
use crate::frame::{rd, wr, Frame};
use crate::vm::Vm;
use gosub_bytecode::bytecode::Op;
use gosub_bytecode::program::Program;
use std::sync::Arc;

/// Executes one of the less frequent instructions; returns a jump target if it branches.
pub fn slow_op(vm: &mut Vm, prog: &Arc<Program>, op: &Op, fr: &Frame) -> Result<Option<u32>, Trap> {
    let fp = fr.fp;
    match *op {
        Op::Concat { .. }
        | Op::CmpStr { .. }
        | Op::StrIndex { .. }
        | Op::StrSlice { .. }
        | Op::StrRangeNext { .. } => crate::string_ops::exec(vm, op, fr)?,
        Op::RuneToStr { .. }
        | Op::BytesToStr { .. }
        | Op::StrToBytes { .. }
        | Op::StrBytesShared { .. }
        | Op::RunesToStr { .. }
        | Op::StrToRunes { .. }
        | Op::SliceToArray { .. } => crate::convert::exec(vm, op, fr)?,
        Op::MakeSlice { .. }
        | Op::SliceSlice { .. }
        | Op::SliceArray { .. }
        | Op::Append { .. }
        | Op::MoveToHeap { .. }
        | Op::AppendStr { .. }
        | Op::Copy { .. }
        | Op::ClearSlice { .. } => crate::slices::exec(vm, op, fr)?,
        Op::FMinMax { .. } => crate::float::exec(vm, op, fr)?,
        Op::Cplx { .. } | Op::NegCplx { .. } | Op::CmpCplx { .. } | Op::ConvCplx { .. } => {
            crate::complex::exec(vm, op, fr)?
        }
        Op::MakeIface { .. }
        | Op::IfaceStatic { .. }
        | Op::IfaceToIface { .. }
        | Op::AssertType { .. }
        | Op::IfaceType { .. }
        | Op::IfaceEq { .. }
        | Op::MemEq { .. } => crate::iface::exec(vm, prog, op, fr)?,
        Op::MakeMap { .. }
        | Op::MapGet { .. }
        | Op::MapSlot { .. }
        | Op::MapDelete { .. }
        | Op::MapLen { .. }
        | Op::MapClear { .. }
        | Op::MapIterInit { .. }
        | Op::MapIterNext { .. } => return crate::maps::exec(vm, prog, op, fr),
        Op::LoadGlobal { dst, off, size } => {
            // (The compiler sign-extends a narrow signed global: `place.rs`.)
            crate::frame::load_reg(
                vm,
                fp + dst as u64,
                vm.globals + off as u64,
                size as u64,
                None,
            )?;
        }
        Op::StoreGlobal { off, src, size, .. } => {
            vm.heap
                .copy(vm.globals + off as u64, fp + src as u64, size as usize)?;
        }
        Op::Print { .. } => crate::print::exec(vm, prog, op, fr)?,
        Op::NoteFrameAlloc { bytes } => crate::alloc_profile::frame_alloc(vm, bytes),
        Op::UintptrToPtr { .. } | Op::PtrToUintptr { .. } | Op::UnsafeSlice { .. } => {
            crate::unsafe_ops::exec(vm, op, fr)?
        }
        Op::Load { dst, ptr, off, w } => {
            let p = rd(vm, fr, ptr)?;
            let v = crate::access::load_w(vm, p + off as u64, w)?;
            wr(vm, fr, dst, v)?;
        }
        _ => {
            return Err(Trap::Fatal(format!(
                "instruction not implemented: {:?}",
                op
            )))
        }
    }
    Ok(None)
}
