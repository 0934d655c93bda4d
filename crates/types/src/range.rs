//! `for range` statements: what may be ranged over (integers, strings, arrays, pointers to
//! arrays, slices, maps, receive channels, and functions `func(yield func(...) bool)`) and
//! the types of the iteration variables, with types2's errors. A checked range over a
//! function is lowered to a call of it after checking (`rangefunc.rs`).

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
        // The iteration variables' types: None where the range permits no such variable.
        let mut kt: Option<TypeId> = Some(T_INVALID);
        let mut vt: Option<TypeId> = None;
        if !x.is_invalid() {
            let u = self.tt.underlying(x.ty);
            let u = match self.tt.kind(u) {
                TypeKind::Pointer(p) if matches!(self.tt.under(*p), TypeKind::Array(..)) => {
                    self.tt.underlying(*p)
                }
                _ => u,
            };
            let mut cause = None;
            match self.tt.kind(u).clone() {
                TypeKind::Basic(b) if b == BasicKind::String || b == BasicKind::UntypedString => {
                    if b == BasicKind::UntypedString {
                        self.convert_untyped(&mut x, T_STRING);
                    }
                    kt = Some(T_INT);
                    vt = Some(T_INT32);
                }
                TypeKind::Basic(b) if b.is_integer() => {
                    if self.is_untyped(x.ty) {
                        self.convert_untyped(&mut x, T_INT);
                    }
                    kt = Some(x.ty);
                }
                TypeKind::Array(el, _) | TypeKind::Slice(el) => {
                    kt = Some(T_INT);
                    vt = Some(el);
                }
                TypeKind::Map(k, v) => {
                    kt = Some(k);
                    vt = Some(v);
                }
                TypeKind::Chan(d, el) => {
                    if d == ChanDir::Send {
                        cause = Some("receive from send-only channel".to_string());
                    }
                    kt = Some(el);
                }
                TypeKind::Func(sig) => match self.range_func_vars(&sig) {
                    Ok((k, v)) => (kt, vt) = (k, v),
                    Err(c) => cause = Some(c),
                },
                _ => cause = Some(String::new()),
            }
            // As types2's rangeStmt: one error, the first that applies.
            let xs = self.op_string(&x);
            if let Some(c) = cause {
                kt = Some(T_INVALID);
                vt = None;
                let msg = if c.is_empty() {
                    format!("cannot range over {}", xs)
                } else {
                    format!("cannot range over {}: {}", xs, c)
                };
                self.err_at_op(&x, msg);
            } else if let (None, Some(k)) = (kt, key) {
                let msg = format!("range over {} permits no iteration variables", xs);
                self.err_at(k, msg);
            } else if let (None, Some(v)) = (vt, value) {
                let msg = format!("range over {} permits only one iteration variable", xs);
                self.err_at(v, msg);
            }
        }
        // Assigning a range over an integer is a "range clause" assignment; any other is an
        // ordinary one (types2 reports it "in assignment").
        let context = match self.tt.kind(self.tt.underlying(x.ty)) {
            TypeKind::Basic(b) if b.is_integer() => "range clause",
            _ => "assignment",
        };
        let (kt, vt) = (kt.unwrap_or(T_INVALID), vt);
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
                                    "cannot use {} (value of type {}) as {} value in {}",
                                    ls,
                                    self.ts(types[i]),
                                    self.ts(t),
                                    context
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

    /// The iteration variables' types of a range over a function of signature `sig`
    /// (Go 1.23's range-over-func: `func(yield func(K, V) bool)` gives key K and value V,
    /// fewer yield parameters give fewer variables), or types2's reason it cannot be
    /// ranged over. The loop itself is lowered after checking (`rangefunc.rs`).
    fn range_func_vars(&self, sig: &Signature) -> Result<(Option<TypeId>, Option<TypeId>), String> {
        let bad = |c: &str| Err(format!("func must be func(yield func(...) bool): {}", c));
        if sig.params.len() != 1 {
            return bad("wrong argument count");
        }
        if !sig.results.is_empty() {
            return bad("unexpected results");
        }
        let TypeKind::Func(cb) = self.tt.under(sig.params[0]) else {
            return bad("argument is not func");
        };
        if cb.params.len() > 2 {
            return bad("yield func has too many parameters");
        }
        if cb.results.len() != 1 || cb.results[0] != T_BOOL {
            if cb.results.len() == 1 && self.is_boolean(cb.results[0]) {
                return bad("yield func returns user-defined boolean, not bool");
            }
            return bad("yield func does not return bool");
        }
        Ok((cb.params.first().copied(), cb.params.get(1).copied()))
    }
}
