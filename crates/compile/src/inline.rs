//! Inlining of leaf functions: a call to a function whose body is `return e`, after at most
//! a few `x := v` statements, is compiled as those values and `e` itself, its parameters
//! and locals bound to the caller's registers holding the arguments and the values. A
//! method with a value receiver is inlined the same way, its receiver a parameter (read
//! field by field: a field of a struct value is a frame read), at direct calls whose
//! arguments have no side effects and in the wrapper an itab calls for it
//! (`call::compile_wrapper`), so an interface call of `Rect.Area` is one call, not two. It removes the call overhead of the small helpers generic code is built from
//! (`cmp.Less`, `cmp.Compare`, `isNaN`), so a generic sort runs as fast as one written by
//! hand (bench/generics.sh).
//!
//! Invariants:
//! - Only bodies that cannot panic, block, allocate or observe the call stack are inlined:
//!   `e` (and each `v`) is built from the function's own parameters and locals (read, never
//!   addressed or assigned), constants, the non-panicking operators on numbers (division
//!   only by a constant or of floats, shifts by a constant or unsigned count), conversions
//!   between number types, booleans, strings (comparison only) and pointers, and calls of
//!   other inlinable functions. A traceback can therefore never
//!   show the difference, and the escape analysis' verdicts (made per function) still hold.
//! - A function is never inlined into itself (the decision marks it "no" while deciding,
//!   so recursion through other functions stops too), and an inlined body costs at most
//!   `BUDGET` nodes, callees' bodies included, so code size stays bounded.
//! - Arguments are evaluated in the caller, in gc's order (order.rs), before the body;
//!   when an argument has side effects, earlier arguments are copied so that they hold the
//!   values they had when evaluated.

use crate::bytecode::Reg;
use crate::gen::{Gen, Loc};
use gosub_syntax::ast::{self, AssignOp, BinOp, Expr, ExprKind, Stmt, StmtKind, UnOp};
use gosub_types::{BasicKind, ObjId, ObjKind, Selection, Signature, TypeId, TypeKind};

/// The largest inlined body, in expression nodes (gc's budget is 80 of its own nodes).
const BUDGET: u32 = 40;

/// What is known about inlining calls of one function.
#[derive(Clone, Copy)]
pub enum Inline<'a> {
    No,
    /// Inline as `body` (the returned expression), costing `cost` nodes.
    Yes {
        body: &'a Expr,
        cost: u32,
        /// The `x := e` statements before the `return` (locals bound like parameters).
        lets: &'a [Stmt],
    },
}

impl<'a> Gen<'a> {
    /// Compiles the call `f(args)` of static function `o` inline when its body allows it,
    /// returning the register holding the result; None to compile an ordinary call.
    pub(crate) fn try_inline(&mut self, o: ObjId, args: &'a [Expr], ellipsis: bool) -> Option<Reg> {
        self.with_inlined(o, args, ellipsis, |g, body, rt| {
            let dst = g.temp(rt);
            g.expr_conv_to(body, rt, dst);
            dst
        })
    }

    /// Runs `f` on the body of an inlinable call `o(args)` (and its result type), with the
    /// arguments evaluated and bound to the parameters; None (and nothing emitted) when the
    /// call is not inlined.
    pub(crate) fn with_inlined<R>(
        &mut self,
        o: ObjId,
        args: &'a [Expr],
        ellipsis: bool,
        f: impl FnOnce(&mut Self, &'a Expr, TypeId) -> R,
    ) -> Option<R> {
        let Inline::Yes { body, lets, .. } = self.inline_decision(o) else {
            return None;
        };
        let fd = *self.decls.get(&o)?;
        let TypeKind::Func(sig) = self.p.types.kind(self.p.obj(o).ty).clone() else {
            return None;
        };
        if ellipsis || sig.variadic || args.len() != sig.params.len() || sig.results.len() != 1 {
            return None;
        }
        let params = self.param_objs(fd);
        if params.len() != args.len() {
            return None;
        }
        let all: Vec<&'a Expr> = args.iter().collect();
        let targets: Vec<_> = sig.params.iter().map(|&t| Some(t)).collect();
        let hoisted = self.hoist_calls(&all, &targets); // gc's order, as for a call (order.rs)
        let copy = args.iter().any(|a| !self.side_effect_free(a));
        let mut regs = Vec::with_capacity(args.len());
        for (a, &pt) in args.iter().zip(&sig.params) {
            let r = self.expr_conv(a, pt);
            if copy && !self.p.info.consts.contains_key(&a.id) {
                let t = self.temp(pt);
                self.mov(t, r, pt);
                regs.push(t);
            } else {
                regs.push(r);
            }
        }
        self.unhoist(hoisted);
        Some(self.bind_inlined(&params, &regs, lets, body, sig.results[0], f))
    }

    /// Runs `f` on `body` (of result type `rt`) with the parameters `params` bound to the
    /// registers `regs` holding the arguments, and the locals of `lets` to the registers
    /// their values are computed into; restores the bindings after.
    fn bind_inlined<R>(
        &mut self,
        params: &[Option<ObjId>],
        regs: &[Reg],
        lets: &'a [Stmt],
        body: &'a Expr,
        rt: TypeId,
        f: impl FnOnce(&mut Self, &'a Expr, TypeId) -> R,
    ) -> R {
        let mut saved: Vec<(ObjId, Option<Loc>)> = params
            .iter()
            .zip(regs)
            .filter_map(|(p, &r)| {
                let p = (*p)?;
                let old = self.fs().locals.insert(p, Loc::Frame(r));
                Some((p, old))
            })
            .collect();
        let pos = self.fs().f.cur_pos;
        // The body's locals, each bound to the register its value is computed into (it is
        // never assigned again nor addressed: `decide_inline`).
        for st in lets {
            let Some((o, e)) = let_of(self, st) else {
                continue;
            };
            let t = self.p.obj(o).ty;
            let r = self.expr_conv(e, t);
            let old = self.fs().locals.insert(o, Loc::Frame(r));
            saved.push((o, old));
        }
        let out = f(self, body, rt);
        self.fs().f.cur_pos = pos;
        for (p, old) in saved.into_iter().rev() {
            match old {
                Some(l) => self.fs().locals.insert(p, l),
                None => self.fs().locals.remove(&p),
            };
        }
        out
    }

    /// Compiles the call `x.m(args)` of method `o` with a value receiver inline when its
    /// body allows it and no argument has side effects (so evaluating the receiver first,
    /// as the call does, needs no copies): `recv` evaluates the receiver. None (and nothing
    /// emitted) to compile an ordinary call.
    pub(crate) fn try_inline_method(
        &mut self,
        o: ObjId,
        args: &'a [Expr],
        ellipsis: bool,
        recv: impl FnOnce(&mut Self) -> Reg,
    ) -> Option<Reg> {
        let sig = self.inlinable_method(o, args.len(), ellipsis)?;
        if !args.iter().all(|a| self.side_effect_free(a)) {
            return None;
        }
        let Inline::Yes { body, lets, .. } = self.inline_decision(o) else {
            return None;
        };
        let fd = *self.decls.get(&o)?;
        let mut regs = vec![recv(self)];
        for (a, &pt) in args.iter().zip(&sig.params) {
            regs.push(self.expr_conv(a, pt));
        }
        let params = self.param_objs(fd);
        Some(
            self.bind_inlined(&params, &regs, lets, body, sig.results[0], |g, body, rt| {
                let dst = g.temp(rt);
                g.expr_conv_to(body, rt, dst);
                dst
            }),
        )
    }

    /// Compiles method `o` (value receiver) inline into the registers of a call already
    /// set up, `regs` the receiver and then the arguments (an interface wrapper's): returns
    /// the result's register, or None (nothing emitted) when it is not inlined.
    pub(crate) fn inline_method_into(&mut self, o: ObjId, regs: &[Reg]) -> Option<Reg> {
        let sig = self.inlinable_method(o, regs.len().checked_sub(1)?, false)?;
        let Inline::Yes { body, lets, .. } = self.inline_decision(o) else {
            return None;
        };
        let fd = *self.decls.get(&o)?;
        let params = self.param_objs(fd);
        Some(
            self.bind_inlined(&params, regs, lets, body, sig.results[0], |g, body, rt| {
                let dst = g.temp(rt);
                g.expr_conv_to(body, rt, dst);
                dst
            }),
        )
    }

    /// The signature of method `o` when it has a value receiver and calls of it with
    /// `nargs` arguments may be inlined (one result, not variadic).
    fn inlinable_method(&mut self, o: ObjId, nargs: usize, ellipsis: bool) -> Option<Signature> {
        if !matches!(
            self.p.obj(o).kind,
            ObjKind::Func {
                ptr_recv: false,
                ..
            }
        ) {
            return None;
        }
        let fd = *self.decls.get(&o)?;
        fd.recv.as_ref()?;
        let TypeKind::Func(sig) = self.p.types.kind(self.p.obj(o).ty).clone() else {
            return None;
        };
        if ellipsis || sig.variadic || nargs != sig.params.len() || sig.results.len() != 1 {
            return None;
        }
        (self.param_objs(fd).len() == nargs + 1).then_some(sig)
    }

    /// The expression calls of `o` are inlined as, if they are and it is their whole body
    /// (no locals).
    pub(crate) fn inline_body(&mut self, o: ObjId) -> Option<&'a Expr> {
        match self.inline_decision(o) {
            Inline::Yes { body, lets: [], .. } => Some(body),
            _ => None,
        }
    }

    /// Whether (and as what) calls of `o` are inlined; decided once per function.
    fn inline_decision(&mut self, o: ObjId) -> Inline<'a> {
        if let Some(&d) = self.inline_cache.get(&o) {
            return d;
        }
        self.inline_cache.insert(o, Inline::No); // no inlining into itself while deciding
        let d = self.decide_inline(o).unwrap_or(Inline::No);
        self.inline_cache.insert(o, d);
        d
    }

    fn decide_inline(&mut self, o: ObjId) -> Option<Inline<'a>> {
        let fd = *self.decls.get(&o)?;
        let body = fd.body.as_ref()?;
        let (stmt, lets) = body.stmts.split_last()?;
        let StmtKind::Return(results) = &stmt.kind else {
            return None;
        };
        let [e] = results.as_slice() else {
            return None;
        };
        let TypeKind::Func(sig) = self.p.types.kind(self.p.obj(o).ty) else {
            return None;
        };
        if sig.variadic || sig.results.len() != 1 || !self.scalar(sig.results[0]) {
            return None;
        }
        // Readable names: the parameters, then each local once its `x := e` has run.
        let mut names: Vec<ObjId> = self.param_objs(fd).into_iter().flatten().collect();
        let mut cost = 0;
        for st in lets {
            let (x, v) = let_of(self, st)?;
            if !self.scalar(self.p.obj(x).ty) || names.contains(&x) {
                return None;
            }
            cost += 1 + self.inline_cost(v, &names)?;
            names.push(x);
        }
        cost += self.inline_cost(e, &names)?;
        (cost <= BUDGET).then_some(Inline::Yes {
            body: e,
            cost,
            lets,
        })
    }

    /// The cost of expression `e` of an inlinable body with parameters `params`, or None
    /// when it holds something an inlined body may not (see the header).
    fn inline_cost(&mut self, e: &'a Expr, params: &[ObjId]) -> Option<u32> {
        if self.p.info.consts.contains_key(&e.id) {
            return Some(1);
        }
        match &e.kind {
            ExprKind::Paren(x) => self.inline_cost(x, params),
            ExprKind::Ident(id) => {
                let o = self.p.info.uses.get(&id.id)?;
                params.contains(o).then_some(1)
            }
            // A field of a struct value (a parameter's, a receiver's): a read of the frame.
            // Through a pointer it could panic.
            ExprKind::Selector { x, .. } => {
                let Some(Selection::Field { path, .. }) = self.p.info.selections.get(&e.id) else {
                    return None;
                };
                let mut t = self.type_of(x.id);
                for &i in path {
                    let TypeKind::Struct(fs) = self.p.types.under(t) else {
                        return None;
                    };
                    t = fs.get(i)?.ty;
                }
                Some(1 + self.inline_cost(x, params)?)
            }
            ExprKind::Unary { op, x } => {
                let ok = matches!(op, UnOp::Neg | UnOp::Pos | UnOp::Not | UnOp::Xor);
                (ok && self.scalar(self.type_of(x.id))).then_some(())?;
                Some(1 + self.inline_cost(x, params)?)
            }
            ExprKind::Binary { op, x, y } => {
                let xt = self.type_of(x.id);
                let ok = match op {
                    BinOp::Add | BinOp::Sub | BinOp::Mul => self.number(xt),
                    BinOp::And | BinOp::Or | BinOp::Xor | BinOp::AndNot => self.number(xt),
                    BinOp::LAnd | BinOp::LOr => true,
                    BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
                        self.scalar(xt) && self.scalar(self.type_of(y.id))
                    }
                    // Cannot panic: a float division, an integer one by a constant (not
                    // zero: that is a compile error), a shift by a constant or unsigned
                    // count.
                    BinOp::Div => self.float(xt) || self.int_const_divisor(xt, y),
                    BinOp::Rem => self.int_const_divisor(xt, y),
                    BinOp::Shl | BinOp::Shr => {
                        self.integer(xt)
                            && (self.p.info.consts.contains_key(&y.id)
                                || self.unsigned(self.type_of(y.id)))
                    }
                };
                ok.then_some(())?;
                Some(1 + self.inline_cost(x, params)? + self.inline_cost(y, params)?)
            }
            ExprKind::Call {
                fun,
                args,
                ellipsis: false,
                ..
            } => {
                if let Some(&to) = self.p.info.conversions.get(&e.id) {
                    // A conversion between number types never panics or allocates.
                    let [a] = args.as_slice() else {
                        return None;
                    };
                    (self.number(to) && self.number(self.type_of(a.id))).then_some(())?;
                    return Some(1 + self.inline_cost(a, params)?);
                }
                let callee = self.static_callee(fun)?;
                let Inline::Yes { cost, .. } = self.inline_decision(callee) else {
                    return None;
                };
                let mut total = 1 + cost;
                for a in args {
                    total += self.inline_cost(a, params)?;
                }
                Some(total)
            }
            _ => None,
        }
    }

    /// The objects of `fd`'s parameters, in order (None for one the checker did not define).
    /// A method's receiver comes first (None when it is unnamed).
    fn param_objs(&self, fd: &ast::FuncDecl) -> Vec<Option<ObjId>> {
        let recv = fd.recv.as_ref().map(|r| {
            r.names
                .first()
                .and_then(|n| self.p.info.defs.get(&n.id).copied())
        });
        recv.into_iter()
            .chain(
                fd.sig
                    .params
                    .iter()
                    .flat_map(|f| f.names.iter())
                    .map(|n| self.p.info.defs.get(&n.id).copied()),
            )
            .collect()
    }

    /// The function a call's `fun` names statically (`F`, `pkg.F`, `F[int]`), if any.
    pub(crate) fn static_callee(&self, fun: &Expr) -> Option<ObjId> {
        let fun = ast::unparen(fun);
        let is_func = |o: &ObjId| matches!(self.p.obj(*o).kind, ObjKind::Func { .. });
        match &fun.kind {
            ExprKind::Ident(id) => self.p.info.uses.get(&id.id).copied().filter(is_func),
            ExprKind::Selector { .. } => match self.p.info.selections.get(&fun.id) {
                Some(Selection::Qualified(o)) => Some(*o).filter(is_func),
                _ => None,
            },
            ExprKind::Index { .. } | ExprKind::IndexList { .. } => self.p.instance_of(fun),
            _ => None,
        }
    }

    /// An argument whose evaluation cannot change a variable another argument reads.
    fn side_effect_free(&self, e: &Expr) -> bool {
        if self.p.info.consts.contains_key(&e.id) {
            return true;
        }
        match &e.kind {
            ExprKind::Ident(_) => true,
            ExprKind::Paren(x) | ExprKind::Selector { x, .. } => self.side_effect_free(x),
            ExprKind::Index { x, index } => {
                self.side_effect_free(x) && self.side_effect_free(index)
            }
            ExprKind::Unary { op, x } if *op != UnOp::Recv => self.side_effect_free(x),
            ExprKind::Binary { x, y, .. } => self.side_effect_free(x) && self.side_effect_free(y),
            _ => false,
        }
    }

    /// A boolean, number, string or pointer: compared and copied as a plain value, never
    /// a panic.
    fn scalar(&self, t: TypeId) -> bool {
        let u = self.p.types.underlying(t);
        match self.p.types.kind(u) {
            TypeKind::Basic(k) => !matches!(k, BasicKind::Invalid | BasicKind::UntypedNil),
            TypeKind::Pointer(_) => true,
            _ => false,
        }
    }

    /// An integer or floating-point number (arithmetic that cannot panic or allocate).
    fn number(&self, t: TypeId) -> bool {
        self.integer(t) || self.float(t)
    }

    fn basic_is(&self, t: TypeId, f: impl Fn(BasicKind) -> bool) -> bool {
        let u = self.p.types.underlying(t);
        matches!(self.p.types.kind(u), TypeKind::Basic(k) if f(*k))
    }

    fn integer(&self, t: TypeId) -> bool {
        self.basic_is(t, |k| k.is_integer())
    }

    fn float(&self, t: TypeId) -> bool {
        self.basic_is(t, |k| k.is_float())
    }

    fn unsigned(&self, t: TypeId) -> bool {
        self.basic_is(t, |k| k.is_unsigned())
    }

    /// An integer operation whose divisor `y` is a constant (never zero: a constant zero
    /// divisor is a compile error).
    fn int_const_divisor(&self, xt: TypeId, y: &Expr) -> bool {
        self.integer(xt) && self.p.info.consts.contains_key(&y.id)
    }
}

/// `x := e` with one plain local `x`: its object and `e`.
fn let_of<'a>(g: &Gen<'a>, st: &'a Stmt) -> Option<(ObjId, &'a Expr)> {
    let StmtKind::Assign {
        lhs,
        op: AssignOp::Define,
        rhs,
    } = &st.kind
    else {
        return None;
    };
    let ([x], [v]) = (lhs.as_slice(), rhs.as_slice()) else {
        return None;
    };
    let ExprKind::Ident(id) = &x.kind else {
        return None;
    };
    let o = *g.p.info.defs.get(&id.id)?;
    matches!(g.p.obj(o).kind, ObjKind::Var { .. }).then_some((o, v))
}
