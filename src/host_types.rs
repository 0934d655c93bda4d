//! The Rust types host functions take and return, and their Go counterparts.
//!
//! - Scalars cross as words in the native's frame (`Args`): every integer width (`isize`
//!   and `usize` are Go's `int` and `uint`), `f32`, `f64`, `bool`, `String`.
//! - Composite types cross as copies, through `Value`: `Vec<T>` is `[]T` (`Vec<u8>` is
//!   `[]byte`), `HashMap<K, V>` is `map[K]V`, `Option<T>` is `*T` (nil is `None`), a struct
//!   declared with `go_struct!` is a Go struct declared in the host package (its Go
//!   field types from the Rust ones).
//!   A parameter is read with its runtime type (`value::read_deref`), a result written
//!   with it (`value::write_value`); the runtime type is the one the native function's
//!   Go signature has (`Function::sig`, found through `Vm::native_func`).
//!
//! Invariant: a type's `go_type` is how the host package's source spells it, and its
//! `go_decls` declare every named type that spelling uses, so the generated package
//! type-checks; `read` consumes and `write` produces exactly the frame words of that Go
//! type.

use crate::value::{FromValue, Value};
#[doc(hidden)]
pub use gosub_vm::{Args, Trap};
use std::collections::HashMap;
use std::hash::Hash;

/// A Rust type with a Go counterpart.
pub trait GoType {
    /// The Go type as the host package's source writes it (`int64`, `[]string`, `*Point`).
    fn go_type() -> String;
    /// Declarations of the named types `go_type` uses (a `go_struct!`'s `type Point
    /// struct { ... }`), for the host package.
    #[doc(hidden)]
    fn go_decls(_out: &mut Vec<String>) {}
}

/// A Rust type usable as a host function parameter.
pub trait GoParam: GoType + Sized {
    /// Reads parameter `i` of the running native (function `func`).
    #[doc(hidden)]
    fn read(a: &mut Args, func: u32, i: usize) -> Result<Self, Trap>;
}

/// A Rust type usable as a host function's (value) result.
pub trait GoValue: GoType {
    /// Writes result `i` of the running native (function `func`).
    #[doc(hidden)]
    fn write(self, a: &mut Args, func: u32, i: usize) -> Result<(), Trap>;
    #[doc(hidden)]
    fn write_zero(a: &mut Args, func: u32, i: usize) -> Result<(), Trap>;
}

/// Integers: the word's low bits, as Go's narrow integers are passed (one word each).
macro_rules! ints {
    ($($t:ty => $go:literal),*) => {$(
        impl GoType for $t {
            fn go_type() -> String {
                $go.into()
            }
        }
        impl GoParam for $t {
            fn read(a: &mut Args, _: u32, _: usize) -> Result<Self, Trap> {
                Ok(a.int()? as $t)
            }
        }
        impl GoValue for $t {
            fn write(self, a: &mut Args, _: u32, _: usize) -> Result<(), Trap> {
                a.ret_int(self as i64)
            }
            fn write_zero(a: &mut Args, _: u32, _: usize) -> Result<(), Trap> {
                a.ret_int(0)
            }
        }
    )*};
}
ints!(i8 => "int8", i16 => "int16", i32 => "int32", i64 => "int64", isize => "int",
    u8 => "uint8", u16 => "uint16", u32 => "uint32", u64 => "uint64", usize => "uint");

/// The other scalars: how each is read and written.
macro_rules! scalar {
    ($t:ty, $go:literal, |$a:ident| $read:expr, |$w:ident, $v:ident| $write:expr, $zero:expr) => {
        impl GoType for $t {
            fn go_type() -> String {
                $go.into()
            }
        }
        impl GoParam for $t {
            fn read($a: &mut Args, _: u32, _: usize) -> Result<Self, Trap> {
                $read
            }
        }
        impl GoValue for $t {
            fn write(self, $w: &mut Args, _: u32, _: usize) -> Result<(), Trap> {
                let $v = self;
                $write
            }
            fn write_zero($w: &mut Args, f: u32, i: usize) -> Result<(), Trap> {
                <$t as GoValue>::write($zero, $w, f, i)
            }
        }
    };
}
scalar!(f64, "float64", |a| a.f64(), |a, v| a.ret_f64(v), 0.0);
scalar!(f32, "float32", |a| a.f32(), |a, v| a.ret_f32(v), 0.0);
scalar!(
    bool,
    "bool",
    |a| Ok(a.int()? & 0xff != 0),
    |a, v| a.ret_bool(v),
    false
);
scalar!(
    String,
    "string",
    |a| Ok(String::from_utf8_lossy(&a.string()?).into_owned()),
    |a, v| a.ret_string(v.as_bytes()),
    String::new()
);

/// The runtime type of parameter `i` of native function `func`.
pub(crate) fn param_rtype(a: &Args, func: u32, i: usize) -> Result<u32, Trap> {
    rtype_of(a, func, i, false)
}

/// The runtime type of parameter (or, with `result`, result) `i` of native function
/// `func`.
fn rtype_of(a: &Args, func: u32, i: usize, result: bool) -> Result<u32, Trap> {
    let prog = &a.vm.prog;
    prog.funcs
        .get(func as usize)
        .and_then(|f| f.sig)
        .and_then(|s| prog.signatures.get(s as usize))
        .and_then(|s| {
            if result {
                s.results.get(i)
            } else {
                s.params.get(i)
            }
        })
        .copied()
        .ok_or_else(|| Trap::Fatal("host function without a signature".into()))
}

/// Reads a composite parameter as a `Value`, then converts it.
fn read_composite<T: FromValue>(a: &mut Args, func: u32, i: usize) -> Result<T, Trap> {
    let t = rtype_of(a, func, i, false)?;
    let prog = a.vm.prog.clone();
    let size = prog.rtypes[t as usize].size;
    let addr = a.addr(size);
    let v = crate::value::read_deref(a.vm, &prog, t, addr)?;
    T::from_value(v).map_err(|e| Trap::PanicString(format!("host function argument: {}", e)))
}

/// Writes a composite result from its `Value`.
fn write_composite(a: &mut Args, func: u32, i: usize, v: Value) -> Result<(), Trap> {
    let t = rtype_of(a, func, i, true)?;
    let prog = a.vm.prog.clone();
    let size = prog.rtypes[t as usize].size;
    let addr = a.addr(size);
    crate::value::write_value(a.vm, &prog, t, addr, &v, 0)
        .map_err(|e| Trap::PanicString(format!("host function result: {}", e)))
}

/// Composite types: a Go spelling, `FromValue` to read, `Into<Value>` to write.
macro_rules! composite {
    (impl<$($g:ident),*> for $t:ty where $($bounds:tt)*) => {
        impl<$($g),*> GoParam for $t where $($bounds)* {
            fn read(a: &mut Args, func: u32, i: usize) -> Result<Self, Trap> {
                read_composite(a, func, i)
            }
        }
        impl<$($g),*> GoValue for $t where $($bounds)* {
            fn write(self, a: &mut Args, func: u32, i: usize) -> Result<(), Trap> {
                write_composite(a, func, i, self.into())
            }
            fn write_zero(a: &mut Args, func: u32, i: usize) -> Result<(), Trap> {
                write_composite(a, func, i, Value::Nil)
            }
        }
    };
}

impl<T: GoType> GoType for Vec<T> {
    fn go_type() -> String {
        match T::go_type().as_str() {
            "uint8" => "[]byte".into(),
            e => format!("[]{}", e),
        }
    }
    fn go_decls(out: &mut Vec<String>) {
        T::go_decls(out)
    }
}
composite!(impl<T> for Vec<T> where T: GoType + FromValue + Into<Value>);

impl<K: GoType, V: GoType> GoType for HashMap<K, V> {
    fn go_type() -> String {
        format!("map[{}]{}", K::go_type(), V::go_type())
    }
    fn go_decls(out: &mut Vec<String>) {
        K::go_decls(out);
        V::go_decls(out);
    }
}
composite!(impl<K, V> for HashMap<K, V> where
    K: GoType + FromValue + Into<Value> + Eq + Hash,
    V: GoType + FromValue + Into<Value>);

impl<T: GoType> GoType for Option<T> {
    fn go_type() -> String {
        format!("*{}", T::go_type())
    }
    fn go_decls(out: &mut Vec<String>) {
        T::go_decls(out)
    }
}
composite!(impl<T> for Option<T> where T: GoType + FromValue + Into<Value>);

/// The Go type of a struct field, from a projection (`go_struct!` names no field types).
#[doc(hidden)]
pub fn field_type<S, F: GoType>(_: fn(&S) -> &F) -> String {
    F::go_type()
}

/// `go_decls` of a struct field's type.
#[doc(hidden)]
pub fn field_decls<S, F: GoType>(_: fn(&S) -> &F, out: &mut Vec<String>) {
    F::go_decls(out)
}

/// Reads a `go_struct!` parameter.
#[doc(hidden)]
pub fn read_struct<T: FromValue>(a: &mut Args, func: u32, i: usize) -> Result<T, Trap> {
    read_composite(a, func, i)
}

/// Writes a `go_struct!` result.
#[doc(hidden)]
pub fn write_struct(a: &mut Args, func: u32, i: usize, v: Value) -> Result<(), Trap> {
    write_composite(a, func, i, v)
}

/// Go `any`: a value of any type, as the host receives an eval result
/// (`handle::any_value`): a pointer, func or chan as a `Value::Ref` that keeps it alive,
/// anything else copied; nil is `Value::Nil`.
impl GoType for Value {
    fn go_type() -> String {
        "any".into()
    }
}
impl GoParam for Value {
    fn read(a: &mut Args, _: u32, _: usize) -> Result<Self, Trap> {
        let at = a.addr(16);
        crate::handle::any_value(a.vm, at, false)
    }
}
/// As a result: the Go value of the type each variant maps to (`value::write_any`: an
/// `Int` is an `int`, a `String` a `string`, a `Ref` the value it holds, `Nil` a nil
/// `any`); a slice, map or struct `Value` is a Go panic in the caller, since it names no Go
/// type.
impl GoValue for Value {
    fn write(self, a: &mut Args, _: u32, _: usize) -> Result<(), Trap> {
        let at = a.addr(16);
        crate::value::write_any(a.vm, at, &self)
            .map_err(|e| Trap::PanicString(format!("host function result: {e}")))
    }
    fn write_zero(a: &mut Args, _: u32, _: usize) -> Result<(), Trap> {
        let at = a.addr(16);
        Ok(a.vm.heap.fill_zero(at, 16)?)
    }
}

/// Go `any` too, held as a handle on the value itself, whatever its type (a nil `any` is
/// refused with a Go panic). As a result, the value the handle holds.
impl GoType for crate::handle::GoRef {
    fn go_type() -> String {
        "any".into()
    }
}
impl GoParam for crate::handle::GoRef {
    fn read(a: &mut Args, _: u32, _: usize) -> Result<Self, Trap> {
        let at = a.addr(16);
        match crate::handle::any_value(a.vm, at, true)? {
            Value::Ref(r) => Ok(r),
            Value::Nil => Err(Trap::PanicString(
                "host function argument: a nil interface has no GoRef".into(),
            )),
            _ => Err(Trap::PanicString(
                "host function argument: a GoRef needs an eval session".into(),
            )),
        }
    }
}
impl GoValue for crate::handle::GoRef {
    fn write(self, a: &mut Args, _: u32, _: usize) -> Result<(), Trap> {
        let at = a.addr(16);
        let data = crate::handle::ref_data(a.vm, &self)?;
        a.vm.heap.write_u64(at, self.itab())?;
        Ok(a.vm.heap.write_u64(at + 8, data)?)
    }
    fn write_zero(a: &mut Args, _: u32, _: usize) -> Result<(), Trap> {
        let at = a.addr(16);
        Ok(a.vm.heap.fill_zero(at, 16)?)
    }
}
