//! Type parameters and their constraints (types2's typeparam.go, typeset.go, union.go):
//! declaring a type parameter list, evaluating a constraint (an interface, or a union of
//! type terms standing for an implicit interface), type sets, core types, and the
//! predicates the operators ask of a type parameter ("are all types in its type set
//! integers?").
//!
//! Invariants:
//! - A type parameter's constraint is an interface type (`Interface` or `Constraint`
//!   underlying); its `core` is the single underlying type of every type in the type set,
//!   or T_INVALID (`TypeTable::underlying` of a type parameter is that core type).
//! - A `Constraint`'s term list is normalized: it is the intersection of the unions the
//!   interface embeds; None means "all types".

use crate::check::Checker;
use crate::*;
use gosub_syntax::ast::{self, BinOp, Expr, ExprKind};

impl<'a> Checker<'a> {
    /// Declares the type parameters `fields` in the innermost scope (names first, then
    /// constraints, which may mention any of them); returns their types in order.
    pub(crate) fn declare_type_params(&mut self, fields: &'a [ast::Field]) -> Vec<TypeId> {
        let mut tps = Vec::new();
        let pkg = self.cur_pkg;
        for f in fields {
            for n in &f.names {
                let t = self.tt.new_type_param(&n.name);
                let o = self.new_obj(&n.name, ObjKind::TypeName, t, n.span, pkg);
                self.declare_local(n, o, false);
                tps.push(t);
            }
        }
        let mut i = 0;
        let outer = std::mem::replace(&mut self.declaring_tparams, true);
        for f in fields {
            let c = self.constraint(&f.ty);
            let core = self.core_of_constraint(c);
            for _ in &f.names {
                self.tt.set_constraint(tps[i], c, core);
                i += 1;
            }
        }
        self.declaring_tparams = outer;
        if !outer {
            for (k, e) in std::mem::take(&mut self.deferred_keys) {
                if !self.comparable(k) {
                    let s = self.ts(k);
                    self.err_at(e, format!("invalid map key type {s}"));
                }
            }
        }
        tps
    }

    /// Binds type parameter names to types (a scope of alias-like type names): the type
    /// parameters themselves while a generic declaration is checked, the type arguments
    /// while one of its instances is.
    pub(crate) fn bind_type_names(&mut self, names: &[(String, TypeId)]) {
        let pkg = self.cur_pkg;
        for (n, t) in names {
            let o = self.new_obj(n, ObjKind::TypeName, *t, Span::default(), pkg);
            self.info.tparam_names.insert(o);
            if let Some(s) = self.scopes.last_mut() {
                s.names.insert(n.clone(), o);
            }
        }
    }

    /// A constraint expression: an interface, or a type term or union standing for the
    /// implicit interface `interface{ E }`.
    pub(crate) fn constraint(&mut self, e: &'a Expr) -> TypeId {
        if is_term_expr(e) {
            let terms = self.union_terms(e);
            return self.tt.intern(TypeKind::Constraint(TypeSet {
                methods: Vec::new(),
                terms: Some(terms),
                comparable: false,
            }));
        }
        let t = self.type_expr_or_constraint(e);
        if t == T_INVALID {
            return T_ANY;
        }
        if self.tt.tparam_of(t).is_some() {
            // (`[T T]`, `[T U, U any]`: a constraint whose type set would be its own.)
            self.err_at(e, "cannot use a type parameter as constraint");
            return T_ANY;
        }
        match self.tt.under(t) {
            TypeKind::Interface(_) | TypeKind::Constraint(_) => t,
            _ => self.tt.intern(TypeKind::Constraint(TypeSet {
                methods: Vec::new(),
                terms: Some(vec![Term {
                    tilde: false,
                    ty: t,
                }]),
                comparable: false,
            })),
        }
    }

    /// The terms of a union `A | ~B | C`.
    pub(crate) fn union_terms(&mut self, e: &'a Expr) -> Vec<Term> {
        let mut out = Vec::new();
        self.collect_terms(e, &mut out);
        out
    }

    fn collect_terms(&mut self, e: &'a Expr, out: &mut Vec<Term>) {
        match &e.kind {
            ExprKind::Binary {
                op: BinOp::Or,
                x,
                y,
            } => {
                self.collect_terms(x, out);
                self.collect_terms(y, out);
            }
            ExprKind::Paren(x) => self.collect_terms(x, out),
            ExprKind::Tilde(x) => {
                let t = self.type_expr(x);
                if t == T_INVALID {
                    return;
                }
                if matches!(self.tt.kind(t), TypeKind::TypeParam(_)) {
                    // (As gc; a type parameter's type set may be its own.)
                    let ts = self.ts(t);
                    self.err_at(x, format!("type in term ~{ts} cannot be a type parameter"));
                    return;
                }
                if self.tt.underlying(t) != t {
                    let (ts, us) = (self.ts(t), self.ts(self.tt.underlying(t)));
                    self.err_at(
                        x,
                        format!("invalid use of ~ (underlying type of {ts} is {us})"),
                    );
                    return;
                }
                out.push(Term { tilde: true, ty: t });
            }
            _ => {
                let t = self.type_expr_or_constraint(e);
                if t == T_INVALID {
                    return;
                }
                if matches!(self.tt.kind(t), TypeKind::TypeParam(_)) {
                    self.err_at(e, "term cannot be a type parameter".to_string());
                    return;
                }
                match self.tt.under(t).clone() {
                    // An embedded constraint interface contributes its terms.
                    TypeKind::Constraint(ts) => match ts.terms {
                        Some(v) => out.extend(v),
                        None => out.push(Term {
                            tilde: false,
                            ty: t,
                        }),
                    },
                    _ => out.push(Term {
                        tilde: false,
                        ty: t,
                    }),
                }
            }
        }
    }

    /// Like `type_expr`, but a constraint interface is allowed (it is only rejected where a
    /// value type is needed).
    pub(crate) fn type_expr_or_constraint(&mut self, e: &'a Expr) -> TypeId {
        self.allow_constraint += 1;
        let t = self.type_expr(e);
        self.allow_constraint -= 1;
        t
    }

    /// The methods, terms and comparability of an interface or constraint `t`; None for a
    /// type that is neither.
    pub(crate) fn type_set(&self, t: TypeId) -> Option<TypeSet> {
        match self.tt.under(t) {
            TypeKind::Interface(ms) => Some(TypeSet {
                methods: ms.clone(),
                terms: None,
                comparable: false,
            }),
            TypeKind::Constraint(ts) => Some(ts.clone()),
            _ => None,
        }
    }

    /// The type set of type parameter `t`'s constraint.
    pub(crate) fn tparam_set(&self, t: TypeId) -> Option<TypeSet> {
        let c = self.tt.tparam_of(t)?.constraint;
        self.type_set(c)
    }

    /// The core type of a constraint: the one underlying type all the types of its type set
    /// share; T_INVALID when there is none (no terms, or terms with different underlying types).
    pub(crate) fn core_of_constraint(&self, c: TypeId) -> TypeId {
        let Some(ts) = self.type_set(c) else {
            return T_INVALID;
        };
        let Some(terms) = ts.terms else {
            return T_INVALID;
        };
        let mut core = T_INVALID;
        for t in terms {
            let u = match self.tt.kind(t.ty) {
                TypeKind::TypeParam(_) => return T_INVALID,
                _ => self.tt.underlying(t.ty),
            };
            if core == T_INVALID {
                core = u;
            } else if core != u {
                return T_INVALID;
            }
        }
        core
    }

    /// Whether `t` is a type parameter whose type set is non-empty, bounded by terms, and
    /// whose every term's underlying type is a basic type satisfying `f` (types2's
    /// `allBoolean`, `allInteger`...).
    pub(crate) fn tparam_all(&self, t: TypeId, f: impl Fn(BasicKind) -> bool) -> bool {
        if self.tt.tparam_of(t).is_none() {
            return false;
        }
        let Some(TypeSet {
            terms: Some(terms), ..
        }) = self.tparam_set(t)
        else {
            return false;
        };
        !terms.is_empty()
            && terms
                .iter()
                .all(|term| self.tt.basic(term.ty).is_some_and(&f))
    }

    /// Whether `t` is a type parameter whose type set holds only strings and byte slices
    /// (`[]byte | string`, Go's "bytestring"): its values have a length, index to bytes
    /// and slice to their own type, as the spec allows without a core type.
    pub(crate) fn tparam_bytestring(&self, t: TypeId) -> bool {
        if self.tt.tparam_of(t).is_none() {
            return false;
        }
        let Some(TypeSet {
            terms: Some(terms), ..
        }) = self.tparam_set(t)
        else {
            return false;
        };
        !terms.is_empty()
            && terms.iter().all(|term| {
                let u = self.tt.underlying(term.ty);
                u == T_STRING
                    || matches!(self.tt.kind(u), TypeKind::Slice(el) if self.tt.underlying(*el) == T_UINT8)
            })
    }

    /// Whether type parameter `t`'s type set contains only comparable types.
    pub(crate) fn tparam_comparable(&self, t: TypeId) -> bool {
        let Some(ts) = self.tparam_set(t) else {
            return false;
        };
        if ts.comparable {
            return true;
        }
        match &ts.terms {
            Some(terms) => terms.iter().all(|term| self.comparable(term.ty)),
            None => false,
        }
    }

    /// The methods a value of type parameter `t` has: its constraint's.
    pub(crate) fn tparam_methods(&self, t: TypeId) -> Vec<IfaceMethod> {
        self.tparam_set(t).map(|s| s.methods).unwrap_or_default()
    }

    /// Computes the type set of an interface literal's embedded elements and methods:
    /// a basic interface if there are no terms and no `comparable`, else a constraint.
    pub(crate) fn make_interface(
        &mut self,
        mut methods: Vec<IfaceMethod>,
        terms: Option<Vec<Term>>,
        comparable: bool,
    ) -> TypeId {
        methods.sort_by(|a, b| a.name.cmp(&b.name));
        if terms.is_none() && !comparable {
            return self.tt.intern(TypeKind::Interface(methods));
        }
        self.tt.intern(TypeKind::Constraint(TypeSet {
            methods,
            terms,
            comparable,
        }))
    }

    /// The intersection of two term lists (None = all types).
    pub(crate) fn intersect_terms(
        &self,
        a: Option<Vec<Term>>,
        b: Option<Vec<Term>>,
    ) -> Option<Vec<Term>> {
        let (a, b) = match (a, b) {
            (None, x) | (x, None) => return x,
            (Some(a), Some(b)) => (a, b),
        };
        let mut out = Vec::new();
        for x in &a {
            for y in &b {
                let t = match (x.tilde, y.tilde) {
                    (true, true) if x.ty == y.ty => Some(*x),
                    (true, false) if self.tt.underlying(y.ty) == x.ty => Some(*y),
                    (false, true) if self.tt.underlying(x.ty) == y.ty => Some(*x),
                    (false, false) if x.ty == y.ty => Some(*x),
                    _ => None,
                };
                if let Some(t) = t {
                    if !out.contains(&t) {
                        out.push(t);
                    }
                }
            }
        }
        Some(out)
    }

    /// Whether type `t` (not a type parameter) is in the type set of `terms`.
    pub(crate) fn in_terms(&self, t: TypeId, terms: &[Term]) -> bool {
        terms.iter().any(|term| {
            if term.tilde {
                self.tt.underlying(t) == term.ty
            } else {
                t == term.ty
            }
        })
    }

    /// Whether `t` mentions a type parameter anywhere (such a type only occurs in generic
    /// code; instances are made only with types that do not).
    pub(crate) fn has_tparams(&self, t: TypeId) -> bool {
        self.has_tparams_d(t, 0)
    }

    fn has_tparams_d(&self, t: TypeId, d: u32) -> bool {
        if d > 64 {
            return false;
        }
        let d = d + 1;
        match self.tt.kind(t) {
            TypeKind::TypeParam(_) => true,
            TypeKind::Basic(_) => false,
            TypeKind::Named(n) => {
                let nt = &self.tt.named[n.0 as usize];
                nt.targs.iter().any(|&a| a != t && self.has_tparams_d(a, d))
            }
            TypeKind::Pointer(e) | TypeKind::Slice(e) | TypeKind::Array(e, _) => {
                self.has_tparams_d(*e, d)
            }
            TypeKind::Chan(_, e) => self.has_tparams_d(*e, d),
            TypeKind::Map(k, v) => self.has_tparams_d(*k, d) || self.has_tparams_d(*v, d),
            TypeKind::Func(sig) => sig
                .params
                .iter()
                .chain(&sig.results)
                .any(|&x| self.has_tparams_d(x, d)),
            TypeKind::Struct(fs) => fs.iter().any(|f| self.has_tparams_d(f.ty, d)),
            TypeKind::Interface(ms) => ms.iter().any(|m| self.has_tparams_d(m.sig, d)),
            TypeKind::Constraint(ts) => {
                ts.methods.iter().any(|m| self.has_tparams_d(m.sig, d))
                    || ts
                        .terms
                        .iter()
                        .flatten()
                        .any(|term| self.has_tparams_d(term.ty, d))
            }
            TypeKind::Tuple(v) => v.iter().any(|&x| self.has_tparams_d(x, d)),
        }
    }
}

/// Whether a constraint or interface element is written as a type term or union (`~T`,
/// `A | B`) rather than as a single type.
pub(crate) fn is_term_expr(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Binary { op: BinOp::Or, .. } | ExprKind::Tilde(_) => true,
        ExprKind::Paren(x) => is_term_expr(x),
        _ => false,
    }
}
