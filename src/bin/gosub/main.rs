//! The `gosub` command: run, check, disasm, repl, version, help.

mod complete;
mod repl;

use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "gosub: an embeddable virtual machine for a subset of Go

Usage:
  gosub run [--strict] [--gcstats] [--memprofile=FILE] [--memreport=FILE] FILE.go [args...]
                                           compile and run a program (--gcstats:
                                           print a garbage collector summary at exit;
                                           --memprofile: write a heap profile for
                                           `go tool pprof` at exit; --memreport: write
                                           an HTML report of the heap at exit)
  gosub check [--strict] FILE.go           type-check only
  gosub build -m [-m] FILE.go              print escape-analysis decisions as gc's -m does
  gosub run -m FILE.go                     ... and run (decisions go to stderr)
  gosub disasm FILE.go [FUNC]              print the bytecode with frame layouts
  gosub repl                               the interactive REPL (also: gosub
                                           with no arguments)
  gosub version                            print the version
  gosub help                               print this help
";

/// The source text of `path`; a file that is not valid UTF-8 is rejected as gc rejects
/// it, with `invalid UTF-8 encoding` at the first bad byte of each line (gc reports one
/// error per line; at most ten, then `too many errors`).
fn read(path: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("gosub: cannot read {}: {}", path, e))?;
    let (bad, text) = gosub_syntax::invalid_utf8(&bytes);
    if bad.is_empty() {
        return Ok(text);
    }
    let mut lines: Vec<(usize, usize)> = Vec::new();
    for &off in &bad {
        let before = &bytes[..off];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let col = off
            - before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |p| p + 1)
            + 1;
        if lines.last().is_none_or(|&(l, _)| l != line) {
            lines.push((line, col));
        }
    }
    let mut msgs: Vec<String> = lines
        .iter()
        .take(10)
        .map(|(line, col)| format!("{}:{}:{}: invalid UTF-8 encoding", path, line, col))
        .collect();
    if lines.len() > 10 {
        msgs.push(format!("{}: too many errors", path));
    }
    Err(msgs.join("\n"))
}

/// Stack of the thread the command runs on. The front end's passes (checker, escape
/// analysis, compiler) recurse over the syntax tree, as gc's do, and so do `Drop` of deep
/// trees: an else-if chain of 7,000 arms or a sum of 100,000 terms needs far more than the
/// 8 MiB main stack. The address space is reserved, not committed; Go programs themselves
/// run on the VM's own stacks.
const FRONT_END_STACK: usize = 4 << 30;

fn main() -> ExitCode {
    // A Go program whose standard output is a closed pipe (`gosub run p.go | head`) dies
    // of SIGPIPE, as a Go binary does; so do `gosub disasm` and the others, as Unix tools
    // do. Rust ignores SIGPIPE by default, which turns the write into an error (and
    // `print!` into a Rust panic).
    // SAFETY: called before any other thread exists; SIG_DFL installs no handler.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let args: Vec<String> = std::env::args().collect();
    let code = match std::thread::Builder::new()
        .name("gosub".into())
        .stack_size(FRONT_END_STACK)
        .spawn({
            let args = args.clone();
            move || real_main(&args)
        }) {
        Ok(h) => h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)),
        // No thread (address space exhausted): run on the main stack.
        Err(_) => real_main(&args),
    };
    // An exit status is the low 8 bits of the code (`run_compiled` already reduces os.Exit's).
    ExitCode::from((code & 0xff) as u8)
}

/// Runs the front end (parse, check, escape analysis, compile) on a thread of its own and
/// returns a copy of its result. The C allocator gives each thread its own arena, so when
/// the front end is done its trees and tables go back to the OS as a whole, instead of
/// leaving the compiled program scattered over pages that are mostly free for the whole
/// run (about 2 MB for `import "fmt"`); the copy is exactly sized and takes about a
/// millisecond. Without a thread (address space exhausted) it runs here.
fn front_end<T: Clone + Send>(f: impl FnOnce() -> T + Send) -> Option<T> {
    let mut f = Some(f);
    let joined = std::thread::scope(|s| {
        let slot = &mut f;
        std::thread::Builder::new()
            .name("gosub front end".into())
            .stack_size(FRONT_END_STACK)
            .spawn_scoped(s, move || slot.take().map(|f| f()))
            .map(|h| h.join())
    });
    match joined {
        Ok(Ok(Some(r))) => {
            // Copied here, on this thread's arena, after the front end's free pages went
            // back (so the copy adds nothing to the peak); the original goes back to the
            // front end's arena, which is then empty.
            gosub_heap::host_memory::trim_host_allocator();
            let copy = r.clone();
            drop(r);
            // And the original's pages, free now, go back too.
            gosub_heap::host_memory::trim_host_allocator();
            Some(copy)
        }
        Ok(Err(p)) => std::panic::resume_unwind(p),
        Ok(Ok(None)) | Err(_) => f.take().map(|f| f()),
    }
}

fn real_main(args: &[String]) -> i32 {
    let Some(cmd) = args.get(1) else {
        return repl::main();
    };
    if cmd == "repl" {
        return repl::main();
    }
    let mut rest: Vec<&String> = args[2..].iter().collect();
    let mut opts = gosub::Options::default();
    let mut m_level: u8 = 0;
    while let Some(f) = rest.first() {
        match f.as_str() {
            "-m" => {
                m_level += 1;
                rest.remove(0);
            }
            "--strict" => {
                opts.strict = true;
                rest.remove(0);
            }
            "--gcstats" => {
                opts.gcstats = true;
                rest.remove(0);
            }
            f if ["--memprofile", "--memreport"]
                .iter()
                .any(|flag| f == *flag || f.starts_with(&format!("{flag}="))) =>
            {
                let (flag, example) = if f.starts_with("--memprofile") {
                    ("--memprofile", "heap.pb.gz")
                } else {
                    ("--memreport", "report.html")
                };
                let path = match f.strip_prefix(flag).and_then(|p| p.strip_prefix('=')) {
                    Some(p) if !p.is_empty() => p.to_string(),
                    // `--memreport FILE`, unless what follows is another flag.
                    None if rest.len() > 1 && !rest[1].starts_with('-') => {
                        rest.remove(0);
                        rest[0].to_string()
                    }
                    _ => {
                        eprintln!("gosub: {flag} needs a file: {flag}={example}");
                        return 2;
                    }
                };
                if flag == "--memprofile" {
                    opts.memprofile = Some(path.into());
                } else {
                    opts.memreport = Some(path.into());
                }
                rest.remove(0);
            }
            _ => break,
        }
    }
    // `-m`: the escape analysis printed is the one `run` then compiles with.
    let mut analyzed = None;
    if m_level > 0 && (cmd == "build" || cmd == "run") {
        match escape_diagnostics(&rest, &opts, m_level) {
            Ok(a) => analyzed = Some(a),
            Err(code) => return code,
        }
        if cmd == "build" {
            return 0;
        }
    }
    match cmd.as_str() {
        "build" => match rest.first() {
            Some(file) => match read(file).map(|src| gosub::compile_source(file, &src, &opts)) {
                Ok(Ok(_)) => 0,
                Ok(Err(msgs)) => {
                    for m in msgs {
                        eprintln!("{}", m);
                    }
                    1
                }
                Err(e) => {
                    eprintln!("{}", e);
                    1
                }
            },
            None => {
                eprintln!("gosub build: no Go file given");
                2
            }
        },
        "run" | "check" | "disasm" => {
            let Some(file) = rest.first() else {
                eprintln!("gosub {}: no Go file given", cmd);
                return 2;
            };
            let src = match read(file) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("{}", e);
                    return 1;
                }
            };
            // `go run` refuses a package other than main before compiling it.
            if cmd == "run" && gosub_syntax::package_clause(&src).is_some_and(|p| p != "main") {
                eprintln!("package command-line-arguments is not a main package");
                return 1;
            }
            opts.args = rest.iter().map(|s| s.to_string()).collect();
            if let Some(a0) = opts.args.first_mut() {
                *a0 = a0.trim_end_matches(".go").to_string();
            }
            let pre = analyzed.take();
            let Some((frame_report, compiled)) = front_end(|| {
                let analyzed = match pre {
                    Some(a) => Ok(a),
                    None => {
                        let explain = opts.wants_memory_report();
                        gosub::driver::analyze_source(file, &src, &opts, explain)
                    }
                };
                let frame_report = match (cmd.as_str(), &analyzed) {
                    ("disasm", Ok(a)) => a.frame_report(),
                    _ => Vec::new(),
                };
                (frame_report, analyzed.and_then(|a| a.compile()))
            }) else {
                eprintln!("gosub: the compiler did not run");
                return 2;
            };
            let compiled = match compiled {
                Ok(c) => c,
                Err(msgs) => {
                    let mut e = std::io::stderr();
                    for m in msgs {
                        let _ = writeln!(e, "{}", m);
                    }
                    return 1;
                }
            };
            match cmd.as_str() {
                "check" => {
                    for w in &compiled.warnings {
                        eprintln!("{}", w);
                    }
                    0
                }
                "disasm" => {
                    let only = rest.get(1).map(|s| s.as_str());
                    for l in frame_report {
                        println!("// {}", l);
                    }
                    print!(
                        "{}",
                        gosub_bytecode::disasm::disasm(&compiled.program, only)
                    );
                    0
                }
                _ => {
                    let out = Box::new(std::io::BufWriter::with_capacity(
                        1 << 16,
                        std::io::stdout(),
                    ));
                    opts.stdin = gosub::Stdin::Process;
                    gosub::run_compiled(compiled, &opts, out, Box::new(std::io::stderr()))
                }
            }
        }
        "version" => {
            println!("gosub {} (Go 1.26 subset)", env!("CARGO_PKG_VERSION"));
            0
        }
        "help" | "-h" | "--help" => {
            print!("{}", USAGE);
            0
        }
        other => {
            eprintln!("gosub: unknown command {:?}\n\n{}", other, USAGE);
            2
        }
    }
}

/// `gosub build -m` / `gosub run -m`: parses, checks and escape-analyses the program and
/// prints gc's escape-analysis lines to stderr. Returns the analysed program (which `run`
/// compiles), or the exit code on errors.
fn escape_diagnostics(
    rest: &[&String],
    opts: &gosub::Options,
    level: u8,
) -> Result<gosub::driver::Analyzed, i32> {
    let Some(file) = rest.first() else {
        eprintln!("gosub: no Go file given");
        return Err(2);
    };
    let src = match read(file) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}", e);
            return Err(1);
        }
    };
    let mut e = std::io::stderr();
    let explain = level >= 2 || opts.wants_memory_report();
    match gosub::driver::analyze_source(file, &src, opts, explain) {
        Ok(a) => {
            for l in a.escape_diagnostics(level) {
                let _ = writeln!(e, "{}", l);
            }
            Ok(a)
        }
        Err(msgs) => {
            for m in msgs {
                let _ = writeln!(e, "{}", m);
            }
            Err(1)
        }
    }
}
