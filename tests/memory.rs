//! The memory-management teaching programs (examples/memory/): snapshots of gc-style `-m`
//! escape-analysis output (where it teaches something) and of each run's stdout, stderr and
//! exit code (tests/snapshots/memory__NAME.snap).
//!
//! Invariants: runs use the default heap configuration (not the environment's) so the
//! output is deterministic; `gctrace` lines are kept but their numbers (times, byte counts)
//! are replaced by `N`, since they depend on the machine and the allocator; the programs
//! themselves print only comparisons, never byte counts.

use std::path::Path;

/// (program, print `-m` output, GOSUBDEBUG=gctrace=1, GOSUBDEBUG=cleak=1)
const PROGRAMS: &[(&str, bool, bool, bool)] = &[
    ("stack_vs_heap", true, false, false),
    ("closure_capture", true, false, false),
    ("hot_loop", true, false, false),
    ("old_space", false, true, false),
    ("memstats_gc", false, true, false),
    ("cgo_malloc", false, false, true),
    ("unsafe_layout", false, false, false),
];

/// Replaces every run of digits (and decimal points inside numbers) by `N`.
fn numbers_to_n(line: &str) -> String {
    let mut out = String::new();
    let mut in_num = false;
    for c in line.chars() {
        if c.is_ascii_digit() || (in_num && c == '.') {
            if !in_num {
                out.push('N');
                in_num = true;
            }
        } else {
            in_num = false;
            out.push(c);
        }
    }
    out
}

fn transcript(name: &str, m: bool, gctrace: bool, cleak: bool) -> String {
    let file = format!("{}.go", name);
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/memory")
        .join(&file);
    let src = std::fs::read_to_string(&path).expect("read example");
    let heap = gosub_heap::HeapConfig {
        gctrace,
        ..Default::default()
    };
    let opts = gosub::Options {
        args: vec![name.to_string()],
        heap,
        cleak,
        ..Default::default()
    };
    let mut t = String::new();
    if m {
        t.push_str("--- gosub build -m\n");
        match gosub::driver::escape_diagnostics(&file, &src, &opts, 1) {
            Ok(lines) | Err(lines) => {
                for l in lines {
                    t.push_str(&l);
                    t.push('\n');
                }
            }
        }
    }
    let out = gosub::run_source(&file, &src, &opts);
    t.push_str(&format!("--- exit: {}\n--- stdout\n", out.exit_code));
    t.push_str(&String::from_utf8_lossy(&out.stdout));
    t.push_str("--- stderr\n");
    for l in String::from_utf8_lossy(&out.stderr).lines() {
        if l.starts_with("gc ") {
            t.push_str(&numbers_to_n(l));
        } else {
            t.push_str(l);
        }
        t.push('\n');
    }
    t
}

#[test]
fn memory_examples() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/memory");
    let on_disk = std::fs::read_dir(&dir)
        .expect("examples/memory")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "go"))
        .count();
    assert_eq!(
        on_disk,
        PROGRAMS.len(),
        "every examples/memory program has a snapshot"
    );
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for &(name, m, gctrace, cleak) in PROGRAMS {
            insta::assert_snapshot!(
                format!("memory__{}", name),
                transcript(name, m, gctrace, cleak)
            );
        }
    });
}

/// GOGC paces young collections as Go paces its heap goal: on the same garbage a smaller
/// GOGC collects more often, a larger one not more often, and GOGC=off never (issue 13).
/// Not a snapshot program: under gcstress every allocation collects, so the counts would
/// all be equal there.
#[test]
fn gogc_paces_collections() {
    let src = r#"package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

var sink []byte

func numGC() uint32 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.NumGC
}

func collections(percent int) uint32 {
	debug.SetGCPercent(percent)
	runtime.GC()
	before := numGC()
	for i := 0; i < 32<<10; i++ {
		sink = make([]byte, 1024)
	}
	return numGC() - before
}

func main() {
	fmt.Println(collections(10), collections(100), collections(400), collections(-1))
}
"#;
    let out = gosub::run_source("gogc.go", src, &gosub::Options::default());
    assert_eq!(out.exit_code, 0, "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let n: Vec<u64> = stdout
        .split_whitespace()
        .map(|w| w.parse().expect("a count"))
        .collect();
    assert_eq!(n.len(), 4, "{stdout}");
    assert!(
        n[0] > n[1],
        "GOGC=10 must collect more often than 100: {stdout}"
    );
    assert!(
        n[1] >= n[2],
        "GOGC=400 must not collect more often than 100: {stdout}"
    );
    assert!(
        n[1] > 0,
        "32 MiB of garbage must be collected at GOGC=100: {stdout}"
    );
    assert_eq!(n[3], 0, "GOGC=off must not collect: {stdout}");
}
