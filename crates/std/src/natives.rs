//! How the standard library's natives are written: the `native!` macro registers a closure
//! that reads its parameters and writes its results through `gosub_vm::Args` (the VM's
//! native calling convention: parameters from offset 0 of the frame, each 8-byte aligned,
//! results after them, as a Go function would). Each package's natives live in the file
//! named for it (`os.rs`, `strings.rs`, `bytes.rs`, `strconv.rs`, `math.rs`, `unicode.rs`,
//! `utf8.rs` for unicode/utf8, `time.rs`, `sort.rs`, `errors.rs`, `sync.rs`, `runtime.rs`,
//! `fmt.rs`, `cgo.rs`, `rand.rs` for math/rand and math/rand/v2).
//!
//! Invariant: a native returns `Ok` after writing all its results, or a `Trap` (a Go panic,
//! a fatal error, an exit, or a scheduler request) without touching them further.

/// `native!(r, "pkg.Name", |a| { ... })`: registers a native whose body uses `a: Args`.
macro_rules! native {
    ($r:ident, $name:expr, |$a:ident| $body:block) => {
        $r.register(
            $name,
            |vm: &mut gosub_vm::Vm, fp: gosub_heap::Addr| -> Result<(), gosub_vm::Trap> {
                #[allow(unused_mut)]
                let mut $a = gosub_vm::Args::new(vm, fp);
                $body
                #[allow(unreachable_code)]
                Ok(())
            },
        );
    };
}

pub(crate) use native;
