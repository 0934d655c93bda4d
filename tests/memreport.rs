//! The memory report (`gosub run --memreport`): its allocation-site table as text, for
//! the article's two programs and a program whose trees die young or are promoted,
//! reviewed as snapshots (exact: every allocation is recorded and gosub's collections are
//! deterministic), and the HTML page's parts. tests/memreport.sh renders the page in a
//! real browser.
//!
//! Invariants: the heap configuration is the default one, not the environment's.

use std::path::Path;

fn report(dir: &str, name: &str) -> (gosub::RunOutput, gosub::memreport::MemoryReport, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = std::fs::read_to_string(root.join(dir).join(name)).expect("read the program");
    let html = std::env::temp_dir().join(format!(
        "gosub-memreport-{}-{name}.html",
        std::process::id()
    ));
    let opts = gosub::Options {
        heap: gosub_heap::HeapConfig::default(),
        memreport: Some(html.clone()),
        ..Default::default()
    };
    let (out, report) = gosub::driver::run_source_report(name, &src, &opts);
    let page = std::fs::read_to_string(&html).expect("the page was written");
    let _ = std::fs::remove_file(&html);
    (out, report.expect("a report"), page)
}

fn check(snapshot: &str, dir: &str, name: &str) -> (gosub::memreport::MemoryReport, String) {
    let (out, r, page) = report(dir, name);
    assert_eq!(out.exit_code, 0, "{}", String::from_utf8_lossy(&out.stderr));
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!(snapshot, r.site_table()));
    (r, page)
}

#[test]
fn example1_sites() {
    check(
        "memreport__example1",
        "tests/seed",
        "example1_escape_defer.go",
    );
}

#[test]
fn example2_sites() {
    check(
        "memreport__example2",
        "tests/seed",
        "example2_cgo_malloc.go",
    );
}

#[test]
fn trees_sites_timeline_and_page() {
    let (r, page) = check("memreport__trees", "tests/memreport", "trees.go");
    // The timeline: every collection logged, the forced ones among them.
    let n = r.collections.len();
    assert_eq!(r.mem_stats.num_gc as usize, n);
    assert!(r
        .collections
        .iter()
        .any(|c| c.forced && c.kind == gosub_heap::GcKind::Full));
    assert!(r
        .collections
        .iter()
        .any(|c| c.forced && c.kind == gosub_heap::GcKind::Major));
    assert!(r.collections.windows(2).all(|w| w[0].at_ns <= w[1].at_ns));
    // The page: self-contained, two charts, a hover title per collection.
    assert!(page.starts_with("<!DOCTYPE html>"));
    // Nothing fetched: no scripts, no sources or links; the only URL is SVG's namespace.
    assert!(!page.contains("<script") && !page.contains("src=") && !page.contains("href="));
    assert_eq!(
        page.matches("http").count(),
        page.matches("xmlns=\"http://www.w3.org/2000/svg\"").count()
    );
    assert_eq!(
        page.matches("<svg").count(),
        2,
        "the timeline and the pause histogram"
    );
    assert_eq!(page.matches("<rect class=\"gc\"").count(), n);
    assert!(page.contains("(runtime.GC): pause") && page.contains("(debug.FreeOSMemory): pause"));
    assert!(page.contains("<td class=\"l\">trees.go:19</td>"));
    assert!(page.contains("&amp;node{...} escapes to heap"));
}

/// An embedder's reports: of a `run`, and of an eval session so far (its input lines, as
/// tracebacks name them), with escape analysis's reasons; none unless asked for.
#[test]
fn an_embedder_gets_the_report_of_a_run_and_of_a_session() {
    let mut plain = gosub::Vm::new();
    plain.eval("1 + 1").unwrap();
    assert!(plain.memory_report().is_none(), "not kept unless asked for");

    let mut vm = gosub::Vm::builder().keep_memory_report().build();
    vm.run("package main\n\nvar sink *[4]int\n\nfunc main() {\n\tfor i := 0; i < 10; i++ {\n\t\tsink = new([4]int)\n\t}\n}\n")
        .unwrap();
    let r = vm.memory_report().expect("the run's report");
    let site = r
        .sites
        .iter()
        .find(|s| s.function == "main.main")
        .expect("main's site");
    assert_eq!(
        (site.position.as_str(), site.objects, site.bytes),
        ("main.go:7", 10, 400)
    );
    assert_eq!(site.what, "new object");
    assert!(
        site.reason
            .iter()
            .any(|l| l == "new([4]int) escapes to heap"),
        "{:?}",
        site.reason
    );

    vm.eval_named(
        "shapes.go",
        "type P struct{ x, y float64 }\nfunc mk() *P { return &P{1, 2} }",
    )
    .unwrap();
    vm.eval("var ps []*P").unwrap();
    vm.eval("for range 100 { ps = append(ps, mk()) }").unwrap();
    let r = vm.memory_report().expect("the session's report");
    let mk = r
        .sites
        .iter()
        .find(|s| s.function == "main.mk")
        .expect("mk's site");
    assert_eq!(
        (mk.position.as_str(), mk.objects, mk.bytes),
        ("shapes.go:2", 100, 2400)
    );
    assert!(
        mk.reason.iter().any(|l| l == "&P{...} escapes to heap"),
        "{:?}",
        mk.reason
    );
    // An allocation escape analysis keeps in the frame: counted in a session too.
    vm.eval_named(
        "loop.go",
        "sum := 0.0\nfor i := range 10 {\n\tp := &P{float64(i), 1}\n\tsum += p.x\n}",
    )
    .unwrap();
    let r = vm.memory_report().unwrap();
    let kept = r
        .kept_in_frames
        .iter()
        .find(|k| k.position == "loop.go:3")
        .unwrap_or_else(|| panic!("{:?}", r.kept_in_frames));
    assert_eq!((kept.count, kept.bytes_saved), (10, 10 * 24), "{kept:?}");
    assert_eq!(kept.notes, ["&P{...} does not escape"]);
    let path =
        std::env::temp_dir().join(format!("gosub-embed-memreport-{}.html", std::process::id()));
    vm.write_memory_report(&path).unwrap();
    let page = std::fs::read_to_string(&path).unwrap();
    let _ = std::fs::remove_file(&path);
    assert!(page.contains("<td class=\"l\">shapes.go:2</td>"));
}
