//! `select`: every channel and sent value is evaluated once, in source order, before the
//! VM picks a ready case (`Op::Select`); the chosen case's received value and ok flag land
//! in slots reserved per case, and a chain of compares on the chosen index jumps to its body.

use crate::bytecode::{Op, Reg};
use crate::gen::{Gen, NONE};
use crate::layout::{Layout, PtrWords};
use gosub_syntax::ast::unparen;
use gosub_syntax::ast::{self, AssignOp, ExprKind, StmtKind};
use gosub_types::{self as types, TypeId, TypeKind};

impl<'a> Gen<'a> {
    /// `select`: one Select instruction chooses a case; a jump table runs its body.
    pub(crate) fn select(&mut self, clauses: &'a [ast::CommClause], label: Option<String>) {
        use crate::bytecode::SelectCase;
        let end = self.f().new_label();
        let chosen = self.f().alloc_slot(&Layout {
            size: 8,
            align: 8,
            ptr_words: PtrWords::new(),
        });
        let mut cases = Vec::new();
        let mut has_default = false;
        // Per clause: the case index and, for receives, where the value and ok landed.
        let mut recv_info: Vec<Option<SelectSlot>> = Vec::new();
        for c in clauses {
            let Some(comm) = &c.comm else {
                has_default = true;
                recv_info.push(None);
                continue;
            };
            match &comm.kind {
                StmtKind::Send { ch, value } => {
                    let et = match self.p.types.under(self.type_of(ch.id)) {
                        TypeKind::Chan(_, e) => *e,
                        _ => types::T_INVALID,
                    };
                    // gc's order (order.rs): the calls of both operands first.
                    let hoisted = self.hoist_calls(&[ch, value], &[None, Some(et)]);
                    let cr = self.expr(ch);
                    let ck = self.f().alloc_slot(&Layout {
                        size: 8,
                        align: 8,
                        ptr_words: PtrWords::from_slice(&[0]),
                    });
                    self.emit(Op::Move { dst: ck, src: cr });
                    let v = self.expr_conv(value, et);
                    self.unhoist(hoisted);
                    let el = self.layout(et);
                    let vk = self.f().alloc_slot(&el);
                    self.mov(vk, v, et);
                    recv_info.push(Some((cases.len(), NONE, None, et)));
                    cases.push(SelectCase {
                        send: true,
                        ch: ck,
                        val: vk,
                        ok: None,
                    });
                }
                _ => {
                    // A receive: `<-ch`, `v := <-ch`, `v, ok = <-ch`.
                    let (rx, want_ok) = match &comm.kind {
                        StmtKind::Expr(x) => (x, false),
                        StmtKind::Assign { lhs, rhs, .. } => match rhs.first() {
                            Some(r) => (r, lhs.len() > 1),
                            None => {
                                recv_info.push(None);
                                continue;
                            }
                        },
                        _ => {
                            recv_info.push(None);
                            continue;
                        }
                    };
                    let ExprKind::Unary {
                        op: ast::UnOp::Recv,
                        x: chx,
                    } = &unparen(rx).kind
                    else {
                        recv_info.push(None);
                        continue;
                    };
                    let et = match self.p.types.under(self.type_of(chx.id)) {
                        TypeKind::Chan(_, e) => *e,
                        _ => types::T_INVALID,
                    };
                    let cr = self.expr(chx);
                    let ck = self.f().alloc_slot(&Layout {
                        size: 8,
                        align: 8,
                        ptr_words: PtrWords::from_slice(&[0]),
                    });
                    self.emit(Op::Move { dst: ck, src: cr });
                    let el = self.layout(et);
                    let vk = self.f().alloc_slot(&el);
                    let okr = if want_ok {
                        Some(self.f().alloc_slot(&Layout {
                            size: 8,
                            align: 8,
                            ptr_words: PtrWords::new(),
                        }))
                    } else {
                        None
                    };
                    recv_info.push(Some((cases.len(), vk, okr, et)));
                    cases.push(SelectCase {
                        send: false,
                        ch: ck,
                        val: vk,
                        ok: okr,
                    });
                }
            }
        }
        self.emit(Op::Select {
            chosen,
            cases,
            has_default,
        });
        let bodies: Vec<_> = clauses.iter().map(|_| self.f().new_label()).collect();
        for (ci, c) in clauses.iter().enumerate() {
            let idx = match (&c.comm, &recv_info[ci]) {
                (None, _) => -1,
                (Some(_), Some((i, ..))) => *i as i64,
                (Some(_), None) => continue,
            };
            self.f().emit_jump(
                Op::JmpCmpImmNot {
                    op: crate::bytecode::CmpOp::Ne,
                    a: chosen,
                    imm: idx,
                    target: 0,
                },
                bodies[ci],
            );
        }
        self.f().emit_jump(Op::Jmp { target: 0 }, end);
        self.push_loop(label, end, None);
        for (ci, c) in clauses.iter().enumerate() {
            self.f().bind(bodies[ci]);
            let mark = self.f().temp_mark();
            if let (Some(comm), Some((_, vk, okr, et))) = (&c.comm, &recv_info[ci]) {
                if let StmtKind::Assign { lhs, op, .. } = &comm.kind {
                    let define = *op == AssignOp::Define;
                    if let Some(x) = lhs.first() {
                        self.assign_received(x, define, *vk, *et);
                    }
                    if let (Some(x), Some(o)) = (lhs.get(1), okr) {
                        self.assign_received(x, define, *o, types::T_BOOL);
                    }
                }
            }
            self.block(&c.body);
            self.f().release_temps(mark);
            self.f().emit_jump(Op::Jmp { target: 0 }, end);
        }
        self.fs().loops.pop();
        self.f().bind(end);
    }
}

/// Per select clause: the case index and where a received value and ok flag land.
pub(crate) type SelectSlot = (usize, Reg, Option<Reg>, TypeId);
