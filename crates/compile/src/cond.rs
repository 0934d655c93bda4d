//! Conditions compiled to jumps: `if`, `for` and `&&`/`||` test a boolean expression by
//! branching on it, fusing a comparison with its branch where the operands are integers
//! (`JmpCmpNot`, either sense) or float64s (`JmpCmpF64Not`, only to jump when the
//! comparison fails: a negated float comparison is not the comparison of the negated
//! operator, because of NaN), and never materializing what is known at compile time.
//!
//! Invariants:
//! - `cond_jump(c, l, when)` emits code that evaluates `c` exactly as an expression would
//!   (operands left to right, `&&`/`||` short-circuit) and jumps to `l` iff `c == when`.
//! - `known_bool` only folds what needs no evaluation: constants, `v == v`/`v != v` of a
//!   variable with no NaN, `!` of a known value, and `&&`/`||` whose left operand decides
//!   (a right operand known alone does not fold: the left one must still run), and an
//!   inlinable call of variables and constants whose body is known.
//! - A call of an inlinable function is tested through its inlined body (inline.rs).
//! - A comparison with `nil` branches on the other operand's first word against 0.

use crate::bytecode::{CmpOp, Op};
use crate::frame::Label;
use crate::gen::Gen;
use crate::ops::cmp_op;
use gosub_syntax::ast::{unparen, BinOp, Expr, ExprKind, UnOp};
use gosub_types::{BasicKind, ConstValue};

impl<'a> Gen<'a> {
    /// Jumps to `l` when `cond` is false.
    pub fn cond_jump_false(&mut self, cond: &'a Expr, l: Label) {
        self.cond_jump(cond, l, false);
    }

    /// Jumps to `l` when `cond` evaluates to `when`.
    pub fn cond_jump(&mut self, cond: &'a Expr, l: Label, when: bool) {
        if let Some(b) = self.known_bool(cond) {
            if b == when {
                self.f().emit_jump(Op::Jmp { target: 0 }, l);
            }
            return;
        }
        let c = unparen(cond);
        match &c.kind {
            ExprKind::Unary { op: UnOp::Not, x } => return self.cond_jump(x, l, !when),
            ExprKind::Binary {
                op: op @ (BinOp::LAnd | BinOp::LOr),
                x,
                y,
            } => {
                // `x && y` is false when x is; `x || y` is true when x is.
                let decides = *op == BinOp::LOr;
                if self.known_bool(x) == Some(!decides) {
                    return self.cond_jump(y, l, when); // the left operand never decides
                }
                if when == decides {
                    self.cond_jump(x, l, when);
                    self.cond_jump(y, l, when);
                } else {
                    let skip = self.f().new_label();
                    self.cond_jump(x, skip, decides);
                    self.cond_jump(y, l, when);
                    self.f().bind(skip);
                }
                return;
            }
            ExprKind::Binary {
                op: op @ (BinOp::Eq | BinOp::Ne),
                x,
                y,
            } if self.compared_with_nil(x, y).is_some() => {
                // `v == nil`: v's first word against 0 (ops.rs `compared_with_nil`).
                let v = self.compared_with_nil(x, y).unwrap_or(x);
                let a = self.expr(v);
                let cop = if (*op == BinOp::Eq) == when {
                    CmpOp::Ne
                } else {
                    CmpOp::Eq
                };
                let jump = Op::JmpCmpImmNot {
                    op: cop,
                    a,
                    imm: 0,
                    target: 0,
                };
                self.f().emit_jump(jump, l);
                return;
            }
            ExprKind::Binary { op, x, y }
                if is_comparison(*op) && self.int_cond_jump(*op, x, y, l, when) =>
            {
                return;
            }
            ExprKind::Binary { op, x, y }
                if is_comparison(*op) && !when && self.float_cond_jump(*op, x, y, l) =>
            {
                return;
            }
            ExprKind::Call {
                fun,
                args,
                ellipsis,
                ..
            } if !self.p.info.conversions.contains_key(&c.id) => {
                if let Some(o) = self.static_callee(fun) {
                    let inlined = self
                        .with_inlined(o, args, *ellipsis, |g, body, _| g.cond_jump(body, l, when));
                    if inlined.is_some() {
                        return;
                    }
                }
            }
            _ => {}
        }
        let r = self.expr(cond);
        let op = if when {
            Op::JmpIf { cond: r, target: 0 }
        } else {
            Op::JmpIfNot { cond: r, target: 0 }
        };
        self.f().emit_jump(op, l);
    }

    /// A comparison of two integers as one fused compare-and-branch; false (nothing
    /// emitted) for other operands.
    fn int_cond_jump(&mut self, op: BinOp, x: &'a Expr, y: &'a Expr, l: Label, when: bool) -> bool {
        let xt = self.type_of(x.id);
        let Some(k) = self.p.types.basic(xt) else {
            return false;
        };
        if !k.is_integer() || self.p.types.is_interface(self.type_of(y.id)) {
            return false;
        }
        // JmpCmpNot jumps when the comparison fails: to jump when it holds, negate it
        // (exact for integers).
        let cop = cmp_op(op, k.is_unsigned());
        let cop = if when { cop.negated_int() } else { cop };
        let a = self.expr(x);
        if let Some(ConstValue::Int(v)) = self.p.info.consts.get(&y.id) {
            if let Ok(imm) = i64::try_from(*v) {
                let jump = Op::JmpCmpImmNot {
                    op: cop,
                    a,
                    imm,
                    target: 0,
                };
                self.f().emit_jump(jump, l);
                return true;
            }
        }
        let b = self.expr(y);
        let jump = Op::JmpCmpNot {
            op: cop,
            a,
            b,
            target: 0,
        };
        self.f().emit_jump(jump, l);
        true
    }

    /// A comparison of two float64 values as one fused compare-and-branch that jumps to `l`
    /// when it fails (NaN included); false (nothing emitted) for other operands.
    fn float_cond_jump(&mut self, op: BinOp, x: &'a Expr, y: &'a Expr, l: Label) -> bool {
        let float64 = |g: &Self, e: &Expr| {
            let t = g.type_of(e.id);
            matches!(g.p.types.basic(t), Some(BasicKind::Float64))
        };
        if !float64(self, x) || !float64(self, y) {
            return false;
        }
        let a = self.expr(x);
        let b = self.expr(y);
        let jump = Op::JmpCmpF64Not {
            op: cmp_op(op, false),
            a,
            b,
            target: 0,
        };
        self.f().emit_jump(jump, l);
        true
    }

    /// The value of boolean expression `e` when it is known without evaluating anything
    /// (see the header).
    pub(crate) fn known_bool(&mut self, e: &'a Expr) -> Option<bool> {
        if let Some(cv) = self.p.info.consts.get(&e.id) {
            return match cv {
                ConstValue::Bool(b) => Some(*b),
                _ => None,
            };
        }
        match &e.kind {
            ExprKind::Paren(x) => self.known_bool(x),
            ExprKind::Unary { op: UnOp::Not, x } => self.known_bool(x).map(|b| !b),
            ExprKind::Binary { op, x, y } => self.known_binary(*op, x, y),
            // An inlinable call whose arguments are variables or constants (nothing to
            // evaluate, nothing that can panic) is known when its body is.
            ExprKind::Call {
                fun,
                args,
                ellipsis: false,
                ..
            } => {
                let plain = |g: &Self, a: &Expr| {
                    g.p.info.consts.contains_key(&a.id) || matches!(a.kind, ExprKind::Ident(_))
                };
                if !args.iter().all(|a| plain(self, a)) {
                    return None;
                }
                let body = self.inline_body(self.static_callee(fun)?)?;
                self.known_bool(body)
            }
            _ => None,
        }
    }

    /// `known_bool` of the binary expression `x op y`.
    pub(crate) fn known_binary(&mut self, op: BinOp, x: &'a Expr, y: &'a Expr) -> Option<bool> {
        match op {
            BinOp::LAnd => match self.known_bool(x)? {
                false => Some(false),
                true => self.known_bool(y),
            },
            BinOp::LOr => match self.known_bool(x)? {
                true => Some(true),
                false => self.known_bool(y),
            },
            _ => self.self_comparison(op, x, y),
        }
    }
}

fn is_comparison(op: BinOp) -> bool {
    matches!(
        op,
        BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge
    )
}
