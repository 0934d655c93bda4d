//! Calling a Go function of the loaded program from Rust without compiling anything: the
//! function found by name in the program's signatures (`Target::find`), the arguments
//! written as its parameter bytes (`param_bytes`) and its results read back as `Value`s
//! (`read_results`). A host function's callback (`HostCtx::call`, on a stack segment of
//! its own) and a prepared call (`Func`, as the main goroutine) both go through here.
//!
//! Invariants:
//! - Parameters and results are laid out in declaration order, each in a frame slot of its
//!   own: 8-byte aligned, its size rounded up to words (`gosub_compile`'s `alloc_slot`). A
//!   narrow integer or a bool fills its word (sign- or zero-extended, as registers hold
//!   it), a float32 its word's low half.
//! - `param_bytes` may allocate (a string's bytes): the caller keeps the collector off
//!   until the bytes are in the callee's frame, where the frame's stack map covers them.

use crate::error::Error;
use crate::value::Value;
use gosub_bytecode::program::{Program, RKind};
use gosub_vm::Vm as RawVm;

/// A Go function of the loaded program, resolved once.
#[derive(Clone, Debug)]
pub(crate) struct Target {
    /// Its qualified name (`main.Double`).
    pub qual: String,
    pub func: u32,
    /// Runtime type ids of its parameters and results.
    pub params: Vec<u32>,
    pub results: Vec<u32>,
    pub results_off: u32,
}

impl Target {
    /// The package-level function `name` (`Double`, or qualified `main.Double`); in an
    /// eval session that redeclared it, the latest declaration (compiled last).
    pub fn find(prog: &Program, name: &str) -> Result<Target, Error> {
        let qual = if name.contains('.') {
            name.to_string()
        } else {
            format!("main.{}", name)
        };
        let sig = (0..prog.signatures.len())
            .rev()
            .map(|i| &prog.signatures[i])
            .find(|s| {
                prog.funcs
                    .get(s.func as usize)
                    .is_some_and(|f| f.name == qual)
            })
            .ok_or_else(|| Error::Usage(format!("no Go function {}", qual)))?;
        if sig.variadic {
            return Err(Error::Usage(format!(
                "{} is variadic: call it with Vm::call",
                qual
            )));
        }
        Ok(Target {
            qual,
            func: sig.func,
            params: sig.params.clone(),
            results: sig.results.clone(),
            results_off: prog.funcs[sig.func as usize].results_off,
        })
    }

    /// Whether `param_bytes` takes `args` as they are (`Vm::call` compiles a Go call
    /// expression for anything else, which may convert more: an integer to a float
    /// parameter, a struct, a slice).
    pub fn accepts(&self, prog: &Program, args: &[Value]) -> bool {
        self.params.len() == args.len()
            && args.iter().zip(&self.params).all(|(a, &t)| {
                let rt = &prog.rtypes[t as usize];
                match (rt.kind, a) {
                    (RKind::Bool, Value::Bool(_)) => true,
                    (RKind::Float32 | RKind::Float64, Value::Float(_)) => true,
                    (RKind::String, Value::String(_)) => true,
                    (
                        RKind::Pointer
                        | RKind::Func
                        | RKind::Chan
                        | RKind::Map
                        | RKind::UnsafePointer,
                        Value::Ref(_),
                    ) => true,
                    (k, Value::Int(_) | Value::Uint(_)) => is_int(k) && rt.size <= 8,
                    _ => false,
                }
            })
    }

    /// Whether `read_results` gives the results as an evaluated call expression does: no
    /// interface (an `error` is read through its `Error` method there) and nothing
    /// pointer-shaped at the top (a `GoRef` there).
    pub fn results_as_values(&self, prog: &Program) -> bool {
        self.results.iter().all(|&t| {
            !matches!(
                prog.rtypes[t as usize].kind,
                RKind::Interface
                    | RKind::Pointer
                    | RKind::Func
                    | RKind::Chan
                    | RKind::UnsafePointer
                    | RKind::Map
            )
        })
    }

    /// `args` as the function's parameter bytes: integers, floats, bools and strings, and
    /// `GoRef`s of pointer, func, chan and map type. An integer that the parameter's type
    /// cannot hold is an error, as Go's constant conversion is.
    pub fn param_bytes(
        &self,
        vm: &mut RawVm,
        prog: &Program,
        args: &[Value],
    ) -> Result<Vec<u8>, Error> {
        if self.params.len() != args.len() {
            return Err(Error::Usage(format!(
                "{} takes {} arguments, got {}",
                self.qual,
                self.params.len(),
                args.len()
            )));
        }
        let mut bytes: Vec<u8> = Vec::new();
        for (i, (a, &t)) in args.iter().zip(&self.params).enumerate() {
            let rt = &prog.rtypes[t as usize];
            let size = rt.size as usize;
            bytes.resize(bytes.len().next_multiple_of(8), 0);
            let bad = || {
                Error::Conversion(format!(
                    "argument {} of {}: cannot pass a Rust {} as Go {}",
                    i + 1,
                    self.qual,
                    a.kind_name(),
                    rt.name
                ))
            };
            match (rt.kind, a) {
                (RKind::Bool, Value::Bool(b)) => {
                    bytes.extend_from_slice(&(*b as u64).to_le_bytes())
                }
                (RKind::Float32, Value::Float(f)) => {
                    bytes.extend_from_slice(&((*f as f32).to_bits() as u64).to_le_bytes())
                }
                (RKind::Float64, Value::Float(f)) => bytes.extend_from_slice(&f.to_le_bytes()),
                (RKind::String, Value::String(s)) => {
                    let (p, n) = vm.new_string(s.as_bytes()).map_err(|t| {
                        Error::Usage(format!("argument {} of {}: {:?}", i + 1, self.qual, t))
                    })?;
                    bytes.extend_from_slice(&p.to_le_bytes());
                    bytes.extend_from_slice(&n.to_le_bytes());
                }
                (
                    RKind::Pointer | RKind::Func | RKind::Chan | RKind::Map | RKind::UnsafePointer,
                    Value::Ref(r),
                ) => {
                    let w = vm.heap.handle_get(r.handle()).ok_or_else(bad)?;
                    bytes.extend_from_slice(&w.to_le_bytes());
                }
                (_, Value::Int(_) | Value::Uint(_)) if rt.size <= 8 && is_int(rt.kind) => {
                    let (v, fits) = int_fits(a, rt.kind, size);
                    if !fits {
                        return Err(Error::Conversion(format!(
                            "argument {} of {}: {} overflows {}",
                            i + 1,
                            self.qual,
                            match a {
                                Value::Int(v) => v.to_string(),
                                Value::Uint(v) => v.to_string(),
                                _ => String::new(),
                            },
                            rt.name
                        )));
                    }
                    bytes.extend_from_slice(&v.to_le_bytes());
                }
                _ => return Err(bad()),
            }
        }
        Ok(bytes)
    }

    /// The results of a call that returned in the frame at `fp`.
    pub fn read_results(
        &self,
        vm: &mut RawVm,
        prog: &Program,
        fp: u64,
    ) -> Result<Vec<Value>, Error> {
        let mut off = fp + self.results_off as u64;
        let mut vals = Vec::with_capacity(self.results.len());
        for &t in &self.results {
            let rt = &prog.rtypes[t as usize];
            off = off.next_multiple_of(8);
            let v = crate::value::read_value(vm, prog, t, off, 0)
                .map_err(|t| Error::Usage(format!("results of {}: {:?}", self.qual, t)))?;
            vals.push(v);
            off += rt.size;
        }
        Ok(vals)
    }
}

/// A call's results as one value: `Nil` for none, `Tuple` for several.
pub(crate) fn one_value(mut vals: Vec<Value>) -> Value {
    match vals.len() {
        0 => Value::Nil,
        1 => vals.remove(0),
        _ => Value::Tuple(vals),
    }
}

/// An integer argument as the word to pass, and whether an integer type of `size` bytes
/// (unsigned for the `Uint` kinds) holds it.
pub(crate) fn int_fits(a: &Value, k: RKind, size: usize) -> (u64, bool) {
    use RKind::*;
    let unsigned = matches!(k, Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr);
    let bits = 8 * size as u32;
    match *a {
        Value::Int(v) if unsigned => (v as u64, v >= 0 && (bits == 64 || (v as u64) >> bits == 0)),
        Value::Int(v) => (
            v as u64,
            bits == 64 || (v >> (bits - 1) == 0 || v >> (bits - 1) == -1),
        ),
        Value::Uint(v) if unsigned => (v, bits == 64 || v >> bits == 0),
        Value::Uint(v) => (v, v >> (bits - 1) == 0),
        _ => (0, false),
    }
}

pub(crate) fn is_int(k: RKind) -> bool {
    use RKind::*;
    matches!(
        k,
        Int | Int8 | Int16 | Int32 | Int64 | Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr
    )
}
