//! A one-shot compilation loads only the standard-library files, declarations and function
//! bodies the program can reach (src/reachable.rs): what nothing mentions is dropped, a
//! method an interface names but nothing calls becomes a stub that panics. Checked on the
//! checked program's syntax trees, and by running programs that reach library code only in
//! the roundabout ways reachability must still see (interfaces, method values, natives
//! calling Go, package initialization).

use gosub::driver::{analyze_source, run_source, Options};
use gosub_syntax::ast::{Decl, ExprKind, FuncDecl, StmtKind};

/// The declaration of `name` (`Func` or `Type.Method`) in package `path`, if the program has
/// it.
fn find<'a>(checked: &'a gosub_types::Program, path: &str, name: &str) -> Option<&'a FuncDecl> {
    let (recv, fname) = match name.split_once('.') {
        Some((r, m)) => (Some(r), m),
        None => (None, name),
    };
    let pkg = checked
        .packages
        .iter()
        .find(|p| p.path == path)
        .unwrap_or_else(|| panic!("no package {path}"));
    for f in pkg.files.iter() {
        for d in &f.decls {
            let Decl::Func(fd) = d else { continue };
            let recv_name = fd.recv.as_ref().map(|r| match &r.ty.kind {
                ExprKind::Star(x) => match &x.kind {
                    ExprKind::Ident(i) => i.name.clone(),
                    _ => String::new(),
                },
                ExprKind::Ident(i) => i.name.clone(),
                _ => String::new(),
            });
            if fd.name.name == fname && recv_name.as_deref() == recv {
                return Some(fd);
            }
        }
    }
    None
}

fn func<'a>(checked: &'a gosub_types::Program, path: &str, name: &str) -> &'a FuncDecl {
    find(checked, path, name).unwrap_or_else(|| panic!("no function {name} in {path}"))
}

/// Whether a body is the stub of an unloaded one: a single `panic("...not loaded")`.
fn is_stub(fd: &FuncDecl) -> bool {
    let Some(b) = &fd.body else { return false };
    let [s] = b.stmts.as_slice() else {
        return false;
    };
    let StmtKind::Expr(e) = &s.kind else {
        return false;
    };
    let ExprKind::Call { args, .. } = &e.kind else {
        return false;
    };
    args.iter().any(|a| match &a.kind {
        ExprKind::StringLit(b) => String::from_utf8_lossy(b).contains("not loaded"),
        _ => false,
    })
}

const HELLO: &str =
    "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hello\")\n}\n";

/// The packages of the checked program.
fn packages(checked: &gosub_types::Program) -> Vec<&str> {
    checked.packages.iter().map(|p| p.path.as_str()).collect()
}

/// Function bodies loaded (not stubs) in the whole program.
fn loaded_bodies(checked: &gosub_types::Program) -> usize {
    let decls = checked
        .packages
        .iter()
        .flat_map(|p| p.files.iter())
        .flat_map(|f| &f.decls);
    decls
        .filter(|d| matches!(d, Decl::Func(fd) if fd.body.is_some() && !is_stub(fd)))
        .count()
}

#[test]
fn hello_world_loads_what_println_reaches_and_no_more() {
    let a = analyze_source("hello.go", HELLO, &Options::default(), false).unwrap();
    let c = &a.checked;
    // Called, directly or through what they call.
    for (p, f) in [("fmt", "Println"), ("os", "File.WriteString")] {
        assert!(!is_stub(func(c, p, f)), "{p}.{f} should be loaded");
    }
    // Natives call Error on any error value: loaded for the error types that exist.
    assert!(!is_stub(func(c, "errors", "errorString.Error")));
    // Packages nothing reaches are not even parsed.
    let pkgs = packages(c);
    for p in ["strings", "time", "math", "unicode", "sort"] {
        assert!(!pkgs.contains(&p), "{p} should not be loaded: {pkgs:?}");
    }
    // Declarations nothing mentions are dropped: functions, methods, types.
    for (p, f) in [("fmt", "Sprintf"), ("os", "ReadFile"), ("os", "File.Seek")] {
        assert!(find(c, p, f).is_none(), "{p}.{f} should be dropped");
    }
    let fmt = c.packages.iter().find(|p| p.path == "fmt").unwrap();
    let types = fmt
        .files
        .iter()
        .flat_map(|f| &f.decls)
        .filter_map(|d| match d {
            Decl::Type(g) => Some(g.specs.iter().map(|s| s.name.name.as_str())),
            _ => None,
        });
    let types: Vec<&str> = types.flatten().collect();
    assert!(
        !types.contains(&"Stringer") && types.contains(&"State"),
        "{types:?}"
    );
    // Some 60 of the more than 1,000 bodies fmt's imports have.
    let n = loaded_bodies(c);
    assert!(n < 120, "{n} bodies loaded");
}

#[test]
fn methods_load_for_the_types_whose_values_exist() {
    let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"io\"\n\t\"os\"\n\t\"time\"\n)\n\nfunc main() {\n\tvar s io.Seeker = os.Stdout\n\t_ = s\n\tfmt.Println(time.Second)\n}\n";
    let a = analyze_source("values.go", src, &Options::default(), false).unwrap();
    let c = &a.checked;
    // fmt's natives call String on a Duration (a value of it exists), not on a Time (none
    // does), and Time's methods are not even kept.
    assert!(!is_stub(func(c, "time", "Duration.String")));
    assert!(find(c, "time", "Time.String").is_none());
    // An interface names Seek, nothing calls it: a stub keeps *File an io.Seeker.
    assert!(is_stub(func(c, "os", "File.Seek")));
    let out = run_source("values.go", src, &Options::default());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "1s\n");
}

#[test]
fn library_code_reached_indirectly_still_runs() {
    let src = r#"package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"
)

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

type fancy struct{}

func (fancy) Format(f fmt.State, verb rune) { fmt.Fprintf(f, "fancy/%c/%v", verb, f.Flag('+')) }

func main() {
	// Through an interface: io.ReadAll calls Read on a *strings.Reader.
	var r io.Reader = strings.NewReader("read through an interface")
	b, _ := io.ReadAll(r)
	fmt.Println(string(b))
	// A method value, and a method called by a native (String, via %v).
	up := strings.ToUpper
	fmt.Println(up("method value"), 1500*time.Millisecond)
	// sort calls Len/Less/Swap through sort.Interface.
	words := byLen{"ccc", "a", "bb"}
	sort.Sort(words)
	fmt.Println(words)
	// The Formatter protocol: natives call fmt's Go helpers by name.
	fmt.Printf("%+x\n", fancy{})
	// Errors wrapped and unwrapped by library code.
	err := fmt.Errorf("wrapped: %w", os.ErrNotExist)
	fmt.Println(errors.Is(err, os.ErrNotExist), err)
}
"#;
    let out = run_source("indirect.go", src, &Options::default());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "",
        "exit {}",
        out.exit_code
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "read through an interface\nMETHOD VALUE 1.5s\n[a bb ccc]\nfancy/x/true\ntrue wrapped: file does not exist\n"
    );
}

/// A host package may take a standard package's path: its own text is loaded whole, never
/// described by the standard file's facts (which would not know its names or its init),
/// also when the program reaches it only through another package.
#[test]
fn a_host_package_at_a_standard_path_is_loaded_whole() {
    let host = "package strings\n\nvar greeting = initGreeting()\n\nfunc initGreeting() string { println(\"host init\"); return \"hi\" }\n\nfunc Shout(s string) string { return s + \"!\" }\n";
    let lib = "package mylib\n\nimport \"strings\"\n\nfunc Loud(s string) string { return strings.Shout(s) }\n";
    let opts = Options {
        host_packages: vec![
            ("strings".into(), host.into()),
            ("mylib".into(), lib.into()),
        ],
        ..Options::default()
    };
    let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"mylib\"\n)\n\nfunc main() { fmt.Println(mylib.Loud(\"hey\")) }\n";
    let out = run_source("host.go", src, &opts);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "host init\n");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "hey!\n");
}
