//! gosub-types: the type checker. Takes the parsed packages of a program (the user's `main`
//! and the standard-library packages it imports, all as `ast::File`s) and either reports
//! compile errors in gc's words or returns a `Program`: the packages with every expression's
//! type and constant value, every identifier's object, every selector's resolution, the
//! package initialization order, and the types themselves.
//!
//! Invariants of a checked `Program` (what later stages may rely on without re-checking):
//! - `Info::types[id]` is set for every expression node that is evaluated; for untyped
//!   constant expressions it holds the final type the constant was converted to by its
//!   context (as go/types records it), and for `nil` the type it was assigned to
//!   (pointer, slice, map, chan, func or interface type). Untyped types remain only where the
//!   context leaves them untyped (e.g. a constant operand of a shift count, or `println(1)`
//!   which defaults to `int` — defaults are applied too, so in practice compile sees typed
//!   values everywhere except in constant-only sub-expressions whose value is recorded).
//! - `Info::consts[id]` is set for every constant expression, already representable in its
//!   final type (overflow is a compile error).
//! - Implicit conversions to interface types are NOT recorded: the compiler compares the
//!   value's type with the destination type (`TypeTable::is_interface`) wherever a value is
//!   assigned, passed, returned, sent, stored in a composite literal, or compared with `==`.
//! - The program type-checks: no invalid types or objects remain.
//! - It holds no range-over-func loop: each was lowered as gc lowers it, into a call of the
//!   range function with the body as a closure (`rangefunc.rs`; what that leaves for later
//!   stages is in `Info::rangefunc`). A function's code is what runs, not what was written.
//!
//! It also owns Go's memory layout of types on amd64 (`layout.rs`: sizes, alignments,
//! field offsets, pointer words, pointer-shaped types), which escape analysis and the
//! compiler read from here.
//!
//! Architecture Invariant: this crate depends only on gosub-syntax (checked by
//! `tests/architecture.rs`) and contains no `unsafe` code (`forbid` below).

#![forbid(unsafe_code)]
// Style lints whose suggestions would obscure the correspondence with types2's code.
#![allow(
    clippy::collapsible_if,
    clippy::collapsible_match,
    clippy::needless_range_loop,
    clippy::if_same_then_else,
    clippy::single_match,
    clippy::enum_variant_names
)]

pub use gosub_layered as layered;
pub mod layout;
pub mod members;
pub mod ty;

mod assign;
mod bigrat;
mod branches;
mod builtins;
mod builtins_complex;
mod call;
mod check;
mod constant;
mod conversions;
mod decl;
mod errors;
mod expr;
mod generic_expr;
mod index;
mod infer;
mod initorder;
mod instantiate;
mod literal;
mod lookup;
mod operators;
mod range;
mod rangefunc;
mod rangefunc_nodes;
mod resolver;
mod session;
mod stmt;
mod switch;
mod terminating;
mod tparams;
mod typexpr;
mod universe;
mod untyped;

pub use check::check;
pub use constant::fmt_g6;
pub use errors::{expand_positions, render_diagnostic};
pub use layered::{Chunked, Layered, LayeredSet};
pub use session::{check_more, check_session, Resume, SESSION_FN_PREFIX};
pub use ty::*;

pub(crate) use constant::Val;

pub(crate) use gosub_layered::{HashMap, HashMapExt, HashSet, HashSetExt};
pub(crate) use gosub_syntax::ast::Ident;
use gosub_syntax::ast::{NodeId, Span};
use gosub_syntax::Diagnostic;

/// Identifies an `Object`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjId(pub u32);

/// A compile-time constant value, exact.
#[derive(Clone, Debug, PartialEq)]
pub enum ConstValue {
    Bool(bool),
    /// Integers (and runes) of any integer type, exact in 128 bits.
    Int(i128),
    Float(f64),
    Complex(f64, f64),
    String(Vec<u8>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Builtin {
    Append,
    Cap,
    Clear,
    Close,
    Complex,
    Copy,
    Delete,
    Imag,
    Len,
    Make,
    Max,
    Min,
    New,
    Panic,
    Print,
    Println,
    Real,
    Recover,
    // package unsafe
    Sizeof,
    Alignof,
    Offsetof,
    Add,
    Slice,
    String,
    StringData,
    SliceData,
    // gc's runtime helpers of the range-over-func lowering (`rangefunc.rs`): only the
    // lowering writes calls of them (their objects are in no scope).
    /// `runtime.panicrangestate(state int)`: the run-time error of a misbehaving range
    /// function (state 0 done, 2 panic, 3 exhausted, 4 missing panic, as gc's `abi.RF_*`).
    PanicRangeState,
    /// `runtime.deferrangefunc() uintptr`: a token for the calling frame's defer list, to
    /// which the `defer` statements of its loop bodies add (`RangeFuncInfo::defer_at`).
    DeferRangeFunc,
}

#[derive(Clone, Debug)]
pub enum ObjKind {
    /// A variable: package-level (`global`), parameter, result, or local.
    Var {
        global: bool,
        param: bool,
        /// A named or unnamed result parameter.
        result: bool,
        /// Struct fields are not Objects; this is false for all Objects. Reserved.
        field: bool,
    },
    Const(ConstValue),
    TypeName,
    /// A function or method declared with `func`. `decl` locates its `FuncDecl`:
    /// (package index, file index within the package, decl index within the file).
    Func {
        decl: Option<(usize, usize, usize)>,
        recv: Option<TypeId>,
        ptr_recv: bool,
    },
    PkgName {
        pkg: usize,
    },
    Builtin(Builtin),
    Nil,
    Label,
}

#[derive(Clone, Debug)]
pub struct Object {
    pub name: String,
    pub kind: ObjKind,
    pub ty: TypeId,
    /// Index of the declaring package in `Program::packages`; usize::MAX for universe objects.
    pub pkg: usize,
    /// Where it is declared (the identifier); Span::default() for universe objects.
    pub span: Span,
    /// For locals: the function (FuncDecl or FuncLit body) that declares it, identified by
    /// the NodeId of the FuncDecl's name ident or the FuncLit expression.
    pub owner: Option<NodeId>,
}

/// How a selector expression `x.f` resolved.
#[derive(Clone, Debug)]
pub enum Selection {
    /// `pkg.Name`: a package-qualified identifier; the object is in `Info::uses` of `sel`.
    Qualified(ObjId),
    /// A struct field. `path` lists field indices from `x`'s type down through embedded fields
    /// (length > 1 for promoted fields); the compiler dereferences pointers along the path
    /// (including `x` itself if it is a pointer) as Go's auto-deref does.
    Field { path: Vec<usize>, ty: TypeId },
    /// A method value or method call `x.m`. `path` leads through embedded fields to the
    /// receiver the method is declared on (empty if declared on x's type itself).
    /// `func` is the method's Func object; `ptr_recv` tells whether it takes `*T`.
    Method {
        path: Vec<usize>,
        func: ObjId,
        ptr_recv: bool,
    },
    /// A method of an interface type (x is an interface, possibly reached through `path`).
    /// `index` is the method's index in the interface's sorted method list.
    IfaceMethod { path: Vec<usize>, index: usize },
    /// A method expression `I.m` of an interface type: a function value whose first
    /// parameter is the interface; `index` is the method's index in its method list.
    IfaceMethodExpr { recv: TypeId, index: usize },
    /// A method expression `T.m` or `(*T).m`: a function value whose first parameter is the
    /// receiver.
    MethodExpr {
        func: ObjId,
        ptr_recv: bool,
        recv: TypeId,
    },
}

/// What kind of thing an expression denotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A value that is not addressable.
    Value,
    /// An addressable variable (may be `&`-ed and assigned).
    Variable,
    /// A map index expression (assignable, not addressable; comma-ok allowed).
    MapIndex,
    /// A constant; the value is in `Info::consts`.
    Const,
    /// A type expression.
    Type,
    /// A builtin function name.
    Builtin,
    /// A call of a function without results.
    NoValue,
    /// Comma-ok capable expressions (`v, ok := m[k]`, `x.(T)`, `<-ch`) used with two results:
    /// the expression's recorded type is then a 2-tuple.
    CommaOk,
}

/// Everything the checker learned, in side tables keyed by `NodeId` (`Layered`: an eval
/// session's checks share them, crates/layered).
#[derive(Clone, Debug, Default)]
pub struct Info {
    /// Type of every evaluated expression (see crate invariants).
    pub types: Layered<NodeId, TypeId>,
    pub modes: Layered<NodeId, Mode>,
    pub consts: Layered<NodeId, ConstValue>,
    /// Identifier uses (by the Ident's NodeId).
    pub uses: Layered<NodeId, ObjId>,
    /// Identifier definitions (declared names, including `:=`, params, results, receivers,
    /// range variables, labels). For a type switch `switch v := x.(type)`, each clause gets
    /// its own Var object: `implicits[(v's NodeId, clause index)]`.
    pub defs: Layered<NodeId, ObjId>,
    /// Type switch clause variables keyed by the bound identifier's NodeId and the clause's
    /// index (node ids, unlike positions, differ between the instances of generic code).
    pub implicits: Layered<(NodeId, usize), ObjId>,
    /// Selector expressions (by the Selector Expr's NodeId).
    pub selections: Layered<NodeId, Selection>,
    /// Free variables of each function literal (by the FuncLit Expr's NodeId): the outer
    /// local variables it refers to, in order of first reference.
    pub captures: Layered<NodeId, Vec<ObjId>>,
    /// For each function (FuncDecl name NodeId or FuncLit NodeId): the Var objects of its
    /// receiver (if any), params and results in order; unnamed results get fresh objects
    /// named "~r0", "~r1"...; blank `_` params get objects named "_".
    pub func_vars: Layered<NodeId, FuncVars>,
    /// Call expressions that are conversions `T(x)` (by the Call Expr's NodeId).
    pub conversions: Layered<NodeId, TypeId>,
    /// Explicit instantiations of generic functions (`Map[int, string]`, by the Index or
    /// IndexList Expr's NodeId): the instance's Func object. The function name inside also
    /// `uses` the instance, as does the name in a call whose type arguments were inferred.
    pub instances: Layered<NodeId, ObjId>,
    /// Generic function and method declarations (by the FuncDecl's name NodeId): checked,
    /// but only their instances (copies with other ids) are analysed and compiled.
    pub generic_decls: LayeredSet<NodeId>,
    /// Each instance of a generic function or method (its Func object) and the generic
    /// declaration's object it was made from.
    pub instance_origin: Layered<ObjId, ObjId>,
    /// The type arguments of each instance (for a method, its receiver type's).
    pub instance_targs: Layered<ObjId, Vec<TypeId>>,
    /// The type names that stand for type parameters in generic code and its instances
    /// (bound to the type parameter, or to the instance's type argument).
    pub tparam_names: LayeredSet<ObjId>,
    /// What the range-over-func lowering wrote besides ordinary Go (`rangefunc.rs`).
    pub rangefunc: RangeFuncInfo,
}

impl Info {
    /// Freezes what a check inserted into the shared tables (crates/layered); a finished
    /// program's tables are frozen.
    pub fn freeze(&mut self) {
        self.types.freeze();
        self.modes.freeze();
        self.consts.freeze();
        self.uses.freeze();
        self.defs.freeze();
        self.implicits.freeze();
        self.selections.freeze();
        self.captures.freeze();
        self.func_vars.freeze();
        self.conversions.freeze();
        self.instances.freeze();
        self.generic_decls.freeze();
        self.instance_origin.freeze();
        self.instance_targs.freeze();
        self.tparam_names.freeze();
    }
}

/// The range-over-func lowering's side tables.
#[derive(Clone, Debug, Default)]
pub struct RangeFuncInfo {
    /// The function literals made of loop bodies, by NodeId.
    pub bodies: HashMap<NodeId, RangeBody>,
    /// `defer` statements in loop bodies, by the deferred call's NodeId: the variable
    /// holding the defer-list token (`Builtin::DeferRangeFunc`) of the function the loop is
    /// in. The deferred call runs when that function returns (gc's `DeferAt`).
    pub defer_at: HashMap<NodeId, ObjId>,
    /// How many NodeIds the lowering has handed out: they count down from `u32::MAX`.
    pub synth_ids: u32,
}

/// A loop body made into a function literal: gc names it `PARENT-rangeINDEX`.
#[derive(Clone, Copy, Debug)]
pub struct RangeBody {
    /// The function the loop is in (FuncDecl name or FuncLit node; never another body).
    pub parent: NodeId,
    /// 1 for the parent's first loop in source order, 2 for the next, ...
    pub index: u32,
}

#[derive(Clone, Debug, Default)]
pub struct FuncVars {
    pub recv: Option<ObjId>,
    pub params: Vec<ObjId>,
    pub results: Vec<ObjId>,
    /// True when results are named (bare `return` allowed).
    pub named_results: bool,
}

/// One package's sources, as given to the checker.
#[derive(Clone, Debug)]
pub struct PackageSrc {
    /// Import path: "main" for the program, "fmt", "strings", "runtime/debug"...
    pub path: String,
    /// Shared, so that an eval session's next check takes the earlier files without
    /// copying them (`check_more`).
    pub files: Files,
}

/// A package's files, shared (`Arc`) twice over: the list, between a session's checks
/// and the programs they make, and each file, between the lists.
pub type Files = std::sync::Arc<Vec<std::sync::Arc<gosub_syntax::ast::File>>>;

#[derive(Clone, Debug)]
pub struct Package {
    pub path: String,
    /// Short name (`debug` for "runtime/debug").
    pub name: String,
    /// Shared with the sources the checker read (`PackageSrc::files`).
    pub files: Files,
    /// Package-level objects by name (shared in layers with the checker's state).
    pub scope: gosub_layered::Layered<String, ObjId>,
    /// Package-level variable initializations in Go's dependency order: each entry is
    /// (the Var objects on the left, the initializer expression or None for zero values,
    /// the (file, decl, spec) indices it came from).
    pub init_order: Vec<InitEntry>,
    /// `func init()` declarations in source order, as (file index, decl index).
    pub init_funcs: Vec<(usize, usize)>,
}

#[derive(Clone, Debug)]
pub struct InitEntry {
    pub lhs: Vec<ObjId>,
    /// (file index, decl index, spec index) of the `var` spec; its `values` hold the
    /// initializer(s): one per lhs, or one multi-value expression for several lhs.
    pub spec: (usize, usize, usize),
}

/// A checked program.
#[derive(Clone, Debug)]
pub struct Program {
    /// Packages in dependency order (every package after the packages it imports);
    /// `main` is last.
    pub packages: Vec<std::sync::Arc<Package>>,
    pub types: TypeTable,
    /// Shared, so that an eval session's next check copies pointers, not every object's
    /// name and kind; the checker changes an object through `Arc::make_mut`.
    pub objects: Chunked<std::sync::Arc<Object>>,
    pub info: Info,
    /// Warnings (not errors) to print, such as misplaced imports accepted leniently.
    pub warnings: Vec<Diagnostic>,
    /// The first NodeId no file uses (`next_node_id`).
    pub(crate) next_node: NodeId,
}

impl Program {
    pub fn obj(&self, id: ObjId) -> &Object {
        &self.objects[id.0 as usize]
    }

    /// The first NodeId no file of the program uses (the checker's instance file included):
    /// where the next parsed input of a session starts numbering.
    pub fn next_node_id(&self) -> NodeId {
        self.next_node
    }

    /// Whether `fd` is a generic function or method declaration (see `Info::generic_decls`).
    pub fn is_generic(&self, fd: &gosub_syntax::ast::FuncDecl) -> bool {
        self.info.generic_decls.contains(&fd.name.id)
    }

    /// The function instance an explicit instantiation `F[int]` denotes (see
    /// `Info::instances`).
    pub fn instance_of(&self, e: &gosub_syntax::ast::Expr) -> Option<ObjId> {
        self.info.instances.get(&e.id).copied()
    }

    /// The receiver, parameter and result variables of function `f` (a FuncDecl's name
    /// node or a FuncLit node); none for a node that is not a checked function.
    pub fn func_vars(&self, f: NodeId) -> &FuncVars {
        static NONE: FuncVars = FuncVars {
            recv: None,
            params: Vec::new(),
            results: Vec::new(),
            named_results: false,
        };
        self.info.func_vars.get(&f).unwrap_or(&NONE)
    }
}
