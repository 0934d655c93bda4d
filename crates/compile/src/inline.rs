//! Inlining of leaf functions: a call to a function whose body is a single `return e` is
//! compiled as `e` itself, its parameters bound to the caller's registers holding the
//! arguments. It removes the call overhead of the small helpers generic code is built from
//! (`cmp.Less`, `cmp.Compare`, `isNaN`), so a generic sort runs as fast as one written by
//! hand (bench/generics.sh).
//!
//! Invariants:
//! - Only bodies that cannot panic, block, allocate or observe the call stack are inlined:
//!   `e` is built from the function's own parameters (read, never addressed), constants,
//!   the non-panicking operators on numbers, booleans, strings (comparison only) and
//!   pointers, and calls of other inlinable functions. A traceback can therefore never
//!   show the difference, and the escape analysis' verdicts (made per function) still hold.
//! - A function is never inlined into itself (the decision marks it "no" while deciding,
//!   so recursion through other functions stops too), and an inlined body costs at most
//!   `BUDGET` nodes, callees' bodies included, so code size stays bounded.
//! - Arguments are evaluated in the caller, in gc's order (order.rs), before the body;
//!   when an argument has side effects, earlier arguments are copied so that they hold the
//!   values they had when evaluated.

use crate::bytecode::Reg;
use crate::gen::{Gen, Loc};
use gosub_syntax::ast::{self, BinOp, Expr, ExprKind, StmtKind, UnOp};
use gosub_types::{BasicKind, ObjId, ObjKind, Selection, TypeId, TypeKind};

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
        let Inline::Yes { body, .. } = self.inline_decision(o) else {
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
        let hoisted = self.hoist_calls(&all); // gc's order, as for a call (order.rs)
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
        let saved: Vec<(ObjId, Option<Loc>)> = params
            .iter()
            .zip(&regs)
            .filter_map(|(p, &r)| {
                let p = (*p)?;
                let old = self.fs().locals.insert(p, Loc::Frame(r));
                Some((p, old))
            })
            .collect();
        self.unhoist(hoisted);
        let pos = self.fs().f.cur_pos;
        let out = f(self, body, sig.results[0]);
        self.fs().f.cur_pos = pos;
        for (p, old) in saved {
            match old {
                Some(l) => self.fs().locals.insert(p, l),
                None => self.fs().locals.remove(&p),
            };
        }
        Some(out)
    }

    /// The expression calls of `o` are inlined as, if they are.
    pub(crate) fn inline_body(&mut self, o: ObjId) -> Option<&'a Expr> {
        match self.inline_decision(o) {
            Inline::Yes { body, .. } => Some(body),
            Inline::No => None,
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
        let [stmt] = body.stmts.as_slice() else {
            return None;
        };
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
        let params: Vec<ObjId> = self.param_objs(fd).into_iter().flatten().collect();
        let cost = self.inline_cost(e, &params)?;
        (cost <= BUDGET).then_some(Inline::Yes { body: e, cost })
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
                    BinOp::Div | BinOp::Rem | BinOp::Shl | BinOp::Shr => false,
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
    fn param_objs(&self, fd: &ast::FuncDecl) -> Vec<Option<ObjId>> {
        fd.sig
            .params
            .iter()
            .flat_map(|f| f.names.iter())
            .map(|n| self.p.info.defs.get(&n.id).copied())
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
        let u = self.p.types.underlying(t);
        matches!(self.p.types.kind(u), TypeKind::Basic(k) if k.is_integer() || k.is_float())
    }
}
