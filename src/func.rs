//! Prepared calls: a Go function of the eval session resolved once (`Vm::func`) and then
//! called from Rust any number of times with nothing compiled (`Func::call`), where
//! `Vm::call` writes and compiles a Go call expression each time.
//!
//! ```
//! let mut vm = gosub::Vm::new();
//! vm.eval("func Add(a int, b int) int { return a + b }").unwrap();
//! let add = vm.func::<(i64, i64), i64>("Add").unwrap();
//! assert_eq!(add.call(&mut vm, (2, 3)).unwrap(), 5);
//! ```
//!
//! A call runs the function as the session's main goroutine, as an input does: goroutines
//! it starts run until it returns, a panic is an `Error::Runtime` with Go's report, and the
//! VM is ready for the next call or input afterwards.
//!
//! Invariants:
//! - A `Func` belongs to the session it was prepared in; after `Vm::reset` (a new session)
//!   calling it is a usage error, never a call of whatever now has its index. Function
//!   indices are stable for the life of a session (inputs only add functions).
//! - Arguments and results convert as `go_call.rs` says: integers, floats, bools, strings
//!   and `GoRef`s go in; results come back as `read_value` copies them (`FromValue`).

use crate::error::Error;
use crate::go_call::Target;
use crate::value::{FromValue, Value};
use crate::vm::Vm;
use std::marker::PhantomData;

/// A Go function prepared for calls from Rust with arguments `A` (a tuple of types that
/// convert into `Value`: `()`, `(i64,)`, `(i64, String)`, ...) and result `R`.
pub struct Func<A, R> {
    target: Target,
    session: u64,
    _sig: PhantomData<fn(A) -> R>,
}

impl<A: FuncArgs, R: FromValue> Func<A, R> {
    /// Calls the function in `vm` (the VM it was prepared in).
    pub fn call(&self, vm: &mut Vm, args: A) -> Result<R, Error> {
        let v = vm.call_prepared(&self.target, self.session, &args.into_values())?;
        R::from_value(v).map_err(|e| match e {
            Error::Conversion(m) => Error::Conversion(format!("{}: {}", self.target.qual, m)),
            e => e,
        })
    }

    /// The function's qualified name (`main.Add`).
    pub fn name(&self) -> &str {
        &self.target.qual
    }
}

impl<A, R> Func<A, R> {
    pub(crate) fn new(target: Target, session: u64) -> Self {
        Func {
            target,
            session,
            _sig: PhantomData,
        }
    }

    /// How many parameters the Go function takes (checked against `A` when prepared).
    pub(crate) fn arity(&self) -> usize {
        self.target.params.len()
    }
}

/// The arguments of a prepared call: a tuple of up to eight values.
pub trait FuncArgs {
    /// How many arguments the tuple holds.
    const LEN: usize;
    fn into_values(self) -> Vec<Value>;
}

impl FuncArgs for () {
    const LEN: usize = 0;
    fn into_values(self) -> Vec<Value> {
        Vec::new()
    }
}

macro_rules! func_args {
    ($n:expr; $($t:ident $i:tt),+) => {
        impl<$($t: Into<Value>),+> FuncArgs for ($($t,)+) {
            const LEN: usize = $n;
            fn into_values(self) -> Vec<Value> {
                vec![$(self.$i.into()),+]
            }
        }
    };
}
func_args!(1; A 0);
func_args!(2; A 0, B 1);
func_args!(3; A 0, B 1, C 2);
func_args!(4; A 0, B 1, C 2, D 3);
func_args!(5; A 0, B 1, C 2, D 3, E 4);
func_args!(6; A 0, B 1, C 2, D 3, E 4, F 5);
func_args!(7; A 0, B 1, C 2, D 3, E 4, F 5, G 6);
func_args!(8; A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);
