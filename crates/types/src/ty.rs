//! Go types, interned in one `TypeTable`.
//!
//! Invariants:
//! - Unnamed (composite) types are hash-consed: two unnamed types are identical in Go's sense
//!   exactly when their `TypeId`s are equal. Named types (`type T ...`) are each created once
//!   and are identical only to themselves, so `identical(a, b)` is `a == b` everywhere.
//! - A `Named` type's `underlying` is never itself `Named`.
//! - Interface method lists are sorted by name and already include the methods of embedded
//!   interfaces (the method set is flat); the index of a method in that list is the index
//!   the compiler uses for dynamic dispatch.
//! - Struct field lists keep source order; embedded fields have `embedded = true` and the
//!   type's name as field name.
//! - Sizes and alignments are Go's on amd64 (`int` is 8 bytes, `string` 16, slices 24,
//!   interfaces 16); `layout.rs` computes them and the compiler lays out memory by them.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BasicKind {
    Invalid,
    Bool,
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    Float32,
    Float64,
    Complex64,
    Complex128,
    String,
    UnsafePointer,
    UntypedBool,
    UntypedInt,
    UntypedRune,
    UntypedFloat,
    UntypedString,
    UntypedNil,
    UntypedComplex,
}

impl BasicKind {
    pub fn is_untyped(self) -> bool {
        matches!(
            self,
            BasicKind::UntypedBool
                | BasicKind::UntypedInt
                | BasicKind::UntypedRune
                | BasicKind::UntypedFloat
                | BasicKind::UntypedString
                | BasicKind::UntypedNil
                | BasicKind::UntypedComplex
        )
    }
    pub fn is_integer(self) -> bool {
        use BasicKind::*;
        matches!(
            self,
            Int | Int8
                | Int16
                | Int32
                | Int64
                | Uint
                | Uint8
                | Uint16
                | Uint32
                | Uint64
                | Uintptr
                | UntypedInt
                | UntypedRune
        )
    }
    pub fn is_unsigned(self) -> bool {
        use BasicKind::*;
        matches!(self, Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr)
    }
    pub fn is_float(self) -> bool {
        matches!(
            self,
            BasicKind::Float32 | BasicKind::Float64 | BasicKind::UntypedFloat
        )
    }
    pub fn is_complex(self) -> bool {
        matches!(
            self,
            BasicKind::Complex64 | BasicKind::Complex128 | BasicKind::UntypedComplex
        )
    }
    pub fn is_numeric(self) -> bool {
        self.is_integer() || self.is_float() || self.is_complex()
    }
    /// Go's spelling: `int`, `untyped int`, `unsafe.Pointer`.
    pub fn name(self) -> &'static str {
        use BasicKind::*;
        match self {
            Invalid => "invalid type",
            Bool => "bool",
            Int => "int",
            Int8 => "int8",
            Int16 => "int16",
            Int32 => "int32",
            Int64 => "int64",
            Uint => "uint",
            Uint8 => "uint8",
            Uint16 => "uint16",
            Uint32 => "uint32",
            Uint64 => "uint64",
            Uintptr => "uintptr",
            Float32 => "float32",
            Float64 => "float64",
            Complex64 => "complex64",
            Complex128 => "complex128",
            String => "string",
            UnsafePointer => "unsafe.Pointer",
            UntypedBool => "untyped bool",
            UntypedInt => "untyped int",
            UntypedRune => "untyped rune",
            UntypedFloat => "untyped float",
            UntypedString => "untyped string",
            UntypedNil => "untyped nil",
            UntypedComplex => "untyped complex",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StructField {
    pub name: String,
    pub ty: TypeId,
    pub embedded: bool,
    /// Package path that declared the field, for unexported-name identity; "" if exported.
    pub pkg: String,
    pub tag: Option<String>,
}

/// The elements of a struct literal `T{...}` of a struct with `fields`, each with the index
/// of the field it sets: positional elements in order, `Name: value` elements by name (None
/// for a name the struct lacks, which the checker has already reported).
pub fn struct_lit_elems<'e>(
    fields: &[StructField],
    elts: &'e [gosub_syntax::ast::Expr],
) -> Vec<(Option<usize>, &'e gosub_syntax::ast::Expr)> {
    use gosub_syntax::ast::ExprKind;
    (elts.iter().enumerate())
        .map(|(i, el)| match &el.kind {
            ExprKind::KeyValue { key, value } => {
                let name = match &key.kind {
                    ExprKind::Ident(id) => id.name.as_str(),
                    _ => "",
                };
                (fields.iter().position(|f| f.name == name), &**value)
            }
            _ => (Some(i), el),
        })
        .collect()
}

/// Which of Go's two type notations `TypeTable` prints (see `type_string`,
/// `error_type_string`).
#[derive(Clone, Copy)]
struct TypeStyle {
    /// Qualify names declared in package main (`main.T`).
    qualify_main: bool,
    /// types2's compact form for compile errors rather than the runtime's.
    types2: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Signature {
    pub params: Vec<TypeId>,
    pub results: Vec<TypeId>,
    /// The last param is `[]T` and was declared `...T`.
    pub variadic: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IfaceMethod {
    pub name: String,
    /// Package path for unexported method names; "" if exported.
    pub pkg: String,
    /// A `Func` type (no receiver).
    pub sig: TypeId,
}

/// A channel type's direction is the syntax's (`chan`, `chan<-`, `<-chan`).
pub use gosub_syntax::ast::ChanDir;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TypeKind {
    Basic(BasicKind),
    Pointer(TypeId),
    Slice(TypeId),
    Array(TypeId, u64),
    Map(TypeId, TypeId),
    Chan(ChanDir, TypeId),
    Func(Signature),
    Struct(Vec<StructField>),
    /// Flat, sorted method set (see module invariants).
    Interface(Vec<IfaceMethod>),
    /// Results of a multi-value call, and parameter lists.
    Tuple(Vec<TypeId>),
    Named(NamedId),
    /// A type parameter of a generic function or type (index into `TypeTable::tparams`).
    /// Only generic declarations mention one; instantiated code never does (see
    /// `instantiate.rs`).
    TypeParam(u32),
    /// An interface that is not a basic interface: it has type terms (`~int | string`) or
    /// is (or embeds) `comparable`. It can only constrain a type parameter.
    Constraint(TypeSet),
}

/// The type set of a constraint interface: the types that have all of `methods`, are in
/// the union `terms` (every type if None) and, with `comparable`, are strictly comparable.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TypeSet {
    /// Flat, sorted by name, as `TypeKind::Interface`'s.
    pub methods: Vec<IfaceMethod>,
    pub terms: Option<Vec<Term>>,
    pub comparable: bool,
}

/// A term of a union: `T` (exactly T) or `~T` (every type whose underlying type is T).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Term {
    pub tilde: bool,
    pub ty: TypeId,
}

/// A declared type parameter.
#[derive(Clone, Debug)]
pub struct TypeParamInfo {
    pub name: String,
    /// The constraint: an interface (`Interface` or `Constraint` underlying).
    pub constraint: TypeId,
    /// The constraint's core type, or T_INVALID when it has none.
    pub core: TypeId,
    /// The TypeId of this type parameter itself.
    pub ty: TypeId,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NamedId(pub u32);

/// A declared type `type Name underlying`.
#[derive(Clone, Debug)]
pub struct NamedType {
    pub name: String,
    /// Import path of the declaring package ("main" for the user's program).
    pub pkg: String,
    /// Set once the declaration has been checked; `TypeId` of an unnamed type or a basic type.
    pub underlying: TypeId,
    /// Methods declared with this type (or `*T`) as receiver, in declaration order.
    pub methods: Vec<crate::ObjId>,
    /// The TypeId of this named type itself.
    pub ty: TypeId,
    /// For function-local types, a disambiguating index (gc prints `main.T·1`); 0 at package level.
    pub local_index: u32,
    /// The type arguments of an instantiated generic type (`List[int]`: `[int]`); for the
    /// generic type itself, its own type parameters. Empty for ordinary named types.
    pub targs: Vec<TypeId>,
}

/// The interner. Predeclared types occupy fixed ids (see the `T_*` constants).
///
/// Its tables are shared between an eval session's successive programs (and between the
/// sessions started from one standard library) rather than copied: frozen chunks and
/// layers (crates/layered) under what the current check adds; `freeze` at the end of a check.
#[derive(Clone, Debug)]
pub struct TypeTable {
    pub kinds: crate::Chunked<TypeKind>,
    pub named: crate::Chunked<NamedType>,
    pub tparams: crate::Chunked<TypeParamInfo>,
    intern: crate::Layered<TypeKind, TypeId>,
}

macro_rules! basic_ids {
    ($($name:ident = $n:expr => $kind:ident,)*) => {
        $(pub const $name: TypeId = TypeId($n);)*
        const BASICS: &[BasicKind] = &[$(BasicKind::$kind,)*];
    };
}

basic_ids! {
    T_INVALID = 0 => Invalid,
    T_BOOL = 1 => Bool,
    T_INT = 2 => Int,
    T_INT8 = 3 => Int8,
    T_INT16 = 4 => Int16,
    T_INT32 = 5 => Int32,
    T_INT64 = 6 => Int64,
    T_UINT = 7 => Uint,
    T_UINT8 = 8 => Uint8,
    T_UINT16 = 9 => Uint16,
    T_UINT32 = 10 => Uint32,
    T_UINT64 = 11 => Uint64,
    T_UINTPTR = 12 => Uintptr,
    T_FLOAT32 = 13 => Float32,
    T_FLOAT64 = 14 => Float64,
    T_COMPLEX64 = 15 => Complex64,
    T_COMPLEX128 = 16 => Complex128,
    T_STRING = 17 => String,
    T_UNSAFE_POINTER = 18 => UnsafePointer,
    T_UNTYPED_BOOL = 19 => UntypedBool,
    T_UNTYPED_INT = 20 => UntypedInt,
    T_UNTYPED_RUNE = 21 => UntypedRune,
    T_UNTYPED_FLOAT = 22 => UntypedFloat,
    T_UNTYPED_STRING = 23 => UntypedString,
    T_UNTYPED_NIL = 24 => UntypedNil,
    T_UNTYPED_COMPLEX = 25 => UntypedComplex,
}

/// `any` / `interface{}`: the empty interface, interned right after the basic types.
pub const T_ANY: TypeId = TypeId(26);
/// The empty tuple: the "type" of a call with no results.
pub const T_VOID: TypeId = TypeId(27);

impl Default for TypeTable {
    fn default() -> Self {
        Self::new()
    }
}

impl TypeTable {
    pub fn new() -> TypeTable {
        let mut t = TypeTable {
            kinds: Default::default(),
            named: Default::default(),
            tparams: Default::default(),
            intern: Default::default(),
        };
        for &b in BASICS {
            t.intern(TypeKind::Basic(b));
        }
        assert_eq!(t.intern(TypeKind::Interface(Vec::new())), T_ANY);
        assert_eq!(t.intern(TypeKind::Tuple(Vec::new())), T_VOID);
        t
    }

    /// A table without even the basic types: what a checker holds until it is given the
    /// one it checks with (the universe's, or a session's earlier one), or after it gave
    /// it away.
    pub(crate) fn empty() -> TypeTable {
        TypeTable {
            kinds: Default::default(),
            named: Default::default(),
            tparams: Default::default(),
            intern: Default::default(),
        }
    }

    /// Makes what this check added shared with the programs cloned from now on (see the
    /// type's header).
    pub fn freeze(&mut self) {
        self.kinds.freeze();
        self.named.freeze();
        self.tparams.freeze();
        self.intern.freeze();
    }

    /// Returns the id of an unnamed type, creating it on first use.
    pub fn intern(&mut self, kind: TypeKind) -> TypeId {
        if let Some(&id) = self.intern.get(&kind) {
            return id;
        }
        let id = TypeId(self.kinds.len() as u32);
        self.kinds.push(kind.clone());
        self.intern.insert(kind, id);
        id
    }

    /// Creates a new named type with a not-yet-known underlying type (T_INVALID).
    pub fn new_named(&mut self, name: &str, pkg: &str, local_index: u32) -> TypeId {
        let nid = NamedId(self.named.len() as u32);
        let id = TypeId(self.kinds.len() as u32);
        self.kinds.push(TypeKind::Named(nid));
        self.named.push(NamedType {
            name: name.to_string(),
            pkg: pkg.to_string(),
            underlying: T_INVALID,
            methods: Vec::new(),
            ty: id,
            local_index,
            targs: Vec::new(),
        });
        id
    }

    /// Creates a new type parameter with a not-yet-known constraint (set it with
    /// `set_constraint`).
    pub fn new_type_param(&mut self, name: &str) -> TypeId {
        let i = self.tparams.len() as u32;
        let id = TypeId(self.kinds.len() as u32);
        self.kinds.push(TypeKind::TypeParam(i));
        self.tparams.push(TypeParamInfo {
            name: name.to_string(),
            constraint: T_ANY,
            core: T_INVALID,
            ty: id,
        });
        id
    }

    pub fn tparam_of(&self, t: TypeId) -> Option<&TypeParamInfo> {
        match self.kind(t) {
            TypeKind::TypeParam(i) => Some(&self.tparams[*i as usize]),
            _ => None,
        }
    }

    /// Sets a type parameter's constraint and core type.
    pub fn set_constraint(&mut self, tp: TypeId, constraint: TypeId, core: TypeId) {
        if let TypeKind::TypeParam(i) = self.kind(tp) {
            let i = *i as usize;
            self.tparams[i].constraint = constraint;
            self.tparams[i].core = core;
        }
    }

    pub fn kind(&self, t: TypeId) -> &TypeKind {
        &self.kinds[t.0 as usize]
    }

    /// The underlying type: itself for unnamed types. For a type parameter, its core type
    /// when it has one (so that indexing, ranging, `len` and the other operations the spec
    /// defines through core types see it), else the type parameter itself.
    pub fn underlying(&self, t: TypeId) -> TypeId {
        match self.kind(t) {
            TypeKind::Named(n) => self.named[n.0 as usize].underlying,
            TypeKind::TypeParam(i) => match self.tparams[*i as usize].core {
                T_INVALID => t,
                core => core,
            },
            _ => t,
        }
    }

    /// The kind of the underlying type.
    pub fn under(&self, t: TypeId) -> &TypeKind {
        self.kind(self.underlying(t))
    }

    pub fn named_of(&self, t: TypeId) -> Option<&NamedType> {
        match self.kind(t) {
            TypeKind::Named(n) => Some(&self.named[n.0 as usize]),
            _ => None,
        }
    }

    pub fn basic(&self, t: TypeId) -> Option<BasicKind> {
        match self.under(t) {
            TypeKind::Basic(b) => Some(*b),
            _ => None,
        }
    }

    pub fn pointer(&mut self, elem: TypeId) -> TypeId {
        self.intern(TypeKind::Pointer(elem))
    }
    pub fn slice(&mut self, elem: TypeId) -> TypeId {
        self.intern(TypeKind::Slice(elem))
    }
    pub fn tuple(&mut self, elems: Vec<TypeId>) -> TypeId {
        self.intern(TypeKind::Tuple(elems))
    }

    pub fn is_interface(&self, t: TypeId) -> bool {
        matches!(self.under(t), TypeKind::Interface(_))
    }

    /// Whether the element `elem` of a channel type of direction `dir` is printed in
    /// parentheses: `chan (<-chan T)`, as gc's type printers write it (`chan <-chan T`
    /// would read as `chan<- chan T`). A named element needs none.
    pub fn chan_elem_parens(&self, dir: ChanDir, elem: TypeId) -> bool {
        dir == ChanDir::Both && matches!(self.kind(elem), TypeKind::Chan(ChanDir::Recv, _))
    }

    /// Go's spelling of a type as gc prints it and `%T` prints it at run time, e.g.
    /// `[]main.Point`, `map[string]int`, `func(int) (string, error)`, `struct { X int; Y int }`,
    /// `interface {}`. `qualify_main` chooses between `main.T` (`%T`, panics) and `T` (names
    /// of the package being compiled, unqualified). types2's compact notation for compile
    /// errors is `error_type_string`.
    pub fn type_string(&self, t: TypeId, qualify_main: bool) -> String {
        let mut s = String::new();
        let style = TypeStyle {
            qualify_main,
            types2: false,
        };
        self.write_type(&mut s, t, style, 0);
        s
    }

    /// gc's name for the GC shape of `t` (`go.shape.int`, `go.shape.*uint8` for every pointer,
    /// `go.shape.struct { X int }`): how gc's `-m` names the type arguments of the shaped
    /// instances it compiles generic code to.
    pub fn shape_string(&self, t: TypeId) -> String {
        let u = self.underlying(t);
        match self.kind(u) {
            TypeKind::Pointer(_) => "go.shape.*uint8".into(),
            _ => format!("go.shape.{}", self.type_string(u, true)),
        }
    }

    /// `t` with the type arguments of instantiated generic types written as their shapes
    /// (`Box[go.shape.int]`), as gc's `-m` prints types inside generic code.
    pub fn shaped_type_string(&self, t: TypeId) -> String {
        match self.kind(t) {
            TypeKind::Named(n) if !self.named[n.0 as usize].targs.is_empty() => {
                let nt = &self.named[n.0 as usize];
                let args: Vec<String> = nt.targs.iter().map(|&a| self.shape_string(a)).collect();
                format!("{}[{}]", nt.name, args.join(","))
            }
            TypeKind::Pointer(e) => format!("*{}", self.shaped_type_string(*e)),
            TypeKind::Slice(e) => format!("[]{}", self.shaped_type_string(*e)),
            _ => self.type_string(t, false),
        }
    }

    /// `t` as types2 prints it in compile errors: `struct{a int}`, `interface{M()}`, `any`;
    /// names of package main unqualified.
    pub fn error_type_string(&self, t: TypeId) -> String {
        let mut s = String::new();
        let style = TypeStyle {
            qualify_main: false,
            types2: true,
        };
        self.write_type(&mut s, t, style, 0);
        s
    }

    fn write_type(&self, s: &mut String, t: TypeId, st: TypeStyle, depth: u32) {
        if depth > 32 {
            s.push_str("...");
            return;
        }
        let d = depth + 1;
        match self.kind(t) {
            TypeKind::Basic(b) => s.push_str(b.name()),
            TypeKind::Named(n) => {
                let nt = &self.named[n.0 as usize];
                if !nt.pkg.is_empty() && (st.qualify_main || nt.pkg != "main") {
                    let short = gosub_syntax::import_name(&nt.pkg);
                    s.push_str(short);
                    s.push('.');
                }
                s.push_str(&nt.name);
                if !nt.targs.is_empty() {
                    // types2: `List[int, string]`; the runtime: `main.List[int,string]`.
                    s.push('[');
                    for (i, a) in nt.targs.iter().enumerate() {
                        if i > 0 {
                            s.push_str(if st.types2 { ", " } else { "," });
                        }
                        self.write_type(s, *a, st, d);
                    }
                    s.push(']');
                }
            }
            TypeKind::TypeParam(i) => s.push_str(&self.tparams[*i as usize].name),
            TypeKind::Constraint(ts) => self.write_type_set(s, ts, st, d),
            TypeKind::Pointer(e) => {
                s.push('*');
                self.write_type(s, *e, st, d);
            }
            TypeKind::Slice(e) => {
                s.push_str("[]");
                self.write_type(s, *e, st, d);
            }
            TypeKind::Array(e, n) => {
                s.push_str(&format!("[{}]", n));
                self.write_type(s, *e, st, d);
            }
            TypeKind::Map(k, v) => {
                s.push_str("map[");
                self.write_type(s, *k, st, d);
                s.push(']');
                self.write_type(s, *v, st, d);
            }
            TypeKind::Chan(dir, e) => {
                let paren = self.chan_elem_parens(*dir, *e);
                s.push_str(gosub_syntax::gosrc::chan_dir(*dir));
                s.push_str(if paren { " (" } else { " " });
                self.write_type(s, *e, st, d);
                if paren {
                    s.push(')');
                }
            }
            TypeKind::Func(sig) => {
                s.push_str("func");
                self.write_sig(s, sig, st, d);
            }
            TypeKind::Struct(fields) => {
                // gc: `struct { a int; b string }`; types2: `struct{a int; b string}`.
                s.push_str(if st.types2 { "struct{" } else { "struct {" });
                for (i, f) in fields.iter().enumerate() {
                    s.push_str(match (i, st.types2) {
                        (0, true) => "",
                        (0, false) => " ",
                        _ => "; ",
                    });
                    if !f.embedded {
                        s.push_str(&f.name);
                        s.push(' ');
                    }
                    self.write_type(s, f.ty, st, d);
                    if let Some(tag) = &f.tag {
                        s.push(' ');
                        s.push_str(&gosub_syntax::quote::quote(tag.as_bytes()));
                    }
                }
                if !fields.is_empty() && !st.types2 {
                    s.push(' ');
                }
                s.push('}');
            }
            TypeKind::Interface(ms) => {
                if st.types2 && t == crate::T_ANY {
                    s.push_str("any");
                    return;
                }
                if ms.is_empty() && !st.types2 {
                    s.push_str("interface {}");
                    return;
                }
                s.push_str(if st.types2 {
                    "interface{"
                } else {
                    "interface {"
                });
                for (i, m) in ms.iter().enumerate() {
                    s.push_str(match (i, st.types2) {
                        (0, true) => "",
                        (0, false) => " ",
                        _ => "; ",
                    });
                    s.push_str(&m.name);
                    if let TypeKind::Func(sig) = self.kind(m.sig) {
                        self.write_sig(s, sig, st, d);
                    }
                }
                s.push_str(if st.types2 { "}" } else { " }" });
            }
            TypeKind::Tuple(ts) => {
                s.push('(');
                for (i, t) in ts.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    self.write_type(s, *t, st, d);
                }
                s.push(')');
            }
        }
    }

    /// A constraint interface as types2 prints it: `interface{comparable; M(); ~int | string}`.
    fn write_type_set(&self, s: &mut String, ts: &TypeSet, st: TypeStyle, d: u32) {
        let mut parts: Vec<String> = Vec::new();
        if ts.comparable {
            parts.push("comparable".into());
        }
        for m in &ts.methods {
            let mut p = m.name.clone();
            if let TypeKind::Func(sig) = self.kind(m.sig) {
                self.write_sig(&mut p, sig, st, d);
            }
            parts.push(p);
        }
        if let Some(terms) = &ts.terms {
            let mut p = String::new();
            for (i, t) in terms.iter().enumerate() {
                if i > 0 {
                    p.push_str(" | ");
                }
                if t.tilde {
                    p.push('~');
                }
                self.write_type(&mut p, t.ty, st, d);
            }
            if terms.is_empty() {
                p.push('∅');
            }
            parts.push(p);
        }
        // A constraint made of one union only prints as the union.
        if parts.len() == 1 && ts.terms.is_some() {
            s.push_str(&parts[0]);
            return;
        }
        s.push_str(if st.types2 {
            "interface{"
        } else {
            "interface { "
        });
        s.push_str(&parts.join("; "));
        s.push_str(if st.types2 { "}" } else { " }" });
    }

    fn write_sig(&self, s: &mut String, sig: &Signature, st: TypeStyle, d: u32) {
        s.push('(');
        for (i, p) in sig.params.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            if sig.variadic && i + 1 == sig.params.len() {
                s.push_str("...");
                match self.kind(*p) {
                    TypeKind::Slice(e) => self.write_type(s, *e, st, d),
                    _ => self.write_type(s, *p, st, d),
                }
            } else {
                self.write_type(s, *p, st, d);
            }
        }
        s.push(')');
        match sig.results.len() {
            0 => {}
            1 => {
                s.push(' ');
                self.write_type(s, sig.results[0], st, d);
            }
            _ => {
                s.push_str(" (");
                for (i, r) in sig.results.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    self.write_type(s, *r, st, d);
                }
                s.push(')');
            }
        }
    }
}
