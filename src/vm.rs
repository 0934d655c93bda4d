//! The embedding API: a `Vm` a Rust program creates, configures, feeds Go source and
//! exchanges values with. See docs/embedding.md.

use crate::driver::{self, Options};
use crate::error::{compile_error, Error};
use crate::func::{Func, FuncArgs};
use crate::go_call::Target;
use crate::handle::GoRef;
use crate::host::{package_source, HostEntry, HostFn, HostFnCtx};
use crate::live::Live;
use crate::memreport::MemoryReport;
use crate::session::{self, Input, INPUT_FILE};
use crate::sink::{SinkBuf, SinkWriter};
use crate::value::{FromValue, Value};
use gosub_vm::{NativeRegistry, Vm as RawVm};
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// Standard packages scripts may import by default: all of gosub's standard library except
/// the packages that reach the host (`gosub_std::HOST_PACKAGES`: files, environment, clock).
pub fn default_packages() -> Vec<&'static str> {
    (gosub_std::PACKAGES.iter())
        .filter(|p| !gosub_std::HOST_PACKAGES.contains(p))
        .copied()
        .collect()
}

mod builder;
pub use builder::VmBuilder;

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

/// An embedded gosub VM: compiles and runs Go source, keeps an eval session, calls Go
/// functions, reads and writes variables, exposes host functions to scripts.
pub struct Vm {
    opts: Options,
    hosts: Vec<HostEntry>,
    stdout: Sink,
    stderr: Sink,
    stdin: Arc<Mutex<Box<dyn std::io::Read + Send>>>,
    out_buf: driver::SharedBuf,
    err_buf: driver::SharedBuf,
    interrupt: Arc<AtomicBool>,
    /// The eval session (started by the first `eval`).
    live: Option<Box<Live>>,
    /// The types of the names `call`/`get`/`set` were given, in this session (cleared
    /// when an input redeclares a name).
    named_types: std::collections::HashMap<String, String>,
    /// Functions `call` runs directly (`call_direct`), with the session they belong to.
    direct_calls: std::collections::HashMap<String, (u64, Target)>,
    /// The session's count of redeclarations when the caches above were last valid.
    replaced_seen: u64,
    echo: bool,
    last_echo: Vec<(String, String)>,
    /// The heap statistics of the last `run` (boxed, as the report below: several KiB
    /// that most VMs never fill, and a host moves its `Vm`s around).
    last_stats: Option<Box<gosub_heap::MemStats>>,
    /// The memory report of the last `run`, when `keep_memory_report` asked for them.
    last_report: Option<Box<MemoryReport>>,
    /// A host function was registered since the session last took the list.
    hosts_changed: bool,
}

impl Drop for Vm {
    fn drop(&mut self) {
        self.drop_session();
    }
}

impl Default for Vm {
    fn default() -> Self {
        Vm::new()
    }
}

/// Reads from the host's shared stdin source.
pub(crate) struct SourceReader(pub(crate) Arc<Mutex<Box<dyn std::io::Read + Send>>>);

impl std::io::Read for SourceReader {
    fn read(&mut self, b: &mut [u8]) -> std::io::Result<usize> {
        match self.0.lock() {
            Ok(mut r) => r.read(b),
            Err(_) => Ok(0),
        }
    }
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
        self.named_types.clear();
        self.hosts_changed = true;
        self
    }

    /// Like `register_fn`, for a closure whose first parameter is a `HostCtx`, through
    /// which it may call back into the Go program (`ctx.call("Name", &args)`).
    pub fn register_fn_ctx<M, F: HostFnCtx<M>>(
        &mut self,
        pkg: &str,
        name: &str,
        f: F,
    ) -> &mut Self {
        self.hosts.retain(|e| !(e.pkg == pkg && e.name == name));
        self.hosts.push(HostEntry::new_ctx(pkg, name, f));
        self.named_types.clear();
        self.hosts_changed = true;
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
        self.execute(c)
    }

    /// Runs a compiled program on a fresh VM; its output goes to the sinks.
    fn execute(&mut self, c: driver::Compiled) -> Result<(), Error> {
        let mut natives: NativeRegistry = gosub_std::registry();
        for h in &self.hosts {
            natives.register_closure(&h.native_name(), h.native.clone());
        }
        let mut vm = RawVm::new(c.program, &natives, self.opts.vm_config())?;
        vm.stdout = Box::new(SinkBuf::new(self.stdout.clone()));
        vm.stderr = Box::new(SinkWriter(self.stderr.clone()));
        vm.stdin = Box::new(SourceReader(self.stdin.clone()));
        vm.report_fatal = false;
        self.interrupt.store(false, Ordering::Relaxed);
        vm.interrupt = self.interrupt.clone();
        let map = Arc::new(c.sources);
        let m2 = map.clone();
        vm.source_pos = Some(Box::new(move |pos| map.file_line(pos)));
        vm.cmem.pos_fn = Some(Box::new(move |pos| m2.position(pos)));
        self.opts.start_recording(&mut vm);
        let r = vm.run_main();
        let _ = vm.stdout.flush();
        let _ = vm.stderr.flush();
        self.last_stats = Some(Box::new(vm.heap.mem_stats()));
        if self.opts.memory_report {
            let name = driver::program_file(&vm);
            self.last_report = Some(Box::new(MemoryReport::of(&vm, &name, &c.escape_notes)));
        }
        r.map_err(Error::from)
    }

    /// Evaluates Go source in the session: declarations (func, type, var, const, import)
    /// and statements persist across calls; the value of a trailing expression is returned
    /// (`Value::Nil` when there is none, `Value::Tuple` for several results). Each input is
    /// compiled against the session and runs once, on the session's one VM and heap.
    pub fn eval(&mut self, src: &str) -> Result<Value, Error> {
        // Whole on the front end's stack: one switch for the classifying parse, the
        // session's start and the input's compile.
        crate::front_stack::on_front_end_stack(|| self.eval_source(src, None))
    }

    /// Classifies and evaluates `src` (named `name`): an input classified from its tokens
    /// that does not compile for a syntax error is classified again by parsing, so the
    /// error is what the parse says (session.rs, `Input::by_tokens`).
    fn eval_source(&mut self, src: &str, name: Option<&str>) -> Result<Value, Error> {
        let mut inp = session::classify(src);
        inp.name = name.map(str::to_string);
        if !inp.by_tokens {
            return self.eval_input(inp);
        }
        match self.eval_input(inp) {
            Err(Error::Compile(d)) if d.iter().any(|d| d.message.starts_with("syntax error")) => {
                let mut inp = session::classify_parsed(src);
                inp.name = name.map(str::to_string);
                self.eval_input(inp)
            }
            r => r,
        }
    }

    /// `eval` of source the host names `name` (a file name, `config.go`): its compile errors
    /// and the traceback lines of code it declared name that file, with the lines of `src`.
    pub fn eval_named(&mut self, name: &str, src: &str) -> Result<Value, Error> {
        crate::front_stack::on_front_end_stack(|| self.eval_source(src, Some(name)))
    }

    /// Evaluates `src` like `eval` and returns its trailing expression's value as a rooted
    /// handle, whatever its type: the value stays alive (and valid when the collector moves
    /// it) until the last clone of the `GoRef` is dropped.
    pub fn eval_ref(&mut self, src: &str) -> Result<GoRef, Error> {
        let inp = session::classify_parsed(src);
        if inp.expr.is_none() {
            return Err(Error::Usage("eval_ref needs an expression".into()));
        }
        self.live()?.want_refs(true);
        let r = self.eval_input(inp);
        if let Some(l) = self.live.as_deref() {
            l.want_refs(false);
        }
        // An error value refers to the Go value itself.
        let v = match r? {
            Value::Error(e) => *e.value,
            v => v,
        };
        match v {
            Value::Ref(r) => Ok(r),
            Value::Tuple(_) => Err(Error::Usage(
                "eval_ref needs an expression with one value".into(),
            )),
            other => Err(Error::Usage(format!(
                "eval_ref: the expression has no value to refer to ({})",
                other.kind_name()
            ))),
        }
    }

    /// A copy of the Go value `r` refers to, read now (for a pointer: of the value it points
    /// to; nil for a nil pointer).
    pub fn deref(&mut self, r: &GoRef) -> Result<Value, Error> {
        self.live()?.deref(r)
    }

    /// Refuses `GoRef`s of another VM or of a session that was reset.
    fn check_refs(&mut self, vals: &[&Value]) -> Result<(), Error> {
        let id = self.live()?.session_id();
        for v in vals {
            let v = match v {
                Value::Error(e) => &*e.value,
                v => v,
            };
            if let Value::Ref(r) = v {
                if r.session() != id {
                    return Err(Error::Usage(
                        "this GoRef belongs to another VM or to a session that was reset".into(),
                    ));
                }
            }
        }
        Ok(())
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

    /// Forgets the session (declarations, variables, imports) and its heap.
    pub fn reset(&mut self) {
        self.drop_session();
        self.named_types.clear();
        self.replaced_seen = 0;
    }

    /// Drops the session, on the front end's stack: its syntax trees are as deep as the
    /// inputs' shapes (front_stack.rs).
    fn drop_session(&mut self) {
        if let Some(live) = self.live.take() {
            crate::front_stack::on_front_end_stack(move || drop(live));
        }
    }

    /// The eval session as one runnable Go program (the REPL's `:save`): declarations in
    /// input order, statements in `func main`, session variables at package level, the
    /// earlier declarations of a redeclared name renamed `name_1`... (src/save.rs). The
    /// second part is what the checker says of the program, empty when it compiles.
    pub fn session_source(&self) -> (String, Vec<String>) {
        match self.live.as_deref() {
            Some(live) => live.session_source(),
            None => ("package main\n\nfunc main() {\n}\n".into(), Vec::new()),
        }
    }

    /// The fields and methods a selector can name after each of the session's variables
    /// (and their fields, three selectors deep), by path: `"p"` → `["Inner", "Scale", "X"]`,
    /// `"p.Inner"` → ... (what the REPL completes after `p.`).
    pub fn session_members(&self) -> std::collections::HashMap<String, Vec<String>> {
        self.live
            .as_deref()
            .map(|l| l.member_paths())
            .unwrap_or_default()
    }

    /// The names the eval session declares (for completion): package-level declarations,
    /// top-level `:=` and `var` statements, imported package names; sorted.
    pub fn session_names(&self) -> Vec<String> {
        self.live.as_ref().map(|l| l.names()).unwrap_or_default()
    }

    /// The text of the session's declaration inputs (for `:doc`).
    pub fn session_decls(&self) -> String {
        self.live
            .as_ref()
            .map(|l| l.decls.join("\n"))
            .unwrap_or_default()
    }

    /// The memory report (what `gosub run --memreport` shows) of the session so far, or
    /// of the last `run`; None unless the VM was built with `keep_memory_report`, or
    /// before anything ran.
    pub fn memory_report(&self) -> Option<MemoryReport> {
        if !self.opts.memory_report {
            return None;
        }
        match &self.live {
            Some(l) => Some(l.memory_report()),
            None => self.last_report.as_deref().cloned(),
        }
    }

    /// Writes `memory_report()` as an HTML page to `path`.
    pub fn write_memory_report(&self, path: impl AsRef<std::path::Path>) -> Result<(), Error> {
        let Some(r) = self.memory_report() else {
            return Err(Error::Usage(
                "no memory report: build the VM with keep_memory_report() and run something".into(),
            ));
        };
        r.write_html(path.as_ref())
            .map_err(|e| Error::Usage(format!("{}: {}", path.as_ref().display(), e)))
    }

    /// Heap statistics of the session's VM (or of the last `run`).
    pub fn mem_stats(&self) -> Option<gosub_heap::MemStats> {
        match &self.live {
            Some(l) => Some(l.vm.heap.mem_stats()),
            None => self.last_stats.as_deref().cloned(),
        }
    }

    /// Bytes in use in the session heap's spaces: (nursery and survivors, old space, large
    /// objects); None before the first eval.
    pub fn heap_spaces(&self) -> Option<(u64, u64, u64)> {
        self.live.as_ref().map(|l| l.vm.heap.space_usage())
    }

    /// Runs a full collection on the session's heap (what `runtime.GC()` does).
    pub fn collect_garbage(&mut self) -> Result<(), Error> {
        let live = self.live()?;
        gosub_vm::gc::collect(&mut live.vm, gosub_heap::GcKind::Major)
            .map_err(|t| Error::Usage(format!("collection failed: {:?}", t)))
    }

    /// The session's bytecode (`only`: functions whose name contains it).
    pub fn disasm(&self, only: Option<&str>) -> String {
        match &self.live {
            Some(l) => gosub_bytecode::disasm::disasm(&l.vm.prog, only),
            None => String::new(),
        }
    }

    /// gc's `-m` escape decisions for the last input (`level` 2 for `-m -m`).
    pub fn escape_report(&self, level: u8) -> Vec<String> {
        let Some(l) = &self.live else {
            return Vec::new();
        };
        let file = l.last_file();
        l.escape_lines(level)
            .into_iter()
            .filter(|d| d.starts_with(&format!("{}:", file)) && !d.contains("__gosub"))
            .map(|d| {
                let rest = &d[file.len() + 1..];
                // Lines of the input, not of its generated file (one header line).
                match rest.split_once(':') {
                    Some((line, tail)) => match line.parse::<u32>() {
                        Ok(n) => format!("{}:{}:{}", INPUT_FILE, n.saturating_sub(1).max(1), tail),
                        Err(_) => d.clone(),
                    },
                    None => d.clone(),
                }
            })
            .collect()
    }

    /// The options scripts compile with (host packages included).
    pub fn compile_options(&self) -> Options {
        self.options()
    }

    fn host_pkgs(&self) -> Vec<String> {
        let mut v: Vec<String> = self.hosts.iter().map(|h| h.pkg.clone()).collect();
        v.sort();
        v.dedup();
        v
    }

    /// The session, if started (tests).
    #[cfg(test)]
    pub(crate) fn live_session(&self) -> Option<&Live> {
        self.live.as_deref()
    }

    /// The session, started on first use.
    fn live(&mut self) -> Result<&mut Live, Error> {
        if self.live.is_none() {
            let opts = self.options();
            let (hosts, out, err) = (&self.hosts, self.stdout.clone(), self.stderr.clone());
            let interrupt = self.interrupt.clone();
            let l = crate::front_stack::on_front_end_stack(move || {
                Live::new(&opts, hosts, out, err, interrupt)
            })?;
            self.live = Some(l);
        }
        match self.live.as_deref_mut() {
            Some(l) => Ok(l),
            None => Err(Error::Usage("no session".into())),
        }
    }

    fn eval_input(&mut self, mut inp: Input) -> Result<Value, Error> {
        if let Some(then) = inp.then.take() {
            // Declarations first, then the statements that may use them.
            let mut then = *then;
            then.name = inp.name.clone();
            self.eval_input(inp)?;
            return self.eval_input(then);
        }
        self.last_echo.clear();
        let hosts = self.host_pkgs();
        let echo = self.echo;
        self.interrupt.store(false, Ordering::Relaxed);
        // (A session started now takes the list as it is.)
        let update = (self.hosts_changed && self.live.is_some())
            .then(|| (self.options(), self.hosts.clone()));
        self.hosts_changed = false;
        let live = self.live()?;
        if let Some((opts, entries)) = update {
            live.update_hosts(&opts, &entries);
        }
        let out = live.eval(&inp, &hosts, echo);
        let replaced = live.replaced();
        if replaced != self.replaced_seen {
            // A name was redeclared: what it meant is cached no longer.
            self.replaced_seen = replaced;
            self.named_types.clear();
            self.direct_calls.clear();
        }
        let out = out?;
        self.last_echo = out.echo;
        let mut vals = out.values;
        Ok(match vals.len() {
            0 => Value::Nil,
            1 => vals.remove(0),
            _ => Value::Tuple(vals),
        })
    }

    /// The Go type (as `%T` spells it) of an expression in the session, found by
    /// type-checking only: nothing runs.
    pub fn type_of(&mut self, expr: &str) -> Result<String, Error> {
        let hosts = self.host_pkgs();
        let live = self.live()?;
        // `&mut`, which is Send, not `&` (a `Live` is not Sync).
        crate::front_stack::on_front_end_stack(move || {
            let live: &mut Live = live;
            live.type_of(expr, &hosts)
        })
    }

    /// The fields and methods a selector can name after an expression of the session
    /// (`f().`, `xs[0].`: what the REPL completes there), found by type-checking only.
    pub fn members_of(&mut self, expr: &str) -> Result<Vec<String>, Error> {
        let hosts = self.host_pkgs();
        let live = self.live()?;
        crate::front_stack::on_front_end_stack(move || {
            let live: &mut Live = live;
            live.members_of(expr, &hosts)
        })
    }

    /// The type of the name `call`, `get` or `set` was given; a name the session does not
    /// define is a usage error (`Error::Usage`), as the host named something that is not
    /// there, not a compile error of Go source the host wrote.
    fn named_type(&mut self, name: &str) -> Result<String, Error> {
        if let Some(t) = self.named_types.get(name) {
            return Ok(t.clone());
        }
        let t = self.type_of(name).map_err(|e| match e {
            Error::Compile(d) if d.iter().any(|d| d.message.starts_with("undefined: ")) => {
                Error::Usage(format!(
                    "{name} is not defined in the session ({})",
                    d[0].message
                ))
            }
            e => e,
        })?;
        self.named_types.insert(name.to_string(), t.clone());
        Ok(t)
    }

    /// Calls a Go function of the session (declared by an earlier `eval`) with arguments
    /// converted from Rust; returns its result (`Value::Tuple` for several, `Nil` for none).
    /// The call is recorded in the session like an evaluated statement.
    pub fn call(&mut self, name: &str, args: &[Value]) -> Result<Value, Error> {
        if !is_ident_path(name) {
            return Err(Error::Usage(format!("not a function name: {:?}", name)));
        }
        self.check_refs(&args.iter().collect::<Vec<_>>())?;
        let ft = self.named_type(name)?;
        let params = func_params(&ft)
            .ok_or_else(|| Error::Usage(format!("{} is not a function (it is {})", name, ft)))?;
        if let Some(v) = self.call_direct(name, args)? {
            return Ok(v);
        }
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
        self.eval_input(inp)
    }

    /// Prepares Go function `name` of the session (declared by an earlier `eval`) for calls
    /// from Rust with arguments `A` and result `R`: resolved once, then each
    /// `Func::call` runs it with nothing compiled (src/func.rs).
    pub fn func<A: FuncArgs, R: FromValue>(&mut self, name: &str) -> Result<Func<A, R>, Error> {
        if !is_ident_path(name) {
            return Err(Error::Usage(format!("not a function name: {:?}", name)));
        }
        let ft = self.named_type(name)?;
        if func_params(&ft).is_none() {
            return Err(Error::Usage(format!(
                "{} is not a function (it is {})",
                name, ft
            )));
        }
        let live = self.live()?;
        if !live.declares_func(name) {
            return Err(Error::Usage(format!(
                "{} is a variable of func type, not a declared function: prepared calls take \
                 declared functions (Vm::call takes both)",
                name
            )));
        }
        let prog = live.vm.prog.clone();
        let f = Func::new(Target::find(&prog, name)?, live.session_id());
        if f.arity() != A::LEN {
            return Err(Error::Usage(format!(
                "{} takes {} argument{} ({}), not {}",
                name,
                f.arity(),
                if f.arity() == 1 { "" } else { "s" },
                ft,
                A::LEN
            )));
        }
        Ok(f)
    }

    /// `call` of a function whose arguments and results convert as a prepared call's do
    /// (go_call.rs), run as one (nothing compiled, nothing added to the session); None to
    /// compile the call expression instead.
    fn call_direct(&mut self, name: &str, args: &[Value]) -> Result<Option<Value>, Error> {
        let live = self.live()?;
        if !live.declares_func(name) {
            // A variable of func type: called through the compiled call expression.
            return Ok(None);
        }
        let session = live.session_id();
        let prog = live.vm.prog.clone();
        let target = match self.direct_calls.get(name) {
            Some((s, t)) if *s == session => t.clone(),
            _ => match Target::find(&prog, name) {
                Ok(t) if t.results_as_values(&prog) => {
                    self.direct_calls
                        .insert(name.to_string(), (session, t.clone()));
                    t
                }
                _ => return Ok(None),
            },
        };
        if !target.accepts(&prog, args) {
            return Ok(None);
        }
        self.call_prepared(&target, session, args).map(Some)
    }

    /// Runs a prepared call (`Func::call`).
    pub(crate) fn call_prepared(
        &mut self,
        target: &Target,
        session: u64,
        args: &[Value],
    ) -> Result<Value, Error> {
        self.check_refs(&args.iter().collect::<Vec<_>>())?;
        self.interrupt.store(false, Ordering::Relaxed);
        let live = self.live()?;
        if live.session_id() != session {
            return Err(Error::Usage(format!(
                "{} was prepared in a session since reset: prepare it again with Vm::func",
                target.qual
            )));
        }
        live.call_prepared(target, args)
    }

    /// Reads a variable of the session (a package-level `var` or a top-level `x := ...`).
    pub fn get<T: FromValue>(&mut self, name: &str) -> Result<T, Error> {
        if !is_ident_path(name) {
            return Err(Error::Usage(format!("not a variable name: {:?}", name)));
        }
        self.named_type(name)?;
        let inp = Input {
            expr: Some(name.to_string()),
            ..Default::default()
        };
        let v = self.eval_input(inp)?;
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
        let value = value.into();
        self.check_refs(&[&value])?;
        let t = self.named_type(name)?;
        let lit = value.to_go_literal(&t)?;
        let inp = Input {
            stmts: format!("{} = {}", name, lit),
            ..Default::default()
        };
        self.eval_input(inp).map(|_| ())
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
