//! An eval session's checking: the first program (`check_session`), each input checked
//! against what the session has (`check_more`), the state kept between them (`Resume`),
//! and the session's rules for names: variables at an input's top level are package-level
//! variables of the session, and a top-level declaration replaces an earlier input's
//! declaration of the same name (`replaces`).
//!
//! Invariant: `check_more` never changes `prev` or the `Resume` it continues from (what it
//! shares with them, layered and `Arc`ed, is copied before it is changed), so an input
//! that fails to check leaves the session as it was.

use crate::check::{assemble, finish_errors, Checker, PkgState};
use crate::instantiate::{add_instance_file, GenericState};
use crate::*;
use gosub_layered::HashMap;
use gosub_syntax::ast::Ident;
use typed_arena::Arena;

/// What the checker does differently for an eval session (`check_more`).
#[derive(Clone, Debug, Default)]
pub(crate) struct SessionCtx {
    /// The session's package (main).
    pub main: usize,
    /// Session variables: variables declared at the top level of an input function
    /// (`__gosub_input*`); they are package-level variables of main.
    pub vars: Vec<ObjId>,
    /// Index in `scopes` of the input function's outermost scope while it is checked.
    pub scope: Option<usize>,
    /// Objects below this id were declared by earlier inputs: a top-level declaration of
    /// the same name in this input replaces them (`replaces`).
    pub first_obj: u32,
    /// How many earlier declarations inputs have replaced, over the whole session.
    pub replaced: u64,
}

/// The prefix of an eval session's input functions, whose top-level variables become
/// package-level variables.
pub const SESSION_FN_PREFIX: &str = "__gosub_input";

/// The checker's state kept between the inputs of an eval session: everything besides the
/// `Program` that `check_more` needs to continue where the last check ended.
#[derive(Clone)]
pub struct Resume {
    universe: std::sync::Arc<HashMap<String, ObjId>>,
    pkgs: Vec<std::sync::Arc<PkgState>>,
    color: crate::Layered<ObjId, u8>,
    deps: crate::Layered<ObjId, Vec<ObjId>>,
    used: crate::LayeredSet<ObjId>,
    const_vals: crate::Layered<ObjId, Val>,
    var_display: crate::Layered<ObjId, (String, bool)>,
    used_imports: crate::LayeredSet<ObjId>,
    local_type_count: u32,
    nil_obj: ObjId,
    iota_obj: ObjId,
    error_type: TypeId,
    unsafe_pkg: Option<ObjId>,
    unsafe_members: std::sync::Arc<HashMap<String, ObjId>>,
    session_vars: Vec<ObjId>,
    replaced: u64,
    main: usize,
    gen: GenericState,
}

impl Resume {
    /// Package `i`'s state (to tell whether a check changed it).
    pub(crate) fn pkg(&self, i: usize) -> Option<&std::sync::Arc<PkgState>> {
        self.pkgs.get(i)
    }
    /// How many declarations of earlier inputs later inputs have replaced (a redeclared
    /// function, type, constant or variable): a host caching what a name means compares it.
    pub fn replaced(&self) -> u64 {
        self.replaced
    }
    /// The session variables (top-level variables of earlier inputs), in declaration order.
    pub fn session_vars(&self) -> &[ObjId] {
        &self.session_vars
    }
    /// Index of the session's package in `Program::packages`.
    pub fn main(&self) -> usize {
        self.main
    }

    /// The predeclared (universe) names: `int`, `error`, `len`, `true`, `nil`...
    pub fn predeclared(&self) -> impl Iterator<Item = &str> {
        self.universe.keys().map(String::as_str)
    }
}

/// Checks the first program of an eval session (`main` last, as for `check`) and keeps
/// the state `check_more` continues from. The main package needs no `func main`.
pub fn check_session(packages: Vec<PackageSrc>) -> Result<(Program, Resume), Vec<Diagnostic>> {
    let main = packages.len().saturating_sub(1);
    let arena = Arena::new();
    let (res, first) = {
        let mut c = Checker::new(&packages, &arena, main);
        let first = c.next_node;
        c.session = Some(SessionCtx {
            main,
            ..Default::default()
        });
        c.run();
        (finish_session(c, main), first)
    };
    let (parts, r) = res?;
    let mut packages = packages;
    add_instance_file(&mut packages, main, arena, first);
    let mut p = assemble(packages, parts, Vec::new(), None, None);
    crate::rangefunc::lower(&mut p, 0, main, 0);
    p.info.freeze();
    p.types.freeze();
    p.objects.freeze();
    Ok((p, r))
}

/// Continues an eval session: checks the standard packages `more` (in dependency order),
/// then adds `files` to the session's main package, whose earlier files and objects stay
/// as they were. Type and object ids of `prev` keep their meaning in the result. Each
/// input's top-level variables (in functions named `SESSION_FN_PREFIX...`) become
/// package-level variables visible to later inputs.
pub fn check_more(
    prev: &Program,
    resume: &Resume,
    more: Vec<PackageSrc>,
    files: Vec<gosub_syntax::ast::File>,
) -> Result<(Program, Resume), Vec<Diagnostic>> {
    let main = resume.main;
    let mut srcs: Vec<PackageSrc> = prev
        .packages
        .iter()
        .map(|p| PackageSrc {
            path: p.path.clone(),
            files: p.files.clone(),
        })
        .collect();
    let first_new = srcs.len();
    srcs.extend(more);
    let first_file = srcs[main].files.len();
    // (A copy of the session's list, shared with `prev`, with room for the instance file:
    // growing it after would copy it again.)
    let old = &srcs[main].files;
    let mut list = Vec::with_capacity(old.len() + files.len() + 1);
    list.extend(old.iter().cloned());
    list.extend(files.into_iter().map(std::sync::Arc::new));
    srcs[main].files = std::sync::Arc::new(list);
    let arena = Arena::new();
    // The first node id no file uses: after `prev`'s and the added files' (not a scan of
    // every file of the session).
    let added = srcs[first_new..].iter().flat_map(|p| p.files.iter());
    let first = (added.chain(&srcs[main].files[first_file..]))
        .map(|f| f.next_id)
        .fold(prev.next_node_id(), NodeId::max);
    let res = check_more_inputs(
        // (The universe comes with `prev`'s types and objects and `resume`.)
        Checker::without_universe(&srcs, &arena, main, first),
        prev,
        resume,
        first_new,
        first_file,
    );
    let (parts, r) = res?;
    // The instance file goes after this input's files, so the lowering below sees it.
    add_instance_file(&mut srcs, main, arena, first);
    // (The instance file, if any, is the last and numbered from `first` on.)
    let next_node = (srcs[main].files.last()).map_or(first, |f| f.next_id.max(first));
    let mut p = assemble(
        srcs,
        parts,
        prev.warnings.clone(),
        Some((prev, resume)),
        Some(next_node),
    );
    // Only what this check added: the earlier inputs were lowered when they were checked.
    crate::rangefunc::lower(&mut p, first_new, main, first_file);
    p.info.freeze();
    p.types.freeze();
    p.objects.freeze();
    Ok((p, r))
}

/// `check_more`'s checking, with the checker set up from the previous state.
fn check_more_inputs<'a>(
    mut c: Checker<'a>,
    prev: &Program,
    resume: &Resume,
    first_new: usize,
    first_file: usize,
) -> Result<(Parts, Resume), Vec<Diagnostic>> {
    let main = resume.main;
    let srcs = c.srcs;
    let r = resume.clone();
    c.tt = prev.types.clone();
    c.objs = prev.objects.clone();
    c.info = prev.info.clone();
    c.universe = r.universe;
    c.pkgs = r.pkgs;
    c.color = r.color;
    c.deps = r.deps;
    c.used = r.used;
    c.const_vals = r.const_vals;
    c.var_display = r.var_display;
    c.used_imports = r.used_imports;
    c.local_type_count = r.local_type_count;
    c.nil_obj = r.nil_obj;
    c.iota_obj = r.iota_obj;
    c.error_type = r.error_type;
    c.unsafe_pkg = r.unsafe_pkg;
    c.unsafe_members = r.unsafe_members;
    c.gen = r.gen;
    c.session = Some(SessionCtx {
        main,
        vars: r.session_vars,
        scope: None,
        first_obj: c.objs.len() as u32,
        replaced: r.replaced,
    });
    for p in first_new..srcs.len() {
        c.check_package(p);
        if c.stopped {
            break;
        }
    }
    if !c.stopped {
        c.check_files(main, first_file);
    }
    finish_session(c, main)
}

pub(crate) type Parts = (
    TypeTable,
    Chunked<std::sync::Arc<Object>>,
    Info,
    Vec<std::sync::Arc<PkgState>>,
);

fn finish_session(c: Checker, main: usize) -> Result<(Parts, Resume), Vec<Diagnostic>> {
    if !c.errs.is_empty() {
        return Err(finish_errors(c.errs));
    }
    let mut c = c;
    if c.inst_count > 0 {
        // The instance file `add_instance_file` appends has no imports.
        if let Some(p) = c.pkgs.get_mut(main).map(std::sync::Arc::make_mut) {
            p.file_scopes.push(Default::default());
        }
    }
    let tt = std::mem::replace(&mut c.tt, TypeTable::empty());
    let objs = std::mem::take(&mut c.objs);
    let info = std::mem::take(&mut c.info);
    // What this check added to a package's scope becomes a layer the next check shares
    // (a package the check did not change has nothing unfrozen, and stays shared).
    for p in &mut c.pkgs {
        if !p.scope.is_frozen() || p.file_scopes.has_top() || p.decl_order.has_top() {
            let p = std::sync::Arc::make_mut(p);
            p.scope.freeze();
            p.file_scopes.freeze();
            p.decl_order.freeze();
        }
    }
    let pkgs = c.pkgs.clone();
    Ok(((tt, objs, info, pkgs), c.into_resume(main)))
}

impl<'a> Checker<'a> {
    fn into_resume(mut self, main: usize) -> Resume {
        // What this check added becomes layers the next check shares (crates/layered).
        self.color.freeze();
        self.deps.freeze();
        self.used.freeze();
        self.const_vals.freeze();
        self.var_display.freeze();
        self.used_imports.freeze();
        self.gen.freeze();
        Resume {
            universe: self.universe,
            pkgs: self.pkgs,
            color: self.color,
            deps: self.deps,
            used: self.used,
            const_vals: self.const_vals,
            var_display: self.var_display,
            used_imports: self.used_imports,
            local_type_count: self.local_type_count,
            nil_obj: self.nil_obj,
            iota_obj: self.iota_obj,
            error_type: self.error_type,
            unsafe_pkg: self.unsafe_pkg,
            unsafe_members: self.unsafe_members,
            replaced: self.session.as_ref().map_or(0, |s| s.replaced),
            session_vars: self.session.map(|s| s.vars).unwrap_or_default(),
            main,
            gen: self.gen,
        }
    }

    /// Does a top-level declaration in the current eval input replace `prev`, a
    /// package-level object of an earlier input (a session redefinition), rather than
    /// clash with it? Never for the session's own `__gosub` helpers.
    pub(crate) fn replaces(&self, prev: ObjId) -> bool {
        let Some(s) = &self.session else {
            return false;
        };
        let o = self.obj(prev);
        prev.0 < s.first_obj
            && o.pkg == s.main
            && self.cur_pkg == s.main
            && !o.name.starts_with("__gosub")
    }

    /// The variable `name` an earlier input declared at its top level, when `si` is the
    /// outermost scope of the input function being checked: the earlier inputs' variables
    /// belong to that scope, as if all inputs were one function (only those no later
    /// declaration replaced: the package scope still names them).
    pub(crate) fn earlier_session_var(&self, si: usize, name: &str) -> Option<ObjId> {
        let s = self.session.as_ref()?;
        // (Marked on the scope itself: the scope stack is swapped out while a package-level
        // declaration is checked on the way, and its scopes must not count.)
        if !self.scopes.get(si).is_some_and(|sc| sc.session) {
            return None;
        }
        let &o = self.pkgs.get(s.main)?.scope.get(name)?;
        s.vars.contains(&o).then_some(o)
    }

    /// Is the checker in the outermost scope of an eval input's function, where variables
    /// are session variables?
    pub(crate) fn at_session_top(&self) -> bool {
        self.funcs.len() == 1
            && self
                .session
                .as_ref()
                .is_some_and(|s| s.scope == Some(self.scopes.len() - 1))
    }

    /// May `name` be declared in package `p`'s scope: a new name, or one an earlier
    /// input declared (replaced: counted)? Otherwise reports `redeclared in this block`.
    pub(crate) fn may_declare_in_package(&mut self, p: usize, name: &Ident) -> bool {
        let Some(&prev) = self.pkgs[p].scope.get(&name.name) else {
            return true;
        };
        if !self.replaces(prev) {
            let pspan = self.obj(prev).span.lo;
            self.error(name.span.lo, crate::errors::redeclared(&name.name, pspan));
            return false;
        }
        if let Some(s) = self.session.as_mut() {
            s.replaced += 1;
        }
        true
    }

    /// A variable declared at the top level of an eval session's input function: a
    /// package-level variable of the session's package, visible to later inputs.
    pub(crate) fn declare_session_var(&mut self, name: &Ident, obj: ObjId) {
        let p = self.cur_pkg;
        if !self.may_declare_in_package(p, name) {
            return;
        }
        if let ObjKind::Var { global, .. } =
            &mut std::sync::Arc::make_mut(&mut self.objs[obj.0 as usize]).kind
        {
            *global = true;
        }
        std::sync::Arc::make_mut(&mut self.objs[obj.0 as usize]).owner = None;
        if let Some(scope) = self.scopes.last_mut() {
            scope.names.insert(name.name.clone(), obj);
        }
        std::sync::Arc::make_mut(&mut self.pkgs[p])
            .scope
            .insert(name.name.clone(), obj);
        if let Some(s) = self.session.as_mut() {
            s.vars.push(obj);
        }
    }
}
