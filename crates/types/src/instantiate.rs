//! Generic declarations and their instances: gosub compiles generics by full
//! monomorphization (see docs/architecture.md, "Generics").
//!
//! A generic function, type or method is checked once with its type parameters as
//! `TypeParam` types, which is where errors in generic code are reported, in gc's words.
//! Each instantiation with concrete type arguments then gets its own copy:
//! - a generic type `List[T]` instantiated as `List[int]` is a new `Named` type whose
//!   underlying type is the generic one with T replaced by int (`subst`), with one instance
//!   of each of the generic type's methods;
//! - a generic function or method instance is a new function object whose declaration is a
//!   copy of the generic `FuncDecl` with fresh node ids (`assign_func_decl`), checked again
//!   with the type parameter names bound to the type arguments. Later stages (escape
//!   analysis, the compiler) see only these ordinary, fully typed functions.
//!
//! Invariants:
//! - Instances are hash-consed: one function object per (generic function, type
//!   arguments), one named type per (generic type, type arguments); instantiating a generic
//!   type with its own type parameters gives the generic type itself.
//! - Only instances whose type arguments mention no type parameter get a body copy (the
//!   others exist to check generic code); their copies are stored, in order, in the
//!   instance file the checker appends to the program (`Checker::inst_store`), and their
//!   bodies are checked by `check_instances` before the package's checking ends.
//! - A generic declaration whose own check reported errors is never instantiated with a
//!   body (its errors are the ones to report).
//!
//! The expressions that name generic code (`F[int]`, `List[int]`, a generic function
//! passed to a function type) are `generic_expr.rs`; inference is `infer.rs`.

use crate::check::Checker;
use crate::*;
use gosub_syntax::ast::{self, Expr, ExprKind, FuncDecl, NodeId};
use typed_arena::Arena;

/// Where a generic declaration is, and its type parameters.
#[derive(Clone, Debug)]
pub(crate) struct Generic {
    pub tparams: Vec<TypeId>,
    /// The type parameter names its declaration binds (a method's receiver may rename them).
    pub names: Vec<String>,
    /// Where each type parameter is declared.
    pub spans: Vec<u32>,
    pub pkg: usize,
    pub file: usize,
    pub kind: GenericKind,
}

#[derive(Clone, Debug)]
pub(crate) enum GenericKind {
    /// A generic function or method: its `FuncDecl` is `srcs[pkg].files[file].decls[decl]`.
    Func { decl: usize },
    /// A generic named type (the origin `Named` type).
    Type { origin: TypeId },
    /// A generic alias `type A[P any] = T`: the aliased type, in terms of `tparams`.
    Alias { ty: TypeId },
}

/// A function instance whose body is still to be checked.
pub(crate) struct Pending<'a> {
    pub generic: ObjId,
    pub decl: &'a FuncDecl,
    pub pkg: usize,
    pub file: usize,
    pub binds: Vec<(String, TypeId)>,
    /// How many instance bodies led to this one (see MAX_INSTANCE_DEPTH).
    pub depth: u32,
}

/// The longest chain of instances whose bodies make the next one: deeper is an
/// instantiation cycle through several generic functions.
const MAX_INSTANCE_DEPTH: u32 = 100;

/// The type arguments written in the instantiation `fun` (`F[int]`, `F[int, string]`,
/// parenthesised or not); none for a plain name.
pub(crate) fn written_targs(fun: &Expr) -> Vec<&Expr> {
    match &ast::unparen(fun).kind {
        ExprKind::Index { index, .. } => vec![&**index],
        ExprKind::IndexList { indices, .. } => indices.iter().collect(),
        _ => Vec::new(),
    }
}

/// Where gc reports a written type argument: its start, except that a function type
/// (which gc parses there as an expression) is at its `(`.
fn targ_pos(e: &Expr) -> u32 {
    match &e.kind {
        ExprKind::FuncType(ft) => ft.lparen,
        _ => crate::errors::start_pos(e),
    }
}

impl<'a> Checker<'a> {
    /// The generic function declaration of `g`.
    fn generic_func_decl(&self, g: &Generic) -> Option<&'a FuncDecl> {
        let GenericKind::Func { decl } = g.kind else {
            return None;
        };
        let srcs = self.srcs;
        match srcs.get(g.pkg)?.files.get(g.file)?.decls.get(decl)? {
            ast::Decl::Func(fd) => Some(fd),
            _ => None,
        }
    }

    /// Replaces type parameters in `t` by `m`'s types.
    pub(crate) fn subst(&mut self, t: TypeId, m: &HashMap<TypeId, TypeId>) -> TypeId {
        self.subst_d(t, m, 0)
    }

    fn subst_d(&mut self, t: TypeId, m: &HashMap<TypeId, TypeId>, d: u32) -> TypeId {
        if m.is_empty() || d > 64 {
            return t;
        }
        let d = d + 1;
        let kind = self.tt.kind(t).clone();
        match kind {
            TypeKind::TypeParam(_) => m.get(&t).copied().unwrap_or(t),
            TypeKind::Basic(_) => t,
            TypeKind::Named(n) => {
                let targs = self.tt.named[n.0 as usize].targs.clone();
                if targs.is_empty() {
                    return t;
                }
                let new: Vec<TypeId> = targs.iter().map(|&a| self.subst_d(a, m, d)).collect();
                if new == targs {
                    return t;
                }
                match self.gen.origin_of.get(&t).copied() {
                    Some(origin) => self.instantiate_type(origin, new),
                    None => t,
                }
            }
            TypeKind::Pointer(e) => {
                let e = self.subst_d(e, m, d);
                self.tt.pointer(e)
            }
            TypeKind::Slice(e) => {
                let e = self.subst_d(e, m, d);
                self.tt.slice(e)
            }
            TypeKind::Array(e, n) => {
                let e = self.subst_d(e, m, d);
                self.tt.intern(TypeKind::Array(e, n))
            }
            TypeKind::Chan(dir, e) => {
                let e = self.subst_d(e, m, d);
                self.tt.intern(TypeKind::Chan(dir, e))
            }
            TypeKind::Map(k, v) => {
                let k = self.subst_d(k, m, d);
                let v = self.subst_d(v, m, d);
                self.tt.intern(TypeKind::Map(k, v))
            }
            TypeKind::Func(sig) => {
                let params = sig.params.iter().map(|&x| self.subst_d(x, m, d)).collect();
                let results = sig.results.iter().map(|&x| self.subst_d(x, m, d)).collect();
                self.tt.intern(TypeKind::Func(Signature {
                    params,
                    results,
                    variadic: sig.variadic,
                }))
            }
            TypeKind::Struct(fs) => {
                let fs = fs
                    .into_iter()
                    .map(|mut f| {
                        f.ty = self.subst_d(f.ty, m, d);
                        f
                    })
                    .collect();
                self.tt.intern(TypeKind::Struct(fs))
            }
            TypeKind::Interface(ms) => {
                let ms = self.subst_methods(ms, m, d);
                self.tt.intern(TypeKind::Interface(ms))
            }
            TypeKind::Constraint(ts) => {
                let methods = self.subst_methods(ts.methods, m, d);
                let terms = ts.terms.map(|v| {
                    v.into_iter()
                        .map(|term| Term {
                            tilde: term.tilde,
                            ty: self.subst_d(term.ty, m, d),
                        })
                        .collect()
                });
                self.tt.intern(TypeKind::Constraint(TypeSet {
                    methods,
                    terms,
                    comparable: ts.comparable,
                }))
            }
            TypeKind::Tuple(v) => {
                let v = v.iter().map(|&x| self.subst_d(x, m, d)).collect();
                self.tt.tuple(v)
            }
        }
    }

    fn subst_methods(
        &mut self,
        ms: Vec<IfaceMethod>,
        m: &HashMap<TypeId, TypeId>,
        d: u32,
    ) -> Vec<IfaceMethod> {
        ms.into_iter()
            .map(|mut im| {
                im.sig = self.subst_d(im.sig, m, d);
                im
            })
            .collect()
    }

    /// The instance of generic type `origin` with `targs`, created on first use with one
    /// instance of each of its methods (whose bodies are checked only when the arguments
    /// satisfied the constraints: `GenericState::unsatisfied`).
    pub(crate) fn instantiate_type(&mut self, origin: TypeId, targs: Vec<TypeId>) -> TypeId {
        let own = self
            .tt
            .named_of(origin)
            .map(|n| n.targs.clone())
            .unwrap_or_default();
        if own == targs {
            return origin;
        }
        if let Some(&t) = self.gen.type_instances.get(&(origin, targs.clone())) {
            return t;
        }
        let Some(nt) = self.tt.named_of(origin).cloned() else {
            return T_INVALID;
        };
        let inst = self.tt.new_named(&nt.name, &nt.pkg, nt.local_index);
        if let TypeKind::Named(n) = self.tt.kind(inst).clone() {
            self.tt.named[n.0 as usize].targs = targs.clone();
        }
        self.gen
            .type_instances
            .insert((origin, targs.clone()), inst);
        self.gen.origin_of.insert(inst, origin);
        self.gen.instances_of.get_mut_or_default(origin).push(inst);
        if nt.underlying == T_INVALID {
            // The generic type's own declaration is still being checked (`type T[P any]
            // struct{ next *T[int] }`): finished by `complete_instances`.
            self.incomplete.push(inst);
        } else {
            self.complete_instance(inst);
        }
        let methods = self
            .gen
            .generic_methods
            .get(&origin)
            .cloned()
            .unwrap_or_default();
        for m in methods {
            self.instantiate_method(m, inst);
        }
        inst
    }

    /// Sets the underlying type of instance `inst` from its generic type's.
    fn complete_instance(&mut self, inst: TypeId) {
        let Some(&origin) = self.gen.origin_of.get(&inst) else {
            return;
        };
        let Some(on) = self.tt.named_of(origin).cloned() else {
            return;
        };
        let targs = self
            .tt
            .named_of(inst)
            .map(|n| n.targs.clone())
            .unwrap_or_default();
        let m: HashMap<TypeId, TypeId> = on.targs.iter().copied().zip(targs).collect();
        let u = self.subst(on.underlying, &m);
        let u = self.tt.underlying(u);
        if let TypeKind::Named(n) = self.tt.kind(inst).clone() {
            self.tt.named[n.0 as usize].underlying = u;
        }
    }

    /// Completes the instances made while their generic type was being declared.
    pub(crate) fn complete_instances(&mut self) {
        let list = std::mem::take(&mut self.incomplete);
        for inst in list {
            let ready = self
                .gen
                .origin_of
                .get(&inst)
                .and_then(|o| self.tt.named_of(*o))
                .is_some_and(|n| n.underlying != T_INVALID);
            if ready {
                self.complete_instance(inst);
            } else {
                self.incomplete.push(inst);
            }
        }
    }

    /// Adds to instance type `inst` the instance of generic method `m`.
    pub(crate) fn instantiate_method(&mut self, m: ObjId, inst: TypeId) {
        let Some(g) = self.gen.generics.get(&m).cloned() else {
            return;
        };
        let targs = self
            .tt
            .named_of(inst)
            .map(|n| n.targs.clone())
            .unwrap_or_default();
        let map: HashMap<TypeId, TypeId> = g.tparams.iter().copied().zip(targs.clone()).collect();
        let mo = self.obj(m).clone();
        let sig = self.subst(mo.ty, &map);
        let ptr_recv = matches!(mo.kind, ObjKind::Func { ptr_recv: true, .. });
        let o = self.new_obj(
            &mo.name,
            ObjKind::Func {
                decl: None,
                recv: Some(inst),
                ptr_recv,
            },
            sig,
            mo.span,
            mo.pkg,
        );
        std::sync::Arc::make_mut(&mut self.objs[o.0 as usize]).owner = None;
        self.info.instance_origin.insert(o, m);
        self.info.instance_targs.insert(o, targs.clone());
        if let TypeKind::Named(n) = self.tt.kind(inst).clone() {
            self.tt.named[n.0 as usize].methods.push(o);
        }
        let origin = self.gen.origin_of.get(&inst).copied().unwrap_or(inst);
        if !self.gen.unsatisfied.contains(&(origin, targs.clone())) {
            self.add_body(m, &g, o, targs);
        }
    }

    /// Whether `t` mentions one of `tparams`.
    fn mentions(&self, t: TypeId, tparams: &[TypeId]) -> bool {
        if tparams.contains(&t) {
            return true;
        }
        match self.tt.kind(t) {
            TypeKind::Pointer(e)
            | TypeKind::Slice(e)
            | TypeKind::Array(e, _)
            | TypeKind::Chan(_, e) => self.mentions(*e, tparams),
            TypeKind::Map(k, v) => self.mentions(*k, tparams) || self.mentions(*v, tparams),
            TypeKind::Named(n) => {
                let targs = &self.tt.named[n.0 as usize].targs;
                targs.iter().any(|&a| a != t && self.mentions(a, tparams))
            }
            TypeKind::Func(sig) => sig
                .params
                .iter()
                .chain(&sig.results)
                .any(|&x| self.mentions(x, tparams)),
            TypeKind::Struct(fs) => fs.iter().any(|f| self.mentions(f.ty, tparams)),
            TypeKind::Tuple(v) => v.iter().any(|&x| self.mentions(x, tparams)),
            _ => false,
        }
    }

    /// Gives instance `inst` of generic function or method `g` (object `gobj`) its own
    /// copy of the declaration, to be checked with the type arguments bound, when the type
    /// arguments are concrete.
    fn add_body(&mut self, gobj: ObjId, g: &Generic, inst: ObjId, targs: Vec<TypeId>) {
        if targs.iter().any(|&t| self.has_tparams(t)) {
            return;
        }
        let Some(fd) = self.generic_func_decl(g) else {
            return;
        };
        if self.inst_depth >= MAX_INSTANCE_DEPTH {
            // Instances making instances without end through several functions (a direct
            // cycle is reported by `instantiate_func`).
            let pos = g.spans.first().copied().unwrap_or(fd.name.span.lo);
            self.error(pos, "instantiation cycle");
            self.gen.generic_failed.insert(gobj);
            return;
        }
        let mut copy = fd.clone();
        self.next_node = gosub_syntax::assign_func_decl(&mut copy, self.next_node);
        let idx = self.inst_count;
        self.inst_count += 1;
        let copy: &'a FuncDecl = self.arena.alloc(copy);
        self.info.defs.insert(copy.name.id, inst);
        if let ObjKind::Func { decl, .. } =
            &mut std::sync::Arc::make_mut(&mut self.objs[inst.0 as usize]).kind
        {
            *decl = Some((self.inst_store.0, self.inst_store.1, idx));
        }
        let binds = g.names.iter().cloned().zip(targs).collect();
        self.pending.push(Pending {
            generic: gobj,
            decl: copy,
            pkg: g.pkg,
            file: g.file,
            binds,
            depth: self.inst_depth + 1,
        });
    }

    /// The instance of generic function `g` with `targs` (checked against the constraints).
    /// `pos` is where the instantiation is (for gc's "instantiation cycle" error).
    pub(crate) fn instantiate_func(&mut self, g: ObjId, targs: Vec<TypeId>, pos: u32) -> ObjId {
        if let Some(&o) = self.gen.func_instances.get(&(g, targs.clone())) {
            return o;
        }
        let Some(gen) = self.gen.generics.get(&g).cloned() else {
            return g;
        };
        if self.checking_generic == Some(g) {
            // F instantiating itself, in its own body, with type arguments made of its type
            // parameters (`F[[]T]` in F[T]) would need infinitely many instances.
            let grows = targs
                .iter()
                .zip(&gen.tparams)
                .find(|(a, tp)| a != tp && self.mentions(**a, &gen.tparams));
            if let Some((&a, &tp)) = grows {
                let decl = gen.spans.first().copied().unwrap_or(pos);
                let (tps, ats) = (self.ts(tp), self.ts(a));
                let at = crate::errors::pos_marker_rel(pos);
                self.error(
                    decl,
                    format!("instantiation cycle:\n\t{at}: {tps} instantiated as {ats}"),
                );
                self.gen.generic_failed.insert(g);
            }
        }
        let map: HashMap<TypeId, TypeId> = gen.tparams.iter().copied().zip(targs.clone()).collect();
        let go = self.obj(g).clone();
        let sig = self.subst(go.ty, &map);
        let o = self.new_obj(
            &go.name,
            ObjKind::Func {
                decl: None,
                recv: None,
                ptr_recv: false,
            },
            sig,
            go.span,
            go.pkg,
        );
        std::sync::Arc::make_mut(&mut self.objs[o.0 as usize]).owner = None;
        self.info.instance_origin.insert(o, g);
        self.info.instance_targs.insert(o, targs.clone());
        self.gen.func_instances.insert((g, targs.clone()), o);
        self.add_body(g, &gen, o, targs);
        o
    }

    /// Checks the bodies of the function instances made so far (which may make more).
    pub(crate) fn check_instances(&mut self) {
        while let Some(p) = self.pending.pop() {
            if self.stopped {
                return;
            }
            if self.gen.generic_failed.contains(&p.generic) {
                continue;
            }
            let saved_pkg = self.cur_pkg;
            let saved_file = self.cur_file;
            let saved_scopes = std::mem::take(&mut self.scopes);
            let saved_funcs = std::mem::take(&mut self.funcs);
            let saved_decl = self.cur_decl.take();
            self.cur_pkg = p.pkg;
            self.cur_file = p.file;
            self.open_scope(false);
            self.bind_type_names(&p.binds);
            let saved_depth = std::mem::replace(&mut self.inst_depth, p.depth);
            self.func_decl_body(p.pkg, p.file, 0, p.decl);
            self.inst_depth = saved_depth;
            self.scopes.clear();
            self.cur_pkg = saved_pkg;
            self.cur_file = saved_file;
            self.scopes = saved_scopes;
            self.funcs = saved_funcs;
            self.cur_decl = saved_decl;
        }
    }

    /// Checks type arguments against their type parameters' constraints (with the
    /// constraints' own type parameters replaced); reports the first failure as types2
    /// does: at the start of its argument when it was written (`explicit`, the written
    /// ones in order), else at `pos`.
    pub(crate) fn verify_targs(
        &mut self,
        tparams: &[TypeId],
        targs: &[TypeId],
        pos: u32,
        explicit: &[&Expr],
    ) -> bool {
        let map: HashMap<TypeId, TypeId> =
            tparams.iter().copied().zip(targs.iter().copied()).collect();
        for (i, (&tp, &ta)) in tparams.iter().zip(targs).enumerate() {
            let Some(c) = self.tt.tparam_of(tp).map(|i| i.constraint) else {
                continue;
            };
            let bound = self.subst(c, &map);
            if let Err(why) = self.satisfies(ta, bound) {
                let (ts, cs) = (self.ts(ta), self.ts(bound));
                let cs = if c == T_ANY { "any".to_string() } else { cs };
                let pos = explicit.get(i).map_or(pos, |e| targ_pos(e));
                self.error(pos, format!("{ts} does not satisfy {cs}{why}"));
                return false;
            }
        }
        true
    }

    /// Whether type `t` satisfies constraint `c`; on failure the cause, as types2 words it
    /// (with its leading space).
    pub(crate) fn satisfies(&mut self, t: TypeId, c: TypeId) -> Result<(), String> {
        let Some(ts) = self.type_set(c) else {
            return Ok(());
        };
        if let Some(terms) = &ts.terms {
            let ok = match self.tt.tparam_of(t).map(|i| i.constraint) {
                Some(tc) => match self.type_set(tc).and_then(|s| s.terms) {
                    Some(own) => own.iter().all(|term| {
                        terms.iter().any(|x| {
                            (x.tilde && self.tt.underlying(term.ty) == x.ty)
                                || (x.ty == term.ty && (x.tilde || !term.tilde))
                        })
                    }),
                    None => false,
                },
                None => self.in_terms(t, terms),
            };
            if !ok {
                let union = self.terms_string(terms);
                let s = self.ts(t);
                if self.tt.tparam_of(t).is_some() {
                    return Err(format!(" ({s} missing in {union})"));
                }
                let hint = terms
                    .iter()
                    .find(|term| !term.tilde && self.tt.underlying(t) == term.ty && t != term.ty)
                    .map(|term| {
                        let u = self.ts(term.ty);
                        format!(" (possibly missing ~ for {u} in {union})")
                    });
                return Err(hint.unwrap_or_else(|| format!(" ({s} missing in {union})")));
            }
        }
        if !ts.methods.is_empty() {
            let iface = self.tt.intern(TypeKind::Interface(ts.methods.clone()));
            self.implements(t, iface).map_err(|e| format!(" {e}"))?;
        }
        if ts.comparable {
            let ok = match self.tt.tparam_of(t) {
                Some(_) => self.tparam_comparable(t),
                None => self.comparable(t),
            };
            if !ok {
                return Err(String::new());
            }
        }
        Ok(())
    }

    /// A union as types2 prints it: `~int | ~float64`.
    pub(crate) fn terms_string(&self, terms: &[Term]) -> String {
        let parts: Vec<String> = terms
            .iter()
            .map(|t| format!("{}{}", if t.tilde { "~" } else { "" }, self.ts(t.ty)))
            .collect();
        parts.join(" | ")
    }

    /// The NodeId range the next instance copies are numbered from: after every file.
    pub(crate) fn first_free_node(srcs: &[PackageSrc]) -> NodeId {
        srcs.iter()
            .flat_map(|p| p.files.iter())
            .map(|f| f.next_id)
            .max()
            .unwrap_or(0)
    }
}

/// Appends the instance copies (see instantiate.rs) to package `main` as one more file.
pub(crate) fn add_instance_file(
    packages: &mut [PackageSrc],
    main: usize,
    arena: Arena<FuncDecl>,
    first: gosub_syntax::ast::NodeId,
) {
    let decls = arena.into_vec();
    if decls.is_empty() {
        return;
    }
    let Some(pkg) = packages.get_mut(main) else {
        return;
    };
    let mut next = first;
    for d in &decls {
        next = next.max(d.name.id + 1);
    }
    let package = match pkg.files.first() {
        Some(f) => f.package.clone(),
        None => gosub_syntax::ast::Ident {
            name: "main".into(),
            span: Span::default(),
            id: first,
        },
    };
    let mut file = gosub_syntax::ast::File {
        package,
        imports: Vec::new(),
        decls: decls
            .into_iter()
            .map(gosub_syntax::ast::Decl::Func)
            .collect(),
        misplaced_imports: Vec::new(),
        first_id: first,
        next_id: next,
        pruned: false,
    };
    // The copies' ids are all below the checker's final `next_node`; find it exactly.
    let mut max = first;
    gosub_syntax::walk::inspect_file(&file, &mut |n| {
        if let gosub_syntax::walk::Node::Expr(e) = n {
            max = max.max(e.id + 1);
        }
        true
    });
    file.next_id = file.next_id.max(max);
    std::sync::Arc::make_mut(&mut pkg.files).push(std::sync::Arc::new(file));
}

/// What the checker knows about generic declarations and their instances; kept between
/// the inputs of an eval session.
#[derive(Clone, Debug, Default)]
pub(crate) struct GenericState {
    pub generics: crate::Layered<ObjId, Generic>,
    pub func_instances: crate::Layered<(ObjId, Vec<TypeId>), ObjId>,
    pub type_instances: crate::Layered<(TypeId, Vec<TypeId>), TypeId>,
    /// The generic type of each instance type (and of each generic type: itself).
    pub origin_of: crate::Layered<TypeId, TypeId>,
    pub instances_of: crate::Layered<TypeId, Vec<TypeId>>,
    /// The generic methods of each generic type.
    pub generic_methods: crate::Layered<TypeId, Vec<ObjId>>,
    /// Generic declarations whose check reported errors.
    pub generic_failed: crate::LayeredSet<ObjId>,
    /// Instances of generic types (origin, type arguments) whose arguments do not satisfy
    /// their constraints: reported where written and made all the same (types2 does), but
    /// their methods' bodies are not checked with those arguments.
    pub unsatisfied: crate::LayeredSet<(TypeId, Vec<TypeId>)>,
}

impl GenericState {
    /// Makes what a check added layers the next check shares (an eval session copies
    /// the state for every input).
    pub(crate) fn freeze(&mut self) {
        self.generics.freeze();
        self.func_instances.freeze();
        self.type_instances.freeze();
        self.origin_of.freeze();
        self.instances_of.freeze();
        self.generic_methods.freeze();
        self.generic_failed.freeze();
        self.unsatisfied.freeze();
    }
}
