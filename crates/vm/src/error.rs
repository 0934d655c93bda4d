//! How execution stops abnormally.
//!
//! `Trap` travels inside the VM (a runtime error to turn into a Go panic, a Go panic value,
//! a fatal error, or os.Exit); `VmError` is what the host sees when a program ends.

use gosub_heap::Fault;

/// An abnormal condition raised by an instruction or a native function.
#[derive(Debug, Clone)]
pub enum Trap {
    /// A Go runtime error (`index out of range [5] with length 3`); becomes a panic whose
    /// value is a runtime.Error. The message is without the `runtime error: ` prefix.
    Runtime(String),
    /// A runtime error whose message has no `runtime error: ` prefix (Go's
    /// runtime.plainError: `assignment to entry in nil map`, `close of closed channel`).
    PlainError(String),
    /// `panic(s)` with a string, as a library function written in Go would
    /// (`strconv: illegal AppendInt/FormatInt base`): the panic value is the string.
    PanicString(String),
    /// `fatal error: ...` (not recoverable), exit status 2.
    Fatal(String),
    /// os.Exit(code).
    Exit(i32),
    /// The goroutine stack limit was exceeded.
    StackOverflow,
    /// The heap limit was exceeded.
    OutOfMemory,
    /// The host's instruction budget (`VmConfig::fuel`) ran out.
    OutOfFuel,
    /// The host asked the VM to stop (`Vm::interrupt`).
    Interrupted,
    /// Internal: the running goroutine blocks (reason as Go's goroutine headers print it).
    Park(&'static str),
    /// Internal: the running goroutine yields to the others.
    Yield,
    /// Internal: the running goroutine sleeps for this many nanoseconds (time.Sleep).
    Sleep(u64),
    /// Internal: a deferred call run during a panic returned without recovering; unwinding
    /// continues from the current position.
    Unwind,
}

/// Go's index-out-of-range runtime error for index `i` of a sequence of length `len`.
pub fn index_err(i: u64, len: u64) -> Trap {
    if (i as i64) < 0 {
        Trap::Runtime(format!("index out of range [{}]", i as i64))
    } else {
        Trap::Runtime(format!("index out of range [{}] with length {}", i, len))
    }
}

/// Which bounds check of a slice expression `s[l:h]` / `s[l:h:m]` failed (Go's
/// runtime.boundsErrorCode): x and y are the operands its message reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SliceBounds {
    /// h > len (x = h, y = len): strings and arrays.
    Alen,
    /// h > cap (x = h, y = cap): slices.
    Acap,
    /// l > h (x = l, y = h).
    B,
    /// m > len of an array (x = m, y = len).
    ThreeAlen,
    /// m > cap (x = m, y = cap).
    ThreeAcap,
    /// h > m (x = h, y = m).
    ThreeB,
    /// l > h in a 3-index expression (x = l, y = h).
    ThreeC,
}

/// Go's slice-bounds runtime error (runtime/error.go's boundsErrorFmt), with the short
/// form of boundsNegErrorFmt, which omits y, when x is negative.
pub fn slice_bounds_err(kind: SliceBounds, x: u64, y: u64) -> Trap {
    use SliceBounds::*;
    let x = x as i64;
    let m = if x < 0 {
        match kind {
            Alen | Acap => format!("[:{x}]"),
            B => format!("[{x}:]"),
            ThreeAlen | ThreeAcap => format!("[::{x}]"),
            ThreeB => format!("[:{x}:]"),
            ThreeC => format!("[{x}::]"),
        }
    } else {
        match kind {
            Alen => format!("[:{x}] with length {y}"),
            Acap => format!("[:{x}] with capacity {y}"),
            B => format!("[{x}:{y}]"),
            ThreeAlen => format!("[::{x}] with length {y}"),
            ThreeAcap => format!("[::{x}] with capacity {y}"),
            ThreeB => format!("[:{x}:{y}]"),
            ThreeC => format!("[{x}:{y}:]"),
        }
    };
    Trap::Runtime(format!("slice bounds out of range {m}"))
}

impl From<Fault> for Trap {
    fn from(f: Fault) -> Trap {
        if f.is_nil() {
            Trap::Runtime("invalid memory address or nil pointer dereference".into())
        } else {
            Trap::Fatal(format!("unexpected fault address {:#x}", f.addr))
        }
    }
}

/// How a program run ended, when it did not end normally.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VmError {
    /// A panic reached the top of the goroutine; the text is what Go prints to stderr.
    Panic {
        message: String,
        exit_code: i32,
        /// The goroutine's traceback (`main.f(...)` / `\tfile:line` lines).
        traceback: String,
    },
    /// A fatal runtime error.
    Fatal { message: String, exit_code: i32 },
    /// os.Exit(code)
    Exit(i32),
    /// The program could not be loaded (a missing native function...).
    Load(String),
    /// The fuel budget ran out.
    OutOfFuel,
    /// The host interrupted the run (`Vm::interrupt`).
    Interrupted,
}
