//! The `gosub` command: run, check, disasm, repl, version, help.

mod complete;
mod repl;

use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "gosub: an embeddable virtual machine for a subset of Go

Usage:
  gosub run [--strict] [--gcstats] FILE.go [args...]
                                           compile and run a program (--gcstats:
                                           print a garbage collector summary at exit)
  gosub check [--strict] FILE.go           type-check only
  gosub build -m [-m] FILE.go              print escape-analysis decisions as gc's -m does
  gosub run -m FILE.go                     ... and run (decisions go to stderr)
  gosub disasm FILE.go [FUNC]              print the bytecode with frame layouts
  gosub repl                               the interactive REPL (also: gosub
                                           with no arguments)
  gosub version                            print the version
  gosub help                               print this help
";

fn read(path: &str) -> Result<String, String> {
    std::fs::read(path)
        .map_err(|e| format!("gosub: cannot read {}: {}", path, e))
        .map(|b| String::from_utf8_lossy(&b).into_owned())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let code = real_main(&args);
    ExitCode::from(code.clamp(0, 255) as u8)
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
            _ => break,
        }
    }
    if m_level > 0 && (cmd == "build" || cmd == "run") {
        if let Some(code) = escape_diagnostics(&rest, &opts, m_level) {
            return code;
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
            opts.args = rest.iter().map(|s| s.to_string()).collect();
            if let Some(a0) = opts.args.first_mut() {
                *a0 = a0.trim_end_matches(".go").to_string();
            }
            let compiled = match gosub::compile_source(file, &src, &opts) {
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
                    if let Ok(lines) = gosub::driver::frame_report(file, &src, &opts) {
                        for l in lines {
                            println!("// {}", l);
                        }
                    }
                    print!("{}", gosub_compile::disasm::disasm(&compiled.program, only));
                    0
                }
                _ => {
                    let out = Box::new(std::io::BufWriter::with_capacity(
                        1 << 16,
                        std::io::stdout(),
                    ));
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

/// `gosub build -m` / `gosub run -m`: prints gc's escape-analysis lines to stderr. Returns
/// an exit code when the command is finished (errors, or `build`).
fn escape_diagnostics(rest: &[&String], opts: &gosub::Options, level: u8) -> Option<i32> {
    let Some(file) = rest.first() else {
        eprintln!("gosub: no Go file given");
        return Some(2);
    };
    let src = match read(file) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}", e);
            return Some(1);
        }
    };
    let mut e = std::io::stderr();
    match gosub::driver::escape_diagnostics(file, &src, opts, level) {
        Ok(lines) => {
            for l in lines {
                let _ = writeln!(e, "{}", l);
            }
            None
        }
        Err(msgs) => {
            for m in msgs {
                let _ = writeln!(e, "{}", m);
            }
            Some(1)
        }
    }
}
