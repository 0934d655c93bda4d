//! The code generator's shared state and the per-function driver.
//!
//! Invariants:
//! - Every function (declared, method, literal, wrapper) gets its index in `Program::funcs`
//!   before any code refers to it; bodies are compiled from a work queue, so nested function
//!   literals never recurse into the generator.
//! - A local variable lives either in its frame slot (`Loc::Frame`) or, when its address
//!   outlives the frame or a closure captures it, in a heap cell whose address is in a frame
//!   slot (`Loc::Boxed`) or in the closure (`Loc::Captured`). Which variables need a cell is
//!   decided from the driver's escape analysis (`Gen::esc`, see `boxing.rs`).
//! - The generator does not run the escape analysis: the driver runs it once (parse →
//!   check → escape → compile) and hands its result to `Gen::new`; `-m` prints that same
//!   result.

use crate::bytecode::{Function, Op, Reg};
use crate::frame::{FrameBuilder, Label};
pub use crate::gen_state::GenState;
use crate::layout::{Layout, Layouts, PtrWords};
use crate::program::{GcType, Itab, Program};
use gosub_escape::types_util::MAX_IMPLICIT_STACK_VAR_SIZE;
use gosub_layered::{HashMap, HashMapExt, HashSet, HashSetExt};
use gosub_syntax::ast::{self, NodeId};
use gosub_syntax::Diagnostic;
use gosub_types::{self as types, ObjId, ObjKind, TypeId, TypeKind};

#[derive(Clone, Copy, Debug)]
pub enum Loc {
    Frame(Reg),
    /// The frame slot holds the address of a heap cell.
    Boxed(Reg),
    /// Captured word `index` of the current closure holds the address of the cell.
    Captured(u32),
    /// Offset in the globals block.
    Global(u32),
}

pub struct Job<'a> {
    pub func: u32,
    pub kind: JobKind<'a>,
}

pub enum JobKind<'a> {
    Decl {
        pkg: usize,
        file: usize,
        decl: usize,
    },
    Lit {
        expr: &'a ast::Expr,
        captures: Vec<ObjId>,
        parent_name: String,
    },
    Entry(Increment),
    /// Adapts an interface call (receiver = data word) to method `method` of type `recv`.
    Wrapper {
        recv: TypeId,
        method: ObjId,
        path: Vec<usize>,
        direct: bool,
    },
    /// A bound method value's code: calls `target` with the captured receiver word.
    Thunk {
        target: u32,
        method: ObjId,
    },
    /// `defer`/`go` of a builtin: a function whose parameters are the builtin call's
    /// evaluated arguments and whose body is the call (defer.rs).
    BuiltinWrapper {
        call: &'a ast::Expr,
        params: Vec<TypeId>,
    },
    /// Calls method `index` (signature `sig`) of an interface value: captured by a method
    /// value's closure (`bound`), or the first parameter of a method expression `I.M`.
    IfaceThunk {
        index: usize,
        sig: TypeId,
        bound: bool,
    },
    /// Forwards to method `index` of the embedded interface field at `path`.
    IfaceWrapper {
        recv: TypeId,
        path: Vec<usize>,
        index: usize,
        sig: TypeId,
        direct: bool,
    },
}

/// What a compilation adds to the program: all of it, or an eval session's next input
/// (the packages from `first_pkg` on, and the files of the session's package `main` from
/// `first_file` on, whose variable initializers start at `init0` in its `init_order`).
#[derive(Clone, Debug)]
pub struct Increment {
    pub first_pkg: usize,
    pub main: usize,
    pub first_file: usize,
    pub init0: usize,
    /// Call the session's input functions (`types::SESSION_FN_PREFIX`) of the new files
    /// instead of `main.main`.
    pub session: bool,
}

impl Increment {
    /// A whole program.
    pub fn whole() -> Increment {
        Increment {
            first_pkg: 0,
            main: usize::MAX,
            first_file: 0,
            init0: 0,
            session: false,
        }
    }

    /// Is file `fi` of package `pi` part of this compilation?
    pub fn includes(&self, pi: usize, fi: usize) -> bool {
        self.files(pi, fi + 1).contains(&fi)
    }

    /// The files of package `pi` (of `n`) that are part of this compilation (a session's
    /// input is compiled without going through the earlier inputs' files).
    pub fn files(&self, pi: usize, n: usize) -> std::ops::Range<usize> {
        if pi == self.main {
            self.first_file.min(n)..n
        } else if pi >= self.first_pkg {
            0..n
        } else {
            0..0
        }
    }
}

pub struct LoopCtx {
    pub label: Option<String>,
    pub brk: Label,
    pub cont: Option<Label>,
}

/// Per-function state.
pub struct FnState {
    pub f: FrameBuilder,
    pub locals: HashMap<ObjId, Loc>,
    pub loops: Vec<LoopCtx>,
    pub labels: HashMap<String, Label>,
    pub results: Vec<(ObjId, Reg, TypeId)>,
    pub ctx_off: Option<Reg>,
    pub defer_off: Option<Reg>,
    pub boxed: HashSet<ObjId>,
    pub name: String,
    pub lit_count: u32,
    pub ret_label: Label,
    /// Pending `fallthrough` target for the next case body.
    pub fallthrough: Option<Label>,
    /// Inside an inlined body: where its `return` jumps (inline_body.rs).
    pub inline_exit: Option<Label>,
    /// In a builtin's wrapper (`defer close(ch)`): the registers holding the arguments the
    /// `defer`/`go` statement evaluated, by argument expression (see defer.rs).
    pub arg_regs: HashMap<NodeId, Reg>,
    /// Builtin wrappers made in this function so far (gc's `deferwrap1`, `gowrap1`...).
    pub deferwraps: u32,
    pub gowraps: u32,
    /// The locals whose address the function's body takes, and the variables it captures
    /// from enclosing functions (for gc's order of values converted to interfaces: order.rs).
    pub addr_taken: HashSet<ObjId>,
    pub captured: HashSet<ObjId>,
    /// The locals whose address the function's body takes or that a closure in it
    /// captures, whatever gc would inline (`gosub_escape::addr_taken_or_captured`): code
    /// other than the frame's own instructions may change them (inline_body.rs).
    pub shared: HashSet<ObjId>,
}

pub struct Gen<'a> {
    pub p: &'a types::Program,
    pub out: Program,
    pub layouts: Layouts,
    pub func_index: types::Layered<ObjId, u32>,
    pub jobs: Vec<Job<'a>>,
    pub globals: types::Layered<ObjId, u32>,
    pub strings: types::Layered<Vec<u8>, u32>,
    pub gctypes: types::Layered<(u32, Vec<u32>), u32>,
    pub itabs: types::Layered<(u32, u32), u32>,
    pub wrappers: types::Layered<(TypeId, String), u32>,
    pub natives: types::Layered<String, u32>,
    pub errors: Vec<Diagnostic>,
    pub fs: Option<FnState>,
    pub messages: types::Layered<String, u32>,
    /// The escape analysis of `p`, run by the driver. Functions it did not cover
    /// (`Escapes::analyzed`: literals in package-level initialisers) get no frame objects
    /// and box every address-taken or captured variable.
    pub esc: &'a gosub_escape::Escapes,
    /// Types found too large (`layout`), and whether the error has been reported.
    pub too_large: HashMap<TypeId, bool>,
    /// Types whose method tables `ensure_methods` has filled (with those of the values
    /// fmt can reach through them).
    pub methods_done: HashSet<TypeId>,
    /// The declarations of this compilation's functions and methods with bodies, for inlining.
    pub decls: HashMap<ObjId, &'a ast::FuncDecl>,
    /// Which functions' calls are inlined (see inline.rs).
    pub inline_cache: HashMap<ObjId, crate::inline::Inline<'a>>,
    /// The cost of inlining each function's body, None when it is not (inline_body.rs),
    /// and the functions whose bodies are being inlined, outermost first.
    pub body_inline_cache: HashMap<ObjId, Option<u32>>,
    pub inlining: Vec<ObjId>,
    /// Functions generated by this increment, for the passes that run once the whole
    /// program is there (`coalesce.rs`).
    pub finished: Vec<u32>,
    /// `out.static_boxes` by content.
    pub static_boxes: types::Layered<crate::program::StaticBox, u32>,
    /// Checker objects an earlier increment saw (`GenState::objects_seen`); 0 for the first.
    pub objects_seen: usize,
    /// Emit `Op::NoteFrameAlloc` where an allocation is kept in the frame (a program
    /// compiled for a memory report: `compile_counting`).
    pub count_frame_allocs: bool,
}

pub const NONE: Reg = u32::MAX;

/// The largest value the compiler lays out (2 GiB, so a local `[1<<28]int64` moves to the
/// heap as in gc): frame offsets and object sizes are `u32`, with room to add an offset
/// inside one such value to its size (a struct holding one and more is larger, and
/// rejected).
pub const MAX_VALUE_SIZE: u64 = 1 << 31;

impl<'a> Gen<'a> {
    /// A generator for program `p` with `esc`, the escape analysis of `p`.
    pub fn new(p: &'a types::Program, esc: &'a gosub_escape::Escapes) -> Gen<'a> {
        let mut g = Gen {
            p,
            out: Program::default(),
            layouts: Layouts::default(),
            func_index: Default::default(),
            jobs: Vec::new(),
            globals: Default::default(),
            strings: Default::default(),
            gctypes: Default::default(),
            itabs: Default::default(),
            wrappers: Default::default(),
            natives: Default::default(),
            errors: Vec::new(),
            fs: None,
            messages: Default::default(),
            esc,
            too_large: HashMap::new(),
            methods_done: HashSet::new(),
            decls: HashMap::new(),
            inline_cache: HashMap::new(),
            body_inline_cache: HashMap::new(),
            inlining: Vec::new(),
            finished: Vec::new(),
            static_boxes: Default::default(),
            objects_seen: 0,
            count_frame_allocs: false,
        };
        // GC type 0: bytes.
        g.out.gctypes.push(GcType {
            size: 1,
            ptr_words: vec![],
        });
        g.gctypes.insert((1, vec![]), 0);
        g
    }

    // ---------- small helpers ----------

    pub fn fs(&mut self) -> &mut FnState {
        self.fs.as_mut().expect("inside a function")
    }

    pub fn f(&mut self) -> &mut FrameBuilder {
        &mut self.fs().f
    }

    pub fn emit(&mut self, op: Op) -> usize {
        self.f().emit(op)
    }

    pub fn err(&mut self, span: ast::Span, msg: impl Into<String>) {
        self.errors.push(Diagnostic::new(span, msg));
    }

    /// The layout of `t`. A type larger than `MAX_VALUE_SIZE` is a compile error (reported
    /// once per type) and gets a one-word layout, so no frame or offset computation downstream
    /// can overflow.
    pub fn layout(&mut self, t: TypeId) -> Layout {
        let l = self.layouts.get(&self.p.types, t);
        if l.size <= MAX_VALUE_SIZE {
            return l;
        }
        self.too_large.entry(t).or_insert(false);
        if let Some(pos) = self.fs.as_ref().map(|f| f.f.cur_pos) {
            self.report_too_large(pos);
        }
        Layout::word(false)
    }

    /// Reports, at `pos`, the too-large types not reported yet (a type first met outside any
    /// function is reported where a function next meets a too-large type, else at the end).
    pub(crate) fn report_too_large(&mut self, pos: u32) {
        let mut pending: Vec<TypeId> = (self.too_large.iter())
            .filter(|(_, done)| !**done)
            .map(|(t, _)| *t)
            .collect();
        pending.sort_by_key(|t| t.0);
        for t in pending {
            self.too_large.insert(t, true);
            let size = match self.layouts.size(&self.p.types, t) {
                u64::MAX => "larger than the address space".to_string(),
                n => format!("{n} bytes"),
            };
            let name = self.p.types.type_string(t, false);
            self.err(
                ast::Span::new(pos, pos + 1),
                format!("gosub: type {name} is too large ({size})"),
            );
        }
    }

    pub fn size(&mut self, t: TypeId) -> u32 {
        self.layout(t).size as u32
    }

    pub fn type_of(&self, id: NodeId) -> TypeId {
        self.p
            .info
            .types
            .get(&id)
            .copied()
            .unwrap_or(types::T_INVALID)
    }

    pub fn temp(&mut self, t: TypeId) -> Reg {
        let l = self.layout(t);
        self.f().temp(&l)
    }

    pub fn temp_word(&mut self, ptr: bool) -> Reg {
        let l = Layout {
            size: 8,
            align: 8,
            ptr_words: if ptr {
                PtrWords::from_slice(&[0])
            } else {
                PtrWords::new()
            },
        };
        self.f().temp(&l)
    }

    /// Is the object allocated at node `id` (`new(T)`, `&T{...}` by its composite literal,
    /// a closure) allowed in the frame by the escape analysis?
    pub fn stack_object(&self, id: NodeId) -> bool {
        self.esc.stack_objects.contains(&id)
    }

    /// For a slice that escape analysis keeps on the stack: a zeroed frame array of `n`
    /// elements of type `et` and the slice of it in `dst` (len and cap `n`), as gc places
    /// it; false (nothing emitted) when the array is over gc's limit for implicit stack
    /// variables (64 KiB).
    pub fn frame_slice(&mut self, et: TypeId, n: u64, dst: Reg) -> bool {
        let l = Layout::array(&self.layout(et), n);
        if l.size > MAX_IMPLICIT_STACK_VAR_SIZE {
            return false;
        }
        self.frame_array_slice(&l, n, n, dst);
        true
    }

    /// A zeroed frame array laid out as `l` and the slice of it (length `len`, capacity
    /// `cap`) in `dst`.
    pub fn frame_array_slice(&mut self, l: &Layout, len: u64, cap: u64, dst: Reg) {
        self.note_frame_alloc(l.size);
        let slot = self.f().alloc_slot(l);
        self.emit(Op::Zero {
            dst: slot,
            size: l.size.max(8) as u32,
        });
        self.emit(Op::AddrLocal { dst, src: slot });
        self.emit(Op::Const {
            dst: dst + 8,
            val: len,
        });
        self.emit(Op::Const {
            dst: dst + 16,
            val: cap,
        });
    }

    /// With `count_frame_allocs`: counts an allocation of `size` bytes that escape analysis
    /// kept in the frame (`Op::NoteFrameAlloc`), as the heap would have counted it (its
    /// 8-byte header and the size rounded to words). Nothing for a zero-size object, which
    /// the heap would not allocate either.
    pub fn note_frame_alloc(&mut self, size: u64) {
        if self.count_frame_allocs && size > 0 {
            let bytes = (8 + size.div_ceil(8) * 8).min(u64::from(u32::MAX)) as u32;
            self.emit(Op::NoteFrameAlloc { bytes });
        }
    }

    /// A zeroed frame object of type `t` (a dedicated slot, its pointer words in the stack
    /// map); its address goes to `dst`.
    pub fn frame_object(&mut self, t: TypeId, dst: Reg) -> Reg {
        let slot = self.slot(t);
        let size = self.size(t);
        self.note_frame_alloc(u64::from(size));
        self.emit(Op::Zero {
            dst: slot,
            size: size.max(8),
        });
        self.emit(Op::AddrLocal { dst, src: slot });
        slot
    }

    pub fn slot(&mut self, t: TypeId) -> Reg {
        let l = self.layout(t);
        self.f().alloc_slot(&l)
    }

    pub fn gctype_of(&mut self, t: TypeId) -> u32 {
        let l = self.layout(t);
        self.gctype(l.size.max(1) as u32, l.ptr_words.into_vec())
    }

    pub fn gctype(&mut self, size: u32, ptr_words: Vec<u32>) -> u32 {
        let key = (size, ptr_words);
        if let Some(&i) = self.gctypes.get(&key) {
            return i;
        }
        let i = self.out.gctypes.len() as u32;
        self.out.gctypes.push(GcType {
            size: key.0,
            ptr_words: key.1.clone(),
        });
        self.gctypes.insert(key, i);
        i
    }

    pub fn string_const(&mut self, s: &[u8]) -> u32 {
        if let Some(&i) = self.strings.get(s) {
            return i;
        }
        let i = self.out.strings.len() as u32;
        self.out.strings.push(s.to_vec());
        self.strings.insert(s.to_vec(), i);
        i
    }

    pub fn message(&mut self, m: &str) -> u32 {
        if let Some(&i) = self.messages.get(m) {
            return i;
        }
        let i = self.out.messages.len() as u32;
        self.out.messages.push(m.to_string());
        self.messages.insert(m.to_string(), i);
        i
    }

    /// Emits a move of a value of type `t` from `src` to `dst`.
    pub fn mov(&mut self, dst: Reg, src: Reg, t: TypeId) {
        if dst == src {
            return;
        }
        let size = self.size(t);
        self.mov_size(dst, src, size);
    }

    pub fn mov_size(&mut self, dst: Reg, src: Reg, size: u32) {
        if dst == src || size == 0 {
            return;
        }
        if size <= 8 {
            self.emit(Op::Move { dst, src });
        } else {
            self.emit(Op::MoveN {
                dst,
                src,
                size: crate::layout::round_up(size as u64, 8) as u32,
            });
        }
    }

    pub fn itab(&mut self, concrete: TypeId, iface: TypeId) -> u32 {
        if let Some(&i) = self.itabs.get(&(concrete.0, iface.0)) {
            return i;
        }
        let names: Vec<(String, u32)> = match self.p.types.under(iface) {
            TypeKind::Interface(ms) => ms.iter().map(|m| (m.name.clone(), m.sig.0)).collect(),
            _ => vec![],
        };
        self.ensure_methods(concrete);
        let rt = &self.out.rtypes[concrete.0 as usize];
        let funcs = names
            .iter()
            .map(|(n, sig)| {
                rt.methods
                    .iter()
                    .zip(rt.method_sigs.iter())
                    .find(|((m, _), s)| m == n && *s == sig)
                    .map(|((_, f), _)| *f)
                    .unwrap_or(u32::MAX)
            })
            .collect();
        let i = self.out.itabs.len() as u32;
        self.out.itabs.push(Itab {
            rtype: concrete.0,
            iface: iface.0,
            funcs,
        });
        self.itabs.insert((concrete.0, iface.0), i);
        i
    }

    pub fn new_func(&mut self, name: String, decl_pos: u32) -> u32 {
        let i = self.out.funcs.len() as u32;
        self.out.funcs.push(std::sync::Arc::new(Function {
            name,
            decl_pos,
            ..Default::default()
        }));
        i
    }

    /// Is `o` runtime.KeepAlive (compiled as gc's intrinsic, `Op::KeepAlive`)?
    pub fn is_keep_alive(&self, o: ObjId) -> bool {
        let obj = self.p.obj(o);
        obj.name == "KeepAlive"
            && self
                .p
                .packages
                .get(obj.pkg)
                .is_some_and(|p| p.path == "runtime")
    }

    pub fn pkg_name(&self, pkg: usize) -> String {
        self.p
            .packages
            .get(pkg)
            .map(|p| p.path.clone())
            .unwrap_or_default()
    }

    /// Go's qualified function name as tracebacks print it.
    pub fn func_name(&self, obj: ObjId) -> String {
        let o = self.p.obj(obj);
        let pkg = self.pkg_name(o.pkg);
        match &o.kind {
            ObjKind::Func {
                recv: Some(r),
                ptr_recv,
                ..
            } => {
                // gc names the methods of generic types' instances `(*Box[...]).At`.
                let base = match self.p.types.named_of(*r) {
                    Some(n) if n.targs.is_empty() => n.name.clone(),
                    Some(n) => format!("{}[...]", n.name),
                    None => "?".into(),
                };
                if *ptr_recv {
                    format!("{}.(*{}).{}", pkg, base, o.name)
                } else {
                    format!("{}.{}.{}", pkg, base, o.name)
                }
            }
            // and generic functions' instances `F[...]`.
            _ if self.p.info.instance_origin.contains_key(&obj) => {
                format!("{}.{}[...]", pkg, o.name)
            }
            _ => match o.name.strip_prefix(types::SESSION_FN_PREFIX) {
                // An eval session's input N runs as `main.inputN` (file `<input N>`).
                Some(n) => format!("{}.input{}", pkg, n),
                None => format!("{}.{}", pkg, o.name),
            },
        }
    }

    // ---------- the driver ----------

    pub fn run(mut self) -> Result<Program, Vec<Diagnostic>> {
        self.compile_increment(Increment::whole())?;
        self.out.freeze_prefix();
        Ok(self.out)
    }

    /// Compiles what `inc` adds to `self.out` (everything, for a whole program): rtypes
    /// and globals of the new types and variables, the new functions, and an entry.
    pub(crate) fn compile_increment(&mut self, inc: Increment) -> Result<(), Vec<Diagnostic>> {
        crate::rtypes::build_all(self);
        self.declare_globals(&inc);
        self.declare_funcs(&inc);
        if self.out.string_itab.is_none() {
            self.out.string_itab = Some(self.itab(types::T_STRING, types::T_ANY));
        }
        if self.out.runtime_errors.error_string.is_none() {
            self.runtime_error_itabs();
        }
        let entry = self.new_func("runtime.main".into(), 0);
        self.out.entry = entry;
        self.jobs.push(Job {
            func: entry,
            kind: JobKind::Entry(inc),
        });
        while let Some(job) = self.jobs.pop() {
            self.compile_job(job);
        }
        for idx in std::mem::take(&mut self.finished) {
            let mut f = std::mem::take(self.out.func_mut(idx));
            crate::coalesce::run(&self.out, &mut f);
            crate::hoist::run(&mut f);
            crate::jumps::run(&mut f);
            crate::copyprop::run(&self.out, &mut f);
            // Again: the copies gone, a value and the move of it into a call's argument
            // region may now be neighbours (`LoadElem t; Move arg, t`).
            crate::coalesce::run(&self.out, &mut f);
            // After every pass that renames registers or moves instructions.
            gosub_bytecode::in_place::run(&mut f);
            // Last: the passes above read and write only generic instructions.
            gosub_bytecode::specialized::specialize_code(&mut f.code);
            gosub_bytecode::fused::fuse_code(&mut f.code);
            self.out.funcs[idx as usize] = std::sync::Arc::new(f);
        }
        self.report_too_large(0);
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(std::mem::take(&mut self.errors))
        }
    }

    /// The itabs of the runtime's error types (`RuntimeErrorItabs`), when the program has
    /// package runtime.
    fn runtime_error_itabs(&mut self) {
        let p = self.p;
        let tt = &p.types;
        let find = |name: &str, ptr: bool| {
            let named = (0..tt.kinds.len()).map(|i| TypeId(i as u32)).find(|&t| {
                tt.named_of(t)
                    .is_some_and(|n| n.pkg == "runtime" && n.name == name)
            })?;
            if !ptr {
                return Some(named);
            }
            (0..tt.kinds.len())
                .map(|i| TypeId(i as u32))
                .find(|&t| matches!(tt.kind(t), TypeKind::Pointer(e) if *e == named))
        };
        let found = [
            find("errorString", false),
            find("boundsError", false),
            find("plainError", false),
            find("TypeAssertionError", true),
            find("PanicNilError", true),
        ];
        let [a, b, c, d, e] = found.map(|t| t.map(|t| self.itab(t, types::T_ANY)));
        self.out.runtime_errors = crate::program::RuntimeErrorItabs {
            error_string: a,
            bounds_error: b,
            plain_error: c,
            type_assertion: d,
            panic_nil: e,
        };
    }

    fn declare_funcs(&mut self, inc: &Increment) {
        for (pi, pkg) in self.p.packages.iter().enumerate() {
            for fi in inc.files(pi, pkg.files.len()) {
                let file = &pkg.files[fi];
                for (di, d) in file.decls.iter().enumerate() {
                    if let ast::Decl::Func(fd) = d {
                        if self.p.is_generic(fd) {
                            continue; // only its instances are compiled
                        }
                        let Some(&obj) = self.p.info.defs.get(&fd.name.id) else {
                            continue;
                        };
                        if fd.name.name == "init" && fd.recv.is_none() {
                            // init functions are not referable; index them by a synthetic key.
                        }
                        if fd.body.is_some() {
                            self.decls.insert(obj, fd);
                        }
                        let name = self.func_name(obj);
                        let idx = self.new_func(name.clone(), fd.span.lo);
                        self.func_index.insert(obj, idx);
                        if fd.recv.is_none() {
                            if let TypeKind::Func(sig) = self.p.types.kind(self.p.obj(obj).ty) {
                                let si = self.out.signatures.len() as u32;
                                self.out.func_mut(idx).sig = Some(si);
                                self.out.signatures.push(std::sync::Arc::new(
                                    crate::program::FuncSig {
                                        func: idx,
                                        params: sig.params.iter().map(|t| t.0).collect(),
                                        results: sig.results.iter().map(|t| t.0).collect(),
                                        variadic: sig.variadic,
                                    },
                                ));
                            }
                        }
                        if fd.body.is_none() {
                            // (Not `self.natives.len()`: a session drops the name of a
                            // host function registered again, src/host_versions.rs.)
                            let n = self.out.natives.len() as u32;
                            let nat = match self.natives.get(&name) {
                                Some(&i) => i,
                                None => {
                                    self.natives.insert(name.clone(), n);
                                    n
                                }
                            };
                            if nat == n {
                                self.out.natives.push(name);
                            }
                            self.out.func_mut(idx).native = Some(nat);
                        }
                        self.jobs.push(Job {
                            func: idx,
                            kind: JobKind::Decl {
                                pkg: pi,
                                file: fi,
                                decl: di,
                            },
                        });
                    }
                }
            }
        }
    }

    fn compile_job(&mut self, job: Job<'a>) {
        match job.kind {
            JobKind::Decl { pkg, file, decl } => {
                let p = self.p;
                let ast::Decl::Func(fd) = &p.packages[pkg].files[file].decls[decl] else {
                    return;
                };
                let name = self.out.funcs[job.func as usize].name.clone();
                // Not inlined into itself (inline_body.rs).
                self.inlining = p.info.defs.get(&fd.name.id).copied().into_iter().collect();
                self.compile_func(
                    job.func,
                    name,
                    fd.name.id,
                    &fd.sig,
                    fd.body.as_ref(),
                    &[],
                    fd.span.lo,
                );
                self.inlining.clear();
            }
            JobKind::Lit {
                expr,
                captures,
                parent_name,
            } => {
                let e: &'a ast::Expr = expr;
                if let ast::ExprKind::FuncLit { sig, body } = &e.kind {
                    let _ = parent_name;
                    let name = self.out.funcs[job.func as usize].name.clone();
                    self.compile_func(job.func, name, e.id, sig, Some(body), &captures, e.span.lo);
                }
            }
            JobKind::Entry(inc) => self.compile_entry(job.func, &inc),
            JobKind::Wrapper {
                recv,
                method,
                path,
                direct,
            } => crate::call::compile_wrapper(self, job.func, recv, method, &path, direct),
            JobKind::Thunk { target, method } => {
                crate::call::compile_thunk(self, job.func, target, method)
            }
            JobKind::IfaceThunk { index, sig, bound } => {
                crate::call::compile_iface_thunk(self, job.func, index, sig, bound)
            }
            JobKind::BuiltinWrapper { call, params } => {
                self.compile_builtin_wrapper(job.func, call, &params)
            }
            JobKind::IfaceWrapper {
                recv,
                path,
                index,
                sig,
                direct,
            } => {
                crate::call::compile_iface_wrapper(self, job.func, recv, &path, index, sig, direct)
            }
        }
    }

    pub fn begin_fn(&mut self, name: String) {
        let mut f = FrameBuilder::new();
        let ret_label = f.new_label();
        self.fs = Some(FnState {
            f,
            locals: HashMap::new(),
            loops: Vec::new(),
            labels: HashMap::new(),
            results: Vec::new(),
            ctx_off: None,
            defer_off: None,
            boxed: HashSet::new(),
            name,
            lit_count: 0,
            ret_label,
            fallthrough: None,
            inline_exit: None,
            arg_regs: HashMap::new(),
            deferwraps: 0,
            gowraps: 0,
            addr_taken: HashSet::new(),
            captured: HashSet::new(),
            shared: HashSet::new(),
        });
    }

    pub fn end_fn(&mut self, idx: u32) {
        let fs = self.fs.take().expect("function state");
        if fs.f.too_large {
            let pos = self.out.funcs[idx as usize].decl_pos;
            self.errors.push(Diagnostic::new(
                ast::Span::new(pos, pos + 1),
                format!(
                    "gosub: the frame of {} is larger than {} MiB (a local variable is too large)",
                    fs.name,
                    crate::frame::MAX_FRAME >> 20
                ),
            ));
        }
        let mut func = std::mem::take(self.out.func_mut(idx));
        func.ctx_off = fs.ctx_off;
        func.defer_off = fs.defer_off;
        func.epilogue = fs.f.label_pos(fs.ret_label).unwrap_or(0);
        let func = fs.f.finish(func);
        self.out.funcs[idx as usize] = std::sync::Arc::new(func);
        self.finished.push(idx);
    }

    #[allow(clippy::too_many_arguments)]
    fn compile_func(
        &mut self,
        idx: u32,
        name: String,
        key: NodeId,
        sig: &'a ast::FuncType,
        body: Option<&'a ast::Block>,
        captures: &[ObjId],
        pos: u32,
    ) {
        let _ = sig;
        self.begin_fn(name);
        self.fs().f.cur_pos = pos;
        let fv = self.p.func_vars(key).clone();
        if let Some(b) = body {
            let mut boxed = crate::boxing::boxed_vars_for(self.p, b, key, self.esc);
            for c in captures {
                boxed.remove(c);
            }
            self.fs().boxed = boxed;
            let (taken, shared) = gosub_escape::addr_facts(self.p, b);
            self.fs().addr_taken = taken.into_iter().collect();
            self.fs().shared = shared.into_iter().collect();
            self.fs().captured = captures.iter().copied().collect();
        }
        // Parameters (receiver first), then results.
        let mut param_regs = Vec::new();
        for &o in fv.recv.iter().chain(fv.params.iter()) {
            let t = self.p.obj(o).ty;
            let r = self.slot(t);
            param_regs.push((o, r, t));
        }
        let params_size = self.fs().f.size;
        let mut results = Vec::new();
        for &o in &fv.results {
            let t = self.p.obj(o).ty;
            let r = self.slot(t);
            results.push((o, r, t));
        }
        let results_size = self.fs().f.size - params_size;
        {
            let func = self.out.func_mut(idx);
            func.params_size = params_size;
            func.results_off = params_size;
            func.results_size = results_size;
        }
        let Some(body) = body else {
            // Native: the VM calls the implementation with this frame.
            let native = self.out.funcs[idx as usize].native.unwrap_or(0);
            self.emit(Op::CallNative { native, base: 0 });
            self.emit(Op::Ret);
            self.end_fn(idx);
            return;
        };
        if !captures.is_empty() {
            let c = self.temp_word(true);
            self.fs().ctx_off = Some(c);
            for (i, &o) in captures.iter().enumerate() {
                self.fs().locals.insert(o, Loc::Captured(i as u32));
            }
        }
        if crate::frame::has_defer(self.p, body) {
            let d = self.f().alloc_slot(&Layout {
                size: 8,
                align: 8,
                ptr_words: PtrWords::from_slice(&[0]),
            });
            self.fs().defer_off = Some(d);
        }
        for (o, r, t) in param_regs {
            self.bind_var(o, r, t, true);
        }
        for (o, r, t) in &results {
            self.bind_var(*o, *r, *t, true);
        }
        // A body without named results or defer writes every result before each return
        // (and nothing can recover them): the call need not zero them first.
        let written = !fv.named_results && self.fs().defer_off.is_none();
        self.out.func_mut(idx).results_written = written;
        self.fs().results = results;
        self.block(&body.stmts);
        self.fs().f.cur_pos = body.span.hi.saturating_sub(1);
        if !self.fs().results.is_empty() {
            self.emit(Op::Unreachable);
        } else if self.fs().defer_off.is_some() {
            self.f().end_outside_inlined(); // see inline_body.rs
        }
        let rl = self.fs().ret_label;
        self.f().bind(rl);
        self.emit_return_epilogue();
        self.end_fn(idx);
    }

    /// Copies boxed named results back into the result slots, then returns.
    pub fn emit_return_epilogue(&mut self) {
        let results = self.fs().results.clone();
        self.load_boxed_results(&results);
        self.emit(Op::Ret);
    }

    /// Copies the values of the named results among `results` (object, slot, type) that
    /// live in heap cells back into their slots (a return's epilogue, an inlined body's end).
    pub fn load_boxed_results(&mut self, results: &[(ObjId, Reg, TypeId)]) {
        for &(o, r, t) in results {
            if let Some(Loc::Boxed(b)) = self.fs().locals.get(&o).copied() {
                let size = self.size(t);
                self.emit(Op::LoadN {
                    dst: r,
                    ptr: b,
                    off: 0,
                    size,
                });
            }
        }
    }

    /// Gives variable `o` (whose initial value is in `r` when `init`) its home.
    pub fn bind_var(&mut self, o: ObjId, r: Reg, t: TypeId, init: bool) {
        if self.globals.contains_key(&o) {
            // An eval session's variable (a package-level variable declared by a statement).
            if init {
                self.store_global(o, r, t);
            }
            return;
        }
        if self.is_boxed(o) {
            let ptr_t = Layout {
                size: 8,
                align: 8,
                ptr_words: PtrWords::from_slice(&[0]),
            };
            let cell = self.f().alloc_slot(&ptr_t);
            let size = self.size(t);
            let gcty = self.gctype_of(t);
            self.emit(Op::New {
                dst: cell,
                gcty,
                size: size.max(1),
            });
            if init {
                self.store_mem(cell, 0, r, t);
            }
            self.fs().locals.insert(o, Loc::Boxed(cell));
        } else {
            self.fs().locals.insert(o, Loc::Frame(r));
        }
    }

    /// Does local `o` live in a heap cell: the boxing decision for this function
    /// (`boxing.rs`), or gc's "moved to heap" for a variable too large for the stack, which
    /// the analysis makes whether or not its address is taken.
    pub fn is_boxed(&mut self, o: ObjId) -> bool {
        self.fs().boxed.contains(&o) || self.esc.boxed.contains(&o)
    }

    /// Declares a new local `o` and returns the register to write its initial value into
    /// (then call `finish_decl`).
    pub fn declare_local(&mut self, o: ObjId) -> Reg {
        let t = self.p.obj(o).ty;
        self.slot(t)
    }
}
