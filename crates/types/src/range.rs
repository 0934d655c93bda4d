//! `for range` statements: what may be ranged over (integers, strings, arrays, pointers to
//! arrays, slices, maps, receive channels) and the types of the iteration variables.

use crate::check::{Checker, OpMode, Operand};
use crate::*;
use gosub_syntax::ast::{Block, Expr, ExprKind, Stmt};
use gosub_syntax::gosrc;

impl<'a> Checker<'a> {
    pub(crate) fn range_stmt(
        &mut self,
        s: &'a Stmt,
        key: Option<&'a Expr>,
        value: Option<&'a Expr>,
        define: bool,
        xe: &'a Expr,
        body: &'a Block,
    ) {
        self.open_scope(false);
        let mut x = self.expr(xe);
        let mut kt = T_INVALID;
        let mut vt: Option<TypeId> = None;
        if !x.is_invalid() {
            let u = self.tt.underlying(x.ty);
            let u = match self.tt.kind(u) {
                TypeKind::Pointer(p) if matches!(self.tt.under(*p), TypeKind::Array(..)) => {
                    self.tt.underlying(*p)
                }
                _ => u,
            };
            match self.tt.kind(u).clone() {
                TypeKind::Basic(b) if b == BasicKind::String || b == BasicKind::UntypedString => {
                    if b == BasicKind::UntypedString {
                        self.convert_untyped(&mut x, T_STRING);
                    }
                    kt = T_INT;
                    vt = Some(T_INT32);
                }
                TypeKind::Basic(b) if b.is_integer() => {
                    if self.is_untyped(x.ty) {
                        self.convert_untyped(&mut x, T_INT);
                    }
                    kt = x.ty;
                    if let Some(v) = value {
                        let xs = self.op_string(&x);
                        self.err_at(
                            v,
                            format!("range over {} permits only one iteration variable", xs),
                        );
                    }
                }
                TypeKind::Array(el, _) | TypeKind::Slice(el) => {
                    kt = T_INT;
                    vt = Some(el);
                }
                TypeKind::Map(k, v) => {
                    kt = k;
                    vt = Some(v);
                }
                TypeKind::Chan(d, el) => {
                    if d == ChanDir::Send {
                        let xs = self.op_string(&x);
                        self.err_at_op(
                            &x,
                            format!("cannot range over {}: receive from send-only channel", xs),
                        );
                    }
                    kt = el;
                    if let Some(v) = value {
                        let xs = self.op_string(&x);
                        self.err_at(
                            v,
                            format!("range over {} permits only one iteration variable", xs),
                        );
                    }
                }
                _ => {
                    let xs = self.op_string(&x);
                    self.err_at_op(&x, format!("cannot range over {}", xs));
                }
            }
        }
        let types = [kt, vt.unwrap_or(T_INVALID)];
        let lhs = [key, value];
        if define {
            let mut new_vars = Vec::new();
            for (i, l) in lhs.iter().enumerate() {
                let Some(l) = l else { continue };
                match &l.kind {
                    ExprKind::Ident(id) => {
                        let pkg = self.cur_pkg;
                        let o = self.new_obj(
                            &id.name,
                            ObjKind::Var {
                                global: false,
                                param: false,
                                result: false,
                                field: false,
                            },
                            types[i],
                            id.span,
                            pkg,
                        );
                        new_vars.push((o, id));
                    }
                    _ => {
                        let es = gosrc::expr(l);
                        self.err_at(l, format!("non-name {} on left side of :=", es));
                    }
                }
                if types[i] != T_INVALID {
                    self.record_final(l.id, Mode::Variable, types[i], None);
                }
            }
            for (o, id) in new_vars {
                self.declare_local(id, o, true);
            }
            let _ = s;
        } else {
            for (i, l) in lhs.iter().enumerate() {
                let Some(l) = l else { continue };
                if let Some(t) = self.lhs_var(l) {
                    if let Some(t) = t {
                        if types[i] != T_INVALID {
                            let mut op = Operand {
                                mode: OpMode::Value,
                                ty: types[i],
                                expr: Some(l),
                            };
                            let (ok, _) = self.assignable_to(&op, t);
                            if !ok {
                                let ls = gosrc::expr(l);
                                let msg = format!(
                                    "cannot use {} (value of type {}) as {} value in range clause",
                                    ls,
                                    self.ts(types[i]),
                                    self.ts(t)
                                );
                                self.err_at(l, msg);
                                op.mode = OpMode::Invalid;
                            }
                        }
                    }
                }
            }
        }
        self.block(body);
        self.close_scope();
    }
}
