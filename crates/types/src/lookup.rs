//! Field and method lookup through embedding; method sets; interface satisfaction; selectors.

use crate::check::{Checker, OpMode, Operand};
use crate::*;
use gosub_syntax::ast::{Expr, ExprKind};
use gosub_syntax::gosrc;

#[derive(Clone, Debug)]
pub(crate) enum Found {
    Field {
        path: Vec<usize>,
        ty: TypeId,
        indirect: bool,
    },
    Method {
        path: Vec<usize>,
        func: ObjId,
        ptr_recv: bool,
        indirect: bool,
    },
    Iface {
        path: Vec<usize>,
        index: usize,
        sig: TypeId,
    },
    NotFound,
    Ambiguous,
}

impl<'a> Checker<'a> {
    fn deref_named(&self, t: TypeId) -> (TypeId, bool) {
        match self.tt.kind(t) {
            TypeKind::Pointer(b) => (*b, true),
            _ => (t, false),
        }
    }

    fn name_matches(&self, name: &str, pkg: &str, want: &str, fold: bool) -> bool {
        let eq = if fold {
            name.eq_ignore_ascii_case(want)
        } else {
            name == want
        };
        eq && (fold || pkg.is_empty() || *pkg == self.pkg_path())
    }

    /// Looks up `name` in type `t` (Go's selector rules, breadth-first through embedded
    /// fields). With `fold`, matches case-insensitively (for "but does have" hints).
    pub(crate) fn lookup_field_or_method(&mut self, t: TypeId, name: &str, fold: bool) -> Found {
        if name == "_" {
            return Found::NotFound;
        }
        let (typ, is_ptr) = self.deref_named(t);
        if is_ptr && self.is_interface(typ) {
            return Found::NotFound;
        }
        // A pointer to a non-named type (e.g. *struct{...}) still auto-derefs for fields.
        let mut current: Vec<(TypeId, Vec<usize>, bool)> = vec![(typ, vec![], is_ptr)];
        let mut seen: HashSet<TypeId> = HashSet::new();
        let cur_pkg_path = self.pkg_path();
        while !current.is_empty() {
            let mut next = Vec::new();
            let mut found: Vec<Found> = Vec::new();
            for (t, path, indirect) in current {
                if self.tt.tparam_of(t).is_some() {
                    // A type parameter has the methods of its constraint.
                    for (i, m) in self.tparam_methods(t).iter().enumerate() {
                        if self.name_matches(&m.name, &m.pkg, name, fold) {
                            found.push(Found::Iface {
                                path: path.clone(),
                                index: i,
                                sig: m.sig,
                            });
                        }
                    }
                }
                if let TypeKind::Named(_) = self.tt.kind(t) {
                    if !seen.insert(t) {
                        continue;
                    }
                    let methods = self.tt.named_of(t).map(|n| &n.methods[..]);
                    for &m in methods.unwrap_or_default() {
                        let ob = self.obj(m);
                        let exported = ob.name.chars().next().is_some_and(|c| c.is_uppercase());
                        let pkgp = if exported || ob.pkg == usize::MAX {
                            String::new()
                        } else {
                            self.pkgs
                                .get(ob.pkg)
                                .map(|p| p.path.clone())
                                .unwrap_or_default()
                        };
                        if self.name_matches(&ob.name, &pkgp, name, fold) {
                            let ptr = matches!(ob.kind, ObjKind::Func { ptr_recv: true, .. });
                            found.push(Found::Method {
                                path: path.clone(),
                                func: m,
                                ptr_recv: ptr,
                                indirect,
                            });
                        }
                    }
                }
                // A type parameter has no fields, even when its core type is a struct.
                let under = match self.tt.tparam_of(t) {
                    Some(_) => None,
                    None => Some(self.tt.under(t)),
                };
                match under {
                    Some(TypeKind::Struct(fields)) => {
                        for (i, f) in fields.iter().enumerate() {
                            let mut p = path.clone();
                            p.push(i);
                            if self.name_matches(&f.name, &f.pkg, name, fold) {
                                found.push(Found::Field {
                                    path: p.clone(),
                                    ty: f.ty,
                                    indirect,
                                });
                            }
                            if f.embedded {
                                let (ft, ptr) = self.deref_named(f.ty);
                                next.push((ft, p, indirect || ptr));
                            }
                        }
                    }
                    Some(TypeKind::Interface(ms)) => {
                        for (i, m) in ms.iter().enumerate() {
                            if self.name_matches(&m.name, &m.pkg, name, fold) {
                                found.push(Found::Iface {
                                    path: path.clone(),
                                    index: i,
                                    sig: m.sig,
                                });
                            }
                        }
                    }
                    _ => {}
                }
            }
            let _ = &cur_pkg_path;
            match found.len() {
                0 => {}
                1 => return found.pop().unwrap_or(Found::NotFound),
                _ => return Found::Ambiguous,
            }
            current = next;
        }
        Found::NotFound
    }

    /// The method `name` of type `v` as seen for interface satisfaction:
    /// Some((sig, ptr_recv_needed_but_value)) or None.
    fn method_for_iface(&mut self, v: TypeId, name: &str) -> Result<TypeId, &'static str> {
        if self.tt.tparam_of(v).is_some() {
            return (self.tparam_methods(v).iter())
                .find(|m| m.name == name)
                .map(|m| m.sig)
                .ok_or("missing");
        }
        if let TypeKind::Interface(ms) = self.tt.under(v) {
            return ms
                .iter()
                .find(|m| m.name == name)
                .map(|m| m.sig)
                .ok_or("missing");
        }
        match self.lookup_field_or_method(v, name, false) {
            Found::Method {
                func,
                ptr_recv,
                indirect,
                path,
            } => {
                let _ = path;
                let sig = self.obj(func).ty;
                // Value types have only value-receiver methods in their method set
                // (unless reached through an embedded pointer).
                if ptr_recv && !indirect {
                    return Err("ptr");
                }
                Ok(sig)
            }
            Found::Iface { sig, .. } => Ok(sig),
            Found::Field { .. } => Err("field"),
            Found::Ambiguous => Err("ambiguous"),
            Found::NotFound => Err("missing"),
        }
    }

    /// Whether `v` implements interface `t`; on failure, the cause in types2's words.
    pub(crate) fn implements(&mut self, v: TypeId, t: TypeId) -> Result<(), String> {
        let TypeKind::Interface(ms) = self.tt.under(t).clone() else {
            return Err(String::new());
        };
        for m in &ms {
            match self.method_for_iface(v, &m.name) {
                Ok(sig) if sig == m.sig => {}
                Ok(sig) => {
                    let have = format!("{}{}", m.name, self.ts(sig).trim_start_matches("func"));
                    let want = format!("{}{}", m.name, self.ts(m.sig).trim_start_matches("func"));
                    return Err(format!(
                        "(wrong type for method {})\n\t\thave {}\n\t\twant {}",
                        m.name, have, want
                    ));
                }
                Err("ptr") => return Err(format!("(method {} has pointer receiver)", m.name)),
                Err("field") => {
                    return Err(format!(
                        "({}.{} is a field, not a method)",
                        self.ts(v),
                        m.name
                    ))
                }
                Err("ambiguous") => {
                    return Err(format!("(ambiguous selector {}.{})", self.ts(v), m.name))
                }
                Err(_) => {
                    // A method with a different capitalization?
                    if let Found::Method { func, .. } =
                        self.lookup_field_or_method(v, &m.name, true)
                    {
                        let f = self.obj(func).clone();
                        let have =
                            format!("{}{}", f.name, self.ts(f.ty).trim_start_matches("func"));
                        let want =
                            format!("{}{}", m.name, self.ts(m.sig).trim_start_matches("func"));
                        return Err(format!(
                            "(missing method {})\n\t\thave {}\n\t\twant {}",
                            m.name, have, want
                        ));
                    }
                    return Err(format!("(missing method {})", m.name));
                }
            }
        }
        Ok(())
    }

    /// `x.(T)`: T must implement x's interface if T is not an interface.
    pub(crate) fn type_assertion(
        &mut self,
        e: &'a Expr,
        x: &Operand<'a>,
        t: TypeId,
        in_switch: bool,
    ) -> bool {
        if self.is_interface(t) {
            return true;
        }
        if let Err(cause) = self.implements(t, x.ty) {
            let (ts, xs) = (self.ts(t), self.ts(x.ty));
            if in_switch {
                let s = gosrc::expr(e);
                self.err_at(
                    e,
                    format!(
                        "impossible type switch case: {} cannot have dynamic type {} {}",
                        s, ts, cause
                    ),
                );
                let _ = xs;
            } else {
                let s = gosrc::expr(e);
                self.err_at(
                    e,
                    format!(
                        "impossible type assertion: {}\n\t{} does not implement {} {}",
                        s, ts, xs, cause
                    ),
                );
            }
            return false;
        }
        true
    }

    /// `x.sel`
    pub(crate) fn selector(&mut self, e: &'a Expr, xe: &'a Expr, sel: &'a Ident) -> Operand<'a> {
        // Package-qualified identifier?
        if let ExprKind::Ident(pid) = &xe.kind {
            if let Some(o) = self.lookup(&pid.name) {
                if let ObjKind::PkgName { pkg } = self.obj(o).kind {
                    self.info.uses.insert(pid.id, o);
                    return self.qualified(e, pkg, sel);
                }
            }
        }
        let x = self.expr_or_type(xe);
        if x.is_invalid() {
            return Operand::invalid(Some(e));
        }
        if x.mode == OpMode::Type {
            return self.method_expr(e, &x, sel);
        }
        if let OpMode::Builtin(_) = x.mode {
            // (types2 reports it at the `.`, where the operand ends.)
            let s = gosrc::expr(xe);
            let msg = format!("invalid use of {s} (built-in) in selector expression");
            self.error(xe.span.hi, msg);
            return Operand::invalid(Some(e));
        }
        let x = self.single_value(x);
        if x.is_invalid() {
            return Operand::invalid(Some(e));
        }
        if x.is_nil() {
            self.err_at(xe, "use of untyped nil in selector expression");
            return Operand::invalid(Some(e));
        }
        let found = self.lookup_field_or_method(x.ty, &sel.name, false);
        match found {
            Found::Field { path, ty, indirect } => {
                let mode = if x.mode == OpMode::Var || indirect {
                    OpMode::Var
                } else {
                    OpMode::Value
                };
                self.info
                    .selections
                    .insert(e.id, Selection::Field { path, ty });
                Operand {
                    mode,
                    ty,
                    expr: Some(e),
                }
            }
            Found::Method {
                path,
                func,
                ptr_recv,
                indirect,
            } => {
                if ptr_recv && !indirect && x.mode != OpMode::Var {
                    let s = gosrc::expr(e);
                    let xs = self.op_string(&x);
                    let _ = xs;
                    let ts = self.ts(x.ty);
                    self.error(
                        sel.span.lo,
                        format!("cannot call pointer method {} on {}", sel.name, ts),
                    );
                    let _ = s;
                    return Operand::invalid(Some(e));
                }
                self.add_dep(func);
                let fty = self.obj(func).ty;
                self.info.uses.insert(sel.id, func);
                self.info.selections.insert(
                    e.id,
                    Selection::Method {
                        path,
                        func,
                        ptr_recv,
                    },
                );
                Operand {
                    mode: OpMode::Value,
                    ty: fty,
                    expr: Some(e),
                }
            }
            Found::Iface { path, index, sig } => {
                self.info
                    .selections
                    .insert(e.id, Selection::IfaceMethod { path, index });
                Operand {
                    mode: OpMode::Value,
                    ty: sig,
                    expr: Some(e),
                }
            }
            Found::Ambiguous => {
                self.error(
                    sel.span.lo,
                    format!("ambiguous selector {}", gosrc::expr(e)),
                );
                Operand::invalid(Some(e))
            }
            Found::NotFound => {
                let es = gosrc::expr(e);
                let why = if let TypeKind::Pointer(b) = self.tt.kind(x.ty).clone() {
                    if self.is_interface(b) {
                        format!(
                            "type {} is pointer to interface, not interface",
                            self.ts(x.ty)
                        )
                    } else {
                        self.lookup_error(x.ty, &sel.name)
                    }
                } else {
                    self.lookup_error(x.ty, &sel.name)
                };
                self.error(sel.span.lo, format!("{} undefined ({})", es, why));
                Operand::invalid(Some(e))
            }
        }
    }

    fn lookup_error(&mut self, t: TypeId, name: &str) -> String {
        let ts = self.ts(t);
        match self.lookup_field_or_method(t, name, true) {
            Found::Field { path, .. } => {
                let alt = self.field_name_at(t, &path);
                format!(
                    "type {} has no field or method {}, but does have field {}",
                    ts, name, alt
                )
            }
            Found::Method { func, .. } => {
                let alt = self.obj(func).name.clone();
                format!(
                    "type {} has no field or method {}, but does have method {}",
                    ts, name, alt
                )
            }
            Found::Iface { index, path, .. } => {
                let _ = path;
                let alt = match self.tt.under(t) {
                    TypeKind::Interface(ms) => {
                        ms.get(index).map(|m| m.name.clone()).unwrap_or_default()
                    }
                    _ => String::new(),
                };
                if alt.is_empty() {
                    format!("type {} has no field or method {}", ts, name)
                } else {
                    format!(
                        "type {} has no field or method {}, but does have method {}",
                        ts, name, alt
                    )
                }
            }
            _ => format!("type {} has no field or method {}", ts, name),
        }
    }

    fn field_name_at(&self, t: TypeId, path: &[usize]) -> String {
        let mut cur = t;
        let mut name = String::new();
        for &i in path {
            let base = match self.tt.kind(cur) {
                TypeKind::Pointer(b) => *b,
                _ => cur,
            };
            if let TypeKind::Struct(fs) = self.tt.under(base) {
                if let Some(f) = fs.get(i) {
                    name = f.name.clone();
                    cur = f.ty;
                }
            }
        }
        name
    }

    fn qualified(&mut self, e: &'a Expr, pkg: usize, sel: &'a Ident) -> Operand<'a> {
        let o = if pkg == usize::MAX {
            if self.unsafe_pkg.is_none() {
                let m = self.unsafe_scope();
                self.unsafe_members = std::sync::Arc::new(m);
                self.unsafe_pkg = Some(ObjId(0));
            }
            self.unsafe_members.get(&sel.name).copied()
        } else {
            // Special case: the pseudo-package `C` (cgo emulation, crates/std/go/C/C.go)
            // names C's functions and types in C's lower case (`C.malloc`, `C.int`); all its
            // package-level names are exported. Every other package follows Go's rule.
            let exported = sel.name.chars().next().is_some_and(|c| c.is_uppercase())
                || self.pkgs.get(pkg).is_some_and(|p| p.path == "C");
            match self
                .pkgs
                .get(pkg)
                .and_then(|p| p.scope.get(&sel.name))
                .copied()
            {
                Some(o) if exported => Some(o),
                Some(_) => {
                    let pn = self.pkgs[pkg].name.clone();
                    self.error(
                        sel.span.lo,
                        format!("name {} not exported by package {}", sel.name, pn),
                    );
                    return Operand::invalid(Some(e));
                }
                None => None,
            }
        };
        let Some(o) = o else {
            // gc names the package as the program wrote it (`import p "unicode"`: `p.X`).
            let pn = match &e.kind {
                ExprKind::Selector { x, .. } => match &x.kind {
                    ExprKind::Ident(id) => Some(id.name.clone()),
                    _ => None,
                },
                _ => None,
            };
            let pn = pn.unwrap_or_else(|| {
                if pkg == usize::MAX {
                    "unsafe".to_string()
                } else {
                    self.pkgs[pkg].name.clone()
                }
            });
            self.error(sel.span.lo, format!("undefined: {}.{}", pn, sel.name));
            return Operand::invalid(Some(e));
        };
        self.info.uses.insert(sel.id, o);
        self.info.selections.insert(e.id, Selection::Qualified(o));
        self.obj_operand(e, o, sel.span.lo)
    }

    fn method_expr(&mut self, e: &'a Expr, x: &Operand<'a>, sel: &'a Ident) -> Operand<'a> {
        let t = x.ty;
        match self.lookup_field_or_method(t, &sel.name, false) {
            Found::Method {
                func,
                ptr_recv,
                indirect,
                ..
            } => {
                let is_ptr = matches!(self.tt.kind(t), TypeKind::Pointer(_));
                if ptr_recv && !indirect && !is_ptr {
                    let ts = self.ts(t);
                    self.error(
                        sel.span.lo,
                        format!(
                            "invalid method expression {}.{} (needs pointer receiver (*{}).{})",
                            ts, sel.name, ts, sel.name
                        ),
                    );
                    return Operand::invalid(Some(e));
                }
                self.add_dep(func);
                let sig = self.func_sig(self.obj(func).ty).unwrap_or(Signature {
                    params: vec![],
                    results: vec![],
                    variadic: false,
                });
                let mut params = vec![t];
                params.extend(sig.params.iter().copied());
                let fty = self.tt.intern(TypeKind::Func(Signature {
                    params,
                    results: sig.results,
                    variadic: sig.variadic,
                }));
                self.info.uses.insert(sel.id, func);
                self.info.selections.insert(
                    e.id,
                    Selection::MethodExpr {
                        func,
                        ptr_recv,
                        recv: t,
                    },
                );
                Operand {
                    mode: OpMode::Value,
                    ty: fty,
                    expr: Some(e),
                }
            }
            Found::Iface { sig, index, .. } => {
                let s = self.func_sig(sig).unwrap_or(Signature {
                    params: vec![],
                    results: vec![],
                    variadic: false,
                });
                let mut params = vec![t];
                params.extend(s.params.iter().copied());
                let fty = self.tt.intern(TypeKind::Func(Signature {
                    params,
                    results: s.results,
                    variadic: s.variadic,
                }));
                self.info
                    .selections
                    .insert(e.id, Selection::IfaceMethodExpr { recv: t, index });
                Operand {
                    mode: OpMode::Value,
                    ty: fty,
                    expr: Some(e),
                }
            }
            _ => {
                let es = gosrc::expr(e);
                let why = self.lookup_error(t, &sel.name);
                self.error(sel.span.lo, format!("{} undefined ({})", es, why));
                Operand::invalid(Some(e))
            }
        }
    }
}
