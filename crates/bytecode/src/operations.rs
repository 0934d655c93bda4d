//! The operations instructions carry: operand widths (`Width`, with Go's canonical
//! register form of narrow integers: `bytecode.rs`), integer and float operations,
//! comparisons and numeric conversions. The interpreter's meaning of each is in
//! `gosub_vm::arith` (integers) and the dispatch loop.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Width {
    I8,
    I16,
    I32,
    U8,
    U16,
    U32,
    W64,
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
