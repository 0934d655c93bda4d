//! Expression switches (cases compared in source order with Go's `==`, `fallthrough`) and
//! type switches (by rtype identity, interfaces by method set; the case variable takes the
//! case's type, or the switched value's type in multi-type and default cases).

use crate::bytecode::{Op, Reg};
use crate::gen::Gen;
use crate::layout::{Layout, PtrWords};
use gosub_syntax::ast::unparen;
use gosub_syntax::ast::{self, Expr, ExprKind, Stmt};
use gosub_types::{self as types, BasicKind, TypeId, TypeKind};

impl<'a> Gen<'a> {
    pub(crate) fn switch(
        &mut self,
        init: &'a Option<Box<Stmt>>,
        tag: &'a Option<Expr>,
        clauses: &'a [ast::CaseClause],
        label: Option<String>,
    ) {
        if let Some(i) = init {
            self.stmt(i);
        }
        let end = self.f().new_label();
        let tag_reg = tag.as_ref().map(|t| {
            let tt = self.default_type(self.type_of(t.id));
            // gc's order (order.rs): the tag's calls first, as each case's below.
            let hoisted = self.hoist_calls(&[t], &[None]);
            let r = self.expr(t);
            let l = self.layout(tt);
            let keep = self.f().alloc_slot(&l);
            self.mov(keep, r, tt);
            self.unhoist(hoisted);
            (keep, tt)
        });
        let bodies: Vec<_> = clauses.iter().map(|_| self.f().new_label()).collect();
        let mut default = None;
        for (ci, c) in clauses.iter().enumerate() {
            let Some(es) = &c.exprs else {
                default = Some(ci);
                continue;
            };
            for e in es {
                let mark = self.f().temp_mark();
                self.fs().f.cur_pos = e.span.lo;
                let hoisted = self.hoist_calls(&[e], &[None]);
                match tag_reg {
                    Some((tr, tt)) => {
                        let et = self.type_of(e.id);
                        let c = self.eq_values(tr, tt, e, et);
                        self.f()
                            .emit_jump(Op::JmpIf { cond: c, target: 0 }, bodies[ci]);
                    }
                    None => {
                        let r = self.expr(e);
                        self.f()
                            .emit_jump(Op::JmpIf { cond: r, target: 0 }, bodies[ci]);
                    }
                }
                self.unhoist(hoisted);
                self.f().release_temps(mark);
            }
        }
        match default {
            Some(d) => self.f().emit_jump(Op::Jmp { target: 0 }, bodies[d]),
            None => self.f().emit_jump(Op::Jmp { target: 0 }, end),
        };
        self.push_loop(label, end, None);
        // (A switch nested in a case body puts back the enclosing case's target, which
        // that body's own `fallthrough` may come after.)
        let enclosing = self.fs().fallthrough;
        for (ci, c) in clauses.iter().enumerate() {
            self.f().bind(bodies[ci]);
            let next = bodies.get(ci + 1).copied();
            self.fs().fallthrough = next;
            self.block(&c.body);
            self.f().emit_jump(Op::Jmp { target: 0 }, end);
        }
        self.fs().fallthrough = enclosing;
        self.fs().loops.pop();
        self.f().bind(end);
    }

    /// `tag == e` for a switch case.
    pub(crate) fn eq_values(&mut self, tr: Reg, tt: TypeId, e: &'a Expr, et: TypeId) -> Reg {
        let dst = self.temp(types::T_BOOL);
        let ti = self.p.types.is_interface(tt);
        let ei = self.p.types.is_interface(et);
        if ti || ei {
            let it = if ti { tt } else { et };
            let a = self.convert(tr, tt, it);
            let b = self.expr_conv(e, it);
            self.emit(Op::IfaceEq {
                dst,
                a,
                b,
                ne: false,
            });
            return dst;
        }
        let b = self.expr(e);
        match self.p.types.under(tt).clone() {
            TypeKind::Basic(k) => {
                if matches!(k, BasicKind::String) {
                    self.emit(Op::CmpStr {
                        op: crate::bytecode::CmpOp::Eq,
                        dst,
                        a: tr,
                        b,
                    });
                } else if self.complex_kind(tt).is_some() {
                    self.complex_eq(tt, tr, b, false, dst);
                } else if k == BasicKind::Float64 {
                    self.emit(Op::CmpF64 {
                        op: crate::bytecode::CmpOp::Eq,
                        dst,
                        a: tr,
                        b,
                    });
                } else if k == BasicKind::Float32 {
                    self.emit(Op::CmpF32 {
                        op: crate::bytecode::CmpOp::Eq,
                        dst,
                        a: tr,
                        b,
                    });
                } else {
                    self.emit(Op::Cmp {
                        op: crate::bytecode::CmpOp::Eq,
                        dst,
                        a: tr,
                        b,
                    });
                }
            }
            TypeKind::Struct(_) | TypeKind::Array(..) => {
                self.emit(Op::MemEq {
                    dst,
                    a: tr,
                    b,
                    rtype: tt.0,
                    ne: false,
                });
            }
            _ => {
                self.emit(Op::Cmp {
                    op: crate::bytecode::CmpOp::Eq,
                    dst,
                    a: tr,
                    b,
                });
            }
        }
        dst
    }

    pub(crate) fn type_switch(
        &mut self,
        init: &'a Option<Box<Stmt>>,
        bind: &'a Option<ast::Ident>,
        x: &'a Expr,
        clauses: &'a [ast::CaseClause],
        label: Option<String>,
    ) {
        if let Some(i) = init {
            self.stmt(i);
        }
        let end = self.f().new_label();
        let xt = self.type_of(x.id);
        // The operand's register itself (a variable's, or a temporary holding the value):
        // it is read only by the tests and the clauses' bindings, before any clause's
        // statements run, so nothing can change it in between.
        let xv = self.expr(x);
        let dyn_t = self.f().alloc_slot(&Layout {
            size: 8,
            align: 8,
            ptr_words: PtrWords::new(),
        });
        self.emit(Op::IfaceType {
            dst: dyn_t,
            src: xv,
        });
        let bodies: Vec<_> = clauses.iter().map(|_| self.f().new_label()).collect();
        let mut default = None;
        for (ci, c) in clauses.iter().enumerate() {
            let Some(es) = &c.exprs else {
                default = Some(ci);
                continue;
            };
            for e in es {
                let mark = self.f().temp_mark();
                let is_nil = matches!(&unparen(e).kind, ExprKind::Ident(id)
                    if matches!(self.p.info.uses.get(&id.id).map(|o| &self.p.obj(*o).kind), Some(gosub_types::ObjKind::Nil)));
                let ct = self.type_of(e.id);
                if is_nil {
                    self.f().emit_jump(
                        Op::JmpCmpImmNot {
                            op: crate::bytecode::CmpOp::Ne,
                            a: dyn_t,
                            imm: 0,
                            target: 0,
                        },
                        bodies[ci],
                    );
                } else if self.p.types.is_interface(ct) {
                    let ok = self.temp(types::T_BOOL);
                    let tmp = self.temp(ct);
                    self.emit(Op::IfaceToIface {
                        dst: tmp,
                        src: xv,
                        iface_ty: ct.0,
                        commaok: Some(ok),
                        assert: true,
                    });
                    self.f().emit_jump(
                        Op::JmpIf {
                            cond: ok,
                            target: 0,
                        },
                        bodies[ci],
                    );
                } else {
                    self.f().emit_jump(
                        Op::JmpCmpImmNot {
                            op: crate::bytecode::CmpOp::Ne,
                            a: dyn_t,
                            imm: ct.0 as i64 + 1,
                            target: 0,
                        },
                        bodies[ci],
                    );
                }
                self.f().release_temps(mark);
            }
        }
        match default {
            Some(d) => self.f().emit_jump(Op::Jmp { target: 0 }, bodies[d]),
            None => self.f().emit_jump(Op::Jmp { target: 0 }, end),
        };
        self.push_loop(label, end, None);
        for (ci, c) in clauses.iter().enumerate() {
            self.f().bind(bodies[ci]);
            if let Some(b) = bind {
                if let Some(&o) = self.p.info.implicits.get(&(b.id, ci)) {
                    let vt = self.p.obj(o).ty;
                    if vt == xt {
                        self.define_local(o, Some((xv, xt)));
                    } else if self.p.types.is_interface(vt) {
                        let tmp = self.temp(vt);
                        let ok = self.temp(types::T_BOOL);
                        self.emit(Op::IfaceToIface {
                            dst: tmp,
                            src: xv,
                            iface_ty: vt.0,
                            commaok: Some(ok),
                            assert: true,
                        });
                        self.define_local(o, Some((tmp, vt)));
                    } else {
                        let tmp = self.temp(vt);
                        let ok = self.temp(types::T_BOOL);
                        let size = self.size(vt);
                        let direct = self.is_direct_iface(vt);
                        self.emit(Op::AssertType {
                            dst: tmp,
                            src: xv,
                            rtype: vt.0,
                            size,
                            direct,
                            commaok: Some(ok),
                            iface_ty: xt.0,
                        });
                        self.define_local(o, Some((tmp, vt)));
                    }
                }
            }
            self.block(&c.body);
            self.f().emit_jump(Op::Jmp { target: 0 }, end);
        }
        self.fs().loops.pop();
        self.f().bind(end);
    }
}
