//! Package-level variables and the program's entry function.
//!
//! Invariants:
//! - Every package-level variable has one offset in the globals block, given once
//!   (`declare_globals`, in object order after the slots a previous increment gave); its
//!   pointer words are listed in `globals_ptr_words` for the collector's root scan.
//! - `runtime.main` initializes packages in import order, each package's variables in the
//!   checker's `init_order` (dependency order, spec), then its `init` functions in source
//!   order, then calls `main.main` (or, in an eval session, the input's statement function).
//!   In a session the main package is initialized last too: the packages an input brings
//!   are appended after it, and its new variables and statements may use them.
//! - A whole program skips the initializer of a package-level variable that nothing uses
//!   when it is a map or slice literal without side effects (`unused_literal_global`), as
//!   Go's linker drops an unreferenced map's initialization and keeps a slice literal in
//!   its data segment: neither costs Go heap, so neither may cost gosub heap
//!   (`unicode.Scripts` and its 162 siblings in every program that imports strings). An
//!   eval session keeps them all: a later input may use one.

use crate::bytecode::Op;
use crate::bytecode::Reg;
use crate::gen::{Gen, Increment};
use gosub_layered::{HashSet, HashSetExt};
use gosub_syntax::ast::{self, unparen, Expr, ExprKind, UnOp};
use gosub_types::{self as types, ObjId, ObjKind, TypeId, TypeKind};

/// The largest package-level variable gc accepts (`symbol too large`, from its object
/// writer).
const MAX_SYMBOL_SIZE: u64 = 2_000_000_000;

impl<'a> Gen<'a> {
    /// Gives every package-level variable without a slot one, after the existing ones.
    pub(crate) fn declare_globals(&mut self, inc: &Increment) {
        let mut off = self.out.globals_size;
        let mut ptrs = std::mem::take(&mut self.out.globals_ptr_words);
        for (pi, pkg) in self.p.packages.iter().enumerate() {
            // Only the main package and new packages declare new variables (looking at the
            // others would make each input cost as much as the whole standard library).
            if pi != inc.main && pi < inc.first_pkg {
                continue;
            }
            // Every package-level variable (initialized or not), in declaration order. An
            // earlier increment gave every variable it saw a slot: the main package looks
            // only at the objects made since (its scope grows with the session).
            let is_var = |o: ObjId| matches!(self.p.obj(o).kind, ObjKind::Var { .. });
            let mut vars: Vec<ObjId> = if pi == inc.main && self.objects_seen > 0 {
                (self.objects_seen..self.p.objects.len())
                    .map(|i| ObjId(i as u32))
                    .filter(|&o| {
                        let obj = self.p.obj(o);
                        obj.pkg == pi && is_var(o) && pkg.scope.get(&obj.name) == Some(&o)
                    })
                    .collect()
            } else {
                pkg.scope.values().copied().filter(|&o| is_var(o)).collect()
            };
            let first_entry = if pi == inc.main { inc.init0 } else { 0 };
            for e in &pkg.init_order[first_entry.min(pkg.init_order.len())..] {
                vars.extend(e.lhs.iter().copied());
            }
            vars.retain(|o| !self.globals.contains_key(o));
            vars.sort();
            vars.dedup();
            for o in vars {
                let t = self.p.obj(o).ty;
                let l = self.layouts.get(&self.p.types, t);
                // A type larger than the address space is reported as such, at the
                // variable; the variable gets no slot.
                if l.size == u64::MAX {
                    self.too_large.entry(t).or_insert(false);
                    self.report_too_large(self.p.obj(o).span.lo);
                    continue;
                }
                // gc refuses a symbol over 2e9 bytes; the block's offsets are `u32`.
                let start = crate::layout::round_up(off as u64, 8);
                let end = start.saturating_add(crate::layout::round_up(l.size.max(1), 8));
                if l.size > MAX_SYMBOL_SIZE || end > u32::MAX as u64 {
                    let obj = self.p.obj(o);
                    let msg = if l.size > MAX_SYMBOL_SIZE {
                        format!(
                            "{}.{}: symbol too large ({} bytes > {} bytes)",
                            pkg.path, obj.name, l.size, MAX_SYMBOL_SIZE
                        )
                    } else {
                        format!(
                            "gosub: the package-level variables up to {}.{} take more than 4 GiB",
                            pkg.path, obj.name
                        )
                    };
                    self.err(obj.span, msg);
                    // Said once: not again as a type too large where a function uses it.
                    self.too_large.insert(t, true);
                    continue;
                }
                off = start as u32;
                for w in &l.ptr_words {
                    ptrs.push(off / 8 + w);
                }
                self.globals.insert(o, off);
                self.out.globals.push(crate::program::GlobalVar {
                    name: format!("{}.{}", pkg.path, self.p.obj(o).name),
                    offset: off,
                    rtype: t.0,
                });
                off += crate::layout::round_up(l.size.max(1), 8) as u32;
            }
        }
        self.out.globals_size = off.max(8);
        self.out.globals_ptr_words = ptrs;
    }

    pub(crate) fn compile_entry(&mut self, idx: u32, inc: &Increment) {
        self.begin_fn("runtime.main".into());
        let p = self.p;
        let used: HashSet<ObjId> = if inc.session {
            HashSet::new()
        } else {
            p.info.uses.values().copied().collect()
        };
        // Imported packages first (Go's order): a session's main package came first, but
        // the packages a later input brings are initialized before that input's own
        // variables and statements, which may use them.
        let order = (0..p.packages.len())
            .filter(|&pi| !inc.session || pi != inc.main)
            .chain(inc.session.then_some(inc.main));
        for pi in order {
            let pkg = &p.packages[pi];
            let first_init = if pi == inc.main {
                inc.init0
            } else if pi >= inc.first_pkg {
                0
            } else {
                continue;
            };
            for e in &pkg.init_order[first_init.min(pkg.init_order.len())..] {
                let (fi, di, si) = e.spec;
                let ast::Decl::Var(gd) = &pkg.files[fi].decls[di] else {
                    continue;
                };
                let spec = &gd.specs[si];
                let mark = self.f().temp_mark();
                self.fs().f.cur_pos = spec.span.lo;
                if spec.values.is_empty() {
                    continue; // globals start zeroed
                }
                // The entry's variables with their own initializers (`var a, b = x, y`
                // gives each variable an entry of its own: `initorder.rs`), or None for
                // one multi-value initializer (`var p, q = f()`).
                let own: Option<Vec<(ObjId, &'a ast::Expr)>> =
                    if spec.values.len() == spec.names.len() {
                        e.lhs
                            .iter()
                            .map(|&o| {
                                let i = spec
                                    .names
                                    .iter()
                                    .position(|n| p.info.defs.get(&n.id) == Some(&o))?;
                                Some((o, &spec.values[i]))
                            })
                            .collect()
                    } else {
                        None
                    };
                if let Some(own) = own {
                    if !inc.session
                        && own
                            .iter()
                            .all(|&(o, v)| !used.contains(&o) && self.unused_literal_global(v))
                    {
                        continue;
                    }
                    // An assignment in gc's init function: ordered as one (order.rs).
                    let values: Vec<&'a ast::Expr> = own.iter().map(|&(_, v)| v).collect();
                    let targets: Vec<_> = own.iter().map(|&(o, _)| Some(p.obj(o).ty)).collect();
                    let hoisted = self.hoist_calls(&values, &targets);
                    for &(o, v) in &own {
                        let t = p.obj(o).ty;
                        let r = self.expr_conv(v, t);
                        if p.obj(o).name != "_" {
                            self.store_global(o, r, t);
                        }
                    }
                    self.unhoist(hoisted);
                } else {
                    let tys: Vec<TypeId> = e.lhs.iter().map(|&o| self.p.obj(o).ty).collect();
                    let regs = self.multi_value(&spec.values[0], tys.len());
                    for (i, &o) in e.lhs.iter().enumerate() {
                        if self.p.obj(o).name != "_" {
                            let (r, rt) = regs[i];
                            let v = self.convert(r, rt, tys[i]);
                            self.store_global(o, v, tys[i]);
                        }
                    }
                }
                self.f().release_temps(mark);
            }
            for &(fi, di) in &pkg.init_funcs {
                if !inc.includes(pi, fi) {
                    continue;
                }
                let ast::Decl::Func(fd) = &pkg.files[fi].decls[di] else {
                    continue;
                };
                if let Some(&obj) = p.info.defs.get(&fd.name.id) {
                    if let Some(&fidx) = self.func_index.get(&obj) {
                        self.emit(Op::Call {
                            func: fidx,
                            base: 0,
                        });
                    }
                }
            }
            if inc.session && pi == inc.main {
                for file in &pkg.files[inc.first_file.min(pkg.files.len())..] {
                    for d in &file.decls {
                        let ast::Decl::Func(fd) = d else { continue };
                        if fd.recv.is_some() || !fd.name.name.starts_with(types::SESSION_FN_PREFIX)
                        {
                            continue;
                        }
                        let fidx = p
                            .info
                            .defs
                            .get(&fd.name.id)
                            .and_then(|o| self.func_index.get(o))
                            .copied();
                        if let Some(fidx) = fidx {
                            self.emit(Op::Call {
                                func: fidx,
                                base: 0,
                            });
                        }
                    }
                }
            }
            if !inc.session && pi + 1 == p.packages.len() {
                if let Some(&main) = pkg.scope.get("main") {
                    if let Some(&fidx) = self.func_index.get(&main) {
                        self.emit(Op::Call {
                            func: fidx,
                            base: 0,
                        });
                    }
                }
            }
        }
        self.emit(Op::Ret);
        self.end_fn(idx);
    }

    /// Whether `e`, the initializer of a package-level variable nothing uses, is a map or
    /// slice literal whose evaluation has no effect but the allocation (see the header).
    fn unused_literal_global(&self, e: &Expr) -> bool {
        let Some(&t) = self.p.info.types.get(&e.id) else {
            return false;
        };
        matches!(
            self.p.types.under(t),
            TypeKind::Map(..) | TypeKind::Slice(_)
        ) && matches!(unparen(e).kind, ExprKind::CompositeLit { .. })
            && self.effect_free(e)
    }

    /// Whether evaluating `e` can do nothing but allocate: constants, names, and composite
    /// literals (and their addresses) of such. Map literals with constant keys cannot panic
    /// on a duplicate key (the checker rejects those).
    fn effect_free(&self, e: &Expr) -> bool {
        if self.p.info.consts.contains_key(&e.id) {
            return true;
        }
        match &e.kind {
            ExprKind::Ident(_) | ExprKind::FuncLit { .. } => true,
            ExprKind::Paren(x) => self.effect_free(x),
            ExprKind::Unary { op: UnOp::Addr, x } => {
                matches!(unparen(x).kind, ExprKind::CompositeLit { .. }) && self.effect_free(x)
            }
            ExprKind::KeyValue { key, value } => self.effect_free(key) && self.effect_free(value),
            ExprKind::CompositeLit { elts, .. } => elts.iter().all(|x| self.effect_free(x)),
            _ => false,
        }
    }

    pub fn store_global(&mut self, o: ObjId, v: Reg, t: TypeId) {
        let Some(&off) = self.globals.get(&o) else {
            return;
        };
        let size = self.size(t);
        let gcty = self.gctype_of(t);
        self.emit(Op::StoreGlobal {
            off,
            src: v,
            size,
            gcty,
        });
    }
}
