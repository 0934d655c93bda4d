//! `defer` and `go`: the called function value and its arguments are evaluated at the
//! statement, as Go requires, into an argument region that the VM copies into a record
//! (`Op::Defer`: a heap object of the function value, its size and the arguments, with
//! its own GC type) or into the new goroutine's first frame, and runs later.
//!
//! A builtin (`defer close(ch)`, `go println(x)`) is not a function value: as gc does, the
//! statement calls a wrapper function instead (named `F.deferwrapN` / `F.gowrapN`), whose
//! parameters are the builtin's arguments, evaluated at the statement, and whose body is
//! the builtin call on them. `defer recover()`'s wrapper does nothing: recover is then not
//! called by a deferred function, so it never stops a panic.

use crate::bytecode::{Op, Reg};
use crate::gen::Gen;
use gosub_syntax::ast::unparen;
use gosub_syntax::ast::Expr;
use gosub_types::{self as types, TypeKind};

impl<'a> Gen<'a> {
    /// What `defer` and `go` evaluate at the statement: the function value (a method call
    /// becomes a bound method value) and the arguments, into a region laid out like the
    /// callee's parameters and results; None (after reporting `builtin_msg`) for a builtin.
    fn suspended_call(&mut self, e: &'a Expr, go: bool, builtin_msg: &str) -> Option<Suspended> {
        let (fun, args, ellipsis) = unparen(e).as_call()?;
        let (sig, fv, reg);
        if crate::call::builtin_of(self, fun).is_some() {
            let params: Vec<types::TypeId> = args.iter().map(|a| self.type_of(a.id)).collect();
            if (params.iter()).any(|&t| matches!(self.p.types.kind(t), TypeKind::Tuple(_))) {
                self.err(e.span, builtin_msg);
                return None;
            }
            let name = {
                let f = self.fs();
                let n = if go {
                    &mut f.gowraps
                } else {
                    &mut f.deferwraps
                };
                *n += 1;
                let kind = if go { "gowrap" } else { "deferwrap" };
                format!("{}.{kind}{}", f.name, n)
            };
            let idx = self.new_func(name, e.span.lo);
            self.jobs.push(crate::gen::Job {
                func: idx,
                kind: crate::gen::JobKind::BuiltinWrapper {
                    call: unparen(e),
                    params: params.clone(),
                },
            });
            sig = types::Signature {
                params,
                results: Vec::new(),
                variadic: false,
            };
            fv = self.temp_word(true);
            self.emit(Op::FuncVal { dst: fv, func: idx });
            reg = self.region(&sig.params, &sig.results);
            let all: Vec<&'a Expr> = args.iter().collect();
            let hoisted = self.hoist_calls(&all, &vec![None; args.len()]);
            for (i, a) in args.iter().enumerate() {
                self.expr_to(a, reg.param_offs[i]);
            }
            self.unhoist(hoisted);
        } else {
            let ft = self.type_of(fun.id);
            sig = self.sig_of(ft);
            // gc's order (order.rs): the arguments' calls before the function value and
            // the receiver are read (`defer c.M(bump())` binds the `c` bump left), so
            // always hoisted here.
            let targets = self.arg_targets(&sig, args.len(), ellipsis);
            let hoisted = self.order_stmt(args, &targets, true);
            fv = self.temp_word(true);
            self.expr_to(fun, fv);
            reg = self.region(&sig.params, &sig.results);
            self.defer_args(&sig, args, ellipsis, &reg);
            self.unhoist(hoisted);
        }
        let mut args_size = 0u64;
        for &t in sig.params.iter().chain(sig.results.iter()) {
            args_size = crate::layout::round_up(args_size, 8)
                + crate::layout::round_up((self.size(t) as u64).max(1), 8);
        }
        Some(Suspended {
            fv,
            sig,
            args: reg.base,
            args_size: args_size as u32,
        })
    }

    /// `defer f(args)`: the record the VM keeps until the function returns holds the
    /// function value and the argument region, so its GC type lists their pointer words.
    pub(crate) fn defer(&mut self, e: &'a Expr) {
        let msg = "gosub: defer of a builtin with a multi-value argument is not supported yet";
        let Some(c) = self.suspended_call(e, false, msg) else {
            return;
        };
        let mut region_ptrs = vec![0, 1];
        let mut off = 0u64;
        for &t in c.sig.params.iter().chain(c.sig.results.iter()) {
            let l = self.layout(t);
            for w in &l.ptr_words {
                region_ptrs.push(2 + (off / 8) as u32 + w);
            }
            off += crate::layout::round_up(l.size.max(1), 8);
        }
        let gcty = self.gctype(16 + c.args_size.max(8), region_ptrs);
        let list = self.defer_list(e);
        self.fs().f.cur_pos = e.span.lo;
        self.emit(Op::Defer {
            fv: c.fv,
            args: c.args,
            args_size: c.args_size,
            gcty,
            list,
        });
    }

    /// `go f(args)`: the function value and arguments are evaluated now, in this goroutine.
    pub(crate) fn go_stmt(&mut self, e: &'a Expr) {
        let msg = "gosub: go of a builtin with a multi-value argument is not supported yet";
        let Some(c) = self.suspended_call(e, true, msg) else {
            return;
        };
        self.fs().f.cur_pos = e.span.lo;
        self.emit(Op::Go {
            fv: c.fv,
            args: c.args,
            args_size: c.args_size,
        });
    }

    /// The wrapper of a deferred or `go` builtin call (see the module comment).
    pub(crate) fn compile_builtin_wrapper(
        &mut self,
        idx: u32,
        call: &'a Expr,
        params: &[types::TypeId],
    ) {
        let name = self.out.funcs[idx as usize].name.clone();
        self.begin_fn(name);
        let (regs, _) = crate::call::wrapper_frame(self, idx, params, &[]);
        if let Some((fun, args, _)) = call.as_call() {
            for (a, r) in args.iter().zip(regs) {
                self.fs().arg_regs.insert(a.id, r);
            }
            match crate::call::builtin_of(self, fun) {
                Some(types::Builtin::Recover) | None => {}
                Some(b) => crate::builtins::builtin(self, b, call, args, crate::gen::NONE),
            }
        }
        self.emit(Op::Ret);
        self.end_fn(idx);
    }

    pub(crate) fn defer_args(
        &mut self,
        sig: &types::Signature,
        args: &'a [Expr],
        ellipsis: bool,
        reg: &crate::call::Region,
    ) {
        let nfixed = if sig.variadic {
            sig.params.len() - 1
        } else {
            sig.params.len()
        };
        if args.len() == 1 {
            if let TypeKind::Tuple(ts) = self.p.types.kind(self.type_of(args[0].id)).clone() {
                if ts.len() > 1 {
                    let vals = self.multi_value(&args[0], ts.len());
                    self.spread_values(None, sig, vals, reg, 0);
                    return;
                }
            }
        }
        // (The caller hoisted the arguments' calls.)
        for (i, a) in args.iter().enumerate().take(nfixed) {
            self.expr_conv_to(a, sig.params[i], reg.param_offs[i]);
        }
        if sig.variadic {
            let st = sig.params[nfixed];
            let dst = reg.param_offs[nfixed];
            if ellipsis {
                if let Some(a) = args.get(nfixed) {
                    self.expr_to(a, dst);
                }
            } else {
                self.make_slice_of(None, st, args.get(nfixed..).unwrap_or(&[]), dst);
            }
        }
    }
}

/// A call that `defer` or `go` runs later, evaluated (`Gen::suspended_call`).
struct Suspended {
    fv: Reg,
    sig: types::Signature,
    args: Reg,
    args_size: u32,
}
