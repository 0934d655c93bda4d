//! The generated table of standard-library file facts (src/file_facts_table.rs) matches the
//! Go sources. `UPDATE_FILE_FACTS=1 cargo test -p gosub-std --test file_facts` rewrites it.

use gosub_std::file_facts::{compute, file_facts, render_table};

#[test]
fn file_facts_are_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/file_facts_table.rs");
    let want = render_table().expect("the standard library parses");
    if std::env::var_os("UPDATE_FILE_FACTS").is_some() {
        std::fs::write(path, &want).expect("write the table");
        return;
    }
    let have = std::fs::read_to_string(path).expect("read the table");
    assert!(
        have == want,
        "{path} is stale: rerun with UPDATE_FILE_FACTS=1 and review the diff"
    );
}

#[test]
fn facts_say_what_a_file_declares_and_needs() {
    let src = r#"package p

import "errors"

type T struct{ n [size]int }
type u = T

const size, other = 4, 5

var table = []int{1, 2, 3}
var ErrX = errors.New(msg)

func (t *T) M() int { return 0 }
func (u List[E]) Len() int { return 0 }
func F() {}
"#;
    let c = compute("p", src).unwrap();
    assert_eq!(
        c.declares,
        ["T", "u", "size", "other", "table", "ErrX", "F"].map(String::from)
    );
    let methods: Vec<(&str, &str)> = c
        .methods
        .iter()
        .map(|(t, m)| (t.as_str(), m.as_str()))
        .collect();
    assert_eq!(methods, [("T", "M"), ("List", "Len")]);
    assert!(
        c.root,
        "errors.New(msg) is a call: the file runs something at init"
    );
    let idioms = "package p\nvar E = errors.New(\"e\")\nvar t0 = &tables[1]\n";
    assert!(
        !compute("p", idioms).unwrap().root,
        "errors.New of a literal, a literal index"
    );
    let pure = "package p\nvar t = map[string]int{\"a\": 1}\nvar f = func() int { return g() }\nfunc g() int { return 1 }\n";
    assert!(
        !compute("p", pure).unwrap().root,
        "a map literal and a function literal run nothing"
    );
    assert!(compute("p", "package p\nfunc init() {}\n").unwrap().root);
    assert!(compute("p", "package p\nvar _ = f()\n").unwrap().root);
    let assertion = "package p\nvar _ I = (*T)(nil)\n";
    assert!(
        !compute("p", assertion).unwrap().root,
        "a compile-time assertion runs nothing"
    );
    let conversions =
        "package p\nvar m = map[string]uint64{\"ns\": uint64(N)}\nvar b = []byte(string(r))\n";
    assert!(!compute("p", conversions).unwrap().root);
    assert!(
        compute("p", "package p\nvar x = 1 / n\nvar n = 0\n")
            .unwrap()
            .root
    );
    assert!(compute("runtime", "package runtime\n").unwrap().root);
    let fmt = file_facts("fmt", "fmt.go").expect("fmt.go has facts");
    assert!(fmt.declares.contains(&"Println"));
    assert!(
        fmt.root,
        "fmt.go declares a function natives call (newFormatState)"
    );
    assert!(file_facts("fmt", "nonexistent.go").is_none());
}
