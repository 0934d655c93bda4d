//! A generator of valid, terminating Go programs (issue 18), in the spirit of GoSmith and
//! Csmith: typed expressions over integers of every width, float64, strings, bools,
//! slices, maps, structs and pointers; statements, loops, switches, closures (loop
//! variables captured per iteration), methods and an interface, generic functions,
//! goroutines with channels, WaitGroup and Mutex, defer and recover. Whatever it prints
//! must be what Go 1.26.6 prints: tests/differential.rs runs both and compares.
//!
//! Rules that keep a program valid and its output deterministic (each is where gc would
//! otherwise reject the program or Go would leave the result unspecified):
//! - Every variable is used (`_ = v` after its declaration); labels are always used.
//! - Constant expressions never overflow or divide by zero: an operator with two
//!   constant operands is not generated (the left one stands alone), unary operators,
//!   shifts and conversions apply to non-constant operands only, divisors are `(d | 1)`
//!   or non-zero float literals; map literal keys and case values are distinct.
//! - Loops have small constant bounds, helper functions call only earlier ones, the one
//!   recursive function is bounded; goroutines only send, and results are combined in an
//!   order-independent way (sums) or by index.
//! - Nothing prints a pointer, a map's iteration order or a float converted to an
//!   integer (implementation-defined when out of range).
//! - Package-level variables are initialized by pure expressions (no calls but the bounded
//!   recursive helper, no indexing or division): a panic while initializing would end
//!   the whole batch, before any `main` could recover it.
//!
//! A *batch* is one Go file holding many programs (each program's names prefixed, its
//! `main` called in turn with a `=== program N` line before it and its panic recovered),
//! so that Go builds hundreds of programs at once.

mod stmt;

use crate::common::Lcg;

/// Integer kinds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum IK {
    Int,
    I8,
    I16,
    I32,
    I64,
    U8,
    U16,
    U32,
    U64,
    Uint,
}

const IKS: [IK; 10] = [
    IK::Int,
    IK::I8,
    IK::I16,
    IK::I32,
    IK::I64,
    IK::U8,
    IK::U16,
    IK::U32,
    IK::U64,
    IK::Uint,
];

impl IK {
    fn name(self) -> &'static str {
        match self {
            IK::Int => "int",
            IK::I8 => "int8",
            IK::I16 => "int16",
            IK::I32 => "int32",
            IK::I64 => "int64",
            IK::U8 => "uint8",
            IK::U16 => "uint16",
            IK::U32 => "uint32",
            IK::U64 => "uint64",
            IK::Uint => "uint",
        }
    }
    fn bits(self) -> u32 {
        match self {
            IK::I8 | IK::U8 => 8,
            IK::I16 | IK::U16 => 16,
            IK::I32 | IK::U32 => 32,
            _ => 64,
        }
    }
    fn signed(self) -> bool {
        matches!(self, IK::Int | IK::I8 | IK::I16 | IK::I32 | IK::I64)
    }
}

#[derive(Clone, PartialEq, Debug)]
pub enum Ty {
    I(IK),
    F64,
    Bool,
    Str,
    Slice(Box<Ty>),
    Map(Box<Ty>, Box<Ty>),
    /// A struct of the program (index into `Gen::structs`).
    S(usize),
    /// A pointer to one.
    P(usize),
}

impl Ty {
    fn int() -> Ty {
        Ty::I(IK::Int)
    }
    /// Can `fmt` print it the same way every run (no pointer inside)?
    fn printable(&self) -> bool {
        !matches!(self, Ty::P(_))
    }
    fn comparable(&self, g: &Gen) -> bool {
        match self {
            Ty::Slice(_) | Ty::Map(..) => false,
            Ty::S(i) => g.structs[*i].iter().all(|f| f.1.comparable(g)),
            _ => true,
        }
    }
}

#[derive(Clone)]
pub struct Var {
    pub name: String,
    pub ty: Ty,
    /// Not to be assigned (a classic loop's counter: the loop must end).
    pub ro: bool,
}

/// A helper function: name, parameter types, result type.
#[derive(Clone)]
pub struct Func {
    pub name: String,
    pub params: Vec<Ty>,
    pub result: Ty,
}

/// An expression's text and whether it is a Go constant.
pub struct E {
    pub s: String,
    pub konst: bool,
}

fn e(s: String) -> E {
    E { s, konst: false }
}

fn k(s: String) -> E {
    E { s, konst: true }
}

pub struct Gen {
    rng: Lcg,
    /// Prefix of the program's top-level names.
    p: String,
    out: String,
    ind: usize,
    scopes: Vec<Vec<Var>>,
    /// Fields of each struct type: (name, type).
    structs: Vec<Vec<(String, Ty)>>,
    funcs: Vec<Func>,
    /// Statements left to generate in the current function.
    budget: usize,
    /// Nesting depth of blocks.
    depth: usize,
    tmp: usize,
    /// Inside a goroutine: no calls (they may print), no indexing or division (a panic
    /// there would end the whole batch).
    pure: bool,
    /// Helper calls the current function may still make (bounds the work).
    calls_left: usize,
}

const STRINGS: &[&str] = &[
    "\"\"",
    "\"a\"",
    "\"go\"",
    "\"héllo\"",
    "\"日本語\"",
    "\"x\\ty\"",
    "\"q\\\"u\"",
    "\"abc def\"",
    "\"\\x00z\"",
    "\"Z\"",
];

const FLOATS: &[&str] = &[
    "0.5", "1.25", "-3.75", "1e10", "2.5e-3", "100.0", "-0.125", "3.0", "1e-7", "7.5",
];

impl Gen {
    pub fn new(seed: u64, prefix: &str) -> Gen {
        Gen {
            rng: Lcg(seed.wrapping_mul(0x9e3779b97f4a7c15) ^ 0x5eed),
            p: prefix.to_string(),
            out: String::new(),
            ind: 0,
            scopes: Vec::new(),
            structs: Vec::new(),
            funcs: Vec::new(),
            budget: 0,
            depth: 0,
            tmp: 0,
            pure: false,
            calls_left: 0,
        }
    }

    fn below(&mut self, n: usize) -> usize {
        self.rng.below(n)
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn fresh(&mut self, base: &str) -> String {
        self.tmp += 1;
        format!("{base}{}", self.tmp)
    }

    pub fn tyname(&self, t: &Ty) -> String {
        match t {
            Ty::I(k) => k.name().to_string(),
            Ty::F64 => "float64".into(),
            Ty::Bool => "bool".into(),
            Ty::Str => "string".into(),
            Ty::Slice(e) => format!("[]{}", self.tyname(e)),
            Ty::Map(k, v) => format!("map[{}]{}", self.tyname(k), self.tyname(v)),
            Ty::S(i) => format!("{}S{i}", self.p),
            Ty::P(i) => format!("*{}S{i}", self.p),
        }
    }

    /// A random type for a new variable.
    fn any_type(&mut self) -> Ty {
        match self.below(14) {
            0..=3 => Ty::int(),
            4 | 5 => Ty::I(IKS[self.below(IKS.len())]),
            6 => Ty::F64,
            7 | 8 => Ty::Str,
            9 => Ty::Bool,
            10 => Ty::Slice(Box::new(self.elem_type())),
            11 => self.map_type(),
            12 if !self.structs.is_empty() => Ty::S(self.below(self.structs.len())),
            13 if !self.structs.is_empty() => Ty::P(self.below(self.structs.len())),
            _ => Ty::int(),
        }
    }

    fn elem_type(&mut self) -> Ty {
        match self.below(6) {
            0 | 1 => Ty::int(),
            2 => Ty::I(IK::U8),
            3 => Ty::Str,
            4 => Ty::F64,
            _ if !self.structs.is_empty() => Ty::S(self.below(self.structs.len())),
            _ => Ty::int(),
        }
    }

    fn map_type(&mut self) -> Ty {
        let key = if self.chance(50) { Ty::Str } else { Ty::int() };
        let val = match self.below(4) {
            0 | 1 => Ty::int(),
            2 => Ty::Str,
            _ => Ty::Slice(Box::new(Ty::int())),
        };
        Ty::Map(Box::new(key), Box::new(val))
    }

    fn vars_of(&self, t: &Ty) -> Vec<String> {
        self.scopes
            .iter()
            .flatten()
            .filter(|v| &v.ty == t)
            .map(|v| v.name.clone())
            .collect()
    }

    fn pick_var(&mut self, t: &Ty) -> Option<String> {
        let vs = self.vars_of(t);
        (!vs.is_empty()).then(|| vs[self.below(vs.len())].clone())
    }

    fn all_vars(&self) -> Vec<Var> {
        self.scopes.iter().flatten().cloned().collect()
    }

    /// A literal of integer kind `k`.
    fn int_lit(&mut self, k: IK) -> E {
        let bits = k.bits();
        let v: i128 = match self.below(9) {
            0 => 0,
            1 => 1,
            2 => 2,
            3 => 7,
            4 if k.signed() => -1,
            5 if k.signed() => -(1i128 << (bits - 1)),
            5 => 0,
            6 if k.signed() => (1i128 << (bits - 1)) - 1,
            6 => (1i128 << bits) - 1,
            _ => (self.rng.next() % 100) as i128,
        };
        if k == IK::Int && self.chance(50) {
            k_(v.to_string())
        } else {
            k_(format!("{}({v})", k.name()))
        }
    }

    /// An expression of type `t`.
    pub fn expr(&mut self, t: &Ty, depth: usize) -> E {
        let leaf = depth == 0 || self.chance(30);
        if leaf {
            if self.chance(60) {
                if let Some(v) = self.pick_var(t) {
                    return e(v);
                }
            }
            return self.lit(t);
        }
        let d = depth - 1;
        match t.clone() {
            Ty::I(kd) => self.int_expr(kd, d),
            Ty::F64 => self.float_expr(d),
            Ty::Str => self.str_expr(d),
            Ty::Bool => self.bool_expr(d),
            Ty::Slice(el) => self.slice_expr(&el, d),
            Ty::Map(..) => self.lit(t),
            Ty::S(i) => {
                if self.chance(40) {
                    if let Some(p) = self.pick_var(&Ty::P(i)) {
                        return e(format!("*{p}"));
                    }
                }
                if let Some(c) = self.call_returning(t, d) {
                    return c;
                }
                self.lit(t)
            }
            Ty::P(i) => {
                let inner = self.lit(&Ty::S(i));
                e(format!("&{}", inner.s))
            }
        }
    }

    /// A literal (or a composite literal, or a fresh value) of type `t`.
    fn lit(&mut self, t: &Ty) -> E {
        match t {
            Ty::I(kd) => self.int_lit(*kd),
            Ty::F64 => k_(FLOATS[self.below(FLOATS.len())].to_string()),
            Ty::Bool => k_(if self.chance(50) { "true" } else { "false" }.into()),
            Ty::Str => k_(STRINGS[self.below(STRINGS.len())].to_string()),
            Ty::Slice(el) => {
                if self.chance(20) {
                    return e(format!("make({}, {})", self.tyname(t), self.below(3)));
                }
                let n = self.below(4);
                let items: Vec<String> = (0..n).map(|_| self.expr(el, 1).s).collect();
                e(format!("{}{{{}}}", self.tyname(t), items.join(", ")))
            }
            Ty::Map(kt, vt) => {
                if self.chance(20) {
                    return e(format!("make({})", self.tyname(t)));
                }
                let n = self.below(4);
                let mut items = Vec::new();
                for i in 0..n {
                    let key = match **kt {
                        Ty::Str => format!("\"k{i}\""),
                        _ => format!("{}", i as i64 * 3 - 2),
                    };
                    let v = self.expr(vt, 1).s;
                    items.push(format!("{key}: {v}"));
                }
                e(format!("{}{{{}}}", self.tyname(t), items.join(", ")))
            }
            Ty::S(i) => {
                let fields = self.structs[*i].clone();
                let mut parts = Vec::new();
                for (name, ft) in &fields {
                    if self.chance(75) {
                        let v = self.expr(ft, 1).s;
                        parts.push(format!("{name}: {v}"));
                    }
                }
                e(format!("{}S{i}{{{}}}", self.p, parts.join(", ")))
            }
            Ty::P(_) => self.expr(t, 1),
        }
    }

    fn int_expr(&mut self, kd: IK, d: usize) -> E {
        let t = Ty::I(kd);
        match self.below(12) {
            0..=2 => self.binary(&t, d, &["+", "-", "*", "&", "|", "^", "&^"]),
            3 => {
                let op = if self.chance(50) { "/" } else { "%" };
                let l = self.expr(&t, d);
                let r = self.expr(&t, d);
                if (l.konst && r.konst) || self.pure {
                    return l;
                }
                e(format!("({} {op} ({} | 1))", l.s, r.s))
            }
            4 => {
                let l = self.expr(&t, d);
                if l.konst {
                    return l;
                }
                let op = if self.chance(50) { "<<" } else { ">>" };
                let n = self.below(kd.bits() as usize + 3);
                e(format!("({} {op} {n})", l.s))
            }
            5 => {
                let l = self.expr(&t, d);
                if l.konst {
                    return l;
                }
                let op = if self.chance(50) { "-" } else { "^" };
                e(format!("{op}({})", l.s))
            }
            6 => {
                // A conversion from another integer kind.
                let from = IKS[self.below(IKS.len())];
                let x = self.expr(&Ty::I(from), d);
                if x.konst {
                    return self.int_lit(kd);
                }
                e(format!("{}({})", kd.name(), x.s))
            }
            7 if self.chance(30) => {
                let a = self.expr(&Ty::Str, d).s;
                let b = self.expr(&Ty::Str, d).s;
                let f = ["strings.Index", "strings.Count", "strings.LastIndex"][self.below(3)];
                let n = format!("{f}({a}, {b})");
                if kd == IK::Int {
                    e(n)
                } else {
                    e(format!("{}({n})", kd.name()))
                }
            }
            7 => {
                let s = self.expr(&Ty::Str, d);
                let n = format!("len({})", s.s);
                if kd == IK::Int {
                    E {
                        s: n,
                        konst: s.konst,
                    }
                } else {
                    E {
                        s: format!("{}({n})", kd.name()),
                        konst: s.konst,
                    }
                }
            }
            8 => {
                if let Some(x) = self.index_expr(&t, d) {
                    return x;
                }
                self.lit(&t)
            }
            9 => {
                if let Some(c) = self.call_returning(&t, d) {
                    return c;
                }
                self.lit(&t)
            }
            10 => {
                if let Some(f) = self.field_of(&t) {
                    return e(f);
                }
                self.lit(&t)
            }
            _ => self.min_max(&t, d),
        }
    }

    /// `(l op r)` of two operands of type `t`; the left one alone if both are constants
    /// (a constant operation could overflow).
    fn binary(&mut self, t: &Ty, d: usize, ops: &[&str]) -> E {
        let op = ops[self.below(ops.len())];
        let l = self.expr(t, d);
        let r = self.expr(t, d);
        if l.konst && r.konst {
            return l;
        }
        e(format!("({} {op} {})", l.s, r.s))
    }

    /// `min(l, r)` or `max(l, r)`.
    fn min_max(&mut self, t: &Ty, d: usize) -> E {
        let f = if self.chance(50) { "min" } else { "max" };
        let l = self.expr(t, d);
        let r = self.expr(t, d);
        E {
            s: format!("{f}({}, {})", l.s, r.s),
            konst: l.konst && r.konst,
        }
    }

    fn float_expr(&mut self, d: usize) -> E {
        let t = Ty::F64;
        match self.below(9) {
            0..=2 => self.binary(&t, d, &["+", "-", "*"]),
            3 => {
                let l = self.expr(&t, d);
                let r = self.expr(&t, d);
                if l.konst && r.konst {
                    return l;
                }
                let r = if r.konst { "0.5".to_string() } else { r.s };
                e(format!("({} / {r})", l.s))
            }
            4 => {
                let from = IKS[self.below(IKS.len())];
                let x = self.expr(&Ty::I(from), d);
                if x.konst {
                    return self.lit(&t);
                }
                e(format!("float64({})", x.s))
            }
            5 => {
                let x = self.expr(&t, d);
                let f = ["math.Sqrt(math.Abs(", "math.Floor((", "math.Trunc(("];
                let f = f[self.below(3)];
                e(format!("{f}{}))", x.s))
            }
            6 => self.min_max(&t, d),
            7 if self.chance(15) => {
                let f = [
                    "math.Inf(1)",
                    "math.Inf(-1)",
                    "math.NaN()",
                    "math.Copysign(0, -1)",
                ];
                e(f[self.below(4)].to_string())
            }
            7 => {
                if let Some(c) = self.call_returning(&t, d) {
                    return c;
                }
                self.lit(&t)
            }
            _ => {
                if let Some(x) = self.index_expr(&t, d) {
                    return x;
                }
                if let Some(f) = self.field_of(&t) {
                    return e(f);
                }
                self.lit(&t)
            }
        }
    }

    fn str_expr(&mut self, d: usize) -> E {
        let t = Ty::Str;
        match self.below(11) {
            0 | 1 => {
                let l = self.expr(&t, d);
                let r = self.expr(&t, d);
                E {
                    s: format!("{} + {}", l.s, r.s),
                    konst: l.konst && r.konst,
                }
            }
            2 => e(format!("strconv.Itoa({})", self.expr(&Ty::int(), d).s)),
            3 => {
                let vt = self.printable_type();
                let x = self.expr(&vt, d);
                e(format!("fmt.Sprint({})", x.s))
            }
            4 => {
                let n = self.expr(&Ty::int(), d);
                let s = self.expr(&t, d);
                let verbs = ["%d|%s", "%x:%q", "%5d[%-4s]", "%o/%v", "%b %T"];
                let v = verbs[self.below(verbs.len())];
                e(format!("fmt.Sprintf(\"{v}\", {}, {})", n.s, s.s))
            }
            5 => {
                let x = self.expr(&t, d).s;
                match self.below(8) {
                    0 => e(format!("strings.ToUpper({x})")),
                    1 => e(format!("strings.TrimSpace({x})")),
                    2 => e(format!("strings.ReplaceAll({x}, \"a\", \"-\")")),
                    3 => e(format!("strconv.Quote({x})")),
                    4 => e(format!("strings.TrimLeft({x}, \"ag\")")),
                    5 => {
                        let n = self.expr(&Ty::I(IK::I64), d).s;
                        let base = 2 + self.below(35);
                        e(format!("strconv.FormatInt({n}, {base})"))
                    }
                    6 => {
                        let n = self.expr(&Ty::int(), d).s;
                        e(format!(
                            "fmt.Sprintf(\"%*d|%-*s|\", {}, {n}, {}, {x})",
                            self.below(8),
                            self.below(6)
                        ))
                    }
                    _ => e(format!("strings.ToLower({x})")),
                }
            }
            6 => {
                let n = self.below(4);
                e(format!("strings.Repeat({}, {n})", self.expr(&t, d).s))
            }
            7 => {
                // Slicing by bytes, in range.
                let s = self.expr(&t, d);
                let n = self.below(5);
                if s.konst {
                    return s;
                }
                let v = self.fresh_name_for(&s.s);
                e(format!("{v}[:min(len({v}), {n})]"))
            }
            8 => {
                let x = self.expr(&Ty::I(IK::I32), d);
                if x.konst {
                    return self.lit(&t);
                }
                e(format!("string(rune({}))", x.s))
            }
            9 => {
                if let Some(c) = self.call_returning(&t, d) {
                    return c;
                }
                if let Some(f) = self.field_of(&t) {
                    return e(f);
                }
                self.lit(&t)
            }
            _ => {
                let sl = Ty::Slice(Box::new(Ty::Str));
                if let Some(v) = self.pick_var(&sl) {
                    return e(format!("strings.Join({v}, \",\")"));
                }
                if let Some(x) = self.index_expr(&t, d) {
                    return x;
                }
                self.lit(&t)
            }
        }
    }

    /// A variable for slicing: an existing string variable when `s` is one, else `s`
    /// parenthesised (evaluated twice: it has no side effects worth keeping apart).
    fn fresh_name_for(&self, s: &str) -> String {
        if s.chars().all(|c| c.is_alphanumeric() || c == '_') {
            s.to_string()
        } else {
            format!("({s})")
        }
    }

    fn bool_expr(&mut self, d: usize) -> E {
        match self.below(8) {
            0 | 1 => {
                let ops = ["==", "!=", "<", "<=", ">", ">="];
                let op = ops[self.below(ops.len())];
                let t = match self.below(4) {
                    0 => Ty::I(IKS[self.below(IKS.len())]),
                    1 => Ty::F64,
                    2 => Ty::Str,
                    _ => Ty::int(),
                };
                let l = self.expr(&t, d);
                let r = self.expr(&t, d);
                E {
                    s: format!("({} {op} {})", l.s, r.s),
                    konst: l.konst && r.konst,
                }
            }
            2 | 3 => {
                let op = if self.chance(50) { "&&" } else { "||" };
                let l = self.expr(&Ty::Bool, d);
                let r = self.expr(&Ty::Bool, d);
                E {
                    s: format!("({} {op} {})", l.s, r.s),
                    konst: l.konst && r.konst,
                }
            }
            4 => {
                let x = self.expr(&Ty::Bool, d);
                E {
                    s: format!("!({})", x.s),
                    konst: x.konst,
                }
            }
            5 => {
                let a = self.expr(&Ty::Str, d);
                let b = self.expr(&Ty::Str, d);
                e(format!("strings.Contains({}, {})", a.s, b.s))
            }
            6 => {
                // Comparable structs.
                let cands: Vec<usize> = (0..self.structs.len())
                    .filter(|&i| Ty::S(i).comparable(self))
                    .collect();
                if cands.is_empty() {
                    return self.lit(&Ty::Bool);
                }
                let t = Ty::S(cands[self.below(cands.len())]);
                let l = self.expr(&t, d);
                let r = self.expr(&t, d);
                e(format!("({} == {})", l.s, r.s))
            }
            _ => {
                if let Some(f) = self.field_of(&Ty::Bool) {
                    return e(f);
                }
                let sl = Ty::Slice(Box::new(self.elem_type()));
                if let Some(v) = self.pick_var(&sl) {
                    return e(format!("(len({v}) > {})", self.below(3)));
                }
                self.lit(&Ty::Bool)
            }
        }
    }

    fn slice_expr(&mut self, el: &Ty, d: usize) -> E {
        let t = Ty::Slice(Box::new(el.clone()));
        match self.below(5) {
            0 => {
                if let Some(v) = self.pick_var(&t) {
                    let x = self.expr(el, d);
                    return e(format!("append({v}, {})", x.s));
                }
                self.lit(&t)
            }
            1 => {
                if let Some(v) = self.pick_var(&t) {
                    return e(format!("{v}[:len({v})/2]"));
                }
                self.lit(&t)
            }
            2 if *el == Ty::Str => {
                if let Some(v) = self.pick_var(&Ty::Slice(Box::new(Ty::int()))) {
                    let f = format!(
                        "func(x int) string {{ return strconv.Itoa(x * {}) }}",
                        self.below(5)
                    );
                    return e(format!("{}Map({v}, {f})", self.p));
                }
                self.lit(&t)
            }
            3 => {
                if let Some(c) = self.call_returning(&t, d) {
                    return c;
                }
                self.lit(&t)
            }
            _ => self.lit(&t),
        }
    }

    /// `s[i]` for a slice variable of element type `t`, with the index clamped into
    /// range (an empty slice still panics, as Go does).
    fn index_expr(&mut self, t: &Ty, d: usize) -> Option<E> {
        if self.pure {
            return None;
        }
        let v = self.pick_var(&Ty::Slice(Box::new(t.clone())))?;
        let i = self.expr(&Ty::int(), d);
        Some(e(format!("{v}[max(0, min({}, len({v})-1))]", i.s)))
    }

    /// A field of type `t` of a struct or pointer variable in scope.
    fn field_of(&mut self, t: &Ty) -> Option<String> {
        let mut cands = Vec::new();
        for v in self.all_vars() {
            if let Ty::S(i) | Ty::P(i) = v.ty {
                for (f, ft) in &self.structs[i] {
                    if ft == t {
                        cands.push(format!("{}.{f}", v.name));
                    }
                }
            }
        }
        (!cands.is_empty()).then(|| cands[self.below(cands.len())].clone())
    }

    /// A call of a helper function returning `t`.
    fn call_returning(&mut self, t: &Ty, d: usize) -> Option<E> {
        if self.pure || self.calls_left == 0 {
            return None;
        }
        let fs: Vec<Func> = self
            .funcs
            .iter()
            .filter(|f| &f.result == t)
            .cloned()
            .collect();
        if fs.is_empty() {
            return None;
        }
        self.calls_left -= 1;
        let f = fs[self.below(fs.len())].clone();
        let args: Vec<String> = f.params.iter().map(|p| self.expr(p, d.min(1)).s).collect();
        Some(e(format!("{}({})", f.name, args.join(", "))))
    }

    fn printable_type(&mut self) -> Ty {
        loop {
            let t = self.any_type();
            if t.printable() {
                return t;
            }
        }
    }

    // ---- output

    /// The current indentation, for statements written as one multi-line template.
    fn indent(&self) -> String {
        "\t".repeat(self.ind)
    }

    fn line(&mut self, s: &str) {
        for _ in 0..self.ind {
            self.out.push('\t');
        }
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn declare(&mut self, name: &str, ty: Ty) {
        if let Some(s) = self.scopes.last_mut() {
            s.push(Var {
                name: name.to_string(),
                ty,
                ro: false,
            });
        }
    }
}

fn k_(s: String) -> E {
    k(s)
}

/// The harness around a batch: imports every program may use, runs each program's main
/// with its panic recovered.
pub fn batch(first_seed: u64, n: usize) -> String {
    let mut decls = String::new();
    let mut mains = Vec::new();
    for i in 0..n {
        let seed = first_seed + i as u64;
        let p = format!("p{seed}_");
        decls.push_str(&program(seed, &p));
        mains.push(format!("{p}main"));
    }
    let mut s = String::from(
        "package main\n\nimport (\n\t\"errors\"\n\t\"fmt\"\n\t\"maps\"\n\t\"math\"\n\t\"slices\"\n\t\"sort\"\n\t\"strconv\"\n\t\"strings\"\n\t\"sync\"\n)\n\n\
         var _ = errors.New\nvar _ = math.Sqrt\nvar _ = strconv.Itoa\nvar _ = strings.ToUpper\nvar _ sync.Mutex\n\n\
         func main() {\n",
    );
    for (i, m) in mains.iter().enumerate() {
        s.push_str(&format!(
            "\tfmt.Println(\"=== program {}\")\n\trunOne({m})\n",
            first_seed + i as u64
        ));
    }
    s.push_str(
        "}\n\nfunc runOne(f func()) {\n\t_ = slices.Contains([]int{1}, 1)\n\t_ = maps.Keys(map[int]int{})\n\tsort.Ints(nil)\n\tdefer func() {\n\t\tif r := recover(); r != nil {\n\t\t\tfmt.Println(\"panic:\", r)\n\t\t}\n\t}()\n\tf()\n}\n\n",
    );
    s.push_str(&decls);
    s
}

/// The top-level declarations of program `seed`, names prefixed with `p`.
pub fn program(seed: u64, p: &str) -> String {
    let mut g = Gen::new(seed, p);
    g.program();
    g.out
}
