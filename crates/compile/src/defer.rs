//! `defer` and `go`: the called function value and its arguments are evaluated at the
//! statement, as Go requires, into an argument region that the VM copies into a record
//! (`Op::Defer`: a heap object of the function value, its size and the arguments, with
//! its own GC type) or into the new goroutine's first frame, and runs later.

use crate::bytecode::{Op, Reg};
use crate::gen::Gen;
use gosub_syntax::ast::unparen;
use gosub_syntax::ast::Expr;
use gosub_types::{self as types, TypeKind};

impl<'a> Gen<'a> {
    /// What `defer` and `go` evaluate at the statement: the function value (a method call
    /// becomes a bound method value) and the arguments, into a region laid out like the
    /// callee's parameters and results; None (after reporting `builtin_msg`) for a builtin.
    fn suspended_call(&mut self, e: &'a Expr, builtin_msg: &str) -> Option<Suspended> {
        let (fun, args, ellipsis) = unparen(e).as_call()?;
        if crate::call::builtin_of(self, fun).is_some() {
            self.err(e.span, builtin_msg);
            return None;
        }
        let ft = self.type_of(fun.id);
        let sig = self.sig_of(ft);
        let fv = self.temp_word(true);
        self.expr_to(fun, fv);
        let reg = self.region(&sig.params, &sig.results);
        self.defer_args(&sig, args, ellipsis, &reg);
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
        let Some(c) = self.suspended_call(e, "gosub: defer of a builtin is not supported yet")
        else {
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
        let msg = "gosub: go with a builtin function is not supported yet";
        let Some(c) = self.suspended_call(e, msg) else {
            return;
        };
        self.fs().f.cur_pos = e.span.lo;
        self.emit(Op::Go {
            fv: c.fv,
            args: c.args,
            args_size: c.args_size,
        });
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
                    self.spread_values(sig, vals, reg, 0);
                    return;
                }
            }
        }
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
                self.make_slice_of(st, args.get(nfixed..).unwrap_or(&[]), dst);
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
