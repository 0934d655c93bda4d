//! The `gosub` command: run, check, disasm, version, help.

use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "gosub: an embeddable virtual machine for a subset of Go

Usage:
  gosub run [--strict] FILE.go [args...]   compile and run a program
  gosub check [--strict] FILE.go           type-check only
  gosub disasm FILE.go [FUNC]              print the bytecode with frame layouts
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
        eprint!("{}", USAGE);
        return 2;
    };
    let mut rest: Vec<&String> = args[2..].iter().collect();
    let mut opts = gosub::Options::default();
    while let Some(f) = rest.first() {
        match f.as_str() {
            "--strict" => {
                opts.strict = true;
                rest.remove(0);
            }
            _ => break,
        }
    }
    match cmd.as_str() {
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
                    print!("{}", gosub_compile::disasm::disasm(&compiled.program, only));
                    0
                }
                _ => {
                    let out = Box::new(std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()));
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
