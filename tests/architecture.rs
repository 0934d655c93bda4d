//! The workspace's dependency graph, as `cargo metadata` reports it, against the layering
//! the crates are designed for: the front end (syntax → types → escape → compile) and the
//! back end (heap, bytecode → vm → std) meet only in gosub-bytecode's program format, so
//! the VM can be built and embedded without the compiler.
//!
//! Only normal and build dependencies count (dev-dependencies may reach anywhere: tests
//! compile Go programs). The facade `gosub` (with the `gosub` command as its binary) sits on
//! top and may use every crate. A new gosub crate must be given its rule in `RULES`.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// (crate, the gosub crates it may depend on, the rule in words).
const RULES: &[(&str, &[&str], &str)] = &[
    (
        "gosub-heap",
        &[],
        "gosub-heap depends on no other gosub crate (it owns memory and knows no Go)",
    ),
    (
        "gosub-derive",
        &[],
        "gosub-derive depends on no other gosub crate (the code it writes names the facade)",
    ),
    (
        "gosub-layered",
        &[],
        "gosub-layered depends on no other gosub crate (shared collections, no Go)",
    ),
    (
        "gosub-bytecode",
        &["gosub-heap", "gosub-layered"],
        "gosub-bytecode depends on no gosub crate except, at most, gosub-heap and \
         gosub-layered (the program format knows nothing of the front end)",
    ),
    (
        "gosub-syntax",
        &[],
        "gosub-syntax depends on no other gosub crate (every stage depends on it)",
    ),
    (
        "gosub-types",
        &["gosub-syntax", "gosub-layered"],
        "gosub-types depends only on gosub-syntax and gosub-layered",
    ),
    (
        "gosub-escape",
        &["gosub-syntax", "gosub-types", "gosub-layered"],
        "gosub-escape depends only on gosub-syntax, gosub-types and gosub-layered (shared \
         collections)",
    ),
    (
        "gosub-compile",
        &[
            "gosub-syntax",
            "gosub-types",
            "gosub-escape",
            "gosub-bytecode",
            "gosub-layered",
        ],
        "gosub-compile depends only on the front end (syntax, types, escape) and the \
         bytecode it emits, not on the VM or the heap",
    ),
    (
        "gosub-vm",
        &["gosub-bytecode", "gosub-heap", "gosub-layered"],
        "gosub-vm depends only on gosub-bytecode, gosub-heap and gosub-layered (shared \
         collections) among gosub crates (no compiler, no front end)",
    ),
    (
        "gosub-std",
        &["gosub-vm", "gosub-bytecode", "gosub-heap", "gosub-syntax"],
        "gosub-std does not depend on gosub-compile, gosub-types or gosub-escape (it may use \
         gosub-syntax for Go's quoting only)",
    ),
];

/// Crates on top of the graph, free to depend on any crate.
const TOP: &[&str] = &["gosub"];

#[test]
fn dependency_graph_follows_the_layering() {
    let graph = workspace_graph();
    for (name, _, _) in RULES {
        assert!(
            graph.contains_key(*name),
            "the rules name {name}, which is not a workspace package"
        );
    }
    for (pkg, deps) in &graph {
        if TOP.contains(&pkg.as_str()) {
            continue;
        }
        let Some((_, allowed, rule)) = RULES.iter().find(|(n, _, _)| n == pkg) else {
            panic!("workspace package {pkg} has no rule in tests/architecture.rs");
        };
        for d in deps.iter().filter(|d| d.starts_with("gosub")) {
            assert!(
                allowed.contains(&d.as_str()),
                "rule broken: {rule}; but {pkg} depends on {d}"
            );
        }
        if *pkg == "gosub-heap" {
            // libc for the address space, psm to switch to a deep stack (host_stack.rs).
            for d in deps {
                assert!(
                    d == "libc" || d == "psm",
                    "rule broken: gosub-heap depends only on libc and psm; but it depends on {d}"
                );
            }
        }
    }
}

/// Workspace package name → its normal and build dependencies, from `cargo metadata`.
fn workspace_graph() -> BTreeMap<String, Vec<String>> {
    let out = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--no-deps"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("cargo metadata prints UTF-8");
    let meta = Json::parse(&text).expect("cargo metadata prints JSON");
    let mut graph = BTreeMap::new();
    for p in meta.get("packages").and_then(Json::array).unwrap_or(&[]) {
        let Some(name) = p.get("name").and_then(Json::str) else {
            continue;
        };
        let deps = p
            .get("dependencies")
            .and_then(Json::array)
            .unwrap_or(&[])
            .iter()
            .filter(|d| d.get("kind").and_then(Json::str) != Some("dev"))
            .filter_map(|d| d.get("name").and_then(Json::str))
            .map(str::to_string)
            .collect();
        graph.insert(name.to_string(), deps);
    }
    assert!(
        graph.contains_key("gosub") && graph.len() > 5,
        "cargo metadata listed the workspace: {:?}",
        graph.keys()
    );
    graph
}

/// Just enough JSON for `cargo metadata` (no crates.io dependency for one test).
enum Json {
    Null,
    Bool,
    Num,
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    fn parse(s: &str) -> Option<Json> {
        let mut p = Parser {
            b: s.as_bytes(),
            i: 0,
        };
        let v = p.value()?;
        p.ws();
        (p.i == p.b.len()).then_some(v)
    }
    fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(kv) => kv.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
    fn array(&self) -> Option<&[Json]> {
        match self {
            Json::Arr(v) => Some(v),
            _ => None,
        }
    }
    fn str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }
}

struct Parser<'a> {
    b: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.b.get(self.i).is_some_and(|c| c.is_ascii_whitespace()) {
            self.i += 1;
        }
    }
    fn eat(&mut self, c: u8) -> Option<()> {
        self.ws();
        (self.b.get(self.i) == Some(&c)).then(|| self.i += 1)
    }
    fn value(&mut self) -> Option<Json> {
        self.ws();
        match *self.b.get(self.i)? {
            b'{' => {
                self.i += 1;
                let mut kv = Vec::new();
                if self.eat(b'}').is_some() {
                    return Some(Json::Obj(kv));
                }
                loop {
                    self.ws();
                    let k = self.string()?;
                    self.eat(b':')?;
                    kv.push((k, self.value()?));
                    if self.eat(b',').is_none() {
                        self.eat(b'}')?;
                        return Some(Json::Obj(kv));
                    }
                }
            }
            b'[' => {
                self.i += 1;
                let mut v = Vec::new();
                if self.eat(b']').is_some() {
                    return Some(Json::Arr(v));
                }
                loop {
                    v.push(self.value()?);
                    if self.eat(b',').is_none() {
                        self.eat(b']')?;
                        return Some(Json::Arr(v));
                    }
                }
            }
            b'"' => self.string().map(Json::Str),
            b't' | b'f' => {
                let word: &[u8] = if self.b[self.i] == b't' {
                    b"true"
                } else {
                    b"false"
                };
                self.b[self.i..].starts_with(word).then(|| {
                    self.i += word.len();
                    Json::Bool
                })
            }
            b'n' => self.b[self.i..].starts_with(b"null").then(|| {
                self.i += 4;
                Json::Null
            }),
            _ => {
                let start = self.i;
                while self
                    .b
                    .get(self.i)
                    .is_some_and(|c| c.is_ascii_digit() || b"+-.eE".contains(c))
                {
                    self.i += 1;
                }
                (self.i > start).then_some(Json::Num)
            }
        }
    }
    fn string(&mut self) -> Option<String> {
        if self.b.get(self.i) != Some(&b'"') {
            return None;
        }
        self.i += 1;
        let mut out = Vec::new();
        loop {
            let c = *self.b.get(self.i)?;
            self.i += 1;
            match c {
                b'"' => return String::from_utf8(out).ok(),
                b'\\' => {
                    let e = *self.b.get(self.i)?;
                    self.i += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b't' => out.push(b'\t'),
                        b'r' => out.push(b'\r'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'u' => {
                            let hex = std::str::from_utf8(self.b.get(self.i..self.i + 4)?).ok()?;
                            self.i += 4;
                            let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)
                                .unwrap_or('\u{FFFD}');
                            out.extend_from_slice(c.to_string().as_bytes());
                        }
                        other => out.push(other),
                    }
                }
                c => out.push(c),
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Architecture Invariant: `unsafe` code lives only in the heap crate, the interpreter's dispatch
// loop and the few named places below, each block with a `// SAFETY:` comment (each `unsafe fn`
// with a `# Safety` section); every other crate forbids it at compile time.

/// Files outside the heap crate allowed to hold `unsafe`, and why.
const UNSAFE_ALLOWED: &[(&str, &str)] = &[
    (
        "crates/vm/src/interp.rs",
        "the dispatch loop's unchecked frame slots (verified at load)",
    ),
    (
        "crates/vm/src/fast_loop.rs",
        "the inner loop's unchecked frame slots and validated ranges, as the dispatch loop's",
    ),
    (
        "crates/vm/src/access.rs",
        "the dispatch loop's heap word accesses through ranges the heap validated",
    ),
    (
        "crates/vm/src/map_fast.rs",
        "map lookups, slots and deletes through ranges the heap validated (maps -37% instructions)",
    ),
    (
        "crates/vm/src/frame.rs",
        "frame-word reads and writes outside the loop, bounds-checked",
    ),
    (
        "crates/vm/src/vm.rs",
        "Send for the element-translation cache's raw pointer",
    ),
    (
        "src/bin/gosub/repl.rs",
        "installing the REPL's SIGINT handler",
    ),
    (
        "src/bin/gosub/main.rs",
        "restoring SIGPIPE's default action, as a Go binary has it",
    ),
];

/// Crates that must carry `#![forbid(unsafe_code)]` in their root module.
const SAFE_CRATES: &[&str] = &[
    "crates/syntax/src/lib.rs",
    "crates/layered/src/lib.rs",
    "crates/types/src/lib.rs",
    "crates/escape/src/lib.rs",
    "crates/compile/src/lib.rs",
    "crates/bytecode/src/lib.rs",
    "crates/std/src/lib.rs",
    "src/lib.rs",
];

/// Every Rust file under crates/ and src/: (path relative to the workspace, text).
fn workspace_sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_sources(&root.join("crates"), &mut files);
    rust_sources(&root.join("src"), &mut files);
    (files.iter())
        .map(|f| {
            let rel = f.strip_prefix(root).unwrap().to_string_lossy();
            (rel.replace('\\', "/"), std::fs::read_to_string(f).unwrap())
        })
        .collect()
}

fn rust_sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Lines of `src` that open unsafe code (`unsafe {`, `unsafe fn`, `unsafe impl`), ignoring
/// comments and the attribute that forbids it.
fn unsafe_lines(src: &str) -> Vec<usize> {
    src.lines()
        .enumerate()
        .filter(|(_, l)| {
            let code = l.split("//").next().unwrap_or("");
            ["unsafe {", "unsafe fn", "unsafe impl", "unsafe extern"]
                .iter()
                .any(|k| code.contains(k))
        })
        .map(|(i, _)| i)
        .collect()
}

#[test]
fn unsafe_only_in_the_heap_the_interpreter_and_named_places() {
    let mut bad = Vec::new();
    for (rel, src) in workspace_sources() {
        if !rel.contains("/src/") && !rel.starts_with("src/") {
            continue; // tests, benches and build scripts
        }
        let lines: Vec<&str> = src.lines().collect();
        for i in unsafe_lines(&src) {
            let allowed = rel.starts_with("crates/heap/src/")
                || UNSAFE_ALLOWED.iter().any(|(p, _)| *p == rel);
            if !allowed {
                bad.push(format!(
                    "{rel}:{}: unsafe outside the allowed places",
                    i + 1
                ));
                continue;
            }
            // A block needs `// SAFETY:`; an `unsafe fn` its `# Safety` doc section.
            let from = i.saturating_sub(6);
            if !lines[from..=i]
                .iter()
                .any(|l| l.contains("SAFETY:") || l.contains("# Safety"))
            {
                bad.push(format!(
                    "{rel}:{}: unsafe without a `// SAFETY:` comment",
                    i + 1
                ));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "unsafe code rule broken:\n{}",
        bad.join("\n")
    );
}

#[test]
fn safe_crates_forbid_unsafe_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for lib in SAFE_CRATES {
        let src = std::fs::read_to_string(root.join(lib)).unwrap();
        assert!(
            src.contains("#![forbid(unsafe_code)]"),
            "{lib} must carry #![forbid(unsafe_code)]: only the heap, the interpreter loop and \
             the places named in tests/architecture.rs may hold unsafe code"
        );
    }
}

#[test]
fn the_unsafe_detector_sees_unsafe() {
    assert_eq!(unsafe_lines("fn f() {\n    unsafe { g() }\n}\n"), vec![1]);
    assert!(unsafe_lines("// unsafe { in a comment }\n#![forbid(unsafe_code)]\n").is_empty());
}

// ---------------------------------------------------------------------------------------------
// Architecture Invariant: one concept per file, so no source file grows past 1,000 lines; a
// file that outgrows it is split by concept. Generated tables are exempt when they say so in
// their first lines ("generated").

#[test]
fn no_source_file_over_1000_lines() {
    let mut big = Vec::new();
    for (rel, src) in workspace_sources() {
        let generated = src
            .lines()
            .take(10)
            .any(|l| l.to_lowercase().contains("generated"));
        let n = src.lines().count();
        if n > 1000 && !generated {
            big.push(format!("{rel}: {n} lines"));
        }
    }
    assert!(
        big.is_empty(),
        "split these files by concept (one concept per file):\n{}",
        big.join("\n")
    );
}
