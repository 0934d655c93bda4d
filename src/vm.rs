//! The embedding API: a `Vm` a Rust program creates, configures, feeds Go source and
//! exchanges values with. See docs/embedding.md.

use crate::driver::{self, Options};
use crate::error::{compile_error, Error};
use crate::host::{package_source, HostEntry, HostFn};
use crate::session::{self, Build, Input, Session, SESSION_FILE};
use crate::value::{read_value, FromValue, Value};
use gosub_heap::Addr;
use gosub_vm::{NativeRegistry, Trap, Vm as RawVm, VmConfig};
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// Standard packages scripts may import by default (everything but `os`).
pub const DEFAULT_PACKAGES: &[&str] = &[
    "errors",
    "fmt",
    "io",
    "math",
    "runtime",
    "runtime/debug",
    "sort",
    "strconv",
    "strings",
    "sync",
    "unicode",
    "unicode/utf8",
];

type Sink = Arc<Mutex<Box<dyn Write + Send>>>;

/// Stops a running script from another thread: the run ends with `Error::Interrupted`.
#[derive(Clone, Debug)]
pub struct InterruptHandle(Arc<AtomicBool>);

impl InterruptHandle {
    /// Asks the script running now to stop. The VM polls the request every 10 000 loop
    /// iterations or calls; a request made while no script runs is dropped when the next
    /// run starts.
    pub fn interrupt(&self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// Configures a `Vm`.
pub struct VmBuilder {
    opts: Options,
    allowed: Vec<String>,
    stdout: Option<Box<dyn Write + Send>>,
    stderr: Option<Box<dyn Write + Send>>,
    capture_stdout: bool,
    capture_stderr: bool,
}

impl Default for VmBuilder {
    fn default() -> Self {
        let opts = Options {
            args: vec!["gosub".into()],
            // Embedders get small stacks by default: 64 MiB.
            max_stack: 64 << 20,
            ..Options::default()
        };
        VmBuilder {
            opts,
            allowed: DEFAULT_PACKAGES.iter().map(|s| s.to_string()).collect(),
            stdout: None,
            stderr: None,
            capture_stdout: false,
            capture_stderr: false,
        }
    }
}

impl VmBuilder {
    /// Upper bound on heap bytes in use; an allocation beyond it (after a collection) ends
    /// the run with `Error::HeapLimit`.
    pub fn heap_limit(mut self, bytes: u64) -> Self {
        self.opts.heap.heap_limit = Some(bytes);
        // Reserve address space in proportion (at least 256 MiB).
        self.opts.heap.reserve_bytes = self
            .opts
            .heap
            .reserve_bytes
            .min((bytes.saturating_mul(4)).max(256 << 20));
        self
    }
    /// Nursery (young generation) size in bytes.
    pub fn nursery_size(mut self, bytes: u64) -> Self {
        self.opts.heap.nursery_bytes = bytes;
        self
    }
    /// GOGC: a major collection starts when the old generation has grown by this
    /// percentage; negative turns major collections off.
    pub fn gogc(mut self, percent: i64) -> Self {
        self.opts.heap.gogc = percent;
        self
    }
    /// Budget of loop iterations (backward jumps) and calls per run; exhausting it ends the
    /// run with `Error::OutOfFuel`.
    pub fn fuel(mut self, units: u64) -> Self {
        self.opts.fuel = Some(units);
        self
    }
    /// Maximum goroutine stack size in bytes (default 64 MiB); deeper recursion ends the
    /// run with `Error::StackOverflow`.
    pub fn max_stack(mut self, bytes: u64) -> Self {
        self.opts.max_stack = bytes.max(64 << 10);
        self
    }
    /// Where scripts' standard output goes (default: the process's stdout).
    pub fn stdout(mut self, w: impl Write + Send + 'static) -> Self {
        self.stdout = Some(Box::new(w));
        self.capture_stdout = false;
        self
    }
    /// Where scripts' standard error goes (`println`, `print`; default: the process's).
    pub fn stderr(mut self, w: impl Write + Send + 'static) -> Self {
        self.stderr = Some(Box::new(w));
        self.capture_stderr = false;
        self
    }
    /// Keep scripts' stdout in a buffer read with `Vm::take_stdout`.
    pub fn capture_stdout(mut self) -> Self {
        self.capture_stdout = true;
        self
    }
    /// Keep scripts' stderr in a buffer read with `Vm::take_stderr`.
    pub fn capture_stderr(mut self) -> Self {
        self.capture_stderr = true;
        self
    }
    /// Allows scripts to import a standard package (e.g. "os": then `os.Exit(c)` ends the
    /// run with `Error::Exit(c)`, it never exits the host process).
    pub fn allow_package(mut self, path: &str) -> Self {
        if !self.allowed.iter().any(|p| p == path) {
            self.allowed.push(path.to_string());
        }
        self
    }
    /// Allows every standard package, `os` included.
    pub fn allow_all_packages(mut self) -> Self {
        self.allowed = gosub_std::PACKAGES.iter().map(|s| s.to_string()).collect();
        self.allowed.push("sync".into());
        self.allowed.push("unsafe".into());
        self
    }
    /// Only these standard packages (host packages are always importable).
    pub fn packages(mut self, paths: &[&str]) -> Self {
        self.allowed = paths.iter().map(|s| s.to_string()).collect();
        self
    }
    /// `os.Args` of scripts.
    pub fn args(mut self, args: &[&str]) -> Self {
        self.opts.args = args.iter().map(|s| s.to_string()).collect();
        self
    }
    /// Builds the VM.
    pub fn build(self) -> Vm {
        let shared = |w: Box<dyn Write + Send>| Arc::new(Mutex::new(w));
        let out_buf = driver::SharedBuf::default();
        let err_buf = driver::SharedBuf::default();
        let stdout: Box<dyn Write + Send> = if self.capture_stdout {
            Box::new(out_buf.clone())
        } else {
            self.stdout.unwrap_or_else(|| Box::new(std::io::stdout()))
        };
        let stderr: Box<dyn Write + Send> = if self.capture_stderr {
            Box::new(err_buf.clone())
        } else {
            self.stderr.unwrap_or_else(|| Box::new(std::io::stderr()))
        };
        let mut opts = self.opts;
        opts.allowed_imports = Some(self.allowed);
        Vm {
            opts,
            hosts: Vec::new(),
            stdout: shared(stdout),
            stderr: shared(stderr),
            out_buf,
            err_buf,
            interrupt: Arc::new(AtomicBool::new(false)),
            session: Session::default(),
            echo: false,
            last_echo: Vec::new(),
            last_stats: None,
        }
    }
}

/// An embedded gosub VM: compiles and runs Go source, keeps an eval session, calls Go
/// functions, reads and writes variables, exposes host functions to scripts.
pub struct Vm {
    opts: Options,
    hosts: Vec<HostEntry>,
    stdout: Sink,
    stderr: Sink,
    out_buf: driver::SharedBuf,
    err_buf: driver::SharedBuf,
    interrupt: Arc<AtomicBool>,
    session: Session,
    echo: bool,
    last_echo: Vec<(String, String)>,
    last_stats: Option<gosub_heap::MemStats>,
}

impl Default for Vm {
    fn default() -> Self {
        Vm::new()
    }
}

/// Forwards writes to a sink, skipping the first `skip` bytes (the replayed output).
struct SkipWriter {
    sink: Sink,
    skip: usize,
    seen: Arc<Mutex<usize>>,
}

impl Write for SkipWriter {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        let mut seen = self.seen.lock().map_err(|_| std::io::ErrorKind::Other)?;
        let start = *seen;
        *seen += b.len();
        if *seen > self.skip {
            let from = self.skip.saturating_sub(start);
            if let Ok(mut s) = self.sink.lock() {
                s.write_all(&b[from..])?;
            }
        }
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        if let Ok(mut s) = self.sink.lock() {
            s.flush()?;
        }
        Ok(())
    }
}

/// What one execution produced.
struct Ran {
    result: Result<(), Error>,
    captured: Vec<Value>,
    echo: Vec<(String, String)>,
    out_len: usize,
    err_len: usize,
}

impl Vm {
    /// A VM with the default configuration (no limits, `os` not importable, output to the
    /// process's stdout and stderr).
    pub fn new() -> Vm {
        VmBuilder::default().build()
    }

    pub fn builder() -> VmBuilder {
        VmBuilder::default()
    }

    /// A handle that stops the running script from another thread.
    pub fn interrupt_handle(&self) -> InterruptHandle {
        InterruptHandle(self.interrupt.clone())
    }

    /// Takes what scripts printed on stdout (with `VmBuilder::capture_stdout`).
    pub fn take_stdout(&mut self) -> String {
        let mut v = self
            .out_buf
            .0
            .lock()
            .map(|mut v| std::mem::take(&mut *v))
            .unwrap_or_default();
        String::from_utf8(std::mem::take(&mut v))
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }

    /// Takes what scripts printed on stderr (with `VmBuilder::capture_stderr`).
    pub fn take_stderr(&mut self) -> String {
        let v = self
            .err_buf
            .0
            .lock()
            .map(|mut v| std::mem::take(&mut *v))
            .unwrap_or_default();
        String::from_utf8_lossy(&v).into_owned()
    }

    /// Makes the closure callable from Go as `pkg.name(...)` after `import "pkg"`.
    /// Parameters and results: `i64` (Go `int64`), `f64` (`float64`), `bool`, `String`
    /// (`string`); a closure may return `()` (nothing) or `Result<T, E: Display>` (Go's
    /// `(T, error)`, `error` for `Result<(), E>`). Registering a name again replaces it.
    pub fn register_fn<M, F: HostFn<M>>(&mut self, pkg: &str, name: &str, f: F) -> &mut Self {
        self.hosts.retain(|e| !(e.pkg == pkg && e.name == name));
        self.hosts.push(HostEntry::new(pkg, name, f));
        self
    }

    fn options(&self) -> Options {
        let mut o = self.opts.clone();
        let mut pkgs: Vec<&str> = self.hosts.iter().map(|e| e.pkg.as_str()).collect();
        pkgs.sort();
        pkgs.dedup();
        o.host_packages = pkgs
            .iter()
            .map(|p| (p.to_string(), package_source(p, &self.hosts)))
            .collect();
        o
    }

    /// Compiles and runs one program (with package main and func main). Its output goes to
    /// the sinks; the eval session is not affected.
    pub fn run(&mut self, src: &str) -> Result<(), Error> {
        self.run_named("main.go", src)
    }

    /// `run` on a file's contents.
    pub fn run_file(&mut self, path: impl AsRef<std::path::Path>) -> Result<(), Error> {
        let p = path.as_ref();
        let src = std::fs::read_to_string(p)
            .map_err(|e| Error::Load(format!("cannot read {}: {}", p.display(), e)))?;
        self.run_named(&p.display().to_string(), &src)
    }

    fn run_named(&mut self, name: &str, src: &str) -> Result<(), Error> {
        let opts = self.options();
        let c = driver::compile_source(name, src, &opts).map_err(compile_error)?;
        self.execute(c, 0, 0).result
    }

    /// Runs a compiled program on a fresh VM; output beyond the first `skip_out`/`skip_err`
    /// bytes reaches the sinks.
    fn execute(&mut self, c: driver::Compiled, skip_out: usize, skip_err: usize) -> Ran {
        let captured: Arc<Mutex<Vec<Value>>> = Arc::default();
        let echo: Arc<Mutex<Vec<(String, String)>>> = Arc::default();
        let mut natives: NativeRegistry = gosub_std::registry();
        for h in &self.hosts {
            natives.register_closure(&h.native_name(), h.native.clone());
        }
        let cap = captured.clone();
        natives.register_closure(
            "main.__capture",
            Arc::new(move |vm: &mut RawVm, fp: Addr| capture(vm, fp, &cap)),
        );
        let ech = echo.clone();
        natives.register_closure(
            "main.__echo",
            Arc::new(move |vm: &mut RawVm, fp: Addr| {
                let v = vm.read_string(fp)?;
                let t = vm.read_string(fp + 16)?;
                if let Ok(mut e) = ech.lock() {
                    e.push((
                        String::from_utf8_lossy(&v).into_owned(),
                        String::from_utf8_lossy(&t).into_owned(),
                    ));
                }
                Ok(())
            }),
        );
        let cfg = VmConfig {
            heap: self.opts.heap.clone(),
            max_stack: self.opts.max_stack,
            args: self.opts.args.clone(),
            fuel: self.opts.fuel,
        };
        let out_seen = Arc::new(Mutex::new(0usize));
        let err_seen = Arc::new(Mutex::new(0usize));
        let fail = |e: Error| Ran {
            result: Err(e),
            captured: Vec::new(),
            echo: Vec::new(),
            out_len: 0,
            err_len: 0,
        };
        let mut vm = match RawVm::new(c.program, &natives, cfg) {
            Ok(vm) => vm,
            Err(e) => return fail(e.into()),
        };
        vm.stdout = Box::new(std::io::BufWriter::new(SkipWriter {
            sink: self.stdout.clone(),
            skip: skip_out,
            seen: out_seen.clone(),
        }));
        vm.stderr = Box::new(SkipWriter {
            sink: self.stderr.clone(),
            skip: skip_err,
            seen: err_seen.clone(),
        });
        vm.report_fatal = false;
        self.interrupt.store(false, Ordering::Relaxed);
        vm.interrupt = self.interrupt.clone();
        let map = Arc::new(c.sources);
        let m2 = map.clone();
        vm.source_pos = Some(Box::new(move |pos| map.file_line(pos)));
        vm.cmem.pos_fn = Some(Box::new(move |pos| m2.position(pos)));
        let r = vm.run_main();
        let _ = vm.stdout.flush();
        let _ = vm.stderr.flush();
        self.last_stats = Some(vm.heap.mem_stats());
        drop(vm);
        let out_len = out_seen.lock().map(|v| *v).unwrap_or(0);
        let err_len = err_seen.lock().map(|v| *v).unwrap_or(0);
        let captured = captured
            .lock()
            .map(|mut v| std::mem::take(&mut *v))
            .unwrap_or_default();
        let echo = echo
            .lock()
            .map(|mut v| std::mem::take(&mut *v))
            .unwrap_or_default();
        Ran {
            result: r.map_err(Error::from),
            captured,
            echo,
            out_len,
            err_len,
        }
    }

    /// Evaluates Go source in the session: declarations (func, type, var, const, import)
    /// and statements persist across calls; the value of a trailing expression is returned
    /// (`Value::Nil` when there is none, `Value::Tuple` for several results).
    pub fn eval(&mut self, src: &str) -> Result<Value, Error> {
        self.eval_input(session::classify(src), true)
    }

    /// `eval` and convert the result.
    pub fn eval_as<T: FromValue>(&mut self, src: &str) -> Result<T, Error> {
        T::from_value(self.eval(src)?)
    }

    /// The REPL's echo: `(value as %+v, type as %T)` for each value of the last eval's
    /// trailing expression (only with `set_echo(true)`).
    pub fn last_echo(&self) -> &[(String, String)] {
        &self.last_echo
    }

    /// Collect `%+v` / `%T` renderings of eval results (used by the REPL).
    pub fn set_echo(&mut self, on: bool) {
        self.echo = on;
    }

    /// Forgets the session (declarations, statements, imports).
    pub fn reset(&mut self) {
        self.session = Session::default();
    }

    /// The names the eval session declares (for completion): package-level declarations,
    /// top-level `:=` and `var` statements, imported package names; sorted.
    pub fn session_names(&self) -> Vec<String> {
        self.session.names()
    }

    /// What the eval session holds (imports, declarations, statements).
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// Heap statistics of the last run.
    pub fn mem_stats(&self) -> Option<&gosub_heap::MemStats> {
        self.last_stats.as_ref()
    }

    /// The program the session would run for `src` (for `:escape`, `:disasm`).
    pub fn session_program(&self, src: &str) -> String {
        let inp = session::classify(src);
        let imports = self.imports_for(&inp);
        let (prog, _) = session::build(
            &self.session,
            &Build {
                input: &inp,
                imports: &imports,
                used: &self.session.used,
                echo: false,
                expr_as_stmt: false,
                tail: "",
            },
        );
        prog
    }

    /// The options scripts compile with (host packages included).
    pub fn compile_options(&self) -> Options {
        self.options()
    }

    fn imports_for(&self, inp: &Input) -> Vec<(Option<String>, String)> {
        let mut imports = self.session.imports.clone();
        for i in &inp.imports {
            if !imports.contains(i) {
                imports.push(i.clone());
            }
        }
        let mut text = inp.stmts.clone();
        if let Some(d) = &inp.decls {
            text.push_str(d);
        }
        if let Some(e) = &inp.expr {
            text.push('\n');
            text.push_str(e);
        }
        let hosts: Vec<String> = self.hosts.iter().map(|h| h.pkg.clone()).collect();
        for p in session::implicit_imports(&text, &imports, &hosts) {
            if hosts.contains(&p)
                || self
                    .opts
                    .allowed_imports
                    .as_ref()
                    .is_none_or(|a| a.contains(&p))
            {
                imports.push((None, p));
            }
        }
        imports
    }

    fn eval_input(&mut self, inp: Input, keep: bool) -> Result<Value, Error> {
        self.last_echo.clear();
        let imports = self.imports_for(&inp);
        let opts = self.options();
        let mut used = self.session.used.clone();
        let mut dropped: Vec<String> = Vec::new();
        let mut expr_as_stmt = false;
        let mut first_err: Option<Error> = None;
        for _attempt in 0..6 {
            let prog_imports: Vec<(Option<String>, String)> = imports
                .iter()
                .filter(|(_, p)| !dropped.contains(p))
                .cloned()
                .collect();
            let (src, lay) = session::build(
                &self.session,
                &Build {
                    input: &inp,
                    imports: &prog_imports,
                    used: &used,
                    echo: self.echo,
                    expr_as_stmt,
                    tail: "",
                },
            );
            match driver::compile_source(SESSION_FILE, &src, &opts) {
                Ok(c) => {
                    let (so, se) = (self.session.out_len, self.session.err_len);
                    let ran = self.execute(c, so, se);
                    ran.result?;
                    if keep {
                        let s = &mut self.session;
                        for i in &imports {
                            if !s.imports.contains(i) {
                                s.imports.push(i.clone());
                            }
                        }
                        if let Some(d) = &inp.decls {
                            s.decls.push(d.clone());
                        }
                        let mut st = inp.stmts.clone();
                        if let Some(e) = &inp.expr {
                            if expr_as_stmt {
                                st.push_str(e);
                            } else {
                                st.push_str(&format!("__discard({})", e));
                            }
                        }
                        if !st.trim().is_empty() {
                            s.stmts.push(st);
                        }
                        s.used = used;
                        s.out_len = ran.out_len;
                        s.err_len = ran.err_len;
                    }
                    self.last_echo = ran.echo;
                    let mut vals = ran.captured;
                    return Ok(match vals.len() {
                        0 => Value::Nil,
                        1 => vals.remove(0),
                        _ => Value::Tuple(vals),
                    });
                }
                Err(msgs) => {
                    let mut diags: Vec<crate::Diagnostic> =
                        msgs.iter().map(|m| crate::Diagnostic::parse(m)).collect();
                    for d in &mut diags {
                        session::map_diag(d, &lay, &inp);
                    }
                    let mut fixed = false;
                    let mut other = false;
                    for d in &diags {
                        if let Some(n) = d.message.strip_prefix("declared and not used: ") {
                            if !used.iter().any(|u| u == n) && d.file == session::INPUT_FILE
                                || d.line >= lay.stmt_line && d.file == SESSION_FILE
                            {
                                used.push(n.to_string());
                                fixed = true;
                                continue;
                            }
                        }
                        if let Some(p) = d
                            .message
                            .strip_suffix(" imported and not used")
                            .map(|p| p.trim_matches('"').to_string())
                        {
                            if !dropped.contains(&p) {
                                dropped.push(p);
                                fixed = true;
                                continue;
                            }
                        }
                        if inp.expr.is_some()
                            && !expr_as_stmt
                            && (d.message.contains("used as value")
                                || d.message.contains("(no value)"))
                        {
                            expr_as_stmt = true;
                            fixed = true;
                            continue;
                        }
                        other = true;
                    }
                    if first_err.is_none() {
                        // `declared and not used` of session variables is an artifact of
                        // the replay: report it only when it is the only error.
                        let real: Vec<crate::Diagnostic> = diags
                            .iter()
                            .filter(|d| !d.message.starts_with("declared and not used"))
                            .cloned()
                            .collect();
                        first_err =
                            Some(Error::Compile(if real.is_empty() { diags } else { real }));
                    }
                    if other || !fixed {
                        break;
                    }
                }
            }
        }
        Err(first_err.unwrap_or_else(|| Error::Usage("eval failed".into())))
    }

    /// The Go type (as `%T` spells it) of an expression in the session, found by
    /// type-checking only: nothing runs.
    pub fn type_of(&self, expr: &str) -> Result<String, Error> {
        let inp = Input::default();
        let mut imports = self.imports_for(&inp);
        let hosts: Vec<String> = self.hosts.iter().map(|h| h.pkg.clone()).collect();
        for p in session::implicit_imports(expr, &imports, &hosts) {
            imports.push((None, p));
        }
        let tail = format!("__probe := ({})\n_ = __probe\n", expr);
        let (src, _) = session::build(
            &self.session,
            &Build {
                input: &inp,
                imports: &imports,
                used: &self.session.used,
                echo: false,
                expr_as_stmt: false,
                tail: &tail,
            },
        );
        match driver::probe_type(SESSION_FILE, &src, &self.options(), "__probe") {
            Ok(Some(t)) => Ok(t),
            Ok(None) => Err(Error::Usage(format!("cannot type {}", expr))),
            Err(msgs) => Err(compile_error(
                msgs.into_iter()
                    .filter(|m| !m.contains("imported and not used"))
                    .collect(),
            )),
        }
    }

    /// Calls a Go function of the session (declared by an earlier `eval`) with arguments
    /// converted from Rust; returns its result (`Value::Tuple` for several, `Nil` for none).
    /// The call is recorded in the session like an evaluated statement.
    pub fn call(&mut self, name: &str, args: &[Value]) -> Result<Value, Error> {
        if !is_ident_path(name) {
            return Err(Error::Usage(format!("not a function name: {:?}", name)));
        }
        let ft = self.type_of(name)?;
        let params = func_params(&ft)
            .ok_or_else(|| Error::Usage(format!("{} is not a function (it is {})", name, ft)))?;
        let mut lits = Vec::new();
        for (i, a) in args.iter().enumerate() {
            let t = match params.get(i) {
                Some(t) => t.trim_start_matches("...").to_string(),
                None => match params.last() {
                    Some(t) if t.starts_with("...") => t[3..].to_string(),
                    _ => {
                        return Err(Error::Usage(format!(
                            "too many arguments in call to {} ({})",
                            name, ft
                        )))
                    }
                },
            };
            lits.push(a.to_go_literal(&t).map_err(|e| {
                Error::Conversion(format!(
                    "argument {} of {}: {} (Go type {})",
                    i + 1,
                    name,
                    e,
                    t
                ))
            })?);
        }
        let inp = Input {
            expr: Some(format!("{}({})", name, lits.join(", "))),
            ..Default::default()
        };
        self.eval_input(inp, true)
    }

    /// Reads a variable of the session (a package-level `var` or a top-level `x := ...`).
    pub fn get<T: FromValue>(&mut self, name: &str) -> Result<T, Error> {
        if !is_ident_path(name) {
            return Err(Error::Usage(format!("not a variable name: {:?}", name)));
        }
        let inp = Input {
            expr: Some(name.to_string()),
            ..Default::default()
        };
        let v = self.eval_input(inp, false)?;
        T::from_value(v).map_err(|e| match e {
            Error::Conversion(m) => Error::Conversion(format!("{}: {}", name, m)),
            e => e,
        })
    }

    /// Assigns a variable of the session; the assignment is recorded like a statement.
    pub fn set(&mut self, name: &str, value: impl Into<Value>) -> Result<(), Error> {
        if !is_ident_path(name) {
            return Err(Error::Usage(format!("not a variable name: {:?}", name)));
        }
        let t = self.type_of(name)?;
        let lit = value.into().to_go_literal(&t)?;
        let inp = Input {
            stmts: format!("{} = {}", name, lit),
            ..Default::default()
        };
        self.eval_input(inp, true).map(|_| ())
    }
}

fn is_ident_path(s: &str) -> bool {
    !s.is_empty()
        && s.split('.').all(|p| {
            p.chars()
                .next()
                .is_some_and(|c| c.is_alphabetic() || c == '_')
                && p.chars().all(|c| c.is_alphanumeric() || c == '_')
        })
}

/// Parameter types of a `func(...)` type string (`...T` for a variadic last parameter).
fn func_params(t: &str) -> Option<Vec<String>> {
    let rest = t.strip_prefix("func(")?;
    let mut depth = 0i32;
    let mut cur = String::new();
    let mut out = Vec::new();
    for c in rest.chars() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth > 0 => depth -= 1,
            ')' => {
                if !cur.trim().is_empty() {
                    out.push(cur.trim().to_string());
                }
                return Some(out);
            }
            ',' if depth == 0 => {
                out.push(cur.trim().to_string());
                cur.clear();
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    None
}

/// The `__capture(vs []any)` native: copies each value into a `Value`.
fn capture(vm: &mut RawVm, fp: Addr, out: &Mutex<Vec<Value>>) -> Result<(), Trap> {
    let p = vm.heap.read_u64(fp)?;
    let n = vm.heap.read_u64(fp + 8)?;
    let prog = vm.prog.clone();
    let any = prog
        .rtypes
        .iter()
        .position(|r| {
            r.kind == gosub_compile::program::RKind::Interface && r.iface_methods.is_empty()
        })
        .unwrap_or(0) as u32;
    let mut vals = Vec::new();
    for i in 0..n {
        vals.push(read_value(vm, &prog, any, p + 16 * i, 0)?);
    }
    if let Ok(mut o) = out.lock() {
        *o = vals;
    }
    Ok(())
}
