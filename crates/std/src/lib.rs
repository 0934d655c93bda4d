//! gosub-std: the standard library. Each package is Go source (`go/PATH.go`, or several
//! files under `go/PATH/`, listed by `files`; compiled with the program); functions
//! declared without a body are natives implemented here in Rust and registered by their
//! qualified name, in the file named for their package (`strings.rs`
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

pub mod atof;
pub mod bytes;
pub mod callers;
pub mod cgo;
pub mod errors;
pub mod file_facts;
pub mod fmt;
pub mod fmtsort;
pub mod math;
pub mod natives;
pub mod os;
pub mod os_file;
pub mod pprof;
pub mod rand;
pub mod range_tables;
pub mod runtime;
pub mod sort;
pub mod strconv;
pub mod strings;
pub mod sync;
pub mod time;
pub mod unicode;
pub mod unicode_tables;
pub mod utf8;

/// The Go functions of the standard library that natives call by their qualified name
/// (fmt's `Formatter` support); whatever loads only reachable code keeps them.
pub const GO_FUNCS_CALLED_BY_NATIVES: &[&str] = &["fmt.newFormatState", "fmt.formatStateText"];

/// Is `path.name` one of `GO_FUNCS_CALLED_BY_NATIVES`?
pub fn called_by_natives(path: &str, name: &str) -> bool {
    GO_FUNCS_CALLED_BY_NATIVES
        .iter()
        .any(|q| q.strip_prefix(path).and_then(|r| r.strip_prefix('.')) == Some(name))
}

/// The methods natives call by name on a value of any type: fmt's `Format`, `GoString`,
/// `Error` and `String`, and panic printing's `Error` and `String`.
pub const METHODS_CALLED_BY_NATIVES: &[&str] = &["Error", "String", "GoString", "Format"];

use gosub_vm::NativeRegistry;

/// The Go source of a standard package, by import path: its first file (the one named
/// for the package; see `files` for all of them).
pub fn source(path: &str) -> Option<&'static str> {
    files(path).and_then(|f| f.first()).map(|&(_, text)| text)
}

/// The Go source files of a standard package, by import path: (file name, text) pairs, the
/// file named for the package first. A package may be split into files as Go's is, so
/// that no file outgrows the line limit.
pub fn files(path: &str) -> Option<&'static [(&'static str, &'static str)]> {
    macro_rules! one {
        ($name:literal, $file:literal) => {
            &[($name, include_str!($file))]
        };
    }
    macro_rules! files_in {
        ($dir:literal: $($name:literal),+) => {
            &[$(($name, include_str!(concat!("../go/", $dir, "/", $name)))),+]
        };
    }
    Some(match path {
        "bufio" => files_in!("bufio": "bufio.go", "scan.go"),
        "bytes" => {
            files_in!("bytes": "bytes.go", "search.go", "case.go", "buffer.go", "reader.go", "iter.go")
        }
        "cmp" => one!("cmp.go", "../go/cmp.go"),
        "fmt" => files_in!("fmt": "fmt.go", "scan.go", "scan_convert.go"),
        "os" => files_in!("os": "file.go", "dir.go", "env.go", "error.go"),
        "path" => files_in!("path": "path.go", "match.go"),
        "path/filepath" => files_in!("path/filepath": "path.go", "path_unix.go", "match.go",
            "symlink.go", "symlink_unix.go"),
        "io/fs" => files_in!("io/fs": "fs.go", "readfile.go", "readdir.go", "stat.go", "format.go",
            "glob.go", "sub.go", "walk.go", "readlink.go"),
        "syscall" => files_in!("syscall": "syscall.go", "zerrors.go"),
        "internal/oserror" => one!("errors.go", "../go/internal/oserror/errors.go"),
        "internal/bytealg" => one!("bytealg.go", "../go/internal/bytealg/bytealg.go"),
        "internal/stringslite" => one!("strings.go", "../go/internal/stringslite/strings.go"),
        "internal/filepathlite" => {
            files_in!("internal/filepathlite": "path.go", "path_unix.go", "path_nonwindows.go")
        }
        "io" => files_in!("io": "io.go", "multi.go", "pipe.go"),
        "iter" => one!("iter.go", "../go/iter/iter.go"),
        "container/heap" => one!("heap.go", "../go/container/heap/heap.go"),
        "container/list" => one!("list.go", "../go/container/list/list.go"),
        "container/ring" => one!("ring.go", "../go/container/ring/ring.go"),
        "errors" => one!("errors.go", "../go/errors.go"),
        "strings" => files_in!("strings": "strings.go", "builder.go", "clone.go", "compare.go",
            "iter.go", "reader.go", "replace.go", "search.go", "gosub.go"),
        "strconv" => one!("strconv.go", "../go/strconv.go"),
        "maps" => one!("maps.go", "../go/maps/maps.go"),
        "math" => files_in!("math": "math.go", "bits.go", "sin.go", "trig_reduce.go", "sincos.go",
            "tan.go", "sinh.go", "tanh.go", "asin.go", "asinh.go", "acosh.go", "atan.go",
            "atan2.go", "atanh.go", "exp.go", "log10.go", "log1p.go", "pow.go", "frexp.go",
            "ldexp.go", "modf.go", "cbrt.go", "dim.go", "erf.go", "erfinv.go", "expm1.go", "fma.go",
            "gamma.go", "lgamma.go", "j0.go", "j1.go", "jn.go", "logb.go", "nextafter.go", "pow10.go",
            "remainder.go"),
        "math/bits" => files_in!("math/bits": "bits.go", "bits_tables.go", "bits_errors.go"),
        "math/rand" => {
            files_in!("math/rand": "rand.go", "rng.go", "exp.go", "normal.go", "zipf.go",
            "internal.go")
        }
        "math/rand/v2" => files_in!("math/rand/v2": "rand.go", "chacha8.go", "pcg.go", "exp.go",
            "normal.go", "zipf.go", "internal.go"),
        "math/cmplx" => files_in!("math/cmplx": "abs.go", "asin.go", "conj.go", "exp.go",
            "isinf.go", "isnan.go", "log.go", "phase.go", "polar.go", "pow.go", "rect.go",
            "sin.go", "sqrt.go", "tan.go"),
        "slices" => {
            files_in!("slices": "slices.go", "iter.go", "sort.go", "zsortanyfunc.go", "zsortordered.go")
        }
        "sort" => files_in!("sort": "sort.go", "slice.go", "search.go", "zsortfunc.go",
            "zsortinterface.go", "reflect.go"),
        "unicode" => files_in!("unicode": "unicode.go", "rangetable.go", "tables.go"),
        "unicode/utf16" => one!("utf16.go", "../go/unicode/utf16/utf16.go"),
        "unicode/utf8" => one!("utf8.go", "../go/unicode/utf8/utf8.go"),
        "runtime" => files_in!("runtime": "runtime.go", "extern.go", "mfinal.go"),
        "weak" => one!("pointer.go", "../go/weak/pointer.go"),
        "runtime/debug" => files_in!("runtime/debug": "debug.go", "mod.go"),
        "runtime/pprof" => one!("pprof.go", "../go/runtime/pprof/pprof.go"),
        "sync" => files_in!("sync": "sync.go", "cond.go", "map.go", "pool.go", "oncefunc.go"),
        "sync/atomic" => files_in!("sync/atomic": "doc.go", "types.go", "value.go"),
        "text/tabwriter" => one!("tabwriter.go", "../go/text/tabwriter/tabwriter.go"),
        "time" => {
            files_in!("time": "time.go", "duration.go", "format.go", "format_rfc3339.go", "parse.go", "zone.go", "zoneinfo_read.go", "marshal.go", "sleep.go")
        }
        // cgo's pseudo-package, emulated (go/C/C.go, natives in cgo.rs).
        "C" => one!("C.go", "../go/C/C.go"),
        _ => return None,
    })
}

/// The packages that reach outside the VM: `os` (files, environment, exit), `path/filepath`
/// (files, through os: Walk, Glob, Abs, EvalSymlinks), `time` (the clock) and `C` (memory
/// outside the collected heap). An embedding VM leaves them out unless the host allows them.
pub const HOST_PACKAGES: &[&str] = &["C", "os", "path/filepath", "time"];

/// Every standard package gosub has.
pub const PACKAGES: &[&str] = &[
    "C",
    "bufio",
    "bytes",
    "cmp",
    "container/heap",
    "container/list",
    "container/ring",
    "errors",
    "fmt",
    "io",
    "io/fs",
    "iter",
    "maps",
    "math",
    "math/bits",
    "math/cmplx",
    "math/rand",
    "math/rand/v2",
    "os",
    "path",
    "path/filepath",
    "runtime",
    "runtime/debug",
    "runtime/pprof",
    "slices",
    "sort",
    "strconv",
    "strings",
    "sync",
    "sync/atomic",
    "syscall",
    "text/tabwriter",
    "time",
    "unicode",
    "unicode/utf16",
    "unicode/utf8",
    "weak",
];

/// All native functions of the standard library.
pub fn registry() -> NativeRegistry {
    // Built once per process; each caller's copy shares the table of functions.
    static REGISTRY: std::sync::OnceLock<NativeRegistry> = std::sync::OnceLock::new();
    REGISTRY.get_or_init(build_registry).clone()
}

fn build_registry() -> NativeRegistry {
    let mut r = NativeRegistry::new();
    os::register(&mut r);
    runtime::register(&mut r);
    callers::register(&mut r);
    pprof::register(&mut r);
    sync::register(&mut r);
    time::register(&mut r);
    strings::register(&mut r);
    bytes::register(&mut r);
    strconv::register(&mut r);
    math::register(&mut r);
    rand::register(&mut r);
    unicode::register(&mut r);
    utf8::register(&mut r);
    sort::register(&mut r);
    errors::register(&mut r);
    fmt::register(&mut r);
    cgo::register(&mut r);
    r
}
