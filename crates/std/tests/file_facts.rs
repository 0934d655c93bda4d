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

/// The facts place each top-level declaration exactly: a file parsed with them left out,
/// each then parsed on its own (`parse_decl`, a function's body left out) in its place, is
/// the file parsed lazily whole (same tree, same positions).
#[test]
fn left_out_declarations_parse_in_their_place() {
    use gosub_syntax::ast::Decl;
    let src = "package p\n\nimport \"errors\"\n\n// Sizes.\nconst (\n\tA = iota // a\n\tB\n)\n\nvar ErrX = errors.New(\"x\") /* y */\n\ntype (\n\tT struct{ n [A]int }\n\tList[E any] []E\n)\n\nfunc (t *T) M() int { return 0 }\n\nvar f = func() int { return 1 }\nconst one = 1\n";
    let c = compute("p", src).unwrap();
    let kinds: Vec<String> = c.decls.iter().map(|d| format!("{:?}", d.kind)).collect();
    assert_eq!(kinds, ["Const", "Var", "Type", "Func", "Var", "Const"]);
    assert_eq!(
        (
            c.decls[3].recv.as_ref().map(|r| r.0.as_str()),
            c.decls[3].body.is_some()
        ),
        (Some("T"), true)
    );
    let type_names: Vec<Vec<&str>> = (c.decls[2].specs.iter())
        .map(|s| s.iter().map(|(n, _)| n.as_str()).collect())
        .collect();
    assert_eq!(type_names, [vec!["T"], vec!["List"]]);
    let (whole, _) = gosub_syntax::parse_file_lazy(src, 50, 0).unwrap();
    let spans: Vec<(u32, u32)> = c.decls.iter().map(|d| d.span).collect();
    let (mut lazy, _) = gosub_syntax::parse_file_lazy_known(src, 50, 0, &c.bodies, &spans).unwrap();
    for d in &c.decls {
        let i = d.index as usize;
        assert!(
            matches!(&lazy.decls[i], Decl::Const(g) if g.specs.is_empty()),
            "left out"
        );
        let text = &src[d.span.0 as usize..d.span.1 as usize];
        let body = d.body.map(|(b, e)| (b - d.span.0, e - d.span.0));
        let (decl, _) = gosub_syntax::parse_decl(text, 50 + d.span.0, 1000, body).unwrap();
        lazy.decls[i] = decl;
    }
    assert_eq!(
        gosub_syntax::dump::file(&lazy),
        gosub_syntax::dump::file(&whole)
    );
    // The trees with their positions, node ids aside (those are numbered differently).
    let without_ids = |f: &gosub_syntax::ast::File| -> String {
        let text = format!("{:?}", f.decls);
        let mut out = String::new();
        let mut rest = text.as_str();
        while let Some(i) = rest.find("id: ") {
            out.push_str(&rest[..i]);
            rest = rest[i + 4..].trim_start_matches(|c: char| c.is_ascii_digit());
        }
        out + rest
    };
    assert_eq!(without_ids(&lazy), without_ids(&whole));
}

/// Every declaration the table says a standard file may leave out parses on its own, as
/// what the table says it is: so a program that reaches it never finds a hole.
#[test]
fn every_left_out_declaration_parses() {
    use gosub_std::file_facts::DeclKind;
    use gosub_syntax::ast::Decl;
    let mut n = 0;
    for &(path, file, ref ff) in gosub_std::file_facts::table() {
        let Some(&(_, src)) = gosub_std::files(path).and_then(|fs| fs.iter().find(|f| f.0 == file))
        else {
            panic!("{path}/{file} is in the table but not a standard file");
        };
        for d in ff.decls {
            let text = &src[d.span.0 as usize..d.span.1 as usize];
            let body = d.body.map(|(b, e)| (b - d.span.0, e - d.span.0));
            let (decl, _) = gosub_syntax::parse_decl(text, 1, 0, body)
                .unwrap_or_else(|e| panic!("{path}/{file} at {:?}: {e:?}", d.span));
            let kind = match &decl {
                Decl::Const(_) => DeclKind::Const,
                Decl::Var(_) => DeclKind::Var,
                Decl::Type(_) => DeclKind::Type,
                Decl::Func(_) => DeclKind::Func,
            };
            assert_eq!(kind, d.kind, "{path}/{file} at {:?}", d.span);
            // The names the facts give, spec by spec, are the declaration's.
            let names: Vec<(usize, String)> = match &decl {
                Decl::Func(fd) => vec![(0, fd.name.name.clone())],
                Decl::Type(g) => (g.specs.iter().enumerate())
                    .map(|(i, s)| (i, s.name.name.clone()))
                    .collect(),
                Decl::Const(g) | Decl::Var(g) => (g.specs.iter().enumerate())
                    .flat_map(|(i, s)| s.names.iter().map(move |n| (i, n.name.clone())))
                    .collect(),
            };
            let facts: Vec<(usize, String)> = d
                .names(ff, src)
                .map(|(i, n, _)| (i, n.to_string()))
                .collect();
            assert_eq!(facts, names, "{path}/{file} at {:?}", d.span);
            // And a method's receiver type, as the loader keys it.
            let recv = match &decl {
                Decl::Func(fd) => fd.recv.as_ref().map(|r| {
                    gosub_syntax::ast::recv_base(&r.ty).map_or("", |(b, _)| b.name.as_str())
                }),
                _ => None,
            };
            assert_eq!(d.recv(src), recv, "{path}/{file} at {:?}", d.span);
            n += 1;
        }
    }
    assert!(n > 2000, "{n} declarations");
}
