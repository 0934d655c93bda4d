//! Snapshot tests: every program under tests/programs/ is compiled and run by gosub and its
//! transcript (exit code, stdout, stderr) compared with the reviewed insta snapshot
//! tests/snapshots/programs__NAME.snap. tests/oracle.sh checks that every snapshot equals
//! what real Go 1.26.6 prints (after eliding traceback details).
//!
//! Programs gosub does not yet run exactly as Go does are listed, one name per line, in
//! tests/programs/KNOWN_FAILURES; they are skipped here (and the list is checked to name
//! only existing programs), so the list is the honest record of what is left.

#[allow(dead_code)] // (the fuzzer's generator is not used here)
mod common;

use std::path::Path;

fn transcript(out: &gosub::RunOutput) -> String {
    let mut s = format!("exit: {}\n--- stdout\n", out.exit_code);
    let stdout = String::from_utf8_lossy(&out.stdout);
    s.push_str(&stdout);
    if !stdout.is_empty() && !stdout.ends_with('\n') {
        s.push('\n');
    }
    s.push_str("--- stderr\n");
    s.push_str(&String::from_utf8_lossy(&out.stderr));
    s
}

fn known_failures(dir: &Path) -> Vec<String> {
    std::fs::read_to_string(dir.join("KNOWN_FAILURES"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split_whitespace().next().unwrap_or("").to_string())
        .collect()
}

/// What a program reads on stdin: its sibling NAME.stdin, or nothing (tests/oracle.sh feeds
/// the same file, or /dev/null, to real Go).
fn stdin_of(path: &Path) -> gosub::Stdin {
    gosub::Stdin::Bytes(std::fs::read(path.with_extension("stdin")).unwrap_or_default())
}

/// Runs one program the way `gosub run NAME.go < NAME.stdin` does from inside
/// tests/programs.
pub fn run_program(path: &Path) -> String {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("prog.go");
    let src = std::fs::read_to_string(path).unwrap_or_default();
    let opts = gosub::Options {
        args: vec![name.trim_end_matches(".go").to_string()],
        stdin: stdin_of(path),
        ..Default::default()
    };
    transcript(&gosub::run_source(name, &src, &opts))
}

/// A program whose output is the collector's pacing (how many collections GOGC gives) says
/// so in a line `// gosub: measures GC pacing`: under gcstress (a collection at every
/// allocation, CI's gcstress step) there is no pacing to measure, so it is run only
/// without it.
fn measures_pacing(path: &Path) -> bool {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .any(|l| l.trim() == "// gosub: measures GC pacing")
}

#[test]
fn programs() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let skip = known_failures(&dir);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/programs")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "go"))
        .collect();
    files.sort();
    for s in &skip {
        assert!(
            dir.join(format!("{}.go", s)).exists(),
            "KNOWN_FAILURES names a missing program: {}",
            s
        );
    }
    let stress = gosub_heap::HeapConfig::from_env().is_ok_and(|c| c.gc_stress);
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for f in &files {
            let name = f
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("?")
                .to_string();
            if skip.contains(&name) || (stress && measures_pacing(f)) {
                continue;
            }
            let t = run_program(f);
            insta::assert_snapshot!(format!("programs__{}", name), t);
        }
    });
}

/// The programs of generic code, iterators and the generic standard packages again, with a
/// 64 KiB nursery (a minor collection every few hundred allocations) and the heap verifier
/// checking every pointer after each collection: the GC types, stack maps and write barriers
/// of every instantiation are right when the transcript stays the reviewed snapshot. (CI's
/// gcstress step runs every program with a collection at every allocation as well.)
#[test]
fn generic_programs_under_gc_verify() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/programs")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let n = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            n.ends_with(".go")
                && ["generics_", "rangefunc_", "iter_", "std_"]
                    .iter()
                    .any(|pre| n.starts_with(pre))
        })
        .collect();
    files.sort();
    assert!(files.len() >= 20, "{} programs", files.len());
    let mut heap = gosub_heap::HeapConfig::default();
    heap.apply_debug("gcverify=1").unwrap();
    heap.nursery_bytes = 64 << 10;
    assert_snapshots_under(&files, &heap, "under gcverify with a small nursery");
}

/// Every program again with a marking cycle of the old generation under way whenever one
/// can be (`GOSUBGC=incremental=eager`: a cycle starts at every minor collection, a step
/// runs at every allocation), a 64 KiB nursery and the heap verifier, which checks the
/// tri-colour invariant at each mark termination and every pointer after each collection
/// (crates/heap/src/incremental.rs): the transcripts stay the reviewed snapshots.
#[test]
fn programs_under_eager_incremental_marking() {
    let skip = known_failures(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs"));
    let files: Vec<_> = common::go_files("tests/programs")
        .into_iter()
        .filter(|p| {
            let n = p.file_stem().and_then(|n| n.to_str()).unwrap_or("");
            !skip.iter().any(|s| s == n) && !measures_pacing(p)
        })
        .collect();
    assert!(files.len() >= 400, "{} programs", files.len());
    let mut heap = gosub_heap::HeapConfig::default();
    heap.apply_spec("incremental=eager,verify=1").unwrap();
    heap.nursery_bytes = 64 << 10;
    assert_snapshots_under(&files, &heap, "under eager incremental marking");
}

/// Runs each program of `files` with heap configuration `heap` and compares its transcript
/// with its reviewed snapshot.
fn assert_snapshots_under(files: &[std::path::PathBuf], heap: &gosub_heap::HeapConfig, what: &str) {
    let snaps = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    for f in files {
        let name = f.file_stem().and_then(|s| s.to_str()).unwrap_or("?");
        let src = std::fs::read_to_string(f).unwrap_or_default();
        let opts = gosub::Options {
            args: vec![name.to_string()],
            heap: heap.clone(),
            stdin: stdin_of(f),
            ..Default::default()
        };
        let got = transcript(&gosub::run_source(&format!("{name}.go"), &src, &opts));
        let snap = std::fs::read_to_string(snaps.join(format!("programs__{name}.snap")))
            .unwrap_or_default();
        // The snapshot's body follows its `---` header.
        let body = snap.splitn(3, "---\n").nth(2).unwrap_or("");
        assert_eq!(got.trim_end(), body.trim_end(), "{name} {what}");
    }
}
