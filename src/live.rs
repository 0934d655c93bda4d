//! The live eval session: one VM that stays up between `Vm::eval` calls, and the checker's
//! and compiler's state to compile each new input against what the session already has.
//!
//! Each input becomes one more file of the session's package `main`:
//!
//! ```text
//! package main; import (...)                  // line 1: the imports this input needs
//! <declarations>                              // a declaration input, or
//! func __gosub_inputN() { <statements>; __gosub_result(<trailing expression>) }
//! ```
//!
//! The checker continues from its saved state (`gosub_types::check_more`): type, object and
//! node ids of earlier inputs keep their meaning, and variables declared at the top level of
//! an input function become package-level variables that later inputs see. The escape
//! analysis covers only what the input added (`gosub_escape::analyze_more`), and the compiler
//! continues with it (`gosub_compile::compile_increment`): what the program had keeps its
//! index, and the new entry initializes the new package-level variables and calls the new
//! input function. The VM takes the grown program (`gosub_vm::Vm::load_more`), its globals
//! block growing in place, and runs the entry on the same heap.
//!
//! Invariants: the saved state (`types`, `resume`, `gen`, `escapes`) always describes exactly the
//! program loaded in `vm`; it is replaced only after `load_more` succeeded, so an input
//! that fails to compile leaves the session as it was. An input that compiles but fails
//! at run time keeps its declarations (as Python's REPL does); the VM is recovered
//! (`recover_after_error`) so the next input can run.

mod compile;
mod natives;
mod probe;

use crate::driver::{self, Options};
use crate::error::{Diagnostic, Error};
use crate::handle::{GoRef, ReleaseQueue};
use crate::host::HostEntry;
use crate::session::{self, Input, INPUT_FILE};
use crate::value::{read_value, GoError, Value};
use gosub_compile::GenState;
use gosub_heap::Addr;
use gosub_syntax::ast::NodeId;
use gosub_syntax::SourceMap;
use gosub_types::{Resume, SESSION_FN_PREFIX};
use gosub_vm::{NativeRegistry, Trap, Vm as RawVm};
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// The session's first file: helpers that hand results to the host.
pub(crate) const BASE: &str = "package main

import __gosub_fmt \"fmt\"

func __gosub_capture(vs []any, msgs []any)

func __gosub_echoing() bool

func __gosub_echo(v string, t string)

func __gosub_ref(itab int, h int) any

func __gosub_result(vs ...any) {
	var msgs []any
	for i, v := range vs {
		if e, ok := v.(error); ok {
			if msgs == nil {
				msgs = make([]any, len(vs))
			}
			msgs[i] = __gosub_fmt.Sprint(e)
		}
	}
	__gosub_capture(vs, msgs)
	if __gosub_echoing() {
		for _, v := range vs {
			__gosub_echo(__gosub_fmt.Sprintf(\"%+v\", v), __gosub_fmt.Sprintf(\"%T\", v))
		}
	}
}
";

const RESULT_FN: &str = "__gosub_result(";

pub(crate) type Sink = Arc<Mutex<Box<dyn Write + Send>>>;

/// Values the session's natives hand to the host during one run.
#[derive(Default)]
pub(crate) struct Outbox {
    captured: Mutex<Vec<Value>>,
    echo: Mutex<Vec<(String, String)>>,
    echoing: AtomicBool,
    /// Capture every result as a `GoRef` (`Vm::eval_ref`).
    want_refs: AtomicBool,
    session: u64,
    release: ReleaseQueue,
}

/// Where the current input's text sits in its generated file.
struct Placed {
    /// The input's line 1 is the file's line `1 + HEADER_LINES`.
    expr_line: u32,
    expr_col: u32,
    shifted: bool,
}

/// (The checker's, analysis's and generator's state are `Arc`ed: a session starts with the
/// start's, and an input's compile makes new ones, so neither copies them.)
pub(crate) struct Live {
    types: Arc<gosub_types::Program>,
    resume: Arc<Resume>,
    gen: Arc<GenState>,
    /// The escape analysis the loaded program was compiled with (`:escape` prints it).
    escapes: Arc<gosub_escape::Escapes>,
    pub(crate) vm: RawVm,
    map: Arc<Mutex<SourceMap>>,
    next_id: NodeId,
    inputs: usize,
    natives: NativeRegistry,
    outbox: Arc<Outbox>,
    /// The session's imports: (alias, path), in order of first use.
    pub(crate) imports: Vec<(Option<String>, String)>,
    /// The text of every declaration input (for `:doc`).
    pub(crate) decls: Vec<String>,
    /// Every input compiled, in order (for `session_source`).
    saved: Vec<crate::save::SavedInput>,
    /// The host functions registered, the versions of host packages loaded, and the
    /// loaded ones an input must load again (host_versions.rs).
    hosts: Vec<HostEntry>,
    host_versions: crate::host_versions::HostVersions,
    stale_hosts: Vec<String>,
    opts: Options,
    /// 8 static bytes for `deref` of a pointer-shaped value.
    scratch: Addr,
    /// The VM was stamped from the start's image (`start.rs`) rather than loaded and
    /// initialised (what a test asks).
    #[cfg(test)]
    pub(crate) from_image: bool,
    /// The names the host gave inputs (`Vm::eval_named`), by their file in the source map
    /// (`<input N>`): tracebacks use them.
    names: InputNames,
    /// The image's cache of compiled first inputs and the VM's itab count when stamped,
    /// when this session may use it (src/first_inputs.rs: stamped from the image, no host
    /// functions or packages).
    pub(crate) first_inputs: Option<(Arc<crate::first_inputs::FirstInputs>, usize)>,
}

/// Host names of inputs, by source-map file name.
type InputNames = Arc<Mutex<std::collections::HashMap<String, String>>>;

/// What one input produced.
pub(crate) struct Outcome {
    pub values: Vec<Value>,
    pub echo: Vec<(String, String)>,
}

pub(crate) fn rendered(diags: &[gosub_syntax::Diagnostic], map: &SourceMap) -> Vec<Diagnostic> {
    diags
        .iter()
        .map(|d| Diagnostic::parse(&input_positions(&gosub_types::render_diagnostic(d, map))))
        .collect()
}

/// Rewrites `<input N>:LINE` in a message to the input's own line (its file has one header
/// line), as for tracebacks.
fn input_positions(msg: &str) -> String {
    let mut out = String::new();
    let mut rest = msg;
    while let Some(i) = rest.find("<input ") {
        let Some(j) = rest[i..].find(">:") else { break };
        let head = &rest[..i + j + 2];
        let tail = &rest[i + j + 2..];
        let digits: String = tail.chars().take_while(|c| c.is_ascii_digit()).collect();
        out.push_str(head);
        match digits.parse::<u32>() {
            Ok(n) => out.push_str(&n.saturating_sub(1).max(1).to_string()),
            Err(_) => out.push_str(&digits),
        }
        rest = &tail[digits.len()..];
    }
    out.push_str(rest);
    out
}

impl Live {
    /// Starts a session: checks, compiles and loads the base file (and fmt, runtime).
    pub(crate) fn new(
        opts: &Options,
        hosts: &[HostEntry],
        stdout: Sink,
        stderr: Sink,
        interrupt: Arc<AtomicBool>,
    ) -> Result<Box<Live>, Error> {
        let start = crate::start::Start::get(opts)?;
        let crate::start::Start {
            map,
            types,
            resume,
            escapes,
            gen,
            next_id,
            ..
        } = (*start).clone();
        let outbox: Arc<Outbox> = Arc::new(Outbox {
            session: crate::handle::new_session_id(),
            ..Default::default()
        });
        let mut natives: NativeRegistry = natives::session_registry();
        for h in hosts {
            natives.register_closure(&h.native_name(), h.native.clone());
        }
        let (mut vm, first_inputs) = start.new_vm(opts, &natives)?;
        let from_image = first_inputs.is_some();
        let first_inputs = first_inputs
            .filter(|_| hosts.is_empty() && opts.host_packages.is_empty())
            .map(|f| (f, vm.itabs.len()));
        vm.stdout = Box::new(crate::sink::SinkBuf::new(stdout));
        vm.stderr = Box::new(crate::sink::SinkWriter(stderr));
        vm.report_fatal = false;
        vm.interrupt = interrupt;
        if opts.memory_report {
            opts.start_recording(&mut vm);
        }
        vm.ext.push(Box::new(crate::handle::SessionHandles {
            session: outbox.session,
            release: Some(outbox.release.clone()),
            outbox: Some(outbox.clone()),
        }));
        let map = Arc::new(Mutex::new(map));
        let m1 = map.clone();
        let names: InputNames = Arc::default();
        let n1 = names.clone();
        vm.source_pos = Some(Box::new(move |pos| match m1.lock() {
            Ok(m) => input_line(m.file_line(pos), &n1),
            Err(_) => (String::new(), 0),
        }));
        let m2 = map.clone();
        vm.cmem.pos_fn = Some(Box::new(move |pos| match m2.lock() {
            Ok(m) => m.position(pos),
            Err(_) => String::new(),
        }));
        // (Boxed here: a session is 10 KiB, which each move would copy.)
        let mut live = Box::new(Live {
            scratch: 0,
            #[cfg(test)]
            from_image,
            types,
            resume,
            gen,
            escapes,
            vm,
            map,
            next_id,
            inputs: 0,
            natives,
            outbox,
            imports: Vec::new(),
            decls: Vec::new(),
            saved: Vec::new(),
            hosts: hosts.to_vec(),
            host_versions: Default::default(),
            stale_hosts: Vec::new(),
            opts: opts.clone(),
            names,
            first_inputs,
        });
        // Host packages the start already has (those that replace a standard package).
        let l = &mut *live;
        let paths = l.types.packages.iter().map(|p| p.path.as_str());
        l.host_versions.record(paths, 0, &l.vm, opts, hosts);
        if !from_image {
            live.run(false)?;
            start.keep_image_of(opts, &mut live.vm);
        }
        live.scratch = live
            .vm
            .heap
            .alloc_static(&[0u8; 8])
            .map_err(|_| Error::from(gosub_vm::vm::commit_failed()))?;
        Ok(live)
    }

    /// Runs the loaded program's entry with a fresh fuel budget.
    fn run(&mut self, echo: bool) -> Result<(), Error> {
        self.outbox.echoing.store(echo, Ordering::Relaxed);
        self.vm.refuel();
        let r = self.vm.run_main();
        let _ = self.vm.stdout.flush();
        let _ = self.vm.stderr.flush();
        if r.is_err() {
            self.vm.recover_after_error();
        } else {
            self.vm.clear_main_frames();
        }
        r.map_err(Error::from)
    }

    /// Calls a prepared function (`Func`) of the loaded program as the main goroutine.
    pub(crate) fn call_prepared(
        &mut self,
        target: &crate::go_call::Target,
        args: &[Value],
    ) -> Result<Value, Error> {
        self.release_handles();
        self.outbox.echoing.store(false, Ordering::Relaxed);
        self.vm.refuel();
        let prog = self.vm.prog.clone();
        // Off while the arguments' strings are allocated and until they are in the frame
        // (`run_func` switches it back).
        let gc_off = self.vm.heap.gc_inhibited();
        self.vm.heap.set_gc_inhibited(true);
        let bytes = match target.param_bytes(&mut self.vm, &prog, args) {
            Ok(b) => b,
            Err(e) => {
                self.vm.heap.set_gc_inhibited(gc_off);
                return Err(e);
            }
        };
        let r = self.vm.run_func(target.func, &bytes, gc_off, |vm, fp| {
            target.read_results(vm, &prog, fp)
        });
        let _ = self.vm.stderr.flush();
        match r {
            Ok(vals) => {
                self.vm.clear_main_frames();
                Ok(crate::go_call::one_value(vals?))
            }
            Err(e) => {
                self.vm.recover_after_error();
                Err(Error::from(e))
            }
        }
    }

    /// Host functions registered since the session started: their packages become
    /// importable (a package already imported keeps the functions it had then).
    pub(crate) fn update_hosts(&mut self, opts: &Options, hosts: &[HostEntry]) {
        self.opts = opts.clone();
        // (The check reads the host functions: compiled first inputs are for none.)
        self.first_inputs = None;
        for h in hosts {
            self.natives
                .register_closure(&h.native_name(), h.native.clone());
        }
        self.stale_hosts =
            self.host_versions
                .update(opts, hosts, &mut self.vm, Arc::make_mut(&mut self.gen));
        self.hosts = hosts.to_vec();
    }

    /// Releases the handles of dropped `GoRef`s.
    pub(crate) fn release_handles(&mut self) {
        let dropped = match self.outbox.release.lock() {
            Ok(mut q) => std::mem::take(&mut *q),
            Err(_) => return,
        };
        for h in dropped {
            self.vm.heap.drop_handle(h);
        }
    }

    /// The session as one Go program (save.rs), and what the checker says of it (nothing
    /// when it compiles). An import only a failed input used is left out.
    pub(crate) fn session_source(&self) -> (String, Vec<String>) {
        let Ok(map) = self.map.lock() else {
            return (
                String::new(),
                vec!["the session's source map is poisoned".into()],
            );
        };
        let mut imports = self.imports.clone();
        loop {
            let src =
                crate::save::session_source(&self.types, &self.resume, &map, &self.saved, &imports);
            let errs = match driver::check_source("session.go", &src, &self.opts) {
                Ok(_) => Vec::new(),
                Err(e) => e,
            };
            let unused: Vec<&String> = errs
                .iter()
                .filter_map(|e| e.split_once(": \"").map(|(_, r)| r))
                .filter_map(|r| r.strip_suffix("\" imported and not used"))
                .filter_map(|p| imports.iter().map(|(_, q)| q).find(|q| q.as_str() == p))
                .collect();
            if unused.is_empty() {
                return (src, errs);
            }
            let unused: Vec<String> = unused.into_iter().cloned().collect();
            imports.retain(|(_, p)| !unused.contains(p));
        }
    }

    /// The fields and methods of the session's variables, by selector path (completion.rs).
    pub(crate) fn member_paths(&self) -> std::collections::HashMap<String, Vec<String>> {
        crate::completion::member_paths(&self.types, &self.resume)
    }

    /// How many earlier declarations inputs of this session have replaced.
    pub(crate) fn replaced(&self) -> u64 {
        self.resume.replaced()
    }

    /// This session's id (a `GoRef` of another session is refused).
    pub(crate) fn session_id(&self) -> u64 {
        self.outbox.session
    }

    /// Capture the next results as `GoRef`s of any type.
    pub(crate) fn want_refs(&self, on: bool) {
        self.outbox.want_refs.store(on, Ordering::Relaxed);
    }

    /// A copy of the value `r` refers to (for a pointer, of what it points to).
    pub(crate) fn deref(&mut self, r: &GoRef) -> Result<Value, Error> {
        if r.session() != self.session_id() {
            return Err(Error::Usage(
                "this GoRef belongs to another VM or to a session that was reset".into(),
            ));
        }
        let Some(data) = self.vm.heap.handle_get(r.handle()) else {
            return Err(Error::Usage("this GoRef's handle was released".into()));
        };
        let prog = self.vm.prog.clone();
        let Some(rt) = gosub_vm::iface::dyn_rtype(&self.vm, r.itab()) else {
            return Ok(Value::Nil);
        };
        let rtype = &prog.rtypes[rt as usize];
        let conv = |t: Trap| Error::Usage(format!("cannot read the value: {:?}", t));
        if rtype.kind == gosub_compile::program::RKind::Pointer {
            if data == 0 {
                return Ok(Value::Nil);
            }
            return read_value(&mut self.vm, &prog, rtype.elem, data, 0).map_err(conv);
        }
        if rtype.direct {
            // The value is the data word itself: read it from a copy in the scratch words.
            self.vm
                .heap
                .write_u64(self.scratch, data)
                .map_err(|t| conv(t.into()))?;
            return read_value(&mut self.vm, &prog, rt, self.scratch, 0).map_err(conv);
        }
        read_value(&mut self.vm, &prog, rt, data, 0).map_err(conv)
    }

    /// The imports an input needs: its own, the session's it mentions, and the standard
    /// (or host) packages it refers to as `name.X` without importing them.
    fn imports_for(&self, inp: &Input, hosts: &[String]) -> Vec<(Option<String>, String)> {
        self.imports_and_denied(inp, hosts).0
    }

    /// `imports_for`, and the standard packages the input names (`os.Getenv`) that this VM
    /// does not allow, so that their `undefined: os` can say why.
    fn imports_and_denied(
        &self,
        inp: &Input,
        hosts: &[String],
    ) -> (Vec<(Option<String>, String)>, Vec<String>) {
        let mut text = inp.stmts.clone();
        if let Some(d) = &inp.decls {
            text.push_str(d);
        }
        if let Some(e) = &inp.expr {
            text.push('\n');
            text.push_str(e);
        }
        let mut out: Vec<(Option<String>, String)> = Vec::new();
        let mut denied = Vec::new();
        for i in self.imports.iter().chain(inp.imports.iter()) {
            let name =
                i.0.clone()
                    .unwrap_or_else(|| gosub_syntax::import_name(&i.1).to_string());
            let mentioned = name == "." || name == "_" || mentions(&text, &name);
            if (mentioned || inp.imports.contains(i)) && !out.contains(i) {
                out.push(i.clone());
            }
        }
        for p in session::implicit_imports(&text, &self.imports_all(inp), hosts) {
            let allowed = hosts.contains(&p)
                || self
                    .opts
                    .allowed_imports
                    .as_ref()
                    .is_none_or(|a| a.iter().any(|q| *q == p));
            if !allowed {
                denied.push(p);
            } else if !out.iter().any(|(_, q)| *q == p) {
                out.push((None, p));
            }
        }
        (out, denied)
    }

    fn imports_all(&self, inp: &Input) -> Vec<(Option<String>, String)> {
        let mut v = self.imports.clone();
        v.extend(inp.imports.iter().cloned());
        v
    }

    /// The generated file of input `n` (see the module comment).
    fn file_text(
        n: usize,
        inp: &Input,
        imports: &[(Option<String>, String)],
        expr_as_stmt: bool,
    ) -> (String, Placed) {
        let mut head = String::from("package main;");
        if !imports.is_empty() {
            head.push_str(" import (");
            for (alias, path) in imports {
                match alias {
                    Some(a) => head.push_str(&format!("{} {:?}; ", a, path)),
                    None => head.push_str(&format!("{:?}; ", path)),
                }
            }
            head.push_str(");");
        }
        let mut placed = Placed {
            expr_line: 0,
            expr_col: 0,
            shifted: false,
        };
        if let Some(d) = &inp.decls {
            return (format!("{}\n{}\n", head, d), placed);
        }
        let mut body = inp.stmts.clone();
        if let Some(e) = &inp.expr {
            placed.expr_line = body.matches('\n').count() as u32 + 1;
            placed.expr_col = body.rsplit('\n').next().unwrap_or("").len() as u32 + 1;
            if expr_as_stmt {
                body.push_str(e);
            } else {
                placed.shifted = true;
                body.push_str(RESULT_FN);
                body.push_str(e);
                body.push(')');
            }
        }
        (
            format!(
                "{} func {}{}() {{\n{}\n}}\n",
                head, SESSION_FN_PREFIX, n, body
            ),
            placed,
        )
    }

    /// Maps a diagnostic of input file `file` to the input's own lines and columns.
    fn map_diag(d: &mut Diagnostic, file: &str, placed: &Placed, name: Option<&str>) {
        let own = name.unwrap_or(INPUT_FILE);
        // Related positions in the input itself (`other declaration of x`) name it as the
        // error does.
        d.message = d
            .message
            .replace(&format!("\t{}:", file), &format!("\t{}:", own));
        if d.file != file {
            return;
        }
        // (`rendered` already made the line the input's own.)
        d.file = own.into();
        if placed.shifted
            && d.line == placed.expr_line
            && d.col >= placed.expr_col + RESULT_FN.len() as u32
        {
            d.col -= RESULT_FN.len() as u32;
        }
    }

    /// Compiles and runs one input.
    pub(crate) fn eval(
        &mut self,
        inp: &Input,
        hosts: &[String],
        echo: bool,
    ) -> Result<Outcome, Error> {
        self.release_handles();
        let (imports, denied) = self.imports_and_denied(inp, hosts);
        let mut expr_as_stmt = false;
        loop {
            // On the front end's own stack (front_stack.rs).
            let compiled = crate::front_stack::on_front_end_stack(|| {
                self.compile(inp, &imports, expr_as_stmt)
            });
            match compiled {
                Ok(()) => break,
                Err(Error::Compile(diags))
                    if inp.expr.is_some()
                        && !expr_as_stmt
                        && diags.iter().all(|d| {
                            d.message.contains("used as value") || d.message.contains("(no value)")
                        }) =>
                {
                    expr_as_stmt = true;
                }
                Err(Error::Compile(mut diags)) if !denied.is_empty() => {
                    for d in &mut diags {
                        let Some(name) = d.message.strip_prefix("undefined: ") else {
                            continue;
                        };
                        if let Some(p) =
                            denied.iter().find(|p| gosub_syntax::import_name(p) == name)
                        {
                            d.message = format!(
                                "undefined: {name} (package {p} is not allowed in this VM; the host allows it with VmBuilder::allow_package({p:?}))"
                            );
                        }
                    }
                    return Err(Error::Compile(diags));
                }
                Err(e) => return Err(e),
            }
        }
        for i in &imports {
            if !self.imports.contains(i) {
                self.imports.push(i.clone());
            }
        }
        if let Some(d) = &inp.decls {
            self.decls.push(d.clone());
        }
        if let Ok(mut c) = self.outbox.captured.lock() {
            c.clear();
        }
        if let Ok(mut e) = self.outbox.echo.lock() {
            e.clear();
        }
        if let Err(e) = self.run(echo) {
            if let Some(last) = self.saved.last_mut() {
                last.failed = true;
            }
            return Err(e);
        }
        let values = self
            .outbox
            .captured
            .lock()
            .map(|mut v| std::mem::take(&mut *v))
            .unwrap_or_default();
        let echo = self
            .outbox
            .echo
            .lock()
            .map(|mut v| std::mem::take(&mut *v))
            .unwrap_or_default();
        Ok(Outcome { values, echo })
    }

    /// Does unqualified `name` mean a declared function of the session now (not a variable
    /// of func type that replaced it)? Qualified names are left to the caller.
    pub(crate) fn declares_func(&self, name: &str) -> bool {
        if name.contains('.') {
            return true;
        }
        let scope = &self.types.packages[self.resume.main()].scope;
        scope.get(name).is_some_and(|&o| {
            matches!(
                self.types.obj(o).kind,
                gosub_types::ObjKind::Func { recv: None, .. }
            )
        })
    }

    /// Names the session declares (package-level declarations and session variables) and
    /// the import names; sorted, without the session's own `__` helpers.
    pub(crate) fn names(&self) -> Vec<String> {
        let mut out: Vec<String> = self.types.packages[self.resume.main()]
            .scope
            .keys()
            .filter(|n| !n.starts_with("__") && *n != "_")
            .cloned()
            .collect();
        for (alias, path) in &self.imports {
            match alias {
                Some(a) => out.push(a.clone()),
                None => out.push(gosub_syntax::import_name(path).to_string()),
            }
        }
        out.sort();
        out.dedup();
        out
    }

    /// gc's `-m` lines of the loaded program (`level` 2 for `-m -m`), from the analysis it
    /// was compiled with; `-m -m` needs the flow explanations, which the compile stage does
    /// not record, so it runs the analysis again with them (explanations never change a
    /// decision).
    pub(crate) fn escape_lines(&self, level: u8) -> Vec<String> {
        let Ok(map) = self.map.lock() else {
            return Vec::new();
        };
        if level < 2 {
            return self.escapes.diagnostics(&map, level, false);
        }
        match driver::escape_analysis(&self.types, true) {
            Ok(esc) => esc.diagnostics(&map, level, false),
            Err(d) => d
                .iter()
                .map(|d| gosub_types::render_diagnostic(d, &map))
                .collect(),
        }
    }

    /// The session's memory report so far (the VM records for it when the options ask).
    pub(crate) fn memory_report(&self) -> crate::memreport::MemoryReport {
        // The inputs' `-m -m` lines, at the positions tracebacks give (`input_line`).
        let notes: Vec<String> = self
            .escape_lines(2)
            .into_iter()
            .filter_map(|d| {
                let (file, rest) = d.split_once(">:")?;
                let (line, tail) = rest.split_once(':')?;
                let file = format!("{file}>");
                if !file.starts_with("<input ") {
                    return None;
                }
                let (name, line) = input_line((file, line.parse().ok()?), &self.names);
                Some(format!("{name}:{line}:{tail}"))
            })
            .collect();
        crate::memreport::MemoryReport::of(&self.vm, "session", &notes)
    }

    /// The name of the last input's file in the source map.
    pub(crate) fn last_file(&self) -> String {
        format!("<input {}>", self.inputs)
    }
}

/// Does `text` refer to `name.` (as a package qualifier)?
fn mentions(text: &str, name: &str) -> bool {
    let pat = format!("{}.", name);
    let b = text.as_bytes();
    let mut from = 0;
    while let Some(i) = text[from..].find(&pat) {
        let at = from + i;
        let before_ok = at == 0 || {
            let c = b[at - 1];
            !(c.is_ascii_alphanumeric() || c == b'_' || c == b'.')
        };
        if before_ok {
            return true;
        }
        from = at + pat.len();
    }
    false
}

/// Tracebacks name an input's lines as the user typed them (its file has one header line),
/// in the file the host named it (`Vm::eval_named`), if it did.
fn input_line((file, line): (String, u32), names: &InputNames) -> (String, u32) {
    if !file.starts_with("<input ") {
        return (file, line);
    }
    let line = line.saturating_sub(1).max(1);
    match names.lock().ok().and_then(|n| n.get(&file).cloned()) {
        Some(name) => (name, line),
        None => (file, line),
    }
}

/// The `__gosub_capture(vs []any, msgs []any)` native: copies each value into a `Value`;
/// pointers, funcs and chans (every value, with `want_refs`) become `GoRef`s; a value whose
/// type implements `error` (`msgs[i]` holds its `Error()` text, as fmt prints it) becomes a
/// `Value::Error` around that.
fn capture(vm: &mut RawVm, fp: Addr, out: &Outbox) -> Result<(), Trap> {
    let p = vm.heap.read_u64(fp)?;
    let n = vm.heap.read_u64(fp + 8)?;
    let prog = vm.prog.clone();
    let any = crate::handle::any_rtype(&prog);
    let all = out.want_refs.load(Ordering::Relaxed);
    let mut vals = Vec::new();
    for i in 0..n {
        vals.push(crate::handle::any_value(vm, p + 16 * i, all)?);
    }
    let (mp, mn) = (vm.heap.read_u64(fp + 24)?, vm.heap.read_u64(fp + 32)?);
    for (i, v) in vals.iter_mut().enumerate().take(mn as usize) {
        if let Value::String(message) = read_value(vm, &prog, any, mp + 16 * i as u64, 0)? {
            let value = Box::new(std::mem::replace(v, Value::Nil));
            *v = Value::Error(GoError { message, value });
        }
    }
    if let Ok(mut o) = out.captured.lock() {
        *o = vals;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    /// The escape analysis of a session's inputs, each covering only what it added
    /// (`analyze_more`), decides exactly what one analysis of the whole grown program does.
    #[test]
    fn incremental_escape_analysis_agrees_with_a_whole_analysis() {
        let mut vm = crate::Vm::builder().capture_stdout().build();
        for input in [
            "type P struct{ X, Y int }",
            "func NewP(x int) *P { p := P{X: x}; return &p }",
            "func Sum(ps []*P) (s int) { for _, p := range ps { s += p.X }; return }",
            "keep := []*P{NewP(1), NewP(2)}",
            "func Adder() func(int) int { n := 0; return func(d int) int { n += d; return n } }",
            "add := Adder(); add(3)",
            "s := fmt.Sprint(Sum(keep), add(4)); _ = s",
            "func Local() int { q := NewP(5); r := &P{Y: 2}; return q.X + r.Y }",
            "xs := []int{}; for i := range 10 { xs = append(xs, i) }; sort.Ints(xs)",
            "func Grow(n int) []byte { b := make([]byte, 0, 4); for range n { b = append(b, 'x') }; return b }",
            "len(Grow(100)) + Local()",
        ] {
            vm.eval(input).unwrap_or_else(|e| panic!("{input}: {e}"));
        }
        let live = vm.live_session().expect("a session");
        let whole = gosub_escape::analyze(&live.types, false).unwrap();
        let inc = &live.escapes;
        assert_eq!(inc.moved_to_heap, whole.moved_to_heap);
        assert_eq!(inc.boxed, whole.boxed);
        assert_eq!(inc.heap_allocs, whole.heap_allocs);
        assert_eq!(inc.stack_allocs, whole.stack_allocs);
        assert_eq!(inc.deferred_lits, whole.deferred_lits);
        assert_eq!(inc.stack_objects, whole.stack_objects);
        assert_eq!(inc.stack_boxes, whole.stack_boxes);
        assert_eq!(inc.stack_ddd, whole.stack_ddd);
        assert_eq!(inc.zero_copy, whole.zero_copy);
        assert_eq!(inc.analyzed, whole.analyzed);
        assert_eq!(inc.move2heap, whole.move2heap);
        assert!(!inc.moved_to_heap.is_empty() && !inc.stack_objects.is_empty());
    }
}
