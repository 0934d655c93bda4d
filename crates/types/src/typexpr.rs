//! Type expressions: `[]int`, `map[K]V`, `struct{...}`, `func(...)`, named types.

use crate::check::{Checker, OpMode};
use crate::*;
use gosub_syntax::ast::{self, Expr, ExprKind, FuncType};

/// A parameter or result of a signature: its name (if any) and type.
#[allow(dead_code)]
pub(crate) struct Param<'a> {
    pub name: Option<&'a Ident>,
    pub ty: TypeId,
}

impl<'a> Checker<'a> {
    /// Evaluates `e` as a type; reports an error and returns T_INVALID otherwise.
    /// How types2 prints the type written as `e` (resolved to `t`) when that differs from
    /// `ts(t)`: types2 keeps the spelling of the aliases byte, rune and any, and prints a
    /// literal empty interface as `interface{}`. The flag tells whether `e` is `any` itself
    /// (an alias of an interface: "interface type any").
    pub(crate) fn type_display(&self, e: &Expr, t: TypeId) -> Option<(String, bool)> {
        if t == T_INVALID {
            return None;
        }
        let s = self.display_rec(e, t);
        let is_any = s == "any"
            && matches!(&gosub_syntax::ast::unparen(e).kind, ExprKind::Ident(id) if id.name == "any");
        if s == self.ts(t) && !is_any {
            return None;
        }
        Some((s, is_any))
    }

    fn display_rec(&self, e: &Expr, t: TypeId) -> String {
        match (&e.kind, self.tt.kind(t)) {
            (ExprKind::Ident(id), _) if matches!(id.name.as_str(), "byte" | "rune" | "any") => {
                let universe = self
                    .info
                    .uses
                    .get(&id.id)
                    .is_some_and(|&o| self.obj(o).pkg == usize::MAX);
                if universe {
                    id.name.clone()
                } else {
                    self.ts(t)
                }
            }
            (ExprKind::Paren(x), _) => self.display_rec(x, t),
            (ExprKind::Star(x), TypeKind::Pointer(et)) => format!("*{}", self.display_rec(x, *et)),
            (ExprKind::ArrayType { len: None, elem }, TypeKind::Slice(et)) => {
                format!("[]{}", self.display_rec(elem, *et))
            }
            (ExprKind::ArrayType { len: Some(_), elem }, TypeKind::Array(et, n)) => {
                format!("[{}]{}", n, self.display_rec(elem, *et))
            }
            (ExprKind::MapType { key, value }, TypeKind::Map(k, v)) => format!(
                "map[{}]{}",
                self.display_rec(key, *k),
                self.display_rec(value, *v)
            ),
            (ExprKind::ChanType { elem, .. }, TypeKind::Chan(d, et)) => {
                let el = self.display_rec(elem, *et);
                if self.tt.chan_elem_parens(*d, *et) {
                    format!("{} ({el})", gosub_syntax::gosrc::chan_dir(*d))
                } else {
                    format!("{} {el}", gosub_syntax::gosrc::chan_dir(*d))
                }
            }
            (ExprKind::InterfaceType { methods }, TypeKind::Interface(ms))
                if methods.is_empty() && ms.is_empty() =>
            {
                "interface{}".into()
            }
            _ => self.ts(t),
        }
    }

    /// The target type of an assignment as printed in messages (see `target_display`).
    pub(crate) fn target_ts(&self, t: TypeId) -> String {
        match &self.target_display {
            Some((tt, s)) if *tt == t => s.clone(),
            _ => self.ts(t),
        }
    }

    pub(crate) fn type_expr(&mut self, e: &'a Expr) -> TypeId {
        // Only the outermost type of a constraint position may be a constraint interface.
        let allow = std::mem::replace(&mut self.allow_constraint, 0);
        let mut t = self.type_expr_inner(e);
        self.allow_constraint = allow;
        if allow == 0 && t != T_INVALID {
            if let TypeKind::Constraint(ts) = self.tt.under(t) {
                let why = if ts.comparable && ts.terms.is_none() {
                    "interface is (or embeds) comparable"
                } else {
                    "interface contains type constraints"
                };
                let s = self.ts(t);
                self.err_at(
                    e,
                    format!("cannot use type {s} outside a type constraint: {why}"),
                );
                t = T_INVALID;
            }
        }
        if t != T_INVALID {
            self.info.types.insert(e.id, t);
            self.info.modes.insert(e.id, Mode::Type);
        }
        t
    }

    /// Whether `id` names something other than a type (and not `_`, nor nothing).
    fn names_non_type(&self, id: &Ident) -> bool {
        id.name != "_"
            && (self.find(&id.name))
                .is_some_and(|(o, _)| !matches!(self.obj(o).kind, ObjKind::TypeName))
    }

    /// types2's `objectKind`: how an error names what an object is.
    pub(crate) fn object_kind(&self, o: ObjId) -> &'static str {
        match &self.obj(o).kind {
            ObjKind::PkgName { .. } => "package name",
            ObjKind::Const(_) => "constant",
            ObjKind::TypeName => "defined type",
            ObjKind::Var { global: true, .. } => "package-level variable",
            ObjKind::Var { result: true, .. } => "result variable",
            ObjKind::Var { param: true, .. }
                if self.info.func_vars.values().any(|f| f.recv == Some(o)) =>
            {
                "receiver"
            }
            ObjKind::Var { param: true, .. } => "parameter",
            ObjKind::Var { .. } => "local variable",
            ObjKind::Func { recv: Some(_), .. } => "method",
            ObjKind::Func { .. } => "function",
            ObjKind::Builtin(_) => "built-in function",
            ObjKind::Nil => "untyped nil",
            ObjKind::Label => "label",
        }
    }

    fn type_expr_inner(&mut self, e: &'a Expr) -> TypeId {
        match &e.kind {
            ExprKind::Ident(id) if self.names_non_type(id) => {
                // types2 stops at the name, without evaluating what it names (a variable
                // whose own type is in error included), and counts it as a use (not of
                // an import).
                let Some(o) = self.lookup_bare(&id.name) else {
                    return T_INVALID;
                };
                self.info.uses.insert(id.id, o);
                if !matches!(self.obj(o).kind, ObjKind::PkgName { .. }) {
                    self.used.insert(o);
                }
                let kind = self.object_kind(o);
                self.error(id.span.lo, format!("{} ({kind}) is not a type", id.name));
                T_INVALID
            }
            ExprKind::Ident(_) | ExprKind::Selector { .. } => {
                let x = self.expr_or_type(e);
                match x.mode {
                    OpMode::Invalid => T_INVALID,
                    OpMode::Type if self.generic_of_type_expr(e).is_some() => {
                        let s = gosub_syntax::gosrc::expr(e);
                        let tps = self.generic_of_type_expr(e).map(|(_, g)| g.tparams);
                        let list: Vec<String> = (tps.unwrap_or_default().iter())
                            .map(|&tp| {
                                let c = self.tt.tparam_of(tp).map_or(T_ANY, |i| i.constraint);
                                format!("{} {}", self.ts(tp), self.ts(c))
                            })
                            .collect();
                        let list = list.join(", ");
                        self.err_at(
                            e,
                            format!("cannot use generic type {s}[{list}] without instantiation"),
                        );
                        T_INVALID
                    }
                    OpMode::Type => x.ty,
                    _ => {
                        // As types2 words it: a method expression at its method's name, any
                        // other operand with its description.
                        let method_expr = matches!(
                            self.info.selections.get(&e.id),
                            Some(Selection::MethodExpr { .. } | Selection::IfaceMethodExpr { .. })
                        );
                        match &e.kind {
                            ExprKind::Selector { sel, .. } if method_expr => {
                                let s = gosub_syntax::gosrc::expr(e);
                                self.error(sel.span.lo, format!("{s} is not a type"));
                            }
                            _ => {
                                let s = self.op_string(&x);
                                self.err_at(e, format!("{s} is not a type"));
                            }
                        }
                        T_INVALID
                    }
                }
            }
            ExprKind::Paren(x) => self.type_expr(x),
            ExprKind::Star(x) => {
                let t = self.type_expr(x);
                if t == T_INVALID {
                    return T_INVALID;
                }
                self.tt.pointer(t)
            }
            ExprKind::ArrayType { len: None, elem } => {
                let t = self.type_expr(elem);
                if t == T_INVALID {
                    return T_INVALID;
                }
                self.tt.slice(t)
            }
            ExprKind::ArrayType { len: Some(l), elem } => {
                if let ExprKind::Ellipsis(None) = l.kind {
                    self.error(
                        l.span.lo,
                        "invalid use of [...] array (outside a composite literal)",
                    );
                    self.type_expr(elem);
                    return T_INVALID;
                }
                let n = self.array_length(l);
                let t = self.type_expr(elem);
                match (n, t) {
                    (Some(n), t) if t != T_INVALID => self.tt.intern(TypeKind::Array(t, n)),
                    _ => T_INVALID,
                }
            }
            ExprKind::MapType { key, value } => {
                let k = self.type_expr(key);
                let v = self.type_expr(value);
                if k == T_INVALID || v == T_INVALID {
                    return T_INVALID;
                }
                if self.tt.tparam_of(k).is_some() && self.declaring_tparams {
                    // Its constraint may not be known yet: checked when it is.
                    self.deferred_keys.push((k, key));
                } else if self.tt.underlying(k) != T_INVALID && !self.comparable(k) {
                    self.err_at(key, format!("invalid map key type {}", self.ts(k)));
                    return T_INVALID;
                }
                self.tt.intern(TypeKind::Map(k, v))
            }
            ExprKind::ChanType { dir, elem } => {
                let t = self.type_expr(elem);
                if t == T_INVALID {
                    return T_INVALID;
                }
                self.tt.intern(TypeKind::Chan(*dir, t))
            }
            ExprKind::FuncType(ft) => self.func_type(ft),
            ExprKind::StructType { fields } => self.struct_type(fields),
            ExprKind::InterfaceType { methods } => self.interface_type(methods),
            ExprKind::Ellipsis(_) => {
                self.error(e.span.lo, "invalid use of ...");
                T_INVALID
            }
            ExprKind::Index { x, index } => {
                self.generic_type_instance(e, x, std::slice::from_ref(&**index))
            }
            ExprKind::IndexList { x, indices } => self.generic_type_instance(e, x, indices),
            _ => {
                let x = self.raw_expr(e, None);
                if !x.is_invalid() {
                    let s = gosub_syntax::gosrc::expr(e);
                    self.err_at(e, format!("{} is not a type", s));
                }
                T_INVALID
            }
        }
    }

    fn array_length(&mut self, l: &'a Expr) -> Option<u64> {
        let x = self.expr(l);
        if x.is_invalid() {
            return None;
        }
        match x.val().cloned() {
            Some(v) => {
                if self.is_untyped(x.ty) || self.is_integer(x.ty) {
                    if let Some(n) = crate::constant::to_int(&v) {
                        if n >= 0 {
                            let ty = if self.is_untyped(x.ty) { T_INT } else { x.ty };
                            self.convert_untyped(&mut x.clone(), ty);
                            return Some(n as u64);
                        }
                    }
                }
                self.err_at(
                    l,
                    format!("invalid array length {}", gosub_syntax::gosrc::expr(l)),
                );
                None
            }
            None => {
                let s = self.op_string(&x);
                self.err_at(l, format!("array length {} must be constant", s));
                None
            }
        }
    }

    /// The parameters or results of a signature, with `...T` turned into `[]T`.
    pub(crate) fn params(&mut self, fields: &'a [ast::Field], variadic: bool) -> Vec<Param<'a>> {
        let mut out = Vec::new();
        let n = fields.len();
        for (i, f) in fields.iter().enumerate() {
            let t = match &f.ty.kind {
                ExprKind::Ellipsis(Some(elem)) => {
                    let et = self.type_expr(elem);
                    if !(variadic && i + 1 == n) {
                        self.error(
                            f.ty.span.lo,
                            "can only use ... with final parameter in list",
                        );
                    }
                    if et == T_INVALID {
                        T_INVALID
                    } else {
                        self.tt.slice(et)
                    }
                }
                _ => self.type_expr(&f.ty),
            };
            if f.names.is_empty() {
                out.push(Param { name: None, ty: t });
            } else {
                for nm in &f.names {
                    out.push(Param {
                        name: Some(nm),
                        ty: t,
                    });
                }
            }
        }
        out
    }

    pub(crate) fn func_type(&mut self, ft: &'a FuncType) -> TypeId {
        let ps = self.params(&ft.params, ft.variadic);
        let rs = self.params(&ft.results, false);
        let sig = Signature {
            params: ps.iter().map(|p| p.ty).collect(),
            results: rs.iter().map(|p| p.ty).collect(),
            variadic: ft.variadic,
        };
        self.tt.intern(TypeKind::Func(sig))
    }

    fn embedded_name(e: &Expr) -> Option<&Ident> {
        match &e.kind {
            ExprKind::Ident(id) => Some(id),
            ExprKind::Star(x) | ExprKind::Paren(x) => Self::embedded_name(x),
            ExprKind::Selector { sel, .. } => Some(sel),
            // An embedded instance `Pair[T, int]` is named after its generic type.
            ExprKind::Index { x, .. } | ExprKind::IndexList { x, .. } => Self::embedded_name(x),
            _ => None,
        }
    }

    fn struct_type(&mut self, fields: &'a [ast::Field]) -> TypeId {
        let mut out: Vec<StructField> = Vec::new();
        let mut seen: HashMap<String, u32> = HashMap::new();
        let path = self.pkg_path();
        for f in fields {
            let t = self.type_expr(&f.ty);
            let mut add = |c: &mut Self, name: &Ident, embedded: bool| {
                if name.name != "_" {
                    if let Some(&prev) = seen.get(&name.name) {
                        c.error(name.span.lo, crate::errors::redeclared(&name.name, prev));
                    } else {
                        seen.insert(name.name.clone(), name.span.lo);
                    }
                }
                let exported = name.name.chars().next().is_some_and(|ch| ch.is_uppercase());
                out.push(StructField {
                    name: name.name.clone(),
                    ty: t,
                    embedded,
                    pkg: if exported {
                        String::new()
                    } else {
                        path.clone()
                    },
                    tag: f.tag.clone(),
                });
            };
            if f.embedded || f.names.is_empty() {
                match Self::embedded_name(&f.ty) {
                    Some(n) => {
                        let elem = match self.tt.kind(t) {
                            TypeKind::Pointer(e) => *e,
                            _ => t,
                        };
                        if self.tt.tparam_of(elem).is_some() {
                            self.err_at(
                                &f.ty,
                                "embedded field type cannot be a (pointer to a) type parameter",
                            );
                        } else if t != T_INVALID {
                            let u = self.tt.underlying(t);
                            let is_ptr = matches!(f.ty.kind, ExprKind::Star(_));
                            if matches!(self.tt.kind(u), TypeKind::Pointer(_)) && !is_ptr {
                                self.err_at(&f.ty, "embedded field type cannot be a pointer");
                            } else if is_ptr {
                                if let TypeKind::Pointer(b) = self.tt.kind(t).clone() {
                                    if self.is_interface(b) {
                                        self.err_at(&f.ty, "embedded field type cannot be a pointer to an interface");
                                    }
                                }
                            }
                        }
                        add(self, n, true)
                    }
                    None => self.err_at(&f.ty, "invalid embedded field type"),
                }
            } else {
                for n in &f.names {
                    add(self, n, false);
                }
            }
        }
        if out.iter().any(|f| f.ty == T_INVALID) {
            return T_INVALID;
        }
        self.tt.intern(TypeKind::Struct(out))
    }

    fn interface_type(&mut self, methods: &'a [ast::Field]) -> TypeId {
        let mut out: Vec<IfaceMethod> = Vec::new();
        let mut seen: HashMap<String, u32> = HashMap::new();
        let mut terms: Option<Vec<Term>> = None;
        let mut comparable = false;
        let path = self.pkg_path();
        for m in methods {
            if let (Some(name), ExprKind::FuncType(ft)) = (m.names.first(), &m.ty.kind) {
                let sig = self.func_type(ft);
                if let Some(&_prev) = seen.get(&name.name) {
                    self.error(name.span.lo, format!("duplicate method {}", name.name));
                    continue;
                }
                seen.insert(name.name.clone(), name.span.lo);
                let exported = name.name.chars().next().is_some_and(|ch| ch.is_uppercase());
                out.push(IfaceMethod {
                    name: name.name.clone(),
                    pkg: if exported {
                        String::new()
                    } else {
                        path.clone()
                    },
                    sig,
                });
            } else if crate::tparams::is_term_expr(&m.ty) {
                let ts = self.union_terms(&m.ty);
                terms = self.intersect_terms(terms, Some(ts));
            } else {
                let t = self.type_expr_or_constraint(&m.ty);
                if t == T_INVALID {
                    continue;
                }
                if matches!(self.tt.kind(t), TypeKind::TypeParam(_)) {
                    self.err_at(&m.ty, "term cannot be a type parameter");
                    continue;
                }
                let (ms, more, cmp) = match self.tt.under(t).clone() {
                    TypeKind::Interface(ms) => (ms, None, false),
                    TypeKind::Constraint(ts) => (ts.methods, ts.terms, ts.comparable),
                    TypeKind::Basic(BasicKind::Invalid) => {
                        self.err_at(&m.ty, "invalid recursive type");
                        continue;
                    }
                    // A non-interface type embedded: the type set {t}.
                    _ => (
                        Vec::new(),
                        Some(vec![Term {
                            tilde: false,
                            ty: t,
                        }]),
                        false,
                    ),
                };
                comparable |= cmp;
                terms = self.intersect_terms(terms, more);
                for im in ms {
                    if let Some(existing) = out.iter().find(|x| x.name == im.name) {
                        if existing.sig != im.sig {
                            self.err_at(&m.ty, format!("duplicate method {}", im.name));
                        }
                        continue;
                    }
                    seen.insert(im.name.clone(), m.ty.span.lo);
                    out.push(im);
                }
            }
        }
        self.make_interface(out, terms, comparable)
    }
}
