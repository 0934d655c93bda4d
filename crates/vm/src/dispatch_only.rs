//! The instructions the inner loop (`fast_loop.rs`) leaves to the dispatch loop
//! (`interp.rs`) whatever their operands, as one pattern.
//!
//! Invariant: with the inner loop's own arms, this pattern covers every `Op`, so its
//! `match` needs no fallback arm: the jump table then covers every opcode and the dispatch
//! needs no range check before it (a `_` arm cost two instructions per instruction run).
//! An instruction the inner loop learns to run leaves this list (the compiler reports
//! an arm listed twice as unreachable, and a missing one as a non-exhaustive match).
//! `Conv` and `Append` are here too: the inner loop runs some of their forms.

/// The pattern of the instructions in this module's list.
macro_rules! dispatch_only {
    () => {
        Op::AddrGlobal { .. }
            | Op::BoundsCheck { .. }
            | Op::BytesToStr { .. }
            | Op::CallNative { .. }
            | Op::ChanClose { .. }
            | Op::ChanLen { .. }
            | Op::ChanRecv { .. }
            | Op::ChanSend { .. }
            | Op::CheckShift { .. }
            | Op::ClearSlice { .. }
            | Op::CmpCplx { .. }
            | Op::CmpF32 { .. }
            | Op::CmpStr { .. }
            | Op::Concat { .. }
            | Op::ConvCplx { .. }
            | Op::Cplx { .. }
            | Op::Defer { .. }
            | Op::DeferToken { .. }
            | Op::F32 { .. }
            | Op::FMinMax { .. }
            | Op::FuncVal { .. }
            | Op::Go { .. }
            | Op::IfaceEq { .. }
            | Op::IfaceStatic { .. }
            | Op::KeepAlive { .. }
            | Op::LoadGlobal { .. }
            | Op::MakeChan { .. }
            | Op::MakeClosure { .. }
            | Op::MakeIface { .. }
            | Op::MakeMap { .. }
            | Op::MakeSlice { .. }
            | Op::MapClear { .. }
            | Op::MapDelete { .. }
            | Op::MapGet { .. }
            | Op::MapIterInit { .. }
            | Op::MapIterNext { .. }
            | Op::MapLen { .. }
            | Op::MapSlot { .. }
            | Op::MemEq { .. }
            | Op::MoveToHeap { .. }
            | Op::NegCplx { .. }
            | Op::NegF32 { .. }
            | Op::NoteFrameAlloc { .. }
            | Op::Panic { .. }
            | Op::PanicMsg { .. }
            | Op::Print { .. }
            | Op::PtrToUintptr { .. }
            | Op::Recover { .. }
            | Op::RuneToStr { .. }
            | Op::RunesToStr { .. }
            | Op::Select { .. }
            | Op::SliceArray { .. }
            | Op::SliceSlice { .. }
            | Op::SliceToArray { .. }
            | Op::StoreGlobal { .. }
            | Op::StoreNarrow { .. }
            | Op::StorePtr { .. }
            | Op::StrBytesShared { .. }
            | Op::StrRangeNext { .. }
            | Op::StrToBytes { .. }
            | Op::StrToRunes { .. }
            | Op::UintptrToPtr { .. }
            | Op::Unreachable
            | Op::UnsafeSlice { .. }
            | Op::Conv { .. }
            | Op::Append { .. }
    };
}

pub(crate) use dispatch_only;
