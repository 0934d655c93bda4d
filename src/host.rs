//! Host functions: Rust closures callable from Go as `pkg.Name(...)`.
//!
//! `Vm::register_fn("host", "Add", |a: i64, b: i64| a + b)` generates Go source for package
//! `host` — `func Add(a0 int64, a1 int64) int64` without body — and binds that declaration
//! to a closure native that reads the parameters from the frame, calls the closure and
//! writes the result. The Go signature is derived from the closure's types, so scripts are
//! type-checked against it. A closure returning `Result<T, E: Display>` appears in Go as
//! returning `(T, error)`: the native returns (value, message, failed) and a small generated
//! Go wrapper turns a failure into `errors.New(message)`.

use crate::error::Error;
use crate::value::Value;
use gosub_bytecode::program::RKind;
use gosub_heap::Addr;
use gosub_vm::{Args, NativeClosure, Trap, Vm as RawVm};
use std::fmt::Display;
use std::sync::Arc;

use crate::go_func::{GoFunc, GoFuncArgs, GoFuncResult};
pub use crate::host_types::{GoParam, GoType, GoValue};

/// A Rust type usable as a host function result.
pub trait GoResult {
    /// Go result types of the native (value-less results are empty).
    #[doc(hidden)]
    fn native_results() -> Vec<String>;
    /// The Go result list of the public function (`int64`, `(int64, error)`, `error`, ``).
    #[doc(hidden)]
    fn go_results() -> String;
    /// Declarations of the named types the results use.
    #[doc(hidden)]
    fn go_decls(_out: &mut Vec<String>) {}
    /// Does the native return (value..., message, failed)?
    #[doc(hidden)]
    const FALLIBLE: bool;
    /// Writes the results of the running native (function `func`).
    #[doc(hidden)]
    fn write(self, a: &mut Args, func: u32) -> Result<(), Trap>;
}

impl<T: GoValue> GoResult for T {
    fn native_results() -> Vec<String> {
        vec![T::go_type()]
    }
    fn go_results() -> String {
        T::go_type()
    }
    fn go_decls(out: &mut Vec<String>) {
        T::go_decls(out)
    }
    const FALLIBLE: bool = false;
    fn write(self, a: &mut Args, func: u32) -> Result<(), Trap> {
        GoValue::write(self, a, func, 0)
    }
}

impl GoResult for () {
    fn native_results() -> Vec<String> {
        Vec::new()
    }
    fn go_results() -> String {
        String::new()
    }
    const FALLIBLE: bool = false;
    fn write(self, _: &mut Args, _: u32) -> Result<(), Trap> {
        Ok(())
    }
}

impl<T: GoValue, E: Display> GoResult for Result<T, E> {
    fn native_results() -> Vec<String> {
        vec![T::go_type(), "string".into(), "bool".into()]
    }
    fn go_results() -> String {
        format!("({}, error)", T::go_type())
    }
    fn go_decls(out: &mut Vec<String>) {
        T::go_decls(out)
    }
    const FALLIBLE: bool = true;
    fn write(self, a: &mut Args, func: u32) -> Result<(), Trap> {
        match self {
            Ok(v) => {
                v.write(a, func, 0)?;
                a.ret_string(b"")?;
                a.ret_bool(false)
            }
            Err(e) => {
                T::write_zero(a, func, 0)?;
                a.ret_string(e.to_string().as_bytes())?;
                a.ret_bool(true)
            }
        }
    }
}

impl<E: Display> GoResult for Result<(), E> {
    fn native_results() -> Vec<String> {
        vec!["string".into(), "bool".into()]
    }
    fn go_results() -> String {
        "error".into()
    }
    const FALLIBLE: bool = true;
    fn write(self, a: &mut Args, _: u32) -> Result<(), Trap> {
        match self {
            Ok(()) => {
                a.ret_string(b"")?;
                a.ret_bool(false)
            }
            Err(e) => {
                a.ret_string(e.to_string().as_bytes())?;
                a.ret_bool(true)
            }
        }
    }
}

/// A closure usable as a host function: `Fn(A0, ..., An) -> R` for up to 8 parameters,
/// each a type with a Go counterpart (`GoParam`: every integer width — `isize`/`usize` are
/// Go's `int`/`uint` —, `f32`, `f64`, `bool`, `String`, `Vec<u8>` as `[]byte`), returning
/// one of those, `()` or `Result<T, E>`.
pub trait HostFn<Marker>: Send + Sync + 'static {
    #[doc(hidden)]
    fn sig() -> HostSig;
    #[doc(hidden)]
    fn invoke(&self, a: &mut Args) -> Result<(), Trap>;
}

/// What a host function registered with `Vm::register_fn_ctx` gets first: a way to call
/// back into the Go program that called it.
pub struct HostCtx<'a> {
    vm: &'a mut RawVm,
    /// This host function invocation (`Vm::native_calls` when it started): the `GoFunc`s
    /// it was passed are callable through this context only.
    call: u64,
    /// A Go panic (or other trap) raised by a callback: it continues once the host function
    /// returns, as a panic would unwind through a Go function.
    pending: Option<Trap>,
}

impl HostCtx<'_> {
    /// Calls the package-level Go function `name` (`Double`, or qualified `main.Double`)
    /// with `args` and returns its result (`Value::Tuple` for several, `Nil` for none).
    /// A standard-library function is there only if the program's own code can reach it
    /// (a one-shot compilation loads no other library code: `src/reachable.rs`).
    /// Parameters may be integers, floats, bools and strings, and `GoRef`s of pointer,
    /// func, chan and map type. If the callback panics, the error says so and the panic
    /// goes on through the caller once the host function returns.
    pub fn call(&mut self, name: &str, args: &[Value]) -> Result<Value, Error> {
        if self.pending.is_some() {
            return Err(Error::Usage("an earlier callback panicked".into()));
        }
        let prog = self.vm.prog.clone();
        let target = crate::go_call::Target::find(&prog, name)?;
        let bytes = target.param_bytes(self.vm, &prog, args)?;
        let qual = target.qual.clone();
        // The results are read in the callee's frame, before its stack segment is released.
        let read = |vm: &mut RawVm, fp: u64| target.read_results(vm, &prog, fp);
        let vals = match gosub_vm::call::call_sync_then(self.vm, target.func, &bytes, read) {
            Ok(v) => v?,
            Err(t) => {
                let msg = format!("callback {} did not return: {:?}", qual, t);
                self.pending = Some(t);
                return Err(Error::Usage(msg));
            }
        };
        Ok(crate::go_call::one_value(vals))
    }
}

impl HostCtx<'_> {
    /// Calls the Go func value `f` this host function was passed (a `GoFunc` parameter)
    /// with `args`, and returns its result. A panic in it is as for `call`.
    pub fn call_func<A: GoFuncArgs, R: GoFuncResult>(
        &mut self,
        f: &GoFunc<A, R>,
        args: A,
    ) -> Result<R, Error> {
        if self.pending.is_some() {
            return Err(Error::Usage("an earlier callback panicked".into()));
        }
        if f.call != self.call {
            return Err(Error::Usage(
                "a Go func passed to a host function can be called only while that call runs"
                    .into(),
            ));
        }
        if f.clo == 0 {
            return Err(Error::Usage("call of a nil Go func".into()));
        }
        let prog = self.vm.prog.clone();
        let Some(rt) = prog.rtypes.get(f.rtype as usize) else {
            return Err(Error::Usage("not a Go func".into()));
        };
        let (params, results) = (rt.params.clone(), rt.results.clone());
        let vals = args.into_values();
        let callee = self.vm.heap.read_u64(f.clo).unwrap_or(u64::MAX);
        let Some((results_off, params_size)) =
            (prog.funcs.get(callee as usize)).map(|c| (c.results_off, c.params_size as usize))
        else {
            return Err(Error::Usage("not a Go func".into()));
        };
        let write = |vm: &mut RawVm, fp: Addr| -> Result<(), Trap> {
            // The callee's parameter words may hold what an earlier call left: zero them
            // (what `write_value` leaves out is the zero value), and write integers and
            // bools as whole words, extended, as registers hold them.
            vm.heap.fill_zero(fp, params_size.next_multiple_of(8))?;
            let mut off = 0;
            for (v, &t) in vals.iter().zip(&params) {
                off = u64::next_multiple_of(off, 8);
                let word = match v {
                    Value::Int(i) => Some(*i as u64),
                    Value::Uint(u) => Some(*u),
                    Value::Bool(b) => Some(*b as u64),
                    _ => None,
                };
                let rt = &prog.rtypes[t as usize];
                match word {
                    Some(w) if rt.size < 8 && rt.kind != RKind::Float32 => {
                        vm.heap.write_u64(fp + off, w)?
                    }
                    _ => crate::value::write_value(vm, &prog, t, fp + off, v, 0)
                        .map_err(Trap::PanicString)?,
                }
                off += rt.size;
            }
            Ok(())
        };
        let read = |vm: &mut RawVm, fp: Addr| -> Result<Vec<Value>, Trap> {
            let mut off = fp + results_off as u64;
            let mut out = Vec::new();
            for &t in &results {
                off = off.next_multiple_of(8);
                out.push(crate::value::read_value(vm, &prog, t, off, 0)?);
                off += prog.rtypes[t as usize].size;
            }
            Ok(out)
        };
        match gosub_vm::call::call_closure_then(self.vm, f.clo, write, read) {
            Ok(Ok(vals)) => R::from_values(vals),
            Ok(Err(t)) | Err(t) => {
                let msg = format!("the Go func did not return: {:?}", t);
                self.pending = Some(t);
                Err(Error::Usage(msg))
            }
        }
    }
}

/// A closure usable with `Vm::register_fn_ctx`: `Fn(&mut HostCtx, A0, ..., An) -> R`,
/// with the parameters and results `HostFn` allows.
pub trait HostFnCtx<Marker>: Send + Sync + 'static {
    #[doc(hidden)]
    fn sig() -> HostSig;
    #[doc(hidden)]
    fn invoke(&self, vm: &mut RawVm, fp: Addr) -> Result<(), Trap>;
}

/// The Go signature of a host function, derived from its closure's types.
#[doc(hidden)]
#[derive(Clone, Debug)]
pub struct HostSig {
    params: Vec<String>,
    native_results: Vec<String>,
    go_results: String,
    fallible: bool,
    /// Declarations of the named types the signature uses (`go_struct!` types).
    decls: Vec<String>,
}

impl HostSig {
    #[doc(hidden)]
    pub fn of<R: GoResult>(params: Vec<String>, mut decls: Vec<String>) -> HostSig {
        R::go_decls(&mut decls);
        HostSig {
            params,
            native_results: R::native_results(),
            go_results: R::go_results(),
            fallible: R::FALLIBLE,
            decls,
        }
    }
}

macro_rules! host_fn_ctx {
    ($($p:ident),*) => {
        impl<F, R, $($p,)*> HostFnCtx<(HostCtx<'static>, $($p,)* R,)> for F
        where
            F: for<'c> Fn(&mut HostCtx<'c>, $($p),*) -> R + Send + Sync + 'static,
            R: GoResult,
            $($p: GoParam,)*
        {
            fn sig() -> HostSig {
                #[allow(unused_mut)]
                let mut decls = Vec::new();
                $($p::go_decls(&mut decls);)*
                HostSig::of::<R>(vec![$($p::go_type()),*], decls)
            }
            #[allow(non_snake_case, unused_variables, unused_mut, unused_assignments)]
            fn invoke(&self, vm: &mut RawVm, fp: Addr) -> Result<(), Trap> {
                // (A callback may run other natives: this one's function is read first.)
                let func = vm.native_func;
                let mut a = Args::new(vm, fp);
                let mut i = 0;
                $(let $p = $p::read(&mut a, func, i)?; i += 1;)*
                let params = a.consumed();
                let call = vm.native_calls;
                let mut ctx = HostCtx { vm, call, pending: None };
                let r = (self)(&mut ctx, $($p),*);
                if let Some(t) = ctx.pending.take() {
                    return Err(t);
                }
                let mut a = Args::new(vm, fp);
                a.skip(params);
                r.write(&mut a, func)
            }
        }
    };
}
host_fn_ctx!();
host_fn_ctx!(A0);
host_fn_ctx!(A0, A1);
host_fn_ctx!(A0, A1, A2);
host_fn_ctx!(A0, A1, A2, A3);
host_fn_ctx!(A0, A1, A2, A3, A4);
host_fn_ctx!(A0, A1, A2, A3, A4, A5);
host_fn_ctx!(A0, A1, A2, A3, A4, A5, A6);
host_fn_ctx!(A0, A1, A2, A3, A4, A5, A6, A7);

macro_rules! host_fn {
    ($($p:ident),*) => {
        impl<F, R, $($p,)*> HostFn<($($p,)* R,)> for F
        where
            F: Fn($($p),*) -> R + Send + Sync + 'static,
            R: GoResult,
            $($p: GoParam,)*
        {
            fn sig() -> HostSig {
                #[allow(unused_mut)]
                let mut decls = Vec::new();
                $($p::go_decls(&mut decls);)*
                HostSig::of::<R>(vec![$($p::go_type()),*], decls)
            }
            #[allow(non_snake_case, unused_variables, unused_mut, unused_assignments)]
            fn invoke(&self, a: &mut Args) -> Result<(), Trap> {
                let func = a.vm.native_func;
                let mut i = 0;
                $(let $p = $p::read(a, func, i)?; i += 1;)*
                (self)($($p),*).write(a, func)
            }
        }
    };
}
host_fn!();
host_fn!(A0);
host_fn!(A0, A1);
host_fn!(A0, A1, A2);
host_fn!(A0, A1, A2, A3);
host_fn!(A0, A1, A2, A3, A4);
host_fn!(A0, A1, A2, A3, A4, A5);
host_fn!(A0, A1, A2, A3, A4, A5, A6);
host_fn!(A0, A1, A2, A3, A4, A5, A6, A7);

/// Runs host function `who`: a Rust panic in it becomes a Go panic in the calling goroutine
/// (a string value, `host function host.F panicked: MESSAGE`, which Go's `recover` sees),
/// instead of unwinding through the interpreter into the embedding program. What the
/// closure had changed of its own state before panicking is the host's to judge, as after
/// any `catch_unwind`; the VM's state is consistent (a host function reaches it only
/// through `HostCtx::call`, which has returned). The process's panic hook still runs.
fn guarded(who: &str, run: impl FnOnce() -> Result<(), Trap>) -> Result<(), Trap> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
        Ok(r) => r,
        Err(payload) => {
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "(a non-string panic value)".into());
            Err(Trap::PanicString(format!(
                "host function {who} panicked: {msg}"
            )))
        }
    }
}

/// One registered host function.
#[derive(Clone)]
pub(crate) struct HostEntry {
    pub pkg: String,
    pub name: String,
    pub sig: HostSig,
    pub native: NativeClosure,
}

impl HostEntry {
    pub fn new_ctx<M, F: HostFnCtx<M>>(pkg: &str, name: &str, f: F) -> HostEntry {
        let f = Arc::new(f);
        let who = format!("{pkg}.{name}");
        let native: NativeClosure =
            Arc::new(move |vm: &mut RawVm, fp: Addr| guarded(&who, || f.invoke(vm, fp)));
        HostEntry::with(pkg, name, F::sig(), native)
    }

    pub fn new<M, F: HostFn<M>>(pkg: &str, name: &str, f: F) -> HostEntry {
        let f = Arc::new(f);
        let who = format!("{pkg}.{name}");
        let native: NativeClosure = Arc::new(move |vm: &mut RawVm, fp: Addr| {
            guarded(&who, || f.invoke(&mut Args::new(vm, fp)))
        });
        HostEntry::with(pkg, name, F::sig(), native)
    }

    fn with(pkg: &str, name: &str, sig: HostSig, native: NativeClosure) -> HostEntry {
        HostEntry {
            pkg: pkg.to_string(),
            name: name.to_string(),
            sig,
            native,
        }
    }

    /// The native's qualified name.
    pub fn native_name(&self) -> String {
        if self.sig.fallible {
            format!("{}.__native_{}", self.pkg, self.name)
        } else {
            format!("{}.{}", self.pkg, self.name)
        }
    }
}

/// The Go source of host package `pkg`.
pub(crate) fn package_source(pkg: &str, entries: &[HostEntry]) -> String {
    let short = gosub_syntax::import_name(pkg);
    let mut s = format!(
        "// Host functions registered by the embedding program.\npackage {}\n",
        short
    );
    let es: Vec<&HostEntry> = entries.iter().filter(|e| e.pkg == pkg).collect();
    if es.iter().any(|e| e.sig.fallible) {
        s.push_str("\nimport \"errors\"\n");
    }
    let mut decls: Vec<&String> = Vec::new();
    for d in es.iter().flat_map(|e| &e.sig.decls) {
        if !decls.contains(&d) {
            decls.push(d);
            s.push('\n');
            s.push_str(d);
        }
    }
    for e in es {
        let params: Vec<String> = e
            .sig
            .params
            .iter()
            .enumerate()
            .map(|(i, t)| format!("a{} {}", i, t))
            .collect();
        let params = params.join(", ");
        if e.sig.fallible {
            let nres = e.sig.native_results.join(", ");
            let args: Vec<String> = (0..e.sig.params.len()).map(|i| format!("a{}", i)).collect();
            let args = args.join(", ");
            s.push_str(&format!(
                "\nfunc __native_{}({}) ({})\n",
                e.name, params, nres
            ));
            if e.sig.native_results.len() == 3 {
                s.push_str(&format!(
                    "\nfunc {n}({p}) {r} {{\n\tv, m, bad := __native_{n}({a})\n\tif bad {{\n\t\treturn v, errors.New(m)\n\t}}\n\treturn v, nil\n}}\n",
                    n = e.name, p = params, r = e.sig.go_results, a = args
                ));
            } else {
                s.push_str(&format!(
                    "\nfunc {n}({p}) error {{\n\tm, bad := __native_{n}({a})\n\tif bad {{\n\t\treturn errors.New(m)\n\t}}\n\treturn nil\n}}\n",
                    n = e.name, p = params, a = args
                ));
            }
        } else {
            s.push_str(&format!(
                "\nfunc {}({}) {}\n",
                e.name, params, e.sig.go_results
            ));
        }
    }
    s
}
