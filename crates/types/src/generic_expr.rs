//! Expressions that name generic declarations (types2's call.go funcInst, typexpr.go
//! instantiatedType): explicit instantiations `F[int]` and `List[int]`, partial ones
//! completed by a call's inference, generic functions assigned or passed to function
//! types (Go 1.21), and the generic functions named without being instantiated, which are
//! errors. Making the instances is `instantiate.rs`.
//!
//! Invariants: every expression naming a generic function ends up either instantiated
//! (`record_instance`: the names inside it use the instance) or reported by
//! `report_uninstantiated`.

use crate::check::{Checker, OpMode, Operand};
use crate::instantiate::{Generic, GenericKind};
use crate::*;
use gosub_syntax::ast::{self, Expr, ExprKind};

impl<'a> Checker<'a> {
    /// `x[A, B]` in an expression: an instance of a generic function or type.
    pub(crate) fn instantiation_expr(
        &mut self,
        e: &'a Expr,
        x: &'a Expr,
        args: &'a [Expr],
    ) -> Operand<'a> {
        let xo = self.expr_or_type(x);
        self.instantiate_operand(e, x, xo, args)
    }

    /// `x[A, B]` with `x` evaluated to `xo`.
    pub(crate) fn instantiate_operand(
        &mut self,
        e: &'a Expr,
        x: &'a Expr,
        xo: Operand<'a>,
        args: &'a [Expr],
    ) -> Operand<'a> {
        match xo.mode {
            OpMode::Invalid => Operand::invalid(Some(e)),
            OpMode::Type => {
                let t = self.generic_type_instance_of(e, x, &xo, args);
                if t == T_INVALID {
                    return Operand::invalid(Some(e));
                }
                Operand {
                    mode: OpMode::Type,
                    ty: t,
                    expr: Some(e),
                }
            }
            _ if self.generic_func_ref(x).is_some() => self.func_instantiation(e, x, xo, args),
            _ => {
                let s = self.op_string(&xo);
                self.err_at(x, format!("invalid operation: cannot index {s}"));
                Operand::invalid(Some(e))
            }
        }
    }

    /// `F[int]` or `F[int, string]`: the instance of generic function F; with fewer type
    /// arguments than F has type parameters, a partial instantiation the call around it
    /// completes by inference.
    pub(crate) fn func_instantiation(
        &mut self,
        e: &'a Expr,
        x: &'a Expr,
        xo: Operand<'a>,
        args: &'a [Expr],
    ) -> Operand<'a> {
        let Some(g) = self.generic_func_ref(x) else {
            return Operand::invalid(Some(e));
        };
        self.mark_resolved(x);
        let Some(gen) = self.gen.generics.get(&g).cloned() else {
            return Operand::invalid(Some(e));
        };
        let Some(targs) = self.type_args(args) else {
            return Operand::invalid(Some(e));
        };
        let n = gen.tparams.len();
        if targs.len() > n {
            self.err_at(
                &args[n],
                format!("got {} type arguments but want {}", targs.len(), n),
            );
            return Operand::invalid(Some(e));
        }
        if targs.len() < n {
            self.generic_refs.insert(e.id, g);
            self.partial_targs.insert(e.id, targs.clone());
            let missing = gen.tparams[targs.len()];
            let msg = format!(
                "cannot infer {} (declared at {})",
                self.ts(missing),
                crate::errors::pos_marker_rel(gen.spans[targs.len()])
            );
            self.generic_uses.push((e.id, x.span.hi, msg));
            return Operand {
                mode: OpMode::Value,
                ty: xo.ty,
                expr: Some(e),
            };
        }
        let pos = crate::errors::start_pos(&args[0]);
        let written: Vec<&Expr> = args.iter().collect();
        if !self.verify_targs(&gen.tparams, &targs, pos, &written) {
            return Operand::invalid(Some(e));
        }
        let inst = self.instantiate_func(g, targs, pos);
        self.record_instance(e, inst);
        Operand {
            mode: OpMode::Value,
            ty: self.obj(inst).ty,
            expr: Some(e),
        }
    }

    /// `List[int]` in a type position: the instance of a generic type or alias.
    pub(crate) fn generic_type_instance(
        &mut self,
        e: &'a Expr,
        x: &'a Expr,
        args: &'a [Expr],
    ) -> TypeId {
        let xo = self.expr_or_type(x);
        self.generic_type_instance_of(e, x, &xo, args)
    }

    fn generic_type_instance_of(
        &mut self,
        e: &'a Expr,
        x: &'a Expr,
        xo: &Operand<'a>,
        args: &'a [Expr],
    ) -> TypeId {
        if xo.is_invalid() {
            return T_INVALID;
        }
        let g = self.generic_of_type_expr(x);
        let Some((gobj, g)) = g else {
            if xo.mode == crate::check::OpMode::Type {
                let s = gosub_syntax::gosrc::expr(x);
                self.err_at(x, format!("{s} is not a generic type"));
            } else {
                let s = gosub_syntax::gosrc::expr(e);
                self.err_at(e, format!("{s} is not a type"));
            }
            return T_INVALID;
        };
        let Some(targs) = self.type_args(args) else {
            return T_INVALID;
        };
        if targs.len() != g.tparams.len() {
            // (gc reports both at the instantiated type expression.)
            let pos = crate::errors::start_pos(e);
            let q = if targs.len() > g.tparams.len() {
                "too many"
            } else {
                "not enough"
            };
            let s = gosub_syntax::gosrc::expr(x);
            self.error(
                pos,
                format!(
                    "{q} type arguments for type {s}: have {}, want {}",
                    targs.len(),
                    g.tparams.len()
                ),
            );
            return T_INVALID;
        }
        // A type argument that does not satisfy its constraint is reported, and the
        // instance is made all the same, as types2 does: the type's uses then check as
        // usual instead of each reporting the invalid type again.
        let pos = crate::errors::start_pos(&args[0]);
        let written: Vec<&Expr> = args.iter().collect();
        let satisfied = self.verify_targs(&g.tparams, &targs, pos, &written);
        let _ = gobj;
        match g.kind {
            GenericKind::Type { origin } => {
                if !satisfied {
                    self.gen.unsatisfied.insert((origin, targs.clone()));
                }
                self.instantiate_type(origin, targs)
            }
            GenericKind::Alias { ty } => {
                let map = g.tparams.iter().copied().zip(targs).collect();
                self.subst(ty, &map)
            }
            GenericKind::Func { .. } => T_INVALID,
        }
    }

    /// The generic type or alias a type expression names (`List`, `pkg.List`).
    pub(crate) fn generic_of_type_expr(&self, x: &Expr) -> Option<(ObjId, Generic)> {
        let id = match &ast::unparen(x).kind {
            ExprKind::Ident(id) => id.id,
            ExprKind::Selector { sel, .. } => sel.id,
            _ => return None,
        };
        let o = *self.info.uses.get(&id)?;
        let g = self.gen.generics.get(&o)?;
        match g.kind {
            GenericKind::Func { .. } => None,
            _ => Some((o, g.clone())),
        }
    }

    /// Records that expression `e` denotes the instance `inst` of a generic function: the
    /// identifier (or qualified identifier) naming the function then uses the instance, so
    /// the later stages call it like any function.
    pub(crate) fn record_instance(&mut self, e: &'a Expr, inst: ObjId) {
        let ty = self.obj(inst).ty;
        let mut cur = e;
        loop {
            self.info.types.insert(cur.id, ty);
            self.info.modes.insert(cur.id, Mode::Value);
            match &cur.kind {
                ExprKind::Paren(x) => cur = x,
                ExprKind::Index { x, .. } | ExprKind::IndexList { x, .. } => {
                    self.info.instances.insert(cur.id, inst);
                    cur = x;
                }
                ExprKind::Ident(id) => {
                    self.info.uses.insert(id.id, inst);
                    return;
                }
                ExprKind::Selector { sel, .. } => {
                    self.info.uses.insert(sel.id, inst);
                    self.info
                        .selections
                        .insert(cur.id, Selection::Qualified(inst));
                    return;
                }
                _ => return,
            }
        }
    }

    /// Instantiates the generic function value `x` for assignment to a variable of type
    /// `t`, inferring its type arguments from `t`; reports an error if it cannot.
    pub(crate) fn instantiate_for_target(
        &mut self,
        x: &mut Operand<'a>,
        t: Option<TypeId>,
    ) -> bool {
        let Some(e) = x.expr else { return false };
        let Some(g) = self.generic_func_ref(e) else {
            return false;
        };
        let name = gosub_syntax::gosrc::expr(e);
        let name = name.split('[').next().unwrap_or_default().to_string();
        let gen = self.gen.generics.get(&g).cloned();
        let target =
            t.filter(|&t| matches!(self.tt.under(t), TypeKind::Func(_)) && !self.has_tparams(t));
        let partial = self.partial_targs.contains_key(&ast::unparen(e).id);
        let (Some(gen), Some(target)) = (gen, target) else {
            if !partial {
                // (A partial instantiation is reported as "cannot infer" by
                // `report_uninstantiated`.)
                self.mark_resolved(e);
                let msg = format!("cannot use generic function {name} without instantiation");
                self.err_at_op(x, msg);
            }
            return false;
        };
        self.mark_resolved(e);
        let partial = (self.partial_targs.get(&ast::unparen(e).id).cloned()).unwrap_or_default();
        let gsig = self.obj(g).ty;
        let arg = Operand {
            mode: OpMode::Value,
            ty: target,
            expr: None,
        };
        let pos = crate::errors::start_pos(e);
        let Some(targs) = self.infer(
            &gen.tparams,
            &gen.spans,
            &partial,
            &[gsig],
            &[Some(arg)],
            &name,
            pos,
        ) else {
            return false;
        };
        let written = crate::instantiate::written_targs(e);
        if !self.verify_targs(&gen.tparams, &targs, pos, &written) {
            return false;
        }
        let inst = self.instantiate_func(g, targs, pos);
        self.record_instance(e, inst);
        x.ty = self.obj(inst).ty;
        true
    }

    /// Marks the generic function reference `e` (and what it is made of) as dealt with.
    pub(crate) fn mark_resolved(&mut self, e: &Expr) {
        let mut cur = e;
        loop {
            self.resolved_refs.insert(cur.id);
            match &cur.kind {
                ExprKind::Paren(x) | ExprKind::Index { x, .. } | ExprKind::IndexList { x, .. } => {
                    cur = x
                }
                _ => return,
            }
        }
    }

    /// Reports the generic functions named without being called, instantiated or assigned
    /// to a function type (types2 reports them where they are used).
    pub(crate) fn report_uninstantiated(&mut self) {
        for (id, pos, msg) in std::mem::take(&mut self.generic_uses) {
            if !self.resolved_refs.contains(&id) {
                self.error(pos, msg);
            }
        }
    }

    /// The generic function an expression names without instantiating it (`Map`,
    /// `slices.Sort`), if any.
    pub(crate) fn generic_func_ref(&self, e: &Expr) -> Option<ObjId> {
        self.generic_refs.get(&ast::unparen(e).id).copied()
    }

    /// Evaluates the type arguments of an instantiation `x[A, B]`; None if one is invalid.
    pub(crate) fn type_args(&mut self, args: &'a [Expr]) -> Option<Vec<TypeId>> {
        let mut out = Vec::new();
        let mut ok = true;
        for a in args {
            let t = self.type_expr(a);
            ok &= t != T_INVALID;
            out.push(t);
        }
        ok.then_some(out)
    }
}
