//! gosub-std: the standard library. Each package is Go source (`go/PATH.go`, compiled with
//! the program); functions declared without a body are natives implemented here in Rust and
//! registered by their qualified name, in the file named for their package (`strings.rs`
//! for package strings, `cgo.rs` for package C; `natives.rs` holds the `native!` macro,
//! `fmtsort.rs` fmt's map key order).
//!
//! Depends on gosub-vm (the native calling convention and memory access), gosub-bytecode
//! (runtime type descriptors), gosub-heap, and gosub-syntax only for Go's quoting
//! (`gosub_syntax::quote`, strconv's Quote and Unquote); never on the compiler.
//!
//! Architecture Invariant: never depends on gosub-compile, gosub-types or gosub-escape
//! (checked by `tests/architecture.rs`); no `unsafe` code (`forbid` below): natives reach
//! memory only through the VM's and the heap's checked accessors.

#![forbid(unsafe_code)]

pub mod cgo;
pub mod errors;
pub mod fmt;
pub mod fmtsort;
pub mod math;
pub mod natives;
pub mod os;
pub mod runtime;
pub mod sort;
pub mod strconv;
pub mod strings;
pub mod sync;
pub mod time;
pub mod unicode;

use gosub_vm::NativeRegistry;

/// The Go source of a standard package, by import path.
pub fn source(path: &str) -> Option<&'static str> {
    Some(match path {
        "fmt" => include_str!("../go/fmt.go"),
        "os" => include_str!("../go/os.go"),
        "io" => include_str!("../go/io/io.go"),
        "iter" => include_str!("../go/iter/iter.go"),
        "errors" => include_str!("../go/errors.go"),
        "strings" => include_str!("../go/strings.go"),
        "strconv" => include_str!("../go/strconv.go"),
        "math" => include_str!("../go/math.go"),
        "sort" => include_str!("../go/sort.go"),
        "unicode" => include_str!("../go/unicode/unicode.go"),
        "unicode/utf8" => include_str!("../go/unicode/utf8/utf8.go"),
        "runtime" => include_str!("../go/runtime/runtime.go"),
        "runtime/debug" => include_str!("../go/runtime/debug/debug.go"),
        "sync" => include_str!("../go/sync/sync.go"),
        "time" => include_str!("../go/time/time.go"),
        // cgo's pseudo-package, emulated (go/C/C.go, natives in cgo.rs).
        "C" => include_str!("../go/C/C.go"),
        _ => return None,
    })
}

/// The packages that reach outside the VM: `os` (files, environment, exit), `time` (the
/// clock) and `C` (memory outside the collected heap). An embedding VM leaves them out
/// unless the host allows them.
pub const HOST_PACKAGES: &[&str] = &["C", "os", "time"];

/// Every standard package gosub has.
pub const PACKAGES: &[&str] = &[
    "C",
    "errors",
    "fmt",
    "io",
    "iter",
    "math",
    "os",
    "runtime",
    "runtime/debug",
    "sort",
    "strconv",
    "strings",
    "sync",
    "time",
    "unicode",
    "unicode/utf8",
];

/// All native functions of the standard library.
pub fn registry() -> NativeRegistry {
    let mut r = NativeRegistry::new();
    os::register(&mut r);
    runtime::register(&mut r);
    sync::register(&mut r);
    time::register(&mut r);
    strings::register(&mut r);
    strconv::register(&mut r);
    math::register(&mut r);
    unicode::register(&mut r);
    sort::register(&mut r);
    errors::register(&mut r);
    fmt::register(&mut r);
    cgo::register(&mut r);
    r
}
