//! A mutation fuzzer (issue 18): programs of tests/programs, mutated by lines and tokens
//! (deleted, duplicated, swapped, numbers turned into extremes, identifiers swapped,
//! brackets added or dropped, truncation, NUL bytes and BOMs), parsed, checked, compiled
//! and run in-process with fuel, a heap limit, a small stack and no capabilities. A Rust
//! panic anywhere is a failure: its input is minimised (lines dropped while it still
//! panics) and written to `target/fuzz-repro/`.
//!
//! `cargo test` runs a short deterministic slice (fixed seed, `SHORT` inputs). The long
//! mode runs for a given time with a seed of its own:
//! `GOSUB_FUZZ_SECS=600 GOSUB_FUZZ_SEED=7 cargo test --release --test fuzz -- --nocapture`
//! (one process per core, each with its own seed, to use several).
//! (In-process, so an abort — a Rust stack overflow, an allocation failure — would end the
//! test binary rather than be reported; the input being run is in `last-SEED.go`.) The
//! process's peak resident memory is watched too: an input after which it passes
//! `HOST_MEMORY` (far above what the limits allow a run) is a failure, the memory a limit
//! did not see.

use std::path::Path;

mod common;
use common::{go_files, Lcg};
use std::time::{Duration, Instant};

/// Inputs of the short slice.
const SHORT: usize = 200;

/// Peak resident memory past which an input is reported (then twice the new peak): a run
/// may use a 64 MiB heap, a 1 MiB stack and what compiling its source takes.
const HOST_MEMORY: u64 = 2 << 30;

/// The process's peak resident memory in bytes (`VmHWM`; 0 where /proc is not there).
fn peak_rss() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let l = s.lines().find(|l| l.starts_with("VmHWM:"))?;
            l.split_whitespace().nth(1)?.parse::<u64>().ok()
        })
        .map_or(0, |kib| kib << 10)
}

fn corpus() -> Vec<(String, String)> {
    go_files("tests/programs")
        .into_iter()
        .filter_map(|p| {
            let name = p.file_name()?.to_string_lossy().into_owned();
            Some((name, std::fs::read_to_string(&p).ok()?))
        })
        .collect()
}

const EXTREMES: &[&str] = &[
    "0",
    "-1",
    "1 << 62",
    "9223372036854775807",
    "-9223372036854775808",
    "18446744073709551615",
    "1e308",
    "-1e-308",
    "0x7fffffff",
    "1 << 31",
    "255",
    "65536",
    "3.5",
    "1e6",
];

/// One mutation of `src`.
fn mutate(src: &str, rng: &mut Lcg) -> String {
    let mut lines: Vec<String> = src.lines().map(str::to_string).collect();
    if lines.is_empty() {
        return src.to_string();
    }
    let n = lines.len();
    let i = rng.below(n);
    match rng.below(10) {
        0 => {
            lines.remove(i);
        }
        1 => {
            let l = lines[i].clone();
            lines.insert(rng.below(n), l);
        }
        2 => lines.swap(i, rng.below(n)),
        3 => {
            // A number literal turned into an extreme.
            let l = &lines[i];
            if let Some(start) = l.find(|c: char| c.is_ascii_digit()) {
                let end = l[start..]
                    .find(|c: char| !c.is_ascii_alphanumeric() && c != '.')
                    .map_or(l.len(), |e| start + e);
                let x = EXTREMES[rng.below(EXTREMES.len())];
                lines[i] = format!("{}{}{}", &l[..start], x, &l[end..]);
            }
        }
        4 => {
            // An identifier replaced by another of the program's.
            let words: Vec<&str> = src
                .split(|c: char| !c.is_alphanumeric() && c != '_')
                .filter(|w| w.chars().next().is_some_and(|c| c.is_alphabetic()))
                .collect();
            let l = lines[i].clone();
            let here: Vec<&str> = l
                .split(|c: char| !c.is_alphanumeric() && c != '_')
                .filter(|w| w.chars().next().is_some_and(|c| c.is_alphabetic()))
                .collect();
            if !here.is_empty() && !words.is_empty() {
                let from = here[rng.below(here.len())];
                let to = words[rng.below(words.len())];
                lines[i] = l.replacen(from, to, 1);
            }
        }
        5 => {
            // A bracket added or dropped.
            let l = &mut lines[i];
            let b = ["{", "}", "(", ")", "[", "]"][rng.below(6)];
            if let Some(p) = l.find(['{', '}', '(', ')', '[', ']']) {
                if rng.below(2) == 0 {
                    l.remove(p);
                } else {
                    l.insert_str(p, b);
                }
            } else {
                l.push_str(b);
            }
        }
        6 => {
            // Truncation.
            let all = lines.join("\n");
            let mut cut = rng.below(all.len().max(1));
            while !all.is_char_boundary(cut) {
                cut -= 1;
            }
            return all[..cut].to_string();
        }
        7 => {
            // A NUL or a BOM in the middle of a line.
            let l = &mut lines[i];
            let mut at = rng.below(l.len() + 1);
            while !l.is_char_boundary(at) {
                at -= 1;
            }
            l.insert(at, if rng.below(2) == 0 { '\0' } else { '\u{feff}' });
        }
        8 => {
            // A statement repeated many times (deep or long shapes).
            let l = lines[i].clone();
            for _ in 0..rng.below(64) {
                lines.insert(i, l.clone());
            }
        }
        _ => {
            // A character deleted.
            let l = &mut lines[i];
            if !l.is_empty() {
                let mut at = rng.below(l.len());
                while !l.is_char_boundary(at) {
                    at -= 1;
                }
                l.remove(at);
            }
        }
    }
    lines.join("\n") + "\n"
}

fn options() -> gosub::Options {
    gosub::Options {
        fuel: Some(2_000_000),
        max_stack: 1 << 20,
        heap: gosub_heap::HeapConfig {
            heap_limit: Some(64 << 20),
            ..gosub_heap::HeapConfig::default()
        },
        caps: gosub::Capabilities::none(),
        // No clock, no files, no processes: a mutated program cannot sleep or write.
        allowed_imports: Some(
            gosub_std::PACKAGES
                .iter()
                .filter(|p| !gosub_std::HOST_PACKAGES.contains(p))
                .map(|&p| std::borrow::Cow::Borrowed(p))
                .collect(),
        ),
        ..gosub::Options::default()
    }
}

/// Runs `src`; the panic's message if anything panicked.
fn run(src: &str) -> Result<(), String> {
    let opts = options();
    std::panic::catch_unwind(|| gosub::run_source("fuzz.go", src, &opts))
        .map(|_| ())
        .map_err(|p| {
            p.downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "a panic".into())
        })
}

/// Drops lines of `src` while it still panics (`src` itself if the line-wise form does
/// not: a truncated last line, carriage returns).
fn minimise(src: &str) -> String {
    let small = minimise_lines(src);
    if run(&small).is_err() {
        small
    } else {
        src.to_string()
    }
}

fn minimise_lines(src: &str) -> String {
    let mut lines: Vec<&str> = src.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let mut fewer = lines.clone();
        fewer.remove(i);
        if run(&(fewer.join("\n") + "\n")).is_err() {
            lines = fewer;
        } else {
            i += 1;
        }
    }
    lines.join("\n") + "\n"
}

/// Fuzzes from `seed` for `inputs` inputs or until `until`; the failures, minimised.
fn fuzz(seed: u64, inputs: usize, until: Option<Instant>) -> (usize, Vec<(String, String)>) {
    let corpus = corpus();
    assert!(corpus.len() > 100, "the corpus is tests/programs");
    let mut rng = Lcg(seed);
    let mut failures = Vec::new();
    let mut done = 0;
    let _quiet = Quiet::on();
    // In the long mode, target/fuzz-repro/last-SEED.go holds the input being run (one file
    // per seed, so that runs on several cores, each with its own seed, keep theirs).
    let last = until.map(|_| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-repro");
        let _ = std::fs::create_dir_all(&dir);
        dir.join(format!("last-{seed}.go"))
    });
    // In the long mode, a line of figures every minute, so that a run cut short still has
    // them.
    let started = Instant::now();
    let mut next_report = started + Duration::from_secs(60);
    // In the long mode, the slowest input so far (the fuel, heap and stack limits bound a
    // run, so a slow one is a compile-time path worth a look: a quadratic one, or a hang
    // waiting to happen), written to target/fuzz-repro/slowest-SEED.go.
    let mut slowest = Duration::ZERO;
    let mut memory_bound = HOST_MEMORY;
    while done < inputs && until.is_none_or(|t| Instant::now() < t) {
        if until.is_some() && Instant::now() >= next_report {
            next_report += Duration::from_secs(60);
            println!(
                "fuzz: {done} executions in {:.0} s (seed {seed}), {} panics so far, slowest {} ms",
                started.elapsed().as_secs_f64(),
                failures.len(),
                slowest.as_millis()
            );
        }
        let (name, src) = &corpus[rng.below(corpus.len())];
        let mut m = src.clone();
        for _ in 0..1 + rng.below(3) {
            m = mutate(&m, &mut rng);
        }
        done += 1;
        if let Some(path) = &last {
            // The input about to run, for an abort no panic hook sees.
            let _ = std::fs::write(path, &m);
        }
        let t = Instant::now();
        let result = run(&m);
        if let (Some(path), true) = (&last, t.elapsed() > slowest) {
            slowest = t.elapsed();
            let _ = std::fs::write(path.with_file_name(format!("slowest-{seed}.go")), &m);
        }
        let peak = peak_rss();
        if peak > memory_bound {
            memory_bound = peak * 2;
            let what = format!("{name} (host memory peaked at {} MiB)", peak >> 20);
            let _ = std::fs::write(repro_path(seed, failures.len()), &m);
            failures.push((what, m.clone()));
        }
        if let Err(msg) = result {
            let small = minimise(&m);
            // Written when found, so that a run cut short keeps it.
            let _ = std::fs::write(repro_path(seed, failures.len()), &small);
            failures.push((format!("{name} ({msg})"), small));
        }
    }
    (done, failures)
}

thread_local! {
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// While alive, panics on this thread print nothing (the fuzzer catches and reports
/// them); the process's hook is wrapped once and left in place for other threads.
struct Quiet;

impl Quiet {
    fn on() -> Quiet {
        static WRAP: std::sync::Once = std::sync::Once::new();
        WRAP.call_once(|| {
            let prev = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                if !QUIET.with(|q| q.get()) {
                    prev(info);
                }
            }));
        });
        QUIET.with(|q| q.set(true));
        Quiet
    }
}

impl Drop for Quiet {
    fn drop(&mut self) {
        QUIET.with(|q| q.set(false));
    }
}

/// Where the `i`th failure of a run from `seed` is written (`target/fuzz-repro/`).
fn repro_path(seed: u64, i: usize) -> std::path::PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-repro");
    let _ = std::fs::create_dir_all(&dir);
    dir.join(format!("repro-{seed}-{i}.go"))
}

/// The failures and the files `fuzz` wrote them to.
fn report(seed: u64, failures: &[(String, String)]) -> String {
    let mut s = String::new();
    for (i, (what, src)) in failures.iter().enumerate() {
        let path = repro_path(seed, i);
        s.push_str(&format!("{what}: {}\n{src}\n", path.display()));
    }
    s
}

#[test]
fn short_slice_of_mutated_programs_never_panics() {
    let (done, failures) = fuzz(0x5eed, SHORT, None);
    assert_eq!(done, SHORT);
    assert!(failures.is_empty(), "{}", report(0x5eed, &failures));
}

/// The long mode: `GOSUB_FUZZ_SECS` seconds from `GOSUB_FUZZ_SEED` (nothing otherwise).
#[test]
fn long_mode_when_asked() {
    let Some(secs) = common::env::<u64>("GOSUB_FUZZ_SECS") else {
        return;
    };
    let seed = common::env("GOSUB_FUZZ_SEED").unwrap_or(1);
    let start = Instant::now();
    let (done, failures) = fuzz(seed, usize::MAX, Some(start + Duration::from_secs(secs)));
    println!(
        "fuzz: {done} executions in {:.0} s (seed {seed}), {} panics",
        start.elapsed().as_secs_f64(),
        failures.len()
    );
    assert!(failures.is_empty(), "{}", report(seed, &failures));
}

/// Found by the fuzzer: a `String` method that prints its own value recursed through fmt's
/// native on the host thread's Rust stack, which overflowed (an abort) long before Go's
/// stack limit. On a 2 MiB host thread it is now Go's stack overflow, an error.
#[test]
fn a_string_method_printing_itself_is_gos_stack_overflow_not_the_hosts() {
    let src = "package main\n\nimport \"fmt\"\n\ntype R []float64\n\nfunc (r R) String() string { return fmt.Sprint(r) }\n\nfunc main() {\n\tfmt.Println(R{1, 2})\n}\n";
    let out = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            let mut vm = gosub::Vm::builder().capture_stderr().build();
            vm.run(src)
        })
        .unwrap()
        .join()
        .expect("no abort, no panic");
    assert!(matches!(out, Err(gosub::Error::StackOverflow)), "{out:?}");
}
