//! Rust structs as Go structs: the `GoStruct` trait and the `go_struct!` macro that
//! implements it (and `FromValue` / `Into<Value>`) for a plain Rust struct;
//! `#[derive(GoStruct)]` (crates/derive) writes the `go_struct!` call.
//!
//! ```
//! #[derive(Debug, PartialEq)]
//! struct Point { x: i64, y: i64 }
//! gosub::go_struct!(Point { x: "X", y: "Y" });
//!
//! let mut vm = gosub::Vm::new();
//! vm.eval("type Point struct { X, Y int }").unwrap();
//! vm.eval("func Scale(p Point, k int) Point { return Point{p.X * k, p.Y * k} }").unwrap();
//! let p: Point = gosub::FromValue::from_value(
//!     vm.call("Scale", &[Point { x: 1, y: 2 }.into(), 3.into()]).unwrap(),
//! ).unwrap();
//! assert_eq!(p, Point { x: 3, y: 6 });
//! ```
//!
//! Invariant: a conversion error names the Go field, the Go value's kind and the Rust
//! field's type (`field Y of main.Point: cannot convert a Go string ... to Rust i64`).

use crate::error::Error;
use crate::value::Value;

/// A Rust struct that converts to and from a Go struct value field by field (by Go field
/// name). Implement it with `#[derive(GoStruct)]` or `go_struct!`.
pub trait GoStruct: Sized {
    /// The Rust type's name, for error messages.
    const RUST_NAME: &'static str;
    /// (Go field name, value) pairs in the Go struct's field order.
    fn to_fields(self) -> Vec<(String, Value)>;
    /// Builds the struct from a Go struct's fields.
    fn from_fields(type_name: &str, fields: Vec<(String, Value)>) -> Result<Self, Error>;
}

/// Takes Go field `go` out of `fields` and converts it to the Rust field's type.
#[doc(hidden)]
pub fn take_field<T: crate::value::FromValue>(
    type_name: &str,
    fields: &mut Vec<(String, Value)>,
    go: &str,
) -> Result<T, Error> {
    let i = fields.iter().position(|(n, _)| n == go).ok_or_else(|| {
        Error::Conversion(format!(
            "Go type {} has no field {} (Rust {} needs it)",
            type_name,
            go,
            T::RUST_TYPE
        ))
    })?;
    let (_, v) = fields.swap_remove(i);
    T::from_value(v).map_err(|e| match e {
        Error::Conversion(m) => Error::Conversion(format!("field {} of {}: {}", go, type_name, m)),
        e => e,
    })
}

/// Implements `GoStruct`, `FromValue` and `From<T> for Value` for a Rust struct:
/// `go_struct!(Point { x: "X", y: "Y" })` maps Rust field `x` to Go field `X`. Every field's
/// type must implement `FromValue`, `Into<Value>` and `GoType` (numbers, bool, String, Vec,
/// HashMap, Option, other `go_struct!` types). The struct is also a host function
/// parameter and result type (`host_types.rs`): the host package declares
/// `type Point struct { X int64; Y int64 }` (Go field types from the Rust ones).
#[macro_export]
macro_rules! go_struct {
    ($t:ident { $($field:ident : $go:literal),* $(,)? }) => {
        impl $crate::go_struct::GoStruct for $t {
            const RUST_NAME: &'static str = stringify!($t);
            fn to_fields(self) -> Vec<(String, $crate::Value)> {
                vec![$(($go.to_string(), $crate::Value::from(self.$field))),*]
            }
            #[allow(unused_mut, unused_variables)]
            fn from_fields(
                type_name: &str,
                mut fields: Vec<(String, $crate::Value)>,
            ) -> Result<Self, $crate::Error> {
                Ok($t {
                    $($field: $crate::go_struct::take_field(type_name, &mut fields, $go)?,)*
                })
            }
        }
        impl $crate::FromValue for $t {
            const RUST_TYPE: &'static str = stringify!($t);
            fn from_value(v: $crate::Value) -> Result<Self, $crate::Error> {
                match v {
                    $crate::Value::Struct { type_name, fields } => {
                        <$t as $crate::go_struct::GoStruct>::from_fields(&type_name, fields)
                    }
                    other => Err($crate::Error::Conversion(format!(
                        "cannot convert a Go {} to Rust {} (a struct)",
                        other.kind_name(),
                        stringify!($t)
                    ))),
                }
            }
        }
        impl From<$t> for $crate::Value {
            fn from(v: $t) -> $crate::Value {
                $crate::Value::Struct {
                    type_name: stringify!($t).to_string(),
                    fields: $crate::go_struct::GoStruct::to_fields(v),
                }
            }
        }
        // As a host function's parameter or result: a struct type of the host package.
        impl $crate::host_types::GoType for $t {
            fn go_type() -> String {
                stringify!($t).to_string()
            }
            fn go_decls(out: &mut Vec<String>) {
                #[allow(unused_mut)]
                let mut d = format!("type {} struct {{\n", stringify!($t));
                $(d.push_str(&format!(
                    "\t{} {}\n",
                    $go,
                    $crate::host_types::field_type(|s: &$t| &s.$field)
                ));)*
                d.push_str("}\n");
                if !out.contains(&d) {
                    out.push(d);
                    $($crate::host_types::field_decls(|s: &$t| &s.$field, out);)*
                }
            }
        }
        impl $crate::host_types::GoParam for $t {
            fn read(
                a: &mut $crate::host_types::Args,
                func: u32,
                i: usize,
            ) -> Result<Self, $crate::host_types::Trap> {
                $crate::host_types::read_struct(a, func, i)
            }
        }
        impl $crate::host_types::GoValue for $t {
            fn write(
                self,
                a: &mut $crate::host_types::Args,
                func: u32,
                i: usize,
            ) -> Result<(), $crate::host_types::Trap> {
                $crate::host_types::write_struct(a, func, i, self.into())
            }
            fn write_zero(
                a: &mut $crate::host_types::Args,
                func: u32,
                i: usize,
            ) -> Result<(), $crate::host_types::Trap> {
                $crate::host_types::write_struct(a, func, i, $crate::Value::Nil)
            }
        }
    };
}
