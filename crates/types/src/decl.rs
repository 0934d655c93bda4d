//! Declarations: checking package-level objects lazily, in dependency order (with gc's
//! cycle errors), constants, variables, types, function signatures and bodies. Collecting
//! them is `resolver.rs`; their initialization order `initorder.rs`.

use crate::check::{Checker, DeclInfo, DeclKind, FuncCtx, OpMode, Operand, PkgState};
use crate::instantiate::{Generic, GenericKind};
use crate::*;
use gosub_syntax::ast::{self, Decl, Expr, FuncDecl};

impl<'a> Checker<'a> {
    pub(crate) fn check_package(&mut self, p: usize) {
        let src = &self.srcs[p];
        let name = src
            .files
            .first()
            .map(|f| f.package.name.clone())
            .unwrap_or_else(|| gosub_syntax::import_name(&src.path).to_string());
        self.pkgs.push(std::sync::Arc::new(PkgState {
            path: src.path.clone(),
            name,
            scope: Default::default(),
            file_scopes: Default::default(),
            init_order: Vec::new(),
            init_funcs: Vec::new(),
            decl_order: Default::default(),
        }));
        self.check_files(p, 0);
    }

    /// Checks files `f0..` of package `p` (all of them for a new package; the files an eval
    /// session adds to its package otherwise, whose earlier declarations are done).
    pub(crate) fn check_files(&mut self, p: usize, f0: usize) {
        self.cur_pkg = p;
        let order0 = self.pkgs[p].decl_order.len();
        self.collect_imports(p, f0);
        let methods = self.collect_objects(p, f0);
        let order: Vec<ObjId> = self.pkgs[p].decl_order.from(order0).copied().collect();
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
        self.check_instances();
        self.report_uninstantiated();
        self.unused_imports(p, f0);
        self.init_order(p, order0);
        self.flush_untyped();
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
            DeclKind::Func {
                file,
                decl,
                decl_idx,
            } => {
                self.cur_file = file;
                let sig = if decl.sig.type_params.is_empty() {
                    self.func_type(&decl.sig)
                } else {
                    self.open_scope(false);
                    let tparams = self.declare_type_params(&decl.sig.type_params);
                    let sig = self.func_type(&decl.sig);
                    let (names, spans) = tparam_names(&decl.sig.type_params);
                    self.info.generic_decls.insert(decl.name.id);
                    self.gen.generics.insert(
                        o,
                        Generic {
                            tparams,
                            names,
                            spans,
                            pkg: info.pkg,
                            file,
                            kind: GenericKind::Func { decl: decl_idx },
                        },
                    );
                    sig
                };
                std::sync::Arc::make_mut(&mut self.objs[o.0 as usize]).ty = sig;
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

    pub(crate) fn cycle_error(&mut self, o: ObjId) {
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
                    std::sync::Arc::make_mut(&mut self.objs[o.0 as usize]).ty = T_INVALID;
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
            let ob = std::sync::Arc::make_mut(&mut self.objs[o.0 as usize]);
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
                let s = gosub_syntax::gosrc::expr(n);
                self.err_at(n, format!("extra init expr {}", s));
            }
        } else if l > r && (const_decl || r != 1) {
            let n = &names[r];
            self.error(n.span.lo, format!("missing init expr for {}", n.name));
        }
    }

    pub(crate) fn var_decl(
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
                std::sync::Arc::make_mut(&mut self.objs[l.0 as usize]).ty = t;
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
                        std::sync::Arc::make_mut(&mut self.objs[o.0 as usize]).ty = T_INVALID;
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
                        std::sync::Arc::make_mut(&mut self.objs[o.0 as usize]).ty = T_INVALID;
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
                std::sync::Arc::make_mut(&mut self.objs[v.0 as usize]).ty = T_INVALID;
            }
            return;
        }
        if !typed {
            let mut t = x.ty;
            if self.is_untyped(t) {
                if t == T_UNTYPED_NIL {
                    self.err_at_op(x, format!("use of untyped nil in {}", context));
                    std::sync::Arc::make_mut(&mut self.objs[v.0 as usize]).ty = T_INVALID;
                    return;
                }
                t = self.default_type(t);
            }
            std::sync::Arc::make_mut(&mut self.objs[v.0 as usize]).ty = t;
        }
        let t = self.obj(v).ty;
        self.target_display = self.var_display.get(&v).map(|(s, _)| (t, s.clone()));
        self.assignment(x, Some(t), context);
        self.target_display = None;
    }

    pub(crate) fn type_decl(&mut self, o: ObjId, spec: &'a ast::TypeSpec) {
        if !spec.type_params.is_empty() {
            self.generic_type_decl(o, spec);
            return;
        }
        if spec.alias {
            let t = self.type_expr(&spec.ty);
            std::sync::Arc::make_mut(&mut self.objs[o.0 as usize]).ty = t;
            return;
        }
        let named = self.obj(o).ty;
        self.named_type_decl(named, &spec.ty);
    }

    /// Sets the underlying type of a declared named type.
    pub(crate) fn named_type_decl(&mut self, named: TypeId, rhs: &'a Expr) {
        // `type Number interface{ ~int | ~float64 }` declares a constraint.
        let t = self.type_expr_or_constraint(rhs);
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
    pub(crate) fn contains_directly(&self, t: TypeId, named: TypeId, depth: u32) -> bool {
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

    /// A generic type or alias: its type parameters are declared, then its type is checked
    /// with them; instances are made on use (instantiate.rs).
    pub(crate) fn generic_type_decl(&mut self, o: ObjId, spec: &'a ast::TypeSpec) {
        self.open_scope(false);
        let tparams = self.declare_type_params(&spec.type_params);
        let (names, spans) = tparam_names(&spec.type_params);
        let (pkg, file) = (self.cur_pkg, self.cur_file);
        let mut g = Generic {
            tparams: tparams.clone(),
            names,
            spans,
            pkg,
            file,
            kind: GenericKind::Alias { ty: T_INVALID },
        };
        if spec.alias {
            let t = self.type_expr(&spec.ty);
            g.kind = GenericKind::Alias { ty: t };
            std::sync::Arc::make_mut(&mut self.objs[o.0 as usize]).ty = t;
            self.gen.generics.insert(o, g);
            self.scopes.pop();
            return;
        }
        let named = self.obj(o).ty;
        if let TypeKind::Named(n) = self.tt.kind(named).clone() {
            self.tt.named[n.0 as usize].targs = tparams;
        }
        self.gen.origin_of.insert(named, named);
        g.kind = GenericKind::Type { origin: named };
        self.gen.generics.insert(o, g);
        self.named_type_decl(named, &spec.ty);
        self.scopes.pop();
        self.complete_instances();
    }

    pub(crate) fn func_decl_body(&mut self, p: usize, _f: usize, _d: usize, fd: &'a FuncDecl) {
        if self.stopped {
            return;
        }
        let fobj = match self.info.defs.get(&fd.name.id) {
            Some(&o) => o,
            None => return,
        };
        if let Some(g) = self.gen.generics.get(&fobj).cloned() {
            // A generic function or method: checked with its type parameters bound.
            let errs = self.errs.len();
            self.open_scope(false);
            let binds: Vec<(String, TypeId)> = g.names.into_iter().zip(g.tparams).collect();
            self.bind_type_names(&binds);
            let outer = self.checking_generic.replace(fobj);
            self.func_decl_body_inner(p, fobj, fd);
            self.checking_generic = outer;
            self.scopes.pop();
            if self.errs.len() > errs {
                self.gen.generic_failed.insert(fobj);
            }
            return;
        }
        self.func_decl_body_inner(p, fobj, fd);
    }

    fn func_decl_body_inner(&mut self, p: usize, fobj: ObjId, fd: &'a FuncDecl) {
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
            && fd.name.name.starts_with(crate::session::SESSION_FN_PREFIX)
            && self.session.as_ref().is_some_and(|s| s.main == p);
        if session_fn {
            // Earlier inputs' variables count as this scope's (`Checker::lookup` finds
            // them there, `earlier_session_var`), without copying them in.
            let base = self.scopes.len() - 1;
            self.scopes[base].session = true;
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

    pub(crate) fn var_lhs(&self, v: ObjId) -> Vec<ObjId> {
        match self.decls.get(&v) {
            Some(DeclInfo {
                kind: DeclKind::Var { lhs, values, .. },
                ..
            }) if values.len() == 1 && lhs.len() > 1 => lhs.clone(),
            _ => vec![v],
        }
    }
}

/// The names of a type parameter list and where each is declared.
pub(crate) fn tparam_names(fields: &[ast::Field]) -> (Vec<String>, Vec<u32>) {
    fields
        .iter()
        .flat_map(|f| &f.names)
        .map(|n| (n.name.clone(), n.span.lo))
        .unzip()
}
