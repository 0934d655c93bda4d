//! The one error type of the embedding API: what can go wrong compiling or running a script.

use std::fmt;

/// A compile error at a position of the source (`file:line:col: message`). For `Vm::eval`,
/// positions are relative to the text passed to that call (file `<input>`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    /// 1-based line and column (0 when unknown).
    pub line: u32,
    pub col: u32,
    pub message: String,
}

impl Diagnostic {
    /// Parses a rendered diagnostic (`file:line:col: message`).
    pub fn parse(rendered: &str) -> Diagnostic {
        // Find the first `:LINE:COL: ` in the text (file names may contain ':').
        let b = rendered.as_bytes();
        let mut i = 0;
        while let Some(k) = rendered[i..].find(':') {
            let at = i + k;
            let rest = &rendered[at + 1..];
            let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
            let n1 = digits(rest);
            if n1 > 0 && rest.as_bytes().get(n1) == Some(&b':') {
                let rest2 = &rest[n1 + 1..];
                let n2 = digits(rest2);
                if n2 > 0 && rest2[n2..].starts_with(": ") {
                    return Diagnostic {
                        file: rendered[..at].to_string(),
                        line: rest[..n1].parse().unwrap_or(0),
                        col: rest2[..n2].parse().unwrap_or(0),
                        message: rest2[n2 + 2..].to_string(),
                    };
                }
            }
            i = at + 1;
            if i >= b.len() {
                break;
            }
        }
        Diagnostic {
            file: String::new(),
            line: 0,
            col: 0,
            message: rendered.to_string(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}", self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file, self.line, self.col, self.message
            )
        }
    }
}

/// Everything that can stop a compile or a run. The host process never exits, aborts or
/// panics because of a script: each way a script can end badly is one variant.
#[derive(Clone, Debug, PartialEq)]
pub enum Error {
    /// The source does not compile (syntax, type errors, a package that is not allowed).
    Compile(Vec<Diagnostic>),
    /// A Go panic reached the top of the goroutine: the value as Go prints it after
    /// `panic: ` (with `runtime error: ` for run-time errors) and the traceback.
    Panic { value: String, traceback: String },
    /// The script called `os.Exit(code)` (only possible when `os` is allowed).
    Exit(i32),
    /// The instruction budget (`VmBuilder::fuel`) ran out.
    OutOfFuel,
    /// An allocation failed under the heap limit (`VmBuilder::heap_limit`), even after a
    /// collection.
    HeapLimit,
    /// The goroutine stack outgrew `VmBuilder::max_stack`.
    StackOverflow,
    /// `InterruptHandle::interrupt` stopped the run.
    Interrupted,
    /// Another fatal run-time error (`all goroutines are asleep - deadlock!`, ...).
    Fatal(String),
    /// The program could not be loaded (a missing native, the address space could not be
    /// reserved), or a file could not be read.
    Load(String),
    /// A value could not be converted between Go and Rust (says which types met).
    Conversion(String),
    /// `call`/`get`: no such function or variable, or a bad use of the API.
    Usage(String),
}

impl Error {
    /// The first compile diagnostic, if this is a compile error.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            Error::Compile(d) => d,
            _ => &[],
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Compile(ds) => {
                for (i, d) in ds.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{}", d)?;
                }
                Ok(())
            }
            Error::Panic { value, traceback } => {
                write!(f, "panic: {}", value)?;
                if !traceback.is_empty() {
                    write!(f, "\n\n{}", traceback.trim_end())?;
                }
                Ok(())
            }
            Error::Exit(c) => write!(f, "exit status {}", c),
            Error::OutOfFuel => write!(f, "instruction budget exhausted"),
            Error::HeapLimit => write!(
                f,
                "heap limit exceeded (the VM's heap limit, VmBuilder::heap_limit, or without \
                 one its reserved address space, VmBuilder::reserve: about 40% of it is heap)"
            ),
            Error::StackOverflow => write!(f, "stack overflow"),
            Error::Interrupted => write!(f, "interrupted"),
            Error::Fatal(m) => write!(f, "fatal error: {}", m),
            Error::Load(m) => write!(f, "{}", m),
            Error::Conversion(m) => write!(f, "{}", m),
            Error::Usage(m) => write!(f, "{}", m),
        }
    }
}

impl std::error::Error for Error {}

impl From<gosub_vm::VmError> for Error {
    fn from(e: gosub_vm::VmError) -> Error {
        use gosub_vm::VmError as V;
        match e {
            V::Panic {
                message, traceback, ..
            } => Error::Panic {
                value: message,
                traceback,
            },
            V::Fatal { message, .. } => match message.as_str() {
                "stack overflow" => Error::StackOverflow,
                "out of memory" => Error::HeapLimit,
                _ => Error::Fatal(message),
            },
            V::Exit(c) => Error::Exit(c),
            V::Load(m) => Error::Load(m),
            V::OutOfFuel => Error::OutOfFuel,
            V::Interrupted => Error::Interrupted,
        }
    }
}

/// Rendered compile errors (as the driver returns them) to `Error::Compile`.
pub(crate) fn compile_error(msgs: Vec<String>) -> Error {
    Error::Compile(msgs.iter().map(|m| Diagnostic::parse(m)).collect())
}
