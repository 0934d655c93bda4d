//! Differential testing against real Go (issue 18): programs from the generator in
//! tests/smith (valid, terminating, deterministic by construction) run in gosub and,
//! when `GO` names a Go 1.26.6 toolchain (CI's setup exports it), are built and run by
//! Go; the outputs must be equal. Without `GO` the programs must still compile and run
//! to the end in gosub (a valid Go program that gosub rejects is a failure).
//!
//! Programs are run in batches (one Go file holding many programs, `smith::batch`) so that
//! Go builds hundreds at once. A mismatch is cut down to the one program that differs,
//! minimised (lines dropped while Go still builds it and the outputs still differ) and
//! written to `target/smith-repro/`.
//!
//! `cargo test` runs a short deterministic slice (`SHORT` programs from seed 1). The long
//! mode: `GOSUB_SMITH_PROGRAMS=10000 GOSUB_SMITH_SEED=100000 GO=VENV/bin/go cargo test
//! --release --test differential -- --nocapture`.

#[allow(dead_code)] // (the generator's randomness and `env` are used here)
mod common;
mod smith;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const SHORT: usize = 120;
const BATCH: usize = 40;

fn options() -> gosub::Options {
    gosub::Options {
        fuel: Some(500_000_000),
        heap: gosub_heap::HeapConfig {
            heap_limit: Some(512 << 20),
            ..gosub_heap::HeapConfig::default()
        },
        ..gosub::Options::default()
    }
}

/// What a run printed: stdout (compared as bytes; `stdout` is its text for reports) and
/// the exit status.
#[derive(Debug)]
struct Out {
    stdout: String,
    raw: Vec<u8>,
    code: i32,
}

impl PartialEq for Out {
    fn eq(&self, o: &Out) -> bool {
        self.raw == o.raw && self.code == o.code
    }
}

fn run_gosub(src: &str) -> (Out, String) {
    let r = gosub::run_source("prog.go", src, &options());
    (
        Out {
            stdout: String::from_utf8_lossy(&r.stdout).into_owned(),
            raw: r.stdout.clone(),
            code: r.exit_code,
        },
        String::from_utf8_lossy(&r.stderr).into_owned(),
    )
}

fn go() -> Option<PathBuf> {
    std::env::var_os("GO").map(PathBuf::from)
}

/// A directory of its own per call (tests run in parallel threads).
fn work_dir() -> PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let d = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/smith-work")
        .join(format!("{}-{n}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Builds and runs `src` with Go; Err(compiler output) if Go rejects it.
fn run_go(go: &Path, src: &str) -> Result<Out, String> {
    let dir = work_dir();
    let file = dir.join("prog.go");
    std::fs::write(&file, src).unwrap();
    let bin = dir.join("prog");
    let b = Command::new(go)
        .args(["build", "-o"])
        .arg(&bin)
        .arg(&file)
        .current_dir(&dir)
        .env("GO111MODULE", "off")
        .env("GOFLAGS", "")
        .output()
        .expect("running go build");
    if !b.status.success() {
        let _ = std::fs::remove_dir_all(&dir);
        return Err(String::from_utf8_lossy(&b.stderr).into_owned());
    }
    let r = Command::new("timeout")
        .arg("120")
        .arg(&bin)
        .output()
        .expect("running the Go binary");
    let _ = std::fs::remove_dir_all(&dir);
    Ok(Out {
        stdout: String::from_utf8_lossy(&r.stdout).into_owned(),
        raw: r.stdout,
        code: r.status.code().unwrap_or(-1),
    })
}

/// The `=== program N` sections of an output.
fn sections(out: &str) -> Vec<(u64, String)> {
    let mut v: Vec<(u64, String)> = Vec::new();
    for line in out.split_inclusive('\n') {
        if let Some(n) = line.strip_prefix("=== program ") {
            v.push((n.trim().parse().unwrap_or(0), String::new()));
        } else if let Some(last) = v.last_mut() {
            last.1.push_str(line);
        }
    }
    v
}

/// The first program whose section differs (or the last one present, if a run stopped).
fn first_difference(a: &str, b: &str) -> Option<u64> {
    let (sa, sb) = (sections(a), sections(b));
    for i in 0..sa.len().max(sb.len()) {
        match (sa.get(i), sb.get(i)) {
            (Some(x), Some(y)) if x == y => continue,
            (Some(x), _) => return Some(x.0),
            (None, Some(y)) => return Some(y.0),
            (None, None) => break,
        }
    }
    None
}

/// Drops lines of `src` while Go still builds it and the outputs still differ.
fn minimise(go: &Path, src: &str) -> String {
    let mut lines: Vec<&str> = src.lines().collect();
    // (A candidate must still run to its end under Go: dropping a `close` or a `Lock`
    // would make a deadlock or a race whose output differs by timing.)
    let differs = |s: &str| match run_go(go, s) {
        Ok(g) => g.code == 0 && run_gosub(s).0 != g,
        Err(_) => false,
    };
    let mut i = 0;
    let mut tries = 0;
    while i < lines.len() && tries < 600 {
        tries += 1;
        let mut fewer = lines.clone();
        fewer.remove(i);
        if differs(&(fewer.join("\n") + "\n")) {
            lines = fewer;
        } else {
            i += 1;
        }
    }
    lines.join("\n") + "\n"
}

/// A mismatch, cut down and written out; the report's text.
fn report(go: &Path, batch_src: &str, gosub_out: &Out, go_out: &Out) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/smith-repro");
    let _ = std::fs::create_dir_all(&dir);
    let Some(seed) = first_difference(&gosub_out.stdout, &go_out.stdout) else {
        let path = dir.join("batch.go");
        let _ = std::fs::write(&path, batch_src);
        return format!(
            "outputs equal section by section but exit {} (gosub) vs {} (Go): {}",
            gosub_out.code,
            go_out.code,
            path.display()
        );
    };
    let one = smith::batch(seed, 1);
    let small = match run_go(go, &one) {
        Ok(g) if run_gosub(&one).0 != g => minimise(go, &one),
        _ => one,
    };
    let path = dir.join(format!("seed{seed}.go"));
    let _ = std::fs::write(&path, &small);
    let (a, _) = run_gosub(&small);
    let b = run_go(go, &small).unwrap_or(Out {
        stdout: String::new(),
        raw: Vec::new(),
        code: -1,
    });
    format!(
        "program {seed} differs: {}\n--- gosub (exit {}):\n{}\n--- Go (exit {}):\n{}",
        path.display(),
        a.code,
        a.stdout,
        b.code,
        b.stdout
    )
}

/// Runs `n` programs from `seed` in batches; returns (programs, failures' reports).
fn differential(seed: u64, n: usize, batch: usize, verbose: bool) -> (usize, Vec<String>) {
    let go = go();
    let mut failures = Vec::new();
    let mut done = 0;
    let start = Instant::now();
    while done < n {
        let k = batch.min(n - done);
        let first = seed + done as u64;
        let src = smith::batch(first, k);
        let (mine, stderr) = run_gosub(&src);
        match &go {
            Some(go) => match run_go(go, &src) {
                Err(e) => {
                    let path =
                        Path::new(env!("CARGO_MANIFEST_DIR")).join("target/smith-repro/invalid.go");
                    let _ = std::fs::create_dir_all(path.parent().unwrap());
                    let _ = std::fs::write(&path, &src);
                    failures.push(format!(
                        "the generator made a program Go rejects ({}):\n{}",
                        path.display(),
                        e.lines().take(10).collect::<Vec<_>>().join("\n")
                    ));
                }
                Ok(theirs) if theirs != mine => {
                    failures.push(report(go, &src, &mine, &theirs));
                }
                Ok(_) if sections(&mine.stdout).len() != k => failures.push(format!(
                    "programs {first}..{}: both stopped after {} of {k} programs (exit {})",
                    first + k as u64,
                    sections(&mine.stdout).len(),
                    mine.code
                )),
                Ok(_) => {}
            },
            None => {
                let n_sections = sections(&mine.stdout).len();
                if mine.code != 0 || n_sections != k {
                    failures.push(format!(
                        "programs {first}..{}: gosub exit {}, {n_sections} of {k} programs ran:\n{}",
                        first + k as u64,
                        mine.code,
                        stderr.lines().take(10).collect::<Vec<_>>().join("\n")
                    ));
                }
            }
        }
        done += k;
        if verbose {
            println!(
                "differential: {done} programs, {} failures, {:.0} s",
                failures.len(),
                start.elapsed().as_secs_f64()
            );
        }
    }
    (done, failures)
}

#[test]
fn generated_programs_print_what_go_prints() {
    if go().is_none() {
        eprintln!("GO is not set: generated programs are run by gosub only, not compared");
    }
    let (done, failures) = differential(1, SHORT, BATCH, false);
    assert_eq!(done, SHORT);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The generator's programs are what gc accepts: a sample checked by gosub's own front
/// end, whether or not Go is at hand (the comparison above needs Go).
#[test]
fn generated_programs_are_deterministic() {
    let a = smith::batch(7, 3);
    assert_eq!(a, smith::batch(7, 3), "same seed, same program");
    assert_ne!(a, smith::batch(8, 3));
    let (x, _) = run_gosub(&a);
    let (y, _) = run_gosub(&a);
    assert_eq!(x, y, "same program, same output");
    assert_eq!(sections(&x.stdout).len(), 3, "{}", x.stdout);
}

/// The long mode: `GOSUB_SMITH_PROGRAMS` programs from `GOSUB_SMITH_SEED`.
#[test]
fn long_mode_when_asked() {
    let Some(n) = common::env::<usize>("GOSUB_SMITH_PROGRAMS") else {
        return;
    };
    let seed = common::env("GOSUB_SMITH_SEED").unwrap_or(100_000);
    let start = Instant::now();
    let (done, failures) = differential(seed, n, 100, true);
    println!(
        "differential: {done} programs from seed {seed} in {:.0} s, {} mismatches (Go {})",
        start.elapsed().as_secs_f64(),
        failures.len(),
        if go().is_some() {
            "compared"
        } else {
            "not at hand"
        }
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// `GOSUB_SMITH_DUMP=FILE GOSUB_SMITH_SEED=S GOSUB_SMITH_PROGRAMS=N`: writes that batch to
/// FILE (to read the generator's programs, or run them by hand).
#[test]
fn dump_when_asked() {
    let Some(path) = std::env::var_os("GOSUB_SMITH_DUMP") else {
        return;
    };
    let src = smith::batch(
        common::env("GOSUB_SMITH_SEED").unwrap_or(1),
        common::env("GOSUB_SMITH_PROGRAMS").unwrap_or(1),
    );
    std::fs::write(path, src).unwrap();
}
