//! What the range-over-func lowering (`gosub_types`' `rangefunc.rs`, which owns the rewrite)
//! leaves to the compiler: gc's two runtime helpers, the `defer` of a loop body, and the
//! names of body closures.
//!
//! Invariants: `runtime.panicrangestate(s)` raises Go's run-time error for state `s` with
//! the text of Go's runtime/panic.go; `runtime.deferrangefunc()` is a token for the calling
//! frame's defer-list slot, its offset in the goroutine's stack (`Op::DeferToken`: it stays
//! valid when the stack moves, and the lowering's state checks stop a body from running
//! once the loop's function has returned), so a `defer` in a loop body
//! (`Info::rangefunc.defer_at`) links its record into that function's list.

use crate::builtins::BuiltinCall;
use crate::bytecode::{CmpOp, Op, Reg};
use crate::gen::Gen;
use gosub_syntax::ast::{Expr, NodeId};

/// Go's messages for the states of gc's `abi.RF_State` (runtime/panic.go's
/// `rangeDoneError` & co.); the run-time error adds `runtime error: `.
const RANGE_STATE_MESSAGES: [(i64, &str); 4] = [
    (
        0,
        "range function continued iteration after function for loop body returned false",
    ),
    (
        2,
        "range function continued iteration after loop body panic",
    ),
    (
        3,
        "range function continued iteration after whole loop exit",
    ),
    (
        4,
        "range function recovered a loop body panic and did not resume panicking",
    ),
];

impl<'a> Gen<'a> {
    /// `runtime.panicrangestate(state)`: a constant state is one `PanicMsg`; a variable one
    /// (a body's entry check) picks the message by value.
    pub(crate) fn panic_range_state(&mut self, c: BuiltinCall<'a>) {
        let Some(x) = c.args.first() else { return };
        let pos = c.e.span.lo;
        if let Some(gosub_types::ConstValue::Int(v)) = self.p.info.consts.get(&x.id) {
            let v = *v as i64;
            self.fs().f.cur_pos = pos;
            self.range_state_msg(v);
            return;
        }
        let r = self.expr(x);
        self.fs().f.cur_pos = pos;
        for (state, _) in RANGE_STATE_MESSAGES {
            let next = self.f().new_label();
            self.f().emit_jump(
                Op::JmpCmpImmNot {
                    op: CmpOp::Eq,
                    a: r,
                    imm: state,
                    target: 0,
                },
                next,
            );
            self.range_state_msg(state);
            self.f().bind(next);
        }
        // runtime.panicrangestate's throw("unexpected state passed to panicrangestate").
        self.emit(Op::Unreachable);
    }

    fn range_state_msg(&mut self, state: i64) {
        match RANGE_STATE_MESSAGES.iter().find(|(s, _)| *s == state) {
            Some((_, m)) => {
                let msg = self.message(m);
                self.emit(Op::PanicMsg { msg });
            }
            None => {
                self.emit(Op::Unreachable);
            }
        }
    }

    /// `runtime.deferrangefunc()`: this frame's defer-list slot, as a token that stays valid
    /// when the stack moves (`Op::DeferToken`; the frame has one: `frame::has_defer`).
    pub(crate) fn defer_range_func(&mut self, c: BuiltinCall<'a>) {
        let Some(slot) = self.fs().defer_off else {
            self.err(
                c.e.span,
                "gosub: internal error: no defer list for a loop body's defer",
            );
            return;
        };
        let dst = if c.dst == crate::gen::NONE {
            self.temp_word(false)
        } else {
            c.dst
        };
        self.emit(Op::DeferToken { dst, slot });
    }

    /// The register holding the defer-list token a `defer e` of a loop body adds to, or
    /// `NONE` for an ordinary `defer` (this frame's list).
    pub(crate) fn defer_list(&mut self, e: &'a Expr) -> Reg {
        let Some(&tok) = self.p.info.rangefunc.defer_at.get(&e.id) else {
            return crate::gen::NONE;
        };
        let t = self.p.obj(tok).ty;
        let pl = self.var_place(tok);
        let v = self.load_place(pl, t);
        let keep = self.temp_word(false);
        self.emit(Op::Move { dst: keep, src: v });
        keep
    }

    /// gc's name of a loop body's closure, `PARENT-rangeN`, when literal `id` is one. It is
    /// written in its parent's code or in another body of the same parent, so the parent's
    /// name is the current function's without a `-rangeK` (no Go name has a `-`).
    pub(crate) fn range_body_name(&mut self, id: NodeId) -> Option<String> {
        let b = *self.p.info.rangefunc.bodies.get(&id)?;
        let cur = self.fs().name.clone();
        let parent = cur.split_once("-range").map_or(cur.as_str(), |(p, _)| p);
        Some(format!("{}-range{}", parent, b.index))
    }
}
