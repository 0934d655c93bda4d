//! Calls: function calls, variadics and multi-value forwarding (`f(g())`); a call of a type
//! is a conversion (`conversions.rs`), of a builtin `builtins.rs`.

use crate::check::{Checker, OpMode, Operand};
use crate::errors::start_pos;
use crate::*;
use gosub_syntax::ast::{Expr, ExprKind};
use gosub_syntax::gosrc;

impl<'a> Checker<'a> {
    pub(crate) fn call_expr(&mut self, e: &'a Expr) -> Operand<'a> {
        let Some((fun, args, ellipsis)) = e.as_call() else {
            return Operand::invalid(Some(e));
        };
        let x = self.expr_or_type(fun);
        match x.mode.clone() {
            OpMode::Invalid => {
                for a in args {
                    self.raw_expr(a, None);
                }
                Operand::invalid(Some(e))
            }
            OpMode::Type => self.conversion_call(e, x.ty, args, ellipsis),
            OpMode::Builtin(b) => self.builtin(e, b, args, ellipsis),
            _ if self.generic_func_ref(fun).is_some() => self.generic_call(e, fun, args, ellipsis),
            _ => {
                let x = self.single_value(x);
                if x.is_invalid() {
                    return Operand::invalid(Some(e));
                }
                let Some(sig) = self.func_sig(x.ty) else {
                    let s = self.op_string(&x);
                    let t = self.ts(x.ty);
                    self.err_at_op(
                        &x,
                        format!(
                            "invalid operation: cannot call {}: {} is not a function",
                            s, t
                        ),
                    );
                    for a in args {
                        self.raw_expr(a, None);
                    }
                    return Operand::invalid(Some(e));
                };
                let xs = self.call_args(args);
                self.arguments(e, fun, &sig, xs, ellipsis);
                self.call_result(e, &sig)
            }
        }
    }

    /// The value of a call of a function with signature `sig`.
    fn call_result(&mut self, e: &'a Expr, sig: &Signature) -> Operand<'a> {
        match sig.results.len() {
            0 => Operand {
                mode: OpMode::NoValue,
                ty: T_VOID,
                expr: Some(e),
            },
            1 => Operand {
                mode: OpMode::Value,
                ty: sig.results[0],
                expr: Some(e),
            },
            _ => {
                let t = self.tt.tuple(sig.results.clone());
                Operand {
                    mode: OpMode::Value,
                    ty: t,
                    expr: Some(e),
                }
            }
        }
    }

    /// A call of a generic function: its type arguments (those not given explicitly) are
    /// inferred from the arguments, then the instance is called.
    fn generic_call(
        &mut self,
        e: &'a Expr,
        fun: &'a Expr,
        args: &'a [Expr],
        ellipsis: bool,
    ) -> Operand<'a> {
        let Some(g) = self.generic_func_ref(fun) else {
            return Operand::invalid(Some(e));
        };
        self.mark_resolved(fun);
        let Some(gen) = self.gen.generics.get(&g).cloned() else {
            return Operand::invalid(Some(e));
        };
        let partial = (self.partial_targs)
            .get(&gosub_syntax::ast::unparen(fun).id)
            .cloned()
            .unwrap_or_default();
        let gty = self.obj(g).ty;
        let Some(sig) = self.func_sig(gty) else {
            return Operand::invalid(Some(e));
        };
        let xs = self.call_args(args);
        let mut params = sig.params.clone();
        if sig.variadic && !ellipsis {
            if let Some(&last) = params.last() {
                let elem = match self.tt.kind(last) {
                    TypeKind::Slice(el) => *el,
                    _ => last,
                };
                params.pop();
                while params.len() < xs.len() {
                    params.push(elem);
                }
            }
        }
        let lparen = match &e.kind {
            ExprKind::Call { lparen, .. } => *lparen,
            _ => e.span.lo,
        };
        let fname = gosrc::expr(fun);
        let fname = fname.split('[').next().unwrap_or_default().to_string();
        let Some(targs) = self.infer(
            &gen.tparams,
            &gen.spans,
            &partial,
            &params,
            &xs,
            &fname,
            lparen,
        ) else {
            return Operand::invalid(Some(e));
        };
        let written = crate::instantiate::written_targs(fun);
        if !self.verify_targs(&gen.tparams, &targs, lparen, &written) {
            return Operand::invalid(Some(e));
        }
        let inst = self.instantiate_func(g, targs, lparen);
        self.record_instance(fun, inst);
        let ity = self.obj(inst).ty;
        let Some(isig) = self.func_sig(ity) else {
            return Operand::invalid(Some(e));
        };
        self.arguments(e, fun, &isig, xs, ellipsis);
        self.call_result(e, &isig)
    }

    /// Evaluates call arguments; a single multi-value call is expanded (`f(g())`).
    /// None marks an invalid argument.
    pub(crate) fn call_args(&mut self, args: &'a [Expr]) -> Vec<Option<Operand<'a>>> {
        if args.len() == 1 {
            let x = self.raw_expr(&args[0], None);
            if let TypeKind::Tuple(ts) = self.tt.kind(x.ty).clone() {
                if !x.is_invalid() && x.mode == OpMode::Value {
                    return ts
                        .iter()
                        .map(|&t| {
                            Some(Operand {
                                mode: OpMode::Value,
                                ty: t,
                                expr: Some(&args[0]),
                            })
                        })
                        .collect();
                }
            }
            let x = self.single_value(x);
            return vec![if x.is_invalid() { None } else { Some(x) }];
        }
        args.iter()
            .map(|a| {
                let x = self.expr(a);
                if x.is_invalid() {
                    None
                } else {
                    Some(x)
                }
            })
            .collect()
    }

    /// Checks arguments against a signature.
    pub(crate) fn arguments(
        &mut self,
        call: &'a Expr,
        fun: &'a Expr,
        sig: &Signature,
        args: Vec<Option<Operand<'a>>>,
        ddd: bool,
    ) {
        let nargs = args.len();
        let npars = sig.params.len();
        let fname = gosrc::expr(fun);
        if args.iter().any(|a| a.is_none()) {
            // Still check what we can.
            if nargs != npars && !sig.variadic {
                return;
            }
        }
        let mut params = sig.params.clone();
        if ddd {
            if !sig.variadic {
                self.err_at(
                    call,
                    format!("cannot use ... in call to non-variadic {}", fname),
                );
                return;
            }
            if let ExprKind::Call { args: a, .. } = &call.kind {
                if a.len() == 1 && nargs > 1 {
                    self.err_at(
                        call,
                        format!(
                            "cannot use ... with {}-valued {}",
                            nargs,
                            gosrc::expr(&a[0])
                        ),
                    );
                    return;
                }
            }
        } else if sig.variadic && nargs >= npars.saturating_sub(1) {
            // Expand the variadic parameter to match the arguments.
            if let Some(&last) = params.last() {
                let elem = match self.tt.kind(last) {
                    TypeKind::Slice(e) => *e,
                    _ => last,
                };
                params.pop();
                while params.len() < nargs {
                    params.push(elem);
                }
            }
        }
        if nargs != params.len() {
            let ops: Vec<TypeId> = args
                .iter()
                .map(|a| a.as_ref().map(|x| x.ty).unwrap_or(T_INVALID))
                .collect();
            let (at, q) = if nargs > params.len() {
                (
                    args[params.len()]
                        .as_ref()
                        .and_then(|x| x.expr)
                        .map(start_pos),
                    "too many",
                )
            } else if nargs > 0 {
                (
                    args[nargs - 1].as_ref().and_then(|x| x.expr).map(start_pos),
                    "not enough",
                )
            } else {
                (None, "not enough")
            };
            let pos = match at {
                Some(p) => p,
                None => start_pos(call),
            };
            let have = self.types_summary(&ops, false, ddd);
            let want = self.types_summary(&sig.params, sig.variadic, false);
            self.error(
                pos,
                format!(
                    "{} arguments in call to {}\n\thave {}\n\twant {}",
                    q, fname, have, want
                ),
            );
            return;
        }
        let context = format!("argument to {}", fname);
        for (i, a) in args.into_iter().enumerate() {
            if let Some(mut x) = a {
                self.assignment(&mut x, Some(params[i]), &context);
            }
        }
    }

    // ---- conversions ----

    // ---- builtins ----
}
