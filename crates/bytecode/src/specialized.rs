//! Specialised instructions: the commonest cases of the instructions that carry an
//! operation (`Int`, `IntImm`, `F64`, `JmpCmpNot`, `JmpCmpImmNot`, `JmpCmpF64Not`) as opcodes of their own,
//! so that the interpreter's dispatch loop branches once on them instead of twice (on the
//! instruction, then on its operation).
//!
//! Invariants:
//! - Every specialised instruction means exactly its generic form: `op.generic()`, an
//!   instruction with the same operands, the same effects on the frame and the same
//!   control flow. Every pass that reasons about instructions (effects, liveness,
//!   verification) reads a specialised one through `generic`, so a specialised form can
//!   never be treated more loosely than what it stands for.
//! - `specialize` is the inverse: `specialize(g)` is `Some(s)` only when
//!   `s.generic() == Some(g)`. The compiler applies it as its last step
//!   (`specialize_code`), after the passes that rewrite instructions (copy propagation,
//!   coalescing), which therefore see only generic forms.
//! - Integer compare-and-branch forms are signed; the jump-if-not forms of the generic
//!   instructions become jump-if of the negated comparison, which for integers is exact.

use crate::bytecode::{CmpOp, FloatOp, IntOp, Op};

impl Op {
    /// The generic instruction a specialised one stands for; `None` for an instruction
    /// that is not specialised.
    pub fn generic(&self) -> Option<Op> {
        use Op::*;
        // The commonest generic instructions, answered without trying every specialised
        // and fused form (the middle end, which sees only generic forms, asks for each
        // instruction's effects several times). Listing one here that is not generic would
        // be wrong; leaving one out only costs time.
        if matches!(
            self,
            Const { .. }
                | Move { .. }
                | MoveN { .. }
                | Zero { .. }
                | Str { .. }
                | Int { .. }
                | IntImm { .. }
                | Cmp { .. }
                | CmpImm { .. }
                | F64 { .. }
                | Jmp { .. }
                | JmpIf { .. }
                | JmpIfNot { .. }
                | JmpCmpNot { .. }
                | JmpCmpImmNot { .. }
                | JmpCmpF64Not { .. }
                | Call { .. }
                | CallClosure { .. }
                | CallIface { .. }
                | Ret
                | Load { .. }
                | LoadN { .. }
                | Store { .. }
                | StoreN { .. }
                | FieldAddr { .. }
                | NilCheck { .. }
                | LoadElem { .. }
                | StoreElem { .. }
                | SliceElemAddr { .. }
                | MakeIface { .. }
                | LoadGlobal { .. }
                | StoreGlobal { .. }
                | AddrLocal { .. }
                | New { .. }
        ) {
            return None;
        }
        // A fused instruction means its first half here (fused.rs).
        if let Some(g) = crate::fused::first_half(self) {
            return Some(g);
        }
        let jump = |op: CmpOp, a, b, target| JmpCmpNot { op, a, b, target };
        let jump_imm = |op: CmpOp, a, imm, target| JmpCmpImmNot { op, a, imm, target };
        let jump_f = |op: CmpOp, a, b, target| JmpCmpF64Not { op, a, b, target };
        Some(match *self {
            AddInt { dst, a, b } => Int {
                op: IntOp::Add,
                dst,
                a,
                b,
            },
            SubInt { dst, a, b } => Int {
                op: IntOp::Sub,
                dst,
                a,
                b,
            },
            MulInt { dst, a, b } => Int {
                op: IntOp::Mul,
                dst,
                a,
                b,
            },
            AddIntImm { dst, a, imm } => IntImm {
                op: IntOp::Add,
                dst,
                a,
                imm,
            },
            AddF64 { dst, a, b } => F64 {
                op: FloatOp::Add,
                dst,
                a,
                b,
            },
            SubF64 { dst, a, b } => F64 {
                op: FloatOp::Sub,
                dst,
                a,
                b,
            },
            MulF64 { dst, a, b } => F64 {
                op: FloatOp::Mul,
                dst,
                a,
                b,
            },
            DivF64 { dst, a, b } => F64 {
                op: FloatOp::Div,
                dst,
                a,
                b,
            },
            // Jump if a < b: jump if not a >= b.
            JmpLt { a, b, target } => jump(CmpOp::Ge, a, b, target),
            JmpLe { a, b, target } => jump(CmpOp::Gt, a, b, target),
            JmpGt { a, b, target } => jump(CmpOp::Le, a, b, target),
            JmpGe { a, b, target } => jump(CmpOp::Lt, a, b, target),
            JmpEq { a, b, target } => jump(CmpOp::Ne, a, b, target),
            JmpNe { a, b, target } => jump(CmpOp::Eq, a, b, target),
            JmpLtImm { a, imm, target } => jump_imm(CmpOp::Ge, a, imm, target),
            JmpLeImm { a, imm, target } => jump_imm(CmpOp::Gt, a, imm, target),
            JmpGtImm { a, imm, target } => jump_imm(CmpOp::Le, a, imm, target),
            JmpGeImm { a, imm, target } => jump_imm(CmpOp::Lt, a, imm, target),
            JmpEqImm { a, imm, target } => jump_imm(CmpOp::Ne, a, imm, target),
            JmpNeImm { a, imm, target } => jump_imm(CmpOp::Eq, a, imm, target),
            // Floats: jump-if-not of the same comparison (negating it would be wrong for NaN).
            JmpNotLtF64 { a, b, target } => jump_f(CmpOp::Lt, a, b, target),
            JmpNotLeF64 { a, b, target } => jump_f(CmpOp::Le, a, b, target),
            JmpNotGtF64 { a, b, target } => jump_f(CmpOp::Gt, a, b, target),
            JmpNotGeF64 { a, b, target } => jump_f(CmpOp::Ge, a, b, target),
            // Not made by `specialize`: see in_place.rs.
            CallInPlace { func, base } => Call { func, base },
            _ => return None,
        })
    }
}

/// The specialised form of `op`, if it has one.
pub fn specialize(op: &Op) -> Option<Op> {
    use Op::*;
    Some(match *op {
        Int { op, dst, a, b } => match op {
            IntOp::Add => AddInt { dst, a, b },
            IntOp::Sub => SubInt { dst, a, b },
            IntOp::Mul => MulInt { dst, a, b },
            _ => return None,
        },
        IntImm { op, dst, a, imm } => match op {
            IntOp::Add => AddIntImm { dst, a, imm },
            IntOp::Sub => AddIntImm {
                dst,
                a,
                imm: imm.wrapping_neg(),
            },
            _ => return None,
        },
        F64 { op, dst, a, b } => match op {
            FloatOp::Add => AddF64 { dst, a, b },
            FloatOp::Sub => SubF64 { dst, a, b },
            FloatOp::Mul => MulF64 { dst, a, b },
            FloatOp::Div => DivF64 { dst, a, b },
        },
        JmpCmpNot { op, a, b, target } => match op {
            CmpOp::Ge => JmpLt { a, b, target },
            CmpOp::Gt => JmpLe { a, b, target },
            CmpOp::Le => JmpGt { a, b, target },
            CmpOp::Lt => JmpGe { a, b, target },
            CmpOp::Ne => JmpEq { a, b, target },
            CmpOp::Eq => JmpNe { a, b, target },
            _ => return None,
        },
        JmpCmpF64Not { op, a, b, target } => match op {
            CmpOp::Lt => JmpNotLtF64 { a, b, target },
            CmpOp::Le => JmpNotLeF64 { a, b, target },
            CmpOp::Gt => JmpNotGtF64 { a, b, target },
            CmpOp::Ge => JmpNotGeF64 { a, b, target },
            _ => return None,
        },
        JmpCmpImmNot { op, a, imm, target } => match op {
            CmpOp::Ge => JmpLtImm { a, imm, target },
            CmpOp::Gt => JmpLeImm { a, imm, target },
            CmpOp::Le => JmpGtImm { a, imm, target },
            CmpOp::Lt => JmpGeImm { a, imm, target },
            CmpOp::Ne => JmpEqImm { a, imm, target },
            CmpOp::Eq => JmpNeImm { a, imm, target },
            _ => return None,
        },
        _ => return None,
    })
}

/// Replaces every instruction of `code` that has a specialised form by that form.
pub fn specialize_code(code: &mut [Op]) {
    for op in code {
        if let Some(s) = specialize(op) {
            *op = s;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specialised_forms_round_trip_through_their_generic_forms() {
        let ints = [IntOp::Add, IntOp::Sub, IntOp::Mul, IntOp::Div, IntOp::Shl];
        let floats = [FloatOp::Add, FloatOp::Sub, FloatOp::Mul, FloatOp::Div];
        let cmps = [
            CmpOp::Eq,
            CmpOp::Ne,
            CmpOp::Lt,
            CmpOp::Le,
            CmpOp::Gt,
            CmpOp::Ge,
            CmpOp::LtU,
            CmpOp::GeU,
        ];
        let mut generic = vec![];
        for op in ints {
            generic.push(Op::Int {
                op,
                dst: 1,
                a: 2,
                b: 3,
            });
            generic.push(Op::IntImm {
                op,
                dst: 1,
                a: 2,
                imm: -7,
            });
        }
        for op in floats {
            generic.push(Op::F64 {
                op,
                dst: 1,
                a: 2,
                b: 3,
            });
        }
        for op in cmps {
            generic.push(Op::JmpCmpNot {
                op,
                a: 2,
                b: 3,
                target: 9,
            });
            generic.push(Op::JmpCmpImmNot {
                op,
                a: 2,
                imm: 5,
                target: 9,
            });
            generic.push(Op::JmpCmpF64Not {
                op,
                a: 2,
                b: 3,
                target: 9,
            });
        }
        let mut specialised = 0;
        for g in &generic {
            assert_eq!(g.generic(), None, "{g:?} is generic");
            let Some(s) = specialize(g) else { continue };
            specialised += 1;
            let back = s.generic().expect("a specialised form has a generic form");
            // `Sub` by an immediate comes back as `Add` of its negation.
            if let Op::IntImm {
                op: IntOp::Sub,
                dst,
                a,
                imm,
            } = *g
            {
                assert_eq!(
                    back,
                    Op::IntImm {
                        op: IntOp::Add,
                        dst,
                        a,
                        imm: -imm
                    }
                );
            } else {
                assert_eq!(&back, g);
            }
            assert_eq!(s.jump_target(), g.jump_target());
        }
        // Add/Sub/Mul, immediate Add/Sub, four float operations, six signed comparisons
        // in each of the two integer branch forms, four orderings of the float one.
        assert_eq!(specialised, 3 + 2 + 4 + 6 + 6 + 4);
        assert_eq!(
            specialize(&Op::IntImm {
                op: IntOp::Sub,
                dst: 0,
                a: 0,
                imm: i64::MIN
            }),
            Some(Op::AddIntImm {
                dst: 0,
                a: 0,
                imm: i64::MIN
            })
        );
    }
}
