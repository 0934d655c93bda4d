//! Go func values passed to host functions: `GoFunc<A, R>` is a Go `func(A...) R`
//! parameter, called back through the `HostCtx` of the same call
//! (`ctx.call_func(&f, (1, "x".to_string()))`).
//!
//! Invariant: a `GoFunc` is the closure's address, valid while the host function it was
//! passed to runs (the collector is off while a native runs, and the caller's frame keeps
//! the closure alive); it records that invocation (`Vm::native_calls` at its start), and a
//! call through the context of any other invocation is refused, never a stale call.

use crate::error::Error;
use crate::host_types::{Args, GoParam, GoType, Trap};
use crate::value::{FromValue, Value};
use gosub_heap::Addr;
use std::marker::PhantomData;

/// The arguments of a Go func called from Rust: a tuple of up to 4 values with Go
/// counterparts (`()` for none).
pub trait GoFuncArgs {
    #[doc(hidden)]
    fn go_types() -> Vec<String>;
    #[doc(hidden)]
    fn go_decls(_out: &mut Vec<String>) {}
    #[doc(hidden)]
    fn into_values(self) -> Vec<Value>;
}

macro_rules! func_args {
    ($($a:ident),*) => {
        impl<$($a: GoType + Into<Value>),*> GoFuncArgs for ($($a,)*) {
            fn go_types() -> Vec<String> {
                vec![$($a::go_type()),*]
            }
            #[allow(unused_variables)]
            fn go_decls(out: &mut Vec<String>) {
                $($a::go_decls(out);)*
            }
            #[allow(non_snake_case)]
            fn into_values(self) -> Vec<Value> {
                let ($($a,)*) = self;
                vec![$($a.into()),*]
            }
        }
    };
}
func_args!();
func_args!(A0);
func_args!(A0, A1);
func_args!(A0, A1, A2);
func_args!(A0, A1, A2, A3);

/// The result of a Go func called from Rust: `()` or one value with a Go counterpart.
pub trait GoFuncResult: Sized {
    #[doc(hidden)]
    fn go_results() -> String;
    #[doc(hidden)]
    fn go_decls(_out: &mut Vec<String>) {}
    #[doc(hidden)]
    fn from_values(vs: Vec<Value>) -> Result<Self, Error>;
}

impl GoFuncResult for () {
    fn go_results() -> String {
        String::new()
    }
    fn from_values(_: Vec<Value>) -> Result<Self, Error> {
        Ok(())
    }
}

impl<T: GoType + FromValue> GoFuncResult for T {
    fn go_results() -> String {
        format!(" {}", T::go_type())
    }
    fn go_decls(out: &mut Vec<String>) {
        T::go_decls(out)
    }
    fn from_values(mut vs: Vec<Value>) -> Result<Self, Error> {
        T::from_value(if vs.is_empty() {
            Value::Nil
        } else {
            vs.remove(0)
        })
    }
}

/// A Go func value a host function was passed (see the module comment).
pub struct GoFunc<A, R> {
    pub(crate) clo: Addr,
    /// The runtime type of the func (its parameter and result types).
    pub(crate) rtype: u32,
    /// The host function invocation it was passed to.
    pub(crate) call: u64,
    _sig: PhantomData<fn(A) -> R>,
}

impl<A, R> GoFunc<A, R> {
    /// Is it nil (a Go nil func)?
    pub fn is_nil(&self) -> bool {
        self.clo == 0
    }
}

impl<A: GoFuncArgs, R: GoFuncResult> GoType for GoFunc<A, R> {
    fn go_type() -> String {
        format!("func({}){}", A::go_types().join(", "), R::go_results())
    }
    fn go_decls(out: &mut Vec<String>) {
        A::go_decls(out);
        R::go_decls(out);
    }
}

impl<A: GoFuncArgs, R: GoFuncResult> GoParam for GoFunc<A, R> {
    fn read(a: &mut Args, func: u32, i: usize) -> Result<Self, Trap> {
        let rtype = crate::host_types::param_rtype(a, func, i)?;
        let clo = a.int()? as u64;
        Ok(GoFunc {
            clo,
            rtype,
            call: a.vm.native_calls,
            _sig: PhantomData,
        })
    }
}
