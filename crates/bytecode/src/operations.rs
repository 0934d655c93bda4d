//! The operations instructions carry: operand widths (`Width`, with Go's canonical
//! register form of narrow integers: `bytecode.rs`), integer and float operations,
//! comparisons and numeric conversions; which runtime panic a check raises
//! (`BoundsKind`), how an interface's data word is made (`BoxKind`), a `select` case. The
//! interpreter's meaning of each is in `gosub_vm::arith` (integers) and the dispatch loop.

use crate::bytecode::Reg;

/// (`W64` first: the interpreter's word arms then test for it with one compare.)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Width {
    W64,
    I8,
    I16,
    I32,
    U8,
    U16,
    U32,
}

impl Width {
    pub fn bytes(self) -> u32 {
        match self {
            Width::I8 | Width::U8 => 1,
            Width::I16 | Width::U16 => 2,
            Width::I32 | Width::U32 => 4,
            Width::W64 => 8,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntOp {
    Add,
    Sub,
    Mul,
    /// Signed division (traps on zero; MinInt / -1 wraps).
    Div,
    DivU,
    Rem,
    RemU,
    And,
    Or,
    Xor,
    AndNot,
    /// Shift counts are unsigned 64-bit; a negative signed count is checked separately.
    Shl,
    Shr,
    ShrU,
    /// Signed division by 2^b, rounding toward zero as `Div` does, for an immediate b in
    /// 1..=62 (a strength-reduced division by a constant).
    DivPow2,
    /// The remainder of `DivPow2` (the sign of the dividend, as `Rem`).
    RemPow2,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    LtU,
    LeU,
    GtU,
    GeU,
}

impl CmpOp {
    /// The comparison of integers that holds exactly when this one fails (for floats
    /// there is none: NaN fails both `<` and `>=`).
    pub fn negated_int(self) -> CmpOp {
        use CmpOp::*;
        match self {
            Eq => Ne,
            Ne => Eq,
            Lt => Ge,
            Le => Gt,
            Gt => Le,
            Ge => Lt,
            LtU => GeU,
            LeU => GtU,
            GtU => LeU,
            GeU => LtU,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatOp {
    Add,
    Sub,
    Mul,
    Div,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conv {
    IntToF64,
    UintToF64,
    IntToF32,
    UintToF32,
    F64ToInt,
    F64ToUint,
    F32ToInt,
    F32ToUint,
    F64ToF32,
    F32ToF64,
}

/// Which runtime panic a check raises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoundsKind {
    Index,
    SliceAlen,
    SliceAcap,
    SliceB,
    Slice3Alen,
    Slice3Acap,
    Slice3B,
    Slice3C,
}

/// How `MakeIface` makes an interface's data word, as gc's `walk.dataWord` and the
/// runtime's `convT*` functions decide, so that a conversion allocates exactly when Go's
/// does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoxKind {
    /// A pointer-shaped value: it is the data word.
    Direct,
    /// A zero-size value: the data word is `zerobase`.
    Zero,
    /// A 1-byte value, or a 2-, 4- or 8-byte value without pointers aligned to its size
    /// (`convT16`/`convT32`/`convT64`): values below 256 point into the runtime's
    /// `staticuint64s` table, others are boxed on the heap.
    Small,
    /// A string (or a type whose sole component is one, `convTstring`): "" points to the
    /// zero value, others are boxed on the heap.
    String,
    /// A slice (or a type whose sole component is one, `convTslice`): a nil slice points
    /// to the zero value, others are boxed on the heap.
    Slice,
    /// Anything else: boxed on the heap.
    Heap,
}

/// One case of a `select`: a send of the value at `val`, or a receive into `val` (u32::MAX
/// to discard) with an optional ok flag.
#[derive(Clone, Debug, PartialEq)]
pub struct SelectCase {
    pub send: bool,
    pub ch: Reg,
    pub val: Reg,
    pub ok: Option<Reg>,
}
