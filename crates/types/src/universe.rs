//! The universe scope: predeclared types, constants, nil, builtins; package unsafe.

use crate::check::Checker;
use crate::*;

const BUILTINS: &[(&str, Builtin)] = &[
    ("append", Builtin::Append),
    ("cap", Builtin::Cap),
    ("clear", Builtin::Clear),
    ("close", Builtin::Close),
    ("complex", Builtin::Complex),
    ("copy", Builtin::Copy),
    ("delete", Builtin::Delete),
    ("imag", Builtin::Imag),
    ("len", Builtin::Len),
    ("make", Builtin::Make),
    ("max", Builtin::Max),
    ("min", Builtin::Min),
    ("new", Builtin::New),
    ("panic", Builtin::Panic),
    ("print", Builtin::Print),
    ("println", Builtin::Println),
    ("real", Builtin::Real),
    ("recover", Builtin::Recover),
];

const UNSAFE_FUNCS: &[(&str, Builtin)] = &[
    ("Sizeof", Builtin::Sizeof),
    ("Alignof", Builtin::Alignof),
    ("Offsetof", Builtin::Offsetof),
    ("Add", Builtin::Add),
    ("Slice", Builtin::Slice),
    ("String", Builtin::String),
    ("StringData", Builtin::StringData),
    ("SliceData", Builtin::SliceData),
];

pub(crate) fn builtin_name(b: Builtin) -> &'static str {
    BUILTINS
        .iter()
        .chain(UNSAFE_FUNCS.iter())
        .find(|(_, x)| *x == b)
        .map(|(n, _)| *n)
        .unwrap_or("?")
}

impl<'a> Checker<'a> {
    fn def_universe(&mut self, name: &str, kind: ObjKind, ty: TypeId) -> ObjId {
        let o = self.new_obj(name, kind, ty, Span::default(), usize::MAX);
        std::sync::Arc::make_mut(&mut self.universe).insert(name.to_string(), o);
        o
    }

    pub(crate) fn init_universe(&mut self) {
        let types: &[(&str, TypeId)] = &[
            ("bool", T_BOOL),
            ("int", T_INT),
            ("int8", T_INT8),
            ("int16", T_INT16),
            ("int32", T_INT32),
            ("int64", T_INT64),
            ("uint", T_UINT),
            ("uint8", T_UINT8),
            ("uint16", T_UINT16),
            ("uint32", T_UINT32),
            ("uint64", T_UINT64),
            ("uintptr", T_UINTPTR),
            ("float32", T_FLOAT32),
            ("float64", T_FLOAT64),
            ("complex64", T_COMPLEX64),
            ("complex128", T_COMPLEX128),
            ("string", T_STRING),
            ("byte", T_UINT8),
            ("rune", T_INT32),
            ("any", T_ANY),
        ];
        for (n, t) in types {
            self.def_universe(n, ObjKind::TypeName, *t);
        }
        // error: interface { Error() string }
        let err = self.tt.new_named("error", "", 0);
        let sig = self.tt.intern(TypeKind::Func(Signature {
            params: vec![],
            results: vec![T_STRING],
            variadic: false,
        }));
        let iface = self.tt.intern(TypeKind::Interface(vec![IfaceMethod {
            name: "Error".into(),
            pkg: String::new(),
            sig,
        }]));
        if let TypeKind::Named(n) = self.tt.kind(err).clone() {
            self.tt.named[n.0 as usize].underlying = iface;
        }
        self.error_type = err;
        self.def_universe("error", ObjKind::TypeName, err);
        // comparable: the constraint satisfied by the (strictly) comparable types.
        let cmp = self.tt.new_named("comparable", "", 0);
        let set = self.tt.intern(TypeKind::Constraint(TypeSet {
            methods: Vec::new(),
            terms: None,
            comparable: true,
        }));
        if let TypeKind::Named(n) = self.tt.kind(cmp).clone() {
            self.tt.named[n.0 as usize].underlying = set;
        }
        self.def_universe("comparable", ObjKind::TypeName, cmp);
        self.def_universe(
            "true",
            ObjKind::Const(ConstValue::Bool(true)),
            T_UNTYPED_BOOL,
        );
        self.def_universe(
            "false",
            ObjKind::Const(ConstValue::Bool(false)),
            T_UNTYPED_BOOL,
        );
        self.iota_obj =
            self.def_universe("iota", ObjKind::Const(ConstValue::Int(0)), T_UNTYPED_INT);
        self.nil_obj = self.def_universe("nil", ObjKind::Nil, T_UNTYPED_NIL);
        for (n, b) in BUILTINS {
            self.def_universe(n, ObjKind::Builtin(*b), T_INVALID);
        }
    }

    /// The scope of package unsafe (created on first import).
    pub(crate) fn unsafe_scope(&mut self) -> HashMap<String, ObjId> {
        let mut m = HashMap::new();
        let o = self.new_obj(
            "Pointer",
            ObjKind::TypeName,
            T_UNSAFE_POINTER,
            Span::default(),
            usize::MAX,
        );
        m.insert("Pointer".to_string(), o);
        for (n, b) in UNSAFE_FUNCS {
            let o = self.new_obj(
                n,
                ObjKind::Builtin(*b),
                T_INVALID,
                Span::default(),
                usize::MAX,
            );
            m.insert(n.to_string(), o);
        }
        m
    }
}
