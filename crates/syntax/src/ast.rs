//! The abstract syntax tree of one Go source file.
//!
//! Invariants:
//! - Every node carries a byte `Span` into the file it came from (`lo..hi`, `lo` is where gc
//!   reports the node: the first byte of an identifier, the operator of a binary expression,
//!   the `{` of a composite literal, the keyword of a statement).
//! - Every `Expr` and every `Ident` carries a `NodeId` unique within one `File`
//!   (allocated by the parser in source order from `File::first_id` upwards); later stages keep
//!   their facts about nodes in side tables indexed by it (as go/types' `Info` does), so the
//!   tree itself is never mutated after parsing, with one exception: after checking, the
//!   checker's range-over-func lowering (gosub-types' `rangefunc.rs`) replaces each such
//!   loop by the code gc rewrites it into, whose new nodes take ids counting down from
//!   `u32::MAX`.
//! - Types are expressions (as in go/ast): `[]int`, `map[K]V`, `*T`, `func(int) string` all
//!   parse as `Expr`, because Go cannot tell `T(x)` (conversion) from `f(x)` (call), or `*p`
//!   (dereference) from `*T` (pointer type), without knowing what the names denote.

/// A half-open byte range `lo..hi` in the source file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    pub lo: u32,
    pub hi: u32,
}

impl Span {
    pub fn new(lo: u32, hi: u32) -> Span {
        Span { lo, hi }
    }
    pub fn to(self, other: Span) -> Span {
        Span {
            lo: self.lo.min(other.lo),
            hi: self.hi.max(other.hi),
        }
    }
}

/// Identifies an `Expr` or `Ident` node within a file set; see the module invariants.
pub type NodeId = u32;

#[derive(Clone, Debug)]
pub struct Ident {
    pub name: String,
    pub span: Span,
    pub id: NodeId,
}

/// One parsed source file.
#[derive(Clone, Debug)]
pub struct File {
    pub package: Ident,
    /// File-level imports (in source order), plus imports the parser found inside function
    /// bodies when running leniently (see `misplaced_imports`).
    pub imports: Vec<ImportSpec>,
    pub decls: Vec<Decl>,
    /// Spans of `import` declarations that stood inside a function body. The lenient parser
    /// moves them to `imports` and records them here so the driver can warn about each.
    pub misplaced_imports: Vec<Span>,
    /// The `NodeId`s of this file are `first_id..next_id`.
    pub first_id: NodeId,
    pub next_id: NodeId,
    /// Declarations were left out of this file (a standard-library file of a one-shot
    /// compilation keeps only what the program reaches, `gosub::reachable`): an import
    /// that only the left-out code used is not an error.
    pub pruned: bool,
}

#[derive(Clone, Debug)]
pub struct ImportSpec {
    /// `import name "path"`; `_` and `.` are names too.
    pub name: Option<Ident>,
    /// The decoded import path.
    pub path: String,
    pub span: Span,
}

#[derive(Clone, Debug)]
#[allow(clippy::large_enum_variant)]
pub enum Decl {
    Var(GenDecl<ValueSpec>),
    Const(GenDecl<ValueSpec>),
    Type(GenDecl<TypeSpec>),
    Func(FuncDecl),
}

/// `var (...)`, `const (...)`, `type (...)`: the keyword's span and the specs.
#[derive(Clone, Debug)]
pub struct GenDecl<T> {
    pub span: Span,
    pub specs: Vec<T>,
}

#[derive(Clone, Debug)]
pub struct ValueSpec {
    pub names: Vec<Ident>,
    pub ty: Option<Expr>,
    pub values: Vec<Expr>,
    /// For constants: the index of this spec in its `const (...)` group (the value of `iota`).
    pub iota: u32,
    /// For constants: true when `ty` and `values` were omitted and must be copied from the
    /// previous spec in the group (Go's implicit repetition). The parser leaves `values` empty.
    pub implicit: bool,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct TypeSpec {
    pub name: Ident,
    /// `type T[P any, Q ~int | string] ...`: the type parameters (names and constraint), as
    /// go/ast's `TypeSpec.TypeParams`; empty for a non-generic type.
    pub type_params: Vec<Field>,
    /// `type A = B` is an alias.
    pub alias: bool,
    pub ty: Expr,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct FuncDecl {
    pub recv: Option<Field>,
    pub name: Ident,
    pub sig: FuncType,
    /// None for a declaration without body (implemented natively by gosub's standard library).
    pub body: Option<Block>,
    /// Span of the `func` keyword.
    pub span: Span,
}

/// A parameter, result, struct field or method group: `a, b int`, or just a type.
#[derive(Clone, Debug)]
pub struct Field {
    pub names: Vec<Ident>,
    pub ty: Expr,
    /// Struct fields only: an embedded field (`T` or `*T`), whose name is the type's name.
    pub embedded: bool,
    /// Struct fields only: the tag string, decoded.
    pub tag: Option<String>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct FuncType {
    /// `func F[T any, U comparable](...)`: the type parameters of a function declaration
    /// (names and constraint), as go/ast's `FuncType.TypeParams`; empty otherwise.
    pub type_params: Vec<Field>,
    pub params: Vec<Field>,
    pub results: Vec<Field>,
    /// True when the last parameter is `...T` (its `ty` is then an `Ellipsis` expression).
    pub variadic: bool,
    pub span: Span,
    /// Where the parameter list's `(` is: gc's position of a function type it parsed as an
    /// expression (a type argument's, say), where `span` starts at `func`.
    pub lparen: u32,
}

#[derive(Clone, Debug)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    /// `{` to `}` inclusive; `hi - 1` is the closing brace (gc reports "missing return" there).
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    And,
    Or,
    Xor,
    Shl,
    Shr,
    AndNot,
    LAnd,
    LOr,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl BinOp {
    /// Go's precedence of the binary operator: 5 (`*` `/` `%` `<<` `>>` `&` `&^`), 4 (`+`
    /// `-` `|` `^`), 3 (comparisons), 2 (`&&`), 1 (`||`); all associate to the left.
    pub fn precedence(self) -> u8 {
        match self {
            BinOp::Mul
            | BinOp::Div
            | BinOp::Rem
            | BinOp::Shl
            | BinOp::Shr
            | BinOp::And
            | BinOp::AndNot => 5,
            BinOp::Add | BinOp::Sub | BinOp::Or | BinOp::Xor => 4,
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => 3,
            BinOp::LAnd => 2,
            BinOp::LOr => 1,
        }
    }

    /// The operator as written in Go source (`+`, `&^`, `==`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::Rem => "%",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
            BinOp::Shl => "<<",
            BinOp::Shr => ">>",
            BinOp::AndNot => "&^",
            BinOp::LAnd => "&&",
            BinOp::LOr => "||",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnOp {
    /// `-x`
    Neg,
    /// `+x`
    Pos,
    /// `!x`
    Not,
    /// `^x`
    Xor,
    /// `&x`
    Addr,
    /// `<-x`
    Recv,
}

impl UnOp {
    /// The operator as written in Go source (`-`, `!`, `<-`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            UnOp::Neg => "-",
            UnOp::Pos => "+",
            UnOp::Not => "!",
            UnOp::Xor => "^",
            UnOp::Addr => "&",
            UnOp::Recv => "<-",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChanDir {
    Both,
    Send,
    Recv,
}

impl Expr {
    /// A call's parts: the called expression, the arguments, and whether the last argument
    /// is spread (`f(xs...)`); None for any other expression.
    pub fn as_call(&self) -> Option<(&Expr, &[Expr], bool)> {
        match &self.kind {
            ExprKind::Call {
                fun,
                args,
                ellipsis,
                ..
            } => Some((fun, args, *ellipsis)),
            _ => None,
        }
    }
}

/// `e` with any enclosing parentheses removed: `((x))` is `x`.
pub fn unparen(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Paren(x) => unparen(x),
        _ => e,
    }
}

/// The base type name of a method receiver's type and whether it is a pointer: `T`, `*T`,
/// `(T)`, `T[K]` and `*List[T]` give `T` (or `List`); anything else (invalid) gives None.
pub fn recv_base(e: &Expr) -> Option<(&Ident, bool)> {
    match &e.kind {
        ExprKind::Ident(id) => Some((id, false)),
        ExprKind::Paren(x) => recv_base(x),
        ExprKind::Star(x) => recv_base(x).map(|(i, _)| (i, true)),
        ExprKind::Index { x, .. } | ExprKind::IndexList { x, .. } => recv_base(x),
        _ => None,
    }
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub id: NodeId,
    pub span: Span,
    pub kind: ExprKind,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    Ident(Ident),
    /// Integer literal, raw text as written (`0x1F`, `1_000`, `0o17`, `017`).
    IntLit(String),
    /// Floating-point literal, raw text as written (`1.5e3`, `0x1p-2`, `.5`).
    FloatLit(String),
    /// Imaginary literal, raw text as written, without the trailing `i`.
    ImagLit(String),
    /// Rune literal, decoded to its code point.
    RuneLit(u32),
    /// String literal (interpreted or raw), decoded to bytes (may be invalid UTF-8 via `\x`).
    StringLit(Vec<u8>),
    /// `T{...}`; `ty` is None for elided types inside another composite literal.
    /// `span.lo` is the `{`.
    CompositeLit {
        ty: Option<Box<Expr>>,
        elts: Vec<Expr>,
        rbrace: u32,
    },
    /// `key: value` inside a composite literal.
    KeyValue {
        key: Box<Expr>,
        value: Box<Expr>,
    },
    FuncLit {
        sig: Box<FuncType>,
        body: Block,
    },
    Paren(Box<Expr>),
    /// `x.sel`; span.lo is the start of `x`, as gc reports selectors.
    Selector {
        x: Box<Expr>,
        sel: Ident,
    },
    /// `x[i]`: an index expression, or the instantiation of a generic function or type with
    /// one type argument (`F[int]`, `List[T]`); the parser cannot tell them apart.
    Index {
        x: Box<Expr>,
        index: Box<Expr>,
    },
    /// `F[int, string]`, `Pair[K, V]`: an instantiation with several type arguments (go/ast's
    /// `IndexListExpr`); span.hi is past the `]`.
    IndexList {
        x: Box<Expr>,
        indices: Vec<Expr>,
    },
    /// `x[lo:hi]` or `x[lo:hi:max]` (`three` set for the latter).
    SliceExpr {
        x: Box<Expr>,
        lo: Option<Box<Expr>>,
        hi: Option<Box<Expr>>,
        max: Option<Box<Expr>>,
        three: bool,
    },
    /// `x.(T)`; `ty` is None for `x.(type)` in a type switch.
    TypeAssert {
        x: Box<Expr>,
        ty: Option<Box<Expr>>,
    },
    /// `f(args)` or `f(args...)`; span.lo is the start of `f`, `lparen` the `(`.
    Call {
        fun: Box<Expr>,
        args: Vec<Expr>,
        ellipsis: bool,
        lparen: u32,
        rparen: u32,
    },
    /// `*x`: a dereference or a pointer type.
    Star(Box<Expr>),
    Unary {
        op: UnOp,
        x: Box<Expr>,
    },
    /// span.lo of a binary expression is its operator, as gc reports.
    Binary {
        op: BinOp,
        x: Box<Expr>,
        y: Box<Expr>,
    },

    // Type expressions.
    /// `[N]T`, `[...]T` (len = Some(Ellipsis)), or `[]T` (len = None).
    ArrayType {
        len: Option<Box<Expr>>,
        elem: Box<Expr>,
    },
    MapType {
        key: Box<Expr>,
        value: Box<Expr>,
    },
    ChanType {
        dir: ChanDir,
        elem: Box<Expr>,
    },
    FuncType(Box<FuncType>),
    StructType {
        fields: Vec<Field>,
    },
    /// Methods have a `FuncType` as `ty` and one name; embedded elements (interfaces, and the
    /// type terms and unions of constraints: `~int | string`) have no names.
    InterfaceType {
        methods: Vec<Field>,
    },
    /// `~T`: a constraint term of an interface or type parameter list (the underlying type
    /// is `T`). A union `A | ~B` is a `Binary` `|` over its terms, as gc parses it.
    Tilde(Box<Expr>),
    /// `...T` in a parameter list, or `...` alone in `[...]T` (elem None).
    Ellipsis(Option<Box<Expr>>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AssignOp {
    /// `=`
    Assign,
    /// `:=`
    Define,
    /// `op=`
    Op(BinOp),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BranchKind {
    Break,
    Continue,
    Goto,
    Fallthrough,
}

#[derive(Clone, Debug)]
pub struct Stmt {
    pub span: Span,
    pub kind: StmtKind,
}

impl Stmt {
    /// The identifiers a short variable declaration (`a, b := ...`) declares, in order;
    /// nothing for any other statement. (Go 1.22 makes those of a `for` loop's init
    /// statement per-iteration variables.)
    pub fn short_var_idents(&self) -> impl Iterator<Item = &Ident> {
        let lhs: &[Expr] = match &self.kind {
            StmtKind::Assign {
                lhs,
                op: AssignOp::Define,
                ..
            } => lhs,
            _ => &[],
        };
        lhs.iter().filter_map(|x| match &x.kind {
            ExprKind::Ident(id) => Some(id),
            _ => None,
        })
    }
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    Empty,
    /// `var`, `const` or `type` inside a function.
    Decl(Box<Decl>),
    Labeled {
        label: Ident,
        stmt: Box<Stmt>,
    },
    Expr(Expr),
    Send {
        ch: Box<Expr>,
        value: Box<Expr>,
    },
    IncDec {
        x: Expr,
        inc: bool,
    },
    /// span.lo of an assignment is its operator (`=`, `:=`, `+=`), as gc reports.
    Assign {
        lhs: Vec<Expr>,
        op: AssignOp,
        rhs: Vec<Expr>,
    },
    Go(Expr),
    Defer(Expr),
    Return(Vec<Expr>),
    Branch {
        kind: BranchKind,
        label: Option<Ident>,
    },
    Block(Block),
    If {
        init: Option<Box<Stmt>>,
        cond: Expr,
        then: Block,
        els: Option<Box<Stmt>>,
    },
    Switch {
        init: Option<Box<Stmt>>,
        tag: Option<Expr>,
        clauses: Vec<CaseClause>,
        rbrace: u32,
    },
    /// `switch [init;] [bind :=] x.(type) { ... }`
    TypeSwitch {
        init: Option<Box<Stmt>>,
        bind: Option<Ident>,
        x: Box<Expr>,
        clauses: Vec<CaseClause>,
        rbrace: u32,
    },
    Select {
        clauses: Vec<CommClause>,
    },
    For {
        init: Option<Box<Stmt>>,
        cond: Option<Expr>,
        post: Option<Box<Stmt>>,
        body: Block,
    },
    /// `for [key [, value] (:= | =)] range x { ... }`
    Range {
        key: Option<Box<Expr>>,
        value: Option<Box<Expr>>,
        define: bool,
        x: Box<Expr>,
        body: Block,
    },
}

/// `case a, b:` (or `default:` when `exprs` is None) and its statements.
#[derive(Clone, Debug)]
pub struct CaseClause {
    pub exprs: Option<Vec<Expr>>,
    pub body: Vec<Stmt>,
    /// Span of the `case`/`default` keyword through the `:`.
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct CommClause {
    /// A send or receive statement; None for `default`.
    pub comm: Option<Box<Stmt>>,
    pub body: Vec<Stmt>,
    pub span: Span,
}
