//! Values exchanged between Go scripts and the host, and their conversions to Rust types.
//!
//! A `Value` is a deep copy of a Go value made when it crosses into Rust: it holds no
//! reference into the VM's heap, so it stays valid whatever the collector does and after
//! the VM is gone. Pointers, channels and functions cross as `Opaque` (their type only).

use crate::error::Error;
use gosub_bytecode::program::{Program, RKind};
use gosub_heap::{Addr, GcTypeId};
use gosub_syntax::quote::quote;
use gosub_vm::{Trap, Vm as RawVm};
use std::collections::HashMap;
use std::hash::Hash;

/// A Go value copied into Rust.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// nil (a nil pointer, slice, map, interface, func or chan).
    Nil,
    Bool(bool),
    /// Signed integers (int, int8 ... int64).
    Int(i64),
    /// Unsigned integers (uint, uint8 ... uint64, uintptr).
    Uint(u64),
    /// float32 and float64.
    Float(f64),
    String(String),
    /// A `[]byte`.
    Bytes(Vec<u8>),
    /// A slice or an array.
    Slice(Vec<Value>),
    /// A map's entries (in the map's iteration order).
    Map(Vec<(Value, Value)>),
    /// A struct: its type as `%T` prints it and its fields in order.
    Struct {
        type_name: String,
        fields: Vec<(String, Value)>,
    },
    /// The results of a call with several results (`f()` returning `(int, error)`).
    Tuple(Vec<Value>),
    /// A pointer, func, chan or other value not copied into Rust: its Go type only (values
    /// nested inside a copied slice, map or struct).
    Opaque {
        type_name: String,
    },
    /// A Go value the VM keeps alive for the host: an eval result of pointer, func or chan
    /// type (or any type, with `Vm::eval_ref`). Passing it to `Vm::call` or `Vm::set` hands
    /// Go the value itself; `Vm::deref` copies what it refers to.
    Ref(crate::handle::GoRef),
    /// A result whose Go type implements `error` (a non-nil `error`): its `Error()` text and
    /// the value itself (usually a `Ref`). `Result<T, GoError>` takes a `(T, error)` pair.
    Error(GoError),
}

/// A Go `error` the host received: the text of its `Error()` method (as `fmt` prints the
/// error) and the Go value, which can be passed back into the VM or inspected with
/// `Vm::deref`.
#[derive(Clone, Debug, PartialEq)]
pub struct GoError {
    pub message: String,
    pub value: Box<Value>,
}

impl std::fmt::Display for GoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for GoError {}

impl Value {
    /// What kind of Go value this is, for error messages.
    pub fn kind_name(&self) -> String {
        match self {
            Value::Nil => "nil".into(),
            Value::Bool(_) => "bool".into(),
            Value::Int(_) => "signed integer".into(),
            Value::Uint(_) => "unsigned integer".into(),
            Value::Float(_) => "float".into(),
            Value::String(_) => "string".into(),
            Value::Bytes(_) => "[]byte".into(),
            Value::Slice(_) => "slice".into(),
            Value::Map(_) => "map".into(),
            Value::Struct { type_name, .. } => type_name.clone(),
            Value::Tuple(v) => format!("{} results", v.len()),
            Value::Opaque { type_name } => type_name.clone(),
            Value::Ref(r) => r.type_name().to_string(),
            Value::Error(e) => e.value.kind_name(),
        }
    }

    /// Renders the value as Go source, for assignment to a variable of Go type `ty` (as
    /// `%T` spells it; `main.` is dropped). Composite elements use elided types.
    pub fn to_go_literal(&self, ty: &str) -> Result<String, Error> {
        let ty = ty.replace("main.", "");
        if let Value::Error(e) = self {
            return e.value.to_go_literal(&ty);
        }
        if let Value::Ref(r) = self {
            return Ok(r.go_expr(&ty));
        }
        let lit = self.go_lit(0)?;
        Ok(match self {
            Value::Slice(_) | Value::Map(_) | Value::Struct { .. } => format!("{}{}", ty, lit),
            Value::Bytes(_) => format!("{}({})", ty, lit),
            Value::Nil | Value::Bool(_) | Value::String(_) => lit,
            _ => format!("{}({})", ty, lit),
        })
    }

    fn go_lit(&self, depth: u32) -> Result<String, Error> {
        if depth > 64 {
            return Err(Error::Conversion("value nested too deeply".into()));
        }
        Ok(match self {
            Value::Nil => "nil".into(),
            Value::Bool(b) => b.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Uint(u) => u.to_string(),
            Value::Float(f) if f.is_finite() => format!("{:?}", f),
            Value::Float(f) => {
                return Err(Error::Conversion(format!(
                    "cannot write {} as a Go constant",
                    f
                )))
            }
            Value::String(s) => quote(s.as_bytes()),
            Value::Bytes(b) => quote(b),
            Value::Slice(v) => {
                let parts: Result<Vec<String>, Error> =
                    v.iter().map(|x| x.go_lit(depth + 1)).collect();
                format!("{{{}}}", parts?.join(", "))
            }
            Value::Map(v) => {
                let mut parts = Vec::new();
                for (k, x) in v {
                    parts.push(format!(
                        "{}: {}",
                        k.go_lit(depth + 1)?,
                        x.go_lit(depth + 1)?
                    ));
                }
                format!("{{{}}}", parts.join(", "))
            }
            Value::Struct { fields, .. } => {
                let mut parts = Vec::new();
                for (n, x) in fields {
                    parts.push(format!("{}: {}", n, x.go_lit(depth + 1)?));
                }
                format!("{{{}}}", parts.join(", "))
            }
            Value::Error(e) => return e.value.go_lit(depth),
            Value::Tuple(_) | Value::Opaque { .. } | Value::Ref(_) => {
                return Err(Error::Conversion(format!(
                    "a Go {} cannot be passed into the VM",
                    self.kind_name()
                )))
            }
        })
    }
}

impl std::fmt::Display for Value {
    /// Roughly Go's `%v`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Nil => write!(f, "<nil>"),
            Value::Bool(b) => write!(f, "{}", b),
            Value::Int(i) => write!(f, "{}", i),
            Value::Uint(u) => write!(f, "{}", u),
            Value::Float(x) => write!(f, "{}", x),
            Value::String(s) => write!(f, "{}", s),
            Value::Bytes(b) => write!(f, "{:?}", b),
            Value::Slice(v) | Value::Tuple(v) => {
                write!(f, "[")?;
                for (i, x) in v.iter().enumerate() {
                    if i > 0 {
                        write!(f, " ")?;
                    }
                    write!(f, "{}", x)?;
                }
                write!(f, "]")
            }
            Value::Map(v) => {
                write!(f, "map[")?;
                for (i, (k, x)) in v.iter().enumerate() {
                    if i > 0 {
                        write!(f, " ")?;
                    }
                    write!(f, "{}:{}", k, x)?;
                }
                write!(f, "]")
            }
            Value::Struct { fields, .. } => {
                write!(f, "{{")?;
                for (i, (n, x)) in fields.iter().enumerate() {
                    if i > 0 {
                        write!(f, " ")?;
                    }
                    write!(f, "{}:{}", n, x)?;
                }
                write!(f, "}}")
            }
            Value::Opaque { type_name } => write!(f, "<{}>", type_name),
            Value::Ref(r) => write!(f, "<ref {}>", r.type_name()),
            Value::Error(e) => write!(f, "{}", e.message),
        }
    }
}

// ----- conversions -----

/// Conversion of a `Value` into a Rust type (used by `Vm::get`, `Vm::call` results...).
pub trait FromValue: Sized {
    /// The Rust type's name, for error messages.
    const RUST_TYPE: &'static str;
    fn from_value(v: Value) -> Result<Self, Error>;
}

fn mismatch<T>(v: &Value, rust: &str) -> Result<T, Error> {
    Err(Error::Conversion(format!(
        "cannot convert a Go {} ({}) to Rust {}",
        v.kind_name(),
        v,
        rust
    )))
}

impl FromValue for Value {
    const RUST_TYPE: &'static str = "Value";
    fn from_value(v: Value) -> Result<Self, Error> {
        Ok(v)
    }
}

macro_rules! int_conv {
    ($($t:ty),*) => {$(
        impl FromValue for $t {
            const RUST_TYPE: &'static str = stringify!($t);
            fn from_value(v: Value) -> Result<Self, Error> {
                match v {
                    Value::Int(i) => <$t>::try_from(i).or_else(|_| mismatch(&v, stringify!($t))),
                    Value::Uint(u) => <$t>::try_from(u).or_else(|_| mismatch(&v, stringify!($t))),
                    _ => mismatch(&v, stringify!($t)),
                }
            }
        }
        impl TryFrom<Value> for $t {
            type Error = Error;
            fn try_from(v: Value) -> Result<Self, Error> {
                <$t as FromValue>::from_value(v)
            }
        }
    )*};
}
int_conv!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

macro_rules! into_int {
    ($($t:ty => $v:ident as $c:ty),*) => {$(
        impl From<$t> for Value {
            fn from(x: $t) -> Value {
                Value::$v(x as $c)
            }
        }
    )*};
}
into_int!(i8 => Int as i64, i16 => Int as i64, i32 => Int as i64, i64 => Int as i64,
    isize => Int as i64, u8 => Uint as u64, u16 => Uint as u64, u32 => Uint as u64,
    u64 => Uint as u64, usize => Uint as u64, f32 => Float as f64, f64 => Float as f64);

impl FromValue for f64 {
    const RUST_TYPE: &'static str = "f64";
    fn from_value(v: Value) -> Result<Self, Error> {
        match v {
            Value::Float(f) => Ok(f),
            _ => mismatch(&v, "f64"),
        }
    }
}

impl FromValue for f32 {
    const RUST_TYPE: &'static str = "f32";
    fn from_value(v: Value) -> Result<Self, Error> {
        match v {
            Value::Float(f) => Ok(f as f32),
            _ => mismatch(&v, "f32"),
        }
    }
}

impl FromValue for bool {
    const RUST_TYPE: &'static str = "bool";
    fn from_value(v: Value) -> Result<Self, Error> {
        match v {
            Value::Bool(b) => Ok(b),
            _ => mismatch(&v, "bool"),
        }
    }
}

impl FromValue for String {
    const RUST_TYPE: &'static str = "String";
    fn from_value(v: Value) -> Result<Self, Error> {
        match v {
            Value::String(s) => Ok(s),
            _ => mismatch(&v, "String"),
        }
    }
}

impl FromValue for crate::handle::GoRef {
    const RUST_TYPE: &'static str = "GoRef";
    fn from_value(v: Value) -> Result<Self, Error> {
        match v {
            Value::Ref(r) => Ok(r),
            _ => mismatch(&v, "GoRef"),
        }
    }
}

impl FromValue for () {
    const RUST_TYPE: &'static str = "()";
    fn from_value(v: Value) -> Result<Self, Error> {
        match v {
            Value::Nil | Value::Tuple(_) => Ok(()),
            _ => mismatch(&v, "()"),
        }
    }
}

impl<T: FromValue> FromValue for Vec<T> {
    const RUST_TYPE: &'static str = "Vec<_>";
    fn from_value(v: Value) -> Result<Self, Error> {
        match v {
            Value::Nil => Ok(Vec::new()),
            Value::Slice(xs) | Value::Tuple(xs) => xs.into_iter().map(T::from_value).collect(),
            Value::Bytes(b) => b
                .into_iter()
                .map(|x| T::from_value(Value::Uint(x as u64)))
                .collect(),
            _ => mismatch(&v, &format!("Vec<{}>", T::RUST_TYPE)),
        }
    }
}

impl<K: FromValue + Eq + Hash, V: FromValue> FromValue for HashMap<K, V> {
    const RUST_TYPE: &'static str = "HashMap<_, _>";
    fn from_value(v: Value) -> Result<Self, Error> {
        match v {
            Value::Nil => Ok(HashMap::new()),
            Value::Map(es) => es
                .into_iter()
                .map(|(k, x)| Ok((K::from_value(k)?, V::from_value(x)?)))
                .collect(),
            _ => mismatch(&v, &format!("HashMap<{}, {}>", K::RUST_TYPE, V::RUST_TYPE)),
        }
    }
}

impl<T: FromValue> FromValue for Option<T> {
    const RUST_TYPE: &'static str = "Option<_>";
    fn from_value(v: Value) -> Result<Self, Error> {
        match v {
            Value::Nil => Ok(None),
            v => T::from_value(v).map(Some),
        }
    }
}

impl FromValue for GoError {
    const RUST_TYPE: &'static str = "GoError";
    fn from_value(v: Value) -> Result<Self, Error> {
        match v {
            Value::Error(e) => Ok(e),
            v => mismatch(&v, Self::RUST_TYPE),
        }
    }
}

/// A Go `(T, error)` pair (`Value::Tuple`) or a lone `error` (for `Result<(), GoError>`):
/// `Err` when the error is not nil, else `Ok` of the value.
impl<T: FromValue> FromValue for Result<T, GoError> {
    const RUST_TYPE: &'static str = "Result<_, GoError>";
    fn from_value(v: Value) -> Result<Self, Error> {
        let (v, err) = match v {
            Value::Tuple(mut vs) if vs.len() == 2 => {
                let err = vs.pop().unwrap_or(Value::Nil);
                (vs.pop().unwrap_or(Value::Nil), err)
            }
            Value::Error(e) => return Ok(Err(e)),
            Value::Nil => (Value::Tuple(Vec::new()), Value::Nil),
            v => return mismatch(&v, Self::RUST_TYPE),
        };
        match err {
            Value::Nil => T::from_value(v).map(Ok),
            Value::Error(e) => Ok(Err(e)),
            err => mismatch(&err, "GoError"),
        }
    }
}

impl TryFrom<Value> for f64 {
    type Error = Error;
    fn try_from(v: Value) -> Result<Self, Error> {
        <f64 as FromValue>::from_value(v)
    }
}
impl TryFrom<Value> for bool {
    type Error = Error;
    fn try_from(v: Value) -> Result<Self, Error> {
        <bool as FromValue>::from_value(v)
    }
}
impl TryFrom<Value> for String {
    type Error = Error;
    fn try_from(v: Value) -> Result<Self, Error> {
        <String as FromValue>::from_value(v)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}
impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::String(s)
    }
}
impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::String(s.to_string())
    }
}
impl<T: Into<Value>> From<Vec<T>> for Value {
    fn from(v: Vec<T>) -> Value {
        Value::Slice(v.into_iter().map(Into::into).collect())
    }
}
impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Value {
        v.map(Into::into).unwrap_or(Value::Nil)
    }
}
impl<K: Into<Value>, V: Into<Value>> From<HashMap<K, V>> for Value {
    fn from(m: HashMap<K, V>) -> Value {
        Value::Map(m.into_iter().map(|(k, v)| (k.into(), v.into())).collect())
    }
}

// ----- reading Go values out of the VM -----

/// Copies the Go value of rtype `t` stored at `addr` into a `Value`.
pub(crate) fn read_value(
    vm: &mut RawVm,
    prog: &Program,
    t: u32,
    addr: Addr,
    depth: u32,
) -> Result<Value, Trap> {
    read_in(vm, prog, t, addr, depth, None)
}

/// How many nested pointers a host function's parameter may have followed (`read_in`).
const FOLLOW_BUDGET: u32 = 100_000;

/// `read_value`; with `follow`, a non-nil pointer nested in the value is read as what it
/// points to (an `Option<T>` field of a host function's parameter), else it is `Opaque`.
/// `follow` counts the pointers still allowed to be followed: a Go graph may share
/// objects and cycle (a recursive `go_struct!` type allows both), and its copy as a tree
/// would grow without bound; past `FOLLOW_BUDGET` pointers the read is a Go panic. What an
/// interface holds (a `Value` parameter, Go's `any`) is not followed.
fn read_in(
    vm: &mut RawVm,
    prog: &Program,
    t: u32,
    addr: Addr,
    depth: u32,
    follow: Option<&std::cell::Cell<u32>>,
) -> Result<Value, Trap> {
    let Some(rt) = prog.rtypes.get(t as usize) else {
        return Ok(Value::Opaque {
            type_name: "?".into(),
        });
    };
    let h = &vm.heap;
    if depth > 100 {
        return Ok(Value::Opaque {
            type_name: rt.name.clone(),
        });
    }
    Ok(match rt.kind {
        RKind::Bool => Value::Bool(h.read_u8(addr)? != 0),
        RKind::Int | RKind::Int64 => Value::Int(h.read_u64(addr)? as i64),
        RKind::Int8 => Value::Int(h.read_u8(addr)? as i8 as i64),
        RKind::Int16 => Value::Int(h.read_u16(addr)? as i16 as i64),
        RKind::Int32 => Value::Int(h.read_u32(addr)? as i32 as i64),
        RKind::Uint | RKind::Uint64 | RKind::Uintptr => Value::Uint(h.read_u64(addr)?),
        RKind::Uint8 => Value::Uint(h.read_u8(addr)? as u64),
        RKind::Uint16 => Value::Uint(h.read_u16(addr)? as u64),
        RKind::Uint32 => Value::Uint(h.read_u32(addr)? as u64),
        RKind::Float64 => Value::Float(h.read_f64(addr)?),
        RKind::Float32 => Value::Float(f32::from_bits(h.read_u32(addr)?) as f64),
        RKind::String => {
            Value::String(String::from_utf8_lossy(&vm.read_string(addr)?).into_owned())
        }
        RKind::Slice | RKind::Array => {
            let (p, n) = if rt.kind == RKind::Slice {
                (h.read_u64(addr)?, h.read_u64(addr + 8)?)
            } else {
                (addr, rt.len)
            };
            if rt.kind == RKind::Slice && p == 0 {
                return Ok(Value::Nil);
            }
            let et = rt.elem;
            let esz = prog.rtypes[et as usize].size;
            if prog.rtypes[et as usize].kind == RKind::Uint8 && rt.kind == RKind::Slice {
                return Ok(Value::Bytes(if n == 0 {
                    Vec::new()
                } else {
                    h.bytes(p, n as usize)?.to_vec()
                }));
            }
            let mut out = Vec::new();
            for i in 0..n {
                out.push(read_in(vm, prog, et, p + i * esz, depth + 1, follow)?);
            }
            Value::Slice(out)
        }
        RKind::Struct => {
            let mut fields = Vec::new();
            for f in &rt.fields {
                fields.push((
                    f.name.clone(),
                    read_in(vm, prog, f.typ, addr + f.offset, depth + 1, follow)?,
                ));
            }
            Value::Struct {
                type_name: rt.name.clone(),
                fields,
            }
        }
        RKind::Interface => {
            let itab = h.read_u64(addr)?;
            if itab == 0 {
                return Ok(Value::Nil);
            }
            let Some(dt) = gosub_vm::iface::dyn_rtype(vm, itab) else {
                return Ok(Value::Opaque {
                    type_name: rt.name.clone(),
                });
            };
            let drt = &prog.rtypes[dt as usize];
            let a = if drt.direct {
                addr + 8
            } else {
                h.read_u64(addr + 8)?
            };
            if a == 0 && !drt.direct {
                return Ok(Value::Opaque {
                    type_name: drt.name.clone(),
                });
            }
            read_in(vm, prog, dt, a, depth + 1, None)?
        }
        RKind::Map => {
            let m = h.read_u64(addr)?;
            if m == 0 {
                return Ok(Value::Nil);
            }
            let (kt, vt) = (rt.key, rt.elem);
            let ks = prog.rtypes[kt as usize].size.div_ceil(8) * 8;
            let vs = prog.rtypes[vt as usize].size.div_ceil(8) * 8;
            let scratch = vm.alloc(GcTypeId::BYTES, (24 + ks + vs) as usize)?;
            let entries = vm.heap.read_u64(m + 8)?;
            vm.heap.write_u64(scratch, m)?;
            vm.heap.write_u64(scratch + 8, entries)?;
            vm.heap.write_u64(scratch + 16, 0)?;
            let prog_arc = vm.prog.clone();
            let mut out = Vec::new();
            while gosub_vm::maps::iter_next(vm, &prog_arc, scratch, scratch, 24, (24 + ks) as u32)?
            {
                let k = read_in(vm, prog, kt, scratch + 24, depth + 1, follow)?;
                let v = read_in(vm, prog, vt, scratch + 24 + ks, depth + 1, follow)?;
                out.push((k, v));
            }
            Value::Map(out)
        }
        RKind::Pointer | RKind::Func | RKind::Chan | RKind::UnsafePointer
            if h.read_u64(addr)? == 0 =>
        {
            Value::Nil
        }
        RKind::Pointer if follow.is_some() => {
            let left = follow.map_or(0, |c| c.get());
            if left == 0 {
                return Err(Trap::PanicString(format!(
                    "host function argument: more than {FOLLOW_BUDGET} pointers to follow \
                     (a {} shared or in a cycle?)",
                    rt.name
                )));
            }
            if let Some(c) = follow {
                c.set(left - 1);
            }
            let p = h.read_u64(addr)?;
            read_in(vm, prog, rt.elem, p, depth + 1, follow)?
        }
        _ => Value::Opaque {
            type_name: rt.name.clone(),
        },
    })
}

/// A host function's parameter of a type from Rust: `read_value` following pointers, at the
/// top level and nested (an `Option<T>` parameter or field is a Go `*T`, read as the value
/// it points to; `Nil` for nil).
pub(crate) fn read_deref(
    vm: &mut RawVm,
    prog: &Program,
    t: u32,
    addr: Addr,
) -> Result<Value, Trap> {
    let budget = std::cell::Cell::new(FOLLOW_BUDGET);
    match prog.rtypes.get(t as usize) {
        Some(rt) if rt.kind == RKind::Pointer => match vm.heap.read_u64(addr)? {
            0 => Ok(Value::Nil),
            p => read_in(vm, prog, rt.elem, p, 0, Some(&budget)),
        },
        _ => read_in(vm, prog, t, addr, 0, Some(&budget)),
    }
}

// ----- writing Go values into the VM -----

/// Writes `v` as the Go value of rtype `t` at `addr` (zeroed memory), allocating what it
/// needs: a slice's backing array, a map and its entries, what a pointer points to (a
/// `Ref` is passed as the pointer itself). The inverse of `read_value`, for host functions'
/// results. The collector must be off (as while a native runs): addresses held here do
/// not move. An error says which Rust value did not fit which Go type.
pub(crate) fn write_value(
    vm: &mut RawVm,
    prog: &std::sync::Arc<Program>,
    t: u32,
    addr: Addr,
    v: &Value,
    depth: u32,
) -> Result<(), String> {
    let Some(rt) = prog.rtypes.get(t as usize) else {
        return Err(format!("no runtime type {}", t));
    };
    let bad = || format!("cannot use a Rust {} as Go {}", v.kind_name(), rt.name);
    let trap = |t: Trap| format!("{:?}", t);
    let fault = |f: gosub_heap::Fault| format!("{:?}", f);
    if depth > 100 {
        return Err(format!("{} nested too deeply", rt.name));
    }
    match (rt.kind, v) {
        // The zero value: the memory is zeroed already.
        (_, Value::Nil) => Ok(()),
        (RKind::Bool, Value::Bool(b)) => vm.heap.write_u8(addr, *b as u8).map_err(fault),
        (RKind::Float64, Value::Float(f)) => vm.heap.write_f64(addr, *f).map_err(fault),
        (RKind::Float32, Value::Float(f)) => vm
            .heap
            .write_u32(addr, (*f as f32).to_bits())
            .map_err(fault),
        (_, Value::Int(_) | Value::Uint(_)) if crate::go_call::is_int(rt.kind) => {
            let (w, fits) = crate::go_call::int_fits(v, rt.kind, rt.size as usize);
            if !fits {
                return Err(format!("{} overflows Go {}", v, rt.name));
            }
            let h = &mut vm.heap;
            match rt.size {
                1 => h.write_u8(addr, w as u8),
                2 => h.write_u16(addr, w as u16),
                4 => h.write_u32(addr, w as u32),
                _ => h.write_u64(addr, w),
            }
            .map_err(fault)
        }
        (RKind::String, Value::String(s)) => {
            let (p, n) = vm.new_string(s.as_bytes()).map_err(trap)?;
            vm.heap.write_u64(addr, p).map_err(fault)?;
            vm.heap.write_u64(addr + 8, n).map_err(fault)
        }
        (
            RKind::Pointer | RKind::Func | RKind::Chan | RKind::Map | RKind::UnsafePointer,
            Value::Ref(r),
        ) => {
            let w = vm.heap.handle_get(r.handle()).ok_or_else(bad)?;
            vm.heap.write_u64(addr, w).map_err(fault)
        }
        // An empty slice is nil, as Go code usually makes it.
        (RKind::Slice, Value::Bytes(b)) if b.is_empty() => Ok(()),
        (RKind::Slice, Value::Slice(xs)) if xs.is_empty() => Ok(()),
        (RKind::Slice, Value::Bytes(b)) if prog.rtypes[rt.elem as usize].kind == RKind::Uint8 => {
            let p = new_array(vm, prog, rt.elem, b.len() as u64)?;
            if !b.is_empty() {
                vm.heap.write_bytes(p, b).map_err(fault)?;
            }
            write_header(vm, addr, p, b.len() as u64).map_err(fault)
        }
        (RKind::Slice, Value::Slice(xs)) => {
            let p = new_array(vm, prog, rt.elem, xs.len() as u64)?;
            let esz = prog.rtypes[rt.elem as usize].size;
            for (i, x) in xs.iter().enumerate() {
                write_value(vm, prog, rt.elem, p + i as u64 * esz, x, depth + 1)?;
            }
            write_header(vm, addr, p, xs.len() as u64).map_err(fault)
        }
        (RKind::Array, Value::Slice(xs)) if xs.len() as u64 == rt.len => {
            let esz = prog.rtypes[rt.elem as usize].size;
            for (i, x) in xs.iter().enumerate() {
                write_value(vm, prog, rt.elem, addr + i as u64 * esz, x, depth + 1)?;
            }
            Ok(())
        }
        (RKind::Struct, Value::Struct { fields, .. }) => {
            for f in &rt.fields {
                if let Some((_, x)) = fields.iter().find(|(n, _)| *n == f.name) {
                    write_value(vm, prog, f.typ, addr + f.offset, x, depth + 1)?;
                }
            }
            Ok(())
        }
        (RKind::Map, Value::Map(es)) => {
            let m = gosub_vm::maps::make_map(vm, prog, t, es.len() as u64).map_err(trap)?;
            vm.heap.write_u64(addr, m).map_err(fault)?;
            let (kt, vt) = (rt.key, rt.elem);
            let key = new_array(vm, prog, kt, 1)?;
            let ksize = prog.rtypes[kt as usize].size as usize;
            for (k, x) in es {
                vm.heap
                    .fill_zero(key, ksize.div_ceil(8) * 8)
                    .map_err(fault)?;
                write_value(vm, prog, kt, key, k, depth + 1)?;
                let slot = gosub_vm::maps::slot(vm, prog, addr, key).map_err(trap)?;
                write_value(vm, prog, vt, slot, x, depth + 1)?;
            }
            Ok(())
        }
        (RKind::Pointer, x) => {
            let p = new_array(vm, prog, rt.elem, 1)?;
            write_value(vm, prog, rt.elem, p, x, depth + 1)?;
            vm.heap.write_u64(addr, p).map_err(fault)
        }
        _ => Err(bad()),
    }
}

/// Writes `v` into the `any` (interface pair) at `addr`, as Go converts a value of the
/// type it maps to into `any`: `Int` an `int`, `Uint` a `uint`, `Float` a `float64`, `Bool`
/// a `bool`, `String` a `string`, `Bytes` a `[]byte` (boxed); a `Ref` (or an `Error`'s
/// value) the Go value it holds; `Nil` a nil interface. Slices, maps, structs and tuples
/// have no Go type of their own here: an error.
pub(crate) fn write_any(vm: &mut RawVm, addr: Addr, v: &Value) -> Result<(), String> {
    use gosub_compile::program::RKind;
    let fault = |f: gosub_heap::Fault| format!("{:?}", f);
    let prog = vm.prog.clone();
    let (kind, name) = match v {
        Value::Nil => return vm.heap.fill_zero(addr, 16).map_err(fault),
        Value::Ref(r) => {
            let data = crate::handle::ref_data(vm, r).map_err(|t| format!("{:?}", t))?;
            vm.heap.write_u64(addr, r.itab()).map_err(fault)?;
            return vm.heap.write_u64(addr + 8, data).map_err(fault);
        }
        Value::Error(e) => return write_any(vm, addr, &e.value),
        Value::Int(_) => (RKind::Int, "int"),
        Value::Uint(_) => (RKind::Uint, "uint"),
        Value::Float(_) => (RKind::Float64, "float64"),
        Value::Bool(_) => (RKind::Bool, "bool"),
        Value::String(_) => (RKind::String, "string"),
        Value::Bytes(_) => (RKind::Slice, "[]uint8"),
        other => {
            return Err(format!(
                "a Rust {} has no Go type to put in an any: return a GoRef or a typed result",
                other.kind_name()
            ))
        }
    };
    // Types are interned and spelled as `%T` prints them (`[]byte` as `[]uint8`); a
    // defined type of the same kind is named, and never matches.
    let t = prog
        .rtypes
        .iter()
        .position(|r| r.kind == kind && r.name == name && !r.named)
        .ok_or_else(|| format!("the program has no type {name}"))? as u32;
    let any = crate::handle::any_rtype(&prog);
    let itab = match vm.itab_cache.get(&(t, any)) {
        Some(&i) => i,
        None => {
            let i = vm.itabs.len() as u32;
            vm.itabs.push(gosub_compile::program::Itab {
                rtype: t,
                iface: any,
                funcs: Vec::new(),
            });
            vm.itab_cache.insert((t, any), i);
            i
        }
    };
    // The value in a box of its own, which the interface's data word points to (none of
    // these types is pointer-shaped). The box is stored at `addr` (a root: the native's
    // result) before the string's or slice's bytes are allocated, and read back after,
    // since that allocation may move it.
    let b = new_array(vm, &prog, t, 1)?;
    vm.heap
        .write_u64(addr, u64::from(itab) + 1)
        .map_err(fault)?;
    vm.heap.write_u64(addr + 8, b).map_err(fault)?;
    let (data, n) = match v {
        Value::String(s) => vm
            .new_string(s.as_bytes())
            .map_err(|t| format!("{:?}", t))?,
        Value::Bytes(bs) => {
            let p = vm.new_string(bs).map_err(|t| format!("{:?}", t))?.0;
            (p, bs.len() as u64)
        }
        // A scalar: written into the box, nothing allocated.
        _ => return write_value(vm, &prog, t, b, v, 0),
    };
    let b = vm.heap.read_u64(addr + 8).map_err(fault)?;
    vm.heap.write_u64(b, data).map_err(fault)?;
    vm.heap.write_u64(b + 8, n).map_err(fault)?;
    if matches!(v, Value::Bytes(_)) {
        vm.heap.write_u64(b + 16, n).map_err(fault)?;
    }
    Ok(())
}

/// A zeroed array of `n` values of rtype `elem` (Go's `zerobase` when it has no bytes).
fn new_array(vm: &mut RawVm, prog: &Program, elem: u32, n: u64) -> Result<Addr, String> {
    let ert = &prog.rtypes[elem as usize];
    if n == 0 || ert.size == 0 {
        return Ok(vm.zerobase);
    }
    if n.saturating_mul(ert.size) > 1 << 40 {
        return Err("out of memory".into());
    }
    let g = vm.gcty(ert.gcty);
    vm.alloc(g, n as usize).map_err(|t| format!("{:?}", t))
}

fn write_header(vm: &mut RawVm, addr: Addr, p: Addr, n: u64) -> Result<(), gosub_heap::Fault> {
    vm.heap.write_u64(addr, p)?;
    vm.heap.write_u64(addr + 8, n)?;
    vm.heap.write_u64(addr + 16, n)
}
