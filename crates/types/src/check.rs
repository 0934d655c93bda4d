//! The checker's state and the entry point.

use crate::errors::MAX_ERRORS;
use crate::instantiate::{add_instance_file, GenericState, Pending};
use crate::*;
use gosub_layered::{HashMap, HashMapExt, HashSet, HashSetExt};
use gosub_syntax::ast::{Expr, FuncDecl, TypeSpec};
use typed_arena::Arena;

/// How an operand may be used.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum OpMode {
    Invalid,
    NoValue,
    Builtin(Builtin),
    Type,
    Const(Val),
    Var,
    MapIndex,
    Value,
    CommaOk,
}

#[derive(Clone, Debug)]
pub(crate) struct Operand<'a> {
    pub mode: OpMode,
    pub ty: TypeId,
    pub expr: Option<&'a Expr>,
}

impl<'a> Operand<'a> {
    pub fn invalid(expr: Option<&'a Expr>) -> Self {
        Operand {
            mode: OpMode::Invalid,
            ty: T_INVALID,
            expr,
        }
    }
    pub fn is_invalid(&self) -> bool {
        self.mode == OpMode::Invalid
    }
    pub fn val(&self) -> Option<&Val> {
        match &self.mode {
            OpMode::Const(v) => Some(v),
            _ => None,
        }
    }
    /// The predeclared `nil` (also after it was converted to the other operand's type).
    pub fn is_nil(&self) -> bool {
        if self.ty == T_UNTYPED_NIL {
            return true;
        }
        // Before unwrapping the parentheses: a constant's are as deep as the program nests
        // them, and every level asks (20,000 levels took 0.3 s, most of it here).
        if self.mode != OpMode::Value {
            return false;
        }
        let mut e = match self.expr {
            Some(e) => e,
            None => return false,
        };
        while let gosub_syntax::ast::ExprKind::Paren(x) = &e.kind {
            e = x;
        }
        matches!(&e.kind, gosub_syntax::ast::ExprKind::Ident(id) if id.name == "nil")
    }
}

/// A package-level declaration, for lazy checking.
#[derive(Clone)]
#[allow(dead_code)]
pub(crate) enum DeclKind<'a> {
    Const {
        file: usize,
        ty: Option<&'a Expr>,
        init: Option<&'a Expr>,
        iota: u32,
        inherited: bool,
        spec_span: Span,
    },
    Var {
        file: usize,
        spec: (usize, usize, usize),
        ty: Option<&'a Expr>,
        values: &'a [Expr],
        idx: usize,
        lhs: Vec<ObjId>,
    },
    Type {
        file: usize,
        spec: &'a TypeSpec,
    },
    Func {
        file: usize,
        decl_idx: usize,
        decl: &'a FuncDecl,
    },
}

#[derive(Clone)]
pub(crate) struct DeclInfo<'a> {
    pub kind: DeclKind<'a>,
    pub pkg: usize,
}

#[derive(Clone)]
pub(crate) struct PkgState {
    pub path: String,
    pub name: String,
    /// Layered, so that a session's input adding a name copies none of the others.
    pub scope: gosub_layered::Layered<String, ObjId>,
    /// Per file: import names (PkgName objects and dot-imported objects); shared, so that
    /// copying the state for an input copies no file's map, and chunked, so that it copies
    /// a few chunks' pointers, not one per file of the session (frozen by `finish_session`).
    pub file_scopes: gosub_layered::Chunked<std::sync::Arc<HashMap<String, ObjId>>>,
    pub init_order: Vec<InitEntry>,
    pub init_funcs: Vec<(usize, usize)>,
    /// Package-level objects in declaration order (for init order); chunked as
    /// `file_scopes` is.
    pub decl_order: gosub_layered::Chunked<ObjId>,
}

pub(crate) struct Scope {
    pub names: HashMap<String, ObjId>,
    /// Variables declared here, in order (for "declared and not used").
    pub vars: Vec<ObjId>,
    /// The outermost scope of a function (literal).
    pub func: bool,
    /// The outermost scope of an eval input's function: earlier inputs' variables belong
    /// to it (`earlier_session_var`).
    pub session: bool,
}

pub(crate) struct FuncCtx {
    pub owner: NodeId,
    pub lit: Option<NodeId>,
    pub results: Vec<TypeId>,
    pub result_vars: Vec<ObjId>,
    pub named_results: bool,
    /// Index in `scopes` of the function's outermost scope.
    pub scope_base: usize,
    pub captures: Vec<ObjId>,
}

#[derive(Clone)]
#[allow(dead_code)]
pub(crate) struct UntypedInfo<'a> {
    pub expr: &'a Expr,
    pub ty: TypeId,
    pub val: Option<Val>,
    pub is_lhs: bool,
    pub mode: Mode,
}

/// Where a name was found from the current position (`Checker::find`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Place {
    /// A block scope (its index in the scope stack).
    Block(usize),
    /// An eval session's earlier variable.
    Session,
    /// The current file's imports.
    Import,
    /// The current package's scope.
    Package,
    Universe,
}

pub(crate) struct Checker<'a> {
    pub srcs: &'a [PackageSrc],
    pub tt: TypeTable,
    pub objs: Chunked<std::sync::Arc<Object>>,
    pub info: Info,
    pub errs: Vec<Diagnostic>,
    /// Set when MAX_ERRORS errors have been reported: checking stops.
    pub stopped: bool,
    /// (Shared with the session's later checks: set up once, then only read.)
    pub universe: std::sync::Arc<HashMap<String, ObjId>>,
    /// Per package; shared (`Arc`) with the previous check's state, copied when changed.
    pub pkgs: Vec<std::sync::Arc<PkgState>>,
    pub cur_pkg: usize,
    pub cur_file: usize,
    pub decls: HashMap<ObjId, DeclInfo<'a>>,
    /// 1 = being checked, 2 = done.
    pub color: crate::Layered<ObjId, u8>,
    /// Package-level dependencies of each package-level var/func (for init order).
    pub deps: crate::Layered<ObjId, Vec<ObjId>>,
    /// The package-level declaration being checked (dependencies are recorded on it).
    pub cur_decl: Option<ObjId>,
    pub scopes: Vec<Scope>,
    pub funcs: Vec<FuncCtx>,
    pub untyped: HashMap<NodeId, UntypedInfo<'a>>,
    pub used: crate::LayeredSet<ObjId>,
    /// Exact values of declared constants (the objects hold the rounded public values).
    pub const_vals: crate::Layered<ObjId, Val>,
    /// Variables whose declared type is spelled with the aliases byte, rune, any or the
    /// literal `interface{}`: how types2 prints that type, and whether it is `any` itself.
    pub var_display: crate::Layered<ObjId, (String, bool)>,
    /// The spelling of the target type of the assignment being checked (see var_display).
    pub target_display: Option<(TypeId, String)>,
    pub used_imports: crate::LayeredSet<ObjId>,
    /// The value of `iota` while checking a constant declaration.
    pub iota: Option<u32>,
    pub local_type_count: u32,
    /// Objects of the universe
    pub nil_obj: ObjId,
    pub iota_obj: ObjId,
    pub error_type: TypeId,
    pub unsafe_pkg: Option<ObjId>,
    pub unsafe_members: std::sync::Arc<HashMap<String, ObjId>>,
    /// Checking an eval session's input (see `check_more`).
    pub session: Option<crate::session::SessionCtx>,
    // ---- generics (instantiate.rs) ----
    /// The copies of generic declarations made for instances.
    pub arena: &'a Arena<FuncDecl>,
    /// Nonzero while a constraint position is evaluated (a constraint interface allowed).
    pub allow_constraint: u32,
    /// While a type parameter list's constraints are evaluated: map key types that are
    /// type parameters, checked for comparability once every constraint is known.
    pub declaring_tparams: bool,
    pub deferred_keys: Vec<(TypeId, &'a Expr)>,
    pub gen: GenericState,
    /// Expressions naming a generic function without instantiating it.
    pub generic_refs: HashMap<NodeId, ObjId>,
    /// The type arguments of partial instantiations `F[int]` (by the Index expression).
    pub partial_targs: HashMap<NodeId, Vec<TypeId>>,
    /// Each generic function reference (expression, position, the error if it stays
    /// uninstantiated) and those that were
    /// called, instantiated or assigned (see `report_uninstantiated`).
    pub generic_uses: Vec<(NodeId, u32, String)>,
    pub resolved_refs: HashSet<NodeId>,
    /// Instances of generic types whose generic type's declaration was not finished.
    pub incomplete: Vec<TypeId>,
    /// Function instances whose bodies are still to be checked.
    pub pending: Vec<Pending<'a>>,
    /// The next NodeId for instance copies.
    pub next_node: gosub_syntax::ast::NodeId,
    /// (package, file) of the instance file this check appends (see `assemble`).
    pub inst_store: (usize, usize),
    /// Instance copies made by this check (their index in the instance file).
    pub inst_count: usize,
    /// The generic function or method whose (generic) body is being checked.
    pub checking_generic: Option<ObjId>,
    /// The depth of the instance whose body is being checked (see `Pending::depth`).
    pub inst_depth: u32,
}

/// Checks the packages of a program; see the crate documentation.
pub fn check(
    packages: Vec<PackageSrc>,
    warnings: Vec<Diagnostic>,
) -> Result<Program, Vec<Diagnostic>> {
    let arena = Arena::new();
    let main = packages.len().saturating_sub(1);
    let (tt, objs, info, pkgs, errs, first) = {
        let mut c = Checker::new(&packages, &arena, main);
        let first = c.next_node;
        c.run();
        (c.tt, c.objs, c.info, c.pkgs, c.errs, first)
    };
    if !errs.is_empty() {
        return Err(finish_errors(errs));
    }
    let mut packages = packages;
    add_instance_file(&mut packages, main, arena, first);
    let mut p = assemble(packages, (tt, objs, info, pkgs), warnings, None, None);
    crate::rangefunc::lower(&mut p, 0, main, 0);
    p.info.freeze();
    p.types.freeze();
    p.objects.freeze();
    Ok(p)
}

/// The checked program. `prev`: the program and state a session's check continued from;
/// a package whose state this check did not change is the previous program's, shared.
pub(crate) fn assemble(
    packages: Vec<PackageSrc>,
    parts: crate::session::Parts,
    warnings: Vec<Diagnostic>,
    prev: Option<(&Program, &Resume)>,
    next_node: Option<NodeId>,
) -> Program {
    let (tt, objs, info, pkgs) = parts;
    // (A session's check knows it from what it added: `check_more`.)
    let next_node = next_node.unwrap_or_else(|| Checker::first_free_node(&packages));
    let mut out = Vec::new();
    for (i, (src, st)) in packages.into_iter().zip(pkgs).enumerate() {
        let same = prev.and_then(|(p, r)| {
            let old = r.pkg(i)?;
            std::sync::Arc::ptr_eq(old, &st).then(|| p.packages.get(i).cloned())?
        });
        if let Some(same) = same.filter(|p| p.files.len() == src.files.len()) {
            out.push(same);
            continue;
        }
        // (`st` stays shared with the checker's saved state: copy, don't take.)
        out.push(std::sync::Arc::new(Package {
            path: src.path,
            name: st.name.clone(),
            files: src.files,
            scope: st.scope.clone(),
            init_order: st.init_order.clone(),
            init_funcs: st.init_funcs.clone(),
        }));
    }
    Program {
        packages: out,
        types: tt,
        objects: objs,
        info,
        warnings,
        next_node,
    }
}

/// Sorts errors by position (stable), drops duplicates, and applies gc's limit.
pub(crate) fn finish_errors(mut errs: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let too_many = errs.len() >= MAX_ERRORS;
    let last = errs.get(MAX_ERRORS - 1).map(|d| d.span);
    errs.truncate(MAX_ERRORS);
    errs.sort_by_key(|d| d.span.lo);
    errs.dedup_by(|a, b| a.span.lo == b.span.lo && a.msg == b.msg);
    if too_many {
        if let Some(sp) = last {
            errs.push(Diagnostic::new(sp, "too many errors"));
        }
    }
    errs
}

impl<'a> Checker<'a> {
    pub fn new(srcs: &'a [PackageSrc], arena: &'a Arena<FuncDecl>, main: usize) -> Self {
        let mut c = Self::without_universe(srcs, arena, main, Self::first_free_node(srcs));
        c.tt = TypeTable::new();
        c.init_universe();
        c
    }

    /// A checker whose universe (its types, objects and names) the caller supplies:
    /// `check_more` takes the previous check's.
    pub(crate) fn without_universe(
        srcs: &'a [PackageSrc],
        arena: &'a Arena<FuncDecl>,
        main: usize,
        first: NodeId,
    ) -> Self {
        let inst_file = srcs.get(main).map_or(0, |p| p.files.len());
        Checker {
            srcs,
            tt: TypeTable::empty(),
            objs: Default::default(),
            info: Info::default(),
            errs: Vec::new(),
            stopped: false,
            universe: Default::default(),
            pkgs: Vec::new(),
            cur_pkg: 0,
            cur_file: 0,
            decls: HashMap::new(),
            color: Default::default(),
            deps: Default::default(),
            cur_decl: None,
            scopes: Vec::new(),
            funcs: Vec::new(),
            untyped: HashMap::new(),
            used: Default::default(),
            const_vals: Default::default(),
            var_display: Default::default(),
            target_display: None,
            used_imports: Default::default(),
            iota: None,
            local_type_count: 0,
            nil_obj: ObjId(0),
            iota_obj: ObjId(0),
            error_type: T_INVALID,
            unsafe_pkg: None,
            unsafe_members: Default::default(),
            session: None,
            arena,
            allow_constraint: 0,
            declaring_tparams: false,
            deferred_keys: Vec::new(),
            gen: GenericState::default(),
            generic_refs: HashMap::new(),
            partial_targs: HashMap::new(),
            generic_uses: Vec::new(),
            resolved_refs: HashSet::new(),
            incomplete: Vec::new(),
            pending: Vec::new(),
            next_node: first,
            inst_store: (main, inst_file),
            inst_count: 0,
            checking_generic: None,
            inst_depth: 0,
        }
    }

    pub(crate) fn run(&mut self) {
        for p in 0..self.srcs.len() {
            self.check_package(p);
            if self.stopped {
                break;
            }
        }
    }

    pub fn new_obj(
        &mut self,
        name: &str,
        kind: ObjKind,
        ty: TypeId,
        span: Span,
        pkg: usize,
    ) -> ObjId {
        let id = ObjId(self.objs.len() as u32);
        let owner = self.funcs.last().map(|f| f.owner);
        self.objs.push(std::sync::Arc::new(Object {
            name: name.to_string(),
            kind,
            ty,
            pkg,
            span,
            owner,
        }));
        id
    }

    pub fn obj(&self, id: ObjId) -> &Object {
        &self.objs[id.0 as usize]
    }

    pub fn pkg_path(&self) -> String {
        self.pkgs
            .get(self.cur_pkg)
            .map(|p| p.path.clone())
            .unwrap_or_default()
    }

    // ---- errors ----

    pub fn error(&mut self, pos: u32, msg: impl Into<String>) {
        if self.stopped {
            return;
        }
        self.errs.push(Diagnostic::new(Span::new(pos, pos), msg));
        if self.errs.len() >= MAX_ERRORS {
            self.stopped = true;
        }
    }

    // ---- scopes ----

    pub fn open_scope(&mut self, func: bool) {
        self.scopes.push(Scope {
            names: HashMap::new(),
            vars: Vec::new(),
            func,
            session: false,
        });
    }

    /// Closes a scope, reporting unused variables.
    pub fn close_scope(&mut self) {
        if let Some(s) = self.scopes.pop() {
            // Like types2, report unused variables at the end of the function.
            if !s.func {
                if let Some(parent) = self.scopes.last_mut() {
                    parent.vars.extend(s.vars);
                    return;
                }
            }
            let mut unused: Vec<ObjId> = s
                .vars
                .iter()
                .copied()
                .filter(|v| !self.used.contains(v))
                .collect();
            unused.sort_by_key(|v| self.obj(*v).span.lo);
            for v in unused {
                let o = self.obj(v);
                if o.name == "_" {
                    continue;
                }
                let (lo, name) = (o.span.lo, o.name.clone());
                self.error(lo, format!("declared and not used: {}", name));
            }
        }
    }

    /// Declares a local object in the innermost scope.
    pub fn declare_local(&mut self, name: &Ident, obj: ObjId, is_var: bool) {
        self.info.defs.insert(name.id, obj);
        if name.name == "_" {
            return;
        }
        let Some(scope) = self.scopes.last() else {
            return;
        };
        let prev = (scope.names.get(&name.name).copied())
            .or_else(|| self.earlier_session_var(self.scopes.len() - 1, &name.name));
        let session_top = is_var && self.at_session_top();
        if let Some(prev) = prev.filter(|&p| !(session_top && self.replaces(p))) {
            let pspan = self.obj(prev).span.lo;
            self.error(name.span.lo, crate::errors::redeclared(&name.name, pspan));
            return;
        }
        if session_top {
            self.declare_session_var(name, obj);
            return;
        }
        let Some(scope) = self.scopes.last_mut() else {
            return;
        };
        scope.names.insert(name.name.clone(), obj);
        if is_var {
            scope.vars.push(obj);
        }
    }

    /// Where `name` means something from the current position, innermost first: a block
    /// scope, an eval session's earlier variables (seen from its input's outermost scope),
    /// the file's imports, the package, the universe. Records nothing (`lookup` does).
    pub(crate) fn find(&self, name: &str) -> Option<(ObjId, Place)> {
        for si in (0..self.scopes.len()).rev() {
            if let Some(&o) = self.scopes[si].names.get(name) {
                return Some((o, Place::Block(si)));
            }
            if let Some(o) = self.earlier_session_var(si, name) {
                return Some((o, Place::Session));
            }
        }
        let ps = self.pkgs.get(self.cur_pkg);
        if let Some(&o) = ps.and_then(|ps| ps.file_scopes.get(self.cur_file)?.get(name)) {
            return Some((o, Place::Import));
        }
        if let Some(&o) = ps.and_then(|ps| ps.scope.get(name)) {
            return Some((o, Place::Package));
        }
        Some((*self.universe.get(name)?, Place::Universe))
    }

    /// Looks up a name from the current position (`find`); records what a use there
    /// means: a function literal's capture of an outer local variable, an import's use.
    pub fn lookup(&mut self, name: &str) -> Option<ObjId> {
        let (o, place) = self.find(name)?;
        self.record_use(o, place);
        Some(o)
    }

    /// What a use of `o`, found at `place`, records (`lookup`).
    fn record_use(&mut self, o: ObjId, place: Place) {
        match place {
            Place::Block(si) if matches!(self.obj(o).kind, ObjKind::Var { global: false, .. }) => {
                for f in self.funcs.iter_mut() {
                    if f.lit.is_some() && f.scope_base > si && !f.captures.contains(&o) {
                        f.captures.push(o);
                    }
                }
            }
            Place::Import => {
                self.used_imports.insert(o);
            }
            _ => {}
        }
    }

    /// `lookup` of a name used without a selector (as a value or as a type): a package
    /// named so is an error, and no use of its import (types2 reports `"fmt" imported and
    /// not used` as well), unless something else used it.
    pub(crate) fn lookup_bare(&mut self, name: &str) -> Option<ObjId> {
        let (o, place) = self.find(name)?;
        let is_package = matches!(self.obj(o).kind, ObjKind::PkgName { .. });
        if place != Place::Import || !is_package || self.used_imports.contains(&o) {
            self.record_use(o, place);
        }
        Some(o)
    }

    /// Records a dependency of the current package-level declaration.
    pub fn add_dep(&mut self, o: ObjId) {
        if let Some(d) = self.cur_decl {
            if d != o || matches!(self.obj(o).kind, ObjKind::Var { .. }) {
                let v = self.deps.get_mut_or_default(d);
                if !v.contains(&o) {
                    v.push(o);
                }
            }
        }
    }

    // ---- recording ----

    pub fn record(&mut self, e: &'a Expr, x: &Operand<'a>) {
        let mode = match &x.mode {
            OpMode::Invalid => return,
            OpMode::NoValue => Mode::NoValue,
            OpMode::Builtin(_) => Mode::Builtin,
            OpMode::Type => Mode::Type,
            OpMode::Const(_) => Mode::Const,
            OpMode::Var => Mode::Variable,
            OpMode::MapIndex => Mode::MapIndex,
            OpMode::Value => Mode::Value,
            OpMode::CommaOk => Mode::Value,
        };
        if mode == Mode::Builtin {
            self.info.modes.insert(e.id, mode);
            return;
        }
        if self.is_untyped(x.ty) {
            self.untyped.insert(
                e.id,
                UntypedInfo {
                    expr: e,
                    ty: x.ty,
                    val: x.val().cloned(),
                    is_lhs: false,
                    mode,
                },
            );
            return;
        }
        self.record_final(e.id, mode, x.ty, x.val().cloned());
    }

    pub fn record_final(&mut self, id: NodeId, mode: Mode, ty: TypeId, val: Option<Val>) {
        self.info.types.insert(id, ty);
        self.info.modes.insert(id, mode);
        if let Some(v) = val {
            let v = self.normalize_const(v, ty);
            self.info.consts.insert(id, v.to_public());
        }
    }

    /// Brings a constant value into the representation of its (final) type.
    pub fn normalize_const(&self, v: Val, ty: TypeId) -> Val {
        match (self.tt.basic(ty), &v) {
            (Some(b), Val::Int(_) | Val::Float(_)) if b.is_complex() => {
                crate::constant::make_complex(&v, &Val::Int(0)).unwrap_or(v)
            }
            (Some(b), Val::Complex(..)) if b.is_float() || b.is_integer() => {
                match crate::constant::represent(&v, BasicKind::UntypedComplex, b) {
                    Ok(r) => self.normalize_const(r, ty),
                    Err(_) => v,
                }
            }
            (Some(b), Val::Int(i)) if b.is_float() => Val::Float(crate::bigrat::Rat::from_i128(*i)),
            (Some(b), Val::Float(f)) if b.is_integer() && f.is_int() => match f.to_i128() {
                Some(i) => Val::Int(i),
                None => v,
            },
            _ => v,
        }
    }

    /// Records the remaining untyped expressions with their untyped types.
    pub fn flush_untyped(&mut self) {
        let rest: Vec<_> = self.untyped.drain().collect();
        for (id, u) in rest {
            // Non-constant untyped values (comparisons, shifts) that no context typed get
            // their default type, so that compile sees typed values.
            let ty = if u.val.is_none() && u.ty != T_UNTYPED_NIL {
                self.default_type(u.ty)
            } else {
                u.ty
            };
            self.record_final(id, u.mode, ty, u.val);
        }
    }

    // ---- type predicates ----

    pub fn is_untyped(&self, t: TypeId) -> bool {
        matches!(self.tt.kind(t), TypeKind::Basic(b) if b.is_untyped())
    }

    pub fn default_type(&self, t: TypeId) -> TypeId {
        match self.tt.kind(t) {
            TypeKind::Basic(BasicKind::UntypedBool) => T_BOOL,
            TypeKind::Basic(BasicKind::UntypedInt) => T_INT,
            TypeKind::Basic(BasicKind::UntypedRune) => T_INT32,
            TypeKind::Basic(BasicKind::UntypedFloat) => T_FLOAT64,
            TypeKind::Basic(BasicKind::UntypedComplex) => T_COMPLEX128,
            TypeKind::Basic(BasicKind::UntypedString) => T_STRING,
            _ => t,
        }
    }

    pub fn bkind(&self, t: TypeId) -> Option<BasicKind> {
        self.tt.basic(t)
    }
    // The predicates hold for a type parameter when they hold for every type in its type
    // set (types2's allInteger, allNumeric...).
    pub fn is_integer(&self, t: TypeId) -> bool {
        self.basic_is(t, |b| b.is_integer())
    }
    pub fn is_unsigned(&self, t: TypeId) -> bool {
        self.basic_is(t, |b| b.is_unsigned())
    }
    pub fn is_float(&self, t: TypeId) -> bool {
        self.basic_is(t, |b| b.is_float())
    }
    pub fn is_complex(&self, t: TypeId) -> bool {
        self.basic_is(t, |b| b.is_complex())
    }
    pub fn is_numeric(&self, t: TypeId) -> bool {
        self.basic_is(t, |b| b.is_numeric())
    }
    pub fn is_string(&self, t: TypeId) -> bool {
        self.basic_is(t, |b| {
            matches!(b, BasicKind::String | BasicKind::UntypedString)
        })
    }
    pub fn is_boolean(&self, t: TypeId) -> bool {
        self.basic_is(t, |b| matches!(b, BasicKind::Bool | BasicKind::UntypedBool))
    }
    /// Whether `+` applies (types2's allNumericOrString).
    pub fn is_numeric_or_string(&self, t: TypeId) -> bool {
        self.basic_is(t, |b| {
            b.is_numeric() || matches!(b, BasicKind::String | BasicKind::UntypedString)
        })
    }
    /// Whether `<` and the other order operators apply (integers, floats, strings).
    pub fn is_ordered(&self, t: TypeId) -> bool {
        self.basic_is(t, |b| {
            b.is_integer()
                || b.is_float()
                || matches!(b, BasicKind::String | BasicKind::UntypedString)
        })
    }
    fn basic_is(&self, t: TypeId, f: impl Fn(BasicKind) -> bool) -> bool {
        match self.bkind(t) {
            Some(b) => f(b),
            None => self.tparam_all(t, f),
        }
    }
    pub fn is_named(&self, t: TypeId) -> bool {
        matches!(
            self.tt.kind(t),
            TypeKind::Named(_) | TypeKind::Basic(_) | TypeKind::TypeParam(_)
        )
    }
    pub fn is_interface(&self, t: TypeId) -> bool {
        self.tt.is_interface(t)
    }
    pub fn has_nil(&self, t: TypeId) -> bool {
        matches!(
            self.tt.under(t),
            TypeKind::Pointer(_)
                | TypeKind::Slice(_)
                | TypeKind::Map(..)
                | TypeKind::Chan(..)
                | TypeKind::Func(_)
                | TypeKind::Interface(_)
                | TypeKind::Basic(BasicKind::UnsafePointer)
        )
    }

    pub fn comparable(&self, t: TypeId) -> bool {
        self.comparable_depth(t, 0)
    }
    fn comparable_depth(&self, t: TypeId, d: u32) -> bool {
        if d > 50 {
            return true;
        }
        if self.tt.tparam_of(t).is_some() {
            return self.tparam_comparable(t);
        }
        match self.tt.under(t) {
            TypeKind::Basic(b) => *b != BasicKind::UntypedNil,
            TypeKind::Pointer(_) | TypeKind::Chan(..) | TypeKind::Interface(_) => true,
            TypeKind::Struct(fs) => fs.iter().all(|f| self.comparable_depth(f.ty, d + 1)),
            TypeKind::Array(e, _) => self.comparable_depth(*e, d + 1),
            _ => false,
        }
    }

    /// A type as types2 prints it in error messages.
    pub fn ts(&self, t: TypeId) -> String {
        self.tt.error_type_string(t)
    }

    pub fn func_sig(&self, t: TypeId) -> Option<Signature> {
        match self.tt.under(t) {
            TypeKind::Func(s) => Some(s.clone()),
            _ => None,
        }
    }

    #[allow(dead_code)]
    pub fn tuple_elems(&self, t: TypeId) -> Option<Vec<TypeId>> {
        match self.tt.kind(t) {
            TypeKind::Tuple(v) => Some(v.clone()),
            _ => None,
        }
    }
}
