//! Collecting a package's declarations (types2's resolver.go): imports, package-level
//! objects and methods are declared before any of them is checked, so declarations may
//! refer to each other in any order; and the `imported and not used` errors.

use crate::check::{Checker, DeclInfo, DeclKind};
use crate::errors::pos_marker;
use crate::*;
use gosub_syntax::ast::{self, Decl, Expr, ExprKind, FuncDecl, ValueSpec};

impl<'a> Checker<'a> {
    /// The package an import path of package `p` refers to: one checked before it (for an
    /// eval session's package, any other package already checked, the latest if a host
    /// package was loaded again: src/host_versions.rs).
    pub(crate) fn find_import(&self, p: usize, path: &str) -> Option<usize> {
        let lim = match &self.session {
            Some(s) if s.main == p => self.pkgs.len(),
            _ => p,
        };
        (0..lim)
            .rev()
            .find(|&q| q != p && self.srcs[q].path == path)
    }

    pub(crate) fn collect_imports(&mut self, p: usize, f0: usize) {
        for file in self.srcs[p].files.iter().skip(f0) {
            let mut fs: HashMap<String, ObjId> = HashMap::new();
            for imp in &file.imports {
                let (q, qname) = if imp.path == "unsafe" {
                    (usize::MAX, "unsafe".to_string())
                } else {
                    match self.find_import(p, &imp.path) {
                        Some(q) => (q, self.pkgs[q].name.clone()),
                        None => {
                            self.error(
                                imp.span.lo,
                                format!("package {} is not in gosub's standard library", imp.path),
                            );
                            continue;
                        }
                    }
                };
                let (bind, span) = match &imp.name {
                    Some(n) => (n.name.clone(), n.span),
                    None => (qname.clone(), imp.span),
                };
                if bind == "_" {
                    continue;
                }
                if bind == "." {
                    if q != usize::MAX {
                        let names: Vec<(String, ObjId)> = self.pkgs[q]
                            .scope
                            .iter()
                            .filter(|(n, _)| n.chars().next().is_some_and(|c| c.is_uppercase()))
                            .map(|(n, o)| (n.clone(), *o))
                            .collect();
                        for (n, o) in names {
                            fs.insert(n, o);
                        }
                    }
                    continue;
                }
                let o = self.new_obj(
                    &bind,
                    ObjKind::PkgName { pkg: q },
                    T_INVALID,
                    Span::new(imp.span.lo, imp.span.lo),
                    p,
                );
                if let Some(n) = &imp.name {
                    self.info.defs.insert(n.id, o);
                }
                if let Some(&prev) = fs.get(&bind) {
                    let pl = self.obj(prev).span.lo;
                    self.error(span.lo, crate::errors::redeclared(&bind, pl));
                    continue;
                }
                fs.insert(bind, o);
            }
            std::sync::Arc::make_mut(&mut self.pkgs[p])
                .file_scopes
                .push(std::sync::Arc::new(fs));
        }
    }

    pub(crate) fn declare_pkg(&mut self, p: usize, name: &ast::Ident, o: ObjId) {
        self.info.defs.insert(name.id, o);
        if name.name == "_" {
            std::sync::Arc::make_mut(&mut self.pkgs[p])
                .decl_order
                .push(o);
            return;
        }
        if !self.may_declare_in_package(p, name) {
            return;
        }
        std::sync::Arc::make_mut(&mut self.pkgs[p])
            .scope
            .insert(name.name.clone(), o);
        std::sync::Arc::make_mut(&mut self.pkgs[p])
            .decl_order
            .push(o);
    }

    /// Creates the package-level objects; returns the method declarations.
    pub(crate) fn collect_objects(
        &mut self,
        p: usize,
        f0: usize,
    ) -> Vec<(usize, usize, &'a FuncDecl)> {
        let srcs = self.srcs;
        let path = self.pkg_path();
        let mut methods = Vec::new();
        for (f, file) in srcs[p].files.iter().enumerate().skip(f0) {
            self.cur_file = f;
            for (d, decl) in file.decls.iter().enumerate() {
                match decl {
                    Decl::Const(gd) => {
                        let mut last: Option<&'a ValueSpec> = None;
                        for s in &gd.specs {
                            let (src, inherited) = if s.implicit && last.is_some() {
                                (last.unwrap_or(s), true)
                            } else {
                                last = Some(s);
                                (s, false)
                            };
                            for (i, n) in s.names.iter().enumerate() {
                                let o = self.new_obj(
                                    &n.name,
                                    ObjKind::Const(ConstValue::Int(0)),
                                    T_INVALID,
                                    n.span,
                                    p,
                                );
                                self.decls.insert(
                                    o,
                                    DeclInfo {
                                        kind: DeclKind::Const {
                                            file: f,
                                            ty: src.ty.as_ref(),
                                            init: src.values.get(i),
                                            iota: s.iota,
                                            inherited,
                                            spec_span: s.span,
                                        },
                                        pkg: p,
                                    },
                                );
                                self.declare_pkg(p, n, o);
                            }
                            self.arity(s.span.lo, &s.names, &src.values, true, inherited);
                        }
                    }
                    Decl::Var(gd) => {
                        for (si, s) in gd.specs.iter().enumerate() {
                            let lhs: Vec<ObjId> = s
                                .names
                                .iter()
                                .map(|n| {
                                    self.new_obj(
                                        &n.name,
                                        ObjKind::Var {
                                            global: true,
                                            param: false,
                                            result: false,
                                            field: false,
                                        },
                                        T_INVALID,
                                        n.span,
                                        p,
                                    )
                                })
                                .collect();
                            for (i, n) in s.names.iter().enumerate() {
                                self.decls.insert(
                                    lhs[i],
                                    DeclInfo {
                                        kind: DeclKind::Var {
                                            file: f,
                                            spec: (f, d, si),
                                            ty: s.ty.as_ref(),
                                            values: &s.values,
                                            idx: i,
                                            lhs: lhs.clone(),
                                        },
                                        pkg: p,
                                    },
                                );
                                self.declare_pkg(p, n, lhs[i]);
                            }
                            if s.ty.is_none() || !s.values.is_empty() {
                                self.arity(s.span.lo, &s.names, &s.values, false, false);
                            }
                        }
                    }
                    Decl::Type(gd) => {
                        for s in &gd.specs {
                            let ty = if s.alias {
                                T_INVALID
                            } else {
                                self.tt.new_named(&s.name.name, &path, 0)
                            };
                            let o =
                                self.new_obj(&s.name.name, ObjKind::TypeName, ty, s.name.span, p);
                            self.decls.insert(
                                o,
                                DeclInfo {
                                    kind: DeclKind::Type { file: f, spec: s },
                                    pkg: p,
                                },
                            );
                            self.declare_pkg(p, &s.name, o);
                        }
                    }
                    Decl::Func(fd) => {
                        // The standard library's and host packages' bodiless functions are
                        // natives, as are an eval session's own `__gosub...` helpers; a
                        // program's own functions, and those of a session's input (only the
                        // new input's files are collected), must have one (gc).
                        let users = match &self.session {
                            None => p + 1 == srcs.len(),
                            Some(s) => p == s.main && !fd.name.name.starts_with("__gosub"),
                        };
                        if fd.body.is_none() && self.pkgs[p].name == "main" && users {
                            // gc's position: the token after `func` (a method's `(`, one
                            // space after the keyword as gofmt writes it).
                            let pos = match fd.recv {
                                Some(_) => fd.span.hi + 1,
                                None => fd.name.span.lo,
                            };
                            self.error(pos, "missing function body");
                        }
                        if fd.recv.is_some() {
                            methods.push((f, d, fd));
                            continue;
                        }
                        let o = self.new_obj(
                            &fd.name.name,
                            ObjKind::Func {
                                decl: Some((p, f, d)),
                                recv: None,
                                ptr_recv: false,
                            },
                            T_INVALID,
                            fd.name.span,
                            p,
                        );
                        self.decls.insert(
                            o,
                            DeclInfo {
                                kind: DeclKind::Func {
                                    file: f,
                                    decl_idx: d,
                                    decl: fd,
                                },
                                pkg: p,
                            },
                        );
                        if fd.name.name == "init" {
                            self.info.defs.insert(fd.name.id, o);
                            std::sync::Arc::make_mut(&mut self.pkgs[p])
                                .init_funcs
                                .push((f, d));
                            std::sync::Arc::make_mut(&mut self.pkgs[p])
                                .decl_order
                                .push(o);
                            if !fd.sig.params.is_empty() || !fd.sig.results.is_empty() {
                                self.error(
                                    fd.name.span.lo,
                                    "func init must have no arguments and no return values",
                                );
                            }
                            continue;
                        }
                        if fd.name.name == "main" && self.pkgs[p].name == "main" {
                            if !fd.sig.params.is_empty() || !fd.sig.results.is_empty() {
                                self.error(
                                    fd.name.span.lo,
                                    "func main must have no arguments and no return values",
                                );
                            }
                        }
                        self.declare_pkg(p, &fd.name, o);
                    }
                }
            }
        }
        if self.pkgs[p].name == "main"
            && !self.pkgs[p].scope.contains_key("main")
            && p + 1 == srcs.len()
            && self.session.is_none()
        {
            // gc: "function main is undeclared in the main package" (reported by the linker stage).
            let pos = srcs[p]
                .files
                .first()
                .map(|f| f.package.span.lo)
                .unwrap_or(0);
            self.error(pos, "function main is undeclared in the main package");
        }
        methods
    }

    /// The receiver type parameters of a method of a generic type, `(l *List[T])`: the
    /// generic type's object and the names bound to its type parameters.
    fn generic_recv(&mut self, e: &'a Expr) -> Option<(ObjId, Vec<(String, TypeId)>)> {
        let inner = match &ast::unparen(e).kind {
            ExprKind::Star(x) => ast::unparen(x),
            _ => ast::unparen(e),
        };
        let (base, args): (&Expr, Vec<&Expr>) = match &inner.kind {
            ExprKind::Index { x, index } => (x, vec![&**index]),
            ExprKind::IndexList { x, indices } => (x, indices.iter().collect()),
            _ => return None,
        };
        let ExprKind::Ident(id) = &base.kind else {
            return None;
        };
        let o = self.lookup(&id.name)?;
        if self.decls.contains_key(&o) {
            self.obj_decl(o);
        }
        let g = self.gen.generics.get(&o)?.clone();
        let mut binds = Vec::new();
        for (i, a) in args.iter().enumerate() {
            let ExprKind::Ident(n) = &a.kind else {
                self.err_at(a, "receiver type parameter must be an identifier");
                return None;
            };
            if let Some(&tp) = g.tparams.get(i) {
                binds.push((n.name.clone(), tp));
            }
        }
        if args.len() != g.tparams.len() {
            self.err_at(
                inner,
                format!(
                    "receiver declares {} type parameters, but receiver base type declares {}",
                    args.len(),
                    g.tparams.len()
                ),
            );
            return None;
        }
        Some((o, binds))
    }

    pub(crate) fn collect_method(&mut self, p: usize, f: usize, d: usize, fd: &'a FuncDecl) {
        let Some(recv) = &fd.recv else { return };
        // A method of a generic type is checked with the receiver's type parameter names
        // bound to the generic type's type parameters.
        let generic = self.generic_recv(&recv.ty);
        if let Some((_, binds)) = &generic {
            self.open_scope(false);
            self.bind_type_names(binds);
        }
        let sig = self.func_type(&fd.sig);
        let (named, ptr) = match ast::recv_base(&recv.ty) {
            Some((id, ptr)) => {
                let t = self.type_expr(&recv.ty);
                let base = if ptr {
                    match self.tt.kind(t) {
                        TypeKind::Pointer(b) => *b,
                        _ => t,
                    }
                } else {
                    t
                };
                if t == T_INVALID {
                    (None, ptr)
                } else {
                    match self.tt.kind(base) {
                        TypeKind::Named(_)
                            if self
                                .tt
                                .named_of(base)
                                .is_some_and(|n| n.pkg == self.pkgs[p].path) =>
                        {
                            let u = self.tt.underlying(base);
                            if matches!(
                                self.tt.kind(u),
                                TypeKind::Pointer(_) | TypeKind::Interface(_)
                            ) {
                                let what = if matches!(self.tt.kind(u), TypeKind::Pointer(_)) {
                                    "pointer"
                                } else {
                                    "interface"
                                };
                                self.error(
                                    id.span.lo,
                                    format!(
                                        "invalid receiver type {} ({} or interface type)",
                                        id.name, what
                                    ),
                                );
                                (None, ptr)
                            } else {
                                (Some(base), ptr)
                            }
                        }
                        _ => {
                            let s = self.ts(base);
                            self.error(
                                id.span.lo,
                                format!("cannot define new methods on non-local type {}", s),
                            );
                            (None, ptr)
                        }
                    }
                }
            }
            None => {
                self.err_at(&recv.ty, "invalid receiver type");
                (None, false)
            }
        };
        let o = self.new_obj(
            &fd.name.name,
            ObjKind::Func {
                decl: Some((p, f, d)),
                recv: named,
                ptr_recv: ptr,
            },
            sig,
            fd.name.span,
            p,
        );
        if let Some((_, binds)) = generic {
            self.scopes.pop();
            let (names, tparams): (Vec<String>, Vec<TypeId>) = binds.into_iter().unzip();
            let spans = vec![fd.name.span.lo; names.len()];
            self.info.generic_decls.insert(fd.name.id);
            self.gen.generics.insert(
                o,
                crate::instantiate::Generic {
                    tparams,
                    names,
                    spans,
                    pkg: p,
                    file: f,
                    kind: crate::instantiate::GenericKind::Func { decl: d },
                },
            );
            if let Some(named) = named {
                self.gen.generic_methods.get_mut_or_default(named).push(o);
                let insts = self
                    .gen
                    .instances_of
                    .get(&named)
                    .cloned()
                    .unwrap_or_default();
                for inst in insts {
                    self.instantiate_method(o, inst);
                }
            }
        }
        self.info.defs.insert(fd.name.id, o);
        self.decls.insert(
            o,
            DeclInfo {
                kind: DeclKind::Func {
                    file: f,
                    decl_idx: d,
                    decl: fd,
                },
                pkg: p,
            },
        );
        self.color.insert(o, 2);
        let Some(named) = named else { return };
        if fd.name.name == "_" {
            return;
        }
        // Duplicate method or field with the same name.
        let nt = self.tt.named_of(named).cloned();
        if let Some(nt) = nt {
            for &m in &nt.methods {
                if self.obj(m).name == fd.name.name {
                    let pl = self.obj(m).span.lo;
                    let tn = nt.name.clone();
                    self.error(
                        fd.name.span.lo,
                        format!(
                            "method {}.{} already declared at {}",
                            tn,
                            fd.name.name,
                            pos_marker(pl)
                        ),
                    );
                    return;
                }
            }
            if let TypeKind::Struct(fs) = self.tt.kind(nt.underlying) {
                if fs.iter().any(|x| x.name == fd.name.name) {
                    self.error(
                        fd.name.span.lo,
                        format!("field and method with the same name {}", fd.name.name),
                    );
                    return;
                }
            }
            if let TypeKind::Named(n) = self.tt.kind(named).clone() {
                self.tt.named[n.0 as usize].methods.push(o);
            }
        }
    }

    pub(crate) fn unused_imports(&mut self, p: usize, f0: usize) {
        if self.session.as_ref().is_some_and(|s| s.main == p) {
            return; // an eval session imports what its inputs may use
        }
        let mut list: Vec<(u32, String)> = Vec::new();
        for (fi, file) in self.srcs[p].files.iter().enumerate().skip(f0) {
            if file.pruned {
                continue;
            }
            for imp in &file.imports {
                let bind = match &imp.name {
                    Some(n) if n.name == "_" || n.name == "." => continue,
                    // cgo's pseudo-package may be imported for its preamble alone.
                    _ if imp.path == "C" => continue,
                    Some(n) => n.name.clone(),
                    None => {
                        if imp.path == "unsafe" {
                            "unsafe".to_string()
                        } else {
                            match self.find_import(p, &imp.path) {
                                Some(q) => self.pkgs[q].name.clone(),
                                None => continue,
                            }
                        }
                    }
                };
                let Some(&o) = self.pkgs[p]
                    .file_scopes
                    .get(fi)
                    .and_then(|fs| fs.get(&bind))
                else {
                    continue;
                };
                if self.obj(o).span.lo != imp.span.lo {
                    continue;
                }
                if !self.used_imports.contains(&o) {
                    // types2 names the binding when it is not the path's last element
                    // (a renamed import, or `rand` for "math/rand/v2").
                    let last = imp.path.rsplit('/').next().unwrap_or(&imp.path);
                    let msg = if bind != last {
                        format!("\"{}\" imported as {} and not used", imp.path, bind)
                    } else {
                        format!("\"{}\" imported and not used", imp.path)
                    };
                    list.push((imp.span.lo, msg));
                }
            }
        }
        for (pos, msg) in list {
            self.error(pos, msg);
        }
    }
}
