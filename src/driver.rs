//! The pipeline from source text to a finished run: import resolution over the standard
//! library's Go sources, then parse → check → escape → compile, and running.
//!
//! Invariants: every file of a run (the user's and the standard packages it reaches) is in
//! one `SourceMap`, so every diagnostic and traceback position renders as `file:line:col`;
//! packages are handed to the checker in dependency order with `main` last; the `runtime`
//! package is always part of the program (its error type carries run-time panics); the
//! escape analysis runs once per compilation, and what `-m` prints is what the compiler
//! acted on.

use crate::memreport::MemoryReport;
use crate::reachable;
use gosub_layered::{HashMap, HashMapExt};
use gosub_syntax::ast::{self, NodeId};
use gosub_syntax::{Diagnostic, ParseMode, SourceMap};
use gosub_types::PackageSrc;
use gosub_vm::alloc_profile::AllocProfile;
use gosub_vm::{Vm, VmConfig, VmError};
use std::borrow::Cow;
use std::io::Write;
use std::sync::{Arc, Mutex};

/// How to compile and run a program.
#[derive(Clone, Debug)]
pub struct Options {
    /// Reject what real Go rejects (e.g. an import inside a function body).
    pub strict: bool,
    /// os.Args (the first is the program name).
    pub args: Vec<String>,
    /// Heap configuration; the default reads GOGC, GOSUBMEMLIMIT, GOSUBGC and GOSUBDEBUG.
    pub heap: gosub_heap::HeapConfig,
    /// Print the collector's summary (`Heap::gc_summary`) on stderr when the run ends.
    pub gcstats: bool,
    /// Write the heap profile (pprof's format, `gosub_std::pprof`) to this file when the
    /// run ends (`gosub run --memprofile=FILE`); keeps the allocation profile.
    pub memprofile: Option<std::path::PathBuf>,
    /// Write the memory report (an HTML page, `memreport_html.rs`) to this file when the
    /// run ends (`gosub run --memreport=FILE`); records every allocation and collection.
    pub memreport: Option<std::path::PathBuf>,
    /// Keep what a memory report needs (every allocation with its site, the collection
    /// log, escape analysis's reasons) without writing one: an embedder's
    /// `VmBuilder::keep_memory_report`, the REPL's `:memreport`.
    pub memory_report: bool,
    /// Budget of loop iterations and calls; None = unlimited.
    pub fuel: Option<u64>,
    /// Bytes reserved for the goroutine stack (Go's limit is 1 GB).
    pub max_stack: u64,
    /// List C allocations never freed on stderr when the run ends (also with `gcstats`);
    /// the default reads `GOSUBDEBUG=cleak=1`.
    pub cleak: bool,
    /// Run the VM's inner loop (`VmConfig::inner_loop`); the default reads
    /// `GOSUBDEBUG=innerloop=0`.
    pub inner_loop: bool,
    /// Standard packages the program itself may import (None: all). Packages the standard
    /// library imports internally are not affected. An import outside the list is a compile
    /// error `package P is not allowed in this VM`.
    /// (Borrowed names cost no allocation when a VM's options are built or cloned.)
    pub allowed_imports: Option<Vec<std::borrow::Cow<'static, str>>>,
    /// Extra packages (import path, Go source) importable by the program: the embedding
    /// API's host packages, whose body-less functions bind to closure natives.
    pub host_packages: Vec<(String, String)>,
    /// What the program may reach outside the VM: everything by default (the CLI); the
    /// embedding API starts from none (`VmBuilder::allow_*`).
    pub caps: gosub_vm::caps::Capabilities,
    /// What os.Stdin reads.
    pub stdin: Stdin,
}

/// The source of a program's standard input.
#[derive(Clone, Debug, Default)]
pub enum Stdin {
    /// Nothing: reads return EOF (the default).
    #[default]
    Empty,
    /// The process's standard input (`gosub run`).
    Process,
    /// These bytes (tests).
    Bytes(Vec<u8>),
}

/// The number given to `key` in `GOSUBDEBUG` (`cleak=1`, `innerloop=0`), if any.
fn debug_value(key: &str) -> Option<u32> {
    let spec = std::env::var("GOSUBDEBUG").ok()?;
    spec.split(',')
        .map(str::trim)
        .filter_map(|i| i.split_once('='))
        .filter(|(k, _)| *k == key)
        .find_map(|(_, v)| v.parse::<u32>().ok())
}

impl Default for Options {
    fn default() -> Self {
        Options {
            strict: false,
            args: vec!["prog".into()],
            heap: gosub_heap::HeapConfig::from_env().unwrap_or_default(),
            gcstats: false,
            memprofile: None,
            memreport: None,
            memory_report: false,
            fuel: None,
            max_stack: 1 << 30,
            cleak: debug_value("cleak").is_some_and(|n| n != 0),
            inner_loop: debug_value("innerloop") != Some(0),
            allowed_imports: None,
            host_packages: Vec::new(),
            caps: gosub_vm::caps::Capabilities::all(),
            stdin: Stdin::Empty,
        }
    }
}

impl Options {
    /// Is a memory report asked for (`memreport` or `memory_report`)?
    pub fn wants_memory_report(&self) -> bool {
        self.memreport.is_some() || self.memory_report
    }

    /// Turns on in `vm` what the options ask to be recorded as it runs: the allocation
    /// profile (every allocation, for a memory report) and the collection log.
    pub fn start_recording(&self, vm: &mut Vm) {
        let report = self.wants_memory_report();
        if self.memprofile.is_some() || report || wants_profile(vm) {
            let mut p = AllocProfile::new(vm);
            p.every = report;
            vm.profile = Some(Box::new(p));
        }
        if report {
            vm.heap.keep_gc_log(true);
        }
    }

    /// The VM settings these options give.
    pub fn vm_config(&self) -> VmConfig {
        VmConfig {
            heap: self.heap.clone(),
            max_stack: self.max_stack,
            args: self.args.clone(),
            fuel: self.fuel,
            caps: self.caps.clone(),
            inner_loop: self.inner_loop,
        }
    }
}

/// A compiled program, ready to run.
#[derive(Clone)]
pub struct Compiled {
    pub program: gosub_compile::Program,
    pub sources: SourceMap,
    /// Rendered warnings (`file:line:col: warning: ...`).
    pub warnings: Vec<String>,
    /// Escape analysis's `-m -m` lines, when they were asked for (`Options::memreport`).
    pub escape_notes: Vec<String>,
}

/// What a run printed and how it ended.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunOutput {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub exit_code: i32,
}

/// Renders diagnostics; like gc, keeps only the first of equal non-syntax errors on one line
/// (`undefined: C` twice in `C.malloc(C.ulong(n))` is reported once).
fn render_all(diags: &[Diagnostic], map: &SourceMap) -> Vec<String> {
    let mut last: Option<((String, u32), &str)> = None;
    let mut out = Vec::new();
    for d in diags {
        let line = map.file_line(d.span.lo);
        if !d.msg.starts_with("syntax error")
            && last
                .as_ref()
                .is_some_and(|(l, m)| *l == line && *m == d.msg)
        {
            continue;
        }
        out.push(gosub_types::render_diagnostic(d, map));
        last = Some((line, &d.msg));
    }
    out
}

/// A single-file program after the front of the pipeline (parse → check → escape): what
/// `compile` needs, and what `-m` and `gosub disasm`'s frame report print. The escape
/// analysis here is the one the compiler acts on.
pub struct Analyzed {
    pub checked: gosub_types::Program,
    pub sources: SourceMap,
    /// Rendered warnings (`file:line:col: warning: ...`).
    pub warnings: Vec<String>,
    pub escapes: gosub_escape::Escapes,
    /// The analysis recorded the `-m -m` explanations.
    pub explained: bool,
    /// Compile to count the allocations kept in frames (for a memory report).
    pub count_frame_allocs: bool,
}

impl Analyzed {
    /// gc's `-m` lines (`level` 2 for `-m -m`, which needs the analysis to have recorded
    /// explanations) for the user's package.
    pub fn escape_diagnostics(&self, level: u8) -> Vec<String> {
        self.escapes.diagnostics(&self.sources, level, true)
    }

    /// For `gosub disasm`: which address-taken or captured locals of the user's functions
    /// live in the frame and which are boxed on the heap.
    pub fn frame_report(&self) -> Vec<String> {
        gosub_compile::boxing::frame_report(&self.checked, &self.escapes)
    }

    /// The last stage: compiles the program with its escape analysis.
    pub fn compile(self) -> Result<Compiled, Vec<String>> {
        let escape_notes = if self.explained {
            self.escape_diagnostics(2)
        } else {
            Vec::new()
        };
        let compiled = if self.count_frame_allocs {
            gosub_compile::compile_counting(&self.checked, &self.escapes)
        } else {
            gosub_compile::compile(&self.checked, &self.escapes)
        };
        match compiled {
            Ok(program) => Ok(Compiled {
                program,
                sources: self.sources,
                warnings: self.warnings,
                escape_notes,
            }),
            Err(d) => Err(render_all(&d, &self.sources)),
        }
    }
}

/// The escape-analysis stage: `gosub_escape::analyze`, its internal error a compile error
/// (`internal compiler error: ...`), never a silent fallback.
pub fn escape_analysis(
    checked: &gosub_types::Program,
    explain: bool,
) -> Result<gosub_escape::Escapes, Vec<Diagnostic>> {
    gosub_escape::analyze(checked, explain).map_err(|e| vec![e.diagnostic()])
}

/// Parses, checks and escape-analyses a single-file program (`explain`: record the `-m -m`
/// flow explanations too). Errors come back rendered as gc renders them, one per line.
pub fn analyze_source(
    name: &str,
    src: &str,
    opts: &Options,
    explain: bool,
) -> Result<Analyzed, Vec<String>> {
    let (checked, sources, warnings) = check_source(name, src, opts)?;
    let escapes = escape_analysis(&checked, explain).map_err(|d| render_all(&d, &sources))?;
    Ok(Analyzed {
        checked,
        sources,
        warnings,
        escapes,
        explained: explain,
        count_frame_allocs: opts.wants_memory_report(),
    })
}

/// Parses, checks, escape-analyses and compiles a single-file program. Errors come back
/// rendered as gc renders them, one per line.
pub fn compile_source(name: &str, src: &str, opts: &Options) -> Result<Compiled, Vec<String>> {
    // On a stack of its own (front_stack.rs), so a script's shape cannot overflow the
    // caller's; the syntax trees are dropped there too.
    // A memory report shows escape analysis's reasons: the analysis records them.
    let explain = opts.wants_memory_report();
    crate::front_stack::on_front_end_stack(|| analyze_source(name, src, opts, explain)?.compile())
}

/// gc's `-m` escape-analysis diagnostics (`level` 2 for `-m -m`) of a single-file program,
/// for the user's package only.
pub fn escape_diagnostics(
    name: &str,
    src: &str,
    opts: &Options,
    level: u8,
) -> Result<Vec<String>, Vec<String>> {
    Ok(analyze_source(name, src, opts, level >= 2)?.escape_diagnostics(level))
}

/// Parses and checks a single-file program with the standard packages it imports.
///
/// Unless `opts.strict`, a program that uses the pseudo-package `C` without `import "C"`
/// (the checker says `undefined: C`) is checked again with the import added, and gets one
/// warning at the first use.
pub fn check_source(
    name: &str,
    src: &str,
    opts: &Options,
) -> Result<(gosub_types::Program, SourceMap, Vec<String>), Vec<String>> {
    check_source_with(name, src, opts, None)
}

/// `check_source`; `implicit_c`: the first use of an undeclared `C`, to import it there.
fn check_source_with(
    name: &str,
    src: &str,
    opts: &Options,
    implicit_c: Option<ast::Span>,
) -> Result<(gosub_types::Program, SourceMap, Vec<String>), Vec<String>> {
    let mut map = SourceMap::new();
    let mut next_id: NodeId = 0;
    let mode = ParseMode {
        lenient_imports: !opts.strict,
    };
    let fi = map.add(name, src.to_string());
    let base = map.files[fi].base;
    // The go command reads the package clause and imports first, and stops at an error
    // there with go/parser's words.
    if let Some((line, col, msg)) = gosub_syntax::go_command::header_error(src) {
        return Err(vec![format!("{name}:{line}:{col}: {msg}")]);
    }
    let mut main_file = match gosub_syntax::parse_file(src, base, next_id, mode) {
        Ok(f) => f,
        Err(d) => return Err(render_all(&d, &map)),
    };
    next_id = main_file.next_id;
    let main_range = base..base + src.len() as u32 + 1;
    let mut warnings = Vec::new();
    for sp in &main_file.misplaced_imports {
        warnings.push(format!("{}: warning: import declaration inside a function body; gosub treats it as a file-level import (gc rejects this; use --strict)", map.position(sp.lo)));
    }
    if let Some(sp) = implicit_c {
        main_file.imports.push(ast::ImportSpec {
            name: None,
            path: "C".into(),
            span: sp,
        });
        warnings.push(format!("{}: warning: C used without import \"C\"; gosub imports its cgo emulation implicitly (gc reports undefined: C; use --strict)", map.position(sp.lo)));
    }
    let roots: Vec<String> = main_file
        .imports
        .iter()
        .map(|i| i.path.clone())
        .chain(["runtime".to_string()])
        .collect();
    let errors = import_errors(&main_file.imports, opts);
    if !errors.is_empty() {
        return Err(render_all(&errors, &map));
    }
    let sources = |path: &str| package_files(opts, path);
    let loaded = reachable::load(&roots, &main_file, &sources, &mut map, &mut next_id);
    let mut packages = match loaded {
        Ok(p) => p,
        Err(d) => return Err(render_all(&d, &map)),
    };
    packages.push(PackageSrc {
        path: "main".into(),
        files: Arc::new(vec![Arc::new(main_file)]),
    });
    let checked = match gosub_types::check(packages, Vec::new()) {
        Ok(p) => p,
        Err(d) => {
            let undefined_c = d
                .iter()
                .filter(|x| x.msg == "undefined: C" && main_range.contains(&x.span.lo))
                .map(|x| x.span)
                .min_by_key(|s| s.lo);
            if let (Some(sp), false, None) = (undefined_c, opts.strict, implicit_c) {
                return check_source_with(name, src, opts, Some(sp));
            }
            return Err(render_all(&d, &map));
        }
    };
    Ok((checked, map, warnings))
}

/// The source files of an import path's package, as (file name, text) pairs: a host package
/// of the embedding API (one file, named for the package) or a standard one.
/// The standard library's texts are borrowed from the binary, not copied.
fn package_files(opts: &Options, path: &str) -> Option<Vec<(String, Cow<'static, str>)>> {
    if let Some((_, src)) = opts.host_packages.iter().find(|(p, _)| p == path) {
        let name = format!("{}.go", path.rsplit('/').next().unwrap_or(path));
        return Some(vec![(name, Cow::Owned(src.clone()))]);
    }
    let files = gosub_std::files(path)?;
    Some(
        files
            .iter()
            .map(|&(n, t)| (n.to_string(), Cow::Borrowed(t)))
            .collect(),
    )
}

/// Errors for imports a program may not have: packages that do not exist, the standard
/// library's internal packages (as gc: only the standard library imports them), and packages
/// outside `opts.allowed_imports` (host packages are always allowed).
pub fn import_errors(imports: &[ast::ImportSpec], opts: &Options) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for imp in imports {
        let host = opts.host_packages.iter().any(|(p, _)| *p == imp.path);
        let internal = imp.path.starts_with("internal/") || imp.path.contains("/internal/");
        if internal && !host && package_files(opts, &imp.path).is_some() {
            let msg = format!("use of internal package {} not allowed", imp.path);
            errors.push(Diagnostic::new(imp.span, msg));
        } else if imp.path != "unsafe" && package_files(opts, &imp.path).is_none() {
            let msg = format!("package {} is not in gosub's standard library", imp.path);
            errors.push(Diagnostic::new(imp.span, msg));
        } else if !host
            && opts
                .allowed_imports
                .as_ref()
                .is_some_and(|a| !a.iter().any(|p| *p == imp.path))
        {
            let msg = format!("package {} is not allowed in this VM", imp.path);
            errors.push(Diagnostic::new(imp.span, msg));
        }
    }
    errors
}

/// Parses the packages `roots` import, transitively, except those in `loaded`: each file
/// goes into `map`, node ids continue from `next_id`. Returns them in dependency order
/// (every package after the packages it imports).
pub fn resolve_packages(
    roots: &[String],
    loaded: &[&str],
    map: &mut SourceMap,
    next_id: &mut NodeId,
    opts: &Options,
) -> Result<Vec<PackageSrc>, Vec<Diagnostic>> {
    let mut parsed: HashMap<String, Vec<ast::File>> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    let mut stack: Vec<(String, bool)> = Vec::new();
    for r in roots.iter().rev() {
        stack.push((r.clone(), false));
    }
    // Depth-first post-order gives dependency order.
    let mut visiting: std::collections::HashSet<String> = Default::default();
    while let Some((path, done)) = stack.pop() {
        if done {
            if !order.contains(&path) {
                order.push(path);
            }
            continue;
        }
        if order.contains(&path) || visiting.contains(&path) || loaded.contains(&path.as_str()) {
            continue;
        }
        visiting.insert(path.clone());
        let Some(texts) = package_files(opts, &path) else {
            continue;
        };
        let mut files = Vec::new();
        for (name, text) in texts {
            let idx = map.add(format!("$GOROOT/src/{}/{}", path, name), text);
            let (b, text) = (map.files[idx].base, &*map.files[idx].src);
            let file = gosub_syntax::parse_file(text, b, *next_id, ParseMode::default())?;
            *next_id = file.next_id;
            files.push(file);
        }
        stack.push((path.clone(), true));
        for file in files.iter().rev() {
            for imp in file.imports.iter().rev() {
                stack.push((imp.path.clone(), false));
            }
        }
        parsed.insert(path, files);
    }
    let mut packages: Vec<PackageSrc> = Vec::new();
    for p in &order {
        if let Some(files) = parsed.remove(p) {
            packages.push(PackageSrc {
                path: p.clone(),
                files: Arc::new(files.into_iter().map(Arc::new).collect()),
            });
        }
    }
    Ok(packages)
}

/// A `Write` that appends to a shared buffer (for capturing output).
#[derive(Clone, Default)]
pub struct SharedBuf(pub Arc<Mutex<Vec<u8>>>);

impl Write for SharedBuf {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut v) = self.0.lock() {
            v.extend_from_slice(b);
        }
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Runs a compiled program with the given output streams; returns the exit code.
pub fn run_compiled(
    c: Compiled,
    opts: &Options,
    stdout: Box<dyn Write + Send>,
    stderr: Box<dyn Write + Send>,
) -> i32 {
    run_compiled_report(c, opts, stdout, stderr).0
}

/// `run_compiled`, also returning the memory report when `opts.memreport` asks for one
/// (which it also writes to that file).
pub fn run_compiled_report(
    c: Compiled,
    opts: &Options,
    stdout: Box<dyn Write + Send>,
    mut stderr: Box<dyn Write + Send>,
) -> (i32, Option<MemoryReport>) {
    for w in &c.warnings {
        let _ = writeln!(stderr, "{}", w);
    }
    let cfg = opts.vm_config();
    let natives = gosub_std::registry();
    // The front end's trees and tables are gone: their pages go back to the OS before the
    // program runs.
    gosub_heap::host_memory::trim_host_allocator();
    let mut vm = match Vm::new(c.program, &natives, cfg) {
        Ok(vm) => vm,
        Err(e) => {
            let _ = writeln!(stderr, "gosub: {:?}", e);
            return (2, None);
        }
    };
    vm.stdout = stdout;
    vm.stderr = stderr;
    vm.stdin = match &opts.stdin {
        Stdin::Empty => Box::new(std::io::empty()),
        Stdin::Process => Box::new(std::io::stdin()),
        Stdin::Bytes(b) => Box::new(std::io::Cursor::new(b.clone())),
    };
    let map = Arc::new(c.sources);
    let m2 = map.clone();
    vm.source_pos = Some(Box::new(move |pos| map.file_line(pos)));
    vm.cmem.pos_fn = Some(Box::new(move |pos| m2.position(pos)));
    opts.start_recording(&mut vm);
    let r = vm.run_main();
    let _ = vm.stdout.flush();
    let _ = vm.stderr.flush();
    let report = opts.wants_memory_report().then(|| {
        let report = MemoryReport::of(&vm, &program_file(&vm), &c.escape_notes);
        if let Some(path) = &opts.memreport {
            if let Err(e) = report.write_html(path) {
                vm.write_stderr(&format!("gosub: --memreport: {}: {}\n", path.display(), e));
            }
        }
        report
    });
    if let Some(path) = &opts.memprofile {
        if let Err(e) = std::fs::write(path, gosub_std::pprof::heap_profile(&vm, false)) {
            vm.write_stderr(&format!("gosub: --memprofile: {}: {}\n", path.display(), e));
        }
    }
    if opts.gcstats {
        let summary = vm.heap.gc_summary();
        vm.write_stderr(&summary);
    }
    if opts.gcstats || opts.cleak {
        if let Some(report) = gosub_vm::cmem::leak_report(&vm) {
            vm.write_stderr(&report);
        }
    }
    let code = match r {
        Ok(()) => 0,
        // The process's exit status, as the OS reports `exit(c)`: its low 8 bits
        // (os.Exit(-1) ends with status 255, os.Exit(259) with 3, as under Go).
        Err(VmError::Exit(c)) => c & 0xff,
        Err(VmError::Panic { exit_code, .. }) | Err(VmError::Fatal { exit_code, .. }) => exit_code,
        Err(VmError::OutOfFuel) | Err(VmError::Interrupted) => 2,
        Err(VmError::Load(m)) => {
            vm.write_stderr(&format!("gosub: {}\n", m));
            2
        }
    };
    (code, report)
}

/// The file `main.main` is declared in (the program's name in its memory report).
pub(crate) fn program_file(vm: &Vm) -> String {
    let main = vm.prog.funcs.iter().find(|f| f.name == "main.main");
    match (main, &vm.source_pos) {
        (Some(f), Some(sp)) => sp(f.decl_pos).0,
        _ => "program".to_string(),
    }
}

/// Does the program keep an allocation profile of its own accord: does it use package
/// runtime/pprof (whose heap profile reads it)? Go samples allocations always; gosub only
/// for the programs and runs that can read the samples, so the others pay nothing.
pub fn wants_profile(vm: &Vm) -> bool {
    vm.prog
        .natives
        .iter()
        .any(|n| n.starts_with("runtime/pprof."))
}

/// `run_source` with the memory report `opts.memreport` asks for (None when it does
/// not, or the program did not compile).
pub fn run_source_report(
    name: &str,
    src: &str,
    opts: &Options,
) -> (RunOutput, Option<MemoryReport>) {
    let out = SharedBuf::default();
    let err = SharedBuf::default();
    let (code, report) = match compile_source(name, src, opts) {
        Ok(c) => run_compiled_report(c, opts, Box::new(out.clone()), Box::new(err.clone())),
        Err(msgs) => {
            let mut e = err.clone();
            for m in msgs {
                let _ = writeln!(e, "{}", m);
            }
            (1, None)
        }
    };
    let take = |b: &SharedBuf| b.0.lock().map(|v| v.clone()).unwrap_or_default();
    let output = RunOutput {
        stdout: take(&out),
        stderr: take(&err),
        exit_code: code,
    };
    (output, report)
}

/// Compiles and runs a program, capturing its output.
pub fn run_source(name: &str, src: &str, opts: &Options) -> RunOutput {
    let out = SharedBuf::default();
    let err = SharedBuf::default();
    let code = match compile_source(name, src, opts) {
        Ok(c) => run_compiled(c, opts, Box::new(out.clone()), Box::new(err.clone())),
        Err(msgs) => {
            let mut e = err.clone();
            for m in msgs {
                let _ = writeln!(e, "{}", m);
            }
            1
        }
    };
    let stdout = out.0.lock().map(|v| v.clone()).unwrap_or_default();
    let stderr = err.0.lock().map(|v| v.clone()).unwrap_or_default();
    RunOutput {
        stdout,
        stderr,
        exit_code: code,
    }
}
