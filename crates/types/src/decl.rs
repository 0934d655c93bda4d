//! Package-level declarations: collection, lazy checking, methods, init order.

use crate::check::{Checker, DeclInfo, DeclKind, FuncCtx, OpMode, Operand, PkgState};
use crate::errors::pos_marker;
use crate::*;
use gosub_syntax::ast::{self, Decl, Expr, ExprKind, FuncDecl, ValueSpec};

impl<'a> Checker<'a> {
    pub(crate) fn check_package(&mut self, p: usize) {
        let src = &self.srcs[p];
        let name = src
            .files
            .first()
            .map(|f| f.package.name.clone())
            .unwrap_or_else(|| src.path.rsplit('/').next().unwrap_or("main").to_string());
        self.pkgs.push(PkgState {
            path: src.path.clone(),
            name,
            scope: HashMap::new(),
            file_scopes: Vec::new(),
            init_order: Vec::new(),
            init_funcs: Vec::new(),
            decl_order: Vec::new(),
        });
        self.check_files(p, 0);
    }

    /// Checks files `f0..` of package `p` (all of them for a new package; the files an eval
    /// session adds to its package otherwise, whose earlier declarations are done).
    pub(crate) fn check_files(&mut self, p: usize, f0: usize) {
        self.cur_pkg = p;
        let order0 = self.pkgs[p].decl_order.len();
        self.collect_imports(p, f0);
        let methods = self.collect_objects(p, f0);
        let order = self.pkgs[p].decl_order[order0..].to_vec();
        // Types first, then methods, then everything else (as types2 does).
        for &o in &order {
            if matches!(self.obj(o).kind, ObjKind::TypeName) {
                self.obj_decl(o);
            }
        }
        for &(f, d, fd) in &methods {
            self.cur_file = f;
            self.collect_method(p, f, d, fd);
        }
        for &o in &order {
            self.obj_decl(o);
        }
        // Function bodies in source order.
        for (f, file) in self.srcs[p].files.iter().enumerate().skip(f0) {
            for (d, decl) in file.decls.iter().enumerate() {
                if let Decl::Func(fd) = decl {
                    self.cur_file = f;
                    self.func_decl_body(p, f, d, fd);
                }
            }
        }
        self.unused_imports(p, f0);
        self.init_order(p, order0);
        self.flush_untyped();
    }

    /// The package an import path of package `p` refers to: one checked before it (for an
    /// eval session's package, any other package already checked).
    fn find_import(&self, p: usize, path: &str) -> Option<usize> {
        let lim = match &self.session {
            Some(s) if s.main == p => self.pkgs.len(),
            _ => p,
        };
        (0..lim).find(|&q| q != p && self.srcs[q].path == path)
    }

    fn collect_imports(&mut self, p: usize, f0: usize) {
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
            self.pkgs[p].file_scopes.push(fs);
        }
    }

    fn declare_pkg(&mut self, p: usize, name: &ast::Ident, o: ObjId) {
        self.info.defs.insert(name.id, o);
        if name.name == "_" {
            self.pkgs[p].decl_order.push(o);
            return;
        }
        if let Some(&prev) = self.pkgs[p].scope.get(&name.name) {
            let pl = self.obj(prev).span.lo;
            self.error(name.span.lo, crate::errors::redeclared(&name.name, pl));
            return;
        }
        self.pkgs[p].scope.insert(name.name.clone(), o);
        self.pkgs[p].decl_order.push(o);
    }

    /// Creates the package-level objects; returns the method declarations.
    fn collect_objects(&mut self, p: usize, f0: usize) -> Vec<(usize, usize, &'a FuncDecl)> {
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
                            self.pkgs[p].init_funcs.push((f, d));
                            self.pkgs[p].decl_order.push(o);
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

    fn recv_base(e: &Expr) -> Option<(&ast::Ident, bool)> {
        match &e.kind {
            ExprKind::Ident(id) => Some((id, false)),
            ExprKind::Paren(x) => Self::recv_base(x),
            ExprKind::Star(x) => Self::recv_base(x).map(|(i, _)| (i, true)),
            _ => None,
        }
    }

    fn collect_method(&mut self, p: usize, f: usize, d: usize, fd: &'a FuncDecl) {
        let Some(recv) = &fd.recv else { return };
        let sig = self.func_type(&fd.sig);
        let (named, ptr) = match Self::recv_base(&recv.ty) {
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

    /// Checks a package-level object's declaration (once), resolving dependencies lazily.
    pub(crate) fn obj_decl(&mut self, o: ObjId) {
        match self.color.get(&o) {
            Some(2) => return,
            Some(1) => {
                self.cycle_error(o);
                return;
            }
            _ => {}
        }
        let Some(info) = self.decls.get(&o).cloned() else {
            return;
        };
        self.color.insert(o, 1);
        // Save the context of whatever was being checked.
        let saved_pkg = self.cur_pkg;
        let saved_file = self.cur_file;
        let saved_scopes = std::mem::take(&mut self.scopes);
        let saved_funcs = std::mem::take(&mut self.funcs);
        let saved_iota = self.iota.take();
        let saved_decl = self.cur_decl.take();
        self.cur_pkg = info.pkg;
        match info.kind {
            DeclKind::Const {
                file,
                ty,
                init,
                iota,
                inherited: _,
                spec_span,
            } => {
                self.cur_file = file;
                self.iota = Some(iota);
                self.const_decl(o, ty, init, spec_span);
            }
            DeclKind::Var {
                file,
                ty,
                values,
                idx,
                lhs,
                ..
            } => {
                self.cur_file = file;
                self.cur_decl = Some(o);
                self.var_decl(o, ty, values, idx, &lhs);
            }
            DeclKind::Type { file, spec } => {
                self.cur_file = file;
                self.type_decl(o, spec);
            }
            DeclKind::Func { file, decl, .. } => {
                self.cur_file = file;
                let sig = self.func_type(&decl.sig);
                self.objs[o.0 as usize].ty = sig;
            }
        }
        self.cur_pkg = saved_pkg;
        self.cur_file = saved_file;
        self.scopes = saved_scopes;
        self.funcs = saved_funcs;
        self.iota = saved_iota;
        self.cur_decl = saved_decl;
        self.color.insert(o, 2);
    }

    fn cycle_error(&mut self, o: ObjId) {
        let ob = self.obj(o).clone();
        match ob.kind {
            ObjKind::TypeName => {
                // A named type may refer to itself (through pointers etc.); aliases may not.
                if ob.ty == T_INVALID {
                    self.error(
                        ob.span.lo,
                        format!("invalid recursive type: {} refers to itself", ob.name),
                    );
                }
            }
            ObjKind::Func { .. } => {}
            _ => {
                if ob.ty == T_INVALID {
                    self.error(
                        ob.span.lo,
                        format!(
                            "initialization cycle or invalid recursive reference to {}",
                            ob.name
                        ),
                    );
                    self.objs[o.0 as usize].ty = T_INVALID;
                }
            }
        }
    }

    pub(crate) fn const_decl(
        &mut self,
        o: ObjId,
        ty: Option<&'a Expr>,
        init: Option<&'a Expr>,
        spec_span: Span,
    ) {
        let t = ty.map(|t| self.type_expr(t));
        if let Some(t) = t {
            if t != T_INVALID && !matches!(self.tt.under(t), TypeKind::Basic(_)) {
                let s = self.ts(t);
                if let Some(te) = ty {
                    self.err_at(te, format!("invalid constant type {}", s));
                }
                return;
            }
        }
        let Some(init) = init else {
            // reported by `arity`
            let _ = spec_span;
            return;
        };
        let mut x = self.expr(init);
        if x.is_invalid() {
            return;
        }
        if x.val().is_none() {
            let s = self.op_string(&x);
            self.err_at_op(&x, format!("{} is not constant", s));
            return;
        }
        if let Some(t) = t {
            if t == T_INVALID {
                return;
            }
            self.assignment(&mut x, Some(t), "constant declaration");
            if x.is_invalid() {
                return;
            }
        }
        if let OpMode::Const(v) = &x.mode {
            let v = self.normalize_const(v.clone(), x.ty);
            let public = v.to_public();
            self.const_vals.insert(o, v);
            let ob = &mut self.objs[o.0 as usize];
            ob.kind = ObjKind::Const(public);
            ob.ty = x.ty;
        }
    }

    /// types2's `arity`: the numbers of names and init values of a const or var spec must
    /// match (a single value may be a multi-valued call for var specs).
    pub(crate) fn arity(
        &mut self,
        pos: u32,
        names: &[ast::Ident],
        inits: &'a [Expr],
        const_decl: bool,
        inherited: bool,
    ) {
        let (l, r) = (names.len(), inits.len());
        if l < r {
            let n = &inits[l];
            if inherited {
                let at = format!("{{@.{}}}", crate::errors::start_pos(n));
                self.error(pos, format!("extra init expr at {}", at));
            } else {
                let s = crate::exprstring::expr_string(n);
                self.err_at(n, format!("extra init expr {}", s));
            }
        } else if l > r && (const_decl || r != 1) {
            let n = &names[r];
            self.error(n.span.lo, format!("missing init expr for {}", n.name));
        }
    }

    fn var_decl(
        &mut self,
        o: ObjId,
        ty: Option<&'a Expr>,
        values: &'a [Expr],
        idx: usize,
        lhs: &[ObjId],
    ) {
        let t = ty.map(|t| self.type_expr(t));
        if let Some(t) = t {
            let disp = ty.and_then(|e| self.type_display(e, t));
            for &l in lhs {
                self.objs[l.0 as usize].ty = t;
                if let Some(d) = &disp {
                    self.var_display.insert(l, d.clone());
                }
            }
        }
        if values.is_empty() {
            return;
        }
        if values.len() == 1 && lhs.len() == 1 {
            match self.single_call_rhs(values) {
                Some(mut x) => self.init_var(o, &mut x, "variable declaration", t.is_some()),
                None => {
                    if t.is_none() {
                        self.objs[o.0 as usize].ty = T_INVALID;
                    }
                }
            }
            return;
        }
        if values.len() != 1 {
            // 1:1, or a count mismatch reported by `arity` (extra values are not checked)
            match values.get(idx) {
                Some(v) => {
                    let mut x = self.expr(v);
                    self.init_var(o, &mut x, "variable declaration", t.is_some());
                }
                None => {
                    if t.is_none() {
                        self.objs[o.0 as usize].ty = T_INVALID;
                    }
                }
            }
            return;
        }
        // n:1 (or a mismatch)
        for &l in lhs {
            self.color.insert(l, 1);
        }
        self.init_vars(lhs, values, t.is_some(), None);
        for &l in lhs {
            self.color.insert(l, 2);
        }
    }

    /// Initializes variable `v` with `x`; `typed` tells whether v's type was declared.
    pub(crate) fn init_var(&mut self, v: ObjId, x: &mut Operand<'a>, context: &str, typed: bool) {
        if x.is_invalid() {
            if !typed {
                self.objs[v.0 as usize].ty = T_INVALID;
            }
            return;
        }
        if !typed {
            let mut t = x.ty;
            if self.is_untyped(t) {
                if t == T_UNTYPED_NIL {
                    self.err_at_op(x, format!("use of untyped nil in {}", context));
                    self.objs[v.0 as usize].ty = T_INVALID;
                    return;
                }
                t = self.default_type(t);
            }
            self.objs[v.0 as usize].ty = t;
        }
        let t = self.obj(v).ty;
        self.target_display = self.var_display.get(&v).map(|(s, _)| (t, s.clone()));
        self.assignment(x, Some(t), context);
        self.target_display = None;
    }

    fn type_decl(&mut self, o: ObjId, spec: &'a ast::TypeSpec) {
        if spec.alias {
            let t = self.type_expr(&spec.ty);
            self.objs[o.0 as usize].ty = t;
            return;
        }
        let named = self.obj(o).ty;
        self.named_type_decl(named, &spec.ty);
    }

    /// Sets the underlying type of a declared named type.
    pub(crate) fn named_type_decl(&mut self, named: TypeId, rhs: &'a Expr) {
        let t = self.type_expr(rhs);
        let mut u = self.tt.underlying(t);
        if t != T_INVALID && u == T_INVALID {
            // `type A B` where B's underlying type is not yet known: a cycle.
            let name = self
                .tt
                .named_of(named)
                .map(|n| n.name.clone())
                .unwrap_or_default();
            self.err_at(rhs, format!("invalid recursive type {}", name));
            u = T_INVALID;
        }
        if let TypeKind::Named(n) = self.tt.kind(named).clone() {
            self.tt.named[n.0 as usize].underlying = u;
        }
        if u != T_INVALID && self.contains_directly(u, named, 0) {
            let (name, lo) = match self
                .objs
                .iter()
                .find(|ob| ob.ty == named && matches!(ob.kind, ObjKind::TypeName))
            {
                Some(ob) => (ob.name.clone(), ob.span.lo),
                None => (String::new(), 0),
            };
            self.error(
                lo,
                format!("invalid recursive type: {} refers to itself", name),
            );
            if let TypeKind::Named(n) = self.tt.kind(named).clone() {
                self.tt.named[n.0 as usize].underlying = T_INVALID;
            }
        }
    }

    /// Whether type `t` contains `named` by value (not behind a pointer, slice, map...).
    fn contains_directly(&self, t: TypeId, named: TypeId, depth: u32) -> bool {
        if depth > 64 {
            return false;
        }
        if t == named {
            return true;
        }
        let k = match self.tt.kind(t) {
            TypeKind::Named(_) => self.tt.under(t),
            k => k,
        };
        match k {
            TypeKind::Struct(fs) => fs
                .iter()
                .any(|f| self.contains_directly(f.ty, named, depth + 1)),
            TypeKind::Array(e, _) => self.contains_directly(*e, named, depth + 1),
            _ => false,
        }
    }

    fn func_decl_body(&mut self, p: usize, _f: usize, _d: usize, fd: &'a FuncDecl) {
        if self.stopped {
            return;
        }
        let fobj = match self.info.defs.get(&fd.name.id) {
            Some(&o) => o,
            None => return,
        };
        let sig_ty = self.obj(fobj).ty;
        self.cur_pkg = p;
        self.cur_decl = Some(fobj);
        self.funcs.push(FuncCtx {
            owner: fd.name.id,
            lit: None,
            results: Vec::new(),
            result_vars: Vec::new(),
            named_results: false,
            scope_base: self.scopes.len(),
            captures: Vec::new(),
        });
        self.open_scope(true);
        let mut fv = FuncVars::default();
        if let Some(recv) = &fd.recv {
            let t = self.type_expr(&recv.ty);
            let name = recv.names.first();
            let o = self.new_param(name, t, false, recv.ty.span);
            fv.recv = Some(o);
        }
        self.declare_sig_vars(&fd.sig, sig_ty, &mut fv);
        self.info.func_vars.insert(fd.name.id, fv);
        let session_fn = fd.recv.is_none()
            && fd.name.name.starts_with(crate::check::SESSION_FN_PREFIX)
            && self.session.as_ref().is_some_and(|s| s.main == p);
        if session_fn {
            // Earlier inputs' variables are in this scope too, so `x := 1` after `x := 0`
            // reports "no new variables" as it would within one function.
            let vars = self
                .session
                .as_ref()
                .map(|s| s.vars.clone())
                .unwrap_or_default();
            let base = self.scopes.len() - 1;
            for v in vars {
                let name = self.obj(v).name.clone();
                self.scopes[base].names.insert(name, v);
            }
            if let Some(s) = self.session.as_mut() {
                s.scope = Some(base);
            }
        }
        if let Some(body) = &fd.body {
            self.func_body(body);
        }
        if let Some(s) = self.session.as_mut() {
            s.scope = None;
        }
        self.close_scope();
        self.funcs.pop();
        self.cur_decl = None;
    }

    pub(crate) fn new_param(
        &mut self,
        name: Option<&'a ast::Ident>,
        t: TypeId,
        result: bool,
        span: Span,
    ) -> ObjId {
        let pkg = self.cur_pkg;
        let nm = name.map(|n| n.name.clone()).unwrap_or_else(|| "_".into());
        let sp = name.map(|n| n.span).unwrap_or(span);
        let o = self.new_obj(
            &nm,
            ObjKind::Var {
                global: false,
                param: !result,
                result,
                field: false,
            },
            t,
            sp,
            pkg,
        );
        if let Some(n) = name {
            self.declare_local(n, o, false);
        }
        o
    }

    /// Declares the params and results of a signature in the current (function) scope.
    pub(crate) fn declare_sig_vars(
        &mut self,
        ft: &'a ast::FuncType,
        sig_ty: TypeId,
        fv: &mut FuncVars,
    ) {
        let sig = self.func_sig(sig_ty).unwrap_or(Signature {
            params: vec![],
            results: vec![],
            variadic: false,
        });
        let mut i = 0;
        for f in &ft.params {
            if f.names.is_empty() {
                let t = sig.params.get(i).copied().unwrap_or(T_INVALID);
                let o = self.new_param(None, t, false, f.span);
                fv.params.push(o);
                i += 1;
            }
            for n in &f.names {
                let t = sig.params.get(i).copied().unwrap_or(T_INVALID);
                let o = self.new_param(Some(n), t, false, n.span);
                fv.params.push(o);
                i += 1;
            }
        }
        let mut i = 0;
        for f in &ft.results {
            if f.names.is_empty() {
                let t = sig.results.get(i).copied().unwrap_or(T_INVALID);
                let pkg = self.cur_pkg;
                let o = self.new_obj(
                    &format!("~r{}", i),
                    ObjKind::Var {
                        global: false,
                        param: false,
                        result: true,
                        field: false,
                    },
                    t,
                    f.span,
                    pkg,
                );
                fv.results.push(o);
                i += 1;
            }
            for n in &f.names {
                let t = sig.results.get(i).copied().unwrap_or(T_INVALID);
                let o = self.new_param(Some(n), t, true, n.span);
                fv.results.push(o);
                fv.named_results = true;
                i += 1;
            }
        }
        if let Some(fc) = self.funcs.last_mut() {
            fc.results = sig.results.clone();
            fc.result_vars = fv.results.clone();
            fc.named_results = fv.named_results;
        }
    }

    fn unused_imports(&mut self, p: usize, f0: usize) {
        if self.session.as_ref().is_some_and(|s| s.main == p) {
            return; // an eval session imports what its inputs may use
        }
        let mut list: Vec<(u32, String)> = Vec::new();
        for (fi, file) in self.srcs[p].files.iter().enumerate().skip(f0) {
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
                    let last = imp.path.rsplit('/').next().unwrap_or(&imp.path);
                    let msg = match &imp.name {
                        Some(n) if n.name != last => {
                            format!("\"{}\" imported as {} and not used", imp.path, n.name)
                        }
                        _ => format!("\"{}\" imported and not used", imp.path),
                    };
                    list.push((imp.span.lo, msg));
                }
            }
        }
        for (pos, msg) in list {
            self.error(pos, msg);
        }
    }

    /// Computes the package's variable initialization order (Go spec "Package initialization").
    /// Appends the initialization order of the package-level variables declared from
    /// `decl_order[order0..]` on (variables declared earlier are initialized already).
    fn init_order(&mut self, p: usize, order0: usize) {
        let order = self.pkgs[p].decl_order[order0..].to_vec();
        let vars: Vec<ObjId> = order
            .iter()
            .copied()
            .filter(|o| matches!(self.obj(*o).kind, ObjKind::Var { .. }))
            .collect();
        // Transitive variable dependencies through functions.
        let mut var_deps: HashMap<ObjId, HashSet<ObjId>> = HashMap::new();
        for &v in &vars {
            let mut seen: HashSet<ObjId> = HashSet::new();
            let mut stack: Vec<ObjId> = self.deps.get(&v).cloned().unwrap_or_default();
            let mut out = HashSet::new();
            while let Some(d) = stack.pop() {
                if !seen.insert(d) {
                    continue;
                }
                match self.obj(d).kind {
                    ObjKind::Var { global: true, .. } => {
                        out.insert(d);
                    }
                    ObjKind::Func { .. } => {
                        if let Some(ds) = self.deps.get(&d) {
                            stack.extend(ds.iter().copied());
                        }
                    }
                    _ => {}
                }
            }
            var_deps.insert(v, out);
        }
        let batch: HashSet<ObjId> = vars.iter().copied().collect();
        let mut done: HashSet<ObjId> = HashSet::new();
        let mut emitted: HashSet<(usize, usize, usize)> = HashSet::new();
        let mut remaining = vars.clone();
        while !remaining.is_empty() {
            let pick = remaining.iter().position(|v| {
                let lhs = self.var_lhs(*v);
                var_deps.get(v).is_none_or(|ds| {
                    ds.iter()
                        .all(|d| done.contains(d) || lhs.contains(d) || !batch.contains(d))
                })
            });
            let idx = match pick {
                Some(i) => i,
                None => {
                    let v = remaining[0];
                    let (lo, name) = (self.obj(v).span.lo, self.obj(v).name.clone());
                    self.error(
                        lo,
                        format!(
                            "initialization cycle or initialization loop involving {}",
                            name
                        ),
                    );
                    0
                }
            };
            let v = remaining.remove(idx);
            if let Some(DeclInfo {
                kind: DeclKind::Var {
                    spec, lhs, values, ..
                },
                ..
            }) = self.decls.get(&v).cloned()
            {
                let group = values.len() == 1 && lhs.len() > 1;
                if group {
                    for l in &lhs {
                        done.insert(*l);
                    }
                    remaining.retain(|r| !lhs.contains(r));
                } else {
                    done.insert(v);
                }
                if values.is_empty() {
                    continue;
                }
                if values.len() == lhs.len() && lhs.len() > 1 {
                    // Each variable has its own initializer: one entry per variable; the
                    // compiler picks `values[i]` where `i` is the variable's index in the spec.
                    self.pkgs[p]
                        .init_order
                        .push(InitEntry { lhs: vec![v], spec });
                    continue;
                }
                if emitted.insert(spec) {
                    self.pkgs[p].init_order.push(InitEntry { lhs, spec });
                }
            }
        }
    }

    fn var_lhs(&self, v: ObjId) -> Vec<ObjId> {
        match self.decls.get(&v) {
            Some(DeclInfo {
                kind: DeclKind::Var { lhs, values, .. },
                ..
            }) if values.len() == 1 && lhs.len() > 1 => lhs.clone(),
            _ => vec![v],
        }
    }
}
