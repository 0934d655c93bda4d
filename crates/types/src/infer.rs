//! Type inference for calls of generic functions (types2's infer.go, unify.go): the
//! missing type arguments are found by unifying parameter types with argument types, then
//! from untyped constant arguments (their default type, the "largest" kind winning, as
//! Go 1.21 does), then from core types of the constraints (`S ~[]E` gives E from S).
//!
//! Invariants: `infer` returns type arguments for every type parameter or reports exactly
//! one error; unification never binds a type parameter to a type that mentions it.

use crate::check::{Checker, Operand};
use crate::*;

/// Type parameter bindings being inferred.
struct Unifier {
    tparams: Vec<TypeId>,
    bound: HashMap<TypeId, TypeId>,
}

impl Unifier {
    fn is_param(&self, t: TypeId) -> bool {
        self.tparams.contains(&t)
    }
}

impl<'a> Checker<'a> {
    /// Infers the type arguments of a call of a generic function with type parameters
    /// `tparams` (the first ones given as `partial`), parameter types `params` (expanded for
    /// a variadic call) and arguments `args`. `fname` and `pos` are for the error.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn infer(
        &mut self,
        tparams: &[TypeId],
        tparam_pos: &[u32],
        partial: &[TypeId],
        params: &[TypeId],
        args: &[Option<Operand<'a>>],
        fname: &str,
        pos: u32,
    ) -> Option<Vec<TypeId>> {
        // An invalid argument (`None`: `call_args`) was reported already: no inference, and
        // no error of its own (types2 does the same, go.dev/issue/60434).
        if args.iter().any(Option::is_none) {
            return None;
        }
        // Infer fresh copies of the type parameters, so that a generic function called from
        // its own body (`F(n-1, []T{x})` in F) keeps its T apart from the caller's T.
        let (fresh, params) = self.fresh_tparams(tparams, params);
        let tparams = &fresh[..];
        let params = &params[..];
        let mut u = Unifier {
            tparams: tparams.to_vec(),
            bound: HashMap::new(),
        };
        for (i, &t) in partial.iter().enumerate() {
            if let Some(&p) = tparams.get(i) {
                u.bound.insert(p, t);
            }
        }
        // 1. Typed arguments.
        for (p, a) in params.iter().zip(args) {
            let Some(x) = a else { continue };
            if self.is_untyped(x.ty) || !self.has_tparams(*p) {
                continue;
            }
            // A generic function passed as an argument is instantiated from the parameter's
            // type once the other type arguments are known (Go 1.21).
            if x.expr.is_some_and(|e| self.generic_func_ref(e).is_some()) {
                continue;
            }
            if !self.unify(&mut u, *p, x.ty, false, 0) {
                let (ats, pts) = (self.ts(x.ty), self.ts(*p));
                let at = x.expr.map(gosub_syntax::gosrc::expr).unwrap_or_default();
                let msg = match u.bound.get(p) {
                    Some(&b) if u.is_param(*p) => format!(
                        "in call to {fname}, type {ats} of {at} does not match inferred type {} for {pts}",
                        self.ts(b)
                    ),
                    _ => format!("in call to {fname}, type {ats} of {at} does not match {pts}"),
                };
                let p = x.expr.map(crate::errors::start_pos).unwrap_or(pos);
                self.error(p, msg);
                return None;
            }
        }
        if !self.infer_core(&mut u, tparams, pos, fname, true) {
            return None;
        }
        // 3. Untyped constants, for parameters that are a type parameter themselves.
        for &tp in tparams {
            if u.bound.contains_key(&tp) {
                continue;
            }
            let mut best: Option<(TypeId, &Operand)> = None;
            for (p, a) in params.iter().zip(args) {
                let Some(x) = a else { continue };
                if *p != tp || !self.is_untyped(x.ty) || x.ty == T_UNTYPED_NIL {
                    continue;
                }
                best = match best {
                    None => Some((x.ty, x)),
                    Some((bt, bx)) => {
                        let (rank_b, rank_x) = (untyped_rank(bt), untyped_rank(x.ty));
                        if (rank_b == 0) != (rank_x == 0) {
                            let (s1, s2) = (self.ts(bt), self.ts(x.ty));
                            let name = self.ts(tp);
                            self.error(
                                pos,
                                format!("mismatched types {s1} and {s2} (cannot infer {name})"),
                            );
                            return None;
                        }
                        if rank_x > rank_b {
                            Some((x.ty, x))
                        } else {
                            Some((bt, bx))
                        }
                    }
                };
            }
            if let Some((t, _)) = best {
                let d = self.default_type(t);
                u.bound.insert(tp, d);
            }
        }
        if !self.infer_core(&mut u, tparams, pos, fname, false) {
            return None;
        }
        // Resolve bindings that mention other type parameters.
        let mut out = Vec::new();
        for (i, &tp) in tparams.iter().enumerate() {
            let Some(mut t) = u.bound.get(&tp).copied() else {
                let name = self.ts(tp);
                let at = tparam_pos.get(i).copied().unwrap_or(pos);
                self.error(
                    pos,
                    format!(
                        "in call to {fname}, cannot infer {name} (declared at {})",
                        crate::errors::pos_marker_rel(at)
                    ),
                );
                return None;
            };
            for _ in 0..=tparams.len() {
                if !self.has_tparams(t) {
                    break;
                }
                t = self.subst(t, &u.bound);
            }
            out.push(t);
        }
        Some(out)
    }

    /// Step 2: core types of the constraints, until nothing changes (`S ~[]E` bound to
    /// `[]int` gives E = int; an unbound S whose constraint has a core type gets it).
    fn infer_core(
        &mut self,
        u: &mut Unifier,
        tparams: &[TypeId],
        pos: u32,
        fname: &str,
        check_methods: bool,
    ) -> bool {
        for _ in 0..=tparams.len() {
            let mut changed = false;
            for &tp in tparams {
                let Some((core, constraint)) =
                    self.tt.tparam_of(tp).map(|i| (i.core, i.constraint))
                else {
                    continue;
                };
                if core == T_INVALID {
                    // No core type, but a known type argument must have the constraint's
                    // methods (types2 checks this during inference).
                    let methods = self
                        .type_set(constraint)
                        .map(|s| s.methods)
                        .unwrap_or_default();
                    let bound = u.bound.get(&tp).copied();
                    if let (Some(tx), false, true) = (bound, methods.is_empty(), check_methods) {
                        if !self.has_tparams(tx) {
                            let iface = self.tt.intern(TypeKind::Interface(methods));
                            if let Err(cause) = self.implements(tx, iface) {
                                let (name, txs, cs) =
                                    (self.ts(tp), self.ts(tx), self.ts(constraint));
                                self.error(
                                    pos,
                                    format!("in call to {fname}, {name} (type {txs}) does not satisfy {cs} {cause}"),
                                );
                                return false;
                            }
                        }
                    }
                    continue;
                }
                match u.bound.get(&tp).copied() {
                    Some(_) if !self.has_tparams(core) => {}
                    Some(b) => {
                        let before = u.bound.len();
                        let ub = self.tt.underlying(b);
                        if !self.unify(u, core, ub, false, 0) {
                            let (bs, cs) = (self.ts(b), self.ts(core));
                            let name = self.ts(tp);
                            self.error(
                                pos,
                                format!("{bs} does not match {cs} (cannot infer {name})"),
                            );
                            return false;
                        }
                        changed |= u.bound.len() != before;
                    }
                    // Unknown: only a single type without ~ (`P *T`) decides it; `S ~[]E`
                    // allows any type with that underlying type (types2's coreTerm).
                    None => {
                        if let Some(t) = self.single_exact_term(tp) {
                            u.bound.insert(tp, t);
                            changed = true;
                        }
                    }
                }
            }
            if !changed {
                break;
            }
        }
        true
    }

    /// New type parameters standing for `tparams` (constraints rewritten in their terms) and
    /// `params` rewritten in their terms.
    fn fresh_tparams(
        &mut self,
        tparams: &[TypeId],
        params: &[TypeId],
    ) -> (Vec<TypeId>, Vec<TypeId>) {
        let fresh: Vec<TypeId> = (tparams.iter())
            .map(|&tp| {
                let name = self
                    .tt
                    .tparam_of(tp)
                    .map(|i| i.name.clone())
                    .unwrap_or_default();
                self.tt.new_type_param(&name)
            })
            .collect();
        let m: HashMap<TypeId, TypeId> =
            tparams.iter().copied().zip(fresh.iter().copied()).collect();
        for (&old, &new) in tparams.iter().zip(&fresh) {
            let c = self.tt.tparam_of(old).map_or(T_ANY, |i| i.constraint);
            let c = self.subst(c, &m);
            let core = self.core_of_constraint(c);
            self.tt.set_constraint(new, c, core);
        }
        let params = params.iter().map(|&p| self.subst(p, &m)).collect();
        (fresh, params)
    }

    /// Unifies `x` (which may mention the type parameters being inferred) with `y`.
    /// Inexact unification (at the top of an argument) lets a defined type match a type
    /// literal with the same underlying type, as assignability does.
    fn unify(&mut self, u: &mut Unifier, x: TypeId, y: TypeId, exact: bool, d: u32) -> bool {
        if d > 64 {
            return x == y;
        }
        let d = d + 1;
        if x == y {
            return true;
        }
        if u.is_param(x) {
            return match u.bound.get(&x).copied() {
                None => {
                    u.bound.insert(x, y);
                    true
                }
                Some(b) if b == y => true,
                Some(b) => {
                    if self.has_tparams(b) {
                        return self.unify(u, b, y, exact, d);
                    }
                    // Inexact: a defined type and a type literal with the same underlying
                    // type unify, and the defined type is kept.
                    let (nb, ny) = (self.is_defined(b), self.is_defined(y));
                    if !exact && nb != ny && self.tt.underlying(b) == self.tt.underlying(y) {
                        if ny {
                            u.bound.insert(x, y);
                        }
                        return true;
                    }
                    false
                }
            };
        }
        // An unbound type parameter (the enclosing generic function's, not one being
        // inferred) with a core type unifies through it, inexactly (unify.go's
        // enableCoreTypeUnification): `s S` with `S ~[]E` matches a `[]E` parameter.
        if let Some(core) = self.unbound_core(u, y) {
            return self.unify(u, x, core, false, d);
        }
        if let Some(core) = self.unbound_core(u, x) {
            return self.unify(u, core, y, false, d);
        }
        let (kx, ky) = (self.tt.kind(x).clone(), self.tt.kind(y).clone());
        match (&kx, &ky) {
            (TypeKind::Named(_), TypeKind::Named(_)) => {
                let (ox, oy) = (self.gen.origin_of.get(&x), self.gen.origin_of.get(&y));
                match (ox, oy) {
                    (Some(a), Some(b)) if a == b => {
                        let ax = self
                            .tt
                            .named_of(x)
                            .map(|n| n.targs.clone())
                            .unwrap_or_default();
                        let ay = self
                            .tt
                            .named_of(y)
                            .map(|n| n.targs.clone())
                            .unwrap_or_default();
                        ax.len() == ay.len()
                            && ax
                                .iter()
                                .zip(&ay)
                                .all(|(&a, &b)| self.unify(u, a, b, true, d))
                    }
                    _ => false,
                }
            }
            (TypeKind::Named(_), _) if !exact => {
                let ux = self.tt.underlying(x);
                ux != x && self.unify(u, ux, y, true, d)
            }
            (_, TypeKind::Named(_)) if !exact => {
                let uy = self.tt.underlying(y);
                uy != y && self.unify(u, x, uy, true, d)
            }
            (TypeKind::Pointer(a), TypeKind::Pointer(b))
            | (TypeKind::Slice(a), TypeKind::Slice(b)) => self.unify(u, *a, *b, true, d),
            (TypeKind::Array(a, n), TypeKind::Array(b, m)) => {
                n == m && self.unify(u, *a, *b, true, d)
            }
            (TypeKind::Map(k1, v1), TypeKind::Map(k2, v2)) => {
                self.unify(u, *k1, *k2, true, d) && self.unify(u, *v1, *v2, true, d)
            }
            (TypeKind::Chan(d1, a), TypeKind::Chan(d2, b)) => {
                (d1 == d2 || (!exact && *d2 == ChanDir::Both)) && self.unify(u, *a, *b, true, d)
            }
            (TypeKind::Func(s1), TypeKind::Func(s2)) => {
                s1.variadic == s2.variadic
                    && s1.params.len() == s2.params.len()
                    && s1.results.len() == s2.results.len()
                    && s1
                        .params
                        .iter()
                        .zip(&s2.params)
                        .chain(s1.results.iter().zip(&s2.results))
                        .all(|(&a, &b)| self.unify(u, a, b, true, d))
            }
            (TypeKind::Struct(f1), TypeKind::Struct(f2)) => {
                f1.len() == f2.len()
                    && f1.iter().zip(f2).all(|(a, b)| {
                        a.name == b.name
                            && a.embedded == b.embedded
                            && self.unify(u, a.ty, b.ty, true, d)
                    })
            }
            (TypeKind::Tuple(a), TypeKind::Tuple(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(&x, &y)| self.unify(u, x, y, true, d))
            }
            (TypeKind::Interface(m1), TypeKind::Interface(m2)) => {
                m1.len() == m2.len()
                    && m1
                        .iter()
                        .zip(m2)
                        .all(|(a, b)| a.name == b.name && self.unify(u, a.sig, b.sig, true, d))
            }
            _ => false,
        }
    }

    /// The type of type parameter `tp`'s constraint when its type set is one type, named
    /// without `~`.
    fn single_exact_term(&self, tp: TypeId) -> Option<TypeId> {
        match self.tparam_set(tp)?.terms?.as_slice() {
            [t] if !t.tilde => Some(t.ty),
            _ => None,
        }
    }

    /// The core type of `t` when it is a type parameter not being inferred and has one.
    fn unbound_core(&self, u: &Unifier, t: TypeId) -> Option<TypeId> {
        if u.is_param(t) {
            return None;
        }
        let core = self.tt.tparam_of(t)?.core;
        (core != T_INVALID).then_some(core)
    }

    /// A defined (named) type, including the predeclared ones and type parameters.
    fn is_defined(&self, t: TypeId) -> bool {
        matches!(
            self.tt.kind(t),
            TypeKind::Named(_) | TypeKind::Basic(_) | TypeKind::TypeParam(_)
        )
    }
}

/// Untyped numeric kinds in the order Go 1.21's inference prefers them (the largest wins);
/// 0 for the non-numeric untyped kinds.
fn untyped_rank(t: TypeId) -> u8 {
    match t {
        T_UNTYPED_INT => 1,
        T_UNTYPED_RUNE => 2,
        T_UNTYPED_FLOAT => 3,
        T_UNTYPED_COMPLEX => 4,
        _ => 0,
    }
}
