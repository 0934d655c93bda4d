//! The newcomer examples under examples/ run and print what real Go prints: each example's
//! transcript is an insta snapshot (tests/snapshots/examples__NAME.snap), reviewed against
//! `go run` output (tests/oracle.sh works on these files too when given their paths).

use std::path::Path;

#[test]
fn examples() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("examples/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "go"))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "at least 10 examples");
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
            let src = std::fs::read_to_string(f).expect("read example");
            let out = gosub::run_source(&format!("{}.go", name), &src, &gosub::Options::default());
            let mut t = format!("exit: {}\n--- stdout\n", out.exit_code);
            t.push_str(&String::from_utf8_lossy(&out.stdout));
            t.push_str("--- stderr\n");
            t.push_str(&String::from_utf8_lossy(&out.stderr));
            insta::assert_snapshot!(format!("examples__{}", name), t);
        }
    });
}
